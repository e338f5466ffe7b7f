"""Registering a chart's panels: a title that names a known panel again, fuller or shorter,
by its letter, number or declared title, gives that panel's name; a new title registers one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab import fold
from .limits import MAX_PANELS
from .name_identity import name_key
from .panel_titles import (
    END_PAREN,
    POSITION_WORDS,
    TITLE_AFTER_PLACE,
    TITLE_NOTE,
    WORD,
    declared_title_for,
    panel_by_letter,
    panel_number,
    quoted_title_after_place,
    titled_place_named,
    told_apart,
    untitled_panel,
)

if TYPE_CHECKING:
    from .state import ChartDraft


def add_panel(chart: ChartDraft, title: str, first: int | None, last: int | None) -> str:
    """Register a panel; returns the name to use (an earlier, fuller name if it has one)."""
    if (quoted_title := quoted_title_after_place(title)) is not None:
        if quoted_title not in chart.declared_panel_titles and len(chart.declared_panel_titles) < MAX_PANELS:
            chart.declared_panel_titles.append(quoted_title)  # the data headers name it so
        title = quoted_title  # 'Left Chart: "By Team"' is the panel titled 'By Team'
    known_panel = _known_panel(chart, title)
    if known_panel is not None:
        return known_panel
    place = TITLE_NOTE.sub("", title)
    if place != title and place in chart.panel_titles:
        return add_panel(chart, place, first, last)  # 'Left Chart (Dry season)': the titled place
    placed = panel_placed_in_note(chart, title)
    if placed is not None:
        chart.panel_titles.setdefault(placed, title)
        return placed  # 'Generation (Top Left)' after 'Top Left: 0.06 to 0.22': that place, titled
    titled = next((t for t, _, _ in chart.panels if titled_place_named(t, title)), None)
    if titled is not None:
        return titled  # 'Question Chart Trends' heads 'Left Chart (Question)'
    lettered = panel_by_letter(title, [t for t, _, _ in chart.panels])
    if lettered is not None:
        if untitled_panel(lettered) and not untitled_panel(title):
            chart.panel_titles.setdefault(lettered, title)  # 'Chart (a) Specifics', then its title
        return lettered  # 'Chart (a): Depth Analysis' is the panel titled '(a) Depth Analysis'
    number = panel_number(title)
    if number is not None and (numbered := chart.numbered_panel_titles.get(number)) and numbered != title:
        return add_panel(chart, numbered, first, last)  # 'Chart 1: Open-source LLMs' is chart 1, so titled
    declared = declared_title_for(title, chart.declared_panel_titles) \
        or panel_by_letter(title, chart.declared_panel_titles)  # 'Chart (a): Power' for '(a) Power Cons.'
    if declared is not None and declared != title:
        return add_panel(chart, declared, first, last)
    if len(chart.panels) >= MAX_PANELS:
        chart.panels_dropped += 1
        if chart.panels_dropped == 1:
            chart.warn("too-many-panels", f"more than {MAX_PANELS} panels; the panels after them are "
                       f"read as part of the last, {chart.panels[-1][0]!r}", first)
        return chart.panels[-1][0]
    chart.panels.append((title, first, last))
    if chart.trace.current is not None:
        chart.panel_rules[title] = chart.trace.current
    return title


def _known_panel(chart: ChartDraft, title: str) -> str | None:
    """The registered panel a title names again, fuller or shorter."""
    key = name_key(title.replace(" - ", ": "))  # 'Left Chart - VRAM' is 'Left Chart: VRAM'
    for t, _, _ in chart.panels:
        known = name_key(t.replace(" - ", ": "))
        if told_apart(title, t):
            continue
        if title.startswith(t + ":") and untitled_panel(t):
            return _titled(chart, t, title)  # 'Plot (a): Loss vs. Steps' is the panel 'Plot (a)', so titled
        if known == key or (key and (known.startswith(key + " ") or key.startswith(known + " "))):
            if TITLE_AFTER_PLACE.fullmatch(title, len(t)) and not any(
                    w in POSITION_WORDS for w in WORD.findall(fold(title[len(t):]))):
                chart.panel_titles.setdefault(t, title)  # 'Top Chart (Phase vs. Frequency)'
            elif ": " in title and name_key(title.split(": ", 1)[0]) == known and key != known:
                chart.panel_titles.setdefault(t, title)  # 'Chart 1: Comparison of ...' for 'Chart 1 (Open)'
            return t
        if title.startswith(t + ":"):  # 'Plot (a): Loss vs. Steps' is the panel 'Plot (a)'
            return t
    return None


def panel_placed_in_note(chart: ChartDraft, title: str) -> str | None:
    """The panel known only by a place ('Top Left', met in 'Top Left: 0 to 5') that a title's
    closing note names ('Loss (Top Left)')."""
    note = END_PAREN.search(title.rstrip(": "))
    if note is None or note.start() == 0:
        return None
    key = name_key(note.group(1))
    return next((t for t, _, _ in chart.panels if name_key(t) == key and untitled_panel(t)), None)


def _titled(chart: ChartDraft, panel: str, title: str) -> str:
    chart.panel_titles.setdefault(panel, title)
    return panel
