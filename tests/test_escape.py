"""User text through the escapers of rnnviz/figures/style.py, one per renderer:
esc (Plotly text), esc_html (HTML that Streamlit shows), esc_markdown (Streamlit
Markdown). Hostile strings come out as the characters typed, never as markup."""
import ast
import html
import re

import pytest

from rnnviz.figures.style import esc, esc_html, esc_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](http://evil/x.png)",
    "$x^2$",
    "$$\\int$$",
    "`code` and ```fence```",
    "&amp; &lt;b&gt; &#36;",
    "**bold** _it_ ~~gone~~ # head",
    ":red[x] :material/home: :smile:",
    "it's \"quoted\"",
    "a\\*b",
    "我吃苹果",
]

# what must not survive each escaper: the characters its renderer reads
PLOTLY_LIVE = re.compile(r"[<>\"]|&(?!amp;|lt;|gt;|quot;)")
HTML_LIVE = re.compile(r"[<>\"'$:]|&(?!amp;|lt;|gt;|quot;|#x27;|#36;|#58;)")


@pytest.mark.parametrize("s", HOSTILE)
def test_plotly_text_has_no_tags_or_entities_left(s):
    out = esc(s)
    assert not PLOTLY_LIVE.search(out), out
    assert html.unescape(out) == s                 # Plotly turns the entities back


@pytest.mark.parametrize("s", HOSTILE)
def test_html_text_has_no_tags_math_or_directives_left(s):
    out = esc_html(s)
    assert not HTML_LIVE.search(out), out
    assert html.unescape(out) == s                 # the browser shows what was typed


def markdown_unescape(s: str) -> str:
    """What CommonMark shows for backslash escapes: the character after the backslash."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


@pytest.mark.parametrize("s", HOSTILE)
def test_markdown_text_has_every_special_character_escaped(s):
    out = esc_markdown(s)
    unescaped = re.sub(r"\\.", "", out)            # what Markdown could still read
    assert not re.search(r"[\\`*_{}\[\]()#+\-.!|$<>~:&]", unescaped), out
    assert markdown_unescape(out) == s


def test_each_escaper_on_the_classics():
    assert esc("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert esc("$x$ it's") == "$x$ it's"           # Plotly reads neither
    assert esc_html("<img onerror=x> $x$ a:b 'q'") == \
        "&lt;img onerror=x&gt; &#36;x&#36; a&#58;b &#x27;q&#x27;"
    assert esc_html("&amp;") == "&amp;amp;"        # an entity typed is shown as typed
    assert esc_markdown("[a](javascript:x)") == r"\[a\]\(javascript\:x\)"
    assert esc_markdown("`x` $y$ &amp;") == r"\`x\` \$y\$ \&amp;"
    assert esc_markdown("我吃苹果") == "我吃苹果"


def test_no_other_escaper_in_the_app():
    """style.py holds the escapers of user text; modules outside it don't roll their own
    (export.py writes a standalone HTML file with the standard library's html.escape)."""
    from conftest import ROOT
    own = re.compile(r"def (esc|md|_md|_esc)\b|replace\(\"<\", \"&lt;\"\)|html\.escape\(")
    allowed = {"rnnviz/figures/style.py", "rnnviz/ui/export.py", "rnnviz/ui/views.py"}
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "rnnviz").rglob("*.py")
             if own.search(p.read_text(encoding="utf-8"))
             and str(p.relative_to(ROOT)) not in allowed]
    assert not found, found


ENTITY = re.compile(r"&#?\w+;")


def maketrans_escapers(source: str) -> list[int]:
    """Lines of ``str.maketrans`` tables that escape: a character mapped to a backslash
    sequence or an HTML entity (other tables, like superscript digits, are not escapers)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "maketrans":
            strings = [n.value for n in ast.walk(node)
                       if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            if any(v.startswith("\\") or ENTITY.search(v) for v in strings):
                lines.append(node.lineno)
    return lines


def test_no_escaper_table_outside_style():
    """A translation table that escapes is an escaper too: only style.py has them."""
    from conftest import ROOT
    found = [f"{p.relative_to(ROOT)}:{line}" for p in (ROOT / "rnnviz").rglob("*.py")
             if str(p.relative_to(ROOT)) != "rnnviz/figures/style.py"
             for line in maketrans_escapers(p.read_text(encoding="utf-8"))]
    assert not found, found


def test_the_table_scan_finds_escapers():
    assert maketrans_escapers('T = str.maketrans({c: "\\\\" + c for c in "*_"})') == [1]
    assert maketrans_escapers('T = str.maketrans({"<": "&lt;"})') == [1]
    assert maketrans_escapers('T = str.maketrans("-0123", "⁻⁰¹²³")') == []
    from conftest import ROOT
    assert maketrans_escapers((ROOT / "rnnviz/figures/style.py").read_text(encoding="utf-8"))
