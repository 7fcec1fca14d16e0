"""Two workers behind nginx (deploy/): load spreads, and a dead worker loses nobody's view.

Skips without nginx (``apt-get install -y nginx``; .ci/run installs it).
"""
import asyncio
import re
import shutil
import sys
import time
import urllib.parse
import urllib.request

import pytest

from browser_util import ROOT, free_port, settle
from rnnviz.training.builtin import load_default
from rnnviz.training.tagger import tag_text
from st_client import StreamlitSession, run_sync

sys.path.insert(0, str(ROOT / "deploy"))
from run_cluster import Cluster, nginx_conf  # noqa: E402

pytestmark = pytest.mark.slow
needs_nginx = pytest.mark.skipif(not shutil.which("nginx"),
                                 reason="nginx is not installed (apt-get install -y nginx)")


@pytest.fixture(scope="module")
def cluster():
    c = Cluster(free_port(), [free_port(), free_port()])
    yield c
    c.stop()


def active_sessions(worker_url: str) -> int:
    with urllib.request.urlopen(worker_url + "/_stcore/metrics", timeout=5) as r:
        return int(re.search(r"^active_sessions (\d+)", r.read().decode(), re.M).group(1))


def test_the_config_is_rewritten_for_other_ports():
    conf = nginx_conf(9000, [9001, 9002, 9003])
    assert "listen 127.0.0.1:9000;" in conf
    assert re.findall(r"server 127\.0\.0\.1:(\d+)", conf) == ["9001", "9002", "9003"]
    assert "hash $rnnviz_sticky consistent;" in conf and "Upgrade $http_upgrade" in conf


async def _class_of(url: str, n: int) -> list[list[tuple[str, str]]]:
    words = ["我 吃 苹果", "I eat apples", "你 和 老李 踢 足球", "They book two tickets"]
    model = load_default()

    async def student(i):
        text = f"{words[i % len(words)]} {i}"
        async with StreamlitSession(url, {"s": text}) as s:
            run = await s.first_run
            assert not run.exceptions, run.exceptions
            expect = tag_text(model, text)
            assert run.chips == list(zip(expect.tokens, expect.tags))   # its own sentence
            return run.chips
    return await asyncio.gather(*(student(i) for i in range(n)))


@needs_nginx
def test_sessions_through_nginx_spread_over_both_workers(cluster):
    before = [active_sessions(u) for u in cluster.worker_urls]

    async def class_and_count():
        sessions = [StreamlitSession(cluster.url, {"s": "我 吃 苹果"}) for _ in range(16)]
        for s in sessions:
            await s.connect()
        await asyncio.gather(*(s.first_run for s in sessions))
        counts = [active_sessions(u) - b for u, b in zip(cluster.worker_urls, before)]
        for s in sessions:
            await s.close()
        return counts
    counts = run_sync(class_and_count())
    assert sum(counts) == 16 and min(counts) >= 1, counts      # sticky, yet spread
    assert len(run_sync(_class_of(cluster.url, 6))) == 6


@needs_nginx
@pytest.mark.browser
def test_a_student_whose_worker_dies_comes_back_to_the_same_view(cluster, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        sentence = "我 吃 苹果 和 香蕉"
        page.goto(f"{cluster.url}/?{urllib.parse.urlencode({'s': sentence, 't': 2})}")
        settle(page)
        chips = page.locator(".rnnviz-chip").all_inner_texts()
        assert len(chips) == 5
        assert page.locator(".st-key-t input[type='range']").input_value() == "2"
        serving = [i for i, u in enumerate(cluster.worker_urls) if active_sessions(u)]
        assert len(serving) == 1, "one worker holds the session"
        cluster.kill_worker(serving[0])
        other = cluster.worker_urls[1 - serving[0]]
        deadline = time.time() + 40
        while not active_sessions(other):               # the browser reconnects by itself
            assert time.time() < deadline, "the browser did not reconnect to the other worker"
            time.sleep(0.5)
        settle(page)
        assert page.locator("[data-testid='stTextInput'] input").first.input_value() == sentence
        assert page.locator(".rnnviz-chip").all_inner_texts() == chips
        assert page.locator(".st-key-t input[type='range']").input_value() == "2"
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        context.close()
