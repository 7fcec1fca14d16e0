"""One training step of each cell (float64, one thread): rnnviz vs PyTorch.

    python bench/train_speed.py [--repeat 300] [--rounds 3] [--cells rnn,lstm,gru]
                                [--optimizer adam|sgd|none]

A training step is what ``training.train.train`` does per batch: forward, the mean
token cross-entropy, BPTT (every parameter's gradient), clipping at global norm 5
and one Adam step (lr 0.001) — rnnviz's own code paths (``nn.cells.forward`` /
``cells.bptt``, ``nn.optim``), against PyTorch doing the same with
torch.optim.Adam and clip_grad_norm_ (``--optimizer sgd``: SGD on both sides;
``none``: forward and gradients only, no clipping, as this bench measured the RNN
before issue 20). Both read the input as an embedding lookup
(rnnviz: the columns U[:, x_t]; PyTorch: nn.Embedding). PyTorch runs twice:

- "same net": nn.Embedding(|vocab|, G·H) -> nn.RNN/LSTM/GRU(G·H, H) with its input
  weight fixed to I, the rnnviz model's weights mapped as ``nn/pytorch_names.py``,
  ``lstm.py`` and ``gru.py`` say (checked: the same loss before timing). The same
  parameters as rnnviz, plus the frozen input product I·e_t PyTorch cannot skip.
- "usual": nn.Embedding(|vocab|, H) -> nn.RNN/LSTM/GRU(H, H), every weight trained
  (PyTorch's common tagger; a G-times narrower embedding, so less Adam work on it).

The ratio is rnnviz / PyTorch (< 1: rnnviz faster). Timings are interleaved
(rnnviz, same net, usual, rnnviz, ...) so that load from other processes hits all
alike; each round reports medians, and the table takes the median of the rounds.
The load average is printed before and after.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

# The rnnviz of this checkout (not whichever one pip installed), as the other benches do.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# One BLAS thread, set before NumPy (and torch) load their BLAS.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from rnnviz.nn import cells, optim  # noqa: E402
from rnnviz.nn.gru import init_gru  # noqa: E402
from rnnviz.nn.loss import cross_entropy  # noqa: E402
from rnnviz.nn.lstm import init_lstm, torch_rows  # noqa: E402
from rnnviz.nn.model import init_rnn  # noqa: E402
from rnnviz.training.allocator import tune_allocator  # noqa: E402

B, T, H, N_VOCAB, K = 32, 20, 64, 2000, 12       # the B and H; the RNN bench's sizes
LR, CLIP = 0.001, 5.0                             # TrainConfig's defaults (Adam)
OPTIMIZERS = ("adam", "sgd", "none")
INIT = {"rnn": init_rnn, "lstm": init_lstm, "gru": init_gru}
GATES = {"rnn": 1, "lstm": 4, "gru": 3}


def median_times(fns, repeat: int) -> list[float]:
    """Median seconds per call of each function, calls interleaved so that
    machine noise hits all of them alike."""
    for fn in fns:                                # warm up
        for _ in range(max(5, repeat // 10)):
            fn()
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, ts in zip(fns, times):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
    return [float(np.median(ts)) for ts in times]


def batch(seed: int = 0):
    """A padded batch: word ids, tag ids, mask (one full-length sentence, others T/2..T)."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, N_VOCAB, (B, T))
    Y = rng.integers(0, K, (B, T))
    lengths = rng.integers(T // 2, T + 1, B)
    lengths[0] = T
    return X, Y, np.arange(T)[None, :] < lengths[:, None]


def model(cell: str):
    """A fresh rnnviz model of ``cell`` (its own writable arrays)."""
    return INIT[cell]([f"w{i}" for i in range(1, N_VOCAB)], [f"t{k}" for k in range(K)],
                      H, seed=0)


def rnnviz_step(m, X, Y, mask, optimizer: str):
    """train.train's step: forward, loss, BPTT, clip, update (m in place)."""
    params = m.params
    opt = None if optimizer == "none" else optim.make(optimizer, LR)

    def step():
        fw = cells.forward(m, X)
        cross_entropy(fw.z, Y, mask)
        grads = cells.bptt(m, fw, Y, mask)
        if opt is not None:
            optim.clip_by_global_norm(grads, CLIP)
            opt.step(params, grads)
    return step


def same_net(torch, m, cell: str):
    """PyTorch modules computing exactly ``m`` (embedding -> cell with input weight I)."""
    from torch import nn
    G = GATES[cell]
    kind = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[cell]
    rows = torch_rows(m) if cell == "lstm" else np.arange(G * H)   # LSTM: PyTorch's i, f, g, o
    bias_hh = np.zeros(G * H)
    if cell == "gru":
        bias_hh[2 * H:] = m.bh                     # b_hn, inside r ⊙ (…)
    emb, rnn, lin = nn.Embedding(N_VOCAB, G * H).double(), \
        kind(G * H, H, batch_first=True).double(), nn.Linear(H, K).double()
    f64 = torch.from_numpy
    with torch.no_grad():
        emb.weight.copy_(f64(np.ascontiguousarray(m.U[rows].T)))
        rnn.weight_ih_l0.copy_(torch.eye(G * H, dtype=torch.float64))
        rnn.weight_hh_l0.copy_(f64(m.W[rows]))
        rnn.bias_ih_l0.copy_(f64(m.b[rows]))
        rnn.bias_hh_l0.copy_(f64(bias_hh))
        lin.weight.copy_(f64(m.V))
        lin.bias.copy_(f64(m.c))
    rnn.weight_ih_l0.requires_grad_(False)
    return emb, rnn, lin


def usual_net(torch, cell: str):
    """PyTorch's common tagger: nn.Embedding(|vocab|, H) -> cell(H, H) -> nn.Linear."""
    from torch import nn
    torch.manual_seed(0)
    kind = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[cell]
    return (nn.Embedding(N_VOCAB, H).double(), kind(H, H, batch_first=True).double(),
            nn.Linear(H, K).double())


def torch_loss(torch, modules, X, Y, mask):
    import torch.nn.functional as F
    emb, rnn, lin = modules
    out, _ = rnn(emb(torch.from_numpy(X)))
    y = torch.from_numpy(np.where(mask, Y, -100))
    return F.cross_entropy(lin(out).reshape(-1, K), y.reshape(-1), ignore_index=-100)


def torch_step(torch, modules, X, Y, mask, optimizer: str):
    """The same step in PyTorch: forward, loss, backward, clip_grad_norm_, update."""
    params = [p for mod in modules for p in mod.parameters() if p.requires_grad]
    opt = {"adam": torch.optim.Adam, "sgd": torch.optim.SGD}[optimizer](params, lr=LR) \
        if optimizer != "none" else None

    def step():
        for p in params:
            p.grad = None
        torch_loss(torch, modules, X, Y, mask).backward()
        if opt is not None:
            torch.nn.utils.clip_grad_norm_(params, CLIP)
            opt.step()
    return step


def blas_name() -> str:
    """The BLAS NumPy was built with, as numpy.show_config() reports it."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    except (TypeError, KeyError):                   # older NumPy: no dicts mode
        return "see numpy.show_config()"
    return f"{blas.get('name')} {blas.get('version', '')}".strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=300, help="timed steps per round")
    ap.add_argument("--rounds", type=int, default=3, help="rounds; the table is their median")
    ap.add_argument("--cells", default="rnn,lstm,gru")
    ap.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    args = ap.parse_args()
    try:
        import torch
    except ImportError:
        print("torch is not installed: pip install torch==2.13.0 (CPU build)")
        return 0
    torch.set_num_threads(1)
    tuned = tune_allocator()   # what train.train() does; both sides share the process
    X, Y, mask = batch()
    update = f"{args.optimizer} (lr {LR}) + clip {CLIP}" if args.optimizer != "none" \
        else "no update"
    print(f"numpy {np.__version__} ({blas_name()}), torch {torch.__version__} "
          f"({torch.get_num_threads()} thread), python {platform.python_version()}, "
          f"float64, B={B} T={T} H={H} |vocab|={N_VOCAB} K={K}, {update}, "
          f"{args.rounds} rounds x median of {args.repeat}, glibc malloc tuned: {tuned}")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"{'cell':<6} {'rnnviz':>10} {'torch same':>11} {'torch usual':>12} "
          f"{'ratio same':>11} {'ratio usual':>12}")
    for cell in args.cells.split(","):
        m = model(cell)
        same = same_net(torch, m, cell)
        with torch.no_grad():                      # the mapping is right: the same loss
            ref = float(torch_loss(torch, same, X, Y, mask))
        ours = cross_entropy(cells.forward(m, X).z, Y, mask)
        assert abs(ours - ref) < 1e-10, (cell, ours, ref)
        fns = [rnnviz_step(m, X, Y, mask, args.optimizer),
               torch_step(torch, same, X, Y, mask, args.optimizer),
               torch_step(torch, usual_net(torch, cell), X, Y, mask, args.optimizer)]
        rounds = np.array([median_times(fns, args.repeat) for _ in range(args.rounds)])
        r, s, u = np.median(rounds, axis=0)
        print(f"{cell:<6} {r * 1e3:>8.3f}ms {s * 1e3:>9.3f}ms {u * 1e3:>10.3f}ms "
              f"{r / s:>11.2f} {r / u:>12.2f}   rounds (ms): "
              + " | ".join(" ".join(f"{x * 1e3:.2f}" for x in row) for row in rounds))
    print("load average after:  {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
