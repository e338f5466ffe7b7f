"""The unit of work: one input (a file, a dataset row, or an input already known to fail).

A task is a plain tuple so that it pickles small and fast between processes:
``(kind, source, payload)`` where ``kind`` is one of

- ``PATH``  — ``source`` is the file path, read by the worker; payload ``None``, or the
  path to open when ``source`` had to be made printable (a name that is not UTF-8);
- ``TEXT``  — payload is the description (``str``, or ``bytes`` to decode);
- ``ERROR`` — payload is ``(code, message)``: the input already failed (e.g. a symlink loop).

A result is ``(source, data, error)``: ``data`` is the encoded record and ``error`` is
``None``, or ``data`` is ``None`` and ``error`` is ``(code, message)``.
"""

from __future__ import annotations

from typing import Any

PATH = "path"
TEXT = "text"
ERROR = "error"

Task = tuple[str, str | None, Any]
Result = tuple[str | None, Any, tuple[str, str] | None]


def error_task(source: str, code: str, message: str) -> Task:
    return (ERROR, printable(source), (code, printable(message)))


def path_task(path: str) -> Task:
    source = printable(path)
    return (PATH, source, None if source == path else path)


def printable(text: str) -> str:
    """``text`` as valid Unicode: a file name's undecodable bytes (surrogate escapes) and
    lone surrogates become backslash escapes, so every writer can encode it (issue 17)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
