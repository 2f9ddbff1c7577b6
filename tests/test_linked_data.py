"""The linked-data site through the Flask test client: every minted IRI dereferences, pages show
evidence at the right passage, downloads match their checksums, membership as of a date agrees
with SPARQL, and nothing outside the published files can be reached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from werkzeug.http import http_date

from support import BASE, GRAPH, select

CSTO = BASE + "ontology/"
ID = BASE + "id/"
EV = BASE + "evidence/"
SRC = BASE + "source/"
OA = "http://www.w3.org/ns/oa#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
LEAKS = ("Traceback", "site-packages", 'File "', "root:x:0:0", "[project]", "def create_app")
HTML = {"Accept": "text/html"}
TTL = {"Accept": "text/turtle"}
JSONLD = {"Accept": "application/ld+json"}


# --- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def quads(built):
    return list(ox.parse(path=str(built.nquads), format=ox.RdfFormat.N_QUADS))


def minted(quads) -> set[str]:
    """Every IRI under BASE the build holds, as subject, object or graph name."""
    out = set()
    for q in quads:
        for t in (q.subject, q.object, q.graph_name):
            if isinstance(t, ox.NamedNode) and t.value.startswith(BASE):
                out.add(t.value)
    return out


def path_of(iri: str) -> str:
    return "/" + iri[len(BASE) :]


# Published elsewhere: the SPARQL endpoint (its own tests) and the dump files (checked below).
def _special(iri: str) -> bool:
    return iri == BASE + "sparql" or iri.startswith(BASE + "downloads/")


class Marks(HTMLParser):
    """Text of each ``<mark data-ev>`` key (pieces concatenated), the ``id`` anchors, and the text of
    the ``.seed-text`` block with every tag removed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text: dict[str, list[str]] = defaultdict(list)
        self.ids: list[str] = []
        self.seed_depth = 0
        self.seed_text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if self.seed_depth:
            self.seed_depth += tag == "div"
        elif tag == "div" and "seed-text" in (a.get("class") or "").split():
            self.seed_depth = 1
        if tag == "mark":
            self.stack.append(a.get("data-ev"))
            if a.get("id"):
                self.ids.append(a["id"])

    def handle_endtag(self, tag):
        if tag == "mark" and self.stack:
            self.stack.pop()
        if tag == "div" and self.seed_depth:
            self.seed_depth -= 1

    def handle_data(self, data):
        for key in set(self.stack):
            if key:
                self.text[key].append(data)
        if self.seed_depth:
            self.seed_text.append(data)

    @classmethod
    def of(cls, body: str) -> "Marks":
        m = cls()
        m.feed(body)
        m.close()
        return m


def evidence_table(store) -> dict[str, dict]:
    """evidence IRI -> source, exact, start, end (from the graph, independently of the server)."""
    rows = select(
        store,
        f"""
        PREFIX oa: <{OA}>
        SELECT DISTINCT ?ev ?source ?exact ?start ?end WHERE {{
          ?ev oa:hasSource ?source ; oa:hasSelector ?q, ?p .
          ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
        }}""",
    )
    return {
        r["ev"]: {"source": r["source"], "exact": r["exact"], "start": int(r["start"]), "end": int(r["end"])}
        for r in rows
    }


# --- every IRI dereferences ------------------------------------------------------


# The thousands of minted IRIs are checked in PARTS interleaved parts, one test each, so parallel workers share them.
PARTS = 4
PART = pytest.mark.parametrize("part", range(PARTS), ids=lambda n: f"part{n + 1}of{PARTS}")
# The HTML sweeps of one part (every page; the fact pages' marks) run on one worker, which renders each page once.
HTML_PART = pytest.mark.parametrize(
    "part",
    [
        pytest.param(n, id=f"part{n + 1}of{PARTS}", marks=pytest.mark.xdist_group(f"html-part{n + 1}"))
        for n in range(PARTS)
    ],
)


def dereferenceable(quads, part: int) -> list[str]:
    """One part of the minted IRIs that are resources (every PARTS-th of the sorted list)."""
    iris = sorted(i for i in minted(quads) if not _special(i))
    assert len(iris) > 100 * PARTS
    return iris[part::PARTS]


_HTML: dict[str, tuple[int, str, str, str]] = {}  # path -> (status, content type, Vary, body), this worker's renders


def html_page(client, path: str) -> tuple[int, str, str, str]:
    """A page as HTML, rendered once per worker (the app serves one immutable build)."""
    if path not in _HTML:
        r = client.get(path, headers=HTML)
        _HTML[path] = (r.status_code, r.content_type, r.headers.get("Vary"), r.get_data(as_text=True))
    return _HTML[path]


@HTML_PART
def test_every_minted_iri_dereferences_as_html(client, quads, part):
    failures = []
    for iri in dereferenceable(quads, part):
        status, content_type, vary, body = html_page(client, path_of(iri))
        if status != 200 or not content_type.startswith("text/html"):
            failures.append((iri, status, content_type))
        elif '<link rel="alternate" type="text/turtle"' not in body or vary != "Accept":
            failures.append((iri, "no Turtle alternate / Vary"))
        elif any(leak in body for leak in LEAKS):
            failures.append((iri, "leak"))
    assert not failures, failures[:20]


@HTML_PART
def test_no_pages_section_is_named_as_role(client, quads, part):
    """A section of the facts giving a resource a role the page had no name for read "As <role>" ("As option item",
    "As has vague quantity", "As holders of": 368 such headings on 241 of the 1,085 resource pages). Every section is
    named for what it lists (``key_facts.ROLE_TITLES``), on every page (the renders of the HTML sweep above, on this
    worker)."""
    unnamed = {}
    for iri in dereferenceable(quads, part):
        body = html_page(client, path_of(iri))[3].split('id="out-h"')[0]
        heads = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", body, re.S)]
        if as_role := [h for h in heads if h.startswith("As ")]:
            unnamed[iri] = as_role
    assert not unnamed, list(unnamed.items())[:10]


def _iris_in(body: bytes, fmt: ox.RdfFormat) -> set[str]:
    """The IRIs in subject or object position of an RDF document (Oxigraph's parser: strict, and fast enough for
    thousands of documents; rdflib reads the same answers in the content-negotiation tests)."""
    return {t.value for q in ox.parse(body, format=fmt) for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}


def _iris_in_turtle(body: bytes) -> set[str]:
    return _iris_in(body, ox.RdfFormat.TURTLE)


def _iris_in_jsonld(body: bytes) -> set[str]:
    return _iris_in(body, ox.RdfFormat.JSON_LD)


@pytest.mark.parametrize(
    "headers,mimetype,iris_in",
    [
        (TTL, "text/turtle", _iris_in_turtle),
        (JSONLD, "application/ld+json", _iris_in_jsonld),
    ],
    ids=["turtle", "jsonld"],
)
@PART
def test_every_minted_iri_dereferences_as_rdf_containing_it(client, quads, headers, mimetype, iris_in, part):
    failures = []
    for iri in dereferenceable(quads, part):
        r = client.get(path_of(iri), headers=headers)
        if r.status_code != 200 or r.mimetype != mimetype:
            failures.append((iri, r.status_code, r.mimetype))
        elif iri not in iris_in(r.data):
            failures.append((iri, "not in its description"))
    assert not failures, failures[:20]


@pytest.mark.parametrize(
    "fmt,media,parse_as",
    [
        ("nt", "application/n-triples", "nt"),
        ("rdf", "application/rdf+xml", "xml"),
        ("ttl", "text/turtle", "turtle"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("trig", "application/trig", "trig"),
        ("nq", "application/n-quads", "nquads"),
    ],
)
def test_format_override_gives_each_rdf_format(client, fmt, media, parse_as):
    r = client.get(f"/id/csto?format={fmt}", headers=HTML)
    assert r.status_code == 200 and r.mimetype == media
    g = (
        rdflib.Dataset().parse(data=r.data, format=parse_as)
        if fmt in ("trig", "nq")
        else rdflib.Graph().parse(data=r.data, format=parse_as)
    )
    assert len(g) > 0


def _one_of_each_kind(store) -> list[str]:
    """A path of each kind of description: the first resource of each class, a term of the ontology, a piece of
    evidence, a statement, a named graph, the dataset, the VoID and the service description."""
    rows = select(
        store,
        f"SELECT (MIN(?x) AS ?first) WHERE {{ ?x a ?c FILTER(STRSTARTS(STR(?x), '{BASE}')) }} GROUP BY ?c",
    )
    paths = {path_of(r["first"]) for r in rows if not _special(r["first"])}
    assert len(paths) > 40
    return sorted(paths) + ["/ontology/Summit", "/ontology/agent", "/dataset", "/.well-known/void", "/sparql"]


def _triples(body: bytes, fmt: ox.RdfFormat) -> tuple[set, rdflib.Graph]:
    """The triples as Oxigraph reads them (blank nodes as they are) and as rdflib does."""
    ox_triples = {(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)}
    as_rdflib = {ox.RdfFormat.JSON_LD: "json-ld", ox.RdfFormat.TURTLE: "turtle"}[fmt]
    return ox_triples, rdflib.Graph().parse(data=body, format=as_rdflib)


def test_json_ld_is_compacted_with_the_prefixes_and_reads_back_as_the_turtle(client, store):
    """Oxigraph writes JSON-LD in its expanded form: every IRI whole, no ``@context`` (a description of Armenia
    read ``"http://www.w3.org/2000/01/rdf-schema#label"``). It is now compacted with the project's prefixes, and
    each kind of description reads back, with rdflib and with Oxigraph, as the same triples as its Turtle. A client
    asking for the expanded profile gets the expanded form, the same triples again."""
    expanded_profile = {"Accept": 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"'}
    wrong = []
    for path in _one_of_each_kind(store):
        turtle = client.get(path, headers=TTL)
        compacted = client.get(path, headers=JSONLD)
        expanded = client.get(path, headers=expanded_profile)
        assert turtle.status_code == compacted.status_code == expanded.status_code == 200, path
        doc = compacted.get_json()
        if not (isinstance(doc, dict) and "@context" in doc and "@graph" in doc):
            wrong.append((path, "not compacted", compacted.data[:100]))
            continue
        if not any(k.split(":", 1)[0] in doc["@context"] for node in doc["@graph"] for k in node):
            wrong.append((path, "no property written with a prefix"))
        if not isinstance(expanded.get_json(), list) or b"@context" in expanded.data:
            wrong.append((path, "the expanded profile not expanded"))
        want, want_rdflib = _triples(turtle.data, ox.RdfFormat.TURTLE)
        for name, body in (("compacted", compacted.data), ("expanded", expanded.data)):
            got, got_rdflib = _triples(body, ox.RdfFormat.JSON_LD)
            blank = any(isinstance(t, ox.BlankNode) for triple in want for t in triple)
            if (not blank and got != want) or not isomorphic(got_rdflib, want_rdflib):
                wrong.append((path, name, len(got), len(want)))
    assert not wrong, wrong[:10]


def test_description_is_cbd_like_with_evidence_selectors(client, store):
    """A fact's description holds its statements in and out and its evidence with both selectors."""
    facts = select(store, f"SELECT DISTINCT ?f ?ev WHERE {{ ?f <{PROV_DERIVED}> ?ev }} ORDER BY ?f LIMIT 1")
    assert facts, "no fact with evidence in the graph"
    fact, ev = facts[0]["f"], facts[0]["ev"]
    g = rdflib.Graph().parse(data=client.get(path_of(fact), headers=TTL).get_data(as_text=True), format="turtle")
    assert (rdflib.URIRef(fact), rdflib.URIRef(PROV_DERIVED), rdflib.URIRef(ev)) in g
    assert (rdflib.URIRef(ev), rdflib.URIRef(OA + "hasSource"), None) in g
    exact = list(g.objects(None, rdflib.URIRef(OA + "exact")))
    starts = list(g.objects(None, rdflib.URIRef(OA + "start")))
    assert exact and starts


@pytest.mark.parametrize(
    "path", ["/id/armenia", "/id/invocation-armenia-2022-09", "/id/csto", "/source/001_7fa2a4cddbc73fc3"]
)
def test_a_description_gives_its_statements_whole_and_the_labels_of_what_it_links(client, store, path):
    """A resource's RDF listed each graph:support statement about it as a stub (``st:x rdf:object :armenia``: 75 of
    /id/armenia's 175 triples), so which passage supports which value was not in it, and it labelled none of the
    resources it links to. Each statement whose rdf:subject or rdf:object it is comes with its own triples, and each
    IRI it names (not a statement) with its rdfs:label and asserted type."""
    iri = BASE + path[1:]
    r = client.get(path, headers={"Accept": "application/n-triples"})
    got = {
        (t.subject.value, t.predicate.value, t.object.value) for t in ox.parse(r.data, format=ox.RdfFormat.N_TRIPLES)
    }
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    statements = select(
        store,
        f"""SELECT DISTINCT ?st ?p ?o WHERE {{ GRAPH <{GRAPH}support> {{ {{ ?st <{rdf}subject> <{iri}> }}
        UNION {{ ?st <{rdf}object> <{iri}> }} ?st ?p ?o }} }}""",
    )
    assert len({row["st"] for row in statements}) >= 5
    missing = [row for row in statements if (row["st"], row["p"], row["o"]) not in got]
    assert not missing, missing[:3]
    assert any(p == PROV_DERIVED for _, p, _ in got) and any(p == CSTO + "rank" for _, p, _ in got)
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    named = {t for s, _, o in got for t in (s, o) if t.startswith(("http", "urn")) and t != iri}
    named = {t for t in named if not t.startswith(BASE + "statement/")}
    labels = defaultdict(set)
    for row in select(store, f"SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s <{label}> ?l }} }}"):
        labels[row["s"]].add(row["l"])
    unlabelled = [t for t in named if labels.get(t) and not any((t, label, v) in got for v in labels[t])]
    assert not unlabelled, unlabelled[:5]
    assert sum(1 for t in named if labels.get(t)) >= 5


def test_a_description_of_a_term_linked_by_thousands_of_statements_stays_bounded(client):
    """csto:NormalRank ranks every statement: its description expands none of them nor labels them."""
    r = client.get("/ontology/NormalRank", headers={"Accept": "application/n-triples"})
    triples = list(ox.parse(r.data, format=ox.RdfFormat.N_TRIPLES))
    ranked = {t.subject for t in triples if t.predicate.value == CSTO + "rank"}
    assert len(ranked) > 1000 and len(triples) < len(ranked) + 100


def test_negotiation_errors(client):
    r = client.get("/id/csto?format=png")
    assert r.status_code == 406 and b"png" in r.data  # as /sparql answers an unknown format=
    assert client.get("/sparql", query_string={"query": "ASK {}", "format": "png"}).status_code == 406
    r = client.get("/id/csto", headers={"Accept": "image/png"})
    assert r.status_code == 406
    r = client.get("/id/csto", headers={"Accept": "text/turtle;q=0.5, text/html;q=0.9"})
    assert r.mimetype == "text/html"
    r = client.get("/id/csto", headers={"Accept": "text/html;q=0.1, application/ld+json"})
    assert r.mimetype == "application/ld+json"


@pytest.mark.parametrize("path", ["/id/armenia", "/ontology/State", "/validation"])
def test_a_page_is_never_the_answer_to_a_client_that_did_not_accept_text_html(client, path):
    r = client.get(path, headers={"Accept": "application/*"})
    assert r.status_code == 200 and r.mimetype.startswith("application/"), r.mimetype
    assert list(ox.parse(r.data, format=ox.RdfFormat.from_media_type(r.mimetype)))
    assert client.get(path, headers={"Accept": "application/xhtml+xml"}).status_code == 406  # a page is text/html
    assert client.get(path, headers={"Accept": "text/*"}).mimetype == "text/html"


_PROSE_CURIE = re.compile(r"(?<![\w/:#.-])(csto|graph|src|ev|st)?:([A-Za-z0-9][\w-]*(?:\.[\w-]+)*)")


def test_identifiers_in_curated_prose_read_as_the_labels_of_what_they_name(client, store):
    from csto_kg.namespaces import PREFIXES

    rows = select(
        store,
        f"""SELECT DISTINCT ?s ?text WHERE {{ VALUES ?p {{ <http://www.w3.org/2000/01/rdf-schema#comment>
            <{CSTO}curatorNote> <{CSTO}dateBasis> }} ?s ?p ?text FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{ID}")) }}""",
    )
    checked = 0
    for row in rows:
        named = [
            (m.group(0), PREFIXES[m.group(1) or ""] + m.group(2))
            for m in _PROSE_CURIE.finditer(row["text"])
            if PREFIXES.get(m.group(1) or "", "").startswith(BASE)
        ]
        named = [(c, iri) for c, iri in named if any(store.quads_for_pattern(ox.NamedNode(iri), None, None, None))]
        if not named:
            continue
        body = html_page(client, path_of(row["s"]))[3]  # a subject with several notes is rendered once
        visible = html.unescape(re.sub(r"<[^>]+>", " ", body))
        for curie, iri in named:
            texts = re.findall(re.escape(f'href="{path_of(iri)}" title="{html.escape(curie)}">') + r"([^<]+)</a>", body)
            assert texts, (row["s"], curie)
            label = _label_of(store, iri) or _label_of(store, iri, "http://www.w3.org/2004/02/skos/core#prefLabel")
            assert all(html.unescape(t) in label for t in texts) if label else all(t != curie for t in texts)
            assert not re.search(r"(?<![\w/:#.-])" + re.escape(curie) + r"(?![\w-])", visible), (row["s"], curie)
        checked += 1
    assert checked >= 25  # the comments, notes and date bases that name resources by prefixed name


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "rdfxml", "trig", "nq"])
def test_a_page_and_the_endpoint_give_one_rdf_format_the_same_content_type(client, fmt):
    page = client.get(f"/id/armenia?format={fmt}")
    query = client.get("/sparql", query_string={"query": f"DESCRIBE <{ID}armenia>", "format": fmt})
    assert page.status_code == query.status_code == 200
    assert page.headers["Content-Type"] == query.headers["Content-Type"]


def test_the_service_description_names_the_w3id_endpoint_the_void_names(client):
    sd = list(ox.parse(client.get("/sparql", headers={"Accept": "text/turtle"}).data, format=ox.RdfFormat.TURTLE))
    void = list(
        ox.parse(client.get("/.well-known/void", headers={"Accept": "text/turtle"}).data, format=ox.RdfFormat.TURTLE)
    )
    named = {t.object.value for t in void if t.predicate.value == "http://rdfs.org/ns/void#sparqlEndpoint"}
    assert named == {BASE + "sparql"}
    services = {t.subject.value for t in sd if t.object.value.endswith("sparql-service-description#Service")}
    same = {
        (t.subject.value, t.object.value) for t in sd if t.predicate.value == "http://www.w3.org/2002/07/owl#sameAs"
    }
    assert same == {(s, BASE + "sparql") for s in services} and services != named


@pytest.mark.parametrize("root", ["/id/", "/source/", "/evidence/", "/statement/", "/graph/", "/shapes/"])
def test_a_namespace_root_is_a_404_that_says_so_and_links_home_and_search(client, root):
    r = client.get(root, headers=HTML)
    body = r.get_data(as_text=True)
    assert r.status_code == 404 and "is a namespace" in body
    assert 'href="/"' in body and 'href="/search"' in body


def test_unknown_iri_is_a_clean_404(client):
    for path in (
        "/id/no-such-thing",
        "/evidence/nope",
        "/source/nope",
        "/graph/nope",
        "/ontology/Nope",
        "/shapes/Nope",
        "/id/csto/nope",
        "/no-such-page",
    ):
        r = client.get(path, headers=HTML)
        assert r.status_code == 404, path
        body = r.get_data(as_text=True)
        assert "Not found" in body and not any(leak in body for leak in LEAKS), path
        r = client.get(path, headers=TTL)
        assert r.status_code == 404 and not any(leak in r.get_data(as_text=True) for leak in LEAKS), path


@pytest.mark.parametrize(
    "path,meant",
    [
        ("/id/russia.ttl", "/id/russia?format=ttl"),  # formats are negotiated or named by ?format=, not an extension
        ("/id/RUSSIA.JSONLD", "/id/russia?format=jsonld"),
        ("/id/csto.rdf", "/id/csto?format=rdfxml"),
        ("/evidence/000-armenia-member.nt", "/evidence/000-armenia-member?format=nt"),
        ("/id/russia.html", "/id/russia"),
        ("/id/Russia", "/id/russia"),  # minted in lower case
        ("/id/russia/", "/id/russia"),
        ("/id/summit_2023_11_minsk", "/id/summit-2023-11-minsk"),
        ("/ontology/membership", "/ontology/Membership"),  # a class, capitalised
        ("/ontology/StartedBy.ttl", "/ontology/startedBy?format=ttl"),  # a property, not
    ],
)
def test_a_404_names_the_resource_the_request_most_likely_meant(client, path, meant):
    for headers in (HTML, {"Accept": "application/json"}, TTL):
        r = client.get(path, headers=headers)
        body = r.get_data(as_text=True)
        assert r.status_code == 404 and "Did you mean" in body and meant in body, (path, headers, body[:300])
    # the page links to it, and its search box starts with the words of the path asked for
    page = client.get(path, headers=HTML).get_data(as_text=True)
    assert f'<a href="{html.escape(meant)}">' in page, page
    assert 'name="q" value="' in page
    assert client.get(meant, headers=HTML).status_code == 200


def test_a_404_suggests_nothing_the_graph_lacks(client):
    for path in ("/id/no-such-thing.ttl", "/id/russia.exe", "/id/Nothing/"):
        body = client.get(path, headers={"Accept": "application/json"}).get_data(as_text=True)
        assert "Did you mean" not in body, (path, body)


# --- pages: ontology, facts, sources ----------------------------------------------


def test_ontology_index_lists_classes_and_properties(client, store):
    body = client.get("/ontology", headers=HTML).get_data(as_text=True)
    terms = select(
        store,
        f"""SELECT DISTINCT ?t WHERE {{ GRAPH <{BASE}graph/ontology> {{ ?t a ?k }}
        VALUES ?k {{ <http://www.w3.org/2002/07/owl#Class> <http://www.w3.org/2002/07/owl#ObjectProperty>
                     <http://www.w3.org/2002/07/owl#DatatypeProperty> }} FILTER(STRSTARTS(STR(?t), "{CSTO}")) }}""",
    )
    assert len(terms) > 50
    missing = [t["t"] for t in terms if f'href="{path_of(t["t"])}"' not in body]
    assert not missing


def test_ontology_term_pages_show_label_definition_and_usage_count(client, store):
    terms = select(
        store,
        f"""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?t ?kind ?label ?def WHERE {{ GRAPH <{BASE}graph/ontology> {{
          ?t a ?kind ; rdfs:label ?label ; skos:definition ?def }}
          VALUES ?kind {{ <http://www.w3.org/2002/07/owl#Class> <http://www.w3.org/2002/07/owl#ObjectProperty>
                          <http://www.w3.org/2002/07/owl#DatatypeProperty> }} }}""",
    )
    assert len(terms) > 50
    failures = []
    for t in terms:
        if t["kind"].endswith("Class"):
            count = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{t['t']}> }}"
        else:
            count = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s <{t['t']}> ?o }} }}"
        expected = select(store, count)[0]["n"]
        status, _, _, body = html_page(client, path_of(t["t"]))  # the page the HTML sweep checked, if it ran here
        assert status == 200, t["t"]
        text = html.unescape(body)
        if t["label"] not in text:
            failures.append((t["t"], "label"))
        if t["def"] not in text:
            failures.append((t["t"], "definition"))
        if f'<strong class="usage-count">{expected}</strong>' not in body:
            failures.append((t["t"], "usage count", expected))
    assert not failures, failures[:20]


def test_property_page_shows_domain_and_range(client):
    body = client.get("/ontology/startedBy", headers=HTML).get_data(as_text=True)
    assert re.search(r"<dt>Domain</dt><dd>.*?/ontology/Membership", body, re.S)
    assert re.search(r"<dt>Range</dt><dd>.*?/ontology/MembershipEvent", body, re.S)


@HTML_PART
def test_fact_pages_mark_each_quote_and_link_to_its_passage(client, store, quads, part):
    ev = evidence_table(store)
    facts = defaultdict(set)
    for r in select(store, f"SELECT DISTINCT ?f ?ev WHERE {{ ?f <{PROV_DERIVED}> ?ev FILTER(isIRI(?f)) }}"):
        facts[r["f"]].add(r["ev"])
    assert len(facts) > 20 * PARTS
    assert set(facts) <= minted(quads), "a fact IRI the build does not mint"
    mine = set(dereferenceable(quads, part))  # the part whose pages the HTML sweep on this worker rendered
    failures = []
    for fact, evs in sorted(facts.items()):
        if fact not in mine:
            continue
        marks = Marks.of(html_page(client, path_of(fact))[3])
        for e in evs:
            if e not in ev:
                continue
            key = e[len(EV) :]
            href = f"{path_of(ev[e]['source'])}#ev-{key}"
            if href not in marks.links:
                failures.append((fact, key, "no link to the passage"))
            if "".join(marks.text.get(key, [])) != ev[e]["exact"]:
                failures.append((fact, key, "mark is not the quote"))
    assert not failures, failures[:20]


def test_multi_source_fact_shows_each_sources_evidence(client, store):
    # Facts only: an entity's page (a person with a nationality stated in several seeds) also lists
    # the passages of the facts about it, so it links more sources than its own statements rest on.
    rows = select(
        store,
        f"""PREFIX oa: <{OA}>
        SELECT ?f (COUNT(DISTINCT ?src) AS ?n) WHERE {{ ?f a <{CSTO}Fact> ; <{PROV_DERIVED}> ?ev . ?ev oa:hasSource ?src }}
        GROUP BY ?f HAVING (COUNT(DISTINCT ?src) > 1) ORDER BY ?f LIMIT 5""",
    )
    if not rows:
        pytest.skip("no fact in the graph is supported by more than one source yet")
    for r in rows:
        body = client.get(path_of(r["f"]), headers=HTML).get_data(as_text=True)
        sources = {m for m in re.findall(r'href="(/source/[^"#]+)#ev-', body)}
        assert len(sources) == int(r["n"]), r["f"]


def test_source_pages_mark_every_passage_at_its_offsets(client, store, built):
    from csto_kg import seeds

    ev = evidence_table(store)
    by_source = defaultdict(list)
    for e, d in ev.items():
        by_source[d["source"]].append((e, d))
    sources = select(store, f"SELECT DISTINCT ?s WHERE {{ ?s a <{CSTO}SourceDocument> }}")
    assert sources
    failures = []
    for s in (r["s"] for r in sources):
        r = client.get(path_of(s), headers=HTML)
        assert r.status_code == 200, s
        marks = Marks.of(r.get_data(as_text=True))
        seed = seeds.load_seed(s[len(SRC) :])
        if "".join(marks.seed_text) != seed.text:
            failures.append((s, "full text differs from the seed file"))
        for e, d in by_source[s]:
            key = e[len(EV) :]
            marked = "".join(marks.text.get(key, []))
            if marked != d["exact"] or seed.text[d["start"] : d["end"]] != marked:
                failures.append((s, key, marked[:60], d["exact"][:60]))
            if marks.ids.count(f"ev-{key}") != 1:
                failures.append((s, key, "anchor count", marks.ids.count(f"ev-{key}")))
    assert not failures, failures[:20]


def test_source_page_shows_metadata(client, store):
    rows = select(
        store,
        f"""PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?s ?title ?sha WHERE {{ ?s a <{CSTO}SourceDocument> ; dcterms:title ?title ; <{CSTO}sha256> ?sha }}""",
    )
    assert rows
    for row in rows:
        body = client.get(path_of(row["s"]), headers=HTML).get_data(as_text=True)
        assert row["title"] in html.unescape(body)
        assert row["sha"] in body and "matches the file served here" in html.unescape(re.sub(r"<[^>]+>", "", body))
        assert "Publication date" in body


# --- downloads --------------------------------------------------------------------


def test_downloads_list_files_whose_sha256_matches_the_served_bytes(client, built):
    body = client.get("/downloads", headers=HTML).get_data(as_text=True)
    listed = dict(re.findall(r'<code class="hash" data-file="([^"]+)">([0-9a-f]{64})</code>', body))
    assert set(listed) == {"csto-kg.trig", "csto-kg.nq", "csto-kg.ttl", "csto-kg.jsonld"}
    sums = client.get("/downloads/SHA256SUMS").get_data(as_text=True)
    for name, sha in listed.items():
        r = client.get(f"/downloads/{name}")
        assert r.status_code == 200
        assert hashlib.sha256(r.data).hexdigest() == sha, name
        assert f"{sha}  {name}" in sums


def test_download_preconditions_and_ranges_follow_rfc_9110(client):
    url = "/downloads/csto-kg.ttl"
    whole = client.get(url)
    etag, modified = whole.headers["ETag"], whole.last_modified
    size = len(whole.data)
    before, after = http_date(modified - dt.timedelta(hours=1)), http_date(modified + dt.timedelta(hours=1))
    for headers in ({"If-Match": '"other"'}, {"If-Match": f"W/{etag}"}, {"If-Unmodified-Since": before}):
        for method in (client.get, client.head):
            r = method(url, headers=headers)
            assert r.status_code == 412 and r.data == b"", (headers, r.status_code, len(r.data))
            assert r.headers["ETag"] == etag
    for headers in (
        {"If-Match": etag},
        {"If-Match": f'"x", {etag}'},
        {"If-Match": "*"},
        {"If-Unmodified-Since": after},
    ):
        r = client.get(url, headers=headers)
        assert r.status_code == 200 and r.data == whole.data, headers
    # If-Match decides over If-Unmodified-Since (RFC 9110 section 13.2.2, step 1 before step 2)
    assert client.get(url, headers={"If-Match": etag, "If-Unmodified-Since": before}).status_code == 200
    r = client.get(url, headers={"Range": "bytes=0-9"})
    assert r.status_code == 206 and r.data == whole.data[:10] and r.headers["Content-Range"] == f"bytes 0-9/{size}"
    for ignored in ("bytes=0-9,20-29", "items=0-5", "bytes=abc", "bytes 0-9"):  # whole file, not 416
        r = client.get(url, headers={"Range": ignored})
        assert r.status_code == 200 and r.data == whole.data, (ignored, r.status_code)
    assert client.get(url, headers={"Range": f"bytes={size + 10}-"}).status_code == 416
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/downloads/SHA256SUMS").headers["Content-Type"] == "text/plain; charset=utf-8"


def test_download_answers_304_and_412_before_the_range_and_a_readable_416(client):
    """RFC 9110 section 13.2.2 evaluates If-Match, If-None-Match / If-Modified-Since, then the Range:
    found by a probe, a matching If-None-Match with a range got 206 (Werkzeug's order), an unsatisfiable
    range with a failing If-Match got 416, and the 416 had no CORS header (a script could not read it)."""
    url = "/downloads/csto-kg.ttl"
    whole = client.get(url)
    etag, size = whole.headers["ETag"], len(whole.data)
    for headers in (
        {"Range": "bytes=0-3", "If-None-Match": etag},
        {"Range": f"bytes={size + 10}-", "If-None-Match": etag},
        {"Range": "bytes=0-3", "If-Modified-Since": whole.headers["Last-Modified"]},
    ):
        r = client.get(url, headers=headers)
        assert r.status_code == 304 and r.data == b"" and r.headers["ETag"] == etag, headers
    r = client.get(url, headers={"Range": f"bytes={size + 10}-", "If-Match": '"other"'})
    assert r.status_code == 412 and r.data == b""
    r = client.get(url, headers={"Range": f"bytes={size + 10}-", "Origin": "https://example.org"})
    assert r.status_code == 416 and r.headers["Content-Range"] == f"bytes */{size}"
    assert r.headers["Access-Control-Allow-Origin"] == "*" and r.headers["ETag"] == etag
    r = client.get(url, headers={"Range": "bytes=-5", "If-Match": etag})
    assert r.status_code == 206 and r.data == whole.data[-5:]
    assert "Content-Range" in r.headers["Access-Control-Expose-Headers"]
    r = client.get(url, headers={"Range": "bytes=0-3", "If-Range": '"other"'})  # a changed file: all of it
    assert r.status_code == 200 and r.data == whole.data


@pytest.mark.parametrize("path", ["/id/armenia", "/downloads/csto-kg.ttl", "/dataset"])
def test_cors_preflight_on_read_only_pages(client, path):
    """A cross-origin GET with a header off the CORS safelist (a quoted JSON-LD profile in Accept, a suffix
    Range, If-None-Match) is preflighted: found by a probe, OPTIONS on a page had no CORS headers at all."""
    r = client.options(
        path,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "range, if-none-match",
        },
    )
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in r.headers["Access-Control-Allow-Methods"]
    allowed = {h.strip().lower() for h in r.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"accept", "range", "if-none-match"} <= allowed
    r = client.get(path, headers={"Accept": 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"'})
    if path != "/downloads/csto-kg.ttl":
        assert r.status_code == 200 and r.mimetype == "application/ld+json"
    assert r.headers["Access-Control-Allow-Origin"] == "*"


# --- members as of a date -------------------------------------------------------------


def certainly_members(store, day: str) -> set[str]:
    """Written independently of the page's query: a period with a start certainly on or before the day
    and no end that could be on or before it."""
    rows = select(
        store,
        f"""
        PREFIX csto: <{CSTO}> PREFIX org: <http://www.w3.org/ns/org#> PREFIX time: <http://www.w3.org/2006/time#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT DISTINCT ?state WHERE {{
          ?m a csto:Membership ; org:member ?state ; org:organization <{ID}csto> ; org:memberDuring ?d .
          ?d time:hasBeginning/csto:notAfter ?startLatest .
          FILTER(?startLatest <= "{day}"^^xsd:date)
          FILTER NOT EXISTS {{ ?d time:hasEnd ?end .
                               FILTER NOT EXISTS {{ ?end csto:notBefore ?endEarliest . FILTER(?endEarliest > "{day}"^^xsd:date) }} }}
        }}""",
    )
    return {r["state"] for r in rows}


@pytest.mark.parametrize("day", ["2023-11-30", "1992-05-14", "1995-06-01", "2005-01-01", "2013-01-01"])
def test_members_page_lists_exactly_the_certain_members(client, store, day):
    r = client.get(f"/members?date={day}", headers=HTML)
    assert r.status_code == 200
    body = r.get_data(as_text=True)
    block = re.search(r'<ul class="member-list" id="certain-members">(.*?)</ul>', body, re.S)
    shown = {BASE + h[1:] for h in re.findall(r'href="([^"]+)"', block.group(1))} if block else set()
    assert shown == certainly_members(store, day)
    if day == "2023-11-30":
        assert shown, "the graph says no state was a member on 2023-11-30"


def test_members_page_runs_the_named_query(client):
    from csto_kg import paths

    body = client.get("/members?date=2001-02-03", headers=HTML).get_data(as_text=True)
    assert '"2001-02-03"^^xsd:date' in html.unescape(body)
    text = (paths.root() / "queries" / "members-as-of.rq").read_text(encoding="utf-8")
    assert '"2023-11-30"^^xsd:date' in text


def test_members_page_notes_memberships_before_a_founding(client):
    """In 1995 the memberships are one seed's reading: others date the CSTO's founding 2002; the page says so."""
    body = html.unescape(client.get("/members?date=1995-06-01", headers=HTML).get_data(as_text=True))
    assert "Sources disagree:" in body and "starts before 2002" in body
    now = html.unescape(client.get("/members?date=2023-11-30", headers=HTML).get_data(as_text=True))
    assert "Sources disagree:" in now  # periods of 1992 still started before 2002


@pytest.mark.parametrize("bad", ["garbage", "2023-02-30", "2023-1-5", "", "2023-11-30'}", "20231130"])
def test_members_bad_date_is_400(client, bad):
    r = client.get("/members", query_string={"date": bad}, headers=HTML)
    assert r.status_code == 400
    assert "YYYY-MM-DD" in r.get_data(as_text=True) or "calendar day" in r.get_data(as_text=True)


# --- validation, home, query page ------------------------------------------------------


def test_validation_report_page_and_rdf(client, built):
    body = client.get("/validation", headers=HTML).get_data(as_text=True)
    if not (built.path / "validation.ttl").exists():
        assert "no validation report" in body
        assert client.get("/validation", headers=TTL).status_code == 404
        return
    assert "conform" in body.lower()  # "Conforms" or "Does not conform"
    g = rdflib.Graph().parse(data=client.get("/validation", headers=TTL).get_data(as_text=True), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert (None, rdflib.RDF.type, sh.ValidationReport) in g
    r = client.get("/validation", headers=JSONLD)
    assert r.status_code == 200 and r.mimetype == "application/ld+json"
    assert any(q.predicate.value == str(sh.conforms) for q in ox.parse(r.data, format=ox.RdfFormat.JSON_LD))


def test_home_timeline_has_a_bar_per_membership_linking_to_it(client, store):
    body = client.get("/", headers=HTML).get_data(as_text=True)
    svg = re.search(r"<svg[^>]*class=\"timeline timeline-wide\".*?</svg>", body, re.S)
    assert svg
    memberships = {
        r["m"]
        for r in select(
            store,
            f"SELECT DISTINCT ?m WHERE {{ ?m a <{CSTO}Membership> ; <http://www.w3.org/ns/org#organization> <{ID}csto> }}",
        )
    }
    assert memberships
    bars = set(re.findall(r'<a class="period" href="([^"]+)"', svg.group(0)))
    assert bars == {path_of(m) for m in memberships}  # the CSTO's periods only: not the SCO's, not the Union State's
    for link in ("/query", "/downloads", "/validation", "/ontology", "/dataset"):
        assert f'href="{link}"' in body


def test_query_page_preloads_every_named_query_and_uses_only_local_assets(client):
    from csto_kg import paths

    body = client.get("/query", headers=HTML).get_data(as_text=True)
    names = sorted(p.stem for p in (paths.root() / "queries").glob("*.rq"))
    assert names
    data = re.search(r'<script type="application/json" id="example-queries">(.*?)</script>', body, re.S).group(1)
    for name in names:
        assert f'"name": "{name}"' in data or f'"name":"{name}"' in data
    assets = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', body)
    assert assets and all(a.startswith("/") or a.startswith("data:") for a in assets), assets
    for a in assets:
        if a.startswith("/static/"):
            assert client.get(a).status_code == 200, a


def test_query_page_works_with_no_named_queries(client, tmp_path, monkeypatch):
    from csto_kg.server import example_queries

    monkeypatch.setattr(example_queries, "served", lambda kind: tmp_path)  # a build whose queries/ is empty
    r = client.get("/query", headers=HTML)
    assert r.status_code == 200
    assert '<script type="application/json" id="example-queries">[]</script>' in r.get_data(as_text=True)


# --- nothing but published files -------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/source/../../etc/passwd",
        "/source/..%2F..%2Fpyproject.toml",
        "/source/%2e%2e/%2e%2e/pyproject.toml",
        "/source/000_2e5f64a402117a9e.txt",
        "/source/..",
        "/downloads/../manifest.json",
        "/downloads/..%2Fmanifest.json",
        "/downloads/%2Fetc%2Fpasswd",
        "/downloads/dataset.nq",
        "/downloads/..",
        "/static/../app.py",
        "/static/..%2Fapp.py",
        "/static/%2e%2e/pages.py",
        "/static/vendor/../../pages.py",
        "/id/../../pyproject.toml",
        "/id/..%2F..%2Fpyproject.toml",
        "/evidence/../../etc/passwd",
        "/graph/../../build/current/manifest.json",
        "/shapes/../shapes/membership.ttl",
        "/ontology/../../pyproject.toml",
        "/source/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/id/a%20b",
        "/id/%7Bx%7D",
        "/evidence/%3Cx%3E",
        "/graph/%00",
    ],
)
def test_traversal_is_404_never_a_file(client, path):
    r = client.get(path, headers=HTML, follow_redirects=True)  # "//" is merged by a redirect first
    body = r.get_data(as_text=True)
    assert r.status_code == 404, (path, r.status_code)
    assert not any(leak in body for leak in LEAKS + ('"key":', "@prefix", "<https://"))


def test_escaping_of_data_in_pages(client):
    from csto_kg.server.highlight import Span, mark_all

    out = str(mark_all('a <script>alert("x")</script> & b', [Span(2, 10, 'k"><x')]))
    assert "<script>" not in out and "&lt;script&gt;" in out and 'data-ev="k&#34;&gt;&lt;x"' in out


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 5, "a"), (3, 9, "b")],  # crossing
        [(0, 12, "outer"), (4, 7, "inner")],  # nested
        [(2, 8, "x"), (2, 8, "y"), (5, 11, "z")],  # identical, then crossing both
        [(0, 3, "p"), (3, 6, "q"), (9, 12, "r")],  # adjacent and apart
    ],
)
def test_marks_stay_well_nested_and_each_passage_reads_whole(spans):
    from csto_kg.server.highlight import Span, mark_all

    text = "0123456789\nab<&>"
    out = str(mark_all(text, [Span(s, e, k) for s, e, k in spans]))
    assert out.count("<mark") == out.count("</mark>")
    marks = Marks.of(f'<div class="seed-text">{out}</div>')
    assert "".join(marks.seed_text) == text
    for s, e, k in spans:
        assert "".join(marks.text[k]) == text[s:e], k
        assert marks.ids.count(f"ev-{k}") == 1


# --- search, honesty about dates, disagreements, small items ---------------------------------


def _label_of(store, iri: str, prop: str = "http://www.w3.org/2000/01/rdf-schema#label") -> list[str]:
    return [r["l"] for r in select(store, f"SELECT ?l WHERE {{ <{iri}> <{prop}> ?l }}")]


def test_search_json_ranks_the_entity_first_by_its_label_and_by_another_name(client, store):
    alt = select(
        store,
        f"""SELECT ?s ?alt ?label WHERE {{ ?s a <{CSTO}State> ;
        <http://www.w3.org/2004/02/skos/core#altLabel> ?alt ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
        ORDER BY ?s ?alt LIMIT 1""",
    )[0]
    for q, match in ((alt["label"], "label"), (alt["alt"], "also called")):
        r = client.get("/search", query_string={"q": q, "format": "json"})
        assert r.status_code == 200 and r.mimetype == "application/json"
        first = r.get_json()["results"][0]
        assert first["href"] == path_of(alt["s"]) and first["match"] == match, (q, first)


def test_search_by_a_wikidata_item_finds_the_entity_it_names_and_no_other(client, store):
    """A linked-data user holding a Wikidata item (Q399, wd:Q399, its IRI) found nothing: each entity linked to its
    item by skos:exactMatch is found by it, as a whole number (Q39 is another item than Q399)."""
    rows = select(
        store,
        """SELECT ?s ?item WHERE { ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?item
        FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q")) } ORDER BY ?item""",
    )
    assert len(rows) > 20
    for row in rows[:: max(1, len(rows) // 10)]:
        qid = row["item"].rsplit("/", 1)[-1]
        for q in (qid, f"wd:{qid}", row["item"], qid.lower()):
            results = client.get("/search", query_string={"q": q, "format": "json"}).get_json()["results"]
            assert results and results[0]["href"] == path_of(row["s"]), (q, results[:2])
            assert results[0]["match"] == "Wikidata item", (q, results[0])
        items = {r["item"] for r in rows}
        shorter = qid[:-1]
        if f"http://www.wikidata.org/entity/{shorter}" not in items:  # a prefix of the number names no item here
            hits = client.get("/search", query_string={"q": shorter, "format": "json"}).get_json()["results"]
            assert all(h["match"] != "Wikidata item" for h in hits), (shorter, hits[:2])


def test_search_by_a_persons_surname_ranks_the_person_above_statements_that_start_with_it(client, store):
    people = select(
        store,
        f"""SELECT ?p ?label WHERE {{ GRAPH <{GRAPH}entities> {{ ?p a <{CSTO}Person> }}
            ?p <http://www.w3.org/2000/01/rdf-schema#label> ?label }}""",
    )
    entities = {r["e"] for r in select(store, f"SELECT DISTINCT ?e WHERE {{ GRAPH <{GRAPH}entities> {{ ?e a ?t }} }}")}
    checked = 0
    for person in people:
        surname = person["label"].split()[-1]
        if len(person["label"].split()) < 2 or not surname.isalpha():
            continue
        hits = client.get("/search", query_string={"q": surname, "format": "json"}).get_json()["results"]
        hrefs = [h["href"] for h in hits]
        assert path_of(person["p"]) in hrefs, (surname, hrefs[:5])
        above = hits[: hrefs.index(path_of(person["p"]))]
        # only other entities named by the same word come first, never a statement "Surname: …"
        assert all(h["iri"] in entities for h in above), (surname, [h["label"] for h in above])
        checked += 1
    assert checked >= 4
    first = client.get("/search", query_string={"q": "Lukashenko", "format": "json"}).get_json()["results"][0]
    assert first["label"] == "Alexander Lukashenko" and "person" in first["types"]


def test_search_finds_facts_by_words_of_their_quote_with_the_passage(client, store):
    ev = evidence_table(store)
    key, e = sorted(ev.items())[len(ev) // 2]
    words = e["exact"].split()
    q = " ".join(words[len(words) // 2 : len(words) // 2 + 4])
    facts = {r["f"] for r in select(store, f"SELECT ?f WHERE {{ ?f <{PROV_DERIVED}> <{key}> }}")}
    hits = client.get("/search", query_string={"q": q, "format": "json"}).get_json()["results"]
    quoted = [h for h in hits if h["iri"] in facts and h["match"] in ("quote", "words")]
    assert quoted, (q, hits[:5])
    if quoted[0]["match"] == "quote":  # else its words (verbatim from a passage) matched first
        assert quoted[0]["passage"] == f"{path_of(e['source'])}#ev-{key[len(EV) :]}"
    else:
        assert quoted[0]["passage"].startswith(f"{path_of(e['source'])}#ev-"), quoted[0]
    body = client.get("/search", query_string={"q": q}, headers=HTML).get_data(as_text=True)
    assert f'href="{path_of(quoted[0]["iri"])}"' in body


def test_a_misspelling_is_searchable_but_never_shown_as_another_name(client, store):
    rows = select(store, "SELECT ?s ?h WHERE { ?s <http://www.w3.org/2004/02/skos/core#hiddenLabel> ?h }")
    assert rows, "no skos:hiddenLabel in the graph"
    for r in rows:
        hits = client.get("/search", query_string={"q": r["h"], "format": "json"}).get_json()["results"]
        assert hits and hits[0]["href"] == path_of(r["s"])
        page = client.get(path_of(r["s"]), headers=HTML).get_data(as_text=True)
        other = re.search(r'<p class="other-names">(.*?)</p>', page, re.S)
        assert other is None or r["h"] not in other.group(1)


def _confirmed(store) -> str:
    return max(
        r["nb"]
        for r in select(
            store,
            f"""SELECT ?nb WHERE {{ ?s a <{CSTO}SourceDocument> ;
        <{CSTO}publicationDate>/<{CSTO}notBefore> ?nb }}""",
        )
    )


def test_members_after_the_last_confirmed_date_are_not_certain(client, store):
    confirmed = _confirmed(store)
    later = f"{int(confirmed[:4]) + 2}{confirmed[4:]}"
    body = client.get(f"/members?date={later}", headers=HTML).get_data(as_text=True)
    assert 'id="certain-members"' not in body
    day = dt.date.fromisoformat(confirmed[:10])
    assert f"not confirmed after {day.day} {day:%B %Y}" in body  # the day in words, as the page's heading
    assert 'id="unconfirmed-members"' in body
    before = client.get(f"/members?date={confirmed}", headers=HTML).get_data(as_text=True)
    assert 'id="certain-members"' in before and 'id="unconfirmed-members"' not in before


def test_timeline_draws_undated_spans_and_the_last_confirmed_date(client, store):
    body = client.get("/", headers=HTML).get_data(as_text=True)
    confirmed = _confirmed(store)
    for layout in ("wide", "narrow"):
        svg = re.search(rf'<svg[^>]*class="timeline timeline-{layout}".*?</svg>', body, re.S).group(0)
        undated = select(
            store,
            f"""PREFIX time: <http://www.w3.org/2006/time#> SELECT ?m WHERE {{
            ?m a <{CSTO}Membership> ; <http://www.w3.org/ns/org#memberDuring>/(time:hasBeginning|time:hasEnd) ?i .
            FILTER NOT EXISTS {{ ?i time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear ?d }} }}""",
        )
        assert len(re.findall(r'class="undated"', svg)) == len(undated) > 0
        assert "date not given" in svg
        day = dt.date.fromisoformat(confirmed)
        assert f"sources confirm up to {day.day} {day.strftime('%B')} {day.year}" in svg
        assert len(re.findall(r'<text class="state"', svg)) == len(re.findall(r'<a class="period"', svg))


def test_disagreements_page_shows_both_passages_and_the_preferred_value(client, store):
    rows = select(
        store,
        f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT DISTINCT ?s WHERE {{ GRAPH <{BASE}graph/support> {{ ?st rdf:subject ?s ;
        <{CSTO}rank> <{CSTO}PreferredRank> ; <{CSTO}rankReason> ?why }} }}""",
    )
    body = client.get("/disagreements", headers=HTML).get_data(as_text=True)
    assert rows, "graph:support ranks no value preferred"
    for r in rows:
        assert f'href="{path_of(r["s"])}"' in body
    block = body[body.index('<article class="disagreement') :]
    block = block[: block.index("</article>")]
    assert block.count('class="side') >= 2 and "preferred" in block and block.count("/source/") >= 2


def test_disagreements_name_the_other_account_and_show_the_passage_holding_the_words(client, store):
    """A curated disagreement's heading names the account disagreed with (not only the badge), on /disagreements
    and on the fact's own page; each account's first passage is one holding its words (not a passage the fact
    cites for a side property, such as the speaker's office)."""
    pairs = select(
        store,
        f"""SELECT DISTINCT ?a ?b WHERE {{ GRAPH ?g {{ ?a <{CSTO}disagreesWith> ?b }}
        FILTER(?g != <{BASE}graph/support> && ?g != <{BASE}graph/inferred>) }}""",
    )
    words: dict[str, set[str]] = defaultdict(set)
    for r in select(store, f"SELECT ?s ?w WHERE {{ ?s <{CSTO}words> ?w }}"):
        words[r["s"]].add(r["w"])
    assert pairs
    body = client.get("/disagreements", headers=HTML).get_data(as_text=True)
    headings = re.findall(r"<h([23])>(.*?)</h\1>", body, re.S)
    named = [h for _, h in headings if "disagrees with" in h]
    assert named
    for h in named:  # "X — disagrees with Y [badge]": a link to the other account before the badge
        assert re.search(r"disagrees with\s*<a href=\"/id/[^\"]+\"", h), h
    for r in pairs:
        page = client.get(path_of(r["a"]), headers=HTML).get_data(as_text=True)
        own = [h for _, h in re.findall(r"<h([23])>(.*?)</h\1>", page, re.S) if "disagrees with" in h]
        assert any(f'href="{path_of(r["b"])}"' in h for h in own), (r, own)
    sides = re.findall(r'<p class="side-value"><a href="(/id/[^"]+)"(.*?)</div>', body, re.S)
    checked = 0
    for href, side in sides:
        quotes = [html.unescape(q) for q in re.findall(r"<q>(.*?)</q>", side, re.S)]
        said = words.get(BASE + href[1:], set())
        if quotes and said:
            checked += 1
            assert any(w in quotes[0] for w in said), (href, quotes[0])
    assert checked >= 5


def test_small_items_licence_vocabularies_untitled_source_counts_void(client, store, built):
    dataset = client.get("/dataset", headers=HTML).get_data(as_text=True)
    assert "Creative Commons Attribution 4.0" in dataset
    assert "Web Annotation Vocabulary" in dataset and ">oa#<" not in dataset
    untitled = select(
        store,
        f"""SELECT ?s WHERE {{ ?s a <{CSTO}SourceDocument>
        FILTER NOT EXISTS {{ ?s <http://purl.org/dc/terms/title>|<http://www.w3.org/2000/01/rdf-schema#label> ?t }} }}""",
    )
    for r in untitled:
        page = client.get(path_of(r["s"]), headers=HTML).get_data(as_text=True)
        h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
        assert "Untitled" in h1 and r["s"].rsplit("/", 1)[1] not in h1
    home = client.get("/", headers=HTML).get_data(as_text=True)
    t = built.manifest["triples"]
    assert t["total"] == sum(n for k, n in t.items() if k != "total")
    dataset_triples = select(store, f"""SELECT ?n WHERE {{ <{BASE}dataset> <http://rdfs.org/ns/void#triples> ?n }}""")
    # the same number as /dataset, both with their thousands grouped
    assert f"{int(dataset_triples[0]['n']):,}</strong> triples in the dataset" in home
    assert f"{t['asserted']:,} curated" in home and f"{t['inferred']:,} inferred" in home
    assert f"{t['total']:,} in all" in home
    assert all(f'<span class="part">{n:,} ' in home for k, n in t.items() if k != "total")
    r = client.get("/.well-known/void", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/dataset")
    assert (
        "Accept" in r.headers["Vary"]
    )  # the redirect is chosen by Accept too: a cache must not give it to RDF clients
    assert client.get("/.well-known/void", headers=TTL).status_code == 200


def test_state_page_leads_with_its_membership_periods_and_passages(client, store):
    states = {
        r["s"]
        for r in select(
            store, f"SELECT DISTINCT ?s WHERE {{ ?m a <{CSTO}Membership> ; <http://www.w3.org/ns/org#member> ?s }}"
        )
    }
    for s in sorted(states):
        body = client.get(path_of(s), headers=HTML).get_data(as_text=True)
        first = body.index('<section class="key-section"')
        assert body.index("Membership of the CSTO", first) < body.index('id="out-h"')
        section = body[first : body.index("</section>", first)]
        assert "from" in section and "/source/" in section, s


def test_a_periods_interval_and_its_bounds_lead_with_the_membership_they_time(client, store):
    """The interval of a membership (org:memberDuring) and its beginning and end: their pages open with that
    membership's period, its dates and passages, before the statements."""
    rows = select(
        store,
        """PREFIX org: <http://www.w3.org/ns/org#> PREFIX time: <http://www.w3.org/2006/time#>
        SELECT DISTINCT ?m ?t WHERE {
          { ?m org:memberDuring ?t } UNION { ?m org:memberDuring ?i . ?i time:hasBeginning|time:hasEnd ?t }
          FILTER(isIRI(?t)) }""",
    )
    assert len({r["m"] for r in rows}) >= 5 and len(rows) > 2 * len({r["m"] for r in rows})
    for r in rows:
        body = client.get(path_of(r["t"]), headers=HTML).get_data(as_text=True)
        assert _section_links(body, "The membership period it times") == {path_of(r["m"])}, r
        first = body.index('<section class="key-section"')
        assert first < body.index('id="out-h"') and "/source/" in body[first : body.index("</section>", first)], r


def _section_links(body: str, title: str) -> set[str]:
    """The fact links of the key section titled ``title`` (empty if there is none)."""
    m = re.search(r"<h2>" + re.escape(title) + r" <span.*?</section>", body, re.S)
    return set(re.findall(r'(?:<div class="fact">|<li>)<a href="([^"]+)"', m.group(0))) if m else set()


def test_a_states_memberships_are_listed_per_organisation_and_only_the_cstos_as_csto(client, store):
    rows = select(
        store,
        f"""SELECT ?m ?s ?o ?label WHERE {{ ?m a <{CSTO}Membership> ; <http://www.w3.org/ns/org#member> ?s ;
              <http://www.w3.org/ns/org#organization> ?o . ?o <http://www.w3.org/2000/01/rdf-schema#label> ?label }}""",
    )
    others = [r for r in rows if r["o"] != ID + "csto"]
    assert others  # the SCO and the Union State: memberships the graph holds beside the CSTO's
    for s in {r["s"] for r in rows}:
        body = client.get(path_of(s), headers=HTML).get_data(as_text=True)
        own = [r for r in rows if r["s"] == s]
        csto = _section_links(body, "Membership of the CSTO")
        assert csto == {path_of(r["m"]) for r in own if r["o"] == ID + "csto"}, s
        for r in own:
            if r["o"] != ID + "csto":
                assert path_of(r["m"]) in _section_links(body, "Membership of " + html.escape(r["label"])), (s, r)
    for o in {r["o"] for r in others}:  # another organisation's page: its own members, never the CSTO's
        body = client.get(path_of(o), headers=HTML).get_data(as_text=True)
        assert _section_links(body, "Members over time") == {path_of(r["m"]) for r in others if r["o"] == o}
        assert "Members on " not in body


_ODD = ["<b>", "a b", "\\", "{}", '"', "[]", "\x00", "\x7f", "%FF", "é", "..", "#", "^", "`", "|", "\U0001f600"]
_ODD.append("x" * 3000)


def test_odd_values_in_every_page_parameter_and_path_never_give_a_5xx(client):
    """User input that a page turns into an IRI (a type name, a slug, a term) is checked first: 4xx or a page."""
    params = {"/search": ["q", "type", "format"], "/members": ["date"], "/": ["format"], "/dataset": ["format"]}
    params |= {p: ["format"] for p in ("/disagreements", "/validation", "/ontology", "/downloads", "/query")}
    for path, names in params.items():
        for name in names:
            for value in _ODD:
                for accept in ("text/html", "application/json"):
                    r = client.get(path, query_string={name: value}, headers={"Accept": accept})
                    assert r.status_code < 500, (path, name, value, r.status_code)
    for prefix in ("/id/", "/ontology/", "/graph/", "/source/", "/shapes/", "/evidence/", "/statement/"):
        for value in _ODD:
            r = client.get(prefix + quote(value, safe=""), headers=HTML)
            assert r.status_code < 500, (prefix, value, r.status_code)


def test_search_by_a_type_that_is_no_local_name_is_a_400_and_by_a_class_lists_its_instances(client):
    for value in ("<b>", "a b", "\\", "{}", '"', "[]", "\x00", "\x7f", "csto:State"):
        for extra in ({}, {"format": "json"}):
            r = client.get("/search", query_string={"type": value, **extra}, headers=HTML)
            assert r.status_code == 400, (value, r.status_code)
    hits = client.get("/search", query_string={"type": "State", "format": "json"}).get_json()["results"]
    assert any(h["iri"].endswith("/id/armenia") for h in hits)
    assert client.get("/search", query_string={"type": "NoSuchClass", "format": "json"}).get_json()["results"] == []


def test_an_inferred_type_with_the_label_of_another_says_its_vocabulary(client, store):
    """Types of one label were told apart by their prefixed names alone ("also: agent, prov:Person, foaf:Person" on
    a person's page): each says its vocabulary after its label, as the ontology pages do ("person (foaf)")."""
    foaf = "http://xmlns.com/foaf/0.1/Document"
    rows = select(store, f"SELECT ?d WHERE {{ ?d a <{CSTO}Document>, <{foaf}> }} ORDER BY ?d LIMIT 3")
    assert rows
    for row in rows:
        body = client.get(path_of(row["d"]), headers=HTML).get_data(as_text=True)
        assert 'title="foaf:Document">document (foaf)</a>' in body, row["d"]
    people = select(
        store, f"SELECT ?p WHERE {{ ?p a <{CSTO}Person>, <http://xmlns.com/foaf/0.1/Person> }} ORDER BY ?p LIMIT 3"
    )
    assert people
    for row in people:
        also = client.get(path_of(row["p"]), headers=HTML).get_data(as_text=True).split('class="also"', 1)[1]
        also = also.split("</span>", 1)[0]
        assert "person (foaf)" in also and ">foaf:Person<" not in also and ">prov:Person<" not in also, also


def test_members_pages_give_each_element_its_own_id_and_every_fragment_link_a_target(client):
    for day in ("1995-01-01", "2005-06-01", "2013-01-01", None):
        body = client.get("/members", query_string={"date": day} if day else {}, headers=HTML).get_data(as_text=True)
        ids = re.findall(r'\sid="([^"]+)"', body)
        assert ids and len(ids) == len(set(ids)), (day, sorted({i for i in ids if ids.count(i) > 1})[:5])
        for target in re.findall(r'href="#([^"]+)"', body):
            assert target in ids, (day, target)


@pytest.mark.parametrize(
    "path, headers",
    [("/id/armenia", HTML), ("/id/armenia", {"Accept": "text/turtle"}), ("/ontology", HTML), ("/downloads", HTML)],
)
def test_pages_answer_if_none_match_with_304(client, path, headers):
    """Found by a probe: no page had a validator, so a cache revalidating /id/armenia (84 kB) refetched it.
    The ETag hashes the body: the Turtle's does not match the HTML's, and If-Match / Range stay ignored."""
    whole = client.get(path, headers=headers)
    etag = whole.headers["ETag"]
    for method in (client.get, client.head):
        r = method(path, headers={**headers, "If-None-Match": f'"other", {etag}'})
        assert r.status_code == 304 and r.data == b"" and r.headers["ETag"] == etag
        assert r.headers.get("Vary") == whole.headers.get("Vary")
    other = {"Accept": "application/n-triples"} if headers is HTML else HTML
    if path != "/downloads":  # not negotiated: the same HTML whatever the Accept, so the same ETag
        assert client.get(path, headers={**other, "If-None-Match": etag}).status_code == 200
    r = client.get(path, headers={**headers, "If-Match": '"other"', "Range": "bytes=0-3"})
    assert r.status_code == 200 and r.data == whole.data


@pytest.mark.parametrize("formats", [["ttl", "nt"], ["html", "jsonld"], ["application/trig", "text/turtle"]])
def test_a_page_asked_for_two_different_formats_is_400_naming_both(client, formats):
    """As on /sparql: ``?format=ttl&format=nt`` answered Turtle (the first) silently; it is a 400 naming both.
    The same format spelled twice is answered."""
    r = client.get("/id/armenia", query_string=[("format", f) for f in formats], headers={"Accept": "*/*"})
    assert r.status_code == 400 and all(repr(f) in html.unescape(r.data.decode()) for f in formats), r.data
    r = client.get("/id/armenia", query_string=[("format", "ttl"), ("format", "text/turtle")])
    assert r.status_code == 200 and r.mimetype == "text/turtle"


def test_a_resource_links_to_its_dataset_and_the_datasets_licence(client, store):
    """A client that fetched one IRI learned neither whose dataset it is nor under which licence: the licence was only
    in the HTML footer and the VoID description."""
    [row] = select(
        store,
        "SELECT ?licence WHERE { <https://w3id.org/csto-kg/dataset> <http://purl.org/dc/terms/license> ?licence }",
    )
    for path in ("/id/russia", "/evidence/000-armenia-member", "/ontology/Membership", "/ontology"):
        for headers in (HTML, TTL):
            r = client.get(path, headers=headers)
            assert r.status_code == 200, (path, headers)
            link = r.headers["Link"]
            assert f'<{row["licence"]}>; rel="license"' in link, (path, link)
            assert '</dataset>; rel="http://rdfs.org/ns/void#inDataset"' in link and 'rel="alternate"' in link
    assert client.get("/id/no-such-thing", headers=TTL).headers.get("Link") is None


def test_every_kind_of_page_prints_its_iri_and_names_it_canonical(client, quads):
    """Pages of /id/, /evidence/, /statement/ and /shapes/ did not show the IRI they describe, and no page had a
    ``<link rel="canonical">``: a reader could not copy the IRI to cite, and the page's several URLs (``?format=html``,
    the server's own host behind w3id) were not tied to it. Three IRIs of each kind, and the dataset's."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(minted(quads)):
        if not _special(iri) and "#" not in iri:
            by_kind[iri[len(BASE) :].split("/", 1)[0]].append(iri)
    assert {"id", "evidence", "statement", "source", "graph", "ontology", "dataset"} <= set(by_kind)
    for iris in by_kind.values():
        for iri in iris[:: max(1, len(iris) // 3)][:3]:
            if iri == BASE + "ontology/1.0.0":  # the version IRI is the ontology's page, canonical as the ontology
                continue
            body = client.get(path_of(iri), headers=HTML).get_data(as_text=True)
            assert re.findall(r'<link rel="canonical" href="([^"]*)">', body) == [iri], iri
            assert f'<code class="iri">{iri}</code>' in body, iri
            again = client.get(path_of(iri), query_string={"format": "html"}).get_data(as_text=True)
            assert f'<link rel="canonical" href="{iri}">' in again
    for path in ("/shapes", "/shapes/MembershipMember"):  # described from the shapes files
        r = client.get(path, headers=HTML)
        assert r.status_code == 200, path
        body = r.get_data(as_text=True)
        assert f'<link rel="canonical" href="{BASE + path[1:]}">' in body and f">{BASE + path[1:]}</code>" in body


def test_a_source_documents_text_is_served_byte_for_byte_and_its_offsets_check_against_it(client, store):
    """The source page said its SHA-256 "matches the file served here", but no URL served the file
    (``?format=txt`` was a 406): a client could check no quote or offset without scraping the page."""
    rows = select(
        store,
        "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT ?src ?sha ?exact ?start ?end WHERE { ?src a csto:SourceDocument ; csto:sha256 ?sha . "
        "OPTIONAL { ?ev oa:hasSource ?src ; oa:hasSelector [ oa:exact ?exact ] , [ oa:start ?start ; oa:end ?end ] } }",
    )
    texts = {}
    for src in sorted({r["src"] for r in rows}):
        path = "/source/" + src.rsplit("/", 1)[1]
        for r in (client.get(path, query_string={"format": "txt"}), client.get(path, headers={"Accept": "text/plain"})):
            assert r.status_code == 200 and r.headers["Content-Type"] == "text/plain; charset=utf-8", path
            assert "Accept" in r.headers["Vary"] and r.headers["Access-Control-Allow-Origin"] == "*"
            texts[src] = r.data
        assert hashlib.sha256(texts[src]).hexdigest() == next(r["sha"] for r in rows if r["src"] == src)
        again = client.get(path, query_string={"format": "txt"}, headers={"If-None-Match": r.headers["ETag"]})
        assert again.status_code == 304
        assert client.get(path, headers={"Accept": "*/*"}).headers["Content-Type"].startswith("text/html")
        assert 'type="text/plain"' in client.get(path, headers=HTML).get_data(as_text=True)
    quoted = [r for r in rows if r.get("exact")]
    assert len(quoted) > 200
    for r in quoted:  # offsets in code points of the text decoded as UTF-8
        assert texts[r["src"]].decode("utf-8")[int(r["start"]) : int(r["end"])] == r["exact"]
    # format names and media types in any letter case; txt beside another format is the 400 of two formats named
    assert client.get(path, query_string={"format": "TXT"}).data == texts[src]
    assert client.get(path, headers={"Accept": "TEXT/Plain"}).data == texts[src]
    assert client.get(path, query_string=[("format", "txt"), ("format", "txt")]).data == texts[src]
    two = client.get(path, query_string=[("format", "txt"), ("format", "nt")], headers={"Accept": "application/json"})
    assert two.status_code == 400 and "names different formats" in two.get_data(as_text=True)
    assert client.get("/source/no-such-seed", query_string={"format": "txt"}).status_code == 404
    assert client.get("/id/russia", query_string={"format": "txt"}).status_code == 406


def test_a_source_documents_text_is_not_sent_under_the_projects_licence(client, store):
    """The seed texts are third parties' articles: ``/source/<id>`` (its page, which holds the whole text, its
    description, and ``?format=txt``) was sent with ``Link: <CC BY 4.0>; rel="license"``, claiming the project's
    licence for them. No representation of a source links a licence; the page says the text is quoted for
    verification, its rights with its publisher (or author), and its footer's licence is no ``rel="license"``."""
    sources = [r["s"] for r in select(store, f"SELECT ?s WHERE {{ ?s a <{CSTO}SourceDocument> }}")]
    assert sources
    for src in sources:
        path = path_of(src)
        for r in (
            client.get(path, headers=HTML),
            client.get(path, headers=TTL),
            client.get(path, query_string={"format": "txt"}),
        ):
            assert r.status_code == 200, path
            assert 'rel="license"' not in r.headers["Link"], (path, r.content_type)
            assert 'rel="http://rdfs.org/ns/void#inDataset"' in r.headers["Link"]
        body = client.get(path, headers=HTML).get_data(as_text=True)
        assert 'rel="license"' not in body
        rights = re.search(r'<p class="rights">(.*?)</p>', body, re.S)
        assert rights and "quoted in full for verification" in rights.group(1), path
        assert "rights remain" in rights.group(1) and "creativecommons" not in rights.group(1)
    other = client.get("/id/russia", headers=HTML)
    assert 'rel="license"' in other.headers["Link"] and 'rel="license"' in other.get_data(as_text=True)


def test_the_dataset_describes_its_hash_iris_and_its_page_has_their_anchors(client):
    """``/dataset#class-csto-State`` dereferences to ``/dataset`` (the fragment stays with the client), but /dataset's
    RDF said nothing about its class and property partitions and only 1 of the linkset's 7 triples (those were in the
    VoID alone), and the 484 links of /dataset and /graph/meta to ``/dataset#…`` had no element of that id."""
    base = BASE + "dataset#"
    void = {
        t
        for t in ox.parse(client.get("/.well-known/void", headers=TTL).data, format=ox.RdfFormat.TURTLE)
        if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(base)
    }
    assert len({t.subject for t in void}) > 100 and any(t.subject.value == base + "linkset-wikidata" for t in void)
    for headers, fmt in ((TTL, ox.RdfFormat.TURTLE), ({"Accept": "application/n-triples"}, ox.RdfFormat.N_TRIPLES)):
        r = client.get("/dataset", headers=headers)
        assert r.status_code == 200
        assert not void - set(ox.parse(r.data, format=fmt))
        assert '</.well-known/void>; rel="describedby"' in r.headers["Link"]
    page = client.get("/dataset", headers=HTML).get_data(as_text=True)
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    for path in ("/dataset", "/graph/meta"):
        body = page if path == "/dataset" else client.get(path, headers=HTML).get_data(as_text=True)
        targets = set(re.findall(r'href="/dataset#([^"]+)"', body))
        assert targets and not targets - ids, (path, sorted(targets - ids)[:5])


def test_the_void_partitions_and_linkset_count_what_the_endpoint_holds(store):
    """VoID gave the graphs' sizes but no class or property partition and no linkset: a consumer could not learn what
    the dataset holds by class or property, nor how it links to Wikidata, without querying it."""
    void = "http://rdfs.org/ns/void#"
    dataset = "https://w3id.org/csto-kg/dataset"
    stated = {
        r["p"]: int(r["n"])
        for r in select(
            store,
            f"SELECT ?p ?n WHERE {{ <{dataset}> <{void}propertyPartition> ?x . ?x <{void}property> ?p ; "
            f"<{void}triples> ?n }}",
        )
    }
    counted = {r["p"]: int(r["n"]) for r in select(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")}
    assert stated == counted
    classes = {
        r["c"]: int(r["n"])
        for r in select(
            store,
            f"SELECT ?c ?n WHERE {{ <{dataset}> <{void}classPartition> ?x . ?x <{void}class> ?c ; <{void}entities> ?n }}",
        )
    }
    instances = select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c")
    assert classes == {r["c"]: int(r["n"]) for r in instances}
    [links] = select(
        store,
        f"SELECT ?n ?s WHERE {{ ?l a <{void}Linkset> ; <{void}linkPredicate> <http://www.w3.org/2004/02/skos/core#exactMatch> ; "
        f"<{void}triples> ?n ; <{void}distinctSubjects> ?s }}",
    )
    [wd] = select(
        store,
        "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?x) AS ?s) WHERE { ?x <http://www.w3.org/2004/02/skos/core#exactMatch> ?o "
        'FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/")) }',
    )
    assert (links["n"], links["s"]) == (wd["n"], wd["s"]) and int(wd["n"]) > 40
