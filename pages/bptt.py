"""Backpropagation through time: the error of each loss flowing back, vanishing or exploding.

The page draws a *variant* of this session's model (W scaled, f swapped) against
target tags (the model's own tags, corrected by the user); the SGD step changes
this session's model only. The parts: ``rnnviz.ui.bptt_page``; the page state:
``rnnviz.ui.bptt_state``.
"""
import streamlit as st

from rnnviz.i18n import text
from rnnviz.ui import bptt_page as bp
from rnnviz.ui import bptt_state, lead, shell

ctx = shell.sentence_page()         # stops with a prompt while the box is blank
lang = ctx.lang
state = bptt_state.state(ctx)       # this session's targets, SGD steps, gradient check

st.markdown(f"### {text('bptt.title', lang)}")
st.markdown(text("bptt.intro", lang))
with st.container(border=True):
    setup = bp.controls(ctx)        # W scale, f, truncation, presets -> the model variant
y = bp.targets(ctx, state)          # the model's own tags, each correctable
ls = bp.lesson_of(ctx, setup, y)    # the loss L, and what overflowed if anything

# 1 and 2: one loss's error flowing back; the gradient-flow matrix (a fragment: picking
# L_t redraws these two only)
bp.backward_views(ctx, state, setup, ls)

# 3, 4 and 5 one below the other (not in tabs: Streamlit's tab panel walks every node
# of its content on each rerun looking for something to focus, 11 ms per keystroke
# under these two charts)
st.markdown(f"#### {text('bptt.s3.heading', lang)}")
bp.gradients_section(ctx, ls)
st.markdown(f"#### {text('bptt.s4.heading', lang)}")
bp.gradient_check(ctx, state, setup, y, ls)
st.markdown(f"#### {text('bptt.s5.heading', lang)}")
bp.sgd_section(ctx, state, setup, y, ls)
lead.next_idea(ctx)
