"""Curator aid: turn a quote into a verbatim evidence node with its offsets.

``csto-kg cite 001 "some 2,500 troops" --id 001-kz-force-size`` prints the
Turtle for an ``oa:SpecificResource`` whose quote is the seed's own text (curly
quotes and no-break spaces included, the latter written ``\\u00A0``) and whose
``oa:start``/``oa:end`` are code-point offsets in the seed.
"""

from __future__ import annotations

import re

from . import paths, seeds

__all__ = ["resolve_seed_id", "evidence_turtle", "quote_context"]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def resolve_seed_id(prefix: str) -> str:
    """Accept a seed's id, file name, or its leading number (``001``)."""
    prefix = prefix.removesuffix(".txt")
    known = seeds.seed_ids()
    matches = [s for s in known if s == prefix or s.startswith(prefix + "_") or s.startswith(prefix)]
    if not matches:
        raise seeds.LocateError(f"no seed document {prefix!r} in seeds/ (its seeds: {', '.join(known)})")
    if len(matches) > 1:
        raise seeds.LocateError(f"{prefix!r} names {len(matches)} seed documents ({', '.join(matches)}): say which")
    return matches[0]


def _check_slug(slug: str) -> None:
    """The evidence node's name is a slug as every ``ev:`` name of kg/ is, and names no evidence node already."""
    if not _SLUG.fullmatch(slug):
        raise seeds.LocateError(
            f"--id {slug!r} is not a slug: lower-case letters and digits, in words joined by hyphens, as every "
            "evidence node's name is (e.g. 001-kz-force-size)"
        )
    for path in sorted((paths.root() / "kg").glob("*.trig")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(f"ev:{slug} "):
                raise seeds.LocateError(
                    f"ev:{slug} is already an evidence node (kg/{path.name}:{n}): choose another --id"
                )


def evidence_turtle(seed_prefix: str, quote: str, slug: str, occurrence: int | None = None) -> str:
    _check_slug(slug)
    seed = seeds.load_seed(resolve_seed_id(seed_prefix))
    start, end, exact = seeds.locate(seed, quote, occurrence)
    return (
        f"ev:{slug} a csto:Evidence ;\n"
        f"    oa:hasSource src:{seed.id} ;\n"
        f"    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact {seeds.turtle_string(exact)}"
        f"{quote_context(seed.text, exact, start, end)} ] ,\n"
        f"        [ a oa:TextPositionSelector ; oa:start {start} ; oa:end {end} ] .\n"
    )


def quote_context(text: str, exact: str, start: int, end: int) -> str:
    """`` ; oa:prefix "..." ; oa:suffix "..."`` for a quote that occurs more than once in its seed (the Web
    Annotation way of saying which occurrence is meant; csto-kg validate requires it), else nothing: the text just
    before and after the one at [start, end), as long as it takes (up to 32 code points) for prefix + exact +
    suffix to occur once, each with a word in it (not only white space) where the seed has one."""
    if text.count(exact) < 2:
        return ""
    for n in range(1, 33):
        prefix, suffix = text[max(0, start - n) : start], text[end : end + n]
        worded = (prefix.strip() or start - n <= 0) and (suffix.strip() or end + n >= len(text))
        if worded and text.count(prefix + exact + suffix) == 1:
            break
    parts = [f"oa:{name} {seeds.turtle_string(value)}" for name, value in (("prefix", prefix), ("suffix", suffix))
             if value]  # fmt: skip
    return "".join(f" ; {part}" for part in parts)
