"""Header rules whose header keeps the scope it is in: a data group ('Data Points:'), a
lead-in sentence or stretch of x, a numbered part of the document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...vocab import fold, mentions_color
from ..categories import category_axis
from ..category_values import listed_tick
from ..keys import is_data_group_key, key_words
from ..kinds import kind_in
from ..mentions import mentioned_series
from ..names import is_sentence, panel_name, panel_of_data_group
from ..section_roles import is_heading, is_numbered_heading
from ..state import name_key
from ..style_match import entry_by_style
from ..text import PAREN_NOTE, is_style_words
from .patterns import names_interval

if TYPE_CHECKING:  # pragma: no cover
    from ..scope import Scope
    from ..walker import Walker
    from .headers import Header



def data_group(w: Walker, h: Header) -> Scope | None:
    words = key_words(h.title)
    if listed_tick(w.state.chart, h.scope.panel, h.title) is not None:
        return None  # '2. **Examples:**' on an axis listing the category "Examples"
    if h.scope.panel is None and panel_of_data_group(h.title) is not None:
        return None  # 'Main Plot Data Points:' heads the main plot's values: a panel
    if is_data_group_key(words) or words.startswith(("data points", "approximate data")):
        return h.scope
    parts = words.split()
    if (drawn := _drawn_group(w, h, parts)) is not None:
        return drawn
    if any(is_data_group_key(" ".join(parts[-n:])) for n in (2, 3) if len(parts) > n):
        return h.scope  # 'Components & Approximate Values:'
    if words.split(" ", 1)[0] in ("trend", "trends"):
        return h.scope  # 'Trends in Heatmap:' over lines each naming what they describe
    bare = key_words(PAREN_NOTE.sub("", h.title)).split()
    if len(bare) >= 2 and bare[-1] in ("data", "values") and (kind := kind_in(" ".join(bare[:-1]))):
        # 'Bar Chart Data (Accuracy %):' holds the bars' values; in a figure of a bar chart
        # beside a radar chart, the values of the panel of that kind
        panel = h.scope.panel if h.scope.panel is not None else _one_panel_of_kind(w, kind)
        return h.scope.but(panel=panel)
    return None


def _drawn_group(w: Walker, h: Header, parts: list[str]) -> Scope | None:
    """'**Cyan Data Points:**' with no series in scope: the dots drawn in that colour are one
    series (the legend's entry of that look, else named by the header), whatever labels the
    dots under it carry ('k=9 (square)')."""
    if h.scope.series is not None:
        return None
    for n in (2, 3):
        look = " ".join(parts[:-n])
        if len(parts) > n and is_data_group_key(" ".join(parts[-n:])) and is_style_words(look) \
                and mentions_color(look):
            entry = entry_by_style(look, w.state.legend_entries(h.scope.panel))
            name = entry.label if entry is not None else h.name
            return h.scope.but(inherited=False, series=w.state.chart.series_for(name, h.scope.panel))
    return None


def _one_panel_of_kind(w: Walker, kind: str) -> str | None:
    """The one registered panel whose title names ``kind`` ('Left Chart (Stacked Bar Chart)')."""
    titles = [title for title, _, _ in w.state.chart.panels if kind_in(title) == kind]
    return titles[0] if len(titles) == 1 else None


def lead_in(w: Walker, h: Header) -> Scope | None:
    # 'The chart presents the following data:' or 'Initial Phase (0–10,000)'
    axis = category_axis(w.state.chart, h.scope.panel)
    if axis is not None and (fold(h.name) in {fold(t) for t in axis.ticks if isinstance(t, str)}
                             or listed_tick(w.state.chart, h.scope.panel, h.name) is not None):
        return None  # '**All:**', '#### Age Group: 0-17 years' on an axis that lists that category
    if _notes_known_names(w, h.title) and not is_sentence(PAREN_NOTE.sub(" ", h.title)):
        return None  # 'Blue Diamonds (z ∼ 6.7 and z ∼ 7)': a look over two legend entries
    if not (is_sentence(h.title) or names_interval(h.title)):
        return None
    named = name_key(panel_name(h.title))
    if any(name_key(t) == named for t, _, _ in w.state.chart.panels) or w.is_panel_title(h.title):
        return None  # '#### Bottom Chart: A, B, and C', '#### Chart 1: Accuracy (40–80)': panels
    return h.scope


def _notes_known_names(w: Walker, title: str) -> bool:
    note = PAREN_NOTE.search(title)
    return note is not None and bool(mentioned_series(w.state, note.group(1)))


def numbered_section(w: Walker, h: Header) -> Scope | None:
    """'## 3. Heatmap Categories' beside '## 2. Axis Labels', over headings of its own: a
    numbered part of the document (not '## 3. North' over data lines, nor a known series)."""
    node = h.node
    if node is None or node.level != w.numbered_section_level or not is_numbered_heading(node) \
            or not any(is_heading(child) for child in node.children):
        return None
    if w.match_series(h.title, h.scope.panel) is not None \
            or listed_tick(w.state.chart, h.scope.panel, h.name) is not None:
        return None
    return h.scope
