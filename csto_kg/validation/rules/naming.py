"""Naming: an entity a fact gives as a value is one its source names.

- ``shape:ValueNamedInItsPassage``: where a fact says where it happened, who hosted, contributed, attended,
  issued, refused to sign or held what, or whose national someone is, where a place lies or whose capital it is,
  what a body is the supreme body or organ of, where someone studied, whom a stance addresses or as what office
  it is taken (:data:`NAMED_VALUES`), the passages
  supporting that value in that file (house rule 6: with several passages, those declared with
  ``csto:supportsProperty``) do not contradict it: if they name another entity of the value's kind (another
  city, state, person) and not the value, the value is a slip. A name is a label, alternative or hidden
  label of the entity (a seed's demonym or misspelling is a hidden label), or a person's surname. A passage
  that names the value only by a pronoun or a metonym ("It announced", "Minsk plans") and names another
  entity of its kind needs the curator to say how the value follows: a ``csto:curatorNote`` on the fact,
  in that file, that names it. A group standing for unnamed people, and the source's own author (who says
  "I"), are named by no passage and not checked.
- Where a fact gives an agent, target, organisation, participating state, attendee, invitee, proposer, issuer,
  place of publication, destination, place, host, office, creator or publisher (:data:`NAMED_BY_THE_FACT`), some
  passage of the fact in that file, or a ``csto:curatorNote`` of it there, names the value, provided they name
  another of its entity values (a passage that names none of them is not read for its values). An office is also
  named by its role and the state or body it is a post in ("Russian President"); a state also by a person the
  graph has holding one of its offices ("Putin held bilateral meetings"). Topics are not checked; a source's
  author is checked as that source's dcterms:creator (its byline names them). A source document's creator and
  publisher are named by its own passages (byline, masthead) or a curator's note on it, whatever else they name.
- Where a fact has several holders (``csto:heldBy``, :data:`NAMED_TOGETHER`) and the passages supporting them
  name some of them, they name each (or a curator's note does).
- A membership period and the signature, accession, re-accession or withdrawal that starts or ends it, where several
  seeds' files describe it, are about one state (org:member, csto:state): a passage of the fact in that file that names neither that state (nor a place the
  graph says csto:standsFor it) nor the fact's organisation or treaty, and no curator's note there naming the state,
  is another fact's passage.
- A curator's note names a value only where it explains it: it quotes the seed (verbatim, in quotes) or says where
  the value follows from (the seed, its text or context, a passage, another node). A bare note ("Uzbekistan took
  part as well.") replaces the passage instead of explaining it, and names no value; the message says so.
- A stance held by the publisher of its file's source (the site that prints it), which its passages do not name,
  is its speaker's words given to the publisher.
- The same rule holds of a person given as any value of a fact in a seed's file: the seed names them
  somewhere (a stance of seed 000 held by another seed's author is a slip in its holder).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rdflib.term import Node

from ...namespaces import ALLIANCE, CSTO, DCTERMS, ENTITIES_GRAPH, OA, ORG, RDF, RDFS, SHAPE, SKOS, curie
from ..report import Result
from . import TYPE, Context, Rule
from .name_index import ByFirstWord, ByPrefix

# properties whose entity value a supporting passage names
# (sets: each is asked of every fact value, ~50 k at 1e5; a tuple compares the property to each member)
NAMED_VALUES = frozenset(
    (
        CSTO.place,
        CSTO.host,
        CSTO.contributor,
        CSTO.mainContributor,
        CSTO.refusedToSignBy,
        CSTO.nationality,
        CSTO.issuedBy,
        CSTO.attendee,
        CSTO.absentState,
        CSTO.holder,
        CSTO.party,
        CSTO.listsMember,
        ORG.member,
        CSTO.operatedBy,
        CSTO.body,
        CSTO.grantee,
        CSTO.ledBy,
        CSTO.reportedVia,
        CSTO.capitalOf,
        CSTO.locatedIn,
        CSTO.supremeBody,
        CSTO.organOf,
        CSTO.alumniOf,
        CSTO.institution,
        CSTO.student,
        CSTO.observer,
        CSTO.dialoguePartner,
        # a stance's holder, where a person: a passage quoting another person and not them gives another holder (states
        # are spoken of by metonym, "Moscow", "Astana, Bishkek and Dushanbe": only persons are read)
        CSTO.heldBy,
        CSTO.charter,
        CSTO.foundingTreaty,
        CSTO.contributorTo,
        CSTO.holdersOf,
        CSTO.addressee,
        CSTO.speakingAs,
        CSTO.invitee,
        CSTO.participant,
        # main's location and ranking links (csto:basedIn, csto:bordersOn, csto:locatedBetween, csto:rankedFirst,
        # csto:rankedAmong): the passage that says where or who is first names the value
        CSTO.basedIn,
        CSTO.bordersOn,
        CSTO.locatedBetween,
        CSTO.rankedFirst,
        CSTO.rankedAmong,
        # where a document (a photograph) was made: the credit that says so names the place
        DCTERMS.spatial,
        # round 16: whose approval is awaited, whom a criticism is aimed at, inside which state or place a
        # proposition places an event: the passage that says so names the value
        CSTO.approvalBy,
        CSTO.criticises,
        CSTO.locatesWithin,
    )
)
# values of NAMED_VALUES the seeds name by context: the organisation they are about is criticised as "the
# organization", "its members", "we" (a passage naming another alliance, NATO, does not make it another target)
NAMED_BY_CONTEXT = frozenset(((CSTO.criticises, ALLIANCE),))
# properties of NAMED_VALUES read only where the value is a person
PERSONS_ONLY = frozenset((CSTO.heldBy,))
# properties with several values that one passage names together: it names them all ("unconvincing for both
# Kirgizstan and Tajikistan" is held by Kyrgyzstan and Tajikistan, not by Kyrgyzstan and Kazakhstan)
NAMED_TOGETHER = frozenset((CSTO.heldBy,))
# properties whose entity value some passage of the fact names (or a curator's note on it, saying how it follows)
NAMED_BY_THE_FACT = frozenset(
    (
        CSTO.agent,
        CSTO.target,
        CSTO.organisation,
        ORG.organization,
        CSTO.participatingState,
        CSTO.attendee,
        CSTO.invitee,
        CSTO.proposedBy,
        CSTO.issuedBy,
        CSTO.publishedOn,
        CSTO.destination,
        CSTO.place,
        CSTO.host,
        CSTO.office,
        DCTERMS.creator,
        DCTERMS.publisher,
        # who is ranked first where the passage names what they are ranked among ("Of all its members ... the most hope
        # on the CSTO"): a state it does not name is not the one it ranks first
        CSTO.rankedFirst,
    )
)
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_WORD_END = r"(?!\w)"


def _norm(text: str) -> str:
    """Case, curly quotes, no-break spaces and hyphens aside ("NagornoKarabakh", "Pashinyan’s")."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s\u00a0]+", " ", text.replace("-", "").replace("\u2010", "")).casefold()


def _names(ctx: Context, entity: Node) -> set[str]:
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    names = {str(o) for p in _NAMES for o in ent.objects(entity, p)}
    if (entity, RDF.type, CSTO.Person) in ent:  # a person is also named by their surname ("Pashinyan's")
        names |= {str(label).split()[-1] for label in ent.objects(entity, RDFS.label) if str(label).strip()}
    return {_norm(n) for n in names if len(n.strip()) >= 2}


# The patterns are built per entity name and grammar structure (a few thousand on the curated graph, the same in
# every validation of a slip batch): past ``re``'s own cache of 512 each would be compiled again on every use.
_rx = functools.lru_cache(maxsize=8192)(re.compile)


def _named(names: set[str], texts: list[str], whole: bool = False) -> bool:
    """Is one of ``names`` in one of ``texts``: at the start of a word ("Pashinyan's", "Belarusian"), or, ``whole``,
    as whole words (what shows that a passage names another entity: "Namro" is not named by "Namrotorstan").
    A two-letter name ("UN") is only ever a whole word ("unconvincing" does not name the UN)."""
    return any(  # the name is literally in every match: a text without it is not searched (nor a pattern compiled)
        n in t and _rx(rf"(?<!\w){re.escape(n)}{_WORD_END if whole or len(n) < 3 else ''}").search(t)
        for n in names
        for t in texts
    )


def _forms(ctx: Context, evidence: Node) -> tuple[str, str]:
    """The evidence's quote as :func:`_norm` reads it, and with its hyphens as spaces ("CSTO-PRC" names the PRC);
    made once per evidence node (the checks of each value of each fact ask again)."""
    forms = ctx.memo.setdefault("naming.forms", {})
    if evidence not in forms:
        text = _quote(ctx, evidence)
        forms[evidence] = (_norm(text), _norm(text.replace("-", " ").replace("\u2010", " ")))
    return forms[evidence]


def _normed_quote(ctx: Context, evidence: Node) -> str:
    """The evidence's quote as :func:`_norm` reads it."""
    return _forms(ctx, evidence)[0]


def _quote(ctx: Context, evidence: Node) -> str:
    """The evidence's quote (its selectors' ``oa:exact``), read once per validation: every check asks again."""
    quotes = ctx.memo.setdefault("naming.quote", {})
    if evidence not in quotes:
        g = ctx.union
        quotes[evidence] = " ".join(
            str(q) for sel in g.objects(evidence, OA.hasSelector) for q in g.objects(sel, OA.exact)
        )
    return quotes[evidence]


def _seed_text(ctx: Context, gid: Node, cache: dict) -> str:
    if gid not in cache:
        g = ctx.data.dataset.graph(gid)
        texts = []
        for src in sorted(ctx.typed(gid, CSTO.SourceDocument), key=str):  # one order, whatever the hash seed
            for ident in g.objects(src, DCTERMS.identifier):
                path = ctx.seeds_dir / str(ident)
                if path.is_file():
                    texts.append(_norm(path.read_text(encoding="utf-8")))
        cache[gid] = " ".join(texts)
    return cache[gid]


def _unnamed(ctx: Context, gid: Node, entity: Node, fact: Node | None = None, prop: Node | None = None) -> bool:
    """A group standing for unnamed people, or the author of this file's source (who says "I"), except as that
    source's own dcterms:creator (which its byline names)."""
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    if (entity, RDF.type, CSTO.Group) in ent:
        return True
    g = ctx.data.dataset.graph(gid)
    if prop == DCTERMS.creator and (fact, RDF.type, CSTO.SourceDocument) in g:
        return False
    return entity in ctx.source_creators.get(gid, ())


def _kinds(ent, entity: Node) -> set[Node]:
    return set(ent.objects(entity, RDF.type))


class _Namer:
    """How a passage names an entity: by one of its names (:func:`_names`); an office also by its role and the
    state or body it is a post in ("Russian President"); a state also by a person the graph has holding one of its
    offices ("Putin held bilateral meetings" names Russia as a side)."""

    def __init__(self, ctx: Context):
        self.ent = ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
        self.entities = {s for s, _ in ctx.pairs(ENTITIES_GRAPH, RDF.type)}  # what the entities file types
        self.by_kind: dict[Node, set[Node]] = {}  # a kind of entity -> its entities
        for e in self.entities:
            for kind in _kinds(ent, e):
                self.by_kind.setdefault(kind, set()).add(e)
        self.names = {e: _names(ctx, e) for e in self.entities}
        self.roles: dict[Node, tuple[set[str], Node | None]] = {}
        for office in ent.subjects(RDF.type, CSTO.Office):
            role = ent.value(office, ORG.role)
            words = {_norm(str(o)) for p in (SKOS.prefLabel, SKOS.altLabel) for o in ctx.union.objects(role, p)}
            self.roles[office] = ({w for w in words if len(w) >= 3}, ent.value(office, ORG.postIn))
        self.officeholders: dict[Node, set[str]] = {}
        for holding, office in ctx.union.subject_objects(CSTO.office):
            post = self.roles.get(office, (set(), None))[1]
            for person in ctx.union.objects(holding, CSTO.holder):
                if post is not None and person in self.names:
                    self.officeholders.setdefault(post, set()).update(self.names[person])

    @functools.cached_property
    def _by_prefix(self) -> ByPrefix:
        return ByPrefix([(n, e) for e, names in self.names.items() for n in sorted(names)])

    def in_texts(self, texts: list[str]) -> set[Node]:
        """The entities one of whose names is in one of ``texts`` (``name in text``: anywhere, as a substring)."""
        return self._by_prefix.found(texts)

    @functools.cached_property
    def _by_first_word(self) -> ByFirstWord:
        return ByFirstWord([(n, e) for e, names in self.names.items() for n in sorted(names)], exact=True)

    def whole_word_candidates(self, texts: list[str]) -> set[Node]:
        """A superset of the entities that ``texts`` (as :func:`_norm` writes them) name as whole words, that is of
        those for which ``_named(self.names[e], texts, whole=True)`` holds: names and texts are case-folded alike,
        so the index's exact form applies (:class:`.name_index.ByFirstWord`)."""
        index = self._by_first_word
        return {e for t in texts for e in index.candidates(t)}

    def named(self, value: Node, texts: list[str]) -> bool:
        if _named(self.names.get(value, set()), texts):
            return True
        words, post = self.roles.get(value, (set(), None))
        if words and post is not None and _named(words, texts) and self.named(post, texts):
            return True
        return (value, RDF.type, CSTO.State) in self.ent and _named(self.officeholders.get(value, set()), texts)


def _namer(ctx: Context) -> _Namer:
    """The validation's :class:`_Namer`, made once for the two rules that read it."""
    if "naming.namer" not in ctx.memo:
        ctx.memo["naming.namer"] = _Namer(ctx)
    return ctx.memo["naming.namer"]


def _contradicted(ctx, namer, by_kind, facts, fact, prop, value, notes) -> str | None:
    """The contradiction form: the passages supporting ``prop`` name another entity of the value's kind, not it."""
    evidence, _ = facts.supporting(fact, prop)
    quotes = [_normed_quote(ctx, e) for e in evidence]
    if namer.named(value, _passage_texts(ctx, evidence, notes)):
        return None
    peers = set().union(*(by_kind.get(k, set()) for k in _kinds(namer.ent, value))) - {value}
    peers &= namer.whole_word_candidates(quotes)  # the only peers the whole-word test below can find named
    named = sorted(
        (curie(str(p)) for p in peers if namer.names[p] and _named(namer.names[p], quotes, whole=True)), key=str
    )
    if not named:
        return None
    said = "; ".join(curie(str(e)) for e in evidence)
    return (
        f"the passages supporting this {curie(str(prop))} ({said}) name {', '.join(named)}, not {curie(str(value))}. "
        "Fix: the value the passage names; or the passage that names it (csto:supportsProperty); or, where the value "
        "follows from context, a csto:curatorNote saying so"
    )


def _named_apart(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The passages supporting ``prop`` name other values of it that the fact gives, but not this one."""
    evidence, _ = facts.supporting(fact, prop)
    texts = [f for e in evidence for f in _forms(ctx, e)]
    if namer.named(value, texts + notes):
        return None
    others = sorted(curie(str(o)) for p, o in values if p == prop and o != value and namer.named(o, texts))
    if not others:
        return None
    said = "; ".join(curie(str(e)) for e in evidence)
    return (
        f"the passages supporting this {curie(str(prop))} ({said}) name its other values {', '.join(others)}, not "
        f"{curie(str(value))}. Fix: the value the passage names with them; or the passage that names it "
        "(csto:supportsProperty); or, where the value follows from context, a csto:curatorNote naming it"
    )


# a passage a curator's note quotes: in single or double quotes, straight or curly, at least two words long
_QUOTED = re.compile(
    r"(?<!\w)'([^']{3,}?)'(?!\w)|\"([^\"]{3,}?)\"|\u2018([^\u2019]{3,}?)\u2019|\u201c([^\u201d]{3,}?)\u201d"
)


# a note that says where its value comes from: the seed, its text or context, a passage, another node of the graph
_EXPLAINS = re.compile(
    r"(?<!\w)(?:seed|text|context|source|article|passage|page|byline|title|paragraph|sentence|heading|caption)s?(?!\w)|(?<![\w:])(?:ev)?:[a-z][\w-]+"
)


def _note_quotes(ctx, gid, notes, seeds: dict) -> list[str]:
    """The curator's notes on a fact that may name its value: those that explain it, quoting a passage of the
    file's seed (in quotes, verbatim) or saying where it follows from (the seed, its text or context, a passage,
    another node). A note may explain how a value follows from the passage, not replace it: a bare note
    ("Uzbekistan took part as well.") names no value."""
    out = []
    for note in notes:
        text = str(note)
        quotes = (_norm(next(x for x in m.groups() if x)).strip(" .,;:…") for m in _QUOTED.finditer(text))
        if _EXPLAINS.search(text.casefold()) or any(q and q in _seed_text(ctx, gid, seeds) for q in quotes):
            out.append(_norm(text))
    return out


def _passage_texts(ctx, evidence, notes: list[str]) -> list[str]:
    """The forms of the quotes of ``evidence``, and the curator's ``notes``: the texts a value must be named in."""
    return [f for e in evidence for f in _forms(ctx, e)] + notes


def _unnamed_by_the_fact(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The strict form: no passage of the fact in this file names the value, nor a curator's note on it there,
    though they name another of its entity values (passages that name none of them are not read for its values)."""
    if (value, RDF.type, CSTO.Topic) in namer.ent:
        return None
    evidence = facts.evidence.get(fact, [])
    texts = _passage_texts(ctx, evidence, notes)
    if namer.named(value, texts):
        return None
    # a source's byline and masthead: its creator and publisher are named by its own passages or notes, always
    byline = prop in (DCTERMS.creator, DCTERMS.publisher) and (
        (fact, RDF.type, CSTO.SourceDocument) in ctx.data.dataset.graph(facts.graph)
    )
    if not byline and not any(
        o != value and o != fact and namer.names.get(o) and namer.named(o, texts) for p, o in values if p not in TYPE
    ):
        return None
    said = "; ".join(curie(str(e)) for e in evidence)
    return (
        f"no passage of this fact in this file ({said}) names {curie(str(value))}, its "
        f"{curie(str(prop))}, and no csto:curatorNote of it here does. Fix: the value its passages name (a label, "
        "alternative or hidden label, a person's surname, an office's role and state); or cite the passage that "
        "names it; or, where the value follows from context, a csto:curatorNote naming it"
    )


# A membership period and the events that start and end it, shared by several seeds' files, are about one state: a
# passage of the fact in one file that names neither it nor the fact's organisation or treaty (and no curator's note
# naming it) is another fact's passage: a shared membership or withdrawal cited from a passage about something else.
MEMBERSHIP_FACTS = (CSTO.Membership, CSTO.Signature, CSTO.Accession, CSTO.ReAccession, CSTO.Withdrawal)
STATE_OF_THE_FACT = frozenset((ORG.member, CSTO.state))


def _state_unnamed(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The strict form for a membership's state: a passage of the fact in this file that names neither it nor any
    other entity value of the fact (its organisation, its treaty) is another fact's passage."""
    if not any(facts.is_a(fact, cls) for cls in MEMBERSHIP_FACTS):
        return None
    if len([g for g in ctx.subject_graphs.get(fact, ()) if g != ENTITIES_GRAPH]) < 2:
        return None  # a node only this seed describes: its passage is read by the contradiction form alone
    evidence = facts.evidence.get(fact, [])
    texts = _passage_texts(ctx, evidence, notes)
    if not evidence or namer.named(value, texts) or _named_by_a_place(ctx, namer, value, texts):
        return None
    if any(o != value and namer.names.get(o) and namer.named(o, texts) for p, o in values if p not in TYPE):
        return None  # the passage is about the fact's organisation or treaty: the contradiction form reads it
    said = "; ".join(curie(str(e)) for e in evidence)
    return (
        f"no passage of this membership fact in this file ({said}) names {curie(str(value))}, its "
        f"{curie(str(prop))}, nor any other of its values, and no csto:curatorNote of it here does: the passage is "
        "another fact's. Fix: cite the "
        "passage of this seed that names the state (or, where the state follows from context, a csto:curatorNote "
        "naming it)"
    )


def _named_by_a_place(ctx, namer, state, texts) -> bool:
    """A seed names a state by its capital ("Tashkent"): a place the graph says csto:standsFor it."""
    return any(namer.named(place, texts) for place in ctx.union.subjects(CSTO.standsFor, state))


# properties that record how a seed names something ("Moscow is concerned", "only Armenia obliged", "Russian
# officials", "close to Armenia's ruling regime"): the fact's passages in that file (or a curator's note on it there)
# name its value, and, for a city used for a state, the city itself; so does a decision's csto:agent (the deciding
# body is recorded only where the source names it)
NAMED_IN_USE = frozenset((CSTO.standsFor, CSTO.groupMember, CSTO.groupOfState, CSTO.closeToGovernmentOf))


def _usage_unnamed(ctx, namer, facts, fact, prop, value, notes) -> str | None:
    texts = _passage_texts(ctx, facts.evidence.get(fact, []), notes)
    said = "; ".join(curie(str(e)) for e in facts.evidence.get(fact, [])) or "none"
    # the city a seed uses for a state is named in the passage; the state it stands for is not (the city names it)
    who, role = (fact, "the place named") if prop == CSTO.standsFor else (value, "its value")
    if not namer.names.get(who) or namer.named(who, texts):
        return None
    return (
        f"{curie(str(prop))} records how the seed names things, but no passage of it in this file ({said}) "
        f"names {curie(str(who))}, {role}, and no csto:curatorNote of it here does. Fix: the entity the "
        "passage names, or the passage of this seed that names it"
    )


def _publishers(ctx: Context, gid: Node) -> set[Node]:
    """The publishers of the source documents the graph ``gid`` describes (found once per graph: asked per stance,
    a look-up of the typed documents of one graph filtered every graph's)."""
    found = ctx.memo.setdefault("naming.publishers", {})
    if gid not in found:
        g = ctx.data.dataset.graph(gid)
        found[gid] = {p for src in ctx.typed(gid, CSTO.SourceDocument) for p in g.objects(src, DCTERMS.publisher)}
    return found[gid]


def _held_by_the_publisher(ctx, namer, facts, fact, value, notes) -> str | None:
    """A stance held by the publisher of the file's source (the site or outlet), which its passages do not name: the
    words are its speaker's (or the author's), the publisher only prints them."""
    if value not in _publishers(ctx, facts.graph):
        return None
    evidence, _ = facts.supporting(fact, CSTO.heldBy)
    if namer.named(value, _passage_texts(ctx, evidence, notes)):
        return None
    return (
        f"is held by {curie(str(value))}, the publisher of this file's source, which no passage of it "
        f"({'; '.join(curie(str(e)) for e in evidence) or 'none'}) names: a publisher prints the words, it does not "
        "hold them. Fix: the speaker the passage quotes (or the source's author, dcterms:creator, for its own view)"
    )


def _value_named(ctx: Context) -> list[Result]:  # noqa: C901 - one pass over every fact value; its branches are the rule's three checks
    out: list[Result] = []
    namer = _namer(ctx)
    ent, entities, names, by_kind = namer.ent, namer.entities, namer.names, namer.by_kind
    seeds: dict = {}
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        if gid == ENTITIES_GRAPH:
            continue
        g = ctx.data.dataset.graph(gid)
        for fact, values in sorted(facts.values.items(), key=lambda kv: str(kv[0])):
            # the values checked: named entities (most values are literals or facts), picked before sorting
            checked = [
                (prop, value)
                for prop, value in values
                if value in entities and value != fact and prop not in TYPE and names[value]
            ]
            if not checked:
                continue
            bare = [_norm(str(n)) for n in g.objects(fact, CSTO.curatorNote)]
            notes = _note_quotes(ctx, gid, g.objects(fact, CSTO.curatorNote), seeds)
            for prop, value in sorted(checked, key=lambda t: (str(t[0]), str(t[1]))):
                if _unnamed(ctx, gid, value, fact, prop):
                    continue
                message = None
                if (
                    prop in NAMED_VALUES
                    and (prop not in PERSONS_ONLY or (value, RDF.type, CSTO.Person) in ent)
                    and ((prop, value) not in NAMED_BY_CONTEXT)
                ):
                    message = _contradicted(ctx, namer, by_kind, facts, fact, prop, value, notes)
                if message is None and prop in NAMED_TOGETHER:
                    message = _named_apart(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and prop in NAMED_BY_THE_FACT:
                    message = _unnamed_by_the_fact(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and prop == CSTO.heldBy:
                    message = _held_by_the_publisher(ctx, namer, facts, fact, value, notes)
                if message is None and prop in STATE_OF_THE_FACT:
                    message = _state_unnamed(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and (
                    prop in NAMED_IN_USE or (prop == CSTO.agent and (fact, RDF.type, CSTO.Decision) in g)
                ):
                    message = _usage_unnamed(ctx, namer, facts, fact, prop, value, notes)
                if (
                    message is None
                    and (prop not in NAMED_VALUES or prop in PERSONS_ONLY)
                    and (value, RDF.type, CSTO.Person) in ent
                    and not _named(names[value], [_seed_text(ctx, gid, seeds)])
                ):
                    message = (
                        f"{curie(str(value))} is named nowhere in this file's seed, yet is this fact's "
                        f"{curie(str(prop))}. Fix: the person the seed speaks of (an unnamed author is the group "
                        "standing for them)"
                    )
                if message and notes != bare and namer.named(value, bare):
                    message += (
                        ". A csto:curatorNote here names it, but as the curator's word alone: it quotes no passage of "
                        "the seed and says not where the value follows from (a note explains a passage, it does not "
                        "replace one)"
                    )
                if message:
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.ValueNamedInItsPassage, s=fact, p=prop, o=value, graph=gid, message=message
                        )
                    )
    return out


# How a passage's grammar gives a property's value, whoever else it names: {S} is a name of the fact's subject, {X}
# a name of a candidate value (an entity of the value's kind). "the Chinaled SCO", "NATO led by the United States";
# "part of Azerbaijan", "Research Center in Sweden", "Malmö University (Sweden)", "Checkpoint 4, Beirut, Lebanon";
# "the capital of Belarus", "Belarus's capital"; "Photo ... by James Case". Matched on :func:`_norm`'s text (hyphens
# dropped, so "China-led" reads "chinaled").
_IN_X = (r"(?<!\w){S} in (?:the )?{X}(?!\w)", r"(?<!\w){S} \((?:the )?{X}(?!\w)", r"(?<!\w){S}, (?:the )?{X}(?!\w)")
STRUCTURES = {
    CSTO.ledBy: (r"(?<!\w){X} ?led(?!\w)", r"(?<!\w)led by (?:the )?{X}(?!\w)"),
    CSTO.locatedIn: (r"(?<!\w)part of (?:the )?{X}(?!\w)", *_IN_X),
    CSTO.basedIn: _IN_X,
    CSTO.capitalOf: (r"(?<!\w)capital of (?:the )?{X}(?!\w)", r"(?<!\w){X}'s? capital(?!\w)"),
    DCTERMS.creator: (
        r"(?<!\w)(?:photo|image|picture|book|article|report|written|taken) (?:[^.]{0,80} )?by {X}(?!\w)",
    ),
    CSTO.issuedBy: (r"(?<!\w)(?:photo|image|picture|book|article|report|written|taken) (?:[^.]{0,80} )?by {X}(?!\w)",),
    # "Russia, the largest economy", "Belarus, the strongest of these states", "Russia confidently occupies the first
    # position": the one ranked first is the subject of the superlative
    CSTO.rankedFirst: (
        r"(?<!\w){X}, the (?:\w+ )?(?:first|largest|strongest|biggest|leading|most|greatest|main)(?!\w)",
        r"(?<!\w){X} (?:\w+ )?(?:is|occupies|holds|takes|ranks) (?:the |in )?(?:\w+ )?(?:first|largest|strongest|"
        r"biggest|leading|greatest)(?!\w)",
    ),
    # "between Russia and NATO territory": both sides, whatever their kinds
    CSTO.locatedBetween: (r"(?<!\w)between (?:the )?{X}(?!\w)", r"(?<!\w)between [^.;]{1,60} and (?:the )?{X}(?!\w)"),
}

# properties whose values may be of any kind (a state and an alliance): every entity is a candidate
ANY_KIND = (CSTO.locatedBetween,)


def _alt(names: set[str]) -> str:
    return "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"


def _name_required(pattern: str) -> bool:
    """Whether every match of a structure holds one of {X}'s names verbatim: {X} is an item of the pattern's top-level
    sequence, not inside an optional, repeated or alternative part (the names are literal, case-sensitive)."""
    parsed = re._parser.parse(pattern.replace("{S}", "s").replace("{X}", "(?P<x>x)"))
    x = parsed.state.groupdict["x"]
    return any(op is re._constants.SUBPATTERN and av[0] == x for op, av in parsed.data)


_NAME_REQUIRED = {pattern: _name_required(pattern) for patterns in STRUCTURES.values() for pattern in patterns}


def _given_by_structure(ctx, namer, by_kind, facts, fact, prop, value) -> tuple[list[Node], set[Node]]:
    """The entities of the value's kind that the grammar of the passages supporting ``prop`` gives as its value.

    A candidate none of whose names is in the passages is not given (every structure requires {X}: ``_NAME_REQUIRED``),
    so its pattern is not compiled: that was 0.6-0.9 s of a cold ``csto-kg validate``. The candidates whose names are
    in the passages are found by an index of the names (:meth:`_Namer.in_texts`), not by asking every entity of the
    value's kind: that grew with values x entities (1e5 to 1e6: 23 times the time for 10 times the triples)."""
    evidence, _ = facts.supporting(fact, prop)
    texts = [_normed_quote(ctx, e) for e in evidence]
    subject = namer.names.get(fact, set())
    peers = (
        namer.entities if prop in ANY_KIND else set().union(*(by_kind.get(k, set()) for k in _kinds(namer.ent, value)))
    )
    given: set[Node] = set()
    in_texts = peers & namer.in_texts(texts)
    for pattern in STRUCTURES[prop]:
        if "{S}" in pattern and not subject:
            continue
        for cand in in_texts if _NAME_REQUIRED[pattern] else peers:
            names = namer.names.get(cand)
            if cand == fact or not names:
                continue
            rx = pattern.replace("{S}", _alt(subject) if subject else "").replace("{X}", _alt(names))
            if any(_rx(rx).search(t) for t in texts):
                given.add(cand)
    return evidence, given


def _names_pattern(namer, entities) -> tuple[str, dict[str, Node]]:
    owner = {n: e for e in entities for n in namer.names.get(e, ())}
    return _alt(set(owner)), owner


_PARTY = frozenset((CSTO.party,))
_AGENT = frozenset((CSTO.agent,))


def _parties_paired(ctx: Context, namer, by_kind) -> list[Result]:
    """ "Clashes between Tajikistan and Kyrgyzstan": where a passage supporting a fact's csto:party pairs one of its
    parties with another entity of its kind by "between X and Y", that one is a party too."""
    out: list[Result] = []
    # the pattern of the names of every entity of the parties' kinds, made once per set of kinds (made per fact,
    # its names sorted each time, it grew with facts x entities)
    patterns: dict[frozenset, tuple[re.Pattern | None, dict[str, Node]]] = {}
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        for fact, values in sorted(facts.values.items(), key=lambda kv: str(kv[0])):
            parties = {o for p, o in values if p in _PARTY and o in namer.entities}
            if not parties:
                continue
            kinds = frozenset().union(*(_kinds(namer.ent, v) for v in parties))
            if kinds not in patterns:
                alt, owner = _names_pattern(namer, set().union(*(by_kind.get(k, set()) for k in kinds)))
                rx = re.compile(rf"(?<!\w)between (?:the )?({alt}) and (?:the )?({alt})(?!\w)")
                patterns[kinds] = (None if alt == "(?:)" else rx, owner)
            rx, owner = patterns[kinds]
            if rx is None:
                continue
            evidence, _ = facts.supporting(fact, CSTO.party)
            for e in evidence:
                for m in rx.finditer(_normed_quote(ctx, e)):
                    pair = {owner[m.group(1)], owner[m.group(2)]}
                    if len(pair) != 2 or not pair & parties or pair <= parties:
                        continue
                    missing = sorted(pair - parties, key=str)
                    slipped = sorted(parties - pair, key=str) or sorted(parties & pair, key=str)
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.ValueGivenByItsPassage,
                            s=fact,
                            p=CSTO.party,
                            o=slipped[0],
                            graph=gid,
                            message=(
                                f"{curie(str(e))} says {m.group(0)!r}: it pairs "
                                f"{', '.join(curie(str(x)) for x in sorted(pair & parties, key=str))} with "
                                f"{', '.join(curie(str(x)) for x in missing)}, which is not a csto:party of this fact "
                                f"(its parties: {', '.join(curie(str(x)) for x in sorted(parties, key=str))}). "
                                "Fix: the parties the passage pairs"
                            ),
                        )
                    )
    return out


def _agent_of_the_verb(ctx: Context, namer, by_kind, facts, fact, value) -> set[Node]:
    """ "Kyrgyzstan [had] cancelled CSTO military drills": the entities of the agent's kind a passage of the fact
    makes the subject of a verb of its label ("... cancelled by Kyrgyzstan")."""
    label = " ".join(str(x) for x in ctx.union.objects(fact, RDFS.label)).casefold()
    verbs = {re.sub(r"(?:ed|es|s)$", "", w) for w in re.findall(r"[a-z]{6,}", label) if w.endswith(("ed", "es", "s"))}
    if not verbs:
        return set()
    evidence, _ = facts.supporting(fact, CSTO.agent)
    texts = [_normed_quote(ctx, e) for e in evidence]
    verb = "(?:" + "|".join(re.escape(v) for v in sorted(verbs)) + r")\w*"
    given = set()
    peers = set().union(*(by_kind.get(k, set()) for k in _kinds(namer.ent, value)))
    for cand in peers & namer.in_texts(texts):  # a name is in every match (as in _named)
        rx = rf"(?<!\w){_alt(namer.names[cand])} (?:\[?(?:had|has|have)\]? )?{verb}(?!\w)"
        if any(_rx(rx).search(x) for x in texts):
            given.add(cand)
    return given


def _value_by_structure(ctx: Context) -> list[Result]:
    out: list[Result] = []
    namer = _namer(ctx)
    by_kind = namer.by_kind
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        if gid == ENTITIES_GRAPH:
            continue
        for fact, values in sorted(facts.values.items(), key=lambda kv: str(kv[0])):
            for prop, value in sorted(values, key=lambda t: (str(t[0]), str(t[1]))):
                if (prop not in STRUCTURES and prop not in _AGENT) or value not in namer.entities:
                    continue  # (a set's look-up, not rdflib's Python __ne__, for each of the facts' values)
                if not namer.names.get(value):
                    continue
                if prop in _AGENT:
                    evidence = facts.supporting(fact, prop)[0]
                    given = _agent_of_the_verb(ctx, namer, by_kind, facts, fact, value)
                else:
                    evidence, given = _given_by_structure(ctx, namer, by_kind, facts, fact, prop, value)
                if not given or value in given:
                    continue
                said = "; ".join(curie(str(e)) for e in evidence)
                named = ", ".join(sorted(curie(str(g)) for g in given))
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.ValueGivenByItsPassage,
                        s=fact,
                        p=prop,
                        o=value,
                        graph=gid,
                        message=(
                            f"the passages supporting this {curie(str(prop))} ({said}) give it as {named} by their "
                            f'grammar ("X-led", "led by X", "part of X", "... in X", "(X)", "capital of X", "by X", '
                            f'"X, the largest", "between X and Y"), not {curie(str(value))}. Fix: the value the '
                            "passage gives; the graph records what the source says"
                        ),
                    )
                )
    return out + _parties_paired(ctx, namer, by_kind)


RULES = [
    Rule(
        SHAPE.ValueGivenByItsPassage,
        "a value the grammar of its passage gives is the value",
        "Where a passage supporting a fact's csto:ledBy, csto:locatedIn, csto:basedIn, csto:capitalOf, "
        "dcterms:creator, csto:issuedBy, csto:rankedFirst or csto:locatedBetween gives its value by its grammar - "
        '"X-led" or "led by X"; "part of X", "<subject> in X", '
        '"<subject> (X)" or "<subject>, X"; "capital of X" or "X\'s capital"; "photo (book, report) by X"; '
        '"X, the largest" or "X occupies the first position"; "between X and Y" - '
        "with X an entity of the value's kind (of any kind for csto:locatedBetween), the value is one such X; "
        "and where a passage supporting a csto:party pairs one of the parties with another entity of its kind "
        '("between X and Y"), that one is a party too; and where a passage supporting a csto:agent makes an entity '
        'of its kind the subject of a verb of the fact\'s label ("Kyrgyzstan [had] cancelled" for "... cancelled by '
        'Kyrgyzstan"), the agent is one such subject.',
        _value_by_structure,
    ),
    Rule(
        SHAPE.ValueNamedInItsPassage,
        "an entity a fact gives as its value is one its passages name",
        "An entity value of a fact's csto:place, csto:host, csto:contributor, csto:mainContributor, "
        "csto:refusedToSignBy, csto:nationality, csto:issuedBy, csto:attendee, "
        "csto:absentState, csto:holder, csto:party, csto:listsMember, org:member, csto:operatedBy, csto:body, "
        "csto:grantee, csto:ledBy, csto:reportedVia, csto:capitalOf, csto:locatedIn, csto:supremeBody, csto:organOf, "
        "csto:alumniOf, csto:institution, csto:student, csto:observer, csto:dialoguePartner, csto:charter, "
        "csto:foundingTreaty, csto:contributorTo, csto:holdersOf, csto:addressee, csto:speakingAs, csto:invitee, "
        "csto:participant, csto:heldBy (a person), csto:basedIn, csto:bordersOn, csto:locatedBetween, "
        "csto:rankedFirst, csto:rankedAmong, dcterms:spatial, csto:approvalBy, csto:criticises or csto:locatesWithin "
        "is not contradicted by the passages supporting that property in that file: "
        "where they name (by a label, alternative or hidden label, or a person's surname) another entity of the "
        "value's kind and not the value, the value is named in a csto:curatorNote of the fact there that says how "
        "it follows. An entity value of a fact's csto:agent, csto:target, csto:organisation, org:organization, "
        "csto:participatingState, csto:attendee, csto:invitee, csto:proposedBy, csto:issuedBy, csto:publishedOn, "
        "csto:destination, csto:place, csto:host, csto:office, csto:rankedFirst, dcterms:creator or dcterms:publisher is named by a "
        "passage of the fact in that file or a csto:curatorNote of it there, where these name another of its entity "
        "values (an office is also named by its role and its state or body, a state by a person holding one of its "
        "offices; topics are not checked); a source document's dcterms:creator and dcterms:publisher always are. "
        "The passages supporting several csto:heldBy values that name some of them name each; a stance is not held by "
        "its source's dcterms:publisher unless its passages name it. A curator's note counts only where it explains: "
        "it quotes the seed, or says where the value follows from (the seed, its text or context, a passage, "
        "another node). A person given as "
        "any value of a fact is named somewhere in that file's seed. The state of a shared csto:Membership, csto:Signature, "
        "csto:Accession, csto:ReAccession or csto:Withdrawal (org:member, csto:state) is named by a passage of the "
        "fact in that file or a csto:curatorNote of it there (or a place that csto:standsFor it), or the passages "
        "name the fact's organisation or treaty. A value of csto:standsFor, csto:groupMember, "
        "csto:groupOfState or csto:closeToGovernmentOf (how a seed names things) is named by a passage of the fact "
        "in that file or a csto:curatorNote of it there, and so is the place that csto:standsFor a state and the "
        "csto:agent of a csto:Decision (the deciding body, recorded only where the source names it). Groups "
        "standing for unnamed people and the source's own author (except as its dcterms:creator) are not checked.",
        _value_named,
    ),
]

__all__ = ["RULES"]
