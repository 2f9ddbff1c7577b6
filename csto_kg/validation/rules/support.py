"""Validation rules about which passage supports which value (Python: per file, text checks).

Three rules, reported in the same validation report as the SHACL shapes (each
result an ``sh:ValidationResult`` with ``sh:sourceShape`` the rule's IRI):

- ``shape:SupportDeclaredRule``: in a file where a fact has more than one
  evidence node, every property the fact uses there (but ``rdf:type``,
  ``rdfs:label``, ``rdfs:comment``, ``skos:note``, ``csto:curatorNote``,
  ``prov:wasDerivedFrom``) is named by the ``csto:supportsProperty`` of one of
  those evidence nodes. Without it no one can tell which passage says what
  (the build's ``graph:support`` then attaches every passage to the value).
  A ``csto:DateEstimate`` (a publication date) rests on all its clues together
  and needs no declaration.
- ``shape:DateBasisRule``: a date (``csto:date``, ``csto:startDate`` ...) whose
  year appears in none of the passages supporting it in its file comes from
  context ("this year", the summit's date, the article's date): the fact says
  how in ``csto:dateBasis``, in the same file. A year from context is one
  the passages or basis name (or the year after or before it, where they say
  so: "the following year"), or, where they read it from the text's present
  ("this year") or name no year, the publication year of the source it is
  relative to (or the year before); "last <Month>"
  resolves to the latest such month before the source's first possible day. A month or day the basis gives only as
  a bound ("on or after 16 May", "between 23 November and 31 December") is not the date's. A basis (or a
  ``csto:dateRelativeTo``) on a node its file gives no date says why there is none ("no csto:date"); and a date to
  the month whose passages name that month only with other years ("the February 2022 invasion") is in one of them.
  A month or day only the basis writes is the date of a node it names by IRI or of the fact's occasion (a month:
  also of a linked node, of the source's publication, or of a quotation in the basis the seed writes), unless the
  basis reasons it out by an offset ("three days after the request") or writes the date itself in ISO form (the
  curator's stated reading, not a month or day of the seed's prose): a basis
  quoting another act's sentence ("on 6 January, the same day Tokayev called") passed (round 34; the two curated
  bases that named their anchor in words alone now name its IRI).

- ``shape:SupportedPropertyIsUsed``: a property an evidence node names in
  ``csto:supportsProperty`` is one that a fact derived from it uses in the same
  file: a property typed wrong there, or left over after an edit, would
  otherwise attach that passage to nothing.

All three work per named graph (one curated file each), as the house rule "each
file carries its own evidence" asks.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ... import derive
from ...loader import holds
from ...namespaces import CSTO, GRAPH, OA, PREFIXES, SH, SHAPE, TIME, curie, shown, source_iri
from ...support import FileFacts
from ..locate import file_lines
from . import Context, Rule

__all__ = ["RULES", "DATE_PROPERTIES"]

# The dates curators write on facts (derive's list, less OWL-Time's instant properties the build derives).
DATE_PROPERTIES = tuple(p for p in derive.DATE_PROPERTIES if str(p).startswith(str(CSTO)))
_DATE_SET = frozenset(DATE_PROPERTIES)
_EXCERPT = 90

Result = Callable[..., object]  # the validator's locator: result(severity=, shape=, message=, focus=, ...)


def _facts(ctx: Context):
    """(graph, its facts, file, fact) for every fact of every curated file, files and facts in IRI order."""
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        g = ctx.data.dataset.graph(gid)
        for fact in sorted(facts.values, key=str):
            yield g, facts, ctx.data.files[gid], fact


def _undeclared(g: Graph, facts: FileFacts, path: Path, fact: Node, result: Result) -> list:
    evidence = facts.evidence[fact]
    if len(evidence) < 2 or facts.is_a(fact, CSTO.DateEstimate):  # an estimate rests on all its clues
        return []
    out = []
    for prop in sorted({p for p, _ in facts.values[fact] if not facts.exempt(fact, p)}, key=str):
        _, declared = facts.supporting(fact, prop)
        if declared:
            continue
        choices = "; ".join(f'{_short(ev)} "{_excerpt(_quote(g, ev))}"' for ev in evidence)
        out.append(
            result(
                severity=SH.Violation,
                shape=SHAPE.SupportDeclaredRule,
                focus=fact,
                path=prop,
                graph=facts.graph,
                message=f"{_short(fact)} ({_where(path, fact)}) has {len(evidence)} evidence passages in this file "
                f'and none says it supports {_short(prop)}: add "csto:supportsProperty {_short(prop)}" to '
                f"the evidence whose passage states it, one of: {choices}",
            )
        )
    return out


def _dates_of(values: list[tuple[Node, Node]]) -> dict[Node, list[Node]]:
    """A fact's values of each date property, in their order (one pass, not one per date property: the rules ask
    it of ~50 k facts at 1e5, and each comparison of two properties is rdflib's ``__eq__``)."""
    out: dict[Node, list[Node]] = {}
    for p, o in values:
        if p in _DATE_SET:
            out.setdefault(p, []).append(o)
    return out


# a basis that gives a date only as a bound ("on or after 16 May", "between 23 November and 31 December 2022") does
# not state that day or month: the date is somewhere past it, not it
_BOUND = re.compile(
    r"\b(?:on or (?:after|before)|no (?:earlier|later) than|not (?:before|after)|between)\s[^,;:()]*", re.I
)
_DAY_OR_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])|\b\d{1,2}(?:st|nd|rd|th)?\b", re.I
)


def _without_bounds(basis: str) -> str:
    """``basis`` with the days and months it gives only as bounds of a date left out (its years kept)."""
    return _BOUND.sub(lambda m: _DAY_OR_MONTH.sub(" ", m.group(0)), basis)


def _dates_without_basis(g: Graph, facts: FileFacts, path: Path, fact: Node, result: Result) -> list:
    values = facts.values[fact]
    written = " ".join(str(o) for p, o in values if p == CSTO.dateBasis)
    basis = _without_bounds(written)
    out = []
    dates = _dates_of(values)
    for prop in DATE_PROPERTIES:
        for value in sorted(dates.get(prop, ()), key=str):
            if not isinstance(value, Literal):
                continue
            evidence, _ = facts.supporting(fact, prop)
            text = " ".join([basis] + [_quote(g, ev) for ev in evidence])
            missing = unstated_part(str(value), text, year_from_context=bool(basis))
            if missing is None:
                continue
            passages = ", ".join(_short(ev) for ev in evidence) or "none"
            bound = basis != written and unstated_part(str(value), f"{written} {text}", bool(basis)) is None
            out.append(
                result(
                    severity=SH.Violation,
                    shape=SHAPE.DateBasisRule,
                    focus=fact,
                    value=value,
                    path=prop,
                    graph=facts.graph,
                    message=f'{_short(fact)} ({_where(path, fact)}) has {_short(prop)} "{value}" but {missing} is '
                    + (
                        f"in none of its passages ({passages}) nor in its csto:dateBasis"
                        + (
                            ' but as a bound of the date ("on or after 16 May" says it is not before that day, not that it is that day)'
                            if bound
                            else ""
                        )
                        + ": write the date the passage gives, at its precision, or say in the basis how this one "
                        "follows from it"
                        if basis
                        else f"in none of its passages ({passages}): if the source says so, the date comes from "
                        "context, so say how in csto:dateBasis (the source's words and the reasoning) and "
                        "csto:dateRelativeTo the source whose date anchors it, on this node in this file; if not, "
                        "write the date the passage gives, at its precision"
                    ),
                )
            )
    return out


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_SPACE = r"[\s\u00a0]*"


def _transposed(word: str, name: str) -> bool:
    """``word`` is ``name`` with two adjacent letters swapped: a source's typo ("Janaury") still names the month."""
    if len(word) != len(name) or word == name:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
    return (
        len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == name[diff[1]] and word[diff[1]] == name[diff[0]]
    )


# The patterns are per date and spelling (thousands at 1e5): past ``re``'s own cache of 512 each was compiled again
# on every use (1e5: ~4,800 compilations a validation).
_rx = functools.lru_cache(maxsize=8192)(re.compile)


def unstated_part(value: str, text: str, year_from_context: bool = False) -> str | None:
    """Which part of the date ``value`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) ``text`` does not state, or None.

    The year as digits; the month by its English name or abbreviation ("November", "Nov."; a source's transposed letters, "Janaury", too), the day as a
    number beside the month ("6 January", "January 6th", "22 of November"); or the whole date in digits
    ("06.01.2022", "2022-01-06"). With ``year_from_context`` (a ``csto:dateBasis`` reasons it out: "the
    following year") the year need not be written; the month and day still must. Returns e.g. "the year 2022", "the month (January)", "the day (6)".
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if year not in text and not year_from_context:
        return f"the year {year}"
    if month is None:
        return None
    t = text.lower()
    mo, d = int(month), int(day) if day else None
    digits = (
        rf"\b0?{d}[./]0?{mo}[./]{year}\b|\b{year}-{month}-{day}\b" if d else rf"\b0?{mo}[./]{year}\b|\b{year}-{month}\b"
    )
    # Each date is a pattern of its own (at 1e5 thousands, compiled at ~0.2 ms each): compiled only where the text
    # holds what any match must contain (the month before the year, or the ISO form), which few passages do.
    written = f"{year}-{month}-{day}" if d else f"{year}-{month}"
    if (written in t or f"{mo}.{year}" in t or f"{mo}/{year}" in t) and _rx(digits).search(t):
        return None
    name = _MONTHS[mo - 1]
    spellings = sorted({w for w in re.findall(r"[a-z]+", t) if w in (name, name[:3]) or _transposed(w, name)})
    if not spellings:
        return f"the month ({name.capitalize()})"
    month_word = rf"\b(?:{'|'.join(spellings)})\.?(?![a-z])"
    if d is None:
        return None
    day_word = rf"\b0?{d}(?:st|nd|rd|th)?\b"
    if _rx(rf"{day_word}{_SPACE}(?:of{_SPACE})?{month_word}|{month_word}{_SPACE}{day_word}").search(t):
        return None
    return f"the day ({d} {name.capitalize()})"


def _quote(g: Graph, evidence: Node) -> str:
    return " ".join(str(q) for sel in g.objects(evidence, OA.hasSelector) for q in g.objects(sel, OA.exact))


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _short(node: Node) -> str:
    return curie(str(node)) or f"<{node}>"


def _where(path: Path, fact: Node) -> str:
    spellings = [f"<{fact}>"] + [
        f"{p}:{str(fact)[len(ns) :]}" for p, ns in PREFIXES.items() if str(fact).startswith(ns)
    ]
    line = _line_of(path, [f"{s} a " for s in spellings]) or _line_of(path, [f"{s} " for s in spellings])
    where = f"{path.parent.name}/{path.name}"
    return f"{where}:{line}" if line else where


def _line_of(path: Path, needles: list[str]) -> int | None:
    """The first line of ``path`` holding any of ``needles`` as written (1-based; the file is read once per build;
    :func:`csto_kg.loader.holds`)."""
    return next((n for n, line in enumerate(file_lines(path), 1) if any(holds(line, x) for x in needles)), None)


def _declared(ctx: Context) -> list:
    return [r for args in _facts(ctx) for r in _undeclared(*args, ctx.locator.result)]


# where a fact's occasion is, whose date its own may be read from: the meeting a stance was expressed in, a
# document's summit, the conflict it was said in the course of
_OCCASIONS = (CSTO.expressedIn, CSTO.context, CSTO.producedAt, CSTO.sidelineOf, CSTO.decidedAt)
_NAMED_IN_BASIS = re.compile(r"(?<![\w:/-]):([a-z0-9][a-z0-9-]*[a-z0-9])\b")
# a basis reasoning a date out of another by an offset ("three days after the request", "the day before")
_OFFSET = re.compile(r"\b(?:after|before|later|earlier|following|preceding|next|previous)\b", re.I)
_QUOTED_IN_BASIS = re.compile(r"'([^']{4,}?)'(?![a-z])")
_NODE_DATES = (*DATE_PROPERTIES, CSTO.notBefore, CSTO.notAfter, TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)


def _month_or_day_from_the_basis(ctx: Context, g: Graph, facts: FileFacts, path: Path, fact: Node) -> list:
    """A month or day a date takes from its csto:dateBasis, not its passages, is the one of a node the basis names
    (``:summit-2022-11-23-yerevan``) or the fact's occasion (csto:expressedIn, csto:context ... and theirs); a month
    may also be one of any node the fact links to, of its source's publication, or of a quotation in the basis that
    the seed writes. A basis that quotes another act's sentence ("the day Tokayev called for assistance") or writes a
    month of its own ("they left in October") passed: the date rules read the basis as if it were a passage."""
    values = facts.values[fact]
    basis = " ".join(str(o) for p, o in values if p == CSTO.dateBasis)
    if not basis:
        return []
    out = []
    for prop, dates in sorted(_dates_of(values).items(), key=lambda kv: str(kv[0])):
        for value in sorted(dates, key=str):
            lexical = str(value)
            if not isinstance(value, Literal) or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", lexical):
                continue
            evidence, _ = facts.supporting(fact, prop)
            missing = unstated_part(lexical, " ".join(_quote(g, ev) for ev in evidence), year_from_context=True)
            if missing is None or unstated_part(lexical, f"{basis} {' '.join(_quote(g, ev) for ev in evidence)}", True):
                continue  # the passages give it, or the basis does not either (shape:DateBasisRule says so)
            if lexical in basis or _OFFSET.search(basis) or _anchored(ctx, g, fact, lexical, basis, values):
                continue  # written as the date itself (ISO), reasoned by an offset ("three days after"), an anchor's
            out.append(ctx.locator.result(
                severity=SH.Violation, shape=SHAPE.DateBasisRule, focus=fact, value=value, path=prop,
                graph=facts.graph,
                message=f'{_short(fact)} ({_where(path, fact)}) has {_short(prop)} "{value}", {missing} of which '
                "only its csto:dateBasis writes, and it is the date of no node the basis names, nor of its occasion: a "
                "month or day from context is another fact's. Fix: name that node in the basis (its IRI), or the date "
                "the passage gives",
            ))  # fmt: skip
    return out


def _anchored(ctx: Context, g: Graph, fact: Node, lexical: str, basis: str, values) -> bool:
    """Whether the month or day of ``lexical`` is the date of a node the basis names or of the fact's occasion (and
    theirs); for a month, also of a node the fact links to, of its source's publication estimate, or of a quotation in
    the basis that the seed writes."""
    union = ctx.union
    found = {URIRef(PREFIXES[""] + name) for name in _NAMED_IN_BASIS.findall(basis)}
    found |= {o for q in _OCCASIONS for o in union.objects(fact, q)}
    found |= {o for a in list(found) for q in _OCCASIONS for o in union.objects(a, q)}
    if len(lexical) == 7:  # a month
        found |= {o for _, o in values if isinstance(o, URIRef) and str(o).startswith(PREFIXES[""])}
        sources = list(g.objects(fact, CSTO.dateRelativeTo)) or [source_iri(str(g.identifier)[len(str(GRAPH)) :])]
        found |= {pub for src in sources for pub in union.objects(src, CSTO.publicationDate)}
    if any(str(d).startswith(lexical) for n in found for p in _NODE_DATES for d in union.objects(n, p)):
        return True
    if len(lexical) == 7:
        seed = _seed_of(ctx, g)
        return any(
            q.rstrip(". ") in seed and unstated_part(lexical, q, True) is None for q in _QUOTED_IN_BASIS.findall(basis)
        )
    return False


def _seed_of(ctx: Context, g: Graph) -> str:
    """The text of the seed whose file ``g`` is (empty if it is not a seed's)."""
    name = str(g.identifier)[len(str(GRAPH)) :]
    path = ctx.seeds_dir / f"{name}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _date_basis(ctx: Context) -> list:
    out = []
    for g, facts, path, fact in _facts(ctx):
        out += _dates_without_basis(g, facts, path, fact, ctx.locator.result)
        out += _month_or_day_from_the_basis(ctx, g, facts, path, fact)
        out += _dates_from_context(ctx, g, facts, path, fact)
        out += _relative_without_its_anchor(ctx, g, facts, path, fact)
        out += _relative_year_resolved(ctx, g, facts, path, fact)
        out += _basis_without_a_date(ctx, facts, path, fact)
        out += _month_of_another_year(ctx, g, facts, path, fact)
    return out


# a basis that says a fact has no date ("the seed gives no date: no csto:date", "no csto:attestedOn"): in so many
# words, since a basis that dates a fact also says what its passage does not give ("The text does not date the
# statement; dated to the anniversary summit", "the seed gives no day"), and left behind when its date was
# deleted it would read as a reason for none
_NO_DATE = re.compile(r"\bno csto:\w+")


def _basis_without_a_date(ctx: Context, facts: FileFacts, path: Path, fact: Node) -> list:
    """A fact given a csto:dateBasis or csto:dateRelativeTo in a file that gives it no date: the basis explains a
    date that is not there (deleted, or written on the wrong node), unless it says why there is none ("no
    csto:date")."""
    values = facts.values[fact]
    if any(p in _DATE_SET for p, _ in values):
        return []
    bases = [(p, o) for p, o in values if p in (CSTO.dateBasis, CSTO.dateRelativeTo)]
    if not bases or any(p == CSTO.dateBasis and _NO_DATE.search(str(o)) for p, o in bases):
        return []
    prop, value = min(bases, key=lambda b: (b[0] != CSTO.dateBasis, str(b[1])))
    return [
        ctx.locator.result(
            severity=SH.Violation,
            shape=SHAPE.DateBasisRule,
            focus=fact,
            value=value,
            path=prop,
            graph=facts.graph,
            message=f"{_short(fact)} ({_where(path, fact)}) has {_short(prop)} but no date in this file: the basis "
            "explains a date that is not there. Fix: the date the basis gives (csto:date, csto:startDate ...), or a "
            "basis that says why there is none ('the seed gives no date: no csto:date')",
        )
    ]


def _month_of_another_year(ctx: Context, g: Graph, facts: FileFacts, path: Path, fact: Node) -> list:
    """A date to the month whose passages in this file name that month only with other years ("the February 2022
    invasion" for 2021-02): the passage states the year, and no basis reasons it away."""
    out = []
    text = None
    for prop, value, year in _dated_values(facts, fact):
        if len(str(value)) < 7:
            continue
        if text is None:
            text = " ".join(_quote(g, ev) for ev in facts.evidence.get(fact, []))
        month = _MONTHS[int(str(value)[5:7]) - 1].capitalize()
        said = set(re.findall(rf"\b{month},?{_SPACE}(?:\d{{1,2}},?{_SPACE})?((?:19|20)\d\d)\b", text))
        if said and str(year) not in said:
            problem = f"its passages say {month} {' or '.join(sorted(said))}. Fix: the year the passage gives"
            out.append(_basis_result(ctx, facts, path, fact, prop, value, problem))
    return out


def _dated_values(facts: FileFacts, fact: Node):
    """(property, value, year) of each date a fact has in this file, in a fixed order."""
    dates = _dates_of(facts.values[fact])
    for prop in DATE_PROPERTIES:
        for value in sorted(dates.get(prop, ()), key=str):
            m = re.fullmatch(r"(\d{4})(?:-\d\d)?(?:-\d\d)?", str(value)) if isinstance(value, Literal) else None
            if m is not None:
                yield prop, value, int(m.group(1))


def _basis_result(ctx: Context, facts: FileFacts, path: Path, fact: Node, prop: Node, value: Node, problem: str):
    return ctx.locator.result(
        severity=SH.Violation,
        shape=SHAPE.DateBasisRule,
        focus=fact,
        value=value,
        path=prop,
        graph=facts.graph,
        message=f'{_short(fact)} ({_where(path, fact)}) has {_short(prop)} "{value}", but {problem}',
    )


def _relative_without_its_anchor(ctx: Context, g: Graph, facts: FileFacts, path: Path, fact: Node) -> list:
    """A date reasoned out in csto:dateBasis whose year none of its passages writes is read relative to something
    (the seed's publication, another source's): the fact names that source, csto:dateRelativeTo, in this file, so
    the year can be checked against it. A year its passage writes ("Lebanon 1982"), or one its basis states without
    reading it from the present of a text ("this year", "today", "published in"), is an absolute basis and needs
    none."""
    values = facts.values[fact]
    basis = " ".join(str(o) for p, o in values if p == CSTO.dateBasis)
    if not basis or any(p == CSTO.dateRelativeTo for p, _ in values):
        return []
    for prop, value, year in _dated_values(facts, fact):
        evidence, _ = facts.supporting(fact, prop)
        if str(year) in " ".join(_quote(g, ev) for ev in evidence):
            continue  # the passage writes the year: an absolute basis
        if str(year) not in basis or _RELATIVE_CUE.search(basis):
            problem = (
                f"the year {year} is in none of its passages, so its csto:dateBasis reads it relative to a date, "
                "and the fact has no csto:dateRelativeTo naming the source whose date anchors it. Fix: add "
                f"csto:dateRelativeTo {_short(source_iri(str(facts.graph)[len(str(GRAPH)) :]))} (or the source the "
                "basis reads it from) on this node in this file"
            )
            return [_basis_result(ctx, facts, path, fact, prop, value, problem)]
    return []


# words of a basis that read a date from the present of a text (its publication), not from a year written down
_RELATIVE_CUE = re.compile(
    r"\b(?:(?:this|last|next|previous|following|coming)[\s\u00a0]+(?:year|month|week|weekend)|today|now|currently|"
    r"presently|present|recent|recently|ago|publication|published|written at|as of)\b",
    re.IGNORECASE,
)

# a year a basis reads from the source's own present: 'this year' is its publication year, 'last year' the one
# before, 'next year' the one after
_RELATIVE_YEAR = re.compile(r"\b(this|last|next)[\s\u00a0]+year\b", re.IGNORECASE)
_YEAR_OFFSET = {"this": 0, "last": -1, "next": 1}


def _relative_year_resolved(ctx: Context, g: Graph, facts: FileFacts, path: Path, fact: Node) -> list:
    """A csto:dateBasis that reads a date as 'this year', 'last year' or 'next year' (one of them, in the source's
    words) gives the source's publication year, the year before or the year after (read from the source the date is
    relative to, every year it can have been published in) to one of the fact's dates at least."""
    basis = " ".join(str(o) for p, o in facts.values[fact] if p == CSTO.dateBasis)
    said = {w.lower() for w in _RELATIVE_YEAR.findall(basis)}
    if len(said) != 1:
        return []
    first, last = _publication(ctx, g, fact)
    if first is None or last is None:
        return []
    word = said.pop()
    years = {y + _YEAR_OFFSET[word] for y in range(first.year, last.year + 1)}
    dated = list(_dated_values(facts, fact))
    if any(year in years for _, _, year in dated):
        return []  # the basis resolves one of the fact's dates (a stance's date and, 'last year', what it refers to)
    out = []
    for prop, value, year in dated:
        if year not in years:
            problem = (
                f"its csto:dateBasis reads it as '{word} year', which, in a source published from "
                f"{first.isoformat()} to {last.isoformat()}, is {' or '.join(map(str, sorted(years)))}. Fix: that "
                "year, or a basis that says how this one follows"
            )
            out.append(_basis_result(ctx, facts, path, fact, prop, value, problem))
    return out


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# words that read a year as the one after (or before) a year named beside them: "the following year", "a year later"
_YEAR_AFTER = re.compile(r"\b(?:following|next|subsequent)[\s\u00a0]+year\b|\byears?[\s\u00a0]+(?:after|later)\b", re.I)
_YEAR_BEFORE = re.compile(
    r"\b(?:previous|preceding|prior|last)[\s\u00a0]+year\b|\byears?[\s\u00a0]+(?:before|earlier)\b", re.I
)
_LAST_MONTH = re.compile(r"\blast[\s\u00a0]+(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)


def _publication(ctx: Context, g: Graph, fact: Node) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the source a fact's relative date is read from (its csto:dateRelativeTo, else the
    file's own source) can have been published."""
    sources = list(g.objects(fact, CSTO.dateRelativeTo)) or [source_iri(str(g.identifier)[len(str(GRAPH)) :])]
    for src in sources:
        pub = ctx.union.value(src, CSTO.publicationDate)
        if pub is None:
            continue
        lo, hi = (ctx.union.value(pub, p) for p in (CSTO.notBefore, CSTO.notAfter))
        try:
            return (
                dt.date.fromisoformat(str(lo)) if lo is not None else None,
                dt.date.fromisoformat(str(hi)) if hi is not None else None,
            )
        except ValueError:
            return None, None
    return None, None


def _dates_from_context(ctx: Context, g: Graph, facts: FileFacts, path: Path, fact: Node) -> list:
    """A year read from context is one its passages or basis reason it from: a year they name, the year after it
    where they say so ("the following year", "a year later") or the year before ("the previous year"), or, where
    they read it from the text's present ("this year", "recently", "published") or name no year, the publication
    year of the source it is relative to, or the year before ("last year"); and "last <Month>" in its passages is
    the latest such month before the source was published (read from the first day it can have been: "last
    November" in a text of November 2023 is November 2022)."""
    values = facts.values[fact]
    basis = " ".join(str(o) for p, o in values if p == CSTO.dateBasis)
    out = []
    dates = _dates_of(values)
    for prop in DATE_PROPERTIES:
        for value in sorted(dates.get(prop, ()), key=str):
            m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-\d\d)?", str(value)) if isinstance(value, Literal) else None
            if m is None:
                continue
            year, month = int(m.group(1)), m.group(2)
            evidence, _ = facts.supporting(fact, prop)
            passages = " ".join(_quote(g, ev) for ev in evidence)
            first, last = _publication(ctx, g, fact)
            problem = None
            named = {int(y) for y in _YEAR.findall(passages + " " + basis)}
            if basis and str(year) not in passages + " " + basis:
                context = passages + " " + basis
                # the publication year (or the one before) where they read the date from the text's present, or
                # name no year to read it from
                relative = first is not None and (not named or _RELATIVE_CUE.search(context))
                published = set(range(first.year - 1, (last or first).year + 1)) if relative else set()
                near = {y + 1 for y in named if _YEAR_AFTER.search(context)}
                near |= {y - 1 for y in named if _YEAR_BEFORE.search(context)}
                if (named or published) and year not in named | near and year not in published:
                    if last is None and first is not None and year >= first.year - 1:
                        pass  # published at some unknown time after its first possible day: any later year may be it
                    else:
                        problem = (
                            f"the year {year} is in none of its passages nor its csto:dateBasis, and is neither a year "
                            f"they name ({', '.join(map(str, sorted(named))) or 'none'}) nor the year after or before "
                            "one that they say follows or precedes ('the following year', 'a year earlier'), nor the "
                            "source's publication year or the year before it where they read it from the text's "
                            "present ('this year', 'recently') or name no year. Fix: the year the passage or its basis gives"
                        )
            if problem is None and month is not None and first is not None:
                for said in _LAST_MONTH.findall(passages):
                    n = _MONTHS.index(said.lower()) + 1
                    if n != int(month):
                        continue
                    resolved = first.year if n < first.month else first.year - 1
                    if year != resolved:
                        problem = (
                            f'its passage says "last {said}", which, in a source published from {first.isoformat()}, '
                            f"is {said.capitalize()} {resolved}, not {year}. Fix: {resolved}-{month}; if the seed "
                            "elsewhere gives another year, record that reading on its own node (csto:disagreesWith)"
                        )
            if problem:
                out.append(_basis_result(ctx, facts, path, fact, prop, value, problem))
    return out


# A day a passage says something happened on: "on 6 January", "held on May 16", "On May 15, 1992" (not a
# document's "Dated November 22", which dates the document, nor a range "5-7 May").
_DAY_MONTH = re.compile(
    r"\bon[\s\u00a0]+(?:the[\s\u00a0]+)?(?:(\d{1,2})(?:st|nd|rd|th)?[\s\u00a0]+(?:of[\s\u00a0]+)?(%(m)s)|(%(m)s)[\s\u00a0]+(\d{1,2})(?:st|nd|rd|th)?)\b"
    r"(?![\s\u00a0]*[-\u2013]\s*\d)(?:,?[\s\u00a0]+(1[89]\d\d|20\d\d)\b)?" % {"m": "|".join(_MONTHS)},
    re.IGNORECASE,
)


def _days_named(text: str) -> list[tuple[int, int, int | None]]:
    """(month, day, year or None) of each day a text says something happened on ("on 6 January", "on May 15, 1992")."""
    out = []
    for m in _DAY_MONTH.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(day) <= 31:
            out.append((_MONTHS.index(month.lower()) + 1, int(day), int(m.group(5)) if m.group(5) else None))
    return out


def _ymd(value: Node, year: int, month: int) -> bool:
    """``value`` is a day (xsd:date) of ``year``-``month``: another of the fact's dates accounts for that day."""
    return isinstance(value, Literal) and re.fullmatch(rf"{year}-{month:02d}-\d\d", str(value)) is not None


def _coarser_than_its_passage(ctx: Context) -> list:
    """A date is written at the precision its own passage gives (house rule 4): a month (xsd:gYearMonth) where the
    passages supporting it say it happened on one day of that month ("on 6 January", "held on May 16") drops
    the day the seed gives. A year is not checked: a passage's full date may be another event's (003 dates the
    treaty's signature "On May 15, 1992" and its reading of the founding only to 1992). A day another date of the
    fact gives (a deployment's csto:startDate "on 6 January", its csto:endDate that January) is accounted for; a
    month read on purpose from a passage naming another event's day is cited by a passage that gives the month."""
    out = []
    for g, facts, path, fact in _facts(ctx):
        dates = _dates_of(facts.values[fact])
        for prop in DATE_PROPERTIES:
            for value in sorted(dates.get(prop, ()), key=str):
                m = re.fullmatch(r"(\d{4})-(\d\d)", str(value)) if isinstance(value, Literal) else None
                if m is None:
                    continue
                year, month = int(m.group(1)), int(m.group(2))
                evidence, _ = facts.supporting(fact, prop)
                passages = " ".join(_quote(g, ev) for ev in evidence)
                days = {d for mo, d, y in _days_named(passages) if mo == month and y in (None, year)}
                days -= {
                    int(str(o)[8:]) for p, o in facts.values[fact] if p in DATE_PROPERTIES and _ymd(o, year, month)
                }
                if len(days) != 1:
                    continue  # no day of that month, or several: the passage does not give this value's day
                day = days.pop()
                out.append(
                    ctx.locator.result(
                        severity=SH.Violation,
                        shape=SHAPE.DateAsPreciseAsItsPassage,
                        focus=fact,
                        value=value,
                        path=prop,
                        graph=facts.graph,
                        message=f'{_short(fact)} ({_where(path, fact)}) has {_short(prop)} "{value}", only a month, '
                        f"but its passage ({', '.join(_short(ev) for ev in evidence)}) gives the day, {day} "
                        f"{_MONTHS[month - 1].capitalize()}: a date is written at the precision the seed gives. Fix: "
                        f'"{year}-{month:02d}-{day:02d}"^^xsd:date (with csto:dateBasis if the year comes from '
                        "context), or, if that day is another event's, a passage that gives only the month",
                    )
                )
    return out


def _supported_but_unused(ctx: Context) -> list:
    out = []
    for gid, facts in sorted(ctx.file_facts.items(), key=lambda kv: str(kv[0])):
        derived: dict[Node, set[Node]] = {}  # evidence -> the properties its facts use in this file
        for fact, evidence in facts.evidence.items():
            used = {p for p, _ in facts.values.get(fact, ())}
            for ev in evidence:
                derived.setdefault(ev, set()).update(used)
        for ev, props in sorted(facts.supports.items(), key=lambda kv: str(kv[0])):
            for prop in sorted(props - derived.get(ev, set()), key=str):
                users = "no fact" if ev not in derived else "none of the facts derived from it here"
                out.append(
                    ctx.locator.statement_result(
                        shape=SHAPE.SupportedPropertyIsUsed,
                        message=f"csto:supportsProperty names {shown(prop)}, which {users} uses. Fix: the "
                        "property the passage supports, as the fact writes it (or remove it)",
                        s=ev,
                        p=CSTO.supportsProperty,
                        o=prop,
                        graph=gid,
                    )
                )
    return out


RULES = [
    Rule(
        SHAPE.SupportDeclaredRule,
        "each value's passage is declared",
        "In a file where a fact has more than one evidence node, every property the fact uses there (but "
        "rdf:type, rdfs:label, rdfs:comment, skos:note, csto:curatorNote and prov:wasDerivedFrom) is named by "
        "the csto:supportsProperty of one of those evidence nodes, so each value has its own passage.",
        _declared,
    ),
    Rule(
        SHAPE.DateBasisRule,
        "a date from context has its basis",
        "A date (csto:date, csto:startDate, csto:endDate, csto:attestedOn, csto:electedOn, csto:dateSigned, "
        "csto:datePublished) whose year appears in none of the passages supporting it in its file carries "
        "csto:dateBasis (the words and reasoning) in that file; a year from context is one its passages or basis "
        "name, the year either side of one, or the publication year of the source it is relative to or the year "
        'before; and a month its passages call "last <Month>" is the latest such month before the source\'s first '
        "possible publication day. A csto:dateBasis or csto:dateRelativeTo on a node its file gives no date says "
        "why there is none ('no csto:date'); a date to the month whose passages name that month only with other years "
        "('the February 2022 invasion') is in one of them. A month or day only the basis writes is the date of a "
        "node it names (its IRI) or of the fact's occasion (csto:expressedIn, csto:context ...); a month may also be "
        "one of a node the fact links to, of its source's publication, or of a quotation in the basis the seed writes "
        "(unless the basis reasons it out by an offset, 'three days after the request', or writes the date itself in ISO "
        "form).",
        _date_basis,
    ),
    Rule(
        SHAPE.DateAsPreciseAsItsPassage,
        "a date is as precise as its passage",
        "A date (csto:date, csto:startDate, csto:endDate, csto:attestedOn, csto:electedOn, csto:dateSigned, "
        "csto:datePublished) written as a month (xsd:gYearMonth) where the passages supporting it name one day of "
        "that month drops the day the seed gives (house rule 4: dates at the source's precision).",
        _coarser_than_its_passage,
    ),
    Rule(
        SHAPE.SupportedPropertyIsUsed,
        "a supported property is one the fact uses",
        "Each property an evidence node names in csto:supportsProperty is used, in the same file, by a fact "
        "derived from that evidence (prov:wasDerivedFrom), so each declaration attaches its passage to a value.",
        _supported_but_unused,
    ),
]
