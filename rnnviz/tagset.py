"""The 12 part-of-speech tags of the tutorial (``我/nn 吃/v 苹果/nn``).

Each tag maps to one or more Universal Dependencies UPOS tags. Decisions that
the tag names alone leave open, applied the same way in both languages:

- Pronouns, possessive pronouns (my, his, 我 in 我 的) and names are ``nn``
  (UD: PRON, PROPN), as the tutorial writes 我/nn.
- The copula (is, am, are, 是) and do-support (do, does, did) are ``aux``, as in
  UD; so are modals (can, will, 会, 能, 想 "want to", 要 "will/must").
- Chinese classifiers (个, 本, 杯) are ``m``; UD tags them NOUN, so ``m`` has no
  UPOS source and a UD NOUN may be our ``nn`` or ``m``. English measure nouns
  (a cup of tea) are ``nn``.
- Aspect particles 了, 过, 着 are ``part`` (UD Chinese GSD tags them AUX);
  的, 地, 得, 吗, 呢, 吧, not, n't, infinitive to and possessive 's are ``part``.
- Chinese postpositions (桌子 上, 房间 里) are ``p``, like prepositions (UD ADP).
"""
from __future__ import annotations

from dataclasses import dataclass

TAGS = ("nn", "v", "adj", "adv", "d", "num", "m", "p", "c", "aux", "part", "pu")


@dataclass(frozen=True)
class TagInfo:
    tag: str
    upos: tuple[str, ...]      # UD UPOS tags this tag stands for
    en: str                    # short description, English
    zh: str                    # short description, Simplified Chinese
    examples: tuple[str, ...]


TAG_INFO: dict[str, TagInfo] = {i.tag: i for i in (
    TagInfo("nn", ("NOUN", "PRON", "PROPN"), "noun, pronoun or name",
            "名词、代词、专有名词", ("苹果", "我", "小明", "apples", "I", "Tom")),
    TagInfo("v", ("VERB",), "verb", "动词", ("吃", "学习", "eat", "study")),
    TagInfo("adj", ("ADJ",), "adjective", "形容词", ("好", "漂亮", "new", "happy")),
    TagInfo("adv", ("ADV",), "adverb (also negation 不, 没)", "副词（包括否定词 不、没）",
            ("很", "不", "often", "very")),
    TagInfo("d", ("DET",), "determiner or demonstrative", "限定词、指示词",
            ("这", "每", "the", "a", "this")),
    TagInfo("num", ("NUM",), "numeral", "数词", ("一", "三", "two", "3")),
    TagInfo("m", (), "measure word (classifier); UD tags it NOUN", "量词（UD 标为 NOUN）",
            ("个", "本", "杯")),
    TagInfo("p", ("ADP",), "preposition or postposition", "介词、方位词（后置词）",
            ("在", "把", "上", "in", "to")),
    TagInfo("c", ("CCONJ", "SCONJ"), "conjunction", "连词", ("和", "但是", "and", "because")),
    TagInfo("aux", ("AUX",), "auxiliary, modal or copula", "助动词、情态动词、系动词",
            ("会", "能", "是", "can", "will", "is")),
    TagInfo("part", ("PART",), "particle (的, 了, 吗, not, to + verb, 's)",
            "助词（的、了、吗、呢）", ("的", "了", "吗", "not", "'s")),
    TagInfo("pu", ("PUNCT",), "punctuation", "标点符号", ("。", "，", "？", ".", "?")),
)}

# UD UPOS -> our tag, for comparing with UD treebanks. Lossy on purpose:
# NOUN -> nn even for classifiers; INTJ, SYM and X get the nearest tag.
UPOS_TO_TAG: dict[str, str] = {
    **{upos: info.tag for info in TAG_INFO.values() for upos in info.upos},
    "INTJ": "part",    # 啊, oh: closest to sentence-final particles
    "SYM": "pu",       # %, $, +
    "X": "nn",         # foreign words, typos
}

assert tuple(TAG_INFO) == TAGS
assert len(UPOS_TO_TAG) == 17
