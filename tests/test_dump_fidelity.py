"""The dump and the endpoint hold the same data: per named graph, the TriG export is isomorphic to a CONSTRUCT of /sparql.

Read with rdflib (another engine than the one serving), so a literal that
Oxigraph would store in another form than the dump writes (``"4"^^xsd:positiveInteger``
stored as ``"4"^^xsd:integer``) makes a graph differ. Blank nodes are
relabelled between the two, hence isomorphism rather than equal sets.
"""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig

pytestmark = [pytest.mark.xdist_group("test_dump_fidelity")]  # one worker parses the TriG dump once


@pytest.fixture(scope="module")
def built(shared_build):
    build = shared_build.build
    app = create_app(ServerConfig(query_timeout=30, max_rows=100_000), build)
    yield build, app.test_client()
    app.extensions["csto.engine"].close()


@pytest.fixture(scope="module")
def dump(built):
    ds = Dataset()
    ds.parse(built[0].dumps / "csto-kg.trig", format="trig")
    return ds


def _graph_names(build) -> list[str]:
    return sorted(build.manifest["graphs"])


def test_the_dump_has_every_named_graph(built, dump):
    build, _ = built
    in_dump = {str(g.identifier) for g in dump.graphs() if len(g)}
    assert in_dump == set(_graph_names(build))


def test_each_named_graph_of_the_dump_is_isomorphic_to_the_endpoints(built, dump):
    build, client = built
    differing = []
    for name in _graph_names(build):
        r = client.post(
            "/sparql",
            data={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"},
            headers={"Accept": "application/n-triples"},
        )
        assert r.status_code == 200 and "X-CSTO-Truncated" not in r.headers
        served = Graph().parse(data=r.data.decode("utf-8"), format="nt")
        exported = Graph()
        for triple in dump.graph(URIRef(name)):
            exported.add(triple)
        assert len(served) == len(exported) == build.manifest["graphs"][name], name
        if set(served) == set(exported):  # the same triples: no blank node to relabel
            continue
        if not isomorphic(served, exported):
            differing.append(name)
    assert differing == []


def test_void_triples_of_the_default_graph_counts_distinct_triples(built, dump):
    build, client = built
    r = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    distinct = int(r.get_json()["results"]["bindings"][0]["n"]["value"])
    union = {(s, p, o) for s, p, o, _ in dump.quads((None, None, None, None))}
    assert distinct == len(union) < sum(build.manifest["graphs"].values())
    sd = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).data, format="turtle")
    q = """PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> PREFIX void: <http://rdfs.org/ns/void#>
           SELECT ?n WHERE { ?ds sd:defaultGraph/void:triples ?n }"""
    assert [int(row.n) for row in sd.query(q)] == [distinct]


def test_void_describes_every_named_graph_and_counts_the_union_the_endpoint_serves(built):
    """The dataset's void:triples is the endpoint's default graph (distinct triples, graph:meta's included), and
    every named graph, graph:meta too, is a void:subset with its size: the numbers graph:meta states about itself."""
    build, client = built

    def one(query: str) -> list[dict]:
        r = client.get("/sparql", query_string={"query": query})
        assert r.status_code == 200, r.data
        return [{k: v["value"] for k, v in b.items()} for b in r.get_json()["results"]["bindings"]]

    distinct = int(one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    void = "PREFIX void: <http://rdfs.org/ns/void#> "
    stated = one(void + "SELECT ?n WHERE { <https://w3id.org/csto-kg/dataset> void:triples ?n }")
    assert [int(r["n"]) for r in stated] == [distinct]
    subsets = one(
        void + "SELECT ?g ?n WHERE { <https://w3id.org/csto-kg/dataset> void:subset ?g . ?g void:triples ?n "
        "FILTER NOT EXISTS { ?g a void:Linkset } }"  # the named graphs; the linkset to Wikidata is a subset too
    )
    assert {r["g"]: int(r["n"]) for r in subsets} == build.manifest["graphs"]
    for name, size in build.manifest["graphs"].items():
        served = one(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        assert int(served[0]["n"]) == size, name
