"""The local engine: tasks in, lists of results out, in input order, in flat memory.

Tasks are grouped into chunks (``chunk_size`` tasks per inter-process message, to
amortise pickling and pipe round trips). With ``jobs > 1`` chunks go to a pool of
``spawn``-ed worker processes, with at most ``jobs * WINDOW`` chunks in flight: the
input iterator is only advanced as results are written, so neither the inputs nor the
results of a large corpus ever pile up in memory (``Pool.imap`` has no such bound: its
feeder thread reads inputs ahead as fast as the pipe takes them, and finished results
queue up without limit). Results are taken back oldest chunk first, so the output keeps
the input order. ``ProcessPoolExecutor`` is used rather than ``Pool`` because a worker
that dies (e.g. killed for memory) raises ``BrokenProcessPool`` instead of hanging.
``jobs == 1`` runs in this process, without a pool.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice

from .tasks import Result, Task
from .workers import convert_chunk, init_worker

WINDOW = 16
DEFAULT_CHUNK = 32


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, multiprocessing.cpu_count())


def chunked(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    iterator = iter(tasks)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_chunks(
    tasks: Iterable[Task], fmt: str, *, jobs: int, max_bytes: int, chunk_size: int = DEFAULT_CHUNK
) -> Iterator[list[Result]]:
    """Convert ``tasks``; yield one list of results per chunk, in input order."""
    chunks = chunked(tasks, max(1, chunk_size))
    if jobs <= 1:
        for chunk in chunks:
            yield convert_chunk((fmt, max_bytes, chunk))
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker)
    in_flight: deque[Future[list[Result]]] = deque()
    try:
        # Workers are spawned by the first submits; while they start (and before their
        # initializer runs) Ctrl-C must not reach them, so they inherit SIGINT blocked.
        with _sigint_deferred():
            for chunk in chunks:
                in_flight.append(pool.submit(convert_chunk, (fmt, max_bytes, chunk)))
                if len(in_flight) >= jobs * WINDOW:
                    break
        for chunk in chunks:
            yield in_flight.popleft().result()
            in_flight.append(pool.submit(convert_chunk, (fmt, max_bytes, chunk)))
        while in_flight:
            yield in_flight.popleft().result()
    except BaseException:
        # Ctrl-C, an error, or the consumer stopped early: the chunks in flight are not
        # wanted (a resumed run redoes them), so stop the workers now, without waiting.
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Block SIGINT here: a Ctrl-C waits until the block ends (then interrupts as usual).

    Processes started meanwhile inherit the blocked mask, so they cannot be interrupted
    while they import; their initializer then ignores SIGINT and unblocks it.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
