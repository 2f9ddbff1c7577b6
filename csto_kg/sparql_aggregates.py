"""Aggregates where SPARQL 1.1 does not allow them, which Oxigraph 0.5.13 answers: a ``SyntaxError`` message.

SPARQL 1.1 Query, section 11 (aggregates are computed over the groups that ``GROUP BY`` forms, section 11.1; an
aggregate's argument is evaluated on each solution of one group, section 18.5.1) and 11.4 (at a query level that
uses aggregates only aggregates, constants and the variables ``GROUP BY`` names by themselves may be used; the
Working Group's answer to comment GK-1: a variable the grouping does not expose is "a required syntax error").
Refused here, each naming its rule (the engine answered each with 200):

- an aggregate in a graph pattern (``FILTER (COUNT(*) > 1)`` in the WHERE clause): aggregates are used in
  ``SELECT``, ``HAVING`` and ``ORDER BY`` (section 11), where there are groups;

- an aggregate inside another (``SUM(COUNT(*))``): an argument is evaluated per solution, where there is no group;
- an aggregate in ``GROUP BY`` (``GROUP BY (COUNT(*))``): the groups would depend on themselves;
- a variable in ``HAVING`` outside an aggregate that ``GROUP BY`` does not name (``GROUP BY ?s HAVING (?o > 1)``,
  or any variable without ``GROUP BY``, where the whole answer is one group): it has no value in a group. A
  ``SELECT`` alias (``(COUNT(*) AS ?n) … HAVING (?n > 1)``) is one of them: ``HAVING`` is evaluated before the
  select expressions (section 18.2.5), so write the aggregate itself.

The projection (``SELECT ?o … GROUP BY ?s``) the engine already refuses, at the end of the query and naming no
variable (in a sub-query, listing the functions an expression may start with): :func:`ungrouped_projection` names
the variable, at its place, for that message. Read from the tokens (strings, IRIs,
comments apart); a ``{ … }`` inside (``EXISTS``, a sub-query) is its own level and read as such.
"""

from __future__ import annotations

from .sparql_scope import _matches, _tokens, _word

__all__ = ["aggregate_message", "ungrouped_projection"]

AGGREGATES = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})
_CLAUSE_ENDS = frozenset({"HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"})


def aggregate_message(query: str) -> str | None:
    """The first aggregate misuse of ``query`` (see the module), as ``error at L:C: …``; None if there is none."""
    upper = query.upper()
    if not any(a in upper for a in AGGREGATES) and "HAVING" not in upper:
        return None
    tokens = _tokens(query)
    match = _matches(tokens)
    if match is None:
        return None  # unbalanced: the parser says where

    def where(i: int, text: str) -> str:
        at = tokens[i][2]
        line = query.count("\n", 0, at) + 1
        column = at - (query.rfind("\n", 0, at) + 1) + 1
        return f"error at {line}:{column}: {text}"

    def is_aggregate(i: int) -> bool:
        return _word(tokens, i) in AGGREGATES and i + 1 < len(tokens) and tokens[i + 1][1] == "("

    def spans_of_aggregates(start: int, end: int):
        """(i, close) of each outermost aggregate call in tokens[start:end], ``{ … }`` skipped."""
        i = start
        while i < end:
            if tokens[i][1] == "{" and tokens[i][0] == "other":
                i = match[i] + 1
                continue
            if is_aggregate(i):
                yield i, match[i + 1]
                i = match[i + 1] + 1
                continue
            i += 1

    for i, (kind, text, _, _) in enumerate(tokens):
        if kind != "word":  # each check starts at a keyword or an aggregate's name
            continue
        word = text.upper()
        aggregate = word in AGGREGATES and i + 1 < len(tokens) and tokens[i + 1][1] == "("
        if aggregate:
            close = match[i + 1]
            for j, _ in spans_of_aggregates(i + 2, close):
                return where(
                    j,
                    f"{_word(tokens, j)}(…) inside {_word(tokens, i)}(…): an aggregate cannot be nested in another "
                    "(SPARQL 1.1 section 11: an aggregate's argument is evaluated on each solution of a group, where "
                    "no group is formed); aggregate in a sub-query to combine them",
                )
            clause = _clause_of(tokens, match, i)
            if clause not in ("SELECT", "HAVING", "ORDER", "GROUP"):
                return where(
                    i,
                    f"{_word(tokens, i)}(…) in {clause}: an aggregate is computed over a group of solutions, so it "
                    "is used in SELECT, HAVING and ORDER BY, never inside a graph pattern (SPARQL 1.1 section 11); "
                    "aggregate in a sub-query and filter on its result",
                )
        if word == "GROUP" and _word(tokens, i + 1) == "BY":
            end = _clause_end(tokens, match, i + 2)
            for j, _ in spans_of_aggregates(i + 2, end):
                return where(
                    j,
                    f"{_word(tokens, j)}(…) in GROUP BY: an aggregate cannot be a grouping condition (SPARQL 1.1 "
                    "section 11.1: aggregates are computed over the groups GROUP BY forms)",
                )
        if word == "HAVING":
            keys = _group_keys(tokens, match, i)
            end = _clause_end(tokens, match, i + 1)
            inside = {k for s, e in spans_of_aggregates(i + 1, end) for k in range(s, e + 1)}
            j = i + 1
            while j < end:
                kind, text, _, _ = tokens[j]
                if kind == "other" and text == "{":
                    j = match[j] + 1
                    continue
                if kind == "var" and j not in inside and text[1:] not in keys:
                    grouped = (
                        "GROUP BY names " + ", ".join("?" + k for k in sorted(keys)) if keys else "there is no GROUP BY"
                    )
                    return where(
                        j,
                        f"HAVING uses {text}, which is not grouped ({grouped}): SPARQL 1.1 section 11.4 allows only "
                        "aggregates, constants and the variables GROUP BY names in HAVING (a SELECT alias is bound "
                        f"after HAVING); use it inside an aggregate (SAMPLE({text}), COUNT(…)) or group by it",
                    )
                j += 1
    return None


_PATTERN_PLACES = {"FILTER": "a FILTER", "BIND": "a BIND", "{": "a graph pattern", ".": "a graph pattern"}


def _clause_of(tokens: list, match: dict, i: int) -> str:
    """Where the aggregate at ``tokens[i]`` stands: SELECT, HAVING, ORDER, GROUP, or a place in a graph pattern
    (a FILTER, a BIND, a graph pattern), read back over the brackets holding it."""
    closers = {v: k for k, v in match.items()}
    j = i - 1
    while j >= 0:
        kind, text, _, _ = tokens[j]
        if kind == "other" and text in (")", "]", "}"):
            if text == "}" and _word(tokens, closers[j] - 1) != "EXISTS":
                return "a graph pattern"
            j = closers[j] - 1  # an expression's brackets, or the group of an [NOT] EXISTS within it
            continue
        word = _word(tokens, j)
        if word in ("SELECT", "HAVING", "ORDER", "GROUP", "FILTER", "BIND"):
            return _PATTERN_PLACES.get(word, word)
        if kind == "other" and text in ("{", "."):
            return "a graph pattern"
        j -= 1
    return "SELECT"


def _clause_end(tokens: list, match: dict, start: int) -> int:
    """Index just past the clause starting at ``tokens[start]``: the next clause keyword or ``}`` outside brackets."""
    j = start
    while j < len(tokens):
        kind, text, _, _ = tokens[j]
        if kind == "other" and text in ("(", "{", "["):
            j = match[j] + 1
            continue
        if (kind == "other" and text in ("}", ")", "]")) or _word(tokens, j) in _CLAUSE_ENDS:
            return j
        j += 1
    return j


def _group_keys(tokens: list, match: dict, having: int) -> set[str]:
    """The variables the ``GROUP BY`` of the level of the ``HAVING`` at ``tokens[having]`` names by themselves or
    binds (``(expr AS ?v)``), without the ``?``; empty if that level has no ``GROUP BY``."""
    closers = {v: k for k, v in match.items()}
    j = having - 1
    while j >= 0:
        kind, text, _, _ = tokens[j]
        if kind == "other" and text in (")", "]"):
            j = closers[j] - 1
            continue
        if kind == "other" and text == "}":
            return set()  # the level's pattern ended: no GROUP BY
        if _word(tokens, j) == "BY" and _word(tokens, j - 1) == "GROUP":
            break
        j -= 1
    else:
        return set()
    return _keys(tokens, match, j + 1, having)


def _keys(tokens: list, match: dict, start: int, end: int) -> set[str]:
    """The variables the grouping conditions in ``tokens[start:end]`` name by themselves (``?v``, ``(?v)``) or bind
    (``(expr AS ?v)``), without the ``?``."""
    keys: set[str] = set()
    k = start
    while k < end:
        kind, text, _, _ = tokens[k]
        if kind == "var":
            keys.add(text[1:])
        elif kind == "other" and text == "(":
            close = match[k]
            if close - 2 > k and _word(tokens, close - 2) == "AS" and tokens[close - 1][0] == "var":
                keys.add(tokens[close - 1][1][1:])
            elif close - 2 == k and tokens[k + 1][0] == "var":  # (?v): the variable itself
                keys.add(tokens[k + 1][1][1:])
            k = close + 1
            continue
        elif kind == "word" and k + 1 < end and tokens[k + 1][1] == "(":  # a call (STR(?s)): not a key
            k = match[k + 1] + 1
            continue
        k += 1
    return keys


def ungrouped_projection(query: str, read_past: int | None = None) -> str | None:
    """Where a grouped query's ``SELECT`` uses a variable outside an aggregate that its ``GROUP BY`` does not name,
    as ``error at L:C: …`` naming it; None if none is found.

    Called for a query the engine refused with "The SELECT contains (an expression with) a variable that is unbound"
    (its position the end of the query): SPARQL 1.1 section 11.4 allows a grouped query (one with ``GROUP BY``, or an
    aggregate in ``SELECT``, ``HAVING`` or ``ORDER BY``) to project only aggregates, constants, the variables ``GROUP
    BY`` names and the ``SELECT``'s own earlier aliases. Variables inside an aggregate or a ``{ … }`` (``EXISTS``) are
    not read. ``read_past``: only a SELECT whose level (its pattern and modifiers) ends before that offset counts
    (where the parser stopped past it, having read it whole)."""
    tokens = _tokens(query)
    match = _matches(tokens)
    if match is None:
        return None
    for i in range(len(tokens)):
        if _word(tokens, i) == "SELECT":
            found = _ungrouped_item(tokens, match, i)
            if found is not None and (read_past is None or found[3] <= read_past):
                at, name, keys, _ = found
                line = query.count("\n", 0, at) + 1
                column = at - (query.rfind("\n", 0, at) + 1) + 1
                grouped = (
                    "GROUP BY names " + ", ".join("?" + k for k in sorted(keys))
                    if keys
                    else "by its aggregates: one group of every solution, there being no GROUP BY"
                )
                return (
                    f"error at {line}:{column}: SELECT uses {name} outside an aggregate, and the query is grouped "
                    f"({grouped}): SPARQL 1.1 section 11.4 allows only aggregates, constants, the variables GROUP BY "
                    f"names and earlier SELECT aliases there; use SAMPLE({name}) or group by {name}"
                )
    return None


def _ungrouped_item(tokens: list, match: dict, select: int) -> tuple[int, str, set[str], int] | None:
    """(offset, variable, the grouping's keys, the offset where the level ends) of the first variable the SELECT at
    ``tokens[select]`` uses outside an aggregate that its level's grouping does not name, if that level is
    grouped."""
    start = select + 1 + (_word(tokens, select + 1) in ("DISTINCT", "REDUCED"))
    end = start
    while end < len(tokens) and tokens[end][1] != "{" and _word(tokens, end) not in ("WHERE", "FROM"):
        end = match.get(end, end) + 1 if tokens[end][1] == "(" else end + 1
    pattern = next((k for k in range(end, len(tokens)) if tokens[k][0] == "other" and tokens[k][1] == "{"), None)
    if pattern is None:
        return None
    after = match[pattern] + 1
    keys: set[str] = set()
    level_end = _level_end(tokens, match, after)
    ends = tokens[level_end][2] if level_end < len(tokens) else tokens[-1][3]
    if _word(tokens, after) == "GROUP" and _word(tokens, after + 1) == "BY":
        keys = _keys(tokens, match, after + 2, _clause_end(tokens, match, after + 2))
    elif not any(_is_aggregate(tokens, k) for k in (*range(start, end), *range(after, level_end))):
        return None  # no aggregate in its SELECT, HAVING or ORDER BY (one in its pattern is a sub-query's)
    aliases: set[str] = set()
    k = start
    while k < end:
        kind, text, at, _ = tokens[k]
        if kind == "var":
            if text[1:] not in keys | aliases:
                return at, text, keys, ends
        elif kind == "other" and text == "(":
            close = match[k]
            alias = close - 2 if _word(tokens, close - 2) == "AS" else close
            used = _read_outside_aggregates(tokens, match, k + 1, alias)
            stray = next((t for t in used if tokens[t][1][1:] not in keys | aliases), None)
            if stray is not None:
                return tokens[stray][2], tokens[stray][1], keys, ends
            if alias != close:
                aliases.add(tokens[close - 1][1][1:])
            k = close
        k += 1
    return None


def _is_aggregate(tokens: list, i: int) -> bool:
    return _word(tokens, i) in AGGREGATES and i + 1 < len(tokens) and tokens[i + 1][1] == "("


def _level_end(tokens: list, match: dict, start: int) -> int:
    """Index of the first closing bracket from ``tokens[start]`` that closes none opened after it (or the end)."""
    j = start
    while j < len(tokens) and not (tokens[j][0] == "other" and tokens[j][1] in ("}", ")", "]")):
        j = match[j] + 1 if j in match else j + 1
    return j


def _read_outside_aggregates(tokens: list, match: dict, start: int, end: int) -> list[int]:
    """Indexes of the variables in ``tokens[start:end]`` outside an aggregate's call and any ``{ … }``."""
    out, j = [], start
    while j < end:
        if _is_aggregate(tokens, j):
            j = match[j + 1] + 1
            continue
        if tokens[j][0] == "other" and tokens[j][1] == "{":
            j = match[j] + 1
            continue
        if tokens[j][0] == "var":
            out.append(j)
        j += 1
    return out
