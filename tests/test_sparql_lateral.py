"""``OPTIONAL`` groups given to Oxigraph as ``LATERAL { OPTIONAL { … } }``, and ``EXISTS`` bodies as their first pattern
then ``LATERAL { the others }`` (csto_kg/sparql_lateral.py).

Three checks: which ``OPTIONAL`` groups are rewritten and which are left as written (a table, each row the rule it
holds); that a rewritten query gives the same solutions as the query as written, on a small graph made for the
left join's corner cases (unbound and literal values on the left, blank nodes, repeated solutions, nested
``OPTIONAL`` groups) and on the curated build for every query the project holds; and that the endpoint answers a
competency query whose passages the rewrite reaches as the engine answers the query as written.
"""

from __future__ import annotations

from collections import Counter

import pytest

from csto_kg.query import QUERY_BASE_IRI
from csto_kg.sparql_lateral import MAX_OPTIONALS, exists_lateral, optionals_lateral
from support import ROOT, rewritten_as_written, rewritten_or_left, rewritten_with_the_same_solutions

P = "PREFIX : <http://example.org/> "
B3 = "?s :q ?x . ?x :r ?y . ?y :t ?z"  # three patterns, variable ends, joined to the left through ?s

# query, whether its OPTIONAL is rewritten; each row the rule it holds
CASES = [
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " } }", True),
    ("SELECT * { ?s :p ?o optional { " + B3 + " } }", True),  # the keyword in any case
    ("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x ; :r ?y , ?z } }", True),  # ";" and "," end patterns too
    ("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x . ?x :r ?y } }", False),  # two patterns: the engine's own choice
    ("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x . ?x :r :c . ?y :t ?z } }", False),  # a constant object
    ("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x . :c :r ?y . ?y :t ?z } }", False),  # a constant subject
    ("SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x . ?x :r ?y . ?y :t 'v'@en } }", False),  # a literal object
    ("SELECT * { ?s :p ?o OPTIONAL { ?s a ?x . ?x :r ?y . ?y :t ?z } }", True),  # `a` is a predicate
    ("SELECT * { ?s :p ?o OPTIONAL { ?s :q/:q2 ?x . ?x ^:r ?y . ?y :t|:t2 ?z } }", True),  # property paths
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " FILTER (?z != ?o) } }", False),  # a FILTER in it
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " BIND (1 AS ?w) } }", False),  # a BIND in it
    ("SELECT * { ?s :p ?o OPTIONAL { { " + B3 + " } UNION { ?s :u ?z } } }", False),  # a nested group
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " OPTIONAL { ?z :w ?w } } }", True),  # nested: its own variables
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " OPTIONAL { ?z :w ?o } } }", False),  # nested: shares ?o
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " OPTIONAL { ?z :w ?w } ?w :v ?v } }", False),  # a pattern after it
    ("SELECT * { ?a :p ?o OPTIONAL { " + B3 + " } }", False),  # no variable shared with the left
    ("SELECT * { OPTIONAL { " + B3 + " } }", False),  # nothing before it
    ("SELECT * { FILTER (?s) OPTIONAL { " + B3 + " } }", False),  # ?s only in an expression before it
    ("SELECT * { OPTIONAL { ?s :p ?o } OPTIONAL { " + B3 + " } }", False),  # ?s maybe unbound before it
    ("SELECT * { VALUES ?s { :a } OPTIONAL { " + B3 + " } }", True),  # VALUES binds
    ("SELECT * { ?a :p ?o BIND (?a AS ?s) OPTIONAL { " + B3 + " } }", True),  # so does BIND
    ("SELECT * { ?a :p ?o BIND (?s AS ?b) OPTIONAL { " + B3 + " } }", False),  # its expression does not
    ("SELECT * { { ?a :p ?o BIND (?a AS ?s) } UNION { ?s :p2 ?o } OPTIONAL { " + B3 + " } }", True),
    ("SELECT * { VALUES (?s ?o) { (:a 1) } OPTIONAL { " + B3 + " } }", True),
    ("SELECT * { { ?s :p ?o } UNION { ?s :p2 ?o } OPTIONAL { " + B3 + " } }", True),  # every branch binds ?s
    ("SELECT * { { ?s :p ?o } UNION { ?a :p2 ?o } OPTIONAL { " + B3 + " } }", False),  # one branch does not
    ("SELECT * { { SELECT ?s { ?s :p ?o } } OPTIONAL { " + B3 + " } }", False),  # a sub-query's: not read
    ("SELECT * { ?o :v ?v { SELECT * { ?s :p ?o OPTIONAL { " + B3 + " } } } }", True),  # in a sub-query's WHERE
    ("SELECT * { GRAPH ?g { ?s :p ?o OPTIONAL { " + B3 + " } } }", False),  # inside GRAPH
    ("SELECT * { ?s :p ?o MINUS { ?s :m ?m OPTIONAL { " + B3 + " } } }", False),  # inside MINUS
    ("SELECT * { ?s :p ?o FILTER EXISTS { ?s :m ?m OPTIONAL { " + B3 + " } } }", False),  # inside EXISTS
    ("SELECT * { ?a :p ?s OPTIONAL { ?s :m ?m FILTER (?m) OPTIONAL { " + B3 + " } } }", False),  # in an OPTIONAL
    ("SELECT * { ?a :p ?s OPTIONAL { ?s :m ?m OPTIONAL { " + B3 + " } } }", True),  # the outer one, as a whole
    ("SELECT * { ?s :p 'OPTIONAL { ?s :q ?x . ?x :r ?y . ?y :t ?z }' }", False),  # the word in a string
    ("SELECT * { ?s :p ?o # OPTIONAL { ?s :q ?x . ?x :r ?y . ?y :t ?z }\n}", False),  # in a comment
    ("SELECT * { ?s :p ?o OPTIONAL { " + B3 + " }", False),  # unbalanced: left to the parser's message
]


@pytest.mark.parametrize("query,rewritten", CASES, ids=[str(i) for i in range(len(CASES))])
def test_which_optionals_are_given_as_lateral(query, rewritten):
    text = P + query
    out = rewritten_or_left(optionals_lateral, text)
    assert (out is not None) is bool(rewritten)
    if out is None:
        return
    assert out.upper().count("LATERAL { OPTIONAL {") == 1
    assert out.replace("LATERAL { ", "", 1).replace("} } }", "} }", 1) == text


def test_a_query_of_more_optionals_than_are_read_is_left_as_written():
    many = " ".join(f"OPTIONAL {{ ?s :q{i} ?v{i} }}" for i in range(MAX_OPTIONALS))
    at_most = P + "SELECT * { ?s :p ?o " + many + " OPTIONAL { " + B3 + " } }"
    fewer = at_most.replace("OPTIONAL { ?s :q0 ?v0 } ", "", 1)  # MAX_OPTIONALS of them: read, and rewritten
    assert "LATERAL" in optionals_lateral(fewer)
    assert optionals_lateral(at_most) is at_most


DATA = """
@prefix : <http://example.org/> .
:a :p 1, "one" ; :q :x1, :x2 .
:x1 :r :y1 . :y1 :t :z1 , :z2 .
:x2 :r :y1 .
:b :p 2 ; :q :x3 .
:x3 :r :y3 .
:c :p 3 ; :q [ :r :y1 ] .
:z1 :w :w1 . :z2 :w :w1 , :w2 .
:d :p 4 .
"""

# queries whose OPTIONAL is rewritten, each exercising the left join where the engine could differ
SEMANTICS = [
    "SELECT * { ?s :p ?o OPTIONAL { " + B3 + " } }",  # several solutions per row, none for :b and :d
    "SELECT * { ?s :p ?o OPTIONAL { ?s :q [ :r ?y ] . ?y :t ?z . ?z :w ?w } }",  # a blank node in it
    "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?x . ?x :r ?y . ?y :t ?z } }",  # a literal value put in as subject
    "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x } OPTIONAL { ?s :q ?x . ?x :r ?y . ?y :t ?z } }",  # ?x maybe unbound
    "SELECT * { ?s :p ?o OPTIONAL { " + B3 + " OPTIONAL { ?z :w ?w } } }",  # nested, its own variables
    "SELECT ?s (COUNT(*) AS ?n) { ?s :p ?o OPTIONAL { " + B3 + " } } GROUP BY ?s",  # repeated solutions counted
    "SELECT DISTINCT ?z { ?s :p ?o OPTIONAL { " + B3 + " } }",
    "ASK { ?s :p ?o OPTIONAL { " + B3 + " } FILTER (!BOUND(?z)) }",  # a filter on what the OPTIONAL left unbound
    "CONSTRUCT { ?s :reaches ?z } WHERE { ?s :p ?o OPTIONAL { " + B3 + " } }",
    "SELECT * { ?s :p ?o OPTIONAL { " + B3 + " } FILTER (?o != 2) }",
    "SELECT * { ?s :p ?o OPTIONAL { " + B3 + " } BIND (COALESCE(?z, :none) AS ?end) }",
    # the shared variable bound by BIND in one branch, by a pattern in the other (cq84's form)
    "SELECT * { { ?a :p ?o BIND (?a AS ?s) } UNION { ?s :q ?x2 } OPTIONAL { " + B3 + " } }",
]


@pytest.mark.parametrize("query", SEMANTICS, ids=[str(i) for i in range(len(SEMANTICS))])
def test_a_rewritten_query_has_the_solutions_of_the_query_as_written(query):
    rewritten_as_written(DATA, optionals_lateral, P + query)


def test_every_query_the_project_holds_has_its_solutions_rewritten_or_not(store):
    """The curated build: each of the project's, the benchmark's and the W3C suites' queries that either rewrite
    changes, asked as written and as rewritten, gives the same solutions (with their repeats)."""
    changed = rewritten_with_the_same_solutions(store, optionals_lateral)
    # the competency queries that look up the passage of a value whose property is itself a variable
    assert {"queries/cq17-bodies-and-formats.rq", "queries/cq53-cities-standing-for-states.rq"} <= set(changed)
    assert len(changed) >= 20, changed
    # the ones whose NOT EXISTS tests for a better-ranked value
    exists_changed = rewritten_with_the_same_solutions(store, exists_lateral)
    assert {"queries/cq05-invocations.rq", "queries/cq24-requests-addressees-and-answers.rq"} <= set(exists_changed)


def test_the_endpoint_answers_a_rewritten_competency_query_as_the_engine_answers_it_as_written(client, store):
    text = (ROOT / "queries" / "cq22-organisation-profiles.rq").read_text(encoding="utf-8")
    assert optionals_lateral(text) is not text
    r = client.post(
        "/sparql",
        data=text.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert r.status_code == 200, r.data[:300]
    data = r.get_json()
    names = data["head"]["vars"]
    got = Counter(tuple(b[v]["value"] if v in b else None for v in names) for b in data["results"]["bindings"])
    result = store.query(text, base_iri=QUERY_BASE_IRI)
    expected = Counter(tuple(None if s[v] is None else s[v].value for v in names) for s in result)
    assert got == expected and sum(got.values()) > 0


# --- EXISTS bodies ---------------------------------------------------------------------------------------------
E2 = "?b :q ?s ; :r ?y"  # two patterns, the first naming the row's ?s
# query, the EXISTS body as rewritten (None: left as written); each row the rule it holds
EXISTS_CASES = [
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { " + E2 + " } }", "?b :q ?s . LATERAL { ?b :r ?y }"),
    ("SELECT * { ?s :p ?o FILTER EXISTS { " + E2 + " } }", "?b :q ?s . LATERAL { ?b :r ?y }"),
    ("SELECT * { ?s :p ?o FILTER exists { " + E2 + " } }", "?b :q ?s . LATERAL { ?b :r ?y }"),  # any case
    ("SELECT * { ?s :p ?o BIND (EXISTS { " + E2 + " } AS ?e) }", "?b :q ?s . LATERAL { ?b :r ?y }"),
    ("SELECT * { ?s :p ?o FILTER (?o = 1 || NOT EXISTS { " + E2 + " }) }", "?b :q ?s . LATERAL { ?b :r ?y }"),
    # the first pattern naming a variable of the row goes first, whatever its place
    ("SELECT * { ?s :p ?o FILTER EXISTS { ?b :r ?y . ?b :q ?s } }", "?b :q ?s . LATERAL { ?b :r ?y }"),
    ("SELECT * { ?s :p ?o FILTER EXISTS { ?b :q ?s , ?o ; :r ?y } }", "?b :q ?s . LATERAL { ?b :q ?o . ?b :r ?y }"),
    ("SELECT * { ?s :p ?o FILTER EXISTS { ?b :q/:q2 ?s . ?b ^:r|:t ?y } }", "?b :q/:q2 ?s . LATERAL { ?b ^:r|:t ?y }"),
    # in an OPTIONAL's FILTER: the OPTIONAL's own pattern binds the row's variable (cq05's form)
    (
        "SELECT * { ?s :p ?o OPTIONAL { ?st :q ?s ; :r ?y FILTER (?y = :c || NOT EXISTS { ?b :q ?s ; :r :c }) } }",
        "?b :q ?s . LATERAL { ?b :r :c }",
    ),
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?b :q ?s } }", None),  # one pattern: nothing to join
    ("SELECT * { FILTER NOT EXISTS { " + E2 + " } ?s :p ?o }", None),  # nothing bound before it
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?b :q ?x ; :r ?y } }", None),  # no variable of the row in it
    ("SELECT * { OPTIONAL { ?s :p ?o } FILTER NOT EXISTS { " + E2 + " } }", None),  # ?s maybe unbound before
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?b :q ?s ; :r 'v' } }", None),  # a literal
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?b :q ?s ; :r 1 } }", None),  # a number
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?b :q ?s ; :r [ :t ?y ] } }", None),  # a blank node
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { _:b :q ?s ; :r ?y } }", None),  # a blank node label
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { ?b :q ?s ; (:r|:t) ?y } }", None),  # a bracketed path
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { " + E2 + " FILTER (?y != ?o) } }", None),  # a FILTER in it
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { " + E2 + " OPTIONAL { ?y :t ?z } } }", None),  # a group in it
    ("SELECT * { GRAPH ?g { ?s :p ?o FILTER NOT EXISTS { " + E2 + " } } }", None),  # inside GRAPH
    ("SELECT * { ?s :p ?o FILTER NOT EXISTS { " + E2 + " }", None),  # unbalanced: left to the parser
]


@pytest.mark.parametrize("query,body", EXISTS_CASES, ids=[str(i) for i in range(len(EXISTS_CASES))])
def test_which_exists_bodies_are_given_row_by_row(query, body):
    out = rewritten_or_left(exists_lateral, P + query)
    assert (out is not None) is (body is not None)
    if out is None:
        return
    assert " ".join(out.split()).count("{ " + body + " }") == 1, out
    assert out.count("LATERAL") == 1


EXISTS_SEMANTICS = [  # each rewritten; on DATA, where the engine could differ
    "SELECT * { ?s :p ?o FILTER EXISTS { ?s :q ?x . ?x :r ?y } }",
    "SELECT * { ?s :p ?o FILTER NOT EXISTS { ?s :q ?x . ?x :r ?y } }",
    "SELECT * { ?s :p ?o FILTER NOT EXISTS { ?x :r ?y . ?s :q ?x . ?y :t ?z } }",  # the row's pattern not first
    "SELECT * { ?s :p ?o FILTER EXISTS { ?s :q ?x . ?x :r ?o } }",  # a literal of the row put in as object
    "SELECT * { ?s :q ?x FILTER EXISTS { ?x :r ?y . ?y :t ?z . ?z :w :w2 } }",
    "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x FILTER NOT EXISTS { ?x :r ?y . ?y :t :z2 } } }",
    "SELECT ?s (COUNT(*) AS ?n) { ?s :q ?x FILTER EXISTS { ?x :r ?y . ?y :t ?z } } GROUP BY ?s",
    "SELECT * { ?s :p ?o BIND (EXISTS { ?s :q ?x . ?x :r ?y } AS ?reaches) }",
    "ASK { ?s :q ?x FILTER NOT EXISTS { ?x :r ?y . ?y :t ?z } }",
    "SELECT * { ?s :p ?o FILTER (?o = 4 || EXISTS { ?s :q ?x . ?x :r :y1 }) }",
    # a variable of the row named only in the patterns given row by row (?y): each row's own value holds there
    "SELECT * { ?s :q ?x . ?t :q ?y FILTER EXISTS { ?s :q ?k . ?k :r ?m . ?y :r ?m } }",
    "SELECT * { ?s :q ?x . ?t :q ?y FILTER NOT EXISTS { ?s :q ?k . ?k :r ?m . ?y :r ?m } }",
]


@pytest.mark.parametrize("query", EXISTS_SEMANTICS, ids=[str(i) for i in range(len(EXISTS_SEMANTICS))])
def test_an_exists_body_given_row_by_row_has_the_solutions_of_the_query_as_written(query):
    rewritten_as_written(DATA, exists_lateral, P + query)
