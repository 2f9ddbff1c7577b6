"""SPARQL 1.1 section 18.2.1's rule for ``SELECT … (expr AS ?v)``, which Oxigraph 0.5.13 enforces only in part.

"In SELECT, the variable v must not be in-scope in the graph pattern of the
SELECT clause, nor used in another select expression earlier in the clause."
The engine refuses ``SELECT (1 AS ?s) { ?s ?p ?o }`` ("The SELECT overrides
an existing variable using an expression") but runs an aggregate query that
breaks the rule: ``SELECT (SUM(?o) AS ?o) { ?s ?p ?o }``, or ``SELECT
(COUNT(*) AS ?s) { ?s ?p ?o } GROUP BY ?p``, answering a ``?o`` that is not
the pattern's. :func:`reassigned_in_select` finds such a projection in the
query as written (every SELECT, subqueries included) so it is refused as the
grammar's scoping rule asks.

The in-scope variables of a group are read from its tokens by the table of
section 18.2.1, and only where the reading is sure, so that no valid query is
refused: a variable counts if it occurs in the group outside a ``FILTER``
(its constraint, ``EXISTS`` included), a ``MINUS``, an ``EXISTS`` and the
expression of a ``BIND`` (whose target counts); a subquery contributes its
projection (``SELECT *``: its own in-scope variables); a ``GROUP BY (expr AS
?v)`` after the group makes ``?v`` in scope. A projection this reading does
not understand, or a query nested too deep for it, is let be (the engine
decides, as before). Checked against every query of the W3C SPARQL 1.0 and
1.1 suites (``tests/test_w3c_syntax.py``).
"""

from __future__ import annotations

import re

from .sparql_lex import lexed, word_found

__all__ = ["reassigned_in_select", "scope_message"]

_AS = re.compile(r"as\b")  # in lower case, where a word starts (word_found)
_OPEN = {"{": "}", "(": ")", "[": "]"}
_AFTER_GROUP_BY = frozenset({"HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"})


def _tokens(query: str) -> tuple[tuple[str, str, int, int], ...]:
    """(kind, text, start, end) of each token of ``query`` but comments and whitespace (shared: not to be changed)."""
    return lexed(query)


def _matches(tokens: list) -> dict[int, int] | None:
    """Index of the closing bracket of each opening one; None if the brackets do not balance."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for i, (kind, text, _, _) in enumerate(tokens):
        if kind != "other":
            continue
        if text in _OPEN:
            stack.append(i)
        elif text in ("}", ")", "]"):
            if not stack or _OPEN[tokens[stack[-1]][1]] != text:
                return None
            out[stack.pop()] = i
    return out if not stack else None


def _word(tokens: list, i: int) -> str:
    return tokens[i][1].upper() if i < len(tokens) and tokens[i][0] == "word" else ""


class _Reader:
    """The in-scope variables of the groups of one query, each group read once."""

    def __init__(self, tokens: list, match: dict[int, int]):
        self.tokens, self.match = tokens, match
        self.memo: dict[int, set[str]] = {}

    def projection(self, j: int) -> tuple[int, bool, list[tuple[int, str]], set[str]] | None:
        """(index of the token after it, ``*``?, [(offset, ?v) of each ``AS ?v``], names projected) of the
        projection at ``tokens[j]``; None unless it reads as one (variables, ``*``, ``( … AS ?v )``,
        DISTINCT / REDUCED, up to WHERE, FROM or ``{``)."""
        tokens = self.tokens
        assigned: list[tuple[int, str]] = []
        names: set[str] = set()
        star = False
        while j < len(tokens):
            kind, text, at, _ = tokens[j]
            if text == "{" or _word(tokens, j) in ("WHERE", "FROM"):
                return j, star, assigned, names
            if kind == "var":
                names.add(text[1:])
                j += 1
            elif text == "*":
                star, j = True, j + 1
            elif _word(tokens, j) in ("DISTINCT", "REDUCED"):
                j += 1
            elif text == "(" and j in self.match:
                close = self.match[j]
                if not (_word(tokens, close - 2) == "AS" and tokens[close - 1][0] == "var"):
                    return None
                var = tokens[close - 1]
                assigned.append((var[2], var[1]))
                names.add(var[1][1:])
                j = close + 1
            else:
                return None
        return None

    def group(self, start: int) -> set[str]:
        """The in-scope variables of the group opened at ``tokens[start]`` (a ``{``)."""
        if start not in self.memo:
            self.memo[start] = self._read(start + 1, self.match[start])
        return self.memo[start]

    def _read(self, i: int, end: int) -> set[str]:  # noqa: C901 - one branch per row of section 18.2.1's table
        tokens, match = self.tokens, self.match
        scope: set[str] = set()
        while i < end:
            kind, text, _, _ = tokens[i]
            word = _word(tokens, i)
            if word == "FILTER":  # FILTER ( … ), FILTER fn( … ), FILTER [NOT] EXISTS { … }: none of it counts
                j = i + 1 + (_word(tokens, i + 1) == "NOT")
                if j < end and tokens[j][1] != "(" and tokens[j][1] != "{":
                    j += 1  # a function's name, or EXISTS
                i = match.get(j, j) + 1
            elif word in ("MINUS", "EXISTS") and tokens[i + 1][1] == "{":
                i = match[i + 1] + 1
            elif word == "BIND" and tokens[i + 1][1] == "(":
                close = match[i + 1]
                if _word(tokens, close - 2) == "AS" and tokens[close - 1][0] == "var":
                    scope.add(tokens[close - 1][1][1:])
                i = close + 1
            elif text == "{" and _word(tokens, i + 1) == "SELECT":
                scope |= self.subquery(i + 2)
                i = match[i] + 1
            elif word == "SELECT":  # a group that is a subquery whole ({ SELECT ?y WHERE { … } LIMIT 1 }, rule 53)
                scope |= self.subquery(i + 1)
                i = end
            else:
                if kind == "var":
                    scope.add(text[1:])
                i += 1
        return scope

    def subquery(self, j: int) -> set[str]:
        """What a subquery whose projection starts at ``tokens[j]`` makes in scope outside it."""
        read = self.projection(j)
        if read is None:
            return set()
        k, star, _, names = read
        if not star:
            return names
        while k < len(self.tokens) and self.tokens[k][1] != "{":
            k += 1
        return self.group(k) if k in self.match else set()

    def grouped_as(self, i: int) -> set[str]:
        """The variables ``GROUP BY (expr AS ?v)`` makes in scope, the GROUP BY starting at ``tokens[i]``."""
        tokens, out = self.tokens, set()
        if _word(tokens, i) != "GROUP" or _word(tokens, i + 1) != "BY":
            return out
        i += 2
        while i < len(tokens) and tokens[i][1] != "}" and _word(tokens, i) not in _AFTER_GROUP_BY:
            if tokens[i][1] == "(" and i in self.match:
                close = self.match[i]
                if _word(tokens, close - 2) == "AS" and tokens[close - 1][0] == "var":
                    out.add(tokens[close - 1][1][1:])
                i = close + 1
            else:
                i += 1
        return out


def reassigned_in_select(query: str) -> tuple[int, str, str] | None:
    """(offset, ``?v``, ``"WHERE"`` or ``"GROUP BY"``) of the first ``(expr AS ?v)`` of a SELECT clause whose ``?v`` is in scope in that SELECT's
    graph pattern (or assigned by its ``GROUP BY``), SPARQL 1.1 section 18.2.1; None if there is none, or if the
    query does not read clearly enough to say."""
    if not word_found(_AS, query.lower()):
        return None
    tokens = _tokens(query)
    match = _matches(tokens)
    if match is None:
        return None
    reader = _Reader(tokens, match)
    try:
        for i in range(len(tokens)):
            if _word(tokens, i) != "SELECT":
                continue
            read = reader.projection(i + 1)
            if read is None or not read[2]:
                continue
            k = read[0]
            while k < len(tokens) and tokens[k][1] != "{":
                k += 1
            if k not in match:
                continue
            scope, grouped = reader.group(k), reader.grouped_as(match[k] + 1)
            for at, var in read[2]:
                if var[1:] in scope:
                    return at, var, "WHERE"
                if var[1:] in grouped:
                    return at, var, "GROUP BY"
    except RecursionError:  # nested past what this reading follows: the engine decides
        return None
    return None


def scope_message(query: str) -> str | None:
    """The syntax-error message for :func:`reassigned_in_select`'s finding, or None."""
    found = reassigned_in_select(query)
    if found is None:
        return None
    at, var, where = found
    before = query[:at]
    line, column = before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1
    return (
        f"error at {line}:{column}: {var} is assigned by (… AS {var}) in SELECT but its {where} already binds it "
        f"(SPARQL 1.1 section 18.2.1: a select expression's variable must be new, in an aggregate query too); "
        f"use another name"
    )
