"""The competency questions: each named query in queries/ answers its question from
the built graph, through the real CLI, and every answer leads back to a verbatim
passage of a seed file.

The expected answers are those of shared/competency-questions.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("cq*.rq"))
SEEDS = ROOT / "seeds"
ID = "https://w3id.org/csto-kg/id/"
CSTO = "https://w3id.org/csto-kg/ontology/"


@pytest.fixture(scope="module")
def build_env(tmp_path_factory):
    env = dict(os.environ, CSTO_KG_BUILD=str(tmp_path_factory.mktemp("build")))
    subprocess.run(["csto-kg", "build"], env=env, check=True, capture_output=True, text=True)
    return env


def run(query: Path, env) -> list[dict[str, str]]:
    out = subprocess.run(["csto-kg", "query", str(query), "--format", "json"], env=env,
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def by(rows, key, value_key):
    out = defaultdict(set)
    for r in rows:
        if key in r and value_key in r:
            out[r[key]].add(r[value_key])
    return out


def assert_provenance(rows, key):
    """Every answer has at least one passage, and every passage is verbatim in its seed."""
    answers = {r[key] for r in rows}
    with_evidence = {r[key] for r in rows if "file" in r and "quote" in r}
    assert answers == with_evidence, f"answers without provenance: {answers - with_evidence}"
    for r in rows:
        if "file" in r:
            text = (SEEDS / r["file"]).read_text(encoding="utf-8")
            assert r["quote"] in text, f"quote not verbatim in {r['file']}: {r['quote'][:80]}"


def q(prefix: str) -> Path:
    [path] = [p for p in QUERIES if p.name.startswith(prefix)]
    return path


def test_every_query_states_its_question():
    assert len(QUERIES) >= 12
    for path in QUERIES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"# CQ\d\d: .+\?$", first), f"{path.name} must open with '# CQnn: <question>?'"


def test_cq01_members_on_2023_11_30(build_env):
    rows = run(q("cq01"), build_env)
    assert {r["stateLabel"] for r in rows} == {"Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"}
    assert_provenance(rows, "state")


def test_cq02_signatories_tashkent_1992(build_env):
    rows = run(q("cq02"), build_env)
    assert {r["stateLabel"] for r in rows} == {"Armenia", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan"}
    assert_provenance(rows, "state")


def test_cq03_withdrawals(build_env):
    rows = run(q("cq03"), build_env)
    assert {r["stateLabel"] for r in rows} == {"Azerbaijan", "Georgia", "Uzbekistan"}
    dates = by(rows, "stateLabel", "date")
    assert dates["Azerbaijan"] == {"1999"} and dates["Georgia"] == {"1999"}
    uzbek = defaultdict(set)
    for r in rows:
        if r["stateLabel"] == "Uzbekistan":
            uzbek[r["fact"]].add(r.get("date"))
    assert len(uzbek) == 2, "Uzbekistan withdrew twice"
    assert sorted(map(sorted, (v - {None} for v in uzbek.values()))) == [[], ["2012"]], \
        "one withdrawal undated, the other in 2012"
    assert_provenance(rows, "fact")


def test_cq04_article_4(build_env):
    rows = run(q("cq04"), build_env)
    assert rows and all(r["fact"] == ID + "cst-article-4" for r in rows)
    assert any(r.get("kind") == CSTO + "MutualDefenceClause" for r in rows)
    texts = {r["text"] for r in rows if "text" in r}
    assert any("If one of the participating States is subjected to aggression" in t and "against all" in t for t in texts)
    assert "004_b88eea108042ee85.txt" in {r.get("file") for r in rows}
    assert_provenance(rows, "fact")


def test_cq05_invocations(build_env):
    rows = run(q("cq05"), build_env)
    answers = {(r["stateLabel"], r.get("date"), r.get("responseType")) for r in rows}
    assert answers == {
        ("Kazakhstan", "2022-01", CSTO + "Deployment"),
        ("Armenia", "2022-09", CSTO + "MinimalResponse"),
    }
    starts = {r.get("responseStart") for r in rows if r["stateLabel"] == "Kazakhstan"}
    assert starts == {"2022-01-06"}
    assert_provenance(rows, "fact")


def test_cq06_summits(build_env):
    rows = run(q("cq06"), build_env)
    dates = by(rows, "placeLabel", "date")
    assert set(dates) == {"Moscow", "Yerevan", "Minsk"}
    assert dates["Moscow"] == {"2022-05-16"}
    assert dates["Yerevan"] == {"2022-11-23"}
    assert dates["Minsk"] == {"2023-11"}
    minsk_docs = {r.get("documentDated") for r in rows if r["placeLabel"] == "Minsk"}
    assert "2023-11-23" in minsk_docs
    assert_provenance(rows, "fact")


def test_cq07_absent_from_minsk(build_env):
    rows = run(q("cq07"), build_env)
    assert {r["stateLabel"] for r in rows} == {"Armenia"}
    assert_provenance(rows, "state")


def test_cq08_kazakhstan_deployment_sources(build_env):
    rows = run(q("cq08"), build_env)
    assert {r["file"] for r in rows} == {
        "001_7fa2a4cddbc73fc3.txt", "003_6d908fab4c796ec4.txt", "004_b88eea108042ee85.txt"}
    assert_provenance(rows, "about")


def test_cq09_force_sizes_kept_apart(build_env):
    rows = run(q("cq09"), build_env)
    by_file = {r["file"]: r for r in rows}
    assert set(by_file) == {"001_7fa2a4cddbc73fc3.txt", "004_b88eea108042ee85.txt"}
    assert by_file["001_7fa2a4cddbc73fc3.txt"]["statedAs"] == "some 2,500 troops"
    assert by_file["001_7fa2a4cddbc73fc3.txt"]["personnel"] == "2500"
    r004 = by_file["004_b88eea108042ee85.txt"]
    assert "more than 2,000 military personnel" in r004["statedAs"] and "250 pieces of equipment" in r004["statedAs"]
    assert (r004["personnel"], r004["equipment"], r004["personnelQualifier"]) == ("2000", "250", CSTO + "MoreThan")
    assert len({r["fact"] for r in rows}) == 2, "each source's figure is its own node"
    assert_provenance(rows, "fact")


def test_cq10_pashinyan(build_env):
    rows = run(q("cq10"), build_env)
    words = " | ".join(r.get("words", "") for r in rows)
    assert "no advantage" in words and "a strategic mistake" in words
    refused = {r["fact"] for r in rows if r["kind"] == CSTO + "refusedToSignBy"}
    assert refused == {ID + "declaration-2022-11-23-yerevan", ID + "document-2022-11-23-assistance-to-armenia"}
    assert_provenance(rows, "fact")


def test_cq11_cis_observer_status(build_env):
    rows = run(q("cq11"), build_env)
    assert {r["granteeLabel"] for r in rows} == {"Commonwealth of Independent States"}
    assert {r.get("proposedByLabel") for r in rows} == {"Vladimir Putin"}
    assert_provenance(rows, "fact")


def test_cq12_refused_requests(build_env):
    rows = run(q("cq12"), build_env)
    assert {(r["stateLabel"], r.get("date")) for r in rows} == {
        ("Kyrgyzstan", "1999"), ("Kyrgyzstan", "2010"), ("Kyrgyzstan", "2021")}
    assert_provenance(rows, "fact")


def test_default_graph_is_a_set_union(build_env):
    """A triple stated by several seeds is in the default graph once (SPARQL: the default graph is a graph)."""
    label = "<https://w3id.org/csto-kg/id/deployment-kazakhstan-2022> <http://www.w3.org/2000/01/rdf-schema#label> ?l"
    count = "SELECT (COUNT(*) AS ?n) WHERE { %s }"
    def n(query):
        out = subprocess.run(["csto-kg", "query", query, "--format", "json"], env=build_env,
                             check=True, capture_output=True, text=True).stdout
        return int(json.loads(out)["results"]["bindings"][0]["n"]["value"])
    assert n(count % label) == 1
    assert n(count % f"GRAPH ?g {{ {label} }}") == 3, "three seeds describe the deployment"
    assert n(count % "?s ?p ?o") == n("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
