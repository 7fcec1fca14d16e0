"""The fast tier is spread over two processes; every other run stays serial."""
from types import SimpleNamespace

import pytest
from conftest import FAST_TIER_PROCESSES, pytest_cmdline_main


def config(markexpr="", numprocesses=None, usepdb=False, collectonly=False, xdist=True,
           worker=False):
    option = SimpleNamespace(markexpr=markexpr, numprocesses=numprocesses, usepdb=usepdb,
                             collectonly=collectonly, dist="no", tx=[])
    cfg = SimpleNamespace(option=option, pluginmanager=SimpleNamespace(
        hasplugin=lambda name: xdist and name == "xdist"))
    if worker:
        cfg.workerinput = {"workerid": "gw0"}
    return cfg


def test_the_fast_tier_runs_on_two_processes():
    cfg = config(markexpr="not slow and not browser")
    pytest_cmdline_main(cfg)
    assert cfg.option.numprocesses == FAST_TIER_PROCESSES == 2
    assert cfg.option.dist == "worksteal" and cfg.option.tx == ["popen", "popen"]


@pytest.mark.parametrize("cfg", [
    config(),                                                   # the whole suite (CI)
    config(markexpr="browser"),
    config(markexpr="slow"),
    config(markexpr="not slow and not browser", numprocesses=0),     # -n 0
    config(markexpr="not slow and not browser", numprocesses=4),     # -n 4 is kept
    config(markexpr="not slow and not browser", usepdb=True),
    config(markexpr="not slow and not browser", collectonly=True),
    config(markexpr="not slow and not browser", xdist=False),        # -p no:xdist
    config(markexpr="not slow and not browser", worker=True),        # inside a worker
], ids=["all", "browser", "slow", "n0", "n4", "pdb", "collect", "no-xdist", "worker"])
def test_every_other_run_is_left_as_asked(cfg):
    before = vars(cfg.option).copy()
    pytest_cmdline_main(cfg)
    assert vars(cfg.option) == before
