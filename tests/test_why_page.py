"""The why page: its ready-made examples hold what the page claims, the page runs
(AppTest) and looks right in Chromium (Playwright)."""
import json
import urllib.parse

import numpy as np
import pytest
from conftest import APP, charts, run_app
from streamlit.testing.v1 import AppTest

from rnnviz.training import builtin
from rnnviz.text import corpus
from rnnviz.lessons import examples
from rnnviz.figures.style import percent
from rnnviz.nn.forward import trace
from rnnviz.nn.model import init_rnn
from rnnviz.training.tagger import tag_text
from rnnviz.text.tokenize import normalize
from rnnviz.text.unknown import is_class, lookup

PAGE = "pages/why.py"


@pytest.fixture(scope="module")
def shipped():
    return builtin.load_default(), builtin.load_feedforward()


@pytest.fixture(scope="module")
def reports(shipped):
    """The test-set reports the page's scoreboard shows (builtin.compare)."""
    return builtin.compare(*shipped)


def first(group: str) -> tuple[int, examples.Example]:
    """The first example of a group and its index (its button is why_ex_<index>)."""
    return next((i, ex) for i, ex in enumerate(examples.EXAMPLES) if ex.group == group)


# --------------------------------------------------------------------------- examples

@pytest.mark.parametrize("ex", examples.EXAMPLES, ids=lambda ex: ex.text)
def test_example_rnn_right_feedforward_wrong(shipped, ex):
    """The page's claim on every example: the RNN gives the intended tag, the
    feed-forward tagger does not, and swapping the cue changes the RNN's tag."""
    v = examples.check(ex, *shipped)
    assert v.rnn_tag == ex.tag, f"RNN says {v.rnn_tag}"
    assert v.ff_tag != ex.tag, f"feed-forward says {v.ff_tag} too"
    assert v.rnn_p > 0.9 and v.ff_p < 0.5
    assert v.swap_tag != ex.tag
    assert v.holds


def test_examples_cover_both_languages_and_unknown_words(shipped):
    rnn, _ = shipped
    groups = {g: [ex for ex in examples.EXAMPLES if ex.group == g] for g in examples.GROUPS}
    assert all(len(v) >= 4 for v in groups.values())
    for ex in examples.EXAMPLES:
        assert 1 <= ex.cue < ex.word <= len(ex.tokens), ex.text
    for lang in ("zh", "en"):
        for ex in groups[lang]:
            assert normalize(ex.tokens[ex.word - 1]) in corpus.ambiguous(lang), ex.text
    for ex in groups["unk"]:
        assert normalize(ex.tokens[ex.word - 1]) not in rnn.word_index, ex.text
    assert any(ex.text.isascii() for ex in groups["unk"])            # both languages
    assert any(not ex.text.isascii() for ex in groups["unk"])
    assert len({ex.text for ex in examples.EXAMPLES}) == len(examples.EXAMPLES)


def test_check_fails_when_the_claim_does_not_hold(shipped):
    rnn, ff = shipped
    wrong = examples.Example("我 吃 苹果", "zh", 3, "nn", 2, "的")    # both say nn
    assert not examples.check(wrong, rnn, ff).holds
    assert not examples.check(examples.EXAMPLES[0], rnn, rnn).holds   # RNN on both sides


def test_unknown_words_get_one_feedforward_tag_per_class(shipped):
    """What the unknown-words help says: an unknown word switches on its class
    column, and the feed-forward tagger gives it what that column alone gives,
    in every sentence; on the examples that tag is wrong, the RNN's is right."""
    rnn, ff = shipped
    unk = [ex for ex in examples.EXAMPLES if ex.group == "unk"]
    classes = set()
    for ex in unk:
        key = normalize(ex.tokens[ex.word - 1])
        column = int(lookup(ff.word_index, [key])[0])
        assert is_class(ff.vocab[column]) and lookup(rnn.word_index, [key])[0] == column
        classes.add(ff.vocab[column])
        alone = trace(ff, [column]).o[0]                      # the class column, no context
        assert ff.tags[int(np.argmax(alone))] != ex.tag, ex.text   # the class alone misleads
        for text, t in ((ex.text, ex.word), (ex.swapped, ex.word), (ex.tokens[ex.word - 1], 1)):
            np.testing.assert_allclose(tag_text(ff, text).trace.o[t - 1], alone, atol=1e-12,
                                       err_msg=text)
        assert tag_text(rnn, ex.text).tags[ex.word - 1] == ex.tag
        assert tag_text(rnn, ex.swapped).tags[ex.word - 1] != ex.tag
    assert len(classes) >= 3                                  # not one class over and over
    # The same class after a telling word: the RNN follows the words before, the
    # feed-forward tagger cannot (榴莲, an unknown noun: right after 吃, not after 能).
    key = normalize("榴莲")
    assert key not in rnn.word_index
    fruit = ff.tags[int(np.argmax(trace(ff, [int(lookup(ff.word_index, [key])[0])]).o[0]))]
    assert tag_text(ff, "我 吃 榴莲").tags[2] == tag_text(ff, "我 能 榴莲").tags[2] == fruit
    assert tag_text(rnn, "我 吃 榴莲").tags[2] == "nn" != tag_text(rnn, "我 能 榴莲").tags[2]


def test_scoreboard_gap_is_measured(reports):
    rnn, ff = reports["RNN"], reports["W = 0"]
    assert rnn.ambiguous["both"].accuracy - ff.ambiguous["both"].accuracy > 0.4
    assert rnn.overall.accuracy > ff.overall.accuracy


# --------------------------------------------------------------------------- AppTest

def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_page_runs_and_shows_both_taggings(shipped, reports):
    _, ex = first("zh")
    at = run_app(page=PAGE, s=ex.text)
    assert not at.exception
    html = markdown(at)
    T = len(ex.tokens)
    assert html.count('class="rnnviz-card"') == T + T          # tagged twice + edit view
    assert "≠" in html and "rnnviz-reach" in html and "rnnviz-scoreboard" in html
    rnn, ff = (reports[m].ambiguous["both"] for m in ("RNN", "W = 0"))
    assert percent(rnn.correct, rnn.total) in html            # the measured gap
    assert percent(ff.correct, ff.total) in html
    assert f"{100 * (rnn.accuracy - ff.accuracy):+.1f} points" in html
    assert len(charts(at)) == 3
    a, b = (tag_text(m, ex.text).tags for m in shipped)
    n = sum(x != y for x, y in zip(a, b))
    assert n >= 1                                             # at least the example's word
    assert any(f"disagree on {n} of {T}" in c.value for c in at.caption)
    assert not at.info                                         # built-in model: no note


def test_clicking_an_example_sets_sentence_step_and_edit():
    at = run_app(page=PAGE, s="我 吃 苹果")
    i, ex = first("en")
    at.button(key=f"why_ex_{i}").click().run()
    assert not at.exception
    assert at.session_state["s"] == ex.text and at.text_input(key="s").value == ex.text
    assert at.query_params["s"] == [ex.text] or at.query_params["s"] == ex.text
    assert at.session_state["t"] == ex.word
    assert at.selectbox(key="why_edit_k").value == ex.cue
    assert at.text_input(key="why_edit_word").value == ex.swap
    summary = next(c.value for c in at.caption if c.value.startswith("RNN: tags changed"))
    changed = summary.split(";")[0].removeprefix("RNN: tags changed at t = ").split(", ")
    assert str(ex.word) in changed                              # swapping the cue flips it


def test_edit_view_reports_the_change():
    at = run_app(page=PAGE, s="I drink water")
    at.selectbox(key="why_edit_k").set_value(2).run()
    at.text_input(key="why_edit_word").input("will").run()
    assert not at.exception
    summary = next(c.value for c in at.caption if c.value.startswith("RNN: tags changed"))
    assert "t = 2, 3" in summary and "hidden state at t = 2 only" in summary


def test_empty_and_hostile_sentences():
    at = run_app(page=PAGE, s="")
    assert not at.exception and at.info                        # the prompt, examples still there
    assert at.button(key="why_ex_0")
    hostile = "<script>alert(1)</script> **b** $x$ :red[y] a_1"
    at = run_app(page=PAGE, s=hostile)
    assert not at.exception
    html = markdown(at)                                        # tokens: < script > …
    assert "<script" not in html and "&lt;" in html and "<b>b" not in html


def test_chinese_interface():
    at = run_app(page=PAGE, s="我 会 滑雪")
    at.segmented_control(key="lang").set_value("zh").run()
    assert not at.exception
    assert "只看一个词是不够的" in markdown(at) and "前馈网络" in markdown(at)
    # decoded: how the JSON encoder escapes non-ASCII text (orjson or not) does not matter
    specs = "".join(json.dumps(json.loads(c.proto.spec), ensure_ascii=False)
                    for c in charts(at))
    for words in ("两个标注器的概率", "遮挡", "隐藏状态的变化"):     # figure titles and labels
        assert words in specs


@pytest.mark.parametrize("tags", [None, ("nn", "v", "other")])
def test_session_model_is_the_rnn_side_and_the_page_says_so(tags):
    """A session model (its own vocabulary, size, even tags) on the RNN side;
    the shipped feed-forward tagger stays on the other."""
    shipped = builtin.load_default()
    own = init_rnn(shipped.vocab[:300], tags or shipped.tags, 6, seed=1)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_rnnviz_session_model"] = (own.frozen(), "test")
    at.query_params["s"] = "我 吃 苹果 , 他 的 学习 很 好"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.info
    at.segmented_control(key="model").set_value("session").run()
    assert not at.exception
    assert any("your own model" in i.value for i in at.info)
    assert len(charts(at)) == 3


# --------------------------------------------------------------------------- browser

def test_browser_screenshot_and_example_click(page, app_server):
    from browser_util import screenshot, settle
    from playwright.sync_api import expect
    page.goto(app_server.base)                                 # first load of a fresh server
    settle(page)
    page.goto(f"{app_server.base}/why?s={urllib.parse.quote('我 吃 苹果')}")
    settle(page)
    cards, wait = page.locator(".rnnviz-card"), 30_000        # a loaded machine reruns slowly
    expect(cards).to_have_count(3 + 3, timeout=wait)           # tagged twice + edit view
    i, ex = first("en")
    page.locator(f".st-key-why_ex_{i} button").first.click()
    expect(page.locator(".st-key-s input")).to_have_value(ex.text, timeout=wait)
    expect(cards).to_have_count(2 * len(ex.tokens), timeout=wait)
    settle(page)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["s"] == [ex.text]
    expect(page.locator(".js-plotly-plot")).to_have_count(3, timeout=wait)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "≠" in page.locator(".rnnviz-cards").first.inner_text()
    page.mouse.move(0, 0)                                      # no tooltip in the picture
    page.wait_for_timeout(300)
    path = screenshot(page, "why")
    assert path.stat().st_size > 50_000
