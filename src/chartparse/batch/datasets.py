"""Datasets as inputs: every row of a ``.jsonl`` or ``.parquet`` file is one description.

A row's source is ``PATH#ID``: ID is the row's value in the id column when it has one,
else the row number (0-based; in a JSONL file the row number is the line number minus
one, so blank lines, which are skipped, still count). Sources are unique within a
dataset: a row whose ID repeats an earlier row's source (the same id, ``1`` and ``"1"``,
or an id equal to another row's number) gets ``PATH#ID@ROW`` instead, and the repeats
are reported (the local engine; with Dask, within each slice).

A JSONL dataset whose first rows all lack the text column is one error naming the
columns found, not one error per row.

Rows are read lazily (JSONL line by line, Parquet batch by batch), so a dataset of any
size streams through in flat memory. For the Dask engine a dataset is cut into slices
(byte ranges of a JSONL file, row groups of a Parquet file) that workers read themselves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .tasks import TEXT, Task, error_task, printable

DATASET_SUFFIXES = (".jsonl", ".parquet")
_PARQUET_BATCH = 1024
_COLUMN_PROBE_ROWS = 1000  # JSONL rows looked at for the text column before refusing


@dataclass(frozen=True, slots=True)
class Columns:
    text: str = "text"
    id: str = "id"


def is_dataset(path: str | Path) -> bool:
    return Path(path).suffix.lower() in DATASET_SUFFIXES


def iter_rows(path: str, columns: Columns,
              duplicates: Callable[[str, int], None] | None = None) -> Iterator[Task]:
    """Every row of the dataset at ``path`` as a task (or an error task), with sources made
    unique; ``duplicates(path, n)`` is told how many rows repeated an earlier source."""
    if path.lower().endswith(".parquet"):
        rows = iter_parquet(path, columns)
    else:
        try:
            check_jsonl_columns(path, columns)
        except DatasetError as err:
            yield err.task
            return
        rows = iter_jsonl(path, columns)
    repeated = 0
    for task in unique_sources(rows):
        if task[0] == _REPEAT:
            repeated += 1
            task = task[2]
        yield task
    if repeated and duplicates is not None:
        duplicates(path, repeated)


_REPEAT = "repeat"


def unique_sources(tasks: Iterator[Task]) -> Iterator[Task]:
    """The tasks, a source already given renamed ``SOURCE@ROW`` (wrapped as ``(_REPEAT,
    None, task)`` so the caller can count it). Remembers 8 bytes' hash per source."""
    seen: set[int] = set()
    for row, task in enumerate(tasks):
        source = task[1] or ""
        key = _stable_hash(source)
        if key in seen:
            renamed = f"{source}@{row}"
            while (key := _stable_hash(renamed)) in seen:
                renamed += "'"
            seen.add(key)
            yield (_REPEAT, None, (task[0], renamed, task[2]))
        else:
            seen.add(key)
            yield task


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


# -- JSONL -----------------------------------------------------------------


def iter_jsonl(
    path: str, columns: Columns, start: int = 0, end: int | None = None, first_row: int = 0
) -> Iterator[Task]:
    """Rows of a JSONL file whose lines start in the byte range ``[start, end)``.

    ``start`` must be 0 or the offset just after a newline; ``first_row`` is the row
    number of the line at ``start``.
    """
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as err:
        yield error_task(path, "unreadable", f"{path}: cannot read: {err.strerror or err}")
        return
    row = first_row
    try:
        fh.seek(start)
        position = start
        for raw in fh:
            if end is not None and position >= end:
                break
            position += len(raw)
            yield from _jsonl_row(path, row, raw, columns)
            row += 1
    except OSError as err:
        yield error_task(f"{path}#{row}", "unreadable",
                         f"{path}: read failed: {err.strerror or err}")
    finally:
        fh.close()


def _jsonl_row(path: str, row: int, raw: bytes, columns: Columns) -> Iterator[Task]:
    if not raw.strip():
        return
    try:
        obj = json.loads(raw)
    except ValueError as err:
        yield error_task(f"{path}#{row}", "bad-row", f"{path}: row {row} is not JSON: {err}")
        return
    if not isinstance(obj, dict):
        yield error_task(f"{path}#{row}", "bad-row",
                         f"{path}: row {row} is a JSON {type(obj).__name__}, not an object")
        return
    yield _row_task(path, row, obj.get(columns.text), obj.get(columns.id), columns)


def check_jsonl_columns(path: str, columns: Columns) -> None:
    """Raise :class:`DatasetError` when the first rows of a JSONL dataset that are objects
    all lack the text column (then every row would fail the same way)."""
    found: dict[str, None] = {}
    seen_rows = 0
    try:
        with open(path, "rb") as fh:
            for raw in fh:
                if seen_rows >= _COLUMN_PROBE_ROWS:
                    break
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue
                if not isinstance(obj, dict):
                    continue
                if columns.text in obj:
                    return
                seen_rows += 1
                found.update(dict.fromkeys(map(str, obj)))
    except OSError:
        return  # iter_jsonl reports it
    if seen_rows:
        names = ", ".join(found) or "none"
        raise DatasetError(path, "missing-column",
                           f"{path}: no column {columns.text!r} (--text-column) in its first "
                           f"{seen_rows} rows; columns found: {names}")


def jsonl_slices(path: str, target_bytes: int) -> list[tuple[int, int, int]]:
    """Cut a JSONL file into ``(start, end, first_row)`` ranges of about ``target_bytes``."""
    slices: list[tuple[int, int, int]] = []
    start = position = 0
    first_row = rows = 0
    with open(path, "rb") as fh:
        for raw in fh:
            position += len(raw)
            rows += 1
            if position - start >= target_bytes:
                slices.append((start, position, first_row))
                start, first_row = position, rows
    if position > start:
        slices.append((start, position, first_row))
    return slices


# -- Parquet -----------------------------------------------------------------


class DatasetError(Exception):
    """A whole dataset cannot be read: it becomes one error record (source: its path)."""

    def __init__(self, path: str, code: str, message: str) -> None:
        super().__init__(message)
        self.task = error_task(path, code, message)


def _open_parquet(path: str, columns: Columns) -> tuple[Any, list[str]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DatasetError(path, "missing-dependency",
                           f"{path}: reading Parquet needs pyarrow: pip install 'chartparse[data]'"
                           ) from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types for a bad file
        raise DatasetError(path, "unreadable",
                           f"{path}: not a readable Parquet file: {err}") from None
    names = pf.schema_arrow.names
    if columns.text not in names:
        raise DatasetError(path, "missing-column",
                           f"{path}: no column {columns.text!r} (--text-column); columns: "
                           + ", ".join(names))
    wanted = [columns.text] + ([columns.id] if columns.id in names else [])
    return pf, wanted


def iter_parquet(
    path: str, columns: Columns, row_groups: list[int] | None = None, first_row: int = 0
) -> Iterator[Task]:
    """Rows of a Parquet file (all of it, or only ``row_groups``) as tasks."""
    try:
        pf, wanted = _open_parquet(path, columns)
    except DatasetError as err:
        yield err.task
        return
    row = first_row
    try:
        for batch in pf.iter_batches(batch_size=_PARQUET_BATCH, columns=wanted,
                                     row_groups=row_groups):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if len(wanted) > 1 else [None] * len(texts)
            for text, ident in zip(texts, ids, strict=True):
                yield _row_task(path, row, text, ident, columns)
                row += 1
    except Exception as err:
        yield error_task(f"{path}#{row}", "unreadable", f"{path}: read failed at row {row}: {err}")


def parquet_slices(path: str, columns: Columns) -> list[tuple[int, int]]:
    """``(row_group, first_row)`` for each row group; raises :class:`DatasetError`."""
    meta = _open_parquet(path, columns)[0].metadata
    out, first = [], 0
    for index in range(meta.num_row_groups):
        out.append((index, first))
        first += meta.row_group(index).num_rows
    return out


# -- rows ------------------------------------------------------------------


def _row_task(path: str, row: int, text: Any, ident: Any, columns: Columns) -> Task:
    key = row if ident is None or ident == "" else ident
    source = printable(f"{path}#{key}")
    if isinstance(text, bytes):
        return (TEXT, source, text)
    if not isinstance(text, str):
        what = "missing or null" if text is None else f"a {type(text).__name__}, not text"
        return error_task(source, "bad-row", f"{source}: column {columns.text!r} is {what}")
    return (TEXT, source, text)


def count_rows(path: str) -> int:
    """How many rows a dataset has, cheaply (for the progress bar only)."""
    try:
        if path.lower().endswith(".parquet"):
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        rows = 0
        with open(path, "rb") as fh:
            for raw in fh:
                rows += bool(raw.strip())
        return rows
    except Exception:
        return 1
