"""The validation report: results located for the curator, as text, JSON and an ``sh:ValidationReport`` graph.

Every IRI a curator reads is a CURIE of the project's prefixes
(:func:`csto_kg.namespaces.curie`), in messages too (an IRI followed by ``.``
or ``;`` included); the JSON output carries each CURIE beside its full IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..namespaces import PREFIXES, RDF, RDFS, SH, SHAPE, curie

__all__ = ["Result", "Report", "PYTHON_COMPONENT", "show_term", "shorten_iris", "report_graph"]

PYTHON_COMPONENT = SHAPE.PythonCheckComponent  # sh:sourceConstraintComponent of the Python rules
SEVERITY_RANK = {SH.Violation: 0, SH.Warning: 1, SH.Info: 2}
_IRI_IN_TEXT = re.compile(r"https?://[^\s,()<>\"'{}|\\^`]+")
_TRAILING = ".;:!?"


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
    context: Node | None = None  # the named node the location was found through, when not the focus itself


def term_curie(node: Node | None) -> str | None:
    """A CURIE for an IRI (``<iri>`` when no prefix fits), ``[]`` for a blank node, the text of a literal."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return curie(str(node)) or f"<{node}>"
    if isinstance(node, BNode):
        return "[]"
    return str(node)


def show_term(node: Node) -> str:
    """A term as a curator would write it in Turtle (literals with their datatype or language)."""
    if isinstance(node, Literal):
        dt = f"^^{term_curie(node.datatype)}" if node.datatype else (f"@{node.language}" if node.language else "")
        return f'"{node}"{dt}'
    return term_curie(node)


def shorten_iris(message: str) -> str:
    """IRIs in a message, written as the prefixed names a curator types; sentence punctuation after one stays."""

    def short(m: re.Match) -> str:
        iri = m.group(0)
        tail = ""
        while iri and iri[-1] in _TRAILING:
            iri, tail = iri[:-1], iri[-1] + tail
        name = curie(iri)
        return (name or iri) + tail

    return _IRI_IN_TEXT.sub(short, message)


def _local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _relative(path: Path, root: Path | None) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve())) if root else str(path)
    except ValueError:
        return str(path)


@dataclass
class Report:
    """A validation report: ``.conforms``, ``.graph`` (an ``sh:ValidationReport``), ``.to_json()``, ``.to_text()``."""

    results: list[Result]
    graph: Graph
    shape_labels: dict[Node, str] = field(default_factory=dict)
    root: Path | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # part of the validation -> its time (not reported)
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # the same parts' CPU seconds (process_time)
    shacl_fallbacks: dict[Node, str] = field(default_factory=dict)  # shape -> why the store engine left it to pySHACL
    # what an incremental SHACL did, or why it was whole (.shacl_state.Incremental.summary); None: not asked for
    shacl_incremental: dict | None = None

    @property
    def conforms(self) -> bool:
        return not any(r.severity == SH.Violation for r in self.results)

    def count(self, severity: URIRef) -> int:
        return sum(r.severity == severity for r in self.results)

    def where(self, r: Result) -> str | None:
        """``kg/<file>:<line>`` of a result (relative to the project root), if it is located."""
        if r.file is None:
            return None
        shown = _relative(r.file, self.root)
        return f"{shown}:{r.line}" if r.line else shown

    def to_json(self) -> list[dict]:
        """The results as JSON-ready dicts: each term as a CURIE, with its full IRI in a ``*_iri`` field."""

        def iri(node: Node | None) -> str | None:
            return str(node) if isinstance(node, URIRef) else None

        out = []
        for r in self.results:
            path = None if isinstance(r.path, BNode) else r.path
            out.append(
                {
                    "severity": _local(r.severity),
                    "rule": term_curie(r.shape),
                    "rule_iri": iri(r.shape),
                    "rule_label": self.shape_labels.get(r.shape),
                    "message": shorten_iris(r.message),
                    "focus": term_curie(r.focus),
                    "focus_iri": iri(r.focus),
                    "focus_label": r.focus_label,
                    "file": _relative(r.file, self.root) if r.file else None,
                    "line": r.line,
                    "value": None if r.value is None else show_term(r.value),
                    "value_iri": iri(r.value),
                    "path": term_curie(path),
                    "path_iri": iri(path),
                    "context": term_curie(r.context),
                    "context_iri": iri(r.context),
                }
            )
        return out

    def to_text(self) -> str:
        """What a curator reads: one block per problem (rule, focus, where, problem, value), then a summary."""
        blocks = []
        for r in self.results:
            label = self.shape_labels.get(r.shape)
            rule = f"[{term_curie(r.shape)}]"
            lines = [
                f"{_local(r.severity).upper()}: {label} {rule}" if label else f"{_local(r.severity).upper()}: {rule}"
            ]
            focus = term_curie(r.focus) + (f' "{r.focus_label}"' if r.focus_label else "")
            if r.context is not None:
                focus += f" (in {term_curie(r.context)})"
            lines.append(f"  focus:   {focus}")
            where = self.where(r)
            lines.append(f"  at:      {where}" if where else "  at:      (derived: in no curated file)")
            problem = shorten_iris(r.message)
            lines.append(f"  problem: {problem}")
            shown = None if r.value is None else shorten_iris(str(r.value))
            if shown is not None and not (len(shown) >= 8 and shown in problem):  # not when the message says it
                lines.append(f"  value:   {show_term(r.value)}")
            blocks.append("\n".join(lines))
        v, w, i = self.count(SH.Violation), self.count(SH.Warning), self.count(SH.Info)
        verdict = "the graph conforms" if self.conforms else "the graph does NOT conform"
        summary = f"{v} violation(s), {w} warning(s), {i} info(s): {verdict}."
        return "\n\n".join(blocks + [summary]) + "\n"


def report_graph(shacl_graph: Graph, results: list[Result], python_rules: dict[URIRef, tuple[str, str]]) -> Graph:
    """pySHACL's report plus the Python rules' results; sh:conforms recomputed (false iff a violation)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("sh", str(SH))
    for t in shacl_graph:
        g.add(t)
    report = g.value(predicate=RDF.type, object=SH.ValidationReport)
    if report is None:
        report = BNode()
        g.add((report, RDF.type, SH.ValidationReport))
    for r in results:
        if r.shape not in python_rules:
            continue
        node = BNode()
        g.add((report, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.resultSeverity, r.severity))
        g.add((node, SH.sourceShape, r.shape))
        g.add((node, SH.sourceConstraintComponent, PYTHON_COMPONENT))
        g.add((node, SH.focusNode, r.focus))
        g.add((node, SH.resultMessage, Literal(shorten_iris(r.message))))
        if r.value is not None:
            g.add((node, SH.value, r.value))
        if isinstance(r.path, URIRef):
            g.add((node, SH.resultPath, r.path))
    for iri, (label, comment) in python_rules.items():
        if any(r.shape == iri for r in results):
            g.add((iri, RDFS.label, Literal(label, lang="en")))
            g.add((iri, RDFS.comment, Literal(comment, lang="en")))
    conforms = not any(r.severity == SH.Violation for r in results)
    g.remove((report, SH.conforms, None))
    g.add((report, SH.conforms, Literal(conforms)))
    return g
