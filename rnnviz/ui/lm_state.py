"""The language-model page's per-session reading and its figures for the offline export.

``reading`` keeps the sentence through the shipped language model of its language in
this session's state while the tagging stays the same (``memo.session_memo``: a
keystroke that changes no token reads nothing again); text the model cannot read is
kept as its coded error. ``export_figures`` gives the page's figures at step t for the
share panel (``views``), which cannot import the page's glue (``lm_page`` draws
through ``views``).
"""
from __future__ import annotations

from ..figures.formula import make_formula
from ..figures.next_word import lm_outputs, make_next_bars, make_temperature, prob
from ..figures.style import Look
from ..figures.unrolled import make_unrolled
from ..i18n import text
from ..lessons import lm
from ..messages import CodedError
from . import resources, session_keys
from .context import Context
from .memo import session_memo


def reading(ctx: Context) -> lm.Reading | CodedError:
    """The sentence through its language model, or the coded error of reading it."""
    lang = lm.language_of(ctx.text)
    return session_memo(session_keys.LM_READING, (ctx.tagging, lang),
                        lambda: lm.read(resources.lm_model(lang), ctx.text),
                        errors=(CodedError,))


def export_figures(rd: lm.Reading, t: int, temperature: float, top_k: int | None,
                   look: Look) -> list[tuple]:
    """(heading, figure, alt text) of every chart of the page at step t."""
    lang, tr, target = look.lang, rd.trace, int(rd.y[t - 1])
    sentence = " ".join(rd.words)
    k = top_k or text("lm.all", lang)
    return [
        (text("fig.unrolled.title", lang), make_unrolled(
            tr, t, unknown=rd.unknown, look=look, outputs=lm_outputs(tr, rd.y, look)),
         text("alt.lm_unrolled", lang, sentence=sentence, T=rd.T)),
        ("", make_next_bars(tr, t, target, look=look),
         text("alt.lm_bars", lang, t=t, next=rd.next_word(t), p=prob(rd.p_next(t)))),
        ("", make_formula(tr, t, look=look, rows=lm.rows(rd, t), target=target),
         text("alt.lm_formula", lang, t=t, word=tr.tokens[t - 1])),
        ("", make_temperature(rd.model, tr.z[-1], temperature, top_k, look=look),
         text("alt.lm_temperature", lang, tau=f"{temperature:g}", k=k)),
    ]
