"""The validation's read views (csto_kg.indexed_graph) give what rdflib gives, in rdflib's order.

The rules and the locator read the union and the named graphs through them, so a report is byte-identical only if
every answer is: each triple pattern (every combination of bound positions), the named graphs' patterns and
iteration, the dataset's quads, and rdflib's own helpers over them (value, transitive_objects ...)."""

from __future__ import annotations

import itertools
import random

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import QuotedGraph

from csto_kg import paths
from csto_kg.indexed_graph import DatasetView, NamedGraphView, UnionView, dataset_view, union_view
from csto_kg.loader import load
from csto_kg.namespaces import CSTO, ENTITIES_GRAPH, ORG, RDF, RDFS

MASKS = [m for m in itertools.product((True, False), repeat=3) if any(m)]  # which of s, p, o are bound


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load(paths.root()).dataset


@pytest.fixture(scope="module")
def sample(ds) -> list[tuple]:
    triples = sorted(ds.triples((None, None, None)), key=lambda t: tuple(map(str, t)))
    return random.Random(12).sample(triples, 25) + [(URIRef("urn:x:absent"), RDF.type, CSTO.State)]


def _patterns(sample):
    for t in sample:
        for mask in MASKS:
            yield tuple(x if bound else None for x, bound in zip(t, mask, strict=True))


def test_union_answers_every_pattern_as_rdflib_does(ds, sample):
    view = dataset_view(ds)
    assert isinstance(view, DatasetView)
    for pattern in _patterns(sample):
        assert list(view.triples(pattern)) == list(ds.triples(pattern)), pattern
        assert (pattern in view) == (pattern in ds), pattern
        s, p, o = pattern
        assert list(view.objects(s, p)) == list(ds.objects(s, p)), pattern
        assert list(view.subjects(p, o)) == list(ds.subjects(p, o)), pattern
        if (s is None) + (p is None) + (o is None) == 1:
            assert view.value(s, p, o) == ds.value(s, p, o), pattern
    assert list(view.quads((None, RDF.type, CSTO.State, None))) == list(ds.quads((None, RDF.type, CSTO.State, None)))
    for s, p, o in sample:
        assert list(view.quads((s, None, None, None))) == list(ds.quads((s, None, None, None)))
        assert list(view.quads((None, p, o, None))) == list(ds.quads((None, p, o, None)))
    unit = next(ds.subjects(ORG.unitOf, None))
    assert list(view.transitive_objects(unit, ORG.unitOf)) == list(ds.transitive_objects(unit, ORG.unitOf))
    assert len(view) == len(ds)
    assert list(view.triples((None, None, None))) == list(ds.triples((None, None, None)))
    every = list(ds.quads((None, None, None, None)))  # what the build writes to dataset.nq, in rdflib's order
    assert len(every) > len(ds) and list(view.quads((None, None, None, None))) == every
    assert list(view.quads()) == list(ds.quads())


def test_named_graphs_answer_as_rdflib_does(ds, sample):
    view = dataset_view(ds)
    for gid in (ENTITIES_GRAPH, *sorted({g for _, _, _, g in ds.quads((None, RDF.type, CSTO.Claim, None))})[:3]):
        g, gv = ds.graph(gid), view.graph(gid)
        assert isinstance(gv, NamedGraphView) and gv.identifier == gid
        assert list(gv) == list(g)  # the same triples, in the same order
        assert len(gv) == len(g)
        for pattern in _patterns(sample):
            assert list(gv.triples(pattern)) == list(g.triples(pattern)), (gid, pattern)
            assert (pattern in gv) == (pattern in g), (gid, pattern)
            assert list(gv.objects(pattern[0], pattern[1])) == list(g.objects(pattern[0], pattern[1]))


def test_a_view_sees_triples_added_after_it_was_made(ds):
    view = dataset_view(ds)
    extra = ds.graph(URIRef("urn:x:graph"))
    s = URIRef("urn:x:late")
    extra.add((s, RDFS.label, Literal("late")))
    try:
        assert list(view.objects(s, RDFS.label)) == [Literal("late")]
        assert (s, None, None) in view.graph(URIRef("urn:x:graph"))
        assert list(view.quads((s, None, None, None))) == [(s, RDFS.label, Literal("late"), URIRef("urn:x:graph"))]
    finally:
        ds.remove_graph(extra)
    assert list(view.objects(s, RDFS.label)) == []


def test_graphs_the_indexes_would_misread_are_read_by_rdflib():
    """A formula's (quoted) triples are in the store but not in the union, and a graph sharing its store with
    other graphs holds a part of it: rdflib answers those itself."""
    ds = Dataset(default_union=True)
    ds.graph(URIRef("urn:x:g")).add((BNode(), RDF.type, CSTO.State))
    assert isinstance(dataset_view(ds), DatasetView)
    QuotedGraph(ds.store, URIRef("urn:x:formula")).add((BNode(), RDF.type, CSTO.State))
    assert dataset_view(ds) is ds
    assert dataset_view(Dataset()) is not None and not isinstance(dataset_view(Dataset()), DatasetView)
    shared = Dataset(default_union=True)
    shared.graph(URIRef("urn:x:a")).add((BNode(), RDF.type, CSTO.State))
    part = Graph(store=shared.store, identifier=URIRef("urn:x:a"))
    assert isinstance(union_view(part), UnionView)  # the store's only graph: all of it is the graph's
    shared.graph(URIRef("urn:x:b")).add((BNode(), RDF.type, CSTO.State))
    assert union_view(part) is part
    alone = Graph()
    alone.add((BNode(), RDF.type, CSTO.State))
    assert isinstance(union_view(alone), UnionView)
    assert list(union_view(alone).subjects(RDF.type, CSTO.State)) == list(alone.subjects(RDF.type, CSTO.State))
