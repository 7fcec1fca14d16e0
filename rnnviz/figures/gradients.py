"""The gradients BPTT computes for the sentence: ∂L/∂U, ∂L/∂W, ∂L/∂V, and ∂L/∂W's terms.

``make_gradients``: three heatmaps side by side,

    ∂L/∂U[:, x_1..x_T]  (H × T)   the only columns of U the sentence touches
    ∂L/∂W               (H × H)   rows: unit of a_t, columns: unit of s_{t-1}
    ∂L/∂V               (K × H)   rows: tags, columns: units of s_t

each on the diverging scale centred on 0 with its own range (written in the
panel title: the three differ by orders of magnitude).

``make_dw_terms``: ∂L/∂W = Σ_t δ_t s_{t-1}ᵀ as its T outer products, one small
panel per step (up to ``per_row`` in a row), and their sum, all on one colour
range so the terms visibly add up to the sum. The t = 1 term is zero: s_0 = 0.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..lessons.backprop import Lesson
from . import _magnitude as mag
from . import style
from .heatmaps import token_labels

GAP = 0.07


def validate(ls: Lesson) -> None:
    if ls.T == 0:
        raise ValueError("the sentence is empty: nothing to draw")


def matrices(ls: Lesson) -> dict[str, np.ndarray]:
    """What ``make_gradients`` draws: ∂L/∂U's sentence columns (H, T), ∂L/∂W, ∂L/∂V."""
    g = ls.grads
    return {"U": g.dU[:, ls.trace.x], "W": g.dW, "V": g.dV}


def _split(widths, gap=GAP) -> list[list[float]]:
    usable, total = 1.0 - gap * (len(widths) - 1), float(sum(widths))
    out, x = [], 0.0
    for w in widths:
        out.append([x, x + usable * w / total])
        x += usable * w / total + gap
    return out


def make_gradients(ls: Lesson, *, look: style.Look = style.Look(),
                   height: int | None = None) -> go.Figure:
    """∂L/∂U (sentence columns), ∂L/∂W and ∂L/∂V of the lesson's loss, side by side."""
    validate(ls)
    lang, m, T = look.lang, ls.model, ls.T
    mats = matrices(ls)
    units = [str(h) for h in range(1, m.H + 1)]
    toks = token_labels(ls.trace.tokens)
    dom = _split([max(T, 6), m.H, m.H])
    rows = max(m.H, m.K)
    panels = [("U", toks, units, "bptt.fig.dU"), ("W", units, units, "bptt.fig.dW"),
              ("V", units, list(m.tags), "bptt.fig.dV")]
    traces, annotations, layout_axes, title_w = [], [], {}, []
    tick_px, title_px = look.scaled(0.75), look.scaled(0.85)
    for i, (name, xs, ys, key) in enumerate(panels, 1):
        z = mats[name]
        zmax = style.symmetric_range(z)
        traces.append(dict(type="heatmap", z=z, x=xs, y=ys, xaxis=f"x{i}", yaxis=f"y{i}",
                           colorscale=style.DIVERGING, zmin=-zmax, zmax=zmax, showscale=False,
                           hovertemplate=f"∂L/∂{name}[%{{y}}, %{{x}}] = %{{z:.3e}}"
                                         "<extra></extra>", xgap=1, ygap=1, name=f"d{name}"))
        d = dom[i - 1]
        title_w.append(max(style.text_width(text(key, lang), title_px),
                           style.text_width(f"±{mag.sci(zmax)}", title_px)) * 1.15)
        annotations.append(dict(
            text=f"<b>{text(key, lang)}</b><br>±{mag.sci(zmax)}",
            x=(d[0] + d[1]) / 2, y=1.0, xref="paper", yref="paper", xanchor="center",
            yanchor="bottom",
            showarrow=False, yshift=4, font=dict(size=title_px)))
        axis_title = {"U": "fig.axis.token", "W": "bptt.fig.axis_prev_unit",
                      "V": "fig.axis.unit"}[name]
        layout_axes[f"xaxis{i}"] = dict(
            domain=d, anchor=f"y{i}", type="category", fixedrange=True, showgrid=False,
            tickmode="array", tickvals=list(xs), ticktext=list(xs),
            # U's labels ("3:苹果") are wider than its columns (as wide as W's): slanted
            tickfont=dict(size=tick_px), tickangle=-60 if name == "U" else 0,
            title=dict(text=text(axis_title, lang), font=dict(size=look.scaled(0.8))))
        layout_axes[f"yaxis{i}"] = dict(
            anchor=f"x{i}", type="category", autorange="reversed", fixedrange=True,
            showgrid=False, tickfont=dict(size=look.scaled(0.75)),
            title=dict(text=text("fig.axis.unit", lang), font=dict(size=look.scaled(0.8)))
            if name == "U" else None,                         # W shares U's rows; V: tag names
            domain=[1.0 - len(ys) / rows, 1.0])              # equal row heights in all three
    # how wide the chart must be drawn (meta.min_width: views.chart scrolls it sideways
    # where the page is narrower, on a phone): each heatmap column as wide as its tick
    # label ("16", a little wider than drawn) and every two neighbouring titles apart
    fracs = [d[1] - d[0] for d in dom]
    plot_px = max(
        style.text_width("16", tick_px) * sum(len(xs) for _, xs, _, _ in panels)
        / (1.0 - GAP * 2),
        *((title_w[i] + title_w[i + 1]) / 2 / ((fracs[i] + fracs[i + 1]) / 2 + GAP)
          for i in range(2)))
    min_width = int(plot_px + look.scaled(4) + look.scaled(1.35)) + 8
    layout = style.base_layout(look, height=height or int(max(
        look.scaled(26), look.font_size * 1.4 * rows + look.scaled(11))),
                               # r: room for the last tick label of ∂L/∂V; b: U's slanted
                               # token labels (a margin Plotly has to widen costs a
                               # second draw, see style.label_room)
                               margin=dict(l=look.scaled(4), r=look.scaled(1.35),
                                           t=look.scaled(4), b=max(look.scaled(6.5),
                                                                   style.label_room(
                                               toks, tick_px, angle=-60,
                                               title_px=look.scaled(0.8)))))
    return style.figure(traces, dict(**layout, **layout_axes, annotations=annotations,
                                     meta=dict(kind="gradients", T=T,
                                               truncate=ls.truncate, min_width=min_width)))


def make_dw_terms(ls: Lesson, *, look: style.Look = style.Look(), per_row: int = 10,
                  height: int | None = None) -> go.Figure:
    """The terms δ_t s_{t-1}ᵀ of ∂L/∂W, one panel per step, and their sum."""
    validate(ls)
    if ls.T > np.iinfo(np.int8).max:
        raise ValueError(f"at most {np.iinfo(np.int8).max} steps, got {ls.T}")
    if per_row < 1:
        raise ValueError(f"per_row must be at least 1, got {per_row}")
    lang, T, H = look.lang, ls.T, ls.model.H
    terms = ls.dW_terms                                  # (T, H, H)
    total = ls.grads.dW
    zmax = style.symmetric_range(terms, total)
    cols = min(T, per_row)
    rows = -(-T // cols)
    cell = H + 1                                         # one blank row/column between panels
    z = np.full((rows * cell - 1, cols * cell - 1), np.nan)
    steps = np.zeros(z.shape, dtype=np.int8)             # hover: which t (1 byte a cell)
    words = [style.esc(w) for w in ls.trace.tokens]
    lab_x, lab_y, lab_t = [], [], []
    for t in range(1, T + 1):
        r, c = divmod(t - 1, cols)
        r0, c0 = r * cell, c * cell
        z[r0:r0 + H, c0:c0 + H] = terms[t - 1]
        steps[r0:r0 + H, c0:c0 + H] = t
        lab_x.append(c0 + (H - 1) / 2)
        lab_y.append(r0 + H - 0.5)
        lab_t.append(f"t = {t} {words[t - 1]}")
    label_size = look.scaled(0.75 if cols >= 8 else 0.85)
    traces = [
        dict(type="heatmap", z=z.astype(np.float32), xaxis="x", yaxis="y",
             coloraxis="coloraxis", customdata=steps,
             hovertemplate=text("bptt.fig.term_cell", lang) + "<extra></extra>",
             hoverongaps=False, name="terms"),
        dict(type="scatter", x=lab_x, y=lab_y, mode="text", text=lab_t,
             textposition="bottom center", xaxis="x", yaxis="y", hoverinfo="skip",
             cliponaxis=False, textfont=dict(size=label_size, color=look.fg), name="steps"),
        dict(type="heatmap", z=total, xaxis="x2", yaxis="y2", coloraxis="coloraxis", name="sum",
             x=list(range(1, H + 1)), y=list(range(1, H + 1)),
             hovertemplate="∂L/∂W[%{y}, %{x}] = %{z:.3e}<extra></extra>"),
    ]
    split = 0.78 if cols > 3 else 0.62
    panel_px = 150 if cols >= 8 else 190
    # ticks at −zmax, 0, zmax written by us: the colour bar's width is known here
    colorbar = dict(thickness=12, len=0.8, x=1.0, xanchor="left", tickvals=[-zmax, 0, zmax],
                    ticktext=[mag.sci(-zmax), "0", mag.sci(zmax)],
                    tickfont=dict(size=look.scaled(0.75)))
    layout = style.base_layout(look, height=height or rows * panel_px + 120,
                               title=style.pretty(text("bptt.fig.terms_title", lang)),
                               margin=dict(l=10, r=style.colorbar_room(colorbar),
                                           t=look.scaled(4), b=10))
    # no tick labels and the sum's title inside the plot: nothing for automargin to
    # push, which otherwise costs a second full draw of every new chart
    plain = dict(showgrid=False, zeroline=False, showticklabels=False, ticks="",
                 fixedrange=True, automargin=False)
    return style.figure(traces, dict(
        **layout,
        xaxis=dict(plain, domain=[0.0, split - 0.04], range=[-0.5, z.shape[1] - 0.5]),
        yaxis=dict(plain, range=[z.shape[0] + 1.6, -0.5]),
        xaxis2=dict(plain, domain=[split + 0.04, 1.0], scaleanchor="y2",
                    title=dict(text=style.pretty(text("bptt.fig.terms_sum", lang)),
                               font=dict(size=look.scaled(0.9)))),
        yaxis2=dict(plain, autorange="reversed", domain=[0.15, 1.0]),
        coloraxis=dict(colorscale=style.DIVERGING, cmin=-zmax, cmax=zmax, colorbar=colorbar),
        meta=dict(kind="dw_terms", T=T, rows=rows, cols=cols, zmax=zmax)))
