"""Tagged sentences -> word ids, padded mini-batches and word dropout.

A sentence is a list of ``(word, tag)`` pairs. Words are looked up by their
normalised key (``tokenize.normalize``: NFKC + casefold), the same key the
tokenizer gives typed text, so training and the app agree on what a word is.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..messages import Catalog, CodedError
from ..nn.model import UNK
from ..text.unknown import class_counts, is_class, lookup

MIN_CLASS_COUNT = 3      # an unknown-word class gets a column of U if it stands for this many

Sentence = Sequence[tuple[str, str]]
Pair = tuple[np.ndarray, np.ndarray]      # (x word ids (T,), y tag ids (T,))

MESSAGES = Catalog({"training.unknown_tag": "sentence {n}: tag {tag!r} is not in the tagset"})


class TrainingError(CodedError):
    """Data or settings training cannot use: a code of this module's ``MESSAGES``, or a
    message of ``userdata``, ``train`` or ``background`` (``TrainingError(message)``)."""
    catalog = MESSAGES


def _normalize(word: str) -> str:
    from ..text.tokenize import normalize
    return normalize(word)


def build_vocab(sentences: Iterable[Sentence], *, max_size: int | None = None,
                min_count: int = 1, key: Callable[[str], str] = _normalize,
                min_class_count: int | None = MIN_CLASS_COUNT) -> tuple[str, ...]:
    """``<unk>``, the words by falling frequency (ties: first seen first), then the
    unknown-word classes (``unknown.classes``) that stand for at least
    ``min_class_count`` training tokens (None: no classes, only ``<unk>``).

    ``max_size`` counts ``<unk>`` and the words; the words left out become unknown.
    """
    counts = Counter(key(w) for sent in sentences for w, _ in sent)
    for entry in [w for w in counts if is_class(w)]:
        del counts[entry]                      # a word spelt like a class is no word
    words = [w for w, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= min_count]
    if max_size is not None:
        words = words[:max(max_size - 1, 0)]
    if min_class_count is None:
        return (UNK, *words)
    by_class = class_counts(counts)
    kept = sorted((c for c, n in by_class.items() if n >= min_class_count),
                  key=lambda c: (-by_class[c], c))
    return (UNK, *words, *kept)


def collect_tags(sentences: Iterable[Sentence], order: Sequence[str] = ()) -> tuple[str, ...]:
    """The tags that occur, in ``order`` first, the rest sorted."""
    seen = {t for sent in sentences for _, t in sent}
    return tuple(t for t in order if t in seen) + tuple(sorted(seen - set(order)))


def encode(sentences: Iterable[Sentence], vocab: Sequence[str], tags: Sequence[str], *,
           key: Callable[[str], str] = _normalize) -> list[Pair]:
    """Each sentence as (x, y) id arrays; an unknown word -> its class (``unknown.lookup``),
    an unknown tag -> TrainingError (a ValueError)."""
    w_index = {w: i for i, w in enumerate(vocab)}
    t_index = {t: i for i, t in enumerate(tags)}
    out = []
    for n, sent in enumerate(sentences, 1):
        try:
            y = np.array([t_index[t] for _, t in sent], dtype=np.intp)
        except KeyError as e:
            raise TrainingError("training.unknown_tag", n=n, tag=e.args[0]) from None
        x = lookup(w_index, [key(w) for w, _ in sent])
        out.append((x, y))
    return out


def pad(pairs: Sequence[Pair]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack sentences into X, Y (B, T) padded with id 0 and the mask (B, T)."""
    B = len(pairs)
    T = max((len(x) for x, _ in pairs), default=0)
    X = np.zeros((B, T), dtype=np.intp)
    Y = np.zeros((B, T), dtype=np.intp)
    mask = np.zeros((B, T), dtype=bool)
    for i, (x, y) in enumerate(pairs):
        X[i, :len(x)], Y[i, :len(y)], mask[i, :len(x)] = x, y, True
    return X, Y, mask


def batches(pairs: Sequence[Pair], batch_size: int,
            rng: np.random.Generator | None = None) -> Iterator[tuple[np.ndarray, ...]]:
    """Padded mini-batches, shuffled by ``rng`` when given."""
    order = rng.permutation(len(pairs)) if rng is not None else np.arange(len(pairs))
    for start in range(0, len(pairs), batch_size):
        yield pad([pairs[i] for i in order[start:start + batch_size]])


def bucketed_batches(pairs: Sequence[Pair], batch_size: int, rng: np.random.Generator,
                     pool: int = 20) -> Iterator[tuple[np.ndarray, ...]]:
    """Padded mini-batches of sentences of similar length: shuffled, cut into pools of
    ``pool`` batches, each pool sorted by length and cut into batches, the batches
    shuffled. Less padding (a language model's softmax over K words costs per padded
    position too: 3.7 times fewer positions on the English LM's text, measured)."""
    order = rng.permutation(len(pairs))
    chunks = []
    for start in range(0, len(order), batch_size * pool):
        part = order[start:start + batch_size * pool]
        part = part[np.argsort([len(pairs[i][0]) for i in part], kind="stable")]
        chunks += [part[i:i + batch_size] for i in range(0, len(part), batch_size)]
    for k in rng.permutation(len(chunks)):
        yield pad([pairs[i] for i in chunks[k]])


def word_dropout(X: np.ndarray, mask: np.ndarray, p: float | np.ndarray,
                 rng: np.random.Generator, to: np.ndarray | None = None) -> np.ndarray:
    """A copy of X with each real word replaced with probability p (a float, or one
    per word id) by ``to[word]`` (its unknown-word class, ``unknown.replacement_ids``),
    or by ``<unk>`` (id 0)."""
    if np.isscalar(p) and p <= 0:
        return X
    drop = (rng.random(X.shape) < (p if np.isscalar(p) else p[X])) & mask
    return np.where(drop, 0 if to is None else to[X], X)
