"""The app's screens: chat (the default), editor, story capture, evidence, export."""
