"""The user's-input-at-fault exception: reported in one line, exit 2.

Every exception about bad input (a curated file's syntax, a passage not found
in a seed, an unreachable store...) is a :class:`UserError` itself, so the
CLI needs no list of them.
"""

from __future__ import annotations

__all__ = ["UserError", "is_user_error"]


class UserError(Exception):
    """Bad input or arguments: reported as one line naming what was wrong."""


def is_user_error(e: BaseException) -> bool:
    """Is ``e`` the user's input at fault (a missing file named on the command line included)?"""
    return isinstance(e, (UserError, FileNotFoundError))
