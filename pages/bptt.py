"""Backpropagation through time: the error of each loss flowing back, vanishing or exploding.

The page draws a *variant* of this session's model (W scaled, f swapped:
``lesson.variant``) against target tags (the model's own tags, corrected by
the user). The SGD step changes this session's model only.
"""
import numpy as np
import pandas as pd
import streamlit as st

from rnnviz.figures._magnitude import sci
from rnnviz.figures.backward import make_backward
from rnnviz.figures.chips import chips_html
from rnnviz.figures.flow import make_flow
from rnnviz.figures.gradients import make_dw_terms, make_gradients
from rnnviz.i18n import text
from rnnviz.lessons import backprop as lesson
from rnnviz.nn.activations import ACTIVATIONS
from rnnviz.nn.gradcheck import TOLERANCE, gradcheck
from rnnviz.nn.model import PARAM_NAMES
from rnnviz.text.tokenize import MAX_TOKENS
from rnnviz.ui import models, shell, views

SCALE, F, TRUNC, T_KEY, LR = "bptt_wscale", "bptt_f", "bptt_trunc", "bptt_t", "bptt_lr"
CORRECTIONS, CHECK, ORIGIN, LAST_STEP, SEEN_F, LAST_T, AUTO_T = (
    "bptt_targets", "bptt_check_result", "bptt_origin", "bptt_last_step", "bptt_seen_f",
    "bptt_last_T", "bptt_auto_t")
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0, 5.0)
MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]()#+-.!|<>{}~$:"})

ctx = shell.sentence_page()         # stops with a prompt while the box is blank
lang, tg = ctx.lang, ctx.tagging
T = tg.T
ss = st.session_state


def factor_text(v: float) -> str:
    """The per-step factor as the page writes it (— when there is none: never 'nan')."""
    return f"{v:.2f}" if np.isfinite(v) else "—"


def percent(v: float) -> str:
    """A relative difference as the page writes it (— when it is not a number)."""
    return f"{100 * v:.1f} %" if np.isfinite(v) else "—"


# --- callbacks (run before the next rerun draws anything) -------------------
def set_target(i: int, token: str) -> None:
    tag = ss.get(f"bptt_y_{i}")
    if tag is not None:
        ss.setdefault(CORRECTIONS, {})[(i, token)] = tag


def sgd_step(m, x, y, tokens, truncate, lr, scale, f) -> None:
    step = lesson.sgd_step(m, x, y, lr=lr, truncate=truncate, tokens=tokens)
    if not step.finite:
        ss[LAST_STEP] = ("overflow", lr)
        return
    if models.session_source() != "sgd" or ORIGIN not in ss:   # first step: remember
        ss[ORIGIN] = dict(model=models.session_model(), source=models.session_source(),
                          choice=ss.get(models.CHOICE_KEY), scale=scale, f=f, steps=0)
    ss[ORIGIN]["steps"] += 1
    models.set_session_model(step.model, "sgd")
    ss[SCALE], ss[F] = 1.0, step.model.f       # the scaled W and f are now the model's own
    ss[LAST_STEP] = step


# one click to each side of the lesson: with tanh a larger W also saturates the
# units (f' -> 0), so the textbook explosion needs a non-saturating f, and a W
# scaled until ρ(W) ≥ 1.5 (lesson.exploding_scale; None: computed from the model)
PRESETS = (("vanish", 0.5, None), ("explode", None, "identity"), ("model", 1.0, None))


def set_controls(scale: float, f: str) -> None:
    ss[SCALE], ss[F] = scale, f


def reset_model() -> None:
    origin = ss.pop(ORIGIN)
    if origin["model"] is None:
        models.clear_session_model()
    else:
        models.set_session_model(origin["model"], origin["source"])
        ss[models.CHOICE_KEY] = origin["choice"] or "builtin"
    ss[SCALE], ss[F] = origin["scale"], origin["f"]
    ss.pop(LAST_STEP, None)


def followed_by_default(ls: lesson.Lesson) -> int:
    """The loss followed unless the user picks one: L_T, or, when no error flows from L_T
    (o_T is exactly its target, L_T = 0: the exploding preset's full stop), the loss with
    the largest error, one with steps to travel back (t ≥ 2) where there is one."""
    with np.errstate(all="ignore"):
        sends = (np.nan_to_num(ls.norms, nan=0.0) > 0).any(axis=1)       # (T,)
    if sends[T - 1] or not sends.any():
        return T
    losses = np.where(sends, np.nan_to_num(ls.losses, nan=0.0, posinf=np.finfo(float).max), -1)
    if sends[1:].any():
        losses[0] = -1
    return int(np.argmax(losses)) + 1


def follow_sentence(ls: lesson.Lesson) -> tuple[int, bool]:
    """The step t whose loss is followed back, kept in 1..T as the sentence changes:
    ``followed_by_default`` (normally the last step), unless the user picked another
    (then that one, clamped); and whether the default moved away from L_T."""
    t, last, auto = ss.get(T_KEY), ss.get(LAST_T), ss.get(AUTO_T)
    following = not isinstance(t, int) or (last is not None and t >= last) or t == auto
    if following:
        t = followed_by_default(ls)
    ss[T_KEY], ss[LAST_T] = min(max(t, 1), T), T
    ss[AUTO_T] = ss[T_KEY] if following else None
    return ss[T_KEY], following and ss[T_KEY] != T


def select_loss(key: str) -> None:
    points = ((ss.get(key) or {}).get("selection") or {}).get("points", [])
    for p in points:
        k = p.get("customdata")
        k = k[0] if isinstance(k, list) and k else k
        if isinstance(k, (int, float)) and 1 <= int(k) <= T:
            ss[T_KEY] = int(k)
            return


# --- what drives the gradients ------------------------------------------------
if ss.get(SEEN_F, ctx.model.f) != ctx.model.f:      # another model: follow its own f
    ss[F] = ctx.model.f
ss[SEEN_F] = ctx.model.f
st.markdown(f"### {text('bptt.title', lang)}")
st.markdown(text("bptt.intro", lang))
with st.container(border=True):
    c_scale, c_f, c_trunc = st.columns([4, 4, 4], gap="medium")
    scale = c_scale.slider(text("bptt.wscale", lang), 0.1, 3.0, 1.0, 0.05, key=SCALE,
                           format="%.2f×", bind="query-params",
                           help=text("bptt.wscale_help", lang))
    f = c_f.segmented_control(text("bptt.f", lang), list(ACTIVATIONS), default=ctx.model.f,
                              required=True, key=F, bind="query-params",
                              help=text("bptt.f_help", lang)) or ctx.model.f
    trunc = c_trunc.select_slider(
        text("bptt.trunc", lang), options=list(range(MAX_TOKENS + 1)), value=0, key=TRUNC,
        format_func=lambda k: text("bptt.trunc_off", lang) if k == 0 else str(k),
        bind="query-params", help=text("bptt.trunc_help", lang)) or None
    model = lesson.variant(ctx.model, w_scale=scale, f=f)
    rho, rho0 = lesson.spectral_radius(model.W), lesson.spectral_radius(ctx.model.W)
    c_scale.caption(text("bptt.rho", lang, rho=f"{rho:.2f}", rho0=f"{rho0:.2f}"))
    c_f.caption(text("bptt.f_caption", lang, formula=ACTIVATIONS[f].formula,
                     model_f=ctx.model.f))
    c_trunc.caption(text("bptt.trunc_caption_on" if (trunc or T) < T else
                         "bptt.trunc_caption_off", lang, k=trunc or T))
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.caption(text("bptt.preset.label", lang))
        for name, preset_scale, preset_f in PRESETS:
            k = preset_scale or lesson.exploding_scale(ctx.model.W)
            st.button(text(f"bptt.preset.{name}", lang, f=ctx.model.f, k=f"{k:g}"),
                      key=f"bptt_preset_{name}", type="tertiary", on_click=set_controls,
                      args=(k, preset_f or ctx.model.f))

# targets: the model's own tags, each correctable from a menu
corrections = ss.setdefault(CORRECTIONS, {})
y = lesson.targets(tg.trace.pred, tg.tokens, corrections, ctx.model.tag_index)
st.markdown(f"**{text('bptt.targets', lang)}** — {text('bptt.targets_help', lang)}")
with st.container(horizontal=True, gap="xsmall"):
    for i, (word, k) in enumerate(zip(tg.tokens, y)):
        changed = k != tg.trace.pred[i]
        st.menu_button(f"{word.translate(MD_SPECIAL)} · **{ctx.model.tags[k]}**",
                       ctx.model.tags, key=f"bptt_y_{i}", on_click=set_target, args=(i, word),
                       type="primary" if changed else "secondary",
                       help=text("bptt.target_changed" if changed else "bptt.target_help",
                                 lang, tag=ctx.model.tags[tg.trace.pred[i]]))
    if (y != tg.trace.pred).any():
        st.button(text("bptt.targets_reset", lang), key="bptt_targets_reset",
                  icon=":material/undo:", type="tertiary",
                  on_click=lambda: ss.pop(CORRECTIONS, None))

ls = lesson.lesson(model, tg.trace.x, y, tokens=tg.tokens, truncate=trunc)
st.markdown(text("bptt.loss", lang, L=f"{ls.loss:.4f}", T=T))
if ls.problem:
    st.warning(text(f"bptt.problem.{ls.problem}", lang, scale=f"{scale:.2f}", f=f,
                    rho=f"{rho:.2f}"), icon=":material/warning:")
elif not ls.has_error:
    st.info(text("bptt.no_error", lang), icon=":material/info:")


# --- 1 and 2: one loss's error flowing back; the gradient-flow matrix -------
@st.fragment
def backward_views():
    st.markdown(f"#### {text('bptt.s1.heading', lang)}")
    t, moved = follow_sentence(ls)
    if T > 1:
        t = st.slider(text("bptt.t", lang), 1, T, key=T_KEY, bind="query-params",
                      help=text("bptt.t_help", lang))
    if moved and t == ss.get(AUTO_T):
        st.info(text("bptt.t_moved", lang, T=T, t=t, word=tg.tokens[T - 1],
                     L=f"{ls.losses[t - 1]:.3g}"), icon=":material/moving:")
    views.chart(make_backward(ls, t, unknown=tg.unknown, look=ctx.look), key="bptt_backward",
                ctx=ctx, t=t, on_select=lambda: select_loss("bptt_backward"),
                selection_mode="points")
    st.markdown(text("bptt.s1.explain", lang))
    st.markdown(f"#### {text('bptt.s2.heading', lang)}")
    chart, words = st.columns([5, 2], gap="medium")
    views.chart(make_flow(ls, t, look=ctx.look), key="bptt_flow", ctx=ctx, t=t, where=chart)
    words.markdown(text("bptt.s2.explain", lang))
    words.markdown(text("bptt.s2.now", lang, rho=f"{rho:.2f}", f=f,
                        fmean=f"{ls.mean_fprime:.2f}",
                        factor=factor_text(ls.step_factor(t)),
                        trend=text(f"bptt.trend.{lesson.trend(ls.step_factor(t))}", lang)))
    if rho > 1 and f in ("tanh", "sigmoid") and lesson.trend(ls.step_factor(t)) == "vanishing":
        words.markdown(text("bptt.s2.saturation", lang, rho=f"{rho:.2f}", f=f))
    if ls.cuts:
        words.markdown(text("bptt.s2.truncation", lang, k=ls.truncate))


backward_views()

# --- 3, 4 and 5 one below the other -----------------------------------------------
# (Not in tabs: Streamlit's tab panel walks every node of its content on each rerun
# looking for something to focus, 11 ms per keystroke under these two charts.)
def gradients_section():
    chart, words = st.columns([5, 2], gap="medium")
    views.chart(make_gradients(ls, look=ctx.look), key="bptt_grads", ctx=ctx, where=chart)
    words.markdown(text("bptt.s3.explain", lang))
    if ls.cuts:
        words.markdown(text("bptt.s3.truncated", lang, k=ls.truncate, **{
            f"d{k}": percent(v) for k, v in ls.truncation_error().items()}))
    views.chart(make_dw_terms(ls, look=ctx.look), key="bptt_terms", ctx=ctx)
    st.caption(text("bptt.s3.terms", lang))


@st.fragment
def gradient_check():
    st.markdown(text("bptt.s4.explain", lang, tol=sci(TOLERANCE, 1)))
    fingerprint = (id(ctx.model), scale, f, tuple(tg.trace.x), tuple(y))
    if st.button(text("bptt.s4.run", lang), key="bptt_check", icon=":material/rule:"):
        with np.errstate(all="ignore"):
            ss[CHECK] = (fingerprint, gradcheck(model, tg.trace.x[None], y[None]))
    result = ss.get(CHECK)
    if result and result[0] == fingerprint:
        errors = result[1]
        st.table(pd.DataFrame({
            text("bptt.s4.param", lang): [f"∂L/∂{k}" if k != "s0" else "∂L/∂s₀"
                                          for k in errors],
            text("bptt.s4.worst", lang): [sci(v) for v in errors.values()],
            text("bptt.s4.verdict", lang): [
                "✓ " + text("bptt.s4.agree", lang) if v < TOLERANCE else
                "✗ " + text("bptt.s4.disagree", lang) for v in errors.values()],
        }), hide_index=True)
        if not all(v < TOLERANCE for v in errors.values()):
            st.caption(text("bptt.s4.differs", lang, L=sci(ls.loss)))
        if ls.cuts:
            st.caption(text("bptt.s4.truncated", lang, k=ls.truncate))


def sgd_section():
    st.markdown(text("bptt.s5.explain", lang))
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        lr = st.select_slider(text("bptt.s5.lr", lang), LEARNING_RATES, value=0.5, key=LR,
                              width=320, help=text("bptt.s5.lr_help", lang))
        st.button(text("bptt.s5.step", lang), key="bptt_sgd", type="primary",
                  icon=":material/south:", on_click=sgd_step,
                  args=(model, tg.trace.x, y, tg.tokens, trunc, lr, scale, f),
                  help=text("bptt.s5.step_help_truncated", lang, scale=f"{scale:.2f}", f=f,
                            k=ls.truncate, gap=percent(ls.gradient_gap())) if ls.cuts else
                  text("bptt.s5.step_help", lang, scale=f"{scale:.2f}", f=f))
        origin = ss.get(ORIGIN) if models.session_source() == "sgd" else None
        st.button(text("bptt.s5.reset", lang), key="bptt_reset", icon=":material/restart_alt:",
                  on_click=reset_model, disabled=origin is None,
                  help=text("bptt.s5.reset_help", lang))
        if origin is not None:
            st.caption(text("bptt.s5.count", lang, n=origin["steps"]))
    last = ss.get(LAST_STEP)
    if isinstance(last, tuple):
        st.error(text("bptt.s5.overflow", lang, lr=last[1]), icon=":material/error:")
    elif isinstance(last, lesson.Step) and last.model is ctx.model \
            and np.array_equal(last.before.x, tg.trace.x):
        step_result(last)


def step_result(last: lesson.Step):
    """Before and after the step: tags, loss, and how far each parameter moved."""
    columns = st.columns([2, 2, 1], gap="medium")
    for col, key, tr, loss in ((columns[0], "bptt.s5.before", last.before, last.loss_before),
                               (columns[1], "bptt.s5.after", last.after, last.loss_after)):
        col.markdown(f"**{text(key, lang)}** · L = {loss:.4f}")
        col.markdown(chips_html(tg.tokens, tr.pred_tags, tr.confidence, tg.unknown,
                                unknown_note=text("tagging.unknown", lang),
                                font_px=ctx.look.scaled(1.1)), unsafe_allow_html=True)
    columns[2].metric(text("bptt.s5.loss", lang), f"{last.loss_after:.4f}",
                      delta=f"{last.loss_after - last.loss_before:+.4f}", delta_color="inverse")
    if last.truncated:                      # θ − η g with g truncated BPTT's, not ∂L/∂θ
        st.caption(text("bptt.s5.truncated_step", lang, k=last.truncate, gap=percent(last.gap)))
    st.markdown(f"**{text('bptt.s5.changes', lang)}**")
    st.table(pd.DataFrame({
        text("bptt.s4.param", lang): list(PARAM_NAMES),
        "‖Δθ‖": [sci(last.change[k]) for k in PARAM_NAMES],
        "‖Δθ‖ / ‖θ‖": [sci(last.relative[k]) for k in PARAM_NAMES],
    }), hide_index=True)


st.markdown(f"#### {text('bptt.s3.heading', lang)}")
gradients_section()
st.markdown(f"#### {text('bptt.s4.heading', lang)}")
gradient_check()
st.markdown(f"#### {text('bptt.s5.heading', lang)}")
sgd_section()
