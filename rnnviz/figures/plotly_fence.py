"""Where the figures lean on Plotly's undocumented behaviour: all of it, here.

Each piece says what it works around and what measurement justified it;
tests/test_compat_plotly.py fails when a Plotly release breaks an assumption.

1. ``SpecFigure``: a go.Figure that stays a plain dict until someone needs
   Plotly's objects (subclasses go.Figure without calling its ``__init__``, and
   encodes arrays with the private ``_plotly_utils.utils.to_typed_array_spec``).
2. ``spec_figure`` / ``apply_template``: Plotly's template merge done in Python,
   ``meta`` as a JSON string, plain x/y lists and merged shapes, so that
   ``Plotly.react`` with a chart's next figure redraws only what changed (Plotly
   compares some objects by identity).
3. ``text_width`` / ``label_room`` / ``colorbar_room``: margins computed from the
   labels with constants fitted against Plotly's layout in Chromium, so that
   Plotly never widens a margin and draws a chart twice.
"""
from __future__ import annotations

import json
import re
import unicodedata

import numpy as np
import plotly.graph_objects as go
from _plotly_utils.utils import is_skipped_key, to_typed_array_spec

# --- 1. SpecFigure -----------------------------------------------------------------
# ``st.plotly_chart`` only calls ``fig.to_dict()`` and JSON-encodes the result.
# Building Plotly's trace and layout objects for that (even unvalidated) and
# deep-copying them again in ``to_dict`` was a fifth of a rerun's server time
# (py-spy, bench/load.py). ``SpecFigure.to_dict`` returns the spec directly,
# with NumPy arrays as Plotly's typed arrays; anything else (``fig.data``,
# ``fig.layout``, ``write_html``, ``update_layout``, tests) builds the real
# figure on first use and behaves exactly like ``go.Figure``.

class SpecFigure(go.Figure):
    def __init__(self, spec: dict):              # noqa: D107 — no super().__init__ yet
        object.__setattr__(self, "_spec", spec)
        object.__setattr__(self, "_built", False)

    def _build(self) -> None:
        if not object.__getattribute__(self, "_built"):
            object.__setattr__(self, "_built", True)
            spec = object.__getattribute__(self, "_spec")
            go.Figure.__init__(self, spec, _validate=False)
            if "template" not in spec.get("layout", {}):
                # not Plotly's default template: style.figure wrote ours into the spec
                self.layout.template = None

    def __getattr__(self, name):
        # Reached only for attributes not set yet: Plotly's internals before the build.
        if object.__getattribute__(self, "_built"):
            raise AttributeError(name)
        self._build()
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        self._build()
        super().__setattr__(name, value)

    def to_dict(self) -> dict:
        if object.__getattribute__(self, "_built"):
            out = super().to_dict()
            if out.get("layout", {}).get("template", "") is None:
                del out["layout"]["template"]
            return wire(out)
        # the spec is never changed (a change builds the figure), so its wire form is
        # made once: a figure kept from an earlier rerun (ui.views.figure) costs nothing
        # here again. Don't mutate the returned dict.
        out = self.__dict__.get("_wire")
        if out is None:
            out = wire(_jsonable(object.__getattribute__(self, "_spec")))
            object.__setattr__(self, "_wire", out)
        return out

    def with_layout(self, **values) -> "SpecFigure":
        """A new figure: this (unbuilt) one with ``values`` (plain JSON values) set in its
        layout; both share one wire form (made once, see ``to_dict``)."""
        spec = object.__getattribute__(self, "_spec")
        new = SpecFigure({**spec, "layout": {**spec.get("layout", {}), **values}})
        made = self.to_dict()
        object.__setattr__(new, "_wire", {**made, "layout": {**made.get("layout", {}),
                                                             **values}})
        return new

    def to_plotly_json(self) -> dict:
        return self.to_dict()

    @property
    def built(self) -> bool:
        """Whether Plotly's objects exist (then they, not ``spec``, are the figure)."""
        return object.__getattribute__(self, "_built")

    @property
    def spec(self) -> dict:
        """The plain dict the figure was made from (don't mutate it: make a new figure)."""
        return object.__getattribute__(self, "_spec")

    @property
    def meta(self) -> dict:
        """``layout.meta`` without building the figure ({} when there is none)."""
        if object.__getattribute__(self, "_built"):
            meta = self.layout.meta
        else:
            meta = object.__getattribute__(self, "_spec").get("layout", {}).get("meta")
        return meta if isinstance(meta, dict) else {}


def wire(fig: dict) -> dict:
    """A figure dict made cheaper for the browser, drawing the same (in place):

    - ``meta`` as a JSON string: Plotly compares an object ``meta`` by identity and
      redraws the whole chart when Streamlit reacts with a copy of it (style.figure);
    - each run of consecutive shapes that look the same (a box per word, a box per
      step) as one SVG path: one element instead of dozens, in the same order."""
    layout = fig.get("layout")
    if isinstance(layout, dict):
        if isinstance(layout.get("meta"), dict):
            layout["meta"] = json.dumps(layout["meta"], separators=(",", ":"),
                                        ensure_ascii=False)
        if isinstance(layout.get("shapes"), list):
            layout["shapes"] = merged_shapes(layout["shapes"])
    return fig


_GEOMETRY = frozenset({"type", "x0", "x1", "y0", "y1", "path"})


def _as_path(shape) -> str | None:
    """A rect or path shape in data coordinates as an SVG path (else None)."""
    if not isinstance(shape, dict) or any(k in shape for k in ("xsizemode", "ysizemode")):
        return None
    refs = (str(shape.get("xref", "x")), str(shape.get("yref", "y")))
    if any(r == "paper" or r.endswith("domain") for r in refs):
        return None
    if shape.get("type") == "path" and isinstance(shape.get("path"), str):
        return shape["path"]
    corners = [shape.get(k) for k in ("x0", "y0", "x1", "y1")]
    if shape.get("type") == "rect" and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                           for v in corners):
        x0, y0, x1, y1 = corners
        return f"M{x0},{y0}H{x1}V{y1}H{x0}Z"
    return None


def merged_shapes(shapes: list) -> list:
    """``shapes`` with each run of consecutive same-looking boxes as one path shape."""
    out, last_style = [], None
    for shape in shapes:
        path = _as_path(shape)
        if path is None:
            out.append(shape)
            last_style = None
            continue
        style = {k: v for k, v in shape.items() if k not in _GEOMETRY}
        if style == last_style:
            out[-1]["path"] += path
        else:
            out.append({**style, "type": "path", "path": path})
            last_style = style
    return out


def wire_meta(layout: dict) -> dict:
    """The ``meta`` of a figure's layout as sent to the browser (a JSON string) or as
    built (a dict), as a dict ({} when there is none)."""
    meta = (layout or {}).get("meta")
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except ValueError:
            return {}
    return meta if isinstance(meta, dict) else {}


def meta_of(fig: go.Figure) -> dict:
    """A figure's ``layout.meta`` (a dict for our figures), building nothing."""
    meta = fig.meta if isinstance(fig, SpecFigure) else fig.layout.meta
    return meta if isinstance(meta, dict) else {}


# Coordinates go as plain lists: Plotly decodes a typed x or y into a new array on
# each Plotly.react and sees new coordinates even where none changed (measured with
# bench/figure_draw.py's harness when charts were drawn twice: 25 -> 8 ms for the flow
# figure, 37 -> 14 ms for the backward graph with x/y as lists). The other arrays
# (heatmaps' z, colours) go as typed arrays: smaller, faster to parse.
PLAIN_KEYS = frozenset({"x", "y"})


def _jsonable(value, key=None):
    """A copy of ``value`` ready for JSON: arrays as typed arrays (as Plotly's
    ``convert_to_base64``), tuples as lists, properties set to None left out (as
    Plotly does: None means unset); the spec itself is left untouched."""
    if isinstance(value, dict):
        return {k: _jsonable(v, k) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fiu" and value.size and not is_skipped_key(key) \
                and key not in PLAIN_KEYS:
            return to_typed_array_spec(np.ascontiguousarray(value))
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


# --- 2. Plotly.react redraws only what changed ------------------------------------

def spec_figure(traces: list[dict], layout: dict) -> SpecFigure:
    """A figure made so that ``Plotly.react`` with the chart's next figure (ui/chart.js)
    redraws only what changed. Plotly redraws everything when it finds a new object
    where it compares identity: ``template`` and ``meta``, which a figure parsed from
    JSON always brings anew. So the template's defaults are written into the layout and
    traces (``apply_template``), and ``meta`` is sent as a JSON string (``wire``).
    Measured on the BPTT page (bench/browser_profile.py, four keystrokes) when every
    chart was drawn twice by Streamlit: Plotly's own time 466 -> 271 ms."""
    traces, layout = apply_template(traces, layout)
    return SpecFigure(dict(data=traces, layout=layout))


_AXIS = re.compile(r"[xy]axis\d*")
_COLORAXIS = re.compile(r"coloraxis\d*")


def _merge(default: dict, given: dict | None) -> dict:
    """``given`` over ``default``, dicts merged all the way down; None means unset."""
    out = dict(default)
    for k, v in (given or {}).items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif v is not None:
            out[k] = v
    return out


def apply_template(traces: list[dict], layout: dict) -> tuple[list[dict], dict]:
    """What Plotly does with ``layout["template"]`` (the parts ``template`` uses), done
    here: its axis, colour-axis, hover, annotation and shape defaults, and its
    per-trace-type defaults, under what the figure sets. New lists and dicts; the
    given ones are not changed."""
    layout = dict(layout)
    tpl = layout.pop("template", None) or {}
    for letter in "xy":                   # Plotly's own alias: xaxis1 is xaxis, x1 is x
        if f"{letter}axis1" in layout and f"{letter}axis" not in layout:
            layout[f"{letter}axis"] = layout.pop(f"{letter}axis1")
    traces = [{**tr, **{f"{c}axis": c for c in "xy" if tr.get(f"{c}axis") == f"{c}1"}}
              for tr in traces]
    tl, td = tpl.get("layout", {}), tpl.get("data", {})
    axes = {k for k in layout if _AXIS.fullmatch(k)}          # declared, or used by a trace
    for tr in traces:                                         # (all ours are cartesian)
        for letter in "xy":
            suffix = str(tr.get(f"{letter}axis") or letter)[1:]     # "x3" -> "3"
            if suffix == "" or suffix.isdigit():
                axes.add(f"{letter}axis" + ("" if suffix in ("", "1") else suffix))
    for name in axes:
        if name[0] + "axis" in tl:
            layout[name] = _merge(tl[name[0] + "axis"], layout.get(name))
    for name in [k for k in layout if _COLORAXIS.fullmatch(k)]:
        if "coloraxis" in tl:
            layout[name] = _merge(tl["coloraxis"], layout[name])
    for key in ("hovermode", "colorway"):
        if key in tl and layout.get(key) is None:
            layout[key] = tl[key]
    if "hoverlabel" in tl:
        layout["hoverlabel"] = _merge(tl["hoverlabel"], layout.get("hoverlabel"))
    for items, defaults in (("annotations", "annotationdefaults"), ("shapes", "shapedefaults")):
        if defaults in tl and layout.get(items):
            layout[items] = [_merge(tl[defaults], item) for item in layout[items]]
    traces = [_merge(td[tr.get("type", "scatter")][0], tr) if tr.get("type", "scatter") in td
              else tr for tr in traces]
    return traces, layout


# --- 3. margins Plotly need not widen -------------------------------------------

def text_width(s: str, px: float) -> float:
    """About how wide ``s`` is in px at font size ``px`` (CJK 1 em, superscripts 0.42,
    ASCII 0.6): for margins, so a little more than the browser measures."""
    w = 0.0
    for ch in s:
        w += (1.0 if unicodedata.east_asian_width(ch) in "WF" else
              0.42 if ch in "⁰¹²³⁴⁵⁶⁷⁸⁹⁻" else 0.3 if ch == "·" else 0.6)
    return w * px


def label_room(labels, px: float, *, angle: float = 0.0, title_px: float | None = None
               ) -> int:
    """The px of margin that an axis's tick ``labels`` (font ``px``, turned ``angle``
    degrees from the axis line: 0 under an x axis, 90 beside a y axis, -45 slanted)
    and its title take, for a margin Plotly need not widen (see colorbar_room)."""
    widest = max((text_width(str(k), px) for k in labels), default=0.0)
    a = np.radians(angle)
    across = widest * abs(np.sin(a)) + px * abs(np.cos(a))
    return int(across + (15 + 1.5 * title_px if title_px else 0) + 8)


def colorbar_room(colorbar: dict) -> int:
    """The px right of the plot that a vertical colour bar placed at ``x=1`` (xanchor
    left) needs for its bar, its ``ticktext`` and its title (rotated at the side,
    ``side="right"``, or above it): set it as ``margin.r``. When a colour bar needs
    more than the margin a figure was sent with, Plotly widens the margin and draws
    the new chart a second time (2-5 ms a chart in Chromium, bench/figure_draw.py).
    Checked against Plotly in Chromium for tick fonts of 10-24 px and, for the
    app's figures, by tests/test_chart_redraws.py (short by up to 7 px at 18 px
    without the slack)."""
    tick_px = colorbar["tickfont"]["size"]
    labels = max((text_width(str(t), tick_px) for t in colorbar["ticktext"]), default=0.0)
    bar = colorbar.get("thickness", 30) + labels
    title = colorbar.get("title") or {}
    if title.get("text"):
        px = title["font"]["size"]
        if title.get("side") == "right":
            bar += 1.5 * px
        else:
            bar = max(bar, text_width(title["text"], px))
    return int(np.ceil(2 * colorbar.get("xpad", 10) + 8 + 0.4 * tick_px + bar))
