"""Real text for training: the UD dev treebanks as word/TAG lines in the 12 tags.

    load("zh")                 -> the shipped copy, a tuple of sentences ((word, tag), ...)
    train, dev = split(load("en"))                # every tenth sentence is dev
    derive(".../zh_gsdsimp-ud-dev.conllu")        # the copy, made afresh
    python -m rnnviz.text.realtext [--shared DIR]      # rebuild rnnviz/data/ud/*.dev.tagged

The copies ``rnnviz/data/ud/zh.dev.tagged`` and ``en.dev.tagged`` are derived
from UD Chinese GSDSimp and UD English EWT, dev splits only (CC BY-SA 4.0; see
``rnnviz/data/ud/README.md`` and ``LICENSE``): the words as the treebank splits
them (an English multi-word token such as ``don't`` gives its syntactic words
``do`` ``n't``), each tagged with ``tagset.ud_tag`` (XPOS where it decides,
else UPOS), one sentence a line as in the built-in corpus (``corpus.read_tagged``
reads them). The test splits are for measuring only: ``derive`` refuses them.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from .. import data
from .conllu_data import CLI_LIMITS, read_corpus
from .corpus import read_tagged
from .tagset import TAGS

Sentence = tuple[tuple[str, str], ...]

LANGS = ("zh", "en")
DATA_DIR = data.UD
SOURCES = {"zh": "zh_gsdsimp-ud-dev.conllu", "en": "en_ewt-ud-dev.conllu"}
SHARED_UD = data.SHARED_UD
DEV_EVERY = 10          # split(): sentences 10, 20, 30, ... are dev
_TEST_FILE = re.compile(r"-test\.conllu?$", re.IGNORECASE)


def path(lang: str) -> Path:
    """The shipped copy of one language, e.g. ``.../data/ud/zh.dev.tagged``."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return DATA_DIR / f"{lang}.dev.tagged"


def derive(conllu_path: str | Path) -> list[list[tuple[str, str]]]:
    """The sentences of a UD CoNLL-U file in the 12 tags (``read_corpus(column="tagset")``).

    Raises ValueError for a ``*-test.conllu`` file: the test files are for measuring only.
    """
    if _TEST_FILE.search(Path(conllu_path).name):
        raise ValueError(f"{conllu_path}: a test file; the test files are for measuring "
                         f"only, never for training data")
    c = read_corpus(conllu_path, fmt="conllu", column="tagset", limits=CLI_LIMITS)
    return [list(s) for s in c.sentences]


def write_tagged(sentences: Iterable[Sequence[tuple[str, str]]], out: str | Path) -> int:
    """Write ``word/TAG`` tokens, one sentence a line (the built-in corpus format);
    returns the number of sentences. A word with white space, an empty word or a
    tag outside the 12 raises ValueError (the line could not be read back)."""
    lines = []
    for n, sent in enumerate(sentences, 1):
        tokens = []
        for word, tag in sent:
            if not word or any(ch.isspace() for ch in word):
                raise ValueError(f"sentence {n}: word {word!r} is empty or has white space")
            if tag not in TAGS:
                raise ValueError(f"sentence {n}: tag {tag!r} is not one of {', '.join(TAGS)}")
            tokens.append(f"{word}/{tag}")
        if not tokens:
            raise ValueError(f"sentence {n} is empty")
        lines.append(" ".join(tokens) + "\n")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    return len(lines)


def load(lang: str) -> tuple[Sentence, ...]:
    """The shipped copy of ``lang`` (zh or en), read with ``corpus.read_tagged``."""
    return _load(path(lang))


@cache
def _load(file: Path) -> tuple[Sentence, ...]:
    return tuple(tuple(s) for s in read_tagged(file))


def split(sentences: Sequence[Sequence[tuple[str, str]]]) -> tuple[tuple[Sentence, ...],
                                                                   tuple[Sentence, ...]]:
    """(train, dev): sentences 10, 20, 30, ... (every tenth) are dev, the rest train."""
    sentences = tuple(tuple(s) for s in sentences)
    dev = tuple(s for i, s in enumerate(sentences) if (i + 1) % DEV_EVERY == 0)
    train = tuple(s for i, s in enumerate(sentences) if (i + 1) % DEV_EVERY != 0)
    return train, dev


def source_dir(shared: str | Path | None = None) -> Path:
    """Where the dev treebanks are: ``shared`` itself, or ``shared/data/ud``
    (default: ``../shared/data/ud`` next to the repository)."""
    if shared is None:
        return SHARED_UD
    shared = Path(shared)
    nested = shared / "data" / "ud"
    return nested if not (shared / SOURCES["zh"]).exists() and nested.is_dir() else shared


def rebuild(shared: str | Path | None = None, out_dir: str | Path = DATA_DIR) -> dict:
    """Derive and write both copies; returns {lang: (sentences, tokens)}."""
    src = source_dir(shared)
    counts = {}
    for lang in LANGS:
        sentences = derive(src / SOURCES[lang])
        write_tagged(sentences, Path(out_dir) / f"{lang}.dev.tagged")
        counts[lang] = (len(sentences), sum(len(s) for s in sentences))
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m rnnviz.text.realtext",
        description="Rebuild rnnviz/data/ud/{zh,en}.dev.tagged from the UD dev treebanks "
                    "(UD Chinese GSDSimp, UD English EWT), tags mapped to the 12 tags "
                    "with tagset.ud_tag.")
    ap.add_argument("--shared", metavar="DIR",
                    help=f"the directory with {' and '.join(SOURCES.values())} (or a "
                         f"directory with data/ud/ holding them); default {SHARED_UD}")
    ap.add_argument("--out", metavar="DIR", default=str(DATA_DIR),
                    help="where to write (default: the shipped copies)")
    args = ap.parse_args(argv)
    try:
        counts = rebuild(args.shared, args.out)
    except (ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for lang, (n_sent, n_tok) in counts.items():
        print(f"{Path(args.out) / f'{lang}.dev.tagged'}: {n_sent:,} sentences, "
              f"{n_tok:,} tokens (from {SOURCES[lang]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
