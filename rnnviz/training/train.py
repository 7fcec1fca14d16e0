"""Training: mini-batches, BPTT, an optimiser, clipping, word dropout, early stopping.

One seed drives everything random (initialisation, shuffling, word dropout),
so the same data, config and seed give bitwise-identical weights.

``cell`` picks the network: "rnn" (the tutorial's, the default), "lstm" or "gru"
(``nn/lstm.py``, ``nn/gru.py``), each trained by the same loop, data, batches,
dropout, optimiser, clipping and early stopping (``nn/cells.py`` calls the cell's
own forward pass and BPTT). ``f``, ``u_init`` and ``recurrent`` are the RNN's: the
gated cells have their own activations (σ, tanh) and PyTorch's uniform(±1/√H)
initialisation, and have no W = 0 variant. A callback
sees every step and every epoch and can stop the run (the app's stop button).
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Callable, Literal, Sequence

import numpy as np

from ..messages import Catalog
from ..nn import activations, cells, optim
from ..nn.gru import init_gru
from ..nn.loss import cross_entropy
from ..nn.lstm import init_lstm
from ..nn.model import RNN, U_INITS, init_rnn
from ..text.unknown import replacement_ids
from .allocator import tune_allocator
from .dataset import Pair, TrainingError, batches, bucketed_batches, word_dropout
from .evaluate import loss_and_accuracy

MESSAGES = Catalog({           # a TrainConfig value out of range (TrainingError)
    "training.setting_between": "{name} must be {lo}..{hi}, got {value}",
    "training.setting_interval": "{name} must be in {interval}, got {value}",
    "training.setting_bound": "{name} must be {op} {bound}, got {value}",
    "training.setting_choice": "{name} must be one of {choices}, got {value!r}",
    "training.gated_recurrent": "the {cell} cell has no W = 0 variant (recurrent=False is "
                                "the RNN's)",
})


@dataclass(frozen=True)
class TrainConfig:
    hidden: int = 16
    f: str = "tanh"
    optimizer: str = "adam"
    lr: float = 0.01
    epochs: int = 30
    batch_size: int = 32
    clip: float | None = 5.0          # max global gradient norm; None = no clipping
    word_dropout: float = 0.1         # P(word -> its unknown-word class) while training
    rare_dropout: float = 0.0         # α: a word seen n times is dropped α/(α+n) more often
    seed: int = 0
    patience: int | None = 5          # stop after this many epochs without dev gain
    recurrent: bool = True            # False: W fixed at 0, a feed-forward tagger
    truncate: int | None = None       # truncated BPTT window (steps)
    u_init: str = "normal"            # U ~ N(0, 1) as nn.Embedding, or "uniform" (±1/√H)
    cell: str = "rnn"                 # "rnn", "lstm" or "gru" (nn.cells.CELLS)
    average: float | None = None      # keep a moving average of the weights (this decay per
                                      # step): the dev check and the kept model use it
    w_decay: float = 0.0              # λ: decoupled decay of the recurrent matrix W alone,
                                      # W -= lr λ W after every optimiser step (AdamW-style;
                                      # the gated cells' W too; a W = 0 model is unaffected)

    def __post_init__(self):
        def at_least(name, op, bound, optional=False):        # optional: None passes
            value = getattr(self, name)
            ok = (optional and value is None) or (value >= bound if op == "≥" else value > bound)
            return ok, "training.setting_bound", dict(op=op, bound=bound)

        checks = [
            ("hidden", 1 <= self.hidden <= 512, "training.setting_between", dict(lo=1, hi=512)),
            ("optimizer", self.optimizer in optim.OPTIMIZERS, "training.setting_choice",
             dict(choices=str(optim.OPTIMIZERS))),
            ("lr", 0 < self.lr < 10, "training.setting_interval", dict(interval="(0, 10)")),
            ("epochs", *at_least("epochs", "≥", 1)),
            ("batch_size", *at_least("batch_size", "≥", 1)),
            ("clip", *at_least("clip", ">", 0, optional=True)),
            ("word_dropout", 0 <= self.word_dropout < 1, "training.setting_interval",
             dict(interval="[0, 1)")),
            ("rare_dropout", *at_least("rare_dropout", "≥", 0)),
            ("patience", *at_least("patience", "≥", 1, optional=True)),
            ("truncate", *at_least("truncate", "≥", 1, optional=True)),
            ("average", self.average is None or 0 < self.average < 1,
             "training.setting_interval", dict(interval="(0, 1)")),
            ("w_decay", *at_least("w_decay", "≥", 0)),
        ]
        for name, ok, code, params in checks:
            if not ok:
                raise TrainingError(MESSAGES(code, name=name, value=getattr(self, name),
                                             **params))
        activations.get(self.f)
        if self.u_init not in U_INITS:
            raise TrainingError(MESSAGES("training.setting_choice", name="u_init",
                                         choices=str(U_INITS), value=self.u_init))
        if self.cell not in cells.CELLS:
            raise TrainingError(MESSAGES("training.setting_choice", name="cell",
                                         choices=str(cells.CELLS), value=self.cell))
        if self.cell != "rnn" and not self.recurrent:
            raise TrainingError(MESSAGES("training.gated_recurrent",
                                         cell=cells.NAMES[self.cell]))


@dataclass(frozen=True)
class Progress:
    """What the callback sees. ``kind="step"`` after each mini-batch,
    ``kind="epoch"`` after each epoch (then the dev figures are set)."""
    kind: Literal["step", "epoch"]
    epoch: int                 # 1-based
    epochs: int
    step: int                  # mini-batches done so far, over all epochs
    steps_per_epoch: int
    loss: float                # batch loss (step) or mean training loss (epoch)
    grad_norm: float           # before clipping (step); mean over the epoch (epoch)
    train_acc: float | None = None
    dev_loss: float | None = None
    dev_acc: float | None = None
    model: RNN | None = None   # the live model, RNN/LSTM/GRU (arrays change as training goes on)

    @property
    def fraction(self) -> float:
        return min(1.0, self.step / max(1, self.epochs * self.steps_per_epoch))


@dataclass
class TrainResult:
    model: RNN
    history: list[dict] = field(default_factory=list)   # one row per epoch
    best_epoch: int = 0
    stopped: Literal["done", "early", "callback", "non-finite"] = "done"
    seconds: float = 0.0


Callback = Callable[[Progress], bool | None]   # return True to stop


def train(train_pairs: Sequence[Pair], vocab: Sequence[str], tags: Sequence[str],
          config: TrainConfig = TrainConfig(), *, dev_pairs: Sequence[Pair] = (),
          callback: Callback | None = None, hparams: dict | None = None,
          best_by: Literal["accuracy", "loss"] = "accuracy",
          bucket: bool = False) -> TrainResult:
    """Train a fresh model; with ``dev_pairs`` keep the best dev epoch (early stopping):
    the best dev accuracy (ties: the lower dev loss), or with ``best_by="loss"`` the
    lowest dev loss (a language model: perplexity, not how often the top word is right).
    ``bucket`` batches sentences of similar length together (``bucketed_batches``)."""
    if best_by not in ("accuracy", "loss"):
        raise ValueError(f"best_by must be 'accuracy' or 'loss', got {best_by!r}")
    start = time.perf_counter()
    tune_allocator()
    rng = np.random.default_rng(config.seed)
    record = {**asdict(config), **(hparams or {})}
    for key in (("cell",) if config.cell == "rnn" else ("f", "u_init", "recurrent")):
        del record[key]                      # the RNN's record is as before the gated cells
    if config.average is None:
        del record["average"]                # (as before the averaged weights)
    if not config.w_decay:
        del record["w_decay"]                # (as before the decay of W)
    m = init_model(config, vocab, tags, rng, record)
    params = m.params
    opt = optim.make(config.optimizer, config.lr)
    steps_per_epoch = -(-len(train_pairs) // config.batch_size)
    dropped_to = replacement_ids(m.vocab)    # a dropped word becomes its unknown-word class
    drop_p = dropout_rates(train_pairs, len(m.vocab), config)
    result = TrainResult(m)
    best = (-np.inf, -np.inf)                # (dev accuracy, -dev loss) or (-dev loss,) to beat
    best_params = None
    # Polyak averaging: avg <- β avg + (1 - β) θ after every step; it smooths the noise of
    # the last steps out of the weights (lower perplexity on held-out text, bench/RESULTS.md)
    avg = _copy(params) if config.average else None
    step, since_best = 0, 0

    for epoch in range(1, config.epochs + 1):
        sum_loss = sum_norm = 0.0
        n_batches = correct = n_tokens = 0
        make_batches = bucketed_batches if bucket else batches
        for X, Y, mask in make_batches(train_pairs, config.batch_size, rng):
            X = word_dropout(X, mask, drop_p, rng, dropped_to)
            fw = cells.forward(m, X)
            loss = cross_entropy(fw.z, Y, mask)
            grads = cells.bptt(m, fw, Y, mask, truncate=config.truncate)
            if not config.recurrent:
                del grads["W"]                      # W stays exactly 0
            norm = optim.clip_by_global_norm(grads, config.clip)
            if not (np.isfinite(loss) and np.isfinite(norm)):
                result.stopped = "non-finite"       # keep the last finite weights
                break
            opt.step(params, grads)
            if config.w_decay and "W" in grads:     # decoupled: not part of the gradient
                params["W"] *= 1.0 - config.lr * config.w_decay
            if avg is not None:
                for name, a in avg.items():
                    a *= config.average
                    a += (1.0 - config.average) * params[name]
            step += 1
            n = int(mask.sum())
            n_batches += 1
            n_tokens += n
            sum_loss += loss * n
            sum_norm += norm
            correct += int(((fw.o.argmax(-1).T == Y) & mask).sum())
            if callback is not None and callback(Progress(
                    "step", epoch, config.epochs, step, steps_per_epoch, loss, norm, model=m)):
                result.stopped = "callback"
                break
        if n_batches == 0:
            break
        row = {"epoch": epoch, "loss": sum_loss / n_tokens, "train_acc": correct / n_tokens,
               "grad_norm": sum_norm / n_batches}
        if dev_pairs:
            judged = m if avg is None else m.with_params(**avg)
            row["dev_loss"], row["dev_acc"] = loss_and_accuracy(judged, dev_pairs)
            key = (-row["dev_loss"],) if best_by == "loss" else (row["dev_acc"], -row["dev_loss"])
            if key > best:
                best, best_params, since_best = key, _copy(judged.params), 0
                result.best_epoch = epoch
            else:
                since_best += 1
        else:
            result.best_epoch = epoch
        result.history.append(row)
        wants_stop = callback is not None and callback(Progress(
            "epoch", epoch, config.epochs, step, steps_per_epoch, row["loss"],
            row["grad_norm"], row["train_acc"], row.get("dev_loss"), row.get("dev_acc"),
            model=m))
        if result.stopped != "done":
            break
        if wants_stop:
            result.stopped = "callback"
            break
        if config.patience is not None and dev_pairs and since_best >= config.patience:
            result.stopped = "early"
            break
    if best_params is None and avg is not None:
        best_params = avg                    # no dev text: the average at the end
    if best_params is not None:
        for name, arr in best_params.items():
            params[name][...] = arr
    result.seconds = time.perf_counter() - start
    return result


def init_model(config: TrainConfig, vocab: Sequence[str], tags: Sequence[str],
               rng: np.random.Generator, record: dict):
    """A fresh model of ``config.cell`` drawn from ``rng`` (the RNN exactly as before)."""
    if config.cell == "lstm":
        return init_lstm(vocab, tags, config.hidden, seed=rng, hparams=record)
    if config.cell == "gru":
        return init_gru(vocab, tags, config.hidden, seed=rng, hparams=record)
    return init_rnn(vocab, tags, config.hidden, f=config.f, seed=rng,
                    recurrent=config.recurrent, u_init=config.u_init, hparams=record)


def dropout_rates(pairs: Sequence[Pair], n_vocab: int, config: TrainConfig) -> float | np.ndarray:
    """P(dropped) per word id: ``word_dropout`` for every word, plus α/(α+n) for a
    word seen n times in training (α = ``rare_dropout``), so that the unknown-word
    classes learn from rare words, the kind a new sentence brings (Kiperwasser and
    Goldberg 2016). A plain float when α = 0."""
    if config.rare_dropout <= 0:
        return config.word_dropout
    counts = np.bincount(np.concatenate([x for x, _ in pairs]) if pairs else
                         np.zeros(0, np.intp), minlength=n_vocab).astype(float)
    alpha = config.rare_dropout
    return np.minimum(config.word_dropout + alpha / (alpha + counts), 0.9)


def _copy(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: v.copy() for k, v in params.items()}
