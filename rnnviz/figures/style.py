"""Shared look of every figure: colour scales, tag colours, fonts, themes.

One diverging, colour-blind-safe scale centred on 0 for every weight and
state map (ColorBrewer RdBu: blue < 0 < red), one sequential scale for
probabilities, and a categorical colour per tag (Okabe–Ito, then Paul Tol),
so a colour means the same thing in every picture. Tag names are always
printed too: colour is never the only channel.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import plotly.graph_objects as go

from .plotly_fence import colorbar_room, label_room, spec_figure, text_width  # noqa: F401

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
    needs Plotly's objects; Plotly's validation is skipped (the tests validate every
    figure). How and why: ``plotly_fence.spec_figure``."""
    return spec_figure(traces, layout)


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


# --------------------------------------------------------------------------- user text
# Typed words reach three renderers that each interpret part of what they are given,
# so each has its own escaper (tests/test_escape.py feeds them hostile strings):
#
# - Plotly text (labels, ticks, hover): Plotly draws a few tags (<b>, <i>, <br>,
#   <sub>, <sup>, <span style>, <a href>) and character entities, nothing else: esc.
#   Only & < > " are replaced, so a label is as long as the word (margins are
#   estimated from label lengths) and Plotly turns the entities back into the characters.
# - HTML that Streamlit shows (st.markdown(..., unsafe_allow_html=True), st.html):
#   the browser parses tags and entities, and text outside a block-level HTML tag
#   still goes through Streamlit's Markdown ($...$ as LaTeX, :red[...] directives):
#   esc_html. Entities work in element text and in attribute values (title="...").
# - Streamlit Markdown text (st.markdown, st.warning, ... without HTML): Markdown
#   syntax, $...$, :directives: and raw HTML: esc_markdown. A backslash makes each of
#   these characters literal; an entity would too, but a backslash inside an HTML
#   attribute is shown as typed, hence the two Streamlit escapers.

def esc(s: str) -> str:
    """User text for Plotly text: ``& < > "`` as entities, so its mini-HTML (``<b>``,
    ``<a href>``, ``&amp;``) is shown as typed."""
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


_HTML_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "'": "&#x27;", "$": "&#36;", ":": "&#58;"})


def esc_html(s: str) -> str:
    """User text inside HTML that Streamlit renders (element text or a quoted attribute):
    ``& < > " '`` as entities (``html.escape``), and ``$`` and ``:`` too, so a typed
    ``$x$`` is not LaTeX and ``:red[x]`` no directive where Markdown sees the text."""
    return str(s).translate(_HTML_SPECIAL)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~:&])")


def esc_markdown(s: str) -> str:
    """User text for Streamlit Markdown: a backslash before every character Markdown,
    LaTeX (``$``), Streamlit's directives (``:red[x]``, ``:material/x:``) or raw HTML
    (``<``, ``&``) would read, so ``**x**``, ``[a](javascript:...)``, ``$x$`` and
    ``<b>`` are shown as typed."""
    return _MD_SPECIAL.sub(r"\\\1", str(s))


_SUB = re.compile(r"\b([a-zA-Z])_(\{[^{}]+\}|[0-9a-zA-Z]+)")


def pretty(s: str) -> str:
    """Math-ish names in our own strings for Plotly: 's_{t-1}' -> 's<sub>t-1</sub>'."""
    return _SUB.sub(lambda m: f"{m[1]}<sub>{m[2].strip('{}')}</sub>", s)


def sub(name: str, index) -> str:
    """'s', 3 -> 's<sub>3</sub>' for Plotly text."""
    return f"{name}<sub>{index}</sub>"
