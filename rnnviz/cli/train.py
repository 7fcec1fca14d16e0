"""``python -m rnnviz train``: the shipped models, or a model of a corpus file."""
from __future__ import annotations

import math
import sys
import time
from pathlib import Path

from ..nn.activations import ACTIVATIONS
from ..nn.cells import CELLS
from ..nn.lm import is_lm
from ..nn.model import U_INITS
from ..nn.optim import OPTIMIZERS
from .common import read_corpus_file

TRAIN_OPTIONS = {   # --option: (TrainConfig field, metavar or choices, help)
    "--hidden": ("hidden", "N", "hidden units H"),
    "--activation": ("f", tuple(ACTIVATIONS), "hidden activation f"),
    "--optimizer": ("optimizer", OPTIMIZERS, "the optimiser"),
    "--lr": ("lr", "X", "learning rate"),
    "--epochs": ("epochs", "N", "at most this many epochs"),
    "--batch-size": ("batch_size", "N", "sentences per mini-batch"),
    "--clip": ("clip", "X", "max global gradient norm"),
    "--word-dropout": ("word_dropout", "P", "P(word -> <unk>) while training"),
    "--seed": ("seed", "N", "the one seed of initialisation, shuffling and dropout"),
    "--patience": ("patience", "N", "stop after this many epochs without dev gain"),
    "--cell": ("cell", CELLS, "the network: the tutorial's RNN (default), an LSTM or a GRU; "
               "with no --out the built-in lstm_model.npz / gru_model.npz"),
    "--average": ("average", "β", "keep a moving average of the weights (β per step), judged "
                  "on dev and saved; the language models use 0.998"),
    "--u-init": ("u_init", U_INITS, "how U starts: normal = N(0, 1) as nn.Embedding (the "
                 "default for --conllu/--tagged), uniform = ±1/√H (the built-in model's)"),
}

def file_config():
    """The defaults of ``train --conllu/--tagged FILE``: the built-in model's settings from
    before its averaged weights, decay of W and batches of 64 (issue 16), which suit its
    20,000 sentences, not a file of a few hundred (8 steps an epoch at batch 64, and the
    0.999 average then keeps mostly the initial weights: UD zh dev alone, 21.8 % on its
    test file). U starts N(0, 1), as nn.Embedding (the TrainConfig default)."""
    from ..training.train import TrainConfig
    return TrainConfig(hidden=16, lr=0.002, batch_size=32, word_dropout=0.05, rare_dropout=1.0,
                       patience=4)


def cmd_train(args) -> int:
    from dataclasses import replace

    from ..training.builtin import CELL_MODELS, DEFAULT_CONFIG, FEEDFORWARD_MODEL, train_builtin

    if args.task == "lm":
        return _train_lm(args)
    if args.lang:
        raise ValueError("--lang goes with --task lm")
    if args.conllu or args.tagged:
        return _train_on_file(args, replace(file_config(), **_given(args)))
    config = replace(DEFAULT_CONFIG, **_given(args))
    if args.test or args.max_vocab:
        raise ValueError("--test and --max-vocab go with --conllu FILE or --tagged FILE")
    recurrent = not args.no_recurrence
    config = replace(config, recurrent=recurrent)          # checks --no-recurrence --cell
    out = args.out or (CELL_MODELS[config.cell] if recurrent else FEEDFORWARD_MODEL)
    net = ("s_t = f(U x_t + W s_{t-1} + b)" if recurrent else "s_t = f(U x_t + b), W = 0") \
        if config.cell == "rnn" else f"the {config.cell.upper()} cell"
    print(f"training {net} on the built-in corpus and the UD dev text (zh + en): "
          f"H={config.hidden}, {config.optimizer} lr={config.lr}, batch {config.batch_size}, "
          f"seed {config.seed}")
    try:
        result = train_builtin(config, recurrent=recurrent, callback=_epoch_printer())
    except KeyboardInterrupt:
        print("interrupted; nothing written", file=sys.stderr)
        return 130
    _save(result, out)
    return 0

def _save(result, out) -> None:
    """Write the trained model to ``out`` and say what was written."""
    from ..nn.cells import n_params
    from ..nn.checkpoint import save

    Path(out).parent.mkdir(parents=True, exist_ok=True)
    save(result.model, out)
    print(f"best dev epoch {result.best_epoch} ({result.stopped}); {result.seconds:.1f} s; "
          f"{n_params(result.model):,} parameters; wrote {out} "
          f"({Path(out).stat().st_size:,} bytes)")


def _given(args) -> dict:
    """The TrainConfig fields set on the command line."""
    return {field: getattr(args, field) for field, _, _ in TRAIN_OPTIONS.values()
            if getattr(args, field) is not None}


def _train_lm(args) -> int:
    """train --task lm [--lang zh|en] [--out FILE]: the language models (the shipped
    lm_zh.npz and lm_en.npz unless --out), on their own defaults (LM_CONFIG)."""
    from dataclasses import replace

    from ..training.language_model import LANGS, LM_CONFIG, LM_MODELS, MAX_WORDS, train_lm

    wrong = [name for name, on in (("--conllu/--tagged", args.conllu or args.tagged),
                                   ("--test", args.test),
                                   ("--no-recurrence", args.no_recurrence),
                                   ("--cell", args.cell not in (None, "rnn"))) if on]
    if wrong:
        raise ValueError(f"--task lm trains the RNN on the built-in text; "
                         f"{', '.join(wrong)} go with the tagger")
    langs = (args.lang,) if args.lang else LANGS
    if args.out and len(langs) > 1:
        raise ValueError("--out FILE needs --lang zh or --lang en (one model a file)")
    config = replace(LM_CONFIG, **_given(args))
    for lang in langs:
        out = args.out or LM_MODELS[lang]
        print(f"training the {lang} language model on the built-in corpus and the UD dev "
              f"text: H={config.hidden}, {config.optimizer} lr={config.lr}, batch "
              f"{config.batch_size}, seed {config.seed}")
        try:
            result = train_lm(lang, config, max_words=args.max_vocab or MAX_WORDS,
                              callback=_epoch_printer())
        except KeyboardInterrupt:
            print("interrupted; nothing more written", file=sys.stderr)
            return 130
        _save(result, out)
    return 0


def _train_on_file(args, config) -> int:
    """train --conllu/--tagged FILE [--test FILE]: early stopping on every tenth sentence."""
    from dataclasses import replace

    from ..nn.checkpoint import save
    from ..training.train import TrainConfig, train
    from ..training.userdata import (
        evaluate,
        format_evaluation,
        most_frequent_tag,
        prepare,
        single_thread_blas,
        split,
        unknown_words,
    )

    if args.out is None:
        raise ValueError("--out FILE is required with --conllu/--tagged (the shipped model "
                         "is only written from the built-in corpus)")
    path = args.conllu or args.tagged
    c = read_corpus_file(path, args)
    test = read_corpus_file(args.test, args).sentences if args.test else None
    data = prepare(split(c.sentences, test), max_vocab=args.max_vocab)
    config = replace(config, recurrent=not args.no_recurrence)
    if args.u_init is None:             # N(0, 1): 4 points better on UD Chinese (README)
        config = replace(config, u_init=TrainConfig.__dataclass_fields__["u_init"].default)
    s = data.splits
    print(f"{path}: {len(c.sentences):,} sentences, {c.n_tokens:,} tokens ({c.column}); "
          f"train {len(s.train):,}, dev {len(s.dev):,} (every tenth), test {len(s.test):,} "
          f"({args.test or 'held out'}); |vocab| {len(data.vocab):,}, {len(data.tags)} tags")
    print(f"H={config.hidden}, {config.f}, {config.optimizer} lr={config.lr}, batch "
          f"{config.batch_size}, clip {config.clip}, word dropout {config.word_dropout}, "
          f"seed {config.seed}{'' if config.recurrent else ', W = 0'}")
    with single_thread_blas():
        result = train(data.train, data.vocab, data.tags, config, dev_pairs=data.dev,
                       callback=_epoch_printer(), hparams={"data": str(path)})
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    save(result.model, args.out)
    print(f"best dev epoch {result.best_epoch} ({result.stopped}); {result.seconds:.1f} s; "
          f"wrote {args.out}")
    if data.test:
        print(f"\ntest ({len(s.test):,} sentences):")
        print(format_evaluation(evaluate(result.model, data.test,
                                         unknown_words(result.model, s.test)),
                                most_frequent_tag(s.train, s.test)))
    return 0

def _epoch_printer():
    clock = [time.perf_counter()]

    def report(p) -> None:
        if p.kind == "epoch":
            now = time.perf_counter()
            dev = f"  dev {100 * p.dev_acc:6.2f}%" if p.dev_acc is not None else ""
            if p.dev_loss is not None and p.model is not None and is_lm(p.model):
                dev += f"  dev perplexity {math.exp(p.dev_loss):7.2f}"
            print(f"epoch {p.epoch:>3}/{p.epochs}  loss {p.loss:.4f}  train "
                  f"{100 * p.train_acc:6.2f}%{dev}  {now - clock[0]:5.2f} s", flush=True)
            clock[0] = now
    return report
