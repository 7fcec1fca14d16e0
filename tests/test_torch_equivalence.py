"""Same weights in PyTorch give the same probabilities and gradients (float64, 1e-9).

torch is a test oracle only: this file skips where it is not installed
(.ci/run installs torch==2.13.0, the CPU build).
"""
import numpy as np
import pytest

from rnnviz.nn.bptt import bptt
from rnnviz.nn.forward import forward
from rnnviz.nn.loss import cross_entropy
from rnnviz.nn.model import init_rnn
from rnnviz.nn.optim import Adam, clip_by_global_norm
from rnnviz.nn.pytorch_names import from_torch_state_dict, to_torch_state_dict

from conftest import Lazy, needs_torch

pytestmark = needs_torch
torch = Lazy("torch")
nn = Lazy("torch.nn")
F = Lazy("torch.nn.functional")


def torch_modules(m, nonlinearity):
    emb = nn.Embedding(m.n_vocab, m.H).double()
    rnn = nn.RNN(m.H, m.H, batch_first=True, nonlinearity=nonlinearity).double()
    lin = nn.Linear(m.H, m.K).double()
    sd = to_torch_state_dict(m)
    for mod, prefix in ((emb, "embedding."), (rnn, "rnn."), (lin, "linear.")):
        mod.load_state_dict({k[len(prefix):]: torch.from_numpy(v.copy())
                             for k, v in sd.items() if k.startswith(prefix)})
    return emb, rnn, lin


def torch_run(m, X, Y, mask, nonlinearity):
    emb, rnn, lin = torch_modules(m, nonlinearity)
    out, _ = rnn(emb(torch.from_numpy(X)))
    logits = lin(out)
    y = torch.from_numpy(np.where(mask, Y, -100))
    loss = F.cross_entropy(logits.reshape(-1, m.K), y.reshape(-1), ignore_index=-100)
    loss.backward()
    grads = {
        "U": emb.weight.grad.numpy().T,
        "W": rnn.weight_hh_l0.grad.numpy(),
        "b": rnn.bias_ih_l0.grad.numpy(),
        "V": lin.weight.grad.numpy(),
        "c": lin.bias.grad.numpy(),
    }
    probs = torch.softmax(logits, -1).detach().numpy()
    return loss.item(), probs, grads, (emb, rnn, lin)


def make_case(f, seed=0):
    rng = np.random.default_rng(seed)
    m = init_rnn([f"w{i}" for i in range(1, 30)], [f"t{k}" for k in range(6)], 8, f=f, seed=seed)
    m = m.with_params(W=m.W * 1.5)
    X = rng.integers(0, 30, (4, 9))
    Y = rng.integers(0, 6, (4, 9))
    mask = np.arange(9)[None, :] < np.array([9, 7, 9, 3])[:, None]
    return m, X, Y, mask


@pytest.mark.parametrize("f", ["tanh", "relu"])
def test_same_probabilities_loss_and_gradients_as_pytorch(f):
    assert_same_as_torch(*make_case(f), f)


def assert_same_as_torch(m, X, Y, mask, f):
    """Probabilities, loss and the five gradients of ``m`` on a padded batch equal
    PyTorch's to 1e-9 (the tagger here, the language model in test_lm_torch.py)."""
    loss_t, probs_t, grads_t, _ = torch_run(m, X, Y, mask, f)
    fw = forward(m, X)
    g = bptt(m, fw, Y, mask).as_dict()
    assert cross_entropy(fw.z, Y, mask) == pytest.approx(loss_t, abs=1e-12)
    np.testing.assert_allclose(fw.o.transpose(1, 0, 2)[mask], probs_t[mask], rtol=0, atol=1e-9)
    for name in "UWVbc":
        np.testing.assert_allclose(g[name], grads_t[name], rtol=0, atol=1e-9, err_msg=name)
        assert np.abs(g[name]).max() > 1e-4               # not trivially zero


def test_adam_with_clipping_matches_torch_for_several_steps():
    m, X, Y, mask = make_case("tanh", seed=1)
    emb, rnn, lin = torch_modules(m, "tanh")
    rnn.weight_ih_l0.requires_grad_(False)
    rnn.bias_hh_l0.requires_grad_(False)
    t_params = {"U": emb.weight, "W": rnn.weight_hh_l0, "V": lin.weight, "b": rnn.bias_ih_l0,
                "c": lin.bias}
    opt_t = torch.optim.Adam(list(t_params.values()), lr=0.05)
    ours = m.copy()
    opt = Adam(lr=0.05)
    y = torch.from_numpy(np.where(mask, Y, -100))
    for _ in range(5):
        opt_t.zero_grad()
        out, _ = rnn(emb(torch.from_numpy(X)))
        F.cross_entropy(lin(out).reshape(-1, m.K), y.reshape(-1), ignore_index=-100).backward()
        nn.utils.clip_grad_norm_(list(t_params.values()), 0.5)
        opt_t.step()
        g = bptt(ours, forward(ours, X), Y, mask).as_dict()
        clip_by_global_norm(g, 0.5)
        opt.step(ours.params, g)
    for name, p in t_params.items():
        theirs = p.detach().numpy()
        np.testing.assert_allclose(getattr(ours, name), theirs.T if name == "U" else theirs,
                                   atol=1e-9, err_msg=name)


def test_state_dict_round_trip():
    m, *_ = make_case("tanh")
    back = from_torch_state_dict(to_torch_state_dict(m), m.vocab, m.tags)
    for name in "UWVbc":
        np.testing.assert_array_equal(getattr(back, name), getattr(m, name))
