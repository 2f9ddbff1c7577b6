"""The seed documents: reading them, hashing them, and locating passages.

Offsets are Unicode code points of the file decoded as UTF-8, end exclusive,
as the Web Annotation ``oa:TextPositionSelector`` defines them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import paths
from .errors import UserError

__all__ = ["Seed", "seed_ids", "load_seed", "LocateError", "locate", "turtle_string"]


@dataclass(frozen=True)
class Seed:
    id: str  # file name without .txt, e.g. "001_7fa2a4cddbc73fc3"
    path: Path
    text: str  # the whole file, decoded as UTF-8
    sha256: str

    @property
    def filename(self) -> str:
        return self.path.name


def seed_ids(seeds_dir: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (seeds_dir or (paths.root() / "seeds")).glob("*.txt"))


@lru_cache(maxsize=None)
def _load(path: Path, stamp: tuple[int, int]) -> Seed:
    """The seed at ``path`` as it is at ``stamp`` (its modification time and size): a file saved again is read again."""
    data = path.read_bytes()
    return Seed(path.stem, path, data.decode("utf-8"), hashlib.sha256(data).hexdigest())


def load_seed(seed_id: str, seeds_dir: Path | None = None) -> Seed:
    path = (seeds_dir or (paths.root() / "seeds")) / f"{seed_id}.txt"
    if not path.is_file():
        raise FileNotFoundError(f"no seed document {path}")
    path = path.resolve()
    stat = path.stat()
    return _load(path, (stat.st_mtime_ns, stat.st_size))


class LocateError(UserError, ValueError):
    pass


# Characters a curator typing a quote is likely to type differently from the seed.
_LOOSE = {
    "\u00a0": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
}


def _loosen(s: str) -> str:
    return "".join(_LOOSE.get(ch, ch) for ch in s)


def locate(seed: Seed, quote: str, occurrence: int | None = None) -> tuple[int, int, str]:
    """Find ``quote`` in the seed; return ``(start, end, verbatim)``.

    The match tolerates no-break spaces typed as spaces and curly quotes or
    dashes typed straight; the returned text is the seed's own, verbatim.
    When the quote occurs more than once, ``occurrence`` (1-based) must say which.
    """
    if not quote:
        raise LocateError("empty quote")
    loose_text, loose_quote = _loosen(seed.text), _loosen(quote)
    starts = [m.start() for m in re.finditer(re.escape(loose_quote), loose_text)]
    if not starts:
        raise LocateError(f"quote not found in {seed.filename}: {quote[:80]!r}")
    if len(starts) > 1 and occurrence is None:
        raise LocateError(f"quote occurs {len(starts)} times in {seed.filename} (at {starts}); say which occurrence")
    if occurrence is not None and not 1 <= occurrence <= len(starts):
        raise LocateError(
            f"occurrence {occurrence} asked for, but the quote occurs {len(starts)} time(s) in "
            f"{seed.filename}; say --occurrence 1 to {len(starts)}"
        )
    start = starts[(occurrence or 1) - 1]
    end = start + len(quote)
    return start, end, seed.text[start:end]


def turtle_string(s: str) -> str:
    """A Turtle string literal for ``s`` that keeps invisible characters visible.

    No-break spaces and other non-printing characters are written as ``\\uXXXX``
    escapes, so a curator can see them and diff them; curly quotes stay as
    they are.
    """
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch in "\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff" or ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
