"""Lexical rewrites of a query, made before an engine sees it, where the engine's answer differs from SPARQL 1.1.

Each works on tokens (:mod:`.sparql_lex`: strings, IRIs, comments and names set
aside), never on substrings, and leaves a query it does not apply to unchanged
(the same object, so a caller can tell).

For both stores:

- :func:`booleans_lowercased`: ``true`` / ``false`` are keywords of the grammar
  (rule 134), and keywords match case-insensitively (section 19.8); Oxigraph
  0.5.13 takes only the lower-case ones and refuses ``TRUE`` or ``False``
  (W3C test ``case-insensitive-booleans``). They are written in lower case
  (same length: an error's position is unchanged).

- :func:`clamp_slices`: ``LIMIT`` / ``OFFSET`` take any ``INTEGER`` (grammar
  rules 26-27); Oxigraph 0.5.13 refuses one past 64 bits ("The query limit
  should be a non negative integer") and Virtuoso one past about 2^32. A
  larger value is given as the largest the engine takes: a limit that large is
  no limit, an offset that large leaves no row, for any result the row cap and
  time limit let through.
- :func:`disjoint_minus_dropped`: a ``MINUS`` whose right side shares no
  variable with what precedes it in its group removes nothing (section 8.3.2,
  18.5: a solution is removed only by one that shares a variable with it);
  inside ``GRAPH ?g`` Oxigraph 0.5.13 counts ``?g`` as shared and removed
  every solution (``GRAPH ?g { ?a a :State MINUS { ?b a :Person } }`` gave
  none; W3C test ``graph-minus``). Such a ``MINUS`` is replaced by ``{}``
  (an empty group, which joins as the identity), which is exact (it can
  remove nothing), and keeps a ``.`` before and after it valid; one sharing a
  variable is left to the engine.
- :func:`graph_groups_unrolled`: ``GRAPH ?g { P }`` is the union, over the
  dataset's named graphs ``g_i``, of ``P`` evaluated with ``g_i`` as the active
  graph, joined with ``?g = g_i`` (section 18.6). Where ``P`` holds a sub-query
  or a ``MINUS``, Oxigraph 0.5.13 answers otherwise: a sub-query is evaluated
  against every named graph at once and leaves ``?g`` unbound
  (``GRAPH ?g { { SELECT (COUNT(*) AS ?n) { … } } }`` gave one unbound ``?g``
  with the total; ``OPTIONAL``, ``LIMIT``, ``OFFSET``, ``FILTER EXISTS`` and
  ``MINUS`` over a sub-query, a ``VALUES ?g`` outside, ``FROM NAMED`` all
  wrong alike), and a ``MINUS`` counts ``?g`` as shared with its right side
  (one sharing a variable only through a nested ``MINUS``, or one the left
  side leaves unbound, removed rows it must keep). With a constant graph the
  engine is right, so such a ``GRAPH ?g { P }`` is written as that union
  itself: ``{ { VALUES ?g { <g_1> } GRAPH <g_1> { P } } UNION … }`` (``{ VALUES
  ?g { } }``, no solution, for a dataset without named graphs). Innermost
  first, so a nested ``GRAPH ?h`` is unrolled before the one holding it. A
  query whose unrolled form would exceed :data:`MAX_UNROLLED` characters is a
  :class:`~csto_kg.errors.UserError` (the engine cannot answer it right).
- :func:`zero_length_paths`: a zero-length path from a constant (an IRI or
  a literal: ``c P* ?v``, ``c P? ?v``, ``?v P* c``) gives ``?v = c``
  whether or not ``c`` occurs in the graph, and ``c P* c`` is true (section
  18.5); Oxigraph 0.5.13 gives them only where ``c`` occurs. The triple is
  written as the union of itself and ``VALUES ?v { c }``, made distinct (two
  constants: ``sameTerm`` or the path), taken out of its property or object
  list if it stands in one.
- :func:`nested_closures_collapsed`: a closure of a closure is one closure, as sets (section 18.5: ``*`` and
  ``+`` are evaluated by ALP, which gives each node once): ``((P)*)*``, ``((P)?)*``, ``((P)+)*``, ``((P)*)+``,
  ``((P)?)+`` are ``(P)*`` and ``((P)+)+`` is ``(P)+``; Oxigraph 0.5.13 evaluates every level in full, so ``?s
  ((p)*)* ?o`` over the curated data took 1.5 s more per level (10 levels: 37 s, a 503). Only an outer ``*`` or
  ``+`` is collapsed (an outer ``?`` is left as written), innermost path kept as written.
- :func:`count_errors_skipped`: ``COUNT(expr)`` counts the solutions where
  ``expr`` has a value (section 18.5.1.2: ``Count`` drops the error elements
  of its multiset); Oxigraph 0.5.13 makes the whole aggregate unbound when
  ``expr`` errors for a row. ``COUNT(expr)`` (``expr`` not a variable: an
  unbound variable the engine already skips) is rewritten into a sum of ones
  and zeros (:func:`_count`).
- :func:`group_aliases_kept`: a grouping condition ``(?v AS ?g)`` groups by
  ``?v``'s value and binds it to ``?g`` (grammar rule 22; section 18.2.4.1:
  the expression is evaluated, bound by ``Extend`` and grouped on), as
  ``(STR(?v) AS ?g)`` binds ``STR(?v)``. Oxigraph 0.5.13 reads a bare
  variable there as ``GROUP BY ?v`` and drops the alias, and so refused the
  valid ``SELECT ?g … GROUP BY (?v AS ?g)`` ("The SELECT contains a variable
  that is unbound"). The variable is written ``COALESCE(?v)``: its value is
  ``?v``'s, an error where ``?v`` is unbound (section 17.4.1.4), which
  leaves ``?g`` unbound as the variable itself would. Virtuoso 7.2 reads the
  condition right: only the syntax check made for it with Oxigraph's parser
  reads the rewritten query.

For an external store (:class:`~csto_kg.remote_store.RemoteStore`):

- :func:`take_dataset_clauses`: the query's own ``FROM`` / ``FROM NAMED``,
  taken out to be sent as protocol parameters (which Virtuoso honours as
  SPARQL's dataset; its reading of ``FROM`` lets ``GRAPH ?g`` range over every
  graph it holds);
- :func:`one_base`: one ``BASE`` (Virtuoso refuses a second declaration);
- :func:`union_branches_selected`: an operand of ``UNION`` that is an empty
  group or only a ``VALUES``, which Virtuoso 7.2 drops, written as a
  ``SELECT *`` sub-query of itself;
- :func:`subquery_locals_renamed`: a variable a sub-query uses but does not
  project renamed inside it (Virtuoso 7.2 joined it, inside ``GRAPH ?g``,
  with the graph variable of that name);
- :func:`select_star`: whether the projection is ``*`` (its columns are then
  given in the embedded store's order).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from .errors import UserError
from .sparql_lex import _CODEPOINT, lexed, read_prologue, resolve_iri, unescape_codepoints, word_found

__all__ = [
    "booleans_lowercased",
    "disjoint_minus_dropped",
    "graph_groups_unrolled",
    "zero_length_paths",
    "union_branches_selected",
    "subquery_locals_renamed",
    "MAX_UNROLLED",
    "clamp_slices",
    "count_errors_skipped",
    "group_aliases_kept",
    "take_dataset_clauses",
    "confine_graphs",
    "one_base",
    "dangling_semicolons_dropped",
    "escapes_decoded_in_terms",
    "prefixed_names_expanded",
    "group_concat_separator_written",
    "calls_as_errors",
    "unused_variable",
    "select_distinct",
    "select_star",
    "OXIGRAPH_MAX_SLICE",
    "VIRTUOSO_MAX_SLICE",
]

OXIGRAPH_MAX_SLICE = 2**63 - 1
# Virtuoso 7.2 refuses a LIMIT of 2^63 - 2 (SQ074) and an OFFSET of 2^31 - 1 ("TOP parameter"; it adds one):
# LIMIT and OFFSET of 2^30 - 1 each stay below 2^31 together
VIRTUOSO_MAX_SLICE = 2**30 - 1


def _tokens(query: str) -> tuple[tuple[str, str, int, int], ...]:
    """(kind, text, start, end) of each token of ``query`` but comments and whitespace (shared: not to be changed)."""
    return lexed(query)


def _word(token, *words: str) -> bool:
    return token[0] == "word" and token[1].upper() in words


_INTEGER = re.compile(r"\+?\d+")
_BOOLEAN = re.compile(r"true|false", re.IGNORECASE)


def booleans_lowercased(query: str) -> str:
    """``query`` with each ``true`` / ``false`` keyword (a bare word, not a name, string or IRI) in lower case."""
    lowered = query.lower()
    if "true" not in lowered and "false" not in lowered:  # most queries: no scan of the text with IGNORECASE
        return query
    if not any(m.group() not in ("true", "false") for m in _BOOLEAN.finditer(query)):
        return query
    edits = [
        (start, end, text.lower())
        for kind, text, start, end in _tokens(query)
        if kind == "word" and text.upper() in ("TRUE", "FALSE") and text not in ("true", "false")
    ]
    return apply_edits(query, edits)


def clamp_slices(query: str, maximum: int, offset_as_limit_0: bool = False) -> str:
    """``query`` with each ``LIMIT`` / ``OFFSET`` integer above ``maximum`` written as ``maximum``.

    ``offset_as_limit_0``: such an ``OFFSET`` is instead written as ``LIMIT 0`` (with its clause's ``LIMIT``, if
    any, made 0): the same empty sequence, for a store that refuses any large offset (Virtuoso: "TOP parameter").
    """
    lowered = query.lower()
    if "limit" not in lowered and "offset" not in lowered:
        return query
    edits: dict[int, tuple[int, str]] = {}  # start -> (end, text); a LIMIT made 0 wins over its clamp
    tokens = _tokens(query)
    numbers = {}  # token index of LIMIT / OFFSET -> (start, end, value) of its integer
    for i, t in enumerate(tokens):
        if _word(t, "LIMIT", "OFFSET") and i + 1 < len(tokens):
            m = _INTEGER.match(query, tokens[i + 1][2])
            if m:
                numbers[i] = (m.start(), m.end(), int(m.group()))
    for i, (start, end, value) in numbers.items():
        if value <= maximum:
            continue
        if not (offset_as_limit_0 and _word(tokens[i], "OFFSET")):
            edits.setdefault(start, (end, str(maximum)))
            continue
        limit = next(  # the LIMIT of the same modifier: right before this OFFSET's keyword, or right after its integer
            (
                j
                for j, (s_, e_, _) in numbers.items()
                if _word(tokens[j], "LIMIT")
                and (
                    (e_ <= tokens[i][2] and not query[e_ : tokens[i][2]].strip())
                    or (tokens[j][2] >= end and not query[end : tokens[j][2]].strip())
                )
            ),
            None,
        )
        if limit is None:
            edits[tokens[i][2]] = (end, "LIMIT 0")
        else:
            edits[tokens[i][2]] = (end, "")
            edits[numbers[limit][0]] = (numbers[limit][1], "0")
    return apply_edits(query, [(start, end, text) for start, (end, text) in edits.items()])


_MAX_MINUS = 64  # past this many MINUS, the query is left as written (the check reads each one's left side)


def disjoint_minus_dropped(query: str) -> str:
    """``query`` without each ``MINUS { … }`` that shares no variable with the elements before it in its group
    (nor with the variable of an enclosing ``GRAPH``, which the engine treats as shared); unchanged otherwise. A
    MINUS inside ``FILTER [NOT] EXISTS`` stays: there the row being filtered is bound (its variables are shared),
    as the engine and rdflib evaluate it."""
    if "minus" not in query.lower():
        return query
    tokens = _tokens(query)
    minus = [i for i, t in enumerate(tokens) if _word(t, "MINUS")]
    if not minus or len(minus) > _MAX_MINUS:
        return query
    parent: dict[int, int] = {}  # index of a MINUS -> index of the "{" of the group holding it
    close: dict[int, int] = {}
    graph_vars: dict[int, str] = {}  # index of a group's "{" -> the variable of GRAPH ?v before it
    exists: set[int] = set()  # index of the "{" of each EXISTS group
    stack: list[int] = []
    for i, (kind, text, _, _) in enumerate(tokens):
        if kind == "other" and text == "{":
            stack.append(i)
            if i >= 2 and _word(tokens[i - 2], "GRAPH") and tokens[i - 1][0] == "var":
                graph_vars[i] = tokens[i - 1][1][1:]
            if i >= 1 and _word(tokens[i - 1], "EXISTS"):
                exists.add(i)
        elif kind == "other" and text == "}":
            if not stack:
                return query
            close[stack.pop()] = i
        elif _word(tokens[i], "MINUS") and stack:
            parent[i] = stack[-1]
    if stack:
        return query
    edits = []
    for i in minus:
        if i not in parent or i + 1 >= len(tokens) or tokens[i + 1][1] != "{" or (i + 1) not in close:
            continue
        if any(g < i < close.get(g, -1) for g in exists):
            continue
        end = close[i + 1]
        right = {t[1][1:] for t in tokens[i + 2 : end] if t[0] == "var"}
        left = {t[1][1:] for t in tokens[parent[i] + 1 : i] if t[0] == "var"}
        left |= {v for g, v in graph_vars.items() if g < i < close.get(g, -1)}
        if right.isdisjoint(left) and not any(start <= tokens[i][2] < stop for start, stop, _ in edits):
            # An empty group, not nothing: the MINUS may stand between two "." (``?s ?p ?o . MINUS { … } . ?x ?y
            # ?z``), which without it would read ". ." (a syntax error); joining with ``{}`` changes no solution.
            edits.append((tokens[i][2], tokens[end][3], "{}"))
    return apply_edits(query, edits)


def _path_end(tokens: list, j: int, modifiers: tuple[str, ...] = ("*", "?")) -> int | None:
    """If ``tokens[j:]`` starts with a path element of one primary and one of ``modifiers`` (``:p*``, ``^:p?``,
    ``(:p|:q)*``, ``!:p*``, ``a*``), the index of that modifier; else None."""
    j = _primary_end(tokens, j)
    return j if j is not None and j < len(tokens) and tokens[j][0] == "other" and tokens[j][1] in modifiers else None


def _primary_end(tokens: list, j: int) -> int | None:
    """The index after the path primary at ``tokens[j]`` with its ``^`` / ``!`` (an IRI, ``a``, or a bracketed
    path: ``:p``, ``^:p``, ``!:p``, ``(:p|:q)``); None if there is none."""
    while j < len(tokens) and tokens[j][:2] in (("other", "^"), ("other", "!")):
        j += 1
    if j < len(tokens) and (tokens[j][0] in ("iri", "pname") or tokens[j][:2] == ("word", "a")):
        return j + 1
    if j < len(tokens) and tokens[j][:2] == ("other", "("):
        end = _closing(tokens, j)
        return None if end is None else end + 1
    return None


def _bracketed(tokens: list, first: int, after: int) -> bool:
    """Whether ``tokens[first:after]`` is a path element with ``*`` or ``?`` in brackets, with its ``^`` (``(:p*)``,
    ``^((:p|:q)?)``): the same path as the element alone (section 18.4: brackets group, ``^`` of a set is a set)."""
    while first < after and tokens[first][:2] == ("other", "^"):
        first += 1
    if not (first < after and tokens[first][:2] == ("other", "(") and _closing(tokens, first) == after - 1):
        return False
    return _path_end(tokens, first + 1) == after - 2 or _bracketed(tokens, first + 1, after - 1)


_LONE_QUESTION_MARK = re.compile(r"\?(?![A-Za-z0-9_\u00b7\u00c0-\uffff])")
# A line whose first character past spaces is ``#``: a comment, or a line of a long string; either way no path
# (a line ended by a lone carriage return is not matched, and stays in what is searched).
_WHOLE_LINE_COMMENT = re.compile(r"^[ \t]*#[^\r\n]*", re.MULTILINE)


_NUMBER = re.compile(r"[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.?\d+[eE][+-]?\d+|\d*\.\d+|\d+)")
_AFTER_SENTENCE = frozenset({".", "}", "{"})
_SENTENCE_AFTER = frozenset({("other", "{"), ("other", "."), ("other", "}")})
_PATTERN_WORDS = ("OPTIONAL", "FILTER", "MINUS", "BIND", "VALUES", "GRAPH", "SERVICE")


def _term(query: str, tokens: list, j: int) -> tuple[str, int] | None:
    """(kind, index after it) of the term at ``tokens[j]``: ``"var"``; ``"const"`` (an IRI, a prefixed name, a
    literal: a string with its tag or datatype, a number, a boolean); ``"bnode"`` (``[]``, ``_:x``); None for
    anything else (a ``[ … ]`` with a property list, a collection), which the caller leaves as written."""
    if j >= len(tokens):
        return None
    kind, text, start, _ = tokens[j]
    if kind == "var":
        return "var", j + 1
    if kind in ("iri", "pname") or (kind == "word" and text.lower() in ("true", "false")):
        return "const", j + 1
    if kind == "string":
        if j + 1 < len(tokens) and tokens[j + 1][0] == "langtag":
            return "const", j + 2
        if j + 3 < len(tokens) and tokens[j + 1][1] == tokens[j + 2][1] == "^":
            return ("const", j + 4) if tokens[j + 3][0] in ("iri", "pname") else None
        return "const", j + 1
    if kind == "word" and text == "_" and j + 1 < len(tokens) and tokens[j + 1][0] == "pname":
        return "bnode", j + 2
    if text == "[" and j + 1 < len(tokens) and tokens[j + 1][1] == "]":
        return "bnode", j + 2
    signed = kind == "other" and text in ("+", "-")  # a sign, then the number token (sparql_lex reads it whole)
    number = _NUMBER.match(query, start) if kind == "number" or signed else None
    if number is None:
        return None
    k = j
    while k < len(tokens) and tokens[k][2] < number.end():
        k += 1
    return "const", k


def _verb_end(tokens: list, j: int) -> int | None:
    """The index after the verb (a variable, or a property path) at ``tokens[j]``; None if there is none."""
    if j < len(tokens) and tokens[j][0] == "var":
        return j + 1
    while True:
        j = _primary_end(tokens, j)
        if j is None:
            return None
        if j < len(tokens) and tokens[j][0] == "other" and tokens[j][1] in ("*", "?", "+"):
            j += 1
        if not (j < len(tokens) and tokens[j][0] == "other" and tokens[j][1] in ("/", "|")):
            return j
        j += 1


def _sentence(query: str, tokens: list, i: int) -> tuple[tuple[str, int, int], list, int] | None:
    """The triples written by the sentence (a subject and its property list, section 4.2) at ``tokens[i]``:
    the subject (kind, first, after), one (verb first, verb after, object kind, object first, object after) per
    triple, and the index after the sentence; None if it is not one of plain terms followed by the end of a
    triples block."""
    subject = _term(query, tokens, i)
    if subject is None:
        return None
    triples, j = [], subject[1]
    while True:
        verb_end = _verb_end(tokens, j)
        if verb_end is None:
            return None
        k = verb_end
        while True:
            obj = _term(query, tokens, k)
            if obj is None:
                return None
            triples.append((j, verb_end, obj[0], k, obj[1]))
            k = obj[1]
            if not (k < len(tokens) and tokens[k][1] == ","):
                break
            k += 1
        j = k
        while j < len(tokens) and tokens[j][1] == ";":
            j += 1
        if j == k or _verb_end(tokens, j) is None:
            break
    if j < len(tokens) and not (tokens[j][1] in _AFTER_SENTENCE or _word(tokens[j], *_PATTERN_WORDS)):
        return None
    return (subject[0], i, subject[1]), triples, j


def _constraint_ends(tokens: list) -> set[int]:
    """The indices of the ``)`` tokens that end a ``FILTER`` or a ``BIND`` (``FILTER(…)``, ``FILTER regex(…)``,
    ``FILTER <f>(…)``, ``BIND(… AS ?v)``): a triples block may follow them in their group, as it may follow ``.``,
    ``{`` or ``}`` (a collection's ``)`` ends a subject or an object, never a sentence). One pass over the tokens."""
    ends, opened = set(), []
    for j, token in enumerate(tokens):
        if token[0] != "other":
            continue
        if token[1] == "(":
            opened.append(j)
        elif token[1] == ")" and opened:
            k = opened.pop()
            named = k > 1 and tokens[k - 1][0] in ("word", "iri", "pname") and _word(tokens[k - 2], "FILTER")
            if k and (_word(tokens[k - 1], "FILTER", "BIND") or named):  # FILTER(…), BIND(…); FILTER regex(…)
                ends.add(j)
    return ends


def _zero_length_triple(
    query: str,
    tokens: list,
    subject: tuple,
    triple: tuple,
    distinct_only: bool,
    node: Callable[[str], bool] | None,
    in_graph: bool = False,
) -> str | None:
    """The triple ``s P o`` written with its zero-length solution, if ``P`` is one path element with ``*`` or ``?``
    and an end is a constant; else None. A variable end: ``{ SELECT DISTINCT ?v { { s P o } UNION { VALUES ?v
    { c } } } }``, unless ``node(c)`` (see :func:`zero_length_paths`); two constants: ``{ FILTER(sameTerm(s, o) ||
    EXISTS { s P o }) }``. ``in_graph``: the triple is within ``GRAPH <iri>``, whose group is empty where the IRI
    names no graph of the dataset (section 18.6), while the engine joins a ``VALUES`` there as if it did: the
    zero-length solution is then given only where the graph holds a triple (:data:`_GRAPH_HOLDS_A_TRIPLE`)."""
    verb_first, verb_after, obj_kind, obj_first, obj_after = triple
    modifiers = ("*", "?", "+") if distinct_only else ("*", "?")
    if _path_end(tokens, verb_first, modifiers) != verb_after - 1 and (
        distinct_only or not _bracketed(tokens, verb_first, verb_after)
    ):
        return None

    def text(first: int, after: int) -> str:
        return query[tokens[first][2] : tokens[after - 1][3]]

    s, p, o = text(subject[1], subject[2]), text(verb_first, verb_after), text(obj_first, obj_after)
    kinds = (subject[0], obj_kind)
    if distinct_only:
        if p.endswith("+") and kinds in (("const", "var"), ("var", "const")):  # no zero-length solution: a set
            var = o if kinds == ("const", "var") else s
            return f"{{ SELECT DISTINCT {var} {{ {s} {p} {o} }} }}"
        if kinds == ("const", "var") and tokens[subject[1]][0] in ("iri", "pname"):
            return f"{{ SELECT DISTINCT {o} {{ {s} {p} {o} }} }}"
        if kinds == ("var", "const") and tokens[obj_first][0] in ("iri", "pname"):
            return f"{{ SELECT DISTINCT {s} {{ {s} {p} {o} }} }}"
        if kinds == ("var", "const"):  # a literal: Virtuoso gave one row with ?v unbound; the path's steps stay its
            steps = query[tokens[verb_first][2] : tokens[verb_after - 1][2]] + ("+" if p.endswith("*") else "")
            return f"{{ SELECT DISTINCT {s} {{ {{ VALUES {s} {{ {o} }} }} UNION {{ {s} {steps} {o} }} }} }}"
        return None
    held = f" && {_GRAPH_HOLDS_A_TRIPLE}" if in_graph else ""
    if kinds == ("const", "const"):
        return f"{{ FILTER((sameTerm({s}, {o}){held}) || EXISTS {{ {s} {p} {o} }}) }}"
    if kinds in (("const", "var"), ("var", "const")):
        var, term = (o, s) if kinds == ("const", "var") else (s, o)
        if node is not None and node(term):
            return None  # the engine gives the zero-length solution itself, without the sub-query's cost
        where = f" FILTER({_GRAPH_HOLDS_A_TRIPLE})" if in_graph else ""
        return f"{{ SELECT DISTINCT {var} {{ {{ {s} {p} {o} }} UNION {{ VALUES {var} {{ {term} }}{where} }} }} }}"
    return None


# within GRAPH <iri>: whether the graph is one of the dataset's (the store holds no empty named graph); variables
# no query of the project's, nor a reader's, would name (and the sub-query projects only its own end)
_GRAPH_HOLDS_A_TRIPLE = "EXISTS { ?_zeroLengthS ?_zeroLengthP ?_zeroLengthO }"


def _within_graph_iri(tokens) -> set[int]:
    """The indexes of the tokens inside the group of a ``GRAPH <iri>`` or ``GRAPH prefix:name`` (at any depth)."""
    inside: set[int] = set()
    stack: list[bool] = []
    for i, token in enumerate(tokens):
        if token[:2] == ("other", "{"):
            named = i >= 2 and tokens[i - 1][0] in ("iri", "pname") and _word(tokens[i - 2], "GRAPH")
            stack.append(named or bool(stack and stack[-1]))
        elif token[:2] == ("other", "}") and stack:
            stack.pop()
        if stack and stack[-1]:
            inside.add(i)
    return inside


def _sentences(query: str, tokens: list):
    """Each sentence (:func:`_sentence`) where a triples block may start (after ``{``, ``.``, ``}``, or the ``)``
    ending a ``FILTER`` or ``BIND``: :func:`_constraint_ends`), as ``(index of its first token, subject, triples,
    index after it)``."""
    constraint_ends = _constraint_ends(tokens)
    i = 1
    while i < len(tokens):
        starts = tokens[i - 1][:2] in _SENTENCE_AFTER or i - 1 in constraint_ends
        found = _sentence(query, tokens, i) if starts else None
        if found is None:
            i += 1
            continue
        subject, triples, after = found
        yield i, subject, triples, after
        i = after


def zero_length_paths(query: str, distinct_only: bool = False, node: Callable[[str, str], bool] | None = None) -> str:
    """``query`` with each triple ``c P* ?v`` / ``c P? ?v`` / ``?v P* c`` of a constant ``c`` (an IRI or a literal)
    written so that ``?v = c`` is among its solutions whether or not ``c`` occurs in the graph, and each ``c P* d``
    of two constants true where ``c`` and ``d`` are the same term (section 18.5: the zero-length path from a term
    ``x`` gives ``x`` itself, ``ALP`` adding ``x`` first; W3C tests ``zero_or_more_set_start`` / ``_end``,
    ``zero_or_one_set_start`` / ``_end``). Oxigraph 0.5.13 gives ``c`` only where it occurs in the active graph
    (``ASK { :zz :p* :zz }`` was false). A variable end: the triple becomes ``{ SELECT DISTINCT ?v { { c P* ?v }
    UNION { VALUES ?v { c } } } }`` (the path's solutions are a set, ``c`` among them once); two constants: ``{
    FILTER(sameTerm(c, d) || EXISTS { c P* d }) }``. ``P`` is one path element with ``*`` or ``?``, alone or
    in brackets (``(P*)``, ``^(P?)``: :func:`_bracketed`). A triple
    inside a property or object list (``c P* ?v ; :q ?w``, ``c P* ?v , ?w``) is taken out of it: the sentence is
    written as its triples joined by ``.``, which is what it means (section 18.2.1). A sentence is read where a
    triples block may start: after ``{``, ``.``, ``}``, or the ``)`` ending a ``FILTER`` or ``BIND`` in its group
    (:func:`_constraint_ends`; round 14 found ``{ FILTER(…) c P* ?v }`` left to the engine). Left as written: a sentence
    whose subject is a blank node (the list shares it), one with a ``[ … ]`` or a collection, and every sentence
    of a query holding a blank node label (taking a triple out of its basic graph pattern would put the label in
    two).

    ``distinct_only`` (Virtuoso 7.2, which gives the zero-length solution of an IRI but repeats a node the path
    reaches twice, and answers neither the union nor the ``sameTerm`` form right): only a triple between an IRI and
    a variable is rewritten, to ``{ SELECT DISTINCT ?v { c P* ?v } }``, and ``?v P* lit`` of a literal (Virtuoso
    gave one row with ``?v`` unbound) to ``{ SELECT DISTINCT ?v { { VALUES ?v { lit } } UNION { ?v P+ lit } } }``
    (``P`` without its ``?`` for ``P?``): the zero-length solution, then the paths of one step or more. A path of
    one step or more between a constant and a variable (``c P+ ?v``, ``?v P+ c``), whose solutions are a set too
    and which Virtuoso repeats the same way (W3C ``pp12``, ``pp21``, ``pp23``, ``pp25``), is written ``{ SELECT
    DISTINCT ?v { c P+ ?v } }``.

    ``node(prologue, c)``, where given (:func:`.query.evaluate`, when every pattern is matched in the store's
    default graph): whether the constant ``c`` (as written; ``prologue``: the query's ``BASE`` and ``PREFIX``
    declarations) is a subject or an object of the active graph. The engine then gives ``?v = c`` itself (measured:
    Oxigraph 0.5.13 gives the zero-length solution of a term that is a subject or an object of the active graph,
    not of one that is only a predicate or absent), and the triple is left as written: the sub-query made the
    engine join it after a scan of the other patterns (the bench's ``?e a ?class . ?class rdfs:subClassOf*
    csto:Event``, in process: 2.90 ms rewritten, 0.60 ms as written)."""
    text = _WHOLE_LINE_COMMENT.sub("", query) if "#" in query else query
    if "*" not in text and not _LONE_QUESTION_MARK.search(text) and not (distinct_only and "+" in text):
        return query  # the common case: every "?" starts a variable (or ends a question in a comment)
    tokens = _tokens(query)
    if any(_blank_labels(tokens)):
        return query
    edits = []
    in_graph = _within_graph_iri(tokens) if not distinct_only and "graph" in query.lower() else set()
    if node is not None:
        form = next((t[2] for t in tokens if _word(t, "SELECT", "CONSTRUCT", "DESCRIBE", "ASK")), 0)
        prologue = query[:form]
        node_of = partial(node, prologue)
    else:
        node_of = None
    for i, subject, triples, after in _sentences(query, tokens):
        written = [
            _zero_length_triple(query, tokens, subject, t, distinct_only, node_of, i in in_graph) for t in triples
        ]
        if subject[0] != "bnode" and any(written):
            s = query[tokens[subject[1]][2] : tokens[subject[2] - 1][3]]
            written = [
                w
                or f"{s} {query[tokens[t[0]][2] : tokens[t[1] - 1][3]]} {query[tokens[t[3]][2] : tokens[t[4] - 1][3]]}"
                for w, t in zip(written, triples, strict=True)
            ]
            edits.append((tokens[i][2], tokens[after - 1][3], " . ".join(written)))
    return apply_edits(query, edits)


def _alternatives(tokens: list, first: int, after: int, inverse: bool = False) -> list[tuple[int, int, bool]]:
    """The alternatives of the path ``tokens[first:after]`` (section 18.4: ``P|Q``, also in brackets and under
    ``^``: ``^(P|Q)`` is ``^P|^Q``), each ``(first, after, inverse)``, nested alternatives flattened; the path itself
    alone if it has none."""
    while True:
        if tokens[first][:2] == ("other", "(") and _closing(tokens, first) == after - 1:
            first, after = first + 1, after - 1
        elif (
            tokens[first][:2] == ("other", "^")
            and first + 1 < after
            and tokens[first + 1][:2] == ("other", "(")
            and _closing(tokens, first + 1) == after - 1
        ):
            first, after, inverse = first + 2, after - 1, not inverse
        else:
            break
    parts, depth, start = [], 0, first
    for k in range(first, after):
        text = tokens[k][1] if tokens[k][0] == "other" else ""
        depth += (text == "(") - (text == ")")
        if text == "|" and depth == 0:
            parts.append((start, k))
            start = k + 1
    if not parts:
        return [(first, after, inverse)]
    parts.append((start, after))
    return [alt for f, a in parts for alt in _alternatives(tokens, f, a, inverse)]


def path_alternatives_as_unions(query: str) -> str:
    """``query`` with each triple whose path is an alternative (``s P|Q o``, ``s (P|Q) o``, ``s ^(P|Q) o``) written
    as the union of its alternatives, ``{ { s P o } UNION { s Q o } }``: section 18.4 evaluates an alternative
    path as the multiset union of its alternatives' solutions, the duplicates kept, where Oxigraph 0.5.13 gives each
    solution once (``:x (rdfs:label|skos:prefLabel) ?l`` of a label written by both: one row, not two; an outside
    read, 2026-12-08). Read as :func:`zero_length_paths` reads sentences (a triple in a property or object list is
    taken out of it); left as written: an alternative inside a sequence or under a modifier (``(P|Q)/R``,
    ``(P|Q)*``), a sentence with a blank node subject or object, and every sentence of a query holding a blank node
    label."""
    if "|" not in query:
        return query
    tokens = _tokens(query)
    if not any(t[:2] == ("other", "|") for t in tokens) or any(_blank_labels(tokens)):
        return query
    edits = []
    for i, subject, triples, after in _sentences(query, tokens):

        def text(first: int, after: int) -> str:
            return query[tokens[first][2] : tokens[after - 1][3]]

        s = text(subject[1], subject[2])
        written, changed = [], False
        for verb_first, verb_after, obj_kind, obj_first, obj_after in triples:
            o = text(obj_first, obj_after)
            alternatives = _alternatives(tokens, verb_first, verb_after) if tokens[verb_first][0] != "var" else []
            if len(alternatives) > 1 and subject[0] != "bnode" and obj_kind != "bnode":
                branches = (f"{'^(' if inv else ''}{text(f, a)}{')' if inv else ''}" for f, a, inv in alternatives)
                written.append("{ " + " UNION ".join(f"{{ {s} {b} {o} }}" for b in branches) + " }")
                changed = True
            else:
                written.append(f"{s} {text(verb_first, verb_after)} {o}")
        if changed:
            edits.append((tokens[i][2], tokens[after - 1][3], " . ".join(written)))
    return apply_edits(query, edits)


def union_branches_selected(query: str) -> str:
    """``query`` with each operand of ``UNION`` that is an empty group, or a group holding only a ``VALUES``, written
    as a sub-query of itself: ``{ }`` becomes ``{ SELECT * { } }``, ``{ VALUES ?x { … } }`` becomes ``{ SELECT * {
    VALUES ?x { … } } }`` (the same solutions: ``SELECT *`` with no modifier projects what the group binds).
    Virtuoso 7.2 dropped such a branch (``{ ?s a :C } UNION { }`` lacked the empty solution,
    ``{ VALUES ?x { 1 2 } } UNION { BIND(3 AS ?y) }`` lacked 1 and 2, ``{ VALUES ?x { 1 } } UNION { }`` had no
    row at all) and answers the sub-query right."""
    if "union" not in query.lower():
        return query
    tokens = _tokens(query)
    edits = []
    for i, token in enumerate(tokens):
        if token[:2] != ("other", "{"):
            continue
        end = _closing_brace(tokens, i)
        if end is None:
            return query
        operand = (i > 0 and _word(tokens[i - 1], "UNION")) or (
            end + 1 < len(tokens) and _word(tokens[end + 1], "UNION")
        )
        if not operand:
            continue
        inner = tokens[i + 1 : end]
        if not inner:
            edits.append((token[3], tokens[end][2], " SELECT * { } "))
        elif _word(inner[0], "VALUES"):
            block = next((k for k in range(i + 1, end) if tokens[k][:2] == ("other", "{")), None)
            if block is not None and _closing_brace(tokens, block) == end - 1:
                edits.append((token[3], tokens[end][2], f" SELECT * {{ {query[inner[0][2] : inner[-1][3]]} }} "))
    return apply_edits(query, edits)


def subquery_locals_renamed(query: str) -> str:
    """``query`` with each variable that a sub-query uses but does not project given, inside that sub-query, a name
    of its own (``?x`` becomes ``?sq1_x``). Section 18.2.1: a variable the sub-query's SELECT does not project is
    not in scope outside it (the sub-query is evaluated first, alone), so the name is the sub-query's and another
    one changes no solution. Virtuoso 7.2 joined it with the graph variable of that name: ``GRAPH ?g { { SELECT ?x
    { ?x ?p ?g } } }`` had no row (the W3C evaluation suite's ``sq03``), where each named graph gives its
    subjects. A sub-query projecting ``*`` keeps its names (all are projected); one inside another is renamed
    after it."""
    if "select" not in query.lower():
        return query
    tokens = _tokens(query)
    selects = [i for i in range(1, len(tokens)) if _word(tokens[i], "SELECT") and tokens[i - 1][:2] == ("other", "{")]
    if not selects:
        return query
    names = {k: t[1][1:] for k, t in enumerate(tokens) if t[0] == "var"}  # $x and ?x name one variable
    taken = set(names.values())
    renamed: dict[int, str] = {}
    for n, i in enumerate(selects, 1):
        end = _closing_brace(tokens, i - 1)
        projected = _projected(tokens, i, end, names) if end is not None else None
        if projected is None:
            continue  # SELECT *, or braces that do not balance: left as written
        fresh: dict[str, str] = {}
        for k in range(i + 1, end):
            if k in names and names[k] not in projected:
                if names[k] not in fresh:
                    name = f"sq{n}_{names[k]}"
                    while name in taken:
                        name += "_"
                    taken.add(name)
                    fresh[names[k]] = name
                names[k] = renamed[k] = fresh[names[k]]
    return apply_edits(query, [(tokens[k][2], tokens[k][3], "?" + name) for k, name in renamed.items()])


def _projected(tokens: list, select: int, end: int, names: dict[int, str]) -> set[str] | None:
    """The variables the SELECT at ``tokens[select]`` projects (bare, or named by ``AS``), None for ``*``."""
    projected, depth = set(), 0
    for k in range(select + 1, end):
        kind, text = tokens[k][:2]
        if kind == "other" and text == "(":
            depth += 1
        elif kind == "other" and text == ")":
            depth -= 1
        elif depth == 0 and (kind == "other" and text == "{" or _word(tokens[k], "WHERE")):
            return projected
        elif depth == 0 and kind == "other" and text == "*":
            return None
        elif kind == "var" and (depth == 0 or _word(tokens[k - 1], "AS")):
            projected.add(names[k])
    return None


def _closing_brace(tokens: list, i: int) -> int | None:
    """The index of the ``}`` matching the ``{`` at ``tokens[i]``."""
    return _closing(tokens, i, "{", "}")


MAX_UNROLLED = 1_000_000  # characters of a query with its GRAPH ?var groups unrolled; past it, refused
# in a GRAPH ?var group, a sub-query or a MINUS makes Oxigraph 0.5.13 answer wrong, and so does a VALUES: a VALUES row
# joined with no pattern has no graph (GRAPH ?g { VALUES ?x { 1 } } gives one row with ?g unbound, SPARQL one per
# named graph); Virtuoso 7.2 gives a BIND's row none (GRAPH ?g { BIND (1 AS ?x) }: no row)
_GROUP_ROW_WORDS = ("VALUES",)
# The keyword GRAPH, then a variable, with only whitespace and comments between (also where the text is a name or in
# a string: a quick look, which may find more than there is, never less)
_GRAPH_VARIABLE = re.compile(r"graph(?:\s|#[^\r\n]*)*[?$]")  # in lower case, where a word starts (word_found)


def _graph_groups(tokens: list, keep_mentioned: bool = False) -> list[tuple[int, int]] | None:
    """(index of ``GRAPH``, index of its group's ``}``) of each ``GRAPH ?var { … }`` holding a sub-query, a
    ``MINUS`` or a ``VALUES``, or reading ``?var`` in an expression or a ``VALUES``, and no other such group (the innermost); None if
    the braces do not balance. ``keep_mentioned`` (Virtuoso's): not one holding a sub-query or ``MINUS`` whose group
    names ``?var`` itself, and one holding a ``BIND`` too."""
    close: dict[int, int] = {}
    stack: list[int] = []
    for i, (kind, text, _, _) in enumerate(tokens):
        if kind == "other" and text == "{":
            stack.append(i)
        elif kind == "other" and text == "}":
            if not stack:
                return None
            close[stack.pop()] = i
    if stack:
        return None
    groups = [
        (i, close[i + 2])
        for i in range(len(tokens) - 2)
        if _word(tokens[i], "GRAPH") and tokens[i + 1][0] == "var" and tokens[i + 2][1] == "{"
    ]
    holding = {(i, end) for i, end in groups if any(_word(t, "SELECT", "MINUS") for t in tokens[i + 3 : end])}
    rows = _GROUP_ROW_WORDS + (("BIND",) if keep_mentioned else ())  # Virtuoso 7.2 gives a BIND's group no row
    joined = {(i, end) for i, end in groups if any(_word(t, *rows) for t in tokens[i + 3 : end])}
    groups = [(i, end) for i, end in groups if (i, end) in holding | joined or _reads_its_variable(tokens, i, end)]
    if keep_mentioned:
        groups = [
            (i, end)
            for i, end in groups
            if (i, end) not in holding
            or not any(t[0] == "var" and t[1][1:] == tokens[i + 1][1][1:] for t in tokens[i + 3 : end])
        ]
    return [(i, end) for i, end in groups if not any(i < j < end for j, _ in groups)]


def _reads_its_variable(tokens: list, i: int, end: int) -> bool:
    """Whether the group of ``GRAPH ?var`` at ``tokens[i]`` (its ``}`` at ``end``) reads ``?var`` in an expression
    (within parentheses: ``FILTER``, ``BIND``, a call; or in the group of a ``FILTER [NOT] EXISTS``, which sees the
    row's variables), binds it in a ``VALUES``, or names it in the group of an ``OPTIONAL``. Section 18.6 evaluates
    the group before joining it with ``?var``, so there ``?var`` is unbound, or the group's own: Oxigraph 0.5.13 and
    Virtuoso 7.2 read it as the graph's name (the W3C evaluation suites' ``graph-variable-scope``: ``GRAPH ?g { FILTER
    (BOUND(?g)) }`` gave every named graph, SPARQL none; ``bindings/graph``: a ``VALUES (?g ?t)`` row with ``UNDEF``
    was not joined with each named graph; ``graph-optional``: in ``GRAPH ?g { ?s ?p ?o OPTIONAL { ?s ?p ?g } }`` the
    ``OPTIONAL`` binds ``?g`` to each row's object, which is then not the graph's name, so no row is left, where the
    engine matched it against the graph's name, found nothing and kept every row)."""
    name, depth, group_ends = tokens[i + 1][1][1:], 0, []
    for k in range(i + 3, end):
        kind, text = tokens[k][:2]
        if kind == "other" and text in "()":
            depth += 1 if text == "(" else -1
        elif _word(tokens[k], "EXISTS", "OPTIONAL") and tokens[k + 1][:2] == ("other", "{"):
            group_ends.append(_closing_brace(tokens, k + 1) or end)
        elif kind == "var" and text[1:] == name:
            if depth > 0 or _word(tokens[k - 1], "VALUES") or any(k < e for e in group_ends):
                return True
    return False


def _blank_labels(tokens: list) -> dict[int, str]:
    """Token index -> label of each blank node label ``_:label`` (the word ``_`` and the name ``:label`` after it)."""
    return {
        k + 1: tokens[k + 1][1][1:]
        for k in range(len(tokens) - 1)
        if tokens[k][:2] == ("word", "_")
        and tokens[k + 1][0] == "pname"
        and tokens[k + 1][1].startswith(":")
        and tokens[k][3] == tokens[k + 1][2]
    }


def _body(query: str, tokens: list, start: int, end: int, labels: dict[int, str], suffix: str) -> str:
    """The text of ``tokens[start..end]`` with each blank node label in it given ``suffix``: a label stands for
    one blank node in one basic graph pattern (SPARQL 1.1, 4.1.4), so each copy of a group needs its own."""
    edits = [(tokens[k][2], tokens[k][3], f":{labels[k]}{suffix}") for k in range(start, end) if k in labels]
    return apply_edits(query, edits)[tokens[start][2] : tokens[end][3] + sum(len(suffix) for _ in edits)]


def graph_groups_unrolled(query: str, named: Callable[[], list[str]], keep_mentioned: bool = False) -> str:
    """``query`` with each ``GRAPH ?var { P }`` whose ``P`` holds a sub-query, a ``MINUS`` or a ``VALUES``, or reads ``?var`` in an
    expression, a ``VALUES`` or an ``OPTIONAL`` (:func:`_reads_its_variable`), written as the union,
    over the dataset's named graphs (absolute IRIs, ``named()``, asked only if needed), of ``{ VALUES ?var { <g> } GRAPH <g> { P } }``; unchanged
    if there is none (or the braces do not balance: the parser says so). :class:`UserError` past
    :data:`MAX_UNROLLED` characters. ``keep_mentioned``: a group holding a sub-query or a ``MINUS`` whose ``P``
    itself names ``?var`` is left as written (Virtuoso 7.2 joins ``VALUES ?g { <g> }`` with a sub-query projecting an unbound ``?g`` into one row
    of unbound variables, where it answers the group as written right)."""
    lowered = query.lower()
    if "graph" not in lowered or not word_found(_GRAPH_VARIABLE, lowered):
        return query  # no GRAPH followed by a variable: most queries ("graph" in a comment or a name is not one)
    graphs = None
    while True:
        tokens = _tokens(query)
        groups = _graph_groups(tokens, keep_mentioned)
        if not groups:
            return query
        if graphs is None:
            graphs = named()
        labels = _blank_labels(tokens)
        tag = next(f"u{n}" for n in range(len(labels) + 1) if not any(f"-u{n}" in x for x in labels.values()))
        edits = []
        for j, (i, end) in enumerate(groups):
            var = tokens[i + 1][1]
            branches = [
                f"{{ VALUES {var} {{ <{g}> }} GRAPH <{g}> {_body(query, tokens, i + 2, end, labels, f'-{tag}x{j}x{c}')} }}"
                for c, g in enumerate(graphs)
            ]
            edits.append(
                (tokens[i][2], tokens[end][3], "{ " + (" UNION ".join(branches) or f"VALUES {var} {{ }}") + " }")
            )
        if sum(len(text) - (end - start) for start, end, text in edits) + len(query) > MAX_UNROLLED:
            raise UserError(
                "the query has a sub-query, a MINUS, a VALUES, an expression or an OPTIONAL reading ?var inside GRAPH ?var, which the "
                "store's engine (Oxigraph 0.5.13, Virtuoso 7.2) evaluates against the wrong graph; the endpoint "
                "answers it right by repeating the group once "
                f"per named graph ({len(graphs)}), which here would pass {MAX_UNROLLED:,} characters. "
                "Name the graph (GRAPH <iri>), or restrict the named graphs (FROM NAMED / named-graph-uri)"
            )
        query = apply_edits(query, edits)


_CLOSURES = frozenset({"*", "+"})
_MODIFIERS = frozenset({"*", "+", "?"})
_PATH_PRIMARY = frozenset({"iri", "pname"})


def _modifier(tokens: list, i: int) -> str | None:
    t = tokens[i] if i < len(tokens) else None
    return t[1] if t is not None and t[0] == "other" and t[1] in _MODIFIERS else None


def nested_closures_collapsed(query: str) -> str:
    """``query`` with each chain of closures of closures (``((P)*)*``, ``(p*)+``…) written as one closure (see the
    module); the same object if it has none."""
    if ")" not in query or not any(m in query for m in ("*", "+")):
        return query
    tokens = _tokens(query)
    match: dict[int, int] = {}
    stack: list[int] = []
    for i, t in enumerate(tokens):
        if t[0] == "other" and t[1] == "(":
            stack.append(i)
        elif t[0] == "other" and t[1] == ")":
            if not stack:
                return query  # unbalanced: the parser says where
            match[stack.pop()] = i
    if stack:
        return query
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        close = match.get(i)
        outer = _modifier(tokens, close + 1) if close is not None else None
        if outer not in _CLOSURES:
            i += 1
            continue
        # Walk inward while the group holds one closed path: an inner group or a primary, and its modifier.
        start, end, modifier, depth = i, close, outer, 0
        while True:
            inner = _modifier(tokens, end - 1)
            if inner is None:
                break
            if end - start == 3 and (tokens[start + 1][0] in _PATH_PRIMARY or _word(tokens[start + 1], "A")):
                modifier, depth = ("+" if modifier == inner == "+" else "*"), depth + 1
                start, end = start + 1, start + 1  # the primary itself
                break
            inner_close = match.get(start + 1)
            if inner_close != end - 2:
                break
            modifier, depth = ("+" if modifier == inner == "+" else "*"), depth + 1
            start, end = start + 1, inner_close
        if depth == 0:
            i += 1
            continue
        body = query[tokens[start][2] : tokens[end][3]] if start != end else tokens[start][1]
        if start == end:
            body = "(" + body + ")"
        edits.append((tokens[i][2], tokens[close + 1][3], body + modifier))
        i = close + 2
    return apply_edits(query, edits)


def apply_edits(query: str, edits: list[tuple[int, int, str]]) -> str:
    """``query`` with each (start, end, text) edit's span replaced by its text (the spans do not overlap)."""
    if not edits:
        return query
    out, at = [], 0
    for start, end, text in sorted(edits):
        out += [query[at:start], text]
        at = end
    return "".join(out) + query[at:]


def _closing(tokens: list, i: int, opening: str = "(", closing: str = ")") -> int | None:
    """The index of the ``)`` (``closing``) matching the ``(`` (``opening``) at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j][0] == "other" and tokens[j][1] == opening:
            depth += 1
        elif tokens[j][0] == "other" and tokens[j][1] == closing:
            depth -= 1
            if depth == 0:
                return j
    return None


def _count(expr: str, distinct: bool) -> str:
    """``COUNT([DISTINCT] expr)`` without the engine's unbound result when ``expr`` errors for some row.

    ``COALESCE(IF(sameTerm(e, e), 1, 1), 0)`` is 1 where ``e`` has a value and 0 where it is an error (IF and
    sameTerm pass an error on; COALESCE replaces it), whatever ``e``'s value: the sum of it is the count. With
    DISTINCT, the distinct values plus one marker for the errors are counted, and the marker taken off again if
    there was an error (the ``MAX`` of 1 per error, 0 per value; 0 for an empty group).
    """
    has = f"COALESCE(IF(sameTerm({expr}, {expr}), 1, 1), 0)"
    if not distinct:
        return f"SUM({has})"
    marker = "<urn:x-csto-kg:count-error>"
    erred = f"COALESCE(MAX(1 - {has}), 0)"
    return f"(COUNT(DISTINCT COALESCE({expr}, {marker})) - {erred})"


def count_errors_skipped(query: str) -> str:
    """``query`` with each ``COUNT(expr)`` that may error rewritten (:func:`_count`); ``COUNT(*)`` and
    ``COUNT([DISTINCT] ?var)`` are left as written."""
    if "count" not in query.lower():
        return query
    tokens = _tokens(query)
    edits = []
    covered = -1
    for i, t in enumerate(tokens):
        if i <= covered or not _word(t, "COUNT") or i + 1 >= len(tokens) or tokens[i + 1][1] != "(":
            continue
        end = _closing(tokens, i + 1)
        if end is None:
            return query  # malformed: the parser says so
        inner = tokens[i + 2 : end]
        distinct = bool(inner) and _word(inner[0], "DISTINCT")
        if distinct:
            inner = inner[1:]
        if not inner or (len(inner) == 1 and inner[0][0] in ("var", "other")):  # ?var, or *
            continue
        expr = query[inner[0][2] : inner[-1][3]]
        if any(_word(x, "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT") for x in inner):
            return query  # an aggregate inside an aggregate: malformed, the parser says so
        edits.append((t[2], tokens[end][3], _count(expr, distinct)))
        covered = end
    return apply_edits(query, edits)


_GROUP_CLAUSE_ENDS = frozenset({"HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"})


def group_aliases_kept(query: str) -> str:
    """``query`` with each grouping condition ``(?v AS ?g)`` (the variable in any number of parentheses) written
    ``(COALESCE(?v) AS ?g)``; ``query`` itself if it has none."""
    if "group" not in query.lower():  # most queries: no scan of their tokens
        return query
    tokens = _tokens(query)
    edits = []
    for i in range(len(tokens) - 1):
        if not (_word(tokens[i], "GROUP") and _word(tokens[i + 1], "BY")):
            continue
        j = i + 2
        while j < len(tokens) and not _word(tokens[j], *_GROUP_CLAUSE_ENDS) and tokens[j][1] not in ("{", "}"):
            close = _closing(tokens, j) if tokens[j][1] == "(" else None
            if close is None:
                j += 1
                continue
            alias = next((k for k in range(j + 1, close) if _word(tokens[k], "AS")), None)
            expression = tokens[j + 1 : alias] if alias is not None else ()
            variables = [t for t in expression if t[0] == "var"]
            if len(variables) == 1 and all(t[1] in "()" and t[0] == "other" for t in expression if t[0] != "var"):
                v = variables[0]
                edits.append((v[2], v[3], f"COALESCE({v[1]})"))
            j = close + 1
    return apply_edits(query, edits)


def _prologue(tokens: list) -> int:
    """The index of the first token after the prologue (``BASE`` / ``PREFIX`` declarations)."""
    return read_prologue(tokens, "").end


def select_star(query: str) -> bool:
    """Is ``query`` a ``SELECT [DISTINCT|REDUCED] *``?"""
    tokens = _tokens(query)
    i = _prologue(tokens)
    if i >= len(tokens) or not _word(tokens[i], "SELECT"):
        return False
    i += 1
    if i < len(tokens) and _word(tokens[i], "DISTINCT", "REDUCED"):
        i += 1
    return i < len(tokens) and tokens[i][1] == "*"


def select_distinct(query: str) -> bool:
    """Is ``query`` a ``SELECT DISTINCT`` or ``SELECT REDUCED`` (its own projection, not a sub-query's)?"""
    tokens = _tokens(query)
    i = _prologue(tokens)
    return i + 1 < len(tokens) and _word(tokens[i], "SELECT") and _word(tokens[i + 1], "DISTINCT", "REDUCED")


def dangling_semicolons_dropped(query: str) -> str:
    """``query`` without each ``;`` that ends a property list (``:s :p :o ; .``, ``:s :p :o ; OPTIONAL { … }``):
    SPARQL allows it (rule 83: the verb after ``;`` is optional), Virtuoso 7.2's parser refuses it (``syntax-struct-11``
    and ``-12`` of the W3C suite). A ``;`` before a verb (an IRI, a prefixed name, ``a``, a variable, a path) or
    before ``SEPARATOR`` (``GROUP_CONCAT(?x ; SEPARATOR = …)``) stays; ``query`` itself if none is dropped."""
    if ";" not in query:
        return query
    tokens = _tokens(query)
    edits = []
    for i, (kind, text, start, end) in enumerate(tokens):
        if kind != "other" or text != ";":
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ("other", "}", end, end)
        if (after[0] == "other" and after[1] in ".;]}{") or (
            after[0] == "word" and after[1].upper() not in ("A", "SEPARATOR")
        ):
            edits.append((start, end, " "))
    return apply_edits(query, edits)


# what a character decoded from an escape is written as inside a quoted string: one that would end or break it
_IN_STRING = {'"': '\\"', "'": "\\'", "\\": "\\\\", "\n": "\\n", "\r": "\\r"}
# characters an IRI cannot hold (SPARQL rule 139), a decoded one among them: the escape stays as written
_NOT_IN_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def escapes_decoded_in_terms(query: str) -> str:
    """``query`` with the ``\\u`` / ``\\U`` escapes inside its IRIs and strings decoded, as Oxigraph reads them
    (``<\\u0078>`` is ``<x>``, ``"xx\\u0078"`` is ``"xxx"``): Virtuoso 7.2's parser refuses them (``syntax-esc-04``
    and ``-05`` of the W3C suite). A character that would end or break a string is written as its escape (``\\"``);
    an IRI whose decoded form an IRI cannot hold is left as written. Escapes elsewhere are the parser's to refuse
    (:mod:`csto_kg.query` checks the query with Oxigraph first); ``query`` itself if it holds none."""
    if "\\u" not in query and "\\U" not in query:
        return query
    edits = []
    for kind, text, start, end in _tokens(query):
        if kind not in ("iri", "string") or not _CODEPOINT.search(text):
            continue
        if kind == "iri":
            decoded = unescape_codepoints(text[1:-1])
            if not _NOT_IN_IRI.search(decoded):
                edits.append((start, end, f"<{decoded}>"))
            continue
        edits.append((start, end, _STRING_ESCAPE.sub(_string_char, text)))
    return apply_edits(query, edits)


# an escape in a string: a code point, or any other (``\\u0078`` is a backslash and "u0078", as the lexer reads it)
_STRING_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|.)", re.DOTALL)


def _string_char(m: re.Match) -> str:
    if m.group(1) is None and m.group(2) is None:
        return m.group()
    cp = int(m.group(1) or m.group(2), 16)
    if cp > 0x10FFFF:
        return m.group()
    return _IN_STRING.get(chr(cp), chr(cp))


def prefixed_names_expanded(query: str, base: str) -> str:
    """``query`` with each prefixed name written as the IRI it stands for (``:c:d`` is ``<http://example/c:d>``,
    ``og:audio%3Atitle`` and ``:c\\~z\\.`` likewise, the local name's ``\\`` escapes taken off), by the query's own
    ``PREFIX`` declarations, resolved against its ``BASE`` or ``base``. SPARQL's prefixed names are wider than
    Virtuoso 7.2's: a colon, a ``%`` or an escape in the local name is refused there (the W3C syntax suite's
    ``syn-pname-03`` to ``-07``, ``qname-escape-02``). The declarations stay; a name whose prefix is not declared,
    or whose IRI an IRI cannot hold, is left as written, and so is a blank node's label (``_:a``)."""
    if ":" not in query:
        return query
    tokens = _tokens(query)
    prologue = read_prologue(tokens, base)
    edits = []
    for i in range(prologue.end, len(tokens)):
        kind, text, start, end = tokens[i]
        blank = i > 0 and tokens[i - 1][1] == "_" and tokens[i - 1][3] == start  # _:label
        if kind == "pname" and not blank:
            edits += _expanded(prologue.prefixes, text, start, end)
    return apply_edits(query, edits)


def _expanded(prefixes: dict[str, str], text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The edit writing the prefixed name ``text`` (at ``start``) as its IRI; none if it cannot be written so. A
    local name never ends with an unescaped ``.`` (rule 169): one the lexer read with it is left after the IRI."""
    prefix, _, local = text.partition(":")
    namespace = prefixes.get(prefix)
    if namespace is None:
        return []
    trail = len(local) - len(local.rstrip("."))
    while trail and local[: len(local) - trail].endswith("\\"):  # an escaped dot belongs to the name
        trail -= 1
    local = local[: len(local) - trail]
    iri = namespace + re.sub(r"\\(.)", r"\1", local)
    if _NOT_IN_IRI.search(iri):
        return []
    return [(start, end - trail, f"<{iri}>")]


def group_concat_separator_written(query: str) -> str:
    """``query`` with each ``GROUP_CONCAT( … )`` that names no separator given SPARQL's default one, a single
    space (section 18.5.1.7): Virtuoso 7.2 has no default and fails (the W3C syntax suite's ``syntax-aggregate-13``
    and ``-14``). ``query`` itself if every one names its separator."""
    if "group_concat" not in query.lower():
        return query
    tokens = _tokens(query)
    edits = []
    for i, (kind, text, _, _) in enumerate(tokens[:-1]):
        if kind != "word" or text.upper() != "GROUP_CONCAT" or tokens[i + 1][1] != "(":
            continue
        close = _closing(tokens, i + 1)
        if close is None:
            continue
        depth, named = 0, False
        for kind2, text2, _, _ in tokens[i + 2 : close]:
            depth += text2 in "([{" if kind2 == "other" else 0
            depth -= text2 in ")]}" if kind2 == "other" else 0
            named = named or (depth == 0 and kind2 == "word" and text2.upper() == "SEPARATOR")
        if not named:
            edits.append((tokens[close][2], tokens[close][2], ' ; SEPARATOR = " "'))
    return apply_edits(query, edits)


def unused_variable(query: str, stem: str = "_unknown_function") -> str:
    """A variable (``?name``) that ``query`` does not hold anywhere in its text."""
    name = "?" + stem
    while name in query:
        name += "_"
    return name


def calls_as_errors(query: str, function: str, variable: str) -> str:
    """``query`` with each call of the function ``function`` (an IRI, written ``<…>``: prefixed names are written
    out first, :func:`prefixed_names_expanded`) replaced by what Virtuoso answers as an error. SPARQL makes a call
    of a function the store does not know an expression error (section 17.3), as the embedded store answers it;
    Virtuoso 7.2 fails the whole query ("Undefined procedure"). The call is replaced by ``variable``, one the query
    does not use (:func:`unused_variable`): an unbound variable is an error in an expression, as the call is
    (unbound in a BIND, false in a FILTER, skipped by COALESCE, first in an ORDER BY), where a failing cast would
    fail the query in some places (an ORDER BY). Virtuoso lists it among the columns of a ``SELECT *``: the caller
    drops it there. ``query`` itself if it holds no such call."""
    tokens = _tokens(query)
    edits = []
    i = 0
    while i < len(tokens) - 1:
        if tokens[i][0] == "iri" and tokens[i][1] == f"<{function}>" and tokens[i + 1][1] == "(":
            close = _closing(tokens, i + 1)
            if close is not None:
                edits.append((tokens[i][2], tokens[close][3], f"({variable})"))  # FILTER :f(?x) needs the brackets
                i = close
        i += 1
    return apply_edits(query, edits)


def one_base(query: str, base: str) -> str:
    """``query`` with exactly one ``BASE``, first: ``base`` if it declares none; else the IRIs of its prologue
    made absolute as SPARQL reads them (each against the ``BASE`` before it, the first against ``base``) and its
    last ``BASE`` (which the rest of the query is read against) the only one, put first."""
    tokens = _tokens(query)
    prologue = read_prologue(tokens, base)
    if not any(_word(tokens[i], "BASE") for i, _ in prologue.declarations):
        return f"BASE <{base}>\n{query}"
    edits = []
    for i, iri in prologue.declarations:
        if _word(tokens[i], "BASE"):
            edits.append((tokens[i][2], tokens[i + 1][3], ""))
        else:  # PREFIX p: <iri>
            edits.append((tokens[i + 2][2], tokens[i + 2][3], f"<{iri}>"))
    return f"BASE <{prologue.base}>\n" + apply_edits(query, edits)


def confine_graphs(query: str, named: list[str], base: str, nowhere: str) -> str:
    """``query`` with each ``GRAPH <iri>`` whose IRI is not among the dataset's ``named`` graphs made
    ``GRAPH <nowhere>`` (a graph that holds nothing): SPARQL 13.3 matches ``GRAPH <iri>`` in the named graphs
    of the dataset only; Virtuoso reads the graph of that name whatever the dataset. Prefixed names resolve by
    the query's ``PREFIX``es (one declared twice, or not at all, is left as written). ``GRAPH <iri> { }`` of
    such an IRI, which Virtuoso matches once whatever the graph, is made ``{ FILTER(false) }``; ``GRAPH ?g { }``,
    which SPARQL answers with one solution per named graph (18.6) and Virtuoso with none (the W3C evaluation
    suite's ``graph-empty``), is made ``VALUES ?g { … }`` of the named graphs."""
    if "graph" not in query.lower():
        return query
    tokens = _tokens(query)
    prologue = read_prologue(tokens, base)
    known = set(named)
    edits = []
    for i, t in enumerate(tokens[:-1]):
        if not _word(t, "GRAPH"):
            continue
        kind, text, start, stop = tokens[i + 1]
        if kind == "var" and i + 3 < len(tokens) and tokens[i + 2][1] == "{" and tokens[i + 3][1] == "}":
            graphs = " ".join(f"<{g}>" for g in named if g != nowhere)
            edits.append((t[2], tokens[i + 3][3], f"VALUES {text} {{ {graphs} }}"))
            continue
        if kind == "iri" and "\\" not in text:
            iri = resolve_iri(prologue.base, text[1:-1])
        elif kind == "pname" and prologue.namespace(text) and "\\" not in text:
            iri = prologue.namespace(text) + text.partition(":")[2]
        else:
            continue
        if iri not in known:
            if i + 3 < len(tokens) and tokens[i + 2][1] == "{" and tokens[i + 3][1] == "}":
                # an empty group: Virtuoso answers one solution for it whatever the graph, SPARQL none (the
                # graph is not one of the dataset's)
                edits.append((t[2], tokens[i + 3][3], "{ FILTER(false) }"))
            else:
                edits.append((start, stop, f"<{nowhere}>"))
    return apply_edits(query, edits)


def take_dataset_clauses(query: str) -> str:
    """``query`` without its ``FROM`` / ``FROM NAMED`` clauses (between the query form and its ``WHERE``
    group; a sub-query has none); :func:`csto_kg.sparql_lex.dataset_iris` reads the IRIs they name."""
    tokens = _tokens(query)
    edits = []
    depth = 0
    template = False
    for i, t in enumerate(tokens):
        if t[0] == "other" and t[1] in "()":
            depth += 1 if t[1] == "(" else -1
        elif t[0] == "other" and t[1] == "{" and depth == 0:
            if i and _word(tokens[i - 1], "CONSTRUCT"):
                template = True
                continue
            break
        elif t[0] == "other" and t[1] == "}" and template:
            template = False
        elif _word(t, "FROM"):
            j = i + 1
            if j < len(tokens) and _word(tokens[j], "NAMED"):
                j += 1
            if j < len(tokens):
                edits.append((t[2], tokens[j][3], ""))
    return apply_edits(query, edits)


def order_taken_out(query: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """``query`` without its own ``ORDER BY``, and that clause's conditions as (variable name, descending) each,
    where the clause orders by variables alone (``?a``, ``ASC(?a)``, ``DESC(?b)``) and the query has no
    ``LIMIT`` / ``OFFSET`` of its own; else None (nothing to take out, or an order that cannot be applied to the
    answer's rows afterwards: by an expression, or cut by a slice the store applies after ordering).

    For a store whose ORDER BY departs from SPARQL's: Virtuoso 7.2 orders by its own collation, not section 15.1's,
    and under ORDER BY gives some IRIs as strings (an IRI bound by ``FILTER (?v = <iri>)`` in an ``OPTIONAL``, or by
    ``BIND (COALESCE(…, <iri>))``: cq04, cq32). The rows are then ordered by :func:`sparql_order.term_key`."""
    if "order" not in query.lower():
        return None
    tokens = _tokens(query)
    depth, at = 0, None
    for i, t in enumerate(tokens):
        if t[0] == "other" and t[1] in "{(":
            depth += 1
        elif t[0] == "other" and t[1] in "})":
            depth -= 1
        elif depth == 0 and _word(t, "LIMIT", "OFFSET"):
            return None
        elif depth == 0 and _word(t, "ORDER") and i + 1 < len(tokens) and _word(tokens[i + 1], "BY"):
            at = i
    if at is None:
        return None
    conditions: list[tuple[str, bool]] = []
    i = at + 2
    while i < len(tokens):
        t = tokens[i]
        if t[0] == "var":
            conditions.append((t[1][1:], False))
            i += 1
        elif (
            _word(t, "ASC", "DESC")
            and i + 3 < len(tokens)
            and tokens[i + 1][1] == "("
            and tokens[i + 2][0] == "var"
            and tokens[i + 3][1] == ")"
        ):
            conditions.append((tokens[i + 2][1][1:], _word(t, "DESC")))
            i += 4
        else:
            break
    if not conditions or (i < len(tokens) and not _word(tokens[i], "VALUES")):
        return None
    end = tokens[i][2] if i < len(tokens) else len(query)
    return query[: tokens[at][2]] + query[end:], conditions
