"""The derived graph ``graph:support`` (csto_kg/support.py): one rdf:Statement per curated value,
its supporting passage(s), the seed graph stating it, and ranks where sources give one node
several values (preferred for the most precise of compatible values, disagreements otherwise).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from csto_kg.loader import load
from csto_kg.namespaces import CSTO, DCTERMS, EV, GRAPH, ID, OA, ONTOLOGY_GRAPH, PROV, RDF, RDFS, SUPPORT_GRAPH, XSD
from csto_kg.query import open_store
from csto_kg.support import curated_file_facts, derive_support, exempt, seed_graph_ids, support_of

ROOT = Path(__file__).resolve().parent.parent

PREFIXES = """PREFIX csto: <https://w3id.org/csto-kg/ontology/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX : <https://w3id.org/csto-kg/id/>
"""


@pytest.fixture(scope="module")
def built(shared_build):
    return shared_build.build


@pytest.fixture(scope="module")
def store(built):
    return open_store(built.store_path)


def _q(store, query: str) -> list[tuple]:
    res = store.query(PREFIXES + query)
    names = [v.value for v in res.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in res]


def test_every_curated_value_of_every_fact_has_one_statement(built, store):
    ds = Dataset()
    ds.parse(built.nquads, format="nquads")
    expected = set()
    for gid in seed_graph_ids({g.identifier for g in ds.graphs()}):
        g = ds.graph(gid)
        for fact in set(g.subjects(PROV.wasDerivedFrom, None)):
            for p, o in g.predicate_objects(fact):
                if not exempt(g, fact, p):
                    expected.add((str(gid), str(fact), str(p), o.n3()))
    assert len(expected) > 1000
    got = set()
    support = ds.graph(SUPPORT_GRAPH)
    for st in support.subjects(RDF.type, RDF.Statement):
        s, p, o = (support.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        got.add((str(support.value(st, CSTO.statedIn)), str(s), str(p), o.n3()))
        assert support.value(st, CSTO.rank) in (CSTO.PreferredRank, CSTO.NormalRank)
        assert list(support.objects(st, PROV.wasDerivedFrom)), st
    assert got == expected


def test_a_value_stated_by_three_seeds_has_its_own_passage_and_the_most_precise_is_preferred(store):
    found = _q(
        store,
        """
        SELECT ?date ?rank ?file ?quote WHERE {
          ?st rdf:subject :deployment-kazakhstan-2022 ; rdf:predicate csto:startDate ; rdf:object ?date ;
              csto:rank ?rank ; prov:wasDerivedFrom ?ev ; csto:rankReason ?why .
          ?ev oa:hasSource/dcterms:identifier ?file ; oa:hasSelector/oa:exact ?quote .
        }""",
    )
    by_date = {}
    for date, rank, file, _quote in found:
        by_date.setdefault(date, set()).add((rank, file))
    assert set(by_date) == {"2022", "2022-01", "2022-01-06"}
    assert {r for r, _ in by_date["2022-01-06"]} == {str(CSTO.PreferredRank)}
    assert {r for r, _ in by_date["2022"] | by_date["2022-01"]} == {str(CSTO.NormalRank)}
    for date, pairs in by_date.items():  # each value's passages come from one seed file
        assert len({f for _, f in pairs}) == 1, (date, pairs)


def test_statement_iri_dereferences_on_the_site(built, store):
    from csto_kg.server.app import create_app

    (iri,) = _q(
        store,
        "SELECT ?st WHERE { ?st rdf:subject :deployment-kazakhstan-2022 ; "
        "rdf:predicate csto:startDate ; csto:rank csto:PreferredRank } LIMIT 1",
    )[0]
    assert iri.startswith("https://w3id.org/csto-kg/statement/")
    client = create_app(build=built).test_client()
    r = client.get(iri[len("https://w3id.org/csto-kg") :], headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.get_data(as_text=True), format="turtle")
    assert (URIRef(iri), RDF.subject, ID["deployment-kazakhstan-2022"]) in g
    assert client.get("/statement/no-such-statement").status_code == 404


def test_dumps_hold_the_support_graph(built):
    names = {q.graph_name for q in ox.parse(path=str(built.dumps / "csto-kg.nq"), format=ox.RdfFormat.N_QUADS)}
    assert ox.NamedNode(str(SUPPORT_GRAPH)) in names
    assert built.manifest["triples"]["support"] > 0


def test_support_from_the_loaded_dataset_equals_support_from_standalone_copies_of_its_seed_graphs():
    """The build reads the dataset through its indexes; the reference copies each seed graph out first. The build
    also hands it the facts of every curated file, which the rules read too (the entities file among them)."""
    data = load(ROOT)
    copies = {gid: _file(*data.dataset.graph(gid)) for gid in seed_graph_ids(data.files)}
    expected = set(derive_support(copies, data.dataset.graph(ONTOLOGY_GRAPH)))
    assert len(expected) > 1000
    assert support_of(data) == expected
    facts = curated_file_facts(data)
    assert set(seed_graph_ids(data.files)) < set(facts)
    assert support_of(data, facts) == expected


# --- the ranking and evidence rules on small graphs ------------------------------------

G1, G2, G3 = GRAPH["001_aaaaaaaaaaaaaaaa"], GRAPH["002_bbbbbbbbbbbbbbbb"], GRAPH["003_cccccccccccccccc"]
NODE = ID["event-x"]


def _file(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def _statements(out: Graph, prop) -> dict:
    result = {}
    for st in out.subjects(RDF.predicate, prop):
        result.setdefault(out.value(st, RDF.object), []).append(st)
    return result


def test_nested_dates_prefer_the_most_precise_and_say_why():
    files = {
        G1: _file((NODE, PROV.wasDerivedFrom, EV.a), (NODE, CSTO.date, Literal("2022", datatype=XSD.gYear))),
        G2: _file((NODE, PROV.wasDerivedFrom, EV.b), (NODE, CSTO.date, Literal("2022-01", datatype=XSD.gYearMonth))),
        G3: _file((NODE, PROV.wasDerivedFrom, EV.c), (NODE, CSTO.date, Literal("2022-01-06", datatype=XSD.date))),
    }
    out = derive_support(files, Graph())
    by_value = _statements(out, CSTO.date)
    ranks = {str(v): out.value(sts[0], CSTO.rank) for v, sts in by_value.items()}
    assert ranks == {"2022": CSTO.NormalRank, "2022-01": CSTO.NormalRank, "2022-01-06": CSTO.PreferredRank}
    for sts in by_value.values():
        assert "2022-01-06" in str(out.value(sts[0], CSTO.rankReason))
    assert not list(out.triples((None, CSTO.disagreesWith, None)))


def test_conflicting_dates_are_all_normal_and_linked_as_a_disagreement():
    files = {
        G1: _file((NODE, PROV.wasDerivedFrom, EV.a), (NODE, CSTO.date, Literal("1993", datatype=XSD.gYear))),
        G2: _file((NODE, PROV.wasDerivedFrom, EV.b), (NODE, CSTO.date, Literal("1994", datatype=XSD.gYear))),
    }
    out = derive_support(files, Graph())
    by_value = _statements(out, CSTO.date)
    assert {out.value(sts[0], CSTO.rank) for sts in by_value.values()} == {CSTO.NormalRank}
    (a,), (b,) = by_value.values()
    assert (a, CSTO.disagreesWith, b) in out and (b, CSTO.disagreesWith, a) in out
    assert "1994" in str(out.value(a, CSTO.rankReason)) and "1993" in str(out.value(b, CSTO.rankReason))


def test_several_values_of_a_non_competing_property_are_not_ranked():
    files = {
        G1: _file((NODE, PROV.wasDerivedFrom, EV.a), (NODE, CSTO.about, ID.x)),
        G2: _file((NODE, PROV.wasDerivedFrom, EV.b), (NODE, CSTO.about, ID.y)),
    }
    out = derive_support(files, Graph())
    assert set(out.objects(None, CSTO.rank)) == {CSTO.NormalRank}
    assert not list(out.objects(None, CSTO.rankReason))


def test_declared_support_picks_the_passage_and_exempt_properties_get_no_statement():
    g = _file(
        (NODE, PROV.wasDerivedFrom, EV.a),
        (NODE, PROV.wasDerivedFrom, EV.b),
        (EV.a, CSTO.supportsProperty, CSTO.date),
        (EV.b, CSTO.supportsProperty, CSTO.place),
        (NODE, CSTO.date, Literal("2022", datatype=XSD.gYear)),
        (NODE, CSTO.place, ID.minsk),
        (NODE, RDFS.label, Literal("x", lang="en")),
        (NODE, CSTO.about, ID.x),
    )
    out = derive_support({G1: g}, Graph())
    evidence = {
        p: set(out.objects(st, PROV.wasDerivedFrom))
        for st in out.subjects(RDF.type, RDF.Statement)
        for p in out.objects(st, RDF.predicate)
    }
    assert evidence == {CSTO.date: {EV.a}, CSTO.place: {EV.b}, CSTO.about: {EV.a, EV.b}}


def test_statement_iris_are_deterministic():
    g = _file((NODE, PROV.wasDerivedFrom, EV.a), (NODE, CSTO.date, Literal("2022", datatype=XSD.gYear)))
    first, second = derive_support({G1: g}, Graph()), derive_support({G1: g}, Graph())
    assert set(first) == set(second)


# --- the published queries over graph:support -----------------------------------------

QUERIES = ROOT / "queries"


def _evidence(g: Graph, ev: URIRef, seed: str, quote: str) -> None:
    sel = BNode()
    src = URIRef(f"https://w3id.org/csto-kg/source/{seed}")
    g.add((ev, OA.hasSource, src))
    g.add((src, DCTERMS.identifier, Literal(f"{seed}.txt")))
    g.add((ev, OA.hasSelector, sel))
    g.add((sel, OA.exact, Literal(quote)))


def _store_of(*graphs: Graph) -> ox.Store:
    store = ox.Store()
    for g in graphs:
        store.load(g.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    return store


def test_disagreements_query_lists_derived_and_curated_disagreements_with_both_passages():
    seed1, seed2 = "001_aaaaaaaaaaaaaaaa", "002_bbbbbbbbbbbbbbbb"
    f1 = _file(
        (NODE, PROV.wasDerivedFrom, EV.a),
        (NODE, CSTO.date, Literal("1993", datatype=XSD.gYear)),
        (ID.size1, PROV.wasDerivedFrom, EV.a),
        (ID.size1, CSTO.disagreesWith, ID.size2),
    )
    f2 = _file(
        (NODE, PROV.wasDerivedFrom, EV.b),
        (NODE, CSTO.date, Literal("1994", datatype=XSD.gYear)),
        (ID.size2, PROV.wasDerivedFrom, EV.b),
        (ID.size2, CSTO.disagreesWith, ID.size1),
    )
    _evidence(f1, EV.a, seed1, "it joined in 1993")
    _evidence(f2, EV.b, seed2, "it joined in 1994")
    support = derive_support({GRAPH[seed1]: f1, GRAPH[seed2]: f2}, Graph())
    res = _store_of(f1, f2, support).query((QUERIES / "disagreements.rq").read_text(encoding="utf-8"))
    names = [v.value for v in res.variables]
    rows = [{n: (s[n].value if s[n] is not None else None) for n in names} for s in res]
    derived = [(r["value1"], r["file1"], r["value2"], r["file2"]) for r in rows if r["kind"] == "derived"]
    curated = [(r["value1"], r["quote1"], r["value2"], r["quote2"]) for r in rows if r["kind"] == "curated"]
    assert derived == [("1993", f"{seed1}.txt", "1994", f"{seed2}.txt")]
    assert curated == [(str(ID.size1), "it joined in 1993", str(ID.size2), "it joined in 1994")]


def test_value_passages_query_gives_each_start_date_its_own_seed_and_rank(store):
    res = store.query((QUERIES / "value-passages.rq").read_text(encoding="utf-8"))
    names = [v.value for v in res.variables]
    rows = [{n: (s[n].value if s[n] is not None else None) for n in names} for s in res]
    starts = {}
    for r in rows:
        if r["property"] == str(CSTO.startDate):
            starts.setdefault(r["value"], set()).add((r["rank"], r["file"]))
    assert {v: {rank for rank, _ in s} for v, s in starts.items()} == {
        "2022": {str(CSTO.NormalRank)},
        "2022-01": {str(CSTO.NormalRank)},
        "2022-01-06": {str(CSTO.PreferredRank)},
    }
    assert all(len({f for _, f in s}) == 1 for s in starts.values())
