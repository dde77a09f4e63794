"""Command palette entries (Ctrl+P) for every action in the app."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


def palette_commands(app) -> list[tuple[str, object, str]]:
    """(name, callable, help) for each palette entry."""
    ask = app.ask
    commands = [
        ("Help: what can I ask?", partial(ask, "/help"), "List the questions and commands the assistant understands."),
        ("Summary of the database", partial(ask, "/summary"), "What the evidence base holds."),
        ("Indicators: all domains", partial(ask, "/indicators"), "Every indicator for the last complete quarter."),
        ("Indicators: safety", partial(ask, "/indicators safety"), "Crisis, escalation and safeguarding indicators."),
        ("Indicators: stability", partial(ask, "/indicators stability"), "Step-down, follow-up, housing and readmission."),
        ("Indicators: experience", partial(ask, "/indicators experience"), "Engagement, goals and recovery outcomes."),
        ("Find stories…", partial(app.open_mode, "evidence", "stories"), "Search outcome stories as you type."),
        ("New story", partial(ask, "new story"), "Capture an outcome story in four parts, saved as you type."),
        ("Continue the last story", partial(ask, "continue my story"), "Reopen the captured story edited most recently."),
        ("Open the draft editor", partial(app.open_mode, "editor"), "Edit the current draft with live checking."),
        ("Check the open draft", partial(ask, "check my draft"), "List over-claiming and personal data in the draft."),
        ("Contract review: last complete quarter", partial(ask, "/review"), "Assemble the contract-review narrative."),
        ("Open the evidence browser", partial(app.open_mode, "evidence"), "Indicators with SPC charts, and stories."),
        ("Export…", partial(ask, "export"), "Export the draft or a story to Word, HTML or Markdown."),
        ("Submit a story for approval…", partial(ask, "/submit"),
         "List the draft stories; then /submit ID sends one for approval."),
        ("Approve a story…", partial(ask, "/approve"),
         "List the stories waiting for approval; approve one a colleague submitted."),
        ("Withdraw consent for a story…", partial(ask, "/withdraw"),
         "Keep a story out of every future export and list the documents that used it."),
        ("Tender: import a buyer's questionnaire…", partial(ask, "/tender import"),
         "Read a Word or Excel questionnaire into a tender: /tender import FILE."),
        ("Tender: status (the compliance matrix)", partial(ask, "/tender status"),
         "Each question's sub-points, limit, weighting, words used, status, owner and due date."),
        ("Tender: draft every answer", partial(ask, "/tender draft all"),
         "Draft and check every question's answer, as 'evidencebot tender draft --all' does."),
        ("Tender: export the response", partial(ask, "/tender export response.docx"),
         "The response under the buyer's numbering, with its evidence appendix and compliance sheet."),
        ("Audit log: recent changes", partial(ask, "/audit"), "Who changed what, newest first."),
        ("Clear the conversation", partial(ask, "/clear"), "Remove the messages from the chat pane."),
        ("Toggle light and dark theme", app.action_toggle_theme, "Switch between the light and dark theme."),
        ("Back to the conversation", partial(app.open_mode, "chat"), "Return to the chat pane."),
        ("Quit evidencebot", app.action_quit, "Everything is already saved."),
    ]
    return commands


class EvidencebotCommands(Provider):
    """Every assistant action, searchable by name."""

    async def discover(self) -> Hits:
        for name, runnable, help_text in palette_commands(self.app):
            yield DiscoveryHit(name, runnable, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, runnable, help_text in palette_commands(self.app):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), runnable, help=help_text)
