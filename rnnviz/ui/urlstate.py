"""Everything that defines what is on screen, as one table: the URL state.

A link on a slide must open exactly the view it was copied from, so every
setting a view depends on is a URL parameter (in the spirit of
tensorflow/playground's ``state.ts``). Each row of ``FIELDS`` says:

    name      the URL parameter, also the ``st.session_state`` key of its widget
    kind      "str" | "int" | "float" | "bool" | "choice"
    default   the widget's default (``None``: decided at run time, see ``doc``)
    choices   allowed values of a "choice"; lo..hi the range of a number;
              max_len the longest "str"
    pages     URL paths of the pages that read it (() = every page)

Widgets take their defaults and ranges from here. ``check`` reads a URL's
parameters (unknown names and bad values are reported, never raised) and
``link`` writes one with *every* field of a page, defaults included:
Streamlit drops a bound parameter equal to its widget's default, and some
defaults depend on the viewer (the language follows the browser), so a link
without them would open differently on another machine.

``embed_options`` is Streamlit's own parameter: ``light_theme`` or
``dark_theme`` choose the app theme when the link is opened (the figures follow
the app theme). Pure Python: no Streamlit, no Plotly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping
from urllib.parse import quote, urlencode

from ..lessons.cells import FORMULA_GATES
from ..nn.activations import ACTIVATIONS
from ..text.tokenize import MAX_TOKENS
from ..training.memory import D_MAX, D_MIN

# URL paths of the pages = their file names in pages/ (rnnviz.ui.shell.PAGES; a test checks it)
NETWORK, WEIGHTS, BACKPROP, WHY, TRAIN = "network", "weights", "bptt", "why", "train"
LESSON = "lesson"
CELLS = "cells"
LM = "lm"                   # the language model: the next word
HOME = NETWORK              # the page served at "/" (every link made before the lesson keeps
                            # opening what it opened)
SENTENCE_PAGES = (LESSON, NETWORK, WEIGHTS, BACKPROP, WHY, CELLS, LM)
STEP_PAGES = (LESSON, NETWORK, WEIGHTS, WHY, CELLS, LM)  # pages drawn with ui.steps.controls
LESSON_STEPS = 11           # rnnviz.lessons.guided.STEPS (a test checks it)
PLAY_SPEEDS = {"slow": 1.6, "normal": 0.9, "fast": 0.45}     # seconds per step
THEMES = ("light_theme", "dark_theme")


class BadValue(ValueError):
    """A URL value a field does not accept; ``code`` is one of REASONS."""
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# why a parameter was not used (rnnviz/i18n/lecture.py has a sentence for each)
REASONS = ("unknown", "length", "choice", "bool", "int", "float", "range")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    default: Any
    doc: str
    choices: tuple = ()
    lo: float | None = None
    hi: float | None = None
    max_len: int | None = None
    pages: tuple[str, ...] = ()

    def on(self, page: str) -> bool:
        return not self.pages or page in self.pages

    def parse(self, raw: str) -> Any:
        """The value of the URL text ``raw``; ``BadValue`` says what is wrong."""
        if self.kind == "str":
            if self.max_len is not None and len(raw) > self.max_len:
                raise BadValue("length")
            return raw
        if self.kind == "choice":
            if raw not in self.choices:
                raise BadValue("choice")
            return raw
        if self.kind == "bool":
            if raw.lower() not in ("true", "false"):
                raise BadValue("bool")
            return raw.lower() == "true"
        try:
            value = int(raw) if self.kind == "int" else float(raw)
        except ValueError:
            raise BadValue(self.kind) from None
        if not math.isfinite(value) or not (self.lo <= value <= self.hi):
            raise BadValue("range")
        return value

    @property
    def allowed(self) -> str:
        """The allowed values, for people: 'en, zh', '1..50', '≤ 400'."""
        if self.choices:
            return ", ".join(map(str, self.choices))
        if self.lo is not None:
            return f"{fmt(self.lo)}..{fmt(self.hi)}"
        if self.max_len is not None:
            return f"≤ {self.max_len}"
        return "true, false" if self.kind == "bool" else ""

    def format(self, value: Any) -> str:
        """The URL text of ``value``, as Streamlit writes it for a bound widget."""
        if self.kind == "bool":
            return "true" if value else "false"
        return fmt(value) if self.kind == "float" else str(value)


def fmt(x: float) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


FIELDS: tuple[Field, ...] = (
    Field("s", "str", "我 吃 苹果", "the sentence", max_len=400, pages=SENTENCE_PAGES),
    Field("lang", "choice", None, "interface language (default: the browser's locale)",
          choices=("en", "zh")),
    Field("present", "bool", False, "presenter view: big text, full width, fewer controls"),
    Field("model", "choice", "builtin", "the built-in model or this session's own",
          choices=("builtin", "session")),
    Field("t", "int", 1, "the selected step (clamped to the sentence's length; the "
          "language model has a step more: after the last word)", lo=1,
          hi=MAX_TOKENS + 1, pages=STEP_PAGES),
    Field("speed", "choice", "normal", "play speed", choices=tuple(PLAY_SPEEDS),
          pages=STEP_PAGES),
    Field("step", "int", 1, "the lesson's step", lo=1, hi=LESSON_STEPS, pages=(LESSON,)),
    Field("u_full", "bool", False, "show the whole matrix U", pages=(WEIGHTS,)),
    Field("bptt_wscale", "float", 1.0, "W scaled by this factor", lo=0.1, hi=6.0,
          pages=(BACKPROP,)),
    Field("bptt_f", "choice", None, "activation f (default: the model's own)",
          choices=tuple(ACTIVATIONS), pages=(BACKPROP,)),
    Field("bptt_trunc", "int", 0, "truncated BPTT: steps back (0 = full)", lo=0,
          hi=MAX_TOKENS, pages=(BACKPROP,)),
    Field("bptt_t", "int", None, "the loss L_t followed back (default: the last step)",
          lo=1, hi=MAX_TOKENS, pages=(BACKPROP,)),
    Field("cells_gate", "choice", FORMULA_GATES[0], "the gate whose formula is shown "
          "(cell:gate)", choices=FORMULA_GATES, pages=(CELLS,)),
    Field("cells_d", "int", 8, "the memory family's member tagged live: its distance d",
          lo=D_MIN, hi=D_MAX, pages=(CELLS,)),
    Field("lm_n", "int", 10, "generation: at most this many words", lo=1, hi=30, pages=(LM,)),
    Field("lm_temp", "float", 1.0, "generation: the temperature τ (0 = greedy)", lo=0.0,
          hi=2.0, pages=(LM,)),
    Field("lm_topk", "int", 0, "generation: sample among the k most likely words (0 = all)",
          lo=0, hi=50, pages=(LM,)),
    Field("lm_seed", "int", 0, "generation: the random seed", lo=0, hi=2**31 - 1,
          pages=(LM,)),
    Field("train_seed", "int", None, "the training seed (default: a random one per "
          "session; in a link, every student's run draws the same curves)", lo=0,
          hi=2**31 - 1, pages=(TRAIN,)),
    Field("embed_options", "choice", None, "Streamlit's: the app theme at load "
          "(default: the viewer's setting)", choices=THEMES),
)
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
# Streamlit's own parameters: read by its frontend, never ours to judge
RESERVED = {"embed", "embed_options"}


@dataclass(frozen=True)
class Problem:
    """A URL parameter that was not used, and why (one of ``REASONS``)."""
    name: str
    raw: str
    reason: str


def check(params: Mapping[str, str | list[str]]) -> tuple[dict[str, Any], list[Problem]]:
    """The good values of ``params`` by name, and the parameters that are not used."""
    good, problems = {}, []
    for name, raw in params.items():
        raw = raw[-1] if isinstance(raw, list) else raw     # a repeated parameter: the last
        raw = "" if raw is None else str(raw)
        field = BY_NAME.get(name)
        if field is None:
            if name.lower() not in RESERVED:
                problems.append(Problem(name, raw, "unknown"))
            continue
        try:
            good[name] = field.parse(raw)
        except BadValue as e:
            problems.append(Problem(name, raw, e.code))
    return good, problems


def fields_of(page: str) -> tuple[Field, ...]:
    """The fields that define page ``page``'s view, in table order."""
    return tuple(f for f in FIELDS if f.on(page))


def query(page: str, values: Mapping[str, Any]) -> str:
    """``a=1&b=2`` with every field of ``page``: ``values`` where given, else the default.

    A field whose value is still unknown (``None``) is left out."""
    pairs = []
    for f in fields_of(page):
        v = values.get(f.name, f.default)
        if v is not None:
            pairs.append((f.name, f.format(v)))
    return urlencode(pairs, quote_via=quote)


def link(base: str, page: str, values: Mapping[str, Any]) -> str:
    """The full link to ``page`` (its URL path) under ``base`` (the app's root URL).
    The first page is the app's root: Streamlit serves the default page at "/" only."""
    path = "" if page == HOME else page
    return f"{base.rstrip('/')}/{path}?{query(page, values)}"


def table_rows() -> Iterable[tuple[str, str, str, str, str, str]]:
    """(name, kind, default, allowed, pages, doc) per field, for documentation."""
    for f in FIELDS:
        yield (f.name, f.kind, "—" if f.default is None else f.format(f.default), f.allowed,
               ", ".join(f.pages) or "all", f.doc)
