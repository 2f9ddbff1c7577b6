"""``csto-kg serve``: the app under gunicorn (a production WSGI server), started from Python.

https://docs.gunicorn.org/en/stable/custom.html (``BaseApplication``). The
build is resolved once, in the master, before any worker starts
(:func:`csto_kg.build.ensure_built`: reused when its inputs are unchanged).
Each web worker is a ``gthread`` worker (``ServerConfig.threads`` request
threads, so that a request past the concurrency cap is answered 429 at once)
and loads the app itself (no preloading: the query pool must belong to the
process that uses it); it starts its query pool as it boots and kills it as
it exits. Request lines, header counts and sizes are gunicorn's bounded
defaults (a request line longer than 8190 bytes is refused by gunicorn with 414; POST
long queries instead).
"""

from __future__ import annotations

import socket
import sys
import time

from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from csto_kg.build import Build, ensure_built, pin
from csto_kg.errors import UserError

from .config import ServerConfig

__all__ = ["serve", "gunicorn_options"]


def _post_worker_init(worker) -> None:
    engine = getattr(worker.wsgi, "extensions", {}).get("csto.engine")
    if engine is not None:
        engine.start()


def _worker_exit(server, worker) -> None:
    engine = getattr(getattr(worker, "wsgi", None), "extensions", {}).get("csto.engine")
    if engine is not None:
        engine.close()


class _Logger(glogging.Logger):
    """gunicorn's logger, but its "Listening at:" line names the address.

    With ``reuse_port`` each web worker opens its own socket and the master
    none, so gunicorn would log an empty address.
    """

    def info(self, msg, *args, **kwargs):
        if msg.startswith("Listening at:") and args and not args[0]:
            bound = ",".join(f"http://{b}" for b in self.cfg.bind)
            args = (f"{bound} (a socket per web worker, SO_REUSEPORT)", *args[1:])
        super().info(msg, *args, **kwargs)


def gunicorn_options(config: ServerConfig) -> dict:
    return {
        "bind": f"{config.host}:{config.port}",
        "workers": config.web_workers,
        "worker_class": "gthread",
        "threads": config.threads,
        # The arbiter's heartbeat: a request thread blocked on a query does not stop it, but keep it loose.
        "timeout": int(config.query_timeout * 3) + 30,
        "graceful_timeout": max(5, int(config.query_timeout) + 2),
        "keepalive": 5,
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
        "preload_app": False,
        # Each web worker listens on its own SO_REUSEPORT socket: the kernel spreads connections evenly.
        # (One shared socket: measured 15 of 18 keep-alive connections on one of two workers.)
        "reuse_port": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "csto-kg-serve",
        "logger_class": _Logger,
        "control_socket_disable": True,  # gunicorn >= 24: no ~/.gunicorn/gunicorn.ctl shared by every server
        "post_worker_init": _post_worker_init,
        "worker_exit": _worker_exit,
    }


class _Server(BaseApplication):
    def __init__(self, config: ServerConfig, build: Build):
        self._config = config
        self._build = build
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_options(self._config).items():
            if key in self.cfg.settings:  # options an older gunicorn lacks are skipped
                self.cfg.set(key, value)

    def load(self):
        from .app import create_app

        return create_app(self._config, self._build)


def _check_port_free(host: str, port: int) -> None:
    """Fail early and plainly if the port is taken (SO_REUSEPORT would otherwise let two servers share it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError as e:
            raise UserError(f"cannot listen on {host}:{port}: {e.strerror}") from None


def _check_store(url: str, key: str) -> None:
    """Serving over an external store: it must hold a published dataset, ideally of this very build."""
    from csto_kg.remote_store import RemoteStore

    published = RemoteStore(url).build_key()  # a UserError if unreachable or never published
    note = (
        "the current build"
        if published == key
        else f"build {published[:16]}, not the current build {key[:16]}: run csto-kg publish to update it"
    )
    print(f"csto-kg serve: serving the data of {url} ({note})", file=sys.stderr, flush=True)


def serve(config: ServerConfig | None = None, build: Build | None = None) -> None:
    """Serve until interrupted (SIGINT / SIGTERM stop gunicorn gracefully)."""
    config = config or ServerConfig.from_env()
    _check_port_free(config.host, config.port)
    t = time.perf_counter()
    build = build or ensure_built()
    m = build.manifest
    state = "reused" if build.reused else "built"
    print(
        f"csto-kg serve: build {m['key'][:16]} ({state} in {time.perf_counter() - t:.2f} s, "
        f"{m['triples']['total']} triples in {len(m['graphs'])} graphs); "
        f"SPARQL endpoint http://{config.host}:{config.port}/sparql",
        file=sys.stderr,
        flush=True,
    )
    if config.store:
        _check_store(config.store, m["key"])
    marker = pin(build)  # later builds must not prune the store this server's workers reopen
    try:
        _Server(config, build).run()
    finally:
        marker.unlink(missing_ok=True)
