"""The language model in PyTorch gives the same next-word probabilities, loss and
gradients (float64, 1e-9): nn.Embedding -> nn.RNN -> nn.Linear over the output words,
F.cross_entropy against the next word's id (torch is a test oracle only)."""
import numpy as np
import pytest

from rnnviz.nn.forward import forward
from rnnviz.nn.gradcheck import random_lm_case
from rnnviz.nn.loss import token_losses

from conftest import Lazy, needs_torch
from test_torch_equivalence import assert_same_as_torch, torch_modules

pytestmark = needs_torch
torch = Lazy("torch")


@pytest.mark.parametrize("f", ["tanh", "relu"])
def test_same_next_word_probabilities_loss_and_gradients_as_pytorch(f):
    assert_same_as_torch(*random_lm_case(f, seed=5, H=8, n_words=20, B=4, T=9), f)


def test_each_step_loss_is_minus_log_of_the_next_word_in_pytorch():
    m, X, Y, mask = random_lm_case("tanh", seed=6, H=8, n_words=20, B=4, T=9)
    emb, rnn, lin = torch_modules(m, "tanh")
    with torch.no_grad():
        out, _ = rnn(emb(torch.from_numpy(X)))
        logp = torch.log_softmax(lin(out), -1)                        # (B, T, K)
        theirs = -logp.gather(-1, torch.from_numpy(Y)[..., None])[..., 0].numpy()
    ours = token_losses(forward(m, X).z, Y).T                          # (B, T)
    np.testing.assert_allclose(ours[mask], theirs[mask], rtol=0, atol=1e-9)
