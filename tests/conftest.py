"""Shared fixtures.

* Every test runs with its own ``EVIDENCEBOT_HOME``, so no test reads or writes
  the developer's real config, data or database.
* A new, empty database is migrated by copying a template that the real
  migrations built once per worker (per user name, which the migration's audit
  entry records): 0.1 s of CPU per database otherwise. Tests marked
  ``real_migrations`` (tests/store/test_migrations.py) migrate from nothing.
* ``demo_factory`` builds each demo layout (people, months, end, seed) once per
  test run and hands out its path; under pytest-xdist the workers share one
  build per layout through a lock file. Tests read that file only; a test that
  changes data asks ``demo_copy_factory`` for a private copy.
"""

from __future__ import annotations

import fcntl
import gc
import itertools
import json
import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from evidencebot.language.pipeline import PARSE_CACHE_ENV

# Garbage collection: a worker holds a large, long-lived heap (Textual, spaCy's model, the package) that
# CPython's default thresholds (700, 10, 10) walk again and again while the app pilots allocate: 3.4 s of
# 16.1 s CPU in tests/tui/test_story_picker.py. Fewer young collections, and the heap that collection
# leaves frozen out of the full ones (pytest_collection_finish below): 0.8 s of 13.5 s. Only when the
# collector runs changes; every cycle is still collected.
gc.set_threshold(50_000, 20, 20)


def pytest_collection_finish(session):
    """What exists once the tests are collected lives for the whole run: keep it out of full collections."""
    gc.collect()
    gc.freeze()


# The layout most tests use: small enough to build in seconds, long enough for 24-month SPC charts.
DEMO_LAYOUT = {"people": 120, "months": 24, "end": "2026-09", "seed": 20260924}


@pytest.fixture(scope="session")
def _homes(tmp_path_factory) -> Path:
    """The folder that holds every test's home (one per worker)."""
    return tmp_path_factory.mktemp("evidencebot-homes")


_HOME_NUMBERS = itertools.count()


@pytest.fixture(autouse=True)
def isolated_home(_homes, monkeypatch):
    # A numbered folder of our own, not ``tmp_path_factory.mktemp``: that lists the whole base temp folder
    # to find the next free number (and relinks "...current"), so with a home per test (thousands per
    # worker, beside every tmp_path) each call got slower than the last. 1,500 empty tests, -n 0:
    # 8.0 s of CPU before, 5.0 s after (and every tmp_path lists a folder half the size).
    home = _homes / str(next(_HOME_NUMBERS))
    home.mkdir()
    monkeypatch.setenv("EVIDENCEBOT_HOME", str(home))
    monkeypatch.delenv("EVIDENCEBOT_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def accounts_follow_names(monkeypatch):
    """Each declared user name acts from a computer account of its own.

    evidencebot refuses an approval from the computer account that wrote or
    submitted the item (issue 18, defect 6). Tests play several people in one
    process, so here every name gets its own pretend account;
    tests/governance/test_attack_name_change.py puts the real account back.
    """
    from evidencebot.store import audit

    monkeypatch.setattr(audit, "account_of", lambda user: f"test account of {user}")


# Assertion rewriting once per run, not once per worker. pytest rewrites every test module's asserts (parse,
# rewrite, compile) when a process imports it, and keeps the result as a .pyc beside the module only when
# bytecode may be written; on a clean clone there is none yet, so every xdist worker rewrote all 163 modules
# itself (this machine's shell sets PYTHONDONTWRITEBYTECODE=1, so it was so on every run): 7.7 s of the
# 12.6 s CPU a collection costs (pytest --collect-only -n 0: 12.55 s with rewriting, 4.86 s with
# --assert=plain), paid by each of the three workers. The controller now rewrites them once into a
# temporary folder before the workers start, and the workers read pytest's own cached form from there
# (pytest checks it against the module's size and change time, and rewrites a module that changed since).
# Nothing is written into the source tree; any failure here leaves pytest to rewrite as before.
_REWRITE_CACHE = "evidencebot_rewrite_cache"


def _is_test_module(path: Path) -> bool:
    return path.name == "conftest.py" or path.name.startswith("test_") or path.name.endswith("_test.py")


def modules_to_rewrite(root: Path, selected: list[Path]) -> list[Path]:
    """The test modules and conftests under ``root`` that a run of the ``selected`` files and folders
    imports (with the conftests of the folders above them); a selection outside ``root`` adds nothing."""
    found: set[Path] = set()
    for chosen in selected:
        chosen = Path(os.path.abspath(chosen))  # as pytest names its paths: normalised, links not followed
        if chosen != root and not chosen.is_relative_to(root):
            if root.is_relative_to(chosen):  # a folder holding all the tests (the project's root)
                chosen = root
            else:
                continue
        if chosen.is_dir():
            found.update(p for p in chosen.rglob("*.py") if _is_test_module(p))
        elif chosen.suffix == ".py":
            found.add(chosen)
        folder = chosen if chosen.is_dir() else chosen.parent
        for above in [folder, *folder.parents]:
            if above != root and not above.is_relative_to(root):
                break
            if (above / "conftest.py").exists():
                found.add(above / "conftest.py")
    return sorted(found)


def precompile_test_modules(config, root: Path, cache: Path, selected: list[Path] | None = None,
                            processes: int = 1) -> int:
    """Rewrite the asserts of the test modules and conftests under ``root`` (those a run of ``selected``
    imports; all by default) into ``cache`` (the layout :func:`rewrite_cache_dir` reads), shared out
    between ``processes`` forks of this one. Returns how many are there."""
    from _pytest.assertion import rewrite

    state = config.stash[rewrite.assertstate_key]
    modules = modules_to_rewrite(root, [root] if selected is None else selected)
    targets = [rewrite_cache_dir(cache, root, path) / (path.name[:-3] + rewrite.PYC_TAIL) for path in modules]
    for folder in {target.parent for target in targets}:
        folder.mkdir(parents=True, exist_ok=True)

    def rewrite_share(share: int) -> None:
        for path, target in list(zip(modules, targets))[share::processes]:
            source_stat, code = rewrite._rewrite_test(path, config)
            rewrite._write_pyc(state, code, source_stat, target)

    forks = []
    # a fork copies only the thread that calls it: with other threads running (an xdist worker's execnet
    # threads) a lock one of them holds stays held in the child, so fork only a single-threaded process
    can_fork = hasattr(os, "fork") and threading.active_count() == 1
    for share in range(1, processes if can_fork else 1):
        pid = os.fork()
        if pid == 0:  # the fork rewrites its share and leaves at once (no pytest clean-up of its own)
            code = 1
            try:
                rewrite_share(share)
                code = 0
            finally:
                os._exit(code)
        forks.append(pid)
    try:
        rewrite_share(0)
    finally:
        failed = [pid for pid in forks if os.waitpid(pid, 0)[1] != 0]
    if failed:  # a share not written is rewritten by the workers themselves; say so once
        print(f"tests/conftest.py: {len(failed)} of {len(forks)} precompiling forks failed")
    if len(forks) + 1 < processes:  # no fork on this system: the other shares here too
        for share in range(1, processes):
            rewrite_share(share)
    return sum(target.exists() for target in targets)


def rewrite_cache_dir(cache: Path, root: Path, path: Path) -> Path:
    """Where the rewritten form of the module ``path`` (under ``root``) lives in ``cache``."""
    return cache.joinpath(*path.parent.relative_to(root).parts)


def read_rewrites_from(cache: Path, root: Path) -> None:
    """This process's assertion rewriting looks in ``cache`` first for the modules under ``root``."""
    from _pytest.assertion import rewrite

    own = rewrite.get_cache_dir

    def get_cache_dir(file_path: Path) -> Path:
        path = Path(file_path)
        return rewrite_cache_dir(cache, root, path) if path.is_relative_to(root) else own(path)

    rewrite.get_cache_dir = get_cache_dir


def pytest_xdist_setupnodes(config, specs):
    """The controller, once, before any worker starts: the rewritten test modules into a temporary folder
    (with one worker there is nothing to share: it rewrites them itself, as the controller would)."""
    import tempfile

    if len(specs) < 2 or config.getoption("assertmode") != "rewrite":
        return  # (with --assert=plain there is nothing to rewrite)
    cache = None
    try:
        here = config.invocation_params.dir
        selected = [here / str(arg).split("::", 1)[0] for arg in config.args]
        cache = Path(tempfile.mkdtemp(prefix="evidencebot-rewrites-"))
        config.stash[_REWRITE_KEY] = cache
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        # shared out between the CPUs: the controller alone left the other core idle while the workers waited
        precompile_test_modules(config, Path(__file__).parent, cache, selected, processes=min(cpus, len(specs)))
    except Exception as exc:  # the workers rewrite for themselves, as without the cache
        config.stash[_REWRITE_KEY] = None
        if cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
        print(f"tests/conftest.py: test modules not precompiled ({type(exc).__name__}: {exc})")


def pytest_configure_node(node):
    cache = node.config.stash.get(_REWRITE_KEY, None)
    if cache is not None:
        node.workerinput[_REWRITE_CACHE] = str(cache)


def pytest_configure(config):
    cache = getattr(config, "workerinput", {}).get(_REWRITE_CACHE)
    if cache:
        try:
            read_rewrites_from(Path(cache), Path(__file__).parent)
        except Exception:  # pragma: no cover - a pytest without these internals rewrites as it always did
            pass
    _start_parse_cache(config)


def pytest_unconfigure(config):
    cache = config.stash.get(_REWRITE_KEY, None)
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
    folder = config.stash.get(_PARSE_CACHE_KEY, None)
    if folder is not None:
        os.environ.pop(_PARSE_CACHE_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


# One parse per sentence for the whole run (evidencebot.language.pipeline.PARSE_CACHE_ENV): the same
# sentences (phrasebank examples, labelled sets, library blocks, the answers assembled from them) are
# parsed by many test files, in every xdist worker and in the programs the CLI tests start. The controller
# makes a new folder before the workers start (they and their child processes inherit the variable) and
# removes it at the end; a run started with the variable already set uses that folder and leaves it, and
# one started with it set empty (``EVIDENCEBOT_PARSE_CACHE= pytest``) parses everything itself.
_PARSE_CACHE_ENV = PARSE_CACHE_ENV  # the one name of it (pipeline imports only errors and text)
_PARSE_CACHE_KEY = pytest.StashKey[str | None]()


def _start_parse_cache(config) -> None:
    import tempfile

    if hasattr(config, "workerinput") or _PARSE_CACHE_ENV in os.environ:
        return
    folder = tempfile.mkdtemp(prefix="evidencebot-parses-")
    config.stash[_PARSE_CACHE_KEY] = folder
    os.environ[_PARSE_CACHE_ENV] = folder


def _parse_cache_counts_file(folder: str, worker: str) -> Path:
    return Path(folder) / "counts" / f"{worker}.json"


def pytest_terminal_summary(terminalreporter, config):
    """One line: how many parses the run's processes (the test processes, not their children) read from
    the shared parse cache."""
    folder = config.stash.get(_PARSE_CACHE_KEY, None)
    if folder is None:
        return
    hits = misses = 0
    for path in (Path(folder) / "counts").glob("*.json"):
        counts = json.loads(path.read_text(encoding="utf-8"))
        hits, misses = hits + counts["hits"], misses + counts["misses"]
    if hits + misses:
        terminalreporter.write_line(f"parse cache: {hits:,} of {hits + misses:,} texts read from it "
                                    f"({100 * hits / (hits + misses):.0f}%)")


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    """After the session fixtures' teardown: one garbage collection, and what survives it frozen.

    pytest's unraisable-exception plugin collects garbage five times over at clean-up (a collection can
    free objects whose finalisers leave more garbage), each a walk of the whole heap the run has built
    (the checker's caches, parsed documents, apps): 0.83 s of CPU for one compose file alone, in every
    worker. One collection here, with pytest's hook for unraisable exceptions in place, frees what is
    garbage now; pytest's five then walk only what is made after (a finaliser's garbage, which they still
    collect). Here, not at unconfigure: an xdist worker reports itself finished after this hook, and its
    controller sends a worker still busy 5 s after that a SIGINT (execnet), which a collection under load
    could take (a KeyboardInterrupt in a weakref callback, reported as an unraisable exception once).
    Only when the collector runs changes."""
    folder = os.environ.get(_PARSE_CACHE_ENV)
    if folder:  # this process's share of the parse cache's use, for the controller's summary line
        import sys

        pipeline = sys.modules.get("evidencebot.language.pipeline")
        if pipeline is not None:
            worker = getattr(session.config, "workerinput", {}).get("workerid", "master")
            path = _parse_cache_counts_file(folder, worker)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(pipeline.parse_cache_counts()), encoding="utf-8")
    gc.collect()
    gc.freeze()


_REWRITE_KEY = pytest.StashKey[Path | None]()


def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (pyproject's addopts): one worker more than the CPUs this process may use. A worker is
    not busy all the time (the app pilots wait for the app to go idle and for its timers, child processes
    start up, time budgets run out), so with one worker per core part of the machine sat idle: the
    clean-clone run of session 5 used 115% of one core on 2 cores. Still so in session 9 (the test process's own
    /proc schedstat, -n 0 on a loaded machine): tests/tui/test_story_form.py ran 16.6 s on a CPU and was blocked
    22.8 s more (timers, waiting for the app to go idle), tests/compose/test_tender.py ran 11.0 s and was never
    blocked; so two workers would leave a core idle while an app test waits, and a third one fills it."""
    import os

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cpus + 1


# The files that take the most CPU, longest first (seconds of CPU, the worker's own and its child processes',
# measured per file on 2026-12-04 in a whole run of 29349f9 in a clone after its first .ci/run, -n 3, load 17-22, with
# bench/suite_costs.py; the rest are shorter; a file's figure includes the session fixtures it was first to use,
# so expect a few seconds of noise). tui/test_story_kill.py goes first although second by CPU: it waits most
# (child processes, the app's timers: 184 s of wall in that run, the most of any file).
# pyproject runs xdist with --dist loadfile --no-loadscope-reorder: files are handed to the workers in
# collection order, one at a time, so putting the long files first leaves short ones for the end and the
# workers finish together (xdist's own order, most tests first, left the few-test, long TUI files to the end
# and one worker idle for the last minute or two). Only the order changes; a file not listed keeps its place
# after these. Measure again when a file's cost changes a lot (the list went stale once already).
LONGEST_FIRST = (
    "tui/test_story_kill.py",  # 17
    "compose/test_method_library.py",  # 18
    "governance/test_large.py",  # 16
    "tui/test_user_jobs.py",  # 14
    "language/test_quality.py",  # 14
    "language/test_privacy.py",  # 12
    "tui/test_story_form.py",  # 9
    "tui/test_flows.py",  # 8
    "core/test_lint.py",  # 8 on a clean clone (a cold mypy cache: 7.2 s); 0.5 with .mypy_cache kept
    "language/test_checker.py",  # 7
    "language/test_rule_examples.py",  # 7
    "compose/test_export.py",  # 7
    "tui/test_story_submit.py",  # 6
    "compose/test_review_reader3.py",  # 6
    "compose/test_tender.py",  # 6
    "governance/test_attack_templates.py",  # 6
    "language/test_rules_cli.py",  # 6
    "governance/test_crash.py",  # 5
    "governance/test_attack_outputs.py",  # 5
    "tui/test_snapshots.py",  # 5
    "governance/test_fuzz.py",  # 5
    "compose/test_part_answers_s18.py",  # 5
    "compose/test_cli.py",  # 5
    "compose/test_cli_exports.py",  # 5
    "compose/test_answer_fit.py",  # 5
    "store/test_demo.py",  # 5
    "compose/test_block_matching.py",  # 5
    "store/test_importers.py",  # 4
    "compose/test_word.py",  # 4
    "tui/test_open_word_draft.py",  # 4
    "compose/test_question_intake.py",  # 4
    "compose/test_bid_repeats.py",  # 4
    "core/test_layers.py",  # 4
    "governance/test_file_safety.py",  # 4
    "governance/test_templates.py",  # 3
    "tui/test_governance_flows.py",  # 3
    "tui/test_export_screen.py",  # 3
    "compose/test_review_reader5.py",  # 3
    "compose/test_charts.py",  # 3
    "tui/test_draft_privacy.py",  # 3
    "tui/test_partial_quarter.py",  # 3
    "tui/test_story_picker.py",  # 3
    "compose/test_part_fit.py",  # 3
    "tui/test_autosave_lock.py",  # 3
    "compose/test_buyer_standards.py",  # 3
    "compose/test_questionnaire.py",  # 3
)


def pytest_collection_modifyitems(config, items):
    """Long files first (see LONGEST_FIRST); a stable sort, so tests keep their order inside a file."""
    rank = {f"tests/{name}": i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


_REAL_MIGRATIONS = {"on": False}


@pytest.fixture(scope="session", autouse=True)
def migrated_templates():
    """Migrating an empty database copies a template built by the real migrations (see the module docstring).

    Only a database with nothing in it is copied into; one with any table goes through the real
    ``migrate`` (upgrades, the pre-migration backup). The copy holds exactly what migrating would
    write: the tables, triggers and indexes, the applied-migrations list and the audit entry naming
    the connection's user (only its time is the template's).
    """
    from evidencebot.store import audit, migrations

    real = migrations.migrate
    templates: dict[str, tuple[sqlite3.Connection, list[str]]] = {}

    def migrate(db, *, backup: bool = True) -> list[str]:
        if _REAL_MIGRATIONS["on"] or db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return real(db, backup=backup)
        user = audit.current_user(db)
        if user not in templates:
            from evidencebot.store.db import connect

            template = connect(None, migrate=False, user=user)
            templates[user] = (template.conn, real(template))
        conn, names = templates[user]
        conn.backup(db.conn)
        assert real(db, backup=backup) == [], "the migrated template left a migration pending"
        return list(names)

    migrations.migrate = migrate
    yield
    migrations.migrate = real


@pytest.fixture(autouse=True)
def real_migrations(request):
    """``@pytest.mark.real_migrations``: every database in the test is migrated from nothing."""
    if request.node.get_closest_marker("real_migrations") is None:
        yield
        return
    _REAL_MIGRATIONS["on"] = True
    yield
    _REAL_MIGRATIONS["on"] = False


@pytest.fixture
def db(tmp_path):
    """A migrated, empty database file in a temporary folder."""
    from evidencebot.store.db import connect

    database = connect(tmp_path / "test.db")
    yield database
    database.close()


def _shared_folder(tmp_path_factory, worker_id: str) -> Path:
    """A folder every xdist worker of this run sees (the run's base temp folder when not distributed)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / "demo-builds"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """pytest-xdist's worker id, or "master" without xdist."""
    return getattr(request.config, "workerinput", {}).get("workerid", "master")


# The shared demo builds this process has handed out: path -> what the file looked like (see _signature).
_SHARED_BUILDS: dict[Path, tuple] = {}


def _signature(path: Path) -> tuple:
    """Size and change time of a database file and the size of its write-ahead log: a reader changes none
    of them (the build ends with a truncating checkpoint), a write changes the log, and the main file once
    the write is checkpointed."""
    main = path.stat()
    wal = path.with_name(path.name + "-wal")
    return main.st_size, main.st_mtime_ns, wal.stat().st_size if wal.exists() else 0


@pytest.fixture(autouse=True)
def shared_demo_builds_stay_unchanged():
    """A test that writes into a shared demo build fails, naming the change.

    Every test that copies the build later sees the write: session 9 and 10's runs failed 6 tests in
    tests/compose/test_cli_exports.py, tests/assistant/test_governance.py and test_exporting.py (an
    export record they did not make) when test_word's template test, writing a review with ``--db`` on the
    shared build, ran first on another worker; alone, the files passed. Under xdist the writer may be a
    test on another worker; the build's newest audit entry says what was written."""
    yield
    changed = [path for path, seen in _SHARED_BUILDS.items() if _signature(path) != seen]
    for path in changed:
        _SHARED_BUILDS[path] = _signature(path)  # said once, not again by every later test
    if changed:
        newest = []
        for path in changed:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                newest.append(conn.execute("SELECT at, table_name, action, row_key FROM audit_log "
                                           "ORDER BY audit_id DESC LIMIT 1").fetchone())
            finally:
                conn.close()
        pytest.fail(f"a shared demo build was written to (read only: use demo_copy_factory): "
                    f"{[p.name for p in changed]}; newest audit entries {newest}")


@pytest.fixture(scope="session")
def demo_factory(tmp_path_factory, worker_id):
    """``make(**layout) -> Path``: the demo built once per layout for the whole run. Read only (a test
    that writes into it fails: ``shared_demo_builds_stay_unchanged``)."""
    from evidencebot.store.db import connect
    from evidencebot.store.demo import build_demo

    folder = _shared_folder(tmp_path_factory, worker_id)

    def make(**layout) -> Path:
        layout = {**DEMO_LAYOUT, **layout}
        name = "demo-" + "-".join(f"{k}{v}" for k, v in sorted(layout.items())).replace("/", "_")
        path = folder / f"{name}.db"
        with open(folder / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one worker builds, the others wait for it
            done = folder / f"{name}.json"
            if not done.exists():
                path.unlink(missing_ok=True)
                database = connect(path)
                try:
                    build_demo(database, **layout)
                    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    database.close()
                done.write_text(json.dumps(layout), encoding="utf-8")
            _SHARED_BUILDS.setdefault(path, _signature(path))
        return path

    return make


@pytest.fixture(scope="session")
def checker_factory():
    """``make(*families) -> Checker``: one real checker (default settings) per family set for the run.

    With no families, the default ones. Tests that change settings or monkeypatch the
    pipeline build their own ``Checker`` instead.
    """
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    made: dict = {}

    def make(*families: str):
        if families not in made:
            made[families] = Checker(settings=CheckerSettings(), families=list(families) or None)
        return made[families]

    return make


@pytest.fixture(scope="session")
def default_demo(demo_factory) -> Path:
    """The demo ``evidencebot demo`` builds (store.demo's defaults: 400 people, 24 months to 2026-09), built
    once per run. Read only: copy it (``copy_database``) to change it or to hold it open for a module."""
    from evidencebot.store import demo

    return demo_factory(people=demo.DEFAULT_PEOPLE, months=demo.DEFAULT_MONTHS, end=demo.DEFAULT_END,
                        seed=demo.DEFAULT_SEED)


def copy_database(source: Path, target: Path) -> Path:
    """A private copy of a (checkpointed) database file."""
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def demo_copy_factory(demo_factory, tmp_path):
    """``make(**layout) -> Path``: a private copy of a demo layout that the test may change."""
    def make(name: str = "demo-copy.db", **layout) -> Path:
        return copy_database(demo_factory(**layout), tmp_path / name)

    return make


@pytest.fixture
def count_computations(monkeypatch):
    """``start() -> list``: from the call on, the ids of indicators whose measures are worked out
    (not taken from a cache), in order."""
    from evidencebot.metrics import indicators

    def start() -> list[str]:
        calls: list[str] = []
        for family, func in list(indicators.COMPUTE.items()):
            def counting(ctx, ind, spans, func=func):
                calls.append(ind.id)
                return func(ctx, ind, spans)
            monkeypatch.setitem(indicators.COMPUTE, family, counting)
        return calls

    return start
