"""evidencebot.text: sentences as character spans, words, month names, number words."""

from __future__ import annotations

import pytest

from evidencebot import text as T


def split(s: str) -> list[str]:
    return T.sentences(s)


# ------------------------------------------------------------------ sentences

def test_spans_point_into_the_text_and_leave_out_the_space_between():
    s = "  First one.  Second one!\tThird?  "
    spans = T.sentence_spans(s)
    assert [s[a:b] for a, b in spans] == ["First one.", "Second one!", "Third?"]
    assert spans[0][0] == 2 and spans[-1][1] == len(s.rstrip())
    assert all(not s[a].isspace() and not s[b - 1].isspace() for a, b in spans)


def test_empty_and_blank_text_has_no_sentences():
    assert T.sentence_spans("") == []
    assert T.sentence_spans(None) == []  # type: ignore[arg-type]
    assert T.sentence_spans(" \n\n \t") == []


@pytest.mark.parametrize("abbrev", ["e.g.", "i.e.", "Dr.", "Mr.", "Mrs.", "Ms.", "vs.", "approx.", "cf.", "St.", "Prof."])
def test_an_abbreviation_before_a_capital_ends_no_sentence(abbrev):
    s = f"We asked {abbrev} Housing Options about it. Then we left."
    assert split(s) == [f"We asked {abbrev} Housing Options about it.", "Then we left."]


def test_abbreviation_inside_a_bracket_ends_no_sentence():
    assert split("Some support (e.g. Money advice) helped. Most stayed.") == [
        "Some support (e.g. Money advice) helped.", "Most stayed."]


@pytest.mark.parametrize("s, n", [
    ("Waits fell to 12.5 days. Most people stayed.", 2),
    ("It cost £1.2m. That was planned.", 2),
    ("Version 2.0.1 shipped. It works.", 2),
    ("We saw 3.75 per 100 people.", 1),
])
def test_a_decimal_point_never_ends_a_sentence(s, n):
    assert len(split(s)) == n
    assert all(not p.endswith(("12.", "1.", "2.", "3.")) for p in split(s))


@pytest.mark.parametrize("s", [
    "J. Smith chaired it. Everyone came.",
    "J.R. Smith chaired it. Everyone came.",
    "The lead was A. B. Okafor from the trust. Everyone came.",
])
def test_initials_end_no_sentence(s):
    assert len(split(s)) == 2 and split(s)[1] == "Everyone came."


def test_number_abbreviations_end_no_sentence_before_a_number_only():
    assert split("See No. 5 in the list. Then p. 12 of the plan. We said no. Then we left.") == [
        "See No. 5 in the list.", "Then p. 12 of the plan.", "We said no.", "Then we left."]


def test_number_abbreviations_end_no_sentence_before_a_code_with_digits():
    # (p21) a prison number after "no." is the same sentence: split there, its date lost the person it was released
    assert split("Dean Ward, prison no. C5519RT, is out on 3rd May. We said no. Then we left.") == [
        "Dean Ward, prison no. C5519RT, is out on 3rd May.", "We said no.", "Then we left."]


def test_etc_before_a_capital_ends_a_sentence_but_not_before_a_small_letter():
    assert split("Housing, debt etc. The team helps. Housing, debt etc. and more.") == [
        "Housing, debt etc.", "The team helps.", "Housing, debt etc. and more."]


def test_quotes_close_with_their_sentence():
    s = 'She said "It helped." The team agreed. \u201cIt works,\u201d he said. \u2018Good.\u2019 Then silence.'
    assert split(s) == ['She said "It helped."', "The team agreed.", "\u201cIt works,\u201d he said.",
                        "\u2018Good.\u2019", "Then silence."]


def test_a_question_in_quotes_followed_by_a_small_letter_is_one_sentence():
    assert split('"Is it safe?" she asked. "Yes!" Sam replied.') == ['"Is it safe?" she asked.', '"Yes!"', "Sam replied."]


def test_brackets_and_openers():
    assert split("It fell (from 20 to 12 days.) (The base was 40.) [Note.] 12 people left.") == [
        "It fell (from 20 to 12 days.)", "(The base was 40.)", "[Note.]", "12 people left."]


def test_a_small_letter_after_a_full_stop_is_not_a_new_sentence():
    assert split("Use the form. then send it.") == ["Use the form. then send it."]


def test_ellipsis_and_runs_of_marks():
    assert split("We waited... Then help came. Really?! Yes. And then\u2026 Nothing.") == [
        "We waited...", "Then help came.", "Really?!", "Yes.", "And then\u2026", "Nothing."]


def test_a_blank_line_ends_a_sentence_a_single_line_break_does_not():
    s = "Outcomes\n\nPeople felt safer\nand stayed longer. Most did.\n  \n- a bullet"
    assert split(s) == ["Outcomes", "People felt safer\nand stayed longer.", "Most did.", "- a bullet"]


def test_pound_digit_and_placeholder_start_sentences():
    assert split("It cost less. £40 was saved. 12 people came. {provider} leads it.") == [
        "It cost less.", "£40 was saved.", "12 people came.", "{provider} leads it."]


def test_sentences_are_the_span_texts():
    s = "One. Two (e.g. Three). Four!"
    assert T.sentences(s) == [s[a:b] for a, b in T.sentence_spans(s)]


# ---------------------------------------------------------------------- words

def test_a_phrase_is_found_only_as_whole_words():
    text = "we cannot attribute this; cannot attribute. uncannot attribute-d, cannot attributed"
    assert list(T.phrase_spans(text, "cannot attribute")) == [(3, 19), (26, 42)]
    assert list(T.phrase_spans("a-b xa-b a-b-c", "a-b")) == [(0, 3), (9, 12)]  # a hyphen is a word's edge
    assert list(T.phrase_spans("aa aaa", "aa")) == [(0, 2)]
    assert list(T.phrase_spans("a a a", "a a")) == [(0, 3), (2, 5)]  # overlapping ones too
    assert T.has_phrase("the 24 hour line", "24 hour")
    assert not T.has_phrase("the 240 hours", "24 hour")
    assert not T.has_phrase("", "x")


def test_words_keep_inner_apostrophes_and_hyphens():
    assert T.words("Don't step-down 24-48 hours, A&E; 63% (n=45) café") == [
        "Don't", "step-down", "24-48", "hours", "A", "E", "63", "n", "45", "café"]
    s = "a step-down bed"
    assert [s[a:b] for a, b in T.word_spans(s)] == ["a", "step-down", "bed"]
    assert T.words("") == [] and T.words(None) == []  # type: ignore[arg-type]


def test_letter_words_leave_out_numbers_and_short_words():
    assert T.letter_words("Q4 we saw 45 step-ups in A&E", 3) == ["saw", "step-ups"]
    assert T.letter_words("Q4 we saw", 2) == ["we", "saw"]
    assert T.letter_words("a b c", 1) == ["a", "b", "c"]


def test_lower_words_are_ascii_letter_runs():
    assert T.lower_words("Waits FELL, didn't rise") == ["waits", "fell", "didn", "t", "rise"]


# --------------------------------------------------------------------- months

def test_month_table_has_every_spelling_including_may_and_sept():
    assert T.month_number("May") == 5 and T.month_number("may") == 5
    assert T.month_number("Sept") == 9 and T.month_number("sep.") == 9 and T.month_number("September") == 9
    assert T.month_number("Monday") is None and T.month_number("") is None
    # 12 names + 11 three-letter forms ("may" is both) + "sept"
    assert len(T.MONTHS) == 24 and sorted(set(T.MONTHS.values())) == list(range(1, 13))
    assert "May" in T.MONTH_WORDS and "Sept" in T.MONTH_WORDS and len(T.MONTH_NAMES) == 12


def test_month_pattern_matches_every_spelling():
    import re

    pattern = re.compile(rf"^{T.MONTH_PATTERN}$", re.I)
    assert all(pattern.match(w) for w in T.MONTHS)
    assert not pattern.match("mayor") and not pattern.match("monday")


def test_may_and_march_are_months_only_next_to_a_day_or_a_year():
    s = "We may meet on 3 May, or in May 2025; we march on in October and March, 2024, and Mayor Jan Smith."
    found = [(s[a:b], n) for a, b, n in T.month_mentions(s)]
    assert found == [("May", 5), ("May", 5), ("October", 10), ("March", 3)]


def test_unambiguous_months_count_anywhere():
    assert [n for _, _, n in T.month_mentions("in october, from Feb. to Aug, then 1st of June 2026")] == [10, 2, 8, 6]


# --------------------------------------------------------------- number words

@pytest.mark.parametrize("word, value", [
    ("zero", 0), ("one", 1), ("Twelve", 12), ("eighteen", 18), ("twenty", 20),
    ("twenty-four", 24), ("Twenty four", 24), ("ninety-nine", 99), ("hundred", 100),
])
def test_number_words(word, value):
    assert T.number_value(word) == value


def test_not_number_words():
    assert T.number_value("twenty-zero") is None and T.number_value("dozen") is None and T.number_value("") is None


def test_number_word_pattern_prefers_the_longest_form():
    import re

    m = re.search(T.number_word_pattern(), "the last twenty-four months")
    assert m and m.group() == "twenty-four"
    assert len(T.NUMBER_WORDS) == 20 + 8 + 72 + 1


def test_a_pattern_table_is_regular_expressions_declared_as_data():
    """One reader for the pattern tables the modules declare as data (compose/question_limits.yaml): parts named
    as {NAME} (a part may name an earlier one), a pattern or a list of them, flags written at a pattern's start."""
    from evidencebot.text import PatternTable

    table = PatternTable({"parts": {"N": r"(\d+)", "W": r"{N}\s+words"}, "limit": r"(?i)max\s+{W}",
                          "lines": [r"(?im)^{N}$", "x{1,2}"]})
    assert table.parts == {"N": r"(\d+)", "W": r"(\d+)\s+words"}
    assert table.limit.search("MAX 500 Words").group(1) == "500"
    assert [p.pattern for p in table.lines] == [r"(?im)^(\d+)$", "x{1,2}"]
    assert table.lines[0].findall("a\n12\n3") == ["12", "3"] and table.lines[1].fullmatch("xx")
    with pytest.raises(AttributeError):
        _ = table.missing
    given = PatternTable({"date": r"(?i)\b(?P<m>{MONTH})\s+20\d\d"}, MONTH="january|february")  # a part the code makes
    assert given.date.search("from February 2027").group("m") == "February" and not given.date.search("May 2027")


def test_the_question_limit_tables_read_from_data():
    from evidencebot.compose import questions as Q

    assert len(Q._WORD_LIMITS) == 22 and len(Q._CHAR_LIMITS) == 10 and len(Q._PAGE_LIMITS) == 7
    assert len(Q._WEIGHTINGS) == 26 and Q._N == r"(\d[\d,]*(?:\.\d+)?)"
    assert Q.read_limits("Maximum 500 words. Weighting: 10%").words == 500


# ------------------------------------------------------------------ quotes and the form texts are matched in
# (session 17: three quote-character sets in language/privacy.py, privacy_filter.py and overclaim/engine.py, and
# three _norm functions in compose/figure_clauses.py, commitments.py and tender.py, now these)

def test_one_set_of_quotation_marks_straight_and_curly():
    assert T.QUOTES == frozenset(T.OPEN_QUOTES) | frozenset(T.CLOSE_QUOTES) == frozenset("\"'‘’“”")
    assert set("‘“") <= set(T.OPEN_QUOTES) and set("’”") <= set(T.CLOSE_QUOTES)
    from evidencebot.language import privacy_filter
    from evidencebot.language.overclaim import engine

    assert privacy_filter._QUOTE_OPEN == frozenset(engine.OPEN_QUOTES) == frozenset(T.OPEN_QUOTES)


def test_straight_quotes_and_the_match_form():
    assert T.straight_quotes("the ‘Best Start’ “programme”") == "the 'Best Start' \"programme\""
    assert T.straight_quotes(None) == ""
    assert T.match_form("Within 10 Working-Days (of referral).") == "within 10 working days of referral"
    assert T.match_form("  80%  of   people; ") == "80% of people"
    assert T.match_form("") == ""
