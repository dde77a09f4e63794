"""Issue 18, defect 4: personal data hidden in Markdown, written with unusual
digits or in words, National Insurance numbers and written-out e-mail
addresses are found; HTML exports never reference remote resources.

Each test failed on the code before the fix."""

from __future__ import annotations

import pytest

from evidencebot.language.checker import Checker

NHS = "943 476 5919"


@pytest.fixture(scope="module")
def privacy():
    checker = Checker(families=["privacy"])

    def rules(text: str, path: str = "draft.md") -> list[tuple[str, str]]:
        return [(f.rule, text[f.start:f.end]) for f in checker.check_text(text, path=path)]

    return rules


@pytest.mark.parametrize("text", [
    f"A good month.\n\n![Jane at the hub, {NHS}](photo.png)\n",
    f"See [the notes](https://example.org/notes?nhs={NHS.replace(' ', '')}).\n",
    f'See [the notes](notes.md "record {NHS}").\n',
    f"The id `{NHS}` was used.\n",
    f"Before.\n\n```\nnhs: {NHS}\n```\n\nAfter.\n",
    f"Before.\n\n    nhs: {NHS}\n\nAfter.\n",
    f"Before.\n\n<!-- nhs {NHS} -->\n\nAfter.\n",
    f"---\ntitle: A story\nnhs: {NHS}\n---\n\nAfter.\n",
    f'Before.\n\n<img alt="{NHS}" src="p.png">\n\nAfter.\n',
    f"[notes]: https://example.org/?n={NHS.replace(' ', '')}\n\nSee [notes].\n",
], ids=["alt", "link-target", "link-title", "code-span", "fenced", "indented", "comment", "front-matter",
        "html-attribute", "reference-definition"])
def test_markdown_hidden_text_reaches_the_privacy_family(privacy, text):
    found = privacy(text)
    assert any(rule == "privacy.nhs-number" for rule, _ in found), found
    hit = next(m for rule, m in found if rule == "privacy.nhs-number")
    assert hit.replace(" ", "").replace("-", "") == NHS.replace(" ", "")  # offsets point at the digits


def test_hidden_text_is_not_checked_for_over_claiming():
    checker = Checker(families=["overclaim"])
    plain = checker.check_text("Our service is the best in the country.\n", path="a.md")
    hidden = checker.check_text("![Our service is the best in the country](x.png)\n", path="a.md")
    assert plain and not hidden


@pytest.mark.parametrize("written", [
    "943.476.5919",
    "９４３ ４７６ ５９１９",                       # full-width digits
    "٩٤٣ ٤٧٦ ٥٩١٩",                               # Arabic-Indic digits
    "943\u200b476\u200b5919",                      # zero-width spaces
    "9\u200d4\u200d3 476 5919",                    # zero-width joiners
    "nine four three four seven six five nine one nine",
    "Nine-four-three, four-seven-six, five-nine-one-nine",
], ids=["dots", "full-width", "arabic-indic", "zero-width-space", "zero-width-joiner", "words", "words-hyphens"])
def test_nhs_numbers_written_unusually_are_found(privacy, written):
    text = f"His NHS number is {written} and he agreed to share it.\n"
    found = privacy(text)
    hits = [m for rule, m in found if rule == "privacy.nhs-number"]
    assert hits and written.rstrip(".").lower().startswith(hits[0][:4].lower()), found


def test_invalid_numbers_in_unusual_digits_do_not_flag(privacy):
    assert not [r for r, _ in privacy("Reference ９４３ ４７６ ５９１８ fails the check digit.\n")
                if r == "privacy.nhs-number"]
    assert not [r for r, _ in privacy("We counted one two three people at the door.\n")
                if r == "privacy.nhs-number"]


@pytest.mark.parametrize("ni", ["AB 12 34 56 C", "AB123456C", "ab 12 34 56 c", "JG-10-37-59-D"])
def test_national_insurance_numbers(privacy, ni):
    found = privacy(f"Her National Insurance number is {ni} on the form.\n")
    assert ("privacy.ni-number", ni) in found, found


@pytest.mark.parametrize("text", ["Invoice GB 12 34 56 A was paid.", "Form BG123456A is old.",
                                  "Code QQ123456Z is not a number."])
def test_ni_lookalikes_do_not_flag(privacy, text):
    assert not [r for r, _ in privacy(text + "\n") if r == "privacy.ni-number"]


@pytest.mark.parametrize("written", ["jane dot smith at example dot com",
                                     "jane.smith at example dot co dot uk",
                                     "j smith (at) example (dot) org",
                                     "jane [dot] smith [at] example [dot] com"])
def test_written_out_email_addresses(privacy, written):
    found = privacy(f"Write to {written} for the notes.\n")
    assert any(rule == "privacy.email" for rule, _ in found), found


def test_email_words_in_ordinary_prose_do_not_flag(privacy):
    found = privacy("We met at the hub at ten and looked at the data.\n")
    assert not [r for r, _ in found if r == "privacy.email"]


def test_html_exports_never_reference_remote_resources():
    from evidencebot.compose.export import ExportDoc, to_html

    body = ("A month of progress.\n\n![chart](https://tracker.example/pixel.png?nhs=9434765919)\n\n"
            "<img src=\"http://evil.example/x.gif\">\n\n[our site](https://example.org/page)\n")
    html = to_html(ExportDoc(title="Review", body=body)).lower()
    for marker in ("src=\"http", "src='http", "src=http", "url(http", "@import", "srcset"):
        assert marker not in html, marker
    assert "9434765919" not in html


@pytest.mark.parametrize("text", [
    "We met jane smith at the clinic on Tuesday.\n",
    "Later that week mohammed ali phoned the team to say he had moved.\n",
], ids=["jane-smith", "mohammed-ali"])
def test_lower_case_names_are_found(privacy, text):
    """The attack run's lower-case names (fixed by issue 15's privacy work; kept here as a regression)."""
    found = [rule for rule, _ in privacy(text)]
    assert "privacy.person-name" in found, found
