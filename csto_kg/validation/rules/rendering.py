"""How a value is given: a controlled value of its property's own scheme, and a stance's speech form as its passage
renders the words.

- ``shape:ValueOfItsRange``: a property whose ``rdfs:range`` is a class of controlled values (a subclass of
  ``skos:Concept``: csto:Speed, csto:SpeechForm, csto:SpeechAct, csto:SessionKind, csto:VagueAmount ...) takes
  an individual of that class: one of another scheme (``csto:speed csto:Several``, a vague amount;
  ``csto:speechForm csto:Admission``, a speech act) is declared, so the closed-vocabulary check passes it, and
  OWL RL only infers that it is also of the range class.
- ``shape:SpeechFormAgreesWithQuotes``: ``csto:speechForm`` is read from the quotation marks of the passage:
  a csto:DirectQuotation or csto:PartialQuotation needs a quotation mark in the paragraph of its passage in the
  seed, and some of its ``csto:words`` within the marks (quotation marks that quote another's words do not make
  the stance's own a quotation); a csto:IndirectSpeech (a paraphrase) has no ``csto:words`` that the seed gives
  wholly inside quotation marks, nor any that lie within double quotation marks in its passage's paragraph (single
  ones are left out: an apostrophe, or an author quoting his own earlier paraphrase of another).
- ``shape:ReportedWordsHaveASpeechForm``: a stance whose ``csto:words`` the seed introduces with a verb of saying
  ("noted that", "told Nezavisimaya Gazeta that", "According to him,"), or which open with their speaker and one
  ("Armenia says it has no intention ..."), says how the seed renders them (``csto:speechForm``, here mostly
  csto:IndirectSpeech): the seed reports its holder speaking.
- ``shape:LabelQuotesItsWords``: a label that is its speaker's quotation ("Putin: 'There are, of course, issues
  that require a separate discussion'") quotes the node's own ``csto:words``: words copied from another stance of
  the same passage leave the label quoting what the node no longer says.
- ``shape:AttributionAgreesWithItsWords``: a ``csto:attribution csto:Reported`` (the source hedges whose the view
  is) has its hedge in the seed: a word of report or hearsay ("reportedly", "according to", "a report ...
  claimed", "appearing to", "it was speculated", "an anonymous source") in one of its passages or in the sentence
  of the paragraph just before one; or the stance names the channel it reached the source through
  (``csto:reportedVia``, ``csto:reportedIn``). Otherwise the source states the view as its holder's
  (``csto:Direct``). A view the source's own author holds is never reported in it: the seed is the author's text.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from ...namespaces import CSTO, OA, ONTOLOGY_GRAPH, SHAPE, curie, shown
from ..report import Result
from . import Context, Rule


def _value_classes(onto) -> dict[Node, set[Node]]:
    """Each class of controlled values (a subclass of skos:Concept, transitively) -> itself and its subclasses."""
    concept = {SKOS.Concept}
    changed = True
    while changed:
        changed = False
        for c, sup in onto.subject_objects(RDFS.subClassOf):
            if sup in concept and c not in concept:
                concept.add(c)
                changed = True
    concept.discard(SKOS.Concept)
    out: dict[Node, set[Node]] = {}
    for c in concept:
        down, todo = {c}, [c]
        while todo:
            for sub in onto.subjects(RDFS.subClassOf, todo.pop()):
                if sub not in down:
                    down.add(sub)
                    todo.append(sub)
        out[c] = down
    return out


def _range_values(ctx: Context) -> list[Result]:
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    classes = _value_classes(onto)
    ranges = {p: r for p, r in onto.subject_objects(RDFS.range) if r in classes and str(p).startswith(str(CSTO))}
    # a property shape's sh:in list already names the values: its result has the property, or the alternative path
    # it is one of, as its path (another shape's result about the same value, e.g. a SPARQL constraint binding
    # ?path, says something else and silences nothing)
    listed = [r for r in ctx.shacl_results if r.shape in ctx.value_list_shapes]
    reported = {(r.focus, r.value) for r in listed if r.path is not None}
    exact = {(r.focus, r.path, r.value) for r in listed if isinstance(r.path, URIRef)}
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if p not in ranges or not isinstance(o, URIRef) or (s, o) in reported and not _other_path(exact, s, p, o):
            continue
        types = set(onto.objects(o, RDF.type))
        if not types or types & classes[ranges[p]]:
            continue  # undeclared: shape:DeclaredTermsOnly; or a value of the range
        members = sorted(curie(str(m)) for m in onto.subjects(RDF.type, ranges[p]))
        kinds = ", ".join(sorted(curie(str(t)) or str(t) for t in types))
        message = (
            f"{shown(p)} takes a {shown(ranges[p])} ({', '.join(members)}), but {shown(o)} is a {kinds}: "
            "a value of another scheme. Fix: the value of this property's own scheme, or the property that takes "
            f"{shown(o)}"
        )
        out.append(ctx.locator.statement_result(shape=SHAPE.ValueOfItsRange, s=s, p=p, o=o, graph=gid, message=message))
    return out


def _other_path(exact: set, s: Node, p: Node, o: Node) -> bool:
    """A result about ``s`` and ``o`` names a property path, but only another property than ``p``."""
    paths = {path for focus, path, value in exact if focus == s and value == o}
    return bool(paths) and p not in paths


# A quotation mark: double or curly quotes, an opening curly single quote, or a straight single quote at a word's
# edge (an apostrophe inside a word, "Russia's", is not one).
_MARK = re.compile(r"[“”\"‘]|(?:^|(?<=[\s(\[—–-]))'|'(?=[\s,.;:!?)\]]|$)")
_QUOTED = "[“\"‘']{}[.,;:!?]?[”\"’']"
_FORMS_WITH_MARKS = (CSTO.DirectQuotation, CSTO.PartialQuotation)


def _seed_text(ctx: Context, evidence: Node, cache: dict) -> str | None:
    source = ctx.union.value(evidence, OA.hasSource)
    name = ctx.union.value(source, DCTERMS.identifier) if source is not None else None
    if name is None:
        return None
    if str(name) not in cache:
        path: Path = ctx.seeds_dir / str(name)
        try:
            cache[str(name)] = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            cache[str(name)] = None
    return cache[str(name)]


def _paragraphs(ctx: Context, g, fact: Node, cache: dict) -> list[tuple[Node, str, str]]:
    """(evidence, its seed's text, the paragraph(s) its passage lies in) for each evidence of ``fact`` in ``g``."""
    out = []
    for ev in sorted(g.objects(fact, PROV.wasDerivedFrom), key=str):
        text = _seed_text(ctx, ev, cache)
        if text is None:
            continue
        for sel in ctx.union.objects(ev, OA.hasSelector):
            start, end = ctx.union.value(sel, OA.start), ctx.union.value(sel, OA.end)
            try:
                a, b = int(start), int(end)
            except (TypeError, ValueError):
                continue
            first = text.rfind("\n", 0, a) + 1
            last = text.find("\n", b)
            out.append((ev, text, text[first : len(text) if last < 0 else last]))
    return out


# a quoted span: between double or curly quotes, or straight single quotes at a word's edges (not an apostrophe)
_SPAN = re.compile(
    r"“[^”]*”|\"[^\"\n]*\"|‘[^’]*’|(?:(?<=^)|(?<=[\s(\[—–-]))'(?:[^'\n]|'(?=\w))*'(?=[\s,.;:!?)\]]|$)", re.M
)
_OPENING = re.compile(r"[“\"‘']\s?$")


# a span between double quotation marks, curly or straight, within one paragraph
_DOUBLE_SPAN = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")


def _words_in_double_quotes(g, fact: Node, paragraphs: list) -> str | None:
    """The first of the fact's csto:words that lies wholly within double quotation marks in the paragraph of one of
    its passages (None if none does). Single quotes are left out: a straight one is also an apostrophe, and an
    author quoting his own earlier text in single quotes may paraphrase another's words inside it (seed 001)."""
    for w in sorted(str(w) for w in g.objects(fact, CSTO.words)):
        for _, _, paragraph in paragraphs:
            spans = [(m.start(), m.end()) for m in _DOUBLE_SPAN.finditer(paragraph)]
            for m in re.finditer(re.escape(w), paragraph):
                if any(a < m.start() and m.end() < b for a, b in spans):
                    return w
    return None


def _words_unquoted(g, fact: Node, paragraphs: list) -> str | None:
    """Where the fact's csto:words are found in the paragraphs of its passages and none of them lies in (or overlaps)
    a quoted span there, nor follows an opening quotation mark left unclosed: the first of its words. None where
    one is quoted, or none is found (nothing to judge)."""
    words = sorted(str(w) for w in g.objects(fact, CSTO.words))
    found = False
    for _, _, paragraph in paragraphs:
        spans = [(m.start(), m.end()) for m in _SPAN.finditer(paragraph)]
        for w in words:
            for m in re.finditer(re.escape(w), paragraph):
                found = True
                if any(a < m.end() and m.start() < b for a, b in spans) or _OPENING.search(paragraph[: m.start()]):
                    return None
    return words[0] if found and words else None


def _words_quoted(g, fact: Node, paragraphs: list) -> str | None:
    """The first of the fact's csto:words that lies within or overlaps a quoted span of the paragraph of one of its
    passages (double or curly quotes, or single ones at a word's edges), or follows an opening mark left unclosed:
    words the seed quotes, wholly or in part. None if none does."""
    for w in sorted(str(w) for w in g.objects(fact, CSTO.words)):
        for _, _, paragraph in paragraphs:
            spans = [(m.start(), m.end()) for m in _SPAN.finditer(paragraph)]
            for m in re.finditer(re.escape(w), paragraph):
                if any(a < m.end() and m.start() < b for a, b in spans) or _OPENING.search(paragraph[: m.start()]):
                    return w
    return None


def _quoted_not_paraphrased(g, fact: Node, paragraphs: list) -> str | None:
    """Why a csto:IndirectSpeech's words are the seed's quotation, not its paraphrase: one of them is wholly a quoted
    span of its seed, or lies within double quotation marks in the paragraph of its passage. None if neither."""
    texts = {text for _, text, _ in paragraphs}
    for words in sorted(str(w) for w in g.objects(fact, CSTO.words)):
        core = words.rstrip(".,;:")
        if core and any(re.search(_QUOTED.format(re.escape(core)), t) for t in texts):
            return (
                f'its words "{words}" are wholly a quotation in the seed: it is not a paraphrase. Fix: '
                "csto:DirectQuotation (or csto:PartialQuotation where only some words are quoted)"
            )
    if quoted := _words_in_double_quotes(g, fact, paragraphs):
        return (
            f'its words "{quoted}" lie within double quotation marks in its passage\'s paragraph: the seed quotes '
            "them, it does not paraphrase. Fix: csto:DirectQuotation (or csto:PartialQuotation where only some of the "
            "holder's words are quoted)"
        )
    return None


def _speech_forms(ctx: Context) -> list[Result]:
    out, cache = [], {}
    ds = ctx.data.dataset
    for gid in ctx.curated:
        g = ds.graph(gid)
        for fact, form in sorted(ctx.pairs(gid, CSTO.speechForm), key=str):
            paragraphs = _paragraphs(ctx, g, fact, cache)
            if not paragraphs:
                continue
            problem = None
            if form in _FORMS_WITH_MARKS and not any(_MARK.search(p) for _, _, p in paragraphs):
                where = ", ".join(sorted({curie(str(ev)) for ev, _, _ in paragraphs}))
                problem = (
                    f"the paragraph of its passage ({where}) has no quotation mark: nothing of the holder's is quoted "
                    "there. Fix: csto:IndirectSpeech, or the passage that quotes the words"
                )
            elif form in _FORMS_WITH_MARKS and (unquoted := _words_unquoted(g, fact, paragraphs)):
                problem = (
                    f'its words ("{unquoted}") are not within the quotation marks of its passage\'s paragraph, which '
                    "quote something else: nothing of the holder's words is quoted. Fix: csto:IndirectSpeech, or the "
                    "words the seed quotes"
                )
            elif form == CSTO.IndirectSpeech:
                problem = _quoted_not_paraphrased(g, fact, paragraphs)
            if problem:
                message = f"csto:speechForm {shown(form)}, but {problem}"
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.SpeechFormAgreesWithQuotes, s=fact, p=CSTO.speechForm, o=form, graph=gid,
                        message=message,
                    )
                )  # fmt: skip
    return out


# the words by which a source hedges whose a view is: it reports it, or reads it, second hand
_HEDGE = re.compile(
    r"\b(?:reportedly|according to|reports?|reported|claim(?:s|ed)?|appear(?:s|ed|ing)? to|seem(?:s|ed|ing)?|"
    r"speculat\w*|alleged\w*|anonymous|rumou?r\w*|purported\w*|supposed\w*|(?:is|was|are|were) said to|"
    r"sources? (?:say|said|close to))\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")


def _hedged(ctx: Context, paragraphs: list[tuple[Node, str, str]]) -> bool:
    """A passage of ``paragraphs`` (:func:`_paragraphs`), or the sentence of its paragraph just before it, hedges."""
    for ev, text, _ in paragraphs:
        for sel in ctx.union.objects(ev, OA.hasSelector):
            try:
                a, b = int(ctx.union.value(sel, OA.start)), int(ctx.union.value(sel, OA.end))
            except (TypeError, ValueError):
                continue
            before = text[text.rfind("\n", 0, a) + 1 : a]
            sentences = [x for x in _SENTENCE_END.split(before) if x.strip()]
            if _HEDGE.search(text[a:b]) or (sentences and _HEDGE.search(sentences[-1])):
                return True
    return False


def _attributions(ctx: Context) -> list[Result]:
    out, cache = [], {}
    for gid in ctx.curated:
        g = ctx.data.dataset.graph(gid)
        for fact, _ in sorted(ctx.pairs(gid, CSTO.attribution), key=str):
            if (fact, CSTO.attribution, CSTO.Reported) not in g:
                continue
            problem = _unreported(ctx, g, gid, fact, cache)
            if problem:
                out.append(ctx.locator.statement_result(
                    shape=SHAPE.AttributionAgreesWithItsWords, s=fact, p=CSTO.attribution, o=CSTO.Reported,
                    graph=gid, message=f"csto:attribution csto:Reported, but {problem}",
                ))  # fmt: skip
    return out


def _unreported(ctx: Context, g, gid, fact, cache: dict) -> str | None:
    """Why the source does not report ``fact``'s view (its own author's view; or no hedge and no channel), or None."""
    authors = ctx.source_creators.get(gid, set()) & set(g.objects(fact, CSTO.heldBy))
    if authors:  # the seed is its author's own text: the author's view is never reported in it
        return (
            f"its holder {shown(min(authors))} is the author of this file's source (dcterms:creator): the seed "
            "is the author's own text, so it states the author's view, it does not report it (all 105 curated views "
            "of a seed's author are csto:Direct). Fix: csto:Direct, or the holder the passage reports"
        )
    if any(g.value(fact, p) is not None for p in (CSTO.reportedVia, CSTO.reportedIn)):
        return None  # the channel it reached the source through
    paragraphs = _paragraphs(ctx, g, fact, cache)
    if not paragraphs or _hedged(ctx, paragraphs):
        return None
    where = ", ".join(sorted({curie(str(ev)) for ev, _, _ in paragraphs}))
    return (
        f'neither its passages ({where}) nor the sentence before one hedge whose the view is (no "reportedly", '
        '"according to", "a report claimed", "appearing to", "it was speculated"), and it names no channel it came '
        "through (csto:reportedVia): the source states it as its holder's. Fix: csto:Direct, or the passage that "
        "hedges it"
    )


def _stances_without_a_form(ctx: Context):
    """(graph, graph id, stance, its passages' paragraphs) for each stance of a seed's file that has no
    csto:speechForm in any file, is no csto:Attitude (which renders no words of its holder), is not held by the
    file's source's author (whose text states his view, it does not report it) and has passages to read."""
    cache: dict = {}
    for gid in ctx.curated:
        g = ctx.data.dataset.graph(gid)
        authors = ctx.source_creators.get(gid, set())
        for fact, _ in sorted(ctx.pairs(gid, RDF.type), key=str):
            if (fact, RDF.type, CSTO.Stance) not in g or (fact, RDF.type, CSTO.Attitude) in g:
                continue
            if ctx.union.value(fact, CSTO.speechForm) is not None or authors & set(g.objects(fact, CSTO.heldBy)):
                continue
            paragraphs = _paragraphs(ctx, g, fact, cache)
            if paragraphs:
                yield g, gid, fact, paragraphs


def _quoted_without_a_form(ctx: Context) -> list[Result]:
    """A stance whose csto:words the seed quotes, wholly or in part (one of them within or overlapping a quoted span of
    its passage's paragraph), and whose holder is not the seed's author says how the seed renders them
    (csto:speechForm): the words are the holder's, quoted. A csto:Attitude renders no words of its holder; a
    curator's note that speaks of the quotation may say why the quoted words are not the holder's ("the quoted words
    are Lukashenko's"): none of the curated stances needs one."""
    out = []
    for g, gid, fact, paragraphs in _stances_without_a_form(ctx):
        if any("quot" in str(n).lower() for n in g.objects(fact, CSTO.curatorNote)):
            continue  # a note says whose the quoted words are
        quoted = _words_quoted(g, fact, paragraphs)
        if quoted is None:
            continue
        out.append(ctx.locator.statement_result(
            shape=SHAPE.QuotedWordsHaveASpeechForm, s=fact, p=CSTO.words, o=Literal(quoted), graph=gid,
            message=f'its words "{quoted}" are quoted, wholly or in part, in its passage\'s paragraph: the seed '
            "quotes its holder, yet it has no csto:speechForm. Fix: csto:DirectQuotation, or csto:PartialQuotation "
            "where only some of the holder's words are quoted; or a csto:curatorNote saying whose the quoted words "
            "are, where they are not the holder's",
        ))  # fmt: skip
    return out


# a verb that reports speech, as it stands just before the words it reports ("noted that", "told the newspaper that",
# "According to him,"), and the few of them that cannot be a noun when words open with their speaker ("Armenia says")
_SAYING = (
    r"said|says|saying|told|tells|noted|noting|stated|stating|claimed|claiming|argued|argues|arguing|added|adding|"
    r"suggested|stressed|stressing|emphasi[sz]ed|underlined|underscored|warned|warns|declared|announced|insisted|"
    r"insists|explained|explains|remarked|pointed out|points out|believes|believed"
)
_SAID_BEFORE = re.compile(
    rf"(?<!\w)(?:{_SAYING}|notes|states|claims|according to \w+)(?:\s+[^.!?;\s]+){{0,4}}?(?:\s+that)?[\s,:]*$", re.I
)
_SAID_WITHIN = re.compile(rf"^\W*(?:[\w’'-]+\s+){{1,3}}(?:{_SAYING})(?!\w)", re.I)


def _reporting_verb(g, fact: Node, paragraphs: list) -> tuple[Literal, str] | None:
    """(the words, the verb of saying) for the first of the fact's csto:words that a verb of saying introduces in
    its passage's paragraph ("noted that") or that opens with its speaker and one ("Armenia says"); None if none."""
    for w in sorted(g.objects(fact, CSTO.words), key=str):
        within = _SAID_WITHIN.search(str(w))
        if within:
            return w, within.group(0).strip()
        for _, _, paragraph in paragraphs:
            for m in re.finditer(re.escape(str(w)), paragraph):
                before = _SAID_BEFORE.search(paragraph[max(0, m.start() - 80) : m.start()])
                if before:
                    return w, before.group(0).strip(" ,:")
    return None


def _reported_without_a_form(ctx: Context) -> list[Result]:
    """A stance whose words the seed reports as its holder's speech has a csto:speechForm. Its own author's view is
    not reported speech, nor is an attitude (csto:Attitude) or a stance read from what its holder did ("Russia,
    which has used it to frame its invasion": none of the nine curated stances without a form is introduced so)."""
    out = []
    for g, gid, fact, paragraphs in _stances_without_a_form(ctx):
        reported = _reporting_verb(g, fact, paragraphs)
        if reported is None:
            continue
        words, verb = reported
        out.append(ctx.locator.statement_result(
            shape=SHAPE.ReportedWordsHaveASpeechForm, s=fact, p=CSTO.words, o=words, graph=gid,
            message=f'the seed reports its words as its holder\'s speech ("{verb}"), yet it has no '
            "csto:speechForm. Fix: csto:IndirectSpeech where the seed paraphrases them, csto:DirectQuotation or "
            "csto:PartialQuotation where it quotes them",
        ))  # fmt: skip
    return out


# a label that is its speaker's quotation: a name (no colon or quotation mark) before a colon, then the rest of the
# label wholly between single quotation marks
_QUOTING_LABEL = re.compile(r"[^:'‘’“”]{2,40}: ['‘](.+)['’]")
_ELLIPSIS = re.compile(r"\.\.\.|…")


def _plain(text: str) -> str:
    """Case, curly quotes and spacing aside."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).casefold()


def _label_quoting_other_words(ctx: Context) -> list[Result]:
    """A node whose English label in a seed's file is its speaker's quotation ("Putin: '...'") and which gives its
    csto:words there has the quoted words among them: each stretch of the quotation between ellipses, as the
    label writes it (case and curly quotes aside). The five curated labels of that form quote their node's words;
    a stance given the words of another speech of the same passage (Putin's two sentences on Kyrgyzstan) leaves
    its label quoting what it no longer says."""
    out = []
    for node, _, label, gid in ctx.curated_quads_of(RDFS.label):
        m = _QUOTING_LABEL.fullmatch(str(label))
        if m is None or getattr(label, "language", None) not in (None, "en"):
            continue
        words = sorted(str(w) for w in ctx.data.dataset.graph(gid).objects(node, CSTO.words))
        if not words:
            continue  # a label quoting a node that gives no words: nothing to compare
        said = " / ".join(_plain(w) for w in words)
        missing = [p for p in (q.strip(" .,;") for q in _ELLIPSIS.split(m.group(1))) if p and _plain(p) not in said]
        if missing:
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.LabelQuotesItsWords, s=node, p=RDFS.label, o=label, graph=gid,
                    message=f"its label quotes '{missing[0]}' as its speaker's words, but no csto:words of this node "
                    f"gives them (it gives {'; '.join(repr(w) for w in words)}): the words or the label were typed "
                    "over (the words of another speech of the passage). Fix: csto:words as the passage gives this "
                    "node's speech, or a label quoting them",
                )
            )  # fmt: skip
    return out


RULES = [
    Rule(
        SHAPE.ValueOfItsRange,
        "a controlled value is one of its property's scheme",
        "A csto: property whose rdfs:range is a class of controlled values (a subclass of skos:Concept: csto:Speed, "
        "csto:SpeechForm, csto:SpeechAct, csto:SessionKind, csto:VagueAmount, ...) takes an individual the ontology "
        "types with that class: a declared value of another scheme (csto:speed csto:Several; csto:speechForm "
        "csto:Admission) would pass the closed-vocabulary check and be silently re-typed by OWL RL.",
        _range_values,
    ),
    Rule(
        SHAPE.SpeechFormAgreesWithQuotes,
        "a speech form agrees with the quotation marks of its passage",
        "csto:speechForm is read from the quotation marks of the passage: csto:DirectQuotation and "
        "csto:PartialQuotation need a quotation mark (“ ” \" ‘, or ' at a word's edge) in the seed's paragraph of "
        "one of the stance's passages, and, where its csto:words are found there, one of them within (or overlapping) "
        "a quoted span or after an opening mark left unclosed; csto:IndirectSpeech has no csto:words that the seed "
        "gives wholly between quotation marks, nor any within double quotation marks in its passage's paragraph.",
        _speech_forms,
    ),
    Rule(
        SHAPE.QuotedWordsHaveASpeechForm,
        "a stance whose words the seed quotes has a speech form",
        "A csto:Stance whose csto:words lie within or overlap a quoted span (“ ” \" ‘ ’, or ' at a word's edges) "
        "in the seed's paragraph of one of its passages, and whose holder is not the seed's author "
        "(dcterms:creator), has a csto:speechForm: the seed quotes its holder, wholly (csto:DirectQuotation) or in "
        "part (csto:PartialQuotation). A csto:Attitude "
        "renders no words of its holder; a csto:curatorNote that speaks of the quotation says whose the quoted "
        "words are where they are not the holder's.",
        _quoted_without_a_form,
    ),
    Rule(
        SHAPE.ReportedWordsHaveASpeechForm,
        "a stance whose words the seed reports as speech has a speech form",
        'A csto:Stance whose csto:words its passage\'s paragraph introduces with a verb of saying ("noted that", '
        '"told Nezavisimaya Gazeta that", "claimed that", "According to him,") or which open with their '
        'speaker and one ("Armenia says ..."), and whose holder is not the seed\'s author (dcterms:creator), has '
        "a csto:speechForm: the seed reports its holder's speech, as a paraphrase (csto:IndirectSpeech) or a "
        "quotation. A csto:Attitude renders no words of its holder.",
        _reported_without_a_form,
    ),
    Rule(
        SHAPE.LabelQuotesItsWords,
        "a label that quotes its speaker quotes the node's words",
        "A node's English rdfs:label of the form \"Speaker: '...'\" (a name before a colon, then the rest between "
        "single quotation marks) quotes the node's own csto:words in that file: each stretch of the quotation "
        "between ellipses is in one of them, case and curly quotation marks aside.",
        _label_quoting_other_words,
    ),
    Rule(
        SHAPE.AttributionAgreesWithItsWords,
        "a reported attribution has its hedge in the seed",
        "A stance or claim whose csto:attribution is csto:Reported (the source hedges whose the view is) has a word "
        'of report or hearsay ("reportedly", "according to", "a report ... claimed", "appearing to", "it was '
        'speculated", "an anonymous source") in one of its passages or in the sentence of the paragraph just '
        "before one, or names the channel it reached the source through (csto:reportedVia, csto:reportedIn). "
        "Without them the source states the view as its holder's: csto:Direct. A view held by the author of the "
        "file's source (dcterms:creator) is csto:Direct whatever its words: the seed is the author's own text.",
        _attributions,
    ),
]
