"""The chart component in Chromium (rnnviz/ui/chart.js, streamlit_fence.chart_component):
plotly.js comes from the plotly package through the server, and a chart whose figure
changes stays on the page and is updated in place, never blank."""
import re
import urllib.parse
from pathlib import Path

import plotly
import pytest

from browser_util import settle

pytestmark = pytest.mark.browser

UNROLLED = ".st-key-unrolled .js-plotly-plot"


def bundled_version() -> str:
    """The plotly.js version inside the installed plotly package (its banner)."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    with path.open(encoding="utf-8") as f:
        head = f.read(200)
    return re.search(r"plotly\.js v(\S+)", head).group(1)


def open_page(page, base: str, s: str):
    page.goto(f"{base}/?s=" + urllib.parse.quote(s))
    settle(page)
    page.wait_for_selector(f"{UNROLLED} .main-svg")
    settle(page)


def test_the_charts_draw_with_the_plotly_js_of_the_plotly_package(page, app_server):
    open_page(page, app_server.base, "我 吃 苹果")
    assert page.evaluate("() => window.Plotly.version") == bundled_version()
    scripts = page.evaluate("""() => [...document.scripts].map((s) => s.src)
        .filter((src) => src.includes('plotly'))""")
    assert len(scripts) == 1 and scripts[0].endswith("/plotly.min.js"), scripts
    status = page.evaluate("(url) => fetch(url).then((r) => [r.status, "
                           "r.headers.get('content-type')])", scripts[0])
    assert status[0] == 200 and "javascript" in status[1], status


# Marks the drawn unrolled graph, then records on every animation frame whether the
# marked element is still the one on the page and whether a plot is drawn in it.
WATCH = """() => {
  const gd = document.querySelector('.st-key-unrolled .js-plotly-plot');
  gd.__mark = 'kept';
  const W = window.__chart = {frames: 0, replaced: 0, blank: 0};
  const frame = () => {
    const now = document.querySelector('.st-key-unrolled .js-plotly-plot');
    W.frames += 1;
    if (!now || now.__mark !== 'kept') W.replaced += 1;
    else if (!now.querySelector('.main-svg')) W.blank += 1;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""
WORDS = """() => {
  const gd = document.querySelector('.st-key-unrolled .js-plotly-plot');
  return gd ? [...gd.querySelectorAll('text')].map((t) => t.textContent) : [];
}"""


def test_a_chart_is_updated_in_place_while_the_sentence_grows(page, app_server):
    open_page(page, app_server.base, "我 吃")
    assert "苹果" not in page.evaluate(WORDS)
    page.evaluate(WATCH)
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    box.press("End")
    page.keyboard.type(" 苹果", delay=150)
    page.wait_for_function(f"() => ({WORDS})().includes('苹果')", timeout=60_000)
    settle(page)
    watch = page.evaluate("() => window.__chart")
    assert watch["frames"] > 0
    assert watch["replaced"] == 0, watch     # the same element, updated by Plotly.react
    assert watch["blank"] == 0, watch


def test_a_click_on_a_chart_reaches_the_server_each_time(page, app_server):
    """Clicking x_2's column, then x_3's, then x_2's again: each click selects its step
    (a repeated point is a new selection too)."""
    open_page(page, app_server.base, "我 吃 苹果")
    point = """(t) => {
        const gd = document.querySelector('.st-key-unrolled .js-plotly-plot');
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const r = gd.getBoundingClientRect();
        return {x: r.left + xa._offset + xa.l2p(t), y: r.top + ya._offset + ya.l2p(2)};
    }"""
    for t in (2, 3, 2):
        xy = page.evaluate(point, t)
        page.mouse.click(xy["x"], xy["y"])
        page.wait_for_function(f"() => new URL(location).searchParams.get('t') === '{t}'",
                               timeout=60_000)
        settle(page)


def test_a_chart_follows_its_box_when_the_box_changes_width(page, app_server):
    """The box of a drawn chart gets wider (a scroller's min-width arriving after the
    figure, a column): the plot is laid out again at the new width."""
    open_page(page, app_server.base, "我 吃 苹果")
    before = page.evaluate(f"() => document.querySelector('{UNROLLED}')._fullLayout.width")
    page.evaluate(f"() => {{ document.querySelector('{UNROLLED}').style.width = "
                  f"'{int(before) + 300}px'; }}")
    page.wait_for_function(f"() => document.querySelector('{UNROLLED}')._fullLayout.width "
                           f"=== {int(before) + 300}", timeout=30_000)
