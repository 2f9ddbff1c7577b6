"""Evidence nodes as pages show them: the source, the quote, its offsets, its context.

An evidence node is an ``oa:SpecificResource`` (``csto:Evidence``) whose
``oa:hasSource`` is a seed document and whose selectors give the verbatim
quote (``oa:TextQuoteSelector``/``oa:exact``) and its code-point offsets
(``oa:TextPositionSelector``/``oa:start``, ``oa:end``). Seed texts are read
from the served build's copy of ``seeds/``, only under names the folder holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from markupsafe import Markup

from csto_kg import seeds
from csto_kg.namespaces import DCTERMS, EV, INFERRED_GRAPH, OA, RDF, SRC

from .highlight import in_context
from .served import served

__all__ = ["Evidence", "evidence", "seed_text", "seed_id_of", "source_path", "anchor_of"]

_HAS_SOURCE = ox.NamedNode(str(OA.hasSource))
_HAS_SELECTOR = ox.NamedNode(str(OA.hasSelector))
_EXACT = ox.NamedNode(str(OA.exact))
_START = ox.NamedNode(str(OA.start))
_END = ox.NamedNode(str(OA.end))
_TYPE = ox.NamedNode(str(RDF.type))
_IDENTIFIER = ox.NamedNode(str(DCTERMS.identifier))


@dataclass(frozen=True)
class Evidence:
    iri: str
    key: str  # local name, the anchor is "ev-" + key
    source: str | None  # source document IRI
    seed_id: str | None  # its file name without .txt, when the file is in seeds/
    exact: str | None
    start: int | None
    end: int | None
    graphs: tuple[str, ...]  # named graphs (seeds) describing the evidence node
    located: bool  # the quote is at its offsets in the seed
    context: Markup | None  # the quote marked, in context

    @property
    def source_href(self) -> str | None:
        return source_path(self.source) if self.source else None

    @property
    def passage_href(self) -> str | None:
        href = self.source_href
        return f"{href}#{anchor_of(self.key)}" if href else None


def anchor_of(key: str) -> str:
    return f"ev-{key}"


def source_path(source_iri: str) -> str | None:
    return "/source/" + source_iri[len(str(SRC)) :] if source_iri.startswith(str(SRC)) else None


# The served build's seeds are its own copy, which nothing changes once built (a build's folder is named by the key
# of its inputs): what they are is read once per folder, not once per page (a stat and a path resolution per
# evidence, ~2 % of a statement page).
@lru_cache(maxsize=None)
def _seed_files(folder: Path) -> frozenset[str]:
    return frozenset(seeds.seed_ids(folder))


@lru_cache(maxsize=64)
def _seed(folder: Path, seed_id: str) -> seeds.Seed:
    return seeds.load_seed(seed_id, folder)


def seed_id_of(store: ox.Store, source_iri: str) -> str | None:
    """The seed file (without ``.txt``) a source document is, if ``seeds/`` holds it."""
    ident = next(
        (
            q.object.value
            for q in store.quads_for_pattern(ox.NamedNode(source_iri), _IDENTIFIER, None, None)
            if isinstance(q.object, ox.Literal)
        ),
        None,
    )
    candidates = [Path(ident).stem] if ident else []
    if source_iri.startswith(str(SRC)):
        candidates.append(source_iri[len(str(SRC)) :])
    known = _seed_files(served("seeds"))
    return next((c for c in candidates if c in known), None)


def seed_text(seed_id: str) -> seeds.Seed:
    """The seed document ``seed_id`` (which must be one of the files in ``seeds/``)."""
    folder = served("seeds")
    if seed_id not in _seed_files(folder):
        raise FileNotFoundError(seed_id)
    return _seed(folder, seed_id)


def _int(term) -> int | None:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        return None


def evidence(store: ox.Store, iri: str, *, context_width: int = 160) -> Evidence:
    node = ox.NamedNode(iri)
    quads = list(store.quads_for_pattern(node, None, None, None))
    source = next(
        (q.object.value for q in quads if q.predicate == _HAS_SOURCE and isinstance(q.object, ox.NamedNode)), None
    )
    exact = start = end = None
    for q in quads:
        if q.predicate != _HAS_SELECTOR:
            continue
        for sq in store.quads_for_pattern(q.object, None, None, None):
            if sq.predicate == _EXACT and exact is None:
                exact = sq.object.value
            elif sq.predicate == _START and start is None:
                start = _int(sq.object)
            elif sq.predicate == _END and end is None:
                end = _int(sq.object)
    seed_id = seed_id_of(store, source) if source else None
    key = iri[len(str(EV)) :] if iri.startswith(str(EV)) else iri.rsplit("/", 1)[-1]
    located, context = False, None
    if seed_id:
        text = seed_text(seed_id).text
        if start is not None and end is not None and 0 <= start <= end <= len(text) and text[start:end] == exact:
            located = True
        elif exact and exact in text:  # offsets wrong (validation reports it): show where the quote is
            start, end = text.index(exact), text.index(exact) + len(exact)
        else:
            start = end = None
        if start is not None:
            context = in_context(text, start, end, context_width, key=key)
    graphs = tuple(
        sorted(
            {
                q.graph_name.value
                for q in quads
                if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value != str(INFERRED_GRAPH)
            }
        )
    )
    return Evidence(iri, key, source, seed_id, exact, start, end, graphs, located, context)
