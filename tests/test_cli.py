"""``python -m rnnviz``: help lists the commands; gradcheck passes and can fail; tag
prints valid JSON and fails on an overflowing model, and tags a file line by line."""
import io
import json
import re
import subprocess
import sys

import numpy as np
import pytest

from rnnviz.nn import bptt as bptt_module
from rnnviz.training.builtin import load_default
from rnnviz.nn.checkpoint import load, save
from rnnviz.cli import main
from rnnviz.lessons.backprop import variant
from rnnviz.training.tagger import tag_text

from conftest import ROOT, run_cli


# The commands run in this process through ``main`` (a fresh ``python -m rnnviz`` pays
# 0.3 s of start-up: the interpreter, NumPy, the package); two tests start the real
# entry point: test_tag_file_from_standard_input_in_a_pipe here (a pipe, the exit code
# of the process) and test_builtin.py's test_help_lists_every_command.
run = run_cli


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
    assert "  LM " in out.stdout                              # the language model's loss
    for cell, gate_param in (("LSTM", "W_φ="), ("LSTM k=2", "C_0="), ("GRU", "b^W_s̃="),
                             ("GRU k=2", "W_ζ=")):            # every gate under its UI label
        assert f"  {cell} " in out.stdout and gate_param in out.stdout


def test_gradcheck_exits_nonzero_when_a_gated_cell_is_wrong(monkeypatch, capsys):
    from rnnviz.nn import gru

    real = gru.step_back

    def wrong(m, fw, j, carry):
        step = real(m, fw, j, carry)
        return step._replace(prev=(step.prev[0] * 1.001,))

    monkeypatch.setattr(gru, "step_back", wrong)
    assert main(["gradcheck", "--seeds", "1", "--cell", "gru"]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "GRU" in out and "LSTM" not in out and "tanh" not in out


def test_gradcheck_exits_nonzero_when_bptt_is_wrong(monkeypatch, capsys):
    real = bptt_module.bptt

    def wrong(m, fw, Y, mask=None, **kw):
        g = real(m, fw, Y, mask, **kw)
        return bptt_module.Grads(g.dU, g.dW, g.dV, g.db * 0.99, g.dc, g.delta, g.ds0)

    monkeypatch.setattr("rnnviz.nn.gradcheck.bptt", wrong)
    assert main(["gradcheck", "--seeds", "1", "--cell", "rnn"]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "tanh" in out and "GRU" not in out


# --------------------------------------------------------------------------- tag
LONG = " ".join(["我 吃 苹果 ，"] * 13)                      # 52 tokens: the first 50 are tagged


def strict_json(line: str):
    """json.loads that refuses NaN and Infinity, as every other JSON reader does."""
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(line, parse_constant=refuse)


@pytest.fixture(scope="module")
def overflowing(tmp_path_factory):
    """identity f and W × 10⁷: the states leave float64's range some 45 tokens in."""
    path = tmp_path_factory.mktemp("m") / "overflow.npz"
    save(variant(load_default(), w_scale=1e7, f="identity"), path)
    return path


def first_overflow(path) -> int:
    """Where the forward pass itself first leaves float64's range."""
    from rnnviz.training.tagger import tag_text
    with np.errstate(all="ignore"):
        return tag_text(load(path), LONG).overflow_step


def test_tag_json_of_an_overflowing_model_is_valid_json_and_fails(overflowing):
    out = run("tag", "--json", "--model", str(overflowing), LONG)
    assert out.returncode == 1, out.stderr
    assert not re.search(r"[:\[,]\s*-?(NaN|Infinity)\b", out.stdout)   # no bare NaN
    data = strict_json(out.stdout)
    first = first_overflow(overflowing)
    assert 1 < first <= 50
    assert data["overflow"]["first_step"] == first and "overflow" in data["overflow"]["message"]
    assert data["probabilities"][-1] == dict.fromkeys(data["probabilities"][-1])   # all null
    assert data["tags"][-1] is None and data["tags"][0] == "nn"
    assert all(v is not None for v in data["probabilities"][0].values())
    assert len(data["tags"]) == len(data["tokens"]) == 50
    assert "warning" in out.stderr and "overflow" in out.stderr and "Traceback" not in out.stderr


def test_tag_text_of_an_overflowing_model_fails_with_the_warning_on_stderr(overflowing, capsys):
    assert main(["tag", "--model", str(overflowing), LONG]) == 1
    out, err = capsys.readouterr()
    words = out.split()
    assert len(words) == 50 and words[0] == "我/nn" and words[-1] == "吃/?"
    assert "warning" in err and f"step {first_overflow(overflowing)} " in err


def test_tag_json_of_a_finite_model_has_no_overflow(capsys):
    assert main(["tag", "--json", "我 吃 苹果"]) == 0
    data = strict_json(capsys.readouterr().out)
    assert data["overflow"] is None and data["tags"] == ["nn", "v", "nn"]


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_tag_takes_the_shipped_lstm_and_gru(cell, capsys):
    from rnnviz.nn.cells import cell_of
    from rnnviz.training.builtin import CELL_MODELS
    assert main(["tag", "--json", "--model", str(CELL_MODELS[cell]), "I want to book a table"]) == 0
    data = strict_json(capsys.readouterr().out)
    m = load(CELL_MODELS[cell], cells=(cell,))
    assert cell_of(m) == cell
    assert data["tags"] == list(tag_text(m, "I want to book a table").tags)   # that model's tags
    assert data["tags"][3] == "v"                                  # book after "to"


def test_tag_file_tags_one_sentence_per_line(tmp_path, capsys):
    lines = ["我 吃 苹果", "", "I eat apples", LONG]
    path = tmp_path / "in.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    m = load_default()
    assert main(["tag", "--file", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.split("\n")[:-1] == [tag_text(m, s).as_text() for s in lines]
    assert "line 4" in err and "50" in err                  # the long line was cut, on stderr
    assert main(["tag", "--json", "--file", str(path)]) == 0
    rows = [strict_json(r) for r in capsys.readouterr().out.splitlines()]
    assert [r["tokens"] for r in rows] == [list(tag_text(m, s).tokens) for s in lines]
    assert rows[0]["tags"] == ["nn", "v", "nn"] and rows[1]["tags"] == []


def test_tag_file_dash_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("我 吃 苹果\nI eat apples\n"))
    assert main(["tag", "--file", "-"]) == 0
    assert capsys.readouterr().out.splitlines() == ["我/nn 吃/v 苹果/nn", "I/nn eat/v apples/nn"]


def test_tag_file_from_standard_input_in_a_pipe(overflowing):
    out = subprocess.run([sys.executable, "-m", "rnnviz", "tag", "--json", "--file", "-",
                          "--model", str(overflowing)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, input=f"我 吃 苹果\n{LONG}\n", encoding="utf-8")
    assert out.returncode == 1                              # line 2 overflowed
    rows = [strict_json(r) for r in out.stdout.splitlines()]
    assert len(rows) == 2 and rows[0]["overflow"] is None and rows[1]["overflow"]
    assert "line 2" in out.stderr and "warning" in out.stderr


@pytest.mark.parametrize("args", [("tag",), ("tag", "--file", "x.txt", "我 吃"),
                                  ("tag", "--file", "/no/such/file.txt")])
def test_tag_needs_text_or_one_file(args, capsys):
    assert main(list(args)) == 2
    assert capsys.readouterr().err.startswith("error:")


# --------------------------------------------------------------------------- eval on a file
TAGGED = "我/nn 吃/v 榴莲/nn 。/pu\nI/nn eat/v durian/nn\n他/nn 买/v 三/num 本/m 书/nn\n"

# 三 个 犰狳 来 了 (an unknown word; a classifier, NOUN NNB; aspect 了, AUX AS) and 他 是 老师 (copula, VERB VC)
CONLLU = (
    "# text = 三个犰狳来了\n"
    "1\t三\t三\tNUM\tCD\t_\t2\tnummod\t_\t_\n"
    "2\t个\t个\tNOUN\tNNB\t_\t3\tclf\t_\t_\n"
    "3\t犰狳\t犰狳\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "4\t来\t来\tVERB\tVV\t_\t0\troot\t_\t_\n"
    "5\t了\t了\tAUX\tAS\t_\t4\taux\t_\t_\n"
    "\n"
    "1\t他\t他\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2\t是\t是\tVERB\tVC\t_\t3\tcop\t_\t_\n"
    "3\t老师\t老师\tNOUN\tNN\t_\t0\troot\t_\t_\n")
CONLLU_GOLD = [[("三", "num"), ("个", "m"), ("犰狳", "nn"), ("来", "v"), ("了", "part")],
               [("他", "nn"), ("是", "aux"), ("老师", "nn")]]


def expected_scores(m, sentences):
    """(all tokens, unknown words) counted here: the model's predictions on the
    sentences encoded with its vocabulary; unknown = normalize key not in the vocabulary."""
    from rnnviz.training.dataset import encode
    from rnnviz.training.evaluate import Score, predict
    from rnnviz.text.tokenize import normalize

    pairs = encode(sentences, m.vocab, m.tags)
    right = total = right_unk = total_unk = 0
    for sent, (_, y), p in zip(sentences, pairs, predict(m, pairs)):
        for (w, _), gold, guess in zip(sent, y, p):
            right, total = right + (gold == guess), total + 1
            if normalize(w) not in m.word_index:
                right_unk, total_unk = right_unk + (gold == guess), total_unk + 1
    return Score(int(right), total), Score(int(right_unk), total_unk)


def assert_side_by_side(out: str, rnn, ff, sentences, *more):
    """The issue 16 lines: ``all tokens`` and ``unknown words``, the RNN's column first,
    the W = 0 model's second, then ``more`` (the LSTM's, the GRU's) in order."""
    scores = [expected_scores(m, sentences) for m in (rnn, ff, *more)]
    for label, i in (("all tokens", 0), ("unknown words", 1)):
        cells = " +".join(re.escape(str(s[i])) for s in scores)
        assert re.search(rf"(?m)^{label} +{cells}$", out), out
    assert any(s[1].total > 0 for s in scores)


def shipped_gated():
    from rnnviz.training.builtin import load_cell
    return load_cell("lstm"), load_cell("gru")


def test_eval_tagged_without_model_measures_the_shipped_rnn_and_w0_model(tmp_path, capsys):
    from rnnviz.training.builtin import load_feedforward
    from rnnviz.text.corpus import read_tagged
    from rnnviz.training.userdata import evaluate_sentences

    path = tmp_path / "three.tagged"
    path.write_text(TAGGED, encoding="utf-8")
    assert main(["eval", "--tagged", str(path)]) == 0
    out = capsys.readouterr().out
    rnn, ff, sents = load_default(), load_feedforward(), read_tagged(path)
    lstm, gru = shipped_gated()
    assert_side_by_side(out, rnn, ff, sents, lstm, gru)
    assert "3 sentences, 12 tokens" in out and "RNN" in out and "W = 0" in out
    assert re.search(r"(?m)^ +RNN +W = 0 +LSTM +GRU$", out)
    ev = evaluate_sentences(rnn, sents)                       # what evaluate computes
    assert (ev.overall, ev.unknown) == expected_scores(rnn, sents)
    assert ev.unknown.total == 2                              # 榴莲, durian
    assert re.search(r"(?m)^  m( +\S+% \(\d/1\)){4}$", out)   # per tag, the four models
    # --model / --feedforward / --lstm / --gru override any column: swapped here
    from rnnviz.training.builtin import CELL_MODELS, DEFAULT_MODEL, FEEDFORWARD_MODEL
    assert main(["eval", "--tagged", str(path), "--model", str(FEEDFORWARD_MODEL),
                 "--feedforward", str(DEFAULT_MODEL), "--lstm", str(CELL_MODELS["lstm"]),
                 "--gru", str(CELL_MODELS["lstm"])]) == 2
    assert "holds a model of the LSTM cell; here it must be GRU" in capsys.readouterr().err
    assert main(["eval", "--tagged", str(path), "--model", str(FEEDFORWARD_MODEL),
                 "--feedforward", str(DEFAULT_MODEL)]) == 0
    assert_side_by_side(capsys.readouterr().out, ff, rnn, sents, lstm, gru)


def test_eval_conllu_without_model_reads_the_12_tags_with_xpos(tmp_path, capsys):
    from rnnviz.training.builtin import load_feedforward

    path = tmp_path / "two.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    assert main(["eval", "--conllu", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 sentences, 8 tokens (tagset)" in out
    assert_side_by_side(out, load_default(), load_feedforward(), CONLLU_GOLD, *shipped_gated())
    assert re.search(r"(?m)^  m +\S+% \(\d/1\)", out)         # 个 is a classifier, not nn
    # an explicit --column keeps its meaning: UPOS tags, which the shipped models lack
    assert main(["eval", "--conllu", str(path), "--column", "upos"]) == 2
    err = capsys.readouterr().err
    assert "tags the model" in err and "NOUN" in err and "--column tagset" in err
    assert main(["eval", "--conllu", str(path), "--column", "tagset"]) == 0
    assert "(tagset)" in capsys.readouterr().out
