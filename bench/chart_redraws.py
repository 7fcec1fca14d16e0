"""How much of each chart Plotly redraws after one keystroke (see style.figure).

    python bench/chart_redraws.py [--pages ,bptt,weights] [--repeat 3]

Each chart is kept on the page and updated with Plotly.react (rnnviz/ui/chart.js). If
Plotly finds a new object where it compares identity (``template``, an object
``meta``), it redraws the whole chart rather than what changed. ``count_draws.js``
counts the DOM changes inside each chart between its Plotly.react calls; this script
types one character that adds a token and prints the counts per chart.

Not a test: on a busy machine a keystroke can take two reruns, and then a chart
is legitimately drawn twice.
"""
from __future__ import annotations

import argparse
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"
COUNT_DRAWS = (Path(__file__).parent / "count_draws.js").read_text(encoding="utf-8")


def redraws(page, base: str, path: str) -> dict[str, list[int]]:
    from browser_util import settle
    page.goto(f"{base}/{path}?s=" + urllib.parse.quote(SENTENCE[:-2]))
    settle(page)
    page.evaluate("() => { window.__reacts = []; }")
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    box.press("End")
    page.keyboard.type(SENTENCE[-1])                # a new token: every chart changes
    settle(page)
    by_chart: dict[str, list[int]] = {}
    for key, changes in page.evaluate("() => window.__reacts"):
        by_chart.setdefault(key, []).append(changes)
    return by_chart


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default=",bptt,weights", help="URL paths, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from browser_util import CHROMIUM, CHROMIUM_ARGS, Server
    server = Server("app.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in args.pages.split(","):
                for run in range(args.repeat):
                    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
                    page = ctx.new_page()
                    page.add_init_script(COUNT_DRAWS)
                    for key, changes in sorted(redraws(page, server.base, path).items()):
                        extra = "  <- drawn again" if any(c >= 20 for c in changes[1:]) else ""
                        print(f"/{path:8} run {run + 1}  {key:22} {changes}{extra}")
                    ctx.close()
            browser.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
