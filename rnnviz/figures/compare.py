"""The RNN and the feed-forward tagger side by side.

- ``cards_html``: one card per token (the word, then one tag chip per tagger),
  cards where the taggers disagree tinted and badged ≠, the selected step
  outlined. Also used for "before / after" rows of an edit.
- ``scoreboard_html``: test-set accuracy of both taggers as a small table
  with bars.
- ``make_probs``: o_t of both taggers for one token, one bar per tag.

HTML builders escape every piece of user text (a typed ``<script>`` is shown
as text); Plotly labels go through ``style.esc``.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ..evaluate import Score
from ..i18n import text
from . import style

FF_PATTERN = dict(shape="/", fgcolor="#ffffff", size=6, solidity=0.35)
DIFFER = "#b2182b"                       # the ≠ badge and tint (ColorBrewer red)


def esc(s: str) -> str:
    """User text for HTML that Streamlit's markdown renders: tags and $, : shown as text."""
    return html.escape(str(s)).replace("$", "&#36;").replace(":", "&#58;")


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


def cards_html(words: Sequence[str], rows: Sequence[Row], *, marked: Sequence[bool],
               unknown: Sequence[bool], selected: int | None = None, mark_note: str = "",
               unknown_note: str = "", font_px: int = 18) -> str:
    """One card per word: the word, then a ``tag p`` chip per row; ``marked``
    cards are tinted with a ≠ badge, ``selected`` (1-based) is outlined."""
    validate_cards(words, rows, marked, unknown)
    label_card = "".join(
        [f'<div style="{_HEAD}">&nbsp;</div>']
        + [f'<div style="{_LABEL}">{esc(r.label)}</div>' for r in rows])
    cards = [f'<div style="{_CARD}border:2px solid transparent;">{label_card}</div>']
    for i, w in enumerate(words):
        head = esc(w) + ('<sup title="' + esc(unknown_note) + '">?</sup>' if unknown[i] else "")
        chips = "".join(_chip(r.tags[i], r.probs[i], r.label) for r in rows)
        border = f"3px solid {style.HIGHLIGHT}" if selected == i + 1 else "2px solid transparent"
        tint = "background:rgba(178,24,43,0.10);" if marked[i] else ""
        badge = (f'<span title="{esc(mark_note)}" style="{_BADGE}">≠</span>'
                 if marked[i] else "")
        underline = "text-decoration:underline dashed;" if unknown[i] else ""
        cards.append(f'<div class="rnnviz-card" style="{_CARD}border:{border};{tint}">{badge}'
                     f'<div style="{_HEAD}{underline}">{head}</div>{chips}</div>')
    return (f'<div class="rnnviz-cards" style="font-size:{font_px}px;{_WRAP}">'
            + "".join(cards) + "</div>")


def _chip(tag: str, p: float, who: str) -> str:
    bg = style.tag_colour(tag)
    title = esc(f"{who}: P({tag}) = {p:.3f}")
    return (f'<div title="{title}" style="{_CHIP}background:{bg};color:{style.text_on(bg)};">'
            f'<b>{esc(tag)}</b> <span style="font-size:0.72em;opacity:0.9">{p:.2f}</span></div>')


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

def scoreboard_html(rows: Sequence[tuple[str, Score, Score]], *, headers: tuple[str, str],
                    gap_label: str, font_px: int = 16) -> str:
    """A table: one row per group of tokens (our label), accuracy of each tagger
    with a bar and the counts, and the gap in percentage points."""
    head = "".join(f'<th style="{_TH}">{esc(h)}</th>' for h in ("", *headers, gap_label))
    body = []
    for label, a, b in rows:
        gap = 100 * (a.accuracy - b.accuracy)
        gap_txt = f"{gap:+.1f}".replace("-", "−") if np.isfinite(gap) else "–"
        body.append(f'<tr><td style="{_TD}">{esc(label)}</td>{_score_cell(a, "#0072B2")}'
                    f'{_score_cell(b, "#9aa0aa")}<td style="{_TD}text-align:right;'
                    f'font-weight:700;">{gap_txt}</td></tr>')
    return (f'<table class="rnnviz-scoreboard" style="font-size:{font_px}px;'
            f'border-collapse:collapse;width:100%;"><tr>{head}</tr>{"".join(body)}</table>')


def _score_cell(s: Score, colour: str) -> str:
    if not s.total:
        return f'<td style="{_TD}">–</td>'
    pct = 100 * s.accuracy
    return (f'<td style="{_TD}min-width:7em;"><b>{pct:.1f}%</b> '
            f'<span style="font-size:0.75em;opacity:0.7">{s.correct}/{s.total}</span>'
            f'<div style="height:0.35em;border-radius:0.2em;background:rgba(128,128,128,0.2);">'
            f'<div style="height:100%;width:{pct:.1f}%;border-radius:0.2em;'
            f'background:{colour};"></div></div></td>')


_TH = "text-align:left;font-weight:600;padding:0.2em 0.5em;border-bottom:1px solid rgba(128,128,128,0.4);"
_TD = "padding:0.3em 0.5em;vertical-align:middle;"


# --------------------------------------------------------------------------- o_t bars

def validate_probs(o_rnn: np.ndarray, o_ff: np.ndarray, tags: Sequence[str]) -> None:
    if np.shape(o_rnn) != (len(tags),) or np.shape(o_ff) != (len(tags),):
        raise ValueError(f"o_t has shapes {np.shape(o_rnn)} and {np.shape(o_ff)}; "
                         f"expected ({len(tags)},) for the {len(tags)} tags")


def make_probs(o_rnn: np.ndarray, o_ff: np.ndarray, tags: Sequence[str], *, word: str,
               t: int, look: style.Look = style.Look(), height: int | None = None) -> go.Figure:
    """o_t of the RNN (solid) and the feed-forward tagger (hatched), one pair of
    bars per tag in the tag's colour."""
    validate_probs(o_rnn, o_ff, tags)
    lang = look.lang
    colours = [style.tag_colour(k) for k in tags]
    names = (text("why.rnn", lang), text("why.ff", lang))
    traces = []
    for name, o, extra in ((names[0], o_rnn, {}),
                           (names[1], o_ff, dict(pattern=FF_PATTERN, opacity=0.75))):
        traces.append(dict(
            type="bar", x=list(tags), y=[float(v) for v in o], name=name,
            marker=dict(color=colours, line=dict(color=look.fg, width=1), **extra),
            hovertext=[f"{name}<br>P({k}) = {v:.3f}" for k, v in zip(tags, o)],
            hoverinfo="text"))
    title = word_title("why.fig.probs.title", lang, word, t=t)
    layout = style.base_layout(look, height=height or look.scaled(22), title=title,
                               margin=dict(l=56, r=10, t=48, b=40))
    return style.figure(traces, dict(
        layout, barmode="group", bargap=0.25, bargroupgap=0.08, dragmode=False,
        showlegend=True, legend=dict(orientation="h", x=1, xanchor="right", y=1.0,
                                     yanchor="bottom", font=dict(size=look.scaled(0.85))),
        xaxis=dict(fixedrange=True, tickfont=dict(size=look.scaled(0.95))),
        yaxis=dict(range=[0, 1.02], fixedrange=True, gridcolor="rgba(128,128,128,0.25)",
                   title=dict(text=style.pretty(text("why.fig.probs.y", lang, t=t)))),
        meta=dict(kind="why_probs", t=t)))
