"""The tutorial's first figure: the folded network x → U → s (W self-loop) → V → o.

The boxes carry the matrix shapes (U: H×|vocab|, W: H×H, V: K×H); hovering a
box shows the selected step's vector (x_t the word, s_t its H values, o_t the
most likely tags).
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.forward import Trace
from . import style
from ._draw import arrows, box, labels, polyline_arrow

Y_X, Y_S, Y_O = 0.0, 1.0, 2.0
HALF = 0.3


def _vector(v: np.ndarray, per_line: int = 4) -> str:
    parts = [style.fmt(x, 2) for x in v]
    return "<br>".join("  ".join(parts[i:i + per_line]) for i in range(0, len(parts), per_line))


def folded_parts(tr: Trace, t: int, look: style.Look, *, x0: float = 0.0):
    """Traces and shapes of the folded diagram centred on x = x0."""
    m, lang = tr.model, look.lang
    shapes = [box(x0 - HALF, y - 0.2, x0 + HALF, y + 0.2, fill=look.node_fill,
                  line=look.fg, width=2) for y in (Y_X, Y_S, Y_O)]
    traces = []
    traces += arrows([(x0, Y_X + 0.2, x0, Y_S - 0.22), (x0, Y_S + 0.2, x0, Y_O - 0.22)],
                     colour=look.fg, width=2.2, head=12)
    # W: a loop leaving s on the right and coming back in on the left of the top
    loop_x = [x0 + HALF, x0 + HALF + 0.35, x0 + HALF + 0.45, x0 + HALF + 0.35, x0 + HALF]
    loop_y = [Y_S - 0.08, Y_S - 0.25, Y_S, Y_S + 0.25, Y_S + 0.08]
    traces += polyline_arrow(loop_x, loop_y, colour=look.fg, width=2.2, head=12)
    size, small = look.scaled(1.15), look.scaled(0.8)
    traces.append(labels([x0] * 3, [Y_X, Y_S, Y_O], ["x", "s", "o"], size=size,
                         colour=look.fg, bold=True))
    H, K, n = m.H, m.K, m.n_vocab
    traces.append(labels(
        [x0 + 0.05, x0 + HALF + 0.47, x0 + 0.05],
        [(Y_X + Y_S) / 2, Y_S, (Y_S + Y_O) / 2],
        [f"U<br>{H}×{n}", f"W<br>{H}×{H}", f"V<br>{K}×{H}"],
        size=small, colour=look.fg, anchor="middle right"))
    # hover: the selected step's vectors
    if tr.T and 1 <= t <= tr.T:
        word = style.esc(tr.tokens[t - 1])
        p = tr.o[t - 1]
        top = np.argsort(p)[::-1][:4]
        hover = [
            text("fig.hover.x", lang, t=t, word=word, id=int(tr.x[t - 1]), n=n),
            text("fig.hover.s", lang, t=t, prev=t - 1) + "<br>" + _vector(tr.s[t]),
            text("fig.hover.o", lang, t=t) + "<br>"
            + "<br>".join(f"{m.tags[k]}: {p[k]:.3f}" for k in top),
        ]
        traces.append(dict(type="scatter", x=[x0] * 3, y=[Y_X, Y_S, Y_O], mode="markers",
                                 hovertext=hover, hoverinfo="text", name="folded",
                                 marker=dict(size=40, symbol="square",
                                             color="rgba(0,0,0,0)")))
    return traces, shapes


def make_folded(tr: Trace, t: int, *, look: style.Look = style.Look(),
                height: int | None = None) -> go.Figure:
    """The folded diagram alone (the unrolled figure embeds the same parts)."""
    traces, shapes = folded_parts(tr, t, look, x0=0.0)
    return style.figure(traces, dict(**style.base_layout(look, height=height or look.scaled(22),
                                          title=text("fig.folded.title", look.lang)),
                      shapes=shapes, dragmode=False,
                      xaxis=dict(style.hidden_axis(), range=[-0.9, 1.4]),
                      yaxis=dict(style.hidden_axis(), range=[Y_X - 0.4, Y_O + 0.4],
                                 scaleanchor=None),
                      meta=dict(kind="folded", t=t)))
