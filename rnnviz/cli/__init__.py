"""``python -m rnnviz`` — the command line: gradcheck, train, tag, eval, memory, next,
generate (one module per command, ``generate`` holds next and generate; ``common``
holds what they share)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from .evaluate import cmd_eval
from .generate import add_parsers as add_generate_parsers
from .gradcheck import cmd_gradcheck
from .memory import cmd_memory
from .tag import EXIT_OVERFLOW, cmd_tag
from .train import TRAIN_OPTIONS, cmd_train


def build_parser() -> argparse.ArgumentParser:
    from ..training.builtin import DEFAULT_CONFIG

    ap = argparse.ArgumentParser(
        prog="python -m rnnviz",
        description="rnnviz: the tutorial's RNN, s_t = f(U x_t + W s_{t-1} + b), "
                    "o_t = softmax(V s_t + c), in NumPy.")
    ap.add_argument("--version", action="version", version=f"rnnviz {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("gradcheck", help="check BPTT (RNN, LSTM, GRU) against finite differences")
    p.add_argument("--seeds", type=int, default=3, help="random models per activation and per cell")
    p.add_argument("--cell", choices=("rnn", "lstm", "gru"), action="append",
                   help="check only this cell (repeatable; default: all three)")
    p.set_defaults(run=cmd_gradcheck)

    p = sub.add_parser(
        "train", help="train on the built-in corpus and save the model (.npz)",
        description="Train on the built-in corpus (train split; early stopping on dev), "
                    "printing loss, train/dev accuracy and seconds per epoch. With no "
                    "options it writes the shipped rnnviz/data/default_model.npz, bitwise "
                    "identical; `train --no-recurrence` writes the shipped "
                    "rnnviz/data/feedforward_model.npz the same way, `train --cell lstm` "
                    "and `train --cell gru` the shipped lstm_model.npz and gru_model.npz "
                    "(one model a run: the gated cells take several times the RNN's "
                    "minutes); `train --task lm` the shipped language models lm_zh.npz and "
                    "lm_en.npz.")
    p.add_argument("--out", type=Path, help="where to save (default: the shipped "
                   "default_model.npz, feedforward_model.npz with --no-recurrence, "
                   "lstm_model.npz / gru_model.npz with --cell)")
    p.add_argument("--task", choices=("tag", "lm"), default="tag",
                   help="lm: the language models (rnnviz/data/lm_zh.npz, lm_en.npz; --lang "
                        "for one), trained with their own defaults unless options are given")
    p.add_argument("--lang", choices=("zh", "en"), help="with --task lm: only this language")
    p.add_argument("--no-recurrence", action="store_true",
                   help="train s_t = f(U x_t + b): W fixed at 0 from the start")
    _data_options(p, "train on this file instead of the built-in corpus (every tenth "
                     "sentence is held out for early stopping)")
    p.add_argument("--test", type=Path, metavar="FILE", help="with --conllu/--tagged: the "
                   "test file, same format (default: hold out the sentence before each dev "
                   "sentence)")
    p.add_argument("--max-vocab", type=int, metavar="N",
                   help="with --conllu/--tagged: keep the N most frequent training words "
                        "(with <unk>); the rest are <unk>; with --task lm: at most N output "
                        "words (default 2000)")
    for option, (field, meta, text) in TRAIN_OPTIONS.items():
        default = getattr(DEFAULT_CONFIG, field)
        kind = float if default is None else type(default)
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
    p.add_argument("--model", type=Path, help="a model .npz: an RNN, LSTM or GRU tagger "
                                               "(default: the shipped RNN)")
    p.set_defaults(run=cmd_tag)

    p = sub.add_parser("eval", help="accuracy of the RNN, the W = 0 model, the LSTM and the "
                                    "GRU, side by side",
                       description="Accuracy on the built-in corpus (or on --conllu/--tagged "
                                   "FILE): all tokens, the context-dependent words, unknown "
                                   "words (out of vocabulary; <unk> in a clear context), for "
                                   "the RNN, the W = 0 model, the LSTM and the GRU (the "
                                   "shipped ones unless --model/--feedforward/--lstm/--gru "
                                   "are given), in that order, the RNN's column first.")
    p.add_argument("--model", type=Path, help="the RNN .npz (default: the shipped one)")
    p.add_argument("--feedforward", type=Path,
                   help="the W = 0 .npz to compare with (default: the shipped one)")
    p.add_argument("--lstm", type=Path, help="the LSTM .npz (default: the shipped one)")
    p.add_argument("--gru", type=Path, help="the GRU .npz (default: the shipped one)")
    p.add_argument("--split", choices=("test", "dev"), default="test")
    p.add_argument("--task", choices=("tag", "lm"), default="tag",
                   help="lm: the language models' perplexity on the built-in test split and "
                        "the UD test files, next to a unigram and a Kneser-Ney bigram")
    p.add_argument("--write-scores", action="store_true",
                   help="measure the two models on bench/everyday and the UD test treebanks "
                        "and write rnnviz/data/scores.json (shown on the Why page)")
    _data_options(p, "measure the two models on this file (all tokens, unknown words, per "
                     "tag); CoNLL-U is read in the 12 tags unless --column says otherwise")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("memory", help="train and measure the memory task's small RNN, LSTM "
                                      "and GRU (rnnviz/data/memory.json, about a minute)")
    p.add_argument("--dry-run", action="store_true", help="measure, write nothing")
    p.set_defaults(run=cmd_memory)
    add_generate_parsers(sub)
    return ap

def _data_options(p, what: str) -> None:
    """--conllu / --tagged FILE, the tag column and --skip-bad (train and eval)."""
    from ..text.conllu_data import READ_COLUMNS

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
