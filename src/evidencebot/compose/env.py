"""The one Jinja2 factory every narrative is rendered through.

* Templates are looked up in the user's ``<config dir>/templates`` first, then
  in the shipped ``templates/`` folder (:func:`evidencebot.locations.search_path`).
  A user template can extend or include the shipped one it replaces through
  the ``default:`` prefix: ``{% extends "default:tender_answer.md.j2" %}``.
* ``StrictUndefined``: a misspelt or missing variable is an error, reported as
  a :class:`~evidencebot.errors.ConfigError` naming the template, the line and
  the missing name, never a blank in a commissioner's document.
* ``keep_trailing_newline``; autoescaping only for ``.html`` templates.
* When the user has templates of their own, rendering uses
  ``ImmutableSandboxedEnvironment``: a template from a shared folder cannot reach
  Python internals or change the data it is given.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidencebot.errors import ConfigError

_ENVS: dict = {}


def _autoescape(name: str | None) -> bool:
    if not name:
        return False
    name = name.lower()
    return name.endswith((".html", ".htm", ".html.j2", ".htm.j2"))


def user_templates() -> list[Path]:
    """Template files the user has placed in their config folder."""
    from evidencebot import locations

    folder = locations.user_dir("templates")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def make_env(*, sandboxed: bool | None = None, extra_dirs: list[Path] | None = None):
    """Build (or reuse) the Jinja environment.

    ``sandboxed=None`` means: sandbox when the user has templates of their own.
    ``extra_dirs`` are searched before everything else (used by tests).
    """
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from evidencebot import locations

    dirs = [Path(d) for d in (extra_dirs or [])] + locations.search_path("templates")
    packaged = locations.packaged_dir("templates")
    if sandboxed is None:
        sandboxed = bool(extra_dirs) or bool(user_templates())
    key = (tuple(str(d) for d in dirs), sandboxed)
    env = _ENVS.get(key)
    if env is not None:
        return env
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(d) for d in dirs]),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(packaged))}, delimiter=":"),
        ]
    )
    cls = ImmutableSandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from evidencebot.compose import filters

    filters.install(env)
    _ENVS[key] = env
    return env


def clear_cache() -> None:
    """Forget built environments (after the user adds or removes templates)."""
    _ENVS.clear()


_MISSING = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'|no element (\S+)")


def _template_frame(exc: BaseException, names: set[str]) -> tuple[str | None, int | None]:
    """The innermost traceback frame that belongs to a template: (file, line)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in names or filename.endswith(".j2") or "<template>" in filename:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def render(name: str, context: dict | None = None, *, env=None, **kwargs) -> str:
    """Render template ``name`` with ``context``; every failure is a ConfigError."""
    import jinja2
    from jinja2.exceptions import SecurityError

    env = env or make_env()
    values = dict(context or {}, **kwargs)
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(d) for d in _searched())
        raise ConfigError(f"template {exc.name!r} not found (looked in {where})") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(
            f"template {exc.filename or exc.name or name}, line {exc.lineno}: {exc.message}"
        ) from None
    try:
        return template.render(values)
    except jinja2.UndefinedError as exc:
        filename, line = _template_frame(exc, {template.filename or ""})
        message = str(exc)
        m = _MISSING.search(message)
        missing = next((g for g in m.groups() if g), None) if m else None
        where = filename or template.filename or name
        detail = f"'{missing}' is not defined" if missing else message
        if m and m.group(2):
            detail = f"'{missing}' is missing ({message})"
        raise ConfigError(f"template {where}, line {line or '?'}: {detail}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from None
    except SecurityError as exc:
        filename, line = _template_frame(exc, {template.filename or ""})
        raise ConfigError(
            f"template {filename or name}, line {line or '?'}: not allowed in a template ({exc})"
        ) from None
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template {template.filename or name}: {exc}") from None


def render_string(source: str, context: dict | None = None, *, name: str = "<string>", **kwargs) -> str:
    """Render template text (always sandboxed: it came from a user)."""
    import jinja2

    env = make_env(sandboxed=True)
    try:
        template = env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"template {name}, line {exc.lineno}: {exc.message}") from None
    return _render_template(template, dict(context or {}, **kwargs), name)


def _render_template(template, values: dict, name: str) -> str:
    import jinja2

    try:
        return template.render(values)
    except jinja2.UndefinedError as exc:
        _, line = _template_frame(exc, {"<template>"})
        m = _MISSING.search(str(exc))
        missing = next((g for g in m.groups() if g), None) if m else str(exc)
        raise ConfigError(f"template {name}, line {line or '?'}: '{missing}' is not defined") from None
    except jinja2.exceptions.SecurityError as exc:
        _, line = _template_frame(exc, {"<template>"})
        raise ConfigError(f"template {name}, line {line or '?'}: not allowed in a template ({exc})") from None
    except jinja2.TemplateError as exc:
        raise ConfigError(f"template {name}: {exc}") from None


def _searched() -> list[Path]:
    from evidencebot import locations

    return locations.search_path("templates")
