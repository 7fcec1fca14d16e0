"""Every st.session_state key in rnnviz/ and pages/ is in the registry.

The registry is ``rnnviz.ui.session_keys.KEYS``, plus the URL fields of
``rnnviz.ui.urlstate`` (a bound widget's key is its field's name). The scan
reads the source (AST) for literal keys: ``st.session_state["k"]`` (and ``ss``,
the pages' short name), ``.get/.pop/.setdefault("k")`` on it, ``"k" in
st.session_state``, ``key="k"`` of any call (widgets, charts, containers), and
module constants named ``*KEY`` or spelled like private state (``"_train_run"``)
in rnnviz/ui and pages. An f-string key (``f"bptt_y_{i}"``) must be registered
as a pattern (``bptt_y_{i}``).
"""
import ast
import importlib
import re
from pathlib import Path

import pytest
from conftest import ROOT

from rnnviz.ui import session_keys, urlstate

SOURCES = sorted([*(ROOT / "rnnviz").rglob("*.py"), *(ROOT / "pages").glob("*.py"),
                  ROOT / "app.py"])
UI = (ROOT / "rnnviz" / "ui", ROOT / "pages")
PRIVATE_STATE = re.compile(r"_[a-z]+_[a-z_]+\Z")


def literal(node) -> str | None:
    """A key written in the source: 'k', or an f-string as 'bptt_y_{}'."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def is_session_state(node) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "session_state") or \
        (isinstance(node, ast.Name) and node.id == "ss")


def keys_in(path: Path) -> set[tuple[int, str]]:
    """(line, key) of every literal session-state key in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and is_session_state(node.value):
            found.append((node, literal(node.slice)))
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr in ("get", "pop", "setdefault") \
                    and is_session_state(f.value) and node.args:
                found.append((node, literal(node.args[0])))
            found += [(node, literal(k.value)) for k in node.keywords if k.arg == "key"]
        elif isinstance(node, ast.Compare) and any(isinstance(o, (ast.In, ast.NotIn))
                                                   for o in node.ops):
            if any(is_session_state(c) for c in node.comparators):
                found.append((node, literal(node.left)))
    if path.parent in UI or path.parent.parent in UI:
        for node in tree.body:
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                pairs = [(target, node.value)]
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    pairs = list(zip(target.elts, node.value.elts))
                for name, value in pairs:
                    key = literal(value)
                    if isinstance(name, ast.Name) and key is not None and "{}" not in key \
                            and (name.id.endswith("KEY") or PRIVATE_STATE.match(key)):
                        found.append((value, key))
    return {(n.lineno, k) for n, k in found if k is not None}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_session_key_is_registered(path):
    unknown = sorted((line, k) for line, k in keys_in(path) if not session_keys.registered(k))
    assert not unknown, (f"{path.relative_to(ROOT)}: keys not in rnnviz/ui/session_keys.py "
                         f"(or urlstate): {unknown}")


def test_the_scan_finds_keys():
    """The scan itself: it sees the kinds of keys the app writes."""
    found = {k for p in SOURCES for _, k in keys_in(p)}
    assert {"bptt_preset_{}", "t_{}", "why_edit", "_train_run", "lecture_share",
            "_rnnviz_session_model"} <= found
    assert not session_keys.registered("bptt_no_such_key")
    assert not session_keys.registered("no_such_{}")
    assert session_keys.registered("bptt_y_3") and session_keys.registered("bptt_y_{}")


def test_the_registry_is_one_table():
    names = [k.name for k in session_keys.KEYS]
    assert len(names) == len(set(names)), "a key registered twice"
    assert not set(names) & set(urlstate.BY_NAME), "a URL field registered again"
    for k in session_keys.KEYS:
        assert k.kind in (session_keys.STATE, session_keys.WIDGET, session_keys.ELEMENT), k
        assert k.holds, k
        module = k.owner.replace(".", "/") + ".py"
        assert (ROOT / module).exists(), f"{k.name}: no module {k.owner}"
        if k.name.startswith("_"):
            assert k.kind == session_keys.STATE, f"{k.name}: '_' names are state no widget shows"


def test_constants_name_registered_keys():
    """The modules' key constants are the registry's."""
    for module, names in {"rnnviz.ui.models": ("SESSION_KEY", "CHOICE_KEY"),
                          "rnnviz.ui.context": ("KEY", "BROWSER_KEY", "PRESENT_KEY"),
                          "rnnviz.ui.steps": ("T_KEY", "SPEED_KEY", "PLAYING_KEY"),
                          "rnnviz.ui.feedforward": ("EDIT_K", "EDIT_WORD", "EDIT_FOR"),
                          "rnnviz.ui.bptt_page": ("LR_KEY",)}.items():
        mod = importlib.import_module(module)
        for name in names:
            assert session_keys.registered(getattr(mod, name)), (module, name)
