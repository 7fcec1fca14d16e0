"""Issue 19 in Chromium: a student walks the whole guided lesson with the keyboard,
answers every question (one wrong first), and the back button returns step by step."""
import urllib.parse

import pytest

from browser_util import settle, wait_for_url
from rnnviz.i18n import text
from rnnviz.lessons import guided
from rnnviz.training.tagger import tag_text
from rnnviz.ui import lesson_page, resources

pytestmark = pytest.mark.browser


def heading(page) -> str:
    return page.get_by_test_id("stMain").locator("h3").first.inner_text()


def answer(page, q, given, lang):
    form = page.locator("[data-testid='stForm']").first
    if q.options:
        form.get_by_text(lesson_page.option_label(q, given, lang), exact=True).click()
    else:
        box = form.locator("input").first
        box.fill(f"{given:.2f}")
        box.press("Tab")
    form.get_by_role("button", name=text("lesson.check", lang)).click()


@pytest.mark.parametrize("lang,s", [("en", "I want to skateboard"), ("zh", "我在大学学习")])
def test_a_student_walks_the_whole_lesson(page, app_server, lang, s):
    tg = tag_text(resources.builtin_model(), s)
    page.goto(f"{app_server.base}/lesson?lang={lang}&s={urllib.parse.quote(s)}")
    settle(page)
    n = len(guided.STEPS)
    for i, name in enumerate(guided.STEPS, 1):
        title = text(f"lesson.{name}.title", lang)
        page.wait_for_function("t => document.querySelector('[data-testid=stMain] h3')"
                               "?.innerText.includes(t)", arg=title)
        assert page.locator("[data-testid='stException']").count() == 0, name
        q = guided.question(name, tg)
        if q is not None and q.fits:
            if name == "tag_after":                 # one wrong answer, then again
                wrong = next(o for o in q.options if o != q.answer)
                answer(page, q, wrong, lang)
                page.locator("[data-testid='stAlertContentError']").wait_for()
                page.locator(f".st-key-lesson_again_{name} button").click()
            answer(page, q, q.answer, lang)
            page.locator("[data-testid='stAlertContentSuccess']").first.wait_for()
            settle(page)
        # a figure or the chips follow the question (the step's "figure")
        main = page.get_by_test_id("stMain")
        assert main.locator(".rnnviz-chart, span[title]"
                            ).count() > 0, name
        if i < n:
            page.mouse.click(5, 300)                # the focus on the page, not a control
            page.keyboard.press("PageDown")
            wait_for_url(page, f"step={i + 1}")
    right = text("lesson.score", lang, right=5, asked=6).replace("**", "")
    assert right in page.get_by_test_id("stMain").inner_text()
    page.go_back()
    wait_for_url(page, f"step={n - 1}")
    page.wait_for_function("t => document.querySelector('[data-testid=stMain] h3')"
                           "?.innerText.includes(t)",
                           arg=text(f"lesson.{guided.STEPS[n - 2]}.title", lang))


@pytest.mark.parametrize("path", ["", "lesson"])
def test_the_presenter_top_bar_is_not_clipped_at_1366(browser, app_server, path):
    """Presenter view's larger type: the language and presenter switches keep their whole
    labels at 1366 px (the hidden model switch and share panel leave them the room)."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(f"{app_server.base}/{path}?present=true&lang=en")
        settle(page)
        # an element of the top bar whose content is wider than its box: a segmented
        # control cut at its column's edge, a label ending in "…"
        clipped = page.evaluate("""() => [...document.querySelector(
            '[data-testid="stHorizontalBlock"]').querySelectorAll('div')]
            .filter(el => el.getClientRects().length && el.clientWidth > 0
                    && el.scrollWidth > el.clientWidth + 1)
            .map(el => el.innerText)""")
        assert clipped == []
        assert page.get_by_text("中文", exact=True).first.is_visible()
    finally:
        page.close()
