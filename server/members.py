"""Membership "as of" a date: the parameterised query ``queries/members-as-of.rq``, run for one day;
membership during a year or month: ``queries/members-during.rq``, run for its first and last day.

The page and the example query are the same SPARQL text: the file is read at
request time and only its ``VALUES ?date { "…"^^xsd:date }`` literal is
replaced, after the date has been checked to be a real calendar day
(``YYYY-MM-DD``), so nothing but a valid ``xsd:date`` literal ever enters the
query. Rows are grouped per state: *member* if one of its periods certainly
covers the day, else *undetermined* (with the reason the sources leave it open).

A period with no recorded end is certain only up to the last date the sources
confirm (:func:`.timeline.confirmed_until`, the latest publication date among
them): on a later day it is *unconfirmed* ("not confirmed after …"), not
certain.

For a period (``YYYY`` or ``YYYY-MM``) the statuses are *throughout*, *part* (a start or end the sources
date within the period), *unconfirmed* (no recorded end, and the period runs past the last date the sources
confirm) and *undetermined* (a start or end the sources date only to a span reaching beyond the period).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import dates
from .served import served

__all__ = [
    "QUERY_FILE",
    "BadDate",
    "when",
    "earliest_start",
    "parse_date",
    "query_for",
    "MemberState",
    "PeriodStatus",
    "members_on",
    "members_section",
    "STATUS_ORDER",
    "PERIOD_ORDER",
    "Period",
    "parse_period",
    "period_query_for",
    "members_during",
]

STATUS_ORDER = ("member", "unconfirmed", "undetermined")

PERIOD_ORDER = ("throughout", "part", "unconfirmed", "undetermined")

QUERY_FILE = "members-as-of.rq"
PERIOD_QUERY_FILE = "members-during.rq"
_VALUES_PERIOD = re.compile(
    r'(VALUES\s+\(\?from\s+\?to\)\s*\{\s*\()"\d{4}-\d{2}-\d{2}"\^\^xsd:date\s+"\d{4}-\d{2}-\d{2}"\^\^xsd:date(\)\s*\})'
)
_VALUES_DATE = re.compile(r'(VALUES\s+\?date\s*\{\s*)"\d{4}-\d{2}-\d{2}"\^\^xsd:date(\s*\})')


class BadDate(ValueError):
    """The date asked for is not a calendar day written YYYY-MM-DD (answered with 400)."""


def parse_date(text: str | None) -> dt.date:
    if text is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise BadDate(
            f"date must be a calendar day written YYYY-MM-DD (e.g. 2023-11-30), a year (YYYY) or a month (YYYY-MM), "
            f"not {text!r}"
        )
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as e:
        raise BadDate(f"{text!r} is not a calendar day: {e}") from None


@dataclass(frozen=True)
class Period:
    """A year or a month asked of the members page: its first and last day, and how it reads."""

    first: dt.date
    last: dt.date
    kind: str  # "year" | "month"

    @property
    def words(self) -> str:
        return str(self.first.year) if self.kind == "year" else self.first.strftime("%B %Y")

    @property
    def text(self) -> str:
        return str(self.first.year) if self.kind == "year" else self.first.strftime("%Y-%m")


def parse_period(text: str | None) -> Period | None:
    """A year (``YYYY``) or month (``YYYY-MM``), or None if ``text`` is neither (then it must be a day)."""
    span = _span(text)
    if span is None:
        return None
    return Period(span[0], span[1], "year" if len(text.strip()) == 4 else "month")


def _span(text: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a year (``YYYY``) or month (``YYYY-MM``), or None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", (text or "").strip())
    if m is None or int(m.group(1)) < 1 or not 1 <= int(m.group(2) or 1) <= 12:
        return None
    year, month = int(m.group(1)), int(m.group(2) or 0)
    if not month:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    after = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return dt.date(year, month, 1), after - dt.timedelta(days=1)


_EARLIEST = """PREFIX csto: <https://w3id.org/csto-kg/ontology/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?membership ?first WHERE {
  ?membership a csto:Membership ; org:memberDuring/time:hasBeginning/csto:notBefore ?first
} ORDER BY ?first ?membership LIMIT 1"""


def earliest_start(store: ox.Store) -> tuple[str, dt.date] | None:
    """The membership period that can begin first and the first day it can (its start's ``csto:notBefore``)."""
    for r in store.query(_EARLIEST):
        return r["membership"].value, dt.date.fromisoformat(r["first"].value[:10])
    return None


def query_text(queries_dir: Path | None = None) -> str:
    return ((queries_dir or served("queries")) / QUERY_FILE).read_text(encoding="utf-8")


def query_for(day: dt.date, queries_dir: Path | None = None) -> str:
    """The query file's text with its example date replaced by ``day``."""
    text = query_text(queries_dir)
    new, n = _VALUES_DATE.subn(lambda m: f'{m.group(1)}"{day.isoformat()}"^^xsd:date{m.group(2)}', text, count=1)
    if n != 1:
        raise RuntimeError(f"{QUERY_FILE} has no 'VALUES ?date {{ \"YYYY-MM-DD\"^^xsd:date }}' line to substitute")
    return new


@dataclass
class PeriodStatus:
    membership: str
    status: str  # "member" | "undetermined"
    start: tuple[str | None, str | None]
    end: tuple[str | None, str | None]
    has_end_bounds: bool
    reason: str
    evidence: list[str] = field(default_factory=list)  # evidence IRIs, the membership's and its events'
    caveat: str | None = None  # the sources disagree on the organisation's founding, which this period predates


@dataclass
class MemberState:
    state: str
    status: str
    periods: list[PeriodStatus]


def _v(term) -> str | None:
    return term.value if term is not None else None


def when(bounds: tuple[str | None, str | None]) -> str:
    """An instant's possible days (ISO bounds) as words at the sources' precision: "on 15 May 1992", "in 1999",
    "between 15 May 1992 and 31 December 2012"."""
    lo, hi = (dates.parse_day(b) for b in bounds)
    words = dates.span(lo, hi)
    if words.startswith("between") or words == "date not given":
        return words
    return f"in {words}" if lo != hi else f"on {words}"


def _reason(status: str, start: tuple, end: tuple, day: dt.date) -> str:
    if status == "member":
        return "certainly a member: the period had begun and had not ended"
    d, on = day.isoformat(), dates.day(day)
    if start == (None, None):
        return "the sources give no date for the start of this period"
    if start[1] and start[1] > d >= (start[0] or ""):
        return f"the period began {when(start)}: the sources do not say on which side of {on}"
    if end == (None, None):
        return "the period ended, but the sources give no date for its end"
    return f"the period ended {when(end)}: the sources do not say on which side of {on}"


def _unconfirmed(p: PeriodStatus, day: dt.date, confirmed: dt.date | None) -> None:
    if p.status == "member" and not p.has_end_bounds and confirmed is not None and day > confirmed:
        p.status = "unconfirmed"
        p.reason = (
            f"a member when the sources last confirm it ({dates.day(confirmed)}), with no recorded end; "
            f"not confirmed by the sources after {dates.day(confirmed)}"
        )


def _periods(rows, reason) -> tuple[dict[str, PeriodStatus], dict[str, str]]:
    """One PeriodStatus per membership of the query's rows (one row per period and passage), and its state."""
    periods: dict[str, PeriodStatus] = {}
    state_of: dict[str, str] = {}
    for r in rows:
        m = r["membership"].value
        if m not in periods:
            start = (_v(r["startNotBefore"]), _v(r["startNotAfter"]))
            end = (_v(r["endNotBefore"]), _v(r["endNotAfter"]))
            status = r["status"].value
            periods[m] = PeriodStatus(m, status, start, end, end != (None, None), reason(status, start, end))
            periods[m].caveat = _v(r["caveat"]) or None  # "" where the period does not predate a founding
            state_of[m] = r["state"].value
        ev = r["evidence"]
        if ev is not None and ev.value not in periods[m].evidence:
            periods[m].evidence.append(ev.value)
    return periods, state_of


def _by_state(periods: dict[str, PeriodStatus], state_of: dict[str, str], order: tuple[str, ...]) -> list[MemberState]:
    by_state: dict[str, list[PeriodStatus]] = defaultdict(list)
    for m, p in periods.items():
        by_state[state_of[m]].append(p)
    return [
        MemberState(
            state,
            min((p.status for p in ps), key=order.index),
            sorted(ps, key=lambda p: (order.index(p.status), p.start[1] or "9999")),
        )
        for state, ps in by_state.items()
    ]


def members_on(
    store: ox.Store, day: dt.date, queries_dir: Path | None = None, confirmed: dt.date | None = None
) -> list[MemberState]:
    """Certain, unconfirmed and undetermined members on ``day``, per state, with the evidence of each period.

    ``confirmed``: the last date the sources confirm (by default :func:`.timeline.confirmed_until`).
    """
    from .timeline import confirmed_until

    confirmed = confirmed if confirmed is not None else confirmed_until(store)
    periods, state_of = _periods(
        store.query(query_for(day, queries_dir)), lambda status, start, end: _reason(status, start, end, day)
    )
    for p in periods.values():
        _unconfirmed(p, day, confirmed)
    return _by_state(periods, state_of, STATUS_ORDER)


def period_query_for(period: Period, queries_dir: Path | None = None) -> str:
    """``members-during.rq`` with its example period replaced by ``period``'s first and last day."""
    text = ((queries_dir or served("queries")) / PERIOD_QUERY_FILE).read_text(encoding="utf-8")
    first, last = period.first.isoformat(), period.last.isoformat()
    new, n = _VALUES_PERIOD.subn(
        lambda m: f'{m.group(1)}"{first}"^^xsd:date "{last}"^^xsd:date{m.group(2)}', text, count=1
    )
    if n != 1:
        raise RuntimeError(f"{PERIOD_QUERY_FILE} has no 'VALUES (?from ?to) {{ (\"YYYY-MM-DD\"^^xsd:date …) }}' line")
    return new


def _inside(bounds: tuple[str | None, str | None], period: Period) -> bool:
    lo, hi = (dates.parse_day(b) for b in bounds)
    return lo is not None and hi is not None and period.first <= lo and hi <= period.last


def _period_reason(status: str, start: tuple, end: tuple, period: Period) -> str:
    words = period.words
    if status == "throughout":
        return f"a member throughout {words}: the period had begun by its first day and had not ended by its last"
    if status == "part":
        began, ended = _inside(start, period), _inside(end, period)
        return "a member " + (
            "from that start to that end" if began and ended else "from that start" if began else "up to that end"
        )
    if start == (None, None):
        return "the sources give no date for the start of this period"
    if not _resolved(start, period):
        return f"the sources do not say whether its start came before, during or after {words}"
    if end == (None, None):
        return "the period ended, but the sources give no date for its end"
    return f"the sources do not say whether its end came before, during or after {words}"


def _resolved(bounds: tuple[str | None, str | None], period: Period) -> bool:
    """The instant is certainly before the period's first day, within it, or after its last day."""
    lo, hi = (dates.parse_day(b) for b in bounds)
    return (hi is not None and hi <= period.first) or (lo is not None and lo > period.last) or _inside(bounds, period)


def _unconfirmed_during(p: PeriodStatus, period: Period, confirmed: dt.date | None) -> None:
    if p.status not in ("throughout", "part") or p.has_end_bounds or confirmed is None or period.last <= confirmed:
        return
    p.status = "unconfirmed"
    if period.first > confirmed:
        p.reason = (
            f"a member when the sources last confirm it ({dates.day(confirmed)}), with no recorded end; "
            f"not confirmed by the sources after {dates.day(confirmed)}"
        )
    else:
        p.reason = (
            f"a member up to {dates.day(confirmed)}, when the sources last confirm it, with no recorded end; "
            f"not confirmed for the rest of {period.words}"
        )


def members_during(
    store: ox.Store, period: Period, queries_dir: Path | None = None, confirmed: dt.date | None = None
) -> list[MemberState]:
    """Members throughout ``period``, for part of it, unconfirmed and undetermined, per state, with the evidence
    of each membership period (``queries/members-during.rq``)."""
    from .timeline import confirmed_until

    confirmed = confirmed if confirmed is not None else confirmed_until(store)
    periods, state_of = _periods(
        store.query(period_query_for(period, queries_dir)),
        lambda status, start, end: _period_reason(status, start, end, period),
    )
    for p in periods.values():
        _unconfirmed_during(p, period, confirmed)
    return _by_state(periods, state_of, PERIOD_ORDER)


def members_section(store: ox.Store, labels, day: dt.date, passages=None):
    """The alliance page's "members now": one line per state, its status and the period's passages; ``passages``:
    the page's :class:`.statements.Passages`, if it has one."""
    from .key_facts import Line, Section
    from .statements import Passages, term_view
    from .timeline import confirmed_until

    passages = Passages(store, labels) if passages is None else passages
    confirmed = confirmed_until(store)
    lines = []
    for s in sorted(
        members_on(store, day, confirmed=confirmed), key=lambda s: (STATUS_ORDER.index(s.status), labels(s.state))
    ):
        p = s.periods[0]
        status = {"member": "member", "unconfirmed": "member when last confirmed"}.get(s.status, "undetermined")
        line = Line(term_view(labels, ox.NamedNode(s.state)), [status], [("period", labels(p.membership))])
        line.status = p.reason if s.status == "undetermined" else None
        support = passages.supports(p.membership).get(("http://www.w3.org/ns/org#member", ox.NamedNode(s.state)), [])
        line.passages = passages.of(support)
        lines.append(line)
    note = "Who the sources show as a member today. "
    if confirmed is not None and day > confirmed:
        note += (
            f"The latest source was published on or after {dates.day(confirmed)}: these memberships are "
            f"confirmed up to then, not after. "
        )
    return Section(
        "members-now",
        f"Members on {dates.day(day)}",
        lines,
        note=note + "Any other day: the members page.",
        compact=True,
    )
