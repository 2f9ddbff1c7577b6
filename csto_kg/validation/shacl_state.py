"""What a build keeps of its SHACL validation, and how the next build starts from it.

A build writes ``shacl-state.json`` beside its report: a fingerprint of what decides SHACL's results besides the
data (the shapes, this package's code, the versions of rdflib, pySHACL and Oxigraph), a digest of the files of
each graph it validated, its raw SHACL results and the query analyses of :mod:`.reads`. The next build with the
same fingerprint compares its validated union with the previous build's served store, graph by graph where the
files changed and the inferred graph whole (:meth:`Incremental.previous`), and validates again only the focus
nodes the changed triples reach (:mod:`.incremental`). Anything else (no previous build, another fingerprint, a
previous build without a report or whose store cannot be read) is a whole validation, and the build's manifest
says why (``shacl_incremental``). The query analyses depend only on :mod:`.reads` and rdflib's parser: they are
carried from build to build across other changes (a whole validation keeps them for the next incremental one).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from .. import __version__
from ..errors import UserError
from ..loader import curated_files, ontology_files
from ..namespaces import ENTITIES_GRAPH, INFERRED_GRAPH, META_GRAPH, ONTOLOGY_GRAPH, SUPPORT_GRAPH, seed_graph
from ..terms import Terms
from .incremental import Delta
from .reads import Reads, reads_of
from .shacl_store import Previous, RawResult

__all__ = ["STATE_FILE", "INCREMENTAL_FROM_S", "Incremental", "incremental_since"]

STATE_FILE = "shacl-state.json"
# An incremental SHACL validation costs a second or two of its own (comparing the graphs, analysing the queries
# the first time, walking from each change): below this many seconds of the previous build's SHACL it is not worth it.
INCREMENTAL_FROM_S = 2.0
_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent


def fingerprint(root: Path) -> str:
    """What decides SHACL's results besides the validated graph: the shapes, the code, the libraries."""
    h = hashlib.sha256(f"{_FORMAT}\0{__version__}".encode())
    for lib in ("rdflib", "pyshacl", "pyoxigraph"):
        h.update(f"\0{lib}={version(lib)}".encode())
    files = [("shapes/" + p.name, p) for p in sorted((root / "shapes").glob("*.ttl"))]
    files += [("csto_kg/" + str(p.relative_to(_PACKAGE)), p) for p in sorted(_PACKAGE.rglob("*.py"))]
    for name, path in files:
        h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def reads_fingerprint() -> str:
    """What decides a query's analysis (:func:`.reads.reads_of`): that module and rdflib's SPARQL parser. The
    analyses outlive a change of the shapes or of other code (the query texts are their keys)."""
    h = hashlib.sha256(f"{_FORMAT}\0rdflib={version('rdflib')}\0".encode())
    h.update((_PACKAGE / "validation" / "reads.py").read_bytes())
    return h.hexdigest()


def graph_digests(root: Path) -> dict[str, str]:
    """Each validated graph (the ontology, each curated file's) -> a digest of the bytes of its files."""
    out = {}
    onto = hashlib.sha256()
    for path in ontology_files(root):
        onto.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    out[str(ONTOLOGY_GRAPH)] = onto.hexdigest()
    for path in curated_files(root):
        graph = ENTITIES_GRAPH if path.stem == "entities" else seed_graph(path.stem)
        out[str(graph)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# --- terms and results as JSON ----------------------------------------------------------------------------------


def _term(t) -> list | None:
    if t is None:
        return None
    if isinstance(t, URIRef):
        return ["iri", str(t)]
    if isinstance(t, BNode):
        return ["blank", str(t)]
    if isinstance(t, Literal):
        return ["literal", str(t), t.language, None if t.datatype is None else str(t.datatype)]
    raise TypeError(f"not an RDF term: {t!r}")


def _node(j: list | None):
    if j is None:
        return None
    kind = j[0]
    if kind == "iri":
        return URIRef(j[1])
    if kind == "blank":
        return BNode(j[1])
    return Literal(j[1], lang=j[2], datatype=None if j[3] is None else URIRef(j[3]), normalize=False)


_FIELDS = ("focus", "shape", "component", "severity", "value", "path", "source_constraint")


def _result_json(r: RawResult) -> dict:
    out = {f: _term(getattr(r, f)) for f in _FIELDS}
    out["messages"] = [_term(m) for m in r.messages]
    return out


def _result(j: dict) -> RawResult:
    return RawResult(messages=tuple(_node(m) for m in j["messages"]), **{f: _node(j[f]) for f in _FIELDS})


# --- one build's incremental SHACL -----------------------------------------------------------------------------


class Incremental:
    """A build's SHACL against the previous build's: what it starts from, and what it leaves for the next.

    ``summary`` is what the manifest records: the previous build, why the validation was whole if it was, how
    many triples changed, and per shape whether its results were kept, validated again for some focus nodes, or
    whole."""

    def __init__(self, root: Path, previous_build: Path | None):
        self.root = root
        self.fingerprint = fingerprint(root)
        self.graphs = graph_digests(root)
        self.previous_build = previous_build
        self.old: dict | None = None
        self.summary: dict = {"previous": None if previous_build is None else previous_build.name}
        self.analyses: dict[str, Reads] = {}
        self.used: set[str] = set()  # the analyses this validation asked for
        self.state: dict | None = None
        why = self._open()
        if why is not None:
            self.summary["whole"] = why

    def _open(self) -> str | None:
        if self.previous_build is None:
            return "no previous build"
        try:
            old = json.loads((self.previous_build / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "the previous build kept no SHACL results"
        if old.get("format") == _FORMAT and old.get("reads_fingerprint") == reads_fingerprint():
            self.analyses = {k: Reads.from_json(v) for k, v in old.get("reads", {}).items()}
        if old.get("format") != _FORMAT or old.get("fingerprint") != self.fingerprint:
            return "the shapes, the code or a library changed since the previous build"
        self.old = old
        return None

    @property
    def possible(self) -> bool:
        """Whether the previous build allows an incremental validation (else ``summary["whole"]`` says why)."""
        return self.old is not None

    def refuse(self, why: str) -> None:
        """Validate whole, for ``why``; what this validation gives is still kept for the next build."""
        self.old = None
        self.summary["whole"] = why

    def reads(self, text: str) -> Reads:
        """:func:`.reads.reads_of`, remembered from build to build (by the text's digest, its ``PREFIX`` lines
        sorted: pySHACL writes a constraint's prefixes in an order that differs from process to process)."""
        lines = text.split("\n")
        prefixes = sorted(line for line in lines if line.startswith("PREFIX "))
        rest = [line for line in lines if not line.startswith("PREFIX ")]
        key = hashlib.sha256("\n".join(prefixes + rest).encode()).hexdigest()
        self.used.add(key)
        got = self.analyses.get(key)
        if got is None:
            got = self.analyses[key] = reads_of(text)
        return got

    def previous(self, store: ox.Store, dataset: Dataset) -> Previous | None:
        """The previous results and the triples the union validated in ``store`` gained or lost since."""
        if self.old is None:
            return None
        if not isinstance(dataset, Dataset):  # a union copied out of its graphs: nothing to compare graph by graph
            self.summary["whole"] = "the validated union is not the loaded dataset's graphs"
            return None
        t = time.perf_counter()
        changed = {
            g for g in set(self.graphs) | set(self.old["graphs"]) if self.graphs.get(g) != self.old["graphs"].get(g)
        }
        try:
            old_store = ox.Store.read_only(str(self.previous_build / "store"))
            delta = _delta(old_store, store, dataset, sorted(changed) + [str(INFERRED_GRAPH)])
        except OSError as e:
            self.summary["whole"] = f"the previous build's store cannot be read: {e}"
            return None
        self.summary.update(changed_graphs=len(changed), changed_triples=len(delta), delta_s=time.perf_counter() - t)
        results = [_result(r) for r in self.old["results"]]
        whole = frozenset(_node(n) for n in self.old.get("whole", []))
        return Previous(results, delta, whole)

    def record(self, results: list[RawResult], whole, incremental: dict, seconds: dict | None = None) -> None:
        """What this build's SHACL gave: kept for the next build (:meth:`write`) and summed up in ``summary``."""
        self.state = {
            "format": _FORMAT,
            "fingerprint": self.fingerprint,
            "graphs": self.graphs,
            "whole": [_term(n) for n in sorted(whole, key=str)],
            "results": [_result_json(r) for r in results],
            "reads_fingerprint": reads_fingerprint(),
            # for the builds after: those this validation used, or, when it used none (whole), all it was given
            "reads": {k: v.to_json() for k, v in sorted(self.analyses.items()) if not self.used or k in self.used},
        }
        if "whole" not in self.summary:
            kinds = {"kept": 0, "again": 0, "whole": 0}
            for v in incremental.values():
                kinds["whole" if isinstance(v, str) else "again" if v else "kept"] += 1
            self.summary["shapes"] = kinds
            self.summary["focus_nodes_again"] = sum(v for v in incremental.values() if isinstance(v, int))
            slowest = sorted((seconds or {}).items(), key=lambda kv: -kv[1])[:5]
            self.summary["slowest_shapes"] = [[str(n), round(t, 3), incremental.get(n)] for n, t in slowest]

    def write(self, folder: Path) -> None:
        if self.state is not None:
            (folder / STATE_FILE).write_text(json.dumps(self.state, ensure_ascii=False), encoding="utf-8")


def incremental_since(root: Path, previous: Path | None, manifest: dict | None) -> Incremental | None:
    """SHACL validated against the build ``previous`` (its folder and manifest), with the default engine; None
    with pySHACL (the reference validates whole).

    ``CSTO_KG_SHACL_INCREMENTAL``: ``auto`` (the default: incremental once the previous build's SHACL took
    :data:`INCREMENTAL_FROM_S` or more), ``1`` (whenever the previous build allows it), ``0`` (whole)."""
    from .shacl import shacl_engine

    if shacl_engine() != "store" or os.environ.get("CSTO_KG_SHACL_SPARQL") == "pyshacl":
        return None
    mode = os.environ.get("CSTO_KG_SHACL_INCREMENTAL", "auto")
    if mode not in ("auto", "0", "1"):
        raise UserError(f"CSTO_KG_SHACL_INCREMENTAL={mode!r}: expected auto, 0 or 1")
    incremental = Incremental(root, previous)
    if not incremental.possible:  # the summary says why
        return incremental
    took = ((manifest or {}).get("validate_s") or {}).get("shacl") or 0.0
    if mode == "0":
        incremental.refuse("CSTO_KG_SHACL_INCREMENTAL=0")
    elif mode == "auto" and took < INCREMENTAL_FROM_S:
        incremental.refuse(f"the previous build's SHACL took {took:.2f} s, less than {INCREMENTAL_FROM_S} s")
    return incremental


def _delta(old: ox.Store, new: ox.Store, dataset: Dataset, graphs: list[str]) -> Delta:
    """The triples in exactly one of the two validated unions, found among the triples of ``graphs``.

    A graph not listed has the same files in both builds, so the same triples (the loader's blank node labels
    follow the file). The old union is the previous served store's named graphs but graph:meta and
    graph:support; the new one is SHACL's store's default graph. Each listed graph is compared as N-Triples
    lines, both written by Oxigraph's serialiser (the inferred graph at 1e6: 240,000 triples a side, compared as
    bytes rather than as terms made in Python); a literal the store wrote canonically differs in spelling only,
    and the stores' own look-ups, which compare values, drop it.
    """
    from ..indexed_graph import dataset_view

    skip = {ox.NamedNode(str(META_GRAPH)), ox.NamedNode(str(SUPPORT_GRAPH))}
    terms = Terms()
    view = dataset_view(dataset)
    differing: set = set()
    written: set = set()  # the lines as this build's graphs spell them
    for g in graphs:
        before = set(old.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)).split(b"\n"))
        conv = terms.ox
        triples = (
            ox.Triple(conv(s), conv(p), conv(o)) for s, p, o in view.graph(URIRef(g)).triples((None, None, None))
        )
        now = set(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).split(b"\n"))
        differing |= before ^ now
        written |= now - before
    candidates = ox.parse(b"\n".join(differing), format=ox.RdfFormat.N_TRIPLES)
    respelled = {
        t for t in ox.parse(b"\n".join(written), format=ox.RdfFormat.N_TRIPLES) if isinstance(t.object, ox.Literal)
    }

    def in_old(t) -> bool:
        return any(q.graph_name not in skip for q in old.quads_for_pattern(t.subject, t.predicate, t.object, None))

    def in_new(t) -> bool:
        return any(True for _ in new.quads_for_pattern(t.subject, t.predicate, t.object, ox.DefaultGraph()))

    out = set()
    for t in candidates:
        was, now_in = in_old(t), in_new(t)
        if was == now_in and not (now_in and t in respelled):
            continue
        holder = new if now_in else old  # the term as the stores hold it (literals canonical)
        graph = ox.DefaultGraph() if now_in else None
        q = next(iter(holder.quads_for_pattern(t.subject, t.predicate, t.object, graph)))
        if was == now_in and q.object.value == t.object.value:
            continue  # in both, spelled as the store spells it: not respelled, held in another graph too
        # in one union only; or in both by value, but spelled otherwise than the store spells it ("04" for "4"),
        # which a result's value shows (shacl_terms.Fidelity maps it back to the file's spelling)
        out.add(ox.Triple(q.subject, q.predicate, q.object))
    return Delta(sorted(out, key=str))
