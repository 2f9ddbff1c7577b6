"""The parser's syntax-error message, made readable: where, and what was expected, in a line a person reads.

Oxigraph 0.5.13 reports ``error at LINE:COLUMN: expected one of …``, where

- the position is where its parser stopped: at the end of the query, one
  column past the last character (``ASK{}x``: "1:7", though the query has six
  characters). Such a position is given as the query's last character, "at the
  end of the query" (``1:6``);
- the list mixes its own sentences with the grammar's tokens (``expected one
  of Duplicated variable name in SELECT, [_]``; ``expected one of The query
  limit should be a non negative integer, ['0'..='9']``): when it holds a
  sentence, the sentence *is* the message;
- character classes are written as Rust ranges, a kilobyte of them after
  ``SELECT * is not authorized with GROUP BY``: they are summarised ("a
  digit", "a name character"), ``[_]`` (any character) dropped, and a list
  longer than :data:`MAX_EXPECTED` cut, saying how many more; ``LATERAL`` (not
  SPARQL 1.1) is not offered.

Common mistakes get a message that names them, where the parser names a
token it could take instead (:func:`_named_mistake`): a prefix used but not
declared (in a function call the parser offers "expected ENCODE_FOR_URI"), a
triple pattern without its object ("expected one of LATERAL, SERVICE"), and a
``BIND`` of a variable already in scope in its group (SPARQL 1.1 section
18.2.1; the parser says only that the query cannot be read, at its end),
a blank node label used in two groups (SPARQL 1.1 section 4.1.4; the
parser says "expected <unreported>"), and in a subquery, where the parser
loses its own sentences ("expected [_]"), a projection that names a variable
twice, assigns one its WHERE binds, or is ``SELECT *`` with GROUP BY, and a ``PREFIX`` declaring no prefix name
(``PREFIX 1: <…>``: the parser reads ``:`` in it and said the prefix ``:`` is not declared; ``PREFIX ex:ex:``:
"expected <"). Where the parser's list names only
keywords, the last alternative it tried rather than what the query needs
(``SELECT ?x, ?y``: "expected DISTINCT"), the message says it cannot read the
query there and quotes the text around that place (and that SELECT takes no commas,
where one stands between its items). A ``\\u`` / ``\\U`` escape that names no character
(:func:`_bad_escape`) is named before any of these: the parser says "expected ENCODE_FOR_URI".
"""

from __future__ import annotations

import re

__all__ = ["readable", "MAX_EXPECTED"]

MAX_EXPECTED = 12
_MESSAGE = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)\Z", re.S)
_DIGITS = ("['0'..='9']", "['0' ..= '9']")


def _items(expected: str) -> list[str]:
    """The comma-separated items of an expected list, a ``[…]`` character class (which may hold commas) as one."""
    items, depth, start = [], 0, 0
    for i, c in enumerate(expected):
        if c == "[" and not expected[i - 1 : i] == "'":
            depth += 1
        elif c == "]" and depth and not expected[i - 1 : i] == "'":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(expected[start:i].strip())
            start = i + 1
    items.append(expected[start:].strip())
    return [i for i in items if i]


def _is_sentence(item: str) -> bool:
    """One of the parser's own messages ("Duplicated variable name in SELECT"), not a token of the grammar."""
    return " " in item and not item.startswith(("[", '"', "'")) and any(c.islower() for c in item)


def _summary(items: list[str]) -> str:
    kept: list[str] = []
    for item in items:
        if item in ("[_]", "LATERAL"):  # any character: says nothing; LATERAL is not SPARQL 1.1
            continue  # any character: says nothing
        if item.startswith("["):
            item = "a digit" if item in _DIGITS else "a name character"
        if item not in kept:
            kept.append(item)
    if not kept:
        return "the query cannot be read from here on"
    shown = ", ".join(kept[:MAX_EXPECTED]) + (
        f" … and {len(kept) - MAX_EXPECTED} more" if len(kept) > MAX_EXPECTED else ""
    )
    return ("expected one of " if len(kept) > 1 else "expected ") + shown


def _position(query: str, line: int, column: int) -> tuple[int, int, bool]:
    """(line, column, at the end) of the parser's position in ``query``; past the last character (blanks aside)
    it is the last character's position, at the end of the query."""
    lines = query.split("\n")
    offset = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1
    end = len(query.rstrip())
    if end == 0 or offset < end:
        return line, column, False
    before = query[: end - 1]
    return before.count("\n") + 1, end - before.rfind("\n") - 1, True


def readable(message: str, query: str) -> str:
    """``message`` (the parser's, on one line) with its position and expected list made readable for ``query``."""
    m = _MESSAGE.match(message)
    if m is None:
        return message
    given = _within(query, int(m.group(1)), int(m.group(2)))
    line, column, at_end = _position(query, *given)
    where = f"error at {line}:{column}" + (" (the end of the query)" if at_end else "")
    items = _items(m.group(3))
    sentences = [i for i in items if _is_sentence(i)]
    stop = _offset(query, *given)
    escape = _bad_escape(query, stop)
    if escape is not None:  # the parser names no such thing ("expected ENCODE_FOR_URI"), or says "hexadecimal digits"
        return f"{_at(query, escape[0])}: {escape[1]}"
    if any(i.startswith("Prefix not found") for i in sentences):  # said past the name, naming no prefix
        named = _named_mistake(query, stop)
        if named is not None:
            return named
    if any(i.startswith(_UNGROUPED) for i in sentences):  # said at the end of the query, naming no variable
        from .sparql_aggregates import ungrouped_projection

        named = ungrouped_projection(query)
        if named is not None:
            return named
    if not sentences:
        named = _named_mistake(query, stop)
        if named is not None:
            return named
        if _only_keywords(items):
            return f"{where}: " + _unexpected(query, stop)
    return f"{where}: " + ("; ".join(sentences) if sentences else _summary(items))


_UNGROUPED = ("The SELECT contains a variable that is unbound", "The SELECT contains an expression with a variable")


def _within(query: str, line: int, column: int) -> tuple[int, int]:
    """The position (line, column) made one the parser could give for ``query``: a line past the last, or a
    column past one after its line's end, is the end of the query, a line or column before the first the first.

    The parser's own positions always are; one that a rewritten query's error gives is mapped onto the query as
    written (``query.evaluate``), and may fall outside it.
    """
    lines = query.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    line = max(line, 1)
    return line, min(max(column, 1), len(lines[line - 1]) + 1)


def _only_keywords(items: list[str]) -> bool:
    """Does the parser's list name only keywords (``ENCODE_FOR_URI``, ``DISTINCT``, ``<unreported>``)?

    Such a list is the last alternative the parser tried, not what the query
    needs there (``SELECT ?x, ?y``: "expected DISTINCT"; ``STRLEN(?x, 1)``:
    "expected ENCODE_FOR_URI"): it is not repeated.
    """
    kept = [i for i in items if i not in ("[_]", "LATERAL")]
    if kept and set(kept) <= {"SEPARATOR", "AS", "BY"}:  # GROUP_CONCAT(?x; SEP=…), (… ?x), ORDER ?x: right
        return False
    if len(kept) > MAX_EXPECTED:  # every built-in function (FILTER(é)): an expression was expected, as it says
        return False
    return bool(kept) and all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*|<unreported>", i) for i in kept)


def _unexpected(query: str, stop: int) -> str:
    """What to say where the parser's list is only keywords: that the query cannot be read there, and the text
    around that place (the parser's position is the furthest it read, which may be inside a word)."""
    start = max(0, stop - 16)
    while start > 0 and not query[start - 1].isspace() and stop - start < 32:
        start -= 1
    end = min(len(query), stop + 8)
    while end < len(query) and not query[end].isspace() and end - stop < 24:
        end += 1
    near = " ".join(query[start:end].split())
    said = (
        f'the query cannot be read from here on (near "{"…" if start else ""}{near}{"…" if end < len(query) else ""}")'
    )
    selects = list(re.finditer(r"(?i)\bSELECT\b", query[:stop]))
    clause = selects[-1].end() if selects else None  # its items: up to its "{", which the parser may have read past
    if clause is not None and _comma_between_items(query[clause:stop].partition("{")[0]):
        said += "; the variables and expressions of SELECT are separated by spaces, not commas"
    custom = _CUSTOM_AGGREGATE.search(_STRING.sub('""', query[:stop]))
    if custom is not None:
        said += (
            f"; {custom.group(1)}(DISTINCT …) calls a custom aggregate (grammar rule 71), which this engine has none "
            "of: its aggregates are COUNT, SUM, MIN, MAX, AVG, GROUP_CONCAT and SAMPLE"
        )
    return said


# a call of an IRI with DISTINCT: only an aggregate takes it (SPARQL 1.1 section 18.5.1.7, custom aggregates)
_CUSTOM_AGGREGATE = re.compile(r"(<[^<>\s]*>|(?<![\w:])[A-Za-z][\w.-]*:[\w-]*)\s*\(\s*(?i:DISTINCT)\b")


_STRING = re.compile(r"""'[^'\\\n]*(?:\\.[^'\\\n]*)*'?|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?""")


def _comma_between_items(clause: str) -> bool:
    """Does a comma stand between two of SELECT's items in ``clause`` (the text after SELECT up to the parser's
    position), not inside a ``( … )`` (a function's arguments, which commas separate) or a string?"""
    depth = 0
    for ch in _STRING.sub("", clause):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            return True
    return False


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([uU])|.)", re.S)


def _bad_escape(query: str, stop: int) -> tuple[int, str] | None:
    """(offset, what is wrong) of the first code point escape in a string or an IRI before the parser's position
    ``stop`` that names no character: ``\\u`` or ``\\U`` without its four or eight hexadecimal digits, a UTF-16
    surrogate (``\\uD83D\\uDE00``, as JSON writes one character), or a number past U+10FFFF; None if there is none.
    SPARQL 1.1 section 19.2 decodes those escapes before parsing, each into one character (comments aside, as
    Oxigraph reads them)."""
    from .sparql_lex import _TOKEN

    for m in _TOKEN.finditer(query):
        if m.start() > stop:
            return None
        if m.lastgroup not in ("string", "iri") or "\\" not in m.group():
            continue
        for e in _ESCAPE.finditer(m.group()):
            at, digits = m.start() + e.start(), e.group(1) or e.group(2)
            if e.group(3):
                n = "four" if e.group(3) == "u" else "eight"
                return at, f"\\{e.group(3)} must be followed by {n} hexadecimal digits (SPARQL 1.1 section 19.2)"
            if digits is None:
                continue
            code = int(digits, 16)
            if 0xD800 <= code <= 0xDFFF:
                return at, (
                    f"{e.group()} is half of a UTF-16 surrogate pair, not a character (SPARQL 1.1 section 19.2: an "
                    f"escape names one code point; write a character past U+FFFF as \\U and eight digits, "
                    f"e.g. \\U0001F600, or the character itself)"
                )
            if code > 0x10FFFF:
                return at, f"{e.group()} is past U+10FFFF, the last Unicode code point (SPARQL 1.1 section 19.2)"
    return None


def _offset(query: str, line: int, column: int) -> int:
    lines = query.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def _at(query: str, offset: int) -> str:
    before = query[:offset]
    return f"error at {before.count(chr(10)) + 1}:{offset - (before.rfind(chr(10)) + 1) + 1}"


_TERMS = ("var", "iri", "pname", "string")


def _named_mistake(query: str, stop: int) -> str | None:
    """A message naming the mistake before the parser's position ``stop``, if it is one of the three above."""
    from .sparql_lex import _TOKEN

    tokens = [
        (m.lastgroup, m.group(), m.start())
        for m in _TOKEN.finditer(query)
        if m.lastgroup != "comment" and not (m.lastgroup == "other" and m.group().isspace())
    ]
    declared = {
        tokens[i + 1][1][:-1]
        for i in range(len(tokens) - 2)
        if tokens[i][0] == "word" and tokens[i][1].upper() == "PREFIX" and tokens[i + 1][0] == "pname"
    }
    bad_prefix = _bad_prefix_name(query, tokens, stop)
    if bad_prefix is not None:
        what = (
            "PREFIX names no prefix before its IRI"
            if bad_prefix[1][0] == "<"
            else f"{bad_prefix[1]} is not a prefix name"
        )
        return (
            f"{_at(query, bad_prefix[0])}: {what[:80]} (SPARQL 1.1 rule 168: empty, or a letter then letters, "
            f"digits, _, - or ., followed by one colon: PREFIX ex: <…>)"
        )
    shared = _shared_blank_node(tokens, stop)
    if shared is not None:
        return (
            f"{_at(query, shared[0])}: the blank node label {shared[1]} is used in more than one basic graph "
            f"pattern (SPARQL 1.1 section 4.1.4: a label belongs to one); join them with a variable instead"
        )
    projection = _projection_mistake(tokens, stop)
    if projection is not None:
        return f"{_at(query, projection[0])}: {projection[1]}"
    for i, (kind, text, start) in enumerate(tokens):
        if start > stop:
            break
        if _is_blank_label(tokens, i):
            continue
        if kind == "pname" and text.partition(":")[0] not in declared:
            if i and tokens[i - 1][0] == "word" and tokens[i - 1][1].upper() == "PREFIX":
                continue
            p = text.partition(":")[0]
            return f"{_at(query, start)}: the prefix {p}: is not declared (add PREFIX {p}: <…> before the query)"
    missing = _missing_object(tokens, stop)
    if missing is not None:
        return f"{_at(query, missing[0])}: a triple pattern needs a subject, a predicate and an object; {missing[1]}"
    rebound = _rebound(tokens, stop)
    if rebound is not None:
        return (
            f"{_at(query, rebound[0])}: {rebound[1]} is already in scope where BIND assigns it (SPARQL 1.1 "
            f"section 18.2.1: BIND must introduce a new variable); use another name, or FILTER to compare"
        )
    return _ungrouped_before(query, stop)


def _ungrouped_before(query: str, stop: int) -> str | None:
    """A grouped SELECT's ungrouped variable (:func:`.sparql_aggregates.ungrouped_projection`), where the parser
    read its whole level before ``stop``: in a subquery the parser loses its sentence and lists the functions an
    expression may start with, as it does for a malformed expression."""
    from .sparql_aggregates import ungrouped_projection

    return ungrouped_projection(query, read_past=stop)


# PNAME_NS (rule 140, with PN_PREFIX, rule 168) as this module's tokens allow it, then the declaration's space
_PNAME_NS = re.compile(r"(?:[^\W\d_][\w.\-\u00b7\u0300-\u036f\u203f\u2040]*)?:\Z")


def _bad_prefix_name(query: str, tokens: list, stop: int) -> tuple[int, str] | None:
    """(offset, text) of a ``PREFIX`` declaration before ``stop`` whose name is no prefix name (``PREFIX 1: <…>``,
    ``PREFIX ex:ex: <…>``): the parser reads a valid one in it and says "the prefix : is not declared" or
    "expected <"."""
    for kind, text, start in tokens:
        if start > stop:
            break
        if kind != "word" or text.upper() != "PREFIX":
            continue
        m = re.compile(r"\s*(\S+?)(?=\s|<|\Z)").match(query, start + len(text))
        if m is None or m.start(1) > stop:
            continue
        name = m.group(1)
        if not _PNAME_NS.match(name) or name.endswith(".:"):
            return m.start(1), name
    return None


def _projection_mistake(tokens: list, stop: int) -> tuple[int, str] | None:
    """(offset, what) of a SELECT before ``stop`` (a subquery's too: there the parser loses its own sentence, and
    says only "expected [_]") that projects a variable twice, assigns ``(… AS ?v)`` a variable its WHERE binds, or
    is ``SELECT *`` with a GROUP BY. Only a mistake the parser read past (at or before ``stop``) is named."""
    for i, (kind, text, start) in enumerate(tokens):
        if start > stop:
            break
        if kind != "word" or text.upper() != "SELECT":
            continue
        projection = _projection(tokens, i + 1)
        if projection is None:
            continue  # not a projection this reading understands: say nothing of it
        j, star, assigned, twice = projection
        if twice is not None:
            return (twice[0], f"Duplicated variable name in SELECT: {twice[1]}") if twice[0] <= stop else None
        end, body = _group(tokens, j)
        for at, var in assigned:
            if var[1:] in body and end is not None and tokens[end][2] <= stop:
                return at, (
                    f"{var} is assigned by (… AS {var}) in SELECT but its WHERE already binds it (SPARQL 1.1 section "
                    f"18.2.1); use another name"
                )
        if star and end is not None and end + 2 < len(tokens):
            kind2, word, at = tokens[end + 1]
            if kind2 == "word" and word.upper() == "GROUP" and tokens[end + 2][1].upper() == "BY" and at <= stop:
                return start, "SELECT * is not authorized with GROUP BY"
    return None


def _projection(tokens: list, j: int):
    """(index of the token after the projection, ``*``?, [(offset, ?v) of each ``AS ?v``], (offset, ?v) of the
    first variable named twice or None) of the projection starting at ``tokens[j]``; None unless it reads as one
    (variables, ``*``, ``( … AS ?v )``, DISTINCT / REDUCED, up to WHERE, FROM or ``{``)."""
    names: set[str] = set()
    assigned: list[tuple[int, str]] = []
    star, depth, twice = False, 0, None
    while j < len(tokens):
        kind, text, at = tokens[j]
        if depth == 0 and (text == "{" or text.upper() in ("WHERE", "FROM")):
            return j, star, assigned, twice
        depth += (text == "(") - (text == ")")
        after_as = tokens[j - 1][1].upper() == "AS"
        if depth < 0 or (
            depth == 0 and not (kind == "var" or text in ("*", ")") or text.upper() in ("DISTINCT", "REDUCED"))
        ):
            return None
        star |= depth == 0 and text == "*"
        if kind == "var" and ((depth == 0 and not after_as) or (depth == 1 and after_as)):
            if text[1:] in names and twice is None:
                twice = (at, text)
            names.add(text[1:])
            if after_as:
                assigned.append((at, text))
        j += 1
    return None


def _group(tokens: list, j: int) -> tuple[int | None, set[str]]:
    """(index of the ``}`` closing the first group at or after ``tokens[j]``, or None; the variables in it)."""
    while j < len(tokens) and tokens[j][1] != "{":
        j += 1
    body: set[str] = set()
    depth = 0
    for end in range(j, len(tokens)):
        kind, text, _ = tokens[end]
        depth += (text == "{") - (text == "}")
        if kind == "var":
            body.add(text[1:])
        if depth == 0:
            return end, body
    return None, body


def _is_blank_label(tokens: list, i: int) -> bool:
    """Is ``tokens[i]`` the ``:label`` of a blank node label ``_:label`` (lexed as the word ``_`` and a name)?"""
    kind, _, start = tokens[i]
    return kind == "pname" and i > 0 and tokens[i - 1][:2] == ("word", "_") and tokens[i - 1][2] == start - 1


def _shared_blank_node(tokens: list, stop: int) -> tuple[int, str] | None:
    """(offset, label) of a blank node label before ``stop`` that an earlier group (``{ … }``) also used."""
    seen: dict[str, int] = {}  # label -> the group it was first used in
    groups, opened = [0], 0
    for i, (kind, text, start) in enumerate(tokens):
        if start > stop:
            break
        if kind == "other" and text == "{":
            opened += 1
            groups.append(opened)
        elif kind == "other" and text == "}" and len(groups) > 1:
            groups.pop()
        elif _is_blank_label(tokens, i):
            label = "_" + text
            if seen.setdefault(label, groups[-1]) != groups[-1]:
                return start - 1, label
    return None


def _is_term(token) -> bool:
    return token[0] in _TERMS or (token[0] == "word" and token[1] == "a")


def _missing_object(tokens: list, stop: int) -> tuple[int, str] | None:
    """(offset, what) of a triple pattern that ends (``}`` or ``.``) before its object, before ``stop``."""
    for k, (kind, text, start) in enumerate(tokens):
        if start > stop:
            break
        if kind != "other" or text not in "}.":
            continue
        j = k
        while j > 0 and _is_term(tokens[j - 1]):
            j -= 1
        terms = k - j
        sep = tokens[j - 1][1] if j > 0 else ""
        if sep == "{" and j >= 3 and tokens[j - 3][0] == "word" and tokens[j - 3][1].upper() == "VALUES":
            continue  # VALUES ?x { <a> <b> }
        if (terms == 2 and sep in ("{", ".", "}")) or (terms == 1 and sep == ";"):
            written = " ".join(t[1] for t in tokens[j:k])
            return start, f"{written} has no object"
    return None


def _rebound(tokens: list, stop: int) -> tuple[int, str] | None:
    """(offset, variable) of a ``BIND(… AS ?v)`` before ``stop`` whose ``?v`` an earlier part of its group binds."""
    groups: list[set] = [set()]
    parens = 0
    stack: list[bool] = []  # per open group: are its variables hidden from the enclosing group (MINUS, EXISTS)
    for i, (kind, text, start) in enumerate(tokens):
        if start > stop:
            break
        up = text.upper() if kind == "word" else ""
        if kind == "other" and text == "{":
            opener = tokens[i - 1][1].upper() if i else ""
            stack.append(opener in ("MINUS", "EXISTS"))
            groups.append(set())
        elif kind == "other" and text == "}" and len(groups) > 1:
            inner = groups.pop()
            if not stack.pop():
                groups[-1] |= inner
        elif kind == "other" and text in "()":
            parens += 1 if text == "(" else -1
        elif up == "AS" and i + 1 < len(tokens) and tokens[i + 1][0] == "var":
            var = tokens[i + 1][1]
            in_bind = _in_bind(tokens, i)
            if in_bind and var[1:] in groups[-1]:
                return tokens[i + 1][2], var
            if in_bind:
                groups[-1].add(var[1:])
        elif kind == "var" and parens == 0:
            groups[-1].add(text[1:])
    return None


def _in_bind(tokens: list, i: int) -> bool:
    """Is the ``AS`` at ``tokens[i]`` the one of a ``BIND( … )``?"""
    depth = 0
    for j in range(i - 1, -1, -1):
        kind, text, _ = tokens[j]
        if kind == "other" and text == ")":
            depth += 1
        elif kind == "other" and text == "(":
            if depth == 0:
                return j > 0 and tokens[j - 1][0] == "word" and tokens[j - 1][1].upper() == "BIND"
            depth -= 1
    return False
