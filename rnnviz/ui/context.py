"""What every page needs for this rerun: language, look, model and the tagged sentence.

``build`` runs once per full rerun in ``app.py`` (after the sentence box);
pages and fragments call ``get``. The context lives in this session's state,
so nothing here is shared between users.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..figures.style import Look
from ..i18n import LANGS, pick_lang
from ..model import RNN
from ..tagger import Tagging, tag_text
from . import models

KEY = "_rnnviz_context"


@dataclass(frozen=True, eq=False)
class Context:
    lang: str
    look: Look
    model: RNN
    text: str
    tagging: Tagging | None        # None while the sentence is blank

    @property
    def T(self) -> int:
        return self.tagging.T if self.tagging else 0


def language() -> str:
    """The interface language: the URL/switch if set, else the browser's locale."""
    lang = st.session_state.get("lang")
    if lang in LANGS:
        return lang
    lang = st.query_params.get("lang")          # first run: the switch isn't drawn yet
    if lang in LANGS:
        return lang
    return pick_lang(getattr(st.context, "locale", None))


def look(lang: str) -> Look:
    presenter = bool(st.session_state.get("present", False))
    dark = getattr(getattr(st.context, "theme", None), "type", None) == "dark"
    return Look(lang=lang, font_size=20 if presenter else 14, dark=dark)


def current_model() -> RNN:
    return models.current()


def build(text: str | None) -> Context:
    """Tag ``text`` with the current model and remember the result for this rerun."""
    lang = language()
    model = current_model()
    text = text or ""
    cache = st.session_state.get(KEY)
    if cache is not None and cache.text == text and cache.model is model and \
            cache.lang == lang and cache.look == look(lang):
        return cache
    tagging = tag_text(model, text) if text.strip() else None
    if tagging is not None and tagging.T == 0:
        tagging = None
    ctx = Context(lang, look(lang), model, text, tagging)
    st.session_state[KEY] = ctx
    return ctx


def get() -> Context:
    ctx = st.session_state.get(KEY)
    if ctx is None:                 # a page run on its own (tests): build it now
        ctx = build(st.session_state.get("s", ""))
    return ctx
