"""``--engine dask``: the same conversion on a Dask distributed cluster.

The client walks the inputs (paths only) and cuts them into work units: runs of up to
``FILES_PER_PART`` files, byte ranges of about ``JSONL_PART_BYTES`` of a JSONL dataset,
row groups of a Parquet dataset. The units form a dask bag, one unit per partition;
each worker reads its unit's inputs itself (so files and datasets must be reachable at
the same paths from every worker: a shared file system), converts them with the same
code as the local engine, and writes its own part file ``OUT/part-NNNNN.EXT`` (and
``OUT.charts.EXT/part-NNNNN.EXT`` for csv and parquet). Reading the parts in name
order gives the local engine's records in the same order. Errors come back to the
client, which writes the errors file. ``--resume`` is not supported with this engine.

OUT must be a new or empty folder, or ``--overwrite`` must be given: then only the
part files an earlier run wrote there (``part-NNNNN.EXT``, regular files) are removed;
nothing else in OUT is ever deleted. OUT may not be, or hold, one of the inputs.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .datasets import (
    _REPEAT,
    Columns,
    DatasetError,
    check_jsonl_columns,
    iter_jsonl,
    iter_parquet,
    jsonl_slices,
    parquet_slices,
    unique_sources,
)
from .inputs import DATASET, InputOptions, iter_entries
from .tasks import Result, Task, error_task
from .workers import convert
from .writers import WRITERS, charts_path, error_line

FILES_PER_PART = 500
JSONL_PART_BYTES = 16 << 20

Unit = tuple[Any, ...]


class DaskUnavailable(Exception):
    pass


def plan_units(inputs: Iterable[str], options: InputOptions) -> list[Unit]:
    """Cut the inputs into work units, in input order."""
    units: list[Unit] = []
    pending: list[Task] = []

    def flush() -> None:
        if pending:
            units.append(("tasks", list(pending)))
            pending.clear()

    for kind, source, payload in iter_entries(inputs, options):
        if kind != DATASET:
            pending.append((kind, source, payload))
            if len(pending) >= FILES_PER_PART:
                flush()
            continue
        assert source is not None
        flush()
        units.extend(_dataset_units(source, options.columns))
    flush()
    return units


def _dataset_units(path: str, columns: Columns) -> list[Unit]:
    try:
        if path.lower().endswith(".parquet"):
            return [("parquet", path, group, first) for group, first in
                    parquet_slices(path, columns)]
        check_jsonl_columns(path, columns)
        return [("jsonl", path, start, end, first) for start, end, first in
                jsonl_slices(path, JSONL_PART_BYTES)]
    except DatasetError as err:
        return [("tasks", [err.task])]
    except OSError as err:
        return [("tasks", [error_task(path, "unreadable",
                                      f"{path}: cannot read: {err.strerror or err}")])]


def unit_tasks(unit: Unit, columns: Columns) -> Iterator[Task]:
    if unit[0] == "tasks":
        yield from unit[1]
        return
    if unit[0] == "jsonl":
        _, path, start, end, first = unit
        rows = iter_jsonl(path, columns, start, end, first)
    else:
        _, path, group, first = unit
        rows = iter_parquet(path, columns, [group], first)
    for task in unique_sources(rows):
        yield task[2] if task[0] == _REPEAT else task


def part_paths(out: str | Path, fmt: str, index: int) -> tuple[Path, Path]:
    name = f"part-{index:05d}.{fmt}"
    return Path(out) / name, charts_path(out, fmt) / name


def convert_part(spec: tuple[int, Unit], *, fmt: str, max_bytes: int, out: str,
                 columns: Columns) -> dict[str, Any]:
    """Run on a worker: convert one unit and write its part file(s)."""
    index, unit = spec
    points, charts = part_paths(out, fmt, index)
    writer = WRITERS[fmt](points, charts=charts)
    converted, errors = 0, []
    batch: list[Result] = []
    try:
        for task in unit_tasks(unit, columns):
            source, data, error = convert(task, fmt, max_bytes)
            if error is None:
                converted += 1
                batch.append((source, data, None))
                if len(batch) >= 256:
                    writer.write(batch)
                    batch = []
            else:
                errors.append(error_line(source, *error))
        writer.write(batch)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return {"index": index, "converted": converted, "errors": errors}


class OutputRefused(Exception):
    """OUT cannot be used as the folder of part files (a usage error)."""


_PART = re.compile(r"part-\d{5}\.(?:jsonl|csv|parquet)")


def output_folders(out: str | Path, fmt: str) -> list[Path]:
    return [Path(out)] + ([charts_path(out, fmt)] if fmt != "jsonl" else [])


def check_output(out: str | Path, fmt: str, inputs: Iterable[str], overwrite: bool) -> None:
    """Refuse (:class:`OutputRefused`) an OUT folder that is or holds an input, or one
    that is not empty unless ``overwrite`` is given."""
    real_inputs = [Path(os.path.realpath(p)) for p in inputs]
    for folder in output_folders(out, fmt):
        if folder.exists() and not folder.is_dir():
            raise OutputRefused(f"{folder}: exists and is not a folder (--engine dask "
                                "writes a folder of part files)")
        real = Path(os.path.realpath(folder))
        for source in real_inputs:
            if source == real or source.is_relative_to(real):
                raise OutputRefused(f"{folder}: is or holds the input {source}; write the "
                                    "part files elsewhere")
        if folder.is_dir() and not overwrite and any(folder.iterdir()):
            raise OutputRefused(f"{folder}: folder is not empty; give an empty or new folder, "
                                "or --overwrite to replace the part files of an earlier run")


def prepare_output(out: str | Path, fmt: str) -> None:
    """Create OUT (and the charts folder); remove only earlier part files of our own."""
    for folder in output_folders(out, fmt):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if _PART.fullmatch(old.name) and old.is_file() and not old.is_symlink():
                old.unlink()


@contextmanager
def _client(scheduler: str | None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a 2-worker LocalCluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="20s") as client:
            yield client
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def run_dask(
    inputs: Iterable[str], options: InputOptions, *, fmt: str, out: str | Path,
    errors: str | Path, scheduler: str | None, max_bytes: int, progress: Any,
) -> tuple[int, int]:
    """Convert on a cluster; returns (converted, failed)."""
    try:
        import dask.bag as db
        from distributed import as_completed
    except ImportError:
        raise DaskUnavailable("--engine dask needs Dask: pip install 'chartparse[dask]'") from None
    units = plan_units(inputs, options)
    prepare_output(out, fmt)
    with _client(scheduler) as client:
        specs = list(enumerate(units))
        bag = db.from_sequence(specs, npartitions=max(1, len(specs)))
        parts = bag.map(convert_part, fmt=fmt, max_bytes=max_bytes, out=str(Path(out).resolve()),
                        columns=options.columns)
        futures = client.compute(parts.to_delayed())
        for future in as_completed(futures):
            for part in future.result():
                progress.advance(part["converted"] + len(part["errors"]))
        results = [part for partition in client.gather(futures) for part in partition]
    results.sort(key=lambda part: part["index"])
    if Path(errors).is_file() and not Path(errors).is_symlink():
        Path(errors).unlink()  # an earlier run's; created again only if needed
    if any(part["errors"] for part in results):
        with open(errors, "w", encoding="utf-8", newline="\n", errors="backslashreplace") as fh:
            for part in results:
                fh.writelines(part["errors"])
    converted = sum(part["converted"] for part in results)
    failed = sum(len(part["errors"]) for part in results)
    return converted, failed


def read_parts(out: str | Path, fmt: str = "jsonl") -> Iterator[Path]:
    """The part files of a Dask run, in input order."""
    yield from sorted(Path(out).glob(f"part-*.{fmt}"))
