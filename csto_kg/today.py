"""The day the project takes as today: the validator's checks of dates not yet come, the site's "members on"
and timelines.

``CSTO_KG_TODAY=YYYY-MM-DD`` fixes it, so that a validation report or a page can be reproduced on another day (and a
test comparing two renderings of one page does not see them differ because midnight fell between them).
"""

from __future__ import annotations

import datetime as dt
import os

from .errors import UserError


def today() -> dt.date:
    """Today, or the day ``CSTO_KG_TODAY`` names; a :class:`UserError` if it names none."""
    fixed = os.environ.get("CSTO_KG_TODAY")
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError as e:
        raise UserError(f"CSTO_KG_TODAY={fixed[:40]!r} is not a date written YYYY-MM-DD ({e})") from None
