"""Vanishing and exploding gradients: ‖∂L_t/∂s_k‖ for every output t and k ≤ t.

Left, the gradient-flow matrix (rows: output step t, the loss L_t; columns:
the earlier step k) coloured by log₁₀‖∂L_t/∂s_k‖; steps that truncated BPTT
cuts off are grey, the chosen row is outlined. Right, that row as a line on
a log axis: from k = t backwards each step multiplies the error by
(diag(f'(a_k)) W)ᵀ, so a straight falling line is a vanishing gradient and a
rising one an exploding gradient. The dashed line is ρ(W)^{t-k}: what W alone
would do if f' were 1.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..lesson import Lesson, spectral_radius, trend
from . import _magnitude as mag
from . import style
from .heatmaps import token_labels

SPLIT = 0.50            # the matrix takes the left half, the line the right part
LINE_X0 = 0.62


def validate(ls: Lesson, t: int) -> None:
    if ls.T == 0:
        raise ValueError("the sentence is empty: nothing to draw")
    if not 1 <= t <= ls.T:
        raise ValueError(f"step t={t} is outside 1..{ls.T}")


def cut_mask(ls: Lesson) -> np.ndarray:
    """(T, T) True where k ≤ t but truncation stops the error of L_t before step k."""
    t, k = np.indices((ls.T, ls.T)) + 1
    return (k <= t) & ~((ls.truncate is None) | (t - k < (ls.truncate or 0)))


def _matrix_hover(ls: Lesson, norms: np.ndarray, words: list[str], lang: str) -> np.ndarray:
    T = ls.T
    hover = np.full((T, T), "", dtype=object)
    for t in range(1, T + 1):
        for k in range(1, t + 1):
            hover[t - 1, k - 1] = text("bptt.fig.flow_cell", lang, t=t, k=k, wt=words[t - 1],
                                       wk=words[k - 1], v=mag.sci(norms[t - 1, k - 1]),
                                       n=t - k)
    return hover


def make_flow(ls: Lesson, t: int, *, look: style.Look = style.Look(),
              height: int | None = None) -> go.Figure:
    """The gradient-flow matrix of ``ls`` with row ``t`` outlined, and row t as a line."""
    validate(ls, t)
    lang, T = look.lang, ls.T
    norms = ls.norms
    logs = mag.log10_abs(norms)
    lo, hi = mag.log_range(logs)
    words = [style.esc(w) for w in ls.trace.tokens]
    ticks = token_labels(ls.trace.tokens)
    steps = list(range(1, T + 1))
    cut = cut_mask(ls)

    traces = [
        dict(type="heatmap", z=logs, x=steps, y=steps, colorscale=style.MAGNITUDE, zmin=lo,
             zmax=hi, hoverinfo="text", hovertext=_matrix_hover(ls, norms, words, lang),
             hoverongaps=False, xgap=1, ygap=1, name="flow", xaxis="x", yaxis="y",
             colorbar=mag.colorbar(lo, hi, look, text("bptt.fig.flow_bar", lang),
                                   x=SPLIT + 0.005, xanchor="left", len=1.0, y=0.5)),
        dict(type="heatmap", z=np.where(cut, 0.0, np.nan), x=steps, y=steps,
             colorscale=[[0, look.node_fill], [1, look.node_fill]], showscale=False,
             hoverinfo="text", hoverongaps=False, xgap=1, ygap=1, name="cut",
             hovertext=np.where(cut, text("bptt.fig.cut_cell", lang, n=ls.truncate or 0), ""),
             xaxis="x", yaxis="y"),
    ]

    # row t as a line on a log axis, with ρ(W)^{t-k} for comparison
    ks = np.arange(1, t + 1)
    row = norms[t - 1, :t]
    shown = np.isfinite(row) & (row > 0)
    traces.append(dict(type="scatter", x=ks[shown], y=row[shown], mode="lines+markers",
                       xaxis="x2", yaxis="y2", name="row",
                       line=dict(color=style.NEGATIVE, width=3),
                       marker=dict(size=look.scaled(0.55), color=style.NEGATIVE),
                       hoverinfo="text", hovertext=[
                           text("bptt.fig.flow_point", lang, t=t, k=int(k), wk=words[k - 1],
                                v=mag.sci(v)) for k, v in zip(ks[shown], row[shown])]))
    rho = spectral_radius(ls.model.W)
    newest = row[-1]
    if np.isfinite(rho) and rho > 0 and np.isfinite(newest) and newest > 0:
        with np.errstate(all="ignore"):
            ref = newest * rho ** (t - ks.astype(float))
        ok = np.isfinite(ref) & (ref > 0)
        traces.append(dict(type="scatter", x=ks[ok], y=ref[ok], mode="lines", xaxis="x2",
                           yaxis="y2", name="rho", hoverinfo="skip",
                           line=dict(color=look.muted, width=2, dash="dash")))
    factor = ls.step_factor(t)
    verdict = text(f"bptt.trend.{trend(factor)}", lang)
    line_title = text("bptt.fig.line_title", lang, t=t, word=words[t - 1],
                      f=f"{factor:.2f}" if np.isfinite(factor) else "—", trend=verdict)

    axis_font = dict(size=look.scaled(0.8))
    title_font = dict(size=look.scaled(0.9))
    tick_angle = -60 if T > 8 else 0
    annotations = [
        dict(text=f"<b>{text('bptt.fig.line_legend', lang, rho=f'{rho:.2f}')}</b>",
             x=1.0, y=1.0, xref="paper", yref="paper", xanchor="right", yanchor="top",
             showarrow=False, font=dict(size=look.scaled(0.8), color=look.muted),
             bgcolor=look.bg),
        dict(text=f"<b>{line_title}</b>", x=LINE_X0, y=1.0, xref="paper", yref="paper",
             xanchor="left", yanchor="bottom", yshift=6, showarrow=False, font=title_font),
        dict(text=f"<b>{text('bptt.fig.matrix_title', lang)}</b>", x=0.0, y=1.0,
             xref="paper", yref="paper", xanchor="left", yanchor="bottom", yshift=6,
             showarrow=False, font=title_font),
    ]
    shapes = [dict(type="rect", xref="x", yref="y", x0=0.5, x1=t + 0.5, y0=t - 0.5,
                   y1=t + 0.5, line=dict(color=style.HIGHLIGHT, width=3),
                   fillcolor="rgba(0,0,0,0)")]
    layout = style.base_layout(look, height=height or max(look.scaled(30), 18 * T + 170),
                               margin=dict(l=10, r=16, t=look.scaled(3.2), b=10))
    return style.figure(traces, dict(
        **layout, annotations=annotations, shapes=shapes, dragmode=False,
        xaxis=dict(domain=[0.0, SPLIT - 0.07], anchor="y", tickmode="array", tickvals=steps,
                   ticktext=ticks, tickangle=tick_angle, tickfont=axis_font, fixedrange=True,
                   showgrid=False, zeroline=False, range=[0.5, T + 0.5],
                   title=dict(text=text("bptt.fig.axis_k", lang), font=title_font),
                   automargin=True),
        yaxis=dict(anchor="x", tickmode="array", tickvals=steps, ticktext=ticks,
                   tickfont=axis_font, fixedrange=True, showgrid=False, zeroline=False,
                   range=[T + 0.5, 0.5], automargin=True,
                   title=dict(text=text("bptt.fig.axis_t", lang), font=title_font)),
        xaxis2=dict(domain=[LINE_X0, 1.0], anchor="y2", range=[0.5, T + 0.5],
                    tickmode="array", tickvals=steps, ticktext=ticks, tickangle=tick_angle,
                    tickfont=axis_font, fixedrange=True, showgrid=True,
                    gridcolor="rgba(128,128,128,0.15)", zeroline=False, automargin=True,
                    title=dict(text=text("bptt.fig.axis_k", lang), font=title_font)),
        yaxis2=dict(anchor="x2", type="log", exponentformat="power", fixedrange=True,
                    showgrid=True, gridcolor="rgba(128,128,128,0.25)", tickfont=axis_font,
                    automargin=True,
                    title=dict(text=text("bptt.fig.axis_norm", lang, t=t), font=title_font)),
        meta=dict(kind="flow", T=T, t=t, truncate=ls.truncate, factor=factor,
                  trend=trend(factor), lo=lo, hi=hi)))
