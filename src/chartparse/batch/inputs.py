"""A batch's inputs, in a fixed order: files, folders walked recursively, datasets.

- A file named on the command line is an input whatever its name (a ``.jsonl`` or
  ``.parquet`` file is a dataset: each row is an input).
- A folder is walked depth first in sorted name order; files whose name matches
  ``*.md``, ``*.txt`` or a ``--glob`` pattern are inputs (a pattern with a ``/`` is
  matched against the path relative to the folder). Symlinks are followed; a symlinked
  folder that leads back to one of its own ancestors is a symlink loop.
- Anything that cannot be listed or followed becomes an error task, never an exception:
  it still counts as one input and gets one line in the errors file.

Entries are produced lazily: a corpus of any size is never held in memory (only the
names of one folder at a time).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from .datasets import Columns, count_rows, is_dataset, iter_rows
from .tasks import PATH, Task, error_task

DEFAULT_PATTERNS = ("*.md", "*.txt")
DATASET = "dataset"


@dataclass(frozen=True, slots=True)
class InputOptions:
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    columns: Columns = field(default_factory=Columns)


def iter_entries(inputs: Iterable[str], options: InputOptions) -> Iterator[Task]:
    """Files and failures as tasks; datasets as ``(DATASET, path, None)`` (not expanded)."""
    for raw in inputs:
        yield from _entry(str(raw), options)


def iter_tasks(inputs: Iterable[str], options: InputOptions) -> Iterator[Task]:
    """Every input as a task, dataset rows included, in a deterministic order."""
    for kind, source, payload in iter_entries(inputs, options):
        if kind == DATASET:
            assert source is not None
            yield from iter_rows(source, options.columns)
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


def _entry(path: str, options: InputOptions) -> Iterator[Task]:
    try:
        st = os.stat(path)
    except OSError as err:
        yield _stat_error(path, err)
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(path, path, frozenset({(st.st_dev, st.st_ino)}), options)
    elif is_dataset(path):
        yield (DATASET, path, None)
    else:
        yield (PATH, path, None)


def _stat_error(path: str, err: OSError) -> Task:
    if err.errno == errno.ELOOP:
        return error_task(path, "symlink-loop", f"{path}: symlink loop")
    if err.errno == errno.ENOENT:
        if os.path.islink(path):
            return error_task(path, "missing", f"{path}: broken symlink")
        return error_task(path, "missing", f"{path}: no such file or folder")
    return error_task(path, "unreadable", f"{path}: cannot read: {err.strerror or err}")


def _walk(
    root: str, folder: str, ancestors: frozenset[tuple[int, int]], options: InputOptions
) -> Iterator[Task]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as err:
        yield error_task(folder, "unreadable",
                         f"{folder}: cannot list folder: {err.strerror or err}")
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
        except OSError as err:
            if _matches(root, path, name, options.patterns) or err.errno == errno.ELOOP:
                yield _stat_error(path, err)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield error_task(path, "symlink-loop",
                                 f"{path}: symlink loop (leads back to a folder above it)")
                continue
            yield from _walk(root, path, ancestors | {key}, options)
        elif _matches(root, path, name, options.patterns):
            yield (DATASET, path, None) if is_dataset(path) else (PATH, path, None)


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
