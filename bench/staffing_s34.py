"""Staffing answers against the buyer's staffing table (session 34, issue 12: 'no two answers for the same service
contradicting each other', 'every figure traceable').

For every spent question with a staffing table (hand-labelled in tests/data/labelled/staffing_tables_s34.jsonl: each
role and its minimum WTE, cited by row, the subsets a table or an ask gives, the total):

- read: the buyer's roles and minimums as the engine reads them (buyer_scale.role_minimums over the text an answer of
  the tender reads), against the labels: roles read right, roles missed or misread, posts read that are not a role of
  the table (a subset read as a post, a role from elsewhere in the tender);
- establishment: the establishment every answer of the tender fills its blocks with (buyer_scale.adapt, as
  tender.assemble_tender calls it), for each question of the tender (--all) or the staffing question only: the
  buyer's roles missing or under their minimum, posts double-counted (a subset of the buyer's roles said as more
  posts), roles of ours not said as additions, a total that is not the sum of its roles, totals that differ between
  the questions of one tender;
- answers (--answers DIR, files SET_QNN.md from /work/coord/s34/gen_some.sh): the same checks on the establishment
  each answer states ('The funded establishment is ...'), a claim to meet 'every staffing minimum' with a role left
  out, and the totals the answers of one tender state.

  PYTHONPATH=src python bench/staffing_s34.py --db DEMO.db [--all] [--answers DIR] [--only s33]
  (PYTHONPATH names the tree measured: a tree at the commit before, for the 'before' figures)
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from evidencebot.compose import buyer_scale, buyer_terms, tender_profile
from evidencebot.compose.tender_store import question_file_context
from evidencebot.store.blocks import get_profile
from evidencebot.store.db import connect

ROOT = Path(__file__).resolve().parent.parent

LABELS = ROOT / "tests/data/labelled/staffing_tables_s34.jsonl"


def _buyer_text(db, path: Path) -> str:
    facts, whole, _ = question_file_context(db, path)
    return "\n".join([path.read_text(), whole, facts.get(buyer_terms.FACT, "")])


def establishment_for(db, profile: dict, path: Path) -> tuple[str, str]:
    """(team_wte, the sentence beside it) an answer to ``path`` fills its blocks with, as assemble_tender derives them."""
    facts, whole, _ = question_file_context(db, path)
    question = path.read_text()
    text = "\n".join([question, whole, facts.get(buyer_terms.FACT, "")])
    given = {k: f.value for k, f in tender_profile.facts_for(question, profile, facts, drafting=True,
                                                              context=whole).items()}
    resolved = tender_profile.resolve(profile, given)
    figures = buyer_terms.read_figures(text)
    fill = buyer_terms.adapt_profile(resolved.profile, buyer_terms.compare(figures, resolved.profile), figures)
    more = {"subsets": buyer_scale.role_subsets(text)} if hasattr(buyer_scale, "role_subsets") else {}  # s34 on
    fill, _ = buyer_scale.adapt(fill, buyer_scale.read(text), other_buyer=resolved.other_buyer,
                                localities=buyer_scale.locality_names(text), current=profile,
                                minimums=buyer_scale.role_minimums(text), **more)
    return fill.get("team_wte") or "", fill.get(buyer_scale.DIFFERS, "")


_ITEM = re.compile(r"(?:^|[:;,(]\s*|\band\s+)(?:the\s+)?(?P<role>[A-Za-z][A-Za-z'’ /-]*?)\s+(?P<n>\d+\.\d)(?=\s*[,;)]|\s+and\b|\s*$|\.)")


def roles_in(text: str) -> list[tuple[str, float]]:
    """(role, WTE) of an establishment as the answers write it ('... posts for this contract: service manager 1.0,
    clinical leads 1.6 ... and data and quality officer 0.5'), sub-totals ('14.0 WTE') left out."""
    body = text.split(":", 1)[1] if ":" in text else text
    body = re.split(r";\s*at the specification", body)[0]
    body = re.sub(r"\d+(?:\.\d+)?\s*(?:WTE|whole-time-equivalent posts)", " ", body).strip()
    return [(" ".join(m.group("role").split()), float(m.group("n"))) for m in _ITEM.finditer(body)]


def total_in(text: str) -> float | None:
    m = re.search(r"(\d+(?:\.\d+)?)\s+whole-time-equivalent posts", text)
    return float(m.group(1)) if m else None


def judge(est: str, beside: str, label: dict) -> dict:
    """The establishment ``est`` (and the sentence ``beside`` it) against the buyer's table in ``label``."""
    roles = roles_in(est)
    said = est + " " + beside
    buyer = [(r, n) for r, n, _ in label["roles"]]
    missing = [r for r, n in buyer if not any(buyer_scale.same_role(r, o) and m + 1e-9 >= n for o, m in roles)]
    subsets = label.get("subsets") or []
    double = [o for o, _ in roles if any(_subset_named(o, s[0]) for s in subsets)]
    ours = [(o, m) for o, m in roles if not any(buyer_scale.same_role(r, o) for r, _ in buyer) and o not in double]
    unsaid = [o for o, _ in ours if not _said_as_added(o, said)]
    total = total_in(est)
    adds_up = total is not None and abs(total - sum(m for _, m in roles)) < 0.05
    claim = "every staffing minimum" in said or "every role minimum" in said
    return {"roles": len(roles), "missing": missing, "double": double, "ours": [o for o, _ in ours],
            "unsaid_additions": unsaid, "total": total, "adds_up": adds_up,
            "false_claim": bool(claim and (missing or double)), "subset_said": _subset_said(said, subsets)}


def _subset_named(role: str, subset: str) -> bool:
    """``role`` of an establishment names a subset of the buyer's posts ('welsh-speaking practitioners', 'named Peer
    Support Lead')."""
    a = set(re.findall(r"[a-z]+", role.lower())) - {"and", "of", "the", "named"}
    b = set(re.findall(r"[a-z]+", subset.lower())) - {"and", "of", "the", "named"}
    return bool(a) and a <= b and buyer_scale.same_role(role, subset.split("(")[0])


def _said_as_added(role: str, said: str) -> bool:
    """``role`` appears in a clause that says it is added to the buyer's roles."""
    for m in re.finditer(r"\badd(?:s|ed)?\b[^.]*(?:\.\d[^.]*)*", said, re.I):
        if role.lower() in m.group(0).lower():
            return True
    return False


def _subset_said(said: str, subsets: list) -> bool | None:
    if not subsets:
        return None
    return bool(re.search(r"\bof (?:these|the|them)\b(?:[^.]|\.\d){0,80}\b(?:will be|are|is)\b|\bof which\b|\bof whom\b", said, re.I))


def answer_establishment(md: str) -> tuple[str, str]:
    """The establishment an answer states, and the two sentences after it ('' when it states none)."""
    text = " ".join(md.split())
    m = re.search(r"(?:The funded establishment is |establishment is )(\d+(?:\.\d+)?\s+whole-time-equivalent posts"
                  r"[^.]*(?:\.\d[^.]*)*)\.\s*((?:(?:[^.]|\.\d)*\.\s*){0,2})", text)
    if not m:
        return "", ""
    return m.group(1), m.group(2) or ""


def read_score(db, label: dict) -> dict:
    text = _buyer_text(db, ROOT / label["file"])
    mins = buyer_scale.role_minimums(text)
    buyer = [(r, n) for r, n, _ in label["roles"]]
    # a role the buyer names with no WTE (label 0.0: 'must name a Designated Safeguarding Lead') is right when read
    right = [r for r, n in buyer if any(buyer_scale.same_role(r, m.role) and (not n or abs(m.wte - n) < 0.05)
                                        for m in mins)]
    extra = [f"{m.role} {m.wte:g}" for m in mins if not any(buyer_scale.same_role(r, m.role) for r, _ in buyer)]
    subs = label.get("subsets") or []
    as_posts = [e for e in extra if any(_subset_named(e.rsplit(" ", 1)[0], s[0]) for s in subs)]
    return {"right": len(right), "of": len(buyer), "wrong": [r for r, _ in buyer if r not in right], "extra": extra,
            "subset_as_post": as_posts}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--all", action="store_true", help="the establishment of every question of each tender")
    ap.add_argument("--answers", help="a folder of regenerated answers SET_QNN.md")
    ap.add_argument("--only", action="append", help="a set to measure (repeat)")
    ap.add_argument("--json", help="write the per-table rows here")
    a = ap.parse_args()
    db = connect(a.db)
    profile = get_profile(db)
    labels = [json.loads(x) for x in LABELS.read_text().splitlines() if x.strip()]
    if a.only:
        labels = [x for x in labels if x["set"] in a.only]
    tot = {"tables": 0, "roles": 0, "read_right": 0, "read_extra": 0, "subset_as_post": 0, "est_missing": 0,
           "est_double": 0, "est_unsaid": 0, "est_not_adding_up": 0, "est_false_claim": 0, "tenders_disagreeing": 0,
           "answers": 0, "ans_missing": 0, "ans_double": 0, "ans_unsaid": 0, "ans_not_adding_up": 0,
           "ans_false_claim": 0, "ans_no_establishment": 0, "ans_tenders_disagreeing": 0, "subset_unsaid": 0}
    rows = []
    for lab in labels:
        path = ROOT / lab["file"]
        r = read_score(db, lab)
        tot["tables"] += 1
        tot["roles"] += r["of"]
        tot["read_right"] += r["right"]
        tot["read_extra"] += len(r["extra"])
        tot["subset_as_post"] += len(r["subset_as_post"])
        qs = sorted(path.parent.glob("q[0-9][0-9].md")) if a.all else [path]
        ests = {q.stem: establishment_for(db, profile, q) for q in qs}
        est, beside = ests[path.stem]
        j = judge(est, beside, lab)
        totals = sorted({total_in(e) for e, _ in ests.values() if e})
        tot["est_missing"] += len(j["missing"])
        tot["est_double"] += len(j["double"])
        tot["est_unsaid"] += len(j["unsaid_additions"])
        tot["est_not_adding_up"] += 0 if j["adds_up"] else 1
        tot["est_false_claim"] += 1 if j["false_claim"] else 0
        tot["tenders_disagreeing"] += 1 if len(totals) > 1 else 0
        tot["subset_unsaid"] += 1 if j["subset_said"] is False else 0
        row = {"set": lab["set"], "q": lab["q"], "read": r, "establishment": j, "totals_across": totals}
        print(f"{lab['set']} {lab['q']}: read {r['right']}/{r['of']} extra {r['extra']} | est {j['total']} "
              f"(adds up {j['adds_up']}) missing {j['missing']} double {j['double']} unsaid {j['unsaid_additions']} "
              f"false-claim {j['false_claim']} subset said {j['subset_said']} | totals across {len(ests)} q: {totals}")
        if a.answers:
            got = sorted(Path(a.answers).glob(f"{lab['set']}_q[0-9][0-9].md"))
            seen = []
            for f in got:
                e, b = answer_establishment(f.read_text())
                if not e:
                    if f.stem.endswith(lab["q"]):
                        tot["ans_no_establishment"] += 1
                        print(f"   answer {f.name}: no establishment stated")
                    continue
                aj = judge(e, b, lab)
                seen.append(aj["total"])
                tot["answers"] += 1
                tot["ans_missing"] += len(aj["missing"])
                tot["ans_double"] += len(aj["double"])
                tot["ans_unsaid"] += len(aj["unsaid_additions"])
                tot["ans_not_adding_up"] += 0 if aj["adds_up"] else 1
                tot["ans_false_claim"] += 1 if aj["false_claim"] else 0
                print(f"   answer {f.name}: {aj['total']} (adds up {aj['adds_up']}) missing {aj['missing']} double "
                      f"{aj['double']} unsaid {aj['unsaid_additions']} false-claim {aj['false_claim']}")
            tot["ans_tenders_disagreeing"] += 1 if len(set(seen)) > 1 else 0
            row["answers"] = seen
        rows.append(row)
    print()
    print(f"tables {tot['tables']}, buyer roles {tot['roles']}")
    print(f"read: roles and minimums right {tot['read_right']}/{tot['roles']}; posts read that are no role of the table "
          f"{tot['read_extra']} (of them subsets read as posts {tot['subset_as_post']})")
    print(f"establishment (engine): buyer roles missing or under minimum {tot['est_missing']}; subset posts "
          f"double-counted {tot['est_double']}; our roles not said as additions {tot['est_unsaid']}; totals not the "
          f"sum of their roles {tot['est_not_adding_up']}; 'every minimum' claimed with a role missing "
          f"{tot['est_false_claim']}; subsets never said as subsets {tot['subset_unsaid']}; tenders whose questions "
          f"state different totals {tot['tenders_disagreeing']}")
    if a.answers:
        print(f"answers stating an establishment {tot['answers']} (staffing answers stating none "
              f"{tot['ans_no_establishment']}): buyer roles missing {tot['ans_missing']}; double-counted "
              f"{tot['ans_double']}; additions unsaid {tot['ans_unsaid']}; totals not adding up "
              f"{tot['ans_not_adding_up']}; false 'every minimum' claims {tot['ans_false_claim']}; tenders whose "
              f"answers disagree {tot['ans_tenders_disagreeing']}")
    if a.json:
        Path(a.json).write_text(json.dumps({"totals": tot, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
