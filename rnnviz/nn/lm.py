r"""The same RNN as a language model: o_t predicts the next word.

    s_t = f(U x_t + W s_{t-1} + b)        x_1 = <s>, x_{t+1} = w_t
    o_t = softmax(V s_t + c)              over the output words, <unk> and </s>
    L_t = -log o_t[w_{t+1}]               the next word's id (</s> after the last word)

Nothing of the math is new: ``forward``, ``loss.cross_entropy`` and ``bptt`` run
as for the tagger; only V's rows and the targets change. A sentence w_1 … w_T
gives the inputs ``<s> w_1 … w_T`` and the targets ``w_1 … w_T </s>`` (T + 1
steps, ``pair``). The model's ``tags`` are its output words, so K = |output|:

    vocab  (input)   <unk>, <s>, the words, the unknown-word classes (``text.unknown``)
    tags   (output)  <unk>, </s>, the same words

and ``hparams["task"] == "lm"`` says it is a language model (``is_lm``).

**Unknown words.** As an input, an unknown word switches on its unknown-word
class column, as in the tagger. As a target, every word outside the output
words (and so every unknown word, whatever its class) is the one target
``<unk>`` (id 0): the model learns how likely *some* unknown word is next, which
perplexity needs, and the classes are never targets. Generation and the top
candidates never show ``<unk>``, a class or ``<s>``: ``banned`` gives their rows,
whose probability ``next_distribution`` sets to 0 before it samples.

This module imports only NumPy (and the engine next to it, and ``messages``: a
setting that cannot be used raises ``LMError``, a coded ValueError).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..messages import Catalog, CodedError
from .forward import forward, softmax
from .model import RNN, UNK, init_rnn

BOS = "<s>"       # the input at step 1: the start of the sentence
EOS = "</s>"      # the target after the last word: the end of the sentence
TASK = "lm"
EOS_ID = 1        # tags[1] == EOS in every language model (lm_names)

MESSAGES = Catalog({
    "lm.temperature": "temperature must be ≥ 0, got {value}",
    "lm.top_k": "top-k must be at least 1, got {value}",
    "lm.all_banned": "every output is banned: nothing to generate",
    "lm.no_input": "generation needs at least the input <s>",
})


class LMError(CodedError):
    """A setting of sampling or generation that cannot be used (the page shows it)."""
    catalog = MESSAGES


def is_lm(m) -> bool:
    """Whether ``m`` is a language model (its hparams say so, and its outputs start
    with <unk>, </s>)."""
    return m.hparams.get("task") == TASK and tuple(m.tags[:2]) == (UNK, EOS)


def lm_names(words: Sequence[str], classes: Sequence[str] = ()) -> tuple[tuple, tuple]:
    """(vocab, tags) of a language model over ``words`` (input and output) and the
    unknown-word ``classes`` (input only)."""
    words = tuple(w for w in words if w not in (UNK, BOS, EOS))
    return (UNK, BOS, *words, *classes), (UNK, EOS, *words)


def init_lm(words: Sequence[str], classes: Sequence[str] = (), H: int = 16, *,
            hparams: dict | None = None, **kw) -> RNN:
    """A fresh language model: ``model.init_rnn`` (``kw``: f, seed, u_init) with
    ``lm_names``' vocabulary and outputs, ``hparams["task"] = "lm"``."""
    vocab, tags = lm_names(words, classes)
    return init_rnn(vocab, tags, H, **kw, hparams={**(hparams or {}), "task": TASK})


def pair(x_words: np.ndarray, y_words: np.ndarray, bos: int) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of one sentence: inputs ``<s>`` + its input ids, targets its output ids
    + ``</s>`` (``y_words`` already output ids: a word's row of V, or 0 = <unk>)."""
    x = np.concatenate([[bos], np.asarray(x_words, np.intp)]).astype(np.intp)
    y = np.concatenate([np.asarray(y_words, np.intp), [EOS_ID]]).astype(np.intp)
    return x, y


def banned(m: RNN) -> np.ndarray:
    """(K,) True for the outputs generation never emits: <unk>, a class, <s>."""
    return np.array([t == UNK or t.startswith("<unk:") or t == BOS for t in m.tags])


def next_distribution(z: np.ndarray, ban: np.ndarray, temperature: float = 1.0,
                      top_k: int | None = None) -> np.ndarray:
    """What to sample the next word from, given the logits ``z`` (K,) = V s_t + c:
    the banned rows get probability 0; temperature τ > 0 gives softmax(z / τ) over the
    ``top_k`` largest allowed logits (all when None); τ = 0 puts all the probability
    on the largest allowed logit (greedy; the first of equal ones)."""
    if not temperature >= 0:
        raise LMError("lm.temperature", value=temperature)
    if top_k is not None and top_k < 1:
        raise LMError("lm.top_k", value=top_k)
    z = np.where(ban, -np.inf, np.asarray(z, dtype=np.float64))
    allowed = np.flatnonzero(~ban)
    if allowed.size == 0:
        raise LMError("lm.all_banned")
    order = allowed[np.argsort(-z[allowed], kind="stable")]     # allowed, best first
    keep = order[:1] if temperature == 0 else order[:top_k]
    p = np.zeros(len(z))
    p[keep] = 1.0 if temperature == 0 else softmax(z[keep] / temperature)
    return p


def sample(p: np.ndarray, rng: np.random.Generator) -> int:
    """One draw from ``p``; a one-hot ``p`` (greedy) gives its 1 without using ``rng``."""
    nonzero = np.flatnonzero(p)
    if len(nonzero) == 1:
        return int(nonzero[0])
    return int(rng.choice(len(p), p=p))


def generate(m: RNN, x: Sequence[int], n: int, rng: np.random.Generator, *,
             temperature: float = 1.0, top_k: int | None = None) -> tuple[list[int], bool]:
    """Up to ``n`` output ids sampled after the input ids ``x`` (``<s>`` first), each
    fed back as the next input; stops at ``</s>`` (not included). Returns the ids and
    whether ``</s>`` stopped it."""
    if len(x) == 0:
        raise LMError("lm.no_input")
    to_input = np.array([m.word_index.get(t, 0) for t in m.tags])   # output row -> U column
    ban = banned(m)
    fw = forward(m, np.asarray(x, np.intp)[None, :])
    s, z = fw.s[-1, 0], fw.z[-1, 0]                             # s_T (H,), z_T (K,)
    out: list[int] = []
    for _ in range(n):
        k = sample(next_distribution(z, ban, temperature, top_k), rng)
        if k == EOS_ID:
            return out, True
        out.append(k)
        fw = forward(m, np.array([[to_input[k]]]), s)           # one step from s_t
        s, z = fw.s[-1, 0], fw.z[-1, 0]
    return out, False
