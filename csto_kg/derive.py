"""Derived triples the build adds to the inferred graph (beside OWL RL entailments).

Three rules, all deterministic functions of the curated data:

1. **Membership intervals.** Every ``csto:Membership`` gets ``org:memberDuring``
   a ``time:Interval`` ``<membership>/during`` whose ``time:hasBeginning`` /
   ``time:hasEnd`` instants (``<membership>/start``, ``<membership>/end``)
   carry the dates of its ``csto:startedBy`` / ``csto:endedBy`` events at
   their own precision (``time:inXSDDate``, ``time:inXSDgYearMonth``,
   ``time:inXSDgYear``). An end event with no date still gives an end instant
   with no date: the period is known to have ended, not when.
2. **Date bounds.** Every instant or event with a date at some precision gets
   ``csto:notBefore`` / ``csto:notAfter``: the first and last calendar day it
   can be (``"1999"^^xsd:gYear`` -> 1999-01-01 .. 1999-12-31). Where sources
   give one node several dates, compatible ones (``"1999"`` and
   ``"1999-03-02"``) give the most precise bounds, their intersection; dates
   that cannot both be true (``"1993"`` and ``"1994"``) give no bounds at all,
   and validation reports the conflict (``shape:CrossSourceConsistency``):
   nothing is widened. Nodes with asserted bounds (date estimates) keep
   theirs. Queries compare these ``xsd:date`` bounds instead of mixing
   precisions. :func:`bounds` and :func:`agree` are the one definition of
   both, for the build, the validator and the support statements.
3. **Ordered bounds.** An undated start or end of a membership period takes
   bounds from the order of its state's periods (see :func:`_ordered_bounds`);
   an instant whose dates conflict gets none.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .namespaces import CSTO, ORG, RDF, TIME, XSD

__all__ = ["bounds", "agree", "Agreement", "DATE_PROPERTIES", "period_ordinal", "derive"]

Triple = tuple[Node, Node, Node]

_DATE_PROPS = (CSTO.date, TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)  # what gets bounds
# Every property whose value is a date at the source's precision (what rules compare, precision-aware).
DATE_PROPERTIES = (
    CSTO.date,
    CSTO.startDate,
    CSTO.endDate,
    CSTO.attestedOn,
    CSTO.electedOn,
    CSTO.dateSigned,
    CSTO.datePublished,
    CSTO.refersToDate,
    TIME.inXSDDate,
    TIME.inXSDgYearMonth,
    TIME.inXSDgYear,
)
_INSTANT_PROP = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}


def bounds(value: Literal) -> tuple[dt.date, dt.date] | None:
    """First and last possible day of an xsd:date / xsd:gYearMonth / xsd:gYear literal."""
    text = str(value).strip()
    try:
        if value.datatype == XSD.date:
            day = dt.date.fromisoformat(text[:10])
            return day, day
        if value.datatype == XSD.gYearMonth:
            year, month = int(text[:4]), int(text[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if value.datatype == XSD.gYear:
            year = int(text[:4])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, IndexError):
        return None
    return None


@dataclass(frozen=True)
class Agreement:
    """What several date values of one node say together.

    ``bounds``: the first and last possible day given all of them (their intersection) when they are
    compatible, else None; ``preferred``: the most precise of compatible values (its bounds are the
    intersection: calendar days, months and years nest); ``conflicts``: the pairs that cannot both be true.
    """

    bounds: tuple[dt.date, dt.date] | None
    preferred: Literal | None
    conflicts: tuple[tuple[Literal, Literal], ...]

    @property
    def compatible(self) -> bool:
        return not self.conflicts


def agree(values: Iterable[Literal]) -> Agreement:
    """Are these date literals compatible (their bounds overlap), and which is the most precise?

    Values that are not dates at a known precision are ignored. No value: bounds None, no conflict.
    """
    dated = []
    for v in dict.fromkeys(values):
        b = bounds(v) if isinstance(v, Literal) else None
        if b is not None:
            dated.append((v, b))
    conflicts = tuple(
        (a, b) for i, (a, ab) in enumerate(dated) for b, bb in dated[i + 1 :] if ab[1] < bb[0] or bb[1] < ab[0]
    )
    if not dated or conflicts:
        return Agreement(None, None, conflicts)
    lo, hi = max(b[0] for _, b in dated), min(b[1] for _, b in dated)
    preferred = min(dated, key=lambda vb: ((vb[1][1] - vb[1][0]).days, str(vb[0])))[0]
    return Agreement((lo, hi), preferred, ())


def _membership_intervals(g: Graph) -> Iterator[Triple]:
    for m in g.subjects(RDF.type, CSTO.Membership):
        if not isinstance(m, URIRef):
            continue
        interval = URIRef(f"{m}/during")
        yield m, ORG.memberDuring, interval
        yield interval, RDF.type, TIME.Interval
        for prop, inst_prop, suffix in (
            (CSTO.startedBy, TIME.hasBeginning, "start"),
            (CSTO.endedBy, TIME.hasEnd, "end"),
        ):
            event = g.value(m, prop)
            if event is None:
                continue
            instant = URIRef(f"{m}/{suffix}")
            yield interval, inst_prop, instant
            yield instant, RDF.type, TIME.Instant
            for date in g.objects(event, CSTO.date):
                if isinstance(date, Literal) and date.datatype in _INSTANT_PROP:
                    yield instant, _INSTANT_PROP[date.datatype], date


def _date_bounds(*graphs: Graph) -> Iterator[Triple]:
    """Bounds per node of the union of ``graphs``: the intersection of compatible dates; none for a conflict."""
    values: dict[Node, list[Literal]] = {}
    for prop in _DATE_PROPS:
        for node, value in (so for g in graphs for so in g.subject_objects(prop)):
            if isinstance(value, Literal):
                values.setdefault(node, []).append(value)
    for node, vals in values.items():
        # a date estimate's asserted bounds are tighter than its value's: keep them
        if any((node, CSTO.notBefore, None) in g or (node, CSTO.notAfter, None) in g for g in graphs):
            continue
        b = agree(vals).bounds
        if b is None:
            continue  # conflicting dates: no bounds (validation reports the conflict)
        yield node, CSTO.notBefore, Literal(b[0].isoformat(), datatype=XSD.date)
        yield node, CSTO.notAfter, Literal(b[1].isoformat(), datatype=XSD.date)


def period_ordinal(g: Graph, period: Node) -> int | None:
    """A period's place among its state's periods: the csto:ordinal of the event ending (or starting) it."""
    for prop in (CSTO.endedBy, CSTO.startedBy):
        event = g.value(period, prop)
        value = g.value(event, CSTO.ordinal) if event is not None else None
        if value is not None:
            try:
                return int(value)
            except (TypeError, ValueError):
                return None
    return None


def _ordered_bounds(g: Graph, derived: Graph) -> Iterator[Triple]:
    """Bounds for undated instants, from the order of one state's membership periods.

    Within a period the start is not after the end; period k ends before period
    k+1 (ordered by the ordinals of their events) starts. Lower bounds flow
    forward along that chain, upper bounds backward, and an instant whose own
    date gives no bound takes the chained one. Uzbekistan's first withdrawal,
    undated, thus ends no later than its second (2012), and on a date after 2012
    Uzbekistan is certainly not a member.
    """

    def value(node, prop):
        v = derived.value(node, prop)
        return v if v is not None else g.value(node, prop)

    by_state: dict[tuple[Node, Node], list[tuple[int, Node]]] = {}
    for period in g.subjects(RDF.type, CSTO.Membership):
        n = period_ordinal(g, period)
        if n is not None:
            key = (g.value(period, ORG.member), g.value(period, ORG.organization))
            by_state.setdefault(key, []).append((n, period))
    for periods in by_state.values():
        chain: list[Node] = []  # start, end, start, end, ... in time order
        for _, period in sorted(periods, key=lambda x: x[0]):
            interval = value(period, ORG.memberDuring)
            if interval is not None:
                chain += [value(interval, TIME.hasBeginning), value(interval, TIME.hasEnd)]
        known_lo = [value(i, CSTO.notBefore) if i is not None else None for i in chain]
        known_hi = [value(i, CSTO.notAfter) if i is not None else None for i in chain]
        lo: list[Literal | None] = []
        for v in known_lo:
            lo.append(v if v is not None else (lo[-1] if lo else None))
        hi: list[Literal | None] = [None] * len(chain)
        later = None
        for k in range(len(chain) - 1, -1, -1):
            hi[k] = later = known_hi[k] if known_hi[k] is not None else later
        for k, instant in enumerate(chain):
            if instant is None or any(value(instant, p) is not None for p in _DATE_PROPS[1:]):
                continue  # undated instants only: a dated one without bounds has conflicting dates
            if known_lo[k] is None and lo[k] is not None:
                yield instant, CSTO.notBefore, lo[k]
            if known_hi[k] is None and hi[k] is not None:
                yield instant, CSTO.notAfter, hi[k]


def derive(data: Graph) -> Graph:
    """The derived triples for ``data`` (ontology + curated facts, as one graph)."""
    out = Graph()
    for t in _membership_intervals(data):
        out.add(t)
    for t in list(_date_bounds(data, out)):  # (not data + out: that copies the whole graph)
        out.add(t)
    for t in list(_ordered_bounds(data, out)):
        out.add(t)
    return out
