r"""The LSTM tagger, NumPy only: forward, exact BPTT, truncation and the gradient flow.

In the labels of ``cell_names`` (the tutorial's f_t, o_t, h_t, c_t are φ_t, ω_t,
s_t, C_t here; see there why), with x_t one-hot (a word id, U_g x_t = U_g[:, x_t]):

    φ_t  = σ(U_φ x_t + W_φ s_{t-1} + b_φ)        forget gate
    i_t  = σ(U_i x_t + W_i s_{t-1} + b_i)        input gate
    C̃_t  = tanh(U_C̃ x_t + W_C̃ s_{t-1} + b_C̃)    candidate
    ω_t  = σ(U_ω x_t + W_ω s_{t-1} + b_ω)        output gate
    C_t  = φ_t ⊙ C_{t-1} + i_t ⊙ C̃_t             cell state
    s_t  = ω_t ⊙ tanh(C_t)                       what the output layer reads
    o_t  = softmax(V s_t + c)                    as the RNN's, the same loss.py

U, W, b stack the four gates' rows in the order φ, i, C̃, ω (``cell_names.LSTM_GATES``,
the tutorial's); s_0 and C_0 are 0 unless given.

Backward, one step (errors arriving at s_t, and at C_t from C_{t+1}):

    ∂L/∂ω_t = ∂L/∂s_t ⊙ tanh(C_t)
    ∂L/∂C_t = (arriving from C_{t+1}) + ∂L/∂s_t ⊙ ω_t ⊙ (1 - tanh²(C_t))
    ∂L/∂φ_t = ∂L/∂C_t ⊙ C_{t-1}   ∂L/∂i_t = ∂L/∂C_t ⊙ C̃_t   ∂L/∂C̃_t = ∂L/∂C_t ⊙ i_t
    δ_t (the four pre-activations) = the gate errors ⊙ σ' (φ, i, ω) or tanh' (C̃)
    to C_{t-1}: ∂L/∂C_t ⊙ φ_t        to s_{t-1}: Wᵀ δ_t
    ∂L/∂W = Σ δ_t s_{t-1}ᵀ   ∂L/∂b = Σ δ_t   ∂L/∂U[:, x_t] += δ_t

(the tutorial's reference lstm.py has mistakes in its backward pass, e.g. its
``bi_grad`` and ``bo_grad`` take the forget gate's δ: this is checked against
PyTorch's autograd, tests/test_cells_torch.py, and finite differences, gradcheck).

**PyTorch.** ``torch.nn.LSTM(input_size=|vocab|, hidden_size=H)`` fed one-hot x_t
(or behind an nn.Embedding E, with U = W_ih Eᵀ as in ``pytorch_names``) computes the
same network with its gates stacked in the order i, f, g, o (input, forget,
candidate g = our C̃, output) and two biases that only appear summed:

    rnnviz                           PyTorch
    U[rows of i, φ, C̃, ω]            lstm.weight_ih_l0   (4H, |vocab|), rows i, f, g, o
    W[rows of i, φ, C̃, ω]            lstm.weight_hh_l0   (4H, H)
    b[rows of i, φ, C̃, ω]            lstm.bias_ih_l0 + lstm.bias_hh_l0
    s_0, C_0                         h_0, c_0 (the tuple passed with the input)
    s_t, C_t                         h_t (the output), c_t
    V, c                             linear.weight, linear.bias

``to_torch_state_dict`` writes it (bias_hh = 0); ``torch_rows`` is the row permutation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

import numpy as np

from . import activations, gated_bptt, gated_model
from .cell_names import LSTM_GATES
from .forward import softmax
from .gated_model import CellTrace, GatedModel, init_gated, initial_state, make_trace, time_major

STATES = ("s", "C")
SIGMOID, TANH = gated_model.gate_sigmoid, activations.get("tanh").f
_TORCH_GATES = ("input", "forget", "cand", "out")     # PyTorch's i, f, g, o


@dataclass(frozen=True, eq=False)
class LSTM(GatedModel):
    """Parameters (gates stacked φ, i, C̃, ω) and the words and tags they tag."""
    U: np.ndarray          # (4H, |vocab|)
    W: np.ndarray          # (4H, H)
    b: np.ndarray          # (4H,)
    V: np.ndarray          # (K, H)
    c: np.ndarray          # (K,)
    vocab: tuple[str, ...]
    tags: tuple[str, ...]
    hparams: Mapping[str, Any] = field(default_factory=dict)

    CELL = "lstm"
    GATES = LSTM_GATES


def init_lstm(vocab, tags, H: int = 16, *, seed=0, hparams=None) -> LSTM:
    """Every array uniform(±1/√H), as nn.LSTM and nn.Linear initialise."""
    return init_gated(LSTM, vocab, tags, H, seed=seed, hparams=hparams)


@dataclass(frozen=True, eq=False)
class Forward:
    """Everything the forward pass computed for a batch (time-major)."""
    x: np.ndarray       # (T, B) word ids
    gates: np.ndarray   # (T, B, 4H) φ_t, i_t, C̃_t, ω_t (values, stacked)
    C: np.ndarray       # (T+1, B, H) C[0] = C_0
    tanhC: np.ndarray   # (T, B, H) tanh(C_t)
    s: np.ndarray       # (T+1, B, H) s[0] = s_0
    z: np.ndarray       # (T, B, K) V s_t + c
    o: np.ndarray       # (T, B, K) softmax(z_t)

    # What every step back multiplies by, computed for all T steps at once (one
    # NumPy call each instead of one per step) the first time BPTT asks.
    @cached_property
    def slope(self) -> np.ndarray:
        """(T, B, 4H) σ'(a) = g (1 - g) for φ, i, ω and tanh'(a) = 1 - C̃² for C̃."""
        g = self.gates
        out = g * (1.0 - g)
        cand = _blocks(g.shape[-1] // 4)[2]
        np.subtract(1.0, g[..., cand] * g[..., cand], out=out[..., cand])
        return out

    @cached_property
    def dtanhC(self) -> np.ndarray:
        """(T, B, H) 1 - tanh²(C_t)."""
        return 1.0 - self.tanhC * self.tanhC


def _blocks(H: int):
    return [slice(g * H, (g + 1) * H) for g in range(4)]


def forward(m: LSTM, X, s0=None, C0=None) -> Forward:
    """Run the LSTM over ``X`` (B, T) word ids; ``s0``, ``C0`` (H,) or (B, H), default 0."""
    x = time_major(m, X)
    T, B = x.shape
    H = m.H
    sig1, sig2, cand = slice(0, 2 * H), slice(3 * H, 4 * H), _blocks(H)[2]   # σ: φ, i | ω
    pre_in = m.U.T[x] + m.b                           # (T, B, 4H) U x_t + b
    gates = np.empty((T, B, 4 * H))
    s, C = np.empty((T + 1, B, H)), np.empty((T + 1, B, H))
    s[0], C[0] = initial_state(s0, B, H), initial_state(C0, B, H)
    tanhC = np.empty((T, B, H))
    WT = m.W.T
    a, ic = np.empty((B, 4 * H)), np.empty((B, H))   # reused every step: no allocations
    with np.errstate(over="ignore"):                 # gate_sigmoid: e^(-a) may be inf
        for t in range(T):
            np.matmul(s[t], WT, out=a)                # every gate's pre-activation
            a += pre_in[t]
            g = gates[t]
            SIGMOID(a[:, sig1], out=g[:, sig1])       # σ on φ, i and ω only: the C̃
            SIGMOID(a[:, sig2], out=g[:, sig2])       # block is tanh's
            TANH(a[:, cand], out=g[:, cand])
            np.multiply(g[:, :H], C[t], out=C[t + 1])  # C_t = φ_t ⊙ C_{t-1} + i_t ⊙ C̃_t
            np.multiply(g[:, H:2 * H], g[:, cand], out=ic)
            C[t + 1] += ic
            TANH(C[t + 1], out=tanhC[t])
            np.multiply(g[:, sig2], tanhC[t], out=s[t + 1])
    z = s[1:] @ m.V.T + m.c
    return Forward(x, gates, C, tanhC, s, z, softmax(z))


def trace(m: LSTM, x, tokens=None, s0=None, C0=None) -> CellTrace:
    """Forward one sentence of word ids ``x`` (T,) and keep every gate at every step."""
    x = np.asarray(x, dtype=np.intp).reshape(-1)
    return make_trace(m, forward(m, x[None, :], s0, C0), x, tokens)


def step_back(m: LSTM, fw: Forward, j: int, carry) -> gated_bptt.Step:
    """One step back (0-based step j): ``carry`` = (∂L/∂s_{j+1}, the error arriving at
    C_{j+1} from C_{j+2}), any leading axes before (B, H)."""
    ds, dC_in = carry
    H = m.H
    forget, inp, cand, _ = (fw.gates[j][:, sl] for sl in _blocks(H))
    out, tC, C_prev = fw.gates[j][:, 3 * H:], fw.tanhC[j], fw.C[j]
    dC = ds * out
    dC *= fw.dtanhC[j]
    dC += dC_in                                       # ∂L/∂C_t
    dgates = np.empty(dC.shape[:-1] + (4 * H,))
    np.multiply(dC, C_prev, out=dgates[..., :H])      # φ, i, C̃, ω
    np.multiply(dC, cand, out=dgates[..., H:2 * H])
    np.multiply(dC, inp, out=dgates[..., 2 * H:3 * H])
    np.multiply(ds, tC, out=dgates[..., 3 * H:])
    dpre = dgates * fw.slope[j]
    return gated_bptt.Step(dpre, dpre, dgates, (dpre @ m.W, dC * forget), (ds, dC))


def bptt(m: LSTM, fw: Forward, Y, mask=None, *, truncate: int | None = None,
         reduction: str = "mean") -> gated_bptt.Grads:
    """Exact gradients of the cross-entropy over the batch that made ``fw``: every
    parameter, every gate, the states and s_0, C_0 (``truncate=k``: bptt.py's)."""
    dz, dpre, drec, dgates, dstates, d0 = gated_bptt.backprop(
        step_back, m, fw, Y, mask, truncate=truncate, reduction=reduction, state_names=STATES)
    return gated_bptt.Grads(gated_bptt.input_grads(m, fw, dz, dpre, drec), dpre, dgates,
                            dstates, d0)


def gradient_flow(tr: CellTrace, y, *, truncate: int | None = None,
                  reduction: str = "mean") -> gated_bptt.Flow:
    """∂L_t/∂s_k and ∂L_t/∂C_k for every loss L_t and state k ≤ t of one sentence."""
    Y = np.asarray(y, dtype=np.intp).reshape(1, -1)
    return gated_bptt.flow(step_back, tr.model, tr.fw, Y, truncate=truncate,
                           reduction=reduction, state_names=STATES)


def torch_rows(m: LSTM) -> np.ndarray:
    """Our rows in PyTorch's gate order: ``U[torch_rows(m)]`` is weight_ih_l0."""
    return np.concatenate([np.arange(m.H) + m.H * LSTM_GATES.index(g) for g in _TORCH_GATES])


def to_torch_state_dict(m: LSTM) -> dict[str, np.ndarray]:
    """Arrays under PyTorch's names for nn.LSTM(|vocab|, H) fed one-hot x_t + nn.Linear."""
    rows = torch_rows(m)
    return {"lstm.weight_ih_l0": m.U[rows], "lstm.weight_hh_l0": m.W[rows],
            "lstm.bias_ih_l0": m.b[rows], "lstm.bias_hh_l0": np.zeros(4 * m.H),
            "linear.weight": np.array(m.V), "linear.bias": np.array(m.c)}


def from_torch_rows(m: LSTM, grad: np.ndarray) -> np.ndarray:
    """The inverse permutation: an array with PyTorch's rows (i, f, g, o) -> ours."""
    out = np.empty_like(grad)
    out[torch_rows(m)] = grad
    return out
