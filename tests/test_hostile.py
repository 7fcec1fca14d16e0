"""Hostile input: any Unicode, 0-10,000 characters, weights of 0, ±1e6, NaN or ±Inf.

Nothing raises out of the tokenizer, the tagger or any figure builder; a
non-finite result is reported (``Tagging.finite`` / ``Trace.finite`` False)
and the figure is still built, serializes to the strict JSON the browser
parses, and passes Plotly's validation. Each property is kept to a few
seconds (``max_examples``; no shrinking, which took minutes on 10,000-character
texts); together they take well under 30 s. A case a property found is kept
below as a regular test with its minimal example.
"""
import json
from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rnnviz.lessons import backprop as lesson, reach
from rnnviz.nn.activations import ACTIVATIONS
from rnnviz.training.builtin import load_default, load_feedforward
from rnnviz.text.corpus import load as load_corpus
from rnnviz.figures.backward import make_backward
from rnnviz.figures.chips import chips_html
from rnnviz.figures.compare import make_probs
from rnnviz.figures.edit import make_edit
from rnnviz.figures.flow import make_flow
from rnnviz.figures.folded import make_folded
from rnnviz.figures.formula import make_formula
from rnnviz.figures.gradients import make_dw_terms, make_gradients
from rnnviz.figures.heatmaps import make_heatmaps, make_u_full
from rnnviz.figures.neurons import make_neurons
from rnnviz.figures.reach import make_reach
from rnnviz.figures.style import Look
from rnnviz.figures.training import make_confusion, make_curves, make_weights
from rnnviz.figures.unrolled import make_unrolled
from rnnviz.nn.model import PARAM_NAMES, init_rnn
from rnnviz.training.tagger import tag_text
from rnnviz.text.tokenize import MAX_CHARS, MAX_TOKENS, tokenize

BUILTIN, FEEDFORWARD = load_default(), load_feedforward()
WORDS = sorted({w for s in load_corpus("zh", "test")[:40] + load_corpus("en", "test")[:40]
                for w, _ in s})
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
           "javascript:alert(1)", "{{7*7}}", "%s%n", "\u202e\u200b\u2066", "👨‍👩‍👧🍎", "&amp;&lt;",
           "<b>", "\\", "'", "\x00", "\ud800", "ＡＰＰＬＥ", "ﷺ", "a" * 300]
SPECIAL = np.array([0.0, 1e6, -1e6, np.nan, np.inf, -np.inf])
REGIMES = ("keep", "zero", "big", "-big", "nan", "inf", "-inf", "mixed")
FAST = dict(deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# any code point, lone surrogates and controls included
chars = st.characters(codec=None, exclude_categories=())
texts = st.one_of(
    st.text(chars, max_size=80),
    st.builds(lambda piece, n: (piece * n)[:n], st.text(chars, min_size=1, max_size=40),
              st.integers(MAX_CHARS - 5, 10_000)),            # a long paste, cheap to draw
    st.lists(st.sampled_from(WORDS + HOSTILE), max_size=70).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map("".join),
)


def weights(a: np.ndarray, regime: str, rng: np.random.Generator) -> np.ndarray:
    """``a`` rewritten by ``regime``: kept, all 0 / ±1e6 / NaN / ±Inf, or a random mix."""
    fill = {"zero": 0.0, "big": 1e6, "-big": -1e6, "nan": np.nan, "inf": np.inf, "-inf": -np.inf}
    if regime in fill:
        return np.full(a.shape, fill[regime])
    if regime == "mixed":
        return np.where(rng.random(a.shape) < 0.3, rng.choice(SPECIAL, a.shape), a)
    return np.array(a, dtype=float)


@st.composite
def models(draw):
    """The built-in model or a tiny one (H, K down to 1), any activation, extreme weights."""
    if draw(st.booleans()):
        m = BUILTIN
    else:
        vocab = draw(st.lists(st.sampled_from(WORDS), max_size=6, unique=True))
        tags = [f"t{k}" for k in range(draw(st.integers(1, 3)))]
        m = init_rnn(vocab, tags, draw(st.integers(1, 4)), seed=draw(st.integers(0, 99)))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    params = {name: weights(getattr(m, name), draw(st.sampled_from(REGIMES)), rng)
              for name in PARAM_NAMES}
    return replace(m, **params, f=draw(st.sampled_from(sorted(ACTIVATIONS))))


def checked(fig, validate: bool = True) -> go.Figure:
    """A figure the app can send: strict JSON (as the browser parses it) and, with
    ``validate``, valid for Plotly (50-150 ms a figure: a third of the examples)."""
    assert isinstance(fig, go.Figure)

    def no_constant(name):
        raise AssertionError(f"{name} in the figure's JSON")
    json.loads(pio.to_json(fig, validate=False), parse_constant=no_constant)
    if validate:
        go.Figure(fig.to_dict())
    return fig


def sometimes(data) -> bool:
    return data.draw(st.integers(0, 2), label="validate") == 0


def finite(*arrays) -> bool:
    return all(np.isfinite(np.asarray(a, dtype=float)).all() for a in arrays)


# --- tokenizer and tagger ------------------------------------------------------
@settings(max_examples=60, **FAST)
@given(texts)
def test_the_tokenizer_takes_any_text(text):
    known = BUILTIN.word_index
    r = tokenize(text, known)
    assert len(r.tokens) == len(r.keys) == len(r.unknown) <= MAX_TOKENS
    assert all(tok and not any(ch.isspace() for ch in tok) for tok in r.tokens)
    assert r.truncated == (r.message is not None and bool(r.tokens))
    assert tokenize(text, known) == r                          # deterministic
    if not r.tokens:
        assert r.message                                       # says why, never raises


@settings(max_examples=100, **FAST)
@given(models(), texts)
def test_the_tagger_takes_any_text_and_any_weights(m, text):
    tg = tag_text(m, text)
    assert tg.T == len(tg.tokens) == len(tg.tags) <= MAX_TOKENS
    assert set(tg.tags) <= set(m.tags)
    assert tg.finite == tg.trace.finite == finite(tg.trace.s, tg.trace.o)
    if finite(*m.params.values()) and m.f != "relu" and m.f != "identity":
        assert tg.finite                                       # bounded f, finite weights
    tg.as_text()
    json.dumps(tg.as_dict())


# --- figures ---------------------------------------------------------------------
def tagged(m, text):
    tg = tag_text(m, text)
    return tg if tg.T else tag_text(m, "我 吃 苹果")          # the builders need T >= 1


@settings(max_examples=25, **FAST)
@given(models(), texts, st.data())
def test_the_network_figures_build_for_anything(m, text, data):
    v = sometimes(data)
    tg = tagged(m, text)
    tr, look = tg.trace, Look(lang=data.draw(st.sampled_from(["en", "zh"])))
    t = data.draw(st.integers(1, tg.T))
    checked(make_unrolled(tr, t, unknown=tg.unknown, look=look), v)
    checked(make_folded(tr, t, look=look), v)
    checked(make_formula(tr, t, look=look), v)
    checked(make_neurons(tr, t, look=look), v)
    checked(make_heatmaps(tr, t, look=look), v)
    checked(make_u_full(m, highlight=tr.x, look=look), v)
    html = chips_html(tg.tokens, tg.tags, tr.confidence, tg.unknown, lang=look.lang,
                      unknown_note="?")
    assert "<script" not in html and "<img" not in html


@settings(max_examples=25, **FAST)
@given(models(), texts, st.data())
def test_the_bptt_figures_build_for_anything(m, text, data):
    v = sometimes(data)
    tg = tagged(m, text)
    t = data.draw(st.integers(1, tg.T))
    trunc = data.draw(st.sampled_from([None, 1, 3]))
    y = np.asarray(data.draw(st.lists(st.integers(0, m.K - 1), min_size=tg.T, max_size=tg.T)))
    ls = lesson.lesson(m, tg.trace.x, y, tokens=tg.tokens, truncate=trunc)
    checked(make_backward(ls, t, unknown=tg.unknown), v)
    checked(make_flow(ls, t), v)
    checked(make_gradients(ls), v)
    checked(make_dw_terms(ls), v)


@settings(max_examples=25, **FAST)
@given(models(), texts, st.data())
def test_the_why_figures_build_for_anything(m, text, data):
    v = sometimes(data)
    tg = tagged(m, text)
    tr = tg.trace
    t = data.draw(st.integers(1, tg.T))
    ff = tag_text(FEEDFORWARD, " ".join(tg.tokens))
    ff = ff if ff.T == tg.T else tg                            # same tokens, other model
    r_rnn, r_ff = reach.reach(tr), reach.reach(ff.trace)
    checked(make_reach(tg.tokens, t, *r_rnn.at(t), *r_ff.at(t)), v)
    tags = list(m.tags)
    o_ff = np.array([ff.trace.o[t - 1, ff.trace.model.tag_index[k]]
                     if k in ff.trace.model.tag_index else 0.0 for k in tags])
    checked(make_probs(tr.o[t - 1], o_ff, tags, word=tg.tokens[t - 1], t=t), v)
    word_id = data.draw(st.integers(0, m.n_vocab - 1))
    e = reach.edit(tr, t, word_id, data.draw(st.sampled_from(HOSTILE)))
    checked(make_edit(list(tg.tokens), t, e.ds, e.ds[::-1].copy(), e.changed), v)


numbers = st.sampled_from([0.0, 0.5, 1.0, 1e6, -1e6, float("nan"), float("inf"), float("-inf")])


@settings(max_examples=40, **FAST)
@given(models(), st.lists(st.tuples(numbers, numbers, st.booleans()), max_size=6),
       st.lists(st.tuples(numbers, numbers), max_size=8), st.data())
def test_the_training_figures_build_for_anything(m, rows, steps, data):
    v = sometimes(data)
    history = [dict(epoch=i + 1, loss=loss, train_acc=acc,
                    **(dict(dev_loss=loss, dev_acc=acc) if dev else {}))
               for i, (loss, acc, dev) in enumerate(rows)]
    checked(make_curves(history, steps, epochs=data.draw(st.integers(1, 100))), v)
    checked(make_weights(m, max_words=data.draw(st.integers(1, 50))), v)
    counts = data.draw(st.lists(st.integers(0, 10**6), min_size=m.K ** 2, max_size=m.K ** 2))
    checked(make_confusion(np.array(counts).reshape(m.K, m.K), list(m.tags)), v)


# --- cases the properties found (minimal examples) --------------------------------
def test_gradients_figure_with_more_tags_than_hidden_units():
    """H < K put the ∂L/∂V axis at domain [1 - K/H, 1], below 0: Plotly raises
    ValueError. The training page allows H = 2 with the corpus' 12 tags."""
    m = init_rnn(["a"], [f"t{k}" for k in range(12)], 2, seed=0)
    checked(make_gradients(lesson.lesson(m, [1], [0])))
