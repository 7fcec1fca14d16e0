"""The BPTT page's glue: its controls and its sections, from the loss to the SGD step.

The page draws a *variant* of this session's model (W scaled, f swapped:
``lessons.backprop.variant``) against target tags (the model's own tags,
corrected by the user): one loss's error flowing back, the gradient-flow matrix,
the gradients, a gradient check on demand, and an SGD step that changes this
session's model only and can be undone. The controls are widgets bound to the
URL fields ``bptt_wscale``, ``bptt_f``, ``bptt_trunc`` and ``bptt_t``
(``urlstate``); what the page keeps between reruns, and the callbacks that
change it, are in ``bptt_state``.
"""
from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from ..figures.backward import make_backward
from ..figures.chips import chips_html, legend_html, tag_name
from ..figures.flow import make_flow
from ..figures.gradients import make_dw_terms, make_gradients
from ..figures.style import esc_markdown
from ..figures.tables import agrees, gradcheck_columns, sci, step_columns
from ..i18n import text
from ..lessons import backprop as lesson
from ..nn.activations import ACTIVATIONS
from ..nn.gradcheck import TOLERANCE, gradcheck
from . import models, session_keys, urlstate, views
from .bptt_state import (
    SCALE,
    F,
    Setup,
    State,
    T,
    follow_sentence,
    reset_targets,
    select_loss,
    set_controls,
    set_target,
    sgd_step,
    undo_steps,
)
from .context import Context

TRUNC = urlstate.BY_NAME["bptt_trunc"]
SCALE_STEP = 0.05
LR_KEY = session_keys.BPTT_LR
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 5.0)
LR_DEFAULT = 0.5
# one click to each side of the lesson: with tanh a larger W also saturates the
# units (f' -> 0), so the textbook explosion needs a non-saturating f, and a W
# scaled until ρ(W) ≥ 1.5 (lesson.exploding_scale; None: computed from the model)
PRESETS = (("vanish", 0.5, None), ("explode", None, "identity"), ("model", 1.0, None))


def factor_text(v: float) -> str:
    """The per-step factor as the page writes it (— when there is none: never 'nan')."""
    return f"{v:.2f}" if np.isfinite(v) else "—"


def percent(v: float) -> str:
    """A relative difference as the page writes it (— when it is not a number)."""
    return f"{100 * v:.1f} %" if np.isfinite(v) else "—"


# --- what drives the gradients ------------------------------------------------------
def controls(ctx: Context) -> Setup:
    """The W scale, f and truncation controls, their captions and the presets."""
    lang, own_f = ctx.lang, ctx.model.f
    c_scale, c_f, c_trunc = st.columns([4, 4, 4], gap="medium")
    scale = c_scale.slider(text("bptt.wscale", lang), SCALE.lo, SCALE.hi, SCALE.default,
                           SCALE_STEP, key=SCALE.name, format="%.2f×", bind="query-params",
                           help=text("bptt.wscale_help", lang))
    f = c_f.segmented_control(text("bptt.f", lang), list(F.choices), default=own_f,
                              required=True, key=F.name, bind="query-params",
                              help=text("bptt.f_help", lang)) or own_f
    trunc = c_trunc.select_slider(
        text("bptt.trunc", lang), options=list(range(int(TRUNC.lo), int(TRUNC.hi) + 1)),
        value=TRUNC.default, key=TRUNC.name,
        format_func=lambda k: text("bptt.trunc_off", lang) if k == 0 else str(k),
        bind="query-params", help=text("bptt.trunc_help", lang)) or None
    model = lesson.variant(ctx.model, w_scale=scale, f=f)
    rho, rho0 = lesson.spectral_radius(model.W), lesson.spectral_radius(ctx.model.W)
    c_scale.caption(text("bptt.rho", lang, rho=f"{rho:.2f}", rho0=f"{rho0:.2f}"))
    c_f.caption(text("bptt.f_caption", lang, formula=ACTIVATIONS[f].formula, model_f=own_f))
    c_trunc.caption(text("bptt.trunc_caption_on" if (trunc or ctx.T) < ctx.T else
                         "bptt.trunc_caption_off", lang, k=trunc or ctx.T))
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.caption(text("bptt.preset.label", lang))
        for name, preset_scale, preset_f in PRESETS:
            k = preset_scale or lesson.exploding_scale(ctx.model.W)
            st.button(text(f"bptt.preset.{name}", lang, f=own_f, k=f"{k:g}"),
                      key=f"bptt_preset_{name}", type="tertiary", on_click=set_controls,
                      args=(k, preset_f or own_f))
    return Setup(scale, f, trunc, model, rho)


def targets(ctx: Context, s: State) -> np.ndarray:
    """The targets y: the model's own tags, each correctable from a menu."""
    lang, tg, tags = ctx.lang, ctx.tagging, ctx.model.tags
    pred = tg.trace.pred
    y = lesson.targets(pred, tg.tokens, s.targets, ctx.model.tag_index)
    st.markdown(f"**{text('bptt.targets', lang)}** — {text('bptt.targets_help', lang)}")
    with st.container(horizontal=True, gap="xsmall"):
        for i, (word, k) in enumerate(zip(tg.tokens, y)):
            changed = k != pred[i]
            st.menu_button(f"{esc_markdown(word)} · **{tags[k]}**", tags,
                           key=session_keys.BPTT_TARGET.format(i=i), on_click=set_target,
                           args=(s, i, word), type="primary" if changed else "secondary",
                           format_func=functools.partial(_tag_option, lang=lang),
                           help=text("bptt.target_changed" if changed else "bptt.target_help",
                                     lang, tag=tags[pred[i]]))
        if (y != pred).any():
            st.button(text("bptt.targets_reset", lang), key="bptt_targets_reset",
                      icon=":material/undo:", type="tertiary", on_click=reset_targets,
                      args=(s,))
    # the tags the model gave and the targets, named (the chips' legend)
    st.markdown(legend_html([tags[k] for pair in zip(pred, y) for k in pair], lang,
                            font_px=ctx.look.scaled(1.0)), unsafe_allow_html=True)
    return y


def _tag_option(tag: str, lang: str) -> str:
    """A target menu's entry: the tag and its short name ("d — determiner")."""
    return f"{tag} — {tag_name(tag, lang)}"


def lesson_of(ctx: Context, setup: Setup, y: np.ndarray) -> lesson.Lesson:
    """The lesson of the variant on this sentence, its loss, and what went wrong if anything."""
    lang, tg = ctx.lang, ctx.tagging
    ls = lesson.lesson(setup.model, tg.trace.x, y, tokens=tg.tokens, truncate=setup.truncate)
    st.markdown(text("bptt.loss", lang, L=f"{ls.loss:.4f}", T=tg.T))
    if ls.problem:
        st.warning(text(f"bptt.problem.{ls.problem}", lang, scale=f"{setup.scale:.2f}",
                        f=setup.f, rho=f"{setup.rho:.2f}"), icon=":material/warning:")
    elif not ls.has_error:
        st.info(text("bptt.no_error", lang), icon=":material/info:")
    return ls


# --- 1 and 2: one loss's error flowing back; the gradient-flow matrix ---------------
@st.fragment
def backward_views(ctx: Context, s: State, setup: Setup, ls: lesson.Lesson) -> None:
    lang, tg, T_ = ctx.lang, ctx.tagging, ctx.T
    st.markdown(f"#### {text('bptt.s1.heading', lang)}")
    t, moved = follow_sentence(s, ls)
    if T_ > 1:
        t = st.slider(text("bptt.t", lang), T.lo, T_, key=T.name, bind="query-params",
                      help=text("bptt.t_help", lang))
    if moved and t == s.auto_t:
        st.info(text("bptt.t_moved", lang, T=T_, t=t, word=tg.tokens[T_ - 1],
                     L=f"{ls.losses[t - 1]:.3g}"), icon=":material/moving:")
    views.chart(make_backward(ls, t, unknown=tg.unknown, look=ctx.look), key="bptt_backward",
                ctx=ctx, t=t, selection_mode="points",
                on_select=functools.partial(select_loss, "bptt_backward", T_))
    st.markdown(text("bptt.s1.explain", lang))
    st.markdown(f"#### {text('bptt.s2.heading', lang)}")
    chart, words = st.columns([5, 2], gap="medium")
    views.chart(make_flow(ls, t, look=ctx.look), key="bptt_flow", ctx=ctx, t=t, where=chart)
    factor = ls.step_factor(t)
    words.markdown(text("bptt.s2.explain", lang))
    words.markdown(text("bptt.s2.now", lang, rho=f"{setup.rho:.2f}", f=setup.f,
                        fmean=f"{ls.mean_fprime:.2f}", factor=factor_text(factor),
                        trend=text(f"bptt.trend.{lesson.trend(factor)}", lang)))
    if setup.rho > 1 and setup.f in ("tanh", "sigmoid") and lesson.trend(factor) == "vanishing":
        words.markdown(text("bptt.s2.saturation", lang, rho=f"{setup.rho:.2f}", f=setup.f))
    if ls.cuts:
        words.markdown(text("bptt.s2.truncation", lang, k=ls.truncate))


# --- 3, 4 and 5 ---------------------------------------------------------------------
def gradients_section(ctx: Context, ls: lesson.Lesson) -> None:
    lang = ctx.lang
    chart, words = st.columns([5, 2], gap="medium")
    views.chart(make_gradients(ls, look=ctx.look), key="bptt_grads", ctx=ctx, where=chart)
    words.markdown(text("bptt.s3.explain", lang))
    if ls.cuts:
        words.markdown(text("bptt.s3.truncated", lang, k=ls.truncate, **{
            f"d{k}": percent(v) for k, v in ls.truncation_error().items()}))
    views.chart(make_dw_terms(ls, look=ctx.look), key="bptt_terms", ctx=ctx)
    st.caption(text("bptt.s3.terms", lang))


@st.fragment
def gradient_check(ctx: Context, s: State, setup: Setup, y: np.ndarray,
                   ls: lesson.Lesson) -> None:
    """BPTT against finite differences, on demand (and only for what is on screen)."""
    lang, x = ctx.lang, ctx.tagging.trace.x
    st.markdown(text("bptt.s4.explain", lang, tol=sci(TOLERANCE, 1)))
    fingerprint = (id(ctx.model), setup.scale, setup.f, tuple(x), tuple(y))
    if st.button(text("bptt.s4.run", lang), key="bptt_check", icon=":material/rule:"):
        with np.errstate(all="ignore"):
            s.check = (fingerprint, gradcheck(setup.model, x[None], y[None]))
    if s.check and s.check[0] == fingerprint:
        errors = s.check[1]
        st.table(gradcheck_columns(errors, lang), hide_index=True)
        if not agrees(errors):
            st.caption(text("bptt.s4.differs", lang, L=sci(ls.loss)))
        if ls.cuts:
            st.caption(text("bptt.s4.truncated", lang, k=ls.truncate))


def sgd_section(ctx: Context, s: State, setup: Setup, y: np.ndarray,
                ls: lesson.Lesson) -> None:
    """One SGD step on this sentence (this session's model only), and undo."""
    lang, tg = ctx.lang, ctx.tagging
    st.markdown(text("bptt.s5.explain", lang))
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        lr = st.select_slider(text("bptt.s5.lr", lang), LEARNING_RATES, value=LR_DEFAULT,
                              key=LR_KEY, width=320, help=text("bptt.s5.lr_help", lang))
        scale = f"{setup.scale:.2f}"
        st.button(text("bptt.s5.step", lang), key="bptt_sgd", type="primary",
                  icon=":material/south:", on_click=sgd_step,
                  args=(s, setup, tg.trace.x, y, tg.tokens, lr),
                  help=text("bptt.s5.step_help_truncated", lang, scale=scale, f=setup.f,
                            k=ls.truncate, gap=percent(ls.gradient_gap())) if ls.cuts else
                  text("bptt.s5.step_help", lang, scale=scale, f=setup.f))
        origin = s.origin if models.session_source() == "sgd" else None
        st.button(text("bptt.s5.reset", lang), key="bptt_reset", icon=":material/restart_alt:",
                  on_click=undo_steps, args=(s,), disabled=origin is None,
                  help=text("bptt.s5.reset_help", lang))
        if origin is not None:
            st.caption(text("bptt.s5.count", lang, n=origin.steps))
    last = s.last_step
    if s.overflow_lr is not None:
        st.error(text("bptt.s5.overflow", lang, lr=s.overflow_lr), icon=":material/error:")
    elif last is not None and last.model is ctx.model and np.array_equal(last.before.x,
                                                                         tg.trace.x):
        step_result(ctx, last)


def step_result(ctx: Context, last: lesson.Step) -> None:
    """Before and after the step: tags, loss, and how far each parameter moved."""
    lang, tg = ctx.lang, ctx.tagging
    columns = st.columns([2, 2, 1], gap="medium")
    for col, key, tr, loss in ((columns[0], "bptt.s5.before", last.before, last.loss_before),
                               (columns[1], "bptt.s5.after", last.after, last.loss_after)):
        col.markdown(f"**{text(key, lang)}** · L = {loss:.4f}")
        col.markdown(chips_html(tg.tokens, tr.pred_tags, tr.confidence, tg.unknown,
                                lang=lang, unknown_note=text("tagging.unknown", lang),
                                font_px=ctx.look.scaled(1.1), legend=False),
                     unsafe_allow_html=True)
    columns[2].metric(text("bptt.s5.loss", lang), f"{last.loss_after:.4f}",
                      delta=f"{last.loss_after - last.loss_before:+.4f}", delta_color="inverse")
    if last.truncated:                      # θ − η g with g truncated BPTT's, not ∂L/∂θ
        st.caption(text("bptt.s5.truncated_step", lang, k=last.truncate, gap=percent(last.gap)))
    st.markdown(f"**{text('bptt.s5.changes', lang)}**")
    st.table(step_columns(last, lang), hide_index=True)
