"""What ``csto-kg serve`` costs at idle, without losing the killable query pool.

- At idle the whole process tree is the gunicorn master, one web worker and
  one query worker, under 150 MB of resident memory (measured with psutil
  through the real command: a memory bound, not a time bound).
- The query pool grows to its maximum when queries run at once (every one of
  them on a worker that is killed at its time limit), and gives back the
  workers past the one it keeps.
"""

from __future__ import annotations

import threading

import psutil
import pytest

from support import CARTESIAN, live_server, wait_gone

IDLE_TREE_MB = 150


@pytest.fixture(scope="module")
def server(tmp_path_factory, shared_build):
    with live_server(shared_build.env, tmp_path_factory.mktemp("footprint")) as s:  # the defaults
        yield s


@pytest.fixture(scope="module")
def busy_server(tmp_path_factory, shared_build):
    with live_server(
        shared_build.env,
        tmp_path_factory.mktemp("footprint-busy"),
        query_workers=3,
        idle_query_workers=1,
        client_workers=3,
        query_timeout=2,
        client_burst=600,
    ) as s:
        yield s


def tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def test_idle_server_is_master_web_worker_and_one_query_worker_under_150_mb(server):
    stats = server.wait_pool(lambda s: s["idle"] == 1 and len(s["workers"]) == 1)
    assert stats["keep"] == 1 and stats["size"] == 3
    procs = tree(server.proc.pid)
    commands = [" ".join(p.cmdline()) for p in procs]
    query_workers = [c for c in commands if "csto_kg.server.qworker" in c]
    assert len(procs) == 3 and len(query_workers) == 1, commands
    rss_mb = sum(p.memory_info().rss for p in procs) / 2**20
    print(f"\nidle tree: {len(procs)} processes, {rss_mb:.1f} MB RSS")
    assert rss_mb <= IDLE_TREE_MB


def test_pool_grows_to_its_maximum_under_concurrent_queries_and_shrinks_back(busy_server):
    before = busy_server.wait_pool(lambda s: s["idle"] == 1 and len(s["workers"]) == 1)
    assert len(before["workers"]) == 1
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(busy_server.get("/sparql", {"query": CARTESIAN})))
        for _ in range(3)
    ]
    for t in threads:
        t.start()
    grown = busy_server.wait_pool(lambda s: len(s["busy"]) == 3)
    for t in threads:
        t.join(timeout=60)
    assert len(grown["busy"]) == 3  # three queries at once: three workers, two of them started on demand
    assert [r[0] for r in results] == [503, 503, 503]  # each ran until its time limit and was killed
    after = busy_server.wait_pool(
        lambda s: s["timeout"] == before["timeout"] + 3 and len(s["workers"]) == 1 and s["idle"] == 1
    )
    assert len(after["workers"]) == 1 and after["idle"] == 1  # back to the one kept at idle
    assert all(wait_gone(p) for p in grown["busy"])  # killed, and gone
