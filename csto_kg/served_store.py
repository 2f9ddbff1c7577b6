"""The served store and the dumps, written from a build's finished ``dataset.nq`` in a process of their own.

Nothing in them needs the validation report. The build starts this process as soon as ``dataset.nq`` is written,
and it waits for the build's go, given once SHACL is done and its in-memory store released, before the store and
the dumps, which run beside the Python rules (beside SHACL's store the two processes' memory added up:
bench/README.md, "The build at 1e6"). Where it is to update the store, it writes meanwhile the dumps that are
streamed (:data:`.export.STREAMED_DUMPS`, in ~40 MB of memory each), on the core SHACL leaves free. ``python -m
csto_kg.served_store NQUADS STORE [DUMPS] [--since BUILD] [--wait | --dumps-first]`` writes the store (or updates
a copy of the previous build's, :func:`update_store`) and the dumps, and prints its timings as one JSON line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

from .errors import UserError
from .heap import trim

__all__ = ["PART_LINES", "write_store", "update_store", "store_format", "load_union", "start", "Writes"]


PART_LINES = 50_000  # dataset.nq lines per bulk load of the served store (each with its triple in the default graph)
UPDATE_LIMIT = 200_000  # lines added or removed past which update_store gives way to write_store


def write_store(nquads: Path, path: Path) -> None:
    """The served store: every named graph, and their union, deduplicated, as the default graph.

    SPARQL's default graph is an RDF graph, a set: a triple that three seeds
    state is there once. Oxigraph's ``use_default_graph_as_union`` instead
    yields it once per named graph holding it, multiplying rows (k^n for n
    patterns over a fact k seeds describe), so the union is materialised here:
    each quad is loaded with its triple in the default graph (a store is a set:
    repeats are dropped).

    The file's lines go to Oxigraph's bulk loader as text, :data:`PART_LINES` at a time, each beside its triple's
    N-Triples line (the quad's line without its graph: :func:`.export.triple_lines`), so that no quad crosses into
    Python (at 1e6: 46-49 s and 74-79 CPU-seconds, against 60 s and 96 for every quad parsed into Python and handed
    back; bench/README.md). In parts, because the bulk loader buffers up to ~2 GB per thread of what one call is
    given (the whole file at 1e6 peaked at 1.7 GB, beside the build's own process; parts: 413 MB at 1e6).

    But the lines with a blank node (a passage's selectors): each bulk load gives the blank nodes of what it is
    given labels of its own, where the store must keep the labels as written, for one node to be one node in its
    named graph and in the default graph across parts, and for :func:`update_store` to remove a changed
    selector's quads by their lines. Those lines (at 1e6, 359,114 of 3.4 M) are parsed, which keeps the labels,
    and given to the bulk loader as quads.

    The store is then optimised (RocksDB compacts the bulk loads' many small
    files): at 10^6 triples that takes ~5-10 s and halves the time of queries
    that scan (disagreements 2.5 -> 1.1 s, cq12 0.33 -> 0.10 s), as fast as
    Oxigraph's own server over a store its CLI loaded (bench/README.md).

    A line that is not a quad in a named graph (the build writes no other) or that Oxigraph refuses raises the
    error Oxigraph's parser gives for the file, which names its line.
    """
    import pyoxigraph

    store = pyoxigraph.Store(str(path))
    blank = path.with_name(f"{path.name}.blank.nq")
    try:
        with nquads.open("rb") as lines, blank.open("wb") as held:
            number = 1  # the part's first line
            while part := lines.readlines(PART_LINES * 256):  # ~256 bytes a line (readlines' hint)
                both = []
                for line in part:
                    cut = line.rfind(b" <")
                    if b"_:" in line or cut < 0 or not line.endswith(b"> .\n"):
                        held.write(line)  # parsed below: a blank node's label kept, or the file's error named
                    else:
                        both += (line, line[:cut] + b" .\n")
                try:
                    store.bulk_load(b"".join(both), pyoxigraph.RdfFormat.N_QUADS)
                except (SyntaxError, ValueError):
                    _raise_located(nquads, part, number)
                    raise
                number += len(part)
        try:
            _bulk_extend_with_union(store, blank)
        except (SyntaxError, ValueError):
            _raise_located(nquads)
            raise
    finally:
        blank.unlink(missing_ok=True)
    store.flush()
    store.optimize()
    del store


def _raise_located(nquads: Path, part: tuple[bytes, ...] | list[bytes] = (), first: int = 1) -> None:
    """The error of lines of ``nquads`` that failed to load in parts, as it is in the file: Oxigraph's parser's,
    which names the line (a part's own line numbers name none of the file); else, in ``part`` (its first line
    ``first``), a triple in the default graph, which the split into quad and triple lines takes for a quad."""
    import pyoxigraph

    for _ in pyoxigraph.parse(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS):
        pass
    for number, line in enumerate(part, first):
        for q in pyoxigraph.parse(line, pyoxigraph.RdfFormat.N_QUADS):
            if isinstance(q.graph_name, pyoxigraph.DefaultGraph):
                raise ValueError(f"{nquads}, line {number}: not a quad in a named graph: {line[:200]!r}")


def _bulk_extend_with_union(store, nquads: Path) -> None:
    """Each quad of ``nquads`` parsed (blank node labels kept, as written) and given to the bulk loader with its
    triple in the default graph, 2 * 100,000 at a time."""
    import pyoxigraph

    default = pyoxigraph.DefaultGraph()

    def with_union():
        for q in pyoxigraph.parse(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS):
            yield q
            yield pyoxigraph.Quad(q.subject, q.predicate, q.object, default)

    stream = with_union()
    while part := list(islice(stream, 200_000)):
        store.bulk_extend(part)


def store_format() -> str:
    """What a served store's layout depends on besides the quads: Oxigraph's version and this module's code.

    A store is only ever updated (:func:`update_store`) from a previous one of the same format."""
    import hashlib

    import pyoxigraph

    return f"{pyoxigraph.__version__}/{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}"


def update_store(previous: Path, nquads: Path, path: Path) -> dict:
    """The served store at ``path`` written as the previous build's (``previous``: its folder) plus what changed.

    The previous store is copied by a RocksDB checkpoint (hard links to its immutable files: instant, and the
    previous build, which a server may be reading, is never written), then the lines of ``nquads`` that the
    previous ``dataset.nq`` lacks are added, each with its triple in the default graph, and the lines it no longer
    has removed (:func:`.nquads_diff.changed_lines`); a removed triple leaves the default graph only if no named
    graph holds it any more. The result holds the quads :func:`write_store` would write from ``nquads``
    (tests/test_incremental_store.py), since a line and its quad are one: the build updates a store only where
    no literal of either build is spelled otherwise than the store keeps it (``1.50`` for ``1.5``: tests/test_incremental_store.py).

    Returns what it did; raises :class:`.nquads_diff.TooManyChanges` (nothing written) when more than
    :data:`UPDATE_LIMIT` lines changed, where writing the store whole is the cheaper way.
    """
    import pyoxigraph as ox

    from .nquads_diff import changed_lines

    t = time.perf_counter()
    added, removed = changed_lines(previous / "dataset.nq", nquads, UPDATE_LIMIT)
    diff_s = time.perf_counter() - t
    gone = list(ox.parse(b"".join(removed), format=ox.RdfFormat.N_QUADS))  # blank node labels kept, as written
    new = list(ox.parse(b"".join(added), format=ox.RdfFormat.N_QUADS))
    ox.Store.read_only(str(previous / "store")).backup(str(path))
    store = ox.Store(str(path))
    default = ox.DefaultGraph()
    for q in gone:
        store.remove(q)
    store.extend(new + [ox.Quad(q.subject, q.predicate, q.object, default) for q in new])
    left = 0
    for s, p, o in {(q.subject, q.predicate, q.object) for q in gone}:
        named = (x for x in store.quads_for_pattern(s, p, o) if not isinstance(x.graph_name, ox.DefaultGraph))
        if next(named, None) is None:
            store.remove(ox.Quad(s, p, o, default))
            left += 1
    store.flush()
    del store
    return {"added": len(new), "removed": len(gone), "left_the_union": left, "diff_s": round(diff_s, 3)}


def load_union(store, nquads: Path, end: int | None = None) -> None:
    """Bulk-load the triples of ``nquads`` (its first ``end`` bytes, if given) into the store's default graph.

    The quads' lines cut to N-Triples (:func:`.export.triple_lines`) go to a scratch file that Oxigraph
    bulk-loads, repeats dropped by the store (a set): no quad crosses into Python (at 1e5 triples, 0.2 s
    to cut and 1.6 s to load, against 2.1 s for bulk-extending from Python the triples of the parsed file).

    But the lines with a blank node: Oxigraph's loader gives the blank nodes of a file it loads labels of its
    own, and a validation result whose focus node is a blank node (a passage's selector) must name the node the
    loaded dataset holds, for the report to locate it (file and line) and for the rules to know which evidence
    SHACL already rejected. Those lines are parsed (which keeps their labels) and added from Python.
    """
    import pyoxigraph

    from .export import triple_lines

    scratch = nquads.with_name(f"{nquads.name}.{os.getpid()}.union.nt")  # the build's two processes each load one
    blank = bytearray()
    try:
        with scratch.open("wb") as out:
            for line in triple_lines(nquads, end=end):
                if b"_:" in line:
                    blank += line
                else:
                    out.write(line)
        store.bulk_load(path=str(scratch), format=pyoxigraph.RdfFormat.N_TRIPLES)
        store.extend(pyoxigraph.parse(bytes(blank), format=pyoxigraph.RdfFormat.N_TRIPLES))
    finally:
        scratch.unlink(missing_ok=True)


class Writes:
    """The process writing a build's store and dumps (:func:`start`); :meth:`wait` gives its timings."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc

    def go(self) -> None:
        """Let a process started with ``wait`` (or ``dumps_first``) go on to the store: the build's memory allows it."""
        if self.proc.stdin is None:
            return
        try:
            self.proc.stdin.write(b"go\n")
            self.proc.stdin.close()
        except BrokenPipeError:  # it has ended already, having failed: wait() says why
            pass
        self.proc.stdin = None  # communicate() would flush the closed pipe

    def wait(self) -> dict[str, float]:
        """Its timings (``write_store``, ``dumps`` ...), once it has ended; a :class:`UserError` if it failed."""
        self.go()  # a go not given yet (a build without validation) is given now
        out, err = self.proc.communicate()
        if self.proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines() or [f"exit status {self.proc.returncode}"]
            raise UserError(f"writing the store and dumps failed: {lines[-1]}")
        return json.loads(out.decode("utf-8").strip().splitlines()[-1])

    def kill(self) -> None:
        """Stop it (the build failed or was interrupted): no child outlives the build."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def start(
    nquads: Path,
    store: Path,
    dumps: Path | None,
    since: Path | None = None,
    *,
    wait: bool = False,
    dumps_first: bool = False,
) -> Writes:
    """Start writing the store (and the dumps, unless ``dumps`` is None) from ``nquads`` in a new process;
    ``since``: a previous build whose store it may update instead (:func:`update_store`).

    ``wait``: it waits for :meth:`Writes.go` before the store and the dumps (the build gives it once SHACL is done
    and its in-memory store given back); ``dumps_first``: meanwhile, it writes the dumps that need little memory
    (:data:`.export.STREAMED_DUMPS`), one at a time, until the go."""
    args = [sys.executable, "-m", "csto_kg.served_store", str(nquads), str(store)]
    if dumps is not None:
        args.append(str(dumps))
    if since is not None:
        args += ["--since", str(since)]
    if wait or dumps_first:
        args.append("--dumps-first" if dumps_first else "--wait")
    stdin = subprocess.PIPE if wait or dumps_first else subprocess.DEVNULL
    return Writes(subprocess.Popen(args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE))


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for."""
    import resource

    own, done = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + done.ru_utime + done.ru_stime


def _write(nquads: Path, store: Path, since: Path | None) -> dict:
    """The store written (updated from ``since``, where that is the cheaper way); what was done, or why whole."""
    import shutil

    from .nquads_diff import TooManyChanges

    if since is None:
        write_store(nquads, store)
        return {}
    try:
        return {"previous": since.name, **update_store(since, nquads, store)}
    except (TooManyChanges, OSError, SyntaxError, ValueError) as e:  # too much changed, a previous build gone
        why = str(e) or type(e).__name__  # or damaged: written whole (a damaged new file is then reported, by line)
    # here, not in the except clause, whose traceback would keep the half-updated store open (and locked)
    shutil.rmtree(store, ignore_errors=True)
    write_store(nquads, store)
    return {"previous": since.name, "whole": why}


def _go_given() -> bool:
    """Whether the build has written to this process's standard input (its go, or the end of its pipe)."""
    import select

    return bool(select.select([sys.stdin], [], [], 0)[0])


def main(argv: list[str] | None = None) -> int:
    """``python -m csto_kg.served_store NQUADS STORE [DUMPS] [--since BUILD] [--wait | --dumps-first]``: prints
    one JSON line, ``{"write_store": s, "dumps": s, "cpu": {...}, "store": {...}}`` (``store``: what :func:`_write`
    did).

    ``--wait``: nothing is written before a line ``go`` arrives on standard input (``waited``); at the end of
    standard input without a go, it stops. ``--dumps-first``: the same, writing meanwhile the streamed dumps
    (:data:`.export.STREAMED_DUMPS`), one at a time, until the go (``dumps_first``; those not written by then
    come after the store).
    """
    from .export import STREAMED_DUMPS, write_dump_files, write_sums
    from .void import DUMP_FILES

    args = list(argv if argv is not None else sys.argv[1:])
    since = None
    if "--since" in args:
        at = args.index("--since")
        since = Path(args[at + 1])
        del args[at : at + 2]
    first = "--dumps-first" in args
    wait = first or "--wait" in args
    args = [a for a in args if a not in ("--wait", "--dumps-first")]
    nquads, store = Path(args[0]), Path(args[1])
    dumps = Path(args[2]) if len(args) > 2 else None
    timings: dict = {}
    cpu = timings["cpu"] = {}  # CPU seconds: this process's (every thread) and its children's (the dumps')
    sums: dict[str, str] = {}
    try:
        if first and dumps is not None:
            t, c = time.perf_counter(), _cpu()
            # beside SHACL, one at a time (the other core is the build's), for as long as SHACL runs
            for name in STREAMED_DUMPS:
                if _go_given():
                    break
                sums.update(write_dump_files(nquads, dumps, (name,)))
            timings["dumps_first"] = time.perf_counter() - t
            cpu["dumps_first"] = _cpu() - c
        if wait:
            t = time.perf_counter()
            if sys.stdin.readline().strip() != "go":
                print("stopped: the build ended without its go", file=sys.stderr)
                return 1
            timings["waited"] = time.perf_counter() - t
        t, c = time.perf_counter(), _cpu()
        timings["store"] = _write(nquads, store, since)
        trim()  # what the comparison held (~300 MB at 1e6), given back before the dumps
        timings["write_store"] = time.perf_counter() - t
        cpu["write_store"] = _cpu() - c
        if dumps is not None:
            t, c = time.perf_counter(), _cpu()
            rest = tuple(name for name in DUMP_FILES if name not in sums)
            # beside the build's rules once the store was updated in seconds: one at a time (less memory)
            sums.update(write_dump_files(nquads, dumps, rest, together="added" not in timings["store"]))
            write_sums(dumps, sums)
            timings["dumps"] = time.perf_counter() - t
            cpu["dumps"] = _cpu() - c
    except (SyntaxError, ValueError) as e:  # a damaged N-Quads file: Oxigraph's message has its line
        print(f"{nquads}: {e}" if str(nquads) not in str(e) else e, file=sys.stderr)
        return 1
    except (UserError, OSError) as e:
        print(e, file=sys.stderr)
        return 1
    print(json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
