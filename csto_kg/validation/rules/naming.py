"""Naming: an entity a fact gives as a value is one its source names.

- ``shape:ValueNamedInItsPassage``: where a fact says where it happened, who hosted, contributed, attended,
  issued, refused to sign or held what, or whose national someone is, where a place lies or whose capital it is,
  what a body is the supreme body or organ of, where someone studied, whom a stance addresses or as what office
  it is taken (:data:`NAMED_VALUES`), the passages
  supporting that value in that file (house rule 6: with several passages, those declared with
  ``csto:supportsProperty``) do not contradict it: if they name another entity of the value's kind (another
  city, state, person) and not the value, the value is a slip. A name is a label, alternative or hidden
  label of the entity (a seed's demonym or misspelling is a hidden label), or a person's surname (unless the
  seeds write it as a word in lower case: "Case", "in some cases"). A passage
  that names the value only by a pronoun or a metonym ("It announced", "Minsk plans") and names another
  entity of its kind needs the curator to say how the value follows: a ``csto:curatorNote`` on the fact,
  in that file, that names it. A group standing for unnamed people is named by no passage and not checked
  here. The source's own author (who says "I") is not checked as a stance's holder, an inference's maker or the
  source's creator; as any other value, its passages name them, speak in the writer's first person (outside the
  speech they quote) or, naming no other person, say "he" or "she" of them (a biography).
- Where a fact gives an agent, target, organisation, participating state, attendee, invitee, proposer, issuer,
  place of publication, destination, place, host, creator or publisher (:data:`NAMED_BY_THE_FACT`), some
  passage of the fact in that file, or a ``csto:curatorNote`` of it there, names the value, provided they name
  another of its entity values (a passage that names none of them is not read for its values). An office is also
  named by its role and the state or body it is a post in ("Russian President"); a state also by a person the
  graph has holding one of its offices ("Putin held bilateral meetings"). Topics are not checked; a source's
  author is checked as that source's dcterms:creator (its byline names them). A source document's creator and
  publisher are named by its own passages (byline, masthead) or a curator's note on it, whatever else they name;
  so are the sides of a comparison, the accused and the wronged, whom a criticism is aimed at, who relies on whom,
  whose ability, who attempts and who receives, the office a holding is of and the entities a fact is about (not
  topics; :data:`NAMED_OUTRIGHT`): the words that compare, accuse or rely say whom, those that say a post was held
  say which (a state is also named by a city the file uses for it; the CSTO, which the seeds are about, by
  context).
- Where a fact has several holders (``csto:heldBy``, :data:`NAMED_TOGETHER`) and the passages supporting them
  name some of them, they name each (or a curator's note does); where they name none ("the member states"), a
  curator's note explaining the holders names each. A stance held by a group standing for unnamed people (not its
  source's author) says a word of the group's name in that file ("the public" for "the Kyrgyz and Tajik public"),
  and so does a fact given such a group as any other value a passage names (the police an order is given to).
- The channel a stance is reported through (``csto:reportedVia``) is named by its passages in that file, a curator's
  note there, or the text just before a passage ("Orlov told Nezavisimaya Gazeta").
- ``shape:LabelNamesItsHolder``: a stance whose label names its speaker ("Lukashenko: ...", "The author: ...",
  "... (Hansbury)", or a person as its sentence's subject: "Lukashenko wants to ...") is held by that speaker.
- A membership period and the signature, accession, re-accession or withdrawal that starts or ends it, where several
  seeds' files describe it, are about one state (org:member, csto:state): a passage of the fact in that file that names neither that state (nor a place the
  graph says csto:standsFor it) nor the fact's organisation or treaty, and no curator's note there naming the state,
  is another fact's passage.
- A curator's note names a value only where it explains it: it quotes the seed (verbatim, in quotes) or says where
  the value follows from (the seed, its text or context, a passage, another node). A bare note ("Uzbekistan took
  part as well.") replaces the passage instead of explaining it, and names no value; the message says so.
- A stance held by the publisher of its file's source (the site that prints it), which its passages do not name,
  is its speaker's words given to the publisher.
- A stance held by a person its passages in that file, a curator's note there and the text just before a passage
  (back to the nearest paragraph naming a person: "he added") do not name is another's words; a passage in no
  one's name is the source author's. A stance's one holding state is named by its passages (by a name, a city the file uses for it,
  a holder of one of its offices) wherever they name another state ("Minsk still has high hopes" is Belarus's): the
  passages that give its holder, where it has several (a summing-up "Thus, Moscow ..., Minsk ..." gives none).
- Where a marker quotes the words that give a value of its node (``csto:prescriptionMarker`` for
  ``csto:prescribedFor``, ``csto:meansMarker`` for ``csto:means``, :data:`MARKED_VALUES`) and those words name
  another entity of the value's kind, they name the value ("Russia should not fight alone").
- What a seed's file states of an entity (a subject typed in kg/entities.trig: ``:vladimir-putin csto:nationality
  :russia``) is named by a passage supporting it there, or a curator's note, whatever else they name (the CSTO by
  context): such a statement is one line and its passage, and a passage copied from another line names no entity
  of the value's kind as often as another.
- A group whose own name names a state ("Russian officials") is that state's group (``csto:groupOfState``).
- Where the passages supporting such a value name no entity of its kind, a curator's note that explains the value and
  names another of its kind, not the value, contradicts it ("The place is Kazakhstan, whose unrest ..." on a fact
  placed in Lebanon); so does the fact's comment, where neither passages nor notes name the value ("the two sides,
  Kyrgyzstan and Tajikistan, are the appeal's csto:addressee" on an appeal to Belarus, its passage "both sides").
- The same rule holds of a person given as any value of a fact in a seed's file: the seed names them
  somewhere (a stance of seed 000 held by another seed's author is a slip in its holder).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from pathlib import Path

from rdflib.term import Literal, Node

from ...namespaces import (
    ALLIANCE,
    CSTO,
    DCTERMS,
    ENTITIES_GRAPH,
    FOAF,
    OA,
    ONTOLOGY_GRAPH,
    ORG,
    PROV,
    RDF,
    RDFS,
    SH,
    SHAPE,
    SKOS,
    curie,
    shown,
)
from ..report import Result
from . import TYPE, Context, Rule
from .name_index import ByFirstWord, ByPrefix
from .stems import stems

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
        # main's location and ranking links (csto:basedIn, csto:bordersOn, csto:borderOf, csto:locatedBetween, csto:rankedFirst,
        # csto:rankedAmong): the passage that says where or who is first names the value
        CSTO.basedIn,
        CSTO.bordersOn,
        CSTO.borderOf,
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
        # who is accused and who wronged, who is compared with whom, who is able or relied on, what is counted or
        # changed, who receives an award, ranks among the leading or is said exclusively: the passage that says so
        # names the value (a stance's words "the aggression of Azerbaijan" do not accuse Sweden)
        CSTO.accusedParty,
        CSTO.allegedVictim,
        CSTO.comparisonSubject,
        CSTO.comparedWith,
        CSTO.abilityOf,
        CSTO.attemptedBy,
        CSTO.reliantParty,
        CSTO.reliedOn,
        CSTO.recipient,
        CSTO.rankedAmongLeading,
        CSTO.exclusively,
        CSTO.namesAsExample,
        CSTO.quantityOf,
        CSTO.countedThing,
        CSTO.changedItem,
        CSTO.changeResult,
        CSTO.uncertainParty,
        CSTO.uncertainAbout,
        CSTO.sideItem,
        CSTO.excludedMember,
        CSTO.regionOfWork,
        CSTO.inferredBy,
        CSTO.mainlyInhabitedBy,
        CSTO.bindsParty,
        CSTO.means,
        CSTO.prescribedFor,
    )
)
# the properties of NAMED_VALUES that pair two parties of one fact: the passage names both, each is not the other's slip
PAIRED = {
    CSTO.accusedParty: CSTO.allegedVictim,
    CSTO.allegedVictim: CSTO.accusedParty,
    CSTO.comparisonSubject: CSTO.comparedWith,
    CSTO.comparedWith: CSTO.comparisonSubject,
    CSTO.reliantParty: CSTO.reliedOn,
    CSTO.reliedOn: CSTO.reliantParty,
}
# values of NAMED_VALUES the seeds name by context: the organisation they are about is criticised as "the
# organization", "its members", "we" (a passage naming another alliance, NATO, does not make it another target)
NAMED_BY_CONTEXT = frozenset(((CSTO.criticises, ALLIANCE),))
# an office holding's holder is read against the holding's passages (the contradiction form), not against the whole
# seed
HOLDERS_READ_BY_PASSAGE = frozenset((CSTO.holder,))
# properties of NAMED_VALUES read only where the value is a person
PERSONS_ONLY = frozenset((CSTO.heldBy,))
# properties with several values that one passage names together: it names them all ("unconvincing for both
# Kirgizstan and Tajikistan" is held by Kyrgyzstan and Tajikistan, not by Kyrgyzstan and Kazakhstan)
NAMED_TOGETHER = frozenset((CSTO.heldBy,))
# properties of NAMED_BY_THE_FACT whose value a passage of the fact names whatever else it names: the words that
# compare, accuse, criticise, rely on, attempt, are able or award say whom ("Lukashenka's statements were similar to
# what his Russian colleague was talking about" compares Lukashenko with Putin, not the words of another stance), and
# those that say a post was held say which, by its role and its post ("a research assistant at Russia and the
# Caucasus Regional Research Center"); and a state, person or body a fact is about (csto:about; its topics are not
# checked) is one its passage names. The alliance the graph is about is named by context ("it is hardly an
# equivalent organisation", "the organization").
NAMED_OUTRIGHT = frozenset(
    (
        CSTO.comparisonSubject,
        CSTO.comparedWith,
        CSTO.accusedParty,
        CSTO.allegedVictim,
        CSTO.criticises,
        CSTO.reliantParty,
        CSTO.reliedOn,
        CSTO.abilityOf,
        CSTO.attemptedBy,
        CSTO.recipient,
        CSTO.office,
        CSTO.about,
    )
)
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
        DCTERMS.creator,
        DCTERMS.publisher,
        # who is ranked first where the passage names what they are ranked among ("Of all its members ... the most hope
        # on the CSTO"): a state it does not name is not the one it ranks first
        CSTO.rankedFirst,
        *NAMED_OUTRIGHT,
    )
)
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_WORD_END = r"(?!\w)"
_WORD_CHAR = re.compile(r"\w").match


def _norm(text: str) -> str:
    """Case, curly quotes, no-break spaces and hyphens aside ("NagornoKarabakh", "Pashinyan’s")."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s\u00a0]+", " ", text.replace("-", "").replace("\u2010", "")).casefold()


def _names(ctx: Context, entity: Node) -> set[str]:
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    names = {str(o) for p in _NAMES for o in ent.objects(entity, p)}
    if (entity, RDF.type, CSTO.Person) in ent:  # a person is also named by their surname ("Pashinyan's")
        surnames = {str(label).split()[-1] for label in ent.objects(entity, RDFS.label) if str(label).strip()}
        names |= {n for n in surnames if not _common_word(ctx, n)}
    return {_norm(n) for n in names if len(n.strip()) >= 2}


# a word: letters; a hyphenated compound is one match, read as its parts and as the parts joined
# ("Nagorno-Karabakh": "nagorno", "karabakh", "nagornokarabakh")
_LETTERS = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
# where a seed runs two words together, a capital after a small letter ("Writer's picturePaul Hansbury")
_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z])")
_HYPHEN = re.compile(r"[-\u2010\u2011]")


def _seed_words(ctx: Context) -> tuple[frozenset[str], list[str], list[str]]:
    """The words of the project's seeds: every word case-folded (a set), the same sorted (for prefixes), and the
    words written in lower case, sorted. Read once per validation, and once for all copies of one set of seed files
    (their names, sizes and times: the slip tests validate many copies of one project)."""
    if "naming.seed_words" not in ctx.memo:
        paths = sorted(ctx.seeds_dir.glob("*.txt"))
        key = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths)
        if key not in _SEED_WORDS:
            _SEED_WORDS.clear()  # one set of seeds at a time
            _SEED_WORDS[key] = _words_of_seeds(paths)
        ctx.memo["naming.seed_words"] = _SEED_WORDS[key]
    return ctx.memo["naming.seed_words"]


_SEED_WORDS: dict[tuple, tuple[frozenset[str], list[str], list[str]]] = {}


def _words_of_seeds(paths: list[Path]) -> tuple[frozenset[str], list[str], list[str]]:
    words: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for m in _LETTERS.finditer(f"{text} {_RUN_TOGETHER.sub(' ', text)}"):
            parts = _HYPHEN.split(m.group(0))
            words.update(parts)
            words.add("".join(parts))
    folded = frozenset(w.casefold() for w in words)
    return folded, sorted(folded), sorted(w for w in words if w[0].islower())


def _begins_a_word(words: list[str], key: str, longer_by: int | None = None) -> bool:
    """Does a word of the sorted ``words`` begin with ``key`` (and, where given, run at most ``longer_by`` letters
    past it)?"""
    i = bisect.bisect_left(words, key)
    while i < len(words) and words[i].startswith(key):
        if longer_by is None or len(words[i]) - len(key) <= longer_by:
            return True
        i += 1
    return False


# a curator's aside in a name: the seed an unnamed group or a border is read from ("administrative border (seed 002)")
_SEED_ASIDE = re.compile(r"\([^()]*\bseed\b[^()]*\)")


def _names_spelled_as_the_seeds(ctx: Context) -> list[Result]:
    """An entity's names in kg/entities.trig (not a topic's: a topic is named by the curator's own summary) are
    spelled with words the seeds, the ontology or the seeds' curated files write: "Sviet Union", "Stanislav Zs",
    "Commonwealth of Independfnt States" and "the police of Kazakhstan" written "uhe police" are typos that no other
    check reads (a fact's passage still names the entity by another of its names). A word of five letters or more may
    also begin such a word at most four letters longer ("Kyrgyz": "Kyrgyzstan"; "decide": "decided"). Of the 201
    English names of kg/entities.trig's entities other than topics, none has a word outside these; of 160 random
    one-letter typos in that file's labels, 7 passed (measured 2026-12-06)."""
    out = []
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    topics = set(ctx.union.transitive_subjects(RDFS.subClassOf, CSTO.Topic))
    for entity, prop, name, gid in ctx.curated_quads_of(*_NAMES):
        if gid != ENTITIES_GRAPH or name.language not in (None, "en") or set(ent.objects(entity, RDF.type)) & topics:
            continue  # a name in another language is not the English seeds' (a Russian label: "Таджикистан")
        unknown = [w for w in _name_words(ctx, str(name)) if not _written(ctx, w)]
        if unknown:
            words = ", ".join(f'"{w}"' for w in dict.fromkeys(unknown))
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.NameSpelledAsTheSeeds, s=entity, p=prop, o=name, graph=gid, severity=SH.Warning,
                    message=f'its {shown(prop)} "{name}" has a word that neither the seeds, the ontology nor '
                    f"the seeds' curated files write ({words}): a name is spelled as the seeds spell it (a seed's "
                    "own misspelling is a skos:hiddenLabel, which is in its text). Fix: the spelling the seeds use",
                )
            )  # fmt: skip
    return out


def _name_words(ctx: Context, name: str) -> list[str]:
    """The words of a name, case-folded: each part of a hyphenated compound, or the compound joined where the seeds
    write it so ("NagornoKarabakh"); an aside naming a seed left out."""
    out = []
    for m in _LETTERS.finditer(_SEED_ASIDE.sub(" ", name)):
        parts = _HYPHEN.split(m.group(0).casefold())
        joined = "".join(parts)
        out += [joined] if len(parts) > 1 and joined in _seed_words(ctx)[0] else parts
    return out


_STEM = 5  # the shortest word read as the start of a longer one


def _written(ctx: Context, word: str) -> bool:
    """Is ``word`` (case-folded) written by the seeds, or else by the ontology's text or the seeds' curated files
    (read only when a word is not the seeds'), or, five letters or more, the start of such a word at most four letters
    longer?"""
    folded, ordered, _ = _seed_words(ctx)
    stem = len(word) >= _STEM  # a shorter one is read whole ("te" begins "ten", and is no word)
    if word in folded or (stem and _begins_a_word(ordered, word, 4)):
        return True
    if "naming.prose" not in ctx.memo:  # the words of the ontology's text and the seeds' files' prose, case-folded
        texts = [str(o) for _, _, o in ctx.data.dataset.graph(ONTOLOGY_GRAPH) if isinstance(o, Literal)]
        texts += [
            str(o)
            for _, _, o, gid in ctx.curated_quads()
            if gid != ENTITIES_GRAPH and isinstance(o, Literal) and o.datatype is None
        ]
        words = set(re.findall(r"[^\W\d_]+", "\n".join(texts).casefold()))
        ctx.memo["naming.prose"] = (words, sorted(words))
    words, ordered = ctx.memo["naming.prose"]
    return word in words or (stem and _begins_a_word(ordered, word, 4))


def _common_word(ctx: Context, surname: str) -> bool:
    """Is ``surname`` the start of a word the seeds write in lower case ("Case": "in some cases")? Names are compared
    case-folded, so such a surname alone would name its person in every seed that uses the word: the person is then
    named by their full name, or by a skos:hiddenLabel the curator adds where a seed calls them by surname."""
    return _begins_a_word(_seed_words(ctx)[2], surname.casefold())


# The patterns are built per entity name and grammar structure (a few thousand on the curated graph, the same in
# every validation of a slip batch): past ``re``'s own cache of 512 each would be compiled again on every use.
_rx = functools.lru_cache(maxsize=8192)(re.compile)


def _named(names: set[str], texts: list[str], whole: bool = False) -> bool:
    """Is one of ``names`` in one of ``texts``: at the start of a word ("Pashinyan's", "Belarusian"), or, ``whole``,
    as whole words (what shows that a passage names another entity: "Namro" is not named by "Namrotorstan").
    A name of three letters or fewer ("UN", "CST") is only ever a whole word ("unconvincing" does not name the UN,
    nor "CSTO" the CST)."""
    return any(  # the name is literally in every match: a text without it is not searched (nor a pattern compiled)
        n in t and _rx(rf"(?<!\w){re.escape(n)}{_WORD_END if whole or len(n) <= 3 else ''}").search(t)
        for n in names
        for t in texts
    )


def _named_as_adjective(names: set[str], texts: list[str]) -> bool:
    """Is a state's name in one of ``texts`` as the adjective made of it ("Russian officials", "Armenian")."""
    return any(
        n in t and _rx(rf"(?<!\w){re.escape(n)}(?:i|n|ian|an)(?!\w)").search(t)
        for n in names
        if len(n) >= 4
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

    @functools.cached_property
    def _by_name(self) -> dict[str, set[Node]]:
        index: dict[str, set[Node]] = {}
        for e, names in self.names.items():
            for n in names:
                index.setdefault(n, set()).add(e)
        return index

    def named_whole(self, text: str) -> set[Node]:
        """The entities one of whose names is in ``text`` (as :func:`_norm` writes it) as whole words, those for
        which ``_named(self.names[e], [text], whole=True)`` holds: each stretch of ``text`` from a word's start to a
        word's end looked up by name. For a short text (a label's first words), not each entity's names in turn:
        a label "Timur K. Bondar on ..." names every Bondar, hundreds at 1e6."""
        starts = [i for i in range(len(text)) if i == 0 or not _WORD_CHAR(text[i - 1])]
        ends = [j for j in range(1, len(text) + 1) if j == len(text) or not _WORD_CHAR(text[j])]
        index, found = self._by_name, set()
        for i in starts:
            for j in ends:
                if j > i and text[i:j] in index:
                    found |= index[text[i:j]]
        return found

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


def _contradicted(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The contradiction form: the passages supporting ``prop`` name another entity of the value's kind, not it (nor,
    for a state, a city the file uses for it). The fact's values of the paired property (who is accused beside who
    is wronged, what is compared beside what with) are not another."""
    return _contradicted_in(ctx, namer, facts, fact, prop, value, values, notes, by_notes=False)


def _contradicted_by_a_note(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The contradiction form read in the curator's notes that explain a value, where the passages name no other
    ("The place is Kazakhstan, whose unrest the paragraph describes" on a fact placed in Lebanon)."""
    return _contradicted_in(ctx, namer, facts, fact, prop, value, values, notes, by_notes=True)


def _contradicted_by_a_comment(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The contradiction form read in the fact's comment, where neither the passages nor the notes name the value
    ("the two sides, Kyrgyzstan and Tajikistan, are the appeal's csto:addressee" on an appeal addressed to
    Belarus, its passage saying only "both sides")."""
    comments = [_norm(str(c)) for c in ctx.data.dataset.graph(facts.graph).objects(fact, RDFS.comment)]
    return _contradicted_in(ctx, namer, facts, fact, prop, value, values, notes, by_notes=True, said_by=comments)


def _named_here(ctx, namer, gid, value, texts: list[str]) -> bool:
    """``texts`` name ``value``: by one of its names, or, for a state, by a city file ``gid`` says stands for it."""
    return namer.named(value, texts) or _named_by_its_city(ctx, namer, gid, value, texts)


def _contradicted_in(ctx, namer, facts, fact, prop, value, values, notes, by_notes: bool, said_by=None) -> str | None:
    """The contradiction form read in the passages (``by_notes`` false), the notes, or the texts ``said_by`` (a
    comment): they name another entity of the value's kind and, with the passages and notes, not the value."""
    read = said_by if said_by is not None else notes
    if (value, RDF.type, CSTO.Topic) in namer.ent or (by_notes and not read):
        return None
    evidence, _ = facts.supporting(fact, prop)
    texts = _passage_texts(ctx, evidence, notes + (said_by or []))
    if _named_here(ctx, namer, facts.graph, value, texts):
        return None
    kinds = _kinds(namer.ent, value)
    exclude = {value} | {o for p, o in values if p == PAIRED.get(prop)}
    said = "; ".join(curie(str(e)) for e in evidence)
    if said_by is not None:  # a comment naming the fact's other values (its destination, its co-addressees) does not
        exclude |= {o for _, o in values}  # contradict it
        named = _peers_named(ctx, namer, facts.graph, kinds, exclude, said_by)
        where = f"the passages supporting this {shown(prop)} name none, and the fact's rdfs:comment names"
    elif by_notes:
        named = _peers_named(ctx, namer, facts.graph, kinds, exclude, notes)
        where = f"the csto:curatorNote explaining this {shown(prop)} names"
    else:
        named = _peers_named(ctx, namer, facts.graph, kinds, exclude, [_normed_quote(ctx, e) for e in evidence])
        where = f"the passages supporting this {shown(prop)} ({said}) name"
    if not named:
        return None
    return (
        f"{where} {', '.join(named)}, not {shown(value)}. "
        "Fix: the value the passage names; or the passage that names it (csto:supportsProperty); or, where the value "
        "follows from context, a csto:curatorNote saying so"
    )


def _peers_named(ctx, namer, gid, kinds: set[Node], exclude: set[Node], texts: list[str]) -> list[str]:
    """The entities of one of ``kinds`` but ``exclude`` that ``texts`` name as whole words; a state also by a city the
    file ``gid`` uses for it ("Kyiv effectively strengthening its security"). Found from the names in the texts (an
    index), not by asking every entity of the kinds."""
    if not texts:
        return []

    of_kinds = [namer.by_kind.get(k, set()) for k in kinds]

    def peer(e: Node) -> bool:
        return e not in exclude and any(e in entities for entities in of_kinds)

    found = {
        e
        for e in namer.whole_word_candidates(texts)
        if peer(e) and namer.names.get(e) and _named(namer.names[e], texts, whole=True)
    }
    if CSTO.State in kinds:
        states_of = _cities(ctx, gid)[1]
        found |= {
            s
            for place in namer.in_texts(texts)
            if namer.named(place, texts)
            for s in states_of.get(place, ())
            if peer(s)
        }
    return sorted(curie(str(e)) for e in found)


def _named_apart(ctx, namer, facts, fact, prop, value, values, notes) -> str | None:
    """The passages supporting ``prop`` name other values of it that the fact gives, but not this one; or, where
    they name none of its values ("the member states"), the curator's notes explaining them do; or neither names
    any of its several values."""
    evidence, _ = facts.supporting(fact, prop)
    texts = [f for e in evidence for f in _forms(ctx, e)]

    def names(o: Node, where: list[str]) -> bool:  # by a name, or a state by a city the file uses for it
        return namer.named(o, where) or _named_by_its_city(ctx, namer, facts.graph, o, where)

    if names(value, texts + notes):
        return None
    said = "; ".join(curie(str(e)) for e in evidence)
    together = sorted((o for p, o in values if p == prop), key=str)
    where = f"the passages supporting this {shown(prop)} ({said or 'none'}) name"
    others = [curie(str(o)) for o in together if o != value and names(o, texts)]
    if not others:  # the passages name none of its values
        where += " none of its values, and the csto:curatorNote explaining them names"
        others = [curie(str(o)) for o in together if o != value and names(o, notes)]
    if others:
        return (
            f"{where} its other values {', '.join(others)}, not {shown(value)}. Fix: the value the passage or "
            "the note names with them; or the passage that names it (csto:supportsProperty); or, where the value "
            "follows from context, a csto:curatorNote naming it"
        )
    read = [o for o in together if not _unnamed(ctx, facts.graph, o, fact, prop)]  # not a group, not the author
    if len(read) > 1 and read[0] == value:  # nothing names any of them: reported once, on the first
        return (
            f"has {len(read)} values ({', '.join(curie(str(o)) for o in read)}), and neither the passages "
            f"supporting it ({said or 'none'}) nor a csto:curatorNote explaining it names any of them: where a "
            "passage speaks of them together ('the member states'), a note names each, so that a value typed over "
            "with another shows. Fix: a csto:curatorNote saying where the values follow from and naming them"
        )
    return None


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
    though they name another of its entity values (passages that name none of them are not read for its values);
    read twice, over all its passages there and over those that support the value (house rule 6: with several, the
    ones declared for its property, where the fact declares any): a passage the fact cites for another property
    (its order after an event, which names other states) names no value of this one."""
    if (value, RDF.type, CSTO.Topic) in namer.ent:
        return None
    supporting, _ = facts.supporting(fact, prop)
    for evidence in (facts.evidence.get(fact, []), supporting):
        message = _unnamed_in(ctx, namer, facts, fact, prop, value, values, evidence, notes)
        if message:
            return message
    return None


def _unnamed_in(ctx, namer, facts, fact, prop, value, values, evidence, notes) -> str | None:
    texts = _passage_texts(ctx, evidence, notes)
    if namer.named(value, texts):
        return None
    outright = prop in NAMED_OUTRIGHT
    if outright and (value == ALLIANCE or _named_by_its_city(ctx, namer, facts.graph, value, texts)):
        return None
    # a source's byline and masthead: its creator and publisher are named by its own passages or notes, always
    byline = prop in (DCTERMS.creator, DCTERMS.publisher) and (
        (fact, RDF.type, CSTO.SourceDocument) in ctx.data.dataset.graph(facts.graph)
    )
    others = (o for p, o in values if p not in TYPE and o != value and o != fact and namer.names.get(o))
    if not (outright or byline or any(namer.named(o, texts) for o in others)):
        return None
    said = "; ".join(curie(str(e)) for e in evidence)
    return (
        f"no passage of this fact in this file ({said}) names {shown(value)}, its "
        f"{shown(prop)}, and no csto:curatorNote of it here does. Fix: the value its passages name (a label, "
        "alternative or hidden label, a person's surname, an office's role and state); or cite the passage that "
        "names it; or, where the value follows from context, a csto:curatorNote naming it"
    )


def _entity_statement_unnamed(ctx, namer, facts, fact, prop, value, notes) -> str | None:
    """The strict form for what a seed's file states of an entity (a subject typed in kg/entities.trig: ``:vladimir-putin
    csto:nationality :russia``, ``:sco csto:ledBy :china``): a passage supporting the statement in that file, or a
    curator's note there, names its value, whatever else they name. Such a statement is one line with its passage,
    and a passage about something else (another line's, copied) names no entity of the value's kind as often as
    another one. The CSTO, which the seeds are about, is named by context ("the organization", "its members")."""
    if value == ALLIANCE or (value, RDF.type, CSTO.Topic) in namer.ent:
        return None
    evidence, _ = facts.supporting(fact, prop)
    texts = _passage_texts(ctx, evidence, notes)
    if _named_here(ctx, namer, facts.graph, value, texts):
        return None
    said = "; ".join(curie(str(e)) for e in evidence)
    return (
        f"this file states {shown(prop)} {shown(value)} of the entity {shown(fact)}, but no passage "
        f"supporting it ({said}) names {shown(value)}, nor a csto:curatorNote of it here. Fix: the passage that "
        "says it (prov:wasDerivedFrom, csto:supportsProperty), or the value it names; or, where the value follows "
        "from context, a csto:curatorNote saying how"
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
        f"no passage of this membership fact in this file ({said}) names {shown(value)}, its "
        f"{shown(prop)}, nor any other of its values, and no csto:curatorNote of it here does: the passage is "
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
        f"{shown(prop)} records how the seed names things, but no passage of it in this file ({said}) "
        f"names {shown(who)}, {role}, and no csto:curatorNote of it here does. Fix: the entity the "
        "passage names, or the passage of this seed that names it"
    )


def _group_named_for_another_state(ctx, namer, gid, group, value) -> str | None:
    """A group whose own name names a state ("Russian officials") is that state's: its csto:groupOfState is the state
    the name names, not another its passage names (a group of several states' people names each, or not all:
    "Kyrgyz and Tajik public")."""
    names = sorted(namer.names.get(group, ()))
    if not names or namer.named(value, names):
        return None
    theirs = set(ctx.union.objects(group, CSTO.groupOfState))
    named = {
        curie(str(e))
        for e in namer.in_texts(names)
        if e not in theirs and (e, RDF.type, CSTO.State) in namer.ent and _named_as_adjective(namer.names[e], names)
    }
    named = sorted(named | set(_peers_named(ctx, namer, gid, {CSTO.State}, theirs, names)))
    if not named:
        return None
    return (
        f"the group's own name names {', '.join(named)}, not {shown(value)}, its csto:groupOfState. Fix: the "
        "state its name names"
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
        f"is held by {shown(value)}, the publisher of this file's source, which no passage of it "
        f"({'; '.join(curie(str(e)) for e in evidence) or 'none'}) names: a publisher prints the words, it does not "
        "hold them. Fix: the speaker the passage quotes (or the source's author, dcterms:creator, for its own view)"
    )


def _office_holder_named(ctx, namer, facts, fact, value, values, notes) -> str | None:
    """A stance held by a state or organisation speaking as one of its offices (csto:speakingAs): the office stands
    for a speaker the source does not name ("the organisation's secretary-general admitted"). Where its passages
    name a person the graph has holding that office (csto:OfficeHolding), or speak of one as "he" or "she" after
    the text just before them names such a person, that person is who speaks ("Lukashenko stated", "He described",
    typed over as Belarus)."""
    if (value, RDF.type, CSTO.Person) in namer.ent:
        return None
    offices = [o for p, o in values if p == CSTO.speakingAs]
    if not offices:
        return None
    evidence, _ = facts.supporting(fact, CSTO.heldBy)
    texts = _passage_texts(ctx, evidence, [])
    if any(_THIRD_PERSON.search(t) for t in texts):
        texts += _lead_in(ctx, namer, evidence)  # "He described": the person last named before it
    holders_of = ctx.memo.get("naming.office_holders")
    if holders_of is None:
        holders_of = ctx.memo["naming.office_holders"] = {}
        for holding, office in ctx.union.subject_objects(CSTO.office):
            holders_of.setdefault(office, set()).update(ctx.union.objects(holding, CSTO.holder))
    named = sorted(
        {p for o in offices for p in holders_of.get(o, ()) if p in namer.names and namer.named(p, texts)}, key=str
    )
    if not named:
        return None
    return (
        f"is held by {shown(value)} speaking as {', '.join(curie(str(o)) for o in offices)}, but its passages "
        f"({'; '.join(curie(str(e)) for e in evidence) or 'none'}) or the text just before them name "
        f"{', '.join(curie(str(p)) for p in named)}, "
        "who holds that office: an office stands for its state or organisation only where the source names no one "
        "(csto:speakingAs). Fix: csto:heldBy the person the passage names"
    )


def _lead_in(ctx, namer, evidence) -> list[str]:
    """What a reader has just read when a passage begins, where "he added" finds its speaker: the seed's text from
    the passage back to the nearest paragraph that names a person (its own paragraph's text before it first; at
    most :data:`_LEAD_IN_PARAGRAPHS` paragraphs back), as :func:`_norm` writes it."""
    found = ctx.memo.setdefault("naming.lead_in", {})
    persons = namer.by_kind.get(CSTO.Person, set())
    out = []
    for e in evidence:
        if e not in found:
            src = ctx.union.value(e, OA.hasSource)
            starts = [int(x) for sel in ctx.union.objects(e, OA.hasSelector) for x in ctx.union.objects(sel, OA.start)]
            ident = ctx.union.value(src, DCTERMS.identifier) if src is not None else None
            text = _raw_seed(ctx, str(ident))[: min(starts)] if ident is not None and starts else ""
            read: list[str] = []
            for paragraph in reversed(
                [_norm(line) for line in text.split("\n") if line.strip()][-_LEAD_IN_PARAGRAPHS:]
            ):
                read.append(paragraph)
                if any(
                    _named(namer.names[x], [paragraph], whole=True)
                    for x in persons & namer.whole_word_candidates([paragraph])
                ):
                    break
            found[e] = " ".join(reversed(read))
        out.append(found[e])
    return out


# how far back "he", "she" or "the president" reaches for the person last named: a few paragraphs of one account
_LEAD_IN_PARAGRAPHS = 5


def _raw_seed(ctx, ident: str) -> str:
    seeds = ctx.memo.setdefault("naming.raw_seeds", {})
    if ident not in seeds:
        path = ctx.seeds_dir / ident
        seeds[ident] = path.read_text(encoding="utf-8") if path.is_file() else ""
    return seeds[ident]


def _named_by_its_city(ctx, namer, gid, state, texts) -> bool:
    """A seed names a state by one of its cities ("Minsk still has high hopes"): a place that file's graph says
    csto:standsFor it (that seed uses the name so; "the Minsk summit" in another seed names a city, not Belarus)."""
    return any(namer.named(place, texts) for place in _cities(ctx, gid)[0].get(state, ()))


def _cities(ctx, gid) -> tuple[dict[Node, set[Node]], dict[Node, set[Node]]]:
    """For the graph ``gid``: each state's places that stand for it there, and each such place's states (read once
    per validation from the curated csto:standsFor statements)."""
    if "naming.cities" not in ctx.memo:
        found: dict[Node, tuple[dict, dict]] = {}
        for place, _, state, g in ctx.curated_quads_of(CSTO.standsFor):
            places, states = found.setdefault(g, ({}, {}))
            places.setdefault(state, set()).add(place)
            states.setdefault(place, set()).add(state)
        ctx.memo["naming.cities"] = found
    return ctx.memo["naming.cities"].get(gid, ({}, {}))


# what a body is, by the inferred types (an organ is an org:OrganizationalUnit, the alliance an international
# organisation, a newspaper's publisher a foaf:Organization)
_BODIES = (FOAF.Organization, ORG.Organization, ORG.OrganizationalUnit, CSTO.InternationalOrganisation)


def _holder_unnamed(ctx, namer, facts, fact, value, values, notes) -> str | None:
    """Whose words a stance gives. A person: its passages in this file, a curator's note there, or the text just
    before a passage (back to the nearest paragraph that names a person: "he added") name them. A body (an organ, an
    organisation, the alliance) the same way, unless it issued a document the stance is expressed in (the council of
    "the declaration ... reaffirms"). A stance's one state: its passages
    name it (by a name, a city the file uses for it, or a person holding one of its offices) wherever
    they name another state. The source's own author, who says "I", is not asked (:func:`_unnamed`): a passage in
    no one's name is the author's, not a third person's the seed names elsewhere."""
    evidence = facts.evidence.get(fact, [])
    texts = _passage_texts(ctx, evidence, notes)
    if namer.named(value, texts):
        return None
    said = "; ".join(curie(str(e)) for e in evidence) or "none"
    if (value, RDF.type, CSTO.Person) in namer.ent:
        if namer.named(value, _lead_in(ctx, namer, evidence)):
            return None
        return (
            f"is held by {shown(value)}, whom no passage of it in this file ({said}) names, nor the text just "
            "before one, and no csto:curatorNote of it here: the words are another's (a passage in no one's name "
            "is the source author's). Fix: the speaker the passage names; or cite the passage that names them; or, "
            "where they follow from context, a csto:curatorNote saying so"
        )
    if (
        any((value, RDF.type, k) in ctx.union for k in _BODIES)
        and not namer.named(value, _lead_in(ctx, namer, evidence))
        and not any((doc, CSTO.issuedBy, value) in ctx.union for p, doc in values if p == CSTO.expressedIn)
    ):
        return (
            f"is held by {shown(value)}, which no passage of it in this file ({said}) names, nor the text just "
            "before one, and no csto:curatorNote of it here: the view is another's (a passage in no one's name is "
            "the source author's). Fix: the organisation or body the passage names; or cite the passage that names "
            "it; or, where it follows from context, a csto:curatorNote saying so"
        )
    holders = [o for p, o in values if p == CSTO.heldBy]
    if len(holders) != 1 or (value, RDF.type, CSTO.State) not in namer.ent:
        return None  # several states are spoken of together ("the member states"): not read here
    # the passages that give its holder (those declared for csto:heldBy, where a fact has several: "Thus, Moscow ...,
    # Minsk ..., Astana ..." sums up four stances and gives none of them its holder)
    evidence = facts.supporting(fact, CSTO.heldBy)[0]
    texts = _passage_texts(ctx, evidence, notes)
    if _named_here(ctx, namer, facts.graph, value, texts):
        return None
    others = _peers_named(ctx, namer, facts.graph, {CSTO.State}, {value}, [_normed_quote(ctx, e) for e in evidence])
    if not others:
        return None
    said = "; ".join(curie(str(e)) for e in evidence) or "none"
    return (
        f"is held by {shown(value)}, which no passage of it in this file ({said}) names (by a name, its "
        f"city or a holder of one of its offices), while they name {', '.join(others)}. Fix: the state whose "
        "view the passage gives; or, where it follows from context, a csto:curatorNote saying so"
    )


def _channel_unnamed(ctx, namer, facts, fact, channel, notes) -> str | None:
    """Through whom a stance is reported (csto:reportedVia: "Orlov told Nezavisimaya Gazeta", "according to the
    Kremlin's materials") is named where its words are: by its passages in this file, a curator's note there, or the
    text just before a passage (back to the nearest paragraph that names a person)."""
    evidence = facts.evidence.get(fact, [])
    if namer.named(channel, _passage_texts(ctx, evidence, notes)) or namer.named(
        channel, _lead_in(ctx, namer, evidence)
    ):
        return None
    said = "; ".join(curie(str(e)) for e in evidence) or "none"
    return (
        f"is reported via {shown(channel)}, which no passage of it in this file ({said}) names, nor the text "
        "just before one, nor a csto:curatorNote of it here: the words reached the source through another. Fix: the "
        "newspaper, agency or document the passage or its paragraph names; or, where it follows from context, a "
        "csto:curatorNote saying so"
    )


# what a group's name says beside the group it stands for: that its people are unnamed, and by which seed
_GROUP_NAME_ASIDE = re.compile(r"\bunnamed\b|\bseed\b|\d+")


def _group_holder_unsaid(ctx, namer, facts, fact, group, prop=CSTO.heldBy) -> str | None:
    """A stance held by a group standing for unnamed people (not its source's author, whose passages are in no one's
    name): some word of the group's name is in what the stance says in this file (its passages, words, label,
    comment, notes). "The Kyrgyz and Tajik public" holds what "the public" says; a holder typed over with another
    of the seed's groups ("opponents of the CSTO" for "experts") shares none. So with such a group as any value a
    passage names (``prop``: the police an order is given to, not "every state")."""
    if (group, RDF.type, CSTO.Group) not in namer.ent or group in ctx.source_creators.get(facts.graph, ()):
        return None
    want = (
        set().union(*(stems(_GROUP_NAME_ASIDE.sub(" ", n)) for n in namer.names.get(group, ())))
        if namer.names.get(group)
        else set()
    )
    if not want:
        return None
    g = ctx.data.dataset.graph(facts.graph)
    said = [_quote(ctx, e) for e in facts.evidence.get(fact, [])]
    said += [str(o) for p in (CSTO.words, RDFS.label, RDFS.comment, CSTO.curatorNote) for o in g.objects(fact, p)]
    if want & stems(" ".join(said)):
        return None
    if prop == CSTO.heldBy:
        return (
            f"is held by {shown(group)}, a group no word of whose name (its label and other names) is in what "
            "the stance says in this file (its passages, words, label, comment and notes): the view is another's. "
            "Fix: the group or speaker the passage gives the words to; or, where it follows from context, a "
            "csto:curatorNote naming the group in its words"
        )
    return (
        f"its {shown(prop)} is {shown(group)}, a group no word of whose name (its label and other names) is "
        "in what the fact says in this file (its passages, words, label, comment and notes). Fix: the group the "
        "passage speaks of; or, where it follows from context, a csto:curatorNote naming the group in its words"
    )


# the source's author, who says "I", "my", "we": a passage in the first person names them, outside the speech it
# quotes ("“I am very glad that ... our international event”, he said" is the speaker's first person, not the writer's)
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|me|my|mine|myself|we|us|our|ours)(?!\w)")
_QUOTATION = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _in_the_writers_voice(text: str) -> str:
    """``text`` without the speech it quotes: each “...” (or "..."), and what precedes a closing mark that opens
    before the passage or follows an opening mark it does not close."""
    text = _QUOTATION.sub(" ", text)
    if "”" in text:  # the passage starts inside a quotation
        text = text[text.rindex("”") + 1 :]
    if "“" in text:  # ... or ends inside one
        text = text[: text.index("“")]
    return text


def _first_person(ctx: Context, evidence: Node) -> bool:
    """The passage speaks in its writer's first person (:func:`_in_the_writers_voice`)."""
    return bool(_FIRST_PERSON.search(_in_the_writers_voice(_quote(ctx, evidence)).casefold()))


# where a source's author is read by no name: the stances, inferences and writings that are theirs (a passage in no
# one's name is the writer's); as any other value they are read as :func:`_author_unsaid` says
_AUTHOR_UNREAD = {CSTO.heldBy, CSTO.inferredBy, DCTERMS.creator}


def _author_unsaid(ctx, namer, facts, fact, prop, value, notes) -> str | None:
    """A source's author given as the agent, target, place... of a fact whose passages are not in the writer's first
    person (:func:`_first_person`) and do not name them (nor does another passage of the fact or a note): where they
    name another person the value is that other's ("Tokayev had already given" is Tokayev's act, not the article's
    author's); where they name no one, only a "he" or "she" (a biography's) stands for the author. An author the
    text does not name (a group standing for them) is given by the first person alone."""
    if prop in _AUTHOR_UNREAD or value not in ctx.source_creators.get(facts.graph, ()):
        return None  # a value of theirs read by no name, or not the author (another group: _group_holder_unsaid)
    evidence, _ = facts.supporting(fact, prop)
    if any(_first_person(ctx, e) for e in evidence):
        return None
    texts = _passage_texts(ctx, evidence, notes)
    if _named_here(ctx, namer, facts.graph, value, _passage_texts(ctx, facts.evidence.get(fact, []), notes)):
        return None  # named by a passage of the fact, if not the one declared for this value
    said = "; ".join(curie(str(e)) for e in evidence) or "none"
    # another person they name, even as another of the fact's values, is who "he" or "she" stands for there
    others = _peers_named(ctx, namer, facts.graph, {CSTO.Person} | _kinds(namer.ent, value), {value}, texts)
    if others:
        who = f"name {', '.join(sorted(others))}"
    elif (value, RDF.type, CSTO.Group) in namer.ent or not any(_THIRD_PERSON.search(t) for t in texts):
        who = "name no one who could be the writer"
    else:
        return None
    return (
        f"{shown(value)}, this source's author, is this fact's {shown(prop)}, but the passages supporting "
        f"it ({said}) {who}, neither naming the author nor speaking in the writer's first person (the speech they "
        "quote aside). Fix: the person or group the passage speaks of; or cite the passage in which the author "
        "speaks of themselves"
    )


# a person the passage does not name, as a biography speaks of its subject
_THIRD_PERSON = re.compile(r"(?<!\w)(?:he|she|him|her|his|hers)(?!\w)")


# words by which a passage gives what follows as someone's speech or view, not the writer's ("the expert said",
# "Volodin stated that", "according to", "Pashinyan spoke about ..., recalling that")
_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|noted|notes|added|adds|argued|argues|told|tells|wrote|writes|claimed|claims|"
    r"spoke|speaks|recall(?:s|ed|ing)?|remind(?:s|ed|ing)?|"
    r"believes?|believed|thinks?|thought|explained|stressed|emphasi[sz]ed|warned|concluded|pointed out|according to|"
    r"in (?:his|her|their) (?:view|words|opinion))\b",
    re.I,
)


def _inferred_in_the_writers_voice(ctx: Context) -> list[Result]:
    """A fact's csto:inferredBy person who is not its source's author (where its file records one), where the
    passages supporting it give the inference in the writer's own voice: no quotation mark and no word of speech
    ("It follows therefore that Vladimir Putin held these ... meetings ... with ... Emomali Rahmon" is the author's
    inference, not Rahmon's)."""
    out: list[Result] = []
    people = set(ctx.union.subjects(RDF.type, CSTO.Person))
    for fact, prop, person, gid in ctx.curated_quads_of(CSTO.inferredBy):
        authors = ctx.source_creators.get(gid, set())
        if person not in people or not authors or person in authors:
            continue  # a file that records no author: whose the writer's voice is, it does not say
        facts = ctx.file_facts.get(gid)
        evidence = facts.supporting(fact, prop)[0] if facts is not None and fact in facts.values else []
        quotes = [_quote(ctx, e) for e in evidence]
        if not quotes or any(_SPEECH.search(q) or _QUOTE_MARK.search(q) for q in quotes):
            continue
        out.append(
            ctx.locator.statement_result(shape=SHAPE.ValueNamedInItsPassage, s=fact, p=prop, o=person, graph=gid,
                message=f"csto:inferredBy {shown(person)}, but the passages supporting it "
                f"({'; '.join(curie(str(e)) for e in evidence)}) give the inference in the writer's own voice, quoting "
                f"no one and with no word of speech ('said', 'stated', 'according to'): it is the source's author's "
                f"({', '.join(sorted(curie(str(a)) for a in authors))}). Fix: the author, or the person the passage "
                "has say it")
        )  # fmt: skip
    return out


_QUOTE_MARK = re.compile(r"[\"“”«»]")


def _inferred_in_the_holders_words(ctx: Context) -> list[Result]:
    """A proposition whose csto:inferenceMarker is in its own csto:words, the words of its holder ("Volodin stated
    that the CSTO peacekeepers' efficiency ... indicates the organization's maturity"), is an inference of its
    holder: its csto:inferredBy is one of its csto:heldBy, not the writer who reports it."""
    out: list[Result] = []
    for fact, prop, person, gid in ctx.curated_quads_of(CSTO.inferredBy):
        holders = set(ctx.union.objects(fact, CSTO.heldBy))
        if not holders or person in holders:
            continue
        words = [str(w) for w in ctx.union.objects(fact, CSTO.words)]
        markers = [str(m) for m in ctx.union.objects(fact, CSTO.inferenceMarker) if any(str(m) in w for w in words)]
        if not markers:
            continue
        out.append(
            ctx.locator.statement_result(shape=SHAPE.ValueNamedInItsPassage, s=fact, p=prop, o=person, graph=gid,
                message=f"csto:inferredBy {shown(person)}, but its marker (\"{markers[0]}\") is in its own "
                f"csto:words, those of its holder ({', '.join(sorted(curie(str(h)) for h in holders))}): the "
                "inference is the holder's. Fix: the holder")
        )  # fmt: skip
    return out


def _value_named(ctx: Context) -> list[Result]:  # noqa: C901 - one pass over every fact value; its branches are the rule's three checks
    out: list[Result] = []
    namer = _namer(ctx)
    ent, entities, names = namer.ent, namer.entities, namer.names
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
                    message = _author_unsaid(ctx, namer, facts, fact, prop, value, notes)
                    if message is None and (prop == CSTO.heldBy or prop in NAMED_VALUES or prop in NAMED_BY_THE_FACT):
                        message = _group_holder_unsaid(ctx, namer, facts, fact, value, prop)
                    if message:
                        out.append(
                            ctx.locator.statement_result(
                                shape=SHAPE.ValueNamedInItsPassage, s=fact, p=prop, o=value, graph=gid, message=message
                            )
                        )
                    continue
                message = None
                if (
                    prop in NAMED_VALUES
                    and (prop not in PERSONS_ONLY or (value, RDF.type, CSTO.Person) in ent)
                    and ((prop, value) not in NAMED_BY_CONTEXT)
                ):
                    message = _contradicted(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and fact in entities and prop in NAMED_VALUES:
                    message = _entity_statement_unnamed(ctx, namer, facts, fact, prop, value, notes)
                if message is None and prop in NAMED_TOGETHER:
                    message = _named_apart(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and prop in NAMED_BY_THE_FACT:
                    message = _unnamed_by_the_fact(ctx, namer, facts, fact, prop, value, values, notes)
                if (
                    message is None
                    and prop in NAMED_VALUES
                    and (prop not in PERSONS_ONLY or (value, RDF.type, CSTO.Person) in ent)
                    and ((prop, value) not in NAMED_BY_CONTEXT)
                ):
                    message = _contradicted_by_a_note(ctx, namer, facts, fact, prop, value, values, notes)
                    if message is None:
                        message = _contradicted_by_a_comment(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and prop == CSTO.heldBy:
                    message = _held_by_the_publisher(ctx, namer, facts, fact, value, notes)
                if message is None and prop == CSTO.heldBy:
                    message = _holder_unnamed(ctx, namer, facts, fact, value, values, notes)
                if message is None and prop == CSTO.heldBy:
                    message = _office_holder_named(ctx, namer, facts, fact, value, values, notes)
                if message is None and prop == CSTO.reportedVia:
                    message = _channel_unnamed(ctx, namer, facts, fact, value, notes)
                if message is None and prop in STATE_OF_THE_FACT:
                    message = _state_unnamed(ctx, namer, facts, fact, prop, value, values, notes)
                if message is None and (
                    prop in NAMED_IN_USE or (prop == CSTO.agent and (fact, RDF.type, CSTO.Decision) in g)
                ):
                    message = _usage_unnamed(ctx, namer, facts, fact, prop, value, notes)
                if message is None and prop == CSTO.groupOfState:
                    message = _group_named_for_another_state(ctx, namer, gid, fact, value)
                if (
                    message is None
                    and prop not in HOLDERS_READ_BY_PASSAGE
                    and (value, RDF.type, CSTO.Person) in ent
                    and not _named(names[value], [_seed_text(ctx, gid, seeds)])
                ):
                    message = (
                        f"{shown(value)} is named nowhere in this file's seed, yet is this fact's "
                        f"{shown(prop)}. Fix: the person the seed speaks of (an unnamed author is the group "
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
    return out + _marker_contradicts(ctx, namer)


# a value and the marker that quotes the words giving it, on one node ("Russia should not fight alone" is prescribed
# for Russia, "using other global players, primarily China" relies on China as its means)
MARKED_VALUES = {
    CSTO.prescribedFor: CSTO.prescriptionMarker,
    CSTO.abilityOf: CSTO.abilityMarker,
    CSTO.means: CSTO.meansMarker,
    CSTO.namesAsExample: CSTO.exampleMarker,
    CSTO.changedItem: CSTO.changeMarker,
    CSTO.exclusively: CSTO.exclusiveMarker,
    CSTO.attemptedBy: CSTO.attemptMarker,
    CSTO.uncertainParty: CSTO.uncertaintyMarker,
    CSTO.reliedOn: CSTO.relianceMarker,
    CSTO.reliantParty: CSTO.relianceMarker,
    CSTO.inferredBy: CSTO.inferenceMarker,
}


# the values whose words a rule of their own reads (shape:PrescriptionWordsNameIt, ExampleWordsNameIt,
# ChangeWordsNameIt, RelianceWordsNameIt, UncertaintyWordsNameItsParty): named by neither words nor passage, it reports
WORDS_NAME_IT = frozenset(
    (CSTO.prescribedFor, CSTO.namesAsExample, CSTO.changedItem, CSTO.reliedOn, CSTO.reliantParty, CSTO.uncertainParty)
)


def _node_passages(ctx: Context, node: Node) -> list[str]:
    """The quotes of the evidence of ``node`` and of the facts that link to it (a prescription's stance)."""
    facts = {node} | {s for s, _ in ctx.union.subject_predicates(node)}
    return [_normed_quote(ctx, e) for f in facts for e in ctx.union.objects(f, PROV.wasDerivedFrom)]


def _marker_contradicts(ctx: Context, namer) -> list[Result]:
    """The words a marker quotes name another entity of the value's kind, not the value (nor its city), which a
    passage of its fact names: the value is another the passage names. A marker that names no such entity, or a
    value no passage names, is not read here (the passage's own checks report that)."""
    out: list[Result] = []
    for prop, marker_prop in MARKED_VALUES.items():
        for node, _, value, gid in ctx.curated_quads_of(prop):
            if value not in namer.entities or (value, RDF.type, CSTO.Topic) in namer.ent or not namer.names[value]:
                continue
            markers = [_norm(str(m)) for m in ctx.union.objects(node, marker_prop)]
            if not markers or namer.named(value, markers) or _named_by_its_city(ctx, namer, gid, value, markers):
                continue
            if prop in WORDS_NAME_IT and not namer.named(value, _node_passages(ctx, node)):
                continue  # named by no passage either: the rule of its words reports it (shape:*WordsNameIt), once
            mine = set(ctx.union.objects(node, prop)) | set(ctx.union.objects(node, PAIRED.get(prop, prop)))
            named = _peers_named(ctx, namer, gid, _kinds(namer.ent, value), mine, markers)
            if named:
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.ValueNamedInItsPassage,
                        s=node,
                        p=prop,
                        o=value,
                        graph=gid,
                        message=(
                            f"its {shown(marker_prop)} quotes words that name {', '.join(named)}, not "
                            f"{shown(value)}, its {shown(prop)}. Fix: the value the words name; or the "
                            "words of the seed that give this value"
                        ),
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
    # "Nezavisimaya Gazeta, local Russian newspaper": an outlet or body described by its state's adjective
    CSTO.basedIn: (
        *_IN_X,
        r"(?<!\w){S}, (?:an? |the )?(?:\w+ )?{X}(?:i|n|ian|an)? (?:newspaper|daily|news agency|agency|outlet|"
        r"broadcaster|channel|magazine|journal|website|site|university|institute|think tank|centre|center)(?!\w)",
    ),
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
                                f"{shown(e)} says {m.group(0)!r}: it pairs "
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
                            f"the passages supporting this {shown(prop)} ({said}) give it as {named} by their "
                            f'grammar ("X-led", "led by X", "part of X", "... in X", "(X)", "capital of X", "by X", '
                            f'"X, the largest", "between X and Y"), not {shown(value)}. Fix: the value the '
                            "passage gives; the graph records what the source says"
                        ),
                    )
                )
    return out + _parties_paired(ctx, namer, by_kind)


# the agents a stance's label may open with ("Lukashenko: ...", "The author: ..."): by their inferred types
_AGENTS = (CSTO.Person, CSTO.State, CSTO.Group) + _BODIES
# a label's opening words before its colon, or its closing parenthesis, if they are few: a speaker's name, not a
# sentence ("It is not all terrible news for the CSTO and Russia: ..."); a parenthesis that opens in lower case
# names no speaker ("(per Nezavisimaya Gazeta)" is the channel)
_LABEL_HEAD = re.compile(r"([^:]{2,40}): ")
_LABEL_TAIL = re.compile(r"\(([A-Z][^()]{1,39})\)$")
_HEAD_WORDS = 3


# a label opening with a person's name as its sentence's subject ("Lukashenko wants to ...", "Pashinyan reportedly
# calls ..."): one to three capitalised words, not a possessive ("Lukashenko's proposal"), before a word in lower case
_LABEL_SUBJECT = re.compile(r"((?:[A-Z][\w’'.-]* ){0,2}[A-Z][\w’'.-]*?)(?<!['’]s) (?=[a-z])")


def _speakers_in_label(label: str) -> list[str]:
    """The words of ``label`` that may name its speaker: those before its colon, those of its closing parenthesis."""
    found = [m.group(1) for m in (_LABEL_HEAD.match(label), _LABEL_TAIL.search(label)) if m is not None]
    return [words for words in found if len(words.split()) <= _HEAD_WORDS]


def _subject_of_label(label: str) -> str | None:
    """The capitalised words a label opens its sentence with, where it has no speaker's colon or parenthesis."""
    if _LABEL_HEAD.match(label) or _LABEL_TAIL.search(label):
        return None
    m = _LABEL_SUBJECT.match(label)
    return m.group(1) if m else None


def _label_names_its_holder(ctx: Context) -> list[Result]:
    """A stance whose English label names its speaker ("Lukashenko: NATO is ...", "The author: ...", "... (Hansbury)":
    a name of at most three words before a colon, or in a closing parenthesis; with neither, a person's name opening
    the label's sentence, "Lukashenko wants to ...": 25 of the 26 curated labels that open so were held by that
    person, the other the author's view of Putin's act, now labelled "The author: ...") is held by that speaker: one
    of its csto:heldBy values is an agent those words name (or a group with that agent among its csto:groupMember), or they
    say "author" and a holder is its source's dcterms:creator. Of the 98 curated stances whose labels open so and
    the 35 that close so, none is held by another (measured 2026-12-07); a holder typed over with another
    (Lukashenko's words given to Belarus) leaves the label naming the speaker the passage gives."""
    namer = _namer(ctx)
    agents = {e for e in namer.entities if any((e, RDF.type, k) in ctx.union for k in _AGENTS)}
    persons = {e for e in agents if (e, RDF.type, CSTO.Person) in ctx.union}
    stances: dict[Node, set[Node]] = {}  # each file's stances, read once (not the dataset's for each of 1,000 files)
    for s, _, o, gid in ctx.curated_quads_of(RDF.type):
        if o == CSTO.Stance:
            stances.setdefault(gid, set()).add(s)
    out = []
    for gid in sorted(ctx.curated, key=str):
        if gid == ENTITIES_GRAPH:
            continue
        g = ctx.data.dataset.graph(gid)
        creators = ctx.source_creators.get(gid, set())
        for stance in sorted(stances.get(gid, ()), key=str):
            holders = set(ctx.union.objects(stance, CSTO.heldBy))
            if not holders:
                continue  # a stance without a holder is another rule's
            members = {m for h in holders for m in ctx.union.objects(h, CSTO.groupMember)}
            for label in g.objects(stance, RDFS.label):
                if label.language not in (None, "en"):
                    continue
                subject = _subject_of_label(str(label))
                for words in _speakers_in_label(str(label)) or ([subject] if subject else []):
                    head = _norm(words)
                    author = re.search(r"(?<!\w)author(?!\w)", head) is not None and not subject
                    speakers = persons if subject else agents  # a sentence's subject speaks only if a person
                    named = namer.named_whole(head) & speakers  # by name, not each agent in turn (1e6: ~60 s)
                    if not named and not author:
                        continue  # the words name no agent ("Third direction: ...", "(2022)")
                    if (holders | members) & named or (author and holders & creators):
                        continue
                    said = ", ".join(curie(str(e)) for e in sorted(named, key=str)) or "the source's author"
                    held = ", ".join(curie(str(h)) for h in sorted(holders, key=str))
                    message = (
                        f'its label names {said} as the speaker ("{words}"), but it is held by {held}: the holder '
                        "or the label was typed over (a holder swapped with another stance's, a label copied). Fix: "
                        "csto:heldBy the speaker the passage gives, or a label naming its holder"
                        + (f" (a view of what {words} did: 'The author: {words} ...')" if subject else "")
                    )
                    for holder in sorted(holders, key=str):
                        out.append(
                            ctx.locator.statement_result(
                                shape=SHAPE.LabelNamesItsHolder,
                                s=stance,
                                p=CSTO.heldBy,
                                o=holder,
                                graph=gid,
                                message=message,
                            )
                        )
                    break
    return out


RULES = [
    Rule(
        SHAPE.NameSpelledAsTheSeeds,
        "an entity's names are spelled as the seeds spell them",
        "Every word of a name (rdfs:label, skos:prefLabel, skos:altLabel, skos:hiddenLabel) that kg/entities.trig "
        "gives an entity in English (not a topic: its name is the curator's summary) is a word of the seeds (a "
        "hyphenated compound also joined: 'NagornoKarabakh'), of the ontology's text or of the seeds' curated "
        "files, or (five letters or more) the start of such a word at most four letters longer ('Kyrgyz': "
        "'Kyrgyzstan'); an aside naming a seed ('(seed 002)') is not read. A warning: a typo in a name ('Sviet "
        "Union', 'uhe police of Kazakhstan') that no other check reads, where the entity has other names its "
        "passages use.",
        _names_spelled_as_the_seeds,
        SH.Warning,
    ),
    Rule(
        SHAPE.ValueGivenByItsPassage,
        "a value the grammar of its passage gives is the value",
        "Where a passage supporting a fact's csto:ledBy, csto:locatedIn, csto:basedIn, csto:capitalOf, "
        "dcterms:creator, csto:issuedBy, csto:rankedFirst or csto:locatedBetween gives its value by its grammar - "
        '"X-led" or "led by X"; "part of X", "<subject> in X", '
        '"<subject> (X)", "<subject>, X" or "<subject>, a local X-ian newspaper (agency, institute ...)"; '
        '"capital of X" or "X\'s capital"; "photo (book, report) by X"; '
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
        "csto:participant, csto:heldBy (a person), csto:basedIn, csto:bordersOn, csto:borderOf, csto:locatedBetween, "
        "csto:rankedFirst, csto:rankedAmong, dcterms:spatial, csto:approvalBy, csto:criticises, csto:locatesWithin, "
        "csto:accusedParty, csto:allegedVictim, csto:comparisonSubject, csto:comparedWith, csto:abilityOf, "
        "csto:attemptedBy, csto:reliantParty, csto:reliedOn, csto:recipient, csto:rankedAmongLeading, "
        "csto:exclusively, csto:namesAsExample, csto:quantityOf, csto:countedThing, csto:changedItem, "
        "csto:changeResult, csto:uncertainParty, csto:uncertainAbout, csto:sideItem, csto:excludedMember, "
        "csto:regionOfWork, csto:inferredBy, csto:mainlyInhabitedBy, csto:bindsParty, csto:means or "
        "csto:prescribedFor "
        "is not contradicted by the passages supporting that property in that file: "
        "where they name (by a label, alternative or hidden label, or a person's surname, unless the seeds use it "
        "as a word in lower case: 'Case', 'in some cases') another entity of the "
        "value's kind (other than the fact's value of the paired property: accused and wronged, compared and "
        "compared with, reliant and relied on) and not the value (nor, for a state, a city that file says stands "
        "for it), the value is named in a csto:curatorNote of the fact there that says how it follows; where the "
        "passages name none, a note explaining the value that names another entity of its kind and not the value "
        "contradicts it, and so does the fact's rdfs:comment where neither passages nor notes name the value ('the "
        "two sides, Kyrgyzstan and Tajikistan' on an appeal addressed to Belarus); and where the "
        "marker that quotes the words giving such a value (csto:prescriptionMarker, csto:abilityMarker, "
        "csto:meansMarker, csto:exampleMarker, csto:changeMarker, csto:exclusiveMarker, csto:attemptMarker, "
        "csto:uncertaintyMarker, csto:relianceMarker, csto:inferenceMarker) names another entity of its kind, it "
        "names the value. Where such a value is stated of an entity (a subject typed in kg/entities.trig: "
        "':vladimir-putin csto:nationality :russia'), a passage supporting it in that file or a csto:curatorNote "
        "there names it, whatever else they name (the CSTO by context). A stance's csto:heldBy person is named by "
        "one of its passages in that file, a "
        "csto:curatorNote of it there, or the seed's text just before a passage (back to the nearest paragraph "
        'naming a person: "he added"), and so is its csto:heldBy organ, organisation or alliance, unless that body '
        "issued a document the stance is csto:expressedIn; a stance held by a state or organisation speaking as "
        "one of its offices (csto:speakingAs) is not one whose passages name a person the graph has holding that "
        "office, or speak of one as 'he' or 'she' after the text before them names such a person; "
        "a stance's one csto:heldBy state is named by its passages (by a name, its "
        "city that file says csto:standsFor it or a holder of one of its offices) wherever they name another state "
        "(the passages declared for csto:heldBy, where it has several); a group whose own name names a "
        'state ("Russian officials") has it as its csto:groupOfState. An entity value of a fact\'s csto:agent, csto:target, csto:organisation, org:organization, '
        "csto:participatingState, csto:attendee, csto:invitee, csto:proposedBy, csto:issuedBy, csto:publishedOn, "
        "csto:destination, csto:place, csto:host, csto:rankedFirst, dcterms:creator or dcterms:publisher is named by a "
        "passage of the fact in that file or a csto:curatorNote of it there, where these name another of its entity "
        "values (an office is also named by its role and its state or body, a state by a person holding one of its "
        "offices; topics are not checked); a source document's dcterms:creator and dcterms:publisher always are, "
        "and so is a value of csto:comparisonSubject, csto:comparedWith, csto:accusedParty, csto:allegedVictim, "
        "csto:criticises, csto:reliantParty, csto:reliedOn, csto:abilityOf, csto:attemptedBy, csto:recipient, "
        "csto:office or csto:about (an entity, not a topic), "
        "whatever else the passages name (a state also by a city the file says csto:standsFor it; the CSTO, which "
        "the seeds are about, by context). "
        "A stance held by a group standing for unnamed people (not its source's author) uses a word of the group's "
        "name in its passages, words, label, comment or notes in that file, and so does a fact given such a group as "
        "any other value read here (the police an order is given to); a stance's csto:reportedVia (a newspaper, "
        "agency or document) is named by its passages there, a csto:curatorNote of it there, or the text just "
        "before a passage. "
        "The passages supporting several csto:heldBy values that name some of them name each; where they name none "
        "('the member states'), a csto:curatorNote explaining them names each; a stance is not held by "
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
        "standing for unnamed people (but for a word of their name, above) and the source's own author (except as "
        "its dcterms:creator) are not checked so. "
        "A fact's csto:inferredBy person other than its source's author (where the file records one) is one its "
        "passages have speak: they quote "
        "or say so ('said', 'stated', 'according to'); an inference in the writer's own voice ('It follows "
        "therefore that') is the author's, and one whose csto:inferenceMarker is in the proposition's own "
        "csto:words ('Volodin stated that ... indicates ...') is its holder's.",
        lambda ctx: _value_named(ctx) + _inferred_in_the_writers_voice(ctx) + _inferred_in_the_holders_words(ctx),
    ),
    Rule(
        SHAPE.LabelNamesItsHolder,
        "a stance's label that names its speaker names its holder",
        "A stance whose English rdfs:label names a speaker - a name of at most three words before a colon "
        "('Lukashenko: ...', 'The author: ...') or in a closing parenthesis opening with a capital ('... "
        "(Hansbury)') that names a person, state, organisation, organ or group of "
        "kg/entities.trig, or says 'author', or, with neither, opens with a person's name as its sentence's subject "
        "('Lukashenko wants to ...', 'Pashinyan reportedly calls ...'; not a possessive) - is held (csto:heldBy) by "
        "that agent, by a group with that agent among its csto:groupMember, or, for 'author', by its source's "
        "dcterms:creator: a holder or a label typed over. The author's view of what a person did says so "
        "('The author: Putin tried to ...').",
        _label_names_its_holder,
    ),
]

__all__ = ["RULES"]
