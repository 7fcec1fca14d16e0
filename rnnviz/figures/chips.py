"""The tagging as coloured chips in the tutorial's form: 我/nn 吃/v 苹果/nn.

Returns an HTML string in which every piece of user text is escaped
(``style.esc_html``), so a typed ``<script>`` or ``$x$`` is shown as text. Each
chip carries the tag's colour, a dashed outline when the word is unknown, and on
hover the tag's full name with examples and its probability. Under the chips, a
legend names the tags of the sentence (``legend_html``), so that a student who
meets ``d`` or ``part`` for the first time reads what they are without hovering.
"""
from __future__ import annotations

from typing import Sequence

from ..i18n import text
from ..text.tagset import TAGS
from . import style


def tag_name(tag: str, lang: str) -> str:
    """The tag's short name ("noun / pronoun"); a tag outside the 12 (a model trained
    on uploaded data) is said to be the data's own."""
    return text(f"tags.name.{tag}" if tag in TAGS else "tags.name.other", lang)


def tag_title(tag: str, lang: str) -> str:
    """The tag named in full with examples, as plain text: "nn — noun, pronoun or
    name, e.g. 苹果, 我 / apple, I". Escape it for where it goes."""
    about = text(f"tags.about.{tag}", lang) if tag in TAGS else tag_name(tag, lang)
    return text("tags.tooltip", lang, tag=tag, about=about)


def chips_html(tokens: Sequence[str], tags: Sequence[str], probs: Sequence[float],
               unknown: Sequence[bool], *, lang: str, unknown_note: str, font_px: int = 18,
               selected: int | None = None, legend: bool = True) -> str:
    """One ``<span>`` per token: ``word/tag``; ``selected`` (1-based) is outlined.
    ``legend``: the tags of the sentence named under the chips (``legend_html``)."""
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
        # two lines (a character reference, which Markdown leaves alone): the name,
        # then the number
        title = (style.esc_html(tag_title(tg, lang)) + "&#10;"
                 + style.esc_html(f"P({tg}) = {p:.3f}" + (f" — {unknown_note}" if unk else "")))
        mark = "<sup>?</sup>" if unk else ""
        spans.append(
            f'<span class="rnnviz-chip" title="{title}" '
            f'style="{CHIP_STYLE}background:{bg};color:{fg};border:{border};">'
            f"{style.esc_html(w)}{mark}/<b>{style.esc_html(tg)}</b></span>")
    return (f'<div class="rnnviz-chips" style="font-size:{font_px}px;line-height:2.1;">'
            + " ".join(spans) + "</div>"
            + (legend_html(tags, lang, font_px=round(font_px * LEGEND_SCALE)) if legend else ""))


def legend_html(tags: Sequence[str], lang: str, *, font_px: int | None = None) -> str:
    """One line naming each tag of ``tags`` once, in the order they first appear:
    a colour swatch, the tag, its short name; the full name on hover. It wraps
    between entries (never inside one), so a phone gets two or three lines. Its
    size is that of the surrounding text unless ``font_px`` is given."""
    seen = list(dict.fromkeys(tags))
    if not seen:
        return ""
    entries = []
    for tg in seen:
        swatch = f'<span style="{SWATCH_STYLE}background:{style.tag_colour(tg)};"></span>'
        entries.append(
            f'<span class="rnnviz-legend-tag" title="{style.esc_html(tag_title(tg, lang))}" '
            f'style="{ENTRY_STYLE}">{swatch}<b>{style.esc_html(tg)}</b> '
            f"{style.esc_html(tag_name(tg, lang))}</span>")
    size = f"font-size:{font_px}px;" if font_px else ""
    return (f'<div class="rnnviz-legend" style="{size}{LEGEND_STYLE}">'
            + " ".join(entries) + "</div>")


CHIP_STYLE = ("display:inline-block;padding:0.05em 0.5em;margin:0.1em 0.05em;"
              "border-radius:0.5em;white-space:nowrap;")
# the legend is quieter than the chips: smaller (still 14 px under 19 px chips, 22 px in
# presenter view), lighter, no backgrounds but a swatch
LEGEND_SCALE = 0.75
LEGEND_STYLE = "line-height:1.7;opacity:0.85;margin:0.1em 0 0.4em 0;"
ENTRY_STYLE = "display:inline-block;white-space:nowrap;margin-right:0.9em;"
SWATCH_STYLE = ("display:inline-block;width:0.8em;height:0.8em;border-radius:0.2em;"
                "margin-right:0.3em;vertical-align:-0.05em;")
