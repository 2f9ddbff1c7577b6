"""The W3C SPARQL 1.1 Protocol test suite, each of its HTTP requests replayed at /sparql as the manifest writes it.

The manifest is the unmodified copy in ``tests/w3c/protocol/`` (its licence and origin are in ``tests/w3c/``). It
gives each test's requests in the W3C HTTP vocabulary (method, path, headers, body and its character encoding) and
what each response must be (a status class, a result format, an ASK answer). Every request is sent as written, the
path's ``/sparql/`` being this endpoint's ``/sparql``. Expected:

- a query request: the status class and result format the manifest gives ("boolean": a SPARQL result with a
  boolean; "tabular": one with variables and bindings; "RDF": a graph in an RDF syntax that parses). Its ASK answer
  too, where the test loads no data of its own (``ut:graphData``). A test that loads data names graphs this
  read-only dataset does not hold: they are empty graphs (SPARQL), the answer is the one over them, and the
  response names them in ``X-CSTO-Unknown-Graphs``;
- an update request: 403, the endpoint is read-only (the suite's positive update tests expect 2xx of a store that
  accepts updates); the suite's query that follows one, asking whether the update took effect, is answered in the
  format the suite expects, and its answer is false: nothing was written;
- a request the manifest expects to fail (a method other than GET or POST, two queries, a wrong or missing media
  type, a body in UTF-16, a syntax error, an update by GET): the 4xx it expects;
- no answer is a 5xx.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig
from support import RDF_MEDIA_TYPES, ROOT

MANIFEST = ROOT / "tests" / "w3c" / "protocol" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SRX = "{http://www.w3.org/2005/sparql-results#}"
UPDATE_TYPES = ("application/sparql-update",)


def _requests(g: Graph, test) -> list[dict]:
    out = []
    for req in Collection(g, g.value(g.value(test, MF.action), HT.requests)):
        headers = {}
        if (listed := g.value(req, HT.headers)) is not None:
            headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue)) for h in Collection(g, listed)}
        body = None
        if (content := g.value(req, HT.body)) is not None:
            body = str(g.value(content, CNT.chars)).encode(str(g.value(content, CNT.characterEncoding) or "UTF-8"))
        resp = g.value(req, HT.resp)
        out.append(
            {
                "method": str(g.value(req, HT.methodName)),
                "path": str(g.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
                "headers": headers,
                "body": body,
                "status": {str(s).rsplit("StatusCode", 1)[1] for s in g.objects(resp, MF.expectedStatus)},
                "format": g.value(resp, MF.expectedFormat),
                "boolean": g.value(resp, MF.expectedBoolean),
            }
        )
    return out


def _tests() -> list[tuple[str, bool, list[dict]]]:
    g = Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    return [
        (str(t).rsplit("#", 1)[1], (t, UT.graphData, None) in g, _requests(g, t))
        for t in Collection(g, g.value(manifest, MF.entries))
    ]


TESTS = _tests()


@pytest.fixture(scope="module")
def client(shared_build):
    app = create_app(ServerConfig(query_timeout=60, client_burst=3600), shared_build.build)
    yield app.test_client()
    app.extensions["csto.engine"].close()


def _is_update(request: dict) -> bool:
    """An update request: ``update=`` in its URL or form body, or a body sent as application/sparql-update."""
    content_type = request["headers"].get("content-type", "").split(";")[0].strip()
    form = request["body"].decode("latin-1") if request["body"] and content_type.endswith("urlencoded") else ""
    return (
        content_type in UPDATE_TYPES
        or "update" in parse_qs(urlsplit(request["path"]).query)
        or "update" in parse_qs(form)
    )


def _dataset_graphs(request: dict) -> set[str]:
    """The graphs the request's dataset names: its parameters, else its query's FROM / FROM NAMED."""
    params = parse_qs(urlsplit(request["path"]).query)
    if named := params.get("default-graph-uri", []) + params.get("named-graph-uri", []):
        return set(named)
    text = params.get("query", [""])[0] or (request["body"] or b"").decode("utf-8")
    return set(re.findall(r"FROM\s+(?:NAMED\s+)?<([^>]*)>", text))


def _result(r):
    """(kind, value) of a response's body: ("boolean", bool), ("tabular", vars), or ("RDF", triples)."""
    media = r.mimetype
    if media in ("application/sparql-results+json", "application/json"):
        doc = json.loads(r.data)
        return ("boolean", doc["boolean"]) if "boolean" in doc else ("tabular", doc["head"]["vars"])
    if media == "application/sparql-results+xml":
        root = ET.fromstring(r.data)
        found = root.find(f"{SRX}boolean")
        if found is not None:
            return "boolean", found.text == "true"
        return "tabular", [v.get("name") for v in root.iter(f"{SRX}variable")]
    if media in ("text/csv", "text/tab-separated-values"):
        return "tabular", r.data.decode("utf-8").splitlines()[0]
    assert media in RDF_MEDIA_TYPES, f"a response in {media!r}, neither a SPARQL result nor an RDF syntax"
    return "RDF", len(Graph().parse(data=r.data, format=RDF_MEDIA_TYPES[media]))


def test_the_suite_is_complete():
    assert len(TESTS) >= 30
    assert sum(len(requests) for _, _, requests in TESTS) >= 39
    assert any(_is_update(r) for _, _, requests in TESTS for r in requests)


@pytest.mark.parametrize("name, loads_data, requests", TESTS, ids=[t[0] for t in TESTS])
def test_a_protocol_test_is_answered_as_the_suite_expects(client, name, loads_data, requests):
    refused = False  # an update of this test was refused: the suite's check that it took effect finds nothing
    for request in requests:
        r = client.open(
            request["path"], method=request["method"], headers=request["headers"], data=request["body"] or b""
        )
        said = (request["method"], request["path"][:120], r.status_code, r.data[:300])
        assert r.status_code < 500, said
        if _is_update(request) and "4xx" not in request["status"]:
            assert r.status_code == 403 and b"read-only" in r.data, said  # an update the suite expects to succeed
            refused = True
            continue
        assert f"{r.status_code // 100}xx" in request["status"], said
        if request["format"] is None:
            continue
        kind, value = _result(r)
        assert kind == str(request["format"]), said
        if loads_data:
            unknown = set(r.headers.get("X-CSTO-Unknown-Graphs", "").replace("<", " ").replace(">", " ").split())
            assert _dataset_graphs(request) <= unknown, said  # the test's graphs: not this dataset's, and said so
        if refused:
            assert value is False, said  # nothing was written
        elif request["boolean"] is not None and not loads_data:
            assert value is request["boolean"].toPython(), said


def test_a_query_naming_only_graphs_the_dataset_lacks_is_answered_from_empty_graphs(client, shared_build):
    """The dataset tests' ASK over graphs this dataset does not hold is false (they are empty); the same ASK over
    a graph it holds is answered from that graph: the dataset parameters are used, not ignored."""
    test = dict((t[0], t[2]) for t in TESTS)["query_dataset_default_graphs_get"][0]
    r = client.open(test["path"], method="GET")
    assert r.status_code == 200 and _result(r) == ("boolean", False)
    graph = next(g for g in shared_build.build.manifest["graphs"] if g.endswith("/entities"))
    r = client.get("/sparql", query_string={"query": "ASK { ?s a ?type }", "default-graph-uri": graph})
    assert r.status_code == 200 and _result(r) == ("boolean", True) and "X-CSTO-Unknown-Graphs" not in r.headers
