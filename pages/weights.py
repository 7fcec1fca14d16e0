"""Weights and states: heatmaps of U, W, V, S = [s_1 … s_T] and O."""
import streamlit as st

from rnnviz.figures.heatmaps import make_heatmaps, make_u_full
from rnnviz.i18n import text
from rnnviz.ui import lead, shell, steps, views

ctx = shell.sentence_page()         # stops with a prompt while the box is blank
lang, tg = ctx.lang, ctx.tagging


def step_views():
    steps.advance_if_playing(tg.T)
    t = steps.controls(tg.T, lang)
    heatmaps = views.figure(ctx, ("heatmaps", t),
                            lambda: make_heatmaps(tg.trace, t, look=ctx.look))
    views.chart(heatmaps, key="heatmaps_chart", ctx=ctx, t=t)


views.play_fragment(step_views)
if st.toggle(text("heatmaps.u_full", lang), key="u_full", bind="query-params"):
    views.chart(views.figure(ctx, ("u_full",), lambda: make_u_full(
        ctx.model, highlight=tg.trace.x, look=ctx.look)), key="u_full_chart", ctx=ctx, zoom=True)
lead.next_idea(ctx)
