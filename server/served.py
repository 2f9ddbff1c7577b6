"""Where the server finds the inputs it shows (seed texts, example queries, shapes): in the build it serves.

The build copies them (:meth:`csto_kg.build.Build.served`), so a running
server shows what it was built from, never the checkout as edited since.
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app

__all__ = ["served"]


def served(kind: str) -> Path:
    """The served build's folder of ``kind`` (``seeds``, ``queries``, ``shapes``)."""
    return current_app.extensions["csto.build"].served(kind)
