"""rdflib's SPARQL engine with each query text parsed once: :func:`prepared_queries`.

pySHACL hands rdflib a SPARQL-based constraint's query as text, once per focus
node, and rdflib parses and translates the text every time before evaluating it
with the focus node pre-bound. Parsing is pyparsing, ~0.3 s per query text: on a
shape fixture of ~2,400 triples it is 6.5 of pySHACL's 7.9 s (cProfile,
2026-12-02), the evaluation 0.2 s. Within :func:`prepared_queries` a text seen
before is evaluated from its translated algebra, kept from the first time: what
rdflib's own ``prepareQuery`` followed by ``Graph.query(prepared, initBindings=…)``
does. The evaluation is rdflib's, unchanged; only the repeated parse is saved.
The translation depends on the text, the base IRI and the namespaces rdflib
passes in (the data graph's prefixes), so all three make the key.

The algebra of at most :data:`CAPACITY` texts is kept (least recently used
first out) for the life of the process, across blocks: validations in one
process that use the same shapes (the equivalence tests' fixtures) parse each
constraint once. Blocks may nest and run on several threads; rdflib is
unpatched once the last one ends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

__all__ = ["prepared_queries", "CAPACITY"]

CAPACITY = 1024
_ORIGINAL = processor.SPARQLProcessor.query
_lock = threading.Lock()
_active = 0


@lru_cache(maxsize=CAPACITY)
def _translated(text: str, base: str | None, namespaces: tuple[tuple[str, str], ...]) -> Query:
    return translateQuery(parseQuery(text), base, dict(namespaces) or None)


def _query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803 - rdflib's names
    if isinstance(strOrQuery, str):
        namespaces = tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items()))
        strOrQuery = _translated(strOrQuery, base, namespaces)
    return _ORIGINAL(self, strOrQuery, initBindings, initNs, base, DEBUG)


@contextmanager
def prepared_queries() -> Iterator[None]:
    """Within this block rdflib parses each SPARQL query text once (see the module doc)."""
    global _active
    with _lock:
        _active += 1
        processor.SPARQLProcessor.query = _query
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                processor.SPARQLProcessor.query = _ORIGINAL
