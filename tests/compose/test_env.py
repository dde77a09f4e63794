"""The Jinja factory: lookup order, strict variables with clear errors, sandbox."""

from __future__ import annotations

import pytest

from evidencebot.compose import env as E
from evidencebot.errors import ConfigError


@pytest.fixture(autouse=True)
def fresh_envs():
    E.clear_cache()
    yield
    E.clear_cache()


def user_templates(isolated_home):
    from evidencebot import locations

    folder = locations.user_dir("templates")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_missing_variable_names_template_line_and_name(isolated_home):
    folder = user_templates(isolated_home)
    (folder / "note.md.j2").write_text("Title\n\nLine two\n{{ periodd }} here\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        E.render("note.md.j2", {"period": "Q3"})
    message = str(info.value)
    assert "note.md.j2" in message and "line 4" in message and "'periodd'" in message


def test_missing_attribute_is_reported_too(isolated_home):
    folder = user_templates(isolated_home)
    (folder / "attr.md.j2").write_text("{{ point.lable }}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"attr.md.j2, line 1: 'lable'"):
        E.render("attr.md.j2", {"point": {"label": "x"}})


def test_syntax_error_and_missing_template_are_config_errors(isolated_home):
    folder = user_templates(isolated_home)
    (folder / "bad.md.j2").write_text("{% if x %}\nno end\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.md.j2, line"):
        E.render("bad.md.j2", {"x": 1})
    with pytest.raises(ConfigError, match="not found"):
        E.render("nowhere.md.j2", {})


def test_user_template_wins_and_can_extend_the_shipped_one(isolated_home):
    folder = user_templates(isolated_home)
    (folder / "tender_answer.md.j2").write_text(
        '{% extends "default:tender_answer.md.j2" %}', encoding="utf-8")
    out = E.render("tender_answer.md.j2", {"sections": [{"heading": "H", "paragraphs": ["P."]}]})
    assert "## H" in out and "P." in out
    (folder / "tender_answer.md.j2").write_text("mine\n", encoding="utf-8")
    E.clear_cache()
    assert E.render("tender_answer.md.j2", {"sections": []}) == "mine\n"  # trailing newline kept


def test_user_templates_run_sandboxed(isolated_home):
    folder = user_templates(isolated_home)
    (folder / "evil.md.j2").write_text("{{ x.__class__.__mro__ }}", encoding="utf-8")
    env = E.make_env()
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    assert isinstance(env, ImmutableSandboxedEnvironment)
    with pytest.raises(ConfigError):
        E.render("evil.md.j2", {"x": 1}, env=env)
    (folder / "mutate.md.j2").write_text("{{ items.append(4) }}", encoding="utf-8")
    with pytest.raises(ConfigError, match="not allowed"):
        E.render("mutate.md.j2", {"items": [1]}, env=env)


def test_shipped_templates_use_a_plain_environment():
    from jinja2.sandbox import SandboxedEnvironment

    assert not isinstance(E.make_env(), SandboxedEnvironment)


def test_autoescape_only_for_html(isolated_home):
    folder = user_templates(isolated_home)
    (folder / "a.md.j2").write_text("{{ v }}", encoding="utf-8")
    (folder / "a.html.j2").write_text("{{ v }}", encoding="utf-8")
    assert E.render("a.md.j2", {"v": "<b>&"}) == "<b>&"
    assert E.render("a.html.j2", {"v": "<b>&"}) == "&lt;b&gt;&amp;"


def test_filters_are_installed():
    out = E.render_string("{{ 63.2 | percent }} {{ 3 | suppress }} {{ '2026-03-04' | date }}", {})
    assert out == "63% <5 4 March 2026"
