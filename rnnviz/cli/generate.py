"""``python -m rnnviz next`` and ``generate``: the language model's next words, and text
it samples (temperature, top-k, seed)."""
from __future__ import annotations

import re
import sys

from .common import load_model

_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def add_parsers(sub) -> None:
    """The two commands' options (``cli.build_parser``)."""
    p = sub.add_parser("next", help="the language model's top next words: 我 吃 -> 饭 0.21 …",
                       description="The most likely next words after the text, with the "
                                   "probabilities o_T of the shipped language model of its "
                                   "language (Chinese if the text has a Chinese character, "
                                   "else English). Empty text: the first word of a sentence. "
                                   "</s> is the end of the sentence; <unk> (some word outside "
                                   "the vocabulary) is never a candidate, its probability is "
                                   "printed below them.")
    _common(p)
    p.add_argument("-k", "--top", type=int, default=5, metavar="N",
                   help="how many candidates (default 5)")
    p.set_defaults(run=cmd_next)

    p = sub.add_parser("generate", help="sample words after the text from the language model",
                       description="Sample up to N words after the text, each fed back as the "
                                   "next input, stopping at the end of the sentence (</s>). "
                                   "The same seed, text and settings give the same words on "
                                   "the same machine. <unk> is never sampled.")
    _common(p)
    p.add_argument("-n", type=int, default=10, metavar="N", help="at most N words (default 10)")
    p.add_argument("--temperature", type=float, default=1.0, metavar="T",
                   help="softmax(z / T): below 1 sharper, above 1 flatter; 0 = greedy, the "
                        "most likely word each time (default 1)")
    p.add_argument("--top-k", type=int, metavar="K",
                   help="sample among the K most likely words only (default: all)")
    p.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    p.set_defaults(run=cmd_generate)


def _common(p) -> None:
    p.add_argument("text", nargs="*", help="the words so far (several arguments are joined "
                                           "by spaces)")
    p.add_argument("--lang", choices=("zh", "en"),
                   help="which shipped language model (default: from the text)")
    p.add_argument("--model", help="a language model .npz (python -m rnnviz train --task lm "
                                   "--out FILE) instead of the shipped one")


def _model(args, text: str):
    from ..training.language_model import LM_MODELS

    lang = args.lang or ("zh" if _HAN.search(text) else "en")
    path = args.model or LM_MODELS[lang]
    return load_model(path, task="lm"), path


def cmd_next(args) -> int:
    from ..training.next_word import next_words

    text = " ".join(args.text)
    m, path = _model(args, text)
    nw = next_words(m, text, args.top)
    after = " ".join(nw.prompt.tokens) or "<s> (the start of a sentence)"
    print(f"after {after}  ({path}):")
    width = max(len(w) for w, _ in nw.candidates)
    for i, (w, p) in enumerate(nw.candidates, 1):
        print(f"  {i}. {w:<{width}}  {p:.4f}")
    print(f"  <unk> (a word outside the {m.K - 2:,} words): {nw.unk:.4f}")
    return 0


def cmd_generate(args) -> int:
    from ..training.next_word import generate_text

    text = " ".join(args.text)
    m, _ = _model(args, text)
    g = generate_text(m, text, args.n, temperature=args.temperature, top_k=args.top_k,
                      seed=args.seed)
    print(" ".join((*g.prompt.tokens, *g.words)))
    print(f"seed {g.seed}, temperature {g.temperature:g}, top-k {g.top_k or 'all'}: "
          f"{len(g.words)} words, {'ended with </s>' if g.ended else f'no </s> in {args.n}'}",
          file=sys.stderr)
    return 0
