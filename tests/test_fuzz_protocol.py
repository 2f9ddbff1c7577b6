"""Property-based fuzzing of the protocol (hypothesis): never a 500, never a hang, never a leak.

Random methods, paths, content types, Accept headers (with q-values),
parameters, and queries that are random text or mutations (cut, spliced,
duplicated, keyword-swapped) of real queries. Each example is bounded by the
app's own time limit (2 s). ``CSTO_FUZZ_EXAMPLES`` raises the number of
examples (default 120, for CI); e.g. ``CSTO_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_protocol.py``.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig
from support import ID, LEAKS

EXAMPLES = int(os.environ.get("CSTO_FUZZ_EXAMPLES", "120"))
TIMEOUT = 2.0
BOUND_S = 60  # a hang detector, far above the time limit (not a timing assertion)

SEEDS = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5",
    f"DESCRIBE <{ID}csto>",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = 'en') } LIMIT 3",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?g",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } MINUS { ?s a ?t } } LIMIT 3",
    "SELECT * FROM <https://w3id.org/csto-kg/graph/meta> WHERE { ?s ?p ?o } LIMIT 2",
    "SELECT * WHERE { ?s (<urn:x:a>|^<urn:x:b>)+ ?o } LIMIT 2",
    "SELECT ?x WHERE { VALUES ?x { 1 2.5 'a'@en <urn:x> } BIND(STRLEN(STR(?x)) AS ?y) }",
]
WORDS = [
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "WHERE",
    "{",
    "}",
    "(",
    ")",
    "FILTER",
    "OPTIONAL",
    "UNION",
    "SERVICE",
    "FROM",
    "NAMED",
    "GRAPH",
    "INSERT",
    "DELETE",
    "LOAD",
    "DROP",
    "CLEAR",
    "*",
    "?s",
    "<",
    ">",
    '"',
    "'",
    "#",
    "\\",
    "PREFIX",
    ":",
    ".",
    ";",
    ",",
    "a",
    "^^",
    "@en",
    "\x00",
    "\ud7ff",
    "𝔘",
    "|",
    "/",
]
MEDIA = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "application/trig",
    "application/n-quads",
    "application/json",
    "application/xml",
    "text/html",
    "text/plain",
    "*/*",
    "text/*",
    "application/*",
    "image/png",
]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/sparql-query",
    "application/sparql-update",
    "application/sparql-query; charset=latin-1",
    "application/sparql-query; charset=nonsense",
    "multipart/form-data; boundary=xyz",
    "text/plain",
    "application/json",
    "",
]
PARAMS = ["query", "update", "default-graph-uri", "named-graph-uri", "timeout", "format", "output", "using-graph-uri"]


@st.composite
def mutated_query(draw):
    q = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["cut", "insert", "delete", "duplicate", "word"]))
        i = draw(st.integers(0, len(q)))
        if op == "cut":
            q = q[:i]
        elif op == "insert":
            q = q[:i] + draw(st.text(max_size=8)) + q[i:]
        elif op == "delete":
            q = q[:i] + q[i + draw(st.integers(1, 10)) :]
        elif op == "duplicate":
            q = q[:i] + q[i : i + 30] * draw(st.integers(2, 40)) + q[i:]
        else:
            q = q[:i] + " " + draw(st.sampled_from(WORDS)) + " " + q[i:]
    return q


queries = st.one_of(mutated_query(), st.sampled_from(SEEDS), st.text(max_size=200))
header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=60)  # what HTTP carries
accepts = st.one_of(
    st.none(),
    st.lists(
        st.tuples(st.sampled_from(MEDIA), st.one_of(st.none(), st.floats(-1, 2), st.sampled_from(["x", "0.5.1", ""]))),
        min_size=1,
        max_size=4,
    ).map(lambda items: ", ".join(m if q is None else f"{m};q={q}" for m, q in items)),
    header_text,
)
param_value = st.one_of(
    queries,
    st.text(max_size=40),
    st.sampled_from(["1", "0", "-3", "1e309", "file:///etc/passwd", "https://w3id.org/csto-kg/graph/meta", "json"]),
)
params = st.lists(st.tuples(st.sampled_from(PARAMS), param_value), max_size=5)


@pytest.fixture(scope="module")
def client(shared_build):
    build = shared_build.build
    app = create_app(ServerConfig(query_timeout=TIMEOUT, max_rows=200), build)
    yield app.test_client()
    app.extensions["csto.engine"].close()


def check(response, started: float) -> None:
    assert response.status_code < 500 or response.status_code == 503, (response.status_code, response.data[:300])
    assert time.monotonic() - started < BOUND_S
    assert not any(leak.encode() in response.data for leak in LEAKS), response.data[:300]
    if response.status_code == 503:
        assert "Retry-After" in response.headers


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]),
    path=st.sampled_from(["/sparql", "/sparql", "/sparql", "/.well-known/void", "/sparql/pool", "/sparql/"]),
    params=params,
    accept=accepts,
)
def test_get_like_requests_never_fail(client, method, path, params, accept):
    headers = {"Accept": accept} if accept is not None else {}
    started = time.monotonic()
    response = client.open(path, method=method, query_string=params, headers=headers)
    check(response, started)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    content_type=st.one_of(st.sampled_from(CONTENT_TYPES), header_text),
    body=st.one_of(queries.map(lambda q: q.encode("utf-8", "surrogatepass")), st.binary(max_size=300)),
    form=params,
    url_params=params,
    accept=accepts,
)
def test_posts_never_fail(client, content_type, body, form, url_params, accept):
    headers = {"Accept": accept} if accept is not None else {}
    started = time.monotonic()
    if content_type == "application/x-www-form-urlencoded" and form:
        response = client.post("/sparql", data=dict(form), query_string=url_params, headers=headers)
    else:
        headers["Content-Type"] = content_type
        response = client.post("/sparql", data=body, query_string=url_params, headers=headers)
    check(response, started)


# --- ORDER BY over mixed terms: the engine's sort must never be reached with a non-total order -------------

TERMS = [
    '"y"@en',
    '"y"@fr',
    '"a"@en-GB',
    "<http://a/2>",
    "<http://a/1>",
    '"2020"^^xsd:gYear',
    '"2020Z"^^xsd:gYear',
    '"10"',
    '"9"',
    '""',
    "false",
    "true",
    '"abc"^^xsd:boolean',
    '"NaN"^^xsd:double',
    '"INF"^^xsd:double',
    '"-INF"^^xsd:float',
    "10",
    "9",
    "-3",
    "2.5",
    "1e3",
    '"16777217"^^xsd:float',
    "16777216",
    "16777217",
    '"2019-12-31T23:00:00-02:00"^^xsd:dateTime',
    '"2020-01-01T00:00:00Z"^^xsd:dateTime',
    '"2020-01-01T00:00:00"^^xsd:dateTime',
    '"2020-01-01T05:00:00"^^xsd:dateTime',
    '"nope"^^xsd:dateTime',
    '"2020-01-01"^^xsd:date',
    '"2020-01-01+14:00"^^xsd:date',
    '"12:00:00"^^xsd:time',
    '"P1M"^^xsd:duration',
    '"P30D"^^xsd:duration',
    '"PT1H"^^xsd:dayTimeDuration',
    '"x"^^<urn:x:dt>',
    '"1"^^xsd:string',
    '"4"^^xsd:positiveInteger',
]
KEYS = ["?o", "STR(?o)", "(?o + 1)", "LANG(?o)", "<urn:x-unknown:f>(?o)", "DATATYPE(?o)", "(?o)"]


@pytest.fixture(scope="module")
def order_app(shared_build):
    build = shared_build.build
    app = create_app(ServerConfig(query_timeout=10), build)
    yield app
    app.extensions["csto.engine"].close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    values=st.lists(st.sampled_from(TERMS), min_size=2, max_size=60),
    bnodes=st.integers(0, 4),
    keys=st.lists(st.tuples(st.sampled_from(["ASC", "DESC", ""]), st.sampled_from(KEYS)), min_size=1, max_size=3),
)
def test_order_by_over_any_mix_of_terms_is_answered_in_sparql_kind_order(order_app, values, bnodes, keys):
    client = order_app.test_client()
    died = order_app.extensions["csto.engine"].stats()["died"]
    branches = "".join(" UNION { BIND(BNODE() AS ?o) }" for _ in range(bnodes))
    order = " ".join(f"{d}({k})" if d else (k if k.startswith(("?", "(")) else f"({k})") for d, k in keys)
    query = (
        f"PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?o WHERE {{ {{ VALUES ?o {{ {' '.join(values)} }} }}"
        f"{branches} }} ORDER BY {order}"
    )
    r = client.get("/sparql", query_string={"query": query})
    assert r.status_code == 200, (r.status_code, r.data[:300], query)
    rows = r.get_json()["results"]["bindings"]
    assert len(rows) == len(values) + bnodes
    if keys[0][1] == "?o":  # the first key is the term itself: its kind order holds
        rank = {"bnode": 0, "uri": 1, "literal": 2, "typed-literal": 2}
        kinds = [rank[b["o"]["type"]] for b in rows]
        assert kinds == sorted(kinds, reverse=keys[0][0] == "DESC")
    assert order_app.extensions["csto.engine"].stats()["died"] == died
