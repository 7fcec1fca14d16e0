"""``python -m rnnviz``: help lists the commands; gradcheck passes and can fail."""
import subprocess
import sys

from rnnviz import bptt as bptt_module
from rnnviz.cli import main

from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "rnnviz", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_help_lists_the_commands():
    out = run("--help")
    assert out.returncode == 0
    for command in ("gradcheck",):
        assert command in out.stdout


def test_gradcheck_passes_and_prints_the_worst_error_per_parameter():
    out = run("gradcheck", "--seeds", "1")
    assert out.returncode == 0, out.stdout + out.stderr
    for f in ("tanh", "sigmoid", "relu", "identity"):
        assert f in out.stdout
    assert "PASS" in out.stdout and "W=" in out.stdout and "U=" in out.stdout


def test_gradcheck_exits_nonzero_when_bptt_is_wrong(monkeypatch, capsys):
    real = bptt_module.bptt

    def wrong(m, fw, Y, mask=None, **kw):
        g = real(m, fw, Y, mask, **kw)
        return bptt_module.Grads(g.dU, g.dW, g.dV, g.db * 0.99, g.dc, g.delta, g.ds0)

    monkeypatch.setattr("rnnviz.gradcheck.bptt", wrong)
    assert main(["gradcheck", "--seeds", "1"]) == 1
    assert "FAIL" in capsys.readouterr().out
