"""Documentation of the ontology, generated from the ontology graph: the index and one page per term.

For each term: label, definition, super- and sub-classes or -properties,
domain, range, inverse, characteristics, for a class the properties its
instances carry (:func:`csto_kg.docs.class_properties`, as in ontology/INDEX.md),
and its usage in the data, counted
with SPARQL over the union of the graphs (instances of a class, inferred
subclass instances included; distinct subject–object pairs of a property;
uses of a controlled value as an object).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from csto_kg.docs import class_properties
from csto_kg.namespaces import CSTO, INFERRED_GRAPH, ONTOLOGY_GRAPH, OWL, RDF, RDFS, SKOS, SUPPORT_GRAPH

from .labels import Labeller, curie
from .resource_page import Term, term_view

__all__ = ["ONTOLOGY_IRI", "TermDoc", "index", "term_doc"]

ONTOLOGY_IRI = str(CSTO).rstrip("/")
_N = ox.NamedNode
_ONT = _N(str(ONTOLOGY_GRAPH))
_INFERRED_GRAPH = _N(str(INFERRED_GRAPH))

_KINDS = {
    str(OWL.Class): "class",
    str(OWL.ObjectProperty): "object property",
    str(OWL.DatatypeProperty): "datatype property",
    str(OWL.AnnotationProperty): "annotation property",
    str(SKOS.ConceptScheme): "concept scheme",
}

_CLASS_USAGE = """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?term }"""
_PROPERTY_USAGE = """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { ?s ?term ?o } }"""
_VALUE_USAGE = (
    """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p WHERE {
  GRAPH ?g { ?s ?p ?term } FILTER(?g != <%s>) } }"""
    % ONTOLOGY_GRAPH
)
_ALL_CLASS_USAGE = """
SELECT ?term (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH <%(g)s> { ?term a <http://www.w3.org/2002/07/owl#Class> }
  OPTIONAL { ?x a ?term }
} GROUP BY ?term""" % {"g": ONTOLOGY_GRAPH}
# The properties the ontology declares; each one's usage is then counted alone (_PROPERTY_USAGE, through the
# predicate's index): one query counting the distinct triples of all of them at once read the whole union into a
# hash (the generated 1e6 project: 8.0 s against 0.87 s for the 258 counts, the same numbers).
_PROPERTIES = """
SELECT DISTINCT ?term WHERE { GRAPH <%(g)s> { ?term a ?kind } VALUES ?kind {
  <http://www.w3.org/2002/07/owl#ObjectProperty> <http://www.w3.org/2002/07/owl#DatatypeProperty>
  <http://www.w3.org/2002/07/owl#AnnotationProperty> } }""" % {"g": ONTOLOGY_GRAPH}


def _count(store: ox.Store, query: str, term: str) -> int:
    """Run a usage count for ``term`` (an IRI read from the ontology graph, never from a request)."""
    sols = store.query(query.replace("?term", f"<{term}>"))
    return int(next(iter(sols))["n"].value)


def _ont_objects(store: ox.Store, s: str, p) -> list:
    return list(dict.fromkeys(q.object for q in store.quads_for_pattern(_N(s), _N(str(p)), None, _ONT)))


def _ont_subjects(store: ox.Store, p, o: str) -> list:
    return list(dict.fromkeys(q.subject for q in store.quads_for_pattern(None, _N(str(p)), _N(o), _ONT)))


def _lit(values: list) -> str | None:
    lits = sorted(
        (v for v in values if isinstance(v, ox.Literal)), key=lambda v: (v.language not in ("en", None), v.value)
    )
    return lits[0].value if lits else None


@dataclass
class TermDoc:
    iri: str
    label: str
    curie: str
    kinds: list[str]
    definition: str | None
    comment: str | None
    supers: list[Term] = field(default_factory=list)
    subs: list[Term] = field(default_factory=list)
    domain: list[Term] = field(default_factory=list)
    range: list[Term] = field(default_factory=list)
    inverse: list[Term] = field(default_factory=list)
    types: list[Term] = field(default_factory=list)
    scheme: list[Term] = field(default_factory=list)
    domain_of: list[Term] = field(default_factory=list)  # properties whose domain the class is
    range_of: list[Term] = field(default_factory=list)
    usage: int = 0
    usage_text: str = ""
    examples: list[Term] = field(default_factory=list)
    all_query: str | None = None  # a controlled value: the SPARQL query listing every use ``usage`` counts
    uses: list[tuple[Term, Term]] = field(default_factory=list)  # property: resources using it, with a value each
    instance_properties: list[tuple[Term, int]] = field(default_factory=list)  # class: what its instances carry

    @property
    def is_property(self) -> bool:
        return any("property" in k for k in self.kinds)


def _terms(labels: Labeller, nodes) -> list[Term]:
    """Named terms by label; two of one label (foaf:Agent and prov:Agent, both "agent") each say their vocabulary."""
    terms = sorted((term_view(labels, n) for n in nodes if isinstance(n, ox.NamedNode)), key=lambda t: t.text.lower())
    texts = Counter(t.text for t in terms)
    return [
        replace(t, text=f"{t.text} ({t.title.split(':', 1)[0]})")
        if texts[t.text] > 1 and t.title and ":" in t.title and "://" not in t.title
        else t
        for t in terms
    ]


def _uses(store: ox.Store, labels: Labeller, prop: str, limit: int = 30) -> list[tuple[Term, Term]]:
    """Up to ``limit`` resources using ``prop``, each with a value it has (a value a seed or the curators state
    before one the build infers), so that a property's page shows what its values look like."""
    found: dict[str, tuple[bool, ox.Term]] = {}  # subject -> (inferred only?, value)
    for q in store.quads_for_pattern(None, _N(prop), None, None):
        if not isinstance(q.subject, ox.NamedNode) or isinstance(q.object, ox.BlankNode):
            continue
        inferred = q.graph_name == _INFERRED_GRAPH
        seen = found.get(q.subject.value)
        if (seen is None and len(found) < limit) or (seen is not None and seen[0] and not inferred):
            found[q.subject.value] = (inferred, q.object)
    pairs = [(term_view(labels, _N(s)), term_view(labels, o)) for s, (_, o) in found.items()]
    return sorted(pairs, key=lambda p: p[0].text.lower())


def term_doc(store: ox.Store, labels: Labeller, iri: str) -> TermDoc | None:
    """The documentation of ``iri``, or ``None`` if the ontology graph does not describe it."""
    types = [t.value for t in _ont_objects(store, iri, RDF.type) if isinstance(t, ox.NamedNode)]
    if not types:
        return None
    kinds = [_KINDS[t] for t in types if t in _KINDS] or (["controlled value"] if types else [])
    if str(OWL.FunctionalProperty) in types:
        kinds.append("functional")
    doc = TermDoc(
        iri=iri,
        label=labels(iri),
        curie=curie(iri),
        kinds=kinds,
        definition=_lit(_ont_objects(store, iri, SKOS.definition)),
        comment=_lit(_ont_objects(store, iri, RDFS.comment)),
    )
    doc.types = _terms(labels, [_N(t) for t in types if t not in _KINDS and t != str(OWL.FunctionalProperty)])
    if "class" in kinds:
        doc.supers = _terms(labels, _ont_objects(store, iri, RDFS.subClassOf))
        doc.subs = _terms(labels, _ont_subjects(store, RDFS.subClassOf, iri))
        doc.usage = _count(store, _CLASS_USAGE, iri)
        doc.usage_text = "instances in the graph (instances of subclasses included, by inference)"
        doc.examples = _terms(
            labels,
            list(
                dict.fromkeys(
                    q.subject
                    for q in store.quads_for_pattern(None, _N(str(RDF.type)), _N(iri), None)
                    if isinstance(q.subject, ox.NamedNode)
                )
            )[:30],
        )
        doc.instance_properties = [
            (term_view(labels, _N(u.prop)), u.instances) for u in class_properties(store, iri).get(iri, [])
        ]
        doc.domain_of = _terms(labels, _ont_subjects(store, RDFS.domain, iri))
        doc.range_of = _terms(labels, _ont_subjects(store, RDFS.range, iri))
    elif doc.is_property:
        doc.supers = _terms(labels, _ont_objects(store, iri, RDFS.subPropertyOf))
        doc.subs = _terms(labels, _ont_subjects(store, RDFS.subPropertyOf, iri))
        doc.domain = _terms(labels, _ont_objects(store, iri, RDFS.domain))
        doc.range = _terms(labels, _ont_objects(store, iri, RDFS.range))
        doc.inverse = _terms(labels, _ont_objects(store, iri, OWL.inverseOf) + _ont_subjects(store, OWL.inverseOf, iri))
        doc.usage = _count(store, _PROPERTY_USAGE, iri)
        doc.usage_text = "statements use it (distinct subject–value pairs, inferred ones included)"
        doc.uses = _uses(store, labels, iri)
    else:
        doc.scheme = _terms(labels, _ont_objects(store, iri, SKOS.inScheme))
        doc.usage = _count(store, _VALUE_USAGE, iri)
        doc.usage_text = "statements in the data have it as their value"
        doc.examples = _terms(labels, _first_subjects(store, iri, 30))
        doc.all_query = _VALUE_USES % (iri, ONTOLOGY_GRAPH)
    return doc


_VALUE_USES = """SELECT DISTINCT ?resource ?property WHERE {
  GRAPH ?g { ?resource ?property <%s> } FILTER(?g != <%s>)
} ORDER BY ?resource ?property"""


def _first_subjects(store: ox.Store, iri: str, n: int) -> list:
    """The first ``n`` distinct resources with ``iri`` as a value, the seeds' facts first, then the build's
    (graph:support gives a rank to thousands of statements; not all of them are read, nor shown first)."""
    derived = {_N(str(INFERRED_GRAPH)), _N(str(SUPPORT_GRAPH))}
    graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g != _ONT]
    found: dict = {}
    for g in sorted(graphs, key=lambda g: (g in derived, g.value)):
        for q in store.quads_for_pattern(None, None, _N(iri), g):
            if isinstance(q.subject, ox.NamedNode):
                found[q.subject] = None
                if len(found) == n:
                    return list(found)
    return list(found)


@dataclass
class IndexEntry:
    term: Term
    kind: str
    definition: str | None
    usage: int


def index(store: ox.Store, labels: Labeller) -> dict[str, list[IndexEntry]]:
    """Classes, properties and controlled values of the ontology, with usage counts."""
    counts: dict[str, int] = {row["term"].value: int(row["n"].value) for row in store.query(_ALL_CLASS_USAGE)}
    for row in store.query(_PROPERTIES):
        counts[row["term"].value] = _count(store, _PROPERTY_USAGE, row["term"].value)
    sections: dict[str, list[IndexEntry]] = {
        "Classes": [],
        "Object properties": [],
        "Datatype properties": [],
        "Annotation properties": [],
        "Controlled values": [],
    }
    section_of = {
        str(OWL.Class): "Classes",
        str(OWL.ObjectProperty): "Object properties",
        str(OWL.DatatypeProperty): "Datatype properties",
        str(OWL.AnnotationProperty): "Annotation properties",
    }
    seen = set()
    for q in store.quads_for_pattern(None, _N(str(RDF.type)), None, _ONT):
        s = q.subject
        if not isinstance(s, ox.NamedNode) or not s.value.startswith(str(CSTO)) or s.value in seen:
            continue
        t = q.object.value
        if t in section_of:
            section, kind = section_of[t], _KINDS[t]
        elif t in (str(OWL.FunctionalProperty),) or t == str(OWL.Ontology):
            continue
        elif t == str(SKOS.ConceptScheme):
            section, kind = "Controlled values", "concept scheme"
        else:
            section, kind = "Controlled values", labels(t)
        seen.add(s.value)
        definition = _lit(_ont_objects(store, s.value, SKOS.definition))
        usage = counts.get(s.value)
        if usage is None:
            usage = _count(store, _VALUE_USAGE, s.value)
        sections[section].append(IndexEntry(term_view(labels, s), kind, definition, usage))
    for entries in sections.values():
        entries.sort(key=lambda e: e.term.text.lower())
    return {k: v for k, v in sections.items() if v}
