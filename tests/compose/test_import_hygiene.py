"""The compose core stays light: no UI, and heavy libraries only when used."""

from __future__ import annotations

import subprocess
import sys


def test_compose_imports_no_ui_and_no_heavy_libraries():
    code = (
        "import sys\n"
        "import evidencebot.compose.tender, evidencebot.compose.review, evidencebot.compose.export\n"
        "import evidencebot.compose.library, evidencebot.compose.questions, evidencebot.compose.filters\n"
        "import evidencebot.cli.assemble\n"
        "print(sorted(m for m in ('textual', 'matplotlib', 'docx', 'spacy', 'jinja2', 'markdown_it') "
        "if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
