"""The tagging as coloured chips in the tutorial's form: 我/nn 吃/v 苹果/nn.

Returns an HTML string in which every piece of user text is escaped
(``style.esc_html``), so a typed ``<script>`` or ``$x$`` is shown as text. Each
chip carries the tag's colour, a dashed outline when the word is unknown, and
its probability on hover.
"""
from __future__ import annotations

from typing import Sequence

from . import style


def chips_html(tokens: Sequence[str], tags: Sequence[str], probs: Sequence[float],
               unknown: Sequence[bool], *, unknown_note: str, font_px: int = 18,
               selected: int | None = None) -> str:
    """One ``<span>`` per token: ``word/tag``; ``selected`` (1-based) is outlined."""
    if not (len(tokens) == len(tags) == len(probs) == len(unknown)):
        raise ValueError(f"lengths differ: {len(tokens)} tokens, {len(tags)} tags, "
                         f"{len(probs)} probabilities, {len(unknown)} unknown flags")
    spans = []
    for i, (w, tg, p, unk) in enumerate(zip(tokens, tags, probs, unknown), 1):
        bg = style.tag_colour(tg)
        fg = style.text_on(bg)
        border = "2px dashed #222" if unk else "2px solid transparent"
        if selected == i:
            border = f"3px solid {style.HIGHLIGHT}"
        title = f"P({tg}) = {p:.3f}" + (f" — {unknown_note}" if unk else "")
        mark = "<sup>?</sup>" if unk else ""
        spans.append(
            f'<span class="rnnviz-chip" title="{style.esc_html(title)}" '
            f'style="{CHIP_STYLE}background:{bg};color:{fg};border:{border};">'
            f"{style.esc_html(w)}{mark}/<b>{style.esc_html(tg)}</b></span>")
    return (f'<div class="rnnviz-chips" style="font-size:{font_px}px;line-height:2.1;">'
            + " ".join(spans) + "</div>")


CHIP_STYLE = ("display:inline-block;padding:0.05em 0.5em;margin:0.1em 0.05em;"
              "border-radius:0.5em;white-space:nowrap;")
