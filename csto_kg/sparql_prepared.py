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

pySHACL also checks a constraint's text for what SHACL forbids in it (MINUS,
VALUES, SERVICE, a nested SELECT leaving out ``$this``, ``AS`` re-binding a
pre-bound variable) each time it pre-binds the focus node: five regular
expressions whose backtracking costs ~0.5 ms a text, once per focus node (on the
curated graph 6.6 of pySHACL's 39 s CPU, cProfile 2026-12-02; 0.1 of the 0.17 s
the compiled engine spends on a shape fixture). The check depends on the text,
whether a value node is pre-bound and the names of any extra pre-bound variables
alone, so within the block a text that passed is not checked again for the same
two; a text that fails is checked (and raises) every time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

__all__ = ["prepared_queries", "CAPACITY"]

CAPACITY = 1024
_ORIGINAL = processor.SPARQLProcessor.query
_ORIGINAL_CHECK = SPARQLQueryHelper.check_invalid_sparql
_CHECKED: dict[tuple[str, bool, frozenset[str]], None] = {}  # what passed pySHACL's check, oldest first
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


def _check(self, sparql_text, valuenode=None, extravars=None):
    """pySHACL's ``check_invalid_sparql``, done once for each text that passes it (see the module doc)."""
    key = (sparql_text, valuenode is not None, frozenset(extravars or ()))
    if key not in _CHECKED:
        _ORIGINAL_CHECK(self, sparql_text, valuenode=valuenode, extravars=extravars)  # raises if the text fails
        if len(_CHECKED) >= CAPACITY:
            _CHECKED.pop(next(iter(_CHECKED)), None)
        _CHECKED[key] = None
    return True


@contextmanager
def prepared_queries() -> Iterator[None]:
    """Within this block rdflib parses each SPARQL query text once, and pySHACL checks it once (see the module doc)."""
    global _active
    with _lock:
        _active += 1
        processor.SPARQLProcessor.query = _query
        SPARQLQueryHelper.check_invalid_sparql = _check
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                processor.SPARQLProcessor.query = _ORIGINAL
                SPARQLQueryHelper.check_invalid_sparql = _ORIGINAL_CHECK
