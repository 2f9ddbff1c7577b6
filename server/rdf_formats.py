"""RDF formats of the linked-data descriptions, and choosing one for a request.

Content negotiation is *direct* (no 303): the IRI ``/id/armenia`` answers
``200`` with HTML for a browser and with the description in the requested
RDF format for an RDF client, always with ``Vary: Accept`` and ``Link``
headers naming the alternates. ``?format=`` overrides the ``Accept`` header
(``html``, ``ttl``, ``nt``, ``jsonld``, ``rdf``, ``trig``, ``nq``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Request

__all__ = ["RdfFormat", "FORMATS", "HTML", "choose", "UnknownFormat", "NotAcceptable", "Alternate", "alternates"]


@dataclass(frozen=True)
class RdfFormat:
    key: str             # the ?format= value
    media_type: str      # what the response says it is
    ox_format: ox.RdfFormat
    name: str            # for humans
    also: tuple[str, ...] = ()   # other media types a client may ask for
    aliases: tuple[str, ...] = ()


FORMATS: dict[str, RdfFormat] = {f.key: f for f in (
    RdfFormat("ttl", "text/turtle", ox.RdfFormat.TURTLE, "Turtle", ("application/x-turtle",), ("turtle",)),
    RdfFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "N-Triples", (), ("ntriples", "n-triples")),
    RdfFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "JSON-LD", ("application/json",), ("json-ld", "json")),
    RdfFormat("rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML, "RDF/XML", ("application/xml", "text/xml"), ("xml", "rdfxml")),
    RdfFormat("trig", "application/trig", ox.RdfFormat.TRIG, "TriG (with named graphs)"),
    RdfFormat("nq", "application/n-quads", ox.RdfFormat.N_QUADS, "N-Quads (with named graphs)", (), ("nquads", "n-quads")),
)}
HTML = "html"
_BY_ALIAS = {alias: f.key for f in FORMATS.values() for alias in (f.key, *f.aliases)}
# Media types offered, HTML first so that "*/*" (and browsers) get HTML.
_OFFERS = [("text/html", HTML), ("application/xhtml+xml", HTML)] + [
    (mt, f.key) for f in FORMATS.values() for mt in (f.media_type, *f.also)
]


class UnknownFormat(ValueError):
    """``?format=`` names no format this server writes (answered with 400)."""


class NotAcceptable(ValueError):
    """The Accept header allows no format this server writes (answered with 406)."""


def choose(request: Request) -> str:
    """``"html"`` or a key of :data:`FORMATS` for this request."""
    asked = request.args.get("format")
    if asked is not None:
        key = asked.strip().lower()
        if key == HTML:
            return HTML
        if key in _BY_ALIAS:
            return _BY_ALIAS[key]
        raise UnknownFormat(f"unknown format {asked!r}; use one of: html, {', '.join(FORMATS)}")
    if not request.accept_mimetypes:      # no Accept header: a browser-like default
        return HTML
    best = request.accept_mimetypes.best_match([mt for mt, _ in _OFFERS])
    if best is None:
        raise NotAcceptable("acceptable: text/html, " + ", ".join(f.media_type for f in FORMATS.values()))
    return dict(_OFFERS)[best]


@dataclass(frozen=True)
class Alternate:
    """A ``<link rel="alternate">`` of a page."""
    href: str
    media_type: str
    name: str


def alternates(path: str) -> list[Alternate]:
    """Every RDF alternate of the resource page at ``path``."""
    return [Alternate(f"{path}?format={f.key}", f.media_type, f.name) for f in FORMATS.values()]
