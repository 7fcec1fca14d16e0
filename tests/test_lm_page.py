"""Issue 21's page: the language model, the next word, generation.

Figures are checked on their content against the model's own arrays (o_t computed
here again as softmax(V s_t + c)), generation against the engine and against itself
with the same seed, the page in AppTest (en and zh interface, zh and en sentences of
1, 5 and 50 tokens, blank, hostile, presenter view, the mode switch, a candidate
clicked, the URL's seed).
"""
import json

import numpy as np
import pytest
from conftest import APP, charts, run_app
from streamlit.testing.v1 import AppTest
from test_bptt_page import array, figures
from test_lecture import english_words, font_sizes, visible_texts
from test_pages import folded_shapes, waiting_network

from rnnviz.figures import style
from rnnviz.figures.formula import make_formula
from rnnviz.figures.next_word import lm_outputs, make_next_bars, make_temperature
from rnnviz.figures.plotly_fence import meta_of
from rnnviz.figures.unrolled import make_unrolled
from rnnviz.lessons import lm
from rnnviz.nn.lm import LMError, next_distribution
from rnnviz.training.language_model import load_lm
from rnnviz.training.next_word import NextWordError, generate_text
from rnnviz.ui import context, resources
from rnnviz.ui import models as ui_models

PAGE = "pages/lm.py"
EN, ZH = "I want to eat the big fish", "我 想 吃 苹果 和 香蕉"


@pytest.fixture(scope="module")
def models():
    return {lang: load_lm(lang) for lang in ("en", "zh")}


def engine_o(m, s_t: np.ndarray) -> np.ndarray:
    """o_t = softmax(V s_t + c), computed here from the model's arrays."""
    z = m.V @ s_t + m.c
    e = np.exp(z - z.max())
    return e / e.sum()


def emitted(m) -> np.ndarray:
    """Outputs generation may emit: not <unk>, an unknown-word class or <s>."""
    return np.array([not (w == "<unk>" or w.startswith("<unk:") or w == "<s>") for w in m.tags])


def engine_top(m, s_t: np.ndarray, k: int = 10) -> list[int]:
    o = engine_o(m, s_t)
    ids = np.flatnonzero(emitted(m))
    return [int(i) for i in ids[np.argsort(-o[ids], kind="stable")[:k]]]


def valid(fig):
    import plotly.graph_objects as go
    go.Figure(fig.to_dict())            # Plotly's own validation of every property
    return fig


# --------------------------------------------------------------------------- engine

def test_a_reading_has_a_step_after_the_last_word(models):
    rd = lm.read(models["en"], EN)
    assert rd.T == len(EN.split()) + 1
    assert rd.trace.tokens[0] == "<s>" and rd.next_word(rd.T) == "</s>"
    assert [rd.next_word(t) for t in range(1, rd.T)] == EN.split()
    m = models["en"]
    for t in (1, 4, rd.T):
        o = engine_o(m, rd.trace.s[t])
        assert rd.p_next(t) == pytest.approx(o[rd.y[t - 1]], rel=1e-9)
        assert m.tags[rd.y[t - 1]] in (rd.next_word(t).lower(), "<unk>")


def test_text_the_model_cannot_read_gets_a_coded_error(models):
    with pytest.raises(NextWordError) as e:
        lm.read(models["en"], "\u200f\u200f\u200e")         # only direction marks
    assert e.value.code.startswith("tokenize.")
    with pytest.raises(LMError) as e:
        next_distribution(np.zeros(3), np.zeros(3, bool), temperature=-1)
    assert e.value.code == "lm.temperature"
    with pytest.raises(LMError) as e:
        next_distribution(np.zeros(3), np.zeros(3, bool), top_k=0)
    assert e.value.code == "lm.top_k"
    with pytest.raises(NextWordError) as e:
        generate_text(models["en"], "I", 500)
    assert e.value.code == "next.n"


def test_generation_with_a_seed_is_reproducible(models):
    for lang, text in (("en", "I want"), ("zh", "我 想")):
        m = models[lang]
        runs = [generate_text(m, text, 12, temperature=1.3, top_k=20, seed=7) for _ in range(2)]
        assert runs[0].words == runs[1].words and runs[0].words
        others = {generate_text(m, text, 12, temperature=1.3, seed=s).words for s in range(6)}
        assert len(others) > 1                  # the seed matters
        greedy = generate_text(m, text, 5, temperature=0, seed=1)
        assert greedy.words == generate_text(m, text, 5, temperature=0, seed=2).words


def test_the_far_example_is_judged_from_the_models_numbers(models):
    for lang, m in models.items():
        pair = lm.FAR_PAIRS[lang]
        v = lm.far_example(m, pair)
        assert pair.a.split()[-5:] == pair.b.split()[-5:]      # the same words at the end
        assert pair.a.split()[0] != pair.b.split()[0]           # the first word differs
        o = engine_o(m, lm.read(m, pair.a).trace.s[-1])
        assert v.p[("a", "a")] == pytest.approx(o[m.tag_index[pair.word_a]], rel=1e-9)
        if v.code == "right":
            assert v.best == {"a": pair.word_a, "b": pair.word_b}
        else:
            assert v.best != {"a": pair.word_a, "b": pair.word_b}
        shifts = (v.p[("a", "a")] - v.p[("b", "a")], v.p[("b", "b")] - v.p[("a", "b")])
        if v.code == "leans":
            assert max(shifts) >= lm.MIN_SHIFT and min(shifts) > -lm.MIN_SHIFT
        if v.code == "blind":
            assert max(shifts) < lm.MIN_SHIFT or min(shifts) <= -lm.MIN_SHIFT


# --------------------------------------------------------------------------- figures

@pytest.mark.parametrize("lang,text", [("en", EN), ("zh", ZH)])
def test_the_bars_are_o_t_top_10_with_the_next_word_marked(models, lang, text):
    m = models[lang]
    rd = lm.read(m, text)
    for t in range(1, rd.T + 1):
        target = int(rd.y[t - 1])
        made = valid(make_next_bars(rd.trace, t, target))
        bars = made.to_dict()["data"][0]
        want = engine_top(m, rd.trace.s[t])
        ids = meta_of(made)["ids"]
        assert ids[:10] == want
        o = engine_o(m, rd.trace.s[t])
        np.testing.assert_allclose(array(bars["x"]), o[ids], rtol=1e-9)
        marked = [i for i, c in zip(ids, bars["marker"]["color"]) if c == style.HIGHLIGHT]
        assert marked == [target]
        if target not in want:                  # added below the ten, its rank said
            assert len(ids) == 11 and f"(#{lm.rank(o, target)})" in bars["y"][-1]


def test_the_formula_shows_the_rows_that_matter(models):
    m = models["en"]
    rd = lm.read(m, EN)
    t = 3
    rows = lm.rows(rd, t)
    assert rows[0] == rd.y[t - 1] and len(set(rows)) == len(rows) == 10
    fig = valid(make_formula(rd.trace, t, rows=rows, target=int(rows[0]))).to_dict()
    z, o = fig["data"][1], fig["data"][2]
    np.testing.assert_allclose(array(z["z"])[:, 0], (m.V @ rd.trace.s[t] + m.c)[rows],
                               rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(array(o["z"])[:, 0], engine_o(m, rd.trace.s[t])[rows],
                               rtol=1e-9, atol=1e-15)
    assert z["y"][0].startswith("▶ ") and len(z["y"]) == 10
    with pytest.raises(ValueError, match="rows"):
        make_formula(rd.trace, t, rows=[m.K])


def test_the_unrolled_graph_shows_the_best_next_word(models):
    m = models["zh"]
    rd = lm.read(m, ZH)
    out = lm_outputs(rd.trace, rd.y)
    assert out.labels == [m.tags[engine_top(m, rd.trace.s[t], 1)[0]] for t in range(1, rd.T + 1)]
    fig = valid(make_unrolled(rd.trace, 2, unknown=rd.unknown, outputs=out)).to_dict()
    o_text = next(d for d in fig["data"] if d.get("name") == "o")["text"]
    assert [s.split("<br>")[0] for s in o_text] == [style.esc(w) for w in out.labels]
    with pytest.raises(ValueError, match="outputs"):
        make_unrolled(rd.trace, 2, outputs=lm_outputs(lm.read(m, "我").trace, [0, 1]))


def test_the_temperature_panels(models):
    m = models["en"]
    z = lm.read(m, EN).trace.z[-1]
    made = valid(make_temperature(m, z, 0.5, 5))
    before, after = (array(d["x"]) for d in made.to_dict()["data"])
    ids = meta_of(made)["ids"]
    o = engine_o(m, lm.read(m, EN).trace.s[-1])
    allowed = o * emitted(m)
    np.testing.assert_allclose(before, (allowed / allowed.sum())[ids], rtol=1e-9)
    sharp = np.exp((z - z.max()) / 0.5) * emitted(m)
    keep = np.argsort(-sharp)[:5]
    want = np.zeros_like(sharp)
    want[keep] = sharp[keep] / sharp[keep].sum()
    np.testing.assert_allclose(after, want[ids], rtol=1e-9, atol=1e-15)
    greedy = array(make_temperature(m, z, 0, None).to_dict()["data"][1]["x"])
    assert greedy[0] == 1 and not greedy[1:].any()


# --------------------------------------------------------------------------- the page

def lm_page(**query):
    """The page opened straight from a link with ``query`` (run_app opens "/" first,
    whose shorter steps would clamp ?t=)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def step_line(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(("**Step", "**第")))


LONG_EN = " ".join((["I", "want", "to", "eat", "the", "big", "fish"] * 8)[:50])
LONG_ZH = " ".join((["我", "想", "吃", "苹果", "和", "香蕉"] * 9)[:50])


@pytest.mark.parametrize("ui", ["en", "zh"])
@pytest.mark.parametrize("sentence", ["fish", "I eat the big fish", LONG_EN, "苹果",
                                      "我 吃 了 三 个", LONG_ZH],
                         ids=["en1", "en5", "en50", "zh1", "zh5", "zh50"])
def test_the_page_renders_sentences_of_1_to_50_tokens(ui, sentence):
    T = len(sentence.split()) + 1
    at = lm_page(lang=ui, s=sentence, t=str(T))
    assert at.session_state["t"] == T               # the step after the last word
    assert "</s>" in step_line(at)
    kinds = set(figures(at))
    assert {"unrolled", "lm_bars", "formula", "lm_temperature"} <= kinds
    if ui == "zh":
        allowed = {"RNN", "LSTM", "GRU", "softmax", "top", "log", *lm.FAR_PAIRS["en"].a.split(),
                   *lm.FAR_PAIRS["en"].b.split(), *sentence.split()}
        model = at.session_state["_lm_reading"][1].model
        allowed |= set(model.tags)
        leftovers = {w for s in visible_texts(at) for w in english_words(s)}
        assert leftovers <= allowed, sorted(leftovers - allowed)


@pytest.mark.parametrize("text", ["", "   "])
def test_a_blank_box_gets_the_prompt(text):
    at = lm_page(s=text, lang="en")                  # the prompt and the folded LM
    assert at.info and waiting_network(at) == folded_shapes(resources.lm_model("en"))


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script> fish", "{{7*7}} ${x} fish", "\u202e\u200f I eat \u202c",
    "a" * 400, "**bold** _x_ [link](http://x) `code`", "\u200f\u200f"])
def test_hostile_text_is_text(text):
    at = lm_page(s=text, lang="en")             # no exception: a view or a message
    assert charts(at) or at.info or at.warning
    for m in at.markdown:                       # typed text never becomes HTML
        assert "<script>" not in m.value.replace("`<script>`", "")


def test_presenter_view_has_no_small_text():
    at = lm_page(s=ZH, lang="zh", present="true")
    for c in charts(at):
        assert min(font_sizes(json.loads(c.proto.spec))) >= context.PRESENTER_MIN, c.key


def test_normal_view_has_no_text_under_11_px():
    at = lm_page(s=LONG_EN, lang="en")
    for c in charts(at):
        assert min(font_sizes(json.loads(c.proto.spec))) >= 11, c.key


def test_the_bars_on_the_page_are_the_engines_top_10(models):
    at = lm_page(s=EN, lang="en", t="4")
    bars = figures(at)["lm_bars"]
    m = models["en"]
    rd = lm.read(m, EN)
    want = engine_top(m, rd.trace.s[4])
    assert bars["layout"]["meta"]["ids"][:10] == want
    np.testing.assert_allclose(array(bars["data"][0]["x"])[:10],
                               engine_o(m, rd.trace.s[4])[want], rtol=1e-9)
    assert "eat" in step_line(at)                   # step 4 reads "to", "eat" comes next


def mode_links(at) -> dict[str, str]:
    """The mode switch's two links: label -> the URL path it opens."""
    return {p.proto.label: p.proto.page for p in at.get("page_link")[:2]}


def test_the_mode_switch_goes_to_the_next_word_and_back():
    at = run_app(page="pages/bptt.py", s=EN, lang="en")
    assert mode_links(at) == {"Tag each word": "bptt", "Predict the next word": "lm"}
    at.switch_page(PAGE).run()                      # what the link opens
    assert not at.exception
    assert any(m.value.startswith("### The same RNN predicts") for m in at.markdown)
    assert at.text_input(key="s").value == EN       # the sentence came along
    # back: the tagging page it came from, not the first one
    assert mode_links(at) == {"Tag each word": "bptt", "Predict the next word": "lm"}
    at = run_app(page=PAGE, s=EN, lang="zh")        # straight to the LM: back is the network
    assert mode_links(at) == {"标注每个词": "", "预测下一个词": "lm"}   # "" is the network


def test_clicking_a_candidate_appends_it(models):
    at = lm_page(s="I want", lang="en")
    o = engine_o(models["en"], lm.read(models["en"], "I want").trace.s[-1])
    first = models["en"].tags[engine_top(models["en"], lm.read(models["en"], "I want")
                                         .trace.s[-1], 1)[0]]
    assert o.max() > 0
    at.button(key="lm_next_0").click().run()
    assert not at.exception
    assert at.text_input(key="s").value == f"I want {first}"


def test_the_seed_on_screen_reproduces_the_text(models):
    query = dict(s="I want", lang="en", lm_seed="12345", lm_temp="1.4", lm_topk="30", lm_n="8")
    quotes = [next(m.value for m in lm_page(**query).markdown if m.value.startswith("> "))
              for _ in range(2)]
    assert quotes[0] == quotes[1]
    g = generate_text(models["en"], "I want", 8, temperature=1.4, top_k=30, seed=12345)
    assert quotes[0].startswith("> I want **" + style.esc_markdown(" ".join(g.words)) + "**")
    at = lm_page(**query)
    assert any("12345" in c.value for c in at.caption)          # the seed is on screen
    assert at.number_input(key="lm_seed").value == 12345


def test_the_share_panel_exports_the_language_models_view(models):
    """Share & export on this page: open at t = T + 1 it draws without an exception, and
    the offline file carries the LM's four figures at that step."""
    at = lm_page(s=EN, lang="en", t="8")
    at.session_state["lecture_share"] = True
    at.run()
    assert not at.exception, at.exception
    assert at.get("download_button")
    from rnnviz.ui import lm_state
    rd = lm.read(models["en"], EN)
    figs = lm_state.export_figures(rd, rd.T, 0.8, 5, style.Look())
    assert [meta_of(f)["kind"] for _, f, _ in figs] == ["unrolled", "lm_bars", "formula",
                                                        "lm_temperature"]
    assert meta_of(figs[1][1])["t"] == rd.T and all(alt for _, _, alt in figs)


def test_a_keystroke_that_changes_no_token_reads_and_builds_nothing():
    at = lm_page(s=EN, lang="en", t="3")
    reading = at.session_state["_lm_reading"]
    built = dict(at.session_state["_rnnviz_figures"][1])
    assert {("lm_bars", 3), ("lm_formula", 3), ("lm_unrolled", 3)} <= set(built)
    at.text_input(key="s").set_value(EN.replace(" ", "  ") + " ").run()
    assert not at.exception
    assert at.session_state["_lm_reading"][1] is reading[1]
    again = at.session_state["_rnnviz_figures"][1]
    assert all(again[k] is fig for k, fig in built.items())        # the same figures
    at.text_input(key="s").set_value(EN + " today").run()
    assert at.session_state["_lm_reading"][1] is not reading[1]    # a new token: read again


def test_the_steps_numbers_are_the_language_models(models):
    at = lm_page(s=EN, lang="en", t="2")
    at.session_state["lecture_numbers"] = True          # the expander opened
    at.run()
    assert not at.exception, at.exception
    table = next(m.value for m in at.markdown if m.value.startswith("| ") and "s_{2}" in m.value)
    s_2 = lm.read(models["en"], EN).trace.s[2]
    first = table.splitlines()[2].split("|")
    assert float(first[-2].replace("−", "-")) == pytest.approx(s_2[0], abs=1e-3)


def test_a_session_model_is_said_to_be_the_taggers_only():
    """With the session's own tagger switched on, the page says it still reads with the
    built-in language model (the switch at the top is the tagger's)."""
    at = lm_page(s=EN, lang="en")
    assert not any("always reads with" in i.body for i in at.info)
    m = resources.builtin_model()
    at.session_state[ui_models.SESSION_KEY] = (m.with_params(W=m.W * 2.0).frozen(), "test")
    at.session_state[ui_models.CHOICE_KEY] = "session"
    at.run()
    assert not at.exception
    assert any("always reads with the built-in language model" in i.body for i in at.info)
