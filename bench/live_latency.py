"""Keystroke-to-drawn latency of the live pages against the floor app.

    python bench/live_latency.py [--pages bptt,weights] [--keys 20] [--repeat 2]

Starts ``streamlit run app.py`` and ``streamlit run bench/floor_app.py`` (same
``.streamlit/config.toml``: both run from the repository root), opens each page
in headless Chromium with an empty sentence, and types a 20-token sentence one
key at a time. For every keystroke it measures, in the page's own clock, the
time from the input event to the last change of the page: the rerun has
finished (``data-test-script-state`` left "running") and the main area, Plotly
drawing included, has not changed for ``--quiet`` ms. It also counts the
websocket bytes received per rerun. Prints p50/p95 per page and the ratio to
the floor. Not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果 ， 他 说 这 本 书 很 好 。"   # 20 tokens

INSTRUMENT = """() => {
  const L = window.__lat = {t0: 0, last: 0, ran: false, runEnd: 0};
  const chrome = '[data-testid="stHeader"], [data-testid="stStatusWidget"], [data-testid="stToolbar"]';
  new MutationObserver(records => {
      for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          if (r.attributeName === 'data-test-script-state') {
              if (el.getAttribute('data-test-script-state') === 'running') L.ran = true;
              else if (L.ran) L.runEnd = performance.now();
          } else if (el && !el.closest(chrome)) {
              L.last = performance.now();
          }
      }
  }).observe(document.body, {subtree: true, childList: true, attributes: true,
                             characterData: true});
  document.addEventListener('input', () => {
      L.t0 = performance.now(); L.last = L.t0; L.ran = false; L.runEnd = 0;
  }, true);
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.3)
    stop(proc)
    raise RuntimeError(f"{script} did not start")


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


NO_RERUN_MS = 2000


def wait_idle(page, quiet_ms: float, timeout_s: float = 30.0) -> dict | None:
    """Poll until the rerun finished and the main area has been quiet for quiet_ms."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        L = page.evaluate("() => ({...window.__lat, now: performance.now(), state: "
                          "document.querySelector('[data-testid=stApp]')"
                          ".getAttribute('data-test-script-state')})")
        if L["ran"] and L["runEnd"] and L["state"] != "running" and \
                L["now"] - max(L["last"], L["runEnd"]) >= quiet_ms:
            return L
        if not L["ran"] and L["now"] - L["t0"] > NO_RERUN_MS:
            return None                   # this key did not commit a new value
        page.wait_for_timeout(25)
    raise TimeoutError(f"the page did not settle: {L}")


def measure(browser, url: str, keys: str, quiet_ms: float) -> tuple[list[float], list[int]]:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    received = [0]
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload))))
    page.goto(url, timeout=60_000)
    page.wait_for_selector("[data-testid='stTextInput'] input", timeout=60_000)
    page.wait_for_timeout(1500)
    page.evaluate(INSTRUMENT)
    box = page.locator("[data-testid='stTextInput'] input").first
    box.click()
    box.press("End")
    latencies, sizes = [], []
    for ch in keys:
        before = received[0]
        page.keyboard.type(ch)
        L = wait_idle(page, quiet_ms)
        if L is None:
            continue
        latencies.append(max(L["last"], L["runEnd"]) - L["t0"])
        sizes.append(received[0] - before)
    page.close()
    return latencies, sizes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="", help="comma-separated URL paths of app pages "
                    "('' = the main page); default: every page with the sentence box")
    ap.add_argument("--keys", type=int, default=0, help="type only the first N keys")
    ap.add_argument("--quiet", type=float, default=500.0, help="ms without change = done")
    ap.add_argument("--app", default="app.py")
    ap.add_argument("--repeat", type=int, default=1,
                    help="type the sentence this many times per page (fresh page each time) "
                         "and pool the keystrokes: a steadier p95")
    args = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        print("no /usr/bin/chromium: apt-get install -y chromium fonts-noto-cjk")
        return 0
    from playwright.sync_api import sync_playwright

    keys = SENTENCE[:args.keys] if args.keys else SENTENCE
    pages = args.pages.split(",") if args.pages else None
    servers = []
    try:
        floor, floor_base = start_server("bench/floor_app.py")
        servers.append(floor)
        app, app_base = start_server(args.app)
        servers.append(app)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            if pages is None:
                pages = sentence_pages()
            print(f"{args.repeat} × {len(keys)} keystrokes of {SENTENCE!r} ({len(SENTENCE.split())} tokens), "
                  f"done = script finished and main area quiet for {args.quiet:.0f} ms")
            print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8} {'KB/rerun p50':>13} "
                  f"{'KB max':>8} {'p95/floor':>10}")
            def pooled(url):
                lat, size = [], []
                for _ in range(args.repeat):
                    more_lat, more_size = measure(browser, url, keys, args.quiet)
                    lat += more_lat
                    size += more_size
                return lat, size
            floor_p95 = report("floor", *pooled(floor_base + "/?s="), None)
            for path in pages:
                report("/" + path, *pooled(f"{app_base}/{path}?s="), floor_p95)
            browser.close()
    finally:
        for proc in servers:
            stop(proc)
    return 0


def sentence_pages() -> list[str]:
    """The URL paths of the pages with the live sentence box ('' = the first page)."""
    sys.path.insert(0, str(ROOT))
    from rnnviz import urlstate
    return ["" if p == urlstate.NETWORK else p for p in urlstate.SENTENCE_PAGES]


def report(name, lat, size, floor_p95) -> float:
    p50, p95 = np.percentile(lat, 50), np.percentile(lat, 95)
    ratio = f"{p95 / floor_p95:.2f}" if floor_p95 else "1.00"
    print(f"{name:<22} {p50:>8.0f} {p95:>8.0f} {np.median(size) / 1e3:>13.1f} "
          f"{max(size) / 1e3:>8.1f} {ratio:>10}", flush=True)
    return p95


if __name__ == "__main__":
    sys.exit(main())
