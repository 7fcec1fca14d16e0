r"""The BPTT lesson on one sentence: what the backpropagation page shows.

A *variant* of the model changes what drives the gradients without touching
the model itself (its arrays are shared and read-only):

    W ← scale · W        (spectral radius ρ(W) scales with it)
    f ← tanh | sigmoid | relu | identity

``lesson`` runs the variant over the sentence against target tags y and keeps

    L_t = −log o_t[y_t]                         per-token losses, L = mean_t L_t
    ∂L/∂U, ∂L/∂W, ∂L/∂V, δ_t = ∂L/∂a_t          (truncated) BPTT of L
    ∂L_t/∂s_k, ∂L_t/∂a_k  for k ≤ t             each loss on its own (``Flow``)
    ∂L_t/∂s_0 = Wᵀ ∂L_t/∂a_1                    where the error leaves the sentence

Truncation to k steps is defined once, in ``bptt``'s docstring: L_t keeps
δ_t … δ_{t-k+1} and ∂L_t/∂s_t … ∂L_t/∂s_{t-k}, where its error stops.

The per-output views use L_t itself (``reduction="sum"``), the gradients of
the weights use the mean loss L that training minimises. Going back one step
multiplies the error by (diag(f'(a_k)) W)ᵀ, so ‖∂L_t/∂s_k‖ shrinks or grows
geometrically in t − k: ``step_factor`` is that rate along one row.

``sgd_step`` applies θ ← θ − η g to a writable copy, g the gradient the page
shows: the exact ∂L/∂θ, or truncated BPTT's approximation of it (``Step.gap``
says how far apart they are). Everything runs
with floating-point warnings silenced; overflow is reported by ``problem``,
never raised. NumPy only.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..nn.bptt import Flow, Grads, bptt, gradient_flow, keeps_delta, keeps_state
from ..nn.forward import Forward, Trace, trace
from ..nn.loss import token_losses
from ..nn.model import PARAM_NAMES, RNN
from ..nn.optim import SGD

VANISH, EXPLODE = 0.9, 1.1      # per-step factors below / above: vanishing / exploding


def exploding_scale(W: np.ndarray, rho: float = 1.5, most: float = 6.0) -> float:
    """The W scale (a multiple of 0.1, at least 1.5, at most ``most``) that gives
    ρ(k W) ≥ ``rho`` where it can: with f = identity the error then grows by at
    least ρ per step, whatever ρ(W) the trained model has."""
    r = spectral_radius(W)
    need = rho / r if np.isfinite(r) and r > 0 else most
    return float(min(most, max(1.5, np.ceil(need * 10 - 1e-9) / 10)))


def spectral_radius(W: np.ndarray) -> float:
    """ρ(W) = max |eigenvalue| (NaN when W holds non-finite numbers)."""
    if not np.isfinite(W).all():
        return float("nan")
    return float(np.abs(np.linalg.eigvals(W)).max()) if W.size else 0.0


def variant(m: RNN, *, w_scale: float = 1.0, f: str | None = None) -> RNN:
    """``m`` with W scaled by ``w_scale`` and activation ``f`` (a new model; ``m`` untouched)."""
    if not np.isfinite(w_scale):
        raise ValueError(f"the W scale must be a finite number, got {w_scale!r}")
    out = m if w_scale == 1.0 else m.with_params(W=m.W * float(w_scale))
    return out if f in (None, m.f) else replace(out, f=f)


def _forward_of(tr: Trace) -> Forward:
    """The batch-of-one ``Forward`` of a traced sentence (for ``bptt``)."""
    return Forward(tr.x[:, None], tr.Ux[:, None], tr.Ws[:, None], tr.a[:, None],
                   tr.s[:, None], tr.z[:, None], tr.o[:, None])


@dataclass(frozen=True, eq=False)
class Lesson:
    """Everything the BPTT page draws for one sentence, one model variant, one target."""
    trace: Trace
    y: np.ndarray            # (T,) target tag ids
    truncate: int | None     # steps each error may travel back (None: full BPTT)
    losses: np.ndarray       # (T,) L_t = −log o_t[y_t]
    loss: float              # L = mean_t L_t
    grads: Grads             # BPTT of L (truncated when ``truncate``)
    full: Grads              # full BPTT of L (the same object when not truncated)
    flow: Flow               # per-output ∂L_t/∂s_k, ∂L_t/∂a_k (L_t itself, not L_t/T)
    ds0: np.ndarray          # (T, H) ∂L_t/∂s_0 (zero where truncation cuts it: t > k)

    @property
    def model(self) -> RNN:
        return self.trace.model

    @property
    def T(self) -> int:
        return self.trace.T

    @property
    def norms(self) -> np.ndarray:
        """(T, T) ‖∂L_t/∂s_k‖ where truncation keeps it (t − k ≤ truncate), NaN elsewhere."""
        with np.errstate(all="ignore"):                 # an overflowed norm is ∞, not a warning
            return self.flow.norms

    @property
    def dW_terms(self) -> np.ndarray:
        """(T, H, H) the terms δ_t s_{t-1}ᵀ whose sum over t is ∂L/∂W."""
        with np.errstate(all="ignore"):
            return self.grads.delta[:, 0, :, None] * self.trace.s[:-1, None, :]

    @property
    def problem(self) -> str | None:
        """'forward' if the states overflowed, 'backward' if only gradients did, else None."""
        if not (self.trace.finite and np.isfinite(self.losses).all()):
            return "forward"
        arrays = (self.flow.dLds, self.flow.dLda, self.ds0, *self.grads.as_dict().values(),
                  *self.full.as_dict().values())
        return None if all(np.isfinite(a).all() for a in arrays) else "backward"

    @property
    def cuts(self) -> bool:
        """Whether truncation cuts anything (its window is shorter than the sentence)."""
        return self.truncate is not None and self.truncate < self.T

    @property
    def has_error(self) -> bool:
        """Whether any loss sends an error back (not when every o_t is exactly y_t)."""
        return bool((np.nan_to_num(self.norms, nan=0.0) > 0).any())

    @property
    def mean_fprime(self) -> float:
        """f'(a) averaged over every unit and step: how much f lets through per step."""
        with np.errstate(all="ignore"):
            return float(np.nanmean(self.model.activation.df(self.trace.a, self.trace.s[1:])))

    def truncation_error(self) -> dict[str, float]:
        """‖truncated − exact‖ / ‖exact‖ of ∂L/∂U, ∂L/∂W, ∂L/∂V (0 when nothing is cut)."""
        cut, exact = self.grads.as_dict(), self.full.as_dict()
        return {k: relative_difference(cut[k], exact[k]) for k in ("U", "W", "V")}

    def gradient_gap(self) -> float:
        """‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖ over all of θ = U, W, V, b, c: how far the gradient used
        (truncated BPTT's g) is from the exact one (0 when nothing is cut)."""
        cut, exact = self.grads.as_dict(), self.full.as_dict()
        return relative_difference(np.concatenate([cut[k].ravel() for k in PARAM_NAMES]),
                                   np.concatenate([exact[k].ravel() for k in PARAM_NAMES]))

    def reaches(self, t: int, k: int) -> bool:
        """Whether L_t keeps δ_k = ∂L_t/∂a_k (1 ≤ k ≤ t, t − k < truncate)."""
        return 1 <= k <= t and bool(keeps_delta(t - k, self.truncate))

    def stop(self, t: int) -> int | None:
        """The state s_j where truncation stops the error of L_t (j = t − k ≥ 1), or None
        when L_t's error reaches s_0 (nothing of L_t is cut)."""
        if self.truncate is None or t - self.truncate < 1:
            return None
        return t - self.truncate

    def cut_off(self, t: int) -> float:
        """‖Wᵀ δ_j‖, j = ``stop(t)``, with δ_j = ∂L_t/∂s_j ⊙ f'(a_j): what full BPTT would
        carry over the W edge s_j → s_{j-1} that truncation cuts (NaN if nothing is cut)."""
        j = self.stop(t)
        if j is None:
            return float("nan")
        m, tr = self.model, self.trace
        with np.errstate(all="ignore"):
            delta = self.flow.dLds[t - 1, j - 1] * m.activation.df(tr.a[j - 1], tr.s[j])
            return float(np.linalg.norm(delta @ m.W))

    def step_factor(self, t: int) -> float:
        """Geometric mean of ‖∂L_t/∂s_{k-1}‖ / ‖∂L_t/∂s_k‖ along row t (NaN if undefined)."""
        row = self.norms[t - 1, :t]
        ks = np.flatnonzero(np.isfinite(row) & (row > 0))
        if len(ks) < 2:
            return float("nan")
        first, last = ks[0], ks[-1]                     # oldest and newest reached step
        with np.errstate(all="ignore"):
            return float((row[first] / row[last]) ** (1.0 / (last - first)))


def trend(factor: float) -> str:
    """'vanishing', 'exploding', 'steady' or 'undefined' for a per-step factor."""
    if not np.isfinite(factor):
        return "undefined"
    return "vanishing" if factor < VANISH else "exploding" if factor > EXPLODE else "steady"


def check_truncate(truncate) -> int | None:
    if truncate is None:
        return None
    if isinstance(truncate, bool) or not isinstance(truncate, (int, np.integer)) or truncate < 1:
        raise ValueError(f"truncate must be a positive number of steps or None, got {truncate!r}")
    return int(truncate)


def targets(pred, tokens, corrections, tag_index) -> np.ndarray:
    """Target tag ids: the predictions ``pred`` with the user's corrections applied.

    ``corrections`` maps (position, token) to a tag name, so a correction stays
    with its word while the rest of the sentence is edited.
    """
    y = np.array(pred, dtype=np.intp, copy=True).reshape(-1)
    for (i, token), tag in corrections.items():
        if 0 <= i < len(y) and i < len(tokens) and tokens[i] == token and tag in tag_index:
            y[i] = tag_index[tag]
    return y


def lesson(m: RNN, x, y, *, tokens=None, truncate: int | None = None) -> Lesson:
    """Run ``m`` over word ids ``x`` (T,) against target tag ids ``y`` (T,)."""
    truncate = check_truncate(truncate)
    x = np.asarray(x, dtype=np.intp).reshape(-1)
    y = np.asarray(y, dtype=np.intp).reshape(-1)
    if len(x) == 0:
        raise ValueError("the sentence is empty")
    if y.shape != x.shape:
        raise ValueError(f"{len(y)} target tags for {len(x)} tokens")
    if y.min() < 0 or y.max() >= m.K:
        raise ValueError(f"target tag ids must lie in [0, {m.K}), got {y.min()}..{y.max()}")
    with np.errstate(all="ignore"):
        tr = trace(m, x, tokens)
        fw, Y = _forward_of(tr), y[None, :]
        losses = token_losses(fw.z, Y)[:, 0]                       # (T,)
        full = bptt(m, fw, Y)
        grads = full if truncate is None else bptt(m, fw, Y, truncate=truncate)
        flow = gradient_flow(tr, y, truncate=truncate, reduction="sum")
        reach_s0 = keeps_state(np.arange(1, tr.T + 1), truncate)   # t - 0 ≤ k
        ds0 = (flow.dLda[:, 0] @ m.W) * reach_s0[:, None]          # (T, H) Wᵀ ∂L_t/∂a_1
        loss = float(losses.mean())
    return Lesson(tr, y, truncate, losses, loss, grads, full, flow, ds0)


def relative_difference(a: np.ndarray, b: np.ndarray) -> float:
    """‖a − b‖ / ‖b‖ (0 when both are zero, NaN when non-finite)."""
    with np.errstate(all="ignore"):
        nb = float(np.linalg.norm(b))
        d = float(np.linalg.norm(a - b))
    if not (np.isfinite(nb) and np.isfinite(d)):
        return float("nan")
    return 0.0 if d == 0 else d / nb if nb else float("inf")


@dataclass(frozen=True, eq=False)
class Step:
    """One SGD step θ ← θ − η g on one sentence, and what it changed. g is ∂L/∂θ, or
    truncated BPTT's approximation of it when ``truncate`` cuts (``gap`` away from it)."""
    before: Trace                   # the sentence through the model before the step
    after: Trace                    # ... and after it (``after.model`` is the new model)
    y: np.ndarray                   # (T,) the targets of the step
    lr: float
    loss_before: float
    loss_after: float
    change: dict[str, float]        # ‖Δθ‖ per parameter
    relative: dict[str, float]      # ‖Δθ‖ / ‖θ‖ per parameter
    truncate: int | None = None     # the truncation of the gradient used (None: exact)
    gap: float = 0.0                # ‖g − ∂L/∂θ‖ / ‖∂L/∂θ‖ of that gradient

    @property
    def truncated(self) -> bool:
        """Whether the step used a truncated gradient that differs from the exact one."""
        return self.truncate is not None and self.truncate < self.before.T

    @property
    def model(self) -> RNN:
        """The new model (a writable copy: freeze it before sharing it)."""
        return self.after.model

    @property
    def finite(self) -> bool:
        """Whether the new weights and the new loss are finite numbers."""
        return bool(np.isfinite(self.loss_after)
                    and all(np.isfinite(p).all() for p in self.model.params.values()))


def sgd_step(m: RNN, x, y, *, lr: float, truncate: int | None = None, tokens=None) -> Step:
    """One SGD step on sentence ``x`` with targets ``y``; ``m`` itself is not changed."""
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"the learning rate must be a positive number, got {lr!r}")
    before = lesson(m, x, y, tokens=tokens, truncate=truncate)
    new = m.copy()
    with np.errstate(all="ignore"):
        SGD(lr).step(new.params, before.grads.as_dict())
        after = trace(new, before.trace.x, before.trace.tokens)
        loss_after = float(token_losses(after.z[:, None], before.y[None, :]).mean())
        change = {k: float(np.linalg.norm(new.params[k] - m.params[k])) for k in PARAM_NAMES}
        relative = {k: change[k] / max(float(np.linalg.norm(m.params[k])), 1e-300)
                    for k in PARAM_NAMES}
    return Step(before.trace, after, before.y, float(lr), before.loss, loss_after, change,
                relative, before.truncate, before.gradient_gap())


# --- which loss L_t the page follows back --------------------------------------------
def followed_by_default(ls: Lesson) -> int:
    """The loss followed unless the user picks one: L_T, or, when no error flows from L_T
    (o_T is exactly its target, L_T = 0: the exploding preset's full stop), the loss with
    the largest error, one with steps to travel back (t ≥ 2) where there is one."""
    T = ls.T
    with np.errstate(all="ignore"):
        sends = (np.nan_to_num(ls.norms, nan=0.0) > 0).any(axis=1)       # (T,)
    if sends[T - 1] or not sends.any():
        return T
    losses = np.where(sends, np.nan_to_num(ls.losses, nan=0.0, posinf=np.finfo(float).max), -1)
    if sends[1:].any():
        losses[0] = -1
    return int(np.argmax(losses)) + 1


def followed_step(ls: Lesson, picked, last_T: int | None, auto: int | None) -> tuple[int, bool]:
    """The step t whose loss is followed back, in 1..T, and whether it is the default.

    ``picked`` is the step shown so far (None at first), ``last_T`` the sentence length
    it was shown for, ``auto`` the step the default chose then. The default
    (``followed_by_default``) is followed until the user picks another step (that one
    is kept, clamped to the sentence); picking the last step, or the sentence growing
    past it, follows the default again."""
    following = (not isinstance(picked, int) or (last_T is not None and picked >= last_T)
                 or picked == auto)
    t = followed_by_default(ls) if following else picked
    return min(max(t, 1), ls.T), following
