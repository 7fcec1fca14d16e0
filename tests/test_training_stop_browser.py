"""Issue 17, item 7: Stop ends a training run at once and says at which epoch."""
import re

import pytest

from browser_util import settle

pytestmark = pytest.mark.browser

# in the page: what the progress said when Stop was clicked, and when a note appeared
WATCH_STOP = """() => {
  const W = window.__stop = {clicked: 0, shown: '', noted: 0, note: ''};
  document.addEventListener('click', (e) => {
    if (!e.target.closest('.st-key-train_stop')) return;
    W.clicked = performance.now();
    W.shown = document.querySelector('[data-testid="stProgress"]').innerText;
  }, true);
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="stAlertContentSuccess"]');
    if (el && W.clicked && !W.noted) { W.noted = performance.now(); W.note = el.innerText; }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_stop_ends_the_run_and_says_at_which_epoch(page, app_server):
    page.goto(f"{app_server.base}/train")
    settle(page)
    page.evaluate(WATCH_STOP)
    page.get_by_test_id("stMain").get_by_text("Start training").click()
    page.wait_for_function("() => /Epoch [1-4]\\//.test(document.querySelector("
                           "'[data-testid=\"stProgress\"]')?.innerText || '')", timeout=120_000)
    # clicked at once, as a student's click lands: early stopping ends a default run after
    # about 15 epochs (6.8 s on an idle machine), and Playwright's own click first waits
    # for the page to stand still, which a page redrawing its progress rarely does (a run
    # measured: Stop reached the server at epoch 10, the run had already stopped early)
    page.evaluate("() => document.querySelector('.st-key-train_stop button').click()")
    page.wait_for_function("() => window.__stop.noted > 0", timeout=30_000)
    w = page.evaluate("() => window.__stop")
    print(f"Stop -> note: {w['noted'] - w['clicked']:.0f} ms; shown {w['shown']!r}; "
          f"note {w['note']!r}")
    shown = int(re.search(r"Epoch (\d+)/", w["shown"]).group(1))
    stopped_at, epochs = map(int, re.search(r"epoch (\d+) of (\d+)", w["note"]).groups())
    assert shown <= stopped_at < epochs        # stopped (in the epoch it had reached), not done
    assert "Stopped" in w["note"]
    settle(page)
    assert page.locator("[data-testid='stProgress']").count() == 0
