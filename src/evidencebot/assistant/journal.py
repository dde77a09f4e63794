"""The unsaved-text journal: typed story and draft text that has not reached the database yet.

The story form and the draft editor write every change here at once (a small
JSON file in the data directory, readable only by you, replaced atomically; a
killed process loses nothing the operating system has been handed), then to the
database a moment later. An entry is removed only when the database write has
landed, so text typed while another program holds the write lock (an import
running), or just before the terminal is killed, is never lost: the next start
offers it back (:func:`Journal.entries`).

One file per database (named from a hash of its path). Thread-safe: the screens
add entries on the UI thread and their writers remove them from worker threads.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from evidencebot import locations
from evidencebot.assistant.editing import DraftDoc, save_draft
from evidencebot.store.search import save_story_draft

RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)
"""Seconds between attempts at a write that could not get the lock (then every 4 s, for ever)."""


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "busy" (another connection holds the write lock)."""
    return isinstance(exc, sqlite3.OperationalError) and any(
        word in str(exc).lower() for word in ("locked", "busy"))


@dataclass
class Entry:
    kind: str
    """``story`` or ``draft``."""
    key: str
    """The story id, or the draft's key (``draft-<id>`` or ``new-<n>``)."""
    fields: dict
    at: float

    def describe(self) -> str:
        if self.kind == "story":
            names = ", ".join(sorted(k for k in self.fields if k != "title")) or "title"
            title = self.fields.get("title")
            return f"story {self.key}" + (f" “{title}”" if title else "") + f" ({names})"
        title = self.fields.get("title") or "untitled draft"
        words = len(str(self.fields.get("text") or "").split())
        return f"draft “{title}” ({words} words)"


def journal_path(db_path) -> Path:
    digest = hashlib.sha1(str(Path(str(db_path)).resolve()).encode("utf-8")).hexdigest()[:12]
    return locations.data_dir() / f"unsaved-{digest}.json"


class Journal:
    """Unsaved typing for one database."""

    def __init__(self, path: Path | None):
        self.path = path
        self._lock = threading.Lock()
        self._data: dict[str, dict] = {}
        self._aliases: dict[str, str] = {}
        """Old keys of renamed entries (a change typed just before the rename lands under the new key)."""
        if path is not None:
            self._data = self._read()

    @classmethod
    def for_database(cls, db_path) -> Journal:
        if db_path is None or str(db_path) == ":memory:":
            return cls(None)
        return cls(journal_path(db_path))

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):  # unreadable: keep it aside rather than lose it
            try:
                self.path.rename(self.path.with_suffix(f".unreadable-{int(time.time())}"))
            except OSError:
                pass
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self) -> None:
        if self.path is None:
            return
        if not self._data:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self._data, out, ensure_ascii=False)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, self.path)

    def _id(self, kind: str, key: str) -> str:
        ident = f"{kind}:{key}"
        return self._aliases.get(ident, ident)

    def add(self, kind: str, key: str, fields: dict) -> None:
        """Keep ``fields`` (merged over what is already kept for this story or draft)."""
        with self._lock:
            entry = self._data.setdefault(self._id(kind, key), {"kind": kind, "key": key, "fields": {}})
            entry["fields"].update(fields)
            entry["at"] = time.time()
            self._write()

    def landed(self, kind: str, key: str, fields: dict) -> None:
        """The database now holds ``fields``: drop each one still kept with the same value."""
        with self._lock:
            entry = self._data.get(self._id(kind, key))
            if entry is None:
                return
            kept = entry["fields"]
            for name, value in fields.items():
                if name in kept and kept[name] == value:
                    del kept[name]
            if not kept:
                del self._data[self._id(kind, key)]
            self._write()

    def landed_if(self, kind: str, key: str, name: str, value) -> None:
        """The database now holds ``value`` for ``name``: drop the whole entry if that is what it keeps."""
        with self._lock:
            entry = self._data.get(self._id(kind, key))
            if entry is not None and entry["fields"].get(name) == value:
                del self._data[self._id(kind, key)]
                self._write()

    def rename(self, kind: str, old: str, new: str) -> None:
        """A new draft got its database id: file its entry under it."""
        with self._lock:
            entry = self._data.pop(self._id(kind, old), None)
            self._aliases[f"{kind}:{old}"] = self._id(kind, new)
            if entry is not None:
                entry["key"] = new
                existing = self._data.get(self._id(kind, new))
                if existing is not None:
                    existing["fields"].update(entry["fields"])
                    existing["at"] = max(existing.get("at") or 0, entry.get("at") or 0)
                else:
                    self._data[self._id(kind, new)] = entry
                self._write()

    def discard(self, kind: str, key: str) -> None:
        with self._lock:
            if self._data.pop(self._id(kind, key), None) is not None:
                self._write()

    def pending(self, kind: str, key: str) -> dict:
        with self._lock:
            entry = self._data.get(self._id(kind, key))
            return dict(entry["fields"]) if entry else {}

    def entries(self) -> list[Entry]:
        with self._lock:
            return [Entry(e["kind"], e["key"], dict(e["fields"]), float(e.get("at") or 0))
                    for e in self._data.values() if e.get("fields")]

    def __bool__(self) -> bool:
        with self._lock:
            return bool(self._data)


def draft_from_fields(fields: dict):
    """The editor's document for a journalled draft (its fields as the editor keeps them)."""
    return DraftDoc(text=fields.get("text") or "", question=fields.get("question") or "",
                    word_limit=fields.get("word_limit"), kind=fields.get("kind") or "text",
                    title=fields.get("title") or "Restored draft", draft_id=fields.get("draft_id"),
                    period=fields.get("period"))


def restore_entries(db, journal: Journal, entries: list[Entry]) -> list[str]:
    """Write each journalled story and draft to the database (a story's fields as typed; a draft's text into
    its draft row, or a new one), then drop it from the journal; what was restored, one line each."""
    restored = []
    for entry in entries:
        if entry.kind == "story":
            write_with_retry(lambda e=entry: save_story_draft(db, e.key, e.fields))
            journal.landed("story", entry.key, entry.fields)
        elif entry.kind == "draft":
            doc = draft_from_fields(entry.fields)
            write_with_retry(lambda d=doc: save_draft(db, d))
            journal.discard("draft", entry.key)
        else:
            continue
        restored.append(entry.describe())
    return restored


def write_with_retry(write, *, cancelled=lambda: False, waiting=lambda attempt, exc: None):
    """Call ``write()`` until it lands; a busy database is retried (``waiting`` is told each time).

    Returns ``write()``'s result, or None when ``cancelled()`` turned true first (the journal
    still holds the text). Errors other than a busy database are raised.
    """
    attempt = 0
    while True:
        try:
            return write()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            waiting(attempt, exc)
            delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)]
            attempt += 1
            end = time.monotonic() + delay
            while time.monotonic() < end:
                if cancelled():
                    return None
                time.sleep(0.05)
