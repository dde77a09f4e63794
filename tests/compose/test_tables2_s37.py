"""Tables the question asks for in words, and a KPI table with columns to fill (session 37, round 2).

Session 37's held-out questions asked for four tables and our answers gave none: a staffing table described by its
columns only, a KPI table whose 'expected' columns were left empty (read, then left out because the checker held
every row's target against the first KPI), a milestone table whose minimum rows were listed in prose, and a commitments
table described by its columns. The questions below are written here for a made-up buyer (not the s37 text).
"""

from __future__ import annotations

from evidencebot.compose import buyer_facts, buyer_tables

STAFFING_WORDS = """# Question 2 – Our team

Tell us about the team for the Riverside lot, by role, pay grade (or equivalent) and WTE, shown in a workforce table.

Maximum 900 words. The workforce table does not count towards the limit.
"""

KPI_EMPTY = """# Question 6 – Performance

Fill in the table below with the results you expect and how you will report them.

| KPI | Indicator | Target | Expected in Year 1 | Expected in Year 2 | How measured and reported |
|---|---|---|---|---|---|
| KPI 1 | Assessment within 5 working days of referral | 75% | | | |
| KPI 2 | Discharge letter sent within 3 days | 60% | | | |

Maximum 600 words (the KPI table is excluded).
"""

MILESTONES_PROSE = """# Question 7 – Start-up

Give a milestone table with dated milestones and an owner for each. At a minimum it should show: staff consultation
closed by 9 January 2030; a premises lease signed by 20 January 2030; the data protection impact assessment approved
by 2 February 2030, and a readiness meeting with the Board in the week commencing 16 February 2030.

No more than 1,200 words, including the milestone table.
"""

COMMITMENTS_WORDS = """# Question 9 – Community benefit

Your response should cover:

- apprenticeships for young people leaving care, with numbers for each year
- how you will buy from local suppliers
- a commitments table setting out each commitment, its measure, its yearly target and how it will be evidenced

Maximum 700 words, excluding the commitments table.
"""

ESTABLISHMENT = [("service manager", 1.0), ("recovery workers", 6.5), ("peer support workers", 1.4)]


def _rows(md: str) -> list[list[str]]:
    lines = [ln for ln in md.splitlines() if ln.startswith("|")]
    return [[c.strip() for c in ln.strip("|").split("|")] for ln in lines[2:]]


def test_a_staffing_table_asked_for_in_words_lists_our_roles_with_no_band_made_up():
    tables = buyer_tables.read(STAFFING_WORDS)
    assert [t.kind for t in tables] == ["staffing"]
    t = tables[0]
    assert t.header == ("Role", "Pay grade (or equivalent)", "WTE")
    assert t.ours and not t.counted
    rows = _rows(buyer_tables.markdown(t, ESTABLISHMENT))
    assert [r[0] for r in rows] == ["Service manager", "Recovery workers", "Peer support workers", "Total"]
    assert [r[2] for r in rows] == ["1.0", "6.5", "1.4", "8.9"]
    # the profile holds no pay grade: said as unknown, never a band of ours
    assert all(r[1] == "To confirm in the costed model" for r in rows[:-1])
    assert buyer_tables.markdown(t, []).count("\n") == 1  # no establishment: header only (not given by the tender)


def test_an_empty_kpi_column_for_expected_performance_holds_the_buyers_target_said_as_theirs():
    (t,) = buyer_tables.read(KPI_EMPTY)
    assert t.kind == "kpi" and not t.counted and buyer_tables.given(t)
    header, rows = buyer_tables.complete(t)
    assert header[-1] == "How measured and reported"
    assert rows[0][3] == rows[0][4] == "The commissioner's target of 75%"
    assert rows[1][3] == "The commissioner's target of 60%"
    assert rows[1][5] == "To agree with the commissioner at mobilisation"


def test_each_table_row_is_its_own_sentence_for_the_buyers_targets():
    md = buyer_tables.markdown(buyer_tables.read(KPI_EMPTY)[0])
    facts = buyer_facts.read(KPI_EMPTY)
    assert not buyer_facts.check(md, facts)
    # a row that does say another figure for its own KPI is still caught, on its own row
    wrong = md.replace("| 75% |", "| 50% |", 1)
    clashes = buyer_facts.check(wrong, facts)
    assert clashes and all(c.said == "50%" and c.fact.label == "KPI 1" and "KPI 2" not in c.sentence for c in clashes)


def test_a_milestone_table_whose_minimum_rows_are_listed_in_prose_keeps_the_buyers_dates():
    (t,) = buyer_tables.read(MILESTONES_PROSE)
    assert t.kind == "milestone" and t.counted
    header, rows = buyer_tables.complete(t)
    assert header == ["Milestone", "Date", "Owner"]
    assert [r[0] for r in rows] == ["Staff consultation closed", "Premises lease signed",
                                    "Data protection impact assessment approved", "Readiness meeting with the Board"]
    assert [r[1] for r in rows] == ["By 9 January 2030", "By 20 January 2030", "By 2 February 2030",
                                    "In the week commencing 16 February 2030"]
    assert all(r[2] for r in rows)  # an owner of ours, or said as unknown: never empty


def test_a_commitments_table_asked_for_in_words_has_a_row_per_other_item_and_no_target_of_ours():
    (t,) = buyer_tables.read(COMMITMENTS_WORDS)
    assert t.kind == "social value" and not t.counted
    assert t.header == ("Commitment", "Measure", "Yearly target", "How it will be evidenced")
    header, rows = buyer_tables.complete(t)
    assert [r[0] for r in rows] == ["Apprenticeships for young people leaving care, with numbers for each year",
                                    "Buy from local suppliers"]
    assert all(c == "To confirm with the commissioner before contract award" for r in rows for c in r[1:])


def test_a_finding_on_a_cell_the_buyer_wrote_is_told_from_one_on_ours():
    (t,) = buyer_tables.read(KPI_EMPTY)
    md = buyer_tables.markdown(t)
    theirs = md.index("| 60% |") + 2
    assert buyer_tables.buyers_own(t, md, theirs, theirs + 3)
    ours = md.index("The commissioner's target of 60%")
    assert not buyer_tables.buyers_own(t, md, ours + len("The commissioner's target of "), ours + len(
        "The commissioner's target of 60%"))


def test_a_role_with_a_note_after_its_wte_is_read_for_our_own_rows_only():
    said = ("9.0 whole-time-equivalent posts: service manager 1.0, clinical leads 1.6 (two posts of 0.8), recovery "
            "workers 6.4 (eight staff)")
    assert buyer_tables.establishment_roles(said, noted=True) == [("service manager", 1.0), ("clinical leads", 1.6),
                                                                  ("recovery workers", 6.4)]
    # a buyer's staffing table keeps the roles it matched before (its rows' figures unchanged on the spent sets)
    assert buyer_tables.establishment_roles(said) == [("service manager", 1.0)]
