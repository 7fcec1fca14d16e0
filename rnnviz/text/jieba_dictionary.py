"""jieba's default dictionary, loaded once per process and shared by the text layer.

It holds the segmenter that ``tokenize`` cuts Chinese with (a private
``jieba.Tokenizer``: the same words as ``jieba.lcut``), the part of speech
(ICTCLAS flag) of each of its words, which the conventions (``zh_conventions``)
and the unknown-word classes (``unknown``) read, and the nouns of the built-in
corpus. Loading takes about 2 s and 100 MB, so it happens at the first Chinese
text, under a lock, never at import; this is the only module that imports jieba.
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

from . import corpus


@dataclass(frozen=True)
class Dictionary:
    segmenter: object              # a private jieba.Tokenizer, default dictionary
    tags: dict[str, str]           # jieba's part of speech (ICTCLAS flag) of every word
    nouns: frozenset[str]          # the Chinese words the built-in corpus tags nn (家 is q in jieba)

    def known(self, word: str) -> bool:
        """A word of jieba's dictionary (not only a prefix of one)."""
        return self.segmenter.FREQ.get(word, 0) > 0

    def word(self, word: str) -> bool:
        """A word of jieba's dictionary or of the built-in corpus."""
        return self.known(word) or word in corpus.words()

    def noun(self, word: str) -> bool:
        return self.tags.get(word) in ("n", "ng") or word in self.nouns

    def descriptive(self, word: str) -> bool:
        """An adjective, adverb or descriptive word (a*, d*, z)."""
        return self.tags.get(word, "")[:1] in ("a", "d", "z")


_dictionary_lock = threading.Lock()


def dictionary() -> Dictionary:
    """jieba (default dictionary: the same words as ``jieba.lcut``) and the part of
    speech of its words, loaded once (thread-safe): about 2 s and 100 MB."""
    with _dictionary_lock:
        return _load()


@functools.cache
def _load() -> Dictionary:
    import logging
    import sys

    import jieba
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    tags: dict[str, str] = {}          # every word's flag: unknown.py reads them too
    with segmenter.get_dict_file() as f:
        for line in f.read().decode("utf-8").splitlines():
            word, _freq, tag = (line.split(" ") + ["", ""])[:3]
            if tag:
                tags[word] = sys.intern(tag)
    nouns = frozenset(w for split in corpus.SPLITS for s in corpus.load("zh", split)
                      for w, t in s if t == "nn")
    return Dictionary(segmenter, tags, nouns)


def jieba_flags() -> dict[str, str]:
    """word -> jieba's part-of-speech flag (ICTCLAS), for every word of its dictionary."""
    return dictionary().tags
