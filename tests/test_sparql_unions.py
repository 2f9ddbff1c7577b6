"""A union joined with more patterns of its group is given to the engine as a sub-query: where, and the same rows."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from csto_kg.sparql_unions import unions_selected

U = "{ ?a <urn:p> ?b } UNION { ?a <urn:q> ?b }"
W = "{ SELECT * WHERE { " + U + " } }"

REWRITTEN = [
    (f"SELECT * WHERE {{ {U} ?b <urn:r> ?c }}", f"SELECT * WHERE {{ {W} ?b <urn:r> ?c }}"),
    (f"SELECT * WHERE {{ ?b <urn:r> ?c . {U} }}", f"SELECT * WHERE {{ ?b <urn:r> ?c . {W} }}"),
    (f"SELECT * {{ {U} {{ ?b <urn:r> ?c }} }}", f"SELECT * {{ {W} {{ ?b <urn:r> ?c }} }}"),
    (f"SELECT ?a {{ {U} OPTIONAL {{ ?b <urn:r> ?c }} }}", f"SELECT ?a {{ {W} OPTIONAL {{ ?b <urn:r> ?c }} }}"),
    (f"ASK {{ {U} {U} }}", f"ASK {{ {W} {W} }}"),
    (f"SELECT (COUNT(*) AS ?n) {{ {U} ?b <urn:r> ?c }}", f"SELECT (COUNT(*) AS ?n) {{ {W} ?b <urn:r> ?c }}"),
    # a union's operand, and a sub-query's pattern, are groups of their own
    (
        f"SELECT * {{ {{ {U} ?b <urn:r> ?c }} UNION {{ ?a <urn:s> ?b }} }}",
        f"SELECT * {{ {{ {W} ?b <urn:r> ?c }} UNION {{ ?a <urn:s> ?b }} }}",
    ),
    (
        f"SELECT * {{ {{ SELECT ?a WHERE {{ {U} ?b <urn:r> ?c }} }} }}",
        f"SELECT * {{ {{ SELECT ?a WHERE {{ {W} ?b <urn:r> ?c }} }} }}",
    ),
    (
        f"CONSTRUCT {{ ?a <urn:p> ?b }} WHERE {{ {U} ?b <urn:r> ?c }}",
        f"CONSTRUCT {{ ?a <urn:p> ?b }} WHERE {{ {W} ?b <urn:r> ?c }}",
    ),
    # three operands, one chain; a FILTER beside it, and one naming EXISTS, are read past
    (
        f"SELECT * {{ {U} UNION {{ ?a <urn:s> ?b }} ?b <urn:r> ?c }}",
        f"SELECT * {{ {{ SELECT * WHERE {{ {U} UNION {{ ?a <urn:s> ?b }} }} }} ?b <urn:r> ?c }}",
    ),
    (f"SELECT * {{ {U} FILTER(?a != ?b) ?b <urn:r> ?c }}", f"SELECT * {{ {W} FILTER(?a != ?b) ?b <urn:r> ?c }}"),
    (
        f"SELECT * {{ {U} FILTER NOT EXISTS {{ ?a <urn:s> ?b }} ?b <urn:r> ?c }}",
        f"SELECT * {{ {W} FILTER NOT EXISTS {{ ?a <urn:s> ?b }} ?b <urn:r> ?c }}",
    ),
]

UNCHANGED = [
    f"SELECT * WHERE {{ {U} }}",  # nothing to join with
    f"SELECT * WHERE {{ {U} FILTER(?a != ?b) }}",  # a filter is not a pattern to join
    f"SELECT * WHERE {{ {U} FILTER NOT EXISTS {{ ?a <urn:r> ?c }} }}",
    f"SELECT * WHERE {{ ?x <urn:r> ?y OPTIONAL {{ {U} ?b <urn:r> ?c }} }}",  # the outer row reaches in
    f"SELECT * WHERE {{ ?x <urn:r> ?y MINUS {{ {U} ?b <urn:r> ?c }} }}",
    f"SELECT * WHERE {{ ?x <urn:r> ?y FILTER EXISTS {{ {U} ?b <urn:r> ?c }} }}",
    f"SELECT * WHERE {{ GRAPH ?g {{ {U} ?b <urn:r> ?c }} }}",
    f"SELECT * WHERE {{ GRAPH <urn:g> {{ {U} ?b <urn:r> ?c }} }}",
    f"SELECT * WHERE {{ SERVICE <urn:s> {{ {U} ?b <urn:r> ?c }} }}",
    'SELECT * WHERE { ?a <urn:p> "{ ?x } UNION { ?y }" . ?a <urn:q> ?b }',  # words in a string
    "SELECT * WHERE { ?a <urn:p> ?b # { ?a } UNION { ?b }\n ?b <urn:q> ?c }",  # and in a comment
    f"SELECT * WHERE {{ {U} ?b <urn:r> ?c",  # unbalanced: the parser says what is wrong
    "SELECT * WHERE { ?a <urn:p> ?b } VALUES (?a) { (<urn:x>) }",
]


@pytest.mark.parametrize(("query", "expected"), REWRITTEN)
def test_a_union_joined_with_more_is_a_sub_query(query, expected):
    assert unions_selected(query) == expected


@pytest.mark.parametrize("query", UNCHANGED)
def test_a_query_the_rewrite_does_not_apply_to_is_returned_as_it_is(query):
    assert unions_selected(query) is query


def _store() -> ox.Store:
    store = ox.Store()
    n = ox.NamedNode
    rows = [(f"urn:a{i % 7}", p, f"urn:b{i % 5}") for i in range(40) for p in ("urn:p", "urn:q", "urn:s")]
    rows += [(f"urn:b{i}", "urn:r", f"urn:c{i % 3}") for i in range(5)]
    store.extend(ox.Quad(n(s), n(p), n(o)) for s, p, o in rows[::2])  # every other row: some joins fail
    store.extend(ox.Quad(n(s), n(p), n(o), n("urn:g")) for s, p, o in rows[1::3])
    return store


@pytest.mark.parametrize(("query", "_"), REWRITTEN)
def test_the_engine_gives_the_same_rows_either_way(query, _):
    """Each rewritten query, and the original, on one store: the same solutions, each as often."""
    store = _store()
    before, after = store.query(query), store.query(unions_selected(query))
    if isinstance(before, ox.QueryBoolean):
        assert bool(before) is bool(after) is True
        return
    if isinstance(before, ox.QueryTriples):
        assert Counter(map(str, before)) == Counter(map(str, after))
        return
    names = [v.value for v in before.variables]
    assert names == [v.value for v in after.variables]
    rows = [Counter(tuple(str(s[v]) for v in names) for s in r) for r in (before, after)]
    assert rows[0] == rows[1] and sum(rows[0].values()) > 0
