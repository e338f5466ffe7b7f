"""Output files, written one chunk of whole lines at a time and flushed after each chunk.

- ``jsonl``: one chart JSON object per line (its ``source`` field names the input).
- ``csv``: the tidy points table (``source`` first) in OUT, and the charts table, one row
  per description, in ``OUT.charts.csv``. The charts table is the ledger that ``--resume``
  reads (a chart with no points has no row in the points table); points rows are
  written before their ledger rows, and field values are kept to one physical line.
- ``parquet``: the same two tables (``OUT`` and ``OUT.charts.parquet``), written to
  temporary files renamed into place at the end, so an interrupted run leaves no torn
  file. Parquet files cannot be appended to, so ``--resume`` is refused for Parquet.
- errors: JSON lines ``{"source", "error", "message"}``; the file is created only when
  there is an error to write.

Checkpoints: text outputs are fsync-ed at most every ``SYNC_SECONDS`` and when closed;
csv ledger rows are held back until the points rows before them are on disk, so after
a power cut the ledger never names a chart whose points are missing.
Files are written with ``errors="backslashreplace"``: nothing can stop a writer midway.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Protocol

from .tasks import Result
from .workers import CHART_COLUMNS, POINT_COLUMNS

_PARQUET_ROWS = 50_000
SYNC_SECONDS = 1.0
STDOUT = "-"


def charts_path(out: str | Path, fmt: str) -> Path:
    """The charts table beside OUT: ``out.csv`` -> ``out.charts.csv``."""
    return Path(out).with_suffix(f".charts.{fmt}")


def default_errors_path(out: str | Path, fmt: str = "jsonl") -> Path:
    """``out.jsonl`` -> ``out.errors.jsonl``; ``out.csv`` -> ``out.csv.errors.jsonl`` (so
    that ``-o x.csv`` and ``-o x.jsonl`` do not share one errors file)."""
    path = Path(out)
    if path.suffix.lower() == ".jsonl":
        return path.with_suffix(".errors.jsonl")
    return path.with_name(path.name + ".errors.jsonl")


class RecordWriter(Protocol):
    def write(self, results: list[Result]) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


class _Lines:
    """A text file written in whole lines, appended to or started afresh, synced to disk
    at checkpoints. ``-`` is standard output (never synced or closed)."""

    def __init__(self, path: str | Path, append: bool) -> None:
        self.path = Path(path)
        if str(path) == STDOUT:
            self.fh = sys.stdout
            self.fresh = True
            self.is_file = False
            return
        self.fh = open(self.path, "a" if append else "w", encoding="utf-8", newline="\n",  # noqa: SIM115
                       errors="backslashreplace")
        self.fresh = self.fh.tell() == 0
        self.is_file = True
        self.synced = time.monotonic()

    def write(self, text: str) -> None:
        if text:
            self.fh.write(text)
            self.fh.flush()

    def due(self) -> bool:
        return self.is_file and time.monotonic() - self.synced >= SYNC_SECONDS

    def sync(self) -> None:
        if self.is_file:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.synced = time.monotonic()

    def close(self) -> None:
        if self.is_file:
            try:
                self.sync()
            finally:
                self.fh.close()
        else:
            self.fh.flush()

    def abort(self) -> None:
        """Close after a failure: keep what was written, raise nothing."""
        try:
            self.close()
        except (OSError, ValueError):
            with contextlib.suppress(OSError, ValueError):
                self.fh.close()


class JsonlWriter:
    def __init__(self, out: str | Path, *, append: bool = False,
                 charts: str | Path | None = None) -> None:
        self.lines = _Lines(out, append)

    def write(self, results: list[Result]) -> None:
        self.lines.write("".join(data + "\n" for _, data, error in results if error is None))
        if self.lines.due():
            self.lines.sync()

    def close(self) -> None:
        self.lines.close()

    def abort(self) -> None:
        self.lines.abort()


class CsvWriter:
    def __init__(self, out: str | Path, *, append: bool = False,
                 charts: str | Path | None = None) -> None:
        self.points = _Lines(out, append)
        self.charts = _Lines(charts or charts_path(out, "csv"), append)
        self.pending: list[str] = []  # ledger rows whose points may not be on disk yet
        if self.points.fresh:
            self.points.write(",".join(POINT_COLUMNS) + "\n")
        if self.charts.fresh:
            self.charts.write(",".join(CHART_COLUMNS) + "\n")

    def write(self, results: list[Result]) -> None:
        done = [data for _, data, error in results if error is None]
        self.points.write("".join(points for points, _ in done))
        self.pending.extend(ledger for _, ledger in done)
        if self.points.due():
            self._checkpoint()

    def _checkpoint(self) -> None:
        self.points.sync()
        self.charts.write("".join(self.pending))
        self.pending = []
        self.charts.sync()

    def close(self) -> None:
        try:
            self._checkpoint()
        finally:
            self.points.abort()
            self.charts.close()

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._checkpoint()  # what is whole on disk needs no redoing
        self.points.abort()
        self.charts.abort()


class ParquetWriter:
    def __init__(self, out: str | Path, *, append: bool = False,
                 charts: str | Path | None = None) -> None:
        if append:
            raise ValueError("Parquet output cannot be resumed")
        import pyarrow as pa

        self.points = _ParquetTable(Path(out), pa.schema([
            ("source", pa.string()), ("panel", pa.string()), ("series", pa.string()),
            ("axis", pa.string()), ("x", pa.string()), ("x_value", pa.float64()),
            ("y", pa.float64()), ("approx", pa.bool_()), ("x_unit", pa.string()),
            ("y_unit", pa.string()),
        ]))
        self.charts = _ParquetTable(Path(charts or charts_path(out, "parquet")), pa.schema([
            ("source", pa.string()), ("kind", pa.string()), ("title", pa.string()),
            ("n_axes", pa.int32()), ("axis_labels", pa.list_(pa.string())),
            ("n_series", pa.int32()), ("n_points", pa.int64()), ("n_diagnostics", pa.int32()),
        ]))

    def write(self, results: list[Result]) -> None:
        for _, data, error in results:
            if error is None:
                points, chart = data
                self.points.add(points)
                self.charts.add([chart])

    def close(self) -> None:
        try:
            self.points.close()
            self.charts.close()
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        self.points.abort()
        self.charts.abort()


class _ParquetTable:
    def __init__(self, path: Path, schema: Any) -> None:
        import pyarrow.parquet as pq

        self.path, self.schema = path, schema
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                        dir=path.parent if str(path.parent) else ".")
        os.close(fd)
        self.writer = pq.ParquetWriter(self.tmp, schema)
        self.rows: list[tuple[Any, ...]] = []

    def add(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= _PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        columns = list(zip(*self.rows, strict=True))
        arrays = [pa.array(list(col), type=f.type)
                  for col, f in zip(columns, self.schema, strict=True)]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        try:
            if self.rows:
                self._flush()
            self.writer.close()
            os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes it private; match open()
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop the temporary file; raise nothing (the disk may be full)."""
        try:
            with contextlib.suppress(Exception):  # pyarrow raises its own types
                self.writer.close()
        finally:
            Path(self.tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class ErrorWriter:
    """The errors file, opened (and so created) at the first error."""

    def __init__(self, path: str | Path, *, append: bool = False) -> None:
        self.path = path
        self.append = append
        self.lines: _Lines | None = None

    def write(self, results: list[Result]) -> None:
        text = "".join(
            error_line(source, *error) for source, _, error in results if error is not None)
        if not text:
            return
        if self.lines is None:
            self.lines = _Lines(self.path, self.append)
        self.lines.write(text)
        if self.lines.due():
            self.lines.sync()

    def close(self) -> None:
        if self.lines is not None:
            self.lines.close()

    def abort(self) -> None:
        if self.lines is not None:
            self.lines.abort()


def error_line(source: str | None, code: str, message: str) -> str:
    return json.dumps({"source": source, "error": code, "message": message},
                      ensure_ascii=False) + "\n"


WRITERS: dict[str, type[JsonlWriter] | type[CsvWriter] | type[ParquetWriter]] = {
    "jsonl": JsonlWriter, "csv": CsvWriter, "parquet": ParquetWriter,
}
