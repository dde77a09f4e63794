"""(review s37) For each over-claim check with a trigger: how many of the rules' example sentences its trigger
leaves out (tests/language/test_check_triggers.py asserts a third at least), and the rule's flag examples.

    PYTHONPATH=src python bench/review_s37_triggers.py
"""
import os
import tempfile
os.environ["EVIDENCEBOT_HOME"] = tempfile.mkdtemp()
from evidencebot.language import pipeline
from evidencebot.language.overclaim import engine, load_overclaim_rules
from evidencebot.language.overclaim.common import cached_sentences
from evidencebot.language.overclaim.context import Context
rules = load_overclaim_rules()
texts = sorted({e for r in rules.rules for e in r.examples["flag"] + r.examples["pass"]})
docs = [pipeline.parse(t, disable=["ner"]) for t in texts]
print("examples", len(texts))
for run in rules.checks:
    if run.trigger is None:
        continue
    without = 0
    for doc in docs:
        with cached_sentences(doc):
            if not engine._admits(run.trigger, Context(doc, rules.vocab, rules.bank.context)):
                without += 1
    print(run.rule.id, without, len(run.rule.examples["flag"]))
