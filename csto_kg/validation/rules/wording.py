"""Curator slips of round 18: the round-19 structures (uncertainties, prescriptions, border kinds, examples) read
against their own words, markers read against their fact's words, rankings, and the ontology's own pairs.

- ``shape:UncertaintyKindInItsWords``: a ``csto:Uncertainty``'s kind is not one its marker words contradict ("not
  entirely clear" is csto:Unclear, "confusing" csto:Confused, "question" / "skepticism" csto:Doubted, "awareness" /
  "radar" csto:Unaware, "will show" / "whatever" / "what exactly" csto:Unsettled).
- ``shape:ConditionKindInItsWords``: a condition supposed contrary to what happened (``csto:Counterfactual``,
  ``csto:CounterfactualNegation``) is worded so by its fact's words or passages ("would have", "might have been",
  "had ... not"); one the source leaves open (``csto:OpenCondition``) is not. Of the two supposed kinds, a
  ``csto:CounterfactualNegation`` supposes away what did happen ("otherwise", "but for"), and a ``csto:Counterfactual``
  puts its supposition ("if", "unless", "had ...", "were ...").
- ``shape:ComparisonOutcomeInItsWords``: a comparison found to exceed (``csto:Exceeds``) compares by degree in its
  words or passages ("more alone now than", "a bit rosier"); one whose words do so is not csto:Alike or
  csto:Unlike; words that find likeness ("Like NATO") and deny none are not csto:Unlike, words that contrast
  ("unlike", "in contrast") are not csto:Alike.
- ``shape:QuestionKindInItsWords``: a rhetorical or guiding question has a question mark in its words; an open one
  is asked or raised in words ("it begs the question of", "whether", "next year will show").
- ``shape:ActionKindInItsWords``: a diplomatic action's kind (``csto:actionKind``) is worded by a passage of the
  action or its ``csto:words`` ("absent", "opted out" for csto:NonAttendance; "recalled" for
  csto:RecallOfRepresentative; "would not follow ... in recognising" for csto:NonRecognition; "ignored" for
  csto:NonIntervention ...), or named by a curator's note on it. Where the action has several passages in its file,
  those declared for its kind (``csto:supportsProperty csto:actionKind``) are read: one passage may tell two acts.
- ``shape:EndDateInItsWords``: a ``csto:endDate`` is worded as an end by the passages that support it, its date
  basis or a curator's note: a range of years ("(2018-2020)", "from 2010 to 2011"), or words that end ("until",
  "ended", "passes from", "left", "withdrew", "graduated" ...). A date a source gives alone ("quickly arrived ... at
  the beginning of this year") is when the event happened or began: typed over as its end, it would say the event
  ended then.
- ``shape:StartDateInItsWords``: a ``csto:startDate`` of a node with no ``csto:endDate`` is worded as a beginning
  by the passages that support it, its date basis or a curator's note ("since", "began", "deployed", "passes to",
  "invasion", a range of years): the date of a statement or a one-day event typed over as the start of something
  that lasts would say it began then.
- ``shape:UncertaintyWordsNameItsParty``: the party uncertain is named by the marker, a passage of the fact or a
  curator's note that explains it.
- ``shape:PrescriptionForceInItsWords``: a ``csto:Prescription``'s force is the one its words give: negated words
  ("no state should") a prohibition; "should", "suggested" a recommendation; "must", "need", "necessary" an
  obligation.
- ``shape:PrescriptionWordsNameIt``: what is prescribed (a topic) and for whom are named by the words, a passage of
  the fact or an explaining note.
- ``shape:BorderKindInItsWords``: ``csto:borderKind`` is on a ``csto:Border`` and is the kind the border's words
  (labels, ``csto:ownerLeftOpen``, passages) name ("administrative", "external frontiers").
- ``shape:ExampleWordsNameIt``: what ``csto:namesAsExample`` gives is named by the example's words or passage.
- ``shape:MarkerInItsFactsWords``: a self-criticism's, denial's or reliance's marker is within the words
  (``csto:words``) of the fact that carries it: markers moved to another stance of the same passage, or a denial
  written on the proposition it denies, are not.
- ``shape:OneFirstPerRanking``: two facts of one passage rank two different things first by the same criterion
  (among the same set): one ranking has one first.
- ``shape:DefinitionOfOneTerm``: a ``skos:definition`` copied onto a second term of the ontology.
- ``shape:InverseOfItsPair``: an ``owl:inverseOf`` naming another property than the one its definition says it is
  the inverse of, or whose domain and range are not its pair's range and domain.

Each reads the validated union through the rules' views (:class:`csto_kg.indexed_graph.UnionView`) and the curated
quads once: linear in the graph.
"""

from __future__ import annotations

import re

from rdflib import Literal
from rdflib.term import Node

from ...namespaces import CSTO, ONTOLOGY_GRAPH, OWL, PROV, RDF, RDFS, SHAPE, SKOS
from ..report import Result
from . import Context, Rule
from .curation import _c, _label_stems, _labels, _named_by_a_note, _passages, _passages_of
from .structures import _said


def _named(ctx: Context, value, said: set[str]) -> bool:
    """Whether a label of ``value`` is named in ``said`` by a stem of two letters or more (not "U.S." by an "s")."""
    labels = _labels(ctx, value)
    return not labels or any({x for x in _label_stems(label) if len(x) > 1} & said for label in labels)


def _cues(table: dict, text: str) -> dict[Node, str]:
    """The values of ``table`` (value -> pattern) whose pattern ``text`` matches, with the words matched."""
    return {value: found.group(0) for value, pattern in table.items() if (found := pattern.search(text))}


def _first(values) -> Node:
    return sorted(values, key=str)[0]


def _value_results(ctx: Context, prop: Node, shape: Node, problem_of) -> list[Result]:
    """A result for each curated ``prop`` value whose ``problem_of(ctx, fact, value)`` finds a problem with it (a
    phrase: "csto:questionKind csto:RhetoricalQuestion, but <problem>"), located at the statement."""
    out = []
    for fact, _, value, gid in ctx.curated_quads_of(prop):
        problem = problem_of(ctx, fact, value)
        if problem:
            out.append(ctx.locator.statement_result(
                shape=shape, s=fact, p=prop, o=value, graph=gid, message=f"{_c(prop)} {_c(value)}, but {problem}",
            ))  # fmt: skip
    return out


# --- conditions ----------------------------------------------------------------------------------------------------

# the past unreal: what would have happened had the condition held (or not held)
_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|might|should)(?: \w+)? have\b|\bhad (?:not |never )?(?:been|\w+ed)\b", re.I
)
_SUPPOSED = frozenset({CSTO.Counterfactual, CSTO.CounterfactualNegation})
# what would have happened had what did happen not: "otherwise", "or else", "but for", "were it not for"
_OTHERWISE = re.compile(
    r"\b(?:otherwise|or else|but for|if not for|were it not|had it not been|if it (?:had not|hadn't) been)\b", re.I
)
# a supposition put as such: "if we presented", "had they sent", "were it", "unless"
_IF = re.compile(r"\b(?:if|unless|had|were)\b", re.I)


def _condition_words(ctx: Context) -> list[Result]:
    return _value_results(ctx, CSTO.conditionKind, SHAPE.ConditionKindInItsWords, _condition_words_problem)


def _condition_words_problem(ctx: Context, fact: Node, kind: Node) -> str | None:
    said = _passages(ctx, fact) + [str(w) for w in ctx.union.objects(fact, CSTO.words)]
    if not said:
        return None
    found = next((m for text in said if (m := _COUNTERFACTUAL.search(text))), None)
    problem = None
    if kind in _SUPPOSED and found is None:
        problem = (
            'neither its words nor its passages suppose what would have happened (no "would have", "might '
            'have been", "had ... not"): the source does not put the condition contrary to what happened. Fix: '
            "csto:OpenCondition"
        )
    elif kind == CSTO.CounterfactualNegation and not any(_OTHERWISE.search(text) for text in said):
        problem = (
            'neither its words nor its passages suppose the condition away ("otherwise", "or else", "but for", '
            '"were it not for"): a counterfactual negation says what would have happened had what did happen '
            'not. Fix: csto:Counterfactual where the words suppose what did not happen ("if we presented ..., '
            'there would have never been")'
        )
    elif kind == CSTO.Counterfactual and not any(_IF.search(text) for text in said):
        problem = (
            'neither its words nor its passages put a supposition ("if", "unless", "had ...", "were ..."): what '
            'would have happened is said against what did happen ("otherwise"). Fix: '
            "csto:CounterfactualNegation, its condition being what did hold"
        )
    elif kind == CSTO.OpenCondition and found is not None:
        problem = (
            f'its words or passages say "{found.group(0)}": the source supposes what would have happened, a '
            "condition contrary to what did. Fix: csto:Counterfactual (csto:CounterfactualNegation where the "
            "condition is one that did hold)"
        )
    return problem


# --- comparisons ---------------------------------------------------------------------------------------------------

# a comparison that finds more (or less) on one side: "more alone now than", "a bit rosier", "exceeds"
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer)\b[^.;]{0,60}?\bthan\b|\b\w{2,}er than\b|\b(?:a bit|a little|much|far|even|still) "
    r"(?:more \w+|\w{2,}er)\b|\b(?:exceed|surpass|outweigh|outnumber)\w*",
    re.I,
)
_SUPERLATIVE = re.compile(r"\bthe (?:most|least) \w+|\bthe \w{3,}est\b", re.I)  # "the largest economy": more than all
# a comparison that finds the two sides alike ("Like NATO, ...", "resembles", "similar to", "a replica of",
# "correlates with") or unlike ("unlike the rest", "stands in contrast", "differs"); a likeness the words deny
# ("Despite some superficial similarities, it is hardly an equivalent") is not read as one
_LIKENESS = re.compile(r"(?<![\w-])(?:like|resembl\w*|similar\w*|replica|correlat\w*|just as|the same as)\b", re.I)
_UNLIKENESS = re.compile(r"\b(?:unlike|contrast\w*|differ\w*|dissimilar\w*|hardly|not|no|never|despite)\b", re.I)


def _comparison_words(ctx: Context) -> list[Result]:
    return _value_results(ctx, CSTO.comparisonOutcome, SHAPE.ComparisonOutcomeInItsWords, _comparison_words_problem)


def _comparison_words_problem(ctx: Context, fact: Node, outcome: Node) -> str | None:
    words = [str(w) for w in ctx.union.objects(fact, CSTO.words)]
    found = next((m for text in words if (m := _COMPARATIVE.search(text))), None)
    problem = None
    if outcome == CSTO.Exceeds:
        said = words + _passages(ctx, fact)
        if any(rx.search(text) for text in said for rx in (_COMPARATIVE, _SUPERLATIVE)):
            return None
        if _named_by_a_note(ctx, outcome, [str(n) for n in ctx.union.objects(fact, CSTO.curatorNote)]):
            return None  # the curator says how the passage reads so ("read as one that exceeds")
        problem = (
            'neither its words nor its passages compare by degree ("more ... than", "a bit rosier", "the '
            'largest", "exceeds"), and no curator\'s note names that reading: the source does not find more on '
            "one side. Fix: csto:Alike or csto:Unlike, as the words have it"
        )
    elif found is not None:
        problem = (
            f'its words say "{found.group(0)}": the comparison finds more (or less) on one side. Fix: '
            "csto:Exceeds, the subject (csto:comparisonSubject) being the side that has more"
        )
    elif outcome == CSTO.Unlike:
        alike = [m for text in words if not _UNLIKENESS.search(text) for m in [_LIKENESS.search(text)] if m]
        if alike:
            problem = (
                f'its words say "{alike[0].group(0)}" and deny no likeness: the source finds the two sides alike. '
                "Fix: csto:Alike"
            )
    elif outcome == CSTO.Alike:
        unlike = next(
            (m for text in words for m in _UNLIKENESS.finditer(text) if m.group(0).lower() in _CONTRASTS), None
        )
        if unlike is not None:
            problem = f'its words say "{unlike.group(0)}": the source contrasts the two sides. Fix: csto:Unlike'
    return problem


_CONTRASTS = frozenset({"unlike", "contrast", "contrasts", "contrasted", "differ", "differs", "different", "differed"})


# --- questions -----------------------------------------------------------------------------------------------------

# a question put indirectly, or left to the future: "it begs the question of", "whether", "next year will show"
_INDIRECT_QUESTION = re.compile(
    r"\b(?:question|whether|wonder\w*|how|what|why|which|who|to what extent|will show|remains? to be seen|"
    r"(?:interesting|worth) (?:to follow|watching|following))\b",
    re.I,
)
_ASKED = frozenset({CSTO.RhetoricalQuestion, CSTO.GuidingQuestion})


def _question_words(ctx: Context) -> list[Result]:
    return _value_results(ctx, CSTO.questionKind, SHAPE.QuestionKindInItsWords, _question_words_problem)


def _question_words_problem(ctx: Context, fact: Node, kind: Node) -> str | None:
    words = [str(w) for w in ctx.union.objects(fact, CSTO.words)]
    if not words:
        return None
    problem = None
    if kind in _ASKED and not any("?" in w for w in words):
        problem = (
            "its words put no question (no question mark): a rhetorical question is asked to make a point, a "
            "guiding one is set in the article's title or heading, both as questions. Fix: csto:OpenQuestion "
            "where the source raises the question indirectly or leaves it to the future"
        )
    elif kind == CSTO.OpenQuestion and not any("?" in w or _INDIRECT_QUESTION.search(w) for w in words):
        problem = (
            'its words neither ask ("?") nor raise a question ("it begs the question of", "whether", "how", '
            '"next year will show")'
        )
    return problem


# --- diplomatic actions ------------------------------------------------------------------------------------------

_NOT = r"(?:not|n't|never|no|refus\w*|declin\w*|fail\w* to|without)\b"
# the words a source gives each kind of diplomatic action by
_ACTION_WORDS = {
    CSTO.Recognition: re.compile(r"\brecogni[sz]\w*", re.I),
    CSTO.NonRecognition: re.compile(rf"\b{_NOT}[^.;]{{0,60}}\brecogni[sz]\w*|\bnon-?recognition\b", re.I),
    CSTO.RecallOfRepresentative: re.compile(r"\brecall\w*", re.I),
    CSTO.NonAttendance: re.compile(
        r"\b(?:absent|absence|opt(?:s|ed|ing)? out|stay\w* away|stayed away|skip\w*|boycott\w*|no-?show|"
        r"(?:not|n't|never) (?:\w+ )?(?:sen[dt]\w*|attend\w*|come|take part|taking part|participat\w*))\b",
        re.I,
    ),
    CSTO.Snub: re.compile(r"\bsnub\w*", re.I),
    CSTO.DialogueInitiative: re.compile(r"\bdialogue\b", re.I),
    CSTO.Persuasion: re.compile(r"\b(?:convinc\w*|persuad\w*|urg\w*|coax\w*|lobb\w*)", re.I),
    CSTO.NonAppeal: re.compile(rf"\b{_NOT}\s*(?:\w+ )?(?:appeal\w*|ask\w* for help|request\w*)", re.I),
    CSTO.NonIntervention: re.compile(
        r"\b(?:ignor\w*|lack of (?:response|action)|no (?:response|action)|inaction|stood by|stand(?:s|ing)? by|"
        r"silen\w*|passiv\w*|(?:not|n't|never) (?:\w+ )?(?:interven\w*|interfer\w*|act|respond\w*))",
        re.I,
    ),
}


def _action_words(ctx: Context) -> list[Result]:
    """The kind of a diplomatic action is in the words of the passages that support it: where one passage tells
    two acts ("would not follow Russia in recognising ... and since then it has snubbed"), the fact's own passage for
    its kind (csto:supportsProperty csto:actionKind) is the one read."""
    out = []
    for fact, _, kind, gid in ctx.curated_quads_of(CSTO.actionKind):
        if kind not in _ACTION_WORDS:
            continue
        said = _kind_passages(ctx, fact, gid) + [str(w) for w in ctx.union.objects(fact, CSTO.words)]
        if not said or any(_ACTION_WORDS[kind].search(text) for text in said):
            continue
        if _named_by_a_note(ctx, kind, [str(n) for n in ctx.union.objects(fact, CSTO.curatorNote)]):
            continue  # a curator's note names the kind (and says why)
        out.append(ctx.locator.statement_result(
            shape=SHAPE.ActionKindInItsWords, s=fact, p=CSTO.actionKind, o=kind, graph=gid,
            message=f"csto:actionKind {_c(kind)} ({_labels(ctx, kind)[0] if _labels(ctx, kind) else ''}), but neither "
            "its passages supporting the kind nor its words say so, and no csto:curatorNote names it: the kind is "
            "what the source says was done. Fix: the kind the passage gives, or the passage that gives this one "
            "(csto:supportsProperty csto:actionKind)",
        ))  # fmt: skip
    return out


def _kind_passages(ctx: Context, fact: Node, gid) -> list[str]:
    """The passages of ``fact`` in the file ``gid`` that support its csto:actionKind: those declared for it where
    the fact has several (csto:supportsProperty), else all of its passages in any file."""
    facts = ctx.file_facts.get(gid)
    evidence, declared = facts.supporting(fact, CSTO.actionKind) if facts else ([], False)
    if not (declared and evidence):
        return _passages(ctx, fact)
    return [text for ev in evidence for text in _passages_of(ctx, ev)]


# --- end dates ----------------------------------------------------------------------------------------------------

# the words that give a date as an end: a range of years ("2018-2020", "from 2010 to 2011"), or a verb or preposition
# of ending
_END_WORDS = re.compile(
    r"(?<![\d-])(?:1[89]|20)\d\d ?[-–—] ?(?:(?:1[89]|20)\d\d|\d\d)(?![\d-])"
    r"|\b(?:1[89]|20)\d\d (?:to|and|until|till|through) (?:\w+ )?(?:1[89]|20)\d\d\b"
    r"|\b(?:until|till|end(?:s|ed|ing)?|pass(?:es|ed|ing)? (?:from|on)|hand(?:s|ed|ing)? over|left|leav(?:es|ing)|"
    r"withdr[ae]w\w*|graduat\w*|complet\w*|finish\w*|conclu\w*|expir\w*|stepp\w* down|resign\w*|no longer|"
    r"ceas\w*|terminat\w*|dissolv\w*|former(?:ly)?|last(?:ed)? (?:until|till)|over by|wound down|pull(?:s|ed)? out)\b",
    re.I,
)


def _dates_not_worded(ctx: Context, prop: Node, words: re.Pattern) -> list[tuple[Node, Literal, Node]]:
    """(fact, date, graph) for each curated ``prop`` date whose file's words for it (the passages of that file that
    support it, its csto:dateBasis and csto:curatorNote there: another file may date another part) have none of
    ``words``; a date with no words at all is not judged."""
    out = []
    for fact, _, date, gid in ctx.curated_quads_of(prop):
        facts = ctx.file_facts.get(gid)
        evidence = facts.supporting(fact, prop)[0] if facts else []
        g = ctx.data.dataset.graph(gid)
        said = [text for ev in evidence for text in _passages_of(ctx, ev)] + [
            str(t) for p in (CSTO.dateBasis, CSTO.curatorNote) for t in g.objects(fact, p)
        ]
        if said and not any(words.search(text) for text in said):
            out.append((fact, date, gid))
    return out


def _end_dates(ctx: Context) -> list[Result]:
    """A csto:endDate is worded as an end by the passages of its file that support it, or its date basis or a
    curator's note on its fact in that file."""
    return [
        ctx.locator.statement_result(
            shape=SHAPE.EndDateInItsWords,
            s=fact,
            p=CSTO.endDate,
            o=date,
            graph=gid,
            message=f'csto:endDate "{date}", but neither its passages nor its csto:dateBasis or notes word an end (a '
            'range of years "2018-2020"; "until", "ended", "passes from", "left", "withdrew", "graduated" ...): a '
            "date a source gives alone is when the event happened or began. Fix: csto:startDate or csto:date, or a "
            "csto:dateBasis that says why this is when it ended",
        )
        for fact, date, gid in _dates_not_worded(ctx, CSTO.endDate, _END_WORDS)
    ]


# what words a beginning: a range of years, or words that start, open, arrive or take over
_START_WORDS = re.compile(
    r"(?<![\d-])(?:1[89]|20)\d\d ?[-–—] ?(?:(?:1[89]|20)\d\d|\d\d)(?![\d-])"
    r"|\b(?:from|since) (?:\w+ )?(?:1[89]|20)\d\d\b"
    r"|\b(?:since|beg[ai]n\w*|start\w*|launch\w*|onset|erupt\w*|outbreak|broke out|took (?:office|over)|"
    r"tak(?:es|ing) (?:office|over)|assum\w* (?:office|the)|deploy\w*|arriv\w*|pass(?:es|ed|ing)? (?:to|from)|"
    r"invasion|invad\w*|inaugurat\w*|set up|establish\w*|found(?:ed|ing)|opened|first)\b",
    re.I,
)


def _start_dates(ctx: Context) -> list[Result]:
    """A csto:startDate of a node with no csto:endDate (a range gives both; shape:EndDateInItsWords reads its end) is
    worded as a beginning by the passages of its file that support it, or its date basis or a curator's note on its
    fact in that file."""
    return [
        ctx.locator.statement_result(
            shape=SHAPE.StartDateInItsWords,
            s=fact,
            p=CSTO.startDate,
            o=date,
            graph=gid,
            message=f'csto:startDate "{date}", but neither its passages nor its csto:dateBasis or notes word a '
            'beginning ("since", "began", "deployed", "passes to", "invasion", a range of years "2018-2020"): a date '
            "a source gives alone is when a statement was made or an event happened. Fix: csto:date, or a "
            "csto:dateBasis that says why this is when it began",
        )
        for fact, date, gid in _dates_not_worded(ctx, CSTO.startDate, _START_WORDS)
        if ctx.union.value(fact, CSTO.endDate) is None
    ]


# --- uncertainties -----------------------------------------------------------------------------------------------

_UNCERTAINTY_CUES = {
    CSTO.Unclear: re.compile(r"\b(un)?clear\b|\bobscure\b|\bvague\b", re.I),
    CSTO.Unaware: re.compile(r"\b(un)?aware(ness)?\b|\bradar\b|\bunknown\b", re.I),
    CSTO.Confused: re.compile(r"\bconfus\w*|\bpuzzl\w*|\bperplex\w*|\bbaffl\w*", re.I),
    CSTO.Doubted: re.compile(r"\bquestion(s|ed|ing)?\b|\bs[ck]eptic\w*|\bdoubt\w*|\bdistrust\w*", re.I),
    CSTO.Unsettled: re.compile(
        r"\bwill show\b|\bto follow\b|\bwhatever\b|\bwhat exactly\b|\bhow viable\b|\bremains? to be seen\b"
        r"|\bto what extent\b|\bopen question\b",
        re.I,
    ),
}


def _uncertainty_words(ctx: Context) -> list[Result]:
    out = []
    for fact, _, node, gid in ctx.curated_quads_of(CSTO.uncertainty):
        markers = [str(m) for m in ctx.union.objects(node, CSTO.uncertaintyMarker)]
        if len(markers) != 1:
            continue  # shape:UncertaintyComplete
        marker = markers[0]
        named = _cues(_UNCERTAINTY_CUES, marker)
        for kind in ctx.union.objects(node, CSTO.uncertaintyKind):
            if named and kind in _UNCERTAINTY_CUES and kind not in named:
                other = _first(named)
                out.append(ctx.locator.statement_result(
                    shape=SHAPE.UncertaintyKindInItsWords, s=node, p=CSTO.uncertaintyKind, o=kind, graph=gid,
                    message=(
                        f'csto:uncertaintyKind {_c(kind)}, but its words "{marker}" say "{named[other]}", '
                        f"{_c(other)}: the kind is the one its words give. Fix: {_c(other)} (or the words, verbatim, "
                        "that give this kind)"
                    ),
                ))  # fmt: skip
        said = None
        for party in ctx.union.objects(node, CSTO.uncertainParty):
            said = said if said is not None else _said(ctx, gid, node, fact, marker)
            if not _named(ctx, party, said):
                out.append(ctx.locator.statement_result(
                    shape=SHAPE.UncertaintyWordsNameItsParty, s=node, p=CSTO.uncertainParty, o=party, graph=gid,
                    message=(
                        f'csto:uncertainParty {_c(party)} ("{_labels(ctx, party)[0]}") is named neither by its words '
                        f'"{marker}" nor by a passage of {_c(fact)}: another party\'s uncertainty. Fix: the party its '
                        "words name (a csto:Group for an unnamed 'many'), or none where they name no one"
                    ),
                ))  # fmt: skip
    return out


# --- prescriptions -----------------------------------------------------------------------------------------------

_NEGATED = re.compile(r"\b(not|no|never|nor|neither)\b|n[’']t\b", re.I)
_NOT_ONLY = re.compile(r"\bnot (only|just|merely)\b", re.I)
_SHAPE_NEGATED = re.compile(r"(should|must|need) not|n[’']t", re.I)  # what shape:PrescriptionComplete reports
_FORCE_CUES = {
    CSTO.Obligation: re.compile(
        r"\bmust\b|\bneeds?\b|\bnecessary\b|\b(have|has) to\b|\brequire[sd]?\b|\bobliged?\b|\bimperative\b", re.I
    ),
    CSTO.Recommendation: re.compile(r"\bshould\b|\bsuggest\w*|\bought\b|\badvis\w*|\brecommend\w*", re.I),
}


def _prescription_words(ctx: Context) -> list[Result]:
    out = []
    for fact, _, node, gid in ctx.curated_quads_of(CSTO.prescription):
        markers = [str(m) for m in ctx.union.objects(node, CSTO.prescriptionMarker)]
        if len(markers) != 1:
            continue  # shape:PrescriptionComplete
        marker = markers[0]

        def result(shape, p, o, message, node=node, gid=gid):
            return ctx.locator.statement_result(shape=shape, s=node, p=p, o=o, graph=gid, message=message)

        negation = _NEGATED.search(_NOT_ONLY.sub("", marker))
        named = _cues(_FORCE_CUES, marker)
        for force in ctx.union.objects(node, CSTO.deonticForce):
            if force not in _FORCE_CUES:
                continue  # a prohibition's words: shape:PrescriptionComplete
            if negation and not _SHAPE_NEGATED.search(marker):
                out.append(result(SHAPE.PrescriptionForceInItsWords, CSTO.deonticForce, force, (
                    f'csto:deonticForce {_c(force)}, but its words "{marker}" are negated ("{negation.group(0)}"): '
                    "what they say must not be done is a prohibition. Fix: csto:Prohibition"
                )))  # fmt: skip
            elif not negation and named and force not in named:
                other = _first(named)
                out.append(result(SHAPE.PrescriptionForceInItsWords, CSTO.deonticForce, force, (
                    f'csto:deonticForce {_c(force)}, but its words "{marker}" say "{named[other]}", {_c(other)}: '
                    "the force is the one the modal words give ('should' recommends, 'must' and 'need' oblige). "
                    f"Fix: {_c(other)}"
                )))  # fmt: skip
        said = None
        for p in (CSTO.prescribedAct, CSTO.prescribedFor):
            for value in ctx.union.objects(node, p):
                if p == CSTO.prescribedAct and (value, RDF.type, CSTO.Topic) not in ctx.union:
                    continue  # a change node or a fact: its own words; ReferenceInItsOwnSeed for another file's
                said = said if said is not None else _said(ctx, gid, node, fact, marker)
                if not _named(ctx, value, said):
                    out.append(result(SHAPE.PrescriptionWordsNameIt, p, value, (
                        f'{_c(p)} {_c(value)} ("{_labels(ctx, value)[0]}") is named neither by its words "{marker}" '
                        f"nor by a passage of {_c(fact)}: another prescription's. Fix: what its words prescribe, and "
                        "to whom"
                    )))  # fmt: skip
    return out


def _own_seed_references(ctx: Context) -> list[Result]:
    """What an uncertainty is about, or a prescription prescribes, if a fact (a proposition, an event, a change), is
    one the file describes: the words are that seed's."""
    out = []
    for _fact, prop, node, gid in ctx.curated_quads_of(CSTO.uncertainty, CSTO.prescription):
        p = CSTO.uncertainAbout if prop == CSTO.uncertainty else CSTO.prescribedAct
        for value in ctx.union.objects(node, p):
            if (value, RDF.type, CSTO.Fact) not in ctx.union and (value, RDF.type, CSTO.Change) not in ctx.union:
                continue
            if gid in ctx.subject_graphs.get(value, ()):
                continue
            out.append(ctx.locator.statement_result(
                shape=SHAPE.ReferenceInItsOwnSeed, s=node, p=p, o=value, graph=gid,
                message=(
                    f"{_c(p)} {_c(value)} is a fact which this file does not describe: the words are this seed's, so "
                    "what they leave uncertain or prescribe is what this seed states (with its passage here). Fix: "
                    "the fact of this file, or describe it here with this seed's passage"
                ),
            ))  # fmt: skip
    return out


# --- border kinds --------------------------------------------------------------------------------------------------

_KIND_CUES = {
    CSTO.AdministrativeBorder: re.compile(r"\badministrative\b", re.I),
    CSTO.ExternalFrontier: re.compile(r"\bexternal\b|\bfrontiers?\b", re.I),
}


def _border_kind_words(ctx: Context) -> list[Result]:
    out = []
    borders = {s for s, _, o, _ in ctx.curated_quads_of(RDF.type) if o == CSTO.Border}
    for border, _, kind, gid in ctx.curated_quads_of(CSTO.borderKind):

        def result(message, border=border, kind=kind, gid=gid):
            return ctx.locator.statement_result(
                shape=SHAPE.BorderKindInItsWords, s=border, p=CSTO.borderKind, o=kind, graph=gid, message=message
            )

        if border not in borders:
            out.append(result(
                f"csto:borderKind {_c(kind)} is written on {_c(border)}, which no curated file types csto:Border: a "
                "border kind is a border's, as its passage names it. Fix: the csto:Border the passage names"
            ))  # fmt: skip
            continue
        if kind not in _KIND_CUES:
            continue  # shape:ValueOfItsRange
        words = " ".join(
            [*_labels(ctx, border), *map(str, ctx.union.objects(border, CSTO.ownerLeftOpen)), *_passages(ctx, border)]
        )
        named = _cues(_KIND_CUES, words)
        if kind in named:
            continue
        if named:
            other = _first(named)
            out.append(result(
                f'csto:borderKind {_c(kind)}, but the border\'s words say "{named[other]}", {_c(other)}. Fix: '
                f"{_c(other)}"
            ))  # fmt: skip
        else:
            out.append(result(
                f"csto:borderKind {_c(kind)}, but the border's words (labels, csto:ownerLeftOpen, passages) name no "
                "kind of border ('administrative', 'external frontier'): a kind the seed does not give. Fix: no "
                "csto:borderKind"
            ))  # fmt: skip
    return out


# --- examples ------------------------------------------------------------------------------------------------------


def _example_words(ctx: Context) -> list[Result]:
    out = []
    for fact, _, value, gid in ctx.curated_quads_of(CSTO.namesAsExample):
        markers = [str(m) for m in ctx.union.objects(fact, CSTO.exampleMarker)]
        if _named(ctx, value, _said(ctx, gid, fact, fact, *markers)):
            continue
        out.append(ctx.locator.statement_result(
            shape=SHAPE.ExampleWordsNameIt, s=fact, p=CSTO.namesAsExample, o=value, graph=gid,
            message=(
                f'csto:namesAsExample {_c(value)} ("{_labels(ctx, value)[0]}") is named neither by its words '
                f"({', '.join(repr(m) for m in markers) or 'none'}) nor by a passage of {_c(fact)}: an example the "
                "seed does not give. Fix: what the passage names as its example"
            ),
        ))  # fmt: skip
    return out


# --- markers within their fact's words ---------------------------------------------------------------------------


def _markers_in_words(ctx: Context) -> list[Result]:
    out = []
    found = ctx.curated_quads_of(CSTO.selfCriticismMarker, CSTO.denialMarker)  # a list of its own
    for fact, _, node, gid in ctx.curated_quads_of(CSTO.reliance):
        found.extend((fact, CSTO.relianceMarker, m, gid) for m in ctx.union.objects(node, CSTO.relianceMarker))
    for fact, p, marker, gid in found:
        words = [str(w) for w in ctx.union.objects(fact, CSTO.words)]
        if not words or any(str(marker) in w for w in words):
            continue
        at = (
            fact
            if p != CSTO.relianceMarker
            else next((n for n in ctx.union.objects(fact, CSTO.reliance) if (n, p, marker) in ctx.union), fact)
        )
        out.append(ctx.locator.statement_result(
            shape=SHAPE.MarkerInItsFactsWords, s=at, p=p, o=marker, graph=gid,
            message=(
                f'{_c(p)} "{marker}" is not within the words of {_c(fact)} '
                f"({'; '.join(repr(w) for w in sorted(words))}): the marker of another fact of the passage, or "
                "written on the proposition it is about (a denial on what it denies). Fix: the marker on the fact "
                "whose words hold it"
            ),
        ))  # fmt: skip
    return out


# --- rankings ----------------------------------------------------------------------------------------------------


def _one_first(ctx: Context) -> list[Result]:
    out = []
    firsts: dict[tuple, set] = {}
    for fact, _, value, gid in ctx.curated_quads_of(CSTO.rankedFirst):
        firsts.setdefault((fact, gid), set()).add(value)
    evidence: dict[tuple, set] = {}
    for fact, _, ev, gid in ctx.curated_quads_of(PROV.wasDerivedFrom):
        if (fact, gid) in firsts:
            evidence.setdefault((fact, gid), set()).add(ev)
    rankings: dict[tuple, list] = {}  # (passage, criterion, among, holders, graph) -> [(fact, values)]
    for (fact, gid), values in firsts.items():
        among = frozenset(ctx.union.objects(fact, CSTO.rankedAmong))
        whose = frozenset([*ctx.union.objects(fact, CSTO.heldBy), *ctx.union.objects(fact, CSTO.assertedBy)])
        for ev in evidence.get((fact, gid), ()):
            for criterion in ctx.union.objects(fact, CSTO.rankingCriterion):
                rankings.setdefault((ev, criterion, among, whose, gid), []).append((fact, values))
    reported = set()
    for (ev, criterion, _, _, gid), facts in sorted(rankings.items(), key=lambda kv: str(kv[0])):
        facts = sorted(facts, key=lambda fv: str(fv[0]))
        for fact, values in facts[1:]:
            other, others = facts[0]
            if other == fact or values == others or (fact, gid) in reported:
                continue
            reported.add((fact, gid))
            value = _first(values - others or values)
            out.append(ctx.locator.statement_result(
                shape=SHAPE.OneFirstPerRanking, s=fact, p=CSTO.rankedFirst, o=value, graph=gid,
                message=(
                    f"csto:rankedFirst {_c(value)} by {_c(criterion)}, but {_c(other)}, of the same passage "
                    f"({_c(ev)}), ranks {', '.join(sorted(map(_c, others)))} first by it: one ranking has one first. "
                    "Fix: the one its words rank first; the others, if the passage ranks them, "
                    "csto:rankedAmongLeading"
                ),
            ))  # fmt: skip
    return out


# --- the ontology ------------------------------------------------------------------------------------------------

_INVERSE_OF = re.compile(r"\binverse of (csto:\w+)", re.I)


def _ontology_pairs(ctx: Context) -> list[Result]:
    if ONTOLOGY_GRAPH not in ctx.data.files:
        return []
    onto, out = ctx.data.dataset.graph(ONTOLOGY_GRAPH), []

    def result(shape, s, p, o, message):
        return ctx.locator.statement_result(shape=shape, s=s, p=p, o=o, graph=ONTOLOGY_GRAPH, message=message)

    classes = set(onto.subjects(RDF.type, OWL.Class))
    properties = {
        s
        for t in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in onto.subjects(RDF.type, t)
    }
    defined: dict[str, list] = {}
    for term, definition in onto.subject_objects(SKOS.definition):
        defined.setdefault(" ".join(str(definition).lower().split()), []).append(term)
    for definition, terms in sorted(defined.items()):
        if len(terms) < 2 or set(terms) <= classes or set(terms) <= properties:
            continue  # two classes or two properties: shape:OntologyWellFormed
        terms = sorted(terms, key=str)
        for term in terms[1:]:
            text = next(
                str(d) for d in onto.objects(term, SKOS.definition) if " ".join(str(d).lower().split()) == definition
            )
            out.append(result(SHAPE.DefinitionOfOneTerm, term, SKOS.definition, Literal(text, lang="en"), (
                f"skos:definition of {_c(term)} is word for word the definition of {_c(terms[0])}: a definition "
                "copied onto another term says nothing of its own. Fix: a definition of this term"
            )))  # fmt: skip
    for p, q in sorted(onto.subject_objects(OWL.inverseOf), key=str):
        said = {
            m.group(1)
            for d in (*onto.objects(p, SKOS.definition), *onto.objects(p, RDFS.comment))
            for m in _INVERSE_OF.finditer(str(d))
        }
        if said and _c(q) not in said:
            out.append(result(SHAPE.InverseOfItsPair, p, OWL.inverseOf, q, (
                f"owl:inverseOf {_c(q)}, but the definition of {_c(p)} says it is the inverse of "
                f"{', '.join(sorted(said))}: the inverse declared on the wrong property. Fix: owl:inverseOf "
                f"{sorted(said)[0]}"
            )))  # fmt: skip
            continue
        for mine, theirs, what in ((RDFS.domain, RDFS.range, "domain"), (RDFS.range, RDFS.domain, "range")):
            a, b = set(onto.objects(p, mine)), set(onto.objects(q, theirs))
            if a and b and not a & b:
                out.append(result(SHAPE.InverseOfItsPair, p, OWL.inverseOf, q, (
                    f"owl:inverseOf {_c(q)}, but the {what} of {_c(p)} ({', '.join(sorted(map(_c, a)))}) is not the "
                    f"{'range' if what == 'domain' else 'domain'} of {_c(q)} ({', '.join(sorted(map(_c, b)))}): "
                    "not its inverse. Fix: the property it inverts"
                )))  # fmt: skip
                break
    return out


RULES = [
    Rule(
        SHAPE.ActionKindInItsWords,
        "a diplomatic action's kind is worded by its passage",
        "A csto:actionKind is worded by a passage of the action or its csto:words: csto:NonAttendance by absence, "
        "opting out, staying away or not sending anyone; csto:RecallOfRepresentative by a recall; csto:Recognition "
        "by recognising, csto:NonRecognition by not (or refusing, declining to) recognise; csto:Snub by a snub; "
        "csto:DialogueInitiative by a dialogue; csto:Persuasion by convincing, persuading or urging; csto:NonAppeal "
        "by not (or failing to) appeal or ask; csto:NonIntervention by ignoring, a lack of response, inaction. Or a "
        "csto:curatorNote on the action names the kind. Of an action's several passages in its file, those that "
        "support its kind (csto:supportsProperty csto:actionKind) are read, where it declares them.",
        _action_words,
    ),
    Rule(
        SHAPE.EndDateInItsWords,
        "an end date is worded as an end",
        "A csto:endDate is worded as an end by the passages of its file that support it (csto:supportsProperty, where "
        "the fact has several), its csto:dateBasis or a csto:curatorNote on its fact: a range of years "
        "('(2018-2020)'), or words that end ('until', 'ended', 'passes from', 'left', 'withdrew', 'graduated', "
        "'no longer' ...). A date the source gives alone is when the event happened or began (csto:date, "
        "csto:startDate): typed over as the end, it says the event ended then.",
        _end_dates,
    ),
    Rule(
        SHAPE.StartDateInItsWords,
        "a start date is worded as a beginning",
        "A csto:startDate of a node without a csto:endDate is worded as a beginning by the passages of its file that "
        "support it (csto:supportsProperty, where the fact has several), its csto:dateBasis or a csto:curatorNote "
        "on its fact: 'since', 'began', 'deployed', 'passes to', 'invasion', 'from 2010', a range of years. A date "
        "the source gives alone is when a statement was made or an event happened (csto:date): typed over as a "
        "start, it says something began then and lasts.",
        _start_dates,
    ),
    Rule(
        SHAPE.ConditionKindInItsWords,
        "a condition's kind is the one its words give",
        "A condition the source supposes contrary to what happened (csto:conditionKind csto:Counterfactual or "
        "csto:CounterfactualNegation) is worded so by the fact's csto:words or passages ('there would have never "
        "been', 'might have been unleashed', 'had ... not'); one the source leaves open (csto:OpenCondition) is not "
        "worded so. A csto:CounterfactualNegation supposes away what did happen ('Otherwise, ... might have been "
        "unleashed'; 'but for', 'were it not for'); a csto:Counterfactual puts its supposition ('if we presented a "
        "common front'; 'unless', 'had ...', 'were ...').",
        _condition_words,
    ),
    Rule(
        SHAPE.ComparisonOutcomeInItsWords,
        "a comparison's outcome is the one its words give",
        "A comparison that finds more (or less) on one side (csto:comparisonOutcome csto:Exceeds) compares by degree "
        "in its csto:words or passages ('more alone now than', 'a bit rosier', 'exceeds', 'far stronger'); a "
        "comparison whose own words compare by degree is csto:Exceeds, not csto:Alike or csto:Unlike; one whose "
        "words find likeness ('Like NATO', 'resembles', 'similar to', 'a replica of', 'correlates with') and deny "
        "none ('not', 'hardly', 'despite') is not csto:Unlike, and one whose words contrast ('unlike', 'in "
        "contrast', 'differs') is not csto:Alike.",
        _comparison_words,
    ),
    Rule(
        SHAPE.QuestionKindInItsWords,
        "a question's kind is the one its words give",
        "A rhetorical question (asked to make a point) and a guiding one (an article's title or heading) are put as "
        "questions: their csto:words have a question mark, as the six curated ones do. An open question is asked "
        "('?') or raised in other words ('it begs the question of', 'whether', 'how', 'to what extent', 'next year "
        "will show').",
        _question_words,
    ),
    Rule(
        SHAPE.UncertaintyKindInItsWords,
        "an uncertainty's kind is the one its words give",
        "A csto:Uncertainty's csto:uncertaintyKind is not contradicted by its csto:uncertaintyMarker: words that say "
        "'clear' mark csto:Unclear, 'aware' or 'radar' csto:Unaware, 'confusing' csto:Confused, 'question', "
        "'skepticism' or 'doubt' csto:Doubted, 'will show', 'whatever', 'what exactly' csto:Unsettled.",
        _uncertainty_words,
    ),
    Rule(
        SHAPE.UncertaintyWordsNameItsParty,
        "the party uncertain is named by the uncertainty's words",
        "A csto:uncertainParty is named, by a content word of one of its labels, in the uncertainty's marker, a "
        "passage of its fact, or a curator's note that explains it.",
        lambda ctx: [],  # reported by _uncertainty_words, which reads each uncertainty once
    ),
    Rule(
        SHAPE.PrescriptionForceInItsWords,
        "a prescription's force is the one its words give",
        "A csto:Prescription whose csto:prescriptionMarker is negated ('no state should') is a csto:Prohibition; "
        "one whose words only recommend ('should', 'suggested') is no csto:Obligation, one whose words only oblige "
        "('must', 'need', 'necessary') no csto:Recommendation.",
        _prescription_words,
    ),
    Rule(
        SHAPE.PrescriptionWordsNameIt,
        "what is prescribed, and for whom, is named by the prescription's words",
        "A csto:prescribedAct that is a csto:Topic, and a csto:prescribedFor, is named, by a content word of one of "
        "its labels, in the prescription's marker, a passage of its fact, or a curator's note that explains it.",
        lambda ctx: [],  # reported by _prescription_words
    ),
    Rule(
        SHAPE.BorderKindInItsWords,
        "a border's kind is the one its words give",
        "csto:borderKind is written on a csto:Border, and is the kind its words (labels, csto:ownerLeftOpen, "
        "passages) name: 'administrative' csto:AdministrativeBorder, 'external' or 'frontiers' "
        "csto:ExternalFrontier.",
        _border_kind_words,
    ),
    Rule(
        SHAPE.ExampleWordsNameIt,
        "an example is named by its words",
        "A csto:namesAsExample value is named, by a content word of one of its labels, in the fact's "
        "csto:exampleMarker, a passage of the fact, or a curator's note that explains it.",
        _example_words,
    ),
    Rule(
        SHAPE.MarkerInItsFactsWords,
        "a self-criticism's, denial's or reliance's marker is within its fact's words",
        "A csto:selfCriticismMarker, csto:denialMarker or csto:relianceMarker is, verbatim, within the csto:words of "
        "the fact that carries it (where the fact gives its words): not a marker of another stance of the passage, "
        "nor a denial written on the proposition it denies.",
        _markers_in_words,
    ),
    Rule(
        SHAPE.OneFirstPerRanking,
        "one ranking has one first",
        "Two facts of one curated file derived from the same passage, held or asserted by the same party, do not "
        "rank two different things first (csto:rankedFirst) by the same csto:rankingCriterion among the same "
        "csto:rankedAmong.",
        _one_first,
    ),
    Rule(
        SHAPE.DefinitionOfOneTerm,
        "a definition defines one term",
        "No two terms of the ontology share a skos:definition word for word: a class and a property, or two "
        "individuals (values of a scheme), as well as the two classes or two properties shape:OntologyWellFormed "
        "reports.",
        _ontology_pairs,
    ),
    Rule(
        SHAPE.InverseOfItsPair,
        "an inverse property inverts the property its definition names",
        "owl:inverseOf names the property the definition calls it the inverse of ('inverse of csto:X'), and the "
        "domain and range of the two are each other's range and domain, where both declare them.",
        lambda ctx: [],  # reported by _ontology_pairs
    ),
]

OWN_SEED = _own_seed_references

__all__ = ["RULES", "OWN_SEED"]
