"""The gradient of the last word's loss at every earlier state, for the three cells.

‖∂L_T/∂s_k‖ for k = 1..T (``lessons.cells.flow_to_last``: the engines' gradient flow,
row T) of the RNN, the LSTM and the GRU on one log axis: a line falling to the left
is a gradient that vanishes on its way back; the cell whose line stays highest at
k = 1 lets the first word's state learn the most from the last word's error. Zero or
non-finite norms have no logarithm and are left out (said on hover of the rest).
``cell_state``: the LSTM's ‖∂L_T/∂C_k‖ as a thin line of the LSTM's colour, the path
its cell state gives the error besides s_k.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.cells import NAMES
from . import _magnitude as mag
from . import style
from .heatmaps import token_labels

COLOURS = {"rnn": "#0072B2", "lstm": "#D55E00", "gru": "#009E73"}     # Okabe–Ito
DASHES = {"rnn": "solid", "lstm": "dash", "gru": "dot"}               # not colour alone
SYMBOLS = {"rnn": "circle", "lstm": "square", "gru": "diamond"}


def written(v: float) -> str:
    """A norm as the chart's hover writes it (3.2·10⁻⁵), for the table of its numbers."""
    return mag.sci(v)


def validate(norms: Mapping[str, np.ndarray], tokens: Sequence[str]) -> None:
    for cell, n in norms.items():
        if len(n) != len(tokens):
            raise ValueError(f"{cell}: {len(n)} norms for {len(tokens)} tokens")
    if not tokens:
        raise ValueError("the sentence is empty: nothing to draw")


def make_cells_flow(norms: Mapping[str, np.ndarray], tokens: Sequence[str], *,
                    cell_state: np.ndarray | None = None, look: style.Look = style.Look(),
                    height: int | None = None) -> go.Figure:
    """One line per cell: ‖∂L_T/∂s_k‖ against k, log y (and the LSTM's ‖∂L_T/∂C_k‖)."""
    validate(norms, tokens)
    if cell_state is not None and len(cell_state) != len(tokens):
        raise ValueError(f"cell state: {len(cell_state)} norms for {len(tokens)} tokens")
    lang, T = look.lang, len(tokens)
    words = [style.esc(w) for w in tokens]
    ks = np.arange(1, T + 1)
    traces = []
    for cell, n in norms.items():
        n = np.asarray(n, dtype=float)
        shown = np.isfinite(n) & (n > 0)
        traces.append(dict(
            type="scatter", x=ks[shown], y=n[shown], mode="lines+markers", name=NAMES[cell],
            line=dict(color=COLOURS[cell], width=3, dash=DASHES[cell]),
            marker=dict(size=look.scaled(0.55), color=COLOURS[cell], symbol=SYMBOLS[cell]),
            hoverinfo="text", hovertext=[
                text("cells.fig.flow_point", lang, cell=NAMES[cell], T=T, k=int(k),
                     wk=words[k - 1], v=mag.sci(v)) for k, v in zip(ks[shown], n[shown])]))
    if cell_state is not None:
        n = np.asarray(cell_state, dtype=float)
        shown = np.isfinite(n) & (n > 0)
        name = text("cells.fig.flow_cell_state", lang)
        traces.append(dict(
            type="scatter", x=ks[shown], y=n[shown], mode="lines", name=name,
            line=dict(color=COLOURS["lstm"], width=1.5, dash="dashdot"), opacity=0.7,
            hoverinfo="text", hovertext=[
                text("cells.fig.flow_point_C", lang, T=T, k=int(k), wk=words[k - 1],
                     v=mag.sci(v)) for k, v in zip(ks[shown], n[shown])]))
    axis_font = dict(size=look.scaled(0.8))
    title_font = dict(size=look.scaled(0.9))
    layout = style.base_layout(look, height=height or look.scaled(24),
                               title=text("cells.fig.flow_title", lang, T=T)
                               + "<br><span style='font-size:0.8em'>"
                               + text("cells.fig.flow_subtitle", lang, word=words[-1])
                               + "</span>",
                               # the axis title and the legend under it (a margin Plotly
                               # must widen costs a second drawing of the chart)
                               margin=dict(l=look.scaled(4.9), r=10, t=look.scaled(5.2),
                                           b=look.scaled(5.8)))
    layout["showlegend"] = True
    layout["title"].update(yref="container", y=1.0, yanchor="top", pad=dict(t=look.scaled(1.3)))
    return style.figure(traces, dict(
        **layout, dragmode=False,
        legend=dict(orientation="h", x=0, y=-0.2, yanchor="top", font=axis_font),
        xaxis=dict(range=[0.5, T + 0.5], tickmode="array",
                   tickvals=list(ks) if T <= 12 else [1] + list(range(5, T + 1, 5)),
                   ticktext=token_labels(tokens) if T <= 6 else None, tickfont=axis_font,
                   fixedrange=True, zeroline=False,
                   title=dict(text=text("cells.fig.flow_axis_k", lang), font=title_font)),
        yaxis=dict(type="log", exponentformat="power", fixedrange=True, tickfont=axis_font,
                   dtick=mag.decade_step(*norms.values(), *(
                       () if cell_state is None else (cell_state,))),
                   gridcolor="rgba(128,128,128,0.25)",
                   title=dict(text=text("cells.fig.flow_axis_norm", lang, T=T),
                              font=title_font)),
        meta=dict(kind="cells_flow", T=T, cells=list(norms))))
