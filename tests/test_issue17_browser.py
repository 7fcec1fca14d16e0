"""Issue 17 in Chromium: keyboard, Streamlit's own chrome, laptop and phone screens."""
import math
import re
import urllib.parse

import pytest

from browser_util import screenshot, settle

pytestmark = pytest.mark.browser
SENTENCE = "我 吃 苹果 和 香蕉"


def open_page(browser, base, path="", *, width=1600, height=1000, locale="en-US", **query):
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
    page = context.new_page()
    page.goto(f"{base}/{path}?{urllib.parse.urlencode(query)}")
    settle(page)
    if query.get("s") and path != "train":
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        settle(page)
    return page


def playing(page) -> bool:
    return "pause" in page.locator(".st-key-t_play:visible").first.inner_text().lower()


def param(page, name):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query).get(name, [None])[0]


def test_space_on_a_focused_button_presses_it_and_does_not_play(browser, app_server):
    page = open_page(browser, app_server.base, s=SENTENCE)
    try:
        page.locator(".st-key-t_next button:visible").first.focus()
        page.keyboard.press("Space")                       # presses t + 1 ...
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '2'")
        settle(page)
        assert not playing(page)                            # ... and plays nothing
        assert param(page, "t") == "2"
        page.keyboard.press("Space")                       # again: t = 3, still not playing
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '3'")
        settle(page)
        assert not playing(page)
        # with the focus on the page itself (no control), Space plays
        page.evaluate("() => document.activeElement.blur()")
        page.keyboard.press("Space")
        page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '5'")
    finally:
        page.context.close()


def visible_words(page) -> str:
    """The text a person sees (elements laid out, text not shrunk to nothing) and the
    placeholders of the inputs."""
    return page.evaluate("""() => {
      const out = [];
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (w.nextNode()) {
        const el = w.currentNode.parentElement, t = w.currentNode.textContent.trim();
        if (!t || !el || el.offsetParent === null) continue;
        const cs = getComputedStyle(el);
        if (parseFloat(cs.fontSize) > 0 && cs.visibility !== 'hidden') out.push(t);
      }
      for (const el of document.querySelectorAll('input[placeholder]')) out.push(el.placeholder);
      return out.join(' | ');
    }""")


@pytest.mark.parametrize("path", ["", "train"])
def test_no_deploy_button_and_no_streamlit_english_in_the_chinese_interface(
        browser, app_server, path):
    page = open_page(browser, app_server.base, path, width=1366, height=768, locale="zh-CN",
                     lang="zh", s="我 吃 苹果")
    try:
        assert page.locator("[data-testid='stAppDeployButton']").count() == 0
        assert page.locator("[data-testid='stMainMenu']").count() == 1    # the theme menu stays
        words = visible_words(page)
        for english in ("Deploy", "Upload", "per file", "Drag and drop", "Choose an option",
                        "Browse files"):
            assert english not in words, english
        if path == "train":
            assert "上传" in page.locator("[data-testid='stFileUploader']").first.evaluate(
                "(el) => getComputedStyle(el.querySelector('button p'), '::after').content")
            screenshot(page, "issue17-train-zh-1366")
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["", "weights"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_step_controls_fit_a_laptop(browser, app_server, path, lang):
    """1366×768: the five step buttons on one line, every play speed readable."""
    page = open_page(browser, app_server.base, path, width=1366, height=768, lang=lang,
                     s=SENTENCE)
    try:
        tops = page.evaluate("""() => ['first', 'prev', 'play', 'next', 'last'].map((k) =>
            [...document.querySelectorAll(`.st-key-t_${k} button`)]
              .find((b) => b.getClientRects().length).getBoundingClientRect().top)""")
        assert max(tops) - min(tops) < 2, tops                 # one row
        cut = page.evaluate("""() => [...document.querySelectorAll('.st-key-speed button')]
            .filter((b) => b.getClientRects().length)
            .map((b) => [b.innerText, b.scrollWidth - b.clientWidth,
                         b.getBoundingClientRect().right])""")
        right = page.evaluate("() => document.querySelector('.st-key-speed')"
                              ".getBoundingClientRect().right")
        for label, overflow, edge in cut:
            assert overflow <= 0 and edge <= right + 1, (label, overflow, edge, right)
        screenshot(page, f"issue17-steps-{path or 'network'}-{lang}-1366")
    finally:
        page.context.close()


def test_bptt_backward_graph_keeps_its_colour_bar_by_its_columns(browser, app_server):
    page = open_page(browser, app_server.base, "bptt", width=1366, height=768, s="我 吃 苹果")
    try:
        gap = page.evaluate("""() => {
            const gd = document.querySelector('.st-key-bptt_backward .js-plotly-plot');
            const bar = gd.querySelector('.colorbar').getBoundingClientRect();
            const ticks = [...gd.querySelectorAll('.xtick text')].map((t) =>
                t.getBoundingClientRect().right);
            const plot = gd.getBoundingClientRect();
            return {gap: bar.left - Math.max(...ticks), used: (bar.right - plot.left) / plot.width};
        }""")
        assert gap["gap"] < 120, gap                  # right after the last column k = T
        assert gap["used"] > 0.5, gap                 # three words use half the width
    finally:
        page.context.close()


# every text of a chart as drawn: [text, font px, left, top, right, bottom]
CHART_TEXTS = """(key) => {
  const box = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  return [...box.querySelectorAll('.main-svg text')].filter((t) => {
    const r = t.getBoundingClientRect(), cs = getComputedStyle(t);
    return t.textContent.trim() && r.width > 0 && cs.display !== 'none' &&
      cs.visibility !== 'hidden' && parseFloat(cs.opacity || '1') > 0;
  }).map((t) => { const r = t.getBoundingClientRect();
    return [t.textContent, parseFloat(getComputedStyle(t).fontSize), r.left, r.top,
            r.right, r.bottom]; });
}"""


def overlapping(texts, slack=1.0):
    out = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if (min(a[4], b[4]) - max(a[2], b[2]) > slack and
                    min(a[5], b[5]) - max(a[3], b[3]) > slack):
                out.append((a[0], b[0]))
    return out


@pytest.mark.parametrize("path", ["", "weights", "bptt", "why"])
def test_a_phone_never_scrolls_the_page_sideways(browser, app_server, path):
    page = open_page(browser, app_server.base, path, width=390, height=844,
                     s="I want to book a room")
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        screenshot(page, f"issue17-phone-{path or 'network'}")
    finally:
        page.context.close()


def test_the_network_page_on_a_phone_is_readable(browser, app_server):
    page = open_page(browser, app_server.base, width=390, height=844, s="I want to book a room")
    try:
        for key in ("unrolled", "formula", "neurons"):
            texts = page.evaluate(CHART_TEXTS, key)
            assert texts, key
            assert min(t[1] for t in texts) >= 11, (key, min(texts, key=lambda t: t[1]))
            assert not overlapping(texts), (key, overlapping(texts)[:5])
    finally:
        page.context.close()


@pytest.mark.parametrize("sentence", ["I saw her duck under the table .",
                                      "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"])
def test_the_bptt_gradients_on_a_phone_are_readable(browser, app_server, sentence):
    """∂L/∂U, ∂L/∂W, ∂L/∂V side by side: on a phone their titles and unit numbers ran
    into each other; the chart is drawn as wide as it needs and scrolls sideways."""
    page = open_page(browser, app_server.base, "bptt", width=390, height=844, s=sentence)
    try:
        page.locator(".st-key-bptt_grads .js-plotly-plot .main-svg").first.wait_for()
        page.locator(".st-key-bptt_grads").scroll_into_view_if_needed()
        texts = page.evaluate(CHART_TEXTS, "bptt_grads")
        assert len(texts) > 40
        # the token labels under ∂L/∂U are turned 60°: their boxes overlap by geometry,
        # so they are checked by the distance between their parallel baselines
        slanted = [t for t in texts if re.fullmatch(r"\d+:.*", t[0])]
        upright = [t for t in texts if t not in slanted]
        assert not overlapping(upright), overlapping(upright)[:5]
        ends = sorted(t[4] for t in slanted)                 # each label ends at its tick
        gaps = [(b - a) * math.sin(math.radians(60)) for a, b in zip(ends, ends[1:])]
        assert len(slanted) == len(sentence.split()) and min(gaps) >= 0.9 * slanted[0][1], gaps
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        page.context.close()


def test_a_50_token_sentence_keeps_the_unrolled_graph_readable(browser, app_server):
    sentence = " ".join(["I think that the book that my friend gave me last year is very "
                         "good ."] * 4)
    page = open_page(browser, app_server.base, width=1366, height=768, s=sentence)
    try:
        texts = page.evaluate(CHART_TEXTS, "unrolled")
        assert len([t for t in texts if "1.00" in t[0]]) > 10     # probabilities drawn
        assert min(t[1] for t in texts) >= 11
        assert not overlapping(texts), overlapping(texts)[:5]
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 1366
    finally:
        page.context.close()
