"""The page of a seed document: its metadata, its full text with every evidence passage marked, and the facts drawn from it.

Every evidence node whose ``oa:hasSource`` is the document is marked at its
code-point offsets (``<mark id="ev-…">``, see :mod:`.highlight`), so
``/source/<id>#ev-<evidence local name>`` jumps to the passage. The
publication date is shown with its bounds, precision and the reasoning note
(``csto:publicationDate`` -> ``csto:DateEstimate``), and the recorded SHA-256
is compared with the file's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox
from markupsafe import Markup

from csto_kg.namespaces import CSTO, DCTERMS, GRAPH, OA, PROV, RDF, SKOS, TIME

from . import dates
from .evidence_view import Evidence, evidence, seed_id_of, seed_text
from .highlight import Span, mark_all
from .labels import Labeller
from .resource_page import Term, term_view
from .value_support import curated

__all__ = ["SourcePage", "PublicationDate", "FactLink", "build_source_page"]

_N = ox.NamedNode


@dataclass
class PublicationDate:
    node: Term
    value: Term | None
    not_before: str | None
    not_after: str | None
    precision: Term | None
    note: str | None
    basis: str | None


@dataclass
class FactLink:
    fact: Term
    types: list[Term]
    evidence: list[Evidence]


@dataclass
class SourcePage:
    seed_id: str | None
    title: str
    authors: list[Term]
    publishers: list[Term]
    filename: str | None
    sha256_recorded: str | None
    sha256_actual: str | None
    publication: PublicationDate | None
    text: Markup | None
    passages: int
    facts: list[FactLink]
    graph: str | None  # the named graph holding what the document says


def _first(store: ox.Store, s, p):
    return next((q.object for q in store.quads_for_pattern(s, _N(str(p)), None, None)), None)


def _all(store: ox.Store, s, p):
    return list(dict.fromkeys(q.object for q in store.quads_for_pattern(s, _N(str(p)), None, None)))


def _publication(store: ox.Store, labels: Labeller, node) -> PublicationDate | None:
    if not isinstance(node, ox.NamedNode):
        return None
    value = None
    for p in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear, CSTO.date):
        v = _first(store, node, p)
        if v is not None:
            value = term_view(labels, v)
            break
    lit = lambda p: (lambda v: v.value if isinstance(v, ox.Literal) else None)(_first(store, node, p))  # noqa: E731
    day = lambda p: (lambda v: dates.human(v) if isinstance(v, ox.Literal) else None)(_first(store, node, p))  # noqa: E731
    prec = _first(store, node, CSTO.precision)
    return PublicationDate(
        node=term_view(labels, node),
        value=value,
        not_before=day(CSTO.notBefore),  # as a reader writes a day ("16 May 2022"), like every date of the site
        not_after=day(CSTO.notAfter),
        precision=term_view(labels, prec) if prec is not None else None,
        note=lit(SKOS.note),
        basis=lit(CSTO.dateBasis),
    )


def build_source_page(store: ox.Store, labels: Labeller, iri: str) -> SourcePage:
    src = _N(iri)
    seed_id = seed_id_of(store, iri)
    seed = seed_text(seed_id) if seed_id else None
    ev_iris = sorted(
        {
            q.subject.value
            for q in store.quads_for_pattern(None, _N(str(OA.hasSource)), src, None)
            if isinstance(q.subject, ox.NamedNode)
        }
    )
    evs = [evidence(store, e) for e in ev_iris]

    supports: dict[str, list[str]] = defaultdict(list)  # evidence -> facts
    facts: dict[str, list[Evidence]] = defaultdict(list)  # fact -> evidence
    by_iri = {e.iri: e for e in evs}
    for e in ev_iris:
        for q in store.quads_for_pattern(None, _N(str(PROV.wasDerivedFrom)), _N(e), None):
            if isinstance(q.subject, ox.NamedNode) and curated(q):  # not graph:support's statements
                if by_iri[e] not in facts[q.subject.value]:
                    facts[q.subject.value].append(by_iri[e])
                if q.subject.value not in supports[e]:
                    supports[e].append(q.subject.value)

    text = None
    if seed is not None:
        spans = [
            Span(e.start, e.end, e.key, "; ".join(labels(f) for f in supports.get(e.iri, [])))
            for e in evs
            if e.start is not None and e.end is not None
        ]
        text = mark_all(seed.text, spans)

    fact_links = []
    for f, f_evs in facts.items():
        asserted = dict.fromkeys(
            q.object
            for q in store.quads_for_pattern(_N(f), _N(str(RDF.type)), None, None)
            if curated(q) and isinstance(q.object, ox.NamedNode)
        )
        specific = [t for t in asserted if t != _N(str(CSTO.Fact))] or list(asserted)
        types = list({labels(t.value): term_view(labels, t) for t in specific}.values())
        fact_links.append(FactLink(term_view(labels, _N(f)), types, sorted(f_evs, key=lambda e: e.start or 0)))
    fact_links.sort(key=lambda fl: (min((e.start or 0) for e in fl.evidence), fl.fact.text))

    sha = _first(store, src, CSTO.sha256)
    ident = _first(store, src, DCTERMS.identifier)
    return SourcePage(
        seed_id=seed_id,
        title=labels(iri),
        authors=[term_view(labels, a) for a in _all(store, src, DCTERMS.creator)],
        publishers=[term_view(labels, a) for a in _all(store, src, DCTERMS.publisher)],
        filename=ident.value if isinstance(ident, ox.Literal) else (f"{seed_id}.txt" if seed_id else None),
        sha256_recorded=sha.value if isinstance(sha, ox.Literal) else None,
        sha256_actual=seed.sha256 if seed else None,
        publication=_publication(store, labels, _first(store, src, CSTO.publicationDate)),
        text=text,
        passages=sum(1 for e in evs if e.start is not None),
        facts=fact_links,
        graph=_graph_of(store, seed_id),
    )


def _graph_of(store: ox.Store, seed_id: str | None) -> str | None:
    if not seed_id:
        return None
    g = _N(str(GRAPH) + seed_id)
    return g.value if any(True for _ in store.quads_for_pattern(None, None, None, g)) else None
