r"""Backpropagation through time for a gated cell: the walk back over the steps.

A cell (``lstm``, ``gru``) says how one step's error goes back: its ``step_back(m,
fw, j, carry)`` takes the errors arriving at step j+1's states (s_{j+1}, and C_{j+1}
for the LSTM; any leading axes) and returns a ``Step``: the error of every gate's
pre-activation (``dpre``, what U x_t and b receive), the error of the recurrent
term (``drec``, what W s_{t-1} receives), the errors of the gate values
(``dgates``), what arrives at the previous states (``prev``) and the full errors of
this step's states (``total``). This module walks it back from t = T to 1 three
ways, as ``bptt.py`` does for the RNN:

- ``walk``: all losses together (full BPTT);
- ``per_output``: each loss L_t on its own row, for truncation and the flow.

**Truncation, k steps**, is ``bptt.py``'s definition (``keeps_delta`` /
``keeps_state``): L_t's error reaches the pre-activations of steps t-k+1 … t and
the states of steps t-k … t; the states of step t-k (s_{t-k}, and C_{t-k}) are
treated as given inputs, like detached states or s_0: what arrives there stops.

``Flow`` is the per-output picture ‖∂L_t/∂s_k‖ (and ‖∂L_t/∂C_k‖) for k ≤ t. Inside
the truncation window the C error is the full ∂L_t/∂C_k (through s_k = ω_k ⊙
tanh(C_k) too); at the state where truncation stops it (and at C_0), a given
input like s_0, it is what arrives from C_{k+1}.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

from .bptt import keeps_state, output_error, scatter_columns


class Step(NamedTuple):
    dpre: np.ndarray             # (..., G·H) ∂L/∂(pre-activation of every gate)
    drec: np.ndarray             # (..., G·H) ∂L/∂(the recurrent term W s_{t-1} [+ bh])
    dgates: np.ndarray           # (..., G·H) ∂L/∂(gate values)
    prev: tuple[np.ndarray, ...]   # what arrives at the previous states (s_{t-1}[, C_{t-1}])
    total: tuple[np.ndarray, ...]  # this step's full state errors (∂L/∂s_t[, ∂L/∂C_t])


StepBack = Callable[..., Step]


@dataclass(frozen=True, eq=False)
class Grads:
    params: dict[str, np.ndarray]   # ∂L/∂θ by parameter name ("U", "W", "b", "V", "c"[, "bh"])
    dpre: np.ndarray     # (T, B, G·H) ∂L/∂ pre-activations (the δ's)
    dgates: np.ndarray   # (T, B, G·H) ∂L/∂ gate values
    dstates: dict[str, np.ndarray]   # "s": (T, B, H) ∂L/∂s_t [, "C": ∂L/∂C_t]
    d0: dict[str, np.ndarray]        # "s0": (B, H) ∂L/∂s_0 [, "C0": ∂L/∂C_0]

    def as_dict(self) -> dict[str, np.ndarray]:
        return self.params


def walk(step_back: StepBack, m, fw, dsV: np.ndarray, n_states: int):
    """Full BPTT: -> (dpre, drec, dgates, totals per state, initial-state errors)."""
    T, B, H = dsV.shape
    GH = m.W.shape[0]
    dpre, dgates = np.empty((T, B, GH)), np.empty((T, B, GH))
    drec = None
    totals = [np.empty((T, B, H)) for _ in range(n_states)]
    carry = [np.zeros((B, H)) for _ in range(n_states)]
    for j in range(T - 1, -1, -1):
        carry[0] = carry[0] + dsV[j]
        st = step_back(m, fw, j, tuple(carry))
        if drec is None:            # the LSTM's drec is its dpre: one array, one copy a step
            drec = dpre if st.drec is st.dpre else np.empty((T, B, GH))
        dpre[j], dgates[j] = st.dpre, st.dgates
        if drec is not dpre:
            drec[j] = st.drec
        for total, x in zip(totals, st.total):
            total[j] = x
        carry = list(st.prev)
    return dpre, dpre if drec is None else drec, dgates, totals, carry   # T = 0: empty


def per_output(step_back: StepBack, m, fw, dsV: np.ndarray, n_states: int, k=None):
    """Walk back from j = T-1 to 0 keeping each loss's error on its own row.

    Yields ``(j, step)``: row i of every array of ``step`` belongs to L_{j+i+1}
    (0-based step j is step j+1), for the losses still in reach (i < k)."""
    T, B, H = dsV.shape
    k = T if k is None else min(int(k), T)
    prev = None
    for j in range(T - 1, -1, -1):
        n = min(k, T - j)
        carry = [np.zeros((n, B, H)) for _ in range(n_states)]
        carry[0][0] = dsV[j]                           # this step's own loss
        if prev is not None and n > 1:                 # older losses, one step further
            for c, p in zip(carry, prev):
                c[1:n] = p[:n - 1]
        st = step_back(m, fw, j, tuple(carry))
        yield j, st
        prev = st.prev


def check_truncate(k) -> None:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"truncate must be a positive number of steps, got {k!r}")


def backprop(step_back: StepBack, m, fw, Y, mask=None, *, truncate=None,
             reduction: str = "mean", state_names=("s",)):
    """Exact gradients of the cross-entropy (``loss.py``) over the batch that made ``fw``:
    -> (dz, dpre, drec, Grads fields but the parameters). ``truncate=k``: ``bptt.py``'s."""
    dz = output_error(fw, Y, mask, reduction)             # (T, B, K) ∂L/∂z_t
    dsV = dz @ m.V                                        # Vᵀ ∂L/∂z_t
    n = len(state_names)
    if truncate is None:
        dpre, drec, dgates, totals, d0 = walk(step_back, m, fw, dsV, n)
    else:
        check_truncate(truncate)
        T, B, H = dsV.shape
        dpre, drec, dgates = (np.zeros((T, B, m.W.shape[0])) for _ in range(3))
        totals = [np.zeros((T, B, H)) for _ in range(n)]
        d0 = [np.zeros((B, H)) for _ in range(n)]
        for j, st in per_output(step_back, m, fw, dsV, n, truncate):
            dpre[j], drec[j], dgates[j] = st.dpre.sum(0), st.drec.sum(0), st.dgates.sum(0)
            for total, x in zip(totals, st.total):
                total[j] = x.sum(0)
            if j == 0:
                d0 = [p.sum(0) for p in st.prev]
    dstates = dict(zip(state_names, totals))
    d0 = {f"{name}0": x for name, x in zip(state_names, d0)}
    return dz, dpre, drec, dgates, dstates, d0


def input_grads(m, fw, dz, dpre, drec) -> dict[str, np.ndarray]:
    """∂L/∂U, W, b, V, c from the step errors (U x_t is a column lookup)."""
    GH, H, K = m.W.shape[0], m.H, m.K
    flat = dpre.reshape(-1, GH)
    return {"U": scatter_columns(fw.x.reshape(-1), flat, m.n_vocab),
            "W": drec.reshape(-1, GH).T @ fw.s[:-1].reshape(-1, H),
            "b": flat.sum(0),
            "V": dz.reshape(-1, K).T @ fw.s[1:].reshape(-1, H),
            "c": dz.reshape(-1, K).sum(0)}


@dataclass(frozen=True, eq=False)
class Flow:
    """How each loss L_t reaches back to earlier states (one sentence)."""
    dL: dict[str, np.ndarray]    # "s" (and "C"): (T, T, H) [t-1, k-1] = ∂L_t/∂s_k where kept
    dL0: dict[str, np.ndarray]   # "s0" (and "C0"): (T, H) [t-1] = ∂L_t/∂s_0 where kept
    truncate: int | None

    def norms(self, state: str = "s") -> np.ndarray:
        """(T, T) ‖∂L_t/∂s_k‖ (or C_k), NaN above the diagonal and where truncation cuts."""
        n = np.linalg.norm(self.dL[state], axis=-1)
        t, k = np.indices(n.shape)
        return np.where(keeps_state(t - k, self.truncate), n, np.nan)

    def norms0(self, state: str = "s") -> np.ndarray:
        """(T,) ‖∂L_t/∂s_0‖ (or C_0), NaN where truncation cuts."""
        n = np.linalg.norm(self.dL0[f"{state}0"], axis=-1)
        return np.where(keeps_state(np.arange(1, len(n) + 1), self.truncate), n, np.nan)


def flow(step_back: StepBack, m, fw, Y, *, truncate=None, reduction: str = "mean",
         state_names=("s",)) -> Flow:
    """Per-output errors ∂L_t/∂(state_k), k ≤ t, for a batch of one sentence ``fw``."""
    if truncate is not None:
        check_truncate(truncate)
    dsV = output_error(fw, Y, reduction=reduction) @ m.V    # (T, 1, H)
    T, _, H = dsV.shape
    dL = {name: np.zeros((T, T, H)) for name in state_names}
    dL0 = {f"{name}0": np.zeros((T, H)) for name in state_names}
    for j, st in per_output(step_back, m, fw, dsV, len(state_names), truncate):
        rows = j + np.arange(st.dpre.shape[0])             # the losses t (0-based)
        for name, total, prev in zip(state_names, st.total, st.prev):
            dL[name][rows, j] = total[:, 0]                # kept: overwrites the arrival
            if j:                                          # arrives at state j (0-based j-1)
                dL[name][rows, j - 1] = prev[:, 0]
            else:
                dL0[f"{name}0"][rows] = prev[:, 0]
    return Flow(dL, dL0, truncate)
