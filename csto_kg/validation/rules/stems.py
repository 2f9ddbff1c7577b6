"""Content words compared by their stems: what the wording checks read of a label, a comment, a passage or a name."""

from __future__ import annotations

import re

__all__ = ["words", "stems"]

# words that name no particular item: the organisation and its members are named in most passages
_GENERIC = frozenset(
    "the of and a an to in on for with by from its their this that these those between within into over at as is "
    "are was were be been being them they it csto member members state states organization organisation "
    "among".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (letters and digits)."""
    return _WORD.findall(text.lower())


def stems(text: str, letters: int = 5) -> set[str]:
    """The content words of ``text`` by their first five letters ("increasing", "increase": "incre"), or by fewer
    (four: "heads", "head of state": "head")."""
    return {w[:letters] for w in words(text) if w not in _GENERIC and len(w) >= 3}
