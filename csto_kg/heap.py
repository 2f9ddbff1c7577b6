"""Giving the memory a stage freed back to the system, before the next stage or process needs it."""

from __future__ import annotations

import ctypes

__all__ = ["trim"]


def trim() -> None:
    """Return glibc's free heap pages to the system (``malloc_trim``); nothing where the C library is not glibc.

    Memory that Python or a Rust extension (Oxigraph's stores) frees goes back to the allocator, which keeps it:
    the process's resident size stays as it was until the allocator is told to trim (an in-memory Oxigraph
    store of 1.27 M triples: 498 MB resident, 465 MB once dropped, 43 MB once trimmed).
    """
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
