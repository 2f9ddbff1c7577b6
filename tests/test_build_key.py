"""The build key: any change to any input makes a new build, for every kind of input.

A copy of the project (its input trees and the ``csto_kg`` package itself) is
built with the real CLI, run from the copy (``PYTHONPATH``), then each kind of
input is edited in turn and ``csto-kg build`` must build anew (not answer "up to
date" from the stale build): ``csto_kg/namespaces.py``, a new module of the package,
the ontology, a shape, a query, a seed's bytes, a curated file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EDITS = [  # (kind, file under the copy, old, new): each changes one input and nothing else
    ("package code", "csto_kg/namespaces.py", "SRC = Namespace(", "SRC = Namespace(  "),
    ("a new package module", "csto_kg/added_module.py", None, "X = 1\n"),
    ("ontology", "ontology/csto.ttl", None, "\n# an edit\n"),
    ("shapes", "shapes/prefixes.ttl", None, "\n# an edit\n"),
    ("queries", "queries/cq01-members-on-2023-11-30.rq", None, "\n# an edit\n"),
    ("seeds", "seeds/000_2e5f64a402117a9e.txt", None, " "),
    ("curated files", "kg/entities.trig", None, "\n# an edit\n"),
]


def build_cli(root: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(root), CSTO_KG_ROOT=str(root), CSTO_KG_BUILD=str(root / "build"))
    run = subprocess.run(
        [sys.executable, "-m", "csto_kg.cli", "build", "--no-validate"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("build-key")
    for folder in ("ontology", "kg", "shapes", "queries", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copytree(ROOT / "csto_kg", root / "csto_kg", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_the_copy_runs_its_own_package(project):
    env = dict(os.environ, PYTHONPATH=str(project))
    out = subprocess.run(
        [sys.executable, "-c", "import csto_kg; print(csto_kg.__file__)"],
        env=env,
        cwd=project,
        capture_output=True,
        text=True,
    ).stdout
    assert out.strip() == str(project / "csto_kg" / "__init__.py")


def test_each_kind_of_input_makes_a_new_build(project):
    first = build_cli(project)
    assert "up to date" in build_cli(project), "unchanged inputs reuse the build"
    seen = {re.match(r"(\S+)", first).group(1)}
    for kind, rel, old, new in EDITS:
        path = project / rel
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(text.replace(old, new) if old else text + new, encoding="utf-8")
        out = build_cli(project)
        assert "up to date" not in out, f"editing {kind} ({rel}) reused the stale build"
        where = re.match(r"(\S+)", out).group(1)
        assert where not in seen, f"editing {kind} ({rel}) gave an old build's key"
        seen.add(where)
