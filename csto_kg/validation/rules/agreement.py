"""Agreement: what a fact's name, counts and numbering say agrees with its own values.

- ``shape:YearInItsName``: a year in a fact's IRI slug or English label (``:withdrawal-georgia-1999``,
  "Kyrgyzstan's request for help, 2010") is the year of its date (``csto:date``, ``csto:startDate``,
  ``csto:dateSigned``); its other dates (when it was attested, elected, ended, published: every property of
  :data:`csto_kg.derive.DATE_PROPERTIES`) are each in a year it names, or one of its dates is ("Putin,
  President of Russia (2022)" attested in 2023 is a slip; a membership "since 1994" that ended in 2024 is not);
  a proposition's IRI and label are left aside (they say what it states, which may be of another time:
  ``csto:refersToDate``), not its date basis, nor a label that closes with its time in brackets ("... the following
  year (1993)"). A basis names a date's year where it gives a month and year or one
  year, with no word that counts from it ("'today' is the publication date in late 2022" names 2022; "'last year',
  in a text from 2023" names none). A basis that resolves a relative date, to a year in brackets ("'last week'
  (2023)", "(late 2023)") or to the publication estimate it names ("dated by the seed's publication year (see
  :pubdate-003)"), holds its date to that year or within that estimate. A fact with a start and an end date whose
  labels or csto:words give one range of years ("(2018-2020)") starts in its first year and ends in its last, a
  proposition too. A proposition's csto:refersToDate is in a year its csto:words name where they name one ("in
  2021"), else in one its labels, comments, notes, date basis or passages name, unless its basis counts from a year
  ("'last year', in a text from 2023"). An office holding is not attested
  (``csto:attestedOn``) before the election that
  began it (``csto:electedOn``).
- ``shape:StatusAgreesWithItsWords``: an event marked ``csto:Occurred``, or a document marked final
  (``csto:draft false``), is not one the passage supporting that value calls cancelled, impending, planned,
  to come, proposed or a draft; and a status other than ``csto:Occurred`` is worded by one of the fact's passages
  or its ``csto:dateBasis`` (cancelled; proposed or suggested; planned, announced or to come).
- ``shape:PositionAgreesWithItsWords``: a proposition's ``csto:position`` that says how its holder puts it, a
  forecast (``csto:Prediction``), a conjecture (``csto:Speculation``), a refusal (``csto:Refusing``), a proposal
  (``csto:Proposal``), an appeal (``csto:Appeal``), a concern (``csto:Concern``) or a warning (``csto:Warning``),
  is worded so by its passages or ``csto:words`` ("will", "expects", "likely"; "may", "perhaps", "I suspect",
  "apparently"; "refused", "will not", "no intention"; "proposed", "should", "plans"; "called on", "urged";
  "alarming", "threat", "laments"; "warned", "risk", "possibility"), or a ``csto:curatorNote`` names the reading
  by the position's label ("read as a prediction").
- ``shape:ValueSaidInItsPassage``: a page number (``csto:pageNumber``) is printed in a passage of its fact, and a
  season (``csto:season``), the role a body is composed of (``csto:composedOf``) or a ranking's criterion
  (``csto:rankingCriterion``, by a word of it: "the largest economy" for economic size) is named (its label) by one; a
  passage that says "p.253", "over the summer" or "the heads of the states" gives that page, season and role. A fact
  decided at, or on the sidelines of, a meeting dated to the day is one whose passage names that day, where it
  names days ("the meeting held on May 16"). A date estimate's csto:notBefore / csto:notAfter is a day its label,
  notes or passages give, or the first (last) day of a year or month they give.
- ``shape:FigureFromItsPassage``: a figure a fact reports (``csto:hasQuantity``, ``csto:deathToll``,
  ``csto:displacedPersons``, ``csto:reportedForceSize``) is derived, in the file linking them, from a passage the
  fact is derived from there or one supporting the link.
- ``shape:CountsAndNumbering``: a state's events of one kind numbered with ``csto:ordinal`` run 1..n
  without a gap; the propositions of one file numbered with ``csto:listPosition`` have distinct positions, 1..n
  without a gap.
"""

from __future__ import annotations

import calendar
import re

from rdflib import Literal
from rdflib.term import Node

from ...derive import DATE_PROPERTIES
from ...namespaces import (
    CSTO,
    ENTITIES_GRAPH,
    ID,
    OA,
    ONTOLOGY_GRAPH,
    PROV,
    RDF,
    RDFS,
    SH,
    SHAPE,
    SKOS,
    TIME,
    curie,
    shown,
)
from ..report import Result
from . import Context, Rule
from .curation import DIRECTION_WORDS, _named_by_a_note, _passages

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_MONTH_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:1[89]|20)\d\d\b"
)
_DATES = (CSTO.date, CSTO.startDate, CSTO.dateSigned)  # the date a fact's name gives, where it names one
_OTHER_DATES = tuple(p for p in DATE_PROPERTIES if p not in _DATES)  # a name may give another of its dates instead
PROV_DERIVED = PROV.wasDerivedFrom


def _year_in_name(ctx: Context) -> list[Result]:
    out: list[Result] = []
    dated: dict = {}  # (graph, property) -> its (fact, date) pairs: one pass, not a lookup per graph and property
    years_of: dict = {}  # (graph, fact) -> the years of all its dates in that graph
    dates = set(DATE_PROPERTIES)
    for s, p, o, gid in ctx.curated_quads():
        if p in dates:
            dated.setdefault((gid, p), []).append((s, o))
            years_of.setdefault((gid, s), set()).add(str(o)[:4])
    for gid in ctx.curated:
        if gid == ENTITIES_GRAPH:
            continue
        g = ctx.data.dataset.graph(gid)
        for prop in _DATES + _OTHER_DATES:
            for fact, date in sorted(dated.get((gid, prop), ()), key=lambda t: (str(t[0]), str(t[1]))):
                if not str(fact).startswith(str(ID)):
                    continue
                year = str(date)[:4]
                # the years a name may give instead of this date's: none for the date it gives; any of the fact's
                # dates for its other dates (a label "since 1994" of a membership that also has an end date)
                also = set() if prop in _DATES else years_of[(gid, fact)]
                for what, text in _names(g, fact, (fact, RDF.type, CSTO.Proposition) in ctx.union):
                    years = _YEAR.findall(text)
                    if years and year not in years and also.isdisjoint(years):
                        out.append(
                            _misdated(ctx, fact, prop, date, gid, f'its {what} ("{text}") names the year '
                                      f"{' or '.join(years)}. Fix: the date the passage gives, or the {what}")
                        )  # fmt: skip
        out += _undated_at_meeting(ctx, gid)
        out += _resolved_in_the_basis(ctx, gid, dated)
        out += _period_named_as_a_range(ctx, gid, dated)
        out += _time_referred_to_named(ctx, gid, dated)
        for holding, attested in sorted(ctx.pairs(gid, CSTO.attestedOn), key=lambda t: str(t[0])):
            for elected in ctx.union.objects(holding, CSTO.electedOn):
                if _last_day(str(attested)) < _first_day(str(elected)):
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.YearInItsName,
                            s=holding,
                            p=CSTO.attestedOn,
                            o=attested,
                            graph=gid,
                            message=f"attested in office on {attested}, before the election that began the holding "
                            f"({elected}). Fix: the date the passage gives for either",
                        )
                    )
    return out


def _names(g, fact: Node, proposition: bool = False) -> list[tuple[str, str]]:
    """What names a fact's time in ``g``: its IRI's slug, its labels (a proposition's only where they close with its
    time in brackets, "(1993)", "(September 2023)": elsewhere they say what it states, which may be of another time),
    and a basis that states the month and year it dates the fact to ("December
    2023") or names one year ("'today' is the publication date in late 2022"), with no word that counts from them
    (not "'last year', in a text from 2023", nor "the year before the seed's publication (December 2023)")."""
    named = [] if proposition else [("IRI", str(fact).rsplit("/", 1)[-1])]
    named += [] if proposition else [("label", str(label)) for label in g.objects(fact, RDFS.label)]
    if proposition:  # a proposition's label closes with its time in brackets: "... the following year (1993)"
        named += [
            ("label", str(label))
            for label in g.objects(fact, RDFS.label)
            if (closing := _CLOSING_BRACKETS.search(str(label)))
            and _YEAR.search(closing[1])
            and not _COUNTS_FROM.search(closing[1])
        ]
    named += [
        ("csto:dateBasis", str(basis))
        for basis in g.objects(fact, CSTO.dateBasis)
        if (_MONTH_YEAR.search(str(basis)) or len(set(_YEAR.findall(str(basis)))) == 1)
        and not _COUNTS_FROM.search(str(basis))
    ]
    return named


# a label's closing bracketed words ("... adding their signatures the following year (1993)")
_CLOSING_BRACKETS = re.compile(r"\(([^()]*)\)\s*$")

# words by which a basis counts a date from the year it names ("the following year", "last November", "a year
# before"): that year is not the date's
_COUNTS_FROM = re.compile(
    r"\b(?:last|following|next|previous|preceding|before|after|earlier|later|ago|prior|since|until)\b", re.I
)


# A basis that resolves a relative date says to what: a year in brackets ("'last week' (2023)", "(late 2023)", "(2022,
# on or after 16 May; see :pubdate-003)"), or the seed's publication estimate it names ("dated by the seed's
# publication year (see :pubdate-003)")
_RESOLVED_YEAR = re.compile(r"\((?:late |early |mid-?)?(1[89]\d\d|20\d\d)(?:\)|[,;] (?![^)]*\d{4}))")  # one year alone
_PUBDATE = re.compile(r"(?<![\w:]):(pubdate-[\w-]+)")


def _resolved_in_the_basis(ctx: Context, gid: Node, dated: dict) -> list[Result]:
    """A date whose csto:dateBasis resolves it (to a year in brackets, or to the publication estimate it names with no
    word counting from it) is in that year, or within that estimate's bounds."""
    out = []
    g = ctx.data.dataset.graph(gid)
    for prop in _DATES:
        for fact, date in sorted(dated.get((gid, prop), ()), key=lambda t: (str(t[0]), str(t[1]))):
            for basis in map(str, g.objects(fact, CSTO.dateBasis)):
                years = set(_RESOLVED_YEAR.findall(basis))
                if len(years) == 1:
                    (year,) = years
                    wrong = None if str(date)[:4] == year else f"resolves it to {year}"
                else:
                    wrong = _outside_the_estimate(ctx, basis, str(date))
                if wrong:
                    out.append(
                        _misdated(ctx, fact, prop, date, gid, f'its csto:dateBasis ("{basis}") {wrong}. Fix: the '
                                  "date the basis resolves it to, or the basis")
                    )  # fmt: skip
    return out


# a period written as a range of years ("2018-2020", "(2018–2020)"): its start and its end
_RANGE = re.compile(r"(?<![\d-])(1[89]\d\d|20\d\d) ?[-–] ?(1[89]\d\d|20\d\d)(?![\d-])")


def _period_named_as_a_range(ctx: Context, gid: Node, dated: dict) -> list[Result]:
    """A fact with a start and an end date in ``gid`` whose labels and csto:words there name one range of years
    ("studied ... (2018-2020)") starts in the range's first year and ends in its last: a proposition too, whose
    period is what it states."""
    out = []
    g = ctx.data.dataset.graph(gid)
    ends = dict(dated.get((gid, CSTO.endDate), ()))
    for fact, start in sorted(dated.get((gid, CSTO.startDate), ()), key=lambda t: (str(t[0]), str(t[1]))):
        if fact not in ends:
            continue
        texts = [str(t) for p in (RDFS.label, CSTO.words) for t in g.objects(fact, p)]
        ranges = {r for text in texts for r in _RANGE.findall(text) if r[0] < r[1]}
        if len(ranges) != 1:
            continue
        (first, last), end = next(iter(ranges)), ends[fact]
        for prop, date, year in ((CSTO.startDate, start, first), (CSTO.endDate, end, last)):
            if str(date)[:4] != year:
                out.append(
                    _misdated(ctx, fact, prop, date, gid, f"its label or words name the period {first}-{last}, "
                              f"which {'starts' if prop == CSTO.startDate else 'ends'} in {year}. Fix: the year "
                              "the passage gives")
                )  # fmt: skip
    return out


def _time_referred_to_named(ctx: Context, gid: Node, dated: dict) -> list[Result]:
    """A proposition's csto:refersToDate is in a year its csto:words name, where they name one ("in 2021"); else in
    a year named by its labels, comments, curator's notes, date basis or passages; where its basis counts from a
    year ("'last year', in a text from 2023"), that year need not be named."""
    out = []
    g = ctx.data.dataset.graph(gid)
    for fact, date in sorted(dated.get((gid, CSTO.refersToDate), ()), key=lambda t: (str(t[0]), str(t[1]))):
        said = sorted({y for w in g.objects(fact, CSTO.words) for y in _YEAR.findall(str(w))})
        if said:  # the source's own words name the time they speak of ("good growth in bilateral trade in 2021")
            if str(date)[:4] not in said:
                out.append(
                    _misdated(ctx, fact, CSTO.refersToDate, date, gid, f"its words name {', '.join(said)} "
                              "(csto:words): the time they speak of. Fix: the year the words give")
                )  # fmt: skip
            continue
        bases = [str(b) for b in ctx.union.objects(fact, CSTO.dateBasis)]
        if any(_COUNTS_FROM.search(b) for b in bases):
            continue
        texts = bases + [
            str(t) for p in (CSTO.words, RDFS.label, RDFS.comment, CSTO.curatorNote) for t in g.objects(fact, p)
        ]
        texts += _passages(ctx, fact)
        named = sorted({y for text in texts for y in _YEAR.findall(text)})
        if str(date)[:4] not in named:
            said = f"name only {', '.join(named)}" if named else "name no year"
            out.append(
                _misdated(ctx, fact, CSTO.refersToDate, date, gid, f"its words, label, notes, date basis and "
                          f"passages {said}. Fix: the year the passage gives, or a csto:dateBasis that says how it "
                          "was worked out")
            )  # fmt: skip
    return out


def _misdated(ctx: Context, fact: Node, prop: Node, date: Node, gid: Node, why: str) -> Result:
    """A shape:YearInItsName result at the fact's date statement: "dated <date>, but <why>"."""
    return ctx.locator.statement_result(
        shape=SHAPE.YearInItsName, s=fact, p=prop, o=date, graph=gid, message=f"dated {date}, but {why}"
    )


def _outside_the_estimate(ctx: Context, basis: str, date: str) -> str | None:
    """Where ``basis`` dates by the publication estimate it names (and counts from nothing), is ``date`` outside it?"""
    named = _PUBDATE.findall(basis)
    if len(set(named)) != 1 or "publication" not in basis or _COUNTS_FROM.search(basis):
        return None
    estimate = ID[named[0]]
    lows = [str(v) for v in ctx.union.objects(estimate, CSTO.notBefore)]
    highs = [str(v) for v in ctx.union.objects(estimate, CSTO.notAfter)]
    for p in (TIME.inXSDgYear, TIME.inXSDgYearMonth, TIME.inXSDDate):
        for v in ctx.union.objects(estimate, p):
            lows.append(_first_day(str(v)))
            highs.append(_last_day(str(v)))
    low, high = max(lows, default="0000-01-01"), min(highs, default="9999-12-31")
    if "publication year" in basis:  # "January of the seed's publication year": the year, not the day
        low, high = low[:4], high[:4]
    if _last_day(date)[: len(low)] < low or _first_day(date)[: len(high)] > high:
        return f"dates it by :{named[0]}, which puts the publication between {low} and {high}"
    return None


_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?!\d)")


def _undated_at_meeting(ctx: Context, gid: Node) -> list[Result]:
    """A document or meeting with no date of its own, produced at (or held on the sidelines of) a dated meeting:
    a date in its IRI agrees with that meeting's (its date, at the precision each gives)."""
    out = []
    for prop in (CSTO.producedAt, CSTO.sidelineOf):
        for fact, meeting in sorted(ctx.pairs(gid, prop), key=lambda t: (str(t[0]), str(t[1]))):
            if any((fact, p, None) in ctx.union for p in _DATES):
                continue
            named = _ISO.findall(str(fact).rsplit("/", 1)[-1])
            dates = [str(d) for d in ctx.union.objects(meeting, CSTO.date)]
            for d in dates:
                if named and not any(n.startswith(d) or d.startswith(n) for n in named):
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.YearInItsName,
                            s=fact,
                            p=prop,
                            o=meeting,
                            graph=gid,
                            message=f"its IRI names the date {' or '.join(named)}, but the meeting it is linked "
                            f"to with {shown(prop)} is dated {d}. Fix: the meeting, or the IRI",
                        )
                    )
    return out


def _first_day(d: str) -> str:
    return d + "0000-01-01"[len(d) :]


def _last_day(d: str) -> str:
    return d + "9999-12-31"[len(d) :]


def _int(value: Node) -> int | None:
    try:
        return int(str(value)) if isinstance(value, Literal) else None
    except ValueError:
        return None


def _ordinals(ctx: Context) -> list[Result]:
    out: list[Result] = []
    groups: dict[tuple, dict[int, list[Node]]] = {}
    for event, ordinal in ctx.union.subject_objects(CSTO.ordinal):
        n = _int(ordinal)
        if n is None or n < 1:
            continue  # the datatype shapes report it
        kinds = frozenset(
            o for gid in ctx.subject_graphs.get(event, ()) for o in ctx.data.dataset.graph(gid).objects(event, RDF.type)
        )
        for state in ctx.union.objects(event, CSTO.state):
            groups.setdefault((state, kinds), {}).setdefault(n, []).append(event)
    for (state, _kinds), numbered in sorted(groups.items(), key=lambda kv: str(kv[0][0])):
        top = max(numbered)
        missing = [n for n in range(1, top) if n not in numbered]
        if not missing:
            continue
        event = sorted(numbered[top], key=str)[0]
        gid = ctx.locator.graph_of(event)
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.CountsAndNumbering,
                s=event,
                p=CSTO.ordinal,
                o=Literal(top),
                graph=gid,
                message=f"numbered {top} among {shown(state)}'s events of its kind, but none is numbered "
                f"{', '.join(map(str, missing))}: a state's events of one kind are numbered 1..n. Fix: the ordinal",
            )
        )
    return out


# The words that number an event ("for the second time", "its first withdrawal"), by the number they give.
_ORDINAL_WORDS = {
    1: ("first", "1st", "once"),
    2: ("second", "2nd", "twice"),
    3: ("third", "3rd", "thrice", "three times"),
    4: ("fourth", "4th", "four times"),
    5: ("fifth", "5th", "five times"),
}


_ORDINAL = frozenset({CSTO.ordinal})


def _ordinal_stated(ctx: Context) -> list[Result]:
    """A file numbers an event (csto:ordinal n) only where a passage of it there, or a curator's note on it there,
    says n or a later number ("for the second time" numbers the withdrawal it speaks of 2, and implies a first):
    an ordinal read in another seed is that seed's value, and copied here it says what this seed does not."""
    out: list[Result] = []
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        g = ctx.data.dataset.graph(gid)
        for fact, values in facts.facts_saying(_ORDINAL):
            for prop, ordinal in values:
                n = _int(ordinal) if prop == CSTO.ordinal else None
                if n is None or n < 1:
                    continue
                texts = [str(q) for e in facts.evidence.get(fact, []) for sel in ctx.union.objects(e, OA.hasSelector)
                         for q in ctx.union.objects(sel, OA.exact)]  # fmt: skip
                texts += [str(note) for note in g.objects(fact, CSTO.curatorNote)]
                said = " ".join(texts).casefold()
                if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", said) for k, words in _ORDINAL_WORDS.items()
                       if k >= n for w in words):  # fmt: skip
                    continue
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.CountsAndNumbering,
                        s=fact,
                        p=CSTO.ordinal,
                        o=ordinal,
                        graph=gid,
                        message=f"numbered {n} (csto:ordinal) in this file, but no passage of it here, nor a "
                        f"csto:curatorNote of it, says which time it was ('{_ORDINAL_WORDS.get(n, ('',))[0]}' or a "
                        "later number): the ordinal is another seed's. Fix: leave the ordinal to the file whose seed "
                        "numbers the event",
                    )
                )
    return out


def _positions(ctx: Context) -> list[Result]:
    out: list[Result] = []
    for gid in ctx.curated:
        if gid == ENTITIES_GRAPH:
            continue
        seen: dict[int, Node] = {}
        for prop, position in sorted(ctx.pairs(gid, CSTO.listPosition), key=lambda t: (str(t[1]), str(t[0]))):
            n = _int(position)
            if n is None:
                continue
            if n in seen and seen[n] != prop:
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.CountsAndNumbering,
                        s=prop,
                        p=CSTO.listPosition,
                        o=position,
                        graph=gid,
                        message=f"list position {n} is also {shown(seen[n])}'s in this file: a source's "
                        "enumeration gives each point its own place. Fix: the position its passage numbers",
                    )
                )
            seen.setdefault(n, prop)
        missing = [k for k in range(1, max(seen, default=0)) if k not in seen]
        if missing and min(seen) >= 1:
            top = max(seen)
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.CountsAndNumbering,
                    s=seen[top],
                    p=CSTO.listPosition,
                    o=Literal(top),
                    graph=gid,
                    message=f"list position {top} in this file, but none is numbered "
                    f"{', '.join(map(str, missing[:5]))}{' ...' if len(missing) > 5 else ''}: a source's enumeration "
                    "runs 1..n. Fix: the position its passage numbers",
                )
            )
    return out


def _counts(ctx: Context) -> list[Result]:
    return _ordinals(ctx) + _ordinal_stated(ctx) + _positions(ctx)


# A passage's words that say an event did not (yet) take place, and what its csto:status would then be.
_NOT_OCCURRED = (
    (re.compile(r"\b(?:cancell?ed|cancels|called off)\b", re.I), "csto:Cancelled"),
    (
        re.compile(r"\b(?:impending|upcoming|will|plans?|planned|planning|intends?|to be held)\b", re.I),
        "csto:Planned or csto:Announced",
    ),
    (re.compile(r"\b(?:propos(?:es|ed|ing))\b", re.I), "csto:Proposed"),
)
_DRAFT = re.compile(r"\bdraft\b", re.I)
# the words a passage gives a status that is not csto:Occurred by
_STATUS_WORDS = {
    CSTO.Cancelled: re.compile(r"\b(?:cancel\w*|called off|calls? off)\b", re.I),
    CSTO.Proposed: re.compile(r"\b(?:propos\w*|suggest\w*)\b", re.I),
    CSTO.Planned: re.compile(
        r"\b(?:impending|upcoming|will|shall|plans?|planned|planning|intends?|to be held|next|is to|are to|scheduled|"
        r"announc\w*|passes|pass(?:ing)? (?:from|to))\b",
        re.I,
    ),
}
_STATUS_WORDS[CSTO.Announced] = _STATUS_WORDS[CSTO.Planned]


_FLAGS = frozenset({CSTO.status, CSTO.draft})  # what _status_words reads

# the positions a proposition's words give: how a holder puts it, a forecast, a conjecture, a refusal, a proposal, an
# appeal, a concern or a warning
_POSITION_WORDS = {
    CSTO.Prediction: re.compile(
        r"\b(?:will|would|shall|won't|going to|expects?|expected|expecting|likely|unlikely|predict\w*|forecast\w*|"
        r"foresee\w*|future|soon|set to|bound to|impl(?:y|ies|ied)|leads? to|is to|are to|prospects?|chances?|"
        r"eventually|sooner or later|in the (?:coming|next) \w+)\b",
        re.I,
    ),
    CSTO.Speculation: re.compile(
        r"\b(?:speculat\w*|may|might|perhaps|possibl[ey]|could|maybe|suspect\w*|apparent(?:ly)?|probabl[ey]|"
        r"seem\w*|appear\w*|suppos\w*|presum\w*|guess\w*|whether|rumou?r\w*|wonder\w*|allegedly|likely|"
        r"conjectur\w*)\b",
        re.I,
    ),
    CSTO.Refusing: re.compile(
        r"\b(?:refus\w*|reject\w*|declin\w*|won't|will not|would not|did not|does not|do not|no intention|"
        r"opt(?:s|ed)? out|rul(?:e|es|ed|ing) out|not to)\b",
        re.I,
    ),
    CSTO.Proposal: re.compile(
        r"\b(?:propos\w*|call(?:s|ed|ing)? (?:for|on|to)|should|suggest\w*|initiat\w*|plans?|planned|planning|"
        r"offer\w*|urg\w*|needs?|needed|must|recommend\w*|let us|invit\w*|idea|push\w* for|desire\w*|necessary|"
        r"will|intend\w*|aim\w*|seek\w*|want\w*|ready to|readiness)\b",
        re.I,
    ),
    CSTO.Appeal: re.compile(
        r"\b(?:call\w*|appeal\w*|urg\w*|ask\w*|invit\w*|request\w*|should|must|needs?|tasking|time to|let us)\b",
        re.I,
    ),
    CSTO.Concern: re.compile(
        r"\b(?:concern\w*|worr\w*|alarm\w*|fear\w*|threat\w*|danger\w*|anxi\w*|tension\w*|troubl\w*|risk\w*|"
        r"challeng\w*|problem\w*|crisis|crises|disappoint\w*|aggravat\w*|difficult\w*|lament\w*|regret\w*)\b",
        re.I,
    ),
    CSTO.Warning: re.compile(
        r"\b(?:warn\w*|threat\w*|danger\w*|risk\w*|alarm\w*|caution\w*|could|would|may|might|if|otherwise|"
        r"possib\w*|lead to|leads to)\b",
        re.I,
    ),
}
_POSITION_SAID = {
    CSTO.Prediction: 'a forecast ("will", "expects", "likely", "future")',
    CSTO.Speculation: 'a conjecture ("may", "perhaps", "I suspect", "apparently", "it was speculated")',
    CSTO.Refusing: 'a refusal ("refused", "rejected", "will not", "no intention")',
    CSTO.Proposal: 'a proposal or plan ("proposed", "should", "calls for", "plans", "initiative")',
    CSTO.Appeal: 'an appeal ("called on", "urged", "asked", "should", "must")',
    CSTO.Concern: 'a concern ("concerned", "worrying", "alarming", "threat", "problem", "laments")',
    CSTO.Warning: 'a warning ("warned", "danger", "risk", "could", "if", "possibility")',
}


def _position_words(ctx: Context) -> list[Result]:
    """A proposition's csto:position csto:Prediction, csto:Speculation, csto:Refusing, csto:Proposal, csto:Appeal,
    csto:Concern or csto:Warning is worded so by a passage of it in its file or its csto:words, or named by a
    csto:curatorNote there."""
    from .support import _quote  # a passage's quoted text

    out: list[Result] = []
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        g = ctx.data.dataset.graph(gid)
        for fact, values in facts.facts_saying(frozenset({CSTO.position})):
            for _, value in sorted(values, key=lambda pv: str(pv[1])):
                if value not in _POSITION_WORDS:
                    continue
                passages = [_quote(g, ev) for ev in facts.evidence.get(fact, [])]
                if not passages:
                    continue  # a part of a proposition, its passage elsewhere
                text = " ".join(passages + [str(o) for o in g.objects(fact, CSTO.words)])
                notes = [str(o) for o in g.objects(fact, CSTO.curatorNote)]
                if _POSITION_WORDS[value].search(text) or _named_by_a_note(ctx, value, notes):
                    continue
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.PositionAgreesWithItsWords, s=fact, p=CSTO.position, o=value, graph=gid,
                        message=f"is csto:position {shown(value)}, but neither its passages in this file nor its "
                        f"csto:words put it as {_POSITION_SAID[value]}, and no csto:curatorNote names that reading: "
                        "the position is how the source puts the words. Fix: the position the words give "
                        "(csto:Assessment, csto:FactualAssertion ...), or a csto:curatorNote saying why it is this one",
                    )
                )  # fmt: skip
    return out


def _status_words(ctx: Context) -> list[Result]:
    """An event marked as having taken place (csto:status csto:Occurred), or a document marked final (csto:draft
    false), is not one the passage supporting that value calls cancelled, impending, planned, to come, proposed, or
    a draft. Only the passages supporting the flag are read (csto:supportsProperty, where a fact has several)."""
    from .support import _quote  # a passage's quoted text

    out: list[Result] = []
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        g = ctx.data.dataset.graph(gid)
        for fact, values in facts.facts_saying(_FLAGS):
            for prop, value in sorted(values, key=lambda pv: (str(pv[0]), str(pv[1]))):
                if prop == CSTO.status and value in _STATUS_WORDS:
                    # any passage of the fact in this file (the status may be worded beside the one declared for
                    # it), and its date basis, which words a plan's time ("plans to organize in 2023")
                    text = " ".join(
                        [_quote(g, ev) for ev in facts.evidence.get(fact, [])]
                        + [str(b) for b in g.objects(fact, CSTO.dateBasis)]
                    )
                    if text and not _STATUS_WORDS[value].search(text):
                        out.append(
                            ctx.locator.statement_result(
                                shape=SHAPE.StatusAgreesWithItsWords, s=fact, p=prop, o=value, graph=gid,
                                message=f"is csto:status {shown(value)}, but none of its passages (nor its "
                                "date basis) words it so (cancelled, proposed or suggested, planned, announced, to "
                                "come): the status is what the passage says. Fix: the status the passage gives",
                            )
                        )  # fmt: skip
                    continue
                if prop == CSTO.status and value == CSTO.Occurred:
                    checks = _NOT_OCCURRED
                elif prop == CSTO.draft and isinstance(value, Literal) and value.toPython() is False:
                    checks = ((_DRAFT, "csto:draft true"),)
                else:
                    continue
                evidence, _ = facts.supporting(fact, prop)
                text = " ".join(_quote(g, ev) for ev in evidence)
                for pattern, means in checks:
                    m = pattern.search(text)
                    if m is None:
                        continue
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.StatusAgreesWithItsWords,
                            s=fact,
                            p=prop,
                            o=value,
                            graph=gid,
                            message=f'is {shown(prop)} {curie(str(value)) or value}, but its passage says "{m.group(0)}" '
                            f"({_excerpt(text, m.start())}): the words give {means}. Fix: the status or flag the "
                            "passage gives, or the passage that supports it (csto:supportsProperty)",
                        )
                    )
                    break
    return out


def _excerpt(text: str, at: int) -> str:
    lo, hi = max(0, at - 40), min(len(text), at + 40)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def _role_pattern(label: str) -> str:
    """A role's label as a passage may word it, singular or plural, with or without articles ("head of state":
    "the heads of the states")."""
    words = [re.escape(w) + r"(?:s|es)?" for w in label.casefold().split()]
    return r"(?<!\w)" + r"\s+(?:the\s+)?".join(words) + r"(?!\w)"


def _value_words(union, onto, prop: Node, value: Node) -> tuple[list[str], list[str]]:
    """(the words a passage giving ``value`` says, as regular expressions; as shown in a message)."""
    if prop == CSTO.pageNumber:
        return [rf"(?<!\d){re.escape(str(value))}(?!\d)"], [str(value)]
    labels = [str(n).casefold() for p in (SKOS.prefLabel, SKOS.altLabel) for n in union.objects(value, p)]
    if prop == CSTO.composedOf:
        return [_role_pattern(w) for w in labels], labels
    if prop == CSTO.rankingCriterion:  # a word of the criterion, as a stem: "economic size" by "the largest economy"
        if (value, RDF.type, CSTO.RankingCriterion) not in onto:  # not declared one: RankingCriterionValue
            return [], labels
        stems = {w[:5] for label in labels for w in re.findall(r"[a-z]{4,}", label) if w not in _GENERIC}
        return [rf"(?<!\w){re.escape(s)}" for s in sorted(stems)], labels
    return [rf"(?<!\w){re.escape(w)}" for w in labels], labels


_SAID = (CSTO.pageNumber, CSTO.season, CSTO.composedOf, CSTO.rankingCriterion, CSTO.changeDirection, CSTO.questionKind)
_SAID_SET = frozenset(_SAID)
# what shows that a passage poses a question: a question mark, or words that ask or leave a matter open
_QUESTION = re.compile(
    r"\?|(?<!\w)(?:question|questions|questioned|whether|wonder|asks?|asked|how|why|what|which|who|whom|to what "
    r"extent|will show|remains to be seen)(?!\w)"
)
_DIRECTION_SHOWN = {
    CSTO.Increase: "increase', 'grow', 'rise', 'deepen', 'strengthen', 'intensify', 'expand', 'escalate', 'shift to",
    CSTO.Decrease: "decrease', 'reduce', 'fall', 'decline', 'weaken', 'shrink', 'diminish', 'ease', 'shift away",
}


def _direction_against(value: Node, quotes: list[str]) -> str | None:
    """An increase or decrease its passages and words never word so (a rise, growth, a deepening; a fall, an easing):
    the other direction's words found there say the two were swapped."""
    other = {CSTO.Increase: CSTO.Decrease, CSTO.Decrease: CSTO.Increase}.get(value)
    if other is None or any(re.search(DIRECTION_WORDS[value], q) for q in quotes):
        return None
    found = next((m.group(0) for q in quotes for m in [re.search(DIRECTION_WORDS[other], q)] if m), None)
    if found is None:
        return (
            f"this csto:changeDirection is {shown(value)}, but neither its passages nor its csto:words word a "
            f"change that way (no '{_DIRECTION_SHOWN[value]}'). Fix: the direction the passage gives, or the passage "
            "that gives it"
        )
    return (
        f"this csto:changeDirection is {shown(value)}, but its passages word the change the other way "
        f"('{found}…': {shown(other)}) and never as {shown(value)}. Fix: the direction the passage gives"
    )


_GENERIC = {"state", "states", "that", "with", "from"}


def _said_in_passage(ctx: Context) -> list[Result]:
    """A page number is printed, a season or a body's members' role named, in a passage of the fact giving it."""
    out: list[Result] = []
    union, onto = ctx.union, ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        for fact, values in facts.facts_saying(_SAID_SET):
            for prop, value in sorted(values, key=lambda t: (str(t[0]), str(t[1]))):
                evidence, _ = facts.supporting(fact, prop)
                quotes = [
                    str(q).casefold()
                    for e in evidence
                    for sel in union.objects(e, OA.hasSelector)
                    for q in union.objects(sel, OA.exact)
                ]
                if prop in (CSTO.changeDirection, CSTO.questionKind):
                    words_said = [str(w).casefold() for w in union.objects(fact, CSTO.words)]
                    said = _direction_against(value, quotes + words_said) if quotes else None
                    if (
                        prop == CSTO.questionKind
                        and quotes
                        and not any(_QUESTION.search(q) for q in quotes + words_said)
                    ):
                        said = (
                            f"is put as a question ({shown(value)}), but neither its passages "
                            f"({'; '.join(curie(str(e)) for e in evidence)}) nor its csto:words ask one: no question "
                            "mark, no 'whether', 'how', 'what', 'question'. Fix: csto:questionKind on the proposition "
                            "that poses the question, or none"
                        )
                    if said:
                        out.append(
                            ctx.locator.statement_result(
                                shape=SHAPE.ValueSaidInItsPassage, s=fact, p=prop, o=value, graph=gid, message=said
                            )
                        )
                    continue
                patterns, words = _value_words(union, onto, prop, value)
                if not quotes or not patterns or any(re.search(rx, q) for rx in patterns for q in quotes):
                    continue
                value_shown = str(value) if prop == CSTO.pageNumber else shown(value)
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.ValueSaidInItsPassage,
                        s=fact,
                        p=prop,
                        o=value,
                        graph=gid,
                        message=(
                            f"this {shown(prop)} is {value_shown}, but no passage supporting it "
                            f"({'; '.join(curie(str(e)) for e in evidence)}) says "
                            f"{' or '.join(repr(w) for w in words)}. "
                            "Fix: the page, season, role or criterion the passage gives"
                        ),
                    )
                )
    return out + _meeting_day_named(ctx) + _estimate_bounds_said(ctx)


def _estimate_bounds_said(ctx: Context) -> list[Result]:
    """A date estimate's bound (csto:notBefore, csto:notAfter, an xsd:date) is a day its label, notes or passages
    give ("between 23 November and 31 December 2022"), or the first (last) day of a year or month they give: a bound
    moved by a month is a clue no one wrote."""
    out: list[Result] = []
    union = ctx.union
    for fact, prop, bound, gid in ctx.curated_quads_of(CSTO.notBefore, CSTO.notAfter):
        if (fact, RDF.type, CSTO.DateEstimate) not in union or not _DAY.fullmatch(str(bound)):
            continue
        texts = [
            str(t) for p in (RDFS.label, SKOS.note, CSTO.curatorNote, CSTO.dateBasis) for t in union.objects(fact, p)
        ]
        texts += _passages(ctx, fact)
        if not any(_gives(str(bound), prop, text) for text in texts):
            out.append(
                ctx.locator.statement_result(shape=SHAPE.ValueSaidInItsPassage, s=fact, p=prop, o=bound, graph=gid,
                    message=f"this {shown(prop)} is {bound}, a day that neither its label, its notes nor its "
                    "passages give, nor the first or last day of a year or month they give. Fix: the bound its clues "
                    "give")
            )  # fmt: skip
    return out


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _gives(day: str, prop: Node, text: str) -> bool:
    """Does ``text`` give ``day`` as a bound: the day itself, or the year or month it begins (csto:notBefore) or ends
    (csto:notAfter)?"""
    from .support import unstated_part

    if unstated_part(day, text) is None:
        return True
    year, month, d = day.split("-")
    first = prop == CSTO.notBefore
    if (month, d) == (("01", "01") if first else ("12", "31")) and unstated_part(year, text) is None:
        return True
    edge = "01" if first else f"{calendar.monthrange(int(year), int(month))[1]:02d}"
    return d == edge and unstated_part(f"{year}-{month}", text) is None


_MONTHS = "january february march april may june july august september october november december".split()
_DAY_MONTH = re.compile(
    rf"(?<!\w)(\d{{1,2}})\s+({'|'.join(_MONTHS)})(?!\w)|(?<!\w)({'|'.join(_MONTHS)})\s+(\d{{1,2}})(?!\d)"
)
_AT_MEETING = (CSTO.decidedAt, CSTO.sidelineOf)
_AT_MEETING_SET = frozenset(_AT_MEETING)


def _meeting_day_named(ctx: Context) -> list[Result]:
    """A fact decided at, or held on the sidelines of, a meeting dated to the day (or month): where the passages
    supporting that link name days ("the meeting held on May 16"), one of them is the meeting's day (in its month)."""
    out: list[Result] = []
    union = ctx.union
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        for fact, values in facts.facts_saying(_AT_MEETING_SET):
            for prop, meeting in sorted(values, key=lambda t: (str(t[0]), str(t[1]))):
                days = {
                    str(d) for d in union.objects(meeting, CSTO.date) if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", str(d))
                }
                if prop not in _AT_MEETING or len(days) != 1:
                    continue
                evidence, _ = facts.supporting(fact, prop)
                named = set()
                for e in evidence:
                    for sel in union.objects(e, OA.hasSelector):
                        for q in union.objects(sel, OA.exact):
                            for m in _DAY_MONTH.finditer(str(q).casefold()):
                                day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
                                named.add((_MONTHS.index(month) + 1, int(day)))
                day = next(iter(days))
                if not named or (int(day[5:7]), int(day[8:10]) if len(day) == 10 else None) in {
                    (m, d if len(day) == 10 else None) for m, d in named
                }:
                    continue
                said = ", ".join(f"{_MONTHS[m - 1].title()} {d}" for m, d in sorted(named))
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.ValueSaidInItsPassage,
                        s=fact,
                        p=prop,
                        o=meeting,
                        graph=gid,
                        message=(
                            f"this {shown(prop)} is {shown(meeting)}, dated {day}, but the passages "
                            f"supporting it ({'; '.join(curie(str(e)) for e in evidence)}) name {said}. Fix: the "
                            "meeting held on the day the passage names"
                        ),
                    )
                )
    return out


# links from a node to a figure it reports (a csto:Quantity or csto:ForceSize node of the same file)
_FIGURE_LINKS = (CSTO.hasQuantity, CSTO.deathToll, CSTO.displacedPersons, CSTO.reportedForceSize)


def _spans(ctx: Context, evidence: set[Node]) -> set[tuple[Node, int, int]]:
    """(source, start, end) of each passage of ``evidence`` (its oa:TextPositionSelector)."""
    out = set()
    for ev in evidence:
        for source in ctx.union.objects(ev, OA.hasSource):
            for sel in ctx.union.objects(ev, OA.hasSelector):
                start, end = _int(ctx.union.value(sel, OA.start)), _int(ctx.union.value(sel, OA.end))
                if start is not None and end is not None:
                    out.add((source, start, end))
    return out


def _share_text(ctx: Context, one: set[Node], other: set[Node]) -> bool:
    """Two sets of passages share a passage, or text: one quote within or across another of the same source."""
    return bool(one & other) or any(
        a[0] == b[0] and a[1] < b[2] and b[1] < a[2] for a in _spans(ctx, one) for b in _spans(ctx, other)
    )


def _figure_from_its_passage(ctx: Context) -> list[Result]:
    """A figure a node reports (csto:hasQuantity, csto:deathToll, csto:displacedPersons, csto:reportedForceSize)
    is read from a passage about that node: in the file that links them, the figure is derived from a passage
    (or text within or across one) the node is derived from there, or one supporting the link
    (csto:supportsProperty). A figure of another
    passage (the displaced persons of another event given as a death toll) is another fact's."""
    out = []
    for gid in ctx.curated:
        g = ctx.data.dataset.graph(gid)
        for link in _FIGURE_LINKS:
            supporting = {s for s, o in ctx.pairs(gid, CSTO.supportsProperty) if o == link}
            for node, figure in sorted(ctx.pairs(gid, link), key=str):
                own = set(g.objects(node, PROV_DERIVED))
                read = set(g.objects(figure, PROV_DERIVED))
                if not own or not read or _share_text(ctx, read, own | supporting):
                    continue
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.FigureFromItsPassage,
                        s=node,
                        p=link,
                        o=figure,
                        graph=gid,
                        message=f"its {shown(link)} {shown(figure)} is read from "
                        f"{', '.join(curie(str(e)) for e in sorted(read, key=str))}, a passage this file derives "
                        f"neither {shown(node)} nor its {shown(link)} from: a figure a fact reports comes "
                        "from a passage about that fact. Fix: the figure of this fact's own passage (or a node of "
                        "its own for it)",
                    )
                )
    return out


# what a figure gives: its number(s), their unit and qualifier, and the words stating them
_FIGURE_VALUE = (
    CSTO.personnel, CSTO.equipment, CSTO.personnelQualifier, CSTO.amount, CSTO.unit, CSTO.qualifier, CSTO.statedAs,
)  # fmt: skip


def _figure_recorded_once(ctx: Context) -> list[Result]:
    """One node does not report one figure twice: two figure nodes of the same classes that it links to by the
    same property (csto:reportedForceSize, csto:hasQuantity, csto:deathToll, csto:displacedPersons), giving the
    same values (numbers, unit, qualifier, words), read from a passage they share, are one figure written twice (a
    split or a pasted block); it would be counted twice, and two figures of one seed for one thing look like a
    disagreement. Two seeds' equal figures have their own passages and are not reported."""
    out, seen = [], set()
    for link in _FIGURE_LINKS:
        for node in sorted(set(ctx.union.subjects(link, None)), key=str):
            groups: dict[tuple, list[Node]] = {}
            for figure in sorted(set(ctx.union.objects(node, link)), key=str):
                value = frozenset((p, o) for p in _FIGURE_VALUE for o in ctx.union.objects(figure, p))
                if value:
                    types = frozenset(ctx.union.objects(figure, RDF.type))
                    groups.setdefault((types, value), []).append(figure)
            for figures in groups.values():
                for i, later in enumerate(figures):
                    for first in figures[:i]:
                        shared = set(ctx.union.objects(first, PROV_DERIVED)) & set(
                            ctx.union.objects(later, PROV_DERIVED)
                        )
                        if not shared or (node, later) in seen:
                            continue
                        seen.add((node, later))
                        gid = next(iter(sorted(ctx.subject_graphs.get(later, {None}) - {None}, key=str)), None)
                        out.append(
                            ctx.locator.result(
                                severity=SH.Violation,
                                shape=SHAPE.FigureRecordedOnce,
                                focus=later,
                                path=link,
                                value=first,
                                graph=gid,
                                message=f"{shown(node)} reports this figure and {shown(first)} by "
                                f"{shown(link)}: the same values, read from the same passage "
                                f"({', '.join(curie(str(e)) for e in sorted(shared, key=str))}), so one figure "
                                "written twice (a split or a pasted block), which counts it twice. Fix: keep one node "
                                "(move what only this one says onto it), or, if the passage gives two figures, the "
                                "words and values of each",
                            )
                        )
    return out


RULES = [
    Rule(
        SHAPE.FigureRecordedOnce,
        "a node reports one figure once",
        "No node links by one figure property (csto:reportedForceSize, csto:hasQuantity, csto:deathToll, "
        "csto:displacedPersons) to two figure nodes of the same classes that give the same values (csto:personnel, "
        "csto:equipment, csto:amount, csto:unit, the qualifiers, csto:statedAs) and are derived from a passage they "
        "share: one figure written twice.",
        _figure_recorded_once,
    ),
    Rule(
        SHAPE.FigureFromItsPassage,
        "a figure a fact reports is read from a passage about that fact",
        "In the file that links a node to a figure (csto:hasQuantity, csto:deathToll, csto:displacedPersons, "
        "csto:reportedForceSize), the figure is derived (prov:wasDerivedFrom) from a passage the node is derived "
        "from in that file (or one sharing text with it: a quote within another), or from one that supports the "
        "link (csto:supportsProperty).",
        _figure_from_its_passage,
    ),
    Rule(
        SHAPE.ValueSaidInItsPassage,
        "a page, season, role or criterion is the one its passage gives",
        "A fact's csto:pageNumber is printed (as digits) in a passage supporting it; its csto:season, the office "
        "role a body is csto:composedOf, and a ranking's csto:rankingCriterion (a word of it) is named (its "
        "skos:prefLabel or skos:altLabel; a role also in the plural, "
        '"heads of the states") in one; a csto:changeDirection csto:Increase or csto:Decrease is one its passages or '
        'csto:words word that way ("increased", "deeper", "a shift to"; "reduced", "has settled down"), never '
        "only the other way or neither, and a proposition with a csto:questionKind has a passage or csto:words "
        "that asks (a question mark, 'whether', 'how', 'what', 'question'). Where the passages supporting a "
        "csto:decidedAt or csto:sidelineOf name days "
        "(\"May 16\"), the meeting's csto:date (a day, or a month) is one of them; a date estimate's csto:notBefore "
        "and csto:notAfter are days its label, notes or passages give, or the first (last) day of a year or month "
        "they give.",
        _said_in_passage,
    ),
    Rule(
        SHAPE.YearInItsName,
        "a year in a fact's IRI or label is the year of its date",
        "A year in a fact's IRI slug or English label, or in a csto:dateBasis naming a month and year or one year (with no word "
        "counting from it: 'last', 'following', 'before' ...), is the year of its csto:date, csto:startDate or "
        "csto:dateSigned, and each of its other dates (csto:attestedOn, csto:electedOn, csto:endDate, csto:datePublished, ...) is "
        "in a year it names or one of its dates is (a proposition's IRI and label aside: they may speak of another time; its date basis "
        "and a label closing with its time in brackets, '(1993)', not), and a date in the IRI of an "
        "undated document or side meeting agrees with the date of the meeting it was produced at or held beside; a date whose basis "
        "resolves it to a year in brackets ('last week' (2023)) or to the publication estimate it names (:pubdate-003) is in that year "
        "or within that estimate; a fact whose label or csto:words give one range of years ('(2018-2020)') starts and ends "
        "in it; a proposition's csto:refersToDate is in a year its csto:words name where they name one, else in one its "
        "labels, comments, notes, date basis or passages name (unless its basis counts from a year); an office holding is not "
        "attested (csto:attestedOn) before the election that began it (csto:electedOn).",
        _year_in_name,
    ),
    Rule(
        SHAPE.CountsAndNumbering,
        "ordinals and list positions number without gaps or repeats",
        "A state's events of one kind numbered with csto:ordinal run 1..n without a gap, and a file numbers an event "
        "only where a passage of it there or a csto:curatorNote of it says that number or a later one ('for the "
        "second time'); the propositions of one file have distinct csto:listPosition values, 1..n without a gap.",
        _counts,
    ),
    Rule(
        SHAPE.StatusAgreesWithItsWords,
        "a status or draft flag agrees with its passage",
        "An event marked as having taken place (csto:status csto:Occurred) is not one the passage supporting its "
        'status calls cancelled (csto:Cancelled), impending, planned or to come ("will", "plans": csto:Planned / '
        "csto:Announced) or proposed (csto:Proposed); a document marked final (csto:draft false) is not one its "
        "passage calls a draft. Only the passages supporting the value are read (csto:supportsProperty where a "
        "fact has several). A status other than csto:Occurred is worded by one of the fact's passages in its file, "
        "or its csto:dateBasis: csto:Cancelled by 'cancelled' or 'called off', csto:Proposed by 'proposed' or 'suggested', csto:Planned "
        "and csto:Announced by a plan, an announcement or a future ('will', 'plans', 'next', 'upcoming').",
        _status_words,
    ),
    Rule(
        SHAPE.PositionAgreesWithItsWords,
        "a forecast, conjecture, refusal, proposal, appeal, concern or warning is worded so",
        "A proposition whose csto:position says how its holder puts it, csto:Prediction (a forecast), "
        "csto:Speculation (a conjecture), csto:Refusing (a refusal), csto:Proposal (a proposal or plan), "
        "csto:Appeal (a call on others to act), csto:Concern (worry, alarm) or csto:Warning (of a danger to come), "
        "has a passage in its file or csto:words that put it so ('will', "
        "'expects', 'likely', 'future'; 'may', 'perhaps', 'I suspect', 'apparently', 'it was speculated'; 'refused', "
        "'rejected', 'will not', 'no intention'; 'proposed', 'should', 'calls for', 'plans', 'initiative'; 'called on', "
        "'urged', 'asked', 'must'; 'concerned', 'alarming', 'threat', 'laments'; 'warned', 'risk', 'possibility'), "
        "or a csto:curatorNote there naming that reading by the position's label ('read as a prediction', "
        "'csto:Concern'): a note's other words do not count.",
        _position_words,
    ),
]

__all__ = ["RULES"]
