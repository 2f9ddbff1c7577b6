"""The web worker: gunicorn's ``gthread`` worker, with deadlines that bound what a slow client can hold.

gunicorn 27's ``gthread`` worker hands a connection to a request thread once
its first bytes arrive, and that thread then reads the rest of the request
head, and the app the body, on a blocking socket with no time limit. A
client that sends part of a head (or of a body) and stops holds the thread
for as long as it keeps the connection open: ``threads`` such clients (20 by
default) and the server answers nobody else (measured: 21 stalled heads
stopped every other request; the same attack is harmless to a server that
reads heads asynchronously). So each request here has two deadlines, counted
from the moment a thread takes it up:

- its head must be complete within ``ServerConfig.head_timeout`` seconds, or
  the client is answered ``408 Request Timeout`` and the connection closed;
- its body within ``ServerConfig.body_timeout`` seconds more, or reading it
  raises :class:`RequestReadTimeout`, which the app answers 408
  (:mod:`csto_kg.server.errors`), closing the connection.

These are deadlines on the whole head and on the whole body, not on each
read, so a client trickling a byte at a time is bounded too. Writing the answer is bounded by progress instead: a client that takes
no byte of it for ``ServerConfig.write_timeout`` seconds (a dump asked for and
never read held its thread in ``sendfile`` before) has its connection closed;
the whole answer has no deadline, so a slow but steady reader is served. A
kept-alive connection waits for its next request in gunicorn's poller, holding
no thread, and its next request gets deadlines of its own.
"""

from __future__ import annotations

import errno
import socket
import time

from gunicorn.workers.gthread import ThreadWorker

__all__ = ["ClientTooSlow", "RequestReadTimeout", "ResponseWriteTimeout", "SlowClientBoundWorker"]


class ClientTooSlow(TimeoutError):
    """A client too slow for the server's deadlines: the connection is closed (gunicorn logs it in one line)."""


class RequestReadTimeout(ClientTooSlow):
    """The client did not send its request (head or body) within the server's deadline."""

    def __init__(self, part: str, seconds: float):
        super().__init__(errno.ETIMEDOUT, f"the request {part} did not arrive within {seconds:g} s")
        self.part = part
        self.seconds = seconds


class ResponseWriteTimeout(ClientTooSlow):
    """The client took no byte of the answer for ``write_timeout`` seconds."""

    def __init__(self, seconds: float):
        super().__init__(errno.ETIMEDOUT, f"the client read nothing of the answer for {seconds:g} s")


def _head_timeout_response(seconds: float) -> bytes:
    body = f"408 Request Timeout: the request head did not arrive within {seconds:g} s\n".encode()
    head = (
        "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


class _DeadlineSocket(socket.socket):
    """A client socket whose reads, while gunicorn has it blocking, stop at the current request's deadline, and
    whose writes stop once the client has taken nothing for ``write_timeout`` seconds.

    gunicorn makes a connection's socket blocking (``setblocking(True)``) each time
    a request thread takes it up, and non-blocking when it goes back to the poller:
    the first starts the head's deadline. Timeouts that gunicorn or the app set
    themselves (draining a body) still apply, within the deadline.
    """

    head_timeout = 10.0
    body_timeout = 30.0
    write_timeout = 20.0
    _deadline: float | None = None
    _part = "head"
    _own_timeout: float | None = None
    _answered = False
    _request = None

    @classmethod
    def adopt(cls, sock: socket.socket, config) -> "_DeadlineSocket":
        blocking = sock.getblocking()
        adopted = cls(sock.family, sock.type, sock.proto, fileno=sock.detach())
        adopted.head_timeout, adopted.body_timeout = config.head_timeout, config.body_timeout
        adopted.write_timeout = config.write_timeout
        adopted.setblocking(blocking)
        return adopted

    def setblocking(self, flag: bool) -> None:
        super().setblocking(flag)
        self._own_timeout = None
        if flag:
            self._start("head", self.head_timeout)
        else:
            self._deadline = None

    def settimeout(self, value) -> None:
        super().settimeout(value)
        self._own_timeout = value

    def start_body(self, request) -> None:
        """The head of ``request`` (gunicorn's) is in: the body's deadline starts now."""
        self._request = request
        if self._deadline is not None:
            self._start("body", self.body_timeout)

    def _start(self, part: str, seconds: float) -> None:
        self._part = part
        self._answered = False
        self._deadline = time.monotonic() + seconds

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        if self._deadline is None or flags & (socket.MSG_PEEK | socket.MSG_DONTWAIT):  # a probe, not a read
            return super().recv(bufsize, flags)
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            self._expired()
        own = self._own_timeout
        super().settimeout(remaining if own is None else min(own, remaining))
        try:
            return super().recv(bufsize, flags)
        except TimeoutError:
            if time.monotonic() >= self._deadline:
                self._expired()
            raise
        finally:
            super().settimeout(own)

    def sendall(self, data, flags: int = 0) -> None:
        """Every byte of ``data``, failing once the client has taken none for ``write_timeout`` seconds.

        (A timeout on ``socket.sendall`` itself would bound the whole answer, cutting a slow but steady reader.)
        """
        if self.gettimeout() is not None or not self.getblocking():  # a timeout of its own, or the poller's
            return super().sendall(data, flags)
        view = memoryview(data).cast("B")
        try:
            super().settimeout(self.write_timeout)
            while view:
                view = view[super().send(view, flags) :]
        except TimeoutError:
            raise ResponseWriteTimeout(self.write_timeout) from None
        finally:
            super().settimeout(self._own_timeout)

    def sendfile(self, file, offset: int = 0, count: int | None = None) -> int:
        """``socket.sendfile``, whose waits for the client to take more are bounded by ``write_timeout`` each."""
        if self.gettimeout() is not None or not self.getblocking():
            return super().sendfile(file, offset, count)
        try:
            super().settimeout(self.write_timeout)
            return super().sendfile(file, offset, count)
        except TimeoutError:
            raise ResponseWriteTimeout(self.write_timeout) from None
        finally:
            super().settimeout(self._own_timeout)

    def _expired(self):
        seconds = self.head_timeout if self._part == "head" else self.body_timeout
        if self._part == "body" and self._request is not None:
            self._request.must_close = True  # the app answers 408; gunicorn then says "close" and closes
        if self._part == "head" and not self._answered:  # no request for the app to answer: say why it closes
            self._answered = True
            try:
                super().settimeout(2.0)
                super().sendall(_head_timeout_response(seconds))
            except OSError:
                pass
        raise RequestReadTimeout(self._part, seconds)


class SlowClientBoundWorker(ThreadWorker):
    """``gthread`` with the deadlines above (``worker_class`` in :func:`csto_kg.server.serve.gunicorn_options`)."""

    def enqueue_req(self, conn):
        if not isinstance(conn.sock, _DeadlineSocket):
            conn.sock = _DeadlineSocket.adopt(conn.sock, self.app.server_config)
        super().enqueue_req(conn)

    def handle_request(self, req, conn):
        if isinstance(conn.sock, _DeadlineSocket):
            conn.sock.start_body(req)
        return super().handle_request(req, conn)
