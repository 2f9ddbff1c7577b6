"""The W3C SPARQL 1.0 and 1.1 evaluation suites, with their data and expected answers, through the endpoint's engine.

``tests/test_w3c_evaluation.py`` asks the suites' queries of this project's graph: every valid query is answered.
Here each query evaluation test is run as the suites define it: its data (``qt:data`` as the default graph,
``qt:graphData`` and the files its ``FROM`` / ``FROM NAMED`` name as named graphs under their own IRIs) in a store of
its own, its query through :func:`csto_kg.query.run` with the endpoint's row and byte caps (what a query worker
runs, with every check and rewrite of :func:`csto_kg.query.evaluate`), its answer written as the endpoint writes it
(SPARQL JSON, or N-Triples for a graph) and read back, then compared with the suite's expected answer:

- solutions as a multiset of rows, blank nodes up to a one-to-one renaming; in order where the query has a top-level
  ``ORDER BY``; as a set where the suite allows any cardinality (``mf:LaxCardinality``: ``REDUCED``);
- a graph (``CONSTRUCT``, ``DESCRIBE``) up to isomorphism;
- a literal of the expected answer in the spelling the store gives it (``"2.0E-1"^^xsd:double`` is ``0.2``): the store
  keeps one spelling of each number and date, so a spelling is not an answer (what it merges is, below).

Every test gives the suite's answer but those in :data:`ENGINE_DEVIATIONS`, each with its reason; a listed test is
also answered wrongly by Oxigraph's own ``Store.query`` (the deviation is the engine's, not a rewrite's), and one
that starts to give the suite's answer fails the test, so that the list stays true. :data:`MENDED` lists the tests
Oxigraph 0.5.13 alone answers wrongly and the endpoint answers right, its rewrites being for them.

The suites' CSV result format tests are run the same way, the endpoint's CSV read back row by row (CSV keeps no
datatype: each value's text under its variable).

Not run: the entailment regime suites (the endpoint offers simple entailment, its inferences materialised at build
time) and ``SERVICE`` (refused). The files are the suites' own, unmodified (``tests/w3c/README.md``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from csto_kg.query import run
from support import ROOT, w3c_manifest_entries

SUITES = ROOT / "tests" / "w3c" / "evaluation"
BASE = "https://w3c.github.io/rdf-tests/sparql/"  # where the suites publish these files: their IRIs
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
RS = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
NOT_RUN = ("entailment", "service")
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "rdf": ox.RdfFormat.RDF_XML, "nt": ox.RdfFormat.N_TRIPLES}
RESULT_FORMATS = {"srx": ox.QueryResultsFormat.XML, "srj": ox.QueryResultsFormat.JSON, "tsv": ox.QueryResultsFormat.TSV}
MAX_ROWS, MAX_BYTES = 10_000, 16 * 2**20  # the endpoint's defaults (ServerConfig)

SPELLING = "the store keeps one spelling of each number and date (01 and 1, 1.0e0 and 1, +00:00 and Z are one term)"
ENGINE_DEVIATIONS = {
    # what the store's one spelling per value changes, and one function the engine evaluates otherwise
    "sparql10/distinct/distinct-1": SPELLING,
    "sparql10/distinct/distinct-9": SPELLING,
    "sparql10/expr-builtin/dawg-str-1": SPELLING + ": STR gives the stored spelling",
    "sparql10/expr-builtin/dawg-str-2": SPELLING + ": STR gives the stored spelling",
    "sparql10/expr-builtin/sameTerm-simple": SPELLING + ": sameTerm of two spellings is true",
    "sparql10/expr-builtin/sameTerm-eq": SPELLING + ": sameTerm of two spellings is true",
    "sparql10/expr-builtin/sameTerm-not-eq": SPELLING + ": sameTerm of two spellings is true",
    "sparql10/expr-equals/eq-graph-1": SPELLING + ": a pattern's literal matches every spelling of its value",
    "sparql10/expr-equals/eq-graph-2": SPELLING + ": a pattern's literal matches every spelling of its value",
    "sparql10/open-world/open-eq-01": SPELLING + ": a pattern's literal matches every spelling of its value",
    "sparql10/open-world/date-2": SPELLING,
    "sparql11/aggregates/agg-groupconcat-04": SPELLING + ": GROUP_CONCAT joins the stored spellings",
    "sparql11/aggregates/agg-groupconcat-06": SPELLING + ": GROUP_CONCAT joins the stored spellings",
    "sparql11/csv-tsv-res/csv03": SPELLING + ": 1.0E6 is written 1000000",
    "sparql11/functions/bnode01": "BNODE(str) gives one blank node per string for the whole query, where SPARQL "
    "gives one per string within each solution",
}
# Tests Oxigraph 0.5.13 answers wrongly as written, which the endpoint's rewrites answer right (csto_kg.query.evaluate)
MENDED = {
    "sparql10/expr-builtin/case-insensitive-booleans": "TRUE / False read as the boolean keywords",
    "sparql10/graph/graph-variable-scope": "GRAPH ?g answered per named graph: a FILTER reading ?g",
    "sparql10/graph/graph-optional": "GRAPH ?g answered per named graph: an OPTIONAL naming ?g",
    "sparql11/aggregates/agg-empty-group-count-graph": "GRAPH ?g answered per named graph: a sub-query",
    "sparql11/bindings/graph": "GRAPH ?g answered per named graph: a VALUES binding ?g",
    "sparql11/negation/graph-minus": "GRAPH ?g answered per named graph: a MINUS",
    "sparql11/property-path/zero_or_more_set_start": "the zero-length path from a constant gives the constant",
    "sparql11/property-path/zero_or_more_set_end": "the zero-length path from a constant gives the constant",
    "sparql11/property-path/zero_or_one_set_start": "the zero-length path from a constant gives the constant",
    "sparql11/property-path/zero_or_one_set_end": "the zero-length path from a constant gives the constant",
}


@dataclass(frozen=True)
class Case:
    name: str  # suite/folder/entry
    query: Path
    data: tuple[str, ...]  # IRIs under BASE
    graph_data: tuple[str, ...]
    result: str
    lax: bool  # any cardinality (REDUCED)


def path_of(iri: str) -> Path:
    """The suite's file of an IRI under BASE."""
    return SUITES / iri.removeprefix(BASE)


def _iri(node) -> str:
    """A file's IRI under BASE (the manifests are read with their files' own URIs)."""
    return BASE + Path(url2pathname(urlparse(str(node)).path)).relative_to(SUITES).as_posix()


def _cases(test_kind: str = "QueryEvaluationTest") -> list[Case]:
    out = []
    for manifest, g, e, kind in w3c_manifest_entries(SUITES):
        if kind != test_kind or manifest.parent.name in NOT_RUN:
            continue
        action = g.value(e, MF.action)
        out.append(
            Case(
                f"{manifest.parent.parent.name}/{manifest.parent.name}/{str(e).rsplit('#', 1)[-1]}",
                path_of(_iri(g.value(action, QT.query))),
                tuple(sorted(_iri(d) for d in g.objects(action, QT.data))),
                tuple(sorted(_iri(d) for d in g.objects(action, QT.graphData))),
                _iri(g.value(e, MF.result)),
                g.value(e, MF.resultCardinality) == MF.LaxCardinality,
            )
        )
    return out


CASES = _cases()
BY_NAME = {c.name: c for c in CASES}
CSV_CASES = _cases("CSVResultFormatTest")
_FROM = re.compile(r"\bFROM\s+(?:NAMED\s+)?<([^>]*)>", re.IGNORECASE)


def from_files(case: Case) -> list[str]:
    """The IRIs of the suite's files that the query's ``FROM`` / ``FROM NAMED`` name (resolved against its file)."""
    text = case.query.read_text(encoding="utf-8")
    iris = {urljoin(BASE + case.query.relative_to(SUITES).as_posix(), f) for f in _FROM.findall(text)}
    return sorted(iri for iri in iris if path_of(iri).is_file())


def names_its_dataset(case: Case) -> bool:
    """Whether the query has a ``FROM`` or ``FROM NAMED`` of its own (its dataset is then the one it names)."""
    return bool(_FROM.search(case.query.read_text(encoding="utf-8")))


def _store(case: Case) -> ox.Store:
    """The test's dataset: its data as the default graph, its graph data and the files its FROM names as graphs."""
    store = ox.Store()
    for iri in case.data:
        store.load(
            path=path_of(iri), format=RDF_FORMATS[iri.rsplit(".", 1)[1]], base_iri=iri, to_graph=ox.DefaultGraph()
        )
    for iri in sorted(set(case.graph_data) | set(from_files(case))):
        store.load(
            path=path_of(iri), format=RDF_FORMATS[iri.rsplit(".", 1)[1]], base_iri=iri, to_graph=ox.NamedNode(iri)
        )
    return store


@cache
def _respelled(term: ox.Literal) -> ox.Literal:
    """The literal as the store spells it (one spelling per number or date)."""
    store = ox.Store()
    node = ox.NamedNode("urn:x:s")
    store.add(ox.Quad(node, node, term))
    return next(iter(store)).object


def _term(t, respell: bool = False) -> tuple:
    if isinstance(t, ox.BlankNode):
        return ("b", t.value)
    if isinstance(t, ox.NamedNode):
        return ("i", t.value)
    if respell:
        t = _respelled(t)
    return ("l", t.value, t.language or "", "" if t.language else t.datatype.value)


def _rows(solutions, respell: bool = False) -> list[tuple]:
    variables = solutions.variables
    return [tuple(sorted((v.value, _term(s[v], respell)) for v in variables if s[v] is not None)) for s in solutions]


def _rdflib_term(t, respell: bool = False) -> tuple:
    if isinstance(t, rdflib.BNode):
        return ("b", str(t))
    if isinstance(t, rdflib.URIRef):
        return ("i", str(t))
    lit = (
        ox.Literal(str(t), language=t.language)
        if t.language
        else ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype or rdflib.XSD.string)))
    )
    return _term(lit, respell)


def _expected(case: Case, graph: bool):
    """("bool", b) | ("rows", rows, ordered or None) | ("graph", triples), literals respelled as the store would."""
    path, ext = path_of(case.result), case.result.rsplit(".", 1)[1]
    if ext in RESULT_FORMATS:
        parsed = ox.parse_query_results(path=path, format=RESULT_FORMATS[ext])
        if isinstance(parsed, ox.QueryBoolean):
            return ("bool", bool(parsed))
        return ("rows", _rows(parsed, respell=True), None)
    if graph:
        triples = ox.parse(path=path, format=RDF_FORMATS[ext], base_iri=case.result)
        return ("graph", [tuple(_term(x, True) for x in (t.subject, t.predicate, t.object)) for t in triples])
    g = rdflib.Graph().parse(path, format="xml" if ext == "rdf" else "turtle", publicID=case.result)
    result_set = next(g.subjects(rdflib.RDF.type, RS.ResultSet))
    boolean = g.value(result_set, RS.boolean)
    if boolean is not None:
        return ("bool", boolean.toPython())
    rows = []
    for solution in g.objects(result_set, RS.solution):
        bindings = [
            (str(g.value(b, RS.variable)), _rdflib_term(g.value(b, RS.value), True))
            for b in g.objects(solution, RS.binding)
        ]
        index = g.value(solution, RS.index)
        rows.append((int(index) if index is not None else None, tuple(sorted(bindings))))
    ordered = bool(rows) and all(i is not None for i, _ in rows)
    return ("rows", [r for _, r in sorted(rows, key=lambda x: x[0] or 0)], ordered)


def _same_rows(got: list[tuple], expected: list[tuple]) -> bool:
    """Equal multisets of rows, blank nodes up to a one-to-one renaming (backtracking: the suites' answers are small)."""
    if len(got) != len(expected):
        return False

    def shape(row):
        return tuple((v, t if t[0] != "b" else ("b",)) for v, t in row)

    if Counter(map(shape, got)) != Counter(map(shape, expected)):
        return False
    if not any(t[0] == "b" for row in got for _, t in row):
        return Counter(got) == Counter(expected)
    left = list(expected)

    def match(i: int, mapping: dict, inverse: dict) -> bool:
        if i == len(got):
            return True
        for j, candidate in enumerate(left):
            if candidate is None or shape(candidate) != shape(got[i]):
                continue
            m, inv, ok = dict(mapping), dict(inverse), True
            for (_, a), (_, b) in zip(got[i], candidate, strict=True):
                if a[0] == "b":
                    if m.setdefault(a[1], b[1]) != b[1] or inv.setdefault(b[1], a[1]) != a[1]:
                        ok = False
                        break
            if ok:
                left[j] = None
                if match(i + 1, m, inv):
                    return True
                left[j] = candidate
        return False

    return match(0, {}, {})


def _graph(triples) -> rdflib.Graph:
    def term(t):
        if t[0] == "b":
            return rdflib.BNode(t[1])
        if t[0] == "i":
            return rdflib.URIRef(t[1])
        return rdflib.Literal(t[1], lang=t[2] or None, datatype=None if t[2] else rdflib.URIRef(t[3]))

    g = rdflib.Graph()
    for s, p, o in triples:
        g.add((term(s), term(p), term(o)))
    return g


def _gives(answer, expected, case: Case, ordered: bool) -> bool:
    if expected[0] != answer[0]:
        return False
    if expected[0] == "bool":
        return answer == expected
    if expected[0] == "graph":
        return isomorphic(_graph(answer[1]), _graph(expected[1]))
    got, want = answer[1], expected[1]
    if case.lax:
        return set(got) == set(want)
    in_order = expected[2] if expected[2] is not None else ordered
    no_blanks = not any(t[0] == "b" for row in want for _, t in row)
    if in_order and no_blanks:
        return got == want
    return _same_rows(got, want)


def _kind(text: str) -> str:
    """graph or rows, from the query's form (the first of the four form keywords after its prologue)."""
    body = re.sub(r"#[^\n]*|<[^>]*>|\"[^\"]*\"|'[^']*'", " ", text)
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return "graph" if form and form.group(1).upper() in ("CONSTRUCT", "DESCRIBE") else "rows"


def _top_level_order_by(text: str) -> bool:
    body = re.sub(r"#[^\n]*|<[^>]*>|\"[^\"]*\"|'[^']*'", " ", text)
    close = body.rfind("}")
    return bool(re.search(r"\bORDER\s+BY\b", body[close:], re.IGNORECASE))


def _from_engine(result) -> tuple:
    if isinstance(result, ox.QueryBoolean):
        return ("bool", bool(result))
    if isinstance(result, ox.QuerySolutions):
        return ("rows", _rows(result), None)
    return ("graph", [tuple(_term(x) for x in (t.subject, t.predicate, t.object)) for t in result])


def _with_base(case: Case) -> tuple[str, str]:
    """(the query's text, the query with the base IRI of its file)."""
    text = case.query.read_text(encoding="utf-8")
    return text, f"BASE <{BASE}{case.query.relative_to(SUITES).as_posix()}>\n{text}"


def endpoint_answer(store, case: Case, **dataset) -> tuple[bool, str]:
    """Whether :func:`csto_kg.query.run` over ``store`` (the embedded store, or ``serve --store``'s client), with
    the endpoint's caps and ``dataset`` (``default_graph`` / ``named_graphs``, as the protocol gives them), gives
    the suite's answer once written as the endpoint writes it and read back; and what it gave. Literals on both
    sides in the spelling the embedded store gives them."""
    text, query = _with_base(case)
    graph = _kind(text) == "graph"
    result = run(store, query, "nt" if graph else "json", max_rows=MAX_ROWS, max_bytes=MAX_BYTES, **dataset)
    if graph:
        triples = ox.parse(result.body, format=ox.RdfFormat.N_TRIPLES)
        answer = ("graph", [tuple(_term(x, True) for x in (t.subject, t.predicate, t.object)) for t in triples])
    else:
        parsed = ox.parse_query_results(result.body, format=ox.QueryResultsFormat.JSON)
        answer = ("bool", bool(parsed)) if isinstance(parsed, ox.QueryBoolean) else ("rows", _rows(parsed, True), None)
    gives = _gives(answer, _expected(case, graph), case, _top_level_order_by(text))
    return gives, json.dumps(answer, ensure_ascii=False)[:600]


@cache
def outcome(name: str) -> tuple[bool, bool, str]:
    """(the endpoint gives the suite's answer, Oxigraph's own Store.query does, what the endpoint gave)."""
    case = BY_NAME[name]
    text, query = _with_base(case)
    store = _store(case)
    ours, shown = endpoint_answer(store, case)
    try:
        engine = _from_engine(store.query(query))
    except (SyntaxError, OSError) as e:
        engine = ("error", str(e))
    expected = _expected(case, _kind(text) == "graph")
    return ours, _gives(engine, expected, case, _top_level_order_by(text)), shown


def test_the_suites_are_read_whole():
    assert len(CASES) >= 450 and len(CSV_CASES) >= 3, (len(CASES), len(CSV_CASES))
    assert set(ENGINE_DEVIATIONS) <= set(BY_NAME) | {c.name for c in CSV_CASES} and set(MENDED) <= set(BY_NAME)
    assert not set(ENGINE_DEVIATIONS) & set(MENDED)


@pytest.mark.parametrize("name", [c.name for c in CASES])
def test_the_endpoint_gives_the_suites_answer(name):
    ours, engine, shown = outcome(name)
    if name in ENGINE_DEVIATIONS:
        assert not ours, f"{name} is now answered as the suite expects: take it out of ENGINE_DEVIATIONS"
        assert not engine, f"{name}: Oxigraph answers it right and the endpoint does not, so a rewrite broke it"
    else:
        assert ours, f"{name}: the endpoint's answer {shown} is not the suite's ({BY_NAME[name].result})"


@pytest.mark.parametrize("name", sorted(MENDED))
def test_the_rewrites_mend_what_the_engine_answers_wrongly(name):
    ours, engine, _ = outcome(name)
    assert ours and not engine, f"{name}: endpoint right {ours}, Oxigraph alone right {engine} ({MENDED[name]})"


def _csv_rows(text: str) -> list[tuple]:
    """A CSV result's rows as (variable, ("b", label) for a blank node | ("v", text)), the header read as SPARQL 1.1
    CSV writes it (section 3 of the CSV/TSV results format); an empty field is an unbound variable."""
    header, *rows = csv.reader(io.StringIO(text))
    return [
        tuple(
            sorted((v, ("b", x[2:]) if x.startswith("_:") else ("v", x)) for v, x in zip(header, row, strict=True) if x)
        )
        for row in rows
        if row
    ]


@pytest.mark.parametrize("case", CSV_CASES, ids=lambda c: c.name)
def test_the_endpoint_writes_the_suites_csv(case):
    """The CSV result format tests: the endpoint's CSV (as it writes it for a capped result) holds the suite's rows
    (CSV keeps no datatype, so rows are compared by their text, each value under its variable; blank nodes up to
    renaming)."""
    text = case.query.read_text(encoding="utf-8")
    result = run(_store(case), text, "csv", max_rows=MAX_ROWS, max_bytes=MAX_BYTES)
    got = result.body.decode("utf-8")
    expected = path_of(case.result).read_text(encoding="utf-8")
    assert got.splitlines()[0] == expected.splitlines()[0]  # SELECT *: the variables as the query first names them
    assert got.endswith("\r\n") and "\n" not in got.replace("\r\n", ""), "SPARQL CSV lines end in CRLF"
    gives = _same_rows(_csv_rows(got), _csv_rows(expected))
    if case.name in ENGINE_DEVIATIONS:
        engine = _store(case).query(text).serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
        assert not gives, f"{case.name} is now written as the suite expects: take it out of ENGINE_DEVIATIONS"
        assert not _same_rows(_csv_rows(engine), _csv_rows(expected)), f"{case.name}: a rewrite broke it"
    else:
        assert gives, got
