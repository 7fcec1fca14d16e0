"""Where the files rnnviz ships live (this package holds data, not code): the
built-in corpus, the shipped models (RNN, W = 0, LSTM, GRU; the language models), the UD copies they
learned from and the scores the Why page shows. One place, so no module counts ``parents[...]``."""
from pathlib import Path

DIR = Path(__file__).resolve().parent
DEFAULT_MODEL = DIR / "default_model.npz"          # the RNN every page shows
FEEDFORWARD_MODEL = DIR / "feedforward_model.npz"  # the same network trained with W = 0
LSTM_MODEL = DIR / "lstm_model.npz"                # an LSTM trained alike (same data, H)
GRU_MODEL = DIR / "gru_model.npz"                  # a GRU trained alike
MEMORY = DIR / "memory.json"                       # python -m rnnviz memory (+ memory_*.npz)
LM_MODELS = {lang: DIR / f"lm_{lang}.npz" for lang in ("zh", "en")}   # the language models
SCORES = DIR / "scores.json"                       # python -m rnnviz eval --write-scores
CORPUS = DIR / "corpus"                            # python -m rnnviz.text.corpus.build
UD = DIR / "ud"                                    # python -m rnnviz.text.realtext

# In a source checkout: the everyday test sentences and the shared treebanks.
REPO = DIR.parents[1]
EVERYDAY = REPO / "bench" / "everyday"
SHARED_UD = REPO.parent / "shared" / "data" / "ud"
