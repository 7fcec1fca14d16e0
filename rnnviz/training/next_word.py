"""Typed text -> a language model's next words, and text it generates.

    next_words(m, "我 吃")                       # the top candidates after 吃, with o_t
    generate_text(m, "我", 10, temperature=0.8, seed=1)

The text is tokenized as for the tagger (``text.tokenize``); the model reads
``<s>`` and then the words (an unknown word switches on its class column), and
o_T after the last word is the distribution of the next word. The candidates and
the samples never include ``<unk>`` (``nn.lm.banned``). Empty text is the start
of a sentence: o_1 after ``<s>``. One seed drives the sampling
(``numpy.random.default_rng(seed)``): the same model, text, settings and seed give
the same words on the same machine.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..messages import Catalog, CodedError
from ..nn.forward import forward
from ..nn.lm import BOS, banned, generate
from ..nn.model import RNN
from ..text.tokenize import MAX_TOKENS, Tokenized, tokenize
from ..text.unknown import lookup

MAX_NEW = 200          # generate at most this many words at once

MESSAGES = Catalog({
    "next.no_words": "no words in the text",
    "next.k": "the number of candidates must be at least 1, got {k}",
    "next.n": "the number of words must be 0..{max}, got {n}",
})


class NextWordError(CodedError):
    """Text or a setting the language model cannot read (a coded ValueError)."""
    catalog = MESSAGES


@dataclass(frozen=True, eq=False)
class Prompt:
    """Typed text as the language model reads it."""
    tokenized: Tokenized | None      # None for empty text: the start of a sentence
    x: np.ndarray                    # (T + 1,) input ids: <s>, then the words

    @property
    def tokens(self) -> tuple[str, ...]:
        return () if self.tokenized is None else self.tokenized.tokens


def read_prompt(m: RNN, text: str, *, max_tokens: int = MAX_TOKENS) -> Prompt:
    """``<s>`` and the ids of ``text``'s tokens; ``NextWordError`` (the tokenizer's note)
    if the text has characters but no token (e.g. only control characters)."""
    bos = np.array([m.word_index[BOS]], np.intp)
    if not text.strip():
        return Prompt(None, bos)
    tok = tokenize(text, m.word_index, max_tokens=max_tokens)
    if not tok.tokens:
        raise NextWordError(tok.note or MESSAGES("next.no_words"))
    return Prompt(tok, np.concatenate([bos, lookup(m.word_index, tok.keys)]))


@dataclass(frozen=True)
class NextWords:
    prompt: Prompt
    candidates: tuple[tuple[str, float], ...]   # (word, o_T[word]), most likely first
    unk: float                                   # o_T[<unk>]: some word outside the vocabulary
    end: float                                   # o_T[</s>]


def next_words(m: RNN, text: str, k: int = 5) -> NextWords:
    """The ``k`` most likely next words after ``text`` with their probabilities o_T
    (``</s>`` can be one of them; ``<unk>`` never: its probability is ``unk``)."""
    if k < 1:
        raise NextWordError("next.k", k=k)
    prompt = read_prompt(m, text)
    o = forward(m, prompt.x[None, :]).o[-1, 0]               # o_T (K,)
    allowed = np.flatnonzero(~banned(m))
    best = allowed[np.argsort(-o[allowed], kind="stable")[:k]]
    return NextWords(prompt, tuple((m.tags[i], float(o[i])) for i in best),
                     float(o[0]), float(o[1]))


@dataclass(frozen=True)
class Generated:
    prompt: Prompt
    words: tuple[str, ...]       # the sampled words (</s> not included)
    ended: bool                  # True when </s> stopped it
    seed: int
    temperature: float
    top_k: int | None


def generate_text(m: RNN, text: str, n: int = 10, *, temperature: float = 1.0,
                  top_k: int | None = None, seed: int = 0) -> Generated:
    """Up to ``n`` words sampled after ``text`` (``nn.lm.generate``), stopping at ``</s>``;
    temperature 0 is greedy (the most likely word each time)."""
    if not 0 <= n <= MAX_NEW:
        raise NextWordError("next.n", max=MAX_NEW, n=n)
    prompt = read_prompt(m, text)
    ids, ended = generate(m, prompt.x, n, np.random.default_rng(seed),
                          temperature=temperature, top_k=top_k)
    return Generated(prompt, tuple(m.tags[i] for i in ids), ended, seed, temperature, top_k)
