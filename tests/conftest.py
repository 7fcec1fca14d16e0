import contextlib
import functools
import gc
import importlib
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

# Keep compiled test and package modules (__pycache__, ignored by git) even where the
# environment sets PYTHONDONTWRITEBYTECODE: without them every test process compiles the
# package and rewrites the test files again, 3.5 s of CPU a process (bench/RESULTS.md,
# "fast tier"). Set before the package and the test modules are imported.
sys.dont_write_bytecode = False

import numpy as np  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED_UD = ROOT.parent / "shared" / "data" / "ud"

from rnnviz.nn.model import init_rnn  # noqa: E402

# A test that asks for one of these fixtures starts Chromium or a server: it is
# marked ``browser`` here, so the fast tier (-m "not slow and not browser") can
# never pick it up by a forgotten decorator.
SERVER_FIXTURES = frozenset({"browser", "page", "app_server", "server", "cluster"})


# The fast tier (-m "not slow and not browser") runs its tests on two processes
# (pytest-xdist, a declared test dependency): on this project's 2-core machine it
# takes about 55 % of the serial time (bench/RESULTS.md, "fast tier"). Only runs that
# leave out the browser tests are spread: a browser test measures what one person
# sees and must not share the machine with a second test process. ``-n 0`` (or
# ``-p no:xdist``, ``--pdb``) runs serially; an explicit ``-n N`` is kept.
FAST_TIER_PROCESSES = 2


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    opt = config.option
    if (not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput")
            or getattr(opt, "numprocesses", None) is not None or opt.usepdb
            or opt.collectonly or "not browser" not in (opt.markexpr or "")
            or (os.cpu_count() or 1) < 2):
        return
    opt.numprocesses = FAST_TIER_PROCESSES
    opt.dist = "worksteal"
    opt.tx = ["popen"] * FAST_TIER_PROCESSES


def pytest_collection_modifyitems(items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        params = set(callspec.params) if callspec is not None else set()   # "page" = a path
        if SERVER_FIXTURES & (set(getattr(item, "fixturenames", ())) - params):
            item.add_marker(pytest.mark.browser)
    # The tests that use PyTorch run first (a stable sort: the order is otherwise kept).
    # Importing torch costs 1.5 s of CPU a process, its optimizers 1.3 s more: xdist's
    # worksteal hands each process a contiguous half of this list and steals only from
    # the end of a half, so one process alone imports torch.
    items.sort(key=lambda item: needs_torch.mark not in item.iter_markers("skipif"))


class Lazy:
    """The module ``name``, imported when an attribute is first read: a test module of
    the PyTorch oracle (``pytestmark = needs_torch``) costs nothing at collection, and
    only a process that runs one of its tests imports torch."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr):
        if attr.startswith("__"):          # pytest's collection probes __test__ and others
            raise AttributeError(attr)
        return getattr(importlib.import_module(self._name), attr)


needs_torch = pytest.mark.skipif(importlib.util.find_spec("torch") is None,
                                 reason="PyTorch is the oracle; pip install torch==2.13.0")


def pytest_collection_finish(session):
    # Collection leaves some 300,000 long-lived objects in each test process (modules,
    # parsed test files, Plotly's validators); every full garbage collection walks them
    # all, and pytest's own end-of-session check (five gc.collect() calls, looking for
    # unraisable exceptions) took 1 s a process. gc.freeze() moves them out of the
    # collector's sight: what the tests create afterwards is collected as before.
    gc.collect()
    gc.freeze()


@functools.lru_cache(maxsize=None)
def ud_corpus(name: str, column: str = "upos"):
    """A treebank of ../shared/data/ud read once per test process (read-only: the
    sentences are shared by the tests that ask for the same file and column)."""
    from rnnviz.text.conllu_data import CLI_LIMITS, read_corpus
    return read_corpus(SHARED_UD / name, column=column, limits=CLI_LIMITS)


def run_cli(*args) -> subprocess.CompletedProcess:
    """``python -m rnnviz ARGS`` run in this process through ``rnnviz.cli.main``: its exit
    code and what it printed. A fresh process pays 0.3 s of start-up (the interpreter,
    NumPy, the package) and loads jieba and the models again; the tests that must start
    the real entry point (the exit code of a process, a pipe) use subprocess."""
    from rnnviz.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as e:                               # argparse: --help, errors
            code = e.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.fixture
def small_model():
    """H=5, 11 words + <unk>, 4 tags, with a recurrence strong enough to matter."""
    m = init_rnn([f"w{i}" for i in range(1, 12)], ["t0", "t1", "t2", "t3"], 5, seed=3)
    return m.with_params(W=m.W * 2.0)


@pytest.fixture
def batch():
    rng = np.random.default_rng(7)
    X = rng.integers(0, 12, (3, 6))
    Y = rng.integers(0, 4, (3, 6))
    mask = np.ones((3, 6), bool)
    mask[2, 3:] = False
    return X, Y, mask


# --- pages (AppTest) --------------------------------------------------------
from streamlit.testing.v1 import AppTest  # noqa: E402
import streamlit.components.v2.manifest_scanner as _manifest_scanner  # noqa: E402
import streamlit.testing.v1.app_test as _app_test  # noqa: E402

# Streamlit workaround (tests only), checked by tests/test_compat_apptest.py.
# Undocumented: every AppTest builds its own BidiComponentManager, whose
# discover_and_register_components() calls manifest_scanner.scan_component_manifests()
# and so parses the metadata of every installed distribution. Measured with cProfile
# (131 packages installed): 0.72 s of a page run's 0.87 s, 60 % of the fast tier.
# The installed packages do not change while pytest runs, so the scan runs once.
_scan_once = functools.lru_cache(maxsize=None)(_manifest_scanner.scan_component_manifests)
_manifest_scanner.scan_component_manifests = _scan_once
# Undocumented: AppTest._run also builds a new ScriptCache on every run, so each page
# script is read, rewritten for "magic" and compiled again: 6.8 s of the fast tier
# (py-spy). A server keeps one ScriptCache for its life; the tests share one too
# (the scripts do not change while pytest runs).
_scripts = _app_test.ScriptCache()
_app_test.ScriptCache = lambda: _scripts

APP = str(ROOT / "app.py")      # absolute: AppTest resolves pages against it


def move_step_slider(at: AppTest, t: int) -> AppTest:
    """Move the step slider to t as a browser does: Streamlit's frontend writes a bound
    slider's new value into the address before the rerun it asks for, which AppTest's
    set_value does not (rnnviz.ui.steps tells a moved slider from a browser that has not
    taken the app's last step yet by the address)."""
    at.query_params["t"] = str(t)
    at.slider(key="t").set_value(t)
    return at


def run_app(page: str | None = None, timeout: float = 60, **query) -> AppTest:
    """A fresh session of the app with URL parameters ``query``, on ``page``."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    return at


class Chart(NamedTuple):
    """One chart of an AppTest run as rnnviz.ui.views.chart sent it: ``key``, and in
    ``proto`` the figure's JSON (``spec``), its text alternative (``alt``), its Plotly
    ``config`` (JSON) and whether its points can be clicked (``select``)."""
    key: str
    proto: SimpleNamespace


def charts(at) -> list[Chart]:
    """The charts of an AppTest run, in page order (the rnnviz_chart components)."""
    out = []
    for el in at.get("bidi_component"):
        if el.proto.component_name == "rnnviz_chart":
            data = json.loads(el.proto.bytes)
            out.append(Chart(el.key, SimpleNamespace(
                spec=json.dumps(data["figure"]), alt=data["alt"],
                config=json.dumps(data["config"]), select=data["select"])))
    return out


# --- browser (Playwright + Debian's Chromium) --------------------------------
BROWSER_WAIT_MS = 60_000


@pytest.fixture(scope="session")
def browser():
    from browser_util import CHROMIUM, CHROMIUM_ARGS, require_browser
    require_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        new_context = b.new_context

        def patient_context(*args, **kwargs):
            # Playwright waits 30 s for a condition by default; a busy 2-core machine
            # running the whole suite has needed longer for a first rerun.
            context = new_context(*args, **kwargs)
            context.set_default_timeout(BROWSER_WAIT_MS)
            return context
        b.new_context = patient_context
        yield b
        b.close()


@pytest.fixture(scope="session")
def app_server(browser):
    """One ``streamlit run app.py`` for the browser tests of the session."""
    from browser_util import Server
    server = Server("app.py")
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-US")
    p = context.new_page()
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    context.close()
