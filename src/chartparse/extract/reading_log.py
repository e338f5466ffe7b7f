"""What the statement forms read that the chart keeps no trace of, for ``chartparse explain``.

A summary value (start, end, min, max) a form read and the reader applied to a series
may be dropped by the series (it keeps the first it was given); the chart then holds
no number to credit it with. :func:`log_summaries` records, per source line, each
applied summary value with the form that read it, in ``Trace.summaries``.
"""

from __future__ import annotations

from .claims import Reading
from .trace import Trace


def log_summaries(trace: Trace, reading: Reading, line: int | None) -> None:
    """Record the summary values of an applied ``reading`` under its source ``line``."""
    if line is None or not reading.summary_rules:
        return
    logged = trace.summaries.setdefault(line, [])
    for key, (form, _start, _end) in reading.summary_rules.items():
        value = reading.summary.get(key)
        if isinstance(value, int | float):
            logged.append((float(value), form))
