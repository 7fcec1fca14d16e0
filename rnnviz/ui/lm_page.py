"""The language-model page's glue: the sentence through the language model of its
language, step by step, what comes next, generated text, and a word far back.

The sentence is read by the shipped language model of its language and kept in this
session while its tokens stay (``lm_state.reading``); its steps are the words and one
more, after the last word (``lessons.lm``). Text the model cannot read gives its coded
message in the interface's language. Only the step view is a fragment (stepping
redraws the unrolled graph, the bars and the formula); the temperature chart changes
with the sentence and the sampling settings, nothing else.
"""
from __future__ import annotations

import secrets

import numpy as np
import streamlit as st

from ..figures.formula import make_formula
from ..figures.next_word import lm_outputs, make_next_bars, make_temperature, prob
from ..figures.style import esc_markdown
from ..figures.unrolled import make_unrolled
from ..i18n import say, text
from ..lessons import lm
from ..messages import CodedError
from ..nn.lm import EOS
from ..text.tokenize import MAX_TOKENS
from ..training.next_word import generate_text
from . import lm_state, resources, steps, urlstate, views
from .context import Context

N, TEMP, TOPK, SEED = (urlstate.BY_NAME[k] for k in ("lm_n", "lm_temp", "lm_topk", "lm_seed"))
CANDIDATES = 8          # "what comes next" buttons


def reading(ctx: Context) -> lm.Reading:
    """The sentence through its language model; a message and a stop when it has none."""
    rd = lm_state.reading(ctx)
    if isinstance(rd, CodedError):
        st.warning(say(rd, ctx.lang), icon="✍️")
        st.stop()
    return rd


def _w(word: str) -> str:
    """A word for Markdown, in code font (it may be <s>, </s> or typed text)."""
    return "`" + word.replace("`", "'") + "`"


# --------------------------------------------------------------------------- step t

def step_view(ctx: Context, rd: lm.Reading) -> None:
    """Step t: the unrolled graph, o_t's top 10 with the actual next word, the formula."""
    lang, look, T, m = ctx.lang, ctx.look, rd.T, rd.model
    steps.advance_if_playing(T)
    t = steps.controls(T, lang)
    target, p = int(rd.y[t - 1]), rd.p_next(t)
    unrolled = views.figure(ctx, ("lm_unrolled", t), lambda: make_unrolled(
        rd.trace, t, unknown=rd.unknown, look=look, outputs=lm_outputs(rd.trace, rd.y, look)))
    views.chart(unrolled, key="lm_unrolled", ctx=ctx, t=t,
                on_select=lambda: steps.select_from_chart("lm_unrolled", T),
                selection_mode="points",
                alt=text("alt.lm_unrolled", lang, sentence=" ".join(rd.words), T=T))
    with np.errstate(divide="ignore"):                 # p = 0 (underflow): −log p = ∞
        nll = -np.log(p)
    st.markdown(text("lm.step", lang, t=t, x=_w(rd.trace.tokens[t - 1]),
                     next=_w(rd.next_word(t)), p=prob(p), nll=f"{nll:.2f}",
                     rank=lm.rank(rd.trace.o[t - 1], target), K=m.K))
    if target == 0:
        st.caption(text("lm.step_unk", lang, word=esc_markdown(rd.next_word(t))))
    left, right = st.columns([1, 1], gap="medium")
    bars = views.figure(ctx, ("lm_bars", t), lambda: make_next_bars(rd.trace, t, target,
                                                                     look=look))
    views.chart(bars, key="lm_bars", ctx=ctx, t=t, where=left,
                alt=text("alt.lm_bars", lang, t=t, next=rd.next_word(t), p=prob(p)))
    rows = lm.rows(rd, t)
    formula = views.figure(ctx, ("lm_formula", t), lambda: make_formula(
        rd.trace, t, look=look, rows=rows, target=target))
    views.chart(formula, key="lm_formula", ctx=ctx, t=t, where=right,
                alt=text("alt.lm_formula", lang, t=t, word=rd.trace.tokens[t - 1]))
    right.caption(text("lm.formula_rows", lang, n=len(rows), K=m.K))
    views.numbers(ctx, t, rd.trace)


# --------------------------------------------------------------------------- next

def _append(sentence: str, words: str) -> None:
    """on_click: ``words`` after the sentence in the box (bound to ?s=)."""
    st.session_state["s"] = f"{sentence.rstrip()} {words}"
    st.session_state[steps.PLAYING_KEY] = False


def next_section(ctx: Context, rd: lm.Reading) -> None:
    """The most likely words after the last one, each a button that appends it."""
    lang, m = ctx.lang, rd.model
    st.markdown(f"#### {text('lm.next.heading', lang)}")
    o = rd.trace.o[-1]                                          # after the last word
    ids = [int(k) for k in lm.top(m, o, CANDIDATES + 1) if m.tags[k] != EOS][:CANDIDATES]
    full = len(rd.words) >= MAX_TOKENS or rd.tokenized.truncated
    with st.container(horizontal=True, gap="small"):
        for i, k in enumerate(ids):
            word = esc_markdown(m.tags[k])
            st.button(f"{word}  {o[k]:.2f}", key=f"lm_next_{i}", on_click=_append,
                      args=(ctx.text, m.tags[k]), disabled=full,
                      help=text("lm.next.help", lang, word=word, p=f"{o[k]:.3f}"))
    st.caption(text("lm.next.full", lang, n=MAX_TOKENS) if full else
               text("lm.next.caption", lang, end=f"{o[1]:.2f}", unk=f"{o[0]:.2f}"))


# --------------------------------------------------------------------------- generate

def _new_seed() -> None:
    st.session_state[SEED.name] = secrets.randbelow(10**6)


def _setting(where, field, label_key: str, lang: str, **kw):
    # the default as the slider's value: one put in st.session_state instead is used but
    # not shown (the browser draws the slider at its minimum)
    return where.slider(text(label_key, lang), field.lo, field.hi, field.default, key=field.name,
                        bind="query-params", help=text(label_key + "_help", lang), **kw)


def generate_section(ctx: Context, rd: lm.Reading) -> None:
    """Sample n words after the sentence: temperature, top-k, the seed on screen; the
    distribution before and after the temperature, side by side."""
    lang, m = ctx.lang, rd.model
    st.markdown(f"#### {text('lm.gen.heading', lang)}")
    a, b, c = st.columns(3)
    n = _setting(a, N, "lm.gen.n", lang)
    tau = _setting(b, TEMP, "lm.gen.temp", lang, step=0.1, format="%.1f")
    k = _setting(c, TOPK, "lm.gen.topk", lang)
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        st.session_state.setdefault(SEED.name, SEED.default)
        seed = st.number_input(text("lm.gen.seed", lang), int(SEED.lo), int(SEED.hi),
                               key=SEED.name, step=1, bind="query-params",
                               help=text("lm.gen.seed_help", lang), width=200)
        st.button(text("lm.gen.new_seed", lang), key="lm_new_seed", on_click=_new_seed,
                  icon=":material/casino:")
    try:
        g = generate_text(m, ctx.text, int(n), temperature=float(tau), top_k=int(k) or None,
                          seed=int(seed))
    except CodedError as e:
        st.warning(say(e, lang))
        return
    words = " ".join(g.words)
    end = text("lm.gen.ended", lang) if g.ended else ""
    st.markdown(f"> {esc_markdown(' '.join(rd.words))} **{esc_markdown(words)}** {end}")
    st.caption(text("lm.gen.caption", lang, seed=g.seed, tau=f"{g.temperature:g}",
                    k=g.top_k or text("lm.all", lang), n=len(g.words)))
    if g.words and not rd.tokenized.truncated and len(rd.words) < MAX_TOKENS:
        st.button(text("lm.gen.use", lang), key="lm_use_generated", on_click=_append,
                  args=(ctx.text, words), icon=":material/input:")
    fig = views.figure(ctx, ("lm_temperature", float(tau), int(k)), lambda: make_temperature(
        m, rd.trace.z[-1], float(tau), int(k) or None, look=ctx.look))
    views.chart(fig, key="lm_temperature", ctx=ctx,
                alt=text("alt.lm_temperature", lang, tau=f"{float(tau):g}",
                         k=int(k) or text("lm.all", lang)))


# --------------------------------------------------------------------------- far back

def _put(sentence: str) -> None:
    st.session_state["s"] = sentence
    st.session_state[steps.PLAYING_KEY] = False


def far_section(ctx: Context) -> None:
    """One pair of sentences where the first word decides the next one, and what the
    model of the sentence's language makes of it (computed, right or wrong)."""
    lang = ctx.lang
    v = resources.lm_far_example(lm.language_of(ctx.text))
    pair = v.pair
    st.markdown(f"#### {text('lm.far.heading', lang)}")
    st.markdown(text("lm.far.intro", lang, a=_w(pair.a), b=_w(pair.b), d=v.distance,
                     wa=_w(pair.word_a), wb=_w(pair.word_b)))
    rows = [f"| | {_w(pair.word_a)} | {_w(pair.word_b)} | {text('lm.far.best', lang)} |",
            "|---|---:|---:|---|"]
    for side, sentence in (("a", pair.a), ("b", pair.b)):
        rows.append(f"| {_w(sentence)} | {v.p[(side, 'a')]:.3f} | {v.p[(side, 'b')]:.3f} | "
                    f"{_w(v.best[side])} |")
    st.markdown("\n".join(rows))
    st.markdown("**" + text(f"lm.far.{v.code}", lang, wa=_w(pair.word_a),
                            wb=_w(pair.word_b)) + "**")
    with st.container(horizontal=True, gap="small"):
        for side, sentence in (("a", pair.a), ("b", pair.b)):
            st.button(text("lm.far.use", lang, sentence=esc_markdown(sentence)),
                      key=f"lm_far_{side}", on_click=_put, args=(sentence,),
                      icon=":material/input:")
