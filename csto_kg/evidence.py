"""Provenance check: every quote is verbatim at its offsets in its seed.

For each ``oa:SpecificResource`` with an ``oa:TextQuoteSelector`` and an
``oa:TextPositionSelector``, the seed's text between ``oa:start`` and
``oa:end`` (code points, end exclusive) must equal ``oa:exact`` exactly.
Problems name the curated file and line, and where the quote does occur
elsewhere in the seed, the offsets it has there.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal, URIRef

from . import seeds
from .loader import LoadedData, line_of
from .namespaces import CSTO, DCTERMS, OA, RDF, SRC

__all__ = ["QuoteProblem", "check_quotes", "first_difference"]


@dataclass(frozen=True)
class QuoteProblem:
    evidence: URIRef
    file: Path | None
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.file and self.line else str(self.file or "")
        return f"{where}: {self.evidence}: {self.message}"


def _miscounted(text: str, start: int, end: int, s: int, e: int) -> str:
    """How offsets ``[s, e)`` were counted, where the quote is at ``[start, end)`` in code points: in UTF-8 bytes, in
    UTF-16 code units, or one off (from 1, or an end counted inclusively); "" when none of these."""
    for unit, size in (
        ("UTF-8 bytes", lambda x: len(x.encode("utf-8"))),
        ("UTF-16 code units", lambda x: len(x.encode("utf-16-le")) // 2),
    ):
        if (s, e) == (size(text[:start]), size(text[:end])) and (s, e) != (start, end):
            return f" (counted in {unit}: offsets count code points, as Python's str does)"
    if (s - start, e - end) == (1, 1):
        return " (counted from 1: the first code point is offset 0)"
    if s == start and abs(e - end) == 1:
        return " (the end one off: it is exclusive, the offset just after the quote's last code point)"
    return ""


def _seed_for(ds: Dataset, source: URIRef, seeds_dir: Path | None) -> seeds.Seed | None:
    ident = next(ds.objects(source, DCTERMS.identifier), None)
    name = str(ident) if ident is not None else None
    if name is None and str(source).startswith(str(SRC)):
        name = str(source)[len(str(SRC)) :] + ".txt"
    if not name:
        return None
    try:
        return seeds.load_seed(Path(name).stem, seeds_dir)
    except FileNotFoundError:
        return None


def check_quotes(data: LoadedData, seeds_dir: Path | None = None) -> list[QuoteProblem]:
    """Quote problems of every evidence node; seeds are read from ``seeds_dir`` (default: the project's)."""
    ds = data.dataset
    sources: dict[URIRef, seeds.Seed | None] = {}  # source -> its seed, looked up once per source

    def seed_of(source: URIRef) -> seeds.Seed | None:
        if source not in sources:
            sources[source] = _seed_for(ds, source, seeds_dir)
        return sources[source]

    problems: list[QuoteProblem] = []
    for ev, _, _, g in ds.quads((None, RDF.type, OA.SpecificResource, None)):
        problems += _check_one(data, ev, g, seed_of)
    for ev, _, _, g in ds.quads((None, OA.hasSelector, None, None)):
        if (ev, RDF.type, OA.SpecificResource) not in ds and not any(
            True for _ in ds.quads((ev, RDF.type, None, None))
        ):
            problems.append(_problem(data, ev, g, "has selectors but no rdf:type"))
    # evidence typed only as csto:Evidence gets oa:SpecificResource by inference; check those too
    for ev, _, _, g in ds.quads((None, RDF.type, CSTO.Evidence, None)):
        if (ev, RDF.type, OA.SpecificResource) not in ds:
            problems += _check_one(data, ev, g, seed_of)
    return problems


def _problem(data: LoadedData, ev, g, message: str, needle: str | None = None) -> QuoteProblem:
    gid = g.identifier if hasattr(g, "identifier") else g
    path = data.files.get(gid)
    local = str(ev).rsplit("/", 1)[-1]
    line = line_of(path, [needle] if needle else [f"ev:{local} ", f"<{ev}>"]) if path else None
    return QuoteProblem(ev, path, line, message)


def _check_one(data: LoadedData, ev: URIRef, g, seed_of: Callable[[URIRef], seeds.Seed | None]) -> list[QuoteProblem]:
    ds = data.dataset
    source = next(ds.objects(ev, OA.hasSource), None)
    if source is None:
        return [_problem(data, ev, g, "no oa:hasSource")]
    seed = seed_of(source)
    if seed is None:
        return [_problem(data, ev, g, f"oa:hasSource <{source}> is not a seed document in seeds/")]
    exact = start = end = prefix = suffix = None
    for sel in ds.objects(ev, OA.hasSelector):
        types = set(ds.objects(sel, RDF.type))
        if OA.TextQuoteSelector in types:
            exact = next(ds.objects(sel, OA.exact), None)
            prefix = next(ds.objects(sel, OA.prefix), None)
            suffix = next(ds.objects(sel, OA.suffix), None)
        if OA.TextPositionSelector in types:
            start = next(ds.objects(sel, OA.start), None)
            end = next(ds.objects(sel, OA.end), None)
    if exact is None:
        return [_problem(data, ev, g, "no oa:TextQuoteSelector with oa:exact")]
    if start is None or end is None:
        return [_problem(data, ev, g, "no oa:TextPositionSelector with oa:start and oa:end")]
    if not (isinstance(start, Literal) and isinstance(end, Literal)):
        return [_problem(data, ev, g, "oa:start/oa:end are not literals")]
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        return [_problem(data, ev, g, f"oa:start {start!s} / oa:end {end!s} are not integers")]
    quote = str(exact)
    actual = seed.text[s:e] if 0 <= s <= e <= len(seed.text) else None
    if actual == quote:
        why = _context_problem(seed, quote, s, e, prefix, suffix) or _cut_word_problem(seed, s, e)
        return [_problem(data, ev, g, why)] if why else []
    found = seed.text.find(quote)
    if found >= 0:
        return [
            _problem(
                data,
                ev,
                g,
                f"the quote is verbatim in {seed.filename}, but at [{found}, "
                f"{found + len(quote)}), not at [{s}, {e}){_miscounted(seed.text, found, found + len(quote), s, e)}: "
                f"set oa:start {found} ; oa:end {found + len(quote)}",
            )
        ]
    try:
        _, _, verbatim = seeds.locate(seed, quote)  # where the quote is, loosely (spaces, quotes, dashes)
    except seeds.LocateError:
        verbatim = None
    seed_text = verbatim if verbatim is not None else actual
    where = f"at [{s}, {e})" if actual is not None else f"(out of range: the seed has {len(seed.text)} code points)"
    shown = seeds.turtle_string(seed_text) if seed_text is not None else "nothing there"
    detail = f"; {first_difference(quote, seed_text)}" if seed_text is not None else ""
    fix = (
        "copy the seed's text (csto-kg cite prints it)"
        if verbatim is not None
        else "the quote does not occur in the seed: quote it verbatim with csto-kg cite"
    )
    return [
        _problem(
            data,
            ev,
            g,
            f"quote is not verbatim in {seed.filename}: the quote is {seeds.turtle_string(quote)}; "
            f"the seed {where} has {shown}{detail}. Fix: {fix}",
        )
    ]


def _occurrences(text: str, quote: str) -> list[int]:
    """Where ``quote`` starts in ``text``, overlapping occurrences included ("aa" in "aaa": 0 and 1)."""
    out: list[int] = []
    at = text.find(quote) if quote else -1
    while at != -1:
        out.append(at)
        at = text.find(quote, at + 1)
    return out


def _same_kind(a: str, b: str) -> bool:
    return (a.isalpha() and b.isalpha()) or (a.isdigit() and b.isdigit())


def cuts_a_word(text: str, s: int, e: int) -> tuple[bool, bool]:
    """Whether the span [s, e) of ``text`` begins / ends inside a word or a number: a letter on both sides of the
    cut, or a digit on both ("…organizatio|n", "3|0%"). Passages and the words copied from them are whole words
    (a letter next to a digit, as in the seed's "18 views0 comments", is a boundary)."""
    starts = 0 < s < len(text) and s < e and _same_kind(text[s - 1], text[s])
    ends = 0 < e < len(text) and s < e and _same_kind(text[e - 1], text[e])
    return starts, ends


def _cut_word_problem(seed: seeds.Seed, s: int, e: int) -> str | None:
    starts, ends = cuts_a_word(seed.text, s, e)
    if not (starts or ends):
        return None
    text, lo, hi = seed.text, s, e
    while starts and lo > 0 and _same_kind(text[lo - 1], text[lo]):
        lo -= 1
    while ends and hi < len(text) and _same_kind(text[hi - 1], text[hi]):
        hi += 1
    where = " and ".join(w for w, cut in (("begins", starts), ("ends", ends)) if cut)
    return (f"the passage [{s}, {e}) {where} inside a word of {seed.filename} "
            f"({seeds.turtle_string(text[lo:s] + '[' + text[s:min(e, s + 24)])} … "
            f"{seeds.turtle_string(text[max(s, e - 24):e] + ']' + text[e:hi])}): a quote is whole words, or it "
            f"says what the seed does not. Fix: oa:start {lo} ; oa:end {hi} and the quote that spans them")  # fmt: skip


def _context_problem(seed: seeds.Seed, quote: str, s: int, e: int, prefix, suffix) -> str | None:
    """Why the quote selector does not single out the occurrence at [s, e), or None. A quote that occurs more than
    once in its seed is disambiguated the Web Annotation way, by the text just before it (oa:prefix) and/or just
    after it (oa:suffix) on its oa:TextQuoteSelector: without them the quote selects any of its occurrences, and an
    offset moved to another one (a name in a signature and again in a bio) is verbatim too. A prefix or suffix given
    is the seed's text next to the quote, and prefix + exact + suffix occurs in the seed once."""
    text = seed.text
    occurrences = _occurrences(text, quote)
    before, after = (str(prefix) if prefix is not None else ""), (str(suffix) if suffix is not None else "")
    if prefix is not None and text[max(0, s - len(before)) : s] != before:
        return (f"the quote's oa:prefix {seeds.turtle_string(before)} is not the text just before it at [{s}, {e}), "
                f"which is {seeds.turtle_string(text[max(0, s - len(before)) : s])}. Fix: the prefix the seed has "
                "there, or the offsets of the occurrence the prefix names")  # fmt: skip
    if suffix is not None and text[e : e + len(after)] != after:
        return (f"the quote's oa:suffix {seeds.turtle_string(after)} is not the text just after it at [{s}, {e}), "
                f"which is {seeds.turtle_string(text[e : e + len(after)])}. Fix: the suffix the seed has there, or "
                "the offsets of the occurrence the suffix names")  # fmt: skip
    if len(occurrences) < 2:
        return None
    whole = before + quote + after
    matches = sum(1 for i in range(len(text)) if text.startswith(whole, i))
    at = ", ".join(f"[{i}, {i + len(quote)})" for i in occurrences)
    if prefix is None and suffix is None:
        return (f"the quote occurs {len(occurrences)} times in {seed.filename} (at {at}) and its "
                "oa:TextQuoteSelector says which is meant by nothing but the offsets: a repeated quote carries "
                "oa:prefix and/or oa:suffix, the seed's text just before / after the one selected. Fix: add them "
                f"for [{s}, {e}) (csto-kg cite prints them), e.g. oa:prefix "
                f"{seeds.turtle_string(text[max(0, s - 32) : s])} ; oa:suffix {seeds.turtle_string(text[e : e + 32])}")  # fmt: skip
    if matches > 1:
        return (f"the quote occurs {len(occurrences)} times in {seed.filename} (at {at}), and with its oa:prefix / "
                f"oa:suffix still {matches} times: they do not single out one. Fix: a longer prefix or suffix")  # fmt: skip
    return None


def first_difference(quote: str, seed_text: str) -> str:
    """Where two texts first differ, by code point, named (``U+00A0 NO-BREAK SPACE``)."""
    for k, (a, b) in enumerate(zip(quote, seed_text, strict=False)):
        if a != b:
            return f"first difference at code point {k} of the quote: the seed has {_name(b)}, the quote {_name(a)}"
    shorter, longer = ("quote", seed_text) if len(quote) < len(seed_text) else ("seed's text", quote)
    k = min(len(quote), len(seed_text))
    return (
        f"the {shorter} ends at code point {k}, where the other has {_name(longer[k])}"
        if k < len(longer)
        else "they are equal"
    )


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}"


def main() -> int:
    from .loader import load

    problems = check_quotes(load())
    for p in problems:
        print(p)
    print(f"{len(problems)} quote problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
