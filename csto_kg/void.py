"""The dataset's own description (graph ``graph:meta``): VoID + DCAT.

States the licence, the named graphs with their triple counts (this one
included), the distinct triples of their union (the endpoint's default graph), its class and
property partitions and its linkset to Wikidata, the SPARQL endpoint, the dumps, the
vocabularies used and the seed documents it is curated from, so a linked-data consumer can
find everything from one IRI.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

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
    RDFS,
    SKOS,
    SRC,
    SUPPORT_GRAPH,
    VOID,
    WD,
    XSD,
    curie,
)

__all__ = [
    "DATASET",
    "SPARQL_ENDPOINT",
    "DUMP_FILES",
    "IANA_MEDIA_TYPES",
    "Partitions",
    "describe",
    "partition_triples",
    "vocabularies_of",
]

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


# What this description itself uses (its predicates and classes), whatever the data uses.
_OWN_VOCABULARIES = (RDF, VOID, DCAT, DCTERMS)


def namespace_of(iri: str) -> str:
    """The vocabulary an IRI belongs to: up to its last ``#``, else its last ``/``."""
    cut = iri.rfind("#")
    return iri[: (cut if cut >= 0 else iri.rfind("/")) + 1]


def vocabularies_of(triples: Iterable[tuple]) -> set[str]:
    """The namespaces of every predicate and every class (``rdf:type`` object) of ``triples``: the dataset's
    ``void:vocabulary`` values (VoID 4.5: the vocabularies whose terms the dataset uses)."""
    terms = {p for _, p, _ in triples} | {o for _, p, o in triples if p == RDF.type and isinstance(o, URIRef)}
    return {namespace_of(str(t)) for t in terms}


@dataclass(frozen=True)
class Partitions:
    """What the union holds by class and by property, and its links to Wikidata: ``classes`` (class IRI -> its
    distinct instances), ``properties`` (property IRI -> its distinct triples), ``links`` (the distinct
    ``skos:exactMatch`` triples whose object is a Wikidata item), ``linked`` (their distinct subjects)."""

    classes: dict[str, int] = field(default_factory=dict)
    properties: dict[str, int] = field(default_factory=dict)
    links: int = 0
    linked: int = 0


def _fragment(kind: str, iri: str) -> URIRef:
    """A partition's IRI: a fragment of the dataset's own (``…/dataset#class-csto-State``), which /dataset serves."""
    name = curie(iri)
    slug = name.replace(":", "-") if name else "x-" + hashlib.sha256(iri.encode()).hexdigest()[:12]
    return URIRef(f"{DATASET}#{kind}-{slug}")


def partition_triples(parts: Partitions) -> Iterator[tuple]:
    """VoID's class and property partitions of the dataset (VoID section 4.5) and its linkset to Wikidata (section
    5), with their sizes: what a consumer reads to know what the dataset holds before querying it."""
    d = DATASET
    for cls, n in sorted(parts.classes.items()):
        part = _fragment("class", cls)
        yield d, VOID.classPartition, part
        yield part, VOID["class"], URIRef(cls)
        yield part, VOID.entities, Literal(n, datatype=XSD.integer)
        yield part, RDFS.label, Literal(f"the instances of {curie(cls) or cls}", lang="en")
    for prop, n in sorted(parts.properties.items()):
        part = _fragment("property", prop)
        yield d, VOID.propertyPartition, part
        yield part, VOID.property, URIRef(prop)
        yield part, VOID.triples, Literal(n, datatype=XSD.integer)
        yield part, RDFS.label, Literal(f"the triples of {curie(prop) or prop}", lang="en")
    if parts.links:
        linkset = URIRef(f"{DATASET}#linkset-wikidata")
        yield d, VOID.subset, linkset
        yield linkset, RDF.type, VOID.Linkset
        yield linkset, RDFS.label, Literal("the links to Wikidata items (skos:exactMatch)", lang="en")
        yield linkset, VOID.linkPredicate, SKOS.exactMatch
        yield linkset, VOID.subjectsTarget, d
        yield linkset, VOID.objectsTarget, WIKIDATA
        yield linkset, VOID.triples, Literal(parts.links, datatype=XSD.integer)
        yield linkset, VOID.distinctSubjects, Literal(parts.linked, datatype=XSD.integer)
        yield WIKIDATA, RDF.type, VOID.Dataset
        yield WIKIDATA, DCTERMS.title, Literal("Wikidata", lang="en")
        yield WIKIDATA, VOID.uriSpace, Literal(str(WD))


WIKIDATA = URIRef("https://www.wikidata.org/")


def describe(
    ds: Dataset,
    counts: dict[str, int],
    union_triples: int,
    vocabularies: Iterable[str] = (),
    partitions: Partitions | None = None,
) -> Iterator[tuple]:
    """The description, for named graphs of ``counts`` (name -> size, graph:meta's own included) whose union
    (the endpoint's default graph, graph:meta included) holds ``union_triples`` distinct triples: the dataset's
    ``void:triples``. Both numbers about graph:meta are found by the build as a fixed point (``build.py``), as are
    the ``partitions`` (its class and property partitions and its Wikidata linkset, graph:meta's own triples
    counted in them). ``vocabularies``: the namespaces the data's predicates and classes use
    (:func:`vocabularies_of`); this description's own are added."""
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
    for vocab in sorted(set(vocabularies) | {str(n) for n in _OWN_VOCABULARIES}):
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
    if partitions is not None:
        yield from partition_triples(partitions)
