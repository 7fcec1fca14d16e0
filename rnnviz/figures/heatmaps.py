"""Heatmaps of U, W, V and the states of one sentence, in one figure.

    row 1 (hidden units):   U[:, x_1..x_T]   W            S = [s_1 … s_T]
    row 2 (tags):                            V            O = [o_1 … o_T]

Neighbours share an axis: W's columns and V's columns are the hidden units,
S and O share the tokens, U, W and S share the hidden units. U, W, V and S
use one diverging, colour-blind-safe scale centred on 0 with one range (a
colour is the same number everywhere); O, the probabilities, uses a
sequential scale 0..1. The selected step's column is outlined.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.forward import Trace
from ..nn.model import RNN
from ..text.unknown import is_class
from . import style

GAP = 0.045


def validate(tr: Trace, t: int) -> None:
    if tr.T == 0:
        raise ValueError("the sentence is empty: nothing to draw")
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")


def matrices(tr: Trace) -> dict[str, np.ndarray]:
    """What the figure draws, by name: U's sentence columns, W, V, S (H×T), O (K×T)."""
    m = tr.model
    return {"U": m.U[:, tr.x], "W": m.W, "V": m.V, "S": tr.s[1:].T, "O": tr.o.T}


def token_labels(tokens) -> list[str]:
    """Unique axis labels for tokens ('t: word'), escaped for Plotly."""
    return [f"{i}:{style.esc(w)}" for i, w in enumerate(tokens, 1)]


def _domains(widths, total=1.0, gap=GAP):
    """Split [0, total] into consecutive domains proportional to ``widths``."""
    usable = total - gap * (len(widths) - 1)
    s = float(sum(widths))
    out, x = [], 0.0
    for w in widths:
        out.append([x, x + usable * w / s])
        x += usable * w / s + gap
    return out


def make_heatmaps(tr: Trace, t: int, *, look: style.Look = style.Look(),
                  height: int | None = None) -> go.Figure:
    """U (sentence columns), W, V, S and O of ``tr``, step ``t`` outlined."""
    validate(tr, t)
    m, lang, T = tr.model, look.lang, tr.T
    mats = matrices(tr)
    zmax = style.symmetric_range(mats["U"], mats["W"], mats["V"], mats["S"])
    units = [str(h) for h in range(1, m.H + 1)]
    toks = token_labels(tr.tokens)
    # U's columns are columns of U: an unknown word's is its class's (榴莲→<unk:zh-n>)
    u_cols = token_labels(w if not is_class(m.vocab[i]) else f"{w}→{m.vocab[i]}"
                          for w, i in zip(tr.tokens, tr.x))
    tags = list(m.tags)
    w_tok = max(T, 4)
    dom = _domains([w_tok, m.H, w_tok])
    cells = [  # name, key, x, y, xaxis, yaxis, coloraxis
        ("U", "U", u_cols, units, "x", "y", "coloraxis"),
        ("W", "W", units, units, "x2", "y", "coloraxis"),
        ("S", "S", toks, units, "x3", "y", "coloraxis"),
        ("V", "V", units, tags, "x2", "y2", "coloraxis"),
        ("O", "O", toks, tags, "x3", "y2", "coloraxis2"),
    ]
    traces = []
    for name, key, xs, ys, xa, ya, ca in cells:
        z = mats[key]
        traces.append(dict(type="heatmap", z=z, x=xs, y=ys, xaxis=xa, yaxis=ya, coloraxis=ca,
                           hovertemplate=f"{name}[%{{y}}, %{{x}}] = %{{z:+.4f}}<extra></extra>",
                           name=name, xgap=1, ygap=1))
    title_font = dict(size=look.scaled(0.9))
    # colour bars ticked by us and margins sized from the labels: a margin that Plotly
    # has to widen costs a second draw of the new chart (style.colorbar_room)
    cb = dict(thickness=12, len=0.5, x=1.0, xanchor="left",
              tickfont=dict(size=look.scaled(0.75)))
    value_bar = dict(cb, y=0.68, tickvals=[-zmax, 0, zmax],
                     ticktext=[f"−{zmax:.2f}", "0", f"{zmax:.2f}"],
                     title=dict(text=text("fig.value", lang), font=title_font))
    p_bar = dict(cb, y=0.15, len=0.3, tickvals=[0, 0.5, 1], ticktext=["0", "0.5", "1"],
                 title=dict(text=text("fig.probability", lang), font=title_font))
    tick_px = look.scaled(0.8)
    slant = T > 8
    bottom = max(look.scaled(3.6), style.label_room(toks + units, tick_px,
                                                    angle=-45 if slant else 0,
                                                    title_px=title_font["size"]))

    def axis(domain, anchor, labels, title=None, **kw):
        return dict(domain=domain, anchor=anchor, fixedrange=True, showgrid=False,
                    zeroline=False, tickfont=dict(size=tick_px),
                    title=dict(text=title, font=title_font) if title else None,
                    type="category", **kw)

    y_top, y_bottom = [0.42, 0.93], [0.0, 0.30]
    # outline of the selected step in U, S and O
    shapes = []
    for xa, ya in (("x", "y"), ("x3", "y"), ("x3", "y2")):
        shapes.append(dict(type="rect", xref=xa, yref=f"{ya} domain", x0=t - 1.5, x1=t - 0.5,
                           y0=0, y1=1, line=dict(color=look.fg, width=2.5),
                           fillcolor="rgba(0,0,0,0)"))
    heads = [
        (text("fig.heatmaps.U", lang), dom[0], y_top),
        (style.pretty(text("fig.heatmaps.W", lang)), dom[1], y_top),
        (style.pretty(text("fig.heatmaps.S", lang)), dom[2], y_top),
        (text("fig.heatmaps.V", lang), dom[1], y_bottom),
        (style.pretty(text("fig.heatmaps.O", lang)), dom[2], y_bottom),
    ]
    annotations = [dict(text=f"<b>{h}</b>", x=(d[0] + d[1]) / 2, y=y[1], xref="paper",
                        yref="paper", yanchor="bottom", showarrow=False, yshift=4,
                        font=dict(size=look.scaled(0.9))) for h, d, y in heads]
    unit, tag_t, tok_t = (text(k, lang) for k in ("fig.axis.unit", "fig.axis.tag",
                                                  "fig.axis.token"))
    layout = dict(
        **style.base_layout(look, height=height or _height(look, m.H, m.K, y_top, y_bottom),
                            title=style.pretty(text("fig.heatmaps.title", lang)),
                            margin=dict(l=look.scaled(4.3), r=max(style.colorbar_room(value_bar),
                                                                  style.colorbar_room(p_bar)),
                                        t=look.scaled(4.3), b=bottom)),
        xaxis=axis(dom[0], "y", toks, tickangle=-45 if slant else 0),
        xaxis2=axis(dom[1], "y2", units, title=unit),
        xaxis3=axis(dom[2], "y2", toks, tickangle=-45 if slant else 0, title=tok_t),
        yaxis=axis(y_top, "x", units, title=unit, autorange="reversed"),
        yaxis2=axis(y_bottom, "x2", tags, autorange="reversed", title=tag_t),
        coloraxis=dict(colorscale=style.DIVERGING, cmin=-zmax, cmax=zmax, cmid=None,
                       colorbar=value_bar),
        coloraxis2=dict(colorscale=style.SEQUENTIAL, cmin=0, cmax=1, colorbar=p_bar),
        shapes=shapes, annotations=annotations,
        meta=dict(kind="heatmaps", t=t, T=T, zmax=zmax),
    )
    # keep x3 on the same bottom axis line as row 1 labels: tokens under S and O
    layout["xaxis3"]["anchor"] = "y2"
    layout["xaxis"]["anchor"] = "y"
    return style.figure(traces, layout)


def _height(look: style.Look, H: int, K: int, y_top, y_bottom) -> int:
    """Tall enough that every unit and tag keeps its tick label (Plotly drops every
    other label of a row narrower than its text)."""
    row = 1.35 * look.scaled(0.8)                       # px per row: the tick font and a gap
    plot = max(H * row / (y_top[1] - y_top[0]), K * row / (y_bottom[1] - y_bottom[0]))
    margins = look.scaled(4.3) + look.scaled(3.6)
    return int(max(look.scaled(40), 20 * H + 16 * K + 200, plot + margins))


MAX_WORDS = 1_500    # columns of the whole-U view: about 170 KB to the browser at H = 16


def u_columns(m: RNN, highlight=(), max_words: int = MAX_WORDS) -> list[int]:
    """The word ids the whole-U view shows, in vocabulary order: the ``max_words``
    most frequent words (the vocabulary is ordered by frequency), every
    unknown-word class and the ``highlight`` ids (the sentence's)."""
    keep = set(range(min(max_words, m.n_vocab))) | {int(i) for i in highlight}
    keep |= {i for i, w in enumerate(m.vocab) if is_class(w)}
    return sorted(keep)


def make_u_full(m: RNN, *, highlight=(), look: style.Look = style.Look(),
                height: int | None = None, max_words: int = MAX_WORDS) -> go.Figure:
    """U (H × |vocab|), all of it up to ``max_words`` words (beyond: ``u_columns``),
    the columns in ``highlight`` (word ids) marked."""
    if m.n_vocab == 0:
        raise ValueError("empty vocabulary")
    lang = look.lang
    cols = u_columns(m, highlight, max_words)
    zmax = style.symmetric_range(m.U)
    words = {i: style.esc(m.vocab[i]) for i in cols}
    unit = text("fig.axis.unit", lang)
    # float32 halves what is sent (|vocab| × H values); hover still shows 4 decimals
    traces = [dict(type="heatmap", z=m.U[:, cols].astype(np.float32), x=[words[i] for i in cols],
                   y=list(range(1, m.H + 1)),
                   hovertemplate="U[%{y}, %{x}] = %{z:+.4f}<extra></extra>",
                   colorscale=style.DIVERGING, zmin=-zmax, zmax=zmax, name="U",
                   colorbar=dict(thickness=12))]
    hl = sorted({int(i) for i in highlight})
    if hl:
        traces.append(dict(type="scatter", x=[words[i] for i in hl], y=[0.2] * len(hl),
                           mode="markers+text",
                           text=[words[i] for i in hl], textposition="top center",
                           marker=dict(symbol="triangle-down", size=10, color=style.HIGHLIGHT),
                           hoverinfo="skip", name="sentence", cliponaxis=False))
    return style.figure(traces, dict(
        **style.base_layout(look, height=height or max(280, 14 * m.H + 120),
                            title=text("fig.heatmaps.U_full", lang, H=m.H, n=m.n_vocab)
                            if len(cols) == m.n_vocab else
                            text("fig.heatmaps.U_part", lang, H=m.H, n=m.n_vocab,
                                 shown=len(cols), top=min(max_words, m.n_vocab)),
                            margin=dict(l=look.scaled(4.3), r=20, t=look.scaled(5),
                                        b=look.scaled(2.1))),
        xaxis=dict(showticklabels=False, fixedrange=False, showgrid=False, zeroline=False,
                   type="category"),
        yaxis=dict(autorange="reversed", title=dict(text=unit), fixedrange=True,
                   showgrid=False, range=[m.H + 0.5, -0.8]),
        meta=dict(kind="u_full", n_vocab=m.n_vocab, shown=len(cols))))
