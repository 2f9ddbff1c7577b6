"""A request body the app refused unread is read to its end, so the connection stays usable (WSGI middleware).

A refusal that never reads the body — 413 for a body over ``max_body`` (from
its ``Content-Length``), 405 for a ``PUT``, 415… — leaves those bytes on the
socket. gunicorn 27 (``gthread``) answers such a request with ``Connection:
keep-alive``, then discards the rest of the body before reading the next
request, but gives up past 64 KiB and closes the connection instead: the
client's next request on that connection, sent as the server said it could
be, gets no answer at all (``RemoteDisconnected``), and a client that does
not retry a ``POST`` fails. So the app reads and discards what is left, up to
:data:`MAX_DRAIN` bytes within :data:`DRAIN_SECONDS`; a longer body, or a
client that stops sending, still has its connection closed by gunicorn, as
before.
"""

from __future__ import annotations

import time

__all__ = ["drain_unread_body", "MAX_DRAIN", "DRAIN_SECONDS"]

MAX_DRAIN = 4 * 1024 * 1024
DRAIN_SECONDS = 2.0
_CHUNK = 64 * 1024


class _CountingInput:
    """``wsgi.input``, counting the bytes the app reads from it."""

    def __init__(self, stream):
        self._stream = stream
        self.consumed = 0

    def read(self, *args):
        data = self._stream.read(*args)
        self.consumed += len(data)
        return data

    def readline(self, *args):
        data = self._stream.readline(*args)
        self.consumed += len(data)
        return data

    def readlines(self, *args):
        lines = self._stream.readlines(*args)
        self.consumed += sum(len(x) for x in lines)
        return lines

    def __iter__(self):
        for line in self._stream:
            self.consumed += len(line)
            yield line


def _discard(stream, left: int, sock) -> None:
    deadline = time.monotonic() + DRAIN_SECONDS
    prior = sock.gettimeout() if sock is not None else None
    try:
        while left > 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if sock is not None:
                sock.settimeout(remaining)
            data = stream.read(min(left, _CHUNK))
            if not data:
                return
            left -= len(data)
    except OSError:  # the client went away or stalled: gunicorn closes the connection
        return
    finally:
        if sock is not None:
            try:
                sock.settimeout(prior)
            except OSError:
                pass


def drain_unread_body(wsgi_app):
    """``wsgi_app``, reading to its end (bounded) any request body it left unread."""

    def app(environ, start_response):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= 0 or "wsgi.input" not in environ:
            return wsgi_app(environ, start_response)
        counting = _CountingInput(environ["wsgi.input"])
        environ["wsgi.input"] = counting
        result = wsgi_app(environ, start_response)
        left = length - counting.consumed
        if 0 < left <= MAX_DRAIN:
            _discard(counting, left, environ.get("gunicorn.socket"))
        return result

    return app
