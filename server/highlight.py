"""Quotes in their text: a passage in context, and a whole document with every passage marked.

Offsets are Unicode code points, end exclusive (``oa:TextPositionSelector``),
which is what Python ``str`` indices are. Everything from the document is
HTML-escaped here; the functions return :class:`markupsafe.Markup`.

Passages may overlap or nest (two facts citing the same sentence, a clause
inside a longer quote). :func:`mark_all` keeps the HTML well nested by
splitting a passage where it crosses another: every piece is a
``<mark data-ev="KEY">``, the first piece also carries ``id="ev-KEY"`` (the
anchor ``/source/<id>#ev-KEY`` jumps to), and the text of all pieces of one
key, in document order, is exactly the passage.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Span", "in_context", "mark_all"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str  # the evidence node's local name
    title: str = ""  # tooltip (e.g. the facts it supports)


def _cut_left(text: str, start: int, width: int) -> tuple[str, bool]:
    lo = max(0, start - width)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    return text[lo:start], lo > 0


def _cut_right(text: str, end: int, width: int) -> tuple[str, bool]:
    hi = min(len(text), end + width)
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return text[end:hi], hi < len(text)


def in_context(text: str, start: int, end: int, width: int = 160, *, key: str = "") -> Markup:
    """The passage ``text[start:end]`` marked, with up to ``width`` code points either side."""
    before, more_before = _cut_left(text, start, width)
    after, more_after = _cut_right(text, end, width)
    attr = Markup(' data-ev="{}"').format(key) if key else Markup("")
    return Markup("{}{}<mark{}>{}</mark>{}{}").format(
        "… " if more_before else "", before, attr, text[start:end], after, " …" if more_after else ""
    )


def mark_all(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, each span wrapped in ``<mark>`` (split where spans cross)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    order = {s: (s.start, -s.end, s.key) for s in spans}
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[str] = set()
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        want = sorted((s for s in spans if s.start <= lo and hi <= s.end), key=order.__getitem__)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for s in want[keep:]:
            anchor = "" if s.key in opened else str(Markup(' id="ev-{}"').format(s.key))
            opened.add(s.key)
            out.append(str(Markup('<mark data-ev="{}"{} title="{}">').format(s.key, Markup(anchor), s.title)))
        stack = want
        out.append(str(escape(text[lo:hi])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))
