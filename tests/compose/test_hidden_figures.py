"""A figure not published reads the same in the answer and in its evidence appendix.

Session 6's panel read "Discharges with a complete handover: numbers ... too small to publish" in an
answer whose appendix printed "numerator 35; denominator 35", while another answer published the
same discharges' base (about 35). The percentage was hidden because the discharges *without* a
complete handover numbered 1 to 4 (the complement rule), not because the base was small. The answer
and the appendix now use one wording (filters.hidden_figure), which publishes the base and no small
count, and the appendix leaves out the rounded numerator that read as "all of them".
"""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import filters
from evidencebot.compose.export import ExportDoc, appendix_markdown
from evidencebot.compose.tender import provenance
from evidencebot.metrics import suppression


def _result(numerator: int, denominator: int, share: str):
    # as an external result holds them: counts rounded to 5, the percentage hidden
    hidden = suppression.suppress_rate(numerator / denominator, numerator, denominator, 5, complement=True,
                                       small_base=suppression.SMALL_BASE)
    assert hidden
    return SimpleNamespace(
        id="handover_complete", title="Discharges with a complete handover", period="2025-10..2026-09",
        unit="percent", suppressed=True, value=None, ci_low=None, ci_high=None, compare_period=None,
        compare_value=None, definition="Of the eligible discharges, the percentage with a complete handover.",
        numerator=suppression.suppress_count(numerator), denominator=suppression.suppress_count(denominator),
        extra={"share": share}, spc={"verdict": "too_few_points"},
    )


def test_the_answer_and_the_appendix_say_the_same_words_and_neither_calls_a_base_of_35_too_small():
    r = _result(33, 36, "all_but_few")  # 3 without a complete handover: the complement is hidden
    words = filters.hidden_figure(r)
    assert words == "all but fewer than 5 of about 35"
    sentence = filters.brief(r, "Oct 2025 to Sep 2026")
    assert words in sentence and "too small to publish" not in sentence
    assert words in filters.describe(r, "Oct 2025 to Sep 2026")
    entry = provenance(r)
    assert entry["value"] == "not published: " + words
    appendix = appendix_markdown(ExportDoc(title="t", body="", figures=[entry]))
    assert words in appendix and "numerator 35" not in appendix and "denominator 35" in appendix


def test_a_figure_whose_base_is_too_small_still_says_so():
    r = _result(2, 3, "some")
    r.extra = {}
    assert filters.hidden_figure(r) == ""
    assert "too small to publish" in filters.brief(r, "2026")
    assert provenance(r)["value"] == "suppressed"


def test_a_share_word_from_a_base_too_small_to_publish_is_not_used():
    """3 of 3 carries the share 'all', but 'the figure was all of them' is a 100% with no base (review,
    session 7): a base of fewer than 5 keeps the 'too small to publish' sentence."""
    r = _result(3, 3, "all")
    assert filters.hidden_figure(r) == ""
    sentence = filters.brief(r, "Oct 2025 to Sep 2026")
    assert "too small to publish" in sentence and "all of" not in sentence
    assert "all of" not in filters.describe(r, "Oct 2025 to Sep 2026")
