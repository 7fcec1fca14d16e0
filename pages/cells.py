"""LSTM & GRU: the sentence through the RNN, the LSTM and the GRU at once; the gates at
step t, how far back the last word's error reaches in each, and memory, measured. The
parts: ``rnnviz.ui.cells_page``."""
import functools

import streamlit as st

from rnnviz.i18n import text
from rnnviz.ui import cells_page as cp
from rnnviz.ui import lead, resources, shell, views

ctx = shell.sentence_page()         # stops with a prompt while the box is blank
lang = ctx.lang
st.markdown(f"### {text('cells.title', lang)}")
st.markdown(text("cells.intro", lang))
if ctx.model is not resources.builtin_model():
    st.info(text("cells.session_note", lang), icon=":material/info:")
tgs = cp.taggings(ctx)              # {"rnn", "lstm", "gru"} -> the sentence's tagging

# 1 and 2: the tags of the three and the gated cells at step t (a fragment: stepping
# redraws these only)
views.play_fragment(functools.partial(cp.step_view, ctx, tgs))
# 3: the last word's error at every earlier step, the three on one chart
cp.flow_section(ctx, tgs)
# 4: memory, measured on the generated family; one member tagged live
cp.memory_section(ctx)
lead.next_idea(ctx)
