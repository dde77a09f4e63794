"""The blocks earlier answers of one tender used, found again from the tender's question files (session 34 review).

'assemble tender' notes the blocks an answer used under the question as it read the file (a byte-order mark dropped);
the next answer reads the tender's other files to avoid repeating them. A file saved with a byte-order mark (Word's
'Unicode text') or with blank lines first was read one way and noted another, and nothing was found.
"""

from evidencebot.compose import library
from evidencebot.compose.tender_store import sibling_blocks

QUESTION = "Question 3 – Carers\n\nDescribe how you will support carers, including young carers."


def test_a_file_with_a_byte_order_mark_finds_the_blocks_its_answer_used(db, tmp_path):
    block = library.add_block(db, "Carers' check-ins", "A named worker calls each carer every month.", owner="A. Lead")
    library.record_use(db, [block], "assemble tender", QUESTION)
    path = tmp_path / "q03.md"
    path.write_text("\ufeff" + QUESTION + "\n", encoding="utf-8")
    assert sibling_blocks(db, [path]) == {block}


def test_another_tenders_question_finds_nothing(db, tmp_path):
    block = library.add_block(db, "Carers' check-ins", "A named worker calls each carer every month.", owner="A. Lead")
    library.record_use(db, [block], "assemble tender", QUESTION)
    path = tmp_path / "q04.md"
    path.write_text("Question 4 – Housing\n\nDescribe how you will help people keep their homes.\n", encoding="utf-8")
    assert sibling_blocks(db, [path]) == set()
