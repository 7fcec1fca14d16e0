"""The Train page's data: the built-in corpus or uploaded CoNLL-U files, read and encoded.

The upload (a training file, optionally a test file, the tag column, the
vocabulary cap) is parsed once per file and options, its problems said in the
user's language (bad sentences can be skipped), and split and encoded once per
files and options: each result is kept in this session's ``st.session_state``
with ``memo.session_memo`` under ``_train_read_{role}`` (one per uploader: train,
test) and ``_train_data``, a parse or encoding error included. The built-in data
is shared by all sessions (``resources.builtin_training_data``, read-only).
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ..i18n import say, text
from ..messages import CodedError
from ..text.conllu_data import APP_LIMITS, COLUMNS, BadSentences, Corpus, CorpusError, read_corpus
from ..training.userdata import Prepared, Splits, prepare, split
from . import resources
from .memo import session_memo
from .training_run import running

DATA, READ = "_train_data", "_train_read_{role}"
CORPUS_UPLOAD_MB = APP_LIMITS.max_bytes // 1_000_000
SOURCES = ("builtin", "upload")
VOCAB_CAPS = (100, 200, 500, 1000, 2000, 5000)


def data_section(lang: str) -> tuple[Prepared, str] | None:
    """Choose and read the data; return it encoded with a one-line description."""
    busy = running()
    source = st.segmented_control(text("train.data.source", lang), SOURCES, key="train_source",
                                  default="builtin", disabled=busy,
                                  format_func=lambda s: text(f"train.data.{s}", lang))
    cap = st.select_slider(text("train.data.vocab", lang), VOCAB_CAPS, value=2000,
                           key="train_vocab", disabled=busy,
                           help=text("train.data.vocab_help", lang))
    if source != "upload":
        return resources.builtin_training_data(cap), text("train.data.builtin_name", lang)
    lim = APP_LIMITS
    st.caption(text("train.data.limits", lang, mb=CORPUS_UPLOAD_MB,
                    sentences=f"{lim.max_sentences:,}", tokens=f"{lim.max_tokens:,}"))
    left, right = st.columns(2)
    main = left.file_uploader(text("train.data.file", lang), key="train_corpus",
                              max_upload_size=CORPUS_UPLOAD_MB, disabled=busy,
                              help=text("train.data.file_help", lang))
    test = right.file_uploader(text("train.data.test_file", lang), key="train_test_file",
                               max_upload_size=CORPUS_UPLOAD_MB, disabled=busy,
                               help=text("train.data.test_help", lang))
    column = st.segmented_control(text("train.data.column", lang), COLUMNS,
                                  key="train_column", default="upos", disabled=busy,
                                  format_func=str.upper, help=text("train.data.column_help", lang))
    if main is None:
        st.info(text("train.data.prompt", lang), icon=":material/upload_file:")
        return None
    skip = st.session_state.get("train_skip_bad", False)
    train_corpus = _read(main, "train", column or "upos", skip, lang)
    test_corpus = _read(test, "test", column or "upos", skip, lang) if test is not None else None
    if train_corpus is None or (test is not None and test_corpus is None):
        return None
    key = ("upload", main.file_id, test.file_id if test else None, column, skip, cap)
    return _prepared(key, lambda: split(train_corpus.sentences,
                                        test_corpus.sentences if test_corpus else None),
                     cap, main.name, lang)


def _read(f, role: str, column: str, skip: bool, lang: str) -> Corpus | None:
    """Parse an upload once per (file, options); show its problems in the user's words."""
    result = session_memo(
        READ.format(role=role), (f.file_id, column, skip),
        lambda: read_corpus(f.getvalue(), f.name, column=column, skip_bad=skip),
        errors=(CorpusError,))
    if isinstance(result, BadSentences):
        lines = "\n".join(f"- {say(p, lang)}" for p in result.problems[:8])
        more = len(result.problems) - 8
        st.error(text("train.data.bad", lang, name=f.name, n=len(result.problems),
                      total=len(result.problems) + result.n_good) + "\n\n" + lines
                 + (f"\n- … (+{more})" if more > 0 else ""), icon=":material/error:")
        if result.n_good:
            st.checkbox(text("train.data.skip_bad", lang, n=len(result.problems)),
                        key="train_skip_bad")
        return None
    if isinstance(result, CorpusError):
        st.error(text("train.data.error", lang, name=f.name, problem=say(result, lang)),
                 icon=":material/error:")
        return None
    if result.skipped:
        st.warning(text("train.data.skipped", lang, name=f.name, n=len(result.skipped),
                        first=say(result.skipped[0], lang)), icon=":material/warning:")
    return result


def _prepared(key, splits: Callable[[], Splits], cap: int, name: str,
              lang: str) -> tuple[Prepared, str] | None:
    """The files split and encoded once per (files, options), not on every rerun; an
    encoding error said in ``lang``."""
    data = session_memo(DATA, key, lambda: prepare(splits(), max_vocab=cap),
                        errors=(ValueError,))
    if isinstance(data, ValueError):
        st.error(problem_text(data, lang))
        return None
    return data, name


def problem_text(e: Exception, lang: str) -> str:
    """An engine error in ``lang``: its code's string, or (not coded) its own text."""
    return say(e, lang) if isinstance(e, CodedError) else str(e)


def data_summary(data: Prepared, name: str, lang: str) -> None:
    s = data.splits
    n = lambda sents: f"{len(sents):,} / {sum(map(len, sents)):,}"
    st.caption(text("train.data.summary", lang, name=name, train=n(s.train), dev=n(s.dev),
                    test=n(s.test),
                    source=text(f"train.data.src_{s.test_source.replace(' ', '_')}", lang),
                    vocab=f"{len(data.vocab):,}", words=f"{data.n_words:,}",
                    tags=" ".join(data.tags)))
