"""``reason.infer_into``: the build's inference adds to the dataset's graph:inferred exactly what ``infer`` returns.

The build and ``csto-kg validate`` no longer build ``infer``'s graph and copy it into the dataset: ``infer_into``
adds the inferred triples to the dataset's own graph. Compared here with ``infer`` (itself compared with owlrl in
``test_reasoner_equivalence.py``) on the curated graph, with the other graphs left as loaded. (Both share the reasoner, ``reason.inferred_triples``:
what this checks is the adding: all of it, once, into graph:inferred and nowhere else.)
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode

from csto_kg.loader import load
from csto_kg.namespaces import INFERRED_GRAPH
from csto_kg.reason import infer, infer_into

ROOT = Path(__file__).resolve().parent.parent


def _masked(triples) -> set:
    """Triples with blank nodes (owlrl's error messages: fresh ones per run) masked."""
    return {tuple("_:b" if isinstance(t, BNode) else t for t in triple) for triple in triples}


def test_infer_into_adds_what_infer_returns():
    data = load(ROOT)
    ds = data.dataset
    before = {g.identifier: len(g) for g in ds.graphs()}
    expected = infer(ds)
    assert len(expected) > 1000  # the curated graph has inferences: the comparison below is not of two empties

    graph = infer_into(ds, INFERRED_GRAPH)

    assert graph.identifier == INFERRED_GRAPH
    held = set(ds.graph(INFERRED_GRAPH))
    assert len(held) == len(expected) == len(graph)
    assert _masked(held) == _masked(expected)
    after = {g.identifier: len(g) for g in ds.graphs() if g.identifier != INFERRED_GRAPH}
    assert after == {g: n for g, n in before.items() if g != INFERRED_GRAPH}  # nothing else touched
