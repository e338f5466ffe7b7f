"""The chart kind when nothing states it: read from what the chart holds (bars of counts
over a numeric range, lines over axes, markers in the legend) and what the text draws."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..vocab import COLOR_WORDS, fold

if TYPE_CHECKING:  # pragma: no cover
    from .state import ChartDraft


def counts_over_a_range(chart: ChartDraft) -> bool:
    """Bars of how often values fall in each stretch of a numeric x: a y axis that is a bare
    frequency or density ('Frequency (log scale)', not 'Frequency (Hz)' nor 'Density (per km²)')."""
    x, y = chart.axis("x", None), chart.axis("y", None)
    # (a stated linear x: over a log scale, or one stated only by its ticks, the learning sets'
    # bars of frequency are bars)
    if x is None or y is None or x.scale != "linear" or x.has_named_ticks() \
            or x.min is None or x.max is None:
        return False
    words = set(fold(_SCALE_NOTE.sub(" ", y.label or "")).split())
    return bool(words & _HISTOGRAM_MEASURES) and words <= _HISTOGRAM_MEASURES | _HISTOGRAM_QUALIFIERS


_SCALE_NOTE: Final = re.compile(r"\([^()]{0,30}\b(?:log|scale)\b[^()]{0,30}\)", re.IGNORECASE)
_HISTOGRAM_MEASURES = frozenset({"frequency", "density"})
_HISTOGRAM_QUALIFIERS = frozenset({"relative", "normalized", "normalised", "probability"})


def fallback_kind(chart: ChartDraft, text: str) -> None:
    if chart.kind == "diagram" and chart.kind_source == "overview" and _plotted_axes(chart):
        chart.kind = None  # 'three subplots ... each includes schematic diagrams': plots, with insets
    if chart.kind == "bar" and counts_over_a_range(chart):
        chart.kind = "histogram"  # bars of frequency over a numeric range of x are a histogram's bins
    if chart.kind is not None:
        return
    points = [p for s in chart.series for p in s.points]
    if points and all(isinstance(p.x, str) for p in points):
        chart.kind = "line" if _lines_and_no_bars(text) or _legend_of_lines(chart, text) else "bar"
    elif not points:
        # 'Green triangles', 'Red squares': a legend of markers only (with values read, a 'blue
        # line with circle markers' may still be a line, so only here)
        chart.kind = "scatter" if _drawn_as_markers(chart) \
            else "line" if _lines_over_axes(chart) and not _OTHER_MARKS.search(text) else "other"
    elif _drawn_as_markers(chart) and not _drawn_along_lines(chart, text):
        chart.kind = "scatter"  # every look is a mark ('green triangles', 'red squares'), none a line
    else:
        chart.kind = "line"


def _plotted_axes(chart: ChartDraft) -> bool:
    """An x and a y axis stated with a label and a range or ticks: something is plotted."""
    def plotted(role: str) -> bool:
        return any(a.role == role and a.label and (a.min is not None or a.max is not None or a.ticks)
                   for a in chart.axes)
    return plotted("x") and plotted("y")


_OTHER_MARKS: Final = re.compile(
    r"\b(?:dots?|bars?|bins?|columns?|contours?|histograms?|scatter|heatmap|cells?|bubbles?|box(?:es)?|violins?"
    r"|circles?|markers?)\b|\beach\s(?:point|sample|observation)\b",
    re.IGNORECASE)
"""Marks the lines may be drawn over ('Each dot is one city'): then they are fits, no line chart."""


def _drawn_along_lines(chart: ChartDraft, text: str) -> bool:
    """Marks on lines: lines said to join them, a line said to move, or a line in an entry's colour."""
    return _CONNECTING_LINES.search(text) is not None or _LINE_AS_SUBJECT.search(text) is not None \
        or any(e.drawn_line or _line_of_colour(e.color, text) for e in chart.legend)


def _lines_over_axes(chart: ChartDraft) -> bool:
    """No values read, but a legend of drawn lines ('Black line: n=1', 'Blue line: n=2'), two or
    more, or one over a stated x and y axis: a line chart."""
    if not chart.legend or not all(e.drawn_line for e in chart.legend):
        return False
    return len(chart.legend) >= 2 or {"x", "y"} <= {a.role for a in chart.axes}


def _line_of_colour(color: str | None, text: str) -> bool:
    """The text speaks of a line in the entry's colour ('The blue line climbs'), whatever
    marks the legend gives it ('blue, circle markers')."""
    if not color:
        return False
    low, name = text.lower(), color.lower()
    at = low.find(name)
    while at >= 0:
        if (at == 0 or not low[at - 1].isalnum()) and _LINE_AFTER_COLOUR.match(low, at + len(name)):
            return True
        at = low.find(name, at + 1)
    return False


# 'Dashed lines connect data points', 'points joined by solid lines': marks on a line
_CONNECTING_LINES: Final = re.compile(
    r"\blines?\s(?:connect|join|link)(?:s|ing)?\s(?:the\s|all\s|each\s|consecutive\s|adjacent\s|successive\s){0,2}"
    r"(?:data\s)?(?:points|markers|dots|values|measurements|observations|samples)"
    r"|\b(?:points|markers|dots)\s(?:[\w-]+\s){0,4}(?:connected|joined|linked)\sby\b",
    re.IGNORECASE)
# 'The line exhibits a minimum around ε = 11': the series is drawn as a line, whatever marks sit on it
_LINE_AS_SUBJECT: Final = re.compile(
    r"\bthe\s(?:line|curve)\s(?:exhibits|shows|rises|falls|decreases|increases|peaks|dips|starts|begins|ends"
    r"|remains|reaches|climbs|drops|declines|fluctuates|trends)\b", re.IGNORECASE)
_LINE_AFTER_COLOUR: Final = re.compile(r"\s(?:solid\s|dashed\s|dotted\s)?(?:lines?|curves?)\b")


def _drawn_as_markers(chart: ChartDraft) -> bool:
    marked = sum(1 for e in chart.legend if e.marker)
    return marked >= 2 and marked * 2 > len(chart.legend) and not any(e.line_style for e in chart.legend)


def _legend_of_lines(chart: ChartDraft, text: str) -> bool:
    """Categories on x and a legend whose entries are drawn as lines ('Black Dashed: estimate'),
    with no bar or column anywhere: a line chart over categories."""
    return any(e.line_style or e.drawn_line for e in chart.legend) and _BARS.search(text) is None


def _lines_and_no_bars(text: str) -> bool:
    """Categories on x, drawn as coloured lines ('A red line with a shaded band') and never as
    bars or columns: a line chart over categories (age groups, months)."""
    if _BARS.search(text) is not None:
        return False
    return any(not _REFERENCE_LINE.match(text[m.end(): m.end() + REFERENCE_WINDOW])
               and not _REFERENCE_BEFORE.search(text[max(0, m.start() - REFERENCE_WINDOW): m.start()])
               for m in _COLOURED_LINE.finditer(text))


# ('A red dashed line marks the target at 70': a mark, no series; 'A blue line denotes 2023' is one)
REFERENCE_WINDOW: Final = 48
_REFERENCE_NOUNS = (r"(?:target|threshold|baseline|limit|mean|average|median|reference|cut-?off"
                    r"|goal|benchmark)")
_REFERENCE_LINE: Final = re.compile(
    r"\s{0,2}(?:\([^()]{0,20}\)\s{0,2})?(?:(?:marks|marking|indicates|indicating|denotes|denoting"
    r"|shows|showing|represents|representing)\s(?:the\s|a\s|an\s)?(?:[\w-]{1,15}\s){0,2}?"
    + _REFERENCE_NOUNS + r"\b"
    r"|at\s[~≈]?\s?-?\d)", re.IGNORECASE)
_REFERENCE_BEFORE: Final = re.compile(
    r"\b(?:horizontal|vertical|" + _REFERENCE_NOUNS[3:-1] + r")\b[^.;]{0,12}$", re.IGNORECASE)


_COLOURED_LINE: Final = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(c) for c in COLOR_WORDS), key=len, reverse=True))
    + r")\s(?:(?:solid|dashed|dotted)\s)?(?:lines?|curves?)\b", re.IGNORECASE)
_BARS: Final = re.compile(r"(?<!error\s)\b(?:bars?|columns?|histograms?)\b", re.IGNORECASE)
