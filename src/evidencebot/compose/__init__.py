"""Documents: tender answers, contract reviews, board summaries and their Word, HTML and Markdown exports.

Compose reads indicators (:mod:`evidencebot.metrics`), stories and the method library (:mod:`evidencebot.store`)
and checks what it writes with :mod:`evidencebot.language` and :mod:`evidencebot.evidence`; it never imports
the faces (:mod:`evidencebot.cli`, :mod:`evidencebot.tui`).
"""
