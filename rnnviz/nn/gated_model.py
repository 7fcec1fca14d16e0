r"""What the LSTM and GRU models share: the stacked gate parameters and the output layer.

A gated cell with G gates keeps, like the RNN, one input matrix U, one recurrent
matrix W and one bias b, each with the G gates' rows stacked in the cell's gate
order (``cell_names.LSTM_GATES`` / ``GRU_GATES``; gate g is rows g·H … (g+1)·H):

    U   (G·H, |vocab|)   x_t one-hot, stored as a word id: U x_t = U[:, x_t]
    W   (G·H, H)         s_{t-1} -> every gate
    b   (G·H,)
    V   (K, H)  c (K,)   the RNN's output layer: o_t = softmax(V s_t + c)

so one lookup and one matrix product give every gate's pre-activation at once,
and ``gate_rows(m, gate)`` gives one gate's block (U_φ, W_φ, b_φ in
``cell_names``). The index convention is ``model.py``'s: s[t] = s_t with s[0] = s_0,
every other per-step array has T rows, row t-1 is step t. ``CellTrace`` is one
sentence through either cell.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np

from .forward import TraceBase, tokens_and_pred
from .model import ModelBase, ModelError, check_names, init_names


class GatedModel(ModelBase):
    """What the LSTM and GRU dataclasses add (each declares its own fields)."""
    CELL: str = ""                        # the key of cell_names.LABELS
    GATES: tuple[str, ...] = ()
    PARAM_NAMES: tuple[str, ...] = ("U", "W", "b", "V", "c")

    def __post_init__(self):
        check_shapes(self)

    def gate_rows(self, gate: str) -> slice:
        """The rows of U, W and b that belong to ``gate`` (a key of GATES)."""
        g = self.GATES.index(gate)
        return slice(g * self.H, (g + 1) * self.H)


def check_shapes(m: GatedModel) -> None:
    """Raise ModelError naming the first parameter whose shape disagrees."""
    G = len(m.GATES)
    H = np.shape(m.W)[1] if np.ndim(m.W) == 2 else 0
    expected = {"U": (G * H, len(m.vocab)), "W": (G * H, H), "b": (G * H,),
                "V": (len(m.tags), H), "c": (len(m.tags),), "bh": (H,)}
    for name in m.PARAM_NAMES:
        got = np.shape(getattr(m, name))
        if got != expected[name] or H < 1:
            raise ModelError("model.shape", name=name, shape=str(got),
                             expected=str(expected[name]), H=H, n=len(m.vocab), K=len(m.tags))
    check_names(m)


def init_gated(cls, vocab: Sequence[str], tags: Sequence[str], H: int = 16, *,
               seed: int | np.random.Generator = 0,
               hparams: Mapping[str, Any] | None = None):
    """Random initialisation as PyTorch's nn.LSTM / nn.GRU and nn.Linear do it: every
    array uniform(±1/√H), U included (nn.LSTM's weight_ih fed one-hot x_t)."""
    rng = np.random.default_rng(seed)
    vocab, tags = init_names(vocab, tags, H)
    G, r = len(cls.GATES), 1.0 / np.sqrt(H)
    shapes = {"U": (G * H, len(vocab)), "W": (G * H, H), "b": (G * H,), "V": (len(tags), H),
              "c": (len(tags),), "bh": (H,)}
    arrays = {name: rng.uniform(-r, r, shapes[name]) for name in cls.PARAM_NAMES}
    return cls(**arrays, vocab=vocab, tags=tags, hparams=dict(hparams or {}))


@dataclass(frozen=True, eq=False)
class CellTrace(TraceBase):
    """One sentence through a gated cell: its forward pass (a batch of one) and names."""
    model: Any
    tokens: tuple[str, ...]
    pred: np.ndarray         # (T,) argmax_k o_t
    fw: Any                  # lstm.Forward / gru.Forward with B = 1

    @property
    def x(self) -> np.ndarray:
        return self.fw.x[:, 0]

    @property
    def s(self) -> np.ndarray:
        """(T+1, H) s[t] = s_t, s[0] = s_0."""
        return self.fw.s[:, 0]

    @property
    def o(self) -> np.ndarray:
        return self.fw.o[:, 0]

    def gate(self, gate: str) -> np.ndarray:
        """(T, H) the values of ``gate`` (a key of the model's GATES), row t-1 = step t."""
        return self.fw.gates[:, 0, self.model.gate_rows(gate)]


def make_trace(m, fw, x: np.ndarray, tokens) -> CellTrace:
    return CellTrace(m, *tokens_and_pred(m, x, tokens, fw.o[:, 0]), fw)


def time_major(m, X) -> np.ndarray:
    """(B, T) word ids -> (T, B), checked like forward.forward does."""
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"X must be (B, T) word ids, got shape {X.shape}")
    x = np.ascontiguousarray(X.T)
    if x.size and (x.min() < 0 or x.max() >= m.n_vocab):
        raise ValueError(f"word ids must lie in [0, {m.n_vocab}), got {x.min()}..{x.max()}")
    return x


def gate_sigmoid(a: np.ndarray, out: np.ndarray) -> np.ndarray:
    """σ(a) = 1 / (1 + e^(-a)) into ``out``, for the gates of the forward passes.

    Not ``activations``' tanh form (σ(a) = (1 + tanh(a/2)) / 2, the RNN's f): np.exp
    is vectorised here and np.tanh is not, so this is 3× faster (a 32 × 192 block:
    43 µs against 135 µs; σ was the largest part of the LSTM's forward step). The two
    agree to 2.3e-16.
    e^(-a) overflows to inf for a < -709 and σ is then 0, as it should be: call it
    under ``np.errstate(over="ignore")``.
    """
    np.negative(a, out=out)
    np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


def initial_state(value, B: int, H: int) -> np.ndarray:
    """s_0 or C_0 as (B, H): 0 by default, (H,) broadcast over the batch."""
    out = np.zeros((B, H))
    if value is not None:
        out[...] = value
    return out
