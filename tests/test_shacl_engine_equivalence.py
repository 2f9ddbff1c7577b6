"""The build's SHACL engines give pySHACL's own report.

Two fast paths are checked against pySHACL run alone on the rdflib union (the
reference, computed here, never written down; on the curated graph, and on it
with violations of every component, once for the tests that compare against it):

- ``csto_kg/validation/shacl_store.py``: the shapes compiled to SPARQL and run
  in an Oxigraph store (the default engine). Compared as the set of results
  (focus, path, value, shape, component, severity, messages) on the curated
  graph, a synthetic project, and curated graphs mutated to violate each
  constraint component the shapes use; plus literals the store rewrites, a
  deactivated shape and a construct it does not compile. On every shape fixture
  the comparison is made in tests/test_shapes.py, on the validation that module
  makes of each (``support.assert_shacl_is_pyshacls``), not on a second one.
- ``csto_kg/shacl_sparql.py``: pySHACL with its SPARQL-based constraints
  answered by Oxigraph (on the curated graph and a synthetic project with
  violations injected of every kind the SPARQL constraints check).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import to_isomorphic

from csto_kg.errors import UserError
from csto_kg.loader import LoadedData, load
from csto_kg.memory_store import SharedContextsMemory
from csto_kg.namespaces import (
    CSTO,
    ENTITIES_GRAPH,
    META_GRAPH,
    OA,
    ORG,
    RDF,
    RDFS,
    SH,
    SHAPE,
    TIME,
    XSD,
)
from csto_kg.shacl_sparql import in_oxigraph
from csto_kg.validation import infer_loaded, load_shapes
from csto_kg.validation.locate import Locator, graph_id
from csto_kg.validation.shacl import run_shacl, shacl_engine
from csto_kg.validation.shacl_store import Stats, store_from_graph, validate_store
from support import pyshacl_report, shacl_results

ROOT = Path(__file__).resolve().parent.parent
SKOS_EXACT = URIRef("http://www.w3.org/2004/02/skos/core#exactMatch")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


@pytest.fixture(scope="module")
def curated() -> LoadedData:
    return load(ROOT)


# The tests on the curated graph share its pySHACL reference (the costliest run of the module): one worker runs them all.
SHARES_THE_REFERENCE = pytest.mark.xdist_group("equivalence_curated")


@pytest.fixture(scope="module")
def curated_reference(curated, shapes) -> tuple[Graph, list]:
    """pySHACL alone on the curated union: its report graph and its located results."""
    union = union_of(curated)
    return run_shacl(union, shapes, Locator(curated, union, ROOT), ROOT / "shapes", engine="pyshacl")[:2]


@pytest.fixture(scope="module")
def mutated_reference(curated, shapes) -> tuple[Graph, Graph, list]:
    """The curated union with violations of every component (:func:`_mutate_every_component`), and pySHACL's report
    graph and located results for it."""
    union = union_of(curated)
    _mutate_every_component(union)
    graph, located, _ = run_shacl(union, shapes, Locator(curated, union, ROOT), ROOT / "shapes", engine="pyshacl")
    return union, graph, located


def union_of(data: LoadedData) -> Graph:
    """What validation sees: the quads of every graph but meta, plus the inferred graph (as validate_loaded)."""
    union = Graph(store=SharedContextsMemory())  # the loader's store: its addN adds a quad without an event
    union.addN(
        (s, p, o, union) for s, p, o, g in data.dataset.quads((None, None, None, None)) if graph_id(g) != META_GRAPH
    )
    union.addN((s, p, o, union) for s, p, o in infer_loaded(data))
    return union


def compiled(union: Graph, shapes: Graph):
    store, fidelity = store_from_graph(union)
    report, _, stats = validate_store(store, shapes, data=union, fidelity=fidelity)
    return report, stats


def assert_same_results(
    union: Graph, shapes: Graph, *, fallbacks: set | None = frozenset(), ref: Graph | None = None
) -> tuple[Counter, Stats]:
    """The compiled engine's results equal pySHACL's (its report ``ref`` for ``union``, or run here), with exactly
    ``fallbacks`` run in pySHACL (None: any); returns the reference's results, for the caller to check what they
    cover, and the engine's stats."""
    ref = pyshacl_report(union, shapes) if ref is None else ref
    report, stats = compiled(union, shapes)
    expected = shacl_results(ref)
    got = shacl_results(report)
    assert got == expected, {"extra": got - expected, "missing": expected - got}
    # one sh:conforms each, the same (Graph.value with only a predicate is None whatever the graph holds)
    assert list(report.objects(None, SH.conforms)) == list(ref.objects(None, SH.conforms)) != []
    if fallbacks is not None:
        assert set(stats.fallbacks) == set(fallbacks), stats.fallbacks
    return expected, stats


# --- the compiled engine (shacl_store) ----------------------------------------------------


@SHARES_THE_REFERENCE
def test_compiled_shacl_equals_pyshacl_on_curated_graph(curated, shapes, curated_reference):
    assert_same_results(union_of(curated), shapes, ref=curated_reference[0])


def test_compiled_shacl_equals_pyshacl_on_synthetic_project(tiny, shapes):
    assert_same_results(union_of(load(tiny)), shapes)


@SHARES_THE_REFERENCE
def test_located_results_and_report_graph_are_the_same_with_either_engine(curated, shapes, mutated_reference):
    """run_shacl with each engine: the same located results and an isomorphic sh:ValidationReport graph."""
    union, slow_graph, slow = mutated_reference
    fast_graph, fast, _ = run_shacl(union, shapes, Locator(curated, union, ROOT), ROOT / "shapes", engine="store")
    assert sorted(map(str, fast)) == sorted(map(str, slow))
    assert to_isomorphic(fast_graph) == to_isomorphic(slow_graph)


def test_engine_switch_reads_the_environment(monkeypatch):
    monkeypatch.delenv("CSTO_KG_SHACL", raising=False)
    monkeypatch.delenv("CSTO_KG_SHACL_SPARQL", raising=False)
    assert shacl_engine() == "store"
    monkeypatch.setenv("CSTO_KG_SHACL_SPARQL", "pyshacl")  # the older name
    assert shacl_engine() == "pyshacl"
    monkeypatch.setenv("CSTO_KG_SHACL", "store")
    assert shacl_engine() == "store"
    monkeypatch.setenv("CSTO_KG_SHACL", "rdflib")
    with pytest.raises(UserError, match="CSTO_KG_SHACL"):
        shacl_engine()


def _one(union: Graph, cls) -> URIRef:
    return sorted(s for s in union.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def _mutate_every_component(union: Graph) -> None:
    """Violations of each constraint component the shapes use, written into the curated union."""
    state = _one(union, CSTO.State)
    union.remove((state, RDFS.label, None))  # minCount (EntityHasLabel)
    other = sorted(s for s in union.subjects(RDF.type, CSTO.State) if isinstance(s, URIRef))[1]
    union.add((other, RDFS.label, Literal("Second", lang="en")))  # uniqueLang
    union.add((other, RDFS.label, Literal("Zweite", lang="de")))  # languageIn
    membership = _one(union, CSTO.Membership)
    union.add((membership, ORG.member, _one(union, CSTO.InternationalOrganisation)))  # maxCount + class + SPARQL
    union.add((membership, CSTO.startedBy, _one(union, CSTO.Withdrawal)))  # or over sh:class
    doc = _one(union, CSTO.Document)
    union.add((doc, CSTO.draft, Literal("yes")))  # datatype
    union.add((doc, CSTO.status, CSTO.Imaginary))  # in
    union.add((doc, CSTO.date, Literal("2020-02-30", datatype=XSD.date)))  # or over datatype: ill-typed date
    union.add(
        (doc, CSTO.date, Literal("2021-03-31", datatype=XSD.date))
    )  # a valid day the SPARQL prefilter leaves to rdflib
    union.add((doc, CSTO.date, Literal("2020-01-01T00:00:00", datatype=XSD.dateTime)))  # or over datatype
    union.add((state, SKOS_EXACT, URIRef("https://www.wikidata.org/wiki/Q1")))  # pattern
    union.add((state, SKOS_EXACT, Literal("Q2")))  # nodeKind
    claim = sorted(union.subjects(RDF.type, CSTO.Claim))[0]
    union.add((claim, CSTO.assertedBy, Literal("the source")))  # nodeKind
    union.add((claim, CSTO.ordinal, Literal(0)))  # minInclusive
    union.add((claim, CSTO.memberCount, Literal("many")))  # or datatype + minInclusive on a string
    union.add((claim, CSTO.articleNumber, Literal(2.5)))  # or datatype (decimal) + minInclusive passes
    evidence = sorted(union.subjects(RDF.type, CSTO.Evidence))
    for sel in list(union.objects(evidence[0], OA.hasSelector)):  # qualifiedMinCount: no quote, no position
        union.remove((evidence[0], OA.hasSelector, sel))
    extra = BNode("extraQuote")
    union.add((extra, RDF.type, OA.TextQuoteSelector))
    union.add((extra, OA.exact, Literal("")))  # minLength
    union.add((evidence[1], OA.hasSelector, extra))  # qualifiedMaxCount: two quotes
    pos = sorted(union.subjects(RDF.type, OA.TextPositionSelector))[0]
    union.add((pos, OA.end, Literal(0)))  # lessThan (start < every end) + maxCount
    instant = sorted(union.subjects(CSTO.notAfter, None))[0]
    union.add((instant, CSTO.notBefore, Literal("2999-01-01", datatype=XSD.date)))  # lessThanOrEquals + maxCount
    union.add((instant, CSTO.notAfter, Literal("1990", datatype=XSD.gYear)))  # lessThanOrEquals: incomparable
    meeting = _one(union, CSTO.Meeting)
    s2 = sorted(union.objects(meeting, CSTO.participatingState))
    if s2:
        union.add((meeting, CSTO.absentState, s2[0]))  # disjoint
    event = sorted(union.subjects(CSTO.endDate, None))[0]
    union.add((event, CSTO.startDate, Literal("2999-01-01", datatype=XSD.date)))  # SPARQL with {?value} {?start}
    union.add((URIRef("https://w3id.org/csto-kg/id/loose-proposition"), RDF.type, CSTO.Proposition))  # or of classes


@SHARES_THE_REFERENCE
def test_compiled_shacl_equals_pyshacl_on_violations_of_every_component(shapes, mutated_reference):
    union, ref, _ = mutated_reference
    expected, _ = assert_same_results(union, shapes, ref=ref)
    components = {k[4] for k in expected}
    used = {
        SH.MinCountConstraintComponent,
        SH.MaxCountConstraintComponent,
        SH.DatatypeConstraintComponent,
        SH.ClassConstraintComponent,
        SH.OrConstraintComponent,
        SH.InConstraintComponent,
        SH.PatternConstraintComponent,
        SH.MinInclusiveConstraintComponent,
        SH.NodeKindConstraintComponent,
        SH.QualifiedMinCountConstraintComponent,
        SH.QualifiedMaxCountConstraintComponent,
        SH.LanguageInConstraintComponent,
        SH.UniqueLangConstraintComponent,
        SH.MinLengthConstraintComponent,
        SH.LessThanConstraintComponent,
        SH.LessThanOrEqualsConstraintComponent,
        SH.DisjointConstraintComponent,
        SH.SPARQLConstraintComponent,
    }
    assert used <= components, used - components  # each component's violation path was compared


def test_literals_the_store_rewrites_give_pyshacl_results(tiny, shapes):
    """Oxigraph stores "04"^^xsd:nonNegativeInteger as "4"^^xsd:integer and "-1"^^xsd:nonNegativeInteger as a valid
    integer: the shapes reading those predicates run in pySHACL on the original graph, the others stay compiled, and
    an xsd:string literal maps back to its own spelling."""
    union = union_of(load(tiny))  # the small synthetic project: a quicker pySHACL run
    claim = sorted(union.subjects(RDF.type, CSTO.Claim))[0]
    union.add((claim, CSTO.personnel, Literal("-1", datatype=XSD.nonNegativeInteger)))
    union.add((claim, CSTO.equipment, Literal("04", datatype=XSD.nonNegativeInteger)))
    union.add((claim, CSTO.equipment, Literal("4", datatype=XSD.integer)))
    doc = _one(union, CSTO.Document)
    union.add((doc, CSTO.draft, Literal("maybe", datatype=XSD.string)))
    store, fidelity = store_from_graph(union)
    assert CSTO.personnel in fidelity.predicates and CSTO.equipment in fidelity.predicates
    # the shapes whose paths read csto:personnel / csto:equipment (ForceSizeFigure inside its sh:or;
    # DisagreeingFiguresDiffer's SPARQL compares them among its figure predicates)
    rewritten = {SHAPE.NonNegativeIntegerValues, SHAPE.ForceSizeFigure, SHAPE.DisagreeingFiguresDiffer}
    expected, _ = assert_same_results(union, shapes, fallbacks=rewritten)
    assert any(k[3] == SHAPE.NonNegativeIntegerValues for k in expected)
    assert (doc, CSTO.draft, Literal("maybe", datatype=XSD.string)) in union
    assert any(k[2] == Literal("maybe", datatype=XSD.string) for k in expected)


def test_deactivated_shape_gives_nothing_and_uncompiled_shape_runs_in_pyshacl(tiny, shapes):
    """A deactivated shape gives nothing; a shape using a construct the compiler lacks (sh:xone) runs in pySHACL
    for that shape alone, and the stats say so."""
    g = Graph()
    for t in shapes:
        g.add(t)
    g.add((SHAPE.EntityHasLabel, SH.deactivated, Literal(True)))
    odd = SHAPE.XoneForTest
    members = [BNode("xoneA"), BNode("xoneB")]
    lst = BNode("xoneList")
    Collection(g, lst, members)
    g.add((members[0], SH["class"], CSTO.Claim))
    g.add((members[1], SH["class"], CSTO.Proposition))
    g.add((odd, RDF.type, SH.NodeShape))
    g.add((odd, SH.targetClass, CSTO.Proposition))
    g.add((odd, SH.xone, lst))
    g.add((odd, SH.message, Literal("exactly one of claim or proposition", lang="en")))
    union = union_of(load(tiny))  # the small synthetic project: a quicker pySHACL run
    union.remove((_one(union, CSTO.State), RDFS.label, None))
    expected, stats = assert_same_results(union, g, fallbacks={odd})
    assert "xone" in stats.fallbacks[odd]
    assert any(k[3] == odd for k in expected)
    assert not any(k[3] == SHAPE.EntityHasLabel for k in expected)


def test_a_shapes_graph_edited_after_a_validation_is_compiled_anew(tiny, shapes):
    """The engine keeps what a shapes graph decides, by its content: the same graph object, edited after a
    validation (a shape switched off), gives the edited graph's results, not the kept ones."""
    union = union_of(load(tiny))
    union.remove((_one(union, CSTO.State), RDFS.label, None))
    g = Graph()
    for t in shapes:
        g.add(t)
    store, fidelity = store_from_graph(union)
    first = shacl_results(validate_store(store, g, data=union, fidelity=fidelity)[0])
    assert any(k[3] == SHAPE.EntityHasLabel for k in first)
    g.add((SHAPE.EntityHasLabel, SH.deactivated, Literal(True)))
    second = shacl_results(validate_store(store, g, data=union, fidelity=fidelity)[0])
    assert second == Counter({k: n for k, n in first.items() if k[3] != SHAPE.EntityHasLabel})


# --- pySHACL with its SPARQL constraints in Oxigraph (shacl_sparql) -------------------------


def _same_validation(data: LoadedData, shapes: Graph, reference_results: list | None = None) -> tuple[Graph, Graph]:
    """pySHACL with its SPARQL constraints in Oxigraph gives the located results of pySHACL alone (``reference_results``
    for ``data``, or run here); returns the union validated and the reference's report graph (None if given)."""
    union = union_of(data)
    locator = Locator(data, union, ROOT)
    with in_oxigraph() as stats:
        _, fast, _ = run_shacl(union, shapes, locator, ROOT / "shapes", engine="pyshacl")
    ref = None
    if reference_results is None:
        ref, reference_results, _ = run_shacl(union, shapes, locator, ROOT / "shapes", engine="pyshacl")
    assert stats.answered > 0 and not stats.fallbacks, stats.fallbacks
    assert sorted(map(str, fast)) == sorted(map(str, reference_results))
    return union, ref


@SHARES_THE_REFERENCE
def test_shacl_sparql_in_oxigraph_equals_pyshacl_on_curated_graph(curated, shapes, curated_reference):
    _same_validation(curated, shapes, curated_reference[1])


def test_shacl_sparql_in_oxigraph_equals_pyshacl_with_violations(tiny, shapes):
    """Members removed from half the periods, periods that start too late, end too early or lose their
    organisation, duplicate withdrawal ordinals, a state that is also a person."""
    data = load(tiny)
    ds = data.dataset
    memberships = sorted(set(ds.subjects(RDF.type, CSTO.Membership)))
    for m in memberships[::2]:
        for q in list(ds.quads((m, ORG.member, None, None))):
            ds.remove(q)
    for i, m in enumerate(memberships[1::2]):  # the coverage constraints' inner conditions, one kind each
        for _, _, interval, g in list(ds.quads((m, ORG.memberDuring, None, None))):
            g = ds.graph(g if not hasattr(g, "identifier") else g.identifier)
            if i % 3 == 0:
                for b in list(ds.objects(interval, TIME.hasBeginning)):
                    g.add((b, CSTO.notBefore, Literal("2090-01-01", datatype=XSD.date)))
            elif i % 3 == 1:
                for e in list(ds.objects(interval, TIME.hasEnd)):
                    g.add((e, CSTO.notAfter, Literal("1950", datatype=XSD.gYear)))
        if i % 3 == 2:
            for q in list(ds.quads((m, ORG.organization, None, None))):
                ds.remove(q)
    for w in sorted(set(ds.subjects(RDF.type, CSTO.Withdrawal)))[:4]:
        for q in list(ds.quads((w, CSTO.ordinal, None, None))):
            ds.remove(q)
        for _, _, _, g in list(ds.quads((w, RDF.type, CSTO.Withdrawal, None))):
            ds.graph(g if not hasattr(g, "identifier") else g.identifier).add((w, CSTO.ordinal, Literal(1)))
    state = sorted(set(ds.subjects(RDF.type, CSTO.State)))[0]
    ds.graph(ENTITIES_GRAPH).add((state, RDF.type, CSTO.Person))
    union, ref = _same_validation(data, shapes)
    # and the compiled engine on the same violations, against the same pySHACL report (run once, above)
    assert_same_results(union, shapes, ref=ref)
