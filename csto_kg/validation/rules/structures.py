"""Curator slips of round 17: the round-18 structures (borders, weighed options, any means, reliances, self-criticism,
denials, means and ends) read against their own words.

- ``shape:BorderWordsNameItsSides``: ``csto:borderOf`` is written on a ``csto:Border``; its sides are parties
  (not topics); a state the border's own words name (its labels: "Kyrgyzstan–Tajikistan border", "its border
  with Afghanistan") is among the sides each file gives; a state given as a side is named by the border's words
  or by the passage of the file that gives it.
- ``shape:OptionVerdictInItsWords``: a ``csto:WeighedOption``'s verdict is not the one its words contradict
  ("rather than", "less", "not" reject; "more", "rather ...", "primarily", "but", "no alternative to" prefer).
- ``shape:OptionWordsNameItsItem``: an option's item is named by its words, a passage of its proposition, or a
  curator's note on it.
- ``shape:AnyMeansInItsWords``: ``csto:AnyMeans`` is a means whose words say "any", "all" or "everything" (and words
  that say "any means" give it), never a csto:purpose.
- ``shape:RelianceWordsNameIt``: a ``csto:Reliance``'s status agrees with its words' negation, the party its words
  place after "on" / "from" is the one relied on, and the parties and what for are named by its words or passage
  (a state, person or international organisation by all the words of a name, or by one no other of them has:
  "Union" in "Eurasian Economic Union" does not name the Soviet Union).
- ``shape:SelfCriticismWords``: a self-criticism's words are in the first person ("we", "our").
- ``shape:DenialWordsDeny``: a ``csto:denialMarker`` holds a word that denies (a negation, "few", "contrary",
  "unconvincing", "hypocritically" ...).
- ``shape:MeansNamedByItsMarker``: words that give a means ("through", "by", "using") name the csto:means, not the
  csto:purpose; words that give an end ("as a way of", "in order to") name the csto:purpose, not the csto:means.

Each reads the validated union through the rules' views (:class:`csto_kg.indexed_graph.UnionView`) and the curated
quads once: linear in the graph.
"""

from __future__ import annotations

import re

from ...namespaces import CSTO, OA, PROV, RDF, SHAPE
from ..report import Result
from . import Context, Rule
from .curation import _c, _label_stems, _labels, _passages, _says, _state_names, _stems, _words
from .naming import _note_quotes


def _said(ctx: Context, gid, node, fact, *words) -> set[str]:
    """The word stems of ``words``, the passages of ``fact`` and the explaining notes on ``node`` and ``fact``."""
    notes = _note_quotes(
        ctx, gid, [*ctx.union.objects(node, CSTO.curatorNote), *ctx.union.objects(fact, CSTO.curatorNote)], {}
    )
    return {w[:5] for w in _words(" ".join([*map(str, words), *_passages(ctx, fact), *notes]))}


def _named(ctx: Context, value, said: set[str]) -> bool:
    """Is ``value`` named by ``said`` (word stems)? A state, person or international organisation by a label whose
    content words are all said or one naming no other such entity ("Union" alone does not name the Soviet Union
    where the passage says "Eurasian Economic Union"); anything else (a topic, a group) by any word of a label."""
    labels = _labels(ctx, value)
    if not labels:
        return True
    if not any((value, RDF.type, kind) in ctx.union for kind in _PROPER_NAMED):
        return any(_label_stems(label) & said for label in labels)
    shared = _shared_stems(ctx)
    return any((hit := _label_stems(label) & said) and (hit - shared or _stems(label) <= said) for label in labels)


# what a proper name names: one of these, whose labels are names rather than descriptions
_PROPER_NAMED = (CSTO.State, CSTO.Person, CSTO.InternationalOrganisation)


def _shared_stems(ctx: Context) -> frozenset[str]:
    """The stems in the labels of more than one state, person or international organisation: the words of a name
    that name no one of them ("union", "republic")."""
    key = (__name__, "shared stems")
    if key not in ctx.memo:
        holders: dict[str, set] = {}
        for kind in _PROPER_NAMED:
            for entity in ctx.union.subjects(RDF.type, kind):
                for label in _labels(ctx, entity):
                    for stem in _label_stems(label):
                        holders.setdefault(stem, set()).add(entity)
        ctx.memo[key] = frozenset(stem for stem, entities in holders.items() if len(entities) > 1)
    return ctx.memo[key]


# --- borders -----------------------------------------------------------------------------------------------------


def _border_words(ctx: Context) -> list[Result]:
    out = []
    borders = {s for s, _, o, _ in ctx.curated_quads_of(RDF.type) if o == CSTO.Border}
    sides: dict[tuple, set] = {}
    for s, _, o, gid in ctx.curated_quads_of(CSTO.borderOf):
        sides.setdefault((s, gid), set()).add(o)
    states = _state_names(ctx)
    for (border, gid), given in sorted(sides.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        first = sorted(given, key=str)[0]

        def result(value, message, border=border, gid=gid):
            return ctx.locator.statement_result(
                shape=SHAPE.BorderWordsNameItsSides, s=border, p=CSTO.borderOf, o=value, graph=gid, message=message
            )

        if border not in borders:
            out.append(result(first, (
                f"csto:borderOf {_c(first)} is written on {_c(border)}, which no curated file types csto:Border: "
                "csto:borderOf names the parties a border (a place) lies between. Fix: that two states border each "
                "other is csto:bordersOn; a border named as a place is a csto:Border in kg/entities.trig"
            )))  # fmt: skip
            continue
        for side in sorted(given, key=str):
            if (side, RDF.type, CSTO.Topic) in ctx.union:
                out.append(result(side, (
                    f"csto:borderOf {_c(side)} is a topic: a border lies between parties (states, organisations). "
                    "Fix: the party whose border it is"
                )))  # fmt: skip
        words = " ".join(_labels(ctx, border))
        passages = " ".join(
            str(x)
            for ev in ctx.union.objects(border, PROV.wasDerivedFrom)
            if (ev, OA.hasSource, None) in ctx.union
            for sel in ctx.union.objects(ev, OA.hasSelector)
            for x in ctx.union.objects(sel, OA.exact)
        )
        for state, names in sorted(states.items(), key=lambda kv: str(kv[0])):
            if state not in given and _says(words, names):
                out.append(result(first, (
                    f'csto:borderOf: the border\'s own words ("{_labels(ctx, border)[0]}") name {_c(state)}, which '
                    f"is not among the sides this file gives ({', '.join(sorted(map(_c, given)))}): a side dropped, "
                    "or written twice. Fix: both sides its words name"
                )))  # fmt: skip
        for side in sorted(given, key=str):
            if side in states and not _says(words, states[side]) and not _says(passages, states[side]):
                out.append(result(side, (
                    f"csto:borderOf {_c(side)}, which neither the border's words "
                    f"({', '.join(repr(x) for x in sorted(_labels(ctx, border)))}) nor its passages name: another "
                    "state's border. Fix: the side its words name"
                )))  # fmt: skip
    return out


# --- weighed options ---------------------------------------------------------------------------------------------

_REJECTS = re.compile(r"\brather than\b|\binstead of\b|\bless\b|\bnot\b|\bno\b|n't\b|\bnever\b", re.I)
_PREFERS = re.compile(r"\bmore\b|\brather\b(?! than)|\bprimarily\b|\bmainly\b|\bbut\b|\bno alternative to\b", re.I)


def _cue(pattern: re.Pattern, text: str) -> str | None:
    found = pattern.search(text)
    return found.group(0) if found else None


def _option_words(ctx: Context) -> list[Result]:
    out = []
    for fact, _, option, gid in ctx.curated_quads_of(CSTO.weighsOption):
        markers = [str(m) for m in ctx.union.objects(option, CSTO.optionMarker)]
        if len(markers) != 1:
            continue  # shape:WeighedOptionComplete
        marker = markers[0]
        prefers = _cue(_PREFERS, marker)
        rejects = _cue(_REJECTS, re.sub(r"\bno alternative to\b", "", marker, flags=re.I))
        named = None
        if rejects and not prefers:
            named, cue, said = CSTO.OptionRejected, rejects, "rejects or plays down"
        elif prefers and not rejects:
            named, cue, said = CSTO.OptionPreferred, prefers, "prefers"
        for verdict in ctx.union.objects(option, CSTO.optionVerdict):
            if named is not None and verdict != named:
                out.append(ctx.locator.statement_result(
                    shape=SHAPE.OptionVerdictInItsWords, s=option, p=CSTO.optionVerdict, o=verdict, graph=gid,
                    message=(
                        f'csto:optionVerdict {_c(verdict)}, but its words "{marker}" say "{cue}", which {said} the '
                        f"option: {_c(named)}. Fix: the verdict its words give (or the words of this option)"
                    ),
                ))  # fmt: skip
        said_words = _said(ctx, gid, option, fact, marker)
        for item in ctx.union.objects(option, CSTO.optionItem):
            if not _named(ctx, item, said_words):
                out.append(ctx.locator.statement_result(
                    shape=SHAPE.OptionWordsNameItsItem, s=option, p=CSTO.optionItem, o=item, graph=gid,
                    message=(
                        f'csto:optionItem {_c(item)} ("{_labels(ctx, item)[0]}") is named neither by its words '
                        f'"{marker}" nor by a passage of {_c(fact)}: the option is another proposition\'s. Fix: '
                        "the item its words name"
                    ),
                ))  # fmt: skip
    return out


# --- any means, means and ends -------------------------------------------------------------------------------------

_ANY = re.compile(r"\b(any|all|every|everything)\b", re.I)
_ANY_MEANS = re.compile(r"\b(any|all) means\b|\beverything in (its|their|his|her|our|my) power\b", re.I)
_GIVES_MEANS = re.compile(r"^(through|by|using|via|including by|thanks to)\b", re.I)
_GIVES_END = re.compile(r"^(as a way of|as a means of|in order to|so as to|to)\b", re.I)


def _means_words(ctx: Context) -> list[Result]:
    out = []
    by_fact: dict[tuple, dict] = {}
    for s, p, o, gid in ctx.curated_quads_of(CSTO.means, CSTO.purpose):
        by_fact.setdefault((s, gid), {}).setdefault(p, []).append(o)
    for (fact, gid), values in sorted(by_fact.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        means, purposes = values.get(CSTO.means, []), values.get(CSTO.purpose, [])
        markers = [str(m) for m in ctx.union.objects(fact, CSTO.meansMarker)]

        def result(shape, p, o, message, fact=fact, gid=gid):
            return ctx.locator.statement_result(shape=shape, s=fact, p=p, o=o, graph=gid, message=message)

        if CSTO.AnyMeans in purposes:
            out.append(result(SHAPE.AnyMeansInItsWords, CSTO.purpose, CSTO.AnyMeans, (
                "csto:purpose csto:AnyMeans: any means is how a thing is done, never what it is done for. Fix: "
                "csto:means csto:AnyMeans with its words"
            )))  # fmt: skip
        if CSTO.AnyMeans in means and markers and not any(_ANY.search(m) for m in markers):
            out.append(result(SHAPE.AnyMeansInItsWords, CSTO.means, CSTO.AnyMeans, (
                f"csto:means csto:AnyMeans, but its words ({', '.join(repr(m) for m in markers)}) say neither "
                "'any', 'all' nor 'everything': they name one means. Fix: the means its words name"
            )))  # fmt: skip
        anys = [m for m in markers if _ANY_MEANS.search(m)]
        if anys and means and CSTO.AnyMeans not in means:
            out.append(result(SHAPE.AnyMeansInItsWords, CSTO.means, sorted(means, key=str)[0], (
                f'csto:means {_c(sorted(means, key=str)[0])}, but its words "{anys[0]}" give no one means: '
                "whatever means there are. Fix: csto:means csto:AnyMeans"
            )))  # fmt: skip
        if len(means) != 1 or len(purposes) != 1 or len(markers) != 1 or CSTO.AnyMeans in means:
            continue
        marker, mean, purpose = markers[0], means[0], purposes[0]
        said = _stems(marker)
        names_means, names_end = _named_by(ctx, mean, said), _named_by(ctx, purpose, said)
        if _GIVES_MEANS.match(marker) and names_end and not names_means:
            out.append(result(SHAPE.MeansNamedByItsMarker, CSTO.purpose, purpose, (
                f'csto:purpose {_c(purpose)} is what its words "{marker}" give as the means ("'
                f'{_GIVES_MEANS.match(marker).group(0)}"), and csto:means {_c(mean)} is not named by them: means and '
                "purpose swapped. Fix: the means its words give as csto:means, the end as csto:purpose"
            )))  # fmt: skip
        elif not _GIVES_MEANS.match(marker) and not _GIVES_END.match(marker) and names_end and not names_means:
            out.append(result(SHAPE.MeansNamedByItsMarker, CSTO.purpose, purpose, (
                f'csto:purpose {_c(purpose)} is what its words "{marker}" name, and csto:means {_c(mean)} is not '
                "named by them: the words give how it is done (csto:meansMarker), so means and purpose swapped. Fix: "
                "the means its words name as csto:means, the end as csto:purpose"
            )))  # fmt: skip
        elif _GIVES_END.match(marker) and names_means and not names_end:
            out.append(result(SHAPE.MeansNamedByItsMarker, CSTO.means, mean, (
                f'csto:means {_c(mean)} is what its words "{marker}" give as the end ("'
                f'{_GIVES_END.match(marker).group(0)}"), and csto:purpose {_c(purpose)} is not named by them: '
                "means and purpose swapped. Fix: the end its words give as csto:purpose, the means as csto:means"
            )))  # fmt: skip
    return out


def _named_by(ctx: Context, value, said: set[str]) -> bool:
    return any(_label_stems(label) & said for label in _labels(ctx, value))


# --- reliance ----------------------------------------------------------------------------------------------------

_NEGATION = re.compile(r"\b(not|no|never|nor|without|neither)\b|n't\b", re.I)
_NOT_ONLY = re.compile(r"\bnot (only|just|merely)\b", re.I)
_RELIED_ON = re.compile(r"\b(on|upon|from)\b", re.I)


def _reliance_words(ctx: Context) -> list[Result]:
    out = []
    for fact, _, node, gid in ctx.curated_quads_of(CSTO.reliance):
        markers = [str(m) for m in ctx.union.objects(node, CSTO.relianceMarker)]
        if len(markers) != 1:
            continue  # shape:RelianceComplete
        marker = markers[0]

        def result(p, o, message, node=node, gid=gid):
            return ctx.locator.statement_result(
                shape=SHAPE.RelianceWordsNameIt, s=node, p=p, o=o, graph=gid, message=message
            )

        negated = bool(_NEGATION.search(_NOT_ONLY.sub("", marker)))
        for status in ctx.union.objects(node, CSTO.relianceStatus):
            if status == CSTO.RelianceDenied and not negated:
                out.append(result(CSTO.relianceStatus, status, (
                    f'csto:relianceStatus csto:RelianceDenied, but its words "{marker}" deny nothing (no "not", '
                    '"no", "never", "without"): they affirm the reliance. Fix: csto:RelianceAffirmed'
                )))  # fmt: skip
            elif status == CSTO.RelianceAffirmed and negated:
                out.append(result(CSTO.relianceStatus, status, (
                    f'csto:relianceStatus csto:RelianceAffirmed, but its words "{marker}" deny it ("'
                    f'{_NEGATION.search(_NOT_ONLY.sub("", marker)).group(0)}"). Fix: csto:RelianceDenied'
                )))  # fmt: skip
        parties = {p: next(iter(ctx.union.objects(node, p)), None) for p in (CSTO.reliantParty, CSTO.reliedOn)}
        found = _RELIED_ON.search(marker)
        reliant, relied = parties[CSTO.reliantParty], parties[CSTO.reliedOn]
        if found and reliant is not None and relied is not None:
            after = _stems(marker[found.end() :]) | {w for w in _words(marker[found.end() :])}
            if _named_by(ctx, reliant, after) and not _named_by(ctx, relied, after):
                out.append(result(CSTO.reliantParty, reliant, (
                    f'csto:reliantParty {_c(reliant)} is the party its words "{marker}" name after "{found.group(0)}", '
                    f"the one relied on, and csto:reliedOn {_c(relied)} is not named there: the parties swapped. "
                    "Fix: who relies as csto:reliantParty, whom it relies on as csto:reliedOn"
                )))  # fmt: skip
        said = _said(ctx, gid, node, fact, marker)
        for p in (CSTO.reliantParty, CSTO.reliedOn, CSTO.reliedFor):
            for value in ctx.union.objects(node, p):
                if not _named(ctx, value, said):
                    out.append(result(p, value, (
                        f'{_c(p)} {_c(value)} ("{_labels(ctx, value)[0]}") is named neither by its words "{marker}" '
                        f"nor by a passage of {_c(fact)}. Fix: the party or aim its words name"
                    )))  # fmt: skip
    return out


# --- self-criticism and denials --------------------------------------------------------------------------------

_FIRST_PERSON = re.compile(r"\b(we|us|our|ours|ourselves|i|me|my|myself)\b", re.I)
_DENIES = re.compile(
    r"\b(not|no|never|nor|none|neither|without|few|contrary|false|untrue|lies?|doubts?|suspect)\b|n't\b"
    r"|\b(reject|den(y|ies|ied)|refus|dismiss|unconvinc|hypocrit|implausib|baseless|groundless)\w*",
    re.I,
)


def _self_criticism_and_denial_words(ctx: Context) -> list[Result]:
    out = []
    for fact, p, marker, gid in ctx.curated_quads_of(CSTO.selfCriticismMarker, CSTO.denialMarker):
        text = str(marker)
        if p == CSTO.selfCriticismMarker and not _FIRST_PERSON.search(text):
            if (fact, CSTO.position, CSTO.Criticism) not in ctx.union:
                continue  # shape:SelfCriticismOfOwnSide: no criticism at all
            out.append(ctx.locator.statement_result(
                shape=SHAPE.SelfCriticismWords, s=fact, p=p, o=marker, graph=gid,
                message=(
                    f'csto:selfCriticismMarker "{text}" has no word in the first person ("we", "our", "us", "I"): a '
                    "self-criticism is a speaker counting itself among those criticised, which its words say. Fix: "
                    "the words that say so, verbatim, or no self-criticism marker"
                ),
            ))  # fmt: skip
        elif p == CSTO.denialMarker and not _DENIES.search(text):
            out.append(ctx.locator.statement_result(
                shape=SHAPE.DenialWordsDeny, s=fact, p=p, o=marker, graph=gid,
                message=(
                    f'csto:denialMarker "{text}" holds no word that denies (a negation, "few", "contrary", '
                    '"rejects", "unconvincing" ...): the words of what is denied, not of its denial. Fix: the words '
                    "that deny it, verbatim"
                ),
            ))  # fmt: skip
    return out


# --- references to another seed's facts ------------------------------------------------------------------------


def _own_seed_structures(ctx: Context) -> list[Result]:
    """A proposition a file weighs options of, or gives a reliance, is one that file describes (with its evidence
    there); what a file's proposition denies, if a proposition (a stance, a claim), is one that file describes: a
    proposition of another seed it contradicts is csto:disagreesWith. (A membership or an event the seed denies may
    be described by another seed's file.)"""
    out = []
    derived = {(s, gid) for s, _, _, gid in ctx.curated_quads_of(PROV.wasDerivedFrom)}
    for s, p, o, gid in ctx.curated_quads_of(CSTO.weighsOption, CSTO.reliance, CSTO.denies):
        node = o if p == CSTO.denies else s
        if p == CSTO.denies and (
            (o, RDF.type, CSTO.Proposition) not in ctx.union or gid in ctx.subject_graphs.get(o, ())
        ):
            continue
        if p != CSTO.denies and (s, gid) in derived:
            continue
        what = "the proposition it denies" if p == CSTO.denies else "the proposition"
        out.append(ctx.locator.statement_result(
            shape=SHAPE.ReferenceInItsOwnSeed, s=s, p=p, o=o, graph=gid,
            message=(
                f"{_c(p)}: {what}, {_c(node)}, is a proposition which this file does not describe: the words are "
                "this seed's, so the proposition is one this seed states (with its passage here); another seed's "
                "proposition contradicted is csto:disagreesWith. Fix: the proposition of this file, or write it in "
                "the file of the seed that states it"
            ),
        ))  # fmt: skip
    return out


RULES = [
    Rule(
        SHAPE.BorderWordsNameItsSides,
        "a border's sides are the ones its words name",
        "csto:borderOf is written on a csto:Border and names parties, not topics; every state a border's own words "
        "(its labels) name is among the sides each file that gives its sides gives, and every state given as a side "
        "is named by the border's words or its passages.",
        _border_words,
    ),
    Rule(
        SHAPE.OptionVerdictInItsWords,
        "an option's verdict is the one its words give",
        "A csto:WeighedOption's csto:optionVerdict is not contradicted by its csto:optionMarker: words that only "
        "reject ('rather than', 'instead of', 'less', 'not', 'no') mark csto:OptionRejected, words that only prefer "
        "('more', 'rather ...', 'primarily', 'but', 'no alternative to') csto:OptionPreferred.",
        _option_words,
    ),
    Rule(
        SHAPE.OptionWordsNameItsItem,
        "an option's item is named by its words",
        "A csto:WeighedOption's csto:optionItem is named, by a content word of one of its labels, in its marker, a "
        "passage of the proposition weighing it, or a curator's note that explains it.",
        lambda ctx: [],  # reported by _option_words, which reads each option once
    ),
    Rule(
        SHAPE.AnyMeansInItsWords,
        "any means is given by words that say so",
        "csto:AnyMeans is a csto:means (never a csto:purpose) whose words say 'any', 'all' or 'everything'; words "
        "that say 'any means', 'all means' or 'everything in its power' give csto:AnyMeans, not one named means.",
        lambda ctx: [],  # reported by _means_words
    ),
    Rule(
        SHAPE.MeansNamedByItsMarker,
        "the means is what its words give as the means",
        "Where a fact has one csto:means, one csto:purpose and one csto:meansMarker, words that give a means "
        "('through', 'by', 'using') name the means and not only the purpose, and words that give an end ('as a way "
        "of', 'in order to', 'to') name the purpose and not only the means: otherwise the two are swapped; words "
        "with neither ('snubbing Russia is an easy way') that name the purpose and not the means mark them swapped "
        "too.",
        _means_words,
    ),
    Rule(
        SHAPE.RelianceWordsNameIt,
        "a reliance's status and parties are the ones its words give",
        "A csto:Reliance is csto:RelianceDenied exactly where its csto:relianceMarker negates ('not', 'no', "
        "'never', 'without'; 'not only' does not); the party its words name after 'on' or 'from' is the one relied "
        "on; its parties and what for are named by its words, a passage of its proposition or an explaining note (a "
        "state, person or international organisation by all the words of a name, or one no other of them has).",
        _reliance_words,
    ),
    Rule(
        SHAPE.SelfCriticismWords,
        "a self-criticism's words are in the first person",
        "A csto:selfCriticismMarker has a word in the first person ('we', 'our', 'us', 'I'): the speaker counts "
        "itself among those criticised.",
        _self_criticism_and_denial_words,
    ),
    Rule(
        SHAPE.DenialWordsDeny,
        "a denial's words deny",
        "A csto:denialMarker holds a word that denies: a negation ('not', 'no', 'never', 'without', 'few'), or a "
        "word of rejection or disbelief ('contrary', 'rejects', 'unconvincing', 'hypocritically', 'suspect').",
        lambda ctx: [],  # reported by _self_criticism_and_denial_words
    ),
]

OWN_SEED = _own_seed_structures

__all__ = ["RULES", "OWN_SEED"]
