"""One training step (forward + BPTT, float64, one thread): rnnviz vs PyTorch.

    python bench/train_speed.py [--repeat 200]

Both sides do the same work: the tutorial's RNN over a padded batch, token
cross-entropy (mean), and all parameter gradients. PyTorch runs
nn.Embedding + nn.RNN(tanh) + nn.Linear + F.cross_entropy + backward().
No optimiser step on either side. Prints the median time per step and the
ratio rnnviz / torch for each case.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from rnnviz.nn.bptt import bptt  # noqa: E402
from rnnviz.nn.forward import forward  # noqa: E402
from rnnviz.nn.loss import cross_entropy  # noqa: E402
from rnnviz.training.allocator import tune_allocator  # noqa: E402
from rnnviz.nn.model import init_rnn  # noqa: E402

CASES = [  # (name, B, T, H, |vocab|, K, target ratio)
    ("batch 32 x 20, H=64, |vocab|=2000, K=12", 32, 20, 64, 2000, 12, 0.8),
    ("one sentence of 20, H=16, |vocab|=2000, K=12", 1, 20, 16, 2000, 12, 0.5),
]


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


def rnnviz_step(m, X, Y, mask):
    def step():
        fw = forward(m, X)
        cross_entropy(fw.z, Y, mask)
        bptt(m, fw, Y, mask)
    return step


def torch_step(torch, m, X, Y, mask):
    from torch import nn
    import torch.nn.functional as F
    H, V, K = m.H, m.n_vocab, m.K
    emb = nn.Embedding(V, H).double()
    rnn = nn.RNN(H, H, batch_first=True, nonlinearity="tanh").double()
    lin = nn.Linear(H, K).double()
    with torch.no_grad():
        emb.weight.copy_(torch.from_numpy(m.U.T.copy()))
        rnn.weight_ih_l0.copy_(torch.eye(H, dtype=torch.float64))
        rnn.weight_hh_l0.copy_(torch.from_numpy(m.W))
        rnn.bias_ih_l0.copy_(torch.from_numpy(m.b))
        rnn.bias_hh_l0.zero_()
        lin.weight.copy_(torch.from_numpy(m.V))
        lin.bias.copy_(torch.from_numpy(m.c))
    rnn.weight_ih_l0.requires_grad_(False)
    params = [emb.weight, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0,
              lin.weight, lin.bias]
    x = torch.from_numpy(X)
    y = torch.from_numpy(np.where(mask, Y, -100))

    def step():
        for p in params:
            p.grad = None
        out, _ = rnn(emb(x))
        loss = F.cross_entropy(lin(out).reshape(-1, K), y.reshape(-1), ignore_index=-100)
        loss.backward()
    return step


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=300)
    args = ap.parse_args()
    try:
        import torch
    except ImportError:
        print("torch is not installed: pip install torch==2.13.0 (CPU build)")
        return 0
    torch.set_num_threads(1)
    tuned = tune_allocator()   # what train.train() does; both sides share the process
    print(f"numpy {np.__version__}, torch {torch.__version__}, one thread, float64, "
          f"median of {args.repeat}, glibc malloc tuned: {tuned}")
    print(f"{'case':<48} {'rnnviz':>10} {'torch':>10} {'ratio':>7} {'target':>7}")
    for name, B, T, H, V, K, target in CASES:
        rng = np.random.default_rng(0)
        m = init_rnn([f"w{i}" for i in range(1, V)], [f"t{k}" for k in range(K)], H, seed=0)
        X = rng.integers(0, V, (B, T))
        Y = rng.integers(0, K, (B, T))
        mask = np.ones((B, T), bool)
        if B > 1:                                 # a realistic padded batch
            lengths = rng.integers(T // 2, T + 1, B)
            lengths[0] = T
            mask = np.arange(T)[None, :] < lengths[:, None]
        ours, theirs = median_times([rnnviz_step(m, X, Y, mask),
                                     torch_step(torch, m, X, Y, mask)], args.repeat)
        ratio = ours / theirs
        print(f"{name:<48} {ours * 1e3:>8.3f}ms {theirs * 1e3:>8.3f}ms {ratio:>7.2f} "
              f"{'≤' + str(target):>7} {'ok' if ratio <= target else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
