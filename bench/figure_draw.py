"""How long Plotly takes in Chromium to redraw each figure of a page after a keystroke.

    python bench/figure_draw.py [--pages bptt,network] [--repeat 15]

For each figure builder of the page, builds the figure for two 20-token
sentences one keystroke apart (the sentence, and the sentence without its last
character), opens a page with Plotly (the Python package's bundled plotly.js)
at the width the app gives the chart, and times drawing one after the other, alternating, the way
Streamlit does it (a new chart: ``Plotly.newPlot`` into a new div), including the browser's style and layout work
(a forced layout after the promise resolves). Prints the median and max per
figure. Faster to iterate on than ``bench/live_latency.py`` (no Streamlit), and
says which figure to make cheaper; the live benchmark stays the judge.
Not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))      # the tests' helpers
sys.path.insert(0, str(ROOT))                # this checkout's rnnviz

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"
WIDE, COLUMN = 1440, 1013         # px at a 1600 px window: a full-width chart, one in a [5, 2] column


def bptt_figures(sentence: str):
    from rnnviz.training.builtin import load_default
    from rnnviz.figures.backward import make_backward
    from rnnviz.figures.flow import make_flow
    from rnnviz.figures.gradients import make_dw_terms, make_gradients
    from rnnviz.lessons.backprop import lesson
    from rnnviz.training.tagger import tag_text
    m = load_default()
    tg = tag_text(m, sentence)
    ls = lesson(m, tg.trace.x, tg.trace.pred, tokens=tg.tokens)
    return {"backward": (make_backward(ls, tg.T, unknown=tg.unknown), WIDE),
            "flow": (make_flow(ls, tg.T), COLUMN),
            "gradients": (make_gradients(ls), COLUMN),
            "dw_terms": (make_dw_terms(ls), WIDE)}


def cells_figures(sentence: str):
    from rnnviz.figures.cell_diagram import make_cell_diagram
    from rnnviz.figures.cells_flow import make_cells_flow
    from rnnviz.figures.formula import make_formula
    from rnnviz.figures.gate_formula import make_gate_formula
    from rnnviz.figures.gates import make_gates
    from rnnviz.lessons import cells as lc
    from rnnviz.training.builtin import load_cell, load_default
    from rnnviz.training.tagger import tag_text
    rnn = tag_text(load_default(), sentence)
    tgs = {"rnn": rnn, **{c: lc.retag(rnn, load_cell(c)) for c in ("lstm", "gru")}}
    half, T = COLUMN // 2, rnn.T
    norms = {c: lc.flow_to_last(tg.trace) for c, tg in tgs.items()}
    return {"diagram_lstm": (make_cell_diagram(tgs["lstm"].trace, T), half),
            "diagram_gru": (make_cell_diagram(tgs["gru"].trace, T), half),
            "gates_lstm": (make_gates(tgs["lstm"].trace, T), half),
            "gates_gru": (make_gates(tgs["gru"].trace, T), half),
            "formula": (make_gate_formula(lc.gate_terms(tgs["lstm"].trace, "forget", T),
                                          rnn.tokens[-1]), COLUMN),
            "flow": (make_cells_flow(norms, rnn.tokens), WIDE),
            "network_formula": (make_formula(rnn.trace, T), COLUMN)}  # the RNN's, to compare


def network_figures(sentence: str):
    from rnnviz.figures.formula import make_formula
    from rnnviz.figures.neurons import make_neurons
    from rnnviz.figures.unrolled import make_unrolled
    from rnnviz.training.builtin import load_default
    from rnnviz.training.tagger import tag_text
    tg = tag_text(load_default(), sentence)
    t = tg.T
    return {"unrolled": (make_unrolled(tg.trace, t, unknown=tg.unknown), WIDE),
            "formula": (make_formula(tg.trace, t), COLUMN // 2),
            "neurons": (make_neurons(tg.trace, t), COLUMN // 2)}


PAGES = {"bptt": bptt_figures, "cells": cells_figures, "network": network_figures}

HARNESS = """<!doctype html><html><head><meta charset="utf-8">
<script src="plotly.min.js"></script></head><body style="margin:0;font-family:sans-serif">
<div id="g"></div></body></html>"""

# Streamlit gives a chart a new element id whenever its figure changes, so the
# browser mounts a new chart: Plotly.newPlot into a new div, the old one removed.
TIME = """async ([a, b, width, repeat]) => {
  const host = document.getElementById('g');
  const config = {displaylogo: false, responsive: false};
  let g = null;
  const times = [];
  for (let i = 0; i <= repeat; i++) {
    const fig = i % 2 ? a : b;
    const t0 = performance.now();
    if (g) { Plotly.purge(g); g.remove(); }
    g = document.createElement('div');
    g.style.width = width + 'px';
    host.appendChild(g);
    await Plotly.newPlot(g, fig.data, {...fig.layout, width}, config);
    g.getBoundingClientRect(); document.body.offsetHeight;   // style and layout
    times.push(performance.now() - t0);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  Plotly.purge(g);
  return times;
}"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="bptt")
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    import plotly
    from browser_util import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "plotly.min.js").write_bytes(
            (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes())
        (Path(tmp) / "index.html").write_text(HARNESS)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"file://{tmp}/index.html")
            page.wait_for_function("() => window.Plotly")
            print(f"Plotly.newPlot per keystroke, {args.repeat} redraws (plotly.js "
                  f"{page.evaluate('Plotly.version')})")
            print(f"{'page':<8}{'figure':<12}{'median ms':>10}{'max ms':>8}{'KB':>6}")
            for name in args.pages.split(","):
                a, b = PAGES[name](SENTENCE), PAGES[name](SENTENCE[:-1])
                first = json.loads(json.dumps(next(iter(a.values()))[0].to_dict()))
                page.evaluate(TIME, [first, first, WIDE, 5])            # warm up the JIT
                total = 0.0
                for kind, (fig_a, width) in a.items():
                    spec_a = json.loads(json.dumps(fig_a.to_dict()))
                    spec_b = json.loads(json.dumps(b[kind][0].to_dict()))
                    times = page.evaluate(TIME, [spec_a, spec_b, width, args.repeat])
                    med = statistics.median(times[1:])
                    total += med
                    print(f"{name:<8}{kind:<12}{med:>10.1f}{max(times[1:]):>8.1f}"
                          f"{len(json.dumps(spec_b)) / 1024:>6.0f}")
                print(f"{name:<8}{'all':<12}{total:>10.1f}")
            browser.close()


if __name__ == "__main__":
    main()
