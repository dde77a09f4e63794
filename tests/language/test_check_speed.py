"""The checker's shortcuts (issue 15: the rules' overhead over a bare parse): each skips work that
cannot change a finding, and each test shows both that the work is skipped and that the findings
are the ones the work would have given."""

from __future__ import annotations

import pytest

from evidencebot.language import pipeline
from evidencebot.language.overclaim import load_overclaim_rules


class _Spy:
    """A matcher that counts its calls and otherwise does what the matcher it wraps does."""

    def __init__(self, matcher):
        self.matcher = matcher
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.matcher(*args, **kwargs)


def _dependency_texts(rules) -> list[str]:
    texts = [e for r in rules.rules if r.kind == "dependency" for e in r.examples["flag"] + r.examples["pass"]]
    assert texts  # (the shipped rules have dependency rules with examples)
    return texts + ["Our team supports people leaving the ward within 72 hours of discharge.",
                    "We make sure every adult never waits more than a week.",
                    "Admissions fell by a dramatic amount, and members always come back."]


def test_the_dependency_matcher_runs_only_when_every_node_of_a_pattern_has_its_word(monkeypatch):
    rules = load_overclaim_rules()
    spy = _Spy(rules.dependency)
    monkeypatch.setattr(rules, "dependency", spy)
    # a verb (the anchor of "people never/always ...") but none of the words the other nodes need
    doc = pipeline.parse("Our team supports people leaving the ward within 72 hours of discharge.", disable=["ner"])
    rules.find(doc)
    assert spy.calls == 0
    doc = pipeline.parse("Members who come to the Thursday group never go back to drinking.", disable=["ner"])
    found = rules.find(doc)
    assert spy.calls == 1
    assert "overclaim.people-never-always" in [f.rule for f in found]


def test_the_dependency_gate_changes_no_finding(monkeypatch):
    rules = load_overclaim_rules()
    docs = [pipeline.parse(t, disable=["ner"]) for t in _dependency_texts(rules)]
    gated = [[(f.rule, f.start, f.end, f.message) for f in rules.find(d)] for d in docs]
    monkeypatch.setattr(rules, "dependency_needs", [()])  # a pattern needing nothing: the matcher runs on every doc
    ungated = [[(f.rule, f.start, f.end, f.message) for f in rules.find(d)] for d in docs]
    assert gated == ungated
    assert any(f[0] in {r.id for r in rules.rules if r.kind == "dependency"} for fs in gated for f in fs)


@pytest.mark.parametrize("needs", [(("lower", frozenset({"never", "always"})),), ()])
def test_a_pattern_with_no_word_to_need_still_opens_the_gate(monkeypatch, needs):
    rules = load_overclaim_rules()
    spy = _Spy(rules.dependency)
    monkeypatch.setattr(rules, "dependency", spy)
    monkeypatch.setattr(rules, "dependency_needs", [(("lower", frozenset({"zzz-absent"})),), needs])
    rules.find(pipeline.parse("Members never go back to drinking.", disable=["ner"]))
    assert spy.calls == 1


def _example_sentences() -> list[str]:
    from evidencebot import locations
    from evidencebot.language.phrasebank import load_phrasebank

    bank = load_phrasebank(["overclaim"], dirs=[locations.packaged_dir("phrasebank")])
    return sorted({e for r in bank.rules for e in r.examples["flag"] + r.examples["pass"]})


def test_the_scorers_fast_features_are_its_features_in_the_same_order():
    """The scorer's fast path (names built only for weighted features) gives the mapping the reference
    ``features`` gives, key for key and in the same order (the score sums them in that order)."""
    from evidencebot.language.overclaim import learned

    model = learned.load_model()
    rules = load_overclaim_rules()
    index = learned._index(model, rules.vocab.data)
    compared = 0
    for doc in pipeline.pipe(_example_sentences()[::6], disable=["ner"]):  # (a sample: cheap to parse)
        for sent in doc.sents:
            for part in [sent, *learned._clauses(sent), doc[:]]:
                reference = learned.features(part, index, model["features"], weights=model["weights"])
                fast = learned.scoring_features(part, index, model)
                assert list(fast.items()) == list(reference.items()), part.text
                compared += bool(reference)
    assert compared > 60


def test_the_fast_features_fall_back_when_a_name_cannot_be_read_back():
    from evidencebot.language.overclaim import learned

    model = dict(learned.load_model())
    model["weights"] = dict(model["weights"], **{"a:odd|key|nsubj|p:NOUN": 1.0})
    model.pop("_tables", None)
    assert not learned._tables(model).exact
    doc = pipeline.parse("Our team ended homelessness in the borough.", disable=["ner"])
    index = learned._index(model, load_overclaim_rules().vocab.data)
    assert learned.scoring_features(doc[:], index, model) == learned.features(
        doc[:], index, model["features"], weights=model["weights"])


def test_the_contexts_word_sets_are_the_docs_words_and_lemmas():
    from evidencebot.language.overclaim.context import word_sets

    texts = ["Our team REDUCED A&E attendances by 40%.", "", "  Nobody   was readmitted.\n\nWe're proud.",
             "Ümlaut Café staff’s work: ‘outstanding’ results!"]
    for doc in pipeline.pipe(texts, disable=["ner"]):
        assert word_sets(doc) == ({t.lower_ for t in doc}, {t.lemma_.lower() for t in doc})


def test_the_checker_hands_the_block_text_to_the_over_claim_checks(checker_factory):
    from evidencebot.language.overclaim.common import _text, remember_text

    text = "We reduced  A&E attendances.\nEvery client improved."
    doc = pipeline.parse(text, disable=["ner"])
    remember_text(doc, text)
    assert doc.user_data["_evidencebot_text"] == text == doc.text
    other = pipeline.parse(text, disable=["ner"])
    remember_text(other, text + " and more")  # not this doc's text: not taken
    assert "_evidencebot_text" not in other.user_data and _text(other) == text
    # and the checker's findings read it: the same as the doc's own text gives
    found = checker_factory("overclaim").check_text(text)
    assert [f.match for f in found] == [text[f.start:f.end] for f in found] and found
