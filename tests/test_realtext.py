"""The compact training copy of the UD dev treebanks (rnnviz/data/ud/): equal to a
fresh derivation, the treebanks' counts, the 12 tags, the XPOS-aware mapping; the
test files are refused."""
from collections import Counter

import pytest

from conftest import SHARED_UD
from rnnviz.text import realtext
from rnnviz.text.corpus import read_tagged
from rnnviz.text.tagset import TAGS

needs_ud = pytest.mark.skipif(not SHARED_UD.exists(), reason=f"no treebanks at {SHARED_UD}")

COUNTS = {"zh": (500, 12_663), "en": (2_001, 25_147)}

# 三 个 学生 来 了 。 — a classifier (NOUN NNB) and an aspect particle (AUX AS);
# 他 是 老师 — the copula as VERB VC.
CONLLU = """# text = 三个学生来了。
1\t三\t三\tNUM\tCD\t_\t2\tnummod\t_\t_
2\t个\t个\tNOUN\tNNB\t_\t3\tclf\t_\t_
3\t学生\t学生\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\t来\t来\tVERB\tVV\t_\t0\troot\t_\t_
5\t了\t了\tAUX\tAS\t_\t4\taux\t_\t_
6\t。\t。\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\t他\t他\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\t是\t是\tVERB\tVC\t_\t3\tcop\t_\t_
3\t老师\t老师\tNOUN\tNN\t_\t0\troot\t_\t_
"""


def test_the_shipped_copies_have_the_treebank_counts_and_only_the_12_tags():
    for lang, (n_sent, n_tok) in COUNTS.items():
        sents = realtext.load(lang)
        assert (len(sents), sum(map(len, sents))) == (n_sent, n_tok)
        assert {t for s in sents for _, t in s} <= set(TAGS)
        assert sents == tuple(tuple(s) for s in read_tagged(realtext.path(lang)))


def test_classifiers_and_aspect_particles_map_as_documented():
    tags = {w: Counter(t for s in realtext.load("zh") for x, t in s if x == w)
            for w in ("个", "岁", "着", "过", "被", "的")}
    assert tags["个"] == Counter(m=tags["个"].total()) and tags["个"].total() > 50
    assert set(tags["岁"]) == {"m"} and set(tags["着"]) == {"part"}
    assert set(tags["过"]) == {"part"} and set(tags["被"]) == {"p"}
    assert set(tags["的"]) == {"part"}
    en = Counter(t for s in realtext.load("en") for w, t in s if w == "not")
    assert set(en) == {"part"}


def test_derive_maps_with_xpos(tmp_path):
    f = tmp_path / "small-ud-dev.conllu"
    f.write_text(CONLLU, encoding="utf-8")
    assert realtext.derive(f) == [
        [("三", "num"), ("个", "m"), ("学生", "nn"), ("来", "v"), ("了", "part"), ("。", "pu")],
        [("他", "nn"), ("是", "aux"), ("老师", "nn")]]


@pytest.mark.parametrize("name", ["zh_gsdsimp-ud-test.conllu", "en_ewt-ud-test.conllu",
                                  "x-TEST.conll"])
def test_derive_refuses_a_test_file(tmp_path, name):
    f = tmp_path / name
    f.write_text(CONLLU, encoding="utf-8")
    with pytest.raises(ValueError, match="measuring only"):
        realtext.derive(f)


def test_write_tagged_round_trips_and_refuses_what_cannot_be_read_back(tmp_path):
    sents = [[("我", "nn"), ("吃", "v")], [("and/or", "c"), ("/", "pu")]]
    out = tmp_path / "x.tagged"
    assert realtext.write_tagged(sents, out) == 2
    assert out.read_text(encoding="utf-8") == "我/nn 吃/v\nand/or/c //pu\n"
    assert read_tagged(out) == sents
    for bad in ([("a b", "nn")], [("", "nn")], [("x", "NOUN")], []):
        with pytest.raises(ValueError):
            realtext.write_tagged([bad], tmp_path / "bad.tagged")


def test_split_puts_every_tenth_sentence_in_dev():
    sents = [((str(i), "num"),) for i in range(1, 26)]
    train, dev = realtext.split(sents)
    assert [s[0][0] for s in dev] == ["10", "20"]
    assert len(train) == 23 and ("10", "num") not in {s[0] for s in train}
    assert realtext.split(sents) == (train, dev)
    train, dev = realtext.split(realtext.load("zh"))
    assert (len(train), len(dev)) == (450, 50)


def test_licence_and_readme_are_shipped():
    licence = (realtext.DATA_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in licence
    assert "UD_Chinese-GSDSimp" in licence and "UD_English-EWT" in licence
    readme = (realtext.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "eb3aed31" in readme and "15d613d8" in readme and "python -m rnnviz.text.realtext" in readme


@needs_ud
def test_the_shipped_copies_equal_a_fresh_derivation(tmp_path, capsys):
    assert realtext.main(["--shared", str(SHARED_UD), "--out", str(tmp_path)]) == 0
    assert "500 sentences, 12,663 tokens" in capsys.readouterr().out
    for lang in realtext.LANGS:
        assert (tmp_path / f"{lang}.dev.tagged").read_bytes() == realtext.path(lang).read_bytes()
    # --shared may also name the directory that holds data/ud/
    assert realtext.source_dir(SHARED_UD.parent.parent) == SHARED_UD
