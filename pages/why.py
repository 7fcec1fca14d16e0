"""Why an RNN: the sentence through the feed-forward tagger and the RNN, and how far back
each word reaches (gradient and occlusion), and what editing one word changes. The parts
and the page state: ``rnnviz.ui.why_page``."""
import functools

import streamlit as st

from rnnviz.i18n import text
from rnnviz.ui import feedforward, lead, resources, shell, views
from rnnviz.ui import why_page as wp

ctx = shell.page()
lang = ctx.lang
st.markdown(text("why.intro", lang))
if ctx.model is not resources.builtin_model():
    st.info(text("why.session_note", lang), icon=":material/info:")
feedforward.scoreboard(lang, ctx.look.scaled(1.0))
feedforward.example_buttons(lang)

if not views.sentence_ready(ctx):
    st.stop()
rnn_tg = ctx.tagging
ff_tg = feedforward.retag(rnn_tg, feedforward.model())
if not (rnn_tg.finite and ff_tg.finite):
    st.warning(text("why.not_finite", lang), icon=":material/warning:")

views.play_fragment(functools.partial(wp.step_view, ctx, wp.state(), rnn_tg, ff_tg))
wp.edit_view(ctx, rnn_tg, ff_tg)
lead.next_idea(ctx)
