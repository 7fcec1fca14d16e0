"""``python -m rnnviz`` — the command line: gradcheck, train, tag, eval."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import __version__
from .activations import ACTIVATIONS
from .optim import OPTIMIZERS


def cmd_gradcheck(args) -> int:
    from .gradcheck import TOLERANCE, gradcheck, random_case

    worst_overall = 0.0
    print(f"BPTT vs central finite differences (float64, ε = 1e-5), "
          f"{args.seeds} random models per activation")
    for f in ACTIVATIONS:
        worst: dict[str, float] = {}
        for seed in range(args.seeds):
            for name, err in gradcheck(*random_case(f, seed)).items():
                worst[name] = max(worst.get(name, 0.0), err)
        row = "  ".join(f"{k}={v:.1e}" for k, v in worst.items())
        print(f"  {f:<9} {row}")
        worst_overall = max(worst_overall, *worst.values())
    ok = worst_overall <= TOLERANCE
    print(f"worst relative error {worst_overall:.2e} "
          f"{'≤' if ok else '>'} {TOLERANCE:.0e}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


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
}


def cmd_train(args) -> int:
    from dataclasses import replace

    from .builtin import DEFAULT_CONFIG, DEFAULT_MODEL, FEEDFORWARD_MODEL, train_builtin
    from .checkpoint import save

    config = replace(DEFAULT_CONFIG, **{field: getattr(args, field)
                                        for field, _, _ in TRAIN_OPTIONS.values()
                                        if getattr(args, field) is not None})
    recurrent = not args.no_recurrence
    out = args.out or (DEFAULT_MODEL if recurrent else FEEDFORWARD_MODEL)
    net = "s_t = f(U x_t + W s_{t-1} + b)" if recurrent else "s_t = f(U x_t + b), W = 0"
    print(f"training {net} on the built-in corpus (zh + en): H={config.hidden}, "
          f"{config.optimizer} lr={config.lr}, batch {config.batch_size}, seed {config.seed}")
    clock = [time.perf_counter()]

    def report(p) -> None:
        if p.kind == "epoch":
            now = time.perf_counter()
            print(f"epoch {p.epoch:>3}/{p.epochs}  loss {p.loss:.4f}  train {100 * p.train_acc:6.2f}%"
                  f"  dev {100 * p.dev_acc:6.2f}%  {now - clock[0]:5.2f} s", flush=True)
            clock[0] = now

    try:
        result = train_builtin(config, recurrent=recurrent, callback=report)
    except KeyboardInterrupt:
        print("interrupted; nothing written", file=sys.stderr)
        return 130
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    save(result.model, out)
    print(f"best dev epoch {result.best_epoch} ({result.stopped}); {result.seconds:.1f} s; "
          f"wrote {out} ({Path(out).stat().st_size:,} bytes)")
    return 0


def cmd_tag(args) -> int:
    from .builtin import DEFAULT_MODEL
    from .tagger import tag_text

    tagging = tag_text(_load(args.model or DEFAULT_MODEL), " ".join(args.text))
    if not tagging.tokens:
        print(f"error: {tagging.message}", file=sys.stderr)
        return 2
    if tagging.message:
        print(f"note: {tagging.message}", file=sys.stderr)
    if not tagging.finite:
        print("warning: the model's numbers overflowed (NaN or Inf); the tags are not "
              "meaningful", file=sys.stderr)
    if args.json:
        print(json.dumps(tagging.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(tagging.as_text())
    return 0


def cmd_eval(args) -> int:
    from .builtin import DEFAULT_MODEL, FEEDFORWARD_MODEL, compare, format_reports

    paths = {"RNN": args.model or DEFAULT_MODEL, "W = 0": args.feedforward or FEEDFORWARD_MODEL}
    reports = compare(*(_load(p) for p in paths.values()), split=args.split)
    for name, path in paths.items():
        print(f"{name + ':':<7}{path}")
    print(f"split: {args.split} (built-in corpus, zh + en)\n")
    print(format_reports(reports))
    return 0


def _load(path):
    """A model from ``path``; a bad file raises ValueError naming it."""
    from .checkpoint import load
    try:
        return load(path)
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None


def build_parser() -> argparse.ArgumentParser:
    from .builtin import DEFAULT_CONFIG

    ap = argparse.ArgumentParser(
        prog="python -m rnnviz",
        description="rnnviz: the tutorial's RNN, s_t = f(U x_t + W s_{t-1} + b), "
                    "o_t = softmax(V s_t + c), in NumPy.")
    ap.add_argument("--version", action="version", version=f"rnnviz {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("gradcheck", help="check BPTT against finite differences")
    p.add_argument("--seeds", type=int, default=3, help="random models per activation")
    p.set_defaults(run=cmd_gradcheck)

    p = sub.add_parser(
        "train", help="train on the built-in corpus and save the model (.npz)",
        description="Train on the built-in corpus (train split; early stopping on dev), "
                    "printing loss, train/dev accuracy and seconds per epoch. With no "
                    "options it writes the shipped rnnviz/data/default_model.npz, bitwise "
                    "identical; `train --no-recurrence` writes the shipped "
                    "rnnviz/data/feedforward_model.npz the same way.")
    p.add_argument("--out", type=Path, help="where to save (default: the shipped "
                   "default_model.npz, or feedforward_model.npz with --no-recurrence)")
    p.add_argument("--no-recurrence", action="store_true",
                   help="train s_t = f(U x_t + b): W fixed at 0 from the start")
    for option, (field, meta, text) in TRAIN_OPTIONS.items():
        kind = type(getattr(DEFAULT_CONFIG, field))
        if isinstance(meta, tuple):
            p.add_argument(option, dest=field, choices=meta, help=text)
        else:
            p.add_argument(option, dest=field, type=kind, metavar=meta,
                           help=f"{text} (default {getattr(DEFAULT_CONFIG, field)})")
    p.set_defaults(run=cmd_train)

    p = sub.add_parser("tag", help="tag a sentence: 我 吃 苹果 -> 我/nn 吃/v 苹果/nn",
                       description="Tag typed text (Chinese with or without spaces, English).")
    p.add_argument("text", nargs="+", help="the sentence (several arguments are joined by spaces)")
    p.add_argument("--json", action="store_true",
                   help="print tokens, tags, per-tag probabilities and unknown-word flags")
    p.add_argument("--model", type=Path, help="a model .npz (default: the shipped one)")
    p.set_defaults(run=cmd_tag)

    p = sub.add_parser("eval", help="accuracy of a model and of the W = 0 model, side by side",
                       description="Accuracy on the built-in corpus: all tokens, the "
                                   "context-dependent words, unknown words (out of "
                                   "vocabulary; <unk> in a clear context), for the model "
                                   "and the shipped W = 0 model.")
    p.add_argument("--model", type=Path, help="the RNN .npz (default: the shipped one)")
    p.add_argument("--feedforward", type=Path,
                   help="the W = 0 .npz to compare with (default: the shipped one)")
    p.add_argument("--split", choices=("test", "dev"), default="test")
    p.set_defaults(run=cmd_eval)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "run", None):
        ap.print_help()
        return 0
    try:
        return args.run(args)
    except (ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
