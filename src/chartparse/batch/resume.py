"""``--resume``: which sources an earlier run already wrote, and mending its torn tail.

Records are written as whole lines and flushed chunk by chunk, so after a crash or a
kill the files hold complete lines plus, at worst, one partly written last line. That
line is cut off here (its input is converted again), so every input ends up exactly
once in OUT or in the errors file.

Sources are compared by key, not as strings: the folder part of a path is resolved
(``./x.jsonl``, ``x.jsonl`` and ``/abs/x.jsonl`` are one input), and for csv the key is
the source as the ledger holds it (kept to one line). Writers fsync at checkpoints;
on resume a csv ledger is checked against its points file (each chart's ``n_points``
rows must be there, in order) and both are cut back to the last chart that is whole.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .workers import one_line
from .writers import charts_path


class SourceKeys:
    """Resume keys: ``realpath(folder) / name`` of a source (names are kept as written)."""

    def __init__(self, fmt: str) -> None:
        self.one_line = fmt == "csv"
        self._folders: dict[str, str] = {}

    def __call__(self, source: str | None) -> str:
        if source is None:
            return ""
        if self.one_line:
            source = one_line(source)
        folder, name = os.path.split(source)
        real = self._folders.get(folder)
        if real is None:
            if len(self._folders) >= 65536:
                self._folders.clear()
            real = self._folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(real, name)


class ResumeError(Exception):
    """An existing output file that ``--resume`` cannot read."""


def cut_torn_line(path: str | Path) -> None:
    """Truncate a file after its last newline (drop a partly written last line, and the
    NUL bytes some file systems leave at the end of a file after a power cut)."""
    p = Path(path)
    if not p.exists():
        return
    with open(p, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return
        whole_size = size
        size = _before_trailing_nuls(fh, size)
        position = size
        block = 1 << 16
        while position > 0:
            start = max(0, position - block)
            fh.seek(start)
            data = fh.read(position - start)
            if start + len(data) == size and data.endswith(b"\n"):
                if size != whole_size:
                    fh.truncate(size)  # the last line is whole; the NULs after it go
                return
            newline = data.rfind(b"\n")
            if newline >= 0:
                fh.truncate(start + newline + 1)
                return
            position = start
        fh.truncate(0)


def _before_trailing_nuls(fh: BinaryIO, size: int) -> int:
    """The size of the file without the run of NUL bytes at its end."""
    position = size
    while position > 0:
        start = max(0, position - (1 << 16))
        fh.seek(start)
        data = fh.read(position - start).rstrip(b"\x00")
        if data:
            return start + len(data)
        position = start
    return 0


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, line) for each line of a file; nothing when it does not exist."""
    if not path.exists():
        return
    with open(path, "rb") as fh:
        yield from enumerate(fh, start=1)


def json_sources(path: str | Path, key: SourceKeys) -> set[str]:
    """The keys of the ``source`` of every JSON line in ``path`` (records or errors)."""
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
        sources.add(key(source))
    return sources


def csv_sources(out: str | Path, key: SourceKeys) -> set[str]:
    """Keys of the charts in the ledger beside OUT whose points are all in OUT.

    Both files are in chart order, so they are read side by side: each ledger row must
    be followed, in OUT, by its ``n_points`` rows. At the first chart that is not whole
    (a power cut can leave OUT shorter than the ledger; a kill leaves points rows with
    no ledger row), both files are cut back, and that chart and the rest are redone.
    """
    ledger, points = charts_path(out, "csv"), Path(out)
    cut_torn_line(ledger)
    cut_torn_line(points)
    sources: set[str] = set()
    ledger_keep = points_keep = 0
    with _open_or_empty(ledger) as charts, _open_or_empty(points) as rows:
        header = charts.readline()
        ledger_keep = len(header)
        points_keep = len(rows.readline())
        for raw in charts:
            try:
                fields = _fields(raw)
                source, wanted = fields[0], int(fields[6])
            except (ValueError, IndexError):
                raise ResumeError(f"{ledger}: a row is not a charts-table row; cannot resume "
                                  "into this file") from None
            taken = 0
            for _ in range(wanted):
                row = rows.readline()
                if not row.endswith(b"\n") or _fields(row)[0] != source:
                    break
                taken += len(row)
            else:
                ledger_keep += len(raw)
                points_keep += taken
                sources.add(key(source))
                continue
            break
    _truncate(ledger, ledger_keep)
    _truncate(points, points_keep)
    return sources


class _open_or_empty:
    def __init__(self, path: Path) -> None:
        self.fh = open(path, "rb") if path.exists() else None  # noqa: SIM115

    def __enter__(self) -> _open_or_empty:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()

    def readline(self) -> bytes:
        return self.fh.readline() if self.fh is not None else b""

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.fh) if self.fh is not None else iter(())


def _fields(raw: bytes) -> list[str]:
    return next(csv.reader([raw.decode("utf-8", "backslashreplace")]), [""])


def _truncate(path: Path, size: int) -> None:
    if path.exists() and path.stat().st_size > size:
        with open(path, "rb+") as fh:
            fh.truncate(size)
            fh.flush()
            os.fsync(fh.fileno())


def done_sources(out: str | Path, errors: str | Path, fmt: str) -> tuple[set[str], set[str]]:
    """The keys of the sources already written: (records in OUT, lines in the errors file)."""
    key = SourceKeys(fmt)
    records = csv_sources(out, key) if fmt == "csv" else json_sources(out, key)
    return records, json_sources(errors, key)
