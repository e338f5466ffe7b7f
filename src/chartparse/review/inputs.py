"""What ``chartparse review`` reads: ``chartparse batch`` inputs, and batch output.

Files, folders and datasets are read as ``batch`` reads them. A ``.jsonl`` file of chart
records (what ``chartparse batch --to jsonl`` writes: objects with ``schema_version``)
stands for the descriptions it was made from: each record's ``source`` file is read again
(as written, else relative to the records file), since a record does not hold the text.
A record whose source was a dataset row (``DATASET#ID``) or is gone becomes a failure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..batch.inputs import InputOptions, iter_tasks
from ..batch.tasks import PATH, Task, error_task


def review_tasks(inputs: Iterable[str], options: InputOptions) -> Iterator[Task]:
    for raw in inputs:
        if is_batch_output(raw):
            yield from batch_sources(raw)
        else:
            yield from iter_tasks([raw], options)


def is_batch_output(path: str) -> bool:
    """True for a .jsonl file whose first record is a chart (not a row holding a text)."""
    if not path.lower().endswith(".jsonl") or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "schema_version" in record
    except (OSError, ValueError):
        return False
    return False


def batch_sources(path: str) -> Iterator[Task]:
    """One task per record: the description file the record was read from."""
    folder = Path(path).parent
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except ValueError:
                yield error_task(where, "bad-record", f"{where}: not a JSON record")
                continue
            source = record.get("source") if isinstance(record, dict) else None
            if not isinstance(source, str) or not source:
                yield error_task(where, "no-source", f"{where}: the record names no source")
                continue
            found = _locate(source, folder)
            if found is None:
                reason = ("was a dataset row: review the dataset itself" if "#" in source
                          else "no such file")
                yield error_task(source, "missing", f"{source} (from {where}): {reason}")
            else:
                yield (PATH, found, None)


def _locate(source: str, folder: Path) -> str | None:
    for candidate in (Path(source), folder / source):
        if candidate.is_file():
            return str(candidate)
    return None
