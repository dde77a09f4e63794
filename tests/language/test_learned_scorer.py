"""The over-claim learned scorer (``learned_claim``, ``phrasebank/overclaim-scorer.json``)."""

from __future__ import annotations

import json
import math
import os

import pytest

RULE = "overclaim.learned-claim"
# a claim on individual outcomes (the rule's own flag example) that no hand-written rule reports
# (no hand-written rule reads it; "Every young person ..." is universal-outcome's since session 11)
SCORED = "Young people we mentor go on to college or a job."


@pytest.fixture(scope="module")
def index():
    from evidencebot.language.overclaim.learned import ClassIndex
    from evidencebot.language.phrasebank import load_vocabulary

    return ClassIndex(load_vocabulary())


@pytest.fixture(scope="module")
def shipped():
    from evidencebot import locations

    path = locations.packaged_dir("phrasebank") / "overclaim-scorer.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def user_phrasebank(isolated_home):
    from evidencebot import locations
    from evidencebot.language import checker
    from evidencebot.language.phrasebank import clear_cache

    clear_cache()
    checker.clear_cache()
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    clear_cache()
    checker.clear_cache()


def _overclaim(text: str):
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    settings = CheckerSettings(enabled_rules=[RULE])  # shipped on (session 13); naming it changes nothing
    return [f for f in Checker(settings=settings, families=["overclaim"]).check_text(text)
            if f.family == "overclaim"]


def test_features_read_who_did_what_to_what(nlp, index, shipped):
    from evidencebot.language.overclaim.learned import features

    feats = features(nlp("Our team ended homelessness in the borough.")[:], index, shipped["features"])
    # the subject is one of our agents, the main verb a causal verb, and a social outcome is in the sentence
    assert "s:provider_agents" in feats
    assert "r:causal_verbs" in feats
    assert "c:social_outcome_terms" in feats
    assert any(f.startswith("t:") and "provider_agents" in f.split("|")[0] and "causal_verbs" in f.split("|")[1]
               for f in feats)
    assert "r:negated" not in feats
    negated = features(nlp("Our team did not end homelessness in the borough.")[:], index, shipped["features"])
    assert "r:negated" in negated
    modal = features(nlp("Our team could end homelessness in the borough.")[:], index, shipped["features"])
    assert "r:modal:could" in modal


def test_a_word_in_many_classes_shares_one_unit_among_them(nlp, index, shipped):
    from evidencebot.language.overclaim.learned import features

    doc = nlp("Our team ended homelessness in the borough.")
    plain = features(doc[:], index, dict(shipped["features"], normalise=False))
    shared = features(doc[:], index, dict(shipped["features"], normalise=True))
    assert set(plain) == set(shared) and set(plain.values()) == {1.0}
    root = doc[2]  # "ended"
    classes = index.words.get(root.lower_, ()) or index.words.get(root.lemma_.lower(), ())
    assert len(classes) >= 2  # (the example needs a word listed in several classes)
    for c in classes:
        assert shared[f"r:{c}"] == pytest.approx(1 / len(classes))
    # a feature from two words shares by both: an arc's value is the product of its ends' shares
    assert all(0 < v <= 1 for v in shared.values())
    assert any(0 < v < 1 / len(classes) for k, v in shared.items() if k.startswith("a:"))


def test_each_feature_is_traced_to_the_words_behind_it(nlp, index, shipped):
    from evidencebot.language.overclaim.learned import features

    doc = nlp("Our team ended homelessness in the borough.")
    trace: dict = {}
    feats = features(doc[:], index, shipped["features"], trace)
    assert set(trace) == set(feats)
    assert trace["r:negated" if "r:negated" in trace else "r:tag:VBD"] == {2}
    subject = next(f for f in feats if f.startswith("s:"))
    assert trace[subject] == {1}


def test_calibration_maps_the_score_and_keeps_its_order():
    from evidencebot.language.overclaim.learned import probability

    model = {"bias": 0.0, "weights": {"a": 1.0, "b": 3.0}, "calibration": [0.5, -2.0]}
    assert probability(model, {"a": 1.0}) == pytest.approx(1 / (1 + math.exp(-(0.5 * 1.0 - 2.0))))
    assert probability(model, {"a": 1.0}) < probability(model, {"b": 1.0})


def test_probability_is_the_logistic_of_bias_plus_weights():
    from evidencebot.language.overclaim.learned import probability

    model = {"bias": -1.0, "weights": {"a": 2.5, "b": -0.5}}
    assert probability(model, {}) == pytest.approx(1 / (1 + math.e))
    assert probability(model, {"a": 1.0, "b": 1.0, "unknown": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_the_shipped_weights_are_trained_data_with_a_careful_threshold(shipped):
    assert 0.5 <= shipped["threshold"] < 1
    assert shipped["trained_on"] >= 1500
    assert len(shipped["weights"]) > 500
    # structure, not just words, carries weight
    assert any(f.startswith("t:") for f in shipped["weights"]) and any(f.startswith("a:") for f in shipped["weights"])


def test_the_scorer_reports_only_what_the_other_rules_do_not(nlp):
    from evidencebot.language.overclaim.learned import load_model

    model = load_model()
    assert model is not None
    # a claim the hand-written rules catch is reported by them alone
    found = _overclaim("Our team reduced A&E attendances across the whole borough.")
    assert found and RULE not in {f.rule for f in found}


def test_the_rule_is_shipped_switched_on_and_can_be_switched_off():
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker
    from evidencebot.language.phrasebank import load_phrasebank

    rule = next(r for r in load_phrasebank(["overclaim"]).rules if r.id == RULE)
    assert not rule.opt_in
    found = Checker(settings=CheckerSettings(), families=["overclaim"]).check_text(SCORED)
    assert RULE in {f.rule for f in found}
    off = Checker(settings=CheckerSettings(disabled_rules=[RULE]), families=["overclaim"]).check_text(SCORED)
    assert RULE not in {f.rule for f in off}


def test_a_negated_or_hedged_sentence_is_never_reported_by_the_scorer():
    text = SCORED
    assert RULE in {f.rule for f in _overclaim(text)}
    for careful in ("We cannot say that every young person we mentor goes on to college or a job.",
                    "Every young person we mentor may go on to college or a job."):
        assert RULE not in {f.rule for f in _overclaim(careful)}, careful


def test_the_message_says_it_is_a_learned_score_and_why(shipped):
    text = SCORED
    found = [f for f in _overclaim(text) if f.rule == RULE]
    assert found
    msg = found[0].message
    assert "learned score of " in msg and "the words that weighed most: \u201c" in msg and "{" not in msg
    # the reasons are the sentence's own words, never the scorer's feature names
    why = msg.split("weighed most: ")[1].split(")")[0]
    assert not any(mark in why for mark in ("c:", "a:", "t:", "w:", "|", "_"))
    words = [w.strip("\u201c\u201d") for w in why.split(", ")]
    assert words and all(w in text for w in words)
    score = float(msg.split("learned score of ")[1][:4])
    assert score >= shipped["threshold"]


def test_a_user_weights_file_replaces_the_shipped_one(user_phrasebank, shipped):
    text = SCORED
    assert RULE in {f.rule for f in _overclaim(text)}
    quiet = dict(shipped, bias=-50.0)
    (user_phrasebank / "overclaim-scorer.json").write_text(json.dumps(quiet), encoding="utf-8")
    assert RULE not in {f.rule for f in _overclaim(text)}


def test_a_broken_user_weights_file_is_an_error_naming_file_and_field(user_phrasebank, shipped):
    from evidencebot.errors import ConfigError
    from evidencebot.language.overclaim.learned import load_model

    bad = dict(shipped, threshold=3)
    (user_phrasebank / "overclaim-scorer.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_model()
    assert "overclaim-scorer.json" in str(err.value) and "field 'threshold'" in str(err.value)
    bad = dict(shipped, calibration=[-1.0, 0.0])  # a falling calibration would turn the score around
    (user_phrasebank / "overclaim-scorer.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_model()
    assert "overclaim-scorer.json" in str(err.value) and "field 'calibration'" in str(err.value)


def test_defer_to_a_family_wildcard_is_checked(user_phrasebank):
    from evidencebot.errors import ConfigError
    from evidencebot.language.overclaim import load_overclaim_rules

    rule = """rules:
  - id: overclaim.local-wild
    severity: warning
    kind: phrase
    message: m
    patterns: [a&e attendances]
    defer_to: [{target}]
    examples:
      flag: [A&E attendances are published monthly.]
      pass: [Our groups meet on Mondays.]
"""
    (user_phrasebank / "overclaim-local.yaml").write_text(rule.format(target="privacy.*"), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_overclaim_rules()
    assert "overclaim-local.yaml" in str(err.value) and "defer_to" in str(err.value)
    from evidencebot.language.phrasebank import clear_cache

    clear_cache()
    (user_phrasebank / "overclaim-local.yaml").write_text(rule.format(target="overclaim.*"), encoding="utf-8")
    rules = load_overclaim_rules()
    assert rules.by_key["overclaim.local-wild"].defer_to == ["overclaim.*"]
    from evidencebot.language.overclaim import find_overclaim

    alone = [f.rule for f in find_overclaim("A&E attendances are published monthly.", rules=rules)]
    assert alone == ["overclaim.local-wild"]
    # another over-claim rule's finding over the same words: the wildcard rule leaves it to that rule
    both = [f.rule for f in find_overclaim("Our team reduced A&E attendances across the borough.", rules=rules)]
    assert "overclaim.causal-system-outcome" in both and "overclaim.local-wild" not in both


def test_a_stated_none_is_not_scored_but_a_promised_none_or_a_booster_is(nlp):
    from evidencebot.language.overclaim.learned import _is_none_there

    def none_there(text):
        return _is_none_there(next(iter(nlp(text).sents)))

    # scored 0.95 over the 0.947 threshold before: "that" (of "that night") is one of the provider's words
    assert none_there("There were no crisis beds free in the county that night.")
    assert none_there("There have been no changes to the staffing model this year.")
    assert not none_there("There will be no readmissions for anyone who completes our step-down programme.")
    assert not none_there("There is no doubt that the hub has improved lives across the district.")
    assert not none_there("No crisis beds were free in the county that night.")
    assert RULE not in {f.rule for f in _overclaim("There were no crisis beds free in the county that night.")}


def _bench_module(name: str):
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    if str(root / "bench") not in sys.path:
        sys.path.insert(0, str(root / "bench"))
    spec = importlib.util.spec_from_file_location(name, root / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_trainer_and_the_leave_one_set_out_bench_fold_every_writer():
    """Every writer's over-claim set is a fold of the trainer (the shipped weights) and of
    bench/overclaim_loso.py: each development set in tests/data/labelled (but the repo's quality
    held-out part of dev) and each session's independent set in tests/data/heldout, the transfer checks
    (s15, s15b) included. A new writer's set that nobody adds is a writer the scorer never learns from."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    train = _bench_module("train_overclaim_scorer")
    loso = _bench_module("overclaim_loso")
    expected = {p.stem.removeprefix("overclaim_") for p in (root / "tests/data/labelled").glob("overclaim_*.jsonl")}
    expected.discard("heldout")  # the quality test's held-out part of dev (same writer as dev), never trained on
    expected |= {p.stem.removeprefix("overclaim_") for p in (root / "tests/data/heldout").glob("s*/overclaim_*.jsonl")}
    expected.add("heldout2")
    folds = set(loso.fold_list(transfer=True))
    assert expected <= folds, sorted(expected - folds)
    assert set(train.WRITERS) | set(train.TRANSFER) | set(train.EXTRA) == folds  # EXTRA: tw1-tw6 and any in the env
    if not os.environ.get(train.EXTRA_ENV):  # no writer folded twice, and none outside the files on disk
        listed = loso.fold_list(transfer=True)
        assert len(listed) == len(folds) and folds == expected, sorted(folds ^ expected)
    assert {"s15", "s15b"} <= set(train.TRANSFER) and not {"s15", "s15b"} & set(train.WRITERS)
    assert {"s8", "s9", "s10", "s11", "s12", "s13", "s14"} == set(train.INDEPENDENT)
    for w in folds:
        path = train.PATHS.get(w, train.LABELLED / f"overclaim_{w}.jsonl")
        assert path.is_file(), w


def test_the_scorer_trained_on_every_writer_reads_a_life_outcome_no_rule_reads():
    """A person's life outcome (work) said as what our programme gives, in words no hand-written rule
    reads: the weights trained on every writer's set (session 16: s11-s15b, dev8_o13 and dev15 added) score
    it over the threshold (the weights of session 11 did not); its hedged and negated twins pass."""
    text = "Women leave the programme with the confidence to return to work."
    found = _overclaim(text)
    assert [f.rule for f in found] == [RULE]
    for careful in ("Women may leave the programme with the confidence to return to work.",
                    "We cannot say that women leave the programme with the confidence to return to work.",
                    "Some women tell us they left the programme feeling more confident about returning to work."):
        assert not _overclaim(careful), careful


@pytest.mark.parametrize("commitment", [
    "We will see every new referral within 10 working days of the GP's letter by the end of Year 1.",
    "We will offer each carer a review of their support plan at least every 6 months.",
])
def test_the_refitted_scorer_passes_a_commitment_of_ours_to_act(commitment):
    """Session 22's refit (every spent set): a drafted commitment to an action with its time limit is not a claim.
    Session 20's refit on 30 writers read the drafted commitment of tests/compose/test_commitments.py over its
    threshold and was not shipped; the scorer has no commitment filter, so this guards the next refit."""
    assert not [f for f in _overclaim(commitment) if f.rule == RULE]


def test_our_commitment_to_act_is_not_scored_but_a_promise_by_our_model_is(nlp):
    """Session 25 (m25): "we will" + an action is a tender's undertaking, not a claim of what happened (the refit on
    tw1-tw4 read the drafted 'We will bring missed first appointments below 10% ...' at 0.9453 over 0.945). Only "we"
    with a future auxiliary: "Our model will ..." and "We have ..." are still read by the scorer's features."""
    from evidencebot.language.overclaim.learned import _our_commitment

    def form(text):
        return _our_commitment(next(nlp(text).sents))

    assert form("We will bring unanswered crisis-line calls below 5% within a year of the contract start.")
    assert form("We shall give every carer a named contact by the end of the first quarter.")
    assert not form("Our model will see every participant back in work within six months.")
    assert not form("We have brought unanswered crisis-line calls below 5% this year.")
    assert not [f for f in _overclaim("We will bring unanswered crisis-line calls below 5% within a year of the "
                                      "contract start.") if f.rule == RULE]


def test_the_certain_side_of_a_counterfactual_is_no_hedge_for_the_scorer(nlp):
    """Session 25 (m25): "would" after a negated condition says what we claim to have prevented ("If our advocate
    hadn't called the landlord, the tenancy would have ended"); the hedged filter kept such sentences from the scorer
    (32 of the 39 counterfactual-credit flags of tw1-tw4 it could not score). "might have", a plain "would" and a
    condition with no negation stay as they were."""
    from evidencebot.language.overclaim.learned import _counterfactual

    def form(text):
        return _counterfactual(next(nlp(text).sents))

    assert form("If our advocate hadn't called the landlord, the tenancy would have ended in June.")
    assert form("Had the night team not answered, the caller would have gone to A&E.")
    assert form("Without the weekly group, several members would be back in hospital by now.")
    assert not form("Without the weekly group, several members might be back in hospital by now.")
    assert not form("We would welcome a conversation about the pathway.")
    assert not form("If the funding is renewed, the group would meet twice a week.")


# (story32) a story's "Context" part describes the person's situation before support: the person as subject, past or
# past perfect, no agent of ours, no change over time. The shipped weights read these two over the threshold.
SITUATION_BEFORE_SUPPORT = [
    "The person had lost two jobs in a year and spent most weekends in bed.",
    "He had been out of work since the factory closed and most of his savings had gone.",
]


@pytest.mark.parametrize("text", SITUATION_BEFORE_SUPPORT)
def test_a_description_of_the_persons_situation_before_support_is_no_claim(text):
    assert not [f for f in _overclaim(text) if f.rule == RULE], text


def test_a_claim_about_the_person_with_us_as_its_cause_is_still_scored():
    """The same shape (the person as subject, past tense), but after something we did: a claim."""
    found = _overclaim("After we started visiting, he stopped going to A&E altogether.")
    assert RULE in [f.rule for f in found]


@pytest.mark.parametrize("text,theirs", [
    ("When support began, the person was sleeping on a friend's floor and had stopped seeing the GP.", True),
    ("Before the referral, T. had rung the out-of-hours line most Saturdays.", True),
    ("They had been caring for a parent alone and had not slept through the night for months.", True),
    ("She has not been admitted once since she joined us.", False),  # present perfect, us
    ("After three months with our team, she was back at work.", False),  # ours
    ("He went to A&E far less often than before.", False),  # a comparison
    ("By the end, the person no longer rang the crisis line.", False),  # a change over time
    ("The worker found him a room in a shared house.", False),  # our worker as the agent
    ("The person is now in work.", False),  # present
])
def test_the_situation_gate_reads_the_structure(text, theirs):
    from evidencebot.language.overclaim.learned import _their_situation
    from evidencebot.language.phrasebank import load_vocabulary
    from evidencebot.language.pipeline import get_nlp

    vocab = load_vocabulary()
    low = lambda name: frozenset(str(w).lower() for w in vocab.get(name, []))  # noqa: E731
    sent = next(get_nlp()(text).sents)
    change = low("claim_change_words") | low("change_nouns")
    assert _their_situation(sent, low("claim_agents"), low("claim_people"), change) is theirs, text


@pytest.mark.parametrize("text,reported", [
    ("Staff say the drop in evictions was driven by our tenancy coaches.", True),
    ("Staff think the new rota has probably made the evenings calmer.", True),
    ("Our staff say the drop in evictions was driven by our tenancy coaches.", False),  # ours, owned
    ("Staff and parents say the change in the children is remarkable.", False),  # not our staff alone
    ("Families tell us the service changed their lives.", False),  # the people we support: scored as before
    ("Staff said the drop in evictions was driven by our tenancy coaches.", False),  # past: an account, not a view
])
def test_our_staffs_view_reported_in_the_present_is_not_scored(text, reported):
    """(story32) session 32's refit read "Staff say ... was driven by our tenancy coaches" over its threshold: a view
    of our staff, named bare, said in the present, is not scored (the claim rules still read it)."""
    from evidencebot.language.overclaim.learned import _a_view_reported
    from evidencebot.language.phrasebank import load_vocabulary
    from evidencebot.language.pipeline import get_nlp

    agents = frozenset(str(w).lower() for w in load_vocabulary().get("claim_agents", []))
    sent = next(get_nlp()(text).sents)
    assert _a_view_reported(sent, agents) is reported, text
