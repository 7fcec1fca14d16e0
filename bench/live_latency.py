"""Keystroke-to-drawn latency of the live pages against the floor app.

    python bench/live_latency.py [--pages bptt,weights,lesson?step=6] [--keys 20] [--repeat 2]
    python bench/live_latency.py --mode both --runs 3      # what bench/RESULTS.md reports

Starts ``streamlit run app.py`` and ``streamlit run bench/floor_app.py`` (same
``.streamlit/config.toml``: both run from the repository root; the floor's box
commits on every key, as the app's), opens each page in headless Chromium with an
empty sentence, and types a 20-token sentence one key at a time, in one of two ways:

- ``--mode closed`` (default): the next key only once the page has settled. For
  every keystroke it measures, in the page's own clock, the time from the input
  event to the last change of the page: the rerun has finished
  (``data-test-script-state`` left "running") and the main area, Plotly drawing
  included, has not changed for ``--quiet`` ms. It also counts the websocket bytes
  received per rerun.
- ``--mode open``: a typist who does not wait: a key every ``--every`` ms (150),
  whatever the page is doing (the keys are typed by a timer in the page: a busy
  page handles a key late, as it would a real one, and the latency counts from
  when the key was due). A key is drawn when a rerun that started after its input
  event has finished and the main area stopped changing after it (until the next
  rerun starts); reruns cut short by the next key count for nothing.

Prints p50/p95/max per page and the ratio of p95 to the floor's; with ``--runs N``
each page is measured N times (a fresh page each time) and the median of the N
runs' p50, p95 and max is printed. Not a test: the figures depend on the machine.
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


# Open loop: the script runs and the main area's changes, in the page's clock
OPEN_INSTRUMENT = """() => {
  const O = window.__open = {inputs: [], runs: [], due: []};
  const app = document.querySelector('[data-testid="stApp"]');
  const chrome = '[data-testid="stHeader"], [data-testid="stStatusWidget"], [data-testid="stToolbar"]';
  let state = app.getAttribute('data-test-script-state');
  new MutationObserver(records => {
      const now = performance.now();
      for (const r of records) {
          if (r.attributeName === 'data-test-script-state') {
              const next = app.getAttribute('data-test-script-state');
              if (next === 'running' && state !== 'running') {
                  O.runs.push({start: now, end: 0, drawn: 0});
              } else if (next === 'notRunning' && O.runs.length) {
                  O.runs[O.runs.length - 1].end = now;
              }
              state = next;
              continue;
          }
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          if (el && !el.closest(chrome) && O.runs.length) O.runs[O.runs.length - 1].drawn = now;
      }
  }).observe(document.body, {subtree: true, childList: true, attributes: true,
                             characterData: true});
  document.addEventListener('input', () => O.inputs.push(performance.now()), true);
}"""

# Types ``keys`` into the box, one every ``every`` ms from now, by a timer in the page:
# the native value setter and an input event (what React's onChange listens to).
OPEN_TYPE = """([keys, every]) => new Promise((resolve) => {
  const box = document.querySelector("[data-testid='stTextInput'] input");
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const O = window.__open, t0 = performance.now() + 100, chars = [...keys];
  O.due = chars.map((_, i) => t0 + i * every);
  let k = 0;
  const next = () => {
      const ch = chars[k];
      box.focus();
      setter.call(box, box.value + ch);
      box.dispatchEvent(new InputEvent('input', {bubbles: true, data: ch,
                                                 inputType: 'insertText'}));
      k += 1;
      if (k < chars.length) setTimeout(next, Math.max(0, O.due[k] - performance.now()));
      else resolve();
  };
  setTimeout(next, Math.max(0, t0 - performance.now()));
})"""


def measure_open(browser, url: str, keys: str, every: float,
                 quiet_ms: float) -> tuple[list[float], list[int]]:
    """Key-due to drawn for each key typed at a fixed cadence (see the docstring)."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(url, timeout=60_000)
    page.wait_for_selector("[data-testid='stTextInput'] input", timeout=60_000)
    page.wait_for_timeout(1500)
    page.evaluate(OPEN_INSTRUMENT)
    page.evaluate(OPEN_TYPE, [keys, every])
    deadline = time.time() + 60
    while time.time() < deadline:                     # the last key drawn, then quiet
        O = page.evaluate("() => ({...window.__open, now: performance.now(), state: "
                          "document.querySelector('[data-testid=stApp]')"
                          ".getAttribute('data-test-script-state')})")
        runs = O["runs"]
        if runs and runs[-1]["end"] and O["state"] != "running" and \
                O["now"] - max(runs[-1]["end"], runs[-1]["drawn"]) >= quiet_ms:
            break
        page.wait_for_timeout(50)
    page.close()
    inputs, due = O["inputs"], O["due"]
    done = [(r["start"], max(r["end"], r["drawn"])) for r in runs if r["end"]]
    latencies = []
    for t_in, t_due in zip(inputs, due):
        drawn = next((d for start, d in done if start > t_in), None)
        if drawn is not None:
            latencies.append(drawn - t_due)
    return latencies, []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="", help="comma-separated URL paths of app pages "
                    "('network' = the main page); default: every page with the sentence box")
    ap.add_argument("--keys", type=int, default=0, help="type only the first N keys")
    ap.add_argument("--quiet", type=float, default=500.0, help="ms without change = done")
    ap.add_argument("--app", default="app.py")
    ap.add_argument("--repeat", type=int, default=1,
                    help="type the sentence this many times per page (fresh page each time) "
                         "and pool the keystrokes: a steadier p95")
    ap.add_argument("--mode", choices=("closed", "open", "both"), default="closed",
                    help="closed: the next key once the page settled; open: a key every "
                         "--every ms whatever the page does")
    ap.add_argument("--every", type=float, default=150.0, help="open loop: ms per key")
    ap.add_argument("--runs", type=int, default=1,
                    help="measure each page this many times and print the median run")
    args = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        print("no /usr/bin/chromium: apt-get install -y chromium fonts-noto-cjk")
        return 0
    from playwright.sync_api import sync_playwright

    keys = SENTENCE[:args.keys] if args.keys else SENTENCE
    pages = ["" if p in ("network", "/") else p for p in args.pages.split(",")] \
        if args.pages else None
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
            modes = ("closed", "open") if args.mode == "both" else (args.mode,)
            for mode in modes:
                how = (f"done = script finished and main area quiet for {args.quiet:.0f} ms"
                       if mode == "closed" else f"a key every {args.every:.0f} ms")
                print(f"\n{mode} loop: {args.repeat} × {len(keys)} keystrokes of {SENTENCE!r} "
                      f"({len(SENTENCE.split())} tokens), {how}; median of {args.runs} run(s)")
                print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
                      f"{'KB/rerun p50':>13} {'KB max':>8} {'p95/floor':>10}")

                def one(url, mode=mode):
                    lat, size = [], []
                    for _ in range(args.repeat):
                        if mode == "closed":
                            more_lat, more_size = measure(browser, url, keys, args.quiet)
                        else:
                            more_lat, more_size = measure_open(browser, url, keys, args.every,
                                                               args.quiet)
                        lat += more_lat
                        size += more_size
                    return lat, size

                def runs(url):
                    return [one(url) for _ in range(args.runs)]

                floor_p95 = report("floor", runs(floor_base + "/?s="), None)
                for path in pages:
                    sep = "&" if "?" in path else "?"      # lesson?step=6: a step of a page
                    report("/" + path, runs(f"{app_base}/{path}{sep}s="), floor_p95)
            browser.close()
    finally:
        for proc in servers:
            stop(proc)
    return 0


def sentence_pages() -> list[str]:
    """The URL paths of the pages with the live sentence box ('' = the first page)."""
    from rnnviz.ui import urlstate
    return ["" if p == urlstate.NETWORK else p for p in urlstate.SENTENCE_PAGES]


def report(name, runs, floor_p95) -> float:
    """One line: the median over runs of each run's p50, p95 and max (and bytes)."""
    p50 = float(np.median([np.percentile(lat, 50) for lat, _ in runs]))
    p95 = float(np.median([np.percentile(lat, 95) for lat, _ in runs]))
    top = float(np.median([max(lat) for lat, _ in runs]))
    sizes = [x for _, size in runs for x in size]
    kb = f"{np.median(sizes) / 1e3:>13.1f} {max(sizes) / 1e3:>8.1f}" if sizes else \
        f"{'-':>13} {'-':>8}"
    ratio = f"{p95 / floor_p95:.2f}" if floor_p95 else "1.00"
    each = " ".join(f"{np.percentile(lat, 95):.0f}" for lat, _ in runs)
    print(f"{name:<22} {p50:>8.0f} {p95:>8.0f} {top:>8.0f} {kb} {ratio:>10}"
          + (f"   (p95 of each run: {each})" if len(runs) > 1 else ""), flush=True)
    return p95


if __name__ == "__main__":
    sys.exit(main())
