"""The fast OWL RL materialiser (csto_kg/materialise.py) gives exactly owlrl's inferred graph.

owlrl is the reference: on the curated graph, on a synthetic project, rule by
rule inside the fragment, and outside it (where the fast path declines and
csto_kg.reason falls back to owlrl).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from csto_kg.loader import load
from csto_kg.materialise import Unsupported, closure
from csto_kg.reason import infer

ROOT = Path(__file__).resolve().parent.parent


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


def test_fast_reasoner_equals_owlrl_on_curated_graph():
    _same_inference(_asserted(ROOT))


def test_fast_reasoner_equals_owlrl_on_synthetic_graph(tiny):
    _same_inference(_asserted(tiny))


@pytest.mark.parametrize("reasoner", ["fast", "owlrl"])
def test_the_derived_graph_is_freed_without_the_collector(reasoner, tiny, monkeypatch):
    """The build infers with Python's collector off and leaves what it froze uncollected until after its rules: the
    graph of derived triples made on the way must be freed by reference counting alone (rdflib's memory store keeps
    each graph it is given, a cycle: at 1e6 it held ~25 MB through SHACL)."""
    import gc
    import weakref

    from csto_kg import reason

    made: list = []

    def derive(asserted):
        graph = derive_before(asserted)
        made.append(weakref.ref(graph))
        return graph

    derive_before = reason.derive
    monkeypatch.setattr(reason, "derive", derive)
    data = load(tiny).dataset  # the synthetic project: owlrl takes ~4 s over the curated graph
    collecting = gc.isenabled()
    gc.disable()
    try:
        triples = reason.inferred_triples(data, reasoner)
        assert len(made) == 1 and made[0]() is None, "the derived graph outlived inference"
    finally:
        if collecting:
            gc.enable()
    assert len(triples) > 100


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
    # owl:sameAs, stated or entailed by a functional property's two values (prp-fp, eq-*)
    "same-as": """:x owl:sameAs :y . :x :p :z . :w :q :y .""",
    "same-as-an-external-item-merges-its-statements": """
        :x owl:sameAs <http://www.wikidata.org/entity/Q1> ; rdfs:label "x"@en ; a :State . :State rdfs:subClassOf :Agent .""",
    "same-as-closed-and-symmetric": """
        :s a owl:SymmetricProperty . :x :s :y . :x owl:sameAs :z . :y owl:sameAs :w . :w owl:sameAs :u .""",
    "same-as-makes-disjoint-classes-meet": """:A owl:disjointWith :B . :x a :A . :y a :B . :x owl:sameAs :y .""",
    "functional-property-two-values": """:f a owl:FunctionalProperty . :x :f :y1, :y2 . :y1 :p :z .""",
    "functional-property-two-years-in-two-copies": """
        :f a owl:FunctionalProperty, owl:DatatypeProperty ; rdfs:range xsd:gYear .
        :x :f "2002"^^xsd:gYear . :x :f "2003"^^xsd:gYear . :y :g "2002"^^xsd:gYear . :z :h "2003" .""",
    "functional-property-one-year-in-three-datatypes": """
        :f a owl:FunctionalProperty . :x :f "2002"^^xsd:gYear, "2002", 2002 . :q :r "2002" .""",
    "functional-property-values-merged-in-turn": """
        :f a owl:FunctionalProperty . :g a owl:FunctionalProperty .
        :x :f :a, :b . :a :g :c . :b :g :d . :c :g :e . :d :g :k . :a a :A .
        :b :p :q . :p rdfs:domain :D ; owl:inverseOf :pi .""",
    "same-subject-pools-functional-values": """
        :f a owl:FunctionalProperty . :x owl:sameAs :y . :x :f :v1 . :y :f :v2 . :v1 :p :w .""",
    "functional-property-two-blank-values": """:f a owl:FunctionalProperty . :x :f [ :p 1 ], [ :p 2 ] .""",
}

# Outside the fragment: the fast path declines, infer() falls back to owlrl.
FALLBACK_CASES = {
    "transitive-property": """:t a owl:TransitiveProperty . :a :t :b . :b :t :c .""",
    "restriction": """:R owl:onProperty :p ; owl:someValuesFrom :C . :x :p :y . :y a :C .""",
    "schema-about-rdfs": """rdfs:label rdfs:domain :Labelled . :x rdfs:label "x" .""",
    # equal terms that are not individuals or literals (eq-rep-p, schema rules anew), or a stated difference
    "same-as-between-classes": """:A owl:sameAs :B . :x a :A .""",
    "same-as-between-properties": """:p owl:sameAs :q . :x :p :y .""",
    "same-as-of-a-schema-term": """:x owl:sameAs :y . :y rdfs:subClassOf :Z .""",
    "functional-values-that-are-classes": """:f a owl:FunctionalProperty . :x :f :A, :B . :y a :A .""",
    "same-as-beside-different-from": """:x owl:sameAs :y . :x owl:differentFrom :y .""",
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
