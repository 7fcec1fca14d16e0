"""Issue 17 on the pages (AppTest): what a lecturer found trying every feature."""
import json

import pytest
from conftest import charts, run_app

from rnnviz.figures.plotly_fence import wire_meta
from rnnviz.ui import session_keys

BPTT = "pages/bptt.py"


def texts(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "info", "warning", "caption")
                     for e in at.get(kind))


def figures(at) -> dict:
    out = {}
    for chart in charts(at):
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
    T = at.session_state[session_keys.BPTT_PAGE].last_T
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


@pytest.mark.parametrize("lang, says", [("en", "Only the first 400 characters are kept"),
                                        ("zh", "只保留前 400 个字符")])
def test_a_600_character_link_keeps_the_first_400_and_says_so(lang, says):
    long = ("I can book a flight . " * 40)[:600]
    at = run_app(s=long, lang=lang)
    assert not at.exception
    assert at.text_input(key="s").value == long[:400]
    captions = [c.value for c in at.caption]
    assert any(says in c and "600" in c for c in captions)
    assert not any("400" in w.value and "s" in w.value for w in at.warning
                   if "links" in w.value.lower())     # no "defaults shown instead" notice


def test_pasting_450_characters_keeps_the_first_400_and_says_so():
    at = run_app(s="我 吃 苹果", lang="zh")
    pasted = ("我 吃 苹果 " * 100)[:450]
    at.text_input(key="s").set_value(pasted).run()
    assert at.text_input(key="s").value == pasted[:400]
    assert any("只保留前 400 个字符" in c.value and "450" in c.value for c in at.caption)
    at.text_input(key="s").set_value("我 吃").run()          # shorter again: no note
    assert not any("400" in c.value for c in at.caption)
