"""The W3C SPARQL 1.0 and 1.1 evaluation suites' queries, asked of this project's graph.

``tests/w3c/evaluation/`` holds the suites' manifests, queries, data and expected answers, unmodified. Here the
queries are asked of the curated build, not of the suites' small graphs, so what is checked is that the endpoint
answers every query SPARQL 1.1 allows (``test_w3c_answers.py`` checks the suites' answers over their own data;
``test_remote_store.py`` compares the answers over Virtuoso with these). Each query goes to ``/sparql`` as a client
would send it:

- a query evaluation test (and a CSV result format test): 200; ``SERVICE`` (federation) is the
  endpoint's documented 400; a query past the time limit over this graph is the documented 503 (the
  suites' ``SELECT * { ?s ?p ?o OPTIONAL { ?o ?p2 ?o2 } } ORDER BY …`` sorts 438,874 rows here);
- a negative syntax test among them (a projection of an ungrouped variable, ``CONSTRUCT WHERE`` with
  a ``FILTER``): 400;
- no other answer, and no 5xx but that 503.
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

SUITES = ROOT / "tests" / "w3c" / "evaluation"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
KINDS = ("QueryEvaluationTest", "CSVResultFormatTest", "NegativeSyntaxTest11")


def _entries() -> list[tuple[str, str, Path]]:
    """(test id, test type, query file) of every query entry of every manifest (an entry with no type, which
    the suites' ``sameTerm-manifest.ttl`` holds for files the suites do not have, is not one)."""
    out = []
    for manifest, g, e, kind in w3c_manifest_entries(SUITES, "*manifest.ttl"):
        if kind in KINDS:
            action = g.value(e, MF.action)
            query = g.value(action, QT.query) if kind != "NegativeSyntaxTest11" else action
            name = f"{manifest.parent.parent.name}/{manifest.parent.name}/{str(e).rsplit('#', 1)[-1]}"
            out.append((name, kind, Path(str(query).removeprefix("file://"))))
    return out


ENTRIES = _entries()


@pytest.fixture(scope="module")
def client(shared_build):
    # a budget of query time these queries never spend, and no demotion of a long query's worker (the limits have
    # their own tests in test_abuse.py); a time limit of 1.5 s, which the three heaviest pass (503: they sort the
    # 438,874 rows and run to any limit), and the next heaviest, the suites' other result-format queries, take
    # 0.8-1.1 s to answer (measured 2026-12-06; each second of the limit costs the suite three)
    app = create_app(ServerConfig(query_timeout=1.5, client_burst=36000, demote_after=3600), shared_build.build)
    yield app.test_client()
    app.extensions["csto.engine"].close()


def test_the_suites_are_complete():
    kinds = Counter(kind for _, kind, _ in ENTRIES)
    assert kinds["QueryEvaluationTest"] >= 550 and kinds["NegativeSyntaxTest11"] and kinds["CSVResultFormatTest"]
    assert all(path.is_file() for _, _, path in ENTRIES)


@pytest.mark.parametrize("name, kind, path", ENTRIES, ids=[e[0] for e in ENTRIES])
def test_an_evaluation_query_is_answered(client, name, kind, path):
    text = path.read_text(encoding="utf-8")
    r = client.post("/sparql", data=text.encode("utf-8"), headers={"Content-Type": "application/sparql-query"})
    if kind == "NegativeSyntaxTest11":
        assert r.status_code == 400, (r.status_code, r.data[:300])
    elif uses_service(text):
        assert r.status_code == 400 and b"SERVICE" in r.data, (r.status_code, r.data[:300])
    elif r.status_code == 503:
        assert b"time limit" in r.data, r.data[:300]
    else:
        assert r.status_code == 200, (r.status_code, r.data[:300])
