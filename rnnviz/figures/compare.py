"""The RNN and the feed-forward tagger side by side.

- ``cards_html``: one card per token (the word, then one tag chip per tagger),
  cards where the taggers disagree tinted and badged ≠, the selected step
  outlined. Also used for "before / after" rows of an edit.
- ``scoreboard_html``: test-set accuracy of both taggers, a card per group
  of tokens with bars.
- ``make_probs``: o_t of both taggers for one token, one bar per tag.

HTML builders escape every piece of user text with ``style.esc_html`` (a typed
``<script>`` or ``$x$`` is shown as text); Plotly labels go through ``style.esc``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..training.evaluate import Score
from . import style
from .chips import LEGEND_SCALE, legend_html, tag_name, tag_title
from .style import esc_html

RNN_COLOUR = "#31688e"                   # the RNN's bars (viridis blue)
FF_COLOUR = "#7f8793"                    # the feed-forward tagger's bars, hatched
FF_PATTERN = dict(shape="/", fillmode="overlay", fgcolor="#ffffff", size=8, solidity=0.3)
DIFFER = "#b2182b"                       # the ≠ badge and tint (ColorBrewer red)


def word_title(key: str, lang: str, word: str, **values) -> str:
    """Our string ``key`` through ``style.pretty``, then the user's ``word`` escaped
    into it (so a typed ``x_1`` is not drawn as a subscript)."""
    return style.pretty(text(key, lang, word="\0", **values)).replace("\0", style.esc(word))


# --------------------------------------------------------------------------- cards

@dataclass(frozen=True)
class Row:
    """One tagger's tags for every token (our text in ``label``)."""
    label: str
    tags: Sequence[str]
    probs: Sequence[float]          # probability of each shown tag


def validate_cards(words: Sequence[str], rows: Sequence[Row], marked: Sequence[bool],
                   unknown: Sequence[bool]) -> None:
    T = len(words)
    for r in rows:
        if len(r.tags) != T or len(r.probs) != T:
            raise ValueError(f"row {r.label!r} has {len(r.tags)} tags and {len(r.probs)} "
                             f"probabilities for {T} words")
    if len(marked) != T or len(unknown) != T:
        raise ValueError(f"{len(marked)} marks and {len(unknown)} unknown flags for {T} words")


def cards_html(words: Sequence[str], rows: Sequence[Row], *, lang: str, marked: Sequence[bool],
               unknown: Sequence[bool], selected: int | None = None, mark_note: str = "",
               unknown_note: str = "", font_px: int = 18, legend: bool = True) -> str:
    """One card per word: the word, then a ``tag p`` chip per row; ``marked``
    cards are tinted with a ≠ badge, ``selected`` (1-based) is outlined. Each chip
    names its tag in full on hover; ``legend``: the tags of every row named under
    the cards (``chips.legend_html``)."""
    validate_cards(words, rows, marked, unknown)
    label_card = "".join(
        [f'<div style="{_HEAD}">&nbsp;</div>']
        + [f'<div style="{_LABEL}">{esc_html(r.label)}</div>' for r in rows])
    cards = [f'<div style="{_CARD}border:2px solid transparent;">{label_card}</div>']
    for i, w in enumerate(words):
        head = esc_html(w) + (f'<sup title="{esc_html(unknown_note)}">?</sup>'
                              if unknown[i] else "")
        chips = "".join(_chip(r.tags[i], r.probs[i], r.label, lang) for r in rows)
        border = f"3px solid {style.HIGHLIGHT}" if selected == i + 1 else "2px solid transparent"
        tint = "background:rgba(178,24,43,0.10);" if marked[i] else ""
        badge = (f'<span title="{esc_html(mark_note)}" style="{_BADGE}">≠</span>'
                 if marked[i] else "")
        cards.append(f'<div class="rnnviz-card" style="{_CARD}border:{border};{tint}">{badge}'
                     f'<div style="{_HEAD}">{head}</div>{chips}</div>')
    key = legend_html([r.tags[i] for i in range(len(words)) for r in rows], lang,
                      font_px=round(font_px * LEGEND_SCALE)) if legend else ""
    return (f'<div class="rnnviz-cards" style="font-size:{font_px}px;{_WRAP}">'
            + "".join(cards) + "</div>" + key)


def _chip(tag: str, p: float, who: str, lang: str) -> str:
    bg = style.tag_colour(tag)
    # two lines (a character reference): the tag named in full, then the number
    title = esc_html(tag_title(tag, lang)) + "&#10;" + esc_html(f"{who}: P({tag}) = {p:.3f}")
    return (f'<div title="{title}" style="{_CHIP}background:{bg};color:{style.text_on(bg)};">'
            f'<b>{esc_html(tag)}</b> <span style="font-size:0.72em;opacity:0.9">{p:.2f}</span>'
            '</div>')


_WRAP = "display:flex;flex-wrap:wrap;gap:0.3em;align-items:stretch;line-height:1.25;"
_CARD = ("position:relative;display:flex;flex-direction:column;gap:0.2em;"
         "padding:0.25em 0.35em;border-radius:0.5em;min-width:3.2em;")
_HEAD = "text-align:center;font-weight:600;white-space:nowrap;padding:0.05em 0.2em;"
_LABEL = ("text-align:right;font-size:0.72em;opacity:0.75;white-space:nowrap;"
          "height:1.72em;display:flex;align-items:center;justify-content:flex-end;")
_CHIP = "text-align:center;white-space:nowrap;border-radius:0.4em;padding:0.1em 0.45em;"
_BADGE = (f"position:absolute;top:-0.45em;right:-0.3em;background:{DIFFER};color:#fff;"
          "border-radius:50%;width:1.25em;height:1.25em;font-size:0.7em;line-height:1.25em;"
          "text-align:center;font-weight:700;")


# --------------------------------------------------------------------------- scoreboard

def scoreboard_html(cells: Sequence[tuple[str, Score, Score]], *, lang: str = "en",
                    font_px: int = 16) -> str:
    """One card per group of tokens (our label): the RNN's and the feed-forward
    tagger's accuracy as bars with the counts, and the gap in percentage points."""
    names = (text("why.rnn", lang), text("why.ff", lang))
    cards = []
    for label, a, b in cells:
        gap = 100 * (a.accuracy - b.accuracy)
        gap_txt = text("why.score.gap", lang, gap=f"{gap:+.1f}".replace("-", "−")
                       if np.isfinite(gap) else "–")
        rows = "".join(_score_row(name, s, colour)
                       for name, s, colour in ((names[0], a, RNN_COLOUR), (names[1], b, FF_COLOUR)))
        cards.append(
            f'<div style="{_SCORE_CARD}"><div style="display:flex;justify-content:space-between;'
            f'gap:0.5em;align-items:baseline;"><span style="font-weight:600;">'
            f'{esc_html(label)}</span>'
            f'<span style="white-space:nowrap;font-weight:700;">{esc_html(gap_txt)}'
            f'</span></div>{rows}</div>')
    return (f'<div class="rnnviz-scoreboard" style="font-size:{font_px}px;display:flex;'
            f'flex-wrap:wrap;gap:0.6em;">' + "".join(cards) + "</div>")


def _score_row(name: str, s: Score, colour: str) -> str:
    pct = 100 * s.accuracy if s.total else 0.0
    value = style.percent(s.correct, s.total)       # 4678/4680: 99.96%, never 100.0%
    return (f'<div style="display:grid;grid-template-columns:7.5em 1fr 4.2em 5.5em;gap:0.4em;'
            f'align-items:center;font-size:0.9em;"><span>{esc_html(name)}</span>'
            f'<div style="height:0.55em;border-radius:0.25em;background:rgba(128,128,128,0.2);">'
            f'<div style="height:100%;width:{pct:.1f}%;border-radius:0.25em;background:{colour};">'
            f'</div></div><b style="text-align:right;">{value}</b>'
            f'<span style="font-size:0.8em;opacity:0.7;">{s.correct}/{s.total}</span></div>')


_SCORE_CARD = ("flex:1 1 20em;display:flex;flex-direction:column;gap:0.25em;padding:0.5em 0.7em;"
               "border:1px solid rgba(128,128,128,0.35);border-radius:0.6em;")


# --------------------------------------------------------------------------- o_t bars

def legend_below(look: style.Look) -> dict:
    """A one-line legend at the bottom right of the figure, under the axis labels
    (clear of a long title at any font size; needs a bottom margin of ~5 font sizes: Plotly widens a smaller one
    and draws the chart a second time)."""
    return dict(orientation="h", x=1, xanchor="right", yref="container", y=0,
                yanchor="bottom", font=dict(size=look.scaled(0.85)))


def validate_probs(o_rnn: np.ndarray, o_ff: np.ndarray, tags: Sequence[str]) -> None:
    if np.shape(o_rnn) != (len(tags),) or np.shape(o_ff) != (len(tags),):
        raise ValueError(f"o_t has shapes {np.shape(o_rnn)} and {np.shape(o_ff)}; "
                         f"expected ({len(tags)},) for the {len(tags)} tags")


def make_probs(o_rnn: np.ndarray, o_ff: np.ndarray, tags: Sequence[str], *, word: str,
               t: int, look: style.Look = style.Look(), height: int | None = None) -> go.Figure:
    """o_t of the RNN (solid) and the feed-forward tagger (hatched), one pair of
    bars per tag in the tag's colour, the tag named on hover."""
    validate_probs(o_rnn, o_ff, tags)
    lang = look.lang
    colours = [style.tag_colour(k) for k in tags]
    names = (text("why.rnn", lang), text("why.ff", lang))
    traces = []
    for name, o, extra in ((names[0], o_rnn, {}),
                           (names[1], o_ff, dict(pattern=FF_PATTERN))):
        traces.append(dict(
            type="bar", x=list(tags), y=[float(v) for v in o], name=name,
            marker=dict(color=colours, line=dict(color=look.fg, width=1), **extra),
            # the tag named (a tag of uploaded data may hold markup: escaped)
            hovertext=[f"{name}<br>{style.esc(k)} — {style.esc(tag_name(k, lang))}<br>"
                       f"P({style.esc(k)}) = {v:.3f}" for k, v in zip(tags, o)],
            hoverinfo="text"))
    title = word_title("why.fig.probs.title", lang, word, t=t)
    layout = style.base_layout(look, height=height or look.scaled(22), title=title,
                               margin=dict(l=look.scaled(4.6), r=10, t=look.scaled(3.4), b=look.scaled(5.0)))
    return style.figure(traces, dict(
        layout, barmode="group", bargap=0.25, bargroupgap=0.08, dragmode=False,
        showlegend=True, legend=legend_below(look),
        xaxis=dict(fixedrange=True, tickfont=dict(size=look.scaled(0.95))),
        yaxis=dict(range=[0, 1.02], fixedrange=True, gridcolor="rgba(128,128,128,0.25)",
                   title=dict(text=style.pretty(text("why.fig.probs.y", lang, t=t)))),
        meta=dict(kind="why_probs", t=t)))
