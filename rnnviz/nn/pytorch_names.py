"""The same network in PyTorch's names, to carry a model over (no torch import).

    rnnviz     PyTorch (nn.Embedding -> nn.RNN -> nn.Linear)      shape
    U          embedding.weight            = Uᵀ                    (|vocab|, H)
               rnn.weight_ih_l0            = I (identity, frozen)  (H, H)
    W          rnn.weight_hh_l0                                    (H, H)
    b          rnn.bias_ih_l0 (+ rnn.bias_hh_l0 = 0)               (H,)
    V          linear.weight                                       (K, H)
    c          linear.bias                                         (K,)
    f          nn.RNN(nonlinearity="tanh" | "relu")   (sigmoid/identity: no nn.RNN)

Equivalently, without the embedding: nn.RNN(input_size=|vocab|) fed one-hot
x_t with ``rnn.weight_ih_l0 = U``. Loading in PyTorch::

    emb = nn.Embedding(n_vocab, H); rnn = nn.RNN(H, H, batch_first=True)
    lin = nn.Linear(H, K)
    sd = to_torch_state_dict(model)
    for mod, prefix in ((emb, "embedding."), (rnn, "rnn."), (lin, "linear.")):
        mod.load_state_dict({k[len(prefix):]: torch.from_numpy(v)
                             for k, v in sd.items() if k.startswith(prefix)})
"""
from __future__ import annotations

import numpy as np

from .model import RNN

TORCH_NONLINEARITY = {"tanh": "tanh", "relu": "relu"}


def to_torch_state_dict(m: RNN) -> dict[str, np.ndarray]:
    """Arrays under PyTorch's parameter names (see the table above)."""
    H = m.H
    return {
        "embedding.weight": np.ascontiguousarray(m.U.T),
        "rnn.weight_ih_l0": np.eye(H),
        "rnn.weight_hh_l0": np.array(m.W),
        "rnn.bias_ih_l0": np.array(m.b),
        "rnn.bias_hh_l0": np.zeros(H),
        "linear.weight": np.array(m.V),
        "linear.bias": np.array(m.c),
    }


def from_torch_state_dict(sd: dict[str, np.ndarray], vocab, tags, f: str = "tanh") -> RNN:
    """The inverse: PyTorch arrays (as NumPy) -> an rnnviz model.

    A general input weight is folded into U (U = W_ih Eᵀ) and the two biases
    into b, which gives the same network.
    """
    E = np.asarray(sd["embedding.weight"], dtype=np.float64)
    W_ih = np.asarray(sd["rnn.weight_ih_l0"], dtype=np.float64)
    return RNN(U=W_ih @ E.T, W=np.asarray(sd["rnn.weight_hh_l0"], dtype=np.float64),
               V=np.asarray(sd["linear.weight"], dtype=np.float64),
               b=np.asarray(sd["rnn.bias_ih_l0"], dtype=np.float64)
               + np.asarray(sd["rnn.bias_hh_l0"], dtype=np.float64),
               c=np.asarray(sd["linear.bias"], dtype=np.float64),
               vocab=tuple(vocab), tags=tuple(tags), f=f)
