"""Reading a SPARQL 1.1 Protocol query request, and refusing what a read-only public endpoint must not run.

SPARQL 1.1 Protocol, section 2.1 (https://www.w3.org/TR/sparql11-protocol/#query-operation):
a query comes by GET (``?query=``), by POST form-encoded, or by POST with an
``application/sparql-query`` body, with ``default-graph-uri`` /
``named-graph-uri`` to name the dataset. Extensions: ``timeout`` (seconds,
at most the operator's limit) and ``format`` (see :mod:`.negotiation`).

Refused here, before any query process is involved:

- no query at all: ``None`` (the caller answers with the service description);
- a body over the limit or a query over ``max_query_length``: 413;
- a POST of another media type: 415;
- any update (``update=``, ``application/sparql-update``, or an update
  operation sent as ``query=``): 403, the endpoint is read-only;
- ``SERVICE`` to an endpoint not on the operator's allow-list: 400 (no query
  may make an outbound connection);
- malformed parameters (repeated ``query``, a dataset IRI that is not an
  absolute IRI, a bad ``timeout``): 400.

Dataset IRIs only *name* graphs already loaded: Oxigraph never dereferences
them, so ``default-graph-uri=file:///etc/passwd`` is an empty graph.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Request
from werkzeug.exceptions import BadRequest, Forbidden, RequestEntityTooLarge, UnsupportedMediaType

from csto_kg.sparql_lex import UPDATE_OPERATIONS, operation, service_targets

from .config import ServerConfig

__all__ = ["Operation", "read_operation", "MAX_DATASET_IRIS"]

MAX_DATASET_IRIS = 64
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"


@dataclass
class Operation:
    query: str
    form: str | None                      # SELECT / ASK / CONSTRUCT / DESCRIBE (lexically), or None
    timeout: float
    default_graph: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)


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
    try:
        t = float(values[0])
    except ValueError:
        raise BadRequest("timeout must be a number of seconds") from None
    if not math.isfinite(t) or t <= 0:
        raise BadRequest("timeout must be a positive number of seconds")
    return min(t, limit)


def _body_query(request: Request, config: ServerConfig) -> str:
    data = request.get_data(cache=False)
    if len(data) > config.max_body:
        raise RequestEntityTooLarge(f"the request body is over {config.max_body} bytes")
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise BadRequest(f"the query is not valid {charset[:40]} text") from None


def read_operation(request: Request, config: ServerConfig) -> Operation | None:
    """The query request in ``request``, checked; ``None`` if it carries no query (and no update)."""
    if request.content_length is not None and request.content_length > config.max_body:
        raise RequestEntityTooLarge(f"the request body is over {config.max_body} bytes")
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == _UPDATE:
            raise Forbidden(_READ_ONLY)
        if mimetype == _FORM:
            params = request.values  # form fields, and the URL's parameters
        elif mimetype == _QUERY:
            params = request.args
        else:
            raise UnsupportedMediaType(
                f"a query is POSTed as {_FORM} or {_QUERY}" + (f", not {mimetype[:80]}" if mimetype else ""))
    else:
        params = request.args
    if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
        raise Forbidden(_READ_ONLY)

    queries = [_body_query(request, config)] if request.method == "POST" and request.mimetype == _QUERY else params.getlist("query")
    if not queries:
        if request.method == "POST":
            raise BadRequest("no query: send it as the query parameter or as an application/sparql-query body")
        return None
    if len(queries) > 1:
        raise BadRequest("exactly one query parameter is allowed")
    query = queries[0]
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
    for target in service_targets(query):
        if target is None or target not in config.federation_allowlist:
            raise BadRequest(
                "SERVICE (federated query) is not allowed on this endpoint"
                + (f": {target[:200]} is not an allowed endpoint" if target else "")
                + "; no query may make an outbound connection")
    return Operation(
        query=query,
        form=form,
        timeout=_timeout(params.getlist("timeout"), config.query_timeout),
        default_graph=_iris(params.getlist("default-graph-uri"), "default-graph-uri"),
        named_graphs=_iris(params.getlist("named-graph-uri"), "named-graph-uri"),
        formats=params.getlist("format"),
    )
