"""``GRAPH ?g { … }`` holding a sub-query or a MINUS over an external store (Virtuoso), per section 18.6.

Virtuoso 7.2 answers most such groups with no row at all; the store client
writes them as a union over the dataset's named graphs
(:func:`csto_kg.sparql_rewrite.graph_groups_unrolled`, ``keep_mentioned``). The
tiny dataset and its hand-written answers are those of
``test_sparql_graph_groups``; it is loaded into a throwaway Virtuoso with a
published-dataset record, and queried through :func:`csto_kg.query.run`, what a
query worker of ``csto-kg serve --store`` calls.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from test_sparql_graph_groups import CASES, TINY

from csto_kg import virtuoso_local
from csto_kg.namespaces import CSTO
from csto_kg.query import open_store, run
from csto_kg.remote_store import DATASET_GRAPH

pytestmark = [
    pytest.mark.skipif(
        not virtuoso_local.available() and not os.environ.get("CI"),
        reason="Debian's virtuoso-opensource is not installed (./dev test installs it)",
    ),
    pytest.mark.xdist_group("test_remote_graph_groups"),  # one worker sets up the Virtuoso once
]

E = "http://e/"
# Virtuoso's own faults, which no rewrite of the GRAPH group mends (server/README.md): a sub-query binding the
# graph variable itself is left as written, and Virtuoso fails on it (SP031 "lost filters in equivs"); a MINUS
# nested in a MINUS removes rows even with a constant graph.
VIRTUOSO_FAULTS = {
    "SELECT ?g ?a { GRAPH ?g { { SELECT ?a (:g2 AS ?g) { ?a :p :o } } } }": "Virtuoso SP031 internal error",
    "SELECT ?g ?a { GRAPH ?g { ?a ?p ?o MINUS { ?b ?p2 ?o2 MINUS { ?a :p :o } } } }": "Virtuoso's nested MINUS",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    data = " ".join(f"GRAPH <{E}{g or 'default'}> {{ <{E}{s}> <{E}{p}> <{E}o> }}" for g, s, p in TINY)
    record = f"<{DATASET_GRAPH}>"
    data += (
        f" GRAPH {record} {{ {record} <{CSTO.defaultGraphPart}> <{E}default> ; "
        f'<{CSTO.namedGraph}> <{E}g1>, <{E}g2>, <{E}g3> ; <{CSTO.buildKey}> "tiny" }}'
    )
    with virtuoso_local.local_virtuoso(tmp_path_factory.mktemp("virtuoso")) as v:
        load = subprocess.run(
            ["isql-vt", v.isql_address, "dba", "dba", f"exec=SPARQL INSERT DATA {{ {data} }};"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert load.returncode == 0 and "Error" not in load.stdout, load.stdout + load.stderr
        yield open_store(v.sparql_url)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(q, e, marks=pytest.mark.xfail(strict=True, reason=VIRTUOSO_FAULTS[q]))
        if q in VIRTUOSO_FAULTS
        else (q, e)
        for q, e in CASES
    ],
)
def test_tiny_dataset_over_virtuoso_answers_as_section_18_6_defines(store, query, expected):
    doc = json.loads(run(store, "PREFIX : <http://e/>\n" + query).body)
    variables = doc["head"]["vars"]
    got = sorted(
        " ".join(b[v]["value"].removeprefix(E) if v in b else "-" for v in variables)
        for b in doc["results"]["bindings"]
    )
    assert got == sorted(expected)
