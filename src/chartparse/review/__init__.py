"""``chartparse review``: HTML pages that show, beside a description, what was read from it.

- :mod:`.view`   -- the page's data (source lines cut into marked segments, the table, counts);
- :mod:`.svgplot` -- the re-plot as inline SVG, drawn here (standard library only), each
  point a clickable mark (:mod:`.svg_xy`, :mod:`.svg_round`: the panels; :mod:`.svg_axes`,
  :mod:`.svg_scale`, :mod:`.svg_canvas`: axes, scales, escaped SVG text);
- :mod:`.replot` -- ``--plot matplotlib``: matplotlib's SVG with a hotspot over each point;
- :mod:`.render` -- jinja2 templates (autoescaped: the text is untrusted) and inline assets;
- :mod:`.site`   -- a folder of pages plus a sortable index, built in parallel;
- :mod:`.cli`    -- the click command.

Needs the ``review`` extra (jinja2; matplotlib only for ``--plot matplotlib``). Nothing
here is imported by ``chartparse FILE``.
"""
