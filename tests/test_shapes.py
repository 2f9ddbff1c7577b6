"""The SHACL shapes, tested as data.

``tests/shapes/valid/*.trig`` are consistent graphs: validating them yields no
result at all (no violation, no warning). Each ``tests/shapes/invalid/<defect>.trig``
carries the one defect its name says, and its first line names the one shape
that must report it (``# expect: shape:WithdrawalTwiceWithoutRejoining``):
validation must yield results from that shape only, at that shape's severity
(so a warning fixture still conforms), in the published report graph too, and
located in the fixture file.

Fixtures are self-contained TriG (entities, a seed's source document, evidence
with real quotes); the ontology comes from ``ontology/``. Each goes through the
same path as ``csto-kg validate``: inference (``infer_loaded``) then
``validate_loaded`` on the union of ontology, fixture and inferred graphs.

That one validation of each fixture is also held against pySHACL's on the same
union: the build's SHACL engine (shapes compiled to SPARQL, in Oxigraph) gives
pySHACL's results on every fixture, valid or not. The engine's other equivalence
checks (the curated graph, a synthetic project, violations of every component)
are in tests/test_shacl_engine_equivalence.py.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection

from csto_kg.heap import collector_paused
from csto_kg.namespaces import CSTO, OWL, RDF, RDFS, SH
from csto_kg.validation import PYTHON_RULES, RULE_SEVERITY, SHAPE, infer_loaded, load_shapes, validate_loaded
from support import assert_shacl_is_pyshacls, load_fixture, ontology_triples

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "shapes"
VALID = sorted((FIXTURES / "valid").glob("*.trig"))
INVALID = sorted((FIXTURES / "invalid").glob("*.trig"))
EXPECT = "# expect: shape:"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


def shape_iris(shapes: Graph) -> set[URIRef]:
    declared = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    return {s for s in declared if isinstance(s, URIRef)}


def expected_shape(path: Path) -> URIRef:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(EXPECT), f"{path.name}: first line must be '{EXPECT}<Name>'"
    return SHAPE[first[len(EXPECT) :].strip()]


def severity_of(shape: URIRef, shapes: Graph) -> URIRef:
    return RULE_SEVERITY[shape] if shape in RULE_SEVERITY else shapes.value(shape, SH.severity)


def run_fixture(path: Path, shapes: Graph):
    """Load a fixture like the loader loads kg/ (one named graph per file, here several) and validate it; its SHACL
    results are pySHACL's on the same union (one validation serves both checks: a shape fixture costs ~0.1 s to
    load, infer and validate, as much as pySHACL's run)."""
    with collector_paused():  # as csto-kg validate runs; pySHACL too, or its collections walk the worker's heap
        data = load_fixture(path)
        report = validate_loaded(data, infer_loaded(data), root=ROOT, shapes=shapes)
        assert_shacl_is_pyshacls(data.dataset, report, shapes)
    return report


def test_fixture_globs_are_not_empty():
    assert len(VALID) >= 5 and len(INVALID) >= 50


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_has_no_result(path, shapes):
    assert not path.read_text(encoding="utf-8").startswith(EXPECT), "valid fixtures expect nothing"
    report = run_fixture(path, shapes)
    assert report.results == [], report.to_text()
    assert report.conforms
    assert (None, SH.conforms, Literal(True)) in report.graph


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_yields_exactly_its_shape(path, shapes):
    expected = expected_shape(path)
    severity = severity_of(expected, shapes)
    report = run_fixture(path, shapes)

    assert {r.shape for r in report.results} == {expected}, report.to_text()
    assert {r.severity for r in report.results} == {severity}
    violations = {r.shape for r in report.results if r.severity == SH.Violation}
    assert violations == ({expected} if severity == SH.Violation else set())
    assert report.conforms is (severity != SH.Violation), "only violations fail; warnings do not"

    published = {report.graph.value(n, SH.sourceShape) for n in report.graph.subjects(RDF.type, SH.ValidationResult)}
    assert published == {expected}, "the report graph holds the same results"
    assert (None, SH.conforms, Literal(report.conforms)) in report.graph
    for r in report.results:  # every problem is located for the curator
        assert r.file == path and r.line is not None, report.to_text()
        assert r.message and "{?" not in r.message and "{$" not in r.message, r.message


# Rules that read project files other than the data (queries/*.expected.json, queries/*.rq): a fixture has none of
# them, so their invalid cases are slips of those files in tests/test_mutations.py (QUERY_SLIPS, RQ_SLIPS).
PROJECT_FILE_RULES = {SHAPE.ExpectedAnswerFromItsSeeds, SHAPE.QueryParses}


@pytest.mark.parametrize(
    "fixture, prop, written",
    [
        # a value written in a later block of its node: reported there, not at the node's first line
        ("change_in_no_direction", "changeDirection", "csto:changeDirection csto:Exceeds"),
        # too many values (sh:maxCount: no value of its own): at the line that writes the property
        ("bilateral_meeting_with_three_sides", "participatingState", "csto:participatingState :russia, :belarus"),
        # a label two facts share (the label is the value): at each fact's label line
        ("two_facts_with_one_label", "label", "rdfs:label "),
        # a statement written again in a later block: at the repeat
        ("statement_written_again_in_a_later_block", "contributor", ":deployment-kazakhstan-2022 csto:contributor"),
    ],
)
def test_a_result_is_reported_at_the_line_that_writes_its_value_or_property(fixture, prop, written, shapes):
    """A result with a path is located where the fixture writes that path's value for the focus (or the path
    itself, where the value is not one of the path's), not at the focus's first line."""
    path = FIXTURES / "invalid" / f"{fixture}.trig"
    lines = path.read_text(encoding="utf-8").splitlines()
    results = [r for r in run_fixture(path, shapes).results if r.path is not None and r.path.endswith(prop)]
    assert results
    for r in results:
        assert r.file.name == path.name and written in lines[r.line - 1], (r.line, lines[r.line - 1])


def test_every_shape_has_an_invalid_fixture(shapes):
    rules = shape_iris(shapes) | set(PYTHON_RULES) - PROJECT_FILE_RULES
    covered = {expected_shape(p) for p in INVALID}
    assert rules - covered == set(), "shapes with no invalid fixture"
    assert covered - rules == set(), "fixtures expecting a shape that does not exist"


def test_every_shape_is_documented_and_has_a_deliberate_severity(shapes):
    iris = shape_iris(shapes)
    assert len(iris) >= 50
    for shape in sorted(iris):
        assert str(shape).startswith(str(SHAPE)), shape
        for prop in (RDFS.label, RDFS.comment, SH.message):
            values = list(shapes.objects(shape, prop))
            assert len(values) == 1 and isinstance(values[0], Literal) and values[0].language == "en", (shape, prop)
        assert list(shapes.objects(shape, SH.severity)) in ([SH.Violation], [SH.Warning], [SH.Info]), shape


def test_every_targeted_shape_is_named(shapes):
    """A shape with a target must be named, so results say which rule fired (no anonymous sh:sourceShape)."""
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    targeted = {s for t in targets for s in shapes.subjects(t, None)}
    assert targeted and all(isinstance(s, URIRef) for s in targeted)
    assert targeted == shape_iris(shapes), "every named shape has a target"


def test_every_datatype_property_without_a_range_is_a_date_at_the_sources_precision(shapes):
    """A csto: datatype property states its values' datatype by its rdfs:range (a curated value not of it is
    reported by shape:OntologyWellFormed), unless its values are dates at the source's precision, which no
    single OWL 2 RL range can say (xsd:date, xsd:gYearMonth or xsd:gYear): those are shape:DateAtSourcePrecision's
    paths, so a new date property left out of that shape (csto:refersToDate was) fails here."""
    onto = Graph()
    for t in ontology_triples():
        onto.add(t)
    rangeless = {
        p
        for p in onto.subjects(RDF.type, OWL.DatatypeProperty)
        if str(p).startswith(str(CSTO)) and not onto.value(p, RDFS.range)
    }
    path = shapes.value(shapes.value(SHAPE.DateAtSourcePrecision, SH.path), SH.alternativePath)
    checked = set(Collection(shapes, path))
    assert rangeless and rangeless == checked, (rangeless - checked, checked - rangeless)
    assert set(shapes.objects(SHAPE.DateAtSourcePrecision, SH.targetSubjectsOf)) == checked


def shacl_shacl() -> Graph:
    g = Graph()
    g.parse(importlib.resources.files("pyshacl") / "assets" / "shacl-shacl.ttl", format="turtle")
    return g


def test_shapes_conform_to_shacl_shacl(shapes):
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=shacl_shacl(), inference="none")
    assert conforms, text


def test_shacl_shacl_check_can_fail(shapes):
    broken = Graph()
    for t in shapes:
        broken.add(t)
    broken.add((SHAPE.FactHasEvidence, SH.minCount, Literal("one")))
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=shacl_shacl(), inference="none")
    assert not conforms


@pytest.mark.parametrize(
    "shape,concept_class",
    [
        (SHAPE.EventStatusValue, CSTO.EventStatus),
        (SHAPE.PropositionPosition, CSTO.PositionType),
        (SHAPE.StanceAttribution, CSTO.AttributionType),
        (SHAPE.NumericQualifierValue, CSTO.NumericQualifier),
        (SHAPE.QuantityUnit, CSTO.Unit),
        (SHAPE.OfficeRoleValue, CSTO.OfficeRole),
        (SHAPE.DiplomaticActionKind, CSTO.ActionKind),
        (SHAPE.AttendingRoleValue, CSTO.OfficeRole),
        (SHAPE.RankingCriterionValue, CSTO.RankingCriterion),
        (SHAPE.ComparisonOutcomeGiven, CSTO.ComparisonOutcome),
    ],
)
def test_controlled_value_lists_are_the_ontologys(shape, concept_class, shapes):
    """sh:in lists (used because a property's range would make sh:class pass for anything) follow the ontology."""
    listed = set(Collection(shapes, shapes.value(shape, SH["in"])))
    assert listed == {s for s, p, o in ontology_triples() if p == RDF.type and o == concept_class}
