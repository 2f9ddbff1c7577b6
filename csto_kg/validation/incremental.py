"""Incremental SHACL: the focus nodes whose results a change of the validated graph can change.

A build keeps its SHACL results (``shacl-state.json``, :mod:`.shacl_state`). The next build, with the same
shapes and code, finds the triples its validated union gained or lost against the previous build's
(:meth:`.shacl_state.Incremental.previous`: only the graphs whose files changed, and the inferred graph, are
compared), and asks, per shape, which focus nodes a changed triple can reach (:func:`affected`): those are
validated again, with the shape's queries restricted to them; every other focus node keeps the previous results
of that shape (:meth:`.shacl_store._Engine.shape_results_since`).

Soundness. Every query the store engine runs for a shape is analysed (:mod:`.reads`): its pattern graphs, per
alternative, from ``?this``. If the results of focus node ``f`` differ between the two graphs, some match (or
would-be match, for a negated group) joined to ``?this = f`` holds in one graph and not the other, so it contains
a changed triple; take the changed triple of that match nearest ``?this`` along its patterns: every triple between
it and ``?this`` is in both graphs. So walking from each changed triple towards ``?this`` through the new graph,
along every simple path of the pattern graph (and, within a property path, back to its start or on to its end),
reaches ``f``. A changed triple that matches a pattern not joined to ``?this`` changes every focus node's results,
and so does a query :mod:`.reads` does not understand: the shape is then validated whole, as is one pySHACL
validated the time before. ``tests/test_incremental_validation.py`` compares the results with a whole validation
after seeded random edits (dropped, added, forgotten and retyped triples) of the curated graph, and a build's
report after a curator's edit with a whole ``csto-kg validate``'s.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.util import from_n3

from ..terms import to_ox
from .reads import THIS, Reads

__all__ = ["Delta", "Reach", "affected", "graph_of", "grouped"]

_MAX_PATHS = 2000  # simple paths of one pattern graph from a node to ?this; more: every focus node


@dataclass
class Delta:
    """The triples one validated graph has and the other lacks (Oxigraph terms), by predicate."""

    triples: list
    by_predicate: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_predicate = grouped(self.triples, lambda t: t.predicate)

    def __len__(self) -> int:
        return len(self.triples)


def grouped(items, key) -> dict:
    """``items`` grouped by ``key`` (a list per key, in their order)."""
    index = defaultdict(list)
    for item in items:
        index[key(item)].append(item)
    return dict(index)


# --- property paths as automata ---------------------------------------------------------------------------------


@dataclass
class _Nfa:
    start: int
    end: int
    steps: list  # (from state, kind, value, forward, to state): kind "p" (value an IRI), "neg" (value a set), "any"
    eps: list  # (from state, to state)


def _nfa(path: tuple) -> _Nfa:
    counter = itertools.count()
    steps: list = []
    eps: list = []

    def build(p, forward: bool) -> tuple[int, int]:
        kind = p[0]
        if kind in ("p", "any", "neg", "same"):
            s, e = next(counter), next(counter)
            if kind == "same":
                eps.append((s, e))
            elif kind == "p":
                steps.append((s, "p", ox.NamedNode(p[1]), forward, e))
            elif kind == "any":
                steps.append((s, "any", None, forward, e))
            else:
                fwd, inv = p[1], p[2]
                if fwd or not inv:
                    steps.append((s, "neg", {ox.NamedNode(x) for x in fwd}, forward, e))
                if inv:
                    steps.append((s, "neg", {ox.NamedNode(x) for x in inv}, not forward, e))
            return s, e
        if kind == "inv":  # ^(a/b) is ^b/^a: the direction flips and sequences reverse
            return build(p[1], not forward)
        if kind in ("seq", "alt"):
            parts = [build(x, forward) for x in (p[1] if forward or kind == "alt" else reversed(p[1]))]
            if kind == "seq":
                for (_, e1), (s2, _) in itertools.pairwise(parts):
                    eps.append((e1, s2))
                return parts[0][0], parts[-1][1]
            s, e = next(counter), next(counter)
            for ps, pe in parts:
                eps.extend([(s, ps), (pe, e)])
            return s, e
        if kind == "mul":
            inner_s, inner_e = build(p[1], forward)
            s, e = next(counter), next(counter)
            eps.extend([(s, inner_s), (inner_e, e)])
            if p[2] in ("*", "?"):
                eps.append((s, e))
            if p[2] in ("*", "+"):
                eps.append((inner_e, inner_s))
            return s, e
        raise ValueError(f"unknown path {p!r}")

    start, end = build(path, True)
    return _Nfa(start, end, steps, eps)


def _matches(kind: str, value, predicate) -> bool:
    return kind == "any" or (kind == "p" and value == predicate) or (kind == "neg" and predicate not in value)


class _Graph:
    """The new validated graph, looked up step by step (each lookup remembered)."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.memo: dict = {}

    def neighbours(self, node, kind: str, value, forward: bool) -> list:
        key = (node, kind, value if kind == "p" else None, forward)
        got = self.memo.get(key)
        if got is None:
            got = self.memo[key] = self._lookup(node, value if kind == "p" else None, forward)
        if kind == "neg":
            return [n for p, n in got if p not in value]
        return [n for _, n in got]

    def _lookup(self, node, predicate, forward: bool) -> list:
        if forward:
            if isinstance(node, ox.Literal):
                return []
            quads = self.store.quads_for_pattern(node, predicate, None, ox.DefaultGraph())
            return [(q.predicate, q.object) for q in quads]
        quads = self.store.quads_for_pattern(None, predicate, node, ox.DefaultGraph())
        return [(q.predicate, q.subject) for q in quads]


def _run(nfa: _Nfa, graph: _Graph, start: set, towards_end: bool) -> set:
    """From ``start`` ((node, state) pairs), the nodes reaching the path's end (or start, backwards)."""
    forward_eps: dict = defaultdict(list)
    for a, b in nfa.eps:
        (forward_eps[a] if towards_end else forward_eps[b]).append(b if towards_end else a)
    moves: dict = defaultdict(list)
    for s, kind, value, fwd, e in nfa.steps:
        if towards_end:
            moves[s].append((kind, value, fwd, e))
        else:
            moves[e].append((kind, value, not fwd, s))
    goal = nfa.end if towards_end else nfa.start
    seen = set(start)
    todo = list(start)
    out = set()
    while todo:
        node, state = todo.pop()
        if state == goal:
            out.add(node)
        nxt = [(node, s) for s in forward_eps.get(state, ())]
        for kind, value, fwd, to in moves.get(state, ()):
            nxt += [(n, to) for n in graph.neighbours(node, kind, value, fwd)]
        for pair in nxt:
            if pair not in seen:
                seen.add(pair)
                todo.append(pair)
    return out


# --- pattern graphs ---------------------------------------------------------------------------------------------


def _constant(node: str):
    """The Oxigraph term of a pattern node that is a constant, or None for a variable."""
    if node.startswith("?"):
        return None
    return to_ox(from_n3(node))


class _Alternative:
    """One alternative of a query's reads, ready to walk."""

    def __init__(self, edges: tuple):
        self.edges = edges
        self.nfas = [_nfa(e.path) for e in edges]
        self.constants = {n: _constant(n) for e in edges for n in (e.a, e.b)}
        adjacent: dict = defaultdict(list)
        for i, e in enumerate(edges):
            adjacent[e.a].append((i, e.b, True))
            adjacent[e.b].append((i, e.a, False))
        self.adjacent = adjacent
        self.joined = self._component(THIS)  # the edges joined to ?this
        self.paths: dict = {}

    def _component(self, start: str) -> set:
        seen, todo, edges = {start}, [start], set()
        while todo:
            n = todo.pop()
            for i, other, _ in self.adjacent.get(n, ()):
                edges.add(i)
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return edges

    def paths_to_this(self, node: str, without: int) -> list | None:
        """Every simple path of edges from ``node`` to ?this not using edge ``without``: [(edge, forward)...]."""
        key = (node, without)
        if key not in self.paths:
            found: list = []

            def dfs(at: str, visited: set, steps: list) -> bool:
                if at == THIS:
                    found.append(list(steps))
                    return len(found) <= _MAX_PATHS
                for i, other, fwd in self.adjacent.get(at, ()):
                    if i == without or other in visited:
                        continue
                    visited.add(other)
                    steps.append((i, fwd, other))
                    ok = dfs(other, visited, steps)
                    steps.pop()
                    visited.discard(other)
                    if not ok:
                        return False
                return True

            self.paths[key] = found if dfs(node, {node}, []) else None
        return self.paths[key]

    def walk(self, graph: _Graph, node: str, nodes: set, without: int, out: set) -> bool:
        """Add to ``out`` the focus nodes reached from ``nodes`` at pattern node ``node``; False: too many paths."""
        nodes = self._keep(node, nodes)
        if not nodes:
            return True
        paths = self.paths_to_this(node, without)
        if paths is None:
            return False
        for path in paths:
            here = nodes
            for i, fwd, to in path:
                here = self._keep(to, _run(self.nfas[i], graph, {(n, self._entry(i, fwd)) for n in here}, fwd))
                if not here:
                    break
            out |= here
        return True

    def _entry(self, i: int, forward: bool) -> int:
        return self.nfas[i].start if forward else self.nfas[i].end

    def _keep(self, node: str, nodes: set) -> set:
        c = self.constants.get(node)
        return nodes if c is None else ({c} & nodes)


class Reach:
    """A shape's queries, analysed once per shapes graph: which focus nodes a delta reaches."""

    def __init__(self, reads: list[Reads]):
        self.everything = any(r.everything for r in reads)
        self.alternatives = [] if self.everything else [_Alternative(alt) for r in reads for alt in r.alternatives]


def affected(reach: Reach, delta: Delta, graph: _Graph) -> set | None:
    """The focus nodes (Oxigraph terms) whose results ``delta`` can change, or None for every focus node."""
    if reach.everything:
        return None if len(delta) else set()
    out: set = set()
    for alt in reach.alternatives:
        for i, nfa in enumerate(alt.nfas):
            for s, kind, value, fwd, e in nfa.steps:
                triples = delta.by_predicate.get(value, ()) if kind == "p" else delta.triples  # "any", "neg": all
                for t in triples:
                    if not _matches(kind, value, t.predicate):
                        continue
                    if i not in alt.joined:
                        return None  # a changed triple in a part of the query not joined to ?this
                    near, far = (t.subject, t.object) if fwd else (t.object, t.subject)
                    edge = alt.edges[i]
                    back = _run(nfa, graph, {(near, s)}, towards_end=False)  # to the edge's node a
                    ahead = _run(nfa, graph, {(far, e)}, towards_end=True)  # to its node b
                    if not (alt.walk(graph, edge.a, back, i, out) and alt.walk(graph, edge.b, ahead, i, out)):
                        return None
    return out


def graph_of(store: ox.Store) -> _Graph:
    """The graph :func:`affected` walks: ``store``'s default graph."""
    return _Graph(store)
