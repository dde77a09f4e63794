"""The approved method library (answer blocks, service profile) and answers built on it."""

from __future__ import annotations

import re

import pytest

from evidencebot.compose import library as lib
from evidencebot.compose import patterns
from evidencebot.errors import InputError

PERIOD = "2025-10..2026-09"


def test_the_demo_ships_at_least_40_approved_blocks_and_a_full_profile(demo_db):
    blocks = lib.list_blocks(demo_db, today="2026-10-01")
    assert len(blocks) >= 40
    assert all(b.approved and b.owner and b.tags and b.review_due for b in blocks)
    profile = lib.get_profile(demo_db)
    assert set(profile) == set(lib.PROFILE_FIELDS)
    for b in blocks:
        # a pattern block's role slot ('{partner}') is filled with the buyer's named elements, not from the profile
        slot = "{" + next((s for s, r in patterns.slots().items() if r == patterns.role_of(b)), "-") + "}"
        for text in (b.body, b.means):
            filled, missing = lib.fill(patterns.by_count(text, 1).replace(slot, "the buyer's partner"), profile)
            assert not missing and "{" not in filled, b.block_id


def test_every_demo_block_passes_the_checker_with_the_database(demo_db):
    from evidencebot.compose.tender import get_checker

    checker = get_checker(demo_db, external=True)
    profile = lib.get_profile(demo_db)
    blocks = lib.list_blocks(demo_db)
    texts = [" ".join(lib.fill(t, profile)[0] for t in (b.body, b.means)) for b in blocks]
    # one batch (check_many parses the blocks together; each block's findings are its own, as check_text's)
    for b, findings in zip(blocks, checker.check_many(texts), strict=True):
        assert not findings, (b.block_id, [(f.rule, f.match) for f in findings])


def test_four_eyes_approval_and_an_edit_withdraws_it(demo_copy):
    db = demo_copy
    ident = lib.add_block(db, "Night cover", "A duty worker is on call from 8pm to 8am every night.",
                          tags=["out of hours"], owner="Team leader")
    assert lib.get_block(db, ident).status == "draft"
    assert not [b for b in lib.search_blocks(db, "duty worker on call at night") if b.block_id == ident]
    lib.submit_block(db, ident, user="Ann Author")
    with pytest.raises(InputError, match="second person"):
        lib.approve_block(db, ident, user="ann author")
    b = lib.approve_block(db, ident, user="Bea Approver")
    assert b.approved and b.approved_by == "Bea Approver"
    assert [x.block_id for x in lib.search_blocks(db, "duty worker on call at night")][0] == ident
    db.execute("update answer_blocks set body = 'A duty worker is on call every night.' where block_id = ?", [ident])
    db.conn.commit()
    b = lib.get_block(db, ident)
    assert b.status == "draft" and b.approved_by is None
    assert ident not in [x.block_id for x in lib.search_blocks(db, "duty worker on call at night")]


def test_bm25_ranks_a_title_match_first_and_says_what_is_shared(demo_db):
    hits = lib.search_blocks(demo_db, "safeguarding training")
    assert hits[0].block_id == "safeguarding-training"
    assert set(hits[0].matched) == {"safeguarding", "training"}


def test_stale_blocks_are_flagged_and_used_only_with_a_warning(demo_copy):
    from evidencebot.compose.tender import assemble_tender

    db = demo_copy
    db.execute("update answer_blocks set review_due = '2020-01-01' where block_id = 'safeguarding-training'")
    db.conn.commit()
    assert [b.block_id for b in lib.list_blocks(db, stale=True)] == ["safeguarding-training"]
    answer = assemble_tender(db, "Describe the safeguarding training your staff will receive. (200 words)",
                             period=PERIOD)
    assert "safeguarding-training" in answer.blocks
    assert [b.block_id for b in answer.stale] == ["safeguarding-training"]
    assert "stale block used (safeguarding-training" in answer.coverage[0].status


def test_import_splits_earlier_answers_into_draft_blocks(demo_copy, tmp_path):
    path = tmp_path / "answers.md"
    path.write_text("# Old bid\n\n## Night cover\n\nA duty worker is on call from 8pm to 8am every night of the week.\n\n"
                    "## Volunteering\n\nPeople who have used the service can join the volunteer scheme after a "
                    "six-week induction with the peer support lead.\n\n- Volunteers meet monthly.\n", encoding="utf-8")
    ids = lib.import_answers(demo_copy, path, tags=["imported"])
    blocks = [lib.get_block(demo_copy, i) for i in ids]
    assert [b.title for b in blocks] == ["Night cover", "Volunteering"]
    assert all(b.status == "draft" and b.source == "imported from answers.md" for b in blocks)
    assert "Volunteers meet monthly" in blocks[1].body
    with pytest.raises(InputError, match="not a readable Word document"):
        bad = tmp_path / "bad.docx"
        bad.write_bytes(b"nope")
        lib.import_answers(demo_copy, bad)


def test_profile_fields_fill_placeholders_and_missing_ones_are_named():
    text, missing = lib.fill("{service} is open {hours}; the team is {team}.", {"service": "Riverside", "hours": "daily"})
    assert text == "Riverside is open daily; the team is {team}." and missing == ["team"]


# ---------------------------------------------------------------- answers on the library


def _paragraph_kinds(answer):
    return [row.status for row in answer.coverage]


NEW_QUESTIONS = {
    # five questions of our own in shapes the shipped examples do not use
    "include-list": ("Describe how you will support people's physical and mental health together. Include "
                     "medication concerns, working with GP practices and co-production with people who use the "
                     "service. (450 words)"),
    "lettered-inline": ("Please set out your workforce model: (a) induction and training; (b) supervision and "
                        "caseloads; (c) recruitment and retention. Max. 3,000 characters"),
    "several-questions": ("How will you make sure people can reach the service out of hours? What will you do when "
                          "someone misses two appointments in a row? How will you involve families and carers? "
                          "No more than 1 side of A4."),
    "numbered-weighted": ("Governance and quality (weighting 10%)\n1. How you will report to the commissioner\n"
                          "2. Your governance board and escalation of risks\n3. How learning from incidents changes "
                          "practice\nMaximum 600 words"),
    "including": ("Describe your approach to housing and money, including tenancy support, benefits checks and "
                  "debt advice. 400 words max"),
}


def _method(row) -> bool:
    """The part is answered with library method text ('method + evidence', 'method only'), its gaps named or not."""
    from evidencebot.compose.tender import PARTLY

    return row.status.removeprefix(PARTLY).startswith("method")


@pytest.mark.parametrize("qid", sorted(NEW_QUESTIONS))
def test_new_questions_get_a_part_per_sub_point_with_library_method_within_the_limit(demo_db, checker, qid):
    from evidencebot.compose.tender import assemble_tender, get_checker
    from evidencebot.compose.words import count_words

    answer = assemble_tender(demo_db, NEW_QUESTIONS[qid], period=PERIOD)
    assert len(answer.plan.points) >= 2
    # library method in every part; a part whose row names a gap of the buyer's leads 'partly:' (s33)
    assert all(_method(row) for row in answer.coverage), _paragraph_kinds(answer)
    assert all(row.words > 0 for row in answer.coverage)
    assert count_words(answer.markdown) <= answer.word_limit
    if answer.plan.char_limit:
        assert len(answer.markdown.rstrip()) <= answer.plan.char_limit
    assert not answer.findings and not get_checker(demo_db, external=True).check_text(answer.markdown)
    _method_share_and_shapes(answer)


def test_shipped_questions_meet_the_same_bar(demo_db, questions):
    from evidencebot.compose.tender import assemble_tender, get_checker
    from evidencebot.compose.words import count_words

    for qid, (text, limit) in questions.items():
        answer = assemble_tender(demo_db, text, limit, period=PERIOD)
        assert all(_method(row) for row in answer.coverage), (qid, _paragraph_kinds(answer))
        assert count_words(answer.markdown) <= limit
        assert not get_checker(demo_db, external=True).check_text(answer.markdown), qid
        headings = re.findall(r"^## (.+)$", answer.markdown, re.M)
        assert len(headings) == len(answer.plan.points), qid
        _method_share_and_shapes(answer)


def _method_share_and_shapes(answer):
    from evidencebot.compose.words import count_words

    assert answer.method_words * 2 >= answer.body_words > 0, (answer.method_words, answer.body_words)
    headings = sum(count_words(h) for h in re.findall(r"^## (.+)$", answer.markdown, re.M))
    assert answer.body_words + headings == count_words(answer.markdown)


def test_figure_shapes_are_used_once_per_answer(demo_db, questions):
    from evidencebot.compose import tender as T

    text, limit = questions["q03-outcomes-evidence"]
    answer = T.assemble_tender(demo_db, text, limit, period=PERIOD)
    shapes = [r"^In .+ we recorded ", r"^Our records put ", r"^To check how this works in practice we track ",
              r" was [\d.]+.* in .+, (?:up|down|compared|similar|the same|against|the monthly)"]
    sentences = re.split(r"(?<=\.)\s+", answer.markdown)
    for pattern in shapes:
        assert sum(1 for s in sentences if re.search(pattern, s)) <= 1, pattern
    assert "95% CI" not in answer.markdown  # intervals go to the appendix


def test_a_sub_point_the_library_cannot_answer_says_so(demo_db):
    from evidencebot.compose.tender import assemble_tender, write_marker

    # (session 27: an ask of no shape, 'how you will service and insure the pool cars', is no longer said back; a group's
    # is drafted by its shape)
    answer = assemble_tender(demo_db, "Your answer should cover: how you will support people with an eating disorder; "
                                      "how you will train staff in safeguarding. (400 words)", period=PERIOD)
    first, second = answer.coverage
    # session 16: the part is drafted from the question's own words (no longer '[To write: ...]' alone), and says so
    assert first.status.startswith("drafted from the question")
    assert "For people with an eating disorder, " in answer.markdown and "We will support people with an" not in answer.markdown
    assert f"[To write: {first.label}]" not in answer.markdown and write_marker(first.label) != first.marker
    # the note's anchor is the drafted text itself; why, for the writer, is never in the answer (s10 panel: "an
    # internal tool note in a submitted answer")
    assert first.marker in answer.markdown
    assert "No approved method block" not in answer.markdown and "no block mentions" not in answer.markdown
    assert first.note.startswith("No approved method block in the library matches")
    assert first.note in answer.coverage_table()
    assert second.status.startswith("method") and not second.note


def test_a_gap_note_is_a_word_comment_and_a_compliance_column(demo_db, tmp_path):
    import io

    from docx import Document
    from openpyxl import load_workbook

    from evidencebot.compose import export
    from evidencebot.compose.tender import assemble_tender

    # (session 27: an ask of no shape, 'how you will service and insure the pool cars', is no longer said back; a group's
    # is drafted by its shape)
    answer = assemble_tender(demo_db, "Your answer should cover: how you will support people with an eating disorder; "
                                      "how you will train staff in safeguarding. (400 words)", period=PERIOD)
    doc = answer.to_export()
    marker = answer.coverage[0].marker  # the part's drafted text (session 16), once '[To write: <label>]'
    clean = Document(io.BytesIO(export.to_docx_bytes(doc)))  # the file to submit: the drafted text, no comment
    assert any(marker in p.text for p in clean.paragraphs) and list(clean.comments) == []
    word = Document(io.BytesIO(export.to_docx_bytes(doc, review=True)))  # the bid team's review copy
    assert any(marker in p.text for p in word.paragraphs)
    assert [c.text for c in word.comments] == [answer.coverage[0].note]
    assert not any("No approved method block" in p.text for p in word.paragraphs)
    sheet = load_workbook(io.BytesIO(export.compliance_xlsx(doc)))["Compliance"]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    assert "note for the writer" in rows[[r[0] for r in rows].index("sub-point")]
    assert any(r[-1] == answer.coverage[0].note for r in rows)


def test_pinning_a_story(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, "Cover:\n- housing support\n- crisis plans\n(400 words)", period=PERIOD,
                             story="st13-tenancy-winter")
    assert "st13-tenancy-winter" in [s["id"] for s in answer.sources if s["kind"] == "story"]
    housing = answer.markdown.split("## Crisis plans")[0]
    assert "J. (a pseudonym)" in housing  # the pinned story sits in the part it fits
    with pytest.raises(InputError, match="no story"):
        assemble_tender(demo_db, "Cover:\n- housing\n(200 words)", period=PERIOD, story="nope")


def test_mandated_headings_stand_verbatim_and_the_title_counts_within_the_limit(demo_db):
    # s10 q06's shape. Before: parts headed '1) Preparing ...' (our numbering in front of the buyer's heading),
    # and the limit held the body only: the panel counted the title and headings too (s10 Q05: 500 by ours,
    # 501-509 by theirs)
    from evidencebot.compose.tender import PANEL_MARGIN, assemble_tender
    from evidencebot.compose.words import count_words

    q = ("4.6 TRANSITIONS\n\nDescribe how you will support people at points of transition. You MUST structure your "
         "response using the three headings below, in the order given.\n\n"
         "Heading 1: Support after a hospital stay – how you will make contact within 2 working days of discharge.\n\n"
         "Heading 2: Stepping up and stepping down – how people will move between services as their needs change.\n\n"
         "Heading 3: Families and carers at transition – how you will involve families and carers.\n\n"
         "Maximum 300 words")
    answer = assemble_tender(demo_db, q, period=PERIOD)
    heads = [line[3:] for line in answer.markdown.splitlines() if line.startswith("## ")]
    assert heads == ["Support after a hospital stay", "Stepping up and stepping down", "Families and carers at transition"]
    counted = count_words(answer.plan.title) + count_words(answer.markdown)
    assert answer.counts.words == counted
    assert counted <= 300 - max(3, 300 * PANEL_MARGIN)
