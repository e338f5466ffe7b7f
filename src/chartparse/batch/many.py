"""``parse_many``: read many descriptions, in parallel, yielding charts in input order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from ..models import Chart
from ..source import DEFAULT_MAX_BYTES
from .engine import DEFAULT_CHUNK, default_jobs, run_chunks
from .tasks import TEXT, Task, path_task
from .workers import error_chart

Item = str | bytes | os.PathLike[str]


def parse_many(
    items: Iterable[Item],
    *,
    jobs: int | None = 1,
    kind: Literal["path", "text"] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_size: int = DEFAULT_CHUNK,
    timeout: float | None = None,
) -> Iterator[Chart]:
    """Read many descriptions; yield one :class:`Chart` per item, in the items' order.

    What an item is read as:

    - a :class:`pathlib.Path` (any ``os.PathLike``): a file;
    - ``bytes``: the description's bytes (decoded like :func:`chartparse.parse_bytes`);
    - a ``str``: with ``kind="path"`` a file path, with ``kind="text"`` the description
      itself; with ``kind=None`` (the default) a file path when it names an existing
      file (and has no newline), the description text otherwise. Pass ``kind`` when a
      short text might collide with a file name.

    Never raises for an input: a file that cannot be read (missing, binary, over
    ``max_bytes``) yields a chart of kind ``"other"`` with one error diagnostic whose
    code says why (``missing``, ``binary``, ``too-large``, ...). With ``timeout``
    (seconds), an input still being read after that long yields such a chart with the
    code ``timeout`` (with ``jobs=1`` only when called from the main thread).

    ``jobs``: worker processes (``None``: one per core; ``1``, the default: in this
    process). Workers are started with ``spawn``, so a script that uses ``jobs > 1``
    must call this under ``if __name__ == "__main__":``. Items are consumed lazily, at
    most a few chunks ahead of the charts yielded, so any number of items streams
    through in flat memory.
    """
    if kind not in (None, "path", "text"):
        raise ValueError(f"kind must be 'path', 'text' or None, not {kind!r}")
    workers = default_jobs() if jobs is None else max(1, jobs)
    tasks = (item_task(item, kind) for item in items)
    for results in run_chunks(tasks, "chart", jobs=workers, max_bytes=max_bytes,
                              chunk_size=chunk_size, timeout=timeout):
        for source, chart, error in results:
            yield chart if error is None else error_chart(source, *error)


def item_task(item: Item, kind: str | None) -> Task:
    if isinstance(item, bytes | bytearray):
        return (TEXT, None, bytes(item))
    if isinstance(item, os.PathLike):
        return path_task(str(Path(item)))
    if not isinstance(item, str):
        raise TypeError(f"parse_many() takes str, bytes or paths, not {type(item).__name__}")
    if kind == "path" or (kind is None and "\n" not in item and _is_file(item)):
        return path_task(item)
    return (TEXT, None, item)


def _is_file(text: str) -> bool:
    return bool(text) and len(text) < 4096 and os.path.isfile(text)
