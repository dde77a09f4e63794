"""The layer rules, checked on every import in the package, including imports inside functions.

The core never imports the faces (``cli``, ``tui``); ``store`` does not import ``metrics``;
``language`` does not import ``store``; ``metrics`` does not import ``language``. A rule is a
pair (importing layer, forbidden layer); a layer is a subpackage or module of ``evidencebot``.

The leaves (``text``, ``mentions``) import only the standard library and, of evidencebot, only
the leaves listed for them (``mentions`` may import ``text``), so every layer can use them.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "evidencebot"
CORE = ("store", "metrics", "language", "evidence", "compose", "assistant", "config", "locations", "errors")
FACES = ("cli", "tui")
FORBIDDEN = [(core, face) for core in CORE for face in FACES] + [
    ("store", "metrics"),
    ("language", "store"),
    ("metrics", "language"),
]
LEAVES = {"text": (), "mentions": ("text",)}
"""Leaf modules and the only evidencebot modules each may import."""


_TREES: dict[str, ast.Module] = {}
_NODES: dict[int, list[ast.AST]] = {}


def _parse(source: str) -> ast.Module:
    """``ast.parse``, once per source in this file: three contracts below read every module of the package
    (the trees are only read, never changed)."""
    if source not in _TREES:
        tree = _TREES[source] = ast.parse(source)
        _NODES[id(tree)] = list(ast.walk(tree))
    return _TREES[source]


def _walk(tree: ast.Module) -> list[ast.AST]:
    """``list(ast.walk(tree))`` (the same nodes in the same order), walked once per tree parsed by
    :func:`_parse`: the contracts walk each module seven times, which was most of this file's CPU."""
    nodes = _NODES.get(id(tree))
    return nodes if nodes is not None else list(ast.walk(tree))


@pytest.fixture(scope="module", autouse=True)
def _trees_freed():
    yield
    _TREES.clear()
    _NODES.clear()


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "evidencebot" else None


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """Every module named by an import statement anywhere in ``source`` (with line numbers)."""
    found = []
    for node in _walk(_parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # "from evidencebot import tui" names the layer in the alias
            if name == "evidencebot":
                found += [(node.lineno, f"evidencebot.{alias.name}") for alias in node.names]
    return found


def violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    mine = _layer(module)
    bad = []
    for line, name in imported_modules(source, module, is_package=is_package):
        theirs = _layer(name)
        if theirs and theirs != mine and (mine, theirs) in FORBIDDEN:
            bad.append(f"{module}:{line} imports {name} ({mine} must not import {theirs})")
        if mine in LEAVES:
            if theirs is None and name.split(".")[0] == "evidencebot":
                theirs = "evidencebot"
            if theirs is not None and theirs != mine and theirs not in LEAVES[mine]:
                bad.append(f"{module}:{line} imports {name} (the leaf {mine} imports only "
                           f"{', '.join(LEAVES[mine]) or 'the standard library'} of evidencebot)")
            elif theirs is None and name.split(".")[0] not in sys.stdlib_module_names:
                bad.append(f"{module}:{line} imports {name} (the leaf {mine} imports only the standard library)")
    return bad


def test_the_package_keeps_the_layer_rules():
    bad = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50  # really walking the package
    for path in files:
        module = _module_name(path)
        bad += violations(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("source, module", [
    ("from evidencebot.tui.app import run_app\n", "evidencebot.compose.review"),
    ("def f():\n    import evidencebot.cli.common\n", "evidencebot.assistant.actions"),
    ("def f():\n    from evidencebot import tui\n", "evidencebot.metrics.spc"),
    ("from evidencebot.metrics import indicators\n", "evidencebot.store.demo"),
    ("from evidencebot.store.db import connect\n", "evidencebot.language.checker"),
    ("from ..language import checker\n", "evidencebot.metrics.spc"),
    ("from evidencebot.language.pipeline import get_nlp\n", "evidencebot.metrics.indicators"),
    ("from evidencebot.errors import InputError\n", "evidencebot.text"),
    ("def f():\n    from evidencebot.mentions import figures\n", "evidencebot.text"),
    ("import yaml\n", "evidencebot.text"),
    ("from evidencebot.metrics.periods import parse_period\n", "evidencebot.mentions"),
    ("from evidencebot import config\n", "evidencebot.mentions"),
    ("def f():\n    import spacy\n", "evidencebot.mentions"),
])
def test_a_forbidden_import_is_caught(source, module):
    assert violations(source, module)


@pytest.mark.parametrize("source, module", [
    ("from evidencebot.store.db import connect\n", "evidencebot.metrics.indicators"),
    ("from evidencebot.compose import review\n", "evidencebot.tui.screens.export"),
    ("from . import stats\n", "evidencebot.metrics.spc"),
    ("import textual\n", "evidencebot.tui.app"),
    ("import re\nfrom functools import lru_cache\n", "evidencebot.text"),
    ("from __future__ import annotations\nfrom evidencebot.text import MONTH_PATTERN\n", "evidencebot.mentions"),
    ("from evidencebot.text import sentence_spans\n", "evidencebot.language.pipeline"),
    ("from evidencebot.mentions import figures\n", "evidencebot.store.values"),
])
def test_an_allowed_import_passes(source, module):
    assert not violations(source, module)


# ---------------------------------------------------------------- Store owns persistence
#
# Nothing outside ``store`` changes data: no data-changing SQL statement (INSERT, UPDATE, DELETE,
# REPLACE, CREATE, DROP, ALTER) handed to execute(), and no sqlite-utils write method (.insert,
# .upsert, .update, .delete, .create ...) called on a table (``db["name"]``, ``db.table(...)``, or a
# name bound to one). Reads outside store go through its named queries: see the read contract below.

WRITE_SQL = re.compile(r"^\s*(?:WITH\b.*?\)\s*)?(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.I | re.S)
EXECUTE = {"execute", "executemany", "executescript"}
TABLE_WRITES = {"insert", "insert_all", "upsert", "upsert_all", "update", "delete", "delete_where", "create",
                "drop", "add_column", "transform", "create_index", "enable_fts", "disable_fts", "rebuild_fts",
                "populate_fts", "add_foreign_key", "create_table", "create_view", "vacuum", "add_foreign_keys"}
DB_NAMES = {"db", "database", "conn", "connection"}
"""Names (or attributes such as ``self.db``) that hold a connection in this package."""


def _literal_text(node: ast.AST, strings: dict[str, str]) -> str | None:
    """The text of a string literal, f-string (its literal parts), concatenation, or a name bound to one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " x " for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = _literal_text(node.left, strings)
        return left if left is not None else _literal_text(node.right, strings)
    if isinstance(node, ast.Name):
        return strings.get(node.id)
    return None


def _holds_db(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in DB_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in DB_NAMES
    return False


def _is_table(node: ast.AST, tables: set[str]) -> bool:
    """``db["name"]``, ``db.table(...)``/``db.table(...)``, or a name bound to one of them."""
    if isinstance(node, ast.Subscript):
        return _holds_db(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("table", "view") and _holds_db(node.func.value)
    return isinstance(node, ast.Name) and node.id in tables


def data_writes(source: str, module: str) -> list[str]:
    """Every place in ``source`` that changes data without going through store."""
    tree = _parse(source)
    strings: dict[str, str] = {}
    tables: set[str] = set()
    for node in _walk(tree):  # names bound to SQL text or to a table, anywhere in the module
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            text = _literal_text(node.value, {})
            if text is not None:
                strings[node.targets[0].id] = text
            if _is_table(node.value, set()):
                tables.add(node.targets[0].id)
    bad = []
    for node in _walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name = node.func.attr
        if name in EXECUTE and node.args:
            text = _literal_text(node.args[0], strings)
            if text is not None and WRITE_SQL.match(text):
                bad.append(f"{module}:{node.lineno} runs {' '.join(text.split())[:40]!r}… (data changes belong in store)")
        elif name in TABLE_WRITES and _is_table(node.func.value, tables):
            bad.append(f"{module}:{node.lineno} calls .{name}() on a table (data changes belong in store)")
    return bad


def _outside_store(check) -> list[str]:
    """What ``check(source, module)`` finds in every module of the package outside store/."""
    bad: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if _layer(module) != "store":
            bad += check(path.read_text(encoding="utf-8"), module)
    return bad


def test_nothing_outside_store_changes_data():
    bad = _outside_store(data_writes)
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("source", [
    'db.execute("delete from stories where story_id = ?", [sid])\n',
    'def f(db):\n    db.execute("""\n        UPDATE drafts SET body = ? WHERE draft_id = ?""", [b, i])\n',
    'def f(self):\n    self.db.execute(f"insert into {table} values (?)", [v])\n',
    'SQL = "replace into settings values (?, ?)"\ndef f(conn):\n    conn.execute(SQL, [k, v])\n',
    'db.executescript("create table x (a); drop table y")\n',
    'db.execute("with t as (select 1) insert into x select * from t")\n',
    'db["bids"].insert({"question": q})\n',
    'def f(database):\n    database["tender_questions"].update(3, {"owner": "Jo"})\n',
    'db.table("facts").delete(4)\n',
    'def f(db):\n    table = db["answer_blocks"]\n    table.upsert(row, pk="block_id")\n',
    'db["block_uses"].insert_all(rows)\n',
    'self.db["stories"].delete_where("status = ?", ["draft"])\n',
])
def test_a_data_change_outside_store_is_caught(source):
    assert data_writes(source, "evidencebot.compose.example")


@pytest.mark.parametrize("source", [
    'db.execute("select * from stories where story_id = ?", [sid])\n',
    'db.execute("PRAGMA busy_timeout = 5000")\n',
    'rows = db.query("select count(*) from bids")\n',
    'extra["compare"].update(ci_low=None)\n',
    'state["results"].update(found)\n',
    'fields.update(more)\n',
    'out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table}{columns}")\n',
    'notes.insert(0, "a note")\n',
    'db["bids"].exists()\n',
    'with db.atomic():\n    bids.insert_bid(db, row)\n',
])
def test_reads_and_ordinary_calls_pass(source):
    assert not data_writes(source, "evidencebot.compose.example")


# ---------------------------------------------------------------- Store owns reads too
#
# Outside ``store`` no SQL is written or run at all: no text that reads as an SQL read (``select ... from
# table``, ``with name as (``, ``pragma name``, in lower or upper case, not in a docstring),
# whatever it is handed to (``execute``, a helper such as ``ctx.rows``, a name bound to it); no
# execute()/query() on a connection (``db``, ``self.db``, ``db.conn``, whatever the SQL: it may be built
# elsewhere); and no sqlite-utils read on a table (``db["x"].count``, ``.exists()``, ``.rows_where(...)``,
# ``.get(...)`` ...) or on the database (``db.table_names()`` ...). Code outside store calls Store's
# named reads (store/indicator_reads.py, records.py, case_review.py, search.py ...), handing them the
# connection.

READ_SQL = re.compile(
    r"^\s*(?:(?:select|SELECT)\s.+?\s(?:from|FROM)\s+[\w.\"]+"
    r"|(?:with|WITH)\s+\w+(?:\s*\([^)]*\))?\s+(?:as|AS)\s+(?:(?:materialized|MATERIALIZED)\s+)?\("
    r"|(?:pragma|PRAGMA)\s+\w+)", re.S)
RUNS_SQL = EXECUTE | {"query"}
TABLE_READS = {"rows", "rows_where", "count", "count_where", "exists", "get", "columns", "columns_dict", "pks",
               "search", "search_sql", "schema", "indexes", "xindexes", "foreign_keys", "triggers", "detect_fts",
               "lookup", "pks_and_rows_where", "use_rowid", "has_counts_triggers", "strict"}
DB_READS = {"table_names", "view_names", "tables", "views", "triggers", "schema", "supports_strict",
            "sqlite_version", "journal_mode", "attached_databases"}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (a statement that is only a string)."""
    return {id(node.value) for node in _walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)}


def data_reads(source: str, module: str) -> list[str]:
    """Every place in ``source`` that reads the database without going through store."""
    tree = _parse(source)
    docstrings = _docstrings(tree)
    tables = {node.targets[0].id for node in _walk(tree)
              if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
              and _is_table(node.value, set())}
    parts = {id(v) for node in _walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    not_sql = docstrings | parts  # (made once: per string constant it was most of this contract's CPU)
    bad = []
    for node in _walk(tree):
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in not_sql:
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = _literal_text(node, {})
        if text is not None and READ_SQL.match(text):
            bad.append(f"{module}:{node.lineno} holds the SQL {' '.join(text.split())[:40]!r}… "
                       "(reads go through store's named queries)")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNS_SQL
              and _holds_db(node.func.value)):
            bad.append(f"{module}:{node.lineno} runs SQL on the connection (reads go through store's named queries)")
        elif isinstance(node, ast.Attribute) and node.attr in TABLE_READS and _is_table(node.value, tables):
            bad.append(f"{module}:{node.lineno} reads .{node.attr} of a table (reads go through store)")
        elif isinstance(node, ast.Attribute) and node.attr in DB_READS and _holds_db(node.value):
            bad.append(f"{module}:{node.lineno} reads .{node.attr} of the database (reads go through store)")
    return bad


def test_nothing_outside_store_reads_data():
    bad = _outside_store(data_reads)
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("source", [
    'db.execute("select * from stories where story_id = ?", [sid])\n',
    'def f(ctx):\n    return ctx.rows("select count(*) from contacts")\n',
    'def f(self):\n    return self.db.execute(sql, params).fetchall()\n',
    'def f(database):\n    database.conn.execute("PRAGMA database_list").fetchone()\n',
    'SQL = "with t as (select 1) select * from t"\ndef f(cur):\n    cur.execute(SQL)\n',
    'rows = db.query("select count(*) from bids")\n',
    'def f(conn):\n    conn.execute(f"select {col} from people")\n',
    'SQL = (\n    "select person_id, count(*) "\n    "from escalations group by 1"\n)\n',
    'def f(ctx, lo, hi):\n    return _grouped(ctx, "SELECT m, sum(x) FROM incidents GROUP BY 1", lo, hi)\n',
    'sql = f"""\n    with s as materialized (select * from {table})\n    select count(*) from s"""\n',
    'rows = run("pragma index_list(escalations)")\n',
    'if not db["stories"].exists():\n    pass\n',
    'n = db["people"].count\n',
    'def f(db):\n    table = db["measures"]\n    return list(table.rows_where("score > ?", [3]))\n',
    'row = db.table("facts").get(4)\n',
    'names = db.table_names()\n',
])
def test_a_read_outside_store_is_caught(source):
    assert data_reads(source, "evidencebot.compose.example")


@pytest.mark.parametrize("source", [
    'rows = reads.goal_reviews(ctx.db, start, end)\n',
    'with db.atomic():\n    bids.insert_bid(db, row)\n',
    'file = main_file(db.conn)\n',
    'db.close()\n',
    'for widget in self.query(".privacy"):\n    widget.refresh()\n',
    'value = ctx["rolling"].get(r.id)\n',
    'extra["compare"].update(ci_low=None)\n',
    'counts = Counter(words)\nn = counts.get("the")\n',
    'label = Static("Select a story from the list, then press Enter.")\n',
    'def f():\n    """select rows from the table the caller names."""\n',
    'HELP = "With a period: the indicators as they stood then."\n',
    'note = f"values ({n}) were left out"\n',
])
def test_store_calls_and_ordinary_reads_pass(source):
    assert not data_reads(source, "evidencebot.compose.example")


# ---------------------------------------------------------------- imports at the top
#
# A core module imports our own modules at its top, where a reader (and the import graph) sees them; only the faces
# (cli, tui) load lazily. An import inside a function hides a dependency and, often, an import cycle (session 16's
# compose/figure_clauses -> buyer_terms through private _NUM/_number). The modules below had imports of our own
# modules inside functions when this contract was added (session 17): take a module off when you clean it, never
# add one (heavy third-party libraries, spaCy, python-docx, openpyxl, matplotlib, may still load lazily anywhere).

INNER_IMPORT_DEBT = frozenset("""
""".split())


def inner_imports(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Each import of an evidencebot module inside a function of ``source``."""
    tree = _parse(source)
    at_top = {id(node) for node in tree.body}
    found = []
    for node in _walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for inner in ast.walk(node):
            if id(inner) in at_top or not isinstance(inner, (ast.Import, ast.ImportFrom)):
                continue
            names = imported_modules(ast.unparse(inner), module, is_package=is_package)
            found += [f"{module}:{inner.lineno} imports {name} inside {node.name}()" for _, name in names
                      if name.split(".")[0] == "evidencebot"]
    return found


def test_core_modules_import_our_modules_at_their_top():
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        short = module.removeprefix("evidencebot.")
        if _layer(module) in FACES or short in INNER_IMPORT_DEBT:
            continue
        bad += inner_imports(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
    assert not bad, "\n".join(bad)


def test_the_inner_import_debt_list_names_only_modules_that_still_owe():
    owing = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if inner_imports(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py"):
            owing.add(module.removeprefix("evidencebot."))
    assert INNER_IMPORT_DEBT <= owing, f"cleaned, take off INNER_IMPORT_DEBT: {sorted(INNER_IMPORT_DEBT - owing)}"


@pytest.mark.parametrize("source, module, caught", [
    ("def f():\n    from evidencebot.compose.buyer_terms import _NUM\n", "evidencebot.compose.figure_clauses", True),
    ("def f():\n    from . import tender\n", "evidencebot.compose.figure_clauses", True),
    ("class A:\n    def f(self):\n        import evidencebot.text\n", "evidencebot.store.values", True),
    ("def f():\n    import spacy\n    from docx import Document\n", "evidencebot.compose.figure_clauses", False),
    ("from evidencebot.text import sentences\n\ndef f():\n    return sentences('')\n", "evidencebot.mentions", False),
])
def test_an_inner_import_of_our_own_module_is_caught(source, module, caught):
    assert bool(inner_imports(source, module)) is caught


# ---------------------------------------------------------------- no import cycles in compose
#
# A cycle hides behind imports inside functions (session 18 found four in compose: questions -> questionnaire ->
# questions, askfit <-> blockmatch, tender -> consistency/requirements/tender_profile -> buyer_terms -> tender, word <->
# export) and broke each by moving the shared thing down. Every import counts here, at the top or inside a function.


def import_graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """module -> the modules of ``sources`` it imports anywhere; ``sources``: module -> (source, is_package).
    ``from evidencebot.compose import tender`` names ``evidencebot.compose.tender`` when that is a module."""
    graph: dict[str, set[str]] = {}
    for module, (source, is_package) in sources.items():
        found: set[str] = set()
        for node in _walk(_parse(source)):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = imported_modules(ast.unparse(node), module, is_package=is_package)[0][1]
                found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in sources else base for a in node.names)
        graph[module] = {name for name in found if name in sources and name != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (its modules in order, the first again at the end), or None."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph.get(module, ())):
            if state.get(other) == 1:
                return path[path.index(other):] + [other]
            if other not in state and (found := visit(other)):
                return found
        state[module] = 2
        path.pop()
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_compose_has_no_import_cycle():
    sources = {_module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
               for path in sorted((PACKAGE / "compose").rglob("*.py"))}
    graph = import_graph(sources)
    assert len(graph) > 20 and sum(map(len, graph.values())) > 40  # really reading compose's imports
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


@pytest.mark.parametrize("sources, cyclic", [
    ({"evidencebot.compose.a": ("from evidencebot.compose import b\n", False),
      "evidencebot.compose.b": ("def f():\n    from evidencebot.compose.a import x\n", False)}, True),
    ({"evidencebot.compose.a": ("from . import b\n", False),
      "evidencebot.compose.b": ("import evidencebot.compose.c\n", False),
      "evidencebot.compose.c": ("from .a import y\n", False)}, True),
    ({"evidencebot.compose.a": ("from evidencebot.compose import b\n", False),
      "evidencebot.compose.b": ("from evidencebot.text import sentences\nimport re\n", False)}, False),
    ({"evidencebot.compose.a": ("from evidencebot.compose.b import x\n", False),
      "evidencebot.compose.b": ("x = 1\n", False)}, False),
])
def test_an_import_cycle_is_found(sources, cyclic):
    assert (find_cycle(import_graph(sources)) is not None) is cyclic


# ---------------------------------------------------------------- no optional imports of our own modules
#
# Our own modules are part of the package: an import of one is never tried and its failure turned into "not
# available" (issue 17: a broken privacy module became an unavailable family, and its tests skipped instead of
# failing; a missing module inside answer assembly became "not available in this build yet").

_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _catches_import_errors(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in _IMPORT_ERRORS for k in kinds)


def _reraises(handler: ast.ExceptHandler) -> bool:
    """The handler ends in a bare ``raise`` (it tidies up and lets every failure through)."""
    return bool(handler.body) and isinstance(handler.body[-1], ast.Raise) and handler.body[-1].exc is None


def optional_own_imports(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Each import of an evidencebot module inside a ``try`` with a handler that catches an ImportError and does
    not raise it again."""
    found = []
    for node in _walk(_parse(source)):
        if not (isinstance(node, ast.Try)
                and any(_catches_import_errors(h) and not _reraises(h) for h in node.handlers)):
            continue
        for inner in (n for stmt in node.body for n in ast.walk(stmt)):
            if isinstance(inner, (ast.Import, ast.ImportFrom)):
                names = imported_modules(ast.unparse(inner), module, is_package=is_package)
                found += [f"{module}:{inner.lineno} tries to import {name}" for _, name in names
                          if name.split(".")[0] == "evidencebot"]
    return found


def test_our_own_modules_are_never_optional():
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        bad += optional_own_imports(path.read_text(encoding="utf-8"), _module_name(path),
                                    is_package=path.name == "__init__.py")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("source, caught", [
    ("try:\n    from evidencebot.language import privacy\nexcept ImportError:\n    privacy = None\n", True),
    ("def f():\n    try:\n        from . import checker\n    except ModuleNotFoundError as exc:\n        return None\n",
     True),
    ("try:\n    import evidencebot.text\nexcept (OSError, ImportError):\n    pass\n", True),
    ("try:\n    import docx\nexcept ImportError:\n    docx = None\n", False),
    ("try:\n    from evidencebot.store import audit\nexcept BaseException:\n    conn.rollback()\n    raise\n", False),
    ("from evidencebot.text import sentences\ntry:\n    x = sentences('')\nexcept ValueError:\n    pass\n", False),
])
def test_an_optional_import_of_our_own_module_is_caught(source, caught):
    assert bool(optional_own_imports(source, "evidencebot.language.checker")) is caught


# ---------------------------------------------------------------- no broad except that turns a bug into a result
#
# A handler that catches everything (a bare ``except:``, ``Exception`` or ``BaseException``, alone or in a tuple)
# either tidies up and lets the failure through (it ends in a bare ``raise``), or is listed here with why: a
# third-party library's many failures on a damaged file turned into one InputError/ConfigError naming the file,
# or a place where a bug is reported as a bug (docs/architecture-status.md, row 12). Anything else turns a bug
# into a result (session 17: ``inputs.limit_bytes`` read any error as "the default size limit"; a story with
# a bug in its reader became a "rejected row"). Keyed by module and function; the number is how many broad
# handlers that function holds.

BROAD_EXCEPT_ALLOWED = {
    # the command line's last line of defence: "error: unexpected X ... please report this", exit 70
    # (EVIDENCEBOT_DEBUG=1 re-raises): a bug reported as a bug, never a result
    "evidencebot.cli.common:run_guarded": 1,
    # writing crash.log while the app is already reporting a crash: a failure to write it must not replace the
    # report of the crash itself (which names the error)
    "evidencebot.tui.app:EvidencebotApp._fatal_error": 1,
    # spaCy: a model package whose load() fails in any way -> ConfigError naming the model and how to reinstall
    "evidencebot.language.pipeline:_load": 1,
    # Python's private regular-expression parser (re._parser) read for the literal prefilter: a failure only
    # turns the prefilter off for that pattern, which is then run on every text (findings unchanged)
    "evidencebot.language.prefilter:required_literals": 1,
    # the audit triggers' SQLite function: an exception there would fail the user's write with SQLite's
    # "user-defined function raised exception"; the entry is still written (who, when, table, row, action)
    # and its changes say {"audit_error": "<type>"}, so the failure is in the log, not hidden
    "evidencebot.store.audit:_sql_diff": 1,
    # openpyxl on a damaged or odd workbook (many kinds) -> InputError naming the file (and row)
    "evidencebot.store.importers:_XlsxSource.__init__": 2,
    "evidencebot.store.importers:_XlsxSource._rows_raw": 1,
    # compose/ (python-docx, docxtpl, openpyxl on a damaged file -> InputError/ConfigError naming the file)
    "evidencebot.compose.word:render_docx": 1,
    "evidencebot.compose.questionnaire:_open_docx": 1,
    "evidencebot.compose.questionnaire:_open_xlsx": 1,
    "evidencebot.compose.library:import_answers": 1,
    "evidencebot.compose.wordcheck:_open": 1,
    # python-docx on a paragraph whose style id the document does not define: no style name
    "evidencebot.compose.wordcheck:docx_to_markdown.style_of": 1,
    # the template renderer's child process: any failure is sent to the parent as a "bug" answer (raised there),
    # or, when even that fails, the child exits 1; the parent turns a missing or partial answer into ConfigError
    "evidencebot.compose.env:_in_child": 3,
}

_BROAD = {"Exception", "BaseException"}


def _is_broad(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in _BROAD for k in kinds)


def broad_excepts(source: str, module: str) -> list[tuple[str, int]]:
    """``(module:function, line)`` of each handler in ``source`` that catches everything and does not end in a
    bare ``raise`` (the function is the enclosing one, dotted: ``Class.method.inner``)."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, where: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(child, where + [child.name])
                continue
            if isinstance(child, ast.ExceptHandler) and _is_broad(child) and not _reraises(child):
                found.append((f"{module}:{'.'.join(where) or '<module>'}", child.lineno))
            visit(child, where)

    visit(_parse(source), [])
    return found


def test_no_broad_except_turns_a_bug_into_a_result():
    counts: dict[str, list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for where, line in broad_excepts(path.read_text(encoding="utf-8"), _module_name(path)):
            counts.setdefault(where, []).append(line)
    allowed = BROAD_EXCEPT_ALLOWED
    bad = [f"{where} (line {', '.join(map(str, lines))}): {len(lines)} broad handler(s), "
           f"{allowed.get(where, 0)} allowed: catch the error you mean, or end the handler in 'raise'"
           for where, lines in counts.items() if len(lines) > allowed.get(where, 0)]
    assert not bad, "\n".join(bad)
    stale = {where: n for where, n in allowed.items() if len(counts.get(where, [])) < n}
    assert not stale, f"BROAD_EXCEPT_ALLOWED allows more than there is (take them off): {stale}"


@pytest.mark.parametrize("source, caught", [
    ("def f():\n    try:\n        g()\n    except Exception:\n        return None\n", True),
    ("def f():\n    try:\n        g()\n    except:\n        pass\n", True),
    ("def f():\n    try:\n        g()\n    except (ValueError, Exception) as exc:\n        log(exc)\n", True),
    ("class A:\n    def f(self):\n        try:\n            g()\n        except BaseException:\n            x = 1\n", True),
    ("def f(p):\n    try:\n        g(p)\n    except Exception:\n        raise InputError(f'{p}: bad') from None\n",
     True),
    ("def f():\n    try:\n        g()\n    except BaseException:\n        conn.rollback()\n        raise\n", False),
    ("def f():\n    try:\n        g()\n    except (ValueError, KeyError):\n        return None\n", False),
    ("def f():\n    try:\n        g()\n    except sqlite3.OperationalError as exc:\n        if 'no such' in str(exc):\n"
     "            return None\n        raise\n", False),
])
def test_a_broad_except_is_caught(source, caught):
    assert bool(broad_excepts(source, "evidencebot.store.example")) is caught
