"""What an Oxigraph store changes of an rdflib graph's literals, and SPARQL terms (for shacl_store).

The term conversions themselves are :mod:`csto_kg.terms` (one place for the loader, the writer and SHACL).

Oxigraph stores numeric, boolean and date literals canonically and language
tags in lower case: ``"04"^^xsd:nonNegativeInteger`` becomes ``"4"^^xsd:integer``,
``"-1"^^xsd:nonNegativeInteger`` a valid ``"-1"^^xsd:integer``, ``"x"^^xsd:string``
the same term as ``"x"``. :func:`store_from_graph` loads an rdflib graph and
records those changes in a :class:`Fidelity` (:func:`fidelity` does the same for a
store the build loaded from the N-Quads it wrote of the graph): a stored term that comes from
exactly one original maps back to it, and the predicates carrying a value whose
meaning or count changed are named (the shapes reading them run in pySHACL).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from ..indexed_graph import union_view
from ..terms import from_ox, to_ox

__all__ = [
    "Fidelity",
    "Unsupported",
    "fidelity",
    "graph_from_store",
    "sparql_term",
    "store_from_graph",
    "term_key",
]


class Unsupported(Exception):
    """A construct the SHACL compiler does not compile: the shape runs in pySHACL."""


def term_key(o) -> tuple:
    """A hashable key of a stored term (pyoxigraph terms hash, but keys keep the altered-literal map small)."""
    return (
        type(o).__name__,
        o.value,
        getattr(o, "language", None),
        getattr(getattr(o, "datatype", None), "value", None),
    )


@dataclass
class Fidelity:
    """What the store altered of the rdflib graph it was built from (see the module doc)."""

    back: dict = field(default_factory=dict)  # stored term key -> the one original rdflib literal
    predicates: set = field(default_factory=set)  # predicates with a value whose meaning or count the store changed
    altered: int = 0

    def rdflib(self, o):
        t = self.back.get(term_key(o)) if self.back and isinstance(o, ox.Literal) else None
        return t if t is not None else from_ox(o)


def store_from_graph(graph: Graph) -> tuple[ox.Store, Fidelity]:
    """An in-memory store holding ``graph`` in its default graph, and what the store altered of its literals."""
    store = ox.Store()
    literals: dict = {}
    nodes: dict = {}  # IRI or blank node -> its Oxigraph term: each made once, not once per occurrence

    def conv(t):
        o = nodes.get(t)
        if o is None:
            if isinstance(t, Literal):
                o = literals.get(t)
                if o is None:
                    o = literals[t] = to_ox(t)
                return o
            o = nodes[t] = ox.NamedNode(str(t)) if isinstance(t, URIRef) else ox.BlankNode(str(t))
        return o

    # read through the store's own set of triples: rdflib's Memory.triples makes each triple's contexts (20.8 ->
    # 15.2 ms for a shape fixture's union of ~4,400 triples)
    store.extend(ox.Quad(conv(s), conv(p), conv(o)) for s, p, o in union_view(graph).triples((None, None, None)))
    return store, fidelity(graph, literals)


def fidelity(graph: Graph, literals: dict) -> Fidelity:
    """What a store holding ``graph`` altered of its literals.

    ``literals``: every literal of ``graph``, mapped to the Oxigraph term it was stored as (written as, for a
    store loaded from a file Oxigraph wrote). Each literal the store may rewrite goes through a scratch store,
    and the changes are recorded.
    """
    fid = Fidelity()
    suspects = [
        lit for lit in literals if lit.datatype is not None or (lit.language and lit.language != lit.language.lower())
    ]
    if not suspects:
        return fid
    scratch = ox.Store()
    p = ox.NamedNode("urn:p")
    scratch.extend(ox.Quad(ox.NamedNode(f"urn:l:{i}"), p, literals[lit]) for i, lit in enumerate(suspects))
    originals = defaultdict(set)
    changed = set()  # originals whose meaning (not only the spelling xsd:string) changed
    for q in scratch:
        lit = suspects[int(q.subject.value[6:])]
        back = from_ox(q.object)
        if back != lit:
            originals[term_key(q.object)].add(lit)
            if not (lit.datatype == XSD.string and back == Literal(str(lit))):
                changed.add(lit)
    plain_present = {term_key(ox_lit) for lit, ox_lit in literals.items() if lit.datatype is None}
    bad: set = set(changed)
    for k, lits in originals.items():
        if len(lits) == 1 and k not in plain_present and not (lits & changed):
            fid.back[k] = next(iter(lits))
        else:
            bad |= lits
    fid.altered = sum(len(v) for v in originals.values())
    for lit in bad:
        fid.predicates.update(graph.predicates(None, lit))
    return fid


def sparql_term(t) -> str:
    """An rdflib IRI or literal written in a query (blank nodes cannot be: the caller avoids them)."""
    if isinstance(t, BNode):
        raise Unsupported("a blank node as a constant")
    return str(to_ox(t))


def graph_from_store(store: ox.Store) -> Graph:
    """The store's default graph as an rdflib graph (for pySHACL on the shapes this module does not compile)."""
    g = Graph()
    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g
