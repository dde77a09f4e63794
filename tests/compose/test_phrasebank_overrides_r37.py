"""(review, session 37) nations, partner_kinds and site_roles build their patterns once per loaded phrasebank file
(filters.built_once), so a user's copy in the config folder, written or edited while the app runs, is read: before,
partner_kinds and site_roles kept the first file they read for the life of the process (functools.cache)."""

from __future__ import annotations

import copy
import os

import yaml

from evidencebot import locations
from evidencebot.compose import filters, nations, partner_kinds, site_roles


def _write_user_copy(name: str, data: dict, later: int = 0) -> None:
    """``data`` as the user's ``name``; ``later`` seconds are added to its time of change, so an edit within the same
    clock tick is still seen as a new file."""
    path = locations.user_dir("phrasebank")
    path.mkdir(parents=True, exist_ok=True)
    target = path / name
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    stamp = target.stat().st_mtime + later
    os.utime(target, (stamp, stamp))


def _shipped(name: str) -> dict:
    return copy.deepcopy(filters.load_phrasebank(name))


def test_a_users_nations_file_edited_while_running_is_read():
    text = "The Glanmor Valleys service is commissioned jointly."
    assert nations.read(text) == (nations.ENGLAND, "")
    data = _shipped(nations.PHRASEBANK)
    data["nations"]["Wales"] = [*data["nations"]["Wales"], r"\bGlanmor Valleys\b"]
    _write_user_copy(nations.PHRASEBANK, data)
    assert nations.read(text) == ("Wales", "Glanmor Valleys")
    data["nations"]["Wales"] = data["nations"]["Wales"][:-1]
    data["nations"]["Scotland"] = [*data["nations"]["Scotland"], r"\bGlanmor Valleys\b"]
    _write_user_copy(nations.PHRASEBANK, data, later=5)
    assert nations.read(text) == ("Scotland", "Glanmor Valleys")


def test_a_users_partner_kinds_file_edited_while_running_is_read():
    name = "the Quenby Listening Panel"
    assert partner_kinds.kind_of(name) == partner_kinds.ORGANISATION
    data = _shipped(partner_kinds.PHRASEBANK)
    data["kinds"]["representative"]["words"] = [*data["kinds"]["representative"]["words"], "Listening Panel"]
    _write_user_copy(partner_kinds.PHRASEBANK, data)
    assert partner_kinds.kind_of(name) == partner_kinds.REPRESENTATIVE
    data["kinds"]["representative"]["words"] = data["kinds"]["representative"]["words"][:-1]
    _write_user_copy(partner_kinds.PHRASEBANK, data, later=5)
    assert partner_kinds.kind_of(name) == partner_kinds.ORGANISATION


def test_a_users_site_roles_file_and_an_added_list_file_are_read_while_running():
    said = "People may turn up unannounced at the hub."
    assert not site_roles.walk_in(said)
    data = _shipped(site_roles.PHRASEBANK)
    data["walk_in"] = r"\bturn\s+up\s+unannounced\b"
    _write_user_copy(site_roles.PHRASEBANK, data)
    assert site_roles.walk_in(said) and not site_roles.walk_in("People may walk in.")
    # a file adding to site_roles.yaml (filters.load_word_lists: 'site_roles-*.yaml') replaces the list it names
    _write_user_copy("site_roles-local.yaml", {"walk_in": r"\bwalk(?:ing)?[- ]in\b"}, later=5)
    assert site_roles.walk_in("People may walk in.") and not site_roles.walk_in(said)
    (locations.user_dir("phrasebank") / "site_roles-local.yaml").unlink()
    assert site_roles.walk_in(said)


def test_the_places_a_tender_names_are_read_again_from_a_new_site_roles_file():
    text = "The Provider will run the Harrow Mill House base.\n"
    before = {p.name: p.role for p in site_roles.read(text)}
    assert before.get("Harrow Mill House") == "ours", before
    data = _shipped(site_roles.PHRASEBANK)
    data["generic_words"] = [*data.get("generic_words", []), "Harrow", "Mill"]
    _write_user_copy(site_roles.PHRASEBANK, data)
    after = {p.name for p in site_roles.read(text)}
    assert "Harrow Mill House" not in after, after


def test_inside_one_block_the_word_lists_files_are_looked_at_once(monkeypatch):
    """(review of s37) site_roles asked for its lists hundreds of times per text, each time stat-ing and listing the
    phrasebank folders; inside filters.files_checked_once the files are looked at once, and again by the next block."""
    from evidencebot.compose import filters

    calls = []
    real = filters._added_lists
    monkeypatch.setattr(filters, "_added_lists", lambda *a: calls.append(a) or real(*a))
    with filters.files_checked_once():
        first = filters.word_lists_once("site_roles.yaml")
        assert all(filters.word_lists_once("site_roles.yaml") is first for _ in range(5))
    assert len(calls) == 1
    filters.word_lists_once("site_roles.yaml")
    filters.word_lists_once("site_roles.yaml")
    assert len(calls) == 3  # outside a block every call looks (an edit is seen at once)
