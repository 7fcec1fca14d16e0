"""Typed text -> tokens -> the RNN's tags: what the pages and ``python -m rnnviz tag`` show.

    tag_text(model, "我吃苹果").as_text()  ->  "我/nn 吃/v 苹果/nn"

Words outside the model's vocabulary become ``<unk>`` (id 0) for the model and
are flagged, so the UI can mark them; the model tags them from context.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .forward import Trace, trace
from .model import RNN
from .tokenize import MAX_TOKENS, Tokenized, tokenize


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

    def as_text(self) -> str:
        """The tutorial's form: ``我/nn 吃/v 苹果/nn``."""
        return " ".join(f"{w}/{t}" for w, t in zip(self.tokens, self.tags))

    def as_dict(self) -> dict:
        """Tokens, tags, per-tag probabilities and unknown flags (for ``--json``)."""
        tags = self.trace.model.tags
        return {
            "tokens": list(self.tokens),
            "tags": list(self.tags),
            "unknown": list(self.unknown),
            "probabilities": [{k: round(float(p), 6) for k, p in zip(tags, row)}
                              for row in self.trace.o],
            "truncated": self.tokenized.truncated,
            "message": self.message,
        }


def tag_text(m: RNN, text: str, *, max_tokens: int = MAX_TOKENS) -> Tagging:
    """Tokenize ``text`` against the model's vocabulary and run the RNN over it."""
    tok = tokenize(text, m.word_index, max_tokens=max_tokens)
    x = m.word_ids(tok.keys)
    with np.errstate(all="ignore"):          # extreme weights: reported via .finite
        tr = trace(m, x, tokens=tok.tokens)
    return Tagging(tok, tr)
