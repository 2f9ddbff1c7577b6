"""The numbers a source's words state, and how: "some 2,500 troops" -> 2500, approximately.

A figure in the graph (``csto:amount``, ``csto:personnel``, ``csto:equipment``)
keeps the source's own words beside it (``csto:statedAs``), with a qualifier
(``csto:qualifier``, ``csto:personnelQualifier``). :func:`numbers_in` reads the
words back, so validation can check that the figure is one they state, and
:func:`qualifiers_of` says how the words qualify it ("more than", "some", none),
so it can check the qualifier too, and :func:`units_of` which unit the noun
after it names ("2,500 troops": persons), so it can check the unit
(``shape:FigureMatchesItsWords``).

It reads what the seeds write: digits with thousands separators (comma, space,
no-break or narrow no-break space), decimals, ``2.5 million``, ordinals
(``30th``), percentages, English number words up to the billions (``six``,
``two hundred``, ``fifth``), and the words that state one (``a``, ``an``,
``once``, ``only``, ``single``). A number's qualifier is read from the words just
before it; with none, it is given as exact.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

__all__ = ["numbers_in", "qualifiers_of", "units_of", "units_mentioned", "without_numbers", "Stated"]

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
_SEPARATORS = re.compile(r"[,\u00a0\u202f ]")
_DIGITS = re.compile(r"(?<![\d.])\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.])\d+(?:\.\d+)?(?!\d)")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)[\s\u00a0]+(hundred|thousand|million|billion)\b")
_WORD = re.compile(r"[a-z]+")

# How the words just before a number qualify it, first match wins ("no more than" before "more than").
_QUALIFIERS = [
    ("UpTo", r"(?:up to|at most|no more than|not more than)"),
    ("AtLeast", r"(?:at least|no fewer than|no less than|not less than)"),
    ("MoreThan", r"(?:more than|over|in excess of|upwards of|above)"),
    ("LessThan", r"(?:less than|fewer than|under|below)"),
    ("Approximately", r"(?:some|about|around|approximately|roughly|nearly|almost|circa|an estimated|estimated)"),
]
_QUALIFIER_BEFORE = [(name, re.compile(rf"\b{words}\s*$")) for name, words in _QUALIFIERS]

# The nouns that name a unit of the ontology's csto:Units (by local name), read just after a number. Only nouns
# that name one unit and nothing else: "2,500 troops" is a count of persons, while "18 views" or "three others"
# name no unit here, so their unit is not checked.
_UNIT_NOUNS = {
    noun: unit
    for unit, nouns in {
        "Persons": "troops soldiers servicemen personnel protesters people persons civilians officers peacekeepers "
        "refugees casualties",
        "States": "states countries republics nations",
        "Percent": "% percent",
        "PiecesOfEquipment": "equipment vehicles tanks",
        "Garrisons": "garrison garrisons",
        "MilitaryBases": "base bases",
        "Airbases": "airbase airbases",
        "Years": "year years anniversary",
        "Occasions": "times meeting meetings summit summits session sessions",
        "Documents": "document documents declaration declarations agreement agreements statement statements",
        "Kilometres": "km kilometres kilometers",
        "USDollars": "dollars",
        "Weeks": "week weeks",
        "Comments": "comment comments",
    }.items()
    for noun in nouns.split()
}
_TOKEN = re.compile(r"%|[a-z]+|\d[\d,.\u00a0\u202f]*(?:st|nd|rd|th)?")
# Words that say what is counted without following a number ("more than once", "the only case", "18 views":
# times something happened), read by :func:`units_mentioned` beside the nouns above.
_MENTIONS = {**_UNIT_NOUNS, **dict.fromkeys("once twice case cases views occasion occasions".split(), "Occasions")}
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_ORDINALS) | set(_SCALES) | {"and"}
_NOUN_WITHIN = 4  # words read after the number: "two of its member states", "250 pieces of equipment"


class Stated(NamedTuple):
    value: Decimal
    start: int  # where its words begin in the text


def _word_numbers(text: str) -> list[Stated]:
    """Numbers in English words: "two hundred" -> 200, "thirty-five" -> 35, "once" -> 1, each with its start."""
    out: list[Stated] = []
    total = current = 0
    start = None
    words = [(m.group(), m.start()) for m in _WORD.finditer(text.replace("-", " "))]
    words.append((".", len(text)))  # a non-number word ends a run
    for k, (w, at) in enumerate(words):
        if w in ("a", "an") and start is None and k + 1 < len(words) and words[k + 1][0] in _SCALES:
            current, start = 1, at  # "a hundred", "a thousand"
        elif w in _UNITS or w in _TENS or w in _ORDINALS:
            current += _UNITS.get(w, _TENS.get(w, _ORDINALS.get(w, 0)))
            start = at if start is None else start
        elif w in _SCALES and start is not None:
            if _SCALES[w] == 100:
                current *= 100
            else:
                total, current = total + current * _SCALES[w], 0
        elif w == "and" and start is not None:
            continue
        else:
            if start is not None:
                out.append(Stated(Decimal(total + current), start))
            total = current = 0
            start = None
        if w in _ONE:
            out.append(Stated(Decimal(1), at))
    return out


def stated(text: str) -> list[Stated]:
    """Every number ``text`` states, with where it begins."""
    out = [Stated(Decimal(_SEPARATORS.sub("", m.group())), m.start()) for m in _DIGITS.finditer(text)]
    out += [
        Stated(Decimal(m.group(1)) * _SCALES[m.group(2)], m.start())
        for m in _SCALED.finditer(text.lower())
        if "," not in m.group(1)
    ]
    return out + _word_numbers(text.lower())


def numbers_in(text: str) -> set[Decimal]:
    """The numbers ``text`` states, as exact decimals (digits, number words, ordinals; "a"/"once" as one)."""
    return {s.value for s in stated(text)}


_NUMBER_TOKEN = set(_UNITS) | set(_TENS) | set(_ORDINALS) | set(_SCALES)


def without_numbers(text: str) -> str:
    """``text``'s words, lower-cased, with each number (digits, ordinals, number words) as ``#``: what two phrasings
    of one count share ("the 30th anniversary of the treaty" and "the 20th anniversary of the treaty": one
    pattern)."""
    words = []
    for token in _TOKEN.findall(text.lower()):
        number = token[0].isdigit() or token in _NUMBER_TOKEN
        if number and words and words[-1] == "#":
            continue  # "thirty first": one number
        words.append("#" if number else token)
    return " ".join(words)


def qualifiers_of(text: str, value: Decimal) -> set[str]:
    """How ``text`` qualifies each mention of ``value``: "MoreThan", "Approximately"..., or "Exactly" with none."""
    out = set()
    for s in stated(text):
        if s.value == value:
            before = text[: s.start].lower()
            out.add(next((name for name, pattern in _QUALIFIER_BEFORE if pattern.search(before)), "Exactly"))
    return out


def units_of(text: str, value: Decimal) -> set[str]:
    """The units (csto:Units local names) the first unit noun after each mention of ``value`` names: "some 2,500
    troops" -> {"Persons"}; empty when no noun within a few words names one ("more than 100,000 Karabakh
    Armenians")."""
    out = set()
    lower = text.lower().replace("-", " ")
    for s in stated(text):
        if s.value != value:
            continue
        tokens = [m.group() for m in _TOKEN.finditer(lower, s.start)]
        k = 0
        while k < len(tokens) and (tokens[k][0].isdigit() or tokens[k] in _NUMBER_WORDS or tokens[k] in _ONE):
            k += 1  # the number's own words: "two hundred and", "2,500", "30th", "an"
        for token in tokens[k : k + _NOUN_WITHIN]:
            if token in _UNIT_NOUNS:
                out.add(_UNIT_NOUNS[token])
                break
    return out


def units_mentioned(text: str) -> set[str]:
    """The units (csto:Units local names) any word of ``text`` names, after a number or not: "Six states signed
    ... three others" -> {"States"}; "more than once" -> {"Occasions"}."""
    return {_MENTIONS[m.group()] for m in _WORD.finditer(text.lower()) if m.group() in _MENTIONS} | (
        {"Percent"} if "%" in text else set()
    )
