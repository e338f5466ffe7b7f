"""Adding what a line states to a series: one point, or a statement's whole reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .narrative import Reading
from .reading_log import log_summaries
from .state import PointDraft, SeriesDraft
from .text import MAX_VALUES_PER_TEXT

if TYPE_CHECKING:  # pragma: no cover
    from .scope import Scope
    from .walker import Walker


def add_point(w: Walker, series: SeriesDraft, x: int | float | str, y: int | float, approx: bool,
              line: int | None, label: str | None = None, rule: str | None = None) -> None:
    # A scatter plot may have several dots at one x; a line has one value per x.
    trace = w.state.trace
    if not series.add_point(PointDraft(x, y, approx, line, label, rule or trace.current),
                            unique_x=w.state.kind != "scatter") and line is not None:
        trace.repeats.setdefault(line, []).append((x, y, rule or trace.current or "point"))


def apply_reading(w: Walker, reading: Reading, series: SeriesDraft, line: int | None,
                  label: str | None = None) -> None:
    if reading.capped and line not in w.memo.capped_lines:
        w.memo.capped_lines.add(line)
        w.state.chart.warn("too-many-values", f"only the first {MAX_VALUES_PER_TEXT} values of "
                           "this line were read", line)
    for p in reading.points:
        add_point(w, series, p.x, p.y, p.approx, line, label, p.rule)
    for k, v in reading.summary.items():
        series.set_summary(k, v, line)
    log_summaries(w.state.trace, reading, line)
    if reading.value_label and reading.points:
        series.value_labels[reading.value_label] = series.value_labels.get(
            reading.value_label, 0) + 1
    if reading.points or reading.summary:
        series.touch(line)


def target(w: Walker, scope: Scope) -> SeriesDraft:
    return scope.series or w.state.default_series(scope.panel)
