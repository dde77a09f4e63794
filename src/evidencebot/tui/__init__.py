"""The Textual terminal app: a face over the core, with no business logic."""
