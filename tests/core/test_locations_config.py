from __future__ import annotations

import pytest

from evidencebot import config, locations
from evidencebot.errors import ConfigError


def test_home_override_puts_everything_under_it(isolated_home):
    assert locations.config_dir() == isolated_home / "config"
    assert locations.data_dir() == isolated_home / "data"
    assert locations.cache_dir() == isolated_home / "cache"
    assert locations.default_db_path() == isolated_home / "data" / "evidencebot.db"


def test_db_env_var_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("EVIDENCEBOT_DB", str(tmp_path / "other.db"))
    assert locations.default_db_path() == tmp_path / "other.db"


@pytest.mark.parametrize("name", locations.DATA_FOLDERS)
def test_shipped_data_folders_are_found(name):
    assert locations.packaged_dir(name).is_dir()


def test_user_folder_comes_first(isolated_home):
    user = isolated_home / "config" / "templates"
    user.mkdir(parents=True)
    dirs = locations.search_path("templates")
    assert dirs[0] == user and dirs[-1] == locations.packaged_dir("templates")


def test_settings_default_without_file():
    s = config.load_settings()
    assert (s.spc.shift_length, s.spc.trend_length, s.spc.screen_moving_ranges) == (7, 7, False)
    assert s.suppression.threshold == 5


def test_settings_file_is_read_and_checked(isolated_home):
    path = locations.config_file()
    path.write_text('[spc]\nshift_length = 6\n[checker]\ndisabled_rules = ["overclaim.superlative"]\n')
    s = config.load_settings()
    assert s.spc.shift_length == 6 and s.spc.trend_length == 7
    assert s.checker.disabled_rules == ["overclaim.superlative"]

    path.write_text("[spc]\nshift_lenght = 6\n")
    with pytest.raises(ConfigError, match="shift_lenght"):
        config.load_settings()
    path.write_text('[spc]\nshift_length = "six"\n')
    with pytest.raises(ConfigError, match="should be int"):
        config.load_settings()
    path.write_text("[spc\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load_settings()


def test_read_data_yaml_prefers_the_users_copy_reads_each_version_once_and_names_a_broken_file(isolated_home):
    """The one reader behind corpus/library/topics.yaml and facts.yaml: the user's copy first, built once per
    file version (an edit is seen at once), a YAML error a ConfigError naming the file."""
    import os

    from evidencebot import locations
    from evidencebot.errors import ConfigError

    calls = []

    def build(path, data):
        calls.append(path)
        return sorted(data)

    shipped = locations.read_data_yaml("corpus", "library/topics.yaml", build)
    assert shipped == ["topics"] and calls[-1] == locations.packaged_dir("corpus") / "library" / "topics.yaml"
    assert locations.read_data_yaml("corpus", "library/topics.yaml", build) == shipped and len(calls) == 1
    assert locations.read_data_yaml("corpus", "library/no-such.yaml", build) is None

    mine = isolated_home / "config" / "corpus" / "library" / "topics.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text("mine: 1\n", encoding="utf-8")
    assert locations.read_data_yaml("corpus", "library/topics.yaml", build) == ["mine"] and calls[-1] == mine
    mine.write_text("mine: 1\nalso: 2\n", encoding="utf-8")
    os.utime(mine, (1, 1))  # a new version even within the file system's time resolution
    assert locations.read_data_yaml("corpus", "library/topics.yaml", build) == ["also", "mine"]
    mine.write_text("mine: [unclosed\n", encoding="utf-8")
    os.utime(mine, (2, 2))
    with pytest.raises(ConfigError, match="topics.yaml: not valid YAML"):
        locations.read_data_yaml("corpus", "library/topics.yaml", build)


def _shipped_yaml_files():
    from evidencebot.metrics.catalogue import CATALOGUE_PATH

    return sorted(path for name in locations.DATA_FOLDERS for path in locations.packaged_dir(name).rglob("*.y*ml")) + [
        CATALOGUE_PATH]


def test_parse_yaml_reads_every_shipped_file_as_safe_load_does():
    """parse_yaml (libyaml's parser when PyYAML has it) gives the same data as yaml.safe_load on every
    shipped YAML file, so the faster parser changes no rule, block or indicator."""
    import yaml

    files = _shipped_yaml_files()
    assert len(files) >= 15
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert locations.parse_yaml(text) == yaml.safe_load(text), path


def test_parse_yaml_is_safe_and_says_where_an_error_is():
    import yaml

    assert yaml.__with_libyaml__, "PyYAML without libyaml: shipped YAML is read about nine times slower"
    with pytest.raises(yaml.YAMLError):
        locations.parse_yaml("!!python/object/apply:os.system ['true']\n")
    with pytest.raises(yaml.YAMLError) as info:
        locations.parse_yaml("a: 1\nb: [unclosed\n")
    assert info.value.problem_mark.line >= 1


def test_no_user_name_in_a_container_is_recorded_as_unknown(monkeypatch):
    # getpass.getuser() raises KeyError (Python 3.11: no passwd entry for the uid) or OSError (3.13)
    for exc in (KeyError("getpwuid(): uid not found: 1000"), OSError("No username set in the environment")):
        def no_name(exc=exc):
            raise exc
        monkeypatch.setattr(config.getpass, "getuser", no_name)
        assert config._whoami() == "unknown"


def test_a_bug_while_finding_the_user_name_is_not_recorded_as_unknown(monkeypatch):
    # before session 18 any exception at all became the user "unknown" in the audit log
    def bug():
        raise TypeError("a bug")
    monkeypatch.setattr(config.getpass, "getuser", bug)
    with pytest.raises(TypeError):
        config._whoami()
