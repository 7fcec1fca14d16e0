"""Charts are sent as Plotly will draw them (see style.figure and style.colorbar_room).

What is checked here does not depend on timing: the margins Plotly computes for
a drawn chart are a function of the figure, the fonts and the viewport. How many
times a chart is redrawn after a keystroke depends on how many reruns the
machine's speed lets through, so it is measured in ``bench/chart_redraws.py``.
"""
import urllib.parse

import pytest

from browser_util import settle
from rnnviz.figures.plotly_fence import apply_template
from rnnviz.figures.style import Look, base_layout, figure

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"

# Plotly widens a margin that a colour bar or tick labels need and then draws the chart
# again: what each chart was sent with must already be enough (style.colorbar_room).
# (The why page's legends below its charts still push: not checked.)
MARGINS_AS_SENT = """() => [...document.querySelectorAll('.js-plotly-plot')].map((gd) => {
  const sent = gd.layout.margin || {}, drawn = gd._fullLayout._size;
  return [JSON.parse(gd.layout.meta).kind, ['l', 'r', 't', 'b'].filter(
    (k) => Math.round(drawn[k]) !== sent[k]).map((k) => `${k} ${sent[k]} -> ${drawn[k]}`)];
})"""
# Every chart of the page is on screen and Plotly has laid it out.
ALL_DRAWN = """(n) => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return plots.length === n && plots.every((gd) => gd._fullLayout && gd._fullLayout._size
      && gd.layout && gd.layout.meta && gd.querySelector('.main-svg'));
}"""
CHARTS = {"": ["formula", "neurons", "unrolled"], "weights": ["heatmaps"],
          "bptt": ["backward", "dw_terms", "flow", "gradients"],
          "cells": ["cells_diagram", "cells_diagram", "cells_flow", "cells_formula",
                    "cells_gates", "cells_gates", "cells_memory"],
          "why": ["why_edit", "why_probs", "why_reach"],
          "lm": ["formula", "lm_bars", "lm_temperature", "unrolled"]}


@pytest.mark.parametrize("query", [
    {"s": SENTENCE},
    {"s": "I saw her duck under the extraordinarily comfortable table .", "bptt_wscale": "0.1"},
    {"s": SENTENCE, "present": "true", "lang": "zh", "bptt_wscale": "3", "bptt_f": "identity"},
], ids=["zh", "en", "presenter"])
@pytest.mark.parametrize("path", sorted(CHARTS))
def test_charts_are_sent_with_the_margins_they_need(page, app_server, path, query):
    page.goto(f"{app_server.base}/{path}?" + urllib.parse.urlencode(query))
    page.wait_for_function(ALL_DRAWN, arg=len(CHARTS[path]), timeout=120_000)
    settle(page)
    margins = page.evaluate(MARGINS_AS_SENT)
    assert sorted(kind for kind, _ in margins) == CHARTS[path]
    assert [m for m in margins if m[1]] == []


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
    assert "datarevision" not in fig["layout"] and "template" not in fig["layout"]
