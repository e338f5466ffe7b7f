"""Synthetic chart descriptions: a random chart, written the way vision-language models write.

A test-data generator (it lives in tests/, not in the package), used by the property tests
(``tests/test_synth_roundtrip.py``, ``tests/test_export_markdown.py``). A
:class:`ChartSpec` is the ground truth (kind, title, axes, panels, series and their
points, each value with the precision it is written at); :func:`render` writes it in
one of the styles in :data:`STYLES`; :func:`mismatches` compares a parsed
:class:`~chartparse.models.Chart` with the spec and lists every difference.

The styles imitate the project's ``corpus/*.md`` fixtures:

* ``bullets``    ``* **Name:**`` then ``* 100B tokens: ~29`` items
* ``nested``     ``**1. Name (Blue Line)**`` + ``* **Data Points (Approximate):**`` + ``* x: ~y``
* ``tuples``     ``* (x, ~y)`` items under a per-series header
* ``narrative``  ``- Starts at ~5 at 100 steps.`` / ``- Peaks at ~22 at 700 steps.``
* ``groups``     ``- **Epoch N**:`` with ``- Name: ~y`` lines
* ``categories`` ``* **Cat:** Accuracy is approximately 0.61.`` (bars, pie slices, heatmap cells)
* ``table``      a Markdown table, one column per series (one row per series for heatmaps)

Multi-panel charts put each panel's data under ``**Chart 1: <title>**`` (or a
``#### Chart 1: <title>`` heading when the style itself uses bold header lines).

Hypothesis is a test dependency: it is imported inside the strategy functions only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from hypothesis.strategies import SearchStrategy

    from chartparse.models import Chart

# --------------------------------------------------------------------------- numbers

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
NUMBER_FORMATS = ("plain", "comma", "sci", "times", "sup", "kilo")


@dataclass(frozen=True, slots=True)
class Num:
    """A number as the text writes it: the true value, the text, and the written precision."""

    value: float
    text: str
    tol: float  # half a unit of the last written digit


def _exponent(v: float) -> int:
    return math.floor(math.log10(abs(v))) if v else 0


def _minus(text: str, unicode_minus: bool) -> str:
    return text.replace("-", "−") if unicode_minus else text


def write_number(v: float, fmt: str = "plain", sig: int = 3, *, unicode_minus: bool = False) -> Num:
    """Write ``v`` with ``sig`` significant digits in one of :data:`NUMBER_FORMATS`.

    Formats that do not suit the magnitude fall back to ``plain`` (``comma`` and
    ``kilo`` need at least 1000, the others take any value).
    """
    sig = max(1, sig)
    e = _exponent(v)
    if fmt == "comma" and abs(v) < 1000:
        fmt = "plain"
    if fmt == "kilo" and not 1000 <= abs(v) < 1e6:
        fmt = "plain"
    if fmt in ("sci", "times", "sup"):
        mant = v / 10.0**e if v else 0.0
        m_text = f"{mant:.{sig - 1}f}"
        if abs(float(m_text)) >= 10:  # rounding carried into the next decade
            e += 1
            mant = v / 10.0**e
            m_text = f"{mant:.{sig - 1}f}"
        tol = 0.5 * 10.0 ** (e - (sig - 1))
        if fmt == "sci":
            text = f"{m_text}e{e}"
        elif fmt == "times":
            text = f"{m_text}×10^{e}"
        else:
            text = f"{m_text}×10{str(e).translate(_SUPERSCRIPT)}"
        return Num(v, _minus(text, unicode_minus), tol)
    if fmt == "kilo":
        decimals = max(0, sig - 1 - (e - 3))
        text = f"{v / 1000:.{decimals}f}k"
        return Num(v, _minus(text, unicode_minus), 0.5 * 10.0 ** (3 - decimals))
    decimals = max(0, sig - 1 - e)
    text = f"{v:,.{decimals}f}" if fmt == "comma" else f"{v:.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")  # never write "-0.00"
    return Num(v, _minus(text, unicode_minus), 0.5 * 10.0**-decimals)


def exact(v: int | float) -> Num:
    """A number written as it is (axis bounds, x positions)."""
    if isinstance(v, int) or float(v).is_integer():
        return Num(float(v), str(int(v)), 0.0)
    text = repr(float(v))
    if "e" in text:
        mant, _, exp = text.partition("e")
        text = f"{mant}e{int(exp)}"
    return Num(float(v), text, 0.0)


# --------------------------------------------------------------------------- the spec


@dataclass(frozen=True, slots=True)
class XFamily:
    """How a numeric x axis is named and how a point's x is written."""

    label: str
    item: str  # a bullet key: "Epoch {x}", "{x}B tokens"
    at: str  # after "at"/"by" in a sentence: "epoch {x}", "{x}B tokens"
    group: str | None  # a group header: "Epoch {x}" (None: no such form)
    values: str  # "int", "big", "decimal", "log"


X_FAMILIES: tuple[XFamily, ...] = (
    XFamily("Epoch", "Epoch {x}", "epoch {x}", "Epoch {x}", "int"),
    XFamily("Training Tokens (Billion)", "{x}B tokens", "{x}B tokens", None, "int"),
    XFamily("Training Step", "Step {x}", "{x} steps", "Step {x}", "big"),
    XFamily("Iteration", "Iteration {x}", "iteration {x}", "Iteration {x}", "big"),
    XFamily("Time (s)", "t = {x} s", "{x} s", None, "decimal"),
    XFamily("Layer", "Layer {x}", "layer {x}", "Layer {x}", "int"),
    XFamily("Learning Rate", "Learning rate {x}", "a learning rate of {x}", None, "log"),
)

Y_METRICS: tuple[tuple[str, str | None], ...] = (
    ("Validation Loss", None), ("Accuracy", "%"), ("Power Output", "MW"), ("Wind Speed", "m/s"),
    ("Throughput", "tokens/s"), ("Latency", "ms"), ("Gradient Norm", None),
    ("Temperature Anomaly", "°C"), ("Episode Return", None), ("Recall@10", None),
    ("Revenue", "USD"), ("Perplexity", None), ("Energy", "kWh"),
)

SERIES_NAMES: tuple[str, ...] = (
    "Tiny", "Small", "Base", "Large", "PPO", "SAC", "DQN", "AdamW", "Lion", "Clean Labels",
    "Noisy Labels", "Co-Teaching", "BM25", "Hybrid", "Dense Retriever", "Cell A", "Cell B",
    "Control", "Treatment", "Baseline", "Ours", "Drip", "Sprinkler", "Flood", "Land", "Ocean",
    "randaug-n2-m9", "autoaug-v0", "k=2", "k=4", "GPT-4o", "Llama-3-8B", "Mistral 7B",
    "Site North", "Site South", "Warmup Cosine", "Constant LR",
)

CATEGORIES: tuple[str, ...] = (
    "Wheat", "Maize", "Soybean", "Barley", "ResNet-50", "ViT-B/16", "Swin-S", "ConvNeXt-T",
    "Site A", "Site B", "Site C", "Forest", "Water", "Urban", "Cropland", "Research", "Teaching",
    "Writing", "Influenza A", "RSV", "hMPV", "Q1", "Q2", "Q3", "Alpha", "Beta", "Gamma", "Delta",
    "North", "South", "East", "West",
)

TITLE_SUBJECTS: tuple[str, ...] = (
    "Model Comparison", "Training Dynamics", "Field Measurements", "Benchmark Results",
    "Ablation Study", "Seasonal Pattern", "Scaling Behaviour", "Sensor Readings",
)

PANEL_TITLES: tuple[str, ...] = (
    "Small Models", "Large Models", "Northern Sites", "Southern Sites", "Warm Season",
    "Cold Season", "English Tasks", "Code Tasks", "First Run", "Second Run",
)

COLORS: tuple[str, ...] = ("blue", "orange", "green", "red", "purple", "gray", "teal", "black")
LINE_STYLES: tuple[str, ...] = ("Solid", "Dashed", "Dotted", "Dash-Dot")
KINDS: tuple[str, ...] = ("line", "bar", "scatter", "pie", "heatmap", "area")
KIND_HEADINGS = {"line": "Line Chart", "bar": "Bar Chart", "scatter": "Scatter Plot",
                 "pie": "Pie Chart", "heatmap": "Heatmap", "area": "Area Chart"}
KIND_PHRASES = {"line": ("line chart", "line charts"), "bar": ("bar chart", "bar charts"),
                "scatter": ("scatter plot", "scatter plots"), "pie": ("pie chart", "pie charts"),
                "heatmap": ("heatmap", "heatmaps"), "area": ("area chart", "area charts")}
HEDGES: tuple[str, ...] = ("~", "≈", "approximately ", "about ", "")
FRAMES: tuple[str, ...] = ("seedA", "healer", "nemotron", "techdoc")
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                8: "eight"}


@dataclass(frozen=True, slots=True)
class PointSpec:
    x: Num | str  # a number as written, or a category
    y: Num


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    name: str
    color: str
    line_style: str
    axis: str = "y"  # "y" or "y2"
    points: tuple[PointSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class AxisSpec:
    role: str  # "x", "y", "y2"
    label: str
    min: Num | None = None
    max: Num | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PanelSpec:
    title: str | None
    series: tuple[SeriesSpec, ...]


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """The truth about one chart, and how to write it."""

    kind: str
    title: str
    style: str
    frame: str
    axes: tuple[AxisSpec, ...]
    panels: tuple[PanelSpec, ...]
    x_family: XFamily | None  # None: categorical x
    hedge: str = "~"
    named: bool = True  # series names are written (False: one unnamed series per panel)
    panel_header: str = "bold"  # "bold" (**Chart 1: t**) or "heading" (#### Chart 1: t)
    sig: int = 3
    variant: int = 0  # a sub-form of the style (header shape, indentation)

    @property
    def multi_panel(self) -> bool:
        return len(self.panels) > 1

    @property
    def dual(self) -> bool:
        return any(a.role == "y2" for a in self.axes)

    def axis(self, role: str) -> AxisSpec | None:
        return next((a for a in self.axes if a.role == role), None)

    def all_series(self) -> list[tuple[str | None, SeriesSpec]]:
        return [(p.title, s) for p in self.panels for s in p.series]


# --------------------------------------------------------------------------- writing

def _x_text(spec: ChartSpec, x: Num | str, form: str) -> str:
    if isinstance(x, str):
        return x
    fam = spec.x_family
    assert fam is not None
    return getattr(fam, form).format(x=x.text)


def _y(spec: ChartSpec, y: Num) -> str:
    return f"{spec.hedge}{y.text}"


def _metric(spec: ChartSpec, role: str = "y") -> str:
    axis = spec.axis(role)
    label = axis.label if axis else "Value"
    return re.sub(r"\s*\([^()]*\)\s*$", "", label)


def _series_header_style(s: SeriesSpec) -> str:
    return f"{s.line_style} {s.color.title()} Line"


def _write_header(spec: ChartSpec) -> list[str]:
    one, many = KIND_PHRASES[spec.kind]
    n = len(spec.panels)
    heading = KIND_HEADINGS[spec.kind] + ("s" if n > 1 and spec.kind != "heatmap" else "")
    lines = [f"## {heading}: {spec.title}", "### Overview"]
    if n > 1:
        lines.append(f"The image shows {NUMBER_WORDS[n]} {many} side by side, one per panel. "
                     f"Each plots {_metric(spec)} for the same groups.")
    else:
        lines.append(f"This image is a {one} showing {_metric(spec)} for the plotted groups.")
    lines.append(f"All values are approximate and read to {NUMBER_WORDS.get(spec.sig, 'a few')}"
                 " significant figures.")
    return lines


def _axis_lines(spec: ChartSpec, axis: AxisSpec) -> list[str]:
    name = {"x": "X-Axis", "y": "Y-Axis", "y2": "Secondary Y-Axis (Right)"}[axis.role]
    frame = spec.frame
    if axis.categories:
        cats = ", ".join(axis.categories)
        if frame == "techdoc":
            return [f"- **{name}:**", f"  - Label: `{axis.label}`", f"  - Categories: {cats}"]
        bullet = "-" if frame == "nemotron" else "*"
        return [f"{bullet} **{name} ({axis.label}):** Categorical axis listing {cats}."]
    assert axis.min is not None and axis.max is not None
    lo, hi = axis.min.text, axis.max.text
    if frame == "seedA":
        return [f'* **{name}:** Labeled **"{axis.label}"**. The scale runs from {lo} to {hi}.']
    if frame == "healer":
        return [f"* **{name}:**", f'    * **Label:** "{axis.label}"',
                f"    * **Scale:** Linear, ranging from {lo} to {hi}."]
    if frame == "nemotron":
        return [f'- **{name}**: Labeled "{axis.label}", ranging from {lo} to {hi}.']
    return [f"- **{name}:**", f"  - Label: `{axis.label}`", f"  - Range: `{lo}` to `{hi}`"]


def _legend_lines(spec: ChartSpec) -> list[str]:
    series = spec.panels[0].series
    if spec.kind == "pie":  # a pie's legend names its slices
        out = ["* **Legend:** Located to the right of the pie, mapping colors to slices:"]
        out += [f"    * {COLORS[i % len(COLORS)].title()}: {p.x}"
                for i, p in enumerate(series[0].points)]
        return out
    if not spec.named:
        return ["* **Legend:** None (a single series is plotted)."]
    word = {"bar": "bar", "pie": "segment", "scatter": "markers"}.get(spec.kind, "line")
    if spec.frame == "nemotron":
        out = ["- **Legend**: Located at the top right, mapping:"]
        out += [f"  - **{s.color.title()} {word}**: {s.name}" for s in series]
        return out
    if spec.frame == "healer":
        out = ["* **Legend:** Located in the upper right corner."]
        out += [f'    * **Series {i}:** "{s.name}" - {s.line_style.lower()} {s.color} {word}.'
                for i, s in enumerate(series, 1)]
        return out
    if spec.frame == "techdoc":
        out = ["- **Legend:**", "  - **Location:** Top-right corner."]
        out += [f"  - `{s.name}` ({s.color.title()} {word})" for s in series]
        return out
    count = len(series)
    out = [f"* **Legend:** Positioned at the **top right** of the chart. "
           f"It contains {NUMBER_WORDS.get(count, count)} entr{'y' if count == 1 else 'ies'}:"]
    out += [f"* **{s.name}:** {s.line_style} {s.color} {word}." for s in series]
    return out


def _write_components(spec: ChartSpec) -> list[str]:
    lines = ["### Components/Axes"]
    for axis in spec.axes:
        lines += _axis_lines(spec, axis)
    lines += _legend_lines(spec)
    return lines


def _trend(points: tuple[PointSpec, ...]) -> str:
    ys = [p.y.value for p in points]
    if len(ys) < 2 or ys[-1] == ys[0]:
        return "Roughly flat across the range."
    return "Generally rising across the range." if ys[-1] > ys[0] else (
        "Generally falling across the range.")


# -- data styles: each returns the lines for one panel ------------------------

def _bullets(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    """v0 ``* **Name (Blue Line):**`` + indented items; v1 ``- **Name**:`` + ``  - x: y``;
    v2 like v0 with the items flattened to the header's indentation."""
    out: list[str] = []
    bullet = "-" if spec.variant == 1 else "*"
    for s in series:
        indent = ""
        if spec.named:
            if spec.variant == 1:
                out.append(f"- **{s.name}**:")
                indent = "  "
            else:
                out.append(f"* **{s.name} ({s.color.title()} Line):**")
                indent = "" if spec.variant == 2 else "    "
        out += [f"{indent}{bullet} {_x_text(spec, p.x, 'item')}: {_y(spec, p.y)}"
                for p in s.points]
    return out


def _nested(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    out: list[str] = []
    for i, s in enumerate(series, 1):
        name = s.name if spec.named else _metric(spec)
        out.append(f"**{i}. {name} ({_series_header_style(s)})**")
        out.append(f"* **Trend:** {_trend(s.points)}")
        out.append("* **Data Points (Approximate):**")
        out += [f"* {_x_text(spec, p.x, 'item')}: {_y(spec, p.y)}" for p in s.points]
    return out


def _tuples(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    out: list[str] = []
    x_word = spec.x_family.label.split(" (")[0] if spec.x_family else "X"
    for i, s in enumerate(series, 1):
        name = s.name if spec.named else _metric(spec)
        pairs = [f"({p.x if isinstance(p.x, str) else p.x.text}, {_y(spec, p.y)})"
                 for p in s.points]
        if spec.variant == 1:  # nemotron: numbered bold name, dash items
            out.append(f"{i}. **{name}** ({s.color.title()} squares):")
            out += [f"   - {pair}" for pair in pairs]
            continue
        if spec.variant == 0:  # default: bold paragraph header, items below
            out.append(f"**Data Series {i}: {name} ({s.color.title()})**")
            indent = ""
        else:  # the same as a bullet
            out.append(f"* **Data Series {i}: {name} ({s.color.title()}):**")
            indent = "    "
        out.append(f"{indent}* **Trend:** {_trend(s.points)}")
        out.append(f"{indent}* **Approximate Data Points ({x_word}, {_metric(spec, s.axis)}):**")
        out += [f"{indent}    * {pair}" for pair in pairs]
    return out


def _narrative(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    """v0 seedB: ``1. **Name (Blue Solid Line)**:`` + one sentence a line;
    v1 gemmaB: ``* **Name (Blue Line):**`` + the sentences in one paragraph."""
    out: list[str] = []
    for i, s in enumerate(series, 1):
        name = s.name if spec.named else _metric(spec)
        pts = s.points
        sentences = []
        for j, p in enumerate(pts):
            at = _x_text(spec, p.x, "at")
            y = _y(spec, p.y)
            if j == 0:
                sentences.append(f"Starts at {y} at {at}")
            elif j == len(pts) - 1:
                sentences.append(f"Ends at {y} at {at}")
            elif p.y.value >= max(q.y.value for q in pts):
                sentences.append(f"Peaks at {y} at {at}")
            elif p.y.value > pts[j - 1].y.value:
                sentences.append(f"Rises to {y} by {at}")
            else:
                sentences.append(f"Falls to {y} by {at}")
        if spec.variant == 1:
            out.append(f"* **{name} ({s.color.title()} Line):** " +
                       " ".join(f"{t}." for t in sentences))
        else:
            out.append(f"{i}. **{name} ({s.color.title()} {s.line_style} Line)**:")
            out += [f"- {t}." for t in sentences]
    return out


def _groups(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    xs: list[Num | str] = []
    for s in series:
        for p in s.points:
            if not any(_same(p.x, x) for x in xs):
                xs.append(p.x)
    out: list[str] = []
    for x in xs:
        if spec.variant == 1:
            out.append(f"* **{_x_text(spec, x, 'group')}:**")
        else:
            out.append(f"- **{_x_text(spec, x, 'group')}**:")
        for s in series:
            for p in s.points:
                if _same(p.x, x):
                    item = "    *" if spec.variant == 1 else "  -"
                    out.append(f"{item} {s.name}: {_y(spec, p.y)}.")
    return out


def _categories(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    metric = _metric(spec)
    out: list[str] = []
    if spec.kind == "heatmap":
        for s in series:
            for p in s.points:
                out.append(f"* **{s.name} vs. {p.x}:** The value is approximately {p.y.text}.")
        return out
    if spec.kind == "pie":
        s = series[0]
        return [f"* **{p.x}:** Represented by the {COLORS[i % len(COLORS)]} segment, "
                f"approximately {p.y.text}% of the total." for i, p in enumerate(s.points)]
    if len(series) == 1:
        return [f"* **{p.x}:** {metric} is approximately {p.y.text}." for p in series[0].points]
    cats: list[str] = []
    for s in series:
        for p in s.points:
            if p.x not in cats:
                cats.append(str(p.x))
    for cat in cats:
        out.append(f"* **{cat}:**")
        for s in series:
            for p in s.points:
                if p.x == cat:
                    out.append(f"    * {s.name} ({s.color.title()}): {metric} is approximately "
                               f"{p.y.text}.")
    return out


def _table(spec: ChartSpec, series: tuple[SeriesSpec, ...]) -> list[str]:
    if spec.kind == "heatmap":
        x_axis, y_axis = spec.axis("x"), spec.axis("y")
        cols = list(x_axis.categories) if x_axis else []
        corner = f"{y_axis.label if y_axis else 'Row'} \\ {x_axis.label if x_axis else 'Column'}"
        out = ["| " + " | ".join([corner, *cols]) + " |", "|" + "---|" * (len(cols) + 1)]
        for s in series:
            cells = {str(p.x): _y(spec, p.y) for p in s.points}
            out.append("| " + " | ".join([f"**{s.name}**", *(cells.get(c, "") for c in cols)])
                       + " |")
        return out
    x_label = spec.x_family.label if spec.x_family else (spec.axis("x") or AxisSpec("x", "X")).label
    names = [s.name if spec.named else _metric(spec) for s in series]
    xs: list[Num | str] = []
    for s in series:
        for p in s.points:
            if not any(_same(p.x, x) for x in xs):
                xs.append(p.x)
    out = ["| " + " | ".join([x_label, *names]) + " |", "|" + "---|" * (len(names) + 1)]
    for x in xs:
        row = [x if isinstance(x, str) else x.text]
        for s in series:
            cell = next((f"{_y(spec, p.y)}" for p in s.points if _same(p.x, x)), "")
            row.append(cell)
        out.append("| " + " | ".join(row) + " |")
    return out


STYLES = {
    "bullets": _bullets,
    "nested": _nested,
    "tuples": _tuples,
    "narrative": _narrative,
    "groups": _groups,
    "categories": _categories,
    "table": _table,
}
"""Every data style :func:`render` can write, by name."""

STYLE_KINDS: dict[str, tuple[str, ...]] = {
    "bullets": ("line", "area", "scatter"),
    "nested": ("line", "area"),
    "tuples": ("line", "scatter", "area"),
    "narrative": ("line", "area"),
    "groups": ("line", "area"),
    "categories": ("bar", "pie", "heatmap"),
    "table": ("line", "bar", "scatter", "area", "heatmap"),
}
"""The chart kinds each style is written for (models write bars as categories, not tuples)."""

def uses_bold_headers(spec: ChartSpec) -> bool:
    """Whether the style writes series headers as bold paragraphs (so panels use headings)."""
    return spec.style == "nested" or (spec.style == "tuples" and spec.variant == 0)


def _same(a: Num | str, b: Num | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return a.text == b.text


def _write_observations(spec: ChartSpec) -> list[str]:
    lines = ["### Key Observations"]
    for panel, s in spec.all_series()[:3]:
        if not s.points:
            continue
        top = max(s.points, key=lambda p: p.y.value)
        where = _x_text(spec, top.x, "at") if spec.x_family else str(top.x)
        who = s.name if spec.named else "The series"
        scope = f" in {panel}" if panel and spec.multi_panel else ""
        lines.append(f"* {who} reaches its highest value of about {top.y.text} at {where}{scope}.")
    lines += ["### Interpretation",
              "The chart suggests that the plotted groups differ in a consistent way; "
              "the differences are larger than the reading error."]
    return lines


def render(spec: ChartSpec) -> str:
    """The description of ``spec`` in ``spec.style`` (ends with a newline)."""
    writer = STYLES[spec.style]
    lines = _write_header(spec) + _write_components(spec)
    lines.append("### Detailed Analysis")
    for i, panel in enumerate(spec.panels, 1):
        if spec.multi_panel:
            title = f"Chart {i}: {panel.title}"
            lines.append(f"#### {title}" if spec.panel_header == "heading" else f"**{title}**")
        lines += writer(spec, panel.series)
    lines += _write_observations(spec)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- checking

def _fold(text: str | None) -> str:
    return re.sub(r"[^a-z0-9%@=/.+\-]+", " ", (text or "").lower()).strip(" .-:")


def _close(got: Any, want: Num) -> bool:
    if isinstance(got, str | bool) or got is None:
        return False
    slack = want.tol * (1 + 1e-9) + 1e-12 * max(1.0, abs(want.value))
    return abs(float(got) - want.value) <= slack


def _x_match(got: Any, want: Num | str) -> bool:
    if isinstance(want, str):
        return isinstance(got, str) and _fold(got) == _fold(want)
    return _close(got, want)


def _panel_match(got: str | None, want: str | None) -> bool:
    if want is None:
        return got is None
    return got is not None and _fold(want) in _fold(got)


def mismatches(spec: ChartSpec, chart: Chart) -> list[str]:
    """Every way ``chart`` (parsed from ``render(spec)``) differs from ``spec``."""
    out: list[str] = []
    if chart.kind != spec.kind:
        out.append(f"kind: got {chart.kind!r}, want {spec.kind!r}")
    if _fold(chart.title) != _fold(spec.title):
        out.append(f"title: got {chart.title!r}, want {spec.title!r}")
    for want in spec.axes:
        got = next((a for a in chart.axes if a.role == want.role and a.panel is None), None)
        if got is None:
            out.append(f"axis {want.role}: missing")
            continue
        if _fold(got.label) != _fold(want.label):
            out.append(f"axis {want.role} label: got {got.label!r}, want {want.label!r}")
        for end in ("min", "max"):
            w = getattr(want, end)
            if w is not None and not _close(getattr(got, end), w):
                out.append(f"axis {want.role} {end}: got {getattr(got, end)!r}, want {w.text}")
    if spec.multi_panel:
        titles = [p.title for p in chart.panels]
        if len(titles) != len(spec.panels):
            out.append(f"panels: got {titles!r}, want {[p.title for p in spec.panels]!r}")
        for p in spec.panels:
            if not any(_panel_match(t, p.title) for t in titles):
                out.append(f"panel {p.title!r} missing from {titles!r}")
    elif chart.panels:
        out.append(f"panels: got {[p.title for p in chart.panels]!r}, want none")
    used: set[int] = set()
    for panel, want_s in spec.all_series():
        candidates = [
            (i, s) for i, s in enumerate(chart.series)
            if i not in used and _panel_match(s.panel, panel if spec.multi_panel else None)
            and (not spec.named or _fold(s.name) == _fold(want_s.name))
            and (spec.named or s.points)
        ]
        where = f"series {want_s.name!r}" + (f" in {panel!r}" if spec.multi_panel else "")
        if not candidates:
            have = [(s.name, s.panel) for s in chart.series]
            out.append(f"{where}: missing (have {have!r})")
            continue
        i, got_s = candidates[0]
        used.add(i)
        if spec.named and got_s.axis != want_s.axis:
            out.append(f"{where}: axis {got_s.axis!r}, want {want_s.axis!r}")
        out += _point_mismatches(where, spec, want_s, got_s.points)
    for i, s in enumerate(chart.series):
        if i not in used and s.points:
            out.append(f"extra series {s.name!r} (panel {s.panel!r}) with {len(s.points)} points")
    return out


def _point_mismatches(where: str, spec: ChartSpec, want: SeriesSpec, got: list) -> list[str]:
    out: list[str] = []
    if len(got) != len(want.points):
        wanted = [(p.x if isinstance(p.x, str) else p.x.text, p.y.text) for p in want.points]
        out.append(f"{where}: {len(got)} points, want {len(want.points)}: got "
                   f"{[(p.x, p.y) for p in got]!r}, want {wanted!r}")
        return out
    hedged = bool(spec.hedge) and spec.style not in ("categories",)
    for w in want.points:
        match = next((p for p in got if _x_match(p.x, w.x)), None)
        label = w.x if isinstance(w.x, str) else w.x.text
        if match is None:
            out.append(f"{where}: no point at x={label}; got xs {[p.x for p in got]!r}")
        elif not _close(match.y, w.y):
            out.append(f"{where}: at x={label} y={match.y!r}, want {w.y.text} (±{w.y.tol:g})")
        elif hedged and not match.approx:
            out.append(f"{where}: at x={label} approx=False, but the text hedges ({spec.hedge!r})")
    return out


# --------------------------------------------------------------------------- strategies

def numbers(fmt: str | None = None) -> SearchStrategy[tuple[float, str, int]]:
    """(value, format, significant digits): values of every magnitude and sign."""
    from hypothesis import strategies as st

    def build(mant: int, exp: int, neg: bool) -> float:
        return (-1 if neg else 1) * mant * 10.0**exp

    value = st.builds(build, st.integers(0, 99_999), st.integers(-10, 6), st.booleans())
    return st.tuples(
        value.filter(math.isfinite),
        st.sampled_from(NUMBER_FORMATS) if fmt is None else st.just(fmt),
        st.integers(1, 5),
    )


def _nice_bounds(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    span = hi - lo or abs(hi) or 1.0
    unit = 10.0 ** math.floor(math.log10(span))
    lo_b, hi_b = math.floor(lo / unit) * unit, math.ceil(hi / unit) * unit
    if hi_b == lo_b:
        hi_b += unit
    return float(f"{lo_b:.6g}"), float(f"{hi_b:.6g}")


def _x_values(draw: Any, fam: XFamily, n: int) -> list[Num]:
    from hypothesis import strategies as st

    if fam.values == "int":
        xs = draw(st.lists(st.integers(0, 400), min_size=n, max_size=n, unique=True))
    elif fam.values == "big":
        step = draw(st.sampled_from((1, 10, 100, 1000, 5000)))
        xs = [k * step for k in draw(st.lists(st.integers(0, 200), min_size=n, max_size=n,
                                              unique=True))]
    elif fam.values == "decimal":
        xs = [k / 10 for k in draw(st.lists(st.integers(1, 999), min_size=n, max_size=n,
                                            unique=True))]
    else:
        xs = [10.0**k for k in draw(st.lists(st.integers(-6, -1), min_size=min(n, 6),
                                             max_size=min(n, 6), unique=True))]
    return [exact(x) for x in sorted(xs)]


def charts(style: str | None = None, kinds: tuple[str, ...] | None = None,
           panels: tuple[int, int] = (1, 4), dual: bool | None = None,
           ) -> SearchStrategy[ChartSpec]:
    """Random charts written in ``style`` (any style when None).

    ``panels`` bounds the number of panels; ``dual`` forces (True) or forbids (False)
    a second y-axis on the right (only line and area charts get one).
    """
    from hypothesis import strategies as st

    panel_range = panels
    want_dual = dual

    @st.composite
    def build(draw: Any) -> ChartSpec:
        chosen_style = style or draw(st.sampled_from(sorted(STYLES)))
        kind = draw(st.sampled_from(kinds or STYLE_KINDS[chosen_style]))
        frame = draw(st.sampled_from(FRAMES))
        n_panels = draw(st.integers(*panel_range))
        categorical = kind in ("bar", "pie", "heatmap")
        fam: XFamily | None = None if categorical else draw(st.sampled_from(
            [f for f in X_FAMILIES if chosen_style != "groups" or f.group]))
        if kind == "pie":
            n_series, dual = 1, False
        elif kind == "heatmap":
            n_series, dual = draw(st.integers(2, 4)), False
        else:
            dual = (draw(st.booleans()) if want_dual is None else want_dual) and kind in (
                "line", "area") and chosen_style != "groups"
            n_series = 2 if dual else draw(st.integers(1, 4))
        named = n_series > 1 or chosen_style in ("groups",) or draw(st.booleans())
        if kind in ("heatmap", "pie"):
            named = kind == "heatmap"
        n_points = draw(st.integers(2, 6))
        fmt = draw(st.sampled_from(NUMBER_FORMATS))
        fmt2 = draw(st.sampled_from(NUMBER_FORMATS))
        sig = draw(st.integers(2, 4))
        unicode_minus = draw(st.booleans())
        mag = draw(st.integers(-5, 6))
        mag2 = draw(st.integers(-5, 6))
        signed = draw(st.booleans()) and kind != "pie"

        metrics = draw(st.lists(st.sampled_from(Y_METRICS), min_size=2, max_size=2,
                                unique_by=lambda m: m[0]))
        y_label = metrics[0][0] + (f" ({metrics[0][1]})" if metrics[0][1] else "")
        y2_label = metrics[1][0] + (f" ({metrics[1][1]})" if metrics[1][1] else "")
        if kind == "heatmap":
            names = draw(st.lists(st.sampled_from(CATEGORIES), min_size=n_series,
                                  max_size=n_series, unique=True))
            cats = draw(st.lists(st.sampled_from(CATEGORIES), min_size=2, max_size=5,
                                 unique=True))
        else:
            names = draw(st.lists(st.sampled_from(SERIES_NAMES), min_size=n_series,
                                  max_size=n_series, unique_by=_fold))
            cats = draw(st.lists(st.sampled_from(CATEGORIES), min_size=n_points,
                                 max_size=n_points, unique=True)) if categorical else []
        if dual:
            names = [metrics[0][0], metrics[1][0]]
        colors = draw(st.lists(st.sampled_from(COLORS), min_size=len(names), max_size=len(names),
                               unique=True))
        styles = draw(st.lists(st.sampled_from(LINE_STYLES), min_size=len(names),
                               max_size=len(names)))
        # fam is None exactly when the chart is categorical.
        if fam is None:
            xs: list[Num | str] = list(cats)
        else:
            xs = list(_x_values(draw, fam, n_points))

        def y_values(axis: str, count: int) -> list[Num]:
            m = mag2 if axis == "y2" else mag
            f = fmt2 if axis == "y2" else fmt
            if kind == "pie":
                raw = draw(st.lists(st.integers(1, 60), min_size=count, max_size=count))
                return [write_number(float(v), "plain", 2) for v in raw]
            mants = draw(st.lists(st.integers(-999 if signed else 0, 999), min_size=count,
                                  max_size=count))
            return [write_number(k / 100 * 10.0**m, f, sig, unicode_minus=unicode_minus)
                    for k in mants]

        panel_titles = draw(st.lists(st.sampled_from(PANEL_TITLES), min_size=n_panels,
                                     max_size=n_panels, unique=True))
        panels = []
        all_y: dict[str, list[float]] = {"y": [], "y2": []}
        for p in range(n_panels):
            series = []
            for i, name in enumerate(names):
                axis = "y2" if dual and i == 1 else "y"
                if kind == "heatmap":
                    pts_x: list[Num | str] = list(cats)
                else:
                    pts_x = xs
                ys = y_values(axis, len(pts_x))
                all_y[axis] += [y.value for y in ys]
                series.append(SeriesSpec(name=name, color=colors[i], line_style=styles[i],
                                         axis=axis,
                                         points=tuple(PointSpec(x, y) for x, y in zip(pts_x, ys,
                                                                                       strict=True))))
            panels.append(PanelSpec(panel_titles[p] if n_panels > 1 else None, tuple(series)))

        axes: list[AxisSpec] = []
        if kind == "heatmap":
            axes.append(AxisSpec("x", draw(st.sampled_from(("Predicted Class", "Target Genus",
                                                            "Column Group"))),
                                 categories=tuple(cats)))
            axes.append(AxisSpec("y", draw(st.sampled_from(("True Class", "Source Genus",
                                                            "Row Group"))),
                                 categories=tuple(names)))
        elif kind != "pie":
            if categorical:
                axes.append(AxisSpec("x", draw(st.sampled_from(("Models", "Crops", "Sites",
                                                                "Regions"))),
                                     categories=tuple(cats)))
            else:
                assert fam is not None
                xv = [x.value for x in xs if isinstance(x, Num)]
                lo, hi = (min(xv), max(xv))
                axes.append(AxisSpec("x", fam.label, exact(lo) if fam.values == "log" else
                                     exact(float(f"{lo:.6g}")), exact(hi)))
            for role, label in (("y", y_label), ("y2", y2_label)):
                if role == "y2" and not dual:
                    continue
                lo_b, hi_b = _nice_bounds(all_y[role])
                f = fmt2 if role == "y2" else fmt
                axes.append(AxisSpec(role, label, _bound(lo_b, f, unicode_minus),
                                     _bound(hi_b, f, unicode_minus)))
        hedge = draw(st.sampled_from(HEDGES))
        if chosen_style == "narrative" and not hedge:
            hedge = "~"
        spec = ChartSpec(
            kind=kind,
            title=f"{metrics[0][0]} {draw(st.sampled_from(TITLE_SUBJECTS))}",
            style=chosen_style,
            frame=frame,
            axes=tuple(axes),
            panels=tuple(panels),
            x_family=fam,
            hedge=hedge,
            named=named,
            panel_header=draw(st.sampled_from(("bold", "heading"))),
            sig=sig,
            variant=draw(st.integers(0, 2)),
        )
        if uses_bold_headers(spec):
            spec = replace(spec, panel_header="heading")
        return spec

    return build()


def _bound(v: float, fmt: str, unicode_minus: bool) -> Num:
    """An axis bound: a round number, written in the chart's number format."""
    digits = len(f"{abs(v):.6e}".split("e")[0].replace(".", "").rstrip("0")) or 1
    return write_number(v, fmt, digits, unicode_minus=unicode_minus)


def to_chart(spec: ChartSpec) -> Chart:
    """The chart a perfect reader would return for ``render(spec)`` (the gold answer)."""
    from chartparse.models import Chart

    def number(n: Num | None) -> float | None:
        return None if n is None else n.value

    def x_of(x: Num | str) -> float | str:
        return x if isinstance(x, str) else x.value

    multi = spec.multi_panel
    return Chart.model_validate({
        "kind": spec.kind,
        "title": spec.title,
        "axes": [{"role": a.role, "label": a.label, "min": number(a.min), "max": number(a.max),
                  "scale": "categorical" if a.categories else None} for a in spec.axes],
        "panels": [{"title": f"Chart {i}: {p.title}"} for i, p in enumerate(spec.panels, 1)
                   if multi],
        "series": [
            {"name": s.name if spec.named else _metric(spec), "axis": s.axis,
             "panel": f"Chart {i}: {p.title}" if multi else None,
             "color": s.color,
             "points": [{"x": x_of(q.x), "y": q.y.value, "approx": bool(spec.hedge)}
                        for q in s.points]}
            for i, p in enumerate(spec.panels, 1) for s in p.series
        ],
    })


def describe(spec: ChartSpec) -> str:
    """A one-line summary of a spec for test failure messages."""
    return (f"{spec.kind}/{spec.style}/{spec.frame} panels={len(spec.panels)} "
            f"series={len(spec.panels[0].series)} dual={spec.dual} named={spec.named} "
            f"hedge={spec.hedge!r} variant={spec.variant} panel_header={spec.panel_header}")


__all__ = [
    "CATEGORIES", "FRAMES", "KINDS", "NUMBER_FORMATS", "SERIES_NAMES", "STYLES", "STYLE_KINDS",
    "AxisSpec", "ChartSpec", "Num", "PanelSpec", "PointSpec", "SeriesSpec", "XFamily",
    "charts", "describe", "exact", "mismatches", "numbers", "render", "to_chart",
    "uses_bold_headers", "write_number",
]
