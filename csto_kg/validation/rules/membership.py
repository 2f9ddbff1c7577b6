"""A state's membership history: periods that do not overlap, and joining and leaving events that fit one order.

Dates are compared through their bounds (``csto:notBefore`` / ``csto:notAfter``,
derived at each value's own precision); a rule fires only when the bounds make
the problem certain, at every precision.

- ``shape:OverlappingMembershipPeriods``: two periods of one state in one
  organisation certainly overlap when each certainly starts before the other
  ends (an open period never ends; two periods started by the same event are
  duplicates). Reported once, at the newer period (the later start; for
  duplicates, the one written later).
- ``shape:MembershipHistoryFits``: the state's signatures / accessions and
  withdrawals can be put in one order that alternates join, leave, join...,
  starting with a join, and agrees with every bound, with the order of each
  period's start and end, of the periods (their ordinals) and of the
  withdrawals' ordinals. An undated event may lie anywhere the dated ones on
  both sides allow, but never before the state's first signature or
  accession: an undated duplicate withdrawal under a new IRI has no room.
  Silent where a SHACL shape already reports the state's history.
- ``shape:MembershipBeforeOwnFounding``: within one seed's graph, a membership
  period of an organisation does not certainly start before every founding of
  that organisation the same graph records (``csto:Founding``): a seed that
  says the organisation began in 2002 does not have states join it in 1993. A
  seed that reads the organisation as older records that reading as a founding
  of its own (linked by ``csto:disagreesWith``); another seed's founding does
  not count, so one seed's reading never silences or condemns another's.
- ``shape:ReAccessionAfterAWithdrawal``: a ``csto:ReAccession`` is a return, so the graph records a withdrawal
  of the same state from the same organisation that does not certainly come after it.
- ``shape:MembershipEndedByItsWithdrawal``: a period begun by a return (``csto:ReAccession``) is not ended by the
  state's first withdrawal (``csto:ordinal`` 1), nor one begun by a first joining by a later one: two periods' ends
  swapped.
- ``shape:MeetingAttendanceAccountedFor``: a meeting that records who came and who stayed away names every
  state certainly a member of its organisation throughout its date as one or the other, and the office roles
  its attendance passage names are its ``csto:attendingRole``: each role it names is given, and none it does not.
- ``shape:SnapshotListsTheStatesItNames``: a membership snapshot lists every state its passages in a seed's file
  name, unless a curator's note of it there names the state too (one named as no member).
- ``shape:SnapshotCountCoversItsList``: a membership snapshot's
  ``csto:memberCount`` is not smaller than the number of states it lists
  (``csto:listsMember``): "six member states" beside seven names is a slip in
  one or the other; and where its passages enumerate the states it lists and state
  no number, it is the count of that enumeration (a source may count more members
  than it names, where it says so).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...derive import agree, period_ordinal
from ...namespaces import CSTO, OA, ONTOLOGY_GRAPH, ORG, PROV, RDF, RDFS, SH, SHAPE, SKOS, TIME, curie, shown
from ...number_words import numbers_in
from ..report import Result
from . import Context, Rule
from .naming import _namer, _norm, _normed_quote

_MIN, _MAX = dt.date.min, dt.date.max


def _date(ctx: Context, node: Node | None, prop: URIRef) -> dt.date | None:
    v = ctx.union.value(node, prop) if node is not None else None
    try:
        return dt.date.fromisoformat(str(v)) if v is not None else None
    except ValueError:
        return None


@dataclass
class _Period:
    iri: Node
    start: Node | None
    start_lo: dt.date | None
    start_hi: dt.date | None
    ended: bool
    end_lo: dt.date | None
    end_hi: dt.date | None


def _periods(ctx: Context) -> dict[tuple[Node, Node], list[_Period]]:
    u, out = ctx.union, {}
    for m in set(u.subjects(RDF.type, CSTO.Membership)):
        state, org = u.value(m, ORG.member), u.value(m, ORG.organization)
        interval = u.value(m, ORG.memberDuring)
        begin = u.value(interval, TIME.hasBeginning) if interval is not None else None
        end = u.value(interval, TIME.hasEnd) if interval is not None else None
        out.setdefault((state, org), []).append(
            _Period(
                m,
                u.value(m, CSTO.startedBy),
                _date(ctx, begin, CSTO.notBefore),
                _date(ctx, begin, CSTO.notAfter),
                end is not None or u.value(m, CSTO.endedBy) is not None,
                _date(ctx, end, CSTO.notBefore),
                _date(ctx, end, CSTO.notAfter),
            )
        )
    return out


def _certainly_before(start_hi: dt.date | None, other: _Period) -> bool:
    """A start (at the latest ``start_hi``) is certainly before ``other`` ends."""
    if start_hi is None:
        return False
    if not other.ended:
        return True
    return other.end_lo is not None and start_hi < other.end_lo


def _position(ctx: Context, node: Node) -> tuple:
    gid = ctx.locator.graph_of(node)
    file = ctx.data.files.get(gid) if gid is not None else None
    return (str(file or ""), ctx.locator.node_line(file, node) or 0 if file else 0)


def _overlaps(ctx: Context) -> list[Result]:
    out = []
    for (_state, _org), periods in _periods(ctx).items():
        for i, a in enumerate(periods):
            for b in periods[i + 1 :]:
                duplicate = a.start is not None and a.start == b.start
                if not duplicate and not (_certainly_before(a.start_hi, b) and _certainly_before(b.start_hi, a)):
                    continue
                older, newer = sorted(
                    (a, b), key=lambda p: (p.start_lo or _MIN, p.start_hi or _MIN, _position(ctx, p.iri))
                )
                where = ctx.locator.where(*_at(ctx, older.iri))
                starts = (
                    f"both start with {shown(a.start)}"
                    if duplicate
                    else f"this one starts {_span(newer.start_lo, newer.start_hi)}, while {shown(older.iri)} "
                    f"(from {_span(older.start_lo, older.start_hi)}) "
                    + ("is still open" if not older.ended else f"ends no earlier than {older.end_lo}")
                )
                out.append(
                    ctx.locator.result(
                        severity=SH.Violation,
                        shape=SHAPE.OverlappingMembershipPeriods,
                        focus=newer.iri,
                        value=older.iri,
                        message=f"membership period {shown(older.iri)} ({where}) of the same state and organisation "
                        f"is still running when this one starts: {starts}. Fix: if this period duplicates it, "
                        "use its IRI; otherwise end the earlier period (csto:endedBy a withdrawal) before this "
                        "one starts",
                    )
                )
    return out


def _span(lo: dt.date | None, hi: dt.date | None) -> str:
    if lo is None and hi is None:
        return "(undated)"
    return lo.isoformat() if lo == hi else f"{lo or '?'}..{hi or '?'}"


def _at(ctx: Context, node: Node):
    gid = ctx.locator.graph_of(node)
    file = ctx.data.files.get(gid) if gid is not None else None
    return file, (ctx.locator.node_line(file, node) if file else None)


# --- one order for joining and leaving ------------------------------------------------


@dataclass
class _Event:
    iri: Node
    join: bool
    lo: dt.date
    hi: dt.date
    after: set = field(default_factory=set)  # events that must come before this one
    in_period: bool = False


def _events(ctx: Context) -> dict[tuple[Node, Node], dict[Node, _Event]]:
    u = ctx.union
    starts = {e: m for m, e in u.subject_objects(CSTO.startedBy)}
    ends = {e: m for m, e in u.subject_objects(CSTO.endedBy)}
    groups: dict[tuple[Node, Node], dict[Node, _Event]] = {}
    for cls, join in ((CSTO.Signature, True), (CSTO.Accession, True), (CSTO.Withdrawal, False)):
        for e in set(u.subjects(RDF.type, cls)):
            state = u.value(e, CSTO.state)
            period = starts.get(e) or ends.get(e)
            org = u.value(e, CSTO.organisation) or (u.value(period, ORG.organization) if period is not None else None)
            if state is None or org is None:
                continue
            lo, hi = _date(ctx, e, CSTO.notBefore), _date(ctx, e, CSTO.notAfter)
            if lo is None and hi is None and period is not None:  # undated: the period's ordered bounds
                interval = u.value(period, ORG.memberDuring)
                inst = u.value(interval, TIME.hasBeginning if e in starts else TIME.hasEnd) if interval else None
                lo, hi = _date(ctx, inst, CSTO.notBefore), _date(ctx, inst, CSTO.notAfter)
            groups.setdefault((state, org), {})[e] = _Event(
                e, join, lo or _MIN, hi or _MAX, in_period=period is not None
            )
    for (state, org), events in groups.items():
        periods = [m for m in set(u.subjects(ORG.member, state)) if (m, ORG.organization, org) in u]
        for m in periods:
            j, w = u.value(m, CSTO.startedBy), u.value(m, CSTO.endedBy)
            if j in events and w in events:
                events[w].after.add(j)
        ordered = sorted((n, m) for m in periods if (n := period_ordinal(u, m)) is not None)
        for (_, m1), (_, m2) in zip(ordered, ordered[1:], strict=False):
            w, j = u.value(m1, CSTO.endedBy), u.value(m2, CSTO.startedBy)
            if w in events and j in events:
                events[j].after.add(w)
        withdrawals = sorted(
            (int(o), e) for e in events for o in u.objects(e, CSTO.ordinal) if not events[e].join and str(o).isdigit()
        )
        for (_, e1), (_, e2) in zip(withdrawals, withdrawals[1:], strict=False):
            events[e2].after.add(e1)
    return groups


def _fits(events: dict[Node, _Event], budget: list[int]) -> bool:
    """Is there an order join, leave, join... (starting with a join) that respects bounds and precedences?"""

    def search(placed: frozenset, t: dt.date, join_next: bool) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return True  # too many to try: assume it fits (never a false alarm)
        left = [e for e in events.values() if e.iri not in placed]
        if not left:
            return True
        if any(e.hi < t for e in left):
            return False
        for e in sorted(left, key=lambda e: (e.hi, e.lo, str(e.iri))):
            if e.join == join_next and e.after <= placed:
                if search(placed | {e.iri}, max(t, e.lo), not join_next):
                    return True
        return False

    return search(frozenset(), _MIN, True)


def _history(ctx: Context) -> list[Result]:
    reported = {r.focus for r in ctx.shacl_results if r.severity == SH.Violation}
    reported |= {r.value for r in ctx.shacl_results if r.severity == SH.Violation and r.value is not None}
    out = []
    for (state, org), events in _events(ctx).items():
        if not events or _fits(events, [20000]):
            continue
        u = ctx.union
        involved = (
            set(events)
            | {m for e in events for m in u.subjects(CSTO.startedBy, e)}
            | {m for e in events for m in u.subjects(CSTO.endedBy, e)}
        )
        if involved & reported:
            continue  # a more specific rule already reports this history
        blame = _blame(ctx, events)
        listing = "; ".join(
            f"{shown(e.iri)} {'joins' if e.join else 'leaves'} {_span_event(e)}"
            for e in sorted(events.values(), key=lambda e: (e.lo, e.hi, str(e.iri)))
        )
        kind = "signature or accession" if blame.join else "withdrawal"
        out.append(
            ctx.locator.result(
                severity=SH.Violation,
                shape=SHAPE.MembershipHistoryFits,
                focus=blame.iri,
                value=state,
                message=f"no order of {shown(state)}'s joining and leaving {shown(org)} fits the data with this "
                f"{kind}, {_span_event(blame)}: every withdrawal needs a signature or accession before it, "
                f"and none may lie before the first. The events: {listing}. Without this {kind} the history "
                "fits. Fix: if it repeats another node (the same event under a new IRI), use that node's IRI; "
                "otherwise date it as the seed does, or add the joining event the seed states",
            )
        )
    return out


def _blame(ctx: Context, events: dict[Node, _Event]) -> _Event:
    """The event without which the rest fits: first those in no period, undated, written last."""

    def key(e: _Event):
        file, line = _position(ctx, e.iri)
        return (e.in_period, not (e.lo == _MIN and e.hi == _MAX), _neg(file), -line)

    for e in sorted(events.values(), key=key):
        rest = {
            k: _Event(v.iri, v.join, v.lo, v.hi, v.after - {e.iri}, v.in_period)
            for k, v in events.items()
            if k != e.iri
        }
        if _fits(rest, [20000]):
            return e
    return sorted(events.values(), key=key)[0]


def _neg(text: str) -> tuple:
    return tuple(-ord(c) for c in text)


def _span_event(e: _Event) -> str:
    if e.lo == _MIN and e.hi == _MAX:
        return "undated"
    lo = "?" if e.lo == _MIN else e.lo.isoformat()
    hi = "?" if e.hi == _MAX else e.hi.isoformat()
    return lo if lo == hi else f"{lo}..{hi}"


def _snapshot_counts(ctx: Context) -> list[Result]:
    out = []
    for snapshot in sorted(set(ctx.union.subjects(CSTO.memberCount, None)), key=str):
        listed = sorted(set(ctx.union.objects(snapshot, CSTO.listsMember)), key=str)
        for count in ctx.union.objects(snapshot, CSTO.memberCount):
            try:
                n = int(count)
            except (TypeError, ValueError):
                continue  # not an integer: the datatype shapes report it
            message = None
            if n < len(listed):
                message = (
                    f"csto:memberCount is {n}, but the snapshot lists {len(listed)} members "
                    f"({', '.join(curie(str(s)) for s in listed)}). Fix: the count or the list, whichever was "
                    "mistyped; if the source itself gives both, record each as a snapshot of its own, with a "
                    "csto:curatorNote"
                )
            elif listed and n > len(listed) and _enumerated_without_a_count(ctx, snapshot, listed, n):
                message = (
                    f"csto:memberCount is {n}, but its passages enumerate the {len(listed)} members the snapshot "
                    f"lists and state no number {n}: the count is the enumeration's. Fix: {len(listed)}, or the "
                    "passage that states the count"
                )
            if message:
                out.append(
                    ctx.locator.result(
                        severity=SH.Violation,
                        shape=SHAPE.SnapshotCountCoversItsList,
                        focus=snapshot,
                        value=count,
                        path=CSTO.memberCount,
                        message=message,
                    )
                )
    return out


def _snapshot_lists_what_it_names(ctx: Context) -> list[Result]:
    """A snapshot's passages in a seed's file that name a state ("which today includes Armenia, Belarus, ...") have
    it listed (csto:listsMember) there, unless a curator's note of the snapshot there names it too (a state the
    passage names as not a member). Seven snapshots of the curated seeds list exactly the states their passages
    name; a line of the list deleted, where a count stands beside it, passed every other check."""
    namer = _namer(ctx)
    states = namer.by_kind.get(CSTO.State, set())
    out = []
    snapshots = [(graph, s) for graph in ctx.curated for s in ctx.typed(graph, CSTO.MembershipSnapshot)]
    for gid, snapshot in sorted(snapshots, key=lambda gs: (str(gs[0]), str(gs[1]))):
        g = ctx.data.dataset.graph(gid)
        passages = [_normed_quote(ctx, e) for e in g.objects(snapshot, PROV.wasDerivedFrom)]
        notes = [_norm(str(n)) for n in g.objects(snapshot, CSTO.curatorNote)]
        listed = set(g.objects(snapshot, CSTO.listsMember))
        for state in sorted(states & namer.whole_word_candidates(passages) - listed, key=str):
            if not namer.named(state, passages) or namer.named(state, notes):
                continue
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.SnapshotListsTheStatesItNames,
                    focus=snapshot,
                    value=state,
                    path=CSTO.listsMember,
                    graph=gid,
                    file=ctx.data.files[gid],
                    line=ctx.locator.statement_line(
                        ctx.data.files[gid], snapshot, RDF.type, CSTO.MembershipSnapshot, gid
                    ),
                    message=(
                        f"its passages in this file name {shown(state)}, which it does not list "
                        "(csto:listsMember): a snapshot lists the members its passage enumerates. Fix: list it; or, "
                        "where the passage names it as no member, a csto:curatorNote saying so"
                    ),
                )
            )
    return out


def _enumerated_without_a_count(ctx: Context, snapshot, listed: list, n: int) -> bool:
    """Do the snapshot's passages name every state it lists ("which today includes Armenia, Belarus, ...") and state
    no number ``n``: then the count is the enumeration's."""
    quotes = [
        str(quote).casefold()
        for evidence in ctx.union.objects(snapshot, PROV.wasDerivedFrom)
        for selector in ctx.union.objects(evidence, OA.hasSelector)
        for quote in ctx.union.objects(selector, OA.exact)
    ]
    text = " ".join(quotes)
    names = {
        s: [str(x).casefold() for p in (RDFS.label, SKOS.altLabel) for x in ctx.union.objects(s, p)] for s in listed
    }
    return all(any(name and name in text for name in names[s]) for s in listed) and not any(
        n in numbers_in(q) for q in quotes
    )


def _before_own_founding(ctx: Context) -> list[Result]:
    out = []
    for gid in ctx.curated:
        g = ctx.data.dataset.graph(gid)
        founded: dict[Node, list[tuple[Node, dt.date]]] = {}
        for f in ctx.typed(gid, CSTO.Founding):
            a = agree(g.objects(f, CSTO.date))
            if a.bounds is None:
                continue
            for org in g.objects(f, CSTO.organisation):
                founded.setdefault(org, []).append((f, a.bounds[0]))
        for m in sorted(ctx.typed(gid, CSTO.Membership), key=str):
            start = g.value(m, CSTO.startedBy)
            for org in g.objects(m, ORG.organization):
                if org not in founded or start is None:
                    continue
                a = agree(g.objects(start, CSTO.date))
                earliest = min(lo for _, lo in founded[org])
                if a.bounds is None or a.bounds[1] >= earliest:
                    continue
                foundings = ", ".join(
                    f"{shown(f)} (no earlier than {lo.isoformat()})" for f, lo in sorted(founded[org], key=str)
                )
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.MembershipBeforeOwnFounding,
                        s=m,
                        p=ORG.organization,
                        o=org,
                        graph=gid,
                        message=f"{shown(m)} is a membership of {shown(org)} started by "
                        f"{shown(start)} ({a.preferred}, at the latest {a.bounds[1].isoformat()}), before every "
                        f"founding of {shown(org)} this seed's graph records: {foundings}. In this seed's words the "
                        "organisation did not exist yet. Fix: if the seed speaks of the treaty, record the event as "
                        "an accession to or signature of the treaty (csto:treaty, no csto:organisation) without a "
                        "membership of the organisation; if the seed itself reads the organisation as older, record "
                        "that reading as a csto:Founding of its own, linked to the other by csto:disagreesWith",
                    )
                )
    return out


def _rejoins_after_leaving(ctx: Context) -> list[Result]:
    """A re-accession is a return: the graph records a withdrawal of the same state from the same organisation
    (csto:state, csto:organisation) that does not certainly come after it. An accession typed csto:ReAccession
    where the state never left, or left only later, is a first joining written as a return."""
    out = []
    u = ctx.union
    for r in sorted(set(u.subjects(RDF.type, CSTO.ReAccession)), key=str):
        for state in sorted(set(u.objects(r, CSTO.state)), key=str):
            for org in sorted(set(u.objects(r, CSTO.organisation)), key=str):
                left = [
                    w
                    for w in set(u.subjects(CSTO.state, state)) & set(u.subjects(CSTO.organisation, org))
                    if (w, RDF.type, CSTO.Withdrawal) in u
                ]
                back = agree(u.objects(r, CSTO.date)).bounds
                earlier = [
                    w
                    for w in left
                    if back is None or (bounds := agree(u.objects(w, CSTO.date)).bounds) is None or bounds[0] <= back[1]
                ]
                if earlier:
                    continue
                why = (
                    f"{shown(state)}'s only withdrawals from {shown(org)} "
                    f"({', '.join(curie(str(w)) for w in sorted(left, key=str))}) come after it"
                    if left
                    else f"the graph records no withdrawal of {shown(state)} from {shown(org)}"
                )
                graph = ctx.locator.graph_of(r, RDF.type, CSTO.ReAccession)
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.ReAccessionAfterAWithdrawal,
                        s=r,
                        p=RDF.type,
                        o=CSTO.ReAccession,
                        graph=graph,
                        message=f"{shown(r)} is a re-accession (a return) of {shown(state)} to "
                        f"{shown(org)}, but {why}: a state returns only after it left. Fix: csto:Accession for "
                        "a first joining, or the withdrawal the seed implies (csto:Withdrawal, with its evidence)",
                    )
                )
    return out


def _ended_by_its_withdrawal(ctx: Context) -> list[Result]:
    """A membership's end (csto:endedBy) is the withdrawal whose number (csto:ordinal) fits how the membership began:
    one begun by a return (a csto:ReAccession) is ended by a later withdrawal than the state's first, and one begun
    by a first joining (a signature, an accession) by the first. Two withdrawals of one state swapped between its two
    periods of membership give the second withdrawal to the first period."""
    out = []
    u = ctx.union
    for m in sorted(set(u.subjects(CSTO.endedBy, None)), key=str):
        starts = set(u.objects(m, CSTO.startedBy))
        if not starts:
            continue
        returned = any((e, RDF.type, CSTO.ReAccession) in u for e in starts)
        for w in sorted(set(u.objects(m, CSTO.endedBy)), key=str):
            ordinals = {int(o) for o in u.objects(w, CSTO.ordinal) if isinstance(o, Literal) and str(o).isdigit()}
            if len(ordinals) != 1 or (w, RDF.type, CSTO.Withdrawal) not in u:
                continue
            (n,) = ordinals
            if _numbered_alike(u, w, n):
                continue  # two withdrawals of one number: shape:WithdrawalOrdinalUnique's to report
            if returned and n == 1:
                why = "it began with a return (csto:ReAccession), which comes after a first withdrawal"
            elif not returned and n > 1:
                joined = ", ".join(sorted(curie(str(e)) for e in starts))
                why = f"it began with a first joining ({joined}), so it ends with the first"
            else:
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.MembershipEndedByItsWithdrawal, s=m, p=CSTO.endedBy, o=w,
                    graph=ctx.locator.graph_of(m, CSTO.endedBy, w),
                    message=f"{shown(m)} is ended by {shown(w)}, withdrawal number {n} (csto:ordinal), but "
                    f"{why}. Fix: the withdrawal that ends this period (two periods' ends swapped?)",
                )
            )  # fmt: skip
    return out


def _numbered_alike(u, w: Node, n: int) -> bool:
    """Does another withdrawal of ``w``'s state from its organisation have the csto:ordinal ``n`` too?"""
    others = set()
    for state in u.objects(w, CSTO.state):
        for org in u.objects(w, CSTO.organisation):
            others |= set(u.subjects(CSTO.state, state)) & set(u.subjects(CSTO.organisation, org))
    return any(
        o != w and (o, RDF.type, CSTO.Withdrawal) in u and any(str(x) == str(n) for x in u.objects(o, CSTO.ordinal))
        for o in others
    )


def _meeting_organisations(ctx: Context, meeting: Node) -> set[Node]:
    """The organisation a meeting is of: its csto:organisation, or the organisation its csto:body is an organ of."""
    out = set(ctx.union.objects(meeting, CSTO.organisation))
    for body in ctx.union.objects(meeting, CSTO.body):
        seen, todo = set(), [body]
        while todo:
            b = todo.pop()
            if b in seen:
                continue
            seen.add(b)
            ups = [x for p in (ORG.unitOf, CSTO.organOf) for x in ctx.union.objects(b, p)]
            if not ups and b != body:
                out.add(b)
            todo += ups
    return out


def _members_throughout(org_periods: list[tuple[Node, list[_Period]]], lo: dt.date, hi: dt.date) -> set[Node]:
    """States certainly members of an organisation from ``lo`` to ``hi``, of its ``(state, periods)``: a period that
    certainly began by ``lo`` and certainly did not end before ``hi`` (an open period never ends)."""
    out = set()
    for state, ps in org_periods:
        for p in ps:
            if (
                p.start_hi is not None
                and p.start_hi <= lo
                and (not p.ended or (p.end_lo is not None and p.end_lo >= hi))
            ):
                out.add(state)
    return out


def _attendance_accounted(ctx: Context) -> list[Result]:
    """A meeting that records who came and who stayed away (csto:participatingState and csto:absentState) accounts
    for every state certainly a member of its organisation throughout its date; and the office roles its
    attendance passage names ("the presidents, foreign ministers ...") are its csto:attendingRole, no more, no
    fewer."""
    out: list[Result] = []
    by_org: dict[Node, list[tuple[Node, list[_Period]]]] = {}  # each meeting reads its organisation's periods only
    for (state, org), ps in _periods(ctx).items():
        by_org.setdefault(org, []).append((state, ps))
    u = ctx.union
    for meeting in sorted(set(u.subjects(CSTO.absentState, None)), key=str):
        present = set(u.objects(meeting, CSTO.participatingState))
        absent = set(u.objects(meeting, CSTO.absentState))
        when = agree(u.objects(meeting, CSTO.date)).bounds
        if not present or when is None:
            continue
        for org in sorted(_meeting_organisations(ctx, meeting), key=str):
            missing = _members_throughout(by_org.get(org, []), when[0], when[1]) - present - absent
            if not missing:
                continue
            first = sorted(present, key=str)[0]
            for gid in ctx.locator.graphs_stating(meeting, CSTO.participatingState, first)[:1]:
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.MeetingAttendanceAccountedFor,
                        s=meeting,
                        p=CSTO.participatingState,
                        o=first,
                        graph=gid,
                        message=f"records who attended and who was absent, but not "
                        f"{', '.join(curie(str(m)) for m in sorted(missing, key=str))}, a member of {shown(org)} "
                        f"throughout its date ({when[0].isoformat()}..{when[1].isoformat()}): a full account of "
                        "attendance names every member as participating or absent. Fix: the state the passage names "
                        "(csto:participatingState or csto:absentState)",
                    )
                )
    out += _roles_named(ctx)
    return out


def _roles_named(ctx: Context) -> list[Result]:
    from .support import _quote  # a passage's quoted text

    out: list[Result] = []
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)  # the vocabulary's roles (a range would type any value one)
    roles = {
        r: [str(n).lower() for p in (SKOS.prefLabel, SKOS.altLabel) for n in onto.objects(r, p)]
        for r in onto.subjects(RDF.type, CSTO.OfficeRole)
    }
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        g = ctx.data.dataset.graph(gid)
        for meeting in sorted({s for s, _ in ctx.pairs(gid, CSTO.attendingRole)}, key=str):
            given = set(g.objects(meeting, CSTO.attendingRole))
            evidence, declared = facts.supporting(meeting, CSTO.attendingRole)
            if not declared or any(r not in roles for r in given):
                continue  # (a value that is no office role: shape:AttendingRoleValue reports it)
            text = " ".join(_quote(g, ev) for ev in evidence).lower()
            for role, names in sorted(roles.items(), key=lambda kv: str(kv[0])):
                said = [n for n in names if re.search(rf"\b{re.escape(n)}s?\b", text)]
                if role in given and not said:
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.MeetingAttendanceAccountedFor,
                            s=meeting,
                            p=CSTO.attendingRole,
                            o=role,
                            graph=gid,
                            message=f"its csto:attendingRole gives {shown(role)}, but its attendance passage "
                            f"names no {' or '.join(repr(n) for n in names)} among those who came. Fix: give only "
                            "the roles the passage names",
                        )
                    )
                if role in given or not said:
                    continue
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.MeetingAttendanceAccountedFor,
                        s=meeting,
                        p=CSTO.attendingRole,
                        o=sorted(given, key=str)[0],
                        graph=gid,
                        message=f'its attendance passage names "{said[0]}" among those who came, but its '
                        f"csto:attendingRole does not give {shown(role)}. Fix: add the role the passage names",
                    )
                )
    return out


RULES = [
    Rule(
        SHAPE.OverlappingMembershipPeriods,
        "a state's membership periods do not overlap",
        "Two membership periods of one state in one organisation do not certainly overlap: each certainly starting "
        "before the other ends (an open period never ends), at whatever precision their dates are; periods "
        "started by the same event are duplicates. Reported at the newer period.",
        _overlaps,
    ),
    Rule(
        SHAPE.MembershipHistoryFits,
        "a state's joining and leaving fit one order",
        "A state's signatures / accessions and withdrawals (per organisation) fit one order that alternates join "
        "and leave, starting with a join, and agrees with their date bounds, with each period's start before its "
        "end, with the periods' and the withdrawals' ordinals. Undated events may lie anywhere the dated ones "
        "allow, never before the first join. Silent where a SHACL shape already reports the state's history.",
        _history,
    ),
    Rule(
        SHAPE.MembershipBeforeOwnFounding,
        "a seed's memberships of an organisation start once that seed has it founded",
        "Within one seed's graph, a membership period of an organisation (org:organization) does not certainly "
        "start (the csto:date of its csto:startedBy event, as that graph gives it) before every csto:Founding of "
        "the organisation that the same graph dates. Foundings in other seeds' graphs do not count: where seeds "
        "disagree on the founding, each seed's memberships follow its own reading (linked by csto:disagreesWith).",
        _before_own_founding,
    ),
    Rule(
        SHAPE.MembershipEndedByItsWithdrawal,
        "a membership ends with the withdrawal of its number",
        "A membership (csto:startedBy, csto:endedBy) begun by a csto:ReAccession is not ended by a withdrawal whose "
        "csto:ordinal is 1, the state's first; one begun by a first joining (a signature or an accession) is not "
        "ended by a later withdrawal than the first (csto:ordinal above 1). Where two withdrawals of the state share "
        "a number, shape:WithdrawalOrdinalUnique reports that instead.",
        _ended_by_its_withdrawal,
    ),
    Rule(
        SHAPE.ReAccessionAfterAWithdrawal,
        "a re-accession follows a withdrawal",
        "A csto:ReAccession of a state to an organisation (csto:state, csto:organisation) has a csto:Withdrawal of "
        "the same state from the same organisation in the graph that does not certainly come after it (by their "
        "csto:date bounds; an undated one may lie before it).",
        _rejoins_after_leaving,
    ),
    Rule(
        SHAPE.SnapshotListsTheStatesItNames,
        "a snapshot lists the states its passage names",
        "A membership snapshot lists (csto:listsMember) every state its passages in a seed's file name (by a name, "
        "alternative or hidden label), unless a csto:curatorNote of it in that file names the state too (one the "
        "passage names as no member).",
        _snapshot_lists_what_it_names,
    ),
    Rule(
        SHAPE.SnapshotCountCoversItsList,
        "a snapshot's member count covers the members it lists",
        "A membership snapshot's csto:memberCount is not smaller than the number of states it lists with "
        "csto:listsMember (a source may name fewer members than it counts, never more), and where the snapshot's "
        "passages name every state it lists and state no number, it is the number of states they list.",
        _snapshot_counts,
    ),
    Rule(
        SHAPE.MeetingAttendanceAccountedFor,
        "a meeting's account of attendance is complete",
        "A meeting that records both who came (csto:participatingState) and who stayed away (csto:absentState) names, "
        "as one or the other, every state certainly a member of its organisation (its csto:organisation, or the "
        "organisation its csto:body is an organ of) throughout its date, by the graph's membership periods; and "
        'every office role its attendance passage names ("the presidents, foreign ministers": a role\'s '
        "skos:prefLabel or skos:altLabel) is among its csto:attendingRole, and each csto:attendingRole it gives is "
        "named by that passage.",
        _attendance_accounted,
    ),
]

__all__ = ["RULES"]
