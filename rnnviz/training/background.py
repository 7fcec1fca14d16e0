"""Training in a process of its own, watched without waiting: the app's Train page.

    job = TrainingJob(data, config)      # starts train() in a child process
    job.poll()                           # non-blocking: new epochs, latest weights, result
    job.stop()                           # the child stops after its current mini-batch
    job.result, job.history, job.latest, job.error (English), job.error_note (a Message)

Why a process and not a thread: ``train.train`` is a Python loop over small
NumPy operations (16 x 64 by 64 x 64), which hold the GIL nearly all the time.
A training thread in the Streamlit server would take the GIL from every other
session's script run on a 2-core machine; a child process uses the second
core, runs at a lower priority (``nice``), has BLAS on one thread, and cannot
touch any other session's state. Each job has its own queue and stop event;
nothing is kept in module globals.

The child sends small messages: where it is (epoch, mini-batch, loss; every
0.1 s at most, so the page's progress and its Stop agree with the run), each
epoch's row, a snapshot of the weights when the parent asked for one and 0.4 s
have passed (``poll`` asks again, so an unwatched job never piles snapshots
up), the batch losses since the last message, and at the end
the model (best dev epoch), the history and its test evaluation. A stop is
checked after every mini-batch, so it works mid-epoch. A job that is garbage
collected (its session ended) kills its process. ``JobSlots`` caps how many
run at once on the server.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..messages import Catalog, CodedError, Message
from ..nn.model import RNN
from .train import Progress, TrainConfig, train
from .userdata import Evaluation, Prepared, evaluate, single_thread_blas

MESSAGES = Catalog({           # why a run ended without a model (job.error_note)
    "training.process_ended": "the training process ended unexpectedly (exit code {code})",
    "training.failed": "{kind}: {detail}",
})

SNAPSHOT_SECONDS = 0.4       # at most this often a weights snapshot
PROGRESS_SECONDS = 0.1       # at most this often where training is (epoch, batch, loss)
MAX_SECONDS = 600.0          # a job stops itself after this long (as if stopped)
NICE = 10                    # lower priority than the server's script runs


@dataclass
class Snapshot:
    """The latest weights and where training is."""
    epoch: int
    epochs: int
    step: int
    steps_per_epoch: int
    loss: float
    params: dict[str, np.ndarray]

    @property
    def fraction(self) -> float:
        return min(1.0, self.step / max(1, self.epochs * self.steps_per_epoch))


@dataclass
class Outcome:
    """What a finished job gives: the model at its best dev epoch and how it got there."""
    model: RNN
    history: list[dict]
    best_epoch: int
    stopped: str                    # done, early, callback (stop button), time, non-finite
    seconds: float
    evaluation: Evaluation | None   # on the test set (None without test sentences)


@dataclass(frozen=True)
class Where:
    """Where training is, as last reported (every PROGRESS_SECONDS at most)."""
    epoch: int
    epochs: int
    step: int
    steps_per_epoch: int
    loss: float

    @property
    def fraction(self) -> float:
        return min(1.0, self.step / max(1, self.epochs * self.steps_per_epoch))

    @property
    def batch(self) -> int:
        """The mini-batch within its epoch (1-based)."""
        return self.step - (self.epoch - 1) * self.steps_per_epoch


@dataclass(eq=False)
class TrainingJob:
    data: Prepared
    config: TrainConfig
    hparams: dict = field(default_factory=dict)
    max_seconds: float = MAX_SECONDS

    def __post_init__(self):
        ctx = mp.get_context("spawn")        # never fork a threaded server
        self._messages = ctx.Queue()
        self._stop, self._want = ctx.Event(), ctx.Event()
        self._want.set()
        self.history: list[dict] = []
        self.steps: list[tuple[float, float]] = []   # (epochs done, batch loss)
        self.latest: Snapshot | None = None
        self.where: Where | None = None
        self.outcome: Outcome | None = None
        self.error: str | None = None            # English, for logs and tests
        self.error_note: Message | None = None   # the same as a code, for the page
        self.started = time.monotonic()
        d = self.data
        self._inbox = inbox = ctx.Queue()        # kept: the child unpickles it later
        self._process = ctx.Process(
            target=_work, name="rnnviz-train", daemon=True,
            args=(inbox, self._messages, self._stop, self._want, self.config, self.hparams,
                  self.max_seconds))
        self._process.start()
        inbox.put((d.train, d.dev, d.test, d.vocab, d.tags))   # sent while the child boots
        # A child that dies before reading leaves the data in the pipe; without this the
        # queue's feeder thread is joined at exit and the server (or pytest) never exits.
        inbox.cancel_join_thread()
        weakref.finalize(self, _kill, self._process)

    @property
    def running(self) -> bool:
        return self.outcome is None and self.error is None

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def stop(self) -> None:
        self._stop.set()

    def kill(self) -> None:
        _kill(self._process)

    def poll(self) -> None:
        """Take every message the child has sent so far (never blocks)."""
        while True:
            try:
                kind, body = self._messages.get_nowait()
            except queue.Empty:
                break
            self._take(kind, body)
        if self.running and not self._process.is_alive() and self._messages.empty():
            self._failed(MESSAGES("training.process_ended", code=self._process.exitcode))
        self._want.set()

    def _take(self, kind: str, body: dict[str, Any]) -> None:
        spe = max(1, body.get("steps_per_epoch", 1))
        self.steps.extend((step / spe, loss) for step, loss in body.get("steps", ()))
        if "epoch" in body:
            self.where = Where(body["epoch"], body["epochs"], body["step"], spe, body["loss"])
        if body.get("params") is not None:
            self.latest = Snapshot(body["epoch"], body["epochs"], body["step"], spe,
                                   body["loss"], body["params"])
        if kind == "epoch":
            self.history.append(body["row"])
        elif kind == "done":
            self.outcome = body["outcome"]
            self.history = self.outcome.history
        elif kind == "error":
            self._failed(body["message"])

    def _failed(self, note: Message) -> None:
        self.error_note, self.error = note, str(note)

    def model_at(self, snapshot: Snapshot) -> RNN:
        """The live weights as a model (for drawing)."""
        return RNN(**snapshot.params, vocab=self.data.vocab, tags=self.data.tags,
                   f=self.config.f)


def _kill(process) -> None:
    if process.is_alive():
        process.kill()
    process.join(timeout=1)


# --------------------------------------------------------------------------- the child

def _work(inbox, out, stop, want, config, hparams, max_seconds) -> None:
    try:
        os.nice(NICE)
    except (AttributeError, OSError):
        pass
    train_pairs, dev_pairs, test_pairs, vocab, tags = inbox.get()
    start = time.monotonic()
    pending: list[tuple[int, float]] = []
    timed_out = False

    last = [0.0, 0.0]                   # when the last weights / the last progress went

    def message(p: Progress, **extra) -> dict:
        body = dict(epoch=p.epoch, epochs=p.epochs, step=p.step,
                    steps_per_epoch=p.steps_per_epoch, loss=p.loss, steps=list(pending),
                    params=None, **extra)
        pending.clear()
        now = time.monotonic()
        last[1] = now
        if want.is_set() and now - last[0] >= SNAPSHOT_SECONDS:
            want.clear()
            last[0] = now
            body["params"] = {k: v.copy() for k, v in p.model.params.items()}
        return body

    def callback(p: Progress) -> bool:
        nonlocal timed_out
        now = time.monotonic()
        if p.kind == "step":
            pending.append((p.step, p.loss))
            if now - last[1] >= PROGRESS_SECONDS:      # where it is, often; weights less
                out.put(("step", message(p)))
        else:
            row = {"epoch": p.epoch, "loss": p.loss, "train_acc": p.train_acc,
                   "dev_loss": p.dev_loss, "dev_acc": p.dev_acc, "grad_norm": p.grad_norm}
            out.put(("epoch", message(p, row=row)))
        if now - start > max_seconds:
            timed_out = True
            return True
        return stop.is_set()

    try:
        with single_thread_blas():
            result = train(train_pairs, vocab, tags, config, dev_pairs=dev_pairs,
                           callback=callback, hparams=hparams)
            ev = evaluate(result.model, test_pairs) if test_pairs else None
        out.put(("done", {"steps": list(pending), "outcome": Outcome(
            result.model, result.history, result.best_epoch,
            "time" if timed_out else result.stopped, result.seconds, ev)}))
    except Exception as e:                     # reported to the page, never raised there
        out.put(("error", {"message": MESSAGES(
            "training.failed", kind=type(e).__name__,
            detail=e.note if isinstance(e, CodedError) else str(e))}))


# --------------------------------------------------------------------------- the cap

class JobSlots:
    """At most ``n`` training processes at once on this server (shared by sessions)."""

    def __init__(self, n: int):
        self.n = n
        self._lock = threading.Lock()
        self._jobs: weakref.WeakSet = weakref.WeakSet()

    def start(self, *args, **kwargs) -> TrainingJob | None:
        """A new running job, or None when all slots are taken."""
        with self._lock:
            running = [j for j in self._jobs if j.alive]
            if len(running) >= self.n:
                return None
            job = TrainingJob(*args, **kwargs)
            self._jobs.add(job)
            return job

    @property
    def busy(self) -> int:
        with self._lock:
            return sum(1 for j in self._jobs if j.alive)
