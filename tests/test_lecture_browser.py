"""Lecture mode in Chromium: presenter view text sizes, keyboard stepping and play, chart
downloads (SVG, PNG ×2), the theme menu, the copy link, bad links, the offline view."""
import re
import struct
import time
import urllib.parse
from contextlib import contextmanager

import pytest

from browser_util import screenshot, settle, wait_for_box
from rnnviz.figures.style import DARK_BG, LIGHT_BG

pytestmark = pytest.mark.browser
SENTENCE = "我 吃 苹果 和 香蕉"


@contextmanager
def opened(browser, base, path="", *, width=1600, height=1000, locale="en-US",
           dark=False, url=None, **query):
    """A fresh browser context (its own locale and colour scheme) on the app's page."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale,
                                  color_scheme="dark" if dark else "light",
                                  accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url or f"{base}/{path}?{urllib.parse.urlencode(query)}")
    settle(page)
    if query.get("s") or url:                                   # a sentence: wait for its charts
        page.wait_for_selector(".js-plotly-plot .main-svg text", timeout=30_000)
        settle(page)
    try:
        yield page
    finally:
        context.close()


def open_share(page):
    """Open the share & export popover (its content is built when it opens)."""
    page.locator(".st-key-lecture_share button").first.click()
    page.wait_for_selector("[data-testid='stPopoverBody'] code", timeout=15_000)
    settle(page)
    return page.locator("[data-testid='stPopoverBody'] code").first


def param(page, name):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query).get(name, [None])[0]


def wait_for(page, predicate, timeout=15.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        page.wait_for_timeout(150)
    return False


def hex_of(css: str) -> str:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


FONT_SIZES = """() => {
    const out = [];
    for (const el of document.querySelectorAll('.js-plotly-plot svg text, .js-plotly-plot svg tspan')) {
        if (!el.textContent.trim() || el.closest('.hoverlayer')) continue;
        const box = el.getBBox ? el.getBBox() : {width: 1};
        if (!box.width) continue;                       // not drawn
        out.push({size: parseFloat(getComputedStyle(el).fontSize), text: el.textContent.trim(),
                  tag: el.tagName});
    }
    return out;
}"""


def chart_background(page, key):
    """The paper colour of a chart (Plotly paints it on its first svg)."""
    return page.evaluate(f"""() => {{
        const svg = document.querySelector('.st-key-{key} .main-svg');
        return svg ? getComputedStyle(svg).backgroundColor : 'none'; }}""")


PRESENTER_VIEWS = [("", "en", False), ("", "en", True), ("", "zh", False), ("", "zh", True),
                   ("weights", "en", False), ("weights", "zh", True)]


@pytest.mark.parametrize("path", ["bptt", "why"])
def test_presenter_view_of_the_other_sentence_pages_is_readable_too(browser, app_server, path):
    with opened(browser, app_server.base, path, width=1920, height=1080, locale="zh-CN",
                s=SENTENCE, present="true") as page:
        assert page.locator("[data-testid='stException']").count() == 0 and not page.errors
        sizes = page.evaluate(FONT_SIZES)
        assert len(sizes) > 30
        assert not [s for s in sizes if s["size"] < 18]
        screenshot(page, f"presenter-{path}-zh-light")


@pytest.mark.parametrize("path, lang, dark", PRESENTER_VIEWS,
                         ids=[f"{p or 'network'}-{lang}-{'dark' if d else 'light'}"
                              for p, lang, d in PRESENTER_VIEWS])
def test_presenter_view_is_readable_from_the_back(browser, app_server, path, lang, dark):
    with opened(browser, app_server.base, path, width=1920, height=1080, dark=dark,
                locale="zh-CN" if lang == "zh" else "en-US", s=SENTENCE, t=3,
                present="true") as page:
        assert page.locator("[data-testid='stException']").count() == 0 and not page.errors
        sizes = page.evaluate(FONT_SIZES)
        assert len(sizes) > 30
        small = [s for s in sizes if s["size"] < 18]
        assert not small, small[:10]
        app_bg = hex_of(page.evaluate("getComputedStyle(document.querySelector("
                                      "'[data-testid=stApp]')).backgroundColor"))
        assert app_bg == (DARK_BG if dark else LIGHT_BG)
        key = "heatmaps_chart" if path else "unrolled"
        assert hex_of(chart_background(page, key)) == app_bg
        # the lecturer's controls only, over the full width
        assert not page.locator(".st-key-model").is_visible()
        assert not page.locator(".st-key-lecture_share").is_visible()
        main = page.locator("[data-testid='stMainBlockContainer']").bounding_box()
        assert main["width"] > 1850
        print(f"{path or 'network'} {lang} dark={dark}: smallest figure text "
              f"{min(s['size'] for s in sizes):.1f} px of {len(sizes)}")
        screenshot(page, f"presenter-{path or 'network'}-{lang}-{'dark' if dark else 'light'}")


def test_keyboard_steps_plays_and_pauses(browser, app_server):
    with opened(browser, app_server.base, s=SENTENCE, speed="fast") as page:
        page.mouse.click(5, 700)                           # the page has the focus
        page.keyboard.press("ArrowRight")
        assert wait_for(page, lambda: param(page, "t") == "2")
        page.keyboard.press("End")
        assert wait_for(page, lambda: param(page, "t") == "5")
        page.keyboard.press("Home")
        assert wait_for(page, lambda: param(page, "t") is None)
        page.keyboard.press("Space")                       # play: t walks to T and stops
        assert wait_for(page, lambda: param(page, "t") == "3")
        assert wait_for(page, lambda: param(page, "t") == "5")
        assert wait_for(page, lambda: "play" in page.locator(".st-key-t_play").inner_text())
        settle(page)                                       # stopped at the end
        assert param(page, "t") == "5"
        page.locator(".st-key-speed button", has_text="slow").click()   # 1.6 s a step
        assert wait_for(page, lambda: param(page, "speed") == "slow")
        settle(page)
        page.mouse.click(5, 700)            # Space on the focused speed button would press it
        page.keyboard.press("Space")                       # play again, from t = 1 ...
        assert wait_for(page, lambda: param(page, "t") == "2")
        page.keyboard.press("Space")       # ... and pause (no settle: the page changes each step)
        settle(page)
        paused_at = param(page, "t")
        page.wait_for_timeout(2500)                        # more than a step at this speed
        assert param(page, "t") == paused_at and paused_at in ("2", "3", "4")
        assert "play" in page.locator(".st-key-t_play").inner_text()
        # the link in the share panel follows the step (a fragment rerun)
        code = open_share(page)
        assert f"t={paused_at}" in code.inner_text()
        page.keyboard.press("Home")               # a fragment rerun: the open link follows
        assert wait_for(page, lambda: "t=1&" in code.inner_text())
        page.keyboard.press("Escape")
        # Space typed in the sentence box is a space, not play
        box = page.locator("[data-testid='stTextInput'] input").first
        box.click()
        box.press("End")
        page.keyboard.type(" 吗")
        settle(page)
        assert box.input_value().endswith(" 吗")
        page.wait_for_timeout(1200)
        assert param(page, "t") in (paused_at, None, "1")
        assert not page.errors


def test_the_step_slider_moved_by_keys_and_by_the_mouse_moves_t(browser, app_server):
    """What streamlit_fence.stale_bound_value assumes: a value the user gives the bound
    slider reaches the address before its rerun, so the app keeps it (a Streamlit that
    sent it first would see the user's step undone)."""
    with opened(browser, app_server.base, s=SENTENCE, t=2) as page:
        thumb = page.locator(".st-key-t input[type='range']")
        thumb.focus()
        page.keyboard.press("ArrowRight")
        assert wait_for(page, lambda: param(page, "t") == "3")
        settle(page)
        assert param(page, "t") == "3" and thumb.input_value() == "3"
        track = page.locator(".st-key-t [role='group'] > div").first
        box = track.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2)
        assert wait_for(page, lambda: param(page, "t") == "5")
        settle(page)
        assert param(page, "t") == "5" and thumb.input_value() == "5"
        assert not page.errors


def download(page, click) -> tuple[str, bytes]:
    with page.expect_download() as info:
        click()
    d = info.value
    return d.suggested_filename, open(d.path(), "rb").read()


@pytest.mark.parametrize("key", ["unrolled", "formula"])
def test_charts_download_as_svg_and_png_with_readable_names(browser, app_server, key):
    with opened(browser, app_server.base, s="我 吃 苹果", t=2) as page:
        chart = page.locator(f".st-key-{key} .js-plotly-plot")
        chart.hover()
        svg = chart.locator(".rnnviz-svg")
        assert svg.get_attribute("data-title") == "Download as SVG (for slides)"
        name, body = download(page, svg.click)
        assert name == f"rnnviz_network_我-吃-苹果_t2_{key}.svg"
        assert body.lstrip().startswith(b"<svg") and "吃".encode() in body
        chart.hover()
        png = chart.locator(".modebar-btn[data-title='Download as PNG (2×)']")
        name, body = download(page, png.click)
        assert name == f"rnnviz_network_我-吃-苹果_t2_{key}.png"
        width, height = struct.unpack(">II", body[16:24])           # the PNG header
        box = chart.bounding_box()
        assert abs(width - 2 * box["width"]) <= 4 and abs(height - 2 * box["height"]) <= 4
        assert not page.errors


def test_the_menu_theme_redraws_the_figures_at_once(browser, app_server):
    with opened(browser, app_server.base, s="我 吃 苹果") as page:
        assert hex_of(chart_background(page, "unrolled")) == LIGHT_BG
        page.click("[data-testid='stMainMenu']")
        page.locator("[data-testid='stMainMenuList']").get_by_text("Dark").first.click()
        # no other interaction: the browser helper reports the theme, the app reruns
        assert wait_for(page, lambda: hex_of(chart_background(page, "unrolled")) == DARK_BG)
        page.keyboard.press("Escape")                      # close the menu
        settle(page)
        assert "embed_options=dark_theme" in open_share(page).inner_text()
        screenshot(page, "theme-switched-to-dark")


def test_the_copy_link_reproduces_the_view_on_another_computer(browser, app_server):
    # a Chinese browser: the language is the default, so it is not in the address
    with opened(browser, app_server.base, "weights", locale="zh-CN", s="I eat apples", t=2,
                present="true") as page:
        assert param(page, "lang") is None
        page.locator(".st-key-present label").first.click()     # presenter off: share shows
        settle(page)
        link = open_share(page).inner_text().strip()
    assert "/weights?" in link and "lang=zh" in link and "present=false" in link
    # an English browser opens it: the same page, language, step and sentence
    with opened(browser, app_server.base, url=link, locale="en-US") as page:
        assert page.url.split("?")[0].endswith("/weights")
        wait_for_box(page, "I eat apples")
        assert page.locator("[data-testid='stTextInput'] input").first.input_value() == \
            "I eat apples"
        assert page.locator("[data-testid='stTextInput'] label").first.inner_text() \
            .startswith("句子")
        assert param(page, "t") == "2"
        assert not page.locator(".st-key-present input").is_checked()


def test_a_bad_link_opens_with_a_notice(browser, app_server):
    with opened(browser, app_server.base, s="我 吃 苹果", t="abc", lang="fr", foo="1",
                bptt_wscale="1e9", speed="warp") as page:
        notice = page.locator(".st-key-url_notice").inner_text()
        for part in ("t=abc", "lang=fr", "foo", "bptt_wscale=1e9", "speed=warp"):
            assert part in notice
        assert page.locator("[data-testid='stException']").count() == 0
        assert param(page, "foo") is None and param(page, "t") is None
        assert " ".join(page.locator(".rnnviz-chip").all_inner_texts()) == "我/nn 吃/v 苹果/nn"
        screenshot(page, "bad-link-notice")
        page.locator(".st-key-url_notice_ok button").click()
        settle(page)
        assert page.locator(".st-key-url_notice").count() == 0


def test_download_this_view_and_open_it_offline(browser, app_server, tmp_path):
    with opened(browser, app_server.base, s="我 吃 苹果", t=2, lang="zh") as page:
        open_share(page)
        button = page.locator(".st-key-lecture_dl_html button").first
        name, body = download(page, button.click)
    assert name == "rnnviz_network_我-吃-苹果_t2.html"
    path = tmp_path / name
    path.write_bytes(body)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        "file://") else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.rnnviz-figure .main-svg').length >= 5",
                           timeout=30_000)
    assert outside == [] and errors == []
    assert "第 t = 2 步" in page.inner_text("body")
    print(f"offline view: {len(body) / 1e6:.2f} MB")
    screenshot(page, "export-offline-view")
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", ["", "weights"], ids=["network", "weights"])
def test_screenshots_in_both_languages(browser, app_server, path, lang):
    with opened(browser, app_server.base, path, locale="zh-CN" if lang == "zh" else "en-US",
                s="我 吃 苹果" if lang == "zh" else "I eat apples", t=2) as page:
        assert page.locator("[data-testid='stException']").count() == 0 and not page.errors
        label = page.locator("[data-testid='stTextInput'] label").first.inner_text()
        assert label.startswith("句子" if lang == "zh" else "Sentence")
        screenshot(page, f"lang-{path or 'network'}-{lang}")


@pytest.mark.parametrize("path", ["weights", "bptt", ""])
def test_a_deep_link_is_the_first_visit_of_a_fresh_server(browser, path):
    """The first run of a server process still treats pages/ as auto-discovered
    (Streamlit decides before app.py runs): the page must get the whole frame, the
    navigation must be ours, and no "Page not found" may flash up."""
    from browser_util import Server
    server = Server("app.py")
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.add_init_script("""window.__dialogs = [];
            new MutationObserver(() => document.querySelectorAll('[role=dialog]').forEach(
                d => window.__dialogs.push(d.innerText))).observe(document,
                {childList: true, subtree: true});""")
        page.goto(f"{server.base}/{path}?s={urllib.parse.quote('我 吃 苹果')}&lang=en")
        page.wait_for_selector(".js-plotly-plot .main-svg text", timeout=60_000)
        settle(page)
        assert page.evaluate("window.__dialogs") == []
        wait_for_box(page, "我 吃 苹果")
        assert page.locator("[data-testid='stTextInput'] input").first.input_value() == \
            "我 吃 苹果"                                        # the frame's sentence box
        nav = page.locator("header").inner_text()
        assert "Weights & states" in nav and "heatmaps" not in nav and "why rnn" not in nav
        assert page.url.split("?")[0] == f"{server.base}/{path}"
        context.close()
    finally:
        server.stop()
