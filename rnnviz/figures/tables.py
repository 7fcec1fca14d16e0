"""The BPTT page's tables as columns of text: the gradient check, one SGD step's changes.

Each ``*_columns`` returns ``{column title: [cell, …]}`` in column order (what
``st.table`` takes). Numbers span many orders of magnitude, so they are written
``3.2·10⁻⁵`` (``sci``, also for the page's sentences about them).
"""
from __future__ import annotations

from ..i18n import text
from ..lessons.backprop import Step
from ..nn.gradcheck import TOLERANCE
from ..nn.model import PARAM_NAMES
from ._magnitude import sci

__all__ = ["sci", "agrees", "gradcheck_columns", "step_columns"]


def agrees(errors: dict[str, float]) -> bool:
    """Whether BPTT and finite differences agree for every parameter."""
    return all(v < TOLERANCE for v in errors.values())


def gradcheck_columns(errors: dict[str, float], lang: str) -> dict[str, list[str]]:
    """The gradient check: the worst relative error per parameter, and the verdict."""
    return {
        text("bptt.s4.param", lang): [f"∂L/∂{k}" if k != "s0" else "∂L/∂s₀" for k in errors],
        text("bptt.s4.worst", lang): [sci(v) for v in errors.values()],
        text("bptt.s4.verdict", lang): [
            "✓ " + text("bptt.s4.agree", lang) if v < TOLERANCE else
            "✗ " + text("bptt.s4.disagree", lang) for v in errors.values()],
    }


def step_columns(step: Step, lang: str) -> dict[str, list[str]]:
    """How far one SGD step moved each parameter: ‖Δθ‖ and ‖Δθ‖ / ‖θ‖."""
    return {
        text("bptt.s4.param", lang): list(PARAM_NAMES),
        "‖Δθ‖": [sci(step.change[k]) for k in PARAM_NAMES],
        "‖Δθ‖ / ‖θ‖": [sci(step.relative[k]) for k in PARAM_NAMES],
    }
