"""ORDER BY keys that the engine compares totally, in SPARQL's order.

SPARQL 1.1 Query, section 15.1 (https://www.w3.org/TR/sparql11-query/#modOrderBy):
unbound < blank nodes < IRIs < literals; literals by the ``<`` operator where
it is defined (numbers with numbers, strings with strings, dateTimes with
dateTimes, …), and in an order the implementation chooses elsewhere.

Oxigraph 0.5.13 compares two literals that ``<`` does not order (a number and
a string, ``NaN`` and anything, a dateTime with a time zone and one without,
two language tags) as *equal*, which is not transitive ("10" < "9" as strings,
yet both "equal" the number 10): its sort then panics ("user-provided
comparison function does not correctly implement a total order") and the
process aborts. So every ORDER BY condition ``DIR(E)`` is rewritten, before
the query reaches the engine, into four keys, each compared only within
classes the engine orders totally:

1. the kind of term: 0 blank node, 1 IRI, 2 literal, 3 other (an error or
   unbound stays unbound, and sorts first, as before);
2. the class of a literal: ``"0"`` numbers, ``"0NaN"`` NaN, ``"1"`` strings,
   ``"2<lang>"`` language-tagged strings of one tag, ``"3<datatype>"`` any
   other datatype;
3. the value within its class: a number as ``xsd:double`` (one type, so one
   total order), a string as itself, a blank node or IRI as itself, and every
   other literal as the string :func:`literal_key` makes of it (a Python
   function the query is given as :data:`ORDER_KEY`);
4. for numbers, the exact value as ``xsd:decimal`` (doubles round; floats and
   doubles give 0), so that integers past 2^53 still sort by value.

The result is SPARQL's ordering where SPARQL defines one; where it does not,
the classes above (numbers, strings, language tags, datatypes in that order).
Keys with ``RAND()`` and the like are evaluated per comparison by the engine,
as before; they are left as they are.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from .sparql_lex import _TOKEN

__all__ = ["rewrite_order_by", "literal_key", "ORDER_KEY", "ORDER_KEY_IRI"]

ORDER_KEY_IRI = "https://w3id.org/csto-kg/fn#orderKey"
XSD = "http://www.w3.org/2001/XMLSchema#"
_NOT_A_CONDITION = frozenset({"LIMIT", "OFFSET", "VALUES", "ORDER", "GROUP", "HAVING", "SELECT", "WHERE", "FROM"})
# Expressions that give a new value at each evaluation: the engine evaluates keys per comparison, so no
# rewrite can make them consistent; left as written.
_VOLATILE = frozenset({"RAND", "BNODE", "UUID", "STRUUID"})


def _keys(expr: str, direction: str) -> str:
    x = f"({expr})"
    k1 = f"IF(isBlank({x}), 0, IF(isIRI({x}), 1, IF(isLiteral({x}), 2, 3)))"
    k2 = (
        f'IF(isLiteral({x}), IF(isNumeric({x}), IF({x} = {x}, "0", "0NaN"), '
        f'IF(DATATYPE({x}) = <{XSD}string>, "1", IF(LANG({x}) != "", CONCAT("2", LANG({x})), '
        f'CONCAT("3", STR(DATATYPE({x})))))), "")'
    )
    k3 = (
        f"IF(isLiteral({x}), IF(isNumeric({x}), <{XSD}double>({x}), "
        f'IF(DATATYPE({x}) = <{XSD}string> || LANG({x}) != "", STR({x}), <{ORDER_KEY_IRI}>({x}))), {x})'
    )
    k4 = (
        f"COALESCE(IF(isNumeric({x}) && DATATYPE({x}) != <{XSD}double> && DATATYPE({x}) != <{XSD}float>, "
        f"<{XSD}decimal>({x}), 0), 0)"
    )
    return " ".join(f"{direction}({k})" for k in (k1, k2, k3, k4))


def _significant(query: str):
    """The tokens of ``query`` without whitespace and comments: (kind, text, start, end)."""
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "comment" or (kind == "other" and m.group().isspace()):
            continue
        yield kind, m.group(), m.start(), m.end()


def _group_end(tokens: list, i: int) -> int | None:
    """Index of the ``)`` closing the ``(`` at ``tokens[i]``, or None if it is not closed."""
    depth = 0
    for j in range(i, len(tokens)):
        text = tokens[j][1]
        if tokens[j][0] == "other":
            if text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
                if depth == 0:
                    return j
    return None


def _conditions(tokens: list, i: int, query: str) -> tuple[list[tuple[str, str, int, int]], int]:
    """The order conditions from ``tokens[i]``: (direction, expression, start, end) each, and the index after them."""
    out = []
    n = len(tokens)
    while i < n:
        kind, text, start, _ = tokens[i]
        up = text.upper()
        nxt = tokens[i + 1] if i + 1 < n else None
        opens = nxt is not None and nxt[0] == "other" and nxt[1] == "("
        if kind == "word" and up in ("ASC", "DESC") and opens:
            end = _group_end(tokens, i + 1)
            if end is None:
                break
            out.append((up, query[tokens[i + 1][3] : tokens[end][2]], start, tokens[end][3]))
            i = end + 1
        elif kind == "other" and text == "(":
            end = _group_end(tokens, i)
            if end is None:
                break
            out.append(("ASC", query[tokens[i][3] : tokens[end][2]], start, tokens[end][3]))
            i = end + 1
        elif kind == "var":
            out.append(("ASC", text, start, tokens[i][3]))
            i += 1
        elif kind in ("word", "iri", "pname") and opens and up not in _NOT_A_CONDITION:
            end = _group_end(tokens, i + 1)
            if end is None:
                break
            out.append(("ASC", query[start : tokens[end][3]], start, tokens[end][3]))
            i = end + 1
        else:
            break
    return out, i


def rewrite_order_by(query: str) -> str:
    """``query`` with each ORDER BY condition replaced by keys the engine compares totally (see the module doc).

    Only the text of the conditions changes; a query without ORDER BY is returned as it is.
    """
    if "order" not in query.lower():
        return query
    tokens = list(_significant(query))
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens) - 1:
        if (
            tokens[i][0] == "word"
            and tokens[i][1].upper() == "ORDER"
            and tokens[i + 1][0] == "word"
            and tokens[i + 1][1].upper() == "BY"
        ):
            conditions, i = _conditions(tokens, i + 2, query)
            for direction, expr, start, end in conditions:
                words = {t.upper() for t in re.findall(r"[A-Za-z_]+", expr)}
                if words & _VOLATILE or "EXISTS" in words:
                    continue
                edits.append((start, end, _keys(expr, direction)))
        else:
            i += 1
    for start, end, text in reversed(edits):
        query = query[:start] + text + query[end:]
    return query


# --- the key of a literal that is neither a number nor a (language-tagged) string ---------------------------

_DATE_TIME = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)?$")
_PATTERNS = {  # datatype -> regex with named groups (y, m, d, H, M, S, tz)
    "dateTime": _DATE_TIME,
    "dateTimeStamp": _DATE_TIME,
    "date": re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)()()()(Z|[+-]\d\d:\d\d)?$"),
    "time": re.compile(r"()()()(\d\d):(\d\d):(\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)?$"),
    "gYear": re.compile(r"(-?\d{4,})()()()()()(Z|[+-]\d\d:\d\d)?$"),
    "gYearMonth": re.compile(r"(-?\d{4,})-(\d\d)()()()()(Z|[+-]\d\d:\d\d)?$"),
    "gMonth": re.compile(r"()--(\d\d)()()()()(Z|[+-]\d\d:\d\d)?$"),
    "gMonthDay": re.compile(r"()--(\d\d)-(\d\d)()()()(Z|[+-]\d\d:\d\d)?$"),
    "gDay": re.compile(r"()---()(\d\d)()()()(Z|[+-]\d\d:\d\d)?$"),
}
_DURATION = re.compile(r"(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar (any year)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def sortable(d: Decimal) -> str:
    """A string whose code-point order is the numeric order of ``d`` (any finite decimal)."""
    if d == 0:
        return "1"
    sign, digits, exp = d.normalize().as_tuple()
    ds = "".join(map(str, digits)).rstrip("0") or "0"
    e = len(digits) + exp - 1 + 500_000  # the decimal exponent, offset to be non-negative
    if not sign:
        return f"2{e:07d}{ds}"
    return f"0{9_999_999 - e:07d}{''.join(str(9 - int(c)) for c in ds)}~"


def _time_key(local: str, value: str) -> str | None:
    m = _PATTERNS[local].match(value)
    if not m:
        return None
    y, mo, d, hh, mi, ss, tz = m.groups()
    if local == "time":  # on the reference day of XML Schema's order relation
        days = _days_from_civil(1972, 12, 31)
    else:
        days = _days_from_civil(int(y or 1972), int(mo or 1), int(d or 1))
    seconds = Decimal(days) * 86400 + int(hh or 0) * 3600 + int(mi or 0) * 60 + Decimal(ss or 0)
    if tz and tz != "Z":
        sign = -1 if tz[0] == "+" else 1
        seconds += sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    return ("b" if tz else "a") + sortable(seconds)


def _duration_key(local: str, value: str) -> str | None:
    m = _DURATION.match(value)
    if not m or value.endswith(("P", "T")):
        return None
    neg, y, mo, d, h, mi, s = m.groups()
    months = int(y or 0) * 12 + int(mo or 0)
    seconds = Decimal(d or 0) * 86400 + int(h or 0) * 3600 + int(mi or 0) * 60 + Decimal(s or 0)
    if neg:
        months, seconds = -months, -seconds
    return "a" + sortable(Decimal(months)) + " " + sortable(seconds)


def literal_key(term) -> ox.Literal:
    """The order key of a literal of another datatype: a string, compared only with keys of its datatype.

    Valid date/time values order on the time line (those with a time zone
    apart from those without), durations by months then seconds, booleans
    false < true; anything else (an unknown datatype, an ill-typed value) by
    its lexical form, after the valid ones.
    """
    if not isinstance(term, ox.Literal):
        return ox.Literal("")
    value, datatype = term.value, term.datatype.value
    key = None
    if datatype.startswith(XSD):
        local = datatype[len(XSD) :]
        try:
            if local in _PATTERNS:
                key = _time_key(local, value)
            elif local in ("duration", "dayTimeDuration", "yearMonthDuration"):
                key = _duration_key(local, value)
            elif local == "boolean" and value in ("true", "false", "1", "0"):
                key = "a" + ("1" if value in ("true", "1") else "0")
        except (InvalidOperation, ValueError):
            key = None
    return ox.Literal(key if key is not None else "z" + value)


ORDER_KEY = {ox.NamedNode(ORDER_KEY_IRI): literal_key}
