"""A read view of the validated union that answers triple patterns from rdflib's memory-store indexes directly.

The Python rules ask the union (the loaded ``Dataset``, whose default graph is the union of its named graphs)
hundreds of thousands of ``objects`` / ``subjects`` / ``value`` questions. rdflib answers each through
``ConjunctiveGraph.triples`` and ``Memory.triples``, which check every matching triple's contexts and build a
generator of them per triple (``__get_context_for_triple``, ``__contexts``): at 1e5 about a quarter of the rules'
CPU. For the union, that check always passes: every triple in the store is in the default context unless it was
added as a quoted (N3 formula) triple, which the loader never does. :class:`UnionView` reads the store's own
indexes (subject -> predicate -> objects, predicate -> object -> subjects, object -> subject -> predicates), in
the same order ``Memory.triples`` yields them, so every answer (and so every report) is the one rdflib gives:
``objects``, ``subjects``, ``value``, ``transitive_objects`` ... are rdflib's own ``Graph`` methods running over
:meth:`UnionView.triples`. Nothing is copied: the view is live, and anything else is the graph's own answer.
"""

from __future__ import annotations

from rdflib import ConjunctiveGraph, Dataset, Graph, URIRef
from rdflib.graph import QuotedGraph
from rdflib.paths import Path
from rdflib.plugins.stores.memory import Memory

from .memory_store import SharedContextsMemory

__all__ = ["UnionView", "DatasetView", "NamedGraphView", "add_triples", "union_view", "dataset_view"]


def _indexes(graph: Graph):
    """The memory store's (spo, pos, osp) dicts, when every triple in it is a triple of ``graph``; else None."""
    store = graph.store
    if type(store) not in (Memory, SharedContextsMemory):  # a subclass may hold its triples otherwise
        return None
    contexts = store._Memory__contextTriples  # context key -> its triples; None: the default context
    if isinstance(graph, ConjunctiveGraph):
        if not graph.default_union:
            return None
    elif set(contexts) - {None, f"{type(graph.identifier).__name__}:{graph.identifier}"}:
        return None  # a graph sharing its store with other graphs: its own triples are a subset
    if any(isinstance(c, QuotedGraph) for c in store._Memory__all_contexts):
        return None  # a formula's (quoted) triples are in the store but not in the union
    return store._Memory__spo, store._Memory__pos, store._Memory__osp


class UnionView:
    """``graph`` read through its store's indexes (see the module's docstring); ``graph`` itself for the rest."""

    _filtered = False  # whether a triple of the store may not be this graph's (see _keep)

    def __init__(self, graph: Graph):
        self._base = graph
        self._spo, self._pos, self._osp = _indexes(graph)

    def __getattr__(self, name):  # what the view does not answer itself: the graph's own
        if name == "_base":
            raise AttributeError(name)
        return getattr(self._base, name)

    def __len__(self) -> int:
        return len(self._base)

    def __iter__(self):
        return iter(self._base)

    def triples(self, pattern, context=None):
        """The triples matching ``pattern``, in the order ``Memory.triples`` gives them for this graph's context."""
        if context is not None or len(pattern) != 3 or isinstance(pattern[1], Path):
            yield from self._base.triples(pattern) if context is None else self._base.triples(pattern, context=context)
            return
        if pattern == (None, None, None):
            yield from self._all()
            return
        keep = self._keep()
        for triple in self._matching(*pattern):
            if keep is None or keep(triple):
                yield triple

    def _keep(self):
        """None (every triple of the store is this graph's), or a test of whether a triple is."""
        return None

    def _all(self):
        """Every triple, in ``Memory.triples``' order: it iterates a copy of the context's set of triples (the
        store's every triple for the union) and makes a generator of each one's contexts, which is dropped here."""
        base = self._base
        key = None if isinstance(base, ConjunctiveGraph) else f"{type(base.identifier).__name__}:{base.identifier}"
        triples = base.store._Memory__contextTriples.get(key)
        return iter(triples.copy()) if triples is not None else iter(())

    def _matching(self, s, p, o):  # noqa: C901  (one branch per bound position, as Memory.triples)
        """The store's triples matching (s, p, o), one of them at least bound, whatever their graph."""
        if s is not None:
            po = self._spo.get(s)
            if po is None:
                return
            if p is not None:
                objects = po.get(p)
                if objects is None:
                    return
                if o is not None:
                    if o in objects:
                        yield s, p, o
                    return
                for obj in list(objects):
                    yield s, p, obj
                return
            for pred in list(po):
                objects = po[pred]
                if o is not None:
                    if o in objects:
                        yield s, pred, o
                    continue
                for obj in list(objects):
                    yield s, pred, obj
        elif p is not None:
            os_ = self._pos.get(p)
            if os_ is None:
                return
            if o is not None:
                for subj in list(os_.get(o, ())):
                    yield subj, p, o
                return
            for obj in list(os_):
                for subj in list(os_[obj]):
                    yield subj, p, obj
        elif o is not None:
            sp = self._osp.get(o)
            if sp is None:
                return
            for subj in list(sp):
                for pred in list(sp[subj]):
                    yield subj, pred, o

    def __contains__(self, triple) -> bool:
        if len(triple) != 3:
            return triple in self._base
        s, p, o = triple
        if s is not None and type(p) is URIRef and o is not None:  # a whole triple: two look-ups and the graph test
            po = self._spo.get(s)
            objects = po.get(p) if po is not None else None
            if not objects or o not in objects:
                return False
            keep = self._keep()
            return keep is None or keep((s, p, o))
        for _ in self.triples(triple):
            return True
        return False

    def objects(self, subject=None, predicate=None, unique=False):
        """As ``Graph.objects``; the common case (a subject and a predicate) without a generator per triple."""
        if type(predicate) is URIRef and subject is not None and not unique and not self._filtered:
            if isinstance(subject, list):
                return Graph.objects(self, subject, predicate)
            po = self._spo.get(subject)
            objects = po.get(predicate) if po is not None else None
            return iter(list(objects)) if objects else iter(())
        return Graph.objects(self, subject, predicate, unique)

    def subjects(self, predicate=None, object=None, unique=False):  # noqa: A002  (rdflib's own parameter name)
        """As ``Graph.subjects``; the common case (a predicate and an object) without a generator per triple."""
        if type(predicate) is URIRef and object is not None and not unique and not self._filtered:
            if isinstance(object, list):
                return Graph.subjects(self, predicate, object)
            os_ = self._pos.get(predicate)
            subjects = os_.get(object) if os_ is not None else None
            return iter(list(subjects)) if subjects else iter(())
        return Graph.subjects(self, predicate, object, unique)

    predicates = Graph.predicates
    subject_objects = Graph.subject_objects
    subject_predicates = Graph.subject_predicates
    predicate_objects = Graph.predicate_objects
    value = Graph.value
    items = Graph.items
    transitive_objects = Graph.transitive_objects
    transitive_subjects = Graph.transitive_subjects
    transitiveClosure = Graph.transitiveClosure  # noqa: N815  (rdflib's name)


class NamedGraphView(UnionView):
    """A named graph of a dataset (a :class:`DatasetView`'s ``graph(iri)``), read through the store's indexes.

    As ``Memory.triples`` does, a triple matching the pattern is kept if the graph is one of its contexts; what
    the view spares is the rest of rdflib's path (a generator of each triple's contexts, a context key per call).
    """

    def __init__(self, graph: Graph, indexes, store: Memory):
        self._base = graph
        self._spo, self._pos, self._osp = indexes
        self._store = store
        self._key = f"{type(graph.identifier).__name__}:{graph.identifier}"  # Memory's key of the context

    _filtered = True

    def _keep(self):
        contexts, default, key = self._store._Memory__tripleContexts, self._store._Memory__defaultContexts, self._key
        return lambda triple: key in contexts.get(triple, default)

    def _all(self):
        triples = self._store._Memory__contextTriples.get(self._key)
        return iter(triples.copy()) if triples is not None else iter(())  # Memory.triples iterates the same copy

    def objects(self, subject=None, predicate=None, unique=False):
        """As ``Graph.objects``; for a subject and a predicate, the objects the graph holds, in ``triples``' order,
        without a generator per triple (the rules ask ~120 k of these of named graphs at 1e5)."""
        if type(predicate) is URIRef and subject is not None and not unique and not isinstance(subject, list):
            po = self._spo.get(subject)
            objects = po.get(predicate) if po is not None else None
            if not objects:
                return iter(())
            keep = self._keep()
            return iter([o for o in list(objects) if keep((subject, predicate, o))])
        return Graph.objects(self, subject, predicate, unique)

    def __iter__(self):  # as Graph.__iter__: the graph's triples (a Dataset's own iterates quads)
        return self.triples((None, None, None))


class DatasetView(UnionView):
    """The loaded ``Dataset`` (default graph: the union) read through the store's indexes, its named graphs too."""

    def __init__(self, graph: Graph):
        super().__init__(graph)
        self._graphs: dict = {}

    def graph(self, identifier=None, base=None):
        if identifier is None or base is not None:
            return self._base.graph(identifier, base)
        view = self._graphs.get(identifier)
        if view is None:
            ds = self._base
            view = self._graphs[identifier] = NamedGraphView(
                ds.graph(identifier), (self._spo, self._pos, self._osp), ds.store
            )
        return view

    def quads(self, quad=None):
        """As ``Dataset.quads`` for a pattern with no graph: each matching triple once per named graph holding it, in
        rdflib's order (every quad too: the build writes them, ~2x faster than rdflib's generator per triple)."""
        ds = self._base
        if quad is not None and len(quad) == 4 and quad[3] is not None:
            yield from ds.quads(quad)
            return
        s, p, o = (None, None, None) if quad is None else quad[:3]
        store, default_graph = ds.store, ds.default_graph
        contexts, default = store._Memory__tripleContexts, store._Memory__defaultContexts
        graphs, ids = store._Memory__context_obj_map, {}  # context key -> graph IRI (None: the default graph)
        if s is None and p is None and o is None:  # every quad: Memory.triples iterates a copy of its triples
            matching = store._Memory__contextTriples[None].copy()
        else:
            matching = self._matching(s, p, o)
        for triple in matching:
            for key, quoted in contexts.get(triple, default).items():
                if key is None or quoted:
                    continue
                if key not in ids:
                    c = graphs.get(key, key)
                    ids[key] = None if c.identifier == default_graph else c.identifier
                yield (*triple, ids[key])


def union_view(graph: Graph):
    """:class:`UnionView` of ``graph`` where its store can be read directly, else ``graph`` itself."""
    return UnionView(graph) if _indexes(graph) is not None else graph


def dataset_view(dataset: Graph):
    """:class:`DatasetView` of a loaded ``Dataset`` where its store can be read directly, else the dataset."""
    return DatasetView(dataset) if isinstance(dataset, Dataset) and _indexes(dataset) is not None else dataset


def add_triples(dataset: Dataset, graph: Graph, triples) -> None:
    """``dataset.addN((s, p, o, graph) for s, p, o in triples)``, the same additions to the same store, without the
    ``Graph`` object rdflib makes per quad (``ConjunctiveGraph._graph`` resolves each quad's graph by
    ``get_context``: 0.65 s of 20 k quads' load on the curated graph, under the profiler)."""
    context = dataset.get_context(graph.identifier)
    dataset.store.addN((s, p, o, context) for s, p, o in triples)
