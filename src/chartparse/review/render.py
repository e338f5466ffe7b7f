"""HTML for review pages and the site index, from jinja2 templates with autoescape on.

Everything taken from a description reaches the page through the templates' ``{{ }}``
(escaped). The only markup inserted as-is is the re-plot's SVG: the one :mod:`.svgplot`
writes (which escapes every text it draws), or, with ``--plot matplotlib``, the one
matplotlib wrote (it escapes the text it draws) plus the hotspot layer built here with
``Markup.format`` (which escapes its arguments).
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .view import DocView, point_id

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

    from ..models import Chart
    from .replot import Hotspot

HERE = Path(__file__).resolve().parent
MISSING_JINJA = "chartparse review needs jinja2: pip install 'chartparse[review]'"


class ReviewUnavailable(ImportError):
    """An optional dependency of ``chartparse review`` is missing."""


@functools.cache
def environment() -> jinja2.Environment:
    try:
        import jinja2
    except ImportError as err:
        raise ReviewUnavailable(MISSING_JINJA) from err
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = lambda v: f"{v:,}" if isinstance(v, int) else v
    from .source_html import source_lines

    env.globals["source_lines"] = source_lines
    return env


@functools.cache
def asset(name: str) -> str:
    return (HERE / "static" / name).read_text(encoding="utf-8")


PLOTTERS = ("svg", "matplotlib")


def add_plot(view: DocView, chart: Chart, with_plot: bool = True, plotter: str = "svg") -> None:
    """Draw ``chart``'s re-plot into ``view`` (or say in the page why there is none).

    ``plotter``: ``svg`` (:mod:`.svgplot`, fast, the points themselves clickable) or
    ``matplotlib`` (the ``--to svg`` figure, with hotspots laid over its points).
    """
    if not with_plot:
        view.plot_note = "re-plot left out (--no-plot)"
        return
    if view.counts["points"] == 0:
        view.plot_note = "no points were read, so there is nothing to plot"
        return
    try:
        if plotter == "matplotlib":
            view.svg = _matplotlib_svg(chart, view.key)
        else:
            from .svgplot import plot_svg

            view.svg = plot_svg(chart, view.key)
    except ImportError:
        view.plot_note = "--plot matplotlib needs matplotlib: pip install 'chartparse[plot]'"
    except Exception as err:  # a drawing bug must cost the plot, not the page
        view.plot_note = f"the re-plot failed: {type(err).__name__}: {err}"


def _matplotlib_svg(chart: Chart, key: str) -> str:
    from .replot import plot_svg

    svg, spots = plot_svg(chart)
    return _with_hotspots(svg, spots, key)


def _with_hotspots(svg: str, spots: list[Hotspot], key: str) -> str:
    from markupsafe import Markup

    layer = Markup('<g class="hotspots">') + Markup("").join(
        Markup('<circle class="hot" r="5" cx="{}" cy="{}" data-point="{}"></circle>').format(
            s.x, s.y, point_id(key, (s.series, s.point)))
        for s in spots
    ) + Markup("</g>")
    end = svg.rindex("</svg>")
    return svg[:end] + str(layer) + svg[end:]


def page_html(views: Iterable[DocView], *, title: str, index_href: str | None = None) -> str:
    """One self-contained HTML page holding ``views`` (CSS, JS and SVG inline)."""
    template = environment().get_template("page.html.j2")
    return template.render(views=list(views), page_title=title, index_href=index_href,
                           **_assets("review.js"))


def index_html(rows: list[dict[str, Any]], failures: list[dict[str, str]], *, title: str) -> str:
    template = environment().get_template("index.html.j2")
    return template.render(rows=rows, failures=failures, page_title=title, **_assets("index.js"))


def _assets(script: str) -> dict[str, str]:
    """The inline CSS and script, and the CSP source that lets only that script run.

    A ``<script>`` smuggled in by a description would be escaped anyway; the hash is a
    second lock: the browser runs no inline script but ours.
    """
    js = asset(script)
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return {"css": asset("review.css"), "js": js, "script_hash": f"'sha256-{digest}'"}
