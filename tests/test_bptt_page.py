"""The BPTT page (pages/bptt.py): it draws what BPTT computed, reacts, and stays per-session."""
import json
import urllib.parse

import numpy as np
import pytest
from browser_util import Server, screenshot, settle, wait_for_box, wait_for_url
from conftest import charts, run_app
from st_client import StreamlitSession, run_sync

from rnnviz.figures.plotly_fence import wire_meta
from rnnviz.lessons.backprop import exploding_scale, lesson, spectral_radius, variant
from rnnviz.nn.bptt import gradient_flow
from rnnviz.nn.checkpoint import load
from rnnviz.nn.forward import trace
from rnnviz.training.builtin import DEFAULT_MODEL, load_default
from rnnviz.training.tagger import tag_text
from rnnviz.ui import models

PAGE = "pages/bptt.py"
LONG = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"   # T = 20


def figures(at) -> dict:
    """The page's Plotly figures as dicts, by their ``meta.kind``."""
    out = {}
    for chart in charts(at):
        fig = json.loads(chart.proto.spec)
        fig["layout"]["meta"] = wire_meta(fig["layout"])        # sent as a JSON string
        out[fig["layout"]["meta"]["kind"]] = fig
    return out


def array(value) -> np.ndarray:
    """A Plotly JSON array (plain list or base64 'bdata') as a float array."""
    if isinstance(value, dict):
        import base64
        raw = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if isinstance(shape, str):
            shape = [int(n) for n in shape.split(",")]
        return raw.reshape(shape).astype(float) if shape else raw.astype(float)
    return np.array(value, dtype=float)


def trace_named(fig: dict, name: str) -> dict:
    return next(tr for tr in fig["data"] if tr.get("name") == name)


def loss(at) -> float:
    """L as the page writes it under the targets."""
    line = next(m.value for m in at.markdown if "**L = " in m.value)
    return float(line.split("**L = ")[1].split("**")[0])


def bptt_page(**query):
    at = run_app(page=PAGE, **query)
    assert not at.exception, at.exception
    return at


def test_page_draws_what_bptt_computed():
    at = bptt_page(s=LONG)
    figs = figures(at)
    assert set(figs) == {"backward", "flow", "gradients", "dw_terms"}
    m = load_default()
    tr = tag_text(m, LONG).trace
    flow = gradient_flow(trace(m, tr.x), tr.pred, reduction="sum")
    # the flow matrix is log10 ‖∂L_t/∂s_k‖ of the engine
    z = array(trace_named(figs["flow"], "flow")["z"])
    ok = ~np.isnan(z)
    assert (ok == ~np.isnan(flow.norms)).all()
    np.testing.assert_allclose(10 ** z[ok], flow.norms[ok], rtol=1e-9)
    # the backward graph follows L_T by default: strips are |∂L_T/∂a_k|
    assert figs["backward"]["layout"]["meta"]["t"] == 20
    delta = array(trace_named(figs["backward"], "delta")["z"])[:, 2::2]
    np.testing.assert_allclose(10 ** delta, np.abs(flow.dLda[19]).T, rtol=1e-9)
    # the gradients are BPTT's
    ls = lesson(m, tr.x, tr.pred)
    np.testing.assert_allclose(array(trace_named(figs["gradients"], "dW")["z"]), ls.grads.dW,
                               rtol=1e-12, atol=1e-18)


def test_w_scale_turns_vanishing_into_exploding():
    at = bptt_page(s=LONG, bptt_f="identity")
    at.slider(key="bptt_wscale").set_value(0.5).run()
    assert figures(at)["flow"]["layout"]["meta"]["trend"] == "vanishing"
    rho = spectral_radius(load_default().W)
    assert f"{0.5 * rho:.2f}" in " ".join(c.value for c in at.caption)   # ρ(W) shown
    at.slider(key="bptt_wscale").set_value(exploding_scale(load_default().W)).run()
    assert not at.exception
    meta = figures(at)["flow"]["layout"]["meta"]
    assert meta["trend"] == "exploding" and meta["factor"] > 1.5
    # the shared model was not touched by the derived copy
    np.testing.assert_array_equal(load_default().W, load(DEFAULT_MODEL).W)


def test_tanh_at_large_w_says_why_it_still_vanishes():
    at = bptt_page(s=LONG, bptt_wscale="1.5")
    meta = figures(at)["flow"]["layout"]["meta"]
    assert meta["trend"] == "vanishing"                   # tanh saturates: no explosion
    assert any("saturates" in m.value for m in at.markdown)


def test_url_sets_the_controls_and_truncation_cuts():
    at = bptt_page(s=LONG, bptt_trunc="4", bptt_t="10")
    figs = figures(at)
    assert figs["backward"]["layout"]["meta"]["t"] == 10
    assert figs["flow"]["layout"]["meta"]["truncate"] == 4
    cut = array(trace_named(figs["flow"], "cut")["z"])
    assert (~np.isnan(cut)).sum() == sum(max(t - 5, 0) for t in range(1, 21))   # t-k > 4
    assert any("k = 4" in m.value for m in at.markdown)             # what truncation cuts


def test_correcting_a_target_sends_a_large_error_back():
    at = bptt_page(s=LONG)
    before = loss(at)
    assert before < 0.05                                     # the model's own tags: small L
    at.menu_button(key="bptt_y_10").click("v").run()
    assert not at.exception
    assert "苹果 · **v**" == at.menu_button(key="bptt_y_10").label
    assert loss(at) > 0.1
    corrected = array(trace_named(figures(at)["flow"], "flow")["z"])[10]     # row t = 11
    plain = array(trace_named(figures(bptt_page(s=LONG))["flow"], "flow")["z"])[10]
    assert np.nanmax(corrected) > np.nanmax(plain) + 2          # ≥ 100× the error from L_11
    at.button(key="bptt_targets_reset").click().run()
    assert loss(at) == before


def test_gradient_check_runs_on_demand_and_agrees():
    at = bptt_page(s="我 吃 苹果")
    assert not at.table                                              # nothing before the click
    at.button(key="bptt_check").click().run()
    table = at.table[0].value
    assert len(table) == 6 and all(v.startswith("✓") for v in table.iloc[:, 2])


def test_sgd_step_lowers_the_loss_for_this_session_only():
    shared = load_default()
    W0 = np.array(shared.W)
    a = bptt_page(s=LONG)
    a.menu_button(key="bptt_y_10").click("v").run()
    loss_before = loss(a)
    a.button(key="bptt_sgd").click().run()
    assert not a.exception
    assert a.session_state["model"] == "session"                     # this session's own model
    loss_after = loss(a)
    assert loss_after < loss_before
    assert a.metric[0].value == f"{loss_after:.4f}"
    # another session still sees the built-in model, unchanged
    b = bptt_page(s=LONG)
    b.menu_button(key="bptt_y_10").click("v").run()
    assert loss(b) == loss_before
    np.testing.assert_array_equal(load_default().W, W0)
    np.testing.assert_array_equal(load_default().W, load(DEFAULT_MODEL).W)
    # reset brings session A back to the built-in model
    a.button(key="bptt_reset").click().run()
    assert a.session_state["model"] == "builtin"
    assert loss(a) == loss_before


def test_sgd_step_keeps_the_scaled_w_as_the_new_model():
    at = bptt_page(s="我 吃 苹果", bptt_wscale="0.5")
    at.button(key="bptt_sgd").click().run()
    assert not at.exception
    assert at.slider(key="bptt_wscale").value == 1.0                 # the scale is in the model
    own = at.session_state[models.SESSION_KEY][0]
    assert np.abs(own.W).max() < 0.6 * np.abs(load_default().W).max()
    at.button(key="bptt_reset").click().run()
    assert at.slider(key="bptt_wscale").value == 0.5


@pytest.mark.parametrize("lang, exact", [("en", "exact"), ("zh", "精确")])
def test_sgd_step_with_truncation_says_which_gradient_it_uses(lang, exact):
    """Truncation on: the step is θ − η g with g truncated BPTT's gradient, and the button
    and the message after the step say so, with ‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖."""
    at = bptt_page(s=LONG, bptt_trunc="3", lang=lang)
    m = load_default()
    tr = tag_text(m, LONG).trace
    ls = lesson(m, tr.x, tr.pred, truncate=3)
    gap = f"{100 * ls.gradient_gap():.1f} %"
    assert ls.gradient_gap() > 1e-3
    help_ = at.button(key="bptt_sgd").help
    assert "k = 3" in help_ and gap in help_ and exact in help_, help_
    at.button(key="bptt_sgd").click().run()
    assert not at.exception
    said = " ".join(c.value for c in at.caption) + " ".join(m.value for m in at.markdown)
    assert "k = 3" in said and gap in said
    # the step applied is exactly θ − η g with that g
    own = at.session_state[models.SESSION_KEY][0]
    lr = at.select_slider(key="bptt_lr").value
    np.testing.assert_allclose(own.W, m.W - lr * ls.grads.dW, rtol=1e-12, atol=1e-15)
    # without truncation the help is the exact gradient, with no gap to report
    plain = bptt_page(s=LONG, lang=lang).button(key="bptt_sgd").help
    assert "k = " not in plain and "∂L/∂θ" in plain


def test_overflow_is_explained_not_raised():
    at = run_app(page=PAGE, s=LONG)
    huge = variant(load_default().with_params(W=load_default().W * 1e20,
                                              U=load_default().U * 1e20), f="identity")
    at.session_state[models.SESSION_KEY] = (huge.frozen(), "test")
    at.session_state[models.CHOICE_KEY] = "session"
    at.run()
    assert not at.exception, at.exception
    assert any("Overflow" in w.value for w in at.warning)
    at.button(key="bptt_sgd").click().run()                          # a step refuses, too
    assert not at.exception
    assert any("non-finite" in e.value for e in at.error)


def test_chinese_page():
    at = bptt_page(s="我 吃 苹果", lang="zh")
    text = " ".join(m.value for m in at.markdown)
    assert "随时间反向传播" in text and "梯度消失与梯度爆炸" in text
    assert "往回流" in figures(at)["backward"]["layout"]["title"]["text"]


def test_one_token_sentence_has_no_step_slider():
    at = bptt_page(s="我")
    assert not [s for s in at.slider if s.key == "bptt_t"]
    assert figures(at)["backward"]["layout"]["meta"]["t"] == 1


def test_step_follows_the_sentence_when_it_shrinks_and_grows():
    """t never exceeds T (a shorter sentence once raised StreamlitValueAboveMaxError);
    it follows the last step unless the user picked an earlier one."""
    at = bptt_page(s=LONG)
    backward_t = lambda: figures(at)["backward"]["layout"]["meta"]["t"]
    assert at.slider(key="bptt_t").value == 20
    at.text_input(key="s").set_value("我 吃 苹果").run()             # 20 -> 3 tokens
    assert not at.exception, at.exception
    assert (at.slider(key="bptt_t").max, at.slider(key="bptt_t").value, backward_t()) == (3, 3, 3)
    at.text_input(key="s").set_value("我 吃 苹果 。").run()          # at the end: follows T
    assert not at.exception and backward_t() == 4
    at.slider(key="bptt_t").set_value(2).run()                       # an earlier step, picked
    at.text_input(key="s").set_value("我 吃 苹果 。 他").run()
    assert not at.exception and backward_t() == 2                    # stays where it was
    at.text_input(key="s").set_value("我").run()                       # T = 1: no slider
    assert not at.exception and backward_t() == 1
    at.text_input(key="s").set_value("我 吃 苹果").run()
    assert not at.exception and backward_t() == 3                     # 1 was the last step


async def _shorten(base: str) -> tuple[list[str], int]:
    async with StreamlitSession(base, {"s": LONG}, page="bptt") as client:
        assert not (await client.first_run).exceptions
        # one token (no step slider), then three: the client sends back every widget's
        # last value, the slider's t = 20 included, as a browser would
        assert not (await client.set_widget("s", "我")).exceptions
        run = await client.set_widget("s", "我 吃 苹果")
        backward = run.figures.get("bptt_backward")
        return run.exceptions, backward and wire_meta(json.loads(backward)["layout"])["t"]


@pytest.mark.slow
def test_a_shorter_sentence_with_the_last_step_sent_back_is_not_an_error():
    """Over Streamlit's websocket, a rerun that carries the old t = 20 for a 3-token
    sentence once raised StreamlitValueAboveMaxError onto the page (Backspace over a
    20-token sentence down to one word, then typing on)."""
    server = Server("app.py", "--server.fileWatcherType", "none")
    try:
        assert run_sync(_shorten(server.base)) == ([], 3)
    finally:
        server.stop()


# --- in Chromium ------------------------------------------------------------------
@pytest.mark.browser
def test_bptt_page_in_the_browser(page, app_server):
    k = f"{exploding_scale(load_default().W):g}"      # the exploding preset's scale: ρ ≥ 1.5
    query = urllib.parse.urlencode({"s": LONG, "bptt_wscale": k})
    page.goto(f"{app_server.base}/bptt?{query}")
    settle(page)
    page.keyboard.press("Escape")                  # a first-load dialog of the frame, if any
    page.locator(".st-key-bptt_f button", has_text="identity").click()
    settle(page)
    assert "bptt_f=identity" in page.url and f"bptt_wscale={k}" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
    kinds = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
                                   .map(gd => JSON.parse(gd.layout.meta).kind)""")
    assert sorted(kinds) == ["backward", "dw_terms", "flow", "gradients"]
    trend = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
                                   .map(gd => JSON.parse(gd.layout.meta)).find(m => m.kind === 'flow').trend""")
    assert trend == "exploding"
    assert "exploding" in page.inner_text("[data-testid='stMain']")
    path = screenshot(page, "bptt")
    # a click on the o box of step 7 follows L_7 back (its click target is the 7th point
    # of the last scatter trace, "steps")
    target = page.locator(".st-key-bptt_backward g.trace.scatter").last.locator(".point").nth(6)
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settle(page)
    assert "bptt_t=7" in page.url
    assert page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
                         .map(gd => JSON.parse(gd.layout.meta)).find(m => m.kind === 'backward').t""") == 7
    assert path.stat().st_size > 50_000


@pytest.mark.browser
def test_retyping_a_shorter_sentence_in_the_browser(page, app_server):
    """Select all, type one word, then two more: no error, t follows the new last step."""
    page.goto(f"{app_server.base}/bptt?s=" + urllib.parse.quote(LONG))
    settle(page)
    wait_for_box(page, LONG)
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("我")
    settle(page)
    page.keyboard.type(" 吃 苹果")
    wait_for_url(page, "bptt_t=3")
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "bptt_t=3" in page.url
    assert page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')]
                         .map(gd => JSON.parse(gd.layout.meta)).find(m => m.kind === 'backward').t""") == 3


def test_presets_turn_vanishing_into_exploding_in_one_click():
    """The lesson in two clicks on a 20-token sentence: W × 0.5 vanishes, W scaled to
    ρ ≥ 1.5 with a non-saturating f explodes (tanh saturates instead: the page explains it)."""
    from conftest import run_app
    sentence = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"
    at = run_app(page="pages/bptt.py", s=sentence)
    at.button(key="bptt_preset_vanish").click().run()
    assert at.session_state["bptt_wscale"] == 0.5 and not at.exception
    assert any("vanishing" in m.value for m in at.markdown)
    at.button(key="bptt_preset_explode").click().run()
    k = exploding_scale(load_default().W)          # ρ(k W) ≥ 1.5 for the shipped model
    assert at.session_state["bptt_wscale"] == k and at.session_state["bptt_f"] == "identity"
    assert spectral_radius(k * load_default().W) >= 1.5 - 1e-9
    assert f"W × {k:g}" in at.button(key="bptt_preset_explode").label
    assert any("exploding" in m.value for m in at.markdown) and not at.exception
    at.button(key="bptt_preset_model").click().run()
    assert at.session_state["bptt_wscale"] == 1.0 and at.session_state["bptt_f"] == "tanh"
