"""The membership timeline: an inline SVG (template ``timeline.svg``) drawn from the graph, honestly.

One labelled row per membership period (``csto:Membership``), periods of a
state in order, on a year axis from 1992 (or the earliest date) to today.
Dates are drawn as precisely as the sources give them, from the
``csto:notBefore`` / ``csto:notAfter`` bounds the build derives:

- **certain** (solid): membership certain, from the start's last possible day
  to the end's first possible day — for an open period only up to the last
  date the sources confirm (:func:`confirmed_until`: the latest publication
  date among the sources);
- **imprecise** (hatched): a date the sources give only to the month or year
  (its span of possible days);
- **undated** (grey, dotted, "date not given"): a start or end the sources
  name but do not date, over the span the order of events allows;
- **unconfirmed** (faded): an open period after the last confirmed date,
  "not confirmed by the sources after …";
- a withdrawal or re-accession: a cross or ring on a known day, a bracket over
  its possible days when the sources give no day.

Two layouts from one template: wide (labels left of the bars) and narrow
(labels above the bars, larger type) for phones; CSS shows one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import render_template
from markupsafe import Markup

from csto_kg.namespaces import ALLIANCE
from csto_kg.today import today as read_today

from . import dates
from .labels import Labeller
from .resource_description import local_path

__all__ = ["Period", "periods", "render", "confirmed_until", "ordered", "MEMBERSHIP_PERIODS_QUERY"]

MEMBERSHIP_PERIODS_QUERY = """
PREFIX csto: <https://w3id.org/csto-kg/ontology/>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT DISTINCT ?membership ?state ?organisation ?hasStart ?snb ?sna ?sdated ?hasEnd ?enb ?ena ?edated
                ?withdrawal ?reaccession WHERE {
  ?membership a csto:Membership ; org:member ?state .
  OPTIONAL { ?membership org:organization ?organisation }
  OPTIONAL { ?membership org:memberDuring/time:hasBeginning ?start .
             OPTIONAL { ?start csto:notBefore ?snb } OPTIONAL { ?start csto:notAfter ?sna } }
  OPTIONAL { ?membership org:memberDuring/time:hasEnd ?end .
             OPTIONAL { ?end csto:notBefore ?enb } OPTIONAL { ?end csto:notAfter ?ena } }
  OPTIONAL { ?membership csto:startedBy ?startEvent }
  OPTIONAL { ?membership csto:endedBy ?endEvent }
  BIND(BOUND(?start) AS ?hasStart)
  # EXISTS rather than BOUND of a nested OPTIONAL: Virtuoso binds that one wrongly
  BIND(EXISTS { ?membership org:memberDuring/time:hasBeginning/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?sv }
       AS ?sdated)
  BIND(EXISTS { ?membership org:memberDuring/time:hasEnd/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?ev }
       AS ?edated)
  BIND(BOUND(?end) || BOUND(?endEvent) AS ?hasEnd)
  BIND(IF(BOUND(?endEvent), EXISTS { ?endEvent a csto:Withdrawal }, false) AS ?withdrawal)
  BIND(IF(BOUND(?startEvent), EXISTS { ?startEvent a csto:ReAccession }, false) AS ?reaccession)
}
"""

CONFIRMED_QUERY = """
PREFIX csto: <https://w3id.org/csto-kg/ontology/>
SELECT ?source ?nb WHERE { ?source a csto:SourceDocument ; csto:publicationDate/csto:notBefore ?nb }
"""


@dataclass(frozen=True)
class Period:
    membership: str
    state: str
    organisation: str | None
    start_nb: dt.date | None
    start_na: dt.date | None
    has_end: bool
    end_nb: dt.date | None
    end_na: dt.date | None
    withdrawal: bool
    reaccession: bool
    start_dated: bool = True  # a source dates the start (else its bounds come from the order of events)
    end_dated: bool = True

    def describe(self, labels: Labeller) -> str:
        """A sentence for tooltips and the text alternative."""
        return f"{labels(self.membership)}: {self.start_text()} to {self.end_text()}"

    def start_text(self) -> str:
        return _instant_text(self.start_nb, self.start_na, self.start_dated)

    def end_text(self) -> str:
        if not self.has_end:
            return "no recorded end"
        return _instant_text(self.end_nb, self.end_na, self.end_dated) + (" (withdrawal)" if self.withdrawal else "")


def _instant_text(lo: dt.date | None, hi: dt.date | None, dated: bool) -> str:
    if not dated or (lo is None and hi is None):
        return "date not given" + (f" ({dates.span(lo, hi)})" if lo and hi else "")
    return dates.span(lo, hi)


def _date(term) -> dt.date | None:
    return dates.parse_day(term.value) if isinstance(term, ox.Literal) else None


def _bool(term) -> bool:
    """An effective boolean as stores write it: Oxigraph "true"; Virtuoso 1 (and false as 0 or unbound)."""
    return isinstance(term, ox.Literal) and term.value in ("true", "1")


def _merge(old: Period, p: Period) -> Period:
    """Several values (several graphs): keep the widest bounds."""
    return Period(
        p.membership,
        p.state,
        p.organisation or old.organisation,
        _min(p.start_nb, old.start_nb),
        _max(p.start_na, old.start_na),
        p.has_end or old.has_end,
        _min(p.end_nb, old.end_nb),
        _max(p.end_na, old.end_na),
        p.withdrawal or old.withdrawal,
        p.reaccession or old.reaccession,
        p.start_dated or old.start_dated,
        p.end_dated or old.end_dated,
    )


def periods(
    store: ox.Store, organisation: str | None = str(ALLIANCE), state: str | None = None, membership: str | None = None
) -> list[Period]:
    """Membership periods of ``organisation`` (the CSTO by default; None: every organisation's) with their bounds
    (widest, where sources differ); of ``state``, or the one ``membership``, alone where it is given. A state's membership of another
    organisation (the SCO, the Union State) is never one of the CSTO's. The query is asked of those memberships
    only (a state's page, on the generated 1e6 project: 1.8 s for every membership of every alliance)."""
    query = MEMBERSHIP_PERIODS_QUERY
    only = (
        ([f"?membership org:organization <{organisation}> ."] if organisation is not None else [])
        + ([f"VALUES ?state {{ <{state}> }}"] if state is not None else [])
        + ([f"VALUES ?membership {{ <{membership}> }}"] if membership is not None else [])
    )
    if only:
        query = query.replace(" WHERE {\n", " WHERE {\n  " + " ".join(only) + "\n", 1)
    found: dict[str, Period] = {}
    for row in store.query(query):
        m = row["membership"].value
        org = row["organisation"].value if row["organisation"] is not None else None
        if organisation is not None and org != organisation:
            continue
        p = Period(
            m,
            row["state"].value,
            org,
            _date(row["snb"]),
            _date(row["sna"]),
            _bool(row["hasEnd"]),
            _date(row["enb"]),
            _date(row["ena"]),
            _bool(row["withdrawal"]),
            _bool(row["reaccession"]),
            _bool(row["sdated"]),
            _bool(row["edated"]),
        )
        found[m] = _merge(found[m], p) if m in found else p
    return list(found.values())


def confirmed_until(store: ox.Store) -> dt.date | None:
    """The last date the sources confirm: the latest (earliest possible) publication date among them."""
    days = [d for row in store.query(CONFIRMED_QUERY) if (d := _date(row["nb"])) is not None]
    return max(days) if days else None


def _min(a, b):
    return b if a is None else a if b is None else min(a, b)


def _max(a, b):
    return b if a is None else a if b is None else max(a, b)


def _anchor(p: Period) -> dt.date:
    return p.start_na or p.start_nb or p.end_nb or dt.date.max


def ordered(ps: list[Period], labels: Labeller) -> list[Period]:
    """States by their first period, then name; a state's periods in order (a re-accession after what it follows)."""
    by_state: dict[str, list[Period]] = {}
    for p in ps:
        by_state.setdefault(p.state, []).append(p)
    for group in by_state.values():
        group.sort(key=lambda p: (p.reaccession, _anchor(p), labels(p.membership)))
    states = sorted(by_state.items(), key=lambda kv: (min(_anchor(p) for p in kv[1]), labels(kv[0])))
    return [p for _, group in states for p in group]


# --- geometry (the template draws) ---------------------------------------------------


@dataclass
class Seg:
    kind: str  # certain | imprecise | undated | unconfirmed
    x: float
    w: float
    title: str


@dataclass
class Mark:
    kind: str  # withdrawal | reaccession
    x: float
    w: float  # 0 for a known day, else the span of possible days
    title: str


@dataclass
class TRow:
    y: float
    label: str
    state_href: str
    href: str
    title: str
    segs: list[Seg] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    note: tuple[float, str] | None = None  # (x, text) written beside the bar


@dataclass(frozen=True)
class Layout:
    key: str
    width: int
    left: int  # where the plot starts
    right: int
    top: int
    row: int
    bar: int
    font: int
    label_above: bool
    year_every: int


WIDE = Layout("wide", 960, 190, 30, 46, 26, 12, 13, False, 2)
NARROW = Layout("narrow", 400, 8, 10, 46, 44, 12, 13, True, 5)


class Scale:
    def __init__(self, first: dt.date, last: dt.date, layout: Layout):
        self.first, self.span = first, max(1, (last - first).days)
        self.left, self.plot_w = layout.left, layout.width - layout.left - layout.right

    def __call__(self, d: dt.date) -> float:
        return round(self.left + self.plot_w * (d - self.first).days / self.span, 1)


def _span_seg(kind: str, x: Scale, lo: dt.date, hi: dt.date, title: str) -> Seg:
    return Seg(kind, x(lo), max(2.0, x(hi) - x(lo)), title)


def _segments(p: Period, x: Scale, confirmed: dt.date, today: dt.date) -> list[Seg]:
    segs: list[Seg] = []
    for lo, hi, dated, what in (
        (p.start_nb, p.start_na, p.start_dated, "start"),
        (p.end_nb, p.end_na, p.end_dated, "end"),
    ):
        if lo and hi and not dated:
            segs.append(_span_seg("undated", x, lo, hi, f"{what}: date not given ({dates.span(lo, hi)})"))
        elif lo and hi and hi > lo:
            segs.append(_span_seg("imprecise", x, lo, hi, f"{what}: {dates.span(lo, hi)}"))
    solid_from = p.start_na or p.start_nb
    solid_to = p.end_nb if p.has_end else min(confirmed, today)
    if solid_from and solid_to and solid_to >= solid_from:
        segs.append(_span_seg("certain", x, solid_from, solid_to, "member (certain)"))
    if not p.has_end and confirmed < today:
        segs.append(
            _span_seg(
                "unconfirmed",
                x,
                max(confirmed, solid_from or confirmed),
                today,
                f"not confirmed by the sources after {dates.day(confirmed)}",
            )
        )
    return segs


def _marks(p: Period, x: Scale) -> list[Mark]:
    marks = []
    if p.withdrawal and (p.end_nb or p.end_na):
        lo, hi = p.end_nb or p.end_na, p.end_na or p.end_nb
        marks.append(Mark("withdrawal", x(lo), x(hi) - x(lo), f"withdrawal: {_instant_text(lo, hi, p.end_dated)}"))
    if p.reaccession and (p.start_nb or p.start_na):
        lo, hi = p.start_nb or p.start_na, p.start_na or p.start_nb
        marks.append(Mark("reaccession", x(lo), x(hi) - x(lo), f"re-accession: {_instant_text(lo, hi, p.start_dated)}"))
    return marks


def _rows(
    ps: list[Period], labels: Labeller, x: Scale, layout: Layout, confirmed: dt.date, today: dt.date
) -> list[TRow]:
    rows, count = [], {}
    for p in ps:
        count[p.state] = count.get(p.state, 0) + 1
    seen: dict[str, int] = {}
    for i, p in enumerate(ps):
        seen[p.state] = seen.get(p.state, 0) + 1
        label = labels(p.state) + (f" ({_ordinal(seen[p.state])})" if count[p.state] > 1 else "")
        row = TRow(
            layout.top + i * layout.row,
            label,
            local_path(p.state) or p.state,
            local_path(p.membership) or p.membership,
            p.describe(labels),
        )
        row.segs = _segments(p, x, confirmed, today)
        row.marks = _marks(p, x)
        undated = [s for s in row.segs if s.kind == "undated"]
        if undated:
            row.note = (undated[0].x + undated[0].w / 2, "date not given")
        rows.append(row)
    return rows


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def render(
    ps: list[Period],
    labels: Labeller,
    today: dt.date | None = None,
    chart_id: str = "tl",
    confirmed: dt.date | None = None,
) -> Markup:
    """Both layouts of the SVG (as markup to inline in a page; CSS shows the one that fits)."""
    today = today or read_today()
    confirmed = min(confirmed or today, today)
    bounds = [d for p in ps for d in (p.start_nb, p.start_na, p.end_nb, p.end_na) if d]
    first = dt.date(min([1992] + [d.year for d in bounds]), 1, 1)
    last = max([today] + bounds)
    order = ordered(ps, labels)
    out = []
    for layout in (WIDE, NARROW):
        x = Scale(first, last, layout)
        rows = _rows(order, labels, x, layout, confirmed, today)
        axis_y = layout.top + layout.row * max(1, len(rows)) + 6
        years = [(y, x(dt.date(y, 1, 1))) for y in range(first.year, last.year + 1)]
        out.append(
            render_template(
                "timeline.svg",
                L=layout,
                id=f"{chart_id}-{layout.key}",
                rows=rows,
                years=years,
                axis_y=axis_y,
                height=axis_y + 30,
                first=first,
                today=today,
                today_x=x(today),
                confirmed=confirmed,
                confirmed_x=x(confirmed),
                confirmed_text=dates.day(confirmed),
            )
        )
    return Markup("".join(out))
