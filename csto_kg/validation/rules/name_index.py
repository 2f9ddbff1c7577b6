"""Names indexed by their first word or their first characters: the rules that look for names in many texts ask
each text only about the names that can be in it, not about every name (which grew with texts x names)."""

from __future__ import annotations

import re

__all__ = ["ByFirstWord", "ByPrefix"]

_WORD = re.compile(r"\w+")


class ByFirstWord:
    r"""Items found by a name of theirs matched in a text as a whole word (``(?<!\w)name(?!\w)``), indexed by the
    name's first word, so that a text is matched against the names whose first word is one of its words.

    A whole-word match starts at the start of one of the text's words and, the name's first word being followed in
    the name by a non-word character or by the end, ends that word there: that word is the name's first word.

    - ``exact=False`` (the match in any case, or exactly): the words are lower-cased. Exact for an ASCII text: in it,
      ``re``'s case-insensitive match of ASCII text is a match of the lower-cased texts. A name not ASCII or not
      beginning with a word character, and every name for a text not ASCII, are matched whatever the text's words.
    - ``exact=True`` (a case-sensitive match, names and texts written alike, e.g. both case-folded): the words are
      taken as they are, in any script; only a name not beginning with a word character is matched whatever the
      text's words."""

    def __init__(self, named: list[tuple[str, object]], *, exact: bool = False):
        self.exact = exact
        self.items = [item for _, item in named]
        self.by_word: dict[str, list] = {}
        self.always: list = []
        for name, item in named:
            first = _WORD.match(name) if exact or name.isascii() else None
            if first:
                self.by_word.setdefault(first.group() if exact else first.group().lower(), []).append(item)
            else:
                self.always.append(item)

    def candidates(self, text: str) -> list:
        """The items a whole-word match in ``text`` may be of (a superset of those it is of)."""
        if self.exact:
            words = set(_WORD.findall(text))
        elif text.isascii():
            words = set(_WORD.findall(text.lower()))
        else:
            return self.items
        return [*self.always, *(item for w in words for item in self.by_word.get(w, ()))]


class ByPrefix:
    """Items found by a name of theirs anywhere in a text (``name in text``, a substring), indexed by the name's
    first :data:`WIDTH` characters: a text is asked only about the names that begin as one of its slices of that
    width begins, each then tested whole. Exact: every occurrence of a name starts at a position of the text, where
    the slice is the name's beginning. Names shorter than the width are tested in every text."""

    WIDTH = 4

    def __init__(self, named: list[tuple[str, object]]):
        self.by_prefix: dict[str, list[tuple[str, object]]] = {}
        self.short: list[tuple[str, object]] = []
        for name, item in named:
            if len(name) < self.WIDTH:
                self.short.append((name, item))
            else:
                self.by_prefix.setdefault(name[: self.WIDTH], []).append((name, item))

    def found(self, texts: list[str]) -> set:
        """The items one of whose names is in one of ``texts``."""
        out = {item for name, item in self.short for t in texts if name in t}
        width, index = self.WIDTH, self.by_prefix
        for t in texts:
            for at in range(len(t) - width + 1):
                for name, item in index.get(t[at : at + width], ()):
                    if item not in out and t.startswith(name, at):
                        out.add(item)
        return out
