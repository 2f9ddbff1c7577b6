"""The lean path for ``/sparql`` queries: a WSGI layer in front of Flask that answers them directly.

A query on ``/sparql`` (GET or POST) is what the endpoint serves most, and
on a sub-millisecond query Flask's per-request work (request and app
contexts, URL routing, hooks, the error-handler lookup) cost about as much
as Oxigraph's evaluation itself (``bench/README.md``). This layer answers
``GET|POST /sparql`` with the same code as the Flask route
(:func:`.sparql.answer`: the same checks, negotiation, query pool, limits,
headers and error bodies) on a plain werkzeug request, and hands everything
else to Flask unchanged: other paths and methods, and a ``GET /sparql``
without a query (the service description).
"""

from __future__ import annotations

from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Request

from . import errors
from .sparql import add_cors, answer

__all__ = ["LeanSparql"]


class LeanSparql:
    """WSGI middleware: ``/sparql`` queries answered without Flask, the rest passed to ``app``'s own WSGI app."""

    def __init__(self, app):
        self.flask = app
        self.inner = app.wsgi_app
        self.config = app.config["CSTO"]
        self.engine = app.extensions["csto.engine"]
        config = self.config

        class _Request(Request):
            # As Flask's request would (MAX_CONTENT_LENGTH and its form limits).
            max_content_length = config.max_body
            max_form_memory_size = app.config.get("MAX_FORM_MEMORY_SIZE") or 500_000
            max_form_parts = app.config.get("MAX_FORM_PARTS") or 1_000

        self._request = _Request

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if environ.get("PATH_INFO") != "/sparql" or method not in ("GET", "POST"):
            return self.inner(environ, start_response)
        if method == "GET" and "query=" not in environ.get("QUERY_STRING", ""):
            return self.inner(environ, start_response)   # the service description, or a refusal Flask words
        req = self._request(environ)
        try:
            response = answer(req, self.config, self.engine)
        except HTTPException as e:
            response = e.get_response(environ) if e.code is None or e.code < 400 else errors.render(e, req.accept_mimetypes)
        except Exception as e:  # noqa: BLE001 - logged, answered with a bare 500
            self.flask.logger.error("unhandled error on %s /sparql", method, exc_info=e)
            response = errors.render(InternalServerError(original_exception=e), req.accept_mimetypes)
        if response is None:   # no query after all (e.g. an empty parameter list): Flask's route decides
            return self.inner(environ, start_response)
        add_cors(response, method)
        return response(environ, start_response)
