"""Named staff from the service profile: key personnel a tender answer names on purpose.

The privacy checker flags anything that looks like a person's name, because a
name in a narrative is usually someone we support. The people named in the
service profile (the service manager, clinical lead, safeguarding lead,
Caldicott guardian and senior information risk owner) are different: a panel
expects to see them. :class:`StaffAwareChecker` wraps a checker bound to a
database and drops a ``privacy.person-name`` finding only when the words it
flags are part of one of those registered names; every other finding, and
any other name, is reported as before.
"""

from __future__ import annotations

import re

from evidencebot.store.blocks import get_profile

STAFF_FIELDS = ("service_manager", "clinical_lead", "safeguarding_lead", "caldicott_guardian", "siro")
"""Profile fields that hold the name of a member of staff."""
NAME_RULE = "privacy.person-name"


def staff_names(profile: dict[str, str]) -> list[str]:
    """The staff names the profile registers (titles such as 'Dr' kept: the finding may include them)."""
    return [" ".join(str(profile[f]).split()) for f in STAFF_FIELDS if (profile.get(f) or "").strip()]


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", text or "")


def is_staff_name(match: str, names: list[str]) -> bool:
    """True when every word of ``match`` is a word of one registered name, in order."""
    words = [w.lower() for w in _words(match)]
    if not words:
        return False
    for name in names:
        have = [w.lower() for w in _words(name)]
        for start in range(len(have) - len(words) + 1):
            if have[start:start + len(words)] == words:
                return True
    return False


class StaffAwareChecker:
    """A checker that accepts the profile's named staff (see the module's header)."""

    def __init__(self, checker, names: list[str]):
        self._checker = checker
        self.names = list(names)

    def __getattr__(self, name):
        return getattr(self._checker, name)

    def _keep(self, findings: list) -> list:
        return [f for f in findings if not (f.rule == NAME_RULE and is_staff_name(f.match, self.names))]

    def check_text(self, text: str, **kwargs) -> list:
        return self._keep(self._checker.check_text(text, **kwargs))

    def check_many(self, texts, **kwargs) -> list:
        return [self._keep(found) for found in self._checker.check_many(texts, **kwargs)]


def with_staff_names(checker, db):
    """``checker`` accepting the named staff of the service profile in ``db`` (unchanged when none)."""
    names = staff_names(get_profile(db))
    return StaffAwareChecker(checker, names) if names else checker
