"""The LSTM and the GRU against PyTorch (float64, 1e-9): the same probabilities, loss and
gradients of every parameter and initial state as torch.nn.LSTM / torch.nn.GRU with the
weights mapped as the module docstrings of rnnviz/nn/lstm.py and gru.py say, with and
without truncation (truncation as detaching); every gate's and state's error and the
gradient flow against autograd on a cell written out in torch (itself checked against
nn.LSTM / nn.GRU).

torch is a test oracle only: this file skips where it is not installed.
"""
import numpy as np
import pytest

from rnnviz.nn import gru, lstm
from rnnviz.nn.bptt import keeps_state
from rnnviz.nn.gradcheck import random_cell_case
from rnnviz.nn.loss import cross_entropy

from conftest import Lazy, needs_torch

pytestmark = needs_torch
torch = Lazy("torch")
F = Lazy("torch.nn.functional")

CELLS = {"lstm": lstm, "gru": gru}
ATOL = 1e-9


def case(cell, seed=0):
    """H = 5, |vocab| = 12, K = 4, a batch of 4 with two shorter sentences (padding)."""
    m, X, Y, _ = random_cell_case(cell, seed, H=5, n_vocab=12, K=4, B=4, T=7)
    mask = np.arange(7)[None, :] < np.array([7, 5, 7, 2])[:, None]
    return m, X, Y, mask


def torch_modules(m):
    """nn.LSTM / nn.GRU (input_size = |vocab|, fed one-hot x_t) and nn.Linear, loaded
    from the model's to_torch_state_dict."""
    kind = torch.nn.LSTM if m.CELL == "lstm" else torch.nn.GRU
    rnn = kind(m.n_vocab, m.H, batch_first=True).double()
    lin = torch.nn.Linear(m.H, m.K).double()
    sd = CELLS[m.CELL].to_torch_state_dict(m)
    prefix = m.CELL + "."
    rnn.load_state_dict({k[len(prefix):]: torch.from_numpy(v.copy())
                         for k, v in sd.items() if k.startswith(prefix)})
    lin.load_state_dict({k[7:]: torch.from_numpy(v.copy())
                         for k, v in sd.items() if k.startswith("linear.")})
    return rnn, lin


def one_hot(m, X):
    return F.one_hot(torch.from_numpy(np.asarray(X)), m.n_vocab).double()


def run_module(m, rnn, X, states):
    """nn.LSTM / nn.GRU over X (B, T') from ``states`` {"s0": (B, H)[, "C0"]} -> outputs."""
    h0 = states["s0"][None]
    hx = (h0, states["C0"][None]) if m.CELL == "lstm" else h0
    out, _ = rnn(one_hot(m, X), hx)
    return out


def torch_grads(m, rnn, lin, init):
    """The module's gradients in our names and layout (see the docstrings' tables)."""
    H = m.H
    wih, whh = rnn.weight_ih_l0.grad.numpy(), rnn.weight_hh_l0.grad.numpy()
    bih, bhh = rnn.bias_ih_l0.grad.numpy(), rnn.bias_hh_l0.grad.numpy()
    if m.CELL == "lstm":
        g = {"U": lstm.from_torch_rows(m, wih), "W": lstm.from_torch_rows(m, whh),
             "b": lstm.from_torch_rows(m, bih)}
        np.testing.assert_allclose(bih, bhh, atol=1e-15)      # only their sum acts
    else:
        g = {"U": wih, "W": whh, "b": bih, "bh": bhh[2 * H:]}
        np.testing.assert_allclose(bih[:2 * H], bhh[:2 * H], atol=1e-15)
    g["V"], g["c"] = lin.weight.grad.numpy(), lin.bias.grad.numpy()
    return g, {k: v.grad.numpy() for k, v in init.items()}


def masked_loss(logits, Y, mask, t=None):
    """loss.py's mean over the real tokens; only L_t's term (``logits`` of step t) when
    ``t`` is given."""
    y = np.where(mask, Y, -100) if t is None else np.where(mask[:, t], Y[:, t], -100)
    n = max(int(mask.sum()), 1)
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), torch.from_numpy(y).reshape(-1),
                           ignore_index=-100, reduction="sum") / n


def leaves(m, B):
    names = ("s0", "C0") if m.CELL == "lstm" else ("s0",)
    rng = np.random.default_rng(7)
    return {k: torch.from_numpy(rng.uniform(-0.5, 0.5, (B, m.H))).requires_grad_()
            for k in names}


def ours(m, X, Y, mask, init, truncate=None):
    cell = CELLS[m.CELL]
    fw = cell.forward(m, X, **{k: v.detach().numpy() for k, v in init.items()})
    return fw, cell.bptt(m, fw, Y, mask, truncate=truncate)


def assert_grads(g, d0, tg, td0):
    for name, theirs in tg.items():
        np.testing.assert_allclose(g.params[name], theirs, rtol=0, atol=ATOL, err_msg=name)
        assert np.abs(theirs).max() > 1e-4, name            # not trivially zero
    for name, theirs in td0.items():
        np.testing.assert_allclose(d0[name], theirs, rtol=0, atol=ATOL, err_msg=name)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("seed", [0, 1])
def test_probabilities_loss_and_every_gradient_as_pytorch(cell, seed):
    m, X, Y, mask = case(cell, seed)
    rnn, lin = torch_modules(m)
    init = leaves(m, X.shape[0])
    logits = lin(run_module(m, rnn, X, init))
    loss = masked_loss(logits, Y, mask)
    loss.backward()
    fw, g = ours(m, X, Y, mask, init)
    assert cross_entropy(fw.z, Y, mask) == pytest.approx(loss.item(), abs=1e-12)
    probs = torch.softmax(logits, -1).detach().numpy()
    np.testing.assert_allclose(fw.o.transpose(1, 0, 2)[mask], probs[mask], rtol=0, atol=ATOL)
    assert_grads(g, g.d0, *torch_grads(m, rnn, lin, init))


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("k", [1, 2, 3, 6, 7, 20])
def test_truncated_bptt_is_pytorch_with_the_states_k_steps_back_detached(cell, k):
    """Each L_t from its states at step t-k, detached (or from the initial states when
    t ≤ k): bptt.py's definition; k ≥ T is full BPTT."""
    m, X, Y, mask = case(cell, 2)
    T = X.shape[1]
    rnn, lin = torch_modules(m)
    init = leaves(m, X.shape[0])
    fw_np, _ = ours(m, X, Y, mask, init)                  # the states to start from
    with torch.no_grad():
        full = run_module(m, rnn, X, init)
    np.testing.assert_allclose(full.numpy().transpose(1, 0, 2), fw_np.s[1:], atol=1e-12)
    for t in range(T):
        start = max(t + 1 - k, 0)
        if start == 0:
            states = init
        else:
            states = {"s0": torch.from_numpy(fw_np.s[start].copy())}
            if m.CELL == "lstm":
                states["C0"] = torch.from_numpy(fw_np.C[start].copy())
        out = run_module(m, rnn, X[:, start:t + 1], states)
        masked_loss(lin(out[:, -1:]), Y, mask, t).backward()
    _, g = ours(m, X, Y, mask, init, truncate=k)
    tg, td0 = torch_grads(m, rnn, lin, init)
    assert_grads(g, g.d0, tg, td0)
    if k == 1:
        assert not np.isclose(g.params["W"], ours(m, X, Y, mask, init)[1].params["W"],
                              atol=1e-6).all()            # truncation changed something


# -------------------------------------------------------- the cell written out in torch
def lstm_steps(m, X, init, tensors):
    """Our LSTM's formulas in torch, keeping every gate, pre-activation and state."""
    U, W, b = tensors
    H = m.H
    s, C = init["s0"], init["C0"]
    keep = {"pre": [], "gates": [], "s": [], "C": []}
    for t in range(X.shape[1]):
        a = U.T[torch.from_numpy(X[:, t])] + s @ W.T + b
        a.retain_grad()
        gates = torch.cat([torch.sigmoid(a[:, :2 * H]), torch.tanh(a[:, 2 * H:3 * H]),
                           torch.sigmoid(a[:, 3 * H:])], -1)
        gates.retain_grad()
        C = gates[:, :H] * C + gates[:, H:2 * H] * gates[:, 2 * H:3 * H]
        C.retain_grad()
        s = gates[:, 3 * H:] * torch.tanh(C)
        s.retain_grad()
        for name, v in zip(keep, (a, gates, s, C)):
            keep[name].append(v)
    return keep


def gru_steps(m, X, init, tensors):
    """Our GRU's formulas in torch (PyTorch's reset placement), keeping everything."""
    U, W, b, bh = tensors
    H = m.H
    s = init["s0"]
    keep = {"pre": [], "gates": [], "s": []}
    for t in range(X.shape[1]):
        xin = U.T[torch.from_numpy(X[:, t])] + b
        rec = s @ W.T
        a_rz = xin[:, :2 * H] + rec[:, :2 * H]
        rz = torch.sigmoid(a_rz)
        a_n = xin[:, 2 * H:] + rz[:, :H] * (rec[:, 2 * H:] + bh)
        n = torch.tanh(a_n)
        s = (1 - rz[:, H:]) * n + rz[:, H:] * s
        for v in (a_rz, a_n, rz, n, s):
            v.retain_grad()
        keep["pre"].append((a_rz, a_n))
        keep["gates"].append((rz, n))
        keep["s"].append(s)
    return keep


def grad_of(v):
    """.grad of a kept tensor, or of a tuple of them side by side (the stacked layout)."""
    if isinstance(v, tuple):
        return np.concatenate([grad_of(u) for u in v], -1)
    return v.grad.numpy()


def written_out(m, X, init):
    names = ("U", "W", "b") if m.CELL == "lstm" else ("U", "W", "b", "bh")
    tensors = [torch.from_numpy(np.array(getattr(m, n))).requires_grad_() for n in names]
    steps = lstm_steps if m.CELL == "lstm" else gru_steps
    keep = steps(m, X, init, tensors)
    V, c = torch.from_numpy(m.V.copy()), torch.from_numpy(m.c.copy())
    logits = torch.stack(keep["s"], 1) @ V.T + c
    return keep, logits


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_every_gate_and_state_error_as_autograd(cell):
    m, X, Y, mask = case(cell, 3)
    init = leaves(m, X.shape[0])
    keep, logits = written_out(m, X, init)
    rnn, lin = torch_modules(m)                           # the written-out cell is PyTorch's
    np.testing.assert_allclose(logits.detach().numpy(),
                               lin(run_module(m, rnn, X, init)).detach().numpy(), atol=1e-12)
    masked_loss(logits, Y, mask).backward()
    _, g = ours(m, X, Y, mask, init)
    grad = {name: np.stack([grad_of(v) for v in vs]) for name, vs in keep.items()}
    np.testing.assert_allclose(g.dpre, grad["pre"], rtol=0, atol=ATOL)
    np.testing.assert_allclose(g.dgates, grad["gates"], rtol=0, atol=ATOL)
    for name in CELLS[cell].STATES:
        np.testing.assert_allclose(g.dstates[name], grad[name], rtol=0, atol=ATOL, err_msg=name)
    assert np.abs(g.dgates).max() > 1e-3


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("k", [None, 1, 2, 4])
def test_gradient_flow_is_autograd_per_loss(cell, k):
    """‖∂L_t/∂s_j‖ (and C_j) for every loss: autograd of L_t alone, run from its states
    k steps back as leaves (or from s_0, C_0), against the engine's Flow."""
    m, X, Y, _ = case(cell, 4)
    x, y = X[:1], Y[:1]
    T = x.shape[1]
    tr = CELLS[cell].trace(m, x[0])
    fl = CELLS[cell].gradient_flow(tr, y[0], truncate=k, reduction="sum")
    states = CELLS[cell].STATES
    for t in range(T):
        start = 0 if k is None else max(t + 1 - k, 0)
        init = {f"{n}0": torch.from_numpy(getattr(tr.fw, n)[start].copy()).requires_grad_()
                for n in states}
        keep, logits = written_out(m, x[:, start:t + 1], init)
        F.cross_entropy(logits[0, -1:], torch.from_numpy(y[:, t])).backward()   # L_t
        for n in states:
            at_start = init[f"{n}0"].grad.numpy()[0]
            got = fl.dL0[f"{n}0"][t] if start == 0 else fl.dL[n][t, start - 1]
            np.testing.assert_allclose(got, at_start, rtol=0, atol=ATOL, err_msg=(n, t))
            for i, v in enumerate(keep[n]):               # states start+1 … t+1
                np.testing.assert_allclose(fl.dL[n][t, start + i], v.grad.numpy()[0],
                                           rtol=0, atol=ATOL, err_msg=(n, t, start + i))
            cut = ~keeps_state(t + 1 - np.arange(1, T + 1), k)
            assert not fl.dL[n][t][cut].any()
            assert np.isnan(fl.norms(n)[t][cut]).all()
            assert not np.isnan(fl.norms(n)[t][~cut]).any()
