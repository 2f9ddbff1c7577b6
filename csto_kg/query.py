"""Running SPARQL queries on a build: the one place queries meet the engine.

Queries run in Oxigraph over the build's read-only store, with the default
graph the union of all named graphs (SPARQL 1.1 Protocol: unless the request
names its dataset). The CLI and the server's query workers both use this.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import solutions
from .errors import UserError

__all__ = ["open_store", "execute", "run", "QueryResult", "RESULT_FORMATS", "GRAPH_FORMATS", "query_kind"]

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
}


def open_store(location: Path | str) -> ox.Store:
    """Open a build's store read-only (many processes may do so at once), or an external store by its URL.

    An ``http(s)://`` location is a SPARQL endpoint loaded by ``csto-kg publish``
    (:class:`csto_kg.remote_store.RemoteStore`, which answers as pyoxigraph does).
    """
    from .remote_store import RemoteStore, is_store_url

    if is_store_url(str(location)):
        return RemoteStore(str(location))
    return ox.Store.read_only(str(location))


def query_kind(result) -> str:
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


@dataclass(frozen=True)
class QueryResult:
    """A serialised result: its kind (select/ask/graph), format key, bytes and whether it was cut at a cap."""

    kind: str
    fmt: str
    body: bytes
    rows: int | None = None      # solutions or triples written (None for ASK)
    truncated: bool = False


def execute(
    store: ox.Store,
    query: str,
    fmt: str | None = None,
    *,
    default_graph: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> tuple[str, bytes]:
    """Run ``query``; return its kind (select/ask/graph) and the serialised result.

    ``fmt`` is a key of :data:`RESULT_FORMATS` for SELECT/ASK (default json) or
    of :data:`GRAPH_FORMATS` for CONSTRUCT/DESCRIBE (default ttl). Dataset IRIs
    (``default_graph``/``named_graphs``, i.e. FROM / FROM NAMED or the
    protocol's parameters) name graphs already in the store; nothing is fetched.
    """
    r = run(store, query, fmt, default_graph=default_graph, named_graphs=named_graphs)
    return r.kind, r.body


def run(
    store: ox.Store,
    query: str,
    fmt: str | None = None,
    *,
    default_graph: list[str] | None = None,
    named_graphs: list[str] | None = None,
    max_rows: int | None = None,
    max_bytes: int | None = None,
) -> QueryResult:
    """Run ``query`` as :func:`execute` does, keeping at most ``max_rows`` solutions (or triples).

    ``max_bytes`` caps the serialised size (rows are dropped from the end to
    fit); past either cap the result is cut and says so (``truncated``).
    Without caps the result streams straight into Oxigraph's serialiser. A
    ``fmt`` that does not suit the query's kind is a :class:`UserError`.
    """
    kwargs: dict = {}
    if default_graph:   # the protocol's default-graph-uri; else the store's default graph, the union
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    result = store.query(query, prefixes=None, **kwargs)
    kind = query_kind(result)
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    if fmt is None:
        fmt = "ttl" if kind == "graph" else "json"
    elif fmt not in table:
        raise UserError(f"format {fmt!r} does not suit a {'CONSTRUCT/DESCRIBE' if kind == 'graph' else 'SELECT/ASK'} "
                        f"query; use one of {', '.join(table)}")
    if kind == "ask":
        return QueryResult(kind, fmt, result.serialize(format=table[fmt]))
    if max_rows is None and max_bytes is None:
        out = io.BytesIO()
        result.serialize(out, table[fmt])
        return QueryResult(kind, fmt, out.getvalue())

    kept: list = []
    truncated = False
    for item in result:
        if max_rows is not None and len(kept) >= max_rows:
            truncated = True
            break
        kept.append(item)
    variables = None if kind == "graph" else [v.value for v in result.variables]
    body = _serialize(kind, kept, variables, table[fmt], truncated)
    while max_bytes is not None and len(body) > max_bytes and kept:
        # Over the byte budget: keep proportionally fewer rows (rarely more than one pass).
        kept = kept[:int(len(kept) * max_bytes / len(body) * 0.9)]
        truncated = True
        body = _serialize(kind, kept, variables, table[fmt], truncated)
    return QueryResult(kind, fmt, body, len(kept), truncated)


def _serialize(kind: str, kept: list, variables: list[str] | None, fmt, truncated: bool) -> bytes:
    if kind == "graph":
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            kept = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in kept]
        return ox.serialize(kept, format=fmt)
    return solutions.to_format(solutions.solutions_json(variables, kept, truncated=truncated), fmt)



