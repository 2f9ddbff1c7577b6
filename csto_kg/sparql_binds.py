"""A ``BIND`` between two blocks of triple patterns, given to Oxigraph after the second block.

``{ P1 . BIND (e AS ?v) P2 }`` is ``Join(Extend(P1, ?v, e), P2)`` (SPARQL 1.1 section 18.2.2.6). Oxigraph 0.5.13 joins
the extended rows with ``P2`` without putting their values into it: on the generated 1e6, cq35's second branch
(``?holding a csto:OfficeHolding ; csto:holder ?person ; csto:office ?what . BIND (csto:office AS ?kind) ?person a
csto:Person``, 3,087 rows) took 18.0 s, and 0.07 s with the ``BIND`` after ``?person a csto:Person``; a ``BIND (?what
AS ?w2)`` there 19.5 s (bench/README.md).

:func:`binds_after_blocks` moves such a ``BIND`` to the end of the block that follows it, where the answer is the
same: ``Extend(P1, ?v, e) ⋈ P2`` is ``Extend(P1 ⋈ P2, ?v, e)`` when ``?v`` is not a variable of ``P2`` (a row of
``P2`` is then compatible with the extended row exactly where it is with the row) and ``e`` gives the same value on
the joined row as on the row of ``P1``: ``e`` names no variable, or only variables of the block right before the
``BIND`` (a basic graph pattern binds all of its variables, and ``P2`` agrees with them), and calls nothing that
gives a new value each time it is evaluated (``BNODE``, ``RAND``, ``UUID``, ``STRUUID``) or reads a pattern
(``EXISTS``). The two blocks become one basic graph pattern, which is their join; a query with a blank node label is
left as written (a label is one node within one basic graph pattern only, section 4.1.4).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .sparql_lex import word_found
from .sparql_rewrite import _closing, _constraint_ends, _tokens, _word, apply_edits

__all__ = ["binds_after_blocks"]

MAX_MOVES = 32  # BINDs moved in one query at most (each move reads the query's tokens again)
_UNSTABLE = ("BNODE", "RAND", "UUID", "STRUUID", "EXISTS")  # a new value per evaluation, or a pattern read
_TERM_WORDS = frozenset({"a", "true", "false"})  # the bare words a triples block may hold
_SIGNS = frozenset({".", ";", ",", "/", "|", "^", "*", "+", "?", "!", "[", "]", "(", ")", "^^"})
_BIND = re.compile(r"bind")  # in lower case, where a word starts (word_found)


def binds_after_blocks(query: str) -> str:
    """``query`` with each ``BIND`` between two triples blocks moved after the second where that gives the same
    solutions (the module doc); the same object if none is."""
    lowered = query.lower()
    if "bind" not in lowered or not word_found(_BIND, lowered):
        return query
    moved = _moved(query)
    return query if moved is None else moved


@lru_cache(maxsize=64)
def _moved(query: str) -> str | None:
    text, changed = query, False
    for _ in range(MAX_MOVES):
        tokens = _tokens(text)
        if any(t[0] == "word" and t[1] == "_" for t in tokens):  # a blank node label: _ then :label
            return None
        edits = None
        for b, token in enumerate(tokens):
            if _word(token, "BIND") and (edits := _move(text, tokens, b)) is not None:
                break
        if edits is None:
            break
        text, changed = apply_edits(text, edits), True
    return text if changed else None


def _move(query: str, tokens, b: int) -> list | None:
    """The edits that move the ``BIND`` at ``tokens[b]`` after the triples block that follows it, or None."""
    if b + 1 >= len(tokens) or tokens[b + 1][:2] != ("other", "("):
        return None
    close = _closing(tokens, b + 1)
    if close is None or close < b + 5 or not _word(tokens[close - 2], "AS") or tokens[close - 1][0] != "var":
        return None
    variable = tokens[close - 1][1][1:]
    expression = tokens[b + 2 : close - 2]
    if any(_word(t, *_UNSTABLE) for t in expression):
        return None
    start = close + 1 + (close + 1 < len(tokens) and tokens[close + 1][:2] == ("other", "."))
    after = _block(tokens, start)
    if after is None or not any(t[0] == "var" for t in tokens[start:after]):
        return None
    if any(t[0] == "var" and t[1][1:] == variable for t in tokens[start:after]):
        return None  # P2 names the BIND's variable: not the same join
    before = _block_before(tokens, b)
    named = {t[1][1:] for t in expression if t[0] == "var"}
    if named and not named <= {t[1][1:] for t in tokens[before:b] if t[0] == "var"}:
        return None
    # where the BIND stood, the block before it (if any, and not ended by its own ".") and the block after it meet
    joint = " . " if before < b and tokens[b - 1][:2] != ("other", ".") else " "
    bind = query[tokens[b][2] : tokens[close][3]]
    removed = (tokens[b][2], tokens[start - 1][3] if start > close + 1 else tokens[close][3], joint)
    return [removed, (tokens[after - 1][3], tokens[after - 1][3], f" {bind}")]


def _block(tokens, start: int) -> int | None:
    """The index after the triples block that starts at ``tokens[start]`` (brackets of collections, blank nodes and
    paths balanced; it ends at a keyword, a brace or the end of the group), or None where none starts there."""
    depth, j = 0, start
    while j < len(tokens):
        kind, text = tokens[j][:2]
        if kind == "other" and text in "([":
            depth += 1
        elif kind == "other" and text in ")]":
            if depth == 0:
                return None
            depth -= 1
        elif depth == 0 and ((kind == "word" and text not in _TERM_WORDS) or (kind == "other" and text in "{}")):
            break
        elif kind == "other" and text not in _SIGNS and not text.replace(".", "").lstrip("+-").isdigit():
            return None
        j += 1
    return j if start < j < len(tokens) and depth == 0 else None  # a group's block ends before its "}"


def _block_before(tokens, b: int) -> int:
    """The index where the triples block that ends right before ``tokens[b]`` starts (``b`` where there is none: a
    ``BIND`` after a brace, a keyword's group or a constraint)."""
    ends = _constraint_ends(tokens)
    k, depth = b - 1, 0
    while k >= 0:
        kind, text = tokens[k][:2]
        if kind == "other" and text in ")]":
            if k in ends:
                break
            depth += 1
        elif kind == "other" and text in "([":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ((kind == "word" and text not in _TERM_WORDS) or (kind == "other" and text in "{}")):
            break
        k -= 1
    return k + 1
