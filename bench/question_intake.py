"""Question intake measured on a labelled set: sub-points, limits, weighting, headings.

    python bench/question_intake.py tests/data/labelled/questions_dev.jsonl [--show] [--no-gates]
        [--ids d01,d05] [--range d01-d27]

``--ids`` keeps only the listed question ids; ``--range A-B`` keeps the ids from A to B
inclusive (compared as strings of equal length, so 'd01-d27' keeps d01 ... d27). Both
select a subset, so a development set can be split into a tuning part and a held-out part.

Gates count as sub-points (``--gates``, the default; ``--no-gates`` turns it
off). Writers label the buyer's required statement ("a clear statement that the
Bidder will ...", "confirm that you will ...") as a sub-point, and the intake
reads it into ``QuestionPlan.gates`` (:mod:`evidencebot.compose.gates`), not
into ``points``. With gates on, each gate's statement is added to the predicted
sub-points unless a predicted point already matches it (the matching rule
below), so a gate the points already hold is not counted twice. Both figures
are printed: sub-points with gates (the headline, how writers label) and
points alone.

Every question is parsed with the real intake code
(:func:`evidencebot.compose.questions.parse_question`).

Matching rule (decided before tuning, the same as the lead's): a sub-point's
*content words* are its lower-case runs of letters and digits longer than two
characters, minus a small stop list. A predicted sub-point matches an expected
one when the words they share are at least 0.6 of the smaller set
(|P & E| / min(|P|, |E|) >= 0.6). Matching is one-to-one, best scores first
(greedy). Precision = matched / predicted, recall = matched / expected.

Limits: the word, character and page limits and the weighting are each right
when they equal the labelled value (both empty counts as right).

Headings: a heading is *cut mid-phrase* when it has an unclosed bracket, or it
ends on a word that cannot end a phrase (a preposition, article, conjunction,
pronoun or auxiliary: 'of', 'the', 'and', 'your', 'will', ...) while the
sub-point's own wording goes on after that word ('Organisations you already
work with' is whole when the buyer's words end there too). A heading *starts
mid-phrase* when its first word can only continue a phrase (a preposition or
conjunction: 'of', 'to', 'with', 'and', 'but', ...) and in the sub-point's own
wording that word follows another word: 'Of existing relationships' cut from
'evidence of existing relationships', 'But not limited to' from 'including but
not limited to' ('At referral' is whole when the buyer's item starts there). The script
also reports how many headings share at least half of their content words
with the labelled heading (a guide, not a target: headings may be worded
differently and still be right).
"""

from __future__ import annotations

import json
import re
import sys

STOP = set("the and you your for with how will what are this that from which who when our their its into been has have".split())
BAD_END = {"and", "or", "of", "the", "a", "an", "to", "for", "with", "in", "on", "at", "by", "from", "your",
           "how", "that", "which", "what", "when", "will", "you", "is", "are", "be", "into", "their", "its",
           "our", "as", "any", "each", "this", "these", "those", "who", "where", "about", "between", "such", "including", "so"}


BAD_START = {"of", "to", "for", "with", "in", "on", "at", "by", "from", "about", "and", "or", "but", "nor", "than",
             "as", "between", "into", "onto", "upon", "including", "within", "without", "via", "per"}


LIMIT_WORDS = set("""max maximum words word limit characters character including spaces sides side pages page
    weighting weight total marks count response answer not exceed more than one two three four five six""".split())


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in STOP}


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def match(pred: list[str], exp: list[str], threshold: float = 0.6) -> list[tuple[int, int]]:
    pairs = sorted(((overlap(p, e), i, j) for i, p in enumerate(pred) for j, e in enumerate(exp)), reverse=True)
    used_p, used_e, out = set(), set(), []
    for s, i, j in pairs:
        if s >= threshold and i not in used_p and j not in used_e:
            used_p.add(i)
            used_e.add(j)
            out.append((i, j))
    return out


def cut_mid_phrase(heading: str, source: str = "") -> bool:
    last = heading.rstrip(" .").split()[-1].lower().strip(",;:") if heading.strip() else ""
    if not last or heading.count("(") != heading.count(")"):
        return True
    if last not in BAD_END:
        return False
    tail = re.findall(r"[a-z0-9'-]+", source.lower())
    return not (tail and tail[-1] == last)


QUESTION_FORM = re.compile(r"^(?:how|what|which|when|where|why|who|whether)\s+(?:will|would|do|does|can|could|is|are|should)\b",
                           re.I)
LONG_HEADING = 12


def question_form(heading: str) -> bool:
    """A heading that is the buyer's question cut short ('How will the Hubs help people ...'), not a heading."""
    return bool(QUESTION_FORM.match(heading.strip()))


def clause_cut(heading: str, source: str) -> bool:
    """The heading stops where the buyer's clause goes on with what it needs ('Bidder will raise any concern |
    that appears to meet ...', 'Delivering each commitment, who will be accountable | , and what ...'): the
    heading's last words are followed in the sub-point by a relative or a comma-joined further ask."""
    hw = re.findall(r"[a-z0-9'-]+", heading.lower())
    sw = re.findall(r"[a-z0-9'-]+|,", source.lower())
    if len(hw) < 2:
        return False
    tail = hw[-2:]
    for i in range(len(sw) - 1):
        if sw[i:i + 2] == tail and i + 2 < len(sw):
            nxt = [w for w in sw[i + 2:i + 4]]
            if nxt and nxt[0] in ("that", "which", "who", "whose"):
                return True
            if nxt[:1] == [","] and len(nxt) > 1 and nxt[1] in ("who", "what", "when", "where", "and", "how") and \
                    "," in sw[:i]:
                return True  # 'X, who will be accountable | , and what ...': one of a list of asks
            return False
    return False


def starts_mid_phrase(heading: str, source: str = "", question: str = "") -> bool:
    """True when the heading's first word continues a phrase whose head the heading lost: the
    word is a preposition or conjunction and, where the buyer wrote it (in the question, else
    in the sub-point), another word runs into it ('evidence | of existing ...')."""
    words = re.findall(r"[a-z0-9'-]+", heading.lower())
    if not words or words[0] not in BAD_START:
        return False
    pattern = r"\b" + r"\W+".join(re.escape(w) for w in words[:3]) + r"\b"
    for text in (question, source):
        m = re.search(pattern, text or "", re.I)
        if m:
            before = (text or "")[:m.start()].rstrip()
            return bool(before) and (before[-1].isalnum() or before[-1] in "'-")
    return True  # not the buyer's wording at all: it cannot be vouched for


CONFIRMS = re.compile(r"\b(?:confirm\w*|commit\w*)\b", re.I)


def _is_the_gate(point: str, gate) -> bool:
    """The predicted point is the gate's own statement: it confirms or commits ('confirmation that every member of
    staff will ...', 'your commitment to pay the real Living Wage') or it is read out of the gate's sentence ('that
    they will keep the minimum WTEs ...' from 'Bidders must confirm that they will keep ...')."""
    if CONFIRMS.search(point):
        return True
    said = " ".join(re.findall(r"[a-z0-9]+", point.lower()))
    return bool(said) and said in " ".join(re.findall(r"[a-z0-9]+", (getattr(gate, "sentence", "") or "").lower()))


def with_gates(pred: list[str], gates: list) -> list[str]:
    """The predicted sub-points plus each gate statement no predicted point already is.

    A gate the buyer asks the bidder to confirm ('Responses that do not confirm payment of the Real Living Wage ...
    will score 0') is a statement the answer must make, which the writers label as a sub-point of its own beside the
    ask about the same thing ('how you will pay the Real Living Wage to all staff ..., and apply each new rate'): it
    is dropped only when a predicted point is that statement itself (:func:`_is_the_gate`), not when a longer ask
    merely holds its words (session 37: six such gates, which the intake reads into ``QuestionPlan.gates``, were
    counted as misses). A gate on what the answer must explain ('Responses that do not explain how DIALOG will be
    used ...') is the ask it caps: dropped when a point holds its words, as before."""
    out = list(pred)
    for g in gates:
        text = getattr(g, "statement", "") or getattr(g, "sentence", "")
        if not text:
            continue
        held = [p for p in out if overlap(p, text) >= 0.6]
        if held and (not getattr(g, "confirming", False) or any(_is_the_gate(p, g) for p in held)):
            continue
        out.append(text)
    return out


def measure(rows: list[dict], show: bool = False, gates: bool = True) -> dict:
    from evidencebot.compose.gates import read as read_gates
    from evidencebot.compose.questions import parse_question

    tp = fp = fn = 0
    right = {"word_limit": 0, "char_limit": 0, "page_limit": 0, "weighting": 0}
    headings = cut = cut_start = close = qform = long_ = clause = 0
    rules = rules_as_points = rules_kept = 0
    for r in rows:
        try:
            q = parse_question(r["text"])
            pred, heads = [t for _, t in q.points], q.headings
            if gates:
                pred = with_gates(pred, read_gates(r["text"]))  # what plan_question puts in QuestionPlan.gates
            got = {"word_limit": q.word_limit, "char_limit": q.char_limit, "page_limit": q.page_limit,
                   "weighting": q.weighting}
        except Exception as exc:  # noqa: BLE001 - a crash counts as nothing found
            q = None
            pred, heads, got = [], [], {k: None for k in right}
            if show:
                print(f"{r['id']}: ERROR {exc}")
        exp = list(r["subpoints"])
        pairs = match(pred, exp)
        # the buyer's instructions (format, scoring, attachments): never a sub-point, kept as instructions
        kept_rules = getattr(q, "instructions", []) if pred else []
        for rule in r.get("instructions") or []:
            if not words(rule) - LIMIT_WORDS:
                continue  # a limit or weighting alone is read as a limit
            rules += 1
            taken = any(overlap(p, rule) >= 0.6 and overlap(p, rule) > max((overlap(p, e) for e in exp), default=0)
                        for p in pred)
            rules_as_points += taken
            rules_kept += any(overlap(k, rule) >= 0.6 for k in kept_rules)
            if show and taken:
                print(f"{r['id']}: instruction taken as a sub-point: {rule}")
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(exp) - len(pairs)
        for k in right:
            want = r.get(k)
            have = got[k]
            ok = (want is None and have is None) or (want is not None and have is not None and float(want) == float(have))
            right[k] += ok
            if show and not ok:
                print(f"{r['id']}: {k} expected {want}, got {have}")
        for h, t in zip(heads, pred):
            headings += 1
            qform += question_form(h)
            long_ += len(h.split()) > LONG_HEADING
            clause += clause_cut(h, t)
            if show and (question_form(h) or clause_cut(h, t) or len(h.split()) > LONG_HEADING):
                print(f"{r['id']}: heading not a heading: {h!r} (from {t!r})")
            cut += cut_mid_phrase(h, t)
            cut_start += starts_mid_phrase(h, t, r["text"])
            if show and (cut_mid_phrase(h, t) or starts_mid_phrase(h, t, r["text"])):
                print(f"{r['id']}: heading cut mid-phrase: {h!r} (from {t!r})")
        for i, j in pairs:
            if i < len(heads) and j < len(r.get("headings") or []) and overlap(heads[i], r["headings"][j]) >= 0.5:
                close += 1
        if show and (len(pairs) < max(len(pred), len(exp))):
            print(f"{r['id']} {r.get('shape')}: matched {len(pairs)} of {len(pred)} predicted / {len(exp)} expected")
            for t in pred:
                print(f"   got: {t}")
            for t in exp:
                print(f"   exp: {t}")
    n = len(rows)
    return {
        "n": n, "tp": tp, "fp": fp, "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        **{f"{k}_right": v for k, v in right.items()},
        "headings": headings, "headings_cut": cut, "headings_cut_start": cut_start, "headings_close": close,
        "headings_question_form": qform, "headings_long": long_, "headings_clause_cut": clause,
        "instructions": rules, "instructions_as_points": rules_as_points, "instructions_kept": rules_kept,
    }


def option(argv: list[str], name: str) -> str | None:
    """The value after ``name`` ('--ids X') or joined to it ('--ids=X'), else None."""
    for i, a in enumerate(argv):
        if a == name and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith(name + "="):
            return a[len(name) + 1:]
    return None


def select(rows: list[dict], argv: list[str]) -> list[dict]:
    """The rows ``--ids`` and ``--range`` keep (all rows when neither is given)."""
    ids = option(argv, "--ids")
    span = option(argv, "--range")
    if ids:
        keep = {i.strip() for i in ids.split(",") if i.strip()}
        rows = [r for r in rows if str(r.get("id")) in keep]
    if span:
        lo, _, hi = span.partition("-")
        rows = [r for r in rows if len(str(r.get("id"))) == len(lo) and lo <= str(r.get("id")) <= (hi or lo)]
    return rows


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    rows = select([json.loads(line) for line in open(argv[0], encoding="utf-8") if line.strip()], argv[1:])
    use_gates = "--no-gates" not in argv
    m = measure(rows, show="--show" in argv, gates=use_gates)
    other = measure(rows, gates=not use_gates)
    n = m["n"]
    print(f"questions: {n}")
    label, olabel = ("with gates", "points alone") if use_gates else ("points alone", "with gates")
    print(f"sub-points ({label}): P={m['precision']:.3f} R={m['recall']:.3f} (tp={m['tp']} fp={m['fp']} fn={m['fn']})")
    print(f"sub-points ({olabel}): P={other['precision']:.3f} R={other['recall']:.3f} "
          f"(tp={other['tp']} fp={other['fp']} fn={other['fn']})")
    print(f"word limit {m['word_limit_right']}/{n}, character limit {m['char_limit_right']}/{n}, "
          f"page limit {m['page_limit_right']}/{n}, weighting {m['weighting_right']}/{n}")
    print(f"headings: {m['headings']}, cut mid-phrase {m['headings_cut']} at the end, {m['headings_cut_start']} at the start, "
          f"close to the labelled heading {m['headings_close']} of {m['tp']} matched")
    print(f"headings in question form {m['headings_question_form']}, longer than {LONG_HEADING} words "
          f"{m['headings_long']}, stopped where the buyer's clause goes on {m['headings_clause_cut']}")
    if m["instructions"]:
        print(f"instruction lines (format, scoring, attachments): {m['instructions']}, taken as sub-points "
              f"{m['instructions_as_points']}, kept as instructions {m['instructions_kept']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
