"""Orchestration: load, infer, run the SHACL shapes and the Python rules, and make one report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from .. import paths
from ..heap import trim, without_collector
from ..indexed_graph import add_triples, dataset_view, union_view
from ..loader import LoadedData, load
from ..namespaces import INFERRED_GRAPH, META_GRAPH, OA, ONTOLOGY_GRAPH, RDFS, SH, SHAPE
from ..reason import infer, infer_into
from ..today import today as read_today
from .locate import Locator, graph_id
from .report import SEVERITY_RANK, Report, report_graph
from .rules import ALL, PYTHON_RULES, Context
from .rules.provenance import required_values
from .shacl import load_shapes, run_shacl
from .shapes_check import check_project_shapes

__all__ = ["infer_loaded", "validate_loaded", "validate"]

# Shapes that reject an evidence node's structure: the Python quote checks skip such evidence.
_EVIDENCE_SHAPES = {
    SHAPE.EvidenceHasOneSource,
    SHAPE.EvidenceHasOneQuote,
    SHAPE.EvidenceHasOnePosition,
    SHAPE.QuoteSelectorExact,
    SHAPE.PositionSelectorStart,
    SHAPE.PositionSelectorEnd,
    SHAPE.PositionSelectorStartBeforeEnd,
}


def infer_loaded(data: LoadedData) -> Graph:
    """The inferred graph for loaded data (OWL RL + derived triples over the union of its graphs, read in place)."""
    return infer(data.dataset)


def _union(data: LoadedData, inferred: Graph) -> Graph:
    """What SHACL and the rules validate: the ontology, the curated graphs and the inferred graph, as one graph.

    That is the loaded dataset itself (its default graph is the union of its
    named graphs), with ``inferred`` as its graph ``graph:inferred`` (the build
    has put it there already): no copy of a million triples. ``graph:meta``, the
    build's description of itself, is not validated; a dataset holding it is
    copied without it.
    """
    ds = data.dataset
    if len(ds.graph(META_GRAPH)):
        union = Graph()
        union.addN((s, p, o, union) for s, p, o, g in ds.quads((None, None, None, None)) if graph_id(g) != META_GRAPH)
        union.addN((s, p, o, union) for s, p, o in inferred)
        return union
    target = ds.graph(INFERRED_GRAPH)
    if len(target) != len(inferred):
        add_triples(ds, target, inferred)
    return ds


@without_collector
def validate(root: Path | None = None) -> Report:
    """Load (``csto_kg.loader.load``), infer (``csto_kg.reason.infer``) and validate the graph under ``root``.

    SHACL starts from the current build's results where that is worth it, as a build does
    (:func:`.shacl_state.incremental_since`): the checkout is compared with that build."""
    root = root or paths.root()
    data = load(root)
    check_project_shapes(root, data.dataset.graph(ONTOLOGY_GRAPH))  # refused (file:line) before any inference
    shapes = load_shapes(root / "shapes")
    inferred = infer_into(data.dataset, INFERRED_GRAPH)  # added to the dataset as _union would, once
    if os.environ.get("CSTO_KG_SHACL_SPARQL") == "pyshacl":  # the reference, for comparison
        return validate_loaded(data, inferred, root=root, shapes=shapes)
    from ..build import current_build
    from ..shacl_sparql import in_oxigraph
    from .shacl_state import incremental_since

    build = current_build()
    incremental = incremental_since(root, build and build.path, build and build.manifest)
    with (
        in_oxigraph()
    ):  # the build's fast path: same report (tests/test_shacl_engine_equivalence.py, test_validate_cli.py)
        return validate_loaded(data, inferred, root=root, shapes=shapes, incremental=incremental)


def validate_loaded(
    data: LoadedData,
    inferred: Graph,
    *,
    root: Path | None = None,
    shapes: Graph | None = None,
    today: dt.date | None = None,
    store=None,
    fidelity=None,
    after_shacl: Callable[[], None] | None = None,
    incremental=None,
    file_facts: dict | None = None,
) -> Report:
    """Validate loaded data plus its inferred graph against the shapes, then run the Python rules.

    ``store``: a ``pyoxigraph.Store`` whose default graph already holds the union validated, and ``fidelity``
    what it altered of the union's literals (see run_shacl). The rules never read it: once SHACL is done this
    function drops its reference and gives the memory back (the build's, ~0.5 GB at 10^6 triples, holds no
    other), then calls ``after_shacl``. ``incremental``: a build's :class:`.shacl_state.Incremental` (see
    :func:`.shacl.run_shacl`). ``file_facts``: :func:`csto_kg.support.curated_file_facts` of ``data``, where the
    caller made them already (the build, for graph:support), else the rules make them."""
    c0 = time.process_time()
    today = today or read_today()  # a CSTO_KG_TODAY that is no date refused before any work
    root = root or _root_of(data)
    if shapes is None:  # the project's shapes/: refused, file:line, where a slip would switch a rule off
        check_project_shapes(root, data.dataset.graph(ONTOLOGY_GRAPH))
        shapes = load_shapes(root / "shapes")
    union = _union(data, inferred)
    # what the locator and the rules read: the same graphs through the store's indexes (no per-triple contexts)
    seen = dataclasses.replace(data, dataset=dataset_view(data.dataset))
    view = seen.dataset if union is data.dataset else union_view(union)
    locator = Locator(seen, view, root)
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {"setup": time.process_time() - c0}  # shapes, views and locator
    t, c = time.perf_counter(), time.process_time()
    shacl_graph, results, fallbacks = run_shacl(
        union, shapes, locator, root / "shapes", store=store, fidelity=fidelity, incremental=incremental
    )
    if store is not None:
        # The store's last reference can sit in a reference cycle, which only a collection frees: rdflib's SPARQL
        # parser (pyparsing), analysing the shapes' queries for an incremental validation, leaves exceptions whose
        # tracebacks hold its frames, and each frame its caller's, up to the engine's, which holds the store (at
        # 1e6, ~400 MB kept through the rules, beside the store process: bench/README.md).
        store = None
        gc.collect()
        trim()
    seconds["shacl"] = time.perf_counter() - t
    cpu["shacl"] = time.process_time() - c
    if after_shacl is not None:
        after_shacl()
    misfits = dict(filter(None, (locator.misfit(r.value) for r in results if r.shape == SHAPE.OwlRlConsistency)))
    results = [r for r in results if not _of_a_kind_it_is_not(r, misfits, shapes)]
    rejected = {
        view.value(predicate=OA.hasSelector, object=r.focus) or r.focus
        for r in results
        if r.severity == SH.Violation and r.shape in _EVIDENCE_SHAPES
    }
    ctx = Context(
        data=seen,
        union=view,
        inferred=inferred,
        locator=locator,
        root=root,
        shacl_results=results,
        today=today,
        rejected_evidence=rejected,
        value_list_shapes=frozenset(shapes.subjects(SH["in"], None)),
        known_file_facts=file_facts,
        required_values=required_values(shapes),
        misfits=misfits,
    )
    for rule in ALL:
        t, c = time.perf_counter(), time.process_time()
        results = results + rule.check(ctx)
        name = rule.iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        seconds[name] = time.perf_counter() - t
        cpu[name] = time.process_time() - c
        ctx.shacl_results = results  # later rules see earlier results (to stay silent on a reported problem)
    c0 = time.process_time()
    results.sort(key=_order)

    labels = {s: str(o) for s, o in shapes.subject_objects(RDFS.label)}
    labels.update({iri: label for iri, (label, _) in PYTHON_RULES.items()})
    graph = report_graph(shacl_graph, results, PYTHON_RULES)
    cpu["report"] = time.process_time() - c0
    return Report(
        results, graph, labels, root, seconds, cpu, fallbacks, None if incremental is None else incremental.summary
    )


def _of_a_kind_it_is_not(r, misfits: dict, shapes: Graph) -> bool:
    """One slip, one report: a result of a shape aimed at a class (``sh:targetClass``) that its focus has only
    because a curated statement made it so against a disjointness axiom (a csto:Topic written as the subject of
    csto:purpose, whose domain is csto:Fact: "a fact must have evidence"). shape:OwlRlConsistency reports that
    statement, at its line; the shapes of the class the slip gave the node say nothing of the node as written."""
    given = misfits.get(r.focus)
    return (
        bool(given)
        and r.shape != SHAPE.OwlRlConsistency
        and any(c in given for c in shapes.objects(r.shape, SH.targetClass))
    )


def _order(r) -> tuple:
    """Severity, file, line, rule, focus, then what tells two results of one focus apart (value, path, message):
    the order does not depend on the order the engine found them in (an incremental validation finds them in
    another)."""
    return (
        SEVERITY_RANK.get(r.severity, 3),
        str(r.file or "~"),
        r.line or 0,
        str(r.shape),
        str(r.focus),
        "" if r.value is None else r.value.n3(),
        "" if r.path is None else r.path.n3(),
        r.message,
    )


def _root_of(data: LoadedData) -> Path:
    for path in data.files.values():
        if path.parent.name == "kg":
            return path.parent.parent
    return paths.root()
