"""A query worker process: opens the build's store read-only once, then runs queries sent on stdin.

Started by :mod:`csto_kg.server.engine` (``python -m csto_kg.server.qworker``),
a few per web worker, and reused for query after query. The worker knows
nothing of time limits: the web worker that owns it SIGKILLs it when a query
overruns, which is the only way to stop Oxigraph mid-evaluation (see
"What the design relies on" in ``server/README.md``). It serialises each result itself
(:func:`csto_kg.query.run`, with the row and byte caps), so the web worker
knows the status before it sends a byte.

Wire format, both ways (binary, so a query and a result cross the pipe as raw
bytes, never escaped into JSON): a frame is ``>cII`` (a type byte, the length
of a short ``meta`` part, the length of the body), then meta, then body.

- worker -> parent once started: ``R``, meta = its pid;
- parent -> worker: ``Q``, meta = the format key, then (only if the request
  names a dataset) a newline and ``[default_graph, named_graphs]`` as JSON;
  body = the query (UTF-8);
- worker -> parent: ``A``, meta = ``>c?q`` (kind s/a/g, truncated, rows or -1)
  then the format key, body = the serialised result; or ``E``, meta = the
  error kind (syntax | invalid | resources | internal), body = the message.

Guards of its own: queries run on a thread with a large stack (Oxigraph's
parser and evaluator recurse; a 19,000-deep ``!!!…`` overflows the default
8 MB stack and kills the process), the heap is capped (``RLIMIT_DATA``:
an allocation past it aborts the worker; the parent reads the worker's stderr
and reports that as 503, any other death as 500 "query worker died"),
and the worker exits when its parent does.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import sys
import threading
import time

__all__ = ["frame_job", "parse_frame", "read_frame", "answer", "main", "STACK_BYTES"]

STACK_BYTES = 256 * 1024 * 1024


_HEAD = struct.Struct(">cII")
_ANSWER = struct.Struct(">c?q")
_KINDS = {"select": b"s", "ask": b"a", "graph": b"g"}
_KIND_NAMES = {v: k for k, v in _KINDS.items()}


def _pack(kind: bytes, meta: bytes, body: bytes = b"") -> bytes:
    return b"".join((_HEAD.pack(kind, len(meta), len(body)), meta, body))


def frame_job(job: dict) -> bytes:
    """The frame of a query job: ``query``, ``fmt``, ``default_graph``, ``named_graphs``."""
    meta = (job.get("fmt") or "").encode("ascii")
    if job.get("default_graph") or job.get("named_graphs"):
        meta += b"\n" + json.dumps([job.get("default_graph"), job.get("named_graphs")]).encode("utf-8")
    return _pack(b"Q", meta, job["query"].encode("utf-8"))


def frame_ready() -> bytes:
    return _pack(b"R", str(os.getpid()).encode("ascii"))


def frame_answer(kind: str, fmt: str, body: bytes, rows: int | None, truncated: bool) -> bytes:
    return _pack(
        b"A", _ANSWER.pack(_KINDS[kind], bool(truncated), -1 if rows is None else rows) + fmt.encode("ascii"), body
    )


def frame_error(error: str, message: str) -> bytes:
    return _pack(b"E", error.encode("ascii"), message.encode("utf-8", "replace"))


def parse_frame(buf: bytearray) -> tuple[dict, bytes, int] | None:
    """The first whole frame in ``buf``: (header as a dict, body, bytes used), or None if incomplete.

    ``ValueError`` for bytes that are not a frame (the caller treats the worker as broken).
    """
    if len(buf) < _HEAD.size:
        return None
    kind, m, n = _HEAD.unpack_from(buf)
    end = _HEAD.size + m + n
    if len(buf) < end:
        return None
    meta = bytes(buf[_HEAD.size : _HEAD.size + m])
    body = bytes(buf[_HEAD.size + m : end])
    try:
        return _decode(kind, meta, body) + (end,)
    except (struct.error, KeyError, TypeError) as e:
        raise ValueError(f"not a frame: {e}") from None


def _decode(kind: bytes, meta: bytes, body: bytes) -> tuple[dict, bytes]:
    if kind == b"A":
        k, truncated, rows = _ANSWER.unpack_from(meta)
        header = {
            "ok": True,
            "kind": _KIND_NAMES[k],
            "fmt": meta[_ANSWER.size :].decode("ascii"),
            "rows": None if rows < 0 else rows,
            "truncated": truncated,
        }
    elif kind == b"E":
        header = {"ok": False, "error": meta.decode("ascii"), "message": body.decode("utf-8", "replace")}
        body = b""
    elif kind == b"Q":
        fmt, _, graphs = meta.partition(b"\n")
        dg, ng = json.loads(graphs) if graphs else (None, None)
        header = {
            "query": body.decode("utf-8"),
            "fmt": fmt.decode("ascii") or None,
            "default_graph": dg,
            "named_graphs": ng,
        }
        body = b""
    elif kind == b"R":
        header = {"ready": True, "pid": int(meta)}
    else:
        raise ValueError(f"not a frame: type {kind!r}")
    return header, body


def read_frame(fd: int, buf: bytearray) -> tuple[dict, bytes] | None:
    """The next frame from the blocking descriptor ``fd`` (``buf`` keeps what is read past it); None at end of input."""
    while True:
        got = parse_frame(buf)
        if got is not None:
            del buf[: got[2]]
            return got[0], got[1]
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return None
        buf += chunk


def answer(store, job: dict, max_rows: int, max_bytes: int, who: str = "query worker") -> tuple[dict, bytes]:
    """Run a job on ``store``: (header, body) as :func:`parse_frame` reads them from the frame of the outcome.

    Also called by a web worker for a query bounded by its form (``server/engine.py``), so that both paths
    give the same answers and the same errors. ``who`` names the process in the message of an engine fault.
    """
    from csto_kg.errors import UserError
    from csto_kg.query import NotRepresentable, run

    try:
        r = run(
            store,
            job["query"],
            job.get("fmt"),
            default_graph=job.get("default_graph"),
            named_graphs=job.get("named_graphs"),
            max_rows=max_rows,
            max_bytes=max_bytes,
        )
    except SyntaxError as e:
        return _failed("syntax", str(e))
    except NotRepresentable as e:
        return _failed("unrepresentable", str(e))
    except (ValueError, TypeError, UnicodeError, OverflowError) as e:
        return _failed("invalid", str(e))
    except UserError as e:
        public = getattr(e, "public", None)  # a RemoteError (not imported: it imports rdflib): the store failed
        if public is None:
            return _failed("invalid", str(e))
        print(f"csto-kg {who} {os.getpid()}: {e}", file=sys.stderr, flush=True)
        return _failed("store", public)  # a query the endpoint found valid: 502
    except MemoryError:
        return _failed("resources", "the query needs more memory than a query may use")
    except Exception as e:  # a fault of the engine or the store, not of the query
        print(f"csto-kg {who} {os.getpid()}: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        return _failed("internal", type(e).__name__)
    return {"ok": True, "kind": r.kind, "fmt": r.fmt, "rows": r.rows, "truncated": r.truncated}, r.body


def _failed(error: str, message: str) -> tuple[dict, bytes]:
    return {"ok": False, "error": error, "message": message}, b""


def _answer(store, job: dict, max_rows: int, max_bytes: int) -> bytes:
    header, body = answer(store, job, max_rows, max_bytes)
    if header["ok"]:
        return frame_answer(header["kind"], header["fmt"], body, header["rows"], header["truncated"])
    return frame_error(header["error"], header["message"])


def _serve(store_path: str, max_rows: int, max_bytes: int, inp, out) -> None:
    from csto_kg.query import open_store

    store = open_store(store_path)
    _write_all(out, frame_ready())
    buf = bytearray()
    while True:
        got = read_frame(inp, buf)
        if got is None:
            return
        _write_all(out, _answer(store, got[0], max_rows, max_bytes))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


def main(argv: list[str] | None = None) -> int:
    store_path, max_rows, max_bytes, memory_mb = (argv or sys.argv[1:])[:4]
    if int(memory_mb) > 0:
        limit = int(memory_mb) * 1024 * 1024 + STACK_BYTES
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    # The frames get private descriptors; stray writes to stdout go to stderr instead.
    inp = os.dup(0)
    out = os.dup(1)
    os.dup2(2, 1)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    threading.stack_size(STACK_BYTES)
    errors: list[BaseException] = []

    def target() -> None:
        try:
            _serve(store_path, int(max_rows), int(max_bytes), inp, out)
        except BaseException as e:  # noqa: BLE001 - reported, and the process exits non-zero
            errors.append(e)

    t = threading.Thread(target=target, name="query")
    t.start()  # the stack size applies when a thread starts
    threading.stack_size(0)
    t.join()
    if errors:
        print(f"csto-kg query worker {os.getpid()}: {type(errors[0]).__name__}: {errors[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
