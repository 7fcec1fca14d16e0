"""The why page's glue: the sentence through both taggers, how far back each word
reaches, and what editing one word changes.

The RNN side is this session's model (``ctx.tagging``), the feed-forward side
the shipped tagger (``feedforward.model()``). What the page keeps between reruns
is one ``State`` under ``session_keys.WHY_PAGE``; the edit view's widgets and
the examples are ``feedforward``'s. The measures: ``rnnviz.lessons.reach``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from ..figures.compare import Row, cards_html, make_probs
from ..figures.edit import make_edit
from ..figures.reach import make_reach, strip_html
from ..figures.style import esc_markdown
from ..i18n import text
from ..lessons import reach
from ..nn.forward import Trace
from ..training.tagger import Tagging
from . import feedforward, session_keys, steps, views
from .context import Context


@dataclass
class State:
    """What the why page keeps for this session between reruns."""
    reach_of: Trace | None = None       # the RNN trace the reaches below are of
    reaches: tuple[reach.Reach, reach.Reach] | None = None    # (RNN, feed-forward)


def state() -> State:
    s = st.session_state.get(session_keys.WHY_PAGE)
    if not isinstance(s, State):
        s = st.session_state[session_keys.WHY_PAGE] = State()
    return s


def reaches(s: State, rnn_tg: Tagging, ff_tg: Tagging) -> tuple[reach.Reach, reach.Reach]:
    """Both taggers' reach for this sentence, computed once per sentence and model."""
    if s.reaches is None or s.reach_of is not rnn_tg.trace:
        s.reach_of, s.reaches = rnn_tg.trace, (reach.reach(rnn_tg.trace),
                                               reach.reach(ff_tg.trace))
    return s.reaches


def steps_where(mask) -> str:
    """'2, 3' for the steps t where ``mask`` holds, '–' for none."""
    return ", ".join(str(t) for t in np.flatnonzero(mask) + 1) or "–"


def _most_before(values: np.ndarray, t: int) -> str:
    """The largest |value| of the words before t, as the caption writes it."""
    return f"{float(np.max(np.abs(values[:t - 1]), initial=0.0)):.1g}"


def step_view(ctx: Context, s: State, rnn_tg: Tagging, ff_tg: Tagging) -> None:
    """Step t: both taggers' tags, how far back word t reaches, o_t of both."""
    lang, look, T = ctx.lang, ctx.look, rnn_tg.T
    if steps.T_KEY not in st.session_state and steps.T_KEY not in st.query_params:
        steps.set_step(T)                    # first visit: the last word reads the most context
    steps.advance_if_playing(T)
    st.markdown(f"#### {text('why.tagged.title', lang)}")
    t = steps.controls(T, lang)
    differ = [a != b for a, b in zip(rnn_tg.tags, ff_tg.tags)]
    rows = [Row(text("why.rnn", lang), rnn_tg.tags, rnn_tg.trace.confidence),
            Row(text("why.ff", lang), ff_tg.tags, ff_tg.trace.confidence)]
    st.markdown(cards_html(rnn_tg.tokens, rows, lang=lang, marked=differ,
                           unknown=rnn_tg.unknown,
                           selected=t, mark_note=text("why.tagged.differ", lang),
                           unknown_note=text("tagging.unknown", lang),
                           font_px=look.scaled(1.3)), unsafe_allow_html=True)
    n = sum(differ)
    st.caption(text("why.tagged.summary", lang, n=n, T=T) if n else
               text("why.tagged.same", lang, T=T))
    r_rnn, r_ff = reaches(s, rnn_tg, ff_tg)
    g_rnn, occl_rnn = r_rnn.at(t)
    g_ff, occl_ff = r_ff.at(t)
    word = esc_markdown(rnn_tg.tokens[t - 1])
    st.markdown(f"**{text('why.reach.title', lang, t=t, word=word)}**")
    st.markdown(strip_html(rnn_tg.tokens, t, [
        (text("why.strip.grad", lang), g_rnn, False),
        (text("why.strip.occl", lang), occl_rnn, True),
        (text("why.strip.ff", lang), g_ff, False)],
        future_note=text("why.fig.reach.future", lang), font_px=look.scaled(1.15)),
        unsafe_allow_html=True)
    probs, bars = st.columns([2, 3], gap="medium")
    (o_rnn, o_ff), tags = reach.aligned_outputs(t, rnn_tg.trace, ff_tg.trace)
    views.chart(make_probs(o_rnn, o_ff, tags, word=rnn_tg.tokens[t - 1], t=t, look=look,
                           height=look.scaled(24)), key="why_probs", ctx=ctx, t=t, where=probs)
    views.chart(make_reach(rnn_tg.tokens, t, g_rnn, occl_rnn, g_ff, occl_ff, look=look),
                key="why_reach", ctx=ctx, t=t, where=bars)
    st.caption(text("why.reach.caption", lang, t=t, ff_max=_most_before(g_ff, t),
                    ff_occl=_most_before(occl_ff, t)))


@st.fragment
def edit_view(ctx: Context, rnn_tg: Tagging, ff_tg: Tagging) -> None:
    """Replace word k by another word: what changes in each tagger."""
    lang, look, T = ctx.lang, ctx.look, rnn_tg.T
    st.markdown(f"#### {text('why.edit.title', lang)}")
    st.caption(text("why.edit.intro", lang))
    feedforward.default_edit(ctx.text, rnn_tg.tags, ff_tg.tags)
    pick, word = st.columns([1, 1])
    k = pick.selectbox(text("why.edit.k", lang), range(1, T + 1), key=feedforward.EDIT_K,
                       placeholder=text("streamlit.choose", lang),
                       format_func=lambda i: f"{i} · {rnn_tg.tokens[i - 1]}")
    typed = word.text_input(text("why.edit.word", lang), key=feedforward.EDIT_WORD,
                            max_chars=40, placeholder="<unk>").strip()
    e_rnn = reach.edit_word(rnn_tg.trace, k, typed)
    e_ff = reach.edit_word(ff_tg.trace, k, typed)
    words = list(rnn_tg.tokens)
    words[k - 1] = f"{words[k - 1]} → {typed or '<unk>'}"
    rows = [Row(text("why.edit.rnn_before", lang), rnn_tg.tags, rnn_tg.trace.confidence),
            Row(text("why.edit.rnn_after", lang), e_rnn.after.pred_tags, e_rnn.after.confidence),
            Row(text("why.edit.ff_after", lang), e_ff.after.pred_tags, e_ff.after.confidence)]
    unknown = list(rnn_tg.unknown)
    unknown[k - 1] = reach.word_key(typed) not in ctx.model.word_index
    st.markdown(cards_html(words, rows, lang=lang, marked=list(e_rnn.changed), unknown=unknown,
                           selected=k, mark_note=text("why.edit.changed", lang),
                           unknown_note=text("tagging.unknown", lang),
                           font_px=look.scaled(1.2)), unsafe_allow_html=True)
    st.caption(text("why.edit.summary", lang, T=T, last=f"{e_rnn.ds[-1]:.3f}",
                    tags=steps_where(e_rnn.changed), ff_tags=steps_where(e_ff.changed),
                    ff_states=steps_where(e_ff.ds > 0)))
    views.chart(make_edit(words, k, e_rnn.ds, e_ff.ds, e_rnn.changed, look=look),
                key="why_edit", ctx=ctx)
