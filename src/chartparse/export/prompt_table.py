"""A linearised data table for LLM prompts (``--to table``).

Plain text, one block per panel, cells separated by `` | ``::

    TITLE | Loss curves
    KIND | line
    X | Epoch (log scale, range 1 to 100)
    Y | Loss (nats)
    Epoch | Train | Val
    0 | 3 | 3.1
    10 | 0.1 |

The header row names the x axis (or ``x``) and each series; series on the right axis are
marked ``[right axis]``. One row per x value, in ascending order for numeric x and in the
order the description gives for category x; a missing value is an empty cell, two values
for one x are joined with ``/``. Values are written without hedging marks. A multi-panel
chart repeats ``PANEL | <title>`` and a header row for each panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import axis_for, format_number, panel_order, series_in, x_text

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Axis, Chart, Series


def to_prompt_table(chart: Chart) -> str:
    lines: list[str] = []
    if chart.title:
        lines.append(f"TITLE | {_cell(chart.title)}")
    lines.append(f"KIND | {chart.kind}")
    for role, name in (("x", "X"), ("y", "Y"), ("y2", "Y2")):
        text = _axis_text(axis_for(chart, role))
        if text:
            lines.append(f"{name} | {text}")
    panels = panel_order(chart)
    for panel in panels:
        if panel is not None or len(panels) > 1:
            lines.append(f"PANEL | {_cell(panel) if panel is not None else '(no panel)'}")
            for role, name in (("x", "X"), ("y", "Y"), ("y2", "Y2")):
                axis = axis_for(chart, role, panel)
                if axis is not None and axis.panel == panel:
                    lines.append(f"{name} | {_axis_text(axis)}")
        lines += _block(chart, series_in(chart, panel), panel)
    return "\n".join(lines) + "\n"


def _block(chart: Chart, group: list[Series], panel: str | None) -> list[str]:
    columns: list[tuple[str, str]] = []  # (series name, axis)
    cells: dict[tuple[str, str, str], list[str]] = {}
    xs: list[float | str] = []
    seen: set[str] = set()
    for s in group:
        if (s.name, s.axis) not in columns:
            columns.append((s.name, s.axis))
        for p in s.points:
            key = x_text(p.x)
            if key not in seen:
                seen.add(key)
                xs.append(p.x)
            cells.setdefault((s.name, s.axis, key), []).append(format_number(p.y))
    if all(not isinstance(x, str) for x in xs):
        xs.sort(key=float)
    x_axis = axis_for(chart, "x", panel)
    header = [_cell(x_axis.label) if x_axis is not None and x_axis.label else "x"]
    header += [_cell(name) + (" [right axis]" if axis == "y2" else "") for name, axis in columns]
    rows = [" | ".join(header)]
    for x in xs:
        key = x_text(x)
        row = [_cell(key)]
        row += ["/".join(cells.get((name, axis, key), [])) for name, axis in columns]
        rows.append(" | ".join(row).rstrip())
    return rows


def _axis_text(axis: Axis | None) -> str:
    if axis is None:
        return ""
    notes = []
    if axis.scale in ("log", "categorical"):
        notes.append(f"{axis.scale} scale")
    if axis.min is not None and axis.max is not None:
        notes.append(f"range {format_number(axis.min)} to {format_number(axis.max)}")
    label = _cell(axis.label) if axis.label else ""
    if notes:
        return f"{label} ({', '.join(notes)})".strip()
    return label


def _cell(text: str) -> str:
    """One line, with the separator replaced so the table stays aligned."""
    return " ".join(text.replace("|", "/").split())
