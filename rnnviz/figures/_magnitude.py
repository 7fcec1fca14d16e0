"""Gradient magnitudes on a log scale, shared by the BPTT figures.

Gradients span many orders of magnitude (that is the lesson), so they are
drawn as log₁₀|g| on ``style.MAGNITUDE`` with a colour bar ticked in powers
of ten, and written out in hover text as ``3.2·10⁻⁵``. Zero and non-finite
values have no logarithm: they become NaN (blank) and say why on hover.
"""
from __future__ import annotations

import numpy as np
import plotly.colors

from . import style

MAX_DECADES = 16        # the colour range spans at most this many powers of ten
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def log10_abs(values) -> np.ndarray:
    """log₁₀|v| elementwise; NaN where v is 0 or not finite."""
    v = np.abs(np.asarray(values, dtype=float))
    out = np.full(v.shape, np.nan)
    ok = np.isfinite(v) & (v > 0)
    out[ok] = np.log10(v[ok])
    return out


def log_range(*logs: np.ndarray) -> tuple[float, float]:
    """(lo, hi) covering the finite log values (at least one decade, at most MAX_DECADES)."""
    finite = [a[np.isfinite(a)] for a in map(np.asarray, logs)]
    finite = [a for a in finite if a.size]
    if not finite:
        return -1.0, 0.0
    hi = float(np.ceil(max(a.max() for a in finite)))
    lo = float(np.floor(min(a.min() for a in finite)))
    lo = max(lo, hi - MAX_DECADES)
    return (lo, hi) if hi > lo else (hi - 1.0, hi)


def fraction(logv, lo: float, hi: float) -> np.ndarray:
    """Where log values sit in [lo, hi], clipped to 0..1 (NaN stays NaN)."""
    return np.clip((np.asarray(logv, dtype=float) - lo) / (hi - lo), 0.0, 1.0)


def colours(logv, lo: float, hi: float, *, missing: str = "#bbbbbb") -> list[str]:
    """The colour of each log value on the magnitude scale (``missing`` for NaN)."""
    frac = fraction(logv, lo, hi).reshape(-1)
    ok = np.isfinite(frac)
    sampled = iter(plotly.colors.sample_colorscale(style.MAGNITUDE, list(frac[ok]))
                   if ok.any() else [])
    return [next(sampled) if good else missing for good in ok]


def power(e: int) -> str:
    """10 to the integer power ``e`` as text: 10⁻⁵."""
    return "10" + str(int(e)).translate(_SUPERSCRIPT)


def sci(v: float, digits: int = 2) -> str:
    """A number in the 3.2·10⁻⁵ form ('0', '∞', 'NaN' where those apply)."""
    v = float(v)
    if not np.isfinite(v):
        return style.fmt(v)
    if v == 0:
        return "0"
    e = int(np.floor(np.log10(abs(v))))
    m = v / 10.0 ** e
    if round(abs(m), digits - 1) >= 10:                  # 9.99 rounds up to 10.0
        m, e = m / 10, e + 1
    sign = "−" if m < 0 else ""
    mant = f"{abs(m):.{digits - 1}f}"
    return f"{sign}{mant}" if e == 0 else f"{sign}{mant}·{power(e)}"


def decade_step(*arrays) -> int:
    """A log axis's dtick: every power of ten labelled, or every 2nd/4th/… over a wide
    range (an integer dtick also keeps Plotly's small 2 and 5 labels away)."""
    values = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays] or [[1.0]])
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return 1
    decades = np.log10(values.max()) - np.log10(values.min())
    return int(max(1, 2 ** np.ceil(np.log2(max(decades, 1) / 8))))


def colorbar(lo: float, hi: float, look: style.Look, title: str | None, **extra) -> dict:
    """A colour bar for log₁₀ values, ticked at powers of ten (``title`` None: none)."""
    span = hi - lo
    stride = 1 if span <= 8 else 2 if span <= 16 else 4
    ticks = list(range(int(np.ceil(lo)), int(np.floor(hi)) + 1, stride))
    return dict(thickness=14, tickvals=ticks, ticktext=[power(e) for e in ticks],
                tickfont=dict(size=look.scaled(0.8)),
                title=dict(text=title, font=dict(size=look.scaled(0.85)), side="right")
                if title else None, **extra)
