"""Imports go one way, layer by layer.

Each part of the package may import the standard library, its own modules and
exactly what its line of ``ALLOWED`` lists: third-party packages by name, other
parts as ``rnnviz.<part>``. Every import counts, including the ones inside
functions. No module reaches itself again through its imports.
"""
import ast
import functools
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PKG = ROOT / "rnnviz"

# Bottom to top. A part may only import parts listed before it.
ALLOWED: dict[str, set[str]] = {
    "data": set(),                                       # file locations, no code
    "messages": set(),                                   # codes + parameters, for i18n
    "nn": {"numpy", "rnnviz.messages"},                  # the network math
    "text": {"numpy", "jieba", "conllu", "rnnviz.data", "rnnviz.messages"},
    "i18n": set(),                                       # string tables
    "training": {"numpy", "threadpoolctl", "rnnviz.data", "rnnviz.messages", "rnnviz.nn",
                 "rnnviz.text"},
    "lessons": {"numpy", "rnnviz.nn", "rnnviz.text", "rnnviz.training"},
    "figures": {"numpy", "plotly", "_plotly_utils", "rnnviz.i18n", "rnnviz.nn", "rnnviz.text",
                "rnnviz.training", "rnnviz.lessons"},
    "ui": {"numpy", "plotly", "streamlit", "rnnviz.data", "rnnviz.messages", "rnnviz.i18n",
           "rnnviz.nn", "rnnviz.text", "rnnviz.training", "rnnviz.lessons", "rnnviz.figures"},
    "cli": {"rnnviz", "rnnviz.nn", "rnnviz.text", "rnnviz.training"},
    "__main__": {"rnnviz.cli"},
    "__init__": set(),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache                 # each module is parsed once, not once per test
def imports_of(path: Path) -> frozenset[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved;
    ``from pkg import name`` gives ``pkg.name`` when that is a module of rnnviz)."""
    me = module_name(path).split(".")
    package = me if path.name == "__init__.py" else me[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            for a in node.names:
                full = f"{base}.{a.name}"
                names.add(full if full in MODULES else base)
    return frozenset(names)


MODULES = {module_name(p): p for p in PKG.rglob("*.py")}


def part_of(module: str) -> str:
    """``rnnviz.text.corpus.en`` -> ``text``; ``rnnviz`` itself -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def outside(name: str, part: str) -> str | None:
    """What ``name`` counts as from ``part``: None for its own part or the standard library."""
    top = name.split(".")[0]
    if top == "__future__" or top in sys.stdlib_module_names:
        return None
    if top != "rnnviz":
        return top
    other = part_of(name)
    if other == part:
        return None
    return "rnnviz" if other in ("__init__",) or name == "rnnviz.__version__" else f"rnnviz.{other}"


def test_every_part_of_the_package_is_in_the_table():
    assert {part_of(m) for m in MODULES} == set(ALLOWED)


def test_the_table_goes_one_way():
    order = list(ALLOWED)
    for i, part in enumerate(order):
        for dep in ALLOWED[part]:
            if dep.startswith("rnnviz.") and dep != "rnnviz":
                assert order.index(dep.removeprefix("rnnviz.")) < i, (part, dep)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_only_what_its_part_may(module):
    part = part_of(module)
    extra = {o for name in imports_of(MODULES[module]) if (o := outside(name, part))}
    assert extra <= ALLOWED[part], f"{module} imports {sorted(extra - ALLOWED[part])}"


def test_no_import_cycles():
    graph = {m: {n for n in imports_of(p) if n in MODULES and n != m} for m, p in MODULES.items()}
    state: dict[str, int] = {}          # 1: on the current path, 2: done

    def visit(m, path):
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycle = path[path.index(n):] + [n]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n, path + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_every_subpackage_says_what_it_holds():
    for init in PKG.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 80, f"{init.relative_to(ROOT)} needs a docstring"


def test_jieba_is_imported_by_one_module():
    """jieba takes 2 s and 100 MB to load: one module loads it, once."""
    users = {m for m, p in MODULES.items()
             if any(n.split(".")[0] == "jieba" for n in imports_of(p))}
    assert users == {"rnnviz.text.jieba_dictionary"}


# The one module per library that may lean on its undocumented behaviour.
FENCES = {"rnnviz.figures.plotly_fence", "rnnviz.ui.streamlit_fence"}
PUBLIC_STREAMLIT = {"streamlit", "streamlit.errors"}


def private(name: str) -> bool:
    """A module of Plotly's or Streamlit's that is not their documented API."""
    parts = name.split(".")
    if parts[0] == "_plotly_utils" or (parts[0] == "plotly" and any(p.startswith("_")
                                                                     for p in parts)):
        return True
    return parts[0] == "streamlit" and name not in PUBLIC_STREAMLIT


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_fences_import_private_plotly_or_streamlit(module):
    found = sorted(n for n in imports_of(MODULES[module]) if private(n))
    assert module in FENCES or not found, f"{module} imports {found}: move it to a fence"
