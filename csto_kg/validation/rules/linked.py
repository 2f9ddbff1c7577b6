"""Linked values: what two links of one fact, or of two linked facts, say agrees.

- ``shape:LinkedValuesAgree``: an invoked article is an article of the request's treaty (``csto:invokedArticle`` /
  ``csto:articleOf`` against ``csto:treaty``); signatures at one signing (one date, one place) sign one treaty; a
  stance in its own words (``csto:Direct``) expressed in an issued document, a source document, a speech or an
  interview (``csto:expressedIn``) is held by who speaks there (the document's issuer or author, the speech's or
  interview's ``csto:agent``), an organ of it (``org:unitOf``, ``csto:organOf``) or the holder of one of its
  offices, and one expressed in a seed, however attributed, by its author; a stance expressed in a meeting that
  records its attendees (or participating states) is held, where its holder is a person (or a state), by one of
  them, and where its holder is an organisation or organ, by the meeting's body (or an organisation it is an organ
  of) or one the meeting names as participant, invitee or organisation; an event that began or ended something
  (``csto:beganWith``, ``csto:startedBy``, ``csto:endedBy``) has taken place (it is not planned, proposed, announced
  or cancelled); a request under a treaty is addressed to the organisation the treaty founded (``csto:Founding``)
  and a response's agent is that target or an organ of it; a file that answers a request with a refusal does not
  also answer it with a deployment or a decision to deploy; a non-attendance is not aimed at
  a meeting listing the state as participating, and no state is absent from a meeting or exercise on its own
  territory; a chairmanship is succeeded by another state's; a stance taken as an office (``csto:speakingAs``)
  is held by a holder of it (in that file or the entities file) or by the office's post; an office holding begins
  with an election, not another kind of event, held in the state the office is a post of; a stance is not dated
  after the document it is expressed in; a recall of a representative is about an office of the recalling state; a
  person is an alumnus (``csto:alumniOf``) of an institution they studied at, where the graph records their studies;
  a meeting's format fits its kind and its number of states (a bilateral meeting is not trilateral); a figure of a
  reported force size counts the deployment that reports it; a city a seed uses for a state (``csto:standsFor``)
  names a state that another fact read from the same passage gives.
- ``shape:LabelNamesItsOwner``: an organ, a charter or founding treaty, or a group standing for office holders
  whose name names an organisation, state or body ("CSTO Parliamentary Assembly", "Charter of the CSTO", "the
  speakers of the parliaments of Armenia, ...") belongs to it (``org:unitOf``, ``csto:organOf``, ``csto:charter``,
  ``csto:holdersOf`` offices posted in it); a seed's ``csto:organOf`` agrees with the entities file's ``org:unitOf``;
  a fact whose label names states or organisations gives one of them as its state, member, organisation,
  destination, grantee, operator, agent, place or party; a document whose label names people is issued and
  written by one of them; a (non-)recognition's kind agrees with its label.
- ``shape:ResponseAnswersOneRequest``: a response answers one request (``csto:respondsTo``, the inverse of
  ``csto:response``, inverses applied).
- ``shape:OfficeNamedByItsPostAndRole``: an office's label names its role and the entity it is a post of, and no
  body of that entity (an organ ``org:unitOf`` it) that it is rather a post of ("Chairman of the CSTO Parliamentary
  Assembly" posted in the CSTO; of the 21 curated offices, none: measured 2026-12-07).
- ``shape:WithdrawalEndsAMembership``: a withdrawal ends a membership period (``csto:endedBy``) of its state in its
  organisation; where the graph holds one period of the state in the organisation, each file recording the
  withdrawal and that period links them (with several, a file may not say which one it ended).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rdflib import URIRef
from rdflib.term import Node

from ...derive import agree
from ...namespaces import CSTO, DCTERMS, ENTITIES_GRAPH, ORG, PROV, RDF, RDFS, SHAPE, SKOS, curie, shown
from ..report import Result
from . import Context, Rule
from .name_index import ByFirstWord
from .naming import _namer, _norm

_NOT_TAKEN_PLACE = (CSTO.Planned, CSTO.Proposed, CSTO.Announced, CSTO.Cancelled)


def _c(node: Node) -> str:
    return curie(str(node)) or str(node)


def _disagreement(ctx: Context, s: Node, p: URIRef, o: Node, message: str) -> list[Result]:
    """A ``shape:LinkedValuesAgree`` result at ``s p o`` in the first curated file stating it (none if no file
    does: an inferred triple is reported where it was written)."""
    graphs = ctx.locator.graphs_stating(s, p, o)
    if not graphs:
        return []
    return [
        ctx.locator.statement_result(shape=SHAPE.LinkedValuesAgree, s=s, p=p, o=o, graph=graphs[0], message=message)
    ]


def _article_of_its_treaty(ctx: Context) -> list[Result]:
    out = []
    for request, article in sorted(ctx.union.subject_objects(CSTO.invokedArticle), key=str):
        of = set(ctx.union.objects(article, CSTO.articleOf))
        for treaty in sorted(ctx.union.objects(request, CSTO.treaty), key=str):
            if of and treaty not in of:
                out += _disagreement(
                    ctx,
                    request,
                    CSTO.treaty,
                    treaty,
                    f"names the treaty {_c(treaty)}, but the article it invokes, {_c(article)}, is an article of "
                    f"{' and '.join(_c(t) for t in sorted(of, key=str))} (csto:articleOf). Fix: the treaty or the "
                    "article the passage names",
                )
    return out


def _one_treaty_per_signing(ctx: Context) -> list[Result]:
    """Signatures of one date and place are one signing: they name one treaty; the odd one out is reported."""
    out = []
    signings: dict[tuple, dict[Node, set[Node]]] = {}
    for sig in ctx.union.subjects(RDF.type, CSTO.Signature):
        for d in ctx.union.objects(sig, CSTO.date):
            if len(str(d)) != 10:
                continue  # a day: a year or month may hold several signings
            for place in ctx.union.objects(sig, CSTO.place):
                for treaty in ctx.union.objects(sig, CSTO.treaty):
                    signings.setdefault((str(d), place), {}).setdefault(sig, set()).add(treaty)
    for (d, place), sigs in sorted(signings.items(), key=str):
        counts = Counter(t for ts in sigs.values() for t in ts)
        if len(counts) < 2:
            continue
        top = max(counts.values())
        usual = sorted((t for t, n in counts.items() if n == top), key=str)
        for sig, treaties in sorted(sigs.items(), key=str):
            for treaty in sorted(treaties - {usual[0]}, key=str):
                out += _disagreement(
                    ctx,
                    sig,
                    CSTO.treaty,
                    treaty,
                    f"signs {_c(treaty)}, but the other signatures of {d} at {_c(place)}, one signing, sign "
                    f"{_c(usual[0])}. Fix: the treaty the passage names",
                )
    return out


# who speaks in what a stance is csto:expressedIn: a document's issuer, a source document's author, the speaker of a
# speech and the interviewee of an interview (their csto:agent, as the ontology defines them)
_SPEAKERS = ((None, CSTO.issuedBy, "issued by"), (CSTO.SourceDocument, DCTERMS.creator, "written by"),
             (CSTO.Speech, CSTO.agent, "given by"), (CSTO.Interview, CSTO.agent, "given by"))  # fmt: skip


def _held_by_its_issuer(ctx: Context) -> list[Result]:
    """A stance in its own words (csto:Direct) expressed in a document, speech or interview is held by who speaks
    there (:data:`_SPEAKERS`), an organ of it or the holder of one of its offices; one expressed in a seed (a source
    document), however attributed, by its author: a seed reports the views of others, it does not express them."""
    out = []
    for stance, doc in sorted(ctx.union.subject_objects(CSTO.expressedIn), key=str):
        issuers: set[Node] = set()
        verb = ""
        for cls, prop, how in _SPEAKERS:
            if cls is None or (doc, RDF.type, cls) in ctx.union:
                found = set(ctx.union.objects(doc, prop))
                issuers |= found
                verb = verb or (how if found else "")
        direct = (stance, CSTO.attribution, CSTO.Direct) in ctx.union
        if not issuers or not (direct or (doc, RDF.type, CSTO.SourceDocument) in ctx.union):
            continue  # a reported stance: the document reports another's view (a seed, its author's own only)
        for holder in sorted(ctx.union.objects(stance, CSTO.heldBy), key=str):
            if not _speaks_for(ctx, holder, issuers):
                out += _disagreement(
                    ctx,
                    stance,
                    CSTO.heldBy,
                    holder,
                    f"is expressed in {_c(doc)}, {verb} {', '.join(_c(i) for i in sorted(issuers, key=str))}, "
                    f"but held by {_c(holder)}, neither who speaks there, an organ of it nor the holder of one of its "
                    "offices. Fix: the holder, or what the stance is expressed in",
                )
    return out


# who takes part in a meeting, by the kind of its holder: a person attends it, a state participates in it
_TAKING_PART = (
    (CSTO.Person, CSTO.attendee, "attendees"),
    (CSTO.State, CSTO.participatingState, "participating states"),
)


def _held_by_one_who_took_part(ctx: Context) -> list[Result]:
    """A stance expressed in a meeting whose attendees (or participating states) the graph records is held, where
    its holder is a person (or a state), by one of them: the words were said there, by someone who was there."""
    out = []
    for stance, meeting in sorted(ctx.union.subject_objects(CSTO.expressedIn), key=str):
        for cls, prop, who in _TAKING_PART:
            present = set(ctx.union.objects(meeting, prop))
            if not present:
                continue
            absent = set(ctx.union.objects(meeting, CSTO.absentState))  # shape:NotSaidWhereAbsent says so
            for holder in sorted(ctx.union.objects(stance, CSTO.heldBy), key=str):
                if (holder, RDF.type, cls) in ctx.union and holder not in present | absent:
                    out += _disagreement(
                        ctx,
                        stance,
                        CSTO.heldBy,
                        holder,
                        f"is expressed in {_c(meeting)}, but held by {_c(holder)}, not among its {who} "
                        f"({shown(prop)}: {', '.join(_c(p) for p in sorted(present, key=str))}). Fix: the "
                        "holder, or what the stance is expressed in (csto:expressedIn)",
                    )
        if (meeting, RDF.type, CSTO.Meeting) in ctx.union:
            out += _held_by_a_body_of_the_meeting(ctx, stance, meeting)
    return out


# holders that are not bodies: persons and states (whose presence _TAKING_PART reads) and groups standing for people
_NOT_A_BODY = (CSTO.Person, CSTO.State, CSTO.Group)


def _held_by_a_body_of_the_meeting(ctx: Context, stance: Node, meeting: Node) -> list[Result]:
    """A stance expressed in a meeting and held by an organisation or an organ: the meeting is that body's (its
    csto:body is it or one of its organs), or names it as a participant, invitee or organisation of it."""
    out = []
    bodies = set(ctx.union.objects(meeting, CSTO.body))
    named = {o for p in (CSTO.participant, CSTO.invitee, CSTO.organisation) for o in ctx.union.objects(meeting, p)}
    for holder in sorted(ctx.union.objects(stance, CSTO.heldBy), key=str):
        if any((holder, RDF.type, cls) in ctx.union for cls in _NOT_A_BODY) or holder in named:
            continue
        if any(_organ_of(ctx, body, {holder}) for body in bodies):
            continue
        out += _disagreement(
            ctx,
            stance,
            CSTO.heldBy,
            holder,
            f"is expressed in {_c(meeting)}, but held by {_c(holder)}, a body the meeting is not of (csto:body: "
            f"{', '.join(_c(b) for b in sorted(bodies, key=str)) or 'none'}) and does not name as a participant, "
            "invitee or organisation. Fix: the holder, or what the stance is expressed in (csto:expressedIn)",
        )
    return out


def _speaks_for(ctx: Context, holder: Node, issuers: set[Node]) -> bool:
    if holder in issuers:
        return True
    if any(b in issuers for p in (ORG.unitOf, CSTO.organOf) for b in ctx.union.objects(holder, p)):
        return True
    for holding in ctx.union.subjects(CSTO.holder, holder):
        for office in ctx.union.objects(holding, CSTO.office):
            if any(b in issuers for b in ctx.union.objects(office, ORG.postIn)):
                return True
    return False


def _began_things_took_place(ctx: Context) -> list[Result]:
    out = []
    for link in (CSTO.beganWith, CSTO.startedBy, CSTO.endedBy):
        for thing, event in sorted(ctx.union.subject_objects(link), key=str):
            for status in sorted(ctx.union.objects(event, CSTO.status), key=str):
                if status in _NOT_TAKEN_PLACE:
                    out += _disagreement(
                        ctx,
                        event,
                        CSTO.status,
                        status,
                        f"has the status {_c(status)}, yet {_c(thing)} {shown(link)} it: an event that began or "
                        "ended something has taken place. Fix: the status the passage gives (csto:Occurred)",
                    )
    return out


# --- round 5: who is asked and who answers, who is absent where, who succeeds whom, who speaks as what ---


def _organ_of(ctx: Context, body: Node, orgs: set[Node]) -> bool:
    """``body`` is one of ``orgs`` or an organ / unit of one (through org:unitOf, csto:organOf, transitively)."""
    seen: set[Node] = set()
    todo = [body]
    while todo:
        b = todo.pop()
        if b in orgs:
            return True
        if b in seen:
            continue
        seen.add(b)
        todo += [x for p in (ORG.unitOf, CSTO.organOf) for x in ctx.union.objects(b, p)]
    return False


def _treaty_organisations(ctx: Context, treaty: Node) -> set[Node]:
    """The organisations a treaty founded (csto:Founding with that csto:treaty)."""
    return {
        o
        for f in ctx.union.subjects(CSTO.treaty, treaty)
        if (f, RDF.type, CSTO.Founding) in ctx.union
        for o in ctx.union.objects(f, CSTO.organisation)
    }


def _asked_of_the_treatys_organisation(ctx: Context) -> list[Result]:
    """A request that invokes a treaty (csto:treaty, or the treaty of its csto:invokedArticle) is addressed to the
    organisation that treaty founded, not to a member state, an organ or another organisation."""
    out = []
    for request, target in sorted(ctx.union.subject_objects(CSTO.target), key=str):
        treaties = set(ctx.union.objects(request, CSTO.treaty)) | {
            t for a in ctx.union.objects(request, CSTO.invokedArticle) for t in ctx.union.objects(a, CSTO.articleOf)
        }
        orgs = {o for t in treaties for o in _treaty_organisations(ctx, t)}
        if not orgs or target in orgs:
            continue
        out += _disagreement(
            ctx,
            request,
            CSTO.target,
            target,
            f"is addressed to {_c(target)}, but it invokes {' and '.join(_c(t) for t in sorted(treaties, key=str))}, "
            f"the treaty of {' and '.join(_c(o) for o in sorted(orgs, key=str))}: a request under a treaty is made "
            "to the organisation the treaty founded (csto:Founding). Fix: csto:target the organisation",
        )
    return out


def _answered_by_its_target(ctx: Context) -> list[Result]:
    """The agent of a response is the request's target or an organ of it."""
    out = []
    pairs = set(ctx.union.subject_objects(CSTO.response)) | {
        (q, r) for r, q in ctx.union.subject_objects(CSTO.respondsTo)
    }
    for request, response in sorted(pairs, key=str):
        targets = set(ctx.union.objects(request, CSTO.target))
        if not targets:
            continue
        for agent in sorted(ctx.union.objects(response, CSTO.agent), key=str):
            if _organ_of(ctx, agent, targets):
                continue
            out += _disagreement(
                ctx,
                response,
                CSTO.agent,
                agent,
                f"answers {_c(request)}, addressed to {', '.join(_c(t) for t in sorted(targets, key=str))}, but its "
                f"agent is {_c(agent)}, neither that target nor an organ of it. Fix: the agent the "
                "passage names (the one asked answers)",
            )
    return out


def _granting(ctx: Context, response: Node) -> bool:
    """Whether ``response`` gives the help asked for: a deployment, or a decision to deploy (csto:decidedAction)."""
    if (response, RDF.type, CSTO.Deployment) in ctx.union:
        return True
    return (response, RDF.type, CSTO.Decision) in ctx.union and any(
        (action, RDF.type, CSTO.Deployment) in ctx.union for action in ctx.union.objects(response, CSTO.decidedAction)
    )


def _not_refused_and_granted(ctx: Context) -> list[Result]:
    """One file does not answer a request with a refusal and with a deployment (or a decision to deploy): the
    request's responses that file states (csto:response, or csto:respondsTo)."""
    out = []
    for gid in ctx.curated:
        if gid == ENTITIES_GRAPH:
            continue
        links = [(q, CSTO.response, r, q, r) for q, r in ctx.pairs(gid, CSTO.response)]
        links += [(r, CSTO.respondsTo, q, q, r) for r, q in ctx.pairs(gid, CSTO.respondsTo)]
        answered: dict[Node, set[Node]] = {}
        for *_, request, response in links:
            answered.setdefault(request, set()).add(response)
        for s, p, o, request, response in sorted(links, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
            refusals = sorted((r for r in answered[request] if (r, RDF.type, CSTO.Refusal) in ctx.union), key=str)
            if refusals and _granting(ctx, response):
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.LinkedValuesAgree,
                        s=s,
                        p=p,
                        o=o,
                        graph=gid,
                        message=f"answers {_c(request)} with {_c(response)}, which gives the help asked for (a "
                        f"deployment, or a decision to deploy), but this file also answers it with the refusal "
                        f"{', '.join(_c(r) for r in refusals)}: a request is refused or granted. Fix: the request "
                        "the response answers, or the response's kind",
                    )
                )
    return out


def _meetings_attended(ctx: Context, state: Node) -> set[Node]:
    return set(ctx.union.subjects(CSTO.participatingState, state))


def _not_absent_where_present(ctx: Context) -> list[Result]:
    """A state's non-attendance (csto:actionKind csto:NonAttendance) is not aimed at a meeting that lists the state
    among its participants."""
    out = []
    for action in sorted(ctx.union.subjects(CSTO.actionKind, CSTO.NonAttendance), key=str):
        for state in ctx.union.objects(action, CSTO.state):
            for meeting in sorted(
                set(ctx.union.objects(action, CSTO.target)) & _meetings_attended(ctx, state), key=str
            ):
                out += _disagreement(
                    ctx,
                    action,
                    CSTO.target,
                    meeting,
                    f"is {_c(state)}'s non-attendance of {_c(meeting)}, but that meeting lists {_c(state)} among its "
                    "csto:participatingState. Fix: the meeting the state stayed away from (one listing it in "
                    "csto:absentState), or the action's kind",
                )
    return out


def _places_of(ctx: Context, node: Node) -> set[Node]:
    """A meeting's place and host, and every state or place they lie in (csto:locatedIn, csto:capitalOf)."""
    todo = list(ctx.union.objects(node, CSTO.place)) + list(ctx.union.objects(node, CSTO.host))
    seen: set[Node] = set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo += list(ctx.union.objects(p, CSTO.locatedIn)) + list(ctx.union.objects(p, CSTO.capitalOf))
    return seen


def _not_absent_at_home(ctx: Context) -> list[Result]:
    """A state is not absent (csto:absentState) from a meeting or exercise held on its own territory."""
    out = []
    for meeting, state in sorted(ctx.union.subject_objects(CSTO.absentState), key=str):
        if state in _places_of(ctx, meeting):
            out += _disagreement(
                ctx,
                meeting,
                CSTO.absentState,
                state,
                f"is held in {_c(state)} (its csto:place or csto:host, or a place in it), yet lists {_c(state)} as "
                "absent: a state is not absent from what takes place on its own territory. Fix: the place, or the "
                "absent state, the passage names",
            )
    return out


def _successor_another_state(ctx: Context) -> list[Result]:
    """A chairmanship is succeeded (csto:succeededBy) by another state's: a state does not hand it to itself."""
    out = []
    for first, then in sorted(ctx.union.subject_objects(CSTO.succeededBy), key=str):
        if (first, RDF.type, CSTO.Chairmanship) not in ctx.union:
            continue
        for state in sorted(
            set(ctx.union.objects(first, CSTO.state)) & set(ctx.union.objects(then, CSTO.state)), key=str
        ):
            message = (
                f"succeeds {_c(first)}, and both are chairmanships of {_c(state)}: a chairmanship passes from one "
                "state to another. Fix: the state the passage names for each"
            )
            found = _disagreement(ctx, then, CSTO.state, state, message)
            out += found or _disagreement(ctx, first, CSTO.succeededBy, then, message)
    return out


def _speaks_as_an_office_held(ctx: Context) -> list[Result]:
    """A stance taken as an office (csto:speakingAs) is held by a holder of that office (an office holding in the
    stance's own file or the entities file), or by the state or body the office is a post of."""
    out = []
    reported = {r.focus for r in ctx.shacl_results if r.shape == SHAPE.SpeakingAsAnOfficeOfTheHolder}
    for gid in ctx.curated:
        g = ctx.data.dataset.graph(gid)
        graphs = [g, ctx.data.dataset.graph(ENTITIES_GRAPH)]
        for stance, office in sorted(ctx.pairs(gid, CSTO.speakingAs), key=str):
            for holder in sorted(ctx.union.objects(stance, CSTO.heldBy), key=str):
                if stance in reported or holder in set(ctx.union.objects(office, ORG.postIn)):
                    continue
                if any((h, CSTO.office, office) in gg for gg in graphs for h in gg.subjects(CSTO.holder, holder)):
                    continue
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.LinkedValuesAgree,
                        s=stance,
                        p=CSTO.speakingAs,
                        o=office,
                        graph=gid,
                        message=f"is taken as {_c(office)}, but its holder {_c(holder)} holds that office in no "
                        "office holding of this file (csto:holder, csto:office) nor is it the office's post: one "
                        "speaks as an office one holds. Fix: the office holding the passage attests, or the office",
                    )
                )
    return out


_TAKES_OFFICE = {CSTO.Election, CSTO.Event, CSTO.Fact}


def _holding_began_by_taking_office(ctx: Context) -> list[Result]:
    """An office holding begins (csto:beganWith, csto:startedBy) with an election or appointment: not with a
    membership event, a meeting, a conflict or any other kind of event."""
    out = []
    for link in (CSTO.beganWith, CSTO.startedBy):
        for holding, event in sorted(ctx.union.subject_objects(link), key=str):
            if (holding, RDF.type, CSTO.OfficeHolding) not in ctx.union:
                continue
            kinds = {
                t for t in ctx.union.objects(event, RDF.type) if str(t).startswith(str(CSTO)) and t not in _TAKES_OFFICE
            }
            kinds = {
                t for t in kinds if (t, RDFS.subClassOf, CSTO.Event) in ctx.union or (t, RDF.type, None) in ctx.union
            }
            if kinds:
                out += _disagreement(
                    ctx,
                    holding,
                    link,
                    event,
                    f"begins with {_c(event)}, a {', '.join(_c(k) for k in sorted(kinds, key=str))}: an office holding "
                    "begins with the election or appointment that brought its holder into office. Fix: the election "
                    "the passage names",
                )
                continue
            out += _election_of_the_offices_state(ctx, holding, event)
    return out


def _election_of_the_offices_state(ctx: Context, holding: Node, event: Node) -> list[Result]:
    """The election an office holding began with is held in the state the office is a post of."""
    posts = {
        p
        for office in ctx.union.objects(holding, CSTO.office)
        for p in ctx.union.objects(office, ORG.postIn)
        if (p, RDF.type, CSTO.State) in ctx.union
    }
    out = []
    for state in sorted(set(ctx.union.objects(event, CSTO.state)) - posts if posts else (), key=str):
        out += _disagreement(
            ctx,
            event,
            CSTO.state,
            state,
            f"is an election in {_c(state)}, yet {_c(holding)} began with it, a holding of an office of "
            f"{' and '.join(_c(p) for p in sorted(posts, key=str))}: one is elected to an office of the state that "
            "holds the election. Fix: the state the passage names, or the office",
        )
    return out


def _expressed_before_published(ctx: Context) -> list[Result]:
    """A stance expressed in a document (csto:expressedIn) is not dated after that document's publication."""
    out = []
    for stance, doc in sorted(ctx.union.subject_objects(CSTO.expressedIn), key=str):
        said = agree(ctx.union.objects(stance, CSTO.date)).bounds
        published = agree(
            [*ctx.union.objects(doc, CSTO.datePublished), *ctx.union.objects(doc, CSTO.dateSigned)]
        ).bounds
        if said is None or published is None or said[0] <= published[1]:
            continue
        out += _disagreement(
            ctx,
            stance,
            CSTO.expressedIn,
            doc,
            f"is dated from {said[0].isoformat()}, after {_c(doc)}, the document it is expressed in, came out (by "
            f"{published[1].isoformat()}): a document holds only what was said by its date. Fix: the document the "
            "passage names (csto:expressedIn), or csto:reportedVia for a later report of the stance",
        )
    return out


def _recalled_representative_of_the_state(ctx: Context) -> list[Result]:
    """A recall of a representative (csto:RecallOfRepresentative) is about an office of the recalling state: one
    recalls one's own representative, not another state's or an organisation's official."""
    out = []
    for action in sorted(ctx.union.subjects(CSTO.actionKind, CSTO.RecallOfRepresentative), key=str):
        states = set(ctx.union.objects(action, CSTO.state))
        for office in sorted(ctx.union.objects(action, CSTO.about), key=str):
            if (office, RDF.type, CSTO.Office) not in ctx.union or not states:
                continue
            posts = set(ctx.union.objects(office, ORG.postIn))
            if posts and not posts & states:
                out += _disagreement(
                    ctx,
                    action,
                    CSTO.about,
                    office,
                    f"is {' and '.join(_c(s) for s in sorted(states, key=str))}'s recall of a representative, but "
                    f"the office it is about, {_c(office)}, is a post of "
                    f"{' and '.join(_c(p) for p in sorted(posts, key=str))}: a state recalls its own representative. "
                    "Fix: the office the passage names (the state's representative), or the recalling state",
                )
    return out


def _alumni_of_a_recorded_study(ctx: Context) -> list[Result]:
    """A person's csto:alumniOf is the institution of one of their studies (csto:Education), where the graph
    records any: a degree from an institution they never studied at is another institution's name."""
    out = []
    for person, school in sorted(ctx.union.subject_objects(CSTO.alumniOf), key=str):
        studied = {
            i
            for e in ctx.union.subjects(CSTO.student, person)
            if (e, RDF.type, CSTO.Education) in ctx.union
            for i in ctx.union.objects(e, CSTO.institution)
        }
        if studied and school not in studied:
            out += _disagreement(
                ctx,
                person,
                CSTO.alumniOf,
                school,
                f"makes {_c(person)} an alumnus of {_c(school)}, but the studies the graph records of them were at "
                f"{' and '.join(_c(i) for i in sorted(studied, key=str))} (csto:Education, csto:institution). Fix: "
                "the institution the passage names",
            )
    return out


def _force_counted_on_its_deployment(ctx: Context) -> list[Result]:
    """A figure of a reported force size (csto:hasQuantity of a csto:ForceSize) counts (csto:quantityOf) the
    deployment that reports that force (csto:reportedForceSize), not the crisis it answered or another event."""
    out = []
    for size in sorted(ctx.union.subjects(RDF.type, CSTO.ForceSize), key=str):
        deployments = set(ctx.union.subjects(CSTO.reportedForceSize, size))
        if not deployments:
            continue
        for quantity in sorted(ctx.union.objects(size, CSTO.hasQuantity), key=str):
            for counted in sorted(set(ctx.union.objects(quantity, CSTO.quantityOf)) - deployments - {size}, key=str):
                out += _disagreement(
                    ctx,
                    quantity,
                    CSTO.quantityOf,
                    counted,
                    f"is a figure of {_c(size)}, the force {' and '.join(_c(d) for d in sorted(deployments, key=str))} "
                    f"reports (csto:reportedForceSize), yet counts {_c(counted)}: the troops and equipment of a "
                    "deployment are figures of that deployment. Fix: csto:quantityOf the deployment",
                )
    return out


# a meeting format, the kinds of meeting it cannot be, and the most states (csto:participatingState) it has
_FORMATS = {
    CSTO.BilateralFormat: ((CSTO.Summit,), 2),
    CSTO.TrilateralFormat: ((CSTO.BilateralMeeting, CSTO.Summit), 3),
    CSTO.SummitFormat: ((CSTO.BilateralMeeting,), None),
    CSTO.MinisterialFormat: ((CSTO.BilateralMeeting, CSTO.Summit), None),
}


def _format_fits_the_meeting(ctx: Context) -> list[Result]:
    """A meeting's format (csto:meetingFormat) fits its kind and its sides: a bilateral meeting is not in a
    trilateral, summit or ministerial format, a summit not bilateral; a bilateral format has at most two states,
    a trilateral one three."""
    out = []
    for meeting, fmt in sorted(ctx.union.subject_objects(CSTO.meetingFormat), key=str):
        if fmt not in _FORMATS:
            continue
        never, most = _FORMATS[fmt]
        kinds = [k for k in never if (meeting, RDF.type, k) in ctx.union]
        states = set(ctx.union.objects(meeting, CSTO.participatingState))
        if kinds:
            why = f"it is a {_c(kinds[0])}"
        elif most is not None and len(states) > most:
            why = f"it has {len(states)} participating states"
        else:
            continue
        out += _disagreement(
            ctx,
            meeting,
            CSTO.meetingFormat,
            fmt,
            f"is in the format {_c(fmt)}, but {why}: a meeting's format fits its kind and its sides. Fix: the format "
            "the passage names (csto:BilateralFormat for two states)",
        )
    return out


def _city_for_a_state_of_its_passage(ctx: Context) -> list[Result]:
    """A city a seed uses for a state (csto:standsFor: 'Moscow and Yerevan saw a good growth in bilateral trade',
    'Astana, Bishkek and Dushanbe see the main danger') names a state that the facts read from the same passage
    give: the stance it holds, the trade it is about, the border it has. Checked per file, against the other facts
    that file derives from the place's evidence; a state none of them gives is a slip in the state (Yerevan for the
    Soviet Union, Dushanbe for Belarus)."""
    out = []
    read_from: dict[Node, dict[Node, set[Node]]] = {}  # graph -> evidence -> the facts the graph derives from it
    for place, _, state, gid in ctx.curated_quads_of(CSTO.standsFor):
        if gid not in read_from:
            read_from[gid] = {}
            for fact, ev in ctx.pairs(gid, PROV.wasDerivedFrom):
                read_from[gid].setdefault(ev, set()).add(fact)
        cities = {city for city, _ in ctx.pairs(gid, CSTO.standsFor)}  # another city's state is not this one's
        evidence = set(ctx.data.dataset.graph(gid).objects(place, PROV.wasDerivedFrom))
        facts = {fact for ev in evidence for fact in read_from[gid].get(ev, ())} - cities
        if not facts or any((fact, None, state) in ctx.union for fact in facts):
            continue
        given = sorted(
            {_c(o) for fact in facts for o in ctx.union.objects(fact, None) if (o, RDF.type, CSTO.State) in ctx.union}
        )
        out.append(ctx.locator.statement_result(shape=SHAPE.LinkedValuesAgree, s=place, p=CSTO.standsFor, o=state,
                   graph=gid, message=f"stands for {_c(state)}, but no other fact read from its passage "
                   f"({', '.join(sorted(_c(f) for f in facts))}) gives that state"
                   + (f" (they give {', '.join(given)})" if given else "") + ": the city names a state its passage is "
                   "about. Fix: the state the seed names by the city"))  # fmt: skip
    return out


def _linked_values(ctx: Context) -> list[Result]:
    return (
        _city_for_a_state_of_its_passage(ctx)
        + _recalled_representative_of_the_state(ctx)
        + _alumni_of_a_recorded_study(ctx)
        + _format_fits_the_meeting(ctx)
        + _force_counted_on_its_deployment(ctx)
        + _article_of_its_treaty(ctx)
        + _one_treaty_per_signing(ctx)
        + _held_by_its_issuer(ctx)
        + _held_by_one_who_took_part(ctx)
        + _began_things_took_place(ctx)
        + _asked_of_the_treatys_organisation(ctx)
        + _answered_by_its_target(ctx)
        + _not_refused_and_granted(ctx)
        + _not_absent_where_present(ctx)
        + _not_absent_at_home(ctx)
        + _successor_another_state(ctx)
        + _speaks_as_an_office_held(ctx)
        + _holding_began_by_taking_office(ctx)
        + _expressed_before_published(ctx)
    )


def _one_request(ctx: Context) -> list[Result]:
    """Inverses applied: the inferred graph holds csto:respondsTo for every csto:response and back."""
    out = []
    answers: dict[Node, set[Node]] = {}
    for response, request in ctx.union.subject_objects(CSTO.respondsTo):
        answers.setdefault(response, set()).add(request)
    for request, response in ctx.union.subject_objects(CSTO.response):
        answers.setdefault(response, set()).add(request)
    for response, requests in sorted(answers.items(), key=str):
        if len(requests) < 2:
            continue
        ordered = sorted(requests, key=str)
        for request in ordered[1:]:
            written = [(response, CSTO.respondsTo, request), (request, CSTO.response, response)]
            located = [(t, g) for t in written for g in ctx.locator.graphs_stating(*t)]
            if not located:
                continue
            (s, p, o), gid = located[0]
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.ResponseAnswersOneRequest,
                    s=s,
                    p=p,
                    o=o,
                    graph=gid,
                    message=f"makes {_c(response)} the response to {_c(request)}, but it already answers "
                    f"{_c(ordered[0])}: a response answers one request (csto:respondsTo, the inverse of "
                    "csto:response). Fix: the request's own response, or the request the response answers",
                )
            )
    return out


def _withdrawals_end_memberships(ctx: Context) -> list[Result]:
    """Where the graph holds one period of the state in the organisation, nothing ends it and the state withdrew
    once, a file recording the withdrawal and that period links them. (With several periods, a file may not say
    which one a withdrawal ended.)"""
    out = []
    for gid in ctx.curated:
        if gid == ENTITIES_GRAPH:
            continue
        g = ctx.data.dataset.graph(gid)
        for w in sorted(ctx.typed(gid, CSTO.Withdrawal), key=str):
            if any(True for _ in g.subjects(CSTO.endedBy, w)):
                continue
            periods = {
                m
                for s in ctx.union.objects(w, CSTO.state)
                for o in ctx.union.objects(w, CSTO.organisation)
                for m in ctx.union.subjects(ORG.member, s)
                if (m, ORG.organization, o) in ctx.union and (m, RDF.type, CSTO.Membership) in ctx.union
            }
            here = [m for m in periods if (m, None, None) in g]
            withdrawals = {
                x
                for s in ctx.union.objects(w, CSTO.state)
                for x in ctx.union.subjects(CSTO.state, s)
                if (x, RDF.type, CSTO.Withdrawal) in ctx.union
                and set(ctx.union.objects(x, CSTO.organisation)) == set(ctx.union.objects(w, CSTO.organisation))
            }
            if (
                len(periods) != 1
                or len(withdrawals) != 1
                or not here
                or (here[0], CSTO.endedBy, None) in ctx.union
                or (here[0], None, w) in ctx.union
            ):
                continue  # several periods or withdrawals, or a period ended otherwise: other rules' matter
            out.append(
                ctx.locator.statement_result(
                    shape=SHAPE.WithdrawalEndsAMembership,
                    s=w,
                    p=RDF.type,
                    o=CSTO.Withdrawal,
                    graph=gid,
                    message=f"{_c(here[0])}, the state's one membership period in the organisation, is written in this "
                    "file but not csto:endedBy this withdrawal: the period it ended stays open, the state a "
                    "member today. Fix: csto:endedBy on the period it ended (in this file, with this file's evidence)",
                )
            )
    return out


_STOP = {"of", "a", "an", "the", "to", "for", "on", "and", "in"}
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP]


def _office_names(ctx: Context) -> list[Result]:
    """An office's English label names its role (every word of one of the role's labels begins a word of it) and
    its post: "of [the] <name>", "<name>'s" or a label beginning with the name (any label or name form)."""
    out = []
    g = ctx.data.dataset.graph(ENTITIES_GRAPH)
    for office in sorted(g.subjects(RDF.type, CSTO.Office), key=str):
        labels = [str(x) for x in g.objects(office, RDFS.label) if getattr(x, "language", None) == "en"]
        if len(labels) != 1:
            continue
        label = labels[0]
        words = _words(label)
        for role in sorted(g.objects(office, ORG.role), key=str):
            if (role, RDF.type, CSTO.OfficeRole) not in ctx.union:
                continue  # not a role of the vocabulary: a shape reports it
            names = [str(n) for p in _NAMES for n in ctx.union.objects(role, p)]
            if names and not any(all(any(w.startswith(r) for w in words) for r in _words(n)) for n in names):
                out.append(
                    _office_result(
                        ctx, office, ORG.role, role, label, f"none of the role's names ({', '.join(sorted(names))})"
                    )
                )
        for post in sorted(g.objects(office, ORG.postIn), key=str):
            names = [str(n) for p in _NAMES for n in ctx.union.objects(post, p)]
            low = label.lower()
            if names and not any(
                re.search(rf"\bof (the )?{re.escape(n.lower())}\b", low)
                or re.search(rf"\b{re.escape(n.lower())}['\u2019]s\b", low)
                or re.match(rf"{re.escape(n.lower())}\b", low)
                for n in names
            ):
                out.append(
                    _office_result(
                        ctx,
                        office,
                        ORG.postIn,
                        post,
                        label,
                        f'not "of {names[0]}", "{names[0]}\'s" nor a name form of it',
                    )
                )
            organ = _organ_named(ctx, post, label)
            if organ is not None:  # "Chairman of the CSTO Parliamentary Assembly" posted in the CSTO itself
                out.append(_office_result(ctx, office, ORG.postIn, post, label, f"{_c(organ)}, a body of it"))
    return out


def _organ_named(ctx: Context, post: Node, label: str) -> Node | None:
    """A body of ``post`` (``org:unitOf`` it) that the office's ``label`` names: the office is that body's post."""
    low = label.lower()
    for organ in sorted(ctx.union.subjects(ORG.unitOf, post), key=str):
        names = [str(n) for p in _NAMES for n in ctx.union.objects(organ, p) if len(str(n)) > 3]
        if any(re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", low) for n in names):
            return organ
    return None


def _office_result(ctx: Context, office: Node, p: URIRef, o: Node, label: str, why: str) -> Result:
    return ctx.locator.statement_result(
        shape=SHAPE.OfficeNamedByItsPostAndRole,
        s=office,
        p=p,
        o=o,
        graph=ENTITIES_GRAPH,
        message=f'its label "{label}" names {why}, but {shown(p)} is {_c(o)}: an office\'s name says whose post '
        "it is and what its role is. Fix: the post or role the name means, or the label",
    )


# --- round 6: a name that says whose a body, a charter or an office-holders' group is -----------------------------

_OWNER_KINDS = (CSTO.State, CSTO.InternationalOrganisation, CSTO.Organisation, CSTO.Organ)


@dataclass(frozen=True)
class _OwnerName:
    """One name form of a state, organisation or organ, and whether it is a state's."""

    pattern: re.Pattern
    owner: Node
    state: bool
    needle: str | None  # the name as a plain substring test can rule it out (ASCII names only), or None
    folded: bool  # ``needle`` is lower-cased: the pattern ignores case

    def named_in(self, label: str, lowered: str) -> bool:
        """Does ``label`` (``lowered``: it lower-cased) name it: the pattern, after a substring test that rules out
        most labels. The test is exact for ASCII text: ``re``'s case-insensitive match of ASCII letters has
        non-ASCII equivalents (the Kelvin sign, the long s), so a label with other characters goes to the pattern."""
        if self.needle is not None and label.isascii() and self.needle not in (lowered if self.folded else label):
            return False
        return self.pattern.search(label) is not None


def _owner_names(ctx: Context) -> ByFirstWord:
    """A pattern matching one name form as a whole word, for each state, organisation or organ: an all-capitals
    acronym ("CSTO", "UN") matches only in capitals, other names in any case (made once per validation)."""
    if "linked.owner_names" not in ctx.memo:
        ctx.memo["linked.owner_names"] = ByFirstWord(_owner_name_forms(ctx))
    return ctx.memo["linked.owner_names"]


def _owner_name_forms(ctx: Context) -> list[tuple[str, _OwnerName]]:
    g = ctx.data.dataset.graph(ENTITIES_GRAPH)
    out = []
    entities = set(g.subjects(RDF.type, None))
    for kind in _OWNER_KINDS:
        for e in set(ctx.union.subjects(RDF.type, kind)) & entities:
            state = (e, RDF.type, CSTO.State) in ctx.union
            for p in _NAMES:
                for name in g.objects(e, p):
                    text = str(name).strip()
                    if len(text) < 2:
                        continue
                    folded = not text.isupper()
                    pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE if folded else 0)
                    needle = (text.lower() if folded else text) if text.isascii() else None
                    out.append((text, _OwnerName(pattern, e, state, needle, folded)))
    return out


def _named_owners(ctx: Context, names: ByFirstWord, node: Node) -> set[Node]:
    """The states, organisations and organs (other than ``node``) that an English label of ``node`` names."""
    labels = [(str(x), str(x).lower()) for x in ctx.data.dataset.graph(ENTITIES_GRAPH).objects(node, RDFS.label)]
    return {
        n.owner for label, low in labels for n in names.candidates(label) if n.owner != node and n.named_in(label, low)
    }


def _unit_chain(ctx: Context, body: Node) -> set[Node]:
    """What ``body`` is a unit of in the entities file (org:unitOf, transitively)."""
    return set(ctx.data.dataset.graph(ENTITIES_GRAPH).transitive_objects(body, ORG.unitOf)) - {body}


def _owner_result(ctx: Context, s: Node, p: URIRef, o: Node, message: str) -> list[Result]:
    graphs = ctx.locator.graphs_stating(s, p, o)
    if not graphs:
        return []
    return [
        ctx.locator.statement_result(shape=SHAPE.LabelNamesItsOwner, s=s, p=p, o=o, graph=graphs[0], message=message)
    ]


def _names_its_owner(ctx: Context) -> list[Result]:
    """An organ whose label names an organisation ("CSTO Parliamentary Assembly") is a unit (org:unitOf) and an
    organ (csto:organOf) of it; an organ's csto:organOf in a seed is what its org:unitOf says; a charter or
    founding treaty whose label names an organisation ("Charter of the CSTO") is that organisation's; and a group
    standing for the holders of offices (csto:holdersOf) whose label names states or bodies ("the speakers of the
    parliaments of Armenia, Belarus, ...") holds offices of those."""
    names = _owner_names(ctx)
    out = []
    g = ctx.data.dataset.graph(ENTITIES_GRAPH)

    def names_in(nodes: set[Node]) -> str:
        return " and ".join(_c(n) for n in sorted(nodes, key=str))

    for organ in sorted(g.subjects(RDF.type, CSTO.Organ), key=str):
        named = _named_owners(ctx, names, organ)
        chain = _unit_chain(ctx, organ)
        for p in (ORG.unitOf, CSTO.organOf):
            for owner in sorted(ctx.union.objects(organ, p), key=str):
                if named and not ({owner} | _unit_chain(ctx, owner)) & named:
                    out += _owner_result(
                        ctx,
                        organ,
                        p,
                        owner,
                        f"makes {_c(organ)} a body of {_c(owner)}, but its name names {names_in(named)}: an organ "
                        "named after an organisation is that organisation's. Fix: the organisation its name (or the "
                        "passage) names",
                    )
                elif p == CSTO.organOf and chain and owner not in chain:
                    out += _owner_result(
                        ctx,
                        organ,
                        p,
                        owner,
                        f"makes {_c(organ)} an organ of {_c(owner)}, but the entities file makes it a unit of "
                        f"{names_in(chain)} (org:unitOf): one body, one organisation. Fix: the organisation the "
                        "passage names",
                    )
    for p in (CSTO.charter, CSTO.foundingTreaty):
        for owner, treaty in sorted(ctx.union.subject_objects(p), key=str):
            named = _named_owners(ctx, names, treaty)
            if named and not ({owner} | _unit_chain(ctx, owner)) & named:
                out += _owner_result(
                    ctx,
                    owner,
                    p,
                    treaty,
                    f"gives {_c(owner)} {_c(treaty)} as its {shown(p)}, but the treaty's name names "
                    f"{names_in(named)}: a charter named after an organisation is that organisation's. Fix: the "
                    "organisation the passage names",
                )
    for group, office in sorted(ctx.union.subject_objects(CSTO.holdersOf), key=str):
        named = _named_owners(ctx, names, group)
        posts = set(ctx.union.objects(office, ORG.postIn))
        if named and posts and not any(({q} | _unit_chain(ctx, q)) & named for q in posts):
            out += _owner_result(
                ctx, group, CSTO.holdersOf, office,
                f"makes {_c(group)} stand for the holder of {_c(office)}, a post of {names_in(posts)}, but the "
                f"group's name names {names_in(named)}: a group defined by offices holds the offices it names. "
                "Fix: the office of a state or body the group's name names",
            )  # fmt: skip
    return out


# the links whose state or organisation a fact's label, where it names states or organisations, names
_LABELLED_LINKS = (
    CSTO.state,
    ORG.member,
    CSTO.organisation,
    ORG.organization,
    CSTO.destination,
    CSTO.grantee,
    CSTO.operatedBy,
    CSTO.agent,
    CSTO.place,
    CSTO.party,
)


def _capital_names(ctx: Context) -> ByFirstWord:
    """(a pattern matching a name of a capital, the states the graph makes it the capital of): a label naming
    "Minsk" names Belarus too."""
    capitals: dict[Node, set[Node]] = {}
    for place, state in ctx.union.subject_objects(CSTO.capitalOf):
        capitals.setdefault(place, set()).add(state)
    return ByFirstWord(
        [
            (str(n), (re.compile(rf"(?<!\w){re.escape(str(n))}(?!\w)", re.IGNORECASE), states))
            for place, states in capitals.items()
            for p in _NAMES
            for n in ctx.union.objects(place, p)
        ]
    )


def _fact_labels_name_their_values(ctx: Context) -> list[Result]:
    """A fact whose label names states (or organisations) gives as its csto:state, org:member, organisation,
    destination, grantee, operator, agent, place or party one of those it names: "Kazakhstan snubs Russian events"
    is Kazakhstan's."""
    names, places, out = _owner_names(ctx), _capital_names(ctx), []
    for prop in _LABELLED_LINKS:
        for fact, value in sorted(ctx.union.subject_objects(prop), key=str):
            labels = [str(x) for x in ctx.union.objects(fact, RDFS.label) if getattr(x, "language", None) == "en"]
            state = (value, RDF.type, CSTO.State) in ctx.union
            if not labels or not (state or any((value, RDF.type, k) in ctx.union for k in _OWNER_KINDS[1:])):
                continue  # unlabelled, or a group or a place: not checked
            lowered = [(x, x.lower()) for x in labels]
            named = {
                n.owner
                for x, low in lowered
                for n in names.candidates(x)
                if n.owner != fact and n.state == state and n.named_in(x, low)
            }
            if state:
                named |= {
                    s for x in labels for pattern, states in places.candidates(x) if pattern.search(x) for s in states
                }
            if named and not ({value} | _unit_chain(ctx, value)) & named:
                out += _owner_result(
                    ctx,
                    fact,
                    prop,
                    value,
                    f'gives {_c(value)} as its {shown(prop)}, but its label "{labels[0]}" names '
                    f"{' and '.join(_c(n) for n in sorted(named, key=str))}, not it: a fact's label and its links "
                    "say the same. Fix: the value the passage (and the label) names, or the label",
                )
    return out


_NEGATED_RECOGNITION = re.compile(
    r"\b(not|never|no|refus\w*|declin\w*|won't|without)\b[^.;]{0,60}\brecogni[sz]", re.IGNORECASE
)


def _recognition_kind_agrees(ctx: Context) -> list[Result]:
    """An action of kind csto:Recognition is not labelled as a refusal to recognise, nor one of kind
    csto:NonRecognition as a recognition."""
    out = []
    for kind, negated in ((CSTO.Recognition, True), (CSTO.NonRecognition, False)):
        for action in sorted(ctx.union.subjects(CSTO.actionKind, kind), key=str):
            for label in (str(x) for x in ctx.union.objects(action, RDFS.label)):
                if "recogni" not in label.lower() or bool(_NEGATED_RECOGNITION.search(label)) != negated:
                    continue
                said = "does not recognise" if negated else "recognises"
                out += _owner_result(
                    ctx,
                    action,
                    CSTO.actionKind,
                    kind,
                    f'is of the kind {_c(kind)}, but its label "{label}" says the state {said}: a recognition and '
                    "a refusal to recognise are opposite acts. Fix: csto:actionKind "
                    f"{'csto:NonRecognition' if negated else 'csto:Recognition'}, as the passage says",
                )
    return out


def _made_by_the_person_its_label_names(ctx: Context) -> list[Result]:
    """A document whose label names people ("Paul Hansbury's book") is issued and written (csto:issuedBy,
    dcterms:creator) by one of them, where a person issued or wrote it."""
    namer, out = _namer(ctx), []
    people = namer.by_kind.get(CSTO.Person, set())
    for prop in (CSTO.issuedBy, DCTERMS.creator):
        for doc, maker in sorted(ctx.union.subject_objects(prop), key=str):
            if maker not in people:
                continue
            labels = [str(x) for x in ctx.union.objects(doc, RDFS.label) if getattr(x, "language", None) == "en"]
            texts = [_norm(x) for x in labels]
            named = {p for p in namer.whole_word_candidates(texts) & people if namer.named(p, texts)}
            if named and maker not in named:
                out += _owner_result(
                    ctx,
                    doc,
                    prop,
                    maker,
                    f'gives {_c(maker)} as its {shown(prop)}, but its label "{labels[0]}" names '
                    f"{' and '.join(_c(n) for n in sorted(named, key=str))}, not them: a document is its maker's "
                    "as its label says. Fix: the person the passage (and the label) names, or the label",
                )
    return out


def _named_in_labels(ctx: Context) -> list[Result]:
    return (
        _names_its_owner(ctx)
        + _fact_labels_name_their_values(ctx)
        + _recognition_kind_agrees(ctx)
        + _made_by_the_person_its_label_names(ctx)
    )


RULES = [
    Rule(
        SHAPE.LinkedValuesAgree,
        "linked values agree",
        "What two links say agrees: an invoked article (csto:invokedArticle) is an article (csto:articleOf) of the "
        "request's csto:treaty; signatures of one date and place, one signing, sign one treaty; a direct stance "
        "expressed in an issued document, a source document, a speech or an interview (csto:expressedIn) is held by "
        "who speaks there (csto:issuedBy, dcterms:creator, the csto:agent of a speech or interview), an organ of it "
        "or the holder of one of its offices, and one expressed in a source document, however attributed, by its "
        "dcterms:creator; a stance expressed in a meeting that records its csto:attendee "
        "(or csto:participatingState) values is held, where its holder is a person (or a state), by one of them, "
        "and one held by an organisation or organ by the meeting's csto:body (or an organisation it is an organ of) "
        "or one the meeting names as csto:participant, csto:invitee or csto:organisation; an event that began or "
        "ended something (csto:beganWith, csto:startedBy, csto:endedBy) took place: it is not planned, proposed, announced or cancelled; a request "
        "invoking a treaty is addressed (csto:target) to the organisation the treaty founded, and its response's "
        "csto:agent is that target or an organ of it; a file that answers a request with a csto:Refusal does not "
        "also answer it with a csto:Deployment or a csto:Decision to deploy (csto:decidedAction); a non-attendance is not aimed at a meeting listing the state "
        "as participating; no state is absent (csto:absentState) from a meeting or exercise on its own territory; a "
        "chairmanship is succeeded by another state's; a stance's csto:speakingAs office is held by its holder (an "
        "office holding in the stance's file or the entities file) or is a post of it; an office holding begins "
        "with an election (csto:beganWith, csto:startedBy), not another kind of event, held in the state "
        "(csto:state) the office is a post of; a stance is not dated after the document it is csto:expressedIn came "
        "out; a recall of a representative (csto:RecallOfRepresentative) is csto:about an office of the recalling "
        "state; a person's csto:alumniOf is the institution of one of their studies (csto:Education), where the "
        "graph records any; a meeting's csto:meetingFormat fits its kind (a bilateral meeting is not trilateral, a "
        "summit not bilateral) and its number of participating states; a figure of a reported force size "
        "(csto:ForceSize csto:hasQuantity) is csto:quantityOf the deployment that csto:reportedForceSize it; a city "
        "a seed uses for a state (csto:standsFor) names a state that another fact read from the same passage gives.",
        _linked_values,
    ),
    Rule(
        SHAPE.ResponseAnswersOneRequest,
        "a response answers one request",
        "A response (deployment, refusal, minimal response) answers one request for assistance: csto:respondsTo, "
        "and its inverse csto:response, link it to one request.",
        _one_request,
    ),
    Rule(
        SHAPE.WithdrawalEndsAMembership,
        "a withdrawal ends a membership period",
        "Where the graph holds one membership period of the state in the organisation, ended by nothing, and one "
        "withdrawal of the state from it, each file recording both "
        "that period links them (csto:endedBy): without it "
        "the period stays open and the state counts as a member today.",
        _withdrawals_end_memberships,
    ),
    Rule(
        SHAPE.LabelNamesItsOwner,
        "a body, charter or office-holders' group is of what its name names",
        "An organ whose English label names an organisation (a label or alternative label of a state, organisation "
        "or organ of the entities file, as a whole word) is a unit (org:unitOf) and an organ (csto:organOf) of "
        "it, or of a unit of it; a seed's csto:organOf of an organ is an organisation the entities file makes it a "
        "unit of; a charter or founding treaty (csto:charter, csto:foundingTreaty) whose label names an "
        "organisation is that organisation's; a group standing for the holders of offices (csto:holdersOf) whose "
        "label names states or bodies holds offices that are posts (org:postIn) of them. A fact whose English "
        "label names states (a capital naming its state) gives one of them as its csto:state, org:member, "
        "csto:destination, csto:grantee, csto:operatedBy, csto:agent, csto:place or csto:party, and one whose label names organisations one "
        "of them as its csto:organisation, org:organization or csto:agent; a document whose label names people "
        '("Paul Hansbury\'s book") is csto:issuedBy and dcterms:creator one of them, where a person made it; an action of kind csto:Recognition is not labelled as a '
        "refusal to recognise, nor a csto:NonRecognition as a recognition.",
        _named_in_labels,
    ),
    Rule(
        SHAPE.OfficeNamedByItsPostAndRole,
        "an office's name names its post and its role",
        "An office's English label names its org:role (every word of one of the role's labels, skos:prefLabel or "
        'skos:altLabel, begins a word of it: "Defence Minister of Belarus", minister of defence) and its org:postIn '
        '("of [the] <name>", "<name>\'s", or the label begins with the name, any label or name form of the post).',
        _office_names,
    ),
]

__all__ = ["RULES"]
