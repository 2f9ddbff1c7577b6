"""Shared set-up for the linked-data site's tests: a private build and the app on it, or a real server.

The build is made from a snapshot of the project's inputs in a temporary
folder (curators editing ``kg/`` meanwhile change nothing under a test),
validated when the project has a validator, with its dumps. A live server is
``csto-kg serve`` on a free loopback port when that command exists, else the
app under werkzeug's server in a thread; either is stopped here, by its own id.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/csto-kg/"


def has_validator() -> bool:
    return importlib.util.find_spec("csto_kg.validate") is not None


def make_build(tmp: Path):
    """``(build, env)``: a build of a snapshot of the inputs, and the environment that names it."""
    from csto_kg.build import build

    root = tmp / "project"
    for folder in ("ontology", "kg", "shapes", "seeds", "queries"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, root / folder)
    b = build(root, tmp / "build", validate=has_validator(), dumps=True)
    env = dict(os.environ, CSTO_KG_ROOT=str(root), CSTO_KG_BUILD=str(tmp / "build"))
    return b, env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_command_exists() -> bool:
    r = subprocess.run(["csto-kg", "serve", "--help"], capture_output=True, text=True)
    return r.returncode == 0


def _wait(url: str, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer within {timeout} s")


@contextmanager
def live_server(build, env: dict, log_dir: Path):
    """The site at ``http://127.0.0.1:<port>``, running until the block ends."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    if _serve_command_exists():
        log = open(log_dir / "serve.log", "wb")
        proc = subprocess.Popen(["csto-kg", "serve", "--port", str(port), "--workers", "1"], env=env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            _wait(url, proc=proc)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
    else:
        from werkzeug.serving import make_server

        from csto_kg.server.app import create_app

        server = make_server("127.0.0.1", port, create_app(build=build), threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            _wait(url)
            yield url
        finally:
            server.shutdown()
            thread.join(timeout=10)
