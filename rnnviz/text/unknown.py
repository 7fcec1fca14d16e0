"""Unknown words: which column of U an out-of-vocabulary word switches on.

x_t stays one-hot, as in the tutorial: a word of the vocabulary switches on its
own column of U. A word outside it switches on one *unknown-word class* column,
chosen from what the word looks like, instead of the single ``<unk>``:

    榴莲      jieba's dictionary calls it n (noun)   -> <unk:zh-n>
    冲浪板     not in jieba's dictionary; ends in 板 (n) -> <unk:zh…n>
    recurrent  ends in -ent                           -> <unk:-ent>
    2026       digits                                 -> <unk:num>

The classes are entries of the model's vocabulary like any word (so U has a
column for each and every picture can name it); a class the model lacks falls
back to the next, more general one, and finally to ``<unk>`` (id 0). A model
saved before these classes existed has none of them, so every unknown word is
``<unk>`` for it, as before. Training teaches the class columns by word
dropout: a dropped word becomes its class (``replacement_ids``), not ``<unk>``.

jieba's dictionary (349,046 words with ICTCLAS part-of-speech flags, shipped
with jieba; loaded once with the tokenizer's, ``jieba_dictionary.jieba_flags``) gives
the Chinese classes.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Mapping, Sequence

import numpy as np

from .jieba_dictionary import jieba_flags

UNK = "<unk>"
PREFIX = "<unk:"
BOS = "<s>"     # a language model's first input (nn/lm.py): no word, never dropped

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_ZH_NUMERAL = set("零〇一二三四五六七八九十百千万亿两几半")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,:/]\d+)*%?")
# jieba's ICTCLAS flags -> the class name (a few flags share one class)
_ZH_CLASS = {
    "n": "n", "ng": "n", "s": "n", "j": "n", "nz": "nz", "nr": "nr", "nrt": "nr",
    "nrfg": "nr", "ns": "ns", "nt": "nt", "t": "t", "tg": "t", "r": "r", "rr": "r",
    "rz": "r", "rg": "r", "v": "v", "vg": "v", "vd": "v", "vi": "v", "vq": "v",
    "vn": "vn", "a": "a", "ag": "a", "an": "a", "ad": "ad", "b": "b", "z": "z",
    "d": "d", "dg": "d", "df": "d", "m": "m", "mq": "m", "mg": "m", "q": "q", "p": "p",
    "f": "f", "c": "c", "u": "u", "ul": "u", "uj": "u", "uz": "u", "ug": "u", "uv": "u",
    "ud": "u", "y": "y", "e": "e", "o": "o", "i": "i", "l": "l", "g": "g", "zg": "g",
    "k": "k", "h": "h", "x": "x",
}
# English endings that tell a part of speech, longest first where they overlap.
SUFFIXES = tuple(sorted((
    "ing", "ed", "ly", "s", "es", "ies", "er", "ers", "est", "tion", "tions", "sion",
    "ment", "ments", "ness", "ity", "ities", "al", "ial", "ic", "ical", "ous", "ious",
    "ive", "able", "ible", "ful", "less", "ize", "ise", "ized", "ism", "ist", "ists",
    "ian", "ent", "ant", "ence", "ance", "ary", "ory", "ship", "hood", "y", "en", "ate",
    "ify", "age", "ure", "or", "ors", "logy", "ward", "wise",
), key=len, reverse=True))


def is_class(entry: str) -> bool:
    """True for ``<unk>`` and the unknown-word classes."""
    return entry == UNK or entry.startswith(PREFIX)


@functools.lru_cache(maxsize=1 << 16)
def classes(key: str) -> tuple[str, ...]:
    """The classes of an unknown word's normalised key, most specific first
    (``<unk>`` itself is not listed: it is the last resort of every lookup)."""
    if not key:
        return ()
    if _NUMBER.fullmatch(key) or (all(ch in _ZH_NUMERAL for ch in key) and _HAN.search(key)):
        return ("<unk:num>",)
    if all(unicodedata.category(ch)[0] in "PS" for ch in key):
        return ("<unk:punct>",)
    if _HAN.search(key):
        flags = jieba_flags()
        whole, last = flags.get(key), flags.get(key[-1])
        out = []
        if whole:
            out.append(f"<unk:zh-{_ZH_CLASS.get(whole, 'x')}>")
        if last:
            out.append(f"<unk:zh…{_ZH_CLASS.get(last, 'x')}>")
        return (*out, "<unk:zh>")
    if any(ch.isdigit() for ch in key):
        return ("<unk:digits>",)
    if key.isascii() and any(ch.isalpha() for ch in key):
        word = key.rsplit("-", 1)[-1]
        out = [f"<unk:-{s}>" for s in SUFFIXES if word.endswith(s) and len(word) > len(s) + 2][:1]
        if "-" in key.strip("-"):
            out.append("<unk:hyphen>")
        return (*out, "<unk:en>")
    return ()


def lookup(index: Mapping[str, int], keys: Sequence[str]) -> np.ndarray:
    """Word ids for normalised keys: the word's own column, else its most
    specific class the vocabulary has, else 0 (``<unk>``)."""
    return np.fromiter((_id(index, k) for k in keys), dtype=np.intp, count=len(keys))


def _id(index: Mapping[str, int], key: str) -> int:
    i = index.get(key)
    if i is not None:
        return i
    return next((index[c] for c in classes(key) if c in index), 0)


def replacement_ids(vocab: Sequence[str]) -> np.ndarray:
    """For word dropout: the id each vocabulary entry becomes when it is dropped
    (its most specific class in ``vocab``, or 0). Classes and ``<s>`` map to themselves."""
    index = {w: i for i, w in enumerate(vocab)}
    return np.array([i if is_class(w) or w == BOS else
                     next((index[c] for c in classes(w) if c in index), 0)
                     for i, w in enumerate(vocab)], dtype=np.intp)


def class_counts(keys: Iterable[str] | Mapping[str, int]) -> dict[str, int]:
    """How often each class would stand for one of ``keys`` (e.g. a training set's);
    a mapping counts each key as often as its value says."""
    weighted = keys.items() if isinstance(keys, Mapping) else ((k, 1) for k in keys)
    counts: dict[str, int] = {}
    for key, n in weighted:
        for c in classes(key):
            counts[c] = counts.get(c, 0) + n
    return counts

