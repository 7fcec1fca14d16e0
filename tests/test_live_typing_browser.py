"""Live typing in Chromium: the views follow someone typing continuously, word by word,
with the charts kept on screen; the browser's Back button does not step through keys.

The test types at a steady cadence (``page.keyboard.type(..., delay=120)``: faster than
any pause the box could wait for) and records in the page, with a MutationObserver,
what the tag chips showed and when, and on every animation frame whether a chart that
had been drawn was missing. It asserts on those records (conditions), not on times.
"""
import urllib.parse

import pytest

from browser_util import settle, wait_for_box

pytestmark = pytest.mark.browser

SENTENCE = "I can book a flight and read a good book today and we eat apples ."

# In the page: every change of the tag chips (their text, and whether it happened while
# keys were still coming), the time of each input event, and frames where a chart box
# showed no drawing (a blank where the chart was).
WATCH = """() => {
  const W = window.__watch = {inputs: 0, chips: [], blank: [], lastInput: 0};
  const chipsText = () => [...document.querySelectorAll('.rnnviz-chip')]
      .map((c) => c.innerText).join(' ');
  let last = chipsText();
  document.addEventListener('input', () => { W.inputs += 1; W.lastInput = performance.now(); },
                            true);
  new MutationObserver(() => {
    const now = chipsText();
    if (now !== last) { last = now; W.chips.push([W.inputs, now]); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
  const keys = ['unrolled', 'formula', 'neurons'];
  const frame = () => {
    for (const k of keys) {
      const box = document.querySelector('.st-key-' + k);
      const drawn = box && box.querySelector('.main-svg');     // a plot, or its stand-in
      const h = drawn ? drawn.getBoundingClientRect().height : 0;
      if (h < 20) W.blank.push([W.inputs, k]);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""


def box(page):
    return page.locator("[data-testid='stTextInput'] input").first


def test_the_views_follow_continuous_typing_word_by_word(page, app_server):
    page.goto(f"{app_server.base}/?s=" + urllib.parse.quote("我 吃 苹果"))
    settle(page)
    page.wait_for_selector(".st-key-unrolled .js-plotly-plot .main-svg")
    settle(page)
    page.evaluate(WATCH)
    history = page.evaluate("() => history.length")
    box(page).click()
    box(page).press("End")
    typed = " " + SENTENCE
    page.keyboard.type(typed, delay=120)        # continuously: never a pause of 250 ms
    keys = len(typed)
    w = page.evaluate("() => window.__watch")
    assert w["inputs"] == keys
    during = [text for n, text in w["chips"] if n < keys]      # before the last key
    words = {len(text.split()) for text in during}
    # word by word: the chips showed at least one state for most of the words typed
    assert len(words) >= len(SENTENCE.split()) * 2 // 3, w["chips"]
    assert not w["blank"], f"charts missing on some frames while typing: {w['blank'][:10]}"
    settle(page)
    final = " ".join(page.locator(".rnnviz-chip").all_inner_texts())
    assert final.replace("?", "").split()[-1] == "./pu"
    # Back leaves the page's history as it was: the keys are not history entries
    assert page.evaluate("() => history.length") - history <= 1


# In the page: whether each finished run held the charts (what the server told the
# browser helper, rnnviz/ui/typing_hold.py) and the T of the unrolled graph drawn.
HOLDS = """() => {
  const H = window.__holds = [];
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') !== 'running')
      H.push(Boolean(window.__rnnviz && window.__rnnviz.data && window.__rnnviz.data.hold));
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
UNROLLED_T = """() => { const gd = document.querySelector('.st-key-unrolled .js-plotly-plot');
  return gd && gd.layout && gd.layout.meta ? JSON.parse(gd.layout.meta).T : null; }"""


def test_charts_held_during_a_burst_are_drawn_when_the_typing_pauses(page, app_server):
    """Keys faster than the charts can be drawn: runs hold the charts (the chips follow),
    and once the keys stop the browser helper asks for them, so the unrolled graph ends
    with the whole sentence, without another key."""
    page.goto(f"{app_server.base}/?s=" + urllib.parse.quote("我 吃"))
    settle(page)
    page.wait_for_selector(".st-key-unrolled .js-plotly-plot .main-svg")
    settle(page)
    page.evaluate(HOLDS)
    box(page).click()
    box(page).press("End")
    page.keyboard.type(" 苹果 ， 他 说 这 本 书 很 好 。", delay=60)     # a burst
    page.wait_for_function(f"() => ({UNROLLED_T})() === 12", timeout=60_000)   # caught up
    holds = page.evaluate("() => window.__holds")
    assert any(holds), holds                       # some runs held the charts
    page.wait_for_function("() => window.__rnnviz.data.hold === false")
    assert page.evaluate(UNROLLED_T) == 12


def test_pinyin_being_composed_is_not_committed(page, app_server):
    """A Chinese input method: the letters of pinyin being composed are not a sentence;
    the box commits when the characters are chosen."""
    page.goto(f"{app_server.base}/?s=" + urllib.parse.quote("我 吃"))
    settle(page)
    page.wait_for_selector(".rnnviz-chip")
    box(page).click()
    box(page).press("End")
    cdp = page.context.new_cdp_session(page)
    runs = page.evaluate("""() => { window.__runs = 0;
      const app = document.querySelector('[data-testid="stApp"]');
      new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') === 'running') window.__runs += 1;
      }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
      return 0; }""")
    composed = ""
    for letter in " pingguo":
        composed += letter
        cdp.send("Input.imeSetComposition", {"text": composed.strip() or " ",
                                             "selectionStart": len(composed),
                                             "selectionEnd": len(composed)})
        page.wait_for_timeout(60)
    settle(page)
    assert box(page).input_value().endswith("pingguo")        # the letters are in the box
    assert page.evaluate("() => window.__runs") == runs      # but nothing committed yet
    assert "p" not in " ".join(page.locator(".rnnviz-chip").all_inner_texts())
    cdp.send("Input.insertText", {"text": " 苹果"})           # the characters chosen
    page.wait_for_function("() => [...document.querySelectorAll('.rnnviz-chip')]"
                           ".some((c) => c.innerText.includes('苹果'))")
    assert box(page).input_value() == "我 吃 苹果"


def test_a_long_link_and_a_long_paste_keep_400_characters_with_a_note(page, app_server):
    long = ("我 吃 苹果 " * 200)[:600]
    page.goto(f"{app_server.base}/?lang=zh&s=" + urllib.parse.quote(long))
    settle(page)
    wait_for_box(page, long[:400])
    assert box(page).input_value() == long[:400]
    note = page.locator("[data-testid='stCaptionContainer']", has_text="只保留前 400 个字符")
    assert "600" in note.inner_text()
    pasted = ("I eat apples . " * 40)[:450]
    box(page).fill(pasted)                       # a paste: one input event, 450 characters
    page.wait_for_function("() => document.querySelector(\"[data-testid='stTextInput'] input\")"
                           ".value.startsWith('I eat')")
    settle(page)
    assert box(page).input_value() == pasted[:400]
    assert "450" in note.inner_text()
