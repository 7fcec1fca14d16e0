"""The hidden layer's activation f, each paired with its derivative.

Like tensorflow/playground's ``{output, der}`` pairs: ``f(a, out)`` computes
``s = f(a)`` (in place when ``out`` is given), and ``df(a, s)`` returns
``f'(a)`` using whichever of ``a`` or ``s = f(a)`` is cheaper.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..messages import Catalog, CodedError

Array = np.ndarray

MESSAGES = Catalog({"activation.unknown": "unknown activation {name!r}; choose one of {choices}"})


class ActivationError(CodedError):
    catalog = MESSAGES


@dataclass(frozen=True)
class Activation:
    name: str
    f: Callable[..., Array]           # f(a, out=None) -> s
    df: Callable[[Array, Array], Array]  # df(a, s) -> f'(a), same shape as a
    formula: str                      # for the UI, in the tutorial's notation


def _tanh(a, out=None):
    return np.tanh(a, out=out)


def _sigmoid(a, out=None):
    # sigmoid(a) = (1 + tanh(a/2)) / 2: no overflow for any finite a
    out = np.multiply(a, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def _relu(a, out=None):
    return np.maximum(a, 0.0, out=out)


def _identity(a, out=None):
    if out is None:
        return np.array(a, dtype=float, copy=True)
    out[...] = a
    return out


ACTIVATIONS: dict[str, Activation] = {
    "tanh": Activation("tanh", _tanh, lambda a, s: 1.0 - s * s, "tanh(a)"),
    "sigmoid": Activation("sigmoid", _sigmoid, lambda a, s: s * (1.0 - s),
                          "1 / (1 + e^(-a))"),
    "relu": Activation("relu", _relu, lambda a, s: (a > 0).astype(a.dtype), "max(0, a)"),
    "identity": Activation("identity", _identity, lambda a, s: np.ones_like(a), "a"),
}


def get(name: str) -> Activation:
    """The activation called ``name``; ActivationError (a ValueError) naming the choices
    otherwise."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ActivationError("activation.unknown", name=name,
                              choices=", ".join(ACTIVATIONS)) from None
