"""evidencebot: honest, checked evidence for community mental health commissioners.

Kept free of imports so that ``import evidencebot`` costs nothing: heavy modules
(spaCy, Textual, Jinja2) are imported where they are used.
"""

__version__ = "0.1.0"
