"""The competency questions: each named query ``queries/cqNN-*.rq`` answers its question from
the built graph, through the CLI (``csto-kg query``, its ``main`` run in the test's process), and every answer leads back to a verbatim passage of
a seed file.

The expected answers are data beside each query, ``queries/cqNN-*.expected.json``:
``columns`` (the query's variables that make up an answer) and ``rows``, one per expected
answer, each with ``files``, the seed files a passage supporting it must come from. IRIs
are written as CURIEs (``csto:Deployment``, ``:armenia``), an unbound variable as ``null``.
The query must return exactly those answers (no more, no fewer), each with a verbatim
passage from at least those files. A curator changes an answer by editing the file.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from csto_kg.namespaces import curie
from support import run_cli

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("cq*.rq"))
EXPECTED = sorted((ROOT / "queries").glob("cq*.expected.json"))
SEEDS = ROOT / "seeds"


def expected_file(query: Path) -> Path:
    return query.with_name(query.stem + ".expected.json")


@pytest.fixture(scope="module")
def build_env(shared_build):
    return shared_build.env


def value(binding: dict | None) -> str | None:
    """A SPARQL JSON binding as an expected-answer file writes it: an IRI as a CURIE, a literal as its text."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return curie(binding["value"]) or binding["value"]
    return binding["value"]


def load_expected(path: Path) -> tuple[list[str], dict[tuple, set[str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    columns = data["columns"]
    rows = {}
    for row in data["rows"]:
        assert set(row) == set(columns) | {"files"}, f"{path.name}: a row must give {columns} and files: {row}"
        rows[tuple(row[c] for c in columns)] = set(row["files"])
    return columns, rows


def test_every_query_states_its_question_and_has_expected_answers():
    assert len(QUERIES) >= 12
    for path in QUERIES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"# CQ\d{2,}: .+\?$", first), f"{path.name} must open with '# CQnn: <question>?'"
        assert expected_file(path).is_file(), f"{path.name} has no {expected_file(path).name} beside it"
    assert {expected_file(p) for p in QUERIES} == set(EXPECTED), "an expected-answer file without its query"


def test_one_file_per_competency_question_and_its_number_in_its_header():
    """Each number names one question: two files for one cq number (a copy left behind, a renumbering half done)
    would both run, and a '# CQnn' header naming another number than the file misleads whoever reads it."""
    by_number: dict[str, list[str]] = defaultdict(list)
    for path in QUERIES:
        number = re.match(r"cq(\d+)-", path.name).group(1)
        by_number[number].append(path.name)
        header = re.match(r"# CQ(\d+):", path.read_text(encoding="utf-8"))
        assert header is None or header.group(1) == number, (
            f"queries/{path.name}:1: its header says CQ{header.group(1)}, its file name cq{number}"
        )
    twice = {n: names for n, names in by_number.items() if len(names) > 1}
    assert not twice, f"two files for one competency question: {twice}"


def _line(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_query_parses_and_its_expected_answers_are_well_formed(query):
    """Without a build: the query parses (Oxigraph, as csto-kg query: line:column), the expected-answer file is JSON whose
    columns are variables the query selects, each row gives exactly those columns and its files, each file names a
    seed, and no row is written twice (rows are a set: a copy would hide that one was meant to change)."""
    import pyoxigraph as ox

    from csto_kg.query import evaluate, one_line

    text = query.read_text(encoding="utf-8")
    try:  # the engine csto-kg query uses, on an empty store: its parse, and the variables it selects
        selected = {v.value for v in evaluate(ox.Store(), text).variables}
    except SyntaxError as e:
        pytest.fail(f"queries/{query.name}: the query does not parse: {one_line(e)}")
    path = expected_file(query)
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        pytest.fail(f"queries/{path.name}:{e.lineno}: not JSON: {e.msg}")
    columns = data["columns"]
    unknown = [c for c in columns if c not in selected]
    header = _line(raw, '"columns"')
    assert not unknown, (
        f"queries/{path.name}:{header}: column(s) {unknown} are not variables the query selects ({sorted(selected)})"
    )
    seeds = {p.name for p in SEEDS.glob("*.txt")}
    seen = set()
    for row in data["rows"]:
        at = f"queries/{path.name}:{_line(raw, json.dumps(row[columns[0]]) if columns and columns[0] in row else '{')}"
        assert set(row) == set(columns) | {"files"}, f"{at}: a row must give {columns} and files, not {sorted(row)}"
        assert row["files"] and not set(row["files"]) - seeds, (
            f"{at}: files {sorted(set(row['files']) - seeds) or '[]'} name no seed file (seeds/NNN_<hash>.txt)"
        )
        key = tuple(row[c] for c in columns)
        assert key not in seen, f"{at}: the row {key} is written twice"
        seen.add(key)


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_competency_question(query, build_env):
    """The query's answers are exactly the expected rows, and each comes with verbatim passages
    from (at least) the seed files the expected-answer file names."""
    columns, expected = load_expected(expected_file(query))
    run = run_cli(["query", str(query), "--format", "json"], env=build_env)
    assert run.returncode == 0, f"queries/{query.name}: csto-kg query failed: {run.stderr[-2000:]}"
    bindings = json.loads(run.stdout)["results"]["bindings"]
    assert bindings, f"{query.name}: no answer"
    got: dict[tuple, set[str]] = defaultdict(set)
    for b in bindings:
        answer = tuple(value(b.get(c)) for c in columns)
        got[answer]  # an answer even when this row has no passage
        if "file" in b and "quote" in b:
            file, quote = b["file"]["value"], b["quote"]["value"]
            assert quote in (SEEDS / file).read_text(encoding="utf-8"), f"quote not verbatim in {file}: {quote[:80]}"
            got[answer].add(file)
    assert set(got) == set(expected), (
        f"{query.name}: unexpected answers {sorted(set(got) - set(expected), key=str)}; "
        f"missing {sorted(set(expected) - set(got), key=str)}"
    )
    for answer, files in expected.items():
        assert got[answer], f"{query.name}: answer {answer} has no passage"
        assert files <= got[answer], f"{query.name}: answer {answer} lacks passages from {sorted(files - got[answer])}"


def test_default_graph_is_a_set_union(build_env):
    """A triple stated by several seeds is in the default graph once (SPARQL: the default graph is a graph)."""
    label = "<https://w3id.org/csto-kg/id/deployment-kazakhstan-2022> <http://www.w3.org/2000/01/rdf-schema#label> ?l"
    count = "SELECT (COUNT(*) AS ?n) WHERE { %s }"

    def n(query):
        run = run_cli(["query", query, "--format", "json"], env=build_env)
        assert run.returncode == 0, run.stderr
        out = run.stdout
        return int(json.loads(out)["results"]["bindings"][0]["n"]["value"])

    assert n(count % label) == 1
    assert n(count % f"GRAPH ?g {{ {label} }}") == 3, "three seeds describe the deployment"
    assert n(count % "?s ?p ?o") == n(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )
