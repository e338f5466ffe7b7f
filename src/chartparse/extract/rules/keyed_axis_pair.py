"""A point stated one coordinate per line, each keyed by its axis' label:

    1. **Model K**
    - **Accuracy**: ~0.8
    - **MMLU Score**: ~85

Under a series, a key whose words are all words of one axis' label (and not all of the
other's) gives that coordinate; once the same series has both, they are one point.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ...vocab import label_words
from ..add_points import add_point, target
from ..categories import category_axis
from ..category_values import listed_tick
from ..narrative import read_statement
from ..ruler import DONE, Claim
from ..state import name_key
from ..statements import statement
from ..text import quantities, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..walker import Walker
    from .keyed_line import KeyedLine


def _axis_of_key(key: str, x_words: frozenset[str], y_words: frozenset[str]) -> str | None:
    plain = strip_markup(key)
    if (letter := _AXIS_LETTER.search(plain)) is not None:
        return letter.group(1).lower()  # 'Accuracy (X)': the key says which axis
    words = label_words(plain)
    if not words:
        return None
    on_x, on_y = words <= x_words, words <= y_words
    return "x" if on_x and not on_y else "y" if on_y and not on_x else None


_AXIS_LETTER: Final = re.compile(r"\(\s?([XYxy])(?:[\s-]?axis)?\s?\)\s*:?$")
_PLACE_NOTE: Final = re.compile(  # '(annotated at x=400)': where the value is drawn
    r"\((?=[^()]{0,40}\b(?:annotated|label+ed|marked|drawn|shown|near|at)\b)[^()]{1,40}\)", re.IGNORECASE)


def axis_key_value(w: Walker, c: KeyedLine) -> Claim | None:
    """'Accuracy: ~0.8' then 'MMLU Score: ~85' under one series: the y, then the x, of
    one point (either order), paired by the axes' labels."""
    scope, state = c.scope, w.state
    series = scope.series
    if series is None or scope.x is not None or state.categorical() or not c.text \
            or any(ch.isdigit() for ch in c.key):  # 'M_UV ≈ -21: f ≈ 0.4' is a point of its own
        return None
    role = _axis_of_key(c.key, state.x_words, state.y_words)
    if role is None:
        return None
    _, qs = quantities(_PLACE_NOTE.sub(" ", c.text))  # ('402.4W (annotated at x=400)': a note on where)
    if len(qs) != 1:
        return None
    halves = w.memo.axis_halves.setdefault((series.panel, name_key(series.name)), {})
    halves[role] = (qs[0].value, qs[0].approx, c.line.line)
    if "x" in halves and "y" in halves:
        x, _, x_line = halves["x"]
        y, approx, line = halves["y"]
        add_point(w, series, x, y, approx, line, rule="keyed.axis-key-value")
        if x_line != line:
            state.trace.read_x(x_line, x, "keyed.axis-key-value")
        series.touch(line)
        halves.clear()
    return DONE


def y_at_own_category(w: Walker, c: KeyedLine) -> Claim | None:
    """'1. **EMHIRES (Black)**' then '- Mean capacity factor: 0.38' on a categorical chart:
    the series is also a declared category, so a key naming the y gives its value there."""
    scope, state = c.scope, w.state
    series = scope.series
    if series is None or scope.x is not None or not state.categorical() or not c.text \
            or _axis_of_key(c.key, state.x_words, state.y_words) != "y":
        return None
    tick = listed_tick(state.chart, scope.panel, series.name)
    if tick is None:
        return None
    statement(w, c.text, scope.but(x=tick), c.line.line)
    return DONE


_Y_VALUES_KEY: Final = re.compile(r"^(?:approximate\s|approx\.?\s|estimated\s)?y[\s-]?values?$",
                                  re.IGNORECASE)


def y_list_at_x(w: Walker, c: KeyedLine) -> Claim | None:
    """At an x, 'Approximate y-values: 0, 1, 2, 3' (or a key naming the y axis) over a bare
    list: a dot at each of those heights, as a column of a dot plot has."""
    scope, state = c.scope, w.state
    if scope.x is None or not _BARE_NUMBERS.match(c.text) or not (
            _Y_VALUES_KEY.match(strip_markup(c.key).strip())
            or _axis_of_key(c.key, state.x_words, state.y_words) == "y"):
        return None
    series = target(w, scope)
    for q in quantities(c.text)[1]:
        add_point(w, series, scope.x, q.value, q.approx, c.line.line, rule="keyed.y-list-at-x")
    return DONE


_BARE_NUMBERS: Final = re.compile(
    r"^[\s`*]*-?\d[\d.]*(?:[\s`*]*(?:,\s*and|,|and)[\s`*]*-?\d[\d.]*)+[\s`*.]*$")


def x_positions(w: Walker, c: KeyedLine) -> Claim | None:
    """'Redshifts: 1, 2, 3, 4' (under a series): the x values where points sit, with no
    value at any of them; no point can be made of them (explain: x-positions-only)."""
    scope, state = c.scope, w.state
    if scope.x is not None or any(ch.isdigit() for ch in c.key) \
            or not _BARE_NUMBERS.match(c.text):
        return None
    words = {word[:-1] if word.endswith("s") and word[:-1] in state.x_words else word
             for word in label_words(strip_markup(c.key))}
    if not words or not words <= state.x_words or words <= state.y_words:
        return None
    return DONE


def axis_noted_ticks(w: Walker, c: KeyedLine) -> Claim | None:
    """'Frame Numbers (Y-axis): 0, 6, 12, 18': a key whose note names an axis, over a bare list
    of numbers, gives that axis' ticks; no point can be made of them."""
    if not (_AXIS_NOTE.search(c.key) and _BARE_NUMBERS.match(c.text)) \
            or w.known_series_name(c.key, c.scope.panel) is not None:
        return None  # ('Revenue (Y-axis): 12, 15, 19' where the legend names Revenue: its values)
    axis = category_axis(w.state.chart, c.scope.panel)
    listed = [t for t in axis.ticks if isinstance(t, str)] if axis is not None else []
    if listed and len(quantities(c.text)[1]) == len(listed):
        return None  # 'Revenue (Y-axis): 12, 15, 19' over three declared years: a series' values
    return DONE


_AXIS_NOTE: Final = re.compile(r"\(\s?(?:[xy]2?|horizontal|vertical)[\s-]?axis\s?\)", re.IGNORECASE)
_TUPLE_KEY: Final = re.compile(r"^[\s`*_]*\(\s*[^(),]{1,30},\s*[^(),]{1,30}\)[\s`*_]*$")


def tuple_key(w: Walker, c: KeyedLine) -> Claim | None:
    """'`(0.56, ~10⁵)`: Located at the far left': the key is the point, its text a note."""
    if not _TUPLE_KEY.match(c.key):
        return None
    reading = read_statement(strip_markup(c.key).strip("` "))
    if len(reading.points) != 1:
        return None
    p = reading.points[0]
    add_point(w, target(w, c.scope), p.x, p.y, p.approx, c.line.line, rule=p.rule)
    return DONE
