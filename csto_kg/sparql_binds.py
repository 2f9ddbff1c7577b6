"""A ``BIND`` of a constant given to Oxigraph as ``VALUES``; another, between two blocks of triple patterns, after the
second block.

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

__all__ = ["binds_after_blocks", "constant_binds_as_values"]

MAX_MOVES = 32  # BINDs moved in one query at most (each move reads the query's tokens again)
_UNSTABLE = ("BNODE", "RAND", "UUID", "STRUUID", "EXISTS")  # a new value per evaluation, or a pattern read
_TERM_WORDS = frozenset({"a", "true", "false"})  # the bare words a triples block may hold
_SIGNS = frozenset({".", ";", ",", "/", "|", "^", "*", "+", "?", "!", "[", "]", "(", ")"})  # "^^" is read as two "^"
_BIND = re.compile(r"bind")  # in lower case, where a word starts (word_found)


def constant_binds_as_values(query: str) -> str:
    """``query`` with each ``BIND (c AS ?v)`` of a constant ``c`` (an IRI, a prefixed name, a literal, a number,
    ``true`` / ``false``) written ``VALUES ?v { c }`` in its place: the same solutions, since ``?v`` is in scope
    nowhere before a ``BIND`` of it (section 18.2.1), so that ``Extend(A, ?v, c)`` is ``Join(A, {?v: c})``, which
    is what an inline ``VALUES`` is at that place (18.2.2.6), but within ``GRAPH`` and ``[NOT] EXISTS``
    (:func:`_keeps_binds`). The engine puts a joined row's values into the
    patterns before a ``VALUES``, not before a ``BIND``: cq27's union, whose second branch ends in ``BIND
    (csto:reportedForceSize AS ?role)``, joined with the quantity's four patterns, took 7.4 s on the generated 1e6,
    and 0.065 s so written. The same object where there is none."""
    lowered = query.lower()
    if "bind" not in lowered or not word_found(_BIND, lowered):
        return query
    tokens = _tokens(query)
    edits = []
    groups: list[int] = []  # the index of each open "{"
    kept: list[bool] = []  # for each, whether a BIND in it stays one (within GRAPH or [NOT] EXISTS)
    for b, token in enumerate(tokens):
        if token[:2] == ("other", "{"):
            groups.append(b)
            kept.append(bool(kept and kept[-1]) or _keeps_binds(tokens, b))
        elif token[:2] == ("other", "}") and groups:
            groups.pop()
            kept.pop()
        if not _word(token, "BIND") or b + 1 >= len(tokens) or tokens[b + 1][:2] != ("other", "("):
            continue
        if kept and kept[-1]:
            continue
        close = _closing(tokens, b + 1)
        if close is None or close < b + 5 or not _word(tokens[close - 2], "AS") or tokens[close - 1][0] != "var":
            continue
        # a variable its group names before the BIND may be in scope there: that BIND is not valid SPARQL, and the
        # engine's parser, which refuses it, must see it as written (a VALUES of it would be valid)
        name = tokens[close - 1][1][1:]
        if not groups or any(t[0] == "var" and t[1][1:] == name for t in tokens[groups[-1] : b]):
            continue
        constant = tokens[b + 2 : close - 2]
        if _constant(constant):
            text = query[constant[0][2] : constant[-1][3]]
            edits.append((token[2], tokens[close][3], f"VALUES {tokens[close - 1][1]} {{ {text} }}"))
    return apply_edits(query, edits) if edits else query


def _keeps_binds(tokens, brace: int) -> bool:
    """Whether the group opening at ``tokens[brace]`` is one where a constant's ``BIND`` must stay one: the group
    of ``GRAPH ?var``, where Oxigraph 0.5.13 joins a ``VALUES`` row with no graph (``GRAPH ?g { VALUES ?x { 1 } }``
    gives one row with ``?g`` unbound, ``BIND (1 AS ?x)`` one per named graph), that of ``GRAPH <iri>``, where it
    joins one though the IRI names no graph of the dataset (``GRAPH <urn:x:none> { VALUES ?x { 1 } }`` gives a row,
    the ``BIND`` none: section 18.6), and that of ``[NOT] EXISTS``, where
    the row's values are put into the pattern, a variable of the row included (section 18.6: ``?s a csto:State
    FILTER NOT EXISTS { BIND (:armenia AS ?s) }`` keeps no row, a ``VALUES ?s`` there every row but Armenia's)."""
    before = tokens[brace - 1] if brace >= 1 else None
    if before is not None and _word(before, "EXISTS"):
        return True
    return brace >= 2 and before[0] in ("var", "iri", "pname") and _word(tokens[brace - 2], "GRAPH")


def _constant(tokens) -> bool:
    """Whether ``tokens`` are one RDF term written as a constant: an IRI, a prefixed name, an integer (with its
    sign), ``true`` / ``false``, or a string with its language tag or datatype (the shared lexer reads ``^^`` as two
    signs, and a decimal as digits around a ``.``: a decimal or a double is left as a ``BIND``)."""
    kinds = [t[0] for t in tokens]
    texts = [t[1] for t in tokens]
    if kinds in (["iri"], ["pname"], ["string"], ["string", "langtag"]):
        return True
    if kinds == ["word"]:
        return texts[0].lower() in ("true", "false")
    if kinds[:1] == ["string"] and texts[1:3] == ["^", "^"] and kinds[3:] in (["iri"], ["pname"]):
        return True
    signed = len(tokens) == 2 and texts[0] in ("+", "-") and tokens[0][3] == tokens[1][2]  # "-1"; "- 1" is an operator
    number = texts[1:] if signed else texts
    return len(number) == 1 and kinds[-1] == "number" and number[0].isdigit()  # an integer


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
