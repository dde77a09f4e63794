"""The checker: Markdown-aware, batched, cached by paragraph, families pluggable."""

from __future__ import annotations


import pytest

from evidencebot.config import CheckerSettings
from evidencebot.errors import ConfigError
from evidencebot.language import checker as checker_mod
from evidencebot.language.checker import Checker, register_family, unregister_family
from evidencebot.language.findings import Finding, locate


@pytest.fixture(scope="module", autouse=True)
def the_users_parse_path():
    """The checker tests parse as a user's program does: without the test run's shared parse cache
    (tests/conftest.py sets ``EVIDENCEBOT_PARSE_CACHE`` for every other test), so every sentence here goes
    through ``nlp.pipe``. The in-memory sentence and paragraph caches start empty for this module (a parse
    another test read from the shared cache is not reused) and are put back after it."""
    from evidencebot.language import pipeline

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(pipeline.PARSE_CACHE_ENV, raising=False)
        patch.setattr(pipeline, "_sentence_docs", type(pipeline._sentence_docs)())
        patch.setattr(checker_mod, "_CACHE", type(checker_mod._CACHE)())
        yield


@pytest.fixture(scope="module")
def overclaim(checker_factory):
    return checker_factory("overclaim")


def test_the_checker_tests_parse_with_the_users_pipe(overclaim, monkeypatch):
    """What the_users_parse_path promises: a new sentence reaches spaCy's ``nlp.pipe``, and no shared
    parse cache is read or written."""
    from evidencebot.language import pipeline

    nlp = pipeline.get_nlp()
    parsed: list[str] = []
    real = type(nlp).pipe

    def counting(self, texts, **kwargs):
        texts = list(texts)
        parsed.extend(texts)
        return real(self, texts, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", counting)
    counts = pipeline.parse_cache_counts()
    text = "Our outreach team cut waiting times for every family in Tadcaster by half."
    assert [f.rule for f in overclaim.check_text(text)]
    assert parsed == [text] and pipeline.parse_cache_counts() == counts


def test_positions_are_in_the_original_file(overclaim):
    text = "# Draft\n\nIntro line.\nOur team **reduced** A&E attendances.\n"
    findings = overclaim.check_text(text, path="draft.md")
    f = next(f for f in findings if f.rule == "overclaim.causal-system-outcome")
    assert text[f.start:f.end] == "reduced"
    assert (f.line, f.column) == (4, 12)
    assert (f.end_line, f.end_column) == (4, 18)


def _naive_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counted the slow, obvious way."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_locate_agrees_with_counting_line_breaks():
    text = "a\nbb\n\nccc ddd\ne"
    spans = [(0, 1), (2, 4), (6, 9), (10, 13), (6, 13), (14, 15), (3, 7)]
    a = [Finding("r", "f", "warning", "m", s, e, text[s:e]) for s, e in spans]
    locate(a, text)
    b = [(*_naive_position(text, s), *_naive_position(text, max(s, e - 1))) for s, e in spans]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in a] == b
    assert b[:2] == [(1, 1, 1, 1), (2, 1, 2, 2)] and b[-1] == (2, 2, 4, 1)
    assert locate([], text) == []


def test_findings_are_sorted(overclaim):
    text = "We guarantee recovery. Clearly, we are the leading provider. Our team cut admissions."
    findings = overclaim.check_text(text)
    starts = [f.start for f in findings]
    assert starts == sorted(starts) and len(findings) >= 3


def test_quotes_and_blockquotes_skip_overclaim_but_not_privacy():
    checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    if "privacy" not in checker.families:
        pytest.skip("privacy family not installed")
    text = ('Mrs Okafor said, "Your team stopped me going back into hospital."\n\n'
            "> We are the best service in the county, wrote Mr Lewis.\n")
    findings = checker.check_text(text)
    assert not [f for f in findings if f.family == "overclaim"]
    names = [f.match for f in findings if f.family == "privacy"]
    assert any("Okafor" in n for n in names) and any("Lewis" in n for n in names)


def test_scare_quotes_are_still_checked(overclaim):
    findings = overclaim.check_text('Our "world-class" team covers the county.')
    assert any(f.rule == "overclaim.superlative" for f in findings)


def test_code_and_comments_are_not_checked(overclaim):
    text = "```\nOur team reduced A&E attendances.\n```\n\n`we guarantee recovery`\n\n<!-- we are world-class -->\n"
    assert overclaim.check_text(text) == []


def test_inline_switches(overclaim):
    text = ("<!-- evidencebot overclaim.superlative = NO -->\n\nWe are a world-class team.\n\n"
            "<!-- evidencebot overclaim.superlative = YES -->\n\nWe are a world-class team.\n\n"
            "<!-- evidencebot off -->\n\nWe guarantee recovery.\n\n<!-- evidencebot on -->\n\nWe guarantee recovery.\n")
    findings = overclaim.check_text(text)
    assert [(f.rule, f.line) for f in findings] == [("overclaim.superlative", 7), ("overclaim.guarantee", 15)]


def test_settings_switch_rules_and_families_off():
    text = "Clearly, we are a world-class team. We guarantee recovery."
    off = Checker(settings=CheckerSettings(disabled_rules=["overclaim.superlative", "overclaim.booster-manner"]),
                  families=["overclaim"])
    rules = {f.rule for f in off.check_text(text)}
    assert "overclaim.superlative" not in rules and "overclaim.booster-manner" not in rules
    assert "overclaim.guarantee" in rules
    none = Checker(settings=CheckerSettings(disabled_rules=["overclaim"]), families=["overclaim"])
    assert none.check_text(text) == []


def test_settings_from_config_file(isolated_home):
    from evidencebot import locations

    locations.config_file().write_text('[checker]\ndisabled_rules = ["overclaim.guarantee"]\n', encoding="utf-8")
    rules = {f.rule for f in Checker(families=["overclaim"]).check_text("We guarantee recovery.")}
    assert "overclaim.guarantee" not in rules


def test_unknown_family_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown checker family 'spelling'"):
        Checker(settings=CheckerSettings(), families=["spelling"])


def test_check_many_batches_documents(overclaim):
    texts = ["Our team cut A&E attendances.", ("We may have helped.", "b.md"), "Plain text about the rota."]
    results = overclaim.check_many(texts)
    assert len(results) == 3
    assert results[0] and not results[1] and not results[2]


def test_register_a_family():
    calls = []

    def shouting(text, doc):
        calls.append(text)
        i = text.find("URGENT")
        if i == -1:
            return []
        return [Finding("shout.caps", "shout", "warning", "Do not shout.", i, i + 6, "URGENT")]

    register_family("shout", shouting, default=False)
    try:
        checker = Checker(settings=CheckerSettings(), families=["shout"])
        findings = checker.check_text("Intro.\n\nThis is URGENT now.\n")
        assert [(f.rule, f.line, f.column) for f in findings] == [("shout.caps", 3, 9)]
        assert "shout" not in Checker(settings=CheckerSettings()).requested  # not a default family
    finally:
        unregister_family("shout")


def test_a_block_is_run_by_the_families_the_cache_lacks_only():
    """A family bound to a context (the evidence family and its database connection) with a new version: only it
    runs on a block the other families have checked; their cached findings are reported as a new check's."""
    calls: list[tuple[str, str]] = []

    def bound(version: int):
        def connection_family(text, doc):
            calls.append(("bound", text))
            return []
        connection_family.version = ("bound", version)  # type: ignore[attr-defined]
        return connection_family

    def counting_overclaim(real):
        def run(text, doc):
            calls.append(("overclaim", text))
            return real(text, doc)
        run.version, run.one_check = real.version, real.one_check
        return run

    text = "Our team cut A&E attendances.\n\nWe visit weekly."
    base = Checker(settings=CheckerSettings(), families=["overclaim"])
    overclaim_run = counting_overclaim(base.specs()[0][1])
    checker_mod.clear_cache()
    first = Checker(settings=CheckerSettings(), families=[], extra={"overclaim-counted": overclaim_run, "b": bound(1)})
    found = [(f.rule, f.start, f.end) for f in first.check_text(text)]
    blocks = ["Our team cut A&E attendances.", "We visit weekly."]
    assert sorted(calls) == sorted((family, block) for family in ("overclaim", "bound") for block in blocks)
    calls.clear()
    second = Checker(settings=CheckerSettings(), families=[], extra={"overclaim-counted": overclaim_run, "b": bound(2)})
    assert [(f.rule, f.start, f.end) for f in second.check_text(text)] == found
    assert found and sorted(calls) == [("bound", block) for block in blocks]  # over-claim not run again
    checker_mod.clear_cache()


def test_paragraph_cache_reparses_only_changed_paragraphs(monkeypatch, overclaim):
    paragraphs = [f"Paragraph {i}: the team visits people at home and we cut A&E attendances." for i in range(40)]
    doc = "\n\n".join(paragraphs)
    overclaim.check_text(doc)
    calls = _counting_pipe(monkeypatch)
    changed = paragraphs[:]
    changed[17] = "Paragraph 17: this one is new and says nothing strong."
    findings = overclaim.check_text("\n\n".join(changed))
    parsed = [t for call in calls for t in call]
    assert parsed == [changed[17]]
    assert len([f for f in findings if f.rule == "overclaim.causal-system-outcome"]) == 39


def test_recheck_of_a_long_document_parses_only_the_changed_sentences(monkeypatch, overclaim):
    """Why a re-check is quick (bench/check_bench.py measures how quick): of the one paragraph of 400 that
    changed, only its changed sentences are parsed again (the last one gained a space after it)."""
    paragraphs = [f"Section {i}. Our duty worker calls back the same day and records the rationale. "
                  f"Crisis plans are reviewed every {i % 7 + 2} weeks with the person." for i in range(400)]
    doc = "\n\n".join(paragraphs)
    overclaim.check_text(doc)
    calls = _counting_pipe(monkeypatch)
    last = paragraphs[200][paragraphs[200].index("Crisis plans"):]
    paragraphs[200] += " We added a Saturday session."
    overclaim.check_text("\n\n".join(paragraphs))
    assert [t for call in calls for t in call] == [last + " ", "We added a Saturday session."]


def test_the_privacy_family_is_never_unavailable():
    # issue 17 (session 17): a privacy module that failed to import became an "unavailable" family (the checker ran
    # without it and its quality tests skipped); it is part of the package, imported at the checker's top, so a
    # broken one fails loudly (tests/core/test_layers.py::test_our_own_modules_are_never_optional). This test
    # replaces test_missing_privacy_module_is_skipped, which asserted the old behaviour.
    checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    assert checker.families == ["overclaim", "privacy"]
    assert "privacy" not in checker.unavailable
    assert any(f.family == "privacy" for f in checker.check_text("Jo Bloggs was seen on 01/02/2025."))


LONG_SENTENCES = [
    "Our team saw {i} people in March and readmissions fell by {j} points.",
    "The service transformed outcomes for {i} people.",
    "Jo Bloggs was seen on 01/02/2025.",
    "We eliminated all crises.",
    'One carer said "the team cured my son completely."',
    "Crisis plans are reviewed every {j} weeks.",
]


def _long_paragraph(n: int) -> str:
    return " ".join(LONG_SENTENCES[(i * 7) % len(LONG_SENTENCES)].format(i=i, j=i % 50) for i in range(n))


def test_a_long_paragraph_is_parsed_in_pieces_with_the_same_findings(monkeypatch):
    from evidencebot.language import pipeline

    text = _long_paragraph(500)
    assert len(text) > 2 * pipeline.MAX_PIECE
    checker = Checker(settings=CheckerSettings())
    checker_mod.clear_cache()
    calls = _counting_pipe(monkeypatch)
    in_pieces = checker.check_text(text)
    parsed = [t for call in calls for t in call]
    # parsed a sentence at a time, each distinct sentence once
    sentences = pipeline.sentence_pieces(text)
    assert "".join(sentences) == text and len(sentences) > 100
    assert sorted(parsed) == sorted(set(sentences)) and max(map(len, parsed)) <= pipeline.MAX_PIECE
    checker_mod.clear_cache()
    monkeypatch.setattr(pipeline, "MAX_PIECE", 10 ** 7)
    whole = checker.check_text(text)
    key = lambda f: (f.rule, f.start, f.end, f.severity, f.line, f.column)  # noqa: E731
    assert [key(f) for f in in_pieces] == [key(f) for f in whole]
    assert all(text[f.start:f.end] == f.match for f in in_pieces)
    assert not any(text[f.start:f.end] == "cured" for f in in_pieces)  # quoted speech still skipped
    calls.clear()
    monkeypatch.setattr(pipeline, "MAX_PIECE", 10_000)
    checker.check_text(text)
    parsed = [t for call in calls for t in call]
    assert parsed == []  # the paragraph cache holds the whole block


def test_a_quote_across_a_piece_boundary_is_still_a_quote(monkeypatch):
    from evidencebot.language import pipeline

    monkeypatch.setattr(pipeline, "MAX_PIECE", 400)
    checker_mod.clear_cache()
    text = ("The team visits people at home. " * 10 + '"It was hard at first. ' + "We went out more. " * 10
            + 'The service eliminated all crises," one carer told us. ' + "We eliminated all crises.")
    opened, closed = text.index('"'), text.rindex('"')
    pieces = pipeline.split_long(text, 400)
    assert pieces[0][0] < opened < pieces[1][0] < text.index("eliminated") < closed  # the quote spans the cut
    checker = Checker(settings=CheckerSettings(), families=["overclaim"])
    findings = checker.check_text(text)
    checker_mod.clear_cache()
    assert [text[f.start:f.end] for f in findings] == ["eliminated"]
    assert findings[0].start > closed
    # (without the speech tag too: "..., one carer told us" is reported speech, not our claim)
    unquoted = checker.check_text(text.replace('," one carer told us.', ".").replace('"', ""))
    checker_mod.clear_cache()
    assert len([f for f in unquoted if f.rule == "overclaim.eliminated"]) == 2  # the quote is what hides it


# --- documents with more blocks than the paragraph cache holds --------------------------------------

MIXED_DOC = """# Service report

Our team reduced A&E attendances for {i} people. Jo Bloggs (NHS number 943 476 5919) was one of them.

- The service transformed outcomes for carers.
- We guarantee recovery
  for everyone on the caseload.

> We are the best service in the county, wrote Mr Lewis.

Mrs Okafor said, "Your team stopped me going back into hospital."

| Measure | Note |
|---|---|
| DNAs | Our peer workers cut admissions by half. |

<!-- evidencebot overclaim = NO -->

We eliminated all crises in March.

<!-- evidencebot overclaim = YES -->

Clearly, we are the leading provider. Our team reduced A&E attendances for {i} people.
"""


def _mixed_document(parts: int = 4) -> str:
    # the same paragraph twice in one part, and the same heading in every part
    return "\n".join(MIXED_DOC.format(i=i) for i in range(parts))


def _full(findings) -> list[tuple]:
    return [(f.rule, f.family, f.severity, f.message, f.start, f.end, f.match, tuple(f.suggestions),
             f.line, f.column, f.end_line, f.end_column) for f in findings]


def _counting_pipe(monkeypatch):
    from evidencebot.language import pipeline

    calls: list[list[str]] = []
    real_pipe = pipeline.pipe

    def counting_pipe(texts, **kwargs):
        texts = list(texts)
        calls.append(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(pipeline, "pipe", counting_pipe)
    return calls


def test_a_document_larger_than_the_cache_is_parsed_once_with_the_same_findings(monkeypatch):
    from evidencebot.language.markdown import extract_blocks

    checker = Checker(settings=CheckerSettings())
    text = _mixed_document()
    # the privacy family also reads the text Markdown hides (alt text, code, comments)
    blocks = {b.text for b in extract_blocks(text, hidden=True) if not b.off}
    checker_mod.clear_cache()
    reference = _full(checker.check_text(text, path="draft.md"))
    assert {f[1] for f in reference} >= {"overclaim"} and len(reference) > 10
    # a paragraph cache of 3 entries: the blocks of this call no longer fit in it
    checker_mod.clear_cache()
    monkeypatch.setattr(checker_mod, "CACHE_SIZE", 3)
    calls = _counting_pipe(monkeypatch)
    small = _full(checker.check_text(text, path="draft.md"))
    assert small == reference
    # one batched pass, each distinct sentence of the blocks once (it used to re-parse evicted
    # blocks one at a time)
    from evidencebot.language.pipeline import sentence_pieces

    assert len(calls) == 1
    assert sorted(calls[0]) == sorted({s for b in blocks for s in sentence_pieces(b)})
    assert len(checker_mod._CACHE) <= 3
    checker_mod.clear_cache()


def test_findings_are_the_same_from_a_cold_warm_or_partly_warm_cache():
    checker = Checker(settings=CheckerSettings())
    text = _mixed_document(3)
    checker_mod.clear_cache()
    cold = _full(checker.check_text(text, path="draft.md"))
    warm = _full(checker.check_text(text, path="draft.md"))
    checker_mod.clear_cache()
    checker.check_text(text[: len(text) // 2], path="draft.md")  # some blocks cached, others not
    partly = _full(checker.check_text(text, path="draft.md"))
    assert cold == warm == partly
    # and the positions agree with the reference locate()
    again = checker.check_text(text, path="draft.md")
    located = locate([Finding(f.rule, f.family, f.severity, f.message, f.start, f.end, f.match) for f in again], text)
    assert [(f.line, f.column, f.end_line, f.end_column) for f in located] == [
        (f.line, f.column, f.end_line, f.end_column) for f in again]
    checker_mod.clear_cache()


def test_findings_from_the_shared_parse_cache_are_those_from_nlp_pipe(tmp_path, monkeypatch):
    """The shared parse cache every other test reads (tests/conftest.py) gives the checker the findings a
    user's ``nlp.pipe`` gives. Every over-claim rule's examples, checked by both built-in families: first
    with an empty cache folder (every sentence a miss: spaCy's own doc is used, and written), then as a
    new process would (empty in-memory caches), every sentence read back from the folder."""
    from collections import OrderedDict

    from evidencebot import locations
    from evidencebot.language import pipeline
    from evidencebot.language.phrasebank import load_phrasebank

    bank = load_phrasebank(["overclaim"], dirs=[locations.packaged_dir("phrasebank")])
    texts = list(dict.fromkeys(ex for rule in bank.rules for kind in ("flag", "pass") for ex in rule.examples[kind]))
    checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    monkeypatch.setenv(pipeline.PARSE_CACHE_ENV, str(tmp_path / "parses"))

    def check_as_a_new_process() -> tuple[list, dict]:
        monkeypatch.setattr(pipeline, "_sentence_docs", OrderedDict())
        monkeypatch.setattr(checker_mod, "_CACHE", OrderedDict())
        monkeypatch.setattr(pipeline, "_parse_caches", {})
        found = [[(f.rule, f.start, f.end, f.match, f.message, f.severity, f.suggestions) for f in findings]
                 for findings in checker.check_many(texts)]
        return found, pipeline.parse_cache_counts()

    parsed, counts = check_as_a_new_process()
    assert counts["hits"] == 0 and counts["misses"] >= len(texts)
    read, counts_read = check_as_a_new_process()
    assert counts_read == {"hits": counts["misses"], "misses": 0}
    assert read == parsed
    assert sum(map(len, parsed)) > len(texts) / 2  # (the examples do hold findings to compare)
