"""Chinese word segmentation: jieba, the old tokenizer and ours, against UD's words.

    python bench/segmentation.py [--file ../shared/data/ud/zh_gsdsimp-ud-test.conllu]
    python bench/segmentation.py --audit 100   # jieba words the conventions split

For each sentence of the CoNLL-U file (read with the ``conllu`` package; the
gold words are its tokens, multi-word ranges and empty nodes skipped), the words
are joined without spaces and segmented by

- ``jieba``: ``jieba.lcut(text)``, jieba's default dictionary, HMM on;
- ``old``: the tokenizer before issue 16, reimplemented below: jieba that also
  knows the built-in corpus words, then every piece that is not a corpus word
  split into corpus words;
- ``new``: ``rnnviz.text.tokenize.tokenize`` (jieba, then only the tagset's
  conventions split a word; see ``rnnviz/text/zh_conventions.py``).

It prints, per segmenter, word precision / recall / F1 (a word is right when
both its ends are gold word ends, the usual SIGHAN score), boundary F1 (the cut
points inside the sentence), and how many words jieba keeps whole the segmenter
splits (for ``new`` every one is a convention split). Then the built-in corpus
round trip: the zh sentences of the test split, spaces removed, that come back
as exactly the corpus tokens, and the same scores on the Chinese sentences of
the everyday test set (``bench/everyday/zh.tagged``, for measuring only). Exits
0 when the UD file is absent (it says so).

``--audit N`` instead lists every word of jieba's dictionary with frequency N or
more that the conventions of ``rnnviz/text/zh_conventions.py`` split (as a word on its
own, with no number before it), most frequent first: the list to read when a
table there changes (a word wrongly split goes into LEXICAL).

GSD's own conventions differ from the tagset's in places (it splits suffixes such
as 人 in 中国人 and keeps 山上, 手里 whole; it splits 个 and 了 as we do), so no
segmenter here can reach 100 %.
"""
from __future__ import annotations

import argparse
import functools
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "ud" / "zh_gsdsimp-ud-test.conllu"


def spans(words: list[str]) -> list[tuple[int, int]]:
    out, i = [], 0
    for w in words:
        out.append((i, i + len(w)))
        i += len(w)
    return out


def cuts(words: list[str]) -> set[int]:
    return {end for _, end in spans(words)[:-1]}


# --------------------------------------------------------------------------- the old tokenizer

@functools.cache
def _old_jieba():
    import jieba

    from rnnviz.text import corpus
    from rnnviz.text.tokenize import _HAN
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    for word in corpus.words():
        if re.fullmatch(f"[{_HAN}]+", word):
            segmenter.add_word(word, freq=100_000)
    return segmenter


def _split_known(piece: str, keys) -> list[str]:
    """Before issue 16: ``piece`` as the fewest corpus words, or ``[piece]``."""
    if piece in keys or len(piece) > 40:
        return [piece]
    longest = min(len(piece), 8)
    best: list[list[str] | None] = [[]] + [None] * len(piece)
    for end in range(1, len(piece) + 1):
        for start in range(max(0, end - longest), end):
            head, word = best[start], piece[start:end]
            if head is not None and word in keys and (
                    best[end] is None or len(head) + 1 < len(best[end])):
                best[end] = head + [word]
    return best[-1] or [piece]


def old_tokenize(text: str) -> list[str]:
    """The old tokenizer: ``_segment_han`` swapped for the old one, all else as today."""
    import rnnviz.text.tokenize as module
    from rnnviz.text import corpus
    keys = corpus.words()

    def old_han(run: str, *_jieba_pieces) -> list[str]:
        if run in keys:
            return [run]
        return [w for piece in _old_jieba().cut(run) for w in _split_known(piece, keys)]

    saved = module._segment_han, module._jieba_cuts
    module._segment_han, module._jieba_cuts = old_han, lambda _text: frozenset()
    try:
        return list(module.tokenize(text, max_tokens=10_000).tokens)
    finally:
        module._segment_han, module._jieba_cuts = saved


def new_tokenize(text: str) -> list[str]:
    from rnnviz.text.tokenize import tokenize
    return list(tokenize(text, max_tokens=10_000).tokens)


# --------------------------------------------------------------------------- scoring

def score(gold: list[list[str]], pred: list[list[str]], jieba_words: list[list[str]]) -> dict:
    right = n_gold = n_pred = 0
    cut_right = cut_gold = cut_pred = 0
    split_jieba = 0
    for g, p, j in zip(gold, pred, jieba_words):
        gs, ps = set(spans(g)), set(spans(p))
        right += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
        gc, pc = cuts(g), cuts(p)
        cut_right += len(gc & pc)
        cut_gold += len(gc)
        cut_pred += len(pc)
        split_jieba += sum(any(a < c < b for c in pc) for a, b in spans(j))
    p, r = right / n_pred, right / n_gold
    bp, br = cut_right / cut_pred, cut_right / cut_gold
    return dict(p=p, r=r, f=2 * p * r / (p + r), bf=2 * bp * br / (bp + br), split=split_jieba)


def corpus_round_trip(segment) -> tuple[int, int]:
    from rnnviz.text.corpus import load
    sentences = [[w for w, _ in s] for s in load("zh", "test")]
    same = sum(segment("".join(words)) == words for words in sentences)
    return same, len(sentences)


def audit(min_freq: int) -> None:
    from rnnviz.text.jieba_dictionary import dictionary
    from rnnviz.text.zh_conventions import split_word
    freq = dictionary().segmenter.FREQ
    rows = sorted(((f, w, split_word(w)) for w, f in freq.items() if f >= min_freq and len(w) > 1),
                  key=lambda row: (-row[0], row[1]))
    rows = [row for row in rows if len(row[2]) > 1]
    print(f"{len(rows)} words of jieba's dictionary with frequency >= {min_freq} are split:")
    for f, word, words in rows:
        print(f"{f:>8} {word} -> {' '.join(words)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=DEFAULT)
    ap.add_argument("--audit", type=int, metavar="MIN_FREQ",
                    help="list the dictionary words the conventions split, and stop")
    args = ap.parse_args()
    import jieba
    jieba.setLogLevel(logging.WARNING)
    if args.audit is not None:
        audit(args.audit)
        return 0

    segmenters = {"jieba": jieba.lcut, "old": old_tokenize, "new": new_tokenize}
    for segment in segmenters.values():
        segment("我吃苹果")                                       # load dictionaries first

    if not args.file.exists():
        print(f"{args.file} is absent: UD part skipped")
    else:
        import conllu
        with args.file.open(encoding="utf-8") as f:
            gold = [[t["form"] for t in s if isinstance(t["id"], int)] for s in conllu.parse_incr(f)]
        texts = ["".join(words) for words in gold]
        print(f"{args.file.name}: {len(gold)} sentences, {sum(map(len, gold))} words, "
              f"{sum(map(len, texts))} characters")
        jieba_words = [jieba.lcut(t) for t in texts]
        print(f"{'segmenter':<10}{'word P':>8}{'word R':>8}{'word F1':>9}{'bound. F1':>11}"
              f"{'jieba words split':>19}{'ms/sent.':>10}")
        for name, segment in segmenters.items():
            start = time.perf_counter()
            pred = [segment(t) for t in texts]
            ms = (time.perf_counter() - start) * 1000 / len(texts)
            bad = sum("".join(p) != t for p, t in zip(pred, texts))
            if bad:
                print(f"  ({name}: {bad} sentences do not join back to the text)")
            s = score(gold, pred, jieba_words)
            print(f"{name:<10}{s['p']:>8.1%}{s['r']:>8.1%}{s['f']:>9.1%}{s['bf']:>11.1%}"
                  f"{s['split']:>19}{ms:>10.2f}")

    everyday = ROOT / "bench" / "everyday" / "zh.tagged"
    if everyday.exists():           # for measuring only: never tune on its errors one by one
        gold = [[w.rsplit("/", 1)[0] for w in line.split()]
                for line in everyday.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = ["".join(words) for words in gold]
        jieba_words = [jieba.lcut(t) for t in texts]
        print(f"{everyday.relative_to(ROOT)}: {len(gold)} sentences, spaces removed:")
        print(f"{'segmenter':<10}{'word F1':>9}{'same sentence':>15}")
        for name, segment in segmenters.items():
            pred = [segment(t) for t in texts]
            same = sum(p == g for p, g in zip(pred, gold))
            print(f"{name:<10}{score(gold, pred, jieba_words)['f']:>9.1%}{same / len(gold):>15.0%}")

    print("built-in corpus, zh test split, spaces removed -> exactly the corpus tokens:")
    for name, segment in segmenters.items():
        same, n = corpus_round_trip(segment)
        print(f"{name:<10}{same:>5} / {n} = {same / n:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
