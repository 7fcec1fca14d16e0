"""The shipped models: the tutorial's sentences, the accuracy targets (measured
here, not copied), bitwise reproducible training, and the train/tag/eval commands."""
import json
import re
import subprocess
import sys

import numpy as np
import pytest

from rnnviz.training import builtin, reference
from rnnviz.text import corpus, realtext
from rnnviz.nn.checkpoint import load
from rnnviz.training.evaluate import predict
from rnnviz.nn.model import PARAM_NAMES
from rnnviz.training.tagger import tag_text
from rnnviz.text.tagset import TAGS
from rnnviz.text.tokenize import normalize
from rnnviz.training.train import train
from rnnviz.text.unknown import is_class

from conftest import ROOT, run_cli


def run(*args):
    """``python -m rnnviz ARGS`` in a fresh process (the module entry point itself)."""
    return subprocess.run([sys.executable, "-m", "rnnviz", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


run_here = run_cli      # the same command in this process


@pytest.fixture(scope="module")
def rnn():
    return builtin.load_default()


@pytest.fixture(scope="module")
def feedforward():
    return builtin.load_feedforward()


@pytest.fixture(scope="module")
def reports(rnn, feedforward):
    return builtin.compare(rnn, feedforward)


# --------------------------------------------------------------------------- the tutorial

@pytest.mark.parametrize("text,tagged", [
    ("我 吃 苹果", "我/nn 吃/v 苹果/nn"),
    ("我吃苹果", "我/nn 吃/v 苹果/nn"),
    ("I eat apples", "I/nn eat/v apples/nn"),
])
def test_the_tutorial_sentences(rnn, text, tagged):
    assert tag_text(rnn, text).as_text() == tagged


def test_an_unknown_word_is_flagged_and_tagged_from_its_context(rnn):
    tagging = tag_text(rnn, "我 吃 榴莲")
    assert "榴莲" not in rnn.word_index
    assert tagging.tags == ("nn", "v", "nn")
    assert tagging.unknown == (False, False, True)


def test_shipped_models_are_the_two_networks(rnn, feedforward):
    assert (rnn.H, rnn.f, rnn.tags) == (builtin.DEFAULT_CONFIG.hidden, "tanh", TAGS)
    assert rnn.vocab == feedforward.vocab == builtin.corpus_data().vocab
    assert rnn.W.any() and not feedforward.W.any()          # W = 0 from the start...
    assert feedforward.hparams["recurrent"] is False        # ...trained on its own
    assert not np.array_equal(rnn.U, feedforward.U)


# --------------------------------------------------------------------------- accuracy targets

def test_test_accuracy_is_at_least_97_percent(reports):
    assert reports["RNN"].overall.total == sum(
        len(s) for s in corpus.load(None, "test"))
    assert reports["RNN"].overall.accuracy >= 0.97


def test_context_dependent_words_need_the_recurrence(reports):
    rnn, ff = reports["RNN"].ambiguous, reports["W = 0"].ambiguous
    assert set(rnn) == {"zh", "en", "both"}
    assert rnn["both"].total == rnn["zh"].total + rnn["en"].total > 400
    for lang in rnn:
        assert rnn[lang].accuracy >= 0.90, lang
    assert ff["both"].accuracy <= rnn["both"].accuracy - 0.15


def test_unknown_words_in_a_clear_context(reports):
    unk = reports["RNN"].unk_in_context
    assert unk.total > 300
    assert unk.accuracy >= 0.85
    assert reports["RNN"].oov.total == 0        # the corpus build keeps test words in train


def test_clear_contexts_follow_telling_words():
    sent = [("我", "nn"), ("吃", "v"), ("了", "part"), ("这", "d"), ("个", "m"), ("苹果", "nn")]
    assert builtin.clear_contexts(sent) == [2, 4, 5]
    assert builtin.clear_contexts([("I", "nn"), ("eat", "v"), ("the", "d"), ("apple", "nn")]) == [2, 3]


def test_oov_counts_words_outside_the_models_vocabulary(rnn):
    report = builtin.evaluate_sentences(rnn, {"zh": [[("我", "nn"), ("吃", "v"), ("榴莲", "nn")]]})
    assert (report.oov.correct, report.oov.total) == (1, 1)
    assert report.overall.total == 3 and report.ambiguous["both"].total == 0


def test_format_reports_puts_the_models_side_by_side(reports):
    table = builtin.format_reports(reports)
    header, *rows = table.splitlines()
    assert header.split() == ["RNN", "W", "=", "0"]
    assert len(rows) == 6 and "n/a (0 tokens)" in table
    assert str(reports["W = 0"].ambiguous["both"]) in rows[3]


# --------------------------------------------------------------------------- reproducibility

@pytest.mark.slow
@pytest.mark.parametrize("recurrent,shipped", [(True, builtin.load_default),
                                                (False, builtin.load_feedforward)])
def test_retraining_reproduces_the_shipped_models(recurrent, shipped):
    """Retraining on any machine gives the shipped model's behaviour: the same
    accuracy (within 0.3 points) on every reported set, the same tags on >= 99 %
    of the test tokens and on every seed example. Weights are not compared: another
    BLAS kernel rounds differently, and Adam and early stopping amplify it."""
    fresh, m = builtin.train_builtin(recurrent=recurrent).model, shipped()
    assert (fresh.vocab, fresh.tags, fresh.f, fresh.H) == (m.vocab, m.tags, m.f, m.H)
    assert {k: v for k, v in fresh.hparams.items() if k not in MEASURED} == \
        {k: v for k, v in m.hparams.items() if k not in MEASURED}
    for (name, got), (_, want) in zip(named_scores(builtin.evaluate(fresh)),
                                      named_scores(builtin.evaluate(m))):
        assert got.total == want.total, name
        if want.total:
            assert abs(got.accuracy - want.accuracy) <= 0.003, (name, got, want)
    sets = reference.test_sets()                      # everyday; UD test where present
    fresh_ref, shipped_ref = (reference.measure({"m": model}, sets) for model in (fresh, m))
    for name in sets:
        for lang in sets[name]:
            for which, (c, n) in shipped_ref[name][lang]["m"].items():
                got_c, got_n = fresh_ref[name][lang]["m"][which]
                assert got_n == n and abs(got_c - c) / n <= 0.003, (name, lang, which)
    pairs = builtin.corpus_data().test
    agree = [np.mean(a == b) for a, b in zip(predict(fresh, pairs), predict(m, pairs))]
    sizes = [len(x) for x, _ in pairs]
    assert np.average(agree, weights=sizes) >= 0.99
    for text in SEED_EXAMPLES:
        assert tag_text(fresh, text).tags == tag_text(m, text).tags, text


# What a run measures about itself: can differ in the last digits between machines.
MEASURED = {"best_epoch", "dev_acc", "stopped"}
SEED_EXAMPLES = ("我 吃 苹果", "我吃苹果", "我 吃 榴莲", "I eat apples")


def named_scores(report):
    """(name, Score) for every figure ``python -m rnnviz eval`` reports."""
    return [("all tokens", report.overall),
            *((f"ambiguous {k}", v) for k, v in report.ambiguous.items()),
            ("oov", report.oov), ("unk in context", report.unk_in_context)]


def test_training_is_bitwise_reproducible_on_one_machine():
    """Same seed, same machine, same code path: the same model, bit for bit."""
    config = builtin.DEFAULT_CONFIG.__class__(**{**builtin.DEFAULT_CONFIG.__dict__,
                                                 "epochs": 1, "hidden": 4})
    data = builtin.corpus_data()
    pairs = data.train[:200]
    a, b = (train(pairs, data.vocab, data.tags, config).model for _ in range(2))
    for name in PARAM_NAMES:
        assert getattr(a, name).tobytes() == getattr(b, name).tobytes(), name


def test_corpus_data_builds_the_vocabulary_from_train_only():
    data, sentences = builtin.corpus_data(), builtin.training_sentences()
    train_words = {normalize(w) for s in sentences["train"] for w, _ in s}
    words = [w for w in data.vocab[1:] if not is_class(w)]
    assert data.vocab[0] == "<unk>" and set(words) == train_words - {
        w for w in train_words if is_class(w)}
    assert any(is_class(w) for w in data.vocab[1:])          # the unknown-word classes
    assert data.tags == TAGS
    assert [len(getattr(data, s)) for s in corpus.SPLITS] == [
        len(sentences[s]) for s in corpus.SPLITS]
    # the built-in corpus and the real text, never the UD test files
    assert len(sentences["train"]) == len(corpus.load(None, "train")) + builtin.REAL_WEIGHT * sum(
        len(realtext.split(realtext.load(lang))[0]) for lang in realtext.LANGS)
    assert sentences["test"] == tuple(corpus.load(None, "test"))


def test_half_the_training_sentences_lose_their_final_punctuation():
    dropped = builtin.drop_final_punctuation(
        [[("a", "nn"), (".", "pu")], [("b", "nn"), (".", "pu")], [("c", "nn")], [("。", "pu")]])
    assert dropped == ((("a", "nn"), (".", "pu")), (("b", "nn"),), (("c", "nn"),),
                       (("。", "pu"),))


# --------------------------------------------------------------------------- the commands

def test_help_lists_every_command():
    out = run("--help")
    assert out.returncode == 0
    for command in ("gradcheck", "train", "tag", "eval"):
        assert command in out.stdout


def test_cli_tag_prints_the_tutorial_form():
    out = run_here("tag", "我 吃 苹果")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "我/nn 吃/v 苹果/nn"


def test_cli_tag_json_has_probabilities_and_unknown_flags():
    out = run_here("tag", "--json", "我 吃 榴莲")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["tokens"] == ["我", "吃", "榴莲"] and data["tags"] == ["nn", "v", "nn"]
    assert data["unknown"] == [False, False, True]
    assert set(data["probabilities"][2]) == set(TAGS)
    assert abs(sum(data["probabilities"][2].values()) - 1) < 1e-4


@pytest.mark.parametrize("args", [("tag", ""), ("tag", "  "), ("tag", "x", "--model", "README.md")])
def test_cli_tag_refuses_bad_input_without_a_traceback(args):
    out = run_here(*args)
    assert out.returncode == 2
    assert out.stderr.startswith("error:") and "Traceback" not in out.stderr


def test_cli_eval_prints_both_models_with_counts(reports):
    out = run_here("eval")
    assert out.returncode == 0, out.stderr
    assert "RNN" in out.stdout and "W = 0" in out.stdout
    assert re.search(r"(?m)^ +RNN +W = 0 +LSTM +GRU$", out.stdout)      # in that order
    for report in reports.values():
        for s in (report.overall, report.ambiguous["both"], report.unk_in_context):
            assert str(s) in out.stdout


@pytest.mark.slow
def test_cli_train_writes_a_model_that_tags(tmp_path):
    path = tmp_path / "m.npz"
    out = run("train", "--out", str(path), "--epochs", "2", "--hidden", "4", "--seed", "3")
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("\nepoch") == 2 and "dev" in out.stdout
    m = load(path)
    assert (m.H, m.hparams["epochs"], m.hparams["seed"]) == (4, 2, 3)
    assert run("tag", "--model", str(path), "I eat apples").returncode == 0


@pytest.mark.slow
def test_cli_train_cell_writes_a_gated_model(tmp_path):
    path = tmp_path / "lstm.npz"
    out = run("train", "--cell", "lstm", "--out", str(path), "--epochs", "1", "--hidden", "3")
    assert out.returncode == 0, out.stderr
    assert "the LSTM cell" in out.stdout and "parameters" in out.stdout
    m = load(path, cells=("lstm",))
    assert (m.H, m.hparams["cell"], m.W.shape) == (3, "lstm", (12, 3))


def test_cli_train_refuses_a_gated_cell_without_recurrence():
    out = run_here("train", "--cell", "gru", "--no-recurrence", "--out", "/nonexistent/x.npz")
    assert out.returncode == 2 and "the GRU cell has no W = 0 variant" in out.stderr
