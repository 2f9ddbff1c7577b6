"""The benchmark: our endpoint against Oxigraph's own server, side by side, at several scales.

    python -m bench.run                      # --quick: the curated graph and 1e4 (a few minutes)
    python -m bench.run --scales curated,1e4,1e5,1e6 --update-readme

For each scale (``curated`` = this checkout's graph; ``1e4``... = a synthetic
project from :mod:`bench.generate`, seed ``--seed``):

1. **build** (``csto-kg build --force``, in a private build directory) and its
   parts from the manifest (load, infer, validate, writes), wall time and peak
   RSS; up to ``--owlrl-max`` also with ``--reasoner owlrl`` for comparison;
2. **export** the dataset as N-Quads (``csto-kg export``);
3. **Oxigraph**: ``oxigraph load`` of that dump and of the deduplicated union
   (``csto-kg export --format ttl``, as its default graph: the same default
   graph as ours) into a fresh store, then ``oxigraph serve-read-only`` on
   loopback; start-up = load + time to the first answered query;
3b. **Virtuoso** (Debian's, a throwaway instance on loopback): ``csto-kg
   publish`` into it, then its own ``/sparql`` with the published dataset;
4. **ours**: ``csto-kg serve --port P`` on the same build (current, so nothing
   is rebuilt); start-up = time to the first answered query;
5. every query of ``bench/queries/*.rq`` (the typical mix) and the project's
   competency queries (``queries/*.rq``) against both, over HTTP (POST
   ``application/sparql-query``, a new connection per request for both):
   ``--warmup`` runs, then ``--reps`` timed runs each: median and p99, ratio
   ours / Oxigraph's, and whether both returned the same number of results;
6. throughput: ``--clients`` concurrent clients for ``--duration`` seconds on
   the lookup and on the mix, a new connection per request, and on the lookup
   with each client keeping one connection alive (as a browser, YASGUI or a
   client session does): requests/s both, ratio; and the lookup's latency
   over one kept-alive connection (2,000 in a row): median and p99;
7. peak memory: the RSS of each server's process tree (psutil), sampled.

Everything runs on 127.0.0.1, every request has a timeout, every server is
stopped at the end. Results go to ``bench/results/<date>.json`` (ignored by
git) and the table is printed; ``--record`` also writes ``bench/RESULTS.md``
(the table, the machine and the date) and ``--update-readme`` copies it into
the README's benchmark section. Run it as ``python -m bench.run`` with or
without the project's virtual environment activated (it re-runs itself with
``.venv/bin/python`` when needed).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import datetime as dt
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _ensure_environment() -> None:
    """Run inside the project's environment: re-run with ``.venv/bin/python`` if this Python lacks it."""
    try:
        import psutil  # noqa: F401
        import pyoxigraph  # noqa: F401

        import csto_kg  # noqa: F401

        ok = (
            shutil.which(
                "oxigraph", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
            )
            is not None
        )
    except ImportError:
        ok = False
    if ok:
        return
    venv = REPO / ".venv" / "bin" / "python"
    if venv.exists() and Path(sys.executable).resolve() != venv.resolve():
        os.execv(str(venv), [str(venv), "-m", "bench.run", *sys.argv[1:]])
    sys.exit(
        "bench.run needs the project's environment with its bench extras "
        "(csto-kg, pyoxigraph, psutil and the oxigraph server): run ./dev setup, then python -m bench.run"
    )


if __name__ == "__main__":
    _ensure_environment()

import psutil  # noqa: E402

from bench.generate import generate, parse_scale  # noqa: E402

RESULTS = REPO / "bench" / "results"
MIX = REPO / "bench" / "queries"
ACCEPT = {"select": "application/sparql-results+json", "graph": "application/n-triples"}
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


# --------------------------------------------------------------------------- processes and memory
def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # it ended while we looked
            pass
    return total


class PeakSampler(threading.Thread):
    """Samples the RSS of a process tree every ``interval`` seconds; ``peak`` is the largest seen."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    proc: subprocess.Popen
    port: int
    path: str
    startup_s: float = 0.0
    sampler: PeakSampler | None = None
    # Set: queries are sent as an HTML form with the dataset parameters serve --store sends (Virtuoso 7.2 waits
    # forever on a direct POST body); unset: the query is the POST body.
    remote: object | None = None  # csto_kg.remote_store.RemoteStore

    def form(self, query: str) -> tuple | None:
        return None if self.remote is None else tuple(self.remote.dataset_params(query))

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(10)


def run_timed(cmd: list[str], env: dict, log: Path) -> tuple[float, int, int]:
    """Run ``cmd``; return (wall seconds, peak RSS bytes of it and its children, exit code)."""
    t = time.perf_counter()
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = PeakSampler(proc.pid, 0.2)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    peak = max(sampler.stop(), usage.ru_maxrss * 1024)
    return time.perf_counter() - t, peak, proc.returncode


# --------------------------------------------------------------------------- HTTP
def query_http(
    port: int,
    path: str,
    query: str,
    accept: str,
    timeout: float = 60.0,
    form: tuple | None = None,
    conn: http.client.HTTPConnection | None = None,
) -> tuple[int, bytes]:
    """POST ``query``: on a new connection, closed after the answer, or on ``conn``, kept alive."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        if form is not None:
            body, ctype = (
                urllib.parse.urlencode([("query", query), *form]).encode(),
                "application/x-www-form-urlencoded",
            )
        else:
            body, ctype = query.encode("utf-8"), "application/sparql-query"
        headers = {"Content-Type": ctype, "Accept": accept}
        if own:
            headers["Connection"] = "close"
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        if own:
            conn.close()


def result_size(kind: str, body: bytes) -> int | None:
    try:
        if kind == "select":
            data = json.loads(body)
            return len(data["results"]["bindings"]) if "results" in data else int(bool(data.get("boolean")))
        return sum(1 for line in body.splitlines() if line.strip() and not line.startswith(b"#"))
    except (ValueError, KeyError):
        return None


def wait_ready(server: Server, t0: float, timeout: float) -> float:
    """Seconds from ``t0`` to the first 200 answer to a trivial query."""
    deadline = t0 + timeout
    while time.perf_counter() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.proc.returncode}")
        try:
            status, _ = query_http(
                server.port,
                server.path,
                "ASK { ?s ?p ?o }",
                ACCEPT["select"],
                timeout=5,
                form=server.form("ASK { ?s ?p ?o }"),
            )
            if status == 200:
                return time.perf_counter() - t0
        except OSError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{server.name} not ready after {timeout} s")


# --------------------------------------------------------------------------- queries
@dataclass
class Query:
    name: str
    text: str
    kind: str  # select | graph
    origin: str  # mix | competency


def load_queries(root: Path) -> list[Query]:
    out = []
    for origin, folder in (("mix", MIX), ("competency", root / "queries")):
        for f in sorted(folder.glob("*.rq")):
            text = f.read_text(encoding="utf-8")
            body = "\n".join(
                line for line in text.splitlines() if not line.lstrip().startswith(("#", "PREFIX", "prefix"))
            )
            kind = "graph" if body.lstrip().upper().startswith(("CONSTRUCT", "DESCRIBE")) else "select"
            name = f.stem if origin == "mix" else f"queries/{f.stem}"
            out.append(Query(name, text, kind, origin))
    return out


def measure(server: Server, q: Query, warmup: int, reps: int, budget_s: float) -> dict:
    try:
        return _measure(server, q, warmup, reps, budget_s)
    except OSError as e:  # a timeout: the query is too slow at this scale for this server
        return {"error": f"{type(e).__name__}: {e}"}
    except http.client.HTTPException as e:  # an answer that is not HTTP: recorded against the server, not fatal
        return {"error": f"{server.name} answered malformed HTTP ({type(e).__name__}: {e})"}


def _measure(server: Server, q: Query, warmup: int, reps: int, budget_s: float) -> dict:
    accept, form = ACCEPT[q.kind], server.form(q.text)
    sizes, times, errors = set(), [], []
    for _ in range(warmup):
        status, body = query_http(server.port, server.path, q.text, accept, form=form)
        if status != 200:
            errors.append(f"{status}: {body[:200].decode('utf-8', 'replace')}")
            return {"error": errors[0]}
        sizes.add(result_size(q.kind, body))
    spent = 0.0
    for _ in range(reps):
        t = time.perf_counter()
        status, body = query_http(server.port, server.path, q.text, accept, form=form)
        elapsed = time.perf_counter() - t
        if status != 200:
            return {"error": f"{status}: {body[:200].decode('utf-8', 'replace')}"}
        times.append(elapsed)
        sizes.add(result_size(q.kind, body))
        spent += elapsed
        if spent > budget_s and len(times) >= 3:
            break
    times.sort()
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    return {
        "median_ms": statistics.median(times) * 1000,
        "p99_ms": p99 * 1000,
        "n": len(times),
        "results": sorted(sizes, key=str),
    }


def _client(
    port: int,
    path: str,
    queries: list[tuple[str, str, tuple | None]],
    threads: int,
    duration: float,
    keep_alive: bool = False,
) -> tuple[int, int]:
    """One client process: ``threads`` threads sending ``queries`` round-robin until the deadline, each on a new
    connection per request or (``keep_alive``) on one connection of its own, opened again after an error."""
    ok = [0] * threads
    bad = [0] * threads
    deadline = time.perf_counter() + duration

    def loop(i: int) -> None:
        n = i
        conn = None
        while time.perf_counter() < deadline:
            text, accept, form = queries[n % len(queries)]
            n += 1
            if keep_alive and conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                status, _ = query_http(port, path, text, accept, timeout=30, form=form, conn=conn)
            except (OSError, http.client.HTTPException):
                status = 0
                if conn is not None:
                    conn.close()
                    conn = None
            if status == 200:
                ok[i] += 1
            else:
                bad[i] += 1
        if conn is not None:
            conn.close()

    ts = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(ok), sum(bad)


def throughput(server: Server, queries: list[Query], clients: int, duration: float, keep_alive: bool = False) -> dict:
    procs = max(1, min(clients, os.cpu_count() or 1))
    per = [clients // procs + (i < clients % procs) for i in range(procs)]
    payload = [(q.text, ACCEPT[q.kind], server.form(q.text)) for q in queries]
    t = time.perf_counter()
    with cf.ProcessPoolExecutor(procs) as pool:
        futures = [pool.submit(_client, server.port, server.path, payload, n, duration, keep_alive) for n in per if n]
        counts = [f.result() for f in futures]
    elapsed = time.perf_counter() - t
    ok, bad = sum(c[0] for c in counts), sum(c[1] for c in counts)
    return {"rps": ok / duration, "ok": ok, "errors": bad, "elapsed_s": elapsed}


# --------------------------------------------------------------------------- one scale
@dataclass
class Scale:
    label: str
    root: Path
    build_dir: Path
    result: dict = field(default_factory=dict)


def _env(scale: Scale) -> dict:
    env = dict(os.environ, CSTO_KG_ROOT=str(scale.root), CSTO_KG_BUILD=str(scale.build_dir))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "csto_kg.cli", *args]


def prepare(label: str, work: Path, seed: int) -> Scale:
    if label == "curated":
        return Scale(label, REPO, work / "curated" / "build")
    root = work / label / "project"
    t = time.perf_counter()
    stats = generate(root, parse_scale(label), seed)
    scale = Scale(label, root, work / label / "build")
    scale.result["generate_s"] = time.perf_counter() - t
    scale.result["documents"] = stats.documents
    return scale


def bench_build(scale: Scale, args, log: Path) -> None:
    r = scale.result
    wall, peak, code = run_timed(_cli("build", "--force"), _env(scale), log)
    if code != 0:  # e.g. shapes that do not load: measure the rest without validation
        r["build_error"] = f"build with validation failed (exit {code}); rebuilt with --no-validate"
        print(f"[{scale.label}]   {r['build_error']}", flush=True)
        wall, peak, code = run_timed(_cli("build", "--force", "--no-validate"), _env(scale), log)
    if code != 0:
        raise RuntimeError(f"build failed at {scale.label}: see {log}")
    manifest = json.loads((scale.build_dir / "current" / "manifest.json").read_text())
    r["build"] = {
        "wall_s": wall,
        "peak_rss": peak,
        "timings_s": manifest["timings_s"],
        "triples": manifest["triples"],
        "conforms": manifest.get("conforms"),
    }
    if scale.label == "curated" or parse_scale(scale.label) <= parse_scale(args.owlrl_max):
        ref = Scale(scale.label, scale.root, scale.build_dir.parent / "build-owlrl")
        env = dict(_env(ref), CSTO_KG_SHACL_SPARQL="pyshacl")
        wall, peak, code = run_timed(_cli("build", "--force", "--reasoner", "owlrl"), env, log)
        if code == 0:
            m = json.loads((ref.build_dir / "current" / "manifest.json").read_text())
            r["build_owlrl"] = {
                "wall_s": wall,
                "infer_s": m["timings_s"]["infer"],
                "peak_rss": peak,
                "validate_s": m["timings_s"].get("validate"),
            }
        shutil.rmtree(ref.build_dir, ignore_errors=True)


def _oxigraph() -> str:
    return (
        shutil.which("oxigraph", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
        or "oxigraph"
    )


def start_oxigraph(scale: Scale, dump: Path, union: Path, log: Path) -> Server:
    """Oxigraph's own server on the same data: the named graphs, and the same deduplicated union as its
    default graph (not ``--union-default-graph``, which repeats a triple once per graph holding it)."""
    store = scale.build_dir.parent / "oxigraph-store"
    shutil.rmtree(store, ignore_errors=True)
    t0 = time.perf_counter()
    load_s, load_peak, code = run_timed(
        [_oxigraph(), "load", "--location", str(store), "--file", str(dump), str(union)], dict(os.environ), log
    )
    if code != 0:
        raise RuntimeError(f"oxigraph load failed: see {log}")
    port = free_port()
    t1 = time.perf_counter()
    proc = subprocess.Popen(
        [_oxigraph(), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=open(log, "ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server("oxigraph", proc, port, "/query")
    ready = wait_ready(server, t1, 60)
    server.startup_s = ready
    scale.result["oxigraph_start"] = {
        "load_s": load_s,
        "ready_s": ready,
        "total_s": time.perf_counter() - t0,
        "load_peak_rss": load_peak,
    }
    return server


def start_virtuoso(scale: Scale, stack: contextlib.ExitStack, log: Path) -> Server | None:
    """Debian's Virtuoso, loaded by ``csto-kg publish`` (its bulk loader), queried on its own /sparql with the
    published dataset (``default-graph-uri`` parts, ``named-graph-uri``) as ``serve --store`` queries it."""
    from csto_kg import virtuoso_local
    from csto_kg.remote_store import RemoteStore

    if not virtuoso_local.available():
        scale.result["virtuoso_start"] = {"error": "virtuoso-opensource is not installed"}
        return None
    t0 = time.perf_counter()
    v = stack.enter_context(virtuoso_local.local_virtuoso(scale.build_dir.parent / "virtuoso"))
    started = time.perf_counter() - t0
    load_s, load_peak, code = run_timed(
        _cli("publish", "--store", v.sparql_url, "--isql", v.isql_address, "--load-dir", str(v.load_dir)),
        _env(scale),
        log,
    )
    if code != 0:  # recorded with what publish and Virtuoso said; the scale goes on without the Virtuoso column
        said = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        scale.result["virtuoso_start"] = {
            "error": f"csto-kg publish exited {code} after {load_s:.0f} s",
            "publish_said": said,
            "virtuoso_said": v.log()[-3000:],
        }
        print(f"[{scale.label}]   Virtuoso left out: csto-kg publish exited {code}:\n    " + "\n    ".join(said))
        return None
    port = int(urllib.parse.urlsplit(v.sparql_url).port)
    server = Server("virtuoso", v.proc, port, "/sparql", remote=RemoteStore(v.sparql_url))
    scale.result["virtuoso_start"] = {"start_s": started, "publish_s": load_s, "publish_peak_rss": load_peak}
    return server


def start_ours(scale: Scale, log: Path) -> Server:
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        _cli("serve", "--host", "127.0.0.1", "--port", str(port)),
        # One client sends every query: its budget of expensive query time (server/README.md) must not refuse
        # the slow ones (it did with one web worker, whose single budget is no longer doubled by a second).
        env=dict(_env(scale), CSTO_KG_CLIENT_BURST="100000"),
        stdout=open(log, "ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server("ours", proc, port, "/sparql")
    server.startup_s = wait_ready(server, t0, 120)
    scale.result["ours_start"] = {"ready_s": server.startup_s}
    return server


def bench_scale(scale: Scale, args, log: Path) -> dict:
    r = scale.result
    r["label"] = scale.label
    r["measured"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"[{scale.label}] build ...", flush=True)
    bench_build(scale, args, log)
    b = r["build"]
    t = b["timings_s"]
    print(
        f"[{scale.label}]   {b['triples']['total']} triples: build {b['wall_s']:.1f} s (load {t.get('load', 0):.1f}, "
        f"infer {t.get('infer', 0):.1f}, validate {t.get('validate', 0):.1f} s), peak {_mb(b['peak_rss'])}",
        flush=True,
    )

    dump = scale.build_dir.parent / "dump.nq"
    union = scale.build_dir.parent / "union.ttl"
    t = time.perf_counter()
    for fmt, path in (("nq", dump), ("ttl", union)):
        _, _, code = run_timed(_cli("export", "--format", fmt, "-o", str(path)), _env(scale), log)
        if code != 0:
            raise RuntimeError(f"export failed: see {log}")
    r["export_s"] = time.perf_counter() - t

    servers: list[Server] = []
    with contextlib.ExitStack() as stack:
        try:
            print(f"[{scale.label}] start servers ...", flush=True)
            ox = start_oxigraph(scale, dump, union, log)
            servers.append(ox)
            ours = start_ours(scale, log)
            servers.append(ours)
            virtuoso = start_virtuoso(scale, stack, log) if args.virtuoso else None
            if virtuoso:
                servers.append(virtuoso)
            for s in servers:
                s.sampler = PeakSampler(s.proc.pid)
                s.sampler.start()
            _queries(scale, servers, args)
            _throughputs(scale, servers, args)
            for s in servers:
                r.setdefault("peak_rss", {})[s.name] = s.sampler.stop()
        finally:
            for s in servers:
                s.stop()
    return r


def _queries(scale: Scale, servers: list[Server], args) -> None:
    r = scale.result
    r["queries"] = {}
    for q in load_queries(scale.root):
        row = {"origin": q.origin}
        for s in servers:
            row[s.name] = measure(s, q, args.warmup, args.reps, args.query_budget)
        a, b = row["ours"], row["oxigraph"]
        if "median_ms" in a and "median_ms" in b:
            row["ratio_median"] = a["median_ms"] / b["median_ms"]
            row["ratio_p99"] = a["p99_ms"] / b["p99_ms"]
            row["same_results"] = a["results"] == b["results"]
        if "median_ms" in row.get("virtuoso", {}) and "median_ms" in b:
            row["virtuoso_ratio"] = row["virtuoso"]["median_ms"] / b["median_ms"]
            row["virtuoso_same_results"] = row["virtuoso"]["results"] == b["results"]
        r["queries"][q.name] = row
        v = row.get("virtuoso", {})
        print(
            f"[{scale.label}]   {q.name:40s} ours {a.get('median_ms', float('nan')):8.2f} ms  "
            f"oxigraph {b.get('median_ms', float('nan')):8.2f} ms  x{row.get('ratio_median', float('nan')):.2f}"
            + (f"  virtuoso {v.get('median_ms', float('nan')):8.2f} ms" if v else "")
            + ("" if row.get("same_results", True) else "  RESULTS DIFFER")
            + "".join(f"  {s.name}: {row[s.name]['error']}" for s in servers if "error" in row[s.name]),
            flush=True,
        )


def kept_alive_latency(server: Server, q: Query, warmup: int = 200, reps: int = 2000) -> dict:
    """``q`` sent ``reps`` times in a row over one kept-alive connection (after ``warmup``): median and p99 ms."""
    accept, form = ACCEPT[q.kind], server.form(q.text)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    times = []
    try:
        for i in range(warmup + reps):
            t = time.perf_counter()
            status, body = query_http(server.port, server.path, q.text, accept, form=form, conn=conn)
            if status != 200:
                return {"error": f"{status}: {body[:200].decode('utf-8', 'replace')}"}
            if i >= warmup:
                times.append(time.perf_counter() - t)
    except (OSError, http.client.HTTPException) as e:
        return {"error": f"{type(e).__name__}: {e}"}
    finally:
        conn.close()
    times.sort()
    return {"median_ms": 1000 * statistics.median(times), "p99_ms": 1000 * times[int(0.99 * (len(times) - 1))]}


def _throughputs(scale: Scale, servers: list[Server], args) -> None:
    r = scale.result
    queries = load_queries(scale.root)
    lookup = [q for q in queries if q.name == "lookup-iri"]
    row = {s.name: kept_alive_latency(s, lookup[0]) for s in servers}
    if "median_ms" in row["ours"] and "median_ms" in row["oxigraph"]:
        row["ratio"] = row["ours"]["median_ms"] / row["oxigraph"]["median_ms"]
    r["kept_alive_lookup"] = row
    print(
        f"[{scale.label}]   lookup over one kept-alive connection: "
        + ", ".join(
            f"{s.name} {row[s.name]['median_ms']:.3f} ms" if "median_ms" in row[s.name] else f"{s.name} {row[s.name]}"
            for s in servers
        ),
        flush=True,
    )
    mix = [q for q in queries if q.origin == "mix"]
    r["throughput"] = {}
    for name, qs, keep_alive in (("lookup", lookup, False), ("mix", mix, False), ("lookup_kept_alive", lookup, True)):
        row = {s.name: throughput(s, qs, args.clients, args.duration, keep_alive) for s in servers}
        row["ratio"] = row["ours"]["rps"] / row["oxigraph"]["rps"] if row["oxigraph"]["rps"] else None
        r["throughput"][name] = row
        print(
            f"[{scale.label}]   throughput {name}: "
            + ", ".join(f"{s.name} {row[s.name]['rps']:.0f}/s (errors {row[s.name]['errors']})" for s in servers),
            flush=True,
        )


# --------------------------------------------------------------------------- report
def machine() -> dict:
    model = ""  # psutil has no processor name: Linux gives it in /proc/cpuinfo alone
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pyoxigraph
    import rdflib

    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _mb(n: float | None) -> str:
    return "–" if not n else f"{n / 2**20:.0f} MB"


def _f(x: float | None, fmt: str = "{:.2f}") -> str:
    return "–" if x is None else fmt.format(x)


def _timing(x: dict) -> str:
    """A server's median / p99 (ms), or its error cut short."""
    return f"{x['median_ms']:.1f} / {x['p99_ms']:.1f}" if "median_ms" in x else x.get("error", "–")[:40]


def _when(runs: list[dict], info: dict) -> str:
    """When each scale was measured: one date, or the scales of each date (a run with --append)."""
    by_date: dict[str, list[str]] = {}
    for r in runs:
        by_date.setdefault(r.get("measured", info["date"]), []).append(r["label"])
    if len(by_date) == 1:
        return next(iter(by_date))
    return "; ".join(f"{', '.join(labels)} on {date}" for date, labels in by_date.items())


def _scale_order(run: dict) -> tuple:
    label = run["label"]
    return (0, 0.0) if label == "curated" else (1, float(label))


def markdown(runs: list[dict], info: dict, command: str) -> str:
    runs = sorted(runs, key=_scale_order)  # curated, then by size, however they were appended
    out = [
        f"Measured {_when(runs, info)}, on {info['cpus']} × {info['cpu']}, {info['ram_gib']} GiB RAM; "
        f"Python {info['python']}, rdflib {info['rdflib']}, pyoxigraph/oxigraph {info['pyoxigraph']}. "
        f"Command: `{command}`.",
        "",
    ]
    out += [
        "### Build and start-up",
        "",
        "| scale | triples (asserted + inferred) | build | load | infer | infer, owlrl | validate | validate, pyshacl alone | writes | build peak RSS | ours ready | Oxigraph load + ready | Virtuoso publish |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        b = r["build"]
        t = b["timings_s"]
        writes = sum(v for k, v in t.items() if k.startswith("write") or k == "dumps")
        ow = r.get("build_owlrl", {}).get("infer_s")
        pv = r.get("build_owlrl", {}).get("validate_s")
        ox = r["oxigraph_start"]
        out.append(
            f"| {r['label']} | {b['triples']['asserted']:,} + {b['triples']['inferred']:,} | {b['wall_s']:.1f} s | "
            f"{t.get('load', 0):.1f} s | {t.get('infer', 0):.2f} s | {_f(ow, '{:.1f} s')} | {_f(t.get('validate'), '{:.1f} s')} | {_f(pv, '{:.1f} s')} | "
            f"{writes:.1f} s | {_mb(b['peak_rss'])} | {r['ours_start']['ready_s']:.2f} s | "
            f"{ox['load_s']:.2f} + {ox['ready_s']:.2f} s | "
            f"{_f(r.get('virtuoso_start', {}).get('publish_s'), '{:.2f} s')} |"
        )
    out += ["", "### Query latency over HTTP (median / p99, ms; × = ours / Oxigraph's median; Virtuoso: median)", ""]
    names = []
    for r in runs:
        for n in r["queries"]:
            if n not in names:
                names.append(n)
    head = (
        "| query | "
        + " | ".join(f"{r['label']} ours | {r['label']} Oxigraph | × | {r['label']} Virtuoso" for r in runs)
        + " |"
    )
    out += [head, "|---|" + "---|---|---|---|" * len(runs)]
    worst = {}
    for n in names:
        cells = []
        for r in runs:
            row = r["queries"].get(n)
            if row is None:
                cells += ["", "", "", ""]
                continue
            a, b, v = row["ours"], row["oxigraph"], row.get("virtuoso", {})
            differs = row.get("virtuoso_same_results") is False or (  # compared only where Oxigraph answered
                "median_ms" in b and not row.get("virtuoso_same_results")
            )
            virt = f"{v['median_ms']:.1f}{' ≠' if differs else ''}" if "median_ms" in v else v.get("error", "–")[:40]
            if "median_ms" not in a or "median_ms" not in b:  # one failed: its error, the other's times
                cells += [_timing(a), _timing(b), "–", virt]
                continue
            mark = "" if row.get("same_results") else " ≠"
            cells += [
                f"{a['median_ms']:.1f} / {a['p99_ms']:.1f}",
                f"{b['median_ms']:.1f} / {b['p99_ms']:.1f}",
                f"{row['ratio_median']:.2f}{mark}",
                virt,
            ]
            worst[r["label"]] = max(worst.get(r["label"], 0), row["ratio_median"])
        next((r["queries"][n]["origin"] for r in runs if n in r["queries"]), "")
        out.append(f"| {n} | " + " | ".join(cells) + " |")
    out.append("| **worst ratio** | " + " | ".join(f" | | **{_f(worst.get(r['label']))}** | " for r in runs) + " |")
    out += [
        "",
        "### Throughput and memory",
        "",
        "| scale | lookup req/s ours / Oxigraph (×) / Virtuoso | mix req/s ours / Oxigraph (×) / Virtuoso "
        "| lookup, connections kept alive | errors ours | peak RSS ours / Oxigraph / Virtuoso |",
        "|---|---|---|---|---|---|",
    ]
    for r in runs:
        t = r["throughput"]
        cells = []
        for k in ("lookup", "mix", "lookup_kept_alive"):
            if k not in t:  # a run recorded before the kept-alive clients were measured
                cells.append("–")
                continue
            virt = t[k].get("virtuoso", {}).get("rps")
            cells.append(
                f"{t[k]['ours']['rps']:.0f} / {t[k]['oxigraph']['rps']:.0f} ({_f(t[k]['ratio'])}) / "
                f"{_f(virt, '{:.0f}')}"
            )
        errs = sum(row["ours"]["errors"] for row in t.values())
        rss = r["peak_rss"]
        out.append(
            f"| {r['label']} | {cells[0]} | {cells[1]} | {cells[2]} | {errs} | "
            f"{_mb(rss['ours'])} / {_mb(rss['oxigraph'])} / {_mb(rss.get('virtuoso'))} |"
        )
    for r in runs:
        k = r.get("kept_alive_lookup")
        if k and "median_ms" in k.get("ours", {}) and "median_ms" in k.get("oxigraph", {}):
            virt = k.get("virtuoso", {}).get("median_ms")
            out.append("")
            out.append(
                f"Lookup over one kept-alive connection ({r['label']}), median / p99: ours "
                f"{k['ours']['median_ms']:.2f} / {k['ours']['p99_ms']:.2f} ms, Oxigraph "
                f"{k['oxigraph']['median_ms']:.2f} / {k['oxigraph']['p99_ms']:.2f} ms ({_f(k.get('ratio'))})"
                + (f", Virtuoso {virt:.2f} ms." if virt else ".")
            )
    out.append("")
    out.append(
        "≠: a server returned a different number of results than Oxigraph (see the JSON). "
        "Ratios below 1 mean ours is faster. Oxigraph's default graph is the same deduplicated union as "
        "ours (loaded as its default graph); Virtuoso's is the published dataset's, sent with each query."
    )
    for r in runs:
        error = r.get("virtuoso_start", {}).get("error")
        if error:
            out.append(f"No Virtuoso column at {r['label']}: {error} (what it said is in the JSON).")
    return "\n".join(out) + "\n"


def update_readme(table: str) -> None:
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text:
        return
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(head + README_START + "\n" + table + README_END + tail, encoding="utf-8")


def _render(args) -> int:
    """The table of a recorded run, rendered again by this version of :func:`markdown`."""
    recorded = json.loads(args.render.read_text())
    table = markdown(recorded["runs"], recorded["machine"], recorded["command"])
    print(table)
    if args.record:
        _record(table, args.update_readme)
    return 0


def _record(table: str, readme: bool) -> None:
    """Write the table to the tracked bench/RESULTS.md (and, if ``readme``, into README.md)."""
    (REPO / "bench" / "RESULTS.md").write_text(
        "# Benchmark results\n\nGenerated by `bench/run.py --record` (do not edit by hand; rerun it).\n\n" + table,
        encoding="utf-8",
    )
    if readme:
        update_readme(table)


def _interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=None, help="comma-separated: curated,1e4,1e5,1e6 (default: --quick)")
    parser.add_argument("--quick", action="store_true", help="curated,1e4 (the default when --scales is not given)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument(
        "--query-budget", type=float, default=10.0, help="seconds of timed runs per query and server at most"
    )
    parser.add_argument(
        "--clients",
        type=int,
        default=4,
        help="concurrent clients (default 4: on 2 cores more only queue; ours admits 4 per web worker)",
    )
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per throughput run")
    parser.add_argument(
        "--owlrl-max",
        default="1e4",
        help="up to this scale, also build with the references (owlrl, pyshacl alone) to compare",
    )
    parser.add_argument("--work", type=Path, default=None, help="working directory (default: a temporary one, removed)")
    parser.add_argument(
        "--record",
        action="store_true",
        help="also write the table to the tracked bench/RESULTS.md (default: only the ignored "
        "bench/results/<date>.json and the printed table)",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help="with --record: also copy the table into README.md's benchmark section",
    )
    parser.add_argument(
        "--no-virtuoso",
        dest="virtuoso",
        action="store_false",
        help="leave out the Virtuoso column (on by default where Debian's Virtuoso is installed)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only; write no file")
    parser.add_argument(
        "--append",
        action="store_true",
        help="add these scales to the latest bench/results/*.json run (replacing the same labels)",
    )
    parser.add_argument(
        "--render",
        type=Path,
        default=None,
        metavar="JSON",
        help="measure nothing: print the table of a bench/results/*.json again (with --record, write it)",
    )
    args = parser.parse_args(argv)
    if args.render:
        return _render(args)
    # A SIGTERM (a CI timeout, kill) unwinds like Ctrl-C, so the servers started below are stopped, not orphaned.
    signal.signal(signal.SIGTERM, _interrupted)
    labels = (args.scales or "curated,1e4").split(",")
    command = (
        "python -m bench.run"
        + (f" --scales {args.scales}" if args.scales else "")
        + (f" --owlrl-max {args.owlrl_max}" if args.owlrl_max != "1e4" else "")
    )

    work = args.work or Path(tempfile.mkdtemp(prefix="csto-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = work / "bench.log"
    print(f"working in {work} (log: {log})", flush=True)
    runs = []
    try:
        for label in labels:
            scale = prepare(label.strip(), work, args.seed)
            runs.append(bench_scale(scale, args, log))
            shutil.rmtree(scale.build_dir.parent / "oxigraph-store", ignore_errors=True)
    finally:
        info = machine()
        if runs and args.append and sorted(RESULTS.glob("*.json")):
            previous = json.loads(sorted(RESULTS.glob("*.json"))[-1].read_text())
            labels_now = {r["label"] for r in runs}
            kept = [dict(r) for r in previous["runs"] if r["label"] not in labels_now]
            for r in kept:  # a run recorded before runs carried their own date
                r.setdefault("measured", previous["machine"]["date"])
            runs = kept + runs
            then = f" (then {command} --append)"
            command = previous["command"] if previous["command"].endswith(then) else previous["command"] + then
        if runs:
            table = markdown(runs, info, command)
            print("\n" + table)
            if not args.no_write:
                RESULTS.mkdir(parents=True, exist_ok=True)
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                (RESULTS / f"{stamp}.json").write_text(
                    json.dumps({"machine": info, "command": command, "runs": runs}, indent=2, default=str)
                )
                print(f"results: {RESULTS / f'{stamp}.json'}")
            if args.record and not args.no_write:
                _record(table, args.update_readme)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
