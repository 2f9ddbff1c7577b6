"""From ``Accept`` (with q-values) or a ``format`` parameter to a serialisation, per kind of result.

SPARQL 1.1 Protocol, query success (https://www.w3.org/TR/sparql11-protocol/#query-success):
SELECT and ASK answer in a query results format (JSON, XML, CSV, TSV),
CONSTRUCT and DESCRIBE in an RDF format (Turtle, N-Triples, JSON-LD, RDF/XML,
and TriG / N-Quads for clients that ask for quads). The ``format`` parameter,
when given, overrides ``Accept``; it takes a short name (``json``, ``csv``,
``ttl``, ``jsonld``, …) or a media type, and may be repeated (SPARQLWrapper
sends ``format=tsv&format=text/tab-separated-values``): the first value that
names a format of the right kind wins. ``json`` and ``xml`` mean SPARQL
results for SELECT/ASK and JSON-LD / RDF/XML for CONSTRUCT/DESCRIBE.
Nothing acceptable: :class:`NotAcceptable` (406).
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept

__all__ = ["Format", "RESULTS", "GRAPHS", "NotAcceptable", "choose", "content_type", "family_of", "BY_KEY"]


@dataclass(frozen=True)
class Format:
    key: str                      # a key of csto_kg.query.RESULT_FORMATS / GRAPH_FORMATS
    media_type: str               # what the response says it is
    names: tuple[str, ...] = ()   # ``format=`` short names
    also: tuple[str, ...] = ()    # other media types a client may ask for
    label: str = ""
    iri: str = ""                 # http://www.w3.org/ns/formats/ (service descriptions)


_F = "http://www.w3.org/ns/formats/"
RESULTS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", ("json", "srj"), ("application/json",), "SPARQL JSON", _F + "SPARQL_Results_JSON"),
    Format("xml", "application/sparql-results+xml", ("xml", "srx"), ("application/xml", "text/xml"), "SPARQL XML", _F + "SPARQL_Results_XML"),
    Format("csv", "text/csv", ("csv",), (), "CSV", _F + "SPARQL_Results_CSV"),
    Format("tsv", "text/tab-separated-values", ("tsv",), (), "TSV", _F + "SPARQL_Results_TSV"),
)
GRAPHS: tuple[Format, ...] = (
    Format("ttl", "text/turtle", ("ttl", "turtle", "n3"), ("application/x-turtle", "application/turtle", "text/n3"), "Turtle", _F + "Turtle"),
    Format("nt", "application/n-triples", ("nt", "ntriples", "n-triples"), ("text/plain",), "N-Triples", _F + "N-Triples"),
    Format("jsonld", "application/ld+json", ("jsonld", "json-ld", "json"), ("application/json", "application/x-json+ld"), "JSON-LD", _F + "JSON-LD"),
    Format("rdfxml", "application/rdf+xml", ("rdfxml", "rdf", "rdf+xml", "xml"), ("application/xml", "text/xml"), "RDF/XML", _F + "RDF_XML"),
    Format("trig", "application/trig", ("trig",), (), "TriG", _F + "TriG"),
    Format("nq", "application/n-quads", ("nq", "nquads", "n-quads"), (), "N-Quads", _F + "N-Quads"),
)
BY_KEY = {f.key: f for f in RESULTS + GRAPHS}


class NotAcceptable(Exception):
    def __init__(self, offered: tuple[Format, ...]):
        self.offered = offered
        super().__init__("no acceptable format; this response is available as " + ", ".join(
            f"{f.media_type} (format={f.names[0]})" for f in offered))


def family_of(operation: str | None) -> tuple[Format, ...] | None:
    """The formats of a query form's results (``None`` for an unknown form)."""
    if operation in ("SELECT", "ASK"):
        return RESULTS
    if operation in ("CONSTRUCT", "DESCRIBE"):
        return GRAPHS
    return None


def _by_format_param(table: tuple[Format, ...], values: list[str]) -> Format | None:
    for value in values:
        v = value.strip().lower()
        if not v:
            continue
        for f in table:
            if v in f.names or v == f.media_type or v in f.also:
                return f
    return None


def choose(table: tuple[Format, ...], accept: MIMEAccept, format_values: list[str] | None = None) -> Format:
    """The format of ``table`` the request asks for: ``format=`` first, then ``Accept`` (q-values), else the first."""
    values = [v for v in (format_values or []) if v.strip()]
    if values:
        f = _by_format_param(table, values)
        if f is None:
            raise NotAcceptable(table)
        return f
    if not accept:  # no Accept header: the default
        return table[0]
    offers = [f.media_type for f in table] + [m for f in table for m in f.also]
    best = accept.best_match(offers)
    if best is None:
        raise NotAcceptable(table)
    return next(f for f in table if best == f.media_type or best in f.also)


def content_type(f: Format) -> str:
    return f.media_type + ("; charset=utf-8" if f.media_type.startswith("text/") else "")
