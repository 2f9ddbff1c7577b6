"""Time sanity: nothing is dated after what could have been known, nor before what it needs to exist.

Dates are compared through their bounds (:func:`csto_kg.derive.agree`: the
first and last day a value at its precision can be), and a rule fires only
when the bounds make the problem certain.

- ``shape:DatedAfterItsSources``: a fact is not dated after the publication
  date of every source that states it (the latest day each could have been
  published), unless it is a plan, an announcement or a proposal
  (``csto:status`` Planned / Announced / Proposed) or a prediction or proposal
  (``csto:position`` Prediction / Proposal).
- ``shape:DatedInTheFuture``: nothing (plans aside) is dated after today.
- ``shape:ActBeforeOrganisationExists``: an office of an organisation or of
  one of its bodies is not held, a meeting of one of its bodies not held, a
  document of one of them not issued, before the organisation's founding.
"""

from __future__ import annotations

import datetime as dt

from rdflib import Literal, URIRef
from rdflib.term import Node

from ...derive import DATE_PROPERTIES, agree
from ...namespaces import CSTO, GRAPH, ORG, RDF, SH, SHAPE, shown, source_iri
from ..report import Result, show_term
from . import Context, Rule

_NOT_YET = {CSTO.Planned, CSTO.Announced, CSTO.Proposed}
_FORWARD_LOOKING = {CSTO.Prediction, CSTO.Proposal}


def _is_plan(ctx: Context, node: Node) -> bool:
    u = ctx.union
    return any(s in _NOT_YET for s in u.objects(node, CSTO.status)) or any(
        p in _FORWARD_LOOKING for p in u.objects(node, CSTO.position)
    )


def _dated(ctx: Context) -> list:
    """(node, property, values, bounds) for every dated statement of the curated graphs (conflicts skipped); worked
    out once for the two rules reading it."""
    got = ctx.memo.get("chronology.dated")
    if got is None:
        got = ctx.memo["chronology.dated"] = list(_dated_statements(ctx))
    return got


def _dated_statements(ctx: Context):
    ontology = str(CSTO)
    for p in DATE_PROPERTIES:
        by_node: dict[Node, list[Literal]] = {}
        for s, o in ctx.union.subject_objects(p):
            if isinstance(o, Literal) and not str(s).startswith(ontology):
                by_node.setdefault(s, []).append(o)
        for s, values in by_node.items():
            a = agree(values)
            if a.bounds is not None:
                yield s, p, a.preferred, a.bounds


def _bound(ctx: Context, node: Node, prop: URIRef) -> dt.date | None:
    v = ctx.union.value(node, prop)
    try:
        return dt.date.fromisoformat(str(v)) if v is not None else None
    except ValueError:
        return None


def _publication_latest(ctx: Context) -> dict[URIRef, dt.date | None]:
    """Seed graph -> the last day its source can have been published (None: the source states no date)."""
    out = {}
    for gid in ctx.data.files:
        if not str(gid).startswith(str(GRAPH)):
            continue
        pub = ctx.union.value(source_iri(str(gid)[len(str(GRAPH)) :]), CSTO.publicationDate)
        out[gid] = _bound(ctx, pub, CSTO.notAfter) if pub is not None else None
    return out


def _locate(ctx: Context, node: Node, prop: URIRef, value: Literal):
    for gid in ctx.locator.graphs_stating(node, prop, value):
        file = ctx.data.files[gid]
        return gid, file, ctx.locator.statement_line(file, node, prop, value, gid)
    return None, None, None


def _future(ctx: Context) -> list[Result]:
    out = []
    for node, prop, value, (lo, _hi) in _dated(ctx):
        if lo <= ctx.today or _is_plan(ctx, node):
            continue
        gid, file, line = _locate(ctx, node, prop, value)
        if gid is None:
            continue  # derived (a membership instant): its event is reported
        out.append(
            ctx.locator.result(
                severity=SH.Violation,
                shape=SHAPE.DatedInTheFuture,
                focus=node,
                value=value,
                path=prop,
                file=file,
                line=line,
                message=f"{shown(prop)} {show_term(value)} (not before {lo.isoformat()}) is after today "
                f"({ctx.today.isoformat()}). Fix: correct the date from the seed; a plan or announcement gets "
                "csto:status csto:Planned / csto:Announced / csto:Proposed",
            )
        )
    return out


def _after_sources(ctx: Context) -> list[Result]:
    published = _publication_latest(ctx)
    pubdates = set(ctx.union.objects(None, CSTO.publicationDate))
    out = []
    for node, prop, value, (lo, _hi) in _dated(ctx):
        if lo > ctx.today or node in pubdates or _is_plan(ctx, node):
            continue  # (a date after today is reported as such)
        stated_in = sorted((g for g in ctx.subject_graphs.get(node, ()) if published.get(g) is not None), key=str)
        if not stated_in or any(published[g] >= lo for g in stated_in):
            continue
        gid, file, line = _locate(ctx, node, prop, value)
        if gid is None:
            continue
        sources = ", ".join(
            f"{ctx.locator.where(ctx.data.files[g], None)} (published by {published[g]})" for g in stated_in
        )
        out.append(
            ctx.locator.result(
                severity=SH.Violation,
                shape=SHAPE.DatedAfterItsSources,
                focus=node,
                value=value,
                path=prop,
                file=file,
                line=line,
                message=f"{shown(prop)} {show_term(value)} (not before {lo.isoformat()}) is after the publication "
                f"of every source that states it: {sources}. Fix: correct the date from the seed; if the source "
                "reports a plan, announcement or prediction, say so (csto:status csto:Planned / csto:Announced / "
                "csto:Proposed, or a csto:Stance with csto:position csto:Prediction / csto:Proposal)",
            )
        )
    return out


def _foundings(ctx: Context) -> dict[Node, tuple[Node, dt.date]]:
    """Organisation -> (its founding event, the first day it can have been founded)."""
    out: dict[Node, tuple[Node, dt.date]] = {}
    for f in ctx.union.subjects(RDF.type, CSTO.Founding):
        a = agree(ctx.union.objects(f, CSTO.date))
        for org in ctx.union.objects(f, CSTO.organisation):
            if a.bounds is not None and (org not in out or a.bounds[0] < out[org][1]):
                out[org] = (f, a.bounds[0])
    return out


def _organisation_of(ctx: Context, body: Node, foundings: dict) -> Node | None:
    """The organisation a body belongs to (itself, or through org:unitOf / csto:organOf), if it has a founding."""
    seen = set()
    while body is not None and body not in seen:
        if body in foundings:
            return body
        seen.add(body)
        body = ctx.union.value(body, ORG.unitOf) or ctx.union.value(body, CSTO.organOf)
    return None


def _acts(ctx: Context):
    """(act, the body acting, the date properties that date the act)."""
    u = ctx.union
    for holding in set(u.subjects(CSTO.office, None)):
        for office in u.objects(holding, CSTO.office):
            for body in u.objects(office, ORG.postIn):
                yield holding, body, f"an office of {shown(body)}"
    for meeting, body in u.subject_objects(CSTO.body):
        yield meeting, body, f"a meeting of {shown(body)}"
    for doc, body in u.subject_objects(CSTO.issuedBy):
        yield doc, body, f"issued by {shown(body)}"


def _before_organisation(ctx: Context) -> list[Result]:
    foundings = _foundings(ctx)
    if not foundings:
        return []
    out, seen = [], set()
    for act, body, what in _acts(ctx):
        org = _organisation_of(ctx, body, foundings)
        if org is None or act in seen:
            continue
        founding, founded = foundings[org]
        for prop in DATE_PROPERTIES:
            a = agree(ctx.union.objects(act, prop))
            if a.bounds is None or a.bounds[1] >= founded or _is_plan(ctx, act):
                continue
            seen.add(act)
            gid, file, line = _locate(ctx, act, prop, a.preferred)
            fgid, ffile, fline = _locate(ctx, founding, CSTO.date, ctx.union.value(founding, CSTO.date))
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.ActBeforeOrganisationExists,
                    focus=act,
                    value=a.preferred,
                    path=prop,
                    file=file,
                    line=line,
                    graph=gid,
                    message=f"{shown(prop)} {show_term(a.preferred)} (at the latest {a.bounds[1].isoformat()}) is "
                    f"before {shown(org)} existed: this is {what}, and {shown(org)} was founded "
                    f"no earlier than {founded.isoformat()} ({shown(founding)}, "
                    f"{ctx.locator.where(ffile, fline)}). Fix: correct the date, or the office/body, from the seed",
                )
            )
            break
    return out


RULES = [
    Rule(
        SHAPE.DatedAfterItsSources,
        "not dated after every source that states it",
        "A dated fact is not certainly after the publication date (csto:publicationDate's csto:notAfter) of every "
        "source whose file states it, unless the source reports a plan, announcement or proposal (csto:status "
        "csto:Planned / csto:Announced / csto:Proposed) or it is a prediction or proposal (csto:position "
        "csto:Prediction / csto:Proposal). Dates compare through their bounds at their own precision.",
        _after_sources,
    ),
    Rule(
        SHAPE.DatedInTheFuture,
        "not dated after today",
        "No date in the curated graph is certainly after today (the first possible day of the value, at its "
        "precision), plans, announcements, proposals and predictions aside.",
        _future,
    ),
    Rule(
        SHAPE.ActBeforeOrganisationExists,
        "an organisation's offices and bodies act only once it exists",
        "An office holding of an office of an organisation or of one of its bodies (org:postIn, org:unitOf, "
        "csto:organOf), a meeting of one of its bodies (csto:body) and a document one of them issued "
        "(csto:issuedBy) are not certainly dated before the organisation's csto:Founding.",
        _before_organisation,
    ),
]

__all__ = ["RULES"]
