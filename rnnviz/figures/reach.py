"""How far back o_t reaches (``rnnviz.lessons.reach``), as a word strip and as bars.

- ``strip_html``: the sentence once per measure, each word k highlighted by
  how much it changes o_t: gradient norms on a white → purple ramp scaled to
  the row's largest value, occlusion on the diverging scale (red: the word
  supported the predicted tag, blue: it argued against it). Word t is
  outlined; words after t are faded (o_t has not read them).
- ``make_reach``: the same numbers as bars, the RNN (solid) next to the
  feed-forward tagger (hatched): gradient norm above (log axis: it spans
  decades; an exact 0 has no bar), occlusion below.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from ..i18n import text
from . import style
from .compare import FF_COLOUR, FF_PATTERN, RNN_COLOUR
from .style import esc_html

# |gradient| from 0 (no highlight) to the row's largest (viridis's blue and purple)
REACH_RAMP = [[0.0, "#f7f7f7"], [0.45, "#5ec1b4"], [0.75, "#31688e"], [1.0, "#440154"]]


def validate(tokens: Sequence[str], t: int, *rows: np.ndarray) -> None:
    T = len(tokens)
    if not 1 <= t <= T:
        raise ValueError(f"step t={t} is outside 1..{T}")
    for r in rows:
        if np.shape(r) != (T,):
            raise ValueError(f"a reach row has shape {np.shape(r)}; expected ({T},)")


def _hex(rgb: str) -> str:
    r, g, b = (int(round(float(v))) for v in unlabel_rgb(rgb))
    return f"#{r:02x}{g:02x}{b:02x}"


def _colours(values: np.ndarray, signed: bool) -> list[str]:
    """Background colour of each word: ramp (|v| / max) or diverging (v / max|v|)."""
    v = np.nan_to_num(np.asarray(values, dtype=float))
    top = float(np.abs(v).max()) or 1.0
    if signed:
        return [_hex(c) for c in sample_colorscale(style.DIVERGING, list(0.5 + 0.5 * v / top))]
    return [_hex(c) for c in sample_colorscale(REACH_RAMP, list(np.abs(v) / top))]


def strip_html(tokens: Sequence[str], t: int, rows: Sequence[tuple[str, np.ndarray, bool]],
               *, future_note: str, number_fmt: Sequence[str] = (), font_px: int = 18) -> str:
    """A grid: one line of words per ``(label, values, signed)`` row, values (T,),
    each word in its own column so a word lines up across the rows; scrolls
    sideways when the sentence is wider than the page."""
    validate(tokens, t, *(r[1] for r in rows))
    cells = []
    for n, (label, values, signed) in enumerate(rows):
        fmt = number_fmt[n] if n < len(number_fmt) else "{:.3g}"
        cells.append(f'<span style="{_LABEL}">{esc_html(label)}</span>')
        for k, (w, bg, v) in enumerate(zip(tokens, _colours(values, signed), values), 1):
            after = k > t
            border = (f"3px solid {style.HIGHLIGHT}" if k == t
                      else "1px solid rgba(128,128,128,0.35)")
            title = esc_html(future_note if after else f"k = {k}: " + fmt.format(float(v)))
            look = ("opacity:0.35;background:transparent;color:inherit;" if after
                    else f"background:{bg};color:{style.text_on(bg)};")
            cells.append(f'<span title="{title}" style="{_WORD}border:{border};{look}">'
                         f'{esc_html(w)}</span>')
    grid = (f"display:grid;grid-template-columns:max-content repeat({len(tokens)}, max-content);"
            "gap:0.25em;align-items:center;")
    return (f'<div class="rnnviz-reach" style="font-size:{font_px}px;overflow-x:auto;'
            f'padding:0.2em 0;"><div style="{grid}">' + "".join(cells) + "</div></div>")


_LABEL = "font-size:0.8em;opacity:0.8;text-align:right;padding-right:0.4em;white-space:nowrap;"
_WORD = ("display:inline-block;padding:0.08em 0.45em;border-radius:0.4em;white-space:nowrap;"
         "text-align:center;")


def _log_range(*rows: np.ndarray) -> list[float]:
    """log10 axis range over the positive values (zeros have no bar on a log axis)."""
    v = np.concatenate([np.asarray(r, dtype=float) for r in rows])
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return [-3.0, 0.0]
    hi = np.ceil(np.log10(v.max()) + 0.05)
    return [float(max(np.floor(np.log10(v.min())), hi - 6)), float(hi)]


def _decimals(*rows: np.ndarray) -> int:
    """Decimals for tick labels that never read the same (0.000, 0.005, 0.010, not 0.00,
    0.01, 0.01): enough for a tenth of the values' span (Plotly's ticks on this short
    axis are a third to a sixth of it apart); at least 2."""
    v = np.nan_to_num(np.concatenate([np.asarray(r, dtype=float) for r in rows]))
    span = float(max(v.max(initial=0.0), 0.0) - min(v.min(initial=0.0), 0.0))
    if span <= 0:
        return 2
    return int(min(6, max(2, np.ceil(-np.log10(span / 10)))))


def make_reach(tokens: Sequence[str], t: int, grad_rnn: np.ndarray, occl_rnn: np.ndarray,
               grad_ff: np.ndarray, occl_ff: np.ndarray, *, look: style.Look = style.Look(),
               height: int | None = None) -> go.Figure:
    """Bars over k = 1..T: ‖∂o_t/∂x_k‖ (top) and the occlusion drop Δ (bottom)."""
    validate(tokens, t, grad_rnn, occl_rnn, grad_ff, occl_ff)
    lang, T = look.lang, len(tokens)
    ks = list(range(1, T + 1))
    rnn, ff = text("why.rnn", lang), text("why.ff", lang)
    occl_colours = [style.POSITIVE if v >= 0 else style.NEGATIVE for v in occl_rnn]
    traces = []
    for name, values, colour, axis, extra in (
            (rnn, grad_rnn, RNN_COLOUR, "", {}),
            (ff, grad_ff, FF_COLOUR, "", dict(pattern=FF_PATTERN)),
            (rnn, occl_rnn, occl_colours, "2", {}),
            (ff, occl_ff, FF_COLOUR, "2", dict(pattern=FF_PATTERN))):
        digits = 4 if axis == "" else 3
        traces.append(dict(
            type="bar", x=ks, y=[float(v) for v in np.nan_to_num(values)], name=name,
            xaxis="x" + axis, yaxis="y" + axis, showlegend=False,
            marker=dict(color=colour, line=dict(width=0), **extra),
            hovertext=[f"{name}<br>k = {k} ({style.esc(w)}): {style.fmt(v, digits)}"
                       for k, w, v in zip(ks, tokens, values)], hoverinfo="text"))
    words = [style.esc(w) for w in tokens]
    ticks = dict(tickmode="array", tickvals=ks, fixedrange=True, range=[0.4, T + 0.6],
                 tickfont=dict(size=look.scaled(0.95 if T <= 12 else 0.8)))
    band = [dict(type="rect", xref="x", yref="paper", x0=t - 0.5, x1=t + 0.5, y0=0, y1=1,
                 fillcolor=style.HIGHLIGHT, opacity=0.18, line=dict(width=0), layer="below")]
    if t < T:                                   # words o_t has not read yet
        band.append(dict(type="rect", xref="x", yref="paper", x0=t + 0.5, x1=T + 0.6,
                         y0=0, y1=1, fillcolor="rgba(128,128,128,0.12)", line=dict(width=0),
                         layer="below"))
    small = look.scaled(0.85)
    notes = [dict(text=style.pretty(text(key, lang, t=t)), x=0, y=y, xref="paper",
                  yref="paper", xanchor="left", yanchor="bottom", showarrow=False,
                  font=dict(size=small, color=look.muted))
             for key, y in (("why.fig.reach.grad", 1.0), ("why.fig.reach.occl", 0.43))]
    if t < T:
        notes.append(dict(text=text("why.fig.reach.future", lang), x=(t + 0.5 + T + 0.6) / 2,
                          y=1.0, xref="x", yref="paper", yanchor="bottom", showarrow=False,
                          font=dict(size=small, color=look.muted)))
    grid = "rgba(128,128,128,0.25)"
    log_range = _log_range(grad_rnn, grad_ff)
    # b: room for the words under the lower chart, turned 30° when Plotly finds them too
    # wide for the chart (a margin Plotly has to widen costs a second drawing)
    layout = style.base_layout(look, height=height or look.scaled(24), margin=dict(
        l=look.scaled(4.3), r=10, t=look.scaled(2),
        b=max(look.scaled(2.6), style.label_room(words, ticks["tickfont"]["size"], angle=30)
              + look.scaled(0.6))))   # (+: the word at t is bold)
    return style.figure(traces, dict(
        layout, barmode="group", bargap=0.3, dragmode=False, shapes=band, annotations=notes,
        xaxis=dict(ticks, ticktext=[""] * T, anchor="y", showticklabels=False),
        xaxis2=dict(ticks, ticktext=[f"<b>{w}</b>" if k == t else w
                                     for k, w in zip(ks, words)], anchor="y2",
                    matches="x"),
        yaxis=dict(domain=[0.57, 0.93], fixedrange=True, gridcolor=grid, type="log",
                   range=log_range, exponentformat="power",
                   dtick=1 if log_range[1] - log_range[0] <= 4 else 2),
        yaxis2=dict(domain=[0.0, 0.36], fixedrange=True, gridcolor=grid, zeroline=True,
                    zerolinecolor=look.muted,
                    tickformat=f".{_decimals(occl_rnn, occl_ff)}f"),
        meta=dict(kind="why_reach", t=t, T=T)))
