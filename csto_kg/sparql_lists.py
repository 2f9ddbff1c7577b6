"""How many blank nodes a query's RDF collections and blank-node property lists make, read from its tokens.

Oxigraph 0.5.13 plans a basic graph pattern in time that grows about as the cube of its triple patterns, and a
collection makes two triple patterns of each item (``rdf:first``, ``rdf:rest``) out of two characters of query
text: a flat ``( 1 1 … )`` of 160 items took 3.9 s to plan on an empty store, 320 items over 20 s; ``[ :f 1 ;
:r [ … ] ]`` nested as deep the same; nested collections more. Writing the triples out (blank-node labels or
variables) or splitting them into groups does not help (the planner joins them again); a sub-query per chunk would,
but changes what ``SELECT *`` sees. So the endpoint caps the count (:func:`list_nodes`) and refuses a query over
it at once (413, before any query worker is involved), rather than burning a worker until the time limit.

Counted, outside a ``CONSTRUCT`` template (written out, never planned) and ``VALUES`` blocks (rows look like
collections): each ``[`` that opens a property list (not ``[]``); each item of a bracketed group of two or more
terms with nothing between them (an RDF collection: an expression, a call's arguments or a path have operators or
commas); and a group of one term inside a bracket (``( ( 1 ) )``: a nested collection). A term is a run of tokens
with no space between them (``"x"@en``, ``1.5e3``, ``"1"^^xsd:int``) or a bracketed group.
"""

from __future__ import annotations

import re

from .sparql_lex import _TOKEN

__all__ = ["list_nodes"]

_NUMBERISH = re.compile(r"[0-9.+\-^]")
_EXPONENT = re.compile(r"[eE][0-9]*")
_TERM_KINDS = frozenset({"var", "iri", "pname", "string", "langtag"})


def list_nodes(query: str, stop_at: int | None = None) -> int:
    """The blank nodes ``query``'s collections and blank-node property lists make (see the module), counted up to
    ``stop_at`` (then returned at once)."""
    if "(" not in query and "[" not in query:
        return 0
    tokens = [
        (m.lastgroup, m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(query)
        if m.lastgroup != "comment" and not (m.lastgroup == "other" and m.group().isspace())
    ]
    match: dict[int, int] = {}
    stack: list[int] = []
    for i, (kind, text, _, _) in enumerate(tokens):
        if kind == "other" and text in "([{":
            stack.append(i)
        elif kind == "other" and text in ")]}":
            if not stack:
                return 0  # unbalanced: the parser says where
            match[stack.pop()] = i
    if stack:
        return 0
    count = 0
    i = 0
    while i < len(tokens):
        kind, text, _, _ = tokens[i]
        word = text.upper() if kind == "word" else ""
        if word in ("CONSTRUCT", "VALUES"):
            j = i + 1
            while j < len(tokens) and tokens[j][1] != "{" and not (word == "CONSTRUCT" and tokens[j][0] == "word"):
                j += 1  # VALUES ?x / VALUES (?x ?y), then its block; CONSTRUCT WHERE: the pattern is counted
            if j < len(tokens) and tokens[j][1] == "{":
                i = match[j] + 1
                continue
        elif kind == "other" and text == "[" and match[i] != i + 1:
            count += 1
        elif kind == "other" and text == "(":
            units = _units(tokens, match, i)
            if units is not None and (units >= 2 or units == 1 and i and tokens[i - 1][1] == "("):
                count += units
        if stop_at is not None and count > stop_at:
            return count
        i += 1
    return count


def _units(tokens: list, match: dict, i: int) -> int | None:
    """The terms of the group opened at ``tokens[i]`` if it holds only terms, else None."""
    units, j, end, last_end = 0, i + 1, match[i], None
    while j < end:
        kind, text, start, stop = tokens[j]
        if kind == "other" and text in "([":
            units += 1
            j, last_end = match[j] + 1, tokens[match[j]][3]
            continue
        term = (
            kind in _TERM_KINDS
            or (kind == "word" and (text.lower() in ("true", "false") or _EXPONENT.fullmatch(text)))
            or (kind == "other" and text.isdigit())
            # a sign, point or ^^ only as part of a term: ``?a - ?b`` is an expression, ``-1`` a number
            or (kind == "other" and _NUMBERISH.fullmatch(text) and j + 1 < end and tokens[j + 1][2] == stop)
        )
        if not term:
            return None
        if last_end != start:
            units += 1
        j, last_end = j + 1, stop
    return units
