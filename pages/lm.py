"""Next word: the same RNN as a language model. At step t the top 10 of o_t with the
actual next word; the unrolled graph and the formula with the rows that matter; what
comes next; generated text (temperature, top-k, the seed); a word far back. The parts:
``rnnviz.ui.lm_page``."""
import functools

import streamlit as st

from rnnviz.i18n import text
from rnnviz.ui import lead, resources, shell, views
from rnnviz.ui import lm_page as lp

ctx = shell.sentence_page(resources.lm_model)   # a prompt and the LM while the box is blank
lang = ctx.lang
rd = lp.reading(ctx)                # the sentence through its language model (or a message)
st.markdown(f"### {text('lm.title', lang)}")
st.markdown(text("lm.intro", lang, K=rd.model.K, H=rd.model.H,
                 lang=text(f"lm.lang.{lp.lm.language_of(ctx.text)}", lang)))
if ctx.model is not resources.builtin_model():
    st.info(text("lm.session_note", lang), icon=":material/info:")
# step t: the unrolled graph, o_t's top 10, the formula (a fragment: stepping redraws these)
views.play_fragment(functools.partial(lp.step_view, ctx, rd))
lp.next_section(ctx, rd)            # the words after the last one; a click appends one
lp.generate_section(ctx, rd)        # sampling: n, temperature, top-k, the seed
lp.far_section(ctx)                 # a word far back, and what the model makes of it
lead.next_idea(ctx)
