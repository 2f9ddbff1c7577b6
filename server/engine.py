"""The query pool: pre-started query worker processes per web worker, and a deadline on every query.

Neither Oxigraph nor rdflib can stop a query once it runs (no timeout; the GIL
is released; a signal is seen only between result rows), so each web worker
owns a few query worker processes (:mod:`csto_kg.server.qworker`), started
once, each with the store open read-only. A request takes an idle worker,
sends it (query, format, dataset) and waits on the worker's pipe *and* the
client's socket until the deadline:

- the answer arrives: status, kind and the serialised bytes, all known before
  the response starts (never a truncated 200);
- the deadline passes, or the client hangs up (end of file on
  ``environ["gunicorn.socket"]``): the worker is SIGKILLed, so its work stops
  at once, and a fresh one is started in the background;
- the worker dies (an allocation past its memory cap aborts it): 503, replaced.

A query still running after ``demote_after`` seconds has its worker's CPU
priority lowered (nice 15) for the rest of its run, so that on a small
machine a few pathological queries cannot starve the short ones of CPU while
they wait for their time limit; the worker's priority is restored (or, where
that is not permitted, the worker replaced) before it takes another query.

A query bounded by its form (one triple pattern of a constant subject,
:mod:`csto_kg.bounded`) cannot run away: the web worker reads it from its own
read-only store, as a page is read, under the same admission and caps.

No process is forked per query. Admission is capped per web worker
(``max_concurrent`` queries running or waiting for a worker): past it a request
is refused at once (429 with ``Retry-After``), and one that waits longer than
the operator's time limit for a free worker gets 503.
"""

from __future__ import annotations

import collections
import math
import os
import select
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from csto_kg.bounded import bounded

from .config import ServerConfig
from .qworker import answer, frame_job, parse_frame

__all__ = [
    "QueryEngine",
    "Answer",
    "EngineError",
    "QueryFailed",
    "StoreFailed",
    "NotRepresentable",
    "Overloaded",
    "TimedOut",
    "Unavailable",
    "ClientGone",
    "EngineFault",
    "WorkerDied",
    "ClientBudgets",
]

_POLL_IN = select.POLLIN | select.POLLPRI
DEMOTED_NICE = 15
# What a query worker writes as it aborts on an allocation past its RLIMIT_DATA: Rust's allocator (the engine) or
# the C++ runtime (RocksDB, the store under it; found by a differential fuzz of the endpoint, 2026-12-05)
_OUT_OF_MEMORY = (b"memory allocation of", b"std::bad_alloc")
_POLL_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL | getattr(select, "POLLRDHUP", 0)


class EngineError(Exception):
    """A query that did not produce a result; ``status`` is the HTTP status it maps to."""

    status = 503
    retry = False

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class QueryFailed(EngineError):
    """The query is malformed or invalid (the parser's or evaluator's message)."""

    status = 400


class StoreFailed(EngineError):
    """The external store (``serve --store``) failed a query the endpoint found valid: its reason, not its address."""

    status = 502


class Overloaded(EngineError):
    """Too many queries running or waiting in this web worker, or this client's time budget is spent."""

    status = 429
    retry = True

    def __init__(self, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class NotRepresentable(EngineError):
    """The result holds a character the requested format cannot carry (XML 1.0 and a control character)."""

    status = 406


class TimedOut(EngineError):
    status = 503
    retry = True


class Unavailable(EngineError):
    """No worker free in time, or the worker died (memory cap) while running the query."""

    status = 503
    retry = True


class ClientGone(EngineError):
    """The client closed its connection; its query was stopped."""

    status = 503


class WorkerDied(EngineError):
    """The query process died while running the query (not by the time limit, not by its memory cap)."""

    status = 500


class EngineFault(EngineError):
    """The engine or the store failed (not the query's fault)."""

    status = 500


@dataclass(frozen=True)
class Answer:
    kind: str  # select | ask | graph
    fmt: str  # a key of csto_kg.query.RESULT_FORMATS or GRAPH_FORMATS
    body: bytes
    rows: int | None
    truncated: bool


class _Timeout(Exception):
    pass


class _Died(Exception):
    pass


class _Hangup(Exception):
    pass


class _Retry(Exception):
    pass


def client_gone(sock: socket.socket | None) -> bool:
    """Has the peer of ``sock`` closed the connection (end of file, or an error)?"""
    if sock is None:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except (BlockingIOError, InterruptedError):
        return False
    except OSError:
        return True


def _widen_pipe(fd: int) -> None:
    """Let a worker write a whole answer of up to 1 MiB without waiting for the web worker to read.

    With the default 64 KiB, a large answer crosses the pipe in many rounds,
    each waiting for a request thread to get the GIL: measured, half the CPU
    sat idle under load.
    """
    try:
        import fcntl

        limit = int(open("/proc/sys/fs/pipe-max-size").read())
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, min(limit, 1 << 20))
    except (OSError, ValueError, AttributeError, ImportError):
        pass


class _Worker:
    """One query worker process and the unread bytes of its pipe."""

    def __init__(self, argv: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, close_fds=True
        )
        self.pid = self.proc.pid
        self.fd = self.proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        os.set_blocking(self.proc.stderr.fileno(), False)
        _widen_pipe(self.fd)
        self._buf = bytearray()
        self.demoted = False
        self.idle_since = 0.0  # monotonic time it last became idle

    def drain_stderr(self, final: bool = False) -> bytes:
        """What the worker wrote to its stderr since the last call, also passed on to this process's stderr.

        ``final``: the worker is dead; wait briefly for it to exit and read to the end.
        """
        if final:
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        chunks = []
        try:
            while chunk := os.read(self.proc.stderr.fileno(), 1 << 16):
                chunks.append(chunk)
        except (BlockingIOError, OSError, ValueError):
            pass
        data = b"".join(chunks)
        if data:
            sys.stderr.buffer.write(data)
            sys.stderr.flush()
        return data

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def _frame(self) -> tuple[dict, bytes] | None:
        got = parse_frame(self._buf)
        if got is None:
            return None
        del self._buf[: got[2]]
        return got[0], got[1]

    def _renice(self, nice: int) -> bool:
        # Linux keeps a nice value per thread, and the query runs on the worker's "query" thread.
        try:
            tids = [int(t) for t in os.listdir(f"/proc/{self.pid}/task")]
        except OSError:
            tids = [self.pid]
        try:
            for tid in tids:
                os.setpriority(os.PRIO_PROCESS, tid, nice)
        except OSError:
            return False
        return True

    def demote(self) -> None:
        """Lower the CPU priority of a query that runs long, so that short queries keep their share."""
        self.demoted = self._renice(DEMOTED_NICE) or self.demoted

    def restore(self) -> bool:
        """Back to normal priority before the next query; False if that is not permitted."""
        if not self.demoted:
            return True
        if not self._renice(0):
            return False
        self.demoted = False
        return True

    def receive(
        self, deadline: float, client: socket.socket | None = None, demote_at: float | None = None
    ) -> tuple[dict, bytes]:
        """The next frame, waiting until ``deadline`` (monotonic) while watching ``client`` for a hang-up.

        Past ``demote_at`` the worker's CPU priority is lowered (:meth:`demote`).
        """
        poller = select.poll()
        poller.register(self.fd, _POLL_IN)
        watching = client is not None
        if watching:
            poller.register(client.fileno(), _POLL_IN | _POLL_GONE)
        while True:
            got = self._frame()
            if got is not None:
                return got
            now = time.monotonic()
            remaining = deadline - now
            if remaining <= 0:
                raise _Timeout()
            if demote_at is not None:
                if now >= demote_at:
                    self.demote()
                    demote_at = None
                else:
                    remaining = min(remaining, demote_at - now)
            for fd, _events in poller.poll(max(1, int(remaining * 1000))):
                if fd == self.fd:
                    try:
                        chunk = os.read(self.fd, 1 << 20)
                    except BlockingIOError:
                        continue
                    if not chunk:
                        raise _Died()
                    self._buf += chunk
                elif watching:
                    if client_gone(client):
                        raise _Hangup()
                    # Readable with data (a pipelined request): stop watching rather than spin.
                    poller.unregister(fd)
                    watching = False

    def kill(self) -> None:
        try:
            self.proc.kill()  # SIGKILL: Oxigraph cannot be interrupted any other way
        except OSError:
            pass
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass


class ClientBudgets:
    """Each client's (remote address's) budget of expensive query time in one web worker: a token bucket.

    A query's run time past ``free`` seconds (cheap queries cost nothing) is
    charged to its client when it ends, and counts while it runs; the bucket
    holds at most ``burst`` seconds and refills at ``rate`` seconds per second.
    Run time starts when the query gets a worker (:meth:`started`), not at
    admission: time spent waiting for a worker busy with others' queries is
    never charged, so a client of cheap queries is not refused because others
    slow the server.
    A client whose bucket is empty is refused (429) until it refills, with a
    ``Retry-After`` saying when; others are not affected.
    """

    def __init__(self, burst: float, rate: float, free: float):
        self.burst, self.rate, self.free = burst, rate, free
        self._lock = threading.Lock()
        self._tokens: dict[str, tuple[float, float]] = {}  # who -> (tokens, at)
        self._running: dict[str, dict[int, float | None]] = {}  # who -> {ticket: started (None: still queued)}
        self._ticket = 0

    def _balance(self, who: str, now: float) -> float:
        tokens, at = self._tokens.get(who, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        running = sum(max(0.0, now - t - self.free) for t in self._running.get(who, {}).values() if t is not None)
        return tokens - running

    def admit(self, who: str) -> int:
        """A ticket for a query of ``who``; :class:`Overloaded` (with its ``retry_after``) if its budget is spent."""
        now = time.monotonic()
        with self._lock:
            balance = self._balance(who, now)
            if balance <= 0:
                wait = max(1, math.ceil((-balance + 1e-3) / self.rate)) if self.rate > 0 else 3600
                raise Overloaded(
                    f"this client has used its share of expensive query time ({self.burst:g} s, "
                    f"renewed at {self.rate:g} s per second); retry in {wait} s",
                    retry_after=wait,
                )
            self._ticket += 1
            self._running.setdefault(who, {})[self._ticket] = None  # queued: nothing charged until it runs
            if len(self._tokens) > 10_000:  # forget clients whose bucket has refilled (bounded memory)
                for other in [
                    w for w in self._tokens if w not in self._running and self._balance(w, now) >= self.burst
                ]:
                    del self._tokens[other]
            return self._ticket

    def started(self, who: str, ticket: int) -> None:
        """The query of ``ticket`` has a worker and runs from now on (its run time is charged from here)."""
        now = time.monotonic()
        with self._lock:
            tickets = self._running.get(who, {})
            if ticket in tickets and tickets[ticket] is None:
                tickets[ticket] = now

    def finish(self, who: str, ticket: int) -> None:
        now = time.monotonic()
        with self._lock:
            started = self._running.get(who, {}).pop(ticket, None)
            if started is None:  # never ran (refused, or no worker in time): nothing to charge
                started = now
            if not self._running.get(who):
                self._running.pop(who, None)
            tokens, at = self._tokens.get(who, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate) - max(0.0, now - started - self.free)
            if tokens >= self.burst and who not in self._running:
                self._tokens.pop(who, None)  # a client back to a full bucket is forgotten
            else:
                self._tokens[who] = (tokens, now)


class QueryPool:
    """The query worker processes of one web worker: ``keep`` kept started, up to ``size`` under load.

    A request that finds no idle worker while fewer than ``size`` exist starts
    one more (ready in a fraction of a second: a fresh interpreter that imports
    only pyoxigraph and opens the store); a worker past the first ``keep`` that
    has been idle for ``linger`` seconds is stopped. So an idle server holds
    ``keep`` query processes, and a busy one up to ``size``, as before.
    """

    def __init__(self, argv: list[str], size: int, keep: int | None = None, linger: float = 30.0):
        self._argv = argv
        self._size = size
        self._keep = size if keep is None else max(1, min(keep, size))
        self._linger = linger
        self._slots = 0  # workers alive or being started (at most size)
        self._starting = 0  # of which being started
        self._waiting = 0  # requests waiting in acquire()
        self._env = {**os.environ, "RUST_BACKTRACE": "0"}
        self._cond = threading.Condition()
        self._idle: collections.deque[_Worker] = collections.deque()
        self._workers: dict[int, _Worker] = {}
        self._closed = False
        self.counters: collections.Counter[str] = collections.Counter()
        self.holding: collections.Counter[str] = collections.Counter()  # client -> workers it holds now

    def start(self) -> None:
        with self._cond:
            for _ in range(self._keep):
                self._grow()
        if self._keep < self._size:
            threading.Thread(target=self._trim_loop, name="csto-query-pool-trim", daemon=True).start()

    def _grow(self) -> None:
        """Start one more worker (called holding ``_cond``)."""
        self._slots += 1
        self._starting += 1
        self._bring_up_async()

    def _trim_loop(self) -> None:
        """Stop workers past the first ``keep`` once they have been idle for ``linger`` seconds."""
        while True:
            with self._cond:
                self._cond.wait(max(1.0, self._linger / 4))
                if self._closed:
                    return
                now = time.monotonic()
                retire = []
                while (
                    self._slots - len(retire) > self._keep
                    and self._idle
                    and now - self._idle[0].idle_since >= self._linger
                ):
                    w = self._idle.popleft()  # the longest idle (release appends, acquire takes from the right)
                    self._workers.pop(w.pid, None)
                    retire.append(w)
                self._slots -= len(retire)
                self.counters["retired"] += len(retire)
            for w in retire:
                w.kill()
                w.proc.wait()

    def _bring_up_async(self, reap: _Worker | None = None) -> None:
        threading.Thread(target=self._bring_up, args=(reap,), name="csto-query-worker-start", daemon=True).start()

    def _bring_up(self, reap: _Worker | None = None) -> None:
        if reap is not None:
            reap.proc.wait()
        backoff = 0.5
        while not self._closed:
            try:
                w = _Worker(self._argv, self._env)
            except OSError as e:
                print(f"csto-kg: cannot start a query worker: {e}", file=sys.stderr, flush=True)
                time.sleep(backoff)
                backoff = min(backoff * 2, 30)
                continue
            with self._cond:
                if self._closed:
                    w.kill()
                    return
                self._workers[w.pid] = w
            try:
                header, _ = w.receive(time.monotonic() + 60)
                ready = bool(header.get("ready"))
            except (_Timeout, _Died, ValueError, OSError):  # OSError: the pool closed the pipe meanwhile
                ready = False
            with self._cond:
                if ready and not self._closed:
                    w.idle_since = time.monotonic()
                    self._idle.append(w)
                    self._starting -= 1
                    self.counters["started"] += 1
                    self._cond.notify()
                    return
                self._workers.pop(w.pid, None)
            w.kill()
            w.proc.wait()
            if not self._closed:
                print(
                    f"csto-kg: a query worker failed to start (exit {w.proc.returncode}); retrying",
                    file=sys.stderr,
                    flush=True,
                )
                time.sleep(backoff)
                backoff = min(backoff * 2, 30)

    def acquire(self, deadline: float, client: socket.socket | None = None, who: str = "", share: int = 0) -> _Worker:
        """An idle worker, once ``who`` holds fewer than ``share`` workers (0: no cap); it then holds one more."""
        with self._cond:
            self._waiting += 1
            try:
                while not self._idle or (share and self.holding[who] >= share):
                    remaining = deadline - time.monotonic()
                    if remaining <= 0 or self._closed:
                        if share and self.holding[who] >= share and not self._closed:
                            raise Unavailable(
                                f"this client's other queries held all {share} of the query workers one client may "
                                "use until the time limit; send fewer queries at once"
                            )
                        raise Unavailable("every query worker is busy; try again shortly")
                    if not (share and self.holding[who] >= share):
                        # No idle worker for a request allowed one: grow the pool, one start per waiting request.
                        while self._slots < self._size and self._starting < self._waiting - len(self._idle):
                            self._grow()
                    self._cond.wait(min(remaining, 0.25))
                    if client_gone(client):
                        raise ClientGone("the client closed the connection")
            finally:
                self._waiting -= 1
            self.holding[who] += 1
            return self._idle.pop()  # the most recently used: the others may idle long enough to be stopped

    def let_go(self, who: str) -> None:
        """``who`` no longer holds the worker it acquired (released or replaced)."""
        with self._cond:
            self.holding[who] -= 1
            if self.holding[who] <= 0:
                del self.holding[who]
            self._cond.notify_all()

    def release(self, w: _Worker) -> None:
        if not w.restore():  # demoted, and not allowed to undo it: a fresh worker instead
            self.replace(w, "recycled")
            return
        with self._cond:
            if self._closed:
                w.kill()
                return
            w.idle_since = time.monotonic()
            self._idle.append(w)
            self._cond.notify_all()

    def replace(self, w: _Worker, reason: str) -> None:
        """SIGKILL ``w`` now; reap it and start its replacement in the background."""
        w.kill()
        with self._cond:
            self._workers.pop(w.pid, None)
            self.counters[reason] += 1
            if self._slots > self._keep or self._closed:  # not needed at idle: started again on demand
                self._slots -= 1
                replace = False
            else:
                self._starting += 1
                replace = True
        if replace:
            self._bring_up_async(reap=w)
        else:
            threading.Thread(target=w.proc.wait, name="csto-query-worker-reap", daemon=True).start()

    def count(self, name: str) -> None:
        with self._cond:
            self.counters[name] += 1

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = list(self._workers.values())
            self._workers.clear()
            self._idle.clear()
            self._cond.notify_all()
        for w in workers:
            w.kill()
        for w in workers:
            try:
                w.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass

    def stats(self) -> dict:
        with self._cond:
            idle = {w.pid for w in self._idle}
            return {
                "size": self._size,
                "keep": self._keep,
                "starting": self._starting,
                "workers": sorted(self._workers),
                "idle": len(self._idle),
                "busy": sorted(p for p in self._workers if p not in idle),
                "holding": dict(self.holding),
                **{
                    k: self.counters[k]
                    for k in (
                        "started",
                        "served",
                        "inline",
                        "timeout",
                        "disconnect",
                        "died",
                        "recycled",
                        "retired",
                        "rejected",
                        "over_budget",
                    )
                },
            }


class QueryEngine:
    """The entry point of the web layer: :meth:`run` a query under the limits of a :class:`ServerConfig`.

    The pool is started on first use (or by :meth:`start`, which ``csto-kg
    serve`` calls as each web worker boots) in the process that uses it: a
    pool never crosses a fork.
    """

    def __init__(self, config: ServerConfig, store_path, inline_store=None):
        """``inline_store``: the web worker's own read-only store, for queries bounded by their form
        (:mod:`csto_kg.bounded`), answered without the hop to a query worker; None sends every query there."""
        self.config = config
        self._inline = inline_store
        self._argv = [
            sys.executable,
            "-m",
            "csto_kg.server.qworker",
            str(store_path),
            str(config.max_rows),
            str(config.max_result_bytes),
            str(config.worker_memory_mb),
        ]
        self._lock = threading.Lock()
        self._pool: QueryPool | None = None
        self._pid = 0
        self._slots = threading.BoundedSemaphore(config.max_concurrent)
        self.budgets = ClientBudgets(config.client_burst_s, config.client_rate, config.demote_after)

    def start(self) -> QueryPool:
        with self._lock:
            if self._pool is None or self._pid != os.getpid():
                self._pool = QueryPool(self._argv, self.config.query_workers, self.config.idle_query_workers)
                self._pid = os.getpid()
                self._slots = threading.BoundedSemaphore(self.config.max_concurrent)
                self._pool.start()
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None and self._pid == os.getpid():
                self._pool.close()
            self._pool = None

    def stats(self) -> dict:
        pool = self.start()
        return {
            "web_worker": os.getpid(),
            "max_concurrent": self.config.max_concurrent,
            "timeout_s": self.config.query_timeout,
            **pool.stats(),
        }

    def run(self, job: dict, timeout: float, client: socket.socket | None = None, who: str = "") -> Answer:
        """Run ``job`` (query, fmt, default_graph, named_graphs) within ``timeout`` seconds for client ``who``.

        ``who`` (the remote address) has a budget of expensive query time and
        may hold at most ``client_share`` query workers at once (its other
        queries wait), so that one client cannot take every worker.
        """
        pool = self.start()
        try:
            ticket = self.budgets.admit(who)
        except Overloaded:
            pool.count("over_budget")
            raise
        try:
            if not self._slots.acquire(blocking=False):
                pool.count("rejected")
                raise Overloaded(
                    f"too many queries at once (at most {self.config.max_concurrent} per server process); retry shortly"
                )
            try:
                if self._inline is not None and bounded(job["query"]):  # read in this thread, as a page is
                    pool.count("inline")
                    self.budgets.started(who, ticket)
                    c = self.config
                    header, body = answer(self._inline, job, c.max_rows, c.max_result_bytes, "web worker")
                else:
                    header, body = self._run(pool, frame_job(job), timeout, client, who, ticket)
            finally:
                self._slots.release()
        finally:
            self.budgets.finish(who, ticket)
        if header.get("ok"):
            return Answer(header["kind"], header["fmt"], body, header.get("rows"), bool(header.get("truncated")))
        error, message = header.get("error"), header.get("message", "")
        if error in ("syntax", "invalid"):
            raise QueryFailed(message)
        if error == "unrepresentable":
            raise NotRepresentable(message)
        if error == "store":
            raise StoreFailed(message)
        if error == "resources":
            raise Unavailable(message)
        raise EngineFault("the query engine failed")

    def _run(self, pool: QueryPool, data: bytes, timeout: float, client, who: str, ticket: int) -> tuple[dict, bytes]:
        for attempt in (1, 2):
            w = pool.acquire(time.monotonic() + self.config.query_timeout, client, who, self.config.client_share)
            self.budgets.started(who, ticket)  # charged from here: not for the wait for a worker
            try:
                return self._on(pool, w, data, timeout, client, attempt)
            except _Retry:
                continue
            finally:
                pool.let_go(who)
        raise AssertionError("unreachable")

    def _on(self, pool: QueryPool, w: _Worker, data: bytes, timeout: float, client, attempt: int) -> tuple[dict, bytes]:
        """Run the framed query on ``w`` (acquired); release or replace ``w`` whatever happens."""
        try:
            w.send(data)
        except OSError:  # it died while idle (killed from outside): try another once
            pool.replace(w, "died")
            if attempt == 2:
                raise Unavailable("the query worker is unavailable; try again shortly") from None
            raise _Retry() from None
        try:
            started = time.monotonic()
            got = w.receive(started + timeout, client, started + self.config.demote_after)
        except _Timeout:
            pool.replace(w, "timeout")
            raise TimedOut(f"the query ran past its time limit of {timeout:g} s and was stopped") from None
        except _Hangup:
            pool.replace(w, "disconnect")
            raise ClientGone("the client closed the connection; its query was stopped") from None
        except (_Died, ValueError):
            said = w.drain_stderr(final=True)
            pool.replace(w, "died")
            if any(marker in said for marker in _OUT_OF_MEMORY):
                raise Unavailable(
                    "the query could not be completed: it needed more memory than a query may use"
                ) from None
            raise WorkerDied(
                "the query worker died while running this query (an engine failure; it has been "
                "replaced and the failure logged)"
            ) from None
        if not got[0].get("ok", True):  # an engine fault was written to the worker's stderr: pass it on
            w.drain_stderr()
        pool.release(w)
        pool.count("served")
        return got
