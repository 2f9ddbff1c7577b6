"""Naming: an entity a fact gives as a value is one its source names.

- ``shape:ValueNamedInItsPassage``: where a fact says where it happened, who hosted, contributed, attended,
  issued, refused to sign or held what, or whose national someone is (:data:`NAMED_VALUES`), the passages
  supporting that value in that file (house rule 6: with several passages, those declared with
  ``csto:supportsProperty``) do not contradict it: if they name another entity of the value's kind (another
  city, state, person) and not the value, the value is a slip. A name is a label, alternative or hidden
  label of the entity (a seed's demonym or misspelling is a hidden label), or a person's surname. A passage
  that names the value only by a pronoun or a metonym ("It announced", "Minsk plans") and names another
  entity of its kind needs the curator to say how the value follows: a ``csto:curatorNote`` on the fact,
  in that file, that names it. A group standing for unnamed people, and the source's own author (who says
  "I"), are named by no passage and not checked.
- The same rule holds of a person given as any value of a fact in a seed's file: the seed names them
  somewhere (a stance of seed 000 held by another seed's author is a slip in its holder).
"""

from __future__ import annotations

import re
import unicodedata

from rdflib.term import Node

from ...namespaces import CSTO, DCTERMS, ENTITIES_GRAPH, OA, ORG, RDF, RDFS, SHAPE, SKOS, curie
from ..report import Result
from . import Context, Rule

# properties whose entity value a supporting passage names
NAMED_VALUES = (
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
)
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


def _norm(text: str) -> str:
    """Case, curly quotes, no-break spaces and hyphens aside ("NagornoKarabakh", "Pashinyan’s")."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s\u00a0]+", " ", text.replace("-", "").replace("\u2010", "")).casefold()


def _names(ctx: Context, entity: Node) -> set[str]:
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    names = {str(o) for p in _NAMES for o in ent.objects(entity, p)}
    if (entity, RDF.type, CSTO.Person) in ent:  # a person is also named by their surname ("Pashinyan's")
        names |= {str(label).split()[-1] for label in ent.objects(entity, RDFS.label) if str(label).strip()}
    return {_norm(n) for n in names if len(n.strip()) >= 3}


def _named(names: set[str], texts: list[str], whole: bool = False) -> bool:
    """Is one of ``names`` in one of ``texts``: at the start of a word ("Pashinyan's", "Belarusian"), or, ``whole``,
    as whole words (what shows that a passage names another entity: "Namro" is not named by "Namrotorstan")."""
    end = r"(?!\w)" if whole else ""
    return any(re.search(rf"(?<!\w){re.escape(n)}{end}", t) for n in names for t in texts)


def _quote(ctx: Context, evidence: Node) -> str:
    g = ctx.union
    return " ".join(str(q) for sel in g.objects(evidence, OA.hasSelector) for q in g.objects(sel, OA.exact))


def _seed_text(ctx: Context, gid: Node, cache: dict) -> str:
    if gid not in cache:
        g = ctx.data.dataset.graph(gid)
        texts = []
        for src in g.subjects(RDF.type, CSTO.SourceDocument):
            for ident in g.objects(src, DCTERMS.identifier):
                path = ctx.seeds_dir / str(ident)
                if path.is_file():
                    texts.append(_norm(path.read_text(encoding="utf-8")))
        cache[gid] = " ".join(texts)
    return cache[gid]


def _unnamed(ctx: Context, gid: Node, entity: Node) -> bool:
    """A group standing for unnamed people, or the author of this file's source (who says "I")."""
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    if (entity, RDF.type, CSTO.Group) in ent:
        return True
    g = ctx.data.dataset.graph(gid)
    return any((src, DCTERMS.creator, entity) in g for src in g.subjects(RDF.type, CSTO.SourceDocument))


def _kinds(ent, entity: Node) -> set[Node]:
    return set(ent.objects(entity, RDF.type))


def _value_named(ctx: Context) -> list[Result]:  # noqa: C901 - one pass over every fact value; its two branches are the rule's two checks
    out: list[Result] = []
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    entities = set(ent.subjects(RDF.type, None))
    names = {e: _names(ctx, e) for e in entities}
    by_kind: dict[Node, set[Node]] = {}
    for e in entities:
        for kind in _kinds(ent, e):
            by_kind.setdefault(kind, set()).add(e)
    seeds: dict = {}
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        if gid == ENTITIES_GRAPH:
            continue
        g = ctx.data.dataset.graph(gid)
        for fact, values in sorted(facts.values.items(), key=lambda kv: str(kv[0])):
            notes = [_norm(str(n)) for n in g.objects(fact, CSTO.curatorNote)]
            for prop, value in sorted(values, key=lambda t: (str(t[0]), str(t[1]))):
                if value not in entities or prop == RDF.type or _unnamed(ctx, gid, value) or not names[value]:
                    continue
                message = None
                if prop in NAMED_VALUES:
                    evidence, _ = facts.supporting(fact, prop)
                    quotes = [_norm(_quote(ctx, e)) for e in evidence]
                    if not _named(names[value], quotes + notes):
                        peers = set().union(*(by_kind.get(k, set()) for k in _kinds(ent, value))) - {value}
                        named = sorted(
                            (curie(str(p)) for p in peers if names[p] and _named(names[p], quotes, whole=True)), key=str
                        )
                        if named:
                            said = "; ".join(curie(str(e)) for e in evidence)
                            message = (
                                f"the passages supporting this {curie(str(prop))} ({said}) name "
                                f"{', '.join(named)}, not {curie(str(value))}. Fix: the value the passage names; or "
                                "the passage that names it (csto:supportsProperty); or, where the value follows from "
                                "context, a csto:curatorNote saying so"
                            )
                elif (value, RDF.type, CSTO.Person) in ent and not _named(names[value], [_seed_text(ctx, gid, seeds)]):
                    message = (
                        f"{curie(str(value))} is named nowhere in this file's seed, yet is this fact's "
                        f"{curie(str(prop))}. Fix: the person the seed speaks of (an unnamed author is the group "
                        "standing for them)"
                    )
                if message:
                    out.append(
                        ctx.locator.statement_result(
                            shape=SHAPE.ValueNamedInItsPassage, s=fact, p=prop, o=value, graph=gid, message=message
                        )
                    )
    return out


RULES = [
    Rule(
        SHAPE.ValueNamedInItsPassage,
        "an entity a fact gives as its value is one its passages name",
        "An entity value of a fact's csto:place, csto:host, csto:contributor, csto:mainContributor, "
        "csto:refusedToSignBy, csto:nationality, csto:issuedBy, csto:attendee, "
        "csto:absentState, csto:holder, csto:party, csto:listsMember, org:member, csto:operatedBy, csto:body, "
        "csto:grantee or csto:ledBy is not contradicted by the passages supporting that property in that file: "
        "where they name (by a label, alternative or hidden label, or a person's surname) another entity of the "
        "value's kind and not the value, the value is named in a csto:curatorNote of the fact there that says how "
        "it follows. A person given as any value of a fact is named somewhere in that file's seed. Groups "
        "standing for unnamed people and the source's own author are not checked.",
        _value_named,
    ),
]

__all__ = ["RULES"]
