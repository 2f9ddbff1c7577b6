"""The Flask application factory: wires configuration, the build and the blueprints; nothing else."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Flask

from csto_kg.build import Build, ensure_built
from csto_kg.query import open_store

from .config import ServerConfig
from .engine import QueryEngine

__all__ = ["create_app"]


def create_app(config: ServerConfig | None = None, build: Build | None = None) -> Flask:
    """A read-only app serving ``build`` (by default the current build, built first if stale)."""
    config = config or ServerConfig.from_env()
    build = build or ensure_built()
    app = Flask(__name__)
    from .negotiation import Request

    app.request_class = Request  # Accept matched on type/subtype, whatever its parameters
    app.config["CSTO"] = config
    app.config["MAX_CONTENT_LENGTH"] = config.max_body
    app.extensions["csto.build"] = build
    # Fixed, bounded page queries run in-process on a read-only store; user SPARQL goes to the query pool.
    location = config.store or build.store_path  # an external store (csto-kg publish) or the build's own
    store = app.extensions["csto.store"] = open_store(location)
    # User SPARQL: a pool of killable query processes per web worker, started on first use; a query bounded
    # by its form (one pattern of a constant subject) is read from the web worker's own store, like a page.
    inline = store if config.inline_bounded and isinstance(store, ox.Store) else None
    app.extensions["csto.engine"] = QueryEngine(config, location, inline)

    from . import errors, pages, sparql

    errors.register(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(pages.bp)
    app.extensions["csto.sparql"] = (config, app.extensions["csto.engine"], frozenset(build.manifest["graphs"]))
    from .body_drain import drain_unread_body

    app.wsgi_app = drain_unread_body(app.wsgi_app)  # a body refused unread must not cost the connection
    return app
