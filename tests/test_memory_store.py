"""The loader's store (one dict per distinct set of graphs a triple is in) answers exactly as rdflib's own."""

from __future__ import annotations

import random

import pytest
from rdflib import Dataset, URIRef
from rdflib.plugins.stores.memory import Memory

from csto_kg.loader import load
from csto_kg.memory_store import SharedContextsMemory

EX = "urn:x-test:"
GRAPHS = [URIRef(f"{EX}g{i}") for i in range(5)]
TERMS = [URIRef(f"{EX}t{i}") for i in range(6)]


def _state(ds: Dataset) -> tuple:
    """Everything a reader can ask of the store, in the order rdflib gives it."""
    triples = list(ds.triples((None, None, None)))
    return (
        list(ds.quads((None, None, None, None))),
        [(t, [c.identifier for c in ds.contexts(t)]) for t in triples],
        [(g, list(ds.graph(g).triples((None, None, None)))) for g in GRAPHS],
        [(g, len(ds.graph(g))) for g in GRAPHS],
    )


def _operations(rng: random.Random, n: int):
    for _ in range(n):
        triple = tuple(rng.choice(TERMS) for _ in range(3))
        graph = rng.choice(GRAPHS)
        kind = rng.random()
        if kind < 0.70:
            yield "add", triple, graph
        elif kind < 0.85:
            yield "remove", triple, graph
        elif kind < 0.95:
            yield "remove everywhere", (triple[0], None, None), None
        else:
            yield "remove graph", None, graph


@pytest.mark.parametrize("seed", range(6))
def test_random_adds_and_removes_leave_both_stores_alike(seed):
    """Adds of triples other graphs already hold (where rdflib changed a dict in place), removals from one graph,
    from all, and of whole graphs: after every step, every quad, every triple's graphs in order, every graph."""
    plain, shared = Dataset(store=Memory()), Dataset(store=SharedContextsMemory())
    for step, (op, triple, graph) in enumerate(_operations(random.Random(seed), 400)):
        for ds in (plain, shared):
            if op == "add":
                ds.graph(graph).add(triple)
            elif op == "remove":
                ds.graph(graph).remove(triple)
            elif op == "remove everywhere":
                ds.remove(triple)
            else:
                ds.remove_graph(ds.graph(graph))
        assert _state(shared) == _state(plain), f"seed {seed}, step {step}: {op} {triple} {graph}"


def test_the_loaded_graph_keeps_one_dict_per_set_of_graphs():
    """The loader uses the store, and the curated graph's triples share their graphs' dicts."""
    store = load().dataset.store
    assert isinstance(store, SharedContextsMemory)
    by_triple = store._Memory__tripleContexts
    dicts = {id(d) for d in by_triple.values()}
    sets = {tuple(d.items()) for d in by_triple.values()}
    assert len(by_triple) > 10_000
    assert len(dicts) == len(sets) < 1_000
