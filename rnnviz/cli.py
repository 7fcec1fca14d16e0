"""``python -m rnnviz`` — the command line: gradcheck, train, tag, eval."""
from __future__ import annotations

import argparse
import sys

from . import __version__


def cmd_gradcheck(args) -> int:
    from .activations import ACTIVATIONS
    from .gradcheck import TOLERANCE, gradcheck, random_case

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


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m rnnviz",
        description="rnnviz: the tutorial's RNN, s_t = f(U x_t + W s_{t-1} + b), "
                    "o_t = softmax(V s_t + c), in NumPy.")
    ap.add_argument("--version", action="version", version=f"rnnviz {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("gradcheck", help="check BPTT against finite differences")
    p.add_argument("--seeds", type=int, default=3, help="random models per activation")
    p.set_defaults(run=cmd_gradcheck)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "run", None):
        ap.print_help()
        return 0
    try:
        return args.run(args)
    except (ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
