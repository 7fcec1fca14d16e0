"""``python -m rnnviz tag``: a sentence (or a file of them) tagged, as text or JSON."""
from __future__ import annotations

import contextlib
import sys

from .common import load_model, strict_json

EXIT_OVERFLOW = 1      # tag: the model's numbers overflowed (the output is still written)

def cmd_tag(args) -> int:
    from ..nn.cells import CELLS
    from ..training.builtin import DEFAULT_MODEL
    from ..training.tagger import tag_text

    if args.file is not None and args.text:
        raise ValueError("give the sentence or --file FILE, not both")
    if args.file is None and not args.text:
        raise ValueError("nothing to tag: give a sentence, or --file FILE (one sentence per "
                         "line, - for standard input)")
    m = load_model(args.model or DEFAULT_MODEL, cells=CELLS)   # an RNN, LSTM or GRU
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
    print(strict_json(tagging.as_dict(), indent=2) if args.json else tagging.as_text())
    return 0 if tagging.finite else EXIT_OVERFLOW

def _tag_lines(m, path: str, as_json: bool) -> int:
    """tag --file FILE: one tagged line (or one JSON object) per input line, blank lines
    included; notes and overflow warnings on standard error, naming the line."""
    from ..training.tagger import tag_text

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
            print(strict_json(tagging.as_dict()) if as_json else tagging.as_text(), flush=True)
    return status
