"""Memory, measured: accuracy on the last word against how far back its deciding word
stands, for the small RNN, LSTM and GRU trained on the memory task
(``training.memory``; the numbers are ``rnnviz/data/memory.json``'s).

One line per cell over d = 2 … 20, chance (50 %) dashed, and the distance of the
member tagged live on the page marked with a vertical line. The cells' points are
drawn a little apart along d (``DODGE``) so that equal accuracies do not hide each
other; the hover says the true d.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ..i18n import text
from ..nn.cells import NAMES
from ..training.memory import Result
from . import style
from .cells_flow import COLOURS, DASHES, SYMBOLS

DODGE = 0.12            # d units between the cells' points


def make_memory(result: Result, d: int | None = None, *, look: style.Look = style.Look(),
                height: int | None = None) -> go.Figure:
    """Accuracy (last word right, %) against d per cell; ``d``: the live member's."""
    lang = look.lang
    traces = []
    for i, cell in enumerate(result.correct):
        acc = 100 * result.accuracy(cell)
        shift = DODGE * (i - (len(result.correct) - 1) / 2)
        traces.append(dict(
            type="scatter", x=[dd + shift for dd in result.d], y=list(acc),
            mode="lines+markers", name=NAMES[cell],
            line=dict(color=COLOURS[cell], width=3, dash=DASHES[cell]),
            marker=dict(size=look.scaled(0.55), color=COLOURS[cell], symbol=SYMBOLS[cell]),
            hoverinfo="text", hovertext=[
                text("cells.fig.memory_point", lang, cell=NAMES[cell], d=dd, c=c, n=n,
                     acc=f"{a:.0f}")
                for dd, c, n, a in zip(result.d, result.correct[cell], result.n, acc)]))
    shapes = [dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=50, y1=50,
                   line=dict(color=look.muted, width=1.5, dash="dash"))]
    if d is not None:
        shapes.append(dict(type="line", xref="x", x0=d, x1=d, yref="paper", y0=0, y1=1,
                           line=dict(color=style.HIGHLIGHT, width=3)))
    axis_font = dict(size=look.scaled(0.8))
    title_font = dict(size=look.scaled(0.9))
    layout = style.base_layout(look, height=height or look.scaled(22),
                               title=text("cells.fig.memory_title", lang),
                               # the axis title and the legend under it (as cells_flow)
                               margin=dict(l=look.scaled(4.9), r=10, t=look.scaled(2.8),
                                           b=look.scaled(5.9)))
    layout["showlegend"] = True
    return style.figure(traces, dict(
        **layout, shapes=shapes, dragmode=False,
        legend=dict(orientation="h", x=0, y=-0.22, yanchor="top", font=axis_font),
        xaxis=dict(range=[min(result.d) - 0.5, max(result.d) + 0.5], dtick=2, fixedrange=True,
                   tickfont=axis_font, zeroline=False,
                   title=dict(text=text("cells.fig.memory_axis_d", lang), font=title_font)),
        yaxis=dict(range=[40, 103], fixedrange=True, tickfont=axis_font, ticksuffix=" %",
                   title=dict(text=text("cells.fig.memory_axis_acc", lang), font=title_font)),
        meta=dict(kind="cells_memory", d=d)))
