"""Keyed lines about panels: a key the components declared as a panel, or, with a stated
panel count, a key whose text names series, both open that panel; in the overview, a key
that names a panel by its own words describes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...vocab import fold
from ..mentions import mentioned_series
from ..names import is_sentence, names_a_panel, panel_name
from ..panel_templates import fills_a_template
from ..panel_titles import one_label_each
from ..ruler import DONE, Claim
from ..state import name_key
from ..statements import statement

if TYPE_CHECKING:  # pragma: no cover
    from ..state import ChartDraft
    from ..walker import Walker
    from .keyed_line import KeyedLine


def panel_by_count(w: Walker, c: KeyedLine) -> Claim | None:
    scope = c.scope
    state = w.state
    if not (state.chart.stated_panel_count and scope.series is None and c.text and scope.panel is None
            and scope.x is None and mentioned_series(state, c.text)):
        return None
    panel = state.chart.add_panel(panel_name(c.key), c.line.line, c.node.last_line)
    statement(w, c.text, scope.but(panel=panel), c.line.line)
    w.data(c.node, scope.but(panel=panel))
    return DONE


def registered_panel(chart: ChartDraft, key: str) -> str | None:
    """The panel a key names, if the figure has it ('Chart a' for the panel 'Chart a')."""
    wanted = name_key(panel_name(key))
    return next((t for t, _, _ in chart.panels if name_key(t) == wanted), None)


def declared_panel(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Chart a:** The blue series rises.' where the components declared the panel 'Chart a':
    the panel opens for its text, the lines under it and, in a flattened list, those after it."""
    chart = w.state.chart
    if not c.text:
        return None
    panel = registered_panel(chart, c.key) if len(chart.panels) >= _SEVERAL else None
    if panel is None and w.state.panel_templates and fills_a_template(w.state.panel_templates, c.key):
        panel = chart.add_panel(panel_name(c.key), c.line.line, c.node.last_line)  # '**T = 1, N = 53M:** ...'
    if panel is None or panel == c.scope.panel:
        return None
    inner = c.scope.but(inherited=False, panel=panel, series=None)
    statement(w, c.text, inner, c.line.line)
    w.data(c.node, inner)
    return Claim(inner)


def panel_description(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Panel (a)**: A scatter plot with 15 black points.' in the overview: what that panel
    shows, told before its data; no series of its own, and its counts are no data."""
    if c.scope.role not in ("overview", "other", "document") or c.scope.panel is not None or not c.text \
            or c.node.children or w.state.chart.stated_panels < _SEVERAL or not names_a_panel(c.key) \
            or not is_sentence(c.text):
        return None
    return DONE


_SEVERAL = 2


def panel_titled_as_series(w: Walker, c: KeyedLine) -> str | None:
    """'1. **Model A (a)**:' over lines, where the subplots were declared by the legend's own
    names ('Subplot Titles: (a) Model A, (b) Model B'): the panel of that title, which draws
    that series. None when the header opens no new panel."""
    chart = w.state.chart
    if c.text or not c.node.children or not _titled_by_the_legend(chart) or not w.is_panel_title(c.key):
        return None
    titled = {fold(t) for t in chart.declared_panel_titles}
    if c.scope.panel is not None and fold(c.scope.panel) not in titled:
        return None  # inside a panel of another kind (a half of the figure), the header names its series
    panel = chart.add_panel(panel_name(c.key), c.node.first_line, c.node.last_line)
    return None if panel == c.scope.panel else panel


def _titled_by_the_legend(chart: ChartDraft) -> bool:
    """The declared panel titles are the legend's names, one each ('(a) Model A', '(b) Model B'
    for a legend of 'Model A' and 'Model B')."""
    titles = [fold(t) for t in chart.declared_panel_titles]
    return len(titles) >= 2 and one_label_each(titles, [fold(e.label) for e in chart.legend]) is not None
