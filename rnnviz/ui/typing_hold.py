"""While keys arrive faster than the browser can draw charts, the charts wait for them.

Every keystroke that changes a token reruns the page, and every chart whose figure
changed is redrawn by Plotly (Plotly.react on the chart kept on the page, ui/chart.js):
on the BPTT page about 0.5 s of the browser's time for its four charts on a 2-core
machine. A typist at 5–7 keys a second is faster than that: the browser would queue
the drawings and fall behind (``bench/RESULTS.md``, open loop). So a key that comes
less than ``KEY_GAP_S`` after the last one keeps each chart's last drawn figure
(the same spec: nothing is sent again or drawn), while
everything else on the page (the tags, the text) follows the key; a key that changes no
token (a space) keeps them too. The charts catch up

- at least every ``MAX_HOLD_S`` while the typing goes on, and
- as soon as the typist pauses: the browser helper (``browser.js``) is told that the
  charts were held and, ``PAUSE_MS`` after the last key, asks for a rerun, which
  draws them.

Only a session whose browser helper runs (it reports ``live``) is ever held: without
it nothing would ask for the catching-up rerun (``AppTest``, a script client).
Per-user state only (``st.session_state``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from . import session_keys

KEY = session_keys.TYPING_HOLD
KEY_GAP_S = 0.5     # a key this soon after the last one: a key of a burst
MAX_HOLD_S = 1.0    # the charts are never older than this while the typing goes on
PAUSE_MS = 300      # the browser asks for the held charts this long after the last key


@dataclass
class Hold:
    """One session's typing: the sentence of the last run and when a key last changed it,
    the tagging the charts were last drawn with and when, whether this run holds them,
    and the figure each chart was last drawn with ((page, chart key) -> (figure, alt))."""
    text: str | None = None
    key_at: float | None = None
    drawn_tagging: Any = None
    drawn_at: float = 0.0
    active: bool = False
    drawn: dict = field(default_factory=dict)


def decide(hold: Hold, text: str, tagging, *, live: bool, now: float) -> bool:
    """Whether this run holds the charts (and record the run in ``hold``): a key (the
    sentence changed) less than KEY_GAP_S after the last key, while the charts show
    another tagging, drawn less than MAX_HOLD_S ago, in a session whose browser will ask
    for them after the burst. Any other run (the browser's request, a click) draws."""
    key = text != hold.text
    burst = key and hold.key_at is not None and now - hold.key_at < KEY_GAP_S
    if key:
        hold.text, hold.key_at = text, now
    hold.active = bool(live and burst and tagging is not None
                       and tagging is not hold.drawn_tagging
                       and now - hold.drawn_at < MAX_HOLD_S)
    if not hold.active:
        hold.drawn_tagging, hold.drawn_at = tagging, now
    return hold.active


def _hold() -> Hold:
    return st.session_state.setdefault(KEY, Hold())


def start_run(text: str, tagging, live: bool) -> bool:
    """At the start of a whole-page run (before anything is drawn)."""
    return decide(_hold(), text, tagging, live=live, now=time.monotonic())


def end_run() -> None:
    """After the whole-page run, however it ended: a fragment's own rerun (a step of
    the play) is never held."""
    _hold().active = False


def held() -> bool:
    return _hold().active


def chart_figure(page: str, key: str, fig, alt: str | None):
    """The figure and alt text to draw chart ``key`` with in this run: the new ones, or
    in a held run the ones it was last drawn with (if it was drawn on this page)."""
    hold = _hold()
    if hold.active and (page, key) in hold.drawn:
        return hold.drawn[(page, key)]
    hold.drawn[(page, key)] = (fig, alt)
    return fig, alt
