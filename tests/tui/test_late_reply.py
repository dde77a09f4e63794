"""A reply that arrives after the app began to close (the user quit while the assistant was answering) is dropped
quietly: it was 'MountError: Can't mount widget(s) before VerticalScroll() is mounted' at exit (a flaky failure of
whichever app test ended while a reply was on its way, under load)."""

from __future__ import annotations

from helpers import chat_replies, run, settle

from evidencebot.assistant.replies import Reply

SIZE = (100, 30)


def test_a_reply_after_the_app_began_to_close_is_dropped_quietly(make):
    from evidencebot.tui.messages import AssistantProgress, ReplyReady
    from evidencebot.tui.screens.chat import ChatScreen

    async def go():
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ChatScreen) and len(chat_replies(app)) == 1  # the welcome
            app.exit()  # the user quits while the assistant is still answering: its reply comes after
            screen.post_message(AssistantProgress("still working…"))
            screen.post_message(ReplyReady("/help", Reply("A reply that came too late.", intent="help")))
        assert app.return_code == 0, app._exception  # closed cleanly: no error from the late reply

    run(go())
