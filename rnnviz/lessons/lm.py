"""What the language-model page computes about one sentence.

The sentence w_1 … w_T is read as the language model reads it (``nn.lm``): the
inputs ``<s> w_1 … w_T`` and the targets ``w_1 … w_T </s>``, T + 1 steps:

    step t    x_t = <s> (t = 1) or w_{t-1}      o_t predicts w_t (</s> at t = T + 1)
    L_t = -log o_t[w_t]

``read`` traces it (every vector the unrolled graph and the formula show);
``top`` gives the outputs the bars show at step t (the best ones that generation may
emit, ``</s>`` included, ``<unk>`` only as the actual next word); ``rows`` the rows of
V and o the formula shows; ``far_example`` the page's example where a word far back
decides the next word, judged by the shipped model itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..nn.forward import Trace, trace
from ..nn.lm import BOS, EOS, EOS_ID, banned
from ..nn.model import RNN
from ..text.tokenize import Tokenized, normalize, tokenize
from ..text.unknown import lookup
from ..training.next_word import MESSAGES as NEXT_MESSAGES
from ..training.next_word import NextWordError

TOP = 10            # bars at step t
FORMULA_TOP = 9     # top candidates in the formula, besides the actual next word
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def language_of(text: str) -> str:
    """Which shipped language model reads ``text``: "zh" if it has a Chinese character."""
    return "zh" if _HAN.search(text or "") else "en"


@dataclass(frozen=True, eq=False)
class Reading:
    """One sentence through a language model, step by step."""
    tokenized: Tokenized
    trace: Trace             # T + 1 steps; tokens ("<s>", w_1 … w_T)
    y: np.ndarray            # (T + 1,) output ids of the actual next words (0 = <unk>)

    @property
    def model(self) -> RNN:
        return self.trace.model

    @property
    def T(self) -> int:
        """Steps: the words and the step after the last one."""
        return self.trace.T

    @property
    def words(self) -> tuple[str, ...]:
        return self.tokenized.tokens

    def next_word(self, t: int) -> str:
        """The actual next word at step t as typed (</s> after the last)."""
        return self.words[t - 1] if t <= len(self.words) else EOS

    def p_next(self, t: int) -> float:
        """o_t of the actual next word."""
        return float(self.trace.o[t - 1, self.y[t - 1]])

    @property
    def unknown(self) -> tuple[bool, ...]:
        """(T + 1,) whether x_t is an unknown word (never <s>)."""
        return (False, *self.tokenized.unknown)


def read(m: RNN, text: str) -> Reading:
    """``text`` through the language model ``m``; ``NextWordError`` if it has no word."""
    tok = tokenize(text, m.word_index)
    if not tok.tokens:
        raise NextWordError(tok.note or NEXT_MESSAGES("next.no_words"))
    x = np.concatenate([[m.word_index[BOS]], lookup(m.word_index, tok.keys)])
    out = m.tag_index
    y = np.array([out.get(normalize(w), 0) for w in tok.tokens] + [EOS_ID], np.intp)
    return Reading(tok, trace(m, x, (BOS, *tok.tokens)), y)


def top(m: RNN, o: np.ndarray, k: int = TOP) -> np.ndarray:
    """The ``k`` outputs with the largest o_t that generation may emit, best first."""
    allowed = np.flatnonzero(~banned(m))
    return allowed[np.argsort(-o[allowed], kind="stable")[:k]]


def rank(o: np.ndarray, k: int) -> int:
    """The place of output ``k`` among every output by o_t (1 = the most likely)."""
    return int(np.sum(o > o[k])) + 1


def rows(rd: Reading, t: int, n: int = FORMULA_TOP) -> np.ndarray:
    """The rows of V and o the formula shows at step t: the actual next word, then the
    ``n`` most likely other outputs."""
    target = int(rd.y[t - 1])
    best = [int(k) for k in top(rd.model, rd.trace.o[t - 1], n + 1) if k != target][:n]
    return np.array([target, *best], np.intp)


# --------------------------------------------------------------------------- far back

@dataclass(frozen=True)
class FarPair:
    """Two sentences that differ in their first word only; that word decides the next."""
    a: str              # e.g. a question: "?" should follow
    b: str              # the same words as a statement: "." should follow
    word_a: str         # what should follow a
    word_b: str         # what should follow b


# a question word first, the same words after it: only the first word says "?"
FAR_PAIRS = {
    "en": FarPair("did you see the big dog in the park", "you saw the big dog in the park",
                  "?", "."),
    "zh": FarPair("谁 在 公园 里 吃 苹果", "我 在 公园 里 吃 苹果", "?", "。"),
}


MIN_SHIFT = 0.05    # a change of probability the example counts as the model noticing


@dataclass(frozen=True)
class FarVerdict:
    pair: FarPair
    distance: int               # words from the deciding word to the predicted one
    p: dict                     # (sentence "a"|"b", word "a"|"b") -> o_T of that word
    best: dict                  # "a"|"b" -> the most likely next word after that sentence
    code: str                   # "right"; "leans": moves the right way by MIN_SHIFT or
                                # more, not enough to change the best word; "blind"


def far_example(m: RNN, pair: FarPair) -> FarVerdict:
    """What ``m`` predicts after each sentence of ``pair``, and whether the far word
    changes it the right way."""
    p, best = {}, {}
    for side, sentence in (("a", pair.a), ("b", pair.b)):
        rd = read(m, sentence)
        o = rd.trace.o[-1]
        best[side] = m.tags[int(top(m, o, 1)[0])]
        for w_side, w in (("a", pair.word_a), ("b", pair.word_b)):
            p[(side, w_side)] = float(o[m.tag_index.get(normalize(w), 0)])
    if best == {"a": normalize(pair.word_a), "b": normalize(pair.word_b)}:
        code = "right"
    elif min(p[("a", "a")] - p[("b", "a")], p[("b", "b")] - p[("a", "b")]) > -MIN_SHIFT and \
            max(p[("a", "a")] - p[("b", "a")], p[("b", "b")] - p[("a", "b")]) >= MIN_SHIFT:
        code = "leans"
    else:
        code = "blind"
    return FarVerdict(pair, len(pair.a.split()), p, best, code)
