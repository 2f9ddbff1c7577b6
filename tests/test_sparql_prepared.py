"""``csto_kg.sparql_prepared``: rdflib's SPARQL answers are the same with each query text parsed once.

The block serves pySHACL (the reference SHACL engine) and the tests that
compare against it; it must change how often rdflib parses, never what a query
answers, and leave rdflib as it was when it ends.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from pyparsing import ParseException
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.sparql import processor

from csto_kg import sparql_prepared
from csto_kg.sparql_prepared import prepared_queries
from csto_kg.validation import load_shapes
from support import load_fixture

ROOT = Path(__file__).resolve().parent.parent
EX = Namespace("http://example.org/")
ASKED = "SELECT ?o WHERE { $this ex:p ?o } ORDER BY ?o"


def _graph(prefix: str = "http://example.org/") -> Graph:
    g = Graph()
    g.bind("ex", prefix)
    for i in range(3):
        for j in range(i + 1):
            g.add((EX[f"s{i}"], EX.p, Literal(j)))
    return g


def _rows(g: Graph, text: str, **bindings) -> list:
    return [tuple(r) for r in g.query(text, initBindings=bindings)]


def test_answers_with_bindings_are_rdflibs_and_the_text_is_parsed_once():
    g = _graph()
    plain = [_rows(g, ASKED, this=EX[f"s{i}"]) for i in range(3)]
    before = sparql_prepared._translated.cache_info()
    with prepared_queries():
        prepared = [_rows(g, ASKED, this=EX[f"s{i}"]) for i in range(3)]
    after = sparql_prepared._translated.cache_info()
    assert prepared == plain and [len(r) for r in plain] == [1, 2, 3]
    assert after.misses - before.misses <= 1 and after.hits - before.hits >= 2, (before, after)


def test_the_same_text_under_other_prefixes_is_translated_again():
    """The translation resolves ``ex:`` with the graph's prefixes, so they are part of the key."""
    other = _graph("http://example.org/other/")  # ex: means another namespace here: the triples are not matched
    with prepared_queries():
        assert _rows(_graph(), ASKED, this=EX.s1) == [(Literal(0),), (Literal(1),)]
        assert _rows(other, ASKED, this=EX.s1) == []
        assert _rows(other, ASKED.replace("ex:p", "<http://example.org/p>"), this=EX.s1) != []


def test_a_syntax_error_is_raised_as_rdflib_raises_it_every_time():
    g = _graph()
    for _ in range(2):
        with prepared_queries(), pytest.raises(ParseException):
            g.query("SELECT ?o WHERE { $this ex:p ?o ")


def test_rdflib_is_itself_again_after_the_outermost_block():
    original = processor.SPARQLProcessor.query
    with prepared_queries():
        with prepared_queries():
            assert processor.SPARQLProcessor.query is not original
        assert processor.SPARQLProcessor.query is not original  # the outer block still holds
    assert processor.SPARQLProcessor.query is original
    with pytest.raises(RuntimeError), prepared_queries():
        raise RuntimeError("a failure inside the block")
    assert processor.SPARQLProcessor.query is original


def test_pyshacl_reports_the_same_with_each_constraint_parsed_once():
    """pySHACL on a fixture whose SPARQL-based constraints find a violation: the same report graph."""
    union = Graph()
    for s, p, o in load_fixture(ROOT / "tests/shapes/invalid/accession_while_member.trig").dataset.triples(
        (None, None, None)
    ):
        union.add((s, p, o))
    shapes = load_shapes(ROOT / "shapes")
    options = dict(inference="none", inplace=False, allow_warnings=True, allow_infos=True)
    conforms, plain, _ = pyshacl.validate(union, shacl_graph=shapes, **options)
    with prepared_queries():
        conforms_again, prepared, _ = pyshacl.validate(union, shacl_graph=shapes, **options)
    assert conforms is conforms_again is False
    sh = "http://www.w3.org/ns/shacl#"

    def results(report: Graph) -> set:
        return {
            tuple(report.value(r, URIRef(sh + p)) for p in ("focusNode", "sourceShape", "value", "resultMessage"))
            for r in report.subjects(
                URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(sh + "ValidationResult")
            )
        }

    assert results(prepared) == results(plain) and results(plain)
