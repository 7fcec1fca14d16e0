"""From tagged sentences to a trained and measured model: splits, vocabulary cap, scores.

    splits = split(corpus.sentences, test=None)     # train / dev / test, as below
    data = prepare(splits, max_vocab=2000)          # vocabulary, tags, encoded pairs
    result = train(data.train, data.vocab, data.tags, config, dev_pairs=data.dev)
    report = evaluate(result.model, data.test)      # overall, per tag, unknown, confusion
    both = {"RNN": evaluate_sentences(rnn, sents), "W = 0": evaluate_sentences(ff, sents)}
    print(format_side_by_side(both))                # as python -m rnnviz eval --tagged FILE

The split is fixed, not random, so the CLI, the app and ``bench/ud_vs_torch.py``
hold out the same sentences: every tenth sentence of the training file (the
10th, 20th, ...) is the dev set for early stopping; without a separate test
file the sentence before each of those (9th, 19th, ...) is the test set, so
train keeps 80 %. The vocabulary comes from train only, capped to the most
frequent words (``dataset.build_vocab``); every other word is ``<unk>``.
"""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from ..messages import Catalog
from ..nn.model import RNN
from ..text.conllu_data import UPOS, Sentence
from ..text.tagset import TAGS
from ..text.tokenize import normalize
from ..text.unknown import is_class
from .dataset import Pair, TrainingError, build_vocab, collect_tags, encode
from .evaluate import Score, confusion, predict, score

DEV_EVERY = 10          # every tenth sentence is dev (and the one before it test)

MESSAGES = Catalog({"training.no_train": "no training sentences left after holding out dev "
                                         "and test"})


@dataclass(frozen=True)
class Splits:
    train: tuple[Sentence, ...]
    dev: tuple[Sentence, ...]
    test: tuple[Sentence, ...]
    test_source: str                # "file" (a separate test file) or "held out"


def split(sentences: Sequence[Sentence], test: Sequence[Sentence] | None = None) -> Splits:
    """Dev = sentences 10, 20, 30, ...; test = 9, 19, 29, ... unless ``test`` is given."""
    sentences = tuple(tuple(s) for s in sentences)
    part = [(i + 1) % DEV_EVERY for i in range(len(sentences))]    # 0: dev, 9: test
    dev = tuple(s for s, p in zip(sentences, part) if p == 0)
    if test is not None:
        train = tuple(s for s, p in zip(sentences, part) if p != 0)
        return Splits(train, dev, tuple(tuple(s) for s in test), "file")
    train = tuple(s for s, p in zip(sentences, part) if p not in (0, DEV_EVERY - 1))
    held = tuple(s for s, p in zip(sentences, part) if p == DEV_EVERY - 1)
    return Splits(train, dev, held, "held out")


@dataclass(frozen=True, eq=False)
class Prepared:
    """The splits encoded with one vocabulary (from train) and one tag list."""
    vocab: tuple[str, ...]
    tags: tuple[str, ...]
    train: tuple[Pair, ...]
    dev: tuple[Pair, ...]
    test: tuple[Pair, ...]
    splits: Splits
    n_words: int                    # distinct words in train, before the cap (no classes)

    @property
    def capped(self) -> bool:
        return self.n_words > sum(not is_class(w) for w in self.vocab)


def prepare(splits: Splits, *, max_vocab: int | None = None) -> Prepared:
    """Vocabulary from train (at most ``max_vocab`` entries with ``<unk>``); tags that
    occur in any split, UPOS or the built-in tagset's order first."""
    vocab = build_vocab(splits.train, max_size=max_vocab)
    n_words = len(build_vocab(splits.train, min_class_count=None)) - 1
    tags = collect_tags(splits.train + splits.dev + splits.test, order=UPOS + TAGS)
    enc = {name: tuple(encode(getattr(splits, name), vocab, tags))
           for name in ("train", "dev", "test")}
    if not enc["train"]:
        raise TrainingError(MESSAGES("training.no_train"))
    return Prepared(vocab, tags, **enc, splits=splits, n_words=n_words)


@contextmanager
def single_thread_blas():
    """Run BLAS on one thread (process-wide, so only in a process of its own).

    Training multiplies small matrices (16 x 64 by 64 x 64); OpenBLAS splitting
    them over two threads made UD English training 3.4x slower on a 2-core
    machine (38.7 s -> 11.4 s, measured). Uses threadpoolctl when installed.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        yield
        return
    with threadpool_limits(1, user_api="blas"):
        yield


# --------------------------------------------------------------------------- scores

@dataclass(frozen=True, eq=False)
class Evaluation:
    overall: Score
    unknown: Score                  # tokens whose word is not in the vocabulary (<unk>)
    per_tag: dict[str, Score]       # by true tag (recall)
    confusion: np.ndarray           # (K, K) rows true tag, columns predicted
    tags: tuple[str, ...]


def evaluate(m: RNN, pairs: Sequence[Pair],
             unknown: Sequence[np.ndarray] | None = None) -> Evaluation:
    """Accuracy overall, on unknown words and per tag, and the confusion matrix.

    ``unknown`` marks the unknown words per sentence (``unknown_words``); without
    it a word id of ``<unk>`` or of an unknown-word class does."""
    pairs = list(pairs)
    pred = predict(m, pairs)
    C = confusion(pairs, pred, m.K)
    per_tag = {t: Score(int(C[k, k]), int(C[k].sum())) for k, t in enumerate(m.tags)
               if C[k].sum()}
    if unknown is None:
        unknown = [np.array([is_class(m.vocab[i]) for i in x], dtype=bool) for x, _ in pairs]
    return Evaluation(score(pairs, pred), score(pairs, pred, unknown), per_tag, C, m.tags)


def unknown_words(m: RNN, sentences: Sequence[Sentence]) -> list[np.ndarray]:
    """Per sentence, True where the word is unknown to ``m``: its ``normalize`` key
    is not in the model's vocabulary."""
    index = m.word_index
    return [np.array([normalize(w) not in index for w, _ in s], dtype=bool)
            for s in sentences]


def evaluate_sentences(m: RNN, sentences: Sequence[Sentence]) -> Evaluation:
    """``evaluate`` on tagged sentences, encoded with the model's own vocabulary and
    tags (``dataset.encode``); unknown words as ``unknown_words`` finds them."""
    sentences = list(sentences)
    return evaluate(m, encode(sentences, m.vocab, m.tags), unknown_words(m, sentences))


def most_frequent_tag(train: Sequence[Sentence], test: Sequence[Sentence], *,
                      key: Callable[[str], str] = normalize) -> tuple[Score, Score]:
    """The counting baseline: each word's most frequent tag in ``train``; a word never
    seen gets the most frequent tag overall. Words are keyed as the model keys them
    (``key=str``: as written). Returns (all tokens, the unseen words)."""
    by_word: dict[str, Counter] = {}
    for sent in train:
        for w, t in sent:
            by_word.setdefault(key(w), Counter())[t] += 1
    overall = Counter(t for sent in train for _, t in sent).most_common(1)[0][0]
    best = {w: c.most_common(1)[0][0] for w, c in by_word.items()}
    right = total = right_unk = total_unk = 0
    for sent in test:
        for w, t in sent:
            guess = best.get(key(w))
            right += (guess or overall) == t
            total += 1
            if guess is None:
                right_unk += overall == t
                total_unk += 1
    return Score(right, total), Score(right_unk, total_unk)


def format_evaluation(ev: Evaluation, baseline: tuple[Score, Score] | None = None) -> str:
    """A plain-text report: overall, unknown words, the baseline, then per tag."""
    lines = [f"all tokens            {ev.overall}",
             f"unknown words (<unk>) {ev.unknown if ev.unknown.total else 'n/a (0 tokens)'}"]
    if baseline:
        lines.append(f"most-frequent-tag baseline: {baseline[0]}; on words unseen in "
                     f"training {baseline[1]}")
    lines.append("per tag (true tag: correct/total):")
    lines += [f"  {t:<6} {s}" for t, s in ev.per_tag.items()]
    return "\n".join(lines)


def format_side_by_side(evaluations: Mapping[str, Evaluation]) -> str:
    """Several models on the same sentences, one column a model in the given order:
    a header row of names, then ``all tokens``, ``unknown words`` and per tag."""
    evs = list(evaluations.values())
    tags = [t for t in evs[0].tags if any(t in ev.per_tag for ev in evs)]
    tags += [t for ev in evs[1:] for t in ev.per_tag if t not in tags]

    def cell(s: Score | None) -> str:
        return str(s) if s is not None and s.total else "n/a (0 tokens)"

    table = [["", *evaluations],
             ["all tokens", *(cell(ev.overall) for ev in evs)],
             ["unknown words", *(cell(ev.unknown) for ev in evs)],
             ["per tag (true tag: correct/total):"],
             *([f"  {t}", *(cell(ev.per_tag.get(t)) for ev in evs)] for t in tags)]
    widths = [max(len(r[0]) for r in table if len(r) > 1)] + [
        max(len(r[i]) for r in table if len(r) > i) for i in range(1, len(evs) + 1)]
    return "\n".join("   ".join([r[0].ljust(widths[0]) if len(r) > 1 else r[0],
                                 *(c.rjust(w) for c, w in zip(r[1:], widths[1:]))]).rstrip()
                     for r in table)
