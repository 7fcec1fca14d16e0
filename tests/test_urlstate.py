"""The URL state table: every field parses its own values back, rejects bad ones with a
reason, agrees with the widgets and pages, and a link carries every field."""
from urllib.parse import parse_qs, urlsplit

import pytest

from rnnviz.ui import urlstate
from rnnviz.i18n import STRINGS
from rnnviz.text.tokenize import MAX_TOKENS
from rnnviz.ui import shell, steps


@pytest.mark.parametrize("field", urlstate.FIELDS, ids=lambda f: f.name)
def test_every_allowed_value_round_trips(field):
    values = list(field.choices) or {
        "bool": [False, True], "str": ["", "我 吃 苹果", "x" * (field.max_len or 1)],
        "int": [int(field.lo or 0), int(field.hi or 0)],
        "float": [field.lo, 1.0, field.hi]}[field.kind]
    for v in values:
        assert field.parse(field.format(v)) == v
    if field.default is not None:
        assert field.parse(field.format(field.default)) == field.default


@pytest.mark.parametrize("name, raw, reason", [
    ("t", "abc", "int"), ("t", "2.5", "int"), ("t", "0", "range"), ("t", "52", "range"),
    ("lang", "fr", "choice"), ("speed", "warp", "choice"), ("present", "maybe", "bool"),
    ("bptt_wscale", "1e9", "range"), ("bptt_wscale", "nan", "range"),
    ("bptt_wscale", "inf", "range"), ("bptt_wscale", "lots", "float"),
    ("s", "字" * 401, "length"), ("foo", "1", "unknown"),
])
def test_bad_values_are_reported_not_raised(name, raw, reason):
    good, problems = urlstate.check({name: raw, "lang": "zh"} if name != "lang" else {name: raw})
    assert problems == [urlstate.Problem(name, raw, reason)]
    assert name not in good


def test_good_values_pass_and_streamlit_parameters_are_not_ours_to_judge():
    good, problems = urlstate.check({"t": ["1", "3"], "present": "TRUE", "s": "",
                                     "embed": "true", "bptt_wscale": "0.25"})
    assert problems == []
    assert good == {"t": 3, "present": True, "s": "", "bptt_wscale": 0.25}


def test_every_reason_has_a_sentence():
    for reason in urlstate.REASONS + ("session",):
        assert f"lecture.url.{reason}" in STRINGS


def test_pages_and_widgets_agree_with_the_table():
    assert {p.url_path for p in shell.PAGES} == set(urlstate.SENTENCE_PAGES) | {urlstate.TRAIN}
    assert {p.url_path for p in shell.PAGES if p.sentence} == set(urlstate.SENTENCE_PAGES)
    assert shell.DEFAULT_SENTENCE == urlstate.BY_NAME["s"].default
    assert shell.MAX_SENTENCE_CHARS == urlstate.BY_NAME["s"].max_len
    assert steps.PLAY_SPEEDS is urlstate.PLAY_SPEEDS
    assert set(urlstate.BY_NAME["speed"].choices) == set(steps.PLAY_SPEEDS)
    assert urlstate.BY_NAME["t"].hi == MAX_TOKENS + 1     # the LM's step after the last word
    for f in urlstate.FIELDS:
        assert set(f.pages) <= {p.url_path for p in shell.PAGES}, f.name


def test_a_link_has_every_field_of_its_page_even_at_defaults():
    url = urlstate.link("http://host:8501/", "network", {"lang": "en", "s": "我 吃 苹果",
                                                      "embed_options": "dark_theme"})
    parts = urlsplit(url)
    assert parts.path == "/"
    q = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert set(q) == {f.name for f in urlstate.fields_of("network")}
    assert q == {"s": "我 吃 苹果", "lang": "en", "present": "false", "model": "builtin",
                 "t": "1", "speed": "normal", "embed_options": "dark_theme"}
    _, problems = urlstate.check(q)
    assert problems == []                         # a link we write is a link we read


def test_page_specific_fields_stay_on_their_page():
    weights = {f.name for f in urlstate.fields_of("weights")}
    train = {f.name for f in urlstate.fields_of("train")}
    assert "u_full" in weights and "bptt_wscale" not in weights
    assert "s" not in train and "t" not in train and "lang" in train


def test_the_table_reads_as_documentation():
    rows = list(urlstate.table_rows())
    assert len(rows) == len(urlstate.FIELDS)
    assert ("t", "int", "1", "1..51", "lesson, network, weights, why, cells, lm",
            "the selected step (clamped to the sentence's length; the language model has a "
            "step more: after the last word)") in rows


def test_the_widgets_of_other_pages_agree_with_the_table():
    """The backprop page's bound widgets take the table's ranges (a drift fails here)."""
    from conftest import run_app
    at = run_app(page="pages/bptt.py", s="我 吃 苹果")
    assert not at.exception
    scale = at.slider(key="bptt_wscale")
    field = urlstate.BY_NAME["bptt_wscale"]
    assert (scale.min, scale.max, scale.value) == (field.lo, field.hi, field.default)
    assert set(at.segmented_control(key="bptt_f").options) == set(urlstate.BY_NAME["bptt_f"]
                                                                 .choices)
    trunc = urlstate.BY_NAME["bptt_trunc"]
    assert at.select_slider(key="bptt_trunc").value == trunc.default
    t = at.slider(key="bptt_t")
    assert (t.min, t.value) == (urlstate.BY_NAME["bptt_t"].lo, 3)       # default: the last step
