r"""Check BPTT against central finite differences (float64).

    ∂L/∂θ_i ≈ (L(θ + ε e_i) - L(θ - ε e_i)) / 2ε

and report, per parameter, the worst relative error over its entries

    |analytic - numeric| / max(|analytic| + |numeric|, floor)

(the floor keeps entries that are zero in both from dividing 0 by 0). Only
the columns of U that the batch's words select can have a gradient; the other
columns must be exactly zero analytically and are checked as such.

``gradcheck`` checks the RNN (and s_0), and the RNN as a language model on
``random_lm_case`` (the targets are the next words, ``</s>`` last), ``gradcheck_cell`` the LSTM and the GRU
(every gate's block of U, W, b under its ``cell_names`` label, the output layer,
s_0 and C_0), optionally with truncation (the finite differences then run on
bptt.py's definition: each L_t from its states k steps back, held fixed).
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from . import gru, lm, lstm
from .bptt import bptt
from .cell_names import param_label
from .forward import forward
from .loss import cross_entropy, loss_scale, token_losses
from .model import RNN, init_rnn

EPS = 1e-5
FLOOR = 1e-4
TOLERANCE = 1e-6


def gradcheck(m: RNN, X, Y, mask=None, *, eps: float = EPS,
              floor: float = FLOOR) -> dict[str, float]:
    """Worst relative error per parameter (and for s_0) of BPTT vs finite differences."""
    X, Y = np.atleast_2d(X), np.atleast_2d(Y)
    m = m.copy()                                  # we poke the arrays; keep the caller's
    g = bptt(m, forward(m, X), Y, mask).as_dict()
    params = m.params

    def loss() -> float:
        return cross_entropy(forward(m, X).z, Y, mask)

    errors = {}
    for name, P in params.items():
        num = _numeric(P, _entries(name, P, X), eps, loss)
        errors[name] = _worst_where(g[name], num, floor)
        if name == "U":                           # unused columns: exactly zero
            errors[name] = max(errors[name], _unused_columns(g["U"], X))
    # ∂L/∂s_0 through the same machinery
    s0 = np.zeros((X.shape[0], m.H))
    ds0 = bptt(m, forward(m, X, s0), Y, mask).ds0
    num = _numeric(s0, list(np.ndindex(s0.shape)), eps,
                   lambda: cross_entropy(forward(m, X, s0).z, Y, mask))
    errors["s0"] = _worst(ds0.reshape(-1), num.reshape(-1), floor)
    return errors


CELLS = {"lstm": lstm, "gru": gru}


def gradcheck_cell(m, X, Y, mask=None, *, truncate: int | None = None, eps: float = EPS,
                   floor: float = FLOOR) -> dict[str, float]:
    """Worst relative error per gate block of U, W, b (labelled as in the UI: "W_φ"),
    per output-layer parameter and per initial state, of an LSTM's or a GRU's BPTT."""
    cell = CELLS[m.CELL]
    X, Y = np.atleast_2d(X), np.atleast_2d(Y)
    mask = np.ones(Y.shape, bool) if mask is None else np.asarray(mask, bool)
    m = m.copy()
    init = {f"{name}0": np.zeros((X.shape[0], m.H)) for name in cell.STATES}
    g = cell.bptt(m, cell.forward(m, X, **init), Y, mask, truncate=truncate)

    fixed = cell.forward(m, X, **init)            # the states truncation holds fixed

    def loss() -> float:
        return _truncated_loss(cell, m, X, Y, mask, init, fixed, truncate)

    errors = {}
    for name, P in m.params.items():
        num = _numeric(P, _entries(name, P, X), eps, loss)
        if name in ("U", "W", "b"):               # one row per gate block
            for gate in m.GATES:
                rows = m.gate_rows(gate)
                errors[param_label(m.CELL, name, gate)] = _worst_where(
                    g.params[name][rows], num[rows], floor)
        else:
            errors[param_label(m.CELL, name)] = _worst_where(g.params[name], num, floor)
    errors["U_unused"] = _unused_columns(g.params["U"], X)
    for name, S in init.items():
        num = _numeric(S, list(np.ndindex(S.shape)), eps, loss)
        errors[param_label(m.CELL, name)] = _worst(g.d0[name].reshape(-1), num.reshape(-1),
                                                   floor)
    return errors


def _truncated_loss(cell, m, X, Y, mask, init, fixed, truncate) -> float:
    """L as BPTT with ``truncate`` sees it: L_t runs from its states k steps back, taken
    from ``fixed`` (a forward pass before any poke: held fixed), or from ``init``."""
    T = X.shape[1]
    if truncate is None or truncate >= T:
        return cross_entropy(cell.forward(m, X, **init).z, Y, mask)
    total = 0.0
    for t in range(T):                            # 0-based step t, loss L_{t+1}
        start = max(t + 1 - truncate, 0)          # the state where its error stops
        states = init if start == 0 else {
            f"{name}0": getattr(fixed, name)[start] for name in cell.STATES}
        part = cell.forward(m, X[:, start:t + 1], **states)
        L_t = token_losses(part.z[-1:], Y[:, t:t + 1])[0]
        total += float(np.where(mask[:, t], L_t, 0.0).sum())
    return total * loss_scale(mask, "mean")


def _entries(name, P, X):
    if name == "U":                               # only the columns x_t selects
        return [(h, w) for w in np.unique(X) for h in range(P.shape[0])]
    return list(np.ndindex(P.shape))


def _numeric(P, entries, eps, loss) -> np.ndarray:
    """Central differences at ``entries`` of ``P``; NaN elsewhere."""
    num = np.full(P.shape, np.nan)
    for i in entries:
        old = P[i]
        P[i] = old + eps
        plus = loss()
        P[i] = old - eps
        minus = loss()
        P[i] = old
        num[i] = (plus - minus) / (2 * eps)
    return num


def _unused_columns(dU, X) -> float:
    """0 if the columns of U no word of X selects have exactly zero gradient, else inf."""
    unused = np.setdiff1d(np.arange(dU.shape[1]), X)
    return float("inf") if unused.size and np.any(dU[:, unused] != 0) else 0.0


def _worst_where(ana, num, floor) -> float:
    """_worst over the entries that have a numeric value."""
    checked = ~np.isnan(num)
    return _worst(ana[checked], num[checked], floor)


def _worst(ana, num, floor) -> float:
    if ana.size == 0:
        return 0.0
    err = np.abs(ana - num) / np.maximum(np.abs(ana) + np.abs(num), floor)
    return float(np.nan_to_num(err, nan=np.inf).max())


def random_case(f: str, seed: int = 0, *, H: int = 5, n_vocab: int = 12, K: int = 4,
                B: int = 3, T: int = 6):
    """A small random model and a padded batch (the last sentence shorter)."""
    rng = np.random.default_rng(seed)
    m = init_rnn([f"w{i}" for i in range(1, n_vocab)], [f"t{k}" for k in range(K)], H,
                 f=f, seed=rng)
    m = replace(m, W=m.W * 2.0)                   # make the recurrence matter
    X = rng.integers(0, n_vocab, (B, T))
    Y = rng.integers(0, K, (B, T))
    mask = np.ones((B, T), bool)
    mask[-1, T // 2:] = False
    if f == "relu":                               # keep pre-activations off the kink
        m = replace(m, b=m.b + 0.05)
    return m, X, Y, mask


def random_lm_case(f: str = "tanh", seed: int = 0, *, H: int = 5, n_words: int = 9,
                   B: int = 3, T: int = 6):
    """A small random language model (``lm.init_lm``) and a padded batch of sentences:
    X = <s> w_1 … w_T, Y = w_1 … w_T </s> (``lm.pair``), some targets <unk>."""
    rng = np.random.default_rng(seed)
    m = lm.init_lm([f"w{i}" for i in range(1, n_words + 1)], ["<unk:en>"], H, f=f, seed=rng)
    m = replace(m, W=m.W * 2.0)                   # make the recurrence matter
    lengths = [T - 1] * (B - 1) + [T // 2]        # T steps: the words and </s>; one shorter
    pairs = []
    for n in lengths:
        y_words = rng.integers(0, n_words + 2, n)           # output rows: 0 = <unk>, 1 = </s>
        y_words[y_words == lm.EOS_ID] = 0                    # </s> only at the end
        # as inputs, the words themselves; an unknown word switches on its class column
        x_words = np.array([m.word_index[m.tags[k]] if k else m.n_vocab - 1 for k in y_words])
        pairs.append(lm.pair(x_words, y_words, m.word_index[lm.BOS]))
    X = np.zeros((B, T), np.intp)
    Y = np.zeros((B, T), np.intp)
    mask = np.zeros((B, T), bool)
    for i, (x, y) in enumerate(pairs):
        X[i, :len(x)], Y[i, :len(y)], mask[i, :len(x)] = x, y, True
    return m, X, Y, mask


def random_cell_case(cell: str, seed: int = 0, *, H: int = 4, n_vocab: int = 10, K: int = 3,
                     B: int = 3, T: int = 5):
    """A small random LSTM or GRU and a padded batch (the last sentence shorter)."""
    rng = np.random.default_rng(seed)
    init = lstm.init_lstm if cell == "lstm" else gru.init_gru
    m = init([f"w{i}" for i in range(1, n_vocab)], [f"t{k}" for k in range(K)], H, seed=rng)
    m = m.with_params(W=m.W * 3.0, U=m.U * 2.0)   # make the recurrence and the gates matter
    X = rng.integers(0, n_vocab, (B, T))
    Y = rng.integers(0, K, (B, T))
    mask = np.ones((B, T), bool)
    mask[-1, T // 2:] = False
    return m, X, Y, mask
