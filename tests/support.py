"""Shared set-up for the tests: a private build, an app on it, and a real ``csto-kg serve``.

The build is made from a snapshot of the project's inputs (``CSTO_KG_ROOT``)
into a temporary ``CSTO_KG_BUILD``, so curators editing ``kg/`` meanwhile
change nothing under a test, and a served build is certainly current.
Everything listens on loopback only; every process started here is stopped
here, by its own id.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The installed ``csto-kg`` command: the console script beside the Python running the tests (so ``.venv/bin/pytest``
# or ``.venv/bin/python -m pytest`` find it without the virtual environment on PATH), else the one on PATH.
_BESIDE = Path(sys.executable).with_name("csto-kg")
CSTO_KG = str(_BESIDE) if _BESIDE.exists() else (shutil.which("csto-kg") or "csto-kg")
BASE = "https://w3id.org/csto-kg/"
# The RDF syntaxes the endpoint writes a graph in, by media type, with rdflib's name of each to read it back.
RDF_MEDIA_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
GRAPH = "https://w3id.org/csto-kg/graph/"
ID = "https://w3id.org/csto-kg/id/"
TINY = 3000  # triples of the small synthetic project the tests generate (conftest.tiny, bench/generate.py)
LEAKS = ("Traceback", "/work/", "site-packages", '.py"', 'File "', "root:x:0:0")

# Queries that run long on any graph of this size (the cross product of every triple with itself, three times).
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PATHS = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:none>)* ?b . ?c (!<urn:x:none>)* ?d }"


def snapshot_inputs(dest: Path) -> Path:
    for folder in ("ontology", "kg", "shapes", "seeds", "queries"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, dest / folder)
    return dest


def make_build(tmp: Path, *, validate: bool = False, dumps: bool = False, snapshot: bool = True):
    """A build of a snapshot of the inputs in ``tmp`` (made unless ``snapshot`` is False): (Build, env for a subprocess)."""
    from csto_kg.build import ensure_built

    root = snapshot_inputs(tmp / "project") if snapshot else tmp / "project"
    build = ensure_built(root, tmp / "build", validate=validate, dumps=dumps)
    env = dict(os.environ, CSTO_KG_ROOT=str(root), CSTO_KG_BUILD=str(tmp / "build"))
    return build, env


def run_cli(args: list[str], env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    """``csto-kg ARGS`` run in this process: :func:`csto_kg.cli.main`, the function the installed command calls, with
    the ``CSTO_KG_*`` variables of ``env`` set while it runs (the project and build it reads) and its standard
    streams captured. Its exit code, stdout and stderr, as ``subprocess.run(..., text=True)`` gives them, without a
    Python start (about 0.2 s a call). That the installed command runs at all is tests/test_entry_points.py's."""
    import contextlib
    import io

    from csto_kg.cli import main

    wanted = {k: v for k, v in (os.environ if env is None else env).items() if k.startswith("CSTO_KG_")}
    before = {k: os.environ.get(k) for k in set(wanted) | {k for k in os.environ if k.startswith("CSTO_KG_")}}
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    stdin_before = sys.stdin
    try:
        for k in before:
            os.environ.pop(k, None)
        os.environ.update(wanted)
        sys.stdin = io.StringIO(stdin)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as e:  # argparse's own errors
                code = e.code if isinstance(e.code, int) else 2
        out.flush()
    finally:
        sys.stdin = stdin_before
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return subprocess.CompletedProcess(["csto-kg", *args], code, out.buffer.getvalue().decode("utf-8"), err.getvalue())


@functools.lru_cache(maxsize=1)
def ontology_triples() -> tuple:
    """The ontology's triples, read as the loader reads them, once per test process (fixtures copy them, never
    share a graph)."""
    from csto_kg.loader import ontology_files, read_turtle

    return tuple(t for path in ontology_files(ROOT) for t in read_turtle(path)[0])


def load_fixture(path: Path):
    """A shape fixture loaded as the loader loads kg/: the ontology, plus one named graph per graph of the file, its
    terms read as the loader reads them (Oxigraph's parser; each distinct term one object, vocabulary IRIs the
    code's own constants, so that look-ups find them by identity; not kept in the loader's memory of parses)."""
    from rdflib import Dataset

    from csto_kg.indexed_graph import add_triples
    from csto_kg.loader import LoadedData, read_trig_unremembered, written_twice
    from csto_kg.memory_store import SharedContextsMemory
    from csto_kg.namespaces import ONTOLOGY_GRAPH

    graphs: dict = {}
    for s, p, o, g in read_trig_unremembered(path):
        assert g is not None, f"{path.name}: triples outside a named graph"
        graphs.setdefault(g, []).append((s, p, o))
    ds, files = Dataset(store=SharedContextsMemory(), default_union=True), {}  # as the loader builds it
    add_triples(ds, ds.graph(ONTOLOGY_GRAPH), ontology_triples())  # the loader's way in: no check per quad
    repeated = {}
    for name, triples in graphs.items():
        add_triples(ds, ds.graph(name), triples)
        files[name] = path
        if written_twice(triples):
            repeated[name] = written_twice(triples)
    return LoadedData(ds, files, repeated)


def shacl_results(report) -> Counter:
    """The SHACL results of a report graph: (focus, path, value, shape, component, severity, messages), with
    multiplicity; the Python rules' results (``csto_kg.validation``'s own component) are not SHACL's and left out."""
    from csto_kg.namespaces import RDF, SH
    from csto_kg.validation.report import PYTHON_COMPONENT

    out: Counter = Counter()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        key = tuple(
            report.value(r, p)
            for p in (SH.focusNode, SH.resultPath, SH.value, SH.sourceShape, SH.sourceConstraintComponent)
        )
        if key[4] != PYTHON_COMPONENT:
            out[key + (report.value(r, SH.resultSeverity), tuple(sorted(report.objects(r, SH.resultMessage))))] += 1
    return out


def pyshacl_report(union, shapes):
    """pySHACL alone on ``union`` (no inference, a graph): the reference the store engine is compared with."""
    import pyshacl
    from rdflib import Graph

    from csto_kg.sparql_prepared import prepared_queries

    with prepared_queries():  # pySHACL's evaluation, each query text parsed once per process
        _, report, _ = pyshacl.validate(
            union, shacl_graph=shapes, inference="none", inplace=False, allow_warnings=True, allow_infos=True
        )
    assert isinstance(report, Graph)
    return report


def assert_shacl_is_pyshacls(dataset, report, shapes) -> None:
    """The SHACL results of ``report``, a validation of ``dataset`` by the store engine (the build's), equal
    pySHACL's on the same union: ``dataset``'s graphs but ``graph:meta``, the inferred graph among them once
    validated. A shape the engine left to pySHACL is compared with itself, so one left there for any reason but a
    literal the store rewrites (the reason checked on its own in tests/test_shacl_engine_equivalence.py) fails."""
    from rdflib import Graph, Literal

    from csto_kg.indexed_graph import dataset_view
    from csto_kg.memory_store import SharedContextsMemory
    from csto_kg.namespaces import META_GRAPH, SH
    from csto_kg.validation.locate import graph_id

    union = Graph(store=SharedContextsMemory())  # the loader's store: its addN adds a quad without an event
    quads = dataset_view(dataset).quads((None, None, None, None))  # read through the store's indexes, as the build
    union.store.addN((s, p, o, union) for s, p, o, g in quads if graph_id(g) != META_GRAPH)
    ref = pyshacl_report(union, shapes)
    got, expected = shacl_results(report.graph), shacl_results(ref)
    assert got == expected, {"extra": got - expected, "missing": expected - got}
    violated = any(k[5] == SH.Violation for k in got)
    assert list(ref.objects(None, SH.conforms)) == [Literal(not violated)]
    assert all("rewrote" in why for why in report.shacl_fallbacks.values()), report.shacl_fallbacks


def canonical_triples(quads) -> set[str]:
    """The triples of ``quads`` (their graphs ignored) as one graph, a set of N-Triples lines, blank nodes labelled
    canonically (Oxigraph's RDFC-1.0): two graphs are isomorphic when these sets are equal."""
    import pyoxigraph as ox

    ds = ox.Dataset()
    for q in quads:
        ds.add(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()))
    ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in ds}


def select(store, query: str) -> list[dict[str, str]]:
    """The rows of a SELECT over ``store`` (the project's own query path), each a dict of variable -> value."""
    from csto_kg.query import execute

    _, body = execute(store, query, "json")
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


def listed_elsewhere(body: str, section: str, fact_path: str) -> bool:
    """Whether a page's ``section`` (its HTML) leaves ``fact_path`` out pointing to where it is listed: its note
    ("… listed above, under “Denied in”") names a section of ``body`` that lists the fact (a fact giving a resource
    two roles is listed once, in the more specific role's section)."""
    import html as _html
    import re as _re

    note = _re.search(r"listed (?:above|below)[^<]*, under ([^<]*)</p>", section)
    if not note:
        return False
    for title in _re.findall(r"“([^”]+)”", _html.unescape(note.group(1))):
        for chunk in body.split('<section class="key-section"')[1:]:
            head = _re.search(r"<h2[^>]*>(.*?)<span", chunk, _re.S)
            if head and _html.unescape(head.group(1)).strip() == title:
                if f'<div class="fact"><a href="{fact_path}"' in chunk.split("</section>")[0]:
                    return True
    return False


_PAGES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def html_page(client, path: str) -> str:
    """The HTML page at ``path`` from ``client``'s app (status 200 asserted), fetched once per app: the page tests
    only read pages, and half of their fetches were of a page a test before had fetched (2,001 fetches, 972 pages,
    in tests/test_linked_data_reading.py)."""
    pages = _PAGES.setdefault(client.application, {})
    if path not in pages:
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 200, (path, r.status_code)
        pages[path] = r.get_data(as_text=True)
    return pages[path]


@contextmanager
def site_client(build):
    """A Flask test client of the site and endpoint over ``build``; its query pool stopped on exit."""
    from csto_kg.server.app import create_app

    app = create_app(build=build)
    try:
        yield app.test_client()
    finally:
        engine = app.extensions.get("csto.engine")
        if engine is not None and hasattr(engine, "close"):
            engine.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    proc: subprocess.Popen
    stderr_path: Path
    ready_s: float
    env: dict = field(default_factory=dict)

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def log(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def get(self, path: str, params: dict | None = None, headers: dict | None = None, timeout: float = 60):
        """(status, headers, body) of a GET; HTTP errors are answers too."""
        url = self.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
        req = urllib.request.Request(url, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def pool(self) -> dict:
        return json.loads(self.get("/sparql/pool")[2])

    def wait_pool(self, predicate, bound_s: float = 30.0) -> dict:
        """Poll the pool statistics until ``predicate`` holds; fail if it never does within a generous bound.

        The bound is not a timing assertion: a state the pool never reaches is a failure, never a slow pass.
        """
        return wait_for(self.pool, predicate, bound_s)


def pool_quiet(stats: dict) -> bool:
    """No query running and no worker being started: the elastic pool has settled (at any size)."""
    return not stats["busy"] and stats["starting"] == 0 and stats["idle"] == len(stats["workers"])


def wait_for(read, predicate, bound_s: float = 30.0) -> dict:
    """``read()`` polled until ``predicate`` holds of it; an AssertionError naming the last value if it never does."""
    end = time.monotonic() + bound_s
    while True:
        value = read()
        if predicate(value):
            return value
        if time.monotonic() > end:
            raise AssertionError(f"not reached within {bound_s:g} s; last: {value}")
        time.sleep(0.05)


@contextmanager
def live_server(env: dict, tmp: Path, *, timeout_s: float = 60.0, **settings):
    """``csto-kg serve`` on a free loopback port, ready (it answered a query) when entered; stopped on exit.

    ``settings`` become ``CSTO_KG_*`` variables (``query_timeout=2`` -> ``CSTO_KG_QUERY_TIMEOUT=2``).
    """
    port = free_port()
    env = dict(env, **{f"CSTO_KG_{k.upper()}": str(v) for k, v in settings.items()})
    stderr_path = tmp / f"serve-{port}.log"
    with open(stderr_path, "wb") as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(
            [CSTO_KG, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=err,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    server = LiveServer(url, proc, stderr_path, 0.0, env)
    try:
        probe = url + "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"csto-kg serve exited ({proc.returncode}):\n{server.log()}")
            try:
                with urllib.request.urlopen(probe, timeout=5) as r:
                    if r.status == 200:
                        break
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() - t0 > timeout_s:
                raise RuntimeError(f"csto-kg serve not ready after {timeout_s} s:\n{server.log()}")
            time.sleep(0.05)
        server.ready_s = time.monotonic() - t0
        yield server
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM the server (gunicorn stops gracefully, its workers kill their query workers); SIGKILL its group if it lingers."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection accepted (to prove none was made)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[tuple] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, addr = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.accepted.append(addr)
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


def wait_gone(pid: int, bound_s: float = 30.0) -> bool:
    """Poll until ``pid`` is gone (a SIGKILLed process takes a moment to exit on a busy machine)."""
    end = time.monotonic() + bound_s
    while process_alive(pid) and time.monotonic() < end:
        time.sleep(0.05)
    return not process_alive(pid)


def process_alive(pid: int) -> bool:
    """Is ``pid`` a live (not zombie) process?"""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def project_queries() -> list[tuple[str, str]]:
    """(path from the checkout, text) of every query the project holds: its own (``queries/``), the benchmark's and
    the W3C suites' (valid and invalid), for the tests that hold a quick look at a query to what the tokens say."""
    paths = sorted(
        p for d in ("queries", "bench/queries", "tests/w3c") for p in (ROOT / d).rglob("*.rq") if p.is_file()
    )
    return [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def solutions(store, query: str):
    """What the engine answers ``query`` with on ``store``, comparable with ``==``: ``True`` / ``False`` for ASK, the
    multiset of triples for CONSTRUCT / DESCRIBE, else the multiset of rows, each value under its variable (the
    columns' order is not the answer)."""
    from collections import Counter

    import pyoxigraph as ox

    from csto_kg.query import QUERY_BASE_IRI

    result = store.query(query, base_iri=QUERY_BASE_IRI)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return Counter(str(t) for t in result)
    names = sorted(result.variables, key=lambda v: v.value)
    return Counter(tuple(None if s[v] is None else str(s[v]) for v in names) for s in result)


def rewritten_or_left(rewrite, text: str) -> str | None:
    """``rewrite(text)`` where it rewrites ``text``, asserted to parse with the engine; None where it leaves the text
    as written, handing back the very object it was given (the endpoint's rewrites chain on that)."""
    import pyoxigraph as ox

    out = rewrite(text)
    if out is text:
        return None
    ox.Store().query(out)  # the engine parses what it is given
    return out


def rewritten_as_written(turtle: str, rewrite, query: str) -> str:
    """``rewrite(query)``, asserted to change ``query`` and to give, on a store of ``turtle``, the solutions the query
    gives as written (with their repeats)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(turtle.encode(), ox.RdfFormat.TURTLE)
    rewritten = rewrite(query)
    assert rewritten != query, "the case is not rewritten"
    assert solutions(store, rewritten) == solutions(store, query)
    return rewritten


def rewritten_with_the_same_solutions(store, rewrite) -> list[str]:
    """The queries the project holds (:func:`project_queries`) that ``rewrite`` changes, each asserted to give on
    ``store`` the solutions it gives as written (with their repeats); one the engine does not run as written is
    skipped."""
    changed = []
    for name, text in project_queries():
        rewritten = rewrite(text)
        if rewritten is text:
            continue
        try:
            expected = solutions(store, text)
        except (SyntaxError, OSError, RuntimeError, ValueError):  # not a query this engine runs as written
            continue
        changed.append(name)
        assert solutions(store, rewritten) == expected, name
    return changed


@functools.lru_cache(maxsize=None)
def _manifest_graph(manifest: Path):
    """A W3C test manifest as an rdflib graph, parsed once per test process (three modules read the evaluation
    suite's manifests at collection; rdflib's Turtle parser takes ~0.5 s over them). Callers only read it."""
    from rdflib import Graph

    return Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())


def w3c_manifest_entries(suites: Path, pattern: str = "manifest.ttl"):
    """(manifest file, its graph, entry node, the local name of the entry's type, "None" if it has none) of every
    entry of every W3C test manifest named ``pattern`` under ``suites``, read with rdflib (relative IRIs against
    the manifest's own file)."""
    from rdflib import RDF, Namespace
    from rdflib.collection import Collection

    mf = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
    for manifest in sorted(suites.rglob(pattern)):
        g = _manifest_graph(manifest)
        for m in g.subjects(RDF.type, mf.Manifest):
            for entries in g.objects(m, mf.entries):
                for e in Collection(g, entries):
                    yield manifest, g, e, re.split(r"[#/]", str(g.value(e, RDF.type)))[-1]
