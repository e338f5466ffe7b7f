"""The tidy points table: rows, CSV with the standard library, DataFrame with pandas.

One row per point, columns ``panel, series, axis, x, y, approx, x_unit, y_unit, line``.
Within a series, numeric-x points are ordered by x (categories keep the stated order);
``line`` is the source line each point was read from. A missing panel or unit is None
(an empty cell in CSV, a null in Parquet and pandas).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ..models import Chart, Point, Series

COLUMNS = ["panel", "series", "axis", "x", "y", "approx", "x_unit", "y_unit", "line"]


def ordered_points(chart: Chart, series: Series) -> list[Point]:
    """The series' points, numeric x ascending; as stated for categories and pie slices.

    The same rule as the reader's ``extract.finalize.order_points_by_x``, applied again
    here so that charts built by hand come out ordered too.
    """
    points = series.points
    if chart.kind == "pie" or len(points) < 2 or any(isinstance(p.x, str) for p in points):
        return list(points)
    axis = next((a for a in chart.axes if a.role == "x" and a.panel == series.panel), None) or next(
        (a for a in chart.axes if a.role == "x" and a.panel is None), None)
    if axis is not None and axis.scale == "categorical":
        return list(points)
    return sorted(points, key=lambda p: float(p.x))


def point_rows(chart: Chart) -> list[dict[str, Any]]:
    """The tidy points table as plain rows (one per point, see the module docstring)."""
    units = {a.role: a.unit for a in chart.axes if a.panel is None}
    rows = []
    for s in chart.series:
        for p in ordered_points(chart, s):
            rows.append({
                "panel": s.panel or None,
                "series": s.name,
                "axis": s.axis,
                "x": p.x,
                "y": p.y,
                "approx": p.approx,
                "x_unit": units.get("x") or None,
                "y_unit": units.get(s.axis) or None,
                "line": p.line,
            })
    return rows


def points_csv(chart: Chart) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in point_rows(chart):
        writer.writerow(row)
    return out.getvalue()


def points_dataframe(chart: Chart) -> pandas.DataFrame:
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "Chart.to_dataframe() needs pandas: pip install 'chartparse[data]'"
        ) from err
    frame = pd.DataFrame(point_rows(chart), columns=COLUMNS)
    # x mixes numbers and category labels across charts; keep it as objects.
    frame["x"] = frame["x"].astype(object)
    frame["line"] = frame["line"].astype("Int64")
    return frame
