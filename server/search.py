"""Site search: labels, other names, spellings in the sources and quotes, ranked; no external service.

The index is built once per (immutable) store: for every resource its labels
(``rdfs:label``, ``skos:prefLabel``, ``dcterms:title``, ``foaf:name``), other
names (``skos:altLabel``), spellings the sources use (``skos:hiddenLabel``),
a stance's words (``csto:words``) and every evidence quote (``oa:exact``),
which leads to the facts derived from it and to the passage itself; and each
entity's Wikidata item (``skos:exactMatch``), so that ``Q399``, ``wd:Q399`` or
the item's IRI finds the state it names.

Matching is on case- and accent-folded words: every word of the query must
occur in the field (as a word prefix). Ranking: an exact label first, then
an entity (a person, state or organisation, then a topic, place… typed in ``graph:entities``)
whose label or other name starts with the query ("Kyrgyz": "Kyrgyzstan") or holds it as whole words
("Lukashenko" in "Alexander Lukashenko"), then label prefix (a statement "Lukashenko: …"),
other-name matches, label words, then words and quotes; ties by how early the
match is and by label. One result per resource (its best match).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, replace

import pyoxigraph as ox

from csto_kg.namespaces import CSTO, DCTERMS, ENTITIES_GRAPH, FOAF, OA, PROV, RDF, RDFS, SKOS

from .evidence_view import anchor_of, source_path
from .labels import Labeller
from .resource_description import local_path
from .value_support import curated

__all__ = ["Hit", "SearchIndex", "fold"]

_N = ox.NamedNode
_LABELS = [str(RDFS.label), str(SKOS.prefLabel), str(DCTERMS.title), str(FOAF.name)]
_FIELDS = {
    str(SKOS.altLabel): "also called",
    str(SKOS.hiddenLabel): "spelling in the sources",
    str(CSTO) + "words": "words",
}
_BASE_SCORE = {
    "label": 60,
    "Wikidata item": 60,
    "also called": 50,
    "spelling in the sources": 45,
    "words": 30,
    "quote": 20,
}
_WIKIDATA = "http://www.wikidata.org/entity/"
_NAMES = ("label", "also called", "spelling in the sources")
# An entity named by the query as whole words: above any label that merely starts with it (60 + 25 at most).
_NAMED_ENTITY = 45
_AGENT = 5  # a person, state or organisation (a prov:Agent) before a topic or place of the same name
# An entity whose name starts with the query ("Kyrgyz": Kyrgyzstan) before one that only holds it as a word
# ("the Kyrgyz and Tajik public", "use of the Kazakh language"), which had outranked the state.
_NAME_START = 2
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_RESULTS = 50


def fold(text: str) -> str:
    """Lower case without accents or typographic quotes ("Kazakhstan’s" -> "kazakhstan's")."""
    if text.isascii():  # nothing to decompose or replace (most names; on the generated 1e6 project 10 s of 56)
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold()


@dataclass
class Hit:
    iri: str
    label: str
    href: str
    types: list[str]
    match: str  # label | also called | spelling in the sources | words | quote
    text: str  # the matched text (a quote is cut around the match)
    passage: str | None  # for a quote or words: the passage in its source document
    score: float

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Entry:
    iri: str
    field: str
    text: str
    folded: str
    passage: str | None = None
    entity: float = 0  # a named thing (typed in graph:entities; an agent above a topic), not a statement about one


class SearchIndex:
    def __init__(self, store: ox.Store, labels: Labeller):
        self.store, self.labels = store, labels
        self.entries: list[_Entry] = []
        self._entities: dict[str, float] = {}  # named things (typed in graph:entities): their bonus, filled by _build
        self._types: dict[str, list[str]] = {}
        self._build()

    def _add(self, iri: str, field: str, text: str, passage: str | None = None) -> None:
        self.entries.append(_Entry(iri, field, text, fold(text), passage, self._entities.get(iri, 0)))

    def _build(self) -> None:
        agents = {q.subject.value for q in self.store.quads_for_pattern(None, _N(str(RDF.type)), _N(str(PROV.Agent)))}
        self._entities = {
            q.subject.value: _NAMED_ENTITY + (_AGENT if q.subject.value in agents else 0)
            for q in self.store.quads_for_pattern(None, _N(str(RDF.type)), None, _N(str(ENTITIES_GRAPH)))
            if isinstance(q.subject, ox.NamedNode)
        }
        for prop in _LABELS + list(_FIELDS):
            field = "label" if prop in _LABELS else _FIELDS[prop]
            for q in self.store.quads_for_pattern(None, _N(prop), None, None):
                if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal) and curated(q):
                    self._add(q.subject.value, field, q.object.value)
        for q in self.store.quads_for_pattern(None, _N(str(SKOS.exactMatch)), None, None):
            item = q.object.value if isinstance(q.object, ox.NamedNode) else ""
            if isinstance(q.subject, ox.NamedNode) and item.startswith(_WIKIDATA) and curated(q):
                qid = item[len(_WIKIDATA) :]
                self._add(q.subject.value, "Wikidata item", f"wd:{qid}")  # Q399 and wd:Q399 match it
                self._add(q.subject.value, "Wikidata item", item)  # ... and the item's IRI
        derived_from = _N(str(PROV.wasDerivedFrom))
        for q in self.store.quads_for_pattern(None, _N(str(OA.exact)), None, None):
            if not isinstance(q.graph_name, ox.NamedNode):  # the default graph's copy (its selector another blank
                continue  # node) gives the same entries as the seed graph's: read once, not twice
            sel = q.subject
            for ev in self.store.quads_for_pattern(None, _N(str(OA.hasSelector)), sel, None):
                ev_iri = ev.subject.value
                src = next(
                    (
                        s.object.value
                        for s in self.store.quads_for_pattern(ev.subject, _N(str(OA.hasSource)), None, None)
                    ),
                    None,
                )
                key = ev_iri.rsplit("/", 1)[-1]
                passage = f"{source_path(src)}#{anchor_of(key)}" if src and source_path(src) else None
                facts = {
                    f.subject.value
                    for f in self.store.quads_for_pattern(None, derived_from, ev.subject, None)
                    if isinstance(f.subject, ox.NamedNode) and curated(f)
                }
                for fact in sorted(facts) or [ev_iri]:
                    self._add(fact, "quote", q.object.value, passage)
        self.entries = list(dict.fromkeys(self._with_passages(self.entries)))

    @staticmethod
    def _with_passages(entries: list[_Entry]) -> list[_Entry]:
        """A fact's words (verbatim from one of its quotes) lead to the passage that holds them."""
        quotes: dict[str, list[_Entry]] = {}
        for e in entries:
            if e.field == "quote":
                quotes.setdefault(e.iri, []).append(e)
        return [
            replace(e, passage=next((q.passage for q in quotes.get(e.iri, ()) if e.text in q.text), None))
            if e.field == "words"
            else e
            for e in entries
        ]

    def types(self, iri: str) -> list[str]:
        if iri not in self._types:
            self._types[iri] = sorted(
                {
                    self.labels(q.object.value)
                    for q in self.store.quads_for_pattern(_N(iri), _N(str(RDF.type)), None, None)
                    if curated(q) and isinstance(q.object, ox.NamedNode)
                }
            )
        return self._types[iri]

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[Hit]:
        """The best ``limit`` hits, best first."""
        return self.ranked(query)[:limit]

    def ranked(self, query: str) -> list[Hit]:
        """Every hit, best first (one per resource): its length is the number of matches, shown or not."""
        words = _WORD.findall(fold(query))
        if not words:
            return []
        best: dict[str, Hit] = {}
        for e in self.entries:
            score, at = _score(e, fold(query).strip(), words)
            if score <= 0:
                continue
            hit = best.get(e.iri)
            if hit is None or score > hit.score:
                text = _cut(e.text, at) if e.field == "quote" else e.text
                best[e.iri] = Hit(
                    e.iri,
                    self.labels(e.iri),
                    local_path(e.iri) or e.iri,
                    self.types(e.iri),
                    e.field,
                    text,
                    e.passage,
                    score,
                )
        return sorted(best.values(), key=lambda h: (-h.score, h.label.lower()))


def _score(e: _Entry, phrase: str, words: list[str]) -> tuple[float, int]:
    """(score, position of the first match) of one entry; 0 if some word is missing."""
    positions = []
    whole = r"(?!\w)" if e.field == "Wikidata item" else ""  # Q39 is another item than Q399: no prefix of a number
    for w in words:
        m = re.search(r"(?<!\w)" + re.escape(w) + whole, e.folded)
        if m is None:
            return 0, 0
        positions.append(m.start())
    base = _BASE_SCORE[e.field]
    # An entity named by the query in the possessive ("Lukashenko's partners", a csto:Group) is something of the
    # one it names, not that one: no entity bonus, so the person comes first.
    named = e.entity and e.field in _NAMES
    if e.folded == phrase:
        base += 100 if e.field in _NAMES else 20
    elif named and e.folded.startswith(phrase) and not e.folded.startswith(phrase + "'s"):
        base += e.entity + _NAME_START
    elif named and re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)(?!'s\b)", e.folded):
        base += e.entity
    elif e.folded.startswith(phrase):
        base += 25
    elif phrase in e.folded:
        base += 10
    return base - min(10, min(positions) / 40) - min(5, len(e.folded) / 200), min(positions)


def _cut(text: str, at: int, width: int = 90) -> str:
    lo, hi = max(0, at - width), min(len(text), at + width * 2)
    return ("… " if lo else "") + text[lo:hi].strip() + (" …" if hi < len(text) else "")
