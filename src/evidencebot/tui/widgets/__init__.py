"""Reusable widgets: chat messages, the checked text area, the SPC chart."""
