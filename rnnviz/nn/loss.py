r"""Token-level cross-entropy with a mask for padded batches.

    L_t = -log o_t[y_t]                     (one token's loss)
    L   = Σ_{real t} L_t / N                N = number of real tokens  ("mean")
        = Σ_{real t} L_t                                               ("sum")

Padding positions (mask False) contribute nothing, so a sentence gives the
same per-token losses alone and inside a padded batch.
"""
from __future__ import annotations

import numpy as np

REDUCTIONS = ("mean", "sum")


def token_losses(z: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """L_t for every position: ``z`` (T, B, K) logits, ``Y`` (B, T) tag ids -> (T, B)."""
    y = np.asarray(Y).T                                      # (T, B)
    zmax = z.max(axis=-1, keepdims=True)
    logsumexp = np.log(np.exp(z - zmax).sum(axis=-1)) + zmax[..., 0]
    return logsumexp - np.take_along_axis(z, y[..., None], axis=-1)[..., 0]


def full_mask(Y: np.ndarray) -> np.ndarray:
    return np.ones(np.shape(Y), dtype=bool)


def loss_scale(mask: np.ndarray, reduction: str) -> float:
    """The factor each real token's L_t is multiplied by: 1/N or 1."""
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    return 1.0 / max(int(mask.sum()), 1) if reduction == "mean" else 1.0


def cross_entropy(z: np.ndarray, Y: np.ndarray, mask: np.ndarray | None = None,
                  reduction: str = "mean") -> float:
    """L over the real tokens; ``mask`` (B, T) True where a token is real."""
    mask = full_mask(Y) if mask is None else np.asarray(mask, dtype=bool)
    L_t = token_losses(z, Y)
    return float(np.where(mask.T, L_t, 0.0).sum() * loss_scale(mask, reduction))
