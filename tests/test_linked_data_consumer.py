"""The site as a generic linked-data consumer meets it: over HTTP only, read with rdflib (not the engine that
serves), following the IRIs the answers name. Each test was found failing by a probe of every minted IRI
and every dump (a version IRI that described one triple, a shapes-graph IRI that was a 404, pages and errors
a script could not read cross-origin, errors without ``Vary``, a VoID ``uriSpace`` that left out most minted
IRIs, DCAT media types as strings, dumps served ``inline``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import DCAT, OWL, SH, VOID

from support import BASE

TTL = {"Accept": "text/turtle"}
ORIGIN = {"Origin": "https://consumer.example"}


def turtle(client, path: str) -> rdflib.Graph:
    r = client.get(path, headers=TTL)
    assert r.status_code == 200 and r.mimetype == "text/turtle", (path, r.status_code, r.mimetype)
    return rdflib.Graph().parse(data=r.data, format="turtle")


def rows(client, query: str) -> list[dict]:
    r = client.get("/sparql?" + urlencode({"query": query}), headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.get_data(as_text=True)
    return json.loads(r.data)["results"]["bindings"]


def local(iri: str) -> str:
    assert iri.startswith(BASE), iri
    return "/" + iri[len(BASE) :]


def test_the_ontologys_version_iri_dereferences_to_the_ontology(client):
    """OWL 2 (3.3): a version IRI locates that version's ontology document. /ontology/1.0.0 gave the one triple
    naming it (``<ontology> owl:versionIRI <…/1.0.0>``), not the ontology."""
    versions = rows(
        client,
        f"SELECT ?o ?v {{ ?o a <{OWL.Ontology}> ; <{OWL.versionIRI}> ?v FILTER(STRSTARTS(STR(?v), '{BASE}')) }}",
    )
    assert versions, "the ontology states no version IRI under the project's base"
    for row in versions:
        ontology, version = row["o"]["value"], row["v"]["value"]
        whole = turtle(client, local(ontology))
        got = turtle(client, local(version))
        assert (URIRef(ontology), RDF.type, OWL.Ontology) in got
        assert (URIRef(ontology), OWL.versionIRI, URIRef(version)) in got
        assert set(got) == set(whole), "the version IRI's document is not the ontology's"
        assert len(set(got.subjects(RDF.type, OWL.Class))) > 20
        page = client.get(local(version), headers={"Accept": "text/html"})
        assert page.status_code == 200 and page.mimetype == "text/html"
        index = client.get(local(ontology), headers={"Accept": "text/html"}).data
        assert page.data.replace(local(version).encode(), local(ontology).encode()) == index  # its links aside


def test_every_iri_a_shapes_answer_names_dereferences(client):
    """A consumer reading a shape follows what it names: every shape's SPARQL constraint names the shapes graph
    (``sh:prefixes <…/shapes>``, its ``owl:Ontology`` with the prefix declarations), which was a 404. The shapes
    graph's IRI is the whole shapes document, as /ontology is the whole ontology; every shape of it, and every IRI
    under the project's base a shape's description names, dereferences."""
    document = BASE + "shapes"
    shapes = turtle(client, "/shapes")
    assert (URIRef(document), RDF.type, OWL.Ontology) in shapes
    assert len(set(shapes.objects(URIRef(document), SH.declare))) > 5
    named_shapes = {str(s) for s in shapes.subjects() if isinstance(s, URIRef) and str(s).startswith(BASE + "shapes/")}
    assert len(named_shapes) > 50
    report = rdflib.Graph().parse(data=client.get("/validation", headers=TTL).data, format="turtle")
    assert {str(s) for s in report.objects(None, SH.sourceShape)} <= named_shapes
    named: set[str] = set()
    for shape in sorted(named_shapes):
        g = turtle(client, local(shape))
        assert any(t[0] == URIRef(shape) for t in g), shape
        named |= {str(o) for t in g for o in (t[0], t[2]) if isinstance(o, URIRef) and str(o).startswith(BASE)}
    assert document in named, "no shape names the shapes graph"
    failures = [
        (iri, r.status_code) for iri in sorted(named) if (r := client.head(local(iri), headers=TTL)).status_code != 200
    ]
    assert not failures, failures[:10]
    assert client.get("/shapes", headers={"Accept": "text/html"}).status_code == 200
    assert client.get("/shapes/", headers=TTL).status_code == 404  # the namespace root still names nothing


def test_every_rule_a_validation_report_can_name_dereferences(client):
    """A validation result names its rule (``sh:sourceShape``) and, for a Python rule, its constraint component
    (``sh:sourceConstraintComponent``): both were 404s for the ~85 Python rules, where only the SHACL shapes were
    served. Each now dereferences to its label, comment and severity, its page shows it, and the shapes document
    lists it."""
    from csto_kg.validation.rules import ALL

    shapes = turtle(client, "/shapes")
    for rule in ALL:
        g = turtle(client, local(str(rule.iri)))
        assert (rule.iri, RDF.type, SH.Shape) in g and (rule.iri, RDF.type, SH.Shape) in shapes, rule.iri
        assert str(g.value(rule.iri, rdflib.RDFS.label)) == rule.label
        assert g.value(rule.iri, SH.severity) == rule.severity
    component = URIRef(BASE + "shapes/PythonCheckComponent")
    assert (component, RDF.type, SH.ConstraintComponent) in turtle(client, local(str(component)))
    page = client.get(local(str(ALL[0].iri)), headers={"Accept": "text/html"})
    assert page.status_code == 200 and ALL[0].label in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "path,headers,status",
    [
        ("/id/armenia", {"Accept": "*/*"}, 200),  # what fetch() sends by default: the page
        ("/id/armenia", {}, 200),
        ("/ontology/State", {"Accept": "text/html"}, 200),
        ("/dataset", {"Accept": "text/html"}, 200),
        ("/downloads", {}, 200),
        ("/id/no-such-resource", TTL, 404),
        ("/id/no-such-resource", {"Accept": "*/*"}, 404),
        ("/id/armenia", {"Accept": "image/png"}, 406),
        ("/id/armenia?format=ttl&format=nt", {}, 400),
    ],
)
def test_every_answer_of_the_site_is_readable_cross_origin(client, path, headers, status):
    """A script on another origin reads public data: a page (``fetch()`` asks ``*/*`` and gets HTML) and an error
    too, or it cannot tell a 404 from a failed connection. Only the RDF and the dumps allowed it."""
    r = client.get(path, headers={**headers, **ORIGIN})
    assert r.status_code == status
    assert r.headers.get("Access-Control-Allow-Origin") == "*", (path, headers)
    assert "ETag" in r.headers["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("path", ["/id/no-such-resource", "/id/armenia?format=nonesuch", "/nothing-here"])
def test_an_error_chosen_by_accept_says_vary_accept(client, path):
    """An error is HTML, JSON or text by ``Accept``; a 404 is cacheable by default, so without ``Vary: Accept`` a
    cache could give a browser the line of text an RDF client got."""
    answers = {}
    for accept in ("text/html", "text/turtle", "application/json"):
        r = client.get(path, headers={"Accept": accept})
        assert r.status_code >= 400
        assert "accept" in r.headers.get("Vary", "").lower(), (path, accept, dict(r.headers))
        answers[accept] = r.mimetype
    assert len(set(answers.values())) > 1  # it does vary
    r = client.get("/sparql?query=SELEC", headers={"Accept": "application/json"})
    assert r.status_code == 400 and "accept" in r.headers.get("Vary", "").lower()


def _void(client) -> rdflib.Graph:
    r = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    return rdflib.Graph().parse(data=r.data, format="nt")


def test_the_voids_uri_space_holds_every_iri_the_dataset_describes(client):
    """VoID: ``void:uriSpace`` is the namespace every entity IRI of the dataset starts with; it said ``…/id/``
    while evidence, statements, sources and graphs are described under the same base."""
    void = _void(client)
    spaces = {str(o) for o in void.objects(URIRef(BASE + "dataset"), VOID.uriSpace)}  # (Wikidata's is its linkset's)
    assert len(spaces) == 1
    (space,) = spaces
    described = rows(
        client,
        # each subject once (a sub-select), not each triple: the string functions per triple took ~7 s of the 10 s limit
        f"SELECT DISTINCT ?ns {{ {{ SELECT DISTINCT ?s {{ ?s ?p ?o }} }} FILTER(isIRI(?s) && STRSTARTS(STR(?s), '{BASE}')) "
        f"BIND(STRBEFORE(STRAFTER(STR(?s), '{BASE}'), '/') AS ?ns) }}",
    )
    namespaces = {r["ns"]["value"] for r in described}
    assert {"id", "evidence", "statement", "source", "graph"} <= namespaces
    for ns in namespaces:
        assert (BASE + ns + "/").startswith(space), f"{ns}/ IRIs are outside the VoID's uriSpace {space}"


def test_the_voids_vocabularies_are_those_whose_terms_the_data_uses(client):
    """VoID 4.5: ``void:vocabulary`` names the vocabularies whose terms the dataset uses. A fixed list of seven left
    out OWL, RDFS, FOAF, DCAT, VoID, vann and schema.org, which the graph's predicates and classes use."""
    listed = {str(o) for o in _void(client).objects(None, VOID.vocabulary)}
    used = rows(client, "SELECT DISTINCT ?t { { ?s ?t ?o } UNION { ?s a ?t FILTER(isIRI(?t)) } }")
    namespaces = {re.match(r"^(.*[#/])", r["t"]["value"]).group(1) for r in used}
    assert "http://xmlns.com/foaf/0.1/" in namespaces
    assert listed == namespaces, (sorted(namespaces - listed), sorted(listed - namespaces))


def test_each_distributions_media_type_is_an_iri_naming_what_its_download_is_served_as(client):
    """DCAT: ``dcat:mediaType`` ranges over ``dcterms:MediaType`` (IANA's register), not strings; and each names
    the Content-Type the download is served with."""
    void = _void(client)
    dists = set(void.subjects(RDF.type, DCAT.Distribution))
    assert len(dists) >= 4
    for dist in dists:
        (media,) = set(void.objects(dist, DCAT.mediaType))
        assert isinstance(media, URIRef), (dist, media)
        assert str(media).startswith("https://www.iana.org/assignments/media-types/")
        (url,) = set(void.objects(dist, DCAT.downloadURL))
        r = client.head(local(str(url)))
        assert r.status_code == 200
        assert str(media).endswith("/" + r.mimetype), (media, r.mimetype)


def test_a_dump_is_downloaded_under_its_own_name(client):
    """The dumps are files to save, by their own names (a 10 MB JSON-LD opened inline can stall a browser)."""
    r = client.get("/downloads")
    names = [line.split()[1] for line in client.get("/downloads/SHA256SUMS").get_data(as_text=True).splitlines()]
    assert names
    for name in names + ["SHA256SUMS"]:
        r = client.head(f"/downloads/{name}")
        assert r.status_code == 200
        assert r.headers["Content-Disposition"] == f"attachment; filename={name}"


_SAMPLE = [  # one or two IRIs of each kind the graph mints
    BASE + "id/armenia",
    BASE + "id/csto",
    BASE + "evidence/001-kz-force-size",
    BASE + "source/001_7fa2a4cddbc73fc3",
    BASE + "graph/meta",
    BASE + "graph/entities",
    BASE + "ontology/State",
    BASE + "ontology/heldBy",
    BASE + "dataset",
    "a statement of graph:support",  # its IRI is a hash: found by SPARQL
]


@pytest.mark.parametrize("iri", _SAMPLE)
def test_a_resources_rdf_holds_what_the_endpoints_describe_gives(client, iri):
    """README (the endpoint): the description a page gives an RDF client holds the endpoint's ``DESCRIBE`` of the
    same IRI (its statements, blank nodes closed), plus its inbound statements and its evidence."""
    iri = resolve(client, iri)
    r = client.get("/sparql?" + urlencode({"query": f"DESCRIBE <{iri}>"}), headers=TTL)
    assert r.status_code == 200
    described = rdflib.Graph().parse(data=r.data, format="turtle")
    page = turtle(client, local(iri))

    def ground(g):
        return {t for t in g if not any(isinstance(x, rdflib.BNode) for x in t)}

    assert len(described) > 0
    assert ground(described) <= ground(page), sorted(map(str, ground(described) - ground(page)))[:5]
    assert len(described) - len(ground(described)) <= len(page) - len(ground(page))
    assert any(t[0] == URIRef(iri) for t in page)


@pytest.fixture(scope="module")
def dump_quads(client) -> set:
    """The N-Quads dump as downloaded, its quads without blank nodes."""
    r = client.get("/downloads/csto-kg.nq")
    assert r.status_code == 200
    return {q for q in ox.parse(r.data, format=ox.RdfFormat.N_QUADS) if _ground(q)}


def _ground(q) -> bool:
    return not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)


@pytest.mark.parametrize("iri", _SAMPLE)
def test_a_resources_quads_are_the_dumps_each_in_the_graph_that_holds_it(client, dump_quads, iri):
    """TriG / N-Quads of a resource give each statement in its named graph (which seed said it): they also gave
    it again in the default graph (the store's union), in no graph the dumps have, nearly doubling the quads."""
    iri = resolve(client, iri)
    for fmt, media in ((ox.RdfFormat.N_QUADS, "application/n-quads"), (ox.RdfFormat.TRIG, "application/trig")):
        r = client.get(local(iri), headers={"Accept": media})
        assert r.status_code == 200 and r.mimetype == media
        quads = [q for q in ox.parse(r.data, format=fmt) if _ground(q)]
        assert quads
        outside = [q for q in quads if q not in dump_quads]
        assert not outside, outside[:3]
        triples = {(q.subject, q.predicate, q.object) for q in quads}
        assert triples == turtle_triples(client, iri)


def turtle_triples(client, iri: str) -> set:
    """The triples without blank nodes of ``iri``'s Turtle."""
    r = client.get(local(iri), headers=TTL)
    assert r.status_code == 200
    return {(t.subject, t.predicate, t.object) for t in ox.parse(r.data, format=ox.RdfFormat.TURTLE) if _ground(t)}


def resolve(client, iri: str) -> str:
    if iri.startswith(BASE):
        return iri
    (row,) = rows(
        client, f"SELECT ?s {{ GRAPH <{BASE}graph/support> {{ ?s a <{RDF.Statement}> }} }} ORDER BY ?s LIMIT 1"
    )
    return row["s"]["value"]


RDF_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}


def test_a_part_of_a_facts_rdf_holds_the_passage_of_the_fact_it_belongs_to(client):
    """A change node, a vague time (round 17's csto:Change, csto:RelativeTime) and the other parts of a fact have no
    evidence of their own: dereferenced, in any RDF format, they named the fact they belong to and no passage, so a
    client had to dereference again to learn where they come from. Each document holds the owner's
    prov:wasDerivedFrom and the evidence node's quote and offsets."""
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    oa = "http://www.w3.org/ns/oa#"
    parts = rows(
        client,
        f"""SELECT DISTINCT ?part ?fact WHERE {{
              VALUES ?p {{ <{BASE}ontology/change> <{BASE}ontology/relativeTime> }} ?fact ?p ?part }}""",
    )
    assert len(parts) >= 20, parts
    for row in parts:
        part, fact = URIRef(row["part"]["value"]), URIRef(row["fact"]["value"])
        for media, fmt in RDF_TYPES.items():
            r = client.get(local(part), headers={"Accept": media})
            assert r.status_code == 200, (part, media, r.status_code)
            g = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()
            g.parse(data=r.data, format=fmt, publicID=BASE)
            triples = {(s, p, o) for s, p, o, *_ in (g.quads() if fmt in ("trig", "nquads") else g)}
            assert any(s == part for s, _, _ in triples), (part, media)
            evidence = {o for s, p, o in triples if s == fact and p == prov}
            assert evidence, (part, media, "no prov:wasDerivedFrom of the fact it belongs to")
            exact = {o for s, p, o in triples if p == URIRef(oa + "exact")}
            assert exact, (part, media, "no quote of the passage")


def test_an_ontology_term_or_a_graph_is_not_described_with_the_evidence_of_the_facts_naming_it(client):
    """A part of a fact carries its owners' passages (above); an ontology term or a named graph is no part of a
    fact. ``csto:about``'s Turtle held the prov:wasDerivedFrom and evidence of every fact whose support statement
    names it (4,465 quads), as if each of those facts were its owner."""
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    oa = "http://www.w3.org/ns/oa#"
    graphs = rows(
        client, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), '{BASE}')) }}"
    )
    iris = [BASE + "ontology/about", BASE + "ontology/Stance", BASE + "ontology/criticises"]
    iris += [row["g"]["value"] for row in graphs]
    assert len(iris) > 8
    for iri in iris:
        g = turtle(client, local(iri))
        assert len(g), iri
        derived = {(s, o) for s, o in g.subject_objects(prov) if s != URIRef(iri)}
        quotes = set(g.objects(None, URIRef(oa + "exact")))
        assert not derived and not quotes, (iri, len(derived), len(quotes), len(g))


def test_a_graphs_page_lists_what_it_describes_in_one_order_whatever_the_process():
    """A graph's page listed its subjects by label alone, so two sharing a label (csto:actionKind, csto:ActionKind:
    "action kind") came in the set's order, which changes with the process's string hashing: the same build gave
    six graph pages that differed from one server to the next. Rendered here in two processes with different hash
    seeds."""
    root = Path(__file__).resolve().parent.parent
    script = (
        "import sys, hashlib\n"
        "from csto_kg.build import current_build\n"
        "from server.app import create_app\n"
        "from server.config import ServerConfig\n"
        "c = create_app(ServerConfig(), current_build()).test_client()\n"
        "for name in ('ontology', 'support'):\n"
        "    r = c.get('/graph/' + name, headers={'Accept': 'text/html'})\n"
        "    assert r.status_code == 200, (name, r.status_code)\n"
        "    print(name, hashlib.sha256(r.data).hexdigest())\n"
    )
    pages = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        pages.append(done.stdout)
    assert pages[0] == pages[1], pages
