"""The frame around every page: page config, navigation, the top bar, URL checks.

``app.py`` calls ``main()``: ``start()``, the page it returns, ``finish()``.
The pages are the files in ``pages/``, listed once in ``PAGES`` and shown with
``st.navigation``; each page's URL path is its file name. Every page begins with
``ctx = shell.page()``, which also covers the one run where Streamlit still
treats ``pages/`` as auto-discovered (see ``page``). The top bar holds the live
sentence box, the model and language switches, the presenter view and the
share & export panel; under it, on the sentence pages, the mode switch (tag each word
or predict the next: the language-model page). Every setting is in the URL (``rnnviz.ui.urlstate``); a
parameter that cannot be used is reported in a notice and dropped.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitAPIException

from ..figures.style import esc_markdown
from ..i18n import LANG_NAMES, LANGS, text
from . import (context, export, models, resources, session_keys, steps, typing_hold, urlstate,
               views)
from . import streamlit_fence as fence


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    url_path: str
    icon: str
    sentence: bool          # shows the live sentence box


# url_path = the file's stem, the path Streamlit's pages/ discovery gives it too, so
# both name a page alike (tests/test_pages.py checks it; see ``page``). The menu's order
# is the tutorial's: the guided lesson, the motivation, the mechanics, training. The
# page at "/" stays the network (urlstate.HOME): links made before the lesson existed
# open what they opened, and the network page points new visitors to the lesson.
PAGES = (
    PageSpec("pages/lesson.py", "nav.lesson", urlstate.LESSON, ":material/school:", True),
    PageSpec("pages/why.py", "nav.why", urlstate.WHY, ":material/compare_arrows:", True),
    PageSpec("pages/network.py", "nav.network", urlstate.NETWORK, ":material/hub:", True),
    PageSpec("pages/weights.py", "nav.heatmaps", urlstate.WEIGHTS, ":material/grid_on:", True),
    PageSpec("pages/bptt.py", "nav.bptt", urlstate.BACKPROP, ":material/undo:", True),
    PageSpec("pages/cells.py", "nav.cells", urlstate.CELLS, ":material/memory:", True),
    PageSpec("pages/lm.py", "nav.lm", urlstate.LM, ":material/edit_note:",
             True),
    PageSpec("pages/train.py", "nav.training", urlstate.TRAIN, ":material/model_training:",
             False),
)
HOME_PAGE = next(p for p in PAGES if p.url_path == urlstate.HOME)

SENTENCE_KEY = "s"
SENTENCE = urlstate.BY_NAME[SENTENCE_KEY]
DEFAULT_SENTENCE = SENTENCE.default
MAX_SENTENCE_CHARS = SENTENCE.max_len
LANG_KEY = "lang"
NOTICE_KEY = "_rnnviz_url_notice"       # problems of the opening URL, until dismissed
CUT_KEY = "_rnnviz_sentence_cut"        # how long the sentence was when it was cut
SHARE_KEY = "lecture_share"


def main() -> None:
    """The whole app: the frame, the page chosen in the URL, the share panel."""
    current = start()
    try:
        with fence.page_frame():
            current.run()
        finish()
    finally:
        typing_hold.end_run()


def page() -> context.Context:
    """A page's first line: the context of this rerun.

    A ``pages/`` file that Streamlit runs without ``app.py`` around it (the first
    run of a server process, every ``AppTest`` run: ``streamlit_fence.page_frame``)
    runs the whole app here instead (whose ``st.navigation`` finds the same page
    under the same URL path) and stops."""
    if fence.page_run_directly():
        main()
        st.stop()
    return context.get()


def sentence_page(model_for=None) -> context.Context:
    """``page()`` for a page about the typed sentence: while the box is blank it
    shows the prompt with the folded network and stops. ``model_for(lang)`` gives
    the network the page runs when it is not the tagger."""
    ctx = page()
    if not views.sentence_ready(ctx, model_for(ctx.lang) if model_for else None):
        st.stop()
    return ctx


def start():
    """Configure the page, draw the common frame, return the page to run."""
    st.set_page_config(page_title="rnnviz", page_icon="🔁", layout="wide",
                       initial_sidebar_state="collapsed")
    check_url()             # first: Streamlit drops a bound value it cannot parse
    for name in (LANG_KEY, steps.SPEED_KEY):
        context.seed_from_url(name)
    resources.warm_tokenizer()
    lang = context.language()
    pages = [st.Page(p.file, title=text(p.title_key, lang), url_path=p.url_path, icon=p.icon,
                     default=p is HOME_PAGE) for p in PAGES]
    current = st.navigation(pages, position="top")
    spec = next((p for p in PAGES if p.url_path == current.url_path), HOME_PAGE)
    # presenter view hides the model switch and the share panel (PRESENTER_HIDDEN, kept
    # drawn so that their state stays): their columns shrink to nothing, so that the
    # language and presenter switches are not clipped at 1366 px in the larger type
    widths = [10, 0.01, 4, 5, 0.01] if context.presenting() else [10, 3, 3, 3, 3]
    box, model, language, present, share = st.columns(widths, vertical_alignment="bottom")
    with language:
        language_switch(lang)
    with present:
        presenter_switch(lang)
    with model:
        models.choice_widget(lang)
    with share:
        popover = st.popover(text("lecture.share", lang), icon=":material/ios_share:",
                             help=text("lecture.share_help", lang), key=SHARE_KEY,
                             on_change="rerun")
        views.share_slot(popover.empty(), bool(popover.open))
    with box:
        sentence = sentence_box(lang) if spec.sentence else st.session_state.get(SENTENCE_KEY, "")
    if spec.sentence:
        mode_switch(spec, lang)
    ctx = context.build(sentence, spec.url_path)
    held = typing_hold.start_run(ctx.text, ctx.tagging, live=views.browser_live())
    style(context.presenting(), lang)
    notice(lang)
    views.browser_helper(lang, ctx.look.dark, export.filename(ctx.page, ctx.text), held)
    return current


def finish() -> None:
    """After the page: the share panel, unless the page's play fragment drew it."""
    if not views.panel_drawn():
        views.share_panel(context.get())


def language_switch(lang: str) -> None:
    """中文 / English (URL ``?lang=``, kept by context.keep_in_url: see there why)."""
    st.session_state.setdefault(LANG_KEY, lang)
    value = st.segmented_control(text("shell.language", lang), LANGS, key=LANG_KEY,
                                 format_func=LANG_NAMES.get, required=True,
                                 persist_state="session")
    context.keep_in_url(LANG_KEY, value, context.browser_language())


def presenter_switch(lang: str) -> None:
    st.toggle(text("lecture.present", lang), key=context.PRESENT_KEY, bind="query-params",
              help=text("lecture.present_help", lang))


def sentence_box(lang: str) -> str:
    """The live sentence box, bound to ``?s=`` and kept across pages.

    It commits on every keystroke (``live="0ms"``): with ``live=True`` it waited for a
    250 ms pause, which someone typing continuously never makes, so nothing moved until
    they stopped. Streamlit commits nothing while an input method composes (pinyin
    letters are not sent until the characters are chosen) and writes the value to the
    URL with ``history.replaceState`` (Back does not step through keystrokes); a
    keystroke that changes no token rebuilds nothing (``context.build``, ``views.figure``);
    tests/test_live_typing_browser.py checks all three in Chromium."""
    if st.session_state.get(CUT_KEY) == "link":     # the last run found it too long
        cut_sentence()
    value = st.text_input(text("sentence.label", lang), DEFAULT_SENTENCE, key=SENTENCE_KEY,
                          live="0ms", bind="query-params", persist_state="session",
                          on_change=cut_sentence,
                          placeholder=text("sentence.placeholder", lang))
    if isinstance(value, str) and len(value) > MAX_SENTENCE_CHARS:
        # from the link: a widget's value can change only before it is drawn, so again
        st.session_state[CUT_KEY] = "link"
        st.rerun()
    had = st.session_state.get(CUT_KEY)
    if had:
        st.caption(text("sentence.cut", lang, n=MAX_SENTENCE_CHARS, had=had))
    return value


# --------------------------------------------------------------------------- mode

MODE_FROM_KEY = session_keys.MODE_FROM
LM_FILE = "pages/lm.py"


def mode_switch(spec: PageSpec, lang: str) -> None:
    """Tag each word or predict the next word: the same network, another head. Two
    page links, the current mode's marked: "next" opens the language-model page, "tags"
    the tagging page last shown (the network page at first). Links, not a widget that
    switches pages: ``st.switch_page`` clears the URL, which the bound sentence box
    forbids; the sentence, language and presenter view travel in the session (see
    ``lead``)."""
    if spec.file != LM_FILE:
        st.session_state[MODE_FROM_KEY] = spec.file
    back = st.session_state.get(MODE_FROM_KEY, HOME_PAGE.file)
    with st.container(horizontal=True, gap="small", key="mode", vertical_alignment="center"):
        st.caption(text("mode.label", lang), width="content", help=text("mode.help", lang))
        for file, key, icon in ((back, "mode.tags", ":material/label:"),
                                (LM_FILE, "mode.next", ":material/east:")):
            st.page_link(file, label=text(key, lang), icon=icon, width="content")


def cut_sentence() -> None:
    """Keep the first MAX_SENTENCE_CHARS characters of a longer sentence (pasted, typed
    or in the link) and remember how long it was, for the note under the box.

    The box has no ``max_chars``: Streamlit's box ignores a change that would make it
    longer than that, so a longer paste did nothing at all."""
    value = st.session_state.get(SENTENCE_KEY)
    if isinstance(value, str) and len(value) > MAX_SENTENCE_CHARS:
        st.session_state[SENTENCE_KEY] = value[:MAX_SENTENCE_CHARS]
        st.session_state[CUT_KEY] = len(value)
    else:
        st.session_state.pop(CUT_KEY, None)


# --------------------------------------------------------------------------- URL

def check_url() -> None:
    """Check the URL's parameters against ``urlstate``; drop and remember the bad ones.

    Runs before any widget: on the first run the URL is still as typed, and
    Streamlit silently drops a bound value it cannot parse when the widget is
    drawn, so this is the only moment to see it."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    _, problems = urlstate.check({k: [context.aliases().get(k, {}).get(v, v) for v in vs]
                                  for k, vs in params.items()})
    # a sentence too long for the box: its first characters, said under the box
    problems = [p for p in problems if not (p.name == SENTENCE_KEY and p.reason == "length")]
    if params.get(models.CHOICE_KEY, [""])[-1] == "session" and models.session_model() is None:
        problems.append(urlstate.Problem(models.CHOICE_KEY, "session", "session"))
    for p in problems:
        if p.reason != "session":           # that one the model switch resets itself
            try:
                del st.query_params[p.name]
            except StreamlitAPIException:   # bound to a widget: Streamlit drops it itself
                pass
    if problems:
        st.session_state[NOTICE_KEY] = problems


def _typed(s: str, limit: int = 40) -> str:
    """User text for a Markdown notice: cut, and its Markdown shown as typed."""
    s = str(s)
    return esc_markdown(s[:limit] + ("…" if len(s) > limit else ""))


def notice(lang: str) -> None:
    """The notice about unusable URL parameters, until the user dismisses it."""
    problems = st.session_state.get(NOTICE_KEY)
    if not problems:
        return
    lines = [text("lecture.url.notice", lang)]
    for p in problems:
        field = urlstate.BY_NAME.get(p.name)
        allowed = field.max_len if p.reason == "length" else field.allowed if field else ""
        lines.append("- " + text(f"lecture.url.{p.reason}", lang, name=_typed(p.name),
                                 raw=_typed(p.raw), allowed=_typed(str(allowed))))
    with st.container(horizontal=True, vertical_alignment="center", key="url_notice"):
        st.warning("\n".join(lines), icon=":material/link_off:")
        st.button(text("lecture.url.ok", lang), key="url_notice_ok",
                  on_click=lambda: st.session_state.pop(NOTICE_KEY, None))


# --------------------------------------------------------------------------- look

# The step buttons' key hints (Home, Space, ←…; their tooltips say them too) go where
# the five buttons would not fit on one line: under 1320 px (1700 px in the presenter
# view's bigger text), and on phones, which have no keys.
STEP_KEY_HINTS_PX = {False: 1320, True: 1700}
# what the presenter view hides besides Streamlit's deploy button: the lecturer's
# tools only (hide more by adding keys)
PRESENTER_HIDDEN = (models.CHOICE_KEY, SHARE_KEY)


def style(presenting: bool, lang: str = "en") -> None:
    """The page's CSS (all of it in ``streamlit_fence``: it selects on Streamlit's markup)."""
    css = (fence.base_css(context.BROWSER_KEY)
           + fence.uploader_css(text("streamlit.upload", lang))
           + fence.key_hints_css("t_", STEP_KEY_HINTS_PX[presenting])    # steps' buttons
           + (fence.presenter_css(PRESENTER_HIDDEN) if presenting else ""))
    st.html(f"<style>{css}</style>")
