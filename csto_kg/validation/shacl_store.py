"""SHACL compiled to SPARQL and run inside an Oxigraph store: pySHACL's validation results, one query per constraint.

pySHACL validates focus node by focus node in Python over rdflib: at 10⁵
triples it spends ~20 s making result objects and doing rdflib look-ups, and it
grows faster than the graph (``bench/README.md``). Here each (shape,
constraint) of the shapes graph becomes **one** SPARQL query over the whole
store (the shape's focus nodes joined with its path, filtered by the
constraint), so the work is Oxigraph's joins, and Python only sees results.

Exactness. pySHACL is the reference (``tests/test_shacl_engine_equivalence.py``
compares the two on every shape fixture, the curated graph, a synthetic project
and mutated graphs with violations of every component). Where a condition is a
SPARQL expression with the same meaning (``sh:class`` as ``EXISTS { ?v
rdf:type/rdfs:subClassOf* C }``, ``sh:nodeKind``, ``sh:in``, ``sh:languageIn``,
``sh:minLength``, counts), the query decides; where pySHACL's answer is a
Python computation on the term (``sh:datatype``'s well-formedness,
``sh:pattern``'s Python regex, ``sh:minInclusive``'s and ``sh:lessThan``'s
rdflib comparisons), the query keeps only the values a sound SPARQL test does
not already settle and pySHACL's own rule decides those, once per distinct
value. Shape parsing (targets, paths, messages, severities, ``sh:deactivated``,
``sh:prefixes``) is pySHACL's own (``pyshacl.shapes_graph``).

Literals. Oxigraph stores numeric, boolean and date literals canonically
(:mod:`.shacl_terms`): when the store is built from the rdflib graph, result
terms map back to the graph's own, and a shape reading a predicate whose values
the store changed in meaning runs in pySHACL on the original graph. A store
loaded from files by Oxigraph has no originals: it is validated as it holds
its data.

Incremental. Given the results of a previous validation and the triples changed since (``previous``),
each shape keeps the results of the focus nodes no changed triple can reach and runs again for the others only,
its focus nodes given by VALUES (:mod:`.incremental`, from the queries the shape runs: a dry run of its plan).

Anything this module does not compile (a constraint component, a nested shape
or a path it has no query for, a shape without ``sh:message``, a SPARQL
constraint that cannot be run once for all focus nodes) runs in pySHACL for
that shape alone, over the rdflib graph (the original one when given, else one
built from the store); :class:`Stats` names each such shape and why.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
import pyshacl
from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from pyshacl.helper.path_helper import shacl_path_to_sparql_path
from pyshacl.rdfutil.clone import clone_blank_node
from pyshacl.shapes_graph import ShapesGraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from ..errors import UserError
from ..shacl_sparql import _safe
from ..sparql_prepared import prepared_queries
from ..sparql_unions import unions_selected
from ..terms import from_ox, to_ox
from .focus_first import focus_first
from .incremental import Delta, Reach, affected, graph_of, grouped
from .reads import reads_of
from .shacl_terms import Fidelity, Unsupported, graph_from_store, sparql_term, store_from_graph, term_key
from .shacl_values import (
    SURE_DATE,
    ValueTest,
    class_test,
    datatype_test,
    in_test,
    language_test,
    length_test,
    less_than,
    pattern_test,
    range_test,
)

__all__ = ["Fidelity", "Previous", "RawResult", "Stats", "store_from_graph", "validate_store"]

_READ_WITH = {
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.qualifiedValueShapesDisjoint,
}  # read by qualifiedValueShape
_COMPONENT = {
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH["class"]: SH.ClassConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.uniqueLang: SH.UniqueLangConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH.lessThan: SH.LessThanConstraintComponent,
    SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    SH.disjoint: SH.DisjointConstraintComponent,
    SH.sparql: SH.SPARQLConstraintComponent,
}
# Constraint parameters compiled here; any other parameter of ALL_CONSTRAINT_PARAMETERS sends its shape to pySHACL.
_COMPILED = set(_COMPONENT) | {SH.minCount, SH.maxCount, SH.qualifiedValueShape}
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}

# How pySHACL is run everywhere here: on the given graph as it is, reporting every severity, SHACL Core + SPARQL.
PYSHACL_OPTIONS = dict(
    inference="none", inplace=True, allow_warnings=True, allow_infos=True, advanced=False, meta_shacl=False
)


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RawResult:
    """One sh:ValidationResult, as pySHACL's report states it."""

    focus: object
    shape: object
    component: URIRef
    severity: object
    messages: tuple
    value: object = None
    path: object = None
    source_constraint: object = None


@dataclass
class Stats:
    """What :func:`validate_store` did: queries per shape, shapes left to pySHACL (and why), timings."""

    queries: int = 0
    compiled: list = field(default_factory=list)  # shapes answered by compiled queries
    fallbacks: dict = field(default_factory=dict)  # shape -> why it ran in pySHACL
    altered_literals: int = 0
    python_checked: int = 0  # distinct values decided by pySHACL's own rule (datatype, pattern, comparisons)
    seconds: dict = field(default_factory=dict)  # shape -> seconds
    # incremental validation (validate_store's ``previous``): shape -> focus nodes validated again, or why whole
    incremental: dict = field(default_factory=dict)


class _NoRows:
    """What a query answers in a dry run: no row."""

    variables: tuple = ()

    def __iter__(self):
        return iter(())


_NO_ROWS = _NoRows()
_MAX_FOCUS = 2000  # focus nodes validated again by their IRIs in the queries; more: the shape is validated whole


@dataclass
class Previous:
    """The previous validation of the store's graph, for an incremental one: its results, the triples changed
    since (:class:`.incremental.Delta`), and the shapes it left to pySHACL."""

    results: list
    delta: Delta
    whole: frozenset = frozenset()
    by_shape: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_shape = grouped(self.results, lambda r: r.shape)


# --- the compiler -----------------------------------------------------------------------


class _Compiler:
    """What the shapes graph alone decides, each worked out once and kept (:func:`_compiler_for`): a shape's
    parameters, focus pattern, paths, value tests and SPARQL constraint texts."""

    def __init__(self, sg: ShapesGraph):
        self.sg = sg
        self.g = sg.graph
        self.memo: dict = {}

    def memoised(self, key, make):
        """``make()``, kept under ``key`` (an Unsupported construct is not kept: it raises each time it is met)."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def one(self, node, p):
        vals = list(self.g.objects(node, p))
        if len(vals) > 1:
            raise Unsupported(f"several {p.n3()}")
        return vals[0] if vals else None

    def path(self, path_node) -> str:
        return self.memoised(("path", path_node), lambda: self._path(path_node))

    def _path(self, path_node) -> str:
        try:
            return shacl_path_to_sparql_path(self.sg, path_node)
        except Exception as e:  # pySHACL's own errors for malformed paths
            raise Unsupported(f"path: {e}") from e

    def params(self, node) -> set:
        found = self.memoised(
            ("params", node),
            lambda: frozenset(p for p in self.g.predicates(node, None) if p in ALL_CONSTRAINT_PARAMETERS),
        )
        return set(found)

    def node_test(self, node, depth: int = 0) -> ValueTest:
        """Conformance of a value to the shape ``node`` (a member of sh:or / sh:and / sh:not / sh:qualifiedValueShape)."""
        if depth > 8:
            raise Unsupported("nested shapes too deep")
        deactivated = any(bool(getattr(d, "value", False)) for d in self.g.objects(node, SH.deactivated))
        if deactivated:
            return ValueTest(exact="true")
        path = self.one(node, SH.path)
        tests = []
        for p in self.params(node):
            if (
                p
                in (
                    SH.qualifiedValueShape,
                    SH.sparql,
                    SH.uniqueLang,
                    SH.lessThan,
                    SH.lessThanOrEquals,
                    SH.disjoint,
                    SH.maxCount,
                )
                or p in _READ_WITH
                or p not in _COMPILED
            ):
                raise Unsupported(f"{p.n3()} in a nested shape")
            if p == SH.minCount:
                continue
            tests.extend(self.value_tests(node, p, depth))
        if path is None:
            if self.one(node, SH.minCount) is not None:
                raise Unsupported("sh:minCount on a node shape")
            return (
                tests[0] if len(tests) == 1 else ValueTest(op="and", kids=tests) if tests else ValueTest(exact="true")
            )
        # a property shape on the value: its value nodes conform, and there are at least minCount of them
        parts = []
        mc = self.one(node, SH.minCount)
        sp = self.path(path)
        if mc is not None and int(mc) > 0:
            if int(mc) != 1:
                raise Unsupported("sh:minCount > 1 in a nested shape")
            parts.append(f"EXISTS {{ {{v}} {sp} ?_n{depth} }}")
        for t in tests:
            if not t.is_exact:
                raise Unsupported("a Python-decided test on a nested property shape's values")
            parts.append(f"NOT EXISTS {{ {{v}} {sp} ?_n{depth} FILTER ({t.fails(f'?_n{depth}')}) }}")
        return ValueTest(exact="(" + " && ".join(parts) + ")" if parts else "true")

    def value_tests(self, node, p, depth: int) -> list[ValueTest]:
        """The tests a value node must pass for parameter ``p`` of shape ``node``, one per value of ``p``."""
        return self.memoised(("tests", node, p, depth), lambda: self._value_tests(node, p, depth))

    def _value_tests(self, node, p, depth: int) -> list[ValueTest]:
        vals = list(self.g.objects(node, p))
        out = []
        for val in vals:
            if p == SH.datatype:
                out.append(datatype_test(val))
            elif p == SH["class"]:
                out.append(class_test(val))
            elif p == SH.nodeKind:
                if val not in _NODE_KINDS:
                    raise Unsupported(f"sh:nodeKind {val}")
                out.append(ValueTest(exact=_NODE_KINDS[val]))
            elif p == SH["in"]:
                out.append(in_test(list(self.g.items(val))))
            elif p == SH.pattern:
                out.append(pattern_test(val, self.one(node, SH.flags)))
            elif p in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
                out.append(range_test(val, p))
            elif p in (SH.minLength, SH.maxLength):
                out.append(length_test(int(val), p == SH.minLength))
            elif p == SH.languageIn:
                out.append(language_test(list(self.g.items(val))))
            elif p in (SH["or"], SH["and"]):
                kids = [self.node_test(m, depth + 1) for m in self.g.items(val)]
                out.append(
                    ValueTest(op="or" if p == SH["or"] else "and", kids=kids)
                    if kids
                    else ValueTest(exact="false" if p == SH["or"] else "true")
                )
            elif p == SH["not"]:
                out.append(ValueTest(op="not", kids=[self.node_test(val, depth + 1)]))
            else:
                raise Unsupported(f"{p.n3()}")
        return out


# --- the engine -------------------------------------------------------------------------


class _Engine:
    def __init__(self, store: ox.Store, shapes: Graph, fidelity: Fidelity, stats: Stats, reads=None):
        self.store, self.fid, self.stats = store, fidelity, stats
        self.comp = _compiler_for(shapes)
        self.dry: list | None = None
        self.reads = reads or reads_of
        self.sg = self.comp.sg
        self.decided: dict = {}  # (test id, term key) -> bool: pySHACL's rule, once per distinct value

    def query(self, text: str):
        if self.dry is not None:  # the texts a shape runs, asked for without running them (see reach)
            self.dry.append(text)
            return _NO_ROWS
        self.stats.queries += 1
        return self.store.query(text)

    # focus nodes ------------------------------------------------------------------------
    def focus_pattern(self, shape, only: set | None = None) -> str | None:
        """The shape's focus nodes as a sub-select of ``?this``; ``only``: those of them (Oxigraph terms)."""
        focus = self.comp.memoised(("focus", shape.node), lambda: self._focus_pattern(shape))
        if focus is None or only is None:
            return focus
        values = "VALUES ?this { " + " ".join(sorted(str(t) for t in only)) + " } "
        return focus.replace("{ SELECT DISTINCT ?this WHERE { ", "{ SELECT DISTINCT ?this WHERE { " + values, 1)

    def reach(self, shape) -> Reach | None:
        """What the shape's queries read from ``?this`` (:mod:`.reads`), or None when it has no targets.

        The texts are worked out once per shapes graph; each is analysed through ``self.reads`` every time, so
        that a build's :class:`.shacl_state.Incremental` sees (and keeps) every analysis it uses."""
        texts = self.comp.memoised(("texts", shape.node, frozenset(self.fid.predicates)), lambda: self._texts(shape))
        if texts is None:
            return None
        reads = tuple(self.reads(t) for t in texts)
        return self.comp.memoised(("reach", reads), lambda: Reach(list(reads)))

    def _texts(self, shape) -> tuple | None:
        """The queries the shape runs (a dry run of its plan), and the one asking for its focus nodes."""
        texts: list = []
        self.dry = texts
        try:
            got = self.shape_results(shape)
        finally:
            self.dry = None
        if got is None:
            return None
        texts.append(f"SELECT ?this WHERE {{ {self.focus_pattern(shape)} }}")  # asked by sparql_results on rows
        return tuple(texts)

    def shape_results_since(self, shape, previous: Previous, graph) -> list[RawResult] | None:
        """The shape's results given the previous ones and what changed: those of the focus nodes a changed
        triple reaches validated again, the others' kept (:mod:`.incremental`)."""
        if shape.node in previous.whole:
            self.stats.incremental[shape.node] = "whole: left to pySHACL last time"
            return self.shape_results(shape)
        reach = self.reach(shape)
        if reach is None:
            return None
        focus = affected(reach, previous.delta, graph)
        kept = previous.by_shape.get(shape.node, [])
        if focus is not None and previous.delta:
            # a literal in a kept result is spelled as the previous build's file spelled it ("04" for the store's
            # "4"), which an edit may have changed without changing the value: validated again (results are few)
            focus |= {to_ox(r.focus) for r in kept if isinstance(r.value, Literal) or isinstance(r.focus, Literal)}
        if focus is not None and any(isinstance(f, ox.BlankNode) for f in focus):
            # a query cannot name a blank node: keep only the nodes that are the shape's focus nodes
            focus &= {r["this"] for r in self.query(f"SELECT ?this WHERE {self.focus_pattern(shape)}")}
        why = None
        if focus is None:
            why = "a change reaches every focus node"
        elif len(focus) > _MAX_FOCUS:
            why = f"{len(focus)} focus nodes to validate again"
        elif any(isinstance(f, ox.BlankNode) for f in focus):
            why = "a blank node to validate again"
        if why is not None:
            self.stats.incremental[shape.node] = f"whole: {why}"
            return self.shape_results(shape)
        self.stats.incremental[shape.node] = len(focus)
        if not focus:
            return list(kept)
        again = {self.term(f) for f in focus}
        return [r for r in kept if r.focus not in again] + self.shape_results(shape, only=focus)

    def _focus_pattern(self, shape) -> str | None:
        g = self.sg.graph
        parts = []
        nodes = [n for n in shape.target_nodes()]
        if nodes:
            parts.append("VALUES ?this { " + " ".join(sparql_term(n) for n in nodes) + " }")
        classes = set(shape.target_classes()) | set(shape.implicit_class_targets())
        for c in sorted(classes, key=str):
            parts.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(c)}")
        for p in sorted(shape.target_subjects_of(), key=str):
            parts.append(f"?this {sparql_term(p)} ?_o")
        for p in sorted(shape.target_objects_of(), key=str):
            parts.append(f"?_s {sparql_term(p)} ?this")
        if list(g.objects(shape.node, SH.target)):
            raise Unsupported("sh:target (SHACL-AF)")
        if not parts:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join("{ " + x + " }" for x in parts) + " } }"

    # one shape ----------------------------------------------------------------------------
    def shape_results(self, shape, only: set | None = None) -> list[RawResult] | None:
        """The shape's results, or None when it has no targets (pySHACL validates it only from another shape);
        ``only``: those of these focus nodes (Oxigraph terms, no blank node)."""
        focus = self.focus_pattern(shape, only)
        if focus is None:
            return None
        messages = tuple(shape.message)
        if not messages:
            raise Unsupported("no sh:message (pySHACL writes its own)")
        node = shape.node
        path = shape.path() if shape.is_property_shape else None
        if path is not None and self.fid.predicates and self._touches(self._iris(path)):
            raise Unsupported("a path reaches a literal the store rewrote")
        sp = self.comp.path(path) if path is not None else None
        values = f"?this {sp} ?value ." if sp else "BIND (?this AS ?value)"
        base = dict(
            focus=focus,
            node=node,
            severity=shape.severity,
            messages=messages,
            path=path,
            values=values,
            sp=sp,
            shape=shape,
        )
        params = self.comp.params(node)
        unknown = params - _COMPILED - _READ_WITH
        params -= _READ_WITH
        if unknown:
            raise Unsupported(", ".join(sorted(p.n3() for p in unknown)))
        if self.fid.predicates:
            iris = set()
            for p in params:
                for val in self.sg.graph.objects(node, p):
                    iris |= self._iris_deep(val)
            if self._touches(iris):
                raise Unsupported("a nested path reaches a literal the store rewrote")
        plan = []
        for p in sorted(params, key=str):
            if p == SH.minCount:
                plan.append(lambda p=p: self.min_count(base, int(self.comp.one(node, p))))
            elif p == SH.maxCount:
                plan.append(lambda p=p: self.max_count(base, int(self.comp.one(node, p))))
            elif p == SH.uniqueLang:
                plan.append(lambda: self.unique_lang(base))
            elif p == SH.qualifiedValueShape:
                plan.append(lambda: self.qualified(base))
            elif p in (SH.lessThan, SH.lessThanOrEquals, SH.disjoint):
                for other in self.sg.graph.objects(node, p):
                    plan.append(lambda p=p, other=other: self.pair(base, p, other))
            elif p == SH.sparql:
                plan.extend(self.sparql_plan(base, shape))
            else:
                for test in self.comp.value_tests(node, p, 0):
                    plan.append(lambda p=p, test=test: self.value_results(base, _COMPONENT[p], test))
        out = []
        for step in plan:  # compiled before running, so an Unsupported construct leaves no partial results
            out.extend(step())
        return out

    def _iris(self, path) -> set:
        return _path_iris(self.sg.graph, path)

    def _iris_deep(self, node) -> set:
        out = set()
        if isinstance(node, URIRef):
            return {node}
        if isinstance(node, BNode):
            for _, o in self.sg.graph.predicate_objects(node):
                if isinstance(o, (URIRef, BNode)):
                    out |= self._iris_deep(o) if isinstance(o, BNode) else {o}
        return out

    def _touches(self, iris: set) -> bool:
        return bool(iris & self.fid.predicates)

    def result(self, base, focus, component, value=None, path="shape", messages=None, source_constraint=None):
        return RawResult(
            focus=focus,
            shape=base["node"],
            component=component,
            severity=base["severity"],
            messages=messages if messages is not None else base["messages"],
            value=value,
            path=base["path"] if path == "shape" else path,
            source_constraint=source_constraint,
        )

    def term(self, o):
        return self.fid.rdflib(o)

    # components --------------------------------------------------------------------------
    def min_count(self, b, n: int) -> list:
        if b["sp"] is None:
            raise Unsupported("sh:minCount on a node shape")
        if n <= 0:
            return []
        if n == 1:
            q = f"SELECT ?this WHERE {{ {b['focus']} FILTER NOT EXISTS {{ ?this {b['sp']} ?value }} }}"
        else:
            q = (
                f"SELECT ?this WHERE {{ {b['focus']} OPTIONAL {{ ?this {b['sp']} ?value }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {n})"
            )
        return [self.result(b, self.term(r["this"]), SH.MinCountConstraintComponent) for r in self.query(q)]

    def max_count(self, b, n: int) -> list:
        if b["sp"] is None:
            raise Unsupported("sh:maxCount on a node shape")
        q = (
            f"SELECT ?this WHERE {{ {b['focus']} ?this {b['sp']} ?value }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {n})"
        )
        return [self.result(b, self.term(r["this"]), SH.MaxCountConstraintComponent) for r in self.query(q)]

    def unique_lang(self, b) -> list:
        if not any(bool(getattr(v, "value", False)) for v in self.sg.graph.objects(b["node"], SH.uniqueLang)):
            return []
        q = (
            f"SELECT ?this ?lang WHERE {{ {b['focus']} ?this {b['sp']} ?value . "
            f'FILTER (isLiteral(?value) && LANG(?value) != "") BIND (LCASE(LANG(?value)) AS ?lang) }} '
            f"GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?value) > 1)"
        )
        return [self.result(b, self.term(r["this"]), SH.UniqueLangConstraintComponent) for r in self.query(q)]

    def value_results(self, b, component, test: ValueTest) -> list:
        """One result per (focus, value node) failing ``test``: settled in SPARQL, or by pySHACL's rule per value."""
        leaves = [t for t in test.leaves() if t.exact is not None] if not test.is_exact else []
        binds = " ".join(f"BIND (COALESCE({t.passes('?value')}, false) AS ?t{i})" for i, t in enumerate(leaves))
        cond = test.fails("?value") if test.is_exact else f"!({test.passes('?value')})"
        q = (
            f"SELECT DISTINCT ?this ?value {' '.join(f'?t{i}' for i in range(len(leaves)))} WHERE {{ "
            f"{b['focus']} {b['values']} {binds} FILTER ({cond}) }}"
        )
        out = []
        for r in self.query(q):
            value = r["value"]
            if not test.is_exact:
                k = (id(test), term_key(value), tuple(bool(r[f"t{i}"].value == "true") for i in range(len(leaves))))
                ok = self.decided.get(k)
                if ok is None:
                    exact_values = {id(t): k[2][i] for i, t in enumerate(leaves)}
                    ok = self.decided[k] = test.decide(self.term(value), exact_values)
                    self.stats.python_checked += 1
                if ok:
                    continue
            out.append(self.result(b, self.term(r["this"]), component, value=self.term(value)))
        return out

    def qualified(self, b) -> list:
        node = b["node"]
        if any(bool(getattr(v, "value", False)) for v in self.sg.graph.objects(node, SH.qualifiedValueShapesDisjoint)):
            raise Unsupported("sh:qualifiedValueShapesDisjoint")
        qmin = self.comp.one(node, SH.qualifiedMinCount)
        qmax = self.comp.one(node, SH.qualifiedMaxCount)
        out = []
        for qs in self.sg.graph.objects(node, SH.qualifiedValueShape):
            test = self.comp.node_test(qs, 1)
            if not test.is_exact:
                raise Unsupported("a Python-decided test in sh:qualifiedValueShape")
            q = (
                f"SELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {b['focus']} "
                f"OPTIONAL {{ {b['values']} FILTER ({test.passes('?value')}) }} }} GROUP BY ?this"
            )
            conds = []
            if qmax is not None:
                conds.append(f"?n > {int(qmax)}")
            if qmin is not None:
                conds.append(f"?n < {int(qmin)}")
            if not conds:
                continue
            for r in self.query(f"SELECT ?this ?n WHERE {{ {{ {q} }} FILTER ({' || '.join(conds)}) }}"):
                n = int(r["n"].value)
                focus = self.term(r["this"])
                if qmax is not None and n > int(qmax):
                    out.append(self.result(b, focus, SH.QualifiedMaxCountConstraintComponent))
                if qmin is not None and n < int(qmin):
                    out.append(self.result(b, focus, SH.QualifiedMinCountConstraintComponent))
        return out

    def pair(self, b, p, other) -> list:
        """sh:lessThan / sh:lessThanOrEquals (pairs, pySHACL's comparison) and sh:disjoint."""
        if not isinstance(other, URIRef):
            raise Unsupported(f"{p.n3()} with a non-IRI")
        o = sparql_term(other)
        f, vals = b["focus"], b["values"]
        if p == SH.disjoint:
            q = f"SELECT DISTINCT ?this ?value WHERE {{ {f} {vals} ?this {o} ?value }}"
            return [
                self.result(b, self.term(r["this"]), SH.DisjointConstraintComponent, value=self.term(r["value"]))
                for r in self.query(q)
            ]
        strict = p == SH.lessThan
        op = "<" if strict else "<="
        component = SH.LessThanConstraintComponent if strict else SH.LessThanOrEqualsConstraintComponent
        sure = (
            f"((isNumeric(?value) && isNumeric(?other)) || (DATATYPE(?value) = <{XSD.date}> && "
            f'DATATYPE(?other) = <{XSD.date}> && REGEX(STR(?value), "{SURE_DATE}") && '
            f'REGEX(STR(?other), "{SURE_DATE}"))) && ?value {op} ?other'
        )
        q = f"SELECT ?this ?value ?other WHERE {{ {f} {vals} ?this {o} ?other . FILTER (!COALESCE({sure}, false)) }}"
        out = []
        for r in self.query(q):
            value, other_v = self.term(r["value"]), self.term(r["other"])
            if isinstance(value, BNode):
                raise UserError(
                    f"sh:{'lessThan' if strict else 'lessThanOrEquals'} cannot compare a blank node ({b['node']})"
                )
            if isinstance(other_v, BNode):
                continue
            self.stats.python_checked += 1
            if not less_than(value, other_v, strict):
                out.append(self.result(b, self.term(r["this"]), component, value=value))
        return out

    def sparql_plan(self, base, shape) -> list:
        """One whole-graph run per sh:sparql constraint; rows grouped by ``?this`` as pySHACL handles them per focus."""
        plan = []
        for qh, text in self.comp.memoised(("sparql", shape.node), lambda: _sparql_texts(shape)):
            if self.fid.predicates and any(_mentions(text, p) for p in self.fid.predicates):
                raise Unsupported("the SPARQL constraint reads a predicate with a literal the store rewrote")
            plan.append(lambda qh=qh, text=text: self.sparql_results(base, shape, qh, focus_first(text, base["focus"])))
        return plan

    def sparql_results(self, b, shape, qh, text: str) -> list:
        sols = self.query(text)
        names = [v.value for v in sols.variables]
        by_focus: dict = defaultdict(list)
        focus = None  # the shape's focus nodes, asked only once a row needs them (most constraints give none)
        for sol in sols:
            if focus is None:
                focus = {term_key(r["this"]) for r in self.query(f"SELECT ?this WHERE {b['focus']}")}
            row = {}
            for name in names:
                v = sol[name]
                if v is not None:
                    row[name] = v
            this = row.get("this")
            if this is None:
                raise Unsupported("a solution leaves ?this unbound")
            if term_key(this) in focus:
                by_focus[term_key(this)].append({k: self.term(v) for k, v in row.items()})
        extra = qh.messages or None
        out = []
        for rows in by_focus.values():
            violations: list = []
            seen_failure = False
            for var_dict in rows:  # pySHACL's _validate_sparql_query, for one focus node
                var_dict = dict(var_dict)
                if var_dict.pop("failure", None) is not None:
                    if not seen_failure:
                        violations.append((True, var_dict))
                        seen_failure = True
                    continue
                p = var_dict.pop("path", None)
                v = var_dict.pop("value", None)
                t = var_dict.pop("this", None)
                if (p is not None or v is not None or t is not None) and (t, p, v, var_dict) not in violations:
                    violations.append((t, p, v, var_dict))
            f = rows[0]["this"]
            result_val = None if shape.is_property_shape else f
            for viol in violations:
                if viol[0] is True:
                    raise Unsupported("a SPARQL constraint reports ?failure")
                t, p, v, var_dict = viol
                v = result_val if v is None else v
                msgs = _messages(shape, extra, (t, p, v, var_dict))
                out.append(
                    self.result(
                        b,
                        t or f,
                        SH.SPARQLConstraintComponent,
                        value=v,
                        path=p if p is not None else b["path"],
                        messages=msgs,
                        source_constraint=qh.node,
                    )
                )
        return out


def _sparql_texts(shape) -> list:
    """The shape's active SPARQL constraints, each with its text as run once for all focus nodes (prefixes applied)."""
    out = []
    for qh in SPARQLBasedConstraint(shape).sparql_constraints:
        if qh.deactivated:
            continue
        with prepared_queries():  # pySHACL checks a text once per process, not once per validation
            init, text = qh.pre_bind_variables(URIRef("urn:x-csto-kg:focus"))
        if set(init) - {"this"}:
            raise Unsupported("a SPARQL constraint pre-binds " + ", ".join(sorted(set(init) - {"this"})))
        text = qh.apply_prefixes(text)
        why = _safe(text)
        if why is not None:
            raise Unsupported(f"SPARQL constraint: {why}")
        out.append((qh, unions_selected(text)))  # a union joined with more patterns: a sub-query (see there)
    return out


# The compiled shapes graphs, by content (triples and prefixes): what a shapes graph decides is worked out once per
# process for every store validated against it (the shape fixtures' tests validate hundreds of graphs with one).
_COMPILERS: OrderedDict = OrderedDict()
_COMPILERS_KEPT = 4
_compilers_lock = threading.Lock()


def _compiler_for(shapes: Graph) -> _Compiler:
    triples = frozenset(shapes)
    prefixes = frozenset((str(p), str(n)) for p, n in shapes.namespace_manager.namespaces())
    key = (triples, prefixes)
    with _compilers_lock:
        comp = _COMPILERS.get(key)
        if comp is None:  # compiled from a private copy: a caller editing its graph later cannot change what is kept
            own = Graph(bind_namespaces="none")
            for prefix, namespace in prefixes:
                own.bind(prefix, namespace, override=True, replace=True)
            own.addN((s, p, o, own) for s, p, o in triples)
            comp = _COMPILERS[key] = _Compiler(ShapesGraph(own))
            while len(_COMPILERS) > _COMPILERS_KEPT:
                _COMPILERS.popitem(last=False)
        _COMPILERS.move_to_end(key)
        return comp


def _messages(shape, extra, bound) -> tuple:
    """pySHACL's make_v_result messages for a SPARQL-based result: {?var}/{$var} replaced, language dropped."""
    fdict = dict(bound[3])
    for name, val in zip(("this", "path", "value"), bound[:3], strict=True):
        if val is not None:
            fdict[name] = val

    def fmt(m):
        if not isinstance(m, Literal):
            return m
        msg = str(m.value)
        for var, val in fdict.items():
            msg = re.sub("{{[?$]{}}}".format(var), str(val), msg)
        return Literal(msg)

    shape_msgs = list(shape.message)
    out = [fmt(m) for m in (extra or []) if m not in shape_msgs]
    out += [fmt(m) for m in shape_msgs]
    return tuple(out)


def _mentions(text: str, iri) -> bool:
    """Whether a query may name ``iri`` (as ``<iri>`` or a prefixed name ending in its local name)."""
    s = str(iri)
    local = re.split(r"[#/]", s)[-1] or s
    return f"<{s}>" in text or re.search(rf"[:/#]{re.escape(local)}(?![\w.-]*\w)", text) is not None


def _path_iris(g: Graph, path) -> set:
    if isinstance(path, URIRef):
        return {path}
    out = set()
    for _, o in g.predicate_objects(path):
        if isinstance(o, URIRef) and o != RDF.nil:
            out.add(o)
        elif isinstance(o, BNode):
            out |= _path_iris(g, o)
    return out


# --- the entry point --------------------------------------------------------------------


def validate_store(
    store: ox.Store,
    shapes: Graph,
    *,
    data: Graph | None = None,
    fidelity: Fidelity | None = None,
    previous: Previous | None = None,
    reads=None,
) -> tuple[Graph, list[RawResult], Stats]:
    """Validate the default graph of ``store`` against ``shapes``: pySHACL's report graph and results.

    ``data``: the rdflib graph the store was built from, if any (pySHACL's fallback runs on it, and blank nodes
    of results are copied from it); ``fidelity``: what the store altered of it (:func:`store_from_graph`).
    ``previous``: the results of the same shapes on a graph that differs from this one by ``previous.delta``:
    only the focus nodes a changed triple reaches are validated again (:mod:`.incremental`). ``reads``: what
    analyses a query for that (:func:`.reads.reads_of`, or a cache of it).
    """
    stats = Stats()
    fid = fidelity or Fidelity()
    stats.altered_literals = fid.altered
    engine = _Engine(store, shapes, fid, stats, reads)
    graph = graph_of(store) if previous is not None else None
    results: list[RawResult] = []
    fallback = []
    for shape in engine.sg.shapes:
        if shape.deactivated:
            continue
        t0 = time.perf_counter()
        try:
            got = (
                engine.shape_results(shape) if previous is None else engine.shape_results_since(shape, previous, graph)
            )
        except Unsupported as e:
            if isinstance(shape.node, BNode):
                raise UserError(f"a shape this engine cannot compile is a blank node ({e}): name it with an IRI") from e
            stats.fallbacks[shape.node] = str(e)
            fallback.append(shape.node)
            continue
        if got is None:
            continue
        stats.compiled.append(shape.node)
        stats.seconds[shape.node] = time.perf_counter() - t0
        results.extend(got)
    if fallback:
        if data is None:
            data = graph_from_store(store)
        results.extend(_pyshacl(data, shapes, fallback))
    return report_graph(shapes, engine.sg, results, data, store), results, stats


def _pyshacl(data: Graph, shapes: Graph, nodes: list) -> list[RawResult]:
    """pySHACL's results for the shapes ``nodes`` alone (their SPARQL constraints answered by Oxigraph)."""
    from ..shacl_sparql import in_oxigraph

    with in_oxigraph(), prepared_queries():
        _, report, _ = pyshacl.validate(
            data,
            shacl_graph=shapes,
            **PYSHACL_OPTIONS,
            use_shapes=[str(n) for n in nodes],
        )
    if not isinstance(report, Graph):
        raise UserError(f"the shapes cannot be used: {getattr(report, 'message', report)}")
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append(
            RawResult(
                focus=report.value(r, SH.focusNode),
                shape=report.value(r, SH.sourceShape),
                component=report.value(r, SH.sourceConstraintComponent),
                severity=report.value(r, SH.resultSeverity),
                messages=tuple(report.objects(r, SH.resultMessage)),
                value=report.value(r, SH.value),
                path=report.value(r, SH.resultPath),
                source_constraint=report.value(r, SH.sourceConstraint),
            )
        )
    return out


def report_graph(shapes: Graph, sg: ShapesGraph, results: Iterable[RawResult], data: Graph | None, store) -> Graph:
    """The sh:ValidationReport graph pySHACL writes for ``results`` (validator.create_validation_report)."""
    results = list(results)
    vg = Graph(bind_namespaces="core")
    for p, n in shapes.namespace_manager.namespaces():
        vg.namespace_manager.bind(p, n)
    vr = BNode()
    vg.add((vr, RDF.type, SH.ValidationReport))
    conforms = not any(r.severity not in (SH.Warning, SH.Info) for r in results)
    vg.add((vr, SH.conforms, Literal(conforms)))
    cloned: set = set()

    def copy(node, source):
        if isinstance(node, BNode) and (source, str(node)) not in cloned:
            cloned.add((source, str(node)))
            if source == "sg":
                clone_blank_node(shapes, node, vg, keepid=True)
            elif data is not None:
                clone_blank_node(data, node, vg, keepid=True)
            else:
                _clone_from_store(store, node, vg, 0)
        return node

    for r in results:
        n = BNode()
        vg.add((vr, SH.result, n))
        vg.add((n, RDF.type, SH.ValidationResult))
        vg.add((n, SH.sourceConstraintComponent, r.component))
        vg.add((n, SH.sourceShape, copy(r.shape, "sg")))
        vg.add((n, SH.resultSeverity, r.severity))
        vg.add((n, SH.focusNode, copy(r.focus, "data")))
        if r.value is not None:
            vg.add((n, SH.value, copy(r.value, "data")))
        if r.path is not None:
            vg.add((n, SH.resultPath, copy(r.path, "sg")))
        if r.source_constraint is not None:
            vg.add((n, SH.sourceConstraint, copy(r.source_constraint, "sg")))
        for m in r.messages:
            vg.add((n, SH.resultMessage, m))
    return vg


def _clone_from_store(store, node: BNode, vg: Graph, depth: int) -> None:
    if depth >= 10:
        return
    for q in store.quads_for_pattern(ox.BlankNode(str(node)), None, None, ox.DefaultGraph()):
        o = from_ox(q.object)
        vg.add((node, from_ox(q.predicate), o))
        if isinstance(o, BNode) and o != node:
            _clone_from_store(store, o, vg, depth + 1)
