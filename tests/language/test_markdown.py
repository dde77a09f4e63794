"""Finding the prose in Markdown and plain text, with offsets into the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidencebot.language.markdown import (
    clear_cache,
    extract_blocks,
    markup_for,
    quote_spans,
    split_chunks,
)

DOC = """---
title: Tender answer
owner: bids
---
# How we *evidence* outcomes

Our team **reduced** admissions, see [the dashboard](https://example.org/dash "title") and `code`.
Second line of the same paragraph &amp; an escaped \\* star.

> "The café is the best," a member said.
> Second quoted line.

- first item
- second item with https://www.nhs.uk/page link
  continued on the next line

| indicator | value |
|---|---|
| follow-up **rate** | 79% |

```python
reduced_admissions = True  # not prose
```

    indented code is not prose

<!-- a plain comment -->

Last paragraph.
"""


def _check_mapping(doc: str, blocks) -> None:
    for b in blocks:
        for i, ch in enumerate(b.text):
            if ch == " ":
                continue
            assert doc[b.to_original(i)] == ch, (b.text, i, ch, doc[b.to_original(i)])


def test_prose_blocks_and_kinds():
    blocks = extract_blocks(DOC)
    texts = [b.text for b in blocks]
    assert texts[0] == "How we evidence outcomes"
    assert blocks[0].kind == "heading"
    para = blocks[1]
    assert para.kind == "paragraph"
    assert "Our team reduced admissions, see the dashboard and" in para.text
    assert "https" not in para.text and "code" not in para.text
    assert "& an escaped * star." in para.text
    quote = next(b for b in blocks if b.quote)
    assert quote.text.startswith('"The café is the best," a member said.')
    items = [b for b in blocks if b.kind == "list_item"]
    assert [b.text.split()[0] for b in items] == ["first", "second"]
    assert "www.nhs.uk" not in items[1].text and "continued on the next line" in items[1].text
    cells = [b.text for b in blocks if b.kind == "table_cell"]
    assert cells == ["indicator", "value", "follow-up rate", "79%"]
    assert texts[-1] == "Last paragraph."
    joined = " ".join(texts)
    for skipped in ("reduced_admissions", "indented code", "plain comment", "title:", "owner"):
        assert skipped not in joined


def test_offsets_map_back_to_the_original():
    blocks = extract_blocks(DOC)
    _check_mapping(DOC, blocks)
    para = blocks[1]
    start = para.text.index("reduced")
    s, e = para.span_to_original(start, start + len("reduced"))
    assert DOC[s:e] == "reduced"


def test_front_matter_only_at_the_top():
    text = "Intro paragraph.\n\n---\n\nAfter a thematic break.\n"
    assert [b.text for b in extract_blocks(text)] == ["Intro paragraph.", "After a thematic break."]


def test_inline_switches_are_block_level():
    text = (
        "First.\n\n<!-- evidencebot off -->\n\nSecond.\n\n<!-- evidencebot on -->\n\n"
        "<!-- evidencebot overclaim.superlative = NO -->\n\nThird.\n\n"
        "<!-- evidencebot overclaim.superlative = YES, privacy = NO -->\n\nFourth.\n"
    )
    blocks = {b.text: b for b in extract_blocks(text)}
    assert not blocks["First."].off
    assert blocks["Second."].off
    assert not blocks["Third."].off and blocks["Third."].disabled == {"overclaim.superlative"}
    assert blocks["Fourth."].disabled == {"privacy"}


def test_plain_text_keeps_everything_verbatim():
    text = "    Indented line is prose here.\n# not a heading\n\n* not a list *\n"
    blocks = extract_blocks(text, markup="text")
    assert [b.text for b in blocks] == ["Indented line is prose here. # not a heading", "* not a list *"]
    _check_mapping(text, blocks)
    assert markup_for("draft.txt") == "text" and markup_for("draft.md") == "markdown" and markup_for("-") == "markdown"


def test_chunks_do_not_split_fences_lists_or_comments():
    text = "Para.\n\n```\ncode\n\nmore code\n```\n\n- item\n\n  continued\n\n<!--\n\nmulti\n-->\n\nEnd.\n"
    chunks = [c for _, c in split_chunks(text)]
    assert any("code\n\nmore code" in c for c in chunks)
    assert any("- item\n\n  continued" in c for c in chunks)
    assert any("<!--\n\nmulti\n-->" in c for c in chunks)
    assert "".join(chunks) == text


def test_quote_spans():
    text = 'She said, "I feel safer now," and the team is the "best" in the area.'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ['"I feel safer now,"']
    curly = "One tenant called it “the safest place I have lived in years”."
    assert [curly[s:e] for s, e in quote_spans(curly)] == ["“the safest place I have lived in years”"]
    single = "He told us 'the crisis café kept me out of A&E' last week."
    assert [single[s:e] for s, e in quote_spans(single)] == ["'the crisis café kept me out of A&E'"]
    assert quote_spans("People's needs and users' needs differ.") == []


def test_chunk_cache_is_used_and_can_be_cleared():
    clear_cache()
    first = extract_blocks(DOC)
    second = extract_blocks(DOC)
    assert [b.text for b in first] == [b.text for b in second]


MARKDOWN_BITS = st.sampled_from([
    "Our team reduced A&E attendances.", "**bold** words", "_em_ words", "`code`", "[link](http://x.org)",
    "# Heading", "- item", "> quote", "1. numbered", "| a | b |\n|---|---|\n| c | d |", "&amp;", "\\*",
    "<https://auto.link>", "plain words", "", "<!-- evidencebot off -->", "    indented", "```\nfence\n```",
    "Line one\nline two", "![img](x.png)", "café – “quoted”",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(MARKDOWN_BITS, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", " "]))
def test_mapping_holds_for_any_mix(bits, sep):
    doc = sep.join(bits)
    blocks = extract_blocks(doc)
    _check_mapping(doc, blocks)
    for b in blocks:
        assert b.text == b.text.strip() and b.text


@pytest.mark.parametrize("odd", ["\x00", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_lines_end_at_newline_only(odd, eol):
    """str.splitlines() also breaks at these; markdown-it and the reported line numbers do not."""
    doc = eol.join([f"# Title{odd}here", "", f"First{odd}para line", "still first.", "", "- item", f"- item{odd}two",
                    "", "Last paragraph."])
    blocks = extract_blocks(doc)
    _check_mapping(doc, [b for b in blocks])
    last = blocks[-1]
    assert last.text == "Last paragraph." and doc[last.start:last.start + len(last.text)] == last.text
    assert [b.kind for b in blocks] == ["heading", "paragraph", "list_item", "list_item", "paragraph"]


def test_a_nul_is_kept_in_the_block_text():
    doc = "A\x00B reduced admissions.\n\nNext."
    blocks = extract_blocks(doc)
    assert blocks[0].text == "A\x00B reduced admissions." and blocks[1].start == doc.index("Next")


def test_plain_text_table_keeps_its_lines():
    # (p23) a table written as text keeps its line ends (the privacy rules read each row under its header);
    # any other paragraph is still one line
    table = "Name | Start\nJo Bell | 02/11/2025"
    assert [b.text for b in extract_blocks(table, markup="text")] == [table]
    assert [b.text for b in extract_blocks("One line\nand the next", markup="text")] == ["One line and the next"]
