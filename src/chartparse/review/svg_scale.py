"""Scales of the review re-plot: data values to a fraction of an axis's length, and ticks.

Standard library only. A scale knows its domain and its ticks before the page layout knows
how many pixels the axis gets, so the layout can size the margins from the tick labels.
``frac(v)`` is 0 at the start of the axis (left, or bottom) and 1 at its end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..export.common import format_number

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Axis

PAD = 0.04  # of the span, beyond the data (or a stated limit), so that markers show whole
Tick = tuple[float, str]


@dataclass(slots=True)
class Linear:
    lo: float
    hi: float
    ticks: list[Tick] = field(default_factory=list)

    def frac(self, value: float) -> float:
        return (value - self.lo) / (self.hi - self.lo)


@dataclass(slots=True)
class Log:
    lo: float
    hi: float
    ticks: list[Tick] = field(default_factory=list)

    def frac(self, value: float) -> float:
        if value <= 0:
            return -0.05
        return math.log10(value / self.lo) / math.log10(self.hi / self.lo)


@dataclass(slots=True)
class Band:
    """Categories side by side, each in a band of equal width; ``frac`` takes its index."""

    names: list[str]

    @property
    def ticks(self) -> list[Tick]:
        return [(float(i), name) for i, name in enumerate(self.names)]

    @property
    def width(self) -> float:
        return 1.0 / max(len(self.names), 1)

    def frac(self, index: float) -> float:
        return (index + 0.5) / max(len(self.names), 1)


Scale = Linear | Log | Band


def numeric_scale(axis: Axis | None, values: list[float], *, baseline: bool = False,
                  edges: bool = False) -> Linear | Log:
    """The scale for ``values``: log when the axis says so (and every value is positive),
    the stated range when every value fits inside it, else the data's span.

    ``baseline``: bars grow from zero, which the scale then includes and does not pad away.
    ``edges``: histogram bin edges, which need no padding either.
    """
    stated_lo = float(axis.min) if axis is not None and axis.min is not None else None
    stated_hi = float(axis.max) if axis is not None and axis.max is not None else None
    finite = [v for v in values if math.isfinite(v)]
    stated = (stated_lo is not None and stated_hi is not None and stated_lo < stated_hi
              and all(stated_lo <= v <= stated_hi for v in finite))
    log = axis is not None and axis.scale == "log" and all(v > 0 for v in finite) and (
        bool(finite) or (stated and stated_lo is not None and stated_lo > 0))
    if stated and not (log and stated_lo is not None and stated_lo <= 0):
        assert stated_lo is not None and stated_hi is not None
        lo, hi = stated_lo, stated_hi
    elif finite:
        lo, hi = min(finite), max(finite)
    else:
        lo, hi = 0.0, 1.0
    if log:
        return _log(lo, hi)
    if baseline:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if lo == hi:
        lo, hi = (lo - 1, hi + 1) if lo == 0 else (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1)
    pad = 0.0 if edges else PAD * (hi - lo)
    low = lo if (baseline and lo == 0) else lo - pad
    high = hi if (baseline and hi == 0) else hi + pad
    return Linear(low, high, linear_ticks(low, high))


def _log(lo: float, hi: float) -> Log:
    if lo == hi:
        lo, hi = lo / 2, hi * 2
    factor = (hi / lo) ** PAD
    low, high = lo / factor, hi * factor
    return Log(low, high, log_ticks(low, high))


def linear_ticks(lo: float, hi: float, target: int = 6) -> list[Tick]:
    """Round ticks (steps of 1, 2 or 5 times a power of ten) between ``lo`` and ``hi``."""
    raw = (hi - lo) / target
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9) + (1 if step / power == 2.5 else 0))
    first = math.ceil(lo / step - 1e-9)
    out: list[Tick] = []
    for k in range(first, first + 2 * target + 3):
        value = round(k * step, decimals + 2)
        if value > hi + 1e-9 * abs(step):
            break
        out.append((value, tick_text(value, decimals)))
    return out


def log_ticks(lo: float, hi: float) -> list[Tick]:
    """1-2-5 steps over up to two decades (every multiple under one decade), decades beyond."""
    decades = math.log10(hi / lo)
    subs = range(1, 10) if decades < 1 else (1, 2, 5) if decades <= 2.2 else (1,)
    every = max(1, math.ceil(decades / 8))  # at most about eight decade ticks
    out: list[Tick] = []
    for exponent in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        if exponent % every:
            continue
        for sub in subs:
            value = sub * 10.0 ** exponent
            if lo <= value <= hi:
                out.append((value, tick_text(value, max(0, -exponent))))
    return out


def tick_text(value: float, decimals: int = 0) -> str:
    """``0.25``, ``10``, ``1,000`` stays ``1000``; ``1e6`` and ``1e-5`` beyond."""
    if value == 0:
        return "0"
    if 1e-4 <= abs(value) < 1e6:
        return f"{value:.{min(decimals, 6)}f}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def edge_ticks(edges: list[float]) -> list[Tick]:
    """Ticks on histogram bin edges, every one with as many decimals as the most precise."""
    texts = [format_number(v) for v in edges]
    decimals = max((len(t.split(".")[1]) for t in texts if "." in t and "e" not in t), default=0)
    return [(v, f"{v:.{decimals}f}" if decimals <= 6 else t)
            for v, t in zip(edges, texts, strict=True)]
