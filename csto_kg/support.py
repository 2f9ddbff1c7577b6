"""Which passage supports which value: the derived graph ``graph:support``.

Evidence hangs on fact nodes (``prov:wasDerivedFrom``), one set per curated
file. Where a fact has several evidence nodes in one file, each says which
properties it supports (``csto:supportsProperty``); a fact with one evidence
node in a file has every value it has in that file supported by it
(kg/README.md, "Per-statement evidence").

From that the build derives, for every curated value of every fact node of
every seed graph, one W3C RDF reification (RDF 1.1 Semantics, section
"Reification"; ``rdf:Statement``): ``rdf:subject`` / ``rdf:predicate`` /
``rdf:object`` the value, ``prov:wasDerivedFrom`` the passage(s) supporting it,
``csto:statedIn`` the seed's named graph, and ``csto:rank`` (with
``csto:rankReason`` wherever sources give a node several values that
compete). Statement IRIs are ``https://w3id.org/csto-kg/statement/<hash>``, a
hash of (graph, subject, predicate, object): the same value stated in the
same file keeps its IRI from build to build.

Ranks, as Wikidata ranks statements. A property *competes* when a node should
have one value of it: a date (``xsd:date`` / ``xsd:gYearMonth`` /
``xsd:gYear`` literal), a number, or an ``owl:FunctionalProperty``. Where the
seeds give one node several different values of a competing property:

- if every pair is compatible (dates whose spans nest, as ``2022`` contains
  ``2022-01`` contains ``2022-01-06``), the most precise value is
  ``csto:PreferredRank`` and the others ``csto:NormalRank``, each with its reason;
- otherwise every value is ``csto:NormalRank``, and each pair of statements
  that conflict is linked by ``csto:disagreesWith`` (queries/disagreements.rq).

Every other statement is ``csto:NormalRank`` with no reason. Nothing is
widened, merged or dropped: every value keeps its own statement and source.
Date spans come from :func:`csto_kg.derive.bounds`, the build's one rule for them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .derive import bounds
from .loader import LoadedData
from .namespaces import (
    CSTO,
    DCTERMS,
    GRAPH,
    ONTOLOGY_GRAPH,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    STATEMENT,
    SUPPORT_GRAPH,
    XSD,
    curie,
)

__all__ = [
    "EXEMPT",
    "FILE_FACTS",
    "exempt",
    "Statement",
    "supporting_evidence",
    "statements",
    "support_triples",
    "derive_support",
    "add_support",
    "seed_graph_ids",
]

Triple = tuple[Node, Node, Node]

# Properties that need no csto:supportsProperty and get no statement: what the node is, its
# summary, the curator's notes, and the provenance link itself.
EXEMPT = frozenset({RDF.type, RDFS.label, RDFS.comment, SKOS.note, CSTO.curatorNote, PROV.wasDerivedFrom})
# A source document's file facts: its file name and checksum (checked against the file itself by
# shape:SourceChecksumRule) and the link to its publication-date estimate (which has its own passages).
# No passage of the text states them.
FILE_FACTS = frozenset({DCTERMS.identifier, CSTO.sha256, CSTO.publicationDate})


def exempt(g: Graph, fact: Node, prop: Node) -> bool:
    """Does ``prop`` of ``fact`` need no passage (and get no statement of graph:support)?"""
    return prop in EXEMPT or (prop in FILE_FACTS and (fact, RDF.type, CSTO.SourceDocument) in g)


_DATES = {XSD.date, XSD.gYearMonth, XSD.gYear}
_NUMBERS = {
    XSD.integer,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.int,
    XSD.long,
    XSD.nonNegativeInteger,
    XSD.positiveInteger,
}
_PRECISION = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}


@dataclass(frozen=True)
class Statement:
    """One curated value: ``subject predicate object`` as stated in ``graph``, supported by ``evidence``."""

    graph: URIRef
    subject: Node
    predicate: URIRef
    object: Node
    evidence: tuple[Node, ...]

    @property
    def iri(self) -> URIRef:
        key = "\x1f".join(t.n3() for t in (self.graph, self.subject, self.predicate, self.object))
        return STATEMENT[hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]]

    @property
    def seed(self) -> str:
        return str(self.graph)[len(str(GRAPH)) :]


def seed_graph_ids(graph_ids: Iterable[URIRef]) -> list[URIRef]:
    """The named graphs holding what one seed says (``graph:<nnn>_<hash>``), sorted."""
    return sorted(g for g in graph_ids if str(g).startswith(str(GRAPH)) and str(g)[len(str(GRAPH)) :][:3].isdigit())


def supporting_evidence(g: Graph, fact: Node, prop: Node) -> tuple[list[Node], bool]:
    """The evidence nodes of ``fact`` in file graph ``g`` that support its ``prop`` values.

    Returns ``(evidence, declared)``: with one evidence node, that node (declared);
    with several, those whose ``csto:supportsProperty`` names ``prop`` (declared if
    any does); if none does, all of them (not declared: the curator has not said).
    """
    evidence = sorted(set(g.objects(fact, PROV.wasDerivedFrom)), key=str)
    if len(evidence) <= 1:
        return evidence, True
    chosen = [ev for ev in evidence if (ev, CSTO.supportsProperty, prop) in g]
    return (chosen, True) if chosen else (evidence, False)


def statements(g: Graph, graph_id: URIRef) -> Iterator[Statement]:
    """Every curated value of every fact node (a subject with evidence) of one seed graph."""
    for fact in sorted(set(g.subjects(PROV.wasDerivedFrom, None)), key=str):
        for p, o in sorted(g.predicate_objects(fact), key=lambda po: (str(po[0]), po[1].n3())):
            if exempt(g, fact, p):
                continue
            evidence, _ = supporting_evidence(g, fact, p)
            yield Statement(graph_id, fact, p, o, tuple(evidence))


def _competes(prop: Node, values: Iterable[Node], functional: set[Node]) -> bool:
    if prop in functional:
        return True
    return all(isinstance(v, Literal) and (v.datatype in _DATES or v.datatype in _NUMBERS) for v in values)


def _show(value: Node, seeds: Iterable[str], detail: str = "") -> str:
    shown = f'"{value}"' if isinstance(value, Literal) else (curie(str(value)) or f"<{value}>")
    return f"{shown} ({detail}{'seed' if len(list(seeds)) == 1 else 'seeds'} {', '.join(sorted(seeds))})"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rank_group(values: dict[Node, list[Statement]]) -> tuple[dict[Node, tuple[URIRef, str]], list[tuple[Node, Node]]]:
    """Ranks and reasons for the distinct values sources give one node for one competing property.

    Returns (value -> (rank, reason), conflicting value pairs).
    """
    seeds = {v: sorted({st.seed for st in sts}) for v, sts in values.items()}
    spans = {v: bounds(v) if isinstance(v, Literal) and v.datatype in _DATES else None for v in values}
    vals = sorted(values, key=lambda v: v.n3())
    conflicts = []
    for i, a in enumerate(vals):
        for b in vals[i + 1 :]:
            sa, sb = spans[a], spans[b]
            nested = (
                sa is not None
                and sb is not None
                and ((sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1]))
            )
            if not nested:
                conflicts.append((a, b))
    if conflicts:
        out = {}
        for v in vals:
            others = [b if a == v else a for a, b in conflicts if v in (a, b)]
            if others:
                reason = (
                    f"Sources disagree: {_show(v, seeds[v])} conflicts with "
                    f"{_and([_show(o, seeds[o]) for o in others])}; no value is preferred."
                )
            else:
                reason = (
                    "Compatible with some values, but the sources disagree on this property; no value is preferred."
                )
            out[v] = (CSTO.NormalRank, reason)
        return out, conflicts
    best = min(vals, key=lambda v: (spans[v][1] - spans[v][0], v.n3()))  # the narrowest span
    best_precision = _PRECISION.get(best.datatype, "value")
    others = [v for v in vals if v != best]
    out = {
        best: (
            CSTO.PreferredRank,
            f"The most precise of the compatible values the sources give: "
            f"{_show(best, seeds[best], f'to the {best_precision}; ')} lies within "
            f"{_and([_show(v, seeds[v]) for v in others])}.",
        )
    }
    for v in others:
        out[v] = (
            CSTO.NormalRank,
            f"Less precise than the preferred value {_show(best, seeds[best])}, which lies within "
            f"this one, {_show(v, seeds[v])}.",
        )
    return out, []


def derive_support(graphs: dict[URIRef, Graph], ontology: Graph) -> Graph:
    """The triples of ``graph:support`` for the seed graphs ``graphs`` (graph IRI -> graph), as a graph."""
    out = Graph()
    for t in support_triples(graphs, ontology):
        out.add(t)
    return out


def support_triples(graphs: dict[URIRef, Graph], ontology: Graph) -> set[Triple]:
    """The triples of ``graph:support`` for the seed graphs ``graphs`` (graph IRI -> graph)."""
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    by_value: dict[tuple[Node, Node], dict[Node, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    out: set[Triple] = set()
    add = out.add
    for gid in seed_graph_ids(graphs):
        for st in statements(graphs[gid], gid):
            by_value[(st.subject, st.predicate)][st.object].append(st)
            node = st.iri
            add((node, RDF.type, RDF.Statement))
            add((node, RDF.subject, st.subject))
            add((node, RDF.predicate, st.predicate))
            add((node, RDF.object, st.object))
            add((node, CSTO.statedIn, gid))
            for ev in st.evidence:
                add((node, PROV.wasDerivedFrom, ev))
    for (_, prop), values in by_value.items():
        ranked: dict[Node, tuple[URIRef, str]] = {}
        conflicts: list[tuple[Node, Node]] = []
        if len(values) > 1 and _competes(prop, values, functional):
            ranked, conflicts = _rank_group(values)
        for value, sts in values.items():
            rank, reason = ranked.get(value, (CSTO.NormalRank, None))
            for st in sts:
                add((st.iri, CSTO.rank, rank))
                if reason:
                    add((st.iri, CSTO.rankReason, Literal(reason)))
        for a, b in conflicts:
            for sa in values[a]:
                for sb in values[b]:
                    add((sa.iri, CSTO.disagreesWith, sb.iri))
                    add((sb.iri, CSTO.disagreesWith, sa.iri))
    return out


def add_support(data: LoadedData) -> int:
    """Add ``graph:support`` to the loaded dataset; returns its triple count."""
    ds = data.dataset
    seeds = set(seed_graph_ids(data.files))
    graphs = {gid: Graph() for gid in seeds}  # standalone copies: pattern lookups in a Dataset's graph scan all graphs
    for s, p, o, c in ds.quads((None, None, None, None)):
        gid = c.identifier if hasattr(c, "identifier") else c
        if gid in seeds:
            graphs[gid].add((s, p, o))
    target = ds.graph(SUPPORT_GRAPH)
    target.addN((s, p, o, target) for s, p, o in support_triples(graphs, ds.graph(ONTOLOGY_GRAPH)))
    return len(target)
