"""The SPARQL of the shapes' constraints: written so both engines read it alike, and so it scales.

**Scope.** SPARQL evaluates a group bottom-up: a FILTER inside ``{ ... } UNION
{ ... }`` or an OPTIONAL sees only the variables of its own group, so a
variable bound outside it is, inside it, a fresh one (``FILTER NOT EXISTS { ?h
csto:office ?value }`` then asks whether *any* office exists). Oxigraph, which
runs the shapes in the build, follows the standard; rdflib, under pySHACL,
evaluates the group with the outer bindings already in place, so the two
engines disagree and only a fixture that happens to trigger the shape shows it.
Each constraint's algebra (rdflib's parser) is read for a variable that a
FILTER uses and a pattern elsewhere in the query binds, but the FILTER's own
group does not.

**Anchored EXISTS.** Oxigraph evaluates each pattern inside an ``EXISTS`` with
only the outer row's bindings and joins the results: a pattern that starts
from a variable bound only inside the ``EXISTS`` (``?p csto:startedBy ?j``
after ``?p csto:endedBy $this``), or a path of several steps, is scanned whole
for every outer row, which made four membership shapes grow with the square of
a state's events (``README.md``, "SPARQL constraints that scale"). Every triple
pattern inside an ``EXISTS`` has a subject or object bound outside it (or a
constant), and no path of more than one step; a longer chain is a nested
``EXISTS`` per step, or an OPTIONAL outside the ``EXISTS``.

**Type checks under pySHACL.** rdflib, which evaluates the shapes under pySHACL
(the reference engine, and any user's), orders a group's triple patterns by how
many variables each has before it knows that ``$this`` is bound: ``?value a
csto:Fact`` (one variable) runs before ``$this rdfs:label ?label`` (two), so
every fact of the graph is read for every focus node, and the shape grows with
the square of the data (``FactLabelOfOneFact``: 9.9 of pySHACL's 27 s on the
curated graph). A type check of a node that another pattern of its group binds
is a ``FILTER EXISTS { ?value a C }`` (the same rows: the pattern binds nothing
new and matches once); a check of ``$this`` itself, bound from the start, is a
lookup and stays a pattern.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from pyshacl.shapes_graph import ShapesGraph
from rdflib import RDF, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import translateGroupGraphPattern
from rdflib.plugins.sparql.parserutils import CompValue

from csto_kg.namespaces import SH
from csto_kg.validation import load_shapes

ROOT = Path(__file__).resolve().parent.parent


def _variables(x) -> set:
    if isinstance(x, Variable):
        return {x}
    if isinstance(x, (list, tuple)):
        return set().union(*(_variables(y) for y in x)) if x else set()
    if isinstance(x, CompValue):
        return set().union(*(_variables(v) for k, v in x.items() if k != "_vars")) if x else set()
    return set()


def _in_scope(p) -> set:
    """The variables a graph pattern (rdflib algebra) binds, i.e. those in scope after it."""
    if not isinstance(p, CompValue):
        return set()
    if p.name == "BGP":
        return _variables(p.triples)
    if p.name in ("Join", "Union", "LeftJoin"):
        return _in_scope(p.p1) | _in_scope(p.p2)
    if p.name == "Minus":
        return _in_scope(p.p1)
    if p.name == "Extend":
        return _in_scope(p.p) | {p.var}
    if p.name == "Project":
        return set(p.PV)
    if p.name == "values":
        return {v for row in p.res for v in row}
    if "p" in p:
        return _in_scope(p.p)
    return _variables(p)


def _pattern_nodes(p):
    """Every algebra node of a graph pattern, leaving out FILTER expressions (and the EXISTS inside them)."""
    if isinstance(p, CompValue):
        yield p
        for k, v in p.items():
            if k not in ("_vars", "expr"):
                yield from _pattern_nodes(v)
    elif isinstance(p, list):
        for x in p:
            yield from _pattern_nodes(x)


def _pattern_variables(p) -> set:
    """Variables bound by some pattern of the query, leaving out FILTER expressions (and their EXISTS)."""
    out: set = set()
    for node in _pattern_nodes(p):
        if node.name == "BGP":
            out |= _variables(node.triples)
        elif node.name == "Extend":
            out.add(node.var)
    return out


def _filters(p, out: list) -> list:
    """(expression, the variables in scope for it) of each FILTER; an OPTIONAL's FILTER also sees its left side."""
    if isinstance(p, CompValue):
        if p.name == "Filter":
            out.append((p.expr, _in_scope(p.p)))
        elif p.name == "LeftJoin" and isinstance(p.get("expr"), CompValue):
            out.append((p.expr, _in_scope(p.p1) | _in_scope(p.p2)))
        for k, v in p.items():
            if k != "_vars":
                _filters(v, out)
    elif isinstance(p, list):
        for x in p:
            _filters(x, out)
    return out


def out_of_scope(query: str) -> set[str]:
    """Variables some FILTER of ``query`` uses that are bound elsewhere in it but not in that FILTER's group."""
    algebra = prepareQuery(query).algebra
    bound = _pattern_variables(algebra)
    loose: set = set()
    for expr, in_scope in _filters(algebra, []):
        loose |= (_variables(expr) & bound) - in_scope
    return {str(v) for v in loose}


def _algebra(graph):
    """An EXISTS body as algebra (rdflib leaves the nested ones as parse trees until it evaluates them)."""
    return translateGroupGraphPattern(graph) if graph.name == "GroupGraphPatternSub" else graph


def _triples(p) -> list:
    """The triple patterns of a graph pattern, leaving out those inside its FILTERs' EXISTS."""
    return [triple for node in _pattern_nodes(p) if node.name == "BGP" for triple in node.triples]


def _exists_in(expr) -> list:
    """The EXISTS / NOT EXISTS graph patterns of an expression, outermost first."""
    if isinstance(expr, CompValue):
        if expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            return [expr.graph]
        return [g for k, v in expr.items() if k != "_vars" for g in _exists_in(v)]
    if isinstance(expr, list):
        return [g for x in expr for g in _exists_in(x)]
    return []


def _has_steps(p) -> bool:
    """Whether a property path has a sequence of steps in it (``a/b``, ``^a/b``, ``(a/b)*``)."""
    if isinstance(p, SequencePath):
        return True
    if isinstance(p, AlternativePath):
        return any(_has_steps(x) for x in p.args)
    if isinstance(p, MulPath):
        return _has_steps(p.path)
    if isinstance(p, InvPath):
        return _has_steps(p.arg)
    return False


def _unanchored(body, bound: set) -> list[str]:
    """Triple patterns of an EXISTS body (and of the EXISTS nested in it) that start from no bound variable."""
    body = _algebra(body)
    out = []
    triples = _triples(body)
    for s, p, o in triples:
        if _has_steps(p):
            out.append(f"{s.n3()} {p.n3()} {o.n3()} (a path of several steps)")
        elif all(isinstance(x, Variable) and x not in bound for x in (s, o)):
            out.append(f"{s.n3()} {p.n3()} {o.n3()}")
    inner = bound | {x for t in triples for x in t if isinstance(x, Variable)}
    for expr, _ in _filters(body, []):
        for graph in _exists_in(expr):
            out += _unanchored(graph, inner)
    return out


def unanchored(query: str) -> list[str]:
    """The triple patterns inside the EXISTS of ``query``'s FILTERs that start from no variable bound outside."""
    out = []
    for expr, in_scope in _filters(prepareQuery(query).algebra, []):
        for graph in _exists_in(expr):
            out += _unanchored(graph, in_scope)
    return out


def _type_checks(p, bound: set) -> list[str]:
    """``?x a C`` patterns of a graph pattern (and of the EXISTS in its FILTERs) whose ``?x`` nothing bound outside
    the group binds, and which another pattern of the same group does bind."""
    out = []
    for triples in (list(n.triples) for n in _pattern_nodes(p) if n.name == "BGP"):
        for s, pred, o in triples:
            if pred != RDF.type or not isinstance(s, Variable) or isinstance(o, Variable) or s in bound:
                continue
            if any(s in (x, y) for x, q, y in triples if (x, q, y) != (s, pred, o)):
                out.append(f"{s.n3()} a {o.n3()}")
    inner = bound | {x for t in _triples(p) for x in t if isinstance(x, Variable)}
    for expr, _ in _filters(p, []):
        for graph in _exists_in(expr):
            out += _type_checks(_algebra(graph), inner)
    return out


def type_checks_as_patterns(query: str) -> list[str]:
    """The type checks of ``query`` written as a triple pattern beside the pattern that binds their node, which rdflib
    would run first, unbound, for every focus node (``$this`` is bound from the start)."""
    return _type_checks(prepareQuery(query).algebra, {Variable("this")})


def cross_products(query: str) -> list[list[str]]:
    """Basic graph patterns of ``query`` whose triple patterns fall apart into parts that share no variable: SPARQL
    evaluates a UNION branch or an OPTIONAL on its own, so such a group is the cross product of its parts."""
    out = []
    for triples in (list(n.triples) for n in _pattern_nodes(prepareQuery(query).algebra) if n.name == "BGP"):
        parts: list[set] = []
        for triple in triples:
            names = {x for x in triple if isinstance(x, Variable)}
            joined = [q for q in parts if q & names]
            for q in joined:
                parts.remove(q)
            parts.append(names.union(*joined))
        if len(parts) > 1:
            out.append(sorted(" ".join(sorted(str(v) for v in q)) for q in parts))
    return out


def _constraints() -> list:
    sg = ShapesGraph(load_shapes(ROOT / "shapes"))
    out = []
    for shape in sg.shapes:
        if next(sg.graph.objects(shape.node, SH.sparql), None) is None:
            continue
        for qh in SPARQLBasedConstraint(shape).sparql_constraints:
            out.append((str(shape.node).rsplit("/", 1)[-1], qh.apply_prefixes(qh.select_text)))
    return [pytest.param(text, id=name) for name, text in sorted(out)]  # one order in every xdist worker


CONSTRAINTS = _constraints()


def test_the_shapes_have_sparql_constraints():
    assert len(CONSTRAINTS) >= 15


@pytest.mark.parametrize("query", CONSTRAINTS)
def test_each_filter_sees_the_variables_it_uses(query):
    assert out_of_scope(query) == set(), "a FILTER uses a variable its group does not bind: move it to that group"


@pytest.mark.parametrize("query", CONSTRAINTS)
def test_no_group_is_a_cross_product(query):
    assert cross_products(query) == [], "each UNION branch or OPTIONAL restates what joins its parts"


@pytest.mark.parametrize("query", CONSTRAINTS)
def test_each_pattern_inside_an_exists_starts_from_a_bound_variable(query):
    assert unanchored(query) == [], "nest an EXISTS per step, or bind the chain in an OPTIONAL outside the EXISTS"


# Type checks kept as patterns where the build's engine needs them: with $this free over the whole store, Oxigraph
# starts the join from the type's few nodes, not from every event of a state or every link of a fact (as EXISTS, each
# took 3-4 times as long on the generated 10^5-triple project: 0.012 -> 0.047 s, 0.015 -> 0.054 s).
TYPE_PATTERNS_KEPT = {
    "WithdrawalTwiceWithoutRejoining": "the withdrawals of a state, not all its events",
    "LinkToItsKindAndAnother": "the passages, agents and offices linked to, not every link of every fact",
    # (the surname check: pySHACL reads the persons' labels for every focus node, not every label of the graph; as
    # EXISTS, it was 25 of pySHACL's 34 s on the curated graph)
    "EntityLabelOfOneEntity0": "the persons' labels, not every label of the graph",
}


@pytest.mark.parametrize("query", CONSTRAINTS)
def test_each_type_check_of_a_bound_node_is_an_exists(query, request):
    found = type_checks_as_patterns(query)
    if request.node.callspec.id in TYPE_PATTERNS_KEPT:
        assert found, "no type check is left as a pattern: drop the shape from TYPE_PATTERNS_KEPT"
    else:
        assert found == [], "write the type check as FILTER EXISTS { ?x a C }"


PREFIXES = "PREFIX csto: <https://w3id.org/csto-kg/ontology/> PREFIX org: <http://www.w3.org/ns/org#>\n"


@pytest.mark.parametrize(
    "query,loose",
    [
        # the form that made the in-store engine miss a speaking-as slip pySHACL caught
        (
            "SELECT $this ?value WHERE { $this csto:speakingAs ?value ; csto:heldBy ?holder . "
            "{ ?holder a csto:Person . FILTER NOT EXISTS { ?h csto:holder ?holder ; csto:office ?value } } "
            "UNION { ?holder a ?kind } }",
            {"value"},
        ),
        (
            "SELECT ?x WHERE { ?x csto:date ?d . OPTIONAL { ?x csto:place ?p . FILTER (?d > ?e) } ?y csto:end ?e }",
            {"e"},
        ),
        ("SELECT ?x WHERE { ?x csto:date ?d . OPTIONAL { ?x csto:place ?p . FILTER (?d > 1) } }", set()),
        ("SELECT ?x WHERE { ?x csto:date ?d . { ?x csto:place ?p } FILTER (?d > 1) }", set()),
        ("SELECT ?x WHERE { ?x csto:state ?s . FILTER NOT EXISTS { ?m org:member ?s } }", set()),
        ("SELECT ?x WHERE { ?x csto:state ?s . { ?x a csto:Event . BIND (1 AS ?k) FILTER (?k = 1) } }", set()),
    ],
)
def test_the_scope_check_reads_groups_as_sparql_does(query, loose):
    assert out_of_scope(PREFIXES + query) == loose


@pytest.mark.parametrize(
    "query,patterns",
    [
        # WithdrawalTwiceWithoutRejoining before it was rewritten: ?j is bound only inside the EXISTS
        (
            "SELECT ?this WHERE { ?this csto:state ?s . ?value csto:state ?s . "
            "FILTER EXISTS { ?p csto:endedBy ?this ; csto:startedBy ?j . ?j csto:notAfter ?b . "
            "?value csto:notBefore ?a . FILTER (?a > ?b) } }",
            [
                "?p <https://w3id.org/csto-kg/ontology/startedBy> ?j",
                "?j <https://w3id.org/csto-kg/ontology/notAfter> ?b",
            ],
        ),
        # a path of three steps from a bound variable, inside a nested NOT EXISTS
        (
            "SELECT ?this WHERE { ?this org:member ?s ; csto:notAfter ?latest . FILTER NOT EXISTS { ?m org:member ?s . "
            "FILTER NOT EXISTS { ?m org:memberDuring/csto:start/csto:notBefore ?x . FILTER (?x > ?latest) } } }",
            [
                "?m <http://www.w3.org/ns/org#memberDuring>/<https://w3id.org/csto-kg/ontology/start>/"
                "<https://w3id.org/csto-kg/ontology/notBefore> ?x (a path of several steps)"
            ],
        ),
        # one step per EXISTS, each from a variable bound outside it
        (
            "SELECT ?this WHERE { ?this org:member ?s ; csto:notAfter ?latest . FILTER NOT EXISTS { ?m org:member ?s . "
            "FILTER NOT EXISTS { ?m org:memberDuring ?i . FILTER EXISTS { ?i csto:notBefore ?x . "
            "FILTER (?x > ?latest) } } } }",
            [],
        ),
        # two patterns joined on a variable of the EXISTS, each from a variable bound outside
        (
            "SELECT ?this WHERE { ?this csto:state ?s ; csto:joining ?j . "
            "FILTER EXISTS { ?p csto:startedBy ?j ; csto:endedBy ?s } }",
            [],
        ),
    ],
)
def test_the_anchoring_check_finds_patterns_that_start_from_nothing_bound(query, patterns):
    assert unanchored(PREFIXES + query) == patterns


@pytest.mark.parametrize(
    "query,parts",
    [
        # the first draft of SuccessorInTheSameRole: a branch evaluated on its own pairs every two organisations
        (
            "SELECT ?this WHERE { ?this csto:succeededBy ?value . "
            "{ ?this csto:organisation ?mine . ?value csto:organisation ?theirs } UNION { ?this csto:office ?mine } }",
            [["mine this", "theirs value"]],
        ),
        (
            "SELECT ?this WHERE { ?this csto:succeededBy ?value . "
            "{ ?this csto:succeededBy ?value ; csto:organisation ?mine . ?value csto:organisation ?theirs } }",
            [],
        ),
    ],
)
def test_the_cross_product_check_finds_groups_that_fall_apart(query, parts):
    assert cross_products(PREFIXES + query) == parts


@pytest.mark.parametrize(
    "query,checks",
    [
        # FactLabelOfOneFact before it was rewritten: rdflib read every fact for every focus node
        (
            "SELECT $this ?value WHERE { $this rdfs:label ?l . ?value rdfs:label ?l . FILTER (?value != $this) "
            "?value a csto:Fact . }",
            ["?value a <https://w3id.org/csto-kg/ontology/Fact>"],
        ),
        # inside a NOT EXISTS, the node bound only there
        (
            "SELECT $this WHERE { $this a csto:Speech . FILTER NOT EXISTS { $this csto:context ?m . ?m a csto:Meeting } }",
            ["?m a <https://w3id.org/csto-kg/ontology/Meeting>"],
        ),
        # the rewritten forms, a check of $this itself, and a check of a node bound outside the EXISTS
        (
            "SELECT $this ?value WHERE { $this rdfs:label ?l . ?value rdfs:label ?l . "
            "FILTER (?value != $this && EXISTS { ?value a csto:Fact }) }",
            [],
        ),
        ("SELECT $this WHERE { $this a csto:Speech ; csto:agent ?a . FILTER EXISTS { ?a a csto:Person } }", []),
        ("SELECT $this WHERE { $this csto:agent ?a . FILTER NOT EXISTS { ?a a csto:Person ; csto:office ?o } }", []),
    ],
)
def test_the_type_check_check_finds_patterns_rdflib_would_run_first(query, checks):
    prefixes = PREFIXES + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    assert type_checks_as_patterns(prefixes + query) == checks
