"""The lookup key of a word: the one spelling the vocabulary, the corpus and the
unknown-word classes agree on (``"ＡＰＰＬＥＳ"`` -> ``"apples"``)."""
from __future__ import annotations

import functools
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@functools.lru_cache(maxsize=1 << 16)
def normalize(word: str) -> str:
    """The lookup key of a word: NFKC + casefold, curly apostrophes straight,
    whitespace and control characters dropped (``"ＡＰＰＬＥＳ"`` -> ``"apples"``).
    Cached: corpora repeat their words, and tests and pages normalise the same ones."""
    key = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", word).casefold())
    key = key.translate(_APOSTROPHES)
    if not key.isprintable() or " " in key:   # printable and no space: all visible
        key = "".join(ch for ch in key if is_visible(ch))
    return key or word.casefold()


def is_visible(ch: str) -> bool:
    """Not whitespace and not a control/format/surrogate/private/unassigned character."""
    return not ch.isspace() and unicodedata.category(ch)[0] != "C"
