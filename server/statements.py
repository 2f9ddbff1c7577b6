"""A resource's statements as the pages list them: values with their passages, inferred repeats folded.

Turns the description quads (:mod:`.resource_description`) into rows, one per
property, each value with

- the seed graphs that state it and, under it, the passage(s) supporting it
  (:mod:`.value_support`: graph:support where built, else the fact's evidence
  in that graph), the preferred value first;
- what the build inferred *repeating* an asserted statement folded into it
  (a superclass type, a superproperty or an inverse linking the same two
  nodes, the same literal under a broader property): listed as "also" on
  the asserted value, never as a row of its own. Statements only the build
  makes (nothing asserted repeats them) stay, marked inferred.

Incoming links (other resources' statements with this one as value) are
grouped by property, for a collapsed list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox

from csto_kg.namespaces import GRAPH, INFERRED_GRAPH, OA, PROV, RDF, RDFS, SKOS, XSD

from . import dates
from .evidence_view import Evidence, evidence
from .labels import Labeller, curie
from .resource_description import local_path
from .value_support import Support, supports_for

__all__ = [
    "Term",
    "Passage",
    "Value",
    "Row",
    "InGroup",
    "term_view",
    "graph_badge",
    "out_rows",
    "in_groups",
    "Passages",
    "by_subject",
    "LISTED_PER_PREDICATE",
]

_TYPE = str(RDF.type)
_DERIVED_FROM = str(PROV.wasDerivedFrom)
_INFERRED = str(INFERRED_GRAPH)
_SUPPORT = str(GRAPH) + "support"
_FIRST = [_TYPE, str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.definition), str(RDFS.comment)]
_DATATYPE_NOTES = {
    str(XSD.gYear): "year",
    str(XSD.gYearMonth): "month",
    str(XSD.date): "day",
    str(XSD.dateTime): "date and time",
    str(XSD.boolean): "yes/no",
}
_HIDDEN_DATATYPES = {
    str(XSD.string),
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
    str(XSD.integer),
    str(XSD.decimal),
    str(XSD.nonNegativeInteger),
    str(XSD.positiveInteger),
}
LISTED_PER_PREDICATE = 200
_DATE_TYPES = {str(XSD.gYearMonth), str(XSD.date), str(XSD.dateTime)}
_NUMBER_TYPES = {
    str(XSD.integer),
    str(XSD.decimal),
    str(XSD.nonNegativeInteger),
    str(XSD.positiveInteger),
    str(XSD.int),
    str(XSD.long),
}
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
# Numbers that are positions, not amounts: a character offset reads as the seed's "characters 2353-2483" does.
_POSITIONS = {str(OA.start), str(OA.end)}


def readable_number(value: str) -> str:
    """A number as a reader writes it, thousands grouped ("2500" -> "2,500"); its digits and any
    fraction kept exactly as the source's value has them (the lexical form stays in the tooltip)."""
    if not _PLAIN_NUMBER.fullmatch(value):
        return value
    sign = "-" if value.startswith("-") else ""
    whole, _, frac = value.lstrip("+-").partition(".")
    whole = whole.lstrip("0") or "0"
    return f"{sign}{int(whole):,}" + (f".{frac}" if frac else "")


@dataclass
class Term:
    """One value as a page shows it."""

    text: str
    href: str | None = None
    title: str | None = None  # tooltip: the prefixed name or full IRI
    note: str | None = None  # datatype or language
    kind: str = "iri"  # iri | literal | bnode
    nested: list["Row"] = field(default_factory=list)  # a blank node's own statements
    graphs: list[tuple[str, str, str]] = field(default_factory=list)  # (href, short, title)
    iri: str | None = None  # the IRI, for an IRI value
    prefix: str | None = None  # words read before the value, outside its link ("by" Armenia)


@dataclass
class Passage:
    """A passage supporting one value in one seed graph."""

    evidence: Evidence
    graph: tuple[str, str, str]  # badge of the graph stating the value
    rank: str | None = None  # "preferred" | "normal" | None
    rank_reason: str | None = None
    supports: tuple[str, ...] = ()  # on a key fact: which of its values it supports ("from", "to", "date")
    source_title: str | None = None  # the source document's label: "003" alone names no publication

    @property
    def seed(self) -> str:
        return self.evidence.seed_id[:3] if self.evidence.seed_id else self.graph[1]


@dataclass
class Value:
    term: Term
    passages: list[Passage] = field(default_factory=list)
    also: list[Term] = field(default_factory=list)  # inferred repeats folded into this value
    inferred: bool = False  # only the build states it


@dataclass
class Row:
    predicate: Term
    values: list[Value]
    more: int = 0


@dataclass
class InGroup:
    """Resources whose statements have this one as value, by property."""

    predicate: Term
    subjects: list[Value]
    more: int = 0
    sampled: bool = False  # past HUGE_INCOMING resources: the listed ones are the first of a sample, by name


def graph_badge(labels: Labeller, g: str) -> tuple[str, str, str]:
    """(href, short name, title) of a named graph: a seed's graph is "000" (its title says which document)."""
    short = g[len(str(GRAPH)) :] if g.startswith(str(GRAPH)) else labels(g)
    title = labels.stored(g) or short
    if re.fullmatch(r"\d{3}_[0-9a-f]+", short):
        short = short[:3]
    return local_path(g) or g, short, title


def term_view(labels: Labeller, term, graphs=()) -> Term:
    badges = [graph_badge(labels, g) for g in sorted(graphs)]
    if isinstance(term, ox.NamedNode):
        iri = term.value
        return Term(labels(iri), local_path(iri) or iri, curie(iri), graphs=badges, iri=iri)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        note = f"@{term.language}" if term.language and term.language != "en" else None
        if not note and dt and dt not in _HIDDEN_DATATYPES:
            note = _DATATYPE_NOTES.get(dt, curie(dt))
        text = (
            dates.human(term)
            if dt in _DATE_TYPES
            else readable_number(term.value)
            if dt in _NUMBER_TYPES
            else term.value
        )
        return Term(text, None, term.value if text != term.value else None, note, "literal", graphs=badges)
    return Term("(blank node)", None, None, None, "bnode", graphs=badges)


class Passages:
    """Evidence views and value supports for one page, each read once (the store does not change while a page
    renders; the key statements, the sections and the disagreements ask for the same subjects' supports)."""

    def __init__(self, store: ox.Store, labels: Labeller, evidence_of=None, supports_of=None):
        """``evidence_of``: :func:`.evidence_view.evidence` of ``store`` by IRI, and ``supports_of``:
        :func:`.value_support.supports_for` of it by subject, where the caller remembers them across pages
        (:class:`.resource_page.PageMemory`: an evidence node is cited on many, 8,338 views of 255 nodes over the
        curated graph's pages; a fact's supports are read on the page of every resource it gives a role)."""
        self.store, self.labels = store, labels
        self._evidence_of = (lambda iri: evidence(store, iri)) if evidence_of is None else evidence_of
        self._supports_of = (lambda subject: supports_for(store, subject)) if supports_of is None else supports_of
        self._seen: dict[str, Evidence] = {}
        self._supports: dict[str, Mapping] = {}

    def supports(self, subject: str) -> Mapping:
        """:func:`value_support.supports_for` of ``subject``, read once per page."""
        if subject not in self._supports:
            self._supports[subject] = self._supports_of(subject)
        return self._supports[subject]

    def evidence(self, iri: str) -> Evidence:
        if iri not in self._seen:
            self._seen[iri] = self._evidence_of(iri)
        return self._seen[iri]

    def of(self, supports: list[Support]) -> list[Passage]:
        out = []
        for s in supports:
            rank = None if s.rank is None else ("preferred" if s.preferred else "normal")
            for ev in s.evidence:
                e = self.evidence(ev)
                title = self.labels(e.source) if e.source else None
                out.append(Passage(e, graph_badge(self.labels, s.graph), rank, s.rank_reason, source_title=title))
        return out


def _with_vocabulary(t: Term) -> str:
    """A term's label with its vocabulary's prefix: "person (prov)" for prov:Person; its text if it has none."""
    prefix = (t.title or "").partition(":")[0]
    return f"{t.text} ({prefix})" if prefix and not t.text.endswith(")") else t.text


def _add(table: dict, key, value, g: str | None) -> None:
    gs = table[key].setdefault(value, set())
    if g:
        gs.add(g)


def by_subject(quads: list[ox.Quad], node: ox.NamedNode) -> tuple[dict, dict]:
    """(subject -> property -> value -> graphs) for ``node`` and blank nodes; (property -> subject -> graphs) in.

    A default-graph quad that a named graph also holds is skipped (the served default graph is their union),
    and so are graph:support's statements about ``node`` (they show as passages, not as links).
    """
    out: dict = defaultdict(lambda: defaultdict(dict))
    incoming: dict = defaultdict(dict)
    named = {(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    support = {
        (q.subject, q.predicate, q.object)
        for q in quads
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == _SUPPORT
    }
    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
        triple = (q.subject, q.predicate, q.object)
        if (g is None and triple in named) or (triple in support and q.subject != node):
            continue
        if q.subject == node or isinstance(q.subject, ox.BlankNode):
            _add(out[q.subject], q.predicate.value, q.object, g)
        if q.object == node and q.subject != node:
            _add(incoming, q.predicate.value, q.subject, g)
    return out, incoming


def _order(labels: Labeller, pred: str) -> tuple:
    return (_FIRST.index(pred) if pred in _FIRST else len(_FIRST), pred == _DERIVED_FROM, labels(pred).lower())


def _value_order(labels: Labeller, term) -> tuple:
    if isinstance(term, ox.NamedNode):
        return (0, labels(term.value).lower())
    return (1, str(term))


def _asserted(graphs: set[str]) -> bool:
    return bool(graphs - {_INFERRED})


def _fold_targets(pairs: dict[str, dict]) -> dict:
    """Where an inferred-only value repeats an asserted one: value -> (property, value) it folds into."""
    asserted_at = {}
    for pred, objs in pairs.items():
        for obj, graphs in objs.items():
            if _asserted(graphs) and pred != _TYPE:
                asserted_at.setdefault(obj, (pred, obj))
    return asserted_at


def _fold(labels: Labeller, pairs: dict[str, dict], linked: set) -> tuple[dict, dict]:
    """(property -> [(value, graphs)] kept, (property, value) -> [Term] folded into it): see the module docstring."""
    targets = _fold_targets(pairs)
    folded: dict = defaultdict(list)  # (pred, obj) -> [Term of the folded property or type]
    kept: dict[str, list] = defaultdict(list)
    asserted_types = sorted((o for o, gs in pairs.get(_TYPE, {}).items() if _asserted(gs)), key=str)
    type_names = {labels(a.value) for a in asserted_types}
    for pred, objs in pairs.items():
        for obj, graphs in sorted(objs.items(), key=lambda kv: str(kv[0])):  # the same page whatever the store's order
            if _asserted(graphs):
                kept[pred].append((obj, graphs))
            elif pred == _TYPE and asserted_types:
                also = folded[(_TYPE, asserted_types[0])]
                t = term_view(labels, obj)
                if t.iri not in {a.iri for a in also}:
                    # another type reads the same (csto:Person, prov:Person, foaf:Person): each so named says its
                    # vocabulary, "person (prov)", as the ontology pages do; never hidden
                    if t.text in type_names:
                        t.text = _with_vocabulary(t)
                    for a in also:
                        if a.text == t.text:
                            a.text, t.text = _with_vocabulary(a), _with_vocabulary(t)
                    also.append(t)
            elif obj in targets:
                folded[targets[obj]].append(term_view(labels, ox.NamedNode(pred)))
            elif obj not in linked:  # else an inverse of a link listed under "referred to by"
                kept[pred].append((obj, graphs))
    return kept, folded


def _value(labels: Labeller, pred: str, obj, graphs: set, ctx: tuple) -> Value:
    nested, supports, passages, folded, depth = ctx
    t = term_view(labels, obj, graphs)
    if pred in _POSITIONS and isinstance(obj, ox.Literal):
        t.text, t.title = obj.value, None
    if isinstance(obj, ox.BlankNode) and depth < 3:
        t.nested = out_rows(labels, nested.get(obj, {}), nested, {}, None, depth=depth + 1)
        t.text = "details"
    ps = passages.of(supports.get((pred, obj), [])) if passages is not None and pred != _DERIVED_FROM else []
    return Value(t, ps, folded.get((pred, obj), []), not _asserted(graphs))


_PRECISION = {"day": 0, "month": 1, "year": 2}


def _rank_order(v: Value) -> tuple:
    """Preferred first, then dates from the most precise (a stable sort keeps the rest in label order)."""
    return (not any(p.rank == "preferred" for p in v.passages), _PRECISION.get(v.term.note or "", 0))


def out_rows(
    labels: Labeller,
    pairs: dict[str, dict],
    nested: dict,
    supports: dict,
    passages: Passages | None,
    linked: set = frozenset(),
    depth: int = 0,
) -> list[Row]:
    """Rows per property of ``pairs`` (property -> value -> graphs), inferred repeats folded (module docstring).

    ``linked`` holds the resources that link here with an asserted statement (an inferred inverse repeats them).
    """
    kept, folded = _fold(labels, pairs, linked)
    ctx = (nested, supports, passages, folded, depth)
    rows = []
    for pred in sorted(kept, key=lambda p: _order(labels, p)):
        items = sorted(kept[pred], key=lambda kv: _value_order(labels, kv[0]))
        values = [_value(labels, pred, obj, graphs, ctx) for obj, graphs in items[:LISTED_PER_PREDICATE]]
        values.sort(key=_rank_order)
        rows.append(Row(term_view(labels, ox.NamedNode(pred)), values, max(0, len(items) - LISTED_PER_PREDICATE)))
    return rows


def in_groups(labels: Labeller, incoming: dict[str, dict]) -> list[InGroup]:
    """Incoming links by property; a subject linking by an asserted property is not repeated under an inferred one."""
    asserted = {s for objs in incoming.values() for s, gs in objs.items() if _asserted(gs)}
    groups = []
    for pred in sorted(incoming, key=lambda p: labels(p).lower()):
        subjects = [(s, gs) for s, gs in incoming[pred].items() if _asserted(gs) or s not in asserted]
        if not subjects:
            continue
        subjects.sort(key=lambda kv: _value_order(labels, kv[0]))
        values = [
            Value(term_view(labels, s, gs), inferred=not _asserted(gs)) for s, gs in subjects[:LISTED_PER_PREDICATE]
        ]
        groups.append(
            InGroup(term_view(labels, ox.NamedNode(pred)), values, max(0, len(subjects) - LISTED_PER_PREDICATE))
        )
    return groups
