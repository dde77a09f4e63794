"""(perf36, issue 15) Patterns and word sets made from a phrasebank file are made once per loaded file, not per call;
a file read again (a user's copy edited while the app runs) makes them again."""

from __future__ import annotations

from evidencebot.compose import filters, gates, nations, places, site_roles


def test_built_once_makes_a_thing_once_per_loaded_data_and_again_for_new_data():
    made: list[int] = []

    def make() -> list[int]:
        made.append(1)
        return [len(made)]

    first = {"words": ["a"]}
    a = filters.built_once(first, "test.perf36", make)
    b = filters.built_once(first, "test.perf36", make)
    assert a is b and made == [1]
    second = {"words": ["a"]}  # equal, but another load of the file
    c = filters.built_once(second, "test.perf36", make)
    assert c is not a and c == [2] and made == [1, 1]


def test_the_gate_patterns_are_not_compiled_again_on_each_call():
    assert gates._patterns() is gates._patterns()
    assert gates._CONFIRMING_PART() is gates._CONFIRMING_PART()
    assert gates._words_re("frequencies") is gates._words_re("frequencies")
    assert gates._pointers() is gates._pointers() and gates._generic() is gates._generic()


def test_the_places_and_nations_patterns_are_not_compiled_again_on_each_call():
    assert places._re("run_cue") is places._re("run_cue")
    assert places._name_re() is places._name_re()
    assert places._lower_words("generic_words") is places._lower_words("generic_words")
    assert nations._nation_cues() is nations._nation_cues()
    assert nations._welsh("requires") is nations._welsh("requires")
    assert site_roles._generic_words() is site_roles._generic_words()


def test_a_places_file_read_again_gives_its_new_words(monkeypatch):
    """The data still decides: a places.yaml loaded anew (another dict) is read for its own patterns."""
    spec = dict(places._spec())
    spec["run_cue"] = r"\bwill be looked after by the Provider\b"
    monkeypatch.setattr(places, "_spec", lambda: spec)
    assert places._re("run_cue").search("The hub will be looked after by the Provider.")
    assert places._re("run_cue").pattern == spec["run_cue"]


def test_nations_read_answers_as_a_fresh_search_of_each_cue_would():
    import re

    def fresh(text: str) -> tuple[str, str]:
        for nation, cues in (nations._spec().get("nations") or {}).items():
            for cue in cues or []:
                m = re.search(str(cue), text or "")
                if m:
                    return str(nation), " ".join(m.group(0).split())
        return nations.ENGLAND, ""

    texts = ["", "A Health and Social Care Trust commissions the service.", "The health board in Wales asks ...",
             "Staff must be PVG scheme members (Scotland).", "An ICB in England commissions this."]
    for text in texts:
        assert nations.read(text) == fresh(text)
