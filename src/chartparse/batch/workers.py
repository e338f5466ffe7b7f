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
from typing import Any

from ..api import _from_source
from ..errors import ChartParseError
from ..export.table import COLUMNS
from ..models import Chart, Diagnostic
from ..source import Source, decode, from_text, read_path
from .tasks import ERROR, PATH, Result, Task

POINT_COLUMNS = ["source", *COLUMNS]
CHART_COLUMNS = ["source", "kind", "title", "n_axes", "axis_labels", "n_series", "n_points",
                 "n_diagnostics"]

Job = tuple[str, int, list[Task]]


def init_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and closes the files."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # started with SIGINT blocked (see engine)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def convert_chunk(job: Job) -> list[Result]:
    fmt, max_bytes, tasks = job
    return [convert(task, fmt, max_bytes) for task in tasks]


def convert(task: Task, fmt: str, max_bytes: int) -> Result:
    """One task -> one result. Never raises: every failure becomes an error result."""
    kind, source, payload = task
    if kind == ERROR:
        return (source, None, payload)
    try:
        src = _read(source, max_bytes) if kind == PATH else _text(source, payload, max_bytes)
        chart = _from_source(src)
        return (source, ENCODERS[fmt](chart, source), None)
    except ChartParseError as err:
        return (source, None, (err.code, str(err)))
    except Exception as err:  # a bug must cost one record, not the whole batch
        return (source, None, ("internal-error", f"{source}: {type(err).__name__}: {err}"))


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


def _one_line(value: Any) -> Any:
    # CSV rows stay one physical line each, so resume can cut the file by lines.
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return value.replace("\r", " ").replace("\n", " ")
    return value


def _csv(chart: Chart, source: str | None) -> tuple[str, str]:
    points = io.StringIO()
    writer = csv.writer(points, lineterminator="\n")
    for row in chart.point_rows():
        writer.writerow([_one_line(source)] + [_one_line(row[c]) for c in COLUMNS])
    ledger = io.StringIO()
    chart_cells = list(chart_row(chart, source))
    chart_cells[4] = " | ".join(label or "" for label in chart_cells[4])
    csv.writer(ledger, lineterminator="\n").writerow([_one_line(v) for v in chart_cells])
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
