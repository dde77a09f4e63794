"""Train the over-claim learned scorer's weights (``phrasebank/overclaim-scorer.json``).

    python bench/train_overclaim_scorer.py            # write the shipped weights
    python bench/train_overclaim_scorer.py --dry-run  # print what would be written

What it is: a logistic regression (L2, fitted with scipy's L-BFGS) over the features
:func:`evidencebot.language.overclaim.learned.features` reads from one parsed sentence (word
classes of the vocabulary, lemmas of verbs, adjectives and adverbs, dependency arcs between
word classes, the main verb's subject, tense, modal and negation, figures and signs).

Trained on every writer's over-claim set (``WRITERS``: the development sets in
``tests/data/labelled/overclaim_*.jsonl``, oc20dev (session 20's dev set, written blind) included, and the spent
independent sets s8-s14, s16-s19b in ``tests/data/heldout``; ``TRANSFER``: the transfer checks s15 and s15b, whose
rows nobody reads), never on the repo's held-out
set, nor on the never-read check halves of dev6, s6 and s8 (split as tests/language/test_quality.py
splits them), so those stay measures of what generalises. ``bench/overclaim_loso.py --pool`` gives
each writer's set scored by weights trained without it.

The threshold is chosen without the data it is measured on: leave-one-writer-out inside the
training sets (each writer's sentences scored by a model trained on the others), the lowest
threshold at which the scorer's own false alarms stay at or below ``MAX_FALSE_ALARM_RATE`` of
the pass sentences. ``bench/overclaim_loso.py`` uses the same ``fit`` for its leave-one-set-out
figures. Needs scipy (the ``[test]`` extra); the checker itself only reads the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

LABELLED = ROOT / "tests" / "data" / "labelled"
OUT = ROOT / "phrasebank" / "overclaim-scorer.json"
SCORER_RULE = "overclaim.learned-claim"
# the writers' sets, one per writer or session; dev6 and s6 keep their never-read check halves out of training
WRITERS = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "tuning2", "s6", "heldout2", "s8", "s9", "s10",
           "dev8_o13", "dev15", "s11", "s12", "s13", "s14", "s16", "s16b", "s17", "s17b", "s18", "s18b", "s19", "s19b",
           "oc20dev", "oc21dev", "oc22dev", "oc23dev", "oc24dev", "oc24focus",
           # (oc29) general causal links and credit for another body's change; the shipped weights were not refitted
           "oc29dev",
           # (story32) session 32's story-form set: the person's situation before support (pass) and claims written
           # inside stories (flag), written by story32 and tuned on; the shipped weights were not refitted
           "story32dev",
           # (oc35) session 35's over-claim dev set (credit for shared change, counterfactuals, causal links said as
           # fact, outcomes for everyone), written by oc35 and tuned on; the shipped weights were not refitted
           "oc35dev",
           # (oc36) session 36's over-claim dev set of the same four kinds, written by oc36 and tuned on; the shipped
           # weights were not refitted
           "oc36dev"]
# the transfer checks (independent writers nobody tunes on): the shipped weights are trained on them too (rows
# never read by a person); bench/overclaim_loso.py --transfer scores each as a fold left out (aggregates only).
# s16 and s16b (session 16's fresh sets, spent at its end) were transfer checks until session 17, which made them
# development material (their misses were read): they are writers now, printed row by row in --pool, and the
# pooled figure over s8-s14 (INDEPENDENT) stays comparable with the earlier sessions'
# s17 and s17b (session 17's fresh sets, spent at its end) were transfer checks until session 18 (o18), which made
# them writers: their misses are read, and they are printed row by row in --pool
# s18, s18b, s19 and s19b (sessions 18 and 19's fresh sets, spent at their ends) were transfer checks until session
# 20 (m20), which made them writers with oc20dev (session 20's dev set, written blind to the code). The shipped
# weights are still those fitted without s18-s19b and oc20dev: retrained on all 30 writers (8,832 sentences, threshold
# 0.9377 from 4 inner folds) they read two sentences the suite requires to pass over the threshold (the drafted
# commitment of tests/compose/test_commitments.py 0.9458, and test_overclaim.py's 'Our team reduced respite stays.'
# 0.9413), so they were not shipped: see m20's report
# oc21dev (session 21's dev set, written blind to the code) is a writer: the shipped weights are not refitted on it
# s20, s20b and s21 (sessions 20 and 21's fresh sets, measured once at each start and end, spent then) are transfer
# checks: trained on for the next shipped weights, their rows never printed
# Session 22 (m22): refitted and shipped on every set above (WRITERS + TRANSFER + the demo corpus's passes: 9,772
# sentences, 12,314 weights, threshold 0.9347 and calibration [0.9944, -0.0456] from the 4 inner folds, the settings
# unchanged). The two sentences that kept m20's refit out now pass as they are (the drafted commitments of
# tests/compose/test_commitments.py and test_overclaim.py's 'Our team reduced respite stays.': no finding), with the
# threshold the inner folds chose (lower than m20's 0.9377), not a raised one; tests/language/test_learned_scorer.py,
# test_quality.py, test_rule_examples.py, test_overclaim.py, tests/compose/test_golden.py and test_commitments.py:
# 1158 passed. Transfer (session 22's dev set, written blind, measured once before and once after, never tuned on):
# bench/heldout.py overclaim /work/devsets/s22/overclaim_oc22dev.jsonl P 0.967 R 0.870 -> P 0.978 R 0.890.
# Figures per set: bench/overclaim_m22.md
# s22 (session 22's fresh set, measured once at its start and end, spent then) is a transfer check, and oc22dev
# (session 22's dev set, written blind, a transfer check that session) a writer: neither is in the shipped weights
# oc23dev (session 23's dev set, written blind to the code; a transfer check that session, measured once before and
# once after o23's rules: P 0.935 R 0.900 both times) is a writer: not in the shipped weights
# s23 (session 23's fresh set, measured once at its start and once after the merge: P 0.958 R 0.885 both times; spent
# then) is a transfer check, not in the shipped weights
# Session 24 (m24): refitted on every set above (10,652 sentences, 12,941 weights, threshold 0.9421 and calibration
# [1.018, -0.064] from the 4 inner folds, settings unchanged) and NOT shipped: it reads a must-pass sentence of
# tests/language/test_overclaim.py ('It is clear that more work is needed on discharge planning.', 0.9694) over
# that threshold, which is not raised. The shipped weights are still m22's (without s22, s23, oc22dev, oc23dev).
# Left out (bench/overclaim_loso.py --threshold 0.942, 10 sets incl. the 4 new ones): rules P 0.965 R 0.812 ->
# rules+scorer P 0.966 R 0.903. oc24dev (session 24's dev set, blind; a writer since, in tests/data/labelled):
# P 0.987 R 0.963 with m22's weights and with the refit's. Two variants (frame words carry no class; the same with
# L2=2) gained nothing left out: see bench/overclaim_m24.md
# s24 (session 24's fresh set, measured once at its start and once after the merge: P 0.982 R 0.831 both times; spent
# then) is a transfer check, not in the shipped weights
# Session 25 (m25): refitted and shipped on every set above plus tw1-tw4 (session 25's training sets, four writers
# who never read the code, 400 each, now in tests/data/labelled, read through TRAINING):
# 12,792 sentences, 14,610 weights, threshold 0.945 and calibration [1.0076, -0.0418] from the 4 inner folds, settings
# unchanged. m24's blocker ('It is clear that
# more work is needed on discharge planning.') scores 0.675; the drafted commitment of tests/compose/test_commitments.py
# (0.9453) is not scored: "we" + will/shall is a commitment (learned._our_commitment). Figures: bench/overclaim_m25.md
# Session 27 (oc27): refitted on every set above plus tw5, tw6, s25 and s26 (14,112 sentences, 15,427 weights,
# threshold 0.9373 and calibration [1.0241, -0.0557] from the 4 inner folds, settings unchanged, the structure
# features off) and NOT shipped: tests/language/test_rule_examples.py's suggestion test reads "Our mentors get results
# that other charities give the figures and their source only dream of." (comparison-claim's suggestion put into its
# own example) over that threshold. The shipped weights are still m25's. Figures: bench/overclaim_o27.md
# s27: session 27's held-out set, spent at its end, folded as a transfer check
# Session 28 (oc28): refitted and shipped on every set above, s27 included (14,372 sentences, 15,600 weights,
# threshold 0.9393 and calibration [1.0256, -0.0587] from the 4 inner folds, settings unchanged, the structure features
# off). oc27's blocker was the suggestion test reading "Our mentors get results that other charities" (what is left of
# comparison-claim's example with its match taken out, 0.99) as a claim: the test now excuses the scorer there too, and
# comparison-claim reports a whole idiom ("can only dream of"), not its first word. Figures: bench/overclaim_s28.md
# Session 31 (pv31): refitted on every set above (TRANSFER to s30) and NOT shipped, judged on in-sample recall per set
# (18 sets fell by 1-4 sentences): bench/pv_s31.md section 2
# Session 32 (scorer32): refitted on every set above, s28-s31 included, judged left out (s24-s31 each scored by
# weights fitted without it, threshold from the fold's inner folds; --cache reads the features from
# overclaim_loso.py's cache) and NOT shipped. Pooled over s24-s31 (2,080 rows), rules+scorer: fitted on the shipped
# weights' sets only (--train-without s28,s29,s30,s31) P 0.966 R 0.872 (fp 32, fn 133); on every set, L2 1.0:
# P 0.966 R 0.880 (fp 32, fn 125); L2 2.0 (the one variant tried): P 0.966 R 0.881 (fp 32, fn 124); no set's false
# alarms up. Both full fits read must-pass sentences over their thresholds (not raised): L2 1.0 (15,608 sentences,
# threshold 0.9374) 'Our most experienced worker leads the group.' (test_overclaim.py, 0.9388) and 'Staff say the
# drop in evictions was driven by our tenancy coaches.' (test_unseen_wording_s22.py, 0.9498); L2 2.0 (threshold
# 0.9345) the latter (0.9464) and the demo library's 'Three features of our model go beyond a standard community
# support service.' (test_method_library.py, 0.952). The shipped weights are still oc28's. bench/scorer_s32.md
# s28-s37: held-out sets of sessions 28-37, spent at their ends, folded as transfer checks (s33 added after oc33's
# refit, s34, s35, s36 and s37 at the ends of their sessions: none of the five in the shipped weights)
# Session 33 (oc33): refitted and shipped on every set above, s28-s32 included (15,932 sentences, 16,705 weights,
# threshold 0.943 from the 4 inner folds, settings unchanged, the structure features off). Session 32's blocker ('Our
# most experienced worker leads the group.') is no longer scored: learned._our_own_superlative, a gate the checker and
# the folds share, leaves unscored a superlative that ranks our own staff, rooms or times among themselves (owned by
# "our", or a plain superlative with "the" on a noun not ours), with no scope, predicate, comparison or outcome word
# (4 labelled sentences have the form, all passes). Judged left out (s24-s32 each scored by weights fitted without
# it, the threshold from the fold's inner folds, bench/overclaim_loso.py --pool --transfer --cache), main's code and
# oc33's, both trained on every spent set: pooled P 0.964 R 0.881 (fp 39, fn 139) -> P 0.964 R 0.886 (fp 39,
# fn 133), no set's false alarms changed. Figures: bench/oc_s33.md
# Session 37 (scorer37): tw7 and tw8 (session 37's training writers) added to TRAINING; the refit on every set
# (s33-s36, oc35dev, oc36dev, tw7, tw8 new to the weights) was being judged left out over s28-s36 (baseline: the
# shipped weights' recipe, --train-without s33,s34,s35,s36,oc35dev,oc36dev,tw7,tw8) when the session ended, on a
# machine at load 40-54: NOT shipped, the shipped weights are still oc33's. FLAG_WEIGHT (new, 1.0 = as shipped) is
# the pre-registered second variant (1.5), not run. Figures so far and commands: bench/scorer_s37.md
# Session 38 (scorer38): the full refit on every set above (18,297 sentences, 18,140 weights, threshold 0.9364 and
# calibration [1.0288, -0.0425] from the 4 inner folds; session 37's file taken as it was, the sets and features being
# the same: see bench/scorer_s38.md) NOT shipped, the shipped weights are still oc33's. Session 37's blocker (the
# superlative suggestion's splice) is gone: the suggestion is "trained in the" now, not "community-based". But with
# the refit tests/language/test_overclaim_oc2_s34.py reads 'We turned the tables around before the Tuesday session.'
# (0.9457; oc33 0.9317) over the refit's threshold (not raised; every other file of tests/language and
# tests/compose/test_golden.py, test_commitments.py, test_method_library.py passed: 5346). FLAG_WEIGHT 1.5 left out
# over s28-s37 (each set left out): pooled R 0.925 (fn 98) with 1.0 -> 0.922 (fn 102) with 1.5, false alarms 25 both:
# not shipped. Figures and commands: bench/scorer_s38.md
TRANSFER = ["s15", "s15b", "s20", "s20b", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31", "s32", "s33", "s34", "s35", "s36", "s37", "s38"]
# the independent writers' sets (written blind to the code from a brief): the pooled leave-one-set-out figure
INDEPENDENT = ["s8", "s9", "s10", "s11", "s12", "s13", "s14"]
SPLIT = {"dev6", "s6", "s8"}
# session 25's training writers (six voices, 400 each, written blind to the code, in tests/data/labelled as
# overclaim_twN.jsonl): tw1-tw4 are in the shipped weights (m25); tw5 and tw6 (o25's unseen checks) and s25 (the
# session's held-out set, measured once before and once after) were added to the folds after that fit and are not:
# the next refit takes them (and s26, session 26's held-out set, spent at its end)
# tw7 and tw8 (session 37's training writers, 400 each, written blind to the code with more credit-taking,
# attribution and counterfactual rows; in tests/data/labelled since scorer37)
TRAINING = ["tw1", "tw2", "tw3", "tw4", "tw5", "tw6", "tw7", "tw8"]
# more sets from outside the repository: the environment variable OVERCLAIM_EXTRA_SETS lists their files (separated
# by the OS path separator), or --extra on the command line; each is a writer named by its file ("tw5"), trained on
# and folded as the others
EXTRA_ENV = "OVERCLAIM_EXTRA_SETS"


def extra_sets(paths: list[str] | None = None) -> dict[str, Path]:
    """{writer: file} of the extra sets (``paths``, or the files OVERCLAIM_EXTRA_SETS names)."""
    if paths is None:
        paths = os.environ.get(EXTRA_ENV, "").split(os.pathsep)
    return {Path(p).stem.removeprefix("overclaim_"): Path(p) for p in paths if p.strip()}


EXTRA = {w: LABELLED / f"overclaim_{w}.jsonl" for w in TRAINING} | extra_sets()
# the spent held-out sets (development material once measured) stay where they were committed
HELD = ROOT / "tests" / "data" / "heldout"
PATHS = {"heldout2": HELD / "overclaim_heldout2.jsonl",
         **{s: HELD / s / f"overclaim_{s}.jsonl"
                                                for s in ("s8", "s9", "s10", "s11", "s12", "s13", "s14", "s16", "s16b", "s17",
                                                          "s17b", "s18", "s18b", "s19", "s19b", *TRANSFER)}}
SPEC = {
    "lemma_pos": ["VERB", "ADJ", "ADV", "NOUN", "AUX"],
    "arc_deps": ["nsubj", "nsubjpass", "dobj", "pobj", "attr", "acomp", "advmod", "amod", "aux", "neg",
                 "ccomp", "xcomp", "advcl", "prep", "agent", "npadvmod", "oprd", "conj", "relcl", "pcomp"],
    "subject_deps": ["nsubj", "nsubjpass", "csubj", "expl"],
    "object_deps": ["dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "prep"],
    "triples": True,
    # a compound before one of these (an agent of ours) is part of a name, not an outcome
    "agent_lists": ["provider_agents", "provider_nouns", "claim_agents"],
    # the checker scores only clauses: a main verb (or its auxiliary) with one of these tags
    "finite_tags": ["VBD", "VBP", "VBZ", "MD"],
    "neg_deps": ["neg"],
    "modal_tags": ["MD"],
    "marks": ["%", "£", "$", "€", "if", "?", "!", "per", "cent", "because", "since", "every", "all", "never"],
    # vocabulary lists added after the shipped weights were fitted (o15, issue 15): they feed the rules, not
    # the scorer, so the weights' features are the same words' classes they were fitted on
    "skip_lists": ["ended_verbs", "ended_phrases", "ended_passive_phrases", "difficulty_nouns", "difficulty_suffixes",
                   "taking_part_verbs", "service_nouns", "concessive_words",
                   "transformation_frame_verbs", "transformation_frame_nouns", "deprivation_verbs",
                   # (o18) the causal rule's harms to a person ("her crisis calls", "his drinking")
                   "claim_harm_events", "claim_harm_behaviours",
                   # (o18) the comparison check's words
                   "comparison_not_comparatives", "comparison_degree_words", "comparison_standard_words",
                   "comparison_compared_words", "comparison_source_words", "comparison_not_figures",
                   # (o18) the never/always reading's words
                   "never_always_process_verbs", "never_always_adverbs",
                   # (o18) the vague amount reading's words
                   "vague_amount_nouns", "vague_amount_words",
                   # (o19) the comparison check's readings without a comparative, and the no-relapse rule's verbs
                   "comparison_ranking_words", "comparison_other_words", "comparison_no_other_phrases",
                   "comparison_idioms", "never_again_verbs",
                   # (o19) the context record for a finding reported from others' research
                   "research_finding_phrases", "pressing_governors", "disclaimer_progressive_phrases",
                   "figure_caveat_phrases", "ease_change_words", "shared_credit_phrases", "aim_frame_phrases",
                   # (o25) what a certainty word may be sure of (the exception clause_about)
                   "shortcoming_words"],
    # a word in k vocabulary classes gives each 1/k (arcs and triples: the product), not 1 each
    "normalise": True,
    # (oc27, m26's step 3) our role in the clause, the outcome's scope and the evidence markers
    # (learned._structure), from these vocabulary classes. Off: left out, they changed +2 flags and +1 false
    # alarm of 4,280 (bench/overclaim_o27.md), for a reading per scored clause; `overclaim_loso.py --set
    # structure=true` measures them again
    "structure": False,
    "scope_system_lists": ["system_outcome_terms", "system_places", "area_scope_words", "scope_places",
                           "system_scope_terms"],
    "scope_person_lists": ["people_nouns", "claim_people", "service_user_nouns"],
    "scope_money_lists": ["money_nouns", "currency_signs", "financial_outcome_terms", "money_units"],
    "evidence_source_lists": ["source_words", "report_nouns"],
    # (not a feature) the message's reasons show a word and its neighbour as one phrase when one
    # depends on the other by one of these ("our team", "not return", "has cut")
    "phrase_deps": ["poss", "compound", "amod", "det", "neg", "aux", "auxpass", "prt", "nummod", "advmod"],
}
L2 = 1.0
MIN_COUNT = 2
# (scorer37) the flag class's weight over the balanced one (1.0: classes balanced, as every shipped fit)
FLAG_WEIGHT = 1.0
MIN_WEIGHT = 0.03  # smaller weights are left out of the file (dropping them changed 5 of 3,691 decisions)
# the scorer's out-of-writer false alarms allowed (share of the pass sentences). 0.02 was measured in session 17:
# leave-one-set-out pooled s8-s14 P 0.947 R 0.813 -> P 0.947 R 0.841, but its threshold (0.894) reads three of the
# product's own careful sentences as claims (a method-library block, a drafted target, the review's SPC key:
# tests/compose test_method_library, test_commitments, test_golden), so it stays 0.01 until those pass
MAX_FALSE_ALARM_RATE = 0.01
# the threshold's inner folds: k deals whole writers into k folds (the corpus stays in training); 0 leaves one
# writer out at a time (23 fits a model instead of 5: session 16 measured and shipped with 4)
INNER_FOLDS = 4
USE_CORPUS = True


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def writer_sets(transfer: bool = False) -> dict[str, dict[str, list[dict]]]:
    """{writer: {"train": rows that may be trained on, "check": the never-read half (or [])}}; with
    ``transfer``, the transfer checks' sets too (TRANSFER: train on them, never print their rows)."""
    from heldout import quality_module

    quality = quality_module()
    out = {}
    for w in WRITERS + list(EXTRA) + (TRANSFER if transfer else []):
        rows = _load(EXTRA.get(w) or PATHS.get(w, LABELLED / f"overclaim_{w}.jsonl"))
        if w in SPLIT:
            tune, check_half = quality.split_half(rows, quality.SPLIT_SEEDS.get(w, quality.SPLIT_SEED))
        else:
            tune, check_half = rows, []
        # ids are per set ("oc13-0001" is in two writers' sets): the writer's name makes them one
        out[w] = {part: [dict(r, id=f"{w}:{r['id']}") for r in got]
                  for part, got in (("train", tune), ("check", check_half))}
    if USE_CORPUS:
        for w, rows in corpus_rows().items():
            out[w] = {"train": rows, "check": []}
    return out


CORPUS = ROOT / "corpus"


def corpus_rows() -> dict[str, list[dict]]:
    """The demo corpus's careful prose, one row per sentence, every one labelled "pass".

    The method library (``corpus/library/blocks.yaml``, placeholders filled from
    ``profile.yaml``) and the outcome stories (``corpus/stories/*.md``, headings and front
    matter left out) are written to pass the checker: every library block must (see
    tests/compose/test_method_library.py). They are plain descriptions of method, which the
    labelled sets (mostly claims and their hard near-misses) have few of."""
    import re

    import yaml

    from evidencebot.language import pipeline

    profile = yaml.safe_load((CORPUS / "library" / "profile.yaml").read_text(encoding="utf-8"))
    fill = {k: str(v) for k, v in profile.items()}
    texts: dict[str, list[str]] = {"corpus-blocks": [], "corpus-stories": []}
    for block in yaml.safe_load((CORPUS / "library" / "blocks.yaml").read_text(encoding="utf-8"))["blocks"]:
        for field in ("body", "means"):
            if block.get(field):
                texts["corpus-blocks"].append(re.sub(r"\{(\w+)\}", lambda m: fill.get(m.group(1), m.group(0)),
                                                     block[field]))
    for path in sorted((CORPUS / "stories").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        paras = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.lstrip().startswith("#")]
        texts["corpus-stories"].extend(" ".join(p.split()) for p in paras)
    out: dict[str, list[dict]] = {}
    for writer, items in texts.items():
        rows = []
        for n, doc in enumerate(pipeline.pipe(items, disable=pipeline.disabled_for(False))):
            for k, sent in enumerate(doc.sents):
                if len(sent) >= 5:
                    rows.append({"id": f"{writer}-{n}-{k}", "text": sent.text, "label": "pass", "kind": writer})
        out[writer] = rows
    return out


_INDEX = None


def class_index(spec: dict = SPEC):
    """The vocabulary's word classes as the scorer reads them (the lists in ``skip_lists`` left out)."""
    global _INDEX
    from evidencebot.language.overclaim.learned import ClassIndex
    from evidencebot.language.phrasebank import load_vocabulary

    if _INDEX is None:
        _INDEX = ClassIndex(load_vocabulary(), frozenset(spec["skip_lists"]))
    return _INDEX


def parse_rows(rows: list[dict], spec: dict = SPEC) -> dict[str, dict[str, float]]:
    """{row id: features of its sentence}."""
    from evidencebot.language import pipeline
    from evidencebot.language.overclaim.learned import features

    index = class_index(spec)
    docs = pipeline.pipe([r["text"] for r in rows], disable=pipeline.disabled_for(False))
    return {r["id"]: features(doc[:], index, spec) for r, doc in zip(rows, docs)}


_FITS: dict[tuple, dict] = {}


def _fit_weights(rows: list[dict], feats: dict, l2: float | None = None) -> dict:
    """The weights fitted on ``rows`` (remembered per set of writers: leave-one-out runs fit the
    same pairs of left-out writers many times)."""
    l2 = L2 if l2 is None else l2
    writers = frozenset(r.get("_writer", "") for r in rows)
    key = (writers, len(rows), id(feats), l2, MIN_COUNT, MIN_WEIGHT, FLAG_WEIGHT, json.dumps(SPEC, sort_keys=True))
    if "" not in writers and key in _FITS:
        return _FITS[key]
    model = _fit(rows, feats, l2)
    if "" not in writers:
        _FITS[key] = model
    return model


_MATRIX: dict[int, tuple] = {}


def _matrix(feats: dict):
    """(feature names, row position by id, CSR matrix) of every row in ``feats``, built once per ``feats``."""
    from scipy import sparse

    got = _MATRIX.get(id(feats))
    if got is None or got[0] is not feats:
        names = sorted({f for fs in feats.values() for f in fs})
        col = {f: i for i, f in enumerate(names)}
        pos = {rid: i for i, rid in enumerate(feats)}
        data, ri, ci = [], [], []
        for i, fs in enumerate(feats.values()):
            for f, v in fs.items():
                data.append(v)
                ri.append(i)
                ci.append(col[f])
        X = sparse.csr_matrix((data, (ri, ci)), shape=(len(pos), len(names)))
        got = _MATRIX[id(feats)] = (feats, names, pos, X)
    return got[1:]


def _fit(rows: list[dict], feats: dict, l2: float) -> dict:
    import numpy as np
    from scipy.optimize import minimize

    all_names, pos, X_all = _matrix(feats)
    X = X_all[[pos[r["id"]] for r in rows]]
    # features seen in at least MIN_COUNT of the training rows
    keep = np.flatnonzero(X.getnnz(axis=0) >= MIN_COUNT)
    X = X[:, keep].tocsr()
    names = [all_names[j] for j in keep]
    y = np.array([1.0 if r["label"] == "flag" else 0.0 for r in rows])
    # balance the classes (some sets are mostly flags)
    pos_n = y.sum()
    sw = np.where(y == 1, FLAG_WEIGHT * len(y) / (2 * pos_n), len(y) / (2 * (len(y) - pos_n)))

    def loss(wb):
        w, b = wb[:-1], wb[-1]
        z = X @ w + b
        p = 1 / (1 + np.exp(-z))
        ll = sw * (np.logaddexp(0, z) - y * z)
        g = sw * (p - y)
        return ll.sum() + 0.5 * l2 * (w @ w), np.append(X.T @ g + l2 * w, g.sum())

    res = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = res.x
    return {"weights": {f: round(float(w[i]), 4) for i, f in enumerate(names) if abs(w[i]) >= MIN_WEIGHT},
            "bias": round(float(w[-1]), 4)}


def probability(model: dict, feats: dict[str, float]) -> float:
    from evidencebot.language.overclaim.learned import probability as p

    return p(model, feats)


def _z(model: dict, feats: dict[str, float]) -> float:
    weights = model["weights"]
    return model["bias"] + sum(weights.get(f, 0.0) * v for f, v in feats.items())


def _calibrate(zs: list[float], ys: list[float]) -> tuple[float, float]:
    """Platt scaling: (a, b) so that 1 / (1 + exp(-(a z + b))) is the share of flags among
    out-of-writer sentences scored z (the weights are fitted with balanced classes, so their
    own probabilities overstate; this makes the printed score a frequency)."""
    import numpy as np
    from scipy.optimize import minimize

    z = np.array(zs)
    y = np.array(ys)

    def loss(ab):
        t = ab[0] * z + ab[1]
        p = 1 / (1 + np.exp(-t))
        return (np.logaddexp(0, t) - y * t).sum(), np.array([((p - y) * z).sum(), (p - y).sum()])

    res = minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return round(float(res.x[0]), 4), round(float(res.x[1]), 4)


def _threshold(rows: list[dict], feats: dict, groups: list[str]) -> tuple[float, list[float]]:
    """(threshold, calibration): the lowest calibrated threshold keeping out-of-group false alarms
    at or below MAX_FALSE_ALARM_RATE, and the Platt scaling fitted on the same out-of-group scores."""
    scores = []
    if INNER_FOLDS:
        # whole writers dealt into INNER_FOLDS folds; the corpus's passes stay in every fold's training
        writers = sorted({g for g in groups if not g.startswith("corpus")})
        fold_of = {w: str(n % INNER_FOLDS) for n, w in enumerate(writers)}
        groups = [fold_of.get(g, g) for g in groups]
    for g in sorted(set(groups)):
        if g.startswith("corpus") and INNER_FOLDS:
            continue
        inner = [r for r, gg in zip(rows, groups) if gg != g]
        m = _fit_weights(inner, feats)
        scores += [(_z(m, feats[r["id"]]), r["label"], g) for r, gg in zip(rows, groups) if gg == g]
    # (the corpus's plain prose is easy to pass: the rate and the calibration are counted on the
    # labelled sets, whose passes are hard near-misses)
    labelled = [(z, lab) for z, lab, w in scores if not w.startswith("corpus")]
    a, b = _calibrate([z for z, _ in labelled], [1.0 if lab == "flag" else 0.0 for _, lab in labelled])
    cal = {"bias": 0.0, "weights": {}, "calibration": [a, b]}
    passes = sorted((probability(dict(cal, bias=z), {}) for z, lab in labelled if lab == "pass"), reverse=True)
    allowed = int(MAX_FALSE_ALARM_RATE * len(passes))
    return round(min(0.99, max(0.05, passes[allowed] + 1e-4)), 4), [a, b]


def fit(rows: list[dict], feats: dict, with_threshold: bool = True) -> dict:
    model = _fit_weights(rows, feats)
    model["features"] = SPEC
    model["threshold"] = 0.9
    if with_threshold:
        groups = [r["_writer"] for r in rows]
        model["threshold"], model["calibration"] = _threshold(rows, feats, groups)
    return model


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the weights (default: the shipped file)")
    ap.add_argument("--extra", action="append", default=[],
                    help=f"a set's file to train on as a writer besides those of the repository (also {EXTRA_ENV})")
    ap.add_argument("--cache", type=Path, default=None,
                    help="read the sentences' features from bench/overclaim_loso.py's --cache file (kept per code, "
                         "phrasebank and feature settings; rows not in it are parsed and added)")
    args = ap.parse_args(argv)
    EXTRA.update(extra_sets(args.extra))
    sets = writer_sets(transfer=True)
    rows = [dict(r, _writer=w) for w, s in sets.items() for r in s["train"]]
    if args.cache is not None:
        from overclaim_loso import _screen_and_features

        _, feats = _screen_and_features(rows, sys.modules[__name__], args.cache, False)
    else:
        feats = parse_rows(rows)
    model = fit(rows, feats)
    model = {"about": ("Over-claim learned scorer (logistic regression over parse features; "
                       "evidencebot.language.overclaim.learned). Written by bench/train_overclaim_scorer.py from "
                       f"{len(rows)} sentences: the over-claim writers' sets ({', '.join(WRITERS + list(EXTRA) + TRANSFER)}; "
                       "dev6, s6 and s8 tune halves only) and, as passes, the demo corpus's method library and stories. "
                       "Do not edit by hand: retrain."),
             "trained_on": len(rows), "writers": sorted(sets), "threshold": model["threshold"],
             "calibration": model.get("calibration"), "bias": model["bias"],
             "features": model["features"], "weights": dict(sorted(model["weights"].items()))}
    print(f"{len(rows)} sentences, {len(model['weights'])} weights, threshold {model['threshold']}")
    if not args.dry_run:
        args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
