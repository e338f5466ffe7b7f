"""The tidy points table as Parquet (``--to parquet``; needs the ``data`` extra).

Columns: panel, series, axis, x, x_value, y, approx, x_unit, y_unit, line — one row per point,
in the order of :func:`chartparse.export.table.point_rows` (numeric x ascending within a
series), with nulls for a missing panel or unit and the source line of each point.
A chart's x values mix numbers and category labels, and a Parquet column has one type, so
``x`` is always a string (numbers written as chartparse writes them: ``50``, ``2.5``,
``1e+20``) and ``x_value`` holds the number as float64, null for a category label. ``y`` is float64.
The file's key-value metadata carries ``chartparse.schema_version``, ``.kind``,
``.title`` and ``.source``.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from .common import x_number, x_text
from .table import point_rows

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

    from ..models import Chart

COLUMNS = ["panel", "series", "axis", "x", "x_value", "y", "approx", "x_unit", "y_unit", "line"]


def points_table(chart: Chart) -> pyarrow.Table:
    """The points as a typed Arrow table (see the module docstring for the columns)."""
    try:
        import pyarrow as pa
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("--to parquet needs pyarrow: pip install 'chartparse[data]'") from err
    rows = point_rows(chart)
    schema = pa.schema([
        ("panel", pa.string()),
        ("series", pa.string()),
        ("axis", pa.string()),
        ("x", pa.string()),
        ("x_value", pa.float64()),
        ("y", pa.float64()),
        ("approx", pa.bool_()),
        ("x_unit", pa.string()),
        ("y_unit", pa.string()),
        ("line", pa.int32()),
    ])
    columns = {
        "panel": [r["panel"] for r in rows],
        "series": [r["series"] for r in rows],
        "axis": [r["axis"] for r in rows],
        "x": [x_text(r["x"]) for r in rows],
        "x_value": [x_number(r["x"]) for r in rows],
        "y": [float(r["y"]) for r in rows],
        "approx": [bool(r["approx"]) for r in rows],
        "x_unit": [r["x_unit"] for r in rows],
        "y_unit": [r["y_unit"] for r in rows],
        "line": [r["line"] for r in rows],
    }
    metadata = {
        "chartparse.schema_version": chart.schema_version,
        "chartparse.kind": chart.kind,
        "chartparse.title": chart.title or "",
        "chartparse.source": chart.source or "",
    }
    return pa.table(columns, schema=schema.with_metadata(metadata))


def points_parquet(chart: Chart) -> bytes:
    """The points table as Parquet file bytes (chart kind and title in the file metadata)."""
    table = points_table(chart)
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
