"""Which exceptions are the user's input at fault (reported in one line, exit 2)."""

from __future__ import annotations

__all__ = ["UserError", "is_user_error"]


class UserError(Exception):
    """Bad input or arguments: reported as one line naming what was wrong."""


def is_user_error(e: BaseException) -> bool:
    from .loader import CuratedFileError
    from .seeds import LocateError

    return isinstance(e, (UserError, CuratedFileError, LocateError, FileNotFoundError))
