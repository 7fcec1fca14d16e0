"""What plotly_fence.SpecFigure saves: the server time of turning the app's figures
into what st.plotly_chart sends, lazily (SpecFigure.to_dict) and as a built
go.Figure (``go.Figure(spec, _validate=False).to_dict()``, Plotly's own path).

    python bench/spec_figure.py [--repeat 20]
"""
import argparse
import statistics
import time

import plotly.graph_objects as go

from rnnviz.data import DEFAULT_MODEL
from rnnviz.figures import backward, flow, formula, heatmaps, neurons, unrolled
from rnnviz.figures.style import Look
from rnnviz.lessons.backprop import lesson
from rnnviz.nn.checkpoint import load
from rnnviz.training.tagger import tag_text

LONG = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"


def builders():
    m = load(DEFAULT_MODEL)
    tg = tag_text(m, LONG)
    ls = lesson(m, tg.trace.x, tg.trace.pred, tokens=tg.tokens)
    look = Look()
    return {
        "unrolled": lambda: unrolled.make_unrolled(tg.trace, 5, unknown=tg.unknown, look=look),
        "formula": lambda: formula.make_formula(tg.trace, 5, look=look),
        "neurons": lambda: neurons.make_neurons(tg.trace, 5, look=look),
        "heatmaps": lambda: heatmaps.make_heatmaps(tg.trace, 5, look=look),
        "backward": lambda: backward.make_backward(ls, 20, unknown=tg.unknown, look=look),
        "flow": lambda: flow.make_flow(ls, 20, look=look),
    }


def ms(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    print(f"{'figure':10s} {'lazy ms':>8s} {'built ms':>9s}")
    total = [0.0, 0.0]
    for name, make in builders().items():
        lazy = ms(lambda: make().to_dict(), args.repeat)
        built = ms(lambda: go.Figure(make().spec, _validate=False).to_dict(), args.repeat)
        total[0] += lazy
        total[1] += built
        print(f"{name:10s} {lazy:8.2f} {built:9.2f}")
    print(f"{'all':10s} {total[0]:8.2f} {total[1]:9.2f}")


if __name__ == "__main__":
    main()
