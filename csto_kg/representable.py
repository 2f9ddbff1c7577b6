"""Can a graph be written in the format asked for? Refused with a reason (406) rather than written wrong.

Oxigraph's serialisers either fail or write malformed output for some graphs:

- **JSON-LD** has no way to write an RDF 1.2 triple term (``<<( s p o )>>``,
  which the reifier form ``<< s p o >>`` also makes): Oxigraph raises
  "JSON-LD does not support RDF 1.2 yet";
- **RDF/XML** writes a predicate as an XML qualified name, so its IRI must
  end in an XML name (``http://ex/p``: namespace ``http://ex/``, local name
  ``p``). ``http://ex/1`` or ``http://ex/`` end in none: Oxigraph then writes an
  element with an empty local name (``<oxprefix:>``), which is not XML.

:func:`check_graph` finds either before anything is serialised and raises
:class:`NotRepresentable`, naming the formats that can carry the result, as
:func:`csto_kg.query.xml_safe` does for characters XML cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from .errors import UserError

__all__ = ["NotRepresentable", "check_graph", "rdfxml_can_write_predicate", "formats_but"]


class NotRepresentable(UserError):
    """A result holds something the requested format cannot carry (answered with 406)."""


_GRAPH_FORMATS = ("Turtle", "N-Triples", "JSON-LD", "RDF/XML", "TriG", "N-Quads")

# XML 1.0 (fifth edition) NameStartChar and NameChar, without the colon (an NCName's characters).
_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME = _START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
# The longest tail of an IRI made of name characters: the local name an RDF/XML writer splits off starts at its
# first name-start character (none: there is no local name, and no element can be written).
_TAIL = re.compile(f"[{_NAME}]*\\Z")
_HAS_START = re.compile(f"[{_START}]")


def formats_but(*excluded: str) -> str:
    """The graph formats other than ``excluded``, for a message: "Turtle, N-Triples, TriG or N-Quads"."""
    kept = [f for f in _GRAPH_FORMATS if f not in excluded]
    return ", ".join(kept[:-1]) + " or " + kept[-1]


def rdfxml_can_write_predicate(iri: str) -> bool:
    """Does ``iri`` end in an XML name, so RDF/XML can write it as a namespace and a local name?"""
    return bool(_HAS_START.search(_TAIL.search(iri).group()))


def _triple_terms(t) -> bool:
    return isinstance(t.subject, ox.Triple) or isinstance(t.object, ox.Triple)


def check_graph(triples: Iterable, fmt) -> None:
    """Raise :class:`NotRepresentable` if ``fmt`` (an ``ox.RdfFormat``) cannot write ``triples`` (triples or quads)."""
    if fmt == ox.RdfFormat.JSON_LD:
        if any(_triple_terms(t) for t in triples):
            raise NotRepresentable(
                "the result holds an RDF 1.2 triple term, which JSON-LD cannot carry; "
                f"ask for it as {formats_but('JSON-LD')}"
            )
    elif fmt == ox.RdfFormat.RDF_XML:
        for t in triples:
            for p in _predicates(t):
                if not rdfxml_can_write_predicate(p.value):
                    raise NotRepresentable(
                        f"the result uses the predicate <{p.value}>, which RDF/XML cannot write (its IRI does not "
                        f"end in an XML name); ask for it as {formats_but('RDF/XML')}"
                    )


def _predicates(t):
    yield t.predicate
    for term in (t.subject, t.object):  # a triple term's own predicate is written as an element too
        if isinstance(term, ox.Triple):
            yield from _predicates(term)
