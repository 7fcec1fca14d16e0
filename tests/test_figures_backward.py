"""The BPTT lesson (rnnviz.lessons.backprop) and its figures draw exactly what BPTT computed."""
import numpy as np
import plotly.graph_objects as go
import pytest

from rnnviz.nn.bptt import bptt, gradient_flow
from rnnviz.training.builtin import load_default
from rnnviz.figures import _magnitude as mag
from rnnviz.figures.backward import EDGE_BINS, edge_magnitudes, make_backward
from rnnviz.figures.flow import cut_mask, make_flow
from rnnviz.figures.gradients import make_dw_terms, make_gradients
from rnnviz.figures.style import Look
from rnnviz.figures.unrolled import HALF_W, Y_S
from rnnviz.nn.forward import forward, trace
from rnnviz.lessons.backprop import (
    EXPLODE, VANISH, exploding_scale, lesson, sgd_step, spectral_radius, targets, trend, variant)
from rnnviz.nn.loss import cross_entropy
from rnnviz.training.tagger import tag_text

LONG = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"   # T = 20


@pytest.fixture(scope="module")
def model():
    return load_default().frozen()


@pytest.fixture(scope="module")
def tagged(model):
    tg = tag_text(model, LONG)
    assert tg.T == 20
    return tg


def lesson_of(m, tg, **kw):
    return lesson(m, tg.trace.x, tg.trace.pred, tokens=tg.tokens, **kw)


def trace_named(fig, name):
    return next(tr for tr in fig.data if tr.name == name)


def valid(fig: go.Figure) -> go.Figure:
    """``fig`` itself, after full Plotly validation of a copy (raises if invalid)."""
    go.Figure(fig.to_dict())
    return fig


# --- the engine additions ----------------------------------------------------
def test_variant_scales_W_and_swaps_f_without_touching_the_model(model):
    before = {k: v.copy() for k, v in model.params.items()}
    v = variant(model, w_scale=1.5, f="identity")
    assert v.f == "identity" and model.f == "tanh"
    np.testing.assert_allclose(v.W, 1.5 * model.W)
    assert spectral_radius(v.W) == pytest.approx(1.5 * spectral_radius(model.W))
    for k, arr in model.params.items():
        np.testing.assert_array_equal(arr, before[k])
    assert variant(model) is model                           # nothing to change: no copy


def test_lesson_matches_bptt_and_gradient_flow(model, tagged):
    x, y = tagged.trace.x, tagged.trace.pred
    ls = lesson_of(model, tagged)
    g = bptt(model, forward(model, x[None]), y[None])
    for name in "UWVbc":
        np.testing.assert_allclose(ls.grads.as_dict()[name], g.as_dict()[name], rtol=1e-12,
                                   atol=1e-18)
    flow = gradient_flow(trace(model, x), y, reduction="sum")
    np.testing.assert_allclose(ls.flow.dLds, flow.dLds, rtol=1e-12, atol=1e-300)
    # ∂L_t/∂s_0 summed over t is BPTT's ∂L/∂s_0 of the summed loss
    g_sum = bptt(model, forward(model, x[None]), y[None], reduction="sum")
    np.testing.assert_allclose(ls.ds0.sum(0), g_sum.ds0[0], rtol=1e-10, atol=1e-18)
    # the per-step terms add up to ∂L/∂W, and the first is zero (s_0 = 0)
    np.testing.assert_allclose(ls.dW_terms.sum(0), g.dW, rtol=1e-12, atol=1e-18)
    assert not ls.dW_terms[0].any()
    assert ls.loss == pytest.approx(cross_entropy(forward(model, x[None]).z, y[None]))
    assert ls.problem is None


def test_truncated_lesson_is_truncated_bptt(model, tagged):
    ls = lesson_of(model, tagged, truncate=3)
    x, y = tagged.trace.x, tagged.trace.pred
    g = bptt(model, forward(model, x[None]), y[None], truncate=3)
    np.testing.assert_allclose(ls.grads.dW, g.dW, rtol=1e-12, atol=1e-18)
    n = ls.norms
    t, k = np.indices(n.shape) + 1
    assert np.isnan(n[(t - k > 3)]).all() and np.isfinite(n[(t >= k) & (t - k <= 3)]).all()
    assert not ls.ds0[3:].any() and ls.ds0[:3].any()       # only L_1..L_3 reach s_0
    with pytest.raises(ValueError, match="truncate"):
        lesson_of(model, tagged, truncate=0)


def test_flow_vanishes_for_small_and_explodes_for_large_spectral_radius(model, tagged):
    """W × 0.5 → × 1.5 with f = identity turns a vanishing gradient into an exploding one."""
    rho, big = spectral_radius(model.W), exploding_scale(model.W)
    assert 0.5 * rho < 1 < big * rho, f"the model's ρ(W) = {rho:.2f} moved: fix the test"
    small = lesson_of(variant(model, w_scale=0.5, f="identity"), tagged)
    large = lesson_of(variant(model, w_scale=big, f="identity"), tagged)
    T = tagged.T
    assert small.step_factor(T) < VANISH and trend(small.step_factor(T)) == "vanishing"
    assert large.step_factor(T) > EXPLODE and trend(large.step_factor(T)) == "exploding"
    ns, nl = small.norms[T - 1], large.norms[T - 1]
    assert ns[0] < 1e-2 * ns[T - 1]                          # oldest ≪ newest
    assert nl[0] > 1e2 * nl[T - 1]                           # oldest ≫ newest
    # row by row, too: the oldest step reached gets less (more) than the newest (from
    # five steps back: at t = 5 the shipped W's directions still offset ρ ≥ 1.5, 6.96 ≈ 7.08)
    rows = [t for t in range(6, T + 1) if large.norms[t - 1, t - 1] > 0]
    assert all(small.norms[t - 1, 0] < small.norms[t - 1, t - 1] for t in range(5, T + 1))
    assert all(large.norms[t - 1, 0] > large.norms[t - 1, t - 1] for t in rows)


def test_relu_decays_less_as_w_grows(model, tagged):
    factors = [lesson_of(variant(model, w_scale=s, f="relu"), tagged).step_factor(20)
               for s in (0.5, 1.0, 1.5)]
    assert factors[0] < VANISH and factors[0] < factors[1] < factors[2]


def test_tanh_saturates_instead_of_exploding(model, tagged):
    """The honest tanh picture: a larger W slows the decay but saturation (f' → 0) keeps
    it from exploding on this sentence."""
    factors = [lesson_of(variant(model, w_scale=s), tagged).step_factor(20)
               for s in (0.5, 1.0, 1.5)]
    assert factors[0] < factors[1] < factors[2] < 1


def test_targets_apply_corrections_to_their_own_word(model, tagged):
    pred = tagged.trace.pred
    y = targets(pred, tagged.tokens, {(10, "苹果"): "v", (3, "not this word"): "v",
                                      (99, "x"): "v", (2, "朋友"): "no such tag"},
                model.tag_index)
    assert y[10] == model.tag_index["v"] and pred[10] != y[10]
    assert (np.delete(y, 10) == np.delete(pred, 10)).all()


def test_sgd_step_lowers_the_loss_on_a_copy(model, tagged):
    before = {k: v.copy() for k, v in model.params.items()}
    y = targets(tagged.trace.pred, tagged.tokens, {(10, "苹果"): "v"}, model.tag_index)
    step = sgd_step(model, tagged.trace.x, y, lr=0.5)
    assert step.finite and step.loss_after < step.loss_before
    for k, arr in model.params.items():
        np.testing.assert_array_equal(arr, before[k])        # the shared model is untouched
    assert step.model is not model and step.change["W"] > 0
    np.testing.assert_allclose(step.model.W, model.W - 0.5 * lesson(
        model, tagged.trace.x, y).grads.dW)
    assert step.after.pred[10] == model.tag_index["v"] or step.loss_after < step.loss_before


def test_overflow_is_reported_not_raised(model, tagged):
    huge = variant(model.with_params(W=model.W * 1e20, U=model.U * 1e20), f="identity")
    ls = lesson_of(huge, tagged)
    assert ls.problem == "forward"
    assert np.isnan(spectral_radius(np.full((2, 2), np.inf)))
    for fig in (make_backward(ls, 20), make_flow(ls, 20), make_gradients(ls),
                make_dw_terms(ls)):
        valid(fig)
    step = sgd_step(huge, tagged.trace.x, tagged.trace.pred, lr=1.0)
    assert not step.finite


# --- the figures ----------------------------------------------------------------
@pytest.mark.parametrize("t", [1, 7, 20])
def test_backward_figure_draws_the_engines_error_terms(model, tagged, t):
    x, y = tagged.trace.x, tagged.trace.pred
    flow = gradient_flow(trace(model, x), y, reduction="sum")   # computed independently
    fig = valid(make_backward(lesson_of(model, tagged), t, unknown=tagged.unknown))
    z = np.asarray(trace_named(fig, "delta").z, dtype=float)      # (H, 2T+1), s_k at 2k
    for k in range(1, 21):
        column = z[:, 2 * k]
        if k <= t:
            np.testing.assert_allclose(10 ** column, np.abs(flow.dLda[t - 1, k - 1]),
                                       rtol=1e-9)
        else:
            assert np.isnan(column).all()                    # no error from L_t after t
    assert np.isnan(z[:, 0]).all() and fig.layout.meta["t"] == t
    edges = edge_magnitudes(lesson_of(model, tagged), t)
    norms = np.linalg.norm(flow.dLds[t - 1], axis=-1)
    np.testing.assert_allclose(edges["V"], norms[t - 1:t], rtol=1e-12)
    np.testing.assert_allclose(edges["W"][1:], norms[:t - 1], rtol=1e-12)
    np.testing.assert_allclose(edges["U"], np.linalg.norm(flow.dLda[t - 1, :t], axis=-1))


def test_backward_edges_are_wider_for_larger_gradients(model, tagged):
    ls = lesson_of(variant(model, w_scale=0.5), tagged)
    fig = valid(make_backward(ls, 20))

    def width_of_edge_leaving(k):                    # the W edge s_k -> s_{k-1}
        for tr in fig.data:
            if tr.name == "flow_edge" and any(
                    x == k - HALF_W and y == Y_S for x, y in zip(tr.x, tr.y)):
                return tr.line.width
        raise AssertionError(f"no edge leaves s_{k}")

    widths = [width_of_edge_leaving(k) for k in range(1, 21)]
    assert widths == sorted(widths) and widths[-1] > widths[0]   # vanishing: thin far back
    assert len([tr for tr in fig.data if tr.name == "flow_edge"]) <= EDGE_BINS
    assert "10⁻" in "".join(trace_named(fig, "delta").colorbar.ticktext)   # log colour bar


def test_backward_figure_shows_the_truncation_cut(model, tagged):
    fig = valid(make_backward(lesson_of(model, tagged, truncate=4), 20))
    z = np.asarray(trace_named(fig, "delta").z, dtype=float)
    assert np.isnan(z[:, 2 * 16]).all() and np.isfinite(z[:, 2 * 17]).all()
    assert list(trace_named(fig, "cut").text) == ["✂"]
    assert [s.line.dash for s in fig.layout.shapes if s.type == "line"] == ["dot"]
    assert list(trace_named(fig, "cut").x) == [15.5]          # the edge s_16 -/-> s_15


def test_flow_figure_is_the_engines_gradient_flow(model, tagged):
    x, y = tagged.trace.x, tagged.trace.pred
    flow = gradient_flow(trace(model, x), y, reduction="sum")
    fig = valid(make_flow(lesson_of(model, tagged), 12))
    z = np.asarray(trace_named(fig, "flow").z, dtype=float)
    expected = flow.norms
    assert (np.isnan(z) == np.isnan(expected)).all()          # k > t blank
    np.testing.assert_allclose(10 ** z[~np.isnan(z)], expected[~np.isnan(expected)],
                               rtol=1e-9)
    row = trace_named(fig, "row")
    np.testing.assert_allclose(row.y, expected[11, :12], rtol=1e-12)
    assert fig.layout.yaxis2.type == "log"
    assert fig.layout.shapes[0].y0 == 11.5                   # row t = 12 outlined


def test_flow_figure_says_vanishing_or_exploding(model, tagged):
    for scale, word in ((0.5, "vanishing"), (exploding_scale(model.W), "exploding")):
        ls = lesson_of(variant(model, w_scale=scale, f="identity"), tagged)
        fig = make_flow(ls, 20)
        assert fig.layout.meta["trend"] == word
        assert word in " ".join(a.text for a in fig.layout.annotations)


def test_flow_figure_greys_what_truncation_cuts(model, tagged):
    ls = lesson_of(model, tagged, truncate=5)
    fig = valid(make_flow(ls, 20))
    cut = ~np.isnan(np.asarray(trace_named(fig, "cut").z, dtype=float))
    np.testing.assert_array_equal(cut, cut_mask(ls))
    assert cut[19, :14].all() and not cut[19, 14:].any()     # L_20 stops at s_15


def test_gradient_heatmaps_are_the_engines_gradients(model, tagged):
    x = tagged.trace.x
    y = targets(tagged.trace.pred, tagged.tokens, {(6, "吃"): "nn"}, model.tag_index)
    g = bptt(model, forward(model, x[None]), y[None])
    fig = valid(make_gradients(lesson(model, x, y, tokens=tagged.tokens)))
    np.testing.assert_allclose(trace_named(fig, "dU").z, g.dU[:, x], rtol=1e-12, atol=1e-18)
    np.testing.assert_allclose(trace_named(fig, "dW").z, g.dW, rtol=1e-12, atol=1e-18)
    np.testing.assert_allclose(trace_named(fig, "dV").z, g.dV, rtol=1e-12, atol=1e-18)
    assert list(trace_named(fig, "dV").y) == list(model.tags)
    assert fig.layout.xaxis.tickangle == -60        # "k:word" labels, columns as narrow as W's
    assert fig.layout.xaxis2.tickangle == 0
    # drawn at least as wide as its columns' labels need (a phone scrolls it sideways);
    # a longer sentence or the presenter's bigger text needs more
    ls = lesson(model, x, y, tokens=tagged.tokens)
    width = fig.layout.meta["min_width"]
    columns = max(len(x), 6) + 2 * model.H
    assert width >= columns * 10
    assert make_gradients(ls, look=Look(font_size=22, min_size=19)).meta["min_width"] > width


def test_dw_terms_panels_add_up_to_the_gradient(model, tagged):
    ls = lesson_of(model, tagged)
    fig = valid(make_dw_terms(ls, per_row=10))
    z = np.asarray(trace_named(fig, "terms").z, dtype=float)
    H = model.H
    panels = [z[r * (H + 1):r * (H + 1) + H, c * (H + 1):c * (H + 1) + H]
              for r in range(2) for c in range(10)]
    np.testing.assert_allclose(np.sum(panels, axis=0), ls.grads.dW, rtol=1e-4,
                               atol=1e-6 * np.abs(ls.grads.dW).max())
    np.testing.assert_allclose(trace_named(fig, "sum").z, ls.grads.dW)
    assert not np.any(panels[0])                              # δ_1 s_0ᵀ = 0
    assert fig.layout.meta["rows"] == 2 and len(trace_named(fig, "steps").text) == 20


def test_figures_speak_chinese(model, tagged):
    ls = lesson_of(model, tagged)
    zh = Look(lang="zh")
    assert "时间步" in make_flow(ls, 20, look=zh).layout.xaxis.title.text
    assert "往回流" in make_backward(ls, 20, look=zh).layout.title.text
    assert "每一步一项" in make_dw_terms(ls, look=zh).layout.title.text


def test_validate_names_the_problem(model, tagged):
    ls = lesson_of(model, tagged)
    with pytest.raises(ValueError, match="t=21"):
        make_backward(ls, 21)
    with pytest.raises(ValueError, match="t=0"):
        make_flow(ls, 0)
    with pytest.raises(ValueError, match="unknown flags"):
        make_backward(ls, 3, unknown=[False])
    with pytest.raises(ValueError, match="target tags"):
        lesson(model, tagged.trace.x, [0, 1])


def test_short_sentence_and_user_text_are_safe(model):
    tg = tag_text(model, "<b>x</b> 吃")
    ls = lesson_of(model, tg)
    for fig in (make_backward(ls, ls.T), make_flow(ls, 1), make_gradients(ls),
                make_dw_terms(ls)):
        valid(fig)
    assert all("<b>" not in t for t in trace_named(make_backward(ls, 1), "x").text)


def test_numbers_are_written_in_powers_of_ten():
    assert mag.sci(3.2e-5) == "3.2·10⁻⁵" and mag.sci(-0.0123) == "−1.2·10⁻²"
    assert mag.sci(0.0) == "0" and mag.sci(float("inf")) == "∞" and mag.sci(1.5) == "1.5"
    assert mag.sci(9.99) == "1.0·10¹"
    logs = mag.log10_abs(np.array([1e-3, 0.0, np.inf, -10.0]))
    assert logs[0] == pytest.approx(-3) and np.isnan(logs[1:3]).all() and logs[3] == 1
    assert mag.log_range(np.array([-40.0, 2.0])) == (-14.0, 2.0)   # at most 16 decades


def test_flow_marks_losses_that_send_exactly_zero_error():
    """With W scaled to ρ ≥ 1.5 (the exploding preset) and f = identity one step's softmax saturates to its target
    exactly: its row of ‖∂L_t/∂s_k‖ is 0, which has no logarithm. The figure
    says so in its own layer instead of leaving a blank row."""
    import numpy as np
    from rnnviz.nn.checkpoint import load
    from rnnviz.figures.flow import make_flow
    from rnnviz.lessons.backprop import lesson, variant
    from rnnviz.training.tagger import tag_text
    from rnnviz.data import DEFAULT_MODEL
    m = load(DEFAULT_MODEL)
    tg = tag_text(m, "the students who read the book that I wrote last year liked it very much .")
    ls = lesson(variant(m, w_scale=exploding_scale(m.W), f="identity"), tg.trace.x, tg.trace.pred,
                tokens=tg.tokens)
    zero_rows = [t for t in range(1, ls.T + 1) if not ls.norms[t - 1, :t].any()]
    assert zero_rows                                   # the case exists on this sentence
    fig = make_flow(ls, ls.T)
    marked = np.isfinite(np.asarray(next(d for d in fig.data if d.name == "zero").z, float))
    for t in zero_rows:
        assert marked[t - 1, :t].all()
    assert marked.sum() == sum(t for t in zero_rows)
