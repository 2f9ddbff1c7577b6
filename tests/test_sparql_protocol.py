"""The SPARQL 1.1 Protocol at /sparql through Flask's test client: the full matrix, negotiation, errors.

Accept x (GET | POST form | POST application/sparql-query) x query form, each
response checked for status, Content-Type and a body that parses; then
q-values, the ``format`` parameter, 406/400/405/415/403, the dataset
parameters, the row cap, the service description, VoID and CORS.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig
from csto_kg.sparql_rewrite import nested_closures_collapsed
from support import GRAPH, ID, LEAKS, RDF_MEDIA_TYPES, run_cli

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
SRX = "{http://www.w3.org/2005/sparql-results#}"

QUERIES = {
    "SELECT": "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5",
    "ASK": "ASK { ?s ?p ?o }",
    "CONSTRUCT": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5",
    "DESCRIBE": f"DESCRIBE <{ID}csto>",
}
RESULT_ACCEPTS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_ACCEPTS = RDF_MEDIA_TYPES
RESPONSE_TYPE = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
METHODS = ("GET", "POST-form", "POST-body")


@pytest.fixture(scope="module")
def build(shared_build):
    return shared_build.build


@pytest.fixture(scope="module")
def app(build):
    app = create_app(ServerConfig(query_timeout=5, max_rows=10_000), build)
    yield app
    app.extensions["csto.engine"].close()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def send(client, method: str, query: str, headers: dict | None = None, **params):
    headers = headers or {}
    if method == "GET":
        return client.get("/sparql", query_string={"query": query, **params}, headers=headers)
    if method == "POST-form":
        return client.post("/sparql", data={"query": query, **params}, headers=headers)
    return client.post(
        "/sparql",
        data=query.encode(),
        query_string=params,
        headers={**headers, "Content-Type": "application/sparql-query"},
    )


def check_results(body: bytes, kind: str, form: str) -> None:
    if kind == "json":
        doc = json.loads(body)
        assert ("boolean" in doc) if form == "ASK" else doc["results"]["bindings"]
    elif kind == "xml":
        root = ET.fromstring(body)
        assert root.tag == SRX + "sparql"
        assert root.find(SRX + ("boolean" if form == "ASK" else "results")) is not None
    elif kind == "csv":
        rows = list(csv.reader(io.StringIO(body.decode())))
        assert rows == [["true"]] if form == "ASK" else (rows[0] == ["s", "p", "o"] and len(rows) == 6)
    else:
        lines = body.decode().splitlines()
        assert lines == ["true"] if form == "ASK" else (lines[0].split("\t") == ["?s", "?p", "?o"] and len(lines) == 6)


def check_rdf(body: bytes, rdflib_format: str) -> None:
    g = Dataset() if rdflib_format in ("trig", "nquads") else Graph()
    g.parse(data=body, format=rdflib_format)
    assert len(g) > 0


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("accept", RESULT_ACCEPTS)
@pytest.mark.parametrize("form", ["SELECT", "ASK"])
def test_select_and_ask_in_every_results_format(client, method, accept, form):
    r = send(client, method, QUERIES[form], {"Accept": accept})
    kind = RESULT_ACCEPTS[accept]
    assert r.status_code == 200, r.data
    assert r.mimetype == RESPONSE_TYPE[kind]
    assert "Accept" in r.headers.get("Vary", "")
    check_results(r.data, kind, form)


STAR_QUERIES = {
    # SELECT * names its variables in the order they first appear in the query (SPARQL leaves it open; the engine
    # sorts them by name, Virtuoso and most stores keep this order): a projection keeps its own order
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3": ["s", "p", "o"],
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT DISTINCT * { ?x rdfs:label ?label OPTIONAL { ?x a ?c "
    "} BIND(STRLEN(?label) AS ?length) } LIMIT 3": ["x", "label", "c", "length"],
    "SELECT REDUCED * { { SELECT ?o ?s { ?s ?p ?o } LIMIT 2 } }": ["o", "s"],
    "SELECT ?o ?s WHERE { ?s ?p ?o } LIMIT 3": ["o", "s"],
}


def columns(body: bytes, kind: str) -> list[str]:
    if kind == "json":
        return json.loads(body)["head"]["vars"]
    if kind == "xml":
        return [v.get("name") for v in ET.fromstring(body).find(SRX + "head")]
    if kind == "csv":
        return next(csv.reader(io.StringIO(body.decode())))
    return [v.removeprefix("?") for v in body.decode().splitlines()[0].split("\t")]


@pytest.mark.parametrize("accept", RESULT_ACCEPTS)
@pytest.mark.parametrize("query", STAR_QUERIES)
def test_select_star_columns_come_in_the_order_the_query_names_them(client, accept, query):
    r = send(client, "GET", query, {"Accept": accept})
    assert r.status_code == 200, r.data
    assert columns(r.data, RESULT_ACCEPTS[accept]) == STAR_QUERIES[query]
    if RESULT_ACCEPTS[accept] == "json":  # each row's values under their own variable, whatever the order
        rows = json.loads(r.data)["results"]["bindings"]
        assert rows and all(set(row) <= set(STAR_QUERIES[query]) for row in rows)


@pytest.mark.parametrize("query", STAR_QUERIES)
def test_the_command_line_gives_select_star_the_same_columns(shared_build, query):
    run = run_cli(["query", query, "--format", "csv"], env=shared_build.env)
    assert run.returncode == 0, run.stderr
    assert next(csv.reader(io.StringIO(run.stdout))) == STAR_QUERIES[query]


@pytest.mark.parametrize(
    "query, says",
    [
        (
            "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
            "INSERT opens a SPARQL Update, and csto-kg query runs queries",
        ),
        ("PREFIX x: <urn:x:>\nDELETE WHERE { ?s x:p ?o }", "DELETE opens a SPARQL Update"),
        # the command line makes the call (the endpoint refuses it): one that cannot connect is a one-line error
        ("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "the query's SERVICE call failed: "),
    ],
)
def test_the_command_line_refuses_an_update_and_reports_a_failed_service_call_in_one_line(shared_build, query, says):
    run = run_cli(["query", query, "--format", "csv"], env=shared_build.env)
    assert run.returncode == 2 and run.stdout == "", (run.returncode, run.stdout[:300])
    assert run.stderr.startswith(f"csto-kg query: error: {says}") and run.stderr.count("\n") == 1, run.stderr


@pytest.mark.parametrize(
    "args, env, says",
    [
        (["--port", "99999"], {}, "port (--port or CSTO_KG_PORT) must be a whole number from 1 to 65535, not 99999"),
        (["--workers", "0"], {}, "web workers (--workers or CSTO_KG_WEB_WORKERS) must be a whole number at least 1"),
        (["--query-timeout", "nan"], {}, "query timeout (--query-timeout or CSTO_KG_QUERY_TIMEOUT) must be a finite"),
        (["--query-timeout", "0"], {}, "query timeout (--query-timeout or CSTO_KG_QUERY_TIMEOUT) must be a finite"),
        ([], {"CSTO_KG_PORT": "http"}, "CSTO_KG_PORT='http' is not a whole number"),
        ([], {"CSTO_KG_MAX_ROWS": "-1"}, "max rows (CSTO_KG_MAX_ROWS) must be a whole number at least 1, not -1"),
        (["--store", "notaurl"], {}, "argument --store: 'notaurl' is not the http:// or https:// URL of a SPARQL"),
        ([], {"CSTO_KG_STORE": "ftp://x"}, "the store (--store or CSTO_KG_STORE) must be an http:// or https:// URL"),
        ([], {"CSTO_KG_TODAY": "2026-13-01"}, "CSTO_KG_TODAY='2026-13-01' is not a date written YYYY-MM-DD"),
    ],
)
def test_serve_names_a_setting_out_of_range_before_it_starts(shared_build, args, env, says):
    """A port past 65535 was a traceback from the socket, a time limit of 0 s served and refused every query, NaN
    and no web worker reached gunicorn ("cannot convert float NaN to integer")."""
    run = run_cli(["serve", *args], env={**shared_build.env, **env})
    assert run.returncode == 2, (run.returncode, run.stdout[-500:], run.stderr[-500:])
    assert f"csto-kg serve: error: {says}" in run.stderr and "Traceback" not in run.stderr, run.stderr


@pytest.mark.parametrize(
    "args, says",
    [  # serve --store notaurl was a ValueError traceback; a NaN timeout one from isql's; -5 s was taken
        (["--store", "notaurl", "--isql", "127.0.0.1:1111"], "argument --store: 'notaurl' is not the http://"),
        (["--store", "http://127.0.0.1:9/sparql", "--isql", "nohostport"], "argument --isql: 'nohostport' is not"),
        (["--store", "http://127.0.0.1:9/sparql", "--isql", "127.0.0.1:99999"], "a port from 1 to 65535"),
        (["--store", "http://127.0.0.1:9/sparql", "--isql", "127.0.0.1:9", "--timeout", "nan"], "'nan' is not a"),
        (["--store", "http://127.0.0.1:9/sparql", "--isql", "127.0.0.1:9", "--timeout", "-5"], "seconds over 0"),
    ],
)
def test_publish_names_an_address_or_a_time_limit_it_cannot_use_before_it_starts(shared_build, args, says):
    run = run_cli(["publish", *args], env=shared_build.env)
    assert run.returncode == 2 and "Traceback" not in run.stderr, (run.returncode, run.stderr[-500:])
    assert "csto-kg publish: error: argument" in run.stderr and says in run.stderr, run.stderr


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("accept", GRAPH_ACCEPTS)
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_construct_and_describe_in_every_rdf_format(client, method, accept, form):
    r = send(client, method, QUERIES[form], {"Accept": accept})
    assert r.status_code == 200, r.data
    assert r.mimetype == accept
    check_rdf(r.data, GRAPH_ACCEPTS[accept])


@pytest.mark.parametrize(
    "form, mimetype",
    [
        ("SELECT", "application/sparql-results+json"),
        ("ASK", "application/sparql-results+json"),
        ("CONSTRUCT", "text/turtle"),
        ("DESCRIBE", "text/turtle"),
    ],
)
@pytest.mark.parametrize("accept", [None, "*/*"])
def test_defaults_without_a_preference(client, form, mimetype, accept):
    r = send(client, "GET", QUERIES[form], {"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == mimetype


@pytest.mark.parametrize(
    "form, accept, expected",
    [
        ("SELECT", "text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("SELECT", "application/sparql-results+json;q=0, text/*;q=0.2", "text/csv"),
        ("SELECT", "application/sparql-results+xml;q=0.1, text/tab-separated-values", "text/tab-separated-values"),
        ("SELECT", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+xml"),
        (
            "CONSTRUCT",
            "text/turtle;q=0.2, application/n-triples;q=0.7, application/ld+json;q=0.5",
            "application/n-triples",
        ),
        ("CONSTRUCT", "application/json", "application/ld+json"),
        ("CONSTRUCT", "text/plain", "application/n-triples"),
        ("DESCRIBE", "application/trig;q=1.0, text/turtle;q=0.9", "application/trig"),
    ],
)
def test_q_values_choose_the_best_format(client, form, accept, expected):
    r = send(client, "GET", QUERIES[form], {"Accept": accept})
    assert r.status_code == 200 and r.mimetype == expected


@pytest.mark.parametrize(
    "form, formats, expected",
    [
        ("SELECT", ["csv"], "text/csv"),
        ("SELECT", ["tsv", "text/tab-separated-values"], "text/tab-separated-values"),  # as SPARQLWrapper sends it
        ("SELECT", ["application/sparql-results+xml"], "application/sparql-results+xml"),
        ("ASK", ["xml"], "application/sparql-results+xml"),
        ("CONSTRUCT", ["json"], "application/ld+json"),
        ("CONSTRUCT", ["xml"], "application/rdf+xml"),
        ("CONSTRUCT", ["nq"], "application/n-quads"),
        ("DESCRIBE", ["turtle"], "text/turtle"),
    ],
)
def test_format_parameter_overrides_accept(client, form, formats, expected):
    r = client.get(
        "/sparql",
        query_string=[("query", QUERIES[form])] + [("format", f) for f in formats],
        headers={"Accept": "application/sparql-results+json, text/turtle"},
    )
    assert r.status_code == 200 and r.mimetype == expected


@pytest.mark.parametrize(
    "form, headers, params",
    [
        ("SELECT", {"Accept": "image/png"}, {}),
        ("SELECT", {"Accept": "text/turtle"}, {}),
        ("ASK", {"Accept": "application/sparql-results+json;q=0"}, {}),
        ("CONSTRUCT", {"Accept": "text/csv"}, {}),
        ("DESCRIBE", {"Accept": "application/sparql-results+json"}, {}),
        ("SELECT", {}, {"format": "ttl"}),
        ("CONSTRUCT", {}, {"format": "csv"}),
        ("SELECT", {}, {"format": "no-such-format"}),
    ],
)
def test_an_accept_it_cannot_satisfy_gets_406(client, form, headers, params):
    r = send(client, "GET", QUERIES[form], headers, **params)
    assert r.status_code == 406
    assert b"available as" in r.data


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    "query, headers, params",
    [
        ("CONSTRUCT ", {"Accept": "application/sparql-results+json"}, {}),  # W3C syn-bad-25
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o", {"Accept": "text/csv"}, {}),
        ("DESCRIBE WHERE { }", {"Accept": "application/sparql-results+xml"}, {}),
        ("SELECT ?x WHERE { ?x ?p }", {"Accept": "text/turtle"}, {}),
        ("ASK { ?s ?p ?o", {"Accept": "image/png"}, {}),
        ("SELECT * WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }", {}, {"format": "ttl"}),  # in scope twice (section 18.2.1)
        ("CONSTRUCT WHERE { ?s ?p ?o . FILTER(true) }", {"Accept": "text/csv"}, {}),
    ],
)
def test_a_query_in_error_is_400_whatever_format_it_asks_for(client, method, query, headers, params):
    """Round 12 (ep9/ep11 leftover): negotiation came before the query was read, so a malformed query asking for a
    format its form has not was a 406 (W3C syn-bad-25). What is wrong with the query is said first."""
    r = send(client, method, query, headers, **params)
    assert r.status_code == 400, (r.status_code, r.data[:300])


@pytest.mark.parametrize(
    "query, headers",
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", {"Accept": "application/sparql-results+json"}),
        ("ASK { ?s ?p ?o }", {"Accept": "text/turtle"}),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", {"Accept": "image/png"}),
    ],
)
def test_a_valid_query_asking_for_a_format_its_form_has_not_is_still_406(client, query, headers):
    r = send(client, "GET", query, headers)
    assert r.status_code == 406 and b"available as" in r.data, (r.status_code, r.data[:300])


@pytest.mark.parametrize("method", METHODS)
def test_malformed_query_gets_400_with_the_parsers_message(client, method):
    r = send(client, method, "SELECT * WHERE { ?s ?p }")
    assert r.status_code == 400
    assert b"error at 1:" in r.data  # Oxigraph's message, with the position
    assert not any(leak.encode() in r.data for leak in LEAKS)


def test_error_body_is_json_for_a_json_client(client):
    r = send(client, "GET", "SELEKT * {}", {"Accept": "application/json"})
    assert r.status_code == 400 and r.mimetype == "application/json"
    error = r.get_json()["error"]
    assert error["status"] == 400 and "error at" in error["message"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_get_405(client, method):
    r = client.open("/sparql", method=method, query_string={"query": "ASK {}"})
    assert r.status_code == 405
    assert {"GET", "POST"} <= {m.strip() for m in r.headers["Allow"].split(",")}


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "multipart/form-data; boundary=x", None])
def test_post_of_another_media_type_gets_415(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    r = client.post("/sparql", data=b"ASK {}", headers=headers)
    assert r.status_code == 415


def test_post_without_a_query_gets_400(client):
    assert client.post("/sparql", data={"nothing": "here"}).status_code == 400


def test_repeated_query_parameter_gets_400(client):
    r = client.get("/sparql", query_string=[("query", "ASK {}"), ("query", "ASK {}")])
    assert r.status_code == 400


@pytest.mark.parametrize(
    "path, form, formats, named",
    [
        ("/sparql", "SELECT", ["json", "xml"], ["application/sparql-results+json", "application/sparql-results+xml"]),
        ("/sparql", "ASK", ["csv", "text/tab-separated-values"], ["text/csv", "text/tab-separated-values"]),
        ("/sparql", "CONSTRUCT", ["ttl", "nt"], ["text/turtle", "application/n-triples"]),
        ("/sparql", "DESCRIBE", ["json", "application/rdf+xml"], ["application/ld+json", "application/rdf+xml"]),
        ("/sparql", None, ["ttl", "jsonld"], ["text/turtle", "application/ld+json"]),  # the service description
        ("/.well-known/void", None, ["nt", "rdfxml"], ["application/n-triples", "application/rdf+xml"]),
    ],
)
def test_a_format_parameter_naming_two_different_formats_is_400_naming_both(client, path, form, formats, named):
    """Found by a probe: ``format=json&format=xml`` silently answered JSON (the first); which was meant is not
    known, so it is a 400 naming both. The same format twice (as SPARQLWrapper sends it) and a value naming no
    format of the query's kind (``ttl`` for a SELECT) stay accepted."""
    params = [("query", QUERIES[form])] if form else []
    r = client.get(path, query_string=params + [("format", f) for f in formats], headers={"Accept": "*/*"})
    assert r.status_code == 400, r.data
    message = r.data.decode()
    assert "format" in message and all(media in message for media in named), message
    for same in (["tsv", "text/tab-separated-values", "TSV"], ["csv", "ttl"]):
        r = client.get("/sparql", query_string=[("query", QUERIES["SELECT"])] + [("format", f) for f in same])
        assert r.status_code == 200 and r.mimetype == ("text/csv" if "csv" in same else "text/tab-separated-values")


@pytest.mark.parametrize(
    "path, accept",
    [("/sparql", "text/turtle"), ("/sparql", "application/ld+json"), ("/.well-known/void", "text/turtle")],
)
def test_service_description_and_void_answer_if_none_match_with_304(client, path, accept):
    """Found by a probe: neither had a validator, so every revalidation refetched them. The ETag hashes the body
    (the format is in it): another format's ETag does not match; the 304 keeps Vary and CORS."""
    whole = client.get(path, headers={"Accept": accept, "Origin": "https://example.org"})
    etag = whole.headers["ETag"]
    assert whole.status_code == 200 and "ETag" in whole.headers["Access-Control-Expose-Headers"]
    for method in (client.get, client.head):
        r = method(path, headers={"Accept": accept, "If-None-Match": f'"other", {etag}', "Origin": "https://x.org"})
        assert r.status_code == 304 and r.data == b"" and r.headers["ETag"] == etag
        assert r.headers["Vary"] == whole.headers["Vary"] and r.headers["Access-Control-Allow-Origin"] == "*"
    other = client.get(path, headers={"Accept": "application/n-triples", "If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag
    assert client.get(path, headers={"Accept": accept, "If-None-Match": '"other"'}).data == whole.data


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("values", [["1", "100"], ["5", "abc"], ["abc", "5"]])
def test_a_timeout_given_twice_with_different_values_is_400_naming_them(client, method, values):
    """Found by a probe: ``timeout=1&timeout=100`` silently ran with the first (and ``timeout=5&timeout=abc``
    passed the bad one over). The same value twice is one limit."""
    params = {"timeout": values}
    r = send(client, method, QUERIES["ASK"], **params)
    assert r.status_code == 400 and all(repr(v) in r.data.decode() for v in values), r.data
    assert send(client, method, QUERIES["ASK"], timeout=["3", "3"]).status_code == 200


@pytest.mark.parametrize("how", ["query", "update-param", "update-body"])
def test_update_is_refused(client, how):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "query":
        r = client.get("/sparql", query_string={"query": update})
    elif how == "update-param":
        r = client.post("/sparql", data={"update": update})
    else:
        r = client.post("/sparql", data=update, content_type="application/sparql-update")
    assert r.status_code == 403 and b"read-only" in r.data


def _count(client, **params) -> int:
    r = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **params})
    assert r.status_code == 200, r.data
    return int(r.get_json()["results"]["bindings"][0]["n"]["value"])


def test_default_graph_is_the_union_of_the_named_graphs(client, build):
    """The union as a set: a triple several named graphs hold counts once."""
    import pyoxigraph as ox

    distinct = {
        (q.subject, q.predicate, q.object) for q in ox.parse(path=str(build.nquads), format=ox.RdfFormat.N_QUADS)
    }
    assert _count(client) == len(distinct) < sum(build.manifest["graphs"].values())


def test_the_default_graph_holds_each_quads_triple_with_its_own_blank_nodes(client):
    """The union shares the named graphs' nodes, blank ones too (a passage's selectors): every quad's triple is in
    the default graph as the quad has it, and a selector found there is found in the graph that states it."""
    missing = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"  # none
    found = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?selector <http://www.w3.org/ns/oa#exact> ?quote "
        "FILTER (isBlank(?selector) && EXISTS { GRAPH ?g { ?selector <http://www.w3.org/ns/oa#exact> ?quote } }) }"
    )
    blank = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?selector <http://www.w3.org/ns/oa#exact> ?quote FILTER isBlank(?selector) }"
    )
    answers = []
    for query in (missing, found, blank):
        r = client.get("/sparql", query_string={"query": query})
        assert r.status_code == 200, r.data
        answers.append(int(r.get_json()["results"]["bindings"][0]["n"]["value"]))
    assert answers[0] == 0 and answers[1] == answers[2] > 0, answers


def test_default_graph_uri_and_from_name_loaded_graphs(client, build):
    counts = build.manifest["graphs"]
    ontology, meta = GRAPH + "ontology", GRAPH + "meta"
    assert _count(client, **{"default-graph-uri": ontology}) == counts[ontology]
    r = client.get(
        "/sparql",
        query_string=[
            ("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
            ("default-graph-uri", ontology),
            ("default-graph-uri", meta),
        ],
    )
    assert int(r.get_json()["results"]["bindings"][0]["n"]["value"]) == counts[ontology] + counts[meta]
    r = client.get("/sparql", query_string={"query": f"SELECT (COUNT(*) AS ?n) FROM <{meta}> WHERE {{ ?s ?p ?o }}"})
    assert int(r.get_json()["results"]["bindings"][0]["n"]["value"]) == counts[meta]


def test_named_graph_uri_restricts_graph_patterns(client, build):
    meta = GRAPH + "meta"
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/sparql", query_string={"query": query, "named-graph-uri": meta})
    assert [b["g"]["value"] for b in r.get_json()["results"]["bindings"]] == [meta]
    r = client.get("/sparql", query_string={"query": query})
    assert {b["g"]["value"] for b in r.get_json()["results"]["bindings"]} == set(build.manifest["graphs"])


def test_named_graph_uri_alone_gives_an_empty_default_graph(client, build):
    """As FROM NAMED alone does: the dataset is exactly what the request names."""
    meta = GRAPH + "meta"
    assert _count(client, **{"named-graph-uri": meta}) == 0
    r = client.get(
        "/sparql", query_string={"query": f"SELECT (COUNT(*) AS ?n) FROM NAMED <{meta}> WHERE {{ ?s ?p ?o }}"}
    )
    assert int(r.get_json()["results"]["bindings"][0]["n"]["value"]) == 0


def test_default_graph_uri_alone_gives_no_named_graphs(client, build):
    """As FROM alone does: GRAPH patterns find nothing."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = client.get("/sparql", query_string={"query": query, "default-graph-uri": GRAPH + "meta"})
    assert int(r.get_json()["results"]["bindings"][0]["n"]["value"]) == 0


@pytest.mark.parametrize(
    "param, query",
    [("default-graph-uri", "ASK { ?s ?p ?o }"), ("named-graph-uri", "ASK { GRAPH ?g { ?s ?p ?o } }")],
)
def test_a_dataset_parameter_naming_an_unknown_graph_is_answered_from_an_empty_graph_and_says_so(
    client, build, param, query
):
    """As a query's own FROM is (SPARQL: an IRI the service cannot resolve names an empty graph; the W3C protocol
    tests send such IRIs and expect 2xx). It was 400: a valid request refused."""
    unknown = "https://example.org/no-such-graph"
    r = send(client, "GET", query, **{param: unknown})
    assert r.status_code == 200 and r.get_json()["boolean"] is False
    assert r.headers["X-CSTO-Unknown-Graphs"] == f"<{unknown}>"
    held = next(g for g in build.manifest["graphs"] if g.endswith("/entities"))
    r = client.get("/sparql", query_string={"query": query, param: [unknown, held]})
    assert r.status_code == 200 and r.get_json()["boolean"] is True  # the graph it holds is read beside it
    assert r.headers["X-CSTO-Unknown-Graphs"] == f"<{unknown}>"


def test_from_naming_an_unknown_graph_is_answered_and_says_so(client):
    r = send(client, "GET", "SELECT * FROM <https://example.org/no-such-graph> WHERE { ?s ?p ?o }")
    assert r.status_code == 200 and r.get_json()["results"]["bindings"] == []
    assert r.headers["X-CSTO-Unknown-Graphs"] == "<https://example.org/no-such-graph>"


def test_a_query_body_in_another_charset_than_utf8_gets_415(client):
    r = client.post(
        "/sparql", data="ASK {}".encode("utf-16"), headers={"Content-Type": "application/sparql-query; charset=UTF-16"}
    )
    assert r.status_code == 415 and b"UTF-8" in r.data


def test_a_direct_post_with_a_query_parameter_too_gets_400(client):
    r = client.post(
        "/sparql",
        data=b"ASK {}",
        query_string={"query": "ASK {}"},
        headers={"Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 400 and b"not both" in r.data


@pytest.mark.parametrize(
    "text", ["# only a comment\n", "BASE <http://example.org/>", "PREFIX ex: <http://example.org/>"]
)
def test_an_empty_update_sent_as_a_query_gets_403(client, text):
    r = send(client, "POST-form", text)
    assert r.status_code == 403 and b"read-only" in r.data


def test_relative_iris_resolve_against_the_stated_base(client):
    r = send(client, "GET", "SELECT ?p WHERE { <id/csto> ?p ?o } LIMIT 1")
    assert r.status_code == 200 and r.get_json()["results"]["bindings"]
    r = send(client, "GET", "CONSTRUCT { <s> <p> 1 } WHERE {}", {"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.data.startswith(b"<https://w3id.org/csto-kg/s> <https://w3id.org/csto-kg/p>")
    sd = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).data, format="turtle")
    assert (
        "https://w3id.org/csto-kg/"
        in " ".join(str(o) for o in sd.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))).split(
            "base IRI "
        )[1][:30]
    )


def test_an_unknown_function_is_an_expression_error(client):
    q = "SELECT ?x ?y WHERE { VALUES ?x { 1 2 } BIND(<urn:x-unknown:f>(?x) AS ?y) } ORDER BY ?x"
    r = send(client, "GET", q)
    assert r.status_code == 200
    assert r.get_json()["results"]["bindings"] == [
        {"x": {"type": "literal", "value": str(i), "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
        for i in (1, 2)
    ]
    r = send(client, "GET", "SELECT ?x WHERE { VALUES ?x { 1 2 } FILTER(<urn:x-unknown:f>(?x)) }")
    assert r.status_code == 200 and r.get_json()["results"]["bindings"] == []


CAST_ARITY = [  # SPARQL 1.1 section 17.5: a cast (an XPath constructor function) takes one argument
    ("SELECT ?x WHERE { BIND(<http://www.w3.org/2001/XMLSchema#integer>(1, 2) AS ?x) }", "XMLSchema#integer", "2"),
    ("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ASK { FILTER(xsd:string()) }", "XMLSchema#string", "0"),
    ("SELECT (<http://www.w3.org/2001/XMLSchema#date>('2020-01-01', 1, 2) AS ?d) {}", "XMLSchema#date", "3"),
    ("SELECT ?s WHERE { ?s ?p ?o } ORDER BY <http://www.w3.org/2001/XMLSchema#double>(?o, ?s) LIMIT 1", "#double", "2"),
]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("query, function, given", CAST_ARITY)
def test_a_cast_given_other_than_one_argument_is_400_naming_it(client, method, query, function, given):
    """Round 14: the engine refuses the call while planning (a RuntimeError), which was a 500."""
    r = send(client, method, query)
    assert r.status_code == 400, (r.status_code, r.data)
    message = r.data.decode()
    assert function in message and "takes one argument" in message and f"{given} given" in message, message


NOT_A_PRIMARY = [  # SPARQL 1.1 rule 118: '!' PrimaryExpression; a primary never starts with '!', nor with a sign
    "SELECT ?x WHERE { BIND(!!true AS ?x) }",  # but in a numeric literal ('-1')
    "ASK { FILTER(! !false) }",
    "ASK { FILTER(!-?x) }",
    "ASK { FILTER(! # a comment between\n !true) }",
    "SELECT * WHERE { ?s !!<urn:p> ?o }",  # rule 95: a negated property set is '!' and one set, not two
]
STILL_VALID = [  # the same characters where the grammar allows them
    ("ASK { FILTER(!-1 = false) }", True),  # '-1' is a numeric literal
    ("ASK { FILTER(!(!true)) }", True),  # a bracketed expression is a primary
    ("ASK { FILTER(true != !false) }", False),  # '!=' then '!'
    ("ASK { FILTER(true !=!false) }", False),
    ('ASK { FILTER("!!" = "!!") }', True),  # in a string
    ("ASK { FILTER(--1 = 1) }", True),  # '-' then the literal '-1'
]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("query", NOT_A_PRIMARY)
def test_a_negation_of_a_negation_without_brackets_is_400(client, method, query):
    """Round 14: the engine read ``!!true`` as ``!(!true)``; SPARQL's grammar has no such expression."""
    r = send(client, method, query)
    assert r.status_code == 400, (r.status_code, r.data)
    message = r.data.decode()
    line = "2:2" if "\n" in query else "1:"  # the second "!", or the sign, is where the query goes wrong
    assert f"error at {line}" in message and "cannot follow !" in message and "brackets" in message, message


@pytest.mark.parametrize("query, answer", STILL_VALID)
def test_a_negation_where_the_grammar_allows_it_is_answered(client, query, answer):
    r = send(client, "GET", query)
    assert r.status_code == 200 and r.get_json()["boolean"] is answer, r.data


def test_an_iri_token_is_not_read_as_two_comparisons(client):
    """W3C syn-bad-26: by the longest-token rule ``<?a&&?b>`` is an IRI, so this FILTER is malformed."""
    r = send(client, "GET", "PREFIX : <http://example/ns#> SELECT * WHERE { FILTER (?x<?a&&?b>?y) }")
    assert r.status_code == 400 and b"longest-token" in r.data


def test_a_parse_error_is_one_line_with_line_and_column(client):
    r = send(client, "GET", "SELECT *\nWHERE {\n  ?s ?p\n}")
    assert r.status_code == 400
    body = r.data.decode()
    assert body.count("\n") == 1 and "error at 4:" in body


@pytest.mark.parametrize(
    "param, value",
    [
        ("default-graph-uri", "not an iri"),
        ("named-graph-uri", "relative/path"),
        ("timeout", "soon"),
        ("timeout", "-1"),
        ("timeout", "nan"),
    ],
)
def test_bad_parameters_get_400(client, param, value):
    assert send(client, "GET", "ASK {}", **{param: value}).status_code == 400


def test_service_is_refused_with_a_clear_message(client):
    r = send(client, "GET", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert r.status_code == 400 and b"SERVICE" in r.data


@pytest.fixture(scope="module")
def capped(build):
    """A client of an app capped at 7 rows."""
    app = create_app(ServerConfig(max_rows=7), build)
    yield app.test_client()
    app.extensions["csto.engine"].close()


class TestRowCap:
    @pytest.mark.parametrize("accept", list(RESULT_ACCEPTS))
    def test_select_past_the_cap_is_cut_and_says_so(self, capped, accept):
        r = send(capped, "GET", "SELECT * WHERE { ?s ?p ?o }", {"Accept": accept})
        assert r.status_code == 200
        assert r.headers["X-CSTO-Truncated"] == "true" and r.headers["X-CSTO-Row-Limit"] == "7"
        if RESULT_ACCEPTS[accept] == "json":
            doc = json.loads(r.data)
            assert doc["truncated"] is True and len(doc["results"]["bindings"]) == 7
        elif RESULT_ACCEPTS[accept] == "csv":
            assert len(list(csv.reader(io.StringIO(r.data.decode())))) == 8

    def test_construct_past_the_cap_is_cut_and_says_so(self, capped):
        r = send(capped, "GET", "CONSTRUCT WHERE { ?s ?p ?o }", {"Accept": "application/n-triples"})
        assert r.status_code == 200 and r.headers["X-CSTO-Truncated"] == "true"
        assert len(Graph().parse(data=r.data, format="nt")) == 7

    def test_result_within_the_cap_is_not_marked(self, capped):
        r = send(capped, "GET", "SELECT * WHERE { ?s ?p ?o } LIMIT 7")
        assert r.status_code == 200 and "X-CSTO-Truncated" not in r.headers
        assert "truncated" not in r.get_json()


@pytest.mark.parametrize(
    "accept, rdflib_format",
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
        (None, "turtle"),
    ],
)
def test_service_description_lists_formats_graphs_and_entailment(client, build, accept, rdflib_format):
    r = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert r.status_code == 200
    g = Graph().parse(data=r.data, format=rdflib_format)
    [service] = list(g.subjects(RDF.type, SD.Service))
    assert (service, SD.endpoint, URIRef("http://localhost/sparql")) in g
    assert (service, SD.feature, SD.UnionDefaultGraph) in g
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    formats = set(g.objects(service, SD.resultFormat))
    assert {
        URIRef("http://www.w3.org/ns/formats/" + f)
        for f in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "JSON-LD",
            "RDF_XML",
            "TriG",
            "N-Quads",
        )
    } <= formats
    dataset = g.value(service, SD.defaultDataset)
    assert g.value(dataset, SD.defaultGraph) is not None
    names = {str(g.value(ng, SD.name)): ng for ng in g.objects(dataset, SD.namedGraph)}
    assert set(names) == set(build.manifest["graphs"])
    inferred = names[GRAPH + "inferred"]
    assert g.value(inferred, SD.entailmentRegime) == URIRef("http://www.w3.org/ns/entailment/OWL-RDF-Based")
    assert (service, SD.supportedEntailmentProfile, URIRef("http://www.w3.org/ns/owl-profile/RL")) in g


def test_service_description_sends_a_browser_to_the_query_page(client):
    r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/query")


@pytest.mark.parametrize(
    "accept, rdflib_format",
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
    ],
)
def test_void_is_the_meta_graph_by_content_negotiation(client, build, accept, rdflib_format):
    r = client.get("/.well-known/void", headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    g = Graph().parse(data=r.data, format=rdflib_format)
    assert (URIRef("https://w3id.org/csto-kg/dataset"), RDF.type, VOID.Dataset) in g
    assert len(g) == build.manifest["graphs"][GRAPH + "meta"]


def test_void_406(client):
    assert client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("path", ["/sparql", "/.well-known/void"])
def test_cors_on_reads_and_preflight(client, path):
    r = client.options(
        path,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    # POST is offered only where it is answered (found by a probe: the VoID's preflight offered POST, a 405)
    assert ("POST" in r.headers["Access-Control-Allow-Methods"]) == (path == "/sparql")
    assert "GET" in r.headers["Access-Control-Allow-Methods"]
    r = client.get(
        path, query_string={"query": "ASK {}"} if path == "/sparql" else {}, headers={"Origin": "https://example.org"}
    )
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    r = client.post("/sparql", data={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-CSTO-Truncated" in r.headers["Access-Control-Expose-Headers"]


# --- found by a probe of the endpoint: each case through the real interface ----------------------------------

ONT = "https://w3id.org/csto-kg/ontology/"
MIXED_PATH = (
    f"<{ONT}notBefore>|<{ONT}date>|<http://www.w3.org/ns/oa#start>|<http://www.w3.org/2000/01/rdf-schema#label>"
)


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT ?s ?uuid {{ ?s {MIXED_PATH} ?uuid }} ORDER BY ?uuid",
        f"SELECT ?s ?o {{ ?s {MIXED_PATH} ?o }} ORDER BY ?s ?rand",
        f'SELECT ?s ?o {{ ?s {MIXED_PATH} ?o }} ORDER BY COALESCE(?o,"uuid")',
        f"SELECT ?s ?o {{ ?s {MIXED_PATH} ?o }} ORDER BY IF(EXISTS{{?s a ?t}}, ?o, ?o)",
        f"SELECT ?s ?o {{ ?s {MIXED_PATH} ?o }} ORDER BY IF(RAND()<2, ?o, ?o)",
        f"SELECT ?s ?o {{ ?s {MIXED_PATH} ?o }} ORDER BY EXISTS {{ ?s a ?t }} DESC(?o)",
        f"SELECT ?s ?o {{ ?s {MIXED_PATH} ?o }} ORDER BY #c\r?o",
        f"SELECT ?s ?o {{ #c\r?s {MIXED_PATH} ?o }} ORDER BY ?o",
        f"CONSTRUCT {{ ?s <urn:x:v> ?uuid }} WHERE {{ ?s {MIXED_PATH} ?uuid }} ORDER BY ?uuid LIMIT 50",
    ],
)
def test_order_by_over_mixed_types_never_kills_the_worker(client, app, query):
    died = app.extensions["csto.engine"].stats()["died"]
    r = send(client, "POST-body", query)
    assert r.status_code == 200, r.data[:300]
    assert app.extensions["csto.engine"].stats()["died"] == died


@pytest.mark.parametrize(
    "query, status",
    [
        ("SELECT * { #x\r SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 400),  # section 19.4: CR ends it
        ("# comment\rSELECT * { }", 200),
        ("# c\rCONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", 200),
        ("# c\rASK {}", 200),
        (f"# c\rDESCRIBE <{ID}csto>", 200),
        ("BASE <http://ex/>\r# c\rSELECT * { }", 200),
        ("# c\rPREFIX ex: <http://ex/>\r", 403),  # still an empty update
        ('SELECT ("x"@service AS ?x) {}', 200),
        ('SELECT ("x"@en-service AS ?x) {}', 200),
        ('SELECT ("x"@x-service AS ?x) {}', 200),
        (r"SELECT (<http://example.org/caf\u00e9/service> AS ?x) {}", 200),
        (r"SELECT * { \u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 400),
        (r'SELECT * { BIND("\u005C" AS ?a) SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }', 400),
    ],
)
def test_service_and_update_refusals_read_the_query_as_the_parser_does(client, query, status):
    for method in METHODS:
        r = send(client, method, query)
        assert r.status_code == status, (method, r.data[:300])
        if status == 400:
            assert b"SERVICE" in r.data


CSV = "text/csv; charset=utf-8"
PARAMETER_ACCEPTS = [
    ("SELECT", CSV, "text/csv"),
    ("SELECT", "application/sparql-results+json; charset=utf-8", "application/sparql-results+json"),
    ("SELECT", "application/sparql-results+xml;charset=UTF-8", "application/sparql-results+xml"),
    ("SELECT", "text/tab-separated-values; charset=utf-8;q=0.4, text/csv;charset=utf-8;q=0.9", "text/csv"),
    ("SELECT", "text/csv; charset=iso-8859-1, application/sparql-results+xml;q=0.1", "application/sparql-results+xml"),
    ("CONSTRUCT", "text/turtle; charset=utf-8", "text/turtle"),
    ("CONSTRUCT", "application/n-triples;charset=utf-8", "application/n-triples"),
    ("CONSTRUCT", 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"', "application/ld+json"),
    ("CONSTRUCT", 'text/turtle;q=0.2, application/ld+json; profile="x";q=0.8', "application/ld+json"),
]


@pytest.mark.parametrize("form, accept, mimetype", PARAMETER_ACCEPTS)
def test_accept_parameters_do_not_stop_a_match(client, form, accept, mimetype):
    r = send(client, "GET", QUERIES[form], headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == mimetype


@pytest.mark.parametrize("path", ["/sparql", "/.well-known/void", "/id/csto"])
@pytest.mark.parametrize(
    "accept, mimetype",
    [
        ("text/turtle; charset=utf-8", "text/turtle"),
        ("application/n-triples;charset=utf-8", "application/n-triples"),
        ('application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded";q=0.9', "application/ld+json"),
    ],
)
def test_accept_parameters_on_descriptions_and_pages(client, path, accept, mimetype):
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == mimetype


def test_accept_in_another_charset_only_is_406(client):
    r = send(client, "GET", QUERIES["SELECT"], headers={"Accept": "text/csv; charset=iso-8859-1"})
    assert r.status_code == 406


@pytest.mark.parametrize(
    "how",
    [
        lambda c: c.get("/sparql?query=SELECT%20(%22%E9%22%20AS%20?x)%20%7B%7D"),
        lambda c: c.post(
            "/sparql",
            data=b"query=SELECT%20(%22%E9%22%20AS%20?x)%20%7B%7D",
            content_type="application/x-www-form-urlencoded",
        ),
        lambda c: c.post(
            "/sparql",
            data='query=SELECT ("\u00e9" AS ?x) {}'.encode("latin-1"),
            content_type="application/x-www-form-urlencoded",
        ),
        lambda c: c.post("/sparql?timeout=%FF", data=b"ASK {}", content_type="application/sparql-query"),
        lambda c: c.post(
            "/sparql", data='SELECT ("\u00e9" AS ?x) {}'.encode("latin-1"), content_type="application/sparql-query"
        ),
    ],
    ids=["GET", "POST-form", "POST-form-raw-byte", "POST-body-param", "POST-body"],
)
def test_a_query_not_valid_utf8_gets_400_naming_the_problem(client, how):
    r = how(client)
    assert r.status_code == 400 and b"UTF-8" in r.data, r.data[:300]


def test_percent_encoded_utf8_is_still_read(client):
    r = client.get("/sparql?query=SELECT%20(%22%C3%A9%22%20AS%20?x)%20%7B%7D")
    assert r.status_code == 200 and r.get_json()["results"]["bindings"][0]["x"]["value"] == "\u00e9"


@pytest.mark.parametrize(
    "twice, once",
    [
        (
            f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}meta> FROM <{GRAPH}meta> {{ ?s ?p ?o }}",
            f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}meta> {{ ?s ?p ?o }}",
        ),
        (
            f"SELECT (COUNT(*) AS ?n) FROM NAMED <{GRAPH}meta> FROM NAMED <{GRAPH}meta> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"SELECT (COUNT(*) AS ?n) FROM NAMED <{GRAPH}meta> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        ),
        (
            f"PREFIX g: <{GRAPH}> SELECT (COUNT(*) AS ?n) FROM g:meta FROM <meta> {{ ?s ?p ?o }}".replace(
                "<meta>", f"<{GRAPH}meta>"
            ),
            f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}meta> {{ ?s ?p ?o }}",
        ),
        (  # the keywords against their neighbours, and in lower case
            f"SELECT (COUNT(*) AS ?n)from<{GRAPH}meta>#x\nfrom<{GRAPH}meta>{{ ?s ?p ?o }}",
            f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}meta> {{ ?s ?p ?o }}",
        ),
    ],
)
def test_a_graph_named_twice_in_the_query_is_read_once(client, twice, once):
    def n(q):
        return int(send(client, "GET", q).get_json()["results"]["bindings"][0]["n"]["value"])

    assert n(twice) == n(once) > 0


@pytest.mark.parametrize(
    "query, param",
    [
        ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "default-graph-uri"),
        ("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri"),
    ],
)
def test_a_graph_named_twice_in_the_parameters_is_read_once(client, query, param):
    def n(graphs):
        r = client.get("/sparql", query_string=[("query", query)] + [(param, g) for g in graphs])
        return int(r.get_json()["results"]["bindings"][0]["n"]["value"])

    assert n([f"{GRAPH}meta"] * 3) == n([f"{GRAPH}meta"]) > 0


@pytest.mark.parametrize("count, status", [(1, 200), (63, 200), (64, 200), (65, 400)])
def test_up_to_64_unknown_functions_are_expression_errors(client, count, status):
    binds = " ".join(f"BIND(<urn:x-unknown:f{i}>(1) AS ?v{i})" for i in range(count))
    r = send(client, "POST-body", f"SELECT ?x {{ BIND(1 AS ?x) {binds} }}")
    assert r.status_code == status, r.data[:300]
    if status == 400:
        assert b"more than 64" in r.data
    else:
        assert r.get_json()["results"]["bindings"] == [
            {"x": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
        ]


TRIPLE_TERMS = {
    "literal": 'SELECT ?t WHERE { BIND (<<( <urn:a> <urn:b> "c" )>> AS ?t) }',
    "nested": 'SELECT ?t ?n WHERE { BIND (TRIPLE(<urn:a>, <urn:b>, <<( <urn:a> <urn:b> "x\\t\\"y"@en )>>) AS ?t) '
    "BIND (1 AS ?n) }",
}


@pytest.mark.parametrize("name", TRIPLE_TERMS)
@pytest.mark.parametrize("kind", ["json", "xml", "csv", "tsv"])
def test_a_triple_term_is_written_in_every_results_format(client, name, kind):
    r = send(client, "GET", TRIPLE_TERMS[name], {"Accept": RESPONSE_TYPE[kind]})
    assert r.status_code == 200, r.data[:300]
    assert r.mimetype == RESPONSE_TYPE[kind]
    if kind == "json":  # SPARQL 1.2 JSON results: a "triple" whose value holds its three terms
        t = json.loads(r.data)["results"]["bindings"][0]["t"]
        assert t["type"] == "triple" and t["value"]["subject"] == {"type": "uri", "value": "urn:a"}
        inner = t["value"]["object"]
        if name == "nested":
            assert inner["type"] == "triple" and inner["value"]["object"]["value"] == 'x\t"y'
        else:
            assert inner == {"type": "literal", "value": "c"}
    elif kind == "xml":
        triple = ET.fromstring(r.data).find(f"{SRX}results/{SRX}result/{SRX}binding/{SRX}triple")
        assert triple.find(f"{SRX}subject/{SRX}uri").text == "urn:a"
    elif kind == "csv":
        rows = list(csv.reader(io.StringIO(r.data.decode())))
        assert rows[0][0] == "t" and rows[1][0].startswith("urn:a urn:b ")
    else:
        lines = r.data.decode().splitlines()
        assert lines[1].split("\t")[0].startswith("<<( <urn:a> <urn:b> ")
        parsed = ox.parse_query_results(r.data, ox.QueryResultsFormat.TSV)
        assert isinstance(next(iter(parsed))["t"], ox.Triple)


def _xml_values(body: bytes) -> list[str]:
    return [e.text or "" for e in ET.fromstring(body).iter(SRX + "literal")]


def test_xml_results_keep_a_carriage_return_and_refuse_what_xml_cannot_carry(client):
    xml = {"Accept": "application/sparql-results+xml"}
    r = send(client, "GET", 'SELECT ?v WHERE { VALUES ?v { "a\\rb" "c\\r\\nd\\te" } }', xml)
    assert r.status_code == 200 and b"&#13;" in r.data
    assert _xml_values(r.data) == ["a\rb", "c\r\nd\te"]  # what was stored, read back by an XML parser
    for char in ("\\u0001", "\\u000B", "\\u001F", "\\uFFFE", "\\uFFFF"):
        for query in (
            f'SELECT ?v WHERE {{ VALUES ?v {{ "ctl{char}" }} }}',
            f'SELECT ?v WHERE {{ BIND ("{char}" AS ?v) }}',
        ):
            r = send(client, "GET", query, xml)
            assert r.status_code == 406, (char, r.status_code, r.data[:200])
            assert b"XML 1.0 cannot represent" in r.data and b"JSON" in r.data
            assert f"U+{char[2:].upper()}".encode() in r.data
        assert send(client, "GET", f'SELECT ?v WHERE {{ VALUES ?v {{ "ctl{char}" }} }}').status_code == 200  # JSON
    graph = 'CONSTRUCT { <urn:s> <urn:p> ?v } WHERE { VALUES ?v { "a\\rb" } }'
    r = send(client, "GET", graph, {"Accept": "application/rdf+xml"})
    assert r.status_code == 200
    assert [o for o in ET.fromstring(r.data).iter() if o.tag == "{urn:}p"][0].text == "a\rb"
    r = send(client, "GET", graph.replace("\\r", "\\u0002"), {"Accept": "application/rdf+xml"})
    assert r.status_code == 406 and b"U+0002" in r.data
    assert send(client, "GET", graph.replace("\\r", "\\u0002"), {"Accept": "text/turtle"}).status_code == 200


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", ["using-graph-uri", "using-named-graph-uri"])
def test_an_updates_dataset_parameter_with_a_query_is_a_bad_request(client, method, name):
    r = send(client, method, "ASK {}", **{name: f"{GRAPH}entities"})
    assert r.status_code == 400 and name.encode() in r.data and b"default-graph-uri" in r.data
    r = client.post("/sparql", data={name: f"{GRAPH}entities"})  # no query: an update's parameters alone
    assert r.status_code == 403
    assert client.post("/sparql", data={"update": "CLEAR ALL", name: f"{GRAPH}entities"}).status_code == 403


GRAPH_TRIPLE_TERMS = {
    "triple term": "CONSTRUCT { <http://ex/a> <http://ex/p> <<( <http://ex/s> <http://ex/p> 1 )>> } WHERE {}",
    "reifier": "CONSTRUCT { <http://ex/a> <http://ex/p> << <http://ex/s> <http://ex/p> 1 >> } WHERE {}",
}


@pytest.mark.parametrize("name", GRAPH_TRIPLE_TERMS)
@pytest.mark.parametrize(
    "ask", [{"format": "jsonld"}, {"format": "json"}, {"headers": {"Accept": "application/ld+json"}}], ids=str
)
def test_a_graph_with_a_triple_term_asked_as_json_ld_is_406_naming_the_formats_that_carry_it(client, name, ask):
    r = send(
        client, "GET", GRAPH_TRIPLE_TERMS[name], ask.get("headers"), **{k: v for k, v in ask.items() if k == "format"}
    )
    assert r.status_code == 406, r.data[:300]
    assert b"triple term" in r.data and b"JSON-LD" in r.data and b"Turtle" in r.data and b"N-Triples" in r.data
    for fmt in ("ttl", "nt", "rdfxml", "trig", "nq"):  # the formats it names do carry it
        r = send(client, "GET", GRAPH_TRIPLE_TERMS[name], format=fmt)
        assert r.status_code == 200, (fmt, r.data[:300])


@pytest.mark.parametrize("predicate", ["http://ex/1", "http://ex/", "urn:x:1", "http://ex/a#", "http://ex/1.5"])
def test_rdf_xml_of_a_predicate_with_no_xml_local_name_is_406_not_malformed_xml(client, predicate):
    query = f'CONSTRUCT {{ <http://ex/s> <{predicate}> "a" }} WHERE {{}}'
    r = send(client, "GET", query, {"Accept": "application/rdf+xml"})
    assert r.status_code == 406, r.data[:300]
    assert predicate.encode() in r.data and b"RDF/XML" in r.data and b"Turtle" in r.data
    r = send(client, "GET", query, format="ttl")
    assert r.status_code == 200
    ok = send(client, "GET", query.replace(predicate, predicate + "x"), {"Accept": "application/rdf+xml"})
    assert ok.status_code == 200  # a predicate ending in a name is written, as well-formed XML
    assert [e.text for e in ET.fromstring(ok.data).iter() if e.tag.endswith("}x") or e.tag == "x"] == ["a"]


def _first_day(value: str, datatype: str) -> tuple[str, int]:
    """(first day of a year, month or day, as YYYY-MM-DD; its precision: 0 year, 1 month, 2 day)."""
    local = datatype.rsplit("#", 1)[1]
    precision = {"gYear": 0, "gYearMonth": 1, "date": 2}[local]
    return (value + "-01-01")[:10] if precision == 0 else (value + "-01")[:10], precision


def test_order_by_the_graphs_dates_follows_the_time_line_across_year_month_and_day(client):
    query = "SELECT DISTINCT ?d WHERE { ?s <https://w3id.org/csto-kg/ontology/date> ?d } ORDER BY ?d"
    rows = json.loads(send(client, "GET", query).data)["results"]["bindings"]
    dates = [(b["d"]["value"], b["d"]["datatype"]) for b in rows]
    assert {dt for _, dt in dates} >= {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("date", "gYear", "gYearMonth")}
    keys = [_first_day(v, dt) for v, dt in dates]
    assert keys == sorted(keys)  # 1992 < 1992-05 < 1992-05-15 < 1993, not every day before every year
    desc = json.loads(send(client, "GET", query.replace("ORDER BY ?d", "ORDER BY DESC(?d)")).data)
    assert [(b["d"]["value"], b["d"]["datatype"]) for b in desc["results"]["bindings"]] == dates[::-1]


CODEPOINTS_OUTSIDE_LITERALS = {  # query -> rows; SPARQL 1.1 section 19.2 decodes \u / \U escapes before parsing
    "SELECT ?s WHERE { ?s \\u0061 <https://w3id.org/csto-kg/ontology/State> ; "
    '<http://www.w3.org/2000/01/rdf-schema#label> "Armenia"@en }': 1,
    'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "Armenia"\\u0040en }': 1,
    "SELECT ?s WHERE { ?s \\U00000061 <https://w3id.org/csto-kg/ontology/State> } LIMIT 3": 3,
    "ASK { # \\u000A ?s ?p ?o\n}": None,  # a comment is left as written: the escaped line break ends nothing
}


@pytest.mark.parametrize("query", CODEPOINTS_OUTSIDE_LITERALS)
def test_a_codepoint_escape_outside_strings_and_iris_is_read_as_its_character(client, query):
    r = send(client, "POST-body", query)
    assert r.status_code == 200, r.data[:300]
    rows = CODEPOINTS_OUTSIDE_LITERALS[query]
    doc = json.loads(r.data)
    assert (len(doc["results"]["bindings"]) == rows) if rows is not None else doc["boolean"] is True


@pytest.mark.parametrize("method", METHODS)
def test_a_byte_order_mark_before_the_query_is_not_part_of_it(client, method):
    r = send(client, method, "\ufeffASK {}")
    assert r.status_code == 200 and json.loads(r.data)["boolean"] is True
    assert send(client, method, "\ufeffINSERT DATA { <urn:a> <urn:b> <urn:c> }").status_code == 403


SYNTAX_MESSAGES = {  # query -> what the message says, and what it must not
    "ASK{}x": ("error at 1:6 (the end of the query):", "1:7"),
    "SELECT ?x ?x WHERE {}": ("Duplicated variable name in SELECT", "expected"),
    "SELECT * WHERE { ?s ?p ?o } GROUP BY ?s": ("SELECT * is not authorized with GROUP BY", "\\u{"),
    "SELECT ?x WHERE {} LIMIT x": ("error at 1:26: expected", "['0'"),
    "ASK {\n  ?s ?p ?o .\n  x }\n\n": ("error at 3:5 (the end of the query)", "[_]"),
    # an undeclared prefix in a function call: the parser names a random built-in it could take instead
    "SELECT (xsd:integer(1) AS ?x) {}": ("error at 1:9: the prefix xsd: is not declared", "ENCODE_FOR_URI"),
    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY foo:bar(?x)": ("1:39: the prefix foo: is not declared", "LANGMATCHES"),
    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY DESC(foo:bar)": ("1:44: the prefix foo: is not declared", "COALESCE"),
    # an undeclared prefix in a predicate, an object, a datatype, a path or a VALUES: the parser said only "Prefix not
    # found", past the name
    "SELECT ?x WHERE { ?x foo:bar ?y }": ("error at 1:22: the prefix foo: is not declared", "Prefix not found"),
    "SELECT ?x WHERE { ?x ?p foo:bar }": ("error at 1:25: the prefix foo: is not declared", "Prefix not found"),
    'SELECT ?x WHERE { ?x ?p "1"^^xsd:integer }': ("1:30: the prefix xsd: is not declared", "Prefix not found"),
    "SELECT ?x WHERE { ?x foo:a/foo:b ?y }": ("error at 1:22: the prefix foo: is not declared", "Prefix not found"),
    "SELECT ?x WHERE { VALUES ?x { foo:a } }": ("1:31: the prefix foo: is not declared", "Prefix not found"),
    # a triple pattern without its object: the parser offers LATERAL (not SPARQL 1.1) and SERVICE
    "SELECT ?s WHERE { ?s ?p }": (
        "error at 1:25: a triple pattern needs a subject, a predicate and an object; ?s ?p has no object",
        "LATERAL",
    ),
    "SELECT * { ?s <urn:p> ?o ; ?x }": ("?x has no object", "BIND"),
    # a BIND of a variable in scope (SPARQL 1.1 section 18.2.1): the parser says only "cannot be read", at the end
    "SELECT ?s WHERE { BIND(1 AS ?s) BIND(2 AS ?s) }": (
        "error at 1:43: ?s is already in scope where BIND assigns it",
        "end of",
    ),
    "SELECT ?x WHERE { ?s ?p ?x BIND(1 AS ?x) }": ("error at 1:38: ?x is already in scope", "cannot be read"),
    # a blank node label in two groups (SPARQL 1.1 4.1.4): the parser says "<unreported>"; "_:" is not a prefix
    "SELECT ?x WHERE { { _:a ?p ?o } { _:a ?p ?o } }": (
        "error at 1:35: the blank node label _:a is used in more than one basic graph pattern",
        "prefix",
    ),
    "SELECT ?x WHERE { _:a ?p ?o OPTIONAL { _:a ?q ?r } }": ("label _:a is used in more than one", "unreported"),
    # a list of keywords only is the parser's last try, not what the query needs: the place is quoted instead
    "SELECT ?x, ?y WHERE { ?x ?p ?y }": ("error at 1:16: the query cannot be read from here on (near", "DISTINCT"),
    "SELECT ?x WHERE { ?x ?p ?y } ORDER BY (?x), ?y": ('cannot be read from here on (near "…', "SHA1"),
    "SELECT (COUNT(?x) AS ?n), ?y WHERE {}": ("SELECT are separated by spaces, not commas", "expected"),
    "SELECT ?x, ?y { ?x ?p ?y }": ("SELECT are separated by spaces, not commas", "DISTINCT"),  # no WHERE: "{" read
    "SELECT ?x,?y {?x ?p ?y}": ("SELECT are separated by spaces, not commas", "DISTINCT"),
    "SELECT ?x { ?x ?p ?y, }": ("cannot be read", "SELECT are separated"),  # a comma after SELECT's items
    # a grouped SELECT's variable outside an aggregate that GROUP BY does not name (section 11.4): the engine said
    # "The SELECT contains a variable that is unbound" at the end of the query, or in a subquery listed functions
    "SELECT ?s { ?s ?p ?o } GROUP BY ?p": ("error at 1:8: SELECT uses ?s outside an aggregate", "unbound"),
    "SELECT (STR(?s) AS ?x) { ?s ?p ?o } GROUP BY ?p": ("1:13: SELECT uses ?s outside an aggregate", "unbound"),
    "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o }": ("1:8: SELECT uses ?s outside an aggregate, and the query is", "end"),
    "SELECT ?g (STR(?u) AS ?x) { VALUES ?v { 1 } } GROUP BY (?v AS ?g)": ("1:16: SELECT uses ?u", "unbound"),
    "SELECT ?n (?n * 2 AS ?m) (?s AS ?t) { ?s ?p ?o } GROUP BY (?p AS ?n)": ("1:27: SELECT uses ?s", "?m"),
    "SELECT * { { SELECT ?p ?o { ?s ?p ?o } GROUP BY ?p } ?s ?p ?o }": ("error at 1:24: SELECT uses ?o", "ABS"),
    "SELECT * { { SELECT ?p ?o { ?s ?p ?o FILTER( } GROUP BY ?p } }": ("cannot be read", "SELECT uses"),
    # a sub-query's aggregate does not make the query holding it grouped
    "SELECT ?s ?n { ?s ?p ?o { SELECT ?a (COUNT(*) AS ?n) { ?a ?b ?c } } }": ("1:34: SELECT uses ?a", "uses ?s"),
    # a code point escape that names no character (section 19.2); commas between a function's arguments are right
    'SELECT (SUM(STRLEN(REPLACE("a", "b", "\\uD800"))) AS ?s) {}': ("1:39: \\uD800 is half of a UTF-16", "commas"),
    'ASK { FILTER("\\uD83D\\uDE00" = "x") }': ("error at 1:15: \\uD83D is half of a UTF-16 surrogate", "hexadecimal"),
    "ASK { FILTER(<urn:\\U00110000> = <urn:x>) }": ("1:19: \\U00110000 is past U+10FFFF", "ENCODE_FOR_URI"),
    'ASK { FILTER("\\u12" = "x") }': ("1:15: \\u must be followed by four hexadecimal digits", "ENCODE"),
    "SELECT ?x WHERE { FILTER(STRLEN(?x, 1)) }": ('(near "…FILTER(STRLEN(?x, 1)) }")', "ENCODE_FOR_URI"),
    "SELECT ?x WHERE { GRAPH { ?x ?p ?o } }": ("error at 1:27: the query cannot be read from here on", "OPTIONAL"),
    "SELECT ?x WHERE { ?x ?p '1'^^ }": ("(the end of the query): the query cannot be read from here on", "BIND"),
    "SELECT (GROUP_CONCAT(?x; SEP=',') AS ?c) WHERE {}": ("error at 1:35: expected SEPARATOR", "cannot be read"),
    # in a subquery the parser loses its own sentence ("expected [_]"): the projection's mistake is named
    "SELECT * WHERE { { SELECT (1 AS ?x) WHERE { ?x ?p ?o } LIMIT 1 } }": (
        "error at 1:33: ?x is assigned by (… AS ?x) in SELECT but its WHERE already binds it",
        "cannot be read",
    ),
    "SELECT * WHERE { { SELECT ?x ?x WHERE { ?x ?p ?o } } }": ("1:30: Duplicated variable name in SELECT: ?x", "GRAPH"),
    "SELECT * WHERE { { SELECT * WHERE { ?x ?p ?o } GROUP BY ?x } }": (
        "SELECT * is not authorized with GROUP BY",
        "ABS",
    ),
    # a declaration of no prefix name (rule 168): the parser read ":" in "1:" and blamed an undeclared prefix
    "PREFIX 1: <http://example/> ASK {}": ("error at 1:8: 1: is not a prefix name", "not declared"),
    "# a comment\nPREFIX ex:ex: <http://example/> ASK {}": ("error at 2:8: ex:ex: is not a prefix name", "expected"),
    "PREFIX ex: <urn:x:> PREFIX :a: <http://example/> ASK {}": (":a: is not a prefix name", "cannot be read"),
    "PREFIX <http://example/> ASK {}": ("error at 1:8: PREFIX names no prefix before its IRI", "expected"),
    "PREFIX é-1.x: <urn:x:> PREFIX e\u0301: <urn:y:> ASK { é-1.x:a ?p ?o x }": ("cannot be read", "prefix name"),
    # ... and where the parser accepts it: an aggregate assigned to a variable of the pattern (section 18.2.1;
    # found by a probe: Oxigraph answered ?o, unbound, for SUM over non-numbers), in a subquery, or by GROUP BY
    "SELECT (SUM(?o) AS ?o) WHERE { ?s ?p ?o }": (
        "error at 1:20: ?o is assigned by (… AS ?o) in SELECT but its WHERE already binds it",
        "expected",
    ),
    "SELECT (COUNT(*) AS ?s) { ?s ?p ?o OPTIONAL { ?o ?q ?r } } GROUP BY ?p": ("?s is assigned by", "expected"),
    "SELECT (COUNT(*) AS ?g) { GRAPH ?g { ?s ?p ?o } }": ("?g is assigned by (… AS ?g)", "expected"),
    "SELECT * { ?s ?p ?o FILTER EXISTS { SELECT (MAX(?z) AS ?z) { ?a ?b ?z } } }": ("1:56: ?z is assigned", "expected"),
    "SELECT (COUNT(*) AS ?n) { { SELECT * { VALUES ?n { 1 } } } }": ("?n is assigned by", "expected"),
    "SELECT (COUNT(*) AS ?c) { ?s ?p ?o } GROUP BY (STR(?p) AS ?c)": ("but its GROUP BY already binds it", "unbound"),
    # ... only where the projection reads as one and the parser read past the mistake
    "SELECT ?s WHER ?s ?p ?o }": ("error at 1:", "Duplicated"),
    "SELECT * { } VALUES (?x ?y) { (1 GROUP BY 2) }": ("error at 1:", "not authorized"),
    # a custom aggregate (an IRI called with DISTINCT, rule 71), which the engine has none of, said as such
    "SELECT (<urn:x:agg>(DISTINCT ?s) AS ?a) WHERE { ?s ?p ?o }": ("<urn:x:agg>(DISTINCT …) calls a custom", "SEP"),
}


@pytest.mark.parametrize(
    "query",
    [  # the variable of a select expression is new where it is only in a FILTER, MINUS, EXISTS or a BIND's
        # expression, in a subquery that does not project it, in HAVING / ORDER BY, in a string or a comment
        "SELECT (SUM(?o) AS ?total) WHERE { ?s ?p ?o }",
        "SELECT (COUNT(*) AS ?x) { ?s ?p ?o FILTER(?x != ?o) }",
        "SELECT (COUNT(*) AS ?x) { ?s ?p ?o FILTER regex(?x, 'a') MINUS { ?x ?p ?o } }",
        "SELECT (COUNT(*) AS ?x) { ?s ?p ?o FILTER NOT EXISTS { ?x ?p ?o } BIND(?x AS ?y) }",
        "SELECT (COUNT(*) AS ?x) { { SELECT ?s WHERE { ?s ?p ?x } LIMIT 3 } }",
        "SELECT ?p (COUNT(*) AS ?x) { ?s ?p ?o } GROUP BY ?p HAVING (COUNT(*) > 1) ORDER BY ?x",
        "# (COUNT(*) AS ?o)\nSELECT (COUNT(*) AS ?n) { ?s ?p '?n' }",
        # a WHERE that is a subquery whole (grammar rule 53): only what it projects is in scope (an outside read,
        # 2026-12-08: these were 400 "its WHERE already binds it")
        "SELECT (1 AS ?x) WHERE { SELECT ?y WHERE { ?y ?p ?x } LIMIT 1 }",
        "SELECT (COUNT(*) AS ?o) WHERE { SELECT ?s WHERE { ?s ?p ?o } }",
        "SELECT (COUNT(*) AS ?o) { SELECT ?s { ?s ?p ?o } LIMIT 5 }",
        "ASK { { SELECT (1 AS ?x) WHERE { SELECT ?y WHERE { ?y ?p ?x } LIMIT 1 } } }",
        "SELECT * WHERE { ?a ?b ?c OPTIONAL { SELECT (2 AS ?o) { SELECT ?s { ?s ?p ?o } LIMIT 1 } } } LIMIT 1",
    ],
)
def test_a_select_expression_of_a_new_variable_is_answered(client, query):
    r = send(client, "GET", query)
    assert r.status_code == 200, r.data


def test_a_where_that_is_a_subquery_whole_answers_as_the_engine_and_still_refuses_a_projected_variable(client, store):
    from csto_kg import query as query_module

    query = "SELECT (COUNT(*) AS ?o) WHERE { SELECT ?s WHERE { ?s ?p ?o } LIMIT 7 }"
    r = send(client, "GET", query, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.data
    engine = json.loads(query_module.run(store, query).body)
    assert (
        r.get_json()["results"]["bindings"]
        == engine["results"]["bindings"]
        == [{"o": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "7"}}]
    )
    refused = send(client, "GET", "SELECT (1 AS ?x) WHERE { SELECT ?x WHERE { ?x ?p ?o } LIMIT 1 }")
    assert refused.status_code == 400 and b"?x is assigned by" in refused.data


@pytest.mark.parametrize("query", SYNTAX_MESSAGES)
def test_a_syntax_error_names_the_position_and_the_parsers_own_sentence_briefly(client, query):
    says, never = SYNTAX_MESSAGES[query]
    r = send(client, "GET", query)
    assert r.status_code == 400
    body = r.data.decode()
    assert says in body and never not in body and len(body) < 400, body


@pytest.mark.parametrize(
    "query, rows",
    [  # LIMIT / OFFSET take any INTEGER (grammar rules 26-27): one past 64 bits is no limit / leaves no row
        ("SELECT ?x WHERE { VALUES ?x { 1 2 } } LIMIT 99999999999999999999999", 2),
        ("SELECT ?x WHERE { VALUES ?x { 1 2 } } LIMIT 9223372036854775808", 2),
        ("SELECT ?x WHERE { VALUES ?x { 1 2 } } OFFSET 99999999999999999999999", 0),
        ("SELECT ?x WHERE { VALUES ?x { 1 2 } } ORDER BY ?x LIMIT 99999999999999999999999 OFFSET 1", 1),
        ("SELECT ?x WHERE { { SELECT ?x WHERE { VALUES ?x { 1 2 } } OFFSET 18446744073709551616 } }", 0),
    ],
)
def test_a_limit_or_offset_past_64_bits_is_answered(client, query, rows):
    r = send(client, "GET", query)
    assert r.status_code == 200, r.data
    assert len(json.loads(r.data)["results"]["bindings"]) == rows


@pytest.mark.parametrize("method", METHODS)
def test_boolean_keywords_are_case_insensitive(client, method):
    """Found by the W3C evaluation test case-insensitive-booleans: ``TRUE`` and ``False`` are the keywords true and
    false (section 19.8: keywords match in any case); the engine refused them (400). Names, strings and IRIs keep
    their case."""
    q = 'SELECT (TRUE AS ?t) (False AS ?f) ("TRUE" AS ?s) (<urn:FALSE> AS ?i) WHERE { FILTER(tRuE) }'
    r = send(client, method, q)
    assert r.status_code == 200, r.data
    (row,) = json.loads(r.data)["results"]["bindings"]
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert row["t"] == {"type": "literal", "value": "true", "datatype": xsd + "boolean"}
    assert row["f"] == {"type": "literal", "value": "false", "datatype": xsd + "boolean"}
    assert row["s"]["value"] == "TRUE" and row["i"]["value"] == "urn:FALSE"
    assert json.loads(send(client, method, "ASK { FILTER(FALSE) }").data)["boolean"] is False


def _count_in(client, method, query):
    r = send(client, method, "PREFIX csto: <https://w3id.org/csto-kg/ontology/> " + query)
    assert r.status_code == 200, r.data
    return int(json.loads(r.data)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("method", METHODS)
def test_a_minus_sharing_no_variable_removes_nothing_inside_graph(client, method):
    """Found by the W3C evaluation test graph-minus: inside ``GRAPH ?g`` the engine took ``?g`` as shared by the two
    sides of a MINUS and removed every solution (SPARQL 1.1 8.3.2: a solution is removed only by one sharing a
    variable with it). A MINUS sharing a variable still removes."""
    states = _count_in(client, method, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a csto:State } }")
    assert states > 0
    disjoint = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a csto:State MINUS { ?b a csto:Person } } }"
    assert _count_in(client, method, disjoint) == states
    first = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { MINUS { ?b a csto:Person } ?a a csto:State } }"
    assert _count_in(client, method, first) == states
    shared = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a csto:State MINUS { ?a a csto:State } } }"
    assert _count_in(client, method, shared) == 0


@pytest.mark.parametrize("method", METHODS)
def test_a_minus_inside_exists_sees_the_row_being_filtered(client, method):
    """Found by the differential generator of tests/test_endpoint_differential.py (run on more seeds): inside
    ``FILTER [NOT] EXISTS`` the row being filtered is bound, as the engine and rdflib evaluate it, so
    ``FILTER EXISTS { MINUS { VALUES ?a { :armenia } } }`` keeps every state but Armenia. The rewrite that drops a
    MINUS sharing no variable with its left side had dropped this one too, keeping Armenia (both engines: 19)."""
    states = _count_in(client, method, "SELECT (COUNT(*) AS ?n) WHERE { ?a a csto:State }")
    assert states > 1
    armenia = "VALUES ?a { <https://w3id.org/csto-kg/id/armenia> }"
    kept = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a a csto:State FILTER EXISTS {{ MINUS {{ {armenia} }} }} }}"
    assert _count_in(client, method, kept) == states - 1
    only = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a a csto:State FILTER NOT EXISTS {{ MINUS {{ {armenia} }} }} }}"
    assert _count_in(client, method, only) == 1


@pytest.mark.parametrize("method", METHODS)
def test_a_minus_between_two_dots_that_removes_nothing_is_answered(client, method):
    """Found by the differential run of round 11: ``P . MINUS { … } . Q`` is valid (rule 55: a GraphPatternNotTriples
    may be followed by "."), but a MINUS sharing no variable was taken out leaving ``P . . Q``, a syntax error (400);
    inside ``GRAPH ?g``, whose group is repeated once per named graph before that, the rewritten query's error position
    fell past the end of the query as written and its message raised IndexError: a 500."""
    states = _count_in(client, method, "SELECT (COUNT(*) AS ?n) WHERE { ?a a csto:State }")
    assert states > 0
    plain = "SELECT (COUNT(*) AS ?n) WHERE { ?a a csto:State . MINUS { ?b a csto:Person } . ?a a csto:State }"
    assert _count_in(client, method, plain) == states
    first = "SELECT (COUNT(*) AS ?n) WHERE { MINUS { ?b a csto:Person } . ?a a csto:State }"
    assert _count_in(client, method, first) == states
    per_graph = _count_in(client, method, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a csto:State } }")
    unrolled = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a csto:State MINUS { ?a a csto:Person } . "
        "MINUS { ?b a csto:Person } . } }"
    )
    assert _count_in(client, method, unrolled) == per_graph
    shared = "SELECT (COUNT(*) AS ?n) WHERE { ?a a csto:State . MINUS { ?a a csto:State } . }"
    assert _count_in(client, method, shared) == 0


@pytest.mark.parametrize(
    "rewritten",
    [
        # ". ." (what the MINUS rewrite once left), far past the end of the query as written, on its line
        lambda q: q.replace("WHERE {", "WHERE {" + " " * 300 + "?s a ?c . ."),
        lambda q: q.replace("WHERE {", "WHERE {" + "\n" * 5 + "?s a ?c . ."),  # on a line it does not have
        lambda q: q + " " * 500 + "}",
    ],
)
def test_an_error_a_rewrite_places_outside_the_query_is_a_syntax_error(store, monkeypatch, rewritten):
    """ep10's leftover: a query the engine parses is rewritten before it runs; were a rewrite ever to make it
    unreadable, the error's position (in the rewritten text) is mapped onto the query as written, where it may fall
    outside it. That must still be a readable SyntaxError (a 400), not an IndexError (a 500). The rewrite is made to
    fail here, since none is known to fail any more (the last one did, a MINUS between two dots, above)."""
    import csto_kg.query as query_module

    monkeypatch.setattr(query_module, "rewrite_order_by", rewritten)
    with pytest.raises(SyntaxError) as raised:
        query_module.run(store, "SELECT ?s WHERE { ?s a ?c } ORDER BY ?s")
    message = str(raised.value)
    assert message.startswith("error at 1:"), message
    line, column = (int(x) for x in message.split()[2].rstrip(":").split(":"))
    assert line == 1 and 1 <= column <= len("SELECT ?s WHERE { ?s a ?c } ORDER BY ?s"), message


ZERO_LENGTH = [  # SPARQL 1.1 section 18.5 (ALP adds the start term first); W3C tests zero_or_{more,one}_set_{start,end}
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf* ?y }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf? ?y . }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { ?y rdfs:subClassOf* <urn:nowhere> }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { ?y ^rdfs:label? <urn:nowhere> }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> (rdfs:subClassOf|rdf:type)* ?y }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { OPTIONAL { <urn:nowhere> rdfs:subClassOf* ?y } }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf/rdfs:subClassOf* ?y }", []),  # one step first: no solution
    # round 12: inside property and object lists, and from a literal (ep11's leftovers)
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf* ?y , ?z }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf* ?y ; rdfs:label? ?z }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:label? ?z ; rdfs:subClassOf* ?y . }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf* ?y ; rdfs:label ?z }", []),  # the label must exist: none
    ('SELECT ?y WHERE { "lit" rdfs:subClassOf* ?y }', ["lit"]),
    ("SELECT ?y WHERE { ?y rdfs:subClassOf? 42 OPTIONAL { ?y rdfs:label ?l } }", ["42"]),
    ('SELECT ?y WHERE { ?y ^rdfs:label* "nowhere"@en }', ["nowhere"]),
    # round 13: the element in brackets is the same path (section 18.4), with its ^ too
    ("SELECT ?y WHERE { <urn:nowhere> (rdfs:subClassOf*) ?y }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> ^((rdfs:subClassOf|rdf:type)?) ?y }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { ?y (rdfs:label?) 'nowhere' }", ["nowhere"]),
    ("SELECT ?y WHERE { <urn:nowhere> (rdfs:subClassOf*)/rdfs:label ?y }", []),  # a step must follow: none
    # round 14: a sentence after a FILTER or a BIND in its group (the rewrite read only one after "{", "." or "}")
    ("SELECT ?y WHERE { FILTER(true) <urn:nowhere> rdfs:subClassOf* ?y }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { FILTER('{ . }' != '') ?y rdfs:subClassOf? <urn:nowhere> }", ["urn:nowhere"]),
    ('SELECT ?y WHERE { FILTER regex("a", "a") <urn:nowhere> (rdfs:subClassOf|rdf:type)* ?y }', ["urn:nowhere"]),
    ("SELECT ?y WHERE { FILTER <urn:fn>(1) <urn:nowhere> rdfs:subClassOf* ?y }", []),  # an error: no row
    ("SELECT ?y WHERE { BIND(1 AS ?one) <urn:nowhere> rdfs:subClassOf* ?y }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { FILTER(?y != <urn:x>) ?y rdfs:subClassOf* <urn:nowhere> }", ["urn:nowhere"]),
    ("SELECT ?y WHERE { (<urn:a>) rdfs:subClassOf* ?y }", []),  # a collection's ")" ends no sentence: the list node
    # whole-line comments are passed over when looking for a path's "?" or "*"; a lone carriage return ends a comment
    ("\n# Which classes? All *\nSELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf? ?y }", ["urn:nowhere"]),
    ("\n# Which classes?\nSELECT ?y WHERE {\n  # from nowhere\r<urn:nowhere> rdfs:subClassOf? ?y }", ["urn:nowhere"]),
    ("\n# Which classes? All *\nSELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf ?y }", []),
]


@pytest.mark.parametrize("query, values", ZERO_LENGTH)
def test_a_zero_length_path_from_a_constant_gives_the_constant(client, query, values):
    """Found by the differential run of round 11: Oxigraph 0.5.13 gives the zero-length path's solution ``?y = c``
    only where ``c`` occurs in the graph; SPARQL gives it for any term."""
    prefixes = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    r = send(client, "GET", prefixes + query)
    assert r.status_code == 200, r.data
    assert [b["y"]["value"] for b in json.loads(r.data)["results"]["bindings"]] == values


ZERO_LENGTH_ASK = [  # section 18.5: the zero-length path joins every term to itself, in the graph or not
    ("ASK { <urn:zz> rdfs:subClassOf* <urn:zz> }", True),
    ("ASK { <urn:zz> rdfs:subClassOf? <urn:zz> }", True),
    ('ASK { "a"@en rdfs:label* "a"@en }', True),
    ('ASK { 42 rdfs:label* "42"^^<http://www.w3.org/2001/XMLSchema#integer> }', True),  # one term, written two ways
    ("ASK { <urn:zz> rdfs:subClassOf* <urn:yy> }", False),
    ("ASK { <urn:zz> rdfs:subClassOf* <urn:zz> ; rdfs:label ?l }", False),  # the label must exist
    ("ASK { <urn:zz> (rdfs:subClassOf*) <urn:zz> }", True),  # round 13: in brackets
    ("ASK { FILTER(true) <urn:zz> rdfs:subClassOf* <urn:zz> }", True),  # round 14: after a FILTER
    ("ASK { BIND(2 AS ?two) <urn:zz> rdfs:subClassOf? <urn:zz> }", True),  # and after a BIND
    ("ASK { <https://w3id.org/csto-kg/ontology/State> rdfs:subClassOf* <http://www.w3.org/2002/07/owl#Thing> }", True),
]


# Zero-length paths whose constant end the engine may be left to answer: where it is a subject or an object of
# the default graph, the engine gives it itself; where it is only a predicate, or absent, the rewrite must stand
ZERO_LENGTH_NODES = [
    ("SELECT ?y WHERE { ?y rdfs:subClassOf* csto:Event }", True),
    ("SELECT ?y WHERE { csto:Event rdfs:subClassOf* ?y }", True),
    ("SELECT ?y WHERE { csto:Event rdfs:subClassOf? ?y }", True),
    ("SELECT ?e ?c WHERE { ?e a ?c . ?c rdfs:subClassOf* csto:Event }", True),
    ('SELECT ?y WHERE { ?y rdfs:label* "Armenia"@en }', True),  # a literal: an object
    ("SELECT ?y WHERE { oa:exact rdfs:subClassOf* ?y }", True),  # a predicate, and the object of its VoID partition
    ("SELECT ?y WHERE { <urn:nowhere> rdfs:subClassOf* ?y }", False),  # absent
    ("SELECT ?y WHERE { ?y rdfs:subClassOf* <urn:nowhere> }", False),
    ("SELECT ?y WHERE { GRAPH ?g { ?y rdfs:subClassOf* csto:Event } }", False),  # in each graph: not the default
]


@pytest.mark.parametrize("query, left", ZERO_LENGTH_NODES)
def test_a_zero_length_path_left_to_the_engine_answers_as_its_rewrite(client, store, monkeypatch, query, left):
    """A path ``?v P* c`` of a constant ``c`` that is a node of the default graph is left as written (the rewrite's
    sub-query made the engine join it last: 0.6 -> 2.9 ms); the endpoint's answer is the one with every such path
    rewritten, row for row."""
    from csto_kg import query as query_module
    from csto_kg.sparql_rewrite import zero_length_paths

    text = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX oa: <http://www.w3.org/ns/oa#> "
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/>\n" + query
    )
    assert zero_length_paths(text) != text
    as_served = zero_length_paths(text, node=query_module._zero_length_node(store, text, {}))
    assert (as_served == text) is left
    r = send(client, "GET", text)
    assert r.status_code == 200, r.data
    got = json.loads(r.data)["results"]["bindings"]
    monkeypatch.setattr(query_module, "_zero_length_node", lambda *args: None)  # every such path rewritten
    expected = json.loads(query_module.run(store, text).body)["results"]["bindings"]
    assert got and sorted(got, key=json.dumps) == sorted(expected, key=json.dumps)


@pytest.mark.parametrize("query, answer", ZERO_LENGTH_ASK)
def test_a_zero_length_path_between_two_constants_joins_a_term_to_itself(client, query, answer):
    """ep11's leftover: ``ASK { :zz :p* :zz }`` was false when ``:zz`` is not in the graph (Oxigraph 0.5.13)."""
    prefixes = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    r = send(client, "GET", prefixes + query)
    assert r.status_code == 200, r.data
    assert json.loads(r.data)["boolean"] is answer


def test_a_zero_length_path_from_a_constant_is_in_every_named_graph(client):
    """Section 18.6: GRAPH ?g { c P* ?y } is evaluated in each named graph, and in each the zero-length path gives
    ``c``; a constant that occurs in the data keeps its other solutions."""
    graphs = json.loads(send(client, "GET", "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").data)["results"]["bindings"]
    assert len(graphs) > 1
    q = "SELECT ?g ?y WHERE { GRAPH ?g { <urn:nowhere> <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?y } }"
    rows = json.loads(send(client, "GET", q).data)["results"]["bindings"]
    assert sorted(b["g"]["value"] for b in rows) == sorted(b["g"]["value"] for b in graphs)
    assert {b["y"]["value"] for b in rows} == {"urn:nowhere"}
    state = "<https://w3id.org/csto-kg/ontology/State>"
    q = f"SELECT ?y WHERE {{ {state} <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?y }}"
    supers = {b["y"]["value"] for b in json.loads(send(client, "GET", q).data)["results"]["bindings"]}
    assert state[1:-1] in supers and len(supers) > 1


COUNTS = [  # SPARQL 1.1 section 18.5.1.2: COUNT drops the errors of its multiset; Oxigraph would leave it unbound
    ("SELECT (COUNT(1/0) AS ?n) WHERE { VALUES ?x { 1 2 3 } }", ["0"]),
    ("SELECT (COUNT(DISTINCT 1/0) AS ?n) WHERE { VALUES ?x { 1 2 3 } }", ["0"]),
    ("SELECT (COUNT(IF(?x > 1, ?x, 1/0)) AS ?n) WHERE { VALUES ?x { 1 2 3 3 } }", ["3"]),
    ("SELECT (COUNT(DISTINCT IF(?x > 1, ?x, 1/0)) AS ?n) WHERE { VALUES ?x { 1 2 3 3 } }", ["2"]),
    ("SELECT (COUNT(DISTINCT ?x + 0) AS ?n) WHERE { VALUES ?x { } }", ["0"]),
    (
        "SELECT ?x WHERE { VALUES (?x ?y) { (1 2) (1 3) (2 4) } } GROUP BY ?x HAVING (COUNT(<urn:fn>(?y)) = 0) ORDER BY ?x",
        ["1", "2"],
    ),
    ("SELECT (COUNT(?y) AS ?n) (COUNT(*) AS ?m) WHERE { VALUES ?x { 1 2 } }", ["0", "2"]),
]


@pytest.mark.parametrize("query, values", COUNTS)
def test_count_skips_the_rows_where_its_expression_errors(client, query, values):
    r = send(client, "GET", query)
    assert r.status_code == 200, r.data
    got = [b["value"] for row in json.loads(r.data)["results"]["bindings"] for b in row.values()]
    assert got == values


def test_a_long_expected_list_is_cut_saying_how_many_more(client):
    body = send(client, "GET", "ASK { FILTER(é) }").data.decode()
    assert body.startswith("400 Bad Request: error at 1:") and "more" in body and len(body) < 400, body


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "x-unknown"])
@pytest.mark.parametrize("content_type", ["application/sparql-query", "application/x-www-form-urlencoded"])
def test_a_body_with_a_content_coding_gets_415_naming_it(client, coding, content_type):
    import gzip

    body = b"ASK {}" if content_type == "application/sparql-query" else b"query=ASK+%7B%7D"
    data = gzip.compress(body) if coding == "gzip" else body
    r = client.post("/sparql", data=data, headers={"Content-Type": content_type, "Content-Encoding": coding})
    assert r.status_code == 415 and f"Content-Encoding: {coding}".encode() in r.data, r.data
    r = client.post("/sparql", data=body, headers={"Content-Type": content_type, "Content-Encoding": "identity"})
    assert r.status_code == 200


def test_a_form_or_query_body_in_another_charset_gets_the_same_415(client):
    form = client.post(
        "/sparql",
        data=b"query=ASK+%7B+FILTER%28%22%E9%22%29+%7D",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=iso-8859-1"},
    )
    direct = client.post(
        "/sparql", data=b"ASK {}", headers={"Content-Type": "application/sparql-query; charset=iso-8859-1"}
    )
    assert form.status_code == direct.status_code == 415
    for r, media in ((form, "application/x-www-form-urlencoded"), (direct, "application/sparql-query")):
        assert (
            r.data.decode()
            == f"415 Unsupported Media Type: an {media} body must be UTF-8 (charset=utf-8), not charset=iso-8859-1\n"
        )


# --- round 15: a trailing slash, and the preflight of the headers SPARQL clients send ---------------------------


@pytest.mark.parametrize("path", ["/sparql/", "/sparqlx", "/sparql/pool/", "/sparql/query"])
def test_an_unknown_path_under_sparql_gets_the_sites_404(client, path):
    """``/sparql/`` (trailing slash) was a plain-text 404 naming no endpoint, while every other unknown path gets
    the site's 404: a page for a browser, JSON for a client asking for JSON. Now the same, naming ``/sparql``."""
    html = client.get(path, headers={"Accept": "text/html"})
    assert html.status_code == 404 and html.mimetype == "text/html", (path, html.mimetype)
    assert "/sparql (no trailing slash)" in html.get_data(as_text=True)
    assert client.get("/no-such-page", headers={"Accept": "text/html"}).mimetype == "text/html"
    js = client.get(path, headers={"Accept": "application/json"})
    assert js.status_code == 404 and js.mimetype == "application/json"
    assert "/sparql (no trailing slash)" in js.get_json()["error"]["message"]
    # the endpoint itself is where it was
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


# What a browser asks to send with a cross-origin query: the Fetch standard's safelisted names (which a value off
# the safelist still preflights: a Content-Type of application/sparql-query), YASGUI's and SPARQLWrapper's.
CLIENT_HEADERS = [
    "content-type",
    "accept",
    "accept-language",
    "content-language",
    "x-requested-with",
    "cache-control",
    "if-none-match",
    "authorization",
]


@pytest.mark.parametrize("header", CLIENT_HEADERS)
def test_the_preflight_allows_the_headers_sparql_clients_send(client, header):
    r = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": header,
        },
    )
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    allowed = {h.strip().lower() for h in r.headers["Access-Control-Allow-Headers"].split(",")}
    assert header in allowed, (header, allowed)
    # and the request itself is answered, carrying that header
    value = {"content-type": "application/sparql-query", "accept": "application/sparql-results+json"}.get(header, "x")
    q = client.post(
        "/sparql",
        data="ASK {}",
        headers={"Origin": "https://example.org", "Content-Type": "application/sparql-query", header: value},
    )
    assert q.status_code in (200, 304) and q.headers["Access-Control-Allow-Origin"] == "*"


# --- round 15: aggregates where SPARQL 1.1 (sections 11, 11.4) does not allow them; the engine answered 200 --------

C = f"PREFIX csto: <{ID.rsplit('id/', 1)[0]}ontology/> "
AGGREGATE_MISUSES = [
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s a csto:State } GROUP BY (COUNT(*))", "in GROUP BY", "1:"),
    ("SELECT ?n WHERE { ?s a csto:State } GROUP BY (COUNT(?s) AS ?n)", "in GROUP BY", "1:"),
    ("SELECT (SUM(COUNT(*)) AS ?n) WHERE { ?s a csto:State } GROUP BY ?s", "COUNT(…) inside SUM(…)", "1:"),
    ("SELECT (MAX(STRLEN(SAMPLE(?l))) AS ?n) WHERE { ?s rdfs:label ?l }", "SAMPLE(…) inside MAX(…)", "1:"),
    ("SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s HAVING (?o > 1)", "HAVING uses ?o", "1:"),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\nHAVING (STRLEN(STR(?o)) > 1)", "HAVING uses ?o", "2:"),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c HAVING (?n > 1)", "HAVING uses ?n", "1:"),
    ("SELECT ?c WHERE { { SELECT ?c WHERE { ?s a ?c } GROUP BY ?c HAVING (?s != ?c) } }", "HAVING uses ?s", "1:"),
    ("SELECT ?s WHERE { ?s a csto:State FILTER(COUNT(*) > 1) } GROUP BY ?s", "COUNT(…) in a FILTER", "1:"),
    ("ASK {\n ?s ?p ?o FILTER EXISTS { ?s ?q ?z FILTER(SUM(?z) > 1) } }", "SUM(…) in a FILTER", "2:"),
    # read back over a decimal literal and over an EXISTS group, the aggregate is still in the FILTER
    ("SELECT ?s WHERE { ?s a csto:State FILTER(0.5 < COUNT(*)) } GROUP BY ?s", "COUNT(…) in a FILTER", "1:"),
    ("SELECT ?s WHERE { ?s a ?c FILTER(EXISTS { ?s a ?d } && COUNT(*) > 1) } GROUP BY ?s", "in a FILTER", "1:"),
]
AGGREGATES_ALLOWED = [  # controls: each answered
    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c HAVING (COUNT(*) > 1 && ?c != csto:State)",
    "SELECT ?k WHERE { ?s a ?c } GROUP BY (STR(?c) AS ?k) HAVING (STRLEN(?k) > 1 && SAMPLE(?s) != ?k)",
    "SELECT ?c WHERE { { SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } FILTER(?n > 1) }",
    "SELECT (SUM(?n) AS ?t) WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c } }",
    "SELECT ?c WHERE { ?s a ?c } GROUP BY ?c HAVING EXISTS { ?x a ?c }",
    'SELECT ?count WHERE { ?count a csto:State FILTER("SUM(COUNT(*))" != "") } GROUP BY ?count HAVING (?count)',
    "SELECT ?c WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(COUNT(*)) ?c LIMIT 3",
    # after a decimal literal, or after an EXISTS group, in the expression (a decimal's point was read as a
    # triple's "." and the group's "}" as a graph pattern's end: 400 "in a graph pattern")
    "SELECT (0.5 * COUNT(*) AS ?half) WHERE { ?s a csto:State }",
    "SELECT ?c WHERE { ?s a ?c } GROUP BY ?c HAVING (2.5 < COUNT(*))",
    "SELECT ?c WHERE { ?s a ?c } GROUP BY ?c ORDER BY (1.0 - COUNT(*)) ?c",
    "SELECT ?s WHERE { ?s a csto:State ; ?p ?o } GROUP BY ?s HAVING (EXISTS { ?s a ?k } && COUNT(*) > 4)",
    "SELECT ?s (IF(EXISTS { ?s a ?k }, COUNT(*), 0) AS ?n) WHERE { ?s a csto:State ; ?p ?o } GROUP BY ?s",
]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("query, rule, at", AGGREGATE_MISUSES)
def test_an_aggregate_where_sparql_allows_none_is_400_naming_the_rule(client, method, query, rule, at):
    r = send(client, method, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + C + query)
    assert r.status_code == 400, (r.status_code, r.data[:300])
    message = r.data.decode()
    line = int(at[:-1]) + 1  # the PREFIX line first
    assert f"error at {line}:" in message and rule in message and "SPARQL 1.1 section 11" in message, message


@pytest.mark.parametrize("query", AGGREGATES_ALLOWED)
def test_an_aggregate_where_sparql_allows_it_is_answered(client, query):
    r = send(client, "GET", C + query)
    assert r.status_code == 200, r.data[:300]


def test_order_by_a_variable_the_grouping_drops_is_answered_and_orders_nothing(client):
    """``GROUP BY ?c ORDER BY ?s``: section 11.4 restricts the projection only, and ORDER BY comes after grouping in
    the algebra (18.2.4.1, 18.2.5), where ``?s`` is unbound: answered, with the rows of the query without it."""

    def rows(order: str):
        r = send(client, "GET", C + "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c" + order)
        assert r.status_code == 200, (order, r.status_code, r.data[:300])
        return sorted((b["c"]["value"], b["n"]["value"]) for b in r.get_json()["results"]["bindings"])

    plain = rows("")
    assert len(plain) > 3
    for order in (" ORDER BY ?s", " ORDER BY DESC(?s) ?c", " ORDER BY STR(?s) LIMIT 1000"):
        assert rows(order) == plain, order


GROUP_ALIASES = [  # (query, the same grouping written with an expression the engine read right)
    ("SELECT ?k (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY (?c AS ?k)", "GROUP BY (IRI(?c) AS ?k)"),
    ("SELECT ?k WHERE { ?s a ?c } GROUP BY (((?c)) AS ?k) HAVING (COUNT(*) > 2)", "GROUP BY (IRI(?c) AS ?k)"),
    (
        "SELECT ?k ?n WHERE { { SELECT ?k (COUNT(*) AS ?n) { ?s a ?c } GROUP BY (?c AS ?k) } }",
        "GROUP BY (IRI(?c) AS ?k)",
    ),
    (  # an unbound value is a group of its own, its alias unbound, as the variable's would be
        "SELECT ?k (COUNT(*) AS ?n) WHERE { VALUES (?v ?w) { (1 1) (UNDEF 2) (1 3) (UNDEF 4) } } GROUP BY (?v AS ?k)",
        "GROUP BY (?v + 0 AS ?k)",
    ),
]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("query, control", GROUP_ALIASES)
def test_a_variable_grouped_under_an_alias_is_answered_as_its_expression_would_be(client, method, query, control):
    """``GROUP BY (?c AS ?k)`` (grammar rule 22: an expression, here a variable, bound to ``?k``, section 18.2.4.1)
    groups as ``GROUP BY ?c`` and binds ``?k``; Oxigraph 0.5.13 dropped the alias and refused the projection of
    ``?k`` ("The SELECT contains a variable that is unbound"), found by a probe of built-in calls."""

    def rows(q: str):
        r = send(client, method, C + q)
        assert r.status_code == 200, (q, r.status_code, r.data[:300])
        return sorted(tuple(sorted((k, v["value"]) for k, v in b.items())) for b in r.get_json()["results"]["bindings"])

    answer = rows(query)
    assert answer and answer == rows(re.sub(r"GROUP BY \(.*? AS \?k\)", control, query))


# --- round 15: closures of closures answered (long lists: tests/test_sparql_lists.py) -------------------------------

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LIST_CONTROLS = [  # short, or not planned: answered
    ("SELECT ?s WHERE { ?s <urn:p> ( " + "1 " * 60 + ") }", "select"),
    ("CONSTRUCT { <urn:s> <urn:p> ( " + "1 " * 400 + ") } WHERE {}", "graph"),
    ("SELECT ?x WHERE { VALUES (?x ?y) { " + "(1 2) " * 400 + "} }", "select"),
    ("SELECT ?o WHERE { VALUES ?o { 1 2 } FILTER(?o IN (" + ", ".join(["1"] * 300) + ")) }", "select"),
    (f"SELECT ?o WHERE {{ <urn:s> <{RDF_NS}rest>*/<{RDF_NS}first> ?o }}", "select"),
]


@pytest.mark.parametrize("query, kind", LIST_CONTROLS)
def test_a_query_under_the_list_cap_is_answered(client, query, kind):
    r = send(client, "POST-body", query)
    assert r.status_code == 200, (r.status_code, r.data[:300])
    if kind == "graph":
        assert len(Graph().parse(data=r.data, format="turtle")) == 1 + 2 * 400


@pytest.fixture(scope="module")
def patient_client(build):
    """A client of an app whose time limit (60 s) is far above what its queries need: ``(p)*`` from every node of
    the curated data takes ~1.5 s quiet, past the 5 s limit on a loaded machine; not demoted (nice 15 past 0.5 s,
    tested in test_abuse.py), which on a loaded machine leaves a query a few per cent of a core."""
    app = create_app(ServerConfig(query_timeout=60, max_rows=10_000, demote_after=3600), build)
    yield app.test_client()
    app.extensions["csto.engine"].close()


def test_a_closure_of_closures_is_answered_as_one_closure(patient_client):
    """``((p)*)*`` is ``(p)*`` (section 18.5: ALP gives each node once); the engine evaluated each level in full
    (1.5 s a level over the curated data, so 8 levels ran past the 5 s limit: a 503). The query is rewritten to one
    closure (``+`` throughout to ``+``) and answered as that closure is."""
    client = patient_client
    about = C.split("<", 1)[1].split(">", 1)[0] + "about"
    one = send(client, "GET", f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s (<{about}>)* ?o }}")
    assert one.status_code == 200
    expected = one.get_json()["results"]["bindings"][0]["n"]["value"]
    for modifiers in ("*" * 8, "*+?*+*?*", "+" * 8):
        nested = "(" * 8 + f"<{about}>" + "".join(")" + m for m in modifiers)
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s {nested} ?o }}"
        single = f"(<{about}>){'+' if modifiers == '+' * 8 else '*'}"
        assert nested_closures_collapsed(query) == f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s {single} ?o }}", modifiers
        r = send(client, "GET", query)
        assert r.status_code == 200, (modifiers, r.status_code, r.data[:200])
        if modifiers != "+" * 8:
            assert r.get_json()["results"]["bindings"][0]["n"]["value"] == expected, modifiers
    plus = send(client, "GET", f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s (<{about}>)+ ?o }}").get_json()
    assert r.get_json() == plus  # ((p)+)+ … is (p)+


SUB_QUERY_LOCALS = [  # each with a sub-query using a variable it does not project
    "SELECT ?s ?n WHERE { ?s a csto:Summit { SELECT ?s (COUNT(?a) AS ?n) WHERE { ?s csto:attendee ?a } GROUP BY ?s } }",
    "SELECT ?s WHERE { VALUES ?c { csto:Person } { SELECT ?s WHERE { ?s a ?c FILTER (?c = csto:State) } } }",
    "SELECT ?x ?t WHERE { { SELECT ?x ?t WHERE { ?x a ?t { SELECT ?t WHERE { ?t rdfs:subClassOf ?x } } } } }",
    "ASK { { SELECT ?s WHERE { ?s csto:attendee ?p } } ?p a csto:Summit }",
    "SELECT $s ?c WHERE { ?s a csto:Summit { SELECT $s { $s a ?c } } }",
    "SELECT ?g (COUNT(?x) AS ?n) WHERE { GRAPH ?g { { SELECT ?x WHERE { ?x a csto:Summit ; ?p ?g } } } } GROUP BY ?g",
]


@pytest.mark.parametrize("query", SUB_QUERY_LOCALS)
def test_a_sub_querys_own_variables_renamed_give_the_same_answer(store, query):
    """The store client (``serve --store``) gives each variable a sub-query does not project a name of its own
    (Virtuoso 7.2 joined it with the graph variable of that name outside): the embedded engine, which keeps the
    scopes apart, answers the renamed query as the query."""
    from csto_kg import query as query_module
    from csto_kg.sparql_rewrite import subquery_locals_renamed

    text = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX csto: <https://w3id.org/csto-kg/ontology/>\n"
        + query
    )
    renamed = subquery_locals_renamed(text)
    assert renamed != text and "?sq" in renamed
    asked, answered = json.loads(query_module.run(store, text).body), json.loads(query_module.run(store, renamed).body)
    if "boolean" in asked:
        assert asked == answered and asked["boolean"] is True
    else:
        rows = asked["results"]["bindings"]
        assert rows and sorted(rows, key=json.dumps) == sorted(answered["results"]["bindings"], key=json.dumps)


def test_a_sub_query_projecting_every_variable_is_left_as_written():
    from csto_kg.sparql_rewrite import subquery_locals_renamed

    query = "SELECT * WHERE { ?s ?p ?o { SELECT * WHERE { ?s ?q ?v } } }"
    assert subquery_locals_renamed(query) is query


@pytest.mark.parametrize(
    "path, union",
    [  # section 18.4: an alternative is the multiset union of its alternatives (a label written as both counts twice)
        ("rdfs:label|skos:prefLabel", "{ ?s rdfs:label ?l } UNION { ?s skos:prefLabel ?l }"),
        (
            "(rdfs:label|(skos:prefLabel|skos:altLabel))",
            "{ ?s rdfs:label ?l } UNION { ?s skos:prefLabel|skos:altLabel ?l }",
        ),
        ("^(^rdfs:label|^skos:prefLabel)", "{ ?s rdfs:label ?l } UNION { ?l ^skos:prefLabel ?s }"),
    ],
)
def test_an_alternative_path_keeps_what_both_alternatives_give(client, store, path, union):
    """Oxigraph gave each solution of an alternative path once (``?s rdfs:label|skos:prefLabel ?l``: 1,974 rows where
    the union gives 2,214; an outside read, 2026-12-08); the endpoint answers as the union, over the engine's count."""
    from csto_kg import query as query_module

    prefixes = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    )

    def count(query: str) -> int:
        r = send(client, "GET", prefixes + query, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, r.data
        return int(r.get_json()["results"]["bindings"][0]["n"]["value"])

    by_path = count(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s {path} ?l }}")
    by_union = count(f"SELECT (COUNT(*) AS ?n) WHERE {{ {union} }}")
    engine = store.query(prefixes + f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s {path} ?l }}")
    assert by_path == by_union > int(next(iter(engine))["n"].value)
    rows = json.loads(query_module.run(store, prefixes + f"SELECT ?s ?l WHERE {{ ?s {path} ?l }}").body)
    assert len(rows["results"]["bindings"]) == by_union  # the command line's engine path answers the same
