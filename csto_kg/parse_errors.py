"""The parser's syntax-error message, made readable: where, and what was expected, in a line a person reads.

Oxigraph 0.5.13 reports ``error at LINE:COLUMN: expected one of …``, where

- the position is where its parser stopped: at the end of the query, one
  column past the last character (``ASK{}x``: "1:7", though the query has six
  characters). Such a position is given as the query's last character, "at the
  end of the query" (``1:6``);
- the list mixes its own sentences with the grammar's tokens (``expected one
  of Duplicated variable name in SELECT, [_]``; ``expected one of The query
  limit should be a non negative integer, ['0'..='9']``): when it holds a
  sentence, the sentence *is* the message;
- character classes are written as Rust ranges, a kilobyte of them after
  ``SELECT * is not authorized with GROUP BY``: they are summarised ("a
  digit", "a name character"), ``[_]`` (any character) dropped, and a list
  longer than :data:`MAX_EXPECTED` cut, saying how many more.
"""

from __future__ import annotations

import re

__all__ = ["readable", "MAX_EXPECTED"]

MAX_EXPECTED = 12
_MESSAGE = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)\Z", re.S)
_DIGITS = ("['0'..='9']", "['0' ..= '9']")


def _items(expected: str) -> list[str]:
    """The comma-separated items of an expected list, a ``[…]`` character class (which may hold commas) as one."""
    items, depth, start = [], 0, 0
    for i, c in enumerate(expected):
        if c == "[" and not expected[i - 1 : i] == "'":
            depth += 1
        elif c == "]" and depth and not expected[i - 1 : i] == "'":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(expected[start:i].strip())
            start = i + 1
    items.append(expected[start:].strip())
    return [i for i in items if i]


def _is_sentence(item: str) -> bool:
    """One of the parser's own messages ("Duplicated variable name in SELECT"), not a token of the grammar."""
    return " " in item and not item.startswith(("[", '"', "'")) and any(c.islower() for c in item)


def _summary(items: list[str]) -> str:
    kept: list[str] = []
    for item in items:
        if item == "[_]":
            continue  # any character: says nothing
        if item.startswith("["):
            item = "a digit" if item in _DIGITS else "a name character"
        if item not in kept:
            kept.append(item)
    if not kept:
        return "the query cannot be read from here on"
    shown = ", ".join(kept[:MAX_EXPECTED]) + (
        f" … and {len(kept) - MAX_EXPECTED} more" if len(kept) > MAX_EXPECTED else ""
    )
    return ("expected one of " if len(kept) > 1 else "expected ") + shown


def _position(query: str, line: int, column: int) -> tuple[int, int, bool]:
    """(line, column, at the end) of the parser's position in ``query``; past the last character (blanks aside)
    it is the last character's position, at the end of the query."""
    lines = query.split("\n")
    offset = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1
    end = len(query.rstrip())
    if end == 0 or offset < end:
        return line, column, False
    before = query[: end - 1]
    return before.count("\n") + 1, end - before.rfind("\n") - 1, True


def readable(message: str, query: str) -> str:
    """``message`` (the parser's, on one line) with its position and expected list made readable for ``query``."""
    m = _MESSAGE.match(message)
    if m is None:
        return message
    line, column, at_end = _position(query, int(m.group(1)), int(m.group(2)))
    where = f"error at {line}:{column}" + (" (the end of the query)" if at_end else "")
    items = _items(m.group(3))
    sentences = [i for i in items if _is_sentence(i)]
    return f"{where}: " + ("; ".join(sentences) if sentences else _summary(items))
