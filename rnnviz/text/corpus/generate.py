"""Shared machinery: templates -> distinct tagged sentences -> train/dev/test.

A template is a tuple of *parts*; ``build`` turns parts into a sentence:

- ``"我/nn 吃/v"``: literal ``word/tag`` tokens;
- a callable ``rng -> Sentence``: a slot (``one_of``, ``maybe``, ``words``, a
  noun category ...);
- a tuple or list of parts: all of them in order; ``None``: nothing.

``generate`` samples the general templates, then tops up each ambiguous word
with its own frames until both of its tags are about equally frequent, then
``split`` deals the distinct sentences 80/10/10. Everything is driven by one
``random.Random(seed)`` and ordered lists, so a rebuild is byte-identical.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence, Union

from rnnviz.text.tagset import TAGS
from rnnviz.text.normalize import normalize

Sentence = list[tuple[str, str]]
Slot = Callable[[random.Random], Sentence]
Part = Union[str, Slot, Sequence["Part"], None]


# --------------------------------------------------------------------------- parts

def parse(spec: str) -> Sentence:
    """``"我/nn 吃/v"`` -> ``[("我", "nn"), ("吃", "v")]``."""
    out = []
    for item in spec.split():
        word, _, tag = item.rpartition("/")
        if not word or tag not in TAGS:
            raise ValueError(f"{item!r} in {spec!r} is not word/tag with a known tag")
        out.append((word, tag))
    return out


def build(rng: random.Random, *parts: Part) -> Sentence:
    out: Sentence = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, str):
            out += parse(part)
        elif callable(part):
            out += part(rng)
        else:
            out += build(rng, *part)
    return out


def seq(*parts: Part) -> Slot:
    """All ``parts`` in order, as one slot."""
    return lambda rng: build(rng, *parts)


def one_of(*alternatives: Part) -> Slot:
    """One of the alternatives, uniformly."""
    return lambda rng: build(rng, rng.choice(alternatives))


def maybe(part: Part, p: float = 0.5) -> Slot:
    """``part`` with probability ``p``, else nothing."""
    return lambda rng: build(rng, part) if rng.random() < p else []


def pair(part: Part, conjunction: str) -> Slot:
    """Two different picks of ``part`` joined: 茶 还是 咖啡, apples and pears."""
    def slot(rng: random.Random) -> Sentence:
        first = build(rng, part)
        second = build(rng, part)
        while second == first:
            second = build(rng, part)
        return first + parse(conjunction) + second
    return slot


def words(tag: str, *items: str) -> Slot:
    """One of ``items`` (each a single word), tagged ``tag``."""
    if tag not in TAGS:
        raise ValueError(f"unknown tag {tag!r}")
    return lambda rng: [(rng.choice(items), tag)]


# --------------------------------------------------------------------------- grammar

@dataclass(frozen=True)
class Template:
    name: str
    weight: float
    parts: tuple[Part, ...]

    def __call__(self, rng: random.Random) -> Sentence:
        return build(rng, *self.parts)


def template(name: str, weight: float, *parts: Part) -> Template:
    return Template(name, weight, parts)


@dataclass
class Grammar:
    lang: str
    templates: list[Template]                                # the general sentences
    frames: dict[tuple[str, str], list[Template]]            # (word, tag) -> its frames
    pinned: list[Sentence] = field(default_factory=list)     # always in train
    finish: Callable[[Sentence], Sentence] = lambda s: s     # e.g. capitalise English

    @property
    def ambiguous(self) -> dict[str, tuple[str, ...]]:
        """word -> its tags, in the order the frames are written."""
        out: dict[str, tuple[str, ...]] = {}
        for word, tag in self.frames:
            out[word] = out.get(word, ()) + (tag,)
        return out


# --------------------------------------------------------------------------- generation

def sentence_key(sent: Sentence) -> tuple[str, ...]:
    """Sentences with the same key are the same sentence (case, width ignored)."""
    return tuple(normalize(w) for w, _ in sent)


class _Pool:
    """Distinct sentences in insertion order; a repeat with other tags is a grammar bug."""

    def __init__(self, grammar: Grammar):
        self.grammar, self.sentences, self.keys, self.counts = grammar, [], {}, Counter()

    def add(self, sent: Sentence) -> bool:
        if not sent:
            return False
        sent = self.grammar.finish(sent)
        key = sentence_key(sent)
        if key in self.keys:
            if self.keys[key] != [t for _, t in sent]:
                raise ValueError(f"{self.grammar.lang}: {' '.join(key)} is tagged two ways")
            return False
        self.keys[key] = [t for _, t in sent]
        self.sentences.append(sent)
        self.counts.update((normalize(w), t) for w, t in sent)
        return True


def generate(grammar: Grammar, *, seed: int, n_general: int, min_per_tag: int) -> list[Sentence]:
    """Pinned sentences, ``n_general`` from the templates, then the ambiguity top-up.

    Each ambiguous word gets frame sentences until each of its tags occurs at
    least ``min_per_tag`` times and as often as its most frequent tag.
    """
    rng, pool = random.Random(seed), _Pool(grammar)
    for sent in grammar.pinned:
        pool.add(sent)
    goal = len(pool.sentences) + n_general
    _fill(pool, rng, grammar.templates, lambda: len(pool.sentences) >= goal, "general templates")
    for word, tags in [*grammar.ambiguous.items()] * 2:   # twice: frames use other ambiguous words
        target = max([min_per_tag] + [pool.counts[word, t] for t in tags])
        for tag in tags:
            _fill(pool, rng, grammar.frames[word, tag], lambda: pool.counts[word, tag] >= target,
                  f"{word}/{tag} frames")
    _check_ambiguity(grammar, pool.counts)
    return pool.sentences


def _check_ambiguity(grammar: Grammar, counts: Counter) -> None:
    """Only the declared words may have two tags."""
    tags: dict[str, set[str]] = {}
    for word, tag in counts:
        tags.setdefault(word, set()).add(tag)
    stray = sorted(w for w, ts in tags.items() if len(ts) > 1 and w not in grammar.ambiguous)
    if stray:
        raise ValueError(f"{grammar.lang}: undeclared words with two tags: "
                         + ", ".join(f"{w} {sorted(tags[w])}" for w in stray))


def _fill(pool: _Pool, rng: random.Random, templates: list[Template],
          done: Callable[[], bool], what: str) -> None:
    """Add sentences from ``templates`` (by weight) until ``done()``."""
    weights = [t.weight for t in templates]
    misses = 0
    while not done():
        misses = 0 if pool.add(rng.choices(templates, weights)[0](rng)) else misses + 1
        if misses > 2_000:
            raise ValueError(f"{pool.grammar.lang}: {what} ran out of new sentences")


def split(sentences: list[Sentence], *, seed: int, n_pinned: int,
          ambiguous: dict[str, tuple[str, ...]]) -> dict[str, list[Sentence]]:
    """Shuffle and deal 80/10/10; the first ``n_pinned`` sentences go to train.

    Then, so that dev and test are fair: a dev/test sentence with a word that
    train lacks moves to train, and every tag of every ambiguous word is made
    to occur in dev and test by moving a train sentence there.
    """
    rng = random.Random(seed)
    rest = sentences[n_pinned:]
    rng.shuffle(rest)
    n_held = round(0.1 * len(sentences))
    parts = {"train": sentences[:n_pinned] + rest[2 * n_held:],
             "dev": rest[:n_held], "test": rest[n_held:2 * n_held]}
    train_words = {normalize(w) for s in parts["train"] for w, _ in s}
    for name in ("dev", "test"):
        unseen = [s for s in parts[name] if any(normalize(w) not in train_words for w, _ in s)]
        parts[name] = [s for s in parts[name] if s not in unseen]
        parts["train"] += unseen
        train_words |= {normalize(w) for s in unseen for w, _ in s}
    for name in ("dev", "test"):
        for word, tags in ambiguous.items():
            for tag in tags:
                if not any((normalize(w), t) == (word, tag) for s in parts[name] for w, t in s):
                    parts[name].append(_take(parts["train"], word, tag, n_pinned))
    return parts


def _take(train: list[Sentence], word: str, tag: str, n_pinned: int) -> Sentence:
    """Remove and return the last train sentence (not pinned) with ``word/tag``
    whose words all occur elsewhere in train."""
    counts = Counter(normalize(w) for s in train for w, _ in s)
    for i in range(len(train) - 1, n_pinned - 1, -1):
        pairs = [(normalize(w), t) for w, t in train[i]]
        here = Counter(k for k, _ in pairs)
        if (word, tag) in pairs and all(counts[k] > n for k, n in here.items()):
            return train.pop(i)
    raise ValueError(f"no train sentence can give {word}/{tag}")
