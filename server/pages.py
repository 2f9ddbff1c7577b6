"""Routes of the linked-data site and the human pages (blueprint ``pages``).

Every IRI the graph mints under ``https://w3id.org/csto-kg/`` is served at
the same path here (``/id/…``, ``/source/…``, ``/evidence/…``, ``/statement/…``, ``/graph/…``,
``/ontology``, ``/ontology/…``, ``/dataset``, ``/shapes/…``). Content
negotiation is direct, no redirect: ``200`` with an HTML page for browsers,
or the resource's description (:mod:`.resource_description`) in Turtle,
N-Triples, JSON-LD, RDF/XML, TriG or N-Quads for RDF clients, by ``Accept``
or ``?format=`` (:mod:`.rdf_formats`); ``Vary: Accept`` and ``Link``
headers name the alternates. Unknown IRIs get a clean ``404``.

Human pages: ``/`` (timeline, counts, sources), ``/search?q=`` (labels, other
names, quotes; ``&format=json`` for the JSON API), ``/disagreements`` (where
the sources disagree), ``/query`` (YASGUI on ``/sparql``), ``/members?date=``
(membership as of a day), ``/downloads`` (dumps and checksums),
``/validation`` (the build's validation report).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, render_template, request, send_file
from rdflib.namespace import OWL, RDF
from werkzeug.exceptions import HTTPException, RequestedRangeNotSatisfiable
from werkzeug.http import parse_date as parse_http_date
from werkzeug.http import parse_etags

from csto_kg.namespaces import BASE, CSTO, GRAPH, ONTOLOGY_GRAPH, SRC
from csto_kg.query import NotRepresentable
from csto_kg.today import today as read_today
from csto_kg.void import DATASET, LICENSE

from . import dates
from . import dumps as dumps_mod
from .disagreements import all_disagreements, grouped
from .errors import render as render_error
from .evidence_view import evidence, seed_id_of
from .example_queries import example_queries
from .labels import Labeller
from .linkify import linkify
from .members import (
    BadDate,
    earliest_start,
    members_during,
    members_on,
    parse_date,
    parse_period,
    period_query_for,
    query_for,
    when,
)
from .negotiation import content_type, jsonld_expanded
from .ontology_docs import ONTOLOGY_IRI, term_doc
from .ontology_docs import index as ontology_index
from .rdf_formats import FORMATS, HTML, Alternate, ConflictingFormats, NotAcceptable, UnknownFormat, alternates, choose
from .resource_description import (
    Descriptions,
    description,
    exists,
    graph_quads,
    huge_incoming,
    incoming_sample,
    local_path,
    serialize,
)
from .resource_page import PageMemory, build_page, term_view
from .search import MAX_RESULTS, SearchIndex
from .served import served
from .source_page import build_source_page
from .sparql import CORS_PATHS
from .statements import LISTED_PER_PREDICATE, Passages
from .timeline import ordered, periods
from .timeline import render as render_timeline
from .validation_report import TURTLE_FILE, expand, load_report

bp = Blueprint("pages", __name__)

_COUNTED = {
    "states": CSTO.State,
    "membership periods": CSTO.Membership,
    "facts": CSTO.Fact,
    "evidence passages": CSTO.Evidence,
    "source documents": CSTO.SourceDocument,
    "persons": CSTO.Person,
    "events": CSTO.Event,
    "stances": CSTO.Stance,
}
_LISTED = 2000  # resources a graph page lists
_HUGE_GRAPH = 20_000  # resources of a graph past which its page lists a sample of them (the curated graphs: < 2,000)
_COUNT_QUERY = "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { VALUES ?class { %s } ?x a ?class } GROUP BY ?class" % (
    " ".join(f"<{c}>" for c in _COUNTED.values())
)


# --- plumbing ----------------------------------------------------------------


@bp.app_template_filter("day")
def _day_filter(d: dt.date | None) -> str:
    """A day in words, as every page writes dates ("5 December 2023"); "—" for none."""
    return dates.day(d) if d else "—"


@bp.app_template_filter("local_path")
def _local_path_filter(iri: str) -> str:
    return local_path(iri) or iri


@bp.app_template_filter("graph_short")
def _graph_short_filter(iri: str) -> str:
    return iri[len(str(GRAPH)) :] if iri.startswith(str(GRAPH)) else _labels()(iri)


@bp.app_template_filter("expand_name")
def _expand_filter(name: str) -> str | None:
    return expand(name)


@bp.app_template_filter("linkify")
def _linkify_filter(text: str):
    """Identifiers in prose as links to the pages here (:mod:`.linkify`)."""
    known = current_app.extensions.setdefault("csto.exists", {})

    def has(iri: str) -> bool:
        if iri not in known:
            known[iri] = exists(_store(), iri)
        return known[iri]

    ids = current_app.extensions.get("csto.seed_ids")
    if ids is None:
        sources = _store().quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CSTO.SourceDocument)), None
        )
        ids = current_app.extensions["csto.seed_ids"] = sorted(
            {i for q in sources if (i := seed_id_of(_store(), q.subject.value))}
        )
    return linkify(text, has, ids, _labels())


@bp.app_template_filter("label")
def _label_filter(iri: str) -> str:
    return _labels()(iri)


def _store() -> ox.Store:
    return current_app.extensions["csto.store"]


def _build():
    return current_app.extensions["csto.build"]


def _labels() -> Labeller:
    lab = current_app.extensions.get("csto.labels")
    if lab is None or lab.store is not _store():
        lab = current_app.extensions["csto.labels"] = Labeller(_store())
    return lab


def _described(iri: str) -> list[ox.Quad]:
    """``description(_store(), iri)``, remembered per app and store (:class:`.resource_description.Descriptions`)."""
    memo = current_app.extensions.get("csto.descriptions")
    if memo is None or memo.store is not _store():
        memo = current_app.extensions["csto.descriptions"] = Descriptions(_store())
    return memo(iri)


def _memory() -> PageMemory:
    """What every page of ``_store()`` asks again, kept per app and store (the store does not change while the app
    lives; a new store, a new memory)."""
    memo = current_app.extensions.get("csto.page_memory")
    if memo is None or memo[0] is not _store():
        memo = current_app.extensions["csto.page_memory"] = (_store(), PageMemory.of(_store()))
    return memo[1]


def _passages() -> Passages:
    """A page's evidence views and value supports, read through what the app keeps across pages."""
    memory = _memory()
    return Passages(_store(), _labels(), memory.evidence, memory.supports)


def _confirmed() -> dt.date | None:
    """The last date the sources confirm (a query, ~5 % of a statement page when every page asked it)."""
    return _memory().confirmed


def _wants_html() -> bool:
    return not request.accept_mimetypes or request.accept_mimetypes["text/html"] > 0


def error_response(
    status: int, title: str, message: str, link: str | None = None, search: str | None = None
) -> Response:
    """A clean error page (HTML for browsers, else JSON or text): the one renderer, :func:`.errors.respond`.
    ``link``: a local path the page links to (the resource a 404 most likely meant); ``search``: the words its
    search box starts with."""
    from .errors import respond

    return respond(status, title, message, request.accept_mimetypes, html=True, link=link, search=search)


_SLASHES = re.compile("/{2,}")


@bp.before_app_request
def _merge_slashes():
    """One URL per page: a path with an empty segment (``//id/armenia``, ``/id//armenia``, ``//sparql``) is
    redirected (308, method and body kept) to the path with each run of slashes merged, leading ones included.
    Werkzeug redirects an inner run and silently drops leading ones, so ``//id/armenia`` was a second URL."""
    path = request.environ.get("PATH_INFO", "")
    if "//" not in path:
        return None
    merged = quote(_SLASHES.sub("/", path).encode("latin-1"), safe="/:@!$&'()*+,;=-._~")
    query = request.environ.get("QUERY_STRING", "")
    return Response(status=308, headers={"Location": request.script_root + merged + ("?" + query if query else "")})


@bp.app_errorhandler(404)
def _not_found(e: HTTPException):
    """Unmatched URLs, under /sparql too (``/sparql/``, ``/sparqlx``): the one 404 (a page for browsers, JSON or text
    by ``Accept``), naming the endpoint where the path looks like it was meant."""
    if request.path.startswith("/sparql"):
        return error_response(
            404,
            "Not found",
            f"Nothing is published at {request.path}. The SPARQL endpoint is /sparql (no trailing slash); "
            "its pool statistics are /sparql/pool.",
        )
    if request.path.strip("/") in _NAMESPACES:
        what = _NAMESPACES[request.path.strip("/")]
        return error_response(
            404,
            "Not found",
            f"{request.path} is a namespace, not a resource: {what} each have an IRI under it. "
            "Find one by searching, or start from the home page.",
        )
    return error_response(404, "Not found", f"Nothing is published at {request.path}.")


_NAMESPACES = {  # the roots of the minted IRIs (README, IRIs), which name no resource themselves
    "id": "the entities and facts (such as /id/csto)",
    "source": "the source documents",
    "evidence": "the passages cited as evidence",
    "statement": "the statements of which passage supports which value",
    "graph": "the named graphs",
    "shapes": "the SHACL shapes and validation rules",
}


def _meant(store, iri: str) -> tuple[str, str | None]:
    """Where a request for a resource the graph lacks most likely meant one it has: the same IRI without a file
    extension naming an RDF format (``/id/russia.ttl``: formats are negotiated, or named by ``?format=``) or a
    trailing slash, in lower case (as minted), with hyphens for underscores or spaces, or an ontology term with its
    first letter in the other case. A sentence saying so and the local path it names (the page's link), or ("",
    None)."""
    stem, fmt = iri.rstrip("/"), None
    dot = stem.rfind(".")
    if dot > stem.rfind("/") and stem[dot + 1 :].lower() in _EXTENSIONS:
        stem, fmt = stem[:dot], _EXTENSIONS[stem[dot + 1 :].lower()]
    head, _, slug = stem.rpartition("/")
    hyphens = re.sub(r"[_ ]+", "-", slug)
    # ontology terms are camel case: a class capitalised, a property not (/ontology/membership, /ontology/StartedBy)
    capitals = (slug[:1].upper() + slug[1:], slug[:1].lower() + slug[1:])
    candidates = dict.fromkeys(head + "/" + s for s in (slug, slug.lower(), hyphens, hyphens.lower(), *capitals))
    for candidate in candidates:
        if candidate != iri and exists(store, candidate):
            path = local_path(candidate)
            if path is None:
                return f" Did you mean <{candidate}>?", None
            if fmt is not None:
                there = f"{path}?format={fmt}"
                return f" Did you mean <{candidate}>? Its {FORMATS[fmt].name} is at {there}.", there
            return f" Did you mean <{candidate}>? Its page is {path}.", path
    return "", None


_EXTENSIONS = {name: f.key for f in FORMATS.values() for name in f.names if name.isalnum()} | {
    "html": None,
    "htm": None,
    "txt": None,
    "owl": "rdfxml",
}


def _negotiate() -> str | Response:
    try:
        return choose(request)
    except ConflictingFormats as e:  # as /sparql answers two different format= values
        return error_response(400, "Bad request", str(e))
    except UnknownFormat as e:  # as /sparql answers a format= it does not offer
        return error_response(406, "Not acceptable", str(e))
    except NotAcceptable as e:
        return error_response(406, "Not acceptable", str(e))


def _link_header(links: list[Alternate]) -> str:
    return ", ".join(f'<{a.href}>; rel="alternate"; type="{a.media_type}"' for a in links)


def _rdf_response(quads, fmt_key: str, path: str) -> Response:
    fmt = FORMATS[fmt_key]
    try:
        body = serialize(quads, fmt, expanded=jsonld_expanded(request.headers.get("Accept")))
    except NotRepresentable as e:
        return error_response(406, "Not acceptable", str(e))
    resp = Response(
        body,
        200,
        content_type=content_type(
            fmt
        ),  # as /sparql: a charset on text/* types only (the others are UTF-8 by definition)
    )
    resp.headers["Vary"] = "Accept"
    resp.headers["Link"] = _link_header([Alternate(f"{path}?format=html", "text/html", "HTML")] + alternates(path))
    _cors_read(resp)
    return resp


def _html_response(template: str, links: list[Alternate], *, negotiated: bool = True, **context) -> Response:
    """A page; ``links`` are its data alternates (``<link rel=alternate>`` and the ``Link`` header)."""
    resp = Response(render_template(template, alternates=links, **context), 200, mimetype="text/html")
    if negotiated:
        resp.headers["Vary"] = "Accept"
    if links:
        resp.headers["Link"] = _link_header(links)
    return resp


# --- linked data ---------------------------------------------------------------


def _resource(
    iri: str, template: str = "resource.html", extra=None, key_sections=lambda: True, licensed: bool = True
) -> Response:
    """Dereference ``iri``: its description in the negotiated RDF format, or its page.

    ``extra(page)`` adds to the template's context (and may name another template as ``_template``);
    ``key_sections()`` False: the template shows no key-fact sections, so none are built; ``licensed`` False: no
    ``Link`` to the dataset's licence (see :func:`_in_dataset`).
    """
    fmt = _negotiate()
    if isinstance(fmt, Response):
        return fmt
    store = _store()
    if not exists(store, iri):
        sentence, meant = _meant(store, iri)
        words = " ".join(re.sub(r"[-_./]+", " ", iri.rstrip("/").rsplit("/", 1)[-1]).split())
        return error_response(
            404, "Not found", f"The graph has no resource <{iri}>.{sentence}", link=meant, search=words or None
        )
    path = local_path(iri) or request.path
    if fmt != HTML:
        return _in_dataset(_rdf_response(_described(iri), fmt, path), licensed)
    huge = huge_incoming(store, iri)  # {} at once for most resources
    described = (
        description(store, iri, without=huge)
        + [q for p in sorted(huge) for q in incoming_sample(store, iri, p, LISTED_PER_PREDICATE)]
        if huge
        else _described(iri)
    )
    page = build_page(
        store,
        _labels(),
        iri,
        key_sections=key_sections(),
        described=described,
        memory=_memory(),
        huge=huge,
    )
    context = extra(page) if extra else {}
    return _in_dataset(
        _html_response(context.pop("_template", template), alternates(path), page=page, **context), licensed
    )


def _in_dataset(resp: Response, licensed: bool = True) -> Response:
    """A resource's representation with ``Link`` relations to its dataset (``void:inDataset``, VoID section 6.1)
    and the dataset's licence (RFC 4946 ``license``; W3C Data on the Web Best Practices 4): a client that fetched
    one IRI learns whose data it is and under which terms, as the dataset's description says. ``licensed`` False
    (a source document: a third party's article, its text quoted for verification): no ``license`` link, which
    would claim the project's licence for the text."""
    if resp.status_code == 200:
        links = [resp.headers["Link"]] if resp.headers.get("Link") else []
        links += [f'<{LICENSE}>; rel="license"'] if licensed else []
        links += [f'<{local_path(str(DATASET))}>; rel="{VOID_IN_DATASET}"']
        resp.headers["Link"] = ", ".join(links)
    return resp


VOID_IN_DATASET = "http://rdfs.org/ns/void#inDataset"


@bp.get("/id/<path:slug>")
def entity(slug: str):
    return _resource(BASE + "id/" + slug)


@bp.get("/evidence/<path:key>")
def evidence_node(key: str):
    return _resource(BASE + "evidence/" + key)


@bp.get("/statement/<path:key>")
def statement(key: str):
    """A derived rdf:Statement of graph:support: one value, its passage, source graph and rank."""
    return _resource(BASE + "statement/" + key)


@bp.get("/source/<path:sid>")
def source(sid: str):
    """A source document: its description, its page (with its full text and the passages cited), or, as
    ``text/plain`` (``Accept`` or ``?format=txt``), the seed file itself, byte for byte, so that a client can check
    every quote and code-point offset against it (csto:sha256 is its digest)."""
    iri = str(SRC) + sid
    wanted = _wants_text()
    if isinstance(wanted, Response):
        return wanted
    if wanted:
        seed_id = seed_id_of(_store(), iri) if exists(_store(), iri) else None
        if seed_id is None:
            return error_response(404, "Not found", f"The graph has no source document <{iri}> with a text.")
        resp = send_file(
            served("seeds") / f"{seed_id}.txt", mimetype="text/plain", conditional=True, etag=True, max_age=0
        )
        resp.headers["Content-Type"] = "text/plain; charset=utf-8"
        resp.headers["Content-Disposition"] = f'inline; filename="{seed_id}.txt"'
        resp.headers["Vary"] = "Accept"
        resp.headers["Link"] = f'<{request.path}>; rel="describedby"; type="text/html"'
        _cors_read(resp)
        return _in_dataset(resp, licensed=False)
    return _resource(
        iri, "source.html", lambda page: {"source": build_source_page(_store(), _labels(), iri)}, licensed=False
    )


_TEXT = "text/plain"


def _wants_text() -> bool | Response:
    """``?format=txt`` (in any letter case, as every format name; repeated, the same), or no ``format`` and an
    ``Accept`` that names ``text/plain`` itself (media types are case-insensitive) and ranks no page or RDF type
    above it (``*/*`` alone gets the page, as elsewhere). ``txt`` beside another format is the 400 of two formats
    named, as on every page."""
    asked = [v.strip().lower() for v in request.args.getlist("format")]
    if asked:
        if "txt" not in asked:
            return False
        others = sorted(set(asked) - {"txt"})
        if not others:
            return True
        return error_response(
            400,
            "Bad request",
            "the format parameter is given more than once and names different formats: 'txt' (text/plain), "
            + ", ".join(repr(o[:40]) for o in others)
            + "; give it once (or Accept alone)",
        )
    accept = request.accept_mimetypes
    named = max((q for value, q in accept if value.lower() == _TEXT), default=0)
    others = [accept["text/html"], *(accept[f.media_type] for f in FORMATS.values())]
    return named > 0 and named >= max(others)


@bp.get("/graph/<path:name>")
def graph(name: str):
    """A named graph: its description (from graph:meta), and on the page what it describes."""
    iri = BASE + "graph/" + name

    def contents(page):  # called for a graph the store has: its IRI is one of the store's own, read into a query
        store, graph = _store(), ox.NamedNode(iri)
        size = int(
            next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")))["n"].value
        )
        query = f"SELECT DISTINCT ?s WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} FILTER(isIRI(?s)) }} LIMIT {_HUGE_GRAPH + 1}"
        names = [r["s"].value for r in store.query(query)]
        # by label, then IRI: two terms may share a label ("action kind"), a set has no order; past _HUGE_GRAPH
        # resources (the generated 1e6 project's graph:support, 327,000 statements: 59 s to read, label and sort
        # them all; counting them alone 4.5 s) the first _LISTED the store holds, by label, and the page says so
        sampled = len(names) > _HUGE_GRAPH
        listed = sorted(names[:_LISTED] if sampled else names, key=lambda s: (_labels()(s).lower(), s))
        source = str(SRC) + name
        return {
            "graph_size": size,
            "graph_members": [term_view(_labels(), ox.NamedNode(s)) for s in listed[:_LISTED]],
            "graph_more": max(0, len(names) - _LISTED),
            "graph_sampled": sampled,
            "graph_huge": _HUGE_GRAPH,
            "graph_source": source if exists(store, source) else None,
        }

    return _resource(iri, "graph.html", contents)


@bp.get("/dataset")
def dataset():
    """The dataset's IRI: its description (with its ``#`` IRIs, the partitions and the linkset), or its page; the
    ``Link`` header names the whole VoID (the dumps' and the graphs' descriptions too) as ``describedby``."""
    resp = _resource(BASE + "dataset")
    if resp.status_code == 200:
        resp.headers["Link"] += ', </.well-known/void>; rel="describedby"'
    return resp


@lru_cache(maxsize=4)
def _shapes_store(folder: str, stamp: tuple) -> ox.Store:
    store = ox.Store()
    for f in sorted(Path(folder).glob("*.ttl")):
        try:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE, base_iri=BASE + "shapes/")
        except SyntaxError:
            continue  # a shapes file being edited; the build's validation reports it
    return store


@bp.get("/shapes")
@bp.get("/shapes/<path:name>")
def shapes(name: str | None = None):
    """Shapes IRIs: described from the graph if loaded there, else from ``shapes/*.ttl``. The shapes graph's own
    IRI (``/shapes``, the ``owl:Ontology`` every ``sh:prefixes`` names) is the whole shapes document, as
    ``/ontology`` is the whole ontology."""
    iri = BASE + "shapes" + ("" if name is None else "/" + name)
    if exists(_store(), iri):
        return _resource(iri)
    fmt = _negotiate()
    if isinstance(fmt, Response):
        return fmt
    folder = served("shapes")  # the build's copy: the server never reads the checkout
    files = sorted(folder.glob("*.ttl")) if folder.is_dir() else []
    store = _shapes_store(str(folder), tuple((f.name, f.stat().st_mtime_ns) for f in files))
    if not exists(store, iri):
        return error_response(404, "Not found", f"No shape <{iri}>.")
    if fmt != HTML:
        quads = description(store, iri)
        if _is_ontology(store, iri):
            quads = list(dict.fromkeys(list(store.quads_for_pattern(None, None, None, None)) + quads))
        return _rdf_response(quads, fmt, request.path)
    return _html_response("resource.html", alternates(request.path), page=build_page(store, Labeller(store), iri))


@bp.get("/ontology")
@bp.get("/ontology/")
def ontology(iri: str | None = None):
    """The ontology (and its namespace document ``/ontology/``, and its version IRI): the index, or the whole
    ontology graph as RDF."""
    fmt = _negotiate()
    if isinstance(fmt, Response):
        return fmt
    store = _store()
    if fmt != HTML:
        iri = iri or ONTOLOGY_IRI + ("/" if request.path.endswith("/") else "")
        quads = list(dict.fromkeys(graph_quads(store, str(ONTOLOGY_GRAPH)) + _described(iri)))
        return _in_dataset(_rdf_response(quads, fmt, request.path))
    memory = _memory()
    page = build_page(store, _labels(), ONTOLOGY_IRI, memory=memory)
    if memory.ontology_index is None:  # counted once per store: two first requests at once may both count
        memory.ontology_index = ontology_index(store, _labels())
    return _in_dataset(
        _html_response("ontology.html", alternates(request.path), page=page, sections=memory.ontology_index)
    )


_VERSION_IRI = ox.NamedNode(str(OWL.versionIRI))
_ONTOLOGY_CLASS = ox.NamedNode(str(OWL.Ontology))


def _is_ontology(store: ox.Store, node: ox.NamedNode | str) -> bool:
    node = ox.NamedNode(node) if isinstance(node, str) else node
    return any(True for _ in store.quads_for_pattern(node, ox.NamedNode(str(RDF.type)), _ONTOLOGY_CLASS, None))


def _is_version_iri(iri: str) -> bool:
    """Whether ``iri`` is the ``owl:versionIRI`` of an ``owl:Ontology`` the graph holds: OWL 2 (section 3.3)
    has a version IRI dereference to that version's ontology document, as the ontology IRI does."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:  # a request path that is no IRI (``/ontology/<b>``): not a version of anything
        return False
    store = _store()
    return any(_is_ontology(store, q.subject) for q in store.quads_for_pattern(None, _VERSION_IRI, node, None))


@bp.get("/ontology/<path:term>")
def ontology_term(term: str):
    iri = str(CSTO) + term
    if _is_version_iri(iri):
        return ontology(iri)
    docs: dict = {}

    def doc():
        if "doc" not in docs:
            docs["doc"] = term_doc(_store(), _labels(), iri)
        return docs["doc"]

    def documented(page):
        return {"doc": doc(), "_template": "term.html"} if doc() else {}

    # term.html shows no key-fact sections: csto:Direct's would be a line, with passages, for each of 233 stances
    return _resource(iri, "resource.html", documented, key_sections=lambda: doc() is None)


# --- human pages -------------------------------------------------------------


@bp.get("/")
def home():
    store, labels = _store(), _labels()
    counts = {name: 0 for name in _COUNTED}
    by_iri = {str(c): name for name, c in _COUNTED.items()}
    for row in store.query(_COUNT_QUERY):
        counts[by_iri[row["class"].value]] = int(row["n"].value)
    ps = periods(store)
    today = read_today()
    confirmed = _confirmed()
    manifest = _build().manifest
    sources = sorted(
        q.subject.value
        for q in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CSTO.SourceDocument)), None
        )
    )
    return _html_response(
        "home.html",
        alternates("/dataset"),
        negotiated=False,
        svg=render_timeline(ps, labels, today, confirmed=confirmed),
        today=today,
        labels=labels,
        periods=ordered(ps, labels),
        confirmed=confirmed,
        sources=list(dict.fromkeys(sources)),
        counts=[(name, n, _COUNTED[name]) for name, n in counts.items()],
        manifest=manifest,
        graphs=len(manifest.get("graphs", {})),
    )


def _search_index() -> SearchIndex:
    index = current_app.extensions.get("csto.search")
    if index is None or index.store is not _store():
        index = current_app.extensions["csto.search"] = SearchIndex(_store(), _labels())
    return index


@bp.get("/search")
def search():
    """Search (labels, other names, quotes), or every instance of ``type``; ``format=json`` for the API."""
    q = (request.args.get("q") or "").strip()[:200]
    type_name = (request.args.get("type") or "").strip()
    if type_name and not _TYPE_NAME.fullmatch(type_name):  # it becomes an IRI: the local name of a class, or nothing
        return error_response(
            400, "Bad type", "type must be the local name of an ontology class (letters, digits, _), e.g. State."
        )
    ranked = _search_index().ranked(q) if q else []
    hits = ranked[:MAX_RESULTS]
    listed = _instances(type_name) if type_name and not q else []
    if request.args.get("format") == "json" or (request.accept_mimetypes.best == "application/json"):
        results = [h.as_json() for h in hits] or [{"iri": t.iri, "label": t.text, "href": t.href} for t in listed]
        total = len(ranked) if q else len(results)
        resp = jsonify({"query": q, "type": type_name or None, "total": total, "results": results})
        resp.headers["Access-Control-Allow-Origin"] = "*"
        return resp
    links = [Alternate("/search?" + urlencode({"q": q, "format": "json"}), "application/json", "JSON")] if q else []
    return _html_response(
        "search.html",
        links,
        negotiated=False,
        q=q,
        hits=hits,
        total=len(ranked),
        listed=listed,
        type_name=type_name,
        type_label=_labels()(str(CSTO) + type_name) if type_name else "",
    )


_TYPE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,199}")


def _instances(type_name: str) -> list:
    if not _TYPE_NAME.fullmatch(type_name):
        return []
    node = ox.NamedNode(str(CSTO) + type_name)
    subjects = {
        q.subject.value
        for q in _store().quads_for_pattern(None, ox.NamedNode(str(RDF.type)), node, None)
        if isinstance(q.subject, ox.NamedNode)
    }
    return sorted((term_view(_labels(), ox.NamedNode(s)) for s in subjects), key=lambda t: t.text.lower())


@bp.get("/disagreements")
def disagreements():
    memory = _memory()
    if memory.disagreements is None:  # found once per store (two first requests at once may both look)
        memory.disagreements = all_disagreements(_store(), _labels(), _passages())
    found = memory.disagreements
    return _html_response("disagreements.html", [], negotiated=False, found=found, shown=grouped(found))


@bp.get("/members")
def members():
    raw = request.args.get("date")
    period = parse_period(raw)
    if period is not None:
        return _members_during(period)
    try:
        day = parse_date(raw) if raw is not None else read_today()
    except BadDate as e:
        return error_response(400, "Bad date", str(e))
    store, labels = _store(), _labels()
    try:
        states = members_on(store, day, confirmed=_confirmed())
        query = query_for(day)
    except (OSError, RuntimeError) as e:  # queries/members-as-of.rq missing or without its VALUES ?date line
        return error_response(503, "Query unavailable", str(e))
    return _html_response(
        "members.html",
        _results_link(query),
        negotiated=False,
        day=day,
        states=states,
        evidence=_member_evidence(store, states),
        labels=labels,
        query=query,
        certain=[s for s in states if s.status == "member"],
        unconfirmed=[s for s in states if s.status == "unconfirmed"],
        undetermined=[s for s in states if s.status == "undetermined"],
        confirmed=_confirmed(),
        earliest=None if states else earliest_start(store),
        when=when,
        confirmed_day=_day_words(_confirmed()),
    )


def _member_evidence(store, states) -> dict:
    ev = {}
    for s in states:
        for p in s.periods:
            for e in p.evidence:
                if e not in ev:
                    ev[e] = evidence(store, e, context_width=100)
    return ev


def _results_link(query: str) -> list:
    return [
        Alternate(  # format=json: a browser's Accept (application/xml;q=0.9) would get the XML results
            "/sparql?" + urlencode({"query": query, "format": "json"}),
            "application/sparql-results+json",
            "SPARQL results (JSON)",
        )
    ]


def _members_during(period):
    """A year or a month: members throughout it, for part of it (with the dates), unconfirmed, undetermined."""
    store, labels = _store(), _labels()
    try:
        states = members_during(store, period, confirmed=_confirmed())
        query = period_query_for(period)
    except (OSError, RuntimeError) as e:  # queries/members-during.rq missing or without its VALUES line
        return error_response(503, "Query unavailable", str(e))
    by = {k: [s for s in states if s.status == k] for k in ("throughout", "part", "unconfirmed", "undetermined")}
    return _html_response(
        "members_period.html",
        _results_link(query),
        negotiated=False,
        period=period,
        evidence=_member_evidence(store, states),
        labels=labels,
        query=query,
        by=by,
        earliest=None if states else earliest_start(store),
        when=when,
        confirmed_day=_day_words(_confirmed()),
    )


def _day_words(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "—"


@bp.get("/query")
def query_page():
    return _html_response("query.html", [], negotiated=False, queries=example_queries())


@bp.get("/downloads")
def downloads():
    files = dumps_mod.dumps(_build().dumps)
    links = [Alternate(f"/downloads/{f.name}", f.media_type, f.name) for f in files]
    return _html_response("downloads.html", links, negotiated=False, files=files, manifest=_build().manifest)


@bp.get("/downloads/<path:name>")
def download(name: str):
    found = dumps_mod.file_for(_build().dumps, name)
    if found is None:
        return error_response(404, "Not found", f"No download called {name!r}.")
    path, media = found
    env = request.environ
    if "HTTP_RANGE" in env and not _ONE_BYTE_RANGE.fullmatch(env["HTTP_RANGE"]):
        # Another unit, several ranges, or no range syntax: ignored (RFC 9110 section 14.2), the whole file (200).
        del env["HTTP_RANGE"]
    # If-Match and If-Unmodified-Since are evaluated here (Werkzeug ignores the second, refuses "If-Match: *"
    # and sends its 412 with the whole file): taken out of Werkzeug's sight, checked against what it answers.
    # The range is applied last, as RFC 9110 section 13.2.2 orders it (Werkzeug answers a range before
    # If-None-Match): 412, then 304, then 206 or 416.
    preconditions = {h: env.pop(h) for h in ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE") if h in env}
    wanted_range = env.pop("HTTP_RANGE", None)
    try:
        resp = _send(path, media, name)
        if _preconditions_hold(resp, preconditions) and resp.status_code == 200 and wanted_range is not None:
            env["HTTP_RANGE"] = wanted_range
            try:
                partial = _send(path, media, name)
            except RequestedRangeNotSatisfiable as e:
                return _bodiless(resp, render_error(e, request.accept_mimetypes))
            resp.close()
            resp = partial
    finally:
        env.update(preconditions)
        if wanted_range is not None:
            env["HTTP_RANGE"] = wanted_range
    if not _preconditions_hold(resp, preconditions):
        return _bodiless(resp, Response(status=412))  # no body: the precondition failed, nothing is sent
    return resp


def _send(path: Path, media: str, name: str) -> Response:
    """The file, streamed from disk (never read whole into memory), saved under its own name by a browser
    (``Content-Disposition: attachment``: a 10 MB JSON-LD opened inline can stall a browser's viewer)."""
    resp = send_file(path, mimetype=media, as_attachment=True, download_name=name, conditional=True, etag=True)
    _cors_read(resp)
    return resp


def _bodiless(resp: Response, answer: Response) -> Response:
    """``answer`` in place of ``resp`` (closed), with its validators and CORS headers."""
    resp.close()
    for header in ("ETag", "Last-Modified", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers"):
        if header in resp.headers:
            answer.headers[header] = resp.headers[header]
    return answer


# Response headers a cross-origin script may read besides the CORS-safelisted ones (Fetch standard).
_EXPOSE_READ = "ETag, Content-Range, Accept-Ranges, Content-Disposition, Link, Vary"
# Request headers a preflight allows on the read-only pages: negotiation, ranges and conditional requests.
_PREFLIGHT_HEADERS = "Accept, Range, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range"


def _cors_read(resp: Response) -> None:
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Expose-Headers"] = _EXPOSE_READ


# Request headers make_conditional must not see on a page: a page answers If-None-Match / If-Modified-Since
# (304), and neither ranges nor If-Match (as before it had validators).
_NOT_FOR_PAGES = ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_RANGE", "HTTP_IF_RANGE")


@bp.after_request
def _validators(response: Response) -> Response:
    """An ETag (a hash of the body) on every whole page, HTML or RDF, and 304 to a matching If-None-Match:
    a cache revalidating a page (or its Turtle) need not refetch it. The dumps have their own."""
    if (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.is_streamed
        and not response.direct_passthrough
        and "ETag" not in response.headers
        and request.endpoint != "pages.download"
    ):
        response.add_etag()
        response.make_conditional({k: v for k, v in request.environ.items() if k not in _NOT_FOR_PAGES})
    return response


@bp.after_app_request
def _cors_everywhere(response: Response) -> Response:
    """Every answer of the site readable cross-origin (/sparql and the VoID set their own): a page too, since
    ``fetch()`` sends ``Accept: */*`` and gets the HTML, and an error, so a script can tell a 404 or a 406 from
    a failed connection. The data is public and read-only, and no credentials are ever used."""
    if request.path not in CORS_PATHS and "Access-Control-Allow-Origin" not in response.headers:
        _cors_read(response)
    return response


@bp.after_app_request
def _preflight(response: Response) -> Response:
    """The CORS preflight of a read-only page (/sparql and the VoID have their own): a cross-origin GET with a
    header outside the safelist (an Accept with a quoted profile, a suffix Range, If-None-Match) is preflighted,
    and without this answer the browser never sends it."""
    if request.method == "OPTIONS" and response.status_code == 200 and request.path not in CORS_PATHS:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = _PREFLIGHT_HEADERS
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


_ONE_BYTE_RANGE = re.compile(r"bytes=[ \t]*(?:\d+-\d*|-\d+)[ \t]*")


def _preconditions_hold(resp: Response, preconditions: dict[str, str]) -> bool:
    """If-Match, else If-Unmodified-Since (``preconditions``: their WSGI environ entries), as RFC 9110
    section 13.2.2 evaluates them (steps 1 and 2)."""
    etag, weak = resp.get_etag()
    if "HTTP_IF_MATCH" in preconditions:
        wanted = parse_etags(preconditions["HTTP_IF_MATCH"])
        return bool(etag) and (wanted.star_tag or (not weak and wanted.contains(etag)))  # strong comparison
    since = parse_http_date(preconditions.get("HTTP_IF_UNMODIFIED_SINCE"))
    modified = resp.last_modified
    if since is not None and modified is not None:
        return modified <= since
    return True


@bp.get("/validation")
def validation():
    fmt = _negotiate()
    if isinstance(fmt, Response):
        return fmt
    build = _build()
    report = load_report(build.path, build.manifest)
    if fmt != HTML:
        if report is None or not report.has_turtle:
            return error_response(
                404, "No validation report", "This build was made without validation (csto-kg build --no-validate)."
            )
        quads = [
            ox.Quad(t.subject, t.predicate, t.object)
            for t in ox.parse(path=str(build.path / TURTLE_FILE), format=ox.RdfFormat.TURTLE)
        ]
        return _rdf_response(quads, fmt, "/validation")
    links = alternates("/validation") if report is not None and report.has_turtle else []
    return _html_response("validation.html", links, report=report, manifest=build.manifest)
