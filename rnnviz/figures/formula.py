"""The formula of one step with the real numbers in it.

    s_t = f(U x_t + W s_{t-1} + b)      shown as the columns U x_t, W s_{t-1}, b,
                                        their sum a_t, and f(a_t) = s_t
    o_t = softmax(V s_t + c)            shown as z_t = V s_t + c and o_t

Every number is read from the trace, so the figure shows exactly what the
model computed (``a_t`` is the stored pre-activation, not a re-addition). A language
model's V and o have a row per word: ``rows`` picks the rows drawn (the page's: the
actual next word and the top candidates), ``target`` marks the actual next word.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.forward import Trace
from ..text.unknown import is_class
from . import style

MAX_ROWS_WITH_NUMBERS = 24


def validate(tr: Trace, t: int, rows: Sequence[int] | None = None) -> None:
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")
    if rows is not None and (len(rows) == 0 or not all(0 <= k < tr.model.K for k in rows)):
        raise ValueError(f"rows must be output ids in 0..{tr.model.K - 1}, got {list(rows)}")


def columns(tr: Trace, t: int) -> dict[str, np.ndarray]:
    """The vectors the formula shows for step t, by name (all read from the trace)."""
    m = tr.model
    return {"Ux": tr.Ux[t - 1], "Ws": tr.Ws[t - 1], "b": m.b, "a": tr.a[t - 1],
            "s": tr.s[t], "z": tr.z[t - 1], "o": tr.o[t - 1]}


def _block(names, vectors, ops):
    """z matrix (rows, 2*len-1) with NaN operator columns, text, x labels."""
    n = len(vectors[0])
    z = np.full((n, 2 * len(vectors) - 1), np.nan)
    txt = np.full(z.shape, "", dtype=object)
    for i, v in enumerate(vectors):
        z[:, 2 * i] = v
        txt[:, 2 * i] = [style.fmt(x, 2) for x in v]
    x = []
    for i, name in enumerate(names):
        x.append(name)
        if i < len(ops):
            x.append(ops[i])
    return z, txt, x


def make_formula(tr: Trace, t: int, *, look: style.Look = style.Look(),
                 height: int | None = None, rows: Sequence[int] | None = None,
                 target: int | None = None) -> go.Figure:
    """The two equations of step ``t`` as coloured columns of numbers; of z and o only
    the output ``rows`` (default: all), ``target``'s label marked ▶."""
    validate(tr, t, rows)
    m, lang = tr.model, look.lang
    col = columns(tr, t)
    rows = list(range(m.K)) if rows is None else [int(k) for k in rows]
    col["z"], col["o"] = col["z"][rows], col["o"][rows]
    H, K = m.H, len(rows)
    f = m.f
    numbers = max(H, K) <= MAX_ROWS_WITH_NUMBERS
    traces = []
    # hidden block
    names = [style.pretty(s) for s in (f"U x_{t}", f"W s_{t - 1}", "b", f"a_{t}",
                                       f"s_{t} =<br>{f}(a_{t})")]
    ops = ["+", "+", "=", "→"]
    zh, th, xh = _block(names, [col["Ux"], col["Ws"], col["b"], col["a"], col["s"]], ops)
    zmax = style.symmetric_range(zh)
    units = [str(h) for h in range(1, H + 1)]
    fs = look.scaled(0.78 if H <= 16 else 0.65)
    hover_unit = text("fig.axis.unit", lang)
    traces.append(dict(type="heatmap", 
        z=zh, x=list(range(zh.shape[1])), y=units, text=th,
        texttemplate="%{text}" if numbers else None, textfont=dict(size=fs),
        colorscale=style.DIVERGING, zmid=0, zmin=-zmax, zmax=zmax, showscale=False,
        xgap=2, ygap=1, name="hidden",
        hovertemplate=f"{hover_unit} %{{y}}: %{{text}}<extra></extra>"))
    # output block: z (diverging) then o (sequential)
    tags = [style.esc(m.tags[k]) for k in rows]
    if target is not None and target in rows:
        tags[rows.index(target)] = "▶ " + tags[rows.index(target)]
    zz = col["z"][:, None]
    zmax_z = style.symmetric_range(zz)
    traces.append(dict(type="heatmap", 
        z=zz, x=[0], y=tags, text=[[style.fmt(v, 2)] for v in col["z"]],
        texttemplate="%{text}" if numbers else None, textfont=dict(size=fs),
        colorscale=style.DIVERGING, zmid=0, zmin=-zmax_z, zmax=zmax_z, showscale=False,
        xgap=2, ygap=1, name="z", hovertemplate="z[%{y}] = %{text}<extra></extra>",
        xaxis="x2", yaxis="y2"))
    traces.append(dict(type="heatmap", 
        z=col["o"][:, None], x=[2], y=tags, text=[[f"{p:.2f}"] for p in col["o"]],
        texttemplate="%{text}" if numbers else None, textfont=dict(size=fs),
        colorscale=style.SEQUENTIAL, zmin=0, zmax=1, showscale=False, xgap=2, ygap=1,
        name="o", hovertemplate="P(%{y}) = %{text}<extra></extra>", xaxis="x2", yaxis="y2"))
    # operators as text in the NaN columns
    op_x = list(range(1, zh.shape[1], 2))
    traces.append(dict(type="scatter", x=op_x, y=[units[H // 2]] * len(op_x), mode="text", text=ops,
                             textfont=dict(size=look.scaled(1.1), color=look.fg),
                             hoverinfo="skip"))
    traces.append(dict(type="scatter", x=[1], y=[tags[K // 2]], mode="text", text=["→"],
                             textfont=dict(size=look.scaled(0.95), color=look.fg),
                             hoverinfo="skip", xaxis="x2", yaxis="y2"))
    top = int(np.argmax(col["o"]))       # the most likely of the rows drawn
    entry = tr.model.vocab[tr.x[t - 1]]       # an unknown word: U x_t is its class's column
    word = style.esc(tr.tokens[t - 1] + (f" → {entry}" if is_class(entry) else ""))
    eq_s = style.pretty(f"s_{t} = {f}(U x_{t} + W s_{t - 1} + b)")
    eq_o = style.pretty(f"o_{t} = softmax(V s_{t} + c)")
    # the title (two lines, centred in the margin) clear of the two-line column names
    top_margin = look.scaled(9.6) + 4 * max(0, look.font_size - 14)
    row = max(26, look.scaled(1.5))                 # px per unit: room for its number
    layout = style.base_layout(look, height=height or max(look.scaled(22),
                                                          row * max(H, K) + top_margin + 10),
                               title=text("fig.formula.title", lang, t=t, word=word)
                               + f"<br><span style='font-size:0.9em'>{eq_s}   ·   {eq_o}</span>",
                               # l, r: room for the unit numbers and the end of the top
                               # label "o_t" (a margin Plotly has to widen costs a
                               # second draw)
                               margin=dict(l=max(10, round(1.35 * look.font_size) + 1),
                                           r=look.scaled(1.35) + 2, t=top_margin, b=10))
    return style.figure(traces, dict(
        **layout,
        xaxis=dict(tickmode="array", tickvals=list(range(0, zh.shape[1], 2)), ticktext=names,
                   side="top", showgrid=False, zeroline=False, fixedrange=True,
                   domain=[0.03, 0.6]),
        yaxis=dict(autorange="reversed", fixedrange=True, showgrid=False, type="category"),
        xaxis2=dict(tickmode="array", tickvals=[0, 2],
                    ticktext=[style.pretty(f"z_{t} = V s_{t} + c"), style.pretty(f"o_{t}")],
                    side="top", showgrid=False, zeroline=False, fixedrange=True,
                    range=[-0.6, 2.6], domain=[0.72, 1.0], anchor="y2"),
        yaxis2=dict(autorange="reversed", fixedrange=True, showgrid=False, type="category",
                    anchor="x2",
                    ticktext=[f"<b>{tg}</b>" if k == top else tg for k, tg in enumerate(tags)],
                    tickvals=tags),
        meta=dict(kind="formula", t=t, min_width=int(520 * look.font_size / 14))))
