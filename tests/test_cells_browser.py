"""Issue 20's page in Chromium: it opens on a link, typing changes the three taggings,
the keyboard steps t; screenshots at 390×844, 1366×768 and the presenter view at
1920×1080 (test-artifacts/cells-*.png)."""
import urllib.parse

import pytest
from browser_util import screenshot, settle, wait_for_url

from rnnviz.lessons.cells import retag
from rnnviz.training.tagger import tag_text
from rnnviz.ui import resources

pytestmark = pytest.mark.browser


def card_tags(page) -> list[str]:
    """Every tag chip of the page's first card row, in reading order (word by word,
    RNN, LSTM, GRU)."""
    cards = page.locator(".rnnviz-cards").first.locator(".rnnviz-card")
    return [t.split()[0] for t in cards.locator("b").all_inner_texts()]


def expected(s: str) -> list[str]:
    rnn = tag_text(resources.builtin_model(), s)
    tgs = [rnn, *(retag(rnn, resources.cell_model(c)) for c in ("lstm", "gru"))]
    return [tg.tags[i] for i in range(rnn.T) for tg in tgs]


def test_the_page_opens_and_typing_changes_the_three_taggings(page, app_server):
    page.goto(f"{app_server.base}/cells?lang=en&s={urllib.parse.quote('I eat fish')}")
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert card_tags(page) == expected("I eat fish")
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" today")
    page.wait_for_function("() => document.querySelectorAll("
                           "'.rnnviz-cards')[0]?.querySelectorAll('.rnnviz-card').length === 4")
    settle(page)
    assert card_tags(page) == expected("I eat fish today")
    # the keyboard steps t, and the address follows
    page.mouse.click(5, 400)
    page.keyboard.press("Home")
    wait_for_url(page, "t=1")
    page.keyboard.press("ArrowRight")
    wait_for_url(page, "t=2")
    assert "t=2" in page.url
    assert page.locator("[data-testid='stException']").count() == 0


@pytest.mark.parametrize("name,width,height,query", [
    ("phone", 390, 844, "lang=en"),
    ("laptop", 1366, 768, "lang=zh"),
    ("presenter", 1920, 1080, "lang=en&present=true"),
])
def test_screenshots(browser, app_server, name, width, height, query):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    s = urllib.parse.quote("I want to eat the big fish today .")
    page.goto(f"{app_server.base}/cells?{query}&s={s}&t=3")
    settle(page)
    page.locator(".js-plotly-plot .main-svg").nth(6).wait_for()   # the memory chart
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"cells-{name}")
    context.close()


def test_the_offline_html_carries_this_pages_figures(page, app_server):
    """Share & export → this view as HTML: the cells page's own figures (its diagrams,
    gates, formula, flow and memory), not the network page's."""
    from test_lecture_browser import download, open_share
    page.goto(f"{app_server.base}/cells?lang=en&s={urllib.parse.quote('I eat fish')}&t=2"
              "&cells_gate=gru%3Aupdate")
    settle(page)
    open_share(page)
    name, body = download(page, page.locator(".st-key-lecture_dl_html button").first.click)
    assert name.startswith("rnnviz_cells_I-eat-fish_t2")
    html = body.decode("utf-8")
    assert html.count("Plotly.newPlot(") == 7          # 2 diagrams, 2 gate maps, 3 more
    for kind in ("cells_diagram", "cells_gates", "cells_formula", "cells_flow", "cells_memory"):
        assert kind in html, kind
    assert "update" in html and "cells_formula" in html
