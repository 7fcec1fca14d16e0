"""Issue 17 on the pages (AppTest): what a lecturer found trying every feature."""
import json

import pytest
from conftest import run_app

from rnnviz.figures._spec import wire_meta

BPTT = "pages/bptt.py"


def texts(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "info", "warning", "caption")
                     for e in at.get(kind))


def figures(at) -> dict:
    out = {}
    for chart in at.get("plotly_chart"):
        fig = json.loads(chart.proto.spec)
        out[wire_meta(fig["layout"])["kind"]] = fig
    return out


@pytest.mark.parametrize("sentence", [
    "I think that the book that my friend gave me last year is very good .",
    "我 觉得 我 的 朋友 去年 给 我 的 那 本 书 非常 好 看 。"])
def test_the_exploding_preset_always_has_an_error_to_follow(sentence):
    at = run_app(page=BPTT, s=sentence)
    at.button(key="bptt_preset_explode").click().run()
    assert not at.exception
    T = at.session_state["bptt_last_T"]
    t = at.session_state["bptt_t"]
    shown = texts(at)
    assert "nan" not in shown.lower()
    if t != T:                                  # L_T = 0 here: the page says what it follows
        assert f"L{T} = 0" in shown and f"L{t} =" in shown
    flow = figures(at)["flow"]
    assert any(trace.get("z") or trace.get("y") for trace in flow["data"])


def test_the_followed_loss_returns_to_the_last_step_when_it_has_an_error_again():
    sentence = "I think that the book that my friend gave me last year is very good ."
    at = run_app(page=BPTT, s=sentence)
    T = at.session_state["bptt_t"]
    at.button(key="bptt_preset_explode").click().run()
    moved = at.session_state["bptt_t"]
    at.button(key="bptt_preset_model").click().run()
    assert at.session_state["bptt_t"] == T or moved == T
