"""The conversation: message -> intent -> action -> Markdown reply. No UI imports.

* :mod:`~evidencebot.assistant.intents`: slash commands, spaCy matchers and a
  regular-expression fallback, all giving one :class:`Intent`;
* :mod:`~evidencebot.assistant.actions`: each intent calls the core and
  answers in Markdown;
* :mod:`~evidencebot.assistant.conversation`: the session object the terminal
  app talks to;
* :mod:`~evidencebot.assistant.editing`, :mod:`~evidencebot.assistant.checking`,
  :mod:`~evidencebot.assistant.indicator_views`, :mod:`~evidencebot.assistant.story_capture`
  and :mod:`~evidencebot.assistant.exporting`: what the editor, story-capture,
  evidence and export screens show, computed here rather than in widgets.
"""
