"""The tokenizer: Chinese with and without spaces, English, mixed, and hostile input."""
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnviz.corpus import load
from rnnviz.tokenize import MAX_CHARS, MAX_TOKENS, Tokenized, normalize, tokenize


@pytest.fixture(scope="module")
def vocab():
    return frozenset(normalize(w) for s in load(None, "train") for w, _ in s)


def check_clean(r: Tokenized, max_tokens: int = MAX_TOKENS):
    assert len(r.tokens) == len(r.keys) == len(r.unknown) <= max_tokens
    for token in (*r.tokens, *r.keys):
        assert token and not any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in token)
    assert r.truncated == (r.message is not None and r.message.startswith("Only"))


# --------------------------------------------------------------------------- Chinese

def test_the_tutorial_sentence_with_and_without_spaces():
    assert tokenize("我吃苹果").tokens == ("我", "吃", "苹果")
    assert tokenize("我 吃 苹果").tokens == ("我", "吃", "苹果")
    assert tokenize("  我吃苹果。 ").tokens == ("我", "吃", "苹果", "。")


def test_jieba_pieces_are_split_into_corpus_words():
    assert tokenize("这个计划很好").tokens == ("这", "个", "计划", "很", "好")
    assert tokenize("我买了一本书和三杯茶").tokens == ("我", "买", "了", "一", "本", "书", "和", "三", "杯", "茶")


def test_unspaced_corpus_sentences_segment_like_the_corpus():
    """Measured: 3,907 of 3,907 zh sentences (100%) come back as the corpus tokens."""
    sentences = [[w for w, _ in s] for split in ("train", "dev", "test") for s in load("zh", split)]
    same = sum(list(tokenize("".join(w), max_tokens=100).tokens) == w for w in sentences)
    assert same / len(sentences) >= 0.99


def test_unknown_chinese_word_is_flagged(vocab):
    r = tokenize("我 吃 榴莲", vocab)
    assert r.tokens == ("我", "吃", "榴莲") and r.unknown == (False, False, True)
    assert tokenize("我吃榴莲", vocab).unknown == (False, False, True)


def test_without_known_nothing_is_unknown():
    assert tokenize("我 吃 榴莲").unknown == (False, False, False)


# --------------------------------------------------------------------------- English

@pytest.mark.parametrize("text, tokens", [
    ("I eat apples.", ("I", "eat", "apples", ".")),
    ("I don't like tea!", ("I", "do", "n't", "like", "tea", "!")),
    ("Tom's cat can't swim, can it?",
     ("Tom", "'s", "cat", "ca", "n't", "swim", ",", "can", "it", "?")),
    ("We’re here", ("We", "’re", "here")),
    ("It costs 3.5 or 1,000 at 10:30.", ("It", "costs", "3.5", "or", "1,000", "at", "10:30", ".")),
    ("an e-mail at o'clock", ("an", "e-mail", "at", "o'clock")),
    ('"Hi" (he said)', ('"', "Hi", '"', "(", "he", "said", ")")),
    ("I do n't", ("I", "do", "n't")),
])
def test_english_words_numbers_clitics_and_punctuation(text, tokens):
    assert tokenize(text).tokens == tokens


def test_mixed_chinese_and_english():
    assert tokenize("我 like 苹果").tokens == ("我", "like", "苹果")
    assert tokenize("我like苹果!").tokens == ("我", "like", "苹果", "!")


def test_keys_are_nfkc_and_casefolded(vocab):
    r = tokenize("ＡＢＣ？ Apples CAN’T", vocab)
    assert r.tokens == ("ＡＢＣ", "？", "Apples", "CA", "N’T")
    assert r.keys == ("abc", "?", "apples", "ca", "n't")
    assert r.unknown[1:] == (False, False, False, False)
    assert normalize("Ｉ") == normalize("i") == "i" and normalize("Straße") == "strasse"


def test_html_is_just_text():
    r = tokenize("<script>alert(1)</script>")
    assert r.tokens[:3] == ("<", "script", ">") and "alert" in r.tokens


# --------------------------------------------------------------------------- limits and messages

@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b\u200e\x00"])
def test_empty_input_gives_no_tokens_and_a_message(text):
    r = tokenize(text)
    assert r.tokens == () and not r.truncated and "Type a sentence" in r.message


def test_long_sentence_is_cut_with_a_message():
    r = tokenize(" ".join(["我"] * 812))
    assert len(r.tokens) == MAX_TOKENS and r.truncated
    assert r.message == "Only the first 50 tokens are used (the sentence had 812)."
    assert tokenize("a b c", max_tokens=2).tokens == ("a", "b")


@pytest.mark.parametrize("text", ["我吃苹果" * 2500, "a" * 10_000, "龘" * 10_000, "ab " * 5000,
                                  "。" * 10_000, "榴莲" * 5000])
def test_ten_thousand_characters_are_cut_before_any_work(text, monkeypatch):
    """Speed by construction: nothing past MAX_CHARS reaches the cleaner or jieba.

    (How long this takes is measured in bench/tokenize_speed.py, not asserted here:
    a timed test fails on a busy CI machine.)"""
    import rnnviz.tokenize as module
    seen = []
    clean = module._clean
    monkeypatch.setattr(module, "_clean", lambda t: seen.append(len(t)) or clean(t))
    r = tokenize(text)
    assert seen == [MAX_CHARS]
    assert r.tokens == tokenize(text[:MAX_CHARS]).tokens
    assert r.truncated and r.message
    check_clean(r)


def test_max_tokens_must_be_positive():
    with pytest.raises(ValueError, match="max_tokens"):
        tokenize("a", max_tokens=0)


def test_max_chars_is_documented():
    import rnnviz.tokenize as module
    assert str(MAX_TOKENS) in module.__doc__ and f"{MAX_CHARS:,}" in module.__doc__


# --------------------------------------------------------------------------- hostile input

NASTY = [
    "\ud800", "a\udfffb", "\x00", "\x00我\x00吃\x00", "\u200b\u200c\u200d\ufeff", "\u202e苹果\u202c",
    "\u2066I\u2069 eat", "👍🏽👨‍👩‍👧 我吃🍎", "\u0301", "e\u0301", "\U0001F600" * 100,
    "ﷺ ﷽", "𠀀𠀁𠀂", "\u3000我\u3000吃\u3000", "\r\n\r\n", "\x1b[31mred\x1b[0m", "\\n\\t",
    "' '' ''' n't 's", "---...!!!???", "1" * 3000, "¨ ¸ ´", "\uf8ff\U000f0000",
    "a\tb\vc\fd", "null", "None", "<img src=x onerror=alert(1)>", "Ω≈ç√∫", "ｱｲｳ",
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_strings_give_clean_tokens(text, vocab):
    check_clean(tokenize(text, vocab))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_clean_tokens(text):
    check_clean(tokenize(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["我", "吃", "苹果", "很", "好", " ", "I", "eat", "'s", "n't",
                                 "。", "?", "\u200b", "3.5", "榴莲"]), max_size=80))
def test_any_mix_of_corpus_pieces_gives_clean_tokens(pieces):
    r = tokenize("".join(pieces), max_tokens=30)
    check_clean(r, 30)


def test_concurrent_first_use_is_safe():
    texts = ["我吃苹果", "这个计划很好", "I eat apples."] * 20
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda t: tokenize(t).tokens, texts))
    assert results == [tokenize(t).tokens for t in texts]
