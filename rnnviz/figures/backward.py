"""The unrolled graph run backwards: the error of one loss L_t flowing back in time.

Same columns and rows as ``unrolled`` (x_k at the bottom, the strip of s_k's
H units in the middle, o_k on top, s_0 at the left). For the chosen output
step t the error enters at o_t, comes down V to s_t and walks left through W
to s_{t-1} … s_1 and s_0; at every step it also goes down U to x_k:

    V edge  o_t → s_t        ‖∂L_t/∂s_t‖ = ‖Vᵀ(o_t − y_t)‖
    W edge  s_k → s_{k-1}    ‖∂L_t/∂s_{k-1}‖ = ‖Wᵀ δ_k‖
    U edge  s_k → x_k        ‖δ_k‖, the part of ∂L_t/∂U[:, x_k]
    s_k strip, unit h        |δ_k[h]| = |∂L_t/∂a_k[h]|

Colour (and the width of an edge) is log₁₀ of the magnitude on one scale;
hover gives the numbers. Steps after t carry no error and stay grey. Truncated
to k steps (the definition is in ``bptt``'s docstring), the error of L_t keeps
δ_t … δ_{t-k+1}, arrives at s_{t-k} through W and stops there
(``Lesson.stop``): the W edge s_{t-k} → s_{t-k-1} is the one truncation cuts,
dotted, with scissors, and its hover says what is kept and what full BPTT would
have carried over it; older steps are shaded. The o boxes carry
``customdata = k`` so a click selects that loss.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..lessons.backprop import Lesson
from . import _magnitude as mag
from . import style
from ._draw import box, labels
from .unrolled import HALF_H, HALF_W, S_HALF_H, Y_O, Y_S, Y_X

EDGE_WIDTH = (1.5, 7.0)         # px, for the smallest and the largest magnitude
EDGE_BINS = 9                   # edges are drawn in this many widths and colours
X_LO = -1.0                     # room left of s_0 for the row names
MIN_COLS_HERE = 6.6             # a short sentence's columns: wider than the unrolled
#                                 graph's (MIN_COLS), so three words fill 60 % of a laptop


def validate(ls: Lesson, t: int, unknown=None) -> None:
    if ls.T == 0:
        raise ValueError("the sentence is empty: nothing to draw")
    if not 1 <= t <= ls.T:
        raise ValueError(f"step t={t} is outside 1..{ls.T}")
    if unknown is not None and len(unknown) != ls.T:
        raise ValueError(f"{len(unknown)} unknown flags for {ls.T} tokens")


def edge_magnitudes(ls: Lesson, t: int) -> dict[str, np.ndarray]:
    """What the edges carry for loss L_t (NaN where no error flows).

    ``V``: ‖∂L_t/∂s_t‖ (a 1-array); ``W``: (t,) entry k-1 = ‖∂L_t/∂s_{k-1}‖,
    the edge s_k → s_{k-1} (entry 0 reaches s_0); ``U``: (t,) ‖δ_k‖.
    """
    dLds = ls.flow.dLds[t - 1, :t]                      # (t, H) ∂L_t/∂s_k, k = 1..t
    dLda = ls.flow.dLda[t - 1, :t]                      # (t, H) δ_k = ∂L_t/∂a_k
    reach = np.array([ls.reaches(t, k) for k in range(1, t + 1)])
    with np.errstate(all="ignore"):
        into = np.r_[np.linalg.norm(ls.ds0[t - 1]), np.linalg.norm(dLds[:-1], axis=-1)]
        u = np.linalg.norm(dLda, axis=-1)
        v = np.linalg.norm(dLds[-1:], axis=-1)
    return {"V": v,
            "W": np.where(reach, into, np.nan),         # the edge leaving s_k needs δ_k
            "U": np.where(reach, u, np.nan)}


def node_values(ls: Lesson, t: int) -> np.ndarray:
    """(H, T) δ_k[h] = ∂L_t/∂a_k[h] for the steps L_t reaches, NaN elsewhere."""
    out = np.full((ls.model.H, ls.T), np.nan)
    for k in range(1, t + 1):
        if ls.reaches(t, k):
            out[:, k - 1] = ls.flow.dLda[t - 1, k - 1]
    return out


def _why_blank(ls: Lesson, t: int, k: int, lang: str) -> str:
    if k == 0:
        return text("bptt.fig.s0_given", lang)
    if k > t:
        return text("bptt.fig.after_t", lang, k=k, t=t)
    j = ls.stop(t)
    if k == j:                                          # the error arrives and stops
        return text("bptt.fig.stops", lang, j=j, t=t, n=ls.truncate,
                    v=mag.sci(_norm(ls.flow.dLds[t - 1, j - 1])))
    return text("bptt.fig.cut", lang, k=k, t=t, n=ls.truncate, j=j)


def _norm(v: np.ndarray) -> float:
    with np.errstate(all="ignore"):
        return float(np.linalg.norm(v))


def _cut_hover(ls: Lesson, t: int, lang: str) -> str:
    """What truncation keeps of L_t's error and what it cuts (the edge s_j → s_{j-1})."""
    j = ls.stop(t)
    first = j + 1                                       # the oldest δ kept
    kept = (f"δ<sub>{t}</sub>" if first == t
            else f"δ<sub>{t}</sub> … δ<sub>{first}</sub>")
    return text("bptt.fig.cut_edge", lang, n=ls.truncate, t=t, j=j, prev=j - 1, first=first,
                kept=kept, v=mag.sci(_norm(ls.flow.dLds[t - 1, j - 1])),
                w=mag.sci(ls.cut_off(t)))


def _node_data(ls: Lesson, t: int, delta: np.ndarray) -> np.ndarray:
    """(H, 2T+1, 5) hover numbers per strip cell: k, unit, δ_k[h], ∂L_t/∂s_k[h], f'(a_k[h])."""
    m, T = ls.model, ls.T
    data = np.full((m.H, 2 * T + 1, 5), np.nan)
    data[:, 2::2, 0] = np.arange(1, T + 1)
    data[:, :, 1] = np.arange(1, m.H + 1)[:, None]
    data[:, 2::2, 2] = delta
    data[:, 2::2, 3] = ls.flow.dLds[t - 1].T
    with np.errstate(all="ignore"):                     # huge values become ±inf in float32
        data[:, 2::2, 4] = m.activation.df(ls.trace.a, ls.trace.s[1:]).T   # f'(a_k)
        return data.astype(np.float32)                  # hover only: half the bytes


def edge_bins(logs: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Which of the EDGE_BINS widths/colours each edge gets (-1: zero or not finite)."""
    frac = mag.fraction(logs, lo, hi)
    return np.where(np.isfinite(frac), np.round(np.nan_to_num(frac) * (EDGE_BINS - 1)),
                    -1).astype(int)


def _edge_traces(segments, bins, look: style.Look) -> tuple[list[dict], list[str]]:
    """One line trace per bin (far cheaper to redraw than a shape per edge), and the
    colour of every segment for its arrow head."""
    fracs = np.arange(EDGE_BINS) / (EDGE_BINS - 1)
    palette = mag.colours(fracs, 0.0, 1.0)
    colour = [palette[b] if b >= 0 else look.muted for b in bins]
    traces = []
    for b in sorted(set(bins)):
        xs, ys = [], []
        for (x0, y0, x1, y1), bb in zip(segments, bins):
            if bb == b:
                xs += [x0, x1, None]
                ys += [y0, y1, None]
        width = EDGE_WIDTH[0] + (EDGE_WIDTH[1] - EDGE_WIDTH[0]) * fracs[max(b, 0)]
        traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip",
                           name="flow_edge", line=dict(color=palette[b] if b >= 0
                                                       else look.muted, width=float(width))))
    return traces, colour


def _flow_edges(ls: Lesson, t: int, edges: dict, log_range: tuple[float, float],
                stop: int | None, look: style.Look, shapes: list) -> list[dict]:
    """The arrows V (o_t → s_t), W (s_k → s_{k-1}) and U (s_k → x_k) with their hover
    targets; the edge truncation cuts is added to ``shapes``."""
    lang, lo, hi = look.lang, *log_range
    segs = {"V": [(t, Y_O - HALF_H, t, Y_S + S_HALF_H + 0.03)],
            "W": [(k - HALF_W, Y_S, k - 1 + HALF_W + 0.03, Y_S) for k in range(1, t + 1)],
            "U": [(k, Y_S - S_HALF_H, k, Y_X + HALF_H + 0.03) for k in range(1, t + 1)]}
    reached = {name: ~np.isnan(edges[name]) for name in segs}   # an overflow ∞ counts
    seg_list = [sg for name in segs for sg, ok in zip(segs[name], reached[name]) if ok]
    bins = np.concatenate([edge_bins(mag.log10_abs(edges[name][reached[name]]), lo, hi)
                           for name in segs])
    traces, cols = _edge_traces(seg_list, bins, look)
    # one marker per edge at its head: the arrow, coloured like its edge, and the
    # edge's numbers on hover (W edges point left, V and U edges down)
    hover_t = [text(f"bptt.fig.edge_{name}", lang, t=t, k=int(k), prev=int(k) - 1,
                    v=mag.sci(edges[name][k - 1]))
               for name in segs for k in np.flatnonzero(reached[name]) + 1]
    traces.append(dict(type="scatter", mode="markers", name="edges",
                       x=[x1 for _, _, x1, _ in seg_list], y=[y1 for _, _, _, y1 in seg_list],
                       hovertext=hover_t, hoverinfo="text",
                       marker=dict(symbol="arrow", size=look.scaled(0.9), color=cols,
                                   angle=[-90 if y0 == y1 else 180
                                          for _, y0, _, y1 in seg_list],
                                   line=dict(width=0))))
    if stop is not None:                                # the cut: s_stop -/-> s_{stop-1}
        shapes.append(dict(type="line", x0=stop - HALF_W, y0=Y_S, x1=stop - 1 + HALF_W,
                           y1=Y_S, layer="above", line=dict(color=look.muted, width=2,
                                                            dash="dot")))
        traces.append(dict(type="scatter", x=[stop - 0.5], y=[Y_S], mode="markers",
                           name="cut_edge", hoverinfo="text",
                           hovertext=[_cut_hover(ls, t, lang)],
                           marker=dict(size=16, color="rgba(0,0,0,0)")))
    return traces


def make_backward(ls: Lesson, t: int, *, unknown=None, look: style.Look = style.Look(),
                  height: int | None = None) -> go.Figure:
    """The error of L_t (1-based t) drawn flowing back over the unrolled graph."""
    validate(ls, t, unknown)
    lang, T, m, tr = look.lang, ls.T, ls.model, ls.trace
    unknown = list(unknown) if unknown is not None else [False] * T
    traces, shapes = [], []

    delta = node_values(ls, t)
    edges = edge_magnitudes(ls, t)
    node_log = mag.log10_abs(delta)
    lo, hi = mag.log_range(node_log, *(mag.log10_abs(v) for v in edges.values()))

    # the network's structure, faint: every U, W, V connection
    xs, ys = [], []
    for i in range(1, T + 1):
        xs += [i, i, None, i - 1 + HALF_W, i - HALF_W, None, i, i, None]
        ys += [Y_X + HALF_H, Y_S - S_HALF_H, None, Y_S, Y_S, None, Y_S + S_HALF_H,
               Y_O - HALF_H, None]
    traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip",
                       line=dict(color=look.muted, width=1), opacity=0.45, name="structure"))

    # highlight the chosen loss's column; shade what truncation cuts
    shapes.append(dict(box(t - 0.48, Y_X - 0.42, t + 0.48, Y_O + 0.42, fill=style.HIGHLIGHT,
                           line=style.HIGHLIGHT, width=0, radius=False), opacity=0.18))
    stop = ls.stop(t)                                   # the state where the error stops
    if stop is not None:                                # older steps get nothing from L_t
        shapes.append(dict(box(-0.48, Y_X - 0.42, stop - 0.52, Y_O + 0.42,
                               fill=look.muted, line=look.muted, width=0, radius=False),
                           opacity=0.12))

    # s strips: |δ_k[h]| on the log scale (blank where no error arrives)
    z = np.full((m.H, 2 * T + 1), np.nan)
    z[:, 2::2] = node_log
    edges_x = [e for c in range(T + 1) for e in (c - HALF_W, c + HALF_W)]
    ycells = np.linspace(Y_S - S_HALF_H, Y_S + S_HALF_H, m.H + 1)
    # a short sentence keeps narrow columns (x up to MIN_COLS_HERE): its colour bar stands
    # right after its last column, not at the far right of an empty stretch (the margin
    # keeps the room it needs at x = 1, so it fits at any width)
    x_hi = max(T + 0.6, MIN_COLS_HERE)
    colorbar = mag.colorbar(lo, hi, look, text("bptt.fig.magnitude", lang), len=0.9,
                            x=min(1.0, round((T + 0.75 - X_LO) / (x_hi - X_LO), 4)),
                            xanchor="left")
    traces.append(dict(type="heatmap", z=z, x=edges_x, y=ycells, colorscale=style.MAGNITUDE,
                       zmin=lo, zmax=hi, customdata=_node_data(ls, t, delta), hoverongaps=False,
                       hovertemplate=text("bptt.fig.node_hover", lang) + "<extra></extra>",
                       ygap=0.5, name="delta", colorbar=colorbar))
    blank = [c for c in range(T + 1) if not (c >= 1 and ls.reaches(t, c))]
    traces.append(dict(type="scatter", x=blank, y=[Y_S] * len(blank), mode="markers",
                       hovertext=[_why_blank(ls, t, c, lang) for c in blank], hoverinfo="text",
                       name="blank", marker=dict(size=30, symbol="square",
                                                 color="rgba(0,0,0,0)")))
    for c in range(T + 1):                              # grey under blank and δ = 0 cells
        shapes.append(box(c - HALF_W, Y_S - S_HALF_H, c + HALF_W, Y_S + S_HALF_H,
                          fill=look.node_fill, line=look.fg if c == t else look.muted,
                          width=2.5 if c == t else 1, radius=False))

    # x boxes (words) and o boxes (target tags; only o_t sends an error)
    y_ids = ls.y
    targets = [m.tags[k] for k in y_ids]
    # (all x boxes, then the o boxes by colour: the browser gets each run of
    # same-looking boxes as one path, plotly_fence.wire)
    for i in range(1, T + 1):
        shapes.append(box(i - HALF_W, Y_X - HALF_H, i + HALF_W, Y_X + HALF_H, radius=False,
                          fill=look.node_fill, line=look.muted, width=1.2,
                          dash="dot" if unknown[i - 1] else None))
    for i in sorted(range(1, T + 1), key=lambda i: (i == t, targets[i - 1])):
        colour = style.tag_colour(targets[i - 1])
        shapes.append(dict(box(i - HALF_W, Y_O - HALF_H, i + HALF_W, Y_O + HALF_H,
                               radius=False, fill=colour, line=look.fg if i == t else colour,
                               width=3 if i == t else 1), opacity=1.0 if i == t else 0.35))

    traces += _flow_edges(ls, t, edges, (lo, hi), stop, look, shapes)

    # words, target tags, row names, scissors
    word_size = look.scaled(1.0 if T <= 12 else 0.85 if T <= 24 else 0.7)
    words = [style.esc(w) for w in tr.tokens]
    traces.append(labels(range(1, T + 1), [Y_X] * T,
                         [w + ("?" if u else "") for w, u in zip(words, unknown)],
                         size=word_size, colour=look.fg, name="x"))
    p_target = tr.o[np.arange(T), y_ids]
    traces.append(dict(labels(range(1, T + 1), [Y_O] * T, targets, size=word_size,
                              colour=look.fg, name="y"),
                       textfont=dict(size=word_size, color=[
                           style.text_on(style.tag_colour(g)) if i == t else look.fg
                           for i, g in enumerate(targets, 1)])))
    small = look.scaled(0.85)
    names = labels([-HALF_W - 0.08] * 3, [Y_X, Y_S, Y_O],
                   ["x<sub>k</sub>", "δ<sub>k</sub>", "y<sub>k</sub>"], size=small,
                   colour=look.muted, anchor="middle left", name="names")
    traces.append(names)
    if stop is not None:
        traces.append(labels([stop - 0.5], [Y_S + 0.16], ["✂"], size=look.scaled(1.4),
                             colour=look.fg, name="cut"))

    # click targets on the o boxes: customdata = k selects the loss L_k
    hov = []
    for i in range(1, T + 1):
        p = tr.o[i - 1]
        top = [k for k in np.argsort(np.nan_to_num(p, nan=-1.0))[::-1][:3]]
        hov.append("<br>".join(
            [text("bptt.fig.hover_o", lang, k=i, word=words[i - 1], tag=targets[i - 1],
                  p=f"{p_target[i - 1]:.3f}", L=mag.sci(ls.losses[i - 1]))]
            + [f"o<sub>{i}</sub>[{m.tags[k]}] = {p[k]:.3f}" for k in top]
            + [f"<i>{text('bptt.fig.click_hint', lang)}</i>"]))
    traces.append(dict(type="scatter", x=list(range(1, T + 1)), y=[Y_O] * T,
                       customdata=list(range(1, T + 1)), hovertext=hov, hoverinfo="text",
                       mode="markers", name="steps",
                       marker=dict(size=34, symbol="square", color="rgba(0,0,0,0)")))

    title = text("bptt.fig.backward_title", lang, t=t, word=words[t - 1], tag=targets[t - 1],
                 L=mag.sci(ls.losses[t - 1]))
    layout = style.base_layout(look, height=height or look.scaled(27), title=title,
                               margin=dict(l=4, r=style.colorbar_room(colorbar),
                                           t=look.scaled(3), b=max(28, look.scaled(1.35))))
    return style.figure(traces, dict(
        **layout, shapes=shapes, dragmode=False,
        xaxis=dict(range=[X_LO, x_hi], fixedrange=True, showgrid=False,
                   zeroline=False, showline=False, tickmode="array",
                   tickvals=list(range(0, T + 1)),
                   ticktext=[f"<b>k = {c}</b>" if c == t else f"k = {c}" if T <= 12
                             else str(c) for c in range(T + 1)],
                   tickfont=dict(size=look.scaled(0.8), color=look.muted)),
        yaxis=dict(style.hidden_axis(), range=[Y_X - 0.5, Y_O + 0.5]),
        meta=dict(kind="backward", T=T, t=t, truncate=ls.truncate, lo=lo, hi=hi,
                  # wide enough for a column per step with its "k = 3" label and the
                  # title's first words; views.chart scrolls it on a narrower screen
                  min_width=int(max(520 * look.font_size / 14,
                                    (T + 1) * 3.6 * look.font_size
                                    + style.colorbar_room(colorbar) + 40)))))
