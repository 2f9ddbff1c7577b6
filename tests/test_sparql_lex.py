"""The SPARQL lexer that decides what the endpoint refuses: tables of queries and what it must see in them.

``csto_kg.sparql_lex`` looks at tokens, not substrings: a keyword inside a
string, an IRI, a prefixed name, a variable or a comment must never count.
"""

from __future__ import annotations

import pytest

from csto_kg.sparql_lex import dataset_iris, keywords, operation, prologue_only, service_targets

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
]


@pytest.mark.parametrize("query, expected", OPERATIONS)
def test_operation_is_the_first_keyword_after_the_prologue(query, expected):
    assert operation(query) == expected


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
]


@pytest.mark.parametrize("query, expected", SERVICES)
def test_service_targets_are_tokens_not_substrings(query, expected):
    assert service_targets(query) == expected


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
    ('SELECT * WHERE { ?s ?p "FROM <http://ex/g>" }', ([], [])),
    ("SELECT ?from WHERE { ?from ?p ?o }", ([], [])),
    ("# FROM <http://ex/g>\nSELECT * {}", ([], [])),
    # dataset clauses follow the query form; a projected EXISTS group and a CONSTRUCT template come before them
    ("SELECT (EXISTS { ?s ?p ?o } AS ?e) FROM <http://ex/g> WHERE {}", (["http://ex/g"], [])),
    ("CONSTRUCT { ?s ?p ?o . ?o ?p ?s } FROM <http://ex/g> WHERE { ?s ?p ?o }", (["http://ex/g"], [])),
    ("CONSTRUCT FROM <http://ex/g> WHERE { ?s ?p ?o }", (["http://ex/g"], [])),
    ("ASK FROM NAMED <http://ex/g> { GRAPH ?g {} }", ([], ["http://ex/g"])),
    ("DESCRIBE <http://ex/a> FROM <http://ex/g>", (["http://ex/g"], [])),
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
]


@pytest.mark.parametrize("query, expected", PROLOGUES)
def test_prologue_only_recognises_empty_requests(query, expected):
    assert prologue_only(query) is expected


def test_keywords_skip_strings_iris_prefixed_names_variables_and_comments():
    query = 'PREFIX select: <http://ex/FROM> SELECT ?insert WHERE { ?insert select:delete "DROP" } # LOAD\nLIMIT 1'
    assert keywords(query) == ["PREFIX", "SELECT", "WHERE", "LIMIT"]


@pytest.mark.parametrize("table", [OPERATIONS, SERVICES, DATASETS, PROLOGUES])
def test_tables_are_not_empty(table):
    assert len(table) >= 5
