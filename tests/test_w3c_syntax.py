"""The W3C SPARQL 1.0 and 1.1 syntax test suites, POSTed to /sparql as a client would send them.

The suites are the unmodified copies in ``tests/w3c/`` (their licence and origin are
there), so the module runs on every checkout. Each manifest is Turtle,
read with rdflib. Expected answers:

- a positive query test: 200, except ``SERVICE`` (federation), refused with
  the endpoint's documented 400;
- a negative query test: 400;
- every update test (positive or negative, empty ones included), sent as
  ``application/sparql-update`` and as ``update=``: 403, the endpoint is read-only;
- no answer is a 5xx.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Namespace

from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig
from csto_kg.sparql_lex import uses_service
from support import ROOT, w3c_manifest_entries

SUITES = ROOT / "tests" / "w3c" / "sparql"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")


def _entries() -> list[tuple[str, str, Path]]:
    """(test id, test type, query file) of every entry of every manifest."""
    return [
        (
            f"{manifest.parent.name}/{str(e).rsplit('#', 1)[-1]}",
            kind,
            Path(str(g.value(e, MF.action)).removeprefix("file://")),
        )
        for manifest, g, e, kind in w3c_manifest_entries(SUITES)
    ]


ENTRIES = _entries()
QUERIES = [e for e in ENTRIES if "Update" not in e[1]]
UPDATES = [e for e in ENTRIES if "Update" in e[1]]


@pytest.fixture(scope="module")
def client(shared_build):
    build = shared_build.build
    # What is checked is syntax: a time limit and a budget of query time these 400 queries never reach, even on a
    # busy machine, and no demotion of a long query's worker (the limits have their own tests in test_abuse.py)
    app = create_app(ServerConfig(query_timeout=60, client_burst=3600, demote_after=3600), build)
    yield app.test_client()
    app.extensions["csto.engine"].close()


def _post_query(client, text: str):
    return client.post("/sparql", data=text.encode("utf-8"), headers={"Content-Type": "application/sparql-query"})


def test_the_suites_are_complete():
    kinds = Counter(kind for _, kind, _ in ENTRIES)
    assert len(ENTRIES) >= 350 and kinds["NegativeSyntaxTest"] and kinds["PositiveUpdateSyntaxTest11"]


@pytest.mark.parametrize("name, kind, path", QUERIES, ids=[e[0] for e in QUERIES])
def test_query_syntax(client, name, kind, path):
    text = path.read_text(encoding="utf-8")
    r = _post_query(client, text)
    if kind.startswith("Positive"):
        expected = 400 if uses_service(text) else 200
        if expected == 400:
            assert r.status_code == 400 and b"SERVICE" in r.data, (r.status_code, r.data[:300])
        else:
            assert r.status_code == 200, (r.status_code, r.data[:300])
    else:
        assert r.status_code == 400, (r.status_code, r.data[:300])


@pytest.mark.parametrize("name, kind, path", UPDATES, ids=[e[0] for e in UPDATES])
def test_update_is_refused(client, name, kind, path):
    text = path.read_text(encoding="utf-8")
    r = client.post("/sparql", data=text.encode("utf-8"), headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403, (r.status_code, r.data[:300])
    r = client.post("/sparql", data={"update": text})
    assert r.status_code == 403, (r.status_code, r.data[:300])
    if kind.startswith("Positive"):  # a valid update sent as a query is an update all the same
        r = client.post("/sparql", data={"query": text})
        assert r.status_code == 403, (r.status_code, r.data[:300])
