"""The competency questions' expected answers are curated too: each row's seed files are seeds that state it.

- ``shape:ExpectedAnswerFromItsSeeds``: ``queries/cqNN-*.expected.json`` is JSON; each row names at least one seed
  file, each a file of ``seeds/``; each project IRI it gives (``:x``) is a node some curated file describes; and each
  seed file it names is one whose curated file states the answer: where the row gives facts (nodes not described in
  ``kg/entities.trig``), that file gives one of them evidence (``prov:wasDerivedFrom``); where it gives entities only,
  that file speaks of one of them. A row citing a seed whose passage is not about the answer (a file name copied from
  the row above, another seed's number) is caught here, at its line, before the competency tests run the query. A
  row's seed words (its statedAs, marker, words, quote or passage column) are verbatim in a seed it cites. No answer
  is listed twice (the rows are a set).
- ``shape:QueryParses``: every ``queries/*.rq`` parses as SPARQL 1.1 (Oxigraph's parser, the endpoint's: 0.1 s for
  all of them), every ``csto:`` term it names outside comments and strings is declared in the ontology, and no FILTER
  of it reads a variable its own group (a UNION operand, a sub-query) does not bind where an outer pattern does (it
  is unbound there: :func:`..shapes_check.filters_out_of_scope`, rdflib's algebra, remembered per text); reported at
  the file and line.

The project's queries folder is read only where the data validated is the project's own ``kg/`` (not a shape
fixture) and it holds expected-answer files (a generated benchmark project has none). Its slips are in
tests/test_mutations.py (QUERY_SLIPS), not in a shape fixture, which has no queries folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

from ...namespaces import BASE, ENTITIES_GRAPH, PROV, RDF, SH, SHAPE
from ..report import Result
from . import Context, Rule

_NODE = re.compile(r":[\w.-]+")


def _row_lines(text: str) -> list[int]:
    """The line (1-based) of each row of an expected-answer file: one row per line, as the files write them."""
    return [i for i, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith('{"')]


def _mentions(ctx: Context) -> dict[str, tuple[set[Node], set[Node]]]:
    """Seed file name -> (the subjects with evidence, every node) of its curated graph."""
    out = {}
    ds = ctx.data.dataset
    for gid, path in ctx.data.files.items():
        if gid == ENTITIES_GRAPH or path.parent.name != "kg":
            continue
        g = ds.graph(gid)
        out[f"{path.stem}.txt"] = (set(g.subjects(PROV.wasDerivedFrom, None)), {x for s, _, o in g for x in (s, o)})
    return out


# columns whose values are a seed's own words (a figure as stated, a marker): verbatim in a seed the row cites
_VERBATIM = {"statedAs", "marker", "words", "quote", "passage"}


def _seed(path: Path, texts: dict) -> str:
    if path not in texts:
        texts[path] = path.read_text(encoding="utf-8")
    return texts[path]


_SELECT = re.compile(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", re.I | re.S)


def _projected(query: Path) -> set[str] | None:
    """The variables the named query's (first, outer) SELECT projects, its own and those named ``AS ?v``; None for
    ``SELECT *``, a query of another form, or no query file."""
    if not query.is_file():
        return None
    m = _SELECT.search(_code(query.read_text(encoding="utf-8")))
    if m is None or "*" in m.group(1):
        return None
    clause, depth, top = m.group(1), 0, []
    for ch in clause:  # the variables outside parentheses, and the alias of each (expression AS ?v)
        depth += ch == "("
        depth -= ch == ")"
        top.append(ch if depth == 0 else " ")
    names = set(re.findall(r"[?$](\w+)", "".join(top))) | set(re.findall(r"\bAS\s+[?$](\w+)", clause, re.I))
    return names


def _answers(ctx: Context) -> list[Result]:
    folder = ctx.root / "queries"
    own = any(path.parent == ctx.root / "kg" for path in ctx.data.files.values())  # the project's kg/, not a fixture
    files = sorted(folder.glob("cq*.expected.json")) if own and folder.is_dir() else []
    if not files:
        return []
    seeds = {p.name for p in ctx.seeds_dir.glob("*.txt")}
    mentions = _mentions(ctx)
    entities = set(ctx.data.dataset.graph(ENTITIES_GRAPH).subjects(RDF.type, None))
    described = set(ctx.subject_graphs)
    out: list[Result] = []

    def report(path: Path, line: int | None, focus: Node, message: str, value: Node | None = None) -> None:
        out.append(
            Result(SH.Violation, SHAPE.ExpectedAnswerFromItsSeeds, message, focus, value=value, file=path, line=line)
        )

    texts: dict = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        here = URIRef(f"{BASE}queries/{path.name}")
        try:
            data = json.loads(text)
            columns, rows = data["columns"], data["rows"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            line = getattr(e, "lineno", None)
            report(path, line, here, f"the expected answers are not JSON with columns and rows ({e}). Fix: the syntax")
            continue
        lines = _row_lines(text)
        projected = _projected(path.with_name(path.name.replace(".expected.json", ".rq")))
        for column in [c for c in columns if projected is not None and c not in projected]:
            at = next((n for n, x in enumerate(text.splitlines(), 1) if '"columns"' in x), None)
            report(path, at, here, f'the column "{column}" is no variable the query projects (SELECT '
                   f"{' '.join('?' + v for v in sorted(projected))}): the answers are compared on a column the "
                   "query never gives. Fix: a column the query's SELECT names")  # fmt: skip
        first_at: dict[str, int] = {}  # an answer (its values) -> the row number that first gives it
        for i, row in enumerate(rows):
            line = lines[i] if i < len(lines) and len(lines) == len(rows) else None
            values = [row.get(c) for c in columns]
            nodes = [URIRef(f"{BASE}id/{v[1:]}") for v in values if isinstance(v, str) and _NODE.fullmatch(v)]
            focus = nodes[0] if nodes else here
            key = json.dumps(values, ensure_ascii=False)
            if key in first_at:
                j = first_at[key]
                at = f"line {lines[j]}" if line is not None else f"row {j + 1}"
                report(path, line, focus, f"the row repeats the answer of {at} (the same {', '.join(columns)}): "
                       "the expected answers are a set, so a copy hides the row that was meant to change. Fix: "
                       "remove the copy, or change it to the answer meant (its files merged into one row)")  # fmt: skip
            first_at.setdefault(key, i)
            for node in nodes:
                if node not in described:
                    report(path, line, node, f"the row names :{node[len(BASE) + 3 :]}, which no curated file "
                           "describes (a slug mistyped, or a node renamed). Fix: the node's IRI as kg/ writes it")  # fmt: skip
            named = row.get("files") or []
            if not named or not isinstance(named, list):
                report(path, line, focus, "the row names no seed file: an answer comes from a passage of a seed "
                       "(files: [\"NNN_<hash>.txt\"]). Fix: the seed whose passage states it")  # fmt: skip
                continue
            cited = [ctx.seeds_dir / n for n in named if isinstance(n, str) and n in seeds]
            for column in _VERBATIM & set(columns):
                words = row.get(column)
                if (
                    isinstance(words, str)
                    and words
                    and cited
                    and not any(words in _seed(path, texts) for path in cited)
                ):
                    report(path, line, focus, f'the row\'s {column} "{words}" is in none of the seeds it cites '
                           f"({', '.join(p.name for p in cited)}): a passage's words are copied, byte for byte. Fix: "
                           "the words as the seed writes them (curly quotes, no-break spaces)")  # fmt: skip
            for name in named:
                if name not in seeds:
                    report(path, line, focus, f'the row cites "{name}", which is no seed file (seeds/NNN_<hash>.txt). '
                           "Fix: the seed file's name, copied from seeds/")  # fmt: skip
                    continue
                with_evidence, spoken_of = mentions.get(name, (set(), set()))
                facts = [n for n in nodes if n not in entities]
                ok = (
                    any(n in with_evidence for n in facts)
                    if facts
                    else (not nodes or any(n in spoken_of for n in nodes))
                )
                if not ok:
                    which = "gives none of its facts evidence" if facts else "speaks of none of its entities"
                    report(path, line, focus, f'the row cites "{name}", but that seed\'s curated file {which}: no '
                           "passage of that seed states this answer. Fix: the seed file(s) whose passages state it "
                           "(the row's files are the seeds a supporting passage comes from)")  # fmt: skip
    return out


_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_CSTO_TERM = re.compile(r"(?<![\w<])csto:([A-Za-z_][\w-]*)")


def _code(text: str) -> str:
    """The query without its comments and string literals (a term named in a comment is not used)."""
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', text)
    return "\n".join(
        re.sub(r"#.*", "", line) if "<" not in line else re.sub(r"#[^>]*$", "", line) for line in text.splitlines()
    )


_PREFIX_LINE = re.compile(r"^\s*@?prefix\s+([\w.-]*):\s*<([^>]*)>", re.I)


def house_prefix_slips(text: str) -> list[tuple[int, str]]:
    """(line, message) for each prefix of the house table (kg/README.md, "Prefixes") that a query or shapes file binds
    to another namespace: every term written with it would name another vocabulary's term, and the query or shape
    would silently match nothing (the loader refuses the same slip in the curated files)."""
    from ...loader import _namespace_slip
    from ...namespaces import PREFIXES

    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _PREFIX_LINE.match(line)
        if m is None:
            continue
        name, written = m.groups()
        house = PREFIXES.get(name)
        if house is not None and written != house:
            out.append((n, f"prefix {name}: is bound to <{written}>, which is not the namespace the project binds "
                        f"{name}: to ({_namespace_slip(written, house)}): every term written {name}:... here would "
                        "name another vocabulary's term. Fix: copy the prefix line from kg/README.md"))  # fmt: skip
    return out


def _queries(ctx: Context) -> list[Result]:
    """Every named query (queries/*.rq) parses as SPARQL 1.1 (Oxigraph's parser, the endpoint's), and each csto: term
    it names is declared in the ontology: a query that no longer parses fails its competency test and its YASGUI tab, and
    one naming a mistyped term silently answers nothing."""
    folder = ctx.root / "queries"
    own = any(path.parent == ctx.root / "kg" for path in ctx.data.files.values())
    files = sorted(folder.glob("*.rq")) if own and folder.is_dir() else []
    if not files:
        return []
    import pyoxigraph

    from ...namespaces import CSTO, ONTOLOGY_GRAPH
    from ..shapes_check import filters_out_of_scope  # (which reads this module's prefix check)

    onto = ctx.data.dataset.graph(ONTOLOGY_GRAPH)
    declared = {str(t)[len(str(CSTO)) :] for t in onto.subjects() if str(t).startswith(str(CSTO))}
    store, out = pyoxigraph.Store(), []
    for path in files:
        text = path.read_text(encoding="utf-8")
        here = URIRef(f"{BASE}queries/{path.name}")
        try:
            store.query(text)
        except SyntaxError as e:
            m = _AT.match(str(e))
            line, why = (int(m.group(1)), m.group(3)) if m else (None, str(e))
            why = (
                "a prefix it does not declare (PREFIX ...)"
                if why.startswith("expected one of Prefix not found")
                else why
            )
            out.append(Result(SH.Violation, SHAPE.QueryParses, f"the query does not parse as SPARQL 1.1: {why[:200]}. "
                              "Fix: the syntax at that line", here, file=path, line=line))  # fmt: skip
            continue
        out += [
            Result(SH.Violation, SHAPE.QueryParses, message, here, file=path, line=n)
            for n, message in house_prefix_slips(text)
        ]
        unseen = filters_out_of_scope(text)
        if unseen:
            names = ", ".join(f"?{v}" for v in unseen)
            line = next((n for n, t in enumerate(text.splitlines(), 1) if "FILTER" in t.upper() and any(
                re.search(rf"[?$]{re.escape(v)}\b", t) for v in unseen)), None)  # fmt: skip
            out.append(Result(SH.Violation, SHAPE.QueryParses, f"the query has a FILTER on {names} in a group (a UNION "
                              "operand, a sub-query) that does not bind it, where a pattern outside that group does: "
                              "SPARQL evaluates the FILTER over its own group's rows, where it is unbound (the endpoint "
                              "does so), so it does not test what it reads as testing. Fix: repeat the pattern that "
                              "binds it inside the group, or move the FILTER out to it", here, file=path, line=line))  # fmt: skip
        for n, line in enumerate(_code(text).splitlines(), 1):
            for term in _CSTO_TERM.findall(line):
                if term.rstrip(".") not in declared:
                    out.append(Result(SH.Violation, SHAPE.QueryParses, f"the query names csto:{term}, which the "
                                      "ontology does not declare: the pattern matches nothing. Fix: the term as "
                                      "ontology/csto.ttl declares it", here, file=path, line=n))  # fmt: skip
    return out


RULES = [
    Rule(
        SHAPE.QueryParses,
        "a named query parses and names declared terms",
        "Every queries/*.rq parses as SPARQL 1.1 (the endpoint's parser), every csto: term it names outside "
        "comments and strings is declared in the ontology, and no FILTER of it reads a variable that its own group "
        "(a UNION operand, a sub-query) does not bind where an outer pattern does (it is unbound there).",
        _queries,
    ),
    Rule(
        SHAPE.ExpectedAnswerFromItsSeeds,
        "an expected answer cites the seeds that state it",
        "queries/cqNN-*.expected.json is JSON with columns and rows; each row names at least one seed file, each a "
        "file of seeds/; each project IRI (:x) it gives is a node some curated file describes; and each seed file "
        "it names is one whose curated file gives one of the row's facts evidence (prov:wasDerivedFrom), or, for a "
        "row of entities only, speaks of one of them; a row's statedAs, marker, words, quote or passage is verbatim "
        "in a seed it cites; no answer is listed twice.",
        _answers,
    ),
]

__all__ = ["RULES"]
