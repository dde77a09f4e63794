"""Wide tables in replies become lists in a narrow terminal (pure text, no UI)."""

from __future__ import annotations

from evidencebot.assistant.layout import as_list, cell_width, fit_tables, needed_width, split_row

INDICATORS = """### Safety indicators

| indicator | value | 95% CI | before | SPC verdict |
|---|---:|---|---:|---|
| Crisis events per 100 | 22.9 /100 (11/48) | 11.4–41.0 | 17.6 /100 | · common cause |
| Repeat crisis use | 37.5% (3/8) | 13.7–69.4 | – | ▲ improvement |
Text straight after the table.
"""


def test_a_table_that_fits_is_left_alone():
    assert fit_tables(INDICATORS, 114) == INDICATORS
    assert fit_tables(INDICATORS, None) == INDICATORS  # width not known yet


def test_a_table_too_wide_becomes_a_list_with_the_same_words():
    narrow = fit_tables(INDICATORS, 74)
    assert "|" not in narrow
    assert narrow.splitlines()[:5] == [
        "### Safety indicators",
        "",
        "- **Crisis events per 100** — value: 22.9 /100 (11/48); 95% CI: 11.4–41.0; before: 17.6 /100; "
        "SPC verdict: · common cause",
        "- **Repeat crisis use** — value: 37.5% (3/8); 95% CI: 13.7–69.4; SPC verdict: ▲ improvement",
        "",  # so the next line does not run on into the last item
    ]
    assert narrow.splitlines()[5] == "Text straight after the table."


def test_the_needed_width_counts_padding_rules_and_capped_columns():
    header, rows = ["a", "b"], [["x" * 40, "yy"]]
    assert needed_width(header, rows) == 3 + 4 + 24 + 2
    assert needed_width(header, rows, min_column=10) == 3 + 4 + 10 + 2


def test_help_style_two_column_tables_stay_tables_at_80_columns():
    from evidencebot.assistant.actions import help_markdown

    text = help_markdown()
    assert fit_tables(text, 74) == text


def test_cells_markup_escapes_and_fences():
    assert split_row(r"| a \| b | `c` |") == ["a | b", "`c`"]
    assert cell_width("**bold** `code`") == len("bold code")
    assert cell_width("界") == 2
    assert as_list(["id", "what"], [["`T01`", ""]]) == ["- `T01`"]
    assert as_list(["at", "why", "try"], [["1:1", "It claims too much.", "Say less."]]) == [
        "- **1:1** — why: It claims too much; try: Say less."]
    assert as_list(["at", "changes", "who"], [["1", "consent: none...", "Ana"]]) == [
        "- **1** — changes: consent: none...; who: Ana"]
    fenced = "```\n| a | b |\n|---|---|\n| " + "x" * 90 + " | y |\n```"
    assert fit_tables(fenced, 40) == fenced
