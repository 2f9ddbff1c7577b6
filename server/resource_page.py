"""The page model of a resource: statement first, each value with its passage(s).

A page shows, in this order (``resource.html``):

1. the label, the asserted types, a one-line definition or comment, other
   names (``skos:altLabel``) and identifiers (Wikidata, linked);
2. the key facts (:mod:`.key_facts`): for a state its membership periods,
   offices, summits attended and missed, stances…; for an event or fact its
   key statements (date, parties, outcome…); for the alliance its members now
   and over time, bodies, treaty, summits — each value followed by the
   passage(s) supporting it;
3. where the sources disagree about it (:mod:`.disagreements`);
4. the full statement list (:mod:`.statements`), inferred repeats folded;
5. the resources that refer to it, grouped by property and collapsed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import partial

import pyoxigraph as ox

from csto_kg.namespaces import ALLIANCE, CSTO, EV, INFERRED_GRAPH, OA, PROV, RDF, RDFS, SKOS
from csto_kg.today import today as read_today

from .disagreements import Disagreement, disagreements_about
from .evidence_view import Evidence, evidence
from .key_facts import Context, Section, sections_for
from .labels import Labeller
from .remembered import Remembered
from .resource_description import description, fragments, local_path
from .statements import InGroup, Passages, Row, Term, by_subject, graph_badge, in_groups, out_rows, term_view
from .timeline import confirmed_until
from .value_support import frozen_supports

__all__ = ["Term", "Row", "Group", "ResourcePage", "term_view", "graph_badge", "build_page", "KEY_PROPERTIES", "is_key"]

_TYPE = str(RDF.type)
_INFERRED = str(INFERRED_GRAPH)
_C = str(CSTO)
# Outgoing statements shown first on a page (its "key statements"): these in this order (who, when, where,
# what, how many), then every other property of the ontology's namespace (new ones lead too, by label) except
# the bookkeeping of ``_NOT_KEY`` (how a date was derived, curators' notes, attribution types) and what another
# block of the page shows (``csto:disagreesWith``: where the sources disagree).
KEY_PROPERTIES = [
    _C + p
    for p in (
        "date",
        "startDate",
        "endDate",
        "dateSigned",
        "attestedOn",
        "electedOn",
        "publishedOn",
        "datePublished",
        "notBefore",
        "notAfter",
        "season",
        "status",
        "state",
        "organisation",
        "agent",
        "party",
        "participatingState",
        "absentState",
        "attendee",
        "participant",
        "invitee",
        "holder",
        "office",
        "heldBy",
        "assertedBy",
        "speakingAs",
        "issuedBy",
        "position",
        "words",
        "about",
        "addressee",
        "target",
        "criticises",
        "selfCriticismMarker",
        "denies",
        "recalls",
        "judgesExpectation",
        "expectationVerdict",
        "cause",
        "deniedCause",
        "weighsOption",
        "means",
        "namesAsExample",  # the examples a speaker gives of "all means" (round 19), beside them
        "purpose",
        "reliance",
        "approvalStatus",
        "approvalBy",
        "place",
        "host",
        "destination",
        "producedAt",
        "invokedArticle",
        "response",
        "outcome",
        "grantee",
        "refusedToSignBy",
        "memberCount",
        "listsMember",
        "statedAs",
        "amount",
        "qualifier",
        "unit",
        "quantityOf",
        "personnel",
        "personnelQualifier",
        "equipment",
        "hasQuantity",
        "quantity",
        "reportedForceSize",
        "startedBy",
        "endedBy",
        "foundingTreaty",
        "treaty",
        "articleNumber",
        "articleOf",
        "articleText",
        # the n-ary nodes of round 18 (and 17), in reading order: a reliance "who relies (or not) on whom for what",
        # a weighed option "rejected: what", a change "what changed, which way, into what"
        "reliantParty",
        "relianceStatus",
        "reliedOn",
        "reliedFor",
        "relianceMarker",
        # round 19's: what is unclear or doubted, by whom, in which words; who should or must (not) do what
        "uncertainty",
        "uncertaintyKind",
        "uncertainParty",
        "uncertainAbout",
        "uncertaintyMarker",
        "prescription",
        "deonticForce",
        "prescribedFor",
        "prescribedAct",
        "prescriptionMarker",
        "optionVerdict",
        "optionItem",
        "changedItem",
        "changeWay",
        "changeResult",
        "changeMarker",
        # a vague time (round 17): before or after what, how near, in which words
        "timeRelation",
        "timeDistance",
        "spanUnit",
        "timeAnchor",
        "timeMarker",
        "borderOf",
        "borderKind",
        "ownerLeftOpen",
    )
] + [
    "http://www.w3.org/ns/org#member",
    "http://www.w3.org/ns/org#organization",
    "http://www.w3.org/ns/org#postIn",  # an office: of which state or body, in which role
    "http://www.w3.org/ns/org#role",
    "http://www.w3.org/ns/org#unitOf",
    "http://purl.org/dc/terms/creator",  # a document's or the dataset's authorship and terms
    "http://purl.org/dc/terms/publisher",
    "http://purl.org/dc/terms/license",
    "http://purl.org/dc/terms/issued",
    "http://purl.org/dc/terms/modified",
    "http://rdfs.org/ns/void#sparqlEndpoint",  # the dataset: where to query it, how big, where to get it
    "http://rdfs.org/ns/void#triples",
    "http://rdfs.org/ns/void#dataDump",
    str(RDF.subject),
    str(RDF.predicate),
    str(RDF.object),
    _C + "rank",
    _C + "rankReason",
]
_NOT_KEY = {
    _C + p
    for p in (
        "curatorNote",
        "dateBasis",
        "dateRelativeTo",
        "attribution",
        "disagreesWith",
        "listPosition",
        "pageNumber",
        "precision",
        "supportsProperty",
    )
}


def is_key(prop: str) -> bool:
    """Whether a statement of ``prop`` belongs to a page's key statements."""
    return prop in KEY_PROPERTIES or (prop.startswith(_C) and prop not in _NOT_KEY)


# The build's day bounds of every dated fact (graph:inferred) repeat its date; they lead only where a seed
# states them (a publication-date estimate), never beside "November 2023" as if the day were known.
_CURATED_ONLY = {_C + "notBefore", _C + "notAfter"}


# The words that mark a value (csto:meansMarker: "by any means") are read in the row of the value they mark, quoted
# after it: "means: any means, “by any means”" (a page listed "means" and "means marker" as two rows, apart). The one
# marker of an n-ary node (a reliance, an uncertainty, a prescription, a change) states the node as a whole, which way
# it goes: it is read beside that value ("reliance status: reliance denied, “does not need external help”"; "deontic
# force: obligation, “what needs to be done”"), not as a row of its own after the others.
_WORDS_OF = {
    _C + "meansMarker": _C + "means",
    _C + "denialMarker": _C + "denies",
    _C + "recallMarker": _C + "recalls",
    _C + "verdictMarker": _C + "expectationVerdict",
    _C + "optionMarker": _C + "optionItem",
    _C + "relianceMarker": _C + "relianceStatus",
    _C + "uncertaintyMarker": _C + "uncertaintyKind",
    _C + "prescriptionMarker": _C + "deonticForce",
    _C + "changeMarker": _C + "changeWay",
    _C + "timeMarker": _C + "timeRelation",
    # a self-criticism's words ("we play into the hands of the West") say whom the criticism is aimed at: its own side
    _C + "selfCriticismMarker": _C + "criticises",
}
# A decision's approval reads as one row: its status and by whom ("approval: pending, by Armenia").
_APPROVAL = (_C + "approvalStatus", _C + "approvalBy")


def _key_rows(rows: list[Row]) -> list[Row]:
    out = []
    for r in rows:
        if not (r.predicate.iri and is_key(r.predicate.iri)):
            continue
        if r.predicate.iri in _CURATED_ONLY:
            r = Row(r.predicate, [v for v in r.values if not v.inferred], r.more)
            if not r.values:
                continue
        out.append(r)
    return _paired(sorted(out, key=lambda r: _key_order(r.predicate.iri, r.predicate.text)))


def _paired(rows: list[Row]) -> list[Row]:
    """``rows`` with the words of a value folded into the value's row (quoted, with their passages), and a decision's
    approval status and party as one row "approval"."""
    by_prop = {r.predicate.iri: r for r in rows}
    out = []
    for r in rows:
        head = by_prop.get(_WORDS_OF.get(r.predicate.iri, ""))
        if head is not None:
            head.values += [replace(v, term=replace(v.term, text=f"“{v.term.text}”", note=None)) for v in r.values]
            continue
        if r.predicate.iri == _APPROVAL[1] and _APPROVAL[0] in by_prop:
            continue  # read in the status's row
        if r.predicate.iri == _APPROVAL[0]:
            by = by_prop.get(_APPROVAL[1])
            values = list(r.values) + [replace(v, term=replace(v.term, prefix="by")) for v in (by.values if by else [])]
            r = Row(replace(r.predicate, text="approval"), values, r.more + (by.more if by else 0))
        out.append(r)
    return out


# A fact's readings that come with marker words ("certainty: tentative" and "certainty marker: appearing to"; "names
# as example: …" twice and "example marker: from … to …") were three rows apart: the value, the words, and the
# csto:MarkedReading pairing them ("“appearing to” — certainty: tentative"). Each reading's words are read quoted after
# the value(s) they mark, in the value's row, as the fact's csto:MarkedReading nodes pair them (a fact with two
# readings of one kind says which words mark which); the marker and marked-reading rows then go (in "All statements").
_READING_WORDS = {
    _C + "certainty": _C + "certaintyMarker",
    _C + "temporalAspect": _C + "aspectMarker",
    _C + "attemptedBy": _C + "attemptMarker",
    _C + "ability": _C + "abilityMarker",
    _C + "exampleOf": _C + "exampleMarker",
    _C + "namesAsExample": _C + "exampleMarker",
    _C + "exclusively": _C + "exclusiveMarker",
    _C + "inferredFrom": _C + "inferenceMarker",
    _C + "elaborates": _C + "elaborationMarker",
    _C + "summarises": _C + "elaborationMarker",
}
_MARKED_READING = _C + "markedReading"


def _reading(store: ox.Store, node: str) -> tuple[str, str, str] | None:
    """(property, value, marker words) of a csto:MarkedReading."""
    parts = []
    for p in ("readingProperty", "readingValue", "readingMarker"):
        q = next(iter(store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(_C + p), None, None)), None)
        if q is None:
            return None
        parts.append(q.object.value)
    return parts[0], parts[1], parts[2]


def _readings_beside(store: ox.Store, rows: list[Row]) -> list[Row]:
    by_prop = {r.predicate.iri: r for r in rows}
    readings = by_prop.get(_MARKED_READING)
    if readings is None:
        return rows
    pairs = {v.term.iri: _reading(store, v.term.iri) for v in readings.values if v.term.iri}
    placed, used = set(), defaultdict(set)
    for head_prop, marker_prop in _READING_WORDS.items():
        head, words = by_prop.get(head_prop), by_prop.get(marker_prop)
        if head is None or words is None:
            continue
        quoted = {w.term.text: w for w in words.values}
        marks: dict[str, list[str]] = defaultdict(list)  # a value -> the words marking it
        for node, r in pairs.items():
            if r and r[0] == head_prop and r[2] in quoted:
                marks[r[1]].append(r[2])
                placed.add(node)
        if not marks:
            continue
        key = lambda v: v.term.iri or v.term.text  # noqa: E731
        order = list(dict.fromkeys(m for v in head.values for m in marks.get(key(v), [])))
        values = [v for v in head.values if key(v) not in marks]
        for m in order:
            values += [v for v in head.values if m in marks.get(key(v), []) and v not in values]
            w = quoted[m]
            values.append(replace(w, term=replace(w.term, text=f"“{w.term.text}”", note=None)))
        head.values = values
        used[marker_prop].update(order)
    out = []
    for r in rows:
        if r.predicate.iri in used:
            r = Row(r.predicate, [v for v in r.values if v.term.text not in used[r.predicate.iri]], r.more)
            if not r.values:
                continue
        if r is readings and set(pairs) <= placed and not r.more:
            continue
        out.append(r)
    return out


def _key_order(prop: str, label: str) -> tuple:
    return (KEY_PROPERTIES.index(prop), "") if prop in KEY_PROPERTIES else (len(KEY_PROPERTIES), label.lower())


_ALT = str(SKOS.altLabel)
_MATCH = str(SKOS.exactMatch)


@dataclass
class ResourcePage:
    iri: str
    path: str
    label: str
    types: list[Term]
    definition: str | None
    other_names: list[str]
    identifiers: list[Term]
    key_statements: list[Row]  # a fact's key outgoing statements, with passages
    sections: list[Section]  # key facts about it (see key_facts)
    disagreements: list[Disagreement]
    out: list[Row]
    incoming: list[InGroup]
    derived_only: bool
    own_evidence: Evidence | None  # when the resource is itself an evidence node
    evidence_groups: list[Group] = field(default_factory=list)  # every passage cited for it, by source
    incoming_count: int = field(default=0)
    fragments: list[Fragment] = field(default_factory=list)  # its hash IRIs (iri#…), each with its statements


@dataclass
class Fragment:
    """A hash IRI of the page's resource (``/dataset#class-csto-State``), shown under its fragment as ``id``, so that
    the links to it land on what the page says of it."""

    anchor: str  # the fragment, the element's id
    term: Term
    rows: list[tuple[Term, list[Term]]]  # (property, its values)


@dataclass
class Group:
    source: Term
    items: list[Evidence]


def _evidence_groups(labels: Labeller, passages: Passages, own: dict) -> list[Group]:
    by_source: dict[str, list[Evidence]] = defaultdict(list)
    for o in own.get(str(PROV.wasDerivedFrom), {}):
        if isinstance(o, ox.NamedNode):
            ev = passages.evidence(o.value)
            by_source[ev.source or ""].append(ev)
    return [
        Group(
            term_view(labels, ox.NamedNode(src)) if src else Term("(no source given)", kind="literal"),
            sorted(evs, key=lambda e: (e.start is None, e.start or 0)),
        )
        for src, evs in sorted(by_source.items(), key=lambda kv: labels(kv[0]) if kv[0] else "")
    ]


def _definition(own: dict) -> str | None:
    for prop in (str(SKOS.definition), str(RDFS.comment)):
        lits = [o for o in own.get(prop, {}) if isinstance(o, ox.Literal)]
        if lits:
            return sorted(lits, key=lambda lit: (lit.language not in ("en", None), lit.value))[0].value
    return None


def _types(labels: Labeller, own: dict) -> list[Term]:
    """The asserted types; two of one label ("dataset": void:Dataset and dcat:Dataset) each say their vocabulary."""
    type_objs = own.get(_TYPE, {})
    asserted = [o for o, gs in type_objs.items() if gs - {_INFERRED}]
    terms = [
        term_view(labels, o)
        for o in sorted(asserted or type_objs, key=lambda o: labels(o.value))
        if isinstance(o, ox.NamedNode)
    ]
    texts = Counter(t.text for t in terms)
    return [
        replace(t, text=f"{t.text} ({t.title.split(':', 1)[0]})")
        if texts[t.text] > 1 and t.title and ":" in t.title
        else t
        for t in terms
    ]


def _other_names(own: dict) -> list[str]:
    return sorted(o.value for o in own.get(_ALT, {}) if isinstance(o, ox.Literal))


# Where an identifier's namespace is a known register, the link names it ("Wikidata Q399", not "wd:Q399").
_REGISTERS = {"http://www.wikidata.org/entity/": "Wikidata", "https://www.wikidata.org/wiki/": "Wikidata"}


def _identifier(labels: Labeller, o: ox.NamedNode) -> Term:
    t = term_view(labels, o)
    for ns, name in _REGISTERS.items():
        if o.value.startswith(ns) and len(o.value) > len(ns):
            return Term(f"{name} {o.value[len(ns) :]}", o.value, o.value, kind="iri", iri=o.value)
    return Term(t.title or o.value, o.value, o.value, kind="iri", iri=o.value)


def _identifiers(labels: Labeller, own: dict) -> list[Term]:
    """Identifiers elsewhere (Wikidata), as links named by their register."""
    return [_identifier(labels, o) for o in sorted(own.get(_MATCH, {}), key=str) if isinstance(o, ox.NamedNode)]


def _own_evidence(store: ox.Store, iri: str, own: dict) -> Evidence | None:
    types = own.get(_TYPE, {})
    is_evidence = (
        iri.startswith(str(EV))
        or ox.NamedNode(str(OA.SpecificResource)) in types
        or ox.NamedNode(str(CSTO.Evidence)) in types
    )
    return evidence(store, iri) if is_evidence and str(OA.hasSource) in own else None


def _members_now(store: ox.Store, labels: Labeller, iri: str, passages: Passages) -> Section | None:
    """For the CSTO: who is a member today (see :mod:`.members`, whose query is the CSTO's)."""
    from .members import members_section

    if iri != str(ALLIANCE):
        return None
    try:
        return members_section(store, labels, read_today(), passages)
    except (OSError, RuntimeError):  # queries/members-as-of.rq missing or without its VALUES ?date line
        return None


# A fact's parts (options weighed, reliances, changes, marked readings) are listed in the order their words come in the
# passage (the seed's order: "does not reflect any firm policy position …, rather reflecting briefings …"), not
# alphabetically by their names ("preferred: …" before "rejected: …").
_PART_WORDS = {
    _C + "weighsOption": _C + "optionMarker",
    _C + "reliance": _C + "relianceMarker",
    _C + "change": _C + "changeMarker",
    _C + "markedReading": _C + "readingMarker",
}


def _in_words_order(store: ox.Store, rows: list[Row]) -> None:
    for row in rows:
        marker = _PART_WORDS.get(row.predicate.iri or "")
        if marker is None or len(row.values) < 2:
            continue
        prop = ox.NamedNode(marker)

        def position(v, prop=prop) -> int:
            words = [q.object.value for q in store.quads_for_pattern(ox.NamedNode(v.term.iri or ""), prop, None, None)]
            found = [
                p.evidence.start + p.evidence.exact.find(w)
                for p in v.passages
                for w in words
                if p.evidence.exact and p.evidence.start is not None and w in p.evidence.exact
            ]
            return min(found, default=1 << 62)

        row.values.sort(key=position)


@dataclass
class PageMemory:
    """What every page of one store asks again, kept by the app across pages (``server/README.md``): the last date
    the sources confirm, each evidence node's view (the most recently used 4,096), each subject's value supports
    (the most recently used, up to 16,384 supports in all: the curated graph has 5,475), and how many curated
    statements use each role a page sorts its facts by (:attr:`.key_facts.Context.role_uses`, filled as pages ask),
    and the ontology page's index of terms with their usage counts and the disagreements page's list (the generated
    1e6 project: ~1.5 s to count the one, 4.3 s to find the other, none)."""

    confirmed: dt.date | None
    evidence: Remembered
    supports: Remembered | None = None
    role_uses: dict[str, int] = field(default_factory=dict)
    ontology_index: dict | None = None  # the ontology page's terms with their usage counts (constants of the build)
    disagreements: list | None = None  # every disagreement of the graph, for its page (a constant of the build)

    @classmethod
    def of(cls, store: ox.Store) -> PageMemory:
        supports = Remembered(partial(frozen_supports, store), 16_384, _support_count)
        return cls(confirmed_until(store), Remembered(partial(evidence, store), 4096), supports)


def _support_count(supports) -> int:
    return 1 + sum(len(s) for s in supports.values())


def build_page(
    store: ox.Store,
    labels: Labeller,
    iri: str,
    key_sections: bool = True,
    described: list | None = None,
    memory: PageMemory | None = None,
    huge: dict[str, int] | None = None,
) -> ResourcePage:
    """``iri``'s page; ``key_sections`` False: without the key-fact sections (a template that does not show them);
    ``described``: ``description(store, iri)`` if the caller has it; ``memory``: the app's, else this page's own;
    ``huge``: {property: resources linking here by it} of the groups ``described`` holds a sample of
    (:func:`.resource_description.huge_incoming`): each says how many there are."""
    memory = memory or PageMemory.of(store)
    node = ox.NamedNode(iri)
    described = description(store, iri) if described is None else described
    subjects, incoming = by_subject(described, node)
    own = subjects.get(node, {})
    passages = Passages(store, labels, memory.evidence, memory.supports)
    linked = {s for objs in incoming.values() for s, gs in objs.items() if gs - {_INFERRED}}
    rows = out_rows(labels, own, subjects, passages.supports(iri), passages, linked)
    key = _readings_beside(store, _key_rows(rows))
    _in_words_order(store, key)
    classes = {o.value for o in own.get(_TYPE, {}) if isinstance(o, ox.NamedNode)}
    ctx = Context(store, labels, passages, memory.confirmed, role_uses=memory.role_uses)
    all_graphs = {g for objs in own.values() for gs in objs.values() for g in gs}
    in_links = _with_totals(in_groups(labels, incoming), huge or {})
    return ResourcePage(
        iri=iri,
        path=local_path(iri) or iri,
        label=labels(iri),
        types=_types(labels, own),
        definition=_definition(own),
        other_names=_other_names(own),
        identifiers=_identifiers(labels, own),
        key_statements=key,
        sections=sections_for(ctx, iri, classes, _members_now(store, labels, iri, passages)) if key_sections else [],
        disagreements=disagreements_about(store, labels, iri, passages),
        out=rows,
        incoming=in_links,
        derived_only=bool(all_graphs) and all_graphs == {_INFERRED},
        own_evidence=_own_evidence(store, iri, own),
        evidence_groups=_evidence_groups(labels, passages, own),
        # what its groups list: a link the build infers repeating an asserted one (dcterms:subject beside csto:about)
        # is not listed, and was counted ("Referred to by (4)" over 3 links)
        incoming_count=sum(len(g.subjects) + g.more for g in in_links),
        fragments=_fragments(labels, described, iri),
    )


def _fragments(labels: Labeller, described: list, iri: str) -> list[Fragment]:
    out = []
    for h, quads in fragments(described, iri).items():
        props: dict[str, dict] = {}
        for q in quads:  # each triple once (a named graph's and the union's copy)
            props.setdefault(q.predicate.value, {})[q.object] = None
        rows = [
            (term_view(labels, ox.NamedNode(p)), [term_view(labels, o) for o in objs])
            for p, objs in sorted(props.items(), key=lambda kv: (kv[0] != _TYPE, labels(kv[0]).lower()))
        ]
        out.append(Fragment(h.value.split("#", 1)[1], term_view(labels, h), rows))
    return sorted(out, key=lambda f: f.anchor)


def _with_totals(groups: list, huge: dict[str, int]) -> list:
    """``groups`` with each sampled one's count of the resources it leaves out taken from ``huge``: a group of a huge
    property lists the first of its sample by name, not of all its resources, and says so."""
    for g in groups:
        total = huge.get(g.predicate.iri or "")
        if total is not None:
            g.more = total - len(g.subjects)
            g.sampled = True
    return groups
