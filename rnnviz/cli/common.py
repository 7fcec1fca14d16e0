"""What the commands share: loading a model, reading a corpus file, strict JSON."""
from __future__ import annotations

import json
import sys


def load_model(path, cells: tuple[str, ...] = ("rnn",), task: str = "tag"):
    """A model of one of ``cells`` from ``path`` (an RNN by default) made for ``task``
    ("tag", or "lm": a language model, ``nn.lm.is_lm``); a bad file, a file of another
    cell or of the other task raises ValueError naming it."""
    from ..nn.checkpoint import load
    from ..nn.lm import is_lm
    try:
        m = load(path, cells=cells)
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None
    if is_lm(m) != (task == "lm"):
        raise ValueError(f"{path}: a language model; next, generate and eval --task lm use it"
                         if is_lm(m) else f"{path}: not a language model (a tagger?)")
    return m

def read_corpus_file(path, args, column: str | None = None):
    """A corpus file read as the app reads an upload, without the app's size limits;
    the CoNLL-U tag column is ``column``, else --column, else upos."""
    from ..text.conllu_data import CLI_LIMITS, read_corpus

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

def strict_json(data, indent: int | None = None) -> str:
    """Strict JSON (a NaN or ∞ raises instead of printing a bare ``NaN``)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
