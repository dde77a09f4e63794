"""A user's intake_shapes.yaml is read again (s20 cleanup 5).

Session 19 folded intake_shapes.yaml into intake.yaml (one file, one loader); since then a user's own
intake_shapes.yaml in the config dir was silently ignored. The intake's vocabulary now loads as every phrasebank
file does: a user's intake.yaml replaces the file, an intake-*.yaml (or the older intake_shapes.yaml) adds the lists
it names, and a list with the id of a shipped one replaces it; the old ids (askers, asker_modals) are read as the
lists they are now. Fails on before20 (no load_word_lists; the override is not read).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evidencebot import locations
from evidencebot.errors import ConfigError

SRC = str(Path(__file__).parents[2] / "src")
OLD_SHAPES = """version: 1
askers: [commissioned partners]
asker_modals: [ought to]
ask_verbs: [spell out]
"""


@pytest.fixture
def phrasebank(isolated_home) -> Path:
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_file_adds_lists_and_a_list_with_a_shipped_id_replaces_it(phrasebank):
    from evidencebot.compose.filters import load_phrasebank, load_word_lists

    shipped = load_phrasebank("intake.yaml")
    (phrasebank / "intake_shapes.yaml").write_text(OLD_SHAPES, encoding="utf-8")
    (phrasebank / "intake-local.yaml").write_text("asker:\n  opening: [in reply to this question]\n"
                                                  "section_labels: [what good looks like]\n", encoding="utf-8")
    data = load_word_lists("intake.yaml", also=("intake_shapes.yaml",))
    assert data["asker"]["who"] == ["commissioned partners"] and data["asker"]["modal"] == ["ought to"]
    assert data["asker"]["opening"] == ["in reply to this question"]
    assert data["asker"]["response"] == shipped["asker"]["response"]  # a list not named is kept
    assert data["ask_verbs"] == ["spell out"] and data["section_labels"] == ["what good looks like"]
    assert data["verbs"] == shipped["verbs"] and "askers" not in data and "version" not in data
    assert load_phrasebank("intake.yaml") == shipped  # the cached shipped data are not changed by the merge


def test_a_list_given_as_something_else_is_an_error_naming_the_file(phrasebank):
    from evidencebot.compose.filters import load_word_lists

    (phrasebank / "intake-local.yaml").write_text("verbs: spell out\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"intake-local\.yaml: 'verbs' should be a list"):
        load_word_lists("intake.yaml")


def test_the_intake_reads_a_users_old_intake_shapes_file(phrasebank):
    """The intake reads its vocabulary once, when it is imported: a fresh interpreter with the user's config dir."""
    (phrasebank / "intake_shapes.yaml").write_text(OLD_SHAPES, encoding="utf-8")
    code = ("from evidencebot.compose import questions as Q\n"
            "print(bool(Q._shape('should_ask').match('Commissioned partners ought to spell out how they will')),"
            " bool(Q._shape('should_ask').match('Bidders should describe how they will')))")
    env = dict(os.environ, PYTHONPATH=SRC)  # EVIDENCEBOT_HOME: the test's own home (isolated_home)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"], out.stderr
