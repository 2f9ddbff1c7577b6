"""A lexical look at a SPARQL query: its bare keywords, strings and IRIs set aside.

Oxigraph parses and evaluates queries but does not expose the parsed query.
The endpoint needs two facts before running one: whether it asks for
federation (``SERVICE``, which is refused unless allowed) and which operation
it is (a query form, or an update, which a read-only endpoint refuses). Scanning tokens, not
substrings, keeps ``"from"`` in a string, ``ex:SERVICE`` or ``?from`` from
counting. (SPARQL 1.1 Query, section 19.8.)

Tokens follow the grammar's terminals where a refusal depends on them: a
comment ends at a carriage return or a line feed (section 19.4: a query with
"Mac" line endings is read as the parser reads it), a language tag
(``"x"@service``, rule 145) is one token, an unsigned number (``10``, ``0.5``,
``.5``, ``1e3``, ``1.5E-3``: rules 146-148) is one token, so that neither a
decimal point reads as a triple's ``.`` nor an exponent as a word, and an IRI may
hold ``\\u``/``\\U`` escapes. Oxigraph 0.5.13 decodes those escapes inside IRIs and strings only,
while section 19.2 decodes them in the whole text before parsing: a query is
read both ways (:func:`unescape_codepoints`), and ``SERVICE`` seen in either
reading counts, so that neither an escaped quote (``"\\u005C" SERVICE …``,
which the engine runs) nor an escaped keyword (``\\u0053ERVICE``) can hide one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

__all__ = [
    "keywords",
    "word_found",
    "uses_service",
    "operation",
    "service_targets",
    "dataset_iris",
    "prologue_only",
    "significant_tokens",
    "lexed",
    "unescape_codepoints",
    "codepoints_decoded_outside_literals",
    "resolve_iri",
    "read_prologue",
    "Prologue",
    "UPDATE_OPERATIONS",
]

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\r\n]*)    # section 19.4: to the end of the line, CR or LF
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    | (?P<number>[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+)  # rules 146-148, unsigned
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w.\-:%\u00b7\u00c0-\uffff]|\\.)*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<other>\s+|.)          # a run of white space is one token
    """,
    re.VERBOSE | re.DOTALL,
)


_FROM = re.compile(r"from\b")  # in lower case, where a word starts (word_found)


def word_found(pattern: re.Pattern, lowered: str) -> bool:
    """Whether ``pattern`` (lower case, ending where a word ends: ``as\\b``) matches the text ``lowered`` (a query in
    lower case) where a word starts, as ``\\bAS\\b`` would with ``re.IGNORECASE`` in the text as written (but for
    the few letters ``re`` folds onto ASCII ones, such as ``ſ`` onto ``s``, which no SPARQL keyword is spelt with): a
    quick look, before any token is read. A leading ``\\b`` (or a look-behind) makes the regex engine try every
    position of the text, ~18 us for a competency query of 1.4 KB; a pattern that starts with its letters is found
    by a scan for them, ~1 us. Lower case makes no word character of one that is not, so nothing is missed."""
    for m in pattern.finditer(lowered):
        i = m.start()
        if i == 0 or not (lowered[i - 1].isalnum() or lowered[i - 1] == "_"):
            return True
    return False


def keywords(query: str) -> list[str]:
    """The bare words of ``query``, upper-cased, in order (keywords, function names, ``a``)."""
    return [m.group("word").upper() for m in _TOKEN.finditer(query) if m.lastgroup == "word"]


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    """``text`` with its ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes decoded, as SPARQL 1.1 Query section 19.2 does
    before parsing (``text`` itself if it holds none; an escape past U+10FFFF is kept as written)."""
    if "\\u" not in text and "\\U" not in text:
        return text

    def decode(m: re.Match) -> str:
        cp = int(m.group(1) or m.group(2), 16)
        return chr(cp) if cp <= 0x10FFFF else m.group()

    return _CODEPOINT.sub(decode, text)


def codepoints_decoded_outside_literals(query: str) -> str:
    """``query`` with the ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes outside its strings, IRIs and comments decoded
    (``query`` itself if it holds none). Section 19.2 decodes them in the whole text before parsing; Oxigraph 0.5.13
    decodes them inside strings and IRIs only, and refused ``?s \\u0061 ?c`` or ``"x"\\u0040en``. In one pass, so an
    escape that gives a backslash starts no other (W3C ``syn-codepoint-escape-bad-04``/``-05`` stay errors); strings
    and IRIs are left to the engine (an escaped quote stays inside its string), and comments as written (an escaped
    line break would otherwise end one)."""
    if "\\u" not in query and "\\U" not in query:
        return query
    parts, last = [], 0
    for m in _TOKEN.finditer(query):
        if m.lastgroup in ("comment", "string", "iri"):
            parts.append(unescape_codepoints(query[last : m.start()]))
            parts.append(m.group())
            last = m.end()
    parts.append(unescape_codepoints(query[last:]))
    decoded = "".join(parts)
    return query if decoded == query else decoded


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def resolve_iri(base: str, iri: str) -> str:
    """``iri`` resolved against ``base`` (RFC 3986), an empty fragment kept: ``urljoin`` drops it when both are
    ``http`` (``<http://www.w3.org/2001/XMLSchema#>`` against ``http://b/`` gave ``…/XMLSchema``)."""
    if _SCHEME.match(iri):
        return iri
    joined = urljoin(base, iri)
    return joined + "#" if iri.endswith("#") and not joined.endswith("#") else joined


@dataclass(frozen=True)
class Prologue:
    """A query's prologue as SPARQL reads it (rules 4-6): its ``BASE`` and ``PREFIX`` declarations, in order, each
    IRI resolved against the base in force where it stands (the first against the caller's), ``\\u`` escapes
    decoded (section 19.2).

    - ``end``: the index of the first token after the prologue;
    - ``base``: the base the rest of the query is read against;
    - ``prefixes``: each prefix's namespace, by its last declaration; ``redeclared``: the prefixes declared twice;
    - ``declarations``: ``(index, iri)`` of each declaration's keyword token and its resolved IRI."""

    end: int
    base: str
    prefixes: dict[str, str]
    redeclared: frozenset[str]
    declarations: tuple[tuple[int, str], ...]

    def namespace(self, pname: str) -> str | None:
        """The namespace of the prefixed name ``pname``'s prefix; None if undeclared or declared twice."""
        prefix = pname.partition(":")[0]
        return None if prefix in self.redeclared else self.prefixes.get(prefix)


def read_prologue(tokens, base: str) -> Prologue:
    """The :class:`Prologue` of a query's significant tokens (``(kind, text, …)`` tuples, as :func:`lexed` or
    :func:`significant_tokens` give them): the one reading of ``BASE`` and ``PREFIX`` that the checks and rewrites
    share."""
    prefixes: dict[str, str] = {}
    redeclared: set[str] = set()
    declarations = []
    i = 0
    while i < len(tokens):
        word = tokens[i][1].upper() if tokens[i][0] == "word" else ""
        if word == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = resolve_iri(base, unescape_codepoints(tokens[i + 1][1][1:-1]))
            declarations.append((i, base))
            i += 2
        elif word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1][0] == "pname" and tokens[i + 2][0] == "iri":
            prefix = tokens[i + 1][1][:-1]
            if prefix in prefixes:
                redeclared.add(prefix)
            prefixes[prefix] = resolve_iri(base, unescape_codepoints(tokens[i + 2][1][1:-1]))
            declarations.append((i, prefixes[prefix]))
            i += 3
        else:
            break
    return Prologue(i, base, prefixes, frozenset(redeclared), tuple(declarations))


def uses_service(query: str) -> bool:
    """Does the query contain a ``SERVICE`` (federated query) clause, as written or once its escapes are decoded?"""
    decoded = unescape_codepoints(query)
    return "SERVICE" in keywords(query) or (decoded is not query and "SERVICE" in keywords(decoded))


# SPARQL 1.1 Update, section 3: the operations (``WITH`` opens a DELETE/INSERT).
UPDATE_OPERATIONS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})


# A run of tokens :func:`operation` passes over, read in one match: white space, comments, IRIs, prefixed names (the
# alternatives of _TOKEN, in its order) and the words BASE and PREFIX (as _TOKEN reads a word: letters, digits and
# "_"). It ends where a token ends; what it cannot pass over is then read token by token.
_PROLOGUE_RUN = re.compile(
    r"""(?:
        \s+
      | \#[^\r\n]*
      | <(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>
      | (?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w.\-:%\u00b7\u00c0-\uffff]|\\.)*
      | (?:[Bb][Aa][Ss][Ee]|[Pp][Rr][Ee][Ff][Ii][Xx])(?![A-Za-z0-9_])
    )*""",
    re.VERBOSE,
)


def operation(query: str) -> str | None:
    """The query form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) or update operation that
    ``query`` opens with after its prologue (``BASE`` / ``PREFIX``); ``None`` if it opens with neither.

    The prologue is passed over in one match (:data:`_PROLOGUE_RUN`; a competency query's six ``PREFIX`` lines: ~17 ->
    ~8 us, on every request), then read token by token."""
    start = _PROLOGUE_RUN.match(query).end()
    for m in _TOKEN.finditer(query, start):  # lazily: the answer is in the first few words
        if m.lastgroup != "word":
            continue
        word = m.group("word").upper()
        if word in ("BASE", "PREFIX"):
            continue
        return word if word in _QUERY_FORMS or word in UPDATE_OPERATIONS else None
    return None


def service_targets(query: str) -> list[str | None]:
    """The endpoint of each ``SERVICE`` clause: an IRI written in full (``<…>``, escapes decoded), else ``None``
    (a prefixed name or a variable, which a caller cannot check against a list without resolving it).

    The query is read as written (as Oxigraph parses it) and, if it holds ``\\u`` escapes, once more with them
    decoded (as section 19.2 says): a clause in either reading is listed (each target once more at most).
    """
    targets = _service_targets(query)
    decoded = unescape_codepoints(query)
    if decoded is not query:
        targets += [t for t in _service_targets(decoded) if t not in targets]
    return targets


def _service_targets(query: str) -> list[str | None]:
    targets: list[str | None] = []
    if "service" not in query.lower():  # a SERVICE keyword token implies the letters; most queries stop here
        return targets
    pending = False
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind in ("comment",) or (kind == "other" and m.group().isspace()):
            continue
        if pending:
            if kind == "word" and m.group().upper() == "SILENT":
                continue
            targets.append(unescape_codepoints(m.group()[1:-1]) if kind == "iri" else None)
            pending = False
        elif kind == "word" and m.group().upper() == "SERVICE":
            pending = True
    if pending:
        targets.append(None)
    return targets


def significant_tokens(query: str):
    """(kind, text) of each token of ``query`` but comments and whitespace, read as they are asked for (a reader
    that stops early, :func:`dataset_iris`, leaves the rest of the text unread; :func:`lexed` reads it whole)."""
    for m in _TOKEN.finditer(query):
        if m.lastgroup == "comment" or (m.lastgroup == "other" and m.group().isspace()):
            continue
        yield m.lastgroup, m.group()


@lru_cache(maxsize=16)
def lexed(query: str) -> tuple[tuple[str, str, int, int], ...]:
    """(kind, text, start, end) of each token of ``query`` but comments and whitespace.

    The checks and rewrites a query goes through before the engine (``csto_kg.query.evaluate``) each read its
    tokens, mostly of the same text (a rewrite that changes nothing hands on the text it was given): the last few
    texts' tokens are kept, so that a text is read once. Immutable: every reader shares them."""
    out = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "comment" or (kind == "other" and m.group().isspace()):
            continue
        out.append((kind, m.group(), m.start(), m.end()))
    return tuple(out)


def prologue_only(query: str) -> bool:
    """Is ``query`` nothing but comments, ``BASE`` and ``PREFIX`` declarations (an empty update, not a query)?"""
    tokens = list(significant_tokens(query))
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "word" and text.upper() == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            i += 2
        elif (
            kind == "word"
            and text.upper() == "PREFIX"
            and i + 2 < len(tokens)
            and tokens[i + 1][0] == "pname"
            and tokens[i + 2][0] == "iri"
        ):
            i += 3
        else:
            return False
    return True


# rule 173, PN_LOCAL_ESC: a local name's "\_" is its "_" (``graph:000\_2e5f…`` names ``graph:000_2e5f…``)
_LOCAL_ESCAPE = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")


def dataset_iris(query: str, base: str) -> tuple[list[str], list[str]] | None:
    """The IRIs of the query's ``FROM`` and ``FROM NAMED`` clauses, resolved (prefixed names by the query's
    ``PREFIX``es, relative IRIs against its ``BASE`` or ``base``); None if one cannot be resolved lexically.

    Dataset clauses stand between the query form and its ``WHERE`` group (a sub-query has none), so the scan
    stops at the first ``{`` outside parentheses (a projected ``EXISTS { … }`` is inside them) that is not a
    ``CONSTRUCT`` template: the body, often most of the text, is never tokenised.
    """

    if not word_found(_FROM, query.lower()):  # no word "from" (provenance's prov:wasDerivedFrom is not one)
        return [], []
    tokens = _head_tokens(query)
    if not any(kind == "word" and text.upper() == "FROM" for kind, text in tokens):
        return [], []  # "from" was in a comment, a string or a name: nothing to resolve
    prologue = read_prologue(tokens, base)
    default: list[str] = []
    named: list[str] = []
    i = prologue.end
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "word" and text.upper() == "FROM":
            j = i + 1
            target = default
            if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "NAMED":
                target, j = named, j + 1
            if j >= len(tokens):
                return None
            k, t = tokens[j]
            if k == "iri":
                target.append(resolve_iri(prologue.base, unescape_codepoints(t[1:-1])))
            elif k == "pname" and t.partition(":")[0] in prologue.prefixes:
                target.append(prologue.prefixes[t.partition(":")[0]] + _LOCAL_ESCAPE.sub(r"\1", t.partition(":")[2]))
            else:
                return None
            i = j + 1
            continue
        i += 1
    return default, named


def _head_tokens(query: str) -> list[tuple[str, str]]:
    """The significant tokens of ``query`` before its ``WHERE`` group (see :func:`dataset_iris`)."""
    out: list[tuple[str, str]] = []
    parens = braces = 0
    template = False  # inside a CONSTRUCT template
    for kind, text in significant_tokens(query):
        if kind == "other":
            if text == "(":
                parens += 1
            elif text == ")":
                parens -= 1
            elif text == "{" and parens == 0:
                if not template and not (out and out[-1][0] == "word" and out[-1][1].upper() == "CONSTRUCT"):
                    break
                template, braces = True, braces + 1
            elif text == "}" and template:
                braces -= 1
                template = braces > 0
        out.append((kind, text))
    return out
