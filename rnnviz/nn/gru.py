r"""The GRU tagger, NumPy only: forward, exact BPTT, truncation and the gradient flow.

In the labels of ``cell_names`` (the GRU's z_t and h_t are ζ_t and s_t here, its
candidate h̃_t is s̃_t; see there why), with x_t one-hot (U_g x_t = U_g[:, x_t]):

    r_t  = σ(U_r x_t + W_r s_{t-1} + b_r)                       reset gate
    ζ_t  = σ(U_ζ x_t + W_ζ s_{t-1} + b_ζ)                       update gate
    s̃_t  = tanh(U_s̃ x_t + b_s̃ + r_t ⊙ (W_s̃ s_{t-1} + b^W_s̃))    candidate
    s_t  = (1 - ζ_t) ⊙ s̃_t + ζ_t ⊙ s_{t-1}
    o_t  = softmax(V s_t + c)                                   as the RNN's, loss.py

This is PyTorch's GRU, not the tutorial's: the reset gate multiplies the recurrent
term *after* W, W_s̃ s_{t-1} + b^W_s̃, where Cho et al. (2014) and the tutorial series
write W_s̃ (r_t ⊙ s_{t-1}); so the candidate has a second, recurrent bias b^W_s̃
(``bh``), which r_t scales. ζ_t is the share of the old state that is kept (the
tutorial writes s_t = (1 - z_t) ⊙ s_{t-1} + z_t ⊙ s̃_t, i.e. its z_t is our 1 - ζ_t).
U, W, b stack the gates' rows in the order r, ζ, s̃ (``cell_names.GRU_GATES``).

Backward, one step (∂L/∂s_t arriving):

    ∂L/∂s̃_t = ∂L/∂s_t ⊙ (1 - ζ_t)      ∂L/∂ζ_t = ∂L/∂s_t ⊙ (s_{t-1} - s̃_t)
    δ^s̃_t = ∂L/∂s̃_t ⊙ (1 - s̃_t²)       ∂L/∂r_t = δ^s̃_t ⊙ (W_s̃ s_{t-1} + b^W_s̃)
    δ^r_t = ∂L/∂r_t ⊙ σ'   δ^ζ_t = ∂L/∂ζ_t ⊙ σ'   ε_t = δ^s̃_t ⊙ r_t  (the recurrent term's)
    to s_{t-1}: ∂L/∂s_t ⊙ ζ_t + W_rᵀ δ^r_t + W_ζᵀ δ^ζ_t + W_s̃ᵀ ε_t
    ∂L/∂U[:, x_t] += (δ^r, δ^ζ, δ^s̃)   ∂L/∂b = Σ (δ^r, δ^ζ, δ^s̃)
    ∂L/∂W = Σ (δ^r, δ^ζ, ε)_t s_{t-1}ᵀ   ∂L/∂b^W_s̃ = Σ ε_t

**PyTorch.** ``torch.nn.GRU(input_size=|vocab|, hidden_size=H)`` fed one-hot x_t; its
gates are stacked r, z, n (n = our s̃) like ours, so no permutation:

    rnnviz                   PyTorch
    U                        gru.weight_ih_l0  (3H, |vocab|)
    W                        gru.weight_hh_l0  (3H, H)
    b[r, ζ rows]             gru.bias_ih_l0[:2H] + gru.bias_hh_l0[:2H] (only their sum acts)
    b[s̃ rows]                gru.bias_ih_l0[2H:]   (outside r ⊙ …)
    bh                       gru.bias_hh_l0[2H:]   (b_hn, inside r ⊙ (W_hn h + b_hn))
    s_0                      h_0
    V, c                     linear.weight, linear.bias

``to_torch_state_dict`` writes it with bias_hh_l0[:2H] = 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

import numpy as np

from . import activations, gated_bptt, gated_model
from .cell_names import GRU_GATES
from .forward import softmax
from .gated_model import CellTrace, GatedModel, init_gated, initial_state, make_trace, time_major

STATES = ("s",)
SIGMOID, TANH = gated_model.gate_sigmoid, activations.get("tanh").f


@dataclass(frozen=True, eq=False)
class GRU(GatedModel):
    """Parameters (gates stacked r, ζ, s̃) and the words and tags they tag."""
    U: np.ndarray          # (3H, |vocab|)
    W: np.ndarray          # (3H, H)
    b: np.ndarray          # (3H,)
    bh: np.ndarray         # (H,) b^W_s̃, the candidate's recurrent bias inside r_t ⊙ (…)
    V: np.ndarray          # (K, H)
    c: np.ndarray          # (K,)
    vocab: tuple[str, ...]
    tags: tuple[str, ...]
    hparams: Mapping[str, Any] = field(default_factory=dict)

    CELL = "gru"
    GATES = GRU_GATES
    PARAM_NAMES = ("U", "W", "b", "bh", "V", "c")


def init_gru(vocab, tags, H: int = 16, *, seed=0, hparams=None) -> GRU:
    """Every array uniform(±1/√H), as nn.GRU and nn.Linear initialise."""
    return init_gated(GRU, vocab, tags, H, seed=seed, hparams=hparams)


@dataclass(frozen=True, eq=False)
class Forward:
    """Everything the forward pass computed for a batch (time-major)."""
    x: np.ndarray       # (T, B) word ids
    gates: np.ndarray   # (T, B, 3H) r_t, ζ_t, s̃_t (values, stacked)
    hn: np.ndarray      # (T, B, H) W_s̃ s_{t-1} + b^W_s̃, what r_t scales
    s: np.ndarray       # (T+1, B, H) s[0] = s_0
    z: np.ndarray       # (T, B, K) V s_t + c
    o: np.ndarray       # (T, B, K)

    # What every step back multiplies by, computed for all T steps at once (one
    # NumPy call each instead of one per step) the first time BPTT asks.
    @cached_property
    def one_minus(self) -> np.ndarray:
        """(T, B, 3H) 1 - r_t, 1 - ζ_t, 1 - s̃_t²."""
        g = self.gates
        out = 1.0 - g
        H = g.shape[-1] // 3
        np.subtract(1.0, g[..., 2 * H:] * g[..., 2 * H:], out=out[..., 2 * H:])
        return out

    @cached_property
    def s_minus_cand(self) -> np.ndarray:
        """(T, B, H) s_{t-1} - s̃_t."""
        H = self.hn.shape[-1]
        return self.s[:-1] - self.gates[..., 2 * H:]


def forward(m: GRU, X, s0=None) -> Forward:
    """Run the GRU over ``X`` (B, T) word ids; ``s0`` (H,) or (B, H), default 0."""
    x = time_major(m, X)
    T, B = x.shape
    H = m.H
    pre_in = m.U.T[x] + m.b                           # (T, B, 3H) U x_t + b
    gates = np.empty((T, B, 3 * H))
    hn = np.empty((T, B, H))
    s = np.empty((T + 1, B, H))
    s[0] = initial_state(s0, B, H)
    WT = m.W.T
    rec, a, new = np.empty((B, 3 * H)), np.empty((B, 2 * H)), np.empty((B, H))  # reused
    with np.errstate(over="ignore"):                 # gate_sigmoid: e^(-a) may be inf
        for t in range(T):
            np.matmul(s[t], WT, out=rec)              # W s_{t-1}, all three blocks
            np.add(rec[:, 2 * H:], m.bh, out=hn[t])
            g = gates[t]
            np.add(pre_in[t, :, :2 * H], rec[:, :2 * H], out=a)
            SIGMOID(a, out=g[:, :2 * H])
            np.multiply(g[:, :H], hn[t], out=new)
            new += pre_in[t, :, 2 * H:]
            TANH(new, out=g[:, 2 * H:])
            keep = g[:, H:2 * H]                      # s_t = (1 - ζ_t) ⊙ s̃_t + ζ_t ⊙ s_{t-1}
            np.subtract(1.0, keep, out=new)
            new *= g[:, 2 * H:]
            np.multiply(keep, s[t], out=s[t + 1])
            s[t + 1] += new
    z = s[1:] @ m.V.T + m.c
    return Forward(x, gates, hn, s, z, softmax(z))


def trace(m: GRU, x, tokens=None, s0=None) -> CellTrace:
    """Forward one sentence of word ids ``x`` (T,) and keep every gate at every step."""
    x = np.asarray(x, dtype=np.intp).reshape(-1)
    return make_trace(m, forward(m, x[None, :], s0), x, tokens)


def step_back(m: GRU, fw: Forward, j: int, carry) -> gated_bptt.Step:
    """One step back (0-based step j): ``carry`` = (∂L/∂s_{j+1},), any leading axes."""
    (ds,) = carry
    H = m.H
    reset, keep = fw.gates[j][:, :H], fw.gates[j][:, H:2 * H]
    one_minus = fw.one_minus[j]                       # 1 - r, 1 - ζ, 1 - s̃²
    shape = ds.shape[:-1] + (3 * H,)
    dgates, dpre, drec = np.empty(shape), np.empty(shape), np.empty(shape)
    dreset, dkeep, dcand = (dgates[..., g * H:(g + 1) * H] for g in range(3))
    da_reset, da_keep, da_cand = (dpre[..., g * H:(g + 1) * H] for g in range(3))
    np.multiply(ds, one_minus[:, H:2 * H], out=dcand)
    np.multiply(ds, fw.s_minus_cand[j], out=dkeep)
    np.multiply(dcand, one_minus[:, 2 * H:], out=da_cand)
    np.multiply(da_cand, fw.hn[j], out=dreset)
    np.multiply(dreset, reset, out=da_reset)
    da_reset *= one_minus[:, :H]
    np.multiply(dkeep, keep, out=da_keep)
    da_keep *= one_minus[:, H:2 * H]
    drec[..., :2 * H] = dpre[..., :2 * H]
    np.multiply(da_cand, reset, out=drec[..., 2 * H:])
    prev = drec @ m.W
    prev += ds * keep
    return gated_bptt.Step(dpre, drec, dgates, (prev,), (ds,))


def bptt(m: GRU, fw: Forward, Y, mask=None, *, truncate: int | None = None,
         reduction: str = "mean") -> gated_bptt.Grads:
    """Exact gradients of the cross-entropy over the batch that made ``fw``: every
    parameter, every gate, the states and s_0 (``truncate=k``: bptt.py's)."""
    dz, dpre, drec, dgates, dstates, d0 = gated_bptt.backprop(
        step_back, m, fw, Y, mask, truncate=truncate, reduction=reduction, state_names=STATES)
    params = gated_bptt.input_grads(m, fw, dz, dpre, drec)
    params["bh"] = drec[..., 2 * m.H:].reshape(-1, m.H).sum(0)
    return gated_bptt.Grads({k: params[k] for k in m.PARAM_NAMES}, dpre, dgates, dstates, d0)


def gradient_flow(tr: CellTrace, y, *, truncate: int | None = None,
                  reduction: str = "mean") -> gated_bptt.Flow:
    """∂L_t/∂s_k for every loss L_t and state k ≤ t of one sentence."""
    Y = np.asarray(y, dtype=np.intp).reshape(1, -1)
    return gated_bptt.flow(step_back, tr.model, tr.fw, Y, truncate=truncate,
                           reduction=reduction, state_names=STATES)


def to_torch_state_dict(m: GRU) -> dict[str, np.ndarray]:
    """Arrays under PyTorch's names for nn.GRU(|vocab|, H) fed one-hot x_t + nn.Linear."""
    return {"gru.weight_ih_l0": np.array(m.U), "gru.weight_hh_l0": np.array(m.W),
            "gru.bias_ih_l0": np.array(m.b),
            "gru.bias_hh_l0": np.concatenate([np.zeros(2 * m.H), m.bh]),
            "linear.weight": np.array(m.V), "linear.bias": np.array(m.c)}
