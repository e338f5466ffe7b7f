"""Dask helpers: parse a dask bag or a dask dataframe column of descriptions.

>>> import dask.bag as db                                    # doctest: +SKIP
>>> charts = chartparse.dask.parse_bag(db.from_sequence(texts))  # doctest: +SKIP

Items are read as in :func:`chartparse.parse_many`: a path (``os.PathLike``, or a ``str``
naming an existing file) is read as a file, ``bytes`` are decoded, other strings are the
description text; pass ``kind="text"`` or ``kind="path"`` to say which. Unreadable files
give a chart with one error diagnostic. ``to`` chooses what each element becomes:
``"chart"`` (a :class:`chartparse.Chart`), ``"dict"`` (its JSON data) or ``"json"``
(compact JSON text). Dask is imported only when these functions are called; workers
need chartparse installed.
"""

from __future__ import annotations

from typing import Any, Literal

from .batch.many import item_task
from .batch.workers import convert, error_chart
from .models import Chart
from .source import DEFAULT_MAX_BYTES

To = Literal["chart", "dict", "json"]


def parse_bag(bag: Any, *, kind: Literal["path", "text"] | None = None, to: To = "chart",
              max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """A dask bag of descriptions -> a dask bag of parsed charts, element for element."""
    _check(to)
    return bag.map_partitions(_parse_partition, kind=kind, to=to, max_bytes=max_bytes)


def parse_series(series: Any, *, kind: Literal["path", "text"] | None = None, to: To = "json",
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """A dask dataframe Series of descriptions -> a Series (same index) of charts.

    The default ``to="json"`` gives a column of JSON text, which stores and shuffles
    well; ``"chart"`` and ``"dict"`` give a column of Python objects.
    """
    _check(to)
    meta = (series.name, "object")
    return series.map_partitions(_parse_pandas, kind=kind, to=to, max_bytes=max_bytes, meta=meta)


def _check(to: str) -> None:
    if to not in ("chart", "dict", "json"):
        raise ValueError(f"to must be 'chart', 'dict' or 'json', not {to!r}")


def _parse_one(item: Any, kind: str | None, to: str, max_bytes: int) -> Any:
    source, chart, error = convert(item_task(item, kind), "chart", max_bytes)
    if error is not None:
        chart = error_chart(source, *error)
    assert isinstance(chart, Chart)
    if to == "dict":
        return chart.to_dict()
    if to == "json":
        return chart.to_json(indent=None)
    return chart


def _parse_partition(items: Any, *, kind: str | None, to: str, max_bytes: int) -> list[Any]:
    return [_parse_one(item, kind, to, max_bytes) for item in items]


def _parse_pandas(part: Any, *, kind: str | None, to: str, max_bytes: int) -> Any:
    import pandas as pd

    values = [_parse_one(item, kind, to, max_bytes) for item in part.tolist()]
    return pd.Series(values, index=part.index, name=part.name, dtype=object)
