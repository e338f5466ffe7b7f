"""A pie's legend, when the text speaks of one but lists no entries: its slices; and a pie's
slices, when its legend states each entry's share ('Hallucination (7.0%)') and nothing else does.

Each slice of a pie is drawn in its own colour and names one category, which is what a
legend entry is; descriptions often give them only as the slices ('**Depth Limit:** 25.2%,
coloured blue'), with the legend 'embedded in the chart'.
"""

from __future__ import annotations

import re
from typing import Final

from .names import is_sentence
from .state import ChartDraft, LegendEntryDraft, PointDraft, SeriesDraft
from .text import quantities

_MIN_SLICES = 2
_LEGEND_WORD: Final = re.compile(r"\blegends?\b", re.IGNORECASE)
_DENIAL: Final = re.compile(r"\b(?:no|not|without|lacks?|absent)\b[^.;:\n]{0,20}$", re.IGNORECASE)


def _legend_mentions(text: str) -> list[bool]:
    """For each mention of a legend, whether its own line denies one just before it."""
    return [_DENIAL.search(text, max(0, m.start() - 40), m.start()) is not None
            for m in _LEGEND_WORD.finditer(text)]


def declares_a_legend(text: str) -> bool:
    """The text speaks of a legend and never denies one ('there is no separate legend')."""
    mentions = _legend_mentions(text)
    return bool(mentions) and not any(mentions)


def denies_a_legend(text: str) -> bool:
    """'There is no separate legend box': some mention of a legend denies one."""
    return any(_legend_mentions(text))


def pie_slices_as_legend(chart: ChartDraft, text: str) -> None:
    if chart.kind != "pie" or chart.legend or not declares_a_legend(text):
        return
    with_points = [s for s in chart.series if s.points]
    if len(with_points) != 1:
        return  # several pies, or none read: no one set of slices to name
    labels = [p.x for p in with_points[0].points if isinstance(p.x, str)]
    if len(labels) < _MIN_SLICES or len(labels) != len(with_points[0].points):
        return
    for point in with_points[0].points:
        if is_sentence(str(point.x)):
            continue  # 'The percentages sum to 100%' is a remark, not a slice
        entry = LegendEntryDraft(label=str(point.x), line=point.line)
        entry.rule = "legend.pie-slices"
        chart.add_legend_entry(entry)


_SLICE_WINDOW = 40  # '85.4% of the answers are "NO"': the slice is named soon after its share


def slices_named_after(chart: ChartDraft, text: str) -> list[tuple[str, str]] | None:
    """'About 85% of the answers are "NO", and 15% are "YES"' on a pie whose legend lists
    YES and NO: each share, then the slice it belongs to, named as the legend writes it
    (case kept, so a prose 'no' names nothing). None unless two or more slices are named."""
    labels = [e.label for e in chart.legend if e.label.strip()]
    norm, qs = quantities(text)
    pairs: list[tuple[str, str]] = []
    for i, q in enumerate(qs):
        end = qs[i + 1].start if i + 1 < len(qs) else len(norm)
        window = norm[q.end: min(end, q.end + _SLICE_WINDOW)]
        named = [(window.find(label), label) for label in labels if _names(window, label)]
        if named:
            pairs.append((min(named)[1], q.raw))
    if len({label for label, _ in pairs}) < _MIN_SLICES:
        return None
    return pairs


def _names(window: str, label: str) -> bool:
    at = window.find(label)
    if at < 0:
        return False
    end = at + len(label)
    return (at == 0 or not window[at - 1].isalnum()) and (end == len(window) or not window[end].isalnum())


def slices_from_legend_shares(chart: ChartDraft) -> None:
    """A pie whose text reads no slice values but the legend's, with a legend stating each
    entry's share: the shares are the slices ('The teal section (67.8%) dominates' only
    restates one)."""
    if chart.kind != "pie":
        return
    shared = [e for e in chart.legend if e.share is not None]
    if len(shared) < _MIN_SLICES or len(shared) != len(chart.legend):
        return
    shares = {e.share for e in shared}
    read = [p for s in chart.series for p in s.points]
    if read and (chart.panels or any(p.y not in shares for p in read)):
        return  # (of several pies, which one a restated share belongs to is not said)
    chart.series = [s for s in chart.series if not s.points]
    series = SeriesDraft(name="", panel=None)
    series.rule = "legend.slice-shares"
    for e in shared:
        series.add_point(PointDraft(e.label, e.share or 0.0, False, e.line, None, "legend.slice-shares"))
    chart.series.append(series)
