"""The extractor's named line rules, one chain per kind of line.

* :mod:`.components` -- pass 1, keyed lines that state the figure's parts
  (axes, legend, title, kind, declared series, panel lists).
* :mod:`.keyed` -- pass 2, ``Key: value`` lines that carry data.
* :mod:`.headers` -- pass 2, header lines (a key with no value, a bold line, a
  heading) and the scope they open for the lines under them.

``chartparse rules`` lists every chain in order.
"""
