"""Lecture mode through app.py (AppTest): every URL field round-trips, bad links get a
translated notice, the copy link has every field, presenter view, both languages,
chart descriptions, exports."""
import json
import re
import tomllib
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from streamlit.testing.v1 import AppTest

from conftest import APP, ROOT, charts, move_step_slider
from rnnviz.ui import export, urlstate
from rnnviz.figures import style
from rnnviz.figures.plotly_fence import wire_meta
from rnnviz.i18n import text
from rnnviz.training.tagger import tag_text
from rnnviz.ui import context, resources, shell, views


def run_app(page=None, *, share=True, numbers=False, **query) -> AppTest:
    """conftest.run_app, with the share popover (and the step's numbers) open: both
    are built only while open."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.session_state[shell.SHARE_KEY] = share
    at.session_state[views.NUMBERS_KEY] = numbers
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def link_of(at) -> dict[str, str]:
    """The copy link's parameters (the code box of the share panel)."""
    url = next(c.value for c in at.code if "?" in c.value)
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def link_path(at) -> str:
    return urlsplit(next(c.value for c in at.code if "?" in c.value)).path


def set_toggle(key, value):
    return lambda at: at.toggle(key=key).set_value(value)


def set_choice(key, value):
    return lambda at: at.segmented_control(key=key).set_value(value)


# field, page, URL value (not the default), how the user changes it, the new value
ROUND_TRIPS = [
    ("s", None, "I eat apples", lambda at: at.text_input(key="s").set_value("你 好"), "你 好"),
    ("lang", None, "zh", set_choice("lang", "en"), "en"),
    ("present", None, "true", set_toggle("present", False), False),
    ("t", None, "2", lambda at: move_step_slider(at, 3), 3),
    ("speed", None, "fast", set_choice("speed", "slow"), "slow"),
    ("t", "pages/weights.py", "3", lambda at: at.button(key="t_first").click(), 1),
    ("u_full", "pages/weights.py", "true", set_toggle("u_full", False), False),
]
MANUAL = {"lang", "speed"}          # kept in the URL by context.keep_in_url (not bind=)


@pytest.mark.parametrize("name, page, raw, change, new", ROUND_TRIPS,
                         ids=[f"{r[0]}-{r[1] or 'rnn'}" for r in ROUND_TRIPS])
def test_every_url_field_round_trips(name, page, raw, change, new):
    field = urlstate.BY_NAME[name]
    query = {"s": "我 吃 苹果", name: raw}
    at = run_app(page=page, **query)
    assert not at.exception, at.exception
    assert at.session_state[name] == field.parse(raw)                 # applied
    assert link_of(at)[name] == raw                                   # and in the link
    change(at).run()
    assert not at.exception and at.session_state[name] == new
    assert link_of(at)[name] == field.format(new)                     # the link follows
    if name in MANUAL:
        assert at.query_params.get(name) == (None if new == field.default or name == "lang"
                                             and new == "en" else field.format(new))


def test_the_link_names_the_page_and_every_field_even_at_defaults():
    """Streamlit drops a bound parameter equal to its default, and the language's
    default is the viewer's locale: the link must not depend on either."""
    at = run_app(lang="en")                         # the default of an English browser
    assert "lang" not in at.query_params            # dropped from the URL ...
    q = link_of(at)
    assert q["lang"] == "en"                        # ... but not from the link
    assert set(q) == {f.name for f in urlstate.fields_of("network")}
    assert link_path(at) == "/"                     # the first page is the root
    at.switch_page("pages/weights.py").run()
    assert link_path(at).endswith("/weights") and link_of(at)["u_full"] == "false"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_parameters_give_a_translated_notice_not_an_error(lang):
    at = run_app(s="我 吃 苹果", lang=lang, t="abc", foo="1", speed="warp", present="maybe",
                 bptt_wscale="1e9")
    assert not at.exception
    notice = next(w.value for w in at.warning if "t=abc" in w.value)
    assert text("lecture.url.notice", lang) in notice
    for line in (text("lecture.url.int", lang, name="t", raw="abc"),
                 text("lecture.url.unknown", lang, name="foo"),
                 text("lecture.url.choice", lang, name="speed", raw="warp",
                      allowed="slow, normal, fast"),
                 text("lecture.url.bool", lang, name="present", raw="maybe"),
                 text("lecture.url.range", lang, name="bptt\\_wscale", raw="1e9",
                      allowed="0\\.1\\.\\.6")):
        assert line in notice, line
    assert at.session_state["t"] == 1 and at.session_state["speed"] == "normal"
    assert not at.session_state["present"]
    assert "foo" not in at.query_params and "bptt_wscale" not in at.query_params
    at.button(key="url_notice_ok").click().run()
    assert not any("t=abc" in w.value for w in at.warning)


def test_a_link_to_someone_elses_model_says_so():
    at = run_app(s="我 吃 苹果", model="session")
    assert not at.exception
    assert any(text("lecture.url.session", "en") in w.value for w in at.warning)
    assert link_of(at)["model"] == "builtin"


def test_hostile_parameters_are_shown_as_text():
    at = run_app(**{"<b>x</b>": "1", "speed": "[a](javascript:alert(1))", "t": "**9**"})
    notice = next(w.value for w in at.warning)
    assert "\\<b\\>x\\</b\\>" in notice and "\\[a\\]\\(javascript" in notice
    assert "\\*\\*9\\*\\*" in notice and not at.exception


def test_old_links_with_language_names_still_work():
    at = run_app(s="我 吃 苹果", lang="中文")
    assert at.session_state["lang"] == "zh" and not at.warning
    assert at.query_params.get("lang") == "zh"          # rewritten to the table's value


# --- presenter view --------------------------------------------------------------

def font_sizes(obj) -> list[float]:
    """Every font size in a figure's JSON (layout, traces, annotations, ticks)."""
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("font", "textfont", "tickfont", "insidetextfont") and isinstance(v, dict) \
                    and isinstance(v.get("size"), (int, float)):
                out.append(v["size"])
            out += font_sizes(v)
    elif isinstance(obj, list):
        for v in obj:
            out += font_sizes(v)
    return out


@pytest.mark.parametrize("page", ["pages/network.py", "pages/weights.py"])
def test_presenter_view_sets_big_figure_text(page):
    at = run_app(page=page, s="我 吃 苹果 和 香蕉", present="true", u_full="true")
    assert not at.exception
    drawn = charts(at)
    assert drawn
    for c in drawn:
        sizes = font_sizes(json.loads(c.proto.spec))
        assert sizes and min(sizes) >= context.PRESENTER_MIN, (c.key, sorted(sizes)[:5])
    assert any("font-size: 22px" in h.proto.body for h in at.get("html"))


def test_normal_view_keeps_the_normal_size():
    at = run_app(s="我 吃 苹果")
    spec = json.loads(charts(at)[0].proto.spec)
    assert spec["layout"]["font"]["size"] == context.NORMAL_FONT
    assert not any("font-size: 22px" in h.proto.body for h in at.get("html"))


# --- both languages -------------------------------------------------------------------
# Words that may stay as they are in the Chinese interface: names, formulas, file types,
# keys (Streamlit writes the shortcut itself), the English example sentence, and the
# language switch, labelled in both languages so that anyone can find it.
LATIN_OK = {"language", "rnnviz", "rnn", "tanh", "softmax", "sigmoid", "relu", "identity", "unk", "csv",
            "svg", "png", "html", "npz", "numpy", "load", "file", "english", "home", "end",
            "space", "eat", "apples", "true", "false", "nan",
            "ewt", "gsdsimp"}      # the names of the UD treebanks the model learned from


def visible_texts(at) -> list[str]:
    texts = []
    for kind in ("text_input", "button", "toggle", "slider", "segmented_control",
                 "download_button", "expander"):
        for w in at.get(kind):
            p = w.proto
            for attr in ("label", "help", "placeholder"):
                texts.append(getattr(p, attr, "") or "")
            texts += list(getattr(p, "options", []) and [getattr(o, "content", str(o))
                                                          for o in p.options])
    for kind in ("markdown", "caption", "info", "warning"):
        texts += [e.value for e in at.get(kind)]
    texts += [c.proto.alt for c in charts(at)]
    for c in charts(at):
        spec = json.loads(c.proto.spec)
        texts += [str(spec["layout"].get("title", {}).get("text") or "")]
        texts += [a.get("text", "") for a in spec["layout"].get("annotations", [])]
    return texts


def english_words(s: str) -> set[str]:
    s = re.sub(r"<[^>]*>|\$[^$]*\$|&[a-z]+;|:material/[a-z_]+:", " ", s)
    return {w for w in re.findall(r"[A-Za-z]{3,}", s) if w.lower() not in LATIN_OK}


@pytest.mark.parametrize("page", ["pages/network.py", "pages/weights.py"])
def test_the_chinese_interface_has_no_english_left(page):
    at = run_app(page=page, s="我 吃 苹果", lang="zh", u_full="true")
    leftovers = {w for s in visible_texts(at) for w in english_words(s)}
    assert not leftovers, sorted(leftovers)


def test_tokenizer_messages_are_translated():
    at = run_app(s=" ".join(["我 吃 苹果"] * 30), lang="zh")
    assert any(text("msg.tokenize.tokens", "zh", n=50, had=90) in w.value for w in at.warning)
    at = run_app(s="\u200b\u200b", lang="zh")
    assert any(text("msg.tokenize.nothing", "zh") in i.value for i in at.info)


@pytest.mark.parametrize("typed, code", [
    ("", "tokenize.empty"), ("\u200b", "tokenize.nothing"), ("字 " * 60, "tokenize.tokens"),
    ("a" * 2500, "tokenize.chars"), ("字 " * 1500, "tokenize.tokens_chars"),
])
def test_every_tokenizer_note_is_said_in_both_languages(typed, code):
    from rnnviz.i18n import say
    from rnnviz.text.tokenize import tokenize
    r = tokenize(typed)
    assert r.note.code == code
    assert say(r.note, "en") == r.message                 # the CLI's English, word for word
    zh = say(r.note, "zh")
    assert zh != r.message and re.search(r"[\u4e00-\u9fff]{4}", zh), zh


# --- charts -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_says_what_it_shows(lang):
    at = run_app(s="我 吃 苹果", lang=lang, t="2")
    alts = {c.key: c.proto.alt for c in charts(at)}
    assert set(alts) == {"unrolled", "formula", "neurons"}
    for alt in alts.values():
        assert "我 吃 苹果" in alt or "吃" in alt
        assert "t = 2" in alt
    assert "v" in alts["unrolled"] and "0." in alts["unrolled"] or "1.00" in alts["unrolled"]


@pytest.mark.parametrize("page, keys", [
    ("pages/bptt.py", {"bptt_backward", "bptt_flow", "bptt_grads"}),
    ("pages/why.py", {"why_probs", "why_reach", "why_edit"})])
def test_the_charts_of_the_other_pages_say_what_they_show_too(page, keys):
    at = run_app(page=page, s="我 吃 苹果", lang="zh")
    alts = {c.key: c.proto.alt for c in charts(at)}
    assert keys <= set(alts), alts
    for key, alt in alts.items():
        assert len(alt) > 30 and "{" not in alt, (key, alt)     # filled, in Chinese
        assert re.search(r"[\u4e00-\u9fff]", alt), (key, alt)


def helper_data(at) -> dict:
    return json.loads(at.get("bidi_component")[0].proto.json)


def test_charts_download_with_readable_names_in_the_interface_language():
    at = run_app(s="我 吃 苹果", t="2", lang="zh")
    assert helper_data(at)["prefix"] == "rnnviz_network_我-吃-苹果"
    assert helper_data(at)["svg"] == text("lecture.chart.svg", "zh")
    for c in charts(at):
        spec, config = json.loads(c.proto.spec), json.loads(c.proto.config)
        meta = wire_meta(spec["layout"])
        assert meta["kind"] == c.key and meta["t"] == 2
        assert config["toImageButtonOptions"] == {"format": "png", "scale": 2}
        words = config["locales"][config["locale"]]["dictionary"]
        assert words["Download plot as a PNG"] == text("lecture.chart.png", "zh")
    assert views.chart_config("zh") is views.chart_config("zh")       # one object per language


def test_a_new_sentence_leaves_an_unchanged_chart_alone():
    """A chart whose figure did not change is not sent again (Streamlit caches big
    messages by hash): the file names live in the browser helper, not the figures."""
    at = run_app(s="我 吃 苹果")
    before = {c.key: c.proto.spec for c in charts(at)}
    at.text_input(key="s").set_value("我 吃 苹果 吗").run()
    after = {c.key: c.proto.spec for c in charts(at)}
    assert after["formula"] == before["formula"] and after["unrolled"] != before["unrolled"]


def test_closed_panels_are_not_built():
    at = run_app(s="我 吃 苹果", share=False)
    assert not at.code and not at.download_button
    assert not any("|---:|" in m.value for m in at.markdown)


def test_the_numbers_of_the_step_are_a_table():
    at = run_app(s="我 吃 苹果", t="2", numbers=True)
    table = next(m.value for m in at.markdown if "|---:|" in m.value)
    tr = tag_text(resources.builtin_model(), "我 吃 苹果").trace
    rows = [r for r in table.splitlines() if re.match(r"\| \d+ \|", r)]
    assert len(rows) == tr.model.H
    s_t = [float(r.split("|")[-2].replace("−", "-")) for r in rows]
    np.testing.assert_allclose(s_t, tr.s[2], atol=5e-4)


# --- exports -------------------------------------------------------------------------------

def test_download_buttons_are_offered_and_built_on_demand():
    at = run_app(s="我 吃 苹果", t="2")
    names = [d.proto.label for d in at.download_button]
    assert names[0] == text("lecture.dl.html", "en") and len(names) == 7


@pytest.fixture(scope="module")
def ctx():
    model = resources.builtin_model()
    tg = tag_text(model, "我 吃 苹果")
    return context.Context("zh", style.Look(lang="zh"), model, "我 吃 苹果", tg, "network")


def test_the_offline_view_has_every_figure(ctx):
    page = views.view_html(ctx, 2).decode("utf-8")
    assert page.count('class="rnnviz-figure"') == 5
    assert page.count("<script>") == 6 and "Plotly.newPlot" in page
    assert "https://" not in page.split("<script>")[1][:200]    # plotly.js inline, no CDN
    assert text("export.title", "zh", sentence="我 吃 苹果", t=2) in page
    assert 4_000_000 < len(page) < 8_000_000


def test_matrix_downloads_match_the_model(ctx):
    body = views._csv("W", ctx.tagging.trace).decode("utf-8-sig")
    assert body.splitlines()[0].startswith("W,h1,h2")
    z = np.load(__import__("io").BytesIO(export.npz_bytes(ctx.tagging.trace)))
    np.testing.assert_array_equal(z["U"], ctx.model.U)


# --- themes ------------------------------------------------------------------------------

def test_the_app_theme_backgrounds_are_the_figures():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["theme"]["light"]["backgroundColor"] == style.Look(dark=False).bg
    assert config["theme"]["dark"]["backgroundColor"] == style.Look(dark=True).bg
    assert "base" not in config["theme"]        # the viewer (or the system) chooses


def test_a_dark_theme_reported_by_the_browser_redraws_the_figures():
    at = run_app(s="我 吃 苹果")
    assert not json.loads(charts(at)[0].proto.spec)["layout"]["paper_bgcolor"] \
        == style.DARK_BG
    at.session_state[context.BROWSER_KEY] = {"theme": "dark"}
    at.run()
    spec = json.loads(charts(at)[0].proto.spec)
    assert spec["layout"]["paper_bgcolor"] == style.DARK_BG
    assert link_of(at)["embed_options"] == "dark_theme"
    assert spec["data"][next(i for i, d in enumerate(spec["data"]) if d.get("type") ==
                             "heatmap")]["colorscale"] == style.DIVERGING   # same scale
