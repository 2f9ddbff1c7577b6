"""Queries whose evaluation is bounded by construction, answered in the web worker without the pipe hop.

The query pool exists because Oxigraph cannot be interrupted: a query that
could run long must run in a process that can be killed. A query of exactly
this shape cannot run long, so the web worker answers it itself on its own
read-only store, by the very code a query worker runs
(:func:`csto_kg.server.qworker.answer`, with the same row and byte caps)::

    (BASE <iri> | PREFIX p: <iri>)*
    SELECT (?v ... | *) [WHERE] { S P O [.] } [LIMIT n]
    ASK [WHERE] { S P O [.] }

where S and O are a variable, an IRI or a prefixed name, P the same or ``a``,
the pattern's variables are distinct, the projection is plain variables (no
expression, no ``DISTINCT`` / ``REDUCED``), and the request names no dataset
(no ``FROM``, no ``default-graph-uri`` / ``named-graph-uri``).

Why that is bounded: the default graph is the store's own (the build stores
the deduplicated union there), so the pattern is one range scan of one of
Oxigraph's indexes (its constants fix a key prefix), and because every
position is a constant or a variable occurring once, *every* index entry in
that range is a solution: no join, no filter, no duplicate removal, no sort.
Solutions stream, and :func:`csto_kg.query.run` stops reading at ``max_rows``
+ 1 (ASK at the first), so the work is at most ``max_rows`` + 1 index steps
and one serialisation of at most that many rows, whatever the data's size.
Parsing is linear in the query's length (at most ``max_query_length``), with
no nesting for the parser to recurse into. To be sure the engine reads the
text as this lexer does, anything unusual is left to the pool: a backslash
anywhere (SPARQL's ``\\u`` escapes are expanded before parsing), ``&&`` or
``||`` (:func:`csto_kg.query.misread_iris`), literals, blank nodes, any other
keyword or token.
"""

from __future__ import annotations

from csto_kg.sparql_lex import _significant

__all__ = ["bounded"]

_TERM = ("iri", "pname", "var")


def bounded(query: str) -> bool:
    """Is ``query`` of the one shape above (a single triple pattern, nothing else)?"""
    if "\\" in query or "&&" in query or "||" in query:
        return False
    tokens = list(_significant(query))
    i, n = 0, len(tokens)

    def word(k: int) -> str:
        return tokens[k][1].upper() if k < n and tokens[k][0] == "word" else ""

    while word(i) in ("BASE", "PREFIX"):
        if word(i) == "BASE" and i + 1 < n and tokens[i + 1][0] == "iri":
            i += 2
        elif i + 2 < n and tokens[i + 1][0] == "pname" and tokens[i + 2][0] == "iri":
            i += 3
        else:
            return False
    form = word(i)
    i += 1
    projected: list[str] = []
    if form == "SELECT":
        if i < n and tokens[i] == ("other", "*"):
            i += 1
        else:
            while i < n and tokens[i][0] == "var":
                projected.append(tokens[i][1][1:])
                i += 1
            if not projected:
                return False
    elif form != "ASK":
        return False
    if word(i) == "WHERE":
        i += 1
    if tokens[i : i + 1] != [("other", "{")] or i + 4 >= n:
        return False
    pattern = tokens[i + 1 : i + 4]
    i += 4
    (k1, _), (k2, t2), (k3, _) = pattern
    if k1 not in _TERM or k3 not in _TERM or not (k2 in _TERM or (k2 == "word" and t2 == "a")):
        return False
    variables = [t[1:] for k, t in pattern if k == "var"]
    if len(set(variables)) != len(variables) or not set(projected) <= set(variables):
        return False
    if tokens[i : i + 1] == [("other", ".")]:
        i += 1
    if tokens[i : i + 1] != [("other", "}")]:
        return False
    i += 1
    if form == "SELECT" and word(i) == "LIMIT":
        i += 1
        digits = 0
        while i < n and tokens[i][0] == "other" and tokens[i][1].isdigit():
            i, digits = i + 1, digits + 1
        if not digits:
            return False
    return i == n
