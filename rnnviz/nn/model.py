r"""The tutorial's recurrent network, its parameters and its shapes.

    s_t = f(U x_t + W s_{t-1} + b)        s_0 = 0 unless given
    o_t = g(V s_t + c),  g = softmax

Shapes (H hidden units, |vocab| words, K tags, T tokens, B sentences):

    x_t   one-hot over the vocabulary, stored as a word id; U x_t = U[:, x_t]
          (an unknown word's id is its class column: unknown.lookup)
    U     (H, |vocab|)   input  -> hidden
    W     (H, H)         hidden -> hidden, the self-loop
    V     (K, H)         hidden -> output
    b     (H,)           c     (K,)

Index convention used everywhere: ``s`` holds s_0 too, so ``s[t]`` *is* s_t
(t = 0..T); every other per-step array has T rows and row ``t - 1`` is step t
(``a[t-1]`` = a_t, ``o[t-1]`` = o_t). The vocabulary's entry 0 is ``<unk>``.

This module imports only NumPy: no streamlit, no plotly.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Mapping, Sequence

import numpy as np

from ..messages import Catalog, CodedError
from . import activations

UNK = "<unk>"
PARAM_NAMES = ("U", "W", "V", "b", "c")

MESSAGES = Catalog({          # a model that does not hold together (check_shapes)
    "model.w_square": "W must be square (H, H), got shape {shape}",
    "model.shape": "{name} has shape {shape}; expected {expected} (H={H}, |vocab|={n}, K={K})",
    "model.vocab_unk": "vocab[0] must be {unk!r}",
    "model.vocab_duplicates": "vocab has duplicate entries",
    "model.tags": "tags must be non-empty and unique",
})


class ModelError(CodedError):
    """Parameters, vocabulary, tags or f that make no model (a code of ``MESSAGES``,
    or ``activations.MESSAGES`` for an unknown f)."""
    catalog = MESSAGES


class ModelBase:
    """What every model here shares (the RNN, and ``gated_model``'s LSTM and GRU): sizes,
    the parameters by name (``PARAM_NAMES``), words and tags <-> ids, copies."""
    PARAM_NAMES: tuple[str, ...] = PARAM_NAMES

    # sizes -----------------------------------------------------------------
    @property
    def H(self) -> int:
        return self.W.shape[1]

    @property
    def K(self) -> int:
        return self.V.shape[0]

    @property
    def n_vocab(self) -> int:
        return self.U.shape[1]

    @property
    def params(self) -> dict[str, np.ndarray]:
        """The parameter arrays by name (the arrays themselves, not copies)."""
        return {name: getattr(self, name) for name in self.PARAM_NAMES}

    # names <-> ids ---------------------------------------------------------
    @cached_property
    def word_index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.vocab)}

    @cached_property
    def tag_index(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.tags)}

    def tag_ids(self, tags: Sequence[str]) -> np.ndarray:
        try:
            return np.array([self.tag_index[t] for t in tags], dtype=np.intp)
        except KeyError as e:
            raise ValueError(f"unknown tag {e.args[0]!r}; the model's tags are "
                             f"{', '.join(self.tags)}") from None

    # copies ----------------------------------------------------------------
    def with_params(self, **arrays: np.ndarray):
        """A new model with some parameters replaced (others shared)."""
        return replace(self, **arrays)

    def copy(self):
        """A writable deep copy (e.g. a session's own model to take SGD steps on)."""
        return replace(self, **{k: np.array(v, copy=True) for k, v in self.params.items()},
                       hparams=json.loads(json.dumps(dict(self.hparams))))

    def frozen(self):
        """This model with read-only arrays, safe to share between sessions."""
        for arr in self.params.values():
            arr.flags.writeable = False
        return self


@dataclass(frozen=True, eq=False)
class RNN(ModelBase):
    """Parameters and the names that give them meaning (words, tags, f)."""
    U: np.ndarray          # (H, |vocab|)
    W: np.ndarray          # (H, H)
    V: np.ndarray          # (K, H)
    b: np.ndarray          # (H,)
    c: np.ndarray          # (K,)
    vocab: tuple[str, ...]  # vocab[0] == "<unk>"; entries are tokenize.normalize keys
    tags: tuple[str, ...]
    f: str = "tanh"
    hparams: Mapping[str, Any] = field(default_factory=dict)  # JSON-able, for the record

    def __post_init__(self):
        check_shapes(self)

    @property
    def activation(self) -> activations.Activation:
        return activations.get(self.f)


def check_shapes(m: RNN) -> None:
    """Raise ModelError (a ValueError) naming the first parameter whose shape disagrees."""
    if np.ndim(m.W) != 2 or m.W.shape[0] != m.W.shape[1]:
        raise ModelError("model.w_square", shape=str(np.shape(m.W)))
    H = m.W.shape[0]
    expected = {"U": (H, len(m.vocab)), "V": (len(m.tags), H), "b": (H,), "c": (len(m.tags),)}
    for name, shape in expected.items():
        got = np.shape(getattr(m, name))
        if got != shape:
            raise ModelError("model.shape", name=name, shape=str(got), expected=str(shape),
                             H=H, n=len(m.vocab), K=len(m.tags))
    check_names(m)
    try:
        activations.get(m.f)
    except activations.ActivationError as e:
        raise ModelError(e.note) from None


def check_names(m) -> None:
    """Raise ModelError if the vocabulary or the tags make no model (any model here)."""
    if not m.vocab or m.vocab[0] != UNK:
        raise ModelError("model.vocab_unk", unk=UNK)
    if len(set(m.vocab)) != len(m.vocab):
        raise ModelError("model.vocab_duplicates")
    if not m.tags or len(set(m.tags)) != len(m.tags):
        raise ModelError("model.tags")


U_INITS = ("normal", "uniform")


def init_names(vocab: Sequence[str], tags: Sequence[str], H: int):
    """A new model's vocabulary (``<unk>`` first) and tags; H checked (every init_*)."""
    vocab, tags = tuple(vocab), tuple(tags)
    if vocab[:1] != (UNK,):
        vocab = (UNK,) + tuple(w for w in vocab if w != UNK)
    if H < 1:
        raise ValueError(f"hidden size H must be at least 1, got {H}")
    return vocab, tags


def init_rnn(vocab: Sequence[str], tags: Sequence[str], H: int = 16, *, f: str = "tanh",
             seed: int | np.random.Generator = 0, recurrent: bool = True,
             u_init: str = "normal", hparams: Mapping[str, Any] | None = None) -> RNN:
    """Random initialisation as PyTorch does it for nn.Embedding -> nn.RNN -> nn.Linear.

    U ~ N(0, 1) like nn.Embedding (each x_t selects one column, so a column
    should have unit scale; ``u_init="uniform"`` gives uniform(±1/√H) instead);
    W, V, b, c ~ uniform(±1/√H) like nn.RNN / nn.Linear.
    ``recurrent=False`` gives W = 0: the feed-forward tagger s_t = f(U x_t + b).
    """
    rng = np.random.default_rng(seed)
    vocab, tags = init_names(vocab, tags, H)
    if u_init not in U_INITS:
        raise ValueError(f"u_init must be one of {U_INITS}, got {u_init!r}")
    r = 1.0 / np.sqrt(H)
    U = rng.normal(0.0, 1.0, (H, len(vocab))) if u_init == "normal" else \
        rng.uniform(-r, r, (H, len(vocab)))
    W = rng.uniform(-r, r, (H, H)) if recurrent else np.zeros((H, H))
    V = rng.uniform(-r, r, (len(tags), H))
    b = rng.uniform(-r, r, H)
    c = rng.uniform(-r, r, len(tags))
    return RNN(U, W, V, b, c, vocab, tags, f, dict(hparams or {}))
