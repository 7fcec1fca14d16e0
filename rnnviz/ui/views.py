"""Pieces the sentence pages share: the empty-sentence prompt, play, chart config."""
from __future__ import annotations

import streamlit as st

from ..i18n import text
from .context import Context
from .steps import PLAY_SPEEDS

CHART_CONFIG = {"displaylogo": False, "scrollZoom": False,
                "toImageButtonOptions": {"format": "png", "scale": 2}}
# theme=None: the figures carry their own colours and fonts (and redraw faster
# without Streamlit's theme pass: measured in bench/live_latency.py)
CHART = dict(config=CHART_CONFIG, theme=None)


def sentence_ready(ctx: Context) -> bool:
    """Show the friendly prompt (or a note) and say whether there is a sentence to draw."""
    if ctx.tagging is None:
        st.info(text("sentence.empty", ctx.lang), icon="✍️")
        return False
    if ctx.tagging.tokenized.truncated:
        st.warning(text("sentence.truncated", ctx.lang, n=ctx.tagging.T), icon="✂️")
    return True


def play_fragment(body) -> None:
    """Run ``body`` as a fragment that ticks while playing (one step per tick)."""
    playing = st.session_state.get("playing", False)
    speed = PLAY_SPEEDS.get(st.session_state.get("speed", "normal"), 0.9)
    st.fragment(body, run_every=speed if playing else None)()
