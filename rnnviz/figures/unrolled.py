"""The tutorial's fourth figure: the folded network, unfolded into a chain in time.

Left: the folded network (x → U → s with the W self-loop → V → o). Right: one
column per token, x_t (the word) at the bottom, s_t as a strip of its H units
coloured by activation, o_t on top (predicted tag and its probability), with
arrows U (x_t → s_t), W (s_{t-1} → s_t) and V (s_t → o_t), starting from s_0.
The selected step is highlighted; every column carries ``customdata = t`` so
a click on it selects that step.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.forward import Trace
from . import style
from ._draw import arrows, box, labels
from .folded import folded_parts

# rows (data coordinates)
Y_X, Y_S, Y_O = 0.0, 1.0, 2.0
HALF_W = 0.32           # half width of a column's boxes
HALF_H = 0.22           # half height of the x and o boxes
S_HALF_H = 0.34         # half height of the s strip
FOLDED_X = -3.0         # where the folded diagram sits, left of s_0
MIN_COLS = 9.6          # short sentences keep narrow columns (room on the right)
MIN_COL_PX = 44         # a column is never drawn narrower (px; see meta.min_width)
MAX_WORD_PX = 84        # longer words are cut with … in their box
FOLDED_UNIT_PX = 70     # the folded network's labels need this many px per column
FOLDED_MAX_T = 12       # longer sentences leave the folded network out (room for words)


@dataclass(frozen=True)
class Outputs:
    """What the o boxes show instead of the predicted tags (the language model: the
    most likely next word): a label, a probability and a fill colour per step."""
    labels: Sequence[str]
    p: Sequence[float]
    colours: Sequence[str]      # "#rrggbb"


def validate(tr: Trace, t: int, unknown=None, outputs: Outputs | None = None) -> None:
    if tr.T and not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")
    if unknown is not None and len(unknown) != tr.T:
        raise ValueError(f"{len(unknown)} unknown flags for {tr.T} tokens")
    if outputs is not None and not (len(outputs.labels) == len(outputs.p)
                                    == len(outputs.colours) == tr.T):
        raise ValueError(f"outputs for {len(outputs.labels)} steps, the trace has {tr.T}")


def make_unrolled(tr: Trace, t: int, *, unknown=None, look: style.Look = style.Look(),
                  show_folded: bool | None = None, height: int | None = None,
                  outputs: Outputs | None = None) -> go.Figure:
    """The unrolled graph of ``tr`` with step ``t`` (1-based) highlighted; the folded
    network on its left (default: for sentences of up to FOLDED_MAX_T tokens); the o
    boxes show ``outputs`` when given, else the predicted tags."""
    validate(tr, t, unknown, outputs)
    lang, T, m = look.lang, tr.T, tr.model
    if show_folded is None:
        show_folded = T <= FOLDED_MAX_T
    unknown = list(unknown) if unknown is not None else [False] * T
    traces, shapes = [], []

    if show_folded:
        f_traces, f_shapes = folded_parts(tr, t, look, x0=FOLDED_X)
        traces += f_traces
        shapes += f_shapes
        traces += arrows([(FOLDED_X + 1.6, Y_S, -0.6, Y_S)], colour=look.muted, width=3,
                         head=14)
        traces.append(labels([(FOLDED_X + 1.6 - 0.6) / 2], [Y_S + 0.2],
                             [text("fig.unfold", lang)], size=look.scaled(0.9),
                             colour=look.muted))

    cols = np.arange(0, T + 1)                                  # 0 = s_0
    if T and 1 <= t <= T:                                       # the selected column
        shapes.append(dict(box(t - 0.48, Y_X - 0.42, t + 0.48, Y_O + 0.42, fill=style.HIGHLIGHT,
                               line=style.HIGHLIGHT, width=0, radius=False), opacity=0.22))

    # s strip: one heatmap over all columns, NaN gaps between them
    H = m.H
    z = np.full((H, 2 * T + 1), np.nan)
    z[:, 0::2] = tr.s.T                                          # s_0 … s_T
    edges = [e for c in cols for e in (c - HALF_W, c + HALF_W)]
    ycells = np.linspace(Y_S - S_HALF_H, Y_S + S_HALF_H, H + 1)
    cell = np.zeros(z.shape + (2,), dtype=np.int32)              # (t, unit) for hover
    cell[:, :, 0] = np.arange(z.shape[1]) // 2
    cell[:, :, 1] = np.arange(1, H + 1)[:, None]
    zmax = style.symmetric_range(tr.s) if m.f in ("relu", "identity") else 1.0
    traces.append(dict(type="heatmap", z=z, x=edges, y=ycells, colorscale=style.DIVERGING,
                       zmid=0, zmin=-zmax, zmax=zmax, showscale=False, customdata=cell,
                       hovertemplate="s<sub>%{customdata[0]}</sub>[%{customdata[1]}] = "
                                     "%{z:+.3f}<extra></extra>", ygap=0.5, name="s"))
    for c in {0, t} if T else {0}:                               # outline s_0 and s_t
        shapes.append(box(c - HALF_W, Y_S - S_HALF_H, c + HALF_W, Y_S + S_HALF_H,
                          fill="rgba(0,0,0,0)", line=look.fg if c == t else look.muted,
                          width=2.5 if c == t else 1, layer="above", radius=False))

    # x and o boxes (plain rectangles: cheaper to redraw than rounded paths)
    words = [style.esc(w) for w in tr.tokens]
    if outputs is None:
        tags = list(tr.pred_tags)
        conf = tr.confidence if T else np.zeros(0)
        fills = [style.tag_colour(tg) for tg in tags]
    else:
        tags, conf, fills = list(outputs.labels), np.asarray(outputs.p), list(outputs.colours)
    # (all x boxes, then the o boxes by colour: the browser gets each run of
    # same-looking boxes as one path, plotly_fence.wire)
    for i in range(1, T + 1):
        sel = i == t
        shapes.append(box(i - HALF_W, Y_X - HALF_H, i + HALF_W, Y_X + HALF_H, radius=False,
                          fill=look.node_fill, line=look.fg if sel else look.muted,
                          width=2.5 if sel else 1.2, dash="dot" if unknown[i - 1] else None))
    for i in sorted(range(1, T + 1), key=lambda i: (i == t, fills[i - 1])):
        sel = i == t
        colour = fills[i - 1]
        shapes.append(box(i - HALF_W, Y_O - HALF_H, i + HALF_W, Y_O + HALF_H, radius=False,
                          fill=colour, line=look.fg if sel else colour, width=2.5 if sel else 1))

    # Text keeps a readable size at any length (never under 11 px at the normal size);
    # the figure says how wide it must be drawn (meta.min_width: views.chart scrolls it
    # sideways on a narrower screen) for each word and "1.00" to fit inside its box.
    word_size = look.scaled(1.0 if T <= 12 else 0.85)
    shown = [_fit(w + ("?" if u else ""), word_size) for w, u in zip(tr.tokens, unknown)]
    tags = [_fit(tg, word_size) for tg in tags]
    col_px = max([MIN_COL_PX * look.font_size / 14] + [
        style.text_width(w, word_size) / (2 * HALF_W) + 4
                                 for w in shown + tags + ["1.00", "part"]])
    traces.append(labels(range(1, T + 1), [Y_X] * T, [style.esc(w) for w in shown],
                         size=word_size, colour=look.fg, name="x"))
    traces.append(dict(labels(range(1, T + 1), [Y_O] * T,
                              [f"{style.esc(tags[i])}<br>{conf[i]:.2f}" for i in range(T)],
                              size=word_size, colour=look.fg, name="o"),
                       textfont=dict(size=word_size, color=[
                           style.text_on(c) for c in fills])))

    # arrows U (x -> s), W (s_{t-1} -> s_t), V (s -> o); each letter written once
    u_seg = [(i, Y_X + HALF_H, i, Y_S - S_HALF_H - 0.02) for i in range(1, T + 1)]
    w_seg = [(i - 1 + HALF_W, Y_S, i - HALF_W - 0.02, Y_S) for i in range(1, T + 1)]
    v_seg = [(i, Y_S + S_HALF_H, i, Y_O - HALF_H - 0.02) for i in range(1, T + 1)]
    for segs, name in ((u_seg, "U"), (w_seg, "W"), (v_seg, "V")):
        traces += arrows(segs, colour=look.muted, width=1.6, head=9, name=name)
    small = look.scaled(0.85)
    row_x = -HALF_W - 0.12
    traces.append(labels(
        [row_x, row_x, row_x, 0, 1.06, 0.5, 1.06][:7 if T else 4],
        [Y_X, Y_S + S_HALF_H + 0.1, Y_O, Y_S, (Y_X + Y_S) / 2, Y_S + 0.07, (Y_S + Y_O) / 2][
            :7 if T else 4],
        ["x<sub>t</sub>", "s<sub>t</sub>", "o<sub>t</sub>", "0", "U", "W", "V"][:7 if T else 4],
        size=small, colour=look.muted, name="names"))
    traces[-1]["textposition"] = ["middle left", "middle left", "middle left", "middle center",
                                  "middle right", "bottom center", "middle right"][:7 if T else 4]

    # click targets: one per column on the x and o boxes, customdata = t
    if T:
        hov = []
        for i in range(1, T + 1):
            p = tr.o[i - 1]
            top = np.argsort(p)[::-1][:3]
            hov.append("<br>".join(
                [text("fig.hover.x", lang, t=i, word=words[i - 1], id=int(tr.x[i - 1]),
                      n=m.n_vocab)]
                + ([text("fig.unknown_word", lang, word=words[i - 1],
                         column=style.esc(m.vocab[tr.x[i - 1]]))] if unknown[i - 1] else [])
                + [f"{style.esc(m.tags[k])}: {p[k]:.3f}" for k in top]
                + [f"<i>{text('fig.click_hint', lang)}</i>"]))
        traces.append(dict(type="scatter", 
            x=[i for i in range(1, T + 1) for _ in (0, 1)],
            y=[y for _ in range(T) for y in (Y_X, Y_O)],
            customdata=[i for i in range(1, T + 1) for _ in (0, 1)],
            hovertext=[h for h in hov for _ in (0, 1)], hoverinfo="text",
            mode="markers", name="steps",
            marker=dict(size=34, symbol="square", color="rgba(0,0,0,0)")))

    x_lo = FOLDED_X - 0.5 if show_folded else -0.6
    n_cols = T + 1 + (3.3 if show_folded else 0)
    x_hi = max(T + 0.6, MIN_COLS)
    unit_px = max(col_px, FOLDED_UNIT_PX * look.font_size / 14) if show_folded else col_px
    min_width = int(np.ceil((x_hi - x_lo) * unit_px)) + 8
    layout = style.base_layout(look, height=height or look.scaled(25), margin=dict(
        l=4, r=4, t=8, b=max(28, look.scaled(1.35))))
    return style.figure(traces, dict(**layout, shapes=shapes, dragmode=False,
                      xaxis=dict(range=[x_lo, x_hi], fixedrange=True,
                                 showgrid=False, zeroline=False, showline=False,
                                 tickmode="array", tickvals=list(range(0, T + 1)),
                                 ticktext=[f"<b>t = {c}</b>" if c == t else f"t = {c}"
                                           if T <= 12 else str(c) for c in cols],
                                 tickfont=dict(size=look.scaled(0.8), color=look.muted)),
                      yaxis=dict(style.hidden_axis(), range=[Y_X - 0.5, Y_O + 0.5]),
                      meta=dict(kind="unrolled", T=T, t=t, n_cols=n_cols,
                                min_width=min_width)))


def _fit(word: str, px: float) -> str:
    """A word as its box shows it: cut with … beyond MAX_WORD_PX (the hover has it all)."""
    if style.text_width(word, px) <= MAX_WORD_PX:
        return word
    while word and style.text_width(word + "…", px) > MAX_WORD_PX:
        word = word[:-1]
    return word + "…"
