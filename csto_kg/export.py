"""``csto-kg export``: the built dataset as TriG, N-Quads, Turtle or JSON-LD.

Reads the current build's ``dataset.nq`` and writes with Oxigraph's
serialisers (linear, ~10x rdflib's). Every write is atomic: the output goes
to a temporary file in the target's folder, is flushed to disk, then renamed
over the target, so a reader never sees a half-written file and a failed
export leaves the previous file as it was. A build's N-Quads dump is its
``dataset.nq`` itself, flushed and hard-linked (:func:`_link`).

Quad formats (TriG, N-Quads, JSON-LD) keep the named graphs; Turtle is the
union of the selected graphs as one graph, duplicates removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from .errors import UserError
from .formats import BY_KEY
from .namespaces import INFERRED_GRAPH, PREFIXES
from .nquads_diff import line_keys
from .void import DUMP_FILES

__all__ = [
    "FORMATS",
    "STREAMED_DUMPS",
    "export",
    "write_dumps",
    "write_dump_files",
    "write_sums",
    "atomic_write",
    "triple_lines",
]

FORMATS = {key: BY_KEY[key].ox for key in ("trig", "nq", "ttl", "jsonld")}  # of the one registry
_INFERRED = ox.NamedNode(str(INFERRED_GRAPH))


def atomic_write(target: Path, write) -> None:
    """Call ``write(binary_file)`` on a temporary file, then rename it over ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; dumps are public
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def triple_lines(nquads: Path, skip: ox.NamedNode | None = None, end: int | None = None) -> Iterator[bytes]:
    """The triple of each quad of ``nquads`` (of its first ``end`` bytes) as an N-Triples line, but those in ``skip``.

    Each line Oxigraph's serialiser writes is ``S P O G .``, ``G`` the IRI of a named graph (the build
    writes no quad in the default graph): that line without `` G`` is the triple in N-Triples, ``G``
    being what follows its last `` <`` (an IRI holds no space). No quad crosses into Python.
    ``end`` must fall at the end of a line (the build gives the size the file had when its part was written).
    """
    skipped = f"<{skip.value}>".encode() if skip is not None else None
    with nquads.open("rb") as f:
        read = 0
        for number, line in enumerate(f, 1):
            if end is not None and read >= end:
                return
            read += len(line)
            cut = line.rfind(b" <")
            if cut < 0 or not line.endswith(b"> .\n"):
                raise ValueError(f"{nquads}, line {number}: not a quad in a named graph: {line[:200]!r}")
            if skipped is None or line[cut + 1 : -3] != skipped:
                yield line[:cut] + b" .\n"


def _first_of_each(lines: Iterator[bytes]) -> Iterator[bytes]:
    """Each distinct line once, in the order first seen.

    One serialiser wrote every line, so a triple is the same bytes in every graph that holds it. A 96-bit key of
    each line is kept rather than the line (:func:`.nquads_diff.line_keys`, as the build compares two builds'
    files; 1e6: ~0.4 GB, where a set of the triples took 1.4 GB); two distinct triples would be taken for one only
    on a 96-bit collision. The keys are computed a batch of lines at a time, without a Python call per line.
    """
    seen: set[int] = set()
    add = seen.add
    while batch := list(islice(lines, 1 << 16)):
        for key, line in zip(line_keys(batch), batch, strict=True):
            if key not in seen:
                add(key)
                yield line


def _write(nquads: Path, fmt: str, inferred: bool, out, scratch: Path) -> None:
    """Serialise to the open binary file ``out``; ``scratch``: a path for a temporary file, removed after."""
    rdf_format = FORMATS[fmt]
    prefixes = PREFIXES if fmt in ("trig", "ttl") else None
    if rdf_format.supports_datasets:
        quads = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        if not inferred:
            quads = (q for q in quads if q.graph_name != _INFERRED)
        ox.serialize(quads, out, rdf_format, prefixes=prefixes)  # with inferred: no Python step per quad
        return
    # One graph: the union of the graphs, each triple once, from a scratch N-Triples file beside the output.
    try:
        with scratch.open("wb") as nt:
            nt.writelines(_first_of_each(triple_lines(nquads, None if inferred else _INFERRED)))
        ox.serialize(ox.parse(path=str(scratch), format=ox.RdfFormat.N_TRIPLES), out, rdf_format, prefixes=prefixes)
    finally:
        scratch.unlink(missing_ok=True)


def export(fmt: str, out: Path, *, inferred: bool = True, nquads: Path | None = None) -> Path:
    """Write the dataset in ``fmt`` to ``out`` atomically; returns ``out``."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if Path(out).is_dir():
        raise UserError(f"{out} is a folder: name the file to write (e.g. {Path(out) / ('csto-kg.' + fmt)})")
    if nquads is None:
        from .build import ensure_built

        nquads = ensure_built().nquads
    try:
        scratch = Path(out).with_name(f".{Path(out).name}.{os.getpid()}.union.nt")
        atomic_write(Path(out), lambda f: _write(nquads, fmt, inferred, f, scratch))
    except (SyntaxError, ValueError) as e:  # a damaged build: say which file, keep the previous output
        raise UserError(f"{nquads}: {e}" if str(nquads) not in str(e) else str(e)) from None
    return Path(out)


def _copy(source: Path, out) -> None:
    with source.open("rb") as f:
        shutil.copyfileobj(f, out)


# Past this size the dumps are written side by side, one process each (each is one core of parsing and
# serialising); below it a process costs more than it saves.
PARALLEL_DUMPS_BYTES = 64 * 1024 * 1024


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _dump(fmt: str, out: Path, nquads: Path) -> str:
    """One dump (Turtle without the inferred graph: the asserted union), then its SHA-256."""
    if out != nquads:
        export(fmt, out, inferred=(fmt != "ttl"), nquads=nquads)
    return _sha256(out)


def _dump_in_processes(jobs: list[tuple[str, Path, Path]], at_once: int) -> dict[str, str]:
    """Each dump ``(format, out, N-Quads read)`` by ``python -m csto_kg.export`` (a fresh interpreter: nothing of
    this process's heap or threads), ``at_once`` at a time; their SHA-256s, or the first failure's message as a
    :class:`UserError`."""
    sums: dict[str, str] = {}
    for first in range(0, len(jobs), at_once):
        procs = {
            out.name: subprocess.Popen(
                [sys.executable, "-m", "csto_kg.export", fmt, str(out), str(nquads)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for fmt, out, nquads in jobs[first : first + at_once]
        }
        try:
            done = {name: (p.communicate(), p.returncode) for name, p in procs.items()}
        finally:  # interrupted, or failed here: no child outlives the build
            for p in procs.values():
                if p.poll() is None:
                    p.kill()
                    p.wait()
        for name, ((_, err), code) in done.items():
            if code != 0:
                lines = err.decode("utf-8", "replace").strip().splitlines() or [f"exit status {code}"]
                raise UserError(f"writing the dump {name} failed: {lines[-1]}")
        sums.update({name: out.decode("ascii").strip() for name, ((out, _), _) in done.items()})
    return sums


def _link(source: Path, target: Path) -> None:
    """``target`` made a hard link to ``source`` (atomically: a link under a temporary name, renamed over
    ``target``), or a copy where the file system refuses the link. Neither file is written again: a build's
    ``dataset.nq`` and its N-Quads dump are the same bytes, and at 1e6 a copy took ~2 s. ``source`` is flushed to
    disk first, as :func:`atomic_write` flushes what it writes: the dump is that file."""
    if target.exists() and os.path.samefile(source, target):
        return
    tmp = target.with_name(f".{target.name}.{os.getpid()}.link")
    try:
        fd = os.open(source, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        os.link(source, tmp)
        os.replace(tmp, target)
        tmp.unlink(missing_ok=True)  # a rename between two links of one file does nothing (POSIX)
    except OSError:
        tmp.unlink(missing_ok=True)
        atomic_write(target, lambda f: _copy(source, f))


# The dumps each written as the N-Quads are read (~40 MB at 1e6, whatever the size); the Turtle dump holds a key of
# each triple of the union to write it once (~370 MB at 1e6). A build that updates its store writes these beside
# its SHACL validation, and the Turtle dump once SHACL's store is given back (csto_kg.served_store).
STREAMED_DUMPS = ("csto-kg.trig", "csto-kg.nq", "csto-kg.jsonld")


def write_dump_files(dataset_nq: Path, folder: Path, names=tuple(DUMP_FILES), *, together: bool = True) -> dict:
    """The dumps ``names`` (of :data:`.void.DUMP_FILES`) of a build's ``dataset.nq``; returns name -> sha256.

    ``csto-kg.nq`` is ``dataset.nq`` itself, hard-linked (made the first time, kept by later calls naming other
    dumps); each other dump re-reads ``dataset.nq`` in Oxigraph's parser and writes with its serialiser, in a
    process of its own when the file is large (:data:`PARALLEL_DUMPS_BYTES`): 1e6 triples, three formats on two
    cores, all at once unless ``together`` is false (then one after the other: at 1e6, ~27 s rather than ~17, for
    at most one dump's memory, the Turtle's ~370 MB, rather than ~450 MB).
    """
    folder.mkdir(parents=True, exist_ok=True)
    nquads = folder / "csto-kg.nq"
    if "csto-kg.nq" in names or not nquads.exists():
        _link(dataset_nq, nquads)
    jobs = [
        (name.rsplit(".", 1)[1], folder / name, nquads if name == nquads.name else dataset_nq)
        for name in DUMP_FILES
        if name in names
    ]
    if (os.cpu_count() or 1) > 1 and dataset_nq.stat().st_size > PARALLEL_DUMPS_BYTES:
        return _dump_in_processes(jobs, len(jobs) if together else 1)
    return {out.name: _dump(fmt, out, source) for fmt, out, source in jobs}


def write_sums(folder: Path, sums: dict[str, str]) -> None:
    """``SHA256SUMS`` of the dumps, in the order of :data:`.void.DUMP_FILES`."""
    text = "".join(f"{sums[name]}  {name}\n" for name in DUMP_FILES if name in sums)
    atomic_write(folder / "SHA256SUMS", lambda f: f.write(text.encode()))


def write_dumps(dataset_nq: Path, folder: Path, *, together: bool = True) -> dict[str, str]:
    """Every downloadable dump of a build's ``dataset.nq`` (:func:`write_dump_files`), and ``SHA256SUMS``;
    returns name -> sha256."""
    sums = write_dump_files(dataset_nq, folder, together=together)
    write_sums(folder, sums)
    return sums


def main(argv: list[str] | None = None) -> int:
    """``python -m csto_kg.export FORMAT OUT NQUADS``: one dump (see :func:`write_dumps`); prints its SHA-256."""
    fmt, out, nquads = argv or sys.argv[1:4]
    try:
        print(_dump(fmt, Path(out), Path(nquads)))
    except UserError as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
