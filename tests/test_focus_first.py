"""csto_kg/validation/focus_first.py: the focus nodes joined in first only where every row of the group has ?this
bound by its first element, and then the rows of the focus nodes exactly those of the query as written."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from csto_kg.validation.focus_first import focus_first

EX = "http://example.org/"
FOCUS = f"{{ SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ <{EX}f1> <{EX}v2> }} }} }}"
DATA = f"""@prefix : <{EX}> .
:f1 :p :v1 ; :q :w1 .  :f2 :p :v2 .  :v1 :r :f1 .  :v2 :r :f2 .  :x :s :y .
"""

# query, how many groups get the focus nodes first (0: the query is left as written)
CASES = [
    ("SELECT ?this ?v WHERE { ?this :p ?v . FILTER NOT EXISTS { ?this :q ?w } }", 1),
    ("SELECT ?this ?v WHERE { ?v :r ?this ; :r ?this }", 1),  # ?this as the object of the first pattern
    ("SELECT ?this ?v WHERE { { ?this :p ?v } UNION { ?v :r ?this } }", 2),
    ("SELECT ?this ?v WHERE { { SELECT * WHERE { { ?this :p ?v } UNION { ?this :q ?v } } } ?v ?any ?that }", 2),
    ("SELECT ?this ?v WHERE { { ?this :p ?v } UNION { ?x :s ?y } }", 0),  # an operand whose rows leave ?this unbound
    ("SELECT ?this ?v WHERE { OPTIONAL { ?this :p ?v } }", 0),  # a row without the optional part
    ("SELECT ?this ?v WHERE { [] :p ?this . ?this ?pp ?v }", 0),  # a blank node's pattern first
    ("SELECT ?this ?v WHERE { ?x :s ?y . ?this :p ?v }", 0),  # the first pattern does not bind ?this
    ("SELECT ?this ?v WHERE { VALUES ?v { 1 } ?this :p ?w }", 0),
    (
        "SELECT ?this ?v WHERE { { SELECT ?this ?v WHERE { ?this :p ?v } LIMIT 1 } }",
        0,
    ),  # a modifier: not a plain select
]


def _rows(store: ox.Store, query: str, focus: set | None) -> list:
    rows = store.query(f"PREFIX : <{EX}> {query}")
    out = []
    for r in rows:
        this = r["this"]
        if focus is None or (this is not None and this.value in focus):
            out.append(tuple(None if r[v] is None else str(r[v]) for v in ("this", "v")))
    return sorted(out, key=str)


@pytest.mark.parametrize("query,groups", CASES, ids=[str(i) for i in range(len(CASES))])
def test_the_focus_nodes_go_first_only_where_that_keeps_the_focus_nodes_rows(query, groups):
    written = focus_first(query, FOCUS)
    assert written.count("SELECT DISTINCT ?this") == groups
    store = ox.Store()
    store.load(DATA.encode(), ox.RdfFormat.TURTLE)
    focus = {EX + "f1", EX + "v2"}
    assert _rows(store, written, focus) == _rows(store, query, focus)
    if groups:  # restricted: no row of another node is even produced
        assert all(row[0] in (f"<{n}>" for n in focus) for row in _rows(store, written, None))
