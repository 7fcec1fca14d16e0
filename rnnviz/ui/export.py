"""Downloads of a view: readable file names, the matrices with their labels (CSV, .npz),
and one self-contained HTML file with every figure, for offline lectures.

    filename("network", "我 吃 苹果", 2, "unrolled")  ->  "rnnviz_network_我-吃-苹果_t2_unrolled"
    matrices(trace)["S"]                                ->  S = [s_1 … s_T]  (H, T), rows = units,
                                                            columns = tokens "1:我", "2:吃", …

The HTML writer takes figures already serialised to JSON (``fig.to_json()``) and
the plotly.js source, so it knows HTML but not Plotly: pure Python and NumPy, like
the engine (``tests/test_layers.py``). Everything user-typed is escaped.
"""
from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..nn.forward import Trace

_UNSAFE = re.compile(r"[^\w]+")         # \w: letters and digits of any script, and _


def safe_name(text: str, limit: int = 40) -> str:
    """``text`` as a piece of a file name: runs of anything but letters and digits -> '-'."""
    name = _UNSAFE.sub("-", str(text)).replace("_", "-").strip("-")
    return name[:limit].rstrip("-") or "x"


def filename(page: str, sentence: str, t: int | None = None, name: str | None = None) -> str:
    """rnnviz_<page>_<sentence>[_t<t>][_<name>], without an extension."""
    parts = ["rnnviz", safe_name(page or "view", 20), safe_name(sentence)]
    if t is not None:
        parts.append(f"t{int(t)}")
    if name:
        parts.append(safe_name(name, 20))
    return "_".join(parts)


@dataclass(frozen=True)
class Labelled:
    """A matrix with a label per row and per column."""
    values: np.ndarray          # (rows, cols)
    rows: tuple[str, ...]
    cols: tuple[str, ...]


def token_labels(tokens: Sequence[str]) -> tuple[str, ...]:
    """'1:我', '2:吃', … (unique even when a word repeats)."""
    return tuple(f"{i}:{w}" for i, w in enumerate(tokens, 1))


def matrices(tr: Trace) -> dict[str, Labelled]:
    """U (all words), W, V and the sentence's S = [s_1 … s_T], O = [o_1 … o_T]."""
    m = tr.model
    units = tuple(f"h{h}" for h in range(1, m.H + 1))
    tags, toks = tuple(m.tags), token_labels(tr.tokens)
    return {
        "U": Labelled(m.U, units, tuple(m.vocab)),          # (H, |vocab|)
        "W": Labelled(m.W, units, units),                    # (H, H): row = s_t, col = s_{t-1}
        "V": Labelled(m.V, tags, units),                     # (K, H)
        "S": Labelled(tr.s[1:].T, units, toks),              # (H, T)
        "O": Labelled(tr.o.T, tags, toks),                   # (K, T)
    }


def _label(s: str) -> str:
    """A label cell a spreadsheet will not run as a formula ('=1+1' -> "'=1+1")."""
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def csv_text(name: str, m: Labelled) -> str:
    """The matrix as CSV: a header row of column labels, then one labelled row each."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([name, *map(_label, m.cols)])
    for label, row in zip(m.rows, np.asarray(m.values, dtype=float)):
        w.writerow([_label(label), *(f"{v:.9g}" for v in row)])
    return out.getvalue()


def npz_bytes(tr: Trace) -> bytes:
    """U, W, V, b, c, S, O and their labels (string arrays: ``np.load`` needs no pickle)."""
    m = tr.model
    mats = matrices(tr)
    out = io.BytesIO()
    np.savez_compressed(
        out, U=m.U, W=m.W, V=m.V, b=m.b, c=m.c, S=mats["S"].values, O=mats["O"].values,
        x=np.asarray(tr.x), vocab=np.array(m.vocab, dtype=str), tags=np.array(m.tags, dtype=str),
        tokens=np.array(tr.tokens, dtype=str), f=np.array(m.f, dtype=str))
    return out.getvalue()


@dataclass(frozen=True)
class Figure:
    heading: str        # plain text
    json: str           # fig.to_json()
    alt: str            # what it shows, for screen readers


def _script_json(s: str) -> str:
    """JSON that cannot end its <script> early, whatever text it carries."""
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def view_html(*, title: str, intro: str, figures: Sequence[Figure], plotly_js: str,
              lang: str = "en", dark: bool = False, chips_html: str = "",
              notes: Sequence[str] = ()) -> str:
    """One HTML file: plotly.js inline, then every figure (interactive), no network needed.

    ``title``, ``intro``, ``notes`` and the headings are plain text (escaped here);
    ``chips_html`` is HTML that escaped its user text already (figures.chips)."""
    bg, fg = ("#0e1117", "#e8e8e8") if dark else ("#ffffff", "#1f2430")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>body{{margin:1.5rem 2rem;background:{bg};color:{fg};font-family:"
        "'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif}"
        "section{margin:1.5rem 0}h1{font-size:1.6rem}h2{font-size:1.15rem}</style>",
        f"<script>{plotly_js}</script>",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(intro)}</p>",
        chips_html,
        *(f"<p>{html.escape(n)}</p>" for n in notes),
    ]
    config = '{"displaylogo": false, "responsive": true}'
    for i, fig in enumerate(figures, 1):
        parts += [
            f'<section><h2>{html.escape(fig.heading)}</h2>',
            f'<div id="fig{i}" class="rnnviz-figure" role="img" '
            f'aria-label="{html.escape(fig.alt)}"></div></section>',
            f"<script>(function(){{var f={_script_json(fig.json)};"
            f"Plotly.newPlot('fig{i}',f.data,f.layout,{config});}})();</script>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts)
