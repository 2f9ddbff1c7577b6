"""SPARQL 1.1 Query Results JSON for a list of solutions (a capped SELECT result).

https://www.w3.org/TR/sparql11-results-json/ (section 3.2.2 for the term
encoding; ``"triple"`` terms and ``"its:dir"`` as in SPARQL 1.2, which is what
Oxigraph writes). pyoxigraph serialises a ``QuerySolutions`` iterator only
whole, from where it stands, so a result cut at the row cap is written here,
term by term exactly as Oxigraph writes it; the other result formats are then
made by Oxigraph from this JSON (:func:`to_format`).
"""

from __future__ import annotations

import json

import pyoxigraph as ox

__all__ = ["term_json", "solutions_json", "to_format"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"


def term_json(term) -> dict:
    """One RDF term as a SPARQL JSON results binding value."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            direction = getattr(term, "direction", None)
            if direction is not None:
                out["its:dir"] = str(direction)  # "ltr" / "rtl"
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING, _RDF_DIR_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_json(term.subject),
                "predicate": term_json(term.predicate),
                "object": term_json(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {type(term).__name__}")


def solutions_json(variables: list[str], rows: list, *, truncated: bool = False) -> bytes:
    """``rows`` (``QuerySolution`` objects) as a SPARQL JSON results document.

    A truncated result carries a top-level ``"truncated": true`` member (an
    extension: JSON results readers ignore members they do not know), placed
    between ``head`` and ``results``.
    """
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            value = row[name]
            if value is not None:
                binding[name] = term_json(value)
        bindings.append(binding)
    doc: dict = {"head": {"vars": variables}}
    if truncated:
        doc["truncated"] = True  # before "results": Oxigraph's streaming reader stops reading after it
    doc["results"] = {"bindings": bindings}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_format(json_body: bytes, fmt: ox.QueryResultsFormat) -> bytes:
    """Re-serialise a SPARQL JSON results document (from :func:`solutions_json`) in ``fmt``."""
    if fmt == ox.QueryResultsFormat.JSON:
        return json_body
    return ox.parse_query_results(json_body, ox.QueryResultsFormat.JSON).serialize(format=fmt)
