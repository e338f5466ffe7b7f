"""chartparse: chart descriptions written by vision-language models, as typed data.

>>> import chartparse
>>> chart = chartparse.parse("## Line Chart: Loss\\n* Epoch 1: ~0.9\\n* Epoch 2: ~0.5\\n")
>>> [(p.x, p.y) for p in chart.series[0].points]
[(1, 0.9), (2, 0.5)]
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing here would slow the start-up
if TYPE_CHECKING:
    from .api import parse, parse_bytes, parse_file
    from .errors import ChartParseError
    from .models import (
        SCHEMA_VERSION,
        Axis,
        Chart,
        Diagnostic,
        Legend,
        LegendEntry,
        Panel,
        Point,
        Series,
        Summary,
    )

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Axis",
    "Chart",
    "ChartParseError",
    "Diagnostic",
    "Legend",
    "LegendEntry",
    "Panel",
    "Point",
    "Series",
    "Summary",
    "__version__",
    "parse",
    "parse_bytes",
    "parse_file",
]

# Names imported on first use (module-level __getattr__), so ``import chartparse`` stays
# light and the command line can turn a Ctrl-C during its start-up into one line.
_LAZY: dict[str, tuple[str, str]] = {
    **{name: ("chartparse.api", name) for name in ("parse", "parse_bytes", "parse_file")},
    "ChartParseError": ("chartparse.errors", "ChartParseError"),
    **{name: ("chartparse.models", name) for name in (
        "SCHEMA_VERSION", "Axis", "Chart", "Diagnostic", "Legend", "LegendEntry", "Panel",
        "Point", "Series", "Summary")},
    "parse_many": ("chartparse.batch.many", "parse_many"),
    "plot": ("chartparse.export.plot", "plot"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        value = getattr(importlib.import_module(module_name), attr)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'chartparse' has no attribute {name!r}")
