"""Why an RNN: the sentence through the feed-forward tagger and the RNN, and how far back
each word reaches (gradient and occlusion), and what editing one word changes."""
import numpy as np
import streamlit as st

from rnnviz.figures.compare import Row, cards_html, make_probs, md
from rnnviz.figures.edit import make_edit
from rnnviz.figures.reach import make_reach, strip_html
from rnnviz.i18n import text
from rnnviz.lessons import reach
from rnnviz.text.tokenize import normalize
from rnnviz.text.unknown import lookup
from rnnviz.ui import feedforward, resources, shell, steps, views

ctx = shell.page()
lang, look = ctx.lang, ctx.look
st.markdown(text("why.intro", lang))
if ctx.model is not resources.builtin_model():
    st.info(text("why.session_note", lang), icon=":material/info:")
feedforward.scoreboard(lang, look.scaled(1.0))
feedforward.example_buttons(lang)

if not views.sentence_ready(ctx):
    st.stop()
rnn_tg = ctx.tagging
ff_tg = feedforward.retag(rnn_tg, feedforward.model())
if not (rnn_tg.finite and ff_tg.finite):
    st.warning(text("why.not_finite", lang), icon=":material/warning:")


def reaches():
    """Both taggers' reach for this sentence, computed once per sentence and model."""
    memo = st.session_state.get("_why_reach")
    if memo is None or memo[0] is not rnn_tg.trace:
        memo = (rnn_tg.trace, reach.reach(rnn_tg.trace), reach.reach(ff_tg.trace))
        st.session_state["_why_reach"] = memo
    return memo[1], memo[2]


def aligned(t: int):
    """o_t of both taggers over one list of tags (a session model may have others)."""
    tags = list(ctx.model.tags) + [k for k in feedforward.model().tags if k not in ctx.model.tags]

    def o_t(tr):
        return np.array([tr.o[t - 1, tr.model.tag_index[k]] if k in tr.model.tag_index
                         else 0.0 for k in tags])
    return o_t(rnn_tg.trace), o_t(ff_tg.trace), tags


def step_view():
    T = rnn_tg.T
    if "t" not in st.session_state and "t" not in st.query_params:
        st.session_state["t"] = T           # first visit: the last word reads the most context
    steps.advance_if_playing(T)
    st.markdown(f"#### {text('why.tagged.title', lang)}")
    t = steps.controls(T, lang)
    differ = [a != b for a, b in zip(rnn_tg.tags, ff_tg.tags)]
    rows = [Row(text("why.rnn", lang), rnn_tg.tags, rnn_tg.trace.confidence),
            Row(text("why.ff", lang), ff_tg.tags, ff_tg.trace.confidence)]
    st.markdown(cards_html(rnn_tg.tokens, rows, marked=differ, unknown=rnn_tg.unknown,
                           selected=t, mark_note=text("why.tagged.differ", lang),
                           unknown_note=text("tagging.unknown", lang),
                           font_px=look.scaled(1.3)), unsafe_allow_html=True)
    n = sum(differ)
    st.caption(text("why.tagged.summary", lang, n=n, T=T) if n else
               text("why.tagged.same", lang, T=T))
    r_rnn, r_ff = reaches()
    g_rnn, occl_rnn = r_rnn.at(t)
    g_ff, occl_ff = r_ff.at(t)
    st.markdown(f"**{text('why.reach.title', lang, t=t, word=md(rnn_tg.tokens[t - 1]))}**")
    st.markdown(strip_html(rnn_tg.tokens, t, [
        (text("why.strip.grad", lang), g_rnn, False),
        (text("why.strip.occl", lang), occl_rnn, True),
        (text("why.strip.ff", lang), g_ff, False)],
        future_note=text("why.fig.reach.future", lang), font_px=look.scaled(1.15)),
        unsafe_allow_html=True)
    probs, bars = st.columns([2, 3], gap="medium")
    o_rnn, o_ff, tags = aligned(t)
    views.chart(make_probs(o_rnn, o_ff, tags, word=rnn_tg.tokens[t - 1], t=t, look=look,
                           height=look.scaled(24)), key="why_probs", ctx=ctx, t=t, where=probs)
    views.chart(make_reach(rnn_tg.tokens, t, g_rnn, occl_rnn, g_ff, occl_ff, look=look),
                key="why_reach", ctx=ctx, t=t, where=bars)
    earlier = slice(0, t - 1)
    st.caption(text("why.reach.caption", lang, t=t,
                    ff_max=f"{float(np.max(g_ff[earlier], initial=0.0)):.1g}",
                    ff_occl=f"{float(np.max(np.abs(occl_ff[earlier]), initial=0.0)):.1g}"))


views.play_fragment(step_view)


def steps_where(mask) -> str:
    """'2, 3' for the steps t where ``mask`` holds, '–' for none."""
    return ", ".join(str(t) for t in np.flatnonzero(mask) + 1) or "–"


@st.fragment
def edit_view():
    T = rnn_tg.T
    st.markdown(f"#### {text('why.edit.title', lang)}")
    st.caption(text("why.edit.intro", lang))
    feedforward.default_edit(ctx.text, rnn_tg.tags, ff_tg.tags)
    pick, word = st.columns([1, 1])
    k = pick.selectbox(text("why.edit.k", lang), range(1, T + 1), key=feedforward.EDIT_K,
                       placeholder=text("streamlit.choose", lang),
                       format_func=lambda i: f"{i} · {rnn_tg.tokens[i - 1]}")
    typed = word.text_input(text("why.edit.word", lang), key=feedforward.EDIT_WORD,
                            max_chars=40, placeholder="<unk>").strip()
    key = normalize(typed) if typed else ""
    shown = typed or "<unk>"
    e_rnn = reach.edit(rnn_tg.trace, k, int(lookup(ctx.model.word_index, [key])[0]), shown)
    e_ff = reach.edit(ff_tg.trace, k, int(lookup(feedforward.model().word_index, [key])[0]), shown)
    words = list(rnn_tg.tokens)
    words[k - 1] = f"{words[k - 1]} → {shown}"
    rows = [Row(text("why.edit.rnn_before", lang), rnn_tg.tags, rnn_tg.trace.confidence),
            Row(text("why.edit.rnn_after", lang), e_rnn.after.pred_tags, e_rnn.after.confidence),
            Row(text("why.edit.ff_after", lang), e_ff.after.pred_tags, e_ff.after.confidence)]
    unknown = list(rnn_tg.unknown)
    unknown[k - 1] = key not in ctx.model.word_index
    st.markdown(cards_html(words, rows, marked=list(e_rnn.changed), unknown=unknown,
                           selected=k, mark_note=text("why.edit.changed", lang),
                           unknown_note=text("tagging.unknown", lang),
                           font_px=look.scaled(1.2)), unsafe_allow_html=True)
    st.caption(text("why.edit.summary", lang, T=T, last=f"{e_rnn.ds[-1]:.3f}",
                    tags=steps_where(e_rnn.changed), ff_tags=steps_where(e_ff.changed),
                    ff_states=steps_where(e_ff.ds > 0)))
    views.chart(make_edit(words, k, e_rnn.ds, e_ff.ds, e_rnn.changed, look=look),
                key="why_edit", ctx=ctx)


edit_view()
