"""evidencebot.inputs.limit_bytes: a size limit from [limits], the default when the config file is broken."""

from __future__ import annotations

import pytest

from evidencebot import inputs
from evidencebot.config import LimitSettings
from evidencebot.errors import ConfigError


def _raising(exc: BaseException):
    def load():
        raise exc
    return load


@pytest.mark.parametrize("exc", [ConfigError("config.toml: not valid TOML"), PermissionError("config.toml")])
def test_a_broken_or_unreadable_config_keeps_the_default_limit(monkeypatch, exc):
    monkeypatch.setattr(inputs, "load_settings", _raising(exc))
    assert inputs.limit_bytes("check_mb") == LimitSettings().check_mb * inputs.MB


def test_a_bug_while_reading_the_settings_is_not_turned_into_the_default(monkeypatch):
    # session 17: any exception at all (a TypeError in the settings code) became the default limit, silently
    monkeypatch.setattr(inputs, "load_settings", _raising(TypeError("a bug")))
    with pytest.raises(TypeError):
        inputs.limit_bytes("check_mb")
