"""Shared look of every figure: colour scales, tag colours, fonts, themes.

One diverging, colour-blind-safe scale centred on 0 for every weight and
state map (ColorBrewer RdBu: blue < 0 < red), one sequential scale for
probabilities, and a categorical colour per tag (Okabe–Ito, then Paul Tol),
so a colour means the same thing in every picture. Tag names are always
printed too: colour is never the only channel.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import numpy as np
import plotly.graph_objects as go

from ._spec import SpecFigure

# ColorBrewer RdBu (colour-blind safe), reversed: negative blue, positive red.
DIVERGING = [
    [0.0, "#053061"], [0.1, "#2166ac"], [0.2, "#4393c3"], [0.3, "#92c5de"],
    [0.4, "#d1e5f0"], [0.5, "#f7f7f7"], [0.6, "#fddbc7"], [0.7, "#f4a582"],
    [0.8, "#d6604d"], [0.9, "#b2182b"], [1.0, "#67001f"],
]
# Probabilities 0..1: ColorBrewer Greens, white to dark (colour-blind safe).
SEQUENTIAL = [
    [0.0, "#f7fcf5"], [0.25, "#c7e9c0"], [0.5, "#74c476"], [0.75, "#238b45"],
    [1.0, "#00441b"],
]
# Gradient magnitudes (log scale): viridis, perceptually uniform and CB-safe.
MAGNITUDE = "Viridis"

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
             "#CC79A7", "#000000"]
TOL_EXTRA = ["#882255", "#44AA99", "#999933", "#AA4499", "#888888", "#332288"]
TAG_COLOURS = {
    "nn": "#0072B2", "v": "#D55E00", "adj": "#009E73", "adv": "#CC79A7",
    "d": "#56B4E9", "num": "#E69F00", "m": "#999933", "p": "#882255",
    "c": "#44AA99", "aux": "#AA4499", "part": "#888888", "pu": "#332288",
}
POSITIVE, NEGATIVE = "#b2182b", "#2166ac"      # edge colours: sign of a weight
HIGHLIGHT = "#F0A202"                          # the selected step


def tag_colour(tag: str) -> str:
    """A stable colour for any tag (known tags fixed, others from the palette)."""
    if tag in TAG_COLOURS:
        return TAG_COLOURS[tag]
    palette = OKABE_ITO + TOL_EXTRA
    return palette[sum(map(ord, tag)) % len(palette)]


def text_on(hex_colour: str) -> str:
    """Black or white, whichever reads better on ``hex_colour`` (WCAG luminance)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if lum > 0.179 else "#ffffff"


# The app's backgrounds (.streamlit/config.toml [theme.light] / [theme.dark] say the
# same; tests/test_lecture.py checks it), so a figure sits seamlessly on the page.
LIGHT_BG, DARK_BG = "#ffffff", "#0e1117"


@dataclass(frozen=True)
class Look:
    """How a figure is drawn: language, font size, theme. Not what it shows."""
    lang: str = "en"            # "en" or "zh"
    font_size: int = 14         # base figure text size in px
    dark: bool = False
    min_size: int = 8           # no text smaller than this (presenter view: 18)

    @property
    def fg(self) -> str:
        return "#e8e8e8" if self.dark else "#1f2430"

    @property
    def muted(self) -> str:
        return "#9aa0aa" if self.dark else "#6b7280"

    @property
    def bg(self) -> str:
        return DARK_BG if self.dark else LIGHT_BG

    @property
    def node_fill(self) -> str:
        return "#262a33" if self.dark else "#f3f4f6"

    def scaled(self, factor: float) -> int:
        return max(self.min_size, int(round(self.font_size * factor)))

    def with_(self, **changes) -> "Look":
        return replace(self, **changes)


FONT_FAMILY = ("Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, "
               "Microsoft YaHei, Helvetica Neue, Arial, sans-serif")


def figure(traces: list[dict], layout: dict) -> go.Figure:
    """A Figure from plain trace/layout dicts, kept as those dicts until something
    needs Plotly's objects (``_spec.SpecFigure``): ``st.plotly_chart`` sends the dicts
    as they are. Plotly's validation is skipped; the tests validate every figure.

    Made so that Streamlit's second ``Plotly.react`` of a new chart is not a second
    full draw. Streamlit mounts a new chart for every changed figure and, right
    after, reacts again with a JSON copy of it (its theme step). Plotly redraws
    everything when, between the two, it finds a new object where it compares
    identity: a data array (unless ``datarevision`` is set), ``template`` and
    ``meta``. So: a fixed ``datarevision`` (a changed figure is always a new chart,
    never new data in the old one), the template's defaults written into the
    layout and traces (``apply_template``), and ``meta`` sent as a JSON string
    (``_spec``). Measured on the BPTT page (bench/browser_profile.py, four
    keystrokes): Plotly's own time 466 -> 271 ms."""
    traces, layout = apply_template(traces, layout)
    return SpecFigure(dict(data=traces, layout={**layout, "datarevision": 1}))


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


def template(look: Look) -> dict:
    """The few defaults we want from a Plotly template (the full "plotly" one is 6 KB
    per figure on the wire): axes that make room for their labels, quiet grid lines
    in the theme's colours, colour bars without an outline."""
    grid = "#2a2f3a" if look.dark else "#e5e7eb"
    # ticklabeloverflow "allow": the default ("hide past div") measures every tick label
    # with getBoundingClientRect on each draw, a third of the BPTT page's axis drawing
    # (Chromium profile); automargin already keeps our labels inside the figure
    axis = dict(automargin=True, gridcolor=grid, linecolor=grid, zerolinecolor=grid,
                ticks="", title=dict(standoff=15), ticklabeloverflow="allow")
    colorbar = dict(outlinewidth=0, ticks="", ticklabeloverflow="allow")    # (as the axes)
    return dict(layout=dict(xaxis=axis, yaxis=axis, hovermode="closest",
                            hoverlabel=dict(align="left"), colorway=OKABE_ITO,
                            annotationdefaults=dict(arrowcolor=look.fg, arrowhead=0,
                                                    arrowwidth=1),
                            shapedefaults=dict(line=dict(color=look.fg)),
                            coloraxis=dict(colorbar=colorbar)),
                data=dict(heatmap=[dict(type="heatmap", colorbar=colorbar)]))


def base_layout(look: Look, *, height: int, title: str | None = None,
                margin: dict | None = None) -> dict:
    """Layout settings every figure starts from."""
    return dict(
        height=height,
        title=dict(text=title, font=dict(size=look.scaled(1.15)), x=0.0, xanchor="left")
        if title else None,
        font=dict(family=FONT_FAMILY, size=look.font_size, color=look.fg),
        paper_bgcolor=look.bg, plot_bgcolor=look.bg,
        margin=margin or dict(l=10, r=10, t=40 if title else 10, b=10),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=look.scaled(0.95))),
        showlegend=False,
        template=template(look),
    )


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


def hidden_axis() -> dict:
    return dict(visible=False, fixedrange=True)


def symmetric_range(*arrays: np.ndarray) -> float:
    """max |value| over the finite entries of ``arrays`` (≥ 1e-12): the shared zmax."""
    m = 0.0
    for a in arrays:
        a = np.asarray(a, dtype=float)
        finite = a[np.isfinite(a)]
        if finite.size:
            m = max(m, float(np.abs(finite).max()))
    return max(m, 1e-12)


def fmt(v: float, digits: int = 3) -> str:
    """A number for hover/labels: fixed digits, or 'NaN'/'∞' for non-finite values."""
    if not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("∞" if v > 0 else "−∞")
    return f"{v:+.{digits}f}".replace("-", "−")


def percent_value(correct: int, total: int, digits: int = 1) -> float:
    """100 · correct / total rounded to ``digits`` decimals, or to as many more as it takes
    not to read as perfect or as nothing: 4678/4680 is 99.96, never 100.0 (which only
    all-correct is); 1/4680 is 0.02, never 0.0. NaN without tokens."""
    if not total:
        return float("nan")
    p = 100.0 * correct / total
    for d in range(digits, 10):
        r = round(p, d)
        if (r < 100 or correct >= total) and (r > 0 or correct <= 0):
            return r
    return p


def percent(correct: int, total: int, digits: int = 1) -> str:
    """``percent_value`` written with its decimals and '%' ('–' without tokens)."""
    if not total:
        return "–"
    v = percent_value(correct, total, digits)
    shown = max(digits, len(repr(v).split(".")[1]) if "." in repr(v) else 0)
    return f"{v:.{shown}f}%"


def esc(s: str) -> str:
    """User text for Plotly labels: its mini-HTML (<b>, <a href>, …) shown as text."""
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


_SUB = re.compile(r"\b([a-zA-Z])_(\{[^{}]+\}|[0-9a-zA-Z]+)")


def pretty(s: str) -> str:
    """Math-ish names in our own strings for Plotly: 's_{t-1}' -> 's<sub>t-1</sub>'."""
    return _SUB.sub(lambda m: f"{m[1]}<sub>{m[2].strip('{}')}</sub>", s)


def sub(name: str, index) -> str:
    """'s', 3 -> 's<sub>3</sub>' for Plotly text."""
    return f"{name}<sub>{index}</sub>"
