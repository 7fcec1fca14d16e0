"""Every ``st.session_state`` key the app uses, as one table (``urlstate`` is the URL's).

Each row of ``KEYS`` says:

    name    the key; ``{…}`` marks a part filled in at run time (``bptt_y_{i}``:
            one key per token)
    owner   the module that writes it (pages and other modules may read it)
    kind    "state"   a value the app keeps between reruns (ours alone);
            "widget"  a widget's value (Streamlit keeps it under the widget's key);
            "element" a keyed container or chart (a chart's key holds its selection)
    holds   what it holds

A widget bound to a URL parameter has the parameter's name as its key; those
keys are the fields of ``urlstate.FIELDS`` and are not repeated here.
Names starting with ``_`` are state no widget shows. Each session has its own
``st.session_state``: anything per user lives there, never in module globals
or ``st.cache_resource`` objects. ``tests/test_session_keys.py`` fails on a
key in ``rnnviz/`` or ``pages/`` that is in neither table. Pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import urlstate


@dataclass(frozen=True)
class Key:
    name: str
    owner: str
    kind: str
    holds: str


STATE, WIDGET, ELEMENT = "state", "widget", "element"

# --- keys code refers to by constant -------------------------------------------------
CONTEXT = "_rnnviz_context"                 # rnnviz.ui.context
BROWSER = "rnnviz_browser"
SESSION_MODEL = "_rnnviz_session_model"     # rnnviz.ui.models
PLAYING = "playing"                         # rnnviz.ui.steps
T_SERVER = "_t_server"
URL_NOTICE = "_rnnviz_url_notice"           # rnnviz.ui.shell
SENTENCE_CUT = "_rnnviz_sentence_cut"
SHARE = "lecture_share"
FIGURES = "_rnnviz_figures"                 # rnnviz.ui.views
TYPING_HOLD = "_rnnviz_typing_hold"         # rnnviz.ui.typing_hold
NUMBERS = "lecture_numbers"
PANEL = "_rnnviz_panel"
EDIT_K, EDIT_WORD, EDIT_FOR = "why_edit_k", "why_edit_word", "_why_edit_for"   # ui.feedforward
WHY_PAGE = "_why_page"                      # rnnviz.ui.why_page
BPTT_PAGE = "_bptt_page"                    # rnnviz.ui.bptt_state
BPTT_LR = "bptt_lr"
BPTT_TARGET = "bptt_y_{i}"
CELLS_TAGGINGS = "_cells_taggings"          # rnnviz.ui.cells_page
CELLS_FLOWS = "_cells_flows"
CELLS_GATES_NUMBERS = "cells_gates_numbers"
CELLS_FLOW_NUMBERS = "cells_flow_numbers"
CELLS_FORMULA_NUMBERS = "cells_formula_numbers"
CELLS_MEMORY_NUMBERS = "cells_memory_numbers"
LM_READING = "_lm_reading"                  # rnnviz.ui.lm_page
MODE = "mode"                               # rnnviz.ui.shell: tags or the next word
MODE_FROM = "_mode_from"

_UI = "rnnviz.ui."
KEYS: tuple[Key, ...] = (
    # the frame of every page
    Key(CONTEXT, _UI + "context", STATE, "the last Context (tagging, look, model) and what "
        "it was built from"),
    Key(BROWSER, _UI + "views", WIDGET, "the browser helper's report ({'theme': 'dark'|'light', "
        "'live': True once it runs, 'release': how often it asked for held charts})"),
    Key(TYPING_HOLD, _UI + "typing_hold", STATE, "typing_hold.Hold: when the sentence last "
        "changed, when the charts were drawn, whether this run holds them, their last figures"),
    Key(SESSION_MODEL, _UI + "models", STATE, "(model, source): this session's own frozen "
        "model and how it was made ('trained', 'uploaded', 'sgd')"),
    Key("_rnnviz_select_session", _UI + "models", STATE, "True: select the session's model "
        "in the next run that draws the switch"),
    Key(URL_NOTICE, _UI + "shell", STATE, "the opening URL's problems, until dismissed"),
    Key(SENTENCE_CUT, _UI + "shell", STATE, "how long the sentence was when it was cut "
        "to 400 characters ('link': cut from the URL)"),
    Key(SHARE, _UI + "shell", WIDGET, "the share & export popover: open or not"),
    Key("url_notice", _UI + "shell", ELEMENT, "the container of the URL notice"),
    Key("url_notice_ok", _UI + "shell", WIDGET, "the URL notice's dismiss button"),
    Key(FIGURES, _UI + "views", STATE, "this session's figures of the current tagging, by "
        "what they show"),
    Key(NUMBERS, _UI + "views", WIDGET, "the step's numbers expander: open or not"),
    Key(PANEL, _UI + "views", STATE, "[the share panel's slot, drawn in this run?, open?]"),
    Key("lecture_dl_html", _UI + "views", WIDGET, "download: this view as HTML"),
    Key("lecture_dl_{m}", _UI + "views", WIDGET, "download: matrix m as CSV"),
    Key("lecture_dl_npz", _UI + "views", WIDGET, "download: the matrices as .npz"),
    Key("{key}_scroll", _UI + "views", ELEMENT, "the scrolling box around chart key"),
    # stepping through time (the step t and the speed are URL fields)
    Key(PLAYING, _UI + "steps", STATE, "True while the step views play"),
    Key(T_SERVER, _UI + "steps", STATE, "the step t as the app last drew or set it (the "
        "slider's value, which the browser may not have taken yet)"),
    Key("t_{name}", _UI + "steps", WIDGET, "the step buttons: first, prev, play, next, last"),
    # charts (a chart's key holds its click selection)
    Key("folded_blank", _UI + "views", ELEMENT, "the folded network while the box is blank"),
    Key("unrolled", "pages.network", ELEMENT, "the unrolled graph (a click selects t)"),
    Key("formula", "pages.network", ELEMENT, "the formula of step t"),
    Key("neurons", "pages.network", ELEMENT, "the neurons of step t"),
    Key("heatmaps_chart", "pages.weights", ELEMENT, "the heatmaps of U, W, V, S, O"),
    Key("u_full_chart", "pages.weights", ELEMENT, "the whole matrix U"),
    # the BPTT page
    Key(BPTT_PAGE, _UI + "bptt_state", STATE, "bptt_state.State: corrected targets, the "
        "gradient check's result, the model before the first SGD step, the last step, "
        "the step t the page follows"),
    Key(BPTT_LR, _UI + "bptt_page", WIDGET, "the SGD step's learning rate η"),
    Key(BPTT_TARGET, _UI + "bptt_page", WIDGET, "the target tag menu of token i"),
    Key("bptt_preset_{name}", _UI + "bptt_page", WIDGET, "a preset: vanish, explode, model"),
    Key("bptt_targets_reset", _UI + "bptt_page", WIDGET, "back to the model's own tags"),
    Key("bptt_check", _UI + "bptt_page", WIDGET, "run the gradient check"),
    Key("bptt_sgd", _UI + "bptt_page", WIDGET, "take one SGD step"),
    Key("bptt_reset", _UI + "bptt_page", WIDGET, "undo the SGD steps"),
    Key("bptt_backward", _UI + "bptt_page", ELEMENT, "the backward graph (a click picks L_t)"),
    Key("bptt_flow", _UI + "bptt_page", ELEMENT, "the gradient-flow matrix"),
    Key("bptt_grads", _UI + "bptt_page", ELEMENT, "∂L/∂U, ∂L/∂W, ∂L/∂V"),
    Key("bptt_terms", _UI + "bptt_page", ELEMENT, "the terms of ∂L/∂W"),
    # the why page
    # the LSTM & GRU page
    Key(CELLS_TAGGINGS, _UI + "cells_page", STATE, "(the tagging, {cell: Tagging}): the "
        "sentence through the RNN, the LSTM and the GRU"),
    Key(CELLS_FLOWS, _UI + "cells_page", STATE, "(the tagging, {cell: ‖∂L_T/∂s_k‖})"),
    Key(CELLS_GATES_NUMBERS, _UI + "cells_page", WIDGET, "the gates' numbers: open or not"),
    Key(CELLS_FLOW_NUMBERS, _UI + "cells_page", WIDGET, "the flow's numbers: open or not"),
    Key(CELLS_FORMULA_NUMBERS, _UI + "cells_page", WIDGET, "the formula's numbers: open or not"),
    Key(CELLS_MEMORY_NUMBERS, _UI + "cells_page", WIDGET, "the memory numbers: open or not"),
    Key("cells_use_member", _UI + "cells_page", WIDGET, "put the live member in the box"),
    Key("cells_diagram_{cell}", _UI + "cells_page", ELEMENT, "the cell's diagram at step t"),
    Key("cells_gates_{cell}", _UI + "cells_page", ELEMENT, "the cell's gates as heatmaps"),
    Key("cells_formula", _UI + "cells_page", ELEMENT, "one gate's formula at step t"),
    Key("cells_flow", _UI + "cells_page", ELEMENT, "‖∂L_T/∂s_k‖ of the three cells"),
    Key("cells_memory", _UI + "cells_page", ELEMENT, "accuracy against d, per cell"),
    # the language-model page
    Key(LM_READING, _UI + "lm_page", STATE, "(the tagging, Reading or its coded error): the "
        "sentence through the language model of its language"),
    Key(MODE, _UI + "shell", ELEMENT, "the mode switch: links to tag each word or to "
        "predict the next"),
    Key(MODE_FROM, _UI + "shell", STATE, "the last tagging page: where the switch goes back"),
    Key("lm_next_{i}", _UI + "lm_page", WIDGET, "append candidate i to the sentence"),
    Key("lm_new_seed", _UI + "lm_page", WIDGET, "draw another random seed"),
    Key("lm_use_generated", _UI + "lm_page", WIDGET, "append the generated words"),
    Key("lm_far_{side}", _UI + "lm_page", WIDGET, "put the far-back example in the box"),
    *(Key(f"lm_{name}", _UI + "lm_page", ELEMENT, doc) for name, doc in (
        ("unrolled", "the LM's unrolled graph (a click selects t)"),
        ("bars", "o_t's top 10 next words"), ("formula", "the formula of step t, rows "
        "that matter"), ("temperature", "before and after the temperature"))),
    Key(WHY_PAGE, _UI + "why_page", STATE, "why_page.State: both taggers' reach for the "
        "current trace"),
    Key(EDIT_K, _UI + "feedforward", WIDGET, "the edit view's word k"),
    Key(EDIT_WORD, _UI + "feedforward", WIDGET, "the word put in place of word k"),
    Key(EDIT_FOR, _UI + "feedforward", STATE, "the sentence the edit view was set up for"),
    Key("why_ex_{i}", _UI + "feedforward", WIDGET, "ready-made example i"),
    Key("why_probs", _UI + "why_page", ELEMENT, "both taggers' o_t"),
    Key("why_reach", _UI + "why_page", ELEMENT, "how far back each word reaches"),
    Key("why_edit", _UI + "why_page", ELEMENT, "what editing word k changes"),
    # the lesson page
    Key("_lesson_answers", _UI + "lesson_page", STATE, "{step name: Answer} (never in the URL)"),
    Key("lesson_wscale", _UI + "lesson_page", WIDGET, "the W scale of the last three steps"),
    Key("lesson_prev", _UI + "lesson_page", WIDGET, "Back (Page Up)"),
    Key("lesson_next", _UI + "lesson_page", WIDGET, "Next (Page Down)"),
    Key("lesson_again_{name}", _UI + "lesson_page", WIDGET, "answer step name's question again"),
    Key("lesson_form_{name}_{sig}", _UI + "lesson_page", WIDGET, "the form of one question"),
    Key("lesson_pick_{name}_{sig}", _UI + "lesson_page", WIDGET, "a question's options"),
    Key("lesson_num_{name}_{sig}", _UI + "lesson_page", WIDGET, "a question's number"),
    *(Key(f"lesson_{kind}", _UI + "lesson_page", ELEMENT, doc) for kind, doc in (
        ("folded", "the folded network"), ("neurons", "the neurons"),
        ("unrolled", "the unrolled network"), ("probs", "o_t of both taggers"),
        ("formula", "the formula at t = 1"), ("backward", "the error flowing back"),
        ("flow", "the gradient-flow matrix"))),
    # the train page
    Key("_train_run", _UI + "training_run", STATE, "the running job and what it trains on"),
    Key("_train_done", _UI + "training_run", STATE, "the last finished run and its outcome"),
    Key("_train_note", _UI + "training_run", STATE, "(kind, message) about the run"),
    Key("_train_data", _UI + "training_data", STATE, "(files and options, the prepared data)"),
    Key("_train_read_{role}", _UI + "training_data", STATE, "(file and options, the parsed "
        "corpus) per uploader: train, test"),
    Key("_train_model_note", _UI + "model_files", STATE, "(kind, message) about the model file"),
    Key("_train_select", _UI + "models", STATE, "a trained model waits to be selected"),
    *(Key(f"train_{name}", _UI + "training_data", WIDGET, doc) for name, doc in (
        ("source", "the data: built-in or uploaded"), ("vocab", "the vocabulary cap"),
        ("corpus", "the uploaded training file"), ("test_file", "the uploaded test file"),
        ("column", "the tag column: UPOS or XPOS"), ("skip_bad", "skip bad sentences"))),
    *(Key(f"train_{name}", _UI + "training_settings", WIDGET, doc) for name, doc in (
        ("hidden", "H"), ("activation", "f"), ("optimizer", "the optimizer"),
        ("lr", "the learning rate"), ("recurrent", "W on (RNN) or 0 (feed-forward)"),
        ("epochs", "epochs"), ("batch", "the batch size"), ("clip", "gradient clipping"),
        ("dropout", "dropout"))),
    Key("train_start", _UI + "training_run", WIDGET, "the Start button"),
    Key("train_stop", _UI + "training_run", WIDGET, "the Stop button"),
    Key("train_per_tag", _UI + "training_results", WIDGET, "the per-tag table"),
    Key("train_download", _UI + "model_files", WIDGET, "download the model"),
    Key("train_model_file", _UI + "model_files", WIDGET, "the uploaded model file"),
    *(Key(f"train_{name}", _UI + "training_run", ELEMENT, "a training chart") for name in (
        "curves_live", "weights_live")),
    *(Key(f"train_{name}", _UI + "training_results", ELEMENT, "a training chart") for name in (
        "curves_done", "weights_done", "confusion")),
)
BY_NAME: dict[str, Key] = {k.name: k for k in KEYS}

_HOLE = re.compile(r"\{[^{}]*\}")


def pattern(name: str) -> str:
    """``name`` with each ``{…}`` written as ``{}`` (how a scan writes an f-string)."""
    return _HOLE.sub("{}", name)


_PATTERNS = {pattern(k.name) for k in KEYS}
_REGEXES = [re.compile("".join(".+" if part == "{}" else re.escape(part)
                               for part in re.split(r"(\{\})", p)) + r"\Z")
            for p in _PATTERNS if "{}" in p]


def registered(name: str) -> bool:
    """Whether ``name`` (a key, or an f-string's pattern ``bptt_y_{}``) is in this table
    or is a URL field's widget."""
    if name in urlstate.BY_NAME or pattern(name) in _PATTERNS:
        return True
    return "{}" not in pattern(name) and any(r.match(name) for r in _REGEXES)


def table_rows():
    """(name, owner, kind, holds) per key, URL fields included, for documentation."""
    for f in urlstate.FIELDS:
        yield f.name, "rnnviz.ui.urlstate", "widget", f.doc
    for k in KEYS:
        yield k.name, k.owner, k.kind, k.holds
