"""The app paints its first frame before it builds the assistant (whose import loads the whole core), and
what is typed meanwhile waits in the chat's queue and is answered once the assistant is ready."""

from __future__ import annotations

import threading

from helpers import chat_replies, paste_text, run, settle, wait_until

SIZE = (100, 30)


def test_first_frame_comes_before_the_conversation_is_built_and_typing_waits_for_it(make, monkeypatch):
    from evidencebot.assistant.actions import help_markdown
    from evidencebot.assistant.conversation import Conversation
    from evidencebot.tui.app import EvidencebotApp
    from evidencebot.tui.widgets.chat import PendingReply, UserMessage

    order: list[str] = []
    release = threading.Event()
    build = Conversation.__init__

    def held_build(self, *args, **kwargs):
        order.append("build starts")
        release.wait(timeout=10)  # held until the test has seen the first frame (never forever)
        build(self, *args, **kwargs)

    painted = EvidencebotApp.on_ready

    def on_ready(self):
        order.append("first frame")
        painted(self)

    monkeypatch.setattr(Conversation, "__init__", held_build)
    monkeypatch.setattr(EvidencebotApp, "on_ready", on_ready)

    async def go():
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: "build starts" in order, "the assistant is being built")
            assert order == ["first frame", "build starts"]
            assert not app.conversation_ready
            pending = app.screen.query_one(PendingReply)
            await wait_until(pilot, lambda: "starting the assistant" in str(pending.render()),
                             "the chat says the assistant is starting")
            await paste_text(pilot, "/help")  # the prompt takes text while the assistant starts
            await pilot.press("enter")
            await wait_until(pilot, lambda: len(app.screen.query(UserMessage)) == 1, "the message is shown")
            assert chat_replies(app) == []  # nothing answered yet: the welcome and /help wait in the queue
            release.set()
            await settle(pilot)
            assert app.conversation_ready
            replies = chat_replies(app)
            assert len(replies) == 2, [r.markdown[:60] for r in replies]  # the welcome, then the answer to /help
            assert replies[1].markdown == help_markdown() != replies[0].markdown
    run(go())
