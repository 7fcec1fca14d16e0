import os
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED_UD = ROOT.parent / "shared" / "data" / "ud"

from rnnviz.model import init_rnn  # noqa: E402


@pytest.fixture
def small_model():
    """H=5, 11 words + <unk>, 4 tags, with a recurrence strong enough to matter."""
    m = init_rnn([f"w{i}" for i in range(1, 12)], ["t0", "t1", "t2", "t3"], 5, seed=3)
    return m.with_params(W=m.W * 2.0)


@pytest.fixture
def batch():
    rng = np.random.default_rng(7)
    X = rng.integers(0, 12, (3, 6))
    Y = rng.integers(0, 4, (3, 6))
    mask = np.ones((3, 6), bool)
    mask[2, 3:] = False
    return X, Y, mask
