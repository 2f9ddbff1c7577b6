"""Where the sources disagree: one node given different values by different seeds, and curated conflicts.

Two kinds, both shown with every value's passage side by side:

- **Different values on one node**: a property of a fact (a date, a count)
  that two seed graphs give different literal values. Where graph:support
  ranks them (``csto:rank``, ``csto:rankReason``), the ranks are shown as the
  build decided; otherwise dates are compared here: if every value's span of
  possible days contains the most precise one's, they are compatible (one
  source is only less precise) and the most precise is preferred, saying
  why; else they conflict and none is preferred. Other values conflict.
- **Curated disagreements**: facts linked by ``csto:disagreesWith`` (e.g.
  two reported force sizes), each with its own evidence.

The build never picks silently, and neither does this page: a conflict is
listed with no preferred value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Literal, URIRef

from csto_kg.derive import bounds
from csto_kg.namespaces import CSTO, INFERRED_GRAPH

from . import dates
from .statements import Passage, Passages, Term, term_view
from .value_support import SUPPORT_GRAPH, curated

__all__ = [
    "Disagreement",
    "DisagreementGroup",
    "Side",
    "disagreements_about",
    "all_disagreements",
    "grouped",
    "COMPARED",
]

_C = str(CSTO)
_N = ox.NamedNode
_INFERRED = _N(str(INFERRED_GRAPH))
# Properties whose values are compared across seeds (a label or a comment may differ without disagreement).
COMPARED = [
    _C + p
    for p in (
        "date",
        "startDate",
        "endDate",
        "dateSigned",
        "attestedOn",
        "electedOn",
        "datePublished",
        "publishedOn",
        "memberCount",
        "personnel",
        "equipment",
        "quantity",
        "amount",
        "ordinal",
        "articleNumber",
    )
]
_DISAGREES = _C + "disagreesWith"


@dataclass
class Side:
    value: str
    note: str | None
    subject: Term | None  # for a curated disagreement: the fact node
    passages: list[Passage] = field(default_factory=list)
    preferred: bool = False


@dataclass
class Disagreement:
    subject: Term
    prop: Term  # the property given different values; csto:disagreesWith for a curated disagreement
    kind: str  # "precision" | "conflict" | "curated"
    sides: list[Side]
    verdict: str  # the preferred value and why, or why none is
    within: str | None = None  # curated: the one seed both sides' passages come from (one source's two accounts)

    @property
    def others(self) -> list[Term]:
        """Curated: the accounts :attr:`subject` disagrees with (the heading names them)."""
        return [s.subject for s in self.sides if s.subject is not None and s.subject.href != self.subject.href]


@dataclass
class DisagreementGroup:
    """Curated disagreements that share facts (a connected set of ``csto:disagreesWith`` links): each fact once,
    with its passages, then every pair of it that disagrees, naming both facts and their sources."""

    facts: list[Side]  # the fact most often disagreed with first
    pairs: list[Disagreement]
    kind: str = "group"
    # per fact (href): its passages not shown for an earlier fact of the group, and the earlier facts whose
    # passage it shares (several accounts drawn from one sentence show that sentence once)
    fresh: dict[str, list[Passage]] = field(default_factory=dict)
    same_as: dict[str, list[Side]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        first_shown: dict[str, Side] = {}
        for side in self.facts:
            href = side.subject.href
            self.fresh[href], self.same_as[href] = [], []
            for p in side.passages:
                earlier = first_shown.setdefault(p.evidence.iri, side)
                if earlier is side:
                    self.fresh[href].append(p)
                elif earlier not in self.same_as[href]:
                    self.same_as[href].append(earlier)

    def anchor(self, side: Side) -> str:
        return "account-" + side.subject.href.strip("/").replace("/", "-")

    def seeds(self, side: Side) -> list[str]:
        return sorted({p.seed for p in side.passages if p.seed})


def _rdflib(lit: ox.Literal) -> Literal:
    return Literal(lit.value, datatype=URIRef(lit.datatype.value) if lit.datatype else None)


def _date_verdict(values: list[ox.Literal]) -> tuple[str, ox.Literal | None]:
    spans = [bounds(_rdflib(v)) for v in values]
    if any(s is None for s in spans):
        return "conflict", None
    narrowest = min(range(len(values)), key=lambda i: (spans[i][1] - spans[i][0]).days)
    lo, hi = spans[narrowest]
    if all(s[0] <= lo and hi <= s[1] for s in spans):
        return "precision", values[narrowest]
    return "conflict", None


def _verdict(labels, supports: dict, values: list[ox.Literal], pred: str) -> tuple[str, ox.Literal | None, str]:
    ranked = {key[1]: s for key, ss in supports.items() if key[0] == pred for s in ss if s.rank is not None}
    if ranked:
        best = next((v for v in values if ranked.get(v) is not None and ranked[v].preferred), None)
        reason = ranked[best].rank_reason if best is not None else None
        if best is not None:
            return (
                "precision",
                best,
                f"Preferred: {dates.human(best)} — {(reason or 'ranked preferred by the build').rstrip('.')}.",
            )
        return "conflict", None, "The values conflict: the build ranks none above the others."
    kind, best = (
        _date_verdict(values)
        if all(
            v.datatype
            and v.datatype.value.startswith("http://www.w3.org/2001/XMLSchema#g")
            or (v.datatype and v.datatype.value.endswith("#date"))
            for v in values
        )
        else ("conflict", None)
    )
    if best is not None:
        return (
            kind,
            best,
            (
                f"Preferred: {dates.human(best)} — the most precise value; the others are the same date "
                "known only to a coarser precision, so the sources agree."
            ),
        )
    return "conflict", None, "The sources give incompatible values; none is preferred."


def _about_property(
    store: ox.Store, labels, passages: Passages, subject: ox.NamedNode, pred: str, supports: dict
) -> Disagreement | None:
    values = list(
        dict.fromkeys(
            q.object
            for q in store.quads_for_pattern(subject, _N(pred), None, None)
            if curated(q) and isinstance(q.object, ox.Literal)
        )
    )
    if len(values) < 2:
        return None
    kind, best, verdict = _verdict(labels, supports, values, pred)
    sides = []
    for v in values:
        t = term_view(labels, v)
        sides.append(Side(dates.human(v), t.note, None, passages.of(supports.get((pred, v), [])), v == best))
    sides.sort(key=lambda s: not s.preferred)
    return Disagreement(term_view(labels, subject), term_view(labels, _N(pred)), kind, sides, verdict)


def _curated(store: ox.Store, labels, passages: Passages, subject: ox.NamedNode) -> list[Disagreement]:
    out = []
    others = dict.fromkeys(  # each other fact once: the link is asserted in a seed and repeated by the build
        q.object
        for q in store.quads_for_pattern(subject, _N(_DISAGREES), None, None)
        if isinstance(q.object, ox.NamedNode) and q.graph_name != SUPPORT_GRAPH
    )
    for other in others:
        sides = []
        for fact in (subject, other):
            sides.append(Side(labels(fact.value), None, term_view(labels, fact), _account_passages(passages, fact)))
        seeds = {p.seed for side in sides for p in side.passages}
        within = next(iter(seeds)) if len(seeds) == 1 and all(side.passages for side in sides) else None
        verdict = (
            f"One source ({within}) gives both accounts; both are kept, none is preferred."
            if within
            else "The sources report different values; both are kept, none is preferred."
        )
        out.append(
            Disagreement(
                term_view(labels, subject), term_view(labels, _N(_DISAGREES)), "curated", sides, verdict, within
            )
        )
    return out


_WORDS = _C + "words"
_ACCOUNT = (_WORDS, _DISAGREES)  # what an account says, and that it disagrees


def _account_passages(passages: Passages, fact: ox.NamedNode) -> list[Passage]:
    """The passages of a curated account: where the fact has words (a stance, a claim), those supporting its words
    and its disagreement (not those it cites for a side property only, such as the speaker's office), the ones
    holding its words first; every passage of the fact where it has none (an event, a founding: each seed stating
    it gives the account, as the founding of 2002 three seeds give)."""
    sup = passages.supports(fact.value)
    worded = any(key[0] == _WORDS for key in sup)
    chosen = ([ss for key, ss in sup.items() if key[0] in _ACCOUNT] if worded else []) or list(sup.values())
    words = [key[1].value for key in sup if key[0] == _WORDS and isinstance(key[1], ox.Literal)]
    seen, unique = set(), []
    for p in (p for ss in chosen for p in passages.of(ss)):
        if p.evidence.iri not in seen:
            seen.add(p.evidence.iri)
            unique.append(p)
    unique.sort(key=lambda p: not any(w in (p.evidence.exact or "") for w in words))
    return unique


def disagreements_about(store: ox.Store, labels, iri: str, passages: Passages) -> list[Disagreement]:
    """Properties of ``iri`` given different values (those compared here, and any graph:support ranks
    with a reason or marks as disagreeing), and curated ``csto:disagreesWith`` links of the fact itself."""
    node = _N(iri)
    supports = passages.supports(iri)
    ranked = {key[0] for key, ss in supports.items() if any(s.rank_reason or s.disagrees for s in ss)}
    props = COMPARED + sorted(ranked - set(COMPARED))
    found = [_about_property(store, labels, passages, node, p, supports) for p in props]
    return [d for d in found if d is not None] + _curated(store, labels, passages, node)


_ALL_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?s WHERE {
  { GRAPH ?g1 { ?s ?p ?o1 } GRAPH ?g2 { ?s ?p ?o2 }
    VALUES ?p { %s }
    FILTER(?g1 != ?g2 && ?o1 != ?o2 && ?g1 != <%s> && ?g2 != <%s>) }
  UNION { ?s <%s> ?other FILTER NOT EXISTS { ?s a rdf:Statement } }
  UNION { GRAPH <%s> { ?st rdf:subject ?s . { ?st <%s> ?other } UNION { ?st <%srankReason> ?why } } }
}""" % (
    " ".join(f"<{p}>" for p in COMPARED),
    INFERRED_GRAPH,
    INFERRED_GRAPH,
    _DISAGREES,
    SUPPORT_GRAPH.value,
    _DISAGREES,
    _C,
)


def all_disagreements(store: ox.Store, labels, passages: Passages | None = None) -> list[Disagreement]:
    """Every disagreement in the graph; a curated pair once. ``passages``: the page's, if the caller keeps what
    pages read (:class:`.resource_page.PageMemory`)."""
    passages = Passages(store, labels) if passages is None else passages
    out: list[Disagreement] = []
    pairs_seen: set[frozenset] = set()
    for row in store.query(_ALL_QUERY):
        s = row["s"]
        if not isinstance(s, ox.NamedNode):
            continue
        for d in disagreements_about(store, labels, s.value, passages):
            if d.kind == "curated":
                pair = frozenset(x.subject.href for x in d.sides)
                if pair in pairs_seen:
                    continue
                pairs_seen.add(pair)
            out.append(d)
    return sorted(out, key=lambda d: (d.kind != "conflict", d.kind != "curated", d.subject.text.lower()))


def grouped(found: list[Disagreement]) -> list[Disagreement | DisagreementGroup]:
    """``found`` with the curated disagreements that share a fact gathered into one group each (in place of
    the first of them), so a fact that disagrees with several others shows its passages once."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    curated_pairs = [d for d in found if d.kind == "curated"]
    for d in curated_pairs:
        a, b = (root(side.subject.href) for side in d.sides)
        parent[a] = b
    members: dict[str, list[Disagreement]] = {}
    for d in curated_pairs:
        members.setdefault(root(d.sides[0].subject.href), []).append(d)
    out: list[Disagreement | DisagreementGroup] = []
    placed: set[str] = set()
    for d in found:
        key = root(d.sides[0].subject.href) if d.kind == "curated" else None
        if key is None or len(members[key]) == 1:
            out.append(d)
        elif key not in placed:
            placed.add(key)
            out.append(_group(members[key]))
    return out


def _group(pairs: list[Disagreement]) -> DisagreementGroup:
    sides: dict[str, Side] = {}
    degree: dict[str, int] = {}
    for d in pairs:
        for side in d.sides:
            sides.setdefault(side.subject.href, side)
            degree[side.subject.href] = degree.get(side.subject.href, 0) + 1
    order = sorted(sides, key=lambda h: (-degree[h], sides[h].subject.text.lower()))
    rank = {h: i for i, h in enumerate(order)}
    for d in pairs:  # each pair as "the more disagreed-with fact — the other"
        d.sides.sort(key=lambda side: rank[side.subject.href])
    pairs.sort(key=lambda d: tuple(rank[side.subject.href] for side in d.sides))
    return DisagreementGroup([sides[h] for h in order], pairs)
