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
"""

from __future__ import annotations

import owlrl
from rdflib import Graph, Literal

from .derive import derive
from .namespaces import OWL, RDF, RDFS

__all__ = ["infer"]

_REFLEXIVE_NOISE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf}


def _informative(s, p, o) -> bool:
    if isinstance(s, Literal):
        return False
    if s == o and p in _REFLEXIVE_NOISE:
        return False
    if p == RDF.type and o == OWL.Thing:
        return False
    return True


def infer(asserted: Graph) -> Graph:
    """Derived triples and OWL RL entailments of ``asserted`` that it does not already hold."""
    derived = derive(asserted)
    closure = Graph()
    for t in asserted:
        closure.add(t)
    for t in derived:
        closure.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    inferred = Graph()
    for t in closure:
        if t not in asserted and _informative(*t):
            inferred.add(t)
    return inferred
