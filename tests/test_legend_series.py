"""Every legend entry is a series of the panels that draw it (empty when the text gives no
values), and only of those."""

from __future__ import annotations

import chartparse

_TWO_CHARTS = """\
## Bar Charts: Load and Heat
### Components/Axes
**Chart (a): Load**
* **Title:** Load (%)
* **X-axis:** Jobs (Build, Test, Deploy)
* **Y-axis:** Load in percent
**Chart (b): Heat**
* **Title:** Heat (°C)
* **X-axis:** Racks (Rack 1, Rack 2)
* **Y-axis:** Temperature (°C)
* **Legend:**
* Red hatch: Fan A
* Blue hatch: Fan B
### Detailed Analysis
**Chart (a): Load**
* **Build:** 40%
* **Test:** 65%
**Chart (b): Heat**
* **Rack 1:**
* Fan A: 31 °C
"""


def _series(text: str) -> dict[tuple[str, str | None], int]:
    chart = chartparse.parse(text)
    return {(s.name, s.panel): len(s.points) for s in chart.series}


def test_a_panel_drawing_only_its_own_values_gets_no_series_of_another_panels_legend() -> None:
    series = _series(_TWO_CHARTS)
    assert ("Fan A", "Heat (°C)") in series and ("Fan B", "Heat (°C)") in series  # Fan B: empty
    assert not any(name in ("Fan A", "Fan B") and panel == "Load (%)" for name, panel in series)


def test_a_panel_with_no_values_still_lists_the_figure_legend() -> None:
    text = _TWO_CHARTS.replace("* **Build:** 40%\n* **Test:** 65%\n", "")
    series = _series(text)
    assert ("Fan A", "Load (%)") in series and ("Fan B", "Load (%)") in series


_COUNTED_LINES = """## Line Chart: Loss Fits
### Components/Axes
* **X-Axis:**
* **Label:** `Compute`
* **Legend:**
* **Entries:**
1. `Fit A` - Represented by a black dashed line (`--`).
2. `Fit B` - Represented by a green dashed line (`--`).
* **Data Series:**
* There are roughly 5-6 solid lines in several colours (greys and blues). These show separate runs.
### Detailed Analysis
* **Run Curves (Solid Lines):**
* **Trend:** All runs fall from left to right.
"""


def test_an_item_counting_lines_under_a_series_list_declares_no_series() -> None:
    names = [s.name for s in chartparse.parse(_COUNTED_LINES).series]
    assert names == ["Fit A", "Fit B"]
