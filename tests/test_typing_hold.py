"""typing_hold: the charts wait while keys come fast, and never longer than MAX_HOLD_S.

The decision is a pure function of the session's record and the time (given here);
tests/test_live_typing_browser.py checks in Chromium that the held charts are drawn
once the typist pauses.
"""
from rnnviz.ui import typing_hold
from rnnviz.ui.typing_hold import KEY_GAP_S, MAX_HOLD_S, Hold, chart_figure, decide


class Tagging:
    """Stands for a tagging: decide() only compares identities."""


def test_a_session_without_its_browser_helper_is_never_held():
    hold = Hold()
    for i in range(10):
        assert not decide(hold, Tagging(), live=False, now=i * 0.05)


def test_the_first_key_and_keys_after_a_pause_draw():
    hold = Hold()
    assert not decide(hold, Tagging(), live=True, now=10.0)               # first change
    assert decide(hold, Tagging(), live=True, now=10.1)                   # a burst
    assert not decide(hold, Tagging(), live=True, now=10.1 + KEY_GAP_S + 0.01)   # a pause


def test_a_run_that_changes_no_token_draws_what_was_held():
    hold, same = Hold(), Tagging()
    decide(hold, Tagging(), live=True, now=0.0)
    assert decide(hold, same, live=True, now=0.1)
    assert not decide(hold, same, live=True, now=0.15)    # the browser's catching-up run
    assert not decide(hold, None, live=True, now=0.2)     # the box emptied


def test_continuous_typing_draws_at_least_every_max_hold():
    hold, every = Hold(), 0.12
    drawn = [i * every for i in range(60)
             if not decide(hold, Tagging(), live=True, now=i * every)]
    gaps = [b - a for a, b in zip(drawn, drawn[1:])]
    assert len(drawn) > 1 and max(gaps) <= MAX_HOLD_S + every
    assert len(drawn) < 60 // 3              # most keys held


def test_a_held_chart_keeps_its_last_figure_on_its_own_page(monkeypatch):
    hold = Hold()
    monkeypatch.setattr(typing_hold, "_hold", lambda: hold)     # the session's record
    assert chart_figure("network", "formula", "f1", "a1") == ("f1", "a1")
    hold.active = True
    assert chart_figure("network", "formula", "f2", "a2") == ("f1", "a1")
    assert chart_figure("lesson", "formula", "g", "b") == ("g", "b")   # never drawn there
    hold.active = False
    assert chart_figure("network", "formula", "f3", "a3") == ("f3", "a3")
