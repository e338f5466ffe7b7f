"""Data lines the line parser gives no key that name one as a key does."""

from __future__ import annotations

import re
from typing import Final

from ..blocks import Line
from .heatmap import tuple_cell_line

# (a colon inside brackets is no key's: '**2005 Chart (Total: 310 L)**' is a title)
_BOLD_KEY_VALUE: Final = re.compile(
    r"^\*\*([^*:()\n]{1,120}(?:\([^*:()\n]{0,60}\)[^*:()\n]{0,40})?):\s{1,3}"
    # the value alone, with its unit and a note ('~0.118', '41 ms (peak)'; not '3x gap between ...')
    r"([~≈$+-]?\s?\d[\d.,]{0,15}\s?(?:%|[A-Za-zµ°]{1,6})?(?:\s?\([^()*\n]{0,40}\))?)\*\*\s*$")


def keyed_form(line: Line, kind: str | None) -> Line:
    """A line with no key, as the chart's kind reads it keyed: on a heatmap '* (3, 7): 45'
    names its cell as a key does; on others a key and value bold together ('**Bar 2:
    ~0.1**') are a key with its value; else the line as it is."""
    return (tuple_cell_line(line) if kind == "heatmap" else bold_key_value_line(line)) or line


def bold_key_value_line(line: Line) -> Line | None:
    """'**Bar 10 (Peak): ~0.118**' among data lines reads as '**Bar 10 (Peak):** ~0.118'
    does. Only data lines: in a legend, '**Median: 1840.00**' is one label."""
    if not line.text.startswith("**"):
        return None
    m = _BOLD_KEY_VALUE.match(line.text)
    if m is None:
        return None
    return Line(line.kind, line.line, line.end_line, m.group(2).strip(), m.group(1).strip(), line.indent,
                line.marker, line.level)
