"""The gates of an LSTM or a GRU over the sentence, as heatmaps (units × steps).

One panel per gate in the cell's stacking order (``cell_names.LSTM_GATES`` /
``GRU_GATES``), then, for the LSTM, the cell state C_t. The σ gates share one fixed
[0, 1] scale (0 closes, 1 lets through), the tanh candidates (C̃_t, s̃_t) one fixed
[-1, 1] scale, and C_t, which is unbounded, its own scale centred on 0 (±max |C_t|
of this sentence). Every value is the trace's own (``CellTrace.gate``, ``fw.C``);
step t is outlined. ``label_html`` writes a ``cell_names`` label for Plotly.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.cell_names import label
from ..nn.cells import cell_of
from . import style
from .heatmaps import token_labels

CANDIDATES = {"cand"}                  # tanh: [-1, 1]; the other gates σ: [0, 1]
GAP = 0.035                            # between panels (fraction of the plot height)


def label_html(cell: str, key: str, t=None) -> str:
    """``cell_names.label`` with the step as a subscript: "φ<sub>t</sub>", "C<sub>3</sub>"."""
    name = label(cell, key, t)
    base, _, index = name.rpartition("_")
    return f"{base}<sub>{index.strip('{}')}</sub>" if base else name


def panels(tr) -> list[tuple[str, np.ndarray]]:
    """(key, (T, H) values) per panel: every gate, then C_t for the LSTM."""
    out = [(g, tr.gate(g)) for g in tr.model.GATES]
    if cell_of(tr.model) == "lstm":
        out.append(("cell", tr.fw.C[1:, 0]))
    return out


def validate(tr, t: int) -> None:
    if cell_of(tr.model) not in ("lstm", "gru"):
        raise ValueError(f"not a gated cell: {cell_of(tr.model)}")
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")


def make_gates(tr, t: int, *, look: style.Look = style.Look(),
               height: int | None = None) -> go.Figure:
    """Each gate (and C_t) of ``tr`` as an H × T heatmap, step ``t`` outlined."""
    validate(tr, t)
    cell, lang, T, H = cell_of(tr.model), look.lang, tr.T, tr.model.H
    rows = panels(tr)
    n = len(rows)
    steps = list(range(1, T + 1))
    units = list(range(1, H + 1))
    c_max = style.symmetric_range(tr.fw.C[1:, 0]) if cell == "lstm" else 1.0
    traces, shapes, axes = [], [], {}
    span = (1.0 - GAP * (n - 1)) / n
    for i, (key, values) in enumerate(rows):
        top = 1.0 - i * (span + GAP)
        ax = "" if i == 0 else str(i + 1)
        name = label_html(cell, key)
        if key == "cell":
            scale = dict(colorscale=style.DIVERGING, zmin=-c_max, zmax=c_max, zmid=0)
        elif key in CANDIDATES:
            scale = dict(colorscale=style.DIVERGING, zmin=-1.0, zmax=1.0, zmid=0)
        else:
            scale = dict(colorscale=style.SEQUENTIAL, zmin=0.0, zmax=1.0)
        traces.append(dict(
            type="heatmap", z=values.T, x=steps, y=units, **scale, showscale=False,
            name=key, xaxis=f"x{ax}", yaxis=f"y{ax}", xgap=1, ygap=0,
            hovertemplate=text("cells.fig.gate_hover", lang, name=name)
            + "<extra></extra>"))
        axes[f"xaxis{ax}"] = dict(anchor=f"y{ax}", range=[0.5, T + 0.5], fixedrange=True,
                                  showgrid=False, zeroline=False, showticklabels=i == n - 1,
                                  tickmode="array",
                                  tickvals=steps if T <= 12 else [1] + list(range(5, T + 1, 5)),
                                  ticktext=token_labels(tr.tokens) if T <= 6 else None,
                                  tickfont=dict(size=look.scaled(0.8)),
                                  matches="x" if i else None)
        axes[f"yaxis{ax}"] = dict(anchor=f"x{ax}", domain=[top - span, top], fixedrange=True,
                                  showgrid=False, zeroline=False, showticklabels=False,
                                  range=[H + 0.5, 0.5],
                                  title=dict(text=name, standoff=4,
                                             font=dict(size=look.scaled(1.0))))
        shapes.append(dict(type="rect", xref=f"x{ax}", yref=f"y{ax}", x0=t - 0.5, x1=t + 0.5,
                           y0=0.5, y1=H + 0.5, line=dict(color=style.HIGHLIGHT, width=2),
                           fillcolor="rgba(0,0,0,0)"))
    scales = text("cells.fig.gate_scales_lstm" if cell == "lstm" else "cells.fig.gate_scales_gru",
                  lang, cmax=f"{c_max:.2f}")
    panel_px = max(look.scaled(4.5), 4 * H)
    layout = style.base_layout(look, height=height or int(n * panel_px + look.scaled(7.2)),
                               title=text("cells.fig.gates_title", lang, cell=cell.upper(), t=t)
                               + f"<br><span style='font-size:0.8em'>{scales}</span>",
                               margin=dict(l=look.scaled(3.2), r=10, t=look.scaled(6.0) + 8,
                                           b=look.scaled(2.2)))
    # a three-line title hangs from the top of the figure, clear of the first panel
    layout["title"].update(yref="container", y=1.0, yanchor="top", pad=dict(t=look.scaled(1.3)))
    return style.figure(traces, dict(**layout, **axes, shapes=shapes, dragmode=False,
                                     meta=dict(kind="cells_gates", cell=cell, t=t, T=T,
                                               keys=[k for k, _ in rows])))
