"""Helpers for the Playwright tests: start the app, find Chromium, wait for a rerun.

The tests drive Debian's Chromium (/usr/bin/chromium) with Playwright; they
never download a browser. Without Chromium they skip with the reason, unless
RNNVIZ_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("RNNVIZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


def require_browser():
    """Skip (or fail in CI) when Chromium or Playwright is missing."""
    problem = None
    if not os.path.exists(CHROMIUM):
        problem = f"no Chromium at {CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright is not installed (pip install -r requirements-dev.txt)"
    if problem:
        if os.environ.get("RNNVIZ_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here but {problem}")
        pytest.skip(problem)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``streamlit run`` of a script in the repository, on a free localhost port."""

    def __init__(self, script: str = "app.py", *extra: str, env: dict | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(ARTIFACTS.parent / ".pytest_cache" / f"server-{self.port}.log", "w") \
            if (ARTIFACTS.parent / ".pytest_cache").exists() else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", *extra],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, **(env or {})})
        self.wait_healthy()

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(self.base + "/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def settle(page, timeout_ms: int = 60_000, quiet_ms: int = 600) -> None:
    """Wait until no script run is going on and the main area stopped changing."""
    page.wait_for_selector("[data-testid='stMain']", timeout=timeout_ms)
    deadline = time.time() + timeout_ms / 1000
    last, quiet_since = None, None
    while time.time() < deadline:
        state = page.get_attribute("[data-testid='stApp']", "data-test-script-state")
        size = page.evaluate(
            "() => document.querySelector(\"[data-testid='stMain']\").innerHTML.length")
        busy = state == "running"
        if not busy and size == last:
            quiet_since = quiet_since or time.time()
            if (time.time() - quiet_since) * 1000 >= quiet_ms:
                return
        else:
            quiet_since = None
        last = size
        page.wait_for_timeout(100)
    raise TimeoutError("the page did not settle")


def wait_for_box(page, value: str, timeout_ms: int = 60_000) -> None:
    """Wait until the sentence box shows ``value`` (a link's ?s= arrives a rerun after
    the box is first drawn: on a busy machine it can read '' for a while)."""
    try:
        page.wait_for_function(
            """(v) => { const e = document.querySelector("[data-testid='stTextInput'] input");
                        return e !== null && e.value === v; }""", arg=value, timeout=timeout_ms)
    except Exception:       # the caller's assertion says what the box holds instead
        pass


def screenshot(page, name: str) -> Path:
    """Save a screenshot of the whole page as a test artifact (test-artifacts/NAME.png).

    Streamlit scrolls inside its own container, so the viewport is first made as
    tall as the content, then restored."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("""() => {
        const m = document.querySelector('[data-testid="stMain"]');
        return m ? m.scrollHeight + 40 : document.body.scrollHeight; }""")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def wait_for_url(page, part: str, *, present: bool = True, timeout_ms: int = 60_000) -> None:
    """Wait until the address holds ``part`` (or, with present=False, no longer does):
    a settled page may not yet have started the rerun a key press asked for."""
    try:
        page.wait_for_function("([p, want]) => location.href.includes(p) === want",
                               arg=[part, present], timeout=timeout_ms)
    except Exception:       # the caller's assertion says what the address holds instead
        pass
