"""Stepping through time: a slider for t, first/previous/play/next/last with keys.

The selected step lives in ``st.session_state["t"]``, bound to the URL
parameter ``t`` by the slider. Buttons change it in callbacks (before the
slider is drawn), and it is clamped to 1..T whenever the sentence changes.
"""
from __future__ import annotations

import streamlit as st

from ..i18n import text

PLAY_SPEEDS = {"slow": 1.6, "normal": 0.9, "fast": 0.45}     # seconds per step


def clamp(T: int) -> int:
    t = st.session_state.get("t", 1)
    t = min(max(int(t) if isinstance(t, int) else 1, 1), max(T, 1))
    st.session_state["t"] = t
    return t


def _go(delta: int | None = None, to: int | None = None, T: int = 1) -> None:
    t = st.session_state.get("t", 1)
    t = to if to is not None else t + (delta or 0)
    st.session_state["t"] = min(max(t, 1), T)


def _toggle_play(T: int) -> None:
    playing = not st.session_state.get("playing", False)
    st.session_state["playing"] = playing
    if playing and st.session_state.get("t", 1) >= T:
        st.session_state["t"] = 1                     # replay from the start


def controls(T: int, lang: str) -> int:
    """Draw the step controls; return the selected step t (1..T)."""
    clamp(T)
    playing = st.session_state.get("playing", False)
    buttons, slider = st.columns([5, 7], vertical_alignment="bottom")
    with buttons.container(horizontal=True, gap="small"):
        st.button(text("steps.first", lang), icon=":material/first_page:", key="t_first", on_click=_go,
                  kwargs=dict(to=1, T=T), shortcut="Home", help=text("steps.first_help", lang))
        st.button(text("steps.prev", lang), icon=":material/chevron_left:", key="t_prev", on_click=_go,
                  kwargs=dict(delta=-1, T=T), shortcut="Left",
                  help=text("steps.prev_help", lang))
        st.button(text("steps.pause" if playing else "steps.play", lang), key="t_play",
                  icon=":material/pause:" if playing else ":material/play_arrow:",
                  on_click=_toggle_play, args=(T,), shortcut="P",
                  help=text("steps.play_help", lang),
                  type="primary" if playing else "secondary")
        st.button(text("steps.next", lang), icon=":material/chevron_right:", key="t_next", on_click=_go,
                  kwargs=dict(delta=1, T=T), shortcut="Right",
                  help=text("steps.next_help", lang))
        st.button(text("steps.last", lang), icon=":material/last_page:", key="t_last", on_click=_go,
                  kwargs=dict(to=T, T=T), shortcut="End", help=text("steps.last_help", lang))
    if T > 1:
        slider.slider(text("steps.slider", lang), 1, T, key="t", bind="query-params")
    return st.session_state["t"]


def advance_if_playing(T: int) -> None:
    """Called by the play fragment on each tick: next step, stop at T."""
    if not st.session_state.get("playing", False):
        return
    t = st.session_state.get("t", 1)
    if t >= T:
        st.session_state["playing"] = False
    else:
        st.session_state["t"] = t + 1


def select_from_chart(key: str, T: int) -> None:
    """on_select callback of the unrolled graph: a clicked column selects its step."""
    state = st.session_state.get(key)
    points = (state or {}).get("selection", {}).get("points", []) if state else []
    for p in points:
        t = p.get("customdata")
        if isinstance(t, list):
            t = t[0] if t else None
        if isinstance(t, (int, float)) and 1 <= int(t) <= T:
            st.session_state["t"] = int(t)
            st.session_state["playing"] = False
            return
