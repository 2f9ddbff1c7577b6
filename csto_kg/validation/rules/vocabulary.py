"""Closed vocabulary: every term ``kg/`` uses is a declared term (the OBO ODK's "every term used is declared").

- A term of the project's ontology namespace (``csto:``) used in a curated file
  is declared in the ontology (has an ``rdf:type`` in ``graph:ontology``), as a
  class where it is an ``rdf:type`` object and as a property where it is a
  predicate.
- A term of a reused vocabulary (ORG, PROV, Web Annotation, OWL-Time, DC terms,
  SKOS, FOAF, RDF, RDFS, OWL, XSD) is a real term of that vocabulary: rdflib's
  own term lists (its ``DefinedNamespace`` classes) say which; the Web
  Annotation vocabulary, which rdflib does not ship, is :data:`OA_TERMS`.

A one-letter typo (``a csto:Membershp``) would otherwise pass unseen and drop
the node from every rule and query that looks for the real term; the message
names the nearest declared term ("did you mean csto:Membership?").

A node given a property of another kind of node (its asserted classes outside the property's ``rdfs:domain`` and
that domain's branch of the ontology) is a slip in its class or in where the property was written: the domain
would otherwise re-type it silently. A sibling class passes only where the ontology's definitions say the property
adds its domain's class (a csto:Decision that csto:respondsTo a request). A node typed, in the file that gives it
the property, with a class wider than the property's domain (a csto:Deployment typed csto:Response, with its
csto:destination) had its class widened by a slip. A value of another kind than its property's ``rdfs:range`` (a
request's csto:response typed csto:Award) is the same slip on the object's side.

``shape:OntologyWellFormed`` also catches a label or definition copied from a neighbouring term (two classes,
or two properties, sharing one) and a datatype range that no curated value fits (``csto:memberCount`` given
``rdfs:range xsd:gYear``).

``shape:StateWikidataLink``: where the entities file links most states to Wikidata,
every ``csto:State`` it types has its ``skos:exactMatch`` (one left without its
item lost it in an edit).

``shape:WikidataOnEntities``: a Wikidata item is linked by ``skos:exactMatch`` (not ``owl:sameAs``), in
``kg/entities.trig``, on an entity: not in a seed's file, not on a fact node, not on a ``csto:Group`` standing for
people or states a seed leaves unnamed. ``shape:OntologyWellFormed`` also reads the ontology's own individuals
(``csto:Increase``, ``csto:HopePlaced``): each of a declared class, with one English ``skos:definition``, in one
concept scheme (``skos:inScheme``), the one the other values of its class are in.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace
from rdflib.term import Node

from ...namespaces import CSTO, ENTITIES_GRAPH, OA, ONTOLOGY_GRAPH, SH, SHAPE, curie, shown
from ..report import Result
from . import TYPE, Context, Rule

# The Web Annotation Vocabulary (W3C Recommendation, 23 February 2017, https://www.w3.org/TR/annotation-vocab/):
# its classes, properties and named individuals.
OA_TERMS = frozenset(
    """
    Annotation Choice CssSelector CssStyle DataPositionSelector Direction FragmentSelector HttpRequestState
    Motivation RangeSelector ResourceSelection Selector SpecificResource State Style SvgSelector
    TextPositionSelector TextQuoteSelector TextualBody TimeState XPathSelector
    annotationService bodyValue cachedSource canonical end exact hasBody hasEndSelector hasPurpose hasScope
    hasSelector hasSource hasStartSelector hasState hasTarget motivatedBy prefix processingLanguage refinedBy
    renderedVia sourceDate sourceDateEnd sourceDateStart start styleClass styledBy suffix textDirection via
    PreferContainedDescriptions PreferContainedIRIs assessing bookmarking classifying commenting describing
    editing highlighting identifying linking ltrDirection moderating questioning replying rtlDirection tagging
""".split()
)

_DEFINED: tuple[type[DefinedNamespace], ...] = (ORG, PROV, TIME, DCTERMS, SKOS, FOAF, RDF, RDFS, OWL, XSD)


def _terms(ns: type[DefinedNamespace]) -> frozenset[str]:
    return frozenset(ns.__annotations__) | frozenset(getattr(ns, "_extras", ()))


REUSED: dict[str, frozenset[str]] = {str(ns): _terms(ns) for ns in _DEFINED}
REUSED[str(OA)] = OA_TERMS
REUSED[str(RDF)] = REUSED[str(RDF)] | {f"_{n}" for n in range(1, 100)}  # container membership properties

_CLASS_TYPES = {OWL.Class, RDFS.Class}
_PROPERTY_TYPES = {
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDF.Property,
    OWL.FunctionalProperty,
    OWL.TransitiveProperty,
    OWL.SymmetricProperty,
    OWL.InverseFunctionalProperty,
}


def _split(term: URIRef) -> tuple[str, str] | None:
    s = str(term)
    if s.startswith(str(CSTO)):
        return str(CSTO), s[len(str(CSTO)) :]
    for ns in REUSED:
        if s.startswith(ns):
            return ns, s[len(ns) :]
    return None


class _Declared:
    """The ontology's declared csto: terms, by kind."""

    def __init__(self, ctx: Context):
        onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
        self.any: dict[str, set] = {}
        self.classes, self.properties = set(), set()
        # owl:deprecated terms: kept declared (old links still resolve) but not for use; their dcterms:isReplacedBy
        self.deprecated = {
            str(s)[len(str(CSTO)) :]: onto.value(s, DCTERMS.isReplacedBy)
            for s in onto.subjects(OWL.deprecated, Literal(True))
            if isinstance(s, URIRef) and str(s).startswith(str(CSTO))
        }
        for s, t in onto.subject_objects(RDF.type):
            if isinstance(s, URIRef) and str(s).startswith(str(CSTO)):
                local = str(s)[len(str(CSTO)) :]
                self.any.setdefault(local, set()).add(t)
                if t in _CLASS_TYPES:
                    self.classes.add(local)
                if t in _PROPERTY_TYPES:
                    self.properties.add(local)

    def problem(self, ns: str, local: str, role: str) -> tuple[str, list[str]] | None:
        """Why the term is not usable in ``role`` (class / property / value), and the candidates to suggest."""
        if ns != str(CSTO):
            known = REUSED[ns]
            if local in known:
                return None
            return f"is not a term of the {curie(ns) or ns} vocabulary", sorted(known)
        wanted = {"class": self.classes, "property": self.properties}.get(role)
        if local in self.deprecated and local in self.any:
            new = self.deprecated[local]
            instead = f"use {curie(str(new)) or new} instead" if new is not None else "the ontology names no successor"
            return f"is deprecated in the ontology (owl:deprecated true): {instead}", []
        if local in self.any and (wanted is None or local in wanted):
            return None
        if local in self.any:
            kind = "a class" if local in self.classes else "a property" if local in self.properties else "an individual"
            return f"is declared in the ontology as {kind}, not as a {role}", sorted(wanted)
        return "is not declared in the ontology", sorted(wanted if wanted else self.any)


def _suggest(ns: str, local: str, candidates: list[str]) -> str:
    near = difflib.get_close_matches(local, candidates, n=1, cutoff=0.6)
    if not near:
        lowered = {c.lower(): c for c in candidates}
        near = [lowered[local.lower()]] if local.lower() in lowered else []
    return f"did you mean {curie(ns + near[0]) or ns + near[0]}? " if near else ""


def _near_miss(term: URIRef, declared: _Declared) -> tuple[str, str] | None:
    """(namespace, local name) of the known term that ``term`` would be with its namespace spelled right: an IRI
    that ends in a term of a vocabulary the project uses, after a namespace one slip from that vocabulary's
    (``http://www.w3.org/ns/org/member`` for org:member, ``...XMLSchemagYear`` for xsd:gYear): the sign of a
    prefix bound to a near-miss IRI."""
    text, best = str(term), None
    vocabularies = {**REUSED, str(CSTO): frozenset(declared.any)}
    for ns, terms in vocabularies.items():
        for local in terms:
            if len(local) < 2 or not text.endswith(local):
                continue
            head = text[: -len(local)]
            if head != ns and difflib.SequenceMatcher(None, head, ns).ratio() >= 0.85:
                if best is None or len(local) > len(best[1]):
                    best = (ns, local)
    return best


def _unknown_namespace(term: URIRef, role: str, declared: _Declared) -> tuple[tuple[str, str], tuple] | None:
    """A class, property or datatype outside every vocabulary the project uses (its ontology, ORG, PROV, Web
    Annotation, OWL-Time, DC terms, SKOS, FOAF, RDF, RDFS, OWL, XSD): no curated statement needs one, so the file's
    @prefix line is wrong or the term was pasted from elsewhere. Values (links to Wikidata, web pages) may be
    anywhere."""
    if role == "value":
        return None
    near = _near_miss(term, declared)
    if near is not None:
        ns, local = near
        bound = str(term)[: -len(local)]
        return ("", str(term)), (
            f"is in no vocabulary the project uses: it is {curie(ns + local) or ns + local} with its namespace "
            f"written <{bound}> instead of {curie(ns) or ns} (an @prefix bound to a near-miss IRI, which silently moves every "
            "term written with that prefix out of the vocabulary)",
            [],
        )
    return ("", str(term)), ("is in no vocabulary the project uses (its ontology, ORG, PROV, Web Annotation, "
                             "OWL-Time, DC terms, SKOS, FOAF, RDF, RDFS, OWL, XSD)", [])  # fmt: skip


def _closed_vocabulary(ctx: Context) -> list[Result]:
    declared = _Declared(ctx)
    out: list[Result] = _specialised_types(ctx) + _outside_its_domain(ctx) + _typed_as_two_kinds(ctx)
    out += _wider_than_its_properties(ctx) + _outside_its_range(ctx)
    seen: set = set()
    verdicts: dict = {}  # (term, role) -> problem or None: each distinct term is judged once
    for s, p, o, gid in ctx.curated_quads():
        uses = [(p, "property", p)]
        if isinstance(o, URIRef):
            uses.append((o, "class" if p in TYPE else "value", p))
        elif isinstance(o, Literal) and o.datatype is not None:
            uses.append((o.datatype, "datatype", p))
        for term, role, path in uses:
            if (term, role) not in verdicts:
                parts = _split(term)
                verdicts[(term, role)] = (
                    _unknown_namespace(term, role, declared)
                    if parts is None
                    else (parts, declared.problem(*parts, "value" if role == "datatype" else role))
                )
            verdict = verdicts[(term, role)]
            if verdict is None or verdict[1] is None or (gid, s, term, role) in seen:
                continue
            (ns, local), found = verdict
            seen.add((gid, s, term, role))
            why, candidates = found
            file = ctx.data.files[gid]
            name = curie(str(term)) or f"<{term}>"
            fix = (
                "correct the spelling, or declare the term (with label and definition) at the end of ontology/csto.ttl"
                if ns == str(CSTO)
                else "the file's @prefix line: bind the prefix to the vocabulary's own namespace IRI"
                if ns == ""
                else "correct the spelling; use a real term of that vocabulary, or a csto: term"
            )
            out.append(
                ctx.locator.result(
                    severity=SH.Violation,
                    shape=SHAPE.DeclaredTermsOnly,
                    focus=s,
                    value=term,
                    path=path,
                    graph=gid,
                    file=file,
                    line=ctx.locator.statement_line(file, s, p, o, gid),
                    message=f"{name} (used as a {role}) {why}; {_suggest(ns, local, candidates)}Fix: {fix}.",
                )
            )
    return out


def _specialised_types(ctx: Context) -> list[Result]:
    """A node typed, in a curated file, with a reused vocabulary's class that the ontology specialises
    (csto:Membership rdfs:subClassOf org:Membership) was given the general class for the project's own: the
    general type is inferred from the csto: class, and every rule and query looks for the csto: class (a node with
    only the general one drops out of them; one the file types both ways says two things of one node)."""
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    special: dict[Node, list[Node]] = {}
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        if str(sub).startswith(str(CSTO)) and isinstance(sup, URIRef) and not str(sup).startswith(str(CSTO)):
            special.setdefault(sup, []).append(sub)
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if p not in TYPE or o not in special:
            continue
        own = ", ".join(sorted(curie(str(c)) or str(c) for c in special[o]))
        out.append(ctx.locator.statement_result(shape=SHAPE.DeclaredTermsOnly, s=s, p=p, o=o, graph=gid,
                   message=f"is typed {shown(o)} here, a class of a reused vocabulary that the ontology "
                   f"specialises ({own} rdfs:subClassOf it): the project's rules and queries look for its own "
                   f"class, and the general one is inferred from it. Fix: a {own}"))  # fmt: skip
    return out


# The reused vocabularies' own class axioms the ontology builds on (W3C org, section 5: a formal organisation and an
# organisational unit are organisations), read with the ontology's own rdfs:subClassOf
_REUSED_SUBCLASSES = ((ORG.FormalOrganization, ORG.Organization), (ORG.OrganizationalUnit, ORG.Organization))
# The W3C Organization Ontology's domains of the ORG properties the curated files use (its own axioms, which the
# project's ontology does not repeat): a node typed csto:Statement with an org:member is not a membership
_REUSED_DOMAINS = (
    (ORG.member, ORG.Membership),
    (ORG.organization, ORG.Membership),
    (ORG.memberDuring, ORG.Membership),
    (ORG.postIn, ORG.Post),
    (ORG.unitOf, ORG.OrganizationalUnit),
)
# classes every branch of the ontology shares: sharing one says nothing of what kind of node a node is
_UMBRELLAS = frozenset((OWL.Thing, CSTO.Fact, PROV.Agent, PROV.Entity, FOAF.Agent))


def _superclasses(ctx: Context) -> Callable[[Node], set[Node]]:
    """class -> the class and its superclasses in the ontology (and the reused vocabularies' axioms it relies on)."""
    parents: dict[Node, set[Node]] = {}
    for sub, sup in (*ctx.data.dataset.graph(ONTOLOGY_GRAPH).subject_objects(RDFS.subClassOf), *_REUSED_SUBCLASSES):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            parents.setdefault(sub, set()).add(sup)
    known: dict[Node, set[Node]] = {}

    def up(cls: Node) -> set[Node]:
        if cls not in known:
            seen, todo = set(), [cls]
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo.extend(parents.get(c, ()))
            known[cls] = seen
        return known[cls]

    return up


def _type_statements(ctx: Context) -> list[tuple[Node, Node, URIRef, Node]]:
    """The curated files' rdf:type statements of a class IRI, as (node, predicate, class, graph)."""
    return [(s, p, o, gid) for s, p, o, gid in ctx.curated_quads() if p in TYPE and isinstance(o, URIRef)]


def _of_classes(up: Callable[[Node], set[Node]]) -> Callable[[set[Node]], set[Node]]:
    """A set of classes -> those classes and all their superclasses (each distinct set worked out once)."""
    known: dict[frozenset, set[Node]] = {}

    def upper(classes: set[Node]) -> set[Node]:
        key = frozenset(classes)
        if key not in known:
            known[key] = set().union(*(up(c) for c in key))
        return known[key]

    return upper


def _disjoint_pairs(onto) -> set[tuple[Node, Node]]:
    """The ontology's owl:disjointWith pairs, each both ways round."""
    return {pair for a, b in onto.subject_objects(OWL.disjointWith) for pair in ((a, b), (b, a))}


def _asserted_classes(ctx: Context) -> dict[Node, set[Node]]:
    """node -> the classes the curated files (any of them) type it with."""
    types: dict[Node, set[Node]] = {}
    for s, _p, o, _ in _type_statements(ctx):
        types.setdefault(s, set()).add(o)
    return types


def _typed_as_two_kinds(ctx: Context) -> list[Result]:
    """A node whose asserted classes (in any curated files) include two neither a subclass of the other: a
    csto:Conflict typed csto:Education in one file is two kinds of node at once, a slip in one of its classes (the
    other file's class hides it from the domain check). Two of one branch (a csto:Chairmanship typed
    csto:ArmsAcquisition in another file: both events) pass only where one's definition names the other (a
    csto:Decision that responds to a request is also a csto:Response), or where they are disjoint (the OWL RL
    consistency check reports those). Reported at each of the two type statements, in its own file."""
    up = _superclasses(ctx)
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    disjoint = _disjoint_pairs(onto)
    statements: dict[Node, list[tuple[Node, URIRef, Node]]] = {}
    for s, p, o, gid in _type_statements(ctx):
        statements.setdefault(s, []).append((p, o, gid))
    # a node a shape reports as a whole (csto:NonAppeal typed as the request it denies: shape:NonEventNotTheAct)
    reported = {r.focus for r in ctx.shacl_results if r.severity == SH.Violation and r.path is None}
    out = []
    for node, typed in statements.items():
        classes = sorted({o for _p, o, _g in typed}, key=str)
        if len(classes) < 2 or node in reported:
            continue
        for i, a in enumerate(classes):
            for b in classes[i + 1 :]:
                if a in up(b) or b in up(a):
                    continue
                shared = (up(a) & up(b)) - _UMBRELLAS
                if shared and (_meant_to_add(onto, {a}, b) or _meant_to_add(onto, {b}, a) or (a, b) in disjoint):
                    continue  # both by the ontology's word, or disjoint (shape:OwlRlConsistency reports it)
                for p, o, gid in typed:
                    if o in (a, b):
                        other = b if o == a else a
                        files = sorted({f"graph:{str(g).rsplit('/', 1)[-1]}" for _p, c, g in typed if c == other})
                        why = (
                            f"two kinds of {' and '.join(sorted(curie(str(c)) or str(c) for c in _lowest(up, shared)))} "
                            "that the ontology does not give one node (neither is the other's subclass, and neither's "
                            "definition names the other)"
                            if shared
                            else "two kinds of node that share no branch of the ontology (neither is the other's "
                            "subclass)"
                        )
                        out.append(ctx.locator.statement_result(shape=SHAPE.DeclaredTermsOnly, s=node, p=p, o=o,
                                   graph=gid, message=f"is typed {shown(o)} here and {shown(other)} in "
                                   f"{', '.join(files)}: {why}. Fix: the class its passages give, in each file"))  # fmt: skip
    return out


def _domains(onto) -> dict[Node, set[Node]]:
    """property -> its rdfs:domain classes (each class of a union, owl:unionOf), the reused vocabularies' included."""
    domains: dict[Node, set[Node]] = {}
    for prop, dom in (*onto.subject_objects(RDFS.domain), *_REUSED_DOMAINS):
        if isinstance(dom, URIRef):
            domains.setdefault(prop, set()).add(dom)
        else:
            for lst in onto.objects(dom, OWL.unionOf):
                domains.setdefault(prop, set()).update(c for c in onto.items(lst) if isinstance(c, URIRef))
    return domains


def _lowest(up: Callable[[Node], set[Node]], classes: set[Node]) -> set[Node]:
    """The classes of ``classes`` that no other of them is a subclass of."""
    return {c for c in classes if not any(d != c and c in up(d) for d in classes)}


def _outside_its_domain(ctx: Context) -> list[Result]:
    """A node given a property of another kind of node: its asserted classes are not of the property's rdfs:domain,
    nor of a branch of the ontology the domain shares (below the umbrellas, :data:`_UMBRELLAS`). A curator's slip in
    a node's class (a csto:MarkedReading typed csto:Uncertainty, a claim typed csto:ComparisonSide) leaves its
    properties on a node they do not describe; the domain would silently re-type it. Where the ontology means a
    property to add a class of the same branch (a csto:Decision that csto:respondsTo a request is a csto:Response:
    both events; the definition of one says so), the node is of the domain's branch and passes; a sibling class whose
    definitions say nothing of the property (a csto:DiplomaticAction's csto:actionKind on a csto:Election) does not,
    nor does a class disjoint with the domain, of its branch or not (a csto:Stance with a claim's csto:assertedBy, a
    csto:Topic given csto:about, whose domain is csto:Fact): shape:OwlRlConsistency reports that statement.
    Silent where a shape reports the node for that property, or the node itself (shape:DecisionRuleOfAnOrganisation)."""
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    up = _superclasses(ctx)
    domains = _domains(onto)
    # each property's domain classes and their branches below the umbrellas, made once (not per statement)
    branches = {p: set().union(*(up(d) for d in wanted)) - _UMBRELLAS for p, wanted in domains.items()}
    domain_uppers = {p: set().union(*(up(d) for d in wanted)) for p, wanted in domains.items()}
    disjoint = _disjoint_pairs(onto)
    types = _asserted_classes(ctx)
    upper = _of_classes(up)
    # reported already: for this property, or as a node (a node shape's result, with no path: "Only an organisation
    # or one of its organs has a csto:decisionRule")
    reported = {(r.focus, r.path) for r in ctx.shacl_results if r.severity == SH.Violation}
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if p not in domains or s not in types or (s, p) in reported or (s, None) in reported:
            continue
        mine = upper(types[s])
        if mine & domains[p]:
            continue
        if (mine & branches[p] and _meant_to_add(onto, types[s], p)) or any(
            (c, d) in disjoint for c in mine for d in domain_uppers[p]
        ):
            continue  # a class the ontology adds, or one disjoint with it (shape:OwlRlConsistency reports the node)
        classes = ", ".join(sorted(curie(str(c)) or str(c) for c in types[s]))
        domain = " or ".join(sorted(curie(str(d)) or str(d) for d in domains[p]))
        typed = _typed_at(ctx, s, types[s])
        out.append(ctx.locator.statement_result(shape=SHAPE.DeclaredTermsOnly, s=s, p=p, o=o, graph=gid,
                   message=f"is a {classes}, but {curie(str(p)) or p} describes a {domain} (its rdfs:domain), a "
                   "kind of node this is not: a slip in the node's class, or a property of another node. Fix: the "
                   f"class its passage gives, or the property of a node of this class{typed}"))  # fmt: skip
    return out


def _typed_at(ctx: Context, node: Node, classes: set[Node]) -> str:
    """ " (its class is written at kg/entities.trig:256)": where the curated files give ``node`` its ``classes``,
    for a result reported at the line of a property the class does not take, which may lie in another file (a slip
    in an entity's class in kg/entities.trig shows where a seed's file describes it)."""
    where = ctx.locator.where_typed(node, classes)
    return f" (its class is written at {', '.join(where)})" if where else ""


def _outside_its_range(ctx: Context) -> list[Result]:
    """A property's value of another kind than its rdfs:range names: a request's csto:response typed csto:Award,
    an office holding's csto:office typed csto:Organ. The value's asserted classes (any curated file's) are neither
    of the range nor, sharing its branch, meant by the ontology's definitions to be given it, nor disjoint with it
    or a superclass of it (the OWL RL consistency check reports those). Ranges that are the umbrellas (prov:Agent
    ...) or controlled-value schemes (shape:ValueOfItsRange) are left aside, and so is a value no file types."""
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    up = _superclasses(ctx)
    concepts = {c for c in onto.subjects(RDFS.subClassOf, None) if SKOS.Concept in up(c)}
    ranges: dict[Node, set[Node]] = {}
    for prop, rng in onto.subject_objects(RDFS.range):
        if isinstance(rng, URIRef) and rng not in _UMBRELLAS and rng not in concepts and str(rng).startswith(str(CSTO)):
            ranges.setdefault(prop, set()).add(rng)
    range_uppers = {p: set().union(*(up(r) for r in wanted)) for p, wanted in ranges.items()}
    branches = {p: uppers - _UMBRELLAS for p, uppers in range_uppers.items()}
    disjoint = _disjoint_pairs(onto)
    types = _asserted_classes(ctx)
    reported = {(r.focus, r.path) for r in ctx.shacl_results if r.severity == SH.Violation}
    upper = _of_classes(up)
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if p not in ranges or o not in types or (s, p) in reported:
            continue
        mine = upper(types[o])
        if mine & ranges[p]:
            continue
        if any((c, r) in disjoint for c in mine for r in range_uppers[p]):
            continue  # disjoint with the range: the OWL RL consistency check reports the value
        if mine & branches[p] and _meant_to_add(onto, types[o], p):
            continue
        classes = ", ".join(sorted(curie(str(c)) or str(c) for c in types[o]))
        wanted = " or ".join(sorted(curie(str(r)) or str(r) for r in ranges[p]))
        out.append(ctx.locator.statement_result(shape=SHAPE.DeclaredTermsOnly, s=s, p=p, o=o, graph=gid,
                   message=f"gives {curie(str(o)) or o} as its {curie(str(p)) or p}, which takes a {wanted} (its "
                   f"rdfs:range), but {curie(str(o)) or o} is a {classes}: a slip in the value's class, or the "
                   "value of another property. Fix: the class the value's passage gives, or the property that "
                   "takes it"))  # fmt: skip
    return out


def _meant_to_add(onto, classes: set[Node], prop: Node) -> bool:
    """The ontology means ``prop`` to add its domain's class to a node of one of ``classes``: the class's
    definition names the property, or the property's definition names the class ("where the source says it answered
    a request for assistance it has csto:respondsTo (and so is also a csto:Response)")."""

    def names(term: Node, text: Node) -> bool:
        return re.search(re.escape(curie(str(term)) or str(term)) + r"(?!\w)", str(text)) is not None

    if any(names(prop, d) for c in classes for d in onto.objects(c, SKOS.definition)):
        return True
    return any(names(c, d) for c in classes for d in onto.objects(prop, SKOS.definition))


def _wider_than_its_properties(ctx: Context) -> list[Result]:
    """A node typed with a class wider than one of its properties' rdfs:domain: a csto:AssistanceRequest typed
    csto:Event, a csto:Stance typed csto:Attitude. The domain sits below the node's class, so the domain check
    passes and the reasoner puts the narrow class back; but the curated file says less than its passage, and a
    query or page over the asserted statements finds a bare event. A slip that widened the class (or a property
    written on the wrong node). Read per file where the file types the node: a deployment typed csto:Response in one
    file keeps its csto:destination there, whatever class another file gives it. A domain that is a sibling of the
    node's class (a csto:Decision that csto:respondsTo a request is also a csto:Response) is left to
    :func:`_outside_its_domain`."""
    up = _superclasses(ctx)
    domains = _domains(ctx.data.dataset.graph(ONTOLOGY_GRAPH))
    types: dict[Node, set[Node]] = {}
    in_file: dict[tuple[Node, Node], set[Node]] = {}
    for s, _p, o, gid in _type_statements(ctx):
        types.setdefault(s, set()).add(o)
        in_file.setdefault((s, gid), set()).add(o)
    reported = {(r.focus, r.path) for r in ctx.shacl_results if r.severity == SH.Violation}
    upper = _of_classes(up)
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if p not in domains or s not in types or (s, p) in reported or (s, None) in reported:
            continue
        # the classes the statement's own file gives the node (another file's narrower class is that file's claim)
        given = in_file.get((s, gid), types[s])
        if upper(given) & domains[p]:
            continue
        narrower = sorted(d for d in domains[p] if any(c != d and c in up(d) for c in given))
        if not narrower:
            continue
        classes = ", ".join(sorted(curie(str(c)) or str(c) for c in given))
        domain = " or ".join(curie(str(d)) or str(d) for d in narrower)
        out.append(ctx.locator.statement_result(shape=SHAPE.DeclaredTermsOnly, s=s, p=p, o=o, graph=gid,
                   message=f"is typed {classes}, but {curie(str(p)) or p} describes a {domain} (its rdfs:domain), "
                   "a narrower class the node is not given: a slip that widened the node's class, or a property of "
                   f"another node. Fix: type it {domain}, as its passage says, or move the property"
                   f"{_typed_at(ctx, s, given)}"))  # fmt: skip
    return out


# An ontology axiom's predicate -> what its object must be
_AXIOM_OBJECTS = {
    RDFS.domain: "class",
    RDFS.range: "class",
    RDFS.subClassOf: "class",
    OWL.disjointWith: "class",
    OWL.equivalentClass: "class",
    RDFS.subPropertyOf: "property",
    OWL.inverseOf: "property",
    OWL.equivalentProperty: "property",
}


def _ontology(ctx: Context) -> list[Result]:
    """The ontology's own csto: classes and properties each have one English label and one English definition, and
    are a class or a property, not both; its
    axioms name declared terms of the right kind (a domain a class, a super-property a property); and no class or
    property is its own strict superclass or super-property (a cycle makes every member of it every other)."""
    if ONTOLOGY_GRAPH not in ctx.data.files:
        return []
    onto, declared, out = ctx.data.dataset.graph(ONTOLOGY_GRAPH), _Declared(ctx), []

    def report(focus, message, path=None, value=None):
        out.append(
            ctx.locator.result(
                severity=SH.Violation,
                shape=SHAPE.OntologyWellFormed,
                focus=focus,
                path=path,
                value=value,
                graph=ONTOLOGY_GRAPH,
                message=message,
            )
        )

    for local in sorted(declared.classes | declared.properties):
        term = CSTO[local]
        labels = list(onto.objects(term, RDFS.label))
        english = [x for x in labels if isinstance(x, Literal) and x.language == "en"]
        if len(english) != 1 or len(labels) != 1:
            report(term, f"has {len(labels)} rdfs:label ({len(english)} in English): a term has one English label "
                   "(spelling variants go in skos:altLabel). Fix: one rdfs:label \"...\"@en", RDFS.label)  # fmt: skip
        definitions = [x for x in onto.objects(term, SKOS.definition) if isinstance(x, Literal) and x.language == "en"]
        if not definitions:
            report(term, "has no English skos:definition. Fix: say what the term means, as the others do",
                   SKOS.definition)  # fmt: skip
        elif len(definitions) > 1:
            report(term, f"has {len(definitions)} English skos:definitions, which say different things of one term "
                   "(a block pasted or a definition added beside the old one). Fix: one definition",
                   SKOS.definition)  # fmt: skip
        if local in declared.classes and local in declared.properties:
            report(term, "is declared both a class and a property (rdf:type owl:Class and a property type): one term "
                   "is one or the other. Fix: the type its label, definition and uses give", RDF.type)  # fmt: skip
    for pred, role in _AXIOM_OBJECTS.items():
        for s, o in sorted(onto.subject_objects(pred), key=lambda t: (str(t[0]), str(t[1]))):
            parts = _split(o) if isinstance(o, URIRef) else None
            if parts is None or parts[0] != str(CSTO):
                continue
            found = declared.problem(*parts, role)
            if found is not None:
                why, candidates = found
                report(s, f"{shown(pred)} {shown(o)}: the term {why}; {_suggest(*parts, candidates)}"
                       "Fix: the intended term", pred, o)  # fmt: skip
    out += _individuals(onto, declared, report)
    out += _distinct_names(ctx, onto, declared) + _datatype_ranges(ctx, onto) + _inverses(ctx, onto)
    out += _deprecated_in_use(ctx, declared)
    out += _property_kinds(ctx, onto, declared)
    for pred in (RDFS.subClassOf, RDFS.subPropertyOf):
        for term in sorted({s for s in onto.subjects(pred, None) if str(s).startswith(str(CSTO))}, key=str):
            above = set(onto.transitive_objects(term, pred)) - {term}
            if any((sup, pred, term) in onto or term in set(onto.transitive_objects(sup, pred)) for sup in above):
                report(term, f"is its own strict {'superclass' if pred == RDFS.subClassOf else 'super-property'} "
                       f"through {shown(pred)}: a cycle makes its members members of every term on it. Fix: "
                       "the axiom written the wrong way round", pred)  # fmt: skip
    return out


def _individuals(onto, declared: _Declared, report) -> list[Result]:
    """The ontology's own individuals (csto:Increase, csto:HopePlaced: a csto: node typed with a csto: class) are
    each of a declared class and have one English skos:definition, as its classes and properties do, and are in
    one concept scheme (skos:inScheme), the one the other individuals of their class are in (csto:Units for the
    units, csto:Values for most): a value left out of its scheme is missing from every list of that scheme's values
    (the ontology's documentation, the pages)."""
    schemes: dict[URIRef, dict[URIRef, list]] = {}  # class -> scheme -> its individuals
    for term, cls in sorted(onto.subject_objects(RDF.type), key=lambda t: (str(t[0]), str(t[1]))):
        own, kind = _split(term) if isinstance(term, URIRef) else None, _split(cls) if isinstance(cls, URIRef) else None
        if not own or not kind or own[0] != str(CSTO) or kind[0] != str(CSTO):
            continue
        if own[1] in declared.classes or own[1] in declared.properties:
            continue
        found = declared.problem(*kind, "class")
        if found is not None:
            why, candidates = found
            report(term, f"rdf:type {shown(cls)}: the individual's class {why}; {_suggest(*kind, candidates)}"
                   "Fix: the intended class", RDF.type, cls)  # fmt: skip
        definitions = [x for x in onto.objects(term, SKOS.definition) if isinstance(x, Literal) and x.language == "en"]
        if len(definitions) != 1:
            report(term, f"is an individual of {shown(cls)} with {len(definitions)} English skos:definition: "
                   "each of the ontology's values says what it means, in one English definition (the queries and "
                   "pages show it). Fix: one skos:definition \"...\"@en", SKOS.definition)  # fmt: skip
        in_schemes = sorted(onto.objects(term, SKOS.inScheme))
        if len(in_schemes) != 1:
            report(term, f"is an individual of {shown(cls)} in {len(in_schemes)} concept schemes (skos:inScheme): "
                   "each of the ontology's values is in one, where the lists of its values find it. Fix: the "
                   "skos:inScheme the other values of its class have", SKOS.inScheme)  # fmt: skip
        else:
            schemes.setdefault(cls, {}).setdefault(in_schemes[0], []).append(term)
    for cls, by_scheme in sorted(schemes.items()):
        if len(by_scheme) < 2:
            continue
        usual = max(by_scheme, key=lambda s: len(by_scheme[s]))
        if sorted(len(v) for v in by_scheme.values())[-2] == len(by_scheme[usual]):
            continue  # no scheme most of the class's values are in
        for scheme, terms in sorted(by_scheme.items()):
            for term in terms if scheme != usual else ():
                report(term, f"skos:inScheme {shown(scheme)}, where the other {len(by_scheme[usual])} values of "
                       f"{shown(cls)} are in {shown(usual)}. Fix: skos:inScheme {shown(usual)}",
                       SKOS.inScheme, scheme)  # fmt: skip
    return []


def _deprecated_in_use(ctx: Context, declared: _Declared) -> list[Result]:
    """A term the ontology marks owl:deprecated true is one curated files no longer use: deprecating it while
    kg/ still does leaves those facts on a retired term. Reported at the term, with the number of uses (each use is
    also shape:DeclaredTermsOnly's, at its statement)."""
    if not declared.deprecated:
        return []
    terms = {CSTO[local] for local in declared.deprecated}
    uses: dict[URIRef, int] = {}
    for _s, p, o, _gid in ctx.curated_quads():
        for term in {p, o} & terms:
            uses[term] = uses.get(term, 0) + 1
    out = []
    for term, n in sorted(uses.items(), key=lambda kv: str(kv[0])):
        new = declared.deprecated[str(term)[len(str(CSTO)) :]]
        then = f"its replacement {curie(str(new)) or new}" if new is not None else "the term that replaces it"
        out.append(_ontology_result(ctx, term, f"{shown(term)} is owl:deprecated true, but curated files still "
                   f"use it ({n} statements). Fix: move those statements to {then} first, or keep the term current",
                   OWL.deprecated))  # fmt: skip
    return out


ONTOLOGY_IRI = URIRef(str(CSTO).rstrip("/"))  # the ontology's own IRI, which each of its terms is rdfs:isDefinedBy
_LITERAL_RANGES = {RDFS.Literal, RDF.langString, RDF.PlainLiteral}


def _is_datatype(rng: Node) -> bool:
    return isinstance(rng, URIRef) and (str(rng).startswith(str(XSD)) or rng in _LITERAL_RANGES)


def _property_kinds(ctx: Context, onto, declared: _Declared) -> list[Result]:
    """An owl:ObjectProperty links to resources, so its rdfs:range is a class, never a datatype (a range of
    xsd:string on csto:attendee says attendees are strings); an owl:DatatypeProperty has literal values, so its
    range is a datatype (xsd:..., rdfs:Literal, rdf:langString), never a class; and every csto: class and property
    is rdfs:isDefinedBy the ontology, as the published terms are (a term without it is left out of the ontology's
    own term list)."""
    out = []
    for prop, rng in sorted(onto.subject_objects(RDFS.range), key=str):
        if not str(prop).startswith(str(CSTO)):
            continue
        kinds = set(onto.objects(prop, RDF.type))
        if OWL.ObjectProperty in kinds and _is_datatype(rng):
            why = "an owl:ObjectProperty (it links to resources) whose range is the datatype"
        elif OWL.DatatypeProperty in kinds and not _is_datatype(rng):
            why = "an owl:DatatypeProperty (its values are literals) whose range is the class"
        else:
            continue
        out.append(_ontology_result(ctx, prop, f"{shown(prop)} is {why} {curie(str(rng)) or rng}: the two "
                   "disagree. Fix: the property's kind (owl:ObjectProperty or owl:DatatypeProperty) or its "
                   "range, whichever its curated values show", RDFS.range, rng))  # fmt: skip
    for local in sorted(declared.classes | declared.properties):
        term = CSTO[local]
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in onto:
            out.append(_ontology_result(ctx, term, f"{shown(term)} is not rdfs:isDefinedBy the ontology (the "
                       "csto: namespace without its final slash), as every other term of it is. Fix: the "
                       "rdfs:isDefinedBy line its neighbours have", RDFS.isDefinedBy))  # fmt: skip
    return out


def _inverses(ctx: Context, onto) -> list[Result]:
    """owl:inverseOf pairs a property with one other: a property its own inverse is symmetric (every ``a p b`` gives
    ``b p a``: "precedes" its own inverse makes every order a cycle), which only an owl:SymmetricProperty is; and a
    property with two inverses makes them one property."""
    out = []
    inverses: dict[Node, set[Node]] = {}
    for s, o in onto.subject_objects(OWL.inverseOf):
        inverses.setdefault(s, set()).add(o)
        inverses.setdefault(o, set()).add(s)
    for prop in sorted((p for p in inverses if str(p).startswith(str(CSTO))), key=str):
        if prop in inverses[prop] and (prop, RDF.type, OWL.SymmetricProperty) not in onto:
            out.append(_ontology_result(ctx, prop, f"{shown(prop)} is declared owl:inverseOf itself, which makes "
                       "it symmetric (each link also read backwards), and it is no owl:SymmetricProperty. Fix: the "
                       "inverse is its counterpart property", OWL.inverseOf, prop))  # fmt: skip
        others = sorted(inverses[prop] - {prop}, key=str)
        if len(others) > 1:
            out.append(_ontology_result(ctx, prop, f"{shown(prop)} has several inverses "
                       f"({', '.join(curie(str(o)) for o in others)}), which makes them one property. Fix: one "
                       "owl:inverseOf, the counterpart property", OWL.inverseOf, others[-1]))  # fmt: skip
    return out


def _ontology_result(ctx: Context, focus: Node, message: str, path: Node, value: Node | None = None) -> Result:
    return ctx.locator.result(
        severity=SH.Violation,
        shape=SHAPE.OntologyWellFormed,
        focus=focus,
        path=path,
        value=value,
        graph=ONTOLOGY_GRAPH,
        message=message,
    )


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _distinct_names(ctx: Context, onto, declared: _Declared) -> list[Result]:
    """Two classes, or two properties, never share an English label or a definition: one copied from a neighbour
    (a class labelled "bilateral meeting" beside csto:BilateralMeeting) makes two terms read as one. Reported on
    each term sharing it whose name is not the shared label (csto:BilateralMeeting keeps "bilateral meeting"), or
    on each of them where none or all are."""
    out = []
    for kind, locals_ in (("class", declared.classes), ("property", declared.properties)):
        for pred, what in ((RDFS.label, "label"), (SKOS.definition, "definition")):
            sharing: dict[str, dict[URIRef, str]] = {}
            for local in sorted(locals_):
                for text in (str(x) for x in onto.objects(CSTO[local], pred) if isinstance(x, Literal)):
                    sharing.setdefault(" ".join(text.lower().split()), {})[CSTO[local]] = text
            for terms in sharing.values():
                if len(terms) < 2:
                    continue
                named = {t for t, text in terms.items() if _squash(str(t)[len(str(CSTO)) :]) == _squash(text)}
                for term in sorted(set(terms) - named or set(terms), key=str):
                    others = ", ".join(curie(str(o)) for o in sorted(set(terms) - {term}, key=str))
                    out.append(
                        _ontology_result(
                            ctx,
                            term,
                            f'has the {what} "{terms[term]}", the {what} of the {kind} {others}: two terms with one '
                            f"{what} read as one term (a {what} copied from a neighbour). Fix: the {what} of "
                            f"{shown(term)} itself",
                            pred,
                        )
                    )
    return out


# XSD datatypes a value of a range may be written in: the range's own, or one derived from it (an integer
# literal is a decimal; `"6"^^xsd:integer` is written for a non-negative one, as Turtle's bare 6 is)
_NUMERIC = {XSD.decimal, XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long}
_TEXT = {XSD.string, RDF.langString, None}


def _compatible(rng: URIRef, datatype: URIRef | None) -> bool:
    if rng in _NUMERIC:
        return datatype in _NUMERIC
    if rng in _TEXT:
        return datatype in _TEXT
    return datatype == rng


def _datatype_ranges(ctx: Context, onto) -> list[Result]:
    """A csto: property whose rdfs:range is an XSD datatype has curated values of that datatype (or one derived
    from it): a range that no value fits was changed by mistake (csto:memberCount ranging over xsd:gYear while
    every count is an integer)."""
    out = []
    ranges = [
        (prop, rng)
        for prop, rng in sorted(onto.subject_objects(RDFS.range), key=str)
        if str(prop).startswith(str(CSTO)) and isinstance(rng, URIRef) and str(rng).startswith(str(XSD))
    ]
    wanted = {prop for prop, _ in ranges}
    by_prop: dict = {}  # one pass over the curated graphs (a lookup by predicate per graph filters all of them)
    for _s, p, o, _gid in ctx.curated_quads():
        if p in wanted:
            by_prop.setdefault(p, []).append(o)
    for prop, rng in ranges:
        values = by_prop.get(prop, [])
        misfits = sorted({o for o in values if isinstance(o, Literal) and not _compatible(rng, o.datatype)}, key=str)
        if values and misfits:
            kinds = sorted(
                {(curie(str(o.datatype)) or f"<{o.datatype}>") if o.datatype else "a plain string" for o in misfits}
            )
            out.append(
                _ontology_result(
                    ctx,
                    prop,
                    f"has the rdfs:range {shown(rng)}, but {len(misfits)} of its curated values are not of it "
                    f'(e.g. "{misfits[0]}", {", ".join(kinds)}). Fix: the range the values have (or the values)',
                    RDFS.range,
                    rng,
                )
            )
    return out


# the W3C naming and documentation properties: text for people, always in a language
_LABELLING = (RDFS.label, RDFS.comment, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
# what a curator writes of a fact in a seed's file, in the project's language (English)
_FACT_PROSE = (RDFS.label, RDFS.comment)
_FACT_PROSE_IN_ENGLISH = (
    "a fact's label and comment are the curator's short English (@en, kg/README), the text its pages and reports "
    "show; a name in another language is an entity's skos:altLabel in kg/entities.trig"
)
_SEED_TEXT_IN_ENGLISH = (
    "a seed's file holds the seed's words and the curator's, and both are English (@en, kg/README); a seed's "
    "phrase tagged in another language is missed by a lang() filter and shown as a translation it is not"
)
# reused properties whose values are statements for people (a photograph's licence as its credit words it)
_REUSED_PROSE = (DCTERMS.rights,)
# SKOS's documentation properties: notes for people, as are the ontology's own sub-properties of them (the
# curator's csto:curatorNote is a skos:editorialNote)
_DOCUMENTING = (
    SKOS.note,
    SKOS.changeNote,
    SKOS.definition,
    SKOS.editorialNote,
    SKOS.example,
    SKOS.historyNote,
    SKOS.scopeNote,
)
_NAMES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_NAME_SET, _OWN_NAMES, _OTHER_NAMES = frozenset(_NAMES), frozenset(_NAMES[:2]), frozenset(_NAMES[2:])


def _sub_properties(onto, tops) -> set:
    """``tops`` and every property the ontology declares below one of them (rdfs:subPropertyOf, transitively)."""
    found, todo = set(tops), list(tops)
    while todo:
        for sub in onto.subjects(RDFS.subPropertyOf, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _prose(ctx: Context) -> list[Result]:
    """Text of a prose property (rdfs:range rdf:langString in the ontology, a naming or documentation property, or
    a SKOS note and the ontology's sub-properties of one) carries a language tag and says something (not empty or
    only white space); in a seed's file the tag is @en, the language of the seeds and of the curator's text. Silent
    where a SHACL shape already reports the value (a fact's label, an article's text)."""
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    prose = set(onto.subjects(RDFS.range, RDF.langString)) | set(_LABELLING) | set(_REUSED_PROSE)
    prose |= _sub_properties(onto, _DOCUMENTING)
    reported = {(r.focus, r.path) for r in ctx.shacl_results}  # a shape already names the value's language
    failed = {(r.focus, r.path) for r in ctx.shacl_results if r.severity == SH.Violation}
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if not isinstance(o, Literal) or (s, p) in failed:
            continue
        if (s, p) in reported and not (p in _FACT_PROSE and o.language and o.language != "en"):
            continue  # a warning (shape:FactHasLabel) says no English label is there, not that one is mistagged
        if p not in prose:  # other text (a quote's csto:words, a figure's csto:statedAs) says something too
            if o.datatype in (None, XSD.string) and not str(o).strip():
                why = "is empty: a passage's words, or a text, say something"
            else:
                continue
        elif not str(o).strip():
            why = "is empty: a name or text says something"
        elif not o.language:
            why = 'has no language tag: text for people is in a language ("..."@en)'
        elif gid != ENTITIES_GRAPH and o.language != "en" and re.fullmatch(r"[a-z]{2,3}", o.language):
            why = f"is tagged @{o.language}: " + (_FACT_PROSE_IN_ENGLISH if p in _FACT_PROSE else _SEED_TEXT_IN_ENGLISH)
        elif not re.fullmatch(r"[a-z]{2,3}", o.language):
            why = (f"is tagged @{o.language}: the project tags text with its language alone (@{o.language.split('-')[0]}"
                   "), never a region or script; another tag for one language splits it (a lang() = \"en\" filter, "
                   "a one-label-per-language rule and the pages' English names miss it)")  # fmt: skip
        else:
            continue
        out.append(
            ctx.locator.statement_result(
                shape=SHAPE.ProseIsTaggedText,
                s=s,
                p=p,
                o=o,
                graph=gid,
                message=f"its {shown(p)} {why}. Fix: the source's words, tagged with their language",
            )
        )
    return out


def _languages_of_both_names(ctx: Context) -> dict:
    """node -> {rdfs:label: its labels' languages, skos:prefLabel: its preferred names'}, for the nodes with both
    (read from the few nodes given a skos:prefLabel, not from every label)."""
    out: dict = {}
    for s, o in ctx.union.subject_objects(SKOS.prefLabel):
        if isinstance(o, Literal):
            out.setdefault(s, {RDFS.label: set(), SKOS.prefLabel: set()})[SKOS.prefLabel].add(o.language)
    for s, names in out.items():
        names[RDFS.label].update(x.language for x in ctx.union.objects(s, RDFS.label) if isinstance(x, Literal))
    return {s: names for s, names in out.items() if names[RDFS.label]}


def _names(ctx: Context) -> list[Result]:
    """A name (rdfs:label, skos:prefLabel, skos:altLabel, skos:hiddenLabel) is written as it is shown: no white
    space at either end, no doubled space or line break inside. A node's other names (skos:altLabel,
    skos:hiddenLabel) are spellings of its name in the language of its rdfs:label (a seed's variants are in the
    seed's language, as the label is), none is its rdfs:label or skos:prefLabel again, and none is both an
    alternative and a hidden label (SKOS's labels are pairwise disjoint, S13). A file gives a node one rdfs:label
    and one skos:prefLabel per language, and a node with both has them in the same languages (its label in a
    language its preferred name lacks, or the reverse, is one of them mistagged)."""
    out = []

    def report(s, p, o, gid, why):
        out.append(ctx.locator.statement_result(shape=SHAPE.NamesWellFormed, s=s, p=p, o=o, graph=gid,
                   message=f'its {shown(p)} "{o}" {why}'))  # fmt: skip

    per_language: dict[tuple, list[Literal]] = {}
    reported = {(r.focus, r.path) for r in ctx.shacl_results}  # an entity's labels are shape:EntityHasLabel's
    for s, p, o, gid in ctx.curated_quads():
        if p in _OWN_NAMES and isinstance(o, Literal) and (s, p) not in reported:
            per_language.setdefault((gid, s, p, o.language), []).append(o)
    # only a node given several names in a language is reported: only those are sorted (the text of every node's
    # names, sorted, grew faster than the graph)
    several = ((key, names) for key, names in per_language.items() if len(names) > 1)
    for (gid, s, p, language), names in sorted(several, key=str):
        for o in sorted(names, key=str)[1:]:
            report(s, p, o, gid, f"is one of {len(names)} {shown(p)} in @{language} that this file gives the "
                   "node: a node has one name per language in a file (several would be shown, compared and counted "
                   "as one; a variant is a skos:altLabel, a second fact a node of its own). Fix: keep one")  # fmt: skip
    both = _languages_of_both_names(ctx)
    for s, p, o, gid in ctx.curated_quads():
        if p not in _NAME_SET or not isinstance(o, Literal) or not str(o).strip():
            continue  # an empty name is shape:ProseIsTaggedText's
        text = str(o)
        if text != text.strip() or "  " in text or "\n" in text or "\t" in text:
            report(s, p, o, gid, "has white space at an end, a doubled space or a line break: a name is one line, "
                   'single-spaced. Fix: the name as shown, e.g. "' + " ".join(text.split()) + '"')  # fmt: skip
        if p not in _OTHER_NAMES:
            other = SKOS.prefLabel if p == RDFS.label else RDFS.label
            theirs = both[s][other] if s in both else None
            if theirs and o.language not in theirs:
                report(s, p, o, gid, f"is tagged @{o.language}, where its {shown(other)} is in "
                       f"{', '.join('@' + str(x) for x in sorted(theirs, key=str))}: a node's label and its preferred "
                       "name are given in the same languages, so one of the two is mistagged (English text tagged "
                       "@ru is shown and found as Russian). Fix: the language tag of the text's language")  # fmt: skip
            continue
        names = set(ctx.union.objects(s, RDFS.label)) | set(ctx.union.objects(s, SKOS.prefLabel))
        languages = {x.language for x in ctx.union.objects(s, RDFS.label) if isinstance(x, Literal)}
        if o in names:
            report(s, p, o, gid, "is its own rdfs:label or skos:prefLabel again: another name is another spelling. "
                   "Fix: the variant the seed writes, or drop the triple")  # fmt: skip
        elif languages and o.language not in languages:
            report(s, p, o, gid, f"is tagged @{o.language}, where its rdfs:label is in "
                   f"{', '.join('@' + str(x) for x in sorted(languages, key=str))}: a seed's variant of a name is "
                   "in the seed's language. Fix: the label's language tag")  # fmt: skip
        if p == SKOS.hiddenLabel and (s, SKOS.altLabel, o) in ctx.union:
            report(s, p, o, gid, "is also its skos:altLabel: a spelling is shown (altLabel) or only searchable "
                   "(hiddenLabel), not both. Fix: keep one")  # fmt: skip
    return out


# reused properties that link to a resource (a web page, a node), never to a string
_REUSED_LINKS = (
    DCTERMS.source, DCTERMS.subject, DCTERMS.spatial, DCTERMS.creator, DCTERMS.publisher, DCTERMS.isPartOf,
    RDFS.seeAlso, PROV.wasDerivedFrom, OA.hasSource, OA.hasSelector, FOAF.page, FOAF.homepage,
    ORG.member, ORG.organization, ORG.postIn, ORG.role, ORG.unitOf,
)  # fmt: skip


def _links(ctx: Context) -> list[Result]:
    """A link property (an owl:ObjectProperty of the ontology, or a reused one such as dcterms:source,
    rdfs:seeAlso, prov:wasDerivedFrom) has a resource as its value: a URL pasted in quotes is a string, which no
    query following the link finds."""
    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    links = {  # a property the ontology also gives literal values (a datatype range) is shape:OntologyWellFormed's
        p
        for p in onto.subjects(RDF.type, OWL.ObjectProperty)
        if (p, RDF.type, OWL.DatatypeProperty) not in onto and not any(map(_is_datatype, onto.objects(p, RDFS.range)))
    } | set(_REUSED_LINKS)
    return [
        ctx.locator.statement_result(
            shape=SHAPE.LinkIsAResource,
            s=s,
            p=p,
            o=o,
            graph=gid,
            message=f'its {shown(p)} is the string "{o}", where {shown(p)} links to a resource. Fix: '
            + (f"<{o}>, the IRI itself" if str(o).startswith(("http://", "https://")) else "the node's IRI"),
        )
        for s, p, o, gid in ctx.curated_quads()
        if p in links and isinstance(o, Literal)
    ]


def _state_wikidata(ctx: Context) -> list[Result]:
    """Where the entities file links most of its states (more than half) to Wikidata, it links every state it
    types (one left without its item is a link lost in an edit)."""
    g = ctx.data.dataset.graph(ENTITIES_GRAPH)
    states = sorted(set(g.subjects(RDF.type, CSTO.State)), key=str)
    linked = [s for s in states if (s, SKOS.exactMatch, None) in ctx.union]
    if 2 * len(linked) <= len(states):
        return []  # the file does not (mostly) link its states: nothing says one lost its link
    return [
        ctx.locator.statement_result(
            shape=SHAPE.StateWikidataLink,
            s=state,
            p=RDF.type,
            o=CSTO.State,
            graph=ENTITIES_GRAPH,
            message=f"is a state with no Wikidata link (skos:exactMatch), where the file links {len(linked)} other "
            "states to theirs. Fix: skos:exactMatch wd:Q<number>, the state's Wikidata item",
        )
        for state in states
        if state not in linked
    ]


_WIKIDATA = "http://www.wikidata.org/entity/"
# entities no Wikidata item identifies: a group standing for unnamed people (a topic may be one: a language)
_NO_ITEM = (CSTO.Group,)
_ITEM_LINKS = frozenset({SKOS.exactMatch, OWL.sameAs})


def _wikidata_on_entities(ctx: Context) -> list[Result]:
    """A Wikidata item identifies an entity: it is given in kg/entities.trig, on a node that file describes (a state,
    an organisation, a person, a place), never on a fact, a group of unnamed people or a topic, and by skos:exactMatch
    (owl:sameAs would merge the item's every statement into the node)."""
    ent = ctx.data.dataset.graph(ENTITIES_GRAPH)
    out = []
    for s, p, o, gid in ctx.curated_quads():
        if p not in _ITEM_LINKS or not str(o).startswith(_WIKIDATA):
            continue
        kinds = set(ent.objects(s, RDF.type))
        if p == OWL.sameAs:
            why = ("links to the Wikidata item by owl:sameAs, which makes every statement of the item one of this "
                   "node. Fix: skos:exactMatch, as every other entity links its item")  # fmt: skip
        elif gid != ENTITIES_GRAPH:
            what = "an entity" if kinds else "a fact (no entity of kg/entities.trig)"
            why = (f"is given a Wikidata item in a seed's file, and is {what}: a Wikidata item identifies an entity, "
                   "and kg/entities.trig holds it, on the entity. Fix: the link on the entity in kg/entities.trig, or "
                   "none on a fact (a summit, a holding, a membership has no item of its own here)")  # fmt: skip
        elif kinds & set(_NO_ITEM):
            kind = " and ".join(curie(str(k)) for k in sorted(kinds & set(_NO_ITEM), key=str))
            why = (f"is a {kind}, standing for people or states the seed leaves unnamed, which no Wikidata item "
                   "identifies. Fix: remove the link, or give it to the entity the item is")  # fmt: skip
        else:
            continue
        out.append(ctx.locator.statement_result(shape=SHAPE.WikidataOnEntities, s=s, p=p, o=o, graph=gid, message=why))
    return out


RULES = [
    Rule(
        SHAPE.OntologyWellFormed,
        "the ontology's terms are documented and its axioms well-formed",
        "Each class and property the ontology declares in its namespace (csto:) has one English rdfs:label and one "
        "English skos:definition, and is a class or a property, not both, and is not owl:deprecated while curated "
        "files use it; every csto: term an axiom names (rdfs:domain, rdfs:range, rdfs:subClassOf, "
        "owl:disjointWith, owl:equivalentClass as a class; rdfs:subPropertyOf, owl:inverseOf, "
        "owl:equivalentProperty as a property) is declared as that kind of term; no csto: class or property "
        "is its own strict superclass or super-property; no two classes, nor two properties, share a label or a "
        "definition; a property whose rdfs:range is an XSD datatype has curated values of that datatype (or "
        "one derived from it); an owl:ObjectProperty's range is a class and an owl:DatatypeProperty's a datatype; "
        "and every csto: class and property is rdfs:isDefinedBy the ontology. Its own individuals (csto:Increase) "
        "are each of a declared class, with one English skos:definition, in one concept scheme (skos:inScheme), the "
        "one most values of their class are in.",
        _ontology,
    ),
    Rule(
        SHAPE.DeclaredTermsOnly,
        "every term used is declared",
        "Every class, property, individual and datatype a curated file uses in the project's ontology namespace "
        "(csto:) is declared in the ontology (as a class where it is an rdf:type, as a property where it is a "
        "predicate) and not owl:deprecated there (the message names its dcterms:isReplacedBy); every term of a reused vocabulary (ORG, PROV, Web Annotation, OWL-Time, DC terms, SKOS, "
        "FOAF, RDF, RDFS, OWL, XSD) is a real term of that vocabulary; every class, property and datatype is in "
        "one of those vocabularies (one in a namespace a slip away from one of them, e.g. <http://www.w3.org/ns/"
        "org/member>, is named as an @prefix bound to a near-miss IRI); and no node is typed with a reused class "
        "the ontology specialises (org:Membership for csto:Membership); and no node is given a property whose "
        "rdfs:domain (the ontology's, or the W3C ORG ontology's for org:member, org:organization, org:memberDuring, "
        "org:postIn and org:unitOf) is a class neither of its asserted classes nor of their branch of the ontology (below csto:Fact "
        "and the reused agent and entity classes; a sibling class only where a definition says the property adds "
        "the domain's class): a csto:Uncertainty with a csto:readingProperty was a csto:MarkedReading; nor typed, in "
        "the file that gives it such a property, with a class wider than its domain (a csto:Deployment typed "
        "csto:Response); no value is of another kind than its property's rdfs:range (a request's csto:response typed "
        "csto:Award; umbrella ranges, controlled values and ranges disjoint with the value's class aside); and no "
        "node is typed, in one file or across files, with two classes neither a subclass of the other, unless they "
        "share a branch and one's definition names the other (a csto:Conflict typed csto:Education, a "
        "csto:Chairmanship typed csto:ArmsAcquisition). The message names the nearest declared term.",
        _closed_vocabulary,
    ),
    Rule(
        SHAPE.ProseIsTaggedText,
        "prose is language-tagged text",
        "A value of a prose property (one whose rdfs:range is rdf:langString in the ontology, and rdfs:label, "
        "rdfs:comment, skos:prefLabel, skos:altLabel, skos:hiddenLabel, dcterms:rights, SKOS's notes and definition "
        "and the ontology's sub-properties of them, such as csto:curatorNote) is a language-tagged literal "
        "that is not empty or only white space, tagged with a bare language subtag (@en, not @en-us or @en-GB: one "
        "tag per language), and in a seed's file every such text is tagged @en (the seeds are English, and so is the "
        "curator's text, a fact's rdfs:label and rdfs:comment above all); no other text (a passage's csto:words, a "
        "figure's csto:statedAs) is empty or only white space either.",
        _prose,
    ),
    Rule(
        SHAPE.NamesWellFormed,
        "names are single-spaced and their variants are other spellings",
        "A name (rdfs:label, skos:prefLabel, skos:altLabel, skos:hiddenLabel) has no white space at either end, no "
        "doubled space and no line break; a node's skos:altLabel and skos:hiddenLabel are in the language of its "
        "rdfs:label, none repeats its rdfs:label or skos:prefLabel, and no spelling is both its altLabel and its "
        "hiddenLabel; a file gives a node at most one rdfs:label and one skos:prefLabel per language tag, and a "
        "node with both has them in the same languages.",
        _names,
    ),
    Rule(
        SHAPE.LinkIsAResource,
        "a link is a resource, not a string",
        "A value of a link property (an owl:ObjectProperty of the ontology, or dcterms:source, dcterms:subject, "
        "dcterms:spatial, dcterms:creator, dcterms:publisher, dcterms:isPartOf, rdfs:seeAlso, prov:wasDerivedFrom, "
        "oa:hasSource, oa:hasSelector, foaf:page, foaf:homepage, org:member, org:organization, org:postIn, org:role, "
        "org:unitOf) is an IRI or a node, never a literal.",
        _links,
    ),
    Rule(
        SHAPE.StateWikidataLink,
        "every state has its Wikidata link",
        "Where the entities file links most of its states (more than half) to Wikidata (skos:exactMatch wd:Q...), "
        "every csto:State it types "
        "has its link: a state without one lost it in an edit.",
        _state_wikidata,
    ),
    Rule(
        SHAPE.WikidataOnEntities,
        "a Wikidata item is given on an entity, in the entities file",
        "A Wikidata item (http://www.wikidata.org/entity/Q...) is linked by skos:exactMatch (not owl:sameAs), in "
        "kg/entities.trig, on an entity that file describes; never in a seed's file, on a fact node or on a "
        "csto:Group standing for unnamed people or states.",
        _wikidata_on_entities,
    ),
]

__all__ = ["RULES", "REUSED", "OA_TERMS"]
