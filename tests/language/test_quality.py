"""Quality of the checker on the labelled domain set (``tests/data/labelled``).

Each sentence is checked on its own. A sentence is predicted "flag" when the
checker reports any finding of the family; for privacy a flagged sentence also
needs a finding covering every listed span. Precision and recall are printed
(run with ``-s`` to see them) and the test fails below the thresholds:

* over-claiming: precision 0.95, recall 0.90;
* privacy: recall 0.97, precision 0.95;

on the development part and on the held-out part each (and on the second
over-claim tuning set, ``overclaim_tuning2.jsonl``, and the second development
sets ``*_dev2.jsonl``). Only aggregate numbers
are printed for the held-out part (precision, recall, F1, recall per kind):
rule writers tune on the development part only and never look at held-out
sentences (see ``tests/data/labelled/README.md``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"
# spent held-out sets, development material once measured (they stay where they were committed)
SPENT = Path(__file__).resolve().parents[1] / "data" / "heldout" / "s8"
SPENT_DIRS = [SPENT, SPENT.parent / "s9"]
THRESHOLDS = {
    "overclaim": {"precision": 0.95, "recall": 0.90},
    "privacy": {"precision": 0.95, "recall": 0.97},
}
CASES = [(family, part) for family in ("overclaim", "privacy") for part in ("dev", "heldout")]
# a second tuning set of over-claim sentences written while generalising the rules
CASES.append(("overclaim", "tuning2"))
# second development sets, written for issue 15 (attribution in words, causal claims on individual
# outcomes, money and return, base-less proportions, certainty, never/every case, vague magnitude,
# whole-system transformation; local patient identifiers, titles before things that are not people,
# capitalised population groups) with hard near-misses on both sides
CASES += [("overclaim", "dev2"), ("privacy", "dev2")]
# third development sets, written for issue 15 in session 4 (many shapes per weak kind: attribution
# in words, proof framing of before/after figures, causal verbs on individual outcomes, vague
# magnitude, money and return, absolutes, guarantees, base-less proportions; addresses with postcodes,
# lower-case names, labelled local patient ids; titled things and public figures that must pass)
CASES += [("overclaim", "dev3"), ("privacy", "dev3")]
# a fourth over-claim set written after tuning on dev3 (fresh shapes; measured before tuning on it:
# P 0.972 R 0.761), then used for development too
CASES += [("overclaim", "dev4")]
# fifth over-claim and fourth privacy sets, written in session 5 before any tuning on them
# (measured then: over-claim P 0.943 R 0.702, privacy P 0.897 R 0.897), then used for development
CASES += [("overclaim", "dev5"), ("privacy", "dev4")]
# sixth over-claim set (session 6), written by a helper who read neither the code nor the phrasebank.
# It is split by id BEFORE anyone reads it (``split_half``): the "tune" half may be read and tuned on;
# the "check" half is scored like a held-out set (aggregates only) and tells whether the rules generalise
CASES += [("overclaim", "dev6-tune"), ("overclaim", "dev6-check")]
# a sixth privacy set (session 6: case notes, texts, minutes, stories, bids), written before any
# code change and measured then (P 0.886 R 0.816), then used for development
CASES += [("privacy", "dev6")]
# session 6's fresh held-out over-claim set (320 sentences by a helper who read neither the code nor
# the phrasebank; measured there once before and once after: R 0.619 -> 0.669), spent and handed over
# as a development set in session 7. Split like dev6 (its own seed) before anyone read it: the tune
# half may be read; the check half is scored like a held-out set (aggregates only)
CASES += [("overclaim", "s6-tune"), ("overclaim", "s6-check")]
# a seventh over-claim set (session 7): the rule writer's own probes in varied frames (195 flag, 30 pass),
# each batch measured before the rules were tuned to it, then used for development
CASES += [("overclaim", "dev7")]
# a seventh privacy set: session 6's held-out privacy set (140 sentences by a helper who read no code;
# measured there once before and once after: P 0.914 R 0.800 -> P 0.928 R 0.800), spent and given to
# session 7 as development data. Split like dev6 (its own seed) before it was read: the tune half is read
# and tuned on, the check half is scored like a held-out set and never printed
CASES += [("privacy", "dev7-tune"), ("privacy", "dev7-check")]
# an eighth privacy set written by the rule writer in session 7 before any change, for kinds the other
# sets lack (NHS numbers with a wrong check digit, addresses with no postcode, unlisted first names,
# rare combinations; officials, switchboards and 3-3-4 order numbers that pass): P 0.556 R 0.400 before
CASES += [("privacy", "dev8")]
# a ninth privacy set by the rule writer in session 8 (106: names in context, lower-case and unusual names,
# local ids with varied labels, dates of birth, addresses without a postcode, combinations without a name;
# officials, organisations named after people, titled things, words that are names, lookalike numbers).
# Split by its seed before it was measured; measured before any change: tune P 0.808 R 0.636, check
# P 0.905 R 0.655. The tune half was tuned on; the check half is scored like a held-out set
CASES += [("privacy", "dev9-tune"), ("privacy", "dev9-check")]
# a tenth privacy set (58), written by the same writer after tuning on dev9-tune and never tuned on: at the
# session's start P 0.955 R 0.618, after the dev9 work P 0.962 R 0.735. Its sentences are not printed
CASES += [("privacy", "dev10")]
# an eleventh privacy set (106) by the session-9 rule writer before any change that session (nicknames,
# partial names, dates of birth, names in person slots, public figures): measured then tune P 0.935 R 0.829,
# check P 0.880 R 0.710; the check half is never read
CASES += [("privacy", "dev11-tune"), ("privacy", "dev11-check")]
# a twelfth (40) by the same writer mid-session 9: 20 unlisted names in person slots, 20 public or fictional
# figures; measured before the rules changed for it: R 0.70, 10 of 20 passes flagged; then tuned on
CASES += [("privacy", "dev12")]
# session 8's held-out over-claim set (320 sentences by a helper who read no code; measured there once before
# and once after: P 0.929 R 0.738 both times), spent and given to session 9 as development data
# (tests/data/heldout/s8/). Split by its seed before anyone read it: the tune half is read and tuned on,
# the check half is scored like a held-out set and never printed (the learned scorer's leave-one-set-out
# run, bench/overclaim_loso.py, trains on neither half when it scores s8)
CASES += [("overclaim", "s8-tune"), ("overclaim", "s8-check")]
# session 9's held-out privacy set (140 by a helper who read no code; measured there P 0.849 R 0.775 before and
# after), spent and given to session 10. Split by its own seed before anyone read it (bench/privacy_sets.py): the
# tune half is read and tuned on, the check half is scored like a held-out set and never printed
CASES += [("privacy", "s9-tune"), ("privacy", "s9-check")]
# a thirteenth privacy set (71) by the session-13 rule writer before any change that session (labelled local ids
# in new formats and orders, rare combinations with no name, names in unusual shapes; lookalike numbers, staff
# roles, group statistics, organisations, titled things, officials): P 0.947 R 0.500 before, then tuned on
CASES += [("privacy", "dev13")]
# a fourteenth privacy set (66) by the session-14 rule writer before any change that session (ordinary-word and
# lower-case names in a person's role, initial + surname, rare combinations, local ids, odd postcodes and addresses;
# titles of things, lookalike numbers, officials, places): P 0.696 R 0.500 before, then tuned on
CASES += [("privacy", "dev14")]
# a fifteenth privacy set (126) by the session-15 rule writer before any change that session, written by the
# structures of s14's misses in other words (street forms with no English street word, pitches and moorings, names
# that are words or carry Latin Extended letters or a nickname inside, oddly split mobiles, prison, police and Home
# Office references; counts, titled things, prisons by prefix, team mobiles, organisations' numbers): P 0.840
# R 0.583 before, then tuned on
CASES += [("privacy", "dev15")]
# a fifteenth over-claim set (150: 79 flag, 71 pass) by the session-15 over-claim writer (o15) before any change that
# session, by the structures of s14's weakest kinds in other words (a person's difficulty ended in an agentless
# passive or inchoative, a whole system remade, outcome guarantees, attribution in words, money without a sign;
# own-process, process-promise, contribution and sourced near-misses): P 0.911 R 0.646 before, then tuned on
CASES += [("overclaim", "dev15")]
# session 21's over-claim dev set (200: 100 flag, 100 pass, ten of each of 20 kinds, hard near-misses on the pass
# side), written blind to the code for o21: P 0.976 R 0.830 at o21's start (3d71cce) (python bench/heldout.py
# overclaim tests/data/labelled/overclaim_oc21dev.jsonl), then tuned on: P 1.000 R 0.990 after o21's work
CASES += [("overclaim", "oc21dev")]
# a privacy set (120: 70 flag, 50 pass) written for session 21 by a helper who read neither the code nor the phrasebank
# (/work/devsets/s21, copied byte for byte): word-names as subjects, lower-case names in notes, "Surname / Firstname"
# pairs, prison numbers and custody references, dates of a person's event, rare combinations; cited authors, brands
# and characters, public helplines, document references, capitalised groups. Measured before any change that session:
# P 0.984 R 0.857; then tuned on
CASES += [("privacy", "pv21dev")]
# session 22's dev sets (/work/devsets/s22, copied byte for byte), written by a helper who read neither the code nor the
# phrasebank: over-claim 200 (100 flag, 100 pass, ten of each of 20 kinds), privacy 200 (120 flag, 80 pass; bank details,
# plates, handles, partial addresses, initials with age and area, workplace roles, staff health, perpetrators,
# pseudonyms with addresses among them). Used as transfer checks that session, never tuned on (their rows were not
# read; the privacy engineer read its per-kind recall once midway): over-claim P 0.966 R 0.860 at the start (aa1466a),
# P 0.978 R 0.890 after o22 and m22; privacy P 0.920 R 0.667 at the start, P 0.928 R 0.750 after p22. Development
# material from session 23: the floors hold what was reached.
CASES += [("overclaim", "oc22dev"), ("privacy", "pv22dev")]
# session 23's privacy dev set (/work/devsets/s23, copied byte for byte): 160 (95 flag, 65 pass), written by a helper who
# read neither the code nor the phrasebank. Measured once at the session's start (de6b0c9: P 0.949 R 0.789) and once after
# p23's work (P 0.951 R 0.811), never tuned on (its rows were not read). Development material from session 24: the floors
# hold what was reached.
CASES += [("privacy", "pv23dev")]
# session 23's over-claim dev set (/work/devsets/s23, copied byte for byte; 160: 80 flag, 80 pass), written by a helper
# who read neither the code nor the phrasebank. A transfer check that session, never tuned on (its rows were not read
# before the second measurement): P 0.935 R 0.900 at the start (de6b0c9) and after o23's attribution, counterfactual
# and proof-framing structures (unchanged: tp 72 fp 5 fn 8). Its precision is below the family's target: the floor
# holds what was measured. Development material from session 24
CASES += [("overclaim", "oc23dev")]
# session 24's dev sets (/work/devsets/s24, copied byte for byte; 160 each), written by a helper who read neither the
# code nor the phrasebank. oc24dev: measured once at the start (31b03bf) and once with m24's refit weights (not shipped),
# P 0.987 R 0.963 both times, its rows never read. pv24dev: P 0.907 R 0.821 at the start, P 0.908 R 0.832 after p24
# (measured twice unread), then read by p24 as development material: P 0.910 R 0.853 on the merge. Its precision is
# below the family's target (false alarms on brand and work titles, venue addresses, a cited author): the floor holds
# what was measured. Development material from session 25
CASES += [("overclaim", "oc24dev"), ("privacy", "pv24dev")]
# session 24's focused over-claim dev set (/work/devsets/s24, copied byte for byte; 120: 60 flag, 60 pass; counterfactual,
# credit-taking, certainty, causal and proof kinds with hard passes), written blind to the code after the morning's
# held-out set showed those kinds below 0.8. Measured once before and once after o24's counterfactual, credit-frame and
# absolute-people-outcome structures: P 0.926 R 0.833 both times (counterfactual 0.67, credit-taking 0.67). Read by o24
# after the second measurement; development material from session 25
CASES += [("overclaim", "oc24focus")]
# (oc29) general causal links said as fact ("poverty causes poor mental health", no "our") and credit for a change
# another body made ("we got the council to ...", "the fall in ... is ours"), with near misses (hedged, sourced,
# asked, shared), written by oc29 and tuned on (196 rows; its second batch of 70 was scored once before tuning on it:
# P 1.000 R 0.778 with the first changes, base P 1.000 R 0.361): base P 0.936 R 0.427, after P 0.968 R 0.874
CASES += [("overclaim", "oc29dev")]
# (pv32) privacy: identifiers of new shapes after any label that makes them a person's, social user names without a
# handle's digits, dates of birth in more formats and beside an age or a GP registration, common-word names in a
# person frame (apposition, a "Name | Age" row), with hard passes of each; written by pv32 and tuned on (85: 44 flag,
# 41 pass). Main (eb8a552a): 16 wrong; pv32: 0
CASES += [("privacy", "pv32dev")]
# (story32) story-form sentences: the person's situation before support and what support looked like (42 passes, in
# the form's four parts) and claims written inside stories (22 flags), written by story32 and tuned on: base P 0.808
# R 0.955, after the learned scorer's situation gate P 0.840 R 0.955 (the other false alarms are hand-written rules')
CASES += [("overclaim", "story32dev")]
# (pv33) privacy: staff frames (rotas, on-call and duty lines, supervision pairs, training records, apologies, staff
# tables, signatures, board lists, "a named" post), organisations' buildings, products and handles as hard passes; lines
# that look like staff lines but are about a person we support, a worker's sickness, peer roles as flags; written by pv33
# before any change and tuned on (84: 42 flag, 42 pass). Main (191a5139): P 0.587 R 0.881; pv33: P 0.975 R 0.929
CASES += [("privacy", "pv33dev")]
# (pv34) privacy: lower-case names in chat-style notes (greetings, senders, verbs of contact, compound Filipino,
# Hispanic and Arabic names), unlisted names before "who"/an age/a relative, aliases, a job at a named workplace with
# the person's health, labelled numbers of records one person holds, personal e-mail addresses, with hard passes
# (role mailboxes, lower-case ordinary words in the same slots, rota and board lines, buildings, handles, products);
# written by pv34 before any change and tuned on (84: 42 flag, 42 pass). Main (4f84d333): P 0.973 R 0.857; pv34:
# P 1.000 R 0.952
CASES += [("privacy", "pv34dev")]
# (oc35) over-claim: credit for a shared change, counterfactuals, causal links said as fact, outcomes said to hold for
# everyone, in many registers (charities, trusts, councillors' columns, employers, apps), half hard passes sharing
# words with the flags; written by oc35 before any change and tuned on (132: 66 flag, 66 pass). Main (f424b414):
# P 0.946 R 0.803; oc35: P 0.969 R 0.955
CASES += [("overclaim", "oc35dev")]
# (oc36) over-claim, a second set of the same four kinds (credit for a shared change, counterfactuals, causal links
# said as fact, outcomes said to hold for everyone) in charities, trusts, councillors' columns, employers and apps,
# half hard passes sharing words with the flags; written by oc36 before any change and tuned on (133: 67 flag,
# 66 pass). Main (14cdec41): P 0.943 R 0.746; oc36: P 0.985 R 0.955
CASES += [("overclaim", "oc36dev")]
# (pv35, session 35) privacy dev set of the kinds fresh sets keep missing or falsely flag: unlisted names before an age,
# "who", a relative or a verb of care, titled clients and relatives, nicknames, lower-case chat names, rare combinations
# without a name, labelled numbers of records one person holds, 3-3-4 health numbers, other nations' numbers,
# international phones, handles; hard passes: rota and sign-off lines, minute-takers, officials opening buildings,
# buildings and halls named after people or saints, streets with first names, organisations' handles, products,
# Irish, Gaelic and Welsh place names. Written by pv35 (95 rows before any change, 19 more in two batches as the work
# went on) and tuned on (114: 58 flag, 56 pass). Main (f424b414): P 0.797 R 0.879; pv35: P 0.983 R 1.000
CASES += [("privacy", "pv35dev")]
SPLIT_SEED = "evidencebot-dev6-split-2026-12-02"
SPLIT_SEEDS = {"dev6": SPLIT_SEED, "s6": "evidencebot-s6-split-2026-12-02",
               "dev7": "evidencebot-dev7-privacy-split-2026-12-02",
               "dev9": "evidencebot-dev9-privacy-split-2026-12-02",
               "dev11": "evidencebot-dev11-privacy-split-2026-12-02",
               "s8": "evidencebot-s8-overclaim-split-2026-12-02"}
# a split seed for one family's set where another family's set of the same name has its own
FAMILY_SPLIT_SEEDS = {("privacy", "s9"): "evidencebot-s9-privacy-split-2026-12-03"}
# dev6 is below the family targets (measured before tuning: tune R 0.677, check R 0.636): its floors
# hold what has been reached, so a change cannot lose it, and rise as the rules improve
PART_THRESHOLDS = {
    "dev6-tune": {"precision": 0.95, "recall": 0.88},
    "dev6-check": {"precision": 0.95, "recall": 0.79},
    # s6 measured at session 7's start: tune P 0.967 R 0.720, check P 0.960 R 0.615
    "s6-tune": {"precision": 0.97, "recall": 0.88},
    "s6-check": {"precision": 0.95, "recall": 0.62},
    # dev7 after session 7's tuning: P 1.000 R 0.836 (its 30 passes make its precision a weak guard)
    "dev7": {"precision": 0.95, "recall": 0.83},
    # privacy dev7 measured before any change (rules at f1a3868): tune P 0.974 R 0.864, check P 0.867 R 0.722;
    # after session 7's privacy work: tune 1.000 / 1.000, check 0.939 / 0.861
    "dev7-tune": {"precision": 0.95, "recall": 0.97},
    "dev7-check": {"precision": 0.93, "recall": 0.86},
    # privacy dev9 and dev10 after session 8's work: tune 1.000 / 0.970, check 0.929 / 0.897; dev10 1.000 / 0.794
    "dev9-tune": {"precision": 0.95, "recall": 0.95},
    "dev9-check": {"precision": 0.90, "recall": 0.87},
    "dev10": {"precision": 0.95, "recall": 0.77},
    # privacy dev11 after session 9's work: tune 0.971 / 0.971, check 0.885 / 0.742 (the check half below the
    # family's precision target: its floor holds what is reached)
    "dev11-tune": {"precision": 0.95, "recall": 0.95},
    "dev11-check": {"precision": 0.88, "recall": 0.83},  # session 10: 0.897 / 0.839
    # privacy s9 at session 10's start (509f81f): tune P 0.861 R 0.775, check P 0.838 R 0.775; after session 10's
    # work: tune 0.975 / 0.975, check 0.861 / 0.775 (the check half below the family targets: its floor holds it)
    "s9-check": {"precision": 0.86, "recall": 0.77},
    # dev12 after tuning: P 0.739 R 0.850 (public and fictional figures are still read as people); after session
    # 10 (names by the frame they are named in, nicknames by grammar): 0.950 / 0.950
    "dev12": {"precision": 0.95, "recall": 0.95},
    # privacy dev13 after session 13's local id and singling-out rules: P 0.971 R 0.944 (names in unusual shapes 0.75)
    "dev13": {"precision": 0.95, "recall": 0.94},
    # privacy dev14 after session 14's person-role frames, title frames, codes and spans: P 1.000 R 0.969 (31 of 32;
    # python bench/heldout.py privacy tests/data/labelled/privacy_dev14.jsonl)
    "dev14": {"precision": 0.95, "recall": 0.93},
    # privacy dev15 after session 15's street forms, justice references, phone groupings and name shapes
    "dev15": {"precision": 0.95, "recall": 0.90},
    # privacy pv21dev after session 21's privacy work: P 1.000 R 1.000 (python bench/heldout.py privacy
    # tests/data/labelled/privacy_pv21dev.jsonl); the floors are the family's targets
    "pv21dev": {"precision": 0.95, "recall": 0.97},
    # over-claim s8 at session 9's start (rules at 08e226f): tune P 0.934 R 0.695, check P 0.924 R 0.782;
    # after session 9's rule work (three false alarms of the tune half gone, two more caught): tune 0.983 / 0.707,
    # check unchanged
    "s8-tune": {"precision": 0.98, "recall": 0.70},
    "s8-check": {"precision": 0.92, "recall": 0.78},
}
# a part's floors for one family where another family's part has the same name
FAMILY_PART_THRESHOLDS = {
    # over-claim dev15 after o15's work: P 0.974 R 0.962 (python bench/heldout.py overclaim
    # tests/data/labelled/overclaim_dev15.jsonl)
    ("overclaim", "dev15"): {"precision": 0.95, "recall": 0.94},
    ("overclaim", "oc21dev"): {"precision": 0.95, "recall": 0.97},
    ("overclaim", "oc22dev"): {"precision": 0.95, "recall": 0.88},
    ("overclaim", "oc29dev"): {"precision": 0.95, "recall": 0.85},
    ("overclaim", "story32dev"): {"precision": 0.84, "recall": 0.95},
    # pv22dev after p23 (its rows read as development material): P 0.955 R 0.883; after p24: P 0.957 R 0.925
    ("privacy", "pv22dev"): {"precision": 0.95, "recall": 0.92},
    # pv23dev after p24 (tuned on it as development material): P 0.978 R 0.926 (was 0.951 / 0.811)
    ("privacy", "pv23dev"): {"precision": 0.95, "recall": 0.92},
    ("overclaim", "oc23dev"): {"precision": 0.93, "recall": 0.90},
    ("overclaim", "oc24dev"): {"precision": 0.98, "recall": 0.96},
    ("privacy", "pv24dev"): {"precision": 0.91, "recall": 0.85},
    ("overclaim", "oc24focus"): {"precision": 0.92, "recall": 0.83},
    ("privacy", "pv33dev"): {"precision": 0.95, "recall": 0.92},
    ("privacy", "pv34dev"): {"precision": 0.95, "recall": 0.95},
    ("overclaim", "oc35dev"): {"precision": 0.95, "recall": 0.94},
    ("overclaim", "oc36dev"): {"precision": 0.95, "recall": 0.94},
    ("privacy", "pv35dev"): {"precision": 0.95, "recall": 0.95},
}
# parts whose misses are never printed (rule writers do not read them)
UNSHOWN = {"heldout", "dev6-check", "s6-check", "dev7-check", "dev9-check", "dev10", "dev11-check", "s8-check",
           "s9-check"}


def split_half(rows: list[dict], seed: str = SPLIT_SEED) -> tuple[list[dict], list[dict]]:
    """(tune, check): a seeded split by id, stratified by (label, kind), decided without the text.

    Within each (label, kind) group the rows are ordered by a hash of seed + id and dealt
    alternately, tune first, so each kind is in both halves and an odd one out goes to tune."""
    import hashlib

    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["label"], row.get("kind", "")), []).append(row)
    tune: list[dict] = []
    check: list[dict] = []
    for key in sorted(groups):
        ordered = sorted(groups[key], key=lambda r: hashlib.sha256(f"{seed}:{r['id']}".encode()).hexdigest())
        for n, row in enumerate(ordered):
            (tune if n % 2 == 0 else check).append(row)
    order = {row["id"]: n for n, row in enumerate(rows)}
    return sorted(tune, key=lambda r: order[r["id"]]), sorted(check, key=lambda r: order[r["id"]])


def _load(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            assert row.get("label") in ("flag", "pass"), f"{path.name}:{n}: label should be flag or pass"
            rows.append(row)
    return rows


def _covers(findings, text: str, span: str) -> bool:
    start = text.find(span)
    if start == -1:
        return False
    end = start + len(span)
    # allow the finding to leave out surrounding spaces or punctuation of the span
    core = span.strip(" .,;:()\"'")
    if core and core != span:
        start = text.find(core, start)
        end = start + len(core)
    return any(f.start <= start and end <= f.end for f in findings)


def score(family: str, rows: list[dict], checker) -> dict:
    """Precision, recall and F1 for one family, with recall per kind and the ids missed."""
    results = checker.check_many([(r["text"], "sentence.txt") for r in rows])
    tp = fp = fn = tn = 0
    kinds: Counter = Counter()
    kinds_hit: Counter = Counter()
    wrong: list[tuple[str, str]] = []
    for row, findings in zip(rows, results):
        mine = [f for f in findings if f.family == family]
        predicted = bool(mine)
        if row["label"] == "flag":
            kinds[row["kind"]] += 1
            ok = predicted and all(_covers(mine, row["text"], s) for s in row.get("spans", []))
            if ok:
                tp += 1
                kinds_hit[row["kind"]] += 1
            else:
                fn += 1
                wrong.append(("missed", row["id"]))
        else:
            if predicted:
                fp += 1
                wrong.append(("false alarm", row["id"]))
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_kind = {k: kinds_hit[k] / kinds[k] for k in sorted(kinds)}
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "per_kind": per_kind, "wrong": wrong}


@pytest.mark.parametrize("family, part", CASES, ids=[f"{f}-{p}" for f, p in CASES])
def test_quality(checker_factory, family, part):
    # a checker of the scored family only: the other family's findings were never counted, and running it
    # too cost 13.4 s of CPU for all the sets against 10.4 s (identical counts and ids wrong on every set)
    checker = checker_factory(family)
    base, _, half = part.partition("-")
    path = LABELLED / f"{family}_{base}.jsonl"
    for spent in SPENT_DIRS:
        if not path.exists() and (spent / f"{family}_{base}.jsonl").exists():
            path = spent / f"{family}_{base}.jsonl"
    if not path.exists():
        pytest.skip(f"{path.relative_to(LABELLED.parents[2])} is not there yet (the labelled set is written separately)")
    if family == "privacy":  # never skipped: the privacy family is part of every checker (issue 17)
        assert "privacy" in checker.families, checker.unavailable.get("privacy")
    rows = _load(path)
    if half:
        rows = split_half(rows, FAMILY_SPLIT_SEEDS.get((family, base)) or SPLIT_SEEDS[base])[0 if half == "tune" else 1]
    result = score(family, rows, checker)
    print(f"\n{family} {part}: n={len(rows)} precision={result['precision']:.3f} recall={result['recall']:.3f} "
          f"f1={result['f1']:.3f} (tp={result['tp']} fp={result['fp']} fn={result['fn']} tn={result['tn']})")
    print("  recall per kind: " + ", ".join(f"{k} {v:.2f}" for k, v in result["per_kind"].items()))
    if part not in UNSHOWN and result["wrong"]:
        # development sentences may be looked at; held-out ones are never shown
        print("  dev ids wrong: " + ", ".join(f"{why} {i}" for why, i in result["wrong"]))
    limits = FAMILY_PART_THRESHOLDS.get((family, part)) or PART_THRESHOLDS.get(part, THRESHOLDS[family])
    assert result["precision"] >= limits["precision"], (
        f"{family} {part} precision {result['precision']:.3f} < {limits['precision']}")
    assert result["recall"] >= limits["recall"], (
        f"{family} {part} recall {result['recall']:.3f} < {limits['recall']}")
