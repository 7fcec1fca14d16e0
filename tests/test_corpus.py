"""The built-in corpus: size, tags, ambiguous words, determinism, held-out test, parser."""
from collections import Counter, defaultdict

import pytest

from rnnviz.text.corpus import DATA_DIR, ambiguous, LANGS, SPLITS, load, path, read_tagged
from rnnviz.text.corpus.build import files
from rnnviz.text.tagset import TAGS
from rnnviz.text.tokenize import normalize, tokenize


def keys(sent):
    return tuple(normalize(w) for w, _ in sent)


def tag_counts(sentences):
    return Counter((normalize(w), t) for s in sentences for w, t in s)


@pytest.fixture(scope="module")
def corpus():
    return {lang: {split: load(lang, split) for split in SPLITS} for lang in LANGS}


# --------------------------------------------------------------------------- size and tags

@pytest.mark.parametrize("lang", LANGS)
def test_enough_distinct_sentences_and_words(corpus, lang):
    sentences = [s for split in SPLITS for s in corpus[lang][split]]
    assert len({keys(s) for s in sentences}) == len(sentences) >= 2000
    assert len({k for s in sentences for k in keys(s)}) >= 400


@pytest.mark.parametrize("lang", LANGS)
def test_split_is_about_80_10_10(corpus, lang):
    n = {split: len(corpus[lang][split]) for split in SPLITS}
    total = sum(n.values())
    assert 0.75 < n["train"] / total < 0.85
    assert 0.08 < n["dev"] / total < 0.12 and 0.08 < n["test"] / total < 0.12


def test_every_tag_is_in_the_tagset_and_used(corpus):
    for lang in LANGS:
        used = {t for split in SPLITS for s in corpus[lang][split] for _, t in s}
        assert used <= set(TAGS)
    assert {t for s in corpus["zh"]["train"] for _, t in s} == set(TAGS)


def test_tutorial_sentences_are_in_train(corpus):
    assert [("我", "nn"), ("吃", "v"), ("苹果", "nn")] in corpus["zh"]["train"]
    assert [("I", "nn"), ("eat", "v"), ("apples", "nn")] in corpus["en"]["train"]


def test_words_have_no_spaces_and_lines_are_clean():
    for lang in LANGS:
        for split in SPLITS:
            text = path(lang, split).read_text(encoding="utf-8")
            assert text.endswith("\n") and "\n\n" not in text and "  " not in text
            assert all(line == line.strip() for line in text.splitlines())


# --------------------------------------------------------------------------- held out

@pytest.mark.parametrize("lang", LANGS)
def test_no_sentence_is_in_two_splits(corpus, lang):
    seen = [{keys(s) for s in corpus[lang][split]} for split in SPLITS]
    assert not (seen[0] & seen[1]) and not (seen[0] & seen[2]) and not (seen[1] & seen[2])


@pytest.mark.parametrize("lang", LANGS)
def test_every_dev_and_test_word_occurs_in_train(corpus, lang):
    train = {k for s in corpus[lang]["train"] for k in keys(s)}
    for split in ("dev", "test"):
        assert {k for s in corpus[lang][split] for k in keys(s)} <= train


# --------------------------------------------------------------------------- ambiguous words

@pytest.mark.parametrize("lang", LANGS)
def test_ambiguous_words_have_both_tags_in_train_and_test(corpus, lang):
    assert len(ambiguous(lang)) >= 20
    train, test = tag_counts(corpus[lang]["train"]), tag_counts(corpus[lang]["test"])
    for word in ambiguous(lang):
        tags = {t for (w, t) in train if w == word}
        assert len(tags) == 2, (word, tags)
        assert all(test[word, t] > 0 for t in tags), word


@pytest.mark.parametrize("lang", LANGS)
def test_ambiguous_words_are_balanced(corpus, lang):
    counts = tag_counts(s for split in SPLITS for s in corpus[lang][split])
    for word in ambiguous(lang):
        n = [c for (w, _), c in counts.items() if w == word]
        assert min(n) / sum(n) >= 0.3, (word, n)


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_declared_words_have_two_tags(corpus, lang):
    tags = defaultdict(set)
    for split in SPLITS:
        for s in corpus[lang][split]:
            for w, t in s:
                tags[normalize(w)].add(t)
    assert {w for w, ts in tags.items() if len(ts) > 1} == ambiguous(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_previous_word_decides_the_tag_of_an_ambiguous_word(corpus, lang):
    """The design constraint for a left-to-right tagger: no (previous word, word) pair
    of an ambiguous word occurs with two tags anywhere in the corpus."""
    seen = defaultdict(set)
    for split in SPLITS:
        for s in corpus[lang][split]:
            k = ("<s>",) + keys(s)
            for i, (_, tag) in enumerate(s):
                if k[i + 1] in ambiguous(lang):
                    seen[k[i], k[i + 1]].add(tag)
    assert {pair: tags for pair, tags in seen.items() if len(tags) > 1} == {}


# --------------------------------------------------------------------------- files

def test_files_equal_a_fresh_build():
    fresh = files()
    assert set(fresh) == {DATA_DIR / f"{lang}.{split}.txt" for lang in LANGS
                          for split in SPLITS} | {DATA_DIR / "README.md"}
    for file, text in fresh.items():
        assert file.read_text(encoding="utf-8") == text, f"{file.name}: python -m rnnviz.text.corpus.build"


def test_english_corpus_tokens_are_what_the_tokenizer_gives(corpus):
    """``I do n't like tea .`` in the corpus is ``I don't like tea.`` typed."""
    def typed(words):
        text = ""
        for w in words:
            glue = w in {".", ",", "?", "!", "n't", "'s"} or not text
            text += w if glue else " " + w
        return text

    for split in SPLITS:
        for s in corpus["en"][split]:
            words = tuple(w for w, _ in s)
            assert tokenize(typed(words), max_tokens=100).tokens == words


@pytest.mark.parametrize("lang", LANGS)
def test_spaced_corpus_sentences_tokenize_to_themselves(corpus, lang):
    for s in corpus[lang]["test"]:
        words = tuple(w for w, _ in s)
        assert tokenize(" ".join(words), max_tokens=100).tokens == words


# --------------------------------------------------------------------------- loader

def test_load_none_is_zh_then_en(corpus):
    assert load(None, "dev") == corpus["zh"]["dev"] + corpus["en"]["dev"]


def test_load_returns_fresh_lists():
    load("zh")[0].append(("x", "nn"))
    assert load("zh")[0] == [("我", "nn"), ("吃", "v"), ("苹果", "nn")]


@pytest.mark.parametrize("args, match", [(("fr",), "unknown language 'fr'"),
                                         (("zh", "validation"), "unknown split 'validation'")])
def test_load_rejects_unknown_language_or_split(args, match):
    with pytest.raises(ValueError, match=match):
        load(*args)


def test_read_tagged_parses_lines_and_skips_blank_ones():
    lines = ["我/nn 吃/v 苹果/nn", "", "  ", "a/b/nn  //pu ./PU"]
    assert read_tagged(lines) == [[("我", "nn"), ("吃", "v"), ("苹果", "nn")],
                                  [("a/b", "nn"), ("/", "pu"), (".", "pu")]]


def test_read_tagged_reads_a_path(tmp_path):
    file = tmp_path / "mine.txt"
    file.write_text("\ufeffI/nn eat/v apples/nn\n", encoding="utf-8")
    expected = [[("I", "nn"), ("eat", "v"), ("apples", "nn")]]
    assert read_tagged(file) == read_tagged(str(file)) == expected


@pytest.mark.parametrize("lines, match", [
    (["我/nn 吃/v", "我/nn 吃 苹果/nn"], r"line 2: token '吃' has no /tag"),
    (["I/nn eat/vb"], r"line 1: token 'eat/vb' has unknown tag 'vb'"),
    (["ok/nn", "", "/nn"], r"line 3: token '/nn' has an empty word"),
    (["apples/"], r"line 1: token 'apples/' has unknown tag ''"),
])
def test_read_tagged_names_the_line_and_the_problem(lines, match):
    with pytest.raises(ValueError, match=match):
        read_tagged(lines)
