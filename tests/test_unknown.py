"""Unknown words switch on the column of their class (rnnviz/text/unknown.py), and every
picture names that column."""
import numpy as np
import pytest

from rnnviz.nn import checkpoint
from rnnviz.figures.formula import make_formula
from rnnviz.figures.heatmaps import make_heatmaps
from rnnviz.figures.neurons import make_neurons
from rnnviz.figures.unrolled import make_unrolled
from rnnviz.nn.model import init_rnn
from rnnviz.training.tagger import tag_text
from rnnviz.text.unknown import classes, is_class, lookup, replacement_ids

VOCAB = ("<unk>", "我", "吃", "i", "like", "<unk:zh-n>", "<unk:-ing>", "<unk:en>", "<unk:num>")


@pytest.fixture
def model():
    return init_rnn(VOCAB, ("nn", "v", "pu"), 4, seed=1)


@pytest.mark.parametrize("key, first", [
    ("榴莲", "<unk:zh-n>"),            # a noun in jieba's dictionary
    ("打开", "<unk:zh-v>"),
    ("recurrent", "<unk:-ent>"), ("learning", "<unk:-ing>"), ("quickly", "<unk:-ly>"),
    ("2026", "<unk:num>"), ("3.14", "<unk:num>"), ("三十", "<unk:num>"),
    ("，", "<unk:punct>"), ("x86", "<unk:digits>"), ("well-known", "<unk:hyphen>"),
])
def test_classes_by_what_a_word_looks_like(key, first):
    assert classes(key)[0] == first
    assert all(is_class(c) for c in classes(key))


def test_lookup_falls_back_to_the_most_specific_class_the_model_has(model):
    index = model.word_index
    ids = lookup(index, ["我", "榴莲", "dancing", "recurrent", "2026", "é"])
    assert [model.vocab[i] for i in ids] == ["我", "<unk:zh-n>", "<unk:-ing>", "<unk:en>",
                                             "<unk:num>", "<unk>"]


def test_a_model_saved_without_classes_reads_every_unknown_word_as_unk(tmp_path):
    old = init_rnn(("<unk>", "我", "吃"), ("nn", "v"), 3, seed=0)
    checkpoint.save(old, tmp_path / "old.npz")
    m = checkpoint.load(tmp_path / "old.npz")
    tg = tag_text(m, "我 吃 榴莲")
    assert tg.trace.x.tolist() == [1, 2, 0] and tg.unknown == (False, False, True)
    assert replacement_ids(m.vocab).tolist() == [0, 0, 0]


def test_every_picture_names_the_class_column(model):
    tg = tag_text(model, "我 吃 榴莲")
    tr = tg.trace
    assert model.vocab[tr.x[2]] == "<unk:zh-n>" and tg.unknown == (False, False, True)
    u = make_heatmaps(tr, 3).data[0]                       # U's columns of the sentence
    assert "榴莲→&lt;unk:zh-n&gt;" in str(u.x[2])
    np.testing.assert_array_equal(np.asarray(u.z, float)[:, 2], model.U[:, tr.x[2]])
    neurons = str(make_neurons(tr, 3).to_dict())
    assert "unk:zh-n" in neurons
    formula = make_formula(tr, 3).to_dict()
    assert "unk:zh-n" in str(formula["layout"])
    unrolled = str(make_unrolled(tr, 3, unknown=tg.unknown).to_dict())
    assert "unk:zh-n" in unrolled
