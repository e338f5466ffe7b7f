"""The unit of work: one input (a file, a dataset row, or an input already known to fail).

A task is a plain tuple so that it pickles small and fast between processes:
``(kind, source, payload)`` where ``kind`` is one of

- ``PATH``  — payload ``None``; ``source`` is the file path, read by the worker;
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
    return (ERROR, source, (code, message))
