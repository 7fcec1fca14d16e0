"""Everything rnnviz does that leans on undocumented Streamlit behaviour (1.67).

The rest of ``rnnviz.ui`` uses Streamlit's documented API only. Each piece here
says what it works around and what measurement (or which choice) justifies it;
``tests/test_compat_streamlit.py`` checks every assumption against the installed
Streamlit and fails when a release breaks one. The browser side is
``browser.js`` next to this file, mounted by ``browser_component``, and ``chart.js``,
every chart of the app, mounted by ``chart_component`` (see "charts" below).

What the CSS here and ``browser.js`` select on is Streamlit's frontend markup,
not its API: the ``data-testid`` names in ``TEST_IDS``, the class
``st-key-<key>`` on the container of every element drawn with ``key=`` and the
attribute ``data-stale`` of an element container while a rerun runs.
"""
from __future__ import annotations

import contextlib
import functools
import re
import threading
from importlib import resources
from pathlib import Path

import plotly
import streamlit as st

# The data-testid names the CSS below and browser.js use (the compat tests find each in
# Streamlit's frontend bundle, and every name used here or in browser.js in this list).
TEST_IDS = ("stApp", "stMainBlockContainer", "stElementContainer",
            "stAppDeployButton", "stFileUploaderDropzone", "stFileUploaderDropzoneInstructions",
            "stMarkdownContainer")


def key_class(key: str) -> str:
    """The CSS class of the container Streamlit wraps around an element drawn with
    ``key=key`` (keys of letters, digits, ``_`` and ``-`` are used as they are)."""
    return f"st-key-{key}"


# --------------------------------------------------------------------------- bound widgets

def stale_bound_value(key: str, drawn, default) -> bool:
    """Whether ``st.session_state[key]``, a widget bound to the URL field ``key``
    (``bind="query-params"``), holds an older value the browser sent back instead of
    ``drawn``, the value the app last drew it with.

    When a run changes the value (a play tick, a step button), Streamlit's frontend puts
    the new value in the address at once but takes it into the widget state it sends
    only two React effects later (useBasicWidgetState). A click or a fragment tick in
    between sends the old value, which Streamlit makes the session's value again.
    Measured with Chromium under two busy loops: in 4 of 10 runs of the keyboard
    play/pause test the Pause click arrived with t = 5 while the address said t = 2.
    A value the user chose (a slider dragged or moved by keys) is written to the
    address before its rerun, so a value that differs from ``drawn`` while the
    address still holds ``drawn`` is one the browser has not caught up with.
    ``default``: the value a URL without the field stands for."""
    value = st.session_state.get(key)
    if drawn is None or value == drawn:
        return False
    url = st.query_params.get(key)
    in_url = default if url is None else (int(url) if url.isdigit() else None)
    return in_url == drawn


# --------------------------------------------------------------------------- page CSS

# The browser helper (browser_component) draws nothing, but its element container would
# still take a place (and a gap) in the column: hidden.
def _helper_css(helper_key: str) -> str:
    return f".{key_class(helper_key)} {{ display: none; }}\n"


# The page starts right under the top navigation: Streamlit's 6rem of padding leave a
# blank band that a laptop screen needs for the figures (a layout choice).
TOP_CSS = '[data-testid="stMainBlockContainer"] { padding-top: 4.5rem; }\n'

# Elements are not faded while a rerun runs. Streamlit marks every element container
# data-stale="true" for the ~50 ms of a rerun, with an opacity transition that starts and
# is cancelled on each keystroke. Measured with python bench/browser_trace.py bptt (a
# space typed in a 20-token sentence; Chromium's main thread for the 3 s after it, its
# waits doubled for 2 busy cores): with this rule 4-6 paints (6-30 ms) and 4-7 style
# recalculations (18-52 ms); without it 593-692 paints (95-256 ms), 8-11 style
# recalculations (40-43 ms) and 6-7 layouts (5-9 ms). The "Running" indicator at the top
# still shows a rerun.
NO_FADE_CSS = ('[data-testid="stElementContainer"][data-stale="true"] {\n'
               '    opacity: 1 !important; transition: none !important; }')


def base_css(helper_key: str) -> str:
    """The CSS of every page (``helper_key``: the browser helper's key)."""
    return _helper_css(helper_key) + TOP_CSS + NO_FADE_CSS


# Streamlit's file uploader writes its own English: "Upload" on its button (said in the
# interface language instead) and "20MB per file" under it (our labels say the limit).
_UPLOADER_CSS = """
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
    font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
    content: "{upload}"; font-size: 0.875rem; }}
"""


def uploader_css(upload: str) -> str:
    """The file uploaders' button says ``upload``; their size note is hidden."""
    return _UPLOADER_CSS.format(upload=upload.replace('"', ""))


# A button's shortcut hint is a <kbd> in the button. The hints of the buttons whose keys
# start with ``key_prefix`` are hidden below ``px`` px of window width.
_KEY_HINTS_CSS = ('@media (max-width: {px}px) {{ [class*="st-key-{prefix}"] button kbd '
                  '{{ display: none; }} }}\n')


def key_hints_css(key_prefix: str, px: int) -> str:
    return _KEY_HINTS_CSS.format(prefix=key_prefix, px=px)


# Presenter view: bigger interface text (Streamlit sizes in rem), the full width, no
# deploy button, the elements drawn with the keys ``hidden`` hidden. The last rule is
# Plotly's, not Streamlit's: Plotly draws sub- and superscripts at 70 % of the text,
# too small on a projector.
def presenter_css(hidden: tuple[str, ...]) -> str:
    keys = "".join(f", .{key_class(k)}" for k in hidden)
    return ("\nhtml { font-size: 22px; }\n"
            '[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 4rem 1.5rem 2rem; }\n'
            f'[data-testid="stAppDeployButton"]{keys} {{\n    display: none; }}\n'
            '.js-plotly-plot text tspan[style*="font-size:70%"] { font-size: 95% !important; }\n')


# --------------------------------------------------------------------------- scrolling

SCROLL_CSS = ("<style>.st-key-{key}_scroll {{ overflow-x: auto; overflow-y: hidden; }}\n"
              ".st-key-{key}_scroll > .st-key-{key} {{ min-width: {min_width}px; }}</style>")


def scroller(key: str, min_width: int, where=None):
    """A container that scrolls sideways when it is narrower than ``min_width`` px, for
    the element ``key`` drawn in it (a chart that must be drawn that wide for its labels
    not to overlap: a long sentence, a phone). The page itself never gets wider than the
    screen. Relies on the keyed element's container being a direct child of the keyed
    container's."""
    box = (where or st).container(key=f"{key}_scroll")
    st.html(SCROLL_CSS.format(key=key, min_width=min_width))
    return box


# --------------------------------------------------------------------------- pages/ run directly

# Streamlit decides once per server process, before any of our code runs, whether
# pages/ is auto-discovered: the first session's first run (and every AppTest run)
# executes a pages/ file named in the URL directly, without app.py. Such a page must
# run the whole app itself (shell.page). tests/test_lecture_browser.py opens each kind
# of link as the first visit of a fresh server.
_frame = threading.local()      # how deep this script thread is inside app.py's page run


@contextlib.contextmanager
def page_frame():
    """Around the page run by app.py's ``st.navigation``."""
    _frame.depth = getattr(_frame, "depth", 0) + 1
    try:
        yield
    finally:
        _frame.depth -= 1


def page_run_directly() -> bool:
    """Whether the running page was started by Streamlit without app.py around it."""
    return not getattr(_frame, "depth", 0)


# --------------------------------------------------------------------------- browser.js

def browser_js() -> str:
    """The browser helper's source (package data next to this module)."""
    return resources.files(__package__).joinpath("browser.js").read_text(encoding="utf-8")


def minified(js: str) -> str:
    """``js`` without comment lines, trailing ``// `` comments and indentation.

    Streamlit sends a component's ``js=`` inside the element on every rerun
    (BidiComponent.js_content), and the element stays under the 10 KB from which
    Streamlit sends a repeated message as a reference to the browser's copy
    (global.minCachedMessageSize). Measured with tests/st_client.py: the helper's
    element is 5,249 bytes with browser.js minified (5,038 bytes of it) and would be
    8,504 with the file as it is (8,293): 3.3 KB less on every rerun, where a
    keystroke's whole rerun is 12.6-79 KB (weights, network, BPTT pages; 25-29 KB
    for one that changes no token on the network and BPTT pages). The minified
    text keeps every code line whole (tests/test_compat_streamlit.py)."""
    lines = (re.sub(r"^//.*$|\s+//\s.*$", "", line.strip()) for line in js.splitlines())
    return "\n".join(line for line in lines if line)


@functools.lru_cache(maxsize=1)
def browser_component():
    """The browser helper as a components v2 component (mount it with its key and data)."""
    return st.components.v2.component("rnnviz_browser", js=minified(browser_js()))


# --------------------------------------------------------------------------- charts
# st.plotly_chart gives a chart a new element id whenever its figure changes (the id
# hashes the spec; a key does not replace it), so on every keystroke that changed a
# figure React unmounted the chart and Plotly drew a new one from scratch, blank in
# between. A components v2 element drawn with a key keeps that key as its identity
# (documented for v2), so ``chart.js`` keeps its plot and hands each new figure to
# Plotly.react. plotly.js itself is the copy inside the plotly package, served by the
# route Streamlit gives a components v1 declaration's files (``plotly_js_url``; the
# route's layout is not documented). Measured (bench/RESULTS.md, "Charts kept on the
# page"): a keystroke that adds a token on / changes 242-1,772 DOM nodes instead of
# 3,334-3,804; closed-loop p95 against the floor 2.06 -> 1.37 on /, 2.54 -> 1.32 on /bptt.

def chart_js() -> str:
    """The chart component's source (package data next to this module)."""
    return resources.files(__package__).joinpath("chart.js").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def chart_component():
    """Every chart of the app, as a components v2 component (``chart.js``)."""
    return st.components.v2.component("rnnviz_chart", js=minified(chart_js()),
                                      isolate_styles=False)


PLOTLY_JS_COMPONENT = "rnnviz_plotly_js"


@functools.lru_cache(maxsize=1)
def plotly_js_url() -> str:
    """Where the browser loads plotly.js from: the copy inside the plotly package, served
    by Streamlit's route for a (components v1) component's files, which serves the files
    of a declared component's ``path`` at ``<base>/component/<name>/<file>``. The
    declaration registers only inside a script run: call this from a page's run."""
    files = Path(plotly.__file__).parent / "package_data"
    component = st.components.v1.declare_component(PLOTLY_JS_COMPONENT, path=str(files))
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + base if base else ''}/component/{component.name}/plotly.min.js"
