"""Locating a result for the curator: the ``kg/`` file and line a node or a statement comes from.

A node is found through the named graph holding its triples
(``LoadedData.files``: graph -> file), then the line where its block starts;
a statement (subject, predicate, object) through the line, inside the
subject's block, that writes the predicate (and, where it can be seen, the
object). Blank nodes are located through the nearest named node that refers
to them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ..loader import LoadedData
from ..namespaces import INFERRED_GRAPH, META_GRAPH, ONTOLOGY_GRAPH, PREFIXES, RDF, RDFS, SH, SKOS, curie
from .report import Result

__all__ = ["Locator", "spellings", "graph_id"]

ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's inconsistency messages
_IRI_IN_TEXT = re.compile(r"https?://[^\s,()<>\"']+")
_DISJOINT = re.compile(r"Disjoint classes (\S+) and (\S+) have a common individual (\S+)")
_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")


def graph_id(g) -> Node:
    return g.identifier if hasattr(g, "identifier") else g


def spellings(node: Node) -> list[str]:
    """How an IRI may be written in a curated file: ``<iri>`` and each prefixed name (``a`` for rdf:type)."""
    if not isinstance(node, URIRef):
        return []
    s = str(node)
    out = [f"<{s}>"]
    for p, ns in PREFIXES.items():
        local = s[len(ns) :]
        if s.startswith(ns) and (local == "" or (_LOCAL.fullmatch(local) and not local.endswith("."))):
            out.append(f"{p}:{local}")
    return out


@lru_cache(maxsize=64)
def _lines(path: Path, mtime: float) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return ()


def file_lines(path: Path) -> tuple[str, ...]:
    try:
        return _lines(path, path.stat().st_mtime)
    except OSError:
        return ()


@lru_cache(maxsize=64)
def _block_starts(path: Path, mtime: float) -> dict[str, list[int]]:
    """Term -> the lines (1-based, ascending) that open a block about it: ``<term> a ...`` (indentation aside)."""
    out: dict[str, list[int]] = {}
    for n, text in enumerate(_lines(path, mtime), 1):
        head, space, rest = text.lstrip().partition(" ")
        if space and rest[:2] in ("a ", "a\t"):
            out.setdefault(head, []).append(n)
    return out


def _opening_lines(path: Path, mtime: float, name: str) -> list[int]:
    """The lines (1-based, ascending) that open a block about the term spelled ``name``: ``<name> a ...``."""
    if not any(c.isspace() for c in name):
        return _block_starts(path, mtime).get(name, [])
    # an IRI with a space (ill-formed Turtle) is not a block's first word: look for it line by line
    return [n for n, t in enumerate(_lines(path, mtime), 1) if t.lstrip().startswith((name + " a ", name + " a\t"))]


@lru_cache(maxsize=4096)
def _graph_line(path: Path, mtime: float, graph: Node | None) -> int:
    """Index of the line opening ``graph``'s block (``graph:<id> {``) in the file, 0 if not found."""
    names = spellings(graph) if graph is not None else []
    for k, text in enumerate(_lines(path, mtime)):
        if any(text.startswith(name) and text[len(name) :].lstrip().startswith("{") for name in names):
            return k
    return 0


def _has_term(line: str, spelling: str) -> bool:
    """``spelling`` occurs in ``line`` as a whole term (not as the prefix of a longer name)."""
    start = 0
    while True:
        k = line.find(spelling, start)
        if k < 0:
            return False
        before = line[k - 1] if k else " "
        after = line[k + len(spelling)] if k + len(spelling) < len(line) else " "
        if (before in " \t,;([") and not (after.isalnum() or after in "_-:/#"):
            return True
        start = k + 1


def _typed_by(p: Node, kind: URIRef, cls: Node, x: Node, stated: set, where: list[str]) -> str:
    """The sentence telling a curator how a statement made ``x`` a ``cls`` it is not written as (``stated``, at
    ``where``)."""
    c = curie(str(p)) or str(p)
    written = " and ".join(sorted(curie(str(t)) or str(t) for t in stated)) or "no class"
    if where:
        written += f" (at {', '.join(where)})"
    which = "subject" if kind == RDFS.domain else "value"
    return (
        f"This statement makes {curie(str(x)) or x} a {curie(str(cls)) or cls}, as the {which} of {c} (its "
        f"rdfs:{'domain' if kind == RDFS.domain else 'range'}), though it is written as {written}. Fix: the node "
        f"the passage gives as the {which} (a statement written the wrong way round, or a line under the wrong "
        f"node), another property, or the class the passage gives it"
    )


class Locator:
    """Finds, for a focus node, its label and the curated file (and line) its triples come from."""

    def __init__(self, data: LoadedData, union: Graph, root: Path | None = None):
        self.data, self.union, self.root = data, union, root
        self.curated = [g for g in sorted(data.files, key=_graph_order) if g not in (INFERRED_GRAPH, META_GRAPH)]
        self._rank = {gid: k for k, gid in enumerate(self.curated)}

    # --- results -----------------------------------------------------------------------

    def result(
        self,
        *,
        severity,
        shape,
        message,
        focus,
        value=None,
        path=None,
        graph=None,
        file: Path | None = None,
        line: int | None = None,
    ) -> Result:
        """A located result: in ``graph`` (or the first curated graph stating the focus's ``path`` ``value``, else its
        ``path``, else describing the focus) at the line that writes that value, else that path, else at the focus's
        line, unless ``file`` / ``line`` say where the statement at fault is."""
        anchor = self._anchor(focus, value)
        culprit = self._typing_statement(value) if file is None and anchor != focus else None
        if culprit is not None:
            s, p, o, gid, why = culprit
            anchor, file = s, self.data.files[gid]
            line = self.statement_line(file, s, p, o, gid)
            message = f"{message}. {why}"
        if file is None:
            gid = graph if graph is not None else self.graph_of(anchor, path, value if anchor == focus else None)
            file = self.data.files.get(gid) if gid is not None else None
            if file is not None and line is None and anchor == focus and self._states(gid, anchor, path, None):
                # the line that writes the value there, else the path's first line in the node's blocks
                line = self.statement_line(
                    file, anchor, path, value if self._states(gid, anchor, path, value) else None, gid
                )
            elif file is not None and line is None:
                line = self.node_line(file, anchor, gid)
        return Result(
            severity=severity,
            shape=shape,
            message=message,
            focus=focus,
            value=value,
            path=path,
            focus_label=self.label(focus),
            file=file,
            line=line,
            context=anchor if anchor != focus else None,
        )

    def statement_result(self, *, shape, message, s, p, o, graph, severity=SH.Violation, last=False) -> Result:
        """A result about the statement ``s p o`` of curated graph ``graph``: focus ``s``, value ``o``, path ``p``,
        located at the line that writes it (with ``last``, the last line writing it: a repeat)."""
        file = self.data.files[graph]
        line = self.statement_line(file, s, p, o, graph, last=last)
        return self.result(
            severity=severity, shape=shape, message=message, focus=s, value=o, path=p, graph=graph, file=file, line=line
        )

    def where(self, file: Path | None, line: int | None) -> str:
        """``kg/<file>:<line>`` for a message."""
        if file is None:
            return "(no curated file)"
        try:
            shown = str(file.resolve().relative_to(self.root.resolve())) if self.root else str(file)
        except ValueError:
            shown = str(file)
        return f"{shown}:{line}" if line else shown

    # --- graphs, files and lines -------------------------------------------------------

    def graph_of(self, node: Node, path: Node | None = None, value: Node | None = None) -> URIRef | None:
        """The first curated graph (seed graphs first) stating ``node path value``, else stating ``node path`` with
        any value (a result whose value is not the path's: two facts sharing a label), else describing ``node``."""
        if isinstance(path, URIRef):
            stating = self.graphs_stating(node, path, value) if value is not None else []
            stating = stating or self._graphs((node, path, None))
            if stating:
                return stating[0]
        described = self._graphs((node, None, None))
        return described[0] if described else None

    def _states(self, gid: Node, s: Node, p: Node | None, o: Node | None) -> bool:
        """Curated graph ``gid`` writes ``s p o`` (``o`` None: with any value)."""
        return isinstance(p, URIRef) and gid in self._graphs((s, p, o))

    def graphs_stating(self, s: Node, p: Node, o: Node) -> list[URIRef]:
        """The curated graphs holding the triple, in :attr:`curated` order."""
        return self._graphs((s, p, o))

    def _graphs(self, pattern: tuple) -> list[URIRef]:
        """The curated graphs holding a triple matching ``pattern`` (subject bound: one subject-index lookup)."""
        found = {graph_id(c) for *_, c in self.data.dataset.quads((*pattern, None))}
        return sorted((g for g in found if g in self._rank), key=self._rank.__getitem__)

    def node_line(self, file: Path, node: Node, graph: Node | None = None) -> int | None:
        """The line where ``node``'s block starts in ``file`` (its first ``<node> a``, else its first mention),
        inside ``graph``'s block when the file holds several graphs."""
        names = spellings(node)
        if not names:
            return self._blank_node_line(file, node, graph) if isinstance(node, BNode) else None
        try:
            mtime = file.stat().st_mtime
        except OSError:
            return None
        lines = _lines(file, mtime)
        first = _graph_line(file, mtime, graph)
        opening = [k for name in names for k in _opening_lines(file, mtime, name) if k > first]
        if opening:
            return min(opening)
        for n, text in enumerate(lines[first:], first + 1):
            if not text.lstrip().startswith("#") and any(_has_term(text, s) for s in names):
                return n
        return None if first == 0 else self.node_line(file, node)

    def _blank_node_line(self, file: Path, node: BNode, graph: Node | None) -> int | None:
        """A blank node has no name to look for: the line that writes its label (else another of its literals)."""
        try:
            mtime = file.stat().st_mtime
        except OSError:
            return None
        literals = sorted(
            (o for p, o in self.union.predicate_objects(node) if isinstance(o, Literal) and str(o)),
            key=lambda o: (o not in set(self.union.objects(node, RDFS.label)), str(o)),
        )
        first = _graph_line(file, mtime, graph)
        for literal in literals:
            quoted = '"' + str(literal).replace("\\", "\\\\").replace('"', '\\"') + '"'
            for n, text in enumerate(_lines(file, mtime)[first:], first + 1):
                if quoted in text:
                    return n
        return None

    def statement_line(
        self, file: Path, s: Node, p: Node, o: Node | None = None, graph: Node | None = None, *, last: bool = False
    ) -> int | None:
        """The line of ``file`` that writes ``p`` (and ``o`` where visible) in ``s``'s block; else the block's line.

        The block is ``s``'s first (:meth:`node_line`), then each other block ``s`` opens as subject: an entity typed
        in kg/entities.trig has blocks of statements in a seed's file (``:csto csto:foundingTreaty ...``) but no
        ``:csto a`` line there, and its first mention may be as another block's object. With ``last``, the last
        line of the file writing the statement (a statement written twice: its repeat)."""
        start = self.node_line(file, s, graph)
        if start is None:
            return None
        lines = file_lines(file)
        p_names = spellings(p) + (["a"] if p == RDF.type else [])
        o_names = spellings(o) if isinstance(o, URIRef) else ([f'"{o}"', str(o)] if isinstance(o, Literal) else [])
        first_p = None
        found: list[int] = []
        names = spellings(s)
        opening = [n for n, t in enumerate(lines, 1) if n > start and any(t.startswith(x + " ") for x in names)]
        for block in [start, *opening]:
            in_p = False
            for n in range(block, len(lines) + 1):
                text = lines[n - 1]
                if n > block and text and not text[0].isspace() and not text.startswith("#"):
                    break  # the next block
                if any(_has_term(text, name) for name in p_names):
                    first_p = first_p or n
                    in_p = True
                    if not o_names or any(name in text for name in o_names):
                        found.append(n)
                        if not last:
                            return n
                elif in_p and o_names and any(name in text for name in o_names):
                    found.append(n)  # an object list continued on the next line
                    if not last:
                        return n
            if first_p and not last:
                break
        if found:
            return found[-1]
        return first_p or start

    # --- labels and anchors ------------------------------------------------------------

    def label(self, node: Node) -> str | None:
        labels = list(self.union.objects(node, RDFS.label)) or list(self.union.objects(node, SKOS.prefLabel))
        if not labels:
            return None
        labels.sort(key=lambda lit: (getattr(lit, "language", None) != "en", str(lit)))
        return str(labels[0])

    def misfit(self, message: Node | None) -> tuple[Node, set[Node]] | None:
        """For owlrl's "Disjoint classes A and B have a common individual X": X and the classes the closure gave
        it beyond those it is written with and their superclasses (a csto:Topic made a csto:Fact by the domain of
        a property written on it), if a curated statement typed it so; else None."""
        m = _DISJOINT.search(str(message or ""))
        if m is None or self._typing_statement(message) is None:
            return None
        x = URIRef(m.group(3))
        stated = self._stated(x)
        written = {c for t in stated for c in self.union.transitive_objects(t, RDFS.subClassOf)}
        return x, set(self.union.objects(x, RDF.type)) - written

    def _stated(self, x: Node) -> set[Node]:
        return {
            t for gid in self._graphs((x, RDF.type, None)) for t in self.data.dataset.graph(gid).objects(x, RDF.type)
        }

    def where_typed(self, node: Node, classes: set[Node]) -> list[str]:
        """``kg/<file>:<line>`` of each curated statement giving ``node`` one of ``classes``, sorted."""
        where = set()
        for c in classes:
            for gid in self.graphs_stating(node, RDF.type, c):
                file = self.data.files.get(gid)
                if file is not None:
                    where.add(self.where(file, self.statement_line(file, node, RDF.type, c, gid)))
        return sorted(where)

    def _typing_statement(self, message: Node | None) -> tuple | None:
        """For owlrl's "Disjoint classes A and B have a common individual X": the curated statement that gave X
        the class it was not written with, through a property's range or domain (``:e csto:agent :an-office``
        makes an office an agent), and a sentence saying so for the curator; None if X was written as both, or
        the message is another one."""
        m = _DISJOINT.search(str(message or ""))
        if m is None:
            return None
        a, b, x = (URIRef(t) for t in m.groups())
        stated = self._stated(x)
        for kind, pattern in ((RDFS.range, (None, None, x)), (RDFS.domain, (x, None, None))):
            quads = [(s, p, o, graph_id(c)) for s, p, o, c in self.data.dataset.quads((*pattern, None))]
            # in the files' order, whatever order the store gives (the same statement on every run)
            for s, p, o, gid in sorted(
                quads, key=lambda q: (self._rank.get(q[3], -1), q[0].n3(), q[1].n3(), q[2].n3())
            ):
                if gid not in self._rank or p == RDF.type:
                    continue
                # the most specific first (the domain as declared, not the superclasses the closure adds to it)
                for cls in sorted(self._declared(p, kind), key=lambda c: (-self._depth(c), str(c))):
                    if self._under(cls, (a, b)) and not any(self._under(t, (cls,)) for t in stated):
                        return s, p, o, gid, _typed_by(p, kind, cls, x, stated, self.where_typed(x, stated))
        return None

    def _declared(self, p: Node, kind: URIRef) -> set:
        """The classes ``p`` and its super-properties declare as their ``kind`` (rdfs:range or rdfs:domain)."""
        return {c for q in self.union.transitive_objects(p, RDFS.subPropertyOf) for c in self.union.objects(q, kind)}

    def _depth(self, cls: Node) -> int:
        return sum(1 for _ in self.union.transitive_objects(cls, RDFS.subClassOf))

    def _under(self, cls: Node, targets: tuple) -> bool:
        return any(t in targets for t in self.union.transitive_objects(cls, RDFS.subClassOf))

    def _anchor(self, node: Node, value: Node | None) -> Node:
        """The node to locate: the focus itself, or the nearest named node that refers to it."""
        if (node, RDF.type, ERR.ErrorMessage) in self.union:  # owlrl names the culprit in its message
            named = [URIRef(i.rstrip(".;:")) for i in _IRI_IN_TEXT.findall(str(value or ""))]
            named = [n for n in named if self.graph_of(n)]
            return named[-1] if named else node
        if isinstance(node, URIRef) and self.graph_of(node) is not None:
            return node
        frontier, seen = [node], {node}
        for _ in range(3):
            nxt = []
            for n in frontier:
                for s in self.union.subjects(None, n):
                    if s in seen:
                        continue
                    if isinstance(s, URIRef) and self.graph_of(s) is not None:
                        return s
                    seen.add(s)
                    nxt.append(s)
            frontier = nxt
        return node


def _graph_order(gid: URIRef) -> tuple[int, str]:
    """Seed graphs first (a fact's own file), then entities, then the ontology."""
    return (2 if gid == ONTOLOGY_GRAPH else 1 if str(gid).endswith("/entities") else 0, str(gid))
