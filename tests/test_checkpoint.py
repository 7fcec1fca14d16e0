"""Save -> load round-trips exactly; every malformed file is refused by name."""
import io
import json
import pickle
import zipfile

import numpy as np
import pytest

from rnnviz.nn import checkpoint
from rnnviz.nn.checkpoint import CheckpointError, load, save, to_bytes
from rnnviz.nn.forward import trace
from rnnviz.nn.model import RNN


@pytest.fixture
def model(small_model):
    return RNN(
        **small_model.params, vocab=("<unk>", "我", "吃", "苹果", *small_model.vocab[4:]),
        tags=small_model.tags, f="sigmoid", hparams={"hidden": 5, "note": "中文 ok"})


def arrays_of(m):
    with np.load(io.BytesIO(to_bytes(m))) as npz:
        return {k: npz[k] for k in npz.files}


def npz_bytes(arrays):
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def test_round_trip_is_exact(model, tmp_path):
    path = tmp_path / "m.npz"
    save(model, path)
    back = load(path)
    for name in "UWVbc":
        assert getattr(back, name).tobytes() == getattr(model, name).tobytes()
    assert (back.vocab, back.tags, back.f) == (model.vocab, model.tags, model.f)
    assert dict(back.hparams) == dict(model.hparams)
    np.testing.assert_array_equal(trace(back, [1, 2, 3]).o, trace(model, [1, 2, 3]).o)
    assert load(path.read_bytes()).vocab == model.vocab     # bytes work too
    with open(path, "rb") as fh:
        assert load(fh).tags == model.tags                  # and file objects


def test_no_file_member_needs_pickle(model):
    with np.load(io.BytesIO(to_bytes(model)), allow_pickle=False) as npz:
        assert sorted(npz.files) == sorted(checkpoint.KEYS)


@pytest.mark.parametrize("change, message", [
    (lambda a: a.update(W=a["W"][:, :2]), r"W must be square"),
    (lambda a: a.update(V=a["V"][:2]), r"V has shape \(2, 5\); expected \(4, 5\)"),
    (lambda a: a.update(U=a["U"].astype(np.float32)), r"U has dtype float32; expected float64"),
    (lambda a: a.update(b=a["b"].astype(np.int64)), r"b has dtype int64"),
    (lambda a: a["c"].__setitem__(0, np.nan), r"c has 1 non-finite values"),
    (lambda a: a["W"].__setitem__((0, 1), np.inf), r"W has 1 non-finite values"),
    (lambda a: a.pop("tags"), r"missing entries: tags"),
    (lambda a: a.pop("U"), r"missing entries: U"),
    (lambda a: a.update(version=np.array(99)), r"unknown format version 99"),
    (lambda a: a.update(format=np.array("keras")), r"format is 'keras'"),
    (lambda a: a.update(hparams=np.array("{not json")), r"hparams is not valid JSON"),
    (lambda a: a.update(f=np.array("gelu")), r"unknown activation 'gelu'"),
    (lambda a: a.update(vocab=np.array(["a", "b", "c"] + list(a["vocab"][3:]))),
     r"vocab\[0\] must be '<unk>'"),
    (lambda a: a.update(extra=np.zeros(3)), r"unexpected entries in the file: extra.npy"),
    (lambda a: a.update(tags=np.arange(4)), r"tags must be a 1-D text array"),
])
def test_malformed_files_are_refused_with_their_reason(model, change, message):
    arrays = arrays_of(model)
    change(arrays)
    with pytest.raises(CheckpointError, match=message):
        load(npz_bytes(arrays))


def test_pickled_objects_are_never_loaded(model):
    arrays = arrays_of(model)
    arrays["hparams"] = np.array([{"evil": "os.system"}], dtype=object)
    with pytest.raises(CheckpointError, match="pickled Python objects"):
        load(npz_bytes(arrays))


def test_a_raw_pickle_is_not_an_npz():
    with pytest.raises(CheckpointError, match="not an .npz file"):
        load(pickle.dumps({"U": [1, 2]}))


def test_truncated_file_is_refused(model):
    data = to_bytes(model)
    for cut in (len(data) // 2, len(data) - 30, 100):
        with pytest.raises(CheckpointError):
            load(data[:cut])


def test_zip_bomb_is_refused_without_inflating(model, monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in checkpoint.KEYS:
            zf.writestr(f"{key}.npy", b"\0" * (10 if key != "U" else 5_000_000))   # ~1000:1

    def inflate(*args, **kwargs):
        raise AssertionError("the archive was opened for reading arrays")
    monkeypatch.setattr(checkpoint.np, "load", inflate)
    with pytest.raises(CheckpointError, match="zip bomb"):
        load(buf.getvalue())


def test_oversized_file_is_refused(monkeypatch, model):
    monkeypatch.setattr(checkpoint, "MAX_FILE_BYTES", 1000)
    with pytest.raises(CheckpointError, match="the limit is 1,000"):
        load(to_bytes(model))


def test_hparams_are_json_text(model):
    arrays = arrays_of(model)
    assert json.loads(str(arrays["hparams"]))["note"] == "中文 ok"
