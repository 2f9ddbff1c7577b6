"""``csto-kg serve``: the app under gunicorn (a production WSGI server), started from Python.

https://docs.gunicorn.org/en/stable/custom.html (``BaseApplication``). The
build is resolved once, in the master, before any worker starts
(:func:`csto_kg.build.ensure_built`: reused when its inputs are unchanged).
Each web worker is a ``gthread`` worker (``ServerConfig.threads`` request
threads, so that a request past the concurrency cap is answered 429 at once;
each request read within deadlines, so slow clients cannot hold them all:
:mod:`csto_kg.server.http_worker`)
and loads the app itself (no preloading: the query pool must belong to the
process that uses it); it starts its query pool as it boots and kills it as
it exits. Request lines, header counts and sizes are gunicorn's bounded
defaults (a request line longer than 8190 bytes is refused by gunicorn with 414; POST
long queries instead).

The gunicorn master is lean: ``csto-kg serve`` resolves the build (which
imports the whole build machinery, rdflib included), then replaces itself
(``exec``, same pid) with ``python -m csto_kg.server.serve``, which imports
gunicorn and nothing else; web workers fork from that and import the app
themselves. Measured at idle: the master 33 -> 24 MB RSS, and every web
worker starts from the lean image instead of inheriting rdflib.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from dataclasses import asdict
from pathlib import Path

from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from csto_kg.errors import UserError

from .config import ServerConfig
from .http_worker import ClientTooSlow, RequestReadTimeout, SlowClientBoundWorker

__all__ = ["serve", "gunicorn_options", "main"]


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

    def exception(self, msg, *args, **kwargs):
        # gunicorn logs any socket error with a traceback; a client too slow to send its request is routine.
        slow = sys.exc_info()[1]
        if isinstance(slow, ClientTooSlow):
            self.info(
                "closed a connection: %s%s", slow.strerror, " (408)" if isinstance(slow, RequestReadTimeout) else ""
            )
            return
        super().exception(msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if msg.startswith("Listening at:") and args and not args[0]:
            bound = ",".join(f"http://{b}" for b in self.cfg.bind)
            args = (f"{bound} (a socket per web worker, SO_REUSEPORT)", *args[1:])
        super().info(msg, *args, **kwargs)


def gunicorn_options(config: ServerConfig) -> dict:
    return {
        "bind": f"{config.host}:{config.port}",
        "workers": config.web_workers,
        "worker_class": SlowClientBoundWorker,  # gthread, with deadlines on reading a request and on idle writes
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
    def __init__(self, config: ServerConfig, build_path: Path):
        self._config = config
        self._build_path = build_path
        super().__init__()

    @property
    def server_config(self) -> ServerConfig:
        """The settings, for the web worker class (its request read deadlines)."""
        return self._config

    def load_config(self) -> None:
        for key, value in gunicorn_options(self._config).items():
            if key in self.cfg.settings:  # options an older gunicorn lacks are skipped
                self.cfg.set(key, value)

    def load(self):  # in each web worker, after the fork
        from csto_kg.build import Build

        from .app import create_app

        manifest = json.loads((self._build_path / "manifest.json").read_text(encoding="utf-8"))
        return create_app(self._config, Build(self._build_path, manifest, reused=True))


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


def serve(config: ServerConfig | None = None, build=None) -> None:
    """Resolve the build, then become the gunicorn master (:func:`main`); returns only if that fails to start.

    SIGINT / SIGTERM stop gunicorn gracefully.
    """
    from csto_kg.build import ensure_built, pin

    config = config or ServerConfig.from_env()
    config.check()
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
    marker = pin(build)  # later builds must not prune the store this server's workers reopen (same pid after exec)
    argv = [sys.executable, "-m", "csto_kg.server.serve", json.dumps(asdict(config)), str(build.path), str(marker)]
    sys.stdout.flush()
    try:
        os.execv(sys.executable, argv)
    except OSError:
        marker.unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> None:
    """The gunicorn master: ``python -m csto_kg.server.serve CONFIG_JSON BUILD_PATH PIN_MARKER`` (see :func:`serve`)."""
    settings, build_path, marker = argv or sys.argv[1:4]
    values = json.loads(settings)
    values["federation_allowlist"] = tuple(values.get("federation_allowlist") or ())
    try:
        _Server(ServerConfig(**values), Path(build_path)).run()
    finally:
        Path(marker).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
