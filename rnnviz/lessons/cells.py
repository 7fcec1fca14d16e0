r"""The RNN, the LSTM and the GRU on one sentence: their taggings, one gate's formula at
step t, and how much of the last loss's gradient reaches each earlier state.

    retag(tagging, m)       the sentence's tokens through model m (any of the three cells)
    gate_terms(tr, gate, t) U_g x_t, W_g s_{t-1}, b_g, their sum and the gate's value
    flow_to_last(tr)        ‖∂L_T/∂s_k‖, k = 1..T: the gradient of the last word's loss
                            at every earlier state (the engines' gradient_flow)
    compare_flow(norms)     which cell keeps the most of it at k = 1, by what factor

The loss is against each model's own tags (what the BPTT page does by default), so
the numbers exist for any sentence; the labels are ``nn.cell_names``'.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from ..nn import bptt as rnn_bptt
from ..nn import cells, gru, lstm
from ..text.unknown import lookup
from ..training.tagger import Tagging

# the gates whose formula is σ(U_g x_t + W_g s_{t-1} + b_g) or tanh(...) (the GRU's
# candidate has r_t inside and is not one of them): "cell:gate"
FORMULA_GATES = ("lstm:forget", "lstm:input", "lstm:cand", "lstm:out", "gru:reset",
                 "gru:update")
TANH_GATES = {"cand"}        # a candidate: tanh, in [-1, 1]; the others σ, in [0, 1]


def retag(tagging: Tagging, m) -> Tagging:
    """The same tokens through ``m`` (its own vocabulary decides what is unknown)."""
    tok = tagging.tokenized
    tok = replace(tok, unknown=tuple(key not in m.word_index for key in tok.keys))
    with np.errstate(all="ignore"):
        return Tagging(tok, cells.trace(m, lookup(m.word_index, tok.keys), tok.tokens))


@dataclass(frozen=True)
class GateTerms:
    """One gate at step t: the formula's columns (each (H,)) and the gate's value."""
    cell: str
    gate: str
    t: int
    Ux: np.ndarray       # U_g x_t (the word's column of U_g)
    Ws: np.ndarray       # W_g s_{t-1}
    b: np.ndarray        # b_g
    a: np.ndarray        # their sum, the pre-activation
    value: np.ndarray    # the gate at step t, read from the trace

    @property
    def squash(self) -> str:
        return "tanh" if self.gate in TANH_GATES else "σ"


def gate_terms(tr, gate: str, t: int) -> GateTerms:
    """The terms of ``gate`` (a key of the cell's GATES, not the GRU's candidate) at
    step ``t`` (1..T); the value is the trace's own, not recomputed."""
    m = tr.model
    cell = cells.cell_of(m)
    if f"{cell}:{gate}" not in FORMULA_GATES:
        raise ValueError(f"no single-line formula for {cell}:{gate}")
    if not 1 <= t <= tr.T:
        raise ValueError(f"step t={t} is outside 1..{tr.T}")
    rows = m.gate_rows(gate)
    Ux = m.U[rows, tr.x[t - 1]]
    Ws = m.W[rows] @ tr.s[t - 1]
    b = m.b[rows]
    return GateTerms(cell, gate, t, Ux, Ws, b, Ux + Ws + b, tr.gate(gate)[t - 1])


def flow_to_last(tr, state: str = "s") -> np.ndarray:
    """(T,) ‖∂L_T/∂s_k‖ for k = 1..T (the loss of the last word against the model's own
    tag; row T of the engine's flow matrix); ``state="C"``: ‖∂L_T/∂C_k‖ of an LSTM."""
    y = tr.pred
    with np.errstate(all="ignore"):
        if cells.cell_of(tr.model) == "rnn":
            norms = rnn_bptt.gradient_flow(tr, y).norms
        else:
            module = lstm if cells.cell_of(tr.model) == "lstm" else gru
            norms = module.gradient_flow(tr, y).norms(state)
    return norms[-1]


@dataclass(frozen=True)
class FlowVerdict:
    """What the flow chart of this sentence shows, as a string code and its numbers."""
    code: str            # "one_word", "not_finite", "gap", "no_gap"
    best: str = ""       # the cell keeping the most at k = 1
    other: str = ""      # the cell keeping the least
    factor: float = 1.0  # best / other at k = 1
    T: int = 0


GAP = 2.0                # a factor under this is "no gap" (the three keep about as much)


def compare_flow(norms: Mapping[str, np.ndarray]) -> FlowVerdict:
    """Which cell keeps the most of ∂L_T/∂s_k at k = 1, and the factor to the least."""
    T = len(next(iter(norms.values())))
    if T < 2:
        return FlowVerdict("one_word", T=T)
    first = {cell: float(n[0]) for cell, n in norms.items()}
    if not all(np.isfinite(v) for v in first.values()):
        return FlowVerdict("not_finite", T=T)
    best = max(first, key=first.get)
    other = min(first, key=first.get)
    factor = first[best] / first[other] if first[other] > 0 else float("inf")
    return FlowVerdict("gap" if factor >= GAP else "no_gap", best, other, factor, T)


@dataclass(frozen=True)
class MemoryVerdict:
    """What the memory curves show: "gap" or "no_gap", and the numbers said."""
    code: str
    best: str
    worst: str
    best_acc: float      # mean over d, 0..1
    worst_acc: float
    lowest: float        # the lowest accuracy of any cell at any d
    at_end: dict         # cell -> accuracy at the largest d


MEMORY_GAP = 0.05        # mean accuracies closer than 5 points: no gap


def memory_verdict(result) -> MemoryVerdict:
    """Compare the cells' accuracy curves of ``training.memory.Result``."""
    acc = {cell: result.accuracy(cell) for cell in result.correct}
    mean = {cell: float(np.mean(a)) for cell, a in acc.items()}
    best, worst = max(mean, key=mean.get), min(mean, key=mean.get)
    lowest = float(min(np.min(a) for a in acc.values()))
    code = "gap" if mean[best] - mean[worst] >= MEMORY_GAP else "no_gap"
    return MemoryVerdict(code, best, worst, mean[best], mean[worst], lowest,
                         {cell: float(a[-1]) for cell, a in acc.items()})
