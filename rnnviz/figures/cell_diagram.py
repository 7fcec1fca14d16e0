"""One LSTM or GRU cell at step t, drawn as colah's diagrams draw it, with the numbers.

Lines carry the states (C_{t-1} → C_t and s_{t-1}, x_t → the gates for the LSTM;
s_{t-1} → s_t for the GRU), squares are the gates and candidates, circles the
element-wise operations (⊙, +, 1 −, tanh). Each square is coloured by the gate's
mean over the H units at step t (σ gates on [0, 1], candidates on [-1, 1], the
gates' heatmap scales) and shows that mean; hovering it gives min, mean and max.
Labels come from ``nn.cell_names`` only.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.cells import cell_of
from . import style
from .gates import CANDIDATES, label_html

# (x, y) of each node in a 10 × 6 box; gates by their cell_names key, the rest by role
LSTM_NODES = {
    "C0": (0.5, 5.0), "mul_keep": (3.0, 5.0), "add": (5.6, 5.0), "C1": (9.5, 5.0),
    "forget": (3.0, 2.4), "input": (4.4, 2.4), "cand": (5.8, 2.4), "mul_in": (5.1, 3.7),
    "out": (7.4, 2.4), "tanh": (8.6, 3.9), "mul_out": (8.6, 2.4), "s1": (9.5, 1.2),
    "in": (0.5, 0.8),
}
LSTM_EDGES = (("C0", "mul_keep"), ("mul_keep", "add"), ("add", "C1"), ("forget", "mul_keep"),
              ("input", "mul_in"), ("cand", "mul_in"), ("mul_in", "add"),
              ("tanh_top", "tanh"), ("tanh", "mul_out"), ("out", "mul_out"), ("mul_out", "s1"))
GRU_NODES = {
    "s0": (0.5, 5.0), "mul_keep": (3.8, 5.0), "add": (7.2, 5.0), "s1": (9.5, 5.0),
    "reset": (1.9, 2.0), "update": (3.8, 3.0), "one_minus": (5.3, 3.0), "cand": (6.5, 2.0),
    "mul_in": (6.5, 3.7), "in": (0.5, 0.7),
}
GRU_EDGES = (("s0", "mul_keep"), ("mul_keep", "add"), ("add", "s1"), ("update", "mul_keep"),
             ("update", "one_minus"), ("one_minus", "mul_in"), ("cand", "mul_in"),
             ("mul_in", "add"), ("reset", "cand"))
OPS = {"mul_keep": "⊙", "mul_in": "⊙", "mul_out": "⊙", "add": "+", "tanh": "tanh",
       "one_minus": "1−"}


def validate(tr, t: int) -> None:
    if cell_of(tr.model) not in ("lstm", "gru"):
        raise ValueError(f"not a gated cell: {cell_of(tr.model)}")
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")


def gate_means(tr, t: int) -> dict[str, float]:
    """Each gate's mean over the H units at step t (what its square shows)."""
    return {g: float(np.mean(tr.gate(g)[t - 1])) for g in tr.model.GATES}


def _ink(value: float, candidate: bool) -> str:
    """Black or white text on the square's colour."""
    dark = abs(value) > 0.6 if candidate else value > 0.55
    return "#ffffff" if dark else "#000000"


def make_cell_diagram(tr, t: int, *, look: style.Look = style.Look(),
                      height: int | None = None) -> go.Figure:
    """The cell of ``tr`` (an LSTM or GRU trace) at step ``t`` with its gates' means."""
    validate(tr, t)
    cell, lang = cell_of(tr.model), look.lang
    nodes, edges = (LSTM_NODES, LSTM_EDGES) if cell == "lstm" else (GRU_NODES, GRU_EDGES)
    nodes = dict(nodes)
    if cell == "lstm":
        nodes["tanh_top"] = (nodes["tanh"][0], nodes["C0"][1])
    means = gate_means(tr, t)
    gate_size = look.scaled(3.0)
    line = dict(color=look.muted, width=2)
    shapes, annotations = [], []
    # the input bar: s_{t-1} and x_t reach every gate
    bar_y = nodes["in"][1]
    gates_x = [nodes[g][0] for g in tr.model.GATES]
    shapes.append(dict(type="line", x0=nodes["in"][0] + 0.6, x1=max(gates_x), y0=bar_y,
                       y1=bar_y, line=line, layer="below"))
    for g in tr.model.GATES:
        x, y = nodes[g]
        shapes.append(dict(type="line", x0=x, x1=x, y0=bar_y, y1=y, line=line, layer="below"))
    for a, b in edges:
        (x0, y0), (x1, y1) = nodes[a], nodes[b]
        annotations.append(dict(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x",
                                ayref="y", showarrow=True, arrowhead=2, arrowsize=1.2,
                                arrowwidth=2, arrowcolor=look.muted, text="",
                                standoff=gate_size / 2 + 2 if b in means else 12,
                                startstandoff=gate_size / 2 + 2 if a in means
                                else look.scaled(1.6) if a in ("C0", "s0") else 0))
    for key, op in OPS.items():
        if key in nodes:
            annotations.append(dict(x=nodes[key][0], y=nodes[key][1], text=op, showarrow=False,
                                    font=dict(size=look.scaled(0.95 if op == "tanh" else 1.2),
                                              color=look.fg),
                                    bgcolor=look.node_fill, bordercolor=look.muted,
                                    borderpad=3, borderwidth=1))
    ends = ({"C0": ("cell", t - 1), "C1": ("cell", t), "s1": ("state", t)} if cell == "lstm"
            else {"s0": ("state", t - 1), "s1": ("state", t)})
    for node, (key, step) in ends.items():
        annotations.append(dict(x=nodes[node][0], y=nodes[node][1], showarrow=False,
                                text=f"<b>{label_html(cell, key, step)}</b>",
                                font=dict(size=look.scaled(1.05), color=look.fg),
                                bgcolor=look.bg))
    annotations.append(dict(x=nodes["in"][0], y=bar_y, showarrow=False, xanchor="left",
                            text=f"<b>{label_html(cell, 'state', t - 1)}, x<sub>{t}</sub></b>",
                            font=dict(size=look.scaled(0.9), color=look.fg), bgcolor=look.bg,
                            xshift=-look.scaled(1.2)))
    traces = []
    for candidates in (False, True):
        keys = [g for g in tr.model.GATES if (g in CANDIDATES) == candidates]
        vals = [means[g] for g in keys]
        hover = []
        for g in keys:
            v = tr.gate(g)[t - 1]
            hover.append(text("cells.fig.diagram_hover", lang, name=label_html(cell, g, t),
                              lo=f"{v.min():.2f}", mean=f"{v.mean():.2f}", hi=f"{v.max():.2f}",
                              H=tr.model.H))
            annotations.append(dict(x=nodes[g][0], y=nodes[g][1], showarrow=False,
                                    text=f"{label_html(cell, g, t)}<br>{means[g]:.2f}",
                                    font=dict(size=look.scaled(0.85),
                                              color=_ink(means[g], candidates))))
        traces.append(dict(
            type="scatter", x=[nodes[g][0] for g in keys], y=[nodes[g][1] for g in keys],
            mode="markers", name="candidates" if candidates else "gates",
            marker=dict(symbol="square", size=gate_size, color=vals,
                        colorscale=style.DIVERGING if candidates else style.SEQUENTIAL,
                        cmin=-1.0 if candidates else 0.0, cmax=1.0,
                        line=dict(color=look.muted, width=1)),
            hoverinfo="text", hovertext=hover))
    layout = style.base_layout(look, height=height or look.scaled(18),
                               title=text("cells.fig.diagram_title", lang, cell=cell.upper(),
                                          t=t, word=style.esc(tr.tokens[t - 1])),
                               margin=dict(l=6, r=6, t=look.scaled(2.6), b=6))
    return style.figure(traces, dict(
        **layout, shapes=shapes, annotations=annotations, dragmode=False,
        xaxis=dict(range=[-0.3, 10.3], **style.hidden_axis()),
        yaxis=dict(range=[0.0, 5.8], **style.hidden_axis()),
        meta=dict(kind="cells_diagram", cell=cell, t=t, means=means)))
