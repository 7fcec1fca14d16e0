"""Recurrence gap of issue 16: train the built-in RNN and its W = 0 twin with one
config and measure both as ``python -m rnnviz eval --write-scores`` does.

    OPENBLAS_NUM_THREADS=1 nice -n 10 python bench/recurrence_gap.py \
        "truncate=2 rare_dropout=2.0" "truncate=2 average=0.998 seed=1" ...

Each argument is one config: space-separated ``name=value`` changes from
``builtin.DEFAULT_CONFIG`` ("" or "shipped" for DEFAULT_CONFIG itself). Prints one
markdown row per config with the columns of bench/RESULTS.md's "Recurrence gap of
issue 16" table. Nothing in the repository is written. The W = 0 twin does not
depend on ``truncate`` or ``w_decay`` (W's gradient is dropped and W stays 0;
bit-identical), so a twin already trained in this run with the same config but
those is reused.

``w_decay=λ`` is TrainConfig's decay of W (W -= η λ W after every optimiser step);
``wdW=λ``, the name of the earlier rows, is the same setting (before ``w_decay``
existed it was emulated here). Settings the trainer does not have, tried here only
(nothing in rnnviz changes): ``real_weight=N`` sets ``builtin.REAL_WEIGHT`` (the
data caches are rebuilt); ``wd=λ`` decoupled weight decay (AdamW: θ -= η λ θ after
every Adam step) on U, W, V, both models; ``dev_real=1`` early-stops both on the
real dev sentences alone.
"""
from __future__ import annotations

import ast
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rnnviz.nn import optim                              # noqa: E402
from rnnviz.training import builtin, reference           # noqa: E402
from rnnviz.training.tagger import tag_text              # noqa: E402


def parse(spec: str) -> dict:
    changes = {}
    for item in spec.split():
        if item == "shipped":
            continue
        name, value = item.split("=", 1)
        try:
            changes[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            changes[name] = value
    return changes


EXTRA = ("real_weight", "wd", "dev_real")
_make = optim.make


def set_extras(extras: dict) -> None:
    weight = extras.get("real_weight", 2)
    if weight != builtin.REAL_WEIGHT:
        builtin.REAL_WEIGHT = weight
        builtin.training_sentences.cache_clear()
        builtin.corpus_data.cache_clear()
    decay = {name: extras.get("wd", 0.0) for name in ("U", "W", "V")}
    decay = {k: v for k, v in decay.items() if v}

    def make(name, lr):
        opt = _make(name, lr)
        if not decay:
            return opt
        step = opt.step

        def decayed(params, grads):
            step(params, grads)
            for k, lam in decay.items():
                if k in grads:                   # W = 0 twin: no W gradient, W stays 0
                    params[k] *= 1.0 - lr * lam
        opt.step = decayed
        return opt
    optim.make = make


def train_one(config, recurrent: bool, dev_real: bool):
    if not dev_real:
        return builtin.train_builtin(config, recurrent=recurrent)
    from rnnviz.text import realtext
    from rnnviz.training.train import train
    n_real = sum(len(realtext.split(realtext.load(lang))[1]) for lang in realtext.LANGS)
    data = builtin.corpus_data()
    return train(data.train, data.vocab, data.tags, replace(config, recurrent=recurrent),
                 dev_pairs=data.dev[-n_real:], hparams={"data": builtin.DATA_NOTE})


def pct(cn) -> float:
    c, n = (cn.correct, cn.total) if hasattr(cn, "correct") else cn
    return 100.0 * c / n


def seed_example(m) -> bool:
    a = tag_text(m, "我 吃 苹果")
    b = tag_text(m, "我吃苹果")
    c = tag_text(m, "我 吃 榴莲")
    return (a.tags == ("nn", "v", "nn") and tuple(b.tokens) == ("我", "吃", "苹果")
            and b.tags == ("nn", "v", "nn") and tuple(c.tokens)[-1] == "榴莲"
            and c.tags[-1] == "nn")


def main(specs: list[str]) -> None:
    sets = reference.test_sets()
    twins: dict = {}
    for spec in specs or ["shipped"]:
        changes = parse(spec)
        if "wdW" in changes:                     # the earlier rows' name of w_decay
            changes["w_decay"] = changes.pop("wdW")
        extras = {k: changes.pop(k) for k in EXTRA if k in changes}
        set_extras(extras)
        config = replace(builtin.DEFAULT_CONFIG, **changes)
        t0 = time.perf_counter()
        dev_real = bool(extras.get("dev_real"))
        rnn = train_one(config, True, dev_real)
        t1 = time.perf_counter()
        key = (replace(config, truncate=None, w_decay=0.0), extras.get("real_weight"),
               extras.get("wd"), extras.get("dev_real"))
        if key not in twins:
            twins[key] = train_one(config, False, dev_real)
        ff = twins[key]
        t2 = time.perf_counter()
        s = reference.measure({"RNN": rnn.model, "W = 0": ff.model}, sets)
        ud = {lang: (pct(s["ud_test"][lang]["RNN"]["all"]), pct(s["ud_test"][lang]["W = 0"]["all"]))
              for lang in reference.LANGS}
        ev = {m: pct(reference.combined(s, "everyday", m)) for m in reference.MODELS}
        ev_lang = {lang: pct(s["everyday"][lang]["RNN"]["all"]) for lang in reference.LANGS}
        unk = {lang: pct(s["everyday"][lang]["RNN"]["unknown"]) for lang in reference.LANGS}
        unspaced = pct(s["everyday"]["zh"]["RNN"]["unspaced_chars"])
        test = builtin.evaluate(rnn.model).overall
        test_acc = 100.0 * test.correct / test.total
        targets = {
            "everyday zh ≥ 92": ev_lang["zh"] >= 92, "everyday en ≥ 94": ev_lang["en"] >= 94,
            "unknown zh ≥ 70": unk["zh"] >= 70, "unknown en ≥ 70": unk["en"] >= 70,
            "UD zh ≥ 80": ud["zh"][0] >= 80, "UD en ≥ 89": ud["en"][0] >= 89,
            "unspaced ≥ 90": unspaced >= 90, "built-in test ≥ 98": test_acc >= 98,
            "seed example": seed_example(rnn.model)}
        missed = [k for k, ok in targets.items() if not ok]
        name = spec if changes or extras else "shipped (DEFAULT_CONFIG)"

        def gap(a, b):
            return f"{a:.2f} / {b:.2f} ({a - b:+.2f})"

        print(f"| {name} | {gap(*ud['zh'])} | {gap(*ud['en'])} | "
              f"{gap(ev['RNN'], ev['W = 0'])} | {ev_lang['zh']:.2f} / {ev_lang['en']:.2f} | "
              f"{unk['zh']:.1f} / {unk['en']:.1f} | {unspaced:.2f} | {test_acc:.2f} | "
              f"{rnn.best_epoch} / {ff.best_epoch} | "
              f"{'holds' if 'seed example' not in missed else 'FAILS'} |", flush=True)
        print(f"  # {t1 - t0:.0f}s RNN, {t2 - t1:.0f}s W=0; other targets "
              f"{'all met' if not missed else 'MISSED: ' + ', '.join(missed)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
