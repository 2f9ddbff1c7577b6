"""A lexical look at a SPARQL query: its bare keywords, strings and IRIs set aside.

Oxigraph parses and evaluates queries but does not expose the parsed query.
The endpoint needs two facts before running one: whether it names its own
dataset (``FROM`` / ``FROM NAMED``, which must then not be replaced by the
union default graph) and whether it asks for federation (``SERVICE``, which
is refused). Scanning tokens, not substrings, keeps ``"from"`` in a string,
``ex:SERVICE`` or ``?from`` from counting. (SPARQL 1.1 Query, section 19.8.)
"""

from __future__ import annotations

import re

__all__ = ["keywords", "has_dataset_clause", "uses_service"]

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w.\-:%\u00b7\u00c0-\uffff]|\\.)*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def keywords(query: str) -> list[str]:
    """The bare words of ``query``, upper-cased, in order (keywords, function names, ``a``)."""
    return [m.group("word").upper() for m in _TOKEN.finditer(query) if m.lastgroup == "word"]


def has_dataset_clause(query: str) -> bool:
    """Does the query name its own dataset with ``FROM`` or ``FROM NAMED``?"""
    return "FROM" in keywords(query)


def uses_service(query: str) -> bool:
    """Does the query contain a ``SERVICE`` (federated query) clause?"""
    return "SERVICE" in keywords(query)
