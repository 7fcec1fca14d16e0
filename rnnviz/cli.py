"""``python -m rnnviz`` — the command line: gradcheck, train, tag, eval."""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

from . import __version__
from .nn.activations import ACTIVATIONS
from .nn.model import U_INITS
from .nn.optim import OPTIMIZERS


def cmd_gradcheck(args) -> int:
    from .nn.gradcheck import TOLERANCE, gradcheck, random_case

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
    "--u-init": ("u_init", U_INITS, "how U starts: normal = N(0, 1) as nn.Embedding (the "
                 "default for --conllu/--tagged), uniform = ±1/√H (the built-in model's)"),
}


def cmd_train(args) -> int:
    from dataclasses import replace

    from .nn.checkpoint import save
    from .training.builtin import DEFAULT_CONFIG, DEFAULT_MODEL, FEEDFORWARD_MODEL, train_builtin

    config = replace(DEFAULT_CONFIG, **{field: getattr(args, field)
                                        for field, _, _ in TRAIN_OPTIONS.values()
                                        if getattr(args, field) is not None})
    if args.conllu or args.tagged:
        return _train_on_file(args, config)
    if args.test or args.max_vocab:
        raise ValueError("--test and --max-vocab go with --conllu FILE or --tagged FILE")
    recurrent = not args.no_recurrence
    out = args.out or (DEFAULT_MODEL if recurrent else FEEDFORWARD_MODEL)
    net = "s_t = f(U x_t + W s_{t-1} + b)" if recurrent else "s_t = f(U x_t + b), W = 0"
    print(f"training {net} on the built-in corpus and the UD dev text (zh + en): "
          f"H={config.hidden}, {config.optimizer} lr={config.lr}, batch {config.batch_size}, "
          f"seed {config.seed}")
    try:
        result = train_builtin(config, recurrent=recurrent, callback=_epoch_printer())
    except KeyboardInterrupt:
        print("interrupted; nothing written", file=sys.stderr)
        return 130
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    save(result.model, out)
    print(f"best dev epoch {result.best_epoch} ({result.stopped}); {result.seconds:.1f} s; "
          f"wrote {out} ({Path(out).stat().st_size:,} bytes)")
    return 0


def _read_corpus(path, args, column: str | None = None):
    """A corpus file read as the app reads an upload, without the app's size limits;
    the CoNLL-U tag column is ``column``, else --column, else upos."""
    from .text.conllu_data import CLI_LIMITS, read_corpus

    fmt = "conllu" if args.conllu else "tagged"
    try:
        c = read_corpus(path, fmt=fmt, column=column or args.column or "upos",
                        limits=CLI_LIMITS, skip_bad=args.skip_bad)
    except ValueError as e:
        hint = " (--skip-bad loads the rest)" if getattr(e, "problems", None) else ""
        raise ValueError(f"{path}: {e}{hint}") from None
    if c.skipped:
        print(f"note: {path}: left out {len(c.skipped)} bad sentences (the first: "
              f"{c.skipped[0]})", file=sys.stderr)
    return c


def _train_on_file(args, config) -> int:
    """train --conllu/--tagged FILE [--test FILE]: early stopping on every tenth sentence."""
    from dataclasses import replace

    from .nn.checkpoint import save
    from .training.train import TrainConfig, train
    from .training.userdata import (
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
    c = _read_corpus(path, args)
    test = _read_corpus(args.test, args).sentences if args.test else None
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
            print(f"epoch {p.epoch:>3}/{p.epochs}  loss {p.loss:.4f}  train "
                  f"{100 * p.train_acc:6.2f}%{dev}  {now - clock[0]:5.2f} s", flush=True)
            clock[0] = now
    return report


EXIT_OVERFLOW = 1      # tag: the model's numbers overflowed (the output is still written)


def cmd_tag(args) -> int:
    from .training.builtin import DEFAULT_MODEL
    from .training.tagger import tag_text

    if args.file is not None and args.text:
        raise ValueError("give the sentence or --file FILE, not both")
    if args.file is None and not args.text:
        raise ValueError("nothing to tag: give a sentence, or --file FILE (one sentence per "
                         "line, - for standard input)")
    m = _load(args.model or DEFAULT_MODEL)
    if args.file is not None:
        return _tag_lines(m, args.file, args.json)
    tagging = tag_text(m, " ".join(args.text))
    if not tagging.tokens:
        print(f"error: {tagging.message}", file=sys.stderr)
        return 2
    if tagging.message:
        print(f"note: {tagging.message}", file=sys.stderr)
    if not tagging.finite:
        print(f"warning: {tagging.overflow_message}", file=sys.stderr)
    print(_json(tagging.as_dict(), indent=2) if args.json else tagging.as_text())
    return 0 if tagging.finite else EXIT_OVERFLOW


def _tag_lines(m, path: str, as_json: bool) -> int:
    """tag --file FILE: one tagged line (or one JSON object) per input line, blank lines
    included; notes and overflow warnings on standard error, naming the line."""
    from .training.tagger import tag_text

    if path == "-":
        if hasattr(sys.stdin, "reconfigure"):
            sys.stdin.reconfigure(encoding="utf-8")
        lines = sys.stdin
    else:
        lines = open(path, encoding="utf-8")
    status = 0
    with lines if path != "-" else contextlib.nullcontext(lines):
        for n, line in enumerate(lines, 1):
            tagging = tag_text(m, line.rstrip("\r\n"))
            if tagging.message and line.strip():
                print(f"note: line {n}: {tagging.message}", file=sys.stderr)
            if not tagging.finite:
                print(f"warning: line {n}: {tagging.overflow_message}", file=sys.stderr)
                status = EXIT_OVERFLOW
            print(_json(tagging.as_dict()) if as_json else tagging.as_text(), flush=True)
    return status


def _json(data, indent: int | None = None) -> str:
    """Strict JSON (a NaN or ∞ raises instead of printing a bare ``NaN``)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)


def cmd_eval(args) -> int:
    from .training.builtin import DEFAULT_MODEL, FEEDFORWARD_MODEL, compare, format_reports

    if args.conllu or args.tagged:
        return _eval_on_file(args)
    paths = {"RNN": args.model or DEFAULT_MODEL, "W = 0": args.feedforward or FEEDFORWARD_MODEL}
    if args.write_scores:
        return _write_scores(paths)
    reports = compare(*(_load(p) for p in paths.values()), split=args.split)
    for name, path in paths.items():
        print(f"{name + ':':<7}{path}")
    print(f"split: {args.split} (built-in corpus, zh + en)\n")
    print(format_reports(reports))
    return 0


def _write_scores(paths) -> int:
    """eval --write-scores: measure the models on the everyday sentences and the UD
    test treebanks and write rnnviz/data/scores.json (what the Why page shows)."""
    from .training import reference

    sets = reference.test_sets()
    if set(sets) != {"everyday", "ud_test"} or any(len(v) != 2 for v in sets.values()):
        raise ValueError(f"--write-scores needs {reference.EVERYDAY_DIR} and the UD test "
                         f"files in {reference.UD_DIR}")
    scores = reference.measure({name: _load(p) for name, p in paths.items()}, sets)
    reference.write(scores)
    for name in scores:
        for lang in reference.LANGS:
            row = scores[name][lang]
            print(f"{name:9} {lang}  " + "  ".join(
                f"{model}: {100 * c / n:.2f}% ({c}/{n})" for model, (c, n) in
                ((model, row[model]["all"]) for model in row)))
    print(f"written: {reference.SCORES_FILE}")
    return 0


def _eval_on_file(args) -> int:
    """eval --conllu/--tagged FILE: the RNN (--model, default the shipped one) and the
    W = 0 model (--feedforward, default the shipped one) side by side: all tokens,
    unknown words (normalize key not in the model's vocabulary), per tag.

    CoNLL-U without --column is read in the 12 tags (``tagset.ud_tag``) when the RNN's
    tags are among them, else as UPOS; --column upos/xpos/tagset reads that column. The shipped
    W = 0 model is left out (with a note) when the file's tags are not all its tags;
    an explicit --feedforward must fit."""
    from .text.tagset import TAGS
    from .training.builtin import DEFAULT_MODEL, FEEDFORWARD_MODEL
    from .training.userdata import evaluate_sentences, format_side_by_side

    paths = {"RNN": args.model or DEFAULT_MODEL, "W = 0": args.feedforward or FEEDFORWARD_MODEL}
    models = {name: _load(p) for name, p in paths.items()}
    path = args.conllu or args.tagged
    column = args.column
    if args.conllu and column is None:
        column = "tagset" if set(models["RNN"].tags) <= set(TAGS) else "upos"
    c = _read_corpus(path, args, column)
    data_tags = {t for s in c.sentences for _, t in s}
    for name in list(models):
        missing = sorted(data_tags - set(models[name].tags))
        if not missing:
            continue
        if name == "W = 0" and args.feedforward is None:
            print(f"note: the shipped W = 0 model is left out: {path} has tags it does not "
                  f"have ({', '.join(missing)}); compare with --feedforward FILE",
                  file=sys.stderr)
            del models[name]
            continue
        m = models[name]
        hint = ("; --column tagset maps UD tags to them" if args.conllu and
                set(m.tags) <= set(TAGS) and c.column != "tagset" else "")
        raise ValueError(f"{path}: tags the model {paths[name]} does not have: "
                         f"{', '.join(missing)} (the model's tags: {', '.join(m.tags)}{hint})")
    for name, m in models.items():
        print(f"{name + ':':<7}{paths[name]} (H={m.H}, |vocab| {m.n_vocab:,}, {m.K} tags)")
    print(f"data:  {path}: {len(c.sentences):,} sentences, {c.n_tokens:,} tokens "
          f"({c.column})\n")
    print(format_side_by_side({name: evaluate_sentences(m, c.sentences)
                               for name, m in models.items()}))
    return 0


def _load(path):
    """A model from ``path``; a bad file raises ValueError naming it."""
    from .nn.checkpoint import load
    try:
        return load(path)
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None


def build_parser() -> argparse.ArgumentParser:
    from .training.builtin import DEFAULT_CONFIG

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
    _data_options(p, "train on this file instead of the built-in corpus (every tenth "
                     "sentence is held out for early stopping)")
    p.add_argument("--test", type=Path, metavar="FILE", help="with --conllu/--tagged: the "
                   "test file, same format (default: hold out the sentence before each dev "
                   "sentence)")
    p.add_argument("--max-vocab", type=int, metavar="N",
                   help="with --conllu/--tagged: keep the N most frequent training words "
                        "(with <unk>); the rest are <unk>")
    for option, (field, meta, text) in TRAIN_OPTIONS.items():
        kind = type(getattr(DEFAULT_CONFIG, field))
        if isinstance(meta, tuple):
            p.add_argument(option, dest=field, choices=meta, help=text)
        else:
            p.add_argument(option, dest=field, type=kind, metavar=meta,
                           help=f"{text} (default {getattr(DEFAULT_CONFIG, field)})")
    p.set_defaults(run=cmd_train)

    p = sub.add_parser("tag", help="tag a sentence: 我 吃 苹果 -> 我/nn 吃/v 苹果/nn",
                       description="Tag typed text (Chinese with or without spaces, English). "
                                   "If the model's numbers overflow (NaN or Inf), the tags "
                                   "from there are ? (null in JSON), a warning goes to "
                                   f"standard error and the exit status is {EXIT_OVERFLOW}.")
    p.add_argument("text", nargs="*", help="the sentence (several arguments are joined by spaces)")
    p.add_argument("--file", metavar="FILE",
                   help="tag FILE instead, one sentence per line (- reads standard input): "
                        "one tagged line per input line")
    p.add_argument("--json", action="store_true",
                   help="print tokens, tags, per-tag probabilities and unknown-word flags "
                        "(with --file: one JSON object per line)")
    p.add_argument("--model", type=Path, help="a model .npz (default: the shipped one)")
    p.set_defaults(run=cmd_tag)

    p = sub.add_parser("eval", help="accuracy of a model and of the W = 0 model, side by side",
                       description="Accuracy on the built-in corpus (or on --conllu/--tagged "
                                   "FILE): all tokens, the context-dependent words, unknown "
                                   "words (out of vocabulary; <unk> in a clear context), for "
                                   "the RNN and the W = 0 model (the shipped ones unless "
                                   "--model/--feedforward are given), the RNN's column first.")
    p.add_argument("--model", type=Path, help="the RNN .npz (default: the shipped one)")
    p.add_argument("--feedforward", type=Path,
                   help="the W = 0 .npz to compare with (default: the shipped one)")
    p.add_argument("--split", choices=("test", "dev"), default="test")
    p.add_argument("--write-scores", action="store_true",
                   help="measure the two models on bench/everyday and the UD test treebanks "
                        "and write rnnviz/data/scores.json (shown on the Why page)")
    _data_options(p, "measure the two models on this file (all tokens, unknown words, per "
                     "tag); CoNLL-U is read in the 12 tags unless --column says otherwise")
    p.set_defaults(run=cmd_eval)
    return ap


def _data_options(p, what: str) -> None:
    """--conllu / --tagged FILE, the tag column and --skip-bad (train and eval)."""
    from .text.conllu_data import READ_COLUMNS

    files = p.add_mutually_exclusive_group()
    files.add_argument("--conllu", type=Path, metavar="FILE", help=f"CoNLL-U: {what}")
    files.add_argument("--tagged", type=Path, metavar="FILE",
                       help=f"word/TAG lines (the built-in tagset): {what}")
    p.add_argument("--column", choices=READ_COLUMNS,
                   help="the CoNLL-U tags: upos, xpos, or tagset (UPOS and XPOS mapped to "
                        "the app's 12 tags by tagset.ud_tag); default upos, except for "
                        "eval with a model that has the 12 tags: tagset")
    p.add_argument("--skip-bad", action="store_true",
                   help="leave out sentences with problems instead of stopping")


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
