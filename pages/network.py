"""The network: the tagging, the folded and unrolled graph, the formula, the neurons."""
import streamlit as st

from rnnviz.figures.chips import chips_html
from rnnviz.figures.formula import make_formula
from rnnviz.figures.neurons import make_neurons
from rnnviz.figures.unrolled import make_unrolled
from rnnviz.i18n import text
from rnnviz.ui import lead, shell, steps, views

ctx = shell.page()
lead.new_visitor(ctx)               # a new visitor's one line to the guided lesson
if not views.sentence_ready(ctx):   # a prompt while the box is blank
    st.stop()
lang, tg = ctx.lang, ctx.tagging


def step_views():
    T = tg.T
    steps.advance_if_playing(T)
    t = steps.controls(T, lang)
    st.markdown(chips_html(tg.tokens, tg.tags, tg.trace.confidence, tg.unknown,
                           lang=lang, unknown_note=text("tagging.unknown", lang), selected=t,
                           font_px=ctx.look.scaled(1.35)), unsafe_allow_html=True)
    unrolled = views.figure(ctx, ("unrolled", t), lambda: make_unrolled(
        tg.trace, t, unknown=tg.unknown, look=ctx.look))
    views.chart(unrolled, key="unrolled", ctx=ctx, t=t,
                on_select=lambda: steps.select_from_chart("unrolled", T),
                selection_mode="points")
    left, right = st.columns([1, 1])
    formula = views.figure(ctx, ("formula", t), lambda: make_formula(tg.trace, t, look=ctx.look))
    neurons = views.figure(ctx, ("neurons", t), lambda: make_neurons(tg.trace, t, look=ctx.look))
    views.chart(formula, key="formula", ctx=ctx, t=t, where=left)
    views.chart(neurons, key="neurons", ctx=ctx, t=t, where=right)
    views.numbers(ctx, t)


views.play_fragment(step_views)
lead.next_idea(ctx)
