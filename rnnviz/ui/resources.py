"""Process-wide, read-only resources (shared by every session: never mutate them)."""
from __future__ import annotations

import streamlit as st

from .. import data
from ..nn.checkpoint import load
from ..nn.model import RNN
from ..text import corpus
from ..text.tokenize import tokenize
from ..training.userdata import Prepared, Splits, prepare


@st.cache_resource(show_spinner=False)
def builtin_model() -> RNN:
    """The shipped model, arrays frozen: a session that wants to change it copies it."""
    return load(data.DEFAULT_MODEL).frozen()


@st.cache_resource(show_spinner=False)
def warm_tokenizer() -> bool:
    """Load jieba's dictionary once per process, not on a student's first keystroke."""
    tokenize("我吃苹果")
    return True


@st.cache_resource(show_spinner=False, max_entries=8)
def builtin_training_data(max_vocab: int) -> Prepared:
    """The built-in corpus, split and encoded for the training page (0.5 s to build,
    the same for every session; a frozen dataclass of tuples)."""
    splits = Splits(*(tuple(map(tuple, corpus.load(None, s))) for s in corpus.SPLITS),
                    test_source="builtin")
    return prepare(splits, max_vocab=max_vocab)


@st.cache_resource(show_spinner=False)
def cell_model(cell: str):
    """The shipped LSTM or GRU tagger ("lstm", "gru"), arrays frozen."""
    from ..training.builtin import load_cell
    return load_cell(cell).frozen()


@st.cache_resource(show_spinner=False)
def memory():
    """(the memory task's measurements, {cell: its small model, frozen}); (None, {}) when
    the shipped files are missing or unreadable. Read-only: never mutate."""
    from ..training import memory as mem
    try:
        return mem.load_result(), {c: m.frozen() for c, m in mem.load_models().items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None, {}


@st.cache_resource(show_spinner=False)
def lm_model(lang: str) -> RNN:
    """The shipped language model of ``lang`` ("zh", "en"), arrays frozen."""
    from ..training.language_model import load_lm
    return load_lm(lang).frozen()


@st.cache_resource(show_spinner=False)
def lm_far_example(lang: str):
    """The Next word page's far-back example judged by the shipped model of ``lang``
    (the same for every session: a frozen dataclass; never mutate its dicts)."""
    from ..lessons import lm
    return lm.far_example(lm_model(lang), lm.FAR_PAIRS[lang])
