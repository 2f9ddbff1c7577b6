"""Running SPARQL queries on a build: the one place queries meet the engine.

Queries run in Oxigraph over the build's read-only store, with the default
graph the union of all named graphs (SPARQL 1.1 Protocol: unless the request
names its dataset). The CLI and the server's query workers both use this.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pyoxigraph as ox

from . import solutions
from .errors import UserError
from .formats import GRAPHS, RESULTS
from .iri import BASE
from .parse_errors import readable
from .representable import NotRepresentable, check_graph
from .sparql_aggregates import aggregate_message
from .sparql_binds import binds_after_blocks, constant_binds_as_values
from .sparql_chunks import chunked
from .sparql_lateral import exists_lateral, optionals_lateral
from .sparql_lex import codepoints_decoded_outside_literals, dataset_iris, lexed, word_found
from .sparql_order import ORDER_KEY, rewrite_order_by
from .sparql_rewrite import (
    OXIGRAPH_MAX_SLICE,
    booleans_lowercased,
    clamp_slices,
    count_errors_skipped,
    disjoint_minus_dropped,
    graph_groups_unrolled,
    group_aliases_kept,
    nested_closures_collapsed,
    path_alternatives_as_unions,
    select_star,
    zero_length_paths,
)
from .sparql_scope import scope_message

__all__ = [
    "open_store",
    "is_store_url",
    "execute",
    "evaluate",
    "run",
    "QueryResult",
    "RESULT_FORMATS",
    "GRAPH_FORMATS",
    "query_kind",
    "QUERY_BASE_IRI",
    "one_line",
    "NotRepresentable",
]

# The base IRI of every query (the service description states it): <id/armenia> is <https://w3id.org/csto-kg/id/armenia>.
QUERY_BASE_IRI = BASE
_MAX_UNKNOWN_FUNCTIONS = 64
_NUMBER_START = re.compile(r"\.?\d")  # what follows a sign that starts a numeric literal ('-1', '+.5')
_UNKNOWN_FUNCTION = re.compile(r"custom function <([^>]*)> is not supported")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_GRAPH_OR_FROM = re.compile(r"(?:graph|from)\b")  # in lower case, where a word starts: the active graph may change
_ARITY = re.compile(r"function <([^>]*)> requires between (\d+) and (\d+) arguments, but (\d+) were given")

# Views of the one registry (:mod:`.formats`): format key -> Oxigraph's serialiser.
RESULT_FORMATS = {f.key: f.ox for f in RESULTS}
GRAPH_FORMATS = {f.key: f.ox for f in GRAPHS}


def is_store_url(location: str) -> bool:
    """Is ``location`` an external SPARQL endpoint (``http(s)://``) rather than a store folder?"""
    return location.startswith(("http://", "https://"))


def open_store(location: Path | str) -> ox.Store:
    """Open a build's store read-only (many processes may do so at once), or an external store by its URL.

    An ``http(s)://`` location is a SPARQL endpoint loaded by ``csto-kg publish``
    (:class:`csto_kg.remote_store.RemoteStore`, which answers as pyoxigraph does).
    """
    if is_store_url(str(location)):
        from .remote_store import RemoteStore  # only then: it imports rdflib, which a query worker never needs

        return RemoteStore(str(location))
    return ox.Store.read_only(str(location))


def evaluate(store: ox.Store, query: str, **kwargs):
    """``store.query`` as SPARQL 1.1 asks, where Oxigraph 0.5.13 differs (``kwargs``: the dataset).

    - Relative IRIs resolve against :data:`QUERY_BASE_IRI` (the service
      description states it); a query's own ``BASE`` overrides it.
    - A function IRI the engine does not know is an expression error
      (section 17.3: the row is dropped by FILTER, the variable left unbound
      by BIND), not a failure: each one the engine names is given an
      implementation that returns an error, and the query is planned again.
    - ORDER BY keys are rewritten into keys the engine orders totally
      (:mod:`.sparql_order`): its own comparison of mixed literals makes its
      sort panic and the process abort.
    - An IRI token by SPARQL's longest-token rule (``?x<?a&&?b>?y``) is not
      read as two comparisons (:func:`misread_iris`).
    - A select expression ``(expr AS ?v)`` whose ``?v`` is in scope in the
      SELECT's pattern is a syntax error (section 18.2.1), aggregates included
      (``SELECT (SUM(?o) AS ?o) { ?s ?p ?o }``, which the engine runs):
      :mod:`.sparql_scope`.
    - A graph named twice in the dataset (``FROM <g> FROM <g>``, or twice in
      ``kwargs``) is given to the engine once (:func:`_dataset_once`): the
      engine would read it twice and give each of its triples twice.

    - A ``LIMIT`` / ``OFFSET`` past 64 bits (valid SPARQL, which the engine
      refuses) is given as 2^63 - 1 (:func:`.sparql_rewrite.clamp_slices`).
    - ``COUNT(expr)`` skips the rows where ``expr`` errors (section 18.5.1.2)
      rather than being unbound (:func:`.sparql_rewrite.count_errors_skipped`).
    - A grouping condition ``(?v AS ?g)`` binds ``?g`` (grammar rule 22), where the engine dropped the alias and
      refused the query (:func:`.sparql_rewrite.group_aliases_kept`).
    - A ``MINUS`` sharing no variable with its left side removes nothing, also
      inside ``GRAPH ?g`` (:func:`.sparql_rewrite.disjoint_minus_dropped`); inside ``FILTER [NOT] EXISTS`` the
      filtered row's variables count as shared, as the engine and rdflib read it.
    - ``GRAPH ?g { P }`` with a sub-query or a ``MINUS`` in ``P`` is answered
      per named graph (section 18.6), not against all of them at once with
      ``?g`` unbound (:func:`.sparql_rewrite.graph_groups_unrolled`).
    - A zero-length path from a constant IRI (``c P* ?v``, ``c P? ?v``) gives ``?v = c`` even where ``c`` is not in
      the graph (section 18.5; :func:`.sparql_rewrite.zero_length_paths`).
    - An alternative path (``s P|Q o``, ``s ^(P|Q) o``) keeps the solutions both alternatives give, twice (section
      18.4: a multiset union), where the engine gave them once: it is the union of its alternatives
      (:func:`.sparql_rewrite.path_alternatives_as_unions`).
    - A closure of a closure (``((p)*)*``), which the engine evaluates level by level (10 levels: 37 s), is one
      closure (:func:`.sparql_rewrite.nested_closures_collapsed`; exact: ``*`` and ``+`` give each node once).
    - A triples block of more than 48 triple patterns (collections and ``[ … ]`` expanded: ``( 1 2 … )`` makes two
      per item), which the engine plans in about cubic time (320 list items: over 20 s), is given as a tree
      of sub-queries of 16 patterns each, projecting the block's own variables (:func:`.sparql_chunks.chunked`; exact:
      a basic graph pattern is the join of its patterns); blocks with only ``FILTER`` s between them count as one,
      ``CONSTRUCT WHERE``'s template is written out, and a long ``FILTER [NOT] EXISTS`` correlated through variables
      its group's own blocks bind is a join (a ``MINUS``), evaluated once rather than once per row.
    - An ``OPTIONAL`` of three or more triple patterns with no constant subject or object, which the engine joins
      by reading all of it into a hash table (its cost estimate saturates), is given as ``LATERAL { OPTIONAL { … }
      }``, evaluated row by row (:mod:`.sparql_lateral`; exact for a basic graph pattern: cq17 over the curated
      graph 118 -> 1.5 ms).
    - A ``BIND`` of a constant is a ``VALUES`` at its place, and another ``BIND`` between two triples blocks is moved
      after the second where that gives the same solutions: the engine joins the rows a ``BIND`` extends with what
      follows without putting their values into it (:mod:`.sparql_binds`: over the generated 1e6, cq27 7.4 s ->
      0.065 s, cq35 18.7 s -> 0.62 s).
    - A ``[NOT] EXISTS`` of two or more triple patterns, whose joins the engine evaluates as hash joins once per
      row, is given as its first pattern naming a variable of the row, then ``LATERAL { the others }``
      (:func:`.sparql_lateral.exists_lateral`; exact for a basic graph pattern: cq05 over the generated 1e6 39.2 s
      -> 0.75 s).
    - ``TRUE`` / ``False`` are the boolean keywords, in any case (section 19.8;
      :func:`.sparql_rewrite.booleans_lowercased`).
    - ``\\u`` / ``\\U`` escapes outside strings and IRIs are decoded before parsing, as section 19.2 has all of them
      (the engine decodes those inside only; :func:`.sparql_lex.codepoints_decoded_outside_literals`).
    - ``!!x`` (and ``! -?x``), which SPARQL's grammar has no reading of and the engine reads as ``!(!x)``, is a
      ``SyntaxError`` (:func:`negation_without_primary`).
    - A cast given other than one argument (``xsd:integer(1, 2)``), which the engine refuses while planning with a
      ``RuntimeError``, is a ``SyntaxError`` naming the function and the count (section 17.5; it was a 500).
    - An aggregate nested in another (``SUM(COUNT(*))``), an aggregate in ``GROUP BY``, and a variable in
      ``HAVING`` that ``GROUP BY`` does not name, which the engine answers, are a ``SyntaxError`` naming the rule
      (sections 11, 11.4; :mod:`.sparql_aggregates`).

    ``SyntaxError`` (with line:column, on one line) for a malformed query.

    An external store (:class:`~csto_kg.remote_store.RemoteStore`) is sent the
    query once it has passed the same check (a query SPARQL 1.1 does not allow
    is a ``SyntaxError`` before it reaches the store); the rest are workarounds
    for Oxigraph, not for every engine (the store rewrites the dataset and
    ``BASE`` for itself).
    """
    # a BOM an editor saved before the query is not part of it; escapes outside strings and IRIs are read first
    query = booleans_lowercased(codepoints_decoded_outside_literals(query.removeprefix("\ufeff")))
    misread = misread_iris(query) or negation_without_primary(query) or scope_message(query) or aggregate_message(query)
    if misread is not None:
        raise SyntaxError(misread)
    if getattr(store, "is_remote", False):
        _check_syntax(clamp_slices(group_aliases_kept(query), OXIGRAPH_MAX_SLICE))
        return store.query(query, base_iri=QUERY_BASE_IRI, **kwargs)
    kwargs = _dataset_once(query, kwargs)
    grouped = group_aliases_kept(query)
    unrolled = graph_groups_unrolled(
        zero_length_paths(
            path_alternatives_as_unions(nested_closures_collapsed(chunked(grouped))),
            node=_zero_length_node(store, query, kwargs),
        ),
        lambda: _named_graphs(store, query, kwargs),
    )
    corrected = count_errors_skipped(clamp_slices(disjoint_minus_dropped(unrolled), OXIGRAPH_MAX_SLICE))
    ordered = rewrite_order_by(corrected)
    functions = dict(ORDER_KEY) if ordered is not corrected else {}
    rewritten = exists_lateral(optionals_lateral(binds_after_blocks(constant_binds_as_values(ordered))))
    # One attempt per unknown function, each adding it, then the one that runs: N functions take N + 1.
    for _ in range(_MAX_UNKNOWN_FUNCTIONS + 1):
        try:
            if functions:
                result = store.query(rewritten, base_iri=QUERY_BASE_IRI, custom_functions=functions, **kwargs)
            else:  # the common case, as lean as the engine's own call
                result = store.query(rewritten, base_iri=QUERY_BASE_IRI, **kwargs)
        except SyntaxError as e:
            if rewritten is not query:  # the message must point into the query as written
                try:  # parsed on an empty store: only the parser's message is wanted
                    ox.Store().query(query, base_iri=QUERY_BASE_IRI, custom_functions=functions or None)
                except SyntaxError as original:
                    raise SyntaxError(readable(one_line(original), query)) from None
                except Exception:  # noqa: BLE001 - the original parses: report the rewrite's own message
                    pass
            raise SyntaxError(readable(one_line(e), query)) from None
        except RuntimeError as e:
            arity = _ARITY.search(str(e))
            if arity is not None:  # refused while planning: a call the query itself gets wrong (a cast of 2 arguments)
                raise SyntaxError(_arity_message(*arity.groups())) from None
            m = _UNKNOWN_FUNCTION.search(str(e))
            if m is None or ox.NamedNode(m.group(1)) in functions:
                raise
            if sum(f is _expression_error for f in functions.values()) >= _MAX_UNKNOWN_FUNCTIONS:
                break
            functions[ox.NamedNode(m.group(1))] = _expression_error
            continue
        return result
    raise UserError(f"the query calls more than {_MAX_UNKNOWN_FUNCTIONS} functions this endpoint does not know")


def _zero_length_node(store: ox.Store, query: str, kwargs: dict):
    """What :func:`.sparql_rewrite.zero_length_paths` asks to leave a path's constant end to the engine: where every
    pattern of ``query`` is matched in the store's default graph (no dataset given, no ``FROM``, no ``GRAPH``),
    whether the constant is a subject or an object of it; else None (every such path rewritten)."""
    if kwargs or word_found(_GRAPH_OR_FROM, query.lower()):
        return None
    return partial(_node_of_default_graph, store)


def _node_of_default_graph(store: ox.Store, prologue: str, term: str) -> bool:
    """Whether ``term`` (as written in a query whose ``BASE`` and ``PREFIX`` declarations are ``prologue``) is a
    subject or an object of the store's default graph; False where that cannot be asked (the rewrite then stands)."""
    ask = f"{prologue}\nASK {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} }}"
    try:
        return bool(store.query(ask, base_iri=QUERY_BASE_IRI))
    except (SyntaxError, ValueError, RuntimeError, OSError):
        return False


def _arity_message(function: str, least: str, most: str, given: str) -> str:
    """What is wrong with a call the engine refused for its number of arguments (SPARQL 1.1 section 17.5: a cast,
    ``xsd:integer(…)`` and the like, takes one argument)."""
    takes = "one argument" if least == most == "1" else f"{least} to {most} arguments"
    cast = " (SPARQL 1.1 section 17.5: a cast takes one)" if function.startswith(_XSD) and least == most == "1" else ""
    return f"the function <{function[:200]}> takes {takes}, {given} given{cast}"


def _check_syntax(query: str) -> None:
    """``SyntaxError`` (readable) if the engine's parser refuses ``query``; parsed on an empty store, with its ORDER
    BY keys made safe (an ASK is evaluated at once), and a function it does not know let be."""
    try:
        ox.Store().query(rewrite_order_by(query), base_iri=QUERY_BASE_IRI, custom_functions=ORDER_KEY)
    except SyntaxError as e:
        raise SyntaxError(readable(one_line(e), query)) from None
    except Exception:  # noqa: BLE001 - it parsed: evaluation on no data is not the question
        pass


def _dataset_once(query: str, kwargs: dict) -> dict:
    """``kwargs`` with each dataset graph once; a query's own ``FROM`` / ``FROM NAMED`` repeating a graph made
    into the same dataset without the repetition (SPARQL 1.1 Query, section 13.2: the default graph is the
    merge of the graphs named, the named graphs a set; Oxigraph 0.5.13 reads a graph named twice twice)."""
    if "default_graph" in kwargs or "named_graphs" in kwargs:
        return {
            **kwargs,
            **{k: list(dict.fromkeys(kwargs[k])) for k in ("default_graph", "named_graphs") if kwargs.get(k)},
        }
    clauses = dataset_iris(query, QUERY_BASE_IRI)  # most queries: no word "from", seen without reading a token
    if clauses is None or all(len(set(iris)) == len(iris) for iris in clauses):
        return kwargs  # the common case: the engine reads the query's dataset as written
    try:
        default, named = ([ox.NamedNode(g) for g in dict.fromkeys(iris)] for iris in clauses)
    except ValueError:
        return kwargs  # not an IRI: the parser says so
    return {**kwargs, "default_graph": default, "named_graphs": named}


def _named_graphs(store: ox.Store, query: str, kwargs: dict) -> list[str]:
    """The IRIs of the named graphs of the query's dataset (section 13): those ``kwargs`` names (the protocol's
    parameters), else the query's ``FROM NAMED`` (none with ``FROM`` alone), else every named graph of the store."""
    if "default_graph" in kwargs or "named_graphs" in kwargs:
        return [g.value for g in kwargs.get("named_graphs") or ()]
    clauses = dataset_iris(query, QUERY_BASE_IRI)
    if clauses is not None and (clauses[0] or clauses[1]):
        return list(dict.fromkeys(clauses[1]))
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def _expression_error(*_args):
    return None  # Oxigraph: no value, i.e. an expression error


def one_line(e: SyntaxError) -> str:
    """The parser's message on one line (it may quote the query over several)."""
    return " ".join(str(e).split())


def negation_without_primary(query: str) -> str | None:
    """A message if a ``!`` of ``query`` (not the ``!`` of ``!=``) is followed by another ``!`` or by a sign that
    starts no numeric literal (``!!true``, ``! -?x``, ``?s !!:p ?o``), else None.

    SPARQL 1.1 rule 118: ``'!' PrimaryExpression``, and a primary never starts with ``!``, nor with ``+`` / ``-``
    but in a numeric literal (``!-1``); rule 95: a negated property set is one ``!`` and one set. Oxigraph 0.5.13
    reads ``!!true`` as ``!(!true)``; written that way (in brackets) it is answered. Read from the tokens (strings,
    IRIs and comments apart)."""
    if "!" not in query:
        return None
    tokens = lexed(query)
    for i, (_, text, _, end) in enumerate(tokens[:-1]):
        _, after, start, after_end = tokens[i + 1]
        if text != "!" or start == end and after == "=":
            continue
        sign = after in "+-" and not _NUMBER_START.match(query, after_end)
        if after == "!" or sign:
            line = query.count("\n", 0, start) + 1
            column = start - (query.rfind("\n", 0, start) + 1) + 1
            return (
                f"error at {line}:{column}: {after} cannot follow ! here (SPARQL 1.1: ! applies to a value, a "
                "call or an expression in brackets, and negates a property set once): write !(…) with brackets"
            )
    return None


def misread_iris(query: str) -> str | None:
    """A message if Oxigraph read an IRI token of ``query`` as something else, else None.

    By SPARQL's longest-token rule (section 19.8), ``?x<?a&&?b>?y`` holds the
    IRI ``<?a&&?b>``, so it is malformed; Oxigraph reads two comparisons. Only
    an IRI token holding ``&&`` or ``||`` can be read so: it is replaced by a
    plain IRI and the query parsed again (without data); if that fails, the
    original was not read as written.
    """
    if "&&" not in query and "||" not in query:
        return None
    suspects = [(at, text) for kind, text, at, _ in lexed(query) if kind == "iri" and ("&&" in text or "||" in text)]
    for start, text in suspects:
        probe = query[:start] + "<urn:x-csto-kg:iri>" + query[start + len(text) :]
        try:
            # On no data; an ASK is evaluated at once, so its ORDER BY keys are made safe as everywhere.
            ox.Store().query(rewrite_order_by(probe), base_iri=QUERY_BASE_IRI, custom_functions=ORDER_KEY)
        except SyntaxError:
            line = query.count("\n", 0, start) + 1
            column = start - (query.rfind("\n", 0, start) + 1) + 1
            return (
                f"error at {line}:{column}: {text[:80]} is an IRI (SPARQL's longest-token rule), "
                "not two comparisons; put spaces around < and > to compare"
            )
        except Exception:  # noqa: BLE001 - it parsed: evaluation on no data is not the question
            pass
    return None


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
    rows: int | None = None  # solutions or triples written (None for ASK)
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
    Without caps the result streams straight into Oxigraph's serialiser (but a
    ``SELECT *`` whose columns :func:`star_columns` orders otherwise than the
    engine). A ``fmt`` that does not suit the query's kind is a :class:`UserError`.
    """
    kwargs: dict = {}
    if default_graph or named_graphs:
        # The protocol's default-graph-uri / named-graph-uri mean what FROM / FROM NAMED mean: the dataset is
        # exactly what they name (named graphs only: an empty default graph; a default graph only: no named
        # graphs). Neither: the store's default graph (the union) and every named graph.
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph or ()]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
    result = evaluate(store, query, **kwargs)
    kind = query_kind(result)
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    if fmt is None:
        fmt = "ttl" if kind == "graph" else "json"
    elif fmt not in table:
        raise UserError(
            f"format {fmt!r} does not suit a {'CONSTRUCT/DESCRIBE' if kind == 'graph' else 'SELECT/ASK'} "
            f"query; use one of {', '.join(table)}"
        )
    if kind == "ask":
        return QueryResult(kind, fmt, result.serialize(format=table[fmt]))
    variables = None if kind == "graph" else [v.value for v in result.variables]
    columns = variables and star_columns(query, variables)
    if max_rows is None and max_bytes is None and columns == variables:
        if kind == "graph" and table[fmt] in (ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML):
            triples = list(result)  # read whole to be checked first (formats that cannot carry every graph)
            check_graph(triples, table[fmt])
            return QueryResult(kind, fmt, _checked(_serialize(kind, triples, None, table[fmt], False), table[fmt]))
        out = io.BytesIO()
        result.serialize(out, table[fmt])
        return QueryResult(kind, fmt, _checked(out.getvalue(), table[fmt]))

    kept: list = []
    truncated = False
    for item in result:
        if max_rows is not None and len(kept) >= max_rows:
            truncated = True
            break
        kept.append(item)
    if kind == "graph":
        check_graph(kept, table[fmt])
    else:
        kept = _in_columns(kept, variables, columns)
    body = _serialize(kind, kept, columns, table[fmt], truncated)
    while max_bytes is not None and len(body) > max_bytes and kept:
        # Over the byte budget: keep proportionally fewer rows (rarely more than one pass).
        kept = kept[: int(len(kept) * max_bytes / len(body) * 0.9)]
        truncated = True
        body = _serialize(kind, kept, columns, table[fmt], truncated)
    return QueryResult(kind, fmt, _checked(body, table[fmt]), len(kept), truncated)


def star_columns(query: str, variables: list[str]) -> list[str]:
    """The columns of a result: for a top-level ``SELECT *`` (or ``SELECT DISTINCT *``, ``REDUCED``), its variables in
    the order they first appear in the query, as most SPARQL stores give them (Virtuoso behind ``serve --store``
    among them; SPARQL leaves the order open, section 18.2.1) where Oxigraph 0.5.13 sorts them by name; otherwise
    ``variables`` as they are (a projection's own order)."""
    if not select_star(query):
        return variables
    tokens = lexed(query)
    first: dict[str, int] = {}
    for k, token in enumerate(tokens):
        if token[0] == "var":
            first.setdefault(token[1][1:], k)
    return sorted(variables, key=lambda v: first.get(v, len(tokens)))


def _in_columns(rows: list, variables: list[str], columns: list[str]) -> list:
    """``rows`` with their terms in ``columns`` order (unchanged if that is the engine's order)."""
    if columns == variables:
        return rows
    order = [variables.index(c) for c in columns]
    return [tuple(terms[k] for k in order) for terms in map(tuple, rows)]


def _checked(body: bytes, fmt) -> bytes:
    return xml_safe(body) if fmt in (ox.QueryResultsFormat.XML, ox.RdfFormat.RDF_XML) else body


# Characters XML 1.0 has no way to write (not even as a character reference): C0 controls but TAB, LF, CR;
# U+FFFE and U+FFFF. In UTF-8 the bytes 0x00-0x1F only ever stand for those characters themselves.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def xml_safe(body: bytes) -> bytes:
    """An XML document (SPARQL XML results, RDF/XML as Oxigraph writes them) that XML parsers read as written.

    A raw CR in a text or attribute value would be read as LF (end-of-line handling, XML 1.0 section 2.11):
    it is written ``&#13;``. (Oxigraph writes no CR of its own, and TAB or LF only in text, where they are kept;
    the attributes it writes are IRIs, names and language tags, which hold none.) A character XML 1.0 cannot
    represent at all is a :class:`NotRepresentable` naming it: better refused than written as malformed XML.
    """
    bad = _NOT_XML.search(body)
    if bad:
        char = bad.group().decode("utf-8")
        raise NotRepresentable(
            f"the result holds the character U+{ord(char):04X}, which XML 1.0 cannot represent; "
            "ask for it as SPARQL JSON or TSV (or N-Triples / Turtle for a graph)"
        )
    return body.replace(b"\r", b"&#13;")


def _serialize(kind: str, kept: list, variables: list[str] | None, fmt, truncated: bool) -> bytes:
    if kind == "graph":
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            kept = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in kept]
        return ox.serialize(kept, format=fmt)
    return solutions.serialize(variables, kept, fmt, truncated=truncated)
