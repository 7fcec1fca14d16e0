"""Issue 19: the guided lesson. Its questions are computed from the model and the sentence
(rnnviz.lessons.guided), and the page asks, checks and reveals (rnnviz.ui.lesson_page)."""
import numpy as np
import pytest

from conftest import run_app
from rnnviz.i18n import STRINGS, text
from rnnviz.lessons import backprop, guided, reach
from rnnviz.training.tagger import tag_text
from rnnviz.ui import lesson_page, resources, urlstate

# Chinese and English, 3 to 20 tokens, with unknown words and without final punctuation
SENTENCES = (
    "我 吃 苹果",
    "我在大学学习，我喜欢学习机器学习。",
    "他 常常 微笑",
    "I want to skateboard",
    "My teacher explained recurrent neural networks yesterday",
    "The quick brown fox jumps over the lazy dog while my friends and I watch it from "
    "the old bridge",
    "苹果",
)


@pytest.fixture(scope="module")
def model():
    return resources.builtin_model()


def taggings(model):
    return [tag_text(model, s) for s in SENTENCES]


def test_the_lesson_has_the_steps_the_url_allows():
    assert len(guided.STEPS) == urlstate.LESSON_STEPS == urlstate.BY_NAME["step"].hi
    assert sum(1 for s in guided.STEPS if s in guided.QUESTION_OF) >= 5
    for name in guided.STEPS:
        for part in ("title", "try"):
            assert f"lesson.{name}.{part}" in STRINGS
    for kind in set(guided.QUESTION_OF.values()):
        assert f"lesson.q.{kind}.ask" in STRINGS and f"lesson.q.{kind}.why" in STRINGS


def test_every_question_fits_a_sentence_of_3_to_20_tokens(model):
    """Chinese and English, spaced and unspaced, with unknown words (微笑, skateboard)."""
    fitting = [tg for tg in taggings(model) if 3 <= tg.T <= 20]
    assert len(fitting) >= 5 and {guided.script_of(tg.tokens) for tg in fitting} == {"zh", "en"}
    assert any(any(tg.unknown) for tg in fitting)
    for tg in fitting:
        for name in guided.QUESTION_OF:
            q = guided.question(name, tg)
            assert q.fits, (tg.tokens, name, q.reason)


def test_the_tag_question_asks_what_the_model_says(model):
    for tg in taggings(model):
        q = guided.tag_after(tg)
        if tg.T < 2:
            assert not q.fits and q.reason == "one_word"
            continue
        t = q.facts["t"]
        assert q.answer == tg.tags[t - 1] and q.answer in q.options
        assert q.facts["prev"] == tg.tokens[t - 2] and tg.tags[t - 1] != "pu"
        assert list(q.options) == sorted(q.options, key=model.tags.index)  # order tells nothing
        assert q.check(q.answer) and not q.check(next(o for o in q.options if o != q.answer))


def test_the_seed_example_asks_about_the_noun_after_the_verb(model):
    q = guided.tag_after(tag_text(model, "我 吃 苹果"))
    assert (q.facts["word"], q.facts["prev"], q.answer) == ("苹果", "吃", "nn")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_context_question_follows_the_model(model, lang):
    q = guided.context(model, lang)
    (a, i), (b, j) = guided.PAIRS[lang]
    assert q.answer == f"{tag_text(model, a).tags[i - 1]} / {tag_text(model, b).tags[j - 1]}"
    assert q.answer in q.options and len(set(q.options)) == len(q.options)
    assert q.facts["word"] == a.split()[i - 1] == b.split()[j - 1]


def test_the_s1_question_is_the_activation_of_the_rounded_terms(model):
    for tg in taggings(model):
        q = guided.s1(tg.trace)
        j = q.facts["unit"] - 1
        assert q.facts["w"] == 0.0                                # s_0 = 0
        assert q.answer == pytest.approx(np.tanh(q.facts["u"] + q.facts["w"] + q.facts["b"]))
        assert abs(q.answer - tg.trace.s[1, j]) < 0.01            # rounding moves it little
        assert q.check(q.answer + 0.009) and q.check(f"{q.answer:.2f}")
        assert not q.check(q.answer + 0.02) and not q.check(q.facts["a"]) or \
            abs(q.facts["a"] - q.answer) <= 0.01
        assert not q.check("abc") and not q.check(float("nan")) and not q.check(None)


def test_the_reach_question_names_the_word_whose_occlusion_moves_o_t_most(model):
    for tg in taggings(model):
        q = guided.reach_question(tg)
        if not q.fits:
            assert tg.T < 2
            continue
        t = q.facts["t"]
        delta = reach.occlusion(tg.trace)[t - 1, : t - 1]
        assert int(q.answer) == int(np.argmax(np.abs(delta))) + 1
        assert q.answer in q.options and len(q.options) <= guided.MAX_EARLIER
        assert all(1 <= int(k) < t for k in q.options)


def test_a_model_without_w_has_no_word_to_pick(model):
    tg = tag_text(backprop.variant(model, w_scale=0.0), "我 吃 苹果")
    q = guided.reach_question(tg)
    assert not q.fits and q.reason == "no_reach"


def test_w_zero_is_measured_not_assumed(model):
    tg = tag_text(model, "My teacher explained recurrent neural networks yesterday")
    q = guided.w_zero(tg)
    assert q.answer == "feedforward" and q.facts["most"] <= guided.STILL
    # the same measure finds memory in the RNN itself: words two or more back still count
    change = guided.occlusion_changes(tg.trace)
    assert np.tril(change, k=-2).max() > 1e-6


def test_the_bptt_question_compares_the_two_norms(model):
    for tg in taggings(model):
        q = guided.bptt(tg)
        if tg.T < 2:
            assert not q.fits
            continue
        full, half = q.facts["full"], q.facts["half"]
        assert q.answer == ("grows" if half > full else "shrinks")
        ls = backprop.lesson(model, tg.trace.x, tg.trace.pred)
        assert full == pytest.approx(ls.norms[tg.T - 1, 0])


# --------------------------------------------------------------------------- the page

def lesson(step: int, s: str = "我 吃 苹果", lang: str = "en"):
    return run_app(page="pages/lesson.py", step=str(step), s=s, lang=lang)


def body(at) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(
        c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("step", range(1, len(guided.STEPS) + 1))
def test_every_step_draws_in_both_languages(step, lang):
    at = lesson(step, lang=lang)
    assert not at.exception, at.exception
    name = guided.STEPS[step - 1]
    assert text(f"lesson.{name}.title", lang) in " ".join(h.value for h in at.subheader)
    assert text("lesson.progress", lang, i=step, n=len(guided.STEPS)) in body(at)


@pytest.mark.parametrize("s", SENTENCES)
def test_every_step_fits_every_sentence(s):
    at = lesson(1, s=s)
    for step in range(1, len(guided.STEPS) + 1):
        at.session_state["step"] = step
        at.run()
        assert not at.exception, (step, at.exception)


def answer(at, q, given):
    if q.options:
        at.radio[0].set_value(given)
    else:
        at.number_input[0].set_value(given)
    at.button[[b.label for b in at.button].index(text("lesson.check", "en"))].click().run()


@pytest.mark.parametrize("name", sorted(guided.QUESTION_OF))
def test_each_question_can_be_answered_wrong_then_right(model, name):
    step = guided.step_number(name)
    s = "I want to skateboard"
    q = guided.question(name, tag_text(model, s))
    at = lesson(step, s=s)
    assert not at.success and not at.error
    wrong = next(o for o in q.options if o != q.answer) if q.options else q.answer + 0.5
    answer(at, q, wrong)
    assert at.error and "Not this time" in at.error[0].value, name
    at.button(key=f"lesson_again_{name}").click().run()
    answer(at, q, q.answer)
    assert at.success and "Right" in at.success[0].value, name
    assert "0 of 1" in body(at)                     # the first try counts
    assert not at.exception


def test_the_score_counts_first_tries_and_a_new_sentence_asks_again(model):
    s = "我 吃 苹果"
    q = guided.question("tag_after", tag_text(model, s))
    at = lesson(guided.step_number("tag_after"), s=s)
    answer(at, q, q.answer)
    assert "1 of 1" in body(at)
    at.text_input[0].set_value("我 喜欢 学习").run()
    assert "The sentence changed" in " ".join(i.value for i in at.info)
    assert not at.success                              # asked again, not answered
    assert not at.exception


def test_a_step_out_of_range_is_refused_with_a_notice():
    at = lesson(99)
    assert not at.exception
    assert "step=99" in " ".join(w.value for w in at.warning)
    assert at.session_state["step"] == 1


def test_next_and_back_move_between_steps():
    at = lesson(1)
    at.button(key="lesson_next").click().run()
    assert at.session_state["step"] == 2
    at.button(key="lesson_prev").click().run()
    assert at.session_state["step"] == 1
    assert at.button(key="lesson_prev").disabled          # nothing before step 1
    assert lesson_page.N == len(guided.STEPS)


def test_the_bptt_figures_ask_to_scroll_rather_than_squeeze_on_a_phone(model):
    """The lesson's last steps draw the backward and flow figures: on a 390 px screen they
    scroll sideways (views.chart honours meta.min_width) instead of overlapping labels."""
    from rnnviz.figures.backward import make_backward
    from rnnviz.figures.flow import make_flow
    from rnnviz.figures.plotly_fence import meta_of
    widths = {}
    for s in ("我 吃 苹果", "I want to book a table", SENTENCES[5]):
        tg = tag_text(model, s)
        ls = backprop.lesson(model, tg.trace.x, tg.trace.pred, tokens=tg.tokens)
        widths[tg.T] = [meta_of(make(ls, tg.T))["min_width"] for make in (make_backward,
                                                                         make_flow)]
    Ts = sorted(widths)
    for i in range(2):
        assert all(widths[T][i] > 390 for T in Ts)
        assert widths[Ts[0]][i] <= widths[Ts[-1]][i]


def test_the_share_link_opens_the_same_step_and_gives_no_answer_away(model):
    from urllib.parse import parse_qs, urlsplit

    from rnnviz.ui import shell, views
    from streamlit.testing.v1 import AppTest
    from conftest import APP
    s = "我 吃 苹果"
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(step="2", s=s)
    at.session_state[shell.SHARE_KEY] = True
    at.run()
    at.switch_page("pages/lesson.py").run()
    q = guided.question("tag_after", tag_text(model, s))
    answer(at, q, q.answer)
    link = next(c.value for c in at.code if "?" in c.value)
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert parts.path.endswith("/lesson") and query["step"] == ["2"] and query["s"] == [s]
    assert not any(k.startswith("lesson_") or k.startswith("_") for k in query)
    assert set(at.query_params) <= {f.name for f in urlstate.FIELDS}    # nor the address
    assert views.PANEL_KEY in at.session_state
