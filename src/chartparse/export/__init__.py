"""Stage 5: writers. Each format is one entry in ``FORMATS``; the CLI lists them from here.

A writer takes a Chart and returns text (or bytes for binary formats). Heavy
dependencies (pandas, pyarrow, matplotlib) are imported inside the writer that
needs them, never at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Chart


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    write: Callable[[Chart], str | bytes]
    binary: bool = False
    extension: str = ""
    help: str = ""


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> None:
    FORMATS[fmt.name] = fmt


def _json(chart: Chart) -> str:
    return chart.to_json(indent=2) + "\n"


def _jsonl(chart: Chart) -> str:
    return chart.to_json(indent=None) + "\n"


def _csv(chart: Chart) -> str:
    from .table import points_csv

    return points_csv(chart)


register(Format("json", _json, extension=".json", help="the chart as one JSON document"))
register(Format("jsonl", _jsonl, extension=".jsonl", help="one compact JSON object per line"))
register(Format("csv", _csv, extension=".csv", help="tidy points table, one row per point"))


def _parquet(chart: Chart) -> bytes:
    from .parquet import points_parquet

    return points_parquet(chart)


def _vega_lite(chart: Chart) -> str:
    from .vega import vega_lite_json

    return vega_lite_json(chart)


def _png(chart: Chart) -> bytes:
    from .plot import png

    return png(chart)


def _svg(chart: Chart) -> str:
    from .plot import svg

    return svg(chart)


def _md(chart: Chart) -> str:
    from .markdown import to_markdown

    return to_markdown(chart)


def _table(chart: Chart) -> str:
    from .prompt_table import to_prompt_table

    return to_prompt_table(chart)


register(Format("parquet", _parquet, binary=True, extension=".parquet",
                help="tidy points table as Parquet (x as text plus numeric x_value); needs -o"))
register(Format("vega-lite", _vega_lite, extension=".vl.json",
                help="Vega-Lite v5 spec with the points inlined"))
register(Format("png", _png, binary=True, extension=".png",
                help="the chart redrawn with matplotlib; needs -o"))
register(Format("svg", _svg, extension=".svg", help="the chart redrawn with matplotlib, as SVG"))
register(Format("md", _md, extension=".md",
                help="canonical Markdown description that reads back to the same points"))
register(Format("table", _table, extension=".txt",
                help="linearised data table for LLM prompts"))


def write(chart: Chart, fmt: str) -> str | bytes:
    spec = FORMATS.get(fmt)
    if spec is None:  # looked up first, so a KeyError inside a writer is not misreported
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return spec.write(chart)
