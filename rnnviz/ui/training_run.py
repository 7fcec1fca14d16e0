"""The Train page's run: the Start button, the job watched live with its Stop button, the end.

Training runs in a child process per run (``rnnviz.training.background``: why a
process), started by the Start button's callback; two fragments with
``run_every`` poll it, one drawing the progress, one the curves and the weights.
The Stop button stands beside the progress but outside its fragment: a widget
inside a fragment that reruns every 0.4 s is replaced in the page so often that
a click on a busy machine can land on a node that is already gone (measured: a
Playwright click retried for 60 s on CI, "element was detached from the DOM").
Its click reruns the whole page, which is what the end of a run needs anyway. When the run ends, its model becomes this session's
model (``models.set_session_model(m, "trained")``) and the page reruns so that
the built-in / mine switch shows it. This session's state, in
``st.session_state`` only: ``_train_run`` (the running job and what it trains
on, a ``Run``), ``_train_done`` (the last finished run, for
``training_results``) and ``_train_note`` (a message about the run). The only thing shared
between sessions is ``job_slots()``, the cap on how many training processes run
at once on the server.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st

from ..figures.training import make_curves, make_weights
from ..i18n import say, text
from ..training.background import JobSlots, TrainingJob
from ..training.evaluate import Score
from ..training.train import TrainConfig
from ..training.userdata import Prepared, most_frequent_tag
from . import context, models, views

RUN, DONE, NOTE = "_train_run", "_train_done", "_train_note"
MAX_JOBS = 4                         # training processes at once on the server (2 cores)
POLL_SECONDS = 1.0                   # the live charts (each tick redraws two)
PROGRESS_POLL = 0.4                  # where the run is
STOP_WAIT = 0.8                      # s the Stop button waits for the run to end
WEIGHT_WORDS = 40                    # U columns drawn


@st.cache_resource(show_spinner=False)
def job_slots() -> JobSlots:
    """The one object shared by sessions: how many training processes may run at once."""
    return JobSlots(MAX_JOBS)


@dataclass(eq=False)
class Run:
    job: TrainingJob
    description: str                       # what it trained on, for the results
    baseline: tuple[Score, Score] | None   # most-frequent-tag on the test set


def current_run() -> Run | None:
    return st.session_state.get(RUN)


def running() -> bool:
    run = current_run()
    return run is not None and run.job.running


def run_section(lang: str, look, prepared: tuple[Prepared, str] | None,
                config: TrainConfig) -> None:
    """Start (or the running job's live view with Stop), then the last message."""
    if not running():
        st.button(text("train.run.start", lang), key="train_start", type="primary",
                  icon=":material/play_arrow:", disabled=prepared is None,
                  on_click=_start, args=(prepared, config, lang))
    note = st.session_state.get(NOTE)
    if note:
        getattr(st, note[0])(note[1])
    if not running():
        return
    # where the run is, often (cheap); the charts less often (a redraw each)
    left, right = st.columns([5, 1], vertical_alignment="center")
    with left:
        st.fragment(_progress, run_every=PROGRESS_POLL)(lang)
    right.button(text("train.run.stop", lang), key="train_stop", icon=":material/stop:",
                 on_click=_stop, args=(lang,), help=text("train.run.stop_help", lang))
    st.fragment(_live, run_every=POLL_SECONDS)(lang, look)


def _start(prepared: tuple[Prepared, str], config: TrainConfig, lang: str) -> None:
    data, name = prepared
    s = data.splits
    baseline = most_frequent_tag(s.train, s.test) if s.test else None
    hparams = {"data": name, "max_vocab": len(data.vocab)}
    job = job_slots().start(data, config, hparams=hparams)
    if job is None:
        st.session_state[NOTE] = ("warning", text("train.run.busy", lang, n=MAX_JOBS))
        return
    st.session_state.pop(NOTE, None)
    st.session_state[RUN] = Run(job, name, baseline)


def _stop(lang: str) -> None:
    """The Stop button: the child stops after its current mini-batch (a few ms) and sends
    its outcome; wait for it here (up to STOP_WAIT), so that the rerun this click starts
    says where the run stopped, instead of the next poll."""
    run = current_run()
    if run is None:
        return
    job = run.job
    job.stop()
    deadline = time.monotonic() + STOP_WAIT
    while job.running and time.monotonic() < deadline:
        time.sleep(0.02)
        job.poll()
    if not job.running:
        _finish(run, lang)


def _ended(lang: str):
    """The running job after a poll; None (and the whole page rerun) once it has ended."""
    run = current_run()
    if run is None:
        return None
    job = run.job
    job.poll()
    if not job.running:
        _finish(run, lang)
        st.rerun()                       # the whole page: the model switch, the results
    return job


def _progress(lang: str) -> None:
    job = _ended(lang)
    if job is None:
        return
    where = job.where
    if where is None:
        st.progress(0.0, text=text("train.run.starting", lang))
    else:
        st.progress(where.fraction, text=text(
            "train.run.progress", lang, epoch=where.epoch, epochs=where.epochs,
            step=where.batch, steps=where.steps_per_epoch, loss=f"{where.loss:.3f}"))


def _live(lang: str, look) -> None:
    job = _ended(lang)
    if job is None:
        return
    snap = job.latest
    ctx = context.get()
    views.chart(make_curves(job.history, job.steps, epochs=job.config.epochs, look=look),
                key="train_curves_live", ctx=ctx)
    if snap is not None:
        views.chart(make_weights(job.model_at(snap), max_words=WEIGHT_WORDS, look=look),
                    key="train_weights_live", ctx=ctx)


def _finish(run: Run, lang: str) -> None:
    st.session_state.pop(RUN, None)
    job = run.job
    if job.outcome is None:
        problem = say(job.error_note, lang) if job.error_note else job.error
        st.session_state[NOTE] = ("error", text("train.run.failed", lang, problem=problem))
        return
    # selected in the whole-page rerun that follows (the frame has drawn the switch)
    models.set_session_model(job.outcome.model, "trained", select=False)
    models.select_session_model_later()
    st.session_state[DONE] = run
    o = job.outcome
    st.session_state[NOTE] = ("success", text(
        f"train.run.done_{o.stopped}", lang, best=o.best_epoch, seconds=f"{o.seconds:.1f}",
        epoch=o.history[-1]["epoch"] if o.history else 0, epochs=job.config.epochs))
