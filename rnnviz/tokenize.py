"""Typed text -> tokens and lookup keys, for Chinese, English and a mix of both.

    tokenize("我吃苹果")            -> 我 / 吃 / 苹果
    tokenize("I don't like tea.")  -> I / do / n't / like / tea / .

Rules, in order:

1. Cut the text to ``MAX_CHARS`` (2,000) characters, so any input stays fast.
   Whitespace becomes a separator; control, format (zero-width, RTL marks),
   private-use, unassigned and lone-surrogate characters are dropped; NFC.
2. Split on whitespace. A piece that is a word of the built-in corpus stays whole.
3. Otherwise scan it: runs of Chinese characters; numbers (``3.5``, ``1,000``,
   ``10:30`` stay whole); words (letters and digits, inner hyphens and
   apostrophes, ``o'clock``); every other character alone (punctuation, quotes,
   brackets, emoji, ``<`` ``>``).
4. English clitics are split as in the Penn/UD treebanks and in the corpus:
   ``don't`` -> ``do n't``, ``Tom's`` -> ``Tom 's``, ``we're`` -> ``we 're``
   (``can't`` -> ``ca n't``, ``won't`` -> ``wo n't``).
5. A Chinese run is segmented by a private jieba instance that knows the corpus
   words; a jieba piece that is not a corpus word but splits into corpus words
   is split (``这个`` -> ``这 个``, ``一本书`` -> ``一 本 书``).
6. Keep the first ``MAX_TOKENS`` (50) tokens; ``truncated`` and ``message`` say so.

``normalize`` (NFKC + casefold, ’ -> ') gives the key the model vocabulary uses:
full-width ``ＡＢＣ？`` -> ``abc?``, ``Apples`` -> ``apples``. Display uses the
tokens as typed. ``tokenize`` never raises on any string.
"""
from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Container
from dataclasses import dataclass

MAX_CHARS = 2_000
MAX_TOKENS = 50
JIEBA_FREQ = 100_000   # jieba frequency given to corpus words, so that they stay whole

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f" \
         "\u0900-\u0903\u093a-\u094f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff" \
         "\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
_LETTER = rf"(?:(?![{_HAN}])[^\W\d_])"               # a letter that is not Chinese
_ALNUM = rf"(?:(?![{_HAN}])[^\W_]|[{_MARKS}])"        # ... or a digit or a mark
_PIECE = re.compile(rf"""
      (?P<clitic>(?i:n['’]t|['’](?:s|re|m|ll|ve|d))(?!{_ALNUM}))
    | (?P<han>[{_HAN}]+)
    | (?P<num>\d+(?:[.,:]\d+)*(?!{_LETTER}))
    | (?P<word>{_ALNUM}+(?:['’-]{_ALNUM}+)*)
    | (?P<other>\S)
""", re.VERBOSE)
_CLITIC_END = re.compile(r"(?i)(.+?)(n['’]t|['’](?:s|re|m|ll|ve|d))")


@dataclass(frozen=True)
class Tokenized:
    tokens: tuple[str, ...]      # as typed, for display
    keys: tuple[str, ...]        # normalize(token): the vocabulary lookup keys
    unknown: tuple[bool, ...]    # key not in `known` (all False when known is None)
    truncated: bool = False
    message: str | None = None   # for the user: empty input, text cut


def normalize(word: str) -> str:
    """The lookup key of a word: NFKC + casefold, curly apostrophes straight,
    whitespace and control characters dropped (``"ＡＰＰＬＥＳ"`` -> ``"apples"``)."""
    key = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", word).casefold())
    key = "".join(ch for ch in key.translate(_APOSTROPHES) if _is_visible(ch))
    return key or word.casefold()


def tokenize(text: str, known: Container[str] | None = None, *,
             max_tokens: int = MAX_TOKENS) -> Tokenized:
    """Split typed text into at most ``max_tokens`` tokens (see the module docstring)."""
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, got {max_tokens}")
    text = text if isinstance(text, str) else ""
    clean = _clean(text[:MAX_CHARS])
    tokens = [t for chunk in clean.split() for t in _split_chunk(chunk)]
    if not tokens:
        empty = "The text is empty." if not text.strip() else "The text has nothing to tag."
        return Tokenized((), (), (), message=f"{empty} Type a sentence, e.g. 我吃苹果 or I eat apples.")
    chars_cut = len(text) > MAX_CHARS
    message = None
    if len(tokens) > max_tokens:
        had = (f"the text had more than {MAX_CHARS:,} characters" if chars_cut
               else f"the sentence had {len(tokens)}")
        message = f"Only the first {max_tokens} tokens are used ({had})."
    elif chars_cut:
        message = f"Only the first {MAX_CHARS:,} characters are used (the text had {len(text):,})."
    tokens = tokens[:max_tokens]
    keys = tuple(normalize(t) for t in tokens)
    unknown = tuple(known is not None and k not in known for k in keys)
    return Tokenized(tuple(tokens), keys, unknown, truncated=message is not None, message=message)


def _is_visible(ch: str) -> bool:
    """Not whitespace and not a control/format/surrogate/private/unassigned character."""
    return not ch.isspace() and unicodedata.category(ch)[0] != "C"


def _clean(text: str) -> str:
    kept = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or _is_visible(ch))
    return unicodedata.normalize("NFC", kept)


def _split_chunk(chunk: str) -> list[str]:
    """One whitespace-separated piece -> tokens."""
    if normalize(chunk) in _corpus_keys():
        return [chunk]
    tokens: list[str] = []
    for m in _PIECE.finditer(chunk):
        piece = m.group()
        if m.lastgroup == "han":
            tokens += _segment_han(piece)
        elif m.lastgroup == "word":
            tokens += _split_clitic(piece)
        else:
            tokens.append(piece)
    return tokens


def _split_clitic(word: str) -> list[str]:
    m = _CLITIC_END.fullmatch(word)
    return [m.group(1), m.group(2)] if m else [word]


def _segment_han(run: str) -> list[str]:
    """A run of Chinese characters -> words: jieba, then split into corpus words."""
    keys = _corpus_keys()
    if run in keys:
        return [run]
    return [w for piece in _jieba().cut(run) for w in _split_known(piece, keys)]


def _split_known(piece: str, keys: frozenset[str]) -> list[str]:
    """``piece`` as the fewest corpus words, or ``[piece]`` when it has no such split."""
    if piece in keys or len(piece) > 40:
        return [piece]
    longest = min(len(piece), 8)
    best: list[list[str] | None] = [[]] + [None] * len(piece)   # best[i]: split of piece[:i]
    for end in range(1, len(piece) + 1):
        for start in range(max(0, end - longest), end):
            head, word = best[start], piece[start:end]
            if head is not None and word in keys and (
                    best[end] is None or len(head) + 1 < len(best[end])):
                best[end] = head + [word]
    return best[-1] or [piece]


_jieba_lock = threading.Lock()


def _jieba():
    """The private jieba tokenizer, built once (thread-safe) with the corpus words."""
    with _jieba_lock:
        return _build_jieba()


@functools.cache
def _build_jieba():
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    for word in _corpus_keys():
        if re.fullmatch(f"[{_HAN}]+", word):
            segmenter.add_word(word, freq=JIEBA_FREQ)
    return segmenter



@functools.cache
def _corpus_keys() -> frozenset[str]:
    """The normalized words of the built-in corpus (both languages, all splits)."""
    from rnnviz.corpus import SPLITS, load
    return frozenset(normalize(w) for split in SPLITS for s in load(None, split) for w, _ in s)
