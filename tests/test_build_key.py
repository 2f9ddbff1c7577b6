"""The build key: any change to any input makes a new build, for every kind of input.

A copy of the project (its input trees and the ``csto_kg`` package itself) is
edited for each kind of input in turn: ``csto_kg/namespaces.py``, a new module of
the package, the ontology, a shape, a query, a seed's bytes, a curated file; each
edit must give a key never seen before (:func:`csto_kg.build.inputs_key` over the
copy's trees and the copy's package). That this key is what decides a rebuild is
checked once with real builds: the CLI, run from a copy (``PYTHONPATH``), builds,
answers "up to date" for unchanged inputs, and builds anew, under the new key,
after an edit of the copy's package code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EDITS = [  # (kind, file under the copy, old, new): each changes one input and nothing else
    ("package code", "csto_kg/namespaces.py", "SRC = ", "SRC =  "),
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


def copy_project(root: Path) -> Path:
    for folder in ("ontology", "kg", "shapes", "queries", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copytree(ROOT / "csto_kg", root / "csto_kg", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def edit(project: Path, rel: str, old: str | None, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    assert old is None or old in text, f"{rel} no longer holds {old!r}: the edit would change nothing"
    path.write_text(text.replace(old, new) if old else text + new, encoding="utf-8")


def key_of(project: Path) -> str:
    from csto_kg.build import inputs_key

    return inputs_key(project, project / "csto_kg")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("build-key"))


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


def test_each_kind_of_input_changes_the_build_key(tmp_path):
    project = copy_project(tmp_path)
    seen = {key_of(project)}
    assert key_of(project) in seen, "unchanged inputs keep their key"
    for kind, rel, old, new in EDITS:
        edit(project, rel, old, new)
        key = key_of(project)
        assert key not in seen, f"editing {kind} ({rel}) kept an old key: a stale build would be reused"
        seen.add(key)


def test_the_cli_reuses_a_current_build_and_rebuilds_under_the_new_key_after_an_edit(project):
    first = build_cli(project)
    assert "up to date" not in first
    assert "up to date" in build_cli(project), "unchanged inputs reuse the build"
    kind, rel, old, new = EDITS[0]  # the package's own code: the CLI runs the copy's package
    edit(project, rel, old, new)
    out = build_cli(project)
    assert "up to date" not in out, f"editing {kind} ({rel}) reused the stale build"
    manifest = json.loads((Path(re.match(r"(\S+)", out).group(1)) / "manifest.json").read_text())
    assert manifest["key"] == key_of(project), "the CLI's build is keyed by inputs_key of the copy"
    assert re.match(r"(\S+)", out).group(1) != re.match(r"(\S+)", first).group(1)
