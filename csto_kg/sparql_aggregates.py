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

The projection (``SELECT ?o … GROUP BY ?s``) the engine already refuses. Read from the tokens (strings, IRIs,
comments apart); a ``{ … }`` inside (``EXISTS``, a sub-query) is its own level and read as such.
"""

from __future__ import annotations

from .sparql_scope import _matches, _tokens, _word

__all__ = ["aggregate_message"]

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
            if text == "}":
                return "a graph pattern"
            j = closers[j] - 1
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
    keys: set[str] = set()
    k = j + 1
    while k < having:
        kind, text, _, _ = tokens[k]
        if kind == "var":
            keys.add(text[1:])
        elif kind == "other" and text == "(":
            close = match[k]
            if close - 2 > k and _word(tokens, close - 2) == "AS" and tokens[close - 1][0] == "var":
                keys.add(tokens[close - 1][1][1:])
            k = close + 1
            continue
        elif kind == "word" and k + 1 < having and tokens[k + 1][1] == "(":  # a call (STR(?s)): not a key
            k = match[k + 1] + 1
            continue
        k += 1
    return keys
