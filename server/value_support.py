"""Which passage supports which value: per-statement evidence for the pages.

For a statement ``(subject, property, value)`` the pages show, under the
value, the passage(s) it comes from, each with the seed graph that states it
and its rank. Two ways to know:

- **graph:support** (built by ``csto_kg.support``): one ``rdf:Statement`` per
  curated value of a fact in a seed graph, with ``prov:wasDerivedFrom`` its
  evidence, ``csto:statedIn`` the seed graph, ``csto:rank`` (preferred /
  normal) and ``csto:rankReason``. Used whenever it describes the subject.
- otherwise, the fact's own evidence **in the same named graph**: the
  ``prov:wasDerivedFrom`` nodes the graph gives the subject, narrowed, when
  the graph gives several, to those declaring ``csto:supportsProperty`` the
  property (if any do).

Statements only the build inferred have no passage of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pyoxigraph as ox

from csto_kg.namespaces import CSTO, GRAPH, INFERRED_GRAPH, PROV, RDF

__all__ = ["Support", "SUPPORT_GRAPH", "supports_for", "frozen_supports", "curated", "PREFERRED", "NORMAL"]

SUPPORT_GRAPH = ox.NamedNode(str(GRAPH) + "support")
PREFERRED = str(CSTO) + "PreferredRank"
NORMAL = str(CSTO) + "NormalRank"
_N = ox.NamedNode
_DERIVED_FROM = _N(str(PROV.wasDerivedFrom))
_SUPPORTS_PROPERTY = _N(str(CSTO) + "supportsProperty")
_SUBJECT, _PREDICATE, _OBJECT = (_N(str(RDF) + n) for n in ("subject", "predicate", "object"))
_STATED_IN, _RANK, _RANK_REASON = (_N(str(CSTO) + n) for n in ("statedIn", "rank", "rankReason"))
_INFERRED = _N(str(INFERRED_GRAPH))
_DISAGREES = _N(str(CSTO) + "disagreesWith")


def curated(q: ox.Quad) -> bool:
    """Whether ``q`` is in a curated named graph: not the union default graph (which repeats every
    named graph), not graph:inferred, not graph:support."""
    return isinstance(q.graph_name, ox.NamedNode) and q.graph_name != _INFERRED and q.graph_name != SUPPORT_GRAPH


@dataclass(frozen=True)
class Support:
    """One seed graph's support for one value: the evidence IRIs, the rank and why."""

    graph: str
    evidence: tuple[str, ...]
    rank: str | None = None  # PREFERRED | NORMAL | None (no graph:support)
    rank_reason: str | None = None
    statement: str | None = None  # the rdf:Statement node, when graph:support has one
    disagrees: bool = False  # graph:support links it to a conflicting statement

    @property
    def preferred(self) -> bool:
        return self.rank == PREFERRED


Key = tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode]  # (property IRI, value)


def supports_for(store: ox.Store, subject: str) -> dict[Key, list[Support]]:
    """Every value of ``subject`` a seed states, with its support (see the module docstring)."""
    node = _N(subject)
    from_graph = _from_support_graph(store, node)
    return from_graph if from_graph else _from_fact_evidence(store, node)


def frozen_supports(store: ox.Store, subject: str) -> Mapping[Key, tuple[Support, ...]]:
    """:func:`supports_for`, read-only (a mapping proxy of tuples): a value pages share once it is remembered."""
    return MappingProxyType({key: tuple(supports) for key, supports in supports_for(store, subject).items()})


def _from_support_graph(store: ox.Store, node: ox.NamedNode) -> dict[Key, list[Support]]:
    out: dict[Key, list[Support]] = defaultdict(list)
    for q in store.quads_for_pattern(None, _SUBJECT, node, SUPPORT_GRAPH):
        st = q.subject
        first: dict = {}  # predicate -> its first object (in the store's order)
        evidence = []
        for d in store.quads_for_pattern(st, None, None, SUPPORT_GRAPH):  # the statement's description, one scan
            first.setdefault(d.predicate, d.object)
            if d.predicate == _DERIVED_FROM:
                evidence.append(d.object.value)
        pred, obj, graph = first.get(_PREDICATE), first.get(_OBJECT), first.get(_STATED_IN)
        if pred is None or obj is None:
            continue
        rank, reason = first.get(_RANK), first.get(_RANK_REASON)
        out[(pred.value, obj)].append(
            Support(
                graph.value if graph is not None else "",
                tuple(sorted(evidence)),
                rank.value if rank is not None else None,
                reason.value if reason is not None else None,
                st.value if isinstance(st, ox.NamedNode) else None,
                _DISAGREES in first,
            )
        )
    for supports in out.values():
        supports.sort(key=lambda s: (not s.preferred, s.graph))
    return dict(out)


def _from_fact_evidence(store: ox.Store, node: ox.NamedNode) -> dict[Key, list[Support]]:
    evidence_in: dict[str, list[str]] = defaultdict(list)  # graph -> evidence IRIs of the subject there
    values: dict[Key, set[str]] = defaultdict(set)  # (p, o) -> graphs
    for q in store.quads_for_pattern(node, None, None, None):
        g = q.graph_name
        if not isinstance(g, ox.NamedNode) or g == _INFERRED or g == SUPPORT_GRAPH:
            continue
        if q.predicate == _DERIVED_FROM and isinstance(q.object, ox.NamedNode):
            evidence_in[g.value].append(q.object.value)
        values[(q.predicate.value, q.object)].add(g.value)
    declared = {
        ev: {q.object.value for q in store.quads_for_pattern(_N(ev), _SUPPORTS_PROPERTY, None, None)}
        for evs in evidence_in.values()
        if len(evs) > 1
        for ev in evs
    }
    out: dict[Key, list[Support]] = {}
    for (pred, obj), graphs in values.items():
        if pred == _DERIVED_FROM.value:
            continue
        out[(pred, obj)] = [Support(g, _narrow(evidence_in.get(g, []), declared, pred)) for g in sorted(graphs)]
    return out


def _narrow(evs: list[str], declared: dict[str, set[str]], pred: str) -> tuple[str, ...]:
    """The evidence nodes of one graph that support ``pred`` (all of them when none says)."""
    if len(evs) > 1:
        named = [e for e in evs if pred in declared.get(e, ())]
        if named:
            return tuple(sorted(named))
        undeclared = [e for e in evs if not declared.get(e)]
        if undeclared and len(undeclared) < len(evs):
            return tuple(sorted(undeclared))
    return tuple(sorted(evs))
