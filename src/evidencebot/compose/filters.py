"""Jinja filters for narratives: figures, periods, suppression and careful
descriptions of change.

Every filter also works as a plain function, so the assemblers and the tests
use the same code the templates do. Filters take either an indicator result
object (anything with the ``IndicatorResult`` attributes) or plain values.
"""

from __future__ import annotations

import copy
import datetime as _dt
import fnmatch
import math
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from evidencebot import config, locations
from evidencebot.compose.words import split_sentences
from evidencebot.errors import ConfigError
from evidencebot.metrics.suppression import suppress_count
from evidencebot.text import MONTH_NAMES

MONTHS = MONTH_NAMES
UNIT_WORDS = {"hours": ("hour", "hours"), "days": ("day", "days")}


# ---------------------------------------------------------------- phrasebank


def phrasebank_file(name: str) -> Path:
    """The first ``name`` found in the phrasebank search path (user copy first)."""
    for folder in locations.search_path("phrasebank"):
        path = folder / name
        if path.is_file():
            return path
    raise ConfigError(f"phrasebank file {name} is missing (looked in the user and shipped phrasebank folders)")


@lru_cache(maxsize=8)
def _load_yaml(path: str, mtime: float) -> dict:
    import yaml

    try:
        data = locations.parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: should hold key: value pairs at the top level")
    return data


def load_phrasebank(name: str) -> dict:
    path = phrasebank_file(name)
    return _load_yaml(str(path), path.stat().st_mtime)


_BUILT_ONCE: dict[str, tuple[object, object]] = {}


def built_once(spec: object, key: str, make):
    """``make()`` built once per loaded phrasebank data ``spec`` (perf36): :func:`load_phrasebank` hands back the same
    dict until its file changes, so a pattern or word set made from it is made again only when the file (a user's copy
    edited while the app runs) is read again. ``key`` names what is built (a module's own name for it). The spec is
    held beside what was built from it, so an id reused by a newer dict can never hand back an older file's build."""
    entry = _BUILT_ONCE.get(key)
    if entry is None or entry[0] is not spec:
        entry = _BUILT_ONCE[key] = (spec, make())
    return entry[1]


def load_word_lists(name: str, *, also: tuple[str, ...] = ()) -> dict:
    """A vocabulary file of word lists with the user's additions, the way every phrasebank file loads: a user's
    copy of ``name`` replaces the shipped file (:func:`load_phrasebank`); then every ``<stem>-*.yaml`` and each
    file named in ``also`` (older names of the file's parts) found in the phrasebank folders is read in name
    order (a user's file shadows a shipped one of the same name): a file **adds** the lists it names that
    ``name`` lacks, and a list with the **id** of one in ``name`` replaces it, one level down too (``asker: {who:
    [...]}`` replaces ``asker.who`` and keeps ``asker.modal``). A list the file's ``renamed`` mapping names by an
    older id ('askers' -> 'asker.who') is read under its id now. A list that is not a list (or a mapping where
    a mapping is) is a ConfigError naming the file and the id."""
    data = copy.deepcopy(load_phrasebank(name))
    renamed = data.get("renamed") or {}
    found = _added_lists(name, also)
    for file_name in sorted(found):
        path = found[file_name]
        for key, value in _load_yaml(str(path), path.stat().st_mtime).items():
            if key == "version":
                continue
            where = str(renamed.get(key, key)).split(".")
            if len(where) == 1 and isinstance(value, dict) and isinstance(data.get(key), dict):
                parent, items = data[key], value.items()
            elif len(where) == 2:
                parent, items = data.setdefault(where[0], {}), [(where[1], value)]
            else:
                parent, items = data, [(where[0], value)]
            for sub, words in items:
                if not isinstance(parent, dict) or (isinstance(parent.get(sub), list) and not isinstance(words, list)) \
                        or (isinstance(parent.get(sub), dict) and not isinstance(words, dict)):
                    raise ConfigError(f"{path}: '{key}' should be a {type(parent.get(sub)).__name__} like the one "
                                      f"it replaces in {name}")
                parent[sub] = copy.deepcopy(words)
    return data


def _added_lists(name: str, also: tuple[str, ...]) -> dict[str, Path]:
    """The files that add to or replace lists of ``name`` (:func:`load_word_lists`), by file name: a user's shadows
    a shipped one."""
    pattern = f"{Path(name).stem}-*.yaml"
    found: dict[str, Path] = {}
    for folder in locations.search_path("phrasebank"):
        listed = [n for n in _file_names(str(folder), folder.stat().st_mtime) if fnmatch.fnmatchcase(n, pattern)]
        for path in [*(folder / n for n in listed), *(folder / other for other in also)]:
            if path.is_file():
                found.setdefault(path.name, path)
    return found


@lru_cache(maxsize=16)
def _file_names(folder: str, mtime: float) -> tuple[str, ...]:
    """The names in ``folder``, sorted, as they were when it last changed (``mtime``: a file added, taken away or
    renamed changes it), so a word list's added files are found without listing the folder on every call."""
    return tuple(sorted(p.name for p in Path(folder).iterdir()))


_CHECKED: ContextVar[dict | None] = ContextVar("word_lists_checked", default=None)


@contextmanager
def files_checked_once():
    """Inside this block :func:`word_lists_once` looks at the files behind each word list once and hands back that
    dict after (review of s37: a reader that asks for its lists hundreds of times per text stat-ed and listed the
    phrasebank folders each time, 12 times slower). Per thread and task (a context variable), so a worker's block
    never pins another's lists; a file edited while the app runs is read by the next block."""
    token = _CHECKED.set({} if _CHECKED.get() is None else _CHECKED.get())
    try:
        yield
    finally:
        _CHECKED.reset(token)


def word_lists_once(name: str, *, also: tuple[str, ...] = ()) -> dict:
    """:func:`load_word_lists`, the same dict handed back until one of the files it is read from changes (a user's
    copy added, edited or taken away while the app runs), as :func:`load_phrasebank` does for one file; so a module
    can build its patterns from it with :func:`built_once`. The dict is shared: read it, never change it. Inside
    :func:`files_checked_once` the files are looked at once per block."""
    checked = _CHECKED.get()
    if checked is not None and (name, also) in checked:
        return checked[(name, also)]
    main = phrasebank_file(name)
    files = tuple((str(path), path.stat().st_mtime) for path in [main, *_added_lists(name, also).values()])
    data = _word_lists(name, also, files)
    if checked is not None:
        checked[(name, also)] = data
    return data


@lru_cache(maxsize=16)
def _word_lists(name: str, also: tuple[str, ...], files: tuple) -> dict:
    """(``files``, the paths and times of change read, is the key only.)"""
    return load_word_lists(name, also=also)


_RULE_TAIL = re.compile(r"\s*\((?:shift|trend|astronomical|two_in_three)\)\s*$")

VERDICTS = ("improvement", "concern", "common_cause", "neutral", "too_few_points")
MOVES = ("up", "down", "same", "none")


def change_phrases() -> dict:
    """``change_phrases.yaml``, checked for every verdict and move."""
    data = load_phrasebank("change_phrases.yaml")
    verdicts = data.get("verdicts") or {}
    for verdict in VERDICTS:
        table = verdicts.get(verdict)
        if not isinstance(table, dict):
            raise ConfigError(f"change_phrases.yaml: verdicts.{verdict} is missing")
        for move in MOVES:
            if not isinstance(table.get(move), str):
                raise ConfigError(f"change_phrases.yaml: verdicts.{verdict}.{move} is missing")
    return data


# ---------------------------------------------------------------- plain values


def _get(obj, name, default=None):
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, digits: int = 0) -> str:
    """1234.5 -> '1,235'; with digits=1 -> '1,234.5'. None -> 'n/a'."""
    if _is_missing(value):
        return "n/a"
    text = f"{float(value):,.{digits}f}"
    if digits and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent(value, digits: int = 0) -> str:
    """A percentage held as 0-100: 63.24 -> '63%'. None -> 'n/a'."""
    if _is_missing(value):
        return "n/a"
    return f"{number(value, digits)}%"


def _digits_for(value) -> int:
    v = abs(float(value))
    return 0 if v >= 100 else 1


def rate(value, unit: str = "percent", digits: int | None = None) -> str:
    """Format a value in its indicator unit.

    ``percent`` 63%; ``per_100`` 4.2 per 100 people; ``hours`` 14 hours;
    ``days`` 3.5 days; ``score`` 52.1 (anything else: a plain number).
    """
    if _is_missing(value):
        return "n/a"
    if unit == "percent":
        return percent(value, 0 if digits is None else digits)
    d = _digits_for(value) if digits is None else digits
    text = number(value, d)
    if unit == "per_100":
        return f"{text} per 100 people"
    if unit in UNIT_WORDS:
        one, many = UNIT_WORDS[unit]
        return f"{text} {one if text == '1' else many}"
    return text


def fmt_date(value) -> str:
    """'2026-03-04' -> '4 March 2026'."""
    if not value:
        return "n/a"
    d = _dt.date.fromisoformat(str(value)[:10])
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_month(value) -> str:
    """'2026-03' or '2026-03-04' -> 'March 2026'."""
    if not value:
        return "n/a"
    text = str(value)
    year, month = int(text[:4]), int(text[5:7])
    return f"{MONTHS[month - 1]} {year}"


def period(value) -> str:
    """A period object or label -> its label."""
    if value is None:
        return "n/a"
    label = _get(value, "label")
    return str(label if label else value)


# ---------------------------------------------------------------- suppression


def suppress(n, *, threshold: int | None = None, rounding: int | None = None) -> str:
    """A count for an external document: 1-4 -> '<5', others to the nearest 5.

    Zero stays '0' (a zero count discloses no one). Uses the indicator
    engine's ``suppress_count``, so both agree.
    """
    if _is_missing(n):
        return "n/a"
    if threshold is None and rounding is None:
        out = suppress_count(int(n))
        return out if isinstance(out, str) else number(out)
    if threshold is None or rounding is None:
        settings = config.load_settings().suppression
        threshold = settings.threshold if threshold is None else threshold
        rounding = settings.rounding if rounding is None else rounding
    n = int(n)
    if n == 0:
        return "0"
    if 0 < n < threshold:
        return f"<{threshold}"
    if rounding and rounding > 1:
        n = int(math.floor(n / rounding + 0.5) * rounding)
    return number(n)


def count(n, external: bool = True) -> str:
    """A count: suppressed for external documents, exact otherwise.

    A count that is already text (an external indicator result carries its
    published counts, "<5" or "15") is shown as it is.
    """
    if isinstance(n, str):
        return n
    return suppress(n) if external else number(n)


def count_prose(n, external: bool = True) -> str:
    """A count for a sentence: 'fewer than 5', 'about 85' (external) or '83'."""
    if isinstance(n, str):
        text = n
    elif not external:
        return number(n)
    else:
        text = suppress(n)
    if text.startswith("<"):
        return f"fewer than {text[1:]}"
    if text in ("0", "n/a"):
        return text
    return f"about {text}"


# ---------------------------------------------------------------- indicators


def lower_is_better(direction) -> bool | None:
    """Normalise an indicator direction: True, False or None (neither)."""
    text = str(direction or "").lower()
    if any(w in text for w in ("lower", "down", "decrease", "less", "fewer", "minus")):
        return True
    if any(w in text for w in ("higher", "up", "increase", "more", "plus")):
        return False
    return None


def value(result, short: bool = False) -> str:
    """The indicator's value in its unit; ``short`` leaves out 'per 100 people'."""
    text = rate(_get(result, "value"), _get(result, "unit", "percent"))
    return text.replace(" per 100 people", "") if short else text


def compare_value(result, short: bool = False) -> str:
    text = rate(_get(result, "compare_value"), _get(result, "unit", "percent"))
    return text.replace(" per 100 people", "") if short else text


def ci(result) -> str:
    """'95% CI 70% to 85%', or '' when there is no interval."""
    low, high = _get(result, "ci_low"), _get(result, "ci_high")
    if _is_missing(low) or _is_missing(high):
        return ""
    unit = _get(result, "unit", "percent")
    lo, hi = rate(low, unit), rate(high, unit)
    if unit == "per_100":
        lo, hi = lo.replace(" per 100 people", ""), hi.replace(" per 100 people", "")
    for word in ("hours", "days", "hour", "day"):
        if lo.endswith(" " + word):
            lo = lo[: -len(word) - 1]
            break
    return f"95% CI {lo} to {hi}"


def fraction(result, external: bool = True) -> str:
    """'92 of 118' from numerator and denominator (suppressed when external).

    Only for percentages: for rates, medians and scores the counts are in the
    evidence appendix instead.
    """
    num, den = _get(result, "numerator"), _get(result, "denominator")
    if _is_missing(num) or _is_missing(den) or _get(result, "unit") != "percent":
        return ""
    if external:
        # rounded counts side by side can contradict the percentage (10 of 10
        # beside 83%), so an external document gives the rounded base only
        return f"base {count_prose(den, True)}"
    return f"{count(num, external)} of {count(den, external)}"


def spc(result) -> dict:
    return _get(result, "spc") or {}


def verdict(result) -> str:
    v = _get(spc(result), "verdict") or "too_few_points"
    return v if v in VERDICTS else "too_few_points"


def verdict_label(result) -> str:
    labels = change_phrases().get("labels") or {}
    v = verdict(result)
    text = labels.get(v, v.replace("_", " "))
    if v in ("improvement", "concern", "neutral"):
        rule = _get(spc(result), "rule")
        if rule:
            text = f"{text}; {rule_words(rule)}"
    if _get(spc(result), "trial") and v != "too_few_points":
        text += " (trial limits)"
    return text


_STEP = re.compile(r"since (?:the )?service change on (\d{4}-\d{2}(?:-\d{2})?)")


def rule_words(rule) -> str:
    """The SPC rule in plain words, without nested brackets.

    Codes listed in ``change_phrases.yaml`` are translated; the engine's own
    descriptions are tidied: "since service change on 2025-07" becomes "since
    the service change in July 2025" and inner brackets become commas.
    """
    rules = change_phrases().get("rules") or {}
    key = str(rule or "")
    if key in rules:
        return str(rules[key])
    if not key:
        return "a special-cause rule"
    text = _RULE_TAIL.sub("", key)
    text = _STEP.sub(lambda m: f"since the service change in {fmt_month(m.group(1))}", text)
    text = text.replace(", judged against the pre-change limits", "")
    # "8 points below the mean" reads as a fall of 8 units: the points are months
    text = re.sub(r"\b(\d+) points (below|above) the mean", r"\1 months in a row \2 the mean", text)
    text = re.sub(r"\s*\(([^()]*)\)", r", \1", text)
    return text.strip()


def move(result) -> str:
    """'up', 'down', 'same' or 'none' (no comparison figure)."""
    now, before = _get(result, "value"), _get(result, "compare_value")
    if _is_missing(now) or _is_missing(before) or not _get(result, "compare_period"):
        return "none"
    unit = _get(result, "unit", "percent")
    if rate(now, unit) == rate(before, unit):
        return "same"
    return "up" if float(now) > float(before) else "down"


def _still(result, v: str, m: str) -> str:
    """'still ' when the figure moved against the chart's verdict, else ''."""
    lower = lower_is_better(_get(result, "direction"))
    if lower is None or m not in ("up", "down"):
        return ""
    better = (m == "down") == lower
    if (v == "improvement" and not better) or (v == "concern" and better):
        return "still "
    return ""


def move_text(result, period_text: str | None = None, compare_text: str | None = None) -> str:
    """Which way the figure moved: 'down from 95% in 2025/26 Q4' ('' without a comparison)."""
    phrases = change_phrases()
    m = move(result)
    short = _get(result, "unit") == "per_100"
    moves = phrases.get("moves") or {}
    template = moves.get(m, "")
    return template.format(
        value=value(result, short),
        compare_value=compare_value(result, short),
        period=period_text or period(_get(result, "period")),
        compare_period=compare_text or period(_get(result, "compare_period")),
    ) if template else ""


def chart_text(result) -> str:
    """What the monthly chart shows (starting in lower case, no final full stop): the
    variation verdict, trial limits, and any step at a recorded service change."""
    phrases = change_phrases()
    v = verdict(result)
    m = move(result)
    info = spc(result)
    text = phrases["verdicts"][v][m].format(
        rule=rule_words(_get(info, "rule")),
        points=_get(info, "points") or 0,
        still=_still(result, v, m),
        value="", compare_value="", period="", compare_period="",
    )
    if _get(info, "trial") and v != "too_few_points" and phrases.get("trial"):
        text += "; " + phrases["trial"]
    step = step_text(result)
    return f"{text}. {step}" if step else text


def step_text(result) -> str:
    """The step at a recorded service change, with its direction ('' when the level
    since the change lies within the limits before it)."""
    phrases = change_phrases()
    step = _get(spc(result), "step_change") or {}
    if not (step.get("level_shift") and phrases.get("step")):
        return ""
    unit = _get(result, "unit", "percent")
    return sentence_case(phrases["step"]).format(
        change=fmt_month(step.get("change")) if re.match(r"\d{4}-\d{2}", str(step.get("change") or ""))
        else str(step.get("change")),
        post=rate(step.get("post_mean"), unit), pre=rate(step.get("pre_mean"), unit),
        better={"improvement": " for the better", "concern": " for the worse"}.get(
            step.get("level_shift_type"), ""),
    )


def change(result, external: bool = True, period_text: str | None = None,
           compare_text: str | None = None) -> str:
    """How the figure moved, then (as a separate sentence) what the monthly chart
    shows: 'down from 95% in 2025/26 Q4. The monthly chart still shows ...'."""
    moved = move_text(result, period_text, compare_text)
    chart = chart_text(result)  # starts in lower case, so it can follow a comma
    return f"{moved}. {sentence_case(chart)}" if moved else chart


def change_once(result, external: bool = True, period_text: str | None = None,
                compare_text: str | None = None) -> str:
    """:func:`change`, with the chart's verdict said once when a recorded service change
    recalculated its limits: the step first, then what the chart shows on the new limits
    (not "common-cause only ... not evidence of a change" next to "a step change for the
    better", which reads as two verdicts)."""
    step = step_text(result)
    if not step:
        return change(result, external, period_text, compare_text)
    moved = move_text(result, period_text, compare_text)
    v = verdict(result)
    if v == "common_cause":
        label = "common-cause variation only"
    else:
        label = verdict_label(result)
        label = label[:1].lower() + label[1:]
    tail = f"{sentence_case(step)}; on those limits the monthly chart shows {label}"
    return f"{moved}. {tail}" if moved else tail[:1].lower() + tail[1:]


def title(result) -> str:
    return str(_get(result, "title") or _get(result, "id") or "")


def _plural_head(text: str) -> bool:
    """A title whose head, its first word, is a plural count ('People with a current crisis plan', 'Discharges followed
    up within 72 hours'), not a statistic ('Hours from escalation to clinical review (median)') or a rate ('Crisis
    events per 100 people')."""
    words = text.split()
    if not words or "(" in text or re.search(r"\bper\b", text):
        return False
    first = words[0].lower()
    return first == "people" or (first.endswith("s") and not first.endswith(("ss", "us", "is")))


def figure_subject(result) -> str:
    """The indicator as the subject of its figure, with its verb: 'The share of people with a current crisis plan was'
    for a percentage of a plural count (the s26 panel read 'People with a current crisis plan was 92%'), a plural
    count's 'were', else the title and 'was'."""
    t = title(result)
    if not _plural_head(t):
        return f"{sentence_case(t)} was"
    if _get(result, "unit", "percent") == "percent":
        return f"The share of {title_lower(t)} was"
    return f"{sentence_case(t)} were"


def describe(result, period_text: str | None = None, compare_text: str | None = None,
             external: bool = True) -> str:
    """One full sentence: the figure, its basis, and how it changed.

    "For people with repeat crisis events, the figure for 2025/26 Q3 was 12%
    (10 of 85; 95% CI 7% to 20%), similar to 2025/26 Q2 (14%); the monthly
    chart shows normal variation only."
    """
    name = title_lower(title(result))
    when = period_text or period(_get(result, "period"))
    if external and _get(result, "suppressed") and _is_missing(_get(result, "value")):
        words = hidden_figure(result)
        if words:
            return f"For {name}, the figure for {when} was {words}."
        text = change_phrases().get("suppressed", "too few cases to publish the figure for {period}")
        return f"For {name}, there were {text.format(period=when)}."
    short = _get(result, "unit") == "per_100"
    basis = [b for b in (fraction(result, external), ci(result)) if b]
    head = f"For {name}, the figure for {when} was {value(result, short)}"
    if basis:
        head += f" ({'; '.join(basis)})"
    if move(result) == "none":
        return f"{head}. {sentence_case(change(result, external, when, compare_text))}."
    return f"{head}, {change(result, external, when, compare_text)}."


SHARE_WORDS = {"all": "all of them", "none": "none of them", "some": "some but not all",
               "few": "fewer than 5", "all_but_few": "all but fewer than 5"}


def _count_text(n) -> str:
    """A published count in words ('about 10', 'fewer than 5', '0'); '' when unknown."""
    if n is None or n == "" or n == "n/a":
        return ""
    return count_prose(n, True)


def share_text(share: str | None, numerator=None, denominator=None) -> str:
    """How many of the cases had the outcome, in words that publish no small count:
    'all of about 10', 'fewer than 5 of about 90', 'all but fewer than 5 of about 90',
    'about 5 of about 10' (a base too small for a percentage); without the counts,
    'all of them', 'some but not all'."""
    d, n = _count_text(denominator), _count_text(numerator)
    if not d or d.startswith("fewer"):
        words = SHARE_WORDS.get(share or "", "")
        return f"{words} of {d}" if words and d and share not in ("all", "none") else words
    if share == "all":
        return f"all of {d}"
    if share == "none":
        return f"none of {d}"
    if share in ("few", "all_but_few"):
        return f"{SHARE_WORDS[share]} of {d}"
    if share == "some" and n and not n.startswith("fewer"):
        return f"{n} of {d}"
    return f"{SHARE_WORDS.get(share or '', 'some but not all')} of {d}"


def hidden_figure(result) -> str:
    """A percentage not published, in words that publish no small count ('all but fewer than 5 of
    about 35'; '' when the result holds no share word or its base is too small to publish). The answer's sentence (:func:`brief`,
    :func:`describe`) and the evidence appendix (``tender.provenance``) both use it, so that a
    figure is never 'too small to publish' in the answer while its appendix gives its base."""
    extra = _get(result, "extra") or {}
    share = _get(extra, "share")
    if not share or share == "no_cases":
        return ""
    base = _count_text(_get(result, "denominator"))
    if not base or base.startswith("fewer"):
        return ""  # 'all of them' from a base too small to publish is a 100% with no base: keep 'too small'
    return share_text(share, _get(result, "numerator"), _get(result, "denominator"))


def brief(result, period_text: str | None = None, external: bool = True) -> str:
    """A short sentence for tight word limits: the figure and the verdict in a few words."""
    name = sentence_case(title(result))
    when = period_text or period(_get(result, "period"))
    if external and _get(result, "suppressed") and _is_missing(_get(result, "value")):
        words = hidden_figure(result)
        if words:
            return f"{name}: {words} in {when}."
        return f"{name}: numbers in {when} too small to publish."
    words = (change_phrases().get("brief") or {}).get(verdict(result), "")
    short = _get(result, "unit") == "per_100"
    # a percentage keeps its base even when words are short: a reader must be able to check it
    basis = fraction(result, external)
    figure = f"{value(result, short)} ({basis})" if basis else value(result, short)
    return f"{name}: {figure} in {when}" + (f", {words}." if words else ".")


def target_clause(result) -> str:
    """'The contract target is 80%, and the figure met it.' ('' without a target or a figure)."""
    target = _get(spc(result), "target")
    now = _get(result, "value")
    if target is None or _is_missing(now):
        return ""
    lower = lower_is_better(_get(result, "direction"))
    if lower is None:
        return ""
    met = now <= target if lower else now >= target
    return (f"The contract target is {rate(target, _get(result, 'unit', 'percent'))}, "
            f"and the figure {'met' if met else 'did not meet'} it.")


def assurance(result) -> str:
    """The MDC assurance sentence for a target ('' when the chart gives none)."""
    key = _get(spc(result), "assurance")
    return str((change_phrases().get("assurance") or {}).get(key, "")) if key else ""


def sentence_case(text: str) -> str:
    text = str(text or "").strip()
    return text[:1].upper() + text[1:] if text else text


_LOWER_OK = set(
    """a an the this that these those there their they we our he she his her it its when after
    before during over in on at for with following since as while staff two three four five
    several some many most one no none visit visits record records shared unclear old""".split()
)


def title_lower(text: str) -> str:
    """An indicator title inside a sentence: first letter lower-cased unless an acronym."""
    text = str(text or "").strip()
    if len(text) > 1 and (text[1].isupper() or text[1].isdigit()):
        return text
    return text[:1].lower() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter when it starts a common word, never a name or acronym."""
    text = str(text or "").strip()
    first = re.match(r"[A-Za-z']+", text)
    if not first or first.group(0).lower() not in _LOWER_OK:
        return text
    return text[:1].lower() + text[1:]


def join_and(items) -> str:
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def unwrap(text) -> str:
    """Join hard-wrapped lines into one line per paragraph (blank lines kept)."""
    paragraphs = re.split(r"\n\s*\n", str(text or "").strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def first_sentence(text: str) -> str:
    parts = split_sentences(str(text or "").replace("\n", " "))
    return parts[0] if parts else ""


def with_article(text) -> str:
    """'near_miss' -> 'a near miss'; 'incident' -> 'an incident'."""
    words = str(text or "").replace("_", " ").strip()
    if not words:
        return ""
    return ("an " if words[0].lower() in "aeiou" else "a ") + words


PARTNERS = {
    "gp": "GPs", "cmht": "community mental health teams", "housing": "housing providers",
    "voluntary": "voluntary sector partners", "crisis_team": "crisis teams", "social_care": "social care",
    "police": "the police", "ambulance": "ambulance services", "acute": "acute hospital teams",
}


def partner(code) -> str:
    """A partner code from the records in words: 'gp' -> 'GPs'."""
    text = str(code or "other")
    return PARTNERS.get(text.lower(), text.replace("_", " "))


def md_cell(text) -> str:
    """Make text safe inside a Markdown table cell."""
    return str(text if text is not None else "").replace("|", "/").replace("\n", " ").strip()


FILTERS = {
    "change_once": change_once,
    "number": number,
    "percent": percent,
    "rate": rate,
    "period": period,
    "suppress": suppress,
    "count": count,
    "count_prose": count_prose,
    "date": fmt_date,
    "month": fmt_month,
    "value": value,
    "compare_value": compare_value,
    "ci": ci,
    "fraction": fraction,
    "verdict": verdict,
    "verdict_label": verdict_label,
    "change": change,
    "move_text": move_text,
    "chart_text": chart_text,
    "describe": describe,
    "brief": brief,
    "target_clause": target_clause,
    "assurance": assurance,
    "title": title,
    "figure_subject": figure_subject,
    "sentence_case": sentence_case,
    "lower_first": lower_first,
    "join_and": join_and,
    "first_sentence": first_sentence,
    "unwrap": unwrap,
    "md_cell": md_cell,
    "with_article": with_article,
    "partner": partner,
    "rule_words": rule_words,
}


def install(env) -> None:
    """Register every filter on a Jinja environment."""
    env.filters.update(FILTERS)
