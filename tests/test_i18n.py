"""Every string exists in both languages with the same placeholders, once."""
import string

import pytest

from rnnviz.i18n import LANGS, OWNERS, STRINGS, pick_lang, text


def placeholders(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_both_languages_present_with_the_same_placeholders(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    for lang in LANGS:
        assert entry[lang].strip(), f"{key} is empty in {lang}"
    assert placeholders(entry["en"]) == placeholders(entry["zh"]), key


def test_no_key_is_defined_in_two_modules():
    twice = {k: v for k, v in OWNERS.items() if len(v) > 1}
    assert not twice, twice


def test_chinese_strings_are_translated():
    """Strings with letters in English should not be identical in Chinese
    (a copy-paste left untranslated), apart from formulas and symbols."""
    same = [k for k, e in STRINGS.items()
            if e["en"] == e["zh"] and sum(c.isalpha() for c in e["en"]) > 12
            and " " in e["en"] and "=" not in e["en"]]      # formulas are the same
    assert not same, same


def test_text_fills_placeholders_and_locale_picks_language():
    assert text("sentence.truncated", "en", n=50).startswith("The sentence is long")
    assert "50" in text("sentence.truncated", "zh", n=50)
    assert pick_lang("zh-CN") == "zh" and pick_lang("en-US") == "en" and pick_lang(None) == "en"
