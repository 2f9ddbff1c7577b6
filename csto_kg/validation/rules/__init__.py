"""The checks SHACL cannot make, one module per family, each reported as ``sh:ValidationResult`` s.

A rule is a :class:`Rule`: its ``sh:sourceShape`` IRI, a label, a comment (both
published in the report) and a function from the :class:`Context` to results.
Each family module exposes ``RULES``; :data:`ALL` lists them in the order they
run. A new family is one module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ...loader import LoadedData
from ...namespaces import CSTO, DCTERMS, RDF, RDFS, SH, SHAPE
from ...support import FileFacts, curated_graph_ids, dataset_quads, file_facts
from ..locate import Locator
from ..report import PYTHON_COMPONENT, Result

__all__ = ["Rule", "Context", "ALL", "PYTHON_RULES", "RULE_SEVERITY", "TYPE", "rules_graph"]

# ``p in TYPE`` rather than ``p == RDF.type`` where a rule tests every quad: a hash look-up (and an identity test for
# the loader's own term), where ``==`` is a Python call to rdflib's ``Identifier.__eq__`` (~3.8 M of them at 1e5)
TYPE = frozenset({RDF.type})


@dataclass
class Context:
    """What a rule sees: the loaded files, the validated union graph, the locator and the SHACL results."""

    data: LoadedData
    union: Graph  # ontology + curated graphs + inferred graph (what SHACL validated)
    inferred: Graph
    locator: Locator
    root: Path
    shacl_results: list[Result]
    today: date
    rejected_evidence: set[Node] = field(default_factory=set)  # evidence a SHACL shape already rejects
    memo: dict = field(default_factory=dict)  # what a rule reads many times, read once (keyed by its module)
    value_list_shapes: frozenset = frozenset()  # the shapes that list a property's values (sh:in)
    known_file_facts: dict | None = None  # :attr:`file_facts`, where the caller made them already (the build)
    required_values: dict = field(default_factory=dict)  # class -> the values shapes require of it (provenance)
    misfits: dict = field(default_factory=dict)  # node -> the classes a slip gave it against a disjointness axiom

    @cached_property
    def facts(self) -> frozenset[Node]:
        """The nodes of class csto:Fact, less a node written as an entity that a slip made a fact against a
        disjointness axiom (:attr:`misfits`: shape:OwlRlConsistency reports the statement that did it)."""
        return frozenset(
            s for s in self.union.subjects(RDF.type, CSTO.Fact) if CSTO.Fact not in self.misfits.get(s, ())
        )

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @cached_property
    def curated(self) -> list[URIRef]:
        """The curated named graphs (one per ``kg/`` file; not the ontology, inferred or meta graph)."""
        return curated_graph_ids(self.data.files)

    def curated_quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        """Every triple of every curated graph, with its graph (:attr:`_curated_quads`, read once)."""
        return iter(self._curated_quads)

    def curated_quads_of(self, *props: Node) -> list[tuple[Node, Node, Node, URIRef]]:
        """The curated quads whose predicate is one of ``props``, in the order of :meth:`curated_quads`, ``props``
        after one another (an index by predicate, built on first use)."""
        index = self._curated_by_predicate
        return [q for p in props for q in index.get(p, ())]

    @cached_property
    def _curated_by_predicate(self) -> dict[Node, list[tuple[Node, Node, Node, URIRef]]]:
        index: dict[Node, list] = {}
        for q in self._curated_quads:
            index.setdefault(q[1], []).append(q)
        return index

    @cached_property
    def _curated_quads(self) -> list[tuple[Node, Node, Node, URIRef]]:
        """One pass over each curated graph's own triples, kept as a list.

        (A graph's triples are one set in rdflib's store; a pattern lookup per graph, or the dataset's
        quads, would instead filter or copy every graph's triples.) The rules read them ~15 times: iterating
        an rdflib graph builds a generator of each triple's contexts per triple (0.3 s a pass at 1e5), a list
        is iterated in 3 ms, for ~80 bytes a quad.
        """
        ds = self.data.dataset
        return [(s, p, o, gid) for gid in self.curated for s, p, o in ds.graph(gid)]

    @cached_property
    def subject_graphs(self) -> dict[Node, set[URIRef]]:
        """Node -> the curated named graphs describing it (as a subject), in one pass over their triples."""
        out: dict[Node, set[URIRef]] = {}
        for s, _, _, gid in self.curated_quads():
            out.setdefault(s, set()).add(gid)
        return out

    @cached_property
    def source_creators(self) -> dict[URIRef, set[Node]]:
        """Curated graph -> the ``dcterms:creator`` s of the ``csto:SourceDocument`` s it describes.

        Found once for every graph: asked per fact value, rdflib filters every graph's typed subjects by context
        (the naming rule spent 1.1 ms a call at 1e5, growing with values x documents)."""
        ds, out = self.data.dataset, {}
        for src, _, _, g in ds.quads((None, RDF.type, CSTO.SourceDocument, None)):
            gid = getattr(g, "identifier", g)
            out.setdefault(gid, set()).update(ds.graph(gid).objects(src, DCTERMS.creator))
        return out

    def pairs(self, gid: Node, predicate: Node) -> list[tuple[Node, Node]]:
        """(subject, object) of every ``predicate`` triple of the named graph ``gid``.

        Indexed by graph in one pass over the predicate's quads, the first time a rule asks: rdflib answers
        ``ds.graph(gid).subject_objects(predicate)`` by filtering the predicate's triples of every graph, so a
        rule asking it once per graph grew with graphs x triples."""
        index = self.memo.get(("pairs", predicate))
        if index is None:
            index = {}
            for s, _, o, g in self.data.dataset.quads((None, predicate, None, None)):
                index.setdefault(getattr(g, "identifier", g), []).append((s, o))
            self.memo[("pairs", predicate)] = index
        return index.get(gid, [])

    def typed(self, gid: Node, cls: Node) -> set[Node]:
        """The subjects the named graph ``gid`` types ``cls`` (see :meth:`pairs`; the graph's types indexed by class
        the first time it is asked, not its every typed pair compared with ``cls`` on each call)."""
        by_class = self.memo.get(("typed", gid))
        if by_class is None:
            by_class = {}
            for s, o in self.pairs(gid, RDF.type):
                by_class.setdefault(o, set()).add(s)
            self.memo[("typed", gid)] = by_class
        return set(by_class.get(cls, ()))

    @cached_property
    def file_facts(self) -> dict[URIRef, FileFacts]:
        """Curated graph -> what it says about its fact nodes (:class:`csto_kg.support.FileFacts`)."""
        if self.known_file_facts is not None:
            return self.known_file_facts
        return file_facts(dataset_quads(self.data.dataset), self.curated)


@dataclass(frozen=True)
class Rule:
    iri: URIRef
    label: str
    comment: str
    check: Callable[[Context], list[Result]]
    severity: URIRef = SH.Violation  # what its results are


from . import (  # noqa: E402
    agreement,
    answers,
    chronology,
    consistency,
    curation,
    duplicates,
    kinds,
    label_words,
    linked,
    membership,
    naming,
    ordering,
    provenance,
    rendering,
    structures,
    support,
    vocabulary,
    wording,
    written,
)

ALL: list[Rule] = [
    *provenance.RULES,
    *vocabulary.RULES,
    *consistency.RULES,
    *chronology.RULES,
    *membership.RULES,
    *support.RULES,
    *duplicates.RULES,
    *naming.RULES,
    *curation.RULES,
    *structures.RULES,
    *wording.RULES,
    *kinds.RULES,
    *label_words.RULES,
    *agreement.RULES,
    *linked.RULES,
    *ordering.RULES,
    *rendering.RULES,
    *answers.RULES,
    *written.RULES,
]

PYTHON_RULES: dict[URIRef, tuple[str, str]] = {r.iri: (r.label, r.comment) for r in ALL}
RULE_SEVERITY: dict[URIRef, URIRef] = {r.iri: r.severity for r in ALL}


def rules_graph() -> Graph:
    """The Python rules as the resources their results name (``sh:sourceShape``): each a ``sh:Shape`` with its label,
    comment, severity and a message (its label), and the constraint component their results give
    (``shape:PythonCheckComponent``). The build serves it beside the shapes files, so that every IRI a validation
    report names dereferences."""
    g = Graph()
    g.bind("sh", str(SH))
    g.bind("shape", str(SHAPE))
    g.bind("rdfs", str(RDFS))
    document = URIRef(str(SHAPE).rstrip("/"))
    for rule in ALL:
        g.add((rule.iri, RDF.type, SH.Shape))
        g.add((rule.iri, RDFS.label, Literal(rule.label, lang="en")))
        g.add((rule.iri, RDFS.comment, Literal(rule.comment, lang="en")))
        g.add((rule.iri, SH.message, Literal(rule.label[:1].upper() + rule.label[1:] + ".", lang="en")))
        g.add((rule.iri, SH.severity, rule.severity))
        g.add((rule.iri, RDFS.isDefinedBy, document))
    g.add((PYTHON_COMPONENT, RDF.type, SH.ConstraintComponent))
    g.add((PYTHON_COMPONENT, RDFS.label, Literal("a check written in Python", lang="en")))
    g.add(
        (
            PYTHON_COMPONENT,
            RDFS.comment,
            Literal(
                "The sh:sourceConstraintComponent of the results of the validator's Python rules "
                "(csto_kg/validation/rules/): the checks SHACL cannot make (across files, against the seeds' text), "
                "run beside the shapes and reported in the same sh:ValidationReport.",
                lang="en",
            ),
        )
    )
    g.add((PYTHON_COMPONENT, RDFS.isDefinedBy, document))
    return g
