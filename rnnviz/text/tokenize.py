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
5. A Chinese run is cut where jieba cuts the piece (its default dictionary, HMM
   on: the words of ``jieba.lcut``; a piece only the HMM guessed, not a word of
   the dictionary, is split into dictionary words: ``他来`` -> 他 来), so a word
   of jieba's dictionary (大学, 打开,
   听说, 三十) stays whole. Neighbouring jieba words that make a corpus word are
   joined. Then only the tagset's conventions split a jieba word, by the rules
   and tables of ``zh_conventions``: number + measure word (``三十个`` ->
   ``三十 个``, ``一本书`` -> ``一 本 书``), aspect 了/过/着 (``看过`` -> ``看 过``),
   的/地/得 (``我的`` -> ``我 的``) and postpositions (``桌子上`` -> ``桌子 上``).
6. Keep the first ``MAX_TOKENS`` (50) tokens; ``truncated`` and ``note`` say so.

``note`` is a ``rnnviz.messages.Message`` (a code of ``MESSAGES`` and its numbers)
for the interface to say in its language; ``message`` is its English.

``normalize`` (NFKC + casefold, ’ -> ') gives the key the model vocabulary uses:
full-width ``ＡＢＣ？`` -> ``abc?``, ``Apples`` -> ``apples``. Display uses the
tokens as typed. ``tokenize`` never raises on any string.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass

from ..messages import Catalog, Message
from . import corpus
from .jieba_dictionary import dictionary
from .normalize import is_visible, normalize
from .zh_conventions import split_word

MAX_CHARS = 2_000
MAX_TOKENS = 50

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f" \
         "\u0900-\u0903\u093a-\u094f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff" \
         "\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
_LETTER = rf"(?:(?![{_HAN}])[^\W\d_])"               # a letter that is not Chinese
_ALNUM = rf"(?:(?![{_HAN}])[^\W_]|[{_MARKS}])"        # ... or a digit or a mark
_PIECE = re.compile(rf"""
      (?P<clitic>(?i:n['’]t|['’](?:s|re|m|ll|ve|d))(?!{_ALNUM}))
    | (?P<han>[{_HAN}]+)
    | (?P<num>\d+(?:[.,:]\d+)+|\d++(?!{_LETTER}))
    | (?P<word>{_ALNUM}+(?:['’-]{_ALNUM}+)*)
    | (?P<other>\S)
""", re.VERBOSE)
_CLITIC_END = re.compile(r"(?i)(.+?)(n['’]t|['’](?:s|re|m|ll|ve|d))")

MESSAGES = Catalog({        # what tokenize says about the text (Tokenized.note)
    "tokenize.empty": "The text is empty. Type a sentence, e.g. 我吃苹果 or I eat apples.",
    "tokenize.nothing": "The text has nothing to tag. Type a sentence, e.g. 我吃苹果 "
                        "or I eat apples.",
    "tokenize.tokens": "Only the first {n} tokens are used (the sentence had {had}).",
    "tokenize.tokens_chars": "Only the first {n} tokens are used (the text had more than "
                             "{chars:,} characters).",
    "tokenize.chars": "Only the first {chars:,} characters are used (the text had {had:,}).",
})


@dataclass(frozen=True)
class Tokenized:
    tokens: tuple[str, ...]      # as typed, for display
    keys: tuple[str, ...]        # normalize(token): the vocabulary lookup keys
    unknown: tuple[bool, ...]    # key not in `known` (all False when known is None)
    truncated: bool = False
    note: Message | None = None  # for the user: empty input, text cut (MESSAGES)

    @property
    def message(self) -> str | None:
        """The note in English (the CLI prints it)."""
        return None if self.note is None else str(self.note)


def tokenize(text: str, known: Container[str] | None = None, *,
             max_tokens: int = MAX_TOKENS) -> Tokenized:
    """Split typed text into at most ``max_tokens`` tokens (see the module docstring)."""
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, got {max_tokens}")
    text = text if isinstance(text, str) else ""
    clean = _clean(text[:MAX_CHARS])
    tokens = [t for chunk in clean.split() for t in _split_chunk(chunk)]
    if not tokens:
        return Tokenized((), (), (), note=MESSAGES(
            "tokenize.empty" if not text.strip() else "tokenize.nothing"))
    chars_cut = len(text) > MAX_CHARS
    note = None
    if len(tokens) > max_tokens:
        note = (MESSAGES("tokenize.tokens_chars", n=max_tokens, chars=MAX_CHARS) if chars_cut
                else MESSAGES("tokenize.tokens", n=max_tokens, had=len(tokens)))
    elif chars_cut:
        note = MESSAGES("tokenize.chars", chars=MAX_CHARS, had=len(text))
    tokens = tokens[:max_tokens]
    keys = tuple(normalize(t) for t in tokens)
    unknown = tuple(known is not None and k not in known for k in keys)
    return Tokenized(tuple(tokens), keys, unknown, truncated=note is not None, note=note)


def _clean(text: str) -> str:
    kept = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or is_visible(ch))
    return unicodedata.normalize("NFC", kept)


def _split_chunk(chunk: str) -> list[str]:
    """One whitespace-separated piece -> tokens."""
    if normalize(chunk) in corpus.words():
        return [chunk]
    tokens: list[str] = []
    cuts: frozenset[int] | None = None
    for m in _PIECE.finditer(chunk):
        piece = m.group()
        if m.lastgroup == "han":
            if cuts is None:        # jieba sees the whole piece, as jieba.lcut(text) does
                cuts = _jieba_cuts(chunk)
            ends = [i - m.start() for i in range(m.start() + 1, m.end()) if i in cuts]
            pieces = [piece[a:b] for a, b in zip([0, *ends], [*ends, len(piece)])]
            tokens += _segment_han(piece, pieces, tokens[-1] if tokens else "")
        elif m.lastgroup == "word":
            tokens += _split_clitic(piece)
        else:
            tokens.append(piece)
    return tokens


def _split_clitic(word: str) -> list[str]:
    m = _CLITIC_END.fullmatch(word)
    return [m.group(1), m.group(2)] if m else [word]


def _jieba_cuts(text: str) -> frozenset[int]:
    """Where jieba (default dictionary, HMM on) cuts ``text``: the ends of its words."""
    ends, i = [], 0
    for word in dictionary().segmenter.cut(text):
        i += len(word)
        ends.append(i)
    return frozenset(ends)


def _segment_han(run: str, pieces: list[str], before: str = "") -> list[str]:
    """A run of Chinese characters, cut where jieba cuts it (``pieces``; ``before``
    is the token before the run) -> words: neighbouring pieces that make a corpus
    word joined, then pieces split only by the tagset's conventions (``zh_conventions``)."""
    if run in corpus.words():
        return [run]
    words: list[str] = []
    for piece in _join_corpus_words(pieces):
        for part in _split_guess(piece):
            words += split_word(part, words[-1] if words else before)
    return words


def _split_guess(piece: str) -> list[str]:
    """A piece jieba's HMM guessed (not a word of its dictionary nor of the corpus:
    我听说 ``他来`` 了) as the fewest dictionary or corpus words, when it splits into
    them entirely; otherwise whole. A word of jieba's dictionary is never split here."""
    d = dictionary()
    if len(piece) < 2 or len(piece) > 8 or d.word(piece):
        return [piece]
    best: list[list[str] | None] = [[]] + [None] * len(piece)    # best[i]: split of piece[:i]
    for end in range(1, len(piece) + 1):
        for start in range(max(0, end - 4), end):
            head, word = best[start], piece[start:end]
            if head is not None and d.word(word) and (
                    best[end] is None or len(head) + 1 < len(best[end])):
                best[end] = head + [word]
    return best[-1] or [piece]


def _join_corpus_words(pieces: list[str]) -> list[str]:
    """Join neighbouring jieba pieces that together make a corpus word
    (jieba ``有点 儿`` -> ``有点儿``). Joining never splits a jieba word."""
    keys, out, i = corpus.words(), [], 0
    while i < len(pieces):
        for n in range(min(4, len(pieces) - i), 1, -1):
            joined = "".join(pieces[i:i + n])
            if len(joined) <= 8 and joined in keys:
                out.append(joined)
                i += n
                break
        else:
            out.append(pieces[i])
            i += 1
    return out

