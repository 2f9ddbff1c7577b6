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


@pytest.mark.parametrize("seed", range(6))
def test_adds_in_runs_through_addn_leave_the_store_rdflibs_adds_leave(seed):
    """The loader adds through ``addN``, one loop over runs of quads (in one graph, then another, then the first
    again, triples other graphs or this one already hold, some twice in a run), between removals: after every
    step the store answers as rdflib's own store given the same quads one ``add`` at a time."""
    rng = random.Random(seed)
    plain, shared = Dataset(store=Memory()), Dataset(store=SharedContextsMemory())
    for step in range(120):
        if rng.random() < 0.8:
            quads = []
            for _ in range(rng.randint(1, 4)):  # runs of one graph's quads
                graph = rng.choice(GRAPHS)
                quads += [(*(rng.choice(TERMS) for _ in range(3)), graph) for _ in range(rng.randint(1, 12))]
            for s, p, o, g in quads:
                plain.graph(g).add((s, p, o))
            shared.store.addN((s, p, o, shared.graph(g)) for s, p, o, g in quads)
            what = f"addN of {len(quads)} quads"
        else:
            triple, graph = tuple(rng.choice(TERMS) for _ in range(3)), rng.choice(GRAPHS)
            for ds in (plain, shared):
                ds.graph(graph).remove((triple[0], None, None))
            what = f"remove {triple[0]} from {graph}"
        assert _state(shared) == _state(plain), f"seed {seed}, step {step}: {what}"
        assert shared.store._Memory__tripleContexts == plain.store._Memory__tripleContexts, (seed, step)


def test_addn_leaves_events_to_rdflib_when_something_listens():
    """A store whose add events someone listens to (rdflib's ``Dispatcher``) gets them, one per quad added."""
    from rdflib.store import TripleAddedEvent

    shared = Dataset(store=SharedContextsMemory())
    heard = []
    shared.store.dispatcher.subscribe(TripleAddedEvent, heard.append)
    g = shared.graph(GRAPHS[0])
    shared.store.addN([(TERMS[0], TERMS[1], TERMS[2], g), (TERMS[1], TERMS[1], TERMS[2], g)])
    assert [e.triple for e in heard] == [(TERMS[0], TERMS[1], TERMS[2]), (TERMS[1], TERMS[1], TERMS[2])]
    assert len(shared.graph(GRAPHS[0])) == 2


def test_the_loaded_graph_keeps_one_dict_per_set_of_graphs():
    """The loader uses the store, and the curated graph's triples share their graphs' dicts."""
    store = load().dataset.store
    assert isinstance(store, SharedContextsMemory)
    by_triple = store._Memory__tripleContexts
    dicts = {id(d) for d in by_triple.values()}
    sets = {tuple(d.items()) for d in by_triple.values()}
    assert len(by_triple) > 10_000
    assert len(dicts) == len(sets) < 1_000
