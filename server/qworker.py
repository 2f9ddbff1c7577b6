"""A query worker process: opens the build's store read-only once, then runs queries sent on stdin.

Started by :mod:`csto_kg.server.engine` (``python -m csto_kg.server.qworker``),
a few per web worker, and reused for query after query. The worker knows
nothing of time limits: the web worker that owns it SIGKILLs it when a query
overruns, which is the only way to stop Oxigraph mid-evaluation (see
``/work/shared/ENGINE-NOTES.md``). It serialises each result itself
(:func:`csto_kg.query.run`, with the row and byte caps), so the web worker
knows the status before it sends a byte.

Wire format, both ways: a frame is a 4-byte big-endian length, a JSON header
of that length, then ``header["length"]`` bytes of body (if any).

- worker -> parent once started: ``{"ready": true, "pid": …}``;
- parent -> worker: ``{"query", "fmt", "default_graph", "named_graphs"}``;
- worker -> parent: ``{"ok": true, "kind", "fmt", "rows", "truncated", "length"}`` + body,
  or ``{"ok": false, "error": "syntax" | "invalid" | "internal", "message"}``.

Guards of its own: queries run on a thread with a large stack (Oxigraph's
parser and evaluator recurse; a 19,000-deep ``!!!…`` overflows the default
8 MB stack and kills the process), the heap is capped (``RLIMIT_DATA``:
an allocation past it aborts the worker, which the parent reports as 503),
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

__all__ = ["frame", "read_frame", "main", "STACK_BYTES"]

STACK_BYTES = 256 * 1024 * 1024
_LEN = struct.Struct(">I")


def frame(header: dict, body: bytes = b"") -> bytes:
    """One frame: ``header`` (with the body's length added if there is a body) and ``body``."""
    if body:
        header = {**header, "length": len(body)}
    data = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return _LEN.pack(len(data)) + data + body


def _read_exact(f, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = f.read(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def read_frame(f) -> tuple[dict, bytes] | None:
    """Read one frame from the binary stream ``f``; ``None`` at end of input."""
    head = _read_exact(f, _LEN.size)
    if head is None:
        return None
    data = _read_exact(f, _LEN.unpack(head)[0])
    if data is None:
        return None
    header = json.loads(data)
    body = _read_exact(f, header.get("length", 0)) if header.get("length") else b""
    return header, body or b""


def _answer(store, job: dict, max_rows: int, max_bytes: int) -> bytes:
    from csto_kg.errors import UserError
    from csto_kg.query import run

    try:
        r = run(store, job["query"], job.get("fmt"), default_graph=job.get("default_graph"),
                named_graphs=job.get("named_graphs"), max_rows=max_rows, max_bytes=max_bytes)
    except SyntaxError as e:
        return frame({"ok": False, "error": "syntax", "message": str(e)})
    except (ValueError, TypeError, UnicodeError, OverflowError, UserError) as e:
        return frame({"ok": False, "error": "invalid", "message": str(e)})
    except MemoryError:
        return frame({"ok": False, "error": "resources", "message": "the query needs more memory than a query may use"})
    except Exception as e:  # a fault of the engine or the store, not of the query
        print(f"csto-kg query worker {os.getpid()}: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        return frame({"ok": False, "error": "internal", "message": type(e).__name__})
    return frame({"ok": True, "kind": r.kind, "fmt": r.fmt, "rows": r.rows, "truncated": r.truncated}, r.body)


def _serve(store_path: str, max_rows: int, max_bytes: int, inp, out) -> None:
    from csto_kg.query import open_store

    store = open_store(store_path)
    out.write(frame({"ready": True, "pid": os.getpid()}))
    out.flush()
    while True:
        got = read_frame(inp)
        if got is None:
            return
        out.write(_answer(store, got[0], max_rows, max_bytes))
        out.flush()


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
    inp = os.fdopen(os.dup(0), "rb", buffering=0)
    out = os.fdopen(os.dup(1), "wb")
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
