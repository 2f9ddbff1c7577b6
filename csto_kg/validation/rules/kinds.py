"""Curator slips of round 33: what a node is, and what its label and tags say, read against the words the seed gives it.

- ``shape:TypeInItsWords``: a node typed as a kind of event or document (a refusal, a minimal response, a
  withdrawal, drills, a joint statement, a declaration, an occupation ...) is worded as one by its passages, its
  ``csto:words``, its label, comment or notes: drills typed a meeting, a refusal typed a minimal response,
  hosted bases typed an occupation, a joint statement typed a declaration passed every other rule, since each class
  takes the same properties as its sibling.
- ``shape:SessionKindInItsWords``: a session's kind is the one its passages name ("at the opening of the summit",
  "the part open to the press").
- ``shape:ListPositionInItsWords``: a proposition's ``csto:listPosition`` is the ordinal its passage opens its
  item with ("Firstly", "Secondly", "Thirdly", "Fourth"): two items' positions swapped kept both numbers in 1..n.
- ``shape:JudgedIsAnExpectation``: what ``csto:judgesExpectation`` judges is an expectation: a prediction, a
  speculation, a concern or a warning (its ``csto:position``), or an attitude (a hope the source reads).
- ``shape:LabelDatesAgree``: a dated node's label names no month, day or year that neither its own dates nor those
  of the nodes it links to have ("(October 2023)" on drills of September 2023; of 142 years and 63 months the
  curated labels of dated nodes name, none: measured 2026-12-07); nor a comment, outside its quotations, a day that
  no day-precision date of it or of its links has ("on 7 January" on the deployment of 6 January; round 34).
- ``shape:LanguageNamedInItsPassage``: a ``csto:speaksLanguage`` tag names a language its passage names.

Each reads the curated quads once and the passages of the nodes they type: linear in the graph.
"""

from __future__ import annotations

import re

from rdflib import URIRef
from rdflib.term import Node

from ...namespaces import CSTO, RDF, RDFS, SHAPE
from ..report import Result
from . import Context, Rule
from .curation import _c, _labels, _named_by_a_note, _passages, _passages_of

# the words a seed gives each kind of event or document by; a class not listed is not read
_TYPE_WORDS = {
    CSTO.Refusal: r"refus\w*|reject\w*|declin\w*|turn\w* down|den(?:y|ied|ial)|rebuff\w*",
    CSTO.MinimalResponse: r"minimal\w*|modest|limited|little|symbolic|token|fact-finding|monitor\w*|observ\w*",
    CSTO.Deployment: r"deploy\w*|sent|send\w*|troops|contingent\w*|peacekeep\w*|mission",
    CSTO.Occupation: r"occup\w*",
    CSTO.MilitaryPresence: r"host\w*|bases?|garrison\w*|airbase\w*|station\w*|troops|presence|deploy\w*",
    CSTO.MilitaryExercise: r"drill\w*|exercise\w*|manoeuvr\w*|maneuver\w*",
    CSTO.Statement: r"statement\w*",
    CSTO.Declaration: r"declaration\w*",
    CSTO.Interview: r"interview\w*",
    CSTO.Speech: r"speech\w*|spoke|speak\w*|address\w*|remarks",
    CSTO.Summit: r"summit\w*",
    CSTO.BilateralMeeting: r"meet\w*|met|talks|bilateral",
    CSTO.Meeting: r"meet\w*|met|talks|summit\w*|session\w*|conference\w*|forum\w*|gathering\w*|council\w*|event\w*",
    CSTO.Withdrawal: r"withdr\w*|quit\w*|left|leav\w*|exit\w*|no longer|pull\w* out|suspend\w*",
    CSTO.Signature: r"sign\w*",
    CSTO.Accession: r"join\w*|acce\w*|became a member|member\w*",
    CSTO.ReAccession: r"return\w*|rejoin\w*|re-join\w*|re-?acce\w*|again|back",
    CSTO.Founding: r"found\w*|establish\w*|created|creation|set up|appeared|formed|formation",
    CSTO.AssistanceRequest: r"request\w*|appeal\w*|ask\w*|call\w*|invok\w*|turn\w* to|sought|seek\w*",
    CSTO.Invocation: r"invok\w*|invoc\w*|appeal\w*|request\w*|trigger\w*|activat\w*|call\w*",
    CSTO.Conflict: r"conflict\w*|wars?|clash\w*|fight\w*|aggress\w*|attack\w*|invasion|invad\w*|moved on|seiz\w*|"
    r"hostil\w*|confront\w*|occup\w*|skirmish\w*|offensive|campaign|battle\w*|bloodshed",
    CSTO.DomesticUnrest: r"unrest|protest\w*|riot\w*|demonstrat\w*|upris\w*|disturbance\w*|coup|turmoil|violence|"
    r"insurrection|civil war",
    CSTO.Chairmanship: r"chair\w*|presiden\w*",
    CSTO.Election: r"elect\w*",
    CSTO.Award: r"award\w*|prize\w*",
    CSTO.Decision: r"decid\w*|decision\w*|approv\w*|agreed",
    CSTO.ObserverStatusGrant: r"observer\w*",
    CSTO.ArmsAcquisition: r"acquir\w*|buy\w*|bought|purchas\w*|stock\w*",
    CSTO.Education: r"stud\w*|graduat\w*|degree\w*|universit\w*",
    CSTO.ArrestWarrant: r"warrant\w*|arrest\w*",
    CSTO.Order: r"order\w*|command\w*|instruct\w*",
    CSTO.Negotiation: r"negotiat\w*|talks|settle\w*|dialogue\w*|mediat\w*",
    CSTO.Displacement: r"exodus|displac\w*|fle[de]\w*|flight|expel\w*|expul\w*|refugee\w*|driven out",
    CSTO.TroopWithdrawal: r"withdr\w*|pull\w* out",
}
_TYPE_PATTERNS = {cls: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I) for cls, words in _TYPE_WORDS.items()}


def _said(ctx: Context, node: Node) -> list[str]:
    return _passages(ctx, node) + [str(w) for w in ctx.union.objects(node, CSTO.words)]


def _supporting_texts(ctx: Context, fact: Node, prop: Node, gid) -> list[str]:
    """The quotes of the passages of ``fact`` in the file ``gid`` that support its ``prop`` (house rule 6: with
    several, those declared for it)."""
    facts = ctx.file_facts.get(gid)
    evidence, _ = facts.supporting(fact, prop) if facts else ([], False)
    return [text for ev in evidence for text in _passages_of(ctx, ev)]


def _notes(ctx: Context, node: Node) -> list[str]:
    return [str(n) for n in ctx.union.objects(node, CSTO.curatorNote)]


def _types_in_words(ctx: Context) -> list[Result]:
    """A node typed (in a curated file) as one of the kinds of :data:`_TYPE_WORDS` whose passages, words, labels,
    comments and notes name none of the kind's words: a class typed over with a sibling leaves them all as they
    were ("CSTO drills in Belarus" typed a meeting), while a node written as what it is names it somewhere."""
    out = []
    for node, _, cls, gid in ctx.curated_quads_of(RDF.type):
        pattern = _TYPE_PATTERNS.get(cls)
        if pattern is None:
            continue
        said = _said(ctx, node)
        if not said:
            continue
        said += _told(ctx, node)
        if any(pattern.search(text) for text in said) or _named_by_a_note(ctx, cls, _notes(ctx, node)):
            continue
        name = (_labels(ctx, cls) or [_c(cls)])[0]
        out.append(ctx.locator.statement_result(
            shape=SHAPE.TypeInItsWords, s=node, p=RDF.type, o=cls, graph=gid,
            message=f"a {_c(cls)} ({name}), but none of its passages, csto:words, label, comment or notes name one "
            f"({_TYPE_WORDS[cls].replace(chr(92) + 'w*', '…')}), and no csto:curatorNote names the class: the kind "
            "is what the source calls the thing. Fix: the class the passage gives (a sibling class takes the same "
            "properties), or a note saying why the words are read so",
        ))  # fmt: skip
    return out


_SESSION_WORDS = {
    CSTO.OpeningSession: re.compile(r"\bopen(?:ing|ed|s)?\b(?! to)", re.I),
    CSTO.PressOpenSession: re.compile(r"\bpress\b", re.I),
}


def _told(ctx: Context, node: Node) -> list[str]:
    """What a node's curator wrote of it besides its values: its labels, comments and notes."""
    return _labels(ctx, node) + [str(c) for c in ctx.union.objects(node, RDFS.comment)] + _notes(ctx, node)


def _session_kinds(ctx: Context) -> list[Result]:
    out = []
    for node, _, kind, gid in ctx.curated_quads_of(CSTO.sessionKind):
        pattern = _SESSION_WORDS.get(kind)
        said = _said(ctx, node)
        if pattern is None or not said or any(pattern.search(text) for text in said + _told(ctx, node)):
            continue
        if _named_by_a_note(ctx, kind, _notes(ctx, node)):
            continue
        out.append(ctx.locator.statement_result(
            shape=SHAPE.SessionKindInItsWords, s=node, p=CSTO.sessionKind, o=kind, graph=gid,
            message=f"csto:sessionKind {_c(kind)}, but none of its passages, label, comment or notes name that part of the meeting "
            "('at the opening of', 'the part open to the press'). Fix: the kind its passage names",
        ))  # fmt: skip
    return out


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
# an item's opening ordinal: at the start of the passage or of a sentence in it ("Firstly, it is ...", "Fourth, ...")
_OPENING_ORDINAL = re.compile(rf"(?:^|[.;:!?]\s+)[\"“']?({'|'.join(_ORDINALS)})(?:ly)?\b", re.I)


def _list_positions(ctx: Context) -> list[Result]:
    """The passages of its file that support a proposition's csto:listPosition (those declared for it where it has
    several) open an item with an ordinal: that ordinal is the position."""
    out = []
    for fact, _, position, gid in ctx.curated_quads_of(CSTO.listPosition):
        said = _supporting_texts(ctx, fact, CSTO.listPosition, gid)
        found = {
            m.group(0).lstrip(".;:!?\"“' \n"): _ORDINALS[m.group(1).lower()]
            for text in said
            for m in _OPENING_ORDINAL.finditer(text)
        }
        if not found or str(position) in {str(n) for n in found.values()}:
            continue
        words = ", ".join(sorted(f"'{w}'" for w in found))
        out.append(ctx.locator.statement_result(
            shape=SHAPE.ListPositionInItsWords, s=fact, p=CSTO.listPosition, o=position, graph=gid,
            message=f"csto:listPosition {position}, but its passage opens the item with {words}: the position is "
            "the ordinal the source numbers it by. Fix: that number, or the passage of this item "
            "(csto:supportsProperty csto:listPosition)",
        ))  # fmt: skip
    return out


_EXPECTING = frozenset({CSTO.Prediction, CSTO.Speculation, CSTO.Concern, CSTO.Warning})


def _judged_expectations(ctx: Context) -> list[Result]:
    out = []
    for fact, _, judged, gid in ctx.curated_quads_of(CSTO.judgesExpectation):
        if (judged, RDF.type, CSTO.Attitude) in ctx.union or set(ctx.union.objects(judged, CSTO.position)) & _EXPECTING:
            continue
        positions = ", ".join(sorted(_c(p) for p in ctx.union.objects(judged, CSTO.position))) or "no csto:position"
        out.append(ctx.locator.statement_result(
            shape=SHAPE.JudgedIsAnExpectation, s=fact, p=CSTO.judgesExpectation, o=judged, graph=gid,
            message=f"csto:judgesExpectation {_c(judged)}, which expects nothing ({positions}; not a csto:Attitude): "
            "the outcome judged is that of a prediction, speculation, concern or warning, or of a hope the source "
            "reads (csto:Attitude). Fix: the proposition whose expectation the words judge",
        ))  # fmt: skip
    return out


# --- what a label says of its node's date and place --------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_MONTH_IN_LABEL = re.compile(rf"(?:\b(\d{{1,2}}) )?\b({'|'.join(_MONTHS)})\b(?: (\d{{1,2}})\b)?(?:,? (\d{{4}}))?")
# a quotation in a comment ('On May 15, 1992, in Tashkent'), whose words are the seed's: an apostrophe inside a word
# (Belarus' , Russia's) opens none
_QUOTED = re.compile(r"(?<![\w])'[^']*'(?![\w])|‘[^’]*’|“[^”]*”|\"[^\"]*\"")
_YEAR_IN_LABEL = re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)(?![\w-])")
_DATED_BY = (CSTO.date, CSTO.startDate, CSTO.endDate, CSTO.dateSigned, CSTO.datePublished, CSTO.attestedOn,
             CSTO.electedOn, CSTO.refersToDate)  # fmt: skip


def _dates_near(ctx: Context, node: Node) -> tuple[list[str], list[str]]:
    """(the node's own dates, those of it and of every node it links to), in their lexical forms."""
    own = [str(d) for p in _DATED_BY for d in ctx.union.objects(node, p)]
    linked = {o for o in ctx.union.objects(node, None) if isinstance(o, URIRef)}
    return own, own + [str(d) for o in linked for p in _DATED_BY for d in ctx.union.objects(o, p)]


def _date_fits(lexical: str, month: int | None, day: str | None, year: str | None) -> bool:
    if year and lexical[:4] != year:
        return False
    if month is None:
        return True
    return (
        len(lexical) >= 7
        and lexical[5:7] == f"{month:02d}"
        and (not day or len(lexical) < 10 or int(lexical[8:10]) == int(day))
    )


def _day_fits(lexical: str, month: int | None, day: str | None, year: str | None) -> bool:
    return len(lexical) >= 10 and _date_fits(lexical, month, day, year)


def _label_dates(ctx: Context) -> list[Result]:
    """A dated node's label naming a month, day or year that none of its dates has, nor those of the nodes it links
    to (a label may name its context's date: "after the election of 2016"): a date typed over, or a label copied."""
    out = []
    for node, prop, label, gid in ctx.curated_quads_of(RDFS.label, RDFS.comment):
        if not isinstance(node, URIRef):
            continue
        own, near = _dates_near(ctx, node)
        if not own and (prop == RDFS.label or not near):  # a comment may tell the date of what its node links to
            continue
        text = str(label) if prop == RDFS.label else _QUOTED.sub(" ", str(label))  # a quotation is the seed's words
        named = [
            (f"{m.group(1) or m.group(3) or ''} {m.group(2)} {m.group(4) or ''}".strip(), _MONTHS.index(m.group(2)) + 1,
             m.group(1) or m.group(3), m.group(4))
            for m in _MONTH_IN_LABEL.finditer(text)
        ]  # fmt: skip
        if prop == RDFS.comment:  # a comment tells the context's months and years too: only its days are read
            named = [n for n in named if n[2]]
        else:
            spans = " ".join(w for w, *_ in named)
            named += [(y, None, None, y) for y in _YEAR_IN_LABEL.findall(text) if y not in spans]
        # a comment's day is a day one of the dates has: a month-precision date does not vouch for it
        fits = _date_fits if prop == RDFS.label else _day_fits
        wrong = [w for w, month, day, year in named if not any(fits(d, month, day, year) for d in near)]
        if wrong:
            out.append(ctx.locator.statement_result(
                shape=SHAPE.LabelDatesAgree, s=node, p=prop, o=label, graph=gid,
                message=f"its {_c(prop)} names {', '.join(repr(w) for w in wrong)}, a date none of its own dates "
                f"({', '.join(sorted(set(own))) or 'none'}) nor those of the nodes it links to has: a label or comment "
                "summarises its node. Fix: the date written, or the node's, whichever the passage gives",
            ))  # fmt: skip
    return out


_LANGUAGES = {"ru": "Russian", "en": "English", "uk": "Ukrainian", "tr": "Turkish", "kk": "Kazakh", "hy": "Armenian",
              "be": "Belarusian", "ky": "Kyrgyz", "tg": "Tajik", "uz": "Uzbek", "az": "Azerbaijani", "ka": "Georgian",
              "fr": "French", "de": "German", "zh": "Chinese", "ar": "Arabic", "fa": "Persian", "sv": "Swedish",
              "es": "Spanish", "it": "Italian"}  # fmt: skip


def _languages(ctx: Context) -> list[Result]:
    """A ``csto:speaksLanguage`` tag (BCP 47) whose language's English name the passages supporting it do not say:
    "He speaks fluently Russian and English" is "ru" and "en"; a tag this table lacks is not read."""
    out = []
    for person, _, tag, gid in ctx.curated_quads_of(CSTO.speaksLanguage):
        name = _LANGUAGES.get(str(tag).split("-")[0].lower())
        said = _supporting_texts(ctx, person, CSTO.speaksLanguage, gid)
        if name is None or not said or any(re.search(rf"\b{name}\b", text) for text in said):
            continue
        out.append(ctx.locator.statement_result(
            shape=SHAPE.LanguageNamedInItsPassage, s=person, p=CSTO.speaksLanguage, o=tag, graph=gid,
            message=f"csto:speaksLanguage \"{tag}\" ({name}), but its passage does not name {name}: the tag is the "
            "language the source names. Fix: the tag of the language the passage names",
        ))  # fmt: skip
    return out


RULES = [
    Rule(
        SHAPE.TypeInItsWords,
        "a node's kind of event or document is the one its words give",
        "A node typed as a kind of event or document (csto:Refusal, csto:MinimalResponse, csto:Deployment, "
        "csto:Occupation, csto:MilitaryPresence, csto:MilitaryExercise, csto:Statement, csto:Declaration, "
        "csto:Interview, csto:Speech, csto:Summit, csto:Meeting, csto:BilateralMeeting, csto:Withdrawal, "
        "csto:Signature, csto:Accession, csto:ReAccession, csto:Founding, csto:AssistanceRequest, csto:Invocation, "
        "csto:Conflict, csto:DomesticUnrest, csto:Chairmanship, csto:Election, csto:Award, csto:Decision, "
        "csto:ObserverStatusGrant, csto:ArmsAcquisition, csto:Education, csto:ArrestWarrant, csto:Order, "
        "csto:Negotiation, csto:Displacement, csto:TroopWithdrawal) is worded as one by its passages or its "
        "csto:words ('was refused each time', 'CSTO drills', 'a joint statement', 'hosts two Russian army "
        "garrisons'), or its label, comment or a csto:curatorNote names it (the curator says why the words are read so).",
        _types_in_words,
    ),
    Rule(
        SHAPE.SessionKindInItsWords,
        "a session's kind is the one its words give",
        "A csto:Session's csto:sessionKind is named by its passages, words, label, comment or notes: "
        "csto:OpeningSession by the opening ('at the opening of the summit'), csto:PressOpenSession by the press "
        "('the part open to the press').",
        _session_kinds,
    ),
    Rule(
        SHAPE.ListPositionInItsWords,
        "a list item's position is the ordinal its passage gives",
        "Where the passage supporting a proposition's csto:listPosition (the one declared for it, where the "
        "proposition has several) opens an item with an ordinal ('Firstly', 'Secondly', 'Thirdly', 'Fourth'), the "
        "position is that ordinal.",
        _list_positions,
    ),
    Rule(
        SHAPE.LabelDatesAgree,
        "a dated node's label names only dates it has",
        "The rdfs:label of a node with a date (csto:date, csto:startDate, csto:endDate, csto:dateSigned, "
        "csto:datePublished, csto:attestedOn, csto:electedOn, csto:refersToDate) names no month, day or year that none "
        "of its own dates, nor those of the nodes it links to, has ('CSTO drills ... (October 2023)' on drills "
        "dated 2023-09); its rdfs:comment, outside quotations, names no day (a day and a month) that none of the "
        "day-precision dates of it or of the nodes it links to has ('on 7 January' where the deployment is of 6 January).",
        _label_dates,
    ),
    Rule(
        SHAPE.LanguageNamedInItsPassage,
        "a language someone speaks is the one the passage names",
        "A csto:speaksLanguage tag's language (its English name: 'ru' Russian, 'en' English, 'uk' Ukrainian ...) is "
        "named by the passages supporting it ('He speaks fluently Russian and English').",
        _languages,
    ),
    Rule(
        SHAPE.JudgedIsAnExpectation,
        "what a verdict judges is an expectation",
        "The proposition csto:judgesExpectation names expected something: its csto:position is csto:Prediction, "
        "csto:Speculation, csto:Concern or csto:Warning, or it is a csto:Attitude (a hope the source reads).",
        _judged_expectations,
    ),
]
