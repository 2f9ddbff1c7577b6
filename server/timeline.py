"""The membership timeline on the home page: an inline SVG generated from the graph.

One row per membership period (``csto:Membership``), grouped by state, on a
year axis from 1992 (or the earliest date the graph has) to today. Dates are
drawn as precisely as the sources give them, from the ``csto:notBefore`` /
``csto:notAfter`` bounds the build derives for every instant:

- a solid bar where membership is certain (from the start's last possible day
  to the end's first possible day, or to today for an open period);
- a hatched segment where a start or end is known only to a month or a year
  (its span of possible days);
- a dashed, open segment with a "?" where the sources give no date at all
  (an end instant without a date, or a start event without one);
- a marker at a withdrawal (end event typed ``csto:Withdrawal``) and at a
  re-accession (start event typed ``csto:ReAccession``).

Every bar is a link to its membership page, which shows the evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyoxigraph as ox
from markupsafe import Markup, escape

from .describe_resource import local_path
from .labels import Labeller

__all__ = ["Period", "periods", "render", "MEMBERSHIP_PERIODS_QUERY"]

MEMBERSHIP_PERIODS_QUERY = """
PREFIX csto: <https://w3id.org/csto-kg/ontology/>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT DISTINCT ?membership ?state ?organisation ?hasStart ?snb ?sna ?hasEnd ?enb ?ena ?withdrawal ?reaccession WHERE {
  ?membership a csto:Membership ; org:member ?state .
  OPTIONAL { ?membership org:organization ?organisation }
  OPTIONAL { ?membership org:memberDuring/time:hasBeginning ?start .
             OPTIONAL { ?start csto:notBefore ?snb } OPTIONAL { ?start csto:notAfter ?sna } }
  OPTIONAL { ?membership org:memberDuring/time:hasEnd ?end .
             OPTIONAL { ?end csto:notBefore ?enb } OPTIONAL { ?end csto:notAfter ?ena } }
  OPTIONAL { ?membership csto:startedBy ?startEvent }
  OPTIONAL { ?membership csto:endedBy ?endEvent }
  BIND(BOUND(?start) AS ?hasStart)
  BIND(BOUND(?end) || BOUND(?endEvent) AS ?hasEnd)
  BIND(IF(BOUND(?endEvent), EXISTS { ?endEvent a csto:Withdrawal }, false) AS ?withdrawal)
  BIND(IF(BOUND(?startEvent), EXISTS { ?startEvent a csto:ReAccession }, false) AS ?reaccession)
}
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

    def describe(self, labels: Labeller) -> str:
        """A sentence for tooltips and the text alternative."""
        return f"{labels(self.membership)}: {self.start_text()} to {self.end_text()}"

    def start_text(self) -> str:
        return _span_text(self.start_nb, self.start_na, "start not dated in the sources")

    def end_text(self) -> str:
        if not self.has_end:
            return "no recorded end"
        return _span_text(self.end_nb, self.end_na, "end not dated in the sources") + (" (withdrawal)" if self.withdrawal else "")


def _span_text(lo: dt.date | None, hi: dt.date | None, unknown: str) -> str:
    if lo is None and hi is None:
        return unknown
    if lo == hi or hi is None or lo is None:
        return (lo or hi).isoformat()
    return f"between {lo.isoformat()} and {hi.isoformat()}"


def _date(term) -> dt.date | None:
    try:
        return dt.date.fromisoformat(term.value[:10]) if isinstance(term, ox.Literal) else None
    except ValueError:
        return None


def _bool(term) -> bool:
    return isinstance(term, ox.Literal) and term.value == "true"


def periods(store: ox.Store) -> list[Period]:
    """Every membership period with its bounds (widest, where sources differ)."""
    found: dict[str, Period] = {}
    for row in store.query(MEMBERSHIP_PERIODS_QUERY):
        m = row["membership"].value
        org = row["organisation"].value if row["organisation"] is not None else None
        p = Period(m, row["state"].value, org, _date(row["snb"]), _date(row["sna"]), _bool(row["hasEnd"]),
                   _date(row["enb"]), _date(row["ena"]), _bool(row["withdrawal"]), _bool(row["reaccession"]))
        old = found.get(m)
        if old is not None:    # several values (several graphs): keep the widest bounds
            p = Period(m, p.state, p.organisation or old.organisation,
                       _min(p.start_nb, old.start_nb), _max(p.start_na, old.start_na), p.has_end or old.has_end,
                       _min(p.end_nb, old.end_nb), _max(p.end_na, old.end_na),
                       p.withdrawal or old.withdrawal, p.reaccession or old.reaccession)
        found[m] = p
    return list(found.values())


def _min(a, b):
    return b if a is None else a if b is None else min(a, b)


def _max(a, b):
    return b if a is None else a if b is None else max(a, b)


def _anchor(p: Period) -> dt.date:
    return p.start_na or p.start_nb or p.end_nb or dt.date.max


def _ordered(ps: list[Period], labels: Labeller) -> dict[str, list[Period]]:
    """Periods grouped by state; states by their first period, then name; periods by start."""
    by_state: dict[str, list[Period]] = {}
    for p in ps:
        by_state.setdefault(p.state, []).append(p)
    for group in by_state.values():
        group.sort(key=lambda p: (_anchor(p), p.reaccession, labels(p.membership)))
    return dict(sorted(by_state.items(), key=lambda kv: (min(_anchor(p) for p in kv[1]), labels(kv[0]))))


# --- drawing -----------------------------------------------------------------

_W, _LEFT, _RIGHT, _TOP, _ROW, _BAR = 960, 190, 30, 34, 24, 12
_OPEN = 46   # length of a dashed open end, in px


def render(ps: list[Period], labels: Labeller, today: dt.date | None = None, chart_id: str = "tl") -> Markup:
    """The SVG (as markup to inline in a page)."""
    today = today or dt.date.today()
    bounds = [d for p in ps for d in (p.start_nb, p.start_na, p.end_nb, p.end_na) if d]
    first = dt.date(min([1992] + [d.year for d in bounds]), 1, 1)
    last = max([today] + bounds)
    span_days = max(1, (last - first).days)
    plot_w = _W - _LEFT - _RIGHT

    def x(d: dt.date) -> float:
        return round(_LEFT + plot_w * (d - first).days / span_days, 1)

    rows = [(state, p, i == 0) for state, group in _ordered(ps, labels).items() for i, p in enumerate(group)]
    height = _TOP + _ROW * max(1, len(rows)) + 40

    e = escape
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {_W} {height}" '
        f'width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">Membership periods, {first.year} to {today.isoformat()}</title>',
        f'<desc id="{chart_id}-desc">One bar per membership period; solid where membership is certain, hatched where '
        'a date is known only to a month or a year, dashed and open where the sources give no date. '
        'Each bar links to its membership page and evidence.</desc>',
        '<defs>'
        f'<pattern id="{chart_id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#c9d8ee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#2f5d9b" stroke-width="2"/></pattern>'
        f'<linearGradient id="{chart_id}-fade-r"><stop offset="0" stop-color="#2f5d9b" stop-opacity="0.5"/>'
        '<stop offset="1" stop-color="#2f5d9b" stop-opacity="0"/></linearGradient>'
        f'<linearGradient id="{chart_id}-fade-l"><stop offset="0" stop-color="#2f5d9b" stop-opacity="0"/>'
        '<stop offset="1" stop-color="#2f5d9b" stop-opacity="0.5"/></linearGradient>'
        '</defs>',
    ]
    # axis: a tick per year, a label every other year, a grid line every five
    axis_y = _TOP + _ROW * max(1, len(rows)) + 6
    for year in range(first.year, last.year + 1):
        xx = x(dt.date(year, 1, 1))
        if year % 5 == 0:
            out.append(f'<line class="grid" x1="{xx}" y1="{_TOP - 6}" x2="{xx}" y2="{axis_y}" stroke="#e3e3e3"/>')
        out.append(f'<line x1="{xx}" y1="{axis_y}" x2="{xx}" y2="{axis_y + 4}" stroke="#666"/>')
        if year % 2 == 0:
            out.append(f'<text class="year" x="{xx}" y="{axis_y + 16}" text-anchor="middle" font-size="11">{year}</text>')
    tx = x(today)
    out.append(f'<line class="today" x1="{tx}" y1="{_TOP - 10}" x2="{tx}" y2="{axis_y}" stroke="#b3261e" stroke-dasharray="3 3"/>')
    out.append(f'<text x="{tx}" y="{_TOP - 14}" text-anchor="end" font-size="11" fill="#b3261e">today {today.isoformat()}</text>')

    for i, (state, p, first_of_state) in enumerate(rows):
        y = _TOP + i * _ROW
        mid = y + _ROW / 2
        by = mid - _BAR / 2
        if first_of_state:
            href = local_path(state) or state
            out.append(f'<line x1="0" y1="{y}" x2="{_W}" y2="{y}" stroke="#f0f0f0"/>' if i else "")
            out.append(f'<a href="{e(href)}"><text class="state" x="{_LEFT - 8}" y="{mid + 4}" text-anchor="end" '
                       f'font-size="13">{e(labels(state))}</text></a>')
        parts: list[str] = []
        s_lo, s_hi = p.start_nb, p.start_na
        e_lo, e_hi = p.end_nb, p.end_na
        solid_from = x(s_hi) if s_hi else None
        if not p.has_end:
            solid_to = x(today)
        elif e_lo:
            solid_to = x(e_lo)
        else:
            solid_to = None
        # imprecise start / end: hatched spans of possible days
        if s_lo and s_hi and s_hi > s_lo:
            parts.append(f'<rect class="imprecise" x="{x(s_lo)}" y="{by}" width="{max(1.5, x(s_hi) - x(s_lo))}" height="{_BAR}" '
                         f'fill="url(#{chart_id}-hatch)" stroke="#2f5d9b" stroke-width="0.5"/>')
        if e_lo and e_hi and e_hi > e_lo:
            parts.append(f'<rect class="imprecise" x="{x(e_lo)}" y="{by}" width="{max(1.5, x(e_hi) - x(e_lo))}" height="{_BAR}" '
                         f'fill="url(#{chart_id}-hatch)" stroke="#2f5d9b" stroke-width="0.5"/>')
        if solid_from is not None and solid_to is not None and solid_to >= solid_from:
            parts.append(f'<rect class="certain" x="{solid_from}" y="{by}" width="{max(2.0, solid_to - solid_from)}" '
                         f'height="{_BAR}" fill="#2f5d9b"/>')
        # unknown end: a dashed open end after the start
        if p.has_end and e_lo is None and e_hi is None:
            x0 = solid_from if solid_from is not None else _LEFT
            parts.append(f'<rect class="certain" x="{x0}" y="{by}" width="2" height="{_BAR}" fill="#2f5d9b"/>')
            parts.append(f'<rect class="unknown" x="{x0 + 2}" y="{by}" width="{_OPEN}" height="{_BAR}" fill="url(#{chart_id}-fade-r)" '
                         f'stroke="#2f5d9b" stroke-dasharray="4 3"/>')
            parts.append(f'<text x="{x0 + _OPEN + 14}" y="{mid + 4}" font-size="12" fill="#2f5d9b">? end not dated</text>')
        # unknown start: a dashed open start before the end
        if s_lo is None and s_hi is None:
            x1 = x(e_lo) if e_lo else (solid_to if solid_to is not None else _LEFT + _OPEN)
            x0 = max(_LEFT, x1 - _OPEN)
            parts.append(f'<rect class="unknown" x="{x0}" y="{by}" width="{max(2.0, x1 - x0)}" height="{_BAR}" '
                         f'fill="url(#{chart_id}-fade-l)" stroke="#2f5d9b" stroke-dasharray="4 3"/>')
            parts.append(f'<text x="{x0 - 10}" y="{mid + 4}" font-size="12" fill="#2f5d9b" text-anchor="end">start not dated ?</text>')
            s_marker_x = x0
        else:
            s_marker_x = x(s_lo or s_hi)
        if p.reaccession:
            parts.append(f'<circle class="reaccession" cx="{s_marker_x}" cy="{mid}" r="5" fill="#fff" stroke="#1b7f3b" stroke-width="2.5">'
                         '<title>re-accession</title></circle>')
        if p.withdrawal:
            wx = x(e_hi or e_lo) if (e_hi or e_lo) else (solid_from if solid_from is not None else _LEFT) + 2 + _OPEN
            parts.append(f'<path class="withdrawal" d="M{wx - 5},{mid - 5} L{wx + 5},{mid + 5} M{wx - 5},{mid + 5} L{wx + 5},{mid - 5}" '
                         'stroke="#b3261e" stroke-width="2.5"><title>withdrawal</title></path>')
        href = local_path(p.membership) or p.membership
        out.append(f'<a class="period" href="{e(href)}"><title>{e(p.describe(labels))}</title>'
                   f'<rect x="{_LEFT}" y="{y + 1}" width="{plot_w}" height="{_ROW - 2}" fill="transparent"/>'
                   + "".join(parts) + "</a>")
    if not rows:
        out.append(f'<text x="{_LEFT}" y="{_TOP + 16}" font-size="13">No membership periods in the graph yet.</text>')
    out.append("</svg>")
    return Markup("".join(out))
