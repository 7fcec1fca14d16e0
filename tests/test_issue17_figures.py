"""Issue 17, item 8: a percentage never reads as perfect (or as nothing) when it is not."""
import pytest

from rnnviz.training.evaluate import Score
from rnnviz.figures.compare import scoreboard_html
from rnnviz.figures.style import percent, percent_value


@pytest.mark.parametrize("correct, total, shown", [
    (4678, 4680, "99.96%"), (4680, 4680, "100.0%"), (1, 4680, "0.02%"), (0, 4680, "0.0%"),
    (2, 3, "66.7%"), (9999, 10000, "99.99%"), (99_999, 100_000, "99.999%"), (7, 0, "–")])
def test_percent(correct, total, shown):
    assert percent(correct, total) == shown


def test_percent_value_is_the_number_shown():
    assert percent_value(4678, 4680) == 99.96
    assert percent_value(4680, 4680) == 100.0
    assert percent_value(1, 8) == 12.5


def test_the_why_scoreboard_does_not_round_4678_of_4680_to_100():
    html = scoreboard_html([("all", Score(4678, 4680), Score(4680, 4680))])
    assert "99.96%" in html and "4678/4680" in html
    assert html.count(">100.0%<") == 1              # the feed-forward tagger's: all right
