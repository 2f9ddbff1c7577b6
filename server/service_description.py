"""What the endpoint says about itself: the SPARQL 1.1 Service Description and the VoID description.

- Service Description (https://www.w3.org/TR/sparql11-service-description/,
  section 3; returned by a GET on the endpoint with no query, section 2): the
  result formats, the union default graph (``sd:UnionDefaultGraph`` and the
  ``sd:defaultDataset``'s default graph), every named graph with its size, and
  the entailment regime of the inferred graph: OWL 2 RL, materialised at build
  time (``ent:OWL-RDF-Based`` restricted to the RL rules; see
  :mod:`csto_kg.reason`). The asserted graphs hold what was curated (simple
  entailment); the union default graph holds both, so a query without
  ``GRAPH`` sees the OWL 2 RL closure.
- VoID (https://www.w3.org/TR/void/#well-known, section 7): the build's
  ``graph:meta`` graph, served at ``/.well-known/void``.
"""

from __future__ import annotations

import pyoxigraph as ox

from csto_kg.jsonld import compact
from csto_kg.namespaces import INFERRED_GRAPH, META_GRAPH, PREFIXES
from csto_kg.query import QUERY_BASE_IRI
from csto_kg.void import DATASET, SPARQL_ENDPOINT

from .config import ServerConfig
from .negotiation import GRAPHS, RESULTS, Format

__all__ = ["service_description", "void_triples", "SD_FORMATS", "SD_PREFIXES", "VOID_PREFIXES", "serialize"]

SD = "http://www.w3.org/ns/sparql-service-description#"
ENT = "http://www.w3.org/ns/entailment/"
OWL_RL = "http://www.w3.org/ns/owl-profile/RL"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
_DCT = "http://purl.org/dc/terms/"
_RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
_RDFS_SEE_ALSO = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

# The formats a description is offered in (the triple formats of the results table).
SD_FORMATS: tuple[Format, ...] = tuple(f for f in GRAPHS if f.key in ("ttl", "jsonld", "rdfxml", "nt"))
SD_PREFIXES = {
    "sd": SD,
    "ent": ENT,
    "void": PREFIXES["void"],
    "dcterms": _DCT,
    "rdfs": PREFIXES["rdfs"],
    "formats": "http://www.w3.org/ns/formats/",
    "graph": PREFIXES["graph"],
    "xsd": PREFIXES["xsd"],
}
VOID_PREFIXES = {k: PREFIXES[k] for k in ("void", "dcat", "dcterms", "graph", "src", "xsd", "rdf", "csto")} | {
    "id": PREFIXES[""]
}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_XSD_INTEGER)


def service_description(
    endpoint: str, void_url: str, graphs: dict[str, int], config: ServerConfig, union_triples: int | None = None
) -> list[ox.Triple]:
    """The description of the service at ``endpoint`` serving ``graphs`` (name -> triple count).

    ``union_triples``: the distinct triples of the default graph (the union is a set: a triple that
    several graphs hold counts once).
    """
    ep = ox.NamedNode(endpoint)
    ds = ox.NamedNode(str(DATASET))
    t: list[ox.Triple] = []

    def add(s, p, o):
        t.append(ox.Triple(s, p if isinstance(p, ox.NamedNode) else _sd(p), o))

    add(ep, _RDF_TYPE, _sd("Service"))
    add(ep, "endpoint", ep)
    add(ep, "supportedLanguage", _sd("SPARQL11Query"))
    add(ep, "feature", _sd("UnionDefaultGraph"))
    if config.federation_allowlist:
        add(ep, "feature", _sd("BasicFederatedQuery"))
    for f in RESULTS + GRAPHS:
        add(ep, "resultFormat", ox.NamedNode(f.iri))
    add(ep, "defaultEntailmentRegime", ox.NamedNode(ENT + "OWL-RDF-Based"))
    add(ep, "supportedEntailmentProfile", ox.NamedNode(OWL_RL))
    add(
        ep,
        ox.NamedNode(_DCT + "title"),
        ox.Literal("CSTO knowledge graph: read-only SPARQL 1.1 endpoint", language="en"),
    )
    add(
        ep,
        _RDFS_COMMENT,
        ox.Literal(
            "Read-only: SPARQL Update, LOAD and SERVICE are refused. The default graph is the union of the named graphs "
            f"(including the OWL 2 RL closure in graph:inferred). Relative IRIs in a query resolve against the base IRI "
            f"{QUERY_BASE_IRI} (a query's own BASE overrides it). Limits: "
            f"{config.query_timeout:g} s per query (the timeout parameter may ask for less; past it: 503 with Retry-After), "
            f"{config.max_rows} result rows (more: the result is cut and the response says X-CSTO-Truncated: true), "
            f"{config.max_query_length} characters of query, {config.max_body} bytes of request body, "
            f"{config.max_concurrent} queries at once per server process (past it: 429 with Retry-After); per client "
            f"address, {config.client_share} query workers at once and {config.client_burst_s:g} s of expensive query "
            f"time (time past {config.demote_after:g} s per query), renewed at {config.client_rate:g} s per second "
            f"(spent: 429 with Retry-After).",
            language="en",
        ),
    )
    add(ep, _RDFS_SEE_ALSO, ox.NamedNode(void_url))
    if endpoint != str(SPARQL_ENDPOINT):  # the IRI the VoID names as void:sparqlEndpoint: this same service
        add(ep, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"), ox.NamedNode(str(SPARQL_ENDPOINT)))
    add(ep, "defaultDataset", ds)
    add(ds, _RDF_TYPE, _sd("Dataset"))

    default = ox.BlankNode("defaultGraph")
    add(ds, "defaultGraph", default)
    add(default, _RDF_TYPE, _sd("Graph"))
    add(default, _VOID_TRIPLES, _int(union_triples if union_triples is not None else sum(graphs.values())))
    add(default, ox.NamedNode(_DCT + "description"), ox.Literal("The union of all the named graphs", language="en"))
    for i, (name, count) in enumerate(sorted(graphs.items())):
        ng, g = ox.BlankNode(f"ng{i}"), ox.BlankNode(f"g{i}")
        add(ds, "namedGraph", ng)
        add(ng, _RDF_TYPE, _sd("NamedGraph"))
        add(ng, "name", ox.NamedNode(name))
        regime = "OWL-RDF-Based" if name == str(INFERRED_GRAPH) else "Simple"
        add(ng, "entailmentRegime", ox.NamedNode(ENT + regime))
        add(ng, "graph", g)
        add(g, _RDF_TYPE, _sd("Graph"))
        add(g, _VOID_TRIPLES, _int(count))
    return t


def void_triples(store: ox.Store) -> list[ox.Triple]:
    """The build's own VoID/DCAT description (graph ``graph:meta``)."""
    return [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(META_GRAPH)))]


def serialize(
    triples: list[ox.Triple], f: Format, prefixes: dict[str, str], graph: str | None = None, expanded: bool = False
) -> bytes:
    """``triples`` in format ``f`` (quad formats put them in ``graph``, else the default graph; JSON-LD compacted
    with ``prefixes`` unless ``expanded``)."""
    fmt = f.ox
    readable = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        g = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        return ox.serialize(
            [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples], format=fmt, prefixes=readable
        )
    if fmt == ox.RdfFormat.JSON_LD and not expanded:
        return compact(ox.serialize(triples, format=fmt), prefixes)
    return ox.serialize(triples, format=fmt, prefixes=readable)
