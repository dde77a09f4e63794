"""The question intake's vocabulary is data, and its heading maker reads verbs by structure (issue 12, session 18).

s17 q01 gave 'Receiving, screen and allocate referrals' and 'Staffing your service and organised to deliver ...':
'screen', 'allocate' and 'organised' were not in the code's verb list, so only the first verb of each coordination
became an -ing form. The word lists are in phrasebank/intake.yaml (issue 15 item 3: no literal word list in a check
module), and every item of a coordinated run of verbs takes the same form, known to the list or not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

# schema names, not vocabulary: a topic's keys in question_terms.yaml and a questionnaire cell's kinds
SCHEMA = {("label", "terms", "domains", "indicators", "stories", "learning", "system", "lead", "leads"),
          ("ref", "question", "guidance", "limit", "weighting")}


def word_lists(source: str) -> list[tuple[int, tuple[str, ...]]]:
    """Literal lists, tuples and sets of three or more strings, and "a b c".split() word lists."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = tuple(e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))
            if len(words) >= 3:
                out.append((node.lineno, words))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str) \
                and len(node.func.value.value.split()) >= 3:
            out.append((node.lineno, tuple(node.func.value.value.split())))
    return out


def test_the_scan_finds_both_shapes_of_word_list():
    found = word_lists('A = {"and", "or", "of"}\nB = set("to with for".split())\nC = ("a", "b")\n')
    assert [line for line, _ in found] == [1, 2]


def test_the_intake_holds_no_word_list_in_its_code():
    from evidencebot.compose import questions

    source = Path(questions.__file__).read_text(encoding="utf-8")  # the module under test, wherever it is installed
    found = [(line, words[:6]) for line, words in word_lists(source)
             if tuple(sorted(words)) not in {tuple(sorted(s)) for s in SCHEMA}]
    assert not found, f"questions.py: word lists belong in phrasebank/intake.yaml: {found}"


@pytest.mark.parametrize("asked, heading", [
    ("How you will receive, screen and allocate referrals from the CMHTs, the CRHTT and other referrers",
     "Receiving, screening and allocating referrals from the CMHTs, the CRHTT and other referrers"),
    ("How your service will be staffed and organised to deliver support 8am to 8pm, seven days a week.",
     "Staffing and organising your service to deliver support 8am to 8pm, seven days a week"),
    ("how you will prepare for and take part in quality visits by the ICB and the Council.",
     "Preparing for and taking part in quality visits by the ICB and the Council"),
    ("how you will triage, prioritise and signpost people", "Triaging, prioritising and signposting people"),
])
def test_every_verb_of_a_coordination_takes_the_same_form(asked, heading):
    from evidencebot.compose.questions import make_heading

    assert make_heading(asked) == heading


@pytest.mark.parametrize("word, base", [("organised", "organise"), ("allocated", "allocate"), ("staffed", "staff"),
                                        ("planned", "plan"), ("screened", "screen"), ("tried", "try"),
                                        ("delivered", "deliver"), ("visited", "visit"), ("valued", "value")])
def test_a_participle_is_read_back_to_its_base_by_the_list_or_the_spelling_rules(word, base):
    from evidencebot.compose.questions import verb_base

    assert verb_base(word) == base


def test_the_intake_vocabulary_is_the_phrasebanks():
    import yaml

    from evidencebot import locations
    from evidencebot.compose import questions as Q

    data = yaml.safe_load((locations.packaged_dir("phrasebank") / "intake.yaml").read_text(encoding="utf-8"))
    assert Q._COMMON_VERBS == frozenset(data["verbs"]) and "receive" in Q._COMMON_VERBS
    assert Q.END_BAD == frozenset(data["end_bad"]) and Q._OPEN_END == frozenset(data["open_end"])
    assert Q._ASKER_MODAL.match("In answering this question you should")


def test_one_vocabulary_file_and_one_loader_for_the_intake():
    """Session 19 (brief item 4): intake.yaml and intake_shapes.yaml were two files with two loaders, and 'who asks'
    was written in both (asker.who, askers). One file, one loader, one list for the bidders who are asked."""
    import yaml

    from evidencebot import locations
    from evidencebot.compose import questions as Q

    folder = locations.packaged_dir("phrasebank")
    assert not (folder / "intake_shapes.yaml").exists()
    data = yaml.safe_load((folder / "intake.yaml").read_text(encoding="utf-8"))
    assert "askers" not in data and "tenderers" in data["asker"]["who"]
    assert not hasattr(Q, "_alternation")  # one builder of alternations: _words_pattern
    # the guidance ask and the lead-in that only names who answers read the same list
    assert Q._shape("should_ask").match("Tenderers should describe how they will ...")
    assert Q._ASKER_MODAL.match("Tenderers shall")
    assert not Q._shape("should_ask").match("Your response should describe how ...")  # the answer is not an asker
