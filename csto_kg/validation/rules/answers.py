"""The competency questions' expected answers are curated too: each row's seed files are seeds that state it.

- ``shape:ExpectedAnswerFromItsSeeds``: ``queries/cqNN-*.expected.json`` is JSON; each row names at least one seed
  file, each a file of ``seeds/``; each project IRI it gives (``:x``) is a node some curated file describes; and each
  seed file it names is one whose curated file states the answer: where the row gives facts (nodes not described in
  ``kg/entities.trig``), that file gives one of them evidence (``prov:wasDerivedFrom``); where it gives entities only,
  that file speaks of one of them. A row citing a seed whose passage is not about the answer (a file name copied from
  the row above, another seed's number) is caught here, at its line, before the competency tests run the query.

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
        for i, row in enumerate(rows):
            line = lines[i] if i < len(lines) and len(lines) == len(rows) else None
            values = [row.get(c) for c in columns]
            nodes = [URIRef(f"{BASE}id/{v[1:]}") for v in values if isinstance(v, str) and _NODE.fullmatch(v)]
            focus = nodes[0] if nodes else here
            for node in nodes:
                if node not in described:
                    report(path, line, node, f"the row names :{node[len(BASE) + 3 :]}, which no curated file "
                           "describes (a slug mistyped, or a node renamed). Fix: the node's IRI as kg/ writes it")  # fmt: skip
            named = row.get("files") or []
            if not named or not isinstance(named, list):
                report(path, line, focus, "the row names no seed file: an answer comes from a passage of a seed "
                       "(files: [\"NNN_<hash>.txt\"]). Fix: the seed whose passage states it")  # fmt: skip
                continue
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


RULES = [
    Rule(
        SHAPE.ExpectedAnswerFromItsSeeds,
        "an expected answer cites the seeds that state it",
        "queries/cqNN-*.expected.json is JSON with columns and rows; each row names at least one seed file, each a "
        "file of seeds/; each project IRI (:x) it gives is a node some curated file describes; and each seed file "
        "it names is one whose curated file gives one of the row's facts evidence (prov:wasDerivedFrom), or, for a "
        "row of entities only, speaks of one of them.",
        _answers,
    ),
]

__all__ = ["RULES"]
