"""What Chromium's main thread does for one keystroke: style, layout and paint.

    python bench/browser_trace.py [PAGE] [--key " "] [--cut 0]

Starts ``streamlit run app.py``, opens PAGE (a URL path, '' = first page) with a
20-token sentence minus its last ``--cut`` characters, types ``--key`` under a
Chromium trace, and prints, from the keystroke on (the live text box commits it at
once), every style recalculation (with the number of elements it restyled), layout and
paint over 0.5 ms, then their totals. A space changes no token (no chart is
redrawn: what every rerun costs); ``--cut 1 --key 。`` adds a token.
Not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser_util import CHROMIUM, CHROMIUM_ARGS, Server, settle  # noqa: E402

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"
PAUSE_US = 0                        # the live text box commits at once (live="0ms")
SHOWN = ("UpdateLayoutTree", "Layout", "Paint")


def trace(path: str, key: str, cut: int) -> list[dict]:
    from playwright.sync_api import sync_playwright
    server = Server("app.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            text = SENTENCE[:len(SENTENCE) - cut]
            page.goto(f"{server.base}/{path}?s=" + urllib.parse.quote(text))
            settle(page)
            page.wait_for_timeout(1500)
            page.locator("[data-testid='stTextInput'] input").first.click()
            page.keyboard.press("End")
            browser.start_tracing(page=page, categories=["devtools.timeline", "toplevel"])
            page.keyboard.type(key)
            page.wait_for_timeout(1500)
            data = browser.stop_tracing()
            browser.close()
            return json.loads(data)["traceEvents"]
    finally:
        server.stop()


def report(events: list[dict]) -> None:
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name"
            and e["args"]["name"] == "CrRendererMain"}
    mine = sorted((e for e in events if (e["pid"], e["tid"]) in main and e.get("ph") == "X"
                   and "dur" in e), key=lambda e: e["ts"])
    t0 = next(e["ts"] for e in mine if e["name"] == "EventDispatch"
              and e.get("args", {}).get("data", {}).get("type") == "input")
    total, count = collections.Counter(), collections.Counter()
    for e in mine:
        if e["ts"] < t0 + PAUSE_US or e["name"] not in SHOWN:
            continue
        total[e["name"]] += e["dur"] / 1000
        count[e["name"]] += 1
        if e["dur"] > 500:
            elements = e.get("args", {}).get("elementCount")
            print(f"{(e['ts'] - t0) / 1000:8.1f} ms  {e['name']:<17}{e['dur'] / 1000:6.1f} ms"
                  + (f"  {elements} elements" if elements else ""))
    for name in SHOWN:
        print(f"{name:<17} {total[name]:6.1f} ms in {count[name]} events")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page", nargs="?", default="bptt")
    ap.add_argument("--key", default=" ")
    ap.add_argument("--cut", type=int, default=0)
    args = ap.parse_args()
    report(trace(args.page, args.key, args.cut))
