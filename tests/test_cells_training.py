"""The LSTM and GRU trained by the RNN's loop, saved and loaded as the RNN's files are."""
import io
import zipfile

import numpy as np
import pytest

from rnnviz.nn import cells, checkpoint
from rnnviz.nn.checkpoint import CheckpointError, load, save, to_bytes
from rnnviz.nn.gru import GRU, init_gru
from rnnviz.nn.lstm import LSTM, init_lstm
from rnnviz.nn.model import init_rnn
from rnnviz.training.evaluate import loss_and_accuracy
from rnnviz.training.tagger import tag_text
from rnnviz.training.train import TrainConfig, train
from test_checkpoint import arrays_of, npz_bytes
from test_train import TAGS, data

VOCAB = ("<unk>", "我", "吃", "苹果", "the")
INITS = {"lstm": init_lstm, "gru": init_gru}


def gated(cell, seed=1):
    return INITS[cell](VOCAB, ("nn", "v", "pu"), 4, seed=seed, hparams={"note": "中文 ok"})


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_training_lowers_the_loss_and_the_model_round_trips(cell, tmp_path):
    vocab, pairs = data()
    cfg = TrainConfig(hidden=8, lr=0.05, epochs=40, batch_size=4, word_dropout=0.0,
                      patience=None, cell=cell)
    result = train(pairs, vocab, TAGS, cfg)
    m = result.model
    assert cells.cell_of(m) == cell
    losses = [row["loss"] for row in result.history]
    assert losses[-1] < 0.2 * losses[0]
    assert loss_and_accuracy(m, pairs)[1] == 1.0            # the task needs the previous word
    assert m.hparams["cell"] == cell and "f" not in m.hparams
    path = tmp_path / f"{cell}.npz"
    save(m, path)
    back = load(path, cells=cells.CELLS)
    assert type(back) is type(m)
    for name, arr in m.params.items():
        assert getattr(back, name).tobytes() == arr.tobytes()
    assert (back.vocab, back.tags, dict(back.hparams)) == (m.vocab, m.tags, dict(m.hparams))
    x = pairs[0][0]
    np.testing.assert_array_equal(cells.trace(back, x).o, cells.trace(m, x).o)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_a_gated_run_is_reproducible_to_the_bit(cell):
    vocab, pairs = data()
    cfg = TrainConfig(hidden=5, epochs=3, batch_size=3, word_dropout=0.2, seed=4, cell=cell,
                      truncate=2)
    a, b = (train(pairs, vocab, TAGS, cfg).model for _ in range(2))
    assert all(a.params[k].tobytes() == b.params[k].tobytes() for k in a.PARAM_NAMES)


def test_the_rnn_run_is_the_one_before_the_cell_option():
    """cell="rnn" draws the same numbers in the same order as init_rnn: its record has
    no "cell" key, so its file is byte for byte what it was."""
    vocab, pairs = data()
    cfg = TrainConfig(hidden=6, epochs=2, batch_size=3, seed=5)
    m = train(pairs, vocab, TAGS, cfg).model
    assert "cell" not in m.hparams and m.hparams["f"] == "tanh"
    assert cells.cell_of(m) == "rnn"
    assert str(arrays_of(m)["format"]) == "rnnviz-rnn" and "f" in arrays_of(m)


def test_cell_settings_are_checked():
    with pytest.raises(ValueError, match="cell must be one of"):
        TrainConfig(cell="transformer")
    with pytest.raises(ValueError, match="the LSTM cell has no W = 0 variant"):
        TrainConfig(cell="lstm", recurrent=False)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_a_gated_file_states_its_cell(cell):
    arrays = arrays_of(gated(cell))
    assert str(arrays["format"]) == f"rnnviz-{cell}"
    assert sorted(arrays) == sorted(checkpoint.KEYS_BY_CELL[cell])
    assert "f" not in arrays and ("bh" in arrays) == (cell == "gru")


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_where_an_rnn_is_expected_a_gated_file_is_refused_by_name(cell):
    data = to_bytes(gated(cell))
    with pytest.raises(CheckpointError, match=f"model of the {cell.upper()} cell; here it "
                                              f"must be RNN") as e:
        load(data)                                 # the default: the app's upload
    assert e.value.note.code == "checkpoint.cell"
    with pytest.raises(CheckpointError, match="must be LSTM/GRU"):
        load(to_bytes(init_rnn(VOCAB, ("nn", "v"), 3)), cells=("lstm", "gru"))
    assert isinstance(load(data, cells=cells.CELLS), (LSTM, GRU))


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("change, message", [
    (lambda a: a.update(W=a["W"][:-1]), r"W has shape \(\d+, 4\); expected"),
    (lambda a: a.update(U=a["U"][:4]), r"U has shape \(4, 5\); expected"),
    (lambda a: a.update(b=a["b"].astype(np.float32)), r"b has dtype float32"),
    (lambda a: a["V"].__setitem__(0, np.nan), r"V has 4 non-finite values"),
    (lambda a: a.pop("c"), r"missing entries: c"),
    (lambda a: a.pop("format"), r"missing entries: format"),
    (lambda a: a.update(f=np.array("tanh")), r"unexpected entries in the file: f.npy"),
    (lambda a: a.update(extra=np.zeros(3)), r"unexpected entries in the file: extra.npy"),
    (lambda a: a.update(format=np.array("rnnviz-transformer")),
     r"format is 'rnnviz-transformer', not 'rnnviz-rnn/rnnviz-lstm/rnnviz-gru'"),
    (lambda a: a.update(version=np.array(2)), r"unknown format version 2"),
    (lambda a: a.update(vocab=np.array(["a", *a["vocab"][1:]])), r"vocab\[0\] must be"),
])
def test_malformed_gated_files_are_refused_with_their_reason(cell, change, message):
    arrays = arrays_of(gated(cell))
    change(arrays)
    with pytest.raises(CheckpointError, match=message):
        load(npz_bytes(arrays), cells=cells.CELLS)


def test_an_lstm_file_with_the_grus_bias_is_refused():
    arrays = arrays_of(gated("lstm"))
    arrays["bh"] = np.zeros(4)
    with pytest.raises(CheckpointError, match="unexpected entries in the file: bh.npy"):
        load(npz_bytes(arrays), cells=cells.CELLS)


def test_a_gated_zip_bomb_is_refused_without_inflating(monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in checkpoint.KEYS_BY_CELL["gru"]:
            zf.writestr(f"{key}.npy", b"\0" * (10 if key != "U" else 5_000_000))

    def inflate(*args, **kwargs):
        raise AssertionError("the archive was opened for reading arrays")
    monkeypatch.setattr(checkpoint.np, "load", inflate)
    with pytest.raises(CheckpointError, match="zip bomb"):
        load(buf.getvalue(), cells=cells.CELLS)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_the_tagger_runs_a_gated_model(cell):
    m = gated(cell)
    tg = tag_text(m, "我 吃 苹果")
    assert tg.tokens == ("我", "吃", "苹果") and len(tg.tags) == 3 and tg.finite
    assert cells.n_params(m) == sum(a.size for a in m.params.values())
