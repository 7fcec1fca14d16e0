"""Leading a visitor through the tutorial's argument, page by page.

Each page ends with a link to the next idea (``next_idea``), in the order of the
tutorial's argument: why one word at a time is not enough (*Why an RNN?*) → the
network → its weights and states → backpropagation through time → the LSTM and the
GRU, the cells that answer vanishing gradients → training → back to the guided lesson. The network page, which a new visitor opens at "/",
begins with one line pointing to the guided lesson (``new_visitor``), hidden in
presenter view.

The links are ``st.page_link``s without ``query_params``, like the menu's: the
sentence, the language and the presenter view travel in the session, and the
next page writes them to its address itself (the widgets bound to ``?s=`` and
``?present=``, ``context.keep_in_url`` for ``?lang=``). A link that also carried
them as ``query_params`` got each bound parameter twice in the address, once
more with every click (Streamlit 1.67, Chromium: ``?s=a&s=a&s=a``). A link to a
page this app does not list in ``shell.PAGES`` (the lesson, in a build without
it) is not drawn: ``st.page_link`` raises on an unknown page.
"""
from __future__ import annotations

import streamlit as st

from ..i18n import text
from . import context, shell, urlstate
from .context import Context

LESSON_FILE = "pages/lesson.py"     # the guided lesson, URL path "lesson"

# the page (URL path) -> the file of the page with the next idea
NEXT: dict[str, str] = {
    urlstate.WHY: "pages/network.py",
    urlstate.NETWORK: "pages/weights.py",
    urlstate.WEIGHTS: "pages/bptt.py",
    urlstate.BACKPROP: "pages/cells.py",
    urlstate.CELLS: "pages/train.py",
    urlstate.LM: "pages/train.py",
    urlstate.TRAIN: LESSON_FILE,
}


def spec_of(file: str | None) -> shell.PageSpec | None:
    """The page of ``file`` in this app's navigation, or None."""
    return next((p for p in shell.PAGES if p.file == file), None)


def next_idea(ctx: Context) -> None:
    """The page's last lines: one sentence saying what the next page shows, and the
    link to it (nothing on a page without a next one)."""
    spec = spec_of(NEXT.get(ctx.page))
    if spec is None:
        return
    lang = ctx.lang
    st.divider()
    st.markdown(text(f"lead.next.{ctx.page}", lang))
    st.page_link(spec.file, label=text("lead.next", lang, page=text(spec.title_key, lang)),
                 icon=":material/arrow_forward:")


def new_visitor(ctx: Context) -> None:
    """One line at the top of the network page: the guided lesson, for a new visitor.
    Not in presenter view (the lecturer is the guide there)."""
    spec = spec_of(LESSON_FILE)
    if spec is None or context.presenting():
        return
    # the sentence as text, the link short: Streamlit cuts a page link's label to one
    # line (an ellipsis at 390 px), while the row wraps the link under the text
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(text("lead.new_visitor", ctx.lang), width="content")
        st.page_link(spec.file, label=text("lead.start", ctx.lang), icon=":material/school:")
