"""Exceptions raised by the public API."""

from __future__ import annotations


class ChartParseError(ValueError):
    """An input could not be read (missing, unreadable, binary or too large).

    Text that *was* read never raises: problems in it become diagnostics.
    """

    def __init__(self, message: str, *, path: str | None = None, code: str = "unreadable") -> None:
        super().__init__(message)
        self.path = path
        self.code = code
