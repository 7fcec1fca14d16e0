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


# --- what the engine says (rnnviz.messages): a code, parameters, English --------------
import importlib  # noqa: E402
import pkgutil  # noqa: E402

from rnnviz.messages import CATALOGS  # noqa: E402

ENGINE = ("rnnviz.nn", "rnnviz.text", "rnnviz.training")


def engine_codes() -> dict[str, str]:
    """code -> English of every catalog of every module of the engine's parts."""
    for part in ENGINE:
        package = importlib.import_module(part)
        for info in pkgutil.walk_packages(package.__path__, part + "."):
            importlib.import_module(info.name)
    codes: dict[str, str] = {}
    for catalog in CATALOGS:
        for code, english in catalog.items():
            assert code not in codes, f"{code} is defined in two catalogs"
            codes[code] = english
    return codes


CODES = engine_codes()


def test_the_engine_has_catalogs():
    assert {"tokenize.tokens", "checkpoint.zip_bomb", "corpus.no_tag", "tagged.no_tag",
            "training.no_train", "model.w_square"} <= set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_engine_code_is_said_in_both_languages(code):
    key = f"msg.{code}"
    assert key in STRINGS, f"{code}: add {key} to rnnviz/i18n/messages.py"
    assert STRINGS[key]["en"] == CODES[code], f"{key}: the English differs from the catalog's"
    assert placeholders(STRINGS[key]["zh"]) == placeholders(CODES[code]), key


def test_every_msg_string_has_its_code():
    orphans = {k for k in STRINGS if k.startswith("msg.") and k[4:] not in CODES}
    assert not orphans, orphans


def test_say_fills_a_message_and_the_messages_inside_it():
    from rnnviz.i18n import say
    from rnnviz.text.corpus import TaggedError, read_tagged
    with pytest.raises(TaggedError) as e:
        read_tagged(["我/nn 吃"])
    assert str(e.value) == "line 1: token '吃' has no /tag (expected word/tag)"
    assert say(e.value, "en") == str(e.value)
    assert say(e.value, "zh") == "第 1 行：词 '吃' 没有 /标签（格式应为 词/标签）"


def test_coded_errors_pickle_with_their_code():
    import pickle

    from rnnviz.nn.checkpoint import CheckpointError
    from rnnviz.text.conllu_data import MESSAGES as CORPUS
    from rnnviz.text.conllu_data import BadSentences, Problem
    e = pickle.loads(pickle.dumps(CheckpointError("checkpoint.zip_bomb", name="U.npy",
                                                  ratio=1000, limit=200)))
    assert e.code == "checkpoint.zip_bomb" and str(e) == \
        "U.npy is compressed 1000:1, more than 200:1 (zip bomb?)"
    bad = BadSentences((Problem(3, CORPUS("corpus.no_form")),), 4)
    again = pickle.loads(pickle.dumps(bad))
    assert str(again) == str(bad) and again.problems == bad.problems


def test_text_fills_placeholders_and_locale_picks_language():
    assert text("sentence.truncated", "en", n=50).startswith("The sentence is long")
    assert "50" in text("sentence.truncated", "zh", n=50)
    assert pick_lang("zh-CN") == "zh" and pick_lang("en-US") == "en" and pick_lang(None) == "en"


# --- no English hard-coded in the interface ------------------------------------------
import ast  # noqa: E402
import re  # noqa: E402

from conftest import ROOT  # noqa: E402

# Streamlit commands that show their arguments to the user
ST_COMMANDS = {
    "button", "download_button", "link_button", "page_link", "checkbox", "toggle", "radio",
    "selectbox", "multiselect", "select_slider", "slider", "text_input", "text_area",
    "number_input", "date_input", "time_input", "file_uploader", "camera_input",
    "color_picker", "segmented_control", "pills", "feedback", "menu_button", "markdown",
    "write", "caption", "title", "header", "subheader", "text", "code", "latex", "info",
    "warning", "error", "success", "exception", "toast", "expander", "popover", "tabs",
    "metric", "html", "plotly_chart", "dataframe", "table", "json", "spinner", "status",
    "form_submit_button", "chat_input", "Page", "set_page_config", "progress", "badge",
}
# keyword arguments that are not read by people (keys, options, layout, files)
NOT_SHOWN = {
    "key", "icon", "type", "bind", "persist_state", "on_change", "on_click", "on_select",
    "args", "kwargs", "language", "mime", "file_name", "selection_mode", "width", "height",
    "vertical_alignment", "horizontal_alignment", "gap", "label_visibility", "config",
    "theme", "unsafe_allow_html", "expanded", "required", "disabled", "min_value",
    "max_value", "value", "step", "shortcut", "icon_position", "delta_color", "hide_index",
    "column_config", "use_container_width", "position", "layout", "initial_sidebar_state",
    "page_icon", "url_path", "default", "options", "data", "border", "wrap_lines",
    "line_numbers", "unsafe_allow_javascript", "format_func", "max_chars", "live",
}
# latin words that are names, not English: the app, formulas, file types, example input
NOT_ENGLISH = {"rnnviz", "unk", "softmax", "tanh", "sigmoid", "relu", "nan", "rnn", "csv",
               "svg", "png", "html", "npz", "style"}
I18N_CALLS = {"text", "describe", "say"}     # their arguments are keys or messages


def english_literals(path):
    """(line, text) of string constants passed to Streamlit commands that read as English."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def check(node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in I18N_CALLS:
            return                                   # a string-table key
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            s = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", node.value)   # code, not text
            s = re.sub(r"<[^>]*>|\$[^$]*\$|:material/[a-z_]+:|&[a-z]+;", " ", s)
            words = {w for w in re.findall(r"[A-Za-z]{3,}", s) if w.lower() not in NOT_ENGLISH}
            if words:
                found.append((node.lineno, node.value))
            return
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.keyword) or child.arg not in NOT_SHOWN:
                check(child)

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ST_COMMANDS:          # st.x(...), column.x(...)
            for arg in node.args:
                check(arg)
            for kw in node.keywords:
                if kw.arg not in NOT_SHOWN:
                    check(kw.value)
    return found


UI_FILES = sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "rnnviz" / "ui").glob("*.py"))


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_english_is_hard_coded_in_the_interface(path):
    """Everything a user reads comes from the string table (rnnviz.i18n.text), so the
    Chinese interface is complete: no English literal goes to a Streamlit command."""
    assert not english_literals(path), english_literals(path)


def test_the_literal_scan_finds_english(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text('import streamlit as st\nst.info("This page is being built.")\n'
                      'st.button(text("a.b", lang), help="Click me", key="do_it")\n'
                      'col.markdown(f"**{text(\'k\', lang)}** — L = {x:.4f}")\n'
                      'st.html("<style>.x { display: none }</style>")\n', encoding="utf-8")
    assert [line for line, _ in english_literals(sample)] == [2, 3]
