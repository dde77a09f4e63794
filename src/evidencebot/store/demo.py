"""The demo service: a realistic, deterministic synthetic caseload.

:func:`build_demo` fills an empty database with a community mental health
service that behaves like a real one, so the rest of evidencebot has true
things to find:

* a rolling caseload (an initial caseload plus referrals through the window,
  stays of 6-18 months, some early exits), with a baseline escalation rate
  recorded at onboarding;
* contacts (planned, review, unplanned, crisis, step_up) with a DNA rate that
  is constant apart from chance, cancellations and late arrivals;
* an escalation log, crisis presentations with repeat use, admissions with
  follow-up after discharge and a constant 30-day readmission probability,
  crisis plans (some stale), goal attainment scaling, paired outcome measures,
  safeguarding concerns, incidents with actions, partner communications and
  commissioner targets;
* winter rises in crisis presentations and unplanned contacts;
* a dated service change ("Step-up trigger set introduced") about 40% of the
  way through the window, after which escalation-to-review time really
  shortens and repeat crisis use really falls;
* about twenty outcome stories from ``corpus/stories`` with mixed consent and
  approval, some with planted privacy slips (see ``corpus/README.md``).

Every number comes from ``corpus/demo_recipe.toml``. The same arguments always
give the same database: the only randomness is one ``random.Random(seed)``,
consumed in a fixed order. Everything is written in one transaction.
"""

from __future__ import annotations

import math
import random
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from evidencebot.errors import ConfigError, InputError
from evidencebot.locations import packaged_dir
from evidencebot.store.blocks import load_demo_library
from evidencebot.store.stories import read_story_file

DEFAULT_PEOPLE = 400
DEFAULT_MONTHS = 24
DEFAULT_END = "2026-09"
DEFAULT_SEED = 20260924
MIN_PEOPLE = 10
MAX_PEOPLE = 500_000
MIN_MONTHS = 6
MAX_MONTHS = 120
MONTH_DAYS = 30.44
BATCH_ROWS = 100_000

# Tables the demo writes, children before parents (the order used to clear them).
DEMO_TABLES = (
    "goal_reviews",
    "goals",
    "stories",
    "contacts",
    "escalations",
    "crisis_events",
    "admissions",
    "crisis_plan_reviews",
    "crisis_plans",
    "measures",
    "safeguarding",
    "partner_comms",
    "incidents",
    "service_changes",
    "targets",
    "variance_notes",
    "activity_plan",
    "workforce",
    "requests",
    "people",
)

COLUMNS = {
    "people": (
        "person_id", "service", "referral_date", "discharge_date", "age_band",
        "baseline_escalations_per_month", "housing_status",
    ),
    "contacts": ("contact_id", "person_id", "contact_at", "kind", "mode", "attendance"),
    "escalations": (
        "escalation_id", "person_id", "raised_at", "level", "triggers", "warning_signs",
        "action_taken", "rationale", "reviewed_at", "outcome",
    ),
    "crisis_events": ("event_id", "person_id", "started_on", "setting", "ended_on"),
    "admissions": (
        "spell_id", "person_id", "admitted_on", "discharged_on", "discharge_type",
        "first_followup_at", "housing_confirmed", "engaged_within_14_days", "handover_complete",
    ),
    "crisis_plans": ("person_id", "created_on", "reviewed_on", "easy_read"),
    "crisis_plan_reviews": ("person_id", "created_on", "reviewed_on"),
    "goals": ("goal_id", "person_id", "domain", "description", "set_on", "baseline_level", "weight"),
    "goal_reviews": ("goal_id", "reviewed_on", "level"),
    "measures": ("person_id", "instrument", "measured_on", "score"),
    "safeguarding": ("concern_id", "person_id", "concern_on", "referred_on", "multi_agency_plan", "outcome"),
    "incidents": (
        "incident_id", "occurred_on", "type", "severity", "summary", "learning", "action",
        "owner", "due_on", "closed_on",
    ),
    "partner_comms": ("comm_id", "sent_on", "partner", "person_id", "purpose", "days_to_send"),
}
# People first, so every child row's person exists when it is inserted.
INSERT_ORDER = (
    "people", "contacts", "escalations", "crisis_events", "admissions", "crisis_plans",
    "crisis_plan_reviews", "goals", "goal_reviews", "measures", "safeguarding", "incidents", "partner_comms",
)


# --------------------------------------------------------------------------- inputs


def recipe_path() -> Path:
    return packaged_dir("corpus") / "demo_recipe.toml"


def stories_dir() -> Path:
    return packaged_dir("corpus") / "stories"


def load_recipe(path: Path | None = None) -> dict:
    """The demo recipe (``corpus/demo_recipe.toml``) as a dict."""
    path = path or recipe_path()
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-09"`` -> ``(2026, 9)``; anything else is an :class:`InputError`."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", str(text).strip())
    if not match:
        raise InputError(f"end month {text!r} is not in YYYY-MM form (for example 2026-09)")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise InputError(f"end month {text!r} has no month {month} (use 01-12)")
    if not 1910 <= year <= 2200:
        raise InputError(f"end month {text!r}: year {year} is out of range (1910-2200)")
    return year, month


def _whole(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            text = str(value).strip().replace(",", "").replace("_", "")
            value = int(text)
        except (TypeError, ValueError):
            raise InputError(f"{name} must be a whole number, not {value!r}") from None
    return value


def validate(people, months, end, seed) -> tuple[int, int, str, int]:
    """Check the demo arguments; return them normalised."""
    people = _whole(people, "people")
    months = _whole(months, "months")
    seed = _whole(seed, "seed")
    if people < MIN_PEOPLE:
        raise InputError(f"people must be at least {MIN_PEOPLE} (got {people})")
    if people > MAX_PEOPLE:
        raise InputError(f"people must be at most {MAX_PEOPLE:,} for a demo (got {people:,})")
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise InputError(f"months must be between {MIN_MONTHS} and {MAX_MONTHS} (got {months})")
    year, month = parse_month(end)
    return people, months, f"{year:04d}-{month:02d}", seed


def demo_window(months: int, end: str, fraction: float = 0.4) -> tuple[date, date, date]:
    """First day, last day and service-change date of the demo window.

    The window is the ``months`` calendar months ending with ``end``; the
    change falls on the first day of month ``floor(fraction * months)``.
    """
    year, month = parse_month(end)
    last_index = year * 12 + month - 1
    first_index = last_index - months + 1
    start = date(first_index // 12, first_index % 12 + 1, 1)
    after = last_index + 1
    last = date(after // 12, after % 12 + 1, 1) - timedelta(days=1)
    change_index = first_index + int(fraction * months + 1e-9)
    change = date(change_index // 12, change_index % 12 + 1, 1)
    return start, last, change


# --------------------------------------------------------------------------- helpers


def _table(weights: dict, size: int = 1000) -> list:
    """A lookup list for weighted choice: ``tab[int(random() * size)]``."""
    keys = list(weights)
    values = [float(weights[k]) for k in keys]
    total = sum(values)
    if total <= 0:
        raise ConfigError(f"demo recipe: weights {weights!r} do not add up to anything")
    out: list = []
    acc = 0.0
    for key, value in zip(keys, values):
        acc += value
        out.extend([key] * (round(acc / total * size) - len(out)))
    return out


def _poisson(lam: float, rnd) -> int:
    if lam <= 0.0:
        return 0
    if lam > 30.0:  # keep exp(-lam) well away from underflow
        half = lam / 2.0
        return _poisson(half, rnd) + _poisson(half, rnd)
    limit = math.exp(-lam)
    k = 0
    p = rnd()
    while p > limit:
        k += 1
        p *= rnd()
    return k


def _int_table(weights: dict) -> list:
    return [int(k) for k in _table(weights)]


RECIPE_TABLES: tuple[tuple[str, str], ...] = (
    ("team", "service.teams"), ("age", "people.age_bands"), ("housing", "people.housing"),
    ("level", "escalations.levels:int"), ("trig_n", "escalations.trigger_count:int"), ("setting", "crisis.settings"),
    ("dtype", "admissions.discharge_types"), ("fday", "admissions.followup_day_weights:int"), ("fmode", "admissions.followup_modes"),
    ("mode_planned", "contacts.modes_planned"), ("mode_review", "contacts.modes_review"),
    ("mode_unpl", "contacts.modes_unplanned"), ("mode_urgent", "contacts.modes_urgent"),
    ("goal_n", "goals.count:int"), ("goal_base", "goals.baseline:int"), ("goal_w", "goals.weights:int"),
    ("sg_lag", "safeguarding.referral_lag"), ("sg_outcome", "safeguarding.outcomes"),
    ("inc_type", "incidents.types"), ("inc_sev", "incidents.severity"), ("inc_owner", "incidents.owners"),
    ("days_send", "partner_comms.days_to_send:int"), ("p_esc", "partner_comms.escalation_partners"),
    ("p_crisis", "partner_comms.crisis_partners"), ("p_routine", "partner_comms.routine_partners"),
    ("p_sg", "partner_comms.safeguarding_partners"),
)
"""The weighted-choice tables (``Builder.t``) read straight from the recipe: each a name, then where its
weights are (``section.key``; ``:int`` when the choices are whole numbers)."""


# --------------------------------------------------------------------------- builder


def build_demo(
    db: Database,
    *,
    people: int = DEFAULT_PEOPLE,
    months: int = DEFAULT_MONTHS,
    end: str = DEFAULT_END,
    seed: int = DEFAULT_SEED,
    force: bool = False,
) -> str:
    """Build the demo service into ``db``; return a one-line summary.

    Refuses (``InputError``) when the database already holds service data,
    unless ``force``: then the demo tables are cleared first, in the same
    transaction as the build, so a failure leaves the old data in place.
    Drafts are never touched.
    """
    people, months, end, seed = validate(people, months, end, seed)
    recipe = load_recipe()
    stories = _read_stories()

    held = {t: db[t].count for t in DEMO_TABLES if db[t].exists()}
    if not force and any(held.values()):
        if held.get("people"):
            what = f"{held['people']:,} people"
        else:
            what = ", ".join(f"{n:,} {t}" for t, n in held.items() if n)
        raise InputError(
            f"the database already holds {what}; use --force to clear the service tables "
            "and rebuild the demo (drafts are kept)"
        )

    conn = db.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB while building
    try:
        gen = _Generator(recipe, people=people, months=months, end=end, seed=seed)
        with db.atomic():
            if force:
                for table in DEMO_TABLES:
                    if db[table].exists():
                        conn.execute(f"DELETE FROM [{table}]")
            counts = gen.run(conn)
            counts["stories"] = _insert_stories(conn, stories, gen.person_count)
            counts["blocks"] = load_demo_library(db)  # the method library and service profile
    except KeyError as exc:
        raise ConfigError(f"{recipe_path()}: the demo recipe has no setting {exc}") from None
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    return (
        f"{counts['people']:,} people, {counts['contacts']:,} contacts, "
        f"{counts['escalations']:,} escalations, {counts['crisis_events']:,} crisis events, "
        f"{counts['admissions']:,} admissions, {counts['stories']} stories, {counts['blocks']} method blocks, "
        f"{gen.start:%Y-%m} to {gen.last:%Y-%m}"
    )


def _read_stories() -> list[dict]:
    folder = stories_dir()
    records = []
    for path in sorted(folder.glob("*.md")):
        record, problems = read_story_file(path)
        if problems:
            listed = "; ".join(f"{p.column}: {p.reason}" for p in problems)
            raise ConfigError(f"{path}: story file has problems ({listed})")
        record["source"] = f"corpus/stories/{path.name}"
        records.append(record)
    return records


def _insert_stories(conn, stories: list[dict], person_count: int) -> int:
    if not stories:
        return 0
    cols = list(stories[0]) + ["created_at", "updated_at"]
    rows = []
    for record in stories:
        row = dict(record)
        pid = row.get("person_id")
        if pid:
            match = re.fullmatch(r"P(\d+)", pid)
            if not match or not 1 <= int(match.group(1)) <= person_count:
                row["person_id"] = None
            else:
                row["person_id"] = f"P{int(match.group(1)):05d}"
        stamp = row.get("story_date") or row.get("consent_date")
        row["created_at"] = stamp
        row["updated_at"] = row.get("approved_at") or stamp
        rows.append(tuple(row.get(c) for c in cols))
    names = ", ".join(f"[{c}]" for c in cols)
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO stories ({names}) VALUES ({marks})", rows)
    return len(rows)


class _Generator:
    """Generates the service person by person, streaming rows to SQLite."""

    def __init__(self, recipe: dict, *, people: int, months: int, end: str, seed: int):
        self.r = recipe
        self.n_people = people
        self.months = months
        self.rng = random.Random(seed)
        fraction = float(recipe["service_change"]["fraction"])
        self.start, self.last, self.change = demo_window(months, end, fraction)
        self.nd = (self.last - self.start).days + 1
        self.change_day = (self.change - self.start).days
        start_ord = self.start.toordinal()
        self.DAY = [date.fromordinal(start_ord + i).isoformat() for i in range(self.nd + 40)]
        self.WD = [(self.start.weekday() + i) % 7 for i in range(self.nd + 40)]
        self.HM = [f"{m // 60:02d}:{m % 60:02d}" for m in range(1440)]
        # month index -> first day index; one extra entry for the end.
        self.ms = []
        self.cal = []
        for m in range(months):
            index = self.start.year * 12 + self.start.month - 1 + m
            first = date(index // 12, index % 12 + 1, 1)
            self.ms.append((first - self.start).days)
            self.cal.append(first.month)
        self.ms.append(self.nd)
        self.MIDX = []
        for m in range(months):
            self.MIDX.extend([m] * (self.ms[m + 1] - self.ms[m]))
        season = recipe["seasonality"]
        self.s_crisis = [float(season["crisis"][c - 1]) for c in self.cal]
        self.s_unpl = [float(season["unplanned"][c - 1]) for c in self.cal]
        self.s_esc = [float(season["escalations"][c - 1]) for c in self.cal]
        self.counters = dict.fromkeys(
            ("contact", "escalation", "crisis", "spell", "concern", "comm"), 0
        )
        self.buffers: dict[str, list] = {t: [] for t in INSERT_ORDER}
        self.counts: dict[str, int] = dict.fromkeys(INSERT_ORDER, 0)
        self.caseload = [0] * months
        self.person_count = 0
        self._prepare_tables()

    # ----------------------------------------------------------------- setup

    def _prepare_tables(self) -> None:
        r = self.r
        self.t: dict[str, list] = {}
        for name, where in RECIPE_TABLES:
            place, _, kind = where.partition(":")
            section, key = place.split(".")
            self.t[name] = _int_table(r[section][key]) if kind == "int" else _table(r[section][key])
        self.unstable = set(r["people"]["unstable_housing"])
        e = r["escalations"]
        self.t["hour"] = _int_table({str(h): w for h, w in enumerate(e["raised_hours"])})
        trig = dict(e["triggers"])
        self.trigger_order = list(trig)
        self.t["trig"] = _table(trig)
        boosted = dict(trig)
        boosted["housing"] = boosted["housing"] * float(e["housing_trigger_boost"])
        self.t["trig_unstable"] = _table(boosted)
        c = r["crisis"]
        self.t["setting_no_house"] = _table({k: v for k, v in c["settings"].items() if k != "crisis_house"})
        self.durations = {k: (int(v[0]), int(v[1])) for k, v in c["duration_days"].items()}
        self.goal_domains = list(r["goals"]["domains"])
        self.instruments = dict(r["measures"]["instruments"])
        self.t["instrument"] = _table({name: v["share"] for name, v in self.instruments.items()})
        txt = r["text"]
        self.warning_signs = list(txt["warning_signs"])
        self.actions = {int(k): v for k, v in txt["actions"].items()}
        self.rationales = {int(k): v for k, v in txt["rationale"].items()}
        self.outcomes = dict(txt["outcomes"])
        self.purposes = dict(txt["purposes"])
        self.incident_text = {k: list(v) for k, v in txt["incidents"].items()}

    # ----------------------------------------------------------------- people

    def _stay_months(self) -> tuple[float, bool]:
        c = self.r["caseload"]
        rng = self.rng
        if rng.random() < c["p_early_exit"]:
            return rng.uniform(c["early_exit_months_min"], c["early_exit_months_max"]), True
        return rng.triangular(c["stay_months_min"], c["stay_months_max"], c["stay_months_mode"]), False

    def _roster(self) -> list[tuple[int, int, bool]]:
        """(referral day, discharge day, early exit) per person, in id order."""
        c = self.r["caseload"]
        rng = self.rng
        p_early = c["p_early_exit"]
        mean_stay = p_early * (c["early_exit_months_min"] + c["early_exit_months_max"]) / 2 + (
            1 - p_early
        ) * (c["stay_months_min"] + c["stay_months_mode"] + c["stay_months_max"]) / 3
        n = self.n_people
        initial = round(n * mean_stay / (mean_stay + self.months))
        initial = min(n, max(initial, int(c["initial_min_people"])))
        longest = max(c["stay_months_max"], c["early_exit_months_max"])
        first = []
        while len(first) < initial:
            stay, early = self._stay_months()
            if rng.random() * longest > stay:  # length-biased: in progress on day one
                continue
            elapsed = rng.random() * stay
            ref = -int(elapsed * MONTH_DAYS)
            end = ref + int(stay * MONTH_DAYS)
            first.append((ref, max(end, 1), early))
        first.sort(key=lambda t: t[0])
        later_days = sorted(int(rng.random() * self.nd) for _ in range(n - initial))
        later = []
        for ref in later_days:
            stay, early = self._stay_months()
            later.append((ref, ref + max(int(stay * MONTH_DAYS), 14), early))
        return first + later

    def run(self, conn) -> dict[str, int]:
        self.conn = conn
        roster = self._roster()
        self.person_count = len(roster)
        for number, (ref, end, early) in enumerate(roster, start=1):
            self._person(number, ref, end, early)
            if sum(len(b) for b in self.buffers.values()) >= BATCH_ROWS:
                self._flush()
        self._incidents()
        self._flush()
        self._service_rows()
        return dict(self.counts)

    def _flush(self) -> None:
        for table in INSERT_ORDER:
            rows = self.buffers[table]
            if not rows:
                continue
            cols = COLUMNS[table]
            # a plan's latest review is copied into crisis_plan_reviews by a trigger (m010)
            verb = "INSERT OR IGNORE" if table == "crisis_plan_reviews" else "INSERT"
            sql = f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            self.conn.executemany(sql, rows)
            self.counts[table] += len(rows)
            self.buffers[table] = []

    def _service_rows(self) -> None:
        sc = self.r["service_change"]
        self.conn.execute(
            "INSERT INTO service_changes (change_id, changed_on, title, description, indicators) "
            "VALUES (?, ?, ?, ?, ?)",
            (1, self.change.isoformat(), sc["title"], " ".join(sc["description"].split()), sc["indicators"]),
        )
        end = self.last.isoformat()[:7]  # the demo's last month
        notes = [n for n in self.r.get("variance_notes", []) if n.get("for_end") in (None, end)]
        self.conn.executemany(
            "INSERT OR REPLACE INTO variance_notes (indicator_id, period, reason, owner, due_on, created_at, "
            "action, recovery_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(n["indicator"], n["period"], " ".join(n["reason"].split()), n["owner"], n["due_on"],
              self.last.isoformat(), " ".join(n["action"].split()) if n.get("action") else None,
              n.get("recovery_on")) for n in notes],
        )
        self._contract_inputs(end)
        comparisons = self.r.get("target_comparisons", {})
        self.conn.executemany(
            "INSERT INTO targets (indicator_id, target, set_on, source, comparison) VALUES (?, ?, ?, ?, ?)",
            [
                (key, float(value), self.start.isoformat(), "Contract schedule (demo)", comparisons.get(key))
                for key, value in self.r["targets"].items()
            ],
        )

    def _contract_inputs(self, end: str) -> None:
        """What a contract review needs beyond the service records (m011): the activity
        plan for every financial quarter the window touches, and, for the demo ending in
        a recipe entry's ``for_end``, workforce figures and open requests to the
        commissioner. No random numbers are drawn, so the service data do not change."""
        plan = dict(self.r.get("activity_plan", {}))
        source = plan.pop("source", "Contract activity schedule (demo)")
        quarters = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.last.year, self.last.month):
            fy = y if m >= 4 else y - 1
            label = f"{fy}/{(fy + 1) % 100:02d} Q{(m - 4) % 12 // 3 + 1}"
            if label not in quarters:
                quarters.append(label)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        self.conn.executemany(
            "INSERT OR REPLACE INTO activity_plan (period, measure, planned, source) VALUES (?, ?, ?, ?)",
            [(q, measure, float(value), source) for q in quarters for measure, value in plan.items()],
        )
        rows = []
        for w in self.r.get("workforce", []):
            if w.get("for_end") not in (None, end):
                continue
            notes = w.get("notes", {})
            rows += [(w["period"], k, float(v), notes.get(k)) for k, v in w.items()
                     if k not in ("for_end", "period", "notes")]
        self.conn.executemany(
            "INSERT OR REPLACE INTO workforce (period, measure, value, note) VALUES (?, ?, ?, ?)", rows)
        self.conn.executemany(
            "INSERT OR REPLACE INTO requests (request_id, raised_on, request, background, owner, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(q["request_id"], q["raised_on"], q["request"], q.get("background"), q.get("owner"),
              q.get("status", "open")) for q in self.r.get("requests", []) if q.get("for_end") in (None, end)],
        )

    # ----------------------------------------------------------------- one person

    def _person(self, num: int, ref: int, end: int, early: bool) -> None:  # noqa: C901
        r = self.r
        rng = self.rng
        rnd = rng.random
        gauss = rng.gauss
        nd = self.nd
        last_day = nd - 1
        DAY, WD, HM, MIDX, ms = self.DAY, self.WD, self.HM, self.MIDX, self.ms
        cday = self.change_day
        pid = f"P{num:05d}"
        B = self.buffers

        pe = r["people"]
        team = self.t["team"][int(rnd() * 1000)]
        age = self.t["age"][int(rnd() * 1000)]
        housing = self.t["housing"][int(rnd() * 1000)]
        unstable = housing in self.unstable
        med = float(pe["baseline_median"])
        baseline = med * math.exp(pe["baseline_sigma"] * gauss(0.0, 1.0))
        baseline = round(min(max(baseline, pe["baseline_min"]), pe["baseline_max"]), 1)
        risk = baseline / med
        esc_r = r["escalations"]
        pf = math.exp(esc_r["person_factor_sigma"] * gauss(0.0, 1.0))
        con = r["contacts"]
        ds = con["dna_person_sigma"]
        dna_p = con["p_dna"] * math.exp(ds * gauss(0.0, 1.0) - ds * ds / 2)
        if early:
            dna_p *= con["dna_early_exit_multiplier"]
        dna_p = min(dna_p, 0.6)

        a = max(ref, 0)
        last = min(end, last_day)
        is_open = end > last_day

        # ---- month-by-month counts: escalations, unheralded crises, unplanned, safeguarding
        settled = esc_r["settled_factor"]
        settle_m = esc_r["settle_months"]
        unh = r["crisis"]["unheralded_rate"] * risk
        unpl = con["unplanned_rate"] * math.sqrt(risk)
        sg = r["safeguarding"]
        sg_rate = sg["rate"] * (sg["unstable_housing_multiplier"] if unstable else 1.0)
        if age == "18-24":
            sg_rate *= sg["young_adult_multiplier"]
        t_hour, t_level = self.t["hour"], self.t["level"]
        escs = []  # [tmin, level, outcome flag]
        crisis_days = []  # (day, esc index or -1)
        unplanned_days = []
        concern_days = []
        for m in range(MIDX[a], MIDX[last] + 1):
            lo = max(a, ms[m])
            hi = min(last + 1, ms[m + 1])
            if hi <= lo:
                continue
            span = hi - lo
            expo = span / MONTH_DAYS
            months_in = ((lo + hi) / 2 - ref) / MONTH_DAYS
            settle = 1.0 - (1.0 - settled) * min(months_in / settle_m, 1.0)
            for _ in range(_poisson(baseline * settle * pf * self.s_esc[m] * expo, rnd)):
                d = lo + int(rnd() * span)
                escs.append([d * 1440 + t_hour[int(rnd() * 1000)] * 60 + int(rnd() * 60), t_level[int(rnd() * 1000)], ""])
            for _ in range(_poisson(unh * self.s_crisis[m] * expo, rnd)):
                crisis_days.append((lo + int(rnd() * span), -1))
            for _ in range(_poisson(unpl * self.s_unpl[m] * expo, rnd)):
                unplanned_days.append(lo + int(rnd() * span))
            for _ in range(_poisson(sg_rate * expo, rnd)):
                concern_days.append(lo + int(rnd() * span))
        escs.sort()

        # ---- crises led to by escalations, then repeats
        p_cr = {int(k): v for k, v in esc_r["p_crisis_from_level"].items()}
        p_next = esc_r["p_crisis_next_day"]
        for i, (t, level, _) in enumerate(escs):
            p = p_cr.get(level, 0.0)
            if p and rnd() < p:
                crisis_days.append((t // 1440 + (1 if rnd() < p_next else 0), i))
        cr = r["crisis"]
        rep_lo, rep_hi = int(cr["repeat_days_min"]), int(cr["repeat_days_max"])
        rep_mode = int(cr["repeat_days_mode"])
        triangular = rng.triangular
        candidates = []
        for d, i in crisis_days:
            candidates.append((d, i))
            cur = d
            for _ in range(int(cr["max_chain"])):
                p = cr["p_repeat_after"] if cur >= cday else cr["p_repeat_before"]
                if rnd() >= p:
                    break
                cur += int(triangular(rep_lo, rep_hi + 1, rep_mode))
                candidates.append((cur, -2))
        candidates.sort()

        # ---- crisis events and admission spells, in date order
        adm = r["admissions"]
        spells = []  # (admitted, discharged or None)
        events = []  # (day, setting)
        contacts = []  # (tmin, kind, mode, attendance)
        comms = []  # (day, partner, purpose)
        plans_extra = []  # days a new crisis plan was written after a spell
        state = {"in_until": -1, "block_until": -1, "last": last, "open": is_open, "death": None}
        min_after = int(r["caseload"]["min_days_after_spell"])

        def spell(day: int, length: int | None = None) -> None:
            """Record a spell from ``day`` (inpatient unless ``length`` is given), and any readmissions."""
            while day is not None:
                if length is None:
                    length = int(adm["inpatient_median_days"] * math.exp(adm["inpatient_sigma"] * gauss(0.0, 1.0)))
                    length = min(max(length, adm["inpatient_min_days"]), adm["inpatient_max_days"])
                dis = day + length
                self.counters["spell"] += 1
                sid = f"ADM{self.counters['spell']:06d}"
                if dis > last_day:
                    B["admissions"].append((sid, pid, DAY[day], None, None, None, None, None, None))
                    spells.append((day, None))
                    state["in_until"] = nd + 1
                    state["block_until"] = nd + 1
                    state["last"] = last_day
                    state["open"] = True
                    return
                spells.append((day, dis))
                dtype = self.t["dtype"][int(rnd() * 1000)]
                state["in_until"] = dis
                state["block_until"] = dis + 30
                if dtype == "death":
                    B["admissions"].append((sid, pid, DAY[day], DAY[dis], "death", None, None, None, None))
                    state["death"] = dis
                    state["last"] = dis
                    state["open"] = False
                    return
                followup = None
                followed_3 = False
                if dtype in ("planned", "unplanned"):
                    u = rnd()
                    fd = None
                    if u < adm["p_followup_1_3_days"]:
                        fd = self.t["fday"][int(rnd() * 1000)]
                        followed_3 = True
                    elif u < adm["p_followup_1_3_days"] + adm["p_followup_4_10_days"]:
                        fd = 4 + int(rnd() * 7)
                    if fd is not None and dis + fd <= last_day:
                        ft = (dis + fd) * 1440 + 540 + int(rnd() * 480)
                        followup = DAY[ft // 1440] + "T" + HM[ft % 1440]
                        contacts.append((ft, "planned", self.t["fmode"][int(rnd() * 1000)], "attended"))
                p_house = adm["p_housing_confirmed_unstable" if unstable else "p_housing_confirmed_stable"]
                housing_ok = 1 if rnd() < p_house else 0
                if dis + 14 <= last_day:
                    p_eng = adm["p_engaged_14d_if_followed_up" if followed_3 else "p_engaged_14d_otherwise"]
                    engaged = 1 if rnd() < p_eng else 0
                else:
                    engaged = None
                handover = 1 if rnd() < adm["p_handover_complete"] else 0
                B["admissions"].append(
                    (sid, pid, DAY[day], DAY[dis], dtype, followup, housing_ok, engaged, handover)
                )
                if rnd() < r["partner_comms"]["p_after_discharge"]:
                    comms.append((dis, "gp", self.purposes["discharge"]))
                    if not housing_ok:
                        comms.append((dis, "housing", self.purposes["housing"]))
                if rnd() < adm["p_new_plan_after_spell"]:
                    plans_extra.append(dis + int(rnd() * 8))
                if dis + min_after > state["last"]:
                    if dis + min_after > last_day:
                        state["last"] = last_day
                        state["open"] = True
                    else:
                        state["last"] = dis + min_after
                # readmission: constant probability, 1-29 days after discharge
                day = None
                length = None
                if rnd() < adm["p_readmit_30d"]:
                    nxt = dis + 1 + int(rnd() * 29)
                    if nxt <= last_day:
                        day = nxt
                        if nxt > state["last"]:
                            state["last"] = nxt

        p_admit = cr["p_admit"]
        t_setting, t_setting_nh = self.t["setting"], self.t["setting_no_house"]
        p_cc = cr["p_crisis_contact"]
        p_cc_next = cr["p_crisis_contact_next_day"]
        p_other_dna = con["p_other_dna"]
        t_urgent = self.t["mode_urgent"]
        comm_r = r["partner_comms"]
        for d, i in candidates:
            if d < a or d > state["last"] or d <= state["in_until"] or state["death"] is not None:
                continue
            blocked = d < state["block_until"]
            setting = (t_setting_nh if blocked else t_setting)[int(rnd() * 1000)]
            lo_d, hi_d = self.durations[setting]
            dur = lo_d + int(rnd() * (hi_d - lo_d + 1))
            ended = d + dur
            self.counters["crisis"] += 1
            B["crisis_events"].append(
                (f"CRI{self.counters['crisis']:07d}", pid, DAY[d], setting, DAY[ended] if ended <= last_day else None)
            )
            events.append(d)
            if i >= 0:
                escs[i][2] = "crisis"
            if rnd() < p_cc:
                cd = d + (1 if rnd() < p_cc_next else 0)
                if cd <= state["last"]:
                    contacts.append((cd * 1440 + 480 + int(rnd() * 720), "crisis", t_urgent[int(rnd() * 1000)],
                                     "dna" if rnd() < p_other_dna else "attended"))
            if rnd() < comm_r["p_after_crisis"]:
                comms.append((d, self.t["p_crisis"][int(rnd() * 1000)], self.purposes["crisis"]))
            if not blocked:
                if setting == "crisis_house":
                    if i >= 0:
                        escs[i][2] = "admitted"
                    spell(d, max(dur, 1))
                elif rnd() < p_admit:
                    if i >= 0:
                        escs[i][2] = "admitted"
                    spell(d)
        last = state["last"]
        is_open = state["open"]

        def in_spell(day: int) -> bool:
            for s_a, s_d in spells:
                if s_a <= day and (s_d is None or day <= s_d):
                    return True
            return False

        # ---- escalation log rows, step-ups and reviews
        trig_tab = self.t["trig_unstable"] if unstable else self.t["trig"]
        order = self.trigger_order
        t_trig_n = self.t["trig_n"]
        ws = self.warning_signs
        n_ws = len(ws)
        sigma = esc_r["review_sigma"]
        p_su = {int(k): v for k, v in esc_r["p_step_up"].items()}
        p_two_signs = esc_r["p_two_warning_signs"]
        su_lo = int(esc_r["step_up_delay_hours_min"]) * 60
        su_span = int(esc_r["step_up_delay_hours_max"]) * 60 - su_lo
        r72_days = int(esc_r["review_72h_days_max"]) + 1
        p_resolved = esc_r["p_resolved"]
        outcomes = self.outcomes
        for t, level, flag in escs:
            d = t // 1440
            if d > last or (spells and in_spell(d)):
                continue
            after = d >= cday
            n_t = t_trig_n[int(rnd() * 1000)]
            chosen = {trig_tab[int(rnd() * 1000)] for _ in range(n_t)}
            triggers = ";".join(x for x in order if x in chosen)
            w1 = int(rnd() * n_ws)
            signs = ws[w1] if rnd() >= p_two_signs else ws[w1] + ";" + ws[(w1 + 1 + int(rnd() * (n_ws - 1))) % n_ws]
            acts = self.actions[level]
            action = acts[int(rnd() * len(acts))]
            if rnd() < (esc_r["p_rationale_after"] if after else esc_r["p_rationale_before"]):
                rats = self.rationales[level]
                rationale = rats[int(rnd() * len(rats))]
            else:
                rationale = None
            reviewed = None
            if rnd() >= (esc_r["p_unreviewed_after"] if after else esc_r["p_unreviewed_before"]):
                median = esc_r["review_median_hours_after"] if after else esc_r["review_median_hours_before"]
                rt = t + int(median * 60 * math.exp(sigma * gauss(0.0, 1.0)))
                if rt // 1440 <= last_day:
                    reviewed = DAY[rt // 1440] + "T" + HM[rt % 1440]
            # step-up and its review
            p = p_su.get(level, 0.0)
            if level == 2 and after:
                p = esc_r["p_step_up_level2_after"]
            stepped = False
            if p and rnd() < p:
                st = t + su_lo + int(rnd() * su_span)
                mod = st % 1440
                if mod < 480:
                    st = st - mod + 480 + int(rnd() * 120)
                elif mod >= 1200:
                    st = st - mod + 1440 + 480 + int(rnd() * 120)
                sd = st // 1440
                if sd <= last and not in_spell(sd):
                    stepped = True
                    contacts.append((st, "step_up", t_urgent[int(rnd() * 1000)],
                                     "dna" if rnd() < con["p_step_up_dna"] else "attended"))
                    u = rnd()
                    p72 = esc_r["p_review_72h_after"] if sd >= cday else esc_r["p_review_72h_before"]
                    if u < p72:
                        k = int(rnd() * r72_days)
                        rt2 = (sd + k) * 1440 + 540 + int(rnd() * 480)
                        if rt2 <= st:
                            rt2 += 1440
                    elif u < p72 + (1 - p72) * (1 - esc_r["p_no_review_after_step_up"]):
                        lo_r, hi_r = esc_r["late_review_days_min"], esc_r["late_review_days_max"]
                        rt2 = (sd + lo_r + int(rnd() * (hi_r - lo_r + 1))) * 1440 + 540 + int(rnd() * 480)
                    else:
                        rt2 = None
                    if rt2 is not None and rt2 // 1440 <= last:
                        contacts.append((rt2, "review", self.t["mode_review"][int(rnd() * 1000)], "attended"))
            if reviewed is None:
                outcome = outcomes["unreviewed"]
            elif flag == "admitted":
                outcome = outcomes["admitted"]
            elif flag == "crisis":
                outcome = outcomes["crisis"]
            elif stepped:
                outcome = outcomes["stepped_up"]
            else:
                outcome = outcomes["resolved"] if rnd() < p_resolved else outcomes["ongoing"]
            self.counters["escalation"] += 1
            B["escalations"].append(
                (f"ESC{self.counters['escalation']:07d}", pid, DAY[d] + "T" + HM[t % 1440], level,
                 triggers, signs, action, rationale, reviewed, outcome)
            )
            if level >= 3 and rnd() < comm_r["p_after_escalation"]:
                comms.append((d, self.t["p_esc"][int(rnd() * 1000)], self.purposes["escalation"]))

        # ---- planned contacts and care reviews
        iv0, iv1, iv2 = (int(x) for x in con["planned_interval_days"])
        jit = int(con["interval_jitter"])
        p_cp = con["p_cancelled_by_person"]
        p_cs = con["p_cancelled_by_service"]
        p_late = con["p_late"]
        # one draw decides a planned contact's or a review's attendance
        cut_cp = dna_p + p_cp
        cut_cs = cut_cp + p_cs
        cut_late = cut_cs + p_late

        def attendance(u: float) -> str:
            if u < dna_p:
                return "dna"
            if u < cut_cp:
                return "cancelled_by_person"
            if u < cut_cs:
                return "cancelled_by_service"
            if u < cut_late:
                return "late"
            return "attended"

        t_mp = self.t["mode_planned"]
        d = a + int(rnd() * 7)
        has_spells = bool(spells)
        while d <= last:
            wd = WD[d]
            if wd >= 5:
                d += 7 - wd
                if d > last:
                    break
            if not (has_spells and in_spell(d)):
                att = attendance(rnd())
                contacts.append((d * 1440 + 540 + 15 * int(rnd() * 32), "planned", t_mp[int(rnd() * 1000)], att))
            months_in = (d - ref) / MONTH_DAYS
            d += (iv0 if months_in < 2 else iv1 if months_in < 6 else iv2) + int(rnd() * (2 * jit + 1)) - jit

        rv = int(con["review_interval_days"])
        k = max(1, -(-(a - ref) // rv))
        review_days = []
        while True:
            d = ref + k * rv + int(rnd() * 21) - 10
            k += 1
            if d > last:
                break
            if d < a:
                continue
            review_days.append(d)
        if not is_open and state["death"] is None and rnd() < con["p_final_review"]:
            review_days.append(max(a, last - int(rnd() * 7)))
        t_mr = self.t["mode_review"]
        for d in review_days:
            wd = WD[d]
            if wd >= 5:
                d -= wd - 4
                if d < a:
                    continue
            if has_spells and in_spell(d):
                continue
            att = attendance(rnd())
            contacts.append((d * 1440 + 540 + 15 * int(rnd() * 32), "review", t_mr[int(rnd() * 1000)], att))

        t_mu = self.t["mode_unpl"]
        for d in unplanned_days:
            if d > last or (has_spells and in_spell(d)):
                continue
            contacts.append((d * 1440 + 480 + int(rnd() * 720), "unplanned", t_mu[int(rnd() * 1000)],
                             "dna" if rnd() < p_other_dna else "attended"))

        contacts.sort()
        rows = B["contacts"]
        n = self.counters["contact"]
        for t, kind, mode, att in contacts:
            n += 1
            rows.append((f"C{n:08d}", pid, DAY[t // 1440] + "T" + HM[t % 1440], kind, mode, att))
        self.counters["contact"] = n

        # ---- crisis plans
        cp = r["crisis_plans"]
        easy = 1 if rnd() < cp["p_easy_read"] else 0
        plan_days = []
        if rnd() < cp["p_plan"]:
            window = int(cp["plan_days"]) * (2 if ref < 0 else 1)
            plan_days.append(min(a + int(rnd() * window), last))
        for pd in plans_extra:
            if pd <= last and (not plan_days or pd > plan_days[-1]):
                plan_days.append(pd)
        never = rnd() < cp["p_never_reviewed"]
        rlo, rhi = int(cp["review_days_min"]), int(cp["review_days_max"])
        for j, created in enumerate(plan_days):
            until = plan_days[j + 1] - 1 if j + 1 < len(plan_days) else last
            latest = None
            reviews = set()  # every review, kept as history (crisis_plan_reviews)
            if not never:
                rv_d = created + rlo + int(rnd() * (rhi - rlo + 1))
                while rv_d <= until:
                    latest = rv_d
                    reviews.add(rv_d)
                    rv_d += rlo + int(rnd() * (rhi - rlo + 1))
                for ev in events:
                    if created < ev <= until and rnd() < cp["p_review_after_crisis"]:
                        rv_e = min(ev + int(rnd() * 8), until)
                        if rv_e > created:
                            reviews.add(rv_e)
                        if rv_e > created and (latest is None or rv_e > latest):
                            latest = rv_e
            B["crisis_plans"].append((pid, DAY[created], DAY[latest] if latest is not None else None, easy))
            B["crisis_plan_reviews"].extend((pid, DAY[created], DAY[d]) for d in sorted(reviews))

        # ---- goals and goal reviews (GAS)
        g = r["goals"]
        n_goals = self.t["goal_n"][int(rnd() * 1000)]
        domains = rng.sample(self.goal_domains, n_goals)
        progress = gauss(g["progress_mean"], g["progress_sd"])
        glo, ghi = int(g["set_days_min"]), int(g["set_days_max"])
        grlo, grhi = int(g["review_days_min"]), int(g["review_days_max"])
        noise = g["review_noise_sd"]
        for j, dom in enumerate(domains, start=1):
            set_on = a + glo + int(rnd() * (ghi - glo + 1))
            if set_on > last:
                if j > 1:
                    continue
                set_on = last
            descs = g["domains"][dom]
            gid = f"G{num:05d}-{j}"
            base = self.t["goal_base"][int(rnd() * 1000)]
            B["goals"].append((gid, pid, dom, descs[int(rnd() * len(descs))], DAY[set_on], base,
                               float(self.t["goal_w"][int(rnd() * 1000)])))
            rd = set_on + grlo + int(rnd() * (grhi - grlo + 1))
            review_at = []
            while rd <= last:
                review_at.append(rd)
                rd += grlo + int(rnd() * (grhi - grlo + 1))
            if not is_open and state["death"] is None and rnd() < g["p_discharge_review"]:
                if last > set_on + 14 and (not review_at or last > review_at[-1] + 14):
                    review_at.append(last)
            for rd in review_at:
                level = round(base + progress * (rd - set_on) / 182.6 + gauss(0.0, noise))
                B["goal_reviews"].append((gid, DAY[rd], min(2, max(-2, level))))

        # ---- outcome measures
        ms_r = r["measures"]
        if rnd() < ms_r["p_baseline"]:
            name = self.t["instrument"][int(rnd() * 1000)]
            ins = self.instruments[name]
            lo_s, hi_s = ins["min"], ins["max"]
            bd = min(a + int(rnd() * (int(ms_r["baseline_days"]) + 1)), last)
            true_base = gauss(ins["baseline_mean"], ins["baseline_sd"])
            change = gauss(ins["change_mean"], ins["change_sd"])
            ns = ins["noise_sd"]
            full = ms_r["months_to_full_change"] * MONTH_DAYS

            def score(day: int) -> float:
                s = true_base + change * min((day - bd) / full, 1.0) + gauss(0.0, ns)
                return float(min(hi_s, max(lo_s, round(s))))

            B["measures"].append((pid, name, DAY[bd], score(bd)))
            prev = bd
            fi = int(ms_r["followup_interval_days"])
            f = bd + fi + int(rnd() * 29) - 14
            while f <= last:
                if rnd() < ms_r["p_followup"]:
                    B["measures"].append((pid, name, DAY[f], score(f)))
                    prev = f
                f += fi + int(rnd() * 29) - 14
            if not is_open and state["death"] is None and rnd() < ms_r["p_discharge_followup"]:
                f = last - int(rnd() * 14)
                if f > prev + 30:
                    B["measures"].append((pid, name, DAY[f], score(f)))

        # ---- safeguarding concerns
        sg_n = self.counters["concern"]
        for d in sorted(concern_days):
            if d > last or d < a:
                continue
            lag = self.t["sg_lag"][int(rnd() * 1000)]
            referred = None
            if lag != "none" and d + int(lag) <= last_day:
                referred = DAY[d + int(lag)]
            sg_n += 1
            B["safeguarding"].append(
                (f"SG{sg_n:06d}", pid, DAY[d], referred, 1 if rnd() < sg["p_multi_agency_plan"] else 0,
                 self.t["sg_outcome"][int(rnd() * 1000)])
            )
            if rnd() < comm_r["p_after_safeguarding"]:
                comms.append((d, self.t["p_sg"][int(rnd() * 1000)], self.purposes["safeguarding"]))
        self.counters["concern"] = sg_n

        # ---- routine partner communications, then all comms for this person
        routine = self.purposes["routine"]
        d = a + int(rnd() * 91)
        while d <= last:
            if rnd() < comm_r["routine_per_quarter"]:
                comms.append((d, self.t["p_routine"][int(rnd() * 1000)], routine[int(rnd() * len(routine))]))
            d += 91
        comms.sort()
        cn = self.counters["comm"]
        for d, partner, purpose in comms:
            lag = self.t["days_send"][int(rnd() * 1000)]
            if d + lag > last_day:
                continue
            cn += 1
            B["partner_comms"].append((f"COM{cn:07d}", DAY[d + lag], partner, pid, purpose, lag))
        self.counters["comm"] = cn

        # ---- the person row, and the caseload per month for incidents
        if ref < 0:
            referral = (self.start + timedelta(days=ref)).isoformat()
        else:
            referral = DAY[ref]
        discharge = None if is_open else DAY[last]
        B["people"].append((pid, team, referral, discharge, age, baseline, housing))
        for m in range(MIDX[a], MIDX[last] + 1):
            self.caseload[m] += 1

    # ----------------------------------------------------------------- incidents

    def _incidents(self) -> None:
        r = self.r["incidents"]
        rnd = self.rng.random
        last_day = self.nd - 1
        DAY = self.DAY
        n = 0
        due_days = [int(x) for x in r["due_days"]]
        for m in range(self.months):
            lo, hi = self.ms[m], self.ms[m + 1]
            days = sorted(lo + int(rnd() * (hi - lo)) for _ in range(_poisson(self.caseload[m] * r["rate"], rnd)))
            for d in days:
                kind = self.t["inc_type"][int(rnd() * 1000)]
                texts = self.incident_text[kind]
                summary, learning, action = texts[int(rnd() * len(texts))]
                owner = self.t["inc_owner"][int(rnd() * 1000)]
                if kind == "compliment":
                    severity = None
                    due = d + 14
                    closed = d + 1 + int(rnd() * int(r["compliment_close_days_max"]))
                else:
                    severity = self.t["inc_sev"][int(rnd() * 1000)]
                    due = d + due_days[int(rnd() * len(due_days))]
                    u = rnd()
                    if u < r["p_closed_on_time"]:
                        closed = d + 3 + int(rnd() * (due - d - 2))
                    elif u < r["p_closed_on_time"] + r["p_closed_late"]:
                        closed = due + 1 + int(rnd() * int(r["late_days_max"]))
                    else:
                        closed = None
                n += 1
                self.buffers["incidents"].append(
                    (f"INC{n:05d}", DAY[d], kind, severity, summary, learning, action, owner,
                     DAY[due] if due < len(DAY) else (self.start + timedelta(days=due)).isoformat(),
                     DAY[closed] if closed is not None and closed <= last_day else None)
                )
