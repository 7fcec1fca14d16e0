"""The why page's glue: the shipped feed-forward tagger, its scores, the examples.

The model, the test-set scores and the examples' verdicts are process-wide
and read-only (``st.cache_resource``): never mutate them. The feed-forward
side of the why page is always this shipped model, also when the session
draws its own RNN.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from ..figures.chips import tag_name
from ..figures.compare import scoreboard_html
from ..i18n import text
from ..lessons import examples
from ..nn.forward import trace
from ..nn.model import RNN
from ..text.unknown import lookup
from ..training import builtin, reference
from ..training.tagger import Tagging
from . import resources, session_keys, steps


@st.cache_resource(show_spinner=False)
def model() -> RNN:
    """``builtin.load_feedforward()`` with frozen arrays."""
    return builtin.load_feedforward().frozen()


@st.cache_resource(show_spinner=False)
def scores() -> dict[str, builtin.Report]:
    """Test-set reports of the shipped RNN and feed-forward tagger (fixed: computed once)."""
    reports = builtin.compare(resources.builtin_model(), model())
    return {"rnn": reports["RNN"], "ff": reports["W = 0"]}


@st.cache_resource(show_spinner=False)
def verdicts() -> tuple[examples.Verdict, ...]:
    """What both shipped taggers say on each ready-made example."""
    return tuple(examples.check(ex, resources.builtin_model(), model())
                 for ex in examples.EXAMPLES)


@st.cache_resource(show_spinner=False)
def unknown_guess() -> tuple[str, float]:
    """The feed-forward tagger's tag (and its probability) for any unknown word."""
    tr = trace(model(), [0])
    return tr.pred_tags[0], float(tr.confidence[0])


def retag(tagging: Tagging, m: RNN) -> Tagging:
    """The same tokens run through ``m`` (its own vocabulary decides what is unknown)."""
    tok = tagging.tokenized
    tok = replace(tok, unknown=tuple(key not in m.word_index for key in tok.keys))
    with np.errstate(all="ignore"):
        return Tagging(tok, trace(m, lookup(m.word_index, tok.keys), tok.tokens))


# --------------------------------------------------------------------------- widgets

EDIT_K, EDIT_WORD, EDIT_FOR = session_keys.EDIT_K, session_keys.EDIT_WORD, session_keys.EDIT_FOR


def _use_example(i: int) -> None:
    """on_click of an example: set the sentence (the box is bound to ?s=), select
    its word, and prepare the edit view to swap its cue."""
    ex = examples.EXAMPLES[i]
    st.session_state["s"] = ex.text
    steps.set_step(ex.word)
    st.session_state[steps.PLAYING_KEY] = False
    st.session_state[EDIT_K] = ex.cue
    st.session_state[EDIT_WORD] = ex.swap
    st.session_state[EDIT_FOR] = ex.text


def default_edit(sentence: str, rnn_tags, ff_tags) -> None:
    """For a new sentence, edit the word before the first disagreement (its likely
    cue), replacing it by <unk>; an example sets its own cue and swap word."""
    if st.session_state.get(EDIT_FOR) == sentence and \
            st.session_state.get(EDIT_K) in range(1, len(rnn_tags) + 1):
        return
    differ = [t for t, (a, b) in enumerate(zip(rnn_tags, ff_tags), 1) if a != b]
    st.session_state[EDIT_K] = max(1, differ[0] - 1) if differ else 1
    st.session_state[EDIT_WORD] = ""
    st.session_state[EDIT_FOR] = sentence


def example_buttons(lang: str) -> None:
    """One button per ready-made example, a row per group (Chinese, English, unknown)."""
    by_example = {v.example: v for v in verdicts()}
    for group in examples.GROUPS:
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            st.markdown(f"**{text(f'why.examples.{group}', lang)}**", width=200,
                        help=_unknown_help(lang) if group == "unk" else None)
            for i, ex in enumerate(examples.EXAMPLES):
                if ex.group == group:
                    _example_button(i, ex, by_example[ex], lang)


def _example_button(i: int, ex: examples.Example, v: examples.Verdict, lang: str) -> None:
    words = [f"**{w}**" if k == ex.word else w for k, w in enumerate(ex.tokens, 1)]
    st.button(" ".join(words), key=f"why_ex_{i}", on_click=_use_example, args=(i,),
              help=text("why.examples.help", lang, word=ex.tokens[ex.word - 1],
                        cue=ex.tokens[ex.cue - 1], tag=ex.tag,
                        desc=tag_name(ex.tag, lang), rnn=v.rnn_tag,
                        p_rnn=f"{v.rnn_p:.2f}", ff=v.ff_tag, p_ff=f"{v.ff_p:.2f}"))


def _unknown_help(lang: str) -> str:
    tag, p = unknown_guess()
    return text("why.examples.unk_help", lang, tag=tag, p=f"{p:.2f}")


def scoreboard(lang: str, font_px: int) -> None:
    """The measured test-set accuracies of the shipped taggers, a card per group."""
    r = scores()
    measured = reference.load()            # real and everyday text (data/scores.json)
    cells = [(text(f"why.score.{name}", lang), reference.combined(measured, name, "RNN"),
              reference.combined(measured, name, "W = 0"))
             for name in ("everyday", "ud_test") if name in measured]
    cells += [(text("why.score.all", lang), r["rnn"].overall, r["ff"].overall),
             (text("why.score.ambiguous", lang), r["rnn"].ambiguous["both"],
              r["ff"].ambiguous["both"]),
             (text("why.score.unk", lang), r["rnn"].unk_in_context, r["ff"].unk_in_context)]
    st.markdown(scoreboard_html(cells, lang=lang, font_px=font_px), unsafe_allow_html=True)
    st.caption(text("why.score.caption", lang))
