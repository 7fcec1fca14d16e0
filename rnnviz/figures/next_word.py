"""The language model's next words as bars.

``make_next_bars``: o_t at step t, the ``lessons.lm.TOP`` most likely next words
(those generation may emit, ``</s>`` included), best at the top, the actual next word
marked in the highlight colour with its label in bold; when it is not among them it
is added as an extra bar at the bottom (its rank in the label).

``make_temperature``: the distribution the next word is sampled from, before
(o_T: τ = 1, every word) and after the temperature τ and top-k, side by side on the
same words: the words most likely before, in that order.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..lessons.lm import TOP, rank, top
from ..nn.forward import Trace
from ..nn.lm import banned, next_distribution
from ..nn.model import RNN
from . import style
from .unrolled import Outputs

BAR = "#4393c3"             # every other candidate (the diverging scale's blue)
MISSED = {False: "#d1d5db", True: "#4b5563"}   # o box: the best word is not the next (dark)


def validate(tr: Trace, t: int, target: int) -> None:
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")
    if not 0 <= target < tr.model.K:
        raise ValueError(f"next word id {target} is outside 0..{tr.model.K - 1}")


def prob(p: float) -> str:
    """A probability to read: 3 decimals, or 2 significant digits below 0.001."""
    return f"{p:.3f}" if p >= 0.001 or p == 0 else f"{p:.1e}"


def _name(word: str, bold: bool) -> str:
    return f"<b>{style.esc(word)}</b>" if bold else style.esc(word)


def make_next_bars(tr: Trace, t: int, target: int, *, k: int = TOP,
                   look: style.Look = style.Look(), height: int | None = None) -> go.Figure:
    """o_t's ``k`` most likely next words as horizontal bars; ``target`` (the actual
    next word's output id) marked, added below them when it is not one of them."""
    validate(tr, t, target)
    m, o = tr.model, tr.o[t - 1]
    ids = [int(i) for i in top(m, o, k)]
    extra = target not in ids
    shown = ids + ([target] if extra else [])
    names = [_name(m.tags[i], i == target) for i in shown]
    if extra:
        names[-1] += f" (#{rank(o, target)})"
    p = [float(o[i]) for i in shown]
    colours = [style.HIGHLIGHT if i == target else BAR for i in shown]
    size = look.scaled(0.85)
    width = max(style.text_width(n, size) for n in names)
    traces = [dict(type="bar", orientation="h", x=p, y=names, marker=dict(color=colours),
                   text=[prob(v) for v in p], textposition="outside", cliponaxis=False,
                   textfont=dict(size=size, color=look.fg), name="o",
                   customdata=shown, hovertemplate="o[%{y}] = %{x:.4f}<extra></extra>")]
    row = look.scaled(1.9)
    layout = style.base_layout(look, height=height or row * len(shown) + look.scaled(4.2),
                               # b: the axis and its title (a margin Plotly has to widen
                               # costs a second drawing of the chart)
                               margin=dict(l=int(width) + 12, r=look.scaled(3.6), t=8,
                                           b=look.scaled(3.7)))
    return style.figure(traces, dict(
        **layout, dragmode=False, bargap=0.25,
        xaxis=dict(range=[0, max(max(p), 1e-9) * 1.05], fixedrange=True, zeroline=False,
                   tickfont=dict(size=size), tickformat=".2f",
                   title=dict(text=style.pretty(f"o_{t}") + " " +
                              text("lm.fig.bars_axis", look.lang), font=dict(size=size))),
        yaxis=dict(autorange="reversed", fixedrange=True, type="category", automargin=False,
                   tickfont=dict(size=look.scaled(0.9))),
        meta=dict(kind="lm_bars", t=t, target=target, ids=shown)))


def lm_outputs(tr: Trace, y: np.ndarray, look: style.Look = style.Look()) -> Outputs:
    """The unrolled graph's o boxes for a language model: at each step the most likely
    next word and its o_t, in the highlight colour when it is the actual next word
    ``y[t-1]``, grey when not."""
    best = [int(top(tr.model, o, 1)[0]) for o in tr.o]
    return Outputs(labels=[tr.model.tags[k] for k in best],
                   p=[float(o[k]) for o, k in zip(tr.o, best)],
                   colours=[style.HIGHLIGHT if k == int(t) else MISSED[look.dark]
                            for k, t in zip(best, y)])


def distributions(m: RNN, z: np.ndarray, temperature: float,
                  top_k: int | None) -> tuple[np.ndarray, np.ndarray]:
    """(before, after): the next word's distribution at τ = 1 over every word, and the
    one sampled from at ``temperature`` and ``top_k`` (``nn.lm.next_distribution``)."""
    ban = banned(m)
    return next_distribution(z, ban), next_distribution(z, ban, temperature, top_k)


def make_temperature(m: RNN, z: np.ndarray, temperature: float, top_k: int | None, *,
                     k: int = TOP, look: style.Look = style.Look(),
                     height: int | None = None) -> go.Figure:
    """Two panels on the same ``k`` words (the most likely at τ = 1): the probability
    before the temperature and top-k, and after."""
    before, after = distributions(m, z, temperature, top_k)
    ids = [int(i) for i in np.argsort(-before, kind="stable")[:k]]
    names = [style.esc(m.tags[i]) for i in ids]
    size = look.scaled(0.85)
    width = max(style.text_width(n, size) for n in names)
    traces = []
    for axis, p, colour in (("", before, BAR), ("2", after, style.HIGHLIGHT)):
        v = [float(p[i]) for i in ids]
        traces.append(dict(type="bar", orientation="h", x=v, y=names, xaxis=f"x{axis}",
                           yaxis=f"y{axis}", marker=dict(color=colour),
                           text=[f"{x:.2f}" for x in v], textposition="outside",
                           cliponaxis=False, textfont=dict(size=size, color=look.fg),
                           hovertemplate="%{y}: %{x:.4f}<extra></extra>",
                           name="before" if not axis else "after"))
    lang = look.lang
    tau = "0" if temperature == 0 else f"{temperature:g}"
    titles = [text("lm.fig.before", lang),
              text("lm.fig.after", lang, tau=tau, k=top_k or text("lm.all", lang))]
    gap = 0.1
    axis = dict(range=[0, 1.25], fixedrange=True, zeroline=False, tickfont=dict(size=size),
                tickvals=[0, 0.5, 1])
    yaxis = dict(autorange="reversed", fixedrange=True, type="category", automargin=False,
                 tickfont=dict(size=look.scaled(0.9)))
    annotations = [dict(text=title, x=x, xref="paper", xanchor="center", y=1.0, yref="paper",
                        yanchor="bottom", showarrow=False, font=dict(size=size))
                   for title, x in zip(titles, (0.25, 0.75))]
    layout = style.base_layout(look, height=height or look.scaled(1.9) * k + look.scaled(5),
                               margin=dict(l=int(width) + 12, r=look.scaled(2.2),
                                           t=look.scaled(3.4), b=look.scaled(2.3)))
    return style.figure(traces, dict(
        **layout, dragmode=False, bargap=0.25, annotations=annotations,
        xaxis=dict(axis, domain=[0, 0.5 - gap / 2]),
        xaxis2=dict(axis, domain=[0.5 + gap / 2, 1], anchor="y2"),
        yaxis=yaxis, yaxis2=dict(yaxis, anchor="x2", showticklabels=False, matches="y"),
        meta=dict(kind="lm_temperature", temperature=temperature, top_k=top_k, ids=ids)))
