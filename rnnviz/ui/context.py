"""What every page needs for this rerun: language, look, model and the tagged sentence.

``build`` runs once per full rerun in ``app.py`` (after the sentence box);
pages and fragments call ``get``. The context lives in this session's state,
so nothing here is shared between users.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

from ..figures.style import Look
from ..i18n import LANG_NAMES, LANGS, pick_lang, text
from ..nn.model import RNN
from ..text.tokenize import tokenize
from ..training.tagger import Tagging, tag_text
from . import models, session_keys, urlstate

KEY = session_keys.CONTEXT
PRESENT_KEY = "present"           # presenter view (URL ?present=true)
BROWSER_KEY = session_keys.BROWSER  # the browser helper (views.browser_helper) and its state
NORMAL_FONT, PRESENTER_FONT, PRESENTER_MIN = 14, 22, 19    # px of figure text


@dataclass(frozen=True, eq=False)
class Context:
    lang: str
    look: Look
    model: RNN
    text: str
    tagging: Tagging | None        # None while the sentence is blank
    page: str = ""                 # the URL path of the page drawn

    @property
    def T(self) -> int:
        return self.tagging.T if self.tagging else 0


# --- URL state of option widgets -------------------------------------------------
# A bound option widget (``bind="query-params"``) writes its *formatted* label to the
# URL, which for a translated label would make the link depend on the language
# (?speed=慢). The language and speed switches keep their URL parameter themselves,
# with the values of rnnviz.ui.urlstate (?lang=zh&speed=slow).

@functools.lru_cache(maxsize=1)
def aliases() -> dict[str, dict[str, str]]:
    """Labels some widgets write to the URL instead of the urlstate values: the model
    switch (a bound segmented control with translated labels) and older ?lang= links."""
    return {"lang": {name: code for code, name in LANG_NAMES.items()},
            models.CHOICE_KEY: {text(f"models.{c}", lang): c
                                for c in models.CHOICES for lang in LANGS}}


def seed_from_url(name: str) -> None:
    """Set ``st.session_state[name]`` from the URL the first time this session sees it."""
    if name in st.session_state:
        return
    raw = st.query_params.get(name)
    if raw is not None:
        raw = aliases().get(name, {}).get(raw, raw)
        try:
            st.session_state[name] = urlstate.BY_NAME[name].parse(raw)
        except urlstate.BadValue:           # shell.check_url reports it
            pass


def keep_in_url(name: str, value, default) -> None:
    """Write ``value`` to the URL (or remove the parameter when it is the default)."""
    want = None if value == default or value is None else urlstate.BY_NAME[name].format(value)
    if st.query_params.get(name) != want:
        if want is None:
            del st.query_params[name]
        else:
            st.query_params[name] = want


def browser_language() -> str:
    """The language of the browser's locale: the language switch's default."""
    return pick_lang(getattr(st.context, "locale", None))


def language() -> str:
    """The interface language: the URL/switch if set, else the browser's locale."""
    lang = st.session_state.get("lang")         # the switch, or the URL (seed_from_url)
    return lang if lang in LANGS else browser_language()


def presenting() -> bool:
    value = st.session_state.get(PRESENT_KEY)
    if value is None:                           # first run: the switch isn't drawn yet
        value = str(st.query_params.get(PRESENT_KEY, "")).lower() == "true"
    return bool(value)


def dark() -> bool:
    """Whether the app is in its dark theme: as the browser last reported it (a
    theme change from Streamlit's menu reruns nothing by itself), else as the
    rerun's context says."""
    theme = (st.session_state.get(BROWSER_KEY) or {}).get("theme")
    if theme not in ("dark", "light"):
        theme = getattr(getattr(st.context, "theme", None), "type", None)
    return theme == "dark"


def look(lang: str) -> Look:
    if presenting():
        return Look(lang=lang, font_size=PRESENTER_FONT, dark=dark(), min_size=PRESENTER_MIN)
    return Look(lang=lang, font_size=NORMAL_FONT, dark=dark())


def current_model() -> RNN:
    return models.current()


def build(text: str | None, page: str = "") -> Context:
    """Tag ``text`` with the current model and remember the result for this rerun."""
    lang = language()
    model = current_model()
    text = text or ""
    lk = look(lang)
    cache = st.session_state.get(KEY)
    same_input = cache is not None and cache.text == text and cache.model is model
    if same_input and (cache.lang, cache.look, cache.page) == (lang, lk, page):
        return cache
    if same_input:
        tagging = cache.tagging                 # only how it is drawn changed
    else:
        tagging = _tagging(model, text, cache)
    ctx = Context(lang, lk, model, text, tagging, page)
    st.session_state[KEY] = ctx
    return ctx


def _tagging(model: RNN, text: str, cache: Context | None) -> Tagging | None:
    """``text`` tagged by ``model``; the last rerun's tagging itself when the text has the
    same tokens (a space typed between words, a character being composed): the figures
    cached for it (``views.figure``) stay valid and nothing is built again."""
    if not text.strip():
        return None
    last = cache.tagging if cache is not None and cache.model is model else None
    if last is not None and tokenize(text, model.word_index) == last.tokenized:
        return last
    tagging = tag_text(model, text)
    return tagging if tagging.T else None


def get() -> Context:
    ctx = st.session_state.get(KEY)
    if ctx is None:                 # a page run on its own (tests): build it now
        ctx = build(st.session_state.get("s", ""))
    return ctx
