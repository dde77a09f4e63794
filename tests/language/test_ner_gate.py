"""The NER runs only on the sentences whose entities may change a privacy finding (issue 15's speed target:
the NER is half of the parse, and a sentence with no word that could be a name does not need it)."""

from __future__ import annotations

import json
from pathlib import Path

from evidencebot.config import CheckerSettings
from evidencebot.language import checker as checker_mod
from evidencebot.language import ner_gate, pipeline, privacy
from evidencebot.language.privacy import example_spans

DATA = Path(__file__).resolve().parents[1] / "data" / "heldout"


def _gate():
    return ner_gate.make_gate(privacy.load_privacy_rules())


def test_the_ner_reads_only_the_sentences_the_gate_passes():
    text = "Our team met the ward within 72 hours of discharge. Sarah Okafor rang the duty line on 4 May."
    gate = _gate()
    pipeline.clear_sentence_cache()
    [[(_, _, gated)]] = list(pipeline.pipe_blocks([text], ner_gate=gate))
    pipeline.clear_sentence_cache()
    [[(_, _, whole)]] = list(pipeline.pipe_blocks([text]))
    ents = [(e.text, e.label_) for e in gated.ents]
    # the first sentence has no word that could be a name: no NER, so not even its time
    assert ("72 hours", "TIME") in [(e.text, e.label_) for e in whole.ents]
    assert all(e.start_char > text.index("Sarah") - 1 for e in gated.ents)
    # the second has a name: the entities the whole pipeline gives it
    assert ents == [(e.text, e.label_) for e in whole.ents if e.start_char >= text.index("Sarah")]
    assert ("Sarah Okafor", "PERSON") in ents
    # the rest of the parse is the same
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in gated] == [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in whole]


def test_the_gate_passes_a_sentence_with_a_name_word_a_lower_case_name_or_a_proper_noun():
    gate = _gate()
    cases = {
        "Our team met the ward within 72 hours of discharge.": False,
        "The duty worker rang Declan.": True,  # a capitalised word with a lower-case letter
        "Declan rang the duty line.": True,  # the first word, read as a proper noun
        "Housing link workers visit weekly.": False,  # the first word, a noun: capitalised because it is first
        "Example T. (a GP change) is unrelated.": True,  # ... but an entity could run from it to "T." (s8 panel)
        "spoke to john smith about the rent.": True,  # a listed first name in lower case
        "sunny didn't want to come in today, said she'd ring.": True,  # a nickname said to be "she"
        "Referrals rose and waits will fall.": False,  # first names that are everyday words, here verbs
        "We asked rose if she wanted to come.": True,
        "Will the service reopen in spring?": True,  # capitalised, a listed first name: whatever the parse says
        "The GP reviewed the plan with the CMHT.": False,  # proper nouns in capitals, and no date to tie to them
        "The GP was admitted on 3rd of the month.": True,  # ... with a date the event rule may read
    }
    docs = list(pipeline.pipe(list(cases), disable=["ner"]))
    assert {text: gate(doc) for text, doc in zip(cases, docs)} == cases


def test_the_gate_changes_no_privacy_finding(monkeypatch):
    """The examples of the rules that read entities (names, dates of events) and a spent privacy set, checked with
    the gate and with the NER on every sentence: the same findings. (bench/findings_diff.py checks every set.)"""
    texts = [example_spans(e)[0] for r in privacy.load_privacy_rules() if r.kind in ("entity", "event_date")
             for kind in ("flag", "pass") for e in r.examples.get(kind, [])]
    texts += [json.loads(line)["text"] for line in (DATA / "s19b" / "privacy_s19b.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    assert len(texts) > 250
    checker = checker_mod.Checker(settings=CheckerSettings(), families=["privacy"])

    def run():
        checker_mod.clear_cache()
        return [[(f.rule, f.start, f.end, f.message) for f in fs] for fs in checker.check_many(texts)]

    calls = []
    real = pipeline._pipe_gated
    monkeypatch.setattr(pipeline, "_pipe_gated", lambda *a: calls.append(len(a[0])) or real(*a))
    gated = run()
    assert calls  # (the gate was used)
    monkeypatch.setattr(checker_mod, "_ner_gate", lambda specs: None)  # the NER on every sentence
    whole = run()
    checker_mod.clear_cache()
    assert gated == whole
    assert sum(map(len, whole)) > 100
