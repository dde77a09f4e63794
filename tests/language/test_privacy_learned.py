"""The learned privacy check (privacy.learned-private-detail, issue 15): what it reports, what it leaves to the
other rules, and the weights file it reads (privacy-detail-scorer.json). Shipped on (p25b, bench/privacy_p25.md):
the shipped weights are read where a test is about them; elsewhere tiny hand-made weights."""

from __future__ import annotations

import json

import pytest

from evidencebot import locations
from evidencebot.errors import ConfigError
from evidencebot.language import privacy_learned
from evidencebot.language.privacy import find_privacy, load_privacy_rules

SHIPPED = locations.packaged_dir("phrasebank")
RULE = "privacy.learned-private-detail"
# "chemo" and "surgery" weigh a stretch up to about 0.95; nothing else counts
TINY = {"bias": -3.0, "threshold": 0.5, "features": {"arc_deps": ["nsubj", "dobj"]},
        "weights": {"w:chemo": 6.0, "w:surgery": 6.0}}


@pytest.fixture(scope="module")
def rules():
    return load_privacy_rules([SHIPPED])


@pytest.fixture(scope="module")
def shipped_model():
    return privacy_learned.load_model([SHIPPED])


def test_it_is_shipped_on_with_its_gate(rules, shipped_model):
    # bench/privacy_p25.md (p25b): recall rises on every fresh set left out, precision level or higher, no older set
    # loses more than one pass row; a stretch with no sign of a person is not scored
    assert RULE in {r.id for r in rules}
    assert shipped_model is not None and shipped_model["weights"] and 0.9 < shipped_model["threshold"] < 1
    assert "pronouns" in shipped_model["features"]["gate_classes"]


@pytest.mark.parametrize("text, flagged", [
    # a worker's private life beside their role, a handover entry: a detail no rule lists
    ("The caretaker at the Elm Street hub is off for a month while his wife has a hip replacement.", True),
    ("Handover: room 6 quiet all evening, room 2 in tears again about losing custody of her son", True),
    # our own documents' shapes (written here): a buyer's reference line, a question header, an empty form's
    # labels, a compliance-table row, a template placeholder
    ("Contract ref: NRC/ASC/2028/077, Lot 3, Question 5.2 (Mobilisation)", False),
    ("## Question 4 – Working with Carers and Families", False),
    ("Full name: ________   Date of birth: ________   NHS number: ________", False),
    ("| Named worker allocated within 5 working days of referral | 95% | Monthly |", False),
    ("Dear {{ contact_name }}, please find our response to Lot {{ lot }} attached.", False),
    # our board summary's heading: a period's words are no sign of a person (scored 0.97 when they were)
    ("## Board summary: Apr-Jun 2027 (2027/28 Q1)", False),
])
def test_the_shipped_weights_flag_a_detail_and_pass_our_own_shapes(rules, nlp, shipped_model, text, flagged):
    privacy_learned.use_model(shipped_model)
    try:
        assert bool(_learned(text, rules, nlp)) is flagged, text
    finally:
        privacy_learned.use_model(None)


def test_a_named_workers_vetting_outcome_is_flagged_and_the_name_is_not(rules, nlp, shipped_model):
    # (p25b) a new worker named in role passes the name rules (staff in role), but the outcome of their DBS
    # check is a record check about that one person, not part of their role: the learned check warns on it, as
    # a reader would ("All new staff start once their enhanced DBS check is back" says the same without them)
    text = "Our new recovery worker, Ana Brady, started in May once her enhanced DBS came back clear."
    plain = "All new staff start once their enhanced DBS check is back."
    privacy_learned.use_model(shipped_model)
    try:
        found = find_privacy(text, nlp(text), rules)
        assert not find_privacy(plain, nlp(plain), rules)
    finally:
        privacy_learned.use_model(None)
    assert [f.rule for f in found] == [RULE]
    assert [f.severity for f in found] == ["warning"]


@pytest.fixture
def tiny():
    privacy_learned.use_model(TINY)
    yield TINY
    privacy_learned.use_model(None)


def _learned(text, rules, nlp):
    return [f.match for f in find_privacy(text, nlp(text), rules) if f.rule == RULE]


def test_a_line_with_a_private_detail_no_rule_lists_is_reported(rules, nlp, tiny):
    text = "Volunteer rota\nWed: the driver is away for chemo until October"
    assert _learned(text, rules, nlp) == ["Wed: the driver is away for chemo until October"]


def test_a_stretch_under_the_threshold_is_left_alone(rules, nlp, tiny):
    assert _learned("The driver is away until October.", rules, nlp) == []


def test_a_stretch_with_no_sign_of_a_person_is_not_scored(rules, nlp):
    # the gate: the same detail with a pronoun is scored and reported; without any sign of a person it is not
    gated = {**TINY, "features": {**TINY["features"], "gate_classes": ["pronouns"]}}
    privacy_learned.use_model(gated)
    try:
        assert _learned("chemo is given on the ward every week", rules, nlp) == []
        assert _learned("she has chemo on the ward every week", rules, nlp) == ["she has chemo on the ward every week"]
    finally:
        privacy_learned.use_model(None)


def test_a_stretch_another_rule_touches_is_reported_once_over_both(rules, nlp, tiny):
    # (p27) the name rule finds the name; the line scores over the threshold: the check's warning on the whole line
    # beside the name's finding, not a fragment the parts left scored on its own (written here)
    text = "Volunteer driver Kenneth Maddox is away for chemo until October."
    found = find_privacy(text, nlp(text), rules)
    assert sorted((f.rule, f.match) for f in found) == [
        (RULE, "Volunteer driver Kenneth Maddox is away for chemo until October"),
        ("privacy.person-name", "Kenneth Maddox")]
    # under the threshold the name is the name rule's finding alone
    plain = "Volunteer driver Kenneth Maddox is away until October."
    assert [(f.rule, f.match) for f in find_privacy(plain, nlp(plain), rules)] == [
        ("privacy.person-name", "Kenneth Maddox")]


def test_findings_joined_through_a_stretch_keep_their_own_spans(rules, nlp, tiny):
    # a row with two findings (a name, a date of birth) and a detail over the threshold: the check's one finding
    # over the row, and the two findings, each with its own span and fix
    text = "Staff absence\nGrzegorz Nowak, born 03/04/1979, off for surgery"
    found = find_privacy(text, nlp(text), rules)
    assert [f.match for f in found if f.rule == RULE] == ["Grzegorz Nowak, born 03/04/1979, off for surgery"]
    assert {f.match for f in found if f.rule != RULE} == {"Grzegorz Nowak", "03/04/1979"}


def _context(text, line, nlp, rules):
    names = next(r.names for r in rules if r.id == "privacy.person-name")
    doc = nlp(text)
    spec = {"arc_deps": [], "context": True}
    for a, b, toks in privacy_learned.units(text, doc):
        if text[a:b] == line:
            return {k for k in privacy_learned.features(text, a, b, toks, names, spec) if ":" in k and k.split(":")[0]
                    in ("prev", "hdr", "title", "row", "msg", "sh")}
    raise AssertionError(f"no stretch {line!r}")


def test_a_line_of_a_record_is_read_with_the_lines_that_label_it(rules, nlp):
    # (p26) a value under its label, a row under its table's or export's header, a list's title, a thread's lines,
    # initials with a date (sentences written here)
    form = "Intake sheet\nPreferred name:\nTomasz Wrobel\nPhone:\n07700 900555"
    assert {"prev:label", "prev:w:name", "title:w:intake"} <= _context(form, "Tomasz Wrobel", nlp, rules)
    export = "ref,forename,surname,ward\n20931,Aoife,Brennan,Riverside\n20944,Kemal,Arslan,Docks"
    row = _context(export, "20931,Aoife,Brennan,Riverside", nlp, rules)
    assert {"hdr:row", "hdr:w:surname", "hdr:w:forename"} <= row and not any(k.startswith("title:") for k in row)
    thread = "Texts copied from the duty phone\nMon 18:02 - cant make it tmrw, feeling rough\nMon 18:10 - ok thanks"
    assert {"msg:stamp", "msg:thread", "sh:time"} <= _context(thread, "Mon 18:02 - cant make it tmrw, feeling rough",
                                                               nlp, rules)
    initials = "Re: J.P.O. born 12/11/1998, bed request"
    assert {"sh:initials", "sh:initials_date"} <= _context(initials, initials, nlp, rules)
    # a line alone has no lines above it
    alone = "Key worker: Tomasz Wrobel"
    assert not {"prev:label", "hdr:row", "msg:thread"} & _context(alone, alone, nlp, rules)


def test_without_a_parse_or_a_model_it_finds_nothing(rules, nlp, tiny):
    text = "Wed: the driver is away for chemo until October"
    assert not [f for f in find_privacy(text, None, rules) if f.rule == RULE]
    privacy_learned.use_model(None)
    assert privacy_learned.spans(text, nlp(text), None) == []


@pytest.mark.parametrize("bad, field", [
    ({"bias": 0, "weights": {"w:chemo": "high"}, "threshold": 0.5, "features": {"arc_deps": []}}, "weights"),
    ({"bias": 0, "weights": {}, "threshold": 0.5, "features": {"arc_deps": "nsubj"}}, "features.arc_deps"),
    ({"bias": 0, "weights": {}, "threshold": 0, "features": {"arc_deps": []}}, "threshold"),
])
def test_a_malformed_weights_file_names_the_file_and_field(tmp_path, bad, field):
    (tmp_path / privacy_learned.WEIGHTS_FILE).write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError, match=field):
        privacy_learned.load_model([tmp_path])
