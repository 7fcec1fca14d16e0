r"""The baselines a language model is measured against: a unigram and a bigram.

Both count the same targets the RNN learns (``nn/lm.py``): output ids 0..K-1
(``<unk>`` = 0 stands for every word outside the output words, ``</s>`` = 1
ends each sentence). A sentence is its target array y = w_1 … w_T </s>; the
context of y[0] is ``<s>`` (context id K), of y[t] it is y[t-1].

Unigram, add-one (Laplace):   P(w) = (c(w) + 1) / (N + K)

Bigram, interpolated Kneser-Ney (Chen and Goodman 1998, one discount):

    P(w | v) = max(c(v w) − D, 0) / c(v)  +  D · N1+(v •) / c(v) · P_cont(w)
    P_cont(w) = max(N1+(• w) − D, 0) / N1+(• •)  +  D · N1+(•) / N1+(• •) · 1/K
    D = n1 / (n1 + 2 n2)

c(v w) counts the bigram, c(v) the context, N1+(v •) the different words after v,
N1+(• w) the different contexts before w, N1+(• •) the different bigrams, N1+(•)
the words with a context; n1, n2 the bigrams seen once and twice. An unseen
context v backs off to P_cont alone. The continuation unigram is interpolated with
the uniform 1/K so that no target has probability 0. Every distribution sums to 1
over the K outputs (tests/test_lm.py).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def contexts(y: np.ndarray, K: int) -> np.ndarray:
    """The context of each target: ``<s>`` (id K) for the first, then the previous target."""
    return np.concatenate([[K], np.asarray(y[:-1], np.intp)]).astype(np.intp)


class Unigram:
    """P(w) = (c(w) + 1) / (N + K), whatever the context."""

    def __init__(self, sequences: Sequence[np.ndarray], K: int):
        counts = np.bincount(np.concatenate(sequences), minlength=K).astype(float)
        self.K = K
        self.p = (counts + 1.0) / (counts.sum() + K)             # (K,)

    def distribution(self, v: int) -> np.ndarray:
        """(K,) P(· | v): the same for every context."""
        return self.p

    def log_prob(self, y: np.ndarray) -> float:
        """log P of one sentence's targets."""
        return float(np.log(self.p[np.asarray(y, np.intp)]).sum())


class KneserNeyBigram:
    """Interpolated Kneser-Ney bigram over K outputs and K + 1 contexts (see the
    module docstring)."""

    def __init__(self, sequences: Sequence[np.ndarray], K: int):
        v = np.concatenate([contexts(y, K) for y in sequences])
        w = np.concatenate(sequences).astype(np.intp)
        codes, counts = np.unique(v * K + w, return_counts=True)    # each bigram type once
        self.K = K
        self._codes, self._counts = codes, counts.astype(float)
        n1, n2 = int((counts == 1).sum()), int((counts == 2).sum())
        self.D = n1 / (n1 + 2 * n2) if n1 + n2 else 0.5
        ctx, word = codes // K, codes % K
        self.c_v = np.bincount(ctx, weights=counts, minlength=K + 1)      # c(v)
        self.types_after = np.bincount(ctx, minlength=K + 1)              # N1+(v •)
        before = np.bincount(word, minlength=K).astype(float)             # N1+(• w)
        n_types = len(codes)                                              # N1+(• •)
        self.p_cont = (np.maximum(before - self.D, 0.0)
                       + self.D * (before > 0).sum() / K) / n_types       # (K,)

    def _count(self, v: np.ndarray, w: np.ndarray) -> np.ndarray:
        """c(v w) for arrays of contexts and words (0 where never seen)."""
        code = v * self.K + w
        i = np.minimum(np.searchsorted(self._codes, code), len(self._codes) - 1)
        return np.where(self._codes[i] == code, self._counts[i], 0.0)

    def _prob(self, v: np.ndarray, w: np.ndarray) -> np.ndarray:
        c_v = self.c_v[v]
        seen = c_v > 0
        safe = np.where(seen, c_v, 1.0)
        p = (np.maximum(self._count(v, w) - self.D, 0.0)
             + self.D * self.types_after[v] * self.p_cont[w]) / safe
        return np.where(seen, p, self.p_cont[w])

    def distribution(self, v: int) -> np.ndarray:
        """(K,) P(· | v); v = K is ``<s>``."""
        w = np.arange(self.K)
        return self._prob(np.full(self.K, v), w)

    def log_prob(self, y: np.ndarray) -> float:
        """log P of one sentence's targets, each given the one before (``<s>`` first)."""
        y = np.asarray(y, np.intp)
        return float(np.log(self._prob(contexts(y, self.K), y)).sum())


def perplexity(model, sequences: Sequence[np.ndarray]) -> float:
    """exp(−Σ log P / N) over every target of ``sequences`` (``</s>`` included)."""
    n = sum(len(y) for y in sequences)
    return float(np.exp(-sum(model.log_prob(y) for y in sequences) / max(n, 1)))
