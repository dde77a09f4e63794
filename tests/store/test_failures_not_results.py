"""Narrow handlers in store/: the failure a handler is for gives its fallback; any other error (a bug) is raised.

Each of these caught ``Exception`` before session 18 (issue 17: "no broad except that turns a bug into a
result"); the second test of each pair fails on that code.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from evidencebot.store import audit, doctor, search


def _raising(exc: BaseException):
    def f(*args, **kwargs):
        raise exc
    return f


def test_an_unusable_data_folder_gives_the_hint_without_a_backup(monkeypatch):
    monkeypatch.setattr(doctor, "list_backups", _raising(PermissionError(13, "Permission denied", "backups")))
    hint = doctor._latest_backup_hint(Path("/tmp/evidencebot.db"))
    assert "none was found in the backups folder" in hint


def test_a_bug_while_listing_backups_is_not_read_as_no_backups(monkeypatch):
    monkeypatch.setattr(doctor, "list_backups", _raising(TypeError("a bug")))
    with pytest.raises(TypeError):
        doctor._latest_backup_hint(Path("/tmp/evidencebot.db"))


def test_a_connection_without_the_audit_functions_leaves_the_author_blank(monkeypatch):
    monkeypatch.setattr(search, "current_user", _raising(sqlite3.OperationalError("no such function: evidencebot_user")))
    assert search._current_user(Database(memory=True)) is None


def test_a_bug_in_the_user_function_is_not_a_blank_author(monkeypatch):
    # the functions are registered on first use (audit.ensure_functions); a bug in finding the user name
    # reaches SQLite as "user-defined function raised exception": not a story without an author
    monkeypatch.setattr(audit, "default_user", _raising(TypeError("a bug")))
    with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
        search._current_user(Database(memory=True))
