"""The dataset's own description (graph ``graph:meta``): VoID + DCAT.

States the licence, the named graphs with their triple counts (this one
included), the distinct triples of their union (the endpoint's default graph), the SPARQL
endpoint, the dumps, the vocabularies used and the seed documents it is
curated from, so a linked-data consumer can find everything from one IRI.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Literal, URIRef

from . import __version__
from .namespaces import (
    BASE,
    CSTO,
    DCAT,
    DCTERMS,
    ENTITIES_GRAPH,
    GRAPH,
    ID,
    INFERRED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    RDF,
    SRC,
    SUPPORT_GRAPH,
    VOID,
    XSD,
)

__all__ = ["DATASET", "SPARQL_ENDPOINT", "DUMP_FILES", "IANA_MEDIA_TYPES", "describe"]

DATASET = URIRef(BASE + "dataset")
SPARQL_ENDPOINT = URIRef(BASE + "sparql")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"  # the register DCAT names media types by

# file name -> (media type, what it holds)
DUMP_FILES = {
    "csto-kg.trig": ("application/trig", "every named graph, inferred included (TriG)"),
    "csto-kg.nq": ("application/n-quads", "every named graph, inferred included (N-Quads)"),
    "csto-kg.ttl": ("text/turtle", "the union of the asserted graphs, without inferred triples (Turtle)"),
    "csto-kg.jsonld": ("application/ld+json", "every named graph, inferred included (JSON-LD)"),
}

_GRAPH_TITLES = {
    ONTOLOGY_GRAPH: "The ontology",
    ENTITIES_GRAPH: "Shared entities (states, organisations, persons, places, topics)",
    INFERRED_GRAPH: "Inferred triples: OWL 2 RL entailments and derived membership intervals and date bounds",
    META_GRAPH: "This description (VoID/DCAT)",
    SUPPORT_GRAPH: "Which passage supports which value: one rdf:Statement per curated value, with its evidence, "
    "source graph and rank (derived)",
}


def describe(ds: Dataset, counts: dict[str, int], union_triples: int) -> Iterator[tuple]:
    """The description, for named graphs of ``counts`` (name -> size, graph:meta's own included) whose union
    (the endpoint's default graph, graph:meta included) holds ``union_triples`` distinct triples: the dataset's
    ``void:triples``. Both numbers about graph:meta are found by the build as a fixed point (``build.py``)."""
    d = DATASET
    yield d, RDF.type, VOID.Dataset
    yield d, RDF.type, DCAT.Dataset
    yield d, DCTERMS.title, Literal("CSTO knowledge graph", lang="en")
    yield (
        d,
        DCTERMS.description,
        Literal(
            "A curated knowledge graph of the Collective Security Treaty Organization: membership over time, "
            "the treaty, invocations and responses, summits and their documents, persons, offices and stances, "
            "every fact with provenance to the verbatim passage of its source document.",
            lang="en",
        ),
    )
    yield d, DCTERMS.license, LICENSE
    yield d, DCTERMS.hasVersion, Literal(__version__)
    yield d, VOID.sparqlEndpoint, SPARQL_ENDPOINT
    yield d, VOID.uriSpace, Literal(BASE)  # every IRI the dataset mints: id/, source/, evidence/, statement/, graph/...
    yield d, VOID.exampleResource, ID["csto"]
    yield d, VOID.rootResource, ID["csto"]
    for vocab in (
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/ns/oa#",
        "http://www.w3.org/2006/time#",
        "http://purl.org/dc/terms/",
        "http://www.w3.org/2004/02/skos/core#",
        str(CSTO),
    ):
        yield d, VOID.vocabulary, URIRef(vocab)
    yield d, VOID.triples, Literal(union_triples, datatype=XSD.integer)
    for src in sorted(set(ds.subjects(RDF.type, CSTO.SourceDocument))):
        yield d, DCTERMS.source, src
    for name, (media, what) in DUMP_FILES.items():
        dist = URIRef(f"{BASE}downloads/{name}")
        yield d, VOID.dataDump, dist
        yield d, DCAT.distribution, dist
        yield dist, RDF.type, DCAT.Distribution
        yield dist, DCAT.downloadURL, dist
        yield dist, DCAT.mediaType, URIRef(IANA_MEDIA_TYPES + media)  # DCAT: a dcterms:MediaType, not a string
        yield dist, DCTERMS.description, Literal(what, lang="en")
        yield dist, DCTERMS.license, LICENSE
    for g, n in sorted(counts.items()):
        gi = URIRef(g)
        yield d, VOID.subset, gi
        yield gi, RDF.type, VOID.Dataset
        yield gi, VOID.triples, Literal(n, datatype=XSD.integer)
        title = _GRAPH_TITLES.get(gi)
        if title is None and g.startswith(str(GRAPH)):
            seed = g[len(str(GRAPH)) :]
            title = f"What source document {seed}.txt says"
            yield gi, DCTERMS.source, SRC[seed]
        if title:
            yield gi, DCTERMS.title, Literal(title, lang="en")
