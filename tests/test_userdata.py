"""Reading uploaded corpora (CoNLL-U edge cases, word/TAG, limits), splits, scores, CLI."""
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rnnviz.text import corpus
from rnnviz.training import userdata
from rnnviz.training.background import TrainingJob
from rnnviz.nn.checkpoint import load
from rnnviz.cli import main
from rnnviz.text.conllu_data import BadSentences, CorpusError, Limits, detect_format, read_corpus
from rnnviz.training.train import TrainConfig


def conllu(*sentences: str) -> bytes:
    return "\n\n".join(s.strip("\n") for s in sentences).encode() + b"\n\n"


def row(i, form, upos="NOUN", xpos="NN"):
    return f"{i}\t{form}\t{form}\t{upos}\t{xpos}\t_\t0\troot\t_\t_"


GOOD = "\n".join(["# sent_id = 1", "# text = I eat apples", row(1, "I", "PRON", "PRP"),
                  row(2, "eat", "VERB", "VBP"), row(3, "apples", "NOUN", "NNS")])


def test_comments_and_the_tag_columns():
    c = read_corpus(conllu(GOOD), "a.conllu")
    assert c.sentences == ((("I", "PRON"), ("eat", "VERB"), ("apples", "NOUN")),)
    x = read_corpus(conllu(GOOD), "a.conllu", column="xpos")
    assert [t for _, t in x.sentences[0]] == ["PRP", "VBP", "NNS"] and x.column == "xpos"


def test_multiword_tokens_tag_the_syntactic_words_and_empty_nodes_are_skipped():
    text = "\n".join([row(1, "I", "PRON"), "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
                      row(2, "do", "AUX"), row(3, "n't", "PART"), row(4, "know", "VERB"),
                      "4.1\tknow\tknow\tVERB\t_\t_\t_\t_\t0:root\t_"])
    (sent,) = read_corpus(conllu(text), "a.conllu").sentences
    assert sent == (("I", "PRON"), ("do", "AUX"), ("n't", "PART"), ("know", "VERB"))


def test_missing_final_blank_line_and_windows_line_ends():
    data = (GOOD + "\n\n" + row(1, "Tea", "NOUN")).replace("\n", "\r\n").encode()
    c = read_corpus(data, "a.conllu")
    assert len(c.sentences) == 2 and c.sentences[1] == (("Tea", "NOUN"),)


@pytest.mark.parametrize("line, message", [
    ("1 I I PRON PRP _ 0 root _ _", "line 2: cannot be read as CoNLL-U"),
    ("1\tI\tI\tPRON\tPRP\t_\t0\troot", "line 2: has 8 tab-separated columns"),
    (row("x", "I"), "line 2: cannot be read as CoNLL-U"),
    (row(2, "I"), "line 2: word ID 2 where 1 was expected"),
    (row(1, "I", "PRN"), "line 2: 'PRN' is not a UPOS tag"),
    (row(1, "I", "_"), "line 2: no UPOS tag"),
])
def test_each_broken_line_is_named_with_what_is_wrong(line, message):
    data = conllu("# a comment\n" + line, GOOD)
    with pytest.raises(BadSentences) as e:
        read_corpus(data, "a.conllu")
    assert message in str(e.value) and "1 of 2 sentences" in str(e.value)
    c = read_corpus(data, "a.conllu", skip_bad=True)          # after the user agrees
    assert len(c.sentences) == 1 and len(c.skipped) == 1 and c.skipped[0].line == 2


def test_limits_stop_reading_with_a_message():
    data = conllu(*[GOOD] * 5)
    with pytest.raises(CorpusError, match="the file is .* MB; the limit is"):
        read_corpus(data, "a.conllu", limits=Limits(max_bytes=100))
    with pytest.raises(CorpusError, match="more than 3 sentences"):
        read_corpus(data, "a.conllu", limits=Limits(max_sentences=3))
    with pytest.raises(CorpusError, match="more than 10 tokens .* at sentence 4"):
        read_corpus(data, "a.conllu", limits=Limits(max_tokens=10))


def test_not_text_not_utf8_and_empty_files():
    with pytest.raises(CorpusError, match="not a text file"):
        read_corpus(b"PK\x03\x04\x00\x00", "a.conllu")
    with pytest.raises(CorpusError, match=r"line 2: not UTF-8"):
        read_corpus(b"# ok\n1\t\xff\n", "a.conllu")
    with pytest.raises(CorpusError, match="no tagged sentences"):
        read_corpus(b"# only a comment\n\n", "a.conllu")


def test_word_tag_lines_use_the_corpus_reader_and_name_bad_lines():
    c = read_corpus("我/nn 吃/v 苹果/nn\n\nI/nn eat/v apples/nn\n".encode(), "mine.txt")
    assert c.format == "tagged" and c.sentences[0] == (("我", "nn"), ("吃", "v"), ("苹果", "nn"))
    with pytest.raises(BadSentences, match=r"line 3: token 'apples/NOUN' has unknown tag"):
        read_corpus("我/nn 吃/v\n\nI/nn apples/NOUN\n".encode(), "mine.txt")
    assert detect_format("x.conllu", "") == "conllu" and detect_format("x", "a/nn") == "tagged"
    assert detect_format("x.txt", "1\ta\t_") == "conllu"          # by content


def test_split_holds_out_every_tenth_sentence():
    sents = [((f"w{i}", "nn"),) for i in range(1, 31)]
    s = userdata.split(sents)
    assert [x[0][0] for x in s.dev] == ["w10", "w20", "w30"]
    assert [x[0][0] for x in s.test] == ["w9", "w19", "w29"] and len(s.train) == 24
    s2 = userdata.split(sents, test=sents[:2])
    assert len(s2.train) == 27 and s2.test_source == "file"


def test_vocabulary_cap_unknown_words_and_the_baseline():
    train = [(("the", "d"), ("cat", "nn"))] * 3 + [(("the", "d"), ("dog", "nn"))]
    test = [(("the", "d"), ("cow", "nn"))]
    data = userdata.prepare(userdata.Splits(tuple(train), (), tuple(test), "file"), max_vocab=2)
    assert data.vocab == ("<unk>", "the", "<unk:en>") and data.capped and data.n_words == 3
    base, unseen = userdata.most_frequent_tag(train, test)
    assert (base.correct, base.total) == (1, 2) and (unseen.correct, unseen.total) == (0, 1)


def test_evaluate_overall_per_tag_unknown_and_confusion(small_model):
    pairs = [(np.array([0, 1, 2]), np.array([0, 1, 2])), (np.array([3, 0]), np.array([3, 3]))]
    ev = userdata.evaluate(small_model, pairs)
    assert ev.overall.total == 5 and ev.unknown.total == 2
    assert ev.confusion.sum() == 5 and ev.confusion.shape == (4, 4)
    assert sum(s.total for s in ev.per_tag.values()) == 5
    assert ev.overall.correct == int(np.trace(ev.confusion))


def builtin_data():
    splits = userdata.Splits(*(tuple(map(tuple, corpus.load(None, s))) for s in corpus.SPLITS),
                             test_source="builtin")
    return userdata.prepare(splits)


@pytest.mark.slow
def test_a_background_job_stops_mid_epoch():
    job = TrainingJob(builtin_data(), TrainConfig(epochs=50, batch_size=8))
    deadline = time.monotonic() + 60
    while job.latest is None and job.running and time.monotonic() < deadline:
        time.sleep(0.02)
        job.poll()
    job.stop()
    while job.running and time.monotonic() < deadline:
        time.sleep(0.02)
        job.poll()
    spe = job.latest.steps_per_epoch
    assert job.outcome.stopped == "callback", job.error
    assert 0 < len(job.steps) < spe                   # stopped inside the first epoch
    assert [r["epoch"] for r in job.history] == [1]   # train() closes the partial epoch
    assert not job.alive or job.outcome is not None


def test_cli_train_and_eval_on_a_conllu_file(tmp_path, capsys):
    sents = [GOOD, "\n".join([row(1, "You", "PRON"), row(2, "like", "VERB"),
                              row(3, "tea", "NOUN")])] * 10
    data, test = tmp_path / "d.conllu", tmp_path / "t.conllu"
    data.write_bytes(conllu(*sents))
    test.write_bytes(conllu(GOOD))
    out = tmp_path / "m.npz"
    assert main(["train", "--conllu", str(data), "--test", str(test), "--epochs", "3",
                 "--hidden", "4", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "20 sentences, 60 tokens (upos)" in printed and "all tokens" in printed
    assert main(["eval", "--model", str(out), "--conllu", str(test)]) == 0
    assert "3 tokens (upos)" in capsys.readouterr().out
    assert load(out).hparams["u_init"] == "normal"      # as the Train page; not the built-in's
    # a file's defaults are not the built-in model's: no averaging, no decay of W, batch 32
    hp = load(out).hparams
    assert "average" not in hp and "w_decay" not in hp and hp["batch_size"] == 32
    out_u = tmp_path / "u.npz"
    assert main(["train", "--conllu", str(data), "--epochs", "1", "--hidden", "4",
                 "--u-init", "uniform", "--out", str(out_u)]) == 0
    assert load(out_u).hparams["u_init"] == "uniform"
    out_g = tmp_path / "g.npz"                                         # a GRU, the same way
    assert main(["train", "--conllu", str(data), "--epochs", "1", "--hidden", "4",
                 "--cell", "gru", "--out", str(out_g)]) == 0
    assert type(load(out_g, cells=("gru",))).__name__ == "GRU"
    assert main(["eval", "--model", str(out_g), "--conllu", str(test)]) == 2
    assert "holds a model of the GRU cell; here it must be RNN" in capsys.readouterr().err
    assert main(["train", "--conllu", str(data)]) == 2                 # --out is required
    bad = tmp_path / "bad.conllu"
    bad.write_bytes(conllu(GOOD, "1\tx"))
    assert main(["train", "--conllu", str(bad), "--out", str(out)]) == 2
    assert "line 7: has 2 tab-separated columns" in capsys.readouterr().err


KILLED_BEFORE_READING = """
import pickle
from rnnviz.text import corpus
from rnnviz.training import userdata
from rnnviz.training.background import TrainingJob
from rnnviz.training.train import TrainConfig
# English only: no jieba dictionary to load, and still far over the pipe's buffer
splits = userdata.Splits(*(tuple(map(tuple, corpus.load("en", s))) for s in corpus.SPLITS),
                         test_source="builtin")
data = userdata.prepare(splits)
assert len(pickle.dumps((data.train, data.dev, data.test))) > 4 * 65536
TrainingJob(data, TrainConfig(epochs=50)).kill()
print("exiting")
"""


def test_a_job_killed_before_it_read_its_data_does_not_hold_the_process_at_exit():
    # The data sits in the pipe (far over its 64 KiB buffer): a queue that joins its
    # feeder thread at exit would wait forever, so a server or pytest would never end.
    done = subprocess.run([sys.executable, "-c", KILLED_BEFORE_READING], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0 and "exiting" in done.stdout, done.stderr[-2000:]
