"""The learned scorer's structure features (session 27, oc27, issue 15; m26's step 3): our role in the clause, the
outcome's scope and the evidence markers, read from the parse when the weights file turns them on
(``features.structure``), and nothing when it does not (the shipped weights). Sentences written for this test."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def spec():
    from evidencebot import locations

    path = locations.packaged_dir("phrasebank") / "overclaim-scorer.json"
    shipped = json.loads(path.read_text(encoding="utf-8"))["features"]
    return dict(shipped, structure=True,
                scope_system_lists=["system_outcome_terms", "system_places", "area_scope_words"],
                scope_person_lists=["people_nouns", "claim_people"],
                scope_money_lists=["money_nouns", "currency_signs"],
                evidence_source_lists=["source_words"])


@pytest.fixture(scope="module")
def index(spec):
    from evidencebot.language.overclaim.learned import ClassIndex
    from evidencebot.language.phrasebank import load_vocabulary

    return ClassIndex(load_vocabulary(), frozenset(spec["skip_lists"]))


def _x(nlp, index, spec, text: str) -> set[str]:
    from evidencebot.language.overclaim.learned import features

    return {k for k in features(nlp(text)[:], index, spec) if k.startswith("x:")}


@pytest.mark.parametrize("text, role", [
    ("Our team cut hospital admissions across the county.", "subject"),
    ("Hospital admissions across the county were cut by our team.", "agent"),
    ("Admissions across the county have fallen, thanks to our team.", "cause"),
])
def test_our_role_and_a_system_scope_are_read(nlp, index, spec, text, role):
    got = _x(nlp, index, spec, text)
    assert f"x:role:{role}" in got and "x:scope:system" in got and "x:ev:none" in got, got


def test_a_base_and_a_period_are_evidence(nlp, index, spec):
    got = _x(nlp, index, spec, "Of the 60 people referred between May and October 2025, 41 were seen within a week.")
    assert {"x:ev:base", "x:ev:period"} <= got and "x:ev:none" not in got, got


def test_off_unless_the_weights_turn_it_on(nlp, index, spec):
    assert not _x(nlp, index, dict(spec, structure=False), "Our team cut hospital admissions across the county.")
