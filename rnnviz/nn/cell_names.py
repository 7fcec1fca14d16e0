r"""The one table of the names the LSTM's and the GRU's quantities are shown under.

The tutorial series goes on from the RNN to the LSTM (零基础入门深度学习, part 6)
with forget gate f_t, input gate i_t, output gate o_t, candidate c̃_t, cell state
c_t and output h_t. Those names are kept except where they collide with a name
the RNN already shows on the same page (``model.py``: U, W, V, b, c, f, s_t,
o_t, z_t, a_t, δ_t). The rule, so a student can guess it: a tutorial letter the
RNN already uses becomes the Greek letter written and said like it.

    tutorial   here   why
    f_t        φ_t    f is the RNN's activation (s_t = f(U x_t + W s_{t-1} + b));
                      φ (phi) is the Greek f
    o_t        ω_t    o_t is the RNN's output softmax(V s_t + c) on the same page;
                      ω (omega) is the Greek o
    h_t        s_t    the same thing as the RNN's s_t: the state the output layer
                      reads, o_t = softmax(V s_t + c) in all three cells, so one
                      letter, and ‖∂L_t/∂s_k‖ is one quantity on one chart
    c_t, c̃_t   C_t, C̃_t  c is the RNN's output bias (∂L/∂c next to ∂L/∂c_k would
                      read as the same thing); capital C is colah's
                      "Understanding LSTM Networks" notation
    i_t        i_t    free
    GRU z_t    ζ_t    z_t is the RNN's logits V s_t + c; ζ (zeta) is the Greek z
    GRU r_t    r_t    free
    GRU h̃_t    s̃_t    the candidate state, s like the state

Parameters are named per gate like the tutorial's W_f, W_i (its W_fh/W_fx
halves are our W (recurrent) and U (input), as in the RNN): U_φ, W_φ, b_φ, ….
In code, a gate is a key of ``LSTM_GATES`` / ``GRU_GATES`` (the stacking order
of the rows of U, W and b) and its label comes from ``LABELS`` only;
``label(key, t)`` writes it for step t in the ``s_{t-1}`` form
``figures.style.pretty`` typesets.
"""
from __future__ import annotations

# Stacking order of the gates' rows in U, W, b (the tutorial's order for the LSTM,
# PyTorch's r, z, n for the GRU).
LSTM_GATES = ("forget", "input", "cand", "out")
GRU_GATES = ("reset", "update", "cand")

# quantity (code name) -> the label shown in the UI; "_t" is the step.
LABELS: dict[str, dict[str, str]] = {
    "lstm": {
        "forget": "φ_t",        # forget gate σ(…), 1 keeps C_{t-1}
        "input": "i_t",         # input gate σ(…)
        "cand": "C̃_t",          # candidate tanh(…)
        "out": "ω_t",           # output gate σ(…)
        "cell": "C_t",          # cell state φ_t ⊙ C_{t-1} + i_t ⊙ C̃_t
        "state": "s_t",         # ω_t ⊙ tanh(C_t), what V reads
        "s0": "s_0",
        "C0": "C_0",
    },
    "gru": {
        "reset": "r_t",         # reset gate σ(…), inside the candidate
        "update": "ζ_t",        # update gate σ(…), 1 keeps s_{t-1}
        "cand": "s̃_t",          # candidate tanh(…)
        "state": "s_t",         # (1 - ζ_t) ⊙ s̃_t + ζ_t ⊙ s_{t-1}
        "s0": "s_0",
        "bh": "b^W_s̃",          # the candidate's recurrent bias, inside r_t ⊙ (…)
    },
}


def label(cell: str, key: str, t: int | str | None = None) -> str:
    """The UI name of ``key`` in ``cell`` ("lstm" or "gru"), at step ``t`` if given:
    label("lstm", "forget", 3) == "φ_{3}"."""
    name = LABELS[cell][key]
    if t is None or not name.endswith("_t"):
        return name
    return f"{name[:-2]}_{{{t}}}"


def gate_letter(cell: str, gate: str) -> str:
    """The gate's letter without the step, for parameter names: "φ", "C̃", "ζ"."""
    name = LABELS[cell][gate]
    return name.removesuffix("_t")


def param_label(cell: str, param: str, gate: str | None = None) -> str:
    """A parameter's UI name: ("lstm", "W", "forget") -> "W_φ"; ("gru", "V") -> "V"."""
    if param in LABELS[cell]:
        return LABELS[cell][param]
    return param if gate is None else f"{param}_{gate_letter(cell, gate)}"
