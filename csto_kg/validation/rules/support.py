"""Validation rules about which passage supports which value (Python: per file, text checks).

Two rules, reported in the same validation report as the SHACL shapes (each
result an ``sh:ValidationResult`` with ``sh:sourceShape`` the rule's IRI):

- ``shape:SupportDeclaredRule``: in a file where a fact has more than one
  evidence node, every property the fact uses there (but ``rdf:type``,
  ``rdfs:label``, ``rdfs:comment``, ``skos:note``, ``csto:curatorNote``,
  ``prov:wasDerivedFrom``) is named by the ``csto:supportsProperty`` of one of
  those evidence nodes. Without it no one can tell which passage says what
  (the build's ``graph:support`` then attaches every passage to the value).
  A ``csto:DateEstimate`` (a publication date) rests on all its clues together
  and needs no declaration.
- ``shape:DateBasisRule``: a date (``csto:date``, ``csto:startDate`` ...) whose
  year appears in none of the passages supporting it in its file comes from
  context ("this year", the summit's date, the article's date): the fact says
  how in ``csto:dateBasis``, in the same file.

Both work per named graph (one curated file each), as the house rule "each
file carries its own evidence" asks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ... import derive
from ...loader import LoadedData, line_of
from ...namespaces import CSTO, INFERRED_GRAPH, META_GRAPH, OA, ONTOLOGY_GRAPH, PREFIXES, PROV, RDF, SH, SHAPE, curie
from ...support import exempt, supporting_evidence
from . import Context, Rule

__all__ = ["RULES", "DATE_PROPERTIES"]

# The dates curators write on facts (derive's list, less OWL-Time's instant properties the build derives).
DATE_PROPERTIES = tuple(p for p in derive.DATE_PROPERTIES if str(p).startswith(str(CSTO)))
_SKIP_GRAPHS = (ONTOLOGY_GRAPH, INFERRED_GRAPH, META_GRAPH)
_EXCERPT = 90

Result = Callable[..., object]  # the validator's locator: result(severity=, shape=, message=, focus=, ...)


def _facts(data: LoadedData):
    """(graph, graph id, file, fact) for every fact of every curated file."""
    for gid, path in sorted(data.files.items(), key=lambda kv: str(kv[0])):
        if gid in _SKIP_GRAPHS:
            continue
        g = data.dataset.graph(gid)
        for fact in sorted(set(g.subjects(PROV.wasDerivedFrom, None)), key=str):
            yield g, gid, path, fact


def _undeclared(g: Graph, gid: URIRef, path: Path, fact: Node, result: Result) -> list:
    evidence = sorted(set(g.objects(fact, PROV.wasDerivedFrom)), key=str)
    if len(evidence) < 2 or (fact, RDF.type, CSTO.DateEstimate) in g:  # an estimate rests on all its clues
        return []
    out = []
    for prop in sorted({p for p in g.predicates(fact, None) if not exempt(g, fact, p)}, key=str):
        _, declared = supporting_evidence(g, fact, prop)
        if declared:
            continue
        choices = "; ".join(f'{_short(ev)} "{_excerpt(_quote(g, ev))}"' for ev in evidence)
        out.append(
            result(
                severity=SH.Violation,
                shape=SHAPE.SupportDeclaredRule,
                focus=fact,
                path=prop,
                graph=gid,
                message=f"{_short(fact)} ({_where(path, fact)}) has {len(evidence)} evidence passages in this file "
                f'and none says it supports {_short(prop)}: add "csto:supportsProperty {_short(prop)}" to '
                f"the evidence whose passage states it, one of: {choices}",
            )
        )
    return out


def _dates_without_basis(g: Graph, gid: URIRef, path: Path, fact: Node, result: Result) -> list:
    if (fact, CSTO.dateBasis, None) in g:
        return []
    out = []
    for prop in DATE_PROPERTIES:
        for value in sorted(g.objects(fact, prop), key=str):
            if not isinstance(value, Literal):
                continue
            year = str(value)[:4]
            evidence, _ = supporting_evidence(g, fact, prop)
            if any(year in _quote(g, ev) for ev in evidence):
                continue
            passages = ", ".join(_short(ev) for ev in evidence) or "none"
            out.append(
                result(
                    severity=SH.Violation,
                    shape=SHAPE.DateBasisRule,
                    focus=fact,
                    value=value,
                    path=prop,
                    graph=gid,
                    message=f'{_short(fact)} ({_where(path, fact)}) has {_short(prop)} "{value}" but the year {year} is '
                    f"in none of its passages ({passages}): the date comes from context, so say how in "
                    f"csto:dateBasis (the source's words and the reasoning) and csto:dateRelativeTo the "
                    f"source whose date anchors it, on this node in this file",
                )
            )
    return out


def _quote(g: Graph, evidence: Node) -> str:
    return " ".join(str(q) for sel in g.objects(evidence, OA.hasSelector) for q in g.objects(sel, OA.exact))


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _short(node: Node) -> str:
    return curie(str(node)) or f"<{node}>"


def _where(path: Path, fact: Node) -> str:
    spellings = [f"<{fact}>"] + [
        f"{p}:{str(fact)[len(ns) :]}" for p, ns in PREFIXES.items() if str(fact).startswith(ns)
    ]
    line = line_of(path, [f"{s} a " for s in spellings]) or line_of(path, [f"{s} " for s in spellings])
    shown = f"{path.parent.name}/{path.name}"
    return f"{shown}:{line}" if line else shown


def _declared(ctx: Context) -> list:
    return [r for args in _facts(ctx.data) for r in _undeclared(*args, ctx.locator.result)]


def _date_basis(ctx: Context) -> list:
    return [r for args in _facts(ctx.data) for r in _dates_without_basis(*args, ctx.locator.result)]


RULES = [
    Rule(
        SHAPE.SupportDeclaredRule,
        "each value's passage is declared",
        "In a file where a fact has more than one evidence node, every property the fact uses there (but "
        "rdf:type, rdfs:label, rdfs:comment, skos:note, csto:curatorNote and prov:wasDerivedFrom) is named by "
        "the csto:supportsProperty of one of those evidence nodes, so each value has its own passage.",
        _declared,
    ),
    Rule(
        SHAPE.DateBasisRule,
        "a date from context has its basis",
        "A date (csto:date, csto:startDate, csto:endDate, csto:attestedOn, csto:electedOn, csto:dateSigned, "
        "csto:datePublished) whose year appears in none of the passages supporting it in its file carries "
        "csto:dateBasis (the words and reasoning) in that file.",
        _date_basis,
    ),
]
