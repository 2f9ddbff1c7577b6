"""Reading a SPARQL 1.1 Protocol query request, and refusing what a read-only public endpoint must not run.

SPARQL 1.1 Protocol, section 2.1 (https://www.w3.org/TR/sparql11-protocol/#query-operation):
a query comes by GET (``?query=``), by POST form-encoded, or by POST with an
``application/sparql-query`` body, with ``default-graph-uri`` /
``named-graph-uri`` to name the dataset. Extensions: ``timeout`` (seconds,
at most the operator's limit) and ``format`` (see :mod:`.negotiation`).

Refused here, before any query process is involved:

- no query at all: ``None`` (the caller answers with the service description);
- a body over the limit or a query over ``max_query_length``: 413;
- a query whose RDF collections and blank-node property lists make more than :data:`MAX_LIST_NODES` blank nodes
  in triples blocks the engine would plan as written (:func:`csto_kg.sparql_chunks.list_nodes`; its planning
  time grows as their cube), or more than :data:`MAX_CHUNKED_LIST_NODES` in blocks given to it as nested
  sub-queries (:func:`csto_kg.sparql_chunks.chunked`): 413, at once;
- a POST of another media type: 415;
- any update (``update=``, ``application/sparql-update``, or an update
  operation sent as ``query=``): 403, the endpoint is read-only;
- ``using-graph-uri`` / ``using-named-graph-uri`` (an update's dataset) with a
  query: 400 (without one: an update, 403);
- ``SERVICE`` to an endpoint not on the operator's allow-list: 400 (no query
  may make an outbound connection);
- malformed parameters (repeated ``query``, a dataset IRI that is not an
  absolute IRI, a bad ``timeout``, or ``timeout`` given twice with different
  values): 400.

Dataset IRIs only *name* graphs already loaded (Oxigraph never dereferences
them). A ``default-graph-uri`` / ``named-graph-uri``, or a query's own ``FROM`` /
``FROM NAMED``, naming a graph the served dataset does not hold is answered with
that graph empty (SPARQL; the W3C protocol tests send such IRIs and expect 2xx),
and the response names it in ``X-CSTO-Unknown-Graphs``.
``default-graph-uri`` / ``named-graph-uri`` mean exactly what ``FROM`` /
``FROM NAMED`` mean and replace the query's own: named graphs alone give an
empty default graph, a default graph alone gives no named graphs.

Also refused: a form or ``application/sparql-query`` body in another charset
than UTF-8, or with a ``Content-Encoding`` (gzip, br…: no coding is decoded)
(415), a direct POST that also has ``?query=`` (400), and a parameter
(in the URL or a form body) whose percent-decoded bytes are not UTF-8 (400:
the decoder would keep ``%E9`` as text, and another query would run).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

import pyoxigraph as ox
from flask import Request
from werkzeug.exceptions import BadRequest, Forbidden, RequestEntityTooLarge, UnsupportedMediaType

from csto_kg.query import QUERY_BASE_IRI
from csto_kg.sparql_chunks import list_nodes, triple_patterns_at_most
from csto_kg.sparql_lex import UPDATE_OPERATIONS, dataset_iris, operation, prologue_only, service_targets

from .config import ServerConfig

__all__ = ["Operation", "read_operation", "MAX_DATASET_IRIS", "MAX_LIST_NODES", "MAX_CHUNKED_LIST_NODES"]

MAX_DATASET_IRIS = 64
# Blank nodes a query's collections and blank-node property lists may make (csto_kg.sparql_chunks.list_nodes) in
# triples blocks the engine plans as written (a block whose _:labels are used past a BIND, VALUES or FILTER EXISTS,
# one with no variable of its own in a query projecting *): at 100 it plans in about 1-2 s on a loaded 2-core
# machine (flat list 96 items 1.1 s, nested 48 deep 2.0 s). Other blocks are given to it as nested sub-queries
# (csto_kg.sparql_chunks.chunked), which plan in about linear time: 9,000 items (18 KB) 4.7 s, 4,000 nested
# lists 4.4 s; their cap is far above, where the 20,000-character query cap binds first.
MAX_LIST_NODES = 100
MAX_CHUNKED_LIST_NODES = 10_000
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"


@dataclass
class Operation:
    query: str
    form: str | None  # SELECT / ASK / CONSTRUCT / DESCRIBE (lexically), or None
    timeout: float
    default_graph: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    unknown_graphs: list[str] = field(default_factory=list)  # dataset graphs (parameters or FROM) the dataset lacks


def _iris(values: list[str], name: str) -> list[str]:
    if len(values) > MAX_DATASET_IRIS:
        raise BadRequest(f"at most {MAX_DATASET_IRIS} {name} values")
    out = []
    for v in values:
        try:
            ox.NamedNode(v)
        except (ValueError, TypeError):
            raise BadRequest(f"{name} is not an absolute IRI: {v[:200]!r}") from None
        out.append(v)
    return out


def _timeout(values: list[str], limit: float) -> float:
    if not values:
        return limit
    if len(set(values)) > 1:  # which one was meant is not known: never the first silently
        raise BadRequest(
            "the timeout parameter is given more than once with different values: "
            + ", ".join(repr(v[:20]) for v in dict.fromkeys(values))
            + "; give it once"
        )
    try:
        t = float(values[0])
    except ValueError:
        raise BadRequest("timeout must be a number of seconds") from None
    if not math.isfinite(t) or t <= 0:
        raise BadRequest("timeout must be a positive number of seconds")
    return min(t, limit)


def _check_body_encoding(request: Request) -> None:
    """415 for a body this endpoint would misread: a content coding (gzip, br…: none is decoded, RFC 9110 8.4.1),
    or a charset other than UTF-8, for a form and an ``application/sparql-query`` body alike (SPARQL 1.1 Protocol
    2.1.2, 2.1.3: UTF-8)."""
    coding = request.headers.get("Content-Encoding", "").strip().lower()
    if coding not in ("", "identity"):
        raise UnsupportedMediaType(
            f"Content-Encoding: {coding[:40]} is not supported: send the request body without a content coding"
        )
    charset = request.mimetype_params.get("charset", "utf-8")
    if charset.strip().lower() not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(
            f"an {request.mimetype} body must be UTF-8 (charset=utf-8), not charset={charset[:40]}"
        )


def _body_query(request: Request, config: ServerConfig) -> str:
    data = request.get_data(cache=False)
    if len(data) > config.max_body:
        raise RequestEntityTooLarge(f"the request body is over {config.max_body} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadRequest(f"the query is not valid UTF-8 text (byte {e.start})") from None


def _check_utf8(encoded: bytes, where: str) -> None:
    """400 if a parameter of ``encoded`` (``application/x-www-form-urlencoded``, as in a URL's query string) is
    not UTF-8 once percent-decoded (URI Generic Syntax and HTML's form encoding: UTF-8; SPARQL 1.1 Protocol 2.1)."""
    if not encoded:
        return
    try:
        encoded.decode("ascii")
        if b"%" not in encoded:
            return  # nothing to decode: the common GET of a short query
    except UnicodeDecodeError:
        pass
    for part in encoded.split(b"&"):
        name, _, value = part.partition(b"=")
        for piece in (name, value):
            try:
                unquote_to_bytes(piece.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError as e:
                label = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace")[:40]
                raise BadRequest(
                    f"the {label} parameter ({where}) is not valid UTF-8 once percent-decoded "
                    f"(byte {e.start}: {e.object[e.start : e.start + 1]!r})"
                ) from None


def read_operation(  # noqa: C901 - one branch per rule of the SPARQL 1.1 Protocol (2.1): kept together
    request: Request, config: ServerConfig, graphs: frozenset[str] | None = None
) -> Operation | None:
    """The query request in ``request``, checked; ``None`` if it carries no query (and no update).

    ``graphs``: the named graphs of the served dataset; a dataset (parameter,
    ``FROM`` or ``FROM NAMED``) naming any other is answered with that graph empty,
    as SPARQL defines it, and not silently: the operation lists it in
    ``unknown_graphs`` for the response's ``X-CSTO-Unknown-Graphs``.
    """
    if request.content_length is not None and request.content_length > config.max_body:
        raise RequestEntityTooLarge(f"the request body is over {config.max_body} bytes")
    _check_utf8(request.query_string, "in the URL")
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == _UPDATE:
            raise Forbidden(_READ_ONLY)
        if mimetype in (_FORM, _QUERY):
            _check_body_encoding(request)
        if mimetype == _FORM:
            _check_utf8(request.get_data(cache=True), "in the form body")  # the form is parsed from this copy
            params = request.values  # form fields, and the URL's parameters
        elif mimetype == _QUERY:
            params = request.args
        else:
            raise UnsupportedMediaType(
                f"a query is POSTed as {_FORM} or {_QUERY}" + (f", not {mimetype[:80]}" if mimetype else "")
            )
    else:
        params = request.args
    if "update" in params:
        raise Forbidden(_READ_ONLY)
    using = [name for name in ("using-graph-uri", "using-named-graph-uri") if name in params]

    if request.method == "POST" and request.mimetype == _QUERY:
        if "query" in request.args:
            raise BadRequest(f"a query is sent either as an {_QUERY} body or as the query parameter, not both")
        queries = [_body_query(request, config)]
    else:
        queries = params.getlist("query")
    if using and queries:  # an update's dataset parameters, sent with a query (Protocol 2.1: not the query's)
        raise BadRequest(
            f"{' and '.join(using)} belong to an update request, not to a query: "
            "use default-graph-uri / named-graph-uri (or FROM / FROM NAMED) to name a query's dataset"
        )
    if using:  # an update's parameters without an update: an update all the same
        raise Forbidden(_READ_ONLY)
    if not queries:
        if request.method == "POST":
            raise BadRequest("no query: send it as the query parameter or as an application/sparql-query body")
        return None
    if len(queries) > 1:
        raise BadRequest("exactly one query parameter is allowed")
    query = queries[0].removeprefix("\ufeff")  # a byte order mark an editor saved before the query: not part of it
    if len(query) > config.max_query_length:
        raise RequestEntityTooLarge(f"the query is over {config.max_query_length} characters")
    if not query.strip():
        raise BadRequest("the query is empty")
    try:
        query.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest("the query is not valid Unicode text") from None

    form = operation(query)
    if form in UPDATE_OPERATIONS:
        raise Forbidden(f"{_READ_ONLY} ({form} is an update operation)")
    if form is None and prologue_only(query):
        raise Forbidden(f"{_READ_ONLY} (a request of only BASE / PREFIX declarations and comments is an empty update)")
    for target in service_targets(query):
        if target is None or target not in config.federation_allowlist:
            raise BadRequest(
                "SERVICE (federated query) is not allowed on this endpoint"
                + (f": {target[:200]} is not an allowed endpoint" if target else "")
                + "; no query may make an outbound connection"
            )
    # counted only where a cap may be passed: a bound read without tokens leaves most queries under both
    as_written, chunked = list_nodes(query) if triple_patterns_at_most(query) > MAX_LIST_NODES else (0, 0)
    if as_written > MAX_LIST_NODES:
        raise RequestEntityTooLarge(
            f"the query's RDF collections and blank-node property lists ( … ) / [ … ] make {as_written} blank nodes "
            f"in patterns the engine plans as written, more than this endpoint's cap of {MAX_LIST_NODES}: its "
            "planning time grows as their cube (320 list items: over 20 s); refused before running. Such a "
            "pattern is one whose blank-node labels (_:b) are also used past a BIND, VALUES or FILTER EXISTS, or "
            "one with no variable of its own in a query that selects *: use variables for the labels, name the "
            "selected variables, or match the items with a property path (rdf:rest*/rdf:first)"
        )
    if chunked > MAX_CHUNKED_LIST_NODES:
        raise RequestEntityTooLarge(
            f"the query's RDF collections and blank-node property lists ( … ) / [ … ] make {chunked} blank nodes, "
            f"more than this endpoint's cap of {MAX_CHUNKED_LIST_NODES:,}; refused before running. Split the "
            "list, or match its items with a property path (rdf:rest*/rdf:first)"
        )
    default_graph = _iris(params.getlist("default-graph-uri"), "default-graph-uri")
    named_graphs = _iris(params.getlist("named-graph-uri"), "named-graph-uri")
    unknown: list[str] = []
    if graphs is not None:
        if default_graph or named_graphs:  # the protocol's dataset overrides the query's
            unknown = sorted({g for g in default_graph + named_graphs if g not in graphs})
        else:
            from_iris = dataset_iris(query, QUERY_BASE_IRI)
            if from_iris is not None:
                unknown = sorted({g for g in from_iris[0] + from_iris[1] if g not in graphs})
    return Operation(
        query=query,
        form=form,
        timeout=_timeout(params.getlist("timeout"), config.query_timeout),
        default_graph=default_graph,
        named_graphs=named_graphs,
        formats=params.getlist("format"),
        unknown_graphs=unknown,
    )
