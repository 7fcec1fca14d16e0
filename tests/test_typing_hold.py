"""typing_hold: the charts wait while keys come fast, and never longer than MAX_HOLD_S.

The decision is a pure function of the session's record and the time (given here);
tests/test_live_typing_browser.py checks in Chromium that the held charts are drawn
once the typist pauses.
"""
from rnnviz.ui import typing_hold
from rnnviz.ui.typing_hold import KEY_GAP_S, MAX_HOLD_S, Hold, chart_figure, decide


class Tagging:
    """Stands for a tagging: decide() only compares identities."""


def keys(hold, texts, every, live=True, start=0.0):
    """Type ``texts`` (the box after each key) one every ``every`` s, each a new tagging
    unless the text is the same as before but for a space: [held?] per key."""
    out, tagging, last = [], None, None
    for i, text in enumerate(texts):
        if last is None or text.strip() != last.strip():
            tagging = Tagging()
        last = text
        out.append(decide(hold, text, tagging, live=live, now=start + i * every))
    return out


def test_a_session_without_its_browser_helper_is_never_held():
    assert not any(keys(Hold(), [f"w{i}" for i in range(10)], 0.05, live=False))


def test_the_first_key_and_keys_after_a_pause_draw():
    hold = Hold()
    assert not decide(hold, "a", Tagging(), live=True, now=10.0)                # first key
    assert decide(hold, "ab", Tagging(), live=True, now=10.1)                   # a burst
    assert not decide(hold, "abc", Tagging(), live=True, now=10.1 + KEY_GAP_S + 0.01)


def test_a_space_in_a_burst_keeps_the_charts_held_and_a_run_without_a_key_draws():
    hold = Hold()
    decide(hold, "我", Tagging(), live=True, now=0.0)
    t = Tagging()
    assert decide(hold, "我 吃", t, live=True, now=0.1)
    assert decide(hold, "我 吃 ", t, live=True, now=0.2)      # a space: no new token
    assert not decide(hold, "我 吃 ", t, live=True, now=0.25)   # the browser's request
    assert not decide(hold, "我 吃  ", t, live=True, now=0.3)   # already drawn: nothing held
    assert not decide(hold, "", None, live=True, now=0.35)       # the box emptied


def test_continuous_typing_draws_at_least_every_max_hold():
    every = 0.12
    texts = ["我 吃 苹果 他 说 这 本 书 很 好 。"[:i] for i in range(1, 22)] * 3
    held = keys(Hold(), texts, every)
    drawn = [i * every for i, h in enumerate(held) if not h]
    gaps = [b - a for a, b in zip(drawn, drawn[1:])]
    assert len(drawn) > 1 and max(gaps) <= MAX_HOLD_S + every
    assert len(drawn) < len(texts) // 3              # most keys held


def test_a_held_chart_keeps_its_last_figure_on_its_own_page(monkeypatch):
    hold = Hold()
    monkeypatch.setattr(typing_hold, "_hold", lambda: hold)     # the session's record
    assert chart_figure("network", "formula", "f1", "a1") == ("f1", "a1")
    hold.active = True
    assert chart_figure("network", "formula", "f2", "a2") == ("f1", "a1")
    assert chart_figure("lesson", "formula", "g", "b") == ("g", "b")   # never drawn there
    hold.active = False
    assert chart_figure("network", "formula", "f3", "a3") == ("f3", "a3")
