"""Server settings: defaults, overridable by ``csto-kg serve`` options or ``CSTO_KG_*`` variables.

Every limit of the public endpoint lives here (see ``server/sparql.py`` for
what a client sees when it is passed). Environment variables:
``CSTO_KG_HOST``, ``_PORT``, ``_WEB_WORKERS``, ``_QUERY_WORKERS``,
``_IDLE_QUERY_WORKERS``, ``_QUERY_TIMEOUT`` (s), ``_MAX_ROWS``, ``_MAX_RESULT_BYTES``,
``_MAX_QUERY_LENGTH``, ``_MAX_BODY``, ``_MAX_CONCURRENT``,
``_WORKER_MEMORY_MB``, ``_RETRY_AFTER`` (s), ``_HEAD_TIMEOUT`` (s), ``_BODY_TIMEOUT`` (s), ``_WRITE_TIMEOUT`` (s), ``_DEMOTE_AFTER`` (s), ``_FEDERATION_ALLOWLIST``
(space-separated endpoint IRIs), ``_CLIENT_WORKERS``, ``_CLIENT_THREADS``, ``_CLIENT_BURST`` (s), ``_CLIENT_RATE`` (s/s),
``_STORE`` (an external SPARQL endpoint to serve over), ``_INLINE_BOUNDED`` (0: every query goes to a
query worker, also one bounded by its form; see :mod:`csto_kg.bounded`).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

from csto_kg.errors import UserError
from csto_kg.today import today as read_today

__all__ = ["ServerConfig"]


def _env(name: str, default, cast=int):
    value = os.environ.get(f"CSTO_KG_{name}")
    if value is None:
        return default
    try:
        return cast(value)
    except ValueError:
        kind = {int: "a whole number", float: "a number"}.get(cast, "a value")
        raise UserError(f"CSTO_KG_{name}={value[:40]!r} is not {kind}") from None


# (setting, its option of csto-kg serve or None, the least value it takes, the most or None), each a whole number
# or a number of seconds: checked by ServerConfig.check before the server starts
_RANGES = (
    ("port", "--port", 1, 65535),
    ("web_workers", "--workers", 1, None),
    ("query_workers", None, 1, None),
    ("idle_query_workers", None, 0, None),
    ("query_timeout", "--query-timeout", 0.001, None),
    ("max_rows", None, 1, None),
    ("max_query_length", None, 1, None),
    ("max_body", None, 1, None),
    ("max_concurrent", None, 1, None),
    ("max_result_bytes", None, 1, None),
    ("worker_memory_mb", None, 64, None),
    ("retry_after", None, 0, None),
    ("demote_after", None, 0, None),
    ("client_workers", None, 0, None),
    ("client_burst", None, 0, None),
    ("client_rate", None, 0.000001, None),
    ("head_timeout", None, 0.001, None),
    ("body_timeout", None, 0.001, None),
    ("write_timeout", None, 0.001, None),
    ("client_threads", None, 0, None),
)


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    web_workers: int = 1  # gunicorn worker processes (one: 2 cores, and each costs ~57 MB idle; see server/README.md)
    query_workers: int = 3  # query processes per web worker at most (two long queries leave one free) ...
    idle_query_workers: int = 1  # ... of which kept started when idle (more start on demand, stop after 30 s idle)
    query_timeout: float = 10.0  # seconds; a request may ask for less, never more
    max_rows: int = 10_000  # result row cap (truncation is signalled)
    max_query_length: int = 20_000  # characters
    max_body: int = 64 * 1024  # bytes
    max_concurrent: int = 16  # queries running or waiting per web worker; past it 429 + Retry-After
    max_result_bytes: int = 16 * 1024 * 1024  # rough budget on a result's terms (truncation is signalled)
    worker_memory_mb: int = 1024  # heap limit of a query worker process (RLIMIT_DATA)
    retry_after: int = 2  # seconds, sent with 429/503
    demote_after: float = 0.5  # seconds of running after which a query's CPU priority is lowered
    federation_allowlist: tuple[str, ...] = field(default_factory=tuple)  # SERVICE endpoints an operator allows
    store: str | None = None  # an external SPARQL endpoint to serve over (csto-kg publish loads it)
    # Per client (remote address), per web worker: query workers it may hold at once (0: query_workers - 1) ...
    client_workers: int = 0
    # ... and its budget of expensive query time: seconds past demote_after, a bucket of client_burst seconds
    # (0: 3 x query_timeout) refilled at client_rate seconds per second; spent: 429 + Retry-After.
    client_burst: float = 0.0
    client_rate: float = 0.25
    # A query bounded by its form (one triple pattern of a constant subject: csto_kg.bounded) is answered by the
    # web worker from its own read-only store, as pages are, without the hop to a query worker.
    inline_bounded: bool = True
    # A request's head must arrive within head_timeout seconds of a request thread taking it up, its body within
    # body_timeout more; else 408 and the connection is closed (server/http_worker.py: slow clients).
    head_timeout: float = 10.0
    body_timeout: float = 30.0
    # A client that takes no byte of an answer for write_timeout seconds has its connection closed.
    write_timeout: float = 20.0
    # Request threads one client (remote address) may hold at once in a web worker (0: half of them); its other
    # connections wait for one of its own to finish, holding no thread (server/http_worker.py).
    client_threads: int = 0

    @property
    def client_share(self) -> int:
        """Query workers one client may hold at once in a web worker."""
        return self.client_workers if self.client_workers > 0 else max(1, self.query_workers - 1)

    @property
    def client_burst_s(self) -> float:
        return self.client_burst if self.client_burst > 0 else 3 * self.query_timeout

    @property
    def client_thread_share(self) -> int:
        """Request threads one client may hold at once in a web worker."""
        share = self.client_threads if self.client_threads > 0 else self.threads // 2
        return max(1, min(share, self.threads))

    @property
    def threads(self) -> int:
        """Request threads per web worker: room past the concurrency cap to answer 429 at once."""
        return self.max_concurrent + 4

    def check(self) -> None:
        """A :class:`~csto_kg.errors.UserError` naming each setting out of its range (a port past 65535, no web
        worker, a time limit of 0 s, not a number), with its option or variable; before the server starts, where
        the socket or gunicorn would fail with a traceback or serve with a limit that refuses every query."""
        wrong = []
        defaults = ServerConfig()
        for name, option, least, most in _RANGES:
            value, whole = getattr(self, name), isinstance(getattr(defaults, name), int)
            kind = (int,) if whole else (int, float)
            if (
                isinstance(value, kind)
                and not isinstance(value, bool)
                and math.isfinite(value)
                and least <= value
                and (most is None or value <= most)
            ):
                continue
            where = f"{option} or CSTO_KG_{name.upper()}" if option else f"CSTO_KG_{name.upper()}"
            bound = f"from {least:g} to {most:g}" if most is not None else f"at least {least:g}"
            what = "a whole number" if whole else "a finite number of seconds"
            wrong.append(f"{name.replace('_', ' ')} ({where}) must be {what} {bound}, not {value!r}")
        if self.store is not None and not self.store.startswith(("http://", "https://")):
            wrong.append(f"the store (--store or CSTO_KG_STORE) must be an http:// or https:// URL, not {self.store!r}")
        try:
            read_today()  # the day the pages take as today, read on each request
        except UserError as e:
            wrong.append(str(e))
        if wrong:
            raise UserError("; ".join(wrong))

    @classmethod
    def from_env(cls) -> "ServerConfig":
        c = cls()
        c.host = _env("HOST", c.host, str)
        c.port = _env("PORT", c.port)
        c.web_workers = _env("WEB_WORKERS", c.web_workers)
        c.query_timeout = _env("QUERY_TIMEOUT", c.query_timeout, float)
        c.max_result_bytes = _env("MAX_RESULT_BYTES", c.max_result_bytes)
        c.worker_memory_mb = _env("WORKER_MEMORY_MB", c.worker_memory_mb)
        c.retry_after = _env("RETRY_AFTER", c.retry_after)
        c.demote_after = _env("DEMOTE_AFTER", c.demote_after, float)
        c.max_rows = _env("MAX_ROWS", c.max_rows)
        c.max_query_length = _env("MAX_QUERY_LENGTH", c.max_query_length)
        c.max_body = _env("MAX_BODY", c.max_body)
        c.max_concurrent = _env("MAX_CONCURRENT", c.max_concurrent)
        c.query_workers = _env("QUERY_WORKERS", c.query_workers)
        c.idle_query_workers = _env("IDLE_QUERY_WORKERS", c.idle_query_workers)
        c.store = os.environ.get("CSTO_KG_STORE") or None
        allow = os.environ.get("CSTO_KG_FEDERATION_ALLOWLIST", "")
        c.federation_allowlist = tuple(x for x in allow.split() if x)
        c.client_workers = _env("CLIENT_WORKERS", 0)
        c.client_burst = _env("CLIENT_BURST", 0.0, float)
        c.client_rate = _env("CLIENT_RATE", c.client_rate, float)
        c.inline_bounded = _env("INLINE_BOUNDED", 1) != 0
        c.head_timeout = _env("HEAD_TIMEOUT", c.head_timeout, float)
        c.body_timeout = _env("BODY_TIMEOUT", c.body_timeout, float)
        c.write_timeout = _env("WRITE_TIMEOUT", c.write_timeout, float)
        c.client_threads = _env("CLIENT_THREADS", 0)
        return c
