"""Ready-made sentences where the words before a word decide its tag.

Each example names one word (``word``, 1-based), the tag it should get
(``tag``, by the corpus grammar: ``rnnviz/data/corpus/README.md``), the
earlier word that tells (``cue``) and a word to put in its place that tells
otherwise (``swap``, for the page's edit-one-word view). On every example
the shipped RNN tags the word right, the shipped feed-forward tagger (W = 0)
tags it wrong, and the RNN changes its tag once the cue is swapped, which
``check`` measures and ``tests/test_why_page.py`` enforces:

- ``zh`` / ``en``: a context-dependent word (``corpus.ambiguous``) in the
  context where it takes the tag the feed-forward tagger does not give it
  (that tagger gives a word the same tag in every sentence);
- ``unk``: a word outside the vocabulary. It switches on the column of its
  unknown-word class (``unknown.py``: ``<unk:zh-n>``, ``<unk:-ing>``…,
  ``<unk>`` when nothing fits), so the feed-forward tagger gives every word
  of a class the same tag, the one the class alone suggests. These are
  unknown words whose class suggests the wrong tag (潜水, a noun in jieba's
  dictionary, used as a verb; earring, a noun ending in -ing like a verb),
  where the words before tell the right one.

The examples were found by trying sentences of the built-in corpus and
unknown words after telling words on the shipped models, keeping short ones
where ``check`` holds; retraining the shipped models means searching again.

Pure data and NumPy: no streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nn.model import RNN
from ..training.tagger import tag_text


@dataclass(frozen=True)
class Example:
    text: str       # tokens separated by spaces, as the tokenizer splits them
    group: str      # "zh", "en" or "unk"
    word: int       # 1-based position of the word whose tag the context decides
    tag: str        # its tag in this context
    cue: int        # 1-based position of the earlier word that tells
    swap: str       # a word to put in place of the cue that changes the word's tag

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def swapped(self) -> str:
        """The sentence with the cue replaced by ``swap``."""
        tokens = list(self.tokens)
        tokens[self.cue - 1] = self.swap
        return " ".join(tokens)


GROUPS = ("zh", "en", "unk")
EXAMPLES: tuple[Example, ...] = (
    Example("他 的 学习 很 好", "zh", 3, "nn", 2, "常常"),      # 的 _: a noun
    Example("他 不 在 家", "zh", 3, "v", 2, "今天"),            # 不 在: the verb "be at"
    Example("你 说 得 对", "zh", 4, "adj", 3, "他"),            # 得 对: "right"
    Example("我 想 要 一 杯 茶", "zh", 3, "v", 2, "明天"),      # 想 要: "want", not the modal
    Example("我们 一起 过 春节", "zh", 3, "v", 2, "去"),        # adverb 过: "celebrate"
    Example("I want to walk", "en", 4, "v", 3, "a"),            # to _: a verb
    Example("My watch is new", "en", 2, "nn", 1, "I"),          # my _: a noun
    Example("I like the play", "en", 4, "nn", 3, "to"),         # the _: a noun
    Example("I can fish", "en", 3, "v", 2, "eat"),              # can _: a verb
    Example("I can walk", "en", 3, "v", 2, "the"),              # can _: a verb
    Example("他 常常 微笑", "unk", 3, "v", 2, "的"),            # <unk:zh-vn>: 常常 _, a verb
    Example("我们 一起 潜水", "unk", 3, "v", 2, "的"),          # <unk:zh-n>: 一起 _, a verb
    Example("She is very sleepy", "unk", 4, "adj", 3, "the"),   # <unk:-y>: very _, an adjective
    Example("Where is my earring", "unk", 4, "nn", 3, "she"),   # <unk:-ing>: my _, a noun
    Example("I like my ceiling", "unk", 4, "nn", 3, "to"),      # <unk:-ing>: my _, a noun
)


@dataclass(frozen=True)
class Verdict:
    """What both taggers say about an example's word."""
    example: Example
    rnn_tag: str
    rnn_p: float            # RNN's probability of the intended tag
    ff_tag: str
    ff_p: float             # feed-forward's probability of the intended tag
    unknown: bool           # the word is outside the RNN's vocabulary
    swap_tag: str           # the RNN's tag of the word once the cue is swapped

    @property
    def holds(self) -> bool:
        """The page's claim: the RNN is right, the feed-forward tagger wrong, and
        swapping the cue changes the RNN's tag."""
        return self.rnn_tag == self.example.tag != self.ff_tag and \
            self.swap_tag != self.example.tag


def check(ex: Example, rnn: RNN, feedforward: RNN) -> Verdict:
    """Tag ``ex`` with both models and compare them with the intended tag."""
    a, b = tag_text(rnn, ex.text), tag_text(feedforward, ex.text)
    if a.tokens != ex.tokens:
        raise ValueError(f"{ex.text!r} tokenizes as {' '.join(a.tokens)!r}")
    i = ex.word - 1
    return Verdict(ex, a.tags[i], float(a.trace.o[i, rnn.tag_index[ex.tag]]),
                   b.tags[i], float(b.trace.o[i, feedforward.tag_index[ex.tag]]),
                   a.unknown[i], tag_text(rnn, ex.swapped).tags[i])
