"""The IRIs the project mints and the vocabularies it reuses.

Every IRI minted here starts with :data:`BASE` and is dereferenced by the
server at the same path (``/id/armenia`` for ``BASE + "id/armenia"``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import BNode, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, VOID, XSD

from .iri import BASE  # defined apart: the query workers need it without rdflib

__all__ = [
    "BASE",
    "CSTO",
    "ID",
    "SRC",
    "EV",
    "GRAPH",
    "SHAPE",
    "STATEMENT",
    "WD",
    "OA",
    "SCHEMA",
    "ONTOLOGY_GRAPH",
    "ENTITIES_GRAPH",
    "INFERRED_GRAPH",
    "META_GRAPH",
    "SUPPORT_GRAPH",
    "is_seed_graph",
    "seed_graph",
    "source_iri",
    "PREFIXES",
    "curie",
    "shown",
    "canonical",
    "DCAT",
    "DCTERMS",
    "FOAF",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "TIME",
    "VOID",
    "XSD",
]


class _Namespace(Namespace):
    """A namespace that makes each term once: rdflib's ``Namespace`` makes (and checks) a new ``URIRef`` at every
    attribute look-up, ~3 µs; the validation rules look up ~0.9 M terms at 1e5. The term, once made, is kept as an
    attribute of the namespace object, so the next look-up is an ordinary attribute's."""

    def __getattr__(self, name: str):
        term = super().__getattr__(name)  # rdflib's: AttributeError for a __special__ name
        self.__dict__[name] = term
        return term


def _terms_as_attributes(namespace) -> None:
    """Each term of an rdflib ``DefinedNamespace`` (RDF, OWL ...) as an attribute of its class: the very ``URIRef``
    rdflib returns (its metaclass caches them), found without the metaclass's ``__getattr__`` and cache (1.5 µs a
    look-up; the validation rules look up ~0.7 M at 1e5). Only the terms the namespace declares."""
    for name in namespace.__annotations__:
        if not name.startswith("_") and name not in vars(namespace):
            setattr(namespace, name, namespace[name])
        term = vars(namespace).get(name)
        if isinstance(term, URIRef):
            _DECLARED[str(term)] = term


_DECLARED: dict[str, URIRef] = {}  # IRI -> the term object of a DefinedNamespace (RDF.type ...)


for _defined in (DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, VOID, XSD):
    _terms_as_attributes(_defined)

CSTO = _Namespace(BASE + "ontology/")  # ontology terms
ID = _Namespace(BASE + "id/")  # entities and fact nodes
SRC = _Namespace(BASE + "source/")  # the seed documents
EV = _Namespace(BASE + "evidence/")  # oa:SpecificResource evidence nodes
GRAPH = _Namespace(BASE + "graph/")  # named graphs
SHAPE = _Namespace(BASE + "shapes/")  # SHACL shapes and the validator's Python rules
STATEMENT = _Namespace(BASE + "statement/")  # derived rdf:Statements of graph:support
WD = _Namespace("http://www.wikidata.org/entity/")
OA = _Namespace("http://www.w3.org/ns/oa#")
SCHEMA = _Namespace("https://schema.org/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITIES_GRAPH = GRAPH["entities"]
INFERRED_GRAPH = GRAPH["inferred"]
META_GRAPH = GRAPH["meta"]
SUPPORT_GRAPH = GRAPH["support"]  # which passage supports which value (csto_kg/support.py)
ALLIANCE = ID["csto"]  # the organisation the graph is about: its memberships are the timeline's


def is_seed_graph(iri: str) -> bool:
    """Whether ``iri`` names the graph of what one seed says (``graph:<nnn>_<hash>``), not the ontology's, the
    entities', the inferred, the support or the meta graph."""
    return iri.startswith(str(GRAPH)) and iri[len(str(GRAPH)) :][:3].isdigit()


def seed_graph(seed_id: str):
    """The named graph holding what seed ``seed_id`` (file name without ``.txt``) says."""
    return GRAPH[seed_id]


def source_iri(seed_id: str):
    """The source-document resource of seed ``seed_id``."""
    return SRC[seed_id]


PREFIXES = {
    "csto": str(CSTO),
    "": str(ID),
    "src": str(SRC),
    "ev": str(EV),
    "graph": str(GRAPH),
    "st": str(STATEMENT),
    "wd": str(WD),
    "oa": str(OA),
    "prov": str(PROV),
    "org": str(ORG),
    "time": str(TIME),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
    "void": str(VOID),
    "dcat": str(DCAT),
    "schema": str(SCHEMA),
    "shape": str(SHAPE),
}


def canonical(iri: str) -> URIRef | None:
    """The very term object the code's constants are for ``iri`` (``RDF.type``, ``CSTO.State`` ...), or None.

    The loader gives its terms these objects, so that the rules' look-ups of a constant in rdflib's indexes and
    their set tests find it by identity: an equal but distinct ``URIRef`` costs a Python ``__eq__`` call at each
    dictionary hit (~1 M at 1e5). Equal terms either way: nothing but identity changes."""
    term = _DECLARED.get(iri)
    if term is None and iri.startswith(_OWN):
        local = iri[len(_OWN) :]
        term = CSTO.__dict__.get(local)
        if term is None and local.isidentifier() and not local.startswith("_") and not hasattr(str, local):
            term = getattr(CSTO, local)
    return term if isinstance(term, URIRef) and str(term) == iri else None


_OWN = str(CSTO)

_LOCAL_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")


@lru_cache(maxsize=8192)
def curie(iri: str) -> str | None:
    """The prefixed name of ``iri`` with the project's prefixes (``csto:State``), or None.

    The one CURIE helper of the project: the longest matching namespace wins, and
    a local name must be a valid Turtle local name (not ending in ``.``).
    """
    best: str | None = None
    for pfx, ns in PREFIXES.items():
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if (local == "" or (_LOCAL_NAME.fullmatch(local) and not local.endswith("."))) and (
                best is None or len(ns) > len(PREFIXES[best])
            ):
                best = pfx
    return None if best is None else f"{best}:{iri[len(PREFIXES[best]) :]}"


def shown(node) -> str:
    """How a message names a node: its prefixed name (:func:`curie`), else ``<iri>``; a blank node as "a blank
    node" (never "None", which a bare :func:`curie` of a blank node or a foreign IRI would print)."""
    if isinstance(node, BNode):
        return "a blank node"
    text = str(node)
    return curie(text) or (f"<{text}>" if isinstance(node, URIRef) else text)
