r"""Backpropagation through time (BPTT): exact gradients of the loss.

Write a_t = U x_t + W s_{t-1} + b and z_t = V s_t + c. Going backwards from
t = T to 1, with the error term δ_t = ∂L/∂a_t:

    ∂L/∂z_t = (o_t - y_t) · m_t / N                  y_t one-hot, m_t the mask
    ∂L/∂s_t = Vᵀ ∂L/∂z_t + Wᵀ δ_{t+1}                (δ_{T+1} = 0)
    δ_t     = ∂L/∂s_t ⊙ f'(a_t)
    ∂L/∂V = Σ_t ∂L/∂z_t s_tᵀ      ∂L/∂c = Σ_t ∂L/∂z_t
    ∂L/∂W = Σ_t δ_t s_{t-1}ᵀ      ∂L/∂b = Σ_t δ_t
    ∂L/∂U[:, x_t] += δ_t          (U x_t is a column lookup)
    ∂L/∂s_0 = Wᵀ δ_1

**Truncated BPTT, k steps** (the one definition; ``keeps_delta`` and
``keeps_state`` say it, and every module that truncates asks them). The error
of each loss L_t travels back k steps along W, one step per W edge:

    kept:  δ_j = ∂L_t/∂a_j                  for t-k < j ≤ t   (k error terms)
           ∂L_t/∂s_j                         for t-k ≤ j ≤ t
    cut:   everything older than s_{t-k}

∂L_t/∂s_{t-k} = Wᵀ δ_{t-k+1} arrives at s_{t-k} and stops there: it is not
multiplied by f'(a_{t-k}), so δ_{t-k} gets nothing from L_t. s_{t-k} plays the
part s_0 plays in full BPTT (it is treated as a given input, like a detached
state), and the edge that is cut is the W edge s_{t-k} → s_{t-k-1}, which
would carry Wᵀδ_{t-k}. k = 1 keeps each step's own loss in δ_t; k ≥ t cuts
nothing of L_t (its error reaches s_0), so k ≥ T is full BPTT. The parameter
gradients sum the kept δ's: ∂L/∂W = Σ_j δ_j s_{j-1}ᵀ with δ_j = Σ_{t=j}^{j+k-1}
∂L_t/∂a_j, and ∂L/∂s_0 = Wᵀ Σ_{t ≤ k} ∂L_t/∂a_1.

The same per-output view gives the vanishing/exploding picture ‖∂L_t/∂s_j‖
for j ≤ t, one Jacobian ∂s_j/∂s_{j-1} = diag(f'(a_j)) W at a time.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .forward import Forward, Trace
from .loss import full_mask, loss_scale
from .model import RNN


def keeps_delta(back, truncate: int | None):
    """Whether truncation ``truncate`` keeps δ_j = ∂L_t/∂a_j, ``back`` = t − j ≥ 0 (arrays too)."""
    back = np.asarray(back)
    return (back >= 0) & (True if truncate is None else back < truncate)


def keeps_state(back, truncate: int | None):
    """Whether truncation ``truncate`` keeps ∂L_t/∂s_j, ``back`` = t − j ≥ 0 (arrays too):
    one step further back than the δ's, the state where the error stops."""
    back = np.asarray(back)
    return (back >= 0) & (True if truncate is None else back <= truncate)


@dataclass(frozen=True, eq=False)
class Grads:
    dU: np.ndarray      # (H, |vocab|)
    dW: np.ndarray      # (H, H)
    dV: np.ndarray      # (K, H)
    db: np.ndarray      # (H,)
    dc: np.ndarray      # (K,)
    delta: np.ndarray   # (T, B, H) δ_t = ∂L/∂a_t
    ds0: np.ndarray     # (B, H) ∂L/∂s_0

    def as_dict(self) -> dict[str, np.ndarray]:
        """Gradients keyed by parameter name: {"U": dU, ...}."""
        return {"U": self.dU, "W": self.dW, "V": self.dV, "b": self.db, "c": self.dc}


def output_error(fw: Forward, Y: np.ndarray, mask: np.ndarray | None = None,
                 reduction: str = "mean") -> np.ndarray:
    """∂L/∂z_t = (o_t - y_t) m_t / N for every position -> (T, B, K)."""
    Y = np.asarray(Y)
    mask = full_mask(Y) if mask is None else np.asarray(mask, dtype=bool)
    dz = fw.o.copy()
    T, B = Y.shape[1], Y.shape[0]
    dz[np.arange(T)[:, None], np.arange(B)[None, :], Y.T] -= 1.0
    dz *= (mask.T * loss_scale(mask, reduction))[..., None]
    return dz


def bptt(m: RNN, fw: Forward, Y: np.ndarray, mask: np.ndarray | None = None, *,
         truncate: int | None = None, reduction: str = "mean") -> Grads:
    """Exact gradients of the cross-entropy over the batch that made ``fw``.

    ``Y`` (B, T) tag ids, ``mask`` (B, T) True for real tokens. ``truncate=k``
    limits each step's error to the last k steps (truncated BPTT).
    """
    dz = output_error(fw, Y, mask, reduction)             # (T, B, K)
    dsV = dz @ m.V                                        # (T, B, H) Vᵀ ∂L/∂z_t
    fprime = m.activation.df(fw.a, fw.s[1:])              # (T, B, H) f'(a_t)
    if truncate is None:
        delta, ds0 = _deltas(m.W, dsV, fprime)
    else:
        delta, ds0 = _deltas_truncated(m.W, dsV, fprime, truncate)
    H, K = m.H, m.K
    flat_delta = delta.reshape(-1, H)                     # (T*B, H)
    dW = flat_delta.T @ fw.s[:-1].reshape(-1, H)          # Σ δ_t s_{t-1}ᵀ
    dV = dz.reshape(-1, K).T @ fw.s[1:].reshape(-1, H)    # Σ ∂L/∂z_t s_tᵀ
    dU = scatter_columns(fw.x.reshape(-1), flat_delta, m.n_vocab)
    return Grads(dU, dW, dV, flat_delta.sum(0), dz.reshape(-1, K).sum(0), delta, ds0)


def _deltas(W, dsV, fprime):
    """Full BPTT: δ_t = (Vᵀ∂L/∂z_t + Wᵀ δ_{t+1}) ⊙ f'(a_t), t = T … 1."""
    delta = np.empty_like(dsV)
    carry = np.zeros(dsV.shape[1:])                       # Wᵀ δ_{t+1} (row vectors)
    for t in range(dsV.shape[0] - 1, -1, -1):
        np.multiply(dsV[t] + carry, fprime[t], out=delta[t])  # ∂L/∂s_t ⊙ f'(a_t)
        carry = delta[t] @ W                              # Wᵀ δ_t, for s_{t-1}
    return delta, carry                                   # carry is now ∂L/∂s_0


def _deltas_truncated(W, dsV, fprime, k):
    """Truncated BPTT: δ_j = Σ_{t=j}^{j+k-1} ∂L_t/∂a_j (losses reach back k steps);
    ∂L/∂s_0 = Wᵀ Σ ∂L_t/∂a_1 over the losses that keep δ_1 (t ≤ k: s_0 is kept)."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"truncate must be a positive number of steps, got {k!r}")
    delta = np.zeros_like(dsV)
    ds0 = np.zeros(dsV.shape[1:])
    for j, _, dLda in per_output_errors(W, dsV, fprime, k):
        delta[j] = dLda.sum(axis=0)
        if j == 0:                                        # the losses that keep δ_1 (t ≤ k)
            ds0 = dLda.sum(axis=0) @ W
    return delta, ds0


def per_output_errors(W, dsV, fprime, k=None):
    """Walk back from j = T-1 to 0 keeping each loss's own error separately.

    Yields ``(j, rows, dLda)`` where ``dLda[i]`` = ∂L_{j+i}/∂a_j for the
    outputs still in reach (``rows`` = their distance i = t - j, all < k).
    Works on batches: ``dLda`` is (n_rows, B, H).
    """
    T = dsV.shape[0]
    k = T if k is None else min(int(k), T)
    D = np.zeros((k,) + dsV.shape[1:])                  # D[i] = ∂L_{j+i}/∂a_j
    for j in range(T - 1, -1, -1):
        n = min(k, T - j)
        if n > 1:                                         # older losses: through W, then f'
            D[1:n] = (D[0:n - 1] @ W) * fprime[j]
        D[0] = dsV[j] * fprime[j]                         # this step's own loss
        yield j, np.arange(n), D[:n]


def scatter_columns(x: np.ndarray, delta: np.ndarray, n_vocab: int) -> np.ndarray:
    """dU (H, |vocab|), C-ordered like U, with dU[:, x_i] += delta_i (repeats summed)."""
    dU = np.zeros((delta.shape[1], n_vocab))
    if len(x):
        order = np.argsort(x, kind="stable")
        xs = x[order]
        starts = np.flatnonzero(np.r_[True, xs[1:] != xs[:-1]])
        sizes = np.diff(np.r_[starts, len(xs)])
        # A word seen once is copied; only repeated words go through reduceat, whose
        # cost is per segment (640 uniformly drawn ids, 4H = 256: 2.7 ms -> 0.8 ms).
        # The sums are reduceat's own, segment by segment, so dU is the same to the bit.
        once = np.repeat(sizes == 1, sizes)
        dU[:, xs[once]] = delta[order[once]].T
        if not once.all():
            xr = xs[~once]
            first = np.flatnonzero(np.r_[True, xr[1:] != xr[:-1]])
            dU[:, xr[first]] = np.add.reduceat(delta[order[~once]], first, axis=0).T
    return dU


@dataclass(frozen=True, eq=False)
class Flow:
    """How each loss L_t reaches back to earlier steps (one sentence)."""
    dLds: np.ndarray    # (T, T, H) [t-1, j-1] = ∂L_t/∂s_j where kept (t-k ≤ j ≤ t), else 0
    dLda: np.ndarray    # (T, T, H) [t-1, j-1] = ∂L_t/∂a_j where kept (t-k < j ≤ t), else 0
    truncate: int | None

    @property
    def norms(self) -> np.ndarray:
        """(T, T) ‖∂L_t/∂s_j‖, NaN above the diagonal (j > t) and where truncation cuts."""
        n = np.linalg.norm(self.dLds, axis=-1)
        T = n.shape[0]
        t, j = np.indices((T, T))
        return np.where(keeps_state(t - j, self.truncate), n, np.nan)


def gradient_flow(tr: Trace, y, *, truncate: int | None = None,
                  reduction: str = "mean") -> Flow:
    """Per-output gradients ∂L_t/∂s_j and ∂L_t/∂a_j for one traced sentence."""
    m = tr.model
    Y = np.asarray(y, dtype=np.intp).reshape(1, -1)
    fw = Forward(tr.x[:, None], tr.Ux[:, None], tr.Ws[:, None], tr.a[:, None],
                 tr.s[:, None], tr.z[:, None], tr.o[:, None])
    dsV = (output_error(fw, Y, reduction=reduction) @ m.V)     # (T, 1, H)
    fprime = m.activation.df(fw.a, fw.s[1:])
    T, H = tr.T, m.H
    dLds = np.zeros((T, T, H))
    dLda = np.zeros((T, T, H))
    for j, rows, D in per_output_errors(m.W, dsV, fprime, truncate):
        dLda[j + rows, j] = D[:, 0]
        # ∂L_t/∂s_j = ∂L_t/∂a_j ⊘ f'(a_j) is unstable; recompute it directly:
        # Vᵀ∂L_j/∂z_j for t = j, Wᵀ δ_{j+1} for the later losses that keep δ_{j+1}
        # (t - j ≤ k: the state one step older than the oldest δ still gets it)
        dLds[j, j] = dsV[j, 0]
        t = np.arange(j + 1, T)
        t = t[keeps_delta(t - (j + 1), truncate)]
        if len(t):
            dLds[t, j] = dLda[t, j + 1] @ m.W
    return Flow(dLds, dLda, truncate)
