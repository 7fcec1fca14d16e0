"""The BPTT page's state for this session, and the callbacks that change it.

What the page keeps between reruns is one ``State`` under
``session_keys.BPTT_PAGE``: the target tags the user corrected, the gradient
check's last result, the model before the first SGD step (``Origin``, so the steps
can be undone), the last step, and the step t whose loss is followed back. The
callbacks (run before the next rerun draws anything) take the ``State`` and what
else they use as arguments: correct or reset a target, take an SGD step on this
session's model only, undo the steps, set the W-scale and f controls, follow the
loss clicked in the backward graph. The page's sections are in ``bptt_page``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from ..lessons import backprop as lesson
from ..nn.model import RNN
from . import models, session_keys, urlstate
from .context import Context

SCALE, F, T = (urlstate.BY_NAME[name] for name in ("bptt_wscale", "bptt_f", "bptt_t"))


@dataclass
class Origin:
    """This session's model before its first SGD step, and the controls then."""
    model: RNN | None           # None: the session had no model of its own
    source: str | None
    choice: str | None          # the built-in / mine switch
    scale: float
    f: str
    steps: int = 0              # SGD steps taken since


@dataclass
class State:
    """What the BPTT page keeps for this session between reruns."""
    targets: dict = field(default_factory=dict)   # (i, token) -> tag the user chose
    check: tuple | None = None          # (what was checked, worst error per parameter)
    origin: Origin | None = None        # set by the first SGD step, cleared by undo
    last_step: lesson.Step | None = None
    overflow_lr: float | None = None    # the last step overflowed at this η
    seen_f: str | None = None           # the model's own f when last drawn
    last_T: int | None = None           # the sentence length the followed t was shown for
    auto_t: int | None = None           # the followed t when it is the default's


@dataclass(frozen=True)
class Setup:
    """The controls' values and the model variant they make."""
    scale: float
    f: str
    truncate: int | None        # None: full BPTT
    model: RNN                  # the variant: W × scale, activation f
    rho: float                  # ρ(W) of the variant


def state(ctx: Context) -> State:
    """This session's page state; another model brings its own f to the f control."""
    ss = st.session_state
    s = ss.get(session_keys.BPTT_PAGE)
    if not isinstance(s, State):
        s = ss[session_keys.BPTT_PAGE] = State()
    if s.seen_f not in (None, ctx.model.f):
        ss[F.name] = ctx.model.f
    s.seen_f = ctx.model.f
    return s


def follow_sentence(s: State, ls: lesson.Lesson) -> tuple[int, bool]:
    """The step t whose loss is followed back, kept in 1..T as the sentence changes
    (``lesson.followed_step``), and whether the default moved away from L_T."""
    ss = st.session_state
    t, following = lesson.followed_step(ls, ss.get(T.name), s.last_T, s.auto_t)
    ss[T.name], s.last_T = t, ls.T
    s.auto_t = t if following else None
    return t, following and t != ls.T


# --- callbacks ----------------------------------------------------------------------
def set_controls(scale: float, f: str) -> None:
    st.session_state[SCALE.name], st.session_state[F.name] = scale, f


def set_target(s: State, i: int, token: str) -> None:
    tag = st.session_state.get(session_keys.BPTT_TARGET.format(i=i))
    if tag is not None:
        s.targets[(i, token)] = tag


def reset_targets(s: State) -> None:
    s.targets.clear()


def sgd_step(s: State, setup: Setup, x, y, tokens, lr: float) -> None:
    step = lesson.sgd_step(setup.model, x, y, lr=lr, truncate=setup.truncate, tokens=tokens)
    if not step.finite:
        s.last_step, s.overflow_lr = None, lr
        return
    if models.session_source() != "sgd" or s.origin is None:       # first step: remember
        s.origin = Origin(models.session_model(), models.session_source(),
                          st.session_state.get(models.CHOICE_KEY), setup.scale, setup.f)
    s.origin.steps += 1
    models.set_session_model(step.model, "sgd")
    set_controls(1.0, step.model.f)           # the scaled W and f are now the model's own
    s.last_step, s.overflow_lr = step, None


def undo_steps(s: State) -> None:
    origin, s.origin = s.origin, None
    if origin.model is None:
        models.clear_session_model()
    else:
        models.set_session_model(origin.model, origin.source)
        st.session_state[models.CHOICE_KEY] = origin.choice or "builtin"
    set_controls(origin.scale, origin.f)
    s.last_step = s.overflow_lr = None


def select_loss(key: str, T_: int) -> None:
    """on_select of the backward graph: a clicked loss L_t is followed."""
    points = ((st.session_state.get(key) or {}).get("selection") or {}).get("points", [])
    for p in points:
        k = p.get("customdata")
        k = k[0] if isinstance(k, list) and k else k
        if isinstance(k, (int, float)) and 1 <= int(k) <= T_:
            st.session_state[T.name] = int(k)
            return
