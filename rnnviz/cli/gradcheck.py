"""``python -m rnnviz gradcheck``: BPTT of the RNN, the RNN as a language model (the
next word's loss), the LSTM and the GRU against central finite differences (the gated
cells also with truncation, k = 2)."""
from __future__ import annotations

import textwrap

from ..nn.activations import ACTIVATIONS

CELL_TRUNCATIONS = (None, 2)


def cmd_gradcheck(args) -> int:
    from ..nn.gradcheck import (
        CELLS,
        TOLERANCE,
        gradcheck,
        gradcheck_cell,
        random_case,
        random_cell_case,
        random_lm_case,
    )

    worst_overall = 0.0
    print(f"BPTT vs central finite differences (float64, ε = 1e-5), "
          f"{args.seeds} random models per activation and per cell")
    chosen = set(getattr(args, "cell", None) or ("rnn", *CELLS))
    rows = {f: (lambda seed, f=f: gradcheck(*random_case(f, seed))) for f in ACTIVATIONS
            if "rnn" in chosen}
    if "rnn" in chosen:                     # the same RNN as a language model
        rows["LM"] = lambda seed: gradcheck(*random_lm_case("tanh", seed))   # -log o_t[w_{t+1}]
    for cell in (c for c in CELLS if c in chosen):
        for k in CELL_TRUNCATIONS:
            name = cell.upper() + ("" if k is None else f" k={k}")
            rows[name] = (lambda seed, cell=cell, k=k:
                          gradcheck_cell(*random_cell_case(cell, seed), truncate=k))
    for name, check in rows.items():
        worst: dict[str, float] = {}
        for seed in range(args.seeds):
            for param, err in check(seed).items():
                worst[param] = max(worst.get(param, 0.0), err)
        row = "  ".join(f"{k}={v:.1e}" for k, v in worst.items())
        print(textwrap.fill(row, 100, initial_indent=f"  {name:<9} ",
                            subsequent_indent=" " * 12))
        worst_overall = max(worst_overall, *worst.values())
    ok = worst_overall <= TOLERANCE
    print(f"worst relative error {worst_overall:.2e} "
          f"{'≤' if ok else '>'} {TOLERANCE:.0e}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1
