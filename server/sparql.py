"""The SPARQL 1.1 Protocol endpoint at ``/sparql``, its service description, VoID, and pool statistics.

SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/), query
operation only. Routes:

- ``GET|POST /sparql`` with a query: the result, negotiated (:mod:`.negotiation`),
  run by the query pool (:mod:`.engine`) under the time limit. Statuses: 200;
  400 malformed query (the parser's message), bad parameter, or SERVICE;
  403 any update; 405 other methods; 406 no acceptable format (a query refused
  for itself, a syntax error, is that refusal whatever the format); 413 body or
  query too large; 415 POST of another media type or charset; 429 too many
  queries at once or this client's time budget spent; 503 time limit passed,
  no worker free or the memory cap (with ``Retry-After``); 500 the query
  worker died.
  A result cut at ``max_rows`` (or the byte budget) has ``X-CSTO-Truncated: true``
  (and, in SPARQL JSON, a top-level ``"truncated": true``).
- ``GET /sparql`` without a query: the service description (Turtle, JSON-LD,
  RDF/XML, N-Triples); a browser (``text/html``) is sent to ``/query`` (303).
- ``GET /.well-known/void``: the VoID description (graph ``graph:meta``).
- ``GET /sparql/pool``: this web worker's query pool (workers, kills, counts).

CORS: ``Access-Control-Allow-Origin: *`` on these routes (reads only; there is
nothing else).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, redirect, request
from werkzeug.exceptions import (
    BadGateway,
    BadRequest,
    InternalServerError,
    NotAcceptable,
    ServiceUnavailable,
    TooManyRequests,
)

from csto_kg.namespaces import META_GRAPH

from . import errors, service_description
from .engine import EngineError, Overloaded, WorkerDied
from .negotiation import BY_KEY, GRAPHS, ConflictingFormats, choose, content_type, exact, family_of, jsonld_expanded
from .negotiation import NotAcceptable as NoFormat
from .protocol import read_operation

__all__ = ["bp", "CORS_PATHS", "PREFLIGHT_HEADERS", "answer", "add_cors"]

bp = Blueprint("sparql", __name__)

CORS_PATHS = ("/sparql", "/sparql/pool", "/.well-known/void")
# Request headers a cross-origin query may carry (answered to a preflight, OPTIONS): the Fetch standard's
# CORS-safelisted ones (Accept, Accept-Language, Content-Language, Content-Type), which still need a preflight
# when their value is off the safelist (``Content-Type: application/sparql-query``, an Accept over 128 bytes or
# with a quoted profile), the conditional ones the service description answers (If-None-Match, If-Modified-Since),
# and those SPARQL clients send: YASGUI's ``X-Requested-With`` and ``Cache-Control``, SPARQLWrapper's
# ``Authorization`` (given credentials) and ``User-Agent``. None changes what the endpoint does but Accept and
# Content-Type; the rest are let through rather than blocking the query in the browser.
PREFLIGHT_HEADERS = (
    "Accept, Accept-Language, Content-Language, Content-Type, If-None-Match, If-Modified-Since, "
    "Cache-Control, X-Requested-With, Authorization, User-Agent"
)
_EXPOSE = "Retry-After, X-CSTO-Truncated, X-CSTO-Row-Limit, X-CSTO-Unknown-Graphs, Content-Type, Vary, ETag"


def _config():
    return current_app.config["CSTO"]


def _http_error(e: EngineError, retry: int):
    if isinstance(e, Overloaded):
        return TooManyRequests(e.message, retry_after=e.retry_after or retry)
    if e.status == 400:
        return BadRequest(e.message)
    if e.status == 406:
        return NotAcceptable(e.message)
    if e.status == 502:
        return BadGateway(e.message)
    if e.status == 503:
        return ServiceUnavailable(e.message, retry_after=retry)
    if isinstance(e, WorkerDied):
        return errors.Fault(e.message)
    return InternalServerError()


def _choose(table, format_values=None, accept=None):
    try:
        return choose(table, request.accept_mimetypes if accept is None else accept, format_values)
    except ConflictingFormats as e:
        raise BadRequest(str(e)) from None
    except NoFormat as e:
        raise NotAcceptable(str(e)) from None


def answer(req, config, engine, graphs: frozenset[str] | None = None) -> Response | None:
    """The response to the query in ``req`` (a werkzeug request), or None if it carries none.

    Raises werkzeug's HTTP exceptions for refusals and failures. ``graphs``:
    the served dataset's named graphs (see :func:`.protocol.read_operation`).
    """
    op = read_operation(req, config, graphs)
    if op is None:
        return None
    table = family_of(op.form)
    fmt = None
    if table:
        try:
            fmt = (None if op.formats else exact(table, req.headers.get("Accept"))) or _choose(
                table, op.formats, req.accept_mimetypes
            )
        except NotAcceptable as refusal:
            _refuse_format(op, table, refusal, config, engine, req)
    job = {
        "query": op.query,
        "fmt": fmt.key if fmt else None,
        "default_graph": op.default_graph or None,
        "named_graphs": op.named_graphs or None,
    }
    try:
        result = engine.run(job, op.timeout, req.environ.get("gunicorn.socket"), req.remote_addr or "")
    except EngineError as e:
        raise _http_error(e, config.retry_after) from None
    response = Response(result.body, status=200, content_type=content_type(BY_KEY[result.fmt]))
    response.headers["Vary"] = "Accept"
    if result.truncated:
        response.headers["X-CSTO-Truncated"] = "true"
        response.headers["X-CSTO-Row-Limit"] = str(config.max_rows)
    if op.unknown_graphs:
        response.headers["X-CSTO-Unknown-Graphs"] = " ".join(f"<{g}>" for g in op.unknown_graphs)
    return response


def _refuse_format(op, table, refusal: NotAcceptable, config, engine, req) -> None:
    """Raise the 406 of a query no acceptable format can carry, or, if the query itself is refused (a syntax
    error, a feature refused: 400), that refusal: what is wrong with a query does not depend on the format asked
    for (W3C test ``syn-bad-25``, ``CONSTRUCT`` alone asked for as SPARQL JSON, was a 406). The query goes to the
    query pool in the form's first format, under the same time limit and caps as any query; its result is
    discarded."""
    job = {
        "query": op.query,
        "fmt": table[0].key,
        "default_graph": op.default_graph or None,
        "named_graphs": op.named_graphs or None,
    }
    try:
        engine.run(job, op.timeout, req.environ.get("gunicorn.socket"), req.remote_addr or "")
    except EngineError as e:
        if e.status == 400:
            raise _http_error(e, config.retry_after) from None
    raise refusal


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    """The one request path of ``/sparql``: a query, else the service description.

    Kept lean (it is the endpoint's hot path): the configuration, engine and
    graph names are looked up once per app, not per request.
    """
    app = current_app._get_current_object()
    ctx = app.extensions["csto.sparql"]
    response = answer(request, ctx[0], ctx[1], ctx[2])
    return _service_description() if response is None else response


def _service_description() -> Response:
    offers = service_description.SD_FORMATS
    media = [f.media_type for f in offers] + [m for f in offers for m in f.also]
    accept = request.accept_mimetypes
    if accept and accept["text/html"] > max(accept[m] for m in media):  # a browser: the query page
        response = redirect("/query", code=303)
    else:
        f = _choose(offers, request.args.getlist("format"))
        build = current_app.extensions["csto.build"]
        triples = service_description.service_description(
            request.url_root + "sparql",
            request.url_root + ".well-known/void",
            build.manifest["graphs"],
            _config(),
            _union_size(),
        )
        response = _revalidated(
            Response(
                service_description.serialize(
                    triples, f, service_description.SD_PREFIXES, expanded=jsonld_expanded(request.headers.get("Accept"))
                ),
                content_type=content_type(f),
            )
        )
    response.vary.add("Accept")
    return response


# Only If-None-Match / If-Modified-Since are answered on the descriptions (304), as on the pages: neither a range
# nor If-Match applies to them.
_NOT_FOR_DESCRIPTIONS = ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_RANGE", "HTTP_IF_RANGE")


def _revalidated(response: Response) -> Response:
    """The service description or the VoID with an ``ETag`` (a hash of its body: the format, the address asked
    on and the build all change it), and 304 to a matching ``If-None-Match`` (RFC 9110 section 13.1.2)."""
    if request.method in ("GET", "HEAD"):
        response.add_etag()
        response.make_conditional({k: v for k, v in request.environ.items() if k not in _NOT_FOR_DESCRIPTIONS})
    return response


def _union_size() -> int:
    """Distinct triples of the default graph (the store holds the union, deduplicated), counted once per app."""
    ext = current_app.extensions
    if "csto.union_size" not in ext:
        ext["csto.union_size"] = sum(
            1 for _ in ext["csto.store"].quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
    return ext["csto.union_size"]


@bp.route("/.well-known/void", methods=["GET"])
def void():
    accept = request.accept_mimetypes
    if (
        not request.args.getlist("format")
        and accept
        and accept["text/html"] > max(accept[m] for f in GRAPHS for m in (f.media_type, *f.also))
    ):
        response = redirect("/dataset", code=303)  # a browser: the dataset page shows the same description
        response.vary.add("Accept")  # chosen by Accept, as the description itself (RFC 9110, section 12.5.5)
        return response
    f = _choose(GRAPHS, request.args.getlist("format"))
    cache = current_app.extensions.setdefault("csto.void", {})
    key = (f.key, jsonld_expanded(request.headers.get("Accept")))
    if key not in cache:
        cache[key] = service_description.serialize(
            service_description.void_triples(current_app.extensions["csto.store"]),
            f,
            service_description.VOID_PREFIXES,
            graph=str(META_GRAPH),
            expanded=key[1],
        )
    response = _revalidated(Response(cache[key], content_type=content_type(f)))
    response.vary.add("Accept")
    return response


@bp.route("/sparql/pool", methods=["GET"])
def pool():
    return jsonify(current_app.extensions["csto.engine"].stats())


def add_cors(response: Response, method: str) -> None:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = _EXPOSE
    if method == "OPTIONS":
        # POST only where it is answered: the VoID and the pool statistics are GET-only (POST there is a 405)
        response.headers["Access-Control-Allow-Methods"] = (
            "GET, POST, OPTIONS" if request.path == "/sparql" else "GET, HEAD, OPTIONS"
        )
        response.headers["Access-Control-Allow-Headers"] = PREFLIGHT_HEADERS
        response.headers["Access-Control-Max-Age"] = "86400"


@bp.after_app_request
def _cors(response: Response) -> Response:
    if request.path in CORS_PATHS:
        add_cors(response, request.method)
    return response
