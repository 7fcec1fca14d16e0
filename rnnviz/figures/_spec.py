"""A go.Figure that stays a plain dict until someone needs Plotly's objects.

``st.plotly_chart`` only calls ``fig.to_dict()`` and JSON-encodes the result.
Building Plotly's trace and layout objects for that (even unvalidated) and
deep-copying them again in ``to_dict`` was a fifth of a rerun's server time
(py-spy, bench/load.py). ``SpecFigure.to_dict`` returns the spec directly,
with NumPy arrays as Plotly's typed arrays; anything else (``fig.data``,
``fig.layout``, ``write_html``, ``update_layout``, tests) builds the real
figure on first use and behaves exactly like ``go.Figure``.
"""
from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
from _plotly_utils.utils import is_skipped_key, to_typed_array_spec


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
# each Plotly.react, sees new coordinates and redraws the whole chart on the second
# react Streamlit makes of every new chart (style.figure). Measured with
# bench/figure_draw.py's harness: that second react took 25 -> 8 ms for the flow
# figure and 37 -> 14 ms for the backward graph with x/y as lists.
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
