"""The built-in language models, one a language: data, vocabulary, training, files.

    python -m rnnviz train --task lm      # writes rnnviz/data/lm_zh.npz and lm_en.npz
    python -m rnnviz eval --task lm       # perplexity next to a unigram and a bigram

The network is the tagger's RNN with another head (``nn/lm.py``): o_t is over the
output words, ``<unk>`` and ``</s>``, and the target at step t is the next word.

**Words, not characters.** The models are word level in both languages: the
words are what the app's sentence box shows (the tokenizer cuts Chinese into
words for the tagger, and the UD text is word-segmented), so a step t of the
language model is the same step t as on the tagging pages, and a Chinese
sentence is half as many steps as its characters (easier to follow on the
unrolled graph).

**Data.** The tagger's text without the tags: the built-in corpus's train split
and the UD dev copies (``realtext``, every tenth sentence held out), in one
language; dev (early stopping on dev perplexity) is the corpus's dev split and
the held-out UD sentences. The final punctuation stays: it is what the model
learns to end a sentence with, before ``</s>``.

**Vocabulary.** The words seen at least ``MIN_COUNT`` times in train, the
``MAX_WORDS`` most frequent of them, are the output words (V has a row for each,
so the cap keeps V legible and the softmax cheap); every other word is the
target ``<unk>``, and as an input switches on its unknown-word class column
(``text.unknown``; the classes that stand for ``MIN_CLASS_COUNT`` training
tokens). Word dropout teaches the class columns, as for the tagger. The words
seen once make ``<unk>`` a real target with real counts, so the unigram and
the bigram (``ngram``) need no special case for it. The same vocabulary and
``<unk>`` rule serve every model measured (``perplexity``).
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .. import data
from ..nn import checkpoint
from ..nn.lm import BOS, is_lm, lm_names, pair
from ..nn.model import RNN
from ..text import corpus, realtext
from ..text.tokenize import normalize
from ..text.unknown import class_counts, is_class, lookup
from .dataset import MIN_CLASS_COUNT, Pair
from .train import Callback, TrainConfig, TrainResult, train

LANGS = ("zh", "en")
LM_MODELS = data.LM_MODELS
MIN_COUNT = 2          # a word seen once in train is <unk>: <unk> gets real counts
MAX_WORDS = 2000       # output words at most (V: 2,002 rows of H)
REAL_WEIGHT = 1        # each real training sentence is trained on this many times an epoch

LM_CONFIG = TrainConfig(
    hidden=16,           # the tagger's H: the same neuron and heatmap views
    f="tanh",
    optimizer="adam",
    lr=0.01,
    epochs=30,
    batch_size=32,
    clip=5.0,
    word_dropout=0.05,   # an input word becomes its unknown-word class this often...
    rare_dropout=1.0,    # ...and a rare word more often (the tagger's rule)
    seed=0,
    patience=3,          # early stopping on dev perplexity
    u_init="uniform",
    average=0.998,       # the weights averaged over about the last 500 steps: UD test
                         # perplexity zh 72.3 -> 68.4, below the bigram's 71.2 (RESULTS.md)
)


@dataclass(frozen=True, eq=False)
class LMData:
    """One language's text encoded for its language model."""
    lang: str
    vocab: tuple[str, ...]       # input: <unk>, <s>, words, unknown-word classes
    tags: tuple[str, ...]        # output: <unk>, </s>, words
    train: tuple[Pair, ...]
    dev: tuple[Pair, ...]


def _words(sentences) -> list[list[str]]:
    """Tagged sentences -> their words (the tags are the tagger's, not needed here)."""
    return [[w for w, _ in s] for s in sentences]


@functools.cache
def sentences(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """{"train", "dev", "test"}: word sentences of ``lang`` (see the module docstring);
    test is the built-in corpus's test split (the UD test files are ``perplexity``'s)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    real_train, real_dev = realtext.split(realtext.load(lang))
    out = {"train": [*corpus.load(lang, "train"), *real_train],
           "dev": [*corpus.load(lang, "dev"), *real_dev],
           "test": corpus.load(lang, "test")}
    return {k: tuple(tuple(w) for w in _words(v)) for k, v in out.items()}


def build_lm_vocab(train: Sequence[Sequence[str]], *, max_words: int = MAX_WORDS,
                   min_count: int = MIN_COUNT) -> tuple[tuple, tuple]:
    """(vocab, tags) for ``lm_names``: the words seen ``min_count`` times or more, the
    ``max_words`` most frequent (ties: first seen first), and the unknown-word classes
    that stand for ``MIN_CLASS_COUNT`` training tokens."""
    counts = Counter(normalize(w) for s in train for w in s)
    for entry in [w for w in counts if is_class(w) or w == BOS]:
        del counts[entry]                                  # a word spelt like a marker
    words = [w for w, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= min_count]
    by_class = class_counts(counts)
    classes = sorted((c for c, n in by_class.items() if n >= MIN_CLASS_COUNT),
                     key=lambda c: (-by_class[c], c))
    return lm_names(words[:max_words], classes)


def encode(sentences: Sequence[Sequence[str]], vocab: Sequence[str],
           tags: Sequence[str]) -> list[Pair]:
    """Each word sentence as (x, y): x = <s> + input ids (an unknown word: its class),
    y = output ids (an unknown word: <unk> = 0) + </s> (``nn.lm.pair``)."""
    w_index = {w: i for i, w in enumerate(vocab)}
    t_index = {t: i for i, t in enumerate(tags)}
    keys = [normalize(w) for s in sentences for w in s]        # every word at once
    x = lookup(w_index, keys)
    y = np.fromiter((t_index.get(k, 0) for k in keys), dtype=np.intp, count=len(keys))
    ends = np.cumsum([len(s) for s in sentences])[:-1]
    bos = w_index[BOS]
    return [pair(xs, ys, bos) for xs, ys in zip(np.split(x, ends), np.split(y, ends))]


@functools.cache
def lm_data(lang: str, max_words: int = MAX_WORDS) -> LMData:
    """The vocabulary from train only; train and dev encoded with it (read-only arrays:
    the result is cached and shared)."""
    s = sentences(lang)
    vocab, tags = build_lm_vocab(s["train"], max_words=max_words)
    encoded = {k: tuple(encode(s[k], vocab, tags)) for k in ("train", "dev")}
    n_corpus = len(corpus.load(lang, "train"))            # the real text comes after it
    encoded["train"] = encoded["train"] + encoded["train"][n_corpus:] * (REAL_WEIGHT - 1)
    # dev shortest first: evaluated 512 at a time, a batch pads to its longest sentence
    encoded["dev"] = tuple(sorted(encoded["dev"], key=lambda p: len(p[0])))
    for pairs in encoded.values():
        for x, y in pairs:
            x.flags.writeable = y.flags.writeable = False
    return LMData(lang, vocab, tags, **encoded)


def data_note(lang: str) -> str:
    return (f"builtin corpus ({lang}) train + UD {realtext.SOURCES[lang]} "
            f"(CC BY-SA 4.0) minus every tenth sentence")


def train_lm(lang: str, config: TrainConfig = LM_CONFIG, *, max_words: int = MAX_WORDS,
             bucket: bool = False, callback: Callback | None = None) -> TrainResult:
    """Train ``lang``'s language model on its train text, keeping the epoch of the
    lowest dev loss (perplexity); ``hparams`` record the config, the data, the task.
    ``bucket=True`` batches sentences of similar length (``train``): about 3 times
    faster, but 10-20 points worse perplexity on the UD test text, measured with two
    seeds (bench/RESULTS.md), so the shipped models use random batches as the tagger."""
    d = lm_data(lang, max_words)
    result = train(d.train, d.vocab, d.tags, config, dev_pairs=d.dev, callback=callback,
                   hparams={"task": "lm", "lang": lang, "data": data_note(lang),
                            "max_words": max_words, "min_count": MIN_COUNT,
                            "bucket": bucket},
                   best_by="loss", bucket=bucket)
    row = next((r for r in result.history if r["epoch"] == result.best_epoch), {})
    result.model = replace(result.model, hparams={
        **result.model.hparams, "best_epoch": result.best_epoch,
        "dev_loss": row.get("dev_loss"), "stopped": result.stopped})
    return result


def load_lm(lang: str) -> RNN:
    """The shipped language model of ``lang``."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return checked(checkpoint.load(LM_MODELS[lang]), LM_MODELS[lang])


def checked(m: RNN, where) -> RNN:
    """``m`` if it is a language model, else ValueError naming ``where``."""
    if not is_lm(m):
        raise ValueError(f"{where}: not a language model (a tagger? its hparams have no "
                         f"task \"lm\" or its outputs do not start with <unk>, </s>)")
    return m
