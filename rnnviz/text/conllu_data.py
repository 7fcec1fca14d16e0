"""Read a tagged corpus someone uploads: CoNLL-U or ``word/TAG`` lines, within limits.

    read_corpus(data, "train.conllu")               -> Corpus (UPOS tags)
    read_corpus(data, "train.conllu", column="xpos")
    read_corpus(data, "train.conllu", column="tagset")  # the app's 12 tags (tagset.ud_tag)
    read_corpus(data, "mine.txt")                   -> word/TAG lines (corpus.read_tagged)

CoNLL-U (Universal Dependencies): sentences are separated by blank lines
(the last one may miss its blank line); ``#`` lines are comments. Each token
line has 10 tab-separated columns and is parsed by the ``conllu`` package
(``conllu.parser.parse_line``, which also reads the ID column); this module
only adds line numbers and the checks tagging needs. As UD defines them:

- a multi-word token range ``1-2 don't`` is a surface word whose syntactic
  words follow as ``1 do`` and ``2 n't``; the syntactic words carry the tags,
  so they are tagged and the range line is skipped (EWT: 359 ranges in dev);
- an empty node ``8.1`` (enhanced dependencies only) is not a word of the
  sentence: skipped;
- the word IDs must count 1, 2, 3, ... and the tag column (UPOS by default,
  XPOS if chosen) must be filled; UPOS must be one of the 17 UD tags.

``column="tagset"`` gives the app's 12 tags (``tagset.TAGS``): each word's
UPOS, XPOS and form mapped with ``tagset.ud_tag`` (XPOS where it decides, as
for UD Chinese GSD's classifiers and aspect particles, else UPOS); UPOS must be
filled and valid, XPOS may be ``_``.

Counts come out as the treebanks state them (UD Chinese GSDSimp dev: 500
sentences, 12,663 words; UD English EWT dev: 2,001 and 25,147).

Every problem names its line and has a code of ``MESSAGES`` (``rnnviz.messages``:
the app says it in the interface language). A sentence with a problem is a *bad sentence*:
``read_corpus`` raises ``BadSentences`` (listing them) unless ``skip_bad=True``,
which loads the rest and says how many were left out. Limits on bytes,
sentences and tokens are checked while reading, so a huge file stops early
with a message instead of being read to the end.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from conllu.parser import DEFAULT_FIELD_PARSERS, DEFAULT_FIELDS, ParseException, parse_line

from ..messages import Catalog, CodedError, Message
from .corpus import TaggedError, read_tagged
from .tagset import ud_tag

UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X")
FORMATS = ("conllu", "tagged")
COLUMNS = ("upos", "xpos")                  # the raw tag columns (the Train page offers these)
READ_COLUMNS = COLUMNS + ("tagset",)       # what read_corpus takes: + the 12 tags
CONLLU_SUFFIXES = (".conllu", ".conll")
_ID_ONLY = {"id": DEFAULT_FIELD_PARSERS["id"]}     # parse IDs; keep the other columns as text

Sentence = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Limits:
    """The most a file may hold; the app states them next to the upload."""
    max_bytes: int = 10_000_000
    max_sentences: int = 20_000
    max_tokens: int = 200_000


APP_LIMITS = Limits()
CLI_LIMITS = Limits(max_bytes=500_000_000, max_sentences=2_000_000, max_tokens=20_000_000)


MESSAGES = Catalog({
    # the file (CorpusError)
    "corpus.format": "unknown format {fmt!r}; expected one of {choices}",
    "corpus.column": "unknown tag column {column!r}; expected one of {choices}",
    "corpus.too_many_sentences": "more than {limit:,} sentences (the limit)",
    "corpus.too_many_tokens": "more than {limit:,} tokens (the limit), reached at sentence "
                              "{n:,}",
    "corpus.bad_sentences": "{n} of {total} sentences have problems: {shown}",
    "corpus.empty": "no tagged sentences in the file",
    "corpus.all_bad": "every sentence has a problem; nothing left to load",
    "corpus.too_big": "the file is {mb:.1f} MB; the limit is {limit_mb:.0f} MB",
    "corpus.binary": "this is not a text file (it contains NUL bytes)",
    "corpus.not_utf8": "line {line}: not UTF-8 text (byte 0x{byte:02x}); save the file as "
                       "UTF-8",
    # one line of a sentence (Problem)
    "corpus.line": "line {line}: {problem}",
    "corpus.unreadable": "cannot be read as CoNLL-U ({detail})",
    "corpus.columns": "has {n} tab-separated columns; CoNLL-U has 10 (ID FORM LEMMA UPOS "
                      "XPOS FEATS HEAD DEPREL DEPS MISC)",
    "corpus.word_id": "word ID {found} where {expected} was expected (IDs count 1, 2, 3, ...)",
    "corpus.no_form": "the FORM column (the word) is empty",
    "corpus.no_tag": "no {column} tag (column {number} is '{value}')",
    "corpus.not_upos": "{tag!r} is not a UPOS tag; UPOS tags are {tags}",
    "corpus.no_words": "a sentence without any word lines",
})


class CorpusError(CodedError):
    """The file cannot be used; the code (``MESSAGES``) names the problem (and its line)."""
    catalog = MESSAGES


@dataclass(frozen=True)
class Problem:
    """What is wrong with one sentence: its line and a Message (``corpus.*`` or, for a
    word/TAG line, ``tagged.*``). As a message itself: ``corpus.line``."""
    line: int
    note: Message

    @property
    def message(self) -> str:
        return str(self.note)

    code = "corpus.line"

    @property
    def params(self) -> dict:
        return {"line": self.line, "problem": self.note}

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class BadSentences(CorpusError):
    """Some sentences have problems; ``read_corpus(..., skip_bad=True)`` loads the rest.
    ``problems`` lists them (each says itself: ``Problem``); the message's ``shown``
    is the first three in English, for the CLI."""

    def __init__(self, problems: tuple[Problem, ...], n_good: int):
        self.problems, self.n_good = problems, n_good
        shown = "; ".join(map(str, problems[:3])) + ("; ..." if len(problems) > 3 else "")
        super().__init__("corpus.bad_sentences", n=len(problems),
                         total=len(problems) + n_good, shown=shown)

    def __reduce__(self):
        return type(self), (self.problems, self.n_good)


@dataclass(frozen=True)
class Corpus:
    sentences: tuple[Sentence, ...]
    skipped: tuple[Problem, ...] = ()        # one per bad sentence left out (skip_bad=True)
    name: str = ""
    format: str = "conllu"
    column: str = "upos"                     # CoNLL-U tag column (or "tagset"); "tag" for word/TAG

    @property
    def n_tokens(self) -> int:
        return sum(len(s) for s in self.sentences)


def detect_format(name: str, text: str) -> str:
    """CoNLL-U by extension (.conllu, .conll) or by content (tabs, # comments)."""
    if name.lower().endswith(CONLLU_SUFFIXES):
        return "conllu"
    head = text[:20_000]
    return "conllu" if "\t" in head or head.lstrip().startswith("#") else "tagged"


def read_corpus(source: bytes | str | os.PathLike, name: str = "", *, fmt: str | None = None,
                column: str = "upos", limits: Limits = APP_LIMITS,
                skip_bad: bool = False) -> Corpus:
    """Read a tagged corpus from bytes (an upload) or a path; see the module docstring."""
    if isinstance(source, (str, os.PathLike)):
        name = name or Path(source).name
        size = os.path.getsize(source)
        _check_size(size, limits)
        source = Path(source).read_bytes()
    _check_size(len(source), limits)
    text = _decode(source)
    fmt = fmt or detect_format(name, text)
    if fmt not in FORMATS:
        raise CorpusError("corpus.format", fmt=fmt, choices=", ".join(FORMATS))
    if column not in READ_COLUMNS:
        raise CorpusError("corpus.column", column=column, choices=", ".join(READ_COLUMNS))
    reader = _conllu_sentences(text, column) if fmt == "conllu" else _tagged_sentences(text)
    good, problems, n_tokens = [], [], 0
    for sentence, problem in reader:
        if sentence is None and problem is None:       # a block of comments only
            continue
        if problem is not None:
            problems.append(problem)
            continue
        good.append(sentence)
        n_tokens += len(sentence)
        if len(good) > limits.max_sentences:
            raise CorpusError("corpus.too_many_sentences", limit=limits.max_sentences)
        if n_tokens > limits.max_tokens:
            raise CorpusError("corpus.too_many_tokens", limit=limits.max_tokens, n=len(good))
    if problems and not skip_bad:
        raise BadSentences(tuple(problems), len(good))
    if not good:
        raise CorpusError("corpus.empty" if not problems else "corpus.all_bad")
    return Corpus(tuple(good), tuple(problems) if skip_bad else (), name, fmt,
                  column if fmt == "conllu" else "tag")


def _check_size(n_bytes: int, limits: Limits) -> None:
    if n_bytes > limits.max_bytes:
        raise CorpusError("corpus.too_big", mb=n_bytes / 1e6, limit_mb=limits.max_bytes / 1e6)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:100_000]:
        raise CorpusError("corpus.binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise CorpusError("corpus.not_utf8", line=line, byte=data[e.start]) from None


# --------------------------------------------------------------------------- CoNLL-U

def _conllu_sentences(text: str, column: str):
    """Yield ``(sentence, None)`` or ``(None, Problem)`` per blank-line-separated block."""
    block: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            block.append((n, line))
        elif block:
            yield _conllu_sentence(block, column)
            block = []
    if block:                                      # no blank line after the last sentence
        yield _conllu_sentence(block, column)


def _conllu_sentence(block: list[tuple[int, str]], column: str):
    words: list[tuple[str, str]] = []
    if all(line.startswith("#") for _, line in block):
        return None, None
    for n, line in block:
        if line.startswith("#"):
            continue
        try:
            token = parse_line(line.strip("\r\n"), DEFAULT_FIELDS, dict(_ID_ONLY))
        except ParseException as e:
            return None, Problem(n, MESSAGES("corpus.unreadable", detail=str(e)))
        n_cols = line.count("\t") + 1
        if n_cols != 10 or len(token) != 10:
            return None, Problem(n, MESSAGES("corpus.columns", n=n_cols))
        tid = token["id"]
        if isinstance(tid, tuple):                 # 1-2 multi-word token, 8.1 empty node
            continue
        if tid != len(words) + 1:
            return None, Problem(n, MESSAGES("corpus.word_id", found=str(
                tid if tid is not None else "_"), expected=len(words) + 1))
        source = "upos" if column == "tagset" else column     # the column that must be filled
        form, tag = token["form"], token[source]
        if not form:
            return None, Problem(n, MESSAGES("corpus.no_form"))
        if not tag or tag == "_":
            return None, Problem(n, MESSAGES("corpus.no_tag", column=source.upper(),
                                             number=4 if source == "upos" else 5,
                                             value=tag or ""))
        if source == "upos" and tag not in UPOS:
            return None, Problem(n, MESSAGES("corpus.not_upos", tag=tag, tags=" ".join(UPOS)))
        if column == "tagset":
            tag = ud_tag(tag, token["xpos"], form)
        words.append((form, tag))
    if not words:                                  # only ranges or empty nodes
        return None, Problem(block[0][0], MESSAGES("corpus.no_words"))
    return tuple(words), None


# --------------------------------------------------------------------------- word/TAG

def _tagged_sentences(text: str):
    """One sentence per non-blank line, parsed by ``corpus.read_tagged``."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            (sentence,) = read_tagged([line])
        except TaggedError as e:                   # read_tagged counts this one line as 1
            yield None, Problem(n, e.params["problem"])
            continue
        yield tuple(sentence), None
