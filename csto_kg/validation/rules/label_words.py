"""Curator slips of round 34: a label that says what the node's triples do not. A label summarises its node
(house rule: the meaning is in the triples); one copied from a sibling, or left after its node was changed, names a
person, a state, a number or a seed the node does not have.

``shape:LabelAgreesWithItsTriples`` reads, in the curated labels:

- a membership event's, a membership's, a chairmanship's, a summit's or an office holding's label naming a state,
  an organ or a person (by its label or alternative label, as a whole word) that the node does not link to (directly,
  or through its occasion), nor a linked organisation, office, place or treaty names: "Belarus' chairmanship" on
  Kazakhstan's, "Emomali Rahmon, President of Kyrgyzstan" on Japarov's holding;
- a number in a csto:Quantity's label that is neither its amount nor in its csto:statedAs words ("some 2,000 troops"
  on the quantity of 2,500; years, 1900-2100, are read by shape:LabelDatesAgree);
- a number word in a csto:MembershipSnapshot's label that is not the count of states it lists ("(five)" on six);
- an ordinal word before a word of the node's class name in the label of a node with csto:ordinal that is not its
  ordinal ("first withdrawal" on the second);
- a "seed NNN" in the label of a fact of a seed's file that is not that file's seed (a source document and its
  publication date aside: their labels name their own seed);
- a state a group's label names (by a word of its names, demonyms included) that is not one of the group's
  csto:groupOfState, where the group has any ("the Kyrgyz and Kazakh public" of Kyrgyzstan and Tajikistan).

None gives a result on the curated data (measured 2026-12-08); each reads the curated labels once: linear.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rdflib import URIRef
from rdflib.term import Node

from ...namespaces import CSTO, RDF, RDFS, SHAPE
from ..report import Result
from . import Context, Rule
from .curation import _c, _labels
from .stems import stems

# the facts whose labels name their parties: membership events and periods, chairmanships, summits, office holdings
_PARTY_LABELLED = (
    CSTO.Membership, CSTO.Accession, CSTO.Withdrawal, CSTO.ReAccession, CSTO.Signature, CSTO.Chairmanship,
    CSTO.Summit, CSTO.OfficeHolding,
)  # fmt: skip
_NAMED_KINDS = (CSTO.State, CSTO.Organ, CSTO.Person)
# linked nodes whose names may carry a party's name ("President of Belarus", "the CSTO Parliamentary Assembly")
_NAMING_KINDS = frozenset(
    {CSTO.Organisation, CSTO.InternationalOrganisation, CSTO.Office, CSTO.Organ, CSTO.MilitaryAlliance, CSTO.Place,
     CSTO.Treaty}
)  # fmt: skip
# where a fact's occasion is (a stance at a summit names the summit's organ)
_OCCASION = (CSTO.expressedIn, CSTO.context, CSTO.producedAt, CSTO.sidelineOf, CSTO.decidedAt)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_FIGURE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\d,])")
# a source document and its publication date are named by their own seed, whichever file states them (where a
# source is stated is the source shapes' business)
_OWN_SEED_NAMED = (CSTO.SourceDocument, CSTO.DateEstimate)
_SEED_IN_LABEL = re.compile(r"\bseed (\d{3})\b", re.I)


def _result(ctx: Context, node: Node, label: Node, gid: URIRef, what: str) -> Result:
    return ctx.locator.statement_result(
        shape=SHAPE.LabelAgreesWithItsTriples, s=node, p=RDFS.label, o=label, graph=gid,
        message=f"its rdfs:label {what}: a label summarises its node's triples. Fix: the label, or the triple it "
        "was written for",
    )  # fmt: skip


def _near(ctx: Context, node: Node) -> set[Node]:
    """The node, what it links to, and the occasions of those."""
    near = {node} | {o for o in ctx.union.objects(node, None) if isinstance(o, URIRef)}
    return near | {o for n in list(near) for p in _OCCASION for o in ctx.union.objects(n, p)}


_WORD = re.compile(r"[\w-]+")
_LONGEST_NAME = 6  # words: the longest name looked up in a label


def _names_index(named: list[tuple[Node, list[str]]]) -> dict[tuple[str, ...], set[Node]]:
    """Each name (its words, lower-cased) -> the entities it names."""
    index: dict[tuple[str, ...], set[Node]] = {}
    for entity, names in named:
        for name in names:
            words = tuple(w.lower() for w in _WORD.findall(name))
            if 0 < len(words) <= _LONGEST_NAME:
                index.setdefault(words, set()).add(entity)
    return index


def _named_in(text: str, index: dict[tuple[str, ...], set[Node]]) -> set[Node]:
    """The entities whose names ``text`` writes as whole words (a possessive allowed: "Belarus' chairmanship",
    "Kazakhstan's"): one look-up per run of words, so linear in the labels read."""
    words = [w.lower() for w in _WORD.findall(re.sub(r"(?<=\w)(?:'s|’s|')(?!\w)", "", text))]
    found: set[Node] = set()
    for i in range(len(words)):
        for n in range(1, min(_LONGEST_NAME, len(words) - i) + 1):
            found |= index.get(tuple(words[i : i + n]), set())
    return found


def _parties_named(ctx: Context, named: list[tuple[Node, list[str]]]) -> list[Result]:
    index, names_of = _names_index(named), dict(named)
    out = []
    for node, _, label, gid in ctx.curated_quads_of(RDFS.label):
        kinds = set(ctx.union.objects(node, RDF.type))
        if not kinds & set(_PARTY_LABELLED):
            continue
        said = _named_in(str(label), index)
        if not said:
            continue
        near = _near(ctx, node)
        near_names = " ".join(
            n for x in near if set(ctx.union.objects(x, RDF.type)) & _NAMING_KINDS for n in _labels(ctx, x)
        ).lower()  # "Russia-Belarus Union" names both states
        for entity in sorted(said - near, key=str):
            if any(n.lower() in near_names for n in names_of[entity]):
                continue
            out.append(_result(ctx, node, label, gid, f"names {_c(entity)} ({names_of[entity][0]}), which the node "
                               "does not link to, nor through its occasion, nor names by a linked organisation or "
                               "office"))  # fmt: skip
            break
    return out


def _figures(ctx: Context) -> list[Result]:
    out = []
    for node, _, label, gid in ctx.curated_quads_of(RDFS.label):
        if (node, RDF.type, CSTO.Quantity) not in ctx.union:
            continue
        amounts = set()
        for a in ctx.union.objects(node, CSTO.amount):
            try:
                amounts.add(Decimal(str(a)))
            except InvalidOperation:
                continue
        words = " ".join(str(w) for w in ctx.union.objects(node, CSTO.statedAs))
        for figure in _FIGURE.findall(_SEED_IN_LABEL.sub("", str(label))):
            value = Decimal(figure.replace(",", ""))
            if value in amounts or figure in words or ("," not in figure and 1900 <= value <= 2100):
                continue
            out.append(_result(ctx, node, label, gid, f"gives the figure {figure}, which is neither the quantity's "
                               "csto:amount nor in its csto:statedAs words"))  # fmt: skip
    return out


def _whole_numbers(values) -> set[int]:
    """The values that are whole numbers (a count typed as words, "six", is another rule's to report)."""
    out = set()
    for v in values:
        try:
            out.add(int(str(v)))
        except ValueError:
            continue
    return out


def _counts_and_ordinals(ctx: Context) -> list[Result]:
    out = []
    for node, _, label, gid in ctx.curated_quads_of(RDFS.label):
        text = str(label).lower()
        if (node, RDF.type, CSTO.MembershipSnapshot) in ctx.union:
            listed = len(set(ctx.union.objects(node, CSTO.listsMember)))
            counts = _whole_numbers(ctx.union.objects(node, CSTO.memberCount)) | {listed}
            wrong = [
                w for w in re.findall(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", text) if _NUMBER_WORDS[w] not in counts
            ]
            if wrong:
                out.append(_result(ctx, node, label, gid, f"counts '{wrong[0]}', where the snapshot lists {listed} "
                                   "members"))  # fmt: skip
        ordinals = _whole_numbers(ctx.union.objects(node, CSTO.ordinal))
        if ordinals:  # "first withdrawal" of a withdrawal: an ordinal word before a word of its class's name
            kinds = {w.lower() for c in ctx.union.objects(node, RDF.type) for n in _labels(ctx, c) for w in n.split()}
            wrong = [w for w, after in re.findall(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b\W+(\w+)", text)
                     if after in kinds and _ORDINAL_WORDS[w] not in ordinals]  # fmt: skip
            if wrong:
                out.append(_result(ctx, node, label, gid, f"says '{wrong[0]}', where its csto:ordinal is "
                                   f"{', '.join(map(str, sorted(ordinals)))}"))  # fmt: skip
    return out


def _seeds(ctx: Context) -> list[Result]:
    out = []
    for node, _, label, gid in ctx.curated_quads_of(RDFS.label):
        own = str(gid).rsplit("/", 1)[-1][:3]
        if not own.isdigit() or any((node, RDF.type, k) in ctx.union for k in _OWN_SEED_NAMED):
            continue
        other = [m for m in _SEED_IN_LABEL.findall(str(label)) if m != own]
        if other and not re.search(r"\bnot\b|\bunlike\b|\bagainst\b", str(label), re.I):
            out.append(_result(ctx, node, label, gid, f"says 'seed {other[0]}' in the file of seed {own}"))
    return out


def _group_states(ctx: Context, states: list[tuple[Node, list[str]]]) -> list[Result]:
    out = []
    for group, _, label, gid in ctx.curated_quads_of(RDFS.label):
        of = set(ctx.union.objects(group, CSTO.groupOfState))
        if not of or (group, RDF.type, CSTO.Group) not in ctx.union:
            continue
        theirs = set().union(*(stems(" ".join(_labels(ctx, s))) for s in of))
        said = stems(str(label))
        for state, names in states:
            mine = stems(" ".join(names))
            if state not in of and not mine & theirs and mine & said:
                out.append(_result(ctx, group, label, gid, f"names {_c(state)} ({names[0]}), which is not one of "
                                   "the group's csto:groupOfState"))  # fmt: skip
    return out


def _labels_agree(ctx: Context) -> list[Result]:
    named = sorted(
        (
            (e, [n for n in _labels(ctx, e) if len(n) > 3])
            for k in _NAMED_KINDS
            for e in ctx.union.subjects(RDF.type, k)
        ),
        key=lambda t: str(t[0]),
    )
    named = [(e, names) for e, names in named if names]
    states = [(e, names) for e, names in named if (e, RDF.type, CSTO.State) in ctx.union]
    return (
        _parties_named(ctx, named)
        + _figures(ctx)
        + _counts_and_ordinals(ctx)
        + _seeds(ctx)
        + _group_states(ctx, states)
    )


RULES = [
    Rule(
        SHAPE.LabelAgreesWithItsTriples,
        "a label says only what its node's triples hold",
        "A curated label names nothing its node's triples contradict: a membership event's, membership's, "
        "chairmanship's, summit's or office holding's label names no state, organ or person the node does not link "
        "to (directly or through its occasion, or by a linked organisation's or office's name); a quantity's label "
        "gives no figure other than its csto:amount or its csto:statedAs words; a membership snapshot's label counts "
        "the states it lists; a label's ordinal word is the node's csto:ordinal; a label in a seed's file names no "
        "other seed; and a group's label names no state that is not one of its csto:groupOfState.",
        _labels_agree,
    ),
]

__all__ = ["RULES"]
