"""Issue 17, item 7: Stop ends a training run at once and says at which epoch."""
import re

import pytest

from browser_util import settle

pytestmark = pytest.mark.browser

# in the page: what the progress said when Stop was clicked, when a note appeared, and
# every change of the progress and the notes (said if no epoch shows)
WATCH_STOP = """() => {
  const W = window.__stop = {clicked: 0, shown: '', noted: 0, note: '', seen: []};
  document.addEventListener('click', (e) => {
    if (!e.target.closest('.st-key-train_stop')) return;
    W.clicked = performance.now();
    W.shown = document.querySelector('[data-testid="stProgress"]').innerText;
  }, true);
  new MutationObserver(() => {
    const said = [...document.querySelectorAll(
      '[data-testid="stProgress"], [data-testid="stAlert"]')].map((e) => e.innerText).join(' | ');
    if (said !== (W.seen.at(-1) || [])[1]) W.seen.push([performance.now() | 0, said]);
    const el = document.querySelector('[data-testid="stAlertContentSuccess"]');
    if (el && W.clicked && !W.noted) { W.noted = performance.now(); W.note = el.innerText; }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_stop_ends_the_run_and_says_at_which_epoch(page, app_server):
    page.goto(f"{app_server.base}/train")
    settle(page)
    # mini-batches of 8, the smallest: four times the steps of the default 32 in each epoch,
    # so the run is still going when Stop lands. With the default, early stopping ends a
    # run after about 15 epochs (6.8 s idle; 0.4 s an epoch under load), while the page
    # shows where the run is only when its progress fragment gets a turn: on a loaded
    # machine it first showed epoch 2, batch 121 (measured), and a run can end before
    # Stop reaches it.
    batch = page.locator(".st-key-train_batch input[type=range]")
    batch.focus()
    page.keyboard.press("Home")
    page.wait_for_function("() => document.querySelector("
                           "'.st-key-train_batch input[type=range]')?.getAttribute("
                           "'aria-valuetext') === '8'")
    settle(page)
    page.evaluate(WATCH_STOP)
    page.get_by_test_id("stMain").get_by_text("Start training").click()
    try:                                   # any epoch: the page shows the run when it can
        page.wait_for_function("() => /Epoch \\d+\\//.test(document.querySelector("
                               "'[data-testid=\"stProgress\"]')?.innerText || '')",
                               timeout=120_000)
    except Exception:
        raise AssertionError(f"what the page said (ms, text): "
                             f"{page.evaluate('() => window.__stop.seen')}") from None
    # clicked at once, as a student's click lands: Playwright's own click first waits for
    # the page to stand still, which a page redrawing its progress rarely does (a run
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
