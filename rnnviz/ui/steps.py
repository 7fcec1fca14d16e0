"""Stepping through time: a slider for t, first/previous/play/next/last with keys, speed.

The selected step lives in ``st.session_state["t"]``, bound to the URL
parameter ``t`` by the slider; the play speed in ``st.session_state["speed"]``
(URL ``speed``). Buttons change t in callbacks (before the slider is drawn),
and it is clamped to 1..T whenever the sentence changes. Keys: ← → Home End
step, Space plays and pauses while no control has the focus (a focused button is
pressed by Space, as anywhere on the web: ``rnnviz/ui/browser.js``). ``views.play_fragment`` runs the step views and ticks while playing.
"""
from __future__ import annotations

import streamlit as st

from ..i18n import text
from . import context, session_keys, urlstate
from . import streamlit_fence as fence

PLAY_SPEEDS = urlstate.PLAY_SPEEDS          # seconds per step
T_KEY, SPEED_KEY, PLAYING_KEY = "t", "speed", session_keys.PLAYING   # t, speed: URL fields
SERVER_KEY = session_keys.T_SERVER
SPEED = urlstate.BY_NAME[SPEED_KEY]


def set_step(t: int) -> None:
    """Select step t (in a callback, or before the slider is drawn)."""
    st.session_state[T_KEY] = st.session_state[SERVER_KEY] = t


def _undo_stale_slider() -> None:
    """Put back the step the app drew or set last when the browser sent the slider's older
    value (``streamlit_fence.stale_bound_value``: Pause pressed at t = 2 paused at the t
    shown before, and a play tick drew a step twice). Called first in every callback and
    run that reads t; every change of t by the app goes through set_step, so it is never
    undone."""
    server = st.session_state.get(SERVER_KEY)
    if fence.stale_bound_value(T_KEY, server, default=1):
        st.session_state[T_KEY] = server


def clamp(T: int) -> int:
    _undo_stale_slider()
    t = st.session_state.get(T_KEY, 1)
    t = min(max(int(t) if isinstance(t, int) else 1, 1), max(T, 1))
    set_step(t)
    return t


def _go(delta: int | None = None, to: int | None = None, T: int = 1) -> None:
    _undo_stale_slider()
    t = st.session_state.get(T_KEY, 1)
    t = to if to is not None else t + (delta or 0)
    set_step(min(max(t, 1), T))
    st.session_state[PLAYING_KEY] = False          # stepping by hand stops the play


def _toggle_play(T: int) -> None:
    _undo_stale_slider()
    playing = not st.session_state.get(PLAYING_KEY, False)
    st.session_state[PLAYING_KEY] = playing
    if playing and st.session_state.get(T_KEY, 1) >= T:
        set_step(1)                                     # replay from the start


def seconds_per_step() -> float | None:
    """The play fragment's tick while playing, else None."""
    if not st.session_state.get(PLAYING_KEY, False):
        return None
    return PLAY_SPEEDS.get(st.session_state.get(SPEED_KEY), PLAY_SPEEDS[SPEED.default])


def controls(T: int, lang: str) -> int:
    """Draw the step controls; return the selected step t (1..T)."""
    clamp(T)
    playing = st.session_state.get(PLAYING_KEY, False)
    # the five buttons and the three speeds each fit on one line at 1366 px (the buttons'
    # key hints go under 1320 px: ui.shell.STEP_KEY_HINTS_PX); the slider takes what is left
    buttons, slider, speed = st.columns([7, 4, 3], vertical_alignment="bottom")
    with buttons.container(horizontal=True, gap="small", vertical_alignment="bottom"):
        _button("first", ":material/first_page:", "Home", lang, kwargs=dict(to=1, T=T))
        _button("prev", ":material/chevron_left:", "Left", lang, kwargs=dict(delta=-1, T=T))
        st.button(text("steps.pause" if playing else "steps.play", lang), key="t_play",
                  icon=":material/pause:" if playing else ":material/play_arrow:",
                  on_click=_toggle_play, args=(T,), shortcut="Space",
                  help=text("steps.play_help", lang),
                  type="primary" if playing else "secondary")
        _button("next", ":material/chevron_right:", "Right", lang, kwargs=dict(delta=1, T=T))
        _button("last", ":material/last_page:", "End", lang, kwargs=dict(to=T, T=T))
    if T > 1:
        slider.slider(text("steps.slider", lang), 1, T, key=T_KEY, bind="query-params")
        st.session_state[SERVER_KEY] = st.session_state[T_KEY]     # as drawn (a link's t)
    st.session_state.setdefault(SPEED_KEY, SPEED.default)
    value = speed.segmented_control(text("steps.speed", lang), SPEED.choices, key=SPEED_KEY,
                                    required=True, persist_state="session",
                                    format_func=lambda s: text(f"steps.speed.{s}", lang),
                                    help=text("steps.speed_help", lang))
    context.keep_in_url(SPEED_KEY, value, SPEED.default)   # not bind=: see context
    return st.session_state[T_KEY]


def _button(name: str, icon: str, key: str, lang: str, kwargs: dict) -> None:
    st.button(text(f"steps.{name}", lang), icon=icon, key=f"t_{name}", on_click=_go,
              kwargs=kwargs, shortcut=key, help=text(f"steps.{name}_help", lang))


def advance_if_playing(T: int) -> None:
    """Called by the play fragment on each tick: next step, stop at T."""
    if not st.session_state.get(PLAYING_KEY, False):
        return
    _undo_stale_slider()
    t = st.session_state.get(T_KEY, 1)
    if t >= T:
        st.session_state[PLAYING_KEY] = False
    else:
        set_step(t + 1)


def select_from_chart(key: str, T: int) -> None:
    """on_select callback of the unrolled graph: a clicked column selects its step."""
    state = st.session_state.get(key)
    points = (state or {}).get("selection", {}).get("points", []) if state else []
    for p in points:
        t = p.get("customdata")
        if isinstance(t, list):
            t = t[0] if t else None
        if isinstance(t, (int, float)) and 1 <= int(t) <= T:
            set_step(int(t))
            st.session_state[PLAYING_KEY] = False
            return
