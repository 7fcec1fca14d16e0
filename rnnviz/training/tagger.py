"""Typed text -> tokens -> the RNN's tags: what the pages and ``python -m rnnviz tag`` show.

    tag_text(model, "我吃苹果").as_text()  ->  "我/nn 吃/v 苹果/nn"

A word outside the model's vocabulary switches on its unknown-word class column
(``unknown.lookup``: ``<unk:-ing>``, ``<unk:zh-n>``…, or ``<unk>``) and is
flagged, so the UI can mark it; the model tags it from that class and the context.

A model whose numbers overflow (NaN or ±∞ from some step on) has no meaningful
tag there: ``as_text`` writes ``?``, ``as_dict`` gives ``null`` for every
non-finite number and names the overflow in its ``"overflow"`` field, so its
JSON is valid (Python's ``json`` would write a bare ``NaN``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..nn.cells import trace
from ..nn.forward import Trace
from ..nn.model import RNN
from ..text.tokenize import MAX_TOKENS, Tokenized, tokenize
from ..text.unknown import lookup


@dataclass(frozen=True, eq=False)
class Tagging:
    tokenized: Tokenized
    trace: Trace

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.tokenized.tokens

    @property
    def unknown(self) -> tuple[bool, ...]:
        return self.tokenized.unknown

    @property
    def tags(self) -> tuple[str, ...]:
        return self.trace.pred_tags

    @property
    def T(self) -> int:
        return self.trace.T

    @property
    def message(self) -> str | None:
        return self.tokenized.message

    @property
    def finite(self) -> bool:
        return self.trace.finite

    @property
    def finite_steps(self) -> np.ndarray:
        """(T,) bool: whether s_t and o_t are finite numbers at step t."""
        tr = self.trace
        return np.isfinite(tr.s[1:]).all(axis=-1) & np.isfinite(tr.o).all(axis=-1)

    @property
    def overflow_step(self) -> int | None:
        """The first step t (1-based) whose numbers overflowed, or None."""
        bad = np.flatnonzero(~self.finite_steps)
        return int(bad[0]) + 1 if len(bad) else None

    @property
    def overflow_message(self) -> str | None:
        """What overflowed and from where (None when every number is finite)."""
        t = self.overflow_step
        if t is None:
            return None
        return (f"the model's numbers overflowed (NaN or Inf) from step {t} of {self.T} on; "
                f"the tags from there are not meaningful")

    def as_text(self) -> str:
        """The tutorial's form: ``我/nn 吃/v 苹果/nn`` (``?`` where the numbers overflowed)."""
        return " ".join(f"{w}/{t if ok else '?'}"
                        for w, t, ok in zip(self.tokens, self.tags, self.finite_steps))

    def as_dict(self) -> dict:
        """Tokens, tags, per-tag probabilities and unknown flags (for ``--json``): plain
        JSON values only, ``None`` for a non-finite number or the tag of an overflowed step,
        and ``"overflow"``: None, or the first step that overflowed and a message."""
        tags, ok = self.trace.model.tags, self.finite_steps
        t = self.overflow_step
        return {
            "tokens": list(self.tokens),
            "tags": [tag if good else None for tag, good in zip(self.tags, ok)],
            "unknown": list(self.unknown),
            "probabilities": [{k: round(float(p), 6) if np.isfinite(p) else None
                               for k, p in zip(tags, row)} for row in self.trace.o],
            "truncated": self.tokenized.truncated,
            "message": self.message,
            "overflow": None if t is None else {"first_step": t,
                                                "message": self.overflow_message},
        }


def tag_text(m: RNN, text: str, *, max_tokens: int = MAX_TOKENS) -> Tagging:
    """Tokenize ``text`` against the model's vocabulary and run the RNN over it."""
    tok = tokenize(text, m.word_index, max_tokens=max_tokens)
    x = lookup(m.word_index, tok.keys)
    with np.errstate(all="ignore"):          # extreme weights: reported via .finite
        tr = trace(m, x, tokens=tok.tokens)
    return Tagging(tok, tr)
