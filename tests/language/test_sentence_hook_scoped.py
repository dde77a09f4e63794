"""The over-claim checks make token.sent a look-up only while they run: the doc is handed back without the hook or
its index (review of perf27: a hook left on a shared doc read a stale index after the doc was changed)."""

from __future__ import annotations


def test_the_checks_leave_no_sentence_hook_on_the_doc(nlp):
    from evidencebot.language.overclaim import find_overclaim

    text = "Our service cured depression across the borough. Staff meet each person weekly."
    doc = nlp(text)
    found = find_overclaim(text, doc)
    assert any(f.rule == "overclaim.causal-outcome" for f in found)  # the checks ran, and found the claim
    assert "sent" not in doc.user_token_hooks and "_evidencebot_sent_of" not in doc.user_data
    assert [t.sent.start for t in doc] == [s.start for s in doc.sents for _ in s]  # spaCy's own sentences again
