"""Pieces the sentence pages share: one call per chart, the empty-sentence prompt,
play, the share & export panel, the numbers of a step, the browser helper.

A page draws a chart with

    views.chart(fig, key="unrolled", ctx=ctx, t=t)

which passes the chart's config (PNG ×2 download and, through the browser
helper, an SVG button, both named ``rnnviz_<page>_<sentence>_t<t>_<kind>`` from
the figure's ``layout.meta``; the modebar in the interface language) and a text
alternative:
``alt="alt.<kind>"`` from the string table, filled with the sentence and step
(pass ``alt=`` to say something else).
"""
from __future__ import annotations

import contextlib
import functools
import html
import json
from collections.abc import Callable

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from ..figures.chips import chips_html
from ..figures.folded import make_folded
from ..figures.formula import columns
from ..figures.plotly_fence import SpecFigure, meta_of
from ..figures.style import Look, fmt
from ..i18n import STRINGS, say, text
from ..nn.forward import trace
from ..text.tokenize import tokenize
from . import cells_state, context, export, lm_state, steps, typing_hold, urlstate
from . import streamlit_fence as fence
from .context import Context
from .memo import session_memo

CHART_CONFIG = {"displaylogo": False, "scrollZoom": False,
                "toImageButtonOptions": {"format": "png", "scale": 2}}
# Every chart goes through views.chart(...): the figures carry their own colours and
# fonts (no theme of Streamlit's). A chart follows its box's width (chart.js watches
# the box, the window's resizes included), so Plotly's own "responsive" is left off.

ZOOM_BUTTONS = ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"]
PLOTLY_LOCALES = {"en": "en-US", "zh": "zh-CN"}
# Plotly's own strings -> ours (the modebar and its messages, in the interface language)
PLOTLY_STRINGS = {
    "Download plot as a PNG": "lecture.chart.png", "Download plot": "lecture.chart.png",
    "Zoom": "plotly.zoom", "Pan": "plotly.pan", "Zoom in": "plotly.zoom_in",
    "Zoom out": "plotly.zoom_out", "Autoscale": "plotly.autoscale", "Reset axes": "plotly.reset",
    "Preparing image - this may take a few seconds": "plotly.preparing",
    "Image download succeeded": "plotly.downloaded",
    "Sorry, there was a problem downloading your image!": "plotly.failed",
}


@functools.lru_cache(maxsize=8)
def chart_config(lang: str, zoom: bool = False) -> dict:
    """The Plotly config of every chart (one object per language: don't mutate it)."""
    locale = PLOTLY_LOCALES.get(lang, "en-US")
    return {**CHART_CONFIG, "modeBarButtonsToRemove": [] if zoom else ZOOM_BUTTONS,
            "locale": locale, "locales": {locale: {"dictionary": {
                k: text(v, lang) for k, v in PLOTLY_STRINGS.items()}}}}


def chart(fig, *, key: str, ctx: Context, t: int | None = None, alt: str | None = None,
          zoom: bool = False, where=None, selection_mode: str | None = None,
          on_select: Callable[[], None] | None = None):
    """A chart (``streamlit_fence.chart_component``: kept on the page while its figure
    changes) with the language, downloads and a text alternative.

    ``alt`` defaults to the string ``alt.<kind>`` (``kind`` from the figure's
    ``layout.meta``, else ``key``) filled with the sentence and step t; ``where``
    is a column or container (default: here); ``selection_mode="points"`` and
    ``on_select`` make its points clickable (the callback reads
    ``st.session_state[key]["selection"]["points"]``). The browser helper names
    downloads from the figure's meta (kind, t), so the figure itself is not changed: an
    unchanged figure is not sent again."""
    meta = meta_of(fig)
    kind = meta.get("kind", key)
    if alt is None:
        alt = describe(f"alt.{kind}", ctx, t) if f"alt.{kind}" in STRINGS else None
    held, alt = typing_hold.chart_figure(ctx.page, key, fig, alt)   # (held while typing)
    if held is not fig:
        fig, meta = held, meta_of(held)         # its scroll width too, not the new one's
    select = selection_mode == "points"
    if select:
        fig = with_click_layout(fig)
    min_width = meta.get("min_width")
    if min_width:
        where = fence.scroller(key, int(min_width), where)
    payload = chart_payload(fig, chart_config(ctx.lang, zoom), alt, select)
    with where if where is not None else contextlib.nullcontext():
        return fence.chart_component()(key=key, data=payload,
                                       on_selection_change=on_select or _ignore)


def _ignore() -> None:
    """A click on a chart that selects nothing."""


def chart_payload(fig, config: dict, alt: str | None, select: bool) -> bytes:
    """The chart component's data (chart.js): JSON of the figure (``figure_json``), the
    Plotly config, the text alternative, where plotly.js is, whether points are clicked."""
    rest = json.dumps(dict(config=config, alt=alt or "", url=fence.plotly_js_url(),
                           select=select))
    return (rest[:-1] + ', "figure": ' + figure_json(fig) + "}").encode()


def figure_json(fig) -> str:
    """The figure as st.plotly_chart would send it (Plotly's JSON encoder: NumPy arrays,
    dates, NaN); a SpecFigure's ``to_dict`` is its wire form, made once."""
    return pio.to_json(fig.to_dict(), validate=False)


# A figure whose points can be clicked, unless it says otherwise: a click is an event
# (chart.js sends it), not a selection that would dim the other points; the nearest
# point is the one clicked; dragging pans.
CLICK_LAYOUT = dict(clickmode="event", hovermode="closest", dragmode="pan")


def with_click_layout(fig):
    """``fig`` with CLICK_LAYOUT's values where its layout has none (a new figure)."""
    if isinstance(fig, SpecFigure) and not fig.built:
        layout = fig.spec.get("layout", {})
        missing = {k: v for k, v in CLICK_LAYOUT.items() if not layout.get(k)}
        return fig.with_layout(**missing) if missing else fig
    return go.Figure(fig).update_layout(**{
        k: v for k, v in CLICK_LAYOUT.items() if not fig.layout[k]})


FIGURES_KEY = "_rnnviz_figures"     # this session's figures of the current tagging
FIGURES_MAX = 64


def figure(ctx: Context, key: tuple, make):
    """``make()``, or the figure it made in an earlier rerun of this session for the same
    ``key`` (what the figure shows besides the sentence: its kind, step t, settings), the
    same tagging, model and look. A keystroke that changes no token (a space between
    words) or a rerun that changes nothing a figure shows then builds no figure and
    encodes none again (``SpecFigure.to_dict`` keeps its result). ``context.build``
    keeps the tagging object while the tokens stay the same."""
    figures = session_memo(FIGURES_KEY, (ctx.tagging, ctx.model, ctx.look), dict)
    if len(figures) >= FIGURES_MAX:
        figures.clear()
    fig = figures.get(key)
    if fig is None:
        fig = figures[key] = make()
    return fig


def describe(key: str, ctx: Context, t: int | None = None) -> str:
    """The string ``key`` filled with what the sentence and step t are (for alt texts)."""
    tg, m = ctx.tagging, ctx.model
    values = dict(sentence=" ".join(tg.tokens) if tg else "", T=ctx.T, H=m.H, K=m.K,
                  n=m.n_vocab, f=m.f, t=t or "", prev=(t or 1) - 1, word="", tag="", p="")
    if tg and t and 1 <= t <= tg.T:
        values.update(word=tg.tokens[t - 1], tag=tg.tags[t - 1],
                      p=f"{tg.trace.confidence[t - 1]:.2f}")
    return text(key, ctx.lang, **values)


# --------------------------------------------------------------------------- messages

def sentence_ready(ctx: Context, model=None) -> bool:
    """Show the friendly prompt (or a note) and the folded network of ``model`` (default:
    the tagger) while there is no sentence; say whether there is a sentence to draw."""
    if ctx.tagging is None:
        note = tokenize(ctx.text).note if ctx.text.strip() else None
        st.info(say(note, ctx.lang) if note else text("sentence.empty", ctx.lang), icon="✍️")
        waiting_network(ctx, model or ctx.model)
        share_panel(ctx)
        return False
    if ctx.tagging.tokenized.truncated:
        note = ctx.tagging.tokenized.note
        st.warning(say(note, ctx.lang) if note else
                   text("sentence.truncated", ctx.lang, n=ctx.T), icon="✂️")
    return True


def waiting_network(ctx: Context, model) -> None:
    """The folded network x → s → o that the sentence will run through: the tutorial's
    first picture, drawn while the box is blank. It also loads the browser's Plotly
    before the first key: otherwise the first key pays for it, about 0.5 s of the
    browser's main thread on this machine, while the next keys wait (bench/RESULTS.md,
    the first key from a blank box)."""
    fig = figure(ctx, ("folded_blank", model.K, model.n_vocab, model.H),
                 lambda: make_folded(trace(model, []), 0, look=ctx.look))
    _, middle, _ = st.columns([1, 2, 1])
    chart(fig, key="folded_blank", ctx=ctx, where=middle,
          alt=text("alt.folded_blank", ctx.lang, H=model.H, K=model.K, n=model.n_vocab))


# --------------------------------------------------------------------------- play

def play_fragment(body) -> None:
    """Run ``body`` (the step views, not itself a fragment) as a fragment that ticks
    while playing, one step per tick. Play, pause and a new speed, pressed inside
    the fragment, rerun the whole app once so that the tick starts or stops."""
    every = steps.seconds_per_step()

    def run():
        if steps.seconds_per_step() != every:
            st.rerun()
        body()
        share_panel(context.get())          # the link and file names follow t

    st.fragment(run, run_every=every)()


# --------------------------------------------------------------------------- numbers

NUMBERS_KEY = "lecture_numbers"


def numbers_table(label: str, key: str,
                  table: Callable[[], tuple[list[str], list[list[str]]]]) -> None:
    """A figure's numbers as a Markdown table in an expander (the figure readable as
    text); ``table()`` gives (heads, rows) and is called only when the expander is
    open, not on every keystroke."""
    box = st.expander(label, icon=":material/table:", key=key, on_change="rerun")
    if not box.open:
        return
    heads, rows = table()
    lines = ["| " + " | ".join(heads) + " |", "|" + "---:|" * len(heads)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    box.markdown("\n".join(lines))


def numbers(ctx: Context, t: int, tr=None) -> None:
    """The vectors of step t of ``tr`` (default: the tagging's) as a table of numbers (the
    formula figure, readable as text)."""
    tr = tr or ctx.tagging.trace

    def table():
        col = columns(tr, t)
        heads = {"Ux": f"U x_{{{t}}}", "Ws": f"W s_{{{t - 1}}}", "b": "b", "a": f"a_{{{t}}}",
                 "s": f"s_{{{t}}}"}                   # the formula's columns, as LaTeX
        return ([text("lecture.numbers.unit", ctx.lang), *(f"${h}$" for h in heads.values())],
                [[str(h + 1), *(fmt(col[k][h]) for k in heads)] for h in range(tr.model.H)])

    numbers_table(text("lecture.numbers", ctx.lang, t=t), NUMBERS_KEY, table)


# --------------------------------------------------------------------------- share & export

PANEL_KEY = "_rnnviz_panel"        # [the panel's slot, drawn in this run?, open?]


def share_slot(slot, is_open: bool) -> None:
    """Remember the (empty) container of the share panel for this full run; a closed
    panel is not built (nothing to send on every keystroke)."""
    st.session_state[PANEL_KEY] = [slot, False, is_open]


def panel_drawn() -> bool:
    entry = st.session_state.get(PANEL_KEY)
    return bool(entry and entry[1])


def share_panel(ctx: Context) -> None:
    """The link to this view and the downloads, drawn into the shell's slot: by the
    play fragment (on every run of it, so that they follow the selected step: a
    fragment's writes replace its own earlier ones), else at the end of the run
    (``shell.finish``)."""
    entry = st.session_state.get(PANEL_KEY)
    if not entry:
        return
    slot, _, is_open = entry
    entry[1] = True
    if not is_open:
        return
    t = st.session_state.get(steps.T_KEY) if ctx.tagging else None
    with slot.container():
        st.markdown(f"**{text('lecture.link', ctx.lang)}**")
        st.code(view_link(ctx), language=None, wrap_lines=True)
        st.caption(text("lecture.link_caption", ctx.lang) + " "
                   + text("lecture.theme_hint", ctx.lang))
        if ctx.tagging is not None:
            tr = shown_trace(ctx)
            downloads(ctx, min(max(int(t or 1), 1), tr.T), tr)


def view_values(ctx: Context) -> dict:
    """The current value of every URL field: the widget's, else the URL's (a widget
    drawn later in this run), else (in urlstate.link) the table's default."""
    ss = st.session_state
    values, _ = urlstate.check({k: st.query_params.get_all(k) for k in st.query_params})
    values.update({f.name: ss[f.name] for f in urlstate.FIELDS if ss.get(f.name) is not None})
    values.update(s=ctx.text, lang=ctx.lang, present=context.presenting(),
                  embed_options="dark_theme" if ctx.look.dark else "light_theme")
    values.setdefault("bptt_f", ctx.model.f)
    if ctx.T:
        values.setdefault("bptt_t", ctx.T)
    return values


def app_root() -> str:
    """The app's root URL as the browser sees it ('' when unknown, as in tests)."""
    url = getattr(st.context, "url", None) or ""
    path = url.split("?")[0].rstrip("/")
    for f in urlstate.SENTENCE_PAGES + (urlstate.TRAIN,):
        if path.endswith("/" + f):
            return path[: -len(f) - 1]
    return path


def view_link(ctx: Context) -> str:
    return urlstate.link(app_root(), ctx.page or urlstate.HOME, view_values(ctx))


def shown_trace(ctx: Context):
    """The trace the page shows: the language model's on its page (its T + 1 steps),
    else the tagging's."""
    if ctx.page == urlstate.LM:
        rd = lm_state.reading(ctx)
        if not isinstance(rd, Exception):
            return rd.trace
    return ctx.tagging.trace


def downloads(ctx: Context, t: int, tr) -> None:
    """This view as one HTML file, the matrices of ``tr`` as CSV and .npz (built on click
    only)."""
    lang = ctx.lang
    name = functools.partial(export.filename, ctx.page, ctx.text)
    st.markdown(f"**{text('lecture.downloads', lang)}**")
    st.download_button(text("lecture.dl.html", lang), functools.partial(view_html, ctx, t),
                       file_name=name(t) + ".html", mime="text/html", on_click="ignore",
                       key="lecture_dl_html", icon=":material/download:",
                       help=text("lecture.dl.html_help", lang, t=t))
    with st.container(horizontal=True, gap="small"):
        for m in ("U", "W", "V", "S", "O"):
            st.download_button(text("lecture.dl.csv", lang, name=m),
                               functools.partial(_csv, m, tr), file_name=name(None, m) + ".csv",
                               mime="text/csv", on_click="ignore", key=f"lecture_dl_{m}",
                               help=text("lecture.dl.csv_help", lang,
                                         what=text(f"lecture.what.{m}", lang)))
        st.download_button(text("lecture.dl.npz", lang), functools.partial(export.npz_bytes, tr),
                           file_name=name() + ".npz", mime="application/octet-stream",
                           on_click="ignore", key="lecture_dl_npz",
                           help=text("lecture.dl.npz_help", lang))


def _csv(name: str, tr) -> bytes:
    return export.csv_text(name, export.matrices(tr)[name]).encode("utf-8-sig")  # BOM: Excel


def view_html(ctx: Context, t: int) -> bytes:
    """Every figure of the sentence at step t in one offline HTML file (runs on click)."""
    from plotly.offline import get_plotlyjs

    from ..figures.formula import make_formula
    from ..figures.heatmaps import make_heatmaps, make_u_full
    from ..figures.neurons import make_neurons
    from ..figures.unrolled import make_unrolled

    lang, tg = ctx.lang, ctx.tagging
    tr = tg.trace
    look = Look(lang=lang, dark=ctx.look.dark)          # the normal size: a document
    values = view_values(ctx)
    rd = lm_state.reading(ctx) if ctx.page == urlstate.LM else None
    if isinstance(rd, Exception):                       # not on the page: it says why
        rd = None
    if rd is not None:                                  # the language model's figures
        topk = values.get("lm_topk", urlstate.BY_NAME["lm_topk"].default)
        temp = values.get("lm_temp", urlstate.BY_NAME["lm_temp"].default)
        figures = [export.Figure(h, f.to_json(), alt) for h, f, alt in lm_state.export_figures(
            rd, t, float(temp), int(topk) or None, look)]
    elif ctx.page == urlstate.CELLS:                    # that page's own figures
        figures = [export.Figure(h, f.to_json(), alt) for h, f, alt in cells_state.export_figures(
            ctx, t, values.get("cells_gate") or urlstate.BY_NAME["cells_gate"].default,
            values.get("cells_d") or urlstate.BY_NAME["cells_d"].default, look)]
    else:
        figs = [("fig.unrolled.title", "unrolled",
                 make_unrolled(tr, t, unknown=tg.unknown, look=look)),
                ("", "formula", make_formula(tr, t, look=look)),
                ("", "neurons", make_neurons(tr, t, look=look)),
                ("", "heatmaps", make_heatmaps(tr, t, look=look)),
                ("", "u_full", make_u_full(ctx.model, highlight=tr.x, look=look))]
        figures = [export.Figure(text(h, lang) if h else "", f.to_json(),
                                 describe(f"alt.{n}", ctx, t)) for h, n, f in figs]
    sentence = " ".join(tg.tokens)
    chips = "" if rd is not None else (
        f"<h2>{html.escape(text('export.tagging', lang))}</h2>"
        + chips_html(tg.tokens, tg.tags, tr.confidence, tg.unknown, lang=lang,
                     unknown_note=text("tagging.unknown", lang), selected=t, font_px=20))
    m = rd.model if rd is not None else ctx.model
    page = export.view_html(
        title=text("export.title", lang, sentence=sentence, t=t),
        intro=text("export.intro", lang),
        figures=figures,
        plotly_js=get_plotlyjs(), lang=lang, dark=look.dark, chips_html=chips,
        notes=[text("export.lm_model" if rd is not None else "export.model", lang, H=m.H,
                    n=m.n_vocab, K=m.K, f=m.f)])
    return page.encode("utf-8")


# --------------------------------------------------------------------------- the browser

def browser_helper(lang: str, dark: bool, prefix: str, held: bool = False) -> None:
    """Mount the page's helper: it reports a theme change made in Streamlit's menu (which
    reruns nothing by itself), adds an SVG download button to every chart, names the
    downloads ``prefix`` + step + kind, and once typing pauses asks for the charts this
    run ``held`` (``typing_hold``) (rnnviz/ui/browser.js)."""
    fence.browser_component()(key=context.BROWSER_KEY, on_theme_change=lambda: None,
                              on_live_change=lambda: None, on_release_change=lambda: None,
                              data={"theme": "dark" if dark else "light",
                                    "svg": text("lecture.chart.svg", lang), "prefix": prefix,
                                    "hold": held, "pause": typing_hold.PAUSE_MS})


def browser_live() -> bool:
    """Whether this session's browser helper runs (it says so once it is mounted)."""
    return bool((st.session_state.get(context.BROWSER_KEY) or {}).get("live"))
