"""A small SVG writer for the review re-plot: elements as text, every string escaped.

Text from a description (titles, series and category names) is untrusted: it reaches the
SVG only through :func:`esc` (text and attribute values alike). Colours come from
:func:`chartparse.export.common.css_color` (a CSS name or a hex code) and are escaped too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

CHAR_WIDTH = 0.58  # average glyph width of the sans-serif face, in font sizes
DASHES = {"dashed": "6 4", "dotted": "1.5 3", "dashdot": "6 3 1.5 3"}


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """A coordinate: one decimal, no trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def clip(text: str, chars: int) -> str:
    """``text`` cut to ``chars`` characters (an ellipsis marks the cut)."""
    chars = max(chars, 4)
    return text if len(text) <= chars else text[:chars - 1].rstrip() + "…"


@dataclass(slots=True)
class Svg:
    width: float
    height: float
    parts: list[str] = field(default_factory=list)

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def text(self, x: float, y: float, content: str, *, size: float = 11, anchor: str = "start",
             css: str | None = None, rotate: float | None = None, bold: bool = False,
             full: str | None = None) -> None:
        """A line of text at (x, y) (its baseline); ``full``: the whole text, as a tooltip,
        when ``content`` was clipped."""
        attrs = f'x="{num(x)}" y="{num(y)}"'
        if size != 11:
            attrs += f' font-size="{num(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if css:
            attrs += f' class="{esc(css)}"'
        if bold:
            attrs += ' font-weight="bold"'
        if rotate:
            attrs += f' transform="rotate({num(rotate)} {num(x)} {num(y)})"'
        tip = f"<title>{esc(full)}</title>" if full and full != content else ""
        self.add(f"<text {attrs}>{tip}{esc(content)}</text>")

    def line(self, x1: float, y1: float, x2: float, y2: float, css: str) -> None:
        self.add(f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
                 f'class="{css}"/>')

    def polyline(self, points: list[tuple[float, float]], color: str, dash: str | None) -> None:
        if len(points) < 2:
            return
        path = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        style = f' stroke-dasharray="{DASHES[dash]}"' if dash in DASHES else ""
        self.add(f'<polyline points="{path}" fill="none" stroke="{esc(color)}" '
                 f'stroke-width="1.8"{style}/>')

    def polygon(self, points: list[tuple[float, float]], color: str, opacity: float) -> None:
        path = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self.add(f'<polygon points="{path}" fill="{esc(color)}" fill-opacity="{opacity}" '
                 f'stroke="none"/>')

    def rect(self, x: float, y: float, w: float, h: float, color: str, *,
             point: str | None = None, tip: str | None = None, css: str = "bar",
             opacity: float | None = None) -> None:
        fade = f' fill-opacity="{opacity}"' if opacity is not None else ""
        self.add(f'<rect{_point(point, css)} x="{num(x)}" y="{num(y)}" width="{num(max(w, 1.0))}" '
                 f'height="{num(max(h, 1.0))}" fill="{esc(color)}"{fade}>{_tip(tip)}</rect>')

    def dot(self, x: float, y: float, color: str, *, point: str | None, tip: str | None, r: float = 3.5,
            shape: str = "circle") -> None:
        """A marker: a circle, or the square, triangle or diamond the text names."""
        fill, inner = f'fill="{esc(color)}"', _tip(tip)
        if shape == "square":
            self.add(f'<rect{_point(point, "dot")} x="{num(x - r)}" y="{num(y - r)}" '
                     f'width="{num(2 * r)}" height="{num(2 * r)}" {fill}>{inner}</rect>')
        elif shape in ("triangle", "diamond"):
            k = r * 1.25
            corners = ([(x, y - k), (x + k, y + k * 0.75), (x - k, y + k * 0.75)]
                       if shape == "triangle" else [(x, y - k), (x + k, y), (x, y + k), (x - k, y)])
            d = "M" + "L".join(f"{num(a)},{num(b)}" for a, b in corners) + "Z"
            self.add(f'<path{_point(point, "dot")} d="{d}" {fill}>{inner}</path>')
        else:
            self.add(f'<circle{_point(point, "dot")} cx="{num(x)}" cy="{num(y)}" r="{num(r)}" '
                     f'{fill}>{inner}</circle>')

    def path(self, d: str, color: str, *, point: str, tip: str) -> None:
        self.add(f'<path{_point(point, "wedge")} d="{d}" fill="{esc(color)}">{_tip(tip)}</path>')

    def markup(self, title: str) -> str:
        """The whole ``<svg>`` element."""
        return (f'<svg xmlns="http://www.w3.org/2000/svg" class="replot" '
                f'aria-label="{esc(title)}" width="{num(self.width)}" '
                f'height="{num(self.height)}" viewBox="0 0 {num(self.width)} {num(self.height)}" '
                f'font-size="11">{"".join(self.parts)}</svg>')


def _point(point: str | None, css: str) -> str:
    """A plotted point is the clickable element: it carries the id the page links by."""
    if point is None:
        return f' class="{css}"'
    return f' class="pt {css}" data-point="{esc(point)}"'


def _tip(tip: str | None) -> str:
    return f"<title>{esc(tip)}</title>" if tip else ""
