"""Write the corpus files: ``python -m rnnviz.text.corpus.build [--check]``.

Generates ``rnnviz/data/corpus/{zh,en}.{train,dev,test}.txt`` from the grammars
(fixed seeds, so a rebuild is byte-identical) and refreshes the statistics block
of ``rnnviz/data/corpus/README.md``. ``--check`` writes nothing and exits 1 if
a file differs from a fresh build.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from rnnviz.text.normalize import normalize

from . import DATA_DIR, LANGS, SPLITS, Sentence, en, zh
from .generate import generate, split

SEEDS = {"zh": 7, "en": 11}
N_GENERAL = {"zh": 1700, "en": 1600}   # sentences from the general templates
MIN_PER_TAG = 38                        # occurrences of each tag of each ambiguous word
STATS_BEGIN, STATS_END = "<!-- stats:begin -->", "<!-- stats:end -->"

GRAMMARS = {"zh": zh.GRAMMAR, "en": en.GRAMMAR}


def build(lang: str) -> dict[str, list[Sentence]]:
    """The three splits of one language, fresh from its grammar."""
    grammar = GRAMMARS[lang]
    sentences = generate(grammar, seed=SEEDS[lang], n_general=N_GENERAL[lang],
                         min_per_tag=MIN_PER_TAG)
    return split(sentences, seed=SEEDS[lang], n_pinned=len(grammar.pinned),
                 ambiguous=grammar.ambiguous)


def render(sentences: list[Sentence]) -> str:
    return "".join(" ".join(f"{w}/{t}" for w, t in s) + "\n" for s in sentences)


def files() -> dict[Path, str]:
    """Every generated file and its text."""
    corpora = {lang: build(lang) for lang in LANGS}
    out = {DATA_DIR / f"{lang}.{name}.txt": render(corpora[lang][name])
           for lang in LANGS for name in SPLITS}
    readme = DATA_DIR / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(STATS_BEGIN, 1)
    tail = rest.split(STATS_END, 1)[1]
    out[readme] = f"{head}{STATS_BEGIN}\n{stats_markdown(corpora)}{STATS_END}{tail}"
    return out


# --------------------------------------------------------------------------- statistics

def stats_markdown(corpora: dict[str, dict[str, list[Sentence]]]) -> str:
    lines = ["| lang | split | sentences | tokens | distinct words |", "|---|---|---|---|---|"]
    for lang, parts in corpora.items():
        for name in (*SPLITS, "all"):
            sents = [s for p in SPLITS for s in parts[p]] if name == "all" else parts[name]
            vocab = {normalize(w) for s in sents for w, _ in s}
            lines.append(f"| {lang} | {name} | {len(sents):,} | "
                         f"{sum(map(len, sents)):,} | {len(vocab):,} |")
    for lang, parts in corpora.items():
        amb = GRAMMARS[lang].ambiguous
        lines += ["", f"**{lang}: {len(amb)} context-dependent words** "
                  "(occurrences per tag in train / test; minority share over all splits)", "",
                  "| word | tags: train | tags: test | minority |", "|---|---|---|---|"]
        counts = {p: Counter((normalize(w), t) for s in parts[p] for w, t in s) for p in SPLITS}
        for word, tags in amb.items():
            total = [sum(counts[p][word, t] for p in SPLITS) for t in tags]
            train, test = (" · ".join(f"{t} {counts[p][word, t]}" for t in tags)
                           for p in ("train", "test"))
            lines.append(f"| {word} | {train} | {test} | {min(total) / sum(total):.0%} |")
        alone, after = _lookup_accuracy(parts["train"], parts["test"], amb)
        lines += ["", f"Tagging the {lang} context-dependent words of test with the most frequent "
                  f"train tag: of the word alone {alone:.1%}; of the word after the same "
                  f"previous word {after:.1%} (falling back to the word alone when that pair "
                  "is not in train). A tagger must generalise over the previous word to do better."]
    return "\n".join(lines) + "\n"


def _lookup_accuracy(train: list[Sentence], test: list[Sentence], amb) -> tuple[float, float]:
    """Accuracy on the ambiguous test tokens of a most-frequent-tag lookup by word,
    and by (previous word, word)."""
    def pairs(sent):
        keys = ["<s>"] + [normalize(w) for w, _ in sent]
        return [(keys[i], keys[i + 1], tag) for i, (_, tag) in enumerate(sent)]

    by_word, by_pair = defaultdict(Counter), defaultdict(Counter)
    for sent in train:
        for prev, word, tag in pairs(sent):
            by_word[word][tag] += 1
            by_pair[prev, word][tag] += 1
    right, n = [0, 0], 0
    for sent in test:
        for prev, word, tag in pairs(sent):
            if word in amb:
                n += 1
                guess = by_word[word].most_common(1)[0][0]
                right[0] += guess == tag
                if by_pair[prev, word]:
                    guess = by_pair[prev, word].most_common(1)[0][0]
                right[1] += guess == tag
    return right[0] / n, right[1] / n


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for file, text in files().items():
        if not file.exists() or file.read_text(encoding="utf-8") != text:
            stale.append(file)
            if not check:
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(text, encoding="utf-8", newline="\n")
    for file in stale:
        print(("differs: " if check else "wrote: ") + str(file))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
