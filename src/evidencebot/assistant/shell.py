"""The first, minimal assistant: a welcome with what the database holds, and help.

The full intent recognition arrives with the terminal-app issue; this module
already answers from the real database so the app is honest from day one.
"""

from __future__ import annotations

from pathlib import Path

HELP = """\
### What you can ask

| command | what it does |
|---|---|
| `/help` | this list |
| `/summary` | what the database holds |

More (indicators, story search, drafting, checking) is on the way; the command
line already offers it: run `evidencebot --help`.
"""


def summary_markdown(db_path: Path | str | None) -> str:
    from evidencebot.store.db import connect
    from evidencebot.store.summary import data_range, table_counts

    db = connect(db_path)
    try:
        counts = table_counts(db)
        first, last = data_range(db)
    finally:
        db.close()
    rows = "\n".join(f"| {t} | {n:,} |" for t, n in counts.items())
    span = f"Contacts run from **{first}** to **{last}**." if first else "No contacts yet."
    return f"### Your evidence base\n\n`{db_path}`\n\n{span}\n\n| table | rows |\n|---|---:|\n{rows}\n"


def reply(text: str, db_path: Path | str | None) -> str:
    command = text.strip().lower()
    if command in ("/welcome", "/summary"):
        intro = "Welcome to **evidencebot**. Type `/help` to see what you can ask.\n\n" if command == "/welcome" else ""
        return intro + summary_markdown(db_path)
    if command in ("/help", "help", "?"):
        return HELP
    return (
        "I can't answer that yet. Try `/help` for what I can do now, or "
        "`evidencebot --help` on the command line."
    )
