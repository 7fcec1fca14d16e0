"""One computed value per session-state key, kept while what it came from stays the same.

``session_memo(key, fingerprint, compute)`` returns the value this session stored
under ``key`` when it was computed for an equal ``fingerprint``; otherwise it calls
``compute()`` and stores ``(fingerprint, value)`` under ``key``, replacing the last
one: one value per key, so a new upload or sentence frees the old one. Fingerprints
compare with ``==``, which for ``eq=False`` objects (``RNN``, ``Tagging``) is
identity: cheap, and a new object is new content. The value lives in this session's
``st.session_state`` (register ``key`` in ``session_keys``), never shared with
another session. An exception of a type in ``errors`` is remembered as the value
(returned, not raised), so that a bad file is not parsed again on every rerun.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st


def session_memo(key: str, fingerprint: Hashable, compute: Callable[[], Any], *,
                 errors: tuple[type[Exception], ...] = ()) -> Any:
    """``compute()``, or the value it gave for this ``fingerprint`` in an earlier rerun."""
    entry = st.session_state.get(key)
    if entry is not None and entry[0] == fingerprint:
        return entry[1]
    try:
        value = compute()
    except errors as e:
        value = e
    st.session_state[key] = (fingerprint, value)
    return value
