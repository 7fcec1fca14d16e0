"""The Train page's results: how the last finished run's model does on the test set.

Drawn while that model is still this session's model and no run is going: its
loss and accuracy curves with the best epoch, its weights, the accuracy overall,
on unknown words and of the most-frequent-tag baseline, the accuracy per tag and
the confusion matrix. It reads the run ``training_run`` keeps under
``_train_done``; it writes nothing.
"""
from __future__ import annotations

import streamlit as st

from ..figures.style import percent, percent_value
from ..figures.training import make_confusion, make_curves, make_weights
from ..i18n import text
from . import context, models, views
from .training_run import DONE, WEIGHT_WORDS, running


def results_section(lang: str, look) -> None:
    """How the session's trained model does on the test set (while it is the session's)."""
    run = st.session_state.get(DONE)
    if run is None or running() or run.job.outcome.model is not models.session_model():
        return
    o = run.job.outcome
    st.subheader(text("train.res.title", lang, name=run.description))
    ctx = context.get()
    views.chart(make_curves(o.history, run.job.steps, epochs=run.job.config.epochs,
                            best_epoch=o.best_epoch, look=look), key="train_curves_done", ctx=ctx)
    views.chart(make_weights(o.model, max_words=WEIGHT_WORDS, look=look),
                key="train_weights_done", ctx=ctx)
    ev = o.evaluation
    if ev is None:
        st.info(text("train.res.no_test", lang))
        return
    cols = st.columns(4)
    pct = lambda s: percent(s.correct, s.total) if s.total else "—"
    cols[0].metric(text("train.res.overall", lang), pct(ev.overall),
                   help=text("train.res.count", lang, right=f"{ev.overall.correct:,}",
                             total=f"{ev.overall.total:,}"))
    cols[1].metric(text("train.res.unknown", lang), pct(ev.unknown),
                   help=text("train.res.unknown_help", lang, total=f"{ev.unknown.total:,}"))
    if run.baseline is not None:
        cols[2].metric(text("train.res.baseline", lang), pct(run.baseline[0]),
                       help=text("train.res.baseline_help", lang))
    cols[3].metric(text("train.res.best", lang), f"{o.best_epoch}",
                   help=text("train.res.best_help", lang, seconds=f"{o.seconds:.1f}"))
    left, right = st.columns([2, 3])
    left.dataframe([{text("train.res.tag", lang): t,
                     text("train.res.accuracy", lang): percent_value(s.correct, s.total),
                     text("train.res.tokens", lang): s.total} for t, s in ev.per_tag.items()],
                   hide_index=True, key="train_per_tag", height="content")
    views.chart(make_confusion(ev.confusion, ev.tags, look=look), key="train_confusion",
                ctx=ctx, where=right)
