"""Duplicates: one fact, one IRI (kg/README.md: "A fact several seeds describe has one IRI").

A fact node written again under a new IRI (a copied block with a new slug)
doubles every count and every answer that lists it. Two fact nodes of the same
classes whose descriptive statements are the same, and are at least two (labels,
curator notes, provenance and date reasoning aside), are reported at the one
written later, naming the other: a warning, since only the curator can tell
whether they are one fact (use one IRI) or two that the data does not yet tell
apart (say what does: a label is never the only carrier of a fact). The same
holds of two nodes of a kind that its identifying statements settle, whatever
else each says: two meetings of one body at one place on one date, two requests
of one state on one date, two holdings of one office by one person attested on
one date (:data:`IDENTIFIED_BY`; sharing one value of each, since several files
may give one node several dates). Separate nodes each written by its own seed's
file alone are per-source nodes by design (house rule 5) and not reported. Membership periods and events have their
violations (``shape:OverlappingMembershipPeriods``, ``shape:MembershipHistoryFits``,
``shape:WithdrawalTwiceWithoutRejoining``); this rule is silent where those
already report either node.
"""

from __future__ import annotations

import re
from itertools import product

from rdflib import URIRef
from rdflib.term import Node

from ...namespaces import CSTO, ID, PROV, RDF, RDFS, SH, SHAPE, SKOS, shown
from ..report import Result
from . import Context, Rule

_NOT_DESCRIPTIVE = {
    RDF.type,
    RDFS.label,
    SKOS.prefLabel,
    CSTO.curatorNote,
    PROV.wasDerivedFrom,
    CSTO.dateBasis,
    CSTO.dateRelativeTo,
}


# A kind of fact -> the statements that identify one: two nodes of the kind (and of the same classes) that share a
# value for each of them are one fact, whatever else each says.
IDENTIFIED_BY = {
    CSTO.Meeting: (CSTO.body, CSTO.place, CSTO.date),
    CSTO.AssistanceRequest: (CSTO.state, CSTO.date),
    CSTO.OfficeHolding: (CSTO.holder, CSTO.office, CSTO.attestedOn),
}


def _identified(ctx: Context, types: dict, described: dict) -> dict[tuple, list[Node]]:
    """Groups of facts of the same classes that share a value for each identifying statement of their kind
    (:data:`IDENTIFIED_BY`): a summit one file dates 2022-05 and another 2022-05-16 is the node a third
    file's 2022-05-16 summit of the same body at the same place repeats."""
    groups: dict[tuple, list[Node]] = {}
    for kind, props in IDENTIFIED_BY.items():
        for f in ctx.union.subjects(RDF.type, kind):
            statements = described.get(f, set())
            values = [sorted({o for p, o in statements if p == prop}) for prop in props]
            for combination in product(*values):  # one value of each (empty if one is missing)
                groups.setdefault((kind, frozenset(types.get(f, ())), combination), []).append(f)
    return groups


def _duplicates(ctx: Context) -> list[Result]:
    facts = {f for f in ctx.union.subjects(RDF.type, CSTO.Fact) if isinstance(f, URIRef) and str(f).startswith(str(ID))}
    types: dict[Node, set] = {}
    described: dict[Node, set] = {}
    for s, p, o, _ in ctx.curated_quads():
        if s not in facts:
            continue
        if p == RDF.type:
            types.setdefault(s, set()).add(o)
        elif p not in _NOT_DESCRIPTIVE:
            described.setdefault(s, set()).add((p, o))
    groups: dict[tuple, list[Node]] = {}
    for f, statements in described.items():
        if len(statements) >= 2:
            groups.setdefault((frozenset(types.get(f, ())), frozenset(statements)), []).append(f)
    groups.update(_identified(ctx, types, described))
    reported = {r.focus for r in ctx.shacl_results if r.severity == SH.Violation} | {
        r.value for r in ctx.shacl_results if r.severity == SH.Violation and r.value is not None
    }
    reported |= {
        e for m in list(reported) for p in (CSTO.startedBy, CSTO.endedBy) for e in ctx.union.objects(m, p)
    }  # (the events of a reported period: the same problem)
    out, seen = [], set()
    for nodes in groups.values():
        if len(nodes) < 2 or set(nodes) & reported:
            continue
        files = [ctx.subject_graphs.get(n, set()) for n in nodes]
        if all(len(f) == 1 for f in files) and len(set().union(*files)) == len(nodes):
            continue  # each node written by its own seed's file alone: per-source nodes (house rule 5)
        located = sorted(nodes, key=lambda n: _position(ctx, n))
        first = located[0]
        file, line = _position(ctx, first)
        for later in located[1:]:
            if (later, first) in seen:  # the same pair, also identified by its kind's statements
                continue
            seen.add((later, first))
            out.append(
                ctx.locator.result(
                    severity=SH.Warning,
                    shape=SHAPE.DuplicateFactNode,
                    focus=later,
                    value=first,
                    message=f"this fact repeats {shown(first)} ({ctx.locator.where(file, line or None)}) under a new "
                    "IRI: same classes, same statements (or the same statements that identify its kind). Fix: if it "
                    "is the same fact, use that IRI (a fact several seeds describe has one IRI, written in each of "
                    "their files with its own evidence); if not, say in its statements what tells them apart (a "
                    "label is never the only carrier of a fact)",
                )
            )
    return out


def _position(ctx: Context, node: Node) -> tuple:
    gid = ctx.locator.graph_of(node)
    file = ctx.data.files.get(gid) if gid is not None else None
    return (file, (ctx.locator.node_line(file, node, gid) or 0) if file else 0)


# The kinds of entity (kg/entities.trig) whose names shape:EntityLabelOfOneEntity and _reworded compare.
ENTITY_KINDS = (
    CSTO.State,
    CSTO.InternationalOrganisation,
    CSTO.Organ,
    CSTO.Organisation,
    CSTO.Person,
    CSTO.Group,
    CSTO.Place,
    CSTO.Office,
    CSTO.Treaty,
    CSTO.Topic,
)
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_FILLER = {"the", "of", "a", "an", "s"}
_NAME_WORD = re.compile(r"\w+")


def name_key(name: str) -> tuple[str, ...]:
    """What a name says, whatever its case, word order and filler words: "NATO expansion" and "the expansion of
    NATO" give one key, ("expansion", "nato"). Words are counted: "Treaty of the Collective Security Treaty
    Organization" is not "Collective Security Treaty Organization"."""
    return tuple(sorted(w for w in _NAME_WORD.findall(name.casefold().replace("\u2019", "'")) if w not in _FILLER))


def _reworded(ctx: Context) -> list[Result]:
    entities = {e for kind in ENTITY_KINDS for e in ctx.union.subjects(RDF.type, kind)}
    names: dict[Node, list[tuple]] = {}
    for s, p, o, gid in ctx.curated_quads():
        if s in entities and p in _NAMES:
            names.setdefault(s, []).append((p, o, gid))
    by_key: dict[tuple, dict[Node, tuple]] = {}
    for e, stated in names.items():
        for p, o, gid in sorted(stated, key=lambda t: (str(t[0]), str(t[1]))):
            key = name_key(str(o))
            if key:
                by_key.setdefault((key, getattr(o, "language", None)), {}).setdefault(e, (p, o, gid))
    out, seen = [], set()
    for group in by_key.values():
        if len(group) < 2:
            continue
        located = sorted(group, key=lambda e: _position(ctx, e))
        first = located[0]
        for later in located[1:]:
            if (later, first) in seen:
                continue
            seen.add((later, first))
            exact = {str(o) for _, o, _ in names[later]} & {str(o) for _, o, _ in names[first]}
            if exact:
                continue  # the same name: shape:EntityLabelOfOneEntity reports it
            p, o, gid = group[later]
            other = group[first][1]
            file, line = _position(ctx, first)
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.EntityNameReworded,
                    s=later,
                    p=p,
                    o=o,
                    graph=gid,
                    message=f"the name {str(o)!r} is {shown(first)}'s name {str(other)!r} "
                    f"({ctx.locator.where(file, line or None)}) reworded (the same words in another case or order, "
                    "'the' and 'of' aside): one thing written twice under two IRIs, or a name copied onto the wrong "
                    "entity. Fix: use the first IRI everywhere and delete this one, or correct the name",
                )
            )
    return out


RULES = [
    Rule(
        SHAPE.DuplicateFactNode,
        "a fact is not written twice under two IRIs",
        "Two fact nodes (under :) with the same classes and the same descriptive statements, at least two of them "
        "(labels, curator notes, prov:wasDerivedFrom, csto:dateBasis and csto:dateRelativeTo aside), or the same "
        "identifying statements (meetings: body, place and date; requests: state and date; office holdings: holder, "
        "office and date attested), are one fact under two IRIs, or two facts the data does not tell apart. A "
        "warning, at the one written later; not for per-source nodes each in its own seed's file alone, nor where "
        "a more specific rule already reports either node.",
        _duplicates,
        SH.Warning,
    ),
    Rule(
        SHAPE.EntityNameReworded,
        "an entity's name is not another entity's name reworded",
        "No two entities (states, organisations, organs, persons, groups, places, offices, treaties, topics) have "
        "names (rdfs:label, skos:prefLabel, skos:altLabel, skos:hiddenLabel) in one language that are the same "
        "words in another case or order, 'the', 'of', 'a' and possessive 's aside ('NATO expansion', 'the "
        "expansion of NATO'): one thing written twice under two IRIs, or a name copied onto the wrong entity. "
        "Reported at the one written later, naming the other; identical names are shape:EntityLabelOfOneEntity's.",
        _reworded,
    ),
]

__all__ = ["RULES"]
