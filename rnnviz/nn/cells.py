"""The three cells by name: which cell a model is, and its forward pass, trace and BPTT.

    CELLS = ("rnn", "lstm", "gru")     # model.RNN, lstm.LSTM, gru.GRU

Code that takes any of the three models (training, evaluation, the tagger, the
checkpoint) asks here instead of importing one cell's ``forward``: ``cell_of(m)``
names the cell, ``forward(m, X)`` / ``trace(m, x, tokens)`` / ``bptt(m, fw, Y, mask,
truncate=...)`` call that cell's own function. Each Forward has ``z`` and ``o``
(T, B, K), each trace ``s``, ``o``, ``pred``, ``pred_tags``, ``finite``.
"""
from __future__ import annotations

from types import ModuleType

from . import bptt as rnn_bptt
from . import forward as rnn_forward
from . import gru, lstm
from .model import RNN

CELLS = ("rnn", "lstm", "gru")
NAMES = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}      # how a person writes them
CLASSES = {"rnn": RNN, "lstm": lstm.LSTM, "gru": gru.GRU}


def cell_of(m) -> str:
    """"rnn", "lstm" or "gru"; TypeError for anything else."""
    for cell, cls in CLASSES.items():
        if isinstance(m, cls):
            return cell
    raise TypeError(f"not a model of rnnviz: {type(m).__name__}")


def _gated(m) -> ModuleType | None:
    cell = cell_of(m)
    return None if cell == "rnn" else (lstm if cell == "lstm" else gru)


def forward(m, X):
    """The cell's forward pass over ``X`` (B, T) word ids, initial states 0."""
    module = _gated(m)
    return rnn_forward.forward(m, X) if module is None else module.forward(m, X)


def trace(m, x, tokens=None):
    """One sentence of word ids ``x`` (T,) through the cell, every step kept."""
    module = _gated(m)
    return rnn_forward.trace(m, x, tokens) if module is None else module.trace(m, x, tokens)


def bptt(m, fw, Y, mask=None, *, truncate: int | None = None) -> dict:
    """The cell's exact gradients of the mean cross-entropy, by parameter name
    (a dict the optimiser updates ``m.params`` with)."""
    module = _gated(m)
    if module is None:
        return rnn_bptt.bptt(m, fw, Y, mask, truncate=truncate).as_dict()
    return module.bptt(m, fw, Y, mask, truncate=truncate).as_dict()


def n_params(m) -> int:
    """How many numbers the model learns (every parameter array's size)."""
    return sum(int(a.size) for a in m.params.values())
