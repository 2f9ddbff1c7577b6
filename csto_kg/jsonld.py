"""Compact JSON-LD: Oxigraph's JSON-LD (expanded form, full IRIs everywhere, no ``@context``) given a context of the
project's prefixes, so that a description reads ``"rdfs:label"`` and ``"@id": "id:armenia"``.

Only IRIs are shortened, each to a compact IRI (``prefix:local``) that JSON-LD 1.1 expands back to the same IRI: in
property keys, in ``@id`` and ``@type`` values and in a literal's datatype; a node's ``rdf:type`` IRIs are written
as its ``@type`` (JSON-LD's own keyword for them). Nothing else changes: no term is
defined for a property, no value is coerced, the node objects stay as they were, so the triples read back are the
triples written (the tests parse both with rdflib and Oxigraph). The dumps stay in the expanded form, written by
Oxigraph as a stream (compacting one means holding it whole in memory).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

__all__ = ["compact"]

# What a prefix is called in a JSON-LD context where Turtle's has none (":" for the resources): a term must be a
# non-empty string.
_EMPTY_PREFIX_AS = "id"


def compact(expanded: bytes, prefixes: Mapping[str, str]) -> bytes:
    """``expanded`` (a JSON-LD document in expanded form, a list of node objects) with an ``@context`` of
    ``prefixes`` (Turtle's: ``{"rdfs": "http://…#", "": "https://…/id/"}``) and its IRIs written with them.

    A prefix is left out of the context if some IRI of the document has a scheme of the same name (``csto:x`` as an
    absolute IRI would otherwise be read as that prefix's), or if its namespace ends with neither ``/`` nor ``#``
    (JSON-LD 1.1 expands a compact IRI only with a prefix ending in such a character)."""
    nodes = json.loads(expanded)
    schemes = {iri.split(":", 1)[0] for iri in _iris(nodes) if ":" in iri}
    context = {
        (name or _EMPTY_PREFIX_AS): ns
        for name, ns in prefixes.items()
        if ns.endswith(("/", "#")) and (name or _EMPTY_PREFIX_AS) not in schemes
    }
    if not context or not nodes:
        return expanded
    by_length = sorted(context.items(), key=lambda p: -len(p[1]))  # the longest namespace first

    def short(iri: str) -> str:
        for name, ns in by_length:
            local = iri[len(ns) :]
            if iri.startswith(ns) and local and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    graph = [_node(n, short) for n in nodes]
    used = {iri.split(":", 1)[0] for iri in _iris(graph) if ":" in iri}
    doc = {"@context": {name: ns for name, ns in context.items() if name in used}, "@graph": graph}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode()


_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _is_named(value) -> bool:
    """A reference to a node by its IRI (``{"@id": "http://…"}``: no blank node, no literal)."""
    return isinstance(value, dict) and value.keys() == {"@id"} and not value["@id"].startswith("_:")


def _iris(nodes: list) -> Iterator[str]:
    for node in nodes:
        yield from _iris_of(node)


def _iris_of(item) -> Iterator[str]:
    if isinstance(item, list):
        for x in item:
            yield from _iris_of(x)
    elif isinstance(item, dict):
        for key, value in item.items():
            if not key.startswith("@"):
                yield key
                yield from _iris_of(value)
            elif key in ("@id", "@type"):  # a node's IRI or classes, a literal's datatype
                yield from ([value] if isinstance(value, str) else value)
            elif key in ("@graph", "@list", "@set"):
                yield from _iris_of(value)


def _node(item, short):
    if isinstance(item, list):
        return [_node(x, short) for x in item]
    if not isinstance(item, dict):
        return item
    out = {}
    for key, value in item.items():
        if key == _TYPE and all(_is_named(v) for v in value):  # the idiom: "@type": ["csto:State"]
            out["@type"] = [short(v["@id"]) for v in value]
        elif not key.startswith("@"):
            out[short(key)] = _node(value, short)
        elif key == "@id" and not value.startswith("_:"):
            out[key] = short(value)
        elif key == "@type":  # a node's classes, or a literal's datatype
            out[key] = short(value) if isinstance(value, str) else [short(t) for t in value]
        elif key in ("@graph", "@list", "@set"):
            out[key] = _node(value, short)
        else:
            out[key] = value
    return out
