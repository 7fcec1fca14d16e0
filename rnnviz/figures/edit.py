"""Edit one word: how far the change travels, ‖s'_t − s_t‖ over t (``reach.Edit``).

One line per tagger: the RNN carries the change of word k into every later
state through W; the feed-forward tagger (W = 0) changes s_k only. Steps
whose RNN tag changed get a larger marker; the edited step is shaded.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from . import style
from .compare import FF_COLOUR, RNN_COLOUR, legend_below


def validate(words: Sequence[str], k: int, ds_rnn, ds_ff, changed) -> None:
    T = len(words)
    if not 1 <= k <= T:
        raise ValueError(f"edited position k={k} is outside 1..{T}")
    for name, a in (("ds_rnn", ds_rnn), ("ds_ff", ds_ff), ("changed", changed)):
        if np.shape(a) != (T,):
            raise ValueError(f"{name} has shape {np.shape(a)}; expected ({T},)")


def make_edit(words: Sequence[str], k: int, ds_rnn: np.ndarray, ds_ff: np.ndarray,
              changed: Sequence[bool], *, look: style.Look = style.Look(),
              height: int | None = None) -> go.Figure:
    """‖Δs_t‖ for t = 1..T; ``words`` label the steps (the edited one as ``old → new``)."""
    validate(words, k, ds_rnn, ds_ff, changed)
    lang, T = look.lang, len(words)
    ts = list(range(1, T + 1))
    traces = []
    for name, ds, colour, dash, sizes in (
            (text("why.rnn", lang), ds_rnn, RNN_COLOUR, "solid",
             [look.scaled(1.0) if c else look.scaled(0.55) for c in changed]),
            (text("why.ff", lang), ds_ff, FF_COLOUR, "dot", look.scaled(0.55))):
        traces.append(dict(
            type="scatter", x=ts, y=[float(v) for v in np.nan_to_num(ds)], name=name,
            mode="lines+markers", line=dict(color=colour, width=3, dash=dash),
            marker=dict(color=colour, size=sizes, line=dict(color=look.bg, width=1)),
            hovertext=[f"{name}<br>t = {t}: ‖Δs<sub>{t}</sub>‖ = {v:.3f}"
                       for t, v in zip(ts, np.nan_to_num(ds))], hoverinfo="text"))
    labels = [style.esc(w) for w in words]
    tick_px = look.scaled(0.95 if T <= 12 else 0.8)
    # b: the words (turned 30° when Plotly finds them too wide for the chart) and the
    # legend under them (a margin Plotly has to widen costs a second drawing)
    bottom = look.scaled(3.0) + style.label_room(labels, tick_px, angle=30)
    labels = [f"<b>{w}</b>" if t == k else w for t, w in zip(ts, labels)]
    layout = style.base_layout(look, height=height or look.scaled(19),
                               title=style.pretty(text("why.fig.edit.title", lang, k=k)),
                               margin=dict(l=look.scaled(4.6), r=10, t=look.scaled(3.4),
                                           b=max(look.scaled(5.0), bottom)))
    return style.figure(traces, dict(
        layout, dragmode=False, showlegend=True,
        legend=legend_below(look),
        shapes=[dict(type="rect", xref="x", yref="paper", x0=k - 0.5, x1=k + 0.5, y0=0, y1=1,
                     fillcolor=style.HIGHLIGHT, opacity=0.18, line=dict(width=0),
                     layer="below")],
        xaxis=dict(tickmode="array", tickvals=ts, ticktext=labels, fixedrange=True,
                   range=[0.5, T + 0.5], tickfont=dict(size=tick_px)),
        yaxis=dict(fixedrange=True, rangemode="tozero", gridcolor="rgba(128,128,128,0.25)",
                   title=dict(text=style.pretty(text("why.fig.edit.y", lang)))),
        meta=dict(kind="why_edit", k=k, T=T)))
