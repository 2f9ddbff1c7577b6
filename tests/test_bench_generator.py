"""The benchmark's synthetic projects (bench/generate.py): deterministic by seed, and they build and validate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.generate import generate
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
