"""The heap between stages: the cyclic collector kept out of stages that allocate much and free little
(:func:`collector_paused`), and the memory a stage freed given back to the system (:func:`trim`)."""

from __future__ import annotations

import ctypes
import functools
import gc
from contextlib import contextmanager

__all__ = ["collector_paused", "trim", "without_collector"]


@contextmanager
def collector_paused():
    """The cyclic garbage collector off for the block, then as it was (so blocks nest; the switch is the process's,
    so a block that finds it off, in another thread too, leaves it to the block that turned it off to turn it on).

    Loading, inferring and validating allocate hundreds of thousands of objects (terms, tuples, sets) that live
    until the stage ends; every 700 of them start a young collection, every so many young ones a full one, and each
    full one walks every object alive in the process (but those frozen), the stage's own included. Reference counting still frees what the stage drops; the few reference
    cycles it leaves (rdflib's graphs and their stores) wait for the next collection after the block.

    Paused in the loader's ``load``, in inference and in ``csto-kg validate`` (``validation.validate``); the build
    keeps its own (off until graph:support is derived, then what lives on frozen: pausing its validation too saved
    ~3 s of the rules at 1e6 but none of the build's time, for ~20 MB more at its peak). Measured: ``csto-kg
    validate`` of the generated 1e5 project 10.3 -> 8.0 s, peak RSS 277 MB either way; the curated project's
    validation in a process that has validated before 0.88 -> 0.76 s; a shape fixture's load and inference ~62 ->
    ~20 ms.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def without_collector(function):
    """``function`` run under :func:`collector_paused`."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        with collector_paused():
            return function(*args, **kwargs)

    return paused


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
