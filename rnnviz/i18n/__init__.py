"""Every string a user reads, in English and Simplified Chinese, in one table.

The table is assembled from one module per part of the app (``core``: the
frame, the network and weights pages and their figures; ``bptt``, ``why``,
``training``, ``lecture``: their pages), so engineers working on different
pages don't edit the same file. ``text(key, lang, **values)`` looks a string up
and fills its ``{placeholders}``. A key missing in either language, defined
twice, or whose placeholders differ between the two fails ``tests/test_i18n.py``.
Pure Python: used by figures and pages alike. ``say(message, lang)`` gives an
engine message or error (a code and its parameters, ``rnnviz.messages``) in
``lang``, from the strings ``msg.<code>`` (module ``messages``).
"""
from __future__ import annotations

import importlib
import pkgutil

LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}


def _collect() -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    table: dict[str, dict[str, str]] = {}
    owners: dict[str, list[str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in getattr(module, "STRINGS", {}).items():
            owners.setdefault(key, []).append(info.name)
            table[key] = entry
    return table, owners


STRINGS, OWNERS = _collect()


def text(key: str, lang: str = "en", /, **values) -> str:
    """The string ``key`` in ``lang`` ("en"/"zh"), placeholders filled from ``values``."""
    entry = STRINGS[key]
    s = entry.get(lang) or entry["en"]
    return s.format(**values) if values else s


def say(message, lang: str = "en", /) -> str:
    """An engine message or error (``rnnviz.messages``: anything with ``code`` and
    ``params``) in ``lang``: the string ``msg.<code>``, filled with its parameters,
    a parameter that is itself a message said in ``lang`` too."""
    values = {k: say(v, lang) if hasattr(v, "code") and hasattr(v, "params") else v
              for k, v in message.params.items()}
    return text(f"msg.{message.code}", lang, **values)


def pick_lang(locale: str | None) -> str:
    """The interface language for a browser locale such as 'zh-CN' or 'en-US'."""
    return "zh" if (locale or "").lower().startswith("zh") else "en"
