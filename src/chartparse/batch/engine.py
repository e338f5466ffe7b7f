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

Workers die with the parent (see ``workers.init_worker``). With a ``timeout``, an input
that runs past it becomes a ``timeout`` error; one that the alarm cannot stop ends its
worker, which names the input in a poison file first. A worker that dies outright
(killed for memory, a crash) is found by the input it had marked as being read. Either
way the pool is started again, that input recorded as an error (``timeout`` or
``worker-crashed``), and the chunks in flight converted again.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import count, islice
from multiprocessing.connection import wait as wait_ready

from .tasks import ERROR, Result, Task
from .workers import convert_chunk, crashed_error, init_worker, timed_out_error

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
    tasks: Iterable[Task], fmt: str, *, jobs: int, max_bytes: int, chunk_size: int = DEFAULT_CHUNK,
    timeout: float | None = None,
) -> Iterator[list[Result]]:
    """Convert ``tasks``; yield one list of results per chunk, in input order."""
    chunks = chunked(tasks, max(1, chunk_size))
    if jobs <= 1:
        for chunk in chunks:
            yield convert_chunk((fmt, max_bytes, chunk, timeout, 0))
        return
    poison_dir = tempfile.mkdtemp(prefix="chartparse-watch-")
    pool = _new_pool(jobs, poison_dir)
    in_flight: deque[tuple[int, list[Task], Future[list[Result]]]] = deque()
    serials = count()

    def submit(chunk: list[Task], serial: int | None = None) -> None:
        serial = next(serials) if serial is None else serial
        job = (fmt, max_bytes, chunk, timeout, serial)
        in_flight.append((serial, chunk, pool.submit(convert_chunk, job)))

    try:
        # Workers are spawned by the first submits; while they start (and before their
        # initializer runs) Ctrl-C must not reach them, so they inherit SIGINT blocked.
        with _sigint_deferred():
            for chunk in chunks:
                submit(chunk)
                if len(in_flight) >= jobs * WINDOW:
                    break
        while in_flight:
            try:
                results = in_flight[0][2].result()
            except BrokenProcessPool:
                dead = _dead_workers(pool)
                _stop_workers(pool)
                pool.shutdown(wait=True, cancel_futures=True)
                lost = _read_poison(poison_dir, dead)
                if not lost:
                    raise
                with _sigint_deferred():
                    pool = _new_pool(jobs, poison_dir)
                    redo = [(serial, _give_up(serial, chunk, lost), future)
                            for serial, chunk, future in in_flight]
                    in_flight.clear()
                    for serial, chunk, future in redo:
                        if future.done() and not future.cancelled() and future.exception() is None:
                            in_flight.append((serial, chunk, future))
                        else:
                            submit(chunk, serial)
                continue
            in_flight.popleft()
            yield results
            for chunk in islice(chunks, 1):
                submit(chunk)
    except BaseException:
        # Ctrl-C, an error, or the consumer stopped early: the chunks in flight are not
        # wanted (a resumed run redoes them), so stop the workers now, without waiting.
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(poison_dir, ignore_errors=True)


def _new_pool(jobs: int, poison_dir: str) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker,
                               initargs=(os.getpid(), poison_dir))


def _dead_workers(pool: ProcessPoolExecutor) -> set[int]:
    """The pids of the pool's workers that have exited. Their sentinels tell, whoever
    reaped them (``is_alive()`` can race with the pool's own thread joining them)."""
    sentinels: dict[int, int] = {}
    for pid, process in dict(getattr(pool, "_processes", None) or {}).items():
        try:
            sentinels[process.sentinel] = pid
        except ValueError:  # closed: long gone
            continue
    return {sentinels[s] for s in wait_ready(list(sentinels), timeout=0)
            if isinstance(s, int)}


def _read_poison(poison_dir: str, dead: set[int]) -> dict[tuple[int, int], tuple[str, float]]:
    """The inputs that ended their worker, once every worker has stopped:
    (chunk serial, index in the chunk) -> ("timeout", limit) for one that ran past its
    limit, ("crash", 0) for one that a worker in ``dead`` (the pids that had died before
    the pool was stopped) was reading."""
    found: dict[tuple[int, int], tuple[str, float]] = {}
    for name in sorted(os.listdir(poison_dir)):
        path = os.path.join(poison_dir, name)
        try:
            with open(path, encoding="utf-8") as fh:
                words = fh.read().split()
            if name.endswith(".current"):
                if len(words) == 2 and int(name.split(".")[0]) in dead:  # died reading it
                    found.setdefault((int(words[0]), int(words[1])), ("crash", 0.0))
            else:
                found[(int(words[0]), int(words[1]))] = ("timeout", float(words[2]))
        except (OSError, ValueError, IndexError):
            continue
        finally:
            os.unlink(path)
    return found


def _give_up(serial: int, chunk: list[Task],
             lost: dict[tuple[int, int], tuple[str, float]]) -> list[Task]:
    tasks = list(chunk)
    for index, task in enumerate(chunk):
        cause = lost.get((serial, index))
        if cause is not None:
            error = (timed_out_error(task[1], cause[1]) if cause[0] == "timeout"
                     else crashed_error(task[1]))
            tasks[index] = (ERROR, task[1], error)
    return tasks


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.kill()  # workers ignore SIGTERM (it is the parent's to handle)


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
