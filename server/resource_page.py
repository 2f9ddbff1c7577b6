"""The page model of a resource: its label and types, statements out and in, evidence.

Turns the description quads (:mod:`.describe_resource`) into what the
``resource.html`` template shows: every value as a label with a link (never
a raw IRI where the graph or the vocabulary gives a name), each statement
with the named graphs that state it (which seed said it, or that the build
inferred it), blank nodes (selectors) shown inline, and for a fact each
evidence passage, highlighted in its context, grouped by source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from csto_kg.namespaces import CSTO, EV, GRAPH, INFERRED_GRAPH, OA, PROV, RDF, RDFS, SKOS, XSD

from .describe_resource import description, local_path
from .evidence_view import Evidence, evidence
from .labels import Labeller, curie

__all__ = ["Term", "Row", "Group", "ResourcePage", "term_view", "graph_badge", "build_page"]

_TYPE = str(RDF.type)
_DERIVED_FROM = str(PROV.wasDerivedFrom)
_FIRST = [_TYPE, str(RDFS.label), str(SKOS.prefLabel), str(SKOS.definition), str(RDFS.comment)]
_DATATYPE_NOTES = {
    str(XSD.gYear): "year", str(XSD.gYearMonth): "month", str(XSD.date): "day",
    str(XSD.dateTime): "date and time", str(XSD.boolean): "yes/no",
}
_HIDDEN_DATATYPES = {str(XSD.string), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
                     str(XSD.integer), str(XSD.decimal), str(XSD.nonNegativeInteger), str(XSD.positiveInteger)}
_LISTED_PER_PREDICATE = 200


@dataclass
class Term:
    """One value as a page shows it."""
    text: str
    href: str | None = None
    title: str | None = None        # tooltip: the prefixed name or full IRI
    note: str | None = None         # datatype or language
    kind: str = "iri"               # iri | literal | bnode
    nested: list["Row"] = field(default_factory=list)   # a blank node's own statements
    graphs: list[tuple[str, str, str]] = field(default_factory=list)  # (href, short, title)


@dataclass
class Row:
    """One predicate with its values (out), or one predicate with its subjects (in)."""
    predicate: Term
    values: list[Term]
    more: int = 0                   # values not listed


@dataclass
class Group:
    source: Term
    items: list[Evidence]


@dataclass
class ResourcePage:
    iri: str
    path: str
    label: str
    types: list[Term]
    out: list[Row]
    incoming: list[Row]
    evidence_groups: list[Group]
    derived_only: bool              # every statement about it was inferred by the build
    definition: str | None
    own_evidence: Evidence | None   # when the resource is itself an evidence node


def graph_badge(labels: Labeller, g: str) -> tuple[str, str, str]:
    short = g[len(str(GRAPH)):] if g.startswith(str(GRAPH)) else labels(g)
    return local_path(g) or g, short, labels.stored(g) or short


def term_view(labels: Labeller, term, graphs=()) -> Term:
    badges = [graph_badge(labels, g) for g in sorted(graphs)]
    if isinstance(term, ox.NamedNode):
        iri = term.value
        return Term(labels(iri), local_path(iri) or iri, curie(iri), graphs=badges)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        note = f"@{term.language}" if term.language and term.language != "en" else None
        if not note and dt and dt not in _HIDDEN_DATATYPES:
            note = _DATATYPE_NOTES.get(dt, curie(dt))
        return Term(term.value, None, None, note, "literal", graphs=badges)
    return Term("(blank node)", None, None, None, "bnode", graphs=badges)


def _order(labels: Labeller, pred: str) -> tuple:
    return (_FIRST.index(pred) if pred in _FIRST else len(_FIRST), pred == _DERIVED_FROM, labels(pred).lower())


def _value_order(labels: Labeller, term) -> tuple:
    """Resources first, by label; then literals and blank nodes, by value."""
    if isinstance(term, ox.NamedNode):
        return (0, labels(term.value).lower())
    return (1, str(term))


def _rows(labels: Labeller, pairs: dict[str, dict], by_subject: dict, depth: int = 0) -> list[Row]:
    """Rows per predicate of ``pairs`` (predicate -> value -> graphs); blank-node values nested."""
    rows = []
    for pred in sorted(pairs, key=lambda p: _order(labels, p)):
        values = []
        items = sorted(pairs[pred].items(), key=lambda kv: _value_order(labels, kv[0]))
        for obj, graphs in items[:_LISTED_PER_PREDICATE]:
            t = term_view(labels, obj, graphs)
            if isinstance(obj, ox.BlankNode) and depth < 3:
                t.nested = _rows(labels, by_subject.get(obj, {}), by_subject, depth + 1)
                t.text = "details"
            values.append(t)
        rows.append(Row(term_view(labels, ox.NamedNode(pred)), values, max(0, len(items) - _LISTED_PER_PREDICATE)))
    return rows


def build_page(store: ox.Store, labels: Labeller, iri: str) -> ResourcePage:
    quads = description(store, iri)
    node = ox.NamedNode(iri)
    by_subject: dict = defaultdict(lambda: defaultdict(dict))   # s -> p -> o -> {graphs}
    incoming: dict = defaultdict(dict)                          # p -> s -> {graphs}
    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
        if q.subject == node or isinstance(q.subject, ox.BlankNode):
            by_subject[q.subject][q.predicate.value].setdefault(q.object, set())
            if g:
                by_subject[q.subject][q.predicate.value][q.object].add(g)
        if q.object == node and q.subject != node:
            incoming[q.predicate.value].setdefault(q.subject, set())
            if g:
                incoming[q.predicate.value][q.subject].add(g)
    own = by_subject.get(node, {})
    out_rows = _rows(labels, own, by_subject)
    in_rows = _rows(labels, incoming, {})

    all_graphs = {g for objs in own.values() for gs in objs.values() for g in gs}
    inferred = str(INFERRED_GRAPH)
    type_objs = own.get(_TYPE, {})
    asserted_types = [o for o, gs in type_objs.items() if gs - {inferred}]
    types = [term_view(labels, o) for o in sorted(asserted_types or type_objs, key=lambda o: labels(o.value))
             if isinstance(o, ox.NamedNode)]

    ev_iris = sorted(o.value for o in own.get(_DERIVED_FROM, {}) if isinstance(o, ox.NamedNode))
    by_source: dict[str, list[Evidence]] = defaultdict(list)
    for ev_iri in ev_iris:
        ev = evidence(store, ev_iri)
        by_source[ev.source or ""].append(ev)
    groups = [Group(term_view(labels, ox.NamedNode(src)) if src else Term("(no source given)", kind="literal"),
                    sorted(evs, key=lambda e: (e.start is None, e.start or 0)))
              for src, evs in sorted(by_source.items(), key=lambda kv: labels(kv[0]) if kv[0] else "")]

    definition = None
    for prop in (str(SKOS.definition), str(RDFS.comment)):
        lits = [o for o in own.get(prop, {}) if isinstance(o, ox.Literal)]
        if lits:
            definition = sorted(lits, key=lambda lit: (lit.language not in ("en", None), lit.value))[0].value
            break

    own_evidence = None
    if iri.startswith(str(EV)) or ox.NamedNode(str(OA.SpecificResource)) in type_objs or \
            ox.NamedNode(str(CSTO.Evidence)) in type_objs:
        if str(OA.hasSource) in own:
            own_evidence = evidence(store, iri)

    return ResourcePage(
        iri=iri, path=local_path(iri) or iri, label=labels(iri), types=types,
        out=out_rows, incoming=in_rows, evidence_groups=groups,
        derived_only=bool(all_graphs) and all_graphs == {inferred},
        definition=definition, own_evidence=own_evidence,
    )
