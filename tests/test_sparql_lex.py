"""The SPARQL lexer that decides what the endpoint refuses: tables of queries and what it must see in them.

``csto_kg.sparql_lex`` looks at tokens, not substrings: a keyword inside a
string, an IRI, a prefixed name, a variable or a comment must never count.
"""

from __future__ import annotations

import re

import pytest

from csto_kg.query import _GRAPH_OR_FROM
from csto_kg.sparql_lex import (
    _FROM,
    _TOKEN,
    UPDATE_OPERATIONS,
    dataset_iris,
    keywords,
    lexed,
    operation,
    prologue_only,
    read_prologue,
    service_targets,
    unescape_codepoints,
    uses_service,
    word_found,
)
from csto_kg.sparql_rewrite import _GRAPH_VARIABLE
from csto_kg.sparql_scope import _AS
from support import project_queries

BASE = "https://w3id.org/csto-kg/"

OPERATIONS = [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("select * { ?s ?p ?o }", "SELECT"),
    ("PREFIX ex: <http://ex/> ASK { ex:a ?p ?o }", "ASK"),
    ("BASE <http://ex/> PREFIX : <x#> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://ex/a>", "DESCRIBE"),
    ("# a comment with SELECT in it\nINSERT DATA { <a> <b> <c> }", "INSERT"),
    ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ("LOAD <http://ex/data.ttl>", "LOAD"),
    ("clear all", "CLEAR"),
    ("PREFIX select: <http://ex/> DROP GRAPH <g>", "DROP"),
    ('"SELECT"', None),
    ("", None),
    ("# only a comment", None),
    ("PREFIX ex: <http://ex/>", None),
    # section 19.4: a comment ends at a carriage return as at a line feed ("Mac" line endings)
    ("# comment\rSELECT * { }", "SELECT"),
    ("# c\rCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("# c\rASK {}", "ASK"),
    ("# c\rDESCRIBE <http://ex/a>", "DESCRIBE"),
    ("BASE <http://ex/> # c\rPREFIX : <x#> # d\r\nSELECT * {}", "SELECT"),
    ("# c\rINSERT DATA { <a> <b> <c> }", "INSERT"),
]


@pytest.mark.parametrize("query, expected", OPERATIONS)
def test_operation_is_the_first_keyword_after_the_prologue(query, expected):
    assert operation(query) == expected


def _operation_token_by_token(query: str) -> str | None:
    """operation() as it was before its prologue was passed over in one match: the reference it is held to."""
    for m in _TOKEN.finditer(query):
        if m.lastgroup == "word" and m.group().upper() not in ("BASE", "PREFIX"):
            word = m.group().upper()
            return word if word in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK") or word in UPDATE_OPERATIONS else None
    return None


PROLOGUE_EDGES = [
    "PREFIXé: <urn:x> SELECT * {}",  # a prefixed name that starts with the keyword's letters
    "PREFIXé <urn:x> SELECT * {}",  # the word PREFIX, then a letter _TOKEN reads as another token
    "PREFIX_x SELECT * {}",  # one word, not the keyword
    "PREFIXSELECT * {}",  # likewise
    "BaseAsk {}",
    "PREFIX1: <urn:x> ASK {}",
    "BASE<urn:x>ASK{}",
    "prefix:a <urn:x> SELECT * {}",  # a prefixed name in the keyword's place
    "PREFIX p: <urn:x y> INSERT DATA {}",  # an IRI _TOKEN does not read (a space in it)
    "PREFIX p: <urn:x> # PREFIX q: <urn:y>\rDELETE WHERE {}",  # a comment ends at a carriage return
    "PREFIX p:<urn:x>PREFIX q:<urn:y>DESCRIBE p:a",
    "PREFIX p: 'urn:x' SELECT",  # a string: read token by token from there
    "\ufeffSELECT * {}",
]


def test_operation_reads_the_prologue_as_the_tokens_do():
    queries = [q for q, _ in OPERATIONS] + PROLOGUE_EDGES + [text for _, text in project_queries()]
    assert [q for q in queries if operation(q) != _operation_token_by_token(q)] == []


SERVICES = [
    ("SELECT * WHERE { SERVICE <http://ex/sparql> { ?s ?p ?o } }", ["http://ex/sparql"]),
    ("SELECT * WHERE { SERVICE SILENT <http://ex/sparql> { ?s ?p ?o } }", ["http://ex/sparql"]),
    ("SELECT * WHERE { service ?endpoint { ?s ?p ?o } }", [None]),
    ("PREFIX ex: <http://ex/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }", [None]),
    ("SELECT * WHERE { SERVICE # a comment\n <http://a/> {} SERVICE <http://b/> {} }", ["http://a/", "http://b/"]),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://ex/sparql>" }', []),
    ("SELECT * WHERE { ?s <http://ex/SERVICE> ?o }", []),
    ("PREFIX ex: <http://ex/> SELECT * WHERE { ?s ex:SERVICE ?o }", []),
    ("SELECT ?service WHERE { ?service ?p ?o }", []),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://ex/sparql>", []),
    ("SELECT * WHERE { ?s ?p '''multi\nline SERVICE <http://x/>''' }", []),
    # section 19.4: a comment ends at a carriage return, and what follows it counts
    ("SELECT * { #x\r SERVICE <http://127.0.0.1:8799/sparql> { ?s ?p ?o } }", ["http://127.0.0.1:8799/sparql"]),
    ("SELECT * { ?s ?p ?o #x\rSERVICE <http://a/> {} }", ["http://a/"]),
    # a language tag is one token (rule 145), whatever its letters
    ('SELECT * WHERE { ?s ?p "x"@service }', []),
    ('SELECT * WHERE { ?s ?p "x"@en-service }', []),
    ('SELECT * WHERE { ?s ?p "x"@x-service }', []),
    ("SELECT * WHERE { ?s ?p 'x'@SERVICE }", []),
    # \u escapes: in an IRI (decoded inside it), and hiding nothing in either reading of the query
    (r"SELECT * WHERE { ?s ?p <http://example.org/caf\u00e9/service> }", []),
    (r"SELECT * WHERE { ?s ?p <http://example.org/\U0001F600/service> }", []),
    (r"SELECT * WHERE { SERVICE <http://ex/caf\u00e9> {} }", ["http://ex/caf\u00e9"]),
    (r"SELECT * WHERE { \u0053ERVICE <http://a/> { ?s ?p ?o } }", ["http://a/"]),
    (r"SELECT * WHERE { SERVIC\u0045 <http://a/> { ?s ?p ?o } }", ["http://a/"]),
    (r'SELECT * WHERE { BIND("\u005C" AS ?a) SERVICE <http://a/> { ?s ?p ?o } BIND("x" AS ?b) }', ["http://a/"]),
    (r"SELECT * WHERE { ?s ?p ?o } # \u000A SERVICE <http://a/> {}", ["http://a/"]),  # refused: 19.2 reads a newline
]


@pytest.mark.parametrize("query, expected", SERVICES)
def test_service_targets_are_tokens_not_substrings(query, expected):
    assert service_targets(query) == expected
    assert uses_service(query) is bool(expected)


CODEPOINTS = [
    ("no escape", "no escape"),
    (r"caf\u00e9", "caf\u00e9"),
    (r"caf\u00E9", "caf\u00e9"),
    (r"\U0001F600", "\U0001f600"),
    (r"\u0053ERVICE", "SERVICE"),
    (r"\u00e", r"\u00e"),  # not an escape: four hex digits are needed
    (r"\U00110000", r"\U00110000"),  # past U+10FFFF: kept
]


@pytest.mark.parametrize("text, expected", CODEPOINTS)
def test_codepoint_escapes_are_decoded_as_section_19_2_says(text, expected):
    assert unescape_codepoints(text) == expected


DATASETS = [
    ("SELECT * WHERE { ?s ?p ?o }", ([], [])),
    ("SELECT * FROM <http://ex/g> WHERE { ?s ?p ?o }", (["http://ex/g"], [])),
    ("SELECT * FROM NAMED <http://ex/g> WHERE { GRAPH ?g { ?s ?p ?o } }", ([], ["http://ex/g"])),
    (
        "PREFIX graph: <https://w3id.org/csto-kg/graph/> SELECT * FROM graph:entities FROM NAMED graph:meta {}",
        (["https://w3id.org/csto-kg/graph/entities"], ["https://w3id.org/csto-kg/graph/meta"]),
    ),
    ("SELECT * FROM <graph/entities> {}", ([BASE + "graph/entities"], [])),
    ("BASE <http://ex/> SELECT * FROM <g> {}", (["http://ex/g"], [])),
    # an empty fragment is part of the IRI (urljoin drops it when base and IRI are both http)
    (
        "BASE <http://ex/> PREFIX e: <http://ex/ns#> SELECT * FROM <http://ex/g#> FROM NAMED e: {}",
        (["http://ex/g#"], ["http://ex/ns#"]),
    ),
    ("BASE <http://ex/> SELECT * FROM <g#> {}", (["http://ex/g#"], [])),
    ('SELECT * WHERE { ?s ?p "FROM <http://ex/g>" }', ([], [])),
    ("SELECT ?from WHERE { ?from ?p ?o }", ([], [])),
    ("# FROM <http://ex/g>\nSELECT * {}", ([], [])),
    # dataset clauses follow the query form; a projected EXISTS group and a CONSTRUCT template come before them
    ("SELECT (EXISTS { ?s ?p ?o } AS ?e) FROM <http://ex/g> WHERE {}", (["http://ex/g"], [])),
    ("CONSTRUCT { ?s ?p ?o . ?o ?p ?s } FROM <http://ex/g> WHERE { ?s ?p ?o }", (["http://ex/g"], [])),
    ("CONSTRUCT FROM <http://ex/g> WHERE { ?s ?p ?o }", (["http://ex/g"], [])),
    ("ASK FROM NAMED <http://ex/g> { GRAPH ?g {} }", ([], ["http://ex/g"])),
    ("DESCRIBE <http://ex/a> FROM <http://ex/g>", (["http://ex/g"], [])),
    ("# FROM <http://ex/a>\rSELECT * FROM <http://ex/g> {}", (["http://ex/g"], [])),
    (r"SELECT * FROM <http://ex/caf\u00e9> {}", (["http://ex/caf\u00e9"], [])),
    # a local name's escapes (rule 173) are its characters: the same graph as written without them
    (
        r"PREFIX g: <http://ex/> SELECT * FROM g:000\_a FROM NAMED g:b\.c\~d {}",
        (["http://ex/000_a"], ["http://ex/b.c~d"]),
    ),
]


@pytest.mark.parametrize("query, expected", DATASETS)
def test_dataset_clauses_are_resolved_like_the_parser_would(query, expected):
    assert dataset_iris(query, BASE) == expected


def test_a_from_clause_naming_an_undeclared_prefix_is_not_guessed():
    assert dataset_iris("SELECT * FROM nope:g {}", BASE) is None


PROLOGUES = [
    ("", True),
    ("# nothing but a comment", True),
    ("BASE <http://ex/>", True),
    ("PREFIX ex: <http://ex/>\n# and a comment", True),
    ("BASE <http://ex/> PREFIX : <x#> PREFIX ex: <y#>", True),
    ("PREFIX ex: <http://ex/> SELECT * {}", False),
    ("INSERT DATA {}", False),
    ("PREFIX ex:", False),
    ("# c\rSELECT * { }", False),
    ("# c\rPREFIX ex: <http://ex/> # d\r", True),
    ("# c\rBASE <http://ex/>\r# SELECT", True),
]


@pytest.mark.parametrize("query, expected", PROLOGUES)
def test_prologue_only_recognises_empty_requests(query, expected):
    assert prologue_only(query) is expected


def test_keywords_skip_strings_iris_prefixed_names_variables_and_comments():
    query = 'PREFIX select: <http://ex/FROM> SELECT ?insert WHERE { ?insert select:delete "DROP" } # LOAD\nLIMIT 1'
    assert keywords(query) == ["PREFIX", "SELECT", "WHERE", "LIMIT"]


LEXED = [
    (
        "SELECT ?s # a comment\n{ ?s ?p 'x' }",
        [
            ("word", "SELECT"),
            ("var", "?s"),
            ("other", "{"),
            ("var", "?s"),
            ("var", "?p"),
            ("string", "'x'"),
            ("other", "}"),
        ],
    ),
    ('ASK{"a"@en-GB}', [("word", "ASK"), ("other", "{"), ("string", '"a"'), ("langtag", "@en-GB"), ("other", "}")]),
    ("  \t\r\n", []),
    ("# only\r# comments", []),
    ("ex:a<http://x/>", [("pname", "ex:a"), ("iri", "<http://x/>")]),
    # numbers (rules 146-148) are one token each: a decimal's point is no triple's "." and an exponent no word
    (
        "{ ?s ?p 10 , 0.5 , .5 , 1e3 , 2.5E-1 , 7. }",
        [("other", "{"), ("var", "?s"), ("var", "?p"), ("number", "10"), ("other", ","), ("number", "0.5")]
        + [("other", ","), ("number", ".5"), ("other", ","), ("number", "1e3"), ("other", ","), ("number", "2.5E-1")]
        + [("other", ","), ("number", "7"), ("other", "."), ("other", "}")],
    ),
    ("LIMIT 10 OFFSET 2", [("word", "LIMIT"), ("number", "10"), ("word", "OFFSET"), ("number", "2")]),
]


@pytest.mark.parametrize("query,expected", LEXED)
def test_lexed_gives_every_token_but_comments_and_white_space_with_its_place(query, expected):
    tokens = lexed(query)
    assert [(kind, text) for kind, text, _, _ in tokens] == expected
    assert all(query[start:end] == text for _, text, start, end in tokens)
    # shared by every check and rewrite of the same text: a reader cannot change what the next one reads
    assert isinstance(tokens, tuple) and all(isinstance(t, tuple) for t in tokens)


# BASE and PREFIX as SPARQL reads them (rules 4-6), the one reading the checks and rewrites share: each IRI against
# the base in force where it stands, escapes decoded; (where the query after the prologue starts, its base, its
# prefixes, those declared twice)
READ_PROLOGUES = [
    ("SELECT * {}", (0, BASE, {}, set())),
    ("BASE <http://ex/a/> PREFIX e: <b#> SELECT * {}", (5, "http://ex/a/", {"e": "http://ex/a/b#"}, set())),
    # a later BASE changes what follows it, not what came before
    (
        "PREFIX e: <b#> BASE <http://ex/> PREFIX f: <c/> ASK {}",
        (8, "http://ex/", {"e": BASE + "b#", "f": "http://ex/c/"}, set()),
    ),
    ("BASE <http://ex/> BASE <d/> ASK {}", (4, "http://ex/d/", {}, set())),
    (r"PREFIX e: <http://ex/caf\u00e9#> ASK {}", (3, BASE, {"e": "http://ex/caf\u00e9#"}, set())),
    ("PREFIX e: <http://ex/1#> PREFIX e: <http://ex/2#> ASK {}", (6, BASE, {"e": "http://ex/2#"}, {"e"})),
    ("# PREFIX x: <http://ex/>\nPREFIX : <http://ex/#> ASK {}", (3, BASE, {"": "http://ex/#"}, set())),
    # a declaration cut short ends the prologue where it starts
    ("PREFIX e: ASK {}", (0, BASE, {}, set())),
]


@pytest.mark.parametrize("query, expected", READ_PROLOGUES)
def test_the_prologue_is_read_once_as_sparql_reads_it(query, expected):
    prologue = read_prologue(lexed(query), BASE)
    assert (prologue.end, prologue.base, prologue.prefixes, set(prologue.redeclared)) == expected
    assert all(prologue.namespace(p + ":x") is None for p in prologue.redeclared)  # which one is meant is unsaid


# The looks a query's checks and rewrites begin with (each module's own pattern, in lower case, for word_found), and
# the look each replaced: a case-blind regex with a leading \\b, in the text as written.
LOOKS = {
    "as": (_AS, r"\bAS\b"),
    "graph-or-from": (_GRAPH_OR_FROM, r"\b(?:graph|from)\b"),
    "graph-variable": (_GRAPH_VARIABLE, r"\bgraph(?:\s|#[^\r\n]*)*[?$]"),
    "from": (_FROM, r"\bfrom\b"),
}
# (look, text, found)
WORDS = [
    ("as", "SELECT (1 AS ?x) {}", True),
    ("as", "select (1 as ?x) {}", True),
    ("as", "AS", True),  # at the start of the text
    ("as", "(1 As?x)", True),
    ("as", "?has ?alias", False),  # inside a word: the letter before it
    ("as", "?_as ?x9as", False),  # an underscore or a digit before it
    ("as", "?éas", False),  # a letter of another script before it
    ("as", "?asx", False),  # the word goes on
    ("as", "<urn:x>as<urn:y>", True),
    ("graph-or-from", "SELECT * FROM <g> {}", True),
    ("graph-or-from", "?s prov:wasDerivedFrom ?e", False),
    ("graph-or-from", "GRAPH ?g {}", True),
    ("graph-variable", "Graph # a comment\n $g {}", True),
    ("graph-variable", "csto:subgraph ?g", False),
    ("graph-variable", "GRAPH <g> { ?s ?p ?o }", False),
    ("from", "SELECT * FROM<g> {}", True),
    ("from", "?s prov:wasDerivedFrom ?e", False),
    ("from", "PREFIX from: <urn:> SELECT * { from:a ?p ?o }", True),  # a name: the tokens then tell
]


@pytest.mark.parametrize("look,text,found", WORDS)
def test_a_word_is_found_where_a_case_blind_look_from_a_word_boundary_finds_it(look, text, found):
    pattern, regex = LOOKS[look]
    assert word_found(pattern, text.lower()) is found
    assert bool(re.search(regex, text, re.IGNORECASE)) is found


def test_a_word_is_found_in_every_query_the_project_holds_as_the_case_blind_look_finds_it():
    """The W3C suites' queries (valid and invalid), the project's and the benchmark's, for each look."""
    queries = [text for _, text in project_queries()]
    assert len(queries) > 800
    differ = [
        (look, text[:80])
        for look, (pattern, regex) in LOOKS.items()
        for text in queries
        if word_found(pattern, text.lower()) != bool(re.search(regex, text, re.IGNORECASE))
    ]
    assert differ == []


@pytest.mark.parametrize("table", [OPERATIONS, SERVICES, DATASETS, PROLOGUES, LEXED, READ_PROLOGUES, WORDS])
def test_tables_are_not_empty(table):
    assert len(table) >= 5
