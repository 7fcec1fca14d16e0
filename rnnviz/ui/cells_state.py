"""The LSTM & GRU page's per-session values and its figures for the offline export.

``taggings`` and ``flows`` keep the sentence through the three cells and their
‖∂L_T/∂s_k‖ in this session's state while the tagging stays the same
(``memo.session_memo``); the RNN is this session's model, the LSTM and the GRU the
shipped ones (``resources.cell_model``, shared, read-only). ``export_figures`` gives
the page's figures at step t for the share panel's offline HTML (``views.view_html``),
which cannot import the page's glue (``cells_page`` draws through ``views``).
"""
from __future__ import annotations

import numpy as np

from ..figures.cell_diagram import make_cell_diagram
from ..figures.cells_flow import make_cells_flow
from ..figures.gate_formula import make_gate_formula
from ..figures.gates import make_gates
from ..figures.memory import make_memory
from ..figures.style import Look
from ..i18n import text
from ..lessons import cells as lc
from ..nn.cells import NAMES
from ..training.tagger import Tagging
from . import resources, session_keys
from .context import Context
from .memo import session_memo

GATED = ("lstm", "gru")
CELL_STATE = "lstm_C"       # the LSTM's ‖∂L_T/∂C_k‖, drawn next to the three s lines


def taggings(ctx: Context) -> dict[str, Tagging]:
    """{"rnn", "lstm", "gru"} -> the sentence's tagging by each (kept while it stays)."""
    return session_memo(session_keys.CELLS_TAGGINGS, (ctx.tagging,), lambda: {
        "rnn": ctx.tagging,
        **{cell: lc.retag(ctx.tagging, resources.cell_model(cell)) for cell in GATED}})


def flows(ctx: Context, tgs: dict[str, Tagging]) -> dict[str, np.ndarray]:
    """cell -> ‖∂L_T/∂s_k‖, k = 1..T; and "lstm_C" -> the LSTM's ‖∂L_T/∂C_k‖."""
    return session_memo(session_keys.CELLS_FLOWS, (ctx.tagging,), lambda: {
        **{cell: lc.flow_to_last(tg.trace) for cell, tg in tgs.items()},
        CELL_STATE: lc.flow_to_last(tgs["lstm"].trace, "C")})


def cell_flows(norms: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The three cells' ‖∂L_T/∂s_k‖ of ``flows`` (what the sentence under the chart
    compares), without the LSTM's cell state."""
    return {c: n for c, n in norms.items() if c != CELL_STATE}


def flow_chart(norms: dict[str, np.ndarray], tokens, look: Look):
    """The three cells' ‖∂L_T/∂s_k‖ and the LSTM's ‖∂L_T/∂C_k‖ of ``flows``."""
    return make_cells_flow(cell_flows(norms), tokens, cell_state=norms[CELL_STATE], look=look)


def export_figures(ctx: Context, t: int, gate: str, d: int, look: Look) -> list[tuple]:
    """(heading, figure, alt text) of every chart of the page at step t."""
    lang, tgs = ctx.lang, taggings(ctx)
    out = []
    for cell in GATED:
        tr = tgs[cell].trace
        out.append(("", make_cell_diagram(tr, t, look=look),
                    text("alt.cells_diagram", lang, cell=NAMES[cell], t=t,
                         word=tr.tokens[t - 1], gates=", ".join(tr.model.GATES))))
        out.append(("", make_gates(tr, t, look=look),
                    text("alt.cells_gates", lang, cell=NAMES[cell], t=t,
                         sentence=" ".join(tr.tokens))))
    cell, key = gate.split(":")
    tr = tgs[cell].trace
    out.append(("", make_gate_formula(lc.gate_terms(tr, key, t), tr.tokens[t - 1], look=look),
                text("alt.cells_formula", lang, gate=gate, t=t, word=tr.tokens[t - 1])))
    out.append((text("cells.flow.heading", lang),
                flow_chart(flows(ctx, tgs), tr.tokens, look),
                text("alt.cells_flow", lang, sentence=" ".join(tr.tokens))))
    result, _ = resources.memory()
    if result is not None:
        out.append((text("cells.memory.heading", lang), make_memory(result, d, look=look),
                    text("alt.cells_memory", lang)))
    return out
