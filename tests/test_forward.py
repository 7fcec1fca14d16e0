"""The forward pass is the tutorial's formula, step by step."""
import numpy as np
import pytest

from rnnviz.nn import activations
from rnnviz.nn.forward import forward, softmax, trace
from rnnviz.nn.model import RNN, init_rnn


def test_trace_matches_the_formula_written_out(small_model):
    m = small_model
    x = [3, 1, 4, 1, 5]
    tr = trace(m, x)
    s_prev = np.zeros(m.H)                                   # s_0 = 0
    assert np.array_equal(tr.s[0], s_prev)
    for t in range(1, len(x) + 1):
        onehot = np.zeros(m.n_vocab)
        onehot[x[t - 1]] = 1.0
        Ux = m.U @ onehot                                    # the dense product, for reference
        Ws = m.W @ s_prev
        a = Ux + Ws + m.b
        s_t = np.tanh(a)
        z = m.V @ s_t + m.c
        o = np.exp(z) / np.exp(z).sum()
        np.testing.assert_allclose(tr.Ux[t - 1], Ux, rtol=0, atol=1e-15)
        np.testing.assert_allclose(tr.Ws[t - 1], Ws, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(tr.a[t - 1], a, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(tr.s[t], s_t, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(tr.z[t - 1], z, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(tr.o[t - 1], o, rtol=1e-12)
        assert tr.pred[t - 1] == np.argmax(o)
        s_prev = s_t


def test_column_lookup_is_exactly_the_column(small_model):
    tr = trace(small_model, [7, 7, 2])
    assert np.array_equal(tr.Ux[0], small_model.U[:, 7])
    assert np.array_equal(tr.Ux[2], small_model.U[:, 2])


def test_trace_keeps_the_sum_that_made_s(small_model):
    tr = trace(small_model, [1, 2, 3, 4])
    np.testing.assert_array_equal(tr.s[1:], np.tanh(tr.Ws + (tr.Ux + small_model.b)))


def test_s0_can_be_given(small_model):
    s0 = np.linspace(-1, 1, small_model.H)
    tr = trace(small_model, [1, 2], s0=s0)
    assert np.array_equal(tr.s[0], s0)
    np.testing.assert_allclose(tr.Ws[0], small_model.W @ s0, rtol=1e-13)


def test_batch_rows_equal_single_sentences(small_model, batch):
    X, _, _ = batch
    fw = forward(small_model, X)
    for i in range(X.shape[0]):
        tr = trace(small_model, X[i])
        np.testing.assert_allclose(fw.s[:, i], tr.s, rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(fw.o[:, i], tr.o, rtol=1e-13)


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_each_activation_travels_with_its_derivative(name):
    act = activations.get(name)
    a = np.linspace(-3, 3, 61) + 0.013                     # avoid relu's kink at 0
    s = act.f(a)
    eps = 1e-6
    numeric = (act.f(a + eps) - act.f(a - eps)) / (2 * eps)
    np.testing.assert_allclose(act.df(a, s), numeric, rtol=1e-7, atol=1e-9)
    out = np.empty_like(a)
    assert act.f(a, out=out) is out and np.array_equal(out, s)


def test_sigmoid_does_not_overflow():
    s = activations.get("sigmoid").f(np.array([-1e6, 0.0, 1e6]))
    assert np.array_equal(s, [0.0, 0.5, 1.0])


def test_unknown_activation_is_named():
    with pytest.raises(ValueError, match="unknown activation 'softplus'"):
        activations.get("softplus")


def test_softmax_is_stable_and_sums_to_one():
    p = softmax(np.array([[1000.0, 1000.0, -1000.0]]))
    np.testing.assert_allclose(p, [[0.5, 0.5, 0.0]])


def test_trace_of_empty_sentence(small_model):
    tr = trace(small_model, [])
    assert tr.T == 0 and tr.s.shape == (1, small_model.H) and tr.pred_tags == ()


def test_word_ids_out_of_range_are_refused(small_model):
    with pytest.raises(ValueError, match="word ids must lie in"):
        forward(small_model, np.array([[0, 99]]))


def test_shapes_are_checked_with_a_message():
    m = init_rnn(["a", "b"], ["x", "y"], 3)
    with pytest.raises(ValueError, match=r"U has shape \(3, 2\); expected \(3, 3\)"):
        RNN(m.U[:, :2], m.W, m.V, m.b, m.c, m.vocab, m.tags)
    with pytest.raises(ValueError, match="W must be square"):
        RNN(m.U, m.W[:2], m.V, m.b, m.c, m.vocab, m.tags)


def test_init_puts_unk_first_and_no_recurrence_means_W_zero():
    m = init_rnn(["a", "b"], ["x"], 4, recurrent=False)
    assert m.vocab[0] == "<unk>" and m.n_vocab == 3
    assert not m.W.any()


def test_frozen_models_refuse_writes_and_copies_are_independent(small_model):
    shared = small_model.copy().frozen()
    with pytest.raises(ValueError):
        shared.W[0, 0] = 1.0
    mine = shared.copy()
    mine.W[0, 0] += 1.0
    assert mine.W[0, 0] != shared.W[0, 0]
