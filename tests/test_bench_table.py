"""The benchmark's table, rendered again from a recorded run (``python -m bench.run --render``).

``tests/data/bench-results.json`` is a cut of a real recorded run (two scales, three queries), stored in
the order ``--append`` left it (1e6 before curated) and with the failures a large scale gives: at 1e6
cq05 ran past the time limit on ours and on Oxigraph's server, and cq17 on ours only (Oxigraph answered
in 11.9 s). The table must list the scales smallest first, show a failed server's error beside the
other's times, and mark a Virtuoso answer as different only where Oxigraph gave one to compare with. The sample
predates the kept-alive measurements: a test adds them to a copy, and both the run with them and the one without
are rendered.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).parent / "data" / "bench-results.json"
ROOT = Path(__file__).resolve().parent.parent


def _rows() -> dict[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--render", str(SAMPLE)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    rows = {}
    for line in run.stdout.splitlines():
        if line.startswith("| "):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows.setdefault(cells[0], cells[1:])
    return rows


def test_scales_are_listed_smallest_first():
    header = _rows()["query"]
    assert header[0].startswith("curated") and header[4].startswith("1e6"), header


def test_a_failed_server_shows_its_error_beside_the_others_times():
    cq17 = _rows()["queries/cq17-bodies-and-formats"][4:8]  # the 1e6 cells: ours, Oxigraph, ratio, Virtuoso
    assert cq17[0].startswith("503") and cq17[1] == "11916.5 / 11958.4" and cq17[2] == "–", cq17
    cq05 = _rows()["queries/cq05-invocations"][4:8]
    assert cq05[0].startswith("503") and cq05[1].startswith("TimeoutError"), cq05


def test_virtuoso_is_marked_different_only_against_an_answer():
    cq05 = _rows()["queries/cq05-invocations"]
    assert cq05[7] == "181.5", cq05  # Oxigraph timed out: nothing to compare with
    assert not cq05[3].endswith("≠"), cq05  # curated: the same number of results as Oxigraph


def test_the_kept_alive_lookup_is_shown_where_it_was_measured(tmp_path):
    """A run that measured the lookup over kept-alive connections shows its throughput and its latency; a run recorded
    before shows "–" in that column, and no latency line."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    curated = next(r for r in data["runs"] if r["label"] == "curated")
    curated["throughput"]["lookup_kept_alive"] = {
        "oxigraph": {"rps": 10640.0, "ok": 53200, "errors": 0},
        "ours": {"rps": 925.0, "ok": 4625, "errors": 2},
        "ratio": 925.0 / 10640.0,
    }
    curated["kept_alive_lookup"] = {
        "oxigraph": {"median_ms": 0.197, "p99_ms": 0.41},
        "ours": {"median_ms": 0.959, "p99_ms": 1.62},
        "ratio": 0.959 / 0.197,
    }
    recorded = tmp_path / "run.json"
    recorded.write_text(json.dumps(data), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--render", str(recorded)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    rows = {
        line.split("|")[1].strip(): [c.strip() for c in line.strip("|").split("|")[1:]]
        for line in run.stdout.splitlines()
        if line.startswith("| curated |") or line.startswith("| 1e6 |")
    }
    assert rows["curated"][2] == "925 / 10640 (0.09) / –", rows["curated"]
    assert rows["curated"][3] == str(sum(t["ours"]["errors"] for t in curated["throughput"].values()))
    assert rows["1e6"][2] == "–", rows["1e6"]
    latency = [line for line in run.stdout.splitlines() if line.startswith("Lookup over one kept-alive connection")]
    assert latency == [
        "Lookup over one kept-alive connection (curated), median / p99: ours 0.96 / 1.62 ms, "
        "Oxigraph 0.20 / 0.41 ms (4.87)."
    ], latency
