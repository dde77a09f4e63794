"""The buyer's named requirements and Pass/Fail statements, against drafted answers.

    python bench/named_requirements.py tests/data/labelled/named_requirements_s8s9.jsonl ANSWERS_DIR

ANSWERS_DIR holds ``s8/qNN.md`` and ``s9/qNN.md`` drafted from ``tests/data/heldout/s8|s9/questions/qNN.md``
(``evidencebot assemble tender --question-file ... -o ANSWERS_DIR/s9/q04.md``), and ``pf11/qNN.md`` drafted from
``tests/data/labelled/pass_fail_pf11/qNN.md`` (Pass/Fail lists written in session 11). The labelled list (written
from each set's ``questions/facts.md`` and the demo's declarations, not from the code) gives per question:

* each named requirement (a protocol, a route, a threshold, a minimum, a meeting and its frequency, a timescale,
  a KPI, a date) with the words an answer committing to it must hold: ``keys`` is a list of groups, each a list
  of alternatives; the requirement counts as committed to when every group has one alternative in the answer's
  body (headings and "[To write]"/"[To confirm]"/"[To attach]" lines do not count);
* ``kind: figure`` (``named_requirements_s10.jsonl``): a figure of the buyer's an answer should use ('41.0% in
  Eastholme Coast'), counted as the others and also totalled apart ('by kind');
* ``part`` (``named_requirements_s13.jsonl``, session 14): words of the heading of the part whose sub-point names
  the item (or states the figure); the item is then also counted in that part alone (its heading to the next
  heading of the same or a higher level), as "in its part": a name the answer gives in another part only is not
  worked into the sub-point that asks about it;
* each Pass/Fail statement (``kind: confirmation``) with words of its heading and ``expected``: the answer the
  demo's declarations (``corpus/library/declarations.yaml``) support, "yes" or "to confirm". The part after that
  heading is *Yes* when it starts "Yes.", *to confirm* when it is a "[To confirm]" line, else *not answered*;
  it agrees when that is the expected answer. A "Yes" where "to confirm" is expected is a *false Yes*: the
  fault that can exclude a bid or become a contractual misstatement (review s10 item 1). Until session 10 this
  bench counted any "Yes." as confirmed, whether or not the record backed it.

``named_requirements_s22.jsonl`` (session 23, f23): the spent s22 buyer's requirements (access standards, KPIs,
named protocols with their versions, named measures, partners, meetings), with the part whose sub-point asks;
``named_requirements_dev23.jsonl``: the session-23 dev buyer's (/work/devsets/s23/questions), body only, no parts.
Both written from the sets' ``facts.md``, not from the code; drafts in ``ANSWERS_DIR/s22/`` and ``ANSWERS_DIR/dev/``.
Measured in session 23 (f23, de6b0c9 -> f23's last commit): s22 committed 22 -> 49 of 70, in their part 13 -> 32 of 54,
KPIs and measures 1 -> 11 of 16; dev23 (transfer, not tuned on) 23 -> 29 of 64; every draft ``check --db`` exit 0.
Measured again in session 23 (kpi23, 2b27162 -> kpi23's last commit; the KPI table with the target first, a share of
cases and an owner's target said as the buyer's target, a list introduced by its standards, a gate on 'this question',
the buyer's own milestone table): s22 49 -> 57 of 70, in their part 30 -> 36 of 54, KPIs and measures 11 -> 16 of 16;
dev23 29 -> 41 of 64, KPIs and measures 6 -> 14 of 19 (dev23 looked at: q02, q08, q09 drafted and read); 20 of 20
drafts ``check --db`` exit 0.

Prints the misses per question and the totals.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("–", "-").split()).lower()


def _body(answer: str) -> str:
    return _norm("\n".join(line for line in answer.splitlines() if not line.lstrip().startswith("#")
                           and not re.search(r"\[To (?:write|confirm|attach|complete)\b", line)))


def _state(paragraph: str) -> str:
    if paragraph.startswith("Yes."):
        return "confirmed"
    if paragraph.startswith("[To confirm"):  # '[To confirm] ...' and, since session 12, '[To confirm: ...]'
        return "needed"
    return "not answered"


def _confirmation(answer: str, heading: str) -> str:
    """The state of the part under the heading holding ``heading``'s words; in an answer written without headings,
    of the first paragraph holding them."""
    lines = answer.splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#") and _norm(heading) in _norm(line):
            return _state(next((x.strip() for x in lines[i + 1:] if x.strip()), ""))
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#") and _norm(heading) in _norm(line):
            return _state(line.strip())
    return "not answered"


def _part(answer: str, words: str) -> str | None:
    """The body of the part whose heading holds ``words`` (to the next heading of its level or higher), or None."""
    lines = answer.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"\s*(#+)\s", line)
        if m and _norm(words) in _norm(line):
            level, out = len(m.group(1)), []
            for x in lines[i + 1:]:
                n = re.match(r"\s*(#+)\s", x)
                if n and len(n.group(1)) <= level:
                    break
                out.append(x)
            return _body("\n".join(out))
    return None


def main(labels: str, adir: str) -> int:
    rows = [json.loads(x) for x in Path(labels).read_text(encoding="utf-8").splitlines() if x.strip()]
    tot = {"named": 0, "committed": 0, "confirm": 0, "confirmed": 0, "needed": 0, "agree": 0, "false_yes": 0,
           "missed_yes": 0, "unanswered": 0, "labelled": 0}
    by_kind: dict[str, list[int]] = {}
    parts = [0, 0, 0]  # items with a part, found in it, whose part heading was not found
    by_q: dict[tuple, list] = {}
    for r in rows:
        by_q.setdefault((r["set"], r["q"]), []).append(r)
    for (s, q), items in sorted(by_q.items()):
        path = Path(adir) / s / f"{q}.md"
        answer = path.read_text(encoding="utf-8") if path.exists() else ""
        body = _body(answer)
        got, misses = 0, []
        for r in items:
            if r["kind"] == "confirmation":
                state = _confirmation(answer, r["heading"])
                tot["confirm"] += 1
                tot["confirmed"] += state == "confirmed"
                tot["needed"] += state == "needed"
                expected = r.get("expected")
                if expected:
                    tot["labelled"] += 1
                    said = {"confirmed": "yes", "needed": "to confirm"}.get(state, "not answered")
                    if said == expected:
                        tot["agree"] += 1
                    else:
                        kind = ("FALSE YES" if said == "yes" else "missed Yes" if said == "to confirm" else
                                "not answered")
                        tot["false_yes"] += kind == "FALSE YES"
                        tot["missed_yes"] += kind == "missed Yes"
                        tot["unanswered"] += kind == "not answered"
                        misses.append(f"Pass/Fail {r['id']}: {kind} (expected {expected}: {r.get('why', '')})")
                elif state != "confirmed":
                    misses.append(f"Pass/Fail {r['id']}: {state}")
                continue
            tot["named"] += 1
            ok = all(any(_norm(k) in body for k in group) for group in r["keys"])
            got += ok
            if r.get("part"):
                part = _part(answer, r["part"])
                parts[0] += 1
                parts[2] += part is None
                in_part = part is not None and all(any(_norm(k) in part for k in group) for group in r["keys"])
                parts[1] += in_part
                if ok and not in_part:
                    misses.append(f"not in its part ({r['part']}{': no such heading' if part is None else ''}): "
                                  f"{r['kind']} {r['id']}")
            kind = {"figure": "the buyer's figures", "kpi": "KPIs and measures"}.get(r["kind"], "named requirements")
            by_kind.setdefault(kind, [0, 0])[0] += ok
            by_kind[kind][1] += 1
            if not ok:
                misses.append(f"MISSED {r['kind']} {r['id']}: {r['requirement']}")
        tot["committed"] += got
        named = sum(1 for r in items if r["kind"] != "confirmation")
        print(f"{s} {q}: {got} of {named} named requirements committed to")
        for m in misses:
            print("   ", m)
    print(f"total: {tot['committed']} of {tot['named']} named requirements committed to; Pass/Fail statements "
          f"{tot['confirmed']} of {tot['confirm']} answered Yes, {tot['needed']} '[To confirm]', "
          f"{tot['confirm'] - tot['confirmed'] - tot['needed']} not answered")
    if parts[0]:
        print(f"in the part whose sub-point names them: {parts[1]} of {parts[0]} ({parts[2]} parts not found by heading)")
    if len(by_kind) > 1:
        print("by kind: " + "; ".join(f"{k} {a} of {b}" for k, (a, b) in sorted(by_kind.items())))
    if tot["labelled"]:
        print(f"Pass/Fail agreement with the expected answer: {tot['agree']} of {tot['labelled']} "
              f"({tot['agree'] / tot['labelled']:.2f}); false Yes {tot['false_yes']}, missed Yes {tot['missed_yes']}, "
              f"not answered {tot['unanswered']}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
