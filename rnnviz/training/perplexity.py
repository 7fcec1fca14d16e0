"""Perplexity of the language models on text they never trained on, next to the baselines.

    python -m rnnviz eval --task lm

    perplexity = exp(−Σ log P(target) / N)     N targets: the words and one </s> a sentence

Held-out sets, per language: the built-in corpus's test split (shipped) and the
UD test treebanks (``../shared/data/ud``, measuring only; left out where absent).
Every model is measured with the RNN's vocabulary and ``<unk>`` rule
(``language_model``: a word outside the output words is the target ``<unk>``):
the RNN, a unigram (add-one) and an interpolated Kneser-Ney bigram (``ngram``),
the two counted on the RNN's training text. ``<unk>`` share says how many targets
are ``<unk>``: a perplexity is only comparable at the same vocabulary.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .. import data
from ..nn.model import RNN
from ..text.conllu_data import CLI_LIMITS, read_corpus
from .evaluate import loss_and_accuracy
from .language_model import encode, sentences
from .ngram import KneserNeyBigram, Unigram, perplexity

UD_DIR = data.SHARED_UD
UD_TEST = {"zh": "zh_gsdsimp-ud-test.conllu", "en": "en_ewt-ud-test.conllu"}
SETS = ("built-in test", "UD test")
MODELS = ("unigram", "bigram (KN)", "RNN")


@dataclass(frozen=True)
class Row:
    """One held-out set of one language, every model's perplexity on it."""
    lang: str
    name: str                    # "built-in test" or "UD test"
    sentences: int
    targets: int                 # words + one </s> a sentence
    unk: float                   # share of targets that are <unk>
    perplexity: Mapping[str, float]   # MODELS -> perplexity


def held_out(lang: str, ud_dir=None) -> dict[str, Sequence[Sequence[str]]]:
    """{set name: word sentences}: the built-in test split, and the UD test file if
    present in ``ud_dir`` (default ``UD_DIR``)."""
    sets = {"built-in test": sentences(lang)["test"]}
    path = (ud_dir or UD_DIR) / UD_TEST[lang]
    if path.exists():
        c = read_corpus(path, column="upos", limits=CLI_LIMITS)
        sets["UD test"] = tuple(tuple(w for w, _ in s) for s in c.sentences)
    return sets


def measure(lang: str, m: RNN, ud_dir=None) -> list[Row]:
    """Perplexity of ``m`` (``lang``'s language model), the unigram and the bigram on
    each held-out set, all with ``m``'s vocabulary."""
    train_y = [y for _, y in encode(sentences(lang)["train"], m.vocab, m.tags)]
    baselines = {"unigram": Unigram(train_y, m.K), "bigram (KN)": KneserNeyBigram(train_y, m.K)}
    rows = []
    for name, sents in held_out(lang, ud_dir).items():
        pairs = encode(sents, m.vocab, m.tags)
        ys = [y for _, y in pairs]
        ppl = {k: perplexity(b, ys) for k, b in baselines.items()}
        by_length = sorted(pairs, key=lambda p: len(p[0]))     # little padding: K is large
        ppl["RNN"] = float(np.exp(loss_and_accuracy(m, by_length, batch_size=64)[0]))
        n = sum(len(y) for y in ys)
        rows.append(Row(lang, name, len(sents), n,
                        sum(int((y == 0).sum()) for y in ys) / max(n, 1), ppl))
    return rows


def format_rows(rows: Sequence[Row]) -> str:
    """The rows as a table, one line a set and language, one column a model."""
    head = ["set", "lang", "sentences", "targets", "<unk>", *MODELS]
    table = [head] + [[r.name, r.lang, f"{r.sentences:,}", f"{r.targets:,}",
                       f"{100 * r.unk:.1f}%", *(f"{r.perplexity[k]:.1f}" for k in MODELS)]
                      for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    return "\n".join("  ".join([row[0].ljust(widths[0]), row[1].ljust(widths[1]),
                                *(c.rjust(w) for c, w in zip(row[2:], widths[2:]))])
                     for row in table)
