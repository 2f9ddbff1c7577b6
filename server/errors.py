"""Error responses: a short message as JSON or plain text, never a stack trace or a file path.

SPARQL 1.1 Protocol, query failure (https://www.w3.org/TR/sparql11-protocol/#query-failure)
leaves the body of a failure to the service: here it is the reason, as
``{"error": {"status": …, "title": …, "message": …}}`` for a client that
prefers JSON, else as text. Headers a status needs are kept (``Allow`` on
405, ``Retry-After`` on 429/503). A 500 says only that something failed; the
exception goes to the server's log.
"""

from __future__ import annotations

import json

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import HTTPException, InternalServerError, RequestTimeout

from .http_worker import RequestReadTimeout

__all__ = ["register", "render", "respond", "CODES", "Fault"]

CODES = (400, 403, 404, 405, 406, 408, 413, 414, 415, 429, 431, 500, 502, 503)
_GENERIC_500 = "the server failed to answer this request; the failure has been logged"


def _wants_json(accept=None) -> bool:
    accept = request.accept_mimetypes if accept is None else accept
    best = accept.best_match(["text/plain", "application/json", "application/sparql-results+json"])
    return best is not None and best != "text/plain" and accept[best] > accept["text/plain"]


class Fault(InternalServerError):
    """A 500 whose reason is safe to tell the client (e.g. the query worker died), unlike an unhandled exception."""

    public = True


def _message(e: HTTPException) -> str:
    if e.code == 500 and not getattr(e, "public", False):
        return _GENERIC_500
    return e.description or e.name


def _read_timeout(e: BaseException) -> RequestReadTimeout | None:
    """The read deadline behind ``e``: werkzeug turns an error reading the body into ``ClientDisconnected``."""
    seen = 0
    while e is not None and seen < 8:
        if isinstance(e, RequestReadTimeout):
            return e
        e, seen = e.__cause__ or e.__context__, seen + 1
    return None


def handle(e: HTTPException) -> Response:
    stalled = _read_timeout(e)
    if stalled is not None:  # the client stopped sending its body: its fault, and the end of the connection
        response = render(RequestTimeout(f"{stalled.strerror}; the connection is closed"), request.accept_mimetypes)
        response.headers["Connection"] = "close"
        return response
    if not isinstance(e, HTTPException):  # an exception nobody caught
        e = InternalServerError(original_exception=e)
    if e.code is None or e.code < 400:  # redirects and the like are not errors
        return e
    if e.code == 500:
        original = getattr(e, "original_exception", None)
        current_app.logger.error(
            "unhandled error on %s %s", request.method, request.path, exc_info=original if original is not None else e
        )
    return render(e, request.accept_mimetypes, html=e.code < 500 and _site_page(request.path))


_API_PATHS = ("/sparql", "/.well-known/")


def _site_page(path: str) -> bool:
    """A page of the site (not the endpoint or its service description): a browser gets the site's error page,
    as it does for a 404, whatever the client's error (a 405 for a form posted to a page, a 400, a 414...);
    a server's failure stays one line, which needs no template to render."""
    return not path.startswith(_API_PATHS)


def render(e: HTTPException, accept, *, html: bool = False) -> Response:
    """The error response for ``e`` (a 4xx/5xx), by ``accept``; headers the status needs are kept."""
    response = respond(e.code, e.name, _message(e), accept, html=html)
    for name, value in e.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def respond(
    status: int,
    title: str,
    message: str,
    accept,
    *,
    html: bool = False,
    link: str | None = None,
    search: str | None = None,
) -> Response:
    """The one error renderer: JSON for a client that prefers it, an HTML page (``html``: the site's pages)
    for a browser, else one line of text. Never a stack trace or a path. Chosen by ``Accept``, so it says
    ``Vary: Accept``: a cache keeping a 404 (cacheable by default, RFC 9110 section 15.5.5) must not give a
    browser the text an RDF client got."""
    if html and (not accept or accept["text/html"] > 0):
        from flask import render_template

        body = render_template("error.html", status=status, title=title, message=message, link=link, search=search)
        response = Response(body, status, mimetype="text/html")
    elif _wants_json(accept):
        body = json.dumps({"error": {"status": status, "title": title, "message": message}}, ensure_ascii=False)
        response = Response(body, status, mimetype="application/json")
    else:
        response = Response(f"{status} {title}: {' '.join(message.split())}\n", status, mimetype="text/plain")
    response.vary.add("Accept")
    return response


def register(app: Flask) -> None:
    for code in CODES:
        app.register_error_handler(code, handle)
    app.register_error_handler(Exception, handle)
