"""rnnviz/figures/plotly_fence.py still holds with the installed Plotly.

What views.chart sends for a SpecFigure is exactly what the full go.Figure would
send (same typed-array encoding from the private ``_plotly_utils``, same defaults),
without building Plotly's objects; a SpecFigure still turns into a real go.Figure
(``go.Figure(spec, _validate=False)``) when anything else asks for it. A Plotly
release that changes either fails here, not in front of a class."""
import base64
import copy
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest

from rnnviz.nn.checkpoint import load
from rnnviz.figures import formula, heatmaps, neurons, unrolled
from rnnviz.figures.plotly_fence import SpecFigure, merged_shapes, meta_of, wire
from rnnviz.figures.style import Look
from rnnviz.training.tagger import tag_text
from rnnviz.data import DEFAULT_MODEL

MODEL = load(DEFAULT_MODEL)
TG = tag_text(MODEL, "我 吃 苹果 和 香蕉")
BUILDERS = {
    "unrolled": lambda look: unrolled.make_unrolled(TG.trace, 2, unknown=TG.unknown, look=look),
    "formula": lambda look: formula.make_formula(TG.trace, 3, look=look),
    "neurons": lambda look: neurons.make_neurons(TG.trace, 1, look=look),
    "heatmaps": lambda look: heatmaps.make_heatmaps(TG.trace, 2, look=look),
    "u_full": lambda look: heatmaps.make_u_full(MODEL, highlight=TG.trace.x, look=look),
}
LOOKS = [Look(), Look(lang="zh", font_size=22, dark=True, min_size=19)]


def unset_dropped(value):
    """``value`` without dict entries set to null (Plotly.js reads null as unset; an
    unvalidated go.Figure keeps some in its layout, the spec leaves them out)."""
    if isinstance(value, dict):
        return {k: unset_dropped(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [unset_dropped(v) for v in value]
    return value


def decoded(value, key=None):
    """``value`` with typed arrays as lists and a JSON-string ``meta`` as its dict: the
    spec and the full figure may send the same numbers in these two forms."""
    if isinstance(value, dict) and set(value) >= {"dtype", "bdata"}:
        raw = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        if shape:
            raw = raw.reshape([int(n) for n in str(shape).split(",")])
        return raw.tolist()
    if isinstance(value, dict):
        return {k: decoded(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [decoded(v) for v in value]
    if key == "meta" and isinstance(value, str):
        return json.loads(value)
    return value


def sent(fig) -> dict:
    """The JSON st.plotly_chart would send for ``fig`` (its own two calls): what
    views.figure_json must send too (test_views_sends_the_figure_as_plotly_chart_would)."""
    figure = plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True)
    return json.loads(pio.to_json(figure, validate=False))


@pytest.mark.parametrize("look", LOOKS, ids=["light", "dark-presenter"])
@pytest.mark.parametrize("name", BUILDERS)
def test_the_spec_sent_equals_the_built_figure(name, look):
    fig = BUILDERS[name](look)
    assert isinstance(fig, SpecFigure)
    spec = copy.deepcopy(object.__getattribute__(fig, "_spec"))
    lazy = sent(fig)
    assert not object.__getattribute__(fig, "_built")           # nothing was built for it
    built = go.Figure(spec, _validate=False)
    built.layout.template = None                 # style.figure wrote its template in
    full = wire(sent(built))                     # meta as a string, boxes as paths
    assert json.dumps(decoded(lazy), sort_keys=True) == json.dumps(
        decoded(unset_dropped(full)), sort_keys=True)
    # what keeps Plotly.react with the next figure from redrawing all of it (spec_figure)
    layout = lazy["layout"]
    assert "template" not in layout
    assert isinstance(layout["meta"], str) and json.loads(layout["meta"])["kind"]
    assert all(not isinstance(tr.get(k), dict) for tr in lazy["data"] for k in "xy")
    axes = [v for k, v in layout.items() if k[1:5] == "axis"]
    assert axes and all(ax["automargin"] is True for ax in axes)   # the template's defaults
    go.Figure(lazy)                                             # valid for Plotly


def test_the_spec_is_not_changed_by_sending_it():
    fig = BUILDERS["unrolled"](Look())
    before = copy.deepcopy(object.__getattribute__(fig, "_spec"))
    for trace in sent(fig)["data"]:
        trace["name"] = "changed"
    after = object.__getattribute__(fig, "_spec")
    assert json.dumps(before, default=np.ndarray.tolist) == json.dumps(after,
                                                                       default=np.ndarray.tolist)


def test_anything_else_builds_a_real_figure():
    fig = BUILDERS["formula"](Look())
    assert meta_of(fig)["kind"] == "formula"                    # read without building
    assert not object.__getattribute__(fig, "_built")
    fig.update_layout(height=123)
    assert object.__getattribute__(fig, "_built") and fig.layout.height == 123
    assert sent(fig)["layout"]["height"] == 123 and meta_of(fig)["kind"] == "formula"
    assert meta_of(go.Figure()) == {}


def test_same_looking_boxes_in_a_row_become_one_path():
    red = dict(fillcolor="red", line=dict(width=1))
    shapes = [dict(type="rect", x0=0, x1=1, y0=0, y1=2, **red),
              dict(type="path", path="M2,0L3,0L3,2Z", **red),
              dict(type="rect", x0=4, x1=5, y0=0, y1=2, fillcolor="blue"),       # other look
              dict(type="rect", x0=6, x1=7, y0=0, y1=2, **red),                  # a new run
              dict(type="rect", x0=0, x1=1, y0=0, y1=1, xref="paper", **red),     # not data
              dict(type="line", x0=0, x1=1, y0=0, y1=1)]
    before = copy.deepcopy(shapes)
    out = merged_shapes(shapes)
    assert shapes == before                                          # input untouched
    assert [s["type"] for s in out] == ["path", "path", "path", "rect", "line"]
    assert out[0] == dict(type="path", path="M0,0H1V2H0ZM2,0L3,0L3,2Z", **red)
    assert out[1] == dict(type="path", path="M4,0H5V2H4Z", fillcolor="blue")
    assert out[2]["path"] == "M6,0H7V2H6Z"                        # order kept: z-order kept


def test_the_backward_graph_sends_its_boxes_as_a_few_paths():
    from rnnviz.training.builtin import load_default
    from rnnviz.figures.backward import make_backward
    from rnnviz.lessons.backprop import lesson
    tg = tag_text(MODEL, "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。")
    ls = lesson(load_default(), tg.trace.x, tg.trace.pred, tokens=tg.tokens)
    fig = make_backward(ls, 20, unknown=tg.unknown)
    assert len(fig.spec["layout"]["shapes"]) == 62                 # one per box, as built
    sent_shapes = sent(fig)["layout"]["shapes"]
    assert len(sent_shapes) <= 16                                   # one per look
    boxes = sum(s.get("path", "").count("Z") if s["type"] == "path" else s["type"] == "rect"
                for s in sent_shapes)
    assert boxes == 62                                              # every box still drawn


@pytest.mark.parametrize("name", BUILDERS)
def test_views_sends_the_figure_as_plotly_chart_would(name):
    from rnnviz.ui import views
    fig = BUILDERS[name](Look())
    assert json.loads(views.figure_json(fig)) == sent(fig)
