r"""The forward pass: run the network over a batch, or trace one sentence.

    a_t = U x_t + W s_{t-1} + b       (pre-activation)
    s_t = f(a_t)
    z_t = V s_t + c                   (logits)
    o_t = softmax(z_t)

``forward`` is the batch version used by training (time-major arrays);
``trace`` runs the same code on one sentence and keeps every intermediate
vector a picture needs. See ``model.py`` for the index convention.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import RNN


@dataclass(frozen=True, eq=False)
class Forward:
    """Everything the forward pass computed for a batch (time-major)."""
    x: np.ndarray    # (T, B) word ids
    Ux: np.ndarray   # (T, B, H) U x_t, a column lookup
    Ws: np.ndarray   # (T, B, H) W s_{t-1}
    a: np.ndarray    # (T, B, H) pre-activation U x_t + W s_{t-1} + b
    s: np.ndarray    # (T+1, B, H) s[0] = s_0
    z: np.ndarray    # (T, B, K) logits V s_t + c
    o: np.ndarray    # (T, B, K) softmax(z_t)


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, shifted by the max for stability."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    e /= e.sum(axis=-1, keepdims=True)
    return e


def forward(m: RNN, X: np.ndarray, s0: np.ndarray | None = None) -> Forward:
    """Run the RNN over ``X`` (B, T) word ids; ``s0`` (H,) or (B, H), default 0."""
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"X must be (B, T) word ids, got shape {X.shape}")
    B, T = X.shape
    x = np.ascontiguousarray(X.T)                       # (T, B)
    if x.size and (x.min() < 0 or x.max() >= m.n_vocab):
        raise ValueError(f"word ids must lie in [0, {m.n_vocab}), got {x.min()}..{x.max()}")
    H = m.H
    Ux = m.U.T[x]                                       # (T, B, H) column lookup
    Uxb = Ux + m.b                                      # (T, B, H)
    s = np.empty((T + 1, B, H))
    s[0] = 0.0 if s0 is None else s0
    Ws = np.empty((T, B, H))
    a = np.empty((T, B, H))
    WT, f = m.W.T, m.activation.f
    for t in range(1, T + 1):
        np.matmul(s[t - 1], WT, out=Ws[t - 1])          # W s_{t-1}
        np.add(Ws[t - 1], Uxb[t - 1], out=a[t - 1])     # a_t
        f(a[t - 1], out=s[t])                           # s_t = f(a_t)
    z = s[1:] @ m.V.T + m.c                             # (T, B, K)
    return Forward(x, Ux, Ws, a, s, z, softmax(z))


class TraceBase:
    """What every traced sentence answers (RNN, LSTM, GRU): its length and its tags."""

    @property
    def T(self) -> int:
        return len(self.x)

    @property
    def pred_tags(self) -> tuple[str, ...]:
        return tuple(self.model.tags[k] for k in self.pred)

    @property
    def confidence(self) -> np.ndarray:
        """(T,) probability of the predicted tag at each step."""
        return self.o[np.arange(self.T), self.pred]

    @property
    def finite(self) -> bool:
        """Whether every state and probability is a finite number."""
        return bool(np.isfinite(self.s).all() and np.isfinite(self.o).all())


@dataclass(frozen=True, eq=False)
class Trace(TraceBase):
    """One sentence through the network: the numbers every picture shows."""
    model: RNN
    tokens: tuple[str, ...]   # as typed (for labels)
    x: np.ndarray    # (T,) word ids
    Ux: np.ndarray   # (T, H)
    Ws: np.ndarray   # (T, H)
    a: np.ndarray    # (T, H)
    s: np.ndarray    # (T+1, H)  s[t] = s_t, s[0] = s_0
    z: np.ndarray    # (T, K)
    o: np.ndarray    # (T, K)
    pred: np.ndarray  # (T,) argmax_k o_t


def trace(m: RNN, x, tokens=None, s0: np.ndarray | None = None) -> Trace:
    """Forward one sentence of word ids ``x`` (T,) and keep every step."""
    x = np.asarray(x, dtype=np.intp).reshape(-1)
    fw = forward(m, x[None, :], s0)
    tokens, pred = tokens_and_pred(m, x, tokens, fw.o[:, 0])
    return Trace(m, tokens, x, fw.Ux[:, 0], fw.Ws[:, 0], fw.a[:, 0], fw.s[:, 0],
                 fw.z[:, 0], fw.o[:, 0], pred)


def tokens_and_pred(m, x: np.ndarray, tokens, o: np.ndarray):
    """A traced sentence's tokens (the vocabulary's words when not given) and its
    argmax tags from ``o`` (T, K); any model with ``vocab`` (RNN, LSTM, GRU)."""
    tokens = tuple(tokens) if tokens is not None else tuple(m.vocab[i] for i in x)
    if len(tokens) != len(x):
        raise ValueError(f"{len(tokens)} tokens but {len(x)} word ids")
    with np.errstate(invalid="ignore"):
        pred = np.argmax(o, axis=-1) if len(x) else np.zeros(0, np.intp)
    return tokens, pred
