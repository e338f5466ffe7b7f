"""Header rules for categories written in two levels: a group header ('**GENERAL**',
'### Score-Specific Data') over headers that are the declared categories themselves
('* **MMMU (val)**:', '#### Score 1' on an axis 'Score' listing 1 to 5). The inner header is
the x; the group only gathers them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...vocab import fold
from ..categories import category_axis, category_x, declared_inside, drop_note
from ..category_values import listed_tick
from ..heatmap_columns import band_under_column
from ..kinds import names_only_a_kind
from ..names import name_before_comparison, panel_name
from ..section_roles import is_heading, titled_role
from ..text import drop_numbering, strip_markup
from .headers import HEADER_RULES, Header

if TYPE_CHECKING:  # pragma: no cover
    from ...outline import Node
    from ..scope import Scope
    from ..state import AxisDraft
    from ..walker import Walker


def panel_over_categories(w: Walker, h: Header) -> Scope | None:
    """'**1. Garden Paths**' over 'Control (Orange):' and 'Stimulus (Blue):', keys the x axis
    declares as its categories, in a figure of several plots: the header is not one more
    category but the plot they sit in."""
    if not w.state.categorical() or h.scope.x is not None or h.scope.panel is not None or h.node is None \
            or (w.state.chart.stated_panels < _CATEGORIES_UNDER_A_PANEL and not _heads_a_group(w, h.node)):
        return None  # (a figure of one plot: a header only groups its categories)
    if _declared_keys(w, h.node) < _CATEGORIES_UNDER_A_PANEL or listed_tick(w.state.chart, None, h.name):
        return None
    if (axis := category_axis(w.state.chart, None)) is not None and fold(h.name) in axis.groups:
        return None  # '#### Math' on an x axis listing 'Math: AIME 2024, MATH-500': a group of categories
    panel = w.state.chart.add_panel(panel_name(h.title), h.node.first_line, h.node.last_line)
    return h.scope.but(panel=panel, series=None, x=None)


_CATEGORIES_UNDER_A_PANEL = 2


def _declared_keys(w: Walker, node: Node) -> int:
    """How many of the keys under ``node`` name declared categories ('Category 2' names the
    category 2 of an axis listing 0, 1, 2, 3)."""
    chart = w.state.chart
    axis = category_axis(chart, None)
    keys: set[int | float | str | None] = set()
    for key, _ in w.child_pairs(node):
        if key:
            tick: int | float | str | None = listed_tick(chart, None, drop_note(key))
            if tick is None and axis is not None and not axis.has_named_ticks():
                x = category_x(chart, drop_note(key), None)
                tick = x if not isinstance(x, str) and x in axis.ticks else None
            keys.add(tick)
    return len(keys - {None})


def _headings_over_categories(w: Walker, level: int) -> int:
    """How many Markdown headings of this level, no known section, head the declared
    categories: two or more ('#### Llama-7B', '#### Mistral-7B', each over the same
    metrics) are panels; one ('#### Bar Heights') only groups them."""
    if w.memo.headings_over_categories is None:
        counts: dict[int, int] = {}
        for node in w.root.walk():
            if is_heading(node) and titled_role(node.title or "") is None \
                    and _declared_keys(w, node) >= _CATEGORIES_UNDER_A_PANEL:
                counts[node.level] = counts.get(node.level, 0) + 1
        w.memo.headings_over_categories = counts
    return w.memo.headings_over_categories.get(level, 0)


def _heads_a_group(w: Walker, node: Node) -> bool:
    """'#### Llama-7B': a Markdown heading, one of several over the declared categories."""
    return is_heading(node) and _headings_over_categories(w, node.level) >= _CATEGORIES_UNDER_A_PANEL


HEADER_RULES.before(
    "header.category", "header.panel-over-categories", panel_over_categories,
    "on a categorical chart, a header over lines keyed by the declared categories is a panel",
    "**1. Garden Paths** (over 'Control:')")


def declared_category_in_group(w: Walker, h: Header) -> Scope | None:
    """Under an x that the category axis does not declare, a header it does declare is the x."""
    x = h.scope.x
    if x is None or not isinstance(x, str) or not w.state.categorical() \
            or (h.scope.series is not None and not h.scope.inherited):
        return None
    axis = category_axis(w.state.chart, h.scope.panel)
    if axis is None or not axis.ticks or _is_declared(axis, x, x):
        return None
    inner = category_x(w.state.chart, h.name, h.scope.panel)
    return h.scope.but(x=inner) if _is_declared(axis, h.name, inner) else None


def _is_declared(axis: AxisDraft, raw: str, reduced: int | float | str) -> bool:
    """The axis lists it: a category inside the label ('MMMU (val)'), or the number the label
    reduces to ('Score 1' on an axis 'Score' with categories 1 to 5)."""
    if declared_inside(axis, fold(raw)) is not None:
        return True
    if isinstance(reduced, str):
        return reduced != raw and any(isinstance(t, str) and fold(t) == fold(reduced) for t in axis.ticks)
    return reduced in axis.ticks


HEADER_RULES.before(
    "header.series-at-x", "header.category-in-group", declared_category_in_group,
    "under a group header, a header that is a declared category is the x",
    "* **MMMU (val)**: under **GENERAL** (x axis listing MMMU (val))")


_GROUPING_WORDS = frozenset({"per", "specific", "by", "each", "all"})
_DATA_TAILS = ("data", "values", "details")


def data_by_x(w: Walker, h: Header) -> Scope | None:
    """'### Score-Specific Data', '### Per-Level Values' on an x axis 'Score' or 'Level':
    a header that only gathers the data by x, naming no series."""
    words = [word for word in re.split(r"[-\s]+", fold(h.name)) if word]
    if len(words) < 2 or words[-1] not in _DATA_TAILS:
        return None
    named = [word for word in words[:-1] if word not in _GROUPING_WORDS]
    x_words = w.state.x_words
    if not named or not all(word in x_words or word.rstrip("s") in x_words for word in named):
        return None
    return h.scope


HEADER_RULES.before(
    "header.data-group", "header.data-by-x", data_by_x,
    "a header gathering the data by x ('Score-Specific Data' on an x axis 'Score') names no series",
    "### Per-Level Data (x axis 'Level')")


def kind_group(w: Walker, h: Header) -> Scope | None:
    """'- **Line Graph**:' or '- **Pie Chart Labels**:' inside a panel: the lines under it are
    that chart's, the header names no category, x or series ('### Line' where the x axis lists
    the category 'Line' is that category)."""
    if not names_only_a_kind(strip_markup(drop_numbering(h.title))):
        return None
    return None if listed_tick(w.state.chart, h.scope.panel, h.name) is not None else h.scope


HEADER_RULES.before(
    "header.stack-total", "header.kind-group", kind_group,
    "a header naming only a chart kind gathers that chart's lines", "- **Pie Chart Labels**:")


def sub_category_header(w: Walker, h: Header) -> Scope | None:
    """'**PoG (GPT-3.5):**' under '**CWQ Dataset:**', the x axis listing both the categories and
    their sub-categories: the bar at the pair, 'CWQ PoG (GPT-3.5)'."""
    x, panel = h.scope.x, h.scope.panel
    if not isinstance(x, str) or not w.state.categorical() \
            or (h.scope.series is not None and not h.scope.inherited):
        return None
    chart = w.state.chart
    inner = listed_tick(chart, panel, h.name)
    if inner is None or fold(inner) == fold(x) or listed_tick(chart, panel, x) is None \
            or w.known_series_name(h.name, panel) is not None:
        return None
    return h.scope.but(x=f"{x} {inner}")


HEADER_RULES.before(
    "header.series-at-x", "header.sub-category", sub_category_header,
    "under a declared category, a header that is a declared sub-category: the bar at the pair",
    "**PoG (GPT-3.5):** under **CWQ Dataset:** (x axis listing both)")


def _name_before_comparison(w: Walker, h: Header) -> Scope | None:
    head = name_before_comparison(w.state, h.title)
    return None if head is None else w.header_scope(head, h.scope, h.node)


HEADER_RULES.before(
    "header.known-series", "header.name-before-comparison", _name_before_comparison,
    "a short name, then a colon and a comparison of known series: the name is the header",
    "**Row 1: \"ours\" vs. \"baseline\"**")


def _band_under_column(w: Walker, h: Header) -> Scope | None:
    return h.scope if band_under_column(w, h.title, h.scope) else None


HEADER_RULES.before(
    "header.heatmap-row", "header.band-under-column", _band_under_column,
    "in a heatmap written column by column, a header under a declared column naming neither a row "
    "nor a column (a band of values) only groups", "**High Accuracy:** under **TTPD:** (x axis listing TTPD)")
