"""Stage 4: the typed result. JSON per docs/CONTRACT.md, plus source spans, styles and provenance.

Models are built once per chart from plain data (``Chart.model_validate``), not
field by field, so validation cost stays one pass per description.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # pragma: no cover
    import pandas

SCHEMA_VERSION = "1"

ChartKind = Literal[
    "line", "bar", "scatter", "area", "pie", "heatmap", "histogram", "box", "table",
    "diagram", "mixed", "other",
]
AxisRole = Literal["x", "y", "y2", "x2"]
Scale = Literal["linear", "log", "categorical"]
Severity = Literal["warning", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(_Model):
    """1-based, inclusive source lines a part of the result was read from."""

    start: int
    end: int


class Columns(_Model):
    """0-based columns of a value in its source line (start inclusive, end exclusive)."""

    start: int
    end: int


class Diagnostic(_Model):
    severity: Severity
    code: str
    message: str
    line: int | None = None


class Point(_Model):
    x: int | float | str
    y: int | float
    approx: bool = False
    label: str | None = Field(default=None, description="annotation or point label")
    line: int | None = None
    rule: str | None = Field(default=None, description="the named rule that read the point")
    span: Columns | None = Field(default=None, description="where the y value stands in its line")


class Summary(_Model):
    start: int | float | None = None
    end: int | float | None = None
    min: int | float | None = None
    max: int | float | None = None
    trend: str | None = None


class Series(_Model):
    name: str
    panel: str | None = None
    axis: Literal["y", "y2"] = "y"
    points: list[Point] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    color: str | None = None
    line_style: str | None = None
    marker: str | None = None
    span: Span | None = None
    rule: str | None = None


class Axis(_Model):
    role: AxisRole
    label: str | None = None
    unit: str | None = None
    scale: Scale | None = None
    min: int | float | None = None
    max: int | float | None = None
    ticks: list[int | float | str] = Field(default_factory=list)
    panel: str | None = None
    span: Span | None = None
    rule: str | None = None


class LegendEntry(_Model):
    label: str
    color: str | None = None
    line_style: str | None = None
    marker: str | None = None
    span: Span | None = None
    rule: str | None = None


class Legend(_Model):
    position: str | None = None
    title: str | None = None
    entries: list[LegendEntry] = Field(default_factory=list)


class Panel(_Model):
    title: str
    span: Span | None = None
    rule: str | None = None


class Chart(_Model):
    """One chart description, read."""

    schema_version: str = SCHEMA_VERSION
    kind: ChartKind = "other"
    title: str | None = None
    axes: list[Axis] = Field(default_factory=list)
    legend: Legend = Field(default_factory=Legend)
    panels: list[Panel] = Field(default_factory=list)
    series: list[Series] = Field(default_factory=list)
    observations: list[str] = Field(default_factory=list)
    interpretation: str | None = None
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    truncated: bool = False
    orientation: Literal["vertical", "horizontal"] | None = Field(
        default=None, description="bar-like charts: horizontal when the categories are on y")
    panel_grid: tuple[int, int] | None = Field(
        default=None, description="[rows, columns] of the panel grid, when the text states it")
    source: str | None = None

    # -- conveniences -----------------------------------------------------
    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def point_rows(self) -> list[dict[str, Any]]:
        """The tidy points table as plain rows (one per point; see ``export.table``)."""
        from .export.table import point_rows

        return point_rows(self)

    def to_dataframe(self) -> pandas.DataFrame:
        """The tidy points table as a pandas DataFrame (needs the ``data`` extra)."""
        from .export.table import points_dataframe

        return points_dataframe(self)

    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 spec (JSON-ready dict) drawing the points."""
        from .export.vega import to_vega_lite

        return to_vega_lite(self)

    def to_markdown(self) -> str:
        """A canonical Markdown description that chartparse reads back to the same points."""
        from .export.markdown import to_markdown

        return to_markdown(self)


def chart_from_data(data: dict[str, Any]) -> Chart:
    """``Chart.model_validate(data)``, calling its validator directly: the same
    validation without ``model_validate``'s per-call Python wrapper (parse runs this
    once per description)."""
    return Chart.__pydantic_validator__.validate_python(data)
