"""Accuracy of a model (RNN, LSTM or GRU) on encoded sentences: overall, on chosen
words, per tag."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..nn.cells import forward
from ..nn.loss import cross_entropy
from ..nn.model import RNN
from .dataset import Pair, pad


def predict(m: RNN, pairs: Sequence[Pair], batch_size: int = 512) -> list[np.ndarray]:
    """Predicted tag ids for every sentence."""
    out = []
    for start in range(0, len(pairs), batch_size):
        chunk = pairs[start:start + batch_size]
        X, _, _ = pad(chunk)
        pred = np.argmax(forward(m, X).o, axis=-1).T         # (B, T)
        out.extend(pred[i, :len(x)] for i, (x, _) in enumerate(chunk))
    return out


def loss_and_accuracy(m: RNN, pairs: Sequence[Pair],
                      batch_size: int = 512) -> tuple[float, float]:
    """Mean token cross-entropy and token accuracy."""
    total_loss, correct, n = 0.0, 0, 0
    for start in range(0, len(pairs), batch_size):
        X, Y, mask = pad(pairs[start:start + batch_size])
        fw = forward(m, X)
        total_loss += cross_entropy(fw.z, Y, mask, reduction="sum")
        correct += int(((np.argmax(fw.o, axis=-1).T == Y) & mask).sum())
        n += int(mask.sum())
    return total_loss / max(n, 1), correct / max(n, 1)


@dataclass(frozen=True)
class Score:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else float("nan")

    def __str__(self) -> str:
        return f"{100 * self.accuracy:.2f}% ({self.correct}/{self.total})"


def score(pairs: Sequence[Pair], pred: Sequence[np.ndarray],
          select: Sequence[np.ndarray] | None = None) -> Score:
    """Accuracy over the tokens where ``select`` (per sentence, bool) is True."""
    correct = total = 0
    for i, ((_, y), p) in enumerate(zip(pairs, pred)):
        keep = np.ones(len(y), bool) if select is None else select[i]
        correct += int((p[keep] == y[keep]).sum())
        total += int(keep.sum())
    return Score(correct, total)


def confusion(pairs: Sequence[Pair], pred: Sequence[np.ndarray], K: int) -> np.ndarray:
    """(K, K) counts: row = true tag, column = predicted tag."""
    C = np.zeros((K, K), dtype=np.int64)
    for (_, y), p in zip(pairs, pred):
        np.add.at(C, (y, p), 1)
    return C
