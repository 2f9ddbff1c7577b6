"""Dates as the pages write them: at the precision the source gives, never more precise.

``"1992"^^xsd:gYear`` -> "1992", ``"2023-11"^^xsd:gYearMonth`` -> "November 2023",
``"1992-05-15"^^xsd:date`` -> "15 May 1992"; a span of possible days
(``csto:notBefore``/``csto:notAfter``) -> "between 15 May 1992 and 31 Dec 2012".
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox

__all__ = ["human", "day", "span", "parse_day"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


def parse_day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def human(lit: ox.Literal) -> str:
    """A date literal at its own precision; any other literal as is."""
    dt_iri = lit.datatype.value if lit.datatype else ""
    v = lit.value
    try:
        if dt_iri == _XSD + "gYearMonth":
            return dt.date(int(v[:4]), int(v[5:7]), 1).strftime("%B %Y")
        if dt_iri in (_XSD + "date", _XSD + "dateTime"):
            return day(dt.date.fromisoformat(v[:10]))
    except ValueError:
        pass
    return v


def span(lo: dt.date | None, hi: dt.date | None) -> str:
    """The possible days of an instant as words."""
    if lo and hi and lo != hi:
        if lo.year == hi.year and (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31):
            return str(lo.year)
        return f"between {day(lo)} and {day(hi)}"
    if lo or hi:
        return day(lo or hi)
    return "date not given"
