"""Fixtures shared by the test modules.

``shared_build`` is one build of a snapshot of the project's inputs (validated,
with its dumps), made once per test session, for every test that only reads a
build: the app, the live servers, the site, the external store. Tests of
building itself (the key, atomic switching, pruning, the mutation list, the
benchmark's generator) make private builds with :func:`support.make_build`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from support import TINY, make_build


@dataclass(frozen=True)
class SharedBuild:
    build: object  # csto_kg.build.Build
    env: dict  # the environment for a subprocess (csto-kg serve, publish) using this build
    tmp: Path


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory) -> SharedBuild:
    tmp = tmp_path_factory.mktemp("shared")
    build, env = make_build(tmp, validate=True, dumps=True)
    return SharedBuild(build, env, tmp)


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> Path:
    """A small synthetic project of the benchmark's generator (bench/generate.py), seed 7."""
    from bench.generate import generate

    out = tmp_path_factory.mktemp("synthetic") / "project"
    generate(out, TINY, seed=7)
    return out
