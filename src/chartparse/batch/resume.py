"""``--resume``: which sources an earlier run already wrote, and mending its torn tail.

Records are written as whole lines and flushed chunk by chunk, so after a crash or a
kill the files hold complete lines plus, at worst, one partly written last line. That
line is cut off here (its input is converted again), so every input ends up exactly
once in OUT or in the errors file.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

from .writers import charts_path


class ResumeError(Exception):
    """An existing output file that ``--resume`` cannot read."""


def cut_torn_line(path: str | Path) -> None:
    """Truncate a file after its last newline (drop a partly written last line)."""
    p = Path(path)
    if not p.exists():
        return
    with open(p, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return
        position = size
        block = 1 << 16
        while position > 0:
            start = max(0, position - block)
            fh.seek(start)
            data = fh.read(position - start)
            if start + len(data) == size and data.endswith(b"\n"):
                return  # the last line is whole
            newline = data.rfind(b"\n")
            if newline >= 0:
                fh.truncate(start + newline + 1)
                return
            position = start
        fh.truncate(0)


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, line) for each line of a file; nothing when it does not exist."""
    if not path.exists():
        return
    with open(path, "rb") as fh:
        yield from enumerate(fh, start=1)


def json_sources(path: str | Path) -> set[str]:
    """The ``source`` of every JSON line in ``path`` (records or errors)."""
    p = Path(path)
    cut_torn_line(p)
    sources: set[str] = set()
    for number, raw in _lines(p):
        if not raw.strip():
            continue
        try:
            source = json.loads(raw)["source"]
        except (ValueError, KeyError, TypeError):
            raise ResumeError(f"{p}: line {number} is not a record with a 'source'; "
                              "cannot resume into this file") from None
        sources.add(source)
    return sources


def csv_sources(out: str | Path) -> set[str]:
    """Sources in the charts table beside OUT; points rows without one are cut off."""
    ledger = charts_path(out, "csv")
    cut_torn_line(ledger)
    sources: set[str] = set()
    for number, raw in _lines(ledger):
        if number > 1 and raw.strip():
            sources.add(_first_field(raw))
    _trim_points(Path(out), sources)
    return sources


def _first_field(raw: bytes) -> str:
    return next(csv.reader([raw.decode("utf-8")]))[0]


def _trim_points(points: Path, done: set[str]) -> None:
    """Cut points rows written for charts the ledger does not hold (the torn tail)."""
    if not points.exists():
        return
    keep = 0
    offset = 0
    for number, raw in _lines(points):
        offset += len(raw)
        if not raw.endswith(b"\n"):
            break
        if number == 1 or _first_field(raw) in done:
            keep = offset
    if keep != points.stat().st_size:
        with open(points, "rb+") as fh:
            fh.truncate(keep)


def done_sources(out: str | Path, errors: str | Path, fmt: str) -> tuple[set[str], set[str]]:
    """The sources already written: (records in OUT, lines in the errors file)."""
    return (csv_sources(out) if fmt == "csv" else json_sources(out)), json_sources(errors)
