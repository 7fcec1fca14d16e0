"""The everyday test set (bench/everyday/*.tagged, issue 16) loads and keeps its rules.

The set measures the shipped tagger on sentences people type; it is never used for
training. See bench/everyday/README.md.
"""
from pathlib import Path

import pytest

from rnnviz.text.corpus import SPLITS, load
from rnnviz.text.tagset import TAGS
from rnnviz.text.tokenize import normalize

EVERYDAY = Path(__file__).resolve().parents[1] / "bench" / "everyday"
LANGS = ("zh", "en")
FINAL = {"zh": "。？！", "en": ".?!"}


def _read(lang: str) -> list[list[tuple[str, str]]]:
    """Parse the file strictly: one sentence a line, single spaces, word/TAG."""
    text = (EVERYDAY / f"{lang}.tagged").read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.startswith("\ufeff")
    sentences = []
    for n, line in enumerate(text.splitlines(), 1):
        assert line and line == line.strip() and "  " not in line, f"{lang} line {n}: {line!r}"
        sentence = []
        for token in line.split(" "):
            word, sep, tag = token.rpartition("/")
            assert sep and word and tag, f"{lang} line {n}: bad token {token!r}"
            assert tag in TAGS, f"{lang} line {n}: {token!r}: tag {tag!r} is not one of {TAGS}"
            sentence.append((word, tag))
        sentences.append(sentence)
    return sentences


@pytest.mark.parametrize("lang", LANGS)
def test_every_line_parses_with_the_12_tags(lang):
    sentences = _read(lang)
    assert 90 <= len(sentences) <= 120
    for s in sentences:
        assert 3 <= len(s) <= 15, s
        for word, tag in s:
            assert (tag == "pu") == all(not ch.isalnum() for ch in word), (word, tag)


@pytest.mark.parametrize("lang", LANGS)
def test_half_the_sentences_end_without_punctuation(lang):
    sentences = _read(lang)
    bare = [s for s in sentences if s[-1][1] != "pu"]
    ended = [s for s in sentences if s[-1][1] == "pu"]
    assert abs(len(bare) - len(sentences) / 2) <= 2, (len(bare), len(sentences))
    assert all(s[-1][0] in FINAL[lang] for s in ended), [s[-1] for s in ended]


@pytest.mark.parametrize("lang", LANGS)
def test_no_sentence_is_in_the_built_in_corpus(lang):
    def key(s):            # normalised words, final punctuation left off
        words = tuple(normalize(w) for w, _ in s)
        return words[:-1] if words[-1] in FINAL[lang] else words

    corpus = {key(s) for split in SPLITS for s in load(lang, split)}
    everyday = [key(s) for s in _read(lang)]
    assert len(set(everyday)) == len(everyday), "a sentence is in the set twice"
    assert not [s for s in everyday if s in corpus]
