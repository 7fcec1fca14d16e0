"""Hostile text in Chromium: typed, pasted or in the link, it is shown as text.

Every payload that would run would also set ``window.__pwned`` or open an
``alert`` (the ``page`` fixture records dialogs). After each one: no dialog,
``window.__pwned`` undefined, no injected element, no exception box.
"""
import urllib.parse

import pytest

from browser_util import wait_for_box, settle
from rnnviz.ui.shell import HOME_PAGE, PAGES

pytestmark = pytest.mark.browser

PWN = "window.__pwned=1"
PAYLOADS = [
    f"<img src=x onerror={PWN}>",
    f"<script>{PWN}</script>",
    f'"><svg onload={PWN}>',
    f"<a href=\"javascript:{PWN}\">link</a> [md](javascript:{PWN})",
    "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
    f"<details open ontoggle={PWN}>",
    "<img src=x onerror=alert(1)> <script>alert(1)</script> javascript:alert(1)",
    "{{7*7}} ${7*7} <%= 7*7 %>",
]
ALL = " ".join(PAYLOADS)
SENTENCE_PATHS = ["" if p is HOME_PAGE else p.url_path for p in PAGES if p.sentence]
INJECTED = ("img[src='x'], svg[onload], iframe[srcdoc], details[ontoggle], "
            "a[href^='javascript:'], script:not([src])")


def box(page):
    return page.locator("[data-testid='stTextInput'] input").first


def open_app(page, base, path="", **query):
    page.goto(f"{base}/{path}?{urllib.parse.urlencode(query)}")
    settle(page)


def assert_harmless(page, where: str) -> None:
    assert page.dialogs == [], f"{where}: a dialog opened: {page.dialogs}"
    assert page.evaluate("() => typeof window.__pwned") == "undefined", f"{where}: script ran"
    injected = page.evaluate(f"""() => [...document.querySelectorAll({INJECTED!r})]
        .filter(e => e.tagName !== 'SCRIPT' || /__pwned|alert/.test(e.textContent))
        .map(e => e.outerHTML.slice(0, 80))""")
    assert injected == [], f"{where}: injected elements {injected}"
    assert page.locator("[data-testid='stException']").count() == 0, f"{where}: exception"
    assert "49" not in " ".join(page.locator(".rnnviz-chip").all_inner_texts())   # no templating


@pytest.mark.parametrize("path", SENTENCE_PATHS, ids=lambda p: p or "rnn")
def test_payloads_in_the_link_are_text_on_every_sentence_page(page, app_server, path):
    open_app(page, app_server.base, path, s=ALL)
    wait_for_box(page, ALL[:400])
    assert box(page).input_value() == ALL[:400]      # the box shows it, as typed
    assert_harmless(page, f"/{path}?s=")


def test_payloads_typed_and_pasted_into_the_box_are_text(page, app_server):
    open_app(page, app_server.base, s="")
    for payload in PAYLOADS[:3] + PAYLOADS[-2:]:
        box(page).fill(payload)                      # a paste: the live box commits
        page.wait_for_timeout(400)
        settle(page)
        assert box(page).input_value() == payload
        assert_harmless(page, payload)
    box(page).fill("")
    box(page).press_sequentially("<b onmouseover=alert(1)>x</b>", delay=30)   # key by key
    settle(page)
    assert_harmless(page, "typed")


def test_payloads_in_every_other_url_parameter_are_reported_as_text(page, app_server):
    bad = f"<img src=x onerror={PWN}>"
    open_app(page, app_server.base, s="我 吃 苹果", lang=bad, t=bad, model=bad, present=bad,
             speed=bad, **{bad: bad, "javascript:alert(1)": "{{7*7}}"})
    assert_harmless(page, "parameters")
    assert "我/nn" in " ".join(page.locator(".rnnviz-chip").all_inner_texts())


def test_a_10000_character_paste_and_link(page, app_server):
    long = ("我 吃 苹果 " * 2000)[:10_000]
    open_app(page, app_server.base, s=long)          # too long for ?s= (400): reported, dropped
    assert_harmless(page, "10,000 characters in the link")
    box(page).fill(long)
    page.wait_for_timeout(400)
    settle(page)
    assert len(box(page).input_value()) <= 400      # the box keeps its max_chars
    assert_harmless(page, "10,000 characters pasted")


def test_right_to_left_zero_width_and_emoji(page, app_server):
    text = "\u202egnp.exe\u202c 我\u200b吃\u2066苹果\u2069 👨‍👩‍👧🍎 مرحبا שלום"
    open_app(page, app_server.base, s=text)
    assert_harmless(page, "rtl")
    chips = " ".join(page.locator(".rnnviz-chip").all_inner_texts())
    assert "吃" in chips and "🍎" in chips


def test_the_why_page_word_swap_box_is_text(page, app_server):
    """The one box whose whole text (not tokens) goes into the page's HTML."""
    open_app(page, app_server.base, "why", s="我 吃 苹果")
    word = page.locator(".st-key-why_edit_word input").first
    word.fill(f"<img src=x onerror={PWN}>"[:40])
    word.press("Enter")
    settle(page)
    assert_harmless(page, "why page word box")
