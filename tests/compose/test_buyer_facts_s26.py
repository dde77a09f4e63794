"""The buyer's facts held in our answers (session 26, after the s26 held-out measurement)."""

from __future__ import annotations

from evidencebot.compose.buyer_facts import hold, read


def test_each_step_of_a_buyers_trajectory_said_back_is_the_buyers_not_a_clash():
    """s26 q02 (found after the held-out measurement): the buyer's '50% ... in Year 1, rising to 70% from Year 3'
    was read as two targets and our quote of the first step was 'corrected' to the last: '70% in Year 1'."""
    facts = read("The target for carers offered a carer's assessment is 40% of new carers in Year 1, rising to 65% "
                 "from Year 4.")
    said = "The commissioners' target for carers offered a carer's assessment is 40% in Year 1, rising to 65% from Year 4."
    assert hold(said, facts) == (said, [])


def test_roles_in_bold_prose_and_a_role_whose_name_lists_groups_are_read_whole():
    """s26 q08 (after its measurement): 'A **Lived Experience Lead** (1.0 WTE) must also be in post' was not read, so
    the establishment 'met every minimum' without it (FIRM); 'Gypsy, Roma and Traveller Outreach Worker' was 'gypsy'."""
    from evidencebot.compose.buyer_scale import role_minimums

    text = ("| Role | Minimum |\n|---|---|\n| Deaf, Blind and Deafblind Access Worker | at least 0.8 WTE |\n\n"
            "The **Carers Lead** (1.0 WTE) chairs the carers' forum. A **Housing Lead** (0.5 WTE) must also be in post.")
    roles = {r.role: r.wte for r in role_minimums(text)}
    assert roles == {"Deaf, Blind and Deafblind Access Worker": 0.8, "carers lead": 1.0, "housing lead": 0.5}


def test_a_preposition_opening_the_sentence_is_no_word_of_a_documents_name():
    """s26 q06 (spent): 'Under the NHS ... Pathway v2.0, ...' was committed to as 'We will work to the Under the NHS ...'."""
    from evidencebot.compose.commitments import versioned_documents

    said = "Following the Brayford Council Hoarding Protocol v1.2, a joint visit is offered within 10 days."
    assert versioned_documents(said) == ["Brayford Council Hoarding Protocol v1.2"]


def test_no_library_block_counts_the_items_of_a_list_a_trimmed_part_may_shorten():
    """s22, s24 and s26 panels (spent): 'Each of these five commitments has a baseline' under a list that had six, or,
    trimmed to fit the limit, three (FIRM each time). A block's sentence refers to its list without a count."""
    import re
    from pathlib import Path

    import yaml

    root = Path(__file__).parents[2] / "corpus" / "library"
    counted = re.compile(r"\b(?:these|those)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+\w+", re.I)
    said = [(b["id"], m.group(0)) for f in sorted(root.glob("*.yaml")) if f.name != "topics.yaml"
            for b in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("blocks") or []
            for m in counted.finditer(str(b.get("body") or ""))]
    assert said == []
