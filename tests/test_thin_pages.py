"""Pages are thin: read widgets, call the package, draw.

A page in pages/ reads top to bottom in under 80 lines (all lines counted,
blank and comment lines included); its logic and state live in the package
(``rnnviz.ui.*_page``, ``rnnviz.lessons``). It imports no private module.
"""
import ast

import pytest
from conftest import ROOT

PAGES = sorted((ROOT / "pages").glob("*.py"))
MAX_LINES = 80


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_is_under_80_lines(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n < MAX_LINES, f"{path.name} has {n} lines: move its logic into rnnviz/ui"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_imports_no_private_module(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [f"{node.module}.{a.name}" for a in node.names] if isinstance(node, ast.ImportFrom) \
            else []
        for name in names:
            assert not any(part.startswith("_") for part in name.split(".")), \
                f"{path.name} imports {name}"


def test_there_are_pages():
    assert len(PAGES) >= 5
