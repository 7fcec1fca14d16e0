"""The Train page: training, stopping, model files, bad uploads, two sessions at once;
its figures; and one run in Chromium with screenshots."""
import io
import json
import re
import time
import zipfile

import numpy as np
import plotly.graph_objects as go
import pytest

from conftest import charts, run_app
from rnnviz.data import LM_MODELS
from rnnviz.nn import checkpoint
from rnnviz.training.builtin import DEFAULT_MODEL
from rnnviz.figures.plotly_fence import wire_meta
from rnnviz.figures.style import Look, esc
from rnnviz.figures.training import make_confusion, make_curves, make_weights
from rnnviz.training.tagger import tag_text
from rnnviz.ui import resources

PAGE = "pages/train.py"
SESSION = "_rnnviz_session_model"


def open_page(**settings):
    at = run_app(page=PAGE)
    assert not at.exception
    for key, value in settings.items():
        at.get_by_key(key).set_value(value)
    return at.run()


def wait_done(at, timeout=90):
    """Rerun until the run has finished (AppTest does not fire run_every timers)."""
    deadline = time.monotonic() + timeout
    while "_train_run" in at.session_state and time.monotonic() < deadline:
        time.sleep(0.2)
        at.run()
    assert "_train_run" not in at.session_state, "training did not finish"
    assert not at.exception, at.exception
    return at


def session_model(at):
    return at.session_state[SESSION][0] if SESSION in at.session_state else None


def upload_model(at, name, data):
    at.file_uploader(key="train_model_file").set_value((name, data, "application/octet-stream"))
    return at.run()


# --- training ------------------------------------------------------------------

@pytest.mark.slow
def test_page_trains_a_model_that_becomes_the_sessions_own():
    at = open_page(train_epochs=3, train_hidden=6, train_seed=7)
    assert at.button(key="train_start").label == "Start training"
    at.button(key="train_start").click().run()
    wait_done(at)
    m = session_model(at)
    assert m.H == 6 and at.session_state[SESSION][1] == "trained"
    assert at.session_state["model"] == "session"         # the switch shows it
    assert m.hparams["seed"] == 7 and m.hparams["hidden"] == 6
    assert "Trained all epochs" in at.success[0].value
    assert at.metric[0].label == "Test accuracy" and at.metric[0].value.endswith("%")
    kinds = {wire_meta(json.loads(c.proto.spec)["layout"]).get("kind")
             for c in charts(at)}
    assert {"curves", "weights", "confusion"} <= kinds
    assert all(len(c.proto.alt) > 40 for c in charts(at))   # a text alternative


@pytest.mark.slow
def test_stop_works_mid_training_and_keeps_the_best_epoch():
    at = open_page(train_epochs=100, train_batch=8)
    at.button(key="train_start").click().run()
    deadline = time.monotonic() + 60
    while at.session_state["_train_run"].job.latest is None and time.monotonic() < deadline:
        time.sleep(0.1)
        at.run()
    at.button(key="train_stop").click().run()
    wait_done(at)
    run = at.session_state["_train_done"]
    assert run.job.outcome.stopped == "callback"
    assert len(run.job.history) < 100                     # stopped before the 100th epoch
    assert "Stopped at epoch" in at.success[0].value and session_model(at) is not None


@pytest.mark.slow
def test_two_sessions_training_at_once_keep_their_own_models():
    builtin_before = {k: v.copy() for k, v in resources.builtin_model().params.items()}
    a, b = open_page(train_epochs=2, train_hidden=3), open_page(train_epochs=2, train_hidden=5)
    a.button(key="train_start").click().run()
    b.button(key="train_start").click().run()
    assert a.session_state["_train_run"].job is not b.session_state["_train_run"].job
    wait_done(a)
    wait_done(b)
    assert session_model(a).H == 3 and session_model(b).H == 5
    shipped = checkpoint.load(DEFAULT_MODEL)
    for name, arr in resources.builtin_model().params.items():
        assert np.array_equal(arr, builtin_before[name]) and np.array_equal(arr, shipped.params[name])
    c = open_page()                                  # a third session sees none of it
    assert session_model(c) is None and "_train_done" not in c.session_state


# --- model files -----------------------------------------------------------------

@pytest.mark.slow
def test_download_then_upload_gives_identical_tags():
    at = open_page(train_epochs=2, train_hidden=4)
    at.button(key="train_start").click().run()
    wait_done(at)
    trained = session_model(at)
    assert not at.download_button(key="train_download").proto.disabled
    data = checkpoint.to_bytes(trained)              # what the download button serves
    fresh = open_page()
    upload_model(fresh, "rnnviz-model.npz", data)
    assert not fresh.exception and "Loaded rnnviz-model.npz" in fresh.success[0].value
    loaded = session_model(fresh)
    assert fresh.session_state[SESSION][1] == "uploaded"
    for text in ("我 吃 苹果", "I eat apples", "这 本 书 很 好"):
        assert tag_text(loaded, text).tags == tag_text(trained, text).tags
        assert np.allclose(tag_text(loaded, text).trace.o, tag_text(trained, text).trace.o)


def npz(**arrays):
    """A model file with some arrays replaced (np.savez, as an attacker could write it)."""
    m = checkpoint.load(DEFAULT_MODEL)
    with np.load(io.BytesIO(checkpoint.to_bytes(m))) as f:
        content = {k: f[k] for k in f.files}
    content.update(arrays)
    buf = io.BytesIO()
    np.savez(buf, **content)
    return buf.getvalue()


def zip_bomb():
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(npz())) as src, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info) if info.filename != "U.npy" else b"\0" * 5_000_000
            out.writestr(info.filename, data)
    return buf.getvalue()


BAD_FILES = {   # name: (file name, bytes, the words of its own message)
    "wrong shapes": ("m.npz", lambda: npz(W=np.zeros((3, 4))), "W must be square"),
    "NaN": ("m.npz", lambda: npz(V=np.full((12, 16), np.nan)), "non-finite values"),
    "pickle": ("m.npz", lambda: npz(hparams=np.array([{"x": 1}], dtype=object)),
               "pickled Python objects"),
    "truncated": ("m.npz", lambda: checkpoint.to_bytes(checkpoint.load(DEFAULT_MODEL))[:3000],
                  "not an .npz file"),
    "language model": ("lm.npz", lambda: LM_MODELS["en"].read_bytes(),
                       "it is a language model"),
    "zip bomb": ("m.npz", zip_bomb, "zip bomb"),
    "wrong extension": ("model.txt", lambda: checkpoint.to_bytes(checkpoint.load(DEFAULT_MODEL)),
                        "the name does not end in .npz"),
}


@pytest.fixture(scope="module")
def session_with_model():
    at = open_page()
    upload_model(at, "good.npz", checkpoint.to_bytes(checkpoint.load(DEFAULT_MODEL)))
    return at


@pytest.mark.parametrize("kind", BAD_FILES)
def test_each_bad_model_file_gets_its_own_message_and_the_model_is_kept(kind,
                                                                       session_with_model):
    at = session_with_model
    before = session_model(at)
    assert before is not None
    name, make, words = BAD_FILES[kind]
    upload_model(at, name, make())
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(words in e and "Your model is unchanged" in e for e in errors), errors
    assert session_model(at) is before
    others = [w for k, (_, _, w) in BAD_FILES.items() if k != kind]
    assert not any(w in e for w in others for e in errors)


# --- your own data ---------------------------------------------------------------

ROW = "{}\t{}\t_\t{}\t_\t_\t0\troot\t_\t_"


def corpus_file(n=30, broken=()):
    sents = []
    for i in range(n):
        if i in broken:
            sents.append(ROW.format(1, "bad", "NOUN").replace("\t", " ", 3))
        else:
            sents.append("\n".join([ROW.format(1, "I", "PRON"), ROW.format(2, "eat", "VERB"),
                                    ROW.format(3, f"apple{i % 4}", "NOUN")]))
    return ("\n\n".join(sents) + "\n").encode()


def upload_corpus(at, name, data):
    at.segmented_control(key="train_source").set_value("upload").run()
    at.file_uploader(key="train_corpus").set_value((name, data, "text/plain"))
    return at.run()


@pytest.mark.slow
def test_a_conllu_upload_trains_and_reports_accuracy_per_tag():
    at = upload_corpus(open_page(train_epochs=3), "mine.conllu", corpus_file())
    assert not at.exception and not at.error
    assert "train 24 / 72, dev 3 / 9, test 3 / 9" in at.caption[-1].value
    at.button(key="train_start").click().run()
    wait_done(at)
    m = session_model(at)
    assert set(m.tags) == {"NOUN", "PRON", "VERB"}
    assert [m.label for m in at.metric][:3] == ["Test accuracy", "On unknown words",
                                                "Most-frequent-tag baseline"]


def test_a_file_with_bad_sentences_loads_without_them_after_the_user_agrees():
    at = upload_corpus(open_page(), "mine.conllu", corpus_file(broken=(4, 7)))
    assert "2 of 30 sentences have problems" in at.error[0].value
    assert "line 17: cannot be read as CoNLL-U" in at.error[0].value
    assert at.button(key="train_start").proto.disabled
    at.checkbox(key="train_skip_bad").check().run()
    assert not at.exception and "2 bad sentences were left out" in at.warning[0].value
    assert not at.button(key="train_start").proto.disabled


@pytest.mark.parametrize("data, words", [
    (b"1\tI\tI\tPRON\t_\t_\n", "has 6 tab-separated columns"),
    ("word without tag".encode(), "has no /tag"),
    (b"x" * (10_000_001), "the limit is 10 MB"),
], ids=["six-columns", "no-tag", "too-big"])
def test_corpus_problems_are_named_and_nothing_breaks(data, words):
    at = upload_corpus(open_page(), "bad.conllu" if b"\t" in data[:20] else "bad.txt", data)
    assert not at.exception
    assert any(words in e.value for e in at.error), [e.value for e in at.error]


# --- what the engine says, in the interface language ----------------------------

def chinese(s: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]{2}", s))


def open_page_zh():
    at = run_app(page=PAGE, lang="zh")
    assert not at.exception
    return at


@pytest.fixture(scope="module")
def zh_session():
    """One Chinese session for the bad files: each upload replaces the last one's message."""
    return open_page_zh()


@pytest.mark.parametrize("kind, code", [
    ("zip bomb", "checkpoint.zip_bomb"), ("pickle", "checkpoint.pickle"),
    ("wrong shapes", "model.w_square"), ("truncated", "checkpoint.not_npz"),
])
def test_a_bad_model_file_is_refused_in_chinese(kind, code, zh_session):
    from rnnviz.i18n import STRINGS
    name, make, english = BAD_FILES[kind]
    with pytest.raises(checkpoint.CheckpointError) as e:
        checkpoint.load(make())
    assert e.value.code == code
    at = upload_model(zh_session, name, make())
    errors = [x.value for x in at.error]
    assert len(errors) == 1 and "没有载入" in errors[0] and english not in errors[0], errors
    assert STRINGS[f"msg.{code}"]["zh"].split("{")[0] in errors[0], errors


@pytest.mark.parametrize("data, name, words", [
    (b"1\tI\tI\tPRON\t_\t_\n", "bad.conllu", "第 1 行：有 6 列"),        # a bad sentence
    ("word without tag".encode(), "bad.txt", "没有 /标签"),                  # word/TAG line
    (b"x" * (10_000_001), "bad.txt", "上限是 10 MB"),                         # the whole file
    (b"# only a comment\n", "bad.conllu", "文件中没有标注好的句子"),
], ids=["six-columns", "no-tag", "too-big", "empty"])
def test_corpus_problems_are_said_in_chinese(data, name, words):
    at = upload_corpus(open_page_zh(), name, data)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(words in e for e in errors), errors
    assert not any(w in e for e in errors for w in ("line ", "columns", "the limit", "no tag"))


def test_skipped_sentences_are_said_in_chinese():
    at = upload_corpus(open_page_zh(), "mine.conllu", corpus_file(broken=(4, 7)))
    assert "第 17 行：无法按 CoNLL-U 格式读取" in at.error[0].value
    at.checkbox(key="train_skip_bad").check().run()
    assert "第 17 行" in at.warning[0].value and "line" not in at.warning[0].value


@pytest.mark.slow
def test_a_failed_run_is_said_in_chinese():
    at = open_page_zh()
    at.button(key="train_start").click().run()
    job = at.session_state["_train_run"].job
    job.kill()                                   # as if the process died
    wait_done(at)
    assert job.error_note.code == "training.process_ended"
    assert job.error.startswith("the training process ended unexpectedly")   # logs: English
    errors = [e.value for e in at.error]
    assert any("训练失败：训练进程意外结束（退出码" in e for e in errors), errors


def test_training_errors_carry_codes_and_keep_their_english():
    from rnnviz.i18n import say
    from rnnviz.training import userdata
    from rnnviz.training.dataset import TrainingError, encode
    from rnnviz.training.train import TrainConfig
    with pytest.raises(TrainingError) as e:
        encode([[("I", "nn"), ("x", "zz")]], ["<unk>"], ["nn"])
    assert str(e.value) == "sentence 1: tag 'zz' is not in the tagset"
    assert say(e.value, "zh") == "第 1 句：标签 'zz' 不在标签集中"
    with pytest.raises(TrainingError) as e:
        userdata.prepare(userdata.Splits((), (), (), "held out"))
    assert e.value.code == "training.no_train" and chinese(say(e.value, "zh"))
    with pytest.raises(TrainingError, match=r"lr must be in \(0, 10\), got 20") as e:
        TrainConfig(lr=20)
    assert say(e.value, "zh") == "lr 必须在区间 (0, 10) 内，实际为 20"


# --- figures -----------------------------------------------------------------------

HISTORY = [{"epoch": 1, "loss": 1.2, "train_acc": 0.6, "dev_loss": 1.0, "dev_acc": 0.65},
           {"epoch": 2, "loss": 0.8, "train_acc": 0.8, "dev_loss": 0.9, "dev_acc": 0.7}]


def test_curves_show_train_and_dev_loss_and_accuracy():
    fig = make_curves(HISTORY, [(0.5, 1.5), (1.0, 1.1)], epochs=10, best_epoch=2,
                      look=Look("zh"))
    go.Figure(fig.to_dict())
    assert [t.name for t in fig.data] == ["每批损失", "训练集", "开发集", "训练集", "开发集"]
    assert list(fig.data[4].y) == [65.0, 70.0] and fig.layout.xaxis.range[1] == 10.5
    assert fig.layout.meta["best_epoch"] == 2
    with pytest.raises(ValueError, match="history row 0 lacks loss"):
        make_curves([{"epoch": 1}])


def test_weights_show_u_for_the_most_frequent_words_w_and_v(small_model):
    fig = make_weights(small_model, max_words=5)
    go.Figure(fig.to_dict())
    assert [t.name for t in fig.data] == ["U", "W", "V"]
    assert np.array_equal(fig.data[0].z, small_model.U[:, :5])
    assert list(fig.data[0].x) == [esc(w) for w in small_model.vocab[:5]]   # <unk> escaped
    zmax = max(np.abs(small_model.U[:, :5]).max(), np.abs(small_model.W).max(),
               np.abs(small_model.V).max())
    assert fig.layout.coloraxis.cmax == fig.layout.meta["zmax"] == pytest.approx(zmax)


def test_confusion_rows_are_true_tags_and_sum_to_one():
    C = np.array([[8, 2, 0], [1, 9, 0], [0, 0, 0]])
    fig = make_confusion(C, ["nn", "v", "adj"])
    go.Figure(fig.to_dict())
    assert list(fig.data[0].y) == ["nn", "v"]                 # adj never occurs: left out
    assert fig.data[0].text.tolist() == [["8", "2"], ["1", "9"]]
    assert np.allclose(fig.data[0].z, [[0.8, 0.2], [0.1, 0.9]])
    with pytest.raises(ValueError, match="expected \\(2, 2\\)"):
        make_confusion(C, ["nn", "v"])


# --- in the browser ------------------------------------------------------------------

def test_training_in_chromium_live_then_download_and_upload(page, app_server, tmp_path):
    from browser_util import screenshot, settle
    page.goto(app_server.base)
    settle(page)
    page.get_by_role("link", name="Train").click()
    settle(page)
    page.get_by_test_id("stMain").get_by_text("Start training").click()
    page.wait_for_selector("text=W: hidden → hidden", timeout=60_000)
    page.wait_for_timeout(1000)
    screenshot(page, "training-live")
    page.wait_for_selector("text=Test accuracy", timeout=120_000)
    settle(page)
    screenshot(page, "training-done")
    assert page.locator("[data-testid='stException']").count() == 0
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download my model (.npz)").click()
    path = tmp_path / "model.npz"
    dl.value.save_as(path)
    model = checkpoint.load(path)
    settle(page)                # the page done with the download before a file is chosen
    page.locator("[data-testid='stFileUploaderDropzoneInput']").last.set_input_files(str(path))
    page.wait_for_selector("text=It is now your model", timeout=30_000)
    assert tag_text(model, "我 吃 苹果").tags == tag_text(checkpoint.load(path), "我 吃 苹果").tags
    assert page.locator("[data-testid='stException']").count() == 0


@pytest.mark.slow
def test_stop_ends_the_run_in_its_own_rerun_and_says_the_epoch():
    """Issue 17, item 7: the Stop click's own rerun ends the run (the child stops after
    its mini-batch and sends its outcome at once) and says at which epoch."""
    at = run_app(page="pages/train.py", train_seed="7")
    assert at.session_state["train_seed"] == 7                 # a seed from the link
    at.button(key="train_start").click().run()
    job = at.session_state["_train_run"].job
    deadline = time.monotonic() + 120
    while (job.where is None or job.where.epoch < 2) and time.monotonic() < deadline:
        time.sleep(0.05)
        job.poll()
    at.run()                                                   # the Stop button is drawn
    job.poll()
    epoch_before = job.where.epoch
    at.button(key="train_stop").click().run()
    assert "_train_run" not in at.session_state                # ended in this very rerun
    notes = [s.value for s in at.success]
    m = re.search(r"Stopped at epoch (\d+) of (\d+)", " ".join(notes))
    assert m, notes
    assert epoch_before <= int(m.group(1)) <= epoch_before + 1
