"""Memory, measured: how far back each cell carries the one word that decides a tag.

A generated task (not English; small models trained for it alone, not the shipped
taggers). Every sentence of the family is

    cue  filler_1 … filler_{d-1}  fish          T = d + 1 tokens

and the tag of the last word, ``fish``, is decided by the cue d tokens back only:
``the … fish`` makes it a noun (nn), ``to … fish`` a verb (v). The fillers are drawn
from ``FILLERS`` (each with one tag whatever the cue), the same way after either cue,
so nothing between the cue and the last word tells the tag: a cell that tags ``fish``
right at distance d kept the cue for d steps. Chance is 50 %.

``run`` trains an RNN, an LSTM and a GRU (``TrainConfig.cell``, the same data, seed and
settings: ``CONFIG``) on ``N_TRAIN`` sentences with d drawn from ``D_MIN..D_MAX``, then
tags the family (``N_PER_D`` sentences per d, half of each cue, drawn with another seed)
and counts, per d, how often the last word's tag is right. ``python -m rnnviz memory``
writes the result to ``rnnviz/data/memory.json`` and the three models to
``rnnviz/data/memory_{cell}.npz`` (the page draws the curves and tags one member live).
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

import numpy as np

from .. import data
from ..nn import checkpoint
from ..nn.cells import CELLS, cell_of
from ..text.tagset import TAGS
from .dataset import Sentence, build_vocab, collect_tags, encode
from .evaluate import predict
from .train import TrainConfig, train

CUES = (("the", "d", "nn"), ("to", "part", "v"))     # (cue word, its tag, the last word's tag)
TARGET = "fish"
FILLERS = (("really", "adv"), ("very", "adv"), ("so", "adv"),
           ("old", "adj"), ("big", "adj"), ("new", "adj"))
D_MIN, D_MAX = 2, 20
N_TRAIN, N_DEV, N_PER_D = 3000, 300, 20
TRAIN_SEED, DEV_SEED, FAMILY_SEED = 1, 2, 3
CONFIG = TrainConfig(hidden=16, optimizer="adam", lr=0.01, epochs=20, batch_size=32,
                     clip=5.0, word_dropout=0.0, seed=0, patience=5, u_init="uniform")
FORMAT = "rnnviz-memory"
VERSION = 1


def sentence(d: int, cue: int, fillers: Sequence[int]) -> Sentence:
    """The member with distance ``d``, cue ``CUES[cue]`` and filler ids ``fillers`` (d-1)."""
    if d < 1 or len(fillers) != d - 1:
        raise ValueError(f"distance {d} needs {d - 1} fillers, got {len(fillers)}")
    word, tag, target = CUES[cue]
    return ((word, tag), *(FILLERS[i] for i in fillers), (TARGET, target))


def draw(rng: np.random.Generator, d: int, cue: int) -> Sentence:
    return sentence(d, cue, rng.integers(len(FILLERS), size=d - 1))


def training_set(n: int, seed: int) -> list[Sentence]:
    """``n`` sentences, d uniform in D_MIN..D_MAX, the cue a fair coin."""
    rng = np.random.default_rng(seed)
    return [draw(rng, int(rng.integers(D_MIN, D_MAX + 1)), int(rng.integers(2)))
            for _ in range(n)]


def family(per_d: int = N_PER_D, seed: int = FAMILY_SEED,
           distances: Sequence[int] = range(D_MIN, D_MAX + 1)) -> dict[int, list[Sentence]]:
    """The measured family: ``per_d`` sentences for each d, cues alternating."""
    rng = np.random.default_rng(seed)
    return {d: [draw(rng, d, i % 2) for i in range(per_d)] for d in distances}


def member(d: int, seed: int = FAMILY_SEED) -> Sentence:
    """One member at distance d (the family's first sentence of d: cue ``the``)."""
    return family(1, seed, (d,))[d][0]


def text_of(s: Sentence) -> str:
    return " ".join(w for w, _ in s)


def last_word_correct(m, sentences: Sequence[Sentence]) -> int:
    """How many of ``sentences`` ``m`` tags right at the last word."""
    pairs = encode(sentences, m.vocab, m.tags)
    pred = predict(m, pairs)
    return int(sum(p[-1] == y[-1] for p, (_, y) in zip(pred, pairs)))


@dataclass(frozen=True)
class Result:
    """What ``memory.json`` holds (see the module docstring)."""
    d: list[int]
    n: list[int]                        # family sentences per d
    correct: dict[str, list[int]]       # cell -> last word right, per d
    seconds: dict[str, float]           # cell -> training time
    best_epoch: dict[str, int]
    config: dict
    task: dict

    def accuracy(self, cell: str) -> np.ndarray:
        return np.asarray(self.correct[cell]) / np.asarray(self.n)

    def as_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, **asdict(self)}


def task_record() -> dict:
    return {"cues": [list(c) for c in CUES], "target": TARGET,
            "fillers": [list(f) for f in FILLERS], "d": [D_MIN, D_MAX], "n_train": N_TRAIN,
            "n_dev": N_DEV, "seeds": {"train": TRAIN_SEED, "dev": DEV_SEED,
                                     "family": FAMILY_SEED}}


def train_cell(cell: str, config: TrainConfig = CONFIG, n_train: int = N_TRAIN):
    """One cell trained on the task -> TrainResult (its model's vocabulary and tags are
    the task's)."""
    sents = training_set(n_train, TRAIN_SEED)
    dev = training_set(N_DEV, DEV_SEED)
    vocab = build_vocab(sents, min_class_count=None)
    tags = collect_tags(sents, TAGS)
    return train(encode(sents, vocab, tags), vocab, tags, replace(config, cell=cell),
                 dev_pairs=encode(dev, vocab, tags), hparams={"data": "memory task"})


def measure(models: dict, fam: dict[int, list[Sentence]] | None = None) -> dict[str, list[int]]:
    """cell -> how many family members each model tags right, per d."""
    fam = fam or family()
    return {cell: [last_word_correct(m, fam[d]) for d in fam] for cell, m in models.items()}


def run(cells: Sequence[str] = CELLS, *, log=print) -> tuple[Result, dict]:
    """Train the cells and measure them on the family -> (Result, {cell: model})."""
    models, seconds, best = {}, {}, {}
    for cell in cells:
        start = time.perf_counter()
        res = train_cell(cell)
        models[cell], best[cell] = res.model, res.best_epoch
        seconds[cell] = round(time.perf_counter() - start, 1)
        log(f"{cell}: best epoch {res.best_epoch} ({res.stopped}), {seconds[cell]} s")
    fam = family()
    result = Result(list(fam), [len(v) for v in fam.values()], measure(models, fam), seconds,
                    best, {k: v for k, v in asdict(CONFIG).items() if k != "cell"},
                    task_record())
    return result, models


def model_path(cell: str):
    return data.DIR / f"memory_{cell}.npz"


def save(result: Result, models: dict) -> None:
    import json
    fields = result.as_json()           # one line per field: a diff shows what changed
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    data.MEMORY.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    for cell, m in models.items():
        checkpoint.save(m, model_path(cell))


def load_result(path=None) -> Result:
    """memory.json as a Result (ValueError if it is not one)."""
    import json
    raw = json.loads((path or data.MEMORY).read_text(encoding="utf-8"))
    if raw.get("format") != FORMAT or raw.get("version") != VERSION:
        raise ValueError(f"not an rnnviz memory file (format {raw.get('format')!r})")
    return Result(**{k: raw[k] for k in Result.__dataclass_fields__})


def load_models() -> dict:
    """cell -> the shipped small model of the task."""
    out = {cell: checkpoint.load(model_path(cell), cells=CELLS) for cell in CELLS}
    assert all(cell_of(m) == cell for cell, m in out.items())
    return out
