"""(perf36, issue 15) The seven triggers added in session 36 hold every word of the gate their check tests first
(each is the rule's own lists, so a word added to one of them opens the trigger too); read from the check's settings,
not written out here."""

from __future__ import annotations

from evidencebot.language.overclaim import load_overclaim_rules
from evidencebot.language.overclaim.because import _with_words
from evidencebot.language.overclaim.claims import _settings as claim_settings
from evidencebot.language.overclaim.common import derived
from evidencebot.language.overclaim.common import all_option_words
from evidencebot.language.overclaim.structure import _settings as size_settings


def _runs() -> dict:
    return {run.rule.id: run for run in load_overclaim_rules().checks}


def test_each_new_trigger_holds_the_words_its_check_cannot_do_without():
    runs = _runs()

    def lower(rid):
        return runs[rid].trigger[0]

    def lemma(rid):
        return runs[rid].trigger[1]

    r = runs["overclaim.counterfactual-credit"].rule
    s = _with_words(r)
    # the take-away branch opens on a removal verb, the other on a modal or a word of inevitability
    assert s["removal_verbs"] | s["counterfactual_modals"] | s["bound_words"] <= lower(r.id)
    r = runs["overclaim.contrast-cleft"].rule
    assert derived(r, all_option_words)["expletives"] <= lower(r.id)
    r = runs["overclaim.universal-efficacy"].rule
    assert derived(r, all_option_words)["verbs"] <= lemma(r.id)
    r = runs["overclaim.counted-prevention"].rule
    assert derived(r, all_option_words)["prevent_verbs"] <= lemma(r.id)
    for rid in ("overclaim.causal-fact", "overclaim.transformation"):
        s = claim_settings(runs[rid].rule)
        assert s["frame"] not in ("attribution", "magnitude")
        assert s["trigger"] <= lemma(rid)  # causal_claim's own gate for the frame
    r = runs["overclaim.vague-size"].rule
    s = size_settings(r)
    for key in ("nouns", "verbs", "comparatives", "motion_verbs", "size_verbs"):
        assert s[key] <= lower(r.id) and s[key] <= lemma(r.id), key
