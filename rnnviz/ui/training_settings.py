"""The Train page's settings: the network and the optimisation, as a ``TrainConfig``.

Widgets only (their keys are ``train_hidden``, ``train_lr``… in ``session_keys``),
locked while a run is going. The seed is drawn once per session and is a URL
field (``?train_seed=42`` gives a class the same run); everything else starts at
the defaults below.
"""
from __future__ import annotations

import secrets

import streamlit as st

from ..i18n import text
from ..nn.activations import ACTIVATIONS
from ..nn.optim import OPTIMIZERS
from ..training.train import TrainConfig
from . import urlstate
from .training_run import running

SEED = urlstate.BY_NAME["train_seed"]
HIDDEN = (2, 64)
LEARNING_RATES = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
CLIPS = (0.0, 1.0, 2.0, 5.0, 10.0)   # 0: no clipping
BATCH_SIZES = (8, 16, 32, 64)


def settings_section(lang: str) -> TrainConfig:
    """The training settings; the seed is drawn once per session and can be set."""
    busy = running()
    st.session_state.setdefault(SEED.name, secrets.randbelow(10_000))
    a, b = st.columns(2)
    with a:
        hidden = st.slider(text("train.set.hidden", lang), *HIDDEN, 16, key="train_hidden",
                           disabled=busy, help=text("train.set.hidden_help", lang))
        f = st.selectbox(text("train.set.activation", lang), tuple(ACTIVATIONS),
                         key="train_activation", disabled=busy,
                         placeholder=text("streamlit.choose", lang))
        optimizer = st.segmented_control(text("train.set.optimizer", lang), OPTIMIZERS,
                                         key="train_optimizer", default="adam", disabled=busy,
                                         format_func=lambda o: {"sgd": "SGD", "adam": "Adam"}[o])
        lr = st.select_slider(text("train.set.lr", lang), LEARNING_RATES, value=0.01,
                              key="train_lr", disabled=busy, help=text("train.set.lr_help", lang))
        recurrent = st.toggle(text("train.set.recurrent", lang), True, key="train_recurrent",
                              disabled=busy, help=text("train.set.recurrent_help", lang))
    with b:
        epochs = st.slider(text("train.set.epochs", lang), 1, 100, 30, key="train_epochs",
                           disabled=busy, help=text("train.set.epochs_help", lang))
        batch = st.select_slider(text("train.set.batch", lang), BATCH_SIZES, value=32,
                                 key="train_batch", disabled=busy)
        clip = st.select_slider(text("train.set.clip", lang), CLIPS, value=5.0, key="train_clip",
                                disabled=busy, help=text("train.set.clip_help", lang),
                                format_func=lambda c: text("train.set.off", lang) if not c
                                else f"{c:g}")
        dropout = st.slider(text("train.set.dropout", lang), 0.0, 0.5, 0.1, 0.05,
                            key="train_dropout", disabled=busy,
                            help=text("train.set.dropout_help", lang))
        seed = st.number_input(text("train.set.seed", lang), SEED.lo, SEED.hi, key=SEED.name,
                               disabled=busy, bind="query-params",   # ?train_seed=42: a class
                               help=text("train.set.seed_help", lang))
    return TrainConfig(hidden=int(hidden), f=f or "tanh", optimizer=optimizer or "adam",
                       lr=float(lr), epochs=int(epochs), batch_size=int(batch),
                       clip=float(clip) or None, word_dropout=float(dropout), seed=int(seed),
                       recurrent=bool(recurrent))
