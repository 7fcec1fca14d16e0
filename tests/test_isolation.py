"""Nothing one student does changes what another sees.

Shared objects (``st.cache_resource``) are read-only; a session's own model,
its sentence and its URL state live in its session state. Checked in-process
(AppTest sessions share the process's caches, as sessions of a server do) and
on a real ``streamlit run`` with two websocket sessions (``st_client``).
"""
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from browser_util import Server
from conftest import run_app
from rnnviz.nn.model import PARAM_NAMES
from rnnviz.ui import models, resources
from st_client import StreamlitSession, run_sync

SENTENCE = "我 吃 苹果"
BUILTIN_CHIPS = [("我", "nn"), ("吃", "v"), ("苹果", "nn")]


def context_of(at):
    return at.session_state["_rnnviz_context"]


def snapshot() -> dict[str, np.ndarray]:
    """Copies of the shared built-in model's arrays, to compare with later."""
    return {k: v.copy() for k, v in resources.builtin_model().params.items()}


def assert_unchanged(before: dict[str, np.ndarray]) -> None:
    for name, arr in before.items():
        assert np.array_equal(getattr(resources.builtin_model(), name), arr), name


# --- in-process -------------------------------------------------------------
def test_the_cached_builtin_model_is_shared_and_read_only():
    m, before = resources.builtin_model(), snapshot()
    assert resources.builtin_model() is m                   # one object for every session
    for name in PARAM_NAMES:
        arr = getattr(m, name)
        assert not arr.flags.writeable, name
        with pytest.raises(ValueError, match="read-only"):
            arr[(0,) * arr.ndim] = 1.0
    mine = m.copy()                                         # what a session changes
    mine.W[:] = 0.0
    assert_unchanged(before)


def _app_that_gives_this_session_its_own_model():
    import streamlit as st

    from rnnviz.ui import models, resources
    m = resources.builtin_model()
    models.set_session_model(m.with_params(W=m.W * 3.0), "test")
    st.write(models.session_source())


def test_a_session_model_is_invisible_to_another_session():
    before = snapshot()
    a = AppTest.from_function(_app_that_gives_this_session_its_own_model).run()
    assert not a.exception
    own = a.session_state[models.SESSION_KEY][0]
    b = run_app(s=SENTENCE)                                 # another student, same process
    assert not b.exception
    assert models.SESSION_KEY not in b.session_state
    assert context_of(b).model is resources.builtin_model()
    assert not np.array_equal(own.W, resources.builtin_model().W)
    assert_unchanged(before)


def test_an_sgd_step_changes_only_the_session_that_took_it():
    before = snapshot()
    a = run_app(page="pages/bptt.py", s=SENTENCE, bptt_wscale="2.5")
    a.button(key="bptt_sgd").click().run()
    assert not a.exception
    assert a.session_state[models.SESSION_KEY][1] == "sgd"
    a.switch_page("pages/network.py").run()
    assert context_of(a).model is not resources.builtin_model()
    b = run_app(s=SENTENCE)
    assert context_of(b).model is resources.builtin_model()
    assert_unchanged(before)                                # the shared arrays are untouched


# --- one real server, two students ------------------------------------------
@pytest.fixture(scope="module")
def server():
    s = Server("app.py", "--server.fileWatcherType", "none")
    yield s
    s.stop()


def views(run) -> tuple:
    """What a student sees of the network page: the tagging and the three figures."""
    assert not run.exceptions, run.exceptions
    return run.chips, run.figures


async def _two_students(base: str) -> None:
    async with StreamlitSession(base, {"s": SENTENCE}) as b:
        before = views(await b.first_run)
        assert before[0] == BUILTIN_CHIPS and len(before[1]) == 3
        async with StreamlitSession(base, {"s": SENTENCE, "bptt_wscale": "3"},
                                    page="bptt") as a:
            assert not (await a.first_run).exceptions       # W scaled, on A's page only
            await a.set_widget("bptt_lr", ["5.0"], query=False)
            for _ in range(3):                              # A's own model: 3 SGD steps
                assert not (await a.click("bptt_sgd")).exceptions
            assert list(a.widgets["model"].string_array_value.data) == ["mine"]
            mine = views(await a.goto("", {"s": SENTENCE}))
            assert mine[1] != before[1]                     # A sees its own model
            # B reruns (a keystroke that changes nothing, then a step) and sees the built-in
            assert views(await b.set_widget("s", SENTENCE + " ")) == before
            await a.set_widget("s", "I eat apples")          # A types, moves, switches language
            await a.set_widget("t", [2.0])
            await a.set_widget("lang", ["中文"])
            assert views(await b.set_widget("s", SENTENCE)) == before
            assert list(b.widgets["lang"].string_array_value.data) == ["English"]
            assert list(b.widgets["t"].double_array_value.data) == [1.0]
    async with StreamlitSession(base, {"s": SENTENCE}) as c:      # a newcomer after A left
        assert views(await c.first_run) == before


@pytest.mark.slow
def test_two_sessions_on_one_server_do_not_see_each_others_changes(server):
    run_sync(_two_students(server.base))
