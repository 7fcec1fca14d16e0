"""What a person sees in Chromium: typing, links, keyboard stepping, clicks, hostile text."""
import urllib.parse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from browser_util import screenshot, settle, wait_for_box, wait_for_url

from rnnviz.ui.shell import HOME_PAGE, PAGES

pytestmark = pytest.mark.browser


def chips_text(page) -> str:
    return " ".join(page.locator(".rnnviz-chip").all_inner_texts()).replace("?", "")


def open_app(page, base, path="", **query):
    page.goto(f"{base}/{path}?{urllib.parse.urlencode(query)}")
    settle(page)


def test_typing_key_by_key_shows_the_tagging(page, app_server):
    open_app(page, app_server.base, s="")
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    for ch in "我 吃 苹果":
        page.keyboard.type(ch)
        page.wait_for_timeout(120)            # a student typing, faster than the 250 ms pause
    settle(page)
    assert chips_text(page) == "我/nn 吃/v 苹果/nn"
    assert "s=" not in page.url            # the default sentence keeps the URL clean
    screenshot(page, "typed-wo-chi-pingguo")
    page.keyboard.type(" 吗")
    settle(page)
    assert "s=%E6%88%91+%E5%90%83+%E8%8B%B9%E6%9E%9C+%E5%90%97" in page.url   # URL follows


# every element container that Streamlit marks stale during a rerun, with its opacity
# and transition at that moment (streamlit_fence.NO_FADE_CSS keeps both as they were)
WATCH_STALE = """() => {
  window.__stale = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (el.getAttribute('data-stale') === 'true') {
        const cs = getComputedStyle(el);
        window.__stale.push([cs.opacity, cs.transitionDuration]);
      }
    }
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-stale']});
}"""


def test_a_rerun_does_not_fade_the_page(page, app_server):
    # a long sentence makes each rerun long enough to be drawn stale; a fast machine can
    # still finish one before the browser paints, so edit until a stale mark is seen
    long = " ".join(["我 吃 苹果 ，"] * 8)
    open_app(page, app_server.base, "bptt", s=long)
    page.evaluate(WATCH_STALE)
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    box.press("End")
    for ch in " 你 好 吗 他 来 了":
        page.keyboard.type(ch)
        try:
            page.wait_for_function("() => window.__stale.length > 0", timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    settle(page)
    stale = page.evaluate("() => window.__stale")
    assert stale                                    # a rerun did mark the page stale
    assert {tuple(s) for s in stale} == {("1", "0s")}


def test_a_link_opens_with_its_sentence(page, app_server):
    open_app(page, app_server.base, s="I eat apples")
    wait_for_box(page, "I eat apples")
    assert page.locator("[data-testid='stTextInput'] input").first.input_value() == "I eat apples"
    assert chips_text(page) == "I/nn eat/v apples/nn"


def test_keyboard_steps_through_time(page, app_server):
    open_app(page, app_server.base, s="我 吃 苹果")
    page.mouse.click(5, 600)                  # focus the page, not the text box
    page.keyboard.press("ArrowRight")
    wait_for_url(page, "t=2")
    assert "t=2" in page.url
    page.keyboard.press("End")
    wait_for_url(page, "t=3")
    assert "t=3" in page.url
    page.keyboard.press("Home")
    wait_for_url(page, "t=", present=False)
    settle(page)
    assert "t=" not in page.url               # t = 1 is the default: not in the URL
    # arrows typed in the sentence box move the cursor, not the step
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    page.keyboard.press("ArrowLeft")
    settle(page)
    assert "t=" not in page.url


def test_clicking_a_column_selects_that_step(page, app_server):
    open_app(page, app_server.base, s="我 吃 苹果")
    chart = page.locator(".st-key-unrolled .js-plotly-plot").first
    page.wait_for_function("""() => {
        const gd = document.querySelector('.st-key-unrolled .js-plotly-plot');
        return gd !== null && gd._fullLayout !== undefined; }""", timeout=60_000)
    # click the o_3 box: the click targets carry customdata = t
    point = page.evaluate("""() => {
        const gd = document.querySelector('.st-key-unrolled .js-plotly-plot');
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const r = gd.getBoundingClientRect();
        return {x: r.left + xa._offset + xa.l2p(3), y: r.top + ya._offset + ya.l2p(2)};
    }""")
    page.mouse.click(point["x"], point["y"])
    settle(page)
    assert "t=3" in page.url
    assert chart.is_visible()


def test_script_in_the_sentence_is_text(page, app_server):
    open_app(page, app_server.base, s="")
    box = page.locator("[data-testid='stTextInput'] input").first
    box.fill("<script>alert(1)</script><img src=x onerror=alert(1)>")
    page.wait_for_timeout(400)
    settle(page)
    assert page.dialogs == []
    text = chips_text(page)
    assert "</" in text.replace(" ", "") or "<" in text          # shown, as characters
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("img[src='x']").count() == 0
    screenshot(page, "hostile-text")


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_screenshot_every_page(page, app_server, spec):
    path = "" if spec is HOME_PAGE else spec.url_path
    open_app(page, app_server.base, path, s="我 吃 苹果")
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"page-{spec.url_path}")
