"""Which model this session looks at: the built-in one, or the session's own.

The built-in model is shared by every session and read-only. A session gets
its own model by training one, uploading one, or taking an SGD step on the
BPTT page; it lives in ``st.session_state`` only, so no other session ever
sees it. The switch (URL ``?model=builtin|session``) chooses which one every
page draws.
"""
from __future__ import annotations

import streamlit as st

from ..i18n import text
from ..nn.model import RNN
from . import resources, session_keys

CHOICE_KEY = "model"
SESSION_KEY = session_keys.SESSION_MODEL  # (model, source) where source says how it was made
CHOICES = ("builtin", "session")
PENDING_KEY = "_train_select"     # a trained model waits to be selected when the switch is drawn


def session_model() -> RNN | None:
    entry = st.session_state.get(SESSION_KEY)
    return entry[0] if entry else None


def session_source() -> str | None:
    entry = st.session_state.get(SESSION_KEY)
    return entry[1] if entry else None


def set_session_model(m: RNN, source: str, *, select: bool = True) -> None:
    """Keep ``m`` (frozen here: copy it to change it) as this session's model."""
    st.session_state[SESSION_KEY] = (m.frozen(), source)
    if select:
        st.session_state[CHOICE_KEY] = "session"


def select_session_model_later() -> None:
    """Select the session's model in the next run that draws the switch. A widget's value
    can be set only before the widget is drawn in a run (or in a callback), and a page or
    a fragment may find its model ready after the frame has drawn the switch."""
    st.session_state[PENDING_KEY] = True


def clear_session_model() -> None:
    st.session_state.pop(SESSION_KEY, None)
    st.session_state[CHOICE_KEY] = "builtin"


def current() -> RNN:
    """The model the pages draw: the session's if chosen and present, else the built-in."""
    if st.session_state.get(CHOICE_KEY) == "session":
        m = session_model()
        if m is not None:
            return m
    return resources.builtin_model()


def choice_widget(lang: str) -> None:
    """The built-in / my model switch (disabled until the session has a model)."""
    has_own = session_model() is not None
    if st.session_state.pop(PENDING_KEY, False) and has_own:
        st.session_state[CHOICE_KEY] = "session"
    if not has_own and st.session_state.get(CHOICE_KEY) == "session":
        st.session_state[CHOICE_KEY] = "builtin"
    st.segmented_control(
        text("models.choice", lang), CHOICES, key=CHOICE_KEY, default="builtin",
        format_func=lambda c: text(f"models.{c}", lang), bind="query-params",
        persist_state="session", disabled=not has_own,
        help=text("models.help" if has_own else "models.help_none", lang))
