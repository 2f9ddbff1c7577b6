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
the query reaches the engine, into ``DIR(<fn#orderKey>(E))``: one string per
term (:func:`term_key`, a Python function the query is given as
:data:`ORDER_KEY`), which the engine compares by code point, a total order:

1. the kind of term: blank nodes, then IRIs, then literals, then anything
   else (an error or unbound stays unbound, and sorts first, as before);
2. within literals, the class: numbers, ``NaN``, plain strings, strings of
   one language tag (tag by tag), then every other datatype (by its IRI),
   except that ``xsd:gYear``, ``xsd:gYearMonth``, ``xsd:date``, ``xsd:dateTime``
   and ``xsd:dateTimeStamp`` are one class, the time line, in ``xsd:date``'s
   place (this graph's ``csto:date`` gives a year, a month or a day, as
   precisely as the source does: sorted apart by datatype, every day would
   come before every year);
3. within a class, the value: numbers by their value (integers and decimals
   exactly, past 2^53 included; a double or float by the shortest decimal
   that reads back as the binary value it holds, so ``1``, ``1.0``, ``1e0``
   and ``"0.1"^^xsd:float`` = ``0.1`` tie, as SPARQL's ``=`` has them after
   type promotion), strings
   and IRIs by code point, dates and times on the time line (one without a
   time zone as if in UTC, which agrees with XML Schema's order wherever it
   has one: 14 hours apart; a year, a month or a day at its first instant,
   the less precise first at one instant: 1992 < 1992-05 < 1992-05-15 <
   1992-05-15T00:00:00 < 1993), the other times (``xsd:time``, ``xsd:gMonth``…)
   likewise within their datatype, durations, booleans
   (:func:`literal_key`), anything else, an ill-typed value included, by its
   lexical form after the valid ones;
4. values equal by SPARQL's ``=`` (``1`` and ``1.0``; two dateTimes of one
   instant in different time zones) have one key: they tie, so the next
   condition decides between them, and LIMIT and OFFSET keep the rows that
   condition puts first (SPARQL 1.1, section 15.1).

The result is SPARQL's ordering where SPARQL defines one (``a < b`` gives a
smaller key, ``a = b`` the same key); where it does not, the classes above.
SPARQL's numeric ``=`` is not transitive (by type promotion the integer
9007199254740993 equals the double 9007199254740992e0, which equals the integer
9007199254740992, which the first exceeds): no total order honours every such
pair, and these keys keep the exact order of integers and decimals. Every condition is
rewritten, whatever it calls or names (``?uuid``, ``RAND()``, ``EXISTS { … }``):
the engine evaluates a condition once per solution, not per comparison
(measured on Oxigraph 0.5.13: 1,000 calls of the key for 1,000 rows), so even
a key of ``RAND()`` or ``BNODE()`` is one fixed string per row, and the sort
stays consistent. (The first version of this module wrote each condition's
expression several times into its key, so it had to leave out conditions
calling RAND, BNODE, UUID, STRUUID or EXISTS, found by the letters of the
condition: ``ORDER BY ?uuid`` too was left as written, and a mixed-type sort
of it aborted the worker.)

Why one Python function, not SPARQL expressions: the four keys this module
wrote before (nested ``IF``/``isNumeric``/``DATATYPE``/``CONCAT`` per
condition) made queries three times longer to parse and cost more per row than
a call into Python; measured over a 10^5 build (median of 15, in process):
cq06 72.9 ms with them, 54.1 ms with one key, 40.7 ms unordered; cq16 67.0,
40.8 and 37.8 ms; a query with no rows 0.38 ms, 0.17 ms and 0.16 ms.
"""

from __future__ import annotations

import math
import re
import struct
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from .sparql_lex import lexed

__all__ = ["rewrite_order_by", "term_key", "literal_key", "time_line_key", "ORDER_KEY", "ORDER_KEY_IRI"]

ORDER_KEY_IRI = "https://w3id.org/csto-kg/fn#orderKey"
XSD = "http://www.w3.org/2001/XMLSchema#"
_NOT_A_CONDITION = frozenset({"LIMIT", "OFFSET", "VALUES", "ORDER", "GROUP", "HAVING", "SELECT", "WHERE", "FROM"})


def _keys(expr: str, direction: str) -> str:
    return f"{direction}(<{ORDER_KEY_IRI}>({expr}))"


def _significant(query: str) -> tuple[tuple[str, str, int, int], ...]:
    """The tokens of ``query`` without whitespace and comments: (kind, text, start, end)."""
    return lexed(query)


def _group_end(tokens: list, i: int, opening: str = "(", closing: str = ")") -> int | None:
    """Index of the ``)`` (``closing``) that closes the ``(`` (``opening``) at ``tokens[i]``, or None if none does."""
    depth = 0
    for j in range(i, len(tokens)):
        text = tokens[j][1]
        if tokens[j][0] == "other":
            if text == opening:
                depth += 1
            elif text == closing:
                depth -= 1
                if depth == 0:
                    return j
    return None


def _exists_end(tokens: list, i: int) -> int | None:
    """If ``tokens[i]`` opens ``EXISTS { … }`` or ``NOT EXISTS { … }`` (a condition without parentheses), the
    index of its closing ``}``; else None."""
    j = i + 1 if tokens[i][0] == "word" and tokens[i][1].upper() == "NOT" else i
    if not (j + 1 < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "EXISTS"):
        return None
    if tokens[j + 1][0] != "other" or tokens[j + 1][1] != "{":
        return None
    return _group_end(tokens, j + 1, "{", "}")


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
        elif kind == "word" and up in ("EXISTS", "NOT") and (end := _exists_end(tokens, i)) is not None:
            out.append(("ASC", query[start : tokens[end][3]], start, tokens[end][3]))
            i = end + 1
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
    tokens = _significant(query)
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
            edits += [(start, end, _keys(expr, direction)) for direction, expr, start, end in conditions]
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
    sign, digits, exp = d.as_tuple()  # exact: normalize() would round to the context's 28 digits
    ds = "".join(map(str, digits)).rstrip("0") or "0"
    e = len(digits) + exp - 1 + 500_000  # the decimal exponent, offset to be non-negative
    if not sign:
        return f"2{e:07d}{ds}"
    return f"0{9_999_999 - e:07d}{''.join(str(9 - int(c)) for c in ds)}~"


def _time_key(local: str, value: str) -> str | None:
    instant = _instant(local, value)
    return None if instant is None else instant[0] + instant[1]


# The datatypes on one time line (the graph's csto:date mixes a year, a month and a day on purpose), from the least
# precise: at one first instant, the less precise value first (1992 < 1992-01 < 1992-01-01 < 1992-01-01T00:00:00).
_TIME_LINE = {"gYear": 0, "gYearMonth": 1, "date": 2, "dateTime": 3, "dateTimeStamp": 3}


def time_line_key(local: str, value: str) -> str | None:
    """The key of a year, month, day or instant on one time line: its first possible instant (as :func:`_time_key`
    places it), then its precision, then with a time zone after without; None if ``value`` is not valid."""
    instant = _instant(local, value)
    return None if instant is None else f"{instant[0]} {_TIME_LINE[local]}{instant[1]}"


def _instant(local: str, value: str) -> tuple[str, str] | None:
    """(key of the first instant of ``value``, " a" without a time zone or " b" with one), None if not valid."""
    m = _PATTERNS[local].match(value)
    if not m:
        return None
    y, mo, d, hh, mi, ss, tz = m.groups()
    if not _in_range(y, mo, d, hh, mi, ss, tz):
        return None
    if local == "time":  # on the reference day of XML Schema's order relation
        days = _days_from_civil(1972, 12, 31)
    else:
        days = _days_from_civil(int(y or 1972), int(mo or 1), int(d or 1))
    seconds = Decimal(days) * 86400 + int(hh or 0) * 3600 + int(mi or 0) * 60 + Decimal(ss or 0)
    if tz and tz != "Z":
        sign = -1 if tz[0] == "+" else 1
        seconds += sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    # One time line: a value without a time zone is placed as if in UTC. XML Schema orders it against one with a
    # time zone only when they are more than 14 hours apart, and then this agrees; at one instant, without first.
    return sortable(seconds), (" b" if tz else " a")


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _in_range(y, mo, d, hh, mi, ss, tz) -> bool:
    """Are the fields of a date/time value in XML Schema's ranges (a month 1-12, a day of that month, 24:00:00
    the only hour 24, a time zone within 14 hours)? An ill-typed value sorts with the ill-typed ones."""
    if mo and not 1 <= int(mo) <= 12:
        return False
    if d:
        leap = not y or (int(y) % 4 == 0 and (int(y) % 100 != 0 or int(y) % 400 == 0))
        last = _MONTH_DAYS[int(mo) - 1] if mo else 31
        if not 1 <= int(d) <= (28 if last == 29 and y and not leap else last):
            return False
    if hh and (int(hh) > 24 or int(mi) > 59 or Decimal(ss) >= 60 or (int(hh) == 24 and (int(mi) or Decimal(ss)))):
        return False
    return not (tz and tz != "Z" and (int(tz[1:3]) * 60 + int(tz[4:6]) > 14 * 60 or int(tz[4:6]) > 59))


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

    Valid date/time values order on the time line (one without a time zone
    as if in UTC), durations by months then seconds, booleans
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


# --- the key of any term -------------------------------------------------------------------------------------

_INTEGER = re.compile(r"[+-]?\d+$")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)$")
_FLOATING = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|[+-]?INF$|NaN$")
_INTEGERS = frozenset(
    "integer nonPositiveInteger negativeInteger long int short byte nonNegativeInteger unsignedLong unsignedInt "
    "unsignedShort unsignedByte positiveInteger".split()
)
_FLOAT_MAX = struct.unpack("f", b"\xff\xff\x7f\x7f")[0]  # the largest finite 32-bit float
_LEXICAL = {**{t: _INTEGER for t in _INTEGERS}, "decimal": _DECIMAL, "double": _FLOATING, "float": _FLOATING}


def _number_key(local: str, value: str) -> str | None:
    """The key of a valid numeric lexical form: code-point order is numeric order; None if it is not one."""
    if not _LEXICAL[local].match(value):
        return None
    if value.endswith("NaN"):
        return "~"  # after every number, as one class
    if value.endswith("INF"):
        return "/" if value.startswith("-") else "3"  # below every negative key ("0…"), above every positive ("2…")
    if local in ("double", "float"):
        binary = float(value)  # the binary value the literal holds (a float rounded to 32 bits)
        if math.isinf(binary) or (local == "float" and abs(binary) > _FLOAT_MAX):
            return "/" if binary < 0 else "3"  # out of range: infinite, as XML Schema 1.1 says
        number = Decimal(_shortest_float(binary) if local == "float" else repr(binary))
    else:
        number = Decimal(value)
    return sortable(number)


def _shortest_float(binary: float) -> str:
    """The shortest decimal that reads back as the 32-bit float nearest ``binary`` (``repr`` does this for a
    double): the value a float literal's author wrote, whatever binary digits hold it."""
    single = struct.unpack("f", struct.pack("f", binary))[0]
    for digits in range(1, 10):  # 9 significant digits always read back (IEEE 754 binary32)
        text = f"{single:.{digits}g}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == single:
            return text
    return repr(single)


def term_key(term) -> ox.Literal | None:
    """The order key of ``term``: a string whose code-point order is the order the module doc describes.

    Each part ends before a space (below every character a part holds), so a shorter part sorts first.
    """
    if isinstance(term, ox.BlankNode):
        return ox.Literal("0" + term.value)
    if isinstance(term, ox.NamedNode):
        return ox.Literal("1" + term.value)
    if not isinstance(term, ox.Literal):
        return None if term is None else ox.Literal("3" + str(term))
    value, datatype = term.value, term.datatype.value
    if term.language:
        return ox.Literal(f"22{term.language} {value}")
    if datatype == XSD + "string":
        return ox.Literal("21" + value)
    local = datatype[len(XSD) :] if datatype.startswith(XSD) else ""
    if local in _LEXICAL:
        number = _number_key(local, value)
        if number is not None:
            return ox.Literal(f"20{number}")
    if local in _TIME_LINE:
        try:
            when = time_line_key(local, value)
        except (InvalidOperation, ValueError):
            when = None
        if when is not None:  # one class for the time line, in xsd:date's place (before its ill-typed values)
            return ox.Literal(f"23{XSD}date {when}")
    return ox.Literal(f"23{datatype} {literal_key(term).value}")


ORDER_KEY = {ox.NamedNode(ORDER_KEY_IRI): term_key}
