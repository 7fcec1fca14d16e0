"""The tutorial's neuron-level figure for one step t.

Bottom row: the input units (one per word of the sentence, the active one-hot
slot x_t lit; the rest of the vocabulary is summarised) and the previous
hidden units s_{t-1}. Middle: the hidden units s_t. Top: the output units o_t,
one per tag. Edges are the weights that carry the step: the column U[:, x_t]
(input → hidden), W (s_{t-1} → s_t, the recurrent connections) and V
(hidden → output); edge colour = sign, width = |weight| (scaled within each
matrix).
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.forward import Trace
from ..text.unknown import is_class
from . import style
from ._draw import labels

Y_IN, Y_HID, Y_OUT = 0.0, 1.0, 2.0
WIDTH_BINS = (0.25, 0.5, 0.75, 1.0)     # |w| / max|w| upper bounds -> line widths
LINE_WIDTHS = (0.6, 1.4, 2.4, 3.6)


def validate(tr: Trace, t: int) -> None:
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")


def _spread(n: int, centre: float, gap: float = 1.0) -> np.ndarray:
    return centre + (np.arange(n) - (n - 1) / 2) * gap


def _edges(src_xy, dst_xy, w: np.ndarray, name: str):
    """Edge traces for weights w[dst, src]: grouped by sign and width bin."""
    scale = float(np.abs(w).max()) if w.size and np.isfinite(w).all() else 1.0
    scale = scale or 1.0
    traces = []
    rel = np.abs(np.nan_to_num(w)) / scale
    for sign, colour in ((1, style.POSITIVE), (-1, style.NEGATIVE)):
        lo = 0.0
        for hi, width in zip(WIDTH_BINS, LINE_WIDTHS):
            sel = np.argwhere((np.sign(w) == sign) & (rel > lo) & (rel <= hi))
            lo = hi
            if not len(sel):
                continue
            xs, ys = [], []
            for d, s in sel:
                xs += [src_xy[0][s], dst_xy[0][d], None]
                ys += [src_xy[1][s], dst_xy[1][d], None]
            traces.append(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip", name=name,
                                     line=dict(color=colour, width=width),
                                     opacity=0.15 + 0.7 * hi ** 1.5))
    return traces


INPUT_LABEL_EMS = 4.5        # two unit spacings at the narrowest drawing, in ems


def _short(word: str) -> str:
    """``word`` cut with "…" to about INPUT_LABEL_EMS ems (a CJK character is 1 em); a
    class column's "<unk:" is left out ("<unk:-ly>" is drawn "<-ly>")."""
    if is_class(word) and word.startswith("<unk:"):
        word = "<" + word[len("<unk:"):]
    if style.text_width(word, 1.0) <= INPUT_LABEL_EMS:
        return word
    out = ""
    for ch in word:
        if style.text_width(out + ch, 1.0) > INPUT_LABEL_EMS - 0.6:
            break
        out += ch
    return out + "…"


def make_neurons(tr: Trace, t: int, *, look: style.Look = style.Look(),
                 height: int | None = None, max_inputs: int = 5) -> go.Figure:
    """Units and weights of step ``t`` (1-based)."""
    validate(tr, t)
    m, lang = tr.model, look.lang
    H, K = m.H, m.K
    # input units: a few distinct words of the sentence around x_t (x_t lit);
    # the rest of the vocabulary is summarised (their one-hot entries are 0)
    seen: dict[int, str] = {}
    for wid, tok in zip(tr.x, tr.tokens):      # an unknown word's unit is its class's
        seen.setdefault(int(wid), m.vocab[wid] if is_class(m.vocab[wid]) else tok)
    active = int(tr.x[t - 1])
    order = list(seen)
    i = order.index(active)
    lo = max(0, min(i - max_inputs // 2, len(order) - max_inputs))
    ids = order[lo:lo + max_inputs]
    n_in = len(ids)
    gap = 3.0                                   # between the input block and s_{t-1}
    x_in = np.arange(n_in, dtype=float)
    x_prev = n_in - 1 + gap + np.arange(H, dtype=float)   # s_{t-1} right below s_t
    x_hid = x_prev
    x_out = _spread(K, float(x_hid.mean()), gap=max(1.0, (H - 1) / max(K - 1, 1)))
    # room on the right for the last tag label ("pu") in a half-width column at 1366 px
    left, right = -2.0, float(max(x_prev[-1], x_out[-1])) + 1.3
    traces = []
    hid_xy = (x_hid, [Y_HID] * H)
    a_in = ids.index(active)
    traces += _edges(([x_in[a_in]], [Y_IN]), hid_xy, m.U[:, active][:, None], "U")
    traces += _edges((x_prev, [Y_IN] * H), hid_xy, m.W, "W")
    traces += _edges(hid_xy, (x_out, [Y_OUT] * K), m.V, "V")

    s_prev, s_t, o_t = tr.s[t - 1], tr.s[t], tr.o[t - 1]
    zmax = 1.0 if m.f in ("tanh", "sigmoid") else style.symmetric_range(tr.s)
    node = dict(size=look.scaled(1.6), line=dict(color=look.fg, width=1))
    # input units
    traces.append(dict(type="scatter", 
        x=x_in, y=[Y_IN] * n_in, mode="markers", name="x",
        marker=dict(node, color=[style.HIGHLIGHT if i == active else look.bg for i in ids],
                    line=dict(color=look.fg, width=[3 if i == active else 1 for i in ids])),
        hovertext=[f"x[{style.esc(seen[i])}] = {1 if i == active else 0}" for i in ids],
        hoverinfo="text"))
    # the units stand 1 apart (~24-35 px): labels alternate between two rows and a long
    # word is cut to INPUT_LABEL_EMS ems (the hover names it whole)
    traces.append(labels(x_in, [Y_IN - (0.13 if j % 2 == 0 else 0.25) for j in range(n_in)],
                         [style.esc(_short(seen[i])) for i in ids],
                         size=look.scaled(0.85), colour=look.fg, anchor="bottom center",
                         hover=[f"x[{style.esc(seen[i])}]" for i in ids], name="x_labels"))
    more = m.n_vocab - n_in
    # previous and current hidden units, outputs
    for xs, y, v, name, key in ((x_prev, Y_IN, s_prev, "s_prev", "s_prev"),
                                (x_hid, Y_HID, s_t, "s", "s_t")):
        label = "s" + (f"<sub>{t - 1}</sub>" if key == "s_prev" else f"<sub>{t}</sub>")
        traces.append(dict(type="scatter", 
            x=xs, y=[y] * H, mode="markers", name=name,
            marker=dict(node, color=v, colorscale=style.DIVERGING, cmin=-zmax, cmax=zmax),
            hovertext=[f"{label}[{h + 1}] = {style.fmt(v[h])}" for h in range(H)],
            hoverinfo="text"))
    traces.append(dict(type="scatter", 
        x=x_out, y=[Y_OUT] * K, mode="markers", name="o",
        marker=dict(node, color=o_t, colorscale=style.SEQUENTIAL, cmin=0, cmax=1),
        hovertext=[f"o<sub>{t}</sub>[{m.tags[k]}] = {o_t[k]:.3f}" for k in range(K)],
        hoverinfo="text"))
    top = int(np.argmax(o_t))
    traces.append(labels(x_out, [Y_OUT + 0.13] * K, list(m.tags), size=look.scaled(0.85),
                         colour=look.fg, anchor="top center"))
    traces.append(labels([x_out[top]], [Y_OUT + 0.27], [f"{o_t[top]:.2f}"],
                         size=look.scaled(0.8), colour=look.fg, anchor="top center", bold=True))
    # row captions: under the bottom rows, left of the upper ones
    cap = look.scaled(0.85)
    traces.append(labels(
        [x_in[0] - 0.4, x_prev[0] - 0.4, x_hid[0] - 0.6, x_out[0] - 0.6],
        [Y_IN - 0.6, Y_IN - 0.33, Y_HID, Y_OUT],
        [style.pretty(text("fig.neurons.input", lang, t=t)) + "<br>"
         + text("fig.neurons.more", lang, n=more),
         style.pretty(text("fig.neurons.prev", lang, prev=t - 1)),
         style.pretty(text("fig.neurons.hidden", lang, t=t)),
         style.pretty(text("fig.neurons.output", lang, t=t))],
        size=cap, colour=look.muted))
    traces[-1].update(textposition=["middle right", "middle right", "middle left",
                                    "middle left"])
    return style.figure(traces, dict(
        **style.base_layout(look, height=height or look.scaled(32.5), margin=dict(
            l=4, r=4, t=look.scaled(2.4), b=look.scaled(1.5)),
            title=style.pretty(text("fig.neurons.title", lang, t=t, prev=t - 1))),
        dragmode=False,
        xaxis=dict(style.hidden_axis(), range=[left - 3.5, right]),
        yaxis=dict(style.hidden_axis(), range=[Y_IN - 0.8, Y_OUT + 0.42]),
        annotations=[dict(text=text("fig.neurons.edges", lang), x=1, y=0, xref="paper",
                          yref="paper", showarrow=False, xanchor="right", yanchor="top",
                          font=dict(size=look.scaled(0.8), color=look.muted))],
        # drawn at least this wide (views.chart scrolls it on a phone): the tags and
        # units keep ~24 px each
        meta=dict(kind="neurons", t=t,
                  min_width=int((right - left + 3.5) * 24 * look.font_size / 14))))
