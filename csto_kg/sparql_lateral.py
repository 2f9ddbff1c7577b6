"""An ``OPTIONAL`` of three or more triple patterns, given to Oxigraph as ``LATERAL { OPTIONAL { … } }``; an ``EXISTS``
of two or more, as its first pattern naming a variable of the row, then ``LATERAL { the others }``.

Oxigraph 0.5.13 evaluates ``A OPTIONAL { B }`` row by row (each row of ``A`` bound into ``B``) when its cost
estimate says so, else by reading all of ``B`` into a hash table. The estimate multiplies unsigned 64-bit sizes
that saturate: a ``B`` of three triple patterns with no constant subject or object is estimated at 10^18 before it
is joined, the product with ``A``'s size saturates, and the hash table always wins. The competency queries that
look up the passage of a value (``OPTIONAL { ?statement rdf:subject ?fact ; rdf:predicate ?property ; rdf:object
?value ; prov:wasDerivedFrom ?evidence … }``) then read every statement of graph:support for a dozen rows: cq17
118 ms on the curated graph and 11.0 s on a generated 1e6, against 1.5 and 2.7 ms written with ``LATERAL``
(Oxigraph's SEP-0006 extension, which it parses; the same rows: bench/README.md).

:func:`optionals_lateral` writes ``OPTIONAL { B }`` as ``LATERAL { OPTIONAL { B } }`` where that is exact and
worth it:

- ``B`` is a basic graph pattern (triple patterns and property paths: its only words ``a``, ``true`` and
  ``false``; no ``FILTER``, ``BIND``, ``VALUES`` or nested group), possibly followed by ``OPTIONAL`` groups that are
  basic graph patterns too. Evaluating a basic graph pattern with a row's values put in for its variables gives
  exactly its solutions compatible with the row, so the left join is the same (SPARQL 1.1 section 18.5); a blank
  node in ``B`` stays ``B``'s own (section 4.1.4). A nested ``OPTIONAL`` is evaluated against ``B``'s solutions
  alone, so a row's value put into it would change it: each variable it shares with what comes before ``B`` in its
  group must be one of ``B``'s first pattern, which fixes it anyway;
- ``B`` has three or more triple patterns, and none of its first basic graph pattern has a constant subject or
  object (with one, the hash table is a look-up of it, and cheaper than a look-up per row: cq64, whose passage
  pattern names its property, 0.43 ms as written against 0.71 ms row by row);
- a variable of ``B`` is bound by every row before it: it occurs in a triple pattern, ``VALUES``, ``BIND`` or
  ``GRAPH ?g`` of the same group, or in every branch of a union there, at its top level, before the ``OPTIONAL``
  (without one, ``B`` would be evaluated whole once per row);
- the ``OPTIONAL`` is not inside ``GRAPH``, ``SERVICE``, ``[NOT] EXISTS``, ``MINUS``, ``OPTIONAL`` or ``LATERAL``,
  where the engine passes the outer solution or graph in on its own terms; and the query has at most
  :data:`MAX_OPTIONALS` of them (each is read against the tokens before it).

A query it does not apply to is returned unchanged (the same object). Only the embedded Oxigraph store is given the
rewritten text (``LATERAL`` is not SPARQL 1.1; an external store gets the query as written). :func:`exists_lateral`
does the same for the body of an ``EXISTS`` (below).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .sparql_lex import word_found
from .sparql_rewrite import _closing as _closing_bracket
from .sparql_rewrite import _closing_brace, _tokens, _word, apply_edits

__all__ = ["optionals_lateral", "exists_lateral", "MIN_PATTERNS", "MAX_OPTIONALS"]

MIN_PATTERNS = 3  # triple patterns in an OPTIONAL from which the engine's estimate always picks the hash table
MAX_OPTIONALS = 64  # past this many OPTIONAL keywords, the query is left as written
_BGP_WORDS = frozenset({"a", "true", "false"})  # the only bare words of a basic graph pattern
# After one of these words (or the name after GRAPH / SERVICE), a group sees the outer solution or graph
_CLOSED_AFTER = ("GRAPH", "SERVICE", "EXISTS", "MINUS", "OPTIONAL", "LATERAL")
# Before a group whose variables a row need not have (a GRAPH or SERVICE group joins: its variables are bound)
_UNBINDING = ("OPTIONAL", "MINUS", "EXISTS", "LATERAL")
_OPTIONAL = re.compile(r"optional")  # in lower case, where a word starts (word_found)


def optionals_lateral(query: str) -> str:
    """``query`` with each ``OPTIONAL { B }`` that the module doc describes written ``LATERAL { OPTIONAL { B } }``."""
    if not word_found(_OPTIONAL, query.lower()):
        return query
    rewritten = _rewritten(query)
    return query if rewritten is None else rewritten


@lru_cache(maxsize=64)
def _rewritten(query: str) -> str | None:
    """:func:`optionals_lateral`'s text, or None where it changes nothing; remembered for the last texts, since a
    client asks the same queries again (reading a competency query's ``OPTIONAL`` groups: 30-250 us)."""
    tokens = _tokens(query)
    if sum(1 for t in tokens if _word(t, "OPTIONAL")) > MAX_OPTIONALS:
        return None
    return _edited_in_open_groups(query, tokens, "OPTIONAL", _after_closing_word, _edit)


def _edited_in_open_groups(query: str, tokens, keyword: str, closes, edit) -> str | None:
    """``query`` with ``edit(query, tokens, group, i)`` applied at each ``keyword`` (``tokens[i]``) directly in a
    group (opened at ``tokens[group]``) that neither ``closes(tokens, group)`` nor sits in a group that does; None
    where nothing is edited or the braces do not balance (left to the parser's message)."""
    opened: list[tuple[int, bool]] = []  # (index of each open "{", whether it or a group around it is closed)
    edits = []
    for i, (kind, text, _, _) in enumerate(tokens):
        if kind == "other" and text == "{":
            opened.append((i, bool(opened and opened[-1][1]) or closes(tokens, i)))
        elif kind == "other" and text == "}":
            if not opened:
                return None
            opened.pop()
        elif _word(tokens[i], keyword) and opened and not opened[-1][1]:
            found = edit(query, tokens, opened[-1][0], i)
            if found is not None:
                edits.append(found)
    if opened or not edits:
        return None
    return apply_edits(query, edits)


def _after_closing_word(tokens, i: int) -> bool:
    """Whether the ``{`` at ``tokens[i]`` opens a group after ``GRAPH <name>``, ``SERVICE [SILENT] <name>``,
    ``EXISTS``, ``MINUS``, ``OPTIONAL`` or ``LATERAL``."""
    back = [j for j in (i - 1, i - 2, i - 3) if j >= 0]
    return any(_word(tokens[j], *_CLOSED_AFTER) for j in back[:1]) or any(
        _word(tokens[j], "GRAPH", "SERVICE") for j in back[1:]
    )


def _edit(query: str, tokens, group: int, i: int) -> tuple[int, int, str] | None:
    """The edit for the ``OPTIONAL`` at ``tokens[i]`` in the group opened at ``tokens[group]``, or None."""
    if i + 1 >= len(tokens) or tokens[i + 1][1] != "{":
        return None
    end = _closing_brace(tokens, i + 1)
    if end is None:
        return None
    parts = _parts(tokens, i + 2, end)
    if parts is None or sum(_patterns(p) for p in parts) < MIN_PATTERNS:
        return None
    if _constant_end(parts[0]):
        return None
    first, *nested = ({t[1][1:] for t in p if t[0] == "var"} for p in parts)
    before = _bound_before(tokens, group, i)
    if first.isdisjoint(before):
        return None
    # A row's values put into a nested OPTIONAL's pattern change nothing only where the first pattern binds them
    # too: every variable a nested one shares with the tokens before (at any depth) must be the first one's.
    seen = {t[1][1:] for t in tokens[group + 1 : i] if t[0] == "var"}
    if any(not (v & seen) <= first for v in nested):
        return None
    body_text = query[tokens[i + 1][3] : tokens[end][2]]
    return (tokens[i][2], tokens[end][3], f"LATERAL {{ {tokens[i][1]} {{{body_text}}} }}")  # the keyword as written


def _parts(tokens, start: int, end: int) -> list | None:
    """The tokens between ``tokens[start]`` and ``tokens[end]`` as a basic graph pattern followed by nothing but
    ``OPTIONAL`` groups of a basic graph pattern each: [its tokens, each nested one's tokens], or None where they
    are not (a ``FILTER``, a nested group of another kind, a pattern after an ``OPTIONAL``)."""
    j = start
    while j < end and not _word(tokens[j], "OPTIONAL"):
        j += 1
    parts = [tokens[start:j]]
    if not parts[0] or _patterns(parts[0]) == 0:
        return None
    while j < end:
        if tokens[j][1] == ".":
            j += 1
            continue
        if not _word(tokens[j], "OPTIONAL") or j + 1 >= end or tokens[j + 1][1] != "{":
            return None
        close = _closing_brace(tokens, j + 1)
        if close is None or close >= end or _patterns(tokens[j + 2 : close]) == 0:
            return None
        parts.append(tokens[j + 2 : close])
        j = close + 1
    return parts


def _constant_end(bgp) -> bool:
    """Whether a triple pattern of the basic graph pattern ``bgp`` (tokens) has a constant subject or object (an
    IRI, a name, a literal): read alone, such a pattern is a look-up, and the engine's hash table of it is cheap."""
    for triple in _split(bgp, "."):
        if not triple:
            continue
        if _constant(triple[0]):
            return True
        for segment in _split(triple, ";"):
            if any(chunk and _constant(chunk[-1]) for chunk in _split(segment, ",")):
                return True
    return False


def _split(tokens, separator: str) -> list:
    """``tokens`` cut at each ``separator`` token (``.``, ``;`` or ``,``), which is dropped."""
    out, current = [], []
    for t in tokens:
        if t[0] == "other" and t[1] == separator:
            out.append(current)
            current = []
        else:
            current.append(t)
    return [*out, current]


def _constant(token) -> bool:
    kind, text = token[0], token[1]
    return (
        kind in ("iri", "pname", "string", "langtag")
        or (kind == "word" and text in ("true", "false"))
        or kind == "number"
    )


def _patterns(body) -> int:
    """The triple patterns of a basic graph pattern's tokens (each ends at ``.``, ``;`` or ``,``, or at the end);
    0 where the tokens are not a basic graph pattern (a keyword, a nested group, a number this reader does not
    take apart)."""
    count, pending = 0, False
    for kind, text, _, _ in body:
        if kind == "word" and text not in _BGP_WORDS:
            return 0
        if kind == "other" and text in "{}":
            return 0
        if kind == "other" and text in ".;,":
            count += pending
            pending = False
        elif kind in ("var", "iri", "pname", "string", "word", "number") or text in ("]", ")"):
            pending = True
    return count + pending


def _bound_before(tokens, group: int, i: int) -> set[str]:
    """The variables every row of the group opened at ``tokens[group]`` binds before ``tokens[i]``: those of its
    triple patterns, ``VALUES``, ``BIND ( … AS ?v )`` and ``GRAPH ?g``, and of its nested groups and unions (of
    every branch of a union), at its top level; not an ``OPTIONAL``'s or a ``MINUS``'s (possibly unbound, or not
    bound), a sub-query's, nor any in an expression (a ``FILTER``'s, or the one a ``BIND`` evaluates). Bound or not,
    a row's values give the same solutions: this only keeps a body that no row's value narrows from being evaluated
    whole once per row."""
    out: set[str] = set()
    j = group + 1
    while j < i:
        kind, text, _, _ = tokens[j]
        if kind == "other" and text == "{":
            close = _closing_brace(tokens, j)
            if close is None:
                return out
            if _word(tokens[j - 1], *_UNBINDING):
                j = close + 1
                continue
            branches = [_bound_before(tokens, j, close) if not _word(tokens[j + 1], "SELECT") else set()]
            while close + 2 < i and _word(tokens[close + 1], "UNION") and tokens[close + 2][1] == "{":
                j, close = close + 2, _closing_brace(tokens, close + 2)
                if close is None:
                    return out
                branches.append(_bound_before(tokens, j, close) if not _word(tokens[j + 1], "SELECT") else set())
            out |= set.intersection(*branches)
            j = close + 1
            continue
        if kind == "other" and text == "(" and not _word(tokens[j - 1], "VALUES"):  # VALUES ( ?x ?y ) { … } counts
            close = _closing_bracket(tokens, j)
            if close is None:
                return out
            if _word(tokens[j - 1], "BIND") and tokens[close - 1][0] == "var" and _word(tokens[close - 2], "AS"):
                out.add(tokens[close - 1][1][1:])  # BIND ( … AS ?v ): bound unless its expression errors
            j = close + 1
            continue
        if kind == "var":
            out.add(text[1:])
        j += 1
    return out


# --- EXISTS bodies -----------------------------------------------------------------------------------------------
# Inside FILTER [NOT] EXISTS { B }, Oxigraph 0.5.13 plans B's joins as hash joins evaluated once per row: for each
# row it reads every match of each pattern, the row's values put into the patterns that name them only. On the
# generated 1e6 project, cq05's ranking test (NOT EXISTS { ?better rdf:subject ?fact ; rdf:predicate csto:date ;
# csto:rank csto:PreferredRank }) read the 25,608 statements of csto:date for each of 1,070 rows: 15.5 s for the
# filter alone, a two-pattern body 6.6 s. Written as its first pattern that names a variable of the row, then
# LATERAL { the other patterns }, each is a look-up per row: 123 ms, the same rows (bench/README.md).
_EXISTS = re.compile(r"exists")
_PATH_SIGNS = frozenset({"/", "|", "^", "*", "+", "?", "!"})


def exists_lateral(query: str) -> str:
    """``query`` with each ``[NOT] EXISTS { B }`` whose ``B`` is a basic graph pattern of two or more triple patterns
    (IRIs, names, variables and property paths without brackets only: no literal, blank node, ``[ … ]`` or
    collection) written ``[NOT] EXISTS { T . LATERAL { the others } }``, ``T`` the first of its triple patterns that
    names a variable every row of the ``EXISTS``'s group binds before it (:func:`_bound_before`). Exact: a basic
    graph pattern is the join of its patterns, and a basic graph pattern evaluated with a row's values put in gives
    exactly its solutions compatible with the row (SPARQL 1.1 section 18.5), which is what ``LATERAL`` joins. Not
    inside ``GRAPH`` or ``SERVICE``, where the engine passes the active graph in on its own terms. The same object
    where nothing is rewritten."""
    if not word_found(_EXISTS, query.lower()):
        return query
    rewritten = _exists_rewritten(query)
    return query if rewritten is None else rewritten


@lru_cache(maxsize=64)
def _exists_rewritten(query: str) -> str | None:
    return _edited_in_open_groups(query, _tokens(query), "EXISTS", _in_graph_or_service, _exists_edit)


def _in_graph_or_service(tokens, i: int) -> bool:
    """Whether the ``{`` at ``tokens[i]`` opens ``GRAPH <name> { … }`` or ``SERVICE [SILENT] <name> { … }``."""
    return any(_word(tokens[j], "GRAPH", "SERVICE") for j in (i - 2, i - 3) if j >= 0)


def _exists_edit(query: str, tokens, group: int, i: int) -> tuple[int, int, str] | None:
    """The edit of the body of the ``EXISTS`` at ``tokens[i]`` in the group opened at ``tokens[group]``, or None."""
    if i + 1 >= len(tokens) or tokens[i + 1][1] != "{":
        return None
    end = _closing_brace(tokens, i + 1)
    if end is None:
        return None
    triples = _triples(tokens[i + 2 : end])
    if triples is None or len(triples) < 2:
        return None
    before = _bound_before(tokens, group, i)
    first = next((k for k, t in enumerate(triples) if any(x[0] == "var" and x[1][1:] in before for x in t)), None)
    if first is None:
        return None

    def text(triple) -> str:
        subject, path, obj = triple
        return f"{subject[1]} {query[path[0][2] : path[-1][3]]} {obj[1]}"

    others = " . ".join(text(t) for k, t in enumerate(triples) if k != first)
    return (tokens[i + 1][3], tokens[end][2], f" {text(triples[first])} . LATERAL {{ {others} }} ")


def _triples(body) -> list | None:
    """The triple patterns (subject token, path tokens, object token) of a basic graph pattern's tokens whose terms
    are IRIs, names and variables and whose paths have no brackets; None for any other token."""
    for kind, text, _, _ in body:
        if kind in ("var", "iri", "pname") or (kind == "word" and text == "a"):
            continue
        if kind == "other" and (text in _PATH_SIGNS or text in ".;,"):
            continue
        return None
    out = []
    for statement in _split(body, "."):
        if not statement:
            continue
        subject, rest = statement[0], statement[1:]
        if subject[0] not in ("var", "iri", "pname"):
            return None
        for segment in _split(rest, ";"):
            if not segment:
                continue
            first, *more = _split(segment, ",")
            if len(first) < 2 or first[-1][0] not in ("var", "iri", "pname"):
                return None
            path = first[:-1]
            out.append((subject, path, first[-1]))
            for chunk in more:
                if len(chunk) != 1 or chunk[0][0] not in ("var", "iri", "pname"):
                    return None
                out.append((subject, path, chunk[0]))
    return out
