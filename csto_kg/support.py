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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .derive import bounds
from .indexed_graph import dataset_view
from .loader import LoadedData
from .namespaces import (
    CSTO,
    DCTERMS,
    GRAPH,
    INFERRED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    STATEMENT,
    XSD,
    curie,
    is_seed_graph,
)

__all__ = [
    "EXEMPT",
    "FILE_FACTS",
    "exempt",
    "Statement",
    "FileFacts",
    "file_facts",
    "dataset_quads",
    "support_triples",
    "support_of",
    "curated_file_facts",
    "curated_graph_ids",
    "derive_support",
    "seed_graph_ids",
]

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, Node]
Quads = Callable[[tuple[Node | None, Node | None, Node | None]], Iterable[Quad]]  # (s, p, o) pattern -> quads

# Properties that need no csto:supportsProperty and get no statement: what the node is, its
# summary, the curator's notes, and the provenance link itself.
EXEMPT = frozenset({RDF.type, RDFS.label, RDFS.comment, SKOS.note, CSTO.curatorNote, PROV.wasDerivedFrom})
# A source document's file facts: its file name and checksum (checked against the file itself by
# shape:SourceChecksumRule) and the link to its publication-date estimate (which has its own passages).
# No passage of the text states them.
FILE_FACTS = frozenset({DCTERMS.identifier, CSTO.sha256, CSTO.publicationDate})


def exempt(g: Graph, fact: Node, prop: Node) -> bool:
    """Does ``prop`` of ``fact`` need no passage (and get no statement of graph:support)?"""
    return _exempt(prop, lambda: (fact, RDF.type, CSTO.SourceDocument) in g)


def _exempt(prop: Node, is_document: Callable[[], bool]) -> bool:
    return prop in EXEMPT or (prop in FILE_FACTS and is_document())


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


@lru_cache(maxsize=1 << 16)
def _n3(term: Node) -> str:
    """A term's N-Triples form (cached: a graph, a fact and a property recur in many statements)."""
    return term.n3()


@dataclass(frozen=True)
class Statement:
    """One curated value: ``subject predicate object`` as stated in ``graph``, supported by ``evidence``."""

    graph: URIRef
    subject: Node
    predicate: URIRef
    object: Node
    evidence: tuple[Node, ...]

    @cached_property
    def iri(self) -> URIRef:
        key = "\x1f".join(_n3(t) for t in (self.graph, self.subject, self.predicate, self.object))
        return STATEMENT[hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]]

    @property
    def seed(self) -> str:
        return str(self.graph)[len(str(GRAPH)) :]


def seed_graph_ids(graph_ids: Iterable[URIRef]) -> list[URIRef]:
    """The named graphs holding what one seed says (``graph:<nnn>_<hash>``), sorted."""
    return sorted(g for g in graph_ids if is_seed_graph(str(g)))


@dataclass
class FileFacts:
    """What one curated file (named graph) says about its fact nodes, the subjects with evidence there.

    Built once for all files by :func:`file_facts`; the support derivation and the support rules
    (csto_kg/validation/rules/support.py) read it instead of asking the store fact by fact.
    """

    graph: URIRef
    values: dict[Node, list[tuple[Node, Node]]] = field(default_factory=dict)  # fact -> its (p, o) in this file
    supports: dict[Node, set[Node]] = field(default_factory=dict)  # evidence -> its csto:supportsProperty here

    @cached_property
    def evidence(self) -> dict[Node, list[Node]]:
        """Fact -> its evidence nodes in this file (``prov:wasDerivedFrom``), sorted."""
        return {f: sorted({o for p, o in po if p == PROV.wasDerivedFrom}, key=str) for f, po in self.values.items()}

    @cached_property
    def types(self) -> dict[Node, set[Node]]:
        """Fact -> its classes (``rdf:type``) in this file."""
        return {f: {o for p, o in po if p == RDF.type} for f, po in self.values.items()}

    def facts_saying(self, props: frozenset) -> list[tuple[Node, list[tuple[Node, Node]]]]:
        """(fact, its (p, o) whose p is in ``props``) for each fact saying one, sorted by the fact's text; each list in
        :attr:`values`' order. What a rule reading a few properties iterates: sorting every fact's every value by
        text to keep a few cost the rules ~200 k ``sorted`` calls at 1e5."""
        out = [(f, kept) for f, po in self.values.items() if (kept := [t for t in po if t[0] in props])]
        out.sort(key=lambda kv: str(kv[0]))
        return out

    def is_a(self, fact: Node, cls: Node) -> bool:
        return cls in self.types.get(fact, ())

    def exempt(self, fact: Node, prop: Node) -> bool:
        """Does ``prop`` of ``fact`` need no passage here (and get no statement of graph:support)?"""
        return _exempt(prop, lambda: self.is_a(fact, CSTO.SourceDocument))

    def supporting(self, fact: Node, prop: Node) -> tuple[list[Node], bool]:
        """The evidence nodes of ``fact`` in this file that support its ``prop`` values.

        Returns ``(evidence, declared)``: with one evidence node, that node (declared);
        with several, those whose ``csto:supportsProperty`` names ``prop`` (declared if
        any does); if none does, all of them (not declared: the curator has not said).
        """
        evidence = self.evidence.get(fact, [])
        if len(evidence) <= 1:
            return list(evidence), True
        chosen = [ev for ev in evidence if prop in self.supports.get(ev, ())]
        return (chosen, True) if chosen else (list(evidence), False)

    def statements(self) -> Iterator[Statement]:
        """Every curated value of every fact node of this file."""
        for fact in sorted(self.values, key=str):
            for p, o in sorted(self.values[fact], key=lambda po: (str(po[0]), _n3(po[1]))):
                if not self.exempt(fact, p):
                    yield Statement(self.graph, fact, p, o, tuple(self.supporting(fact, p)[0]))


def file_facts(quads: Quads, graph_ids: Iterable[URIRef]) -> dict[URIRef, FileFacts]:
    """Graph id -> its :class:`FileFacts`, for the named graphs ``graph_ids`` of a quad source.

    Three pattern lookups in all: the ``prov:wasDerivedFrom`` and ``csto:supportsProperty`` quads
    (predicate index), and each fact's own quads (subject index), so the work is linear in what
    the facts say, however many files there are.
    """
    out = {gid: FileFacts(gid) for gid in graph_ids}
    facts: dict[Node, set[URIRef]] = {}
    for s, _, _, gid in quads((None, PROV.wasDerivedFrom, None)):
        if gid in out:
            facts.setdefault(s, set()).add(gid)
    for fact, gids in facts.items():
        for _, p, o, gid in quads((fact, None, None)):
            if gid in gids:
                out[gid].values.setdefault(fact, []).append((p, o))
    for ev, _, prop, gid in quads((None, CSTO.supportsProperty, None)):
        if gid in out:
            out[gid].supports.setdefault(ev, set()).add(prop)
    return out


def dataset_quads(ds: Dataset) -> Quads:
    """A dataset as a quad source: a pattern's quads with the graph's IRI last."""

    def quads(pattern):
        for s, p, o, c in ds.quads((*pattern, None)):
            yield s, p, o, (c.identifier if hasattr(c, "identifier") else c)

    return quads


def _graphs_quads(graphs: dict[URIRef, Graph]) -> Quads:
    """Standalone graphs (graph IRI -> graph) as a quad source."""

    def quads(pattern):
        for gid, g in graphs.items():
            for s, p, o in g.triples(pattern):
                yield s, p, o, gid

    return quads


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
    files = file_facts(_graphs_quads(graphs), seed_graph_ids(graphs))
    return _support(files, set(ontology.subjects(RDF.type, OWL.FunctionalProperty)))


def _support(files: dict[URIRef, FileFacts], functional: set[Node]) -> set[Triple]:
    """The triples of ``graph:support`` for the seed files ``files`` (``functional``: the functional properties)."""
    by_value: dict[tuple[Node, Node], dict[Node, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    out: set[Triple] = set()
    add = out.add
    for gid in sorted(files):
        for st in files[gid].statements():
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
        _add_ranks(add, prop, values, functional)
    _n3.cache_clear()  # it serves one derivation; its terms would keep the dataset's memory from being freed
    return out


def _add_ranks(add, prop: Node, values: dict[Node, list[Statement]], functional: set[Node]) -> None:
    """The ranks (and reasons, and disagreements) of the statements giving one node its ``prop`` values."""
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


def support_of(data: LoadedData, facts: dict[URIRef, FileFacts] | None = None) -> set[Triple]:
    """The triples of ``graph:support`` for loaded data (the build writes them to its N-Quads and store).

    ``facts``: :func:`file_facts` of the loaded dataset for graphs including every seed's, where the caller has
    them (the build, whose rules read the same: :func:`curated_file_facts`); a file's facts are the same whichever
    other graphs are asked with it."""
    ds = dataset_view(data.dataset)  # read through the store's indexes (csto_kg.indexed_graph)
    seeds = seed_graph_ids(data.files)
    if facts is None:
        facts = file_facts(dataset_quads(ds), seeds)
    files = {gid: facts[gid] for gid in seeds}
    return _support(files, set(ds.graph(ONTOLOGY_GRAPH).subjects(RDF.type, OWL.FunctionalProperty)))


def curated_graph_ids(graph_ids: Iterable[URIRef]) -> list[URIRef]:
    """The curated named graphs (one per ``kg/`` file) of ``graph_ids``: not the ontology, inferred or meta graph."""
    return [g for g in graph_ids if g not in (ONTOLOGY_GRAPH, INFERRED_GRAPH, META_GRAPH)]


def curated_file_facts(data: LoadedData) -> dict[URIRef, FileFacts]:
    """Curated graph -> what it says about its fact nodes: what the support derivation and the rules read.

    Each file's :attr:`~FileFacts.evidence` and :attr:`~FileFacts.types` are made at once, beside the facts, for
    what lives on: made later, by the support derivation, among its own objects, they kept ~300 MB of the memory
    those freed from going back (1e6, the build process after graph:support: 1,360 MB against 1,076)."""
    facts = file_facts(dataset_quads(dataset_view(data.dataset)), curated_graph_ids(data.files))
    for f in facts.values():
        f.evidence, f.types  # noqa: B018 - cached properties, made now (see above)
    return facts
