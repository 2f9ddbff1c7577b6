"""``csto-kg serve`` for real: gunicorn on a loopback port, queried with SPARQLWrapper in every result format.

The server runs on a build of a snapshot of the inputs made beforehand, so
start-up must reuse it (and says so); every result format is fetched through
SPARQLWrapper (GET, POST form and POST body) and converted by it.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import xml.dom.minidom

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

from support import GRAPH, ID, live_server

pytestmark = [pytest.mark.xdist_group("test_live_server")]  # one worker sets up a live server once


@pytest.fixture(scope="module")
def server(tmp_path_factory, shared_build):
    tmp = tmp_path_factory.mktemp("live")
    with live_server(shared_build.env, tmp, web_workers=2) as s:
        s.build = shared_build.build
        yield s


def wrapper(server, query: str, fmt, method: str = "GET", request_method=URLENCODED) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method == "POST":
        sparql.setMethod(POST)
        sparql.setRequestMethod(request_method)
    return sparql


SELECT = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s LIMIT 10"
ASK = f"ASK {{ <{ID}csto> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{ID}csto> ?p ?o }} WHERE {{ <{ID}csto> ?p ?o }}"
DESCRIBE = f"DESCRIBE <{ID}csto>"
CALLS = [("GET", URLENCODED), ("POST", URLENCODED), ("POST", POSTDIRECTLY)]


def test_serve_reuses_the_current_build_and_is_gunicorn(server):
    """The process structure, not gunicorn's start-up wording: ``csto-kg serve`` becomes (exec, same pid) the gunicorn
    master, whose children are the two web workers asked for; the one that answers says so in ``/sparql/pool``. How
    the web workers read and write (``http_worker.py``) is tested by its behaviour in ``tests/test_abuse.py``."""
    import psutil

    log = server.log()
    assert f"build {server.build.key[:16]} (reused" in log
    # serve.py's logger names the address on gunicorn's "Listening at:" line (empty under SO_REUSEPORT): it matches
    # on that line's wording, which this checks is still gunicorn's
    assert f"Listening at: http://127.0.0.1:{server.port} " in log
    status, headers, _ = server.get("/sparql", {"query": "ASK {}"})
    assert status == 200 and headers["Server"].startswith("gunicorn")
    web_workers = psutil.Process(server.proc.pid).children()
    assert server.pool()["web_worker"] in {w.pid for w in web_workers}
    assert len(web_workers) == 2  # web_workers=2 (the fixture's setting)
    print(f"\nserve ready (answered a query) {server.ready_s:.2f} s after start")


@pytest.mark.parametrize("method, request_method", CALLS)
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_in_every_results_format(server, fmt, method, request_method):
    result = wrapper(server, SELECT, fmt, method, request_method).query()
    converted = result.convert()
    if fmt == JSON:
        rows = converted["results"]["bindings"]
        assert len(rows) == 10 and all(r["s"]["type"] == "uri" for r in rows)
    elif fmt == XML:
        assert isinstance(converted, xml.dom.minidom.Document)
        assert len(converted.getElementsByTagName("result")) == 10
    elif fmt == CSV:
        rows = list(csv.reader(io.StringIO(converted.decode())))
        assert rows[0] == ["s", "label"] and len(rows) == 11
    else:
        lines = converted.decode().splitlines()
        assert lines[0].split("\t") == ["?s", "?label"] and len(lines) == 11


@pytest.mark.parametrize("method, request_method", CALLS)
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_ask_in_every_results_format(server, fmt, method, request_method):
    converted = wrapper(server, ASK, fmt, method, request_method).query().convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    elif fmt == XML:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert converted.decode().strip() == "true"


@pytest.mark.parametrize("method, request_method", CALLS)
@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, XML, JSONLD, JSON])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_construct_and_describe_in_every_rdf_format(server, query, fmt, method, request_method):
    result = wrapper(server, query, fmt, method, request_method).query()
    converted = result.convert()
    if isinstance(converted, Graph):
        g = converted
    elif isinstance(converted, (bytes, str)):  # SPARQLWrapper hands Turtle/N3 back as text
        g = Graph().parse(data=converted, format="turtle")
    else:  # JSON-LD via format=json: parsed JSON
        g = Graph().parse(data=json.dumps(converted), format="json-ld")
    assert len(g) > 0


def test_named_graphs_and_service_description(server):
    status, headers, body = server.get("/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    names = {str(o) for o in g.objects(None, g.namespace_manager.expand_curie("sd:name"))}
    assert names == set(server.build.manifest["graphs"])
    status, _, body = server.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert status == 200 and json.loads(body)


def test_default_graph_uri_through_sparqlwrapper(server):
    sparql = wrapper(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", JSON)
    sparql.addDefaultGraph(GRAPH + "meta")
    n = int(sparql.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert n == server.build.manifest["graphs"][GRAPH + "meta"]


@pytest.mark.parametrize(
    "raw, merged",
    [
        ("//id/armenia", "/id/armenia"),
        ("/id//armenia?format=ttl", "/id/armenia?format=ttl"),
        ("///id///armenia", "/id/armenia"),
        ("//sparql?query=ASK%20%7B%7D", "/sparql?query=ASK%20%7B%7D"),
        ("//.well-known/void", "/.well-known/void"),
        ("//", "/"),
    ],
)
def test_a_path_with_an_empty_segment_redirects_to_the_merged_path_leading_slashes_included(server, raw, merged):
    """Found by a probe: ``/id//armenia`` redirected (308) but ``//id/armenia`` answered 200, a second URL for the
    page (Werkzeug drops leading slashes silently). Every run of slashes is now merged by one 308, which keeps the
    method and the body (a POST to ``//sparql`` is resent)."""
    for method, body in (("GET", None), ("HEAD", None), ("POST", b"ASK {}")):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {"Content-Type": "application/sparql-query"} if body else {}
        conn.request(method, raw, body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        conn.close()
        assert r.status == 308 and r.getheader("Location") == merged, (method, raw, r.status)
    status, _, _ = server.get(merged)
    assert status == 200
