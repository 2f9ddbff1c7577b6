"""The numbers a source's words state: "some 2,500 troops" -> {2500}, "two hundred protesters" -> {200}.

A figure in the graph (``csto:amount``, ``csto:personnel``, ``csto:equipment``)
keeps the source's own words beside it (``csto:statedAs``); :func:`numbers_in`
reads those words back, so validation can check that the figure is one they
state (``shape:FigureMatchesItsWords``). It reads what the seeds write: digits
with thousands separators (comma, space, no-break or narrow no-break space),
decimals, ordinals (``30th``), percentages, English number words up to the
millions (``six``, ``two hundred``, ``fifth``), and the words that state one
(``a``, ``an``, ``once``, ``only``, ``single``).
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["numbers_in"]

_UNITS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n > 1}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ONE = {"a", "an", "once", "only", "single", "sole", "lone"}
_DIGITS = re.compile(r"(?<![\d.])\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.])\d+(?:\.\d+)?(?!\d)")
_WORD = re.compile(r"[a-z]+")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)[\s\u00a0]+(hundred|thousand|million|billion)\b")


def _from_words(words: list[str]) -> set[int]:
    """Every number a run of English number words states: "two hundred" -> 200, "thirty-five" -> 35."""
    out: set[int] = set()
    total = current = 0
    started = False
    for w in words + ["."]:  # a non-number word ends a run
        if w in _UNITS or w in _TENS or w in _ORDINALS:
            current += _UNITS.get(w, _TENS.get(w, _ORDINALS.get(w, 0)))
            started = True
        elif w in _SCALES and started:
            if _SCALES[w] == 100:
                current *= 100
            else:
                total += current * _SCALES[w]
                current = 0
        elif w == "and" and started:
            continue
        else:
            if started:
                out.add(total + current)
            total = current = 0
            started = False
        if w in _ONE:
            out.add(1)
    return out


def numbers_in(text: str) -> set[Decimal]:
    """The numbers ``text`` states, as exact decimals (digits, number words, ordinals; "a"/"once" as one)."""
    found = {Decimal(re.sub(r"[,\u00a0\u202f ]", "", m.group())) for m in _DIGITS.finditer(text)}
    found |= {  # "2.5 million"
        Decimal(m.group(1)) * _SCALES[m.group(2)] for m in _SCALED.finditer(text.lower()) if "," not in m.group(1)
    }
    words = _WORD.findall(text.lower().replace("-", " "))
    return found | {Decimal(n) for n in _from_words(words)}
