"""The benchmark's parts, at a tiny scale: the generator, and the fast reasoner against owlrl.

- the synthetic generator is deterministic (same seed -> byte-identical files);
- a generated project builds and validates through the real CLI;
- the fast OWL RL materialiser (:mod:`csto_kg.materialise`) gives exactly
  owlrl's inferred graph on the curated graph, on a synthetic graph, and on
  small graphs that exercise each rule and each consistency check; outside
  its fragment it declines and :func:`csto_kg.reason.infer` falls back to owlrl;
- SHACL-SPARQL constraints answered by Oxigraph (:mod:`csto_kg.shacl_sparql`)
  give exactly pySHACL's validation results, on the curated graph and on a
  synthetic graph with violations of every SPARQL-based kind injected.

No timing is asserted anywhere: timings are the benchmark's business (``python -m bench.run``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from bench.generate import generate
from csto_kg.loader import load
from csto_kg.materialise import Unsupported, closure
from csto_kg.namespaces import CSTO, ENTITIES_GRAPH, ORG, RDF, TIME, XSD
from csto_kg.reason import infer
from csto_kg.shacl_sparql import in_oxigraph
from csto_kg.validation import validate_loaded

ROOT = Path(__file__).resolve().parent.parent
TINY = 3000


def _asserted(root: Path) -> Graph:
    g = Graph()
    for s, p, o, _ in load(root).dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _same_inference(asserted: Graph) -> None:
    fast, reference = infer(asserted, "fast"), infer(asserted, "owlrl")
    only_fast = set(fast) - set(reference)
    assert isomorphic(fast, reference), (
        f"fast and owlrl differ: {len(fast)} vs {len(reference)} triples; e.g. only fast: "
        f"{sorted(map(str, only_fast))[:5]}, only owlrl: {sorted(map(str, set(reference) - set(fast)))[:5]}"
    )


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "project"
    generate(out, TINY, seed=7)
    return out


def test_generator_is_deterministic(tiny, tmp_path):
    again = tmp_path / "again"
    generate(again, TINY, seed=7)
    files = sorted(p.relative_to(tiny) for p in tiny.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert any(f.parts[0] == "kg" and f.name != "entities.trig" for f in files)
    for f in files:
        assert (tiny / f).read_bytes() == (again / f).read_bytes(), f
    other = tmp_path / "other"
    generate(other, TINY, seed=8)
    assert (other / "kg" / "entities.trig").read_bytes() != (tiny / "kg" / "entities.trig").read_bytes()


def test_generated_project_builds_and_validates(tiny, tmp_path):
    env = dict(os.environ, CSTO_KG_ROOT=str(tiny), CSTO_KG_BUILD=str(tmp_path / "build"))
    run = subprocess.run([sys.executable, "-m", "csto_kg.cli", "build"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "build" / "current" / "manifest.json").read_text())
    assert manifest["triples"]["asserted"] > TINY * 0.7
    assert len(manifest["seed_graphs"]) >= 2
    assert manifest["conforms"] is not False, (tmp_path / "build" / "current" / "validation.ttl").read_text()[:3000]


def test_fast_reasoner_equals_owlrl_on_curated_graph():
    _same_inference(_asserted(ROOT))


def test_fast_reasoner_equals_owlrl_on_synthetic_graph(tiny):
    _same_inference(_asserted(tiny))


_PREFIXES = """
@prefix : <http://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Each case: Turtle exercising some rules; the fast path must handle it and agree with owlrl.
RULE_CASES = {
    "subclass-chain-and-equivalence": """
        :A a owl:Class ; rdfs:subClassOf :B . :B a owl:Class ; rdfs:subClassOf :C . :C owl:equivalentClass :D .
        :x a :A .""",
    "subproperty-domain-range": """
        :p a owl:ObjectProperty ; rdfs:subPropertyOf :q . :q rdfs:domain :Dom ; rdfs:range :Ran .
        :Dom a owl:Class ; rdfs:subClassOf :Top . :x :p :y .""",
    "inverse-and-equivalent-properties": """
        :p owl:inverseOf :pi . :pi rdfs:subPropertyOf :r . :r owl:equivalentProperty :s .
        :s owl:inverseOf :si . :x :p :y . :y :si "literal object" .""",
    "datatype-range-on-literals": """
        :n a owl:DatatypeProperty ; rdfs:range xsd:string . :x :n 5 ; :n "five" .
        :d rdfs:range xsd:integer . :x :d "2022-01-01"^^xsd:date .""",
    "disjointness-violation": """
        :A owl:disjointWith :B . :C rdfs:subClassOf :B . :x a :A, :C .""",
    "nothing": """:x a owl:Nothing .""",
    "ill-typed-literal": """:x :p "not a number"^^xsd:integer .""",
    "explicitly-typed-datatype-value": """:v a xsd:int . :x :p :v .""",
    "functional-property-one-value": """:f a owl:FunctionalProperty . :x :f :y . :z :f :y .""",
    "subclass-cycle": """:A rdfs:subClassOf :B . :B rdfs:subClassOf :A . :x a :A .""",
    "symmetric-property": """
        :s a owl:SymmetricProperty ; rdfs:domain :D . :sub rdfs:subPropertyOf :s . :x :s :y . :u :sub :v .""",
    "symmetric-property-with-domain-and-super-property": """
        :d a owl:SymmetricProperty ; rdfs:domain :Side ; rdfs:subPropertyOf :related .
        :x :d :y . :y :d :z .""",
    "symmetric-super-property": """
        :s a owl:SymmetricProperty . :p rdfs:subPropertyOf :s ; owl:inverseOf :pi . :x :p :y .""",
}

# Outside the fragment: the fast path declines, infer() falls back to owlrl.
FALLBACK_CASES = {
    "same-as": """:x owl:sameAs :y . :x :p :z .""",
    "functional-property-two-values": """:f a owl:FunctionalProperty . :x :f :y1, :y2 .""",
    "transitive-property": """:t a owl:TransitiveProperty . :a :t :b . :b :t :c .""",
    "restriction": """:R owl:onProperty :p ; owl:someValuesFrom :C . :x :p :y . :y a :C .""",
    "schema-about-rdfs": """rdfs:label rdfs:domain :Labelled . :x rdfs:label "x" .""",
}


def _graph(ttl: str) -> Graph:
    return Graph().parse(data=_PREFIXES + ttl, format="turtle")


@pytest.mark.parametrize("name", sorted(RULE_CASES))
def test_fast_reasoner_equals_owlrl_rule_by_rule(name):
    g = _graph(RULE_CASES[name])
    closure(g)  # inside the fragment: does not raise Unsupported
    _same_inference(g)


@pytest.mark.parametrize("name", sorted(FALLBACK_CASES))
def test_fast_reasoner_declines_outside_its_fragment(name):
    g = _graph(FALLBACK_CASES[name])
    with pytest.raises(Unsupported):
        closure(g)
    _same_inference(g)


def test_case_lists_are_not_empty():
    assert len(RULE_CASES) >= 8 and len(FALLBACK_CASES) >= 4


def _same_validation(data) -> None:
    asserted = Graph()
    for s, p, o, _ in data.dataset.quads((None, None, None, None)):
        asserted.add((s, p, o))
    inferred = infer(asserted)
    with in_oxigraph() as stats:
        fast = validate_loaded(data, inferred)
    reference = validate_loaded(data, inferred)
    assert stats.answered > 0 and not stats.fallbacks, stats.fallbacks
    # The three "a membership period covers the date" constraints run in their decorrelated form (shacl_sparql._decorrelate).
    assert stats.decorrelated == 3, stats.decorrelated
    assert sorted(map(str, fast.results)) == sorted(map(str, reference.results))
    assert fast.conforms == reference.conforms


def test_shacl_sparql_in_oxigraph_equals_pyshacl_on_curated_graph():
    _same_validation(load(ROOT))


def test_shacl_sparql_in_oxigraph_equals_pyshacl_with_violations(tiny):
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
    _same_validation(data)
