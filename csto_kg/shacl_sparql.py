"""SHACL-SPARQL constraints answered by Oxigraph: one whole-graph query per constraint.

pySHACL evaluates a SPARQL-based constraint (``sh:sparql`` / ``sh:select``)
once per focus node, each time re-parsing the query and running it in rdflib's
engine: ~95 % of validation time, growing with the number of focus nodes times
the cost of rdflib's joins (see ``bench/README.md``). Inside
:func:`in_oxigraph`, pySHACL still does everything else (targets, core
constraints, messages, the report), but when it asks for the solutions of a
constraint's query for focus node *f*, the answer comes from running that
query **once**, with ``$this`` free, in an in-memory Oxigraph store holding
the data graph, and keeping the solutions whose ``?this`` is *f*.

That is the same answer as pre-binding ``$this`` (SHACL's semantics) when
every solution binds ``?this`` from the query's own patterns, which holds for
queries of the usual form ``SELECT $this ... WHERE { $this ... FILTER NOT
EXISTS {...} }``. Queries this cannot be trusted for are left to pySHACL:
those that do not project ``$this``, use ``$currentShape`` / ``$value``
pre-binding, or contain a sub-query, aggregate, ``GROUP BY``, ``LIMIT``,
``OFFSET``, ``VALUES``, ``BIND ... AS ?this``, ``MINUS``, ``SERVICE`` or ``GRAPH``; and any
query one of whose whole-graph solutions leaves ``?this`` unbound.
``tests/test_shacl_engine_equivalence.py`` checks that validation reports are identical
with and without it.

Oxigraph plans a correlated ``EXISTS`` without the outer row's bindings: a
pattern inside it that starts from a variable bound only inside it is scanned
whole for every outer row. The shapes are written so that every pattern inside
an ``EXISTS`` starts from a variable bound outside it (``README.md``, "SPARQL
constraints that scale"), and this module runs their text as it is.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph

from .sparql_lex import significant_tokens
from .terms import from_ox, to_ox

__all__ = ["in_oxigraph", "Stats"]

_UNSAFE = re.compile(
    r"\b(MINUS|VALUES|SERVICE|GRAPH|LIMIT|OFFSET|HAVING|GROUP\s+BY|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\b"
    r"|[$?](currentShape|shapesGraph)\b|\bAS\s+[$?]this\b",
    re.IGNORECASE,
)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_PROJECTS_THIS = re.compile(r"\bSELECT\b[^{]*[$?]this\b", re.IGNORECASE | re.DOTALL)


@dataclass
class Stats:
    """What :func:`in_oxigraph` did: queries run in Oxigraph, and those left to pySHACL (with why)."""

    oxigraph_queries: int = 0
    answered: int = 0
    fallbacks: dict[str, str] = field(default_factory=dict)
    graph: str = ""
    seconds: dict[str, float] = field(default_factory=dict)  # query -> time to run it and group its solutions


class _Terms:
    """rdflib <-> Oxigraph terms; results map back to the data graph's own rdflib terms."""

    def __init__(self) -> None:
        self.to_ox: dict = {}
        self.back: dict = {}

    def ox(self, t):
        o = self.to_ox.get(t)
        if o is None:
            o = self.to_ox[t] = to_ox(t)
            self.back.setdefault(o, t)
        return o

    def rdflib(self, o):
        t = self.back.get(o)
        return t if t is not None else from_ox(o)


def _load(graph: Graph, terms: _Terms) -> ox.Store:
    store = ox.Store()
    conv = terms.ox
    triples = graph.triples((None, None, None))  # pySHACL may hand over a Dataset view of the graph
    store.extend(ox.Quad(conv(t[0]), conv(t[1]), conv(t[2])) for t in triples)
    return store


def _safe(query: str) -> str | None:
    """Why ``query`` cannot be answered by one whole-graph run, or None if it can."""
    body = "\n".join(line for line in query.splitlines() if not line.lstrip().upper().startswith("PREFIX"))
    # by tokens, comments dropped and strings blanked: the words of a message ("two values") are no keyword
    body = " ".join('""' if kind == "string" else text for kind, text in significant_tokens(body))
    if len(_SELECT.findall(body)) != 1:
        return "not exactly one SELECT"
    if not _PROJECTS_THIS.search(body):
        return "does not project $this"
    m = _UNSAFE.search(body)
    if m:
        return f"uses {m.group(0)}"
    return None


@contextmanager
def in_oxigraph() -> Iterator[Stats]:  # noqa: C901 - one patch of pySHACL: its branches are its fallbacks
    """Within this block, pySHACL's SPARQL-based constraints are answered by Oxigraph (see the module doc).

    Not when the environment asks for pySHACL alone, the reference (``CSTO_KG_SHACL=pyshacl``,
    :func:`csto_kg.validation.shacl.shacl_engine`): then the block changes nothing.
    """
    from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint

    from .validation.shacl import shacl_engine

    original = SPARQLBasedConstraint._validate_sparql_query
    stats = Stats()
    if shacl_engine() == "pyshacl":
        yield stats
        return
    stores: dict[int, tuple[Graph, ox.Store, _Terms]] = {}
    answers: dict[tuple[int, str], dict | None] = {}

    def solutions(query: str, target_graph) -> dict | None:
        """``?this`` -> solutions (dicts of bound variables) of ``query`` over the whole graph; None: use pySHACL."""
        key = (id(target_graph), query)
        if key in answers:
            return answers[key]
        why = _safe(query)
        result = None
        if why is None:
            if id(target_graph) not in stores:
                terms = _Terms()
                stores[id(target_graph)] = (target_graph, _load(target_graph, terms), terms)
            stats.graph = f"{type(target_graph).__name__}, {len(stores[id(target_graph)][1])} triples"
            _, store, terms = stores[id(target_graph)]
            t0 = time.perf_counter()
            try:
                sols = store.query(query)
            except (SyntaxError, ValueError, OSError) as e:
                why = f"Oxigraph: {e}"
            else:
                stats.oxigraph_queries += 1
                names = [v.value for v in sols.variables]
                result = defaultdict(list)
                for sol in sols:
                    row = {}
                    for name in names:
                        v = sol[name]
                        if v is not None:
                            row[name] = terms.rdflib(v)
                    if "this" not in row:
                        why, result = "a solution leaves ?this unbound", None
                        break
                    result[row["this"]].append(row)
                stats.seconds[query] = time.perf_counter() - t0
        if why is not None:
            stats.fallbacks[query] = why
        answers[key] = result
        return result

    def patched(self, query, init_binds, target_graph):
        if set(init_binds) != {"this"} or not isinstance(target_graph, Graph):
            return original(self, query, init_binds, target_graph)
        by_focus = solutions(query, target_graph)
        if by_focus is None:
            return original(self, query, init_binds, target_graph)
        stats.answered += 1
        # From here on, pySHACL's own handling of the rows (sparql_based_constraints.py), unchanged.
        violations: list = []
        dedup_set: set = set()
        for row in by_focus.get(init_binds["this"], ()):
            var_dict = dict(row)
            f = var_dict.pop("failure", None)
            if f is not None:
                if True in dedup_set:
                    continue
                violations.append((True, var_dict))
                dedup_set.add(True)
            else:
                p = var_dict.pop("path", None)
                v = var_dict.pop("value", None)
                t = var_dict.pop("this", None)
                if (p is not None) or (v is not None) or (t is not None):
                    if (t, p, v, var_dict) in violations:
                        continue
                    violations.append((t, p, v, var_dict))
        return violations

    SPARQLBasedConstraint._validate_sparql_query = patched
    try:
        yield stats
    finally:
        SPARQLBasedConstraint._validate_sparql_query = original
