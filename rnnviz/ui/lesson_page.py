"""The guided lesson page: one step of ``rnnviz.lessons.guided`` at a time.

The step is the URL parameter ``step`` (a bound segmented control: a link opens
its step, the browser's back button returns to the previous one); Back and
Next (Page Up / Page Down, the keys a presentation clicker sends) move between
steps and leave ← → to the step controls of t. Answers live in this session
only, in ``st.session_state["_lesson_answers"]`` ({step name: Answer}), so a
shared link gives nothing away; an answer belongs to the question it answered
(its sentence and options): when the sentence changes, the step asks again
and says why. The W scale of the last three steps is ``lesson_wscale``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import streamlit as st

from ..figures.chips import chips_html
from ..figures.backward import make_backward
from ..figures.compare import make_probs
from ..figures.flow import make_flow
from ..figures.folded import make_folded
from ..figures.formula import make_formula
from ..figures.neurons import make_neurons
from ..figures.reach import strip_html
from ..figures.style import esc_markdown
from ..figures.unrolled import make_unrolled
from ..i18n import text
from ..lessons import backprop, guided
from ..training.tagger import Tagging, tag_text
from . import feedforward, steps, urlstate, views
from .context import Context

STEP_KEY = "step"
STEP = urlstate.BY_NAME[STEP_KEY]
N = len(guided.STEPS)
ANSWERS = "_lesson_answers"
SCALE_KEY = "lesson_wscale"
SCALE_STEPS = ("w_zero", "bptt", "vanishing")
MORE = (("pages/why.py", "nav.why"), ("pages/network.py", "nav.network"),
        ("pages/weights.py", "nav.heatmaps"), ("pages/bptt.py", "nav.bptt"),
        ("pages/train.py", "nav.training"))


@dataclass(frozen=True)
class Answer:
    signature: str          # the question answered (kind, sentence, options, answer)
    given: object           # the last answer given
    right: bool
    first_right: bool       # the first answer to this question was right


def signature(q: guided.Question, tg: Tagging) -> str:
    raw = repr((q.kind, tg.tokens, q.options, q.answer))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def answers() -> dict[str, Answer]:
    return st.session_state.setdefault(ANSWERS, {})


def current_step() -> int:
    i = st.session_state.get(STEP_KEY, 1)
    return min(max(int(i) if isinstance(i, int) else 1, 1), N)


def _move(delta: int) -> None:
    st.session_state[STEP_KEY] = min(max(current_step() + delta, 1), N)


# --------------------------------------------------------------------------- frame

def header(ctx: Context) -> int:
    """The intro, the score and the step picker; the selected step (1..N)."""
    lang = ctx.lang
    st.session_state[STEP_KEY] = current_step()      # before the widget: a clamped value
    st.caption(text("lesson.intro", lang, n=N))
    st.segmented_control(text("lesson.step", lang), list(range(1, N + 1)), key=STEP_KEY,
                         required=True, bind="query-params", width="stretch")
    return current_step()


def footer(ctx: Context, i: int) -> None:
    """Back and Next, and the score so far."""
    lang = ctx.lang
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(text("lesson.prev", lang), key="lesson_prev", icon=":material/chevron_left:",
                  on_click=_move, args=(-1,), disabled=i == 1, shortcut="PageUp",
                  help=text("lesson.prev_help", lang))
        st.button(text("lesson.next", lang), key="lesson_next", type="primary",
                  icon=":material/chevron_right:", on_click=_move, args=(1,),
                  disabled=i == N, shortcut="PageDown", help=text("lesson.next_help", lang))
        st.caption(text("lesson.progress", lang, i=i, n=N))
    done = answers().values()
    if done:
        st.markdown(text("lesson.score", lang, right=sum(a.first_right for a in done),
                         asked=len(done)))


# --------------------------------------------------------------------------- values

def num(v: float, digits: int = 3) -> str:
    if not np.isfinite(v):
        return str(v)
    return f"{v:.{digits}g}" if abs(v) < 10 ** -digits and v != 0 else f"{v:.{digits}f}"


def signed(v: float) -> str:
    return f"{v:+.3f}" if abs(v) >= 1e-3 or v == 0 else f"{v:+.1e}"


def values_of(ctx: Context, q: guided.Question | None) -> dict:
    """What the step's strings may name: the model's sizes and the question's facts
    (words escaped for Markdown)."""
    m, tg = ctx.model, ctx.tagging
    out = dict(K=m.K, H=m.H, T=tg.T, f=m.f, word="", prev="")
    for k, v in (q.facts.items() if q else ()):
        out[k] = esc_markdown(v) if isinstance(v, str) else v
    return out


def option_label(q: guided.Question, code: str, lang: str) -> str:
    if q.kind == "reach":
        k = int(code)
        return text("lesson.opt.word", lang, word=q.facts["tokens"][k - 1], k=k)
    if q.kind in ("w_zero", "bptt"):
        return text(f"lesson.opt.{code}", lang)
    return code


def feedback(q: guided.Question, given, lang: str) -> str:
    """Why the right answer is right, with the model's numbers (and the one given, when
    it was not the right one). Words from the sentence are escaped for Markdown."""
    facts = {k: esc_markdown(v) if isinstance(v, str) else v for k, v in q.facts.items()}
    tokens = [esc_markdown(w) for w in q.facts.get("tokens", ())]
    f = dict(facts, other="")
    right = q.check(given)
    if q.kind == "tag_after":
        f.update(answer=q.answer, p=num(f["p"]))
        if not right:
            f["other"] = text("lesson.q.tag_after.other", lang, given=given,
                              p_given=num(f["probs"].get(given, 0.0)))
    elif q.kind == "context":
        note = text("lesson.q.context." + ("same" if f["same"] else "differ"), lang)
        f.update(p_a=num(f["p_a"]), p_b=num(f["p_b"]), note=note)
    elif q.kind == "s1":
        f.update(given=f"{float(given):.2f}", value=f"{f['value']:.2f}",
                 exact=f"{f['exact']:.4f}", tol=guided.TOLERANCE, a=f"{f['a']:.2f}")
    elif q.kind == "reach":
        k = int(given)
        f.update(d_best=signed(f["delta"][f["best"]]))
        if not right:
            f["other"] = text("lesson.q.reach.other", lang, given_word=tokens[k - 1],
                              d_given=signed(f["delta"][k]))
    elif q.kind == "w_zero":
        changed = f["changed"]
        f.update(most=text("lesson.below", lang) if f["most"] <= guided.STILL
                 else num(f["most"]), n_changed=len(changed),
                 changed="" if not changed else " (" + ", ".join(
                     f"{tokens[t - 1]}: {f['tags'][t - 1]} → {f['tags0'][t - 1]}"
                     for t in changed) + ")")
    elif q.kind == "bptt":
        f.update(full=num(f["full"]), half=num(f["half"]), ratio=num(f["ratio"], 2),
                 steps=f["T"] - 1)
    why = text(f"lesson.q.{q.kind}.why", lang, **f)
    return text("lesson.right" if right else "lesson.wrong", lang, why=why)


# --------------------------------------------------------------------------- question

def ask(ctx: Context, name: str, q: guided.Question) -> bool:
    """The question of step ``name``: the form, or the feedback once answered. Whether
    the figure may be shown (answered, or a question the sentence does not allow)."""
    lang, tg = ctx.lang, ctx.tagging
    if not q.fits:
        st.info(text(f"lesson.nofit.{q.reason}", lang, **values_of(ctx, q)),
                icon=":material/info:")
        return True
    sig = signature(q, tg)
    done = answers().get(name)
    if done is not None and done.signature != sig:
        st.info(text("lesson.changed", lang, sentence=esc_markdown(" ".join(tg.tokens))),
                icon=":material/sync:")
        done = None
    st.markdown(f"**{text('lesson.predict', lang)}** · "
                + text(f"lesson.q.{q.kind}.ask", lang, **values_of(ctx, q)))
    if done is not None and done.given is not None:
        (st.success if done.right else st.error)(feedback(q, done.given, lang))
        st.button(text("lesson.again", lang), key=f"lesson_again_{name}",
                  icon=":material/replay:", on_click=_again, args=(name,))
        return True
    with st.form(f"lesson_form_{name}_{sig}", border=False):
        if q.options:
            given = st.radio(text("lesson.predict", lang), q.options, index=None,
                             format_func=lambda c: option_label(q, c, lang),
                             label_visibility="collapsed", key=f"lesson_pick_{name}_{sig}")
        else:
            given = st.number_input(text("lesson.your_number", lang), value=None,
                                    step=0.01, format="%.2f", key=f"lesson_num_{name}_{sig}")
        sent = st.form_submit_button(text("lesson.check", lang), icon=":material/check:")
    if sent and given is None:
        st.warning(text("lesson.pick_first" if q.options else "lesson.number_first", lang))
    elif sent:
        right = q.check(given)
        previous = answers().get(name)
        first = previous is None or previous.signature != sig    # this question's first
        answers()[name] = Answer(sig, given, right, right if first else previous.first_right)
        st.rerun()
    st.caption(text("lesson.reveal_note", lang))
    return False


def _again(name: str) -> None:
    a = answers().get(name)
    if a is not None:
        answers()[name] = Answer(a.signature, None, False, a.first_right)


# --------------------------------------------------------------------------- figures

def chips(ctx: Context, tg: Tagging, selected: int | None = None, legend: bool = True) -> None:
    """The tagged words (each tag named in its tooltip; ``legend``: named under them too)."""
    st.markdown(chips_html(tg.tokens, tg.tags, tg.trace.confidence, tg.unknown, lang=ctx.lang,
                           unknown_note=text("tagging.unknown", ctx.lang), selected=selected,
                           font_px=ctx.look.scaled(1.35), legend=legend),
                unsafe_allow_html=True)


def scale() -> float:
    return float(st.session_state.get(SCALE_KEY, 1.0))


def scale_slider(ctx: Context) -> float:
    st.slider(text("lesson.wscale", ctx.lang), 0.0, 2.0, 1.0, 0.05, key=SCALE_KEY,
              format="%.2f×", help=text("lesson.wscale_help", ctx.lang))
    return scale()


def scaled_lesson(ctx: Context, w: float) -> backprop.Lesson:
    tg = ctx.tagging
    m = backprop.variant(ctx.model, w_scale=w)
    return views.figure(ctx, ("lesson_bptt", w), lambda: backprop.lesson(
        m, tg.trace.x, tg.trace.pred, tokens=tg.tokens))


def t_view(ctx: Context, name: str) -> None:
    """Steps drawn at the selected t: the step controls, then the figure."""
    tg, look = ctx.tagging, ctx.look
    T = tg.T
    steps.advance_if_playing(T)
    t = steps.controls(T, ctx.lang)
    if name == "parts":             # the small diagram beside the tagged words, t outlined
        left, right = st.columns([2, 3], vertical_alignment="center")
        fig = views.figure(ctx, ("folded", t), lambda: make_folded(tg.trace, t, look=look))
        views.chart(fig, key="lesson_folded", ctx=ctx, t=t, where=left)
        with right:
            chips(ctx, tg, selected=t)
    elif name == "recurrence":
        fig = views.figure(ctx, ("neurons", t), lambda: make_neurons(tg.trace, t, look=look))
        views.chart(fig, key="lesson_neurons", ctx=ctx, t=t)
    else:
        fig = views.figure(ctx, ("unrolled", t), lambda: make_unrolled(
            tg.trace, t, unknown=tg.unknown, look=look))
        views.chart(fig, key="lesson_unrolled", ctx=ctx, t=t, selection_mode="points",
                    on_select=lambda: steps.select_from_chart("lesson_unrolled", T))


def figure(ctx: Context, name: str, q: guided.Question | None) -> None:
    """The step's figure (after the question, if it has one)."""
    tg, look, lang = ctx.tagging, ctx.look, ctx.lang
    if name == "one_word":
        st.caption(text("lesson.ff_row", lang))
        chips(ctx, feedforward.retag(tg, feedforward.model()))
    elif name == "tag_after" and q.fits:
        t = q.facts["t"]
        chips(ctx, tg, selected=t)
        ff = feedforward.retag(tg, feedforward.model())
        views.chart(make_probs(tg.trace.o[t - 1], ff.trace.o[t - 1], ctx.model.tags,
                               word=tg.tokens[t - 1], t=t, look=look),
                    key="lesson_probs", ctx=ctx, t=t)
    elif name == "context" and q.fits:
        chips(ctx, tag_text(ctx.model, q.facts["a"]), legend=False)
        chips(ctx, tag_text(ctx.model, q.facts["b"]))
    elif name == "formula":
        fig = views.figure(ctx, ("formula", 1), lambda: make_formula(tg.trace, 1, look=look))
        views.chart(fig, key="lesson_formula", ctx=ctx, t=1)
    elif name == "reach" and q.fits:
        t = q.facts["t"]
        row = np.zeros(tg.T)
        for k, d in q.facts["delta"].items():
            row[k - 1] = d
        st.markdown(strip_html(tg.tokens, t, [(text(
            "lesson.occl_row", lang, tag=q.facts["tag"], word=tg.tokens[t - 1]), row, True)],
            future_note=text("lesson.future", lang), number_fmt=("{:+.2e}",),
            font_px=ctx.look.scaled(1.2)), unsafe_allow_html=True)
    elif name == "w_zero":
        w = scale_slider(ctx)
        st.caption(text("lesson.rnn_row", lang))
        chips(ctx, tg, legend=False)
        st.caption(text("lesson.scaled_row", lang, scale=f"{w:g}"))
        chips(ctx, feedforward.retag(tg, backprop.variant(ctx.model, w_scale=w)))
    elif name == "bptt" and q.fits:
        w = scale_slider(ctx)
        ls = scaled_lesson(ctx, w)
        views.chart(make_backward(ls, tg.T, unknown=tg.unknown, look=look),
                    key="lesson_backward", ctx=ctx, t=tg.T)
    elif name == "vanishing" and tg.T >= 2:
        ls = scaled_lesson(ctx, scale())
        views.chart(make_flow(ls, tg.T, look=look), key="lesson_flow", ctx=ctx, t=tg.T)


def vanishing_text(ctx: Context) -> str:
    lang, tg = ctx.lang, ctx.tagging
    if tg.T < 2:
        return text("lesson.vanishing.body_short", lang)
    factor = scaled_lesson(ctx, scale()).step_factor(tg.T)
    return text("lesson.vanishing.body", lang, factor=num(factor, 2),
                trend=text(f"lesson.trend.{backprop.trend(factor)}", lang))


def more(ctx: Context) -> None:
    st.markdown(text("lesson.more", ctx.lang))
    with st.container(horizontal=True):
        for page, key in MORE:
            st.page_link(page, label=text(key, ctx.lang))


# --------------------------------------------------------------------------- the step

def step(ctx: Context, i: int) -> None:
    name = guided.STEPS[i - 1]
    lang, tg = ctx.lang, ctx.tagging
    # computed once per sentence and model (views.figure keeps what a key made for this
    # tagging): a click on an option or Check reruns the page with the same sentence
    q = views.figure(ctx, ("lesson_question", name), lambda: guided.question(name, tg))
    values = values_of(ctx, q)
    st.subheader(f"{i} · {text(f'lesson.{name}.title', lang)}", anchor=False)
    if name == "vanishing":
        st.markdown(vanishing_text(ctx))
        scale_slider(ctx)
    else:
        st.markdown(text(f"lesson.{name}.body", lang, **values))
    st.markdown(text("lesson.try", lang, what=text(f"lesson.{name}.try", lang, **values)))
    shown = ask(ctx, name, q) if q is not None else True
    if name in guided.T_STEPS:
        views.play_fragment(lambda: t_view(ctx, name))
    elif shown:
        figure(ctx, name, q)
    if name == "vanishing":
        more(ctx)
