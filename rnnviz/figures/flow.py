"""Vanishing and exploding gradients: ‖∂L_t/∂s_k‖ for every output t and k ≤ t.

Left, the gradient-flow matrix (rows: output step t, the loss L_t; columns:
the earlier step k) coloured by log₁₀‖∂L_t/∂s_k‖; states that truncated BPTT
cuts off (more than k steps back, ``bptt.keeps_state``) are grey, the chosen
row is outlined. Right, that row as a line on a log axis: from k = t
backwards each step multiplies the error by (diag(f'(a_k)) W)ᵀ, so a straight falling line is a vanishing gradient and a
rising one an exploding gradient. The dashed line is ρ(W)^{t-k}: what W alone
would do if f' were 1.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..lessons.backprop import Lesson, spectral_radius, trend
from ..nn.bptt import keeps_state
from . import _magnitude as mag
from . import style
from .heatmaps import token_labels

SPLIT = 0.52            # the matrix (and its colour bar) left of this, the line right of it
LINE_X0 = 0.64


def validate(ls: Lesson, t: int) -> None:
    if ls.T == 0:
        raise ValueError("the sentence is empty: nothing to draw")
    if not 1 <= t <= ls.T:
        raise ValueError(f"step t={t} is outside 1..{ls.T}")


def cut_mask(ls: Lesson) -> np.ndarray:
    """(T, T) True where k ≤ t but truncation stops the error of L_t before s_k
    (t − k > truncate: ``bptt.keeps_state``)."""
    t, k = np.indices((ls.T, ls.T)) + 1
    return (k <= t) & ~keeps_state(t - k, ls.truncate)


def zero_cells(ls: Lesson, cut: np.ndarray) -> np.ndarray:
    """(T, T) True where k ≤ t, not cut, and ‖∂L_t/∂s_k‖ is exactly 0 (o_t = y_t in
    float64: the loss sends no error back at all)."""
    t, k = np.indices((ls.T, ls.T)) + 1
    return (k <= t) & ~cut & (np.nan_to_num(ls.norms, nan=1.0) == 0)


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

    back = np.subtract.outer(np.arange(T), np.arange(T))           # t - k
    traces = [
        dict(type="heatmap", z=logs, x=steps, y=steps, colorscale=style.MAGNITUDE, zmin=lo,
             zmax=hi, customdata=np.stack([norms, back], axis=-1), hoverongaps=False,
             hovertemplate=text("bptt.fig.flow_cell", lang) + "<extra></extra>",
             xgap=1, ygap=1, name="flow", xaxis="x", yaxis="y",
             colorbar=mag.colorbar(lo, hi, look, None, x=SPLIT - 0.06, xanchor="left",
                                   len=1.0, y=0.5)),
    ]
    # grey overlays, only when they mark something (an empty one is still a
    # full-size image for the browser to draw): what truncation cuts, and cells
    # that are exactly 0, which have no logarithm (said on hover)
    zero = zero_cells(ls, cut)
    if cut.any():
        traces.append(dict(
            type="heatmap", z=np.where(cut, 0.0, np.nan), x=steps, y=steps,
            colorscale=[[0, look.node_fill], [1, look.node_fill]], showscale=False,
            hoverongaps=False, xgap=1, ygap=1, name="cut", xaxis="x", yaxis="y",
            hovertemplate=text("bptt.fig.cut_cell", lang, n=ls.truncate or 0)
            + "<extra></extra>"))
    if zero.any():
        traces.append(dict(
            type="heatmap", z=np.where(zero, 0.0, np.nan), x=steps, y=steps,
            colorscale=[[0, look.muted], [1, look.muted]], showscale=False, opacity=0.35,
            hoverongaps=False, xgap=1, ygap=1, name="zero", xaxis="x", yaxis="y",
            hovertemplate=text("bptt.fig.zero_cell", lang) + "<extra></extra>"))

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
    newest, ref_shown = row[-1], None
    if np.isfinite(rho) and rho > 0 and np.isfinite(newest) and newest > 0:
        with np.errstate(all="ignore"):
            ref = newest * rho ** (t - ks.astype(float))
        ok = np.isfinite(ref) & (ref > 0)
        ref_shown = (ref[ok],)
        traces.append(dict(type="scatter", x=ks[ok], y=ref[ok], mode="lines", xaxis="x2",
                           yaxis="y2", name="rho", hoverinfo="skip",
                           line=dict(color=look.muted, width=2, dash="dash")))
    if not shown.any():                                 # L_t sends nothing back
        traces.append(dict(type="scatter", x=[(t + 1) / 2], y=[1.0], mode="text",
                           xaxis="x2", yaxis="y2", hoverinfo="skip", name="empty",
                           text=[text("bptt.fig.no_error_row", lang, t=t)],
                           textfont=dict(size=look.scaled(0.9), color=look.muted)))
    factor = ls.step_factor(t)
    verdict = text(f"bptt.trend.{trend(factor)}", lang)
    line_title = text("bptt.fig.line_title", lang, t=t, word=words[t - 1],
                      f=f"{factor:.2f}" if np.isfinite(factor) else "—", trend=verdict)

    axis_font = dict(size=look.scaled(0.8))
    title_font = dict(size=look.scaled(0.9))
    legend = text("bptt.fig.line_legend", lang, rho=f"{rho:.2f}")
    annotations = [
        dict(text=f"<b>{line_title}</b>", x=LINE_X0, y=1.0, xref="paper", yref="paper",
             xanchor="left", yanchor="bottom", yshift=look.scaled(1.5), showarrow=False,
             align="left",
             font=title_font),
        dict(text=legend, x=LINE_X0, y=1.0, xref="paper", yref="paper", xanchor="left",
             yanchor="bottom", yshift=2, showarrow=False,
             font=dict(size=look.scaled(0.8), color=look.muted)),
        dict(text=f"<b>{text('bptt.fig.matrix_title', lang)}</b>", x=0.0, y=1.0,
             xref="paper", yref="paper", xanchor="left", yanchor="bottom",
             yshift=look.scaled(1.7), showarrow=False, font=title_font),
    ]
    shapes = [dict(type="rect", xref="x", yref="y", x0=0.5, x1=t + 0.5, y0=t - 0.5,
                   y1=t + 0.5, line=dict(color=style.HIGHLIGHT, width=3),
                   fillcolor="rgba(0,0,0,0)")]
    row_px = look.font_size * 1.35                      # a matrix row per line of tick text
    layout = style.base_layout(look, height=height or int(max(look.scaled(30),
                                                              row_px * T + look.scaled(12))),
                               # l: the widest "t:word" row label and the axis title
                               # (a margin Plotly must widen costs a second draw)
                               margin=dict(l=max(look.scaled(6.5), style.label_room(
                                   ticks, axis_font["size"], angle=90,
                                   title_px=title_font["size"])),
                                   r=16, t=look.scaled(5.4), b=look.scaled(4.5)))
    return style.figure(traces, dict(
        **layout, annotations=annotations, shapes=shapes, dragmode=False,
        xaxis=dict(domain=[0.0, SPLIT - 0.08], anchor="y", tickmode="array", tickangle=0,
                   tickvals=steps if T <= 25 else [1] + list(range(5, T + 1, 5)),
                   ticktext=ticks if T <= 8 else None, tickfont=axis_font, fixedrange=True,
                   showgrid=False, zeroline=False, range=[0.5, T + 0.5],
                   title=dict(text=text("bptt.fig.axis_k", lang), font=title_font)),
        yaxis=dict(anchor="x", tickmode="array", tickvals=steps, ticktext=ticks,
                   tickfont=axis_font, fixedrange=True, showgrid=False, zeroline=False,
                   range=[T + 0.5, 0.5],
                   title=dict(text=text("bptt.fig.axis_t", lang), font=title_font)),
        xaxis2=dict(domain=[LINE_X0, 1.0], anchor="y2", range=[0.5, T + 0.5],
                    tickmode="linear", tick0=1, dtick=1 if T <= 12 else 2 if T <= 30 else 5,
                    tickfont=axis_font, fixedrange=True, showgrid=True,
                    gridcolor="rgba(128,128,128,0.15)", zeroline=False,
                    title=dict(text=text("bptt.fig.axis_k", lang), font=title_font)),
        yaxis2=dict(anchor="x2", type="log", exponentformat="power", fixedrange=True,
                    dtick=mag.decade_step(row[shown], *(ref_shown or ())),
                    showgrid=True, gridcolor="rgba(128,128,128,0.25)", tickfont=axis_font,
                    title=dict(text=text("bptt.fig.axis_norm", lang, t=t), font=title_font)),
        meta=dict(kind="flow", T=T, t=t, truncate=ls.truncate, factor=factor,
                  trend=trend(factor), lo=lo, hi=hi, min_width=min_width(T, look))))


def min_width(T: int, look: style.Look) -> int:
    """How wide the figure must be drawn (px) for the matrix's column labels ("6:table"
    up to 8 steps, numbers beyond) not to overlap and the colour bar not to run into the
    line chart: views.chart scrolls it sideways on a narrower screen (a phone)."""
    fs = look.font_size
    col = (3.2 if T <= 8 else 1.6) * fs
    return int(max(560 * fs / 14, col * T / (SPLIT - 0.08) + 8 * fs))
