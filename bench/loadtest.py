"""Load test of a running ``csto-kg serve``: many clients, normal and pathological queries, on loopback.

``python -m bench.loadtest --serve --duration 60 --clients 16 --attackers 2``
starts its own server (a free loopback port, the current build) and drives it;
``python -m bench.loadtest --url http://127.0.0.1:8000`` drives one already
running (its process tree is found from the listening port, for memory).

- *clients* (threads, one keep-alive connection each) loop over realistic
  queries: the competency questions of ``queries/*.rq`` and lookups, label
  searches, counts, CONSTRUCT/DESCRIBE, in JSON, CSV, XML and Turtle. A 429
  (concurrency cap) is retried after its ``Retry-After``, as a polite client
  would, and counted as *shed*.
- *attackers* loop over pathological queries: cross products and unbounded
  property paths (expected 503, the time limit), and refused or capped ones
  (SERVICE 400, update 403, an oversized query 413, a huge result cut at the
  row cap 200, or 503 on a machine too busy to cut it within the time limit). They connect from another loopback address (``127.0.0.2``)
  than the normal clients (``127.0.0.1``), as another client would, so the
  server's per-client budgets apply: once an attacker's budget of expensive
  query time is spent it gets 429 with ``Retry-After`` (expected too; an
  attacker does not retry).

It stops by itself: no request starts after ``--duration`` seconds or after
``--max-requests``; the run is over within ``duration + time limit + 30 s``.
Reported: requests/s, p50/p99 latency of the normal queries, statuses,
*normal failures* (a normal query answered anything but 200 after polite 429
retries, or a connection error; the 5xx among them counted apart; target:
none), *unexpected* results (normal failures plus any pathological query not
answered its expected status),
and the resident memory (RSS, with psutil) of the server's process tree
before, at peak, and after, with its process count.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil

__all__ = ["run", "NORMAL", "PATHOLOGICAL", "tree_rss", "listening_pid", "main"]

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/csto-kg/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

# (name, query, Accept)
NORMAL: list[tuple[str, str, str]] = [
    ("lookup", f"SELECT ?p ?o WHERE {{ <{ID}csto> ?p ?o }}", "application/sparql-results+json"),
    (
        "label-search",
        f"SELECT ?s ?l WHERE {{ ?s <{RDFS}label> ?l FILTER(CONTAINS(LCASE(STR(?l)), 'armenia')) }} LIMIT 20",
        "application/sparql-results+json",
    ),
    (
        "count-by-class",
        "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 20",
        "text/csv",
    ),
    (
        "graphs",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        "application/sparql-results+xml",
    ),
    ("construct", f"CONSTRUCT {{ <{ID}csto> ?p ?o }} WHERE {{ <{ID}csto> ?p ?o }}", "text/turtle"),
    ("describe", f"DESCRIBE <{ID}armenia>", "application/n-triples"),
    ("ask", f"ASK {{ <{ID}csto> ?p ?o }}", "application/sparql-results+json"),
]
# (name, query, Accept, expected statuses)
# 429: the attacker's own budget is spent (statuses decided before the query runs are not budgeted).
PATHOLOGICAL: list[tuple[str, str, str, tuple[int, ...]]] = [
    (
        "cartesian",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "application/sparql-results+json",
        (503, 429),
    ),
    (
        "paths",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:none>)* ?b . ?c (!<urn:x:none>)* ?d }",
        "application/sparql-results+json",
        (503, 429),
    ),
    ("huge-result", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "text/tab-separated-values", (200, 503, 429)),
    (
        "service",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "application/sparql-results+json",
        (400,),
    ),
    ("update", "DROP ALL", "application/sparql-results+json", (403,)),
    ("oversized", "ASK { " + "?s ?p ?o . " * 3000 + "}", "application/sparql-results+json", (413,)),
    ("deep-nesting", "ASK { FILTER(" + "!" * 15000 + "true) }", "application/sparql-results+json", (200, 400, 429)),
]
NORMAL_SOURCE, ATTACKER_SOURCE = "127.0.0.1", "127.0.0.2"  # loopback only


def _competency_queries() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted((ROOT / "queries").glob("cq*.rq")):
        out.append((path.stem, path.read_text(encoding="utf-8"), "application/sparql-results+json"))
    return out


# --- memory of the server's process tree (psutil) ------------------------------------------------------------


def tree_rss(pid: int) -> tuple[int, int]:
    """(total RSS in bytes, number of live processes) of ``pid`` and its descendants.

    A zombie (a killed query worker its pool has not reaped yet) is not counted: it holds no memory, and counting
    it would let a tree one worker short, its replacement not yet started, pass for whole.
    """
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total, count = 0, 0
    for p in procs:
        try:
            if p.status() == psutil.STATUS_ZOMBIE:
                continue
            total += p.memory_info().rss
            count += 1
        except psutil.Error:  # it ended while we looked
            pass
    return total, count


def listening_pid(port: int) -> int | None:
    """The process listening on TCP ``port`` that is not a child of another such process (gunicorn's master)."""
    pids = {
        c.pid
        for c in psutil.net_connections("tcp")
        if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port and c.pid
    }
    for p in pids:
        try:
            if psutil.Process(p).ppid() not in pids:
                return p
        except psutil.Error:
            continue
    return None


# --- the load -------------------------------------------------------------------------------------------


@dataclass
class _Record:
    kind: str  # normal | pathological
    name: str
    status: int  # 0: connection error
    latency: float
    expected: bool
    done: float  # monotonic time of completion
    why: str = ""  # the start of the answer's body when it was not a 200 (what the server said went wrong)


@dataclass
class _Shared:
    deadline: float
    max_requests: int
    records: list = field(default_factory=list)
    shed: int = 0
    started: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> bool:
        with self.lock:
            if time.monotonic() >= self.deadline or self.started >= self.max_requests:
                return False
            self.started += 1
            return True


def _request(conn: http.client.HTTPConnection, query: str, accept: str) -> tuple[int, dict, bytes]:
    if len(query) > 2000:
        body = urllib.parse.urlencode({"query": query}).encode()
        conn.request(
            "POST",
            "/sparql",
            body=body,
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
    else:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    r = conn.getresponse()
    return r.status, dict(r.getheaders()), r.read()


def _connect(host: str, port: int, timeout: float, source: str | None) -> http.client.HTTPConnection:
    return http.client.HTTPConnection(host, port, timeout=timeout, source_address=(source, 0) if source else None)


def _client(
    host: str,
    port: int,
    shared: _Shared,
    queries,
    pathological: bool,
    seed: int,
    timeout: float,
    source: str | None = None,
) -> None:
    rnd = random.Random(seed)
    conn = _connect(host, port, timeout, source)
    used = False  # has the connection carried a request (the server may since have closed it, idle)?
    while shared.take():
        item = rnd.choice(queries)
        name, query, accept = item[:3]
        expected = item[3] if pathological else (200,)
        t0 = time.monotonic()
        status, body = 0, b""
        for _attempt in range(5):
            try:
                try:
                    status, headers, body = _request(conn, query, accept)
                except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                    if not used:
                        raise
                    # the server closed the idle keep-alive connection (past its keepalive, e.g. while this client
                    # waited out a Retry-After): send again on a new one, as HTTP clients do
                    conn.close()
                    conn = _connect(host, port, timeout, source)
                    status, headers, body = _request(conn, query, accept)
                used = True
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = _connect(host, port, timeout, source)
                used = False
                break
            if status != 429 or pathological:  # a polite client retries after Retry-After; an attacker does not
                break
            with shared.lock:
                shared.shed += 1
            time.sleep(min(float(headers.get("Retry-After", "1")), 5.0))
            if time.monotonic() >= shared.deadline + timeout:
                break
        latency = time.monotonic() - t0
        with shared.lock:
            shared.records.append(
                _Record(
                    "pathological" if pathological else "normal",
                    name,
                    status,
                    latency,
                    status in expected,
                    t0 + latency,
                    "" if status == 200 else " ".join(body[:160].decode("utf-8", "replace").split()),
                )
            )
    conn.close()


def run(
    url: str,
    *,
    duration: float = 30.0,
    clients: int = 16,
    attackers: int = 2,
    max_requests: int = 1_000_000,
    server_pid: int | None = None,
    request_timeout: float = 60.0,
    seed: int = 0,
    simple: bool = False,
) -> dict:
    """Drive the server at ``url``; return the figures (see the module docstring).

    ``simple``: the clients send only the lookup by IRI (the endpoint's own overhead, not the queries').
    """
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname, parsed.port or 80
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("the load test runs on loopback only")
    pid = server_pid or listening_pid(port)
    before = tree_rss(pid) if pid else (0, 0)
    normal = NORMAL[:1] if simple else NORMAL + _competency_queries()
    shared = _Shared(deadline=time.monotonic() + duration, max_requests=max_requests)
    # Distinct client addresses when the server listens on 127.0.0.1 (any 127/8 address reaches it).
    sources = (NORMAL_SOURCE, ATTACKER_SOURCE) if host == "127.0.0.1" else (None, None)
    threads = [
        threading.Thread(
            target=_client, args=(host, port, shared, normal, False, seed + i, request_timeout, sources[0]), daemon=True
        )
        for i in range(clients)
    ]
    threads += [
        threading.Thread(
            target=_client,
            args=(host, port, shared, PATHOLOGICAL, True, seed + 1000 + i, request_timeout, sources[1]),
            daemon=True,
        )
        for i in range(attackers)
    ]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    peak = before
    while any(t.is_alive() for t in threads) and time.monotonic() < t0 + duration + request_timeout + 30:
        if pid:
            sample = tree_rss(pid)
            peak = max(peak, sample)
        time.sleep(0.5)
    elapsed = time.monotonic() - t0
    # After: let killed query workers be replaced (the process count comes back, and stays for a second: a worker
    # killed a moment ago may not have died yet), then measure.
    after, steady, settle = (0, 0), 0, time.monotonic() + 30
    while pid and time.monotonic() < settle:
        after = tree_rss(pid)
        steady = steady + 1 if after[1] == before[1] else 0
        if steady == 5:
            break
        time.sleep(0.2)

    records: list[_Record] = list(shared.records)
    ok_normal = sorted(r.latency for r in records if r.kind == "normal" and r.status == 200)
    # Rates over the time normal traffic flowed (not the tail spent waiting for the last pathological query).
    flowing = max((r.done for r in records if r.kind == "normal"), default=t0 + elapsed) - t0
    unexpected = [r for r in records if not r.expected]
    failed = [r for r in records if r.kind == "normal" and r.status != 200]

    def pct(values, q):
        return round(1000 * values[min(len(values) - 1, int(q * len(values)))], 1) if values else None

    return {
        "url": url,
        "duration_s": round(elapsed, 1),
        "clients": clients,
        "attackers": attackers,
        "requests": len(records),
        "requests_per_s": round(len(records) / flowing, 1),
        "normal_ok_per_s": round(len(ok_normal) / flowing, 1),
        "normal_latency_ms": {
            "p50": pct(ok_normal, 0.50),
            "p99": pct(ok_normal, 0.99),
            "mean": round(1000 * statistics.fmean(ok_normal), 1) if ok_normal else None,
        },
        "statuses": {k: dict(Counter(r.status for r in records if r.kind == k)) for k in ("normal", "pathological")},
        "pathological": dict(Counter(f"{r.name}:{r.status}" for r in records if r.kind == "pathological")),
        "shed_429_retried": shared.shed,
        "normal_failures": len(failed),
        "normal_5xx": sum(1 for r in failed if r.status >= 500),
        "normal_failure_examples": [f"{r.name}: {r.status} {r.why}".rstrip() for r in failed[:10]],
        "unexpected": len(unexpected),
        "unexpected_examples": [f"{r.kind}/{r.name}: {r.status} {r.why}".rstrip() for r in unexpected[:10]],
        "server_pid": pid,
        "rss_mb": {
            "before": round(before[0] / 2**20, 1),
            "peak": round(peak[0] / 2**20, 1),
            "after": round(after[0] / 2**20, 1),
        },
        "processes": {"before": before[1], "after": after[1]},
    }


def _settle(pid: int, bound_s: float = 30.0) -> None:
    """Wait until the server's process tree stops growing (every query worker started)."""
    end = time.monotonic() + bound_s
    last, since = tree_rss(pid)[1], time.monotonic()
    while time.monotonic() < end and time.monotonic() - since < 1.5:
        time.sleep(0.1)
        count = tree_rss(pid)[1]
        if count != last:
            last, since = count, time.monotonic()


def _serve(port: int, settings: dict[str, str]) -> subprocess.Popen:
    env = dict(os.environ, **settings)
    beside = Path(sys.executable).with_name("csto-kg")  # the command installed with this Python, on PATH or not
    proc = subprocess.Popen(
        [str(beside) if beside.exists() else "csto-kg", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    probe = f"/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    end = time.monotonic() + 120
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"csto-kg serve exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", probe)
            if conn.getresponse().status == 200:
                _settle(proc.pid)
                return proc
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("csto-kg serve did not become ready")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__.splitlines()[0])
    p.add_argument("--url", default="http://127.0.0.1:8000", help="a running server (loopback only)")
    p.add_argument("--serve", action="store_true", help="start csto-kg serve on a free port for the run, then stop it")
    p.add_argument("--duration", type=float, default=60.0, help="seconds during which requests start (default 60)")
    p.add_argument("--clients", type=int, default=16, help="clients sending normal queries (default 16)")
    p.add_argument("--attackers", type=int, default=2, help="clients sending pathological queries (default 2)")
    p.add_argument("--max-requests", type=int, default=1_000_000)
    p.add_argument(
        "--simple", action="store_true", help="clients send only a lookup by IRI (the endpoint's own overhead)"
    )
    p.add_argument("--query-timeout", type=float, help="with --serve: the server's time limit (default: the server's)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args(argv)

    proc = None
    url = args.url
    if args.serve:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        settings = {"CSTO_KG_QUERY_TIMEOUT": str(args.query_timeout)} if args.query_timeout else {}
        proc = _serve(port, settings)
        url = f"http://127.0.0.1:{port}"
    try:
        figures = run(
            url,
            duration=args.duration,
            clients=args.clients,
            attackers=args.attackers,
            max_requests=args.max_requests,
            server_pid=proc.pid if proc else None,
            simple=args.simple,
        )
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        lat = figures["normal_latency_ms"]
        print(
            f"{figures['requests']} requests in {figures['duration_s']} s: {figures['requests_per_s']} req/s "
            f"({figures['normal_ok_per_s']} normal answered/s); {args.clients} clients + {args.attackers} attackers"
        )
        print(
            f"normal queries: p50 {lat['p50']} ms, p99 {lat['p99']} ms; statuses {figures['statuses']['normal']}; "
            f"429 retried: {figures['shed_429_retried']}"
        )
        print(
            f"normal failures: {figures['normal_failures']} (5xx: {figures['normal_5xx']}) "
            f"{figures['normal_failure_examples']}"
        )
        print(f"pathological: {figures['pathological']}")
        print(f"unexpected: {figures['unexpected']} {figures['unexpected_examples']}")
        rss = figures["rss_mb"]
        print(
            f"server RSS (MB): before {rss['before']}, peak {rss['peak']}, after {rss['after']}; "
            f"processes {figures['processes']['before']} -> {figures['processes']['after']}"
        )
    return 0 if figures["unexpected"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
