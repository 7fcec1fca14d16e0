"""The Train page's model files: download this session's model, upload one to use.

A model file is the ``.npz`` of ``rnnviz.nn.checkpoint``, built only when the
download button is clicked. An upload is checked by ``checkpoint.load`` in the
uploader's callback (so that the built-in / mine switch can still be set): a
valid file becomes this session's model, a bad one keeps the current model, and
``_train_model_note`` in ``st.session_state`` says which and why.
"""
from __future__ import annotations

import streamlit as st

from ..i18n import say, text
from ..nn import checkpoint
from ..nn.lm import is_lm
from ..nn.model import RNN
from . import models
from .training_run import running

MODEL_NOTE = "_train_model_note"
MODEL_UPLOAD_MB = checkpoint.MAX_FILE_BYTES // 1_000_000


def model_files_section(lang: str) -> None:
    """Download the session's model; upload a .npz to use it (validated)."""
    m = models.session_model()
    left, right = st.columns(2)
    with left:
        st.download_button(text("train.file.download", lang), data=_bytes_of(m),
                           file_name="rnnviz-model.npz", mime="application/octet-stream",
                           key="train_download", on_click="ignore", disabled=m is None,
                           icon=":material/download:",
                           help=text("train.file.download_help" if m is not None
                                     else "train.file.none", lang))
    with right:
        st.file_uploader(text("train.file.upload", lang, mb=MODEL_UPLOAD_MB),
                         key="train_model_file", max_upload_size=MODEL_UPLOAD_MB,
                         disabled=running(), help=text("train.file.upload_help", lang),
                         on_change=take_model_upload, args=(lang,))
        note = st.session_state.get(MODEL_NOTE)
        if note:
            getattr(st, note[0])(note[1])


def _bytes_of(m: RNN | None):
    """The model's .npz, built only when the button is clicked."""
    return (lambda: checkpoint.to_bytes(m)) if m is not None else b""


def take_model_upload(lang: str) -> None:
    """on_change of the model uploader (a callback, so the switch can still be set):
    use a valid file; a bad one keeps the current model and says why."""
    f = st.session_state.get("train_model_file")
    if f is None:
        return
    if not f.name.lower().endswith(".npz"):
        problem = text("train.file.not_npz", lang)
    else:
        try:
            m = checkpoint.load(f.getvalue())
        except checkpoint.CheckpointError as e:
            problem = say(e, lang)
        else:
            if not is_lm(m):
                models.set_session_model(m, "uploaded")
                st.session_state[MODEL_NOTE] = ("success", text(
                    "train.file.loaded", lang, name=f.name, H=m.H, n=m.n_vocab, K=m.K))
                return
            problem = text("train.file.language_model", lang)   # an RNN whose V maps to words
    st.session_state[MODEL_NOTE] = ("error", text("train.file.refused", lang, name=f.name,
                                                  problem=problem))

