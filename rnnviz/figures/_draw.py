"""Small drawing helpers shared by the diagram figures (boxes, arrows, labels)."""
from __future__ import annotations

from typing import Iterable, Sequence


def box(x0, y0, x1, y1, *, fill, line="#555", width=1.5, dash=None, layer="below",
        radius=True) -> dict:
    """A rectangle shape in data coordinates (rounded corners via an SVG path)."""
    if not radius:
        return dict(type="rect", x0=x0, y0=y0, x1=x1, y1=y1, fillcolor=fill, layer=layer,
                    line=dict(color=line, width=width, dash=dash))
    r = min(x1 - x0, y1 - y0) * 0.18
    path = (f"M{x0 + r},{y0} L{x1 - r},{y0} Q{x1},{y0} {x1},{y0 + r} L{x1},{y1 - r} "
            f"Q{x1},{y1} {x1 - r},{y1} L{x0 + r},{y1} Q{x0},{y1} {x0},{y1 - r} "
            f"L{x0},{y0 + r} Q{x0},{y0} {x0 + r},{y0} Z")
    return dict(type="path", path=path, fillcolor=fill, layer=layer,
                line=dict(color=line, width=width, dash=dash))


def arrows(segments: Iterable[tuple[float, float, float, float]], *, colour: str,
           width: float = 2.0, head: int = 10, name: str = "", opacity: float = 1.0
           ) -> list[dict]:
    """Straight arrows (x0, y0) -> (x1, y1) as one line trace plus one head trace."""
    xs, ys, hx, hy = [], [], [], []
    for x0, y0, x1, y1 in segments:
        xs += [x0, x1, None]
        ys += [y0, y1, None]
        hx += [x0, x1]
        hy += [y0, y1]
    line = dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=colour, width=width),
                      hoverinfo="skip", name=name, opacity=opacity)
    # an "arrow" marker on the end point, pointing away from the start point
    sizes = [0, head] * (len(hx) // 2)
    heads = dict(type="scatter", x=hx, y=hy, mode="markers", hoverinfo="skip", name=name,
                       opacity=opacity,
                       marker=dict(symbol="arrow", angleref="previous", size=sizes,
                                   color=colour, line=dict(width=0)))
    return [line, heads]


def polyline_arrow(xs: Sequence[float], ys: Sequence[float], *, colour: str, width=2.0,
                   head: int = 10, name: str = "") -> list[dict]:
    """A curved arrow along a polyline, with the head at its last point."""
    line = dict(type="scatter", x=list(xs), y=list(ys), mode="lines", hoverinfo="skip", name=name,
                      line=dict(color=colour, width=width, shape="spline"))
    heads = dict(type="scatter", x=list(xs[-2:]), y=list(ys[-2:]), mode="markers", hoverinfo="skip",
                       marker=dict(symbol="arrow", angleref="previous", size=[0, head],
                                   color=colour, line=dict(width=0)), name=name)
    return [line, heads]


def labels(x, y, text, *, size, colour, bold=False, anchor="middle center",
           hover=None, name="") -> dict:
    """Text at points (a scatter trace: cheaper to draw than annotations)."""
    if bold:
        text = [f"<b>{t}</b>" if t else t for t in text]
    return dict(type="scatter", x=list(x), y=list(y), mode="text", text=list(text),
                      textposition=anchor, name=name,
                      textfont=dict(size=size, color=colour),
                      hoverinfo="text" if hover is not None else "skip",
                      hovertext=list(hover) if hover is not None else None)
