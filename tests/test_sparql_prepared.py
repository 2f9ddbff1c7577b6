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


# --- pySHACL's check of a constraint's text, once per text -------------------------------------------------------

_SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message "checked" ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this <http://example.org/p> ?o . FILTER (?o > %d) }" ] .
"""


class _Counted:
    """A compiled pattern whose searches are counted (pySHACL's helper reads its patterns from the class)."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def search(self, text):
        self.calls += 1
        return self.pattern.search(text)


def _shapes(limit: int) -> Graph:
    return Graph().parse(data=_SHAPES % limit, format="turtle")


def _focus_nodes(n: int) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((EX[f"f{i}"], URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), EX.C))
        g.add((EX[f"f{i}"], EX.p, Literal(i)))
    return g


def test_pyshacl_checks_a_constraints_text_once_not_once_per_focus_node(monkeypatch):
    from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper

    counted = _Counted(SPARQLQueryHelper.has_minus_regex)
    monkeypatch.setattr(SPARQLQueryHelper, "has_minus_regex", counted)
    first = -1000 - id(counted) % 100000  # a text no earlier test checked (every focus node passes below -1000)
    data, options = _focus_nodes(4), dict(inference="none", allow_warnings=True)
    conforms, plain, _ = pyshacl.validate(data, shacl_graph=_shapes(first), **options)
    assert conforms is False and counted.calls == 4  # pySHACL alone: once per focus node
    counted.calls = 0
    with prepared_queries():
        for _ in range(2):
            again, report, _ = pyshacl.validate(data, shacl_graph=_shapes(first), **options)
            assert (again, len(report)) == (conforms, len(plain))
    assert counted.calls == 1, counted.calls  # once for the text, then remembered across validations and blocks
    with prepared_queries():
        pyshacl.validate(data, shacl_graph=_shapes(first - 1), **options)  # another text is checked
    assert counted.calls == 2, counted.calls
    assert SPARQLQueryHelper.check_invalid_sparql is sparql_prepared._ORIGINAL_CHECK  # pySHACL itself again


@pytest.mark.parametrize(
    "text,valuenode,extravars",
    [
        ("SELECT $this WHERE { $this ex:p ?o . MINUS { $this ex:q ?o } }", None, None),
        ("SELECT $this WHERE { $this ex:p ?o . BIND (?o AS ?value) }", EX.v, None),
        ("SELECT $this WHERE { $this ex:p ?o . BIND (?o AS ?limit) }", None, {"limit"}),
    ],
    ids=["minus", "rebinds-the-value-node", "rebinds-an-extra-variable"],
)
def test_a_text_pyshacl_refuses_is_refused_every_time_even_after_a_passing_variant(text, valuenode, extravars):
    """What the check is remembered for is the text, the value node's presence and the extra variables' names: a
    text that passed never lets an edited text, or the same text pre-binding more, through."""
    from pyshacl.errors import ValidationFailure
    from pyshacl.shapes_graph import ShapesGraph

    from csto_kg.validation.shacl_store import SPARQLBasedConstraint

    sg = ShapesGraph(_shapes(7))
    (qh,) = SPARQLBasedConstraint(next(iter(sg.shapes))).sparql_constraints
    passing = text.replace("MINUS", "OPTIONAL")
    with prepared_queries():
        for _ in range(2):
            assert qh.check_invalid_sparql(passing if "MINUS" in text else text) is True
            with pytest.raises(ValidationFailure):
                qh.check_invalid_sparql(text, valuenode=valuenode, extravars=extravars)
