"""The one registry of the formats this project writes: query results and RDF, with their names and media types.

Used by the query runner (:mod:`.query`), the exports (:mod:`.export`), the
endpoint's content negotiation (``server/negotiation.py``), the service
description and the linked-data pages (``server/rdf_formats.py``). A format's
``key`` is what travels between them; ``names`` are the ``format=`` values a
client may use (``rdf`` and ``rdfxml`` both name RDF/XML), ``also`` the other
media types it may ask for.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["Format", "RESULTS", "GRAPHS", "BY_KEY"]

_F = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    key: str  # the project's name for it
    media_type: str  # what a response says it is
    ox: ox.RdfFormat | ox.QueryResultsFormat  # Oxigraph's serialiser
    names: tuple[str, ...] = ()  # ``format=`` short names
    also: tuple[str, ...] = ()  # other media types a client may ask for
    label: str = ""
    iri: str = ""  # http://www.w3.org/ns/formats/ (service descriptions)

    @property
    def name(self) -> str:
        return self.label

    @property
    def ox_format(self):
        return self.ox

    @property
    def quads(self) -> bool:
        """Does it carry named graphs (TriG, N-Quads)?"""
        return self.key in ("trig", "nq")


RESULTS: tuple[Format, ...] = (
    Format(
        "json",
        "application/sparql-results+json",
        ox.QueryResultsFormat.JSON,
        ("json", "srj"),
        ("application/json",),
        "SPARQL JSON",
        _F + "SPARQL_Results_JSON",
    ),
    Format(
        "xml",
        "application/sparql-results+xml",
        ox.QueryResultsFormat.XML,
        ("xml", "srx"),
        ("application/xml", "text/xml"),
        "SPARQL XML",
        _F + "SPARQL_Results_XML",
    ),
    Format("csv", "text/csv", ox.QueryResultsFormat.CSV, ("csv",), (), "CSV", _F + "SPARQL_Results_CSV"),
    Format(
        "tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV, ("tsv",), (), "TSV", _F + "SPARQL_Results_TSV"
    ),
)
GRAPHS: tuple[Format, ...] = (
    Format(
        "ttl",
        "text/turtle",
        ox.RdfFormat.TURTLE,
        ("ttl", "turtle", "n3"),
        ("application/x-turtle", "application/turtle", "text/n3"),
        "Turtle",
        _F + "Turtle",
    ),
    Format(
        "nt",
        "application/n-triples",
        ox.RdfFormat.N_TRIPLES,
        ("nt", "ntriples", "n-triples"),
        ("text/plain",),
        "N-Triples",
        _F + "N-Triples",
    ),
    Format(
        "jsonld",
        "application/ld+json",
        ox.RdfFormat.JSON_LD,
        ("jsonld", "json-ld", "json"),
        ("application/json", "application/x-json+ld"),
        "JSON-LD",
        _F + "JSON-LD",
    ),
    Format(
        "rdfxml",
        "application/rdf+xml",
        ox.RdfFormat.RDF_XML,
        ("rdfxml", "rdf", "rdf+xml", "xml"),
        ("application/xml", "text/xml"),
        "RDF/XML",
        _F + "RDF_XML",
    ),
    Format("trig", "application/trig", ox.RdfFormat.TRIG, ("trig",), (), "TriG (with named graphs)", _F + "TriG"),
    Format(
        "nq",
        "application/n-quads",
        ox.RdfFormat.N_QUADS,
        ("nq", "nquads", "n-quads"),
        (),
        "N-Quads (with named graphs)",
        _F + "N-Quads",
    ),
)
BY_KEY: dict[str, Format] = {f.key: f for f in RESULTS + GRAPHS}
