"""The installed Streamlit still does what rnnviz/ui/streamlit_fence.py and
rnnviz/ui/browser.js assume.

Each test names one assumption; a failure after a Streamlit upgrade says which
piece of the fence to look at. The markup assumptions are checked in Streamlit's
frontend bundle (streamlit/static/**/*.js): the names must still be there. (The
test suite's own Streamlit workarounds are checked by tests/test_compat_apptest.py.)
"""
from __future__ import annotations

import functools
import inspect
import re
import tomllib
from pathlib import Path

import conftest
import pytest
import streamlit
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from rnnviz.ui import streamlit_fence as fence

STATIC = Path(streamlit.__file__).parent / "static"
FENCE_SOURCE = Path(fence.__file__).read_text(encoding="utf-8")


@functools.cache
def bundle() -> str:
    """Streamlit's frontend JavaScript, all files in one string."""
    files = sorted(STATIC.rglob("*.js"))
    assert files, f"no frontend bundle under {STATIC}"
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


@functools.cache
def literals() -> frozenset[str]:
    """Every string literal of the bundle (and the first word of each), e.g. `stApp`."""
    return frozenset(re.findall(r"[`\"']([\w-]+)[`\"' ]", bundle()))


# --- markup: data-testid names, st-key-<key>, stale and running states ---------------

def test_every_data_testid_used_is_in_the_fence_list():
    used = set(re.findall(r'data-testid="(\w+)"', FENCE_SOURCE + fence.browser_js()))
    assert used <= set(fence.TEST_IDS), f"add {sorted(used - set(fence.TEST_IDS))} to TEST_IDS"
    for path in (ROOT / "rnnviz").rglob("*.py"):
        if path.name != "streamlit_fence.py":
            source = path.read_text(encoding="utf-8")
            assert "data-testid" not in source and "st-key-" not in source, \
                f"{path.relative_to(ROOT)} selects on Streamlit's markup: move it to the fence"


@pytest.mark.parametrize("name", fence.TEST_IDS)
def test_the_frontend_still_emits_each_data_testid(name):
    assert name in literals(), (
        f'Streamlit\'s frontend no longer has data-testid "{name}": the CSS in '
        f"streamlit_fence (or browser.js) that selects on it no longer applies")


def test_keyed_elements_still_get_a_st_key_class():
    # the class is "st-key-" + the key with anything but letters, digits, _ and - replaced
    assert re.search(r"`st-key-`.{0,80}a-zA-Z0-9_-", bundle()), (
        "Streamlit no longer gives a keyed element's container the class st-key-<key>: "
        "streamlit_fence.key_class, the CSS built on it and browser.js need a new hook")


def test_element_containers_are_still_marked_stale_during_a_rerun():
    assert re.search(r'`stElementContainer`,"data-stale"', bundle()), (
        "stElementContainer no longer carries data-stale: streamlit_fence.NO_FADE_CSS does "
        "nothing (if Streamlit no longer fades stale elements, drop it)")


def test_the_app_still_says_when_a_script_runs():
    assert re.search(r'"data-testid":`stApp`,"data-test-script-state"', bundle())
    assert "running" in literals(), (
        'stApp\'s data-test-script-state is no longer "running" during a run: the browser '
        "tests' settle() and bench/live_latency.py wait on it")


def test_a_button_shortcut_hint_is_still_a_kbd():
    assert "kbd" in literals(), (
        "the key hint in a button with shortcut= is no longer a <kbd>: "
        "streamlit_fence.key_hints_css hides nothing")


def test_the_uploader_button_label_is_still_markdown():
    # uploader_css replaces the button's text, a <p> in stMarkdownContainer
    assert {"stFileUploaderDropzone", "stMarkdownContainer"} <= literals()


# --- components v2: the browser helper ------------------------------------------------

def test_components_v2_still_takes_inline_js():
    params = inspect.signature(streamlit.components.v2.component).parameters
    assert "js" in params and params["js"].kind is inspect.Parameter.KEYWORD_ONLY


def _helper_app():
    from rnnviz.ui import streamlit_fence as fence
    fence.browser_component()(key="rnnviz_browser", on_theme_change=lambda: None,
                              data={"theme": "light", "svg": "SVG", "prefix": "x"})


def test_the_helper_travels_inline_in_each_rerun_under_the_cache_threshold():
    """The minifier's premise: the js is sent in the element itself on every rerun, and
    the element is too small for Streamlit to send a cached reference instead."""
    at = AppTest.from_function(_helper_app).run()
    assert not at.exception
    (element,) = at.get("bidi_component")
    js = fence.minified(fence.browser_js())
    assert element.proto.js_content == js
    threshold = streamlit.config.get_option("global.minCachedMessageSize")
    assert element.proto.ByteSize() < threshold, (
        "the helper's element is now cached by Streamlit (sent once): the minifier in "
        "streamlit_fence saves less; measure again")
    assert len(fence.browser_js().encode()) - len(js.encode()) > 2000   # what it saves


def test_browser_js_is_a_package_file_and_is_loaded():
    path = Path(fence.__file__).with_name("browser.js")
    assert path.is_file() and fence.browser_js() == path.read_text(encoding="utf-8")
    assert "export default function (component)" in fence.browser_js()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "*.js" in data["tool"]["setuptools"]["package-data"]["*"]


def test_the_minifier_drops_only_comments_and_indentation():
    kept = iter(fence.minified(fence.browser_js()).splitlines())
    for line in fence.browser_js().splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        out = next(kept)
        assert line.startswith(out), line
        cut = line[len(out):]
        if cut:     # a trailing comment: nothing of the code (no string) is cut
            assert re.fullmatch(r"\s+//\s.*", cut), line
            assert all(out.count(q) % 2 == 0 for q in "'\"`"), line
    assert next(kept, None) is None


# --- components v2: the charts ---------------------------------------------------------

def _chart_app():
    import streamlit as st

    from rnnviz.ui import streamlit_fence as fence
    n = st.session_state["n"] = st.session_state.get("n", 0) + 1
    fence.chart_component()(key="c", data=b'{"n": %d}' % n, on_selection_change=lambda: None)


def test_a_keyed_component_keeps_its_identity_when_its_data_changes():
    """chart.js's premise: a chart drawn with the same key and a new figure is the same
    element, so the browser keeps it and Plotly.react updates it. If this fails, every
    new figure is a new chart again (as with st.plotly_chart)."""
    at = AppTest.from_function(_chart_app).run()
    (first,) = at.get("bidi_component")
    at.run()
    (second,) = at.get("bidi_component")
    assert first.proto.bytes != second.proto.bytes
    assert first.proto.id == second.proto.id


def test_chart_js_is_a_package_file_and_minifies_cleanly():
    path = Path(fence.__file__).with_name("chart.js")
    assert path.is_file() and fence.chart_js() == path.read_text(encoding="utf-8")
    assert "export default function (component)" in fence.chart_js()
    assert "//" not in fence.minified(fence.chart_js())


def test_a_declared_component_path_is_served_under_its_name():
    """plotly_js_url's premise: Streamlit serves the files of a components v1
    declaration's ``path`` at <base>/component/<registered name>/<file>. (That the
    browser then loads plotly.js from it is checked in tests/test_chart_browser.py.)"""
    from streamlit.web.server.starlette import starlette_routes
    assert starlette_routes.BASE_ROUTE_COMPONENT == "component"
    assert "get_component_path" in inspect.getsource(starlette_routes.create_component_routes)


# --- pages/ files run without app.py --------------------------------------------------

def test_a_pages_file_is_still_run_without_app_py(monkeypatch):
    """shell.page runs the whole app when Streamlit runs a pages/ file directly (AppTest
    does on every switch_page, a server on its first run). If this fails, Streamlit no
    longer does: streamlit_fence.page_frame may be dropped."""
    seen = []
    real = fence.page_run_directly
    monkeypatch.setattr(fence, "page_run_directly", lambda: seen.append(real()) or seen[-1])
    at = conftest.run_app(page="pages/weights.py")
    assert not at.exception
    assert True in seen, "no page ran without app.py around it"
    assert at.session_state["_rnnviz_context"].page == "weights"   # drawn inside the frame
