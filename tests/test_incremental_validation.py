"""Incremental SHACL (csto_kg/validation/incremental.py, reads.py, shacl_state.py): the same results as a whole
validation, and only the focus nodes a change reaches validated again.

Three levels: what a query reads and which focus nodes a changed triple reaches, on small graphs (a table); the
store engine's results with and without the previous results on the curated graph after seeded random edits of
every kind (dropped, added, moved and retyped triples); and ``csto-kg build`` after a curator's edit, whose report
must be the validate command's."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from csto_kg.export import write_dumps
from csto_kg.served_store import write_store
from csto_kg.terms import to_ox
from csto_kg.validation.incremental import Delta, Reach, affected, graph_of
from csto_kg.validation.reads import reads_of
from support import run_cli, snapshot_inputs

# one worker: the shapes' queries are analysed once per process (~5 s), and the curated graph validated once
pytestmark = pytest.mark.xdist_group("incremental_validation")

EX = "http://example.org/"


def _store(turtle: str) -> ox.Store:
    store = ox.Store()
    store.load(
        f"@prefix : <{EX}> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n{turtle}".encode(),
        ox.RdfFormat.TURTLE,
    )
    return store


def _triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(p if ":" in p else EX + p), ox.NamedNode(EX + o))


GRAPH = """
:m1 :member :armenia ; :start :e1 .  :m2 :member :armenia .  :m3 :member :belarus .
:f1 :p :v1 .  :f2 :p :v2 .  :v1 :q :w1 .  :a :b :c .
:x a :Withdrawal .  :Withdrawal rdfs:subClassOf :Event .  :y a :Event .
"""

PREFIX = f"PREFIX : <{EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "

# query, the changed triple, the focus nodes it reaches (None: every focus node)
CASES = [
    # a pattern on ?this: the subject
    ("SELECT $this WHERE { $this :p ?v }", ("f9", "p", "v1"), {"f9"}),
    # joined through another node: every membership of the same state (the chronology shapes' shape)
    (
        "SELECT $this WHERE { $this :member ?s . ?o :member ?s FILTER (?o != $this) }",
        ("m9", "member", "armenia"),
        {"m1", "m2", "m9"},
    ),
    # two steps out: the focus node whose value's value changed
    ("SELECT $this WHERE { $this :p ?v . ?v :q ?w }", ("v1", "q", "w9"), {"f1"}),
    # a property path read backwards from its end, and forwards
    ("SELECT $this WHERE { $this :p/:q ?w }", ("v1", "q", "w9"), {"f1"}),
    ("SELECT $this WHERE { ?w ^:q/^:p $this }", ("v1", "q", "w9"), {"f1"}),
    # a class hierarchy: a new subclass axiom reaches the instances below it
    (
        "SELECT $this WHERE { $this a/rdfs:subClassOf* :Event }",
        ("Withdrawal", "http://www.w3.org/2000/01/rdf-schema#subClassOf", "Act"),
        {"x"},
    ),
    # a part not joined to ?this: every focus node
    ("SELECT $this WHERE { $this :p ?v . ?a :b ?c }", ("a", "b", "c9"), None),
    # NOT EXISTS keeps the rows it does not join: it does not join ?a's part to ?this's
    ("SELECT $this WHERE { $this :p ?v . ?a :b ?c FILTER NOT EXISTS { ?v :q ?a } }", ("a", "b", "c9"), None),
    # ... nor does an OPTIONAL group (a row stands without it) or a MINUS
    ("SELECT $this WHERE { $this :p ?v . ?a :b ?c OPTIONAL { ?v :q ?a } }", ("a", "b", "c9"), None),
    ("SELECT $this WHERE { $this :p ?v . ?a :b ?c MINUS { ?v :q ?a } }", ("a", "b", "c9"), None),
    # a UNION branch is an alternative of its own: ?o in the first branch is not the second's
    ("SELECT $this WHERE { { ?o :member ?s } UNION { $this :member ?o } }", ("m9", "member", "armenia"), None),
    # a sub-select's own variables are not the outer query's
    (
        "SELECT $this WHERE { $this :member ?s { SELECT ?x WHERE { ?x :member ?s } } }",
        ("m9", "member", "belarus"),
        None,
    ),
    # ... but what it projects is
    (
        "SELECT $this WHERE { $this :member ?s { SELECT ?s WHERE { ?x :member ?s } } }",
        ("m9", "member", "belarus"),
        {"m3", "m9"},
    ),
    # BIND (?x AS ?y) joins ?y to ?x
    ("SELECT $this WHERE { $this :start ?e BIND (?e AS ?f) ?f :q ?g }", ("e1", "q", "g9"), {"m1"}),
    # a predicate variable, bound elsewhere as a node: any predicate (MarkedReadingMatchesItsFact's shape; e1 too,
    # as ?this of a triple with the variable's predicate)
    ("SELECT $this WHERE { $this :start ?e . ?e :q ?p . $this ?p ?v }", ("m1", "anything", "v9"), {"m1"}),
    ("SELECT $this WHERE { $this :start ?e . ?e :q ?p . $this ?p ?v }", ("e1", "q", "p9"), {"m1", "e1"}),
    # a predicate other than the pattern's reaches nothing
    ("SELECT $this WHERE { $this :p ?v }", ("f1", "other", "v1"), set()),
]


@pytest.mark.parametrize("query,change,reached", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_a_changed_triple_reaches_the_focus_nodes_whose_results_it_can_change(query, change, reached):
    store = _store(GRAPH)
    t = _triple(*change)
    store.add(ox.Quad(t.subject, t.predicate, t.object))  # an addition: the new graph holds it
    found = affected(Reach([reads_of(PREFIX + query)]), Delta([t]), graph_of(store))
    assert found == (None if reached is None else {ox.NamedNode(EX + n) for n in reached})


def test_a_query_it_does_not_understand_reaches_every_focus_node():
    reach = Reach([reads_of(PREFIX + "SELECT $this WHERE { GRAPH ?g { $this :p ?v } }")])
    store = _store(GRAPH)
    assert affected(reach, Delta([_triple("f1", "p", "v1")]), graph_of(store)) is None
    assert affected(reach, Delta([]), graph_of(store)) == set()


# --- the store engine on the curated graph --------------------------------------------------------------------


@pytest.fixture(scope="module")
def curated():
    from csto_kg.loader import load
    from csto_kg.namespaces import INFERRED_GRAPH
    from csto_kg.reason import infer_into
    from csto_kg.validation.shacl import load_shapes
    from csto_kg.validation.shacl_store import store_from_graph, validate_store

    data = load()
    infer_into(data.dataset, INFERRED_GRAPH)
    union = Graph()
    union.addN((s, p, o, union) for s, p, o in data.dataset.triples((None, None, None)))
    shapes = load_shapes(Path(__file__).resolve().parent.parent / "shapes")
    store, fidelity = store_from_graph(union)
    _, results, _ = validate_store(store, shapes, data=union, fidelity=fidelity)
    return union, shapes, store, results


def _edit(union: Graph, rnd: random.Random, kind: str) -> Graph:
    """A copy of ``union`` with a seeded edit of one kind."""
    out = Graph()
    out += union
    triples = sorted(union, key=str)
    subjects = sorted({s for s, _, _ in triples if isinstance(s, URIRef)}, key=str)
    if kind == "drop":
        for t in rnd.sample(triples, rnd.choice([1, 5, 25])):
            out.remove(t)
    elif kind == "add":  # triples made of two others: a value moved to another node, or another value
        wanted = rnd.choice([1, 5, 25])
        while len(out) < len(union) + wanted:  # new triples only: one the graph holds already is no edit
            (s, p, o), (s2, _, o2) = rnd.choice(triples), rnd.choice(triples)
            out.add((s2, p, o) if rnd.random() < 0.5 else (s, p, o2))
    elif kind == "forget":  # a node's whole description gone (a fact deleted)
        for s in rnd.sample(subjects, 2):
            out.remove((s, None, None))
    elif kind == "retype":  # a node's class changed to another class in use
        classes = sorted({o for _, p, o in triples if str(p).endswith("#type")}, key=str)
        for s in rnd.sample(subjects, 3):
            out.remove((s, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None))
            out.add((s, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), rnd.choice(classes)))
    return out


def _key(r) -> tuple:
    return (
        str(r.shape),
        str(r.focus),
        str(r.value),
        str(r.path),
        str(r.component),
        tuple(sorted(map(str, r.messages))),
        str(r.severity),
    )


@pytest.mark.parametrize(
    "seed,kind", [(seed, kind) for kind in ("drop", "add", "forget", "retype") for seed in range(3)]
)
def test_incremental_results_are_the_whole_validations_after_an_edit(curated, seed, kind):
    from csto_kg.shacl_sparql import in_oxigraph
    from csto_kg.validation.shacl_store import Previous, store_from_graph, validate_store

    union, shapes, before, results = curated
    edited = _edit(union, random.Random(seed), kind)
    with in_oxigraph():
        store, fidelity = store_from_graph(edited)
        _, whole, _ = validate_store(store, shapes, data=edited, fidelity=fidelity)
        old = set(before.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        new = set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        delta = Delta([ox.Triple(q.subject, q.predicate, q.object) for q in old ^ new])
        _, again, stats = validate_store(
            store, shapes, data=edited, fidelity=fidelity, previous=Previous(results, delta)
        )
    assert sorted(map(_key, again)) == sorted(map(_key, whole))
    whole_again = [s for s, v in stats.incremental.items() if isinstance(v, str)]
    assert len(delta) and len(whole_again) < len(stats.incremental) / 4, "most shapes are not validated whole"


def test_a_kept_result_with_a_literal_is_validated_again(curated):
    """A result's literal is spelled as the previous build's file spelled it, which an edit can change without
    changing its value (the store holds "4" for "04"): such a result is not kept as it was, but validated again."""
    from rdflib import Literal
    from rdflib.namespace import SH, XSD

    from csto_kg.shacl_sparql import in_oxigraph
    from csto_kg.validation.shacl_store import Previous, RawResult, validate_store

    union, shapes, store, results = curated
    shape = URIRef("https://w3id.org/csto-kg/shapes/MembershipMember")
    member = next(union.subjects(URIRef("http://www.w3.org/ns/org#member"), None))
    stale = RawResult(
        focus=member,
        shape=shape,
        component=SH.ClassConstraintComponent,
        severity=SH.Violation,
        messages=(Literal("a stale message"),),
        value=Literal("04", datatype=XSD.integer),
        path=URIRef("http://www.w3.org/ns/org#member"),
    )
    elsewhere = next(
        t for t in store.quads_for_pattern(None, None, None, ox.DefaultGraph()) if t.subject != to_ox(member)
    )
    delta = Delta([ox.Triple(elsewhere.subject, elsewhere.predicate, elsewhere.object)])  # reaches not the member
    with in_oxigraph():
        _, again, _ = validate_store(store, shapes, data=union, previous=Previous([*results, stale], delta))
    assert stale not in again
    assert sorted(map(_key, again)) == sorted(map(_key, results))


class _ShaclDone(Exception):
    """Raised once SHACL is done: the rules that follow are not what the test checks."""


def test_shacls_store_is_given_back_before_the_rules_though_the_query_parser_left_cycles(
    shared_build, tmp_path, monkeypatch
):
    """An incremental validation analyses the shapes' queries with rdflib's parser (pyparsing), whose exceptions
    keep their frames in reference cycles, and a frame keeps its caller's, up to the engine's, which holds SHACL's
    store: the build's ~400 MB at 1e6, beside the store process, until a collection. Once SHACL is done (when the
    build lets the store process go), no engine is left, even with the collector off."""
    import gc

    from csto_kg.heap import collector_paused
    from csto_kg.loader import load
    from csto_kg.namespaces import INFERRED_GRAPH
    from csto_kg.reason import infer_into
    from csto_kg.shacl_sparql import in_oxigraph
    from csto_kg.validation import load_shapes, validate_loaded
    from csto_kg.validation.reads import reads_of
    from csto_kg.validation.shacl_state import incremental_since
    from csto_kg.validation.shacl_store import _Engine
    from csto_kg.validation.shacl_terms import store_from_graph

    monkeypatch.setenv("CSTO_KG_SHACL_INCREMENTAL", "1")
    build, root = shared_build.build, shared_build.tmp / "project"
    for name in ("prefixes.ttl", "membership.ttl"):  # a few SPARQL shapes suffice to make the parser's cycles
        (tmp_path / name).write_bytes((root / "shapes" / name).read_bytes())
    engines = []

    def after_shacl():
        engines.extend(o for o in gc.get_objects() if isinstance(o, _Engine))
        raise _ShaclDone

    with collector_paused():
        gc.collect()
        reads_of.cache_clear()  # analysed afresh (parsed), as by the first incremental build after a whole one
        data = load(root)
        inferred = infer_into(data.dataset, INFERRED_GRAPH)
        union = Graph()
        union.addN((s, p, o, union) for s, p, o in data.dataset.triples((None, None, None)))
        incremental = incremental_since(root, build.path, build.manifest)
        assert incremental is not None and incremental.possible, incremental and incremental.summary
        with in_oxigraph(), pytest.raises(_ShaclDone):
            validate_loaded(
                data,
                inferred,
                root=root,
                shapes=load_shapes(tmp_path),
                store=store_from_graph(union)[0],  # named nowhere else: validate_loaded holds the only reference
                incremental=incremental,
                after_shacl=after_shacl,
            )
    assert incremental.summary["changed_graphs"] == 0 and "whole" not in incremental.summary
    assert reads_of.cache_info().misses > 0, "no query was parsed"
    assert engines == [], "SHACL's engine, and its store, outlived SHACL"


# --- the build ------------------------------------------------------------------------------------------------


def test_a_build_after_an_edit_validates_again_only_what_changed_and_reports_as_validate_does(tmp_path):
    root = snapshot_inputs(tmp_path / "project")
    env = dict(
        os.environ,
        CSTO_KG_ROOT=str(root),
        CSTO_KG_BUILD=str(tmp_path / "build"),
        CSTO_KG_SHACL_INCREMENTAL="1",
        CSTO_KG_STORE_INCREMENTAL="1",  # the served store updated too (tests/test_incremental_store.py)
    )
    current = tmp_path / "build" / "current"
    assert run_cli(["build"], env=env).returncode == 0
    first = json.loads((current / "manifest.json").read_text())["shacl_incremental"]
    assert first["whole"] == "no previous build"

    # a curator's slips: a publication year changed, and an evidence's link to its source dropped
    seed = sorted((root / "kg").glob("0*.trig"))[1]
    text = seed.read_text(encoding="utf-8")
    year = text.index('"^^xsd:gYear')
    text = text[: year - 4] + "1990" + text[year:]
    link = text.index("    oa:hasSource ")
    text = text[:link] + text[text.index("\n", link) + 1 :]
    seed.write_text(text, encoding="utf-8")
    run_cli(["build"], env=env)
    manifest = json.loads((current / "manifest.json").read_text())
    second = manifest["shacl_incremental"]
    assert "whole" not in second and second["changed_graphs"] == 1 and 0 < second["changed_triples"] < 50
    assert second["shapes"]["kept"] > 100 and second["shapes"]["again"] > 0
    report = json.loads((current / "validation.json").read_text(encoding="utf-8"))
    assert report, "the slips are reported"
    store = manifest["store_incremental"]
    assert "whole" not in store and store["added"] > 0 and store["removed"] > 0, store
    # the streamed dumps written beside SHACL, the others after the store: the files written all at once
    assert {"dumps_first", "waited", "write_store", "dumps"} <= set(manifest["alongside_s"])
    sums = write_dumps(current / "dataset.nq", tmp_path / "dumps")
    assert (current / "dumps" / "SHA256SUMS").read_text() == (tmp_path / "dumps" / "SHA256SUMS").read_text()
    assert len(sums) == 4
    write_store(current / "dataset.nq", tmp_path / "whole-store")
    assert {str(q) for q in ox.Store.read_only(str(current / "store"))} == {
        str(q) for q in ox.Store.read_only(str(tmp_path / "whole-store"))
    }
    whole = dict(env, CSTO_KG_SHACL_INCREMENTAL="0")
    assert json.loads(run_cli(["validate", "--format", "json"], env=whole).stdout) == report

    # validate, not build, after another edit: the checkout against the current build, as the whole validation
    other = sorted((root / "kg").glob("0*.trig"))[2]
    text = other.read_text(encoding="utf-8")
    year = text.index('"^^xsd:gYear')
    other.write_text(text[: year - 4] + "1991" + text[year:], encoding="utf-8")
    validated = run_cli(["validate", "--format", "json"], env=env)
    assert "SHACL against build " in validated.stderr and " shape(s) kept" in validated.stderr
    assert json.loads(validated.stdout) == json.loads(run_cli(["validate", "--format", "json"], env=whole).stdout)
    assert json.loads(validated.stdout) != report, "the second edit is reported"

    # the shapes changed: whole again, saying why
    shapes = root / "shapes" / "membership.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    run_cli(["build"], env=env)
    third = json.loads((current / "manifest.json").read_text())["shacl_incremental"]
    assert third["whole"] == "the shapes, the code or a library changed since the previous build"
    kept = json.loads((current / "shacl-state.json").read_text(encoding="utf-8"))
    assert len(kept["reads"]) > 100, "the query analyses are carried for the next incremental build"
