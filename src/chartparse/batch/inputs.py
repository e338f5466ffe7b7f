"""A batch's inputs, in a fixed order: files, folders walked recursively, datasets.

- A file named on the command line is an input whatever its name (a ``.jsonl`` or
  ``.parquet`` file is a dataset: each row is an input).
- A folder is walked depth first in sorted name order; files whose name matches
  ``*.md``, ``*.txt`` or a ``--glob`` pattern are inputs (a pattern with a ``/`` is
  matched against the path relative to the folder). Symlinks are followed, but each
  real file and each real folder is visited once per run (however many links lead to
  it); a symlinked folder that leads back to one of its own ancestors is a symlink loop.
- This run's own output files are never read back, even when a symlink leads to them.
- Anything that cannot be listed or followed becomes an error task, never an exception:
  it still counts as one input and gets one line in the errors file.

Entries are produced lazily: a corpus is never held in memory (only the names of one
folder at a time, and one integer per real file and folder already visited).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from .datasets import Columns, count_rows, is_dataset, iter_rows
from .tasks import Task, error_task, path_task

DEFAULT_PATTERNS = ("*.md", "*.txt")
DATASET = "dataset"


@dataclass(frozen=True, slots=True)
class InputOptions:
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    columns: Columns = field(default_factory=Columns)
    outputs: tuple[str, ...] = ()  # this run's output files: never read as inputs


class _Visit:
    """What one pass over the inputs has seen: real files and folders, by device and inode."""

    def __init__(self, options: InputOptions) -> None:
        self.options = options
        self.seen: set[int] = set()
        self.output_names = {os.path.basename(p) for p in options.outputs}
        self.outputs = {os.path.realpath(p) for p in options.outputs}

    def first_time(self, st: os.stat_result) -> bool:
        key = (st.st_dev << 64) | st.st_ino
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def is_output(self, path: str, name: str) -> bool:
        return name in self.output_names and os.path.realpath(path) in self.outputs


def iter_entries(inputs: Iterable[str], options: InputOptions) -> Iterator[Task]:
    """Files and failures as tasks; datasets as ``(DATASET, path, None)`` (not expanded)."""
    visit = _Visit(options)
    for raw in inputs:
        yield from _entry(str(raw), visit)


def iter_tasks(inputs: Iterable[str], options: InputOptions,
               duplicates: Callable[[str, int], None] | None = None) -> Iterator[Task]:
    """Every input as a task, dataset rows included, in a deterministic order.

    ``duplicates(dataset, n)`` hears of dataset rows whose id repeated an earlier one's.
    """
    for kind, source, payload in iter_entries(inputs, options):
        if kind == DATASET:
            assert source is not None
            yield from iter_rows(source, options.columns, duplicates)
        else:
            yield (kind, source, payload)


def count_inputs(inputs: Iterable[str], options: InputOptions) -> int:
    """How many inputs there are (datasets counted from their metadata), for progress."""
    total = 0
    for kind, source, _ in iter_entries(inputs, options):
        total += count_rows(source) if kind == DATASET and source else 1
    return total


def input_folders(inputs: Iterable[str]) -> list[Path]:
    """The resolved folders among the inputs (outputs must not be written inside them)."""
    return [Path(raw).resolve() for raw in inputs if os.path.isdir(raw)]


def _entry(path: str, visit: _Visit) -> Iterator[Task]:
    try:
        st = os.stat(path)
    except OSError as err:
        yield _stat_error(path, err)
        return
    if not visit.first_time(st):
        return  # named twice, or inside a folder already walked
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(path, path, frozenset({(st.st_dev, st.st_ino)}), visit)
    elif is_dataset(path):
        yield (DATASET, path, None)
    else:
        yield path_task(path)


def _stat_error(path: str, err: OSError) -> Task:
    if err.errno == errno.ELOOP:
        return error_task(path, "symlink-loop", f"{path}: symlink loop")
    if err.errno == errno.ENOENT:
        if os.path.islink(path):
            return error_task(path, "missing", f"{path}: broken symlink")
        return error_task(path, "missing", f"{path}: no such file or folder")
    return error_task(path, "unreadable", f"{path}: cannot read: {err.strerror or err}")


def _walk(
    root: str, folder: str, ancestors: frozenset[tuple[int, int]], visit: _Visit
) -> Iterator[Task]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as err:
        yield error_task(folder, "unreadable",
                         f"{folder}: cannot list folder: {err.strerror or err}")
        return
    patterns = visit.options.patterns
    for name in names:
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
        except OSError as err:
            if _matches(root, path, name, patterns) or err.errno == errno.ELOOP:
                yield _stat_error(path, err)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield error_task(path, "symlink-loop",
                                 f"{path}: symlink loop (leads back to a folder above it)")
                continue
            if visit.first_time(st):  # a folder reached by several links is walked once
                yield from _walk(root, path, ancestors | {key}, visit)
        elif _matches(root, path, name, patterns):
            if visit.is_output(path, name):
                continue  # this run's own output, reached through a link: never read back
            if not visit.first_time(st):
                continue
            yield (DATASET, path, None) if is_dataset(path) else path_task(path)


def _matches(root: str, path: str, name: str, patterns: tuple[str, ...]) -> bool:
    lowered = name.lower()
    for pattern in patterns:
        if "/" in pattern:
            relative = Path(os.path.relpath(path, root)).as_posix()
            if fnmatchcase(relative, pattern):
                return True
        elif fnmatchcase(lowered, pattern.lower()):
            return True
    return False
