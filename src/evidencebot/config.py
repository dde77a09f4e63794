"""Settings, read from ``<config dir>/config.toml`` when that file exists.

Every field has a default, so the file is optional. Example::

    [user]
    name = "A. Manager"          # recorded in the audit log and approvals

    [spc]
    shift_length = 7             # points on one side of the mean
    trend_length = 7             # points steadily rising or falling
    screen_moving_ranges = false # as the NHS Making Data Count Excel tool

    [checker]
    disabled_rules = ["overclaim.superlative"]
    enabled_rules = ["overclaim.research-causal-claim"]   # opt-in rules (shipped off)

    [suppression]
    threshold = 5                # counts below this are shown as "<5"

    [metrics]
    followup_day0 = false        # 72-hour follow-up counts days 1-3, as MHSDS MHS79

    [documents]
    organisation = "Northside Community Support"   # in the header of Word documents
    folder = ""                  # where the app exports to (default: <data dir>/documents)
    name_provider = false        # true: a submitted tender answer names us in its page header and properties

    [drafts]
    keep_versions_days = 90      # saved draft versions older than this are pruned (0: keep all)

    [governance]
    shared_account = false       # true: the team shares one computer login (approvals marked "same account")

    [limits]
    check_mb = 5                 # larger drafts are refused by `check`
    import_mb = 2048             # larger files are refused by `import`
    xlsx_unpacked_mb = 1024      # one part of a workbook, unpacked
    template_seconds = 10        # a template of your own is stopped after this long
    template_mb = 512            # ... or when it needs more memory than this
"""

from __future__ import annotations

import getpass
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from evidencebot import locations
from evidencebot.errors import ConfigError


@dataclass
class UserSettings:
    name: str = field(default_factory=lambda: _whoami())
    """Who is using evidencebot: recorded in approvals and the audit log."""


@dataclass
class SPCSettings:
    shift_length: int = 7
    """Consecutive points on one side of the mean that count as a shift."""
    trend_length: int = 7
    """Consecutive points rising (or falling) that count as a trend."""
    screen_moving_ranges: bool = False
    """Drop moving ranges above 3.267 x the average before setting limits."""
    baseline_points: int = 12
    """Limits from fewer points than this are trial limits."""


@dataclass
class MetricsSettings:
    followup_day0: bool = False
    """Count a follow-up on the day of discharge (day 0) in the 48/72-hour
    follow-up indicators. Off by default: MHSDS MHS79 counts days 1 to 3."""
    target_min_cases: int = 1
    """Fewest cases (the denominator) on which a target is judged met or not met;
    with fewer it is "not assessable (too few cases)". A suppressed figure is still
    judged: suppression hides the number, not whether the target was met."""


@dataclass
class CheckerSettings:
    disabled_rules: list[str] = field(default_factory=list)
    """Rule ids (or whole families) that are switched off."""
    enabled_rules: list[str] = field(default_factory=list)
    """Ids of opt-in rules (``opt_in: true``: shipped off) that are switched on."""


@dataclass
class SuppressionSettings:
    threshold: int = 5
    """Counts below this are hidden as "<5" in external documents."""
    rounding: int = 5
    """Other counts are rounded to the nearest multiple of this."""


@dataclass
class LimitSettings:
    """Size limits on what evidencebot reads, in MB (a larger file is refused with its size)."""

    check_mb: int = 5
    """A draft given to ``evidencebot check`` (and question files)."""
    import_mb: int = 2048
    """A CSV, XLSX or Markdown file given to ``evidencebot import``."""
    xlsx_unpacked_mb: int = 1024
    """The unpacked size of one part of an XLSX workbook (its shared strings, its sheet)."""
    template_seconds: int = 10
    """A narrative template of your own is stopped after this long (it renders in a child process)."""
    template_mb: int = 512
    """...and may not take more memory than this (the child's address space is capped)."""


@dataclass
class DocumentSettings:
    organisation: str = ""
    """The organisation's name, shown in the header of every Word document."""
    folder: str = ""
    """Where the app's export screen writes (empty: ``documents`` in the data directory)."""
    name_provider: bool = False
    """False (the default): a submitted tender answer (``assemble tender``, ``tender export``, the app's export)
    is blind: no provider name in its page header or its properties (author, last modified by, company), since a
    panel that evaluates blind marks a name there as a breach. True: it names the organisation as other documents
    do. ``--name-provider`` asks for it once. The contract review and the bid team's review copy always name it."""


@dataclass
class DraftSettings:
    keep_versions_days: int = 90
    """Saved draft versions older than this many days are pruned (0 keeps them all)."""


@dataclass
class GovernanceSettings:
    shared_account: bool = False
    """True when colleagues share one computer login: an approval from the account that wrote or
    submitted the item is then allowed, recorded as "same account" in the audit log and reported
    by ``doctor``. False (the default): such an approval is refused, whatever ``[user] name`` says."""


@dataclass
class Settings:
    user: UserSettings = field(default_factory=UserSettings)
    spc: SPCSettings = field(default_factory=SPCSettings)
    checker: CheckerSettings = field(default_factory=CheckerSettings)
    suppression: SuppressionSettings = field(default_factory=SuppressionSettings)
    metrics: MetricsSettings = field(default_factory=MetricsSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    documents: DocumentSettings = field(default_factory=DocumentSettings)
    drafts: DraftSettings = field(default_factory=DraftSettings)
    governance: GovernanceSettings = field(default_factory=GovernanceSettings)


def _whoami() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a container (no passwd entry): still record something
        return "unknown"


def _section(cls, data: dict, path: Path, name: str):
    known = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(
                f"{path}: unknown setting [{name}] {key} (known: {', '.join(sorted(known))})"
            )
        default = getattr(cls(), key)
        if default is not None and not isinstance(value, type(default)):
            raise ConfigError(
                f"{path}: [{name}] {key} should be {type(default).__name__}, got {value!r}"
            )
        values[key] = value
    return cls(**values)


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; missing file means defaults."""
    path = path or locations.config_file()
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    sections = {f.name: f.type for f in fields(Settings)}
    result = Settings()
    for name, value in data.items():
        if name not in sections:
            raise ConfigError(f"{path}: unknown section [{name}]")
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: [{name}] should be a table")
        cls = type(getattr(result, name))
        setattr(result, name, _section(cls, value, path, name))
    return result
