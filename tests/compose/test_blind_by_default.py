"""A submitted answer is blind by default (lead's decision, session 20; issue 12).

Two blind panels in a row marked "Harbour Lane Trust" in every page header and in the Word file's author a
blind-evaluation breach: the header and the properties named us unless the buyer's question asked for blindness in
words we recognised. Now the answer to submit (``assemble tender``, ``tender export``, the app's export) names no
provider in its page header or its properties (author, last modified by, company) unless the user asks
(``--name-provider``, ``[documents] name_provider = true``); the bid team's review copy and the contract review keep
the name. The body already follows the buyer's blind wording (compose/anonymity.py) and is not changed here.
Fails on before20 (the header and the author name the provider).
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import docx
import pytest

from evidencebot.compose import export as X
from evidencebot.compose.document import ExportDoc

ORG = "Harbour Lane Trust"
STAFF = "Priya Raman"


@pytest.fixture
def config(tmp_path, monkeypatch):
    """A config folder naming the organisation, as a real service's config.toml does."""
    monkeypatch.setenv("EVIDENCEBOT_HOME", str(tmp_path / "home"))
    from evidencebot import locations

    folder = locations.config_dir()
    (folder / "config.toml").write_text(f'[documents]\norganisation = "{ORG}"\n', encoding="utf-8")
    return folder


def _answer(**kw) -> ExportDoc:
    return ExportDoc(title="Question 6 – Safeguarding", kind="tender", organisation=ORG,
                     body="## Supervision\n\nTeam leaders audit five case files a month.\n\n[To write: Training]\n",
                     writer_notes=[("[To write: Training]", "The buyer asks for training figures.")], **kw)


def _named_parts(data: bytes) -> dict[str, str]:
    """Where a Word file can name who it is from without the body: headers, footers and its properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist()
                if re.fullmatch(r"word/(header|footer)\d*\.xml|docProps/(core|app)\.xml", n)}


def _names(data: bytes, *names: str) -> list[str]:
    return [f"{part}: {name}" for part, xml in _named_parts(data).items() for name in names if name in xml]


def test_a_submitted_answer_names_nobody_in_its_header_or_properties_and_the_review_copy_does(config):
    doc = _answer()
    assert not doc.names_provider()
    submitted, appendix = X.to_docx_bytes(doc), X.to_docx_bytes(doc, part="appendix")
    assert _names(submitted, ORG) == [] and _names(appendix, ORG) == []
    core = docx.Document(io.BytesIO(submitted)).core_properties
    assert (core.author, core.last_modified_by) == ("", "")  # no author, not even the tool's name
    review = X.to_docx_bytes(doc, review=True)  # the bid team's copy, with the writer's notes as comments
    assert any(p.startswith("word/header") for p in (x.split(":")[0] for x in _names(review, ORG)))
    assert "docProps/core.xml: " + ORG in _names(review, ORG)


def test_asked_once_or_in_the_config_the_answer_names_the_provider(config):
    assert "docProps/core.xml: " + ORG in _names(X.to_docx_bytes(_answer(name_provider=True)), ORG)
    (config / "config.toml").write_text(f'[documents]\norganisation = "{ORG}"\nname_provider = true\n',
                                        encoding="utf-8")
    named = X.to_docx_bytes(_answer())
    assert any(p.startswith("word/header") for p in (x.split(":")[0] for x in _names(named, ORG)))
    # a buyer who asks for blind evaluation wins over both
    assert _names(X.to_docx_bytes(_answer(name_provider=True, anonymous=True)), ORG) == []


def test_the_contract_review_keeps_the_name(config):
    review = ExportDoc(title="Contract review: Jul-Sep 2026 (2026/27 Q2)", kind="review", organisation=ORG,
                       body="## Summary\n\nActivity rose.\n")
    assert review.names_provider()
    assert len(_names(X.to_docx_bytes(review, charts=False), ORG)) >= 2  # header and author


def test_a_templates_own_company_manager_and_last_editor_are_blanked(config):
    """An organisation's branded template, saved in Word by a member of staff, carries the company, the manager
    and the last editor in its properties: a blind answer built on it carries none of them."""
    import docx

    folder = config / "templates" / "word"
    folder.mkdir(parents=True)
    branded = docx.Document()
    branded.sections[0].header.paragraphs[0].text = "{{ organisation }} {{ title }}"
    branded.add_paragraph("{{ title }}")
    branded.add_paragraph("{{p body }}")
    branded.core_properties.author = STAFF
    branded.core_properties.last_modified_by = STAFF
    buf = io.BytesIO()
    branded.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z, zipfile.ZipFile(folder / "tender.docx", "w") as out:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "docProps/app.xml":
                data = re.sub(rb"<Company>[^<]*</Company>|<Company/>", f"<Company>{ORG}</Company>".encode(), data)
                data = re.sub(rb"<Manager>[^<]*</Manager>|<Manager/>", f"<Manager>{STAFF}</Manager>".encode(), data)
                assert ORG.encode() in data
            out.writestr(item, data)
    assert _names(X.to_docx_bytes(_answer()), ORG, STAFF) == []
    kept = _names(X.to_docx_bytes(_answer(name_provider=True)), ORG, STAFF)
    assert f"docProps/app.xml: {ORG}" in kept and f"docProps/core.xml: {STAFF}" in kept


def test_tender_export_is_blind_unless_asked_and_says_so(run, demo_copy, tmp_path):
    from docx import Document

    from evidencebot.compose import tender_store
    from evidencebot.store import tenders
    from evidencebot.store.blocks import get_profile

    provider = get_profile(demo_copy)["provider"]
    d = Document()
    table = d.add_table(rows=1, cols=2)
    for c, text in zip(table.rows[0].cells, ["No.", "Question"]):
        c.text = text
    for c, text in zip(table.add_row().cells, ["1", "Describe how you will keep people safe. Maximum 500 words."]):
        c.text = text
    d.save(tmp_path / "q.docx")
    tid, _ = tender_store.import_questionnaire(demo_copy, tmp_path / "q.docx")
    for r in tender_store.questions(demo_copy, tid)[1]:  # an answer as drafting stores it
        tenders.update_question(demo_copy, r["id"], {"answer": "We work with local partners.", "words": 5,
                                                     "coverage": json.dumps({"figures": []})})
    # the core function for the default (its checker is built once for this database), the command for the flag
    tender_store.export(demo_copy, tmp_path / "blind.docx", tender_id=tid)
    assert _names((tmp_path / "blind.docx").read_bytes(), provider) == []
    assert "do not name the provider" in X.provider_note(ExportDoc(title="", body="", kind="response"))
    named = run("tender", "export", "-o", str(tmp_path / "named.docx"), "--name-provider")
    assert named.exit_code == 0, named.output
    assert f"docProps/core.xml: {provider}" in _names((tmp_path / "named.docx").read_bytes(), provider)
    assert "header: the page header and the file's properties name the provider" in named.stderr
