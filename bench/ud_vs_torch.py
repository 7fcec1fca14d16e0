"""Real treebanks: rnnviz vs the same network in PyTorch, accuracy and time, one run.

    python bench/ud_vs_torch.py [--langs zh en] [--seeds 0 1 2]

For UD Chinese GSDSimp and UD English EWT (``../shared/data/ud/``): train on
the dev file (every tenth sentence held out for early stopping, as
``python -m rnnviz train --conllu``), test on the test file, UPOS tags, with
the settings of the README: H = 64, tanh, Adam lr 0.003, batches of 16, clip 5,
word dropout 0.1, at most 40 epochs, patience 5. For each seed:

- rnnviz: ``rnnviz.training.train.train`` (NumPy, float64);
- PyTorch: nn.Embedding (= Uᵀ) -> nn.RNN(tanh) with its input weight fixed to
  the identity and bias_hh fixed at 0 (so b = bias_ih) -> nn.Linear (= V, c);
  PyTorch's default initialisation and float32, Adam, clip_grad_norm_, the same
  batches procedure, word dropout, early stopping and best-epoch restore;
- rnnviz with W fixed at 0 (s_t = tanh(U x_t + b)).

Then the most-frequent-tag baseline (on the 90 % the models train on, and on the
whole dev file as the data README computes it), accuracy on unknown words, and
the checks: rnnviz's mean within 1.5 points of PyTorch's, one model in at most
120 s and no slower than PyTorch.

rnnviz draws U from N(0, 1), as nn.Embedding draws its weight (the default
of ``TrainConfig.u_init``). ``--uniform-u`` adds rnnviz with U uniform(±1/√H)
(nn.RNN's scale for a one-hot input weight), which this bench showed to cost
4 points on zh. Both sides use the machine's defaults for
threads, except that rnnviz's BLAS runs on one thread (as the CLI and the app
run it: ``rnnviz.training.userdata.single_thread_blas``). Exits 0 without torch or
without the data (it says so), 1 when a check fails.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import numpy as np  # noqa: E402

from rnnviz.training import userdata  # noqa: E402
from rnnviz.text.conllu_data import CLI_LIMITS, read_corpus  # noqa: E402
from rnnviz.training.dataset import batches, word_dropout  # noqa: E402
from rnnviz.training.train import TrainConfig, train  # noqa: E402

UD = ROOT.parent / "shared" / "data" / "ud"
TREEBANKS = {"zh": "zh_gsdsimp", "en": "en_ewt"}
CONFIG = TrainConfig(hidden=64, f="tanh", optimizer="adam", lr=0.003, epochs=40,
                     batch_size=16, clip=5.0, word_dropout=0.1, patience=5)
MAX_SECONDS, MAX_GAP = 120.0, 1.5


def load(lang: str) -> userdata.Prepared:
    read = lambda split: read_corpus(UD / f"{TREEBANKS[lang]}-ud-{split}.conllu",  # noqa: E731
                                     limits=CLI_LIMITS).sentences
    return userdata.prepare(userdata.split(read("dev"), test=read("test")))


def run_rnnviz(data: userdata.Prepared, seed: int, recurrent: bool = True,
               u_init: str = "normal"):
    config = TrainConfig(**{**CONFIG.__dict__, "seed": seed, "recurrent": recurrent,
                            "u_init": u_init})
    start = time.perf_counter()
    with userdata.single_thread_blas():
        result = train(data.train, data.vocab, data.tags, config, dev_pairs=data.dev)
    seconds = time.perf_counter() - start
    return userdata.evaluate(result.model, data.test), seconds, result.best_epoch


def run_torch(torch, data: userdata.Prepared, seed: int):
    """The same network, data order procedure, dropout and early stopping in PyTorch."""
    from torch import nn
    torch.manual_seed(seed)
    H, K, n_vocab, cfg = CONFIG.hidden, len(data.tags), len(data.vocab), CONFIG
    emb, rnn, lin = nn.Embedding(n_vocab, H), nn.RNN(H, H, batch_first=True), nn.Linear(H, K)
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.eye(H))
        rnn.bias_hh_l0.zero_()
    rnn.weight_ih_l0.requires_grad_(False)
    rnn.bias_hh_l0.requires_grad_(False)
    modules = (emb, rnn, lin)
    params = [p for mod in modules for p in mod.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=cfg.lr)

    def logits(X):
        return lin(rnn(emb(torch.from_numpy(X)))[0])          # (B, T, K)

    def accuracy_loss(pairs):
        with torch.no_grad():
            right = n = 0
            loss = 0.0
            for X, Y, mask in batches(pairs, 512):
                z = logits(X)[torch.from_numpy(mask)]
                y = torch.from_numpy(Y[mask])
                right += int((z.argmax(-1) == y).sum())
                loss += float(nn.functional.cross_entropy(z, y, reduction="sum"))
                n += len(y)
        return right / n, loss / n

    rng = np.random.default_rng(seed)
    best, best_state, since = (-np.inf, -np.inf), None, 0
    start = time.perf_counter()
    for epoch in range(1, cfg.epochs + 1):
        for X, Y, mask in batches(data.train, cfg.batch_size, rng):
            X = word_dropout(X, mask, cfg.word_dropout, rng)
            m = torch.from_numpy(mask)
            loss = nn.functional.cross_entropy(logits(X)[m], torch.from_numpy(Y)[m])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, cfg.clip)
            opt.step()
        acc, loss = accuracy_loss(data.dev)
        if (acc, -loss) > best:
            best, since = (acc, -loss), 0
            best_state = [{k: v.clone() for k, v in mod.state_dict().items()} for mod in modules]
        else:
            since += 1
            if since >= cfg.patience:
                break
    for mod, state in zip(modules, best_state):
        mod.load_state_dict(state)
    seconds = time.perf_counter() - start
    test_acc, _ = accuracy_loss(data.test)
    return test_acc, seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", nargs="+", default=list(TREEBANKS), choices=list(TREEBANKS))
    ap.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    ap.add_argument("--uniform-u", action="store_true",
                    help="also train rnnviz with U ~ uniform(±1/√H), for comparison")
    args = ap.parse_args(argv)
    if not UD.exists():
        print(f"skipped: no treebanks at {UD}")
        return 0
    try:
        import torch
    except ImportError:
        print("skipped: torch is not installed (pip install torch==2.13.0, CPU)")
        return 0
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread; numpy "
          f"{np.__version__}; settings {CONFIG}")
    failures = []
    for lang in args.langs:
        data = load(lang)
        s = data.splits
        print(f"\n== {lang}: {TREEBANKS[lang]} — train {len(s.train)} sentences, dev "
              f"{len(s.dev)}, test {len(s.test)} ({sum(map(len, s.test)):,} tokens); "
              f"|vocab| {len(data.vocab):,}, {len(data.tags)} tags")
        ours, theirs, uniform = [], [], []
        for seed in args.seeds:
            ev, sec, best_epoch = run_rnnviz(data, seed)
            t_acc, t_sec = run_torch(torch, data, seed)
            ours.append((ev.overall.accuracy, sec, ev.unknown.accuracy))
            theirs.append((t_acc, t_sec))
            print(f"seed {seed}: rnnviz {100 * ev.overall.accuracy:.2f}% ({sec:.1f} s, best "
                  f"epoch {best_epoch}, unknown words {100 * ev.unknown.accuracy:.2f}%)   "
                  f"torch {100 * t_acc:.2f}% ({t_sec:.1f} s)", flush=True)
            if args.uniform_u:
                ev_n, sec_n, best_n = run_rnnviz(data, seed, u_init="uniform")
                uniform.append(ev_n.overall.accuracy)
                print(f"        rnnviz with U ~ uniform {100 * ev_n.overall.accuracy:.2f}% "
                      f"({sec_n:.1f} s, best epoch {best_n}, unknown words "
                      f"{100 * ev_n.unknown.accuracy:.2f}%)", flush=True)
        w0 = [run_rnnviz(data, seed, recurrent=False)[0].overall.accuracy for seed in args.seeds]
        base, base_unk = userdata.most_frequent_tag(s.train, s.test)
        base_full, _ = userdata.most_frequent_tag(s.train + s.dev, s.test)
        base_raw, _ = userdata.most_frequent_tag(s.train + s.dev, s.test, key=str)
        mean = lambda xs: 100 * statistics.mean(xs)  # noqa: E731
        gap = mean([o[0] for o in ours]) - mean([t[0] for t in theirs])
        slowest = max(o[1] for o in ours)
        print(f"mean: rnnviz {mean([o[0] for o in ours]):.2f}%  torch "
              f"{mean([t[0] for t in theirs]):.2f}%  (gap {gap:+.2f} points)")
        if uniform:
            print(f"rnnviz with U ~ uniform: mean {mean(uniform):.2f}% (gap "
                  f"{mean(uniform) - mean([t[0] for t in theirs]):+.2f} points)")
        print(f"W = 0 (rnnviz): {', '.join(f'{100 * a:.2f}%' for a in w0)}; mean {mean(w0):.2f}%")
        print(f"unknown words (rnnviz): mean {mean([o[2] for o in ours]):.2f}% of "
              f"{ev.unknown.total:,} tokens")
        print(f"most-frequent-tag baseline: {base} (train part), on unseen words {base_unk}; "
              f"trained on the whole dev file {base_full}, words as written (not case-folded) "
              f"{base_raw}")
        print(f"time per model: rnnviz {statistics.mean(o[1] for o in ours):.1f} s (max "
              f"{slowest:.1f}), torch {statistics.mean(t[1] for t in theirs):.1f} s")
        checks = {f"within {MAX_GAP} points of torch": abs(gap) <= MAX_GAP,
                  f"at most {MAX_SECONDS:.0f} s a model": slowest <= MAX_SECONDS,
                  "no slower than torch": statistics.mean(o[1] for o in ours)
                  <= statistics.mean(t[1] for t in theirs)}
        for name, ok in checks.items():
            print(f"  {'PASS' if ok else 'FAIL'}  {name}")
            if not ok:
                failures.append(f"{lang}: {name}")
    print("\nall checks pass" if not failures else f"\nFAILED: {'; '.join(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
