"""Server settings: defaults, overridable by ``csto-kg serve`` options or ``CSTO_KG_*`` variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["ServerConfig"]


def _env(name: str, default, cast=int):
    value = os.environ.get(f"CSTO_KG_{name}")
    return default if value is None else cast(value)


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    web_workers: int = 2                 # gunicorn worker processes
    query_workers: int = 2               # pre-started query processes per web worker
    query_timeout: float = 10.0          # seconds; a request may ask for less, never more
    max_rows: int = 10_000               # result row cap (truncation is signalled)
    max_query_length: int = 20_000       # characters
    max_body: int = 64 * 1024            # bytes
    max_concurrent: int = 4              # queries running or waiting per web worker before 429/503
    federation_allowlist: tuple[str, ...] = field(default_factory=tuple)  # SERVICE endpoints an operator allows

    @classmethod
    def from_env(cls) -> "ServerConfig":
        c = cls()
        c.query_timeout = _env("QUERY_TIMEOUT", c.query_timeout, float)
        c.max_rows = _env("MAX_ROWS", c.max_rows)
        c.max_query_length = _env("MAX_QUERY_LENGTH", c.max_query_length)
        c.max_body = _env("MAX_BODY", c.max_body)
        c.max_concurrent = _env("MAX_CONCURRENT", c.max_concurrent)
        c.query_workers = _env("QUERY_WORKERS", c.query_workers)
        allow = os.environ.get("CSTO_KG_FEDERATION_ALLOWLIST", "")
        c.federation_allowlist = tuple(x for x in allow.split() if x)
        return c
