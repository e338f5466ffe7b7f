"""The tidy points table: CSV with the standard library, DataFrame with pandas."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ..models import Chart

COLUMNS = ["panel", "series", "axis", "x", "y", "approx", "x_unit", "y_unit"]


def points_csv(chart: Chart) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in chart.point_rows():
        writer.writerow(row)
    return out.getvalue()


def points_dataframe(chart: Chart) -> pandas.DataFrame:
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "Chart.to_dataframe() needs pandas: pip install 'chartparse[data]'"
        ) from err
    rows = chart.point_rows()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    # x mixes numbers and category labels across charts; keep it as objects.
    frame["x"] = frame["x"].astype(object)
    return frame
