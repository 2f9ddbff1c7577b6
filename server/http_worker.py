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
kept-alive connection whose next request does not follow its answer at once
waits for it in gunicorn's poller, holding no thread (a request thread waits
2 ms for it first, and only while no other connection waits for a thread:
``SlowClientBoundWorker.handle``), and its next request gets deadlines of its
own.

The deadlines bound each connection; they do not stop one client from opening
many and reading each just fast enough (a dump taken a byte at a time keeps its
thread for as long as it likes). So one client (remote address) holds at most
``ServerConfig.client_thread_share`` request threads at once (half of them by
default): its further connections wait, holding no thread, until one of its own
is done, and then go first in the order they came. Past ``4 × threads`` waiting
connections of one client, a new one is answered ``429`` and closed at once.

A connection answered and to be closed lingers in the poller, holding no
thread and never blocking the worker's main thread, until the client closes
its side or two seconds pass (gunicorn's own close waited for the client on
the main thread: a client keeping its answered connections open stalled
accepting and dispatching for everyone, 2 s a connection).
"""

from __future__ import annotations

import errno
import select
import selectors
import socket
import time
from collections import Counter, deque
from functools import partial

from gunicorn.workers.gthread import ThreadWorker

__all__ = ["ClientTooSlow", "RequestReadTimeout", "ResponseWriteTimeout", "SlowClientBoundWorker"]


_LINGER = 2.0  # seconds a connection answered and closing is read (and its bytes dropped) before it is closed
_NEXT_REQUEST_MS = 2  # how long a request thread waits on a kept-alive connection for its next request (see handle)


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


def _plain_response(status: str, message: str, *headers: str) -> bytes:
    """A whole HTTP/1.1 answer in one line of text, for a connection closed before the app sees a request."""
    body = f"{status}: {message}\n".encode()
    head = "".join(
        (
            f"HTTP/1.1 {status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n",
            *(f"{h}\r\n" for h in headers),
            f"Content-Length: {len(body)}\r\n\r\n",
        )
    )
    return head.encode("ascii") + body


def _head_timeout_response(seconds: float) -> bytes:
    return _plain_response("408 Request Timeout", f"the request head did not arrive within {seconds:g} s")


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


def _readable(sock, ms: int) -> bool:
    """Whether ``sock`` has bytes to read (or was closed) within ``ms`` milliseconds."""
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN | select.POLLPRI)
    return bool(poller.poll(ms))


def _client_address(conn) -> str:
    """The remote address of a connection (a Unix socket's peer has none: all its clients are one)."""
    return conn.client[0] if isinstance(conn.client, tuple) and conn.client else str(conn.client)


class SlowClientBoundWorker(ThreadWorker):
    """``gthread`` with the deadlines above and a share of request threads per client (``worker_class`` in
    :func:`csto_kg.server.serve.gunicorn_options`).

    Every call below but :meth:`handle` and :meth:`_next_request_soon` runs on the worker's main thread (gunicorn
    hands a finished request back to it through its method queue), so the counts need no lock; a request thread
    only reads them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: Counter[str] = Counter()  # request threads each client holds
        self._waiting: dict[str, deque] = {}  # each client's connections waiting for one of its threads to be free
        self._lingering: deque = deque()  # (time to close, connection): answered (a 429 or a last answer), lingering
        self._closed_lingering: set = set()

    def enqueue_req(self, conn):
        if not isinstance(conn.sock, _DeadlineSocket):
            conn.sock = _DeadlineSocket.adopt(conn.sock, self.app.server_config)
        address = _client_address(conn)
        if self._held[address] < self.app.server_config.client_thread_share:
            self._submit(conn, address)
            return
        waiting = self._waiting.setdefault(address, deque())
        if len(waiting) < 4 * self.cfg.threads:
            waiting.append(conn)
        else:
            self._refuse(conn, address)

    def _submit(self, conn, address: str) -> None:
        """gunicorn's ``enqueue_req``, counting the thread against ``address`` until the request is done."""
        self._held[address] += 1
        future = self.tpool.submit(self.handle, conn)
        future.add_done_callback(lambda done: self.method_queue.defer(self._finished, conn, done, address))

    def _finished(self, conn, future, address: str) -> None:
        """A request of ``address`` is done: its thread goes to that client's connection that waited longest, and
        then ``conn`` is finished as gunicorn does. A next request of ``conn`` already read (pipelined) is submitted
        from there, so it queues behind the client's waiting connections; admitted after it, as before, it took the
        thread back at once, and a pipelining client's other connections waited until its pipeline was through."""
        self._held[address] -= 1
        try:
            share = self.app.server_config.client_thread_share
            waiting = self._waiting.get(address)
            while waiting and self._held[address] < share:
                self._submit(waiting.popleft(), address)
            self.finish_request(conn, future)
        finally:
            if address in self._waiting and not self._waiting[address]:
                del self._waiting[address]
            if self._held[address] <= 0:
                del self._held[address]

    def _refuse(self, conn, address: str) -> None:
        """Too many connections of one client waiting: 429 at once, without a thread, then the connection closed.

        The close lingers (as a server's should): the client's request is read and dropped for up to
        ``_LINGER`` seconds, or until it closes, so that its unread bytes do not reset the connection before the
        client has read the answer.
        """
        self.log.warning("refused a connection of %s: %d of its connections are waiting", address, 4 * self.cfg.threads)
        answer = _plain_response(
            "429 Too Many Requests",
            "too many connections from this client are waiting for their turn; retry later",
            f"Retry-After: {self.app.server_config.retry_after}",
        )
        try:
            conn.sock.setblocking(False)
            conn.sock.send(answer)
        except OSError:
            self._close_lingering(conn)
            return
        self._linger(conn)

    def finish_request(self, conn, fs):
        """gunicorn's, except that a connection answered and to be closed lingers in the poller (``_linger``).

        gunicorn closes it with ``util.close_graceful``: a half-close, then up to 2 s of blocking reads until the
        client closes its side, on this main thread. A client that read its answers and kept its connections open
        stalled the worker 2 s each: no accepting, no dispatching, for every client (16 connections: ~32 s)."""
        try:
            closing = fs.cancelled() or not fs.result()
        except Exception:
            closing = False  # gunicorn closes at once, without lingering
        if not closing:
            return super().finish_request(conn, fs)
        self._linger(conn)

    def _linger(self, conn) -> None:
        """Close ``conn`` as a server should (RFC 9112 section 9.6), without a thread and without blocking: half-close,
        then read and drop what the client still sends until it closes or ``_LINGER`` seconds pass (``murder_pending``),
        so that its unread bytes do not reset the connection before it has read the answer."""
        try:
            conn.sock.setblocking(False)
            conn.sock.shutdown(socket.SHUT_WR)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._drain_lingering, conn))
        except OSError:
            self._close_lingering(conn)
            return
        self._lingering.append((time.monotonic() + _LINGER, conn))

    def _drain_lingering(self, conn, _sock) -> None:
        try:
            if conn.sock.recv(65536):
                return
        except BlockingIOError:
            return
        except OSError:
            pass
        self._close_lingering(conn)  # the client closed (or reset) its side

    def _close_lingering(self, conn) -> None:
        if conn in self._closed_lingering:
            return
        self._closed_lingering.add(conn)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass  # never registered
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        while self._lingering and (self._lingering[0][0] <= now or self._lingering[0][1] in self._closed_lingering):
            _, conn = self._lingering.popleft()
            self._close_lingering(conn)
            self._closed_lingering.discard(conn)

    def handle(self, conn):
        """gunicorn's, then the connection's next requests on the same thread while :meth:`_next_request_soon`.

        gunicorn hands a kept-alive connection back to the main thread after each answer: its poller waits for the
        next request, and the main thread gives it to a request thread again. For a client that sends its next
        request at once, those two hand-overs were a fifth of a lookup's time (``bench.run``'s lookup over one
        kept-alive connection, 2026-12-05: 1.20-1.24 ms with them, 0.94-0.96 ms without).
        """
        keep = super().handle(conn)
        while keep is True and self._next_request_soon(conn):
            keep = super().handle(conn)
        return keep

    def _next_request_soon(self, conn) -> bool:
        """Whether the thread that answered ``conn`` takes its next request itself: the worker is not stopping, the
        connection speaks HTTP/1, no other connection waits for a thread (none submitted and not yet started, none
        of this client's waiting for its share), and the next request is read ahead already or starts to arrive
        within ``_NEXT_REQUEST_MS``. The thread is then held that long at most without a request, and a connection
        that comes meanwhile waits that long at most for it; the next request gets deadlines of its own, as from
        the poller."""
        if not self.alive or conn.is_http2:
            return False
        work = getattr(self.tpool, "_work_queue", None)  # ThreadPoolExecutor's queue of work not yet started
        if work is None or not work.empty() or self._waiting.get(_client_address(conn)):
            return False  # back to the main thread, which queues a read-ahead request behind the others
        if conn.parser.unreader.buf.getvalue():  # read ahead (pipelined, or drained with a body)
            return True
        try:
            return _readable(conn.sock, _NEXT_REQUEST_MS)
        except (OSError, ValueError):
            return False

    def handle_request(self, req, conn):
        if isinstance(conn.sock, _DeadlineSocket):
            conn.sock.start_body(req)
        return super().handle_request(req, conn)
