"""The frame around every page: page config, navigation, sidebar, the sentence box.

``app.py`` calls ``start()`` and runs the page it returns. The pages are the
files in ``pages/``, listed once in ``PAGES`` and shown with ``st.navigation``
(so Streamlit's automatic ``pages/`` discovery is off, and ``AppTest`` reaches
every page through ``app.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..i18n import LANG_NAMES, LANGS, text
from . import context, models, resources


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    url_path: str
    icon: str
    sentence: bool          # shows the live sentence box


# URL paths differ from the file names on purpose: AppTest.switch_page mistakes
# a page whose url_path equals its file stem for an auto-discovered pages/ page
# and runs it without this frame (tests/test_pages.py checks the rule).
PAGES = (
    PageSpec("pages/network.py", "nav.network", "rnn", ":material/hub:", True),
    PageSpec("pages/heatmaps.py", "nav.heatmaps", "weights", ":material/grid_on:", True),
    PageSpec("pages/bptt.py", "nav.bptt", "backprop", ":material/undo:", True),
    PageSpec("pages/why_rnn.py", "nav.why", "why", ":material/compare_arrows:", True),
    PageSpec("pages/training.py", "nav.training", "train", ":material/model_training:", False),
)

SENTENCE_KEY = "s"
DEFAULT_SENTENCE = "我 吃 苹果"
MAX_SENTENCE_CHARS = 400


def start():
    """Configure the page, draw the common frame, return the page to run."""
    st.set_page_config(page_title="rnnviz", page_icon="🔁", layout="wide",
                       initial_sidebar_state="collapsed")
    resources.warm_tokenizer()
    lang = context.language()
    pages = [st.Page(p.file, title=text(p.title_key, lang), url_path=p.url_path, icon=p.icon,
                     default=(i == 0)) for i, p in enumerate(PAGES)]
    current = st.navigation(pages, position="top")
    spec = next((p for p in PAGES if p.url_path == current.url_path), PAGES[0])
    box, model, settings = st.columns([7, 2, 2], vertical_alignment="bottom")
    with settings:
        language_switch(lang)
    with model:
        models.choice_widget(lang)
    with box:
        sentence = sentence_box(lang) if spec.sentence else st.session_state.get(SENTENCE_KEY, "")
    context.build(sentence)
    return current


def language_switch(lang: str) -> None:
    st.segmented_control(text("shell.language", lang), LANGS, key="lang",
                         default=context.language(), format_func=LANG_NAMES.get,
                         bind="query-params", persist_state="session")


def sentence_box(lang: str) -> str:
    """The live sentence box, bound to ``?s=`` and kept across pages."""
    return st.text_input(text("sentence.label", lang), DEFAULT_SENTENCE, key=SENTENCE_KEY,
                         max_chars=MAX_SENTENCE_CHARS, live=True, bind="query-params",
                         persist_state="session",
                         placeholder=text("sentence.placeholder", lang))
