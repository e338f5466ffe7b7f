"""Stage 5: writers. Each format is one entry in ``FORMATS``; the CLI lists them from here.

A writer takes a Chart and returns text (or bytes for binary formats). Heavy
dependencies (pandas, pyarrow, matplotlib) are imported inside the writer that
needs them, never at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

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


def _lazy(module: str, attr: str) -> Callable[[Chart], str | bytes]:
    """A writer that imports ``module`` (relative to this package) on first use."""

    def write(chart: Chart) -> str | bytes:
        return getattr(import_module(module, __package__), attr)(chart)

    write.__name__ = write.__qualname__ = attr
    return write


register(Format("json", _json, extension=".json", help="the chart as one JSON document"))
register(Format("jsonl", _jsonl, extension=".jsonl", help="one compact JSON object per line"))
register(Format("csv", _lazy(".table", "points_csv"), extension=".csv",
                help="tidy points table, one row per point"))
register(Format("parquet", _lazy(".parquet", "points_parquet"), binary=True, extension=".parquet",
                help="tidy points table as Parquet (x as text plus numeric x_value); needs -o"))
register(Format("vega-lite", _lazy(".vega", "vega_lite_json"), extension=".vl.json",
                help="Vega-Lite v5 spec with the points inlined"))
register(Format("png", _lazy(".plot", "png"), binary=True, extension=".png",
                help="the chart redrawn with matplotlib; needs -o"))
register(Format("svg", _lazy(".plot", "svg"), extension=".svg",
                help="the chart redrawn with matplotlib, as SVG"))
register(Format("md", _lazy(".markdown", "to_markdown"), extension=".md",
                help="canonical Markdown description that reads back to the same points"))
register(Format("table", _lazy(".prompt_table", "to_prompt_table"), extension=".txt",
                help="linearised data table for LLM prompts"))


def write(chart: Chart, fmt: str) -> str | bytes:
    spec = FORMATS.get(fmt)
    if spec is None:  # looked up first, so a KeyError inside a writer is not misreported
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return spec.write(chart)
