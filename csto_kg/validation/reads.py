"""What a SPARQL query reads of the graph, as seen from its focus node ``?this``.

Incremental validation (:mod:`.incremental`) asks, for a changed triple, which focus nodes' results it can change.
This module answers the static half: a query's triple patterns and property paths as a pattern graph whose nodes
are its variables and constants and whose edges are its patterns (a property path is one edge, kept as a path).

The pattern graph is worked out per *alternative* of the query: a ``UNION`` gives one alternative per branch, and
an ``OPTIONAL``, ``MINUS`` or ``FILTER (NOT) EXISTS`` gives the alternative without its group and the one with it
(a group that would join two parts of the query only when it matches must not make them look joined: ``FILTER NOT
EXISTS`` keeps exactly the rows it does not join). A sub-select's variables are its own except those it projects.
``BIND (?x AS ?y)`` joins ``?y`` to ``?x``; any other ``BIND`` or ``VALUES`` reads no triple.

Within one alternative, a triple can change the results of focus node ``f`` only through a match that joins it
to ``?this = f`` along the patterns; a triple matching a pattern of a part not joined to ``?this`` (a cross
product, a part joined only by a ``FILTER`` comparison) can change every focus node's results. Anything this
module does not understand (``GRAPH``, ``SERVICE``) is ``everything``: every focus node may change. A predicate
variable makes its pattern an edge any predicate can take: a superset of its matches (the variable's value, where
other patterns bind it, only narrows them), so walking it reaches at least the focus nodes a change can reach.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from rdflib import Literal, URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql.algebra import translateGroupGraphPattern, translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

__all__ = ["Edge", "Reads", "reads_of", "THIS"]

THIS = "?this"
_MAX_ALTERNATIVES = 4096  # more than that: read as ``everything`` (no query of the shapes comes near)


@dataclass(frozen=True)
class Edge:
    """One triple pattern: nodes ``a`` and ``b`` (``?name``, or a constant in N-Triples), the path from a to b.

    A path is ``("p", iri)``, ``("inv", path)``, ``("seq", (paths))``, ``("alt", (paths))``, ``("mul", path,
    "*" | "+" | "?")``, ``("neg", (iris), (inverse iris))``, ``("any",)`` (a predicate variable) or ``("same",)``
    (``BIND (?a AS ?b)``: ``b`` is ``a``)."""

    a: str
    path: tuple
    b: str


@dataclass(frozen=True)
class Reads:
    alternatives: tuple  # of tuples of Edge
    everything: bool = False

    def to_json(self) -> dict:
        return {
            "everything": self.everything,
            "alternatives": [[[e.a, _plain(e.path), e.b] for e in alt] for alt in self.alternatives],
        }

    @classmethod
    def from_json(cls, data: dict) -> Reads:
        return cls(
            tuple(tuple(Edge(a, _tupled(p), b) for a, p, b in alt) for alt in data["alternatives"]),
            bool(data["everything"]),
        )


class _NotUnderstood(Exception):
    pass


@functools.lru_cache(maxsize=4096)
def reads_of(text: str) -> Reads:
    """The pattern graphs of the SPARQL query ``text`` (see the module doc); remembered per text in a process
    (rdflib's parser takes ~17 ms a query; the shapes run ~270)."""
    try:
        algebra = translateQuery(parseQuery(text)).algebra
        alts = _Walker().alternatives(algebra)
    except _NotUnderstood:
        return Reads((), everything=True)
    return Reads(tuple(tuple(dict.fromkeys(alt)) for alt in alts))


class _Scope:
    """How a query's variables are named in the pattern graph: as written at the top; in a sub-select, those it
    projects as the enclosing query names them, every other one a name of its own."""

    def __init__(self, outer: _Scope | None = None, projected: frozenset = frozenset(), fresh=None):
        self.outer, self.projected, self.fresh, self.own = outer, projected, fresh, {}

    def name(self, v) -> str:
        v = str(v)
        if self.outer is None:
            return f"?{v}"
        if v in self.projected:
            return self.outer.name(v)
        if v not in self.own:
            self.own[v] = f"?{v}~{next(self.fresh)}"
        return self.own[v]


class _Walker:
    def __init__(self):
        self.fresh = itertools.count()

    def alternatives(self, node, scope: _Scope | None = None, top: bool = False) -> list[list[Edge]]:  # noqa: C901
        """The alternatives of an algebra node; ``top``: above the query's own projection (not a sub-select's)."""
        scope = _Scope() if scope is None else scope
        if not isinstance(node, CompValue):
            raise _NotUnderstood(repr(node))
        name = node.name
        if name == "SelectQuery":
            return self.alternatives(node.p, scope, top=True)
        if name == "Project":
            if top:
                return self.alternatives(node.p, scope)
            projected = frozenset(str(v) for v in node.PV)
            return self.alternatives(node.p, _Scope(scope, projected, self.fresh))
        if name in ("Distinct", "Reduced", "Slice", "Group", "AggregateJoin", "ToMultiSet", "OrderBy"):
            inner = node.p
            if isinstance(inner, CompValue) and inner.name == "values":
                alts = [[]]
            else:
                alts = self.alternatives(inner, scope, top) if inner is not None else [[]]
            # grouping, aggregate and ordering expressions: their EXISTS read the graph as well
            return self.with_expressions(alts, [v for k, v in node.items() if k != "p"], scope)
        if name == "values":
            return [[]]
        if name == "Filter":
            return self.with_expressions(self.alternatives(node.p, scope), [node.expr], scope)
        if name == "Extend":
            alts = self.alternatives(node.p, scope)
            if isinstance(node.expr, Variable):  # BIND (?x AS ?y): ?y is ?x
                same = Edge(scope.name(node.expr), ("same",), scope.name(node.var))
                alts = [alt + [same] for alt in alts]
            return self.with_expressions(alts, [node.expr], scope)
        if name == "Join":
            return self.product(self.alternatives(node.p1, scope), self.alternatives(node.p2, scope))
        if name in ("LeftJoin", "Minus"):
            left = self.alternatives(node.p1, scope)
            right = self.alternatives(node.p2, scope)
            if name == "LeftJoin" and node.expr is not None:
                right = self.with_expressions(right, [node.expr], scope)
            return self.optional(left, right)
        if name == "Union":
            return self.alternatives(node.p1, scope) + self.alternatives(node.p2, scope)
        if name == "BGP":
            return [[self.edge(t, scope) for t in node.triples]]
        raise _NotUnderstood(name)  # GRAPH, SERVICE, and anything not listed

    def with_expressions(self, alts: list, exprs: list, scope: _Scope) -> list[list[Edge]]:
        """``alts`` with the graph patterns of each (NOT) EXISTS in ``exprs``: each alternative with and without."""
        for expr in exprs:
            for group in _exists_groups(expr):
                if group.name == "GroupGraphPatternSub":  # rdflib leaves an EXISTS's group untranslated
                    group = translateGroupGraphPattern(group)
                inner = self.alternatives(group, scope)
                alts = self.optional(alts, inner)
        return alts

    def optional(self, outer: list, group: list) -> list[list[Edge]]:
        """``outer`` with a group that may not match (OPTIONAL, MINUS, FILTER (NOT) EXISTS): each alternative with
        each of the group's, and also without it where the group would join parts of it that are apart."""
        out = self.product(outer, group)
        for alt in outer:
            part = _parts(alt)
            if any(len({part[n] for n in _nodes(extra) if n in part}) > 1 for extra in group):
                out.append(alt)
        if len(out) > _MAX_ALTERNATIVES:
            raise _NotUnderstood("too many alternatives")
        return out

    @staticmethod
    def product(left: list, right: list) -> list[list[Edge]]:
        out = [a + b for a in left for b in right]
        if len(out) > _MAX_ALTERNATIVES:
            raise _NotUnderstood("too many alternatives")
        return out

    def node(self, t, scope: _Scope) -> str:
        if isinstance(t, Variable):
            return scope.name(t)
        if isinstance(t, (URIRef, Literal)):
            return t.n3()
        raise _NotUnderstood(f"a {type(t).__name__} in a pattern")  # a blank node: a variable of its own

    def edge(self, triple, scope: _Scope) -> Edge:
        s, p, o = triple
        return Edge(self.node(s, scope), self.path(p, scope), self.node(o, scope))

    def path(self, p, scope: _Scope) -> tuple:
        if isinstance(p, Variable):
            return ("any", scope.name(p))
        if isinstance(p, URIRef):
            return ("p", str(p))
        if isinstance(p, InvPath):
            return ("inv", self.path(p.arg, scope))
        if isinstance(p, SequencePath):
            return ("seq", tuple(self.path(x, scope) for x in p.args))
        if isinstance(p, AlternativePath):
            return ("alt", tuple(self.path(x, scope) for x in p.args))
        if isinstance(p, MulPath):
            return ("mul", self.path(p.path, scope), p.mod)
        if isinstance(p, NegatedPath):
            fwd = tuple(str(x) for x in p.args if isinstance(x, URIRef))
            inv = tuple(str(x.arg) for x in p.args if isinstance(x, InvPath))
            return ("neg", fwd, inv)
        if isinstance(p, Path):
            raise _NotUnderstood(f"path {p!r}")
        raise _NotUnderstood(f"predicate {p!r}")


def _nodes(edges) -> set:
    return {e.a for e in edges} | {e.b for e in edges}


def _parts(edges) -> dict:
    """Node -> the connected part of ``edges`` it is in (a representative node)."""
    parent: dict = {}

    def find(n):
        parent.setdefault(n, n)
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for e in edges:
        parent[find(e.a)] = find(e.b)
    return {n: find(n) for n in list(parent)}


def _exists_groups(expr) -> list:
    """The graph patterns of the EXISTS / NOT EXISTS inside an expression."""
    out = []
    stack = [expr]
    while stack:
        e = stack.pop()
        if isinstance(e, CompValue):
            if e.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
                out.append(e.graph)
                continue
            stack.extend(e.values())
        elif isinstance(e, (list, tuple)):
            stack.extend(e)
    return out


def _plain(path: tuple):
    return [_plain(x) if isinstance(x, tuple) else x for x in path]


def _tupled(path):
    return tuple(_tupled(x) if isinstance(x, list) else x for x in path)
