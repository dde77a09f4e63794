"""The conversation: message -> intent -> action -> Markdown reply. No UI imports."""
