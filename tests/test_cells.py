"""The LSTM and the GRU in NumPy (rnnviz/nn/lstm.py, gru.py): shapes, T = 1, padded
batches, BPTT against finite differences (also truncated), the gradient flow and
truncation, and the one table of labels. PyTorch's check is tests/test_cells_torch.py."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnviz.nn import cell_names, gru, lstm
from rnnviz.nn.bptt import keeps_delta, keeps_state
from rnnviz.nn.gradcheck import TOLERANCE, gradcheck_cell, random_cell_case
from rnnviz.nn.model import ModelError

CELLS = {"lstm": lstm, "gru": gru}
CELL_IDS = list(CELLS)


def model(cell, H=4, n_vocab=9, K=3, seed=0):
    m, *_ = random_cell_case(cell, seed, H=H, n_vocab=n_vocab, K=K)
    return m


@pytest.mark.parametrize("cell", CELL_IDS)
@pytest.mark.parametrize("truncate", [None, 1, 3])
def test_bptt_matches_finite_differences(cell, truncate):
    m, X, Y, mask = random_cell_case(cell, 5)
    errors = gradcheck_cell(m, X, Y, mask, truncate=truncate)
    assert max(errors.values()) <= TOLERANCE, errors
    for gate in m.GATES:                                  # every gate's block, by its label
        for p in "UWb":
            assert cell_names.param_label(cell, p, gate) in errors


@pytest.mark.parametrize("cell", CELL_IDS)
@pytest.mark.parametrize("B,T,H", [(1, 1, 1), (1, 1, 3), (2, 1, 4), (3, 6, 2), (1, 9, 5)])
def test_shapes_and_ranges(cell, B, T, H):
    mod = CELLS[cell]
    m = model(cell, H=H)
    G = len(m.GATES)
    rng = np.random.default_rng(T)
    X, Y = rng.integers(0, m.n_vocab, (B, T)), rng.integers(0, m.K, (B, T))
    fw = mod.forward(m, X)
    assert fw.gates.shape == (T, B, G * H) and fw.s.shape == (T + 1, B, H)
    assert fw.o.shape == (T, B, m.K)
    np.testing.assert_allclose(fw.o.sum(-1), 1.0)
    cand = fw.gates[..., m.gate_rows("cand")]
    assert (np.abs(cand) <= 1).all()
    for gate in m.GATES:
        if gate != "cand":
            v = fw.gates[..., m.gate_rows(gate)]
            assert ((v > 0) & (v < 1)).all(), gate
    g = mod.bptt(m, fw, Y)
    for name, P in m.params.items():
        assert g.params[name].shape == P.shape, name
    assert g.dpre.shape == g.dgates.shape == fw.gates.shape
    assert set(g.d0) == {f"{s}0" for s in mod.STATES}
    assert all(v.shape == (B, H) for v in g.d0.values())
    tr = mod.trace(m, X[0])
    assert tr.T == T and tr.gate("cand").shape == (T, H) and len(tr.pred_tags) == T
    np.testing.assert_allclose(tr.o, fw.o[:, 0], rtol=0, atol=1e-15)


@pytest.mark.parametrize("cell", CELL_IDS)
def test_padding_changes_nothing_a_sentence_alone_would_not_see(cell):
    mod = CELLS[cell]
    m = model(cell)
    rng = np.random.default_rng(1)
    lengths = [6, 3, 1, 6]
    X, Y = rng.integers(0, m.n_vocab, (4, 6)), rng.integers(0, m.K, (4, 6))
    mask = np.arange(6)[None, :] < np.array(lengths)[:, None]
    fw = mod.forward(m, X)
    g = mod.bptt(m, fw, Y, mask, reduction="sum")
    total = {k: np.zeros_like(v) for k, v in g.params.items()}
    for i, n in enumerate(lengths):
        fw_i = mod.forward(m, X[i:i + 1, :n])
        np.testing.assert_allclose(fw_i.o[:, 0], fw.o[:n, i], atol=1e-15)
        g_i = mod.bptt(m, fw_i, Y[i:i + 1, :n], reduction="sum")
        for k in total:
            total[k] += g_i.params[k]
        for k in g.d0:
            np.testing.assert_allclose(g.d0[k][i], g_i.d0[k][0], atol=1e-14)
        assert not g.dpre[n:, i].any()                    # padding gets no error
    for k, v in total.items():
        np.testing.assert_allclose(g.params[k], v, atol=1e-13, err_msg=k)


@pytest.mark.parametrize("cell", CELL_IDS)
def test_truncation_at_T_or_more_is_full_bptt_and_bad_k_is_refused(cell):
    mod = CELLS[cell]
    m, X, Y, mask = random_cell_case(cell, 2)
    fw = mod.forward(m, X)
    full = mod.bptt(m, fw, Y, mask)
    for k in (X.shape[1], X.shape[1] + 5):
        g = mod.bptt(m, fw, Y, mask, truncate=k)
        for name in full.params:
            np.testing.assert_allclose(g.params[name], full.params[name], atol=1e-15)
    for bad in (0, -1, True, 1.5):
        with pytest.raises(ValueError):
            mod.bptt(m, fw, Y, mask, truncate=bad)
        with pytest.raises(ValueError):
            mod.gradient_flow(mod.trace(m, X[0]), Y[0], truncate=bad)


def from_states(mod, m, x, y, t, j, fw):
    """∂L_t/∂(states of step j) by BPTT of L_t alone, run from step j's states as inputs:
    an independent route to the flow's numbers (BPTT is checked by gradcheck)."""
    states = {f"{s}0": getattr(fw, s)[j][None, 0] for s in mod.STATES}
    part = mod.forward(m, x[None, j:t], **states)
    only = np.zeros((1, t - j), bool)
    only[0, -1] = True
    return mod.bptt(m, part, y[None, j:t], only, reduction="sum").d0


@settings(max_examples=15, deadline=None)
@given(cell=st.sampled_from(CELL_IDS), T=st.integers(1, 7),
       k=st.one_of(st.none(), st.integers(1, 8)), seed=st.integers(0, 10_000))
def test_gradient_flow_is_each_loss_on_its_own(cell, T, k, seed):
    mod = CELLS[cell]
    m = model(cell, seed=seed % 7)
    rng = np.random.default_rng(seed)
    x, y = rng.integers(0, m.n_vocab, T), rng.integers(0, m.K, T)
    tr = mod.trace(m, x)
    fl = mod.gradient_flow(tr, y, truncate=k, reduction="sum")
    full = mod.gradient_flow(tr, y, reduction="sum")
    fw = tr.fw
    t_, j_ = np.indices((T, T))
    back = t_ - j_                                        # 0-based: state j+1 of loss t+1
    for t in range(1, T + 1):                             # 1-based loss L_t
        for j in range(t):                                # states of step j, from outside
            d0 = from_states(mod, m, x, y, t, j, fw)
            got_s = fl.dL0["s0"][t - 1] if j == 0 else fl.dL["s"][t - 1, j - 1]
            if keeps_state(t - j, k):
                np.testing.assert_allclose(got_s, d0["s0"][0], rtol=1e-10, atol=1e-15)
            else:
                assert not got_s.any()
        np.testing.assert_allclose(fl.dL["s"][t - 1, t - 1], (tr.o[t - 1] - np.eye(m.K)[y[t - 1]])
                                   @ m.V, atol=1e-15)   # ∂L_t/∂s_t = Vᵀ(o_t − y_t)
    # the norms say what is kept; inside the window truncation changes nothing
    for s in mod.STATES:
        kept = keeps_state(back, k)
        assert (np.isnan(fl.norms(s)) == ~kept).all()
        inside = keeps_state(back, k) if s == "s" else keeps_delta(back, k)
        np.testing.assert_allclose(fl.dL[s][inside], full.dL[s][inside], rtol=1e-12, atol=1e-17)
        assert not fl.dL[s][~kept].any()
    # BPTT's state errors are the sums of the kept per-loss errors
    g = mod.bptt(m, mod.forward(m, x[None]), y[None], reduction="sum", truncate=k)
    for s in mod.STATES:
        summed = np.where(keeps_delta(back, k)[..., None], fl.dL[s], 0).sum(0)
        np.testing.assert_allclose(g.dstates[s][:, 0], summed, rtol=1e-10, atol=1e-15)
        np.testing.assert_allclose(g.d0[f"{s}0"][0], fl.dL0[f"{s}0"].sum(0), rtol=1e-10,
                                   atol=1e-15)


def test_lstm_cell_error_is_the_full_one_inside_the_window_and_what_arrives_at_the_cut():
    m = model("lstm", H=3)
    x, y = np.array([1, 4, 2, 7, 3]), np.array([0, 2, 1, 1, 0])
    tr = lstm.trace(m, x)
    fl = lstm.gradient_flow(tr, y, truncate=2, reduction="sum")
    fw = tr.fw
    for t in range(3, 6):                                 # L_t's cut is at C_{t-2}
        j = t - 2
        d0 = from_states(lstm, m, x, y, t, j, fw)
        np.testing.assert_allclose(fl.dL["C"][t - 1, j - 1], d0["C0"][0], atol=1e-15)
        # one step later the full error: what arrives plus the path through s_j
        d1 = from_states(lstm, m, x, y, t, j + 1, fw)
        omega, tC = tr.gate("out")[j], fw.tanhC[j, 0]
        np.testing.assert_allclose(fl.dL["C"][t - 1, j],
                                   d1["C0"][0] + d1["s0"][0] * omega * (1 - tC ** 2),
                                   atol=1e-15)


def test_flow_norms_of_the_initial_states():
    m = model("gru")
    x, y = np.array([1, 2, 3, 4]), np.array([0, 1, 2, 0])
    fl = gru.gradient_flow(gru.trace(m, x), y, truncate=2)
    n0 = fl.norms0()
    assert np.isnan(n0[2:]).all() and (n0[:2] > 0).all()    # s_0 is reached by L_1, L_2
    assert not np.isnan(gru.gradient_flow(gru.trace(m, x), y).norms0()).any()


# ------------------------------------------------------------------ the table of labels
RNN_NAMES = {"U", "W", "V", "b", "c", "f", "g", "s_t", "o_t", "z_t", "a_t", "δ_t", "x_t",
             "y_t", "L_t", "h_t", "c_t", "f_t"}


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_labels_cover_every_gate_and_collide_with_no_rnn_name(cell):
    labels = cell_names.LABELS[cell]
    m = model(cell)
    assert set(m.GATES) <= set(labels)
    gate_labels = [labels[g] for g in m.GATES] + [labels["state"]]
    assert len(set(gate_labels)) == len(gate_labels)
    assert not ({labels[g] for g in m.GATES} | {labels.get("cell", "")}) & RNN_NAMES
    assert labels["state"] == "s_t"                        # the RNN's state, one letter
    errors = gradcheck_cell(*random_cell_case(cell, 0, T=2, B=1))
    for g in m.GATES:                                     # gradcheck speaks the table
        assert f"W_{cell_names.gate_letter(cell, g)}" in errors


def test_label_at_a_step():
    assert cell_names.label("lstm", "forget") == "φ_t"
    assert cell_names.label("lstm", "forget", 3) == "φ_{3}"
    assert cell_names.label("gru", "update", "t-1") == "ζ_{t-1}"
    assert cell_names.label("lstm", "C0", 3) == "C_0"
    assert cell_names.param_label("lstm", "W", "cand") == "W_C̃"
    assert cell_names.param_label("gru", "bh") == "b^W_s̃"


@pytest.mark.parametrize("cell", CELL_IDS)
def test_a_model_that_does_not_hold_together_is_refused(cell):
    m = model(cell)
    with pytest.raises(ModelError):
        m.with_params(W=m.W[:-1])
    with pytest.raises(ModelError):
        m.with_params(b=np.zeros(3))
    c = m.copy()
    c.U[0, 0] += 1
    assert c.U[0, 0] != m.U[0, 0]
