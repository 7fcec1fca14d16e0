"""One gate's formula at step t with the real numbers, as ``formula.py`` shows s_t:

    φ_t = σ(U_φ x_t + W_φ s_{t-1} + b_φ)      (or i_t, ω_t, C̃_t = tanh(…), r_t, ζ_t)

shown as the columns U_g x_t, W_g s_{t-1}, b_g, their sum, and the gate's value,
one row per hidden unit. The terms come from ``lessons.cells.gate_terms`` and the
last column is the trace's own gate value (σ gates on [0, 1], candidates on
[-1, 1]; the terms on one scale centred on 0).
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..lessons.cells import GateTerms
from ..nn.cell_names import gate_letter
from . import style
from .gates import label_html

MAX_ROWS_WITH_NUMBERS = 24


def column_names(g: GateTerms) -> list[str]:
    """The five columns' heads, in Plotly's mini-HTML."""
    letter, t = gate_letter(g.cell, g.gate), g.t
    return [f"U<sub>{letter}</sub> x<sub>{t}</sub>",
            f"W<sub>{letter}</sub> {label_html(g.cell, 'state', t - 1)}",
            f"b<sub>{letter}</sub>", "a", f"{label_html(g.cell, g.gate, t)} =<br>{g.squash}(a)"]


def make_gate_formula(g: GateTerms, word: str, *, look: style.Look = style.Look(),
                      height: int | None = None) -> go.Figure:
    """The formula of ``g`` (one gate at one step) with its numbers, unit by unit."""
    H = len(g.value)
    if not all(len(v) == H for v in (g.Ux, g.Ws, g.b, g.a)):
        raise ValueError("the gate's terms have different lengths")
    lang = look.lang
    terms = np.stack([g.Ux, g.Ws, g.b, g.a], axis=1)             # (H, 4)
    zmax = style.symmetric_range(terms)
    units = [str(h) for h in range(1, H + 1)]
    numbers = H <= MAX_ROWS_WITH_NUMBERS
    fs = look.scaled(0.78 if H <= 16 else 0.65)
    names = column_names(g)
    hover = text("fig.axis.unit", lang) + " %{y}: %{text}<extra></extra>"
    # terms in columns 0, 2, 4, 6 (operators between them), the value in column 8
    z = np.full((H, 7), np.nan)
    z[:, 0::2] = terms
    txt = np.full(z.shape, "", dtype=object)
    txt[:, 0::2] = [[style.fmt(v, 2) for v in row] for row in terms]
    candidate = g.squash == "tanh"
    traces = [
        dict(type="heatmap", z=z, x=list(range(7)), y=units, text=txt,
             texttemplate="%{text}" if numbers else None, textfont=dict(size=fs),
             colorscale=style.DIVERGING, zmid=0, zmin=-zmax, zmax=zmax, showscale=False,
             xgap=2, ygap=1, name="terms", hovertemplate=hover),
        dict(type="heatmap", z=g.value[:, None], x=[8], y=units,
             text=[[f"{v:.2f}"] for v in g.value], texttemplate="%{text}" if numbers else None,
             textfont=dict(size=fs), showscale=False, xgap=2, ygap=1, name="value",
             colorscale=style.DIVERGING if candidate else style.SEQUENTIAL,
             zmin=-1.0 if candidate else 0.0, zmax=1.0, hovertemplate=hover),
        dict(type="scatter", x=[1, 3, 5, 7], y=[units[H // 2]] * 4, mode="text",
             text=["+", "+", "=", "→"], hoverinfo="skip",
             textfont=dict(size=look.scaled(1.1), color=look.fg)),
    ]
    letter = gate_letter(g.cell, g.gate)
    eq = (f"{label_html(g.cell, g.gate, g.t)} = {g.squash}(U<sub>{letter}</sub> x<sub>{g.t}</sub>"
          f" + W<sub>{letter}</sub> {label_html(g.cell, 'state', g.t - 1)} + b<sub>{letter}</sub>)")
    top_margin = look.scaled(7.2)
    row = max(22, look.scaled(1.45))
    layout = style.base_layout(
        look, height=height or int(max(look.scaled(18), row * H + top_margin + 10)),
        title=text("cells.fig.formula_title", lang, cell=g.cell.upper(), t=g.t,
                   word=style.esc(word)) + f"<br><span style='font-size:0.9em'>{eq}</span>",
        # room for the unit numbers 1 … H on the left (a margin Plotly must widen costs
        # a second drawing of the chart)
        margin=dict(l=round(look.font_size * (0.62 * len(units[-1]) + 0.85)) + 3, r=10,
                    t=top_margin, b=10))
    return style.figure(traces, dict(
        **layout,
        xaxis=dict(tickmode="array", tickvals=[0, 2, 4, 6, 8], ticktext=names, side="top",
                   showgrid=False, zeroline=False, fixedrange=True, range=[-0.6, 8.6]),
        yaxis=dict(autorange="reversed", fixedrange=True, showgrid=False, type="category"),
        meta=dict(kind="cells_formula", cell=g.cell, gate=g.gate, t=g.t,
                  min_width=int(440 * look.font_size / 14))))
