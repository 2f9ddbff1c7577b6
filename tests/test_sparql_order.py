"""ORDER BY over mixed terms: SPARQL's order where it has one, a fixed total order elsewhere, never a crash.

Each query runs through ``csto_kg.query.run`` (what the endpoint's query workers and ``csto-kg query``
run) on an in-memory store: the terms come from a VALUES block (blank nodes from BNODE), so the store needs
no data.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pyoxigraph as ox
import pytest

from csto_kg.query import run
from csto_kg.sparql_order import rewrite_order_by

XSD = "http://www.w3.org/2001/XMLSchema#"

# Ascending order, one term per distinct key: blank nodes, IRIs, literals (unbound, before them all, is tested
# apart); literals by class
# (numbers, NaN, strings, language tags tag by tag, other datatypes by IRI, but gYear, gYearMonth, date and
# dateTime on one time line), then by value within the class.
ASCENDING = [
    "_:b1",
    "<http://example.org/a>",
    "<http://example.org/b>",
    f'"-INF"^^<{XSD}double>',
    "-123456789012345678901234567890",
    f'"-1.5e0"^^<{XSD}double>',
    "-1",
    "0",
    "0.1",  # equal to "0.1e0"^^xsd:double and "0.1"^^xsd:float: one key (test_values_equal_by_sparql_tie)
    f'"0.15e0"^^<{XSD}double>',
    f'"0.2"^^<{XSD}float>',
    "2",
    "10",
    "9007199254740993",  # 2^53 + 1: a double cannot tell it from 2^53 + 2
    "9007199254740994",
    "123456789012345678901234567889",
    "123456789012345678901234567890",
    "+123456789012345678901234567891",  # keys rounded to 28 digits would tie these, and "+" sort first
    f'"INF"^^<{XSD}double>',
    f'"NaN"^^<{XSD}double>',
    '""',
    '"10"',
    '"9"',
    '"a"',
    '"ab"',
    '"b"@de',
    '"a"@en',
    '"b"@en',
    '"a"@en-gb',
    f'"false"^^<{XSD}boolean>',
    f'"true"^^<{XSD}boolean>',
    f'"1992"^^<{XSD}gYear>',  # the time line: years, months, days and instants together, by their first instant,
    f'"1992-05"^^<{XSD}gYearMonth>',  # the less precise first at one instant
    f'"1992-05-15"^^<{XSD}date>',
    f'"1992-05-15T00:00:00"^^<{XSD}dateTime>',
    f'"1993"^^<{XSD}gYear>',
    f'"2019-12-31"^^<{XSD}date>',  # without a time zone: placed as if in UTC
    f'"2019-12-31Z"^^<{XSD}date>',
    f'"2020"^^<{XSD}gYear>',
    f'"2020-01-01"^^<{XSD}date>',  # XML Schema: after 2019-12-31Z (more than 14 hours apart)
    f'"2020-01-01T00:00:00"^^<{XSD}dateTime>',
    f'"2019-12-31T23:00:00-02:00"^^<{XSD}dateTime>',  # 2020-01-01T01:00Z
    f'"2020-01-01T02:00:00Z"^^<{XSD}dateTime>',
    f'"2020-01-01T20:00:00"^^<{XSD}dateTime>',  # XML Schema: after 2020-01-01T02:00Z
    f'"2020-02"^^<{XSD}gYearMonth>',
    f'"2021"^^<{XSD}gYear>',
    f'"1992-13"^^<{XSD}gYearMonth>',  # ill-typed: after the valid values, with its datatype's class
    f'"abc"^^<{XSD}integer>',
]
# Plain number tokens are integers or decimals; the other datatypes' classes sort by IRI (boolean, the time line
# in xsd:date's place, then the ill-typed gYearMonth's and integer's), each holding the valid values before the
# ill-typed ones.


def _rows(terms: list[str]) -> str:
    """A group pattern binding ``?i`` to each term's position and ``?o`` to the term (VALUES cannot hold a blank
    node: those are made by BNODE, one per row)."""
    values = " ".join(f"({i} {t})" for i, t in enumerate(terms) if not t.startswith("_:"))
    parts = [f"{{ VALUES (?i ?o) {{ {values} }} }}"]
    parts += [f'{{ BIND({i} AS ?i) BIND(BNODE("{t[2:]}") AS ?o) }}' for i, t in enumerate(terms) if t.startswith("_:")]
    return " UNION ".join(parts)


def _ordered(terms: list[str], direction: str = "ASC") -> list[dict]:
    query = f"SELECT ?o WHERE {{ {_rows(terms)} }} ORDER BY {direction}(?o)"
    result = run(ox.Store(), query, "json")
    return [row.get("o") for row in json.loads(result.body)["results"]["bindings"]]


def _term(binding: dict | None) -> str:
    """A JSON results binding back as a SPARQL term (for comparing orders)."""
    if binding is None:
        return "UNDEF"
    if binding["type"] == "bnode":
        return "_:"
    if binding["type"] == "uri":
        return f"<{binding['value']}>"
    return json.dumps({k: v for k, v in binding.items() if k != "type"}, sort_keys=True)


def _the_order_of(terms: list[str]) -> list[str]:
    """Each term of ``terms`` as the engine writes it, in ``terms``' order."""
    result = run(ox.Store(), f"SELECT ?o WHERE {{ {_rows(terms)} }} ORDER BY ?i", "json")
    return [_term(b.get("o")) for b in json.loads(result.body)["results"]["bindings"]]


def test_mixed_terms_sort_in_the_documented_order():
    shuffled = ASCENDING[:]
    random.Random(7).shuffle(shuffled)
    got = [_term(b) for b in _ordered(shuffled)]
    assert got == _the_order_of(ASCENDING)


def test_descending_is_the_reverse():
    shuffled = ASCENDING[:]
    random.Random(8).shuffle(shuffled)
    assert [_term(b) for b in _ordered(shuffled, "DESC")] == _the_order_of(ASCENDING)[::-1]


def test_unbound_sorts_first_ascending_and_last_descending():
    terms = ["UNDEF", '"a"', "1", "<http://example.org/a>"]
    assert _ordered(terms)[0] is None and _ordered(terms, "DESC")[-1] is None


def test_the_order_agrees_with_sparql_less_than_wherever_it_is_defined():
    """No pair sorted a before b has a > b by SPARQL's own operator (the engine evaluates ``>``)."""
    pairs = _rows(ASCENDING)
    query = f"""SELECT ?a ?b WHERE {{
        {{ SELECT (?i AS ?x) (?o AS ?a) WHERE {{ {pairs} }} }}
        {{ SELECT (?i AS ?y) (?o AS ?b) WHERE {{ {pairs} }} }}
        FILTER (?x < ?y && ?a > ?b)
    }}"""
    bad = json.loads(run(ox.Store(), query, "json").body)["results"]["bindings"]
    assert bad == []


# Values SPARQL's = holds equal (after numeric type promotion; one instant in two time zones): each group ties,
# so the second condition orders it, whatever order the rows come in, and LIMIT keeps the row that condition puts
# first.
EQUAL = [
    ["1", "1.0", f'"1"^^<{XSD}double>', f'"1"^^<{XSD}float>', f'"1"^^<{XSD}int>', f'"1.0e0"^^<{XSD}double>'],
    ["0.1", f'"0.1"^^<{XSD}double>', f'"1e-1"^^<{XSD}double>'],
    ["0.1", f'"0.1"^^<{XSD}float>'],
    ["0", "-0.0", f'"-0"^^<{XSD}double>'],
    [f'"2020-01-01T01:00:00+01:00"^^<{XSD}dateTime>', f'"2020-01-01T00:00:00Z"^^<{XSD}dateTime>'],
    [f'"2020-01-01Z"^^<{XSD}date>', f'"2020-01-01+00:00"^^<{XSD}date>'],
    [f'"true"^^<{XSD}boolean>', f'"1"^^<{XSD}boolean>'],
]


@pytest.mark.parametrize("terms", EQUAL, ids=lambda terms: terms[0])
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
def test_values_equal_by_sparql_tie_and_the_next_condition_decides(terms, direction):
    for seed in range(4):
        rows = list(enumerate(terms))
        random.Random(seed).shuffle(rows)
        values = " ".join(f"({i} {t})" for i, t in rows)
        query = f"SELECT ?i WHERE {{ VALUES (?i ?o) {{ {values} }} }} ORDER BY {direction}(?o) DESC(?i)"
        got = [int(b["i"]["value"]) for b in json.loads(run(ox.Store(), query, "json").body)["results"]["bindings"]]
        assert got == sorted(range(len(terms)), reverse=True), (seed, [t for _, t in rows])
        first = json.loads(run(ox.Store(), query + " LIMIT 1", "json").body)["results"]["bindings"]
        assert int(first[0]["i"]["value"]) == len(terms) - 1


def test_values_that_differ_do_not_tie():
    """The next condition is not consulted between values SPARQL orders (a double and a float that read back as
    different decimals, two integers a double cannot tell apart, one year and the day it begins)."""
    terms = ["0.1", f'"0.10000001"^^<{XSD}double>', "9007199254740993", "9007199254740994"]
    terms += [f'"1992"^^<{XSD}gYear>', f'"1992-01-01"^^<{XSD}date>']
    values = " ".join(f"({i} {t})" for i, t in enumerate(terms))
    query = f"SELECT ?i WHERE {{ VALUES (?i ?o) {{ {values} }} }} ORDER BY ?o DESC(?i)"
    got = [int(b["i"]["value"]) for b in json.loads(run(ox.Store(), query, "json").body)["results"]["bindings"]]
    assert got == [0, 1, 2, 3, 4, 5]


def test_random_mixes_of_every_kind_are_answered():
    """The engine's sort aborts the process on an inconsistent comparison: every mix must simply be answered."""
    pool = ASCENDING + ["UNDEF", "_:b2", "_:b3"]
    for seed in range(30):
        rng = random.Random(seed)
        mix = [rng.choice(pool) for _ in range(60)]
        for direction in ("ASC", "DESC"):
            assert len(_ordered(mix, direction)) == 60


def test_order_keys_are_used_in_subqueries_and_with_expressions():
    """Ascending, the five terms are the IRI, 1, 2, "a", "b": the subquery keeps the three largest, the outer
    query orders them by their string values."""
    query = """SELECT ?o WHERE {
        { SELECT ?o WHERE { VALUES ?o { "b" 2 "a" 1 <http://example.org/a> } } ORDER BY DESC(?o) LIMIT 3 }
    } ORDER BY (STR(?o))"""
    got = [b["o"]["value"] for b in json.loads(run(ox.Store(), query, "json").body)["results"]["bindings"]]
    assert got == ["2", "a", "b"]


# Conditions that must be rewritten like any other, whatever their letters spell or the functions they call: the
# engine evaluates a key once per solution, so even RAND() or BNODE() gives one fixed key per row.
KEY = "<https://w3id.org/csto-kg/fn#orderKey>"
REWRITES = [
    ("ORDER BY ?uuid", f"ORDER BY ASC({KEY}(?uuid))"),
    ("ORDER BY ?rand ?exists ?v2rand", f"ORDER BY ASC({KEY}(?rand)) ASC({KEY}(?exists)) ASC({KEY}(?v2rand))"),
    ('ORDER BY COALESCE(?o,"uuid")', f'ORDER BY ASC({KEY}(COALESCE(?o,"uuid")))'),
    ("ORDER BY IF(EXISTS{?s a ?t}, ?o, ?o)", f"ORDER BY ASC({KEY}(IF(EXISTS{{?s a ?t}}, ?o, ?o)))"),
    ("ORDER BY IF(RAND()<2, ?o, ?o)", f"ORDER BY ASC({KEY}(IF(RAND()<2, ?o, ?o)))"),
    (
        "ORDER BY DESC(STRUUID()) UUID() BNODE()",
        f"ORDER BY DESC({KEY}(STRUUID())) ASC({KEY}(UUID())) ASC({KEY}(BNODE()))",
    ),
    ("ORDER BY EXISTS { ?s a ?t } ?o", f"ORDER BY ASC({KEY}(EXISTS {{ ?s a ?t }})) ASC({KEY}(?o))"),
    ("ORDER BY NOT EXISTS {?s ?p 1} DESC(?o)", f"ORDER BY ASC({KEY}(NOT EXISTS {{?s ?p 1}})) DESC({KEY}(?o))"),
    ("ORDER BY #c\r?o", f"ORDER BY #c\rASC({KEY}(?o))"),  # section 19.4: the comment ends at CR
    ("ORDER BY ?s #c\r?o", f"ORDER BY ASC({KEY}(?s)) #c\rASC({KEY}(?o))"),
]


@pytest.mark.parametrize("order_by, expected", REWRITES)
def test_every_condition_is_rewritten(order_by, expected):
    assert rewrite_order_by(f"SELECT * WHERE {{ ?s ?p ?o }} {order_by} LIMIT 3") == (
        f"SELECT * WHERE {{ ?s ?p ?o }} {expected} LIMIT 3"
    )


MIXED = ' VALUES (?s ?o) { (1 1) (2 "a") (3 "2"^^<http://www.w3.org/2001/XMLSchema#double>) (4 "b"@en) (5 10) } '


@pytest.mark.parametrize(
    "condition",
    ["?o", "?uuid", 'COALESCE(?uuid,"uuid")', "IF(EXISTS{?s ?p ?t}, ?o, ?o)", "IF(RAND()<2, ?o, ?o)", "#c\r?o"],
)
def test_mixed_terms_under_any_condition_are_answered(condition):
    """In a child process: before the rewrite took these, the engine's sort aborted the process."""
    query = f"SELECT ?s WHERE {{ {MIXED} BIND(?o AS ?uuid) }} ORDER BY {condition}"
    code = (
        "import json, sys, pyoxigraph as ox\n"
        "from csto_kg.query import run\n"
        "r = run(ox.Store(), sys.argv[1], 'json')\n"
        "print(len(json.loads(r.body)['results']['bindings']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, query], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "5", done.stderr[-300:]


def test_the_engine_evaluates_a_key_once_per_solution():
    """What wrapping RAND() and the like relies on: one evaluation per row, not one per comparison."""
    calls = []
    rows = ox.Store().query(
        "SELECT ?x WHERE { VALUES ?x { 5 3 9 1 7 2 8 } } ORDER BY <urn:x-test:key>(?x)",
        custom_functions={ox.NamedNode("urn:x-test:key"): lambda t: calls.append(t) or t},
    )
    assert len(list(rows)) == 7 and len(calls) == 7
