"""A legend key that states a fact about the legend itself (its position, its title, its one
label) or maps values to colours or sizes in place of entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab import SIZE_SCALE_PHRASES, fold, has_any_phrase
from .keys import key_words
from .legend import add_entries, entry_from_line
from .legend_notes import is_color_scale, legend_position, names_other_channel, scale_stop_lines
from .text import PAREN_NOTE, strip_markup

if TYPE_CHECKING:  # pragma: no cover
    from ..outline import Node
    from .walker import Walker


def legend_fact(w: Walker, node: Node, pos: str | None) -> bool:
    """A legend key that states a fact about the legend (its position, title, one label),
    or a colour scale, which maps values to colours and has no entries."""
    chart = w.state.chart
    line = node.line
    assert line is not None and line.key is not None
    words = key_words(line.key)
    # 'Legend (Positioned on the right):' over entries: a note on where the legend is, not a fact
    outside_note = key_words(PAREN_NOTE.sub(" ", line.key)) if node.children else words
    if "position" in outside_note or "location" in outside_note or _color_scale(w, node, line.key, line.text):
        chart.legend_position = chart.legend_position or pos
        return True
    if has_any_phrase(words, SIZE_SCALE_PHRASES) and not names_other_channel(words):
        # 'Legend (Size Encoding):': its lines map values to sizes, no entries (a key naming
        # colours too, 'colour = continent, bubble size = population', keeps its entries)
        _claim_below(w, node, "legend.size-scale")
        return True
    if "visual" in words or "title" in words:
        if "title" in words:
            chart.legend_title = strip_markup(line.text) or None
        return True
    if "label" in words and line.text and not node.children:
        entry = entry_from_line(None, line.text, line.line)
        if entry:
            entry.label = strip_markup(line.text)
            add_entries(chart, [entry])
        return True
    return False


def _color_scale(w: Walker, node: Node, key: str, text: str) -> bool:
    """A colour scale's key ('Color Scale:', 'Legend: Color scale'), alone or over its stops
    ('-0.2: Dark Blue', each a value's colour); or a legend over a scale's line: 'Scale: `30`
    (light blue) to `80` (dark blue)', or 'Color scale:' over its stops."""
    if any(_scale_line(child) for child in node.children) \
            and all(_scale_line(child) or _legend_meta(child) for child in node.children):
        _claim_under(w, node)  # the legend is the colour bar: its scale, place and title
        return True
    if not is_color_scale(key) and not (text and len(text.split()) <= _SCALE_TEXT_WORDS
                                        and is_color_scale(text)):
        return False
    if not node.children:
        return True
    stops = scale_stop_lines(node)
    for stop in stops or ():
        w.state.trace.claim(stop, "legend.color-scale")
    return stops is not None


def color_scale_block(w: Walker, node: Node) -> bool:
    """A colour scale's line among a legend's entries ('Color scale:' over its stops, 'Scale: 0
    (purple) to 1 (yellow)'): no entry (True when so read; the other lines keep theirs)."""
    if not _scale_line(node):
        return False
    w.state.trace.claim(node.line.line if node.line is not None else None, "legend.color-scale")
    _claim_below(w, node, "legend.color-scale")
    return True


def _legend_meta(child: Node) -> bool:
    """'Position: right', 'Label: "Score"': a line about the legend, no entry."""
    line = child.line
    return line is not None and line.key is not None and fold(line.key) in _META_KEYS


_META_KEYS = frozenset({"position", "location", "placement", "label", "title"})


def _scale_line(child: Node) -> bool:
    line = child.line
    if line is None or line.key is None:
        return False
    if fold(line.key) in _SCALE_KEYS and line.text and is_color_scale(line.text):
        return True
    return is_color_scale(line.key) and not line.text and scale_stop_lines(child) is not None


def _claim_below(w: Walker, node: Node, rule: str) -> None:
    """Every line under ``node`` is read by ``rule`` (as what it is, no entry)."""
    for child in node.walk():
        if child.line is not None:
            w.state.trace.claim(child.line.line, rule)


def _claim_under(w: Walker, node: Node) -> None:
    """The lines of a legend that is a colour bar: its scale, and its place and title."""
    _claim_below(w, node, "legend.color-scale")
    chart = w.state.chart
    for child in node.children:
        if child.line is not None:
            chart.legend_position = chart.legend_position or legend_position(child.line.text)
            if child.line.key is not None and fold(child.line.key) in ("label", "title"):
                chart.legend_title = chart.legend_title or strip_markup(child.line.text).strip('"“” ') or None


_SCALE_TEXT_WORDS = 4  # 'Color scale', 'A continuous color bar': the text says only what the legend is


_SCALE_KEYS = frozenset({"scale", "color scale", "colour scale", "range", "gradient"})
