"""Template safety: a template the user (or a shared folder) supplies runs in
Jinja's immutable sandbox and cannot reach files, the environment, Python
internals or the database. Goes through the narratives engineer's compose/env.py."""

from __future__ import annotations

import dataclasses
import os
import sqlite3

import pytest

from evidencebot.compose import env as env_module
from evidencebot.errors import ConfigError

SECRET = "hunter2-do-not-leak"

ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__['os'].environ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ lipsum.__globals__.os.popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__dict__ }}",
    "{{ items|attr('__class__') }}",
    "{{ '{0.__class__.__mro__}'.format(items) }}",
    "{{ '%s'|format(items.__class__) }}",
    "{{ story.__class__.__init__.__globals__ }}",
    "{{ items.append(4) }}{{ items }}",
    "{{ story.update({'consent': 'external'}) }}",
    "{{ environ }}",
    "{{ config }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../../../../../etc/passwd' %}",
    "{% include 'default:../../../../../../../../etc/passwd' %}",
    "{% extends '/etc/hostname' %}",
    "{% import '/proc/self/environ' as e %}",
]


@pytest.fixture(autouse=True)
def secret_env(monkeypatch):
    monkeypatch.setenv("EVIDENCEBOT_TEST_SECRET", SECRET)
    env_module.clear_cache()
    yield
    env_module.clear_cache()


def _context():
    return {"items": [1, 2, 3], "story": {"story_id": "S1", "consent": "internal", "title": "t"}}


@pytest.mark.parametrize("source", ESCAPES)
def test_template_text_cannot_escape(source):
    context = _context()
    try:
        out = env_module.render_string(source, context)
    except ConfigError as exc:
        out = str(exc)
    for leak in (SECRET, "root:x:0", "<class", "subclasses", "os.environ", "uid="):
        assert leak not in out
    assert context == _context()  # nothing it was given was changed


@pytest.mark.parametrize("source", ESCAPES)
def test_user_template_files_cannot_escape(source, isolated_home):
    from evidencebot import locations

    folder = locations.user_dir("templates")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tender_point.md.j2").write_text(source, encoding="utf-8")
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = env_module.make_env()
    assert isinstance(env, ImmutableSandboxedEnvironment)  # a user template switches the sandbox on
    context = _context()
    try:
        out = env_module.render("tender_point.md.j2", context, env=env)
    except ConfigError as exc:
        out = str(exc)
    assert SECRET not in out and "root:x:0" not in out and "<class" not in out
    assert context == _context()


def test_resource_limits_are_config_errors():
    with pytest.raises(ConfigError):
        env_module.render_string("{{ range(10**9)|list|length }}", {})


RESOURCE_BOMBS = [
    "{{ range(10**9)|list|length }}",
    "{{ 'a' * 10**10 }}",
    "{{ 10**10 * 'a' }}",
    "{{ [0] * 10**10 }}",
    "{% set ns = namespace(s='a' * 1000) %}{% for i in range(30) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "{{ 7 ** (10 ** 9) }}",
    "{{ 10.0 ** 1000 }}",
    "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
]


@pytest.mark.parametrize("source", RESOURCE_BOMBS)
def test_resource_bombs_are_config_errors_with_a_line(source):
    with pytest.raises(ConfigError) as info:
        env_module.render_string("Title\n" + source, {}, name="bomb.md.j2")
    assert "bomb.md.j2" in str(info.value) and "line 2" in str(info.value)


@pytest.mark.parametrize("source", RESOURCE_BOMBS[:4])
def test_resource_bombs_in_user_template_files(source, isolated_home):
    from evidencebot import locations

    folder = locations.user_dir("templates")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tender_point.md.j2").write_text("Title\n" + source, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        env_module.render("tender_point.md.j2", {}, env=env_module.make_env())
    assert "tender_point.md.j2" in str(info.value) and "line 2" in str(info.value)


def test_ordinary_arithmetic_still_works_in_the_sandbox():
    out = env_module.render_string("{{ '-' * 3 }} {{ 2 ** 10 }} {{ 'a' + 'b' }} {{ [1] + [2] }} {{ 3 * 4 }}", {})
    assert out == "--- 1024 ab [1, 2] 12"


def _walk(value, seen, path="context", depth=0):
    """Every object reachable from a template context (dicts, lists, dataclasses, objects)."""
    if depth > 8 or id(value) in seen:
        return
    seen.add(id(value))
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, seen, f"{path}[{k!r}]", depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            yield from _walk(v, seen, f"{path}[{i}]", depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name, None), seen, f"{path}.{f.name}", depth + 1)
    elif hasattr(value, "__dict__") and not isinstance(value, type) and not callable(value):
        for k, v in vars(value).items():
            yield from _walk(v, seen, f"{path}.{k}", depth + 1)


def test_narrative_contexts_hold_data_not_the_database(demo_copy_factory, monkeypatch):
    """A sandboxed template may still call ordinary methods of what it is given:
    so the contexts the narratives pass must hold no database, connection or file."""
    from sqlite_utils import Database

    from evidencebot.compose import review as review_module
    from evidencebot.compose.review import assemble_review
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.store.db import connect

    db = connect(demo_copy_factory())
    captured = []
    real = env_module.render

    def spy(name, context=None, **kw):
        captured.append((name, dict(context or {})))
        return real(name, context, **kw)

    monkeypatch.setattr(env_module, "render", spy)  # the tender imports it when it renders
    monkeypatch.setattr(review_module, "render", spy)  # the review imports it at the top (c3ee6e4)
    try:
        assemble_review(db, None, None)
        assemble_tender(db, "How do you manage crisis escalation and step-down from hospital?", 400)
    finally:
        db.close()
    assert {name for name, _ in captured} >= {"contract_review.md.j2", "tender_point.md.j2"}
    dangerous = (Database, sqlite3.Connection, sqlite3.Cursor, os.PathLike)
    for name, context in captured:
        for where, value in _walk(context, set()):
            assert not isinstance(value, dangerous), f"{name}: {where} is a {type(value).__name__}"
            assert not hasattr(value, "read") or isinstance(value, (str, bytes)), f"{name}: {where} is file-like"
