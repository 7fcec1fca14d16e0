"""A changed figure is drawn once in the browser, not twice (see style.figure).

Streamlit mounts a new chart for every changed figure and right after calls
Plotly.react a second time with a JSON copy of it. If Plotly finds a new object
where it compares identity (data arrays without ``datarevision``, ``template``,
an object ``meta``), or a width that differs from its own rounding, that second
call redraws the whole chart. These tests count what the second call changes.
"""
import urllib.parse

import pytest

from browser_util import settle
from rnnviz.figures.style import Look, apply_template, base_layout, figure

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"

# Before any page script: wrap each plot's event emitter (Plotly assigns gd.emit) and
# count the DOM changes inside every chart between its Plotly.react calls.
COUNT_DRAWS = """
window.__reacts = [];
Object.defineProperty(HTMLDivElement.prototype, 'emit', {
  configurable: true,
  get() { return this.__emit; },
  set(fn) {
    const gd = this;
    if (!gd.__observer) {
      gd.__changes = 0;
      gd.__observer = new MutationObserver((records) => { gd.__changes += records.length; });
      gd.__observer.observe(gd, {childList: true, subtree: true, attributes: true});
    }
    this.__emit = function (ev, data) {
      if (ev === 'plotly_react') {
        const box = gd.closest('[class*="st-key-"]');
        const key = box ? (box.className.match(/st-key-([\\w-]+)/) || [])[1] : '?';
        window.__reacts.push([key, gd.__changes]);
        gd.__changes = 0;
      }
      return fn.call(this, ev, data);
    };
  },
});
"""


@pytest.mark.parametrize("path", ["", "bptt", "weights"])
def test_a_changed_chart_is_drawn_once(page, app_server, path):
    page.add_init_script(COUNT_DRAWS)
    page.goto(f"{app_server.base}/{path}?s=" + urllib.parse.quote(SENTENCE[:-2]))
    settle(page)
    page.evaluate("() => { window.__reacts = []; }")
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    box.press("End")
    page.keyboard.type(SENTENCE[-1])                # a new token: every chart changes
    settle(page)
    reacts = page.evaluate("() => window.__reacts")
    by_chart = {}
    for key, changes in reacts:
        by_chart.setdefault(key, []).append(changes)
    assert by_chart, "no chart was drawn"
    for key, changes in by_chart.items():
        assert changes[0] > 100, (key, changes)          # the first call drew the chart
        assert all(c < 20 for c in changes[1:]), (key, changes)   # the others changed ~nothing


# Plotly widens a margin that a colour bar or tick labels need and then draws the chart
# again: what each chart was sent with must already be enough (style.colorbar_room).
# (The why page's legends below its charts still push: not checked.)
MARGINS_AS_SENT = """() => [...document.querySelectorAll('.js-plotly-plot')].map((gd) => {
  const sent = gd.layout.margin || {}, drawn = gd._fullLayout._size;
  return [JSON.parse(gd.layout.meta).kind, ['l', 'r', 't', 'b'].filter(
    (k) => Math.round(drawn[k]) !== sent[k]).map((k) => `${k} ${sent[k]} -> ${drawn[k]}`)];
})"""
CHARTS = {"": ["formula", "neurons", "unrolled"], "weights": ["heatmaps"],
          "bptt": ["backward", "dw_terms", "flow", "gradients"]}


@pytest.mark.parametrize("query", [
    {"s": SENTENCE},
    {"s": "I saw her duck under the extraordinarily comfortable table .", "bptt_wscale": "0.1"},
    {"s": SENTENCE, "present": "true", "lang": "zh", "bptt_wscale": "3", "bptt_f": "identity"},
], ids=["zh", "en", "presenter"])
@pytest.mark.parametrize("path", sorted(CHARTS))
def test_charts_are_sent_with_the_margins_they_need(page, app_server, path, query):
    page.goto(f"{app_server.base}/{path}?" + urllib.parse.urlencode(query))
    settle(page)
    margins = dict(page.evaluate(MARGINS_AS_SENT))
    assert sorted(margins) == CHARTS[path]
    assert margins == {kind: [] for kind in margins}


def test_the_template_is_written_into_the_figure():
    look = Look(dark=True)
    layout = dict(base_layout(look, height=200), xaxis2=dict(domain=[0, 0.5], ticks="inside"),
                  annotations=[dict(text="a", arrowcolor="red")], shapes=[dict(type="line")],
                  coloraxis=dict(colorscale="RdBu"))
    traces = [dict(type="heatmap", z=[[1]], xaxis="x2", yaxis="y3", colorbar=dict(len=0.5)),
              dict(type="scatter", x=[1], y=[1])]
    before = repr((traces, layout))
    new_traces, new_layout = apply_template(traces, layout)
    assert repr((traces, layout)) == before                          # inputs untouched
    assert "template" not in new_layout
    assert set(k for k in new_layout if "axis" in k and k != "coloraxis") == {
        "xaxis", "yaxis", "xaxis2", "yaxis3"}                        # declared or used
    assert new_layout["xaxis2"]["ticks"] == "inside"                  # the figure wins
    assert new_layout["xaxis2"]["automargin"] is True                 # the template fills in
    assert new_layout["yaxis3"]["gridcolor"] == "#2a2f3a"             # dark grid
    assert new_layout["annotations"][0]["arrowcolor"] == "red"
    assert new_layout["annotations"][0]["arrowhead"] == 0
    assert new_layout["shapes"][0]["line"]["color"] == look.fg
    assert new_layout["coloraxis"]["colorbar"]["outlinewidth"] == 0
    assert new_traces[0]["colorbar"] == {"outlinewidth": 0, "ticks": "", "len": 0.5,
                                         "ticklabeloverflow": "allow"}
    assert "colorbar" not in new_traces[1]
    aliased = apply_template([dict(type="heatmap", z=[[1]], xaxis="x1", yaxis="y1")],
                             dict(layout, xaxis1=dict(domain=[0, 0.3])))
    assert aliased[0][0]["xaxis"] == "x" and aliased[1]["xaxis"]["domain"] == [0, 0.3]
    assert "xaxis1" not in aliased[1]                                 # one axis, not two
    fig = figure(traces, layout).to_dict()
    assert fig["layout"]["datarevision"] == 1 and "template" not in fig["layout"]
