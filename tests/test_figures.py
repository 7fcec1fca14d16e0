"""The figures contain what they claim: nodes per token, labels, the selected step,
values equal to the trace. Every figure is also validated by Plotly."""
import html
import itertools

import numpy as np
import plotly.graph_objects as go
import pytest

from rnnviz.data import DEFAULT_MODEL
from rnnviz.figures import formula, heatmaps, neurons, unrolled
from rnnviz.figures.chips import chips_html
from rnnviz.figures.folded import make_folded
from rnnviz.figures.style import Look, esc, pretty
from rnnviz.nn.checkpoint import load
from rnnviz.training.tagger import tag_text

MODEL = load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def tg():
    return tag_text(MODEL, "我 吃 苹果")


def valid(fig: go.Figure) -> go.Figure:
    """Plotly's own validation of every property (the builders skip it for speed);
    returns the figure itself, whose arrays are the ones the builder passed."""
    go.Figure(fig.to_dict())
    return fig


def trace_named(fig, name):
    return [d for d in fig.data if d.name == name]


def test_unrolled_has_one_column_per_token_and_s0(tg):
    fig = valid(unrolled.make_unrolled(tg.trace, 2, unknown=tg.unknown))
    s = trace_named(fig, "s")[0]
    z = np.asarray(s.z, dtype=float)
    assert z.shape == (MODEL.H, 2 * 3 + 1)                      # s_0..s_3 with gaps
    np.testing.assert_array_equal(z[:, 0::2], tg.trace.s.T)     # the states, exactly
    assert np.isnan(z[:, 1::2]).all()
    assert list(trace_named(fig, "x")[0].text) == ["我", "吃", "苹果"]
    o_text = list(trace_named(fig, "o")[0].text)
    assert [t.split("<br>")[0] for t in o_text] == ["nn", "v", "nn"]
    assert o_text[1].endswith(f"{tg.trace.confidence[1]:.2f}")
    ticks = list(fig.layout.xaxis.ticktext)
    assert ticks[2] == "<b>t = 2</b>" and ticks[1] == "t = 1"    # the selected step
    steps = trace_named(fig, "steps")[0]
    assert sorted(set(steps.customdata)) == [1, 2, 3]            # click targets carry t
    assert fig.layout.meta["t"] == 2 and fig.layout.meta["T"] == 3


def test_unrolled_highlights_the_selected_column(tg):
    for t in (1, 3):
        fig = unrolled.make_unrolled(tg.trace, t)
        highlight = [s for s in fig.layout.shapes if s.opacity and s.opacity < 1]
        assert len(highlight) == 1
        assert highlight[0].x0 < t < highlight[0].x1


def test_unrolled_marks_unknown_words_and_arrows_are_labelled():
    tg = tag_text(MODEL, "我 吃 榴莲")
    assert tg.unknown == (False, False, True)
    fig = valid(unrolled.make_unrolled(tg.trace, 3, unknown=tg.unknown))
    assert list(trace_named(fig, "x")[0].text)[2] == "榴莲?"
    dotted = [s for s in fig.layout.shapes if s.line and s.line.dash == "dot"]
    assert len(dotted) == 1 and dotted[0].x0 < 3 < dotted[0].x1
    names = list(trace_named(fig, "names")[0].text)
    assert {"U", "W", "V"} <= set(names)
    assert {d.name for d in fig.data} >= {"U", "W", "V"}          # the three arrow kinds


def test_unrolled_rejects_a_step_outside_the_sentence(tg):
    with pytest.raises(ValueError, match="step t=4 is outside 1..3"):
        unrolled.make_unrolled(tg.trace, 4)


def test_folded_shows_the_shapes_and_the_current_vectors(tg):
    fig = valid(make_folded(tg.trace, 2))
    labels = " ".join(t for d in fig.data if d.mode == "text" for t in d.text)
    H, K, n = MODEL.H, MODEL.K, MODEL.n_vocab
    assert f"U<br>{H}×{n}" in labels and f"W<br>{H}×{H}" in labels and f"V<br>{K}×{H}" in labels
    hover = trace_named(fig, "folded")[0].hovertext
    assert "吃" in hover[0] and f"{tg.trace.s[2][0]:+.2f}".replace("-", "−") in hover[1]
    assert "v: " in hover[2]


def test_neurons_light_the_active_input_and_colour_units_by_value(tg):
    fig = valid(neurons.make_neurons(tg.trace, 2))
    x = trace_named(fig, "x")[0]
    colours = list(x.marker.color)
    assert colours.count(colours[1]) == 1                  # only 吃 (step 2) is lit
    np.testing.assert_array_equal(trace_named(fig, "s")[0].marker.color, tg.trace.s[2])
    np.testing.assert_array_equal(trace_named(fig, "s_prev")[0].marker.color, tg.trace.s[1])
    np.testing.assert_array_equal(trace_named(fig, "o")[0].marker.color, tg.trace.o[1])
    # every W weight is drawn once: count the segments of the W edge traces
    n_w = sum(sum(1 for v in d.x if v is None) for d in trace_named(fig, "W"))
    assert n_w == int((MODEL.W != 0).sum())
    # width grows with |weight|: the widest W edges carry the largest weights
    widths = {d.line.width for d in trace_named(fig, "W")}
    assert len(widths) > 1


def test_neuron_input_labels_never_share_a_row_with_a_neighbour():
    from rnnviz.figures.neurons import INPUT_LABEL_EMS
    from rnnviz.figures.style import text_width
    tr = tag_text(MODEL, "My teacher explained recurrent neural networks yesterday").trace
    fig = valid(neurons.make_neurons(tr, 7))
    lab = trace_named(fig, "x_labels")[0]
    assert len(lab.text) == 5
    rows = {}
    for x, y, word in zip(lab.x, lab.y, lab.text):
        assert text_width(html.unescape(word), 1.0) <= INPUT_LABEL_EMS, word
        rows.setdefault(y, []).append(x)
    assert len(rows) == 2                                   # two rows, alternating
    assert all(b - a >= 2 for xs in rows.values() for a, b in itertools.pairwise(xs))
    assert "yesterday" in " ".join(lab.hovertext)           # the hover names it whole
    assert any(w.endswith("…") for w in lab.text)


def test_formula_numbers_are_the_trace(tg):
    t = 3
    fig = valid(formula.make_formula(tg.trace, t))
    hidden = fig.data[0]
    z = np.asarray(hidden.z, dtype=float)
    np.testing.assert_array_equal(z[:, 0], tg.trace.Ux[t - 1])
    np.testing.assert_array_equal(z[:, 2], tg.trace.Ws[t - 1])
    np.testing.assert_array_equal(z[:, 4], MODEL.b)
    np.testing.assert_array_equal(z[:, 6], tg.trace.a[t - 1])
    np.testing.assert_array_equal(z[:, 8], tg.trace.s[t])
    np.testing.assert_allclose(z[:, 0] + z[:, 2] + z[:, 4], z[:, 6], rtol=1e-12)
    np.testing.assert_allclose(np.tanh(z[:, 6]), z[:, 8], rtol=1e-12)
    o = np.asarray(fig.data[2].z, dtype=float)[:, 0]
    np.testing.assert_array_equal(o, tg.trace.o[t - 1])
    assert "苹果" in fig.layout.title.text and "tanh" in fig.layout.title.text


def test_heatmaps_draw_the_matrices_with_one_shared_scale(tg):
    fig = valid(heatmaps.make_heatmaps(tg.trace, 2))
    by_name = {d.name: d for d in fig.data}
    np.testing.assert_array_equal(np.asarray(by_name["U"].z), MODEL.U[:, tg.trace.x])
    np.testing.assert_array_equal(np.asarray(by_name["W"].z), MODEL.W)
    np.testing.assert_array_equal(np.asarray(by_name["V"].z), MODEL.V)
    np.testing.assert_array_equal(np.asarray(by_name["S"].z), tg.trace.s[1:].T)
    np.testing.assert_array_equal(np.asarray(by_name["O"].z), tg.trace.o.T)
    assert {by_name[k].coloraxis for k in "UWVS"} == {"coloraxis"}
    assert by_name["O"].coloraxis == "coloraxis2"
    ca = fig.layout.coloraxis
    zmax = max(np.abs(a).max() for a in (MODEL.U[:, tg.trace.x], MODEL.W, MODEL.V, tg.trace.s))
    assert ca.cmin == -zmax and ca.cmax == zmax                 # centred on 0
    assert list(by_name["V"].y) == list(MODEL.tags)             # rows named by tag
    assert list(by_name["S"].x) == ["1:我", "2:吃", "3:苹果"]
    outlined = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(outlined) == 3 and all(s.x0 == 0.5 and s.x1 == 1.5 for s in outlined)
    assert by_name["W"].hovertemplate.startswith("W[%{y}, %{x}] = %{z")


def test_whole_u_marks_the_sentence_columns(tg):
    fig = valid(heatmaps.make_u_full(MODEL, highlight=tg.trace.x))
    cols = heatmaps.u_columns(MODEL, tg.trace.x)
    assert np.asarray(fig.data[0].z).shape == (MODEL.H, len(cols))
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), MODEL.U[:, cols].astype(np.float32))
    assert set(tg.trace.x) <= set(cols) and len(cols) <= min(MODEL.n_vocab,
                                                             heatmaps.MAX_WORDS + 200)
    small = valid(heatmaps.make_u_full(MODEL, max_words=MODEL.n_vocab))   # every column
    assert np.asarray(small.data[0].z).shape == (MODEL.H, MODEL.n_vocab)
    assert sorted(fig.data[1].x) == sorted({MODEL.vocab[i] for i in tg.trace.x})
    assert len(fig.to_json()) < 200_000                         # float32, no per-cell text


def test_chips_escape_user_text_and_mark_unknown_words():
    html = chips_html(["<script>alert(1)</script>", "我"], ["nn", "v"], [0.9, 0.8],
                      [True, False], lang="en", unknown_note="unknown")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("dashed") == 1 and "&#10;P(nn) = 0.900 — unknown\"" in html
    with pytest.raises(ValueError, match="lengths differ"):
        chips_html(["a"], [], [], [], lang="en", unknown_note="")


def test_user_text_is_escaped_in_figures():
    tg = tag_text(MODEL, "<b>x</b> <a href='javascript:alert(1)'>")
    fig = unrolled.make_unrolled(tg.trace, 1, unknown=tg.unknown)
    words = " ".join(trace_named(fig, "x")[0].text)
    assert "<" not in words.replace("<br>", "")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_speak_the_chosen_language(tg, lang):
    look = Look(lang=lang)
    title = neurons.make_neurons(tg.trace, 1, look=look).layout.title.text
    assert ("神经元" in title) == (lang == "zh")
    assert ("Neuron" in title) == (lang == "en")


def test_presenter_look_enlarges_text(tg):
    small = unrolled.make_unrolled(tg.trace, 1, look=Look(font_size=14))
    big = unrolled.make_unrolled(tg.trace, 1, look=Look(font_size=20))
    assert big.layout.font.size == 20 > small.layout.font.size
    assert trace_named(big, "x")[0].textfont.size > trace_named(small, "x")[0].textfont.size


def test_style_helpers():
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert pretty("s_{t-1} and x_2") == "s<sub>t-1</sub> and x<sub>2</sub>"
