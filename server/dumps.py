"""The downloadable dumps of the current build (``csto-kg export``) and their checksums.

Only the file names the build publishes (:data:`csto_kg.void.DUMP_FILES`
and ``SHA256SUMS``) are ever served: a requested name is looked up in that
table, never joined to a path, so no traversal is possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from csto_kg.void import DUMP_FILES

__all__ = ["Dump", "SUMS", "dumps", "file_for"]

SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Dump:
    name: str
    media_type: str
    description: str
    size: int
    sha256: str | None


def _sums(folder: Path) -> dict[str, str]:
    try:
        lines = (folder / SUMS).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 2:
            out[parts[1].lstrip("*")] = parts[0]
    return out


def dumps(folder: Path) -> list[Dump]:
    sums = _sums(folder)
    out = []
    for name, (media, what) in DUMP_FILES.items():
        path = folder / name
        if path.is_file():
            out.append(Dump(name, media, what, path.stat().st_size, sums.get(name)))
    return out


def file_for(folder: Path, name: str) -> tuple[Path, str] | None:
    """``(path, media type)`` of a published file called ``name``, else ``None``."""
    if name == SUMS:
        media = "text/plain"  # send_file adds "; charset=utf-8" to a text/ type
    elif name in DUMP_FILES:
        media = DUMP_FILES[name][0]
    else:
        return None
    path = folder / name
    return (path, media) if path.is_file() else None
