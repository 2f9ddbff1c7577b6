"""A throwaway Virtuoso Open Source instance on loopback, for the tests and the benchmark.

It runs Debian's ``virtuoso-t`` (package ``virtuoso-opensource``) in the
foreground on a copy of the package's ``virtuoso.ini`` whose database files,
ports and allowed folders are changed to a private folder: nothing of the
system's own Virtuoso (if any) is used or touched. Settings a public endpoint
over this project needs, and why:

- ``DirsAllowed`` includes the private load folder (the bulk loader reads only there);
- ``ResultSetMaxRows`` and ``MaxQueryCostEstimationTime`` are lifted: Virtuoso
  would otherwise cut results at 10,000 rows without saying so in the body, and
  refuse queries whose *estimated* cost passes 400 s (its estimate for the
  membership query is far above its real 0.1 s); the endpoint in front
  (``csto-kg serve --store``) applies its own row cap and time limit;
- ``MaxQueryExecutionTime`` stays as a backstop above the endpoint's limit;
- ``ThreadsPerQuery`` is 1: with Debian's 4, its Virtuoso (package 7.2.5.1,
  server 07.20.3229) froze, every client and ``status()`` included, until
  killed, when a bulk load, a ``TTLP`` load or a delete ran while three
  clients queried: within one to five loads of the curated build on two cores,
  in each of four tries. With 1, 64 loads under the same readers passed
  (20 ``TTLP``, 20 bulk loads, 24 whole publishes). The likely cause of the one
  CI failure of the atomic-republish test (a publish that never ended).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LocalVirtuoso", "local_virtuoso", "available"]

_INI_CANDIDATES = ("/etc/virtuoso-opensource-7/virtuoso.ini", "/usr/share/virtuoso-opensource-7/virtuoso.ini")


def available() -> bool:
    """Is Debian's Virtuoso installed here?"""
    return (
        shutil.which("virtuoso-t") is not None
        and shutil.which("isql-vt") is not None
        and any(Path(p).exists() for p in _INI_CANDIDATES)
    )


@dataclass
class LocalVirtuoso:
    sparql_url: str
    isql_address: str
    load_dir: Path
    folder: Path
    proc: subprocess.Popen

    def log(self) -> str:
        p = self.folder / "db" / "virtuoso.log"
        return p.read_text(errors="replace") if p.exists() else ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _set(ini: str, key: str, value: str) -> str:
    pattern = re.compile(rf"(?m)^;?\s*{re.escape(key)}\s*=.*$")
    if pattern.search(ini):
        return pattern.sub(f"{key} = {value}", ini, count=1)
    raise ValueError(f"virtuoso.ini has no {key} setting")


def write_ini(folder: Path, isql_port: int, http_port: int, max_execution_s: int = 60) -> Path:
    source = next(Path(p) for p in _INI_CANDIDATES if Path(p).exists())
    ini = source.read_text()
    db = folder / "db"
    db.mkdir(parents=True, exist_ok=True)
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{db}/")
    ini = re.sub(r"(?m)^(ServerPort\s*=\s*)1111\b.*$", rf"\g<1>127.0.0.1:{isql_port}", ini)
    ini = re.sub(r"(?m)^(ServerPort\s*=\s*)8890\b.*$", rf"\g<1>127.0.0.1:{http_port}", ini)
    ini = _set(ini, "DirsAllowed", f"., /usr/share/virtuoso-opensource-7/vad, {folder / 'load'}")
    ini = _set(ini, "ResultSetMaxRows", "100000000")
    ini = _set(ini, "MaxQueryCostEstimationTime", "0")
    ini = _set(ini, "MaxQueryExecutionTime", str(max_execution_s))
    ini = _set(ini, "ThreadsPerQuery", "1")
    path = folder / "virtuoso.ini"
    path.write_text(ini)
    return path


@contextmanager
def local_virtuoso(folder: Path, *, ready_timeout_s: float = 120.0):
    """Start Virtuoso on free loopback ports with a fresh database in ``folder``; stop it on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "load").mkdir(exist_ok=True)
    isql_port, http_port = _free_port(), _free_port()
    ini = write_ini(folder, isql_port, http_port)
    out = open(folder / "virtuoso.out", "wb")
    proc = subprocess.Popen(
        ["virtuoso-t", "-c", str(ini), "+foreground"],
        cwd=folder,
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    v = LocalVirtuoso(f"http://127.0.0.1:{http_port}/sparql", f"127.0.0.1:{isql_port}", folder / "load", folder, proc)
    try:
        end = time.monotonic() + ready_timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({proc.returncode}):\n{v.log()[-2000:]}")
            try:
                with urllib.request.urlopen(v.sparql_url + "?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        break
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() > end:
                raise RuntimeError(f"Virtuoso not ready after {ready_timeout_s:g} s:\n{v.log()[-2000:]}")
            time.sleep(0.2)
        yield v
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        out.close()
