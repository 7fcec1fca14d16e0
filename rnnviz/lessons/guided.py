"""The guided lesson: the tutorial's argument in eleven steps, and the questions it asks.

The steps follow the source tutorial: a feed-forward net sees one word → the
previous word tells the tag (吃 → 苹果 is a noun) → the same word takes
another tag in another context → an RNN has x, s, o and U, V → the hidden
layer feeds itself through W → the network unrolled in time →
``s_t = f(U x_t + W s_{t-1} + b)`` → which earlier word matters most →
W = 0 is a feed-forward net → backpropagation through time → vanishing and
exploding gradients.

Six steps ask the student to predict before the figure shows the answer. Every
answer is computed here from the model and the student's sentence, never
written down: the tag the model gives a word, the tag one word gets in two
contexts, one entry of s_1 from the numbers shown, the earlier word whose
occlusion moves o_t the most, what W = 0 makes of the network (checked by
occluding every earlier word of the W = 0 variant), and whether
‖∂L_T/∂s_1‖ grows or shrinks when W is halved. A question the sentence does
not allow (one word, no earlier word that matters) has ``fits = False`` and
says why in ``reason``. Pure NumPy: no streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np

from ..nn.forward import Trace, trace
from ..nn.model import RNN

from ..training.tagger import Tagging, tag_text
from . import backprop, reach

STEPS = ("one_word", "tag_after", "context", "parts", "recurrence", "unrolled", "formula",
         "reach", "w_zero", "bptt", "vanishing")
QUESTION_OF = {"tag_after": "tag_after", "context": "context", "formula": "s1",
               "reach": "reach", "w_zero": "w_zero", "bptt": "bptt"}
T_STEPS = ("parts", "recurrence", "unrolled")       # steps drawn at the selected t
MAX_OPTIONS = 4             # tags offered for a word
PUNCT = "pu"                # tagset.TAGS: punctuation is not a word to ask about
MAX_EARLIER = 6             # earlier words offered
ROUND = 2                   # decimals of the numbers shown for s_1
TOLERANCE = 0.01            # accepted distance from the value of the rounded numbers
# the same word in two contexts (tokens split as the tokenizer splits them; 1-based word)
PAIRS = {
    "zh": (("我 在 学习", 3), ("我 喜欢 学习", 3)),
    "en": (("I read a book", 4), ("I want to book a table", 4)),
}


@dataclass(frozen=True)
class Question:
    """One predict-then-reveal question. ``options`` are codes the page translates (tags,
    word positions, "grows"/"shrinks"…); a number question has none and a tolerance."""
    kind: str
    options: tuple[str, ...] = ()
    answer: Any = None
    tolerance: float = 0.0
    facts: Mapping[str, Any] = field(default_factory=dict)   # the numbers the page shows
    fits: bool = True
    reason: str = ""                                         # why it does not fit

    def check(self, given) -> bool:
        if not self.fits or given is None:
            return False
        if self.options:
            return str(given) == str(self.answer)
        try:
            value = float(given)
        except (TypeError, ValueError):
            return False
        return bool(np.isfinite(value) and abs(value - self.answer) <= self.tolerance + 1e-9)


def not_fitting(kind: str, reason: str, **facts) -> Question:
    return Question(kind, fits=False, reason=reason, facts=facts)


def step_number(name: str) -> int:
    return STEPS.index(name) + 1


# --------------------------------------------------------------------------- helpers

def words(tg: Tagging) -> list[int]:
    """1-based positions of the tokens that are not punctuation."""
    return [t for t in range(1, tg.T + 1) if tg.tags[t - 1] != PUNCT]


def focus_word(tg: Tagging) -> int | None:
    """The word the questions ask about: the last word (not punctuation) that has a
    word before it, None for a sentence of one word."""
    ws = [t for t in words(tg) if t >= 2]
    return ws[-1] if ws else None


def top_tags(o: np.ndarray, tags, n: int) -> list[int]:
    return [int(k) for k in np.argsort(-o, kind="stable")[:n]]


def script_of(tokens) -> str:
    """"zh" when the sentence holds a CJK character, else "en"."""
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for tok in tokens for ch in tok) else "en"


# --------------------------------------------------------------------------- the questions

def tag_after(tg: Tagging) -> Question:
    """Which tag will the model give word t after word t−1? Options: the model's MAX_OPTIONS
    most probable tags, in the tagset's order (so that the order tells nothing)."""
    t = focus_word(tg)
    if t is None:
        return not_fitting("tag_after", "one_word")
    m, o = tg.trace.model, tg.trace.o[t - 1]
    best = top_tags(o, m.tags, MAX_OPTIONS)
    options = tuple(m.tags[k] for k in sorted(best))
    answer = m.tags[int(tg.trace.pred[t - 1])]
    return Question("tag_after", options, answer, facts=dict(
        t=t, word=tg.tokens[t - 1], prev=tg.tokens[t - 2], p=float(o.max()),
        probs={m.tags[k]: float(o[k]) for k in best}))


def context(m: RNN, lang: str) -> Question:
    """The same word after two different words: which tag in each? Options: pairs of the
    two most probable tags of the word in each sentence."""
    (text_a, i_a), (text_b, i_b) = PAIRS[lang]
    ta, tb = tag_text(m, text_a), tag_text(m, text_b)
    if ta.T < i_a or tb.T < i_b:
        return not_fitting("context", "tokenizer", a=text_a, b=text_b)
    oa, ob = ta.trace.o[i_a - 1], tb.trace.o[i_b - 1]
    pairs = {f"{m.tags[a]} / {m.tags[b]}" for a in top_tags(oa, m.tags, 2)
             for b in top_tags(ob, m.tags, 2)}
    answer = f"{ta.tags[i_a - 1]} / {tb.tags[i_b - 1]}"
    order = {tag: i for i, tag in enumerate(m.tags)}
    options = tuple(sorted(pairs, key=lambda s: [order[x] for x in s.split(" / ")]))
    return Question("context", options, answer, facts=dict(
        a=" ".join(ta.tokens), b=" ".join(tb.tokens), i_a=i_a, i_b=i_b,
        word=ta.tokens[i_a - 1], cue_a=ta.tokens[i_a - 2], cue_b=tb.tokens[i_b - 2],
        tag_a=ta.tags[i_a - 1], tag_b=tb.tags[i_b - 1],
        p_a=float(oa.max()), p_b=float(ob.max()), same=ta.tags[i_a - 1] == tb.tags[i_b - 1]))


def s1_unit(tr: Trace) -> int:
    """The unit of s_1 to compute by hand: the one whose a_1 is largest in size while f
    still bends it visibly (|a| ≤ 1.5, where tanh(a) and a differ by ≥ 0.05 for
    |a| ≥ 0.5), else the largest."""
    a = np.abs(tr.a[0])
    ok = np.flatnonzero((a >= 0.5) & (a <= 1.5))
    return int(ok[np.argmax(a[ok])]) if ok.size else int(np.argmax(a))


def s1(tr: Trace) -> Question:
    """One entry of s_1 = f(U x_1 + W s_0 + b) from the terms rounded to ROUND decimals."""
    m = tr.model
    j = s1_unit(tr)
    u, w, b = (round(float(v), ROUND) for v in (tr.Ux[0, j], tr.Ws[0, j], m.b[j]))
    a = u + w + b
    value = float(m.activation.f(np.array([a]))[0])
    return Question("s1", (), value, TOLERANCE, facts=dict(
        unit=j + 1, word=tr.tokens[0] if tr.tokens else "", u=u, w=w, b=b, a=round(a, ROUND),
        value=value, exact=float(tr.s[1, j]), f=m.f))


def reach_question(tg: Tagging) -> Question:
    """Which earlier word changes o_t the most when it is replaced by <unk> (occlusion)?"""
    t = focus_word(tg)
    if t is None:
        return not_fitting("reach", "one_word")
    delta = reach.occlusion(tg.trace)[t - 1, : t - 1]              # k = 1..t-1
    if not np.isfinite(delta).all():
        return not_fitting("reach", "not_finite")
    if not np.any(delta):
        return not_fitting("reach", "no_reach", t=t, word=tg.tokens[t - 1])
    best = int(np.argmax(np.abs(delta))) + 1
    near = list(range(max(1, t - MAX_EARLIER), t))
    if best not in near:
        near = [best] + near[1:]
    return Question("reach", tuple(str(k) for k in near), str(best), facts=dict(
        t=t, word=tg.tokens[t - 1], tag=tg.tags[t - 1], best=best,
        best_word=tg.tokens[best - 1], delta={k: float(delta[k - 1]) for k in near},
        tokens=tg.tokens))


W_ZERO_OPTIONS = ("feedforward", "last_word", "all_words")
STILL = 1e-12           # a change of o_t smaller than this is rounding, not memory


def occlusion_changes(tr: Trace) -> np.ndarray:
    """(T, T) [t-1, k-1]: max_j |o_t[j] − o_t[j] with x_k := <unk>|, run, not inferred
    from the structure (``reach.occlusion`` sets the zeros it can prove)."""
    with np.errstate(all="ignore"):
        o = reach.occluded_outputs(tr)
        return np.abs(o[:, :tr.T, :] - o[:, tr.T:, :]).max(axis=2)


def w_zero(tg: Tagging) -> Question:
    """What does W = 0 turn the RNN into? Measured on the W = 0 variant of this very model
    and sentence: if replacing no earlier word moves any o_t, each word is tagged alone (a
    feed-forward net); if only the word just before does, the net remembers one word;
    else it still remembers every earlier word."""
    m0 = backprop.variant(tg.trace.model, w_scale=0.0)
    tr0 = trace(m0, tg.trace.x, tg.tokens)
    change = occlusion_changes(tr0)
    T = tr0.T
    earlier = np.tril(change, k=-1)                               # k < t
    older = np.tril(change, k=-2)                                 # k < t - 1
    if not (earlier > STILL).any():
        answer = "feedforward"
    elif not (older > STILL).any():
        answer = "last_word"
    else:
        answer = "all_words"
    changed = [t for t in range(1, T + 1) if tr0.pred[t - 1] != tg.trace.pred[t - 1]]
    return Question("w_zero", W_ZERO_OPTIONS, answer, facts=dict(
        most=float(earlier.max()) if T > 1 else 0.0, changed=changed,
        tags0=tr0.pred_tags, tags=tg.tags, tokens=tg.tokens, T=T))


BPTT_OPTIONS = ("grows", "shrinks", "same")
HALF = 0.5


def bptt(tg: Tagging) -> Question:
    """With W × 0.5, does ‖∂L_T/∂s_1‖ grow or shrink? (L_T against the model's own tags.)"""
    T = tg.T
    if T < 2:
        return not_fitting("bptt", "one_word")
    m, x, y = tg.trace.model, tg.trace.x, tg.trace.pred
    full = backprop.lesson(m, x, y, tokens=tg.tokens).norms[T - 1, 0]
    half = backprop.lesson(backprop.variant(m, w_scale=HALF), x, y,
                           tokens=tg.tokens).norms[T - 1, 0]
    if not (np.isfinite(full) and np.isfinite(half)):
        return not_fitting("bptt", "not_finite")
    answer = "same" if np.isclose(half, full, rtol=1e-9, atol=0.0) else \
        ("grows" if half > full else "shrinks")
    return Question("bptt", BPTT_OPTIONS, answer, facts=dict(
        T=T, full=float(full), half=float(half),
        ratio=float(half / full) if full > 0 else float("nan")))


def question(name: str, tg: Tagging) -> Question | None:
    """The question of step ``name`` on this sentence (None for a step without one)."""
    kind = QUESTION_OF.get(name)
    if kind is None:
        return None
    if kind == "tag_after":
        return tag_after(tg)
    if kind == "context":
        return context(tg.trace.model, script_of(tg.tokens))
    if kind == "s1":
        return s1(tg.trace)
    if kind == "reach":
        return reach_question(tg)
    if kind == "w_zero":
        return w_zero(tg)
    return bptt(tg)
