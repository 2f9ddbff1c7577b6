"""The SHACL part of validation: the shapes graph, and pySHACL's results located for the curator.

pySHACL runs with ``inference='none'`` on one in-memory graph, the union of the
ontology, the curated graphs and the inferred graph (SHACL 1.0,
https://www.w3.org/TR/shacl/; SPARQL-based constraints,
https://www.w3.org/TR/shacl/#sparql-constraints).
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph

from .. import paths
from ..errors import UserError
from ..loader import _parse
from ..namespaces import RDF, SH
from .locate import Locator
from .report import Result

__all__ = ["load_shapes", "run_shacl"]


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    """The shapes graph: the union of every ``shapes/*.ttl``; a syntax error names file and line."""
    shapes_dir = shapes_dir or paths.SHAPES
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no SHACL shapes in {shapes_dir}")
    shapes = Graph()
    for path in files:
        for t in _parse(path, "turtle"):  # the loader's parser: errors are CuratedFileError (file:line)
            shapes.add(t)
    return shapes


def run_shacl(union: Graph, shapes: Graph, locator: Locator, shapes_dir: Path) -> tuple[Graph, list[Result]]:
    """pySHACL's report graph for ``union`` and its results, located."""
    if isinstance(union, Dataset):  # pySHACL validates a Dataset graph by graph: it is given the union as one graph
        one = Graph()
        one.addN((s, p, o, one) for s, p, o in union.triples((None, None, None)))
        union = one
    _, report, _ = pyshacl.validate(
        union,
        shacl_graph=shapes,
        inference="none",
        inplace=True,
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
        meta_shacl=False,
    )
    if not isinstance(report, Graph):  # pySHACL returns (not raises) a failure for unusable shapes
        reason = getattr(report, "message", report)
        raise UserError(f"the shapes in {shapes_dir} cannot be used: {reason}")
    out = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        out.append(
            locator.result(
                severity=report.value(node, SH.resultSeverity),
                shape=report.value(node, SH.sourceShape),
                message=" / ".join(messages),
                focus=report.value(node, SH.focusNode),
                value=report.value(node, SH.value),
                path=report.value(node, SH.resultPath),
            )
        )
    return report, out
