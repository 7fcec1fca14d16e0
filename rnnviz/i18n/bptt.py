"""Strings of the bptt part of the app (see rnnviz/i18n/__init__.py)."""

STRINGS: dict[str, dict[str, str]] = {
}
