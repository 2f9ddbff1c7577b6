"""``csto-kg build``: curated files -> one dataset with inferred triples, ready to serve.

A build lives in ``build/builds/<key>/`` where ``key`` hashes every input:
every file of the trees ``ontology/``, ``kg/``, ``shapes/``, ``queries/`` and
``seeds/``, and every file of the ``csto_kg`` package (nothing listed by hand:
a new module or a changed base IRI makes a new build). ``build/current`` is a symlink to the last good build,
switched atomically once a new build is complete; a build that fails leaves
``current`` untouched. A build holds:

- ``dataset.nq``: every quad (a named graph per seed, ``graph:entities``,
  ``graph:ontology``, ``graph:inferred``, ``graph:support``, ``graph:meta``);
- ``store/``: the same quads in an Oxigraph store, opened read-only by the server (after an edit, the previous
  build's store updated with the quads that changed: :func:`.served_store.update_store`);
- ``validation.ttl`` / ``validation.json``: the SHACL + provenance report;
- ``dumps/``: the export files and their checksums (see :mod:`csto_kg.export`);
- ``served/``: the seeds, queries and shapes the server shows (it never reads the checkout);
- ``manifest.json``: the key, counts, timings and versions.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import time
from collections import Counter, defaultdict
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef

from . import __version__, paths
from .errors import UserError
from .heap import trim
from .indexed_graph import dataset_view
from .loader import LoadedData, load
from .namespaces import GRAPH, INFERRED_GRAPH, META_GRAPH, RDF, SKOS, SUPPORT_GRAPH, WD
from .reason import infer_into
from .served_store import store_format
from .validation.shacl_terms import fidelity
from .void import Partitions

__all__ = ["Build", "inputs_key", "current_build", "build", "ensure_built", "pin"]

# The input trees under the project root: any file in them changing makes a new build.
INPUT_TREES = ("ontology", "kg", "shapes", "queries", "seeds")
PACKAGE = Path(__file__).resolve().parent  # the code that turns the inputs into a build (all of it)


@dataclass(frozen=True)
class Build:
    path: Path
    manifest: dict
    reused: bool = False

    @property
    def nquads(self) -> Path:
        return self.path / "dataset.nq"

    @property
    def store_path(self) -> Path:
        return self.path / "store"

    @property
    def dumps(self) -> Path:
        return self.path / "dumps"

    @property
    def key(self) -> str:
        return self.manifest["key"]

    def served(self, kind: str) -> Path:
        """The copy of the inputs ``kind`` (``seeds``, ``queries``, ``shapes``) the server reads (see :data:`SERVED`)."""
        return self.path / "served" / kind


# --- What the server reads besides the store: copied into the build, so that it never reads the checkout ---
SERVED = (("seeds", "*.txt"), ("queries", "*.rq"), ("shapes", "*.ttl"))


# the validator's Python rules, described where the shapes are served: the sh:sourceShape of their results
RULES_DOCUMENT = "validation-rules.ttl"


def _copy_served(root: Path, staging: Path) -> None:
    for folder, pattern in SERVED:
        target = staging / "served" / folder
        target.mkdir(parents=True)
        for f in sorted((root / folder).glob(pattern)):
            shutil.copy2(f, target / f.name)
    from .validation.rules import rules_graph

    (staging / "served" / "shapes" / RULES_DOCUMENT).write_text(rules_graph().serialize(format="turtle"), "utf-8")


def _tree(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )


def input_files(root: Path | None = None, package: Path | None = None) -> list[tuple[str, Path]]:
    """Every input of a build, named as the key hashes it: the trees under ``root`` and the package's files."""
    root = root or paths.root()
    files = [(str(p.relative_to(root)), p) for folder in INPUT_TREES for p in _tree(root / folder)]
    package = package or PACKAGE
    files += [("csto_kg/" + str(p.relative_to(package)), p) for p in _tree(package)]
    return files


def inputs_key(root: Path | None = None, package: Path | None = None) -> str:
    """The build key: a SHA-256 over the names and bytes of every input file (whole trees, nothing listed by hand)."""
    h = hashlib.sha256(__version__.encode())
    for name, f in input_files(root, package):
        h.update(name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def current_build(build_dir: Path | None = None) -> Build | None:
    """The last good build, if there is one."""
    link = (build_dir or paths.build_dir()) / "current"
    try:
        target = link.resolve(strict=True)
        manifest = json.loads((target / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    return Build(target, manifest, reused=True)


def ensure_built(root: Path | None = None, build_dir: Path | None = None, **kw) -> Build:
    """The current build if its inputs are unchanged; else a new build."""
    cur = current_build(build_dir)
    if cur is not None and cur.manifest.get("key") == inputs_key(root):
        return cur
    return build(root, build_dir, **kw)


def _graph_counts(ds: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in ds.graphs() if len(g)}


def _describe_itself(ds: Dataset, support, counts: dict[str, int], describe) -> tuple[set, int, int]:
    """graph:meta, its size and the dataset's ``void:triples``: the distinct triples of the default graph as the
    endpoint serves it (the union of every named graph, graph:meta included, a triple held twice counted once).

    graph:meta states both numbers about itself, so they are found as a fixed point: describe with the last
    guess, count, again until neither changes (a number only changes a literal, so the second round agrees).
    """

    data, extra, vocabularies = _union_of(ds, support)  # the union: data | extra, disjoint
    base = _partition_counts(ds, data, extra)
    size = total = 0
    parts = base
    for _ in range(6):
        meta = set(describe(ds, {**counts, str(META_GRAPH): size}, total, vocabularies, parts))
        own = [t for t in meta if t not in data and t not in extra]
        found = len(meta), len(data) + len(extra) + len(own), _with_meta(base, own, data, extra)
        if found == (size, total, parts):
            return meta, size, total
        size, total, parts = found
    raise RuntimeError("the dataset description does not settle on its own size")


def _partition_counts(ds: Dataset, data, extra) -> Partitions:
    """The union's class partitions (distinct instances), property partitions (distinct triples) and Wikidata links,
    read from the memory store's predicate index where it has one (at 10^6 ~0.5 s), then the support triples the
    dataset lacks (``extra``)."""
    from .indexed_graph import _indexes

    properties: Counter = Counter()
    instances: dict = defaultdict(set)
    indexes = _indexes(ds)
    if indexes is None:
        for s, p, o in data:
            properties[p] += 1
            if p == RDF.type:
                instances[o].add(s)
    else:
        for p, by_object in indexes[1].items():  # predicate -> object -> subjects
            n = sum(len(subjects) for subjects in by_object.values())
            if n:
                properties[p] += n
        for o, subjects in indexes[1].get(RDF.type, {}).items():
            instances[o].update(subjects)
    for s, p, o in extra:
        properties[p] += 1
        if p == RDF.type:
            instances[o].add(s)
    links = [(s, o) for s, o in _exact_matches(ds, data, indexes) if str(o).startswith(str(WD))]
    links += [(s, o) for s, p, o in extra if p == SKOS.exactMatch and str(o).startswith(str(WD))]
    return Partitions(
        classes={str(c): len(members) for c, members in instances.items() if isinstance(c, URIRef)},
        properties={str(p): n for p, n in properties.items()},
        links=len(set(links)),
        linked=len({s for s, _ in links}),
    )


def _exact_matches(ds: Dataset, data, indexes) -> list:
    if indexes is None:
        return [(s, o) for s, p, o in data if p == SKOS.exactMatch]
    return [(s, o) for o, subjects in indexes[1].get(SKOS.exactMatch, {}).items() for s in subjects]


def _with_meta(base: Partitions, own: list, data, extra) -> Partitions:
    """``base`` with graph:meta's own triples (those the rest of the union lacks) counted in."""
    if not own:
        return base
    properties = Counter(base.properties)
    properties.update(str(p) for _, p, _ in own)
    classes = dict(base.classes)
    for s, p, o in own:
        if p == RDF.type and (s, p, o) not in data and (s, p, o) not in extra:
            classes[str(o)] = classes.get(str(o), 0) + 1
    return Partitions(classes=classes, properties=dict(properties), links=base.links, linked=base.linked)


def _union_of(ds: Dataset, support: set) -> tuple:
    """The union of the dataset's graphs and ``support`` as two disjoint sets of triples (the dataset's own, then
    the support triples it lacks), and the namespaces its predicates and classes use (its void:vocabulary).

    The dataset's triples are the set rdflib's memory store keeps of every triple it holds, whatever its graphs
    (no copy: at 10^6 a set of the 3.4 M triples cost ~10 s and ~0.4 GB), its predicates and classes the keys of
    its predicate index; a store without that set (another plugin, quoted triples) is read quad by quad.
    """
    from .indexed_graph import _indexes
    from .void import vocabularies_of

    indexes = _indexes(ds)
    if indexes is None:
        data = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
        vocabularies = vocabularies_of(data)
    else:
        data = ds.store._Memory__contextTriples[None]  # every triple of the store, once
        pos = indexes[1]  # predicate -> object -> subjects
        used = [(None, p, None) for p, by_object in pos.items() if any(by_object.values())]  # a removal leaves {}
        used += [(None, RDF.type, o) for o, subjects in pos.get(RDF.type, {}).items() if subjects]
        vocabularies = vocabularies_of(used)
    extra = {t for t in support if t not in data}
    return data, extra, vocabularies | vocabularies_of(extra)


def build(
    root: Path | None = None,
    build_dir: Path | None = None,
    *,
    validate: bool = True,
    dumps: bool = True,
    reasoner: str | None = None,
    release: bool = True,
) -> Build:
    """Build into a new folder and make it current; ``reasoner`` is ``fast`` (default) or ``owlrl`` (see :mod:`.reason`).

    ``release=False`` is for a process that ends after the build (``csto-kg build``): where the served store is
    updated (its process then ends soon after the rules), the rdflib dataset, millions of objects in reference
    cycles, is left to the process's end rather than collected and freed object by object once the rules are done
    (~7 s at 1e6, on the build's critical path). It stays frozen (``gc.freeze``), so the interpreter's last
    collection, at exit, does not walk it either.

    A caller that had frozen objects itself (a test session, an application that builds) finds them frozen again
    afterwards: unfreezing, which gives the build's own frozen objects back to the collector, gives it the
    caller's too, and every later full collection walked them all (in the test suite's workers, 150-270 ms each).
    """
    collecting = gc.isenabled()
    held = gc.get_freeze_count()  # objects the caller froze before the build
    try:
        return _build(root, build_dir, validate=validate, dumps=dumps, reasoner=reasoner, release=release)
    finally:
        if release:
            gc.unfreeze()  # what the stages froze (see _release_memory) is the collector's again, even after a failure
            if held:  # the build's garbage collected, then what lives on (the caller's among it) frozen again
                gc.collect()
                gc.freeze()
        gc.enable() if collecting else gc.disable()  # the collector as the caller had it


def _build(
    root: Path | None, build_dir: Path | None, *, validate: bool, dumps: bool, reasoner: str | None, release: bool
) -> Build:
    root = root or paths.root()
    build_dir = build_dir or paths.build_dir()
    began = time.perf_counter()
    timings: dict[str, float] = {}
    started: dict[str, float] = {}  # when the validation and the store process started, in seconds into the build
    cpu: dict[str, float] = {}  # the same stages in this process's CPU seconds (all its threads)
    key = inputs_key(root)
    previous = current_build(build_dir)  # SHACL validates again only what changed since (see _incremental)

    t = time.perf_counter()
    c = time.process_time()
    gc.disable()  # until graph:support is derived: see _release_memory
    data: LoadedData = load(root)
    timings["load"] = time.perf_counter() - t
    cpu["load"] = time.process_time() - c

    t = time.perf_counter()
    c = time.process_time()
    ds = data.dataset
    inferred = infer_into(ds, INFERRED_GRAPH, reasoner)  # over the union of the loaded graphs, in place
    timings["infer"] = time.perf_counter() - t
    cpu["infer"] = time.process_time() - c

    builds = build_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    staging = builds / f".{key[:16]}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    writes = None
    try:
        # Every quad is written first: the loaded and inferred ones, then graph:support and graph:meta (derived
        # from the loaded data alone). SHACL validates the union of the loaded and inferred quads only (the file's
        # first part) in an in-memory store; a process of its own writes the dumps from the file beside SHACL, and
        # the served store once SHACL is done and that store released, beside the Python rules.
        from .support import curated_file_facts, support_of
        from .void import describe

        t = time.perf_counter()
        c = time.process_time()
        facts = curated_file_facts(data)  # what each file says of its facts: read by graph:support and the rules
        support = support_of(data, facts)  # graph:support: derived, like graph:inferred
        gc.freeze()
        gc.enable()
        timings["support"] = time.perf_counter() - t
        cpu["support"] = time.process_time() - c

        t = time.perf_counter()
        c = time.process_time()
        counts = _graph_counts(ds)
        counts[str(SUPPORT_GRAPH)] = len(support)
        meta, counts[str(META_GRAPH)], union_triples = _describe_itself(ds, support, counts, describe)
        timings["describe"] = time.perf_counter() - t
        cpu["describe"] = time.process_time() - c

        t = time.perf_counter()
        c = time.process_time()
        nq = staging / "dataset.nq"
        literals = _write_nquads(dataset_view(ds).quads((None, None, None, None)), nq)
        validated_bytes = nq.stat().st_size  # the loaded and inferred quads: what SHACL validates
        derived = ((SUPPORT_GRAPH, support), (META_GRAPH, meta))
        _write_nquads(((s, p, o, g) for g, triples in derived for s, p, o in triples), nq, "ab")
        timings["write_nquads"] = time.perf_counter() - t
        cpu["write_nquads"] = time.process_time() - c
        del support, meta, derived
        c = time.process_time()
        fid = fidelity(ds, literals)  # what the store will spell otherwise of the literals written
        cpu["fidelity"] = time.process_time() - c
        store_respelled = fid.altered
        since, store_incremental = _store_since(previous, store_respelled)
        # What the stages froze stays frozen: its few cycles (1e6: 174 k objects, ~25 MB) wait for the release after
        # the rules, or the process's exit; collecting them now meant walking all 5.7 M frozen objects, 3.2 s before
        # either process could go on.
        _release_memory(frozen_too=False)

        # The process writing the store and the dumps, started now the file is whole; with a validation, it waits
        # for the go, given once SHACL is done and its in-memory store released, before the store and the dumps,
        # which run beside the rules (they never read the store) for less memory than that store held. Where it
        # updates the store (seconds, not a minute), it first writes the streamed dumps beside SHACL, on the core
        # SHACL leaves free (~40 MB); beside a whole SHACL, whose store's bulk load takes both cores, they slowed it
        # by ~6 s at 1e6, more than they save once the store, written whole, outlasts the rules.
        from .served_store import start

        background = time.perf_counter()
        started["writes"] = background - began
        first = validate and since is not None
        out = staging / "dumps" if dumps else None
        writes = start(nq, staging / "store", out, since, wait=validate, dumps_first=first)

        def go() -> None:
            started["go"] = time.perf_counter() - began
            writes.go()

        report = incremental = None
        if validate:
            t = time.perf_counter()
            c = time.process_time()
            started["validate"] = t - began
            incremental = _incremental(root, previous)
            report = _validate(
                data, inferred, nq, fid, validated_bytes, cpu, after_shacl=go, incremental=incremental, facts=facts
            )
            if incremental is not None:
                incremental.write(staging)
            timings["validate"] = time.perf_counter() - t
            cpu["validate"] = time.process_time() - c
        # Nothing reads the rdflib dataset any more: freed now, unless the process ends with the build (release)
        # and the store is being updated, so that its process ends soon after the rules: freeing would then be on
        # the build's critical path. A store written whole outlasts the rules, and needs the room for the dumps.
        del literals, fid, data, ds, inferred, facts
        if release or since is None:
            _release_memory()

        _copy_served(root, staging)
        if report is not None:
            (staging / "validation.ttl").write_text(report.graph.serialize(format="turtle"), encoding="utf-8")
            (staging / "validation.json").write_text(
                json.dumps(report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8"
            )

        t = time.perf_counter()
        c = time.process_time()
        alongside = writes.wait()  # its own durations, which overlapped copying the served files and the report
        alongside_cpu = alongside.pop("cpu", {})
        store_incremental.update(alongside.pop("store", {}))
        writes = None
        timings["writes_wait"] = time.perf_counter() - t  # what it added to the build's time
        cpu["writes_wait"] = time.process_time() - c
        alongside["elapsed"] = time.perf_counter() - background

        derived = (str(INFERRED_GRAPH), str(META_GRAPH), str(SUPPORT_GRAPH))
        asserted_count = sum(n for g, n in counts.items() if g not in derived)
        manifest = {
            "key": key,
            "version": __version__,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "graphs": counts,
            "triples": {
                "asserted": asserted_count,
                "inferred": counts.get(str(INFERRED_GRAPH), 0),
                "meta": counts.get(str(META_GRAPH), 0),
                "support": counts.get(str(SUPPORT_GRAPH), 0),
                "total": sum(counts.values()),
            },
            "union_triples": union_triples,  # distinct triples of the default graph: the dataset's void:triples
            "seed_graphs": sorted(g for g in counts if g.startswith(str(GRAPH)) and g.rsplit("/", 1)[-1][:3].isdigit()),
            "conforms": None if report is None else report.conforms,
            "timings_s": {k: round(v, 3) for k, v in timings.items()},
            "started_s": {k: round(v, 3) for k, v in started.items()},
            # The store and the dumps, by a process of its own started once dataset.nq is whole: the go awaited until
            # SHACL is done (waited), the streamed dumps written meanwhile where the store is updated (dumps_first),
            # then the store and the dumps left.
            "alongside_s": {k: round(v, 3) for k, v in alongside.items()},
            # CPU seconds (process_time, every thread) of this process's stages and of the store process's
            "cpu_s": {k: round(v, 3) for k, v in cpu.items()},
            "alongside_cpu_s": {k: round(v, 3) for k, v in alongside_cpu.items()},
            "validate_s": None if report is None else {k: round(v, 3) for k, v in report.seconds.items()},
            "validate_cpu_s": None if report is None else {k: round(v, 3) for k, v in report.cpu_seconds.items()},
            "shacl_incremental": None if incremental is None else incremental.summary,
            "store_incremental": store_incremental,  # the served store updated from the previous build's, or why not
            "store_format": store_format(),
            "store_respelled_literals": store_respelled,  # literals the store spells otherwise (1.50 -> 1.5)
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2))

        final = builds / key[:16]
        if final.exists():
            shutil.rmtree(final)
        staging.rename(final)
    except BaseException:
        if writes is not None:
            writes.kill()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _switch_current(build_dir, final)
    _prune(builds, keep={final.name})
    return Build(final, manifest)


def _release_memory(*, frozen_too: bool = True) -> None:
    """Give the freed rdflib dataset's memory back to the system before the store's bulk loads.

    Python's cyclic collector is off while the build loads, infers and derives graph:support, then what they
    left alive is frozen (``gc.freeze``): the loaded dataset, the inferred triples and graph:support are millions
    of objects that live until here, and the collector walked all of them in each of its full collections while
    the stages allocated (1e5: 10 full collections, ~1.1 s of 4.3 s of CPU for those three stages, and more in
    the validation after them); they leave little garbage in cycles (1e5: 18 k objects, 3 MB). Frozen objects
    are still freed by reference counting; their cycles (rdflib's graphs and store refer to each other) are
    collected here, once unfrozen (``frozen_too``; otherwise only what was made since the freeze is collected).
    ``build`` turns the collector back on, and unfreezes (unless ``release`` is false), however it ends.

    Python frees a memory arena only once nothing in it is alive: the few terms a cache keeps
    pin most of the dataset's arenas (1e5: 236 MB kept after freeing it, 110 MB once the caches
    are cleared); glibc's ``malloc_trim`` then returns its own free pages.
    """
    from .namespaces import curie

    curie.cache_clear()
    if frozen_too:
        gc.unfreeze()  # what the stages froze (gc.freeze: the loaded dataset, the inferred and support triples)
    gc.collect()
    gc.freeze()  # what is left lives on: later collections need not walk it again
    trim()


STORE_INCREMENTAL_FROM = 250_000  # quads in the previous build from which `auto` updates its store (about 1e5)


def _store_since(previous: Build | None, respelled: int) -> tuple[Path | None, dict]:
    """The previous build whose served store the store process updates (:func:`.served_store.update_store`)
    rather than writing the store whole, and the manifest's ``store_incremental`` so far (why whole, if so).

    ``CSTO_KG_STORE_INCREMENTAL``: ``auto`` (the default: once the previous build has
    :data:`STORE_INCREMENTAL_FROM` quads or more; below that, the whole store takes a second or two to write),
    ``1`` (whenever the previous build allows it), ``0`` (whole). A store is updated only from one of the same
    format (Oxigraph's version, the code writing it), and only when neither build has a literal the store spells
    otherwise (``"1.50"^^xsd:decimal`` stored as ``1.5``): then each line of ``dataset.nq`` is one quad of the
    store, and the lines that changed are the quads that changed."""
    mode = os.environ.get("CSTO_KG_STORE_INCREMENTAL", "auto")
    if mode not in ("auto", "0", "1"):
        raise UserError(f"CSTO_KG_STORE_INCREMENTAL={mode!r}: expected auto, 0 or 1")
    manifest = previous.manifest if previous is not None else {}
    if previous is None:
        why = "no previous build"
    elif mode == "0":
        why = "CSTO_KG_STORE_INCREMENTAL=0"
    elif mode == "auto" and manifest.get("triples", {}).get("total", 0) < STORE_INCREMENTAL_FROM:
        why = f"the previous build has fewer than {STORE_INCREMENTAL_FROM} quads"
    elif manifest.get("store_format") != store_format():
        why = "the previous build's store was written by another version of Oxigraph or of the code"
    elif respelled or manifest.get("store_respelled_literals", 1):
        why = "a literal of this build or the previous one is spelled otherwise than the store keeps it"
    elif not (previous.nquads.is_file() and previous.store_path.is_dir()):
        why = "the previous build has no dataset.nq or store"
    else:
        return previous.path, {}
    return None, {"whole": why}


def _incremental(root: Path, previous: Build | None):
    """The build's incremental SHACL (:func:`.validation.shacl_state.incremental_since`), None with pySHACL."""
    from .validation.shacl_state import incremental_since

    return incremental_since(root, previous and previous.path, previous and previous.manifest)


def _validate(
    data: LoadedData, inferred, nquads: Path, fid, end: int, cpu: dict, *, after_shacl, incremental=None, facts=None
):
    """The validation report of the loaded data and ``inferred``, the first ``end`` bytes of ``nquads``.

    ``fid``: what the store spells otherwise of their literals (:func:`.validation.shacl_terms.fidelity`).
    ``facts``: the curated files' facts, made for graph:support, which the rules read again (1.5 s at 1e6, for
    ~50 MB held through SHACL).
    ``cpu`` gets the CPU seconds of loading SHACL's store (``validate.load_store``); ``after_shacl`` is called
    once SHACL is done and its store released.

    SHACL runs in an in-memory Oxigraph store holding the union of those quads: at 1e6 triples it
    answers the compiled shapes in 25 s where the on-disk store took 90 s (bench/README.md), for ~0.5 GB,
    given back before the rules run (see :func:`.validation.validate_loaded`).
    """
    from .shacl_sparql import in_oxigraph
    from .validation import validate_loaded
    from .validation.shacl import shacl_engine

    # Oxigraph answers the SHACL-SPARQL constraints pySHACL would run itself, one query each (see shacl_sparql.py),
    # unless the reference is asked for, for comparison.
    reference = os.environ.get("CSTO_KG_SHACL_SPARQL") == "pyshacl"
    with nullcontext() if reference else in_oxigraph():
        if shacl_engine() != "store":  # pySHACL alone (the reference) reads the rdflib union
            return validate_loaded(data, inferred, after_shacl=after_shacl, file_facts=facts)
        # The store is made in the call's arguments, never named here: validate_loaded holds the only reference
        # and drops it once SHACL is done.
        return validate_loaded(
            data,
            inferred,
            store=_union_store(nquads, end, cpu),
            fidelity=fid,
            after_shacl=after_shacl,
            incremental=incremental,
            file_facts=facts,
        )


def _union_store(nquads: Path, end: int, cpu: dict):
    """An in-memory Oxigraph store whose default graph holds the triples of the first ``end`` bytes of ``nquads``."""
    import pyoxigraph

    from .served_store import load_union

    c = time.process_time()
    store = pyoxigraph.Store()
    load_union(store, nquads, end)
    cpu["validate.load_store"] = time.process_time() - c
    return store


def _write_nquads(quads, path: Path, mode: str = "wb") -> dict:
    """rdflib quads ``(s, p, o, graph)`` as N-Quads lines, each term spelled as Oxigraph spells it (lexical forms
    kept as loaded).

    A term's spelling is its Oxigraph term's ``str``, the N-Triples form Oxigraph's N-Quads serialiser writes
    (tests/test_build_nquads.py compares the bytes), made once per distinct term. Lines are written from those
    strings rather than from an Oxigraph ``Quad`` per quad handed to the serialiser: making the quads was most of
    the time (~0.65 of it at 1e5). Returns each literal written and the Oxigraph term it was written as.

    Those Oxigraph terms outlive the call (the store's fidelity, then SHACL), so they are made once the spellings
    are freed: made during the pass, among the spellings, they kept the allocator's pages alive through SHACL
    (1e6: the build process held 1,340 MB after this stage, against 1,231 MB with the terms made after it).
    """
    from .terms import to_ox

    spelled: dict = {}

    def spell(t) -> str:
        spelled[t] = text = str(to_ox(t.identifier if isinstance(t, Graph) else t))
        return text

    lines: list[str] = []
    with path.open(mode) as out:
        for s, p, o, g in quads:
            try:
                lines.append(f"{spelled[s]} {spelled[p]} {spelled[o]} {spelled[g]} .\n")
            except KeyError:
                lines.append(" ".join(spelled.get(t) or spell(t) for t in (s, p, o, g)) + " .\n")
            if len(lines) == _LINES_AT_ONCE:
                out.write("".join(lines).encode())
                lines.clear()
        out.write("".join(lines).encode())
    written = [t for t in spelled if isinstance(t, Literal)]
    spelled.clear()  # the spellings freed (see above)
    return {t: to_ox(t) for t in written}


_LINES_AT_ONCE = 8192  # lines encoded and written at a time


def _switch_current(build_dir: Path, target: Path) -> None:
    link = build_dir / "current"
    tmp = build_dir / f".current.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target.relative_to(build_dir))
    os.replace(tmp, link)  # atomic on POSIX


def pin(b: Build, pid: int | None = None) -> Path:
    """Mark ``b`` as in use by process ``pid`` (a server): pruning keeps it while that process lives.

    The marker is a file ``.pinned.<pid>`` in the build; the caller removes it when done,
    and a marker whose process is gone no longer counts.
    """
    marker = b.path / f".pinned.{pid or os.getpid()}"
    marker.touch()
    return marker


def _pinned(build_path: Path) -> bool:
    for marker in build_path.glob(".pinned.*"):
        try:
            os.kill(int(marker.name.rsplit(".", 1)[1]), 0)
            return True
        except (ValueError, ProcessLookupError):
            marker.unlink(missing_ok=True)  # its process is gone
        except PermissionError:
            return True  # alive, someone else's
    return False


def _prune(builds: Path, keep: set[str], spare: int = 1) -> None:
    """Remove old builds, keeping ``keep``, the ``spare`` most recent others, and any a live server pinned."""

    def built_at(p: Path) -> float:  # the manifest's time: a pin marker changes the folder's own mtime
        try:
            return (p / "manifest.json").stat().st_mtime
        except OSError:
            return 0.0

    done = sorted(
        (p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")), key=built_at, reverse=True
    )
    others = [p for p in done if p.name not in keep]
    for old in others[spare:]:
        if not _pinned(old):
            shutil.rmtree(old, ignore_errors=True)
