"""Tenders in the database: import a questionnaire, the compliance matrix, drafting and export.

Tables ``tenders`` and ``tender_questions`` (migration m013). An import is all
or nothing: the questionnaire is read and every question parsed before a row
is written. Drafting uses the same engine as ``evidencebot assemble tender``
(:func:`evidencebot.compose.tender.assemble_tender`); a question's status is
``checked`` only when the checker, run with the database, leaves no finding
at any severity, otherwise ``needs work``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from sqlite_utils import Database

from evidencebot.compose import export as ex
from evidencebot.compose import anonymity, buyer_facts, buyer_scale, buyer_standards, buyer_terms, figure_clauses, gaps, library, tender_profile
from evidencebot.compose import gapflow
from evidencebot.compose.consistency import _sentences, against_buyer, check_answers, load_facts
from evidencebot.compose.questionnaire import (read_question_files, read_questionnaire, sibling_question_files,
                                              write_answers_xlsx)
from evidencebot.compose.questions import (_strip_limits, numbered_parts, parse_question, plan_question, question_title, read_limits,
                                           title_reference)
from evidencebot.compose.tender import _home as tender_home
from evidencebot.compose.tender import (ATTACH_NOTE, Edit, TenderShared, _checked_title, assemble_tender, get_checker,
                                        said_key, write_marker)
from evidencebot.compose.tender import swap_block as swap_answer_block
from evidencebot.compose.word import organisation_name
from evidencebot.compose.words import counts
from evidencebot.errors import InputError
from evidencebot.inputs import without_controls
from evidencebot.store import tenders as tender_rows
from evidencebot.store import workflow
from evidencebot.store.blocks import blocks_used_for, get_profile


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def limit_label(row: dict) -> str:
    parts = []
    if row.get("word_limit"):
        parts.append(f"{row['word_limit']:,} words")
    if row.get("char_limit"):
        parts.append(f"{row['char_limit']:,} characters")
    if row.get("page_limit"):
        pages = row["page_limit"]
        parts.append(f"{pages:g} side{'s' if pages != 1 else ''} of A4")
    return "; ".join(parts)


def import_questionnaire(db: Database, path, *, title: str | None = None,
                         skipped: list[str] | None = None) -> tuple[int, list[dict]]:
    """Read and store a questionnaire with the tender's own facts the buyer states in it
    (:mod:`evidencebot.compose.tender_profile`); returns the tender id and, per question, its
    ref, sub-points, limit and weighting. Text that reads like a question but was not imported
    is added to ``skipped``."""
    q = read_questionnaire(path)
    if skipped is not None:
        skipped += q.skipped
    parsed = []
    for item in q.questions:
        try:
            pq = parse_question(item.full_text, strict=True)
        except InputError as exc:
            raise InputError(f"{q.path}: question {item.ref}: {exc}") from None
        parsed.append((item, pq))
    out, rows = [], []
    for n, (item, pq) in enumerate(parsed, 1):
        row = {"position": n, "ref": item.ref, "question": item.question,
               "guidance": item.guidance, "word_limit": item.word_limit, "char_limit": item.char_limit,
               "page_limit": item.page_limit, "limit_text": item.limit_text, "weighting": item.weighting,
               "status": "not started", "row": item.row}
        rows.append(row)
        out.append({"ref": item.ref, "points": pq.points, "limit": limit_label(row), "weighting": item.weighting})
    who, now = workflow._user(db, None), _now()
    facts = questionnaire_facts(db, q.text)
    tid = tender_rows.insert_tender(db, {
        "title": title or q.title, "source_file": str(Path(q.path).resolve()), "source_kind": q.kind,
        "answer_column": q.answer_column, "sheet": q.sheet, "imported_at": now,
        "imported_by": who,
    }, rows, facts)
    return tid, out


def questionnaire_facts(db: Database, text: str) -> list[dict]:
    """The tender's own facts the buyer states in a questionnaire's ``text`` (:mod:`tender_profile`), its figures and
    standards wherever the document gives them, and whether it is evaluated blind: the rows an import stores, and what
    :func:`question_file_context` drafts a question file with."""
    who, now = workflow._user(db, None), _now()
    facts = [{"field": k, "value": f.value, "source": "questionnaire", "quote": f.quote, "updated_at": now,
              "updated_by": who} for k, f in tender_profile.facts_for(text, get_profile(db)).items()]
    stated = "\n".join(dict.fromkeys([f.sentence for f in buyer_terms.read_figures(text)]
                                    + [s.sentence for s in buyer_standards.read(text) if s.kind != "kpi"]
                                    # the service's hours and outcome measure, and its review intervals, wherever the
                                    # document states them (its header or a question's background): every answer's
                                    + buyer_facts_sentences(text)))
    blind = anonymity.asked_sentence(text)
    if blind:  # 'Responses will be evaluated blind.' in a section's introduction: every answer of the tender is anonymous
        facts.append({"field": anonymity.FACT, "value": blind, "source": "questionnaire", "quote": blind,
                      "updated_at": now, "updated_by": who})
    if stated:  # the buyer's figures (a first-contact standard, a minimum workforce), wherever the document gives them
        facts.append({"field": buyer_terms.FACT, "value": stated, "source": "questionnaire", "quote": stated[:300],
                      "updated_at": now, "updated_by": who})
    return facts


def question_file_context(db: Database, path) -> tuple[dict[str, str], str, list[Path]]:
    """What ``assemble tender --question-file PATH`` drafts with when the folder holds other question files of the same
    tender (:func:`questionnaire.sibling_question_files`: the same buyer, ITT reference and lot in their headers): the
    tender's facts and its whole text, read from all of them as ``tender import`` of those files reads them (a fact
    stated in one question binds every answer of the lot: s19's opening hours in q01, its caseload in q01 for q08), and
    the files read. Nothing when there are none; a sibling that is not a question is passed over."""
    files = sibling_question_files(path)
    if not files:
        return {}, "", []
    read, used = [], []
    for p in [Path(path).expanduser(), *files]:
        try:
            read += read_question_files([p]).questions
        except InputError:
            continue
        used.append(p)
    whole = "\n".join(q.full_text for q in read)
    return {f["field"]: f["value"] for f in questionnaire_facts(db, whole)}, whole, used[1:]


def sibling_blocks(db: Database, files) -> set[str]:
    """The blocks the answers to ``files`` (the other question files of this tender, :func:`question_file_context`)
    have used in this database ('assemble tender' uses: :func:`library.record_use`, keyed by the question's text), for
    the next answer to avoid where another block fits, as ``tender draft`` does across a tender's answers: one generic
    paragraph is not said word for word in several answers of one tender (s33: the rural-access block in q01 and q03).
    Empty when none of them has been drafted here."""
    texts = set()
    for p in files:
        try:
            # as 'assemble' reads a question file (a byte-order mark dropped, control characters out) and as
            # :func:`library.record_use` keys it (its first 500 characters); stripped too, for a file read otherwise
            read = without_controls(Path(p).expanduser().read_text(encoding="utf-8-sig"))
            texts.update({read[:500], read.strip()[:500]})
        except (OSError, UnicodeDecodeError):
            continue
    return blocks_used_for(db, "assemble tender", texts)


def buyer_facts_sentences(text: str) -> list[str]:
    """The buyer's sentences in ``text`` that state a fact every answer of the tender is held to beyond its figures and
    standards (:mod:`buyer_terms`, :mod:`buyer_standards`): the quantities and names of :mod:`buyer_scale` (hours, the
    outcome measure, a caseload cap) and the timescales and review intervals :func:`figure_clauses.standards` reads."""
    return [q.sentence for q in buyer_scale.read(text)] + [f.sentence for f in figure_clauses.standards(text)]


def tender_facts(db: Database, tender_id: int | None = None) -> dict[str, str]:
    """The tender's own facts ({field: value}), as read at import or set since."""
    return {r["field"]: r["value"] for r in tender_rows.fact_rows(db, _tender(db, tender_id)["tender_id"])}


def tender_profile_rows(db: Database, tender_id: int | None = None) -> tuple[dict, list[dict]]:
    """The tender and, for every field of :data:`tender_profile.FIELDS`, its value as the answers use
    it and where it comes from: 'questionnaire' (with the buyer's words), 'set' (by whom), 'service
    profile' (the same buyer, not stated by the tender) or 'not known'."""
    t = _tender(db, tender_id)
    rows = {r["field"]: r for r in tender_rows.fact_rows(db, t["tender_id"])}
    resolved = tender_profile.resolve(get_profile(db), {k: r["value"] for k, r in rows.items()})
    out = []
    for f, (label, option) in tender_profile.FIELDS.items():
        r = rows.get(f)
        value = resolved.profile.get(f, "") or (r["value"] if r is not None else "")  # 'another buyer (...)'
        if r is not None:
            source = f"read from the questionnaire: \"{r['quote']}\"" if r["source"] == "questionnaire" else \
                f"set by {r['updated_by'] or 'the bid team'} on {str(r['updated_at'])[:10]}"
        elif value and f in resolved.facts:
            source = "from the buyer's name"
        elif value:
            source = "service profile (the tender does not say)"
        else:
            source = f"not known: set it with {option}"
        out.append({"field": f, "label": label, "value": value, "source": source})
    return t, out


IDENTITY = ("commissioner", "service", "area", "localities", "base", "provider_status")
"""Who the buyer is, decided once for the whole tender: every answer names the same buyer, service and
places, and writes as the same provider (new or incumbent)."""


def identity_lines(db: Database, tender_id: int | None = None) -> list[str]:
    """The buyer's identity as every answer of the tender will use it, for the bid team to confirm or
    correct ('evidencebot tender profile --buyer/--localities/--base/--incumbent/--new'), each with where
    it comes from."""
    _, rows = tender_profile_rows(db, tender_id)
    by = {r["field"]: r for r in rows}
    out = ["Who the buyer is (every answer uses this; confirm it, or correct it with 'evidencebot tender profile'):"]
    for f in IDENTITY:
        r = by[f]
        source = re.sub(r'^read from the questionnaire: "(.*)"$', lambda m: f'read from: "{_short(m.group(1), 90)}"',
                        r["source"])
        out.append(f"  {r['label']}: {r['value'] or '-'} ({source})")
    return out


def set_tender_profile(db: Database, values: dict[str, str | None], tender_id: int | None = None) -> None:
    """Set the tender's facts (``values``: field -> value; an empty value clears the field)."""
    t = _tender(db, tender_id)
    rows, clear = [], []
    who, now = workflow._user(db, None), _now()
    for k, v in values.items():
        if k not in tender_profile.FIELDS:
            raise InputError(f"unknown tender fact {k!r} (known: {', '.join(tender_profile.FIELDS)})")
        text = " ".join(str(v or "").split())
        if k == "contract_start" and text:
            text = tender_profile.read_date(text)
        if text:
            rows.append({"field": k, "value": text, "source": "set", "quote": None, "updated_at": now, "updated_by": who})
        else:
            clear.append(k)
    tender_rows.set_facts(db, t["tender_id"], rows, clear)


def _tender(db: Database, tender_id: int | None) -> dict:
    if not tender_rows.has_tenders(db):
        raise InputError("no tender imported yet (use 'evidencebot tender import FILE')")
    row = tender_rows.tender_row(db, tender_id)
    if row is None:
        raise InputError(f"no tender {tender_id} (see 'evidencebot tender status')")
    return row


def questions(db: Database, tender_id: int | None = None) -> tuple[dict, list[dict]]:
    t = _tender(db, tender_id)
    return t, tender_rows.question_rows(db, t["tender_id"])


def _cell(text) -> str:
    return " ".join(str(text if text is not None else "").split()).replace("|", "/")


def _used(row: dict) -> str:
    """Words used; for a character limit, the characters too (what the buyer's portal counts)."""
    if row["words"] is None or not (row["answer"] or "").strip():
        return "-"
    if row["char_limit"]:
        return f"{row['words']:,} ({counts(row['answer']).chars:,} chars)"
    return f"{row['words']:,}"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rsplit(" ", 1)[0] + "…"


def status_table(db: Database, tender_id: int | None = None, *, markdown: bool = False) -> str:
    """The compliance matrix: one line per question (reference, question, sub-points, limit,
    weighting, words used, status, owner, due), then each question's sub-points as the answer's
    headings, the buyer's instructions, the gaps left and the tender's facts nobody gave.
    Aligned columns for a terminal; ``markdown``: one Markdown table with the sub-points in it."""
    t, rows = questions(db, tender_id)
    rules: list[str] = []
    table = []
    for r in rows:
        pq = parse_question(draft_text(r))
        held = parts_held(draft_text(r))
        table.append({"ref": r["ref"], "question": question_title(draft_text(r), or_question=True) or r["question"].split("\n")[0],
                      "points": pq.headings, "parts": held,
                      "limit": "; ".join(f"{label}: {said}" for label, _, said, _ in held) or limit_label(r) or "none",
                      "weighting": f"{r['weighting']:g}%" if r["weighting"] is not None else "-",
                      "words": _used(r), "status": r["status"] or "-",
                      "owner": r["owner"] or "-", "due": r["due_on"] or "-"})
        if pq.instructions:
            rules.append(f"- {r['ref']}: " + " / ".join(pq.instructions))
    counts: dict[str, int] = {}
    for row in table:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    lines = [f"Tender {t['tender_id']}: {t['title']} ({Path(t['source_file']).name})",
             f"{len(rows)} question{'s' if len(rows) != 1 else ''}: "
             + ", ".join(f"{n} {status}" for status, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), ""]
    lines += identity_lines(db, t["tender_id"]) + [""]
    if markdown:
        lines += ["| ref | question | sub-points | limit | weighting | words used | status | owner | due |",
                  "|---|---|---|---|---:|---:|---|---|---|"]
        for row in table:
            lines.append(f"| {_cell(row['ref'])} | {_cell(_short(row['question'], 70))} | "
                         f"{len(row['points'])}: {_cell('; '.join(row['points']))} | {_cell(row['limit'])} | "
                         f"{row['weighting']} | {row['words']} | {_cell(row['status'])} | {_cell(row['owner'])} | "
                         f"{_cell(row['due'])} |")
    else:
        cols = [("ref", "ref", 14, "<"), ("question", "question", 44, "<"), ("parts", "sub-points", 10, ">"),
                ("limit", "limit", 22, "<"), ("weighting", "weighting", 9, ">"), ("words", "words used", 22, ">"),
                ("status", "status", 26, "<"), ("owner", "owner", 16, "<"), ("due", "due", 10, "<")]
        cells = [{**{k: _short(" ".join(str(row.get(k, "")).split()), w) for k, _, w, _ in cols},
                  "parts": str(len(row["points"]))} for row in table]
        widths = {k: max([len(head)] + [len(c[k]) for c in cells]) for k, head, _, _ in cols}
        lines.append("  ".join(f"{head:{align}{widths[k]}}" for k, head, _, align in cols).rstrip())
        for c in cells:
            lines.append("  ".join(f"{c[k]:{align}{widths[k]}}" for k, _, _, align in cols).rstrip())
        lines += ["", "Sub-points (each answer's headings; once drafted, the words and what each part holds):"]
        for row, r in zip(table, rows):
            lines.append(f"{row['ref']} {_short(row['question'], 70)}")
            parts = json.loads(r["coverage"] or "{}").get("rows", []) if (r["answer"] or "").strip() else []
            drafted = {p["label"]: p for p in parts}
            under = {h: label for label, _, _, heads in row["parts"] for h in heads}
            opened = ""
            for n, heading in enumerate(row["points"], 1):
                if under.get(heading) and under[heading] != opened:
                    # the buyer's part, under its own number, with its own limit ('12.1 Mobilisation and TUPE: 3
                    # sides of A4, taken as 1,500 words')
                    opened = under[heading]
                    label, title, limit, _ = next(p for p in row["parts"] if p[0] == opened)
                    lines.append(f"  {_part_line(label, title)}: {limit}")
                part = drafted.get(heading)
                said = f" ({part['words']} words; {part['status']})" if part else ""
                lines.append(f"{'    ' if under.get(heading) else '  '}{n}. {heading}{said}")
    if rules:  # the buyer's format, scoring and attachment rules: for the bid team, not sub-points
        lines += ["", "Instructions from the buyer (not sub-points):"] + rules
    left = gaps.tender_gaps(rows)
    if left:  # what the writer still has to write or attach: each scores as no answer if submitted
        lines += ["", f"Gaps to fill before export ({len(left)}; a placeholder scores as no answer):"]
        lines += gaps.gaps_by_question(left)
    undrafted = [r for r in rows if str(r["status"] or "").startswith("not drafted") and not _has_limit(r)]
    if undrafted:  # what stops 'tender draft --all', and the command that fixes each
        lines += ["", f"Not drafted for want of a limit ({len(undrafted)}):"]
        lines += [f"- {r['ref']}: {no_limit_fix(r['ref'])}" for r in undrafted]
    stale = stale_references(db, t["tender_id"])
    if stale:  # an answer naming another for a method that one no longer says (an edit, a swap, a new limit)
        lines += ["", f"References to mend ({len(stale)}; the bid must say the method somewhere):"]
        lines += [f"- {why.replace(': drafted again', '')}: evidencebot tender draft {r['ref']}" for r, why in stale]
    unknown = [r for r in tender_profile_rows(db, t["tender_id"])[1]
               if not r["value"] and r["field"] not in tender_profile.OPTIONAL]
    if unknown:  # the tender's own facts nobody gave: answers leave out what needs them
        lines += ["", "Not known for this tender (answers leave out what needs it): "
                  + tender_profile.describe_unknown([r["field"] for r in unknown])]
    return "\n".join(lines)


def parts_held(question: str) -> list[tuple[str, str, str, list[str]]]:
    """The buyer's parts ``question`` holds each to its own limit, as the answer is written under them: (label,
    title, the limit as the buyer set it with how it was converted, the sub-points' labels); [] when the question
    is not in such parts or its limit cannot be read."""
    try:
        plan = plan_question(question)
    except InputError:
        return []
    numbered = {p.label: p for p in numbered_parts(question)[0]}
    found: dict[str, tuple[str, str, list[str]]] = {}
    for p in plan.points:
        if p.part and p.part_limit:
            said = numbered[p.part].describe() if p.part in numbered else f"{p.part_limit:,} words"
            found.setdefault(p.part, (p.part_title, said, []))[2].append(p.label)
    return [(label, title, said, labels) for label, (title, said, labels) in found.items()] if len(found) >= 2 else []


def _part_line(label: str, title: str) -> str:
    """'12.1 Mobilisation and TUPE'; a title that starts with its label is said once ('Part A — Social value')."""
    title = " ".join(title.split())
    return title if title.lower().startswith(label.lower()) else f"{label} {title}".strip()


def assign(db: Database, ref: str, *, owner: str | None, due: str | None, tender_id: int | None = None) -> None:
    row = find_question(db, ref, tender_id)
    update = {}
    if owner is not None:
        update["owner"] = " ".join(owner.split()) or None
    if due is not None:
        try:
            dt.date.fromisoformat(due)
        except ValueError:
            raise InputError(f"due date {due!r} is not a date (use YYYY-MM-DD)") from None
        update["due_on"] = due
    tender_rows.update_question(db, row["id"], update)


def draft(db: Database, ref: str | None, *, tender_id: int | None = None, period: str | None = None,
          story: str | None = None, checker=None, progress=None) -> list[dict]:
    """Draft answers (one ``ref``, or all when None); store them with words, coverage and status.
    A question without a limit is left (its result has ``answer`` None, a ``reason`` and the
    command that fixes it, ``fix``). ``progress(n, total, ref)`` is called before each answer."""
    t, rows = questions(db, tender_id)
    if ref is not None:
        rows = [find_question(db, ref, t["tender_id"])]
        if not _has_limit(rows[0]):
            raise InputError(f"question {rows[0]['ref']} has no limit: {no_limit_fix(rows[0]['ref'])}")
    results = _draft_rows(db, t, rows, period=period, story=story, checker=checker, progress=progress)
    # an answer that refers to another for a method ('Our answer to question C1 sets out ...') is drafted again when
    # that answer no longer says it (review s17 finding 3: 'tender limit C1 --words 80', then 'tender draft C1'), so
    # that the bid states the method somewhere; each answer at most once, which ends any chain of references
    redrafted = {r["ref"] for r in results if r["answer"] is not None}
    while True:
        stale = [(row, why) for row, why in stale_references(db, t["tender_id"]) if row["ref"] not in redrafted]
        if not stale:
            break
        redrafted.update(row["ref"] for row, _ in stale)
        # an answer holding the writer's own edits (tender keep) is not overwritten: listed, with the command
        edited = [(row, why) for row, why in stale if json.loads(row["coverage"] or "{}").get("edited")]
        results += [{"ref": row["ref"], "row": row, "answer": None, "because": why,
                     "reason": why.replace(": drafted again", "") + "; it holds your edits, so it was not drafted again",
                     "fix": f"draft it again with 'evidencebot tender draft {row['ref']}', or edit it"}
                    for row, why in edited]
        stale = [(row, why) for row, why in stale if (row, why) not in edited]
        if not stale:
            break
        again = _draft_rows(db, t, [row for row, _ in stale], period=period, checker=checker, progress=progress)
        for item, (_, why) in zip(again, stale):
            item["because"] = why
        results += again
    return results


def stale_references(db: Database, tender_id: int) -> list[tuple[dict, str]]:
    """The tender's drafted answers that refer to another answer for a method that answer no longer says (it was
    drafted again to a shorter limit, with another block, or edited), each with why ('C2 referred to C1 for ...,
    which C1 no longer says'): to be drafted again (:func:`draft`) or listed for the writer."""
    rows = questions(db, tender_id)[1]
    said = {r["ref"]: said_key(r["answer"] or "") for r in rows}
    out = []
    for r in rows:
        if not (r["answer"] or "").strip():
            continue
        for told in json.loads(r["coverage"] or "{}").get("told") or []:
            there = said.get(told.get("ref"), "")
            if any(k and k not in there for k in told.get("said") or []):
                what = re.sub(r"^Our answer (?:to|on) .*? sets out (.*?), and the same applies here\.$", r"\1",
                              told.get("text") or "")
                out.append((r, f"{r['ref']} referred to {told.get('ref')} for {what or 'a method'}, which "
                               f"{told.get('ref')} no longer says: drafted again"))
                break
    return out


def _draft_rows(db: Database, t: dict, rows: list[dict], *, period=None, story=None, checker=None,
                progress=None) -> list[dict]:
    """Draft ``rows`` of tender ``t`` with the tender's other answers as context, and store them (:func:`draft`)."""
    results = []
    shared, facts, whole = drafting_context(db, t["tender_id"], {r["ref"] for r in rows})
    # every answer first, then one write: a write changes the data version, which would
    # empty the indicator and checker caches before the next question
    for n, r in enumerate(rows, 1):
        if progress is not None:
            progress(n, len(rows), r["ref"])
        if not _has_limit(r):
            # drafted without a budget an answer could run past what the panel reads: left for the
            # bid team to set, the other questions drafted
            results.append({"ref": r["ref"], "row": r, "answer": None, "reason": "no limit",
                            "fix": no_limit_fix(r["ref"])})
            continue
        shared.ref = r["ref"]  # a later answer names this one where it would say the same method again
        try:
            answer = assemble_tender(db, draft_text(r), None, period=period, checker=checker, story=story,
                                     shared=shared, tender=facts, buyer_context=whole)
        except InputError as exc:
            if "per part only" not in str(exc):
                raise
            # limits per part whose sub-points cannot be placed in the parts: left for the bid team to set the
            # whole answer's limit, the other questions drafted (as a question without a limit is)
            results.append({"ref": r["ref"], "row": r, "answer": None, "reason": "limits per part only",
                            "fix": no_limit_fix(r["ref"])})
            continue
        results.append({"ref": r["ref"], "row": r, "answer": answer})
    with db.atomic():
        for item in results:
            r, answer = item["row"], item["answer"]
            if answer is None:
                tender_rows.update_question(db, r["id"], {"status": f"not drafted: {item['reason']}"})
                continue
            status = "checked" if not answer.findings else "needs work"
            if any(row.status.startswith(("evidence only", "nothing", "squeezed")) for row in answer.coverage):
                status += "; parts to write"
            if any(row.status.startswith("drafted from the question") for row in answer.coverage):
                status += "; parts drafted from the question to confirm"
            # every column of the compliance sheet, as a one-answer export writes it (budget, paragraphs, evidence)
            coverage = {"rows": [{"label": c.label, "status": c.status, "words": c.words, "note": c.note,
                                   "marker": c.marker, "key": c.key, "budget": c.budget,
                                   "paragraphs": list(c.paragraphs), "evidence": c.evidence, "limit": c.limit,
                                   "part": c.part, "part_limit": c.part_limit}
                                  for c in answer.coverage],
                        "stories": [s["id"] for s in answer.sources if s["kind"] == "story"],
                        "blocks": answer.blocks,
                        # for the compliance workbook's 'Commitments to confirm': what was written on the buyer's terms
                        "commitments": answer.commitments,
                        # for the response's evidence appendix: every figure traceable after export
                        "figures": answer.figures, "sources": answer.sources,
                        # which other answers this one refers to for a method, re-checked when they change
                        "told": answer.told}
            tender_rows.update_question(db, r["id"], {
                "answer": answer.markdown, "words": answer.counts.words, "status": status,
                "coverage": json.dumps(coverage), "drafted_at": _now()})
            library.record_use(db, answer.blocks, f"tender {t['tender_id']} question {r['ref']}", r["question"])
    return results


def drafting_context(db: Database, tender_id: int, drafting: set[str]) -> tuple[TenderShared, dict[str, str], str]:
    """What an answer of the tender is drafted with besides its question: what the tender's other drafted answers
    used (blocks, stories, sentences: not repeated), the tender's own facts, and the whole questionnaire's text (the
    buyer's figures are read from all of it, so that every answer sets the same figures against ours). ``drafting``:
    the references being drafted now (their stored answers do not count)."""
    shared = TenderShared()  # answers of one tender avoid each other's blocks, stories and sentences
    rows = questions(db, tender_id)[1]
    whole = "\n".join(draft_text(q) for q in rows)
    # an answer whose reference is a file's name is named by its title in another ('our answer on ...')
    shared.names = {q["ref"]: question_title(draft_text(q)) for q in rows}
    for other in rows:
        if other["ref"] in drafting or not (other["answer"] or "").strip():
            continue
        # answers drafted earlier count too: their sentences and blocks are not repeated
        shared.sentences.update(_sentences(other["answer"]))
        for s in _sentences(other["answer"]):
            shared.said_in.setdefault(said_key(s), other["ref"])
        cov = json.loads(other["coverage"] or "{}")
        shared.blocks.update(cov.get("blocks", []))
        shared.stories.update(cov.get("stories", []))
    return shared, tender_facts(db, tender_id), whole


def swap_block(db: Database, ref: str, answer, key: str, block_id: str, *, tender_id: int | None = None):
    """Question ``ref``'s drafted ``answer`` with block ``block_id`` in part ``key``
    (:func:`evidencebot.compose.tender.swap_block`), assembled again with the tender's context as
    :func:`draft` drafts it (:func:`drafting_context`), not the question alone."""
    row = find_question(db, ref, tender_id)
    shared, facts, whole = drafting_context(db, row["tender_id"], {row["ref"]})
    return swap_answer_block(db, answer, key, block_id, shared=shared, tender=facts, buyer_context=whole)


def _has_limit(row: dict) -> bool:
    return bool(row["word_limit"] or row["char_limit"] or row["page_limit"])


def no_limit_fix(ref: str) -> str:
    """The command that gives question ``ref`` a limit (the buyer's, from the questionnaire)."""
    quoted = ref if re.fullmatch(r"[\w.-]+", ref) else f"'{ref}'"
    return f"set the buyer's limit with 'evidencebot tender limit {quoted} --words N' (or --chars N, --pages N)"


def find_question(db: Database, ref: str, tender_id: int | None = None) -> dict:
    """The tender's question ``ref``, as the buyer numbers it; 'q3.2', '3.2' and 'Question 3.2'
    all find 'Q3.2'."""
    t, rows = questions(db, tender_id)

    def key(text: str) -> str:
        return re.sub(r"^(?:q(?:uestion)?\.?)\s*(?=\d)", "", " ".join(str(text).lower().split()))

    for match in (lambda r: r["ref"] == ref, lambda r: key(r["ref"]) == key(ref)):
        found = [r for r in rows if match(r)]
        if len(found) == 1:
            return found[0]
    refs = ", ".join(r["ref"] for r in rows)
    raise InputError(f"tender {t['tender_id']} has no question {ref!r} (its questions: {refs})")


def draft_text(row: dict) -> str:
    """The question as drafting reads it: the buyer's question, guidance and limit. A limit the
    bid team set (:func:`set_limit`) stands in for the one the buyer's text states, if any."""
    text = "\n".join(x for x in (row["question"], row["guidance"] or "", row["limit_text"] or "") if x)
    stated = read_limits(text)
    if (stated.words, stated.chars, stated.pages) == (row["word_limit"], row["char_limit"], row["page_limit"]):
        return text
    body = "\n".join(x for x in (row["question"], row["guidance"] or "") if x)
    return "\n".join(x for x in (_strip_limits(body).strip(), _limit_sentence(row)) if x)


def _limit_sentence(row: dict) -> str:
    parts = []
    if row["word_limit"]:
        parts.append(f"Maximum {row['word_limit']:,} words.")
    if row["char_limit"]:
        parts.append(f"Maximum {row['char_limit']:,} characters.")
    if row["page_limit"]:
        pages = row["page_limit"]
        parts.append(f"No more than {pages:g} side{'s' if pages != 1 else ''} of A4.")
    return " ".join(parts)


def set_limit(db: Database, ref: str, *, words: int | None = None, chars: int | None = None,
              pages: float | None = None, weighting: float | None = None,
              tender_id: int | None = None) -> dict:
    """Give question ``ref`` the buyer's limit (and weighting) without importing the questionnaire
    again: what it says replaces the limit read from the document; a drafted answer goes back to
    'not started' (and is dropped) when its limit changes: it was budgeted for the old one.
    Returns the row as it now is."""
    row = find_question(db, ref, tender_id)
    given = [v for v in (words, chars, pages) if v is not None]
    if not given and weighting is None:
        raise InputError("give the limit: --words N, --chars N or --pages N (and --weighting W if you want)")
    for name, value in (("--words", words), ("--chars", chars), ("--pages", pages), ("--weighting", weighting)):
        if value is not None and value <= 0:
            raise InputError(f"{name} {value:g} is not a limit (give a number above 0)")
    update: dict = {}
    if given:
        update = {"word_limit": words, "char_limit": chars, "page_limit": pages}
        update["limit_text"] = _limit_sentence({**row, **update})
        if (words, chars, pages) != (row["word_limit"], row["char_limit"], row["page_limit"]) or \
                str(row["status"] or "").startswith("not drafted"):
            # an answer budgeted for another limit is not kept: draft it again
            update.update({"status": "not started", "answer": None, "words": None, "coverage": None,
                           "drafted_at": None})
    if weighting is not None:
        update["weighting"] = weighting
    tender_rows.update_question(db, row["id"], update)
    return {**row, **update}


def contradictions(db: Database, tender_id: int | None = None) -> list:
    """Every drafted answer of the tender read together (:mod:`evidencebot.compose.consistency`):
    facts stated with different values, open incident actions told as current practice."""
    t, rows = questions(db, tender_id)
    answers = [(r["ref"], r["answer"]) for r in rows if (r["answer"] or "").strip()]
    drafts = [(r["ref"], draft_text(r)) for r in rows]  # the buyer's questions, read once for both checks
    facts = tender_facts(db, t["tender_id"])
    service = get_profile(db)
    library_facts = load_facts()  # facts.yaml, read once for both checks
    # and each answer against the tender's own facts (another buyer, start date or provider status)
    return check_answers(answers, db=db, facts=library_facts) + \
        against_buyer(answers, drafts, facts=library_facts) + \
        tender_profile.check_against(tender_profile.resolve(service, facts), answers, service,
                                     "\n".join(text for _, text in drafts))


def _heading(row: dict, checker, edits: list[Edit]) -> str:
    """The response's heading for a question: the buyer's reference and the title the answer is drafted
    under (:func:`questions.question_title`; the limit, weighting and specification notes are for the bid
    team), checked as the answer's title is; the reference alone when there is no title, it is long,
    or the buyer's words in it carry a finding."""
    title = question_title(draft_text(row), or_question=True)
    own = title_reference(title)
    if own:  # the buyer's numbering is the row's reference
        title = title[len(own):].strip(" .:)–—-")
    ref = row["ref"]
    # the reference as a whole token: ref '1' is not in 'the first 100 days', '2' does not start '24/7'
    if re.match(rf"{re.escape(ref)}(?=$|[\s:)–—-]|\.(?!\w))", title):  # 'C2.1' as reference and title: once
        title = title[len(ref):].strip(" .:)–—-")
    if title and re.search(rf"(?<![\w./]){re.escape(ref)}(?![\w/]|\.\w)", title) \
            and _checked_title(title, checker, edits) == title:
        return title  # 'Quality Question 9 — Co-production', not 'Question 9 Quality Question 9 — ...'
    if title and _checked_title(f"{ref} {title}", checker, edits) == f"{ref} {title}":
        return f"{ref} {title}"
    return ref if re.match(r"(?i)q", ref) else f"Question {ref}"


def export(db: Database, output, *, tender_id: int | None = None, force: bool = False,
           anonymous: bool | None = None, name_provider: bool | None = None) -> list[Path]:
    """The response document under the buyer's numbering, its evidence appendix
    (``<output>-evidence``) and the bid team's compliance sheet (``<output>-compliance.xlsx``), and
    for an Excel questionnaire a copy of the buyer's workbook with the answers filled in. All
    files or none. ``anonymous`` (default: when a question asks that the bidder not be named): no provider or
    service name in the answers, the header or the document's properties (:mod:`anonymity`). ``name_provider``
    (default: the config's ``[documents] name_provider``, false): the Word header and properties name the
    provider; else the response is blind there whatever the questions say (:meth:`ExportDoc.names_provider`)."""
    t, rows = questions(db, tender_id)
    if anonymous is None:
        anonymous = any(anonymity.asked(r["question"] or "") for r in rows) or \
            bool(tender_facts(db, t["tender_id"]).get(anonymity.FACT))
    ours = anonymity.names(get_profile(db), organisation_name()) if anonymous else {}
    rows = [dict(r, answer=anonymity.anonymise(r["answer"] or "", ours)) if anonymous else r for r in rows]
    missing = [r for r in rows if not (r["answer"] or "").strip()]
    if missing:
        fix = "use 'evidencebot tender draft --all'"
        if any(not _has_limit(r) for r in missing):
            fix += "; a question without a limit first needs 'evidencebot tender limit REF --words N'"
        raise InputError(f"no answer drafted yet for {', '.join(r['ref'] for r in missing)} ({fix})")
    unrecorded = [r["ref"] for r in rows if "figures" not in json.loads(r["coverage"] or "{}")]
    if unrecorded:  # the evidence appendix would leave their figures untraced
        raise InputError(f"the answers to {', '.join(unrecorded)} were drafted before their figures were recorded "
                         "for the evidence appendix: draft them again ('evidencebot tender draft --all')")
    path = ex.check_target(output, force=force)
    fmt = ex.guess_format(path, None)
    parts, stories, figures, sources, compliance, commitments = [], [], {}, {}, [], []
    notes: list[tuple[str, str]] = []
    checker = get_checker(db)
    for r in rows:
        parts.append(f"## {_heading(r, checker, [])}")
        parts.append(_demote(r["answer"]))
        coverage = json.loads(r["coverage"] or "{}")
        stories += coverage.get("stories", [])
        for f in coverage.get("figures", []):
            figures.setdefault((f.get("id"), f.get("period")), f)
        for src in coverage.get("sources", []):
            sources.setdefault((src.get("kind"), src.get("id"), src.get("title")), src)
        notes += [(part.get("marker") or write_marker(part["label"]), part["note"])
                  for part in coverage.get("rows", []) if part.get("note")]
        notes += [(line, ATTACH_NOTE) for line in gaps.attach_lines(r["answer"] or "")]  # the review copy's comment
        compliance += compliance_rows(r, coverage)
        commitments += [dict(c, part=f"{r['ref']}: {c.get('part')}") for c in coverage.get("commitments", [])]
    doc = ex.ExportDoc(title=t["title"], body="\n\n".join(parts), kind="response", anonymous=bool(anonymous),
                       name_provider=name_provider,
                       organisation="" if anonymous else get_profile(db).get("provider", ""),
                       # the buyer's questionnaire by its file name; question files of our own are not named
                       context=([("Questionnaire", Path(t["source_file"]).name)] if t["source_kind"] != "text" else [])
                       + [("Questions", str(len(rows)))],
                       figures=list(figures.values()), sources=list(sources.values()), compliance=compliance,
                       writer_notes=notes, commitments=commitments)
    # beside the response, as for one answer: its evidence appendix (each figure's period, base,
    # interval and definition) and the bid team's compliance sheet (the sub-points, words, status)
    files = ex.render_all(doc, path, fmt)
    for extra, _ in files[1:]:
        ex.check_target(extra, force=force)
    if t["source_kind"] == "xlsx":
        source = Path(t["source_file"])
        if not source.is_file():
            raise InputError(f"{source}: the buyer's workbook is no longer there: import it again")
        copy = path.with_name(f"{path.stem}-{source.stem}.xlsx")
        if copy.resolve() == source.resolve():
            raise InputError(f"{copy}: that is the buyer's original workbook; choose another output name")
        ex.check_target(copy, force=force)
        # the buyer's workbook is submitted too: no writer's marker in its answer cells (the review copy keeps them)
        answers = {r["row"]: cell_text(gaps.strip_writer_markers(r["answer"] or "")) for r in rows if r["row"]}
        files.append((copy, write_answers_xlsx(source, copy, t["sheet"], t["answer_column"], answers)))

    with db.atomic():  # recorded and written together: a failed write takes the record back
        for p, _ in files:
            workflow.record_export(db, str(p.absolute()), "tender", sorted(set(stories)), text=doc.body)
        ex.place_all(files)
    return [p for p, _ in files]


def compliance_rows(row: dict, coverage: dict) -> list[dict]:
    """The compliance sheet's rows for one question: its words against its limit, then each sub-point with its word
    budget, words used, the answer's paragraphs that hold it and its evidence, as ``assemble tender`` writes them
    for one answer. An answer drafted before these were stored gives its budget, paragraphs and evidence as 'draft
    again to fill' rather than an empty cell or 'none'."""
    parts = coverage.get("rows", [])
    limit = limit_label(row) or "no limit"
    words = row["words"] if row.get("words") is not None else counts(row["answer"] or "").words  # as 'tender draft' said
    over = bool(row["word_limit"] and words > row["word_limit"])
    out = [{"label": f"{row['ref']}: the whole answer ({limit})", "budget": row["word_limit"], "words": words,
            "paragraphs": ["all"], "evidence": "", "status": "OVER THE LIMIT" if over else "within the limit",
            "note": ""}]
    for part in parts:
        stored = "budget" in part  # drafted after 'budget', 'paragraphs' and 'evidence' were kept with the answer
        key = str(part.get("key") or "")
        keyed = f"({key}) " if key and not key.startswith("p") else ""  # the buyer's own lettering ('(b)')
        out.append({"label": f"{row['ref']}: {keyed}{part['label']}", "limit": part.get("limit"),
                    "part": f"{row['ref']} {part['part']}" if part.get("part") else "",
                    "part_limit": part.get("part_limit"),
                    "budget": part.get("budget") if stored else "draft again to fill", "words": part.get("words"),
                    "paragraphs": part.get("paragraphs") or [] if stored else ["draft again to fill"],
                    "evidence": part.get("evidence") or "" if stored else "draft again to fill",
                    "status": part.get("status"), "note": part.get("note", "")})
    return out


def cell_text(markdown: str) -> str:
    """An answer as a spreadsheet cell shows it: plain text, each part's heading a line of its own
    (no '##' or '**'), list items with a bullet, paragraphs apart."""
    out = []
    for line in (markdown or "").strip().splitlines():
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = re.sub(r"^(\s*)[-*+]\s+", r"\1• ", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])", r"\1", line)
        out.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))


def _demote(markdown: str) -> str:
    """Sub-point headings inside an answer go one level down (the question is level 2)."""
    return re.sub(r"^(#{2,5}) ", lambda m: "#" + m.group(1) + " ", markdown or "", flags=re.M)


def _line_of(answer: str, start: int, match: str) -> tuple[int, str]:
    """The answer's line (1-based) that holds offset ``start`` (else the first line holding ``match``), and its text."""
    lines = (answer or "").split("\n")
    if 0 <= start < len(answer or ""):
        n = (answer or "").count("\n", 0, start)
        return n + 1, lines[n]
    for n, line in enumerate(lines):
        if match and match in line:
            return n + 1, line
    return 0, ""


def _quote(line: str, match: str, width: int = 160) -> str:
    """The line, cut around ``match`` when it is long."""
    line = " ".join(line.split())
    if len(line) <= width:
        return line
    at = max(0, line.find(match) - width // 3) if match in line else 0
    cut = line[at:at + width]
    return ("…" if at else "") + cut + ("…" if at + width < len(line) else "")


def lines_to_change(results: list[dict], clashes: list) -> list[str]:
    """What a writer must change before the answers are submitted, each with the line to change: every checker finding
    left in a drafted answer ('4.2, line 5: warning rule: “the line”: why') and every contradiction between the
    tender's answers (one fact stated two ways, the buyer's figure against ours). ``tender draft`` prints these last,
    where the writer looks; the app puts them first in its reply."""
    out = []
    for r in results:
        answer = r.get("answer")
        if answer is None:
            continue
        for f in answer.findings:
            n, line = _line_of(answer.markdown, f.start, f.match)
            where = f"{r['ref']}, line {n}" if n else r["ref"]
            out.append(f"{where}: {f.severity} ({f.rule}) “{_quote(line or f.match, f.match)}”: {f.message}")
    out += [c.describe() for c in clashes]
    return out


def keep_answer(db: Database, ref: str, text: str, *, tender_id: int | None = None, answer=None) -> tuple[dict, list]:
    """The writer's own text (edited in the app's editor) as question ``ref``'s answer, checked as a drafted answer is:
    the checker with the database, at any severity, and the question's word limit. ``answer``: the
    :class:`~evidencebot.compose.tender.TenderAnswer` the text is (a swapped block), whose coverage then replaces the
    stored one; otherwise the stored coverage (its figures for the evidence appendix) is kept. Returns the row as it
    now is and the findings left."""
    row = find_question(db, ref, tender_id)
    text = (text or "").strip()
    if not text:
        raise InputError(f"the draft for {row['ref']} is empty: nothing to keep")
    # held to the buyer's facts as a drafted answer is (the whole tender's: a fact in one question binds every answer)
    _, facts, whole = drafting_context(db, row["tender_id"], {row["ref"]})
    question = draft_text(row)
    held = buyer_facts.read(buyer_facts.sources(question, "\n".join(
        x for x in (whole, facts.get(buyer_terms.FACT, "")) if x)))
    findings = buyer_facts.Checked(get_checker(db), held, home=tender_home(question)).check_text(text)
    words = counts(text).words
    status = "checked" if not findings else "needs work"
    if row["word_limit"] and words > row["word_limit"]:
        status = f"needs work; {words:,} words, over the limit of {row['word_limit']:,}"
    elif re.search(r"\[To (?:write|confirm|attach)\b", text):
        status += "; parts to write"
    update = {"answer": text, "words": words, "status": status, "drafted_at": _now()}
    if answer is not None and getattr(answer, "coverage", None):
        stored = json.loads(row["coverage"] or "{}")
        stored["rows"] = [{"label": c.label, "status": c.status, "words": c.words, "note": c.note, "marker": c.marker,
                           "key": c.key, "budget": c.budget, "paragraphs": list(c.paragraphs),
                           "evidence": c.evidence, "limit": c.limit, "part": c.part, "part_limit": c.part_limit}
                          for c in answer.coverage]
        stored["blocks"] = answer.blocks
        stored["told"], stored["edited"] = answer.told, False
        update["coverage"] = json.dumps(stored)
    elif row["coverage"]:  # the writer's own text: its references as they stand in it, re-checked, never redrafted
        stored = json.loads(row["coverage"])
        stored["told"] = [x for x in stored.get("told") or [] if x.get("text") and x["text"] in text]
        stored["edited"] = True
        update["coverage"] = json.dumps(stored)
    tender_rows.update_question(db, row["id"], update)
    return {**row, **update}, findings


# ---------------------------------------------------------------- a gap's text kept as a block (compose/gapflow.py)


def tender_buyer(db: Database, row: dict) -> str:
    """The buyer a tender question's answer is drafted for, as its drafting resolves it (:func:`gapflow.draft_buyer`): the
    tender's facts and the question's own words over the service profile."""
    _, facts, whole = drafting_context(db, row["tender_id"], {row["ref"]})
    profile = get_profile(db)
    given = {k: f.value for k, f in tender_profile.facts_for(draft_text(row), profile, facts, drafting=True,
                                                              context=whole).items()}
    return gapflow.draft_buyer(tender_profile.resolve(profile, given).profile.get("commissioner"))


def save_tender_gap(db: Database, ref: str, part: str, *, tender_id: int | None = None, user: str | None = None,
                    today=None) -> tuple[str, gapflow.WriterGap]:
    """``library from-gap REF PART``: the text written in a part of tender question ``ref``'s answer as kept in the
    tender (``tender keep``, or the app's editor) saved as a draft block. Returns the block id and the gap."""
    row = find_question(db, ref, tender_id)
    if not (row.get("answer") or "").strip():
        raise InputError(f"{row['ref']} has no drafted answer yet ('evidencebot tender draft {row['ref']}')")
    gap = gapflow.find_gap(gapflow.stored_gaps(row), part)
    plan = plan_question(draft_text(row), row.get("word_limit"))
    tender = questions(db, row["tender_id"])[0]
    buyer = tender_buyer(db, row)
    heading = gap.heading or gap.part
    ident = gapflow.save_part_as_block(db, part=heading, text=gapflow.part_text(row["answer"], heading),
                                       ask=gapflow.point_ask(plan, gap), buyer=buyer,
                                       source=f"tender {tender.get('title') or tender['tender_id']}, {row['ref']}: "
                                       f"{gapflow.title_of(heading)}", owner=user, today=today)
    return ident, gap
