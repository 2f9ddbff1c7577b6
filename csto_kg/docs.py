"""``csto-kg docs``: the generated index beside the ontology, ``ontology/INDEX.md``.

What a newcomer needs to write a query without reading the curated files:

- every entity and topic of ``kg/entities.trig``: IRI, label, class, and the
  seed files whose graphs mention it;
- per class with instances: the properties its instances carry (how many
  instances have each), with an example query;
- the disagreements between sources (``queries/disagreements.rq``).

Everything is computed with SPARQL over the build's store, so the file
changes only when the curated data does; ``tests/test_docs.py`` checks that
the committed file is current. The server's class pages show the same
per-class tables (:func:`class_properties`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import paths
from .namespaces import (
    CSTO,
    ENTITIES_GRAPH,
    GRAPH,
    INFERRED_GRAPH,
    META_GRAPH,
    ONTOLOGY_GRAPH,
    PREFIXES,
    SUPPORT_GRAPH,
    curie,
)

__all__ = ["INDEX_FILE", "PropertyUse", "class_properties", "render_index", "write_index"]

INDEX_FILE = "INDEX.md"
_NOT_CURATED = ", ".join(f"<{g}>" for g in (ONTOLOGY_GRAPH, INFERRED_GRAPH, META_GRAPH, SUPPORT_GRAPH))

# Per class asserted in a curated graph: the properties its instances carry there, and on how many instances.
_CLASS_PROPERTIES = """
SELECT ?class ?p (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?x a ?class . ?x ?p ?o }
  FILTER (?g NOT IN (%s))
  %s
} GROUP BY ?class ?p""" % (_NOT_CURATED, "%s")

_CLASS_SIZES = """
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?x a ?class }
  FILTER (?g NOT IN (%s) && STRSTARTS(STR(?class), "%s"))
} GROUP BY ?class""" % (_NOT_CURATED, CSTO)

_ENTITIES = """
SELECT ?e ?label ?class ?g WHERE {
  GRAPH <%s> { ?e a ?class ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }
  FILTER (LANG(?label) = "en")
  OPTIONAL {
    GRAPH ?g { { ?e ?p ?o } UNION { ?s ?q ?e } }
    FILTER (STRSTARTS(STR(?g), "%s") && ?g NOT IN (<%s>, %s))
  }
}""" % (ENTITIES_GRAPH, GRAPH, ENTITIES_GRAPH, _NOT_CURATED)


@dataclass(frozen=True)
class PropertyUse:
    prop: str  # IRI
    instances: int  # how many instances of the class carry it (in some curated graph)


def class_properties(store: ox.Store, class_iri: str | None = None) -> dict[str, list[PropertyUse]]:
    """Class IRI -> the properties its instances carry in the curated graphs, most used first."""
    restrict = f"VALUES ?class {{ <{class_iri}> }}" if class_iri else f'FILTER STRSTARTS(STR(?class), "{CSTO}")'
    out: dict[str, list[PropertyUse]] = defaultdict(list)
    for row in store.query(_CLASS_PROPERTIES % restrict):
        out[row["class"].value].append(PropertyUse(row["p"].value, int(row["n"].value)))
    for uses in out.values():
        uses.sort(key=lambda u: (-u.instances, _short(u.prop)))
    return dict(out)


def _short(iri: str) -> str:
    return curie(iri) or f"<{iri}>"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example_query(cls: str, uses: list[PropertyUse]) -> str:
    shown = [
        u.prop
        for u in uses
        if u.prop
        not in (
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "http://www.w3.org/2000/01/rdf-schema#label",
            "http://www.w3.org/ns/prov#wasDerivedFrom",
        )
    ][:3]
    lines = [
        "```sparql",
        "PREFIX : <https://w3id.org/csto-kg/id/>",
        f"PREFIX csto: <{CSTO}>",
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
    ]
    prefixes = {_short(p).split(":", 1)[0] for p in shown} - {"csto", "rdfs", ""}
    lines += [f"PREFIX {p}: <{PREFIXES[p]}>" for p in sorted(prefixes) if p in PREFIXES]
    variables = " ".join(f"?v{i + 1}" for i in range(len(shown)))
    lines.append(f"SELECT ?x ?label {variables} WHERE {{")
    lines.append(f"  ?x a {_short(cls)} ; rdfs:label ?label .")
    lines += [f"  OPTIONAL {{ ?x {_short(p)} ?v{i + 1} }}" for i, p in enumerate(shown)]
    lines += ["} LIMIT 10", "```"]
    return "\n".join(lines)


def _entities_section(store: ox.Store) -> list[str]:
    rows: dict[str, dict] = {}
    for r in store.query(_ENTITIES):
        e = rows.setdefault(r["e"].value, {"label": r["label"].value, "classes": set(), "files": set()})
        e["classes"].add(_short(r["class"].value))
        if r["g"] is not None:
            e["files"].add(r["g"].value[len(str(GRAPH)) :][:3])
    out = [
        "## Entities and topics",
        "",
        "Every entity and topic of `kg/entities.trig`; *mentioned in* lists the seeds (`kg/<nnn>_*.trig`) "
        "whose graphs state something about it or refer to it.",
        "",
        "| IRI | label | class | mentioned in |",
        "|---|---|---|---|",
    ]
    for iri in sorted(rows, key=lambda i: (sorted(rows[i]["classes"]), rows[i]["label"].lower())):
        e = rows[iri]
        out.append(
            f"| `{_short(iri)}` | {_cell(e['label'])} | {', '.join(f'`{c}`' for c in sorted(e['classes']))} "
            f"| {', '.join(sorted(e['files'])) or '—'} |"
        )
    return out + [""]


def _classes_section(store: ox.Store) -> list[str]:
    sizes = {r["class"].value: int(r["n"].value) for r in store.query(_CLASS_SIZES)}
    props = class_properties(store)
    out = [
        "## Properties per class",
        "",
        "For each class with instances in the curated graphs: the properties those instances carry "
        "(in how many of them), and a query to start from. Inferred triples (superclasses, date bounds, "
        "membership intervals) are not counted here; see `graph:inferred`.",
        "",
    ]
    for cls in sorted(props, key=_short):
        if cls not in sizes:
            continue
        out += [f"### `{_short(cls)}` ({sizes[cls]} instances)", "", "| property | instances |", "|---|---|"]
        out += [f"| `{_short(u.prop)}` | {u.instances} |" for u in props[cls]]
        out += ["", _example_query(cls, props[cls]), ""]
    return out


def _disagreements_section(store: ox.Store, queries: Path) -> list[str]:
    out = [
        "## Disagreements between sources",
        "",
        "From `queries/disagreements.rq`: values the sources give one node that conflict (derived in "
        "`graph:support`), and facts a curator linked with `csto:disagreesWith`.",
        "",
    ]
    seen = []
    for r in store.query((queries / "disagreements.rq").read_text(encoding="utf-8")):

        def v(name, r=r):
            t = r[name]
            return None if t is None else (_short(t.value) if isinstance(t, ox.NamedNode) else t.value)

        row = (
            v("kind"),
            v("node") or "",
            v("property") or "",
            v("value1"),
            v("file1")[:3],
            v("value2"),
            v("file2")[:3],
        )
        if row not in seen:
            seen.append(row)
    if not seen:
        return out + ["None.", ""]
    out += ["| kind | node | property | value (seed) | value (seed) |", "|---|---|---|---|---|"]
    for kind, node, prop, v1, f1, v2, f2 in seen:
        out.append(f"| {kind} | `{node}` | {f'`{prop}`' if prop else '—'} | {_cell(v1)} ({f1}) | {_cell(v2)} ({f2}) |")
    return out + [""]


def render_index(store: ox.Store, queries: Path | None = None) -> str:
    """The text of ``ontology/INDEX.md`` for the data in ``store`` (a build's store)."""
    head = [
        "# Index of the CSTO knowledge graph",
        "",
        "<!-- generated by `csto-kg docs` from the build; do not edit (tests/test_docs.py checks it is current) -->",
        "",
        "The ontology's terms are documented in `csto.ttl` and on the server's `/ontology` pages; this "
        "index shows how the curated data uses them.",
        "",
    ]
    body = (
        _entities_section(store)
        + _classes_section(store)
        + _disagreements_section(store, queries or (paths.root() / "queries"))
    )
    return "\n".join(head + body).rstrip("\n") + "\n"


def write_index(root: Path | None = None) -> Path:
    """Build if needed, then write ``ontology/INDEX.md`` under ``root``; returns its path."""
    from .build import ensure_built
    from .export import atomic_write
    from .query import open_store

    root = root or paths.root()
    text = render_index(open_store(ensure_built(root).store_path), root / "queries")
    target = root / "ontology" / INDEX_FILE
    atomic_write(target, lambda f: f.write(text.encode("utf-8")))
    return target
