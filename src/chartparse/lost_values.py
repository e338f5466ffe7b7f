"""A cheap check after extraction: a data line whose numbers all went nowhere.

A line a data rule (``keyed.*``, ``line.*``) claimed, that produced no point and no
summary, and whose numbers are neither rejected by name (rejections.REJECTIONS) nor
restatements of values the chart holds, lost its values silently: it gets an
``unclaimed-values`` warning. Only such candidate lines are scanned for numbers, so
the cost is a pass over the points and the traced lines.
"""

from __future__ import annotations

import re
from typing import Final

from .extract.state import ChartDraft
from .number_columns import raw_numbers
from .rejection_spans import rejected_spans, rejection_for
from .rejections import LINE_REASONS, LIST_NUMBERING

# Lines no rule claimed are left to `chartparse explain`: checking them here would
# scan every line of prose for numbers, too slow for the parse path.
DATA_RULE_PREFIXES = ("keyed.", "line.")
_HAS_DIGIT: Final = re.compile(r"\d").search
_PLAIN_NUMBER: Final = re.compile(r"\d{1,15}(?:\.\d{1,15})?")
CODE = "unclaimed-values"


def warn_lost_values(draft: ChartDraft, text: str) -> None:
    """Add an ``unclaimed-values`` warning to ``draft`` for each data line that lost its values."""
    traced = draft.trace.lines
    data_lines = [no for no, rule in traced.items()
                  if rule.startswith(DATA_RULE_PREFIXES) and rule not in LINE_REASONS]
    if not data_lines:
        return
    used: set[int | None] = set()
    for series in draft.series:
        used.update(p.line for p in series.points)
        used.update(series.summary_lines.values())
    candidates = sorted(no for no in data_lines if no not in used)
    if not candidates:
        return
    rows = text.split("\n")
    values: set[float] | None = None
    names: list[str] = []
    for no in candidates:
        raw = rows[no - 1] if 0 < no <= len(rows) else ""
        if not _HAS_DIGIT(raw):
            continue
        if values is None:
            values = _chart_values(draft)
            names = [s.name.lower() for s in draft.series if _HAS_DIGIT(s.name)]
        if names and any(name in raw.lower() for name in names):
            continue  # the digits belong to a series name ('d=512'), read as a series
        lost = _lost_numbers(raw, values)
        if lost:
            draft.warn(CODE, f"no rule read the numbers of this line ({', '.join(lost[:4])})", no)


def _chart_values(draft: ChartDraft) -> set[float]:
    """Every number the chart holds (points, summaries, axes), to spot restatements.
    (Exact floats: a restatement is read from the same digits as the value it restates.)"""
    values: set[float] = set()
    for series in draft.series:
        for p in series.points:
            values.add(p.y)
            if not isinstance(p.x, str):
                values.add(p.x)
        values.update(v for v in series.summary.values() if isinstance(v, int | float))
    for axis in draft.axes:
        values.update(v for v in (axis.min, axis.max, *axis.ticks) if isinstance(v, int | float))
    return values


def _lost_numbers(raw: str, values: set[float]) -> list[str]:
    """The numbers of ``raw`` if none of them is accounted for, else nothing."""
    # Most candidates restate a value the chart holds ('Epoch 4:' over its points):
    # plain digit runs find that before the full value scan runs.
    if any(float(m.group(0)) in values for m in _PLAIN_NUMBER.finditer(raw)):
        return []
    found = raw_numbers(raw)
    if not found or any(isinstance(q.value, int | float) and round(float(q.value), 9) in values
                        for _s, _e, q in found):
        return []
    spans = rejected_spans(raw, excusing_loss=True)
    numbering = LIST_NUMBERING.match(raw)
    if numbering:
        spans.append((numbering.start(1), numbering.end(1), "list-numbering"))
    if any(rejection_for(start, end, spans) is not None for start, end, _q in found):
        return []
    return [raw[start:end].strip() for start, end, _q in found]
