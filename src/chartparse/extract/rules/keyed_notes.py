"""Keyed rules for notes: a series' trend (and the values its sentences state), notes on the
figure that carry no data, and keys pass 1 read whole."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...vocab import LINE_FEATURE_KEYS, META_KEYS
from ..add_points import add_point
from ..entry_values import read_for_every_series
from ..narrative import read_in, read_statement
from ..observed import pairs_under
from ..ruler import DONE, Claim
from ..section_roles import headed_sections, titled_role
from ..statement_split import named_series_clauses
from ..statements import statement
from ..text import PAREN_NOTE, clean_name, strip_markup
from ..values_of import x_number
from .keyed_categories import names_bar_category

if TYPE_CHECKING:  # pragma: no cover
    from ..scope import Scope
    from ..state import SeriesDraft
    from ..walker import Walker
    from .keyed_line import KeyedLine


def read_in_pass_one(w: Walker, c: KeyedLine) -> Claim | None:
    if c.info.kind_key and not c.text and c.info.axis is None and not c.info.title:
        return None  # "**Type '~':**" with no value heads the lines after it (see component.kind)
    return None if names_bar_category(c) else DONE


def legend_key(w: Walker, c: KeyedLine) -> Claim | None:
    if not c.info.legend or (c.info.legend_over_entries and c.text):
        return None
    return DONE


def axes_stated(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Axes:** The x-axis shows epochs from 0 to 50, ...': its ranges are no points."""
    if not c.text or c.line.line not in w.state.axis_sentence_lines:
        return None
    return DONE if titled_role(c.key) is not None else None


def _heads_data_lines(w: Walker, c: KeyedLine) -> bool:
    """'Trends:' over '**Model B (Orange):** starts at ~75 (Shot 0)', or a 'Trend Line:' with no
    text over '**10⁻²:** ≈ 0.11': keys under it name series, or x values."""
    keys = [ch.line.key for ch in c.node.children if ch.line is not None and ch.line.key]
    return any(w.known_series_name(k, c.scope.panel) is not None for k in keys) or (
        not c.text and any(x_number(k, w.state.x_words) is not None for k in keys))


_TREND_OF: Final = re.compile(  # (also 'Trend Verification - Information Gain (Blue Line)')
    r"^\W{0,3}trends?(?:\s(?:verification|analysis|check))?(?:\s(?:for|of)|\s?[-–—:])\s(?:the\s)?(.{1,80})$",
    re.IGNORECASE)


def _trend_of_series(w: Walker, c: KeyedLine) -> SeriesDraft | None:
    """'Trend for n=1 (Solid Orange Line)': the known series the trend key names."""
    m = _TREND_OF.match(strip_markup(c.key).strip())
    name = w.known_series_name(m.group(1), c.scope.panel) if m is not None else None
    return None if name is None else w.state.chart.series_for(name, c.scope.panel, c.line.line)


def trend_key(w: Walker, c: KeyedLine) -> Claim | None:
    if w.state.chart.has_legend_label(clean_name(c.key)):
        return None  # 'Trend Line (Blue Dashed Line):' where the legend lists "Trend Line"
    named = _trend_of_series(w, c) if c.scope.series is None or c.scope.inherited else None
    # 'Trend for n=1 (Solid Orange Line):' opens that series
    scope = c.scope if named is None else c.scope.but(inherited=False, series=named)
    series = scope.series
    if series is None and _drawn_line_points(w, c):
        return DONE
    if series is None and scope.x is None and c.text:
        read_for_every_series(w, c.text, scope, c.line.line)  # 'Both lines ... start at (0%, 0.0)'
    if series is not None:
        series.set_summary("trend", strip_markup(c.text) or None)
        if scope.x is None:
            statement(w, c.text, scope, c.line.line)
    if _heads_data_lines(w, c):
        w.data(c.node, scope)
    elif scope.x is None:
        _trend_sentences(w, c, scope)
    return DONE if named is None else Claim(scope)  # (in a flattened list, the lines after it are its own)


def _trend_sentences(w: Walker, c: KeyedLine, scope: Scope) -> None:
    """A trend key's text and the sentences under it, read where no x is in scope."""
    if scope.series is None and c.text and (
            (scope.role == "components" and not _has_data_section(w))
            or not (scope.role == "components" or w.state.known_names or w.state.categorical())):
        # a panel's trend among its axes, the description giving no data section; or the
        # trend of the one line a chart with no named series draws
        statement(w, c.text, scope, c.line.line)
    # With no series in scope, each sentence below names the series it is about.
    for child in c.node.walk():
        if child.line is not None and child.line.key is None:
            statement(w, child.line.text, scope, child.line.line)


def _has_data_section(w: Walker) -> bool:
    if w.memo.has_data_section is None:  # (sought once per description, not per trend key)
        w.memo.has_data_section = bool(headed_sections(w.root, "data"))
    return w.memo.has_data_section


def _drawn_line_points(w: Walker, c: KeyedLine) -> bool:
    """'Trend Line: a dashed line from approximately (16, 12) to (36, 32)': a line drawn on the
    chart, whose stated coordinates are its own points (a 'Trend:' only describes the data)."""
    words = c.info.words.split()
    if not c.text or not (words[-1:] == ["trendline"] or (len(words) >= 2 and words[-1] == "line")):
        return False
    reading = read_statement(strip_markup(c.text), w.state.x_words)
    pairs = [p for p in reading.points if p.rule in _COORDINATE_FORMS]
    if not pairs:
        return False
    line = w.state.chart.series_for(clean_name(c.key), c.scope.panel, c.line.line)
    for p in pairs:
        add_point(w, line, p.x, p.y, p.approx, c.line.line, rule=p.rule)
    return True


_COORDINATE_FORMS = frozenset({"statement.tuple", "statement.xy-equals"})


def meta_key(w: Walker, c: KeyedLine) -> Claim | None:
    if legend_lists(w, c.key):
        return None  # 'Language (yellow): 21.2%', 'Language (2):', 'Trend Line:' where the legend lists them
    if c.scope.series is None and _drawn_line_points(w, c):
        return DONE  # 'Fit Line: from about (10, 5) to (90, 41)'
    if c.text and named_series_clauses(w, c.text, c.scope, c.line.line):
        return DONE  # 'Markers: PHT at (9, 5.7), EFE at (9, 5.1)': each series named, its values
    if c.scope.series is not None and c.text and c.info.words in _POINT_PLACE_KEYS \
            and len(read_in(w.state, c.text).points) == 1:  # ('from (a, b) to (c, d)': a line's span)
        statement(w, c.text, c.scope, c.line.line)  # 'Placement: β_UV ≈ -0.2, log IRX ≈ 2.5': its point
        return DONE
    if c.line.numbered and not c.text and c.node.children and c.info.words not in META_KEYS:
        return None  # '2. **Language (Category 2):**' over its lines is one of a numbered run of headers
    pairs_under(w, c.node)  # ('Color Distribution:' over '... the highest point at x≈1.0, y≈0.992')
    return DONE


_POINT_PLACE_KEYS = frozenset({"placement", "position", "location", "coordinates"})


def feature_key(w: Walker, c: KeyedLine) -> Claim | None:
    """'**Peak:** at approximately (x ≈ 0.1, y ≈ 5.5)' under a series: a feature of that
    line, whose text states its point."""
    if c.scope.series is None or c.scope.x is not None or not c.text \
            or c.info.words not in LINE_FEATURE_KEYS:
        return None
    statement(w, c.text, c.scope, c.line.line)
    return DONE


def legend_lists(w: Walker, key: str) -> bool:
    """The legend lists the key's name, with or without its bracketed note."""
    name = clean_name(key)
    chart = w.state.chart
    return chart.has_legend_label(name) or chart.has_legend_label(PAREN_NOTE.sub(" ", name).strip())
