"""Pictures of training: loss and accuracy curves, the weights as they move, the confusion matrix.

    make_curves(history, steps, epochs=30)   loss (per batch and per epoch) | accuracy
    make_weights(model)                      U (most frequent words) | W | V
    make_confusion(C, tags)                  true tag x predicted tag, rows sum to 1

``history`` is ``train.TrainResult.history``: one dict per epoch with
``loss``, ``train_acc`` and, with a dev set, ``dev_loss`` and ``dev_acc``.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ..i18n import text
from ..nn.model import RNN
from . import style

TRAIN_COLOUR, DEV_COLOUR = "#0072B2", "#D55E00"      # Okabe-Ito blue / vermillion
CURVE_KEYS = ("loss", "train_acc")


def validate_history(history: Sequence[dict]) -> None:
    for i, row in enumerate(history):
        missing = [k for k in ("epoch", *CURVE_KEYS) if row.get(k) is None]
        if missing:
            raise ValueError(f"history row {i} lacks {', '.join(missing)}")


def make_curves(history: Sequence[dict], steps: Sequence[tuple[float, float]] = (), *,
                epochs: int | None = None, best_epoch: int | None = None,
                look: style.Look = style.Look(), height: int | None = None) -> go.Figure:
    """Loss (left) and accuracy (right) by epoch, train and dev; faint batch losses."""
    validate_history(history)
    lang = look.lang
    ep = [r["epoch"] for r in history]
    train_t, dev_t = text("train.curve.train", lang), text("train.curve.dev", lang)
    line = lambda colour, dash=None: dict(color=colour, width=2.5, dash=dash)  # noqa: E731
    traces = []
    if steps:
        x, y = zip(*steps)
        traces.append(dict(type="scattergl", x=x, y=y, mode="lines", xaxis="x", yaxis="y",
                           line=dict(color=TRAIN_COLOUR, width=1), opacity=0.3,
                           name=text("train.curve.batch", lang), hoverinfo="skip"))
    series = [("loss", "x", "y", train_t, TRAIN_COLOUR, None),
              ("dev_loss", "x", "y", dev_t, DEV_COLOUR, "dash"),
              ("train_acc", "x2", "y2", train_t, TRAIN_COLOUR, None),
              ("dev_acc", "x2", "y2", dev_t, DEV_COLOUR, "dash")]
    for key, xa, ya, name, colour, dash in series:
        rows = [(r["epoch"], r[key]) for r in history if r.get(key) is not None]
        if not rows:
            continue
        xs, ys = zip(*rows)
        pct = key.endswith("acc")
        traces.append(dict(
            type="scatter", x=xs, y=[100 * v for v in ys] if pct else ys, mode="lines+markers",
            xaxis=xa, yaxis=ya, name=name, line=line(colour, dash), marker=dict(size=6),
            showlegend=xa == "x", legendgroup=name,
            hovertemplate=f"{name} %{{y:.{2 if pct else 3}f}}{'%' if pct else ''}"
                          f"<extra>{text('train.curve.epoch', lang)} %{{x}}</extra>"))
    last = max([epochs or 0, *ep, 1])
    axis_t = dict(font=dict(size=look.scaled(0.9)))
    xaxis = lambda domain, anchor: dict(  # noqa: E731
        domain=domain, anchor=anchor, range=[0, last + 0.5], zeroline=False,
        title=dict(text=text("train.curve.epoch", lang), **axis_t), fixedrange=True)
    shapes = [dict(type="line", xref=xa, yref=f"{ya} domain", x0=best_epoch, x1=best_epoch,
                   y0=0, y1=1, line=dict(color=look.muted, width=1.5, dash="dot"))
              for xa, ya in (("x", "y"), ("x2", "y2"))] if best_epoch else []
    layout = dict(
        **style.base_layout(look, height=height or look.scaled(22),
                            margin=dict(l=60, r=20, t=50, b=50)),
        xaxis=xaxis([0, 0.45], "y"), xaxis2=xaxis([0.55, 1], "y2"),
        yaxis=dict(anchor="x", rangemode="tozero", fixedrange=True,
                   title=dict(text=text("train.curve.loss", lang), **axis_t)),
        yaxis2=dict(anchor="x2", range=[0, 101], fixedrange=True,
                    title=dict(text=text("train.curve.accuracy", lang), **axis_t)),
        shapes=shapes,
        meta=dict(kind="curves", epochs=len(history), best_epoch=best_epoch),
    )
    layout.update(showlegend=True, legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom",
                                               font=dict(size=look.scaled(0.9))))
    return style.figure(traces, layout)


def make_weights(m: RNN, *, max_words: int = 40, look: style.Look = style.Look(),
                 height: int | None = None) -> go.Figure:
    """U's columns for the ``max_words`` most frequent words, W and V, one colour scale."""
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, got {max_words}")
    lang, H = look.lang, m.H
    n = min(max_words, m.n_vocab)
    mats = {"U": m.U[:, :n], "W": m.W, "V": m.V}
    zmax = style.symmetric_range(*mats.values())
    units = list(range(1, H + 1))
    words = [style.esc(w) for w in m.vocab[:n]]
    tags = [style.esc(t) for t in m.tags]
    widths = [n, H, H]
    gap = 0.06
    usable, x0, doms = 1 - 2 * gap, 0.0, []
    for w in widths:
        doms.append([x0, min(1.0, x0 + usable * w / sum(widths))])
        x0 = doms[-1][1] + gap
    cells = [("U", words, units, "x", "y"), ("W", units, units, "x2", "y"),
             ("V", units, tags, "x3", "y3")]
    traces = [dict(type="heatmap", z=mats[name], x=xs, y=ys, xaxis=xa, yaxis=ya,
                   coloraxis="coloraxis", name=name, xgap=1 if len(xs) < 80 else 0,
                   ygap=1 if len(ys) < 40 else 0,
                   hovertemplate=f"{name}[%{{y}}, %{{x}}] = %{{z:.3f}}<extra></extra>")
              for name, xs, ys, xa, ya in cells]
    tick = dict(size=look.scaled(0.7 if n > 20 else 0.8))

    def axis(domain, anchor, **kw):
        return dict(domain=domain, anchor=anchor, fixedrange=True, showgrid=False,
                    zeroline=False, tickfont=tick, **kw)

    unit_t = text("fig.axis.unit", lang)
    heads = [text("train.weights.U", lang, n=n, total=m.n_vocab), text("train.weights.W", lang),
             text("train.weights.V", lang)]
    layout = dict(
        **style.base_layout(look, height=height or max(look.scaled(20), 9 * H + 170),
                            margin=dict(l=50, r=20, t=40, b=80)),
        xaxis=axis(doms[0], "y", type="category", tickangle=-60),
        xaxis2=axis(doms[1], "y", title=dict(text=unit_t)),
        xaxis3=axis(doms[2], "y3", title=dict(text=unit_t)),
        yaxis=axis([0, 1], "x", autorange="reversed", title=dict(text=unit_t)),
        yaxis3=axis([0, 1], "x3", autorange="reversed", type="category"),
        coloraxis=dict(colorscale=style.DIVERGING, cmin=-zmax, cmax=zmax,
                       colorbar=dict(thickness=12, len=0.9,
                                     title=dict(text=text("fig.value", lang)))),
        annotations=[dict(text=f"<b>{h}</b>", x=(d[0] + d[1]) / 2, y=1, xref="paper",
                          yref="paper", yanchor="bottom", showarrow=False, yshift=4,
                          font=dict(size=look.scaled(0.9))) for h, d in zip(heads, doms)],
        meta=dict(kind="weights", H=H, words=n, zmax=zmax),
    )
    return style.figure(traces, layout)


def validate_confusion(C: np.ndarray, tags: Sequence[str]) -> None:
    if np.ndim(C) != 2 or C.shape[0] != C.shape[1] or C.shape[0] != len(tags):
        raise ValueError(f"confusion matrix of shape {np.shape(C)} for {len(tags)} tags; "
                         f"expected ({len(tags)}, {len(tags)})")


def make_confusion(C: np.ndarray, tags: Sequence[str], *, look: style.Look = style.Look(),
                   height: int | None = None) -> go.Figure:
    """Rows: the true tag; columns: the predicted one. Colour = share of the row,
    the number in a cell = tokens. Tags that never occur are left out."""
    validate_confusion(C, tags)
    lang = look.lang
    keep = [k for k in range(len(tags)) if C[k].sum() or C[:, k].sum()]
    C = np.asarray(C)[np.ix_(keep, keep)]
    names = [style.esc(tags[k]) for k in keep]
    totals = C.sum(axis=1, keepdims=True)
    share = np.divide(C, totals, out=np.zeros(C.shape), where=totals > 0)
    counts = np.where(C > 0, C.astype(str), "").astype(object)   # empty cells stay blank
    true_t, pred_t = text("train.confusion.true", lang), text("train.confusion.pred", lang)
    traces = [dict(type="heatmap", z=share, x=names, y=names, text=counts,
                   texttemplate="%{text}", textfont=dict(size=look.scaled(0.75)),
                   coloraxis="coloraxis", xgap=1, ygap=1,
                   hovertemplate=f"{true_t} %{{y}}, {pred_t} %{{x}}: %{{text}} "
                                 f"(%{{z:.1%}})<extra></extra>")]
    size = height or max(look.scaled(24), 34 * len(keep) + 140)
    return style.figure(traces, dict(
        **style.base_layout(look, height=size, title=text("train.confusion.title", lang),
                            margin=dict(l=70, r=20, t=50, b=70)),
        xaxis=dict(title=dict(text=pred_t), type="category", fixedrange=True, side="bottom",
                   tickangle=-45, constrain="domain"),
        yaxis=dict(title=dict(text=true_t), type="category", autorange="reversed",
                   fixedrange=True, scaleanchor="x", constrain="domain"),
        coloraxis=dict(colorscale=style.SEQUENTIAL, cmin=0, cmax=1,
                       colorbar=dict(thickness=12, tickformat=".0%",
                                     title=dict(text=text("train.confusion.share", lang)))),
        meta=dict(kind="confusion", tags=names, total=int(C.sum())),
    ))
