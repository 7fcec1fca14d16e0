"""The network: the tagging, the folded and unrolled graph, the formula, the neurons."""
import streamlit as st

from rnnviz.figures.chips import chips_html
from rnnviz.figures.formula import make_formula
from rnnviz.figures.neurons import make_neurons
from rnnviz.figures.unrolled import make_unrolled
from rnnviz.i18n import text
from rnnviz.ui import context, steps, views

ctx = context.get()
lang = ctx.lang
if not views.sentence_ready(ctx):
    st.stop()
tg = ctx.tagging


@st.fragment
def step_views():
    T = tg.T
    steps.advance_if_playing(T)
    t = steps.controls(T, lang)
    st.markdown(chips_html(tg.tokens, tg.tags, tg.trace.confidence, tg.unknown,
                           unknown_note=text("tagging.unknown", lang), selected=t,
                           font_px=ctx.look.scaled(1.35)), unsafe_allow_html=True)
    st.plotly_chart(make_unrolled(tg.trace, t, unknown=tg.unknown, look=ctx.look),
                    key="unrolled", on_select=lambda: steps.select_from_chart("unrolled", T),
                    selection_mode="points", **views.CHART)
    left, right = st.columns([1, 1])
    left.plotly_chart(make_formula(tg.trace, t, look=ctx.look), key="formula",
                      **views.CHART)
    right.plotly_chart(make_neurons(tg.trace, t, look=ctx.look), key="neurons",
                       **views.CHART)


views.play_fragment(step_views)
