r"""Check BPTT against central finite differences (float64).

    ∂L/∂θ_i ≈ (L(θ + ε e_i) - L(θ - ε e_i)) / 2ε

and report, per parameter, the worst relative error over its entries

    |analytic - numeric| / max(|analytic| + |numeric|, floor)

(the floor keeps entries that are zero in both from dividing 0 by 0). Only
the columns of U that the batch's words select can have a gradient; the other
columns must be exactly zero analytically and are checked as such.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from .bptt import bptt
from .forward import forward
from .loss import cross_entropy
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
        entries = _entries(name, P, X)
        num = np.array([_central(P, i, eps, loss) for i in entries])
        ana = np.array([g[name][i] for i in entries])
        errors[name] = _worst(ana, num, floor)
        if name == "U":                           # unused columns: exactly zero
            unused = np.setdiff1d(np.arange(m.n_vocab), X)
            if unused.size and np.any(g["U"][:, unused] != 0):
                errors[name] = float("inf")
    # ∂L/∂s_0 through the same machinery
    s0 = np.zeros((X.shape[0], m.H))
    ds0 = bptt(m, forward(m, X, s0), Y, mask).ds0
    num = np.array([_central(s0, i, eps, lambda: cross_entropy(forward(m, X, s0).z, Y, mask))
                    for i in np.ndindex(s0.shape)])
    errors["s0"] = _worst(ds0.reshape(-1), num, floor)
    return errors


def _entries(name, P, X):
    if name == "U":                               # only the columns x_t selects
        return [(h, w) for w in np.unique(X) for h in range(P.shape[0])]
    return list(np.ndindex(P.shape))


def _central(P, i, eps, loss) -> float:
    old = P[i]
    P[i] = old + eps
    plus = loss()
    P[i] = old - eps
    minus = loss()
    P[i] = old
    return (plus - minus) / (2 * eps)


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
