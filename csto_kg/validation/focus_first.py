"""A SPARQL constraint run once for all focus nodes, with the focus nodes joined in first where that is exact.

The store engine runs a shape's SPARQL constraint once over the whole graph and keeps the rows whose ``?this`` is
a focus node (:mod:`.shacl_store`). Without the focus nodes in the query, its first pattern binds ``?this`` to every
node it matches, focus node or not (every event with a csto:state, where the shape targets withdrawals), and its
FILTERs (EXISTS ...) are evaluated on all those rows. :func:`focus_first` puts the focus nodes (a sub-select of
``?this``) first in the group, and so keeps exactly the rows whose ``?this`` is a focus node, when every row of the
group has ``?this`` bound by its first element:

- a triple pattern naming ``?this`` (subject or object): the group is the join of its elements (associative,
  commutative), then left joins, MINUS, BINDs and filters that act row by row on their left side, whose ``?this``
  the first pattern has bound;
- a chain ``{ A } UNION { B } ...`` each of whose operands has that property (the focus nodes go first in each:
  the union of the restricted operands is the restricted union), or a ``{ SELECT * WHERE { ... } }`` whose group
  has it (how :mod:`csto_kg.sparql_unions` writes a chain joined with other patterns).

Any other first element (``OPTIONAL``, ``VALUES``, ``BIND``, a blank node's property list, a pattern without
``?this``) leaves the query as written. 1e5: WithdrawalTwiceWithoutRejoining 0.83 -> 0.12 s, AccessionWhileMember
0.30 -> 0.04 s (a pattern on ``?this`` first); an incremental validation restricts the focus nodes to the few a
change reaches, and a constraint left whole-graph costs its whole run all the same (MarkedReadingMatchesItsFact,
a chain of five operands, took 2.0 s at 1e6 for one focus node before this module; 0.02 s since).
"""

from __future__ import annotations

from functools import lru_cache

from ..sparql_rewrite import _closing_brace, _tokens, _word, apply_edits

__all__ = ["focus_first"]


def focus_first(text: str, focus: str) -> str:
    """``text`` with ``focus`` (a group pattern binding ``?this``) first where that is exact (module docstring)."""
    at = _focus_places(text)
    return apply_edits(text, [(i, i, " " + focus + " ") for i in at]) if at else text


@lru_cache(maxsize=1024)
def _focus_places(text: str) -> tuple[int, ...]:
    """Where in ``text`` the focus nodes go (empty: nowhere), read once per text: a shape's constraint is rewritten
    for each validation, and each validation of a process (the tests' shape fixtures, ~300 of them) lexed each of
    its ~80 texts again."""
    tokens = _tokens(text)
    for i, t in enumerate(tokens[:-1]):
        if _word(t, "WHERE") and tokens[i + 1][1] == "{":
            edits: list = []
            return tuple(edits) if _first_binds_this(tokens, i + 1, edits) else ()
    return ()


def _first_binds_this(tokens: list, opening: int, edits: list) -> bool:
    """Whether every row of the group opened at ``tokens[opening]`` has ``?this`` bound by its first element; if so,
    ``edits`` gets where the focus nodes go (after the ``{`` of each group whose first element is that pattern)."""
    close = _closing_brace(tokens, opening)
    if close is None or opening + 1 >= close:
        return False
    first = tokens[opening + 1]
    if first[1] == "{":
        if opening + 2 < close and _word(tokens[opening + 2], "SELECT"):
            return _selects_all(tokens, opening + 2, _closing_brace(tokens, opening + 1), edits)
        mine: list = []
        at = opening + 1
        while True:  # a group, or a chain of union operands: each must bind ?this first
            end = _closing_brace(tokens, at)
            if end is None or not _first_binds_this(tokens, at, mine):
                return False
            if end + 2 < close and _word(tokens[end + 1], "UNION") and tokens[end + 2][1] == "{":
                at = end + 2
                continue
            break
        edits.extend(mine)
        return True
    if _names_this(tokens, opening + 1, close):
        edits.append(tokens[opening][3])
        return True
    return False


def _selects_all(tokens: list, select: int, close: int | None, edits: list) -> bool:
    """``{ SELECT * WHERE { ... } }`` (no modifier), its ``SELECT`` at ``tokens[select]`` and its last ``}`` at
    ``tokens[close]``, whose group binds ?this first."""
    if close is None or select + 3 >= close:
        return False
    if not (tokens[select + 1][1] == "*" and _word(tokens[select + 2], "WHERE") and tokens[select + 3][1] == "{"):
        return False
    if _closing_brace(tokens, select + 3) != close - 1:
        return False  # a modifier (ORDER BY, LIMIT ...) after the group
    return _first_binds_this(tokens, select + 3, edits)


def _names_this(tokens: list, start: int, close: int) -> bool:
    """Whether the triple pattern starting at ``tokens[start]`` (up to its ``.``, ``;``, ``,`` or the group's end)
    is one, with a term or path but no blank node or nested group, naming ``?this``."""
    if tokens[start][0] not in ("var", "iri", "pname"):
        return False  # a keyword (OPTIONAL, FILTER, BIND, VALUES ...), a blank node's [ ... ], a literal
    found = False
    for t in tokens[start:close]:
        if t[0] == "other" and t[1] in (".", ";", ","):
            break
        if t[1] in ("{", "[", "}"):
            return False
        if t[0] == "word" and not (t[1] == "a"):
            return False
        found = found or (t[0] == "var" and t[1][1:] == "this")
    return found
