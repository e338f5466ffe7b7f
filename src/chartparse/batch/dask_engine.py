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
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .datasets import Columns, DatasetError, iter_jsonl, iter_parquet, jsonl_slices, parquet_slices
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
    elif unit[0] == "jsonl":
        _, path, start, end, first = unit
        yield from iter_jsonl(path, columns, start, end, first)
    else:
        _, path, group, first = unit
        yield from iter_parquet(path, columns, [group], first)


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


def prepare_output(out: str | Path, fmt: str) -> None:
    """OUT (and the charts folder) as empty folders; refuses to replace a file."""
    folders = [Path(out)] + ([charts_path(out, fmt)] if fmt != "jsonl" else [])
    for folder in folders:
        if folder.exists() and not folder.is_dir():
            raise FileExistsError(f"{folder}: exists and is not a folder (--engine dask "
                                  "writes a folder of part files)")
    for folder in folders:
        if folder.exists():
            for old in folder.glob("part-*"):
                if old.is_file():
                    old.unlink()
                elif old.is_dir():
                    shutil.rmtree(old)
        folder.mkdir(parents=True, exist_ok=True)


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
    with open(errors, "w", encoding="utf-8", newline="\n") as fh:
        for part in results:
            fh.writelines(part["errors"])
    converted = sum(part["converted"] for part in results)
    failed = sum(len(part["errors"]) for part in results)
    return converted, failed


def read_parts(out: str | Path, fmt: str = "jsonl") -> Iterator[Path]:
    """The part files of a Dask run, in input order."""
    yield from sorted(Path(out).glob(f"part-*.{fmt}"))
