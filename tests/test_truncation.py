"""One definition of truncated BPTT (rnnviz/nn/bptt.py's docstring), used by the engine,
the lesson and both figures, and a backward graph that says what is cut and what is not.

Truncation k: the error of L_t reaches δ_t … δ_{t-k+1} and the states s_t … s_{t-k};
∂L_t/∂s_{t-k} = Wᵀδ_{t-k+1} arrives at s_{t-k} and stops there (as at s_0 in full BPTT).
"""
import numpy as np
import pytest

from rnnviz.nn.bptt import bptt, gradient_flow
from rnnviz.training.builtin import load_default
from rnnviz.figures import _magnitude as mag
from rnnviz.figures.backward import edge_magnitudes, make_backward
from rnnviz.figures.flow import cut_mask
from rnnviz.figures.style import Look
from rnnviz.nn.forward import forward, trace
from rnnviz.lessons.backprop import lesson
from rnnviz.training.tagger import tag_text

ISSUE = "他 喜欢 看 书 ， 你"                 # issue 15: k = 2, t = 4


def exact_per_output(m, x, y):
    """(T, T+1, H) ∂L_t/∂s_j for j = 0..t by a plain backward walk per loss (no truncation)."""
    tr = trace(m, x)
    T, H = tr.T, m.H
    dz = tr.o.copy()
    dz[np.arange(T), y] -= 1.0
    fp = m.activation.df(tr.a, tr.s[1:])
    out = np.zeros((T, T + 1, H))
    for t in range(T):
        g = dz[t] @ m.V                                   # ∂L_t/∂s_t
        for j in range(t + 1, 0, -1):                     # s_j, j = t+1 … 1 (1-based)
            out[t, j] = g
            g = (g * fp[j - 1]) @ m.W                     # ∂L_t/∂s_{j-1}
        out[t, 0] = g
    return out


@pytest.mark.parametrize("k", [1, 2, 3, 5, 6, 9])
def test_one_definition_of_truncation_everywhere(small_model, k):
    m = small_model
    x, y = [1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 0, 1]
    T = len(x)
    exact = exact_per_output(m, x, y)
    ls = lesson(m, x, y, truncate=k)
    t, j = np.indices((T, T)) + 1                         # 1-based t, state j = 1..T
    kept = (j <= t) & (t - j <= k)                        # the states L_t's error reaches
    # the flow keeps ∂L_t/∂s_j, exact, for t - k ≤ j ≤ t and nothing else
    np.testing.assert_allclose(ls.flow.dLds[kept], exact[:, 1:][kept], rtol=1e-10, atol=1e-18)
    assert not ls.flow.dLds[~kept].any()
    assert (np.isnan(ls.norms) == ~kept).all()
    # s_0 is a state like the others: reached when t - 0 ≤ k
    s0_kept = np.arange(1, T + 1) <= k
    np.testing.assert_allclose(ls.ds0[s0_kept], exact[s0_kept, 0], rtol=1e-10, atol=1e-18)
    assert not ls.ds0[~s0_kept].any()
    # every state that receives an error has it through W from a kept δ
    for tt in range(1, T + 1):
        for jj in range(max(tt - k, 0), tt):
            assert ls.reaches(tt, jj + 1)                 # δ_{j+1} is kept
            into = ls.ds0[tt - 1] if jj == 0 else ls.flow.dLds[tt - 1, jj - 1]
            np.testing.assert_allclose(into, ls.flow.dLda[tt - 1, jj] @ m.W, rtol=1e-10,
                                       atol=1e-18)
    # the δ window: t - j < k, and BPTT's δ_j is the sum of the kept ∂L_t/∂a_j
    delta_kept = (j <= t) & (t - j < k)
    assert (np.array([[ls.reaches(a, b) for b in range(1, T + 1)] for a in range(1, T + 1)])
            == delta_kept).all()
    assert not ls.flow.dLda[~delta_kept].any()
    g = bptt(m, forward(m, np.array([x])), np.array([y]), truncate=k, reduction="sum")
    np.testing.assert_allclose(g.delta[:, 0], ls.flow.dLda.sum(0), rtol=1e-10, atol=1e-18)
    np.testing.assert_allclose(g.ds0[0], ls.ds0.sum(0), rtol=1e-10, atol=1e-18)
    # the flow figure greys exactly the states the error does not reach
    np.testing.assert_array_equal(cut_mask(ls), (j <= t) & ~kept)
    # the engine's Flow says the same on its own
    flow = gradient_flow(trace(m, x), y, truncate=k, reduction="sum")
    assert (np.isnan(flow.norms) == ~kept).all()


@pytest.fixture(scope="module")
def issue_lesson():
    m = load_default().frozen()
    tg = tag_text(m, ISSUE)
    return lesson(m, tg.trace.x, tg.trace.pred, tokens=tg.tokens, truncate=2)


def named(fig, name):
    return next(tr for tr in fig.data if tr.name == name)


def test_the_last_kept_w_edge_carries_its_real_value(issue_lesson):
    ls = issue_lesson
    m = ls.model
    real = np.linalg.norm(ls.flow.dLda[3, 2] @ m.W)       # ‖Wᵀδ₃‖ of L₄: not 0
    assert real > 1e-6
    w = edge_magnitudes(ls, 4)["W"]
    assert np.isnan(w[:2]).all()                          # s₂ → s₁ and s₁ → s₀: cut
    assert w[2] == pytest.approx(real, rel=1e-12)          # s₃ → s₂ carries ‖Wᵀδ₃‖
    fig = make_backward(ls, 4)
    hover = named(fig, "edges").hovertext
    assert not [h for h in hover if h.endswith("= 0")], hover
    assert any("δ<sub>3</sub>" in h and h.endswith(mag.sci(real)) for h in hover), hover


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cut_edge_says_what_is_cut_and_what_is_not(issue_lesson, lang):
    ls = issue_lesson
    m, tr = ls.model, ls.trace
    fig = make_backward(ls, 4, look=Look(lang=lang))
    cut = named(fig, "cut_edge")
    assert list(cut.x) == [1.5]                           # the edge s₂ → s₁
    assert list(named(fig, "cut").x) == [1.5]             # the scissors on it
    dot = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(dot) == 1 and dot[0].x0 > dot[0].x1 and 1 < dot[0].x0 < 2 and 1 < dot[0].x1 < 2
    hover = cut.hovertext[0]
    kept = np.linalg.norm(ls.flow.dLds[3, 1])             # ‖∂L₄/∂s₂‖ = ‖Wᵀδ₃‖, kept
    delta2 = ls.flow.dLds[3, 1] * m.activation.df(tr.a[1], tr.s[2])   # what full BPTT adds
    dropped = np.linalg.norm(delta2 @ m.W)                # ‖∂L₄/∂s₁‖ = ‖Wᵀδ₂‖, cut
    for part in ("k = 2", "s<sub>2</sub>", "δ<sub>3</sub>", "δ<sub>4</sub>", "δ<sub>2</sub>",
                 mag.sci(kept), mag.sci(dropped)):
        assert part in hover, (part, hover)
    # s₂ receives the error but passes nothing on: its strip is blank and says why
    blank = named(fig, "blank")
    why = dict(zip(blank.x, blank.hovertext))
    assert mag.sci(kept) in why[2] and why[2] != why[1]


def test_full_bptt_when_k_covers_the_sentence(small_model):
    x, y = [1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 0, 1]
    full, k6 = lesson(small_model, x, y), lesson(small_model, x, y, truncate=6)
    assert not k6.cuts
    np.testing.assert_array_equal(np.isnan(full.norms), np.isnan(k6.norms))
    np.testing.assert_allclose(k6.ds0, full.ds0, rtol=1e-12, atol=1e-18)
    fig = make_backward(k6, 6)
    assert "cut_edge" not in {tr.name for tr in fig.data}
