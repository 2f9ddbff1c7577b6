"""RDF formats of the linked-data descriptions, and choosing one for a request: a view of the one registry.

Content negotiation is *direct* (no 303): the IRI ``/id/armenia`` answers
``200`` with HTML for a browser and with the description in the requested
RDF format for an RDF client, always with ``Vary: Accept`` and ``Link``
headers naming the alternates. ``?format=`` overrides the ``Accept`` header
(``html``, or any name of an RDF format of :mod:`csto_kg.formats`: ``ttl``,
``nt``, ``jsonld``, ``rdfxml`` (or ``rdf``), ``trig``, ``nq``). The formats,
the choice and its errors are those of the endpoint (:mod:`.negotiation`).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Request

from csto_kg.formats import GRAPHS, Format

from .negotiation import HTML, ConflictingFormats, NotAcceptable, UnknownFormat
from .negotiation import choose as _choose

__all__ = [
    "RdfFormat",
    "FORMATS",
    "HTML",
    "choose",
    "UnknownFormat",
    "NotAcceptable",
    "ConflictingFormats",
    "Alternate",
    "alternates",
]

RdfFormat = Format
FORMATS: dict[str, Format] = {f.key: f for f in GRAPHS}


def choose(request: Request) -> str:
    """``"html"`` or a key of :data:`FORMATS` for this request."""
    got = _choose(GRAPHS, request.accept_mimetypes, request.args.getlist("format"), html=True)
    return got if got == HTML else got.key


@dataclass(frozen=True)
class Alternate:
    """A ``<link rel="alternate">`` of a page."""

    href: str
    media_type: str
    name: str


def alternates(path: str) -> list[Alternate]:
    """Every RDF alternate of the resource page at ``path``."""
    return [Alternate(f"{path}?format={f.key}", f.media_type, f.name) for f in FORMATS.values()]
