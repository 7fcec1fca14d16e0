"""BPTT gives the exact gradients (finite differences), truncation and flow views."""
import numpy as np
import pytest

from rnnviz.nn import bptt as bptt_module
from rnnviz.nn.activations import ACTIVATIONS
from rnnviz.nn.bptt import bptt, gradient_flow, scatter_columns
from rnnviz.nn.forward import forward, trace
from rnnviz.nn.gradcheck import TOLERANCE, gradcheck, random_case
from rnnviz.nn.loss import cross_entropy, token_losses


@pytest.mark.parametrize("f", list(ACTIVATIONS))
@pytest.mark.parametrize("seed", [0, 1])
def test_bptt_matches_finite_differences(f, seed):
    errors = gradcheck(*random_case(f, seed))
    assert set(errors) == {"U", "W", "V", "b", "c", "s0"}
    assert max(errors.values()) < TOLERANCE, errors


def test_gradcheck_catches_a_wrong_gradient(monkeypatch):
    """The check can fail: a dW off by 0.1 % is reported far above the tolerance."""
    m, X, Y, mask = random_case("tanh", 0)
    real = bptt_module.bptt

    def wrong(m_, fw, Y_, mask_=None, **kw):
        g = real(m_, fw, Y_, mask_, **kw)
        return bptt_module.Grads(g.dU, g.dW * 1.001, g.dV, g.db, g.dc, g.delta, g.ds0)

    monkeypatch.setattr("rnnviz.nn.gradcheck.bptt", wrong)
    assert gradcheck(m, X, Y, mask)["W"] > 1e-4


def test_padding_is_irrelevant(small_model, batch):
    """A sentence alone and inside a padded batch: same losses, same gradients."""
    X, Y, mask = batch
    n = int(mask[2].sum())
    fw = forward(small_model, X)
    g_batch = bptt(small_model, fw, Y, mask, reduction="sum")
    parts = []
    for i in range(3):
        n_i = int(mask[i].sum())
        Xi, Yi = X[i:i + 1, :n_i], Y[i:i + 1, :n_i]
        fwi = forward(small_model, Xi)
        np.testing.assert_allclose(token_losses(fwi.z, Yi)[:, 0],
                                   token_losses(fw.z, Y)[:n_i, i], rtol=1e-13)
        parts.append(bptt(small_model, fwi, Yi, reduction="sum"))
    for name in "UWVbc":
        total = sum(p.as_dict()[name] for p in parts)
        np.testing.assert_allclose(g_batch.as_dict()[name], total, rtol=1e-11, atol=1e-14)
    # and the padded positions carry no error at all
    assert not g_batch.delta[n:, 2].any()
    # the mean loss counts real tokens only
    losses = token_losses(fw.z, Y)
    assert cross_entropy(fw.z, Y, mask) == pytest.approx(losses.T[mask].mean(), rel=1e-13)


def test_padding_with_garbage_ids_changes_nothing(small_model, batch):
    X, Y, mask = batch
    X2, Y2 = X.copy(), Y.copy()
    X2[~mask], Y2[~mask] = 11, 3
    g1 = bptt(small_model, forward(small_model, X), Y, mask)
    g2 = bptt(small_model, forward(small_model, X2), Y2, mask)
    for name in "WVbc":
        np.testing.assert_array_equal(g1.as_dict()[name], g2.as_dict()[name])
    np.testing.assert_allclose(g1.dU, g2.dU, atol=1e-17)


def test_truncation_longer_than_the_sentence_is_full_bptt(small_model, batch):
    X, Y, mask = batch
    fw = forward(small_model, X)
    full = bptt(small_model, fw, Y, mask)
    trunc = bptt(small_model, fw, Y, mask, truncate=X.shape[1])
    for name in "UWVbc":
        np.testing.assert_allclose(trunc.as_dict()[name], full.as_dict()[name], rtol=1e-12,
                                   atol=1e-16)
    np.testing.assert_allclose(trunc.ds0, full.ds0, rtol=1e-12, atol=1e-16)


def test_truncation_to_one_step_keeps_only_each_steps_own_loss(small_model, batch):
    X, Y, mask = batch
    m = small_model
    fw = forward(m, X)
    g = bptt(m, fw, Y, mask, truncate=1)
    dz = bptt_module.output_error(fw, Y, mask)
    expected = (dz @ m.V) * (1 - fw.s[1:] ** 2)          # δ_t = Vᵀ∂L/∂z_t ⊙ f'(a_t)
    np.testing.assert_allclose(g.delta, expected, rtol=1e-13, atol=1e-17)
    assert not np.allclose(g.delta, bptt(m, fw, Y, mask).delta)


def test_truncation_window_matches_a_per_output_reference(small_model, batch):
    """δ_j = Σ_{t=j}^{j+k-1} ∂L_t/∂a_j, each ∂L_t/∂a_j by its own backward walk."""
    X, Y, mask = batch
    m, k = small_model, 2
    fw = forward(m, X)
    dsV = bptt_module.output_error(fw, Y, mask) @ m.V
    fp = 1 - fw.s[1:] ** 2
    T = X.shape[1]
    expected = np.zeros_like(fw.a)
    for t in range(T):
        d = dsV[t] * fp[t]
        for j in range(t, max(t - k, -1), -1):
            expected[j] += d
            if j:
                d = (d @ m.W) * fp[j - 1]
    np.testing.assert_allclose(bptt(m, fw, Y, mask, truncate=k).delta, expected, rtol=1e-12,
                               atol=1e-17)


def test_truncate_must_be_positive(small_model, batch):
    X, Y, mask = batch
    with pytest.raises(ValueError, match="truncate must be a positive"):
        bptt(small_model, forward(small_model, X), Y, mask, truncate=0)


def test_flow_adds_up_to_the_error_terms(small_model):
    x, y = [1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 0, 1]
    tr = trace(small_model, x)
    flow = gradient_flow(tr, y)
    delta = bptt(small_model, forward(small_model, np.array([x])), np.array([y])).delta[:, 0]
    np.testing.assert_allclose(flow.dLda.sum(axis=0), delta, rtol=1e-12, atol=1e-17)
    # the diagonal is each step's own loss through V
    n = flow.norms
    assert np.isnan(n[0, 1]) and np.all(np.isfinite(np.diag(n)))


def test_flow_vanishes_for_small_W_and_explodes_for_large_W():
    m, _, _, _ = random_case("identity", 0, H=6, n_vocab=12, K=3, T=2)
    x = np.arange(1, 12).tolist() * 2                       # 22 tokens
    y = [i % 3 for i in range(len(x))]
    W = np.linalg.qr(np.random.default_rng(0).normal(size=(6, 6)))[0]   # orthogonal: radius 1
    for scale, check in ((0.5, lambda r: r < 1e-4), (1.5, lambda r: r > 1e2)):
        n = gradient_flow(trace(m.with_params(W=scale * W), x), y).norms
        ratio = n[-1, 0] / n[-1, -1]                        # oldest vs own step
        assert check(ratio), (scale, ratio)


def test_truncated_flow_is_blank_outside_the_window(small_model):
    tr = trace(small_model, [1, 2, 3, 4, 5])
    n = gradient_flow(tr, [0, 1, 2, 3, 0], truncate=2).norms
    # L_5 keeps δ_5, δ_4 and the states s_5 … s_3 (where its error stops): not s_2
    assert np.isfinite(n[4, 2]) and np.isnan(n[4, 1]) and np.isfinite(n[1, 0])


def test_scatter_columns_sums_repeated_words():
    x = np.array([2, 0, 2, 5])
    delta = np.arange(8.0).reshape(4, 2)
    dU = scatter_columns(x, delta, 6)
    assert dU.shape == (2, 6)
    np.testing.assert_array_equal(dU[:, 2], delta[0] + delta[2])
    np.testing.assert_array_equal(dU[:, 0], delta[1])
    assert not dU[:, [1, 3, 4]].any()
