"""Exports: readable, safe file names; the matrices with their labels as CSV and .npz;
the offline HTML file (escaped, every figure, opened in Chromium without a network)."""
import csv
import io
import re

import numpy as np
import pytest

from rnnviz.ui import export
from rnnviz.training.builtin import load_default
from rnnviz.figures.style import Look
from rnnviz.figures.unrolled import make_unrolled
from rnnviz.training.tagger import tag_text

MODEL = load_default()
HOSTILE = "</script><script>alert(1)</script> <img src=x onerror=alert(2)> 我 吃"


@pytest.fixture(scope="module")
def tg():
    return tag_text(MODEL, "我 吃 苹果")


@pytest.mark.parametrize("sentence, expected", [
    ("我 吃 苹果", "rnnviz_rnn_我-吃-苹果_t2_unrolled"),
    ("I don't like tea.", "rnnviz_rnn_I-don-t-like-tea_t2_unrolled"),
    ("../../etc/passwd", "rnnviz_rnn_etc-passwd_t2_unrolled"),
    ('a/b\\c:d*e?f"g<h>i|j', "rnnviz_rnn_a-b-c-d-e-f-g-h-i-j_t2_unrolled"),
    ("   ", "rnnviz_rnn_x_t2_unrolled"),
])
def test_file_names_are_readable_and_safe(sentence, expected):
    assert export.filename("rnn", sentence, 2, "unrolled") == expected


def test_file_names_stay_short_and_plain():
    name = export.filename("weights", HOSTILE * 20, 17, "u_full")
    assert re.fullmatch(r"[\w\-]+", name) and len(name) < 100
    assert export.filename("rnn", "我", None, None) == "rnnviz_rnn_我"


def test_matrices_carry_their_labels(tg):
    m = export.matrices(tg.trace)
    H, K, T = MODEL.H, MODEL.K, tg.T
    assert m["U"].values.shape == (H, MODEL.n_vocab) and m["U"].cols == MODEL.vocab
    assert m["W"].rows == m["W"].cols == tuple(f"h{h}" for h in range(1, H + 1))
    assert m["V"].rows == MODEL.tags and m["V"].values.shape == (K, H)
    assert m["S"].cols == ("1:我", "2:吃", "3:苹果") and m["S"].values.shape == (H, T)
    np.testing.assert_array_equal(m["S"].values[:, 1], tg.trace.s[2])     # column t is s_t
    np.testing.assert_array_equal(m["O"].values[:, 0], tg.trace.o[0])


@pytest.mark.parametrize("name", ["U", "W", "V", "S", "O"])
def test_csv_reads_back_to_the_numbers(tg, name):
    m = export.matrices(tg.trace)[name]
    rows = list(csv.reader(io.StringIO(export.csv_text(name, m))))
    # labels a spreadsheet would read as a formula (-, =, +, @) come out quoted: '-
    assert rows[0] == [name, *map(export._label, m.cols)]
    assert [r[0] for r in rows[1:]] == list(map(export._label, m.rows))
    assert all(a == b or a == "'" + b for a, b in zip(rows[0][1:], m.cols))
    np.testing.assert_allclose(np.array([r[1:] for r in rows[1:]], dtype=float), m.values,
                               rtol=1e-8)


def test_csv_labels_are_not_formulas():
    m = export.Labelled(np.array([[-1.5, 2.0]]), ("=cmd|' /C calc'!A0",), ("@SUM(1)", "+1"))
    rows = list(csv.reader(io.StringIO(export.csv_text("X", m))))
    assert rows == [["X", "'@SUM(1)", "'+1"], ["'=cmd|' /C calc'!A0", "-1.5", "2"]]


def test_csv_keeps_hostile_words_as_cells():
    tg = tag_text(MODEL, 'a,b "c" =1+1')
    text = export.csv_text("S", export.matrices(tg.trace)["S"])
    header = next(csv.reader(io.StringIO(text)))
    assert header[1:] == [f"{i}:{w}" for i, w in enumerate(tg.tokens, 1)]


def test_npz_loads_without_pickle(tg):
    z = np.load(io.BytesIO(export.npz_bytes(tg.trace)), allow_pickle=False)
    np.testing.assert_array_equal(z["W"], MODEL.W)
    np.testing.assert_array_equal(z["S"], tg.trace.s[1:].T)
    assert list(z["tokens"]) == ["我", "吃", "苹果"] and list(z["tags"]) == list(MODEL.tags)
    assert str(z["f"]) == MODEL.f and z["vocab"].shape == (MODEL.n_vocab,)


def page_of(sentence, *, n_figures=2):
    tg = tag_text(MODEL, sentence)
    figs = [export.Figure(f"heading {i} {sentence}", make_unrolled(tg.trace, 1, look=Look())
                          .to_json(), f"alt {sentence}") for i in range(n_figures)]
    return export.view_html(title=f"title {sentence}", intro="intro", figures=figs,
                            plotly_js="/*plotly*/", chips_html="<div>chips</div>")


def test_html_escapes_what_the_user_typed():
    page = page_of(HOSTILE)
    assert page.count("<script>") == 1 + 2          # plotly.js, then one per figure
    assert "alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;/script&gt;" in page                 # the title and headings, as text
    assert '"\\u0026lt;","\\u002f","script"' in page   # figure text: style.esc, JSON-escaped
    assert page.count('class="rnnviz-figure"') == 2 and "<div>chips</div>" in page


# --- in Chromium, with no network ------------------------------------------------------
@pytest.mark.browser
def test_exported_view_works_offline_in_chromium(browser, tmp_path):
    from plotly.offline import get_plotlyjs

    from browser_util import screenshot

    tg = tag_text(MODEL, HOSTILE)
    figs = [export.Figure("", make_unrolled(tg.trace, t, unknown=tg.unknown, look=Look())
                          .to_json(), f"step {t}") for t in (1, 2)]
    html = export.view_html(title="offline", intro="no network", figures=figs,
                            plotly_js=get_plotlyjs())
    path = tmp_path / "view.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    requests, dialogs, errors = [], [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        "file://") else (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector(".rnnviz-figure .main-svg", timeout=30_000)
    assert page.locator(".rnnviz-figure .main-svg").count() >= 2
    assert requests == [] and dialogs == [] and errors == []
    assert page.locator("img[src='x']").count() == 0
    screenshot(page, "export-offline-hostile")
    context.close()
