"""Consistency validation: the SHACL shapes in ``shapes/`` plus the checks SHACL cannot make, in one report.

What is validated is the union of the ontology, the curated graphs and the
inferred graph (OWL RL + :mod:`csto_kg.derive`), so class targets see inferred
types: a ``csto:Invocation`` is checked as a ``csto:AssistanceRequest`` too.
pySHACL runs with ``inference='none'`` on that one in-memory graph
(SHACL 1.0, https://www.w3.org/TR/shacl/; SPARQL-based constraints,
https://www.w3.org/TR/shacl/#sparql-constraints).

Four rules need Python, and are reported as ``sh:ValidationResult`` s of the
same report, with these ``sh:sourceShape`` s (:data:`PYTHON_RULES`):

- ``shape:VerbatimQuoteRule``: every quote is verbatim at its offsets in its
  seed (:func:`csto_kg.evidence.check_quotes`). Not repeated for an evidence
  node a SHACL shape already rejects (no source, no selector...).
- ``shape:SourceChecksumRule``: a source document's ``dcterms:identifier``
  names a file in ``seeds/`` and its ``csto:sha256`` is that file's digest.
- ``shape:EvidenceFromOwnFileRule``: a fact's evidence is described in the
  fact's own file and cites that file's seed (kg/README.md, rule 2).
- ``shape:WordsAreVerbatim``: words a fact attributes to its source
  (``csto:words``, ``csto:statedAs``, ``csto:articleText``) occur verbatim in
  one of its evidence quotes. A text check, kept out of SHACL-SPARQL because
  pySHACL re-parses a SPARQL constraint for every focus node (it was 90 % of
  validation time).

The graph conforms when no result is an ``sh:Violation``; warnings and infos
do not fail it. Each result is located for the curator: the ``kg/`` file (and
line) the focus node comes from, found through the named graph holding its
triples (``LoadedData.files``).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from . import paths, support_rules
from .errors import UserError
from .evidence import check_quotes
from .loader import LoadedData, _parse, line_of, load
from .namespaces import (
    CSTO, DCTERMS, GRAPH, INFERRED_GRAPH, META_GRAPH, OA, ONTOLOGY_GRAPH, PREFIXES, PROV, RDF, RDFS, SH, SKOS,
    source_iri,
    curie,
)
from .reason import infer

__all__ = [
    "SHAPE", "PYTHON_RULES", "Result", "Report",
    "load_shapes", "infer_loaded", "validate_loaded", "validate",
]

SHAPE = Namespace("https://w3id.org/csto-kg/shapes/")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")   # owlrl's inconsistency messages
PYTHON_COMPONENT = SHAPE.PythonCheckComponent   # sh:sourceConstraintComponent of the Python rules

PYTHON_RULES: dict[URIRef, tuple[str, str]] = {
    SHAPE.VerbatimQuoteRule: (
        "quote is verbatim at its offsets",
        "The seed's text between oa:start and oa:end (code points, end exclusive) is exactly the evidence's "
        "oa:exact, and its oa:hasSource names a file in seeds/ (csto_kg/evidence.py).",
    ),
    SHAPE.SourceChecksumRule: (
        "source document's checksum is its file's",
        "A source document's dcterms:identifier names a file in seeds/, and its csto:sha256 is the SHA-256 "
        "of that file's bytes.",
    ),
    SHAPE.WordsAreVerbatim: (
        "quoted words are verbatim in the evidence",
        "Words a fact attributes to its source (csto:words of a stance, csto:statedAs of a figure, "
        "csto:articleText of an article) occur verbatim, character for character (curly quotes and no-break "
        "spaces included), inside the oa:exact quote of one of the fact's own evidence nodes.",
    ),
    SHAPE.EvidenceFromOwnFileRule: (
        "evidence is in the fact's own file",
        "A fact's prov:wasDerivedFrom evidence is described in the same curated file as the fact, and "
        "evidence in a seed's file cites that seed's source document (kg/README.md, rule 2).",
    ),
}

PYTHON_RULES.update(support_rules.RULES)   # which passage supports which value (csto_kg/support_rules.py)

_SEVERITY_RANK = {SH.Violation: 0, SH.Warning: 1, SH.Info: 2}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_IRI_IN_TEXT = re.compile(r"https?://[^\s,()<>\"']+")
_EVIDENCE_SHAPES = {
    SHAPE.EvidenceHasOneSource, SHAPE.EvidenceHasOneQuote, SHAPE.EvidenceHasOnePosition, SHAPE.QuoteSelectorExact,
    SHAPE.PositionSelectorStart, SHAPE.PositionSelectorEnd, SHAPE.PositionSelectorStartBeforeEnd,
}


@dataclass(frozen=True)
class Result:
    """One validation result, located for the curator."""

    severity: URIRef
    shape: Node
    message: str
    focus: Node
    value: Node | None = None
    path: Node | None = None
    focus_label: str | None = None
    file: Path | None = None
    line: int | None = None
    context: Node | None = None   # the named node the location was found through, when not the focus itself


@dataclass
class Report:
    """A validation report: ``.conforms``, ``.graph`` (an ``sh:ValidationReport``), ``.to_json()``, ``.to_text()``."""

    results: list[Result]
    graph: Graph
    shape_labels: dict[Node, str] = field(default_factory=dict)
    root: Path | None = None

    @property
    def conforms(self) -> bool:
        return not any(r.severity == SH.Violation for r in self.results)

    def count(self, severity: URIRef) -> int:
        return sum(r.severity == severity for r in self.results)

    def _where(self, r: Result) -> str | None:
        if r.file is None:
            return None
        shown = _relative(r.file, self.root)
        return f"{shown}:{r.line}" if r.line else shown

    def to_json(self) -> list[dict]:
        """The results as JSON-ready dicts: severity, rule, message, focus, focus label, file, line, ..."""
        return [
            {
                "severity": _local(r.severity),
                "rule": _curie(r.shape),
                "rule_label": self.shape_labels.get(r.shape),
                "message": r.message,
                "focus": _curie(r.focus),
                "focus_label": r.focus_label,
                "file": _relative(r.file, self.root) if r.file else None,
                "line": r.line,
                "value": None if r.value is None else _curie(r.value),
                "path": None if r.path is None or isinstance(r.path, BNode) else _curie(r.path),
                "context": None if r.context is None else _curie(r.context),
            }
            for r in self.results
        ]

    def to_text(self) -> str:
        """What a curator reads: one block per problem, then a summary line."""
        blocks = []
        for r in self.results:
            label = self.shape_labels.get(r.shape)
            head = f"{_local(r.severity).upper()}: {label} [{_curie(r.shape)}]" if label else \
                f"{_local(r.severity).upper()}: [{_curie(r.shape)}]"
            lines = [head]
            focus = _curie(r.focus) + (f' "{r.focus_label}"' if r.focus_label else "")
            if r.context is not None:
                focus += f" (in {_curie(r.context)})"
            lines.append(f"  focus:   {focus}")
            where = self._where(r)
            lines.append(f"  at:      {where}" if where else "  at:      (derived: in no curated file)")
            problem = _shorten(r.message)
            lines.append(f"  problem: {problem}")
            shown = None if r.value is None else _shorten(str(r.value))
            if shown is not None and not (len(shown) >= 8 and shown in problem):   # not when the message says it
                lines.append(f"  value:   {_show(r.value)}")
            blocks.append("\n".join(lines))
        v, w, i = self.count(SH.Violation), self.count(SH.Warning), self.count(SH.Info)
        verdict = "the graph conforms" if self.conforms else "the graph does NOT conform"
        summary = f"{v} violation(s), {w} warning(s), {i} info(s): {verdict}."
        return "\n\n".join(blocks + [summary]) + "\n"


# --- loading ------------------------------------------------------------------------


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    """The shapes graph: the union of every ``shapes/*.ttl``; a syntax error names file and line."""
    shapes_dir = shapes_dir or paths.SHAPES
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no SHACL shapes in {shapes_dir}")
    shapes = Graph()
    for path in files:
        for t in _parse(path, "turtle"):   # the loader's parser: errors are CuratedFileError (file:line)
            shapes.add(t)
    return shapes


def infer_loaded(data: LoadedData) -> Graph:
    """The inferred graph for loaded data (OWL RL + derived triples over the union of its quads)."""
    asserted = Graph()
    for s, p, o, _ in data.dataset.quads((None, None, None, None)):
        asserted.add((s, p, o))
    return infer(asserted)


def validate(root: Path | None = None) -> Report:
    """Load (``csto_kg.loader.load``), infer (``csto_kg.reason.infer``) and validate the graph under ``root``."""
    root = root or paths.ROOT
    data = load(root)
    inferred = infer_loaded(data)
    if os.environ.get("CSTO_KG_SHACL_SPARQL") == "pyshacl":   # the reference, for comparison
        return validate_loaded(data, inferred, root=root)
    from .shacl_sparql import in_oxigraph

    with in_oxigraph():   # the build's fast path: same report (tests/test_bench_smoke.py, test_validate_cli.py)
        return validate_loaded(data, inferred, root=root)


# --- validation ---------------------------------------------------------------------


def validate_loaded(data: LoadedData, inferred: Graph, *, root: Path | None = None,
                    shapes: Graph | None = None) -> Report:
    """Validate loaded data plus its inferred graph against the shapes; add the Python-only checks."""
    root = root or _root_of(data)
    shapes = shapes if shapes is not None else load_shapes(root / "shapes")
    union = Graph()
    for s, p, o, g in data.dataset.quads((None, None, None, None)):
        if _graph_id(g) != META_GRAPH:
            union.add((s, p, o))
    for t in inferred:
        union.add(t)

    _, shacl_graph, _ = pyshacl.validate(
        union, shacl_graph=shapes, inference="none", inplace=True,
        allow_warnings=True, allow_infos=True, advanced=False, meta_shacl=False,
    )
    if not isinstance(shacl_graph, Graph):   # pySHACL returns (not raises) a failure for unusable shapes
        reason = getattr(shacl_graph, "message", shacl_graph)
        raise UserError(f"the shapes in {root / 'shapes'} cannot be used: {reason}")
    locator = _Locator(data, union)
    results = _shacl_results(shacl_graph, locator)

    rejected_evidence = {_evidence_of(union, r.focus) for r in results
                         if r.severity == SH.Violation and r.shape in _EVIDENCE_SHAPES}
    results += _quote_results(data, locator, rejected_evidence, root / "seeds")
    results += _words_results(union, locator)
    results += _checksum_results(union, locator, root / "seeds")
    results += _own_file_results(data, locator, root / "seeds", rejected_evidence)
    results += support_rules.check(data, locator.result)
    results.sort(key=lambda r: (_SEVERITY_RANK.get(r.severity, 3), str(r.file or "~"), r.line or 0,
                                str(r.shape), str(r.focus)))

    graph = _report_graph(shacl_graph, results)
    labels = {s: str(o) for s, o in shapes.subject_objects(RDFS.label)}
    labels.update({iri: label for iri, (label, _) in PYTHON_RULES.items()})
    return Report(results, graph, labels, root)


def _shacl_results(report: Graph, locator: _Locator) -> list[Result]:
    out = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(node, SH.focusNode)
        value = report.value(node, SH.value)
        path = report.value(node, SH.resultPath)
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        out.append(locator.result(
            severity=report.value(node, SH.resultSeverity), shape=report.value(node, SH.sourceShape),
            message=" / ".join(messages), focus=focus, value=value, path=path,
        ))
    return out


_WORDS_PROPS = (CSTO.words, CSTO.statedAs, CSTO.articleText)


def _words_results(union: Graph, locator: _Locator) -> list[Result]:
    out = []
    for prop in _WORDS_PROPS:
        for fact, value in union.subject_objects(prop):
            quotes = [str(q) for ev in union.objects(fact, PROV.wasDerivedFrom)
                      for sel in union.objects(ev, OA.hasSelector) for q in union.objects(sel, OA.exact)]
            if not any(str(value) in q for q in quotes):
                out.append(locator.result(
                    severity=SH.Violation, shape=SHAPE.WordsAreVerbatim, focus=fact, value=value, path=prop,
                    message=f'"{value}" is not verbatim in any of this fact\'s evidence quotes (copy it from the '
                            "quote, curly quotes and no-break spaces included).",
                ))
    return out


def _quote_results(data: LoadedData, locator: _Locator, skip: set[Node], seeds_dir: Path) -> list[Result]:
    out, seen = [], set()
    for p in check_quotes(data, seeds_dir):
        if p.evidence in skip or (p.evidence, p.message) in seen:
            continue
        seen.add((p.evidence, p.message))
        r = locator.result(severity=SH.Violation, shape=SHAPE.VerbatimQuoteRule, message=p.message, focus=p.evidence)
        if r.file is None and p.file is not None:   # fall back on where the quote checker placed it
            r = Result(**{**r.__dict__, "file": p.file, "line": p.line})
        out.append(r)
    return out


def _checksum_results(union: Graph, locator: _Locator, seeds_dir: Path) -> list[Result]:
    out = []
    for doc in sorted(set(union.subjects(RDF.type, CSTO.SourceDocument)), key=str):
        for ident in union.objects(doc, DCTERMS.identifier):
            name = str(ident)
            if not re.fullmatch(r"[0-9]{3}_[0-9a-f]{16}\.txt", name):
                continue   # shape:SourceDocumentIdentifier reports it
            path = seeds_dir / name
            if not path.is_file():
                out.append(locator.result(
                    severity=SH.Violation, shape=SHAPE.SourceChecksumRule, focus=doc, value=ident,
                    message=f"dcterms:identifier \"{name}\" names no file in seeds/",
                ))
                continue
            actual = hashlib.sha256(path.read_bytes()).hexdigest()
            for declared in union.objects(doc, CSTO.sha256):
                if _SHA256.match(str(declared)) and str(declared) != actual:
                    out.append(locator.result(
                        severity=SH.Violation, shape=SHAPE.SourceChecksumRule, focus=doc, value=declared,
                        message=f"csto:sha256 is not the digest of seeds/{name}: the file's is {actual}",
                    ))
    return out


def _own_file_results(data: LoadedData, locator: _Locator, seeds_dir: Path, skip: set[Node]) -> list[Result]:
    ds, out = data.dataset, []
    seed_ids = {p.stem for p in seeds_dir.glob("*.txt")}
    # One pass per predicate over all graphs: rdflib's store answers a (None, p, None) pattern in one
    # graph by filtering every graph's p-triples, so asking graph by graph was files x triples (1e6: minutes).
    by_graph: dict = {}
    for pred in (OA.hasSource, PROV.wasDerivedFrom):
        for s_, _, o_, c in ds.quads((None, pred, None, None)):
            by_graph.setdefault((_graph_id(c), pred), []).append((s_, o_))
    for gid in data.files:
        if gid in (ONTOLOGY_GRAPH, INFERRED_GRAPH, META_GRAPH):
            continue
        g = ds.graph(gid)
        seed_id = str(gid)[len(str(GRAPH)):] if str(gid).startswith(str(GRAPH)) else None
        own_source = source_iri(seed_id) if seed_id in seed_ids else None
        if own_source is not None:
            for ev, src in sorted(set(by_graph.get((gid, OA.hasSource), ())), key=str):
                if src != own_source and ev not in skip:
                    out.append(locator.result(
                        severity=SH.Violation, shape=SHAPE.EvidenceFromOwnFileRule, focus=ev, value=src, graph=gid,
                        message=f"evidence in this file cites {src}; "
                                f"evidence here must cite this file's seed {own_source}",
                    ))
        for fact, ev in sorted(set(by_graph.get((gid, PROV.wasDerivedFrom), ())), key=str):
            if (ev, None, None) not in g:
                out.append(locator.result(
                    severity=SH.Violation, shape=SHAPE.EvidenceFromOwnFileRule, focus=fact, value=ev, graph=gid,
                    message=f"the fact's evidence {ev} is not described in this file; "
                            "every file gives its own evidence for the facts it states",
                ))
    return out


def _report_graph(shacl_graph: Graph, results: list[Result]) -> Graph:
    """pySHACL's report plus the Python results; sh:conforms recomputed (false iff a violation)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("sh", str(SH))
    g.bind("shape", str(SHAPE))
    for t in shacl_graph:
        g.add(t)
    report = g.value(predicate=RDF.type, object=SH.ValidationReport)
    if report is None:
        report = BNode()
        g.add((report, RDF.type, SH.ValidationReport))
    for r in results:
        if r.shape not in PYTHON_RULES:
            continue
        node = BNode()
        g.add((report, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.resultSeverity, r.severity))
        g.add((node, SH.sourceShape, r.shape))
        g.add((node, SH.sourceConstraintComponent, PYTHON_COMPONENT))
        g.add((node, SH.focusNode, r.focus))
        g.add((node, SH.resultMessage, Literal(r.message)))
        if r.value is not None:
            g.add((node, SH.value, r.value))
    for iri, (label, comment) in PYTHON_RULES.items():
        if any(r.shape == iri for r in results):
            g.add((iri, RDFS.label, Literal(label, lang="en")))
            g.add((iri, RDFS.comment, Literal(comment, lang="en")))
    conforms = not any(r.severity == SH.Violation for r in results)
    g.remove((report, SH.conforms, None))
    g.add((report, SH.conforms, Literal(conforms)))
    return g


# --- locating a result in the curated files -------------------------------------------


class _Locator:
    """Finds, for a focus node, its label and the curated file (and line) its triples come from."""

    def __init__(self, data: LoadedData, union: Graph):
        self.data, self.union = data, union
        self.curated = [g for g in sorted(data.files, key=_graph_order) if g not in (INFERRED_GRAPH, META_GRAPH)]

    def result(self, *, severity, shape, message, focus, value=None, path=None, graph=None) -> Result:
        anchor = self._anchor(focus, value)
        gid = graph if graph is not None else self._graph_of(anchor, path, value if anchor == focus else None)
        file = self.data.files.get(gid) if gid is not None else None
        line = self._line(file, anchor) if file is not None else None
        return Result(severity=severity, shape=shape, message=message, focus=focus, value=value, path=path,
                      focus_label=self._label(focus), file=file, line=line,
                      context=anchor if anchor != focus else None)

    def _anchor(self, node: Node, value: Node | None) -> Node:
        """The node to locate: the focus itself, or the nearest named node that refers to it."""
        if (node, RDF.type, ERR.ErrorMessage) in self.union:   # owlrl names the culprit in its message
            named = [URIRef(i) for i in _IRI_IN_TEXT.findall(str(value or ""))]
            named = [n for n in named if self._graph_of(n)]
            return named[-1] if named else node
        if isinstance(node, URIRef) and self._graph_of(node) is not None:
            return node
        frontier, seen = [node], {node}
        for _ in range(3):
            nxt = []
            for n in frontier:
                for s in self.union.subjects(None, n):
                    if s in seen:
                        continue
                    if isinstance(s, URIRef) and self._graph_of(s) is not None:
                        return s
                    seen.add(s)
                    nxt.append(s)
            frontier = nxt
        return node

    def _graph_of(self, node: Node, path: Node | None = None, value: Node | None = None) -> URIRef | None:
        ds = self.data.dataset
        if isinstance(path, URIRef) and value is not None:
            for gid in self.curated:
                if (node, path, value) in ds.graph(gid):
                    return gid
        for gid in self.curated:
            if (node, None, None) in ds.graph(gid):
                return gid
        return None

    def _line(self, file: Path, node: Node) -> int | None:
        if not isinstance(node, URIRef):
            return None
        spellings = [f"<{node}>"] + [f"{p}:{str(node)[len(ns):]}" for p, ns in PREFIXES.items()
                                     if str(node).startswith(ns) and _is_local_name(str(node)[len(ns):])]
        return (line_of(file, [f"{s} a " for s in spellings] + [f"{s} a\t" for s in spellings])
                or line_of(file, [f"{s} " for s in spellings] + [f"{s};" for s in spellings]))

    def _label(self, node: Node) -> str | None:
        labels = list(self.union.objects(node, RDFS.label)) or list(self.union.objects(node, SKOS.prefLabel))
        if not labels:
            return None
        labels.sort(key=lambda lit: (getattr(lit, "language", None) != "en", str(lit)))
        return str(labels[0])


# --- small helpers ----------------------------------------------------------------------


def _root_of(data: LoadedData) -> Path:
    for path in data.files.values():
        if path.parent.name == "kg":
            return path.parent.parent
    return paths.ROOT


def _graph_id(g) -> Node:
    return g.identifier if hasattr(g, "identifier") else g


def _graph_order(gid: URIRef) -> tuple[int, str]:
    """Seed graphs first (a fact's own file), then entities, then the ontology."""
    return (2 if gid == ONTOLOGY_GRAPH else 1 if str(gid).endswith("/entities") else 0, str(gid))


def _evidence_of(g: Graph, node: Node) -> Node:
    """The evidence node a selector belongs to (or the node itself)."""
    return g.value(predicate=OA.hasSelector, object=node) or node


def _is_local_name(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*", s)) and not s.endswith(".")


def _curie(node: Node) -> str:
    if isinstance(node, URIRef):
        s = str(node)
        short = curie(s)
        if short:
            return short
        if s.startswith(str(SHAPE)):
            return "shape:" + s[len(str(SHAPE)):]
        return f"<{s}>"
    if isinstance(node, BNode):
        return "[]"
    return str(node)


def _show(node: Node) -> str:
    if isinstance(node, Literal):
        dt = f"^^{_curie(node.datatype)}" if node.datatype else (f"@{node.language}" if node.language else "")
        return f'"{node}"{dt}'
    return _curie(node)


def _shorten(message: str) -> str:
    """IRIs in a message, written as the prefixed names a curator types (others left as they are)."""
    def curie(m: re.Match) -> str:
        short = _curie(URIRef(m.group(0)))
        return m.group(0) if short.startswith("<") else short

    return _IRI_IN_TEXT.sub(curie, message)


def _local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _relative(path: Path, root: Path | None) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve())) if root else str(path)
    except ValueError:
        return str(path)
