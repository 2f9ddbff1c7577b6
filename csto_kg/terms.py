"""rdflib <-> pyoxigraph terms, converted once each (the build moves millions of quads between the two).

rdflib holds what the Python checks read; Oxigraph parses, stores, queries and
serialises. Each direction keeps a cache: IRIs and the short literals of a
graph repeat far more often than they differ. Oxigraph's parser and
serialiser keep a literal's lexical form, and so does this conversion; an
Oxigraph *store* canonicalises (``"1.50"^^xsd:decimal`` is stored as
``1.5``), and so does rdflib's ``Literal`` for some datatypes of its own
(``"04"^^xsd:integer`` becomes ``4`` as it is made, in either direction).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .namespaces import canonical

__all__ = ["Terms", "NotRdf11", "to_ox", "from_ox"]

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


class NotRdf11(ValueError):
    """A term rdflib's model has no place for (an RDF 1.2 triple term)."""


class Terms:
    """Two caches: ``rdflib(ox_term)`` and ``ox(rdflib_term)``."""

    def __init__(self) -> None:
        self._to_rdflib: dict = {}
        self._to_ox: dict = {}

    def rdflib(self, t):
        r = self._to_rdflib.get(t)
        if r is None:
            # a vocabulary IRI is the code's own constant (namespaces.canonical): look-ups by identity
            r = (canonical(t.value) if isinstance(t, ox.NamedNode) else None) or from_ox(t)
            self._to_rdflib[t] = r
        return r

    def ox(self, t):
        o = self._to_ox.get(t)
        if o is None:
            o = self._to_ox[t] = to_ox(t)
        return o

    def literals(self) -> dict:
        """Every rdflib literal :meth:`ox` converted, and its Oxigraph term."""
        return {t: o for t, o in self._to_ox.items() if isinstance(t, Literal)}

    def rdflib_quad(self, q: ox.Quad) -> tuple:
        """(s, p, o) of ``q`` as rdflib terms."""
        conv = self.rdflib
        return conv(q.subject), conv(q.predicate), conv(q.object)

    def ox_quad(self, s, p, o, g) -> ox.Quad:
        conv = self.ox
        return ox.Quad(conv(s), conv(p), conv(o), conv(g) if g is not None else ox.DefaultGraph())


def from_ox(t):
    """A pyoxigraph term as rdflib writes it when it parses Turtle (``"x"``, not ``"x"^^xsd:string``)."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    raise NotRdf11(f"{t} is not an RDF 1.1 term")


def to_ox(t):
    """An rdflib term as a pyoxigraph term, its lexical form kept."""
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype or _XSD_STRING)))
    raise NotRdf11(f"{t!r} is not an RDF term")
