"""What matters first on a page: the facts about a resource, each with the passage(s) that support it.

Sections, in order, each a list of :class:`Line` (a fact with its dates, its
words and its passages):

- **membership periods** (a state: its periods; the alliance: every period;
  a membership: itself; a period's interval, beginning or end: the period it times): from and to at the sources' precision, "date not
  given" where a source names an event but no date, "undetermined" where the
  period's bounds leave the day open, open periods "not confirmed by the
  sources after …" (the latest source's date, :mod:`.confirmed`);
- for the alliance: members now, bodies, its treaty, summits;
- **offices held by its people** (a state), via the offices in it;
- for an evidence node, **the facts this passage supports** (``prov:wasDerivedFrom``), one line each;
- **facts that refer to it**, grouped by the role it plays (attended /
  missed a summit, held a stance, held an office, invoked, party…), each
  fact's passage being the one supporting *that* link (:mod:`.value_support`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from csto_kg.namespaces import ALLIANCE, CSTO, ENTITIES_GRAPH, INFERRED_GRAPH, ORG, PROV, RDF

from . import dates
from .statements import Passage, Passages, Term, graph_badge, term_view
from .timeline import Period
from .timeline import periods as all_periods
from .value_support import SUPPORT_GRAPH, curated

__all__ = ["Line", "Section", "sections_for", "DATE_PROPS", "membership_lines"]

_N = ox.NamedNode
_C = str(CSTO)
_TYPE = _N(str(RDF.type))
_INFERRED = _N(str(INFERRED_GRAPH))
_ENTITIES = _N(str(ENTITIES_GRAPH))
_HAS_SOURCE = "http://www.w3.org/ns/oa#hasSource"
_ALLIANCE = str(ALLIANCE)
_ORG_CLASSES = {
    str(ORG.Organization),
    str(ORG.FormalOrganization),
    _C + "Organisation",
    _C + "InternationalOrganisation",
}
DATE_PROPS = [
    _C + p for p in ("date", "startDate", "dateSigned", "attestedOn", "electedOn", "datePublished", "publishedOn")
]
_MEMBER, _ORGANIZATION = str(ORG.member), str(ORG.organization)
_STARTED_BY, _ENDED_BY = _C + "startedBy", _C + "endedBy"
_TIME = "http://www.w3.org/2006/time#"
_TIME_CLASSES = {_TIME + c for c in ("Interval", "ProperInterval", "Instant", "TemporalEntity")}
_BOUNDS = (_N(_TIME + "hasBeginning"), _N(_TIME + "hasEnd"))
# Roles a resource plays in facts, as section titles; other roles are named by their declared inverse or "As <role>".
_DERIVED_FROM = str(PROV.wasDerivedFrom)
ROLE_TITLES = {
    _DERIVED_FROM: "Facts this passage supports",
    _C + "office": "Holders of this office",
    _C + "holder": "Offices held",
    _C + "heldBy": "Stances held",
    _C + "speakingAs": "Stances in an office",
    _C + "state": "What it did",
    _C + "agent": "What it did",
    _C + "operatedBy": "Operated by it",
    _C + "party": "Party to",
    _C + "participatingState": "Summits and meetings attended",
    _C + "absentState": "Summits and meetings missed",
    _C + "attendee": "Meetings attended",
    _C + "refusedToSignBy": "Refused to sign",
    _C + "beganWith": "The office holding it began",
    _C + "grantee": "Granted",
    _C + "destination": "Deployments to it",
    _C + "target": "Actions directed at it",
    _C + "cause": "Given as the cause of",
    _C + "host": "Hosted",
    _C + "invokedArticle": "Invocations of it",
    _C + "place": "What happened here",
    _C + "expressedIn": "Stances expressed in it",
    _C + "listsMember": "Listed as a member",
    _C + "foundingTreaty": "Founding treaty of",
    _C + "treaty": "Under this treaty",
    _C + "quantityOf": "Figures about it",
    _C + "context": "Context of",
    _C + "hasQuantity": "The figure in",
    _C + "reportedForceSize": "The force size reported for",
    _C + "disagreesWith": "Reported differently by",
    _C + "startedBy": "Starts",
    _C + "endedBy": "Ends",
    _C + "about": "Stances and claims about it",
    # round 17's structures: whom a criticism is aimed at, whose approval a decision awaits, what a change changes,
    # where a proposition places an event, by what means and to what end, what a vague time is reckoned from
    _C + "criticises": "Criticised in",
    _C + "approvalBy": "Decisions awaiting or given its approval",
    _C + "changedItem": "Changes to it",
    _C + "locatesWithin": "Events a proposition places within it",
    _C + "locatesEvent": "Where a proposition places it",
    _C + "means": "The means of",
    _C + "purpose": "The purpose of",
    _C + "timeAnchor": "Facts timed against it",
    # round 18's: a border's sides, who relies on whom, options weighed, what is denied, what a thing turned into
    _C + "borderOf": "Its borders",
    _C + "reliantParty": "What it relies on",
    _C + "reliedOn": "Relied on by",
    _C + "reliedFor": "What others rely on for it",
    _C + "optionItem": "Weighed as an option",
    _C + "denies": "Denied in",
    _C + "changeResult": "What turned into it",
    # round 19's: what is said to be unclear or doubted and by whom; what someone should or must (not) do
    _C + "uncertainAbout": "Said to be unclear, unknown or doubted",
    _C + "uncertainParty": "What it is unsure of, unaware of or doubts",
    _C + "prescribedFor": "What it should or must (not) do",
    _C + "prescribedAct": "Called for or ruled out",
    # round 20's: what a proposition recalls or reminds of, and whose outcome a later proposition judges
    _C + "recalls": "Recalled in",
    _C + "judgesExpectation": "Its outcome, as a later proposition judges it",
}
# Older minor roles a state's, a person's, an organisation's, a summit's or a topic's page named only "As <role>"
# ("As ranked among the leading", "As alleged victim"): each is named for what it lists, and still folded, with the
# roles no title names, into the contents line's "other roles it plays in facts".
MINOR_ROLE_TITLES = {
    _C + "abilityOf": "What it can or cannot do",
    _C + "abilityFor": "Abilities to do it",
    _C + "accusedParty": "Accused in",
    _C + "allegedVictim": "Named as the victim in",
    _C + "attemptedBy": "What it tried to do",
    _C + "addressee": "Addressed to it",
    _C + "basedIn": "Based in it",
    _C + "bindsParty": "Treaty provisions binding it",
    _C + "bordersOn": "Bordering it",
    _C + "capitalOf": "Its capital",
    _C + "changeOf": "Its rise or fall",
    _C + "changeAmount": "The change it measures",
    _C + "closeToGovernmentOf": "Close to its government",
    _C + "comparedWith": "Compared with it",
    _C + "comparisonRespect": "Compared in this respect",
    _C + "comparisonSubject": "Compared with something else",
    _C + "condition": "Conditional on it",
    _C + "contributor": "Forces it contributed",
    _C + "countedThing": "Counted vaguely",
    _C + "deniedCause": "Denied as the cause of",
    _C + "excludedMember": "Left out of",
    _C + "exclusively": "Said to be the only one",
    _C + "goal": "The goal of",
    _C + "groupMember": "Named as one of a group",
    _C + "groupOfState": "Groups of its people",
    _C + "inferredBy": "Inferences it draws",
    _C + "inferredFrom": "Inferences drawn from it",
    _C + "inSpiteOf": "In spite of it",
    _C + "invitee": "Invited to",
    _C + "issuedBy": "Issued by it",
    _C + "ledBy": "Organisations it leads",
    _C + "locatedBetween": "Lying between it and another",
    _C + "locatedIn": "Located in it",
    _C + "mainContributor": "Main contributor to",
    _C + "mainlyInhabitedBy": "Places mainly home to it",
    _C + "namesAsExample": "Named as an example",
    _C + "nationality": "Its nationals",
    _C + "organOf": "Its bodies",
    _C + "participant": "Took part in",
    _C + "proposedBy": "Proposed by it",
    _C + "rankedAmong": "Rankings among its members",
    _C + "rankedAmongLeading": "Ranked among the leading",
    _C + "rankedFirst": "Ranked first",
    _C + "recipient": "Awards received",
    _C + "regionOfWork": "People working on it",
    _C + "sideItem": "A side of a comparison",
    _C + "standsFor": "Names standing for it",
    _C + "student": "Studies",
    _C + "sessionOf": "Its sessions",
    _C + "sidelineOf": "On its sidelines",
    _C + "decidedAt": "Decided at it",
    _C + "elapsedFrom": "Time elapsed since it",
    _C + "elapsedUntil": "Time elapsed up to it",
    _C + "charter": "Charter of",
    _C + "reportedIn": "Reported in it",
    _C + "reportedVia": "Learned through it",
    _C + "answeredBy": "Questions it answers",
    _C + "repeats": "Repeated or carried on by",
    _C + "summarises": "Summed up by",
    _C + "elaborates": "Spelled out by",
    _C + "exampleOf": "Instances of it",
    _C + "inHolding": "Said in this office holding",
    _C + "subsetOf": "Parts of it",
    _C + "duringSession": "Said or done during this session",
    _C + "simultaneousWith": "At the same time as it",
    _C + "hasVagueQuantity": "The vague count in",
    _C + "borderKind": "Borders of this kind",
    _C + "publicationDate": "The publication date of",
    _C + "holdersOf": "Groups of its holders",
    _C + "succeededBy": "What it succeeded",
    _C + "body": "Its meetings",
    _C + "supremeBody": "Supreme body of",
    _C + "decidedAction": "Decided in",
    _C + "contributorTo": "Its contributors",
    _C + "publishedOn": "Published on it",
    _C + "alumniOf": "Its graduates",
    _C + "institution": "Studies there",
    _C + "displacedPersons": "The number displaced in",
    _C + "deathToll": "The death toll of",
    _C + "readFromAct": "Attitudes read from it",
    _C + "fieldOfWork": "People working on it",
    _C + "provides": "Provided for by",
    _C + "appliesIn": "Applying in this case",
    _C + "definesCaseAs": "The act a treaty article's case is",
    _C + "threatenedInterest": "Threatened in a treaty article's case",
    _C + "consistsOf": "Named as a part of",
    _C + "omits": "Said to be left out of a document",
    _C + "changeSince": "Changes said to run since it",
    _C + "orderedAct": "Ordered in",
    _C + "sideTime": "Comparisons taken at it",
    _C + "acquiredItem": "Acquired in",
    _C + "awardedFor": "Awards for it",
}
ROLE_TITLES |= MINOR_ROLE_TITLES
# The order of those sections on a page: what a reader needs first (a passage's facts; an office's holders, a
# person's offices; what a state or person did, the summits it attended or missed, what it signed or refused,
# invoked, was sent; what a meeting produced, what answered a request), then what was said (stances held, in an
# office, expressed at a meeting), then the rest (``_role_tier``): a section of things said (every fact a
# csto:Proposition) follows the sections of things done or that happened. A state's ten stances came before its
# invocation and the summit it missed, a summit's 27 stances before the bilateral meetings on its sidelines.
ROLE_ORDER = [
    _DERIVED_FROM,
    _C + "office",
    _C + "holder",
    _C + "state",
    _C + "agent",
    _C + "operatedBy",
    _C + "party",
    _C + "participatingState",
    _C + "absentState",
    _C + "attendee",
    _C + "refusedToSignBy",
    _C + "approvalBy",
    _C + "invokedArticle",
    _C + "destination",
    _C + "grantee",
    _C + "producedAt",
    _C + "response",
    _C + "respondsTo",
    _C + "host",
    _C + "place",
    _C + "beganWith",
    _C + "startedBy",
    _C + "endedBy",
    _C + "heldBy",
    _C + "speakingAs",
    _C + "expressedIn",
    _C + "criticises",
    _C + "target",
    _C + "cause",
    _C + "listsMember",
    _C + "foundingTreaty",
    _C + "treaty",
    _C + "quantityOf",
    _C + "hasQuantity",
    _C + "reportedForceSize",
    _C + "context",
    _C + "disagreesWith",
]
# csto:readingValue repeats a value its fact has for the reading's property (csto:MarkedReading), which has its own
# section ("As inferred from", "As names as example"); listed again it was the reading's slug with no passage.
_SKIPPED_ROLES = {
    _MEMBER,
    _ORGANIZATION,
    _C + "organisation",
    _C + "dateRelativeTo",
    _C + "readingValue",
    str(RDF.type),
}
# Roles read in another role's section: the events a state or person acted in as csto:agent (who issued an order,
# proposed, called for assistance) are what it did, as much as the state-level events of csto:state; a state's page
# listed them apart, under "Acted in" after "What it did", the order of its deeds across the two lost.
_SAME_SECTION = {_C + "agent": _C + "state"}
_COLLAPSE_AFTER = 15
# A section of more facts than this (233 stances quoted directly, on the term page of csto:Direct) lists the first
# _LISTED_FACTS by name, each with its passages, and says how many there are with a SPARQL query for all of them:
# building a line per fact, with its passages, took a second on such a page.
_CAP_OVER = 60
_LISTED_FACTS = 25
# A section of always-open things said (stances held) of more facts than _COLLAPSE_AFTER reads one line per fact, its
# date, kind and passage links (the quote a hover or a click away, in full on the fact's own page): Lukashenko's 42
# stances, each quoted in full, ran to ~250 lines of text before what anyone else on the page was reached.
_ALWAYS_OPEN = {
    _C + "office",
    _C + "holder",
    _C + "heldBy",
    _C + "speakingAs",
    _C + "participatingState",
    _C + "absentState",
}


@dataclass
class Named:
    """A line's detail that names resources (what a stance criticises, what a denial denies, the fact a reliance is
    part of): each a link to its page, read with ``sep`` between them. A detail of words or dates stays a string."""

    terms: list[Term]
    sep: str = "; "

    def __str__(self) -> str:
        return self.sep.join((f"{t.prefix} " if t.prefix else "") + t.text for t in self.terms)


def _named(ctx: Context, nodes, sep: str = "; ", text=None, prefix: str | None = None) -> Named:
    """``nodes`` as links named by their labels (``text``: a function giving another text for a node)."""
    terms = []
    for n in nodes:
        t = term_view(ctx.labels, n)
        terms.append(replace(t, text=text(n) if text else t.text, prefix=prefix))
    return Named(terms, sep)


@dataclass
class Line:
    subject: Term
    kinds: list[str] = field(default_factory=list)  # the fact's classes
    details: list[tuple[str, str | Named]] = field(default_factory=list)  # (what, text): "from", "15 May 1992"
    words: list[str] = field(default_factory=list)  # csto:words: the words that carry it
    passages: list[Passage] = field(default_factory=list)
    status: str | None = None  # "undetermined", "not confirmed after …"
    quoted_above: list[Passage] = field(default_factory=list)  # its passages an earlier line of the section quotes
    no_passage: str | None = None  # where it has no passage, why, if not because the build inferred it
    when: str = ""  # its earliest date as the sources write it ("2022", "2022-09", "2022-09-13"): lines sort by it
    ordinal: int | None = None  # its csto:ordinal (a state's first, second withdrawal): orders its kind's lines
    # Where it goes among the lines of its ``when``: (0,) dated; undated, (-1,) just before the fact it precedes,
    # (0,) with the one it is simultaneous with, (1, n) where its membership period's bounds put it, (2,) just after
    # the fact it follows (``_place_undated``).
    place: tuple[int, ...] = (0,)
    weight: int = 0  # among the facts of one date, an invocation, a request, a membership event or a response first


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line]
    note: str | None = None
    collapsed: bool = False
    compact: bool = False  # one line per fact, passages as short links
    brief: bool = False  # a long list of things said: one line per fact with its date, kind and passage links
    total: int | None = None  # where only the first lines are built: how many facts there are in all
    rest_query: str | None = None  # ... and a SPARQL query listing all of them
    lead: bool = False  # shown before the key statements: the fact a part of a fact belongs to
    minor_role: bool = False  # a minor role named by MINOR_ROLE_TITLES: folded in the contents line all the same
    elsewhere: str | None = None  # the facts it leaves to other sections, where they are: "1 listed above"

    @property
    def count(self) -> str:
        """The count its heading and the contents line give: how many facts it lists (all of them, where it lists a
        sample by name); a section listing none itself, the facts it leaves to other sections and where ("1 listed
        above"): "Precedes (0)" was read beside "It is listed above, under “Response”"."""
        if self.total is not None:
            return f"{self.total:,}"
        if not self.lines and self.elsewhere:
            return self.elsewhere
        return f"{len(self.lines):,}"

    @property
    def leads(self) -> bool:
        """Shown before the key statements: a state's membership periods and its people's offices, a period's own
        dates, the alliance's members now and over time, the fact a part of a fact belongs to. The others follow them."""
        return self.lead or self.key.startswith("memberships") or self.key in ("offices", "members-now")

    @property
    def minor(self) -> bool:
        """A minor role (``MINOR_ROLE_TITLES``, or one the page names only "As <role>": no title, no declared inverse):
        the contents line folds these."""
        return not self.lead and (self.minor_role or self.title.startswith("As "))

    @property
    def anchor(self) -> str:
        """The section's id on the page (the contents line at the top links it)."""
        return "k-" + self.key.replace(":", "-").replace("/", "-").replace("#", "-")


@dataclass
class Context:
    store: ox.Store
    labels: object
    passages: Passages
    confirmed: dt.date | None
    periods: list[Period] | None = None  # every organisation's membership periods, read once a page when needed
    # role IRI -> the statements of the curated graphs that use it: a constant of the store, which the app keeps for
    # every page (at scale a count walks every such statement)
    role_uses: dict[str, int] = field(default_factory=dict)


def _asserted(store: ox.Store, s, p) -> list:
    return list(dict.fromkeys(q.object for q in store.quads_for_pattern(s, _N(p), None, None) if curated(q)))


def _kinds(ctx: Context, fact: ox.NamedNode) -> list[str]:
    types = [t.value for t in _asserted(ctx.store, fact, str(RDF.type)) if isinstance(t, ox.NamedNode)]
    specific = [t for t in types if t != _C + "Fact"] or types
    return sorted({ctx.labels(t) for t in specific})


def _dates_by_source(ctx: Context, fact, prop: str) -> str | None:
    """The dates the seeds give ``fact`` under ``prop``, each at its precision; where seeds give different
    values, each followed by the seeds that give it: one date at several precisions as the most precise with the
    coarser ones after it ("6 January 2022 (001); January 2022 in 003, 2022 in 004, less precise"), which read as
    a disagreement when written "6 January 2022 (001) / January 2022 (003) / 2022 (004)"; values that disagree so
    ("2023-02 (001) / 2022-02 (001)")."""
    graphs: dict[ox.Literal, set[str]] = {}
    for q in ctx.store.quads_for_pattern(fact, _N(prop), None, None):
        if curated(q) and isinstance(q.object, ox.Literal):
            graphs.setdefault(q.object, set()).add(q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "")
    if not graphs:
        return None
    texts: dict[str, set[str]] = {}
    for v, gs in sorted(graphs.items(), key=lambda kv: -len(kv[0].value)):  # the most precise first
        texts.setdefault(dates.human(v), set()).update(gs)
    if len(texts) == 1:
        return next(iter(texts))
    seeds = {t: sorted({graph_badge(ctx.labels, g)[1] for g in gs if g}) for t, gs in texts.items()}
    lexical = sorted({v.value for v in graphs}, key=len, reverse=True)
    if all(lexical[0].startswith(v) for v in lexical[1:]):  # one date at several precisions, not a disagreement
        first, *coarser = texts
        given = ", ".join(f"{t} in {', '.join(seeds[t])}" if seeds[t] else t for t in coarser)
        head = f"{first} ({', '.join(seeds[first])})" if seeds[first] else first
        return f"{head}; {given}, less precise"
    return " / ".join(f"{t} ({', '.join(seeds[t])})" if seeds[t] else t for t in texts)


def _date_details(ctx: Context, fact) -> list[tuple[str, str]]:
    out = []
    for p in DATE_PROPS:
        text = _dates_by_source(ctx, fact, p)
        if text:
            out.append((ctx.labels(p), text))
    return out


def _passages(ctx: Context, subject: str, pairs: list[tuple[str, object]], what: str = "") -> list[Passage]:
    sup = ctx.passages.supports(subject)
    seen, out = set(), []
    for key in pairs:
        for p in _naming(ctx, key[1], ctx.passages.of(sup.get(key, []))):
            if p.evidence.iri not in seen:
                seen.add(p.evidence.iri)
                out.append(replace(p, supports=(what,) if what else ()))
    return out


_SKOS = "http://www.w3.org/2004/02/skos/core#"
_NAMES = [
    _N("http://www.w3.org/2000/01/rdf-schema#label"),
    *(_N(_SKOS + p) for p in ("prefLabel", "altLabel", "hiddenLabel")),
]
_PERSON = _N(_C + "Person")


def _naming(ctx: Context, value, passages: list[Passage]) -> list[Passage]:
    """Of the passages graph:support gives for one value, those that name it, where some do and some do not: a
    fact's passages are declared per property (csto:supportsProperty), so a summit's five passages each support its
    attendees, and Pashinyan's attendance was shown with the passage on Kyrgyzstan's trade. The others stay in the
    graph (and on the fact's own page); a value no passage names keeps them all."""
    if len(passages) < 2 or not isinstance(value, ox.NamedNode):
        return passages
    names = {
        n.value.casefold()
        for p in _NAMES
        for q in ctx.store.quads_for_pattern(value, p, None, None)
        if isinstance(n := q.object, ox.Literal) and len(n.value) > 2
    }
    if _is_a(ctx, value.value, _PERSON):  # a person by the surname too ("Lukashenko spoke at the opening")
        names |= {n.rsplit(" ", 1)[-1] for n in names if " " in n}
    if not names:
        return passages
    named = [p for p in passages if p.evidence.exact and any(n in p.evidence.exact.casefold() for n in names)]
    return named or passages


def _merge(lists: list[list[Passage]]) -> list[Passage]:
    """One entry per passage, saying every value it supports."""
    merged: dict[str, Passage] = {}
    for ps in lists:
        for p in ps:
            old = merged.get(p.evidence.iri)
            merged[p.evidence.iri] = (
                p if old is None else replace(old, supports=tuple(dict.fromkeys(old.supports + p.supports)))
            )
    return list(merged.values())


# --- membership periods --------------------------------------------------------


def _instant_text(ctx: Context, event, lo, hi) -> tuple[str, bool]:
    """(text, undetermined) for a period's start or end: the event's date at its precision, else why not."""
    text = _dates_by_source(ctx, event, _C + "date") if event is not None else None
    if text:
        return text, False
    why = "date not given" if event is not None else "not recorded"
    if lo and hi:
        return f"{why} (undetermined: {dates.span(lo, hi)})", True
    return why, True


def _event_date_passages(ctx: Context, event, what: str) -> list[Passage]:
    if not isinstance(event, ox.NamedNode):
        return []
    return _passages(ctx, event.value, [(_C + "date", v) for v in _asserted(ctx.store, event, _C + "date")], what)


def _membership_line(ctx: Context, p: Period, show_state: bool) -> Line:
    m = _N(p.membership)
    start_ev = next(iter(_asserted(ctx.store, m, _STARTED_BY)), None)
    end_ev = next(iter(_asserted(ctx.store, m, _ENDED_BY)), None)
    start, s_open = _instant_text(ctx, start_ev, p.start_nb, p.start_na)
    line = Line(term_view(ctx.labels, m), [ctx.labels(p.state)] if show_state else [])
    line.details.append(("from", start))
    e_open = False
    if p.has_end:
        end, e_open = _instant_text(ctx, end_ev, p.end_nb, p.end_na)
        line.details.append(("to", end))
    else:
        line.details.append(("to", "no recorded end"))
        if ctx.confirmed:
            line.status = f"not confirmed by the sources after {dates.day(ctx.confirmed)}"
    if s_open or e_open:
        line.status = "undetermined: the sources do not date " + (
            "its start" if s_open and not e_open else "its end" if e_open and not s_open else "it"
        )
    line.passages = _merge(
        [
            _passages(ctx, p.membership, [(_STARTED_BY, start_ev)], "from") if start_ev is not None else [],
            _event_date_passages(ctx, start_ev, "from"),
            _passages(ctx, p.membership, [(_ENDED_BY, end_ev)], "to") if end_ev is not None else [],
            _event_date_passages(ctx, end_ev, "to"),
            _passages(ctx, p.membership, [(_MEMBER, _N(p.state))], "member"),
        ]
    )
    return line


def membership_lines(
    ctx: Context, *, state: str | None = None, membership: str | None = None, organisation: str | None = _ALLIANCE
) -> list[Line]:
    """Lines of the membership periods of ``organisation`` (None: any), of ``state`` or the one ``membership``."""
    ps = [
        p
        for p in all_periods(ctx.store, organisation, state, membership)
        if (state is None or p.state == state) and (membership is None or p.membership == membership)
    ]
    ps.sort(key=lambda p: (ctx.labels(p.state), p.start_na or p.start_nb or p.end_nb or dt.date.max, p.reaccession))
    return [_membership_line(ctx, p, state is None and membership is None) for p in ps]


def _memberships_timed_by(ctx: Context, iri: str) -> list[str]:
    """The memberships whose ``org:memberDuring`` is ``iri``, or has ``iri`` as its beginning or end."""
    node, during = _N(iri), _N(str(ORG.memberDuring))
    intervals = {node} | {
        q.subject for p in _BOUNDS for q in ctx.store.quads_for_pattern(None, p, node, None)
    }  # curated or derived by the build (graph:inferred): the union default graph holds both
    return sorted({q.subject.value for i in intervals for q in ctx.store.quads_for_pattern(None, during, i, None)})


def state_membership_sections(ctx: Context, state: str) -> list[Section]:
    """A state's membership periods, one section per organisation: the CSTO's first, then the others by name
    (the SCO, the Union State), so no other organisation's period is ever listed as one of the CSTO's."""
    orgs = {p.organisation for p in all_periods(ctx.store, None, state) if p.organisation}
    out = []
    for org in sorted(orgs, key=lambda o: (o != _ALLIANCE, ctx.labels(o))):
        lines = membership_lines(ctx, state=state, organisation=org)
        if org == _ALLIANCE:
            out.append(Section("memberships", "Membership of the CSTO", lines))
        else:
            out.append(Section(f"memberships-{org.rsplit('/', 1)[-1]}", f"Membership of {ctx.labels(org)}", lines))
    return out


# --- facts that refer to a resource -----------------------------------------------


def _fact_line(ctx: Context, fact: ox.NamedNode, role: str, target: ox.NamedNode) -> Line:
    words = [w.value for w in _asserted(ctx.store, fact, _C + "words") if isinstance(w, ox.Literal)]
    details = _date_details(ctx, fact)
    for p in (_C + "position", _C + "office"):
        vals = [v for v in _asserted(ctx.store, fact, p) if isinstance(v, ox.NamedNode)]
        if vals:
            details.append((ctx.labels(p), _named(ctx, vals, ", ")))
    said_by = _said_by(ctx, fact, target, details)
    outcome = _outcomes(ctx, fact, details)
    date_pairs = _date_pairs(ctx, fact)
    passages = _merge(
        [
            _passages(ctx, fact.value, [(role, target)], ctx.labels(role)),
            *(_passages(ctx, fact.value, pairs, what) for what, pairs in said_by),
            _passages(ctx, fact.value, date_pairs, "date"),
            _passages(ctx, fact.value, outcome, "response"),
        ]
        + [_passages(ctx, fact.value, pairs, what) for what, pairs in _round17_details(ctx, fact, target, details)]
        + [_passages(ctx, fact.value, pairs, what) for what, pairs in _round18_details(ctx, fact, target, details)]
        + _border_details(ctx, fact, target, details)
        + _denied_details(ctx, fact, target, details)
    )
    if not passages:  # a part of a fact (a comparison's side): the fact it belongs to, and that fact's passage
        for owner, prop in _owners(ctx, fact):  # "in: <the stance>", not "prescription: <the stance>" (its side's word)
            details.append(("in", _named(ctx, [owner])))
            passages = _merge([passages, _passages(ctx, owner.value, [(prop, fact)], ctx.labels(prop))])
            for who_prop in _WHOSE:  # and whose fact it is (an uncertainty on its item's page: who says so)
                who = [w for w in _asserted(ctx.store, owner, who_prop) if isinstance(w, ox.NamedNode) and w != target]
                if who:
                    what = ctx.labels(who_prop)
                    details.append((what, _named(ctx, who, ", ")))
                    passages = _merge([passages, _passages(ctx, owner.value, [(who_prop, w) for w in who], what)])
    line = Line(
        term_view(ctx.labels, fact),
        _kinds(ctx, fact),
        details,
        words,
        passages,
        when=_when(ctx, fact),
        ordinal=_ordinal(ctx, fact),
        weight=_weight(ctx, fact),
    )
    if not line.when:
        _place_undated(ctx, fact, line, target)
    return line


# Who says a thing said, read first on its line wherever another page lists it: a stance's holder (and the office
# it was held in), a claim's source. The deployment in Kazakhstan listed 21 stances and claims by date and position
# only, whose they were readable only from their labels ("Orlov: …", "(Hansbury)").
_SAID_BY = (_C + "heldBy", _C + "speakingAs", _C + "assertedBy")


def _said_by(ctx: Context, fact: ox.NamedNode, target: ox.NamedNode, details: list) -> list[tuple[str, list]]:
    """Put who holds or asserts ``fact`` (csto:heldBy, csto:speakingAs, csto:assertedBy) first among ``details``,
    each a link, unless the page is of the holder or the source itself (its section, "Stances held", says so);
    return the statements' (label, pairs) whose passages the line cites."""
    holders = [v for v in _asserted(ctx.store, fact, _C + "heldBy") if isinstance(v, ox.NamedNode)]
    if target in holders:
        return []
    found = []
    for prop in _SAID_BY:
        vals = [v for v in _asserted(ctx.store, fact, prop) if isinstance(v, ox.NamedNode) and v != target]
        if vals:
            found.append((ctx.labels(prop), vals, prop))
    details[:0] = [(what, _named(ctx, vals, ", ")) for what, vals, _ in found]
    return [(what, [(prop, v) for v in vals]) for what, vals, prop in found]


# Among a state's or a person's facts of one date, what the reader looks for first: an invocation of the treaty's
# mutual-defence clause, then any request for assistance, a membership event, a response to a request; then the rest
# (a routine diplomatic action of the same month was listed first, its kind's name coming first in the alphabet).
_LEADING_CLASSES = [_N(_C + c) for c in ("Invocation", "AssistanceRequest", "MembershipEvent", "Response")]


def _weight(ctx: Context, fact: ox.NamedNode) -> int:
    return next((i for i, c in enumerate(_LEADING_CLASSES) if _is_a(ctx, fact.value, c)), len(_LEADING_CLASSES))


# An undated fact a source orders against another ("had already given", "since then", "at the same time"), as
# csto:precedes / csto:follows / csto:simultaneousWith: its place beside that fact, and the words saying so.
_RELATIVE = {
    _C + "precedes": ((-1,), "before"),
    _C + "simultaneousWith": ((0,), "at the same time as"),
    _C + "follows": ((2,), "after"),
    # and the facts whose time is another's by what they are: a decision taken at a meeting, a session of it, a
    # meeting on its sidelines, a document produced or a stance expressed there (at its date), a response (after
    # the request it answers)
    _C + "decidedAt": ((0,), "decided at"),
    _C + "sessionOf": ((0,), "session of"),
    _C + "sidelineOf": ((0,), "on the sidelines of"),
    _C + "producedAt": ((0,), "produced at"),
    _C + "expressedIn": ((0,), "expressed in"),
    _C + "respondsTo": ((2,), "in response to"),
}

_RELATIVE_INVERSE = {_C + "precedes": _C + "follows", _C + "follows": _C + "precedes"} | {
    _C + "simultaneousWith": _C + "simultaneousWith",
    _C + "respondsTo": _C + "response",
}


def _place_undated(ctx: Context, fact: ox.NamedNode, line: Line, page: ox.NamedNode | None = None) -> None:
    """Place an undated fact by what the graph says of its time: the dated fact a source says it precedes, follows
    or accompanies (the gas-price rise "just before" the unrest of January 2022 was listed after it, with the
    undated facts), else, for a membership event, the bounds the build derives for the period it starts or ends
    (Uzbekistan's undated re-accession, between 1992 and 2012, was listed after its president's election in 2016).
    The line says where it was put and why, with the passage of the ordering statement, unless what places it is
    the ``page``'s own resource (a summit's sessions, at its date)."""
    times = [t for t in _asserted(ctx.store, fact, _C + "relativeTime") if isinstance(t, ox.NamedNode)]
    anchors = {a for t in times for a in _asserted(ctx.store, t, _C + "timeAnchor")}
    for rel, (place, words) in _RELATIVE.items():
        inverse = _RELATIVE_INVERSE.get(rel)
        others = [q.object for q in ctx.store.quads_for_pattern(fact, _N(rel), None, None)]  # stated or inverted
        for other in dict.fromkeys(o for o in others if isinstance(o, ox.NamedNode)):
            when = _when(ctx, other)
            if not when:
                continue
            date = next((t for p in DATE_PROPS if (t := _dates_by_source(ctx, other, p))), "")
            line.when, line.place = when, place
            if other == page:
                return
            name = ctx.labels(other.value)  # its date too, unless its name gives the year
            if other not in anchors:  # else its vague time's words say it ("before …: “has previously criticized”")
                text = name if when[:4] in name else f"{name} ({date})"
                line.details.insert(0, (words, _named(ctx, [other], text=lambda _n, text=text: text)))
            line.passages = _merge(
                [
                    line.passages,
                    _passages(ctx, fact.value, [(rel, other)], words),
                    _passages(ctx, other.value, [(inverse, fact)], words) if inverse else [],
                ]
            )
            return
    for t in times:
        # a vague time ("recently", "the impending withdrawal", "previously"): just before or after its anchor's date
        # (a dated fact's, or the publication date of the source document), saying so in words, never as a date
        anchor, relation = (next(iter(_asserted(ctx.store, t, _C + p)), None) for p in ("timeAnchor", "timeRelation"))
        when = _anchor_when(ctx, anchor) if isinstance(anchor, ox.NamedNode) else ""
        if when and anchor != page and relation is not None:
            line.when, line.place = when, (2,) if relation.value == _C + "LaterThanAnchor" else (-1,)
            return
    bound = _membership_bound(ctx, fact)
    if bound is not None:
        nb, na, seq = bound
        line.when, line.place = nb.isoformat(), (1, seq)
        line.details.insert(0, ("date", f"not given; {dates.span(nb, na)}, by the order of its membership periods"))


_PUBLICATION_DATE = _N(_C + "publicationDate")
_INSTANT_VALUES = [_N(_TIME + p) for p in ("inXSDDate", "inXSDgYearMonth", "inXSDgYear")]


def _anchor_when(ctx: Context, anchor: ox.NamedNode) -> str:
    """The date of a csto:RelativeTime's anchor in the sources' lexical form: a fact's earliest date, or a source
    document's publication date at the precision established for it; "" where it has none."""
    when = _when(ctx, anchor)
    if when:
        return when
    for q in ctx.store.quads_for_pattern(anchor, _PUBLICATION_DATE, None, None):
        for p in _INSTANT_VALUES:
            for v in ctx.store.quads_for_pattern(q.object, p, None, None):
                if isinstance(v.object, ox.Literal):
                    return v.object.value
    return ""


def _membership_bound(ctx: Context, event: ox.NamedNode) -> tuple[dt.date, dt.date, int] | None:
    """(not before, not after, order) of an undated event that starts or ends a membership period whose bounds the
    build derives from the order of the state's periods; the order puts the end of a state's earlier period before
    the start of its later one (its first withdrawal before its re-accession, whose bounds are the same)."""
    for prop, end in ((_STARTED_BY, False), (_ENDED_BY, True)):
        for q in ctx.store.quads_for_pattern(None, _N(prop), event, None):
            if not curated(q):
                continue
            if ctx.periods is None:  # a query: only where a page lists an undated membership event
                ctx.periods = all_periods(ctx.store, None)
            mine = [p for p in ctx.periods if p.membership == q.subject.value]
            if not mine:
                continue
            p = mine[0]
            nb, na = (p.end_nb, p.end_na) if end else (p.start_nb, p.start_na)
            if nb is None or na is None:
                continue
            state = sorted(
                (x for x in ctx.periods if x.state == p.state and x.organisation == p.organisation),
                key=lambda x: (x.start_na or x.start_nb or dt.date.max, x.reaccession),
            )
            return nb, na, 2 * state.index(p) + end
    return None


def _outcomes(ctx: Context, fact: ox.NamedNode, details: list[tuple[str, str]]) -> list[tuple[str, object]]:
    """A request's outcome, the csto:response a seed gives it (a deployment, a refusal, a minimal response), added to
    ``details`` with its kind: a state's page listed its invocation of Article 4 and its requests with their dates
    only, what came of them a click away. Returns the (property, value) pairs whose passages the line quotes."""
    pairs = [(_C + "response", r) for r in _asserted(ctx.store, fact, _C + "response") if isinstance(r, ox.NamedNode)]
    for _, r in pairs:
        name, kinds = ctx.labels(r.value), [k for k in _kinds(ctx, r) if k.lower() not in ctx.labels(r.value).lower()]
        text = f"{name} ({', '.join(kinds)})" if kinds else name
        details.append(("response", _named(ctx, [r], text=lambda _n, text=text: text)))
    return pairs


def _round17_details(
    ctx: Context, fact: ox.NamedNode, page: ox.NamedNode, details: list[tuple[str, str]]
) -> list[tuple[str, list[tuple[str, object]]]]:
    """What a fact's line says of round 17's structures, added to ``details``: whom a criticism is aimed at (on the
    critic's page the line said "criticism" and not of whom), where a decision's approval stands and by whom
    ("approval pending: Armenia", on the summit's page too), where a proposition places an event ("places it within:
    Kyrgyzstan", on the event's page; "places within it", on the place's), and its vague time against its anchor ("shortly before
    the publication of …"), never a date. Returns (what, pairs) whose passages the line quotes. A value that is the
    page's own resource is not repeated (the target's page lists its criticisms under "Criticised in")."""
    out = []
    targets = [t for t in _asserted(ctx.store, fact, _C + "criticises") if isinstance(t, ox.NamedNode)]
    if targets and any(t != page for t in targets):
        details.append(("criticises", _named(ctx, targets, ", ")))
        out.append(("criticises", [(_C + "criticises", t) for t in targets]))
    for status in _asserted(ctx.store, fact, _C + "approvalStatus"):
        parties = [b for b in _asserted(ctx.store, fact, _C + "approvalBy") if isinstance(b, ox.NamedNode)]
        name = ctx.labels(status.value)
        details.append((name, _named(ctx, parties, ", ") if parties else "party not named"))
        out.append((name, [(_C + "approvalStatus", status)] + [(_C + "approvalBy", b) for b in parties]))
    events = [e for e in _asserted(ctx.store, fact, _C + "locatesEvent") if isinstance(e, ox.NamedNode)]
    places = [w for w in _asserted(ctx.store, fact, _C + "locatesWithin") if isinstance(w, ox.NamedNode)]
    if events and places:  # where a proposition places an event: the part that is not the page's own resource
        evs, pls = ([x for x in xs if x != page] for xs in (events, places))
        what, text = (
            ("places it within", _named(ctx, pls, ", "))
            if page in events
            else ("places within it", _named(ctx, evs, ", "))
            if page in places
            else ("places", Named(_named(ctx, evs, ", ").terms + _named(ctx, pls, ", ", prefix="within").terms, " "))
        )
        details.append((what, text))
        out.append((what, [(_C + "locatesEvent", e) for e in events] + [(_C + "locatesWithin", w) for w in places]))
    for t in _asserted(ctx.store, fact, _C + "relativeTime"):
        if isinstance(t, ox.NamedNode) and t != page:  # on the vague time's own page, its heading says it
            details.append(("when", _named(ctx, [t])))
            out.append(("when", [(_C + "relativeTime", t)]))
    return out


# What a fact's line says of who refused to sign it (a document), its means and purpose (round 17), what it denies
# and what reliance it states (round 18), each value with the passage saying it; a value that is the page's own resource is not repeated (its section says it).
_LINE_VALUES = [
    (_C + "refusedToSignBy", "refused to sign by"),  # a document's line on its meeting's page: who would not sign it
    (_C + "reportedForceSize", "force size reported"),  # a deployment's line: each source's figure, side by side
    (_C + "omits", "says it leaves out"),  # what a proposition says the document it is about does not contain
    (_C + "denies", "denies"),
    (_C + "means", "by means of"),
    (_C + "purpose", "for the purpose of"),
    (_C + "reliance", "reliance"),
    (_C + "uncertainty", "uncertain"),
    (_C + "prescription", "prescribes"),
    (_C + "recalls", "recalls"),
    (_C + "judgesExpectation", "judges the outcome of"),
]


def _round18_details(
    ctx: Context, fact: ox.NamedNode, page: ox.NamedNode, details: list[tuple[str, str]]
) -> list[tuple[str, list[tuple[str, object]]]]:
    """Round 18's (and 17's means and purpose) values of ``fact`` on its line elsewhere: "denies: Armenia's possible
    departure from the CSTO", "by means of: any means", "reliance: Uzbekistan does not rely on …", "self-criticism:
    “we play into the hands of the West”". Returns (what, pairs) whose passages the line quotes."""
    out = []
    for prop, what in _LINE_VALUES:
        values = [v for v in _asserted(ctx.store, fact, prop) if isinstance(v, ox.NamedNode) and v != page]
        if values:
            details.append((what, _named(ctx, values)))
            out.append((what, [(prop, v) for v in values]))
    own = [w for w in _asserted(ctx.store, fact, _C + "selfCriticismMarker") if isinstance(w, ox.Literal)]
    if own:  # a criticism of its holder's own side: the words saying so ("we play into the hands of the West")
        details.append(("self-criticism", "; ".join(f"“{w.value}”" for w in own)))
        out.append(("self-criticism", [(_C + "selfCriticismMarker", w) for w in own]))
    return out


def _denied_details(ctx: Context, fact: ox.NamedNode, page: ox.NamedNode, details: list[tuple[str, str]]) -> list:
    """A fact another fact denies (csto:denies: "a claim few outside Russia will give any credence to"): "denied in:
    <the denying fact>", with the passage saying so, so a denied claim is not read as standing unchallenged."""
    deniers = list(
        dict.fromkeys(
            q.subject
            for q in ctx.store.quads_for_pattern(None, _N(_C + "denies"), fact, None)
            if curated(q) and isinstance(q.subject, ox.NamedNode) and q.subject != page
        )
    )
    if deniers:
        details.append(("denied in", _named(ctx, deniers)))
    return [_passages(ctx, d.value, [(_C + "denies", fact)], "denied in") for d in deniers]


_BORDER = _N(_C + "Border")


def _border_details(ctx: Context, border: ox.NamedNode, page: ox.NamedNode, details: list[tuple[str, str]]) -> list:
    """A border on one side's page (csto:borderOf): its other sides ("with: Tajikistan") and the events the seeds
    place there ("what happened there: Kyrgyzstan–Tajikistan border clashes (2022)"), with the passages saying so.
    Returns the lists of passages; nothing for anything but a csto:Border."""
    if not _is_a(ctx, border.value, _BORDER):
        return []
    others = [s for s in _asserted(ctx.store, border, _C + "borderOf") if isinstance(s, ox.NamedNode) and s != page]
    if others:
        details.append(("with", _named(ctx, others, ", ")))
    place = _N(_C + "place")
    events = sorted(
        {q.subject for q in ctx.store.quads_for_pattern(None, place, border, None) if curated(q)},
        key=lambda e: (_when(ctx, e) or "9", ctx.labels(e.value)),
    )
    if events:
        details.append(("what happened there", _named(ctx, events)))
    return [_passages(ctx, e.value, [(_C + "place", border)], "what happened there") for e in events]


def _ordinal(ctx: Context, fact: ox.NamedNode) -> int | None:
    """The fact's csto:ordinal (Uzbekistan's "second time" quitting), or None."""
    for v in _asserted(ctx.store, fact, _C + "ordinal"):
        if isinstance(v, ox.Literal) and v.value.isdigit():
            return int(v.value)
    return None


def _when(ctx: Context, fact: ox.NamedNode) -> str:
    """The fact's earliest date in the seeds' own lexical form, which sorts in time order at any precision ("2022"
    before "2022-05-16" before "2022-09"); the page's text ("16 May 2022", "September 2022") does not."""
    values = [v.value for p in DATE_PROPS for v in _asserted(ctx.store, fact, p) if isinstance(v, ox.Literal)]
    return min(values, default="")


def _is_part(ctx: Context, iri: str) -> bool:
    """Whether ``iri`` is a part of a fact (a csto:MarkedReading, a csto:ComparisonSide): a node a seed's graph
    types that has no evidence of its own (its passage is its fact's); an entity is typed in graph:entities."""
    node = _N(iri)
    if _asserted(ctx.store, node, _DERIVED_FROM) or _asserted(ctx.store, node, _HAS_SOURCE):  # a fact; a passage
        return False
    return any(
        any(ctx.store.quads_for_pattern(node, _TYPE, None, g)) for g in _curated_graphs(ctx.store) if g != _ENTITIES
    )


def _owners(ctx: Context, part: ox.NamedNode) -> list[tuple[ox.NamedNode, str]]:
    """The facts that a node without evidence of its own belongs to (a csto:ComparisonSide: the stance whose
    csto:subjectSide it is), with the property linking them; [] where the node has evidence of its own."""
    if _asserted(ctx.store, part, _DERIVED_FROM):
        return []
    out = {}
    for g in _curated_graphs(ctx.store):
        for q in ctx.store.quads_for_pattern(None, None, part, g):
            if isinstance(q.subject, ox.NamedNode) and q.predicate.value.startswith(_C):
                if _asserted(ctx.store, q.subject, _DERIVED_FROM):
                    out[(q.subject.value, q.predicate.value)] = (q.subject, q.predicate.value)
    return [out[k] for k in sorted(out)]


def _curated_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The named graphs ``curated`` accepts: the seeds' (not graph:inferred, not graph:support)."""
    return [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g not in (_INFERRED, SUPPORT_GRAPH)]


_WHOSE = (_C + "heldBy", _C + "assertedBy", _C + "agent", _C + "state")


def _whose(ctx: Context, line: Line) -> None:
    """Who holds or asserts the fact a part belongs to, or who did it (an event's agent or state), first on its line:
    a prescription's or an uncertainty's page led with "Lukashenko's vision for the CSTO …" and its date, not whose
    vision it was (the holder's page lists the fact under "Stances held", so other lines do not repeat it)."""
    fact = _N(line.subject.iri or "")
    named = {what for what, _ in line.details}  # a stance's holder, a claim's source: already first (``_said_by``)
    for prop in reversed(_WHOSE):  # each inserted first: the holder leads
        who = [v for v in _asserted(ctx.store, fact, prop) if isinstance(v, ox.NamedNode)]
        if who and ctx.labels(prop) not in named:
            line.details.insert(0, (ctx.labels(prop), _named(ctx, who, ", ")))
            line.passages = _merge(
                [line.passages, _passages(ctx, fact.value, [(prop, v) for v in who], ctx.labels(prop))]
            )


def _part_of_title(lines: list[Line]) -> str:
    """The heading of the fact(s) a part belongs to, named for their kind as the other sections name what they list:
    "The stance it is part of", "The prescription it is part of" (a change that is a stance's and its prescription's
    act); it was "Part of (change)", "Part of (prescribed act)", the linking property's label in brackets."""
    kinds = {k.lower() for line in lines for k in line.kinds[:1]}
    kind = next(iter(kinds)) if len(kinds) == 1 else "fact"
    return f"The {kind} it is part of" if len(lines) == 1 else f"The {kind}s it is part of"


def referring_sections(ctx: Context, iri: str, roles: set[str] | None = None, part: bool = False) -> list[Section]:
    """The sections of the facts giving ``iri`` a role; ``part``: ``iri`` is a part of a fact (``_is_part``), whose
    sections (but "about") lead, titled for the kind of the fact they belong to (``_part_of_title``), and quote their
    passages first."""
    node = _N(iri)
    by_role: dict[str, dict[str, None]] = defaultdict(dict)
    for g in _curated_graphs(ctx.store):  # graph by graph: graph:support alone refers 4,000 times to a rank
        for q in ctx.store.quads_for_pattern(None, None, node, g):
            if not isinstance(q.subject, ox.NamedNode):
                continue
            role = q.predicate.value
            if role in _SKIPPED_ROLES or (roles is not None and role not in roles) or role.startswith(str(RDF)):
                continue
            if role.startswith(_C) or role in ROLE_TITLES:
                by_role[role][q.subject.value] = None
    role_of: dict[str, str] = {}  # a fact listed in another role's section: the role it gives the resource
    for role, into in _SAME_SECTION.items():
        if role in by_role and into in by_role:
            for f in by_role.pop(role):
                if f not in by_role[into]:
                    by_role[into][f], role_of[f] = None, role
    order = ROLE_ORDER
    sections = []
    quoted: set[str] = set()
    roles = sorted(
        by_role,
        key=lambda r: (
            -1 if part and r != _C + "about" else _role_tier(ctx, r, by_role[r]),
            order.index(r) if r in order else len(order),
            ctx.labels(r),
        ),
    )
    titles = {r: ROLE_TITLES.get(r) or _inverse_title(ctx, r) or f"As {ctx.labels(r)}" for r in roles}
    owner = _owning_roles(ctx, by_role, roles)
    for role in roles:
        title = titles[role]
        if role == _DERIVED_FROM:  # an evidence node: the facts it supports, one line each (the page is the passage)
            lines = [
                Line(
                    term_view(ctx.labels, _N(f)), _kinds(ctx, _N(f)), _date_details(ctx, _N(f)), when=_when(ctx, _N(f))
                )
                for f in by_role[role]
            ]
            sections.append(Section(role, title, sorted(lines, key=_line_order), compact=True))
            continue
        facts = list(by_role[role])
        capped = len(facts) > _CAP_OVER
        note = moved = None
        if not capped:  # each fact once: in the section of its most specific role (``_owning_roles``)
            elsewhere = {f: owner[f] for f in facts if owner.get(f, role) != role}
            facts = [f for f in facts if f not in elsewhere]
            if elsewhere:  # a section all of whose facts are listed elsewhere stays, its heading and the pointer
                note, moved = _listed_elsewhere_note(role, elsewhere, roles, titles, bool(facts))
        if capped:
            facts = sorted(facts, key=lambda f: (ctx.labels(f).lower(), f))[:_LISTED_FACTS]
        # A long always-open list of things said is listed briefly, its passages linked, not quoted: they are not
        # counted as quoted above for the sections below it.
        brief = (
            role in _ALWAYS_OPEN and len(facts) > _COLLAPSE_AFTER and all(_is_a(ctx, f, _PROPOSITION) for f in facts)
        )
        lines = _quoted_once(
            [_fact_line(ctx, _N(f), role_of.get(f, role), node) for f in facts], set(quoted) if brief else quoted
        )
        if brief:
            for line in lines:
                line.passages, line.quoted_above = line.passages + line.quoted_above, []
        collapsed = role == _C + "about" or (len(lines) > _COLLAPSE_AFTER and role not in _ALWAYS_OPEN)
        if capped:
            total = len(by_role[role])
            sections.append(
                Section(
                    role,
                    title,
                    lines,
                    collapsed=collapsed,
                    total=total,
                    rest_query=_facts_query(role, iri),
                    minor_role=role in MINOR_ROLE_TITLES,
                )
            )
            continue
        sections += (
            _own_and_hosted(ctx, node, role, title, lines, collapsed, note, moved)
            if role == _C + "state"
            else [
                Section(
                    role,
                    title,
                    lines,
                    note=note,
                    elsewhere=moved,
                    collapsed=collapsed,
                    brief=brief,
                    minor_role=role in MINOR_ROLE_TITLES,
                )
            ]
        )
    return sections


def _owning_roles(ctx: Context, by_role: dict[str, dict[str, None]], roles: list[str]) -> dict[str, str]:
    """For each fact a page would list in more than one section, the role whose section lists it: the more specific
    role, the one fewer statements of the curated graphs use (a stance criticising its holder, on the holder's page:
    csto:criticises, 42, not csto:heldBy, 283; an exercise in a state it attended: csto:participatingState, not
    csto:place; any role before csto:about, 898), the section higher on the page on a tie. A capped section (a sample
    of its first facts by name) neither gives up nor takes a fact. Only roles that share a fact are counted."""
    listed: dict[str, list[str]] = defaultdict(list)
    for role in roles:
        if role != _DERIVED_FROM and len(by_role[role]) <= _CAP_OVER:
            for f in by_role[role]:
                listed[f].append(role)
    shared = {r for rs in listed.values() if len(rs) > 1 for r in rs}
    if not shared:
        return {}
    uses = ctx.role_uses
    if missing := [r for r in shared if r not in uses]:
        graphs = _curated_graphs(ctx.store)
        for r in missing:
            uses[r] = sum(1 for g in graphs for _ in ctx.store.quads_for_pattern(None, _N(r), None, g))
    return {f: min(rs, key=lambda r: (uses[r], roles.index(r))) for f, rs in listed.items() if len(rs) > 1}


def _listed_elsewhere_note(
    role: str, elsewhere: dict[str, str], roles: list[str], titles: dict[str, str], rest: bool
) -> tuple[str, str]:
    """What a section leaves out, being listed in a section of a more specific role: how many, where, under which
    headings (a border's page listed the CSTO's legal argument under "Events a proposition places within it" and
    again under "Stances and claims about it"; a stance criticising its holder was under "Stances held" and
    "Criticised in"); and, for its heading's count, how many and where ("2 listed above and below")."""
    n = len(elsewhere)
    where = []
    for side, test in (("above", lambda r: roles.index(r) < roles.index(role)), ("below", lambda r: True)):
        owners = [r for r in dict.fromkeys(elsewhere.values()) if test(r) and not any(r in w for _, w in where)]
        if owners:
            where.append((side, owners))
    text = "; ".join(f"{side}, under {', '.join(f'“{titles[r]}”' for r in owners)}" for side, owners in where)
    count = f"{n} listed {' and '.join(side for side, _ in where)}"
    if not rest:  # the section lists none itself (Moscow's "What happened here": its summit, "Hosted" above)
        return f"{'It is' if n == 1 else f'All {n} are'} listed {text}.", count
    more = "more about it" if role == _C + "about" else "more"
    return f"{n} {more} {'is' if n == 1 else 'are'} listed {text}.", count


_PROPOSITION = _N(_C + "Proposition")


_EVENT = _N(_C + "Event")


def _is_a(ctx: Context, fact: str, cls: ox.NamedNode) -> bool:
    """Whether ``fact`` is an instance of ``cls`` (its subclasses' instances are typed so by the build)."""
    return any(ctx.store.quads_for_pattern(_N(fact), _TYPE, cls, None))


def _role_tier(ctx: Context, role: str, facts) -> int:
    """Where a role's section goes: 0 what was done or happened (the roles of ``ROLE_ORDER`` and any role whose
    facts are all events: the meetings on a summit's sidelines), 1 what was said in the roles of ``ROLE_ORDER``
    (stances held, expressed at a meeting), 2 the other roles ("As nationality"), 3 other roles of things said,
    4 the stances and claims about it."""
    if role == _C + "about":
        return 4
    said = all(_is_a(ctx, f, _PROPOSITION) for f in facts)
    if role in ROLE_ORDER:
        return 1 if said else 0
    if not said and all(_is_a(ctx, f, _EVENT) for f in facts):
        return 0
    return 3 if said else 2


def _quoted_once(lines: list[Line], seen: set[str]) -> list[Line]:
    """``lines`` in order, each passage quoted in full once on the page (``seen``: the evidence quoted in the
    sections above): a later line that cites it links it as quoted above (four facts reported in one article, from
    one sentence, quoted that sentence four times)."""
    lines.sort(key=_line_order)
    _by_ordinal(lines)
    for line in lines:
        fresh = [p for p in line.passages if p.evidence.iri not in seen]
        line.quoted_above = [p for p in line.passages if p.evidence.iri in seen]
        line.passages = fresh
        seen.update(p.evidence.iri for p in fresh)
    return lines


def _summits_query(iri: str) -> str:
    """The SPARQL query listing every summit of the organisation ``iri`` or of one of its bodies (a capped section of
    its page)."""
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"PREFIX csto: <{_C}>\nPREFIX org: <{ORG}>\n"
        "SELECT ?fact (SAMPLE(?name) AS ?label) WHERE {\n"
        "  ?fact a csto:Summit .\n"
        f"  {{ ?fact csto:organisation <{iri}> }} UNION {{ ?fact csto:body/(csto:organOf|org:unitOf) <{iri}> }}\n"
        "  OPTIONAL { ?fact rdfs:label ?name }\n"
        "} GROUP BY ?fact ORDER BY LCASE(STR(?label)) ?fact"
    )


def _facts_query(role: str, iri: str) -> str:
    """The SPARQL query listing every fact a capped section stands for: those a curated graph gives ``iri`` as
    their ``role``, with a label each."""
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?fact (SAMPLE(?name) AS ?label) WHERE {\n"
        f"  GRAPH ?g {{ ?fact <{role}> <{iri}> }}\n"
        f"  FILTER(?g NOT IN (<{INFERRED_GRAPH}>, <{SUPPORT_GRAPH.value}>))\n"
        "  OPTIONAL { ?fact rdfs:label ?name }\n"
        "} GROUP BY ?fact ORDER BY LCASE(STR(?label)) ?fact"
    )


_INVERSE_OF = _N("http://www.w3.org/2002/07/owl#inverseOf")


def _inverse_title(ctx: Context, role: str) -> str | None:
    """A section of the facts that give this resource as their ``role``, named by the inverse the ontology
    declares: the facts that precede it are what it "Follows", a summit's documents what it "Produced"."""
    node = _N(role)
    inverses = [q.object for q in ctx.store.quads_for_pattern(node, _INVERSE_OF, None, None)]
    inverses += [q.subject for q in ctx.store.quads_for_pattern(None, _INVERSE_OF, node, None)]
    for inv in inverses:
        if isinstance(inv, ox.NamedNode) and inv != node:
            text = ctx.labels(inv.value)
            return text[:1].upper() + text[1:]
    return None


def _own_and_hosted(
    ctx: Context,
    state: ox.NamedNode,
    role: str,
    title: str,
    lines: list[Line],
    collapsed: bool,
    note: str | None,
    moved: str | None,
) -> list[Section]:
    """A state's own events as one list in time order, each line with its kind (one section per kind split its
    signature, invocation and diplomatic actions over five headings, the order of its events across them lost), and
    apart from them what another party operates on its territory (csto:state is then the host: Azerbaijan's
    occupation of Armenian territory and Russia's bases in Armenia were listed as what Armenia did)."""
    hosted = [
        line for line in lines if any(o != state for o in _asserted(ctx.store, _N(line.subject.iri), _C + "operatedBy"))
    ]
    own = [line for line in lines if line not in hosted]
    out = [Section(role, title, own, note=note, elsewhere=moved, collapsed=collapsed)] if own else []
    if hosted:
        out.append(Section(f"{role}-hosted", "On its territory, operated by another", hosted, collapsed=collapsed))
    return out


def _by_ordinal(lines: list[Line]) -> None:
    """Within each kind, the lines with a csto:ordinal take the places their kind's numbered lines hold, in ordinal
    order: an undated first withdrawal comes before the second (2012), which time order alone put first."""
    numbered: dict[tuple, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        if line.ordinal is not None:
            numbered[tuple(line.kinds)].append(i)
    for places in numbered.values():
        ordered = sorted((lines[i] for i in places), key=lambda x: x.ordinal)
        for i, line in zip(places, ordered, strict=True):
            lines[i] = line


def _line_order(line: Line) -> tuple:
    """Dated lines first, in time order (the seeds' lexical dates; an undated line at the date ``_place_undated``
    gives it, before or after the facts of that date), among the lines of one date the leading kinds first
    (``_weight``), then by name."""
    return (line.when == "", line.when, line.place, line.weight, line.subject.text.lower())


def offices_of_people(ctx: Context, state: str) -> Section | None:
    """Office holdings of offices in ``state`` (``org:postIn``)."""
    lines = []
    for q in ctx.store.quads_for_pattern(None, _N(str(ORG.postIn)), _N(state), None):
        office = q.subject
        for h in ctx.store.quads_for_pattern(None, _N(_C + "office"), office, None):
            if curated(h) and isinstance(h.subject, ox.NamedNode):
                line = _fact_line(ctx, h.subject, _C + "office", office)
                if all(x.subject.href != line.subject.href for x in lines):
                    lines.append(line)
    lines.sort(key=_line_order)
    return Section("offices", "Offices held by its people", lines) if lines else None


# --- the alliance ---------------------------------------------------------------


def _simple(
    ctx: Context,
    key: str,
    title: str,
    nodes,
    note: str | None = None,
    of: str | None = None,
    rest_query: str | None = None,
) -> Section | None:
    """A line per node, with its dates, and the passages of its dates and of the statements linking it to ``of``
    (a body's csto:organOf the alliance, a summit's csto:organisation): without them every line read "no passage
    of its own (inferred by the build)", though each is curated with its passage. Past ``_CAP_OVER`` nodes, where
    ``rest_query`` lists them all, the first ``_LISTED_FACTS`` by name (the generated 1e6 project's alliance has
    3,149 summits: a page of 4.8 MB, 76 s)."""
    nodes = [n for n in nodes if isinstance(n, ox.NamedNode)]
    total = len(nodes) if rest_query is not None and len(nodes) > _CAP_OVER else None
    if total is not None:
        nodes = sorted(nodes, key=lambda n: (ctx.labels(n.value).lower(), n.value))[:_LISTED_FACTS]
    lines = [
        Line(
            term_view(ctx.labels, n),
            _kinds(ctx, n),
            _date_details(ctx, n),
            passages=_merge([_link_passages(ctx, n, of), _passages(ctx, n.value, _date_pairs(ctx, n), "date")]),
            when=_when(ctx, n),
        )
        for n in nodes
    ]
    for line in lines:
        if not line.passages and _shared_entity(ctx, _N(line.subject.iri), of):
            line.no_passage = "no passage: stated in the graph of shared entities, which cites none"
    lines = _quoted_once(lines, set())
    if not lines:
        return None
    return Section(key, title, lines, note, total=total, rest_query=rest_query if total is not None else None)


def _shared_entity(ctx: Context, node: ox.NamedNode, other: str | None) -> bool:
    """Whether ``node`` is linked to ``other`` in graph:entities (the entities the seeds share, without passages)."""
    if other is None:
        return False
    o = _N(other)
    return any(ctx.store.quads_for_pattern(node, None, o, _ENTITIES)) or any(
        ctx.store.quads_for_pattern(o, None, node, _ENTITIES)
    )


def _date_pairs(ctx: Context, fact: ox.NamedNode) -> list[tuple[str, object]]:
    return [(p, v) for p in DATE_PROPS for v in _asserted(ctx.store, fact, p)]


def _link_passages(ctx: Context, node: ox.NamedNode, other: str | None) -> list[Passage]:
    """The passages of the curated statements between ``node`` and ``other``, either way round."""
    if other is None:
        return []
    o = _N(other)
    out = []
    for s, t in ((node, o), (o, node)):  # every graph at once: a summit and the alliance share a few statements
        quads = sorted(
            (q for q in ctx.store.quads_for_pattern(s, None, t, None) if curated(q)),
            key=lambda q: (q.graph_name.value, q.predicate.value),
        )
        for q in quads:
            out.append(_passages(ctx, s.value, [(q.predicate.value, t)], ctx.labels(q.predicate.value)))
    return _merge(out)


def alliance_sections(ctx: Context, iri: str, members_now: Section | None) -> list[Section]:
    node = _N(iri)
    bodies = {
        q.subject
        for p in (str(ORG.unitOf), _C + "organOf")
        for q in ctx.store.quads_for_pattern(None, _N(p), node, None)
    }
    treaty = _asserted(ctx.store, node, _C + "foundingTreaty") + [  # or the treaty of its founding and signatures
        t
        for q in ctx.store.quads_for_pattern(None, _N(_C + "organisation"), node, None)
        if curated(q)
        for t in _asserted(ctx.store, q.subject, _C + "treaty")
    ]
    treaty = list(dict.fromkeys(treaty))
    summit = _N(_C + "Summit")
    summits = {  # its own, or a session of one of its bodies: another organisation's (the generated projects have
        # many alliances, each with its council) is not the CSTO's
        q.subject
        for p, o in [(_C + "organisation", node), *((_C + "body", b) for b in bodies)]
        for q in ctx.store.quads_for_pattern(None, _N(p), o, None)
        if any(ctx.store.quads_for_pattern(q.subject, _TYPE, summit, None))
    }
    found = [
        members_now,
        Section("memberships", "Members over time", membership_lines(ctx, organisation=iri), compact=True),
        _simple(ctx, "bodies", "Bodies", sorted(bodies, key=str), of=iri),
        _simple(ctx, "treaty", "Treaty" if len(treaty) == 1 else "Treaties", treaty, of=iri),
        _simple(ctx, "summits", "Summits", sorted(summits, key=str), of=iri, rest_query=_summits_query(iri)),
    ]
    return [s for s in found if s is not None]


def sections_for(ctx: Context, iri: str, classes: set[str], members_now: Section | None = None) -> list[Section]:
    """The key-fact sections of ``iri`` (an instance of ``classes``, IRIs), in page order."""
    out: list[Section] = []
    if members_now is not None:
        out += alliance_sections(ctx, iri, members_now)
    elif _ORG_CLASSES & classes:  # another organisation with members (the SCO, the Union State): its own periods
        lines = membership_lines(ctx, organisation=iri)
        if lines:
            out.append(Section("memberships", "Members over time", lines, compact=True))
    if _C + "State" in classes:
        out += state_membership_sections(ctx, iri)
        offices = offices_of_people(ctx, iri)
        if offices:
            out.append(offices)
    if _C + "Membership" in classes:
        out.append(
            Section("memberships", "This membership period", membership_lines(ctx, membership=iri, organisation=None))
        )
    elif _TIME_CLASSES & classes:  # a period's interval, or its beginning or end: the period it times
        timed = _memberships_timed_by(ctx, iri)
        lines = [line for m in timed for line in membership_lines(ctx, membership=m, organisation=None)]
        if lines:
            out.append(Section("memberships", "The membership period it times", lines))
    part = _is_part(ctx, iri)
    refs = referring_sections(ctx, iri, part=part)
    if part:  # a reading or a comparison's side: the fact it belongs to, with its passage, first
        for s in refs:
            if s.key != _C + "about":
                s.lead, s.title = True, _part_of_title(s.lines)
                for line in s.lines:
                    _whose(ctx, line)
    if members_now is not None:  # the alliance: 200+ facts mention it; keep them below, collapsed
        refs = [s for s in refs if s.key != _C + "organOf"]  # its bodies are listed above ("Bodies")
        for s in refs:
            s.collapsed = True
    return out + refs
