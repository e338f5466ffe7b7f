"""``chartparse review``: HTML pages that show, beside a description, what was read from it.

- :mod:`.view`   -- the page's data (source lines cut into marked segments, the table, counts);
- :mod:`.plot`   -- the re-plot as inline SVG, with one clickable hotspot per point;
- :mod:`.render` -- jinja2 templates (autoescaped: the text is untrusted) and inline assets;
- :mod:`.site`   -- a folder of pages plus a sortable index, built in parallel;
- :mod:`.cli`    -- the click command.

Needs the ``review`` extra (jinja2; matplotlib for the re-plot). Nothing here is imported
by ``chartparse FILE``.
"""
