"""A ``UNION`` joined with other patterns of its group, given to Oxigraph as a sub-query.

Oxigraph 0.5.13 joins ``{ A } UNION { B }`` with the rest of its group in time that grows as the product of the
two sides: on a generated project (``bench.generate``, seed 0), ``{ ?this csto:attendee ?value } UNION { ?document
csto:producedAt ?this ; csto:issuedBy ?value } ?holding csto:holder ?value`` took 0.37 s at 1e5 triples and 6.05 s
at 3e5 (×16 for ×3 the data), the same join with the union written ``{ SELECT * WHERE { { A } UNION { B } } }``
0.05 s at 3e5. The shape AttendeeOfAParticipatingState, whose constraint has that form, was most of SHACL's growth
(0.39 -> 6.62 s CPU from 1e5 to 3e5).

:func:`unions_selected` writes each such union (a chain ``{ … } UNION { … } …`` that is an element of a group
holding some other pattern) as ``{ SELECT * WHERE { chain } }``. This is exact: ``SELECT *`` with no modifier
projects every variable in scope in the chain, so the sub-query has the chain's solutions, and it joins with the
rest of the group as the chain did (SPARQL 1.1 section 18.2.1: a group is the join of its elements, filters
applied to the whole group; a blank-node label cannot be shared across the chain's basic graph patterns and
others, section 4.1.4, so none loses a co-reference). Only groups whose every enclosing group is a plain group, a
union's operand or the ``WHERE`` clause are rewritten: not inside ``OPTIONAL``, ``MINUS``, ``[NOT] EXISTS``,
``GRAPH`` or ``SERVICE``, where the engine passes the outer solution in (a sub-query would keep its own scope), nor
a query this reader does not balance. A query it does not apply to is returned unchanged (the same object).
"""

from __future__ import annotations

from .sparql_rewrite import _closing as _closing_bracket
from .sparql_rewrite import _closing_brace, _tokens, _word, apply_edits

__all__ = ["unions_selected"]

# After one of these words (or the name after GRAPH / SERVICE), a group is evaluated with the outer solution in
# reach, or is not a pattern: nothing in it is rewritten.
_CLOSED_AFTER = ("OPTIONAL", "MINUS", "EXISTS", "GRAPH", "SERVICE", "VALUES", "CONSTRUCT", "SILENT")


def _opens_plain_group(tokens: list, i: int) -> bool:
    """Whether the ``{`` at ``tokens[i]`` opens a group evaluated on its own: the ``WHERE`` clause (or the first group
    of a query without ``WHERE``), a group inside a group, or a union's operand."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev[0] == "other" and prev[1] in ("{", "}", "."):
        return True
    if _word(prev, "UNION", "WHERE"):
        return True
    if prev[0] in ("var", "iri", "pname") and i >= 2 and _word(tokens[i - 2], *_CLOSED_AFTER):
        return False  # GRAPH ?g { / SERVICE <s> {
    if _word(prev, *_CLOSED_AFTER):
        return False
    # SELECT ?a ?b { … } / SELECT * { … } / ASK { … } / DESCRIBE ?x { … }: a query's pattern without WHERE
    return prev[0] == "var" or prev[1] == "*" or _word(prev, "ASK") or prev[1] == ")"


def unions_selected(query: str) -> str:
    """``query`` with each union joined with other patterns of its group written as a sub-query (module docstring)."""
    if "union" not in query.lower():
        return query
    tokens = _tokens(query)
    edits: list[tuple[int, int, str]] = []
    depth = 0
    try:
        for i, t in enumerate(tokens):  # the query's pattern: its first group at depth 0 a pattern opens
            if t[0] == "other" and t[1] == "{":
                if depth == 0 and _opens_plain_group(tokens, i):
                    _group(tokens, i, _brace_closed_before(tokens, i, len(tokens)), edits)
                    break
                depth += 1
            elif t[0] == "other" and t[1] == "}":
                depth -= 1
    except ValueError:  # braces that do not balance: the parser says what is wrong
        return query
    return apply_edits(query, edits)


def _brace_closed_before(tokens: list, i: int, end: int) -> int:
    """The ``}`` matching the ``{`` at ``tokens[i]``, before ``end``; ValueError if there is none."""
    close = _closing_brace(tokens, i)
    if close is None or close >= end:
        raise ValueError("unbalanced")
    return close


def _chain(tokens: list, i: int, end: int) -> list[tuple[int, int]]:
    """The groups (``{`` and ``}`` indexes) of the chain ``{ … } UNION { … } …`` starting at ``tokens[i]``."""
    operands = [(i, _brace_closed_before(tokens, i, end))]
    close = operands[0][1]
    while close + 2 < end and _word(tokens[close + 1], "UNION") and tokens[close + 2][1] == "{":
        operands.append((close + 2, _brace_closed_before(tokens, close + 2, end)))
        close = operands[-1][1]
    return operands


def _group(tokens: list, start: int, end: int, edits: list) -> None:
    """Edits for the group whose braces are ``tokens[start]`` and ``tokens[end]``: its chains, then its groups'."""
    chains, others, i = [], False, start + 1
    while i < end:
        t = tokens[i]
        if t[0] == "other" and t[1] == "{":
            if not _opens_plain_group(tokens, i):  # OPTIONAL { … }, GRAPH ?g { … }, VALUES ?v { … }: left as written
                others = True
                i = _brace_closed_before(tokens, i, end) + 1
                continue
            operands = _chain(tokens, i, end)
            for a, b in operands:
                _group(tokens, a, b, edits)
            if len(operands) > 1:
                chains.append((operands[0][0], operands[-1][1]))
            else:
                others = True
            i = operands[-1][1] + 1
        elif _word(t, "FILTER"):  # a filter constrains the whole group: not a pattern joined
            i = _after_constraint(tokens, i + 1, end)
        else:
            others = others or not (t[0] == "other" and t[1] == ".")
            i += 1
    if chains and (others or len(chains) > 1):
        for a, b in chains:
            edits.append((tokens[a][2], tokens[a][2], "{ SELECT * WHERE { "))
            edits.append((tokens[b][3], tokens[b][3], " } }"))


def _after_constraint(tokens: list, i: int, end: int) -> int:
    """The index after a ``FILTER``'s constraint starting at ``tokens[i]``: ``( … )``, a call ``f( … )``, or
    ``[NOT] EXISTS { … }``."""
    while i < end and _word(tokens[i], "NOT", "EXISTS"):
        i += 1
    if i < end and tokens[i][1] == "{":
        return _brace_closed_before(tokens, i, end) + 1
    while i < end and tokens[i][1] != "(":
        i += 1
    close = _closing_bracket(tokens, i)
    if close is None or close >= end:
        raise ValueError("unbalanced")
    return close + 1
