"""A ``BIND`` of a constant given to the engine as ``VALUES``; another, between two triples blocks, after the second
(csto_kg/sparql_binds.py).

Which ``BIND`` moves and which stays (a table, each row the rule it holds, the engine parsing every text it would be
given); that a moved one gives the solutions of the query as written, on a small graph made for the join's corner
cases (values of the second block that the ``BIND``'s expression reads, unbound values, repeated solutions) and on
the curated build for every query the project holds.
"""

from __future__ import annotations

import pytest

from csto_kg.sparql_binds import binds_after_blocks, constant_binds_as_values
from support import rewritten_as_written, rewritten_or_left, rewritten_with_the_same_solutions

P = "PREFIX : <http://example.org/> "

# query, the text it is given as (None: as written); each row the rule it holds
CASES = [
    (  # cq35's form: a constant bound between two blocks
        "SELECT * { ?h :holder ?p ; :office ?w . BIND (:office AS ?kind) ?p a :Person . OPTIONAL { ?w :in ?of } }",
        "SELECT * { ?h :holder ?p ; :office ?w . ?p a :Person . BIND (:office AS ?kind) OPTIONAL { ?w :in ?of } }",
    ),
    (  # an expression of the block before: the second block agrees with its values
        "SELECT * { ?s :p ?o BIND (STR(?o) AS ?x) ?s :q ?y }",
        "SELECT * { ?s :p ?o . ?s :q ?y BIND (STR(?o) AS ?x) }",
    ),
    ("SELECT * { ?s :p ?o . bind (1 AS ?x) . ?s :q ?y . }", "SELECT * { ?s :p ?o . ?s :q ?y . bind (1 AS ?x) }"),
    ("SELECT * { BIND (1 AS ?x) ?s :q ?y }", "SELECT * { ?s :q ?y BIND (1 AS ?x) }"),  # first in its group
    (  # after a FILTER (which holds for the whole group)
        "SELECT * { ?s :p ?o FILTER (?o != 2) BIND (1 AS ?x) ?s :q ?y }",
        "SELECT * { ?s :p ?o FILTER (?o != 2) ?s :q ?y BIND (1 AS ?x) }",
    ),
    (  # two in a row keep their order
        "SELECT * { ?s :p ?o BIND (1 AS ?x) BIND (2 AS ?z) ?s :q ?y }",
        "SELECT * { ?s :p ?o . ?s :q ?y BIND (1 AS ?x) BIND (2 AS ?z) }",
    ),
    (  # collections, blank nodes and literals in the second block
        "SELECT * { ?s :p ?o BIND (1 AS ?x) ?s :q ( 1 2 ) ; :r [ :t ?z ] , 'v'@en }",
        "SELECT * { ?s :p ?o . ?s :q ( 1 2 ) ; :r [ :t ?z ] , 'v'@en BIND (1 AS ?x) }",
    ),
    (  # numbers in the second block: a double's exponent and a decimal point are the literal's, not a word or a "."
        "SELECT * { ?s :p ?o BIND (STR(?o) AS ?x) ?s :q 1e3 , 2.5E-1 , .5 , 10 }",
        "SELECT * { ?s :p ?o . ?s :q 1e3 , 2.5E-1 , .5 , 10 BIND (STR(?o) AS ?x) }",
    ),
    (
        "SELECT * { ?s :p ?o BIND (1 + 1 AS ?x) ?s :q ?y , 2e0 }",
        "SELECT * { ?s :p ?o . ?s :q ?y , 2e0 BIND (1 + 1 AS ?x) }",
    ),
    ("SELECT * { ?s :p ?o BIND (STR(?y) AS ?x) ?s :q ?y }", None),  # reads a variable the second block binds
    ("SELECT * { OPTIONAL { ?s :p ?o } BIND (STR(?o) AS ?x) ?s :q ?y }", None),  # ?o maybe unbound before
    ("SELECT * { ?s :p ?o BIND (1 AS ?x) ?s :q ?x }", None),  # the second block names its variable
    ("SELECT * { ?s :p ?o BIND (BNODE() AS ?x) ?s :q ?y }", None),  # a new blank node per evaluation
    ("SELECT * { ?s :p ?o BIND (RAND() AS ?x) ?s :q ?y }", None),
    ("SELECT * { ?s :p ?o BIND (STRUUID() AS ?x) ?s :q ?y }", None),
    ("SELECT * { ?s :p ?o BIND (EXISTS { ?o :q ?y } AS ?x) ?s :q ?y }", None),  # reads a pattern
    ("SELECT * { ?s :p ?o BIND (1 AS ?x) }", None),  # nothing after it
    ("SELECT * { ?s :p ?o BIND (1 AS ?x) OPTIONAL { ?s :q ?y } }", None),  # a group after it, not a block
    ("SELECT * { ?s :p ?o BIND (1 AS ?x) FILTER (?o != 2) ?s :q ?y }", None),  # a FILTER between
    ("SELECT * { ?s :p _:b BIND (1 AS ?x) ?s :q ?y }", None),  # a blank node label: one node in one block only
    ("SELECT * { ?s :p ?o BIND (1 AS ?x) ?s :q ?y", None),  # unbalanced: left to the parser's message
]


@pytest.mark.parametrize("query,given", CASES, ids=[str(i) for i in range(len(CASES))])
def test_which_binds_are_moved_after_the_block_that_follows(query, given):
    out = rewritten_or_left(binds_after_blocks, P + query)
    assert (out and " ".join(out.split())) == (given and P + given)


DATA = """
@prefix : <http://example.org/> .
:a :p 1, "one" ; :q :x1, :x2 .
:b :p 2 ; :q :x3 .
:c :p 3 .
:x1 :r :y1 . :x2 :r :y1 . :x3 :t :y3 .
"""

SEMANTICS = [  # each moved; on DATA
    "SELECT * { ?s :p ?o BIND (STR(?o) AS ?x) ?s :q ?y }",  # one solution per (?o, ?y): the value repeated
    "SELECT * { ?s :p ?o BIND (:k AS ?x) ?s :q ?y . ?y :r ?z }",  # rows the second block drops
    "SELECT * { ?s :q ?y BIND (CONCAT(STR(?s), STR(?y)) AS ?x) ?y :r ?z OPTIONAL { ?z :w ?w } }",
    "SELECT ?s (COUNT(*) AS ?n) { ?s :p ?o BIND (1 AS ?x) ?s :q ?y } GROUP BY ?s",
    "SELECT DISTINCT ?x { ?s :p ?o BIND (IF(isNumeric(?o), ?o, 0) AS ?x) ?s :q ?y }",
    "ASK { ?s :p ?o BIND (?o + 1 AS ?x) ?s :q ?y FILTER (?x = 2) }",  # an error of the expression: ?x unbound
    "CONSTRUCT { ?s :n ?x } WHERE { ?s :p ?o BIND (STR(?o) AS ?x) ?s :q ?y }",
    "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?y BIND (STR(?y) AS ?x) ?y :r ?z } }",  # inside an OPTIONAL's group
    "SELECT * { ?s :p ?o BIND (STR(?o) AS ?x) ?s :p 1.0e0 }",  # a double in the second block
]


@pytest.mark.parametrize("query", SEMANTICS, ids=[str(i) for i in range(len(SEMANTICS))])
def test_a_moved_bind_gives_the_solutions_of_the_query_as_written(query):
    rewritten_as_written(DATA, binds_after_blocks, P + query)


def test_every_query_the_project_holds_has_its_solutions_moved_or_not(store):
    """The curated build: each of the project's, the benchmark's and the W3C suites' queries that a move changes,
    asked as written and as given to the engine, gives the same solutions (with their repeats)."""
    assert "queries/cq35-professions-and-posts.rq" in rewritten_with_the_same_solutions(store, binds_after_blocks)


# --- a BIND of a constant, given as VALUES --------------------------------------------------------------------
VALUES_CASES = [  # the BIND's expression, and whether it is a VALUES
    (":c", True),
    ("<http://example.org/c>", True),
    ("'v'", True),
    ("'v'@en", True),
    ("'1'^^<http://www.w3.org/2001/XMLSchema#int>", True),
    ("1", True),
    ("-1", True),
    ("true", True),
    ("- 1", False),  # an operator applied to 1: not a term a VALUES takes
    ("1.5", False),  # read by the shared lexer as digits around a "."
    ("STR(:c)", False),
    ("?o", False),
    ("1 + 2", False),
    ("BNODE()", False),
]


def test_a_bind_of_a_variable_its_group_names_before_is_left_to_the_parser():
    # not valid SPARQL where the variable is in scope (the W3C syntax-BINDscope8: 400), kept for the parser to refuse
    for text in [
        P + "SELECT * { { { :s :p ?Y } UNION { :s :p ?Z } } BIND (1 AS ?Y) }",
        P + "SELECT * { ?s :p ?v BIND (1 AS ?v) }",
        P + "SELECT * { ?s :p ?o FILTER (?v != 1) BIND (1 AS ?v) }",  # named by a FILTER: left as written too
    ]:
        assert constant_binds_as_values(text) is text
    inner = P + "SELECT * { ?s :p ?v { BIND (1 AS ?v) } }"  # a group of its own: ?v is not in scope in it
    assert "VALUES ?v { 1 }" in constant_binds_as_values(inner)


@pytest.mark.parametrize("expression,as_values", VALUES_CASES, ids=[str(i) for i in range(len(VALUES_CASES))])
def test_which_binds_of_a_constant_are_given_as_values(expression, as_values):
    text = P + f"SELECT * {{ ?s :p ?o BIND ({expression} AS ?v) ?s :q ?y }}"
    out = rewritten_or_left(constant_binds_as_values, text)
    as_written = text.replace(f"BIND ({expression} AS ?v)", f"VALUES ?v {{ {expression} }}")
    assert out == (as_written if as_values else None)


VALUES_SEMANTICS = [  # on DATA
    "SELECT * { ?s :p ?o BIND (:k AS ?x) ?s :q ?y }",
    "SELECT * { { ?s :q ?y } UNION { ?s :p ?o BIND (:k AS ?role) } ?s :p ?o2 }",  # cq27's form: a union's branch
    "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?y BIND ('found' AS ?f) } }",  # unbound where the OPTIONAL has no row
    "SELECT ?x (COUNT(*) AS ?n) { ?s :p ?o BIND (1 AS ?x) } GROUP BY ?x",
    "SELECT * { BIND (:a AS ?s) ?s :p ?o }",
    "SELECT * { ?s :p ?o BIND (true AS ?t) FILTER (?t && ?o != 2) }",
]


@pytest.mark.parametrize("query", VALUES_SEMANTICS, ids=[str(i) for i in range(len(VALUES_SEMANTICS))])
def test_a_bind_given_as_values_has_the_solutions_of_the_query_as_written(query):
    given = rewritten_as_written(DATA, constant_binds_as_values, P + query)
    assert "VALUES" in given and "BIND" not in given


def test_a_bind_within_graph_or_exists_stays_a_bind():
    """Within ``GRAPH ?var`` the engine joins a ``VALUES`` row with no graph, and within ``[NOT] EXISTS`` the row's
    values are put into the pattern, a variable the BIND names included: there a constant's BIND stays one."""
    for text in [
        P + "SELECT * { GRAPH ?g { BIND (1 AS ?x) } }",
        P + "SELECT * { GRAPH ?g { OPTIONAL { BIND (1 AS ?x) } } }",  # nested in the group
        P + "SELECT * { ?s :p ?o FILTER NOT EXISTS { BIND (:a AS ?s) } }",
        P + "SELECT * { ?s :p ?o FILTER EXISTS { { BIND (:a AS ?s) } } }",
    ]:
        assert constant_binds_as_values(text) is text, text
    # nor within GRAPH <iri>: the engine joins a VALUES row there even where the IRI names no graph of the dataset,
    # whose group is empty (section 18.6)
    named = P + "SELECT * { GRAPH :g { BIND (1 AS ?x) } }"
    assert constant_binds_as_values(named) is named


def test_a_constant_bind_in_not_exists_keeps_the_solutions_of_the_engine_as_written():
    import json

    import pyoxigraph as ox

    from csto_kg.query import run

    store = ox.Store()
    for s in ("a", "b", "c"):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/{s}"), ox.NamedNode("http://example.org/p"), ox.Literal(s)))
    for text, n in [
        ("SELECT * { ?s :p ?o FILTER NOT EXISTS { BIND (:a AS ?s) } }", 0),
        ("SELECT * { ?s :p ?o FILTER EXISTS { BIND (:a AS ?s) } }", 3),
        ("SELECT * { ?s :p ?o FILTER NOT EXISTS { BIND (IRI('http://example.org/a') AS ?s) } }", 0),
    ]:
        assert len(json.loads(run(store, P + text).body)["results"]["bindings"]) == n, text


def test_every_query_the_project_holds_has_its_solutions_with_its_constants_given_as_values(store):
    changed = rewritten_with_the_same_solutions(store, constant_binds_as_values)
    assert {"queries/cq27-figures-of-events.rq", "queries/cq35-professions-and-posts.rq"} <= set(changed), changed
