"""A worker-side stand-in for tests of the hard time limit: ``convert_chunk`` whose
inputs holding ``HANG`` block with the alarm signal masked, as compiled code that never
looks at signals would; inputs holding ``CRASH`` kill their worker.
Importable by spawned workers (they share the test's sys.path)."""

from __future__ import annotations

import os
import signal
import time

from chartparse.batch import workers

_real_convert = workers.convert


def _hanging_convert(task: workers.Task, fmt: str, max_bytes: int,
                     timeout: float | None = None) -> workers.Result:
    if isinstance(task[2], str) and "HANG" in task[2]:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if isinstance(task[2], str) and "CRASH" in task[2]:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return _real_convert(task, fmt, max_bytes, timeout)


def convert_chunk(job: workers.Job) -> list[workers.Result]:
    workers.HARD_GRACE = 0.5
    workers.convert = _hanging_convert  # type: ignore[assignment]
    return workers.convert_chunk(job)
