"""A SPARQL 1.1 Protocol store that stands in for the embedded Oxigraph store.

``csto-kg serve --store URL`` serves the site and ``/sparql`` over an external
SPARQL store (Virtuoso, loaded by :mod:`csto_kg.publish`). The query workers
and the pages call the few methods of :class:`pyoxigraph.Store` the project
uses, :meth:`RemoteStore.query` and :meth:`RemoteStore.quads_for_pattern`; this
class answers them over HTTP with the standard protocol and returns
pyoxigraph's own result objects, so everything above it (result formats,
row and byte caps, killable workers, time limits) is the same code for both
stores.

What the remote dataset is comes from the store itself: :mod:`csto_kg.publish`
records, in the graph :data:`DATASET_GRAPH`, the build it loaded, the graphs
whose merge is the dataset's default graph and the named graphs. A query
without ``FROM``/``FROM NAMED`` is sent with that dataset as the protocol's
``default-graph-uri``/``named-graph-uri`` parameters: a store's own idea of
the default graph (Virtuoso's: every graph it holds, system graphs included,
rows repeated once per graph) never shows. The named graphs go only with a
query that says ``GRAPH`` (no other part of SPARQL reads them): Virtuoso
echoes each dataset IRI as a response header, and a seed graph per document
would otherwise weigh on every answer.

Store dialects (how a store writes and reads blank nodes) live in
:data:`DIALECTS`; Virtuoso answers blank nodes as ``nodeID://b123`` and accepts
``<nodeID://b123>`` back in a later query, which is how a page follows a
selector blank node from one query to the next.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import UserError
from .namespaces import CSTO
from .query import is_store_url  # noqa: F401 - defined there (no rdflib), named here too
from .sparql_booleans import XSD_BOOLEAN, boolean_variables

__all__ = ["RemoteStore", "RemoteError", "DATASET_GRAPH", "DIALECTS", "is_store_url"]

# Virtuoso answers a request with one header per dataset IRI it was sent (X-SPARQL-default-graph,
# X-SPARQL-named-graph): a query with GRAPH over a dataset of more than ~95 graphs would exceed http.client's limit
# of 100 headers ("got more than 100 headers"), which is a module constant, not a parameter.
http.client._MAXHEADERS = max(http.client._MAXHEADERS, 100_000)

DATASET_GRAPH = "urn:csto-kg:published"
_NO_GRAPH = "urn:csto-kg:no-graph"  # a graph no publish writes: an empty part of a dataset
"""The graph in which :mod:`csto_kg.publish` describes the dataset it loaded."""

_JSON = "application/sparql-results+json"
_NT = "application/n-triples"


class RemoteError(UserError):
    """The remote store refused or failed a request (its message is passed on).

    ``public`` is what a client of the endpoint is told: the store's reason without its address or the query
    as rewritten for it (the endpoint answers 502: the query passed the endpoint's own check, so a failure is
    the store's, not the client's).
    """

    def __init__(self, message: str, public: str | None = None):
        super().__init__(message)
        self.public = public or "the store could not be queried"


_UNDEFINED_FUNCTION = re.compile(r"Undefined procedure DB\.DBA\.(\S+)")
_MAX_UNKNOWN_FUNCTIONS = 64


def _without_column(body: bytes, var: str) -> bytes:
    """SPARQL JSON results ``body`` without the variable ``var`` (in the head and in every row)."""
    doc = json.loads(body)
    head = doc.get("head", {})
    if isinstance(head.get("vars"), list) and var in head["vars"]:
        head["vars"] = [v for v in head["vars"] if v != var]
        for row in doc.get("results", {}).get("bindings", []):
            row.pop(var, None)
    return json.dumps(doc).encode()


def _reason(message: str) -> str:
    """The store's reason for a failure in the client's terms: Virtuoso's "Virtuoso 22012 Error SR084: Division by
    0. SPARQL query: define … (the rewritten query)" is "Division by 0" (its codes, line numbers of the rewritten
    query and the query itself dropped)."""
    text = message.split("SPARQL query:")[0]
    text = re.split(r"\bdefine input:|\bBASE\b|\bPREFIX\b", text)[0]  # the query as sent, quoted without a marker
    text = re.sub(r"Virtuoso \S+ Error \S+:\s*", "", text)
    text = re.sub(r"\b(SPARQL compiler), line \d+:", r"\1:", text)
    return " ".join(text.split()).rstrip(".")[:300] or "no reason given"


@dataclass(frozen=True)
class Dialect:
    """How a store spells blank nodes in results and accepts them back in queries."""

    bnode_prefix: str = ""  # prefix of a blank node's label in results (stripped)
    bnode_as_iri: bool = False  # refer to a result's blank node as <prefix + label> in a later query
    integer_booleans: bool = False  # answers a boolean as 1 / 0 (csto_kg.sparql_booleans)


DIALECTS = {
    "virtuoso": Dialect(bnode_prefix="nodeID://", bnode_as_iri=True, integer_booleans=True),
    "standard": Dialect(),
}


_QUADS_KEPT = 200_000  # quads of pattern answers and subject descriptions remembered (least recently used dropped)
_DESCRIPTION_LIMIT = 5_000  # quads of one answer, subject or batch of subjects worth keeping
_DESCRIBE_AT_ONCE = 200  # subjects described in one query


class _Transient(Exception):
    """An answer worth asking again: during a Virtuoso checkpoint its endpoint answers 404 for itself,
    or aborts a query with SR325 ("Transaction aborted due to a database checkpoint ... Please retry")."""


def _aborted_for_checkpoint(message: str) -> bool:
    """Virtuoso's SR325 for a query a checkpoint aborted (SR325 also names other aborts, not retried)."""
    return "SR325" in message and "checkpoint" in message


class GraphResult:
    """The triples of a CONSTRUCT/DESCRIBE answer, with the ``serialize`` of pyoxigraph's results."""

    def __init__(self, triples: list[ox.Triple]):
        self._triples = triples

    def __iter__(self):
        return iter(self._triples)

    def serialize(self, output=None, format=ox.RdfFormat.N_TRIPLES):  # noqa: A002 - pyoxigraph's name
        data = ox.serialize(self._triples, format=format)
        if output is None:
            return data
        output.write(data)
        return None


class RemoteStore:
    """The pyoxigraph.Store methods the project uses, over the SPARQL 1.1 Protocol."""

    is_remote = True  # the query layer sends queries as written (no Oxigraph workarounds)

    def __init__(self, endpoint: str, dialect: str = "virtuoso", timeout: float = 30.0):
        if dialect not in DIALECTS:
            raise UserError(f"unknown store dialect {dialect!r}; known: {', '.join(DIALECTS)}")
        self.endpoint = endpoint
        self.dialect = DIALECTS[dialect]
        self.timeout = timeout
        self._dataset: tuple[list[str], list[str], str] | None = None
        self._answers = _Answers(_QUADS_KEPT)

    # --- the published dataset -------------------------------------------------
    @property
    def dataset(self) -> tuple[list[str], list[str], str]:
        """(graphs merged into the default graph, named graphs, build key) as published."""
        if self._dataset is None:
            rows = self._select(f"SELECT ?p ?o WHERE {{ GRAPH <{DATASET_GRAPH}> {{ <{DATASET_GRAPH}> ?p ?o }} }}", {})
            default = sorted(r["o"]["value"] for r in rows if r["p"]["value"] == str(CSTO.defaultGraphPart))
            named = sorted(r["o"]["value"] for r in rows if r["p"]["value"] == str(CSTO.namedGraph))
            keys = [r["o"]["value"] for r in rows if r["p"]["value"] == str(CSTO.buildKey)]
            if not default or not keys:
                raise RemoteError(
                    f"{self.endpoint} holds no published csto-kg dataset "
                    f"(no graph <{DATASET_GRAPH}>): run csto-kg publish first"
                )
            self._dataset = (default, named, keys[0])
        return self._dataset

    def build_key(self) -> str:
        return self.dataset[2]

    # --- pyoxigraph.Store's interface ------------------------------------------
    def query(
        self,
        query: str,
        prefixes=None,
        default_graph=None,
        named_graphs=None,
        base_iri=None,
        use_default_graph_as_union=False,
        _order_here=True,
    ):
        """Run ``query``; answer as pyoxigraph does (QuerySolutions, QueryBoolean or triples).

        The query is sent with one ``BASE`` (``base_iri`` unless it declares its own: Virtuoso refuses two), its
        own ``FROM`` / ``FROM NAMED`` as the protocol's dataset parameters (:meth:`_dataset_params`), and a
        ``LIMIT`` / ``OFFSET`` past what Virtuoso takes clamped (a ``SELECT *``'s columns are ordered by
        ``csto_kg.query.run``, for either store).
        """
        from .sparql_lex import operation
        from .sparql_rewrite import (
            VIRTUOSO_MAX_SLICE,
            clamp_slices,
            dangling_semicolons_dropped,
            disjoint_minus_dropped,
            escapes_decoded_in_terms,
            group_concat_separator_written,
            one_base,
            order_taken_out,
            prefixed_names_expanded,
            select_distinct,
            subquery_locals_renamed,
            union_branches_selected,
            zero_length_paths,
        )

        # forms SPARQL allows and Virtuoso 7.2's parser refuses: a ";" that ends a property list, "\u" escapes in
        # IRIs and strings, prefixed names with a colon, a "%" or an escape in the local name (the W3C syntax
        # suite's syntax-struct-11/12, syntax-esc-04/05, syn-pname-03 to -07, qname-escape-02); GROUP_CONCAT without
        # a separator, which Virtuoso 7.2 has no default for (syntax-aggregate-13/14)
        query = escapes_decoded_in_terms(dangling_semicolons_dropped(query))
        query = group_concat_separator_written(prefixed_names_expanded(query, base_iri or ""))
        # Virtuoso 7.2 has no boolean: what the query binds to a boolean only is answered true / false again
        booleans = boolean_variables(query) if self.dialect.integer_booleans else frozenset()
        # c P* ?v: Virtuoso 7.2 repeats a node reached twice (section 18.5 makes the path's solutions a set), and
        # inside GRAPH ?g gives no row; a DISTINCT sub-query (unrolled per graph below) mends both
        query = zero_length_paths(query, distinct_only=True)
        # a MINUS sharing no variable removes nothing (section 8.3.2); Virtuoso 7.2 removed every solution
        query = disjoint_minus_dropped(query)
        # a variable a sub-query does not project is its own (section 18.2.1); Virtuoso 7.2 joined it with the
        # graph variable of that name around the sub-query
        query = subquery_locals_renamed(query)
        asked_star_fake = "_star_fake" in query
        query = union_branches_selected(query)
        # ORDER BY by variables: the rows are ordered here, as section 15.1 orders them (see order_taken_out)
        ordered = order_taken_out(query) if _order_here and operation(query) == "SELECT" else None
        if ordered is not None:
            as_asked, (query, order) = query, ordered
        params = self._dataset_params(query, default_graph, named_graphs, base_iri)
        if params and "from" in query.lower():
            from .sparql_rewrite import take_dataset_clauses

            query = take_dataset_clauses(query)
        if "graph" in query.lower():
            from .iri import BASE
            from .sparql_rewrite import confine_graphs, graph_groups_unrolled

            named = [v for k, v in params if k == "named-graph-uri"]
            # GRAPH ?g { … } with a sub-query or MINUS: Virtuoso 7.2 answers most such groups with no row at all
            query = graph_groups_unrolled(query, lambda: [g for g in named if g != _NO_GRAPH], keep_mentioned=True)
            confined = confine_graphs(query, named, base_iri or BASE, _NO_GRAPH)
            if confined is not query and _NO_GRAPH not in named:
                # Virtuoso answers GRAPH <g> with g outside the named graphs as one empty solution (ASK: true);
                # the empty graph is made one of them, so that it matches nothing
                params.append(("named-graph-uri", _NO_GRAPH))
            query = confined
        if base_iri:
            query = one_base(query, base_iri)
        query = clamp_slices(query, VIRTUOSO_MAX_SLICE, offset_as_limit_0=True)
        graph_form = operation(query) in ("CONSTRUCT", "DESCRIBE")
        body, ctype = self._post_known(query, params, _NT if graph_form else _JSON)
        try:
            if ctype.startswith(_NT) or ctype.startswith("text/plain"):
                return GraphResult(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
            if ctype.startswith(_JSON) or ctype.startswith("application/json"):
                standard = self._standard_json(
                    body,
                    distinct=select_distinct(query),
                    drop_star_fake=not asked_star_fake,
                    booleans=booleans,
                )
                if ordered is not None:
                    standard = _ordered(standard, order)
                    if standard is None:  # ordered by a variable it does not return: the store orders it
                        return self.query(as_asked, prefixes, default_graph, named_graphs, base_iri, _order_here=False)
                results = ox.parse_query_results(standard, format=ox.QueryResultsFormat.JSON)
                if isinstance(results, ox.QuerySolutions):
                    # read whole once: the reader is lazy, and a term it cannot read (Virtuoso's IRI('id/x') is
                    # the relative "id/x") would raise SyntaxError while rows are written, answered as the
                    # client's syntax error (400), where it is the store's answer that is at fault
                    for _ in results:
                        pass
                    results = ox.parse_query_results(standard, format=ox.QueryResultsFormat.JSON)
                return results
        except (SyntaxError, ValueError) as e:
            if ordered is not None:  # Virtuoso 7.2 gives some IRIs it answers under ORDER BY unreadably without it
                return self.query(as_asked, prefixes, default_graph, named_graphs, base_iri, _order_here=False)
            raise RemoteError(
                f"{self.endpoint} answered with what SPARQL results cannot carry: {e}",
                f"the store could not run this query: it answered with a term SPARQL cannot carry ({_reason(str(e))})",
            ) from None
        raise RemoteError(f"{self.endpoint} answered in an unexpected format ({ctype or 'no content type'})")

    def quads_for_pattern(self, subject, predicate, obj, graph_name=None):
        """The quads matching the pattern: in the default graph, one named graph, or (None) all of them.

        Pages ask many small patterns of one subject (its labels, then each of its
        values' supports): a subject's whole description is fetched in one query and
        the pattern answered from it; an answer's subjects are described in one more
        query. Answers are remembered (see :class:`_Answers`).
        """
        if subject is not None:
            quads = self._description(subject)
            if quads is not None:
                return iter([q for q in quads if _matches(q, predicate, obj, graph_name)])
        key = ("pattern", subject, predicate, obj, graph_name)
        quads = self._answers.get(key)
        if quads is None:
            quads = self._fetch(subject, predicate, obj, graph_name)
            if len(quads) <= _DESCRIPTION_LIMIT:
                self._answers.put(key, quads)
            if subject is None:
                self._describe({q.subject for q in quads})
        return iter(quads)

    def _fetch(self, subject, predicate, obj, graph_name, limit: int | None = None) -> list[ox.Quad] | None:
        """The matching quads in one query (None when there are more than ``limit``)."""
        s, p, o = (self._term(t, f"?{v}") for t, v in ((subject, "s"), (predicate, "p"), (obj, "o")))
        pattern = f"{s} {p} {o}"
        if isinstance(graph_name, ox.NamedNode):
            where = f"GRAPH {self._term(graph_name, '')} {{ {pattern} }}"
        elif graph_name is None:  # the default graph's quads (no ?g), then every named graph's
            where = f"{{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }}"
        else:
            where = pattern
        rows = list(self.query(f"SELECT * WHERE {{ {where} }}" + (f" LIMIT {limit + 1}" if limit else "")))
        if limit and len(rows) > limit:
            return None
        return [
            ox.Quad(
                subject if subject is not None else row["s"],
                predicate if predicate is not None else row["p"],
                obj if obj is not None else row["o"],
                graph_name if graph_name is not None else (row["g"] or ox.DefaultGraph()),
            )
            for row in rows
        ]

    def _description(self, subject) -> list[ox.Quad] | None:
        """Every quad of ``subject`` (default graph and named graphs), or None if it has too many to keep."""
        key = ("subject", subject)
        quads = self._answers.get(key)
        if quads is None and not self._answers.known_large(key):
            quads = self._fetch(subject, None, None, None, limit=_DESCRIPTION_LIMIT)
            if quads is None:
                self._answers.mark_large(key)
            else:
                self._answers.put(key, quads)
        return quads

    def _describe(self, subjects: set) -> None:
        """Fetch the descriptions of a few subjects not yet known, in one query (pages look at them next)."""
        todo = [
            s
            for s in subjects
            if (self.dialect.bnode_as_iri or not isinstance(s, ox.BlankNode))
            and self._answers.get(("subject", s)) is None
        ][:_DESCRIBE_AT_ONCE]
        if len(todo) < 2:
            return
        values = " ".join(self._term(s, "") for s in todo)
        query = (
            f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} "
            f"{{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }} LIMIT {_DESCRIPTION_LIMIT + 1}"
        )
        rows = list(self.query(query))
        if len(rows) > _DESCRIPTION_LIMIT:
            return  # too much to keep: each subject is described when asked
        found: dict = {}
        for row in rows:
            found.setdefault(row["s"], []).append(ox.Quad(row["s"], row["p"], row["o"], row["g"] or ox.DefaultGraph()))
        for s, quads in found.items():  # a subject the store did not match (a blank node it did not take back) is
            self._answers.put(("subject", s), quads)  # not recorded: it is fetched on its own when asked

    def named_graphs(self):
        return iter(ox.NamedNode(g) for g in self.dataset[1])

    def contains_named_graph(self, graph_name) -> bool:
        return str(getattr(graph_name, "value", graph_name)) in self.dataset[1]

    # --- protocol ----------------------------------------------------------------
    def dataset_params(self, query: str) -> list[tuple[str, str]]:
        """The protocol's dataset parameters sent with ``query`` (its own FROM / FROM NAMED among them)."""
        return self._dataset_params(query, None, None)

    def _dataset_params(self, query: str, default_graph, named_graphs, base_iri=None) -> list[tuple[str, str]]:
        """The dataset as protocol parameters: ``default_graph`` / ``named_graphs`` if given, else the query's
        own ``FROM`` / ``FROM NAMED`` (taken out of the query), else the published dataset.

        SPARQL 13.2: a dataset with a default graph and no named graph has none for ``GRAPH`` to match, and one
        with named graphs only has an empty default graph. Virtuoso reads a missing part as every graph it holds
        (its staging graphs included), so a missing part is sent as a graph that holds nothing.
        """
        from .iri import BASE
        from .sparql_lex import dataset_iris, keywords

        if not (default_graph or named_graphs):
            words = keywords(query)
            if "FROM" in words:
                clauses = dataset_iris(query, base_iri or BASE)
                if clauses is None:
                    return []  # not resolvable lexically (the parser refuses such a query first)
                default_graph, named_graphs = (list(dict.fromkeys(iris)) for iris in clauses)
            else:
                default, named, _ = self.dataset
                # Named graphs only matter to a query that says GRAPH: Virtuoso echoes every dataset IRI of a
                # request as a response header, so a dataset of hundreds of seed graphs would weigh on every answer.
                return [("default-graph-uri", g) for g in default] + [
                    ("named-graph-uri", g) for g in (named if "GRAPH" in words else ())
                ]
        default_graph = [getattr(g, "value", g) for g in default_graph or []] or [_NO_GRAPH]
        named_graphs = [getattr(g, "value", g) for g in named_graphs or []] or [_NO_GRAPH]
        return [("default-graph-uri", g) for g in default_graph] + [("named-graph-uri", g) for g in named_graphs]

    def _select(self, query: str, params) -> list[dict]:
        body, _ = self._post(query, list(params), _JSON)
        return json.loads(body)["results"]["bindings"]

    def _post_known(self, query: str, params: list[tuple[str, str]], accept: str) -> tuple[bytes, str]:
        """:meth:`_post`, a function the store does not know answered as an expression error (section 17.3), as
        the embedded store answers it: each call of a function Virtuoso names as undefined is written as what it
        answers with an error (:func:`~csto_kg.sparql_rewrite.calls_as_errors`) and the query sent again, one
        function at a time, at most :data:`_MAX_UNKNOWN_FUNCTIONS` of them."""
        from .sparql_rewrite import calls_as_errors, unused_variable

        variable = unused_variable(query)
        for attempt in range(_MAX_UNKNOWN_FUNCTIONS + 1):
            try:
                body, ctype = self._post(query, params, accept)
            except RemoteError as e:
                m = _UNDEFINED_FUNCTION.search(str(e))
                if m is None or attempt == _MAX_UNKNOWN_FUNCTIONS:
                    raise
                function = m.group(1)
                if function.endswith(".") and f"<{function}>" not in query:  # the sentence's full stop
                    function = function[:-1]
                rewritten = calls_as_errors(query, function, variable)
                if rewritten is query:
                    raise
                query = rewritten
                continue
            if attempt and (ctype.startswith(_JSON) or ctype.startswith("application/json")):
                body = _without_column(body, variable[1:])  # a SELECT * lists it: not the query's own
            return body, ctype
        raise AssertionError("unreachable")

    def _post(self, query: str, params: list[tuple[str, str]], accept: str) -> tuple[bytes, str]:
        # While a checkpoint (a step of every publish) holds Virtuoso, its /sparql answers 404 for itself or
        # aborts a running query with SR325; both seen under load in tests/test_remote_store.py. Asked again
        # a few times before it is an error.
        for wait in (0.1, 0.3, 1.0, 2.0):
            try:
                return self._post_once(query, params, accept)
            except _Transient:
                time.sleep(wait)
        return self._post_once(query, params, accept, last=True)

    def _post_once(
        self, query: str, params: list[tuple[str, str]], accept: str, last: bool = False
    ) -> tuple[bytes, str]:
        data = urllib.parse.urlencode([("query", query), *params]).encode()
        req = urllib.request.Request(
            self.endpoint,
            data=data,
            method="POST",
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                if _aborted_for_checkpoint(r.headers.get("X-SQL-Message", "")) and not last:
                    raise _Transient(r.headers["X-SQL-Message"])
                if r.headers.get("X-SQL-State") or r.headers.get("X-SPARQL-MaxRows"):
                    # Virtuoso's "anytime" answers: partial results past its own limits. Never pass them on as whole.
                    why = r.headers.get("X-SQL-Message") or "its own row or time limit"
                    raise RemoteError(
                        f"{self.endpoint} returned a partial answer ({why})",
                        f"the store could not run this query whole (it stopped at {_reason(why)})",
                    )
                return r.read(), r.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            text = re.sub(r"<[^>]+>", " ", e.read().decode("utf-8", "replace"))  # an HTML error page, or text
            message = " ".join(text.split())[:500] or f"HTTP {e.code}"
            if ((e.code == 404 and "URI = " in message) or _aborted_for_checkpoint(message)) and not last:
                raise _Transient(message) from None
            # Even a 400: the endpoint parsed the query (SPARQL 1.1) before sending it, so a refusal is the store's
            # limit (Virtuoso refuses valid queries: GROUP_CONCAT without SEPARATOR, a path with two variable ends).
            raise RemoteError(
                f"{self.endpoint} failed (HTTP {e.code}): {message}",
                f"the store could not run this query: {_reason(message)}",
            ) from None
        except (urllib.error.URLError, OSError) as e:
            raise RemoteError(
                f"cannot reach the store at {self.endpoint}: {getattr(e, 'reason', e)}", "the store cannot be reached"
            ) from None

    # --- terms --------------------------------------------------------------------
    def _term(self, term, var: str) -> str:
        if term is None:
            return var
        if isinstance(term, ox.BlankNode):
            if not self.dialect.bnode_as_iri:
                raise RemoteError(f"{self.endpoint} cannot look up a blank node from an earlier answer")
            return f"<{self.dialect.bnode_prefix}{term.value}>"
        return str(term)

    def _standard_json(
        self,
        body: bytes,
        distinct: bool = False,
        drop_star_fake: bool = False,
        booleans: frozenset[str] = frozenset(),
    ) -> bytes:
        """SPARQL 1.1 JSON results as pyoxigraph reads them (older 'typed-literal', dialect blank nodes, the 1 / 0
        of the variables ``booleans`` names as ``xsd:boolean``); ``distinct``:
        each solution once, in the store's order (Virtuoso 7.2 answered a ``SELECT DISTINCT`` with nested
        ``OPTIONAL``s — cq46 — with 4 of its 104 rows twice, equal term for term)."""
        doc = json.loads(body)
        head = doc.get("head", {}).get("vars")
        # Virtuoso's name for a SELECT * of no variable, also among the columns of a SELECT * holding one (the
        # ``{ SELECT * { } }`` of union_branches_selected); a query that names it itself keeps it
        if isinstance(head, list) and "_star_fake" in head and (drop_star_fake or head == ["_star_fake"]):
            doc["head"]["vars"] = [v for v in head if v != "_star_fake"]
            for row in doc.get("results", {}).get("bindings", []):
                row.pop("_star_fake", None)
        prefix = self.dialect.bnode_prefix
        for row in doc.get("results", {}).get("bindings", []):
            for var, value in row.items():
                if value.get("type") == "typed-literal":
                    value["type"] = "literal"
                if var in booleans and value.get("value") in _BOOLEAN_OF and value.get("type") == "literal":
                    value["value"], value["datatype"] = _BOOLEAN_OF[value["value"]], XSD_BOOLEAN
                elif value.get("type") == "bnode" and prefix and value["value"].startswith(prefix):
                    value["value"] = value["value"][len(prefix) :]
        doc.get("head", {}).pop("link", None)
        if distinct and isinstance(doc.get("results", {}).get("bindings"), list):
            seen, kept = set(), []
            for row in doc["results"]["bindings"]:
                key = tuple(sorted((var, _term_key(value)) for var, value in row.items()))
                if key not in seen:
                    seen.add(key)
                    kept.append(row)
            doc["results"]["bindings"] = kept
        return json.dumps(doc).encode()


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BOOLEAN_OF = {"1": "true", "0": "false", "true": "true", "false": "false"}


def _ordered(standard: bytes, order: list[tuple[str, bool]]) -> bytes | None:
    """SPARQL JSON results with their rows ordered by ``order`` ((variable, descending) each, the first the most
    significant), each term by :func:`~csto_kg.sparql_order.term_key` (section 15.1's order; unbound first);
    None if a variable of ``order`` is not one of the results' columns."""
    from .sparql_order import term_key

    doc = json.loads(standard)
    if not {var for var, _ in order} <= set(doc.get("head", {}).get("vars") or ()):
        return None
    rows = doc.get("results", {}).get("bindings")
    if not isinstance(rows, list) or len(rows) < 2:
        return standard
    solutions = list(ox.parse_query_results(standard, format=ox.QueryResultsFormat.JSON))
    keys = [
        [(key.value if (key := term_key(solution[var])) is not None else None) for var, _ in order]
        for solution in solutions
    ]
    indices = list(range(len(rows)))
    for n, (_, descending) in reversed(list(enumerate(order))):  # stable sorts, the least significant first
        indices.sort(key=lambda r: (keys[r][n] is not None, keys[r][n] or ""), reverse=descending)
    doc["results"]["bindings"] = [rows[r] for r in indices]
    return json.dumps(doc).encode()


def _term_key(value: dict) -> tuple:
    """A JSON results term as RDF 1.1 tells terms apart ("x" and "x"^^xsd:string are one term)."""
    datatype = value.get("datatype")
    return (value.get("type"), value.get("value"), None if datatype == _XSD_STRING else datatype, value.get("xml:lang"))


def _matches(quad: ox.Quad, predicate, obj, graph_name) -> bool:
    if predicate is not None and quad.predicate != predicate:
        return False
    if obj is not None and quad.object != obj:
        return False
    if graph_name is None:
        return True
    return quad.graph_name == graph_name


class _Answers:
    """A bounded, thread-safe memory of quad lists (least recently used dropped first), ``size`` quads in all.

    A :class:`RemoteStore` stands for one published dataset, as the server that uses
    it stands for one build (it reads the dataset's description once, and the pages'
    labels are kept for the server's lifetime): a republished store is served anew by
    restarting the server, as a new build is.
    """

    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._held = 0  # quads held (an empty list counts as one)
        self._large: set = set()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key, value: list) -> None:
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._held -= max(1, len(old))
            self._data[key] = value
            self._held += max(1, len(value))
            while self._held > self.size and len(self._data) > 1:
                _, dropped = self._data.popitem(last=False)
                self._held -= max(1, len(dropped))

    def known_large(self, key) -> bool:
        with self._lock:
            return key in self._large

    def mark_large(self, key) -> None:
        with self._lock:
            if len(self._large) < 10_000:
                self._large.add(key)
