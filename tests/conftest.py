"""Fixtures shared by the test modules.

``shared_build`` is one build of a snapshot of the project's inputs (validated,
with its dumps), made once per test session, for every test that only reads a
build: the app, the live servers, the site, the external store. Tests of
building itself (the key, atomic switching, pruning, the mutation list, the
benchmark's generator) make private builds with :func:`support.make_build`.

The suite runs in parallel (``./dev test`` passes ``-n auto --dist loadgroup``
to pytest-xdist). Session fixtures are made once for all workers: the first
worker to need one makes it under a file lock in the run's common temporary
folder, the others wait for it and reuse it. A module whose module-scoped
fixture is costly (a live server, a Virtuoso, a browser, a validation run) is
marked ``xdist_group`` and runs on one worker, so that fixture is set up once;
other modules' tests spread over the workers, each worker making its own cheap
module fixtures (an app, a store). Every port is asked of the OS
(``support.free_port``), so workers never collide.
"""

from __future__ import annotations

import fcntl
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import TINY, make_build, site_client, snapshot_inputs


def pytest_collection_finish(session):
    """What is alive once the tests are collected (rdflib, pySHACL, pyparsing's grammars, the test modules) lives
    to the end: moved out of the garbage collector's sight, so its collections stop walking it again and again
    (a shape fixture's validation allocates ~10^5 objects: ~18% of its CPU was the collector, cProfile 2026-12-02)."""
    gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class SharedBuild:
    build: object  # csto_kg.build.Build
    env: dict  # the environment for a subprocess (csto-kg serve, publish) using this build
    tmp: Path


@contextmanager
def once_for_all_workers(tmp_path_factory, name: str):
    """(folder, made) for a session-wide thing: ``made`` is False for the one worker that must make it now."""
    common = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        common = common.parent  # the run's folder, above each worker's own
    folder = common / name
    with open(common / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if the maker failed
        made = (folder / ".made").exists()
        folder.mkdir(exist_ok=True)
        yield folder, made
        (folder / ".made").touch()


@pytest.fixture(scope="session", autouse=True)
def shared_cache(tmp_path_factory):
    """One cache folder (``CSTO_KG_CACHE``) for the whole run, every worker and every ``csto-kg`` the tests start:
    what depends only on content (the shapes check of a shapes graph and ontology) is worked out once per run, not
    once per copy of the project. Only well-formed contents are remembered, so a slip is refused all the same."""
    common = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        common = common.parent  # the run's folder, above each worker's own
    before = os.environ.get("CSTO_KG_CACHE")
    os.environ["CSTO_KG_CACHE"] = str(common / "cache")
    yield common / "cache"
    if before is None:
        os.environ.pop("CSTO_KG_CACHE", None)
    else:
        os.environ["CSTO_KG_CACHE"] = before


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory) -> SharedBuild:
    with once_for_all_workers(tmp_path_factory, "shared") as (tmp, _):
        # the first worker builds; the others find the build current (same inputs key) and reuse it
        if not (tmp / "project").exists():
            snapshot_inputs(tmp / "project")
        build, env = make_build(tmp, validate=True, dumps=True, snapshot=False)
    return SharedBuild(build, env, tmp)


# The shared build as the site's pages read it: its test client and its store, per module. A module that needs
# another app (other limits) or store defines its own fixture of the same name, which takes precedence.
@pytest.fixture(scope="module")
def built(shared_build):
    return shared_build.build


@pytest.fixture(scope="module")
def client(built):
    with site_client(built) as c:
        yield c


@pytest.fixture(scope="module")
def store(built):
    from csto_kg.query import open_store

    return open_store(built.store_path)


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> Path:
    """A small synthetic project of the benchmark's generator (bench/generate.py), seed 7."""
    from bench.generate import generate

    with once_for_all_workers(tmp_path_factory, "synthetic") as (folder, made):
        out = folder / "project"
        if not made:
            generate(out, TINY, seed=7)
    return out
