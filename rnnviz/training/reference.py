"""Measured accuracy of the shipped taggers on text they never trained on.

    python -m rnnviz eval --write-scores     # measures and writes data/scores.json

Two sets, each in Chinese and English, RNN next to the W = 0 tagger:

- ``everyday``: ``bench/everyday/{zh,en}.tagged``, 100 short sentences a language
  written by hand for measuring (half without final punctuation);
  the Chinese ones are also tagged typed without spaces (``unspaced_chars``);
- ``ud_test``: the UD Chinese GSDSimp and English EWT *test* treebanks
  (``../shared/data/ud``), tags mapped with ``tagset.ud_tag``.

The app cannot read the UD test files (they are not shipped), so the Why page
shows the counts written in ``data/scores.json``; a test re-measures them where
the files are present. Each entry is ``[correct, total]`` for all tokens and
for the unknown words (key not in the model's vocabulary).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from .. import data
from ..nn.model import RNN
from ..text.conllu_data import CLI_LIMITS, read_corpus
from ..text.corpus import read_tagged
from .evaluate import Score
from .tagger import tag_text
from .userdata import evaluate_sentences

SCORES_FILE = data.SCORES
EVERYDAY_DIR = data.EVERYDAY
UD_DIR = data.SHARED_UD
UD_TEST = {"zh": "zh_gsdsimp-ud-test.conllu", "en": "en_ewt-ud-test.conllu"}
LANGS = ("zh", "en")
MODELS = ("RNN", "W = 0")


def test_sets(everyday_dir: Path = EVERYDAY_DIR, ud_dir: Path = UD_DIR) -> dict:
    """{set: {lang: sentences}} for the sets whose files exist."""
    sets: dict = {"everyday": {}, "ud_test": {}}
    for lang in LANGS:
        if (everyday_dir / f"{lang}.tagged").exists():
            sets["everyday"][lang] = read_tagged(everyday_dir / f"{lang}.tagged")
        if (ud_dir / UD_TEST[lang]).exists():
            sets["ud_test"][lang] = read_corpus(ud_dir / UD_TEST[lang], column="tagset",
                                                limits=CLI_LIMITS).sentences
    return {name: by_lang for name, by_lang in sets.items() if by_lang}


def measure(models: Mapping[str, RNN], sets: Mapping) -> dict:
    """{set: {lang: {model: {"all": [c, n], "unknown": [c, n]}}}}."""
    out: dict = {}
    for name, by_lang in sets.items():
        for lang, sentences in by_lang.items():
            row = out.setdefault(name, {}).setdefault(lang, {})
            for model_name, m in models.items():
                ev = evaluate_sentences(m, sentences)
                row[model_name] = {"all": [ev.overall.correct, ev.overall.total],
                                   "unknown": [ev.unknown.correct, ev.unknown.total]}
                if name == "everyday" and lang == "zh":
                    chars = unspaced_chars(m, sentences)
                    row[model_name]["unspaced_chars"] = [chars.correct, chars.total]
    return out


def unspaced_chars(m: RNN, sentences) -> Score:
    """Chinese typed without spaces, end to end: the sentence's characters joined,
    tokenized and tagged; a character counts as right when the token it falls in
    got the tag of the gold word it belongs to."""
    correct = total = 0
    for sent in sentences:
        gold = [tag for word, tag in sent for _ in word]
        tg = tag_text(m, "".join(word for word, _ in sent))
        got = [tag for word, tag in zip(tg.tokens, tg.tags) for _ in word]
        total += len(gold)
        if len(got) == len(gold):
            correct += sum(a == b for a, b in zip(got, gold))
    return Score(correct, total)


def write(scores: Mapping, path: Path = SCORES_FILE) -> None:
    path.write_text(json.dumps(scores, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def load(path: Path = SCORES_FILE) -> dict:
    """The shipped measurements ({} when the file is missing)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def combined(scores: Mapping, name: str, model: str, which: str = "all") -> Score:
    """One set's score over both languages (Score(0, 0) when it was not measured)."""
    cells = [scores.get(name, {}).get(lang, {}).get(model, {}).get(which, [0, 0])
             for lang in LANGS]
    return Score(sum(c for c, _ in cells), sum(n for _, n in cells))
