"""Provenance rules: quotes are verbatim, sources are the seeds' files, every file carries its own evidence, and
what a fact says of its own source (who asserts a claim, whose date a relative date is read from) agrees with it."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal, InvalidOperation

from rdflib import URIRef
from rdflib.term import Node

from ...evidence import check_quotes, cuts_a_word
from ...namespaces import (
    CSTO,
    DCTERMS,
    ENTITIES_GRAPH,
    EV,
    GRAPH,
    ID,
    INFERRED_GRAPH,
    META_GRAPH,
    OA,
    ONTOLOGY_GRAPH,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SHAPE,
    SKOS,
    SRC,
    curie,
    shown,
    source_iri,
)
from ...number_words import numbers_in, qualifiers_of, units_mentioned, units_of, without_numbers
from ..locate import graph_id
from ..report import Result
from . import TYPE, Context, Rule

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# words copied from the source: a stance's words, a figure's, an article's text, a programme's name, a genre, and
# the words that mark a fact as hedged, attempted, an ability, an inference, an example or exclusive, placed in
# time (again, still, long, no longer) or spelling out or summing up what came before
_MARKERS = (
    "certaintyMarker",
    "attemptMarker",
    "abilityMarker",
    "inferenceMarker",
    "exampleMarker",
    "exclusiveMarker",
    "aspectMarker",
    "elaborationMarker",
    "sideTimeMarker",
    "readingMarker",
    "changeMarker",
    "timeMarker",
    "meansMarker",
    "optionMarker",
    "relianceMarker",
    "selfCriticismMarker",
    "denialMarker",
    "uncertaintyMarker",
    "prescriptionMarker",
    "recallMarker",
    "verdictMarker",
    "ownerLeftOpen",
)
# a node that is part of a fact and has the fact's passage (a side of a comparison, a marked reading, a change,
# a relative time), by its link
_PARTS_OF_FACTS = (
    CSTO.subjectSide,
    CSTO.standardSide,
    CSTO.markedReading,
    CSTO.change,
    CSTO.relativeTime,
    CSTO.weighsOption,
    CSTO.reliance,
    CSTO.uncertainty,
    CSTO.prescription,
)
_WORDS_PROPS = (
    CSTO.words,
    CSTO.statedAs,
    CSTO.articleText,
    CSTO.programme,
    DCTERMS.type,
    DCTERMS.title,  # a document's title, as the seed gives it (a seed's own title is a line of it: _sources)
    DCTERMS.rights,  # the terms it is used under, in the seed's words ("used under creative commons licence 2.0")
    *(CSTO[m] for m in _MARKERS),
)


def _quotes(ctx: Context) -> list[Result]:
    out, seen = [], set()
    for p in check_quotes(ctx.data, ctx.seeds_dir):
        if p.evidence in ctx.rejected_evidence or (p.evidence, p.message) in seen:
            continue
        seen.add((p.evidence, p.message))
        r = ctx.locator.result(
            severity=SH.Violation, shape=SHAPE.VerbatimQuoteRule, message=p.message, focus=p.evidence
        )
        if r.file is None and p.file is not None:  # fall back on where the quote checker placed it
            r = Result(**{**r.__dict__, "file": p.file, "line": p.line})
        out.append(r)
    return out


def _words(ctx: Context) -> list[Result]:
    """Words a fact attributes to its source are verbatim in a passage it is derived from in the same file: each
    file quotes its own seed (words pasted from another seed's copy of a shared fact are not that seed's)."""
    union, out = ctx.union, []
    curated = set(_curated_graphs(ctx))
    for (gid, prop), pairs in sorted(
        _by_graph(ctx, *_WORDS_PROPS).items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))
    ):
        if gid not in curated:
            continue
        g = ctx.data.dataset.graph(gid)
        for fact, value in sorted(pairs, key=lambda t: (str(t[0]), str(t[1]))):
            if prop == DCTERMS.title and (fact, RDF.type, CSTO.SourceDocument) in union:
                continue  # a seed's own title is a line of its whole text (shape:SourceChecksumRule), not of a passage
            here = _quotes_of(union, (e for h in _with_wholes(g, fact) for e in g.objects(h, PROV.wasDerivedFrom)))
            if any(str(value) in q for q in here):
                # the space beside them copied too (blank words are shape:ProseIsTaggedText's)
                if str(value).strip() and str(value) != str(value).strip():
                    out.append(_words_result(ctx, fact, prop, value, gid, _SPACE_AT_AN_END))
                elif not any(_whole_words_in(str(value), q) for q in here):
                    out.append(_words_result(ctx, fact, prop, value, gid, _CUT_FROM_A_WORD))
                continue
            elsewhere = any(str(value) in q for q in _quotes_of(union, union.objects(fact, PROV.wasDerivedFrom)))
            where = (
                "is verbatim only in another file's passages for this fact, not in this file's. Fix: the words of "
                "this file's seed, from its own evidence"
                if elsewhere
                else "is not verbatim in any of this fact's evidence quotes. Fix: copy it from the quote, curly "
                "quotes and no-break spaces included."
            )
            out.append(_words_result(ctx, fact, prop, value, gid, where))
    return out


def _whole_words_in(words: str, quote: str) -> bool:
    """Whether ``words`` occur in ``quote`` at least once as whole words (the quote's own ends are its passage's,
    which shape:VerbatimQuoteRule checks)."""
    at = quote.find(words)
    while at >= 0:
        if not any(cuts_a_word(quote, at, at + len(words))):
            return True
        at = quote.find(words, at + 1)
    return False


_CUT_FROM_A_WORD = (
    "is verbatim in this fact's passages only as part of a longer word or number (a letter or digit of the passage "
    "goes on past its start or end): words copied from a seed are whole words, or they say what the seed does not. "
    "Fix: copy them from the quote up to the word's last letter"
)

_SPACE_AT_AN_END = (
    "has white space at its start or end, copied from beside the words in the passage: a query or page comparing "
    "words would not match them. Fix: the words alone, from their first letter to their last"
)


def _words_result(ctx: Context, fact, prop, value, gid, why: str) -> Result:
    return ctx.locator.result(
        severity=SH.Violation,
        shape=SHAPE.WordsAreVerbatim,
        focus=fact,
        value=value,
        path=prop,
        graph=gid,
        message=f'"{value}" {why}',
    )


def _with_wholes(g, node) -> list:
    """The node and the facts it is part of (csto:subjectSide, standardSide, markedReading, change, relativeTime): its
    passages are theirs."""
    return [node, *(whole for link in _PARTS_OF_FACTS for whole in g.subjects(link, node))]


def _quotes_of(union, evidence) -> list[str]:
    return [
        str(q) for ev in evidence for sel in union.objects(ev, OA.hasSelector) for q in union.objects(sel, OA.exact)
    ]


# a figure's property -> the property of its qualifier (None: it has none)
_FIGURES = {CSTO.amount: CSTO.qualifier, CSTO.personnel: CSTO.personnelQualifier, CSTO.equipment: None}
# a figure's property -> its unit: a csto:Unit the property implies, or the property that gives it
_FIGURE_UNITS = {
    CSTO.amount: CSTO.unit,
    CSTO.personnel: CSTO.Persons,
    CSTO.equipment: CSTO.PiecesOfEquipment,
    CSTO.memberCount: CSTO.States,
}


def _figures(ctx: Context) -> list[Result]:
    """A figure is one its own words state, qualified as they qualify it, in the unit they name: ``csto:personnel
    25000`` beside "some 2,500 troops" is a typo, and so are ``csto:qualifier csto:Exactly`` beside "more than
    2,000", no qualifier at all beside "some 2,500" (it would read as exact) and ``csto:unit csto:States`` beside
    "2,500 troops"."""
    union, out = ctx.union, []
    reported = {(r.focus, r.value) for r in ctx.shacl_results if r.severity == SH.Violation}  # e.g. a negative count
    counted = set(union.subjects(CSTO.memberCount, None))
    for node in sorted(set(union.subjects(CSTO.statedAs, None)) | counted, key=str):
        words = [str(w) for w in union.objects(node, CSTO.statedAs)]
        if node in counted:  # a snapshot's count and the words of the figure it gives for it ("six member-states")
            words += [str(w) for q in union.objects(node, CSTO.hasQuantity) for w in union.objects(q, CSTO.statedAs)]
        if not words:
            continue
        said = "; ".join(repr(w) for w in words)
        stated = set().union(*(numbers_in(w) for w in words))
        for prop, qualifier_prop in {**_FIGURES, CSTO.memberCount: None}.items():
            for value in union.objects(node, prop):
                try:
                    number = Decimal(str(value))
                except InvalidOperation:
                    continue  # not a number: the datatype shapes report it
                if (node, value) in reported:
                    continue
                if number not in stated:
                    message = (
                        f"the figure {value} is not a number its words state ({said} state "
                        f"{', '.join(sorted(map(str, stated))) or 'none'}). Fix: the figure or the words, whichever "
                        "was mistyped"
                    )
                    out.append(_figure_result(ctx, node, prop, value, message))
                    continue
                implied = set().union(*(qualifiers_of(w, number) for w in words))
                given = list(union.objects(node, qualifier_prop)) if qualifier_prop else []
                if qualifier_prop and not given and "Exactly" not in implied:
                    message = (
                        f"the words ({said}) give {value} as {' or '.join(f'csto:{q}' for q in sorted(implied))}, "
                        f"but it has no {shown(qualifier_prop)}: without one it reads as exact. Fix: add the "
                        "qualifier the words give"
                    )
                    out.append(_figure_result(ctx, node, prop, value, message))
                for qualifier in given:
                    name = str(qualifier).rsplit("/", 1)[-1]
                    if name not in implied and (node, qualifier) not in reported:
                        message = (
                            f"{shown(qualifier_prop)} is {shown(qualifier)}, but the words ({said}) give "
                            f"{value} as {' or '.join(f'csto:{q}' for q in sorted(implied))}. Fix: the qualifier "
                            "the words give"
                        )
                        out.append(_figure_result(ctx, node, qualifier_prop, qualifier, message))
                out += _unit_results(ctx, node, prop, value, words, reported)
    return out + _figures_of_their_facts(ctx) + _numbers_in_passages(ctx) + _figures_of_the_linking_file(ctx)


def _figures_of_the_linking_file(ctx: Context) -> list[Result]:
    """A figure is one source's (house rule 5): a file that gives a fact a figure (csto:hasQuantity,
    csto:reportedForceSize) describes that figure itself, with its own seed's words; linking another seed's
    figure attributes that seed's number to this one."""
    out = []
    curated = set(_curated_graphs(ctx)) - {ENTITIES_GRAPH}
    for (gid, prop), pairs in sorted(
        _by_graph(ctx, CSTO.hasQuantity, CSTO.reportedForceSize).items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))
    ):
        if gid not in curated:
            continue
        described = ctx.data.dataset.graph(gid)
        for fact, figure in sorted(pairs, key=lambda t: (str(t[0]), str(t[1]))):
            if (figure, None, None) in described:
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.FigureMatchesItsWords,
                    s=fact,
                    p=prop,
                    o=figure,
                    graph=gid,
                    message=f"this file gives the fact the figure {shown(figure)}, which it does not describe: "
                    "the figure is another file's, another seed's number. Fix: describe this seed's own figure here, "
                    "with its words and evidence, and link that one",
                )
            )
    return out


# whole numbers a fact takes from its passages' words, and the nouns they number there ("the fourth paragraph",
# "Article 4", "the fifth meeting ... this year")
_PASSAGE_NUMBERS = {
    CSTO.articleNumber: re.compile(r"\b(?:article|paragraph|clause)s?\b", re.IGNORECASE),
    CSTO.meetingOrdinalInYear: re.compile(r"\b(?:meeting|summit|session)s?\b", re.IGNORECASE),
}
_NEAR = 24  # characters either side of the noun where its number is read


def _numbers_in_passages(ctx: Context) -> list[Result]:
    """An article's number or a meeting's ordinal is the number the fact's own passages give the article or
    meeting ("Article 4", "the fourth paragraph", "the fifth meeting"): "articleNumber 5" beside "the fourth
    paragraph" is a typo. Passages that number no article (or meeting) are not read."""
    union, out = ctx.union, []
    for prop, noun in _PASSAGE_NUMBERS.items():
        for fact, value in sorted(union.subject_objects(prop), key=str):
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                continue  # not a number: the datatype shapes report it
            stated: set[Decimal] = set()
            for quote in _quotes_of(union, union.objects(fact, PROV.wasDerivedFrom)):
                for m in noun.finditer(quote):
                    stated |= numbers_in(quote[max(0, m.start() - _NEAR) : m.end() + _NEAR])
            if not stated or number in stated:
                continue
            message = (
                f"{shown(prop)} {value} is not the number the fact's passages give it (they give "
                f"{', '.join(sorted(map(str, stated)))}). Fix: the number the passage gives"
            )
            out.append(_figure_result(ctx, fact, prop, value, message))
    return out


def _figures_of_their_facts(ctx: Context) -> list[Result]:
    """A figure (csto:hasQuantity) is stated in the words of the fact it is given to: the figure of a sibling
    claim ("Six states" given to "three others ... the following year") is a slip in the link."""
    union, out = ctx.union, []
    for fact, quantity in sorted(union.subject_objects(CSTO.hasQuantity), key=str):
        words = [str(w) for w in union.objects(fact, CSTO.words)]
        stated_as = [str(s) for s in union.objects(quantity, CSTO.statedAs)]
        if not words or not stated_as or any(s in w for s in stated_as for w in words):
            continue
        message = (
            f"the figure {shown(quantity)} ({'; '.join(map(repr, stated_as))}) is not in the words of the fact "
            f"it is given to ({'; '.join(map(repr, words))}). Fix: give the fact its own figure, or the figure to "
            "the fact whose words state it"
        )
        out.append(_figure_result(ctx, fact, CSTO.hasQuantity, quantity, message))
    return out


def _unit_results(ctx: Context, node: Node, prop: Node, value: Node, words: list[str], reported: set) -> list:
    """The figure's unit is the one the noun after its number names, when one does ("2,500 troops": persons)."""
    number = Decimal(str(value))
    named = set().union(*(units_of(w, number) for w in words))
    if not named:
        return []
    unit_of = _FIGURE_UNITS[prop]
    units = list(ctx.union.objects(node, unit_of)) if unit_of == CSTO.unit else [unit_of]
    out = []
    for unit in units:
        if str(unit).rsplit("/", 1)[-1] in named or (node, unit) in reported:
            continue
        said = "; ".join(repr(w) for w in words)
        nouns = " or ".join(f"csto:{u}" for u in sorted(named))
        if unit_of == CSTO.unit:
            message = f"csto:unit is {shown(unit)}, but the words ({said}) count {value} in {nouns}. Fix: the unit"
            out.append(_figure_result(ctx, node, CSTO.unit, unit, message))
        else:
            message = (
                f"{shown(prop)} counts {shown(unit)}, but the words ({said}) count {value} in {nouns}. "
                "Fix: give the figure to the property of its unit (e.g. csto:personnel and csto:equipment swapped)"
            )
            out.append(_figure_result(ctx, node, prop, value, message))
    return out


# what the curator and the source say of a figure, besides its words: where its unit is named when they name none
_FIGURE_SAYS = (RDFS.label, RDFS.comment, CSTO.curatorNote, SKOS.note)


def _units_said(ctx: Context) -> list[Result]:
    """A figure whose words name no unit ("three others", "the only case") has a unit that its passages, its label,
    its comment or a note names ("Six states signed ... three others": states). ``csto:unit csto:Weeks`` typed over
    ``csto:States`` there passed every check, since the words alone say nothing of what they count. Where the words
    name a unit, :func:`_unit_results` reads it."""
    union, out = ctx.union, []
    for node, unit in sorted(union.subject_objects(CSTO.unit), key=str):
        words = [str(w) for w in union.objects(node, CSTO.statedAs)]
        amounts = [Decimal(str(a)) for a in union.objects(node, CSTO.amount) if _is_number(a)]
        if not words or any(units_of(w, a) for w in words for a in amounts):
            continue
        texts = words + _quotes_of(union, union.objects(node, PROV.wasDerivedFrom))
        texts += [str(t) for p in _FIGURE_SAYS for t in union.objects(node, p)]
        named = set().union(*map(units_mentioned, texts))
        name = str(unit).rsplit("/", 1)[-1]
        if name in named:
            continue
        said = "; ".join(repr(w) for w in words)
        others = f" (they name {', '.join(f'csto:{u}' for u in sorted(named))})" if named else ""
        message = (
            f"csto:unit is {shown(unit)}, but neither the figure's words ({said}) nor its passages, label, "
            f"comment or notes name what it counts in that unit{others}. Fix: the unit, or a comment saying what the "
            "figure counts"
        )
        shape, gid = SHAPE.UnitSaidOfItsFigure, ctx.locator.graph_of(node, CSTO.unit, unit)
        if gid in ctx.data.files:  # at the line that writes the unit
            result = ctx.locator.statement_result(
                severity=SH.Warning, shape=shape, message=message, s=node, p=CSTO.unit, o=unit, graph=gid
            )
        else:
            result = ctx.locator.result(
                severity=SH.Warning, shape=shape, message=message, focus=node, value=unit, path=CSTO.unit
            )
        out.append(result)
    return out


def _is_number(value: Node) -> bool:
    try:
        Decimal(str(value))
    except InvalidOperation:
        return False
    return True


def _figure_result(ctx: Context, node: Node, prop: Node, value: Node, message: str) -> Result:
    return ctx.locator.result(
        severity=SH.Violation, shape=SHAPE.FigureMatchesItsWords, focus=node, value=value, path=prop, message=message
    )


def _checksums(ctx: Context) -> list[Result]:
    union, out = ctx.union, _source_records(ctx)
    digests: dict[str, tuple[Node, str]] = {}
    for doc in sorted(set(union.subjects(RDF.type, CSTO.SourceDocument)), key=str):
        for ident in union.objects(doc, DCTERMS.identifier):
            name = str(ident)
            if not re.fullmatch(r"[0-9]{3}_[0-9a-f]{16}\.txt", name):
                continue  # shape:SourceDocumentIdentifier reports it
            path = ctx.seeds_dir / name
            if not path.is_file():
                out.append(
                    ctx.locator.result(
                        severity=SH.Violation,
                        shape=SHAPE.SourceChecksumRule,
                        focus=doc,
                        value=ident,
                        message=f'dcterms:identifier "{name}" names no file in seeds/',
                    )
                )
                continue
            raw = path.read_bytes()
            actual = hashlib.sha256(raw).hexdigest()
            if actual in digests and digests[actual][1] != name:
                message = (
                    f"seeds/{name} is byte for byte seeds/{digests[actual][1]}, the file of "
                    f"{shown(digests[actual][0])}: one article added twice under two seed names. Fix: keep one "
                    "seed and its file"
                )
                out.append(_source_result(ctx, doc, DCTERMS.identifier, ident, message))
            digests.setdefault(actual, (doc, name))
            for declared in union.objects(doc, CSTO.sha256):
                if _SHA256.match(str(declared)) and str(declared) != actual:
                    out.append(
                        ctx.locator.result(
                            severity=SH.Violation,
                            shape=SHAPE.SourceChecksumRule,
                            focus=doc,
                            value=declared,
                            message=f"csto:sha256 is not the digest of seeds/{name}: the file's is {actual}",
                        )
                    )
            out += _title_and_author(ctx, doc, name, raw.decode("utf-8", errors="replace"))
    return out


def _source_records(ctx: Context) -> list[Result]:
    """Each seed's file holds its source record: ``src:<seed id> a csto:SourceDocument``, in its own graph."""
    out = []
    for gid in _curated_graphs(ctx):
        own = _seed_source(ctx, gid)
        if own is None or (own, RDF.type, CSTO.SourceDocument) in ctx.data.dataset.graph(gid):
            continue
        path = ctx.data.files[gid]
        stem = path.stem
        message = (
            f"{path.name} has no source record: its seed's document {shown(own)} is not typed csto:SourceDocument "
            f'in this file. Fix: src:{stem} a csto:SourceDocument, with dcterms:identifier "{stem}.txt", its '
            "csto:sha256 and csto:publicationDate"
        )
        line = _file_line(path, f"graph:{stem}")
        out.append(
            ctx.locator.result(
                severity=SH.Violation, shape=SHAPE.SourceChecksumRule, focus=own, graph=gid, file=path, line=line,
                message=message,
            )
        )  # fmt: skip
    return out


def _file_line(path, needle: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((n for n, line in enumerate(lines, 1) if needle in line), None)


def _title_and_author(ctx: Context, doc: Node, name: str, text: str) -> list[Result]:
    """A source's title is a line of its text, verbatim, and a person credited as its author is named there (by a label or
    an alternative label, in any case: "Kenan AĞAZADE")."""
    union, out, folded = ctx.union, [], text.casefold()
    lines = {line.strip() for line in text.splitlines()}
    for title in union.objects(doc, DCTERMS.title):
        if str(title).strip() not in lines:
            message = (
                f'dcterms:title "{title}" is not a line of seeds/{name}, verbatim. Fix: copy the title line from the '
                "text"
            )
            out.append(_source_result(ctx, doc, DCTERMS.title, title, message))
    for creator in union.objects(doc, DCTERMS.creator):
        if (creator, RDF.type, CSTO.Person) not in union:
            continue
        names = [str(n) for p in (RDFS.label, SKOS.altLabel) for n in union.objects(creator, p)]
        if names and not any(n.casefold() in folded for n in names):
            message = (
                f"dcterms:creator {shown(creator)} ({'; '.join(map(repr, names))}) is not named in seeds/{name}. "
                "Fix: the person the byline names"
            )
            out.append(_source_result(ctx, doc, DCTERMS.creator, creator, message))
    return out


def _source_result(ctx: Context, doc: Node, path: Node, value: Node, message: str) -> Result:
    return ctx.locator.result(
        severity=SH.Violation, shape=SHAPE.SourceChecksumRule, focus=doc, value=value, path=path, message=message
    )


def _by_graph(ctx: Context, *preds: Node) -> dict:
    """(graph, predicate) -> [(s, o)], in one pass per predicate over all graphs.

    rdflib's store answers a (None, p, None) pattern in one graph by filtering every graph's p-triples, so
    asking graph by graph was files x triples (1e6: minutes).
    """
    out: dict = {}
    for pred in preds:
        for s, _, o, c in ctx.data.dataset.quads((None, pred, None, None)):
            out.setdefault((graph_id(c), pred), []).append((s, o))
    return out


def _curated_graphs(ctx: Context):
    return [g for g in ctx.data.files if g not in (ONTOLOGY_GRAPH, INFERRED_GRAPH, META_GRAPH)]


def _seed_source(ctx: Context, gid) -> Node | None:
    """The source document of the seed whose file is graph ``gid`` (None for entities.trig)."""
    seed_id = str(gid)[len(str(GRAPH)) :] if str(gid).startswith(str(GRAPH)) else None
    return source_iri(seed_id) if seed_id and (ctx.seeds_dir / f"{seed_id}.txt").exists() else None


def _own_file(ctx: Context) -> list[Result]:
    ds, out = ctx.data.dataset, []
    by_graph = _by_graph(ctx, OA.hasSource, PROV.wasDerivedFrom)
    for gid in _curated_graphs(ctx):
        g = ds.graph(gid)
        own_source = _seed_source(ctx, gid)
        if own_source is not None:
            for ev, src in sorted(set(by_graph.get((gid, OA.hasSource), ())), key=str):
                if src != own_source and ev not in ctx.rejected_evidence:
                    out.append(
                        ctx.locator.result(
                            severity=SH.Violation,
                            shape=SHAPE.EvidenceFromOwnFileRule,
                            focus=ev,
                            value=src,
                            graph=gid,
                            message=f"evidence in this file cites {src}; evidence here must cite this file's seed "
                            f"{own_source}. Fix: move the evidence (and the facts it supports) to that seed's "
                            "file, or cite this file's seed",
                        )
                    )
        for fact, ev in sorted(set(by_graph.get((gid, PROV.wasDerivedFrom), ())), key=str):
            if (ev, None, None) not in g:
                out.append(
                    ctx.locator.result(
                        severity=SH.Violation,
                        shape=SHAPE.EvidenceFromOwnFileRule,
                        focus=fact,
                        value=ev,
                        graph=gid,
                        message=f"the fact's evidence {ev} is not described in this file; every file gives its own "
                        "evidence for the facts it states. Fix: add the evidence node here (csto-kg cite)",
                    )
                )
    return out


# links to a source document that have rules of their own (shape:EvidenceFromOwnFileRule, DateRelativeToOwnSeed,
# ClaimAssertedByACitedSource)
_SOURCE_LINKS_CHECKED = (OA.hasSource, CSTO.dateRelativeTo, CSTO.assertedBy)


def _own_seed_only(ctx: Context) -> list[Result]:
    """A seed's file names no other seed's source document (src:<seed id>, the project's copy of a seed, not a
    work a seed could cite): every file records what its own seed says, so a src: of another seed in it (a
    dcterms:source, a csto:about, a block pasted from another file) says that one seed's file knows another's."""
    seeds = {source_iri(f.stem) for f in ctx.seeds_dir.glob("*.txt")}  # a src: of no seed is SourceChecksumRule's
    reported = {n for r in ctx.shacl_results if r.severity == SH.Violation for n in (r.focus, r.value)}
    out = []
    for gid in _curated_graphs(ctx):
        own = _seed_source(ctx, gid)
        if own is None:
            continue
        g = ctx.data.dataset.graph(gid)
        others = seeds - {own}
        candidates = [t for t in g if t[2] in others or t[0] in others]  # sorted: only these (every triple, 2x)
        for s, p, o in sorted(candidates, key=str):
            other = next((n for n in (o, s) if n in others), None)
            if other is None or p in _SOURCE_LINKS_CHECKED:
                continue
            linked = {other, *g.objects(other, None), *g.subjects(None, other)}
            if linked & reported:
                continue  # a shape about sources (shape:UnnamedAuthorOfOneSource...) names it or a node it links

            out.append(ctx.locator.statement_result(shape=SHAPE.OwnSeedOnly, s=s, p=p, o=o, graph=gid,
                       message=f"this statement of {ctx.data.files[gid].name} names {shown(other)}, another "
                       f"seed's source document: a seed's file records what that seed says, of its own document "
                       f"{shown(own)}. Fix: the node or page the seed names (a web page's URL for a "
                       "dcterms:source), or move the statement to the other seed's file"))  # fmt: skip
    return out


_SEED_NUMBER = re.compile(r"(?:^|-)([0-9]{3})(?=-|$)")


def _seed_numbers(ctx: Context) -> dict[str, set]:
    """Each seed's number (the NNN of NNN_<hash>.txt) and the curated graphs of that seed."""
    out: dict[str, set] = {}
    for gid in _curated_graphs(ctx):
        own = _seed_source(ctx, gid)
        if own is not None:
            out.setdefault(str(own)[len(str(SRC)) :][:3], set()).add(gid)
    return out


def _named_for_another(node, seeds: dict[str, set], own: str, spaces: tuple[str, ...] = (str(ID), str(EV))) -> set:
    """The seed numbers (of ``seeds``) a fact or evidence IRI is minted with (``:claim-001-...``), if ``own`` is not
    among them; else the empty set."""
    text = str(node)
    ns = next((n for n in spaces if text.startswith(n)), None)
    if ns is None:
        return set()
    named = set(_SEED_NUMBER.findall(text[len(ns) :])) & seeds.keys()
    return set() if own in named else named


def _iri_of_its_seed(ctx: Context) -> list[Result]:
    """A fact or evidence node whose IRI is minted for seed NNN (``:claim-001-...``, ``ev:001-...``) is stated in
    seed NNN's file: one typed only in another seed's file was minted with the wrong seed's number (a block copied
    from another file, renamed in part), and its IRI would say the wrong seed."""
    seeds, out = _seed_numbers(ctx), []
    ds = ctx.data.dataset
    for gid in sorted(set().union(*seeds.values()), key=str):
        own = str(_seed_source(ctx, gid))[len(str(SRC)) :][:3]
        # the graph's own triples (no filtering of all), and of them only the nodes named for another seed, before
        # sorting: sorting every typed pair by its text cost more than the rest of the rule (1e5: 3.1 of 9.4 s)
        typed = [(s, o) for s, p, o in ds.graph(gid) if p in TYPE and _named_for_another(s, seeds, own)]
        for s, o in sorted(typed, key=str):
            named = _named_for_another(s, seeds, own)
            if any((s, RDF.type, None) in ds.graph(g) for n in named for g in seeds[n]):
                continue  # stated in that seed's file too: a node both seeds speak of
            other = ", ".join(sorted(named))
            out.append(ctx.locator.statement_result(shape=SHAPE.IriOfItsSeed, s=s, p=RDF.type, o=o, graph=gid,
                       message=f"{shown(s)} is named for seed {other} (its IRI's -{other}- part) but is stated "
                       f"only in {ctx.data.files[gid].name}, seed {own}'s file: an IRI minted with another seed's "
                       f"number says the wrong seed. Fix: rename it with {own} (and every reference to it)"))  # fmt: skip
        out += _described_for_another_seed(ctx, seeds, gid, own)
    return out


def _described_for_another_seed(ctx: Context, seeds: dict[str, set], gid, own: str) -> list[Result]:
    """A node named for seed NNN (``:allies-of-russia-002``: a group as seed 002 words it) that another seed's file
    describes without typing it there: what is said of it is seed NNN's, in NNN's file."""
    out, seen = [], set()
    g = ctx.data.dataset.graph(gid)
    # only the nodes named for another seed are sorted and looked up (1e5: sorting every triple and a type look-up
    # per triple took 6 s of the rule's 9.4)
    candidates = [
        (s, p, o)
        for s, p, o in g
        if p not in TYPE and str(s).startswith(str(ID)) and _named_for_another(s, seeds, own, (str(ID),))
    ]
    for s, p, o in sorted(candidates, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if s in seen or (s, RDF.type, None) in g:
            continue
        named = _named_for_another(s, seeds, own, (str(ID),))
        seen.add(s)
        other = ", ".join(sorted(named))
        out.append(ctx.locator.statement_result(shape=SHAPE.IriOfItsSeed, s=s, p=p, o=o, graph=gid,
                   message=f"{shown(s)} is named for seed {other} (its IRI's -{other} part: seed {other}'s "
                   f"wording), but {ctx.data.files[gid].name}, seed {own}'s file, says {shown(p)} of it: what "
                   f"is said of it is seed {other}'s. Fix: state it in seed {other}'s file with that seed's passage, "
                   f"or give seed {own}'s wording its own node"))  # fmt: skip
    return out


def _relative_to_own_seed(ctx: Context) -> list[Result]:
    """A relative date ("this year", "last week") in a seed's text is read from that seed's date."""
    out = []
    for (gid, _), pairs in _by_graph(ctx, CSTO.dateRelativeTo).items():
        own = _seed_source(ctx, gid)
        if gid not in ctx.data.files or own is None:
            continue
        for node, src in sorted(set(pairs), key=str):
            if src != own:
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.DateRelativeToOwnSeed,
                        s=node,
                        p=CSTO.dateRelativeTo,
                        o=src,
                        graph=gid,
                        message=f"the date is read relative to {src}, but this file states it from its own seed's "
                        f"text, whose words ('this year', 'last week') are anchored by its own date. Fix: "
                        f"csto:dateRelativeTo {own}",
                    )
                )
    return out


def _asserted_by_a_cited_source(ctx: Context) -> list[Result]:
    """A claim is asserted by a source its evidence quotes (silent where that evidence is already reported, or
    names no source)."""
    union, out = ctx.union, []
    wrong_evidence = {r.focus for r in ctx.shacl_results if r.shape == SHAPE.EvidenceFromOwnFileRule}
    for (gid, _), pairs in _by_graph(ctx, CSTO.assertedBy).items():
        if gid not in ctx.data.files or gid in (ONTOLOGY_GRAPH, INFERRED_GRAPH, META_GRAPH):
            continue
        for claim, src in sorted(set(pairs), key=str):
            evidence = set(union.objects(claim, PROV.wasDerivedFrom))
            cited = {s for e in evidence for s in union.objects(e, OA.hasSource)}
            reported = evidence & (wrong_evidence | ctx.rejected_evidence) or claim in wrong_evidence
            if not cited or src in cited or reported:  # no source known: the evidence shapes report it
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.ClaimAssertedByACitedSource,
                    s=claim,
                    p=CSTO.assertedBy,
                    o=src,
                    graph=gid,
                    message=f"the claim is csto:assertedBy {src}, which none of its evidence quotes (it quotes "
                    f"{', '.join(sorted(map(str, cited))) or 'no source'}). Fix: the source that asserts it is the "
                    "one whose text the evidence quotes",
                )
            )
    return out


def required_values(shapes) -> dict[Node, tuple[tuple[Node, tuple[Node, ...]], ...]]:
    """class -> (shape, predicates) of each violation-severity property shape targeting it whose path is a
    predicate or an alternative of predicates and whose sh:minCount is at least 1: the values a node of the class
    must have (one of the predicates)."""
    out: dict[Node, list] = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for ps in (shape, *shapes.objects(shape, SH.property)):
            severity = shapes.value(ps, SH.severity) or shapes.value(shape, SH.severity) or SH.Violation
            if severity != SH.Violation or (ps, SH.deactivated, None) in shapes:
                continue
            if not any(int(m) >= 1 for m in shapes.objects(ps, SH.minCount)):
                continue
            for path in shapes.objects(ps, SH.path):
                if isinstance(path, URIRef):
                    out.setdefault(cls, []).append((ps, (path,)))
                else:
                    for alternatives in shapes.objects(path, SH.alternativePath):
                        items = tuple(shapes.items(alternatives))
                        if items and all(isinstance(i, URIRef) for i in items):
                            out.setdefault(cls, []).append((ps, items))
    return {cls: tuple(sorted(paths, key=str)) for cls, paths in out.items()}


def _required_values_in_each_file(ctx: Context) -> list[Result]:
    """A node a curated file types with a class (or a subclass of one) that a shape requires values of is given,
    in that file, one value of each: each file says what its seed says of the node, whole. Removing a membership's
    org:member from one file's copy is caught although another file still gives it (where no file does, the shape
    itself reports it, and this rule is silent). A value the file states the other way round, through the
    property's owl:inverseOf, counts."""
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    parents: dict[Node, set[Node]] = {}
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        parents.setdefault(sub, set()).add(sup)
    needs: dict[Node, set] = {}

    def needed(cls: Node) -> set:
        if cls not in needs:
            seen, todo, paths = set(), [cls], set()
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    paths.update(ctx.required_values.get(c, ()))
                    todo.extend(parents.get(c, ()))
            needs[cls] = paths
        return needs[cls]

    inverse: dict[Node, set[Node]] = {}  # a value may be stated the other way round (the request's csto:response)
    for a, b in onto.subject_objects(OWL.inverseOf):
        inverse.setdefault(a, set()).add(b)
        inverse.setdefault(b, set()).add(a)
    given: dict[tuple[Node, Node], set[Node]] = {}  # (graph, predicate) -> the nodes it gives a value

    def has(gid: Node, node: Node, predicate: Node) -> bool:
        if (gid, predicate) not in given:
            given[(gid, predicate)] = {s for s, _ in ctx.pairs(gid, predicate)} | {
                o for q in inverse.get(predicate, ()) for _, o in ctx.pairs(gid, q)
            }
        return node in given[(gid, predicate)]

    out = []
    for gid in ctx.curated:
        for node, cls in sorted(ctx.pairs(gid, RDF.type), key=str):
            for shape, predicates in sorted(needed(cls), key=str):
                if PROV.wasDerivedFrom in predicates or any(has(gid, node, p) for p in predicates):
                    # evidence per file is shape:FactEvidenceInEachFile's
                    continue
                if not any((node, p, None) in ctx.union for p in predicates):
                    continue  # given nowhere: the shape reports it
                names = " or ".join(curie(str(p)) or str(p) for p in predicates)
                out.append(
                    ctx.locator.result(
                        severity=SH.Violation,
                        shape=SHAPE.RequiredValuesInEachFile,
                        focus=node,
                        path=predicates[0],
                        graph=gid,
                        message=f"is typed {curie(str(cls)) or cls} in this file, which gives it no {names} "
                        f"({curie(str(shape)) or 'a shape'} requires one; another file gives it): each file says "
                        "what its seed says of the node, whole. Fix: the value this file's passage gives, or leave "
                        "the node out of this file",
                    )
                )
    return out


def _evidence_in_each_file(ctx: Context) -> list[Result]:
    """A fact described in a seed's file is derived from evidence in that file (each copy of a shared fact)."""
    out: list[Result] = []
    evidenced: dict = {}
    for (gid, _), pairs in _by_graph(ctx, PROV.wasDerivedFrom).items():
        for s, _ in pairs:
            evidenced.setdefault(s, set()).add(gid)
    reported = {r.focus for r in ctx.shacl_results if r.shape == SHAPE.FactHasEvidence}
    for fact in sorted(ctx.facts - reported, key=str):
        has = evidenced.get(fact, set())
        if ENTITIES_GRAPH in ctx.subject_graphs.get(fact, set()):
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.FactEvidenceInEachFile,
                    focus=fact,
                    graph=ENTITIES_GRAPH,
                    message="kg/entities.trig describes this fact, but it holds entities only (identity, labels, Wikidata "
                    "links), and cites no seed. Fix: write the fact's statements in the file of the seed that "
                    "states them, with that seed's evidence",
                )
            )
        for gid in sorted(ctx.subject_graphs.get(fact, set()) - has - {ENTITIES_GRAPH}, key=str):
            others = sorted(
                ctx.locator.where(ctx.data.files[g], ctx.locator.node_line(ctx.data.files[g], fact, g)) for g in has
            )
            elsewhere = f" (its copies in {', '.join(others)} have theirs)" if others else ""
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.FactEvidenceInEachFile,
                    focus=fact,
                    graph=gid,
                    message=f"this file describes the fact but gives no prov:wasDerivedFrom for it{elsewhere}. Fix: "
                    "derive it from evidence of this file's seed, or remove this file's copy",
                )
            )
    return out + _entity_statements_evidenced(ctx, evidenced) + _entities_file_contents(ctx)


# What kg/entities.trig says of an entity (kg/README.md): identity, names, Wikidata link, and the definitional links
# of offices and organs (an office's post and role, an organ's organisation). Anything else a seed says, with its
# evidence, in that seed's file.
_ENTITY_FILE_PREDICATES = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SKOS.prefLabel,
    SKOS.altLabel,
    SKOS.hiddenLabel,
    SKOS.exactMatch,
    ORG.postIn,
    ORG.role,
    ORG.unitOf,
}


def _entity_statements_evidenced(ctx: Context, evidenced: dict) -> list[Result]:
    """What a seed's file says about an entity (a capital, a nationality, a founding treaty) is derived, in that
    file, from a passage of it: an csto:Evidence node, not the source document itself."""
    union, out = ctx.union, []
    entities = _entity_nodes(ctx)
    for gid in sorted(set(_curated_graphs(ctx)) - {ENTITIES_GRAPH}, key=str):
        g = ctx.data.dataset.graph(gid)
        for entity in sorted({s for s in g.subjects() if s in entities}, key=str):
            if (entity, RDF.type, None) in g:
                continue  # an entity typed in a seed's file: EntityInEntitiesFile reports it
            passages = [e for e in g.objects(entity, PROV.wasDerivedFrom) if (e, RDF.type, CSTO.Evidence) in union]
            if passages:
                continue
            cited = [e for e in g.objects(entity, PROV.wasDerivedFrom)]
            why = (
                f"derives them from {', '.join(curie(str(e)) or str(e) for e in cited)}, which is not a passage"
                if cited
                else "gives no prov:wasDerivedFrom for them"
            )
            # located at the first statement of which the entity is the subject, not where the file first names
            # it (as a value of another node's)
            file = ctx.data.files[gid]
            line = min(ctx.locator.statement_line(file, entity, p, o, gid) or 0 for p, o in g.predicate_objects(entity))
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.FactEvidenceInEachFile,
                    focus=entity,
                    graph=gid,
                    file=file,
                    line=line or ctx.locator.node_line(file, entity, gid),
                    message=f"this file makes statements about the entity but {why}. Fix: derive them from the "
                    "evidence (ev:) of this file's seed that states them",
                )
            )
    return out


def _entities_file_contents(ctx: Context) -> list[Result]:
    out = []
    if ENTITIES_GRAPH not in ctx.data.files:
        return out
    for s, p, o in sorted(ctx.data.dataset.graph(ENTITIES_GRAPH), key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if p in _ENTITY_FILE_PREDICATES:
            continue
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.FactEvidenceInEachFile,
                s=s,
                p=p,
                o=o,
                graph=ENTITIES_GRAPH,
                message=f"kg/entities.trig states {curie(str(p)) or p} of an entity, but it holds only identity, names, "
                "Wikidata links and the definitional links of offices and organs, and cites no seed. "
                "Fix: write "
                "the statement in the file of the seed that states it, with that seed's evidence",
            )
        )
    return out


def _entity_classes(ctx: Context) -> set:
    return {c for root in _ENTITY_ROOTS for c in ctx.union.transitive_subjects(RDFS.subClassOf, root)}


def _entity_nodes(ctx: Context) -> set:
    return {s for c in _entity_classes(ctx) for s in ctx.union.subjects(RDF.type, c)}


# The roots of the entity classes: a node of one of them (or of a subclass) is an entity, described in entities.trig.
_ENTITY_ROOTS = (PROV.Agent, CSTO.Place, CSTO.Office, CSTO.Treaty, CSTO.Topic, CSTO.Organ)


def _facts_in_the_entities_file(ctx: Context) -> list[Result]:
    """kg/entities.trig types entities only: a class of another kind there (a fact's, a value node's) is a class
    typed over with another ("a csto:Group" written "a csto:RelativeTime"), or a fact written where it has no seed."""
    entity_classes = _entity_classes(ctx)
    out = []
    for s, cls in sorted(ctx.pairs(ENTITIES_GRAPH, RDF.type), key=lambda so: (str(so[0]), str(so[1]))):
        if cls in entity_classes:
            continue
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.EntityInEntitiesFile,
                message=f"kg/entities.trig types {shown(s)} as {shown(cls)}, which is no entity class (an "
                "agent, place, office, organ, treaty or topic, or a subclass of one): that file holds the entities "
                "every seed shares. Fix: the entity's class (a class typed over with another); or, for a fact, "
                "write it in the file of the seed that states it, with that seed's evidence",
                s=s,
                p=RDF.type,
                o=cls,
                graph=ENTITIES_GRAPH,
            )
        )
    return out


def _entities_in_seed_files(ctx: Context) -> list[Result]:
    """An entity's own node (its type) is written in kg/entities.trig, not in a seed's file."""
    entity_classes = _entity_classes(ctx)
    entities = {s for c in entity_classes for s in ctx.union.subjects(RDF.type, c)}
    seeds = set(_curated_graphs(ctx)) - {ENTITIES_GRAPH}
    out = []
    for s in sorted(entities, key=str):
        for gid in sorted(ctx.subject_graphs.get(s, set()) & seeds, key=str):
            for cls in sorted(set(ctx.data.dataset.graph(gid).objects(s, RDF.type)) & entity_classes, key=str):
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.EntityInEntitiesFile,
                        message=f"this seed's file types {shown(s)} as an entity ({shown(cls)}); an entity's "
                        "node (its type, labels and Wikidata link) lives in kg/entities.trig, shared by every seed. "
                        "Fix: move the type and labels there (checking that the entity is not there already under "
                        "another IRI), and keep here only what this seed says about it, with evidence",
                        s=s,
                        p=RDF.type,
                        o=cls,
                        graph=gid,
                    )
                )
    return out


def _occasions(ctx: Context) -> list[Result]:
    """A meeting's occasion ("the 30th anniversary of the Collective Security Treaty") states the number of the figure
    its file records in the same words: a csto:Quantity of the same file whose csto:statedAs is the occasion's
    wording with another number (the treaty's 20th where the figure says 30) contradicts it."""
    out = []
    for gid in ctx.curated:
        graph = ctx.data.dataset.graph(gid)
        figures: dict[str, list[tuple[Node, Decimal]]] = {}
        for q in ctx.typed(gid, CSTO.Quantity):
            for words in graph.objects(q, CSTO.statedAs):
                for amount in graph.objects(q, CSTO.amount):
                    try:
                        value = Decimal(str(amount))
                    except InvalidOperation:
                        continue
                    if numbers_in(str(words)):
                        figures.setdefault(without_numbers(str(words)), []).append((q, value))
        for meeting, occasion in sorted(ctx.pairs(gid, CSTO.occasion), key=lambda t: (str(t[0]), str(t[1]))):
            stated = numbers_in(str(occasion))
            if not stated:
                continue
            for q, value in sorted(figures.get(without_numbers(str(occasion)), ()), key=lambda t: str(t[0])):
                if value in stated:
                    continue
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.OccasionMatchesItsFigures,
                        s=meeting,
                        p=CSTO.occasion,
                        o=occasion,
                        graph=gid,
                        message=f"the occasion {str(occasion)!r} states {', '.join(str(n) for n in sorted(stated))}, "
                        f"but this file's figure {shown(q)} for the same words ({str(graph.value(q, CSTO.statedAs))!r}) "
                        f"is {value}. Fix: the occasion and the figure quote one passage; correct the one that misquotes "
                        "it (an ordinal swapped between two occasions, a typo)",
                    )
                )
    return out


# what an evidence node says: where its passage is, what the passage supports, and notes for people
_EVIDENCE_SAYS = (RDF.type, OA.hasSource, OA.hasSelector, CSTO.supportsProperty, CSTO.curatorNote, RDFS.comment)


def _evidence_locates(ctx: Context) -> list[Result]:
    """An evidence node is a passage of a seed (an oa:SpecificResource): its oa:hasSource, its selectors, the
    properties it supports, notes. It is where provenance ends, derived from nothing (prov:wasDerivedFrom), and no
    fact's statement (a date, a place, a label) is made of it: such a line was pasted into the evidence block
    from the fact it serves, where it is missing."""
    evidence = set(ctx.union.subjects(RDF.type, CSTO.Evidence))
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if s not in evidence or p in _EVIDENCE_SAYS:
            continue
        why = (
            "derives it from another resource: evidence is a passage of its seed (oa:hasSource), where provenance "
            "ends; a fact is derived from it"
            if p == PROV.wasDerivedFrom
            else "says something of it that is a fact's: evidence only locates a passage (oa:hasSource, "
            "oa:hasSelector) and names what it supports (csto:supportsProperty)"
        )
        out.append(ctx.locator.statement_result(shape=SHAPE.EvidenceOnlyLocatesItsPassage, s=s, p=p, o=o, graph=gid,
                   message=f"its {curie(str(p)) or p} {why}. Fix: move the line to the fact it belongs to, or remove "
                   "it"))  # fmt: skip
    return out


RULES = [
    Rule(
        SHAPE.VerbatimQuoteRule,
        "quote is verbatim at its offsets",
        "The seed's text between oa:start and oa:end (code points, end exclusive) is exactly the evidence's "
        "oa:exact, and its oa:hasSource names a file in seeds/ (csto_kg/evidence.py); a quote that occurs more than "
        "once in its seed carries oa:prefix and/or oa:suffix on its oa:TextQuoteSelector (the seed's text just "
        "before / after the one selected) which match the text around its offsets and, with the quote, occur in "
        "the seed once; and the passage is whole words: it neither begins nor ends inside a word or number of the seed "
        "(a letter, or a digit, on both sides of a cut). The message shows the quote, the seed's text and their first "
        "differing code point.",
        _quotes,
    ),
    Rule(
        SHAPE.OwnSeedOnly,
        "a seed's file names no other seed's document",
        "No statement of a seed's file (kg/NNN_*.trig) names another seed's source document (src:<seed id>) as its "
        "subject or object; oa:hasSource, csto:dateRelativeTo and csto:assertedBy have their own rules "
        "(shape:EvidenceFromOwnFileRule, shape:DateRelativeToOwnSeed, shape:ClaimAssertedByACitedSource), and it is "
        "silent where a shape already reports that document or a node linked to it in the file.",
        _own_seed_only,
    ),
    Rule(
        SHAPE.IriOfItsSeed,
        "a node named for a seed is stated in that seed's file",
        "A fact or evidence node whose IRI carries a seed's number (:claim-001-..., ev:001-..., "
        ":force-size-kazakhstan-2022-001) is typed in that seed's file (kg/001_*.trig), not only in another seed's; "
        "and another seed's file says nothing of a node named for seed NNN that it does not type itself (a group "
        "as seed 002 words it, :allies-of-russia-002, gets its members from seed 002's file).",
        _iri_of_its_seed,
    ),
    Rule(
        SHAPE.EvidenceOnlyLocatesItsPassage,
        "evidence only locates its passage",
        "An evidence node (csto:Evidence) says only where its passage is (oa:hasSource, oa:hasSelector), what the "
        "passage supports (csto:supportsProperty) and notes (csto:curatorNote, rdfs:comment): it is derived from "
        "nothing (prov:wasDerivedFrom) and carries no fact's statement.",
        _evidence_locates,
    ),
    Rule(
        SHAPE.WordsAreVerbatim,
        "quoted words are verbatim in the evidence",
        "Words a fact attributes to its source (csto:words of a stance, csto:statedAs of a figure, "
        "csto:articleText of an article, csto:programme of a course of study, dcterms:type, a document's genre, "
        "its dcterms:title and dcterms:rights, "
        "and the marker words of csto:certaintyMarker, attemptMarker, abilityMarker, inferenceMarker, exampleMarker, "
        "exclusiveMarker, aspectMarker and elaborationMarker, and a comparison side's csto:sideTimeMarker and a marked "
        "reading's csto:readingMarker, a change's csto:changeMarker a relative time's csto:timeMarker and a means' csto:meansMarker, in the passages of the fact they are part of) "
        "occur verbatim, character for character (curly quotes and no-break "
        "spaces included), inside the oa:exact quote of one of the fact's own evidence nodes in the same file "
        "(each file quotes its own seed), as whole words (not the start or end of a longer word or number there) and "
        "without white space at either end (copied from beside them).",
        _words,
    ),
    Rule(
        SHAPE.OccasionMatchesItsFigures,
        "a meeting's occasion states the number of its figure",
        "A meeting's csto:occasion that states a number ('the 30th anniversary of the Collective Security Treaty') "
        "states the csto:amount of every csto:Quantity of the same file whose csto:statedAs is the same words with "
        "a number in its place (compared lower-cased, numbers masked: csto_kg/number_words.py): an occasion whose "
        "ordinal differs from its figure's (two anniversaries' ordinals swapped, a typo) contradicts the figure.",
        _occasions,
    ),
    Rule(
        SHAPE.FigureMatchesItsWords,
        "a figure is one its words state",
        "A figure (csto:amount, csto:personnel, csto:equipment; a snapshot's csto:memberCount, whose words are "
        "those of its own csto:statedAs and of its csto:hasQuantity figures) is one of the numbers its words "
        "state: digits with thousands separators, ordinals, percentages, English number words, and 'a', 'an', "
        "'once' or 'only' for one (csto_kg/number_words.py); and its qualifier (csto:qualifier, "
        "csto:personnelQualifier) is the one the words just before that number give ('more than' csto:MoreThan, "
        "'some' csto:Approximately, none csto:Exactly...; a hedged figure without a qualifier would read as exact); "
        "and its unit (csto:unit; csto:Persons for csto:personnel, "
        "csto:PiecesOfEquipment for csto:equipment) is the one the noun after that number names, when one does "
        "('troops' persons, 'states' states, '%' percent...); and a figure given to a fact (csto:hasQuantity) is "
        "stated (its csto:statedAs) in that fact's csto:words; an article's csto:articleNumber and a meeting's "
        "csto:meetingOrdinalInYear are numbers the fact's passages state ('the fourth paragraph'). Catches a figure typed with a digit too many or too "
        "few, a qualifier dropped or copied from another figure, a unit copied, personnel and equipment swapped, "
        "a figure linked to a sibling fact, and a figure linked from a file that does not describe it (another "
        "seed's number).",
        _figures,
    ),
    Rule(
        SHAPE.UnitSaidOfItsFigure,
        "a figure's unit is named by what is said of it",
        "A figure (csto:Quantity) whose words (csto:statedAs) name no unit after its number ('three others', 'the "
        "only case', 'more than once') has a csto:unit that a word of its passages, its label, its comment or a note "
        "names ('states', 'countries' csto:States; 'troops', 'people' csto:Persons; 'once', 'case', 'times' "
        "csto:Occasions...: csto_kg/number_words.py). A warning: a unit typed over with another ('three others' "
        "counted in weeks) mostly leaves it named by nothing said of the figure; a curator who finds the unit right "
        "says what the figure counts in its comment.",
        _units_said,
        SH.Warning,
    ),
    Rule(
        SHAPE.SourceChecksumRule,
        "source document's checksum, title and author are its file's",
        "A source document's dcterms:identifier names a file in seeds/, and its csto:sha256 is the SHA-256 "
        "of that file's bytes; its dcterms:title is a line of the text, verbatim, and a person credited as its "
        "dcterms:creator is named there (an rdfs:label or skos:altLabel, in any letter case). Each seed's file holds "
        "its source record (src:<seed id> a csto:SourceDocument), and no two source documents are the same file "
        "(one article added twice under two seed names).",
        _checksums,
    ),
    Rule(
        SHAPE.EvidenceFromOwnFileRule,
        "evidence is in the fact's own file",
        "A fact's prov:wasDerivedFrom evidence is described in the same curated file as the fact, and "
        "evidence in a seed's file cites that seed's source document (kg/README.md, rule 2).",
        _own_file,
    ),
    Rule(
        SHAPE.RequiredValuesInEachFile,
        "each file gives a node the values its class requires",
        "A node a curated file types with a class (or a subclass of one) that a violation-severity shape requires "
        "values of (sh:minCount 1 or more on a predicate or an alternative of predicates: a membership's "
        "org:member, a stance's csto:heldBy) is given, in that same file, one of them: checked per named graph, so "
        "a value removed from one file's copy of a shared node is caught although another file still gives it.",
        _required_values_in_each_file,
    ),
    Rule(
        SHAPE.FactEvidenceInEachFile,
        "each file's statements about a fact or entity have its own evidence",
        "A csto:Fact described in a seed's file (any triple with it as subject, in that named graph) is "
        "prov:wasDerivedFrom evidence in that same file: house rule 2, checked per named graph, so removing the "
        "evidence from one file's copy of a shared fact is caught although another file still has some; "
        "kg/entities.trig, which cites no seed, describes no fact and says of an entity only its identity, names, "
        "Wikidata link and the definitional links of offices and organs (org:postIn, org:role, org:unitOf); and "
        "what a "
        "seed's file says about an entity (a capital, a nationality) is derived from a passage of that file.",
        _evidence_in_each_file,
    ),
    Rule(
        SHAPE.EntityInEntitiesFile,
        "an entity's node is in kg/entities.trig",
        "A seed's file does not type a node as an entity (an agent: a state, person, organisation or group; a "
        "place, office, organ, treaty or topic, or a subclass of one): entities are shared by every seed and "
        "written once, in kg/entities.trig (kg/README.md); a seed's file says only what its seed states about "
        "them. Catches a new entity written where it was first met, and a second IRI for one already there. "
        "Conversely, kg/entities.trig types nothing but entities.",
        lambda ctx: _entities_in_seed_files(ctx) + _facts_in_the_entities_file(ctx),
    ),
    Rule(
        SHAPE.DateRelativeToOwnSeed,
        "a relative date is read from its file's seed",
        "In a seed's file, csto:dateRelativeTo (the source whose date anchors a date the text gives relatively: "
        "'this year', 'last week', a day and month without a year) is that seed's source document: the words are "
        "in that seed's text, so its date resolves them.",
        _relative_to_own_seed,
    ),
    Rule(
        SHAPE.ClaimAssertedByACitedSource,
        "a claim is asserted by a source its evidence quotes",
        "A claim's csto:assertedBy (the source document asserting it in its own voice) is the oa:hasSource of "
        "one of the claim's own evidence nodes. Silent where that evidence is already reported "
        "(shape:EvidenceFromOwnFileRule, the evidence shapes).",
        _asserted_by_a_cited_source,
    ),
]

__all__ = ["RULES"]
