"""Curator slips of round 16: the round-17 structures read against their words and their seed, and literal forms.

- ``shape:ChangeWordsNameIt``: a ``csto:Change`` node's way is not one its marker words name another way by
  ("reducing the level of tension" is no csto:Increase; "would return" no csto:Increase), and its changed item
  is named by its marker, by a passage of its fact or by a curator's note on the node that explains it (quoting
  the seed or naming the passage), by a word of one of the item's labels; its words name a direction (round 18).
- ``shape:RelativeTimeWordsNameIt``: a ``csto:RelativeTime``'s relation, distance and unit are not contradicted by
  its marker words ("a few weeks ago" is before its anchor, in weeks; "has previously criticized" gives no
  distance).
- ``shape:ReferenceInItsOwnSeed``: what a seed's file places a fact against (``csto:timeAnchor``) is that seed's
  own source document or a fact that file describes; the event a proposition places (``csto:locatesEvent``) is
  one that file describes, or a topic; and any other link of a seed's file to a fact (a cause, a response, the
  meeting a stance was expressed in) is to one that file describes, ``csto:disagreesWith`` and ``csto:denies``
  aside, which reach another seed's facts by definition; an entity standing for what one seed alone speaks of (its
  IRI bears the seed's number as a part: "the unnamed author of seed 004") is a value in that seed's file only.
- ``shape:FactTypedInItsFile``: a fact node a seed's file says anything about is typed in that file.
- ``shape:PassageSpeaksOfItsNode``: each passage a node is derived from in a seed's file shares a content word
  with what the node says there: its literals (label, comment, words, notes, date basis ...), the names of its
  classes, of the nodes it links to and of the properties it uses. A passage sharing none was cited for another
  node. A date estimate (a publication date) is not read: its clues imply its date together.
- ``shape:NoteStatesWhatTheGraphHolds``: a statement a curator's note writes out in Turtle (":belarus
  csto:bordersOn :nato") is in the graph, and in the note's file where the note says so; a note heading its account
  of its node's value with the property ("Accused (csto:accusedParty): ...") or naming a link by the property alone
  ("(csto:context)", "is csto:refersToDate") has that value or link on its node; a node, term or passage a note
  names (":pubdate-001", "ev:004-page-head") exists.
- ``shape:LinkSaidByItsFact``: what a fact links as why it happened or was said (a cause, purpose, means, a cause
  it denies), where it stands in a course of events (its context, the meeting it was expressed or produced at, what
  it follows, precedes or answers), whom it came through (a channel, a report) and how much it gives (its
  quantities) is one it speaks of: a content word of the value's names is in what the fact says in its file. A
  value swapped with another fact's of the same file, which shape:TopicSaidByItsFact passes since another node
  links it, is mostly one its new fact never names.
- ``shape:LiteralForm``: a value of a property whose range is a datatype (verbatim words, a hash, a quote, an
  identifier, a number) carries no language tag (where no shape's sh:datatype check already reports it; text
  without its tag is shape:ProseIsTaggedText's).

Each reads the validated union through the rules' views (:class:`csto_kg.indexed_graph.UnionView`) and the curated
quads once: linear in the graph.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...namespaces import (
    CSTO,
    DCTERMS,
    ENTITIES_GRAPH,
    EV,
    ID,
    OA,
    ONTOLOGY_GRAPH,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SHAPE,
    SKOS,
    SRC,
    TIME,
    curie,
)
from ..report import Result
from . import Context, Rule
from .naming import _note_quotes
from .stems import stems as _stems
from .stems import words as _words

_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


def _label_stems(label: str) -> set[str]:
    """A label's content words by their stems, and the acronym of a name of several words ("Collective Security
    Treaty Organization": "csto"); a name of generic words only ("CSTO") by its own words."""
    words = _words(label)
    acronym = {"".join(w[0] for w in words)} if len(words) >= 3 else set()
    return (_stems(label) or {w[:5] for w in words}) | acronym


def _c(node: Node) -> str:
    return curie(str(node)) or f"<{node}>"


def _labels(ctx: Context, node: Node) -> list[str]:
    return [str(o) for p in _LABELS for o in ctx.union.objects(node, p)]


def _named_by_a_note(ctx: Context, value: Node, notes: list[str]) -> bool:
    """A curator's note names a controlled value by one of its labels, as a word ("read as a forecast
    (csto:Prediction)"; "stands in for the seed's account of this non-attendance"): the curator says which reading
    the words are given, where the words alone do not."""
    text = " ".join(notes)
    return any(re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text, re.I) for label in _labels(ctx, value))


def _one(ctx: Context, node: Node, prop: URIRef) -> Node | None:
    return next(iter(ctx.union.objects(node, prop)), None)


def _names(marker_stems: set[str], label: str) -> bool:
    """Whether words of ``label`` (by their stems) are among the marker's: all of a label's content words."""
    stems = _stems(label)
    return bool(stems) and stems <= marker_stems


def _named_values(ctx: Context, values, marker: str) -> dict[Node, str]:
    """The values among ``values`` whose label (preferred or alternative) the marker words name, with that label."""
    marker_stems = _stems(marker)
    out = {}
    for value in values:
        for label in _labels(ctx, value):
            if _names(marker_stems, label):
                out[value] = label
                break
    return out


def _passages(ctx: Context, fact: Node) -> list[str]:
    return [text for ev in ctx.union.objects(fact, PROV.wasDerivedFrom) for text in _passages_of(ctx, ev)]


def _passages_of(ctx: Context, evidence: Node) -> list[str]:
    return [
        str(exact) for sel in ctx.union.objects(evidence, OA.hasSelector) for exact in ctx.union.objects(sel, OA.exact)
    ]


def _value_against_words(ctx: Context, node, prop, value, marker, scheme, gid, shape, what) -> Result | None:
    """A result where ``marker`` names another value of ``scheme`` (by a label) and none of ``value``'s."""
    named = _named_values(ctx, scheme, marker)
    if not named or value in named:
        return None
    other, label = sorted(named.items(), key=lambda kv: str(kv[0]))[0]
    return ctx.locator.statement_result(
        shape=shape,
        s=node,
        p=prop,
        o=value,
        graph=gid,
        message=(
            f'{_c(prop)} {_c(value)}, but its words "{marker}" say "{label}", {_c(other)}: {what}. Fix: the value '
            "its words give (or the words, verbatim, that give this value)"
        ),
    )


# the words that say which way a thing went, as stems (agreement.py: a direction its passages word only the other
# way is a slip)
DIRECTION_WORDS = {
    CSTO.Increase: r"(?<!\w)(?:increas|grow|grew|rise|rising|rose|deepen|deeper|aggravat|strength|intensif|expan|step(?:s|ped|ping)? "
    r"up|escalat|more and more|greater|higher|boost|enhanc|mounting|build(?:s|ing)? up|shift(?:s|ed|ing)? (?:to|towards))",
    CSTO.Decrease: r"(?<!\w)(?:decreas|reduc|fell|fall|declin|settl|weaken|shrink|shrank|diminish|lower|less|eas(?:e|ed|ing)"
    r"(?!\w)|subsid|calm|shift(?:s|ed|ing)? away)",
}

# words that name which way a change goes (a csto:Transformation is named by "into", "became": _result_words): an
# ending's or a return's, and every rise's or fall's that agreement.py's direction check reads ("deeper", "shift to")
_DIRECTION = re.compile(
    r"increas|\bgr[eo]w|expan|strength|intensif|aggravat|deepen|\brais|\bris(e|es|ing)\b|\bmore\b|higher|decreas"
    r"|reduc|\bf[ae]ll|lower|\bless\b|weaken|declin|settl|\bend(s|ed|ing)?\b|\bpast\b|resol[uv]|\bover\b"
    r"|return|\bback\b|again|revers|restor|reviv|" + "|".join(DIRECTION_WORDS.values()),
    re.I,
)


def _change_words(ctx: Context) -> list[Result]:
    out = []
    ways = sorted(ctx.union.subjects(RDF.type, CSTO.ChangeDirection), key=str)
    for fact, p, node, gid in ctx.curated_quads():
        if p != CSTO.change:
            continue
        marker, way, item = (_one(ctx, node, q) for q in (CSTO.changeMarker, CSTO.changeWay, CSTO.changedItem))
        if marker is None:
            continue  # shape:ChangeNodeComplete
        if (
            way is not None
            and way != CSTO.Transformation
            and not _DIRECTION.search(str(marker))
            and item is not None
            and any(_label_stems(label) & _stems(str(marker)) for label in _labels(ctx, item))
        ):  # the words of what changed (its item) and not of how: the direction cut off
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.ChangeWordsNameIt,
                    s=node,
                    p=CSTO.changeMarker,
                    o=marker,
                    graph=gid,
                    message=(
                        f'csto:changeMarker "{marker}" has words that name no direction ("increase", "growing", '
                        f'"strengthen", "reducing", "end", "return" ...), so nothing says the change is {_c(way)}: the '
                        "words of what changed, not of how. Fix: the words, verbatim, that say which way it went"
                    ),
                )
            )
        elif way is not None:
            found = _value_against_words(
                ctx, node, CSTO.changeWay, way, str(marker), ways, gid, SHAPE.ChangeWordsNameIt,
                "the change goes the way its words say",
            )  # fmt: skip
            if found:
                out.append(found)
        result = _one(ctx, node, CSTO.changeResult)
        if result is not None:
            out.extend(_result_words(ctx, fact, node, gid, str(marker), item, result))
        if item is None or not _labels(ctx, item):
            continue
        # a curator's note on the node that says where its item comes from (quoting the seed, or naming the
        # passage) may name an item the marker gives as a pronoun ("It became an organisation": the treaty the
        # sentence before names); a bare note names nothing (rules/naming.py's _note_quotes)
        notes = _note_quotes(ctx, gid, ctx.union.objects(node, CSTO.curatorNote), {})
        said = {w[:5] for w in _words(" ".join([str(marker), *_passages(ctx, fact), *notes]))}
        if any(_label_stems(label) & said for label in _labels(ctx, item)):
            continue
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.ChangeWordsNameIt,
                s=node,
                p=CSTO.changedItem,
                o=item,
                graph=gid,
                message=(
                    f'csto:changedItem {_c(item)} ("{_labels(ctx, item)[0]}") is named neither by its words '
                    f'"{marker}" nor by a passage of {_c(fact)}: the change is another thing\'s. Fix: the item its '
                    "words name"
                ),
            )
        )
    return out


_INTO = re.compile(r"\binto\b", re.I)


def _result_words(ctx: Context, fact, node, gid, marker: str, item, result) -> list[Result]:
    """A transformation's result is named by its words, a passage of its fact or an explaining note; and where its
    words say "X into Y", the item is not the one named only after "into" while the result is named before it."""
    notes = _note_quotes(ctx, gid, ctx.union.objects(node, CSTO.curatorNote), {})
    said = {w[:5] for w in _words(" ".join([marker, *_passages(ctx, fact), *notes]))}

    def named(value, stems) -> bool:
        return any(_label_stems(label) & stems for label in _labels(ctx, value))

    def found(message):
        return ctx.locator.statement_result(
            shape=SHAPE.ChangeWordsNameIt, s=node, p=CSTO.changeResult, o=result, graph=gid, message=message
        )

    if _labels(ctx, result) and not named(result, said):
        return [found(
            f'csto:changeResult {_c(result)} ("{_labels(ctx, result)[0]}") is named neither by its words "{marker}" '
            f"nor by a passage of {_c(fact)}: what the thing becomes is another change's. Fix: the result its words name"
        )]  # fmt: skip
    into = _INTO.search(marker)
    if into is None or item is None:
        return []
    before = {w[:5] for w in _words(marker[: into.start()])}
    after = {w[:5] for w in _words(marker[into.end() :])}
    if named(item, after) and not named(item, before) and named(result, before):
        return [found(
            f'csto:changeResult {_c(result)} is named before "into" in its words "{marker}", and csto:changedItem '
            f'{_c(item)} after "into": what changes and what it becomes swapped. Fix: the item before "into" as '
            "csto:changedItem, what it turns into as csto:changeResult"
        )]  # fmt: skip
    return []


# the unit a relative time's words name, by its word ("a few weeks ago": time:unitWeek)
_UNIT_WORDS = {TIME.unitDay: "day", TIME.unitWeek: "week", TIME.unitMonth: "month", TIME.unitYear: "year"}


def _relative_time_words(ctx: Context) -> list[Result]:
    out = []
    relations = sorted(ctx.union.subjects(RDF.type, CSTO.TimeRelation), key=str)
    for _fact, p, node, gid in ctx.curated_quads():
        if p != CSTO.relativeTime:
            continue
        marker = _one(ctx, node, CSTO.timeMarker)
        if marker is None:
            continue  # shape:RelativeTimeAgreesWithDates
        marker = str(marker)
        for relation in ctx.union.objects(node, CSTO.timeRelation):
            found = _value_against_words(
                ctx, node, CSTO.timeRelation, relation, marker, relations, gid, SHAPE.RelativeTimeWordsNameIt,
                "the fact lies on the side of its anchor its words say",
            )  # fmt: skip
            if found:
                out.append(found)
        for distance in ctx.union.objects(node, CSTO.timeDistance):
            if _named_values(ctx, [distance], marker):
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.RelativeTimeWordsNameIt,
                    s=node,
                    p=CSTO.timeDistance,
                    o=distance,
                    graph=gid,
                    message=(
                        f'csto:timeDistance {_c(distance)}, but its words "{marker}" name no such distance (none of '
                        f"{', '.join(sorted(repr(x) for x in _labels(ctx, distance)))}): a distance is recorded only "
                        "where the words give one. Fix: remove it, or the words that give it"
                    ),
                )
            )
        words = set(_words(marker))
        for unit in ctx.union.objects(node, CSTO.spanUnit):
            said = sorted(w for u, w in _UNIT_WORDS.items() if {w, w + "s"} & words)
            if not said or _UNIT_WORDS.get(unit) in said:
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.RelativeTimeWordsNameIt,
                    s=node,
                    p=CSTO.spanUnit,
                    o=unit,
                    graph=gid,
                    message=(
                        f'csto:spanUnit {_c(unit)}, but its words "{marker}" count in {said[0]}s. Fix: the unit its '
                        "words name"
                    ),
                )
            )
    return out


def _own_seed(ctx: Context) -> list[Result]:
    out = []
    facts_of: dict[Node, bool] = {}

    def is_fact(node: Node) -> bool:
        if node not in facts_of:
            facts_of[node] = (node, RDF.type, CSTO.Fact) in ctx.union
        return facts_of[node]

    for s, p, o, gid in ctx.curated_quads():
        if p not in (CSTO.timeAnchor, CSTO.locatesEvent):
            continue
        problem = None
        if p == CSTO.timeAnchor and (o, RDF.type, CSTO.SourceDocument) in ctx.union:
            own = SRC[str(gid).rsplit("/", 1)[-1]]
            if o != own:
                problem = (
                    f"is a source document, but not the source of this file ({_c(own)}): a seed's vague time "
                    "('recently', 'a few weeks ago') is relative to its own publication. Fix: its own source"
                )
        elif p == CSTO.locatesEvent and (o, RDF.type, CSTO.Topic) in ctx.union:
            continue
        elif p == CSTO.timeAnchor and not is_fact(o):
            problem = (
                "is neither a source document nor a fact: a relative time is placed against a seed's publication "
                "or another fact, which has a time. Fix: the source document or the fact its words are relative to"
            )
        elif gid not in ctx.subject_graphs.get(o, ()):
            problem = (
                "is a fact which this file does not describe: the words are this seed's, so what they refer to is "
                "a fact this seed states (with its passage here), not one only another seed's file describes. Fix: "
                "the fact of this file, or describe it here with this seed's passage"
            )
        if problem:
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.ReferenceInItsOwnSeed, s=s, p=p, o=o, graph=gid, message=f"{_c(p)} {_c(o)} {problem}"
                )
            )
    return out


def _state_names(ctx: Context) -> dict[Node, list[str]]:
    """Each csto:State with its labels (preferred, alternative, hidden: a seed's spelling or demonym)."""
    if "states" not in ctx.memo:
        ctx.memo["states"] = {st: _labels(ctx, st) for st in ctx.union.subjects(RDF.type, CSTO.State)}
    return ctx.memo["states"]


def _says(text: str, names: list[str]) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text) for n in names if n)


def _place_outside(ctx: Context) -> list[Result]:
    """A place a proposition places an event within (csto:locatesWithin) lies in the state its passage names: a
    place the graph has in one state (csto:locatedIn, csto:capitalOf, csto:standsFor) where the passage names
    another state, and neither the place nor its state, is a place outside the state the words give."""
    out = []
    for s, p, place, gid in ctx.curated_quads():
        if p != CSTO.locatesWithin or (place, RDF.type, CSTO.Place) not in ctx.union:
            continue
        lies_in = {
            st
            for q in (CSTO.locatedIn, CSTO.capitalOf, CSTO.standsFor)
            for st in ctx.union.objects(place, q)
            if st in _state_names(ctx)
        }
        text = " ".join(_passages(ctx, s))
        if not lies_in or _says(text, _labels(ctx, place)):
            continue
        named = sorted((st for st, names in _state_names(ctx).items() if _says(text, names)), key=str)
        if not named or lies_in & set(named):
            continue
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.ReferenceInItsOwnSeed,
                s=s,
                p=p,
                o=place,
                graph=gid,
                message=(
                    f"csto:locatesWithin {_c(place)}, a place in {', '.join(sorted(map(_c, lies_in)))}, but the "
                    f"passage places the event in {', '.join(map(_c, named))} and names neither {_c(place)} nor its "
                    "state: a place outside the state the words give. Fix: the state or place the passage names"
                ),
            )
        )
    return out


# plain values of vocabularies the ontology does not declare: a quote and its context, a file's name
_PLAIN = frozenset((OA.exact, OA.prefix, OA.suffix, OA.start, OA.end, DCTERMS.identifier))
# ranges that take a language tag
_TEXT_RANGES = frozenset((RDF.langString, RDFS.Literal, RDF.PlainLiteral))
# prose properties the curated files write either way (a basis is explained in English, tagged or not)
_PROSE = frozenset((CSTO.dateBasis,))


def _literal_form(ctx: Context) -> list[Result]:
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    typed: dict[Node, Node] = {}
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        rng = next(iter(onto.objects(prop, RDFS.range)), None)
        if rng is not None and rng not in _TEXT_RANGES and prop not in _PROSE:
            typed[prop] = rng
    out = []
    quads = [*ctx.curated_quads(), *((s, p, o, ONTOLOGY_GRAPH) for s, p, o in onto)]
    reported = {(r.focus, r.path) for r in ctx.shacl_results if r.severity == SH.Violation}
    for s, p, o, gid in quads:
        if not isinstance(o, Literal) or (s, p) in reported:  # a shape's datatype check already names it
            continue
        if o.language and (p in typed or p in _PLAIN):
            takes = f"its range is {_c(typed[p])}" if p in typed else "it is the source's own characters"
            message = (
                f'{_c(p)} "{o}"@{o.language} has a language tag where a plain value is expected ({takes}): a tagged '
                f"string is another RDF term (rdf:langString), which no query for the value, no datatype check and "
                f"no comparison with the passage matches. Fix: write it without the tag"
            )
        else:
            continue
        out.append(ctx.locator.statement_result(shape=SHAPE.LiteralForm, s=s, p=p, o=o, graph=gid, message=message))
    return out


# A block of statements about a node restates the provenance of what it adds (a later block of a seed's file writes
# "prov:wasDerivedFrom ev:x" again for the node): the one statement a file writes more than once on purpose.
_RESTATED = frozenset((PROV.wasDerivedFrom,))


def _written_once(ctx: Context) -> list[Result]:
    out = []
    for gid, triples in sorted(ctx.data.repeated.items(), key=lambda kv: str(kv[0])):
        for s, p, o in triples:
            if p in _RESTATED:
                continue
            message = (
                f"its {_c(p)} {_c(o) if not isinstance(o, Literal) else repr(str(o))} is written more than once in "
                "this file: RDF keeps one copy, so the repeat says nothing, and where it stands in a list of values "
                "(':armenia, :russia' typed over as ':armenia, :armenia') the value it replaced is lost. Fix: the "
                "value the repeat replaced, or drop the repeat (a node's block written again: keep one)"
            )
            out.append(ctx.locator.statement_result(shape=SHAPE.WrittenOnceInItsFile, s=s, p=p, o=o, graph=gid,
                                                    message=message, last=True))  # fmt: skip
    return out


# A label summarises what its node says (house rule: a label never carries the only copy of a fact), so its words
# are mostly the node's own. Of the 590 labelled nodes with passages in the seeds' files, none shares less than half
# of its label's content words with what the node says in its file; of labels swapped at random between two such
# nodes of one file, 86% share less than a quarter with their new node's, 94% less than a third; a quarter leaves
# room for a curator's own wording ("Georgia accedes to the CSTO (first record)" for "joined") (measured 2026-12-06).
# A comment, the curator's note on the node, speaks of it the same way: of the 285 comments of the seeds' files, 2
# shared less than a quarter (both reworded to name what their node says); of 120 random swaps of two comments of
# one file, 109 leave one of the two sharing less (the rest swap notes on one subject: Belarus's plans, say).
_SHARE = 1 / 4


def _summarises(prop: URIRef, share: float):
    """The check that a node's English ``prop`` (its label, its comment) in a seed's file shares at least ``share`` of
    its content words with what the node says there besides."""
    noun = {RDFS.label: "label", RDFS.comment: "comment"}[prop]

    def check(ctx: Context) -> list[Result]:
        return _not_summarising(ctx, prop, noun, share)

    return check


def _not_summarising(ctx: Context, prop: URIRef, noun: str, share: float) -> list[Result]:
    texts = {
        (s, gid): text
        for s, _, text, gid in ctx.curated_quads_of(prop)
        if gid != ENTITIES_GRAPH and isinstance(s, URIRef) and text.language in (None, "en") and _stems(str(text))
    }
    said: dict[tuple, list] = {}
    for s, p, o, gid in ctx.curated_quads():
        if p != prop and (s, gid) in texts:
            said.setdefault((s, gid), []).append((p, o))
    known: dict[Node, set[str]] = {}  # a linked node's names or an evidence node's passages, by their stems
    seeds = {gid: _stems(f"seed {ctx.data.files[gid].stem[:3]}") for gid in ctx.curated}  # "(seed 002)" is true

    def stems_of(p: Node, o: Node) -> set[str]:
        if isinstance(o, Literal):
            return _stems(str(o))
        if o not in known:
            if p == PROV.wasDerivedFrom:
                text = _passages_of(ctx, o)
            else:
                text = _labels(ctx, o) + [str(o).rsplit("/", 1)[-1].replace("-", " ")] if isinstance(o, URIRef) else []
            known[o] = _stems(" ".join(text))
        return known[o]

    out = []
    for (s, gid), text in texts.items():
        statements = said.get((s, gid), ())
        if not any(p == PROV.wasDerivedFrom and stems_of(p, o) for p, o in statements):
            continue  # no passage here (a part of a fact; a fact without one is another rule's)
        want = _stems(str(text))
        found = want & seeds[gid]
        for p, o in statements:
            found |= want & stems_of(p, o)
            if len(found) >= share * len(want):
                break
        else:
            message = (
                f'its {_c(prop)} "{text}" shares {len(found)} of its {len(want)} words with what the node says in '
                f"this file (its passages, its other text, the names of the nodes it links to, its seed): a {noun} "
                f"speaks of its own node, so this one was written for another (two {noun}s swapped, a block copied "
                f"and its {noun} kept). Fix: a {noun} saying what this node's statements say"
            )
            out.append(ctx.locator.statement_result(shape=_SUMMARY_SHAPES[prop], s=s, p=prop, o=text, graph=gid,
                                                    message=message, severity=SH.Warning))  # fmt: skip
    return out


_SUMMARY_SHAPES = {RDFS.label: SHAPE.LabelSummarisesItsNode, RDFS.comment: SHAPE.CommentSpeaksOfItsNode}


def _passages_off_their_node(ctx: Context) -> list[Result]:
    """A passage a node is derived from in a seed's file that shares no content word (by its first four letters:
    "heads" is "head of state") with what the node says there: its literal values, the names of its classes, of the
    nodes it links to (their labels and IRIs) and of the properties it uses ("speaks language" for "He speaks
    fluently Russian"). A date estimate is not read: its clues imply its date together. A curator's note quoting
    the passage says why it is cited (the shape fixtures' stand-in passages do so).
    Of the 739 passages the curated nodes cite (date estimates aside), none shares no word; of 653 passages of
    another node of the same file put in their place, 255 (measured 2026-12-07)."""
    said: dict[tuple, list] = {}
    for s, p, o, gid in ctx.curated_quads():
        if gid != ENTITIES_GRAPH and isinstance(s, URIRef):
            said.setdefault((s, gid), []).append((p, o))
    names: dict[Node, set[str]] = {}

    def named(o: Node) -> set[str]:  # the stems of a node's names (its labels and IRI), read once per node
        if o not in names:
            local = str(o).rsplit("/", 1)[-1].rsplit("#", 1)[-1].replace("-", " ")
            names[o] = _stems(" ".join([*_labels(ctx, o), local]), 4)
        return names[o]

    passages: dict[Node, set[str]] = {}
    out = []
    for (s, gid), statements in sorted(said.items(), key=lambda kv: (str(kv[0][1]), str(kv[0][0]))):
        evidence = sorted({o for p, o in statements if p == PROV.wasDerivedFrom}, key=str)
        if not evidence or (s, RDF.type, CSTO.DateEstimate) in ctx.union:
            continue  # a date estimate rests on its clues together, each read for what it implies
        # the names first (its own, its classes', its properties' and values'): most passages share one of them; the
        # literals (labels, comments, notes: long, and each its own) are read only for a passage that does not
        node = set(named(s))
        literals = []
        for p, o in statements:
            if p == RDF.type:
                node |= named(o)  # "a refusal"
            elif p != PROV.wasDerivedFrom:
                node |= named(p)
                if isinstance(o, URIRef):
                    node |= named(o)
                else:
                    literals.append(str(o))
        for ev in evidence:
            if ev not in passages:
                passages[ev] = _stems(" ".join(_passages_of(ctx, ev)), 4)
            if not passages[ev] or passages[ev] & node:
                continue  # no quote (another rule's), or it speaks of the node
            if literals:
                node |= _stems(" ".join(literals), 4)
                literals = []
                if passages[ev] & node:
                    continue
            quote = " ".join(_passages_of(ctx, ev))
            out.append(ctx.locator.statement_result(shape=SHAPE.PassageSpeaksOfItsNode, s=s, p=PROV.wasDerivedFrom,
                o=ev, graph=gid,
                message=f"its passage {_c(ev)} (\"{quote[:120]}{'…' if len(quote) > 120 else ''}\") shares no word with "
                "what the node says in this file (its label, comment, words and notes, the names of the nodes it links "
                "to and of its properties): a passage cited for another node (an evidence node typed over with "
                "another). Fix: the passage that states this node's values"))  # fmt: skip
    return out


# what a fact says in its file, read for the words of a topic it links
_SAYS = (RDFS.label, RDFS.comment, CSTO.words, CSTO.curatorNote)


def _topic_said(ctx: Context) -> list[Result]:
    """A topic a fact links in a seed's file (csto:about, csto:cause, csto:purpose ...) is one the fact speaks of:
    a content word of the topic's names is in what the fact says there (its passages, label, comment, words, notes),
    or another node of that file links the topic too. A topic's name is the curator's summary ("the CSTO's
    effectiveness" for "a paper tiger"), so the words alone do not decide; but a topic typed over with another one
    (from anywhere in kg/entities.trig) is mostly one its fact never speaks of and nothing else in the file links.
    Of the 435 topic links of the seeds' files from a fact with a passage there, none is both (a topic whose names
    are all generic words, "CSTO member states", is not read); of 399 random topic swaps, 267 are (measured
    2026-12-06)."""
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    topics = {t for t, _ in ctx.pairs(ENTITIES_GRAPH, RDF.type) if (t, RDF.type, CSTO.Topic) in ent}
    names = {t: _stems(" ".join(_labels(ctx, t))) for t in topics}
    out = []
    for gid in sorted(ctx.curated, key=str):
        if gid == ENTITIES_GRAPH:
            continue
        g = ctx.data.dataset.graph(gid)
        links = [(s, p, o) for s, p, o in g if o in topics and names[o] and p != RDF.type]
        linking: dict[Node, set[Node]] = {}
        for s, _, o in links:
            linking.setdefault(o, set()).add(s)
        said: dict[Node, set[str]] = {}
        for s, p, o in sorted(links, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
            if linking[o] - {s}:
                continue  # another node of this file links it too
            if s not in said:
                evidence = list(g.objects(s, PROV.wasDerivedFrom))
                if not evidence:
                    said[s] = set()
                else:
                    texts = [t for ev in evidence for t in _passages_of(ctx, ev)]
                    said[s] = _stems(" ".join(texts + [str(x) for q in _SAYS for x in g.objects(s, q)]))
            if not said[s] or names[o] & said[s]:
                continue  # no passage of it here (a part of a fact), or it speaks of the topic
            out.append(ctx.locator.statement_result(shape=SHAPE.TopicSaidByItsFact, s=s, p=p, o=o, graph=gid,
                severity=SH.Warning,
                message=f"its {_c(p)} {_c(o)} (\"{_labels(ctx, o)[0] if _labels(ctx, o) else ''}\") shares no word "
                "with what the node says in this file (its passages, label, comment, words, notes), and no other "
                "node of this file links that topic: a topic typed over with another. Fix: the topic the passage "
                "speaks of; or, where the topic is the curator's summary in other words, a csto:curatorNote saying "
                "what in the passage it sums up"))  # fmt: skip
    return out


# the links a fact's own words give the value of: why (its cause, purpose, means; a cause it denies), where it
# stands among other events (its context, the meeting it was expressed, produced or decided at, what it follows,
# precedes, answers or was started or ended by), whom it came through, how much (its quantities). Their own rules
# read a question's answer (shape:AnswerFromTheSameSource) and an example (shape:ExampleWordsNameIt). Of the 360
# curated links of these properties the rule reads (from a fact with a passage in its file), none fails it; of the
# 1,849 swaps of two such values between two facts of one file, 702 do (cause 351 of 466, channel 145 of 166,
# quantity 79 of 105, context 44 of 57; the meeting a view was expressed at 6 of 921: a file's meetings are named by
# the same words, its views' passages by their place and year), measured 2026-12-07.
_LINKS_SAID = frozenset(
    (
        CSTO.cause,
        CSTO.purpose,
        CSTO.means,
        CSTO.goal,
        CSTO.inSpiteOf,
        CSTO.deniedCause,
        CSTO.context,
        CSTO.expressedIn,
        CSTO.producedAt,
        CSTO.decidedAt,
        CSTO.sidelineOf,
        CSTO.duringSession,
        CSTO.precedes,
        CSTO.follows,
        CSTO.simultaneousWith,
        CSTO.startedBy,
        CSTO.endedBy,
        CSTO.response,
        CSTO.respondsTo,
        CSTO.reportedVia,
        CSTO.reportedIn,
        CSTO.hasQuantity,
        CSTO.hasVagueQuantity,
        CSTO.reportedForceSize,
    )
)
# what a fact says in its file besides its passages
_SAYS_ALL = (*_SAYS, CSTO.dateBasis)


def _link_said(ctx: Context) -> list[Result]:
    """A value of a :data:`_LINKS_SAID` link from a fact with a passage in a seed's file shares a content word of its
    names (:func:`_label_stems`), or a name of one word ("CSTO", "Kremlin"), with what the fact says there: its
    passages, label, comment, words, notes and date basis. A controlled value (csto:AnyMeans) is not read."""
    out = []
    names: dict[Node, set[str]] = {}
    said: dict[tuple[Node, Node], set[str]] = {}  # (file, fact) -> the stems and words of what it says there
    quads = ctx.curated_quads_of(*sorted(_LINKS_SAID, key=str))
    for s, p, o, gid in sorted(quads, key=lambda q: (str(q[3]), str(q[0]), str(q[1]), str(q[2]))):
        if gid == ENTITIES_GRAPH or not isinstance(o, URIRef) or ctx.union.value(o, SKOS.inScheme) is not None:
            continue
        if o not in names:
            labels = _labels(ctx, o)
            names[o] = {x for label in labels for x in _label_stems(label)} | {
                w for label in labels if len(ws := _words(label)) == 1 for w in ws
            }
        if (gid, s) not in said:
            g = ctx.data.dataset.graph(gid)
            texts = [t for ev in g.objects(s, PROV.wasDerivedFrom) for t in _passages_of(ctx, ev)]
            notes = [str(x) for q in _SAYS_ALL for x in g.objects(s, q)]
            text = " ".join(texts + notes)
            said[gid, s] = (_stems(text) | set(_words(text))) if texts else set()
        if not said[gid, s] or not names[o] or names[o] & said[gid, s]:
            continue  # no passage of it here (a part of a fact), a value without a name, or one it speaks of
        label = _labels(ctx, o)[0]
        out.append(ctx.locator.statement_result(shape=SHAPE.LinkSaidByItsFact, s=s, p=p, o=o, graph=gid,
            message=f"its {_c(p)} {_c(o)} (\"{label}\") is named by nothing the node says in this file (its "
            "passages, label, comment, words, notes, date basis): another fact's value typed over or swapped with "
            "it. Fix: the value its passage speaks of; or a csto:curatorNote saying how the passage refers to "
            "it"))  # fmt: skip
    return out


# links that reach another seed's facts by definition: a proposition of another seed that cannot hold beside this
# one's, and a fact another seed describes that this one denies (a membership); and the links whose own checks read
# them (above, in the structures and wording modules; a question's answer: shape:AnswerFromTheSameSource; a figure:
# shape:FigureFromItsPassage)
_ACROSS_SEEDS = frozenset((CSTO.disagreesWith, CSTO.denies))
_READ_ELSEWHERE = frozenset(
    (CSTO.timeAnchor, CSTO.locatesEvent, CSTO.uncertainAbout, CSTO.prescribedAct, CSTO.answeredBy, CSTO.hasQuantity)
)


# an entity standing for what one seed alone speaks of ("the unnamed author of seed 004", "experts (unnamed, seed
# 004)", "the attendees of the Moscow summit, as seed 003 reports them") has that seed's number as a part of its IRI
_OF_ONE_SEED = re.compile(r"-(\d{3})(?:-|$)")


def _links_of_its_own_seed(ctx: Context) -> list[Result]:
    """A seed's file links its facts only to facts it describes (or entities): its passages say both ends of what
    it links (a cause, a response, the meeting a stance was expressed in), so a link to a node only another seed's
    file describes is a value copied from there. An entity that stands for what one seed alone speaks of (its IRI
    bears the seed's number as a part: an unnamed author, unnamed experts) is a value in that seed's file only."""
    out = []
    authors = {
        o for d in ctx.union.subjects(RDF.type, CSTO.SourceDocument) for o in ctx.union.objects(d, DCTERMS.creator)
    }
    for s, p, o, gid in ctx.curated_quads():
        if gid == ENTITIES_GRAPH or p == RDF.type or not isinstance(o, URIRef) or not str(o).startswith(str(ID)):
            continue
        graphs = ctx.subject_graphs.get(o, ())
        own = _OF_ONE_SEED.search(str(o))
        if own and o in authors:
            continue  # a seed's unnamed author: shape:UnnamedAuthorSpeaksInOwnSource reads where they speak
        if ENTITIES_GRAPH in graphs and own and not str(gid).rsplit("/", 1)[-1].startswith(own.group(1)):
            problem = (
                f"stands for what seed {own.group(1)} alone speaks of (its IRI bears that seed's number), yet "
                "this file gives it as a value: one seed's unnamed author or group is not another's. Fix: the "
                "entity this seed's passage speaks of (one of this seed's own, or a new one in kg/entities.trig)"
            )
        elif p in _ACROSS_SEEDS or p in _READ_ELSEWHERE or not graphs or gid in graphs or ENTITIES_GRAPH in graphs:
            continue  # described nowhere (another rule's), here, or an entity
        else:
            problem = (
                f"is a fact which this file does not describe (only {', '.join(sorted(_c(g) for g in graphs))} "
                "does): a seed's file links what its seed says, both ends with their passages here. Fix: the fact "
                "of this file the passage means, or describe it here with this seed's passage (another seed's "
                "proposition that cannot hold beside this one is csto:disagreesWith)"
            )
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.ReferenceInItsOwnSeed, s=s, p=p, o=o, graph=gid, message=f"{_c(p)} {_c(o)} {problem}"
            )
        )
    return out


def _typed_where_described(ctx: Context) -> list[Result]:
    """A fact node a seed's file says anything about is typed in that file: each seed's named graph states the
    class of every fact it describes, so that a query of that graph alone finds it by its class (a node written as
    an entity that a slip made a fact is shape:OwlRlConsistency's: :attr:`Context.facts`)."""
    out, seen, facts = [], set(), ctx.facts
    typed = {(s, gid) for s, p, _, gid in ctx.curated_quads() if p == RDF.type}
    for s, p, o, gid in ctx.curated_quads():
        if gid == ENTITIES_GRAPH or s not in facts or (s, gid) in typed or (s, gid) in seen:
            continue
        seen.add((s, gid))
        others = sorted(_c(g) for g in ctx.subject_graphs.get(s, ()) if (s, g) in typed)
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.FactTypedInItsFile, s=s, p=p, o=o, graph=gid,
                message=(
                    f"{_c(s)} is described in this file without its rdf:type (stated in "
                    f"{', '.join(others) or 'no file'}): a seed's graph states the class of each fact it describes, "
                    "so that a query of that graph alone (GRAPH <seed> { ?x a csto:Withdrawal }) finds it. Fix: "
                    f"write the class here too ({_c(s)} a …)"
                ),
            )
        )  # fmt: skip
    return out


# A curator's note may write a statement out as Turtle (":belarus csto:bordersOn :nato", often "held structurally
# as …, stated in this file"): it tells a reader that the graph holds that triple, so the triple must be there. Of
# the 17 curated notes that write one, all hold (2026-12-07); a line deleted, or its value typed over, leaves the
# note saying what the graph no longer has. A statement the note denies ("no :x csto:p :y") is not read.
_NAME = r"(?::[a-z][\w-]*\w|csto:[A-Z]\w+)"
_WRITTEN = re.compile(rf"(?<![\w:/-])(:[a-z][\w-]*\w) (csto:[a-z][A-Za-z]+) ({_NAME}(?:, {_NAME})*)")
_DENIED = re.compile(r"\b(?:no|not|nor|neither|without|none|never)\b[^.;:()]{0,60}$", re.I)
_THIS_FILE = re.compile(r"\W{0,3}stated in this file")
_NOTED = (CSTO.curatorNote, RDFS.comment, SKOS.note, CSTO.dateBasis)
# a note that names a link of its node by its property alone: "Made in the course of the conflict it is about
# (csto:context)"; "The year he names is csto:refersToDate" (42 curated, all of links the node has)
_NAMED = re.compile(r"\((?:its |their )?csto:([a-z]\w+)\)|\bis (?:its |their )?csto:([a-z]\w+)\b(?! :)")
# a note that heads its account of its node's value with the property: "Accused (csto:accusedParty): 'the
# protesters'", "order (csto:precedes the invocation): ..." (13 curated, all of values the node has)
_HEADED = re.compile(r"(?:^|[.;] )[A-Za-z][\w' -]{0,40}? \(((?:csto:[a-z]\w+(?:, | and )?)+)[^)]*\):")


def _term(name: str) -> URIRef:
    return CSTO[name[5:]] if name.startswith("csto:") else ID[name[1:]]


# A note naming a node, term or passage by its prefixed name (":pubdate-001", "ev:004-page-head", "csto:context")
# points a reader at it: the name must be one the graph has. Of 1,352 such names in the curated notes, one named
# no node (2026-12-07), a claim its note says it replaced ("the former claim :x"), which is exempt; a name typed
# wrong ("-janaury" for "-january") or a node renamed since sends the reader nowhere. "<placeholder>" parts
# (":signature-<state>-1") and one-letter names (":x") are not names.
_PREFIXED = re.compile(r"(?<![\w:/.<-])(:|ev:|src:|csto:)(\w[\w-]*\w)(?![\w<-])")
_BASES = {":": str(ID), "ev:": str(EV), "src:": str(SRC), "csto:": str(CSTO)}
_FORMER = re.compile(r"\bformer(?: \w+)? $")


def _names_in_notes(ctx: Context) -> list[Result]:
    union, known, out = ctx.union, {}, []

    def exists(term: URIRef) -> bool:
        if term not in known:
            known[term] = any(
                next(iter(union.triples(pattern)), None) is not None
                for pattern in ((term, None, None), (None, None, term), (None, term, None))
            )
        return known[term]

    for node, p, note, gid in ctx.curated_quads_of(*_NOTED):
        text = str(note)
        for m in _PREFIXED.finditer(text):
            if exists(URIRef(_BASES[m.group(1)] + m.group(2))) or _FORMER.search(
                text[max(0, m.start() - 30) : m.start()]
            ):
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.NoteStatesWhatTheGraphHolds, s=node, p=p, o=note, graph=gid,
                    message=(
                        f"its {_c(p)} names {m.group(0)}, which is no node, term or passage of the graph: the note "
                        "points a reader at nothing (a name typed wrong, or a node renamed or removed since). Fix: "
                        "the name the node has now, or the note without it"
                    ),
                )
            )  # fmt: skip
    return out


def _written_statements(ctx: Context) -> list[Result]:
    properties = set(ctx.union.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ctx.union.subjects(RDF.type, OWL.DatatypeProperty)
    )
    stated: dict[URIRef, set] = {}  # property -> (subject, object, graph) of the curated files' statements of it
    out = []
    for node, p, note, gid in ctx.curated_quads_of(*_NOTED):
        text = str(note)

        def at_note(message: str, node=node, p=p, note=note, gid=gid) -> Result:
            return ctx.locator.statement_result(
                shape=SHAPE.NoteStatesWhatTheGraphHolds, s=node, p=p, o=note, graph=gid, message=message
            )

        for m in _HEADED.finditer(text):
            for name in re.findall(r"csto:[a-z]\w+", m.group(1)):
                prop = _term(name)
                if prop in properties and ctx.union.value(node, prop) is None:
                    out.append(at_note(
                        f"its {_c(p)} gives an account of its {name} value ('{m.group(0).strip(' .;')}'), but "
                        f"{_c(node)} has no {name}: the note explains a value the graph does not hold (a line deleted, "
                        "or its property typed over). Fix: restore the value, or the note"
                    ))  # fmt: skip
        for m in _NAMED.finditer(text):
            prop = _term("csto:" + (m.group(1) or m.group(2)))
            if (
                prop in properties
                and not _DENIED.search(text[max(0, m.start() - 80) : m.start()])
                and ctx.union.value(node, prop) is None
                and ctx.union.value(None, prop, node) is None
            ):
                out.append(at_note(
                    f"its {_c(p)} names csto:{m.group(1) or m.group(2)} as a link of this node ('{m.group(0).strip()}'), "
                    f"but {_c(node)} has none, as subject or object: the note explains a link the graph does not hold "
                    "(a line deleted, or its property typed over). Fix: restore the link, or the note"
                ))  # fmt: skip
        for m in _WRITTEN.finditer(text):
            s, prop = _term(m.group(1)), _term(m.group(2))
            if prop not in properties or _DENIED.search(text[max(0, m.start() - 80) : m.start()]):
                continue
            here = bool(_THIS_FILE.match(text, m.end()))
            if here and prop not in stated:
                stated[prop] = {(q[0], q[2], q[3]) for q in ctx.curated_quads_of(prop)}
            for name in m.group(3).split(", "):
                o = _term(name)
                if (s, o, gid) in stated[prop] if here else (s, prop, o) in ctx.union:
                    continue
                where = "this file does not state it" if here else "the graph does not hold it"
                file = ctx.data.files[gid]
                out.append(
                    ctx.locator.result(  # the node that lacks the statement, at the note that records it
                        severity=SH.Violation, shape=SHAPE.NoteStatesWhatTheGraphHolds, focus=s, path=prop, value=o,
                        graph=gid, file=file, line=ctx.locator.statement_line(file, node, p, note, gid),
                        message=(
                            f"{_c(node)}'s {_c(p)} writes out the statement {m.group(1)} {m.group(2)} {name}"
                            + (" (stated in this file)" if here else "")
                            + f", but {where}: the note tells a reader the graph holds what it does not (a line "
                            "deleted, or its value typed over). Fix: restore the statement, or the note"
                        ),
                    )
                )  # fmt: skip
    return out


def _notes_hold(ctx: Context) -> list[Result]:
    return _written_statements(ctx) + _names_in_notes(ctx)


def _own_seed_structures(ctx: Context) -> list[Result]:
    from .structures import OWN_SEED  # round 17's references (options, reliances, denials), read by that module
    from .wording import OWN_SEED as OWN_SEED_R18  # round 18's (uncertainties, prescriptions)

    return OWN_SEED(ctx) + OWN_SEED_R18(ctx)


RULES = [
    Rule(
        SHAPE.ChangeWordsNameIt,
        "a change node's way and item are the ones its words name",
        "A csto:Change's csto:changeWay is not one its csto:changeMarker contradicts: where the words name a way "
        "of the ontology (by a label of csto:Increase, csto:Decrease, csto:Ending or csto:Return, compared by "
        "word stems: 'reducing' names 'reduced') and not its own, the way is a slip; and its csto:changedItem is "
        "named, by a content word of one of its labels, in its marker, a passage of the fact the change belongs to, "
        "or a curator's note on the node that says where it comes from (quoting the seed or naming the passage). "
        "A change of another way than csto:Transformation whose words name its item has words that name a direction "
        "too ('increase', 'growing', 'strengthening', 'reducing', 'end', 'return' ...): not the item's words alone.",
        _change_words,
    ),
    Rule(
        SHAPE.RelativeTimeWordsNameIt,
        "a relative time's relation, distance and unit are the ones its words give",
        "A csto:RelativeTime's csto:timeRelation is not contradicted by its csto:timeMarker (words that name the "
        "other relation by a label, 'ago', 'previously', 'impending', and not its own); its csto:timeDistance is "
        "named by its words (csto:Near: 'recently', 'recent', 'impending'; csto:AFew: 'a few'; csto:LastUnit: 'last'); "
        "its csto:spanUnit is the unit its words count in ('a few weeks ago': time:unitWeek).",
        _relative_time_words,
    ),
    Rule(
        SHAPE.ReferenceInItsOwnSeed,
        "what a seed's words refer to is of that seed",
        "A csto:timeAnchor that is a source document is the source of the file stating it; otherwise it is a fact "
        "that file describes. A csto:locatesEvent that is not a csto:Topic is a fact that file describes: the "
        "words are that seed's, and refer to what it says. A csto:locatesWithin that is a csto:Place the graph has "
        "in a state (csto:locatedIn, csto:capitalOf, csto:standsFor) lies in a state the proposition's passage names, "
        "where the passage names a state and not the place. Any other link a seed's file gives to a fact node (not "
        "an entity of kg/entities.trig) is to one that file describes: csto:disagreesWith and csto:denies aside, "
        "which link another seed's facts by definition. An entity whose IRI bears a seed's number as a part (a group, "
        "place or topic standing for what that seed alone speaks of: 'the unnamed author of seed 004') is a value "
        "in that seed's file only.",
        lambda ctx: _own_seed(ctx) + _place_outside(ctx) + _own_seed_structures(ctx) + _links_of_its_own_seed(ctx),
    ),
    Rule(
        SHAPE.FactTypedInItsFile,
        "a seed's file types each fact it describes",
        "A fact node (a csto:Fact) that a seed's file says anything about has its rdf:type in that file too, as "
        "every curated one does: each seed's named graph states the class of every fact it describes, so that a "
        "query of that graph alone finds the fact by its class. A type line deleted from one file, where another "
        "file still types the node, passed every other check.",
        _typed_where_described,
    ),
    Rule(
        SHAPE.WrittenOnceInItsFile,
        "a curated file writes each statement once",
        "A curated file writes a triple once: RDF keeps one copy of a repeated triple, so a repeat says nothing, and "
        "one in a list of values is mostly a value typed over another (a state listed twice, where another was "
        "meant), which nothing else shows. A node's prov:wasDerivedFrom is the exception: each block of statements "
        "about a node restates the passages of what it adds. Reported at the repeat: the last line writing it.",
        _written_once,
    ),
    Rule(
        SHAPE.PassageSpeaksOfItsNode,
        "a passage speaks of the node it is cited for",
        "Each passage a node is derived from (prov:wasDerivedFrom) in a seed's file shares a content word (compared "
        "by its first four letters) with what the node says in that file: its literal values (label, comment, "
        "csto:words, notes, date basis ...), the names of its classes, of the nodes it links to and of the properties "
        "it uses. A passage sharing none was cited for another node: an evidence node typed over with another of its "
        "file. A date estimate (csto:DateEstimate) is not read: its clues imply its date together.",
        _passages_off_their_node,
    ),
    Rule(
        SHAPE.LabelSummarisesItsNode,
        "a label summarises its own node",
        "A node's English rdfs:label in a seed's file shares at least a quarter of its content words (compared by "
        "their first five letters) with what the node says in that file: its passages, its other text (a comment, a "
        "note, its words), the names of the nodes it links to, and the seed ('seed 002'). A label sharing less was "
        "written for another node: two labels swapped, or a copied block that kept its label. Read for the nodes "
        "with a passage in the file. A warning: a label is a summary, and a curator may word one freely.",
        _summarises(RDFS.label, _SHARE),
        SH.Warning,
    ),
    Rule(
        SHAPE.CommentSpeaksOfItsNode,
        "a comment speaks of its own node",
        "A node's English rdfs:comment in a seed's file shares at least a quarter of its content words (compared by "
        "their first five letters) with what the node says in that file besides: its passages, its label and other "
        "text, the names of the nodes it links to, and the seed. A comment sharing less was written for another "
        "node: two comments swapped, or a copied block that kept its comment. Read for the nodes with a passage in "
        "the file. A warning: a comment is the curator's note, worded freely.",
        _summarises(RDFS.comment, _SHARE),
        SH.Warning,
    ),
    Rule(
        SHAPE.TopicSaidByItsFact,
        "a topic a fact links is one it speaks of",
        "A topic (csto:Topic) that a node with a passage links in a seed's file shares a content word of its names "
        "(compared by their first five letters) with what the node says there (its passages, label, comment, "
        "csto:words, notes), or another node of that file links it too. A topic whose names are generic words "
        "only is not read. A warning: a topic's name is the curator's summary, and a link that fails both is "
        "mostly a topic typed over with another.",
        _topic_said,
        SH.Warning,
    ),
    Rule(
        SHAPE.LinkSaidByItsFact,
        "a fact's cause, context, channel and quantities are ones it speaks of",
        "The value of a fact's csto:cause, csto:purpose, csto:means, csto:goal, csto:inSpiteOf, csto:deniedCause, "
        "csto:context, csto:expressedIn, csto:producedAt, csto:decidedAt, csto:sidelineOf, csto:duringSession, "
        "csto:precedes, csto:follows, csto:simultaneousWith, csto:startedBy, csto:endedBy, csto:response, "
        "csto:respondsTo, csto:reportedVia, csto:reportedIn, csto:hasQuantity, "
        "csto:hasVagueQuantity or csto:reportedForceSize, in a seed's file where the fact has a passage, shares a "
        "content word of its names (or a name of one word: 'CSTO') with what the fact says there (its "
        "passages, label, comment, csto:words, notes, date basis): a value swapped with another fact's, or typed "
        "over, is mostly one its fact never names. Where the passage refers to it in other words, a "
        "csto:curatorNote on the fact names it.",
        _link_said,
    ),
    Rule(
        SHAPE.NoteStatesWhatTheGraphHolds,
        "a statement a note writes out is one the graph holds",
        "A curator's note, comment or date basis that writes a statement out in Turtle (':belarus csto:bordersOn "
        ":nato', a subject, a property of the ontology and one or more values, each a prefixed name) tells a reader "
        "the graph holds it: the union holds each such triple, and the note's file does where the note says it is "
        "'stated in this file'. A statement the note denies ('no … ') is not read. A line deleted, or its value "
        "typed over, otherwise leaves the note saying what the graph no longer has. So does a note that heads its "
        "account of its node's value with the property ('Accused (csto:accusedParty): the protesters'; 'order "
        "(csto:precedes the invocation): ...'), or names a link of its node by the property alone ('the conflict "
        "it is about (csto:context)'; 'the year he names is csto:refersToDate'): the node has a value of that "
        "property (or, for a link, is one). And every node, term or passage a note names by its prefixed name "
        "(':pubdate-001', 'ev:004-page-head', 'csto:context') is one the graph has, but for a node it says was "
        "replaced ('the former claim :x').",
        _notes_hold,
    ),
    Rule(
        SHAPE.LiteralForm,
        "a literal that is not text in a language has no language tag",
        "A value of a datatype property whose rdfs:range is a datatype (csto:words, csto:statedAs, the marker "
        "words, csto:sha256, csto:amount ...), and a quote (oa:exact, oa:prefix, oa:suffix), offset or "
        "dcterms:identifier, carries no language tag, in the curated files and the ontology (where no shape's "
        "sh:datatype check already reports the value).",
        _literal_form,
    ),
]

__all__ = ["RULES"]
