"""The benchmark's synthetic projects (bench/generate.py): deterministic by seed, and they build and validate."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from rdflib import Dataset

from bench.generate import Fact, _Document, _Facts, _World, generate
from csto_kg.namespaces import OA
from support import TINY

ROOT = Path(__file__).resolve().parent.parent


def test_generator_is_deterministic(tiny, tmp_path):
    again = tmp_path / "again"
    generate(again, TINY, seed=7)
    files = sorted(p.relative_to(tiny) for p in tiny.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert any(f.parts[0] == "kg" and f.name != "entities.trig" for f in files)
    for f in files:
        assert (tiny / f).read_bytes() == (again / f).read_bytes(), f
    other = tmp_path / "other"
    generate(other, TINY, seed=8)
    assert (other / "kg" / "entities.trig").read_bytes() != (tiny / "kg" / "entities.trig").read_bytes()


def test_generated_project_builds_and_validates(tiny, tmp_path):
    env = dict(os.environ, CSTO_KG_ROOT=str(tiny), CSTO_KG_BUILD=str(tmp_path / "build"))
    run = subprocess.run([sys.executable, "-m", "csto_kg.cli", "build"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "build" / "current" / "manifest.json").read_text())
    assert manifest["triples"]["asserted"] > TINY * 0.7
    assert len(manifest["seed_graphs"]) >= 2
    assert manifest["conforms"] is True, (tmp_path / "build" / "current" / "validation.ttl").read_text()[:3000]


def test_generated_project_has_no_result_at_a_larger_scale(tmp_path):
    """At 2e4 triples the generator used to write what validation reports (a meeting not naming a member the rule
    counts, two conflicts or snapshots that are one fact, a serial such as "r-1805" read as a year): the project
    validates with no result of any severity, warnings included (bench/README.md: the 1e6 build validates a valid
    project)."""
    project = tmp_path / "p2e4"
    generate(project, 20_000, seed=0)
    env = dict(os.environ, CSTO_KG_ROOT=str(project), CSTO_KG_BUILD=str(tmp_path / "build"))
    run = subprocess.run(
        [sys.executable, "-m", "csto_kg.cli", "validate", "--format", "json"], env=env, capture_output=True, text=True
    )
    results = json.loads(run.stdout)
    assert [(r["rule"], r["focus"]) for r in results] == []
    assert run.returncode == 0, run.stderr


def test_facts_drawn_as_often_as_a_large_project_draws_them_stay_apart_by_what_identifies_their_kind():
    """At 1e7 the generator wrote what validation warns of (shape:DuplicateFactNode): 3,289 force sizes sharing their
    figure, 542 summits sharing body, place and date, 8 quantities sharing figure and qualifier (at 1e6: 39 force
    sizes, 3 summits). Drawn 5,000 times each, every one is told apart by the statements identifying its kind."""
    rng = random.Random(0)
    facts = _Facts(_World(10**6, rng), rng)
    keys: dict[str, list[tuple]] = {"ForceSize": [], "Summit": [], "Quantity": []}
    identifying = {
        "ForceSize": ("csto:personnel ",),
        "Summit": ("csto:body ", "csto:place ", "csto:date "),
        "Quantity": ("csto:amount ", "csto:qualifier "),
    }
    for _ in range(5000):
        for fact in facts._request() + facts._summit() + facts._claim():
            for kind, props in identifying.items():
                if f"a csto:{kind}" in fact.lines:
                    keys[kind].append(tuple(line for line in fact.lines if line.startswith(props)))
    for kind, found in keys.items():
        assert len(found) > 500, kind  # enough that the old draws repeated themselves (birthday odds)
        assert len(set(found)) == len(found), kind


def test_a_quote_the_finished_text_holds_twice_says_which_occurrence_is_meant(tmp_path):
    """A later passage may contain an earlier one ("52 were reported" in "Some 77,852 were reported": at 1e7, a
    violation of shape:VerbatimQuoteRule): such a quote gets oa:prefix/oa:suffix, a quote held once gets neither."""
    rng = random.Random(0)
    doc = _Document(0, rng, _World(10_000, rng))
    doc.start("000_test")
    doc.add_group([Fact(":a", "a", ["a csto:Claim"], "52 were reported.", 1)], "000")
    doc.add_group([Fact(":b", "b", ["a csto:Claim"], "Some 77,852 were reported.", 1)], "000")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "kg").mkdir()
    doc.finish(tmp_path / "seeds", tmp_path / "kg")
    text = (tmp_path / "seeds" / "000_test.txt").read_text(encoding="utf-8")
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "kg" / "000_test.trig", format="trig")
    context = {}
    for selector, exact in ds.subject_objects(OA.exact):
        prefix, suffix = (str(ds.value(selector, p) or "") for p in (OA.prefix, OA.suffix))
        context[str(exact)] = (prefix, suffix)
        assert text.count(prefix + str(exact) + suffix) == 1, exact
    assert context["Some 77,852 were reported."] == ("", "")
    assert context["52 were reported."] != ("", ""), "the repeated quote says which occurrence is meant"
    assert len(context) == 3 and context[doc.title] == ("", "")  # the title's, and the two claims'
