"""The built-in model: the RNN trained on the built-in corpus, and how good it is.

    python -m rnnviz train     # writes rnnviz/data/default_model.npz
    python -m rnnviz eval      # the figures below, for the RNN and the W = 0 network

The training data is the built-in corpus (``corpus``: generated sentences that
teach the tutorial's contexts) next to real text: the UD Chinese GSDSimp and UD
English EWT dev treebanks, mapped to the 12 tags (``realtext``, shipped in
``data/ud/`` with their CC BY-SA 4.0 licence). Every tenth real sentence is dev
(early stopping), the rest train; the UD test files are never trained on. Every
second sentence that ends in punctuation loses it, so that a sentence typed
without a full stop is tagged as well as one with it. Training is reproducible
bit for bit on one machine; another CPU or BLAS kernel rounds differently and
gives a model that agrees on the measured accuracies within 0.3 points.

Four models are shipped, trained with the same data, settings and seed:

- ``default_model.npz``: s_t = f(U x_t + W s_{t-1} + b), the app's model;
- ``feedforward_model.npz``: s_t = f(U x_t + b), W fixed at 0 from the start
  and trained on its own (not the RNN with W zeroed after training);
- ``lstm_model.npz`` and ``gru_model.npz``: the LSTM and the GRU (``nn/lstm.py``,
  ``nn/gru.py``) with the same hidden size H and ``DEFAULT_CONFIG`` (``cell`` set;
  ``f`` and ``u_init`` are the RNN's, the gated cells start uniform(±1/√H) as
  PyTorch's). They have more parameters: 4 (LSTM) or 3 (GRU) gates' U, W, b.

``evaluate`` measures a model on a split of the corpus (test by default):

- ``overall``: accuracy over every token;
- ``ambiguous``: on the context-dependent words (``corpus.ambiguous``), per
  language and both; only the words before them tell their tag;
- ``oov``: real out-of-vocabulary tokens (not in the model's vocabulary). The
  corpus build moves any dev/test sentence with a word train lacks into train,
  so for the built-in model this count is 0;
- ``unk_in_context``: "unknown in a clear context". Every token right after a
  *telling* token — tagged d or m (这 _, 三 本 _, the _, every _), or one of
  ``TELLING_WORDS``: 的, a possessive (my _, Tom 's _), a verb that takes an
  object (吃 _, eat _) — is made unknown on its own (it switches on its
  unknown-word class, as an unknown word that looks like it would), the rest
  of the sentence unchanged; the figure is the fraction still tagged right.
  It is what a student sees typing 我 吃 榴莲. "Clear" is the usual case, not
  a promise: after a verb can come 了 or the, after a determiner an adjective
  (a long walk), and a left-to-right tagger cannot tell those from a noun.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

import numpy as np

from .. import data
from ..nn import checkpoint
from ..nn.cells import CELLS
from ..nn.model import RNN
from ..text import corpus, realtext
from ..text.tagset import TAGS
from ..text.tokenize import normalize
from ..text.unknown import replacement_ids
from .dataset import Pair, Sentence, build_vocab, encode
from .evaluate import Score, predict, score
from .train import Callback, TrainConfig, TrainResult, train

DEFAULT_MODEL = data.DEFAULT_MODEL
FEEDFORWARD_MODEL = data.FEEDFORWARD_MODEL
CELL_MODELS = {"rnn": data.DEFAULT_MODEL, "lstm": data.LSTM_MODEL, "gru": data.GRU_MODEL}
GATED = {"LSTM": "lstm", "GRU": "gru"}      # the gated columns of eval, by their name

DEFAULT_CONFIG = TrainConfig(
    # Chosen for issue 16's "the RNN at least 1.5 points above its W = 0 model on UD text"
    # (bench/RESULTS.md, "Recurrence gap of issue 16: decay of W in the trainer"): of the
    # configs measured at seeds 0-2 against their W = 0 twins (trained with this config,
    # recurrent=False), this one has the highest mean gap on UD Chinese, +1.57 points
    # (en +2.00, everyday +2.80), with every other target met at each seed; it is shipped
    # at seed 0 (zh +1.93, en +2.03; seed 2 is short: zh +1.27). The gap comes from decay
    # of W (lifts the RNN alone) and rare_dropout 16 (costs the twin 0.20 points of UD zh,
    # the RNN 0.08-0.16). DEFAULT_CONFIG before it: zh +0.09, en +0.53.
    hidden=16,            # legible neuron and heatmap views; 24 and 32 measured no better on
                          # real text (UD zh gap at seed 0: +1.13, +1.42 against +1.50 at 16;
                          # 32 over seeds 0-2: +1.29 against +1.37)
    f="tanh",
    optimizer="adam",
    lr=0.004,
    epochs=30,
    batch_size=64,
    clip=5.0,
    word_dropout=0.05,    # any word becomes its unknown-word class (unknown.py) this often...
    rare_dropout=16.0,    # ...and a word seen n times 16/(16+n) more often: the classes learn
                          # from rare words, the kind a new sentence brings
    seed=0,
    patience=4,           # early stopping on the dev split (built-in corpus + real text)
    u_init="uniform",     # small U (±1/√H)
    average=0.999,        # the dev check and the shipped weights are the moving average
    w_decay=3.0,          # W -= lr·3·W after each step: a smaller W, which fits the training
                          # sentences' contexts less (the RNN's UD zh 89.13 -> 89.69 % at seed
                          # 0 in bench/RESULTS.md; the W = 0 model is untouched by it)
)

# A previous token with one of these tags makes the next word's tag clear: 这 个 _, the _.
TELLING_TAGS = frozenset({"d", "m"})
# ... and so do these words (normalize keys): 的, possessives, verbs that take an object.
TELLING_WORDS = frozenset(normalize(w) for w in (
    "的",
    "吃", "喝", "看", "买", "读", "写", "喜欢", "需要",
    "my", "your", "his", "her", "its", "our", "their", "'s",
    "eat", "eats", "ate", "drink", "drinks", "drank", "read", "reads",
    "buy", "buys", "bought", "want", "wants", "need", "needs", "love", "loves",
))


# --------------------------------------------------------------------------- data

@dataclass(frozen=True, eq=False)
class CorpusData:
    """The training data encoded for the built-in model: train and dev are the built-in
    corpus then the real text (zh then en in each); test is the built-in corpus's."""
    vocab: tuple[str, ...]          # <unk>, train words by falling frequency, word classes
    tags: tuple[str, ...]           # tagset.TAGS
    train: tuple[Pair, ...]
    dev: tuple[Pair, ...]
    test: tuple[Pair, ...]


REAL_WEIGHT = 2    # each real training sentence counts twice: as much real text as generated
DATA_NOTE = ("builtin corpus (zh + en) + UD Chinese GSDSimp dev + UD English EWT dev "
             "(CC BY-SA 4.0); every second final punctuation dropped")


@functools.cache
def training_sentences() -> dict[str, tuple[Sentence, ...]]:
    """train, dev and test as tagged sentences (see the module docstring)."""
    real = {lang: realtext.split(realtext.load(lang)) for lang in realtext.LANGS}
    real_train = tuple(s for tr, _ in real.values() for s in tr)
    return {"train": drop_final_punctuation((*corpus.load(None, "train"),
                                             *real_train * REAL_WEIGHT)),
            "dev": drop_final_punctuation(
                (*corpus.load(None, "dev"), *(s for _, dv in real.values() for s in dv))),
            "test": tuple(corpus.load(None, "test"))}


def drop_final_punctuation(sentences: Sequence[Sentence], every: int = 2) -> tuple[Sentence, ...]:
    """Every ``every``-th sentence that ends in punctuation (after at least one word)
    without it: people rarely type the full stop."""
    out, n = [], 0
    for s in sentences:
        if len(s) > 1 and s[-1][1] == "pu":
            n += 1
            if n % every == 0:
                s = s[:-1]
        out.append(tuple(s))
    return tuple(out)


@functools.cache
def corpus_data() -> CorpusData:
    """Vocabulary from train only; every split encoded with it (arrays read-only:
    the result is cached and shared)."""
    splits = training_sentences()
    vocab = build_vocab(splits["train"])
    encoded = {s: tuple(encode(splits[s], vocab, TAGS)) for s in corpus.SPLITS}
    for pairs in encoded.values():
        for x, y in pairs:
            x.flags.writeable = y.flags.writeable = False
    return CorpusData(vocab, TAGS, **encoded)


# --------------------------------------------------------------------------- training

def train_builtin(config: TrainConfig = DEFAULT_CONFIG, *, recurrent: bool = True,
                  callback: Callback | None = None) -> TrainResult:
    """Train on the corpus train split, early-stopping on dev.

    ``recurrent`` sets ``config.recurrent``: False trains the W = 0 network;
    ``config.cell`` picks the RNN, the LSTM or the GRU. The model's ``hparams`` record the config, the data and the best epoch.
    """
    config = replace(config, recurrent=recurrent)
    data = corpus_data()
    result = train(data.train, data.vocab, data.tags, config, dev_pairs=data.dev,
                   callback=callback, hparams={"data": DATA_NOTE})
    row = next((r for r in result.history if r["epoch"] == result.best_epoch), {})
    result.model = replace(result.model, hparams={
        **result.model.hparams, "best_epoch": result.best_epoch,
        "dev_acc": row.get("dev_acc"), "stopped": result.stopped})
    return result


def load_default() -> RNN:
    return checkpoint.load(DEFAULT_MODEL)


def load_feedforward() -> RNN:
    return checkpoint.load(FEEDFORWARD_MODEL)


def load_cell(cell: str):
    """The shipped model of ``cell`` ("rnn", "lstm" or "gru")."""
    return checkpoint.load(CELL_MODELS[cell], cells=CELLS)


def shipped_gated() -> dict:
    """{"LSTM": model, "GRU": model} for the shipped gated models whose files exist."""
    return {name: load_cell(cell) for name, cell in GATED.items() if CELL_MODELS[cell].exists()}


# --------------------------------------------------------------------------- evaluation

@dataclass(frozen=True)
class Report:
    """Accuracy of one model on a split of the built-in corpus (see the module docstring)."""
    overall: Score
    ambiguous: Mapping[str, Score]    # "zh", "en", "both"
    oov: Score
    unk_in_context: Score


def evaluate(m: RNN, split: str = "test") -> Report:
    """Measure ``m`` on the built-in corpus ``split`` (test, dev or train)."""
    return evaluate_sentences(m, {lang: corpus.load(lang, split) for lang in corpus.LANGS})


def evaluate_sentences(m: RNN, by_lang: Mapping[str, Sequence[Sentence]]) -> Report:
    """Measure ``m`` on tagged sentences grouped by language, encoded with the
    model's own vocabulary; the context-dependent words are ``corpus.ambiguous``."""
    sentences = [s for lang in by_lang for s in by_lang[lang]]
    langs = [lang for lang in by_lang for _ in by_lang[lang]]
    pairs = encode(sentences, m.vocab, m.tags)
    pred = predict(m, pairs)
    ambiguous = {lang: score(pairs, pred, [
        np.array([lg == lang and normalize(w) in corpus.ambiguous(lg) for w, _ in s])
        for s, lg in zip(sentences, langs)]) for lang in by_lang}
    ambiguous["both"] = _sum(ambiguous.values())
    return Report(overall=score(pairs, pred), ambiguous=ambiguous,
                  oov=score(pairs, pred, [np.array([normalize(w) not in m.word_index
                                                    for w, _ in s]) for s in sentences]),
                  unk_in_context=_unk_in_context(m, sentences, pairs))


def compare(model: RNN | None = None, feedforward: RNN | None = None,
            split: str = "test", gated: Mapping | None = None) -> dict[str, Report]:
    """Reports for the RNN and the W = 0 network (the shipped ones by default), then
    ``gated`` ({"LSTM": model, "GRU": model}; default none), ready for
    ``format_reports``."""
    return {"RNN": evaluate(model or load_default(), split),
            "W = 0": evaluate(feedforward or load_feedforward(), split),
            **{name: evaluate(m, split) for name, m in (gated or {}).items()}}


def clear_contexts(sentence: Sentence) -> list[int]:
    """Positions of the words right after a telling word (see the docstring)."""
    return [t for t in range(1, len(sentence))
            if sentence[t - 1][1] in TELLING_TAGS
            or normalize(sentence[t - 1][0]) in TELLING_WORDS]


def _unk_in_context(m: RNN, sentences: Sequence[Sentence], pairs: Sequence[Pair]) -> Score:
    """Make each clear-context word unknown on its own: it switches on its class
    column (``unknown.replacement_ids``: what the model would see for an unknown
    word that looks like it; ``<unk>`` for a model without classes). The tag at its
    step only depends on the words up to it, so the sentence is cut there."""
    probes, gold = [], []
    as_unknown = replacement_ids(m.vocab)
    for sent, (x, y) in zip(sentences, pairs):
        for t in clear_contexts(sent):
            xt = x[:t + 1].copy()
            xt[t] = as_unknown[xt[t]]
            probes.append((xt, y[:t + 1]))
            gold.append(y[t])
    last = [p[-1] for p in predict(m, probes)]
    return Score(int(np.sum(np.array(last) == np.array(gold))), len(gold))


def _sum(scores) -> Score:
    scores = list(scores)
    return Score(sum(s.correct for s in scores), sum(s.total for s in scores))


def format_reports(reports: Mapping[str, Report]) -> str:
    """The reports side by side, one column a model, with counts."""
    first = next(iter(reports.values()))
    rows = [("all tokens", lambda r: r.overall),
            *((f"context-dependent words ({k})", lambda r, k=k: r.ambiguous[k])
              for k in first.ambiguous),
            ("unknown words: out of vocabulary", lambda r: r.oov),
            ("unknown words: made unknown in a clear context", lambda r: r.unk_in_context)]
    table = [["", *reports]] + [[label, *(_cell(get(r)) for r in reports.values())]
                               for label, get in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return "\n".join("  ".join([row[0].ljust(widths[0]),
                                *(c.rjust(w) for c, w in zip(row[1:], widths[1:]))]).rstrip()
                     for row in table)


def _cell(s: Score) -> str:
    return str(s) if s.total else "n/a (0 tokens)"
