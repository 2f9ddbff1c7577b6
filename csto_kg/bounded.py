"""Queries whose cost is bounded by their form: one triple pattern whose subject is a constant.

The endpoint runs user SPARQL in killable query worker processes because
Oxigraph cannot stop a query once it runs (``server/engine.py``). That hop
costs a fixed share of every request, which dominates the cheapest queries. A
query of the form below is answered by reading one subject's triples, as the
linked-data pages do for every page they render, so it needs no process to be
killed in: the web worker may run it itself, under the same row and byte caps.

The form, read token by token (:mod:`.sparql_lex`: comments and whitespace set
aside, strings and literals never accepted)::

    [BASE <iri>] [PREFIX p: <iri>]*
    ( SELECT [DISTINCT | REDUCED] ( ?v+ | * ) | ASK )
    [WHERE] { S P O [.] }
    [LIMIT n] [OFFSET n]          (SELECT only, either order)

with S an IRI or a prefixed name, P an IRI, a prefixed name, ``a`` or a
variable, and O an IRI, a prefixed name or a variable. Anything else (a second
pattern, a path, FILTER, OPTIONAL, GRAPH, a dataset clause, ORDER BY, a
literal) is not recognised and goes to the pool. Recognition is lexical and
may accept text that is not valid SPARQL (``LIMIT 1 0``): such text still
goes to Oxigraph's parser, which refuses it as it would in a worker; what it
accepts as valid SPARQL can only be a query of the form above.
"""

from __future__ import annotations

from .sparql_lex import lexed

__all__ = ["bounded"]

_CONSTANT = frozenset({"iri", "pname"})
_TERM = frozenset({"iri", "pname", "var"})


def bounded(query: str) -> bool:
    """Is ``query`` of the bounded form (module docstring)?"""
    if query.count("{") != 1:  # most queries stop here (a brace in a string or comment: not recognised, never wrong)
        return False
    tokens = lexed(query)  # the tokens the engine's checks then read: kept, so a text is read once
    i = _after_prologue(tokens)
    form = _word(_at(tokens, i))
    if form == "SELECT":
        i = _projection(tokens, i + 1)
    elif form == "ASK":
        i += 1
    else:
        return False
    if i is None:
        return False
    i = _pattern(tokens, i + (_word(_at(tokens, i)) == "WHERE"))
    if i is None:
        return False
    return _modifiers(tokens, i) if form == "SELECT" else i == len(tokens)


def _at(tokens: tuple, i: int) -> tuple[str, str]:
    """(kind, text) of the token at ``i``, or ("end", "") past the last."""
    return tokens[i][:2] if i < len(tokens) else ("end", "")


def _word(token: tuple[str, str]) -> str:
    return token[1].upper() if token[0] == "word" else ""


def _after_prologue(tokens: tuple) -> int:
    """The index of the first token after ``BASE`` and ``PREFIX`` declarations."""
    i = 0
    while True:
        word = _word(_at(tokens, i))
        if word == "BASE" and _at(tokens, i + 1)[0] == "iri":
            i += 2
        elif word == "PREFIX" and _at(tokens, i + 1)[0] == "pname" and _at(tokens, i + 2)[0] == "iri":
            i += 3
        else:
            return i


def _projection(tokens: tuple, i: int) -> int | None:
    if _word(_at(tokens, i)) in ("DISTINCT", "REDUCED"):
        i += 1
    if _at(tokens, i) == ("other", "*"):
        return i + 1
    start = i
    while _at(tokens, i)[0] == "var":
        i += 1
    return i if i > start else None


def _pattern(tokens: tuple, i: int) -> int | None:
    """The index after ``{ S P O [.] }`` at ``i``, or None."""
    if _at(tokens, i) != ("other", "{"):
        return None
    s, p, o = _at(tokens, i + 1), _at(tokens, i + 2), _at(tokens, i + 3)
    if s[0] not in _CONSTANT or not (p[0] in _TERM or p == ("word", "a")) or o[0] not in _TERM:
        return None
    i += 4
    if _at(tokens, i) == ("other", "."):
        i += 1
    return i + 1 if _at(tokens, i) == ("other", "}") else None


def _modifiers(tokens: tuple, i: int) -> bool:
    seen: set[str] = set()
    while i < len(tokens):
        word = _word(_at(tokens, i))
        if word not in ("LIMIT", "OFFSET") or word in seen:
            return False
        seen.add(word)
        i += 1
        start = i
        if _at(tokens, i)[0] == "number" and _at(tokens, i)[1].isdigit():  # an integer
            i += 1
        if i == start:
            return False
    return True
