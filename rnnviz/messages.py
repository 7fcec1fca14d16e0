"""What the engine says to people: a stable code, its parameters, and English.

The engine (``rnnviz.nn``, ``rnnviz.text``, ``rnnviz.training``) never imports the
string tables (``tests/test_layers.py``), yet its errors and notes reach the
Chinese interface. So each one carries a *code* (``"checkpoint.zip_bomb"``) and
*parameters* (``{"name": "U.npy", "ratio": 1000, "limit": 200}``):

- ``str()`` gives the English of the code, from the raising module's ``Catalog``
  (the CLI and logs print it);
- the interface shows ``rnnviz.i18n.say(it, lang)``: the string ``msg.<code>`` of
  the string tables, filled with the same parameters, in the interface language.

A module that raises or returns messages keeps its codes next to the code that
uses them::

    MESSAGES = Catalog({"checkpoint.too_big": "file is {size:,} bytes; the limit is {limit:,}"})

    class CheckpointError(CodedError):
        catalog = MESSAGES

    raise CheckpointError("checkpoint.too_big", size=n, limit=MAX_FILE_BYTES)

Parameters are plain values (str, int, float) or other ``Message``s (a problem
inside "line 3: ..."), so a message pickles (a training process sends them) and
formats in either language. ``tests/test_i18n.py`` checks that every code of every
catalog has its ``msg.<code>`` string in both languages, with the same placeholders,
and that the string's English is the catalog's.
"""
from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

CATALOGS: list["Catalog"] = []        # every catalog of the modules imported so far


@dataclass(frozen=True)
class Message:
    """One thing to say: ``code``, ``params`` and the English template of the code."""
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    english: str = field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        return self.english.format(**self.params)

    def __hash__(self) -> int:                     # a frozen value, though params is a dict
        return hash((self.code, tuple(sorted(self.params.items()))))


class Catalog(Mapping[str, str]):
    """A module's codes -> English templates; ``catalog(code, **params)`` -> Message."""

    def __init__(self, templates: Mapping[str, str]):
        for code, template in templates.items():
            if code.count(".") < 1 or not code.replace(".", "").replace("_", "").isalnum():
                raise ValueError(f"message code {code!r} is not part.name")
            list(string.Formatter().parse(template))      # braces that format
        self._templates = dict(templates)
        CATALOGS.append(self)

    def __call__(self, code: str, /, **params: Any) -> Message:
        return Message(code, params, self._templates[code])

    def __getitem__(self, code: str) -> str:
        return self._templates[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._templates)

    def __len__(self) -> int:
        return len(self._templates)


class CodedError(ValueError):
    """A ValueError whose text is a ``Message`` of the subclass's ``catalog``:
    ``raise XError(code, **params)``, or ``raise XError(message)`` to pass on a
    message another module made (its code and English stay)."""
    catalog: Catalog = Catalog({})

    def __init__(self, code: str | Message, /, **params: Any):
        self.note = code if isinstance(code, Message) else self.catalog(code, **params)
        super().__init__(str(self.note))

    @property
    def code(self) -> str:
        return self.note.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.note.params

    def __reduce__(self):
        return type(self), (self.note,)
