"""Turning tasks into results; this runs inside the worker processes.

Everything a worker needs is a top-level function of an importable module, so the pool
works with the ``spawn`` start method. A result carries the record already encoded for
the output format (a JSON line, CSV lines, or Parquet row tuples), so the parent
process only writes, and the chart objects never cross a process boundary.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import stat
import sys
import threading
import time
from pathlib import Path
from typing import Any

from ..api import parse_source
from ..errors import ChartParseError
from ..export.table import COLUMNS
from ..models import Chart, Diagnostic
from ..source import Source, decode, from_text, read_path
from .tasks import ERROR, PATH, Result, Task, printable

POINT_COLUMNS = ["source", *COLUMNS]
CHART_COLUMNS = ["source", "kind", "title", "n_axes", "axis_labels", "n_series", "n_points",
                 "n_diagnostics"]

DEFAULT_TIMEOUT = 120.0
# Past the limit plus this, an input the alarm could not stop (compiled code does not
# look at signals in its loops) is given up by ending the worker (see Watchdog).
HARD_GRACE = 10.0

Job = tuple[str, int, list[Task], float | None, int]  # ..., timeout, chunk serial


class InputTimeout(BaseException):
    """The per-input limit (``--timeout``) ran out. A BaseException, so that the library's
    own ``except Exception`` (which turns bugs into diagnostics) lets it through."""


def init_worker(parent: int | None = None, poison_dir: str | None = None) -> None:
    """Set up a worker process.

    Ctrl-C and SIGTERM are left to the parent, which stops the pool and closes the
    files. The worker dies with its parent: on Linux the kernel sends SIGKILL when the
    parent goes (PR_SET_PDEATHSIG); elsewhere a thread watches the parent's pid.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # started with SIGINT blocked (see engine)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if parent is not None:
        _die_with_parent(parent)
    if poison_dir is not None:
        Watchdog.start(Path(poison_dir))


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    if os.getppid() != parent:  # the parent went before the line above ran
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="chartparse-parent-watch", daemon=True).start()


class Watchdog:
    """Ends the worker when one input runs far past its limit and the alarm did not stop
    it. It first writes where that input is (chunk serial, index) to ``poison_dir/PID``,
    so the parent can record it as timed out, start a new pool and convert the rest.

    The worker also keeps ``poison_dir/PID.current`` saying which input it is reading
    (or ``idle``), so that when it dies outright (killed for memory, a crash) the parent
    can name that input as the cause and go on with the others."""

    current: tuple[int, int, float, float] | None = None  # serial, index, started, limit
    marker: int | None = None  # the descriptor of PID.current

    @classmethod
    def start(cls, poison_dir: Path) -> None:
        cls.marker = os.open(poison_dir / f"{os.getpid()}.current",
                             os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        cls.mark(None, 0)

        def watch() -> None:
            while True:
                time.sleep(0.25)
                current = cls.current
                if current is None:
                    continue
                serial, index, started, limit = current
                if time.monotonic() - started > limit + HARD_GRACE and cls.current is current:
                    (poison_dir / str(os.getpid())).write_text(f"{serial} {index} {limit}\n",
                                                              encoding="utf-8")
                    os._exit(3)

        threading.Thread(target=watch, name="chartparse-watchdog", daemon=True).start()

    @classmethod
    def mark(cls, serial: int | None, index: int) -> None:
        if cls.marker is not None:
            text = "idle" if serial is None else f"{serial} {index}"
            os.pwrite(cls.marker, text.ljust(40).encode("ascii"), 0)


def convert_chunk(job: Job) -> list[Result]:
    fmt, max_bytes, tasks, timeout, serial = job
    results = []
    for index, task in enumerate(tasks):
        Watchdog.mark(serial, index)
        if timeout:
            Watchdog.current = (serial, index, time.monotonic(), timeout)
        try:
            results.append(convert(task, fmt, max_bytes, timeout))
        except InputTimeout:  # the alarm rang as convert() was returning
            results.append((task[1], None, timed_out_error(task[1], timeout)))
    Watchdog.current = None
    Watchdog.mark(None, 0)
    return results


def crashed_error(source: str | None) -> tuple[str, str]:
    return ("worker-crashed", f"{source or 'input'}: the worker reading it died (killed, "
                              "perhaps for memory); the other inputs went on")


def timed_out_error(source: str | None, limit: float | None) -> tuple[str, str]:
    return ("timeout", f"{source or 'input'}: still reading after {limit or 0:g} s "
                       "(--timeout); given up")


def _on_alarm(signum: int, frame: object) -> None:
    raise InputTimeout


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def convert(task: Task, fmt: str, max_bytes: int, timeout: float | None = None) -> Result:
    """One task -> one result. Never raises: every failure becomes an error result.

    With ``timeout`` (seconds), an input still being read after that long becomes a
    ``timeout`` error (checked by an alarm in the main thread of a process).
    """
    kind, source, payload = task
    if kind == ERROR:
        return (source, None, payload)
    limit = timeout if timeout and timeout > 0 and _alarm_usable() else None
    if limit is not None:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        src = _read(payload or source, max_bytes) if kind == PATH else \
            _text(source, payload, max_bytes)
        src.path = source
        chart = parse_source(src)
        return (source, ENCODERS[fmt](chart, source), None)
    except InputTimeout:
        return (source, None, timed_out_error(source, limit))
    except ChartParseError as err:
        return (source, None, (err.code, printable(str(err))))
    except Exception as err:  # a bug must cost one record, not the whole batch
        return (source, None, ("internal-error",
                               printable(f"{source}: {type(err).__name__}: {err}")))
    finally:
        if limit is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _read(path: str | None, max_bytes: int) -> Source:
    assert path is not None
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # read_path gives the precise one-line reason
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A FIFO or device would block or never end: refuse before opening it.
        raise ChartParseError(f"{path}: not a regular file", path=path, code="not-a-file")
    return read_path(path, max_bytes=max_bytes)


def _text(source: str | None, payload: str | bytes, max_bytes: int) -> Source:
    size = len(payload) if isinstance(payload, bytes) else _utf8_size(payload, max_bytes)
    if size > max_bytes:
        raise ChartParseError(
            f"{source}: text is {size} bytes, over the limit of {max_bytes} (--max-bytes)",
            path=source, code="too-large")
    src = decode(payload) if isinstance(payload, bytes) else from_text(payload)
    src.path = source
    return src


def _utf8_size(text: str, max_bytes: int) -> int:
    # Encoding is only needed when the text might be over the limit.
    return len(text) if len(text) * 4 <= max_bytes else len(text.encode("utf-8", "replace"))


# -- encoders: Chart -> what the writer for a format needs ---------------------------


def chart_row(chart: Chart, source: str | None) -> tuple[Any, ...]:
    """The charts table row: one per description."""
    return (
        source,
        chart.kind,
        chart.title,
        len(chart.axes),
        [axis.label for axis in chart.axes],
        len(chart.series),
        sum(len(s.points) for s in chart.series),
        len(chart.diagnostics),
    )


def _jsonl(chart: Chart, source: str | None) -> str:
    return chart.to_json(indent=None)


def one_line(value: Any) -> Any:
    # CSV rows stay one physical line each, so resume can cut the file by lines.
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return value.replace("\r", " ").replace("\n", " ")
    return value


def _csv(chart: Chart, source: str | None) -> tuple[str, str]:
    points = io.StringIO()
    writer = csv.writer(points, lineterminator="\n")
    rows = chart.point_rows()
    for row in rows:
        writer.writerow([one_line(source)] + [one_line(row[c]) for c in COLUMNS])
    ledger = io.StringIO()
    chart_cells = list(chart_row(chart, source))
    chart_cells[6] = len(rows)  # resume checks the points file against this count
    chart_cells[4] = " | ".join(label or "" for label in chart_cells[4])
    csv.writer(ledger, lineterminator="\n").writerow([one_line(v) for v in chart_cells])
    return points.getvalue(), ledger.getvalue()


def _parquet(chart: Chart, source: str | None) -> tuple[list[tuple[Any, ...]], tuple[Any, ...]]:
    points = []
    for row in chart.point_rows():
        x = row["x"]
        x_value = float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None
        points.append((source, row["panel"], row["series"], row["axis"], str(x), x_value,
                       float(row["y"]), bool(row["approx"]), row["x_unit"], row["y_unit"]))
    return points, chart_row(chart, source)


def _chart(chart: Chart, source: str | None) -> Chart:
    return chart


ENCODERS = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "chart": _chart}


def error_chart(source: str | None, code: str, message: str) -> Chart:
    """What :func:`parse_many` yields for an input that could not be read."""
    return Chart(kind="other", source=source,
                 diagnostics=[Diagnostic(severity="error", code=code, message=message)])
