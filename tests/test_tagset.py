"""The 12 tags and the UD mapping: XPOS_OVERRIDES where the (UPOS, XPOS) pair decides,
UPOS_TO_TAG elsewhere; the English treebank is untouched by the overrides."""
import pytest

from conftest import SHARED_UD, ud_corpus
from rnnviz.text.tagset import RB_CONJUNCTIONS, TAGS, UPOS_TO_TAG, XPOS_OVERRIDES, ud_tag, ud_to_tag

needs_ud = pytest.mark.skipif(not SHARED_UD.exists(), reason=f"no treebanks at {SHARED_UD}")


@pytest.mark.parametrize("upos, xpos, form, tag", [
    ("NOUN", "NNB", "个", "m"), ("NOUN", "NNB", "岁", "m"), ("NOUN", "NN", "苹果", "nn"),
    ("AUX", "AS", "了", "part"), ("AUX", "AS", "着", "part"), ("AUX", "MD", "会", "aux"),
    ("PART", "DEC", "的", "part"), ("SCONJ", "DEC", "的", "part"),
    ("PART", "DEV", "得", "part"), ("SCONJ", "DEV", "地", "part"),
    ("PART", "SFN", "人", "nn"), ("PART", "SFV", "化", "v"), ("PART", "SFA", "殿", "adj"),
    ("PART", "PFA", "大", "adj"), ("AUX", "BB", "被", "p"), ("ADP", "BB", "把", "p"),
    ("VERB", "VC", "是", "aux"), ("AUX", "VC", "是", "aux"), ("VERB", "VV", "吃", "v"),
    ("SCONJ", "RB", "也", "adv"), ("SCONJ", "RB", "而", "adv"), ("SCONJ", "RB", "但是", "c"),
    ("SCONJ", "IN", "because", "c"), ("PART", "RB", "not", "part"), ("ADV", "RB", "also", "adv"),
])
def test_ud_tag(upos, xpos, form, tag):
    assert ud_tag(upos, xpos, form) == tag
    assert ud_to_tag(upos, xpos, form) == tag


def test_without_xpos_or_word_upos_decides():
    for upos, tag in UPOS_TO_TAG.items():
        assert ud_tag(upos, None) == ud_tag(upos, "_") == tag
    assert ud_tag("SCONJ", "RB") == "adv"           # no word: the pair's tag
    with pytest.raises(KeyError):
        ud_tag("NOPE", None)


def test_the_table_maps_into_the_tagset_and_overrides_only_where_it_changes_or_documents():
    assert set(XPOS_OVERRIDES.values()) <= set(TAGS)
    assert all(upos in UPOS_TO_TAG for upos, _ in XPOS_OVERRIDES)
    assert RB_CONJUNCTIONS and all(ud_tag("SCONJ", "RB", w) == "c" for w in RB_CONJUNCTIONS)


def _both_columns(name):
    upos = ud_corpus(name, "upos").sentences
    xpos = ud_corpus(name, "xpos").sentences
    return [((w, u), x) for su, sx in zip(upos, xpos, strict=True)
            for (w, u), (_, x) in zip(su, sx, strict=True)]


@needs_ud
def test_no_english_ewt_token_changes_tag():
    tokens = _both_columns("en_ewt-ud-dev.conllu")
    assert len(tokens) == 25_147
    changed = [(w, u, x) for (w, u), x in tokens if ud_tag(u, x, w) != UPOS_TO_TAG[u]]
    assert changed == []
    assert ("PART", "RB") in {(u, x) for (_, u), x in tokens}     # `not`: kept part


@needs_ud
def test_every_override_is_met_in_chinese_gsdsimp_dev():
    pairs = {(u, x) for (_, u), x in _both_columns("zh_gsdsimp-ud-dev.conllu")}
    assert set(XPOS_OVERRIDES) <= pairs
