"""What the commands share: loading a model, reading a corpus file, strict JSON."""
from __future__ import annotations

import json
import sys


def load_model(path, cells: tuple[str, ...] = ("rnn",)):
    """A model of one of ``cells`` from ``path`` (an RNN by default); a bad file, or a
    file of another cell, raises ValueError naming it."""
    from ..nn.checkpoint import load
    try:
        return load(path, cells=cells)
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None

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
