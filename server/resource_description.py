"""The description of one resource, as RDF clients get it: a CBD-like set of quads.

For an IRI ``r`` the description is

- every quad with ``r`` as subject, and every quad with ``r`` as object (incoming);
- each statement in the named graph(s) holding it, never again as the default graph's copy (the union);
- the blank nodes reachable from ``r`` (their quads, recursively: e.g. selectors), each once: the
  default graph's copy of a named graph's blank node (a node of its own there) is left out;
- for a fact, its evidence nodes (the objects of ``prov:wasDerivedFrom``) with
  their quads and blank nodes (``oa:TextQuoteSelector`` and ``oa:TextPositionSelector``);
- for a named graph nothing describes (``graph:meta``), its type and size;
- the graph:support statements whose ``rdf:subject`` or ``rdf:object`` is ``r``, each with its own quads
  (``rdf:predicate``, ``csto:rank``, ``prov:wasDerivedFrom`` …: which passage supports which value), unless
  ``r`` is a term of the vocabulary or a named graph (whose statements are the data's usage of it: the
  page of ``csto:NormalRank`` is linked by every statement) or names more than :data:`EXPANDED_STATEMENTS`
  (the curated graph's most: 258, the CSTO's); past that they stay the one quad linking them to ``r``;
- the ``rdfs:label`` and asserted ``rdf:type`` of every other IRI the description names as subject or
  object (not a statement's), and the label of each class those types name, when it names at most
  :data:`LABELLED` (past that, none: ``csto:NormalRank``);
- the IRIs ``r#…`` that ``r`` links to (``/dataset``'s class and property partitions, its linkset), with their
  quads and blank nodes: a hash IRI dereferences to ``r`` (RFC 3986 leaves the fragment to the client), so
  ``r``'s document is the one that describes them.

Quads keep their named graph (which seed said it, or ``graph:inferred``).
Lookups go straight to the read-only Oxigraph store by pattern: bounded, no
user input ever reaches a query string.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

import pyoxigraph as ox

from csto_kg.jsonld import compact
from csto_kg.namespaces import (
    BASE,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    PROV,
    RDF,
    RDFS,
    SUPPORT_GRAPH,
    VOID,
    XSD,
    is_seed_graph,
)
from csto_kg.query import xml_safe
from csto_kg.representable import check_graph

from .rdf_formats import RdfFormat
from .remembered import Remembered

__all__ = [
    "exists",
    "description",
    "fragments",
    "huge_incoming",
    "incoming_sample",
    "HUGE_INCOMING",
    "Descriptions",
    "serialize",
    "local_path",
    "graph_quads",
    "PREFIXES_FOR_OUTPUT",
]

_DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
_SUPPORT = ox.NamedNode(str(SUPPORT_GRAPH))
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))
_INFERRED = ox.NamedNode(str(INFERRED_GRAPH))
_SUBJECT, _OBJECT = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.object))
_LABEL = ox.NamedNode(str(RDFS.label))
_STATEMENTS = BASE + "statement/"
# Bounds of a description (module docstring): the statements expanded, the resources labelled.
EXPANDED_STATEMENTS = 1_000
LABELLED = 2_000
_MAX_BNODE_DEPTH = 4

from csto_kg.namespaces import PREFIXES  # noqa: E402

PREFIXES_FOR_OUTPUT = {**PREFIXES, "shape": BASE + "shapes/"}


def local_path(iri: str) -> str | None:
    """The path this server serves ``iri`` at, for IRIs under BASE (``/id/armenia``)."""
    return "/" + iri[len(BASE) :] if iri.startswith(BASE) else None


def exists(store: ox.Store, iri: str) -> bool:
    """Whether the dataset mentions ``iri`` as subject, predicate, object or graph name
    (never, for a string that is no IRI: a request path with spaces or invalid bytes)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return (
        any(True for _ in store.quads_for_pattern(node, None, None, None))
        or any(True for _ in store.quads_for_pattern(None, None, node, None))
        or any(True for _ in store.quads_for_pattern(None, node, None, None))
        or any(True for _ in store.quads_for_pattern(None, None, None, node))
    )


def _without_union_copies(quads: list[ox.Quad]) -> list[ox.Quad]:
    """``quads`` less the default graph's copies of named-graph statements whose value is a blank node.

    The store's default graph is the union of the named graphs, and a blank node copied there is another
    node (``_:a`` in graph 001 is ``_:b`` in the union): an evidence node's two selectors came out four, in
    the RDF and on its page. Where a named graph gives the subject that property, its own values are kept.
    """
    named = {(q.subject, q.predicate) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    return [
        q
        for q in quads
        if isinstance(q.graph_name, ox.NamedNode)
        or not isinstance(q.object, ox.BlankNode)
        or (q.subject, q.predicate) not in named
    ]


def _named_only(quads: list[ox.Quad]) -> list[ox.Quad]:
    """``quads`` less each default-graph quad whose triple a named graph of ``quads`` holds: the store's default
    graph is their union, so its copy said every statement a second time in TriG and N-Quads, in no graph the
    dumps have, without which seed said it. A triple in the default graph alone (a store of one graph) stays."""
    named = {(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    return [
        q for q in quads if isinstance(q.graph_name, ox.NamedNode) or (q.subject, q.predicate, q.object) not in named
    ]


def _with_bnodes(store: ox.Store, quads: list[ox.Quad], seen: set) -> list[ox.Quad]:
    quads = _without_union_copies(quads)
    out = list(quads)
    frontier = [q.object for q in quads if isinstance(q.object, ox.BlankNode)]
    depth = 0
    while frontier and depth < _MAX_BNODE_DEPTH:
        nxt = []
        for b in frontier:
            if b in seen:
                continue
            seen.add(b)
            for q in _without_union_copies(list(store.quads_for_pattern(b, None, None, None))):
                out.append(q)
                if isinstance(q.object, ox.BlankNode):
                    nxt.append(q.object)
        frontier, depth = nxt, depth + 1
    return out


# Links by one property into one resource past which its page reads a sample of them, not all (the generated 1e6
# project: 327,000 value supports rank csto:NormalRank, whose page read 650,000 quads and took 10.8 s); the
# curated graph's largest such group is 5,482. Its RDF description has them all.
HUGE_INCOMING = 20_000


def huge_incoming(store: ox.Store, iri: str) -> dict[str, int]:
    """{property: how many resources link to ``iri`` by it} for the properties of more than :data:`HUGE_INCOMING`
    such links; {} at once where ``iri`` has fewer incoming quads than that in all (most resources)."""
    node = ox.NamedNode(iri)
    if next(islice(store.quads_for_pattern(None, None, node, None), HUGE_INCOMING, None), None) is None:
        return {}
    rows = store.query(f"SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p <{iri}> }} GROUP BY ?p")
    return {r["p"].value: int(r["n"].value) for r in rows if int(r["n"].value) > HUGE_INCOMING}


def incoming_sample(store: ox.Store, iri: str, predicate: str, subjects: int) -> list[ox.Quad]:
    """The quads of the first ``subjects`` resources (in the store's order) linking to ``iri`` by ``predicate``."""
    out, kept = [], set()
    for q in store.quads_for_pattern(None, ox.NamedNode(predicate), ox.NamedNode(iri), None):
        if q.subject not in kept:
            if len(kept) == subjects:
                break
            kept.add(q.subject)
        out.append(q)
    return out


def description(store: ox.Store, iri: str, without: Iterable[str] = ()) -> list[ox.Quad]:
    """The quads describing ``iri`` (see the module docstring), without duplicates; ``without``: properties whose
    links into ``iri`` are left out (a page reads a sample of a huge group: :func:`huge_incoming`)."""
    node = ox.NamedNode(iri)
    seen: set = set()
    outgoing = _with_bnodes(store, list(store.quads_for_pattern(node, None, None, None)), seen)
    outgoing += _hash_iris(store, node, outgoing, seen)
    left_out = {ox.NamedNode(p) for p in without}
    if left_out:  # each other property's links read by its own index: the left-out ones are never walked
        kept = {r["p"] for r in store.query(f"SELECT DISTINCT ?p WHERE {{ ?s ?p <{iri}> }}")}
        incoming = [q for p in kept - left_out for q in store.quads_for_pattern(None, p, node, None)]
    else:
        incoming = list(store.quads_for_pattern(None, None, node, None))
    named_in = {
        q.predicate for q in incoming if isinstance(q.graph_name, ox.NamedNode) and isinstance(q.subject, ox.BlankNode)
    }
    incoming = [  # the same for a blank node that refers to ``node``: the union's copy of it is left out
        q
        for q in incoming
        if isinstance(q.graph_name, ox.NamedNode)
        or not isinstance(q.subject, ox.BlankNode)
        or q.predicate not in named_in
    ]
    evidence: list[ox.Quad] = []
    for ev in {
        q.object
        for q in outgoing
        if q.predicate == _DERIVED_FROM and q.subject == node and isinstance(q.object, ox.NamedNode)
    }:
        evidence += _with_bnodes(store, list(store.quads_for_pattern(ev, None, None, None)), seen)
    if not evidence:
        evidence = _owners_evidence(store, node, incoming, seen)
    statements = _statements(store, node, incoming)
    quads = list(dict.fromkeys(outgoing + incoming + evidence + statements))
    quads = _named_only(list(dict.fromkeys(quads + _labels_of_linked(store, node, quads))))
    if not outgoing:
        quads += _bare_graph(store, node)
    return quads


def _statements(store: ox.Store, node: ox.NamedNode, incoming: list[ox.Quad]) -> list[ox.Quad]:
    """The quads of each graph:support statement whose rdf:subject or rdf:object is ``node`` (module docstring)."""
    if any(True for _ in store.quads_for_pattern(node, _TYPE, None, _ONTOLOGY)) or any(
        True for _ in store.quads_for_pattern(None, None, None, node)
    ):
        return []  # a term of the vocabulary, a named graph
    found = dict.fromkeys(
        q.subject
        for q in incoming
        if q.graph_name == _SUPPORT and q.predicate in (_SUBJECT, _OBJECT) and isinstance(q.subject, ox.NamedNode)
    )
    if len(found) > EXPANDED_STATEMENTS:
        return []
    return [q for st in found for q in store.quads_for_pattern(st, None, None, _SUPPORT)]


def _labels_of_linked(store: ox.Store, node: ox.NamedNode, quads: list[ox.Quad]) -> list[ox.Quad]:
    """The rdfs:label and asserted rdf:type of each IRI ``quads`` name as subject or object but ``node``, its own
    ``#`` IRIs and the statements (module docstring); none past :data:`LABELLED` such IRIs."""
    own = node.value + "#"
    linked = {
        t
        for q in quads
        for t in (q.subject, q.object)
        if isinstance(t, ox.NamedNode)
        and t != node
        and not t.value.startswith(own)
        and not t.value.startswith(_STATEMENTS)
    }
    if len(linked) > LABELLED:
        return []
    out: list[ox.Quad] = []
    for t in sorted(linked, key=lambda n: n.value):
        out += [
            q
            for q in store.quads_for_pattern(t, _TYPE, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != _INFERRED
        ]
    classes = {q.object for q in out if isinstance(q.object, ox.NamedNode)} - linked - {node}
    for t in sorted(linked | classes, key=lambda n: n.value):  # the classes of those types labelled too
        out += [q for q in store.quads_for_pattern(t, _LABEL, None, None) if isinstance(q.graph_name, ox.NamedNode)]
    return out


def _hash_iris(store: ox.Store, node: ox.NamedNode, outgoing: list[ox.Quad], seen: set) -> list[ox.Quad]:
    """The quads (with their blank nodes) of each ``node#…`` IRI ``node`` links to; none for a hash IRI itself."""
    if "#" in node.value:
        return []
    prefix = node.value + "#"
    out: list[ox.Quad] = []
    for h in dict.fromkeys(
        q.object for q in outgoing if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(prefix)
    ):
        out += _with_bnodes(store, list(store.quads_for_pattern(h, None, None, None)), seen)
    return out


def fragments(quads: Iterable[ox.Quad], iri: str) -> dict[ox.NamedNode, list[ox.Quad]]:
    """``iri``'s description's quads about its own hash IRIs (``iri#…``), by subject, in their order."""
    prefix = iri + "#"
    out: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(prefix):
            out.setdefault(q.subject, []).append(q)
    return out


class Descriptions:
    """:func:`description` of ``store``, remembered per IRI: a page and each RDF format of one resource ask for the
    same description (a browser, then a client negotiating Turtle or JSON-LD; the description of a hub entity, a
    graph or an ontology term takes a fraction of a second). Bounded by the quads held (least recently used out;
    ~0.5 kB a quad: the default ~50 MB); the store is read-only, and the app makes a new one for another store.
    Each caller gets a list of its own."""

    def __init__(self, store: ox.Store, quads: int = 100_000) -> None:
        self.store = store
        self._remembered = Remembered(lambda iri: tuple(description(store, iri)), budget=quads, weight=len)

    def __call__(self, iri: str) -> list[ox.Quad]:
        return list(self._remembered(iri))


_TYPE = ox.NamedNode(str(RDF.type))


def _is_seed_graph(graph) -> bool:
    return isinstance(graph, ox.NamedNode) and is_seed_graph(graph.value)


def _owners_evidence(store: ox.Store, node: ox.NamedNode, incoming: list[ox.Quad], seen: set) -> list[ox.Quad]:
    """For a part of a fact (a node a seed's graph types that has no evidence of its own: a csto:Change, a
    csto:RelativeTime, a csto:MarkedReading, a comparison's side), the provenance of the facts it belongs to: each
    owner's ``prov:wasDerivedFrom`` statements and evidence nodes with their selectors, so the document a client
    dereferences holds the passage (a change node's RDF named its fact and no passage). Not for an entity (typed in
    graph:entities), whose many referring facts are one click away."""
    types = [q for q in store.quads_for_pattern(node, _TYPE, None, None) if isinstance(q.graph_name, ox.NamedNode)]
    if not types or not all(_is_seed_graph(q.graph_name) for q in types):
        return []  # an entity, an ontology term (typed in graph:ontology), a graph (in graph:meta): no fact's part
    out: list[ox.Quad] = []
    owners = {q.subject for q in incoming if isinstance(q.subject, ox.NamedNode) and _is_seed_graph(q.graph_name)}
    expanded: set = set()  # an evidence node several owners share is read once: again, it added only its quads again
    for owner in sorted(owners, key=lambda o: o.value):
        links = [
            q for q in store.quads_for_pattern(owner, _DERIVED_FROM, None, None) if isinstance(q.object, ox.NamedNode)
        ]
        out += links
        for ev in dict.fromkeys(q.object for q in links):
            if ev not in expanded:
                expanded.add(ev)
                out += _with_bnodes(store, list(store.quads_for_pattern(ev, None, None, None)), seen)
    return out


def _bare_graph(store: ox.Store, node: ox.NamedNode) -> list[ox.Quad]:
    """A named graph the dataset description does not describe (``graph:meta``, which holds that
    description): it is still described, as a ``void:Dataset`` with its size."""
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, node))
    if not size:
        return []
    return [
        ox.Quad(node, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(VOID.Dataset))),
        ox.Quad(node, ox.NamedNode(str(VOID.triples)), ox.Literal(str(size), datatype=ox.NamedNode(str(XSD.integer)))),
    ]


def graph_quads(store: ox.Store, graph_iri: str) -> list[ox.Quad]:
    """Every quad of one named graph."""
    return list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))


def serialize(quads: Iterable[ox.Quad], fmt: RdfFormat, expanded: bool = False) -> bytes:
    """``quads`` in ``fmt``: TriG and N-Quads keep the named graphs, the others (JSON-LD included)
    get each triple once, in the default graph; JSON-LD compacted with the project's prefixes
    (:mod:`csto_kg.jsonld`) unless ``expanded``."""
    items: Iterable = quads
    if fmt.key not in ("trig", "nq"):
        items = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    prefixes = PREFIXES_FOR_OUTPUT if fmt.key in ("ttl", "trig", "rdf") else None
    items = list(items)
    check_graph(items, fmt.ox_format)
    body = ox.serialize(items, None, fmt.ox_format, prefixes=prefixes)
    if fmt.ox_format == ox.RdfFormat.JSON_LD and not expanded:
        return compact(body, PREFIXES_FOR_OUTPUT)
    return xml_safe(body) if fmt.ox_format == ox.RdfFormat.RDF_XML else body
