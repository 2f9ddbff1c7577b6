"""rdflib's memory store, keeping each distinct set of graphs a triple is in once rather than once per triple.

rdflib's ``Memory`` store records, for every triple not in exactly the graphs of the first triple it was given, a
dict of the graphs holding it (``{"URIRef:<graph>": False, None: False}``): one dict per triple, a third of the
loaded dataset's memory (161 -> 109 MB at 1e5 triples, bench/README.md). The loaded graph has a few hundred
distinct such sets (one per curated file, and per combination of files stating one triple), so
:class:`SharedContextsMemory` keeps one dict per distinct set, in the order rdflib would have written it, and
gives it to every triple with that set. rdflib changes a triple's dict in place in one place only (a triple it
already holds added to one more graph: ``Memory.__add_triple_context``); that method is replaced here by one
that makes the new set instead. Removal already copies. Everything else is rdflib's: every answer, including the
order in which a triple's graphs are listed, is the plain store's (``tests/test_memory_store.py``).
"""

from __future__ import annotations

from rdflib.plugins.stores.memory import Memory

__all__ = ["SharedContextsMemory"]


class SharedContextsMemory(Memory):
    """``Memory`` with one dict per distinct set of graphs a triple is in (see the module's docstring)."""

    def __init__(self, configuration=None, identifier=None):
        super().__init__(configuration, identifier)
        self._shared: dict[tuple, dict] = {}  # a set of graphs, as its dict's items in order -> the one dict

    def _share(self, contexts: dict) -> dict:
        return self._shared.setdefault(tuple(contexts.items()), contexts)

    # Memory.add calls self.__add_triple_context, that is this name: the one place rdflib changed a dict in place.
    def _Memory__add_triple_context(self, triple, triple_exists, context, quoted) -> None:  # noqa: N802
        ctx = self._Memory__ctx_to_str(context)
        quoted = bool(quoted)
        by_triple = self._Memory__tripleContexts
        default = self._Memory__defaultContexts
        if triple_exists:
            contexts = dict(by_triple.get(triple, default))  # a new dict: the old one may be shared
            contexts[ctx] = quoted
            if not quoted:
                contexts[None] = quoted
        elif quoted:
            contexts = {ctx: quoted}
        else:
            contexts = {ctx: quoted, None: quoted}
        contexts = self._share(contexts)
        if not quoted:
            self._Memory__contextTriples[None].add(triple)
        triples = self._Memory__contextTriples.get(ctx)
        if triples is None:
            triples = self._Memory__contextTriples[ctx] = set()
        triples.add(triple)
        if default is None:  # the first triple of the store: its graphs are the default
            self._Memory__defaultContexts = default = contexts
        if contexts == default:
            by_triple.pop(triple, None)
        else:
            by_triple[triple] = contexts
