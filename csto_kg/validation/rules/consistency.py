"""Cross-source consistency: a node several files describe gets compatible values from each.

One IRI per fact, described in every file whose seed states it (kg/README.md):
when the files' values cannot all be true, one of them misquotes its seed (or
the seeds disagree, which belongs in separate nodes). Reported, naming both
files, lines and values:

- dates whose bounds do not overlap (``"1993"`` and ``"1994"``); dates at
  different precision that nest (``"1993"`` and ``"1993-05-02"``) are fine
  (:func:`csto_kg.derive.agree`, the build's own rule: it derives no bounds
  for conflicting dates, and the most precise bounds for compatible ones);
- different numbers for one property in different files;
- different values of a functional property (``owl:FunctionalProperty``) in
  different files.

And no csto: property links a node to itself (a chairmanship succeeded by
itself, a place located in itself): what ``owl:IrreflexiveProperty`` would say
of each, which the build's reasoner does not implement. It is a rule here, not
a SPARQL shape, because pySHACL, the reference engine, runs a SPARQL constraint
once per focus node, and every fact would be one: measured, 3.9 s of its 7.2 s
on the curated graph, against one index lookup per csto: object property here
(0.07 s at 1e5).
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...derive import DATE_PROPERTIES, agree, bounds
from ...namespaces import CSTO, ONTOLOGY_GRAPH, OWL, RDF, SH, SHAPE, curie, shown
from ..locate import graph_id
from ..report import Result, show_term
from . import Context, Rule


def _is_number(v: Node) -> bool:
    return (
        isinstance(v, Literal)
        and isinstance(v.value, (int, float))
        and not isinstance(v.value, bool)
        and bounds(v) is None
    )


def _span(v: Literal) -> str:
    b = bounds(v)
    return f"{b[0].isoformat()}..{b[1].isoformat()}" if b else str(v)


def _cross_source(ctx: Context) -> list[Result]:
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    functional = set(onto.subjects(RDF.type, OWL.FunctionalProperty))
    date_props = set(DATE_PROPERTIES)
    # (s, p) -> {value: [graph, ...]} over the curated graphs
    stated: dict[tuple[Node, Node], dict[Node, list[URIRef]]] = {}
    for s, p, o, gid in ctx.curated_quads():
        if p in date_props or p in functional or _is_number(o):
            stated.setdefault((s, p), {}).setdefault(o, []).append(gid)
    out = []
    for (s, p), by_value in stated.items():
        if len(by_value) < 2:
            continue
        if p in date_props:
            pairs = [(a, b, None) for a, b in agree(sorted(by_value, key=str)).conflicts]
            fix = (
                "correct the copy that misquotes its seed; if the seeds really disagree, give each seed's date its "
                "own node (linked by csto:disagreesWith) with a csto:curatorNote. Until then the build derives no "
                "date bounds for this node"
            )
        else:
            values = sorted(by_value, key=str)
            pairs = [
                (a, b, "a node has one value of this property" if p in functional else "different numbers")
                for i, a in enumerate(values)
                for b in values[i + 1 :]
                if set(by_value[a]) != set(by_value[b]) and (p in functional or _is_number(a) and _is_number(b))
            ]
            fix = (
                "correct the copy that misquotes its seed; if the seeds really disagree, give each seed's value its "
                "own node (linked by csto:disagreesWith) with a csto:curatorNote"
            )
        for a, b, why in pairs:
            (ga, a), (gb, b) = sorted(
                [(sorted(by_value[a], key=str)[0], a), (sorted(by_value[b], key=str)[-1], b)], key=lambda x: str(x[0])
            )
            if why is None:  # dates: their spans in the order the message names the files
                why = f"their dates cannot both be true: the bounds do not overlap ({_span(a)} vs {_span(b)})"
            fa, fb = ctx.data.files[ga], ctx.data.files[gb]
            la, lb = ctx.locator.statement_line(fa, s, p, a, ga), ctx.locator.statement_line(fb, s, p, b, gb)
            prop = curie(str(p)) or f"<{p}>"
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.CrossSourceConsistency,
                    focus=s,
                    value=b,
                    path=p,
                    file=fb,
                    line=lb,
                    message=f"the files disagree on {prop}: {ctx.locator.where(fa, la)} says {show_term(a)}, "
                    f"{ctx.locator.where(fb, lb)} says {show_term(b)}; {why}. Fix: {fix}.",
                )
            )
    return out


def _self_links(ctx: Context) -> list[Result]:
    """One predicate-index lookup per csto: object property (a pass over every curated triple took 2 s at 1e6)."""
    out, ds = [], ctx.data.dataset
    properties = sorted(p for p in ctx.union.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(str(CSTO)))
    for p in properties:
        for s, _, o, c in ds.quads((None, p, None, None)):
            gid = graph_id(c)
            if s != o or gid not in ctx.curated:
                continue
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.NothingLinkedToItself,
                    s=s,
                    p=p,
                    o=o,
                    graph=gid,
                    message=f"{shown(p)} links {shown(s)} to itself. Fix: the object is an IRI copied "
                    "into the wrong place; write the node it should name",
                )
            )
    return out


RULES = [
    Rule(
        SHAPE.CrossSourceConsistency,
        "files agree on a shared node's values",
        "Where curated files give one node values for the same property, the values can all be true: dates "
        "whose bounds overlap (different precisions that nest are fine; the build keeps the most precise "
        "bounds), the same number, the same value of an owl:FunctionalProperty. A conflict names both files, "
        "lines and values; the build derives no widened bounds for conflicting dates.",
        _cross_source,
    ),
    Rule(
        SHAPE.NothingLinkedToItself,
        "no csto: property links a node to itself",
        "No csto: property has the same node as subject and object (a chairmanship succeeded by itself, a request "
        "that is its own response, a meeting on its own sidelines, a place located in itself): an IRI copied into "
        "the wrong place.",
        _self_links,
    ),
]

__all__ = ["RULES"]
