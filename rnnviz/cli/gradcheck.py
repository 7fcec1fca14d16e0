"""``python -m rnnviz gradcheck``: BPTT against central finite differences."""
from __future__ import annotations

from ..nn.activations import ACTIVATIONS


def cmd_gradcheck(args) -> int:
    from ..nn.gradcheck import TOLERANCE, gradcheck, random_case

    worst_overall = 0.0
    print(f"BPTT vs central finite differences (float64, ε = 1e-5), "
          f"{args.seeds} random models per activation")
    for f in ACTIVATIONS:
        worst: dict[str, float] = {}
        for seed in range(args.seeds):
            for name, err in gradcheck(*random_case(f, seed)).items():
                worst[name] = max(worst.get(name, 0.0), err)
        row = "  ".join(f"{k}={v:.1e}" for k, v in worst.items())
        print(f"  {f:<9} {row}")
        worst_overall = max(worst_overall, *worst.values())
    ok = worst_overall <= TOLERANCE
    print(f"worst relative error {worst_overall:.2e} "
          f"{'≤' if ok else '>'} {TOLERANCE:.0e}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1
