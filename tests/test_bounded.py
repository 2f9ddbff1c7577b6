"""Queries bounded by their form (:mod:`csto_kg.bounded`): which are recognised, and that the web worker
answers one exactly as a query worker does.

The recognition table holds both sides: the bounded form in its spellings, and the queries it must leave
to the query pool (another pattern, a path, a filter, a dataset clause, an order, a literal, a variable
subject). Then, through ``/sparql``: an app that answers bounded queries itself and one that sends
every query to its pool (``inline_bounded=False``) give the same status, headers and bytes, in every
results format; the row cap holds; a text that only looks bounded gets the parser's 400; and the pool's
counters show which path each query took.
"""

from __future__ import annotations

import pytest

from csto_kg.bounded import bounded
from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig
from support import ID

P = "PREFIX : <https://w3id.org/csto-kg/id/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

RECOGNISED = [
    "SELECT ?p ?o WHERE { <https://w3id.org/csto-kg/id/armenia> ?p ?o }",
    P + "SELECT ?p ?o { :armenia ?p ?o }",
    P + "# a comment\nSELECT * WHERE { :armenia ?p ?o . }",
    P + "SELECT DISTINCT ?o { :armenia a ?o }",
    P + "SELECT REDUCED ?label { :armenia rdfs:label ?label } LIMIT 2 OFFSET 1",
    P + "SELECT ?p { :armenia ?p :csto } OFFSET 3 LIMIT 10",
    P + "ASK { :armenia a ?c }",
    P + "ask where { :armenia rdfs:label ?l }",
    "BASE <https://w3id.org/csto-kg/id/>\nSELECT ?o { <armenia> <http://www.w3.org/2000/01/rdf-schema#label> ?o }",
]
NOT_RECOGNISED = [
    "SELECT ?o { <a> <p> ?o } LIMIT 1 0",  # two integers: not the form (the parser's 400, tested below)
    "SELECT ?o { <a> <p> ?o } LIMIT 1.5",  # not an integer
    P + "SELECT ?s { ?s ?p :armenia }",  # variable subject
    P + "SELECT ?s ?o { ?s ?p ?o }",
    P + "SELECT ?o { :armenia ?p ?o . :csto ?q ?o }",  # two patterns
    P + "SELECT ?o { :armenia ?p ?o ; ?q ?x }",
    P + "SELECT ?o { :armenia ?p ?o , ?x }",
    P + "SELECT ?o { :armenia rdfs:label* ?o }",  # paths
    P + "SELECT ?o { :armenia rdfs:label/rdfs:label ?o }",
    P + "SELECT ?o { :armenia ^rdfs:label ?o }",
    P + "SELECT ?o { :armenia ?p ?o FILTER(isIRI(?o)) }",
    P + "SELECT ?o { :armenia ?p ?o OPTIONAL { ?o ?q ?x } }",
    P + "SELECT ?o { GRAPH ?g { :armenia ?p ?o } }",
    P + "SELECT ?o FROM <https://w3id.org/csto-kg/graph/001> { :armenia ?p ?o }",
    P + "SELECT ?o { :armenia ?p ?o } ORDER BY ?o",
    P + "SELECT (COUNT(*) AS ?n) { :armenia ?p ?o }",
    P + 'SELECT ?p { :armenia ?p "Armenia"@en }',  # a literal
    P + "SELECT ?p { :armenia ?p 1 }",
    P + "SELECT ?o { :armenia ?p ?o } LIMIT 1 LIMIT 2",
    P + "SELECT ?o { :armenia ?p ?o } GROUP BY ?o",
    P + "ASK { :armenia ?p ?o } LIMIT 1",
    P + "CONSTRUCT WHERE { :armenia ?p ?o }",
    P + "DESCRIBE :armenia",
    P + "SELECT ?o { :armenia ?p ?o } VALUES ?o { :csto }",
    P + "SELECT ?o { :armenia ?p ?o SERVICE <http://example.org/> { ?o ?q ?r } }",
    P + "INSERT DATA { :armenia rdfs:label 'x' }",
    "SELECT ?o { _:b ?p ?o }",  # a blank node subject is a variable
    P + "# {\nSELECT ?o { :armenia ?p ?o }",  # a brace in a comment: left to the pool (a shortcut; never wrong)
    "",
]


@pytest.mark.parametrize("query", RECOGNISED)
def test_recognised(query):
    assert bounded(query)


@pytest.mark.parametrize("query", NOT_RECOGNISED)
def test_not_recognised(query):
    assert not bounded(query)


# --- through the endpoint ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def apps(shared_build):
    made = {
        "inline": create_app(ServerConfig(query_timeout=5), shared_build.build),
        "pool": create_app(ServerConfig(query_timeout=5, inline_bounded=False), shared_build.build),
        "capped": create_app(ServerConfig(query_timeout=5, max_rows=3), shared_build.build),
    }
    yield {name: app.test_client() for name, app in made.items()}
    for app in made.values():
        app.extensions["csto.engine"].close()


def _counts(client) -> tuple[int, int]:
    stats = client.get("/sparql/pool").get_json()
    return stats["inline"], stats["served"]


ANSWERED = RECOGNISED + [
    P + "SELECT ?p ?o { :no-such-entity ?p ?o }",  # no rows
    P + "ASK { :armenia ?p :no-such-entity }",  # false
]


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"])
@pytest.mark.parametrize("query", ANSWERED)
def test_the_web_worker_answers_as_a_query_worker_does(apps, query, accept):
    before = _counts(apps["inline"]), _counts(apps["pool"])
    mine = apps["inline"].post("/sparql", data={"query": query}, headers={"Accept": accept})
    pool = apps["pool"].post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert mine.status_code == pool.status_code == 200, mine.get_data(as_text=True)
    assert mine.headers["Content-Type"] == pool.headers["Content-Type"]
    assert mine.get_data() == pool.get_data()
    (inline, served), (pool_inline, pool_served) = before
    assert _counts(apps["inline"]) == (inline + 1, served), "not answered by the web worker"
    assert _counts(apps["pool"]) == (pool_inline, pool_served + 1), "not answered by the pool"


def test_an_unbounded_query_still_goes_to_the_pool(apps):
    inline, served = _counts(apps["inline"])
    r = apps["inline"].get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"})
    assert r.status_code == 200
    assert _counts(apps["inline"]) == (inline, served + 1)


def test_the_row_cap_holds_for_a_query_answered_by_the_web_worker(apps):
    inline, _ = _counts(apps["capped"])
    r = apps["capped"].get("/sparql", query_string={"query": f"SELECT ?p ?o {{ <{ID}csto> ?p ?o }}"})
    assert r.status_code == 200
    assert r.headers["X-CSTO-Truncated"] == "true" and r.headers["X-CSTO-Row-Limit"] == "3"
    doc = r.get_json()
    assert len(doc["results"]["bindings"]) == 3 and doc["truncated"] is True
    assert _counts(apps["capped"])[0] == inline + 1


def test_a_text_that_only_looks_bounded_gets_the_parsers_400(apps):
    query = "SELECT ?o { <a> <p> ?o } LIMIT 1 0"
    mine = apps["inline"].get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    pool = apps["pool"].get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert mine.status_code == pool.status_code == 400
    assert mine.get_data() == pool.get_data()
