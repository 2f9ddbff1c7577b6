"""The shapes a curator edits, checked before they are run: a slip in ``shapes/`` must not silently switch a rule off.

A SHACL engine runs whatever the shapes graph says. A shape targeting a class the ontology does not declare
(``csto:Stanse``), or constraining a property it does not declare (``csto:abuot``), targets or finds nothing and
passes on every graph; ``sh:deactivated true`` left in switches the shape off; ``sh:severity sh:violation`` (not a
SHACL severity) makes every result of the shape a Violation without saying so; a SPARQL constraint that never uses
``$this`` reports every focus node or none. None of these makes the data invalid, so none would show in a
validation report: ``csto-kg validate`` refuses such a shapes graph instead, naming the file, the line and the
cause (:class:`~csto_kg.loader.CuratedFileError`), as it refuses a curated file it cannot read.

Checked (every ``shapes/*.ttl``, against the ontology):

- a named shape (the subject of a target) is defined in one file only (two definitions would merge into one shape);
- it has exactly one ``sh:message``, ``rdfs:label`` and ``rdfs:comment``, each a literal tagged ``@en``, and one
  ``sh:severity`` among ``sh:Violation``, ``sh:Warning`` and ``sh:Info``; it is not ``sh:deactivated true``;
- a ``csto:`` term it names is declared in the ontology, as a class where it is a class (``sh:targetClass``,
  ``sh:class``), as a property where it is a property (paths, ``sh:targetSubjectsOf``/``ObjectsOf``); a term of a
  reused vocabulary (ORG, PROV, SKOS, ...) is one of that vocabulary's terms;
- an ``sh:datatype`` on a path of one property agrees with that property's declared datatype range;
- a SPARQL constraint parses with the prefixes it declares, uses ``$this``, and its ``sh:message`` placeholders
  name variables its SELECT returns; no FILTER of it reads a variable its own group (a UNION operand, a sub-query)
  does not bind where a pattern outside binds it (SPARQL evaluates it unbound, Oxigraph so, rdflib with the outer
  value: the in-store engine and pySHACL would disagree).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node, Variable

from ..loader import CuratedFileError, ontology_files, read_turtle, shown_path
from ..namespaces import CSTO, SH, curie
from ..paths import cache_dir
from .rules.answers import house_prefix_slips
from .rules.vocabulary import _CLASS_TYPES, _PROPERTY_TYPES, REUSED, _compatible

__all__ = ["check_project_shapes", "check_shapes", "shape_problems"]

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_SEVERITIES = {SH.Violation, SH.Warning, SH.Info}
_CLASS_ROLE = (SH.targetClass, SH["class"])
_PROPERTY_ROLE = (SH.targetSubjectsOf, SH.targetObjectsOf)
_PATH_KEYS = (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)
_PLACEHOLDER = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def _c(node: Node) -> str:
    if isinstance(node, URIRef):
        return curie(str(node)) or f"<{node}>"
    return node.n3() if isinstance(node, Literal) else str(node)


class _File:
    def __init__(self, path: Path):
        self.path = path
        triples, self.prefixes = read_turtle(path)
        self.graph = Graph()
        for t in triples:
            self.graph.add(t)
        self.lines = path.read_text(encoding="utf-8").splitlines()

    def spellings(self, term: Node) -> list[str]:
        s = str(term)
        out = [f"<{s}>"]
        out += [f"{p}:{s[len(ns) :]}" for p, ns in self.prefixes.items() if ns and s.startswith(ns)]
        return out

    def line(self, shape: Node, needle: Node | str | None = None) -> int | None:
        """The line of ``needle`` (a term or text) within the shape's block, else the shape's own first line."""
        start = 0
        if isinstance(shape, URIRef):
            names = self.spellings(shape)
            start = next((n for n, text in enumerate(self.lines) if any(text.startswith(x) for x in names)), 0)
        if needle is not None:
            words = self.spellings(needle) if isinstance(needle, URIRef) else [str(needle)]
            for n in range(start, len(self.lines)):
                if any(re.search(re.escape(w) + r"(?![\w-])", self.lines[n]) for w in words):
                    return n + 1
        return start + 1


class _Ontology:
    def __init__(self, onto: Graph):
        self.kinds: dict[URIRef, set] = {}
        for s, t in onto.subject_objects(RDF.type):
            if isinstance(s, URIRef):
                self.kinds.setdefault(s, set()).add(t)
        self.onto = onto

    def problem(self, term: URIRef, role: str) -> str | None:
        s = str(term)
        if not s.startswith(str(CSTO)):
            ns = next((ns for ns in REUSED if s.startswith(ns)), None)
            if ns is None or s[len(ns) :] in REUSED[ns] or role == "value":
                return None
            return f"is not a term of the {curie(ns) or ns} vocabulary"
        kinds = self.kinds.get(term)
        if not kinds:
            return "is not declared in the ontology"
        wanted = {"class": _CLASS_TYPES, "property": _PROPERTY_TYPES}.get(role)
        if wanted is not None and not kinds & wanted:
            return f"is declared in the ontology, but not as a {role}"
        return None


def _path_terms(g: Graph, path: Node) -> list[URIRef]:
    if isinstance(path, URIRef):
        return [path]
    out: list[URIRef] = []
    if g.value(path, RDF.first) is not None:
        for item in Collection(g, path):
            out += _path_terms(g, item)
    for key in _PATH_KEYS:
        for inner in g.objects(path, key):
            out += _path_terms(g, inner)
    return out


def _nodes_of(g: Graph, shape: Node, seen: set | None = None) -> list[Node]:
    """The shape and the blank nodes under it (property shapes, sh:or members, SPARQL constraints)."""
    seen = seen if seen is not None else set()
    if shape in seen:
        return []
    seen.add(shape)
    out = [shape]
    for o in g.objects(shape, None):
        if isinstance(o, BNode):
            out += _nodes_of(g, o, seen)
    return out


def _prefixes(graphs: list[Graph]) -> dict[str, str]:
    out = {}
    for g in graphs:
        for decl in g.objects(None, SH.declare):
            p, ns = g.value(decl, SH.prefix), g.value(decl, SH.namespace)
            if p is not None and ns is not None:
                out[str(p)] = str(ns)
    return out


_FORBIDDEN = re.compile(r"(?i)(?<![?$\w\"])(MINUS(?=\s*\{)|VALUES(?=\s*[?$(])|SERVICE(?=\s+(?:SILENT\s+)?[<?$]))")


def _sparql_problems(f: _File, shape: URIRef, node: Node, prefixes: dict[str, str]) -> list[tuple[int | None, str]]:
    out = []
    for key in (SH.select, SH.ask):
        for text in f.graph.objects(node, key):
            where = f.line(shape, key)
            forbidden = _FORBIDDEN.search(str(text))
            if forbidden:  # SHACL 5.2.1: the engine refuses these mid-validation, with a traceback
                out.append((where, f"the SPARQL query of {_c(shape)} uses {forbidden.group(1).upper()}, which a SHACL "
                                   "SPARQL constraint may not (MINUS, VALUES, SERVICE): write it with FILTER / UNION"))  # fmt: skip
                continue
            reason, uses_this, projected, unseen = _read_query(str(text), tuple(sorted(prefixes.items())))
            if reason is not None:
                out.append((where, f"the SPARQL query of {_c(shape)} does not parse: {reason}"))
                continue
            if not uses_this:
                out.append((where, f"the SPARQL query of {_c(shape)} has $this (the focus node) in no triple pattern: it would "
                                   "report every focus node or none"))  # fmt: skip
                continue
            if unseen:
                names = ", ".join(f"?{v}" for v in unseen)
                out.append((where, f"the SPARQL query of {_c(shape)} has a FILTER on {names} in a group (a UNION operand, a "
                                   "sub-query) that does not bind it, where a pattern outside that group does: a FILTER sees "
                                   "only its own group's variables (SPARQL 1.1, 18.2.2), so there it is unbound. Oxigraph "
                                   "evaluates it so, pySHACL's rdflib with the outer value, and the engines disagree. Fix: "
                                   "repeat the pattern that binds it inside the group, or move the FILTER out to it"))  # fmt: skip
                continue
            if key == SH.select:
                for message in f.graph.objects(shape, SH.message):
                    for name in _PLACEHOLDER.findall(str(message)):
                        if name not in projected:
                            out.append((f.line(shape, SH.message), f"the sh:message of {_c(shape)} names {{?{name}}}, "
                                        "a variable its SPARQL query does not SELECT (it would be shown as written)"))  # fmt: skip
    return out


_PREFIXED = re.compile(r"(?<![\w:/#?$<-])([A-Za-z][\w-]*):([A-Za-z_][\w-]*)")
_LITERALS = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|<[^>\s]*>|#[^\n]*")


def _sparql_terms(
    f: _File, shape: URIRef, node: Node, prefixes: dict[str, str], onto: _Ontology
) -> list[tuple[int | None, str]]:
    """A term of the house namespace named in a SPARQL constraint (outside strings, IRIs and comments) that the
    ontology does not declare (round 18): the pattern matches nothing, so the constraint never reports. Reported
    at the line of the shapes file that names it."""
    out = []
    house = {p for p, ns in prefixes.items() if ns == str(CSTO)}
    for key in (SH.select, SH.ask):
        for text in f.graph.objects(node, key):
            seen = set()
            for p, local in _PREFIXED.findall(_LITERALS.sub(" ", str(text))):
                if p not in house or local in seen:
                    continue
                seen.add(local)
                if onto.problem(CSTO[local], "value") is not None:
                    out.append((f.line(shape, f"{p}:{local}"), f"the SPARQL query of {_c(shape)} names {p}:{local}, "
                                "which the ontology does not declare: the pattern matches nothing, so the constraint "
                                "never reports. Fix: the term as ontology/csto.ttl declares it"))  # fmt: skip
    return out


@functools.lru_cache(maxsize=1024)
def _read_query(
    text: str, prefixes: tuple[tuple[str, str], ...]
) -> tuple[str | None, bool, frozenset[str], tuple[str, ...]]:
    """What the checks need of a SPARQL constraint: why it does not parse (else None), whether ``$this`` is in a
    triple pattern, the variables it projects, and those a FILTER reads outside their scope
    (:func:`_filtered_out_of_scope`). Remembered per text and prefixes, in this process and on disk
    (:func:`_found_before`): rdflib's parser takes ~0.05 s a query, and a batch of shapes slips, or a curator's
    next edit, reads the same unchanged queries again and again."""
    key = "\0".join([text, *(f"{p}\0{ns}" for p, ns in prefixes)])
    reason, uses_this, projected, unseen = _found_before("query", key, lambda: _read_query_now(text, prefixes))
    return reason, uses_this, frozenset(projected), tuple(unseen)


def _read_query_now(text: str, prefixes: tuple[tuple[str, str], ...]) -> tuple[str | None, bool, list[str], list[str]]:
    try:
        query = prepareQuery(text, initNs=dict(prefixes))
    except Exception as e:  # rdflib raises pyparsing and plain exceptions alike
        return " ".join(str(e).split())[:300], False, [], []
    projected = sorted({str(v) for v in getattr(query.algebra, "PV", [])})
    unseen = _filtered_out_of_scope(query.algebra)
    return None, Variable("this") in _pattern_variables(query.algebra), projected, unseen


def filters_out_of_scope(text: str) -> list[str]:
    """The variables a FILTER of the SPARQL query ``text`` (prefixes declared in it) reads outside their scope
    (:func:`_filtered_out_of_scope`); empty where it does not parse with rdflib. Remembered per text, in this
    process and on disk: a named query's check reads it at every validation."""

    def work() -> list[str]:
        try:
            return _filtered_out_of_scope(prepareQuery(text).algebra)
        except Exception:  # rdflib's parser raises pyparsing and plain exceptions alike; Oxigraph's judges syntax
            return []

    return _SCOPES[text] if text in _SCOPES else _SCOPES.setdefault(text, _found_before("scope", text, work))


_SCOPES: dict[str, list[str]] = {}


def _filtered_out_of_scope(algebra) -> list[str]:
    """The variables a FILTER reads (in its expression, or in the pattern of its EXISTS) that its own group does
    not bind but a pattern outside the group does: ``{ $this :p ?v . { ?s :q ?o FILTER NOT EXISTS { ?s :r ?v } }
    UNION { ... } }`` reads ``?v`` in an operand that does not bind it. SPARQL evaluates a group's FILTER over the
    group's own solutions (18.2.2), where ``?v`` is unbound; rdflib passes the outer row's value in. A sub-query is
    a group of its own (the outer variables are not seen in it); an OPTIONAL's own FILTER is its join condition,
    which sees both sides, and is not a Filter here."""
    found: set[str] = set()

    def bound(node) -> set:
        if getattr(node, "name", None) == "ToMultiSet":  # a sub-query: what it projects
            return set(getattr(node.get("p"), "get", lambda *_: [])("PV", []) or [])
        return set(node.get("_vars", ())) if isinstance(node, dict) else set()

    def walk(node, outer: frozenset) -> None:
        if isinstance(node, (list, tuple)):
            for x in node:
                walk(x, outer)
            return
        if not isinstance(node, dict):
            return
        name = getattr(node, "name", None)
        if name == "Filter":
            found.update(str(v) for v in (_variables(node.get("expr")) - bound(node.get("p"))) & outer)
            walk(node.get("p"), outer)
        elif name in ("Join", "LeftJoin", "Minus"):
            left, right = node.get("p1"), node.get("p2")
            walk(left, outer | bound(right))
            walk(right, outer | bound(left))
        else:
            for key, value in node.items():
                if key not in ("expr", "_vars"):
                    walk(value, outer)

    walk(algebra, frozenset())
    return sorted(found)


def _variables(expr) -> set:
    """Every variable of an expression, those of its EXISTS patterns included."""
    out: set = set()
    stack = [expr]
    while stack:
        x = stack.pop()
        if isinstance(x, Variable):
            out.add(x)
        elif isinstance(x, dict):
            stack.extend(v for k, v in x.items() if k != "_vars")
        elif isinstance(x, (list, tuple, set)):
            stack.extend(x)
    return out


def _found_before(kind: str, content: str, work):
    """``work()`` (a JSON value) for ``content``, remembered on disk per content and checker code: one file under
    :func:`~csto_kg.paths.cache_dir` ``/shapes-check-parts/<kind>/``. What one constraint text or one shapes file
    gives depends on that content alone, so a check of an edited shapes graph redoes only the parts the edit
    changed (a refused graph is never remembered whole, :func:`check_project_shapes`, but its unchanged parts are).
    A cache that cannot be read or written is skipped, never an error."""
    digest = hashlib.sha256(f"{_checker_fingerprint()}\0{kind}\0{content}".encode()).hexdigest()
    path = cache_dir() / "shapes-check-parts" / kind / digest
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = work()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{digest}.{os.getpid()}")
        tmp.write_text(json.dumps(value), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return value


def _pattern_variables(algebra) -> set:
    """The variables of every triple pattern of a parsed query (EXISTS and sub-queries included)."""
    out: set = set()
    stack, seen = [algebra], set()
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if isinstance(x, dict):
            if getattr(x, "name", None) == "BGP":
                out |= {term for triple in x.get("triples", []) for term in triple if isinstance(term, Variable)}
            stack.extend(x.values())
        elif isinstance(x, (list, tuple, set)):
            stack.extend(x)
    return out


def _term_problems(f: _File, shape: URIRef, node: Node, onto: _Ontology) -> list[tuple[int | None, str]]:
    g, out = f.graph, []
    uses: list[tuple[URIRef, URIRef, str]] = []
    for p in _CLASS_ROLE:
        uses += [(p, o, "class") for o in g.objects(node, p) if isinstance(o, URIRef)]
    for p in _PROPERTY_ROLE:
        uses += [(p, o, "property") for o in g.objects(node, p) if isinstance(o, URIRef)]
    for path in g.objects(node, SH.path):
        uses += [(SH.path, t, "property") for t in _path_terms(g, path)]
    for lst in g.objects(node, SH["in"]):
        uses += [(SH["in"], o, "value") for o in Collection(g, lst) if isinstance(o, URIRef)]
    uses += [(SH.hasValue, o, "value") for o in g.objects(node, SH.hasValue) if isinstance(o, URIRef)]
    for p, term, role in uses:
        why = onto.problem(term, role)
        if why:
            effect = ("no curated value can be it: the shape would flag true data" if role == "value" else
                      "the shape would test nothing and pass on every graph")  # fmt: skip
            out.append((f.line(shape, term), f"{_c(term)} ({_c(p)} of {_c(shape)}) {why}: {effect}"))
    path = g.value(node, SH.path)
    domain = onto.onto.value(path, RDFS.domain) if isinstance(path, URIRef) else None
    for target in g.objects(node, SH.targetClass) if isinstance(domain, URIRef) else ():
        above = set(onto.onto.transitive_objects(target, RDFS.subClassOf))
        if (
            isinstance(target, URIRef)
            and target in onto.kinds
            and domain not in above
            and target not in set(onto.onto.transitive_objects(domain, RDFS.subClassOf))
        ):
            out.append((f.line(shape, path), f"sh:path {_c(path)} of {_c(shape)}: the ontology gives {_c(path)} the "
                        f"domain {_c(domain)}, which {_c(target)} (its sh:targetClass) neither is nor specialises"))  # fmt: skip
    for dt in g.objects(node, SH.datatype):
        rng = onto.onto.value(path, RDFS.range) if isinstance(path, URIRef) else None
        if isinstance(rng, URIRef) and str(rng).startswith((str(XSD), str(RDF))) and not _compatible(rng, dt):
            out.append((f.line(shape, dt), f"sh:datatype {_c(dt)} of {_c(shape)} contradicts the rdfs:range "
                                           f"{_c(rng)} the ontology declares for {_c(path)}"))  # fmt: skip
    return out


def _documentation_problems(f: _File, shape: URIRef) -> list[tuple[int | None, str]]:
    g, out = f.graph, []
    for p in (SH.message, RDFS.label, RDFS.comment):
        values = list(g.objects(shape, p))
        if len(values) != 1 or not isinstance(values[0], Literal) or values[0].language != "en":
            found = "none" if not values else ", ".join(f'"{v}"' + (f"@{v.language}" if getattr(v, "language", None) else "") for v in values)[:120]  # fmt: skip
            out.append((f.line(shape, p if values else None), f"{_c(shape)} must have exactly one {_c(p)}, an "
                                                               f"@en literal (found {found})"))  # fmt: skip
    severities = list(g.objects(shape, SH.severity))
    if len(severities) != 1 or severities[0] not in _SEVERITIES:
        found = ", ".join(_c(s) for s in severities) or "none"
        out.append((f.line(shape, SH.severity if severities else None), f"{_c(shape)} must have one sh:severity, "
                    f"sh:Violation, sh:Warning or sh:Info (found {found}): the severity is deliberate"))  # fmt: skip
    for node in _nodes_of(g, shape):
        if Literal(True) in set(g.objects(node, SH.deactivated)):
            out.append((f.line(shape, SH.deactivated), f"{_c(shape)} is switched off (sh:deactivated true): a rule "
                        "that no longer applies is deleted, with its fixtures, not left inactive"))  # fmt: skip
    return out


def shape_problems(shapes_dir: Path, ontology: Graph) -> list[tuple[Path, int | None, str]]:
    """Every problem of the shapes in ``shapes_dir``: (file, line, message)."""
    files = [_File(p) for p in sorted(shapes_dir.glob("*.ttl"))]
    onto = _Ontology(ontology)
    prefixes = _prefixes([f.graph for f in files])
    out: list[tuple[Path, int | None, str]] = []
    defined: dict[URIRef, _File] = {}
    for f in files:
        shapes = {s for t in _TARGETS for s in f.graph.subjects(t, None) if isinstance(s, URIRef)}
        for s in sorted(_named_shapes(f.graph) - shapes):
            if not any(True for _ in f.graph.subjects(None, s)) and not any(
                (None, None, s) in other.graph for other in files
            ):
                out.append((f.path, f.line(s), f"{_c(s)} has no target (sh:targetClass, sh:targetNode, "
                            "sh:targetSubjectsOf, sh:targetObjectsOf) and no shape uses it: it checks nothing"))  # fmt: skip
        for shape in sorted(shapes):
            if shape in defined:
                first = defined[shape]
                out.append((f.path, f.line(shape), f"{_c(shape)} is also defined in {shown_path(first.path)}:"
                            f"{first.line(shape)}: a shape IRI names one shape (two definitions merge into one shape "
                            "with both sets of constraints)"))  # fmt: skip
            defined.setdefault(shape, f)
            problems = _documentation_problems(f, shape)
            for node in _nodes_of(f.graph, shape):
                problems += _term_problems(f, shape, node, onto)
                problems += _sparql_problems(f, shape, node, prefixes)
                problems += _sparql_terms(f, shape, node, prefixes, onto)
            out += [(f.path, line, message) for line, message in problems]
        out += _shacl_shacl(f)
    # a house prefix bound to another namespace first: the problems it causes (undeclared terms) follow from it
    slips = [(f.path, n, m) for f in files for n, m in house_prefix_slips(f.path.read_text(encoding="utf-8"))]
    return slips + out


def _named_shapes(g: Graph) -> set:
    return {s for t in (SH.NodeShape, SH.PropertyShape) for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}


_SHACL_SHACL: list[Graph] = []
_SHACL_SHACL_FOUND: dict[str, list[tuple[int | None, str]]] = {}  # file content digest -> (line, message)s


def _shacl_shacl(f: _File) -> list[tuple[Path, int | None, str]]:
    """The file against SHACL-SHACL (the W3C shapes graph for shapes graphs, pySHACL's copy): a malformed SHACL
    term (``sh:minCount "1"``, two ``sh:path``) that an engine would ignore or misread. Each file is checked on
    its own, so what is found depends on its content alone and is remembered per content, in this process and on
    disk (:func:`_found_before`) (pySHACL takes ~0.5 s a file; a slip in one shapes file leaves the others' contents, and their findings, unchanged)."""
    text = "\n".join(f.lines)
    key = hashlib.sha256(text.encode()).hexdigest()
    if key not in _SHACL_SHACL_FOUND:
        _SHACL_SHACL_FOUND[key] = [tuple(x) for x in _found_before("shacl-shacl", text, lambda: _shacl_shacl_of(f))]
    return [(f.path, line, message) for line, message in _SHACL_SHACL_FOUND[key]]


def _shacl_shacl_of(f: _File) -> list[tuple[int | None, str]]:
    import importlib.resources

    import pyshacl

    if not _SHACL_SHACL:
        g = Graph()
        g.parse(importlib.resources.files("pyshacl") / "assets" / "shacl-shacl.ttl", format="turtle")
        _SHACL_SHACL.append(g)
    conforms, report, _ = pyshacl.validate(f.graph, shacl_graph=_SHACL_SHACL[0], inference="none")
    if conforms:
        return []
    out = []
    for r in sorted(report.subjects(RDF.type, SH.ValidationResult), key=str):
        focus, path, value = (report.value(r, p) for p in (SH.focusNode, SH.resultPath, SH.value))
        owner = _owner(f.graph, focus)
        message = " ".join(str(m) for m in report.objects(r, SH.resultMessage))
        out.append((f.line(owner, path) if path is not None else f.line(owner),
                    f"{_c(owner)}: {_c(path) if path is not None else 'the shape'} {_c(value) if value is not None else ''}"
                    f" is not well-formed SHACL (SHACL-SHACL: {message[:200]})"))  # fmt: skip
    return out


def _owner(g: Graph, node: Node) -> Node:
    """The named node a blank node hangs from (a shape's property shape, list), else the node itself."""
    seen = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        parent = next(iter(g.subjects(None, node)), None)
        if parent is None:
            break
        node = parent
    return node


def check_shapes(shapes_dir: Path, ontology: Graph) -> None:
    """Refuse a shapes graph with a problem (:func:`shape_problems`): the first one located, all of them listed."""
    problems = shape_problems(shapes_dir, ontology)
    if not problems:
        return
    path, line, message = problems[0]
    rest = "".join(f"\n  {shown_path(p)}:{n}: {m}" for p, n, m in problems[1:])
    raise CuratedFileError(path, line, message + (f"\n(and {len(problems) - 1} more){rest}" if rest else ""))


_WELL_FORMED: set[str] = set()  # digests of shapes and ontology files found well-formed in this process


def check_project_shapes(root: Path, ontology: Graph) -> None:
    """:func:`check_shapes` for the project under ``root``, whose ``ontology`` graph was read from its
    ``ontology/*.ttl``: done once for each content of those files and of ``shapes/*.ttl`` and of the code that
    checks them (~3 s a check, half of a ``csto-kg validate``): remembered in this process (a batch of curator
    slips validates many copies of one project whose shapes and ontology are the same) and, for the next
    processes, as an empty file named by that digest under :func:`~csto_kg.paths.cache_dir` (a curator who edits
    ``kg/`` re-validates without re-checking unchanged shapes). Only a well-formed content is remembered: a
    shapes graph with a problem is checked, and refused, every time."""
    digest = hashlib.sha256(_checker_fingerprint().encode())
    for path in [*sorted((root / "shapes").glob("*.ttl")), *ontology_files(root)]:
        digest.update(f"{path.parent.name}/{path.name}\0".encode() + path.read_bytes() + b"\0")
    key = digest.hexdigest()
    marker = cache_dir() / "shapes-check" / key
    if key in _WELL_FORMED:  # checked in this process; the cache folder may be another than then
        if not marker.exists():
            _remember(marker)
        return
    if not marker.exists():
        check_shapes(root / "shapes", ontology)  # raises on a problem, so only a well-formed content is kept
        _remember(marker)
    _WELL_FORMED.add(key)


@functools.lru_cache(maxsize=1)
def _checker_fingerprint() -> str:
    """What the check's verdict depends on beside the files checked: this package's code (every module, since
    the check reads the loader, the vocabulary rules and the namespaces) and pySHACL's and rdflib's versions."""
    import pyshacl
    import rdflib

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"pyshacl {pyshacl.__version__}\0rdflib {rdflib.__version__}\0".encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _remember(marker: Path) -> None:
    """Write ``marker`` (atomically: a reader sees it whole or not at all); a cache that cannot be written is
    skipped, never an error."""
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        tmp = marker.with_name(f".{marker.name}.{os.getpid()}")
        tmp.write_bytes(b"")
        os.replace(tmp, marker)
    except OSError:
        pass
