"""What a keystroke costs the server: a rerun whose text has the same tokens as the last
one (a space between words, a second space) tags nothing and builds no figure again."""
from unittest import mock

import pytest
from conftest import run_app

from rnnviz.figures import plotly_fence as _spec
from rnnviz.ui import context, views

SENTENCE = "我 的 朋友 昨天 在 学校 吃 了 三 个 苹果"


@pytest.mark.parametrize("page", [None, "pages/weights.py"])
def test_a_keystroke_that_changes_no_token_builds_nothing_again(page):
    at = run_app(page=page, s=SENTENCE)
    box = at.text_input(key="s")
    box.set_value(SENTENCE + " ").run()                 # a space typed after the last word
    tagging = at.session_state[context.KEY].tagging
    figures = dict(at.session_state[views.FIGURES_KEY][1])
    assert figures
    with mock.patch.object(_spec, "_jsonable", wraps=_spec._jsonable) as encoded, \
            mock.patch.object(context, "tag_text", wraps=context.tag_text) as tagged:
        box.set_value(SENTENCE + "  ").run()
        assert not at.exception
        assert tagged.call_count == 0
        # every figure drawn is the one of the last rerun, encoded then
        assert at.session_state[context.KEY].tagging is tagging
        assert at.session_state[views.FIGURES_KEY][1] == figures
        assert encoded.call_count == 0
    assert at.session_state[context.KEY].text == SENTENCE + "  "   # the link follows


def test_a_new_token_builds_the_figures_of_the_new_sentence():
    at = run_app(s=SENTENCE)
    before = dict(at.session_state[views.FIGURES_KEY][1])
    at.text_input(key="s").set_value(SENTENCE + " 吗").run()
    after = at.session_state[views.FIGURES_KEY][1]
    assert set(after) == set(before)
    assert all(after[k] is not before[k] for k in after)
    assert [c for c in at.session_state[context.KEY].tagging.tokens][-1] == "吗"
