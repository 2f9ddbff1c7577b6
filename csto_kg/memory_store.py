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

``addN``, the loader's one way in, is ``Memory.add`` per quad written out in one loop: the graph's name and its
dict worked out once per run of quads in one graph rather than once per quad, and no ``TripleAddedEvent`` made
for each quad when nothing listens to the store's events (when something does, rdflib's own ``addN``). The store
it leaves is the one ``Memory.add`` would leave, index by index (``tests/test_memory_store.py``).
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

    def addN(self, quads) -> None:  # noqa: N802 - rdflib's name
        """``Memory.add((s, p, o), graph)`` for each quad, as one loop (see the module's docstring)."""
        if self.dispatcher.get_map():  # something listens to the store's add events: rdflib's path makes them
            return super().addN(quads)
        spo, pos, osp = self._Memory__spo, self._Memory__pos, self._Memory__osp
        by_triple, by_graph = self._Memory__tripleContexts, self._Memory__contextTriples
        everything = by_graph[None]
        graph = in_graph = alone = None
        for s, p, o, c in quads:
            if c is not graph:  # a run of quads in another graph
                if c is None:
                    raise AssertionError(f"Context associated with {s} {p} {o} is None!")  # as Store.addN
                graph, name = c, self._Memory__ctx_to_str(c)
                self._Memory__all_contexts.add(c)
                in_graph = by_graph.setdefault(name, set())
                alone = self._share({name: False, None: False})  # the graphs of a triple only this graph holds
            os_ = spo.setdefault(s, {}).setdefault(p, {})
            triple = (s, p, o)
            if o in os_:  # held already, maybe in other graphs: rdflib's own bookkeeping (the replaced method)
                self._Memory__add_triple_context(triple, True, c, False)
                continue
            os_[o] = 1
            everything.add(triple)
            in_graph.add(triple)
            default = self._Memory__defaultContexts
            if default is None:  # the first triple of the store: its graphs are the default
                self._Memory__defaultContexts = default = alone
            if alone != default:  # a new triple has no entry (rdflib deletes a removed triple's)
                by_triple[triple] = alone
            pos.setdefault(p, {}).setdefault(o, {})[s] = 1
            osp.setdefault(o, {}).setdefault(s, {})[p] = 1

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
