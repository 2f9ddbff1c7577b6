"""From ``Accept`` (with q-values) or a ``format`` parameter to a serialisation, per kind of result.

SPARQL 1.1 Protocol, query success (https://www.w3.org/TR/sparql11-protocol/#query-success):
SELECT and ASK answer in a query results format (JSON, XML, CSV, TSV),
CONSTRUCT and DESCRIBE in an RDF format (Turtle, N-Triples, JSON-LD, RDF/XML,
and TriG / N-Quads for clients that ask for quads). The ``format`` parameter,
when given, overrides ``Accept``; it takes a short name (``json``, ``csv``,
``ttl``, ``jsonld``, …) or a media type, and may be repeated (SPARQLWrapper
sends ``format=tsv&format=text/tab-separated-values``): a value naming no format
of the right kind is passed over, and values naming two different formats are
refused (:class:`ConflictingFormats`, 400) rather than one taken at random. ``json`` and ``xml`` mean SPARQL
results for SELECT/ASK and JSON-LD / RDF/XML for CONSTRUCT/DESCRIBE.
Nothing acceptable: :class:`NotAcceptable` (406).

Media-type parameters in ``Accept`` (``text/csv; charset=utf-8``,
``application/ld+json; profile="…"``) do not stop a match: Werkzeug's
``MIMEAccept`` matches a range only with exactly its parameters, so
:func:`by_type` reduces each range to its type/subtype, keeping its q-value,
and :class:`Request` (the app's request class) does so for every route. Every
response is UTF-8: a range whose ``charset`` names another is dropped (so
``text/csv; charset=iso-8859-1`` alone is 406: a range in another charset
counts as ``q=0``). A page is offered as ``text/html`` only (``application/*``
gets an RDF format, not a page it did not accept). JSON-LD comes compacted with the project's prefixes, or expanded
to an ``application/ld+json`` range whose ``profile`` names the expanded form (:func:`jsonld_expanded`).
"""

from __future__ import annotations

from flask import Request as _FlaskRequest
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header, parse_options_header
from werkzeug.utils import cached_property

from csto_kg.formats import BY_KEY, GRAPHS, RESULTS, Format

__all__ = [
    "Format",
    "RESULTS",
    "GRAPHS",
    "NotAcceptable",
    "UnknownFormat",
    "ConflictingFormats",
    "choose",
    "exact",
    "content_type",
    "family_of",
    "BY_KEY",
    "HTML",
    "by_type",
    "Request",
    "jsonld_expanded",
]

HTML = "html"  # the linked-data pages' own "format": a page for browsers


class NotAcceptable(Exception):
    """Nothing the request accepts is offered (406)."""

    def __init__(self, offered: tuple[Format, ...], html: bool = False):
        self.offered = offered
        super().__init__(
            "no acceptable format; this response is available as "
            + ", ".join(
                (["text/html (format=html)"] if html else [])
                + [f"{f.media_type} (format={f.names[0]})" for f in offered]
            )
        )


class ConflictingFormats(Exception):
    """``format`` given more than once, naming different formats (400: which one was meant is not known)."""

    def __init__(self, named: list):
        def media(f):
            return "text/html" if f == HTML else f.media_type

        Exception.__init__(
            self,
            "the format parameter is given more than once and names different formats: "
            + ", ".join(f"{value[:40]!r} ({media(f)})" for value, f in named)
            + "; give it once (or Accept alone)",
        )


class UnknownFormat(NotAcceptable):
    """``format=`` names no format at all (the linked-data pages answer 400)."""

    def __init__(self, asked: str, offered: tuple[Format, ...], html: bool = False):
        self.offered = offered
        Exception.__init__(
            self,
            f"unknown format {asked[:40]!r}; use one of: "
            + ", ".join(([HTML] if html else []) + [f.key for f in offered]),
        )


_UTF8 = frozenset({"utf-8", "utf8"})


def by_type(accept: MIMEAccept) -> MIMEAccept:
    """``accept`` with each media range reduced to type/subtype (its q-value kept; the highest of a range given
    twice); a range whose ``charset`` is not UTF-8 gets q=0. ``accept`` itself if no range has parameters."""
    if not any(";" in value for value, _ in accept):
        return accept
    best: dict[str, float] = {}
    for value, quality in accept:
        mimetype, params = parse_options_header(value)
        charset = params.get("charset")
        if charset is not None and charset.strip().lower() not in _UTF8:
            quality = 0  # not acceptable (a range of q=0), not forgotten: "*/*" must not bring it back
        mimetype = mimetype.strip().lower()
        best[mimetype] = max(quality, best.get(mimetype, 0))
    return MIMEAccept(list(best.items()))


JSONLD_EXPANDED = "http://www.w3.org/ns/json-ld#expanded"


def jsonld_expanded(accept_header: str | None) -> bool:
    """Does ``Accept`` ask for JSON-LD in its expanded form? The descriptions are compacted with the project's
    prefixes unless the ``application/ld+json`` range of the highest q-value names the expanded profile (JSON-LD
    1.1, section 9.2.1: ``profile`` is a space-separated list of IRIs)."""
    best, expanded = 0.0, False
    for value, quality in parse_accept_header(accept_header):
        mimetype, params = parse_options_header(value)
        if mimetype.strip().lower() == "application/ld+json" and quality > best:
            best, expanded = quality, JSONLD_EXPANDED in params.get("profile", "").split()
    return expanded


class Request(_FlaskRequest):
    """Flask's request, with ``accept_mimetypes`` matched on type/subtype (:func:`by_type`)."""

    @cached_property
    def accept_mimetypes(self) -> MIMEAccept:
        return by_type(parse_accept_header(self.headers.get("Accept"), MIMEAccept))


def family_of(operation: str | None) -> tuple[Format, ...] | None:
    """The formats of a query form's results (``None`` for an unknown form)."""
    if operation in ("SELECT", "ASK"):
        return RESULTS
    if operation in ("CONSTRUCT", "DESCRIBE"):
        return GRAPHS
    return None


def _by_format_param(table: tuple[Format, ...], values: list[str], html: bool = False) -> Format | str | None:
    """The one format of ``table`` (or :data:`HTML`, where a page is offered) the ``format`` values name; None if
    none does. Values naming no format of the table are passed over (SPARQLWrapper repeats the parameter with a
    short name and a media type); two values naming *different* formats are :class:`ConflictingFormats`."""
    named: list[tuple[str, Format | str]] = []
    for value in values:
        v = value.strip().lower()
        if not v:
            continue
        f = HTML if html and v == HTML else next((f for f in table if v in (*f.names, f.media_type, *f.also)), None)
        if f is not None and all(f != g for _, g in named):
            named.append((value.strip(), f))
    if len(named) > 1:
        raise ConflictingFormats(named)
    return named[0][1] if named else None


def choose(
    table: tuple[Format, ...], accept: MIMEAccept, format_values: list[str] | None = None, *, html: bool = False
) -> Format | str:
    """The format of ``table`` the request asks for: ``format=`` first, then ``Accept`` (q-values), else the first.

    ``html``: a page is offered too, first (``"*/*"``, no ``Accept`` and browsers get it): :data:`HTML` is
    returned for it, and a ``format=`` naming nothing raises :class:`UnknownFormat`.
    """
    values = [v for v in (format_values or []) if v.strip()]
    if values:
        f = _by_format_param(table, values, html)
        if f is None:
            raise UnknownFormat(values[0], table, html) if html else NotAcceptable(table)
        return f
    if not accept:  # no Accept header: the default
        return HTML if html else table[0]
    accept = by_type(accept)
    # The page is text/html only: offering application/xhtml+xml as well would let "application/*" pick a page
    # and get text/html, which it did not accept (browsers name text/html itself).
    offers = (["text/html"] if html else []) + [f.media_type for f in table] + [m for f in table for m in f.also]
    best = accept.best_match(offers)
    if best is None:
        raise NotAcceptable(table, html)
    if html and best == "text/html":
        return HTML
    return next(f for f in table if best == f.media_type or best in f.also)


_EXACT: dict[tuple[int, str], Format] = {}
for _table in (RESULTS, GRAPHS):
    for _f in reversed(_table):  # the first format of the table wins a media type two offer
        for _m in (_f.media_type, *_f.also):
            _EXACT[id(_table), _m] = _f


def exact(table: tuple[Format, ...], accept_header: str | None) -> Format | None:
    """The format of ``table`` an ``Accept`` header of exactly one media type names, without parsing it
    (most clients send one); None otherwise, then :func:`choose` decides. Same answer as :func:`choose`."""
    if not accept_header or "," in accept_header or ";" in accept_header:
        return None
    return _EXACT.get((id(table), accept_header.strip().lower()))


def content_type(f: Format) -> str:
    return f.media_type + ("; charset=utf-8" if f.media_type.startswith("text/") else "")
