"""Is a typed literal's lexical form in its datatype's lexical space? (XML Schema 1.1 Part 2)

RDF 1.1 calls a literal whose lexical form is not in the lexical space of its
datatype *ill-typed*. rdflib decides that by calling a Python converter, which
is looser than XML Schema where one exists (``int`` takes ``"1_000"`` and
``" 5"``, ``Decimal`` takes ``"1e5"`` and ``"NaN"``, ``float`` takes ``"inf"``)
and says nothing at all where none does: ``"2023-13"^^xsd:gYearMonth`` and
``"199"^^xsd:gYear`` pass it. The curated files date most facts by
``xsd:gYear`` and ``xsd:gYearMonth``, so a month typed as 13 would reach the
graph, and every date rule would read it as no date. :func:`problem` holds the
lexical spaces of the XSD datatypes a curator may write, from the grammar of
XML Schema 1.1 Part 2 (https://www.w3.org/TR/xmlschema11-2/), value limits
included (the day of the month, the bounds of ``xsd:byte``...). Datatypes it
does not list (strings, IRIs, language tags, any non-XSD datatype) are left to
rdflib.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["problem"]

XSD = "http://www.w3.org/2001/XMLSchema#"

_YEAR = r"-?(?:[1-9][0-9]{3,}|0[0-9]{3})"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
_TIME = r"(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
# durations, by the fragments of XML Schema 1.1 Part 2, 3.3.6.2
_SECONDS = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)S"
_DU_TIME = rf"T(?:[0-9]+H(?:[0-9]+M)?(?:{_SECONDS})?|[0-9]+M(?:{_SECONDS})?|{_SECONDS})"
_DU_DAYTIME = rf"(?:[0-9]+D(?:{_DU_TIME})?|{_DU_TIME})"
_DU_YEARMONTH = r"(?:[0-9]+Y(?:[0-9]+M)?|[0-9]+M)"


def _full(pattern: str) -> re.Pattern:
    return re.compile(rf"(?:{pattern})\Z")


# datatype -> (lexical pattern, what a curator should write)
_FORMS: dict[str, tuple[re.Pattern, str]] = {
    "gYear": (_full(rf"{_YEAR}{_TZ}?"), "a year of four or more digits, e.g. 2022"),
    "gYearMonth": (_full(rf"{_YEAR}-{_MONTH}{_TZ}?"), "a year and a month 01-12, e.g. 2022-09"),
    "gMonth": (_full(rf"--{_MONTH}{_TZ}?"), "--MM, e.g. --09"),
    "gDay": (_full(rf"---{_DAY}{_TZ}?"), "---DD, e.g. ---06"),
    "gMonthDay": (_full(rf"--{_MONTH}-{_DAY}{_TZ}?"), "--MM-DD, e.g. --01-06"),
    "date": (_full(rf"{_YEAR}-{_MONTH}-{_DAY}{_TZ}?"), "YYYY-MM-DD, a day that exists, e.g. 2022-01-06"),
    "dateTime": (_full(rf"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_TZ}?"), "YYYY-MM-DDThh:mm:ss, e.g. 2022-01-06T10:00:00"),
    "dateTimeStamp": (_full(rf"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_TZ}"), "a dateTime with a time zone"),
    "time": (_full(rf"{_TIME}{_TZ}?"), "hh:mm:ss, e.g. 10:00:00"),
    "duration": (_full(rf"-?P(?:{_DU_YEARMONTH}{_DU_DAYTIME}?|{_DU_DAYTIME})"), "PnYnMnDTnHnMnS, e.g. P1Y2M"),
    "yearMonthDuration": (_full(rf"-?P{_DU_YEARMONTH}"), "PnYnM, e.g. P1Y2M"),
    "dayTimeDuration": (_full(rf"-?P{_DU_DAYTIME}"), "PnDTnHnMnS, e.g. P3DT4H"),
    "boolean": (_full(r"true|false|1|0"), "true, false, 1 or 0"),
    "decimal": (_full(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"), "digits with an optional decimal point, e.g. 2.5"),
    "double": (_full(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN"), "e.g. 2.5, 1E3, INF"),
    "float": (_full(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN"), "e.g. 2.5, 1E3, INF"),
}
_INTEGER = _full(r"[+-]?[0-9]+")
# integer datatypes -> (least, greatest) value; None: unbounded
_INTEGERS: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-(2**7), 2**7 - 1),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 2**8 - 1),
}
_HAS_DAY = {"date", "dateTime", "dateTimeStamp"}
_YMD = re.compile(r"(-?[0-9]+)-([0-9]{2})-([0-9]{2})")


def _day_exists(local: str, lexical: str) -> bool:
    if local in _HAS_DAY:
        y, m, d = _YMD.match(lexical).groups()
        year = int(y)  # XML Schema 1.1 numbers years astronomically (0000 is 1 BCE), as calendar.isleap does
    elif local == "gMonthDay":
        m, d = lexical[2:4], lexical[5:7]
        year = 2000  # --02-29 is a valid gMonthDay
    else:
        return True
    month = int(m)
    last = 29 if month == 2 and (local == "gMonthDay" or calendar.isleap(year)) else calendar.monthrange(2001, month)[1]
    return int(d) <= last


def problem(lexical: str, datatype: str) -> str | None:
    """Why ``lexical`` is not in the lexical space of ``datatype`` (an IRI), or None if it is (or is not checked here)."""
    if not datatype.startswith(XSD):
        return None
    local = datatype[len(XSD) :]
    if local in _INTEGERS:
        if not _INTEGER.match(lexical):
            return "expected an integer: digits, with an optional sign"
        least, greatest = _INTEGERS[local]
        value = int(lexical)
        if (least is not None and value < least) or (greatest is not None and value > greatest):
            return f"out of the range of xsd:{local}"
        return None
    form = _FORMS.get(local)
    if form is None:
        return None
    pattern, expected = form
    if not pattern.match(lexical):
        return f"expected {expected}"
    if not _day_exists(local, lexical):
        return "no such day in that month"
    return None
