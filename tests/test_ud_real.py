"""Real treebanks (../shared/data/ud/): parsing counts are exact; a short training runs.

Skipped when ../shared is absent; CI has it. The accuracy runs are in
bench/ud_vs_torch.py (minutes, not seconds).
"""
import pytest

from conftest import SHARED_UD, ud_corpus
from rnnviz.training import userdata
from rnnviz.cli import main
from rnnviz.text.conllu_data import UPOS
from rnnviz.nn.model import init_rnn
from rnnviz.training.train import TrainConfig, train

pytestmark = pytest.mark.skipif(not SHARED_UD.exists(), reason=f"no treebanks at {SHARED_UD}")

COUNTS = {  # file: (sentences, tokens) as the treebanks' README states them
    "zh_gsdsimp-ud-dev.conllu": (500, 12_663),
    "zh_gsdsimp-ud-test.conllu": (500, 12_012),
    "en_ewt-ud-dev.conllu": (2_001, 25_147),
    "en_ewt-ud-test.conllu": (2_077, 25_094),
}


@pytest.mark.parametrize("name", COUNTS)
def test_sentence_and_token_counts_equal_the_treebank(name):
    c = ud_corpus(name)
    assert (len(c.sentences), c.n_tokens) == COUNTS[name]
    assert not c.skipped and {t for s in c.sentences for _, t in s} <= set(UPOS)


def test_ewt_multiword_tokens_become_their_syntactic_words():
    c = ud_corpus("en_ewt-ud-dev.conllu")
    words = [w for s in c.sentences for w, _ in s]
    assert "n't" in words and "don't" not in words


def test_xpos_of_the_chinese_treebank():
    c = ud_corpus("zh_gsdsimp-ud-dev.conllu", "xpos")
    assert c.n_tokens == 12_663 and {"NN", "VV"} <= {t for s in c.sentences for _, t in s}


def test_a_few_epochs_on_a_slice_learn_something_and_the_baseline_is_as_stated():
    dev = ud_corpus("zh_gsdsimp-ud-dev.conllu").sentences
    test = ud_corpus("zh_gsdsimp-ud-test.conllu").sentences
    base, _ = userdata.most_frequent_tag(dev, test)
    assert round(100 * base.accuracy, 1) == 74.2                 # the data README's figure
    data = userdata.prepare(userdata.split(dev[:200], test[:100]), max_vocab=1000)
    untrained = init_rnn(data.vocab, data.tags, 16, seed=0)
    before = userdata.evaluate(untrained, data.test).overall.accuracy
    result = train(data.train, data.vocab, data.tags, TrainConfig(hidden=16, epochs=3))
    acc = userdata.evaluate(result.model, data.test).overall.accuracy
    assert before + 0.1 < acc < 0.95, (before, acc)


def test_cli_trains_one_epoch_on_a_treebank(tmp_path, capsys):
    out = tmp_path / "zh.npz"
    assert main(["train", "--conllu", str(SHARED_UD / "zh_gsdsimp-ud-dev.conllu"),
                 "--test", str(SHARED_UD / "zh_gsdsimp-ud-test.conllu"), "--epochs", "1",
                 "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "500 sentences, 12,663 tokens (upos); train 450, dev 50 (every tenth), test 500" \
        in printed
