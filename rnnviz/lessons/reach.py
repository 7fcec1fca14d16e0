r"""How far back each word reaches: how much x_k changes the output o_t (k ≤ t).

Write u_k = U x_k = U[:, x_k] for the input column of word k. The network is

    a_t = u_t + W s_{t-1} + b,    s_t = f(a_t),    o_t = softmax(V s_t + c)

so o_t depends on x_1 … x_t only, through u_1 … u_t. Two exact measures:

**Gradient reach.** The Jacobian of the probability vector o_t (K,) with
respect to the input vector u_k (H,) is the (K, H) matrix

    ∂o_t/∂u_k = (diag(o_t) − o_t o_tᵀ) V  D_t W D_{t-1} W … W D_k    (k ≤ t)
    ∂o_t/∂u_k = 0                                                     (k > t)

with D_j = diag(f'(a_j)). (∂o_t/∂u_k = ∂o_t/∂a_k because a_k = u_k + ….)
It is computed by the backward loop of BPTT, ``bptt.per_output_errors``, with
the K rows of ∂o_t/∂s_t in place of the loss error. The reach is its
Frobenius norm ‖∂o_t/∂x_k‖ := ‖∂o_t/∂u_k‖_F. A feed-forward tagger (W = 0)
has ∂o_t/∂u_k = 0 for every k < t: exactly no reach.

**Occlusion.** Replace x_k by ``<unk>`` (word id 0) and run the network
again; the reach is the drop in the probability of the tag predicted at t:

    Δ_{t,k} = o_t[ŷ_t] − o_t[ŷ_t] with x_k := <unk>,    ŷ_t = argmax o_t

Δ > 0: word k supported the predicted tag; Δ < 0: it argued against it;
Δ = 0 exactly where the structure of the network says occlusion cannot change
o_t: k > t (o_t does not depend on x_k), U[:, x_k] = U[:, <unk>] (x_k is
already <unk>, or its column equals <unk>'s: u_k does not change), or k < t
with W = 0 (nothing carries x_k to step t). Those zeros are set, not computed:
one batched forward pass may round the same numbers differently in different
rows of the batch (another BLAS kernel, up to 3e-16), so comparing rows would
give −0.000 where the math gives 0.

The gradient also predicts the occlusion to first order,
``linear[t, k] = ∂o_t[ŷ_t]/∂u_k · (U[:, x_k] − U[:, 0])`` (the change of u_k
that occlusion makes): its sign is the sign to expect of Δ when the change
is small.

``edit`` replaces one word by another and reports which later tags and hidden
states change (‖s'_t − s_t‖ for every t). Index convention: ``model.py``
(arrays (T, T) are [t-1, k-1]). NumPy only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..nn.bptt import per_output_errors
from ..nn.forward import Trace, forward, trace
from ..text.normalize import normalize
from ..text.unknown import lookup

UNK_ID = 0


def jacobians(tr: Trace) -> np.ndarray:
    """(T, T, K, H): ``J[t-1, k-1] = ∂o_t/∂u_k`` (zero for k > t)."""
    m, T, K, H = tr.model, tr.T, tr.model.K, tr.model.H
    o = tr.o                                                # (T, K)
    dods = (o[:, :, None] * np.eye(K) - o[:, :, None] * o[:, None, :]) @ m.V  # (T, K, H)
    fprime = m.activation.df(tr.a, tr.s[1:])[:, None, :]    # (T, 1, H) f'(a_t)
    J = np.zeros((T, T, K, H))
    for k, rows, D in per_output_errors(m.W, dods, fprime):  # D[i] = ∂o_{k+i}/∂a_k
        J[k + rows, k] = D
    return J


def gradient_reach(tr: Trace, J: np.ndarray | None = None) -> np.ndarray:
    """(T, T): ``‖∂o_t/∂u_k‖_F`` at [t-1, k-1], zero for k > t."""
    J = jacobians(tr) if J is None else J
    return np.sqrt((J * J).sum(axis=(2, 3)))


def occlusion_reaches(tr: Trace) -> np.ndarray:
    """(T, T) bool at [t-1, k-1]: whether occluding x_k can change o_t at all, from the
    structure of the network alone (no computed number is compared): k ≤ t, u_k changes
    (U[:, x_k] ≠ U[:, <unk>], parameters compared as given), and k = t or W ≠ 0."""
    m, T = tr.model, tr.T
    t, k = np.indices((T, T))
    u = m.U[:, tr.x]                                        # (H, T) u_k
    changes = (u != m.U[:, [UNK_ID]]).any(axis=0)           # (T,) occlusion changes u_k
    carried = (t == k) | bool(np.any(m.W != 0))
    return (k <= t) & changes[None, :] & carried


def occluded_outputs(tr: Trace) -> np.ndarray:
    """(T steps, T+1 sentences, K): o of the sentence with x_k := <unk> in sentence k-1,
    and of the sentence itself in sentence T, in one batched forward pass."""
    T = tr.T
    X = np.tile(tr.x, (T + 1, 1))                           # row k-1: x_k = <unk>; row T: x
    X[np.arange(T), np.arange(T)] = UNK_ID
    return forward(tr.model, X).o


def occlusion(tr: Trace) -> np.ndarray:
    """(T, T): ``Δ[t-1, k-1]`` = drop of o_t[ŷ_t] when x_k becomes <unk>.

    Exactly 0 where occlusion cannot change o_t (``occlusion_reaches``: k > t,
    u_k unchanged, or k < t with W = 0): set from the structure, not taken from
    a difference of two rounded rows of the batch."""
    T = tr.T
    o = occluded_outputs(tr)
    p = o[np.arange(T), T, tr.pred]                         # (T,) o_t[ŷ_t]
    p_occluded = o[np.arange(T), :T, tr.pred]               # (T, T) [t-1, k-1]
    return np.where(occlusion_reaches(tr), p[:, None] - p_occluded, 0.0)


def linear_occlusion(tr: Trace, J: np.ndarray | None = None) -> np.ndarray:
    """(T, T): first-order estimate of ``occlusion``, ∂o_t[ŷ_t]/∂u_k · (u_k − U[:, 0])."""
    J = jacobians(tr) if J is None else J
    T = tr.T
    rows = J[np.arange(T), :, tr.pred]                      # (T, T, H) ∂o_t[ŷ_t]/∂u_k
    du = tr.model.U[:, tr.x].T - tr.model.U[:, UNK_ID]      # (T, H) u_k − u_<unk>
    return np.einsum("tkh,kh->tk", rows, du)


@dataclass(frozen=True, eq=False)
class Reach:
    """Both measures for one traced sentence, all (T, T) at [t-1, k-1]."""
    gradient: np.ndarray    # ‖∂o_t/∂u_k‖_F
    occlusion: np.ndarray   # Δ_{t,k}
    linear: np.ndarray      # first-order estimate of Δ_{t,k}

    def at(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        """Gradient and occlusion reach of output t (1-based) over k = 1..T."""
        return self.gradient[t - 1], self.occlusion[t - 1]


def reach(tr: Trace) -> Reach:
    """Gradient and occlusion reach of every output over every word."""
    with np.errstate(all="ignore"):
        J = jacobians(tr)
        return Reach(gradient_reach(tr, J), occlusion(tr), linear_occlusion(tr, J))


@dataclass(frozen=True, eq=False)
class Edit:
    """One word replaced: the sentence traced before and after."""
    before: Trace
    after: Trace
    k: int                  # 1-based position of the replaced word

    @property
    def ds(self) -> np.ndarray:
        """(T,): ‖s'_t − s_t‖ for t = 1..T (0 before k; NaN where s overflowed)."""
        with np.errstate(all="ignore"):          # ∞ − ∞ of an overflowed state is NaN
            return np.linalg.norm(self.after.s[1:] - self.before.s[1:], axis=1)

    @property
    def changed(self) -> np.ndarray:
        """(T,) bool: the predicted tag at t changed."""
        return self.after.pred != self.before.pred


def edit(tr: Trace, k: int, word_id: int, token: str) -> Edit:
    """Replace word k (1-based) of ``tr`` by vocabulary id ``word_id`` shown as ``token``."""
    if not 1 <= k <= tr.T:
        raise ValueError(f"word position k={k} is outside 1..{tr.T}")
    if not 0 <= word_id < tr.model.n_vocab:
        raise ValueError(f"word id {word_id} is outside 0..{tr.model.n_vocab - 1}")
    x = tr.x.copy()
    x[k - 1] = word_id
    tokens = tr.tokens[:k - 1] + (token,) + tr.tokens[k:]
    with np.errstate(all="ignore"):
        return Edit(tr, trace(tr.model, x, tokens), k)


def word_key(typed: str) -> str:
    """The vocabulary key of a word as typed ('' when nothing is typed: <unk>)."""
    return normalize(typed) if typed else ""


def edit_word(tr: Trace, k: int, typed: str) -> Edit:
    """``edit`` with word k replaced by a word as typed, looked up in ``tr.model``'s own
    vocabulary (an unknown word switches on its class column; nothing typed: <unk>)."""
    word_id = int(lookup(tr.model.word_index, [word_key(typed)])[0])
    return edit(tr, k, word_id, typed or "<unk>")


def aligned_outputs(t: int, *traces: Trace) -> tuple[list[np.ndarray], list[str]]:
    """o_t of each trace over one list of tags: the first model's tags, then the tags
    only the others have (0 where a model has no such tag)."""
    tags = list(traces[0].model.tags)
    for tr in traces[1:]:
        tags += [k for k in tr.model.tags if k not in tags]
    return [np.array([tr.o[t - 1, tr.model.tag_index[k]] if k in tr.model.tag_index
                      else 0.0 for k in tags]) for tr in traces], tags
