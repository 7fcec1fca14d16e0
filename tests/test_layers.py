"""One-way imports: model (NumPy) -> training -> figures (Plotly) -> pages (Streamlit)."""
import ast
from pathlib import Path

from conftest import ROOT

PKG = ROOT / "rnnviz"
FIGURES = PKG / "figures"
UI_MODULES = {"ui"}     # rnnviz/ui/: the only package code that may import streamlit


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def package_files():
    return [p for p in PKG.rglob("*.py")
            if not ({"figures", *UI_MODULES} & set(p.relative_to(PKG).parts))]


def test_engine_imports_neither_streamlit_nor_plotly():
    files = package_files()
    assert len(files) > 10
    for path in files:
        bad = imports_of(path) & {"streamlit", "plotly", "torch", "pandas"}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_figures_do_not_import_streamlit():
    for path in FIGURES.rglob("*.py") if FIGURES.exists() else []:
        assert "streamlit" not in imports_of(path), path.relative_to(ROOT)
