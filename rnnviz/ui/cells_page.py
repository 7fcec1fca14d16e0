"""The LSTM & GRU page's glue: the sentence through the RNN, the LSTM and the GRU.

The RNN is this session's model (``ctx.tagging``); the LSTM and the GRU are the
shipped taggers, run on the same tokens (``lessons.cells.retag``); the three
taggings and their gradient flows are ``cells_state``'s. The
memory section draws ``rnnviz/data/memory.json`` and tags one member of its family
live with the task's small models (``resources.memory``). Every chart has a table
of its numbers under it (``views.numbers_table``), the page's text alternatives.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from ..figures.cell_diagram import gate_means, make_cell_diagram
from ..figures.cells_flow import written
from ..figures.compare import Row, cards_html
from ..figures.gate_formula import make_gate_formula
from ..figures.gates import make_gates, panels
from ..figures.memory import make_memory
from ..figures.style import esc_markdown, fmt
from ..i18n import text
from ..lessons import cells as lc
from ..nn.cell_names import label
from ..nn.cells import NAMES
from ..training import memory as mem
from ..training.tagger import Tagging, tag_text
from . import context, resources, session_keys, steps, urlstate, views
from .cells_state import GATED, cell_flows, flow_chart, flows, taggings  # noqa: F401
from .context import Context

GATE_KEY, D_KEY = "cells_gate", "cells_d"           # URL fields (urlstate)
GATE = urlstate.BY_NAME[GATE_KEY]


def shown(name: str) -> str:
    """A ``cell_names`` label for Streamlit Markdown: "φ_{3}" as φ_3, the _ escaped."""
    return esc_markdown(name.replace("_{", "_").replace("}", ""))


# --------------------------------------------------------------------------- step t

def tags_cards(ctx: Context, tgs: dict[str, Tagging], t: int) -> None:
    """The three taggings side by side, one card per word, disagreements marked."""
    lang, first = ctx.lang, tgs["rnn"]
    rows = [Row(NAMES[c], tg.tags, tg.trace.confidence) for c, tg in tgs.items()]
    differ = [len({r.tags[i] for r in rows}) > 1 for i in range(first.T)]
    st.markdown(cards_html(first.tokens, rows, lang=lang, marked=differ, unknown=first.unknown,
                           selected=t, mark_note=text("cells.tags.differ", lang),
                           unknown_note=text("tagging.unknown", lang),
                           font_px=ctx.look.scaled(1.2)), unsafe_allow_html=True)
    n = sum(differ)
    st.caption(text("cells.tags.summary", lang, n=n, T=first.T) if n else
               text("cells.tags.same", lang, T=first.T))


def gate_label(option: str, lang: str) -> str:
    cell, gate = option.split(":")
    return text("cells.gate.option", lang, cell=NAMES[cell], name=label(cell, gate),
                what=text(f"cells.gate.what.{gate}", lang))


def step_view(ctx: Context, tgs: dict[str, Tagging]) -> None:
    """Step t: the tags, each gated cell's diagram and gates, one gate's formula."""
    lang, look, T = ctx.lang, ctx.look, ctx.T
    steps.advance_if_playing(T)
    st.markdown(f"#### {text('cells.tags.heading', lang)}")
    t = steps.controls(T, lang)
    tags_cards(ctx, tgs, t)
    st.markdown(f"#### {text('cells.step.heading', lang)}")
    st.caption(text("cells.step.caption", lang, H=tgs["lstm"].trace.model.H, t=t))
    columns = st.columns(2, gap="medium")
    for cell, where in zip(GATED, columns):
        tr = tgs[cell].trace
        fig = views.figure(ctx, ("cells_diagram", cell, t),
                           lambda tr=tr: make_cell_diagram(tr, t, look=look))
        gates = ", ".join(f"{label(cell, g, t)} = {v:.2f}" for g, v in gate_means(tr, t).items())
        views.chart(fig, key=f"cells_diagram_{cell}", ctx=ctx, t=t, where=where,
                    alt=text("alt.cells_diagram", lang, cell=NAMES[cell], t=t,
                             word=tr.tokens[t - 1], gates=gates))
    for cell, where in zip(GATED, st.columns(2, gap="medium")):
        tr = tgs[cell].trace
        fig = views.figure(ctx, ("cells_gates", cell, t),
                           lambda tr=tr: make_gates(tr, t, look=look))
        views.chart(fig, key=f"cells_gates_{cell}", ctx=ctx, t=t, where=where,
                    alt=text("alt.cells_gates", lang, cell=NAMES[cell], t=t,
                             sentence=" ".join(tr.tokens)))
    gates_table(ctx, tgs, t)
    formula(ctx, tgs, t)


def gates_table(ctx: Context, tgs: dict[str, Tagging], t: int) -> None:
    """Every gate of both cells at step t, unit by unit (the heatmaps' column t)."""
    def table():
        heads, cols = [text("cells.numbers.unit", ctx.lang)], []
        for cell in GATED:
            for key, values in panels(tgs[cell].trace):
                heads.append(f"{NAMES[cell]} {shown(label(cell, key, t))}")
                cols.append(values[t - 1])
        return heads, [[str(h + 1), *(fmt(c[h]) for c in cols)] for h in range(len(cols[0]))]

    views.numbers_table(text("cells.numbers.gates", ctx.lang, t=t),
                        session_keys.CELLS_GATES_NUMBERS, table)


def formula(ctx: Context, tgs: dict[str, Tagging], t: int) -> None:
    """The chosen gate's formula at step t with its numbers (the gate kept in the URL)."""
    lang = ctx.lang
    where, _ = st.columns([3, 2])       # its columns of numbers read better close together
    context.seed_from_url(GATE_KEY)
    st.session_state.setdefault(GATE_KEY, GATE.default)
    option = where.selectbox(text("cells.gate.pick", lang), GATE.choices, key=GATE_KEY,
                             format_func=lambda o: gate_label(o, lang))
    context.keep_in_url(GATE_KEY, option, GATE.default)
    cell, gate = option.split(":")
    tr = tgs[cell].trace
    terms = lc.gate_terms(tr, gate, t)
    fig = views.figure(ctx, ("cells_formula", option, t),
                       lambda: make_gate_formula(terms, tr.tokens[t - 1], look=ctx.look))
    views.chart(fig, key="cells_formula", ctx=ctx, t=t, where=where,
                alt=text("alt.cells_formula", lang, gate=gate_label(option, lang), t=t,
                         word=tr.tokens[t - 1]))
    letter = label(cell, gate).removesuffix("_t")
    def table():
        heads = [text("cells.numbers.unit", lang), *map(shown, (
            f"U_{letter} x_{t}", f"W_{letter} {label(cell, 'state', t - 1)}", f"b_{letter}",
            "a", f"{label(cell, gate, t)} = {terms.squash}(a)"))]
        return heads, [[str(h + 1), *(fmt(v[h]) for v in (terms.Ux, terms.Ws, terms.b, terms.a,
                                                          terms.value))]
                       for h in range(len(terms.a))]

    with where:
        views.numbers_table(text("cells.numbers.formula", lang,
                                 name=shown(label(cell, gate, t))),
                            session_keys.CELLS_FORMULA_NUMBERS, table)


# --------------------------------------------------------------------------- gradient flow

def flow_section(ctx: Context, tgs: dict[str, Tagging]) -> None:
    """‖∂L_T/∂s_k‖ of the three cells on one chart, a sentence saying what it shows."""
    lang, first = ctx.lang, tgs["rnn"]
    st.markdown(f"#### {text('cells.flow.heading', lang)}")
    st.markdown(text("cells.flow.intro", lang))
    norms = flows(ctx, tgs)
    verdict = lc.compare_flow(cell_flows(norms))
    st.markdown("**" + text(f"cells.flow.{verdict.code}", lang, best=NAMES.get(verdict.best, ""),
                            other=NAMES.get(verdict.other, ""),
                            factor=_factor(verdict.factor)) + "**")
    fig = views.figure(ctx, ("cells_flow",), lambda: flow_chart(norms, first.tokens, ctx.look))
    views.chart(fig, key="cells_flow", ctx=ctx,
                alt=text("alt.cells_flow", lang, sentence=" ".join(first.tokens)))
    views.numbers_table(text("cells.numbers.flow", lang), session_keys.CELLS_FLOW_NUMBERS,
                        lambda: (
        [text("cells.numbers.step", lang), text("cells.numbers.word", lang),
         *(NAMES[c] for c in cell_flows(norms)), shown("LSTM ‖∂L_T/∂C_k‖")],
        [[str(k + 1), esc_markdown(w), *(written(n[k]) for n in norms.values())]
         for k, w in enumerate(first.tokens)]))


def _factor(x: float) -> str:
    return "∞" if not np.isfinite(x) else f"{x:,.0f}" if x >= 10 else f"{x:.1f}"


# --------------------------------------------------------------------------- memory

def memory_section(ctx: Context) -> None:
    """The measured curves, what they show, and one member of the family tagged live."""
    lang, look = ctx.lang, ctx.look
    st.markdown(f"#### {text('cells.memory.heading', lang)}")
    result, models = resources.memory()
    if result is None:
        st.info(text("cells.memory.missing", lang))
        return
    task = result.task
    st.markdown(text("cells.memory.intro", lang, H=result.config["hidden"],
                     n_train=task["n_train"], d0=result.d[0], d1=result.d[-1], n=result.n[0],
                     total=sum(result.n),
                     fillers=", ".join(f"*{w}*" for w, _ in task["fillers"])))
    v = lc.memory_verdict(result)
    st.markdown("**" + _memory_sentence(v, result, lang) + "**")
    field = urlstate.BY_NAME[D_KEY]
    d = st.slider(text("cells.memory.d", lang), int(field.lo), int(field.hi), field.default,
                  key=D_KEY, bind="query-params")
    fig = views.figure(ctx, ("cells_memory", d), lambda: make_memory(result, d, look=look))
    views.chart(fig, key="cells_memory", ctx=ctx,
                alt=text("alt.cells_memory", lang))
    views.numbers_table(text("cells.numbers.memory", lang), session_keys.CELLS_MEMORY_NUMBERS,
                        lambda: (
        ["d", *(NAMES[c] for c in result.correct)],
        [[str(dd), *(f"{result.correct[c][i]}/{result.n[i]}" for c in result.correct)]
         for i, dd in enumerate(result.d)]))
    live_member(ctx, models, d)


def _memory_sentence(v: lc.MemoryVerdict, result, lang: str) -> str:
    if v.code == "no_gap":
        return text("cells.memory.no_gap", lang, lowest=f"{100 * v.lowest:.0f} %",
                    d1=result.d[-1])
    at_end = ", ".join(f"{NAMES[c]} {100 * a:.0f} %" for c, a in v.at_end.items())
    return text("cells.memory.gap", lang, best=NAMES[v.best], worst=NAMES[v.worst],
                best_acc=f"{100 * v.best_acc:.0f} %", worst_acc=f"{100 * v.worst_acc:.0f} %",
                d1=result.d[-1], at_end=at_end)


def _use_member(sentence: str) -> None:
    """on_click: the member goes into the sentence box (bound to ?s=)."""
    st.session_state["s"] = sentence
    st.session_state[steps.PLAYING_KEY] = False


def live_member(ctx: Context, models: dict, d: int) -> None:
    """Member d of the family through the task's three small models, and a button that
    puts it in the sentence box."""
    lang = ctx.lang
    member = mem.text_of(mem.member(d))
    st.markdown(text("cells.memory.live", lang, d=d))
    tgs = {cell: tag_text(m, member) for cell, m in models.items()}
    first = next(iter(tgs.values()))
    rows = [Row(text("cells.memory.row", lang, cell=NAMES[c]), tg.tags, tg.trace.confidence)
            for c, tg in tgs.items()]
    differ = [len({r.tags[i] for r in rows}) > 1 for i in range(first.T)]
    st.markdown(cards_html(first.tokens, rows, lang=lang, marked=differ, unknown=first.unknown,
                           selected=first.T, mark_note=text("cells.tags.differ", lang),
                           unknown_note=text("tagging.unknown", lang),
                           font_px=ctx.look.scaled(1.0), legend=False), unsafe_allow_html=True)
    if ctx.text.split() == member.split():
        st.caption(text("cells.memory.in_box", lang))
    else:
        st.button(text("cells.memory.use", lang), key="cells_use_member", on_click=_use_member,
                  args=(member,), help=text("cells.memory.use_help", lang),
                  icon=":material/input:")
