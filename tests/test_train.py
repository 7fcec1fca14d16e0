"""Training: it learns, it is reproducible to the bit, and it can be stopped."""
import numpy as np
import pytest

from rnnviz.training.dataset import batches, build_vocab, encode, pad, word_dropout
from rnnviz.training.evaluate import loss_and_accuracy
from rnnviz.training.train import Progress, TrainConfig, init_model, train
from rnnviz.text.unknown import replacement_ids

# A tiny task only a recurrence can solve: the tag of "x" is the previous word's class.
SENTS = []
for first, tag in (("eat", "nn"), ("the", "nn"), ("i", "v"), ("we", "v")):
    for other in ("x", "y"):
        SENTS.append([(first, "a"), ("x", tag), (other, "b")])
        SENTS.append([(other, "b"), (first, "a"), ("x", tag)])
TAGS = ("a", "b", "nn", "v")


def ident(w):
    return w


def data():
    vocab = build_vocab(SENTS, key=ident)
    return vocab, encode(SENTS, vocab, TAGS, key=ident)


def test_loss_decreases_and_the_recurrence_solves_the_task():
    vocab, pairs = data()
    cfg = TrainConfig(hidden=8, lr=0.05, epochs=60, batch_size=4, word_dropout=0.0,
                      patience=None)
    result = train(pairs, vocab, TAGS, cfg)
    losses = [row["loss"] for row in result.history]
    assert losses[-1] < 0.1 * losses[0]
    assert loss_and_accuracy(result.model, pairs)[1] == 1.0
    ff = train(pairs, vocab, TAGS, TrainConfig(**{**cfg.__dict__, "recurrent": False}))
    assert not ff.model.W.any()                            # W stayed exactly 0
    assert loss_and_accuracy(ff.model, pairs)[1] < 1.0     # one word at a time cannot


@pytest.mark.parametrize("optimizer,lr", [("adam", 0.02), ("sgd", 0.5)])
def test_same_seed_gives_bitwise_identical_weights(optimizer, lr):
    vocab, pairs = data()
    cfg = TrainConfig(hidden=6, optimizer=optimizer, lr=lr, epochs=5, batch_size=3,
                      word_dropout=0.2, seed=11)
    a = train(pairs, vocab, TAGS, cfg).model
    b = train(pairs, vocab, TAGS, cfg).model
    c = train(pairs, vocab, TAGS, TrainConfig(**{**cfg.__dict__, "seed": 12})).model
    for name in "UWVbc":
        assert getattr(a, name).tobytes() == getattr(b, name).tobytes()
    assert a.W.tobytes() != c.W.tobytes()


def test_callback_sees_progress_and_can_stop_mid_epoch():
    vocab, pairs = data()
    seen: list[Progress] = []

    def cb(p):
        seen.append(p)
        return p.kind == "step" and p.step == 3

    result = train(pairs, vocab, TAGS, TrainConfig(epochs=10, batch_size=2), callback=cb)
    assert result.stopped == "callback"
    steps = [p for p in seen if p.kind == "step"]
    assert [p.step for p in steps] == [1, 2, 3]
    assert steps[-1].steps_per_epoch == 8 and 0 < steps[-1].fraction < 0.05
    assert seen[-1].kind == "epoch" and len(result.history) == 1   # partial epoch reported


def test_early_stopping_keeps_the_best_dev_epoch():
    vocab, pairs = data()
    dev = pairs[:4]
    result = train(pairs, vocab, TAGS, TrainConfig(hidden=4, lr=0.5, optimizer="sgd",
                                                   epochs=200, batch_size=16, patience=3),
                   dev_pairs=dev)
    assert result.stopped == "early"
    best = max(result.history, key=lambda r: (r["dev_acc"], -r["dev_loss"]))
    assert result.best_epoch == best["epoch"]
    assert loss_and_accuracy(result.model, dev) == pytest.approx(
        (best["dev_loss"], best["dev_acc"]), rel=1e-12)


def test_averaged_weights_are_the_moving_average_of_every_step():
    """average=β keeps avg <- β avg + (1 - β) θ after each step; without dev text the
    kept model is that average, with dev text the dev check judges the average."""
    vocab, pairs = data()
    beta, seen = 0.9, []
    cfg = TrainConfig(hidden=5, lr=0.05, epochs=3, batch_size=4, seed=3, average=beta)

    def cb(p):
        if p.kind == "step":
            seen.append({k: v.copy() for k, v in p.model.params.items()})

    kept = train(pairs, vocab, TAGS, cfg, callback=cb).model
    start = init_model(cfg, vocab, TAGS, np.random.default_rng(cfg.seed), {})   # as train's
    avg = {k: v.copy() for k, v in start.params.items()}
    for theta in seen:
        for k in avg:
            avg[k] = beta * avg[k] + (1 - beta) * theta[k]
    for k in avg:
        np.testing.assert_allclose(kept.params[k], avg[k], rtol=1e-10, atol=1e-12)
        assert not np.allclose(kept.params[k], seen[-1][k])     # not the last weights
    assert kept.hparams["average"] == beta
    judged = train(pairs, vocab, TAGS, cfg, dev_pairs=pairs[:4])
    best = next(r for r in judged.history if r["epoch"] == judged.best_epoch)
    assert loss_and_accuracy(judged.model, pairs[:4])[0] == pytest.approx(best["dev_loss"],
                                                                          rel=1e-12)
    with pytest.raises(ValueError, match="average must be in"):
        TrainConfig(average=1.0)


def _zero_gradients(monkeypatch):
    """cells.bptt as seen by train(): every gradient 0 (Adam then moves nothing)."""
    from rnnviz.training import train as train_module
    monkeypatch.setattr(train_module.cells, "bptt", lambda m, fw, Y, mask=None, truncate=None:
                        {k: np.zeros_like(v) for k, v in m.params.items()})


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_w_decay_shrinks_w_alone_by_its_factor_every_step(monkeypatch, cell):
    """w_decay=λ: W <- W (1 - η λ) after every optimiser step, U, V, b, c untouched
    (decoupled: not through the gradient); the gated cells' recurrent W too."""
    vocab, pairs = data()
    _zero_gradients(monkeypatch)
    cfg = TrainConfig(hidden=5, lr=0.01, epochs=2, batch_size=4, seed=3, w_decay=3.0,
                      word_dropout=0.0, cell=cell)
    start = init_model(cfg, vocab, TAGS, np.random.default_rng(cfg.seed), {})
    kept = train(pairs, vocab, TAGS, cfg).model
    steps = 2 * (len(pairs) // 4)
    assert np.allclose(kept.W, start.W * (1 - 0.01 * 3.0) ** steps, rtol=1e-12, atol=0)
    assert not np.allclose(kept.W, start.W, rtol=1e-3)          # it did shrink
    for name in start.params:
        if name != "W":
            assert np.allclose(kept.params[name], start.params[name], rtol=0, atol=1e-15)
    assert kept.hparams["w_decay"] == 3.0


def test_w_decay_zero_trains_as_before_and_leaves_a_w0_model_at_zero():
    vocab, pairs = data()
    cfg = TrainConfig(hidden=6, lr=0.02, epochs=4, batch_size=3, seed=5, word_dropout=0.2)
    plain = train(pairs, vocab, TAGS, cfg).model
    zero = train(pairs, vocab, TAGS, TrainConfig(**{**cfg.__dict__, "w_decay": 0.0})).model
    for name in plain.params:
        assert np.allclose(zero.params[name], plain.params[name], rtol=0, atol=1e-12)
    assert "w_decay" not in plain.hparams                 # the record is as before
    decayed = train(pairs, vocab, TAGS, TrainConfig(**{**cfg.__dict__, "w_decay": 5.0})).model
    assert np.abs(decayed.W).sum() < np.abs(plain.W).sum()
    ff = train(pairs, vocab, TAGS, TrainConfig(**{**cfg.__dict__, "w_decay": 5.0,
                                                  "recurrent": False})).model
    ff0 = train(pairs, vocab, TAGS, TrainConfig(**{**cfg.__dict__, "recurrent": False})).model
    assert not ff.W.any()                                 # W = 0 stays 0 ...
    for name in ff.params:                                # ... and nothing else moves
        assert np.allclose(ff.params[name], ff0.params[name], rtol=0, atol=1e-12)


def test_w_decay_is_validated():
    with pytest.raises(ValueError, match="w_decay must be ≥ 0, got -0.5"):
        TrainConfig(w_decay=-0.5)
    with pytest.raises(ValueError, match="w_decay must be ≥ 0"):
        TrainConfig(w_decay=float("nan"))
    assert TrainConfig(w_decay=0.0).w_decay == 0.0 and TrainConfig(w_decay=3).w_decay == 3


def test_gradient_clipping_bounds_the_step():
    vocab, pairs = data()
    norms = []
    train(pairs, vocab, TAGS, TrainConfig(epochs=1, batch_size=16, clip=1e-3, lr=1.0,
                                          optimizer="sgd"),
          callback=lambda p: norms.append(p.grad_norm) and False)
    assert norms and all(n > 1e-3 for n in norms)          # reported before clipping


def test_config_is_validated_with_a_message():
    with pytest.raises(ValueError, match="optimizer must be one of"):
        TrainConfig(optimizer="rmsprop")
    with pytest.raises(ValueError, match="word_dropout must be in"):
        TrainConfig(word_dropout=1.0)
    with pytest.raises(ValueError, match="unknown activation"):
        TrainConfig(f="gelu")


def test_padding_batches_and_word_dropout():
    pairs = [(np.array([1, 2, 3]), np.array([0, 1, 0])), (np.array([4]), np.array([1]))]
    X, Y, mask = pad(pairs)
    assert X.tolist() == [[1, 2, 3], [4, 0, 0]] and mask.tolist() == [[1, 1, 1], [1, 0, 0]]
    rng = np.random.default_rng(0)
    dropped = word_dropout(np.full((50, 40), 7), np.ones((50, 40), bool), 0.25, rng)
    assert 0.22 < (dropped == 0).mean() < 0.28
    assert sum(len(b[0]) for b in batches(pairs * 5, 4, rng)) == 10


def test_vocab_is_ordered_by_frequency_and_capped():
    sents = [[("b", "x"), ("a", "x"), ("b", "x")], [("c", "x"), ("b", "x"), ("a", "x")]]
    assert build_vocab(sents, key=ident, min_class_count=None) == ("<unk>", "b", "a", "c")
    assert build_vocab(sents, key=ident, max_size=3, min_class_count=None) == ("<unk>", "b", "a")
    # the unknown-word classes that stand for >= 3 tokens come after the words
    assert build_vocab(sents, key=ident, max_size=3) == ("<unk>", "b", "a", "<unk:en>")
    with pytest.raises(ValueError, match="sentence 1: tag 'x' is not in the tagset"):
        encode(sents, ("<unk>",), ("y",), key=ident)


def test_unknown_words_switch_on_their_class_column():
    sents = [[("walking", "v"), ("talking", "v"), ("singing", "v"), ("榴莲", "nn")]]
    vocab = build_vocab(sents, max_size=2)                    # keeps "walking" only
    assert vocab[:2] == ("<unk>", "walking") and "<unk:-ing>" in vocab
    (x, _), = encode([[("dancing", "v"), ("walking", "v"), ("é", "v")]], vocab, ["v"])
    assert [vocab[i] for i in x] == ["<unk:-ing>", "walking", "<unk>"]
    # a vocabulary without classes (a model saved before them): unknown -> <unk>
    (x, _), = encode([[("dancing", "v")]], ("<unk>", "walking"), ["v"])
    assert x.tolist() == [0]
    # word dropout sends a dropped word to its class, not to <unk>
    to = replacement_ids(vocab)
    assert vocab[to[vocab.index("walking")]] == "<unk:-ing>"
    assert to[vocab.index("<unk:-ing>")] == vocab.index("<unk:-ing>") and to[0] == 0
    X = np.full((20, 30), vocab.index("walking"))
    dropped = word_dropout(X, np.ones(X.shape, bool), 0.5, np.random.default_rng(0), to)
    assert set(np.unique(dropped)) == {vocab.index("walking"), vocab.index("<unk:-ing>")}


def test_rare_words_are_dropped_more_often():
    from rnnviz.training.train import dropout_rates
    pairs = [(np.array([1, 1, 1, 2]), np.array([0, 0, 0, 0]))]
    cfg = TrainConfig(word_dropout=0.1, rare_dropout=1.0)
    p = dropout_rates(pairs, 4, cfg)
    assert p[1] == pytest.approx(0.1 + 1 / 4) and p[2] == pytest.approx(0.1 + 1 / 2)
    assert p[3] == pytest.approx(0.9)                       # never seen: capped
    assert dropout_rates(pairs, 4, TrainConfig(word_dropout=0.1)) == 0.1
