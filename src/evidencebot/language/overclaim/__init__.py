"""The over-claim family: sentences that claim more than the evidence can show.

Rules live in ``phrasebank/overclaim.yaml``, shared word lists in
``phrasebank/vocabulary.yaml``, and the words the parse-aware checks read in
``phrasebank/grammar.yaml``. The package:

* :mod:`.engine` compiles the rules into one matcher per kind (``phrase``,
  ``token``, ``dependency``) plus the named ``check`` rules, runs them in one
  pass over a parsed document, and applies each rule's ``exceptions``, its
  ``skip_when`` context filters and ``defer_to``;
* :mod:`.context` answers the ``skip_when`` questions (negated, hedged, aim,
  conditional, question, future) from the parse and the context records in
  ``phrasebank/context.yaml``;
* one module per check kind: :mod:`.causal`, :mod:`.absolute`,
  :mod:`.guarantee`, :mod:`.puffery`, :mod:`.numbers`, :mod:`.small_numbers`,
  :mod:`.exclusive` (sole credit for an outcome);
  :mod:`.learned` is not a pattern but a small learned scorer over the parse
  (weights in ``phrasebank/overclaim-scorer.json``) that reports what the
  hand-written checks do not;
* :mod:`.common` holds the helpers they share, :mod:`.words` the grammar words.

Quoted speech is not handled here: the checker drops over-claim findings inside
quotation marks and blockquotes (see :mod:`evidencebot.language.checker`).
"""

from evidencebot.language.overclaim.common import CHECKS, verb_forms
from evidencebot.language.overclaim.engine import (
    FAMILY,
    OverclaimRules,
    _exact_words,
    check_names,
    find_overclaim,
    load_overclaim_rules,
)

__all__ = [
    "CHECKS", "FAMILY", "OverclaimRules", "_exact_words", "check_names", "find_overclaim",
    "load_overclaim_rules", "verb_forms",
]
