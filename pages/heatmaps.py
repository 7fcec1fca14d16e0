"""Weights and states: heatmaps of U, W, V, S = [s_1 … s_T] and O."""
import streamlit as st

from rnnviz.figures.heatmaps import make_heatmaps, make_u_full
from rnnviz.i18n import text
from rnnviz.ui import context, steps, views

ctx = context.get()
lang = ctx.lang
if not views.sentence_ready(ctx):
    st.stop()
tg = ctx.tagging


@st.fragment
def step_views():
    steps.advance_if_playing(tg.T)
    t = steps.controls(tg.T, lang)
    st.plotly_chart(make_heatmaps(tg.trace, t, look=ctx.look), key="heatmaps_chart",
                    **views.CHART)


views.play_fragment(step_views)
if st.toggle(text("heatmaps.u_full", lang), key="u_full", bind="query-params"):
    st.plotly_chart(make_u_full(ctx.model, highlight=tg.trace.x, look=ctx.look),
                    key="u_full_chart", **views.CHART)
