"""OWL 2 RL entailments (owlrl) plus the project's derivation rules.

The inferred graph is what the closure adds to the asserted triples, minus
what carries no information or is not RDF at all:

- triples with a literal subject (owlrl produces them; RDF forbids them);
- reflexive ``owl:sameAs``, ``owl:equivalentClass``, ``owl:equivalentProperty``,
  ``rdfs:subClassOf`` and ``rdfs:subPropertyOf`` (``x owl:sameAs x``);
- ``rdf:type owl:Thing`` (everything is one).

Entailment regime, as the service description names it: OWL 2 RL
(``http://www.w3.org/ns/entailment/OWL-RDF-Based`` restricted to the RL rules)
plus the derivations of :mod:`csto_kg.derive`.

Two reasoners compute it. ``fast`` (the default) is :mod:`csto_kg.materialise`,
linear and ~100x faster than owlrl, for the OWL RL fragment the ontology uses;
given anything outside that fragment it falls back to owlrl by itself.
``owlrl`` is the reference (``csto-kg build --reasoner owlrl``). Both give the
same inferred graph (``tests/test_reasoner_equivalence.py`` checks it).
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib import term as rdflib_term
from rdflib.plugins.stores.memory import Memory

from .derive import derive
from .heap import without_collector
from .indexed_graph import add_triples, union_view
from .namespaces import OWL, RDF, RDFS

__all__ = ["infer", "infer_into", "inferred_triples", "REASONERS"]

REASONERS = ("fast", "owlrl")
log = logging.getLogger(__name__)

_REFLEXIVE_NOISE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf}


def _informative(s, p, o) -> bool:
    if isinstance(s, Literal):
        return False
    if s == o and p in _REFLEXIVE_NOISE:
        return False
    if p == RDF.type and o == OWL.Thing:
        return False
    return True


def infer(asserted: Graph, reasoner: str | None = None) -> Graph:
    """Derived triples and OWL RL entailments of ``asserted`` that it does not already hold.

    ``asserted`` may be a Graph or a ``Dataset(default_union=True)``: then the
    union of its named graphs is read in place, without a copy.

    ``reasoner`` is ``"fast"`` or ``"owlrl"``; by default ``$CSTO_KG_REASONER`` or ``"fast"``.
    """
    inferred = Graph()
    add = inferred.add
    for t in inferred_triples(asserted, reasoner):
        add(t)
    return inferred


def infer_into(dataset: Dataset, graph: URIRef, reasoner: str | None = None) -> Graph:
    """:func:`infer` over the union of ``dataset``'s graphs, its triples added to the dataset's graph ``graph``,
    which is returned: the same triples as ``infer``'s graph, without building that graph first (an rdflib
    memory store of its own, indexed three ways, then copied into the dataset's: the build did both)."""
    found = inferred_triples(dataset, reasoner)  # all of them before any is added: the checks read the dataset
    target = dataset.graph(graph)
    add_triples(dataset, target, found)
    return target


@without_collector
def inferred_triples(asserted: Graph, reasoner: str | None = None) -> list:
    """What :func:`infer` holds, as a list of distinct triples."""
    reasoner = reasoner or os.environ.get("CSTO_KG_REASONER") or "fast"
    if reasoner not in REASONERS:
        raise ValueError(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    derived = derive(asserted)
    try:
        if reasoner == "fast":
            from .materialise import Unsupported, closure, error_triples

            try:
                new, errors = closure(_chain(asserted, derived))
            except Unsupported as e:
                log.warning("fast reasoner: %s; falling back to owlrl", e)
            else:
                # derived (a graph), new (a set, disjoint from its input: asserted + derived) and the error
                # messages (fresh blank nodes) hold no triple twice, and none holds another's
                out = [
                    t for t in union_view(derived).triples((None, None, None)) if t not in asserted and _informative(*t)
                ]
                out += [t for t in new if _informative(*t)]
                out += error_triples(errors)
                return out
        return list(_infer_owlrl(asserted, derived))
    finally:
        _unlink(derived)


def _unlink(graph: Graph) -> None:
    """Drop what rdflib's memory store keeps of ``graph``, its own graph (each context it was given), so that
    reference counting frees the two: the cycle kept the derived graph and its indexes for the collector, which the
    build keeps off while it infers and leaves frozen until after the rules (1e6: 174 k objects, ~25 MB)."""
    store = graph.store
    if isinstance(store, Memory):
        store._Memory__all_contexts.discard(graph)
        store._Memory__context_obj_map.clear()


def _chain(*graphs: Graph):
    for g in graphs:  # triples(), not iter(): a Dataset (the union of its graphs, no copy) iterates quads
        yield from union_view(g).triples((None, None, None))  # rdflib's triples, read from its store's indexes


@contextmanager
def _rdflib_conversions_kept():
    """owlrl swaps rdflib's lexical-to-value converters for its own while it runs and, on the way out, puts back
    only those rdflib itself has: its stricter ``gYear``, ``gYearMonth``, ``gMonthDay``... stay, process-wide, so
    that afterwards ``"-0044"^^xsd:gYear`` is ill-typed for rdflib and the loader would refuse a valid file. The
    mapping is restored exactly as it was."""
    saved = dict(rdflib_term._toPythonMapping)
    try:
        yield
    finally:
        rdflib_term._toPythonMapping.clear()
        rdflib_term._toPythonMapping.update(saved)


def _infer_owlrl(asserted: Graph, derived: Graph) -> Graph:
    import owlrl

    closure = Graph()
    for t in _chain(asserted, derived):
        closure.add(t)
    with _rdflib_conversions_kept():
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    inferred = Graph()
    for t in closure:
        if t not in asserted and _informative(*t):
            inferred.add(t)
    return inferred
