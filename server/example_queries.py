"""The named example queries of ``queries/*.rq`` (the served build's copy), read at request time for the query page.

Each file is one competency question: its leading ``#`` comment line is the
question (the tab's title), the file name without ``.rq`` the query's name.
A folder that is missing or empty gives an empty list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .served import served

__all__ = ["ExampleQuery", "example_queries"]


@dataclass(frozen=True)
class ExampleQuery:
    name: str
    question: str
    text: str


def _question(text: str, fallback: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            question = stripped.lstrip("#").strip()
            if question:
                return question
            continue
        break
    return fallback


def example_queries(folder: Path | None = None) -> list[ExampleQuery]:
    folder = folder or served("queries")
    out = []
    for f in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        out.append(ExampleQuery(f.stem, _question(text, f.stem), text))
    return out
