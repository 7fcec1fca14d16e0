r"""Optimisers that update a dict of parameter arrays in place.

    SGD:   θ ← θ - η g
    Adam:  m ← β1 m + (1-β1) g;  v ← β2 v + (1-β2) g²
           θ ← θ - η m̂ / (√v̂ + ε),  m̂ = m / (1-β1^t),  v̂ = v / (1-β2^t)

(PyTorch's torch.optim.SGD / torch.optim.Adam with default settings.)
Clipping rescales all gradients together when their global norm exceeds a
threshold, so their direction is kept.
"""
from __future__ import annotations

import numpy as np

OPTIMIZERS = ("sgd", "adam")


def global_norm(grads: dict[str, np.ndarray]) -> float:
    """sqrt(Σ g²) over every gradient (ravel in memory order: no copies)."""
    total = 0.0
    for g in grads.values():
        flat = g.ravel(order="K")
        total += float(np.dot(flat, flat))
    return float(np.sqrt(total))


def clip_by_global_norm(grads: dict[str, np.ndarray], max_norm: float | None) -> float:
    """Scale ``grads`` in place so their global norm is ≤ max_norm; return the norm before."""
    norm = global_norm(grads)
    if max_norm is not None and max_norm > 0 and norm > max_norm:
        scale = max_norm / (norm + 1e-12)
        for g in grads.values():
            g *= scale
    return norm


class SGD:
    def __init__(self, lr: float = 0.1):
        self.lr = lr

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        for name, g in grads.items():
            params[name] -= self.lr * g


class Adam:
    """torch.optim.Adam's update, in place and without temporaries (U is large).

    The moments are kept scaled, m' = m / (1-β1) and v' = v / (1-β2), so each
    update is m' = β1 m' + g and v' = β2 v' + g² (two fewer passes over U);
    the constants are folded into the step:
        θ -= (η (1-β1) √c2 / (c1 √(1-β2))) m' / (√v' + ε √c2 / √(1-β2))
    which is the same number as torch's (η/c1) m / (√(v/c2) + ε).
    """

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.m: dict[str, np.ndarray] = {}          # m' = m / (1-β1)
        self.v: dict[str, np.ndarray] = {}          # v' = v / (1-β2)
        self._tmp: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        c1, c2 = 1 - b1 ** self.t, 1 - b2 ** self.t
        root = np.sqrt(c2 / (1 - b2))
        for name, g in grads.items():
            p = params[name]
            m = self.m.setdefault(name, np.zeros_like(p))
            v = self.v.setdefault(name, np.zeros_like(p))
            tmp = self._tmp.setdefault(name, np.empty_like(p))
            m *= b1                                        # m' = β1 m' + g
            m += g
            v *= b2                                        # v' = β2 v' + g²
            np.multiply(g, g, out=tmp)
            v += tmp
            np.sqrt(v, out=tmp)                            # √v' + ε √c2/√(1-β2)
            tmp += self.eps * root
            np.divide(m, tmp, out=tmp)
            tmp *= self.lr * (1 - b1) * root / c1
            p -= tmp


def make(name: str, lr: float):
    """An optimiser by name ("sgd" or "adam")."""
    if name == "sgd":
        return SGD(lr)
    if name == "adam":
        return Adam(lr)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
