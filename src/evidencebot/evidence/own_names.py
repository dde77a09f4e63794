"""The product's own indicator titles and definitions are names, not claims.

"Transitions completed with planned support (12 weeks)" is an indicator's title:
its "12 weeks" is part of the name, not a figure that needs a period. The
evidence family drops its findings on words inside one of the catalogue's titles,
short titles or definitions (:func:`in_own_name`), so ``evidencebot check --db``
on an exported review and the app's checker agree.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def own_names() -> tuple[str, ...]:
    """The catalogue's indicator titles, short titles and definitions (lower case, longest first)."""
    from evidencebot.errors import ConfigError
    from evidencebot.metrics.catalogue import load_catalogue

    try:
        cat = load_catalogue()
    except ConfigError:  # no readable catalogue: nothing to exempt (the catalogue's own error is shown elsewhere)
        return ()
    names = set()
    for ind in cat.values():
        for attr in ("title", "short_title", "definition"):
            value = " ".join(str(getattr(ind, attr, "") or "").split())
            if len(value) > 12:
                names.add(value.lower())
    return tuple(sorted(names, key=len, reverse=True))


def in_own_name(finding, text: str) -> bool:
    """True for an evidence finding on words inside one of the product's own indicator names or definitions
    ('12 weeks' in 'Transitions completed with planned support (12 weeks)'): it is not a claim."""
    if finding.family != "evidence":
        return False
    low = text.lower()
    for name in own_names():
        start = low.find(name, max(0, finding.start - len(name)))
        while start != -1 and start <= finding.start:
            if start + len(name) >= finding.end:
                return True
            start = low.find(name, start + 1)
    return False
