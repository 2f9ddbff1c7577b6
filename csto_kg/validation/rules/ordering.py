"""Order without dates: what ``csto:precedes``, ``csto:follows`` and ``csto:simultaneousWith`` say agrees with the dates.

- ``shape:OrderingAgreesWithDates``: a fact that precedes another (``a csto:precedes b``, or ``b csto:follows a``)
  does not certainly begin after the other has ended: the first possible day of ``a`` (its ``csto:date`` or
  ``csto:startDate``) is not after the last possible day of ``b`` (its ``csto:date`` or ``csto:endDate``; a fact
  with a start and no end is open-ended). Two facts ``csto:simultaneousWith`` each other have dates that can
  overlap. And the order has no cycle: no fact comes, through ``csto:precedes`` / ``csto:follows`` links, before
  itself (the properties are transitive in meaning; the closure is computed here, not materialised); a
  ``csto:succeededBy`` counts as an order (the predecessor before its successor), and two facts
  ``csto:simultaneousWith`` each other are not so ordered. A decision comes before the action it decided
  (``csto:decidedAction``) and a request before its response (``csto:response``), whatever their dates: an act
  written as preceding the decision to do it closes a cycle.

Dates compare by their bounds (:func:`csto_kg.derive.bounds`: the first and last day a value at its precision can
be), the loosest over every seed's values, so a rule fires only when every reading makes the contradiction certain.
"""

from __future__ import annotations

import datetime as dt

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...derive import bounds
from ...namespaces import CSTO, SHAPE, curie, shown
from ..report import Result
from . import Context, Rule

_STARTS = (CSTO.date, CSTO.startDate)
_ENDS = (CSTO.date, CSTO.endDate)


def _c(node: Node) -> str:
    return curie(str(node)) or str(node)


def _days(ctx: Context, node: Node, props: tuple[URIRef, ...]) -> list[tuple[dt.date, dt.date]]:
    out = []
    for p in props:
        for v in ctx.union.objects(node, p):
            if isinstance(v, Literal) and (b := bounds(v)) is not None:
                out.append(b)
    return out


def _extent(ctx: Context, node: Node) -> tuple[dt.date | None, dt.date | None, str]:
    """(first possible day, last possible day, the dates in words); None where the dates leave it open."""
    starts = _days(ctx, node, _STARTS)
    ends = _days(ctx, node, _ENDS)
    first = min(b[0] for b in starts) if starts else None
    open_ended = not ends or (
        any(True for _ in ctx.union.objects(node, CSTO.startDate))
        and not any(True for p in (CSTO.endDate, CSTO.date) for _ in ctx.union.objects(node, p))
    )
    last = None if open_ended else max(b[1] for b in ends)
    words = ", ".join(
        f"{shown(p)} {v}"
        for p in (CSTO.date, CSTO.startDate, CSTO.endDate)
        for v in sorted(ctx.union.objects(node, p), key=str)
    )
    return first, last, words or "undated"


def _links(ctx: Context) -> list[tuple[Node, Node, Node, URIRef, Node, URIRef]]:
    """(earlier, later, subject, property, object, graph) for every written precedes / follows, and the simultaneous
    pairs as (a, b, s, p, o, graph) with p = csto:simultaneousWith; graph is the curated graph stating it."""
    out = []
    # a successor (in a chairmanship, an office) comes after its predecessor; csto:follows is read backwards
    forwards, backwards = {CSTO.precedes, CSTO.succeededBy, CSTO.simultaneousWith}, CSTO.follows
    for s, p, o, gid in ctx.curated_quads():
        if p in forwards:
            out.append((s, o, s, p, o, gid))
        elif p == backwards:
            out.append((o, s, s, p, o, gid))
    return sorted(out, key=lambda t: tuple(map(str, t)))


# orders the ontology's own links imply, read with the written ones for cycles: a decision comes before the action it
# decided (csto:decidedAction), a request before the response that answers it (csto:response, csto:respondsTo)
_EARLIER_SUBJECT = (CSTO.decidedAction, CSTO.response)
_LATER_SUBJECT = (CSTO.respondsTo,)


def _implied(ctx: Context) -> list[tuple[Node, Node, Node, URIRef, Node, URIRef]]:
    """(earlier, later, subject, property, object, graph) for each curated decision's action and request's response."""
    out = [(s, o, s, p, o, gid) for s, p, o, gid in ctx.curated_quads_of(*_EARLIER_SUBJECT)]
    return out + [(o, s, s, p, o, gid) for s, p, o, gid in ctx.curated_quads_of(*_LATER_SUBJECT)]


def _result(ctx: Context, s: Node, p: URIRef, o: Node, gid: URIRef, message: str) -> Result:
    return ctx.locator.statement_result(shape=SHAPE.OrderingAgreesWithDates, s=s, p=p, o=o, graph=gid, message=message)


def _against_dates(ctx: Context, links) -> list[Result]:
    out = []
    for a, b, s, p, o, gid in links:
        a_first, a_last, a_words = _extent(ctx, a)
        b_first, b_last, b_words = _extent(ctx, b)
        if p == CSTO.simultaneousWith:
            apart = (a_last is not None and b_first is not None and a_last < b_first) or (
                b_last is not None and a_first is not None and b_last < a_first
            )
            if apart:
                out.append(
                    _result(
                        ctx,
                        s,
                        p,
                        o,
                        gid,
                        f"says {_c(a)} ({a_words}) happened at the same time as {_c(b)} ({b_words}), but their dates "
                        "cannot overlap. Fix: the date of one of them, or the link (csto:precedes if the passage "
                        "orders them)",
                    )
                )
        elif a_first is not None and b_last is not None and a_first > b_last:
            out.append(
                _result(
                    ctx,
                    s,
                    p,
                    o,
                    gid,
                    f"puts {_c(a)} ({a_words}) before {_c(b)} ({b_words}), but its dates lie wholly after the other's. "
                    "Fix: the direction of the link (csto:precedes / csto:follows), or the date of one of them",
                )
            )
    return out


def _cycles(ctx: Context, links, implied=()) -> list[Result]:
    """Strongly connected components (Tarjan) of the before-graph (the written links, and the orders ``implied`` by
    a decision's action and a request's response): every written link inside one is reported."""
    edges: dict[Node, set[Node]] = {}
    for a, b, _s, p, _o, _g in (*links, *implied):
        if p != CSTO.simultaneousWith:
            edges.setdefault(a, set()).add(b)
            edges.setdefault(b, set())
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    stack: list[Node] = []
    on_stack: set[Node] = set()
    component: dict[Node, int] = {}
    counter = [0]

    def visit(root: Node) -> None:  # iterative Tarjan: the graph may be deep
        work = [(root, iter(sorted(edges[root], key=str)))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(edges[nxt], key=str))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component[m] = index[node]
                    if m == node:
                        break

    for n in sorted(edges, key=str):
        if n not in index:
            visit(n)
    out = []
    for a, b, s, p, o, gid in links:
        if p == CSTO.simultaneousWith or component.get(a) != component.get(b):
            continue
        members = sorted((n for n in component if component[n] == component[a]), key=str)
        out.append(
            _result(
                ctx,
                s,
                p,
                o,
                gid,
                f"puts {_c(a)} before {_c(b)}, but through csto:precedes / csto:follows / csto:succeededBy links "
                f"{_c(b)} also comes before {_c(a)} (csto:succeededBy counts, a predecessor before its successor, as "
                "do a decision before the action it decided and a request before its response): the order is a "
                f"cycle ({', '.join(_c(m) for m in members)}). Fix: the link whose direction the passage does not give",
            )
        )
    return out


def _ordered_and_simultaneous(ctx: Context, links) -> list[Result]:
    """Two facts csto:simultaneousWith each other (their extents overlap) of which one comes wholly before the
    other through csto:precedes / csto:follows / csto:succeededBy links: the two links cannot both hold."""
    edges: dict[Node, set[Node]] = {}
    for a, b, _s, p, _o, _g in links:
        if p != CSTO.simultaneousWith:
            edges.setdefault(a, set()).add(b)

    def before(x: Node, y: Node) -> bool:
        seen, todo = {x}, [x]
        while todo:
            for n in edges.get(todo.pop(), ()):
                if n == y:
                    return True
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return False

    out = []
    for a, b, s, p, o, gid in links:
        if p != CSTO.simultaneousWith:
            continue
        for x, y in ((a, b), (b, a)):
            if x != y and before(x, y):
                out.append(_result(ctx, s, p, o, gid, f"says {_c(a)} happened at the same time as {_c(b)}, but "
                           f"through csto:precedes / csto:follows / csto:succeededBy links {_c(x)} comes wholly "
                           f"before {_c(y)}: facts that overlap in time do not follow one another. Fix: the link "
                           "the passage does not give"))  # fmt: skip
                break
    return out


def _since_against_dates(ctx: Context) -> list[Result]:
    """A csto:Change said to run since a fact (csto:changeSince) whose dates lie wholly after those of the proposition
    stating the change: it cannot have run since a later fact."""
    out = []
    for change, p, since, gid in ctx.curated_quads_of(CSTO.changeSince):
        for fact in sorted(ctx.union.subjects(CSTO.change, change), key=str):
            s_first, _, s_words = _extent(ctx, since)
            _, f_last, f_words = _extent(ctx, fact)
            if s_first is not None and f_last is not None and s_first > f_last:
                message = (
                    f"says the change {_c(change)} runs since {_c(since)} ({s_words}), but those dates lie "
                    f"wholly after the ones of {_c(fact)} ({f_words}), which states it: a change cannot have "
                    "run since a later fact. Fix: the fact the words name as the start, or the date of one"
                )
                out.append(_result(ctx, change, p, since, gid, message))  # fmt: skip
    return out


def _ordering(ctx: Context) -> list[Result]:
    links = _links(ctx)
    return (
        _against_dates(ctx, links)
        + _since_against_dates(ctx)
        + _cycles(ctx, links, _implied(ctx))
        + _ordered_and_simultaneous(ctx, links)
    )


RULES = [
    Rule(
        SHAPE.OrderingAgreesWithDates,
        "an order without dates agrees with the dates and has no cycle",
        "A fact that csto:precedes another (or that the other csto:follows) does not certainly begin after the "
        "other has ended, comparing the first possible day of its csto:date / csto:startDate with the last possible "
        "day of the other's csto:date / csto:endDate (a start without an end is open-ended); two facts "
        "csto:simultaneousWith each other have dates that can overlap; and no fact comes, through csto:precedes / "
        "csto:follows / csto:succeededBy links (a predecessor before its successor; a decision before the action it "
        "decided, csto:decidedAction, and a request before its response, csto:response), before itself, and no two facts "
        "csto:simultaneousWith each other are so ordered. A change said to run since a fact (csto:changeSince) does not "
        "run since one dated wholly after the proposition stating it. Dates compare by their bounds, loosest over every "
        "seed's values, so dates at different precisions that can agree conform.",
        _ordering,
    ),
]

__all__ = ["RULES"]
