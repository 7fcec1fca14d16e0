"""Issue 21's page in Chromium: typing changes the next-word bars; on a phone (390×844)
the page never scrolls sideways and no chart has overlapping or small labels; the mode
switch opens the page; screenshots at 390×844, 1366×768 and the presenter view at
1920×1080 (test-artifacts/lm-*.png)."""
import urllib.parse

import numpy as np
import pytest
from browser_util import screenshot, settle
from test_issue17_browser import CHART_TEXTS, overlapping

from rnnviz.lessons import lm
from rnnviz.ui import resources

pytestmark = pytest.mark.browser
CHARTS = ("lm_unrolled", "lm_bars", "lm_formula", "lm_temperature")

# the bars' word labels top to bottom (best first)
BAR_LABELS = """() => [...document.querySelectorAll('.st-key-lm_bars .ytick text')]
    .map((t) => [t.getBoundingClientRect().top, t.textContent])
    .sort((a, b) => a[0] - b[0]).map((a) => a[1])"""


def open_lm(browser, base, *, width, height, **query):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    page = context.new_page()
    page.goto(f"{base}/lm?{urllib.parse.urlencode(query)}")
    settle(page)
    for key in CHARTS:
        page.locator(f".st-key-{key} .js-plotly-plot .main-svg").first.wait_for()
    settle(page)
    return page


def expected_bars(sentence: str, t: int) -> list[str]:
    """The 10 words the engine ranks highest at step t (the bars' labels, best first)."""
    m = resources.lm_model(lm.language_of(sentence))
    rd = lm.read(m, sentence)
    return [m.tags[k] for k in lm.top(m, rd.trace.o[t - 1])]


def test_typing_changes_the_bars(browser, app_server):
    page = open_lm(browser, app_server.base, width=1366, height=768, lang="en", s="I",
                   t="2")
    try:
        before = page.evaluate(BAR_LABELS)
        assert [w.split(" (#")[0] for w in before[:10]] == expected_bars("I", 2)
        box = page.locator("[data-testid='stTextInput'] input").first
        box.click()
        box.press("Control+a")
        box.press_sequentially("you", delay=180)
        assert expected_bars("you", 2) != expected_bars("I", 2)
        page.wait_for_function(
            f"(want) => ({BAR_LABELS})().slice(0, 10).join('|') === want",
            arg="|".join(expected_bars("you", 2)))
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.context.close()


@pytest.mark.parametrize("sentence", ["I want to eat the big fish in the park today",
                                      "我 想 吃 苹果 和 香蕉"], ids=["en", "zh"])
def test_a_phone_shows_the_page_without_overflow_or_overlap(browser, app_server, sentence):
    page = open_lm(browser, app_server.base, width=390, height=844, lang="en", s=sentence,
                   t="3", lm_temp="1.5", lm_topk="30")
    try:
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        for key in CHARTS:
            texts = page.evaluate(CHART_TEXTS, key)
            assert texts, key
            assert min(t[1] for t in texts) >= 11, (key, min(texts, key=lambda t: t[1]))
            assert not overlapping(texts), (key, overlapping(texts)[:5])
        screenshot(page, f"lm-phone-{'zh' if lm.language_of(sentence) == 'zh' else 'en'}")
    finally:
        page.context.close()


def test_the_mode_switch_opens_the_page(browser, app_server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{app_server.base}/?lang=en&s={urllib.parse.quote('I eat fish')}")
        settle(page)
        page.locator(".st-key-mode a", has_text="Predict the next word").click()
        page.wait_for_url("**/lm*")
        page.locator(".st-key-lm_bars .js-plotly-plot").first.wait_for()
        settle(page)
        assert "s=I+eat+fish" in page.url or "s=I%20eat%20fish" in page.url
        page.locator(".st-key-mode a", has_text="Tag each word").click()
        page.wait_for_function("() => !location.pathname.endsWith('/lm')")
        settle(page)
        assert page.locator(".st-key-unrolled .js-plotly-plot").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("name,width,height,query", [
    ("phone", 390, 844, "lang=zh"),
    ("laptop", 1366, 768, "lang=zh"),
    ("presenter", 1920, 1080, "lang=en&present=true"),
])
def test_screenshots(browser, app_server, name, width, height, query):
    s = "我 想 吃 苹果" if name != "presenter" else "I want to eat the big fish"
    page = open_lm(browser, app_server.base, width=width, height=height,
                   **dict(urllib.parse.parse_qsl(query)), s=s, t="3")
    try:
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        if name == "presenter":             # readable from the back, as the other pages
            from test_lecture_browser import FONT_SIZES
            for key in CHARTS:
                sizes = [t[1] for t in page.evaluate(CHART_TEXTS, key)]
                assert np.min(sizes) >= 19, key
            small = [s for s in page.evaluate(FONT_SIZES) if s["size"] < 18]
            assert not small, small[:5]
        screenshot(page, f"lm-{name}")
    finally:
        page.context.close()


def test_the_offline_html_carries_this_pages_figures(page, app_server):
    """Share & export → this view as HTML: the language model's four figures at step t."""
    from test_lecture_browser import download, open_share
    page.goto(f"{app_server.base}/lm?lang=en&s={urllib.parse.quote('I eat fish')}&t=4")
    settle(page)
    open_share(page)
    name, body = download(page, page.locator(".st-key-lecture_dl_html button").first.click)
    assert name.startswith("rnnviz_lm_I-eat-fish_t4")
    html = body.decode("utf-8")
    assert html.count("Plotly.newPlot(") == 4
    for kind in ("lm_bars", "lm_temperature", "Language model: 16 hidden units"):
        assert kind in html, kind


SLIDERS = """() => [...document.querySelectorAll('[data-testid=stSlider]')].map(
  (e) => e.innerText.split(String.fromCharCode(10)).filter(Boolean))"""


def test_the_generation_settings_show_the_values_used(page, app_server):
    """The sliders show the values the sampled text was made with (their defaults when the
    link has none), and a new seed is shown in the box and used."""
    page.goto(f"{app_server.base}/lm?s=" + urllib.parse.quote("I think"))
    settle(page)
    shown = {label: value for label, value, *_ in page.evaluate(SLIDERS)}
    assert shown["words at most"] == "10" and shown["temperature τ"] == "1.0", shown
    assert page.get_by_text("Sampled with seed 0, τ = 1, top-k = all").count() == 1
    page.get_by_role("button", name="Another seed").click()
    page.wait_for_function("""() => { const c = [...document.querySelectorAll(
        '[data-testid=stCaptionContainer]')].find((e) => e.innerText.startsWith('Sampled'));
        return c && !c.innerText.startsWith('Sampled with seed 0,'); }""")
    settle(page)
    seed = page.locator("[data-testid=stNumberInput] input").first.input_value()
    assert page.get_by_text(f"Sampled with seed {seed}, τ = 1").count() == 1
