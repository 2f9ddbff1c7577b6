"""Where the project's inputs and build outputs live.

The project root is the checkout (curators edit ``kg/`` in place); it can be
overridden with ``CSTO_KG_ROOT``, and the build directory with
``CSTO_KG_BUILD`` (tests and benchmarks build into temporary directories).
Each is read from the environment when it is used, not once at import: a
process that changes its environment (a test calling ``csto_kg.cli.main``
for one project, then for another) gets the folders the environment names now.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["root", "build_dir", "cache_dir"]

_CHECKOUT = Path(__file__).resolve().parent.parent


def root() -> Path:
    """The project root (its ``ontology/``, ``kg/``, ``shapes/``, ``seeds/``, ``queries/``): ``CSTO_KG_ROOT`` if set,
    else the checkout this package is in."""
    return Path(os.environ.get("CSTO_KG_ROOT", _CHECKOUT))


def build_dir() -> Path:
    """The build directory (``build/`` under the root unless ``CSTO_KG_BUILD`` is set)."""
    return Path(os.environ.get("CSTO_KG_BUILD", root() / "build"))


def cache_dir() -> Path:
    """Where results that depend only on the content of their inputs are remembered between runs (``cache/`` in
    the build directory unless ``CSTO_KG_CACHE`` is set; the tests share one for the whole run)."""
    return Path(os.environ["CSTO_KG_CACHE"]) if os.environ.get("CSTO_KG_CACHE") else build_dir() / "cache"
