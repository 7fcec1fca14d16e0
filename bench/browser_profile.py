"""Where a page's time goes in Chromium while a user types: a JavaScript CPU profile.

    python bench/browser_profile.py [PAGE] [--stacks FUNCTION]

PAGE is a URL path, e.g. bptt ('' = first page). ``--stacks getBoundingClientRect``
also prints the call stacks (name:line:column) that spend the most time in FUNCTION.

Starts ``streamlit run app.py``, opens PAGE with all but the last four characters
of a 20-token sentence, then types those four keys (1.2 s apart) under the
Chrome DevTools profiler, and prints the functions with the most self time and
the most inclusive time (minified Streamlit/Plotly names, with their file).
Not a test: the figures depend on the machine.
"""
from __future__ import annotations

import collections
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser_util import CHROMIUM, CHROMIUM_ARGS, Server, settle  # noqa: E402

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"
TYPED = 4


def profile(path: str) -> dict:
    from playwright.sync_api import sync_playwright
    server = Server("app.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{server.base}/{path}?s=" + urllib.parse.quote(SENTENCE[:-TYPED]))
            settle(page)
            page.wait_for_timeout(1500)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            page.locator("[data-testid='stTextInput'] input").first.click()
            page.keyboard.press("End")
            cdp.send("Profiler.start")
            for key in SENTENCE[-TYPED:]:
                page.keyboard.type(key)
                page.wait_for_timeout(1200)
            result = cdp.send("Profiler.stop")["profile"]
            browser.close()
            return result
    finally:
        server.stop()


def tree(prof: dict) -> tuple[dict, dict]:
    """The profile's nodes by id, and each node's parent id."""
    nodes = {n["id"]: n for n in prof["nodes"]}
    parent = {c: n["id"] for n in prof["nodes"] for c in n.get("children", [])}
    return nodes, parent


def report(prof: dict, top: int = 30) -> None:
    nodes, parent = tree(prof)

    def name(node_id):
        f = nodes[node_id]["callFrame"]
        return f"{f['functionName'] or '(anonymous)'}  {f['url'].rsplit('/', 1)[-1][:32]}"

    own, inclusive, files = collections.Counter(), collections.Counter(), collections.Counter()
    for sample, dt in zip(prof["samples"], prof["timeDeltas"]):
        own[name(sample)] += dt
        url = nodes[sample]["callFrame"]["url"].rsplit("/", 1)[-1].split(".")[0]
        files[url or nodes[sample]["callFrame"]["functionName"]] += dt
        seen, node = set(), sample
        while node is not None:
            key = name(node)
            if key not in seen:
                inclusive[key] += dt
                seen.add(key)
            node = parent.get(node)
    print(f"{TYPED} keystrokes, {sum(prof['timeDeltas']) / 1000:.0f} ms profiled")
    for title, counter in (("self, by file", files), ("self", own), ("inclusive", inclusive)):
        print(f"\n{title} ms")
        for key, us in counter.most_common(top):
            print(f"{us / 1000:9.1f}  {key}")


def stacks(prof: dict, leaf: str, top: int = 12, depth: int = 14) -> None:
    """The call stacks under which ``leaf`` spends the most self time."""
    nodes, parent = tree(prof)

    def frame(node_id):
        f = nodes[node_id]["callFrame"]
        return (f"{f['functionName'] or '(anon)'}@{f['url'].rsplit('/', 1)[-1][:14]}"
                f":{f['lineNumber'] + 1}:{f['columnNumber'] + 1}")

    counted = collections.Counter()
    for sample, dt in zip(prof["samples"], prof["timeDeltas"]):
        if nodes[sample]["callFrame"]["functionName"] != leaf:
            continue
        chain, node = [], parent.get(sample)
        while node is not None and len(chain) < depth:
            chain.append(frame(node))
            node = parent.get(node)
        counted[" < ".join(chain)] += dt
    print(f"\nstacks into {leaf}")
    for chain, us in counted.most_common(top):
        print(f"{us / 1000:9.1f}  {chain}")


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page", nargs="?", default="bptt")
    ap.add_argument("--stacks", action="append", default=[], metavar="FUNCTION")
    args = ap.parse_args()
    prof = profile(args.page)
    report(prof)
    for leaf in args.stacks:
        stacks(prof, leaf)
