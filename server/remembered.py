"""A bounded, thread-safe memory of what a read-only store gives for a key (least recently used dropped first).

The server serves one build: its store does not change while the app lives, and the app makes a new memory for
another store. Pages and RDF descriptions ask the store the same things again (the description of a resource for
its page and for each RDF format; one evidence node's view on every page whose facts cite it), so what is worked
out once is kept, within a budget of ``weight`` units (the default weight of a value is 1).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Remembered"]

V = TypeVar("V")


class Remembered(Generic[V]):
    """``compute(key)``, remembered per key; values weighing more than the whole budget are not kept."""

    def __init__(self, compute: Callable[[Hashable], V], budget: int, weight: Callable[[V], int] = lambda v: 1):
        self.compute, self.budget, self.weight = compute, budget, weight
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    @property
    def kept(self) -> int:
        """How many values are kept (not ``__len__``: an empty memory must not read as false where one is passed)."""
        return len(self._entries)

    def __call__(self, key: Hashable) -> V:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        value = self.compute(key)  # outside the lock: two threads may work out one key, and keep it once
        weight = self.weight(value)
        if weight <= self.budget:
            with self._lock:
                if key not in self._entries:
                    self._entries[key] = (value, weight)
                    self._held += weight
                    while self._held > self.budget:
                        self._held -= self._entries.popitem(last=False)[1][1]
        return value
