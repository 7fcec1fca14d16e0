"""Every page through app.py (AppTest): it runs, and it reacts to the user."""
import json
import re
from pathlib import Path

import pytest

from conftest import charts, move_step_slider, run_app
from rnnviz.ui.shell import PAGES

SENTENCE_PAGES = [p.file for p in PAGES if p.sentence]


def chips(at) -> str:
    """The tagging as text: 我/nn 吃/v 苹果/nn, read from the chips' HTML."""
    html = next(m.value for m in at.markdown if "rnnviz-chips" in m.value)
    spans = re.findall(r'rnnviz-chip".*?>(.*?)</span>', html)
    return " ".join(re.sub(r"<[^>]+>", "", s) for s in spans)


@pytest.mark.parametrize("spec", PAGES, ids=[p.file for p in PAGES])
def test_every_page_runs_without_an_exception(spec):
    at = run_app(page=spec.file, s="我 吃 苹果")
    assert not at.exception, at.exception
    assert bool(at.text_input) == spec.sentence          # the frame draws the sentence box


def test_url_paths_are_the_file_names():
    """Streamlit's pages/ discovery (first run of a server, AppTest) names a page by its
    stem; st.navigation must give it the same path (shell.page relies on it)."""
    assert [spec.url_path for spec in PAGES] == [Path(spec.file).stem for spec in PAGES]
    assert sorted(Path(spec.file).name for spec in PAGES) == sorted(
        p.name for p in (Path(__file__).parents[1] / "pages").glob("*.py"))


def test_main_page_tags_the_tutorial_sentence():
    at = run_app(s="我 吃 苹果")
    assert at.text_input(key="s").value == "我 吃 苹果"
    assert chips(at) == "我/nn 吃/v 苹果/nn"
    assert len(charts(at)) == 3                         # unrolled, formula, neurons


def test_typing_a_new_sentence_updates_the_views():
    at = run_app(s="我 吃 苹果")
    at.text_input(key="s").set_value("I eat apples").run()
    assert not at.exception
    assert chips(at) == "I/nn eat/v apples/nn"


def test_default_sentence_is_the_tutorials():
    at = run_app()
    assert at.text_input(key="s").value == "我 吃 苹果"
    assert chips(at) == "我/nn 吃/v 苹果/nn"


def test_stepping_buttons_move_t_and_stay_in_range():
    at = run_app(s="我 吃 苹果")
    assert at.session_state["t"] == 1
    at.button(key="t_next").click().run()
    assert at.session_state["t"] == 2
    at.button(key="t_last").click().run()
    assert at.session_state["t"] == 3
    at.button(key="t_next").click().run()
    assert at.session_state["t"] == 3                   # stays at T
    at.button(key="t_first").click().run()
    at.button(key="t_prev").click().run()
    assert at.session_state["t"] == 1
    move_step_slider(at, 2).run()
    assert at.session_state["t"] == 2 and not at.exception


def test_a_slider_value_the_browser_sends_late_does_not_move_the_step():
    """A click or a play tick sent before the browser took the app's last step carries
    the slider's older value while the address already holds the new t (Streamlit's
    frontend updates a slider's state two React effects after drawing it)."""
    at = run_app(s="我 吃 苹果 和 香蕉", t="2")
    at.slider(key="t").set_value(5)             # the older value; the address says t=2
    at.button(key="t_next").click().run()
    assert not at.exception and at.session_state["t"] == 3
    at.slider(key="t").set_value(2)             # older again, then Play: from t = 3
    at.button(key="t_play").click().run()
    assert at.session_state["t"] == 4 and at.session_state["playing"]
    at.button(key="t_play").click().run()       # pause where it is
    assert at.session_state["t"] == 4 and not at.session_state["playing"]
    move_step_slider(at, 5).run()               # a slider the user moved is followed
    assert at.session_state["t"] == 5


def test_step_is_clamped_when_the_sentence_gets_shorter():
    at = run_app(s="我 吃 苹果", t="3")
    assert at.session_state["t"] == 3
    at.text_input(key="s").set_value("我").run()
    assert not at.exception and at.session_state["t"] == 1


def test_play_walks_to_the_end_and_stops():
    """Each run of the step fragment is one tick (AppTest runs it on every run)."""
    at = run_app(s="我 吃 苹果")
    at.button(key="t_play").click().run()
    assert at.session_state["playing"] is True and at.session_state["t"] == 2
    at.run()
    assert at.session_state["t"] == 3
    at.run()
    assert at.session_state["playing"] is False and at.session_state["t"] == 3
    at.button(key="t_play").click().run()               # play again: from the start
    assert at.session_state["t"] == 2 and at.session_state["playing"] is True


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b"])
def test_blank_input_gets_a_friendly_prompt_not_an_error(text):
    at = run_app(s="x")
    at.text_input(key="s").set_value(text).run()
    assert not at.exception
    assert any("Type a sentence" in i.value for i in at.info)
    assert waiting_network(at) == folded_shapes()     # the folded network, nothing more


def waiting_network(at):
    """The one chart of a page whose box is blank: the folded network it draws, as the
    shapes its U, W, V labels give ((H, |vocab|), (H, H), (K, H))."""
    [chart] = charts(at)
    assert chart.key == "folded_blank"
    spec = json.loads(chart.proto.spec)
    meta = spec["layout"]["meta"]
    assert (json.loads(meta) if isinstance(meta, str) else meta) == {"kind": "folded", "t": 0}
    text = " ".join(str(w) for d in spec["data"] for w in (d.get("text") or []))
    return tuple(tuple(map(int, m)) for m in re.findall(r"[UWV]<br>(\d+)×(\d+)", text))


def folded_shapes(model=None):
    """The shapes of U, W, V of ``model`` (default: the built-in tagger)."""
    from rnnviz.ui import resources
    m = model or resources.builtin_model()
    return ((m.H, m.n_vocab), (m.H, m.H), (m.K, m.H))


def test_long_input_is_cut_with_a_note():
    at = run_app(s=" ".join(["我 吃 苹果"] * 30))
    assert not at.exception
    assert any("first 50 tokens" in w.value for w in at.warning)


def test_hostile_text_is_shown_as_text():
    at = run_app(s="<script>alert(1)</script> <img src=x onerror=alert(1)>")
    assert not at.exception
    html = next(m.value for m in at.markdown if "rnnviz-chips" in m.value)
    assert "<script" not in html and "<img" not in html
    assert html.count("&lt;") >= 3 and "onerror" in html        # there, as inert text


def test_heatmaps_page_and_the_whole_u_switch():
    at = run_app(page="pages/weights.py", s="我 吃 苹果")
    assert not at.exception and len(charts(at)) == 1
    at.toggle(key="u_full").set_value(True).run()
    assert not at.exception and len(charts(at)) == 2


def test_sentence_is_kept_when_moving_between_pages():
    at = run_app(s="I eat apples")
    at.switch_page("pages/weights.py").run()
    assert at.text_input(key="s").value == "I eat apples"
    at.switch_page("pages/network.py").run()
    assert chips(at) == "I/nn eat/v apples/nn"


def test_chinese_interface():
    at = run_app(s="我 吃 苹果", lang="zh")
    assert not at.exception
    assert at.text_input(key="s").label.startswith("句子")


@pytest.mark.parametrize("spec", PAGES, ids=[p.file for p in PAGES])
def test_every_page_runs_in_chinese_presenter_view_from_a_full_link(spec):
    """A link copied from the share panel (every field, defaults included) opens every
    page, in Chinese and in presenter view, without an error or a URL notice."""
    from rnnviz.ui import urlstate
    query = {f.name: f.format(f.default) for f in urlstate.fields_of(spec.url_path)
             if f.default is not None}
    at = run_app(page=spec.file, **{**query, "lang": "zh", "present": "true",
                                    "embed_options": "dark_theme"})
    assert not at.exception, at.exception
    assert not at.warning or all("链接" not in w.value for w in at.warning)
