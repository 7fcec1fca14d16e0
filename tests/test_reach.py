"""Context reach (rnnviz.lessons.reach) and its figures: exact numbers, checked by hand,
by finite differences and by brute-force recomputation."""
from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import pytest

from rnnviz.training import builtin
from rnnviz.text import corpus
from rnnviz.lessons import reach
from rnnviz.figures import compare, edit as edit_fig, reach as reach_fig
from rnnviz.nn.forward import forward, trace
from rnnviz.nn.model import RNN
from rnnviz.training.tagger import tag_text


@pytest.fixture(scope="module")
def shipped():
    return builtin.load_default(), builtin.load_feedforward()


def probs_with_column(m: RNN, x, k: int, u: np.ndarray) -> np.ndarray:
    """o_1..o_T with word k's input column U x_k replaced by ``u`` (a probe word)."""
    probe = replace(m, U=np.concatenate([m.U, u[:, None]], axis=1), vocab=m.vocab + ("__probe",))
    x = np.array(x)
    x[k] = probe.n_vocab - 1
    return forward(probe, x[None]).o[:, 0]                      # (T, K)


@pytest.mark.parametrize("f", ["tanh", "sigmoid", "relu", "identity"])
def test_jacobian_matches_finite_differences(small_model, f):
    m = replace(small_model, f=f)
    x = [3, 0, 7, 3, 11, 5]                                     # a repeated word and <unk>
    J = reach.jacobians(trace(m, x))                            # (T, T, K, H)
    eps = 1e-6
    for k in range(len(x)):
        u = m.U[:, x[k]]
        fd = np.stack([(probs_with_column(m, x, k, u + eps * e)
                        - probs_with_column(m, x, k, u - eps * e)) / (2 * eps)
                       for e in np.eye(m.H)], axis=-1)          # (T, K, H)
        np.testing.assert_allclose(J[:, k], fd, atol=1e-8, rtol=1e-5)
    assert np.abs(J).max() > 1e-3                               # not trivially zero


def test_reach_is_zero_for_later_words_and_without_recurrence(small_model):
    x = [1, 2, 3, 4, 5]
    r = reach.reach(trace(small_model, x))
    later = np.triu(np.ones((5, 5), bool), 1)                   # k > t
    assert (r.gradient[later] == 0).all() and (r.occlusion[later] == 0).all()
    assert (r.gradient[~later] > 0).all()
    ff = reach.reach(trace(small_model.with_params(W=np.zeros_like(small_model.W)), x))
    earlier = np.tril(np.ones((5, 5), bool), -1)                # k < t
    assert (ff.gradient[earlier] == 0).all() and (ff.occlusion[earlier] == 0).all()
    assert (np.diag(ff.gradient) > 0).all()


def test_occlusion_equals_brute_force_recomputation(small_model):
    x = np.array([4, 9, 0, 2, 6])
    tr = trace(small_model, x)
    occl = reach.occlusion(tr)
    for k in range(5):
        xk = x.copy()
        xk[k] = 0
        o = trace(small_model, xk).o
        for t in range(k, 5):
            want = tr.o[t, tr.pred[t]] - o[t, tr.pred[t]]
            assert occl[t, k] == pytest.approx(want, abs=1e-12)
    assert (occl[:, 2] == 0).all()                              # already <unk>: nothing to occlude


def test_exact_zeros_come_from_the_structure_not_from_comparing_floats(small_model,
                                                                       monkeypatch):
    """Another BLAS may round the same row differently in another place of the batch
    (up to 3e-16 seen): the zeros must not depend on the rows of one forward pass
    coming out bitwise equal. Here every sentence of the batch gets its own rounding."""
    real = reach.forward

    def rounded_per_row(m, X, s0=None):
        fw = real(m, X, s0)
        B = fw.o.shape[1]
        wobble = 1 + np.arange(B)[None, :, None] * 2.3e-16       # a few ulps, row by row
        return replace(fw, s=fw.s * wobble, o=fw.o * wobble, z=fw.z * wobble)

    monkeypatch.setattr(reach, "forward", rounded_per_row)
    x = [1, 2, 0, 4, 5]                                         # word 3 is <unk>
    occl = reach.occlusion(trace(small_model, x))
    later = np.triu(np.ones((5, 5), bool), 1)                   # k > t
    assert (occl[later] == 0).all()
    assert (occl[:, 2] == 0).all()                              # already <unk>
    assert (occl[~later & (np.arange(5) != 2)] != 0).all()      # the rest moved
    ff = small_model.with_params(W=np.zeros_like(small_model.W))
    occl = reach.occlusion(trace(ff, x))
    assert (occl[np.tril(np.ones((5, 5), bool), -1) | later] == 0).all()   # W = 0: only k = t
    assert (np.diag(occl)[[0, 1, 3, 4]] != 0).all()


def hand_model() -> RNN:
    """H = 1, f = identity, W = 1, two tags with logits (s, -s): P(t0) = σ(2 s).
    Word a adds +1 to s, word c adds -0.5, word b and <unk> add 0."""
    return RNN(U=np.array([[0.0, 1.0, 0.0, -0.5]]), W=np.array([[1.0]]),
               V=np.array([[1.0], [-1.0]]), b=np.zeros(1), c=np.zeros(2),
               vocab=("<unk>", "a", "b", "c"), tags=("t0", "t1"), f="identity")


def sigma(z):
    return 1 / (1 + np.exp(-z))


def test_hand_checked_example_signs_agree():
    """'a c': s_1 = 1, s_2 = 0.5, ŷ_2 = t0 with P = σ(1).
    Occluding a: s_2 = -0.5, P(t0) = σ(-1): Δ = σ(1) - σ(-1) > 0 (a supported t0).
    Occluding c: s_2 = 1, P(t0) = σ(2): Δ = σ(1) - σ(2) < 0 (c argued against t0).
    dP(t0)/du_k = 2 σ'(1) · W^(2-k) = 2 σ(1)(1 - σ(1)); times u_k - u_<unk> (1 and -0.5)."""
    tr = trace(hand_model(), [1, 3])
    r = reach.reach(tr)
    p, dp = sigma(1.0), 2 * sigma(1.0) * (1 - sigma(1.0))
    assert tr.pred_tags == ("t0", "t0")
    assert r.occlusion[1] == pytest.approx([p - sigma(-1.0), p - sigma(2.0)], abs=1e-12)
    assert r.linear[1] == pytest.approx([dp * 1.0, dp * -0.5], abs=1e-12)
    assert np.sign(r.occlusion[1]).tolist() == np.sign(r.linear[1]).tolist() == [1.0, -1.0]
    # ‖∂o_2/∂u_k‖_F: the rows of the 2-tag softmax Jacobian are ±dp, W = 1 carries it back
    assert r.gradient[1] == pytest.approx([np.sqrt(2) * dp, np.sqrt(2) * dp], abs=1e-12)


def test_hand_checked_word_without_input_has_no_occlusion():
    r = reach.reach(trace(hand_model(), [1, 2]))                # 'a b': U x_b = U x_<unk>
    assert r.occlusion[1, 1] == 0 and r.linear[1, 1] == 0
    assert r.occlusion[1, 0] == pytest.approx(sigma(2.0) - 0.5)


def test_cue_word_reaches_the_example_word_in_the_shipped_rnn(shipped):
    """The word that tells (的 in 他 的 学习 很 好) supported the RNN's tag of the
    word: occluding it lowers that tag's probability, and its gradient reach is
    not zero; the feed-forward tagger's reach of it is exactly zero."""
    from rnnviz.lessons.examples import EXAMPLES
    rnn, ff = shipped
    for ex in EXAMPLES:
        r = reach.reach(tag_text(rnn, ex.text).trace)
        t, k = ex.word - 1, ex.cue - 1
        assert r.occlusion[t, k] > 0.01, ex.text
        assert r.gradient[t, k] > 0, ex.text
        f = reach.reach(tag_text(ff, ex.text).trace)
        assert f.gradient[t, k] == 0 and f.occlusion[t, k] == 0, ex.text


def test_shipped_examples_linear_and_occlusion_agree_in_sign_when_it_matters(shipped):
    rnn, _ = shipped
    tr = tag_text(rnn, "I want to book a room").trace
    r = reach.reach(tr)
    big = np.abs(r.occlusion) > 0.02                            # where occlusion is clear
    assert big.sum() >= 3
    assert (np.sign(r.linear[big]) == np.sign(r.occlusion[big])).mean() >= 0.8


def test_feedforward_tagger_has_no_recurrence(shipped):
    """Its output for a word is the same in every sentence; the RNN's is not."""
    rnn, ff = shipped
    assert (ff.W == 0).all() and not (rnn.W == 0).all()
    by_word: dict[str, list[np.ndarray]] = {}
    rnn_rows: dict[str, list[np.ndarray]] = {}
    for sent in corpus.load("zh", "test")[:150] + corpus.load("en", "test")[:150]:
        text = " ".join(w for w, _ in sent)
        a, b = tag_text(rnn, text), tag_text(ff, text)
        for i, key in enumerate(b.tokenized.keys):
            by_word.setdefault(key, []).append(b.trace.o[i])
            rnn_rows.setdefault(key, []).append(a.trace.o[i])
    repeated = [w for w, rows in by_word.items() if len(rows) >= 3]
    assert len(repeated) > 50
    for w in repeated:
        rows = np.array(by_word[w])
        assert np.abs(rows - rows[0]).max() <= 1e-12, w
    spread = [np.abs(np.array(rnn_rows[w]) - rnn_rows[w][0]).max() for w in repeated]
    assert max(spread) > 0.5                                    # the RNN's depend on context


def test_edit_changes_later_states_only(small_model):
    tr = trace(small_model, [1, 2, 3, 4, 5])
    e = reach.edit(tr, 3, 8, "w8")
    assert e.after.tokens[2] == "w8" and e.after.x[2] == 8
    assert (e.ds[:2] == 0).all() and (e.ds[2:] > 0).all()
    ff = reach.edit(trace(small_model.with_params(W=np.zeros_like(small_model.W)),
                          [1, 2, 3, 4, 5]), 3, 8, "w8")
    assert np.flatnonzero(ff.ds).tolist() == [2]
    assert e.changed.dtype == bool and not e.changed[:2].any()
    with pytest.raises(ValueError, match="outside 1..5"):
        reach.edit(tr, 6, 1, "w1")
    with pytest.raises(ValueError, match="word id"):
        reach.edit(tr, 1, 99, "?")


def test_reach_of_a_nonfinite_model_does_not_raise(small_model):
    m = small_model.with_params(W=small_model.W * 1e300, U=small_model.U * 1e300)
    with np.errstate(all="ignore"):
        tr = trace(m, [1, 2, 3])
    r = reach.reach(tr)
    assert r.gradient.shape == (3, 3)


# --------------------------------------------------------------------------- figures

def test_reach_figure_shows_the_numbers(shipped):
    rnn, ff = shipped
    tr, tf = tag_text(rnn, "他 的 学习 很 好").trace, tag_text(ff, "他 的 学习 很 好").trace
    r, f = reach.reach(tr), reach.reach(tf)
    fig = reach_fig.make_reach(tr.tokens, 3, *r.at(3), *f.at(3))
    go.Figure(fig.to_dict())
    assert fig.layout.meta["kind"] == "why_reach" and fig.layout.meta["t"] == 3
    np.testing.assert_allclose(fig.data[0].y, r.gradient[2])
    np.testing.assert_allclose(fig.data[2].y, r.occlusion[2])
    assert list(fig.data[3].y[:2]) == [0, 0]                    # feed-forward: no reach back
    assert fig.layout.xaxis2.ticktext[2] == "<b>学习</b>"
    assert fig.layout.yaxis.type == "log"
    with pytest.raises(ValueError, match="outside 1..5"):
        reach_fig.make_reach(tr.tokens, 6, *r.at(3), *f.at(3))
    with pytest.raises(ValueError, match="shape"):
        reach_fig.make_reach(tr.tokens, 3, r.gradient[2][:4], *r.at(3)[1:], *f.at(3))


@pytest.mark.parametrize("top", [0.012, 0.4, 3e-4, 0.0])
def test_occlusion_tick_labels_never_repeat(top):
    """0.00, 0.01, 0.01 once read as a repeated tick: the decimals follow the span."""
    tokens = ["我", "吃", "苹果"]
    occl = np.array([-top / 10, top / 2, top])
    fig = reach_fig.make_reach(tokens, 3, np.full(3, 0.01), occl, np.full(3, 0.01),
                               np.array([0.0, 0.0, top]))
    decimals = int(fig.layout.yaxis2.tickformat[1:-1])
    step = (occl.max() - min(occl.min(), 0)) / 4          # about where Plotly puts ticks
    labels = {f"{k * step:.{decimals}f}" for k in range(5)} if step else {"0"}
    assert len(labels) == (5 if step else 1), (fig.layout.yaxis2.tickformat, labels)


def test_strip_escapes_and_fades_unread_words():
    html = reach_fig.strip_html(["<b>x</b>", "$y$", "z"], 2,
                                [("grad", np.array([0.1, 0.2, 0.0]), False),
                                 ("occl", np.array([-0.3, 0.5, 0.0]), True)],
                                future_note="not read yet")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "&#36;y&#36;" in html
    assert html.count("not read yet") == 2 and html.count("opacity:0.35") == 2
    assert html.count(f"3px solid {reach_fig.style.HIGHLIGHT}") == 2


def test_probs_figure_and_cards():
    tags = ("nn", "v", "adj")
    fig = compare.make_probs(np.array([0.7, 0.2, 0.1]), np.array([0.1, 0.8, 0.1]), tags,
                             word="<i>x</i>", t=2, look=compare.style.Look(lang="zh"))
    go.Figure(fig.to_dict())
    assert list(fig.data[0].x) == list(tags) and fig.data[1].y[1] == pytest.approx(0.8)
    assert "&lt;i&gt;x&lt;/i&gt;" in fig.layout.title.text and "o<sub>2</sub>" in fig.layout.title.text
    with pytest.raises(ValueError, match="expected"):
        compare.make_probs(np.zeros(2), np.zeros(3), tags, word="x", t=1)
    rows = [compare.Row("RNN", ["nn", "v"], [0.9, 0.8]), compare.Row("ff", ["v", "v"], [0.6, 0.7])]
    html = compare.cards_html(["<script>", "b"], rows, lang="en", marked=[True, False],
                              unknown=[True, False], selected=2, mark_note="differ")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("≠") == 1 and html.count("rnnviz-card\"") == 2
    with pytest.raises(ValueError, match="2 words"):
        compare.cards_html(["a", "b"], [compare.Row("x", ["nn"], [1.0])], lang="en",
                           marked=[False] * 2, unknown=[False] * 2)


def test_markdown_escape_shows_user_text_as_typed():
    from rnnviz.figures.style import esc_markdown
    assert esc_markdown("**x** $y$ :red[z]") == r"\*\*x\*\* \$y\$ \:red\[z\]"


def test_edit_figure(small_model):
    e = reach.edit(trace(small_model, [1, 2, 3, 4]), 2, 0, "<unk>")
    words = ["w1", "w2 → <unk>", "w3", "w4"]
    fig = edit_fig.make_edit(words, 2, e.ds, np.array([0, 1.0, 0, 0]), e.changed)
    go.Figure(fig.to_dict())
    assert fig.layout.meta["k"] == 2
    np.testing.assert_allclose(fig.data[0].y, e.ds)
    assert fig.layout.xaxis.ticktext[1] == "<b>w2 → &lt;unk&gt;</b>"
    with pytest.raises(ValueError, match="ds_ff"):
        edit_fig.make_edit(words, 2, e.ds, np.zeros(3), e.changed)


def test_scoreboard_html_shows_both_accuracies():
    from rnnviz.training.evaluate import Score
    html = compare.scoreboard_html([("context-dependent words", Score(576, 577), Score(262, 577))])
    assert "99.8%" in html and "45.4%" in html and "+54.4" in html and "262/577" in html
