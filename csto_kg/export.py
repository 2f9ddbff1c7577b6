"""``csto-kg export``: the built dataset as TriG, N-Quads, Turtle or JSON-LD.

Reads the current build's ``dataset.nq`` and writes with Oxigraph's
serialisers (linear, ~10x rdflib's). Every write is atomic: the output goes
to a temporary file in the target's folder, is flushed to disk, then renamed
over the target, so a reader never sees a half-written file and a failed
export leaves the previous file as it was.

Quad formats (TriG, N-Quads, JSON-LD) keep the named graphs; Turtle is the
union of the selected graphs as one graph, duplicates removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import UserError
from .formats import BY_KEY
from .namespaces import INFERRED_GRAPH, PREFIXES
from .void import DUMP_FILES

__all__ = ["FORMATS", "export", "write_dumps", "atomic_write"]

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


def _quads(nquads: Path, inferred: bool) -> Iterator[ox.Quad]:
    quads = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    if inferred:
        return quads  # handed to the serialiser as it is: no Python step per quad
    return (q for q in quads if q.graph_name != _INFERRED)


def _serialize(quads: Iterable[ox.Quad], fmt: str, out) -> None:
    rdf_format = FORMATS[fmt]
    if not rdf_format.supports_datasets:
        seen: dict[ox.Triple, None] = {}
        for q in quads:
            seen.setdefault(ox.Triple(q.subject, q.predicate, q.object))
        quads = seen.keys()
    prefixes = PREFIXES if fmt in ("trig", "ttl") else None
    ox.serialize(quads, out, rdf_format, prefixes=prefixes)


def export(fmt: str, out: Path, *, inferred: bool = True, nquads: Path | None = None) -> Path:
    """Write the dataset in ``fmt`` to ``out`` atomically; returns ``out``."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if nquads is None:
        from .build import ensure_built

        nquads = ensure_built().nquads
    try:
        atomic_write(Path(out), lambda f: _serialize(_quads(nquads, inferred), fmt, f))
    except SyntaxError as e:  # a damaged build: say which file, keep the previous output
        raise UserError(f"{nquads}: {e}") from None
    return Path(out)


def _copy(source: Path, out) -> None:
    with source.open("rb") as f:
        shutil.copyfileobj(f, out)


def write_dumps(dataset_nq: Path, folder: Path) -> dict[str, str]:
    """The downloadable dumps of a build's ``dataset.nq``, and ``SHA256SUMS``; returns name -> sha256."""
    folder.mkdir(parents=True, exist_ok=True)
    nquads = folder / "csto-kg.nq"
    atomic_write(nquads, lambda f: _copy(dataset_nq, f))
    sums = {}
    for name in DUMP_FILES:
        fmt = name.rsplit(".", 1)[1]
        if name != nquads.name:
            export(fmt, folder / name, inferred=(fmt != "ttl"), nquads=nquads)
        sums[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    atomic_write(folder / "SHA256SUMS", lambda f: f.write("".join(f"{h}  {n}\n" for n, h in sums.items()).encode()))
    return sums
