"""A public endpoint under abuse: time limits that stop work, no way in or out, caps, hostile input.

Through Flask's test client (an app with a 1.5 s limit) and through a real
``csto-kg serve`` (one web worker, so its pool statistics at /sparql/pool are
the ones that served the test; 2 s limit; 2 queries at once; 256 MB per query
worker). No timing is asserted: waits are generous bounds on polling loops.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from csto_kg.server.app import create_app
from csto_kg.server.config import ServerConfig
from support import CARTESIAN, GRAPH, LEAKS, PATHS, Listener, live_server, pool_quiet, wait_for, wait_gone

pytestmark = [pytest.mark.xdist_group("test_abuse")]  # one worker sets up a live server once

TIMEOUT = 1.5
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def built(tmp_path_factory, shared_build):
    return shared_build.build, shared_build.env, tmp_path_factory.mktemp("abuse")


@pytest.fixture(scope="module")
def app(built):
    # One test client sends every pathological query here: a budget no test exhausts (budgets: tested below).
    app = create_app(
        ServerConfig(query_timeout=TIMEOUT, max_body=16 * 1024, max_query_length=8000, client_burst=600), built[0]
    )
    yield app
    app.extensions["csto.engine"].close()


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def server(built):
    _, env, tmp = built
    with live_server(
        env,
        tmp,
        web_workers=1,
        query_workers=2,
        max_concurrent=2,
        query_timeout=2,
        worker_memory_mb=256,
        retry_after=1,
        client_burst=600,
        client_workers=2,
        head_timeout=2,
        body_timeout=2,
        write_timeout=2,
    ) as s:
        yield s


def settled(app) -> dict:
    """The app's pool statistics once no query runs and no worker is starting (a bounded wait that fails if not)."""
    return wait_for(app.extensions["csto.engine"].stats, pool_quiet)


def count(client) -> int:
    settled(client.application)  # a worker still being replaced after a stopped query would answer 503
    r = client.get("/sparql", query_string={"query": COUNT})
    assert r.status_code == 200
    return int(r.get_json()["results"]["bindings"][0]["n"]["value"])


def no_leak(body: bytes) -> bool:
    return not any(leak.encode() in body for leak in LEAKS)


# --- time limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [CARTESIAN, PATHS], ids=["cartesian", "property-paths"])
def test_pathological_query_hits_the_time_limit_then_the_server_still_answers(client, app, query):
    before = settled(app)
    r = client.get("/sparql", query_string={"query": query})
    assert r.status_code == 503
    assert int(r.headers["Retry-After"]) > 0
    assert b"time limit" in r.data and no_leak(r.data)
    after = app.extensions["csto.engine"].stats()
    assert after["timeout"] == before["timeout"] + 1
    killed = set(before["workers"]) - set(after["workers"])
    assert len(killed) == 1  # the worker that ran it was SIGKILLed ...
    [pid] = killed
    assert wait_gone(pid)
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200 and r.get_json()["boolean"] is True  # ... and the pool still serves


def test_timeout_parameter_may_only_lower_the_limit(client):
    r = client.get("/sparql", query_string={"query": CARTESIAN, "timeout": "0.2"})
    assert r.status_code == 503 and b"0.2 s" in r.data
    r = client.get("/sparql", query_string={"query": CARTESIAN, "timeout": "3600"})
    assert r.status_code == 503 and f"{TIMEOUT:g} s".encode() in r.data


def test_live_timeout_stops_the_work_and_others_are_served_meanwhile(server):
    before = server.wait_pool(pool_quiet)
    results = {}

    def slow():
        results["slow"] = server.get("/sparql", {"query": CARTESIAN})

    t = threading.Thread(target=slow)
    t.start()
    [slow_pid] = server.wait_pool(lambda s: s["busy"])["busy"]
    status, _, body = server.get("/sparql", {"query": "ASK { ?s ?p ?o }"})  # served while the slow one runs
    assert status == 200 and json.loads(body)["boolean"] is True
    t.join(timeout=60)
    status, headers, body = results["slow"]
    assert status == 503 and headers["Retry-After"] and b"time limit" in body
    after = server.wait_pool(lambda s: s["timeout"] > before["timeout"] and pool_quiet(s))
    assert after["timeout"] == before["timeout"] + 1
    assert slow_pid not in after["workers"] and wait_gone(slow_pid)  # its CPU is free again: the process is gone


def test_a_disconnecting_client_has_its_query_killed(server):
    before = server.wait_pool(pool_quiet)
    sock = socket.create_connection(("127.0.0.1", server.port))
    target = "/sparql?" + urllib.parse.urlencode({"query": CARTESIAN})
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    [running] = server.wait_pool(lambda s: s["busy"])["busy"]
    sock.close()
    after = server.wait_pool(lambda s: s["disconnect"] > before["disconnect"] and pool_quiet(s))
    assert after["disconnect"] == before["disconnect"] + 1
    assert after["timeout"] == before["timeout"]  # stopped because the client left, not by the time limit
    assert running not in after["workers"] and wait_gone(running)


@pytest.mark.parametrize("size", [70_000, 300_000])
def test_a_body_refused_unread_leaves_the_connection_usable(server, size):
    """A 413 said ``Connection: keep-alive``, but gunicorn drops a connection whose unread body is past 64 KiB:
    the next request on it got no answer (RemoteDisconnected). The app now reads such a body to its end."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        body = b"ASK {} #" + b"x" * size
        for method, headers in (("POST", {"Content-Type": "application/sparql-query"}), ("PUT", {})):
            conn.request(method, "/sparql", body=body, headers=headers)
            r = conn.getresponse()
            r.read()
            assert r.status == (413 if method == "POST" else 405)
            assert r.getheader("Connection", "keep-alive").lower() == "keep-alive"
            conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
            again = conn.getresponse()  # on the same connection, as the server said it could be
            assert again.status == 200 and json.loads(again.read())["boolean"] is True
    finally:
        conn.close()


def _answer(sock: socket.socket) -> bytes:
    """Everything the server sends on ``sock`` until it closes it (a generous bound: not a timing assertion)."""
    sock.settimeout(30)
    data = b""
    while chunk := sock.recv(4096):
        data += chunk
    return data


def test_clients_that_stall_their_request_head_cannot_hold_every_request_thread(server):
    """gthread reads a request's head on a blocking socket: clients that sent part of a head and stopped held
    every request thread (6 here; 20 by default), and nobody else was answered. Heads now have a deadline
    (2 s here), over the whole head, so a client trickling a byte at a time is bounded too."""
    stalled = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(10)]
    for sock in stalled:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    trickle = socket.create_connection(("127.0.0.1", server.port))
    stop = threading.Event()

    def drip():  # a byte every 0.2 s, for longer than the deadline; never the end of the head
        for byte in b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"x" * 200:
            if stop.wait(0.2):
                return
            try:
                trickle.sendall(bytes([byte]))
            except OSError:
                return

    dripper = threading.Thread(target=drip, daemon=True)
    dripper.start()
    try:
        status, _, body = server.get("/sparql", {"query": "ASK {}"}, timeout=30)
        assert status == 200 and json.loads(body)["boolean"] is True
        for sock in [*stalled, trickle]:
            answer = _answer(sock)
            assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
            assert b"Connection: close" in answer and b"the request head did not arrive within 2 s" in answer
    finally:
        stop.set()
        for sock in [*stalled, trickle]:
            sock.close()
    assert "closed a connection: the request head did not arrive within 2 s (408)" in server.log()
    assert "Traceback" not in server.log()


@pytest.mark.parametrize(
    "content_type, part", [("application/sparql-query", b"ASK {"), ("application/x-www-form-urlencoded", b"query=ASK")]
)
def test_a_stalled_body_is_answered_408_and_its_connection_closed(server, content_type, part):
    sock = socket.create_connection(("127.0.0.1", server.port))
    try:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
            + f"Content-Type: {content_type}\r\nContent-Length: 100\r\n\r\n".encode()
            + part
        )
        head, _, body = _answer(sock).partition(b"\r\n\r\n")  # the server closed the connection after its answer
    finally:
        sock.close()
    assert head.startswith(b"HTTP/1.1 408 ") and b"\r\nConnection: close" in head, head
    assert json.loads(body)["error"] == {
        "status": 408,
        "title": "Request Timeout",
        "message": "the request body did not arrive within 2 s; the connection is closed",
    }
    assert server.get("/sparql", {"query": "ASK {}"})[0] == 200


def test_clients_that_stop_reading_their_answers_cannot_hold_every_request_thread(server):
    """Ten clients asked for the N-Quads dump (9 MB) and read none of it: each held a request thread in
    ``sendfile`` for as long as it stayed connected, and past six the server answered nobody. A client that takes
    no byte for ``WRITE_TIMEOUT`` (2 s here) now has its connection closed; a slow but steady reader is served."""
    status, _, whole = server.get("/downloads/csto-kg.nq")
    assert status == 200 and len(whole) > 4_000_000
    said = "closed a connection: the client read nothing of the answer for 2 s"
    before = server.log().count(said)  # the module's server is shared: count this test's own
    stalled = []
    for _ in range(10):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", server.port))
        sock.sendall(b"GET /downloads/csto-kg.nq HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        stalled.append(sock)
    try:
        status, _, body = server.get("/sparql", {"query": "ASK {}"}, timeout=30)
        assert status == 200 and json.loads(body)["boolean"] is True
        # The last of the ten may still be within its 2 s when the ASK is answered: reading it then would be
        # progress, and it would rightly be served. So wait (a generous bound) until the server says it cut all ten.
        deadline = time.monotonic() + 60
        while server.log().count(said) < before + len(stalled) and time.monotonic() < deadline:
            time.sleep(0.2)
        for sock in stalled:
            assert len(_answer(sock)) < len(whole)  # cut off: the server closed it
    finally:
        for sock in stalled:
            sock.close()
    assert server.log().count(said) >= before + len(stalled)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:  # a reader that takes 2 MB every half second, slower than the server writes: never idle for 2 s, though
        # reading for longer than that in all
        began = time.monotonic()
        conn.request("GET", "/downloads/csto-kg.nq")
        r, got = conn.getresponse(), b""
        while chunk := r.read(2 << 20):
            got += chunk
            time.sleep(0.5)
        assert r.status == 200 and got == whole
        assert time.monotonic() - began > 2
    finally:
        conn.close()


def _from(address: str, port: int, rcvbuf: int | None = None) -> socket.socket:
    """A connection to the server from another loopback address: another client, as the server tells them apart."""
    sock = socket.socket()
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.bind((address, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def _ask_from(address: str, port: int) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(address, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def patient_server(built):
    """Six request threads again, and a minute for a request head: time enough for one client to hold them all."""
    _, env, tmp = built
    with live_server(env, tmp, web_workers=1, max_concurrent=2, head_timeout=60, retry_after=1) as s:
        yield s


HALF_A_HEAD = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"
WHOLE_ASK = HALF_A_HEAD + b"Accept: application/sparql-results+json\r\nConnection: close\r\n\r\n"
VOID = b"GET /.well-known/void HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n"


def test_one_client_cannot_hold_every_request_thread(patient_server):
    """The deadlines bound what each connection holds, not how many one client opens: six connections from one
    address, each within its deadlines (here, heads that take their time), held all six request threads, and the
    server answered nobody else. One client now holds at most half the threads (3 here); its other connections
    wait their turn, holding none, and are served when its own are done."""
    port = patient_server.port
    stalled = [_from("127.0.0.2", port) for _ in range(6)]
    for sock in stalled:
        sock.sendall(HALF_A_HEAD)
    queued = _from("127.0.0.2", port)
    queued.sendall(WHOLE_ASK)
    try:
        status, body = _ask_from("127.0.0.3", port)  # another client, while the first holds its threads
        assert status == 200 and json.loads(body)["boolean"] is True
        for sock in stalled:  # the first client's stalled connections give up: its queued request is served
            sock.close()
        head, _, body = _answer(queued).partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 ") and json.loads(body)["boolean"] is True, head
    finally:
        for sock in [*stalled, queued]:
            sock.close()
    assert "Traceback" not in patient_server.log()


def test_past_its_waiting_room_a_client_is_refused_429_without_a_thread(patient_server):
    """A client's connections past its share wait, up to 4 x threads (24 here); one more is answered 429 with
    Retry-After, and closed, while other clients are still served and the waiting ones keep their turn."""
    port = patient_server.port
    holders = [_from("127.0.0.4", port) for _ in range(3)]
    for sock in holders:
        sock.sendall(HALF_A_HEAD)
    waiting = [_from("127.0.0.4", port) for _ in range(24)]
    for sock in waiting:  # not queries: the app's own cap on queries at once (2 here) is not what this tests
        sock.sendall(VOID)
    refused = _from("127.0.0.4", port)
    try:
        refused.sendall(WHOLE_ASK)
        answer = _answer(refused)
        assert answer.startswith(b"HTTP/1.1 429 ") and b"\r\nRetry-After: 1\r\n" in answer, answer
        assert b"too many connections from this client are waiting for their turn" in answer
        assert _ask_from("127.0.0.5", port)[0] == 200
        for sock in holders:
            sock.close()
        answers = []
        for sock in waiting:  # each read to its end and closed, as a client does after "Connection: close"
            answers.append(_answer(sock))
            sock.close()
        assert all(a.startswith(b"HTTP/1.1 200 ") for a in answers), [a[:60] for a in answers]
    finally:
        for sock in [*holders, *waiting, refused]:
            sock.close()
    assert "refused a connection of 127.0.0.4: 24 of its connections are waiting" in patient_server.log()


POOL_KEPT_ALIVE = b"GET /sparql/pool HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"  # small, and not a query (no cap at 2)


class _Pipeline:
    """A kept-alive connection on which one thread writes requests (HTTP/1.1 pipelining), keeping ``AHEAD`` of them
    unanswered, until told to stop, and another counts the answers as they arrive (each framed by its
    Content-Length). Until ``stop()`` the server always has this connection's next request at hand: the pipeline
    never ends of itself, however fast or slow the machine."""

    BATCH, AHEAD = 20, 300

    def __init__(self, address: str, port: int):
        self.answered, self.written, self.statuses = 0, 0, set()
        self._stopping, self._written_all = threading.Event(), threading.Event()
        self.sock = _from(address, port)
        self.sock.settimeout(60)
        self.writer = threading.Thread(target=self._write, daemon=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.writer.start()
        self.reader.start()

    def stop(self) -> None:
        """Write no more requests; the reader goes on until every written one is answered."""
        self._stopping.set()

    def _write(self) -> None:
        try:
            while not self._stopping.is_set():
                if self.written - self.answered >= self.AHEAD:
                    time.sleep(0.001)
                    continue
                self.sock.sendall(POOL_KEPT_ALIVE * self.BATCH)
                self.written += self.BATCH
        except OSError:
            pass
        finally:
            self._written_all.set()

    def _read(self) -> None:
        buf = b""
        while not (self._written_all.is_set() and self.answered >= self.written):
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
            while (end := buf.find(b"\r\n\r\n")) >= 0:
                head = buf[:end].decode("latin-1")
                length = int(
                    next(h.split(":", 1)[1] for h in head.split("\r\n") if h.lower().startswith("content-length:"))
                )
                if len(buf) < end + 4 + length:
                    break
                self.statuses.add(head.split(" ", 2)[1])
                buf = buf[end + 4 + length :]
                self.answered += 1


@pytest.mark.parametrize(
    "holders, other",
    [(["127.0.1.%d" % i for i in range(1, 7)], "127.0.1.7"), (["127.0.1.8"] * 3, "127.0.1.8")],
    ids=["other-clients-hold-every-thread", "the-client-holds-its-share"],
)
def test_a_thread_answering_one_connection_after_another_gives_way_to_a_waiting_connection(
    patient_server, holders, other
):
    """A request thread takes a kept-alive connection's next request itself when it follows at once (no hand-over
    to the main thread and back): a pipelining client always has one ready. It does so only while no other
    connection waits for a thread. Here every request thread (six), or all three of one client's share, answers a
    pipeline that does not end until the test ends it; a request of another client, or of the same client on
    another connection, is answered all the same (had the threads kept to their pipelines, it would wait for ever:
    its 30 s socket timeout fails the test). Then the pipelines stop, and every request they wrote is answered, in
    its turn, 200."""
    port = patient_server.port
    pipelines = [_Pipeline(address, port) for address in holders]
    try:
        deadline = time.monotonic() + 60
        while any(p.answered < 3 for p in pipelines) and time.monotonic() < deadline:
            time.sleep(0.01)  # each pipeline has its thread
        assert all(p.answered >= 3 for p in pipelines), [p.answered for p in pipelines]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(other, 0))
        try:  # the same small answer as the pipelines' (a query would also wait for a query worker)
            conn.request("GET", "/sparql/pool")
            r = conn.getresponse()
            status, body = r.status, r.read()
        finally:
            conn.close()
        assert status == 200 and "max_concurrent" in json.loads(body), body[:200]
        assert all(p.writer.is_alive() for p in pipelines)  # answered while every pipeline still had requests to go
        for p in pipelines:
            p.stop()
        for p in pipelines:
            p.writer.join(60)
            p.reader.join(60)
        assert [p.answered for p in pipelines] == [p.written for p in pipelines]
        assert set.union(*(p.statuses for p in pipelines)) == {"200"}
    finally:
        for p in pipelines:
            p.stop()
            p.sock.close()


def test_clients_that_keep_their_answered_connections_open_cannot_stall_the_worker(patient_server):
    """After an answer with ``Connection: close`` the server half-closes and reads what the client still sends until
    it closes (RFC 9112 section 9.6). gunicorn did that on the worker's main thread, up to 2 s a connection: a
    client that read its answers and kept 16 connections open stalled accepting and dispatching for everyone, so
    its own last answers came ~32 s after its requests. The close now lingers in the poller. (The bound below is
    generous, not a timing assertion: the stall it catches is three times longer.)"""
    port = patient_server.port
    kept = [_from("127.0.0.8", port) for _ in range(16)]
    try:
        for sock in kept:
            sock.sendall(VOID)
        deadline = time.monotonic() + 10
        for sock in kept:  # each answer read to its end (the server's FIN), the socket left open
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
            assert data.startswith(b"HTTP/1.1 200 "), data[:80]
        assert _ask_from("127.0.0.9", port)[0] == 200
    finally:
        for sock in kept:
            sock.close()


def test_a_crossed_block_of_33_patterns_is_planned_whole_and_answered(built):
    """The 33 crossed patterns the differential fuzz found (tests/data/crossed-block-of-33.rq): given to the engine as
    sub-queries (the endpoint chunked blocks past 32 patterns), each evaluated alone and the joins built from them, it
    ran out of memory (503); planned whole (past 48 now), the engine streams the cross product and the endpoint cuts
    it at its row cap. It takes ~2.5 s on a quiet machine; the time limit is far above that, so that a loaded machine
    (a CI run beside other work took it past 10 s) cannot turn the answer into a 503: the test is of memory, not time."""
    query = (Path(__file__).parent / "data" / "crossed-block-of-33.rq").read_text(encoding="utf-8")
    app = create_app(ServerConfig(query_timeout=120, client_burst=600), built[0])
    try:
        r = app.test_client().post("/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 200 and r.headers.get("X-CSTO-Truncated") == "true", r.data[:300]
        assert r.get_json()["results"]["bindings"]
    finally:
        app.extensions["csto.engine"].close()


def test_memory_hungry_query_is_stopped_cleanly(server):
    binds = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(34))
    query = f'SELECT (STRLEN(?v34) AS ?n) WHERE {{ BIND("0123456789abcdef" AS ?v0) {binds} }}'
    status, headers, body = server.get("/sparql", {"query": query})
    assert status == 503 and headers["Retry-After"] and no_leak(body)
    assert server.get("/sparql", {"query": "ASK {}"})[0] == 200


def test_a_query_whose_store_runs_out_of_memory_is_503_not_500(built):
    """A block of 50 joined and crossed patterns (tests/data/memory-in-the-store.rq: the 33 that a differential fuzz
    of the endpoint against Oxigraph and rdflib found, below, and 17 of them again over new variables), past the 48
    at which the endpoint gives a block to the engine as sub-queries, each evaluated alone: its worker, at the
    default 1 GB, runs out of memory in RocksDB, the C++ store under the engine, which aborts with ``std::bad_alloc``
    rather than Rust's "memory allocation of", and was answered 500 as an engine failure. A resource limit is 503,
    whichever allocator meets it first."""
    query = (Path(__file__).parent / "data" / "memory-in-the-store.rq").read_text(encoding="utf-8")
    app = create_app(ServerConfig(query_timeout=10, client_burst=600), built[0])
    try:
        client = app.test_client()
        r = client.post("/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 503 and r.headers["Retry-After"], r.data[:300]
        assert b"more memory" in r.data or b"time limit" in r.data, r.data[:300]
        assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    finally:
        app.extensions["csto.engine"].close()


# --- the engine's ORDER BY panic, and a worker that dies -----------------------------------------------

MIXED_DESC = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?o WHERE {
  { VALUES ?o { "y"@en <http://a/2> "2020"^^xsd:gYear "10" "10" false "y"@en "NaN"^^xsd:double
                "2019-12-31T23:00:00-02:00"^^xsd:dateTime "2020"^^xsd:gYear "x" "1"^^xsd:string 10 "x" "9"
                "2019-12-31T23:00:00-02:00"^^xsd:dateTime "1"^^xsd:string "y"@en "2020-01-01T00:00:00Z"^^xsd:dateTime
                "9" "y"@en <http://a/2> true <http://a/1> "2020-01"^^xsd:gYearMonth <http://a/2> } }
  UNION { BIND(BNODE() AS ?o) } UNION { BIND(BNODE() AS ?o) } UNION { BIND(BNODE() AS ?o) }
} ORDER BY DESC(?o)"""


def test_mixed_desc_order_that_panicked_the_engine_is_answered_in_sparql_order(client, app):
    """Issue 10's reproduction: on pyoxigraph 0.5.13 as is, this aborts the process every time."""
    before = settled(app)
    for _ in range(5):
        r = client.get("/sparql", query_string={"query": MIXED_DESC})
        assert r.status_code == 200, r.data
        kinds = [b["o"]["type"] for b in r.get_json()["results"]["bindings"]]
        assert len(kinds) == 29
        # DESC of unbound < blank nodes < IRIs < literals
        assert kinds == ["literal"] * 22 + ["uri"] * 4 + ["bnode"] * 3
        values = [b["o"]["value"] for b in r.get_json()["results"]["bindings"]]
        assert values[values.index("x") : values.index("x") + 6] == ["x", "x", "9", "9", "10", "10"]  # strings
    assert app.extensions["csto.engine"].stats()["died"] == before["died"]


def test_whole_graph_desc_order_is_answered(built):
    """W3C syntax-order-04 over the whole default graph (it crashed on some builds; sorting 8k rows of an
    on-disk store takes the engine about a second, so this app has a generous time limit)."""
    app = create_app(ServerConfig(query_timeout=60), built[0])
    try:
        r = app.test_client().get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } ORDER BY DESC(?o)"})
        assert r.status_code == 200 and len(r.get_json()["results"]["bindings"]) > 7000
    finally:
        app.extensions["csto.engine"].close()


@pytest.fixture
def patient_app(built):
    """An app whose time limit a query never reaches here: only the kill below can end it (with the module's
    1.5 s limit, a loaded machine sometimes stopped the query for its time before the kill landed: 503)."""
    app = create_app(ServerConfig(query_timeout=120, client_burst=600), built[0])
    yield app
    app.extensions["csto.engine"].close()


def _cpu_s(pid: int) -> float:
    """The CPU time (user + system, seconds) process ``pid`` has used (/proc/PID/stat, fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_worker_that_dies_mid_query_is_reported_as_such(patient_app):
    app, client = patient_app, patient_app.test_client()
    before = settled(app)
    result = {}
    t = threading.Thread(
        target=lambda: result.setdefault("r", client.get("/sparql", query_string={"query": CARTESIAN}))
    )
    t.start()
    engine = app.extensions["csto.engine"]
    end = time.monotonic() + 30
    while not engine.stats()["busy"] and time.monotonic() < end:
        time.sleep(0.01)
    [pid] = engine.stats()["busy"]
    # Busy from the moment it is handed out, a worker gets its query just after: killed before that, it is one
    # found dead while idle, and the query is rightly retried on another. So kill it once it has spent CPU time
    # on the query (idle, it blocks on its pipe).
    start = _cpu_s(pid)
    end = time.monotonic() + 30
    while _cpu_s(pid) < start + 0.2 and time.monotonic() < end:
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    t.join(timeout=60)
    r = result["r"]
    assert r.status_code == 500 and b"query worker died" in r.data and "Retry-After" not in r.headers
    assert engine.stats()["died"] == before["died"] + 1
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


# --- per-client budgets -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def budget_app(built):
    app = create_app(
        ServerConfig(query_timeout=TIMEOUT, query_workers=2, client_burst=0.5, client_rate=0.01, demote_after=0.2),
        built[0],
    )
    yield app
    app.extensions["csto.engine"].close()


def test_a_client_past_its_time_budget_gets_429_and_others_are_served(budget_app):
    attacker = budget_app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "127.0.0.2"
    other = budget_app.test_client()
    other.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    settled(budget_app)  # workers ready: the query runs (and is charged) rather than finding none free in time
    r = attacker.get("/sparql", query_string={"query": CARTESIAN})
    assert r.status_code == 503 and b"time limit" in r.data, r.data  # it ran to the time limit: charged
    r = attacker.get("/sparql", query_string={"query": "ASK {}"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0 and b"share of expensive query time" in r.data
    settled(budget_app)  # the worker stopped at the time limit replaced: under load a 503 would say only that
    r = other.get("/sparql", query_string={"query": "ASK {}"})
    assert r.status_code == 200, r.data
    assert budget_app.extensions["csto.engine"].stats()["over_budget"] >= 1


def test_time_queued_behind_other_clients_is_not_charged_to_a_client_of_cheap_queries(built):
    # One query worker, held by another client's query that runs to the time limit: the cheap client's queries
    # wait for it (~1.5 s) far longer than its whole budget (0.3 s), yet only their own run time is charged.
    app = create_app(
        ServerConfig(
            query_timeout=10,
            query_workers=1,
            idle_query_workers=1,
            client_workers=1,
            client_burst=0.3,
            client_rate=0.01,
            demote_after=0.1,
            inline_bounded=False,
        ),
        built[0],
    )
    try:
        engine = app.extensions["csto.engine"]
        settled(app)
        slow = app.test_client()
        slow.environ_base["REMOTE_ADDR"] = "127.0.0.2"
        cheap = app.test_client()
        cheap.environ_base["REMOTE_ADDR"] = "127.0.0.3"
        got: list = []
        hog = threading.Thread(
            target=lambda: got.append(slow.get("/sparql", query_string={"query": CARTESIAN, "timeout": "1.5"}))
        )
        hog.start()
        wait_for(engine.stats, lambda s: len(s["busy"]) == 1)
        r = cheap.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})  # queued until the hog is stopped
        assert r.status_code == 200
        hog.join(timeout=60)
        assert got[0].status_code == 503  # the other client's query ran to the time limit ...
        for _ in range(3):  # ... and the cheap client, which waited for the worker, still has its budget
            assert cheap.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
        r = slow.get("/sparql", query_string={"query": "ASK {}"})  # whose own query ran long is refused
        assert r.status_code == 429 and b"share of expensive query time" in r.data
        assert engine.stats()["over_budget"] == 1
    finally:
        app.extensions["csto.engine"].close()


def test_one_client_cannot_hold_every_query_worker(built):
    app = create_app(ServerConfig(query_timeout=3, query_workers=2, client_burst=600), built[0])
    try:
        engine = app.extensions["csto.engine"]
        settled(app)
        attacker = app.test_client()
        attacker.environ_base["REMOTE_ADDR"] = "127.0.0.2"
        threads = [
            threading.Thread(target=lambda: attacker.get("/sparql", query_string={"query": CARTESIAN}))
            for _ in range(2)
        ]
        for t in threads:
            t.start()
        end = time.monotonic() + 30
        while not engine.stats()["busy"] and time.monotonic() < end:
            time.sleep(0.01)
        held = [engine.stats()["holding"].get("127.0.0.2", 0) for _ in range(20)]
        assert max(held) == 1  # its second query waits for its first
        other = app.test_client()  # 127.0.0.1: the second worker is kept for others
        r = other.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert r.status_code == 200
        for t in threads:
            t.join(timeout=60)
    finally:
        app.extensions["csto.engine"].close()


def test_a_query_waiting_on_its_own_clients_share_is_told_so_not_that_every_worker_is_busy():
    # A client holding its share of workers waits for one of its own; a third worker may well be idle. At the
    # deadline it was told "every query worker is busy", which was not the reason.
    from csto_kg.server.engine import QueryPool, Unavailable

    pool = QueryPool(["true"], size=3, keep=1)
    pool.holding["127.0.0.2"] = 2
    with pytest.raises(Unavailable, match="this client's other queries held all 2 of the query workers") as e:
        pool.acquire(time.monotonic() + 0.3, who="127.0.0.2", share=2)
    assert "every query worker is busy" not in str(e.value)


# --- concurrency cap -------------------------------------------------------------------------------


def test_concurrency_cap_refuses_with_429_and_retry_after(server):
    server.wait_pool(pool_quiet)
    results: list = []
    threads = [
        threading.Thread(target=lambda: results.append(server.get("/sparql", {"query": CARTESIAN}))) for _ in range(2)
    ]
    for t in threads:
        t.start()
    server.wait_pool(lambda s: len(s["busy"]) == 2)  # both slots taken (the second worker started on demand)
    status, headers, body = server.get("/sparql", {"query": "ASK {}"})
    assert status == 429
    assert int(headers["Retry-After"]) > 0 and b"too many queries" in body
    for t in threads:
        t.join(timeout=60)
    assert [r[0] for r in results] == [503, 503]
    server.wait_pool(pool_quiet)
    assert server.get("/sparql", {"query": "ASK {}"})[0] == 200


# --- no way out: SERVICE, FROM, dataset parameters ---------------------------------------------------


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def service_queries(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ]


def test_service_is_refused_and_no_connection_is_attempted(client, listener):
    for query in service_queries(listener.port):
        for r in (
            client.get("/sparql", query_string={"query": query}),
            client.post("/sparql", data=query, content_type="application/sparql-query"),
        ):
            assert r.status_code == 400, query
            assert b"SERVICE" in r.data
    time.sleep(0.5)  # room for a stray connection to arrive (there must be none)
    assert listener.accepted == []


def test_live_service_is_refused_and_no_connection_is_attempted(server, listener):
    for query in service_queries(listener.port):
        assert server.get("/sparql", {"query": query})[0] == 400
    time.sleep(0.5)
    assert listener.accepted == []


PASSWD = "file:///etc/passwd"


@pytest.mark.parametrize(
    "query, params",
    [
        (f"SELECT * FROM <{PASSWD}> WHERE {{ ?s ?p ?o }}", {}),
        (f"SELECT * FROM NAMED <{PASSWD}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
        (f"CONSTRUCT {{ ?s ?p ?o }} FROM <{PASSWD}> WHERE {{ ?s ?p ?o }}", {}),
        (f"SELECT * WHERE {{ GRAPH <{PASSWD}> {{ ?s ?p ?o }} }}", {}),
        ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": PASSWD}),
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", {"named-graph-uri": PASSWD}),
        ("CONSTRUCT WHERE { ?s ?p ?o }", {"default-graph-uri": "file:///etc/hostname"}),
    ],
)
def test_from_a_file_returns_nothing_of_the_file(client, query, params):
    r = client.get("/sparql", query_string={"query": query, **params})
    assert b"root:" not in r.data and no_leak(r.data)
    assert r.status_code == 200  # the file is not read: the graph it names is one the dataset lacks, so empty
    if params or "FROM" in query:  # a dataset naming it, which the response says it lacks
        assert r.headers["X-CSTO-Unknown-Graphs"] == f"<{(list(params.values()) or [PASSWD])[0]}>"
    if r.mimetype.endswith("json"):
        assert r.get_json()["results"]["bindings"] == []
    else:
        assert r.data.strip() == b""


# --- caps ------------------------------------------------------------------------------------------


def test_oversize_requests_get_413(client):
    big = "ASK { " + "?s ?p ?o . " * 2000 + "}"  # 22 kB: over the body limit (16 kB)
    assert client.post("/sparql", data={"query": big}).status_code == 413
    assert client.post("/sparql", data=big, content_type="application/sparql-query").status_code == 413
    long = "ASK { " + "?s ?p ?o . " * 800 + "}"  # 8.8 k characters: within the body limit, over the query limit
    for r in (
        client.get("/sparql", query_string={"query": long}),
        client.post("/sparql", data={"query": long}),
        client.post("/sparql", data=long, content_type="application/sparql-query"),
    ):
        assert r.status_code == 413 and b"characters" in r.data


def test_live_oversize_body_gets_413(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    body = b"query=" + b"A" * (128 * 1024)
    conn.request("POST", "/sparql", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse()
    assert r.status == 413 and no_leak(r.read())
    conn.close()


# --- read-only ---------------------------------------------------------------------------------------

UPDATES = [
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    f"WITH <{GRAPH}meta> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "LOAD <file:///etc/passwd>",
    "LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:x:g>",
    "CLEAR ALL",
    "CLEAR DEFAULT",
    f"CLEAR GRAPH <{GRAPH}meta>",
    "DROP ALL",
    f"DROP GRAPH <{GRAPH}ontology>",
    "CREATE GRAPH <urn:x:new>",
    f"ADD <{GRAPH}meta> TO <urn:x:g>",
    f"MOVE <{GRAPH}meta> TO <urn:x:g>",
    f"COPY <{GRAPH}meta> TO <urn:x:g>",
    "PREFIX ex: <urn:x:> INSERT DATA { ex:a ex:b ex:c }",
    "# a comment first\nDELETE DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
]


@pytest.mark.parametrize(
    "how", ["GET query=", "POST query=", "GET update=", "POST update=", "POST sparql-update", "POST sparql-query"]
)
def test_every_update_form_is_refused_and_the_data_unchanged(client, how):
    before = count(client)
    for update in UPDATES:
        if how == "GET query=":
            r = client.get("/sparql", query_string={"query": update})
        elif how == "POST query=":
            r = client.post("/sparql", data={"query": update})
        elif how == "GET update=":
            r = client.get("/sparql", query_string={"update": update})
        elif how == "POST update=":
            r = client.post("/sparql", data={"update": update})
        elif how == "POST sparql-update":
            r = client.post("/sparql", data=update, content_type="application/sparql-update")
        else:
            r = client.post("/sparql", data=update, content_type="application/sparql-query")
        assert r.status_code == 403, (how, update)
        assert b"read-only" in r.data
    assert count(client) == before


def test_live_update_is_refused_and_the_data_unchanged(server):
    def n():
        return int(json.loads(server.get("/sparql", {"query": COUNT})[2])["results"]["bindings"][0]["n"]["value"])

    before = n()
    for update in UPDATES:
        assert server.get("/sparql", {"query": update})[0] == 403
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request("POST", "/sparql", body=update.encode(), headers={"Content-Type": "application/sparql-update"})
        assert conn.getresponse().status == 403
        conn.close()
    assert n() == before


# --- hostile shapes of query -------------------------------------------------------------------------

HOSTILE = {
    "deep-braces": "SELECT * WHERE " + "{" * 3500 + " ?s ?p ?o " + "}" * 3500,
    "deep-parens": "ASK { FILTER(" + "(" * 3900 + "1" + ")" * 3900 + ") }",
    "deep-optional": "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * 300 + "}" * 300 + "}",
    "deep-subselect": "SELECT * WHERE " + "{ SELECT * WHERE " * 400 + "{ ?s ?p ?o }" + " }" * 400,
    "negations": "ASK { FILTER(" + "!" * 7900 + "true) }",
    "100-chained-patterns": "SELECT * WHERE { "
    + " ".join(f"?v{i} ?p{i} ?v{i + 1} ." for i in range(100))
    + " } LIMIT 1",
    "2000-term-filter": "SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(f"?o={i}" for i in range(1300)) + ") }",
    "long-path": "ASK { ?s " + "/".join(["<urn:x:p>"] * 700) + " ?o }",
    "huge-values": "SELECT * WHERE { VALUES ?x { " + " ".join(str(i) for i in range(1500)) + " } }",
    "nul-bytes": 'SELECT * WHERE { ?s ?p "\x00\x00" }',
    "unterminated": 'SELECT * WHERE { ?s ?p "' + "x" * 5000,
    "binary": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_queries_get_a_clean_answer_never_500(client, name):
    query = HOSTILE[name]
    for r in (
        client.get("/sparql", query_string={"query": query}),
        client.post("/sparql", data=query.encode("utf-8"), content_type="application/sparql-query"),
    ):
        assert r.status_code in (200, 400, 413, 503), (name, r.status_code, r.data[:200])
        assert no_leak(r.data)
    settled(client.application)  # the worker a hostile query took is replaced: the server serves on
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_hostile_2000_term_filter_within_the_length_limit(server):
    query = "SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(f"?o={i}" for i in range(2000)) + ") }"
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("POST", "/sparql", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
    r = conn.getresponse()
    assert r.status in (200, 503) and no_leak(r.read())
    conn.close()


# --- no way in: traversal through static, seed and resource routes -------------------------------------

TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/..\\..\\etc\\passwd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static//etc/passwd",
    "/static/%00../../etc/passwd",
    "/source/..%2f..%2fetc%2fpasswd",
    "/source/../../../etc/passwd",
    "/source/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/seeds/../../etc/passwd",
    "/seeds/..%2f..%2fetc%2fpasswd",
    "/downloads/..%2f..%2f..%2fetc%2fpasswd",
    "/downloads/../manifest.json",
    "/id/..%2f..%2f..%2fetc%2fpasswd",
    "/evidence/..%2f..%2fetc%2fpasswd",
    "/graph/..%2f..%2fetc%2fpasswd",
    "/ontology/..%2f..%2f..%2fetc%2fpasswd",
    "/.well-known/..%2f..%2fetc%2fpasswd",
    "/sparql/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2fetc/passwd",
    "/static/..%c0%af..%c0%afetc/passwd",
    "/source/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
]


def raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET ``path`` byte for byte (no client-side normalisation of ``..``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_traversal_through_any_route(client, server, path):
    r = client.get(path)
    assert r.status_code in (301, 302, 308, 400, 403, 404, 405), (path, r.status_code)
    assert b"root:" not in r.data and no_leak(r.data)
    status, body = raw_get(server.port, path)
    assert status in (301, 302, 308, 400, 403, 404, 405), (path, status)
    assert b"root:" not in body and no_leak(body)


def test_error_pages_leak_no_stack_trace_or_path(client):
    responses = [
        client.get("/sparql", query_string={"query": "SELECT * WHERE {"}),
        client.put("/sparql"),
        client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"}),
        client.post("/sparql", data=b"x", content_type="text/plain"),
        client.get("/no/such/page"),
        client.get("/sparql", query_string={"query": CARTESIAN, "timeout": "0.1"}),
    ]
    assert [r.status_code for r in responses] == [400, 405, 406, 415, 404, 503]
    for r in responses:
        assert no_leak(r.data), r.data
