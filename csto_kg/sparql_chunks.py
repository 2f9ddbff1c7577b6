"""Long basic graph patterns given to the engine as a tree of sub-queries of a few triple patterns each.

Oxigraph 0.5.13 plans a basic graph pattern in time that grows about as the cube of its triple patterns, and RDF
collections (``( 1 2 … )``: two patterns per item) and blank-node property lists (``[ :f 1 ; :r [ … ] ]``) make
many of them out of little text. On an empty store a flat list of 160 items took 3.9 s to plan, 320 items over
20 s; 320 written-out triple patterns about 3.6 s. Written as sub-queries of 16 patterns each, each
projecting only what joins it to the rest, the same pattern plans in about linear time (see server/README.md;
a chain of nested sub-queries, one level per chunk, was quadratic in the levels: 2,560 items 19 s, the tree 1 s).

:func:`chunked` reads each group's triples blocks (SPARQL 1.1 grammar rules 55-56, 75-109: triples with property
lists, object lists, property paths, collections, ``[ … ]``), expands the collections and blank-node property lists
into triple patterns (section 18.2.2.1; each blank node a fresh variable), and replaces a block of more than
:data:`CHUNK_OVER` patterns with a balanced tree of sub-queries, 16 patterns in each leaf::

    { SELECT ?u1 ?u2 … WHERE { { SELECT <shared> WHERE { { SELECT <shared> WHERE { p1 … p16 } } { … } } } { … } } }

where ``?u1 ?u2 …`` are the block's own variables, so that ``SELECT *``, ``DESCRIBE *`` and ``COUNT(DISTINCT *)``
see exactly the variables they saw. This is exact: a basic graph pattern is the join of its triple patterns (section
18.3; a blank node counts as a variable that is projected away, section 18.3.1: its matches still multiply the
solutions), join is associative and commutative, and a sub-query projecting every variable its outside shares
joins as the pattern itself. The patterns are taken in the order of a depth-first walk over shared variables, so a
chunk is connected where the pattern is (:func:`_walk`). A chunk also repeats the block's patterns with a constant
verb and object on a variable it has (``?m a csto:Membership``, at most :data:`MAX_ANCHORS`; :func:`_anchors`): it
is evaluated alone, and without them it matched every subject its own patterns allow.

Triples blocks of one group with only ``FILTER`` s between them are read as one block, the ``FILTER`` s written after
it: a filter constrains its whole group wherever it stands (section 18.2.2.6), and a blank-node label is shared
across it (W3C test ``syn-blabel-cross-filter``). The engine plans such a group whole: 400 written-out patterns with a
``FILTER`` after every 8-30 took 4-7 s, 480 took 20 s; as one rewritten block 1 s.

``CONSTRUCT WHERE { P }`` is written ``CONSTRUCT { P } WHERE { P' }``, ``P'`` the rewritten pattern: the short form's
template is its pattern (section 16.2.4), whose blank nodes the template makes afresh for each solution either way.

``FILTER EXISTS { P }`` and ``FILTER NOT EXISTS { P }`` at the top of a group, ``P`` one block to rewrite, are written
as a join with ``{ SELECT DISTINCT ?v … { P' } }`` and as ``MINUS { P' }`` at the end of the group when each variable of
``P`` is bound by the group's own triples blocks or used nowhere else (:func:`_semi_join`): the engine evaluates
``P`` once per row (16 subjects with a list of 40 items each: over 60 s), the join once (0.1-0.2 s).

A block is left as written (and counted by :func:`list_nodes`, which the endpoint caps) when its blank-node labels
(``_:b``) are used in another block (past a ``BIND``, ``VALUES`` or a ``FILTER`` holding a group, where the engine
shares the label too), when it has no variable of its own and the query projects ``*`` (a sub-query must project a
variable, which ``*`` would then show: only a projection naming the query's other in-scope variables would hide it),
or when it holds what this reader does not know (SPARQL 1.2 triple terms, an unknown keyword): the engine then gets
it unchanged. Blocks split by ``OPTIONAL`` or ``BIND`` are planned whole by the engine as well (400 patterns, one
``OPTIONAL`` after every 8-16: 4.5-10.8 s), but they are not one basic graph pattern, and the exact regrouping, each
prefix of the group as a ``{ SELECT * { … } }``, was slower still (23-36 s): they are left to the time limit.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from .sparql_lex import lexed
from .sparql_rewrite import apply_edits

__all__ = ["chunked", "list_nodes", "triple_patterns_at_most", "CHUNK_OVER", "CHUNK_SIZE"]

# triple patterns in a block past which it is chunked: planned whole, 32 written-out patterns take the engine 6 ms on
# the curated store, 48 29 ms, 64 91 ms, 96 0.47 s (2026-12-07); a chunk's sub-query is evaluated alone, so one
# without the block's constants can be far larger than the block's answer (a random block of 40 patterns: 0.34 s
# whole, out of memory chunked at 32)
CHUNK_OVER = 48
CHUNK_SIZE = 16  # triple patterns in each sub-query

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_FIRST, _REST, _NIL = f"<{_RDF}first>", f"<{_RDF}rest>", f"<{_RDF}nil>"

_PN_CHARS = r"\w\-\u00b7\u00c0-\uffff"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_TOKEN = re.compile(
    rf"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}})*>)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    | (?P<bnode>_:[A-Za-z0-9_\u00c0-\uffff](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)
    | (?P<number>[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+|\d*\.\d+|\d+))
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)?:
                (?:(?:[{_PN_CHARS}:]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<caret>\^\^)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_TERM_START = frozenset({"var", "iri", "pname", "bnode", "string", "number"})
_PATH_MODS = frozenset({"*", "+", "?"})


class _Unknown(Exception):
    """A block holds what this reader does not know: it is left as written."""


@dataclass
class _Block:
    start: int  # character offsets of the block in the query
    end: int
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    variables: dict[str, None] = field(default_factory=dict)  # the block's own variables, in order
    labels: set[str] = field(default_factory=set)
    nodes: int = 0  # blank nodes its collections and [ … ] make
    known: bool = True
    filters: list[tuple[int, int]] = field(default_factory=list)  # FILTERs between its parts (kept, after it)
    template: tuple[int, str] | None = None  # CONSTRUCT WHERE: where to write its template out, and the template


@dataclass
class _Exists:
    """``FILTER [NOT] EXISTS { P }`` at the top of a group: token indices of FILTER, of P's ``{`` and of the group's."""

    token: int
    brace: int
    negated: bool
    group: int
    blocks: list[_Block]


def _tokens(query: str) -> list[tuple[str, str, int, int]]:
    return [
        (m.lastgroup, m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(query)
        if m.lastgroup not in ("ws", "comment")
    ]


class _Reader:
    def __init__(self, query: str):
        self.query = query
        self.tokens = _tokens(query)
        self.match: dict[int, int] = {}
        stack: list[int] = []
        self.balanced = True
        for i, (kind, text, _, _) in enumerate(self.tokens):
            if kind == "other" and text in "([{":
                stack.append(i)
            elif kind == "other" and text in ")]}":
                if not stack or "([{".index(self.tokens[stack[-1]][1]) != ")]}".index(text):
                    self.balanced = False
                    return
                self.match[stack.pop()] = i
        if stack:
            self.balanced = False
        self.blocks: list[_Block] = []
        self.top: dict[int, list[_Block]] = {}
        self.exists: list[_Exists] = []
        self.variable_counts = _variables(self.tokens)
        self.hidden = 0
        self.prefix = "_c"
        while self.prefix in query:
            self.prefix += "_"

    # -- the query's groups ------------------------------------------------------------------------------------------

    def _is(self, i: int, *texts: str) -> bool:
        if i >= len(self.tokens):
            return False
        kind, text = self.tokens[i][:2]
        return (kind == "word" and text.upper() in texts) or (kind == "other" and text in texts)

    def scan(self, i: int, end: int) -> None:
        """Read the groups between tokens ``i`` and ``end``: every ``{`` but a template's and a VALUES block's."""
        while i < end:
            if self._is(i, "CONSTRUCT"):
                if self._is(i + 1, "{"):  # a template: written out, never planned
                    i = self.match[i + 1] + 1
                    continue
                j = i + 1
                while j < end and not self._is(j, "{"):
                    j += 1
                if j < end:  # CONSTRUCT WHERE: the pattern is the template, written out before it is rewritten
                    before = len(self.blocks)
                    self.group(j)
                    blocks = self.blocks[before:]
                    inner = self.query[self.tokens[j][3] : self.tokens[self.match[j]][2]]
                    whole = len(blocks) == 1 and self._spans(blocks[0], j) and not blocks[0].filters
                    for block in blocks:  # anything but one block of triples is not a CONSTRUCT WHERE: the parser says
                        block.template = (self.tokens[i][3], inner)
                        block.known = block.known and whole
                    i = self.match[j] + 1
                    continue
            elif self._is(i, "VALUES"):
                j = i + 1
                while j < end and not self._is(j, "{"):
                    j += 1
                i = self.match[j] + 1 if j < end else j
                continue
            elif self._is(i, "{"):
                self.group(i)
                i = self.match[i] + 1
                continue
            i += 1

    def _spans(self, block: _Block, brace: int) -> bool:
        """Whether ``block`` is all the group at ``brace`` holds (a final ``.`` apart)."""
        close = self.match[brace]
        last = close - 1 if self._is(close - 1, ".") else close
        return self.tokens[brace + 1][2] == block.start and self.tokens[last - 1][3] == block.end

    def group(self, brace: int) -> None:
        end = self.match[brace]
        i = brace + 1
        if self._is(i, "SELECT"):
            self.scan(i, end)
            return
        # Triples blocks with only FILTERs between them are read as one block: a FILTER constrains its whole group
        # wherever it stands (section 18.2.2.6), so the blocks' join is filtered as the group is. The FILTERs are
        # written after the rewritten block (`filters`); one holding a group (EXISTS { … }) ends the run.
        run: _Block | None = None
        filters: list[tuple[int, int]] = []
        top = self.top.setdefault(brace, [])  # the group's own triples blocks: their variables are bound in it
        while i < end:
            kind, text = self.tokens[i][:2]
            if self._is(i, "."):
                i += 1
            elif self._is(i, "UNION", "OPTIONAL", "MINUS"):
                run = None
                i += 1
            elif self._is(i, "{"):
                run = None
                self.group(i)
                i = self.match[i] + 1
            elif self._is(i, "GRAPH", "SERVICE"):
                run = None
                i += 2 if not self._is(i + 1, "SILENT") else 3
            elif self._is(i, "FILTER", "BIND"):
                before = len(self.blocks)
                j = i + 1
                while j < end and not self._is(j, "(", "{"):
                    j += 1  # FILTER regex(…), FILTER <f>(…), FILTER NOT EXISTS { … }
                if j < end and self._is(j, "("):
                    self.scan(j, self.match[j] + 1)  # EXISTS { … } in an expression
                    if self._is(i, "FILTER") and len(self.blocks) == before:
                        filters.append((self.tokens[i][2], self.tokens[self.match[j]][3]))
                    else:
                        run = None
                    i = self.match[j] + 1
                else:
                    run = None
                    if j < end and self._is(i, "FILTER") and j - i in (2, 3) and self._is(j - 1, "EXISTS"):
                        if j - i == 2 or self._is(i + 1, "NOT"):  # FILTER [NOT] EXISTS { P }
                            self.group(j)
                            self.exists.append(_Exists(i, j, j - i == 3, brace, self.blocks[before:]))
                            j = self.match[j] + 1
                    i = j
            elif self._is(i, "VALUES"):
                run = None
                j = i + 1
                while j < end and not self._is(j, "{"):
                    j += 1
                i = self.match[j] + 1 if j < end else j
            elif kind in _TERM_START or self._is(i, "[", "(") or (kind == "word" and text.lower() in ("true", "false")):
                if run is not None and run.known:
                    run.filters += filters
                i = self.block(i, end, run if run is not None and run.known else None)
                run, filters = self.current, []
                if self.current not in top:
                    top.append(self.current)
            else:  # a word this reader does not know here
                self.scan(i + 1, end)
                return

    # -- a triples block ------------------------------------------------------------------------------------------------

    def block(self, i: int, end: int, run: _Block | None = None) -> int:
        """Read the triples block at token ``i``, as a new block or as the next part of ``run``."""
        block = run
        if block is None:
            block = _Block(start=self.tokens[i][2], end=self.tokens[i][3])
            self.blocks.append(block)
        self.current = block
        try:
            while True:
                i = self.same_subject(i)
                block.end = self.tokens[i - 1][3]
                if i < end and self._is(i, "."):
                    i += 1
                    if i < end and (
                        self.tokens[i][0] in _TERM_START
                        or self._is(i, "[", "(")
                        or (self.tokens[i][0] == "word" and self.tokens[i][1].lower() in ("true", "false"))
                    ):
                        continue
                return i
        except (_Unknown, IndexError, KeyError):
            block.known = False
            # skip to the next group or element this reader knows: the rest of the group is read as words
            j = i
            while j < end and not self._is(j, "{", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "VALUES"):
                j = self.match.get(j, j) + 1 if self._is(j, "(", "[") else j + 1
            block.end = self.tokens[j - 1][3] if j > i else block.end
            return max(j, i + 1)

    def fresh(self) -> str:
        self.hidden += 1
        return f"?{self.prefix}{self.hidden}"

    def emit(self, s: str, p: str, o: str) -> None:
        self.current.triples.append((s, p, o))

    def same_subject(self, i: int) -> int:
        if self._is(i, "(") and not self._is(i + 1, ")") or self._is(i, "[") and not self._is(i + 1, "]"):
            subject, i = self.node(i)
            if self._is(i, ".", "}") or self._is(i, "{", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "VALUES"):
                return i  # a collection or [ … ] alone (its property list is optional)
        else:
            subject, i = self.term(i)
        return self.property_list(subject, i)

    def property_list(self, subject: str, i: int) -> int:
        while True:
            verb, i = self.verb(i)
            while True:
                obj, i = self.node(i)
                self.emit(subject, verb, obj)
                if not self._is(i, ","):
                    break
                i += 1
            if not self._is(i, ";"):
                return i
            while self._is(i, ";"):
                i += 1
            kind, text = self.tokens[i][:2]
            if not (kind in ("var", "iri", "pname") or text in ("a", "^", "!", "(")):
                return i

    def variable(self, i: int) -> tuple[str, int]:
        """The variable at token ``i`` (``$v`` written ``?v``), recorded as the block's own."""
        text = "?" + self.tokens[i][1][1:]
        self.current.variables[text] = None
        return text, i + 1

    def verb(self, i: int) -> tuple[str, int]:
        if self.tokens[i][0] == "var":
            return self.variable(i)
        start = i
        i = self.path_alternative(i)
        return "".join(t[1] for t in self.tokens[start:i]), i

    def path_alternative(self, i: int) -> int:
        i = self.path_sequence(i)
        while self._is(i, "|"):
            i = self.path_sequence(i + 1)
        return i

    def path_sequence(self, i: int) -> int:
        i = self.path_element(i)
        while self._is(i, "/"):
            i = self.path_element(i + 1)
        return i

    def path_element(self, i: int) -> int:
        if self._is(i, "^"):
            i += 1
        kind, text = self.tokens[i][:2]
        if kind in ("iri", "pname") or (kind == "word" and text == "a"):
            i += 1
        elif self._is(i, "!"):
            i += 1
            if self._is(i, "("):
                i = self.match[i] + 1
            else:
                i = self.path_element(i)
        elif self._is(i, "("):
            inner = self.path_alternative(i + 1)
            if inner != self.match[i]:
                raise _Unknown
            i = inner + 1
        else:
            raise _Unknown
        if i < len(self.tokens) and self.tokens[i][0] == "other" and self.tokens[i][1] in _PATH_MODS:
            i += 1
        return i

    def node(self, i: int) -> tuple[str, int]:
        """A graph node: a term, a collection or a blank-node property list; its triples emitted."""
        if self._is(i, "(") and not self._is(i + 1, ")"):
            close = self.match[i]
            i += 1
            head = previous = None
            while i < close:
                item, i = self.node(i)
                cell = self.fresh()
                self.current.nodes += 1
                if previous is None:
                    head = cell
                else:
                    self.emit(previous, _REST, cell)
                self.emit(cell, _FIRST, item)
                previous = cell
            if i != close:
                raise _Unknown
            self.emit(previous, _REST, _NIL)
            return head, close + 1
        if self._is(i, "[") and not self._is(i + 1, "]"):
            close = self.match[i]
            subject = self.fresh()
            self.current.nodes += 1
            i = self.property_list(subject, i + 1)
            if i != close:
                raise _Unknown
            return subject, close + 1
        return self.term(i)

    def term(self, i: int) -> tuple[str, int]:
        kind, text = self.tokens[i][:2]
        if kind == "var":
            return self.variable(i)
        if kind in ("iri", "pname", "number") or (kind == "word" and text.lower() in ("true", "false")):
            return text, i + 1
        if kind == "bnode":
            self.current.labels.add(text)
            return text, i + 1
        if self._is(i, "[") and self._is(i + 1, "]"):
            return self.fresh(), i + 2
        if self._is(i, "(") and self._is(i + 1, ")"):
            return _NIL, i + 2
        if kind == "string":
            if i + 1 < len(self.tokens) and self.tokens[i + 1][0] == "langtag":
                return text + self.tokens[i + 1][1], i + 2
            if i + 2 < len(self.tokens) and self.tokens[i + 1][0] == "caret":
                if self.tokens[i + 2][0] not in ("iri", "pname"):
                    raise _Unknown
                return text + "^^" + self.tokens[i + 2][1], i + 3
            return text, i + 1
        raise _Unknown


def _read(query: str) -> _Reader | None:
    if "{" not in query:
        return None
    reader = _Reader(query)
    if not reader.balanced:
        return None  # the parser says where
    depth = _depth(reader)
    if sys.getrecursionlimit() < 4 * depth + 500:  # the reader recurses into each bracket (Python 3.11+ keeps such
        sys.setrecursionlimit(4 * depth + 500)  # calls off the C stack); never lowered: other threads may read
    try:
        reader.scan(0, len(reader.tokens))
    except (IndexError, KeyError, RecursionError):
        return None
    return reader


def _depth(reader: _Reader) -> int:
    """How deep the query's brackets nest."""
    depth = deepest = 0
    for kind, text, _, _ in reader.tokens:
        if kind == "other" and text in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "other" and text in ")]}":
            depth -= 1
    return deepest


def _projects_star(reader: _Reader) -> bool:
    tokens = reader.tokens
    return any(
        t[0] == "other" and t[1] == "*" and i and reader._is(i - 1, "SELECT", "DISTINCT", "REDUCED", "DESCRIBE")
        for i, t in enumerate(tokens)
    )


def _rewritable(reader: _Reader, block: _Block, star: bool) -> bool:
    if not block.known or len(block.triples) <= CHUNK_OVER:
        return False
    if not block.variables and star:
        return False
    # A label used in another block (the engine shares it across a FILTER or BIND between them) stays a blank node
    # there: the block is left as written. A template's labels are the template's own (section 16.2).
    return not block.labels or not any(other is not block and other.labels & block.labels for other in reader.blocks)


def _chunks_text(reader: _Reader, block: _Block) -> str:
    labels = {label: reader.fresh() for label in sorted(block.labels)}
    triples = [tuple(labels.get(x, x) for x in t) for t in block.triples]
    order = _walk(triples, f"?{reader.prefix}")
    chunks = [order[i : i + CHUNK_SIZE] for i in range(0, len(order), CHUNK_SIZE)]
    chunk_vars = [
        {x for k in chunk for x in (triples[k][0], triples[k][2], *_verb_variable(triples[k][1])) if x[0] in "?$"}
        for chunk in chunks
    ]
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for c, vs in enumerate(chunk_vars):
        for v in vs:
            first.setdefault(v, c)
            last[v] = c
    own = block.variables
    anchors = [_anchors(triples, chunk, vs) for chunk, vs in zip(chunks, chunk_vars, strict=True)]

    def tree(lo: int, hi: int) -> tuple[str, set[str]]:
        """Chunks ``lo`` to ``hi`` (excluded) as one sub-query, and their variables."""
        if hi - lo == 1:
            body = " . ".join(" ".join(triples[k]) for k in chunks[lo] + anchors[lo])
            names = chunk_vars[lo]
        else:
            mid = (lo + hi) // 2
            (left, a), (right, b) = tree(lo, mid), tree(mid, hi)
            body, names = f"{left} {right}", a | b
        shared = sorted(v for v in names if v in own or first[v] < lo or last[v] >= hi)
        return f"{{ SELECT {' '.join(shared) or '*'} WHERE {{ {body} }} }}", names

    if len(chunks) == 1:
        body, names = " . ".join(" ".join(t) for t in triples), chunk_vars[0]
    else:
        mid = (len(chunks) + 1) // 2
        (left, a), (right, b) = tree(0, mid), tree(mid, len(chunks))
        body, names = f"{left} {right}", a | b
    projection = " ".join(own) or next(iter(sorted(names)), "*")
    return f"{{ SELECT {projection} WHERE {{ {body} }} }}"


MAX_ANCHORS = 4  # patterns of other chunks repeated in a chunk at most
_CONSTANT_VERB = re.compile(r"a|<[^>]*>|[A-Za-z_]?[\w.-]*:[^\s/|^*+?()!<>]*")


def _anchors(triples: list[tuple[str, str, str]], chunk: list[int], names: set[str]) -> list[int]:
    """Patterns of other chunks to repeat in ``chunk``: those with a constant verb (an IRI, a prefixed name or
    ``a``: no path) and a constant object whose variables the chunk has too (``?m a csto:Membership`` for a chunk
    of ``?m rdfs:label ?l16 … ?l31``). A chunk is evaluated alone, so without them it matches every subject its own
    patterns allow, in every combination (49 patterns ``?m a :C . ?m rdfs:label ?l0 … ?l47``, where some subjects
    have 2 labels, were 2^16 rows per subject in the second chunk: over 10 s, 0.1 s with its anchor). Exact: such a
    pattern has all its variables bound in the chunk's solutions, so it matches at most once in each (RDF graphs
    are sets), leaving the chunk's solutions those the whole pattern joins anyway, each as often."""
    inside = set(chunk)
    found = []
    for k, (s, p, o) in enumerate(triples):
        if k in inside or o[0] in "?$" or not _CONSTANT_VERB.fullmatch(p):
            continue
        if s[0] in "?$" and s in names:
            found.append(k)
            if len(found) == MAX_ANCHORS:
                break
    return found


def _verb_variable(verb: str) -> tuple[str, ...]:
    return (verb,) if verb.startswith(("?", "$")) else ()


def _walk(triples: list[tuple[str, str, str]], hidden: str) -> list[int]:
    """The triples' indices in depth-first order over shared variables (components in written order): the block's
    hidden variables (its collections' links) followed before its own, and a pattern whose variables are all bound
    by then (``?l rdf:rest rdf:nil``) placed at once. Each run of the order is then connected. (A breadth-first
    order walked a list whose first and last items are one variable from both ends at once, and a plain depth-first
    one left each list's ``rdf:rest rdf:nil`` to the end: chunks of unconnected pieces, which the engine joins as
    cross products, 40 items 8.9 s and 10 nested lists over a minute.)"""
    by_var: dict[str, list[int]] = {}
    for k, (s, p, o) in enumerate(triples):
        for x in (s, p, o):
            if x[0] in "?$":
                by_var.setdefault(x, []).append(k)
    names = [{x for x in t if x in by_var} for t in triples]
    placed = [False] * len(triples)
    seen: set[str] = set()
    order: list[int] = []
    stack: list[int] = []

    def place(k: int) -> None:
        placed[k] = True
        order.append(k)
        new = sorted(names[k] - seen, key=lambda x: not x.startswith(hidden))
        seen.update(new)
        pending = []
        for x in new:
            for n in by_var[x]:
                if placed[n]:
                    continue
                if names[n] <= seen:
                    place(n)  # binds nothing new: no deeper call
                else:
                    pending.append(n)
        stack.extend(reversed(pending))

    for first in range(len(triples)):
        if placed[first]:
            continue
        place(first)
        while stack:
            k = stack.pop()
            if not placed[k]:
                place(k)
    return order


def _variables(tokens: list[tuple[str, str, int, int]]) -> Counter[str]:
    return Counter("?" + t[1][1:] for t in tokens if t[0] == "var")


def _semi_join(reader: _Reader, exists: _Exists, star: bool) -> list[tuple[int, int, str]] | None:
    """The edits that write ``FILTER EXISTS { P }`` as a join with ``{ SELECT DISTINCT ?v … { P } }`` and ``FILTER
    NOT EXISTS { P }`` as ``MINUS { P }`` at the end of its group, when ``P`` is one triples block to rewrite whose
    variables are either bound by the group's own triples blocks (``?v …``, at least one) or used nowhere else in the
    query; else None.

    The engine evaluates ``P`` once per row of the group (16 subjects with a list of 40 items: over 60 s); as a join
    it is evaluated once (0.2 s). Exact: ``EXISTS`` substitutes the row's bindings into ``P`` (section 18.6), and
    every variable ``P`` shares with the row is bound in each of its rows, so ``P`` has a solution for the row
    exactly when the row agrees on ``?v …`` with one of ``P``'s solutions; ``DISTINCT`` keeps the join from
    multiplying the row, and ``?v …`` are already the row's, so the join adds no variable. ``MINUS`` removes a
    row compatible with a solution of ``P`` sharing a variable with it (section 8.3), which is the same test here.
    A variable of ``P`` bound only in an ``OPTIONAL``, a ``BIND``, a sub-query or outside the group may be unbound
    in a row, or correlate ``P`` with what the group's rows do not hold: such a ``P`` is left to the engine."""
    if len(exists.blocks) != 1:
        return None
    block = exists.blocks[0]
    if not _rewritable(reader, block, star) or block.filters:
        return None
    if not reader._spans(block, exists.brace):
        return None  # P holds more than the block
    tokens, close = reader.tokens, reader.match[exists.brace]
    bound = {v for other in reader.top.get(exists.group, ()) if other.known for v in other.variables}
    inside, everywhere = _variables(tokens[exists.brace : close]), reader.variable_counts
    shared = [v for v in block.variables if v in bound]
    if not shared or any(v not in bound and everywhere[v] != inside[v] for v in block.variables):
        return None
    start, end = tokens[exists.token][2], tokens[close][3]
    body = _chunks_text(reader, block)
    if exists.negated:  # an empty group where the FILTER stood keeps `P . FILTER … . Q` valid (`P . . Q` is not)
        at = tokens[reader.match[exists.group]][2]
        return [(start, end, "{}"), (at, at, f" MINUS {{ {body} }} ")]
    return [(start, end, f"{{ SELECT DISTINCT {' '.join(shared)} WHERE {{ {body} }} }}")]


def chunked(query: str) -> str:
    """``query`` with each triples block of more than :data:`CHUNK_OVER` triple patterns (collections and ``[ … ]``
    expanded) written as nested sub-queries (see the module); ``query`` itself if none is."""
    if triple_patterns_at_most(query) <= CHUNK_OVER:
        return query
    reader = _read(query)
    if reader is None:
        return query
    star = _projects_star(reader)
    edits = []
    done: set[int] = set()
    for exists in reader.exists:
        semi = _semi_join(reader, exists, star)
        if semi is not None:
            edits += semi
            done.add(id(exists.blocks[0]))
    for block in reader.blocks:
        if id(block) not in done and _rewritable(reader, block, star):
            filters = "".join(f" {query[start:end]}" for start, end in block.filters)
            edits.append((block.start, block.end, _chunks_text(reader, block) + filters))
            if block.template is not None:  # CONSTRUCT WHERE { P }: CONSTRUCT { P } WHERE { P } (section 16.2.4)
                at, template = block.template
                edits.append((at, at, f" {{{template}\n}}"))
    return apply_edits(query, edits)


# A term of a triples block as text: a variable, or a run starting with ``<`` or a quote, or a run of characters
# none of which ends a term (a prefixed name, a number, ``a``, a blank node label); keywords match too, and a string
# or an IRI may make several matches, never none.
_TERM_TEXT = re.compile(r"""[<"'?$]?[^\s(),;.\[\]{}<"'?$]+|[<"'?$]""")


# What may end a triples block besides a separator or a bracket (SPARQL 1.1 grammar rule 54, GraphPatternNotTriples;
# a group, ``{``, is counted as a bracket); counted in lower case wherever they occur (in a name or a string too,
# which only adds to a bound).
_BLOCK_ENDS = ("optional", "minus", "graph", "service", "filter", "bind", "values")


def triple_patterns_at_most(query: str) -> int:
    """At least as many as the triple patterns of any triples block of ``query``, and as the blank nodes
    :func:`list_nodes` counts in all of them, read without the reader (~1-90 us where the reader takes 70-700).

    A query with no ``(`` in its groups has no collection: every pattern is one object of a written triple, and each
    object is followed by ``,``, ``;`` or ``.``, or ends its block: at a ``}``, a ``{``, a ``]`` (the end of a
    ``[ … ]``, which is also its blank node) or a keyword of :data:`_BLOCK_ENDS`; their count in the text bounds
    both. Any other query is counted over its tokens (:func:`_bound_by_tokens`: a pattern or a blank node takes at
    least half a token, and where there are more, the count group by group), and one still over
    :data:`CHUNK_OVER` by the text too (:func:`_bound_by_text`), the lesser count kept. Most queries are under
    :data:`CHUNK_OVER` with it, and are not read (the bench's lookup by IRI: chunked 72 -> 1 us; CQ19: 156 -> 7 us;
    CQ50, whose terms are over it and objects under: 161 -> 4 us; the page's members-as-of, whose ``BIND`` and
    comments the text alone counted as 450 patterns: 541 -> 90 us; every one of the project's, the bench's
    and the W3C suites' 1,009 queries, 61 of which were read before)."""
    body = query[query.find("{") : query.rfind("}") + 1]
    if "(" not in body:
        ends = sum(body.count(c) for c in ",;.{}]") + sum(body.lower().count(word) for word in _BLOCK_ENDS)
        if ends <= CHUNK_OVER:
            return ends
    tokens = len(lexed(query))
    if 2 * tokens <= CHUNK_OVER:
        return 2 * tokens
    bound = _bound_by_tokens(query)
    return bound if bound <= CHUNK_OVER else min(bound, _bound_by_text(body))


def _bound_by_text(body: str) -> int:
    """The bound read from the text of the query's groups: every collection starts at or after the first ``(``, an
    item of a collection makes two patterns, its ``rdf:first`` and its ``rdf:rest``, and one blank node, and each
    item there makes at least one match of :data:`_TERM_TEXT` (a term) or is a bracket (``[ … ]``, ``( … )``). So the
    lesser of two counts bounds both: the terms and brackets, or the separators and ends (above), each plus twice
    what starts after the first ``(`` (terms and brackets)."""
    paren = body.find("(")
    in_lists = 0
    if paren >= 0:
        rest = body[paren:]
        in_lists = len(_TERM_TEXT.findall(rest)) + rest.count("(") + rest.count("[")
    ends = sum(body.count(c) for c in ",;.{}]") + sum(body.lower().count(word) for word in _BLOCK_ENDS)
    terms = len(_TERM_TEXT.findall(body)) + body.count("(") + body.count("[")
    return min(terms + in_lists, ends + 2 * in_lists)


# Tokens after which a ``(`` opens an expression or a path, never a collection: an operator, or a path's ``/``, ``|``
# or ``!`` (a path's element is not a collection)
_BEFORE_NO_LIST = frozenset("&|!=<>/-")


def _bound_by_tokens(query: str) -> int:
    """The same bound as :func:`triple_patterns_at_most`, group by group and over the query's tokens (comments and
    strings apart), for a query the text alone bounds loosely: one with expressions (every term after a
    ``BIND(`` counted as a collection's), comments, or many groups (70-110 us for a query of 300-400 tokens, whose
    tokens the checks before have read; the reader takes 500-700 us).

    - A triples block is in one group, so the larger of each group's own separators and ends (``,``, ``;``,
      ``.``, ``]`` but in an expression, a nested group's ``{``, its own ``}``, a keyword of :data:`_BLOCK_ENDS`,
      and a prefixed name the shared lexer reads with a final ``.``), plus twice the tokens of the collections in
      it, bounds the patterns of any block.
    - A ``(`` opens a collection unless it is in an expression or a ``SELECT`` clause, or follows a keyword or
      function name (a word other than ``a``) or a token of :data:`_BEFORE_NO_LIST`: a collection is only ever a
      subject or an object (grammar rules 75-109), where none of those stands before it. A path's own brackets
      (``?s (:p|:q) ?o``) are counted as a collection's, which only adds to a bound.
    - The blank nodes of all blocks (for :func:`list_nodes`) are at most the collections' tokens and the ``[``."""
    groups: list[list[int]] = []  # each group's [separators and ends, collection tokens]
    open_groups: list[int] = []
    brackets: list[str] = []  # the open "(" and "{": "list", "expr" or "group"
    select_clause = False
    prev = ("", "")
    lists = opening_brackets = 0
    for kind, text, _, _ in lexed(query):
        in_list = "list" in brackets
        own = groups[open_groups[-1]] if open_groups else None
        if kind == "other":
            if text == "(":
                expr = select_clause or (brackets[-1:] == ["expr"]) or (prev[0] == "word" and prev[1] != "a")
                in_list = in_list or not (expr or (prev[0] == "other" and prev[1] in _BEFORE_NO_LIST))
                brackets.append("list" if in_list else "expr")
            elif text == "{":
                select_clause = False
                if own is not None:
                    own[0] += 1
                groups.append([0, 0])
                open_groups.append(len(groups) - 1)
                brackets.append("group")
            elif text in ")}":
                if text == "}" and own is not None:
                    own[0] += 1
                    open_groups.pop()
                if brackets:
                    brackets.pop()
            elif text in ",;.]" and own is not None and brackets[-1:] != ["expr"]:
                own[0] += 1  # not a function's arguments
            opening_brackets += text == "["
        elif kind == "word":
            lowered = text.lower()
            if lowered in _BLOCK_ENDS and own is not None:
                own[0] += 1
            select_clause = lowered == "select" or (select_clause and lowered != "where")
        elif kind == "pname" and text.endswith(".") and own is not None:
            own[0] += 1
        if in_list and text not in (")", "]"):
            lists += 1
            if own is not None:
                own[1] += 1
        prev = (kind, text)
    return max(max((ends + 2 * items for ends, items in groups), default=0), lists + opening_brackets)


def list_nodes(query: str) -> tuple[int, int]:
    """The blank nodes made by the collections and ``[ … ]`` of the query's triples blocks: (those :func:`chunked`
    leaves as written, which the engine plans in about cubic time; those it rewrites). Read structurally: a
    bracket in a property path (``((p))*``), an expression or a ``VALUES`` row makes none, nor does a
    ``CONSTRUCT`` template (written out, never planned)."""
    if "(" not in query and "[" not in query:
        return 0, 0
    reader = _read(query)
    if reader is None:
        return 0, 0
    star = _projects_star(reader)
    left = rewritten = 0
    for block in reader.blocks:
        if _rewritable(reader, block, star):
            rewritten += block.nodes
        else:
            left += block.nodes
    return left, rewritten
