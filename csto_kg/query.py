"""Running SPARQL queries on a build: the one place queries meet the engine.

Queries run in Oxigraph over the build's read-only store, with the default
graph the union of all named graphs (SPARQL 1.1 Protocol: unless the request
names its dataset). The CLI and the server's query workers both use this.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox

from .sparql_lex import has_dataset_clause

__all__ = ["open_store", "execute", "RESULT_FORMATS", "GRAPH_FORMATS", "query_kind"]

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
}


def open_store(store_path: Path | str) -> ox.Store:
    """Open a build's store read-only (many processes may do so at once)."""
    return ox.Store.read_only(str(store_path))


def query_kind(result) -> str:
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


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
    kwargs: dict = {}
    if default_graph:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
    elif not has_dataset_clause(query):
        # The union default graph, unless the query names its own dataset:
        # Oxigraph's union flag would override the query's FROM.
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    result = store.query(query, prefixes=None, **kwargs)
    kind = query_kind(result)
    out = io.BytesIO()
    if kind == "graph":
        result.serialize(out, GRAPH_FORMATS[fmt or "ttl"])
    else:
        result.serialize(out, RESULT_FORMATS[fmt or "json"])
    return kind, out.getvalue()


