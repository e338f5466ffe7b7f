"""Converting many descriptions at once: ``chartparse batch`` and :func:`parse_many`.

Modules, each with one job:

- ``inputs``   — enumerate a batch's inputs (files, folders, datasets) in a fixed order.
- ``datasets`` — read ``.jsonl`` / ``.parquet`` datasets row by row, or slice them for Dask.
- ``workers``  — turn one input into one encoded record or one error (runs in worker processes).
- ``engine``   — the local engine: a process pool with a bounded window of chunks, in order.
- ``writers``  — append records and errors to the output files, one whole line at a time.
- ``resume``   — what an earlier, interrupted run already wrote (and cleaning its torn tail).
- ``progress`` — the progress bar (rich, only on a terminal) and the closing summary line.
- ``dask_engine`` — the same conversion on a Dask cluster, writing part files.
- ``many``     — the library entry point :func:`parse_many`.
- ``cli``      — the ``chartparse batch`` command.

Nothing here imports pandas, pyarrow, rich or dask at import time.
"""

from __future__ import annotations

from .many import parse_many

__all__ = ["parse_many"]
