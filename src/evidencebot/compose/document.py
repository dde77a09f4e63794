"""The document every export is built from (:class:`ExportDoc`), its evidence appendix as Markdown, and the Markdown
reader the HTML and Word exports share.

Held apart from :mod:`evidencebot.compose.export` (which writes the files) so that :mod:`evidencebot.compose.word`
can build a Word document from it without importing the exporter that calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidencebot.compose.charts import Chart
from evidencebot.compose.words import WORD_RULE, counts

SUBMITTED_KINDS = ("tender", "tender_response", "response")
"""Documents a bidder submits: the answer(s) only (see :attr:`ExportDoc.submitted`)."""
APPENDIX_TITLE = "Evidence appendix"
SUPPRESSION_RULE = (
    "Counts are rounded to the nearest 5 (\"about 10\") and counts of 1 to 4 are shown as <5; "
    "a rate or percentage is calculated from the unrounded counts, and it is not published "
    "when its numerator or denominator is shown as <5. A percentage is also not published when "
    "the cases without the outcome number 1 to 4 (it would give that count away) or when its "
    "denominator is below 10; the counts are then given in words."
)
"""The one small-number rule, in the words every document states it (once)."""
APPENDIX_NOTE = "Every figure in this document, traced to the data it was computed from. " + SUPPRESSION_RULE


@dataclass
class ExportDoc:
    title: str
    body: str
    """Markdown without the title."""
    kind: str = "document"
    context: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) lines shown under the title: period, question, word limit."""
    organisation: str = ""
    """Who the document is from: the service profile's provider. The Word header names the
    config's ``[documents] organisation`` when set, else this."""
    anonymous: bool = False
    """For blind evaluation: no organisation in the Word header or the document's properties."""
    name_provider: bool | None = None
    """A submitted answer names the provider in its Word header and properties only when asked: True (``--name-
    provider``), False, or None for the config's ``[documents] name_provider`` (default false: blind). Other
    documents (the contract review) and the bid team's review copy always name it (:meth:`names_provider`)."""
    counted: str | None = None
    """The text whose words and characters are counted (a tender answer)."""
    word_limit: int | None = None
    figures: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart_notes: list[str] = field(default_factory=list)
    """Sentences shown under the variation and assurance table (in every format), e.g.
    which indicators with a target have no chart and where their status is."""
    appendix_note: str | None = None
    """The appendix's opening note when the document states the rounding rule elsewhere."""
    quote: str | None = None
    """Text quoted as it was given (the tender question), shown as a blockquote."""
    compliance: list[dict] = field(default_factory=list)
    """For the bid team's compliance sheet: one row per sub-point (label, budget, words,
    paragraphs, evidence, status). Never printed in the document itself."""
    writer_notes: list[tuple[str, str]] = field(default_factory=list)
    """(marker, note): a gap's marker in the body ('[To write: Severe weather]') and why it is a gap, for
    the writer only: a Word comment on the marker (and a column of the compliance sheet), never body text."""
    commitments: list[dict] = field(default_factory=list)
    """For the compliance sheet's 'Commitments to confirm': each sentence written from an approved template on the
    buyer's terms (part, template, text). Never printed in the document itself."""

    @property
    def submitted(self) -> bool:
        """A tender answer: the document holds the answer only; its evidence appendix is a
        separate document and its counts and coverage go to the compliance sheet."""
        return self.kind in SUBMITTED_KINDS

    def names_provider(self, default: bool = False) -> bool:
        """Whether the page header and the document's properties (author, last modified by, company) may name
        the provider: never for blind evaluation (:attr:`anonymous`); for a submitted answer only when asked
        (:attr:`name_provider`, else ``default``, the config's setting), since a panel that marks blind reads
        a name in every page header as a breach; always for any other document."""
        if self.anonymous:
            return False
        if not self.submitted:
            return True
        return default if self.name_provider is None else bool(self.name_provider)

    def counts_line(self) -> str:
        if self.counted is None:
            return ""
        c = counts(self.counted)
        return f"{c.describe(self.word_limit)}. {WORD_RULE[:1].upper() + WORD_RULE[1:]}."


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "/").replace("\n", " ").strip()


def reader_period(text: str) -> str:
    """A period as a reader writes it: '2025-10..2026-09' -> 'October 2025 to September 2026', '2026-04..2026-09' ->
    'April to September 2026', '2026-03' -> 'March 2026'; any other label ('2025/26', '2026-Q1') as given."""
    import calendar

    t = str(text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?", t)
    if not m or not 1 <= int(m.group(2)) <= 12 or (m.group(4) and not 1 <= int(m.group(4)) <= 12):
        return t
    y1, m1 = int(m.group(1)), int(m.group(2))
    if not m.group(3) or (m.group(3), m.group(4)) == (m.group(1), m.group(2)):
        return f"{calendar.month_name[m1]} {y1}"
    y2, m2 = int(m.group(3)), int(m.group(4))
    if y1 == y2:
        return f"{calendar.month_name[m1]} to {calendar.month_name[m2]} {y2}"
    return f"{calendar.month_name[m1]} {y1} to {calendar.month_name[m2]} {y2}"


def appendix_markdown(doc: ExportDoc, *, heading: bool = True) -> str:
    """The evidence appendix as Markdown: for each figure a heading, one line of numbers
    (period, value, numerator, denominator, interval, SPC verdict) and its definition as a
    paragraph (never a narrow table column); then the other evidence used. No internal ids."""
    lines = ([f"## {APPENDIX_TITLE}", ""] if heading else []) + [doc.appendix_note or APPENDIX_NOTE, ""]
    level = "###" if heading else "##"
    if not doc.figures:
        lines += ["No computed figures are used.", ""]
    for f in doc.figures:
        lines += [f"{level} {_cell(f['title'])}", ""]
        counts = []
        if f.get("numerator") not in (None, "", "-"):
            counts.append(f"numerator {f['numerator']}")
        if f.get("denominator") not in (None, "", "-"):
            counts.append(f"denominator {f['denominator']}")
        if f.get("ci") and f["ci"] not in ("-", "–", "n/a"):
            ci = _cell(f["ci"])
            counts.append(ci if ci.lower().startswith("95%") else f"95% CI {ci}")
        # the measure named in the sentence, so the figure can be checked on its own
        line = f"{_cell(f['title'])} in {_cell(reader_period(f['period']))}: **{_cell(f['value'])}**"
        line += f" ({'; '.join(counts)})." if counts else "."
        if f.get("verdict") and f["verdict"] not in ("-", "–"):
            line += f" SPC verdict: {_cell(f['verdict'])}."
        lines += [line, ""]
        if f.get("definition"):
            lines += [f"*Definition.* {_cell(f['definition'])}", ""]
    if doc.sources:
        lines += ["Other evidence used:", ""]
        for src in doc.sources:
            kind = _cell(src.get("kind") or "source").capitalize()
            detail = f" ({_cell(src['detail'])})" if src.get("detail") else ""
            lines.append(f"- {kind}: {_cell(src.get('title') or '')}{detail}")
    return "\n".join(lines).rstrip() + "\n"


def demote(markdown: str) -> str:
    """Body headings start at level 2 under the document's Heading 1 title."""
    if re.search(r"^# ", markdown, re.M):
        return re.sub(r"^(#{1,5}) ", lambda m: "#" + m.group(1) + " ", markdown, flags=re.M)
    return markdown


def markdown_parser():
    """markdown-it-py reading CommonMark plus tables; raw HTML is escaped, and an image is embedded data or left out."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")

    def image(self, tokens, idx, options, env):
        # Never a reference to a file elsewhere: opening the page would fetch it (and
        # send whatever its address holds off the machine). Embedded data only.
        import html

        token = tokens[idx]
        src = token.attrGet("src") or ""
        alt = "".join(c.content for c in token.children or ()) or token.content
        if src.startswith("data:image/"):
            return f'<img src="{html.escape(src)}" alt="{html.escape(alt)}" />'
        return f'<span class="left-out">[image left out: {html.escape(alt) or "no description"}]</span>'

    md.add_render_rule("image", image)
    return md
