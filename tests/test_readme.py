"""The README's examples are run, so the documentation cannot rot."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from rdflib import Dataset, Graph, Namespace

from support import CSTO_KG

OA = Namespace("http://www.w3.org/ns/oa#")

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_readme_sparql_examples_answer(shared_build):
    """The README's example queries, through ``csto-kg query`` over the session's build (of the same inputs)."""
    members, passages = [b for b in blocks("sparql") if "SELECT" in b]  # (the others are patterns)
    env = shared_build.env

    def run(query):
        out = subprocess.run(
            [CSTO_KG, "query", "-", "--format", "json"],
            input=query,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows = json.loads(out)["results"]["bindings"]
        for r in rows:
            assert r["quote"]["value"] in (ROOT / "seeds" / r["file"]["value"]).read_text(encoding="utf-8")
        return rows

    rows = run(members)
    assert {r["state"]["value"] for r in rows} == {
        "Armenia",
        "Belarus",
        "Kazakhstan",
        "Kyrgyzstan",
        "Russia",
        "Tajikistan",
    }
    ranks = {(r["value"]["value"], r["rank"]["value"].rsplit("/", 1)[1], r["file"]["value"][:3]) for r in run(passages)}
    assert ranks == {
        ("2022-01-06", "PreferredRank", "001"),
        ("2022-01", "NormalRank", "003"),
        ("2022", "NormalRank", "004"),
    }, "as the README says"


def test_readme_evidence_example_is_in_the_graph():
    """The evidence node shown in the README is the one curated, quote and offsets alike."""
    prefixes = (
        "@prefix ev: <https://w3id.org/csto-kg/evidence/> . @prefix src: <https://w3id.org/csto-kg/source/> . "
        "@prefix oa: <http://www.w3.org/ns/oa#> . @prefix csto: <https://w3id.org/csto-kg/ontology/> .\n"
    )
    [example] = [b for b in blocks("turtle") if "oa:hasSource" in b]
    shown = Graph().parse(data=prefixes + example, format="turtle")
    curated = Dataset(default_union=True)
    curated.parse(ROOT / "kg" / "001_7fa2a4cddbc73fc3.trig", format="trig")
    for term in ("exact", "start", "end"):
        [value] = list(shown.objects(None, OA[term]))
        assert value in set(curated.objects(None, OA[term])), term


def test_readme_names_the_commands_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "./dev test" in ci and "./dev test" in README and "./dev serve" in README
