"""Membership "as of" a date: the parameterised query ``queries/members-as-of.rq``, run for one day.

The page and the example query are the same SPARQL text: the file is read at
request time and only its ``VALUES ?date { "…"^^xsd:date }`` literal is
replaced, after the date has been checked to be a real calendar day
(``YYYY-MM-DD``), so nothing but a valid ``xsd:date`` literal ever enters the
query. Rows are grouped per state: *member* if one of its periods certainly
covers the day, else *undetermined* (with the reason the sources leave it open).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .served import served

__all__ = ["QUERY_FILE", "BadDate", "parse_date", "query_for", "MemberState", "PeriodStatus", "members_on"]

QUERY_FILE = "members-as-of.rq"
_VALUES_DATE = re.compile(r'(VALUES\s+\?date\s*\{\s*)"\d{4}-\d{2}-\d{2}"\^\^xsd:date(\s*\})')


class BadDate(ValueError):
    """The date asked for is not a calendar day written YYYY-MM-DD (answered with 400)."""


def parse_date(text: str | None) -> dt.date:
    if text is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise BadDate(f"date must be a calendar day written YYYY-MM-DD (e.g. 2023-11-30), not {text!r}")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as e:
        raise BadDate(f"{text!r} is not a calendar day: {e}") from None


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
    status: str                      # "member" | "undetermined"
    start: tuple[str | None, str | None]
    end: tuple[str | None, str | None]
    has_end_bounds: bool
    reason: str
    evidence: list[str] = field(default_factory=list)   # evidence IRIs, the membership's and its events'


@dataclass
class MemberState:
    state: str
    status: str
    periods: list[PeriodStatus]


def _v(term) -> str | None:
    return term.value if term is not None else None


def _reason(status: str, start: tuple, end: tuple, day: dt.date) -> str:
    if status == "member":
        return "certainly a member: the period had begun and had not ended"
    d = day.isoformat()
    if start == (None, None):
        return "the sources give no date for the start of this period"
    if start[1] and start[1] > d >= (start[0] or ""):
        return f"the period began between {start[0]} and {start[1]}: the sources do not say on which side of {d}"
    if end == (None, None):
        return "the period ended, but the sources give no date for its end"
    return f"the period ended between {end[0]} and {end[1]}: the sources do not say on which side of {d}"


def members_on(store: ox.Store, day: dt.date, queries_dir: Path | None = None) -> list[MemberState]:
    """Certain and undetermined members on ``day``, per state, with the evidence of each period."""
    rows = store.query(query_for(day, queries_dir))
    periods: dict[str, PeriodStatus] = {}
    state_of: dict[str, str] = {}
    for r in rows:
        m = r["membership"].value
        if m not in periods:
            start = (_v(r["startNotBefore"]), _v(r["startNotAfter"]))
            end = (_v(r["endNotBefore"]), _v(r["endNotAfter"]))
            status = r["status"].value
            periods[m] = PeriodStatus(m, status, start, end, end != (None, None), _reason(status, start, end, day))
            state_of[m] = r["state"].value
        ev = r["evidence"]
        if ev is not None and ev.value not in periods[m].evidence:
            periods[m].evidence.append(ev.value)
    by_state: dict[str, list[PeriodStatus]] = defaultdict(list)
    for m, p in periods.items():
        by_state[state_of[m]].append(p)
    out = []
    for state, ps in by_state.items():
        status = "member" if any(p.status == "member" for p in ps) else "undetermined"
        out.append(MemberState(state, status, sorted(ps, key=lambda p: (p.status != "member", p.start[1] or "9999"))))
    return out
