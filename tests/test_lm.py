"""The RNN as a language model: the loss's gradients, sampling, the n-gram baselines,
the shipped models' perplexity, the next/generate/eval commands."""
import numpy as np
import pytest
from conftest import SHARED_UD

from rnnviz.cli import main
from rnnviz.data import DEFAULT_MODEL, LM_MODELS
from rnnviz.nn import lm
from rnnviz.nn.bptt import bptt
from rnnviz.nn.forward import forward
from rnnviz.nn.gradcheck import TOLERANCE, gradcheck, random_lm_case
from rnnviz.nn.loss import token_losses
from rnnviz.text.unknown import replacement_ids
from rnnviz.training import ngram
from rnnviz.training.dataset import batches, bucketed_batches
from rnnviz.training.language_model import build_lm_vocab, encode, load_lm
from rnnviz.training.next_word import generate_text, next_words
from rnnviz.training.perplexity import measure
from rnnviz.training.train import train

# --------------------------------------------------------------------------- the loss

@pytest.mark.parametrize("f", ["tanh", "relu"])
def test_bptt_of_the_next_word_loss_matches_finite_differences(f):
    errors = gradcheck(*random_lm_case(f, seed=3, H=3, n_words=5, B=2, T=5))
    assert max(errors.values()) <= TOLERANCE, errors


def test_the_loss_at_step_t_is_minus_log_o_t_of_the_next_word():
    m, X, Y, mask = random_lm_case()
    fw = forward(m, X)
    for b, t in zip(*np.nonzero(mask[:, 1:] & (Y[:, :-1] > lm.EOS_ID))):
        assert X[b, t + 1] == m.word_index[m.tags[Y[b, t]]]      # target t is input t + 1
    L = token_losses(fw.z, Y)                                  # (T, B)
    b, t = 0, 2
    assert L[t, b] == pytest.approx(-np.log(fw.o[t, b, Y[b, t]]))
    assert Y[0, mask[0].sum() - 1] == lm.EOS_ID                # </s> after the last word
    assert bptt(m, fw, Y, mask).dV.shape == (m.K, m.H)         # V: a row per output word


def test_an_lm_has_words_and_end_as_outputs_and_bos_as_input():
    m = lm.init_lm(["a", "b"], ["<unk:en>"], 4)
    assert m.vocab == ("<unk>", "<s>", "a", "b", "<unk:en>")
    assert m.tags == ("<unk>", "</s>", "a", "b") and lm.is_lm(m)
    assert list(lm.banned(m)) == [True, False, False, False]
    assert replacement_ids(m.vocab)[1] == 1                    # word dropout keeps <s>


# --------------------------------------------------------------------------- sampling

BAN = np.array([True, False, False, False, False, False])
Z = np.array([9.0, 0.5, 2.0, 1.0, 3.0, -1.0])                 # <unk> has the largest logit


def test_temperature_zero_is_the_largest_allowed_logit():
    p = lm.next_distribution(Z, BAN, 0)
    assert p.tolist() == [0, 0, 0, 0, 1, 0]


def test_temperature_divides_the_logits_and_banned_outputs_get_zero():
    p = lm.next_distribution(Z, BAN, 2.0)
    e = np.exp(Z[1:] / 2.0)
    np.testing.assert_allclose(p[1:], e / e.sum())
    assert p[0] == 0


def test_top_k_keeps_the_k_most_likely_allowed_outputs():
    p = lm.next_distribution(Z, BAN, 1.0, top_k=2)
    assert set(np.flatnonzero(p)) == {4, 2} and p.sum() == pytest.approx(1)


@pytest.mark.parametrize("bad", [{"temperature": -0.1}, {"top_k": 0}])
def test_bad_sampling_settings_are_refused(bad):
    with pytest.raises(ValueError):
        lm.next_distribution(Z, BAN, **{"temperature": 1.0, **bad})


def small_lm(seed=0):
    m = lm.init_lm([f"w{i}" for i in range(8)], (), 6, seed=seed)
    return m.with_params(c=m.c + np.r_[4.0, -50.0, np.zeros(m.K - 2)])  # <unk> likely, no </s>


def test_generation_never_emits_unk_and_the_same_seed_gives_the_same_words():
    m = small_lm()
    bos = [m.word_index[lm.BOS]]
    runs = [lm.generate(m, bos, 60, np.random.default_rng(s), temperature=1.5) for s in (7, 7, 8)]
    assert runs[0] == runs[1] and runs[0] != runs[2]
    assert all(0 not in ids and len(ids) == 60 for ids, _ in runs)


def test_generation_stops_at_the_end_of_sentence():
    m = lm.init_lm(["a", "b"], (), 4, seed=0)
    m = m.with_params(c=np.array([0.0, 20.0, 0.0, 0.0]))       # </s> almost sure
    ids, ended = lm.generate(m, [m.word_index[lm.BOS]], 10, np.random.default_rng(0))
    assert ids == [] and ended


def test_greedy_generation_follows_the_argmax_and_top_k_one_equals_it():
    m = small_lm(1)
    bos = [m.word_index[lm.BOS]]
    greedy, _ = lm.generate(m, bos, 5, np.random.default_rng(0), temperature=0)
    top1, _ = lm.generate(m, bos, 5, np.random.default_rng(9), temperature=1.0, top_k=1)
    assert greedy == top1
    fw = forward(m, np.array([bos + [m.word_index[m.tags[k]] for k in greedy[:-1]]]))
    z = fw.z[:, 0].copy()
    z[:, lm.banned(m)] = -np.inf
    assert greedy == z.argmax(-1).tolist()


# --------------------------------------------------------------------------- n-grams

def test_ngram_distributions_sum_to_one_and_are_positive():
    rng = np.random.default_rng(0)
    K = 7
    seqs = [np.r_[rng.integers(0, K, rng.integers(1, 6)), 1] for _ in range(40)]
    seqs[0][0] = 0
    for model in (ngram.Unigram(seqs, K), ngram.KneserNeyBigram(seqs, K)):
        for v in range(K + 1):                               # every context, <s> = K
            p = model.distribution(v)
            assert p.sum() == pytest.approx(1, abs=1e-12) and (p > 0).all()
        y = seqs[3]
        direct = sum(np.log(model.distribution(v)[w]) for v, w in zip(ngram.contexts(y, K), y))
        assert model.log_prob(y) == pytest.approx(direct)


def test_kneser_ney_discounts_and_backs_off():
    seqs = [np.array([2, 3, 1]), np.array([2, 3, 1]), np.array([3, 2, 1])]
    kn = ngram.KneserNeyBigram(seqs, 4)
    assert 0 < kn.D <= 1
    p = kn.distribution(3)                                   # after 3: 1 twice, 2 once
    assert p[1] > p[2] > p[0]


# --------------------------------------------------------------------------- data

def test_vocabulary_caps_the_words_and_unknown_targets_are_unk():
    train = [["the", "cat", "sat"], ["the", "cat"], ["a", "dog", "sat"]]
    vocab, tags = build_lm_vocab(train, max_words=2, min_count=2)
    assert tags == ("<unk>", "</s>", "the", "cat")
    (x, y), = encode([["The", "dog"]], vocab, tags)
    assert y.tolist() == [2, 0, lm.EOS_ID]                   # dog: the one target <unk>
    assert x[0] == vocab.index("<s>") and x[1] == vocab.index("the")


def test_bucketed_batches_hold_every_sentence_once_with_little_padding():
    rng = np.random.default_rng(0)
    pairs = [(np.arange(n), np.arange(n)) for n in rng.integers(1, 40, 300)]
    got = list(bucketed_batches(pairs, 8, np.random.default_rng(1), pool=5))
    assert sorted(int(m.sum()) for _, _, mask in got for m in mask) == \
        sorted(len(x) for x, _ in pairs)
    padded = sum(X.size for X, _, _ in got)
    plain = sum(X.size for X, _, _ in batches(pairs, 8, np.random.default_rng(1)))
    assert padded < 0.7 * plain


def test_early_stopping_on_dev_loss_is_asked_by_name():
    with pytest.raises(ValueError, match="best_by"):
        train([], ["a"], ["t"], best_by="perplexity")


# --------------------------------------------------------------------------- shipped models

@pytest.fixture(scope="module")
def zh():
    return load_lm("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shipped_models_are_language_models_of_the_tagger_s_size(lang):
    m = load_lm(lang)
    assert lm.is_lm(m) and m.H == 16 and m.K <= 2 + 2000 and m.hparams["lang"] == lang
    assert set(m.tags[2:]) <= set(m.vocab) and m.vocab[1] == lm.BOS


def test_next_words_after_a_prompt_are_words_with_their_probabilities(zh):
    nw = next_words(zh, "我 吃", 5)
    assert nw.prompt.tokens == ("我", "吃") and len(nw.candidates) == 5
    ps = [p for _, p in nw.candidates]
    assert ps == sorted(ps, reverse=True) and all(w != "<unk>" for w, _ in nw.candidates)


def test_generate_text_is_reproducible_and_greedy_is_deterministic(zh):
    a = generate_text(zh, "我", 10, temperature=0.8, seed=1)
    assert a.words == generate_text(zh, "我", 10, temperature=0.8, seed=1).words
    assert generate_text(zh, "我", 10, temperature=0, seed=1).words == \
        generate_text(zh, "我", 10, temperature=0, seed=2).words
    assert "<unk>" not in a.words and len(a.words) <= 10


@pytest.mark.slow         # 5–15 s: the training text encoded to count the n-grams
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shipped_model_beats_the_bigram_on_the_built_in_test_split(lang, tmp_path):
    row, = measure(lang, load_lm(lang), ud_dir=tmp_path)         # no UD file: built-in only
    ppl = row.perplexity
    assert row.name == "built-in test" and row.targets > 2000
    assert ppl["RNN"] < ppl["bigram (KN)"] < ppl["unigram"], ppl


@pytest.mark.slow         # 10–30 s: the UD test text read and the n-grams counted
@pytest.mark.skipif(not SHARED_UD.exists(), reason="../shared/data/ud is not here")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shipped_model_beats_the_bigram_on_the_ud_test_text(lang):
    """Held-out real text (measuring only): the RNN's perplexity is below the
    interpolated Kneser-Ney bigram's counted on the same training text."""
    rows = {r.name: r.perplexity for r in measure(lang, load_lm(lang), ud_dir=SHARED_UD)}
    ppl = rows["UD test"]
    assert ppl["RNN"] < ppl["bigram (KN)"] < ppl["unigram"], ppl


@pytest.mark.slow         # trains: one epoch, H = 4, 300 words (1.5 s)
def test_train_lm_gives_a_language_model_that_records_its_task_and_data():
    from dataclasses import replace

    from rnnviz.training.language_model import LM_CONFIG, train_lm
    result = train_lm("en", replace(LM_CONFIG, epochs=1, hidden=4), max_words=300)
    m = result.model
    assert lm.is_lm(m) and m.K == 302 and m.H == 4
    assert m.hparams["lang"] == "en" and np.isfinite(m.hparams["dev_loss"])


# --------------------------------------------------------------------------- commands

def test_next_prints_the_top_five(capsys):
    assert main(["next", "我 吃"]) == 0
    out = capsys.readouterr().out
    assert "after 我 吃" in out and out.count("\n  ") >= 6 and "  5. " in out


def test_generate_prints_the_same_text_for_the_same_seed(capsys):
    args = ["generate", "I", "--temperature", "0.8", "--seed", "1", "-n", "10"]
    assert main(args) == 0
    first = capsys.readouterr()
    assert main(args) == 0
    assert capsys.readouterr().out == first.out and first.out.startswith("I ")
    assert "seed 1" in first.err


@pytest.mark.slow         # as above, both languages
def test_eval_task_lm_prints_the_perplexity_table(monkeypatch, tmp_path, capsys):
    from rnnviz.training import perplexity
    monkeypatch.setattr(perplexity, "UD_DIR", tmp_path)           # the built-in split only
    assert main(["eval", "--task", "lm"]) == 0
    out = capsys.readouterr().out
    assert "bigram (KN)" in out and out.count("built-in test") == 2


@pytest.mark.parametrize("args", [
    ["generate", "我", "--temperature", "-1"],
    ["generate", "我", "--top-k", "0"],
    ["generate", "我", "-n", "100000"],
    ["next", "我", "-k", "0"],
    ["next", "我", "--model", str(DEFAULT_MODEL)],                # a tagger
    ["next", "我", "--model", "no/such/file.npz"],
    ["train", "--task", "lm", "--conllu", "x.conllu"],       # the tagger's options
    ["train", "--task", "lm", "--out", "x.npz"],             # two languages, one file
    ["train", "--lang", "zh"],                               # --lang without --task lm
    ["eval", "--task", "lm", "--lstm", "x.npz"],
    ["tag", "我", "--model", str(LM_MODELS["zh"])],             # a language model
])
def test_bad_input_is_a_clear_message_and_a_nonzero_exit(args, capsys):
    assert main(args) != 0
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
