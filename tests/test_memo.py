"""rnnviz.ui.memo.session_memo: one value per key, computed again only for a new
fingerprint; a plain dict stands in for this session's st.session_state."""
import pytest
import streamlit as st

from rnnviz.ui.memo import session_memo


@pytest.fixture
def state(monkeypatch):
    d = {}
    monkeypatch.setattr(st, "session_state", d)
    return d


def counting(value):
    """compute() returning a new copy of ``value`` each call, and its calls."""
    calls = []

    def compute():
        calls.append(1)
        return list(value)
    return compute, calls


def test_computes_once_per_fingerprint_and_keeps_only_the_latest(state):
    compute, calls = counting([1, 2])
    first = session_memo("_k", ("file", 1), compute)
    assert session_memo("_k", ("file", 1), compute) is first and len(calls) == 1
    other, _ = counting([3])
    assert session_memo("_k", ("file", 2), other) == [3]
    assert state["_k"] == (("file", 2), [3])             # the old value is gone
    assert session_memo("_k", ("file", 1), compute) is not first and len(calls) == 2


def test_keys_are_independent(state):
    session_memo("_a", 1, lambda: "a")
    session_memo("_b", 1, lambda: "b")
    assert session_memo("_a", 1, lambda: "not again") == "a"
    assert set(state) == {"_a", "_b"}


def test_objects_without_equality_compare_by_identity(state):
    class Thing:                     # like RNN and Tagging: eq=False dataclasses
        pass
    a, b = Thing(), Thing()
    session_memo("_k", (a, "look"), lambda: "for a")
    assert session_memo("_k", (a, "look"), lambda: "again") == "for a"
    assert session_memo("_k", (b, "look"), lambda: "for b") == "for b"


def test_listed_errors_are_remembered_and_others_raised(state):
    def bad():
        raise ValueError("bad file")
    e = session_memo("_k", "f", bad, errors=(ValueError,))
    assert isinstance(e, ValueError)
    assert session_memo("_k", "f", lambda: "parsed again", errors=(ValueError,)) is e
    with pytest.raises(ValueError):
        session_memo("_k", "g", bad)
    assert state["_k"][0] == "f"                          # nothing stored for the raise
