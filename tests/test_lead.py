"""The app leads a new student: the tags named where they are shown (the chips'
tooltips and legend), each page's link to the next idea, the network page's line
to the guided lesson."""
import html
import re

import numpy as np
import pytest

from conftest import run_app
from rnnviz.figures.chips import chips_html, legend_html, tag_name, tag_title
from rnnviz.figures.compare import Row, cards_html, make_probs
from rnnviz.figures.style import Look
from rnnviz.i18n import STRINGS, text
from rnnviz.text.tagset import TAGS
from rnnviz.ui import lead, urlstate
from rnnviz.ui.shell import PAGES

HOSTILE = '<img src=x onerror="alert(1)">$x$:red[y]'


def titles(markup: str) -> list[str]:
    """The tooltips of ``markup`` as the browser shows them."""
    return [html.unescape(t) for t in re.findall(r'title="([^"]*)"', markup)]


def legend_entries(markup: str) -> list[str]:
    """The legend's entries as text: "nn noun / pronoun"."""
    legend = markup[markup.index('class="rnnviz-legend"'):]
    spans = re.findall(r'rnnviz-legend-tag".*?>(.*?)</span>(?= |</div>)', legend)
    return [html.unescape(re.sub(r"<[^>]+>", "", s)).strip() for s in spans]


# --------------------------------------------------------------------------- the tags

def test_every_tag_has_a_short_and_a_full_name():
    for tag in TAGS:
        for lang in ("en", "zh"):
            assert text(f"tags.name.{tag}", lang) and text(f"tags.about.{tag}", lang)
            assert tag_title(tag, lang).startswith(f"{tag} — ")
    assert {k.split(".")[-1] for k in STRINGS if k.startswith("tags.about.")} == set(TAGS)


@pytest.mark.parametrize("lang, nn, v", [
    ("en", "nn — noun, pronoun or name, e.g. 苹果, 我 / apple, I", "v verb"),
    ("zh", "nn — 名词、代词或专有名词，例如 苹果、我 / apple、I", "v 动词"),
])
def test_chips_name_their_tags_on_hover_and_in_a_legend(lang, nn, v):
    markup = chips_html(["我", "吃", "苹果"], ["nn", "v", "nn"], [0.9, 0.8, 0.7],
                        [False, False, True], lang=lang, unknown_note="unknown", font_px=20)
    chip_titles = titles(markup[:markup.index("rnnviz-legend")])
    assert chip_titles[0] == f"{nn}\nP(nn) = 0.900"
    assert chip_titles[2].endswith("P(nn) = 0.700 — unknown")
    # each tag once, in the order of the sentence, its full name on hover
    entries = legend_entries(markup)
    assert entries == [f"nn {tag_name('nn', lang)}", v]
    assert titles(markup[markup.index("rnnviz-legend"):]) == [nn, tag_title("v", lang)]
    assert 'font-size:15px' in markup                 # 0.75 of the chips' 20 px


def test_the_legend_can_be_left_out_and_is_empty_without_tags():
    markup = chips_html(["a"], ["nn"], [1.0], [False], lang="en", unknown_note="",
                        legend=False)
    assert "rnnviz-legend" not in markup
    assert legend_html([], "en") == ""


def test_a_tag_of_uploaded_data_is_named_as_such_and_escaped():
    markup = chips_html(["<b>w</b>", "x"], [HOSTILE, "NOUN"], [0.5, 0.6], [False, False],
                        lang="zh", unknown_note="?")
    assert "<img" not in markup and "<b>w" not in markup and "$x$" not in markup
    assert ":red[" not in markup
    assert legend_entries(markup) == [f"{HOSTILE} 你的数据里的标签", "NOUN 你的数据里的标签"]
    assert titles(markup)[0] == f"{HOSTILE} — 你的数据里的标签\nP({HOSTILE}) = 0.500"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_why_pages_cards_name_the_tags_of_both_taggers(lang):
    rows = [Row("RNN", ["nn", "v"], [0.9, 0.8]), Row("ff", ["v", "pu"], [0.6, 0.7])]
    markup = cards_html(["<script>", "b"], rows, lang=lang, marked=[True, False],
                        unknown=[False, False])
    assert "<script>" not in markup
    assert titles(markup)[1] == f"{tag_title('nn', lang)}\nRNN: P(nn) = 0.900"
    # word by word: nn and v under the first word, then pu
    assert [e.split()[0] for e in legend_entries(markup)] == ["nn", "v", "pu"]
    no_legend = cards_html(["a"], [Row("x", ["nn"], [1.0])], lang=lang, marked=[False],
                           unknown=[False], legend=False)
    assert "rnnviz-legend" not in no_legend


def test_the_why_pages_probabilities_name_the_tag_on_hover():
    fig = make_probs(np.array([0.7, 0.3]), np.array([0.4, 0.6]), ["d", HOSTILE], word="a", t=1,
                     look=Look(lang="zh"))
    hover = fig.data[0].hovertext
    assert hover[0] == "RNN<br>d — 限定词<br>P(d) = 0.700"
    assert "<img" not in hover[1] and "你的数据里的标签" in hover[1]


def test_the_network_page_shows_the_legend_in_the_interface_language():
    at = run_app(s="我 吃 苹果", lang="zh")
    chips = next(m.value for m in at.markdown if "rnnviz-chips" in m.value)
    assert legend_entries(chips) == ["nn 名词 / 代词", "v 动词"]
    assert "nn — 名词、代词或专有名词" in html.unescape(chips)


# --------------------------------------------------------------------------- next ideas

ORDER = [urlstate.WHY, urlstate.NETWORK, urlstate.WEIGHTS, urlstate.BACKPROP, urlstate.CELLS,
         urlstate.TRAIN]
FILE = {p.url_path: p.file for p in PAGES}


def test_the_pages_lead_in_the_order_of_the_tutorials_argument():
    assert [lead.NEXT[a] for a in ORDER[:-1]] == [FILE[b] for b in ORDER[1:]]
    assert lead.NEXT[urlstate.TRAIN] == lead.LESSON_FILE == "pages/lesson.py"
    for page in ORDER:
        assert text(f"lead.next.{page}", "en") != text(f"lead.next.{page}", "zh")


def links(at) -> list[tuple[str, str]]:
    """(target URL path, label) of every page link drawn."""
    return [(p.proto.page, p.proto.label) for p in at.get("page_link")]


@pytest.mark.parametrize("page", ORDER[:-1])
def test_each_page_ends_with_a_link_to_the_next_idea(page):
    at = run_app(page=FILE[page], s="I eat apples", lang="zh", present="true")
    assert not at.exception, at.exception
    nxt = ORDER[ORDER.index(page) + 1]
    title = text(next(p.title_key for p in PAGES if p.url_path == nxt), "zh")
    # the first page is served at "/"
    assert links(at)[-1] == ("" if nxt == urlstate.NETWORK else nxt, f"下一步：{title}")
    # like the menu's links, it carries no parameters: the next page writes the
    # session's sentence, language and presenter view to its address itself
    assert at.get("page_link")[-1].proto.query_string == ""
    assert any(text(f"lead.next.{page}", "zh") == m.value for m in at.markdown)


LESSON_LISTED = lead.spec_of(lead.LESSON_FILE) is not None


def test_train_leads_back_to_the_lesson():
    """With the lesson in the app, Train's last link opens it; without it (a build
    without pages/lesson.py), Train ends without one and without an error."""
    at = run_app(page=FILE[urlstate.TRAIN], lang="en")
    assert not at.exception, at.exception
    if LESSON_LISTED:
        assert links(at)[-1][0] == "lesson"
    else:
        assert not links(at)


@pytest.mark.parametrize("present", ["false", "true"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_network_page_points_new_visitors_to_the_lesson(present, lang):
    at = run_app(s="我 吃 苹果", lang=lang, present=present)
    assert not at.exception, at.exception
    leads = [label for target, label in links(at) if target == "lesson"]
    said = [c.value for c in at.caption if c.value == text("lead.new_visitor", lang)]
    if LESSON_LISTED and present == "false":
        assert leads == [text("lead.start", lang)] and len(said) == 1
    else:                                   # presenter view: the lecturer is the guide
        assert not leads and not said
