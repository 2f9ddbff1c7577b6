"""The SHACL part of validation: the shapes graph, and the SHACL results located for the curator.

What is validated is one graph, the union of the ontology, the curated graphs
and the inferred graph (SHACL 1.0, https://www.w3.org/TR/shacl/; SPARQL-based
constraints, https://www.w3.org/TR/shacl/#sparql-constraints), with no
inference. Two engines give the same results:

- ``store`` (the default): the shapes compiled to SPARQL, one query per
  (shape, constraint), run in an Oxigraph store holding the union
  (:mod:`.shacl_store`);
- ``pyshacl``: pySHACL itself on the rdflib union, the reference
  (``CSTO_KG_SHACL=pyshacl``; the older ``CSTO_KG_SHACL_SPARQL=pyshacl`` means
  the same).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Dataset, Graph

from .. import paths
from ..errors import UserError
from ..loader import read_turtle
from ..namespaces import RDF, SH
from ..sparql_prepared import prepared_queries
from .locate import Locator
from .report import Result
from .shacl_store import PYSHACL_OPTIONS
from .shacl_terms import Fidelity

__all__ = ["load_shapes", "run_shacl", "shacl_engine"]

ENGINES = ("store", "pyshacl")


def shacl_engine() -> str:
    """The SHACL engine the environment asks for: ``CSTO_KG_SHACL`` (``store`` or ``pyshacl``), default ``store``."""
    name = os.environ.get("CSTO_KG_SHACL") or (
        "pyshacl" if os.environ.get("CSTO_KG_SHACL_SPARQL") == "pyshacl" else "store"
    )
    if name not in ENGINES:
        raise UserError(f"CSTO_KG_SHACL={name!r}: expected one of {', '.join(ENGINES)}")
    return name


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    """The shapes graph: the union of every ``shapes/*.ttl``; a syntax error names file and line."""
    shapes_dir = shapes_dir or (paths.root() / "shapes")
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no SHACL shapes in {shapes_dir}")
    shapes = Graph()
    for path in files:  # the loader's parser: errors are CuratedFileError (file:line)
        triples, prefixes = read_turtle(path)
        shapes.addN((s, p, o, shapes) for s, p, o in triples)
        for prefix, namespace in prefixes.items():
            shapes.bind(prefix, namespace, override=False)
    return shapes


def run_shacl(
    union: Graph,
    shapes: Graph,
    locator: Locator,
    shapes_dir: Path,
    store: ox.Store | None = None,
    engine: str | None = None,
    fidelity: Fidelity | None = None,
    incremental=None,
) -> tuple[Graph, list[Result], dict]:
    """The SHACL report graph for ``union``, its results, located, and the shapes the ``store`` engine left to
    pySHACL (shape -> why: :attr:`.shacl_store.Stats.fallbacks`; empty with the ``pyshacl`` engine).

    ``store``: an Oxigraph store whose default graph holds ``union`` already (the build's), and ``fidelity``
    what it altered of ``union``'s literals (:func:`.shacl_terms.fidelity`); without a store, the ``store``
    engine builds one from ``union``. ``engine``: ``store`` or ``pyshacl`` (default: :func:`shacl_engine`).
    ``incremental``: a build's :class:`.shacl_state.Incremental`, with the ``store`` engine: only the focus nodes
    the changes since the previous build reach are validated again, and what this validation gives is kept for
    the next build.
    """
    if (engine or shacl_engine()) == "pyshacl":
        return *_run_pyshacl(union, shapes, locator, shapes_dir), {}
    from .shacl_store import store_from_graph, validate_store

    if store is None:
        store, fidelity = store_from_graph(union)
    previous = reads = None
    if incremental is not None:
        previous, reads = incremental.previous(store, union), incremental.reads
    report, raw, stats = validate_store(store, shapes, data=union, fidelity=fidelity, previous=previous, reads=reads)
    if incremental is not None:
        incremental.record(raw, stats.fallbacks, stats.incremental, stats.seconds)
    out = [
        locator.result(
            severity=r.severity,
            shape=r.shape,
            message=" / ".join(sorted(str(m) for m in set(r.messages))),
            focus=r.focus,
            value=r.value,
            path=r.path,
        )
        for r in raw
    ]
    return report, out, dict(stats.fallbacks)


def _run_pyshacl(union: Graph, shapes: Graph, locator: Locator, shapes_dir: Path) -> tuple[Graph, list[Result]]:
    """pySHACL's report graph for ``union`` and its results, located."""
    if isinstance(union, Dataset):  # pySHACL validates a Dataset graph by graph: it is given the union as one graph
        one = Graph()
        one.addN((s, p, o, one) for s, p, o in union.triples((None, None, None)))
        union = one
    with prepared_queries():  # rdflib parses each constraint's query once, not once per focus node
        _, report, _ = pyshacl.validate(union, shacl_graph=shapes, **PYSHACL_OPTIONS)
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
