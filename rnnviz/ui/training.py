"""The Train page's parts: data, settings, a run watched live, results, model files.

Training runs in a child process per run (``rnnviz.training.background``: why a
process), started by the Start button's callback; a fragment with
``run_every`` polls it, draws the progress, the curves and the weights, and
holds the Stop button. When the run ends, its model becomes this session's
model (``models.set_session_model(m, "trained")``) and the page reruns so the
built-in / mine switch shows it.

State, all in this session's ``st.session_state`` (nothing in module globals):

- ``_train_run``: the running job and what it trains on (``Run``);
- ``_train_done``: the last finished run (``Run`` with its outcome);
- ``_train_data``: the parsed and encoded data, keyed by the files and options;
- ``_train_note``, ``_train_model_note``: a message about the run / the model file.

The only thing shared between sessions is ``job_slots()``, the cap on how many
training processes run at once on the server.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

import streamlit as st

from ..figures.style import percent, percent_value
from ..figures.training import make_confusion, make_curves, make_weights
from ..i18n import say, text
from ..messages import CodedError
from ..nn import checkpoint
from ..nn.activations import ACTIVATIONS
from ..nn.model import RNN
from ..nn.optim import OPTIMIZERS
from ..text.conllu_data import APP_LIMITS, COLUMNS, BadSentences, Corpus, CorpusError, read_corpus
from ..training.background import JobSlots, TrainingJob
from ..training.evaluate import Score
from ..training.train import TrainConfig
from ..training.userdata import Prepared, Splits, most_frequent_tag, prepare, split
from . import context, models, resources, urlstate, views

RUN, DONE, DATA = "_train_run", "_train_done", "_train_data"
NOTE, MODEL_NOTE = "_train_note", "_train_model_note"
FINISHED = "_train_finished"         # Stop ended the run: the page reruns as a whole
MAX_JOBS = 4                         # training processes at once on the server (2 cores)
POLL_SECONDS = 1.0                   # the live charts (each tick redraws two)
PROGRESS_POLL = 0.4                  # where the run is, and its Stop button
STOP_WAIT = 0.8                      # s the Stop button waits for the run to end
SEED = urlstate.BY_NAME["train_seed"]
MODEL_UPLOAD_MB = checkpoint.MAX_FILE_BYTES // 1_000_000
CORPUS_UPLOAD_MB = APP_LIMITS.max_bytes // 1_000_000
SOURCES = ("builtin", "upload")
HIDDEN = (2, 64)
VOCAB_CAPS = (100, 200, 500, 1000, 2000, 5000)
LEARNING_RATES = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
CLIPS = (0.0, 1.0, 2.0, 5.0, 10.0)   # 0: no clipping
BATCH_SIZES = (8, 16, 32, 64)
WEIGHT_WORDS = 40                    # U columns drawn live


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


# --------------------------------------------------------------------------- data

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
    splits = split(train_corpus.sentences, test_corpus.sentences if test_corpus else None)
    key = ("upload", main.file_id, test.file_id if test else None, column, skip, cap)
    return _prepared(key, splits, cap, main.name, lang)


def _read(f, role: str, column: str, skip: bool, lang: str) -> Corpus | None:
    """Parse an upload once per (file, options); show its problems in the user's words."""
    key, slot = (f.file_id, column, skip), f"_train_read_{role}"    # one per uploader
    cached = st.session_state.get(slot)
    if cached is None or cached[0] != key:
        try:
            cached = (key, read_corpus(f.getvalue(), f.name, column=column, skip_bad=skip))
        except CorpusError as e:
            cached = (key, e)
        st.session_state[slot] = cached
    result = cached[1]
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


def _prepared(key, splits: Splits, cap: int, name: str,
              lang: str) -> tuple[Prepared, str] | None:
    cached = st.session_state.get(DATA)
    if cached is None or cached[0] != key:
        try:
            cached = (key, prepare(splits, max_vocab=cap))
        except ValueError as e:
            cached = (key, e)
        st.session_state[DATA] = cached
    data = cached[1]
    if isinstance(data, ValueError):
        st.error(problem_text(data, lang))
        return None
    return data, name


def problem_text(e: Exception, lang: str) -> str:
    """An engine error in ``lang``: its code's string, or (not coded) its own text."""
    return say(e, lang) if isinstance(e, CodedError) else str(e)


def data_summary(data: Prepared, name: str, lang: str) -> None:
    s = data.splits
    n = lambda sents: f"{len(sents):,} / {sum(map(len, sents)):,}"  # noqa: E731
    st.caption(text("train.data.summary", lang, name=name, train=n(s.train), dev=n(s.dev),
                    test=n(s.test),
                    source=text(f"train.data.src_{s.test_source.replace(' ', '_')}", lang),
                    vocab=f"{len(data.vocab):,}", words=f"{data.n_words:,}",
                    tags=" ".join(data.tags)))


# --------------------------------------------------------------------------- settings

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


# --------------------------------------------------------------------------- the run

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
    poll = POLL_SECONDS if running() else None
    # where the run is and Stop, often (cheap); the charts less often (a redraw each)
    st.fragment(_progress, run_every=PROGRESS_POLL if running() else None)(lang)
    st.fragment(_live, run_every=poll)(lang, look)


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
    its outcome; wait for it here (up to STOP_WAIT), so that this very rerun says where
    the run stopped, instead of the next poll."""
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
        st.session_state[FINISHED] = True


def _ended(lang: str):
    """The running job after a poll; None (and the whole page rerun) once it has ended."""
    if st.session_state.pop(FINISHED, False):
        st.rerun()                       # the whole page: the note, the model, the results
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
    if st.session_state.get(FINISHED):   # Stop ended the run in this very rerun: say so
        note = st.session_state.get(NOTE)   # now; the charts' next tick reruns the page
        if note:
            getattr(st, note[0])(note[1])
        return
    job = _ended(lang)
    if job is None:
        return
    where = job.where
    left, right = st.columns([5, 1], vertical_alignment="center")
    if where is None:
        left.progress(0.0, text=text("train.run.starting", lang))
    else:
        left.progress(where.fraction, text=text(
            "train.run.progress", lang, epoch=where.epoch, epochs=where.epochs,
            step=where.batch, steps=where.steps_per_epoch, loss=f"{where.loss:.3f}"))
    right.button(text("train.run.stop", lang), key="train_stop", icon=":material/stop:",
                 on_click=_stop, args=(lang,), help=text("train.run.stop_help", lang))


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


# --------------------------------------------------------------------------- results

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
    pct = lambda s: percent(s.correct, s.total) if s.total else "—"  # noqa: E731
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


# --------------------------------------------------------------------------- model files

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
            models.set_session_model(m, "uploaded")
            st.session_state[MODEL_NOTE] = ("success", text(
                "train.file.loaded", lang, name=f.name, H=m.H, n=m.n_vocab, K=m.K))
            return
    st.session_state[MODEL_NOTE] = ("error", text("train.file.refused", lang, name=f.name,
                                                  problem=problem))

