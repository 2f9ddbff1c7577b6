"""A SELECT result kept under the endpoint's caps is written byte for byte as Oxigraph writes it whole.

``csto_kg.query.run`` streams a result straight into Oxigraph's serialiser when it has no caps, and keeps
the rows in a list when it has (as the endpoint always has): both paths must give the same bytes in every
results format, for the competency queries over the shared build and for terms that are awkward to write.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from csto_kg.query import RESULT_FORMATS, NotRepresentable, open_store, run
from support import ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
AWKWARD = r"""SELECT ?a ?b ?c ?d WHERE {
  VALUES (?a ?c) { ("tab\tnew line\nback\\slash \"quote\"" UNDEF) (UNDEF 1) ("é\u0000"@en-GB 2.5)
                   (UNDEF UNDEF) ("x"^^<urn:custom:type> "1e0"^^<http://www.w3.org/2001/XMLSchema#double>) }
  BIND (BNODE("k") AS ?b)
  OPTIONAL { FILTER (false) BIND (1 AS ?d) }
}"""
EMPTY_ROW = "SELECT ?a WHERE { VALUES ?a { UNDEF 1 UNDEF } }"
NO_VARIABLES = "SELECT * WHERE { }"
TRIPLE_TERMS = r"""SELECT ?t ?u WHERE {
  BIND (<<( <urn:a> <urn:b> "c" )>> AS ?t)
  BIND (TRIPLE(<urn:a>, <urn:b>, <<( <urn:a> <urn:b> "x\t\"y"@en )>>) AS ?u)
}"""


@pytest.fixture(scope="module")
def store(shared_build):
    return open_store(shared_build.build.path / "store")


def _same_both_ways(store, query: str, fmt: str) -> bytes:
    whole = run(store, query, fmt)
    capped = run(store, query, fmt, max_rows=100_000, max_bytes=100_000_000)
    assert not capped.truncated
    assert capped.body == whole.body, (fmt, capped.body[:400], whole.body[:400])
    return whole.body


@pytest.mark.parametrize("fmt", list(RESULT_FORMATS))
@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_each_query_is_written_the_same_capped_or_whole(store, path, fmt):
    _same_both_ways(store, path.read_text(encoding="utf-8"), fmt)


@pytest.mark.parametrize("fmt", list(RESULT_FORMATS))
@pytest.mark.parametrize(
    "query", [AWKWARD, EMPTY_ROW, NO_VARIABLES, TRIPLE_TERMS], ids=["awkward", "empty-row", "no-variables", "triples"]
)
def test_awkward_terms_are_written_the_same_capped_or_whole(fmt, query):
    if fmt == "xml" and "\\u0000" in query:  # XML 1.0 cannot carry U+0000: refused either way, and without it ...
        for caps in ({}, {"max_rows": 100_000, "max_bytes": 100_000_000}):
            with pytest.raises(NotRepresentable, match="U\\+0000"):
                run(ox.Store(), query, fmt, **caps)
        query = query.replace("\\u0000", "")  # ... the rest is written the same both ways
    body = _same_both_ways(ox.Store(), query, fmt)
    if fmt == "json":
        rows = json.loads(body)["results"]["bindings"]
        assert len(rows) == {AWKWARD: 5, EMPTY_ROW: 3, NO_VARIABLES: 1, TRIPLE_TERMS: 1}[query]


def test_a_cut_json_result_says_so_after_its_head(store):
    query = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label"
    cut = run(store, query, "json", max_rows=3)
    whole = json.loads(run(store, query, "json").body)
    assert cut.truncated and cut.rows == 3
    assert cut.body.startswith(b'{"head":{"vars":["s","label"]},"truncated":true,"results":')
    assert json.loads(cut.body)["results"]["bindings"] == whole["results"]["bindings"][:3]
